//! The store's shared vocabulary: weighted brand lexicons in en/pt/es and
//! the translation of customer words to the catalog's English words (from
//! the language crate's vocabulary, the one the host's search reads).
//!
//! The router scores brands with [`brand_scores`]; the seller kit uses it to
//! notice a message that belongs to another brand (hand-off) and
//! [`expand_query`] to search an English catalog with Portuguese or Spanish
//! words.
//!
//! ```
//! use agent_store_sdk::lexicon;
//! let s = lexicon::brand_scores("quero um teclado mecânico rgb");
//! assert_eq!(s[0].0, "gaming");
//! assert!(lexicon::expand_query("zapatillas negras").contains("sneakers"));
//! ```

use crate::text;

mod brands;
pub mod index;
pub mod store;
#[cfg(test)]
mod tables;

pub use brands::{BRANDS, BrandLexicon};

/// Tables `build.rs` precomputes from `lang/data/vocabulary.txt` (and
/// `products.txt`, through [`translations`]) and from [`BRANDS`], so a
/// fresh wasm instance (one per turn) does not parse and stem them again:
/// `STEMMED_TRANSLATIONS`, `FIRST_WORDS`, `CATALOG_WORDS`,
/// `VOCABULARY_WORDS`, `BRAND_PHRASES`, `BRAND_FIRST_WORDS`.
mod generated {
    include!(concat!(env!("OUT_DIR"), "/vocabulary_tables.rs"));
}

/// Whether `token` (normalised) is one of the catalog's English words that
/// [`translations`] maps customer words to ("candle", "pillow").
pub fn is_catalog_word(token: &str) -> bool {
    generated::CATALOG_WORDS.binary_search(&token).is_ok()
}

/// Whether `token` (normalised, unstemmed) is a word of [`translations`],
/// on either side: the product vocabulary in en/pt/es ("calca", "pants").
pub(crate) fn is_vocabulary_word(token: &str) -> bool {
    generated::VOCABULARY_WORDS.binary_search(&token).is_ok()
}

/// Customer words (en/pt/es, synonyms) and the catalog's English words for
/// them, used by [`expand_query`] and the brand index: the store's one
/// vocabulary (`lang/data/vocabulary.txt`, the host's query parser reads
/// the same file), as [`agent_store_lang::query::translations`].
pub fn translations() -> &'static [(String, String)] {
    agent_store_lang::query::translations()
}

/// [`translations`] with the customer words stemmed (at build time):
/// (terms, English); the first of two keys that stem alike wins.
pub(crate) fn stemmed_translations() -> &'static [(&'static [&'static str], &'static str)] {
    generated::STEMMED_TRANSLATIONS
}

/// Brand scores for `message`, best first, only brands with a positive
/// score. Each lexicon term counts once (typo matches count 0.75).
pub fn brand_scores(message: &str) -> Vec<(&'static str, f32)> {
    crate::analysis::ask(|a| a.brand_scores(message)).unwrap_or_else(|| brand_scores_here(message))
}

/// [`brand_scores`], computed here and now.
fn brand_scores_here(message: &str) -> Vec<(&'static str, f32)> {
    let hay = text::terms(message);
    let mut out = Vec::new();
    if hay.is_empty() {
        return out;
    }
    let candidates = brand_candidates(&hay);
    for ((lex, phrases), ids) in BRANDS.iter().zip(generated::BRAND_PHRASES).zip(&candidates) {
        // Only the phrases a message word can start, in lexicon order (the
        // others cannot match: the same score as comparing them all).
        let score = score_phrases(
            ids.iter().map(|&i| {
                let (w, p) = phrases[usize::from(i)];
                (w, p)
            }),
            &hay,
        );
        if score > 0.0 {
            out.push((lex.brand, score));
        }
    }
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    out
}

/// For each brand of [`BRANDS`], the indexes of its phrases whose first
/// word some word of `hay` is, or is one edit from (`BRAND_FIRST_WORDS`,
/// a deletion index), sorted.
fn brand_candidates(hay: &[String]) -> Vec<Vec<u16>> {
    let mut out: Vec<Vec<u16>> = vec![Vec::new(); BRANDS.len()];
    let table = generated::BRAND_FIRST_WORDS;
    for h in hay {
        let mut keys = vec![h.clone()];
        if h.chars().count() >= text::FUZZY_MIN_LEN {
            keys.extend(text::deletions(h));
        }
        for k in keys {
            if let Ok(i) = table.binary_search_by(|(x, _)| (*x).cmp(k.as_str())) {
                for &(b, p) in table[i].1 {
                    out[usize::from(b)].push(p);
                }
            }
        }
    }
    for ids in &mut out {
        ids.sort_unstable();
        ids.dedup();
    }
    out
}

/// [`brand_scores`] over any lexicons and already-stemmed terms.
pub fn scores_with(lexicons: &[BrandLexicon], hay: &[String]) -> Vec<(&'static str, f32)> {
    let mut out: Vec<(&'static str, f32)> = Vec::new();
    if hay.is_empty() {
        return out;
    }
    for lex in lexicons {
        let phrases = brands::stemmed_phrases(lex);
        let score = score_phrases(phrases.iter().map(|(w, p)| (*w, p.as_slice())), hay);
        if score > 0.0 {
            out.push((lex.brand, score));
        }
    }
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    out
}

/// One lexicon's score over `hay` from its stemmed phrases
/// ([`brands::stemmed_phrases`]): each distinct phrase counts once, typo
/// matches 0.75, multi-word phrases more (they are more specific).
fn score_phrases<'a, P>(phrases: impl Iterator<Item = (f32, &'a [P])>, hay: &[String]) -> f32
where
    P: AsRef<str> + PartialEq + 'a,
{
    let mut seen: Vec<&[P]> = Vec::new();
    let mut score = 0.0;
    for (w, p) in phrases {
        if seen.contains(&p) {
            continue;
        }
        let m = text::phrase_match(hay, p);
        if m > 0.0 {
            let bonus = 1.0 + 0.25 * (p.len() as f32 - 1.0);
            score += w * m * bonus;
            seen.push(p);
        }
    }
    score
}

/// Which entries of [`stemmed_translations`] `hay` (stemmed terms) says,
/// by index. Exact words first: a typo match counts only where no exact
/// key claimed the word ("calça" is "calca", not a typo of "calza").
pub(crate) fn matched_translations(hay: &[String]) -> Vec<usize> {
    matched_translations_with(hay, |_| false)
}

/// [`matched_translations`] where a word `known` says is a word of its
/// own (the store's dictionary has it: "prata" is silver) is never read
/// as a typo of a key ("prato"); nor is a word of another key ("bomba",
/// of "bomba de agua", is no typo of "bamba").
pub(crate) fn matched_translations_with(
    hay: &[String],
    known: impl Fn(&str) -> bool,
) -> Vec<usize> {
    let table = stemmed_translations();
    let mut out = Vec::new();
    let mut exact = Vec::new();
    let mut fuzzy = Vec::new();
    for i in translation_candidates(hay) {
        let from = &table[i].0;
        let m = text::phrase_match(hay, from);
        if m >= 1.0 {
            exact.push(i);
        } else if m > 0.0 {
            fuzzy.push(i);
        }
    }
    // Longest phrases first: "sem fio" claims "fio" before "fios" (hair).
    exact.sort_by_key(|&i| std::cmp::Reverse(table[i].0.len()));
    let mut claimed: Vec<&str> = Vec::new();
    for i in exact {
        let from = &table[i].0;
        if from.len() == 1 && claimed.contains(&from[0]) {
            continue;
        }
        out.push(i);
        claimed.extend(from.iter().copied());
    }
    // A typo keeps its first letter, as in the brand index: a word one
    // edit from a key there is usually another word ("light" / "tight").
    // In a short word a changed, added or missing consonant usually spells
    // another word too ("manga" / "manta", "cartão" / "carvão", "pérola" /
    // "pérgola"); a changed vowel is how the languages spell one word
    // ("pajama" / "pijama"), so a short word may differ from a key in its
    // vowels only.
    let typo_of = |h: &str, t: &str| {
        h.chars().next() == t.chars().next()
            && text::fuzzy_eq(h, t)
            && (h.chars().count() >= SHORT_TYPO_LEN || text::only_vowels_differ(h, t))
    };
    for i in fuzzy {
        let unclaimed = table[i].0.iter().all(|t| {
            hay.iter().any(|h| h == t)
                || hay.iter().any(|h| {
                    !claimed.contains(&h.as_str())
                        && !known(h)
                        && !is_vocabulary_word(h)
                        && typo_of(h, t)
                })
        });
        if unclaimed {
            out.push(i);
        }
    }
    out.sort_unstable();
    out
}

/// The entries of [`stemmed_translations`] whose first word `hay` has,
/// exactly or one typo away, ascending: the only ones
/// [`matched_translations`] needs to compare, found through an index of
/// first words and their one-letter deletions, so a message costs a few
/// lookups however large the vocabulary.
fn translation_candidates(hay: &[String]) -> Vec<usize> {
    let first = |k: &str| -> &'static [u32] {
        generated::FIRST_WORDS
            .binary_search_by(|(w, _)| (*w).cmp(k))
            .map_or(&[], |i| generated::FIRST_WORDS[i].1)
    };
    let mut out: Vec<usize> = Vec::new();
    for h in hay {
        let fuzzy = typo_eligible(h);
        let keys = std::iter::once(h.clone())
            .chain(fuzzy.then(|| text::deletions(h)).into_iter().flatten());
        for k in keys {
            out.extend(first(&k).iter().map(|&i| i as usize));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Words shorter than this read as a typo of a dictionary key only when
/// they differ from it in vowels ([`matched_translations_with`]).
const SHORT_TYPO_LEN: usize = 7;

/// Whether a word may match with one typo ([`text::fuzzy_eq`]).
fn typo_eligible(w: &str) -> bool {
    w.chars().count() >= text::FUZZY_MIN_LEN && !w.bytes().any(|c| c.is_ascii_digit())
}

/// The catalog's English words for the Portuguese, Spanish or synonym
/// product words in `message` (space-separated, deduplicated; empty when
/// none). Append it to a search text.
pub fn expand_query(message: &str) -> String {
    crate::analysis::ask(|a| a.expanded_query(message))
        .unwrap_or_else(|| expand_query_here(message))
}

/// [`expand_query`], computed here and now (never asked of the host).
pub fn expand_query_here(message: &str) -> String {
    let hay = text::terms(message);
    let mut words: Vec<String> = Vec::new();
    let table = stemmed_translations();
    for i in matched_translations(&hay) {
        for w in table[i].1.split(' ') {
            if !words.iter().any(|x| x == w) && !hay.contains(&text::stem(w)) {
                words.push(w.to_owned());
            }
        }
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(s: &str) -> &'static str {
        brand_scores(s).first().map(|x| x.0).unwrap_or("none")
    }

    /// Scoring only the phrases the first-word index finds gives the
    /// scores of comparing every phrase, typos included. (Sentences
    /// written for this test, from no evaluation set.)
    #[test]
    fn indexed_brand_scores_equal_a_full_scan() {
        let full = |message: &str| -> Vec<(&'static str, f32)> {
            let hay = text::terms(message);
            let mut out = Vec::new();
            for (lex, phrases) in BRANDS.iter().zip(generated::BRAND_PHRASES) {
                let score = score_phrases(phrases.iter().map(|(w, p)| (*w, *p)), &hay);
                if score > 0.0 {
                    out.push((lex.brand, score));
                }
            }
            out.sort_by(|a, b| b.1.total_cmp(&a.1));
            out
        };
        for message in [
            "I need a new laptop for work",
            "labtop gamer barato com placa de vídeo",
            "um batom vermelho e um secador de cabelo",
            "headphnes wireles for the gym",
            "alfombra para la sala y una lampara de pie",
            "controle de ps5 e um headset",
            "zapatilas de running talla 42",
            "protetor solar fator 50 pra pele oleosa",
            "hello",
            "",
        ] {
            assert_eq!(brand_scores(message), full(message), "{message}");
        }
    }

    #[test]
    fn routes_obvious_words() {
        assert_eq!(top("I need a new laptop for work"), "tech");
        assert_eq!(top("quero um fone de ouvido"), "tech");
        assert_eq!(top("busco auriculares inalámbricos"), "tech");
        assert_eq!(top("fone gamer com rgb"), "gaming");
        assert_eq!(top("zapatillas para correr"), "fashion");
        assert_eq!(top("um batom vermelho"), "beauty");
        assert_eq!(top("alfombra para la sala"), "home");
        assert_eq!(top("labtop"), "tech");
        assert_eq!(top("hello"), "none");
    }

    /// The tables `build.rs` generated are what parsing and stemming the
    /// vocabulary and the brand lexicons at run time builds (the data stays
    /// the source of truth).
    #[test]
    fn generated_tables_match_runtime() {
        let translations = translations();
        let runtime = tables::stemmed_translations(translations);
        assert!(runtime.len() > 100, "vocabulary loaded");
        let generated: Vec<(Vec<String>, String)> = stemmed_translations()
            .iter()
            .map(|(from, to)| {
                (
                    from.iter().map(|w| (*w).to_owned()).collect(),
                    (*to).to_owned(),
                )
            })
            .collect();
        assert_eq!(generated, runtime);

        let first: Vec<(String, Vec<u32>)> = tables::first_words(&runtime).into_iter().collect();
        let generated: Vec<(String, Vec<u32>)> = generated::FIRST_WORDS
            .iter()
            .map(|(k, ids)| ((*k).to_owned(), ids.to_vec()))
            .collect();
        assert_eq!(generated, first);

        let words: Vec<String> = tables::catalog_words(translations).into_iter().collect();
        assert_eq!(generated::CATALOG_WORDS, words.as_slice());
        let words: Vec<String> = tables::vocabulary_words(translations).into_iter().collect();
        assert!(words.len() > 100);
        assert_eq!(generated::VOCABULARY_WORDS, words.as_slice());

        let runtime_phrases: Vec<Vec<Vec<String>>> = BRANDS
            .iter()
            .map(|lex| {
                brands::stemmed_phrases(lex)
                    .into_iter()
                    .map(|(_, p)| p)
                    .collect()
            })
            .collect();
        let first: Vec<(String, Vec<(u16, u16)>)> = tables::brand_first_words(&runtime_phrases)
            .into_iter()
            .collect();
        let generated_first: Vec<(String, Vec<(u16, u16)>)> = generated::BRAND_FIRST_WORDS
            .iter()
            .map(|(k, ids)| ((*k).to_owned(), ids.to_vec()))
            .collect();
        assert_eq!(generated_first, first);

        assert_eq!(generated::BRAND_PHRASES.len(), BRANDS.len());
        for (lex, phrases) in BRANDS.iter().zip(generated::BRAND_PHRASES) {
            let runtime = brands::stemmed_phrases(lex);
            let generated: Vec<(f32, Vec<String>)> = phrases
                .iter()
                .map(|(w, p)| (*w, p.iter().map(|t| (*t).to_owned()).collect()))
                .collect();
            assert_eq!(generated, runtime, "{}", lex.brand);
        }
    }

    /// The precomputed phrases score as the lexicons stemmed per call.
    #[test]
    fn brand_scores_match_scores_with() {
        for m in [
            "quero um teclado mecânico rgb",
            "I need a new laptop for work",
            "zapatillas para correr y una mochila",
            "unas uñas de gel",
            "um batom e um fone",
            "hello",
            "",
        ] {
            assert_eq!(brand_scores(m), scores_with(BRANDS, &text::terms(m)), "{m}");
        }
    }

    #[test]
    fn a_short_word_is_no_consonant_typo_of_a_key() {
        let said = |m: &str| -> Vec<&'static str> {
            let table = stemmed_translations();
            matched_translations(&text::terms(m))
                .into_iter()
                .map(|i| table[i].1)
                .collect()
        };
        // "pérola" (pearl) is one letter from "pérgola", "manga" (sleeve)
        // from "manta" (blanket): other words, not typos
        assert!(
            !said("brinco de pérola")
                .iter()
                .any(|e| e.contains("garden"))
        );
        assert!(
            !said("pijama de manga comprida")
                .iter()
                .any(|e| e.contains("duvet"))
        );
        // a vowel is how another language spells the word, and a long
        // word may still have any one typo
        assert!(said("pajama").iter().any(|e| e.contains("sleepwear")));
        assert!(said("headphnoes").iter().any(|e| e.contains("headphones")));
    }

    #[test]
    fn expands() {
        assert!(expand_query("quero um notebook").starts_with("laptop"));
        // One vocabulary with the host: "calça" is pants or jeans.
        assert_eq!(expand_query("uma calça"), "pants jeans");
        assert!(expand_query("fone de ouvido bluetooth").contains("headphones"));
        // English words add only their catalog synonyms, never themselves.
        assert!(!expand_query("laptop").contains("laptop"));
        // Portuguese "tripé" stems as "trip" does: only its phrases count.
        for trip in [
            "a cooler for our camping trips",
            "fishing trip this weekend",
        ] {
            assert!(!expand_query(trip).contains("tripod"), "{trip}");
        }
        assert!(expand_query("tripé pra celular com controle").contains("tripod"));
        // So do "gilete" (a razor) and "bodys" (baby bodysuits) as a
        // gilet and a body lotion.
        assert!(!expand_query("a quilted gilet").contains("razor"));
        assert!(!expand_query("body lotion with shea").contains("baby"));
        assert!(expand_query("gilete descartável").contains("razor"));
        // A thermal bottle is no thermal underwear ("thermals" stems as
        // the adjective does).
        assert!(!expand_query("thermal bottle for coffee").contains("underwear"));
    }
}
