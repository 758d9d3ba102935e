//! The cue vocabularies of the dialogue acts, from `cues.txt` (data, not
//! code; parsed at build time): which phrases say "add", "remove",
//! "checkout"... in English, Brazilian Portuguese and Spanish.
//!
//! Matching is on normalised, plural-stemmed words with one-typo tolerance
//! for words of [`text::FUZZY_MIN_LEN`]+ letters ([`text::phrase_match`]).

use std::borrow::Cow;

use super::cues_file::{self, CueTables, SECTIONS};
use crate::text;

/// The cue vocabularies `build.rs` precomputed from `cues.txt` with
/// `cues_file::parse` (`static CUES: Cues`), so a fresh wasm instance
/// (one per turn) does not parse and stem them again.
mod generated {
    use super::{Cow, Cues};
    include!(concat!(env!("OUT_DIR"), "/cue_tables.rs"));
}

/// One dialogue cue: a section of `cues.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// "add it", "quero", "me lo llevo".
    Add,
    /// "buy", "comprar", "lo compro": add, or checkout when it is in the cart.
    Buy,
    /// "remove", "tira", "quita".
    Remove,
    /// "make it", "na verdade", "mejor".
    SetQuantity,
    /// "empty my cart", "esvazia", "vacía".
    Clear,
    /// "my cart", "carrinho", "carrito".
    Cart,
    /// "checkout", "pode fechar", "eso es todo".
    Checkout,
    /// "cancel", "desisti", "olvídalo".
    Cancel,
    /// "cheaper", "mais barato", "más barato".
    Cheaper,
    /// "the cheapest", "o mais barato", "el más barato".
    Cheapest,
    /// "more like this", "parecido".
    Similar,
    /// "do you have", "tem", "tienes": a question about a variant.
    Have,
    /// "other colour", "outra cor", "otro color".
    OtherColor,
    /// "other size", "outro tamanho", "otra talla".
    OtherSize,
    /// "compare", "qual é melhor", "diferencia".
    Compare,
    /// "how much", "quanto custa", "cuánto cuesta".
    Price,
    /// "more options", "outras opções", "otras opciones".
    More,
    /// "it", "esse", "ese", "lo": a pointer to the product in focus.
    Pointer,
    /// "ok", "sim", "vale": agreement, no content.
    Affirm,
    /// "well", "então", "pues": filler.
    Hedge,
}

impl Cue {
    /// Every cue, in the order of the variants and of the sections
    /// (`cues_file::SECTIONS`).
    pub const ALL: [Cue; 20] = [
        Cue::Add,
        Cue::Buy,
        Cue::Remove,
        Cue::SetQuantity,
        Cue::Clear,
        Cue::Cart,
        Cue::Checkout,
        Cue::Cancel,
        Cue::Cheaper,
        Cue::Cheapest,
        Cue::Similar,
        Cue::Have,
        Cue::OtherColor,
        Cue::OtherSize,
        Cue::Compare,
        Cue::Price,
        Cue::More,
        Cue::Pointer,
        Cue::Affirm,
        Cue::Hedge,
    ];

    /// The cue of a `cues.txt` section name.
    pub fn of_section(name: &str) -> Option<Cue> {
        SECTIONS
            .iter()
            .position(|s| *s == name)
            .map(|i| Cue::ALL[i])
    }

    /// Its `cues.txt` section name.
    pub fn section(self) -> &'static str {
        SECTIONS[self as usize]
    }
}

type Text = Cow<'static, str>;
/// A phrase's stemmed words.
type Phrase = Cow<'static, [Text]>;

/// The loaded vocabularies: borrowed from the tables `build.rs` generated
/// ([`cues`]) or owned ([`Cues::parse`]).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Cues {
    /// The phrases of each cue, indexed by `Cue as usize`.
    phrases: Cow<'static, [Cow<'static, [Phrase]>]>,
    /// Every stemmed word of every phrase (not a product word), sorted.
    words: Cow<'static, [Text]>,
    /// Stemmed words only one language's lines use, with that language,
    /// sorted by word.
    language_of: Cow<'static, [(Text, &'static str)]>,
    /// The one-letter deletions of the words long enough for a typo, with
    /// the word's position in `words`, sorted.
    typo_keys: Cow<'static, [(Text, u32)]>,
}

/// Which cue words each of a message's terms is: itself, or one typo
/// away ([`Cues::term_matches`]), as positions in [`Cues`]'s words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermMatches {
    per_term: Vec<Vec<u32>>,
    /// Every cue word some term is (a message names a handful): a phrase
    /// whose first word is none of them is passed over at once.
    any: Vec<u32>,
}

impl Cues {
    fn from_tables(t: CueTables) -> Cues {
        Cues {
            phrases: t
                .phrases
                .into_iter()
                .map(|ps| {
                    ps.into_iter()
                        .map(|p| Cow::Owned(p.into_iter().map(Cow::Owned).collect()))
                        .collect()
                })
                .collect(),
            words: t.words.into_iter().map(Cow::Owned).collect(),
            language_of: t
                .language_of
                .into_iter()
                .map(|(w, l)| (Cow::Owned(w), l))
                .collect(),
            typo_keys: t
                .typo_keys
                .into_iter()
                .map(|(k, i)| (Cow::Owned(k), i))
                .collect(),
        }
    }

    /// Parse the `cues.txt` format (see the file's header).
    pub fn parse(data: &str) -> Cues {
        Cues::from_tables(cues_file::parse(data))
    }

    fn phrases(&self, cue: Cue) -> &[Phrase] {
        self.phrases.get(cue as usize).map_or(&[][..], |p| &p[..])
    }

    /// Whether `terms` (stemmed words of a message) contain a phrase of `cue`.
    pub fn has(&self, cue: Cue, terms: &[String]) -> bool {
        self.has_matched(cue, &self.term_matches(terms))
    }

    /// [`Self::has`] over a message's [`TermMatches`] (worked out once for
    /// every cue).
    pub fn has_matched(&self, cue: Cue, m: &TermMatches) -> bool {
        self.phrases(cue).iter().any(|p| self.phrase_at(p, m))
    }

    /// The longest phrase of `cue` found in `terms`, in words.
    pub fn longest(&self, cue: Cue, terms: &[String]) -> usize {
        let m = self.term_matches(terms);
        self.phrases(cue)
            .iter()
            .filter(|p| self.phrase_at(p, &m))
            .map(|p| p.len())
            .max()
            .unwrap_or(0)
    }

    /// Which cue words each term is, as [`text::phrase_match`] reads a
    /// phrase's words: the same word, or one typo away
    /// ([`text::fuzzy_eq`]) when the term is no stopword. A term finds its
    /// typos by looking up itself and its deletions among the words'
    /// deletions (`typo_keys`), instead of being compared with every word
    /// of every phrase.
    pub fn term_matches(&self, terms: &[String]) -> TermMatches {
        let per_term: Vec<Vec<u32>> = terms.iter().map(|h| self.words_matching(h)).collect();
        let mut any: Vec<u32> = per_term.iter().flatten().copied().collect();
        any.sort_unstable();
        any.dedup();
        TermMatches { per_term, any }
    }

    fn word_position(&self, w: &str) -> Option<u32> {
        let i = self.words.binary_search_by(|x| (**x).cmp(w)).ok()?;
        u32::try_from(i).ok()
    }

    /// Words whose deletions include `key`.
    fn with_deletion<'a>(&'a self, key: &'a str) -> impl Iterator<Item = u32> + 'a {
        let from = self.typo_keys.partition_point(|(k, _)| &**k < key);
        self.typo_keys[from..]
            .iter()
            .take_while(move |(k, _)| &**k == key)
            .map(|(_, i)| *i)
    }

    fn words_matching(&self, h: &str) -> Vec<u32> {
        let mut out: Vec<u32> = self.word_position(h).into_iter().collect();
        if h.len() < text::FUZZY_MIN_LEN || text::is_stopword(h) {
            return out;
        }
        // One edit apart: `h` is a deletion of the word, the word is a
        // deletion of `h`, or the two share a deletion.
        let deletions = text::deletions(h);
        let mut candidates: Vec<u32> = self.with_deletion(h).collect();
        for d in &deletions {
            candidates.extend(self.word_position(d));
            candidates.extend(self.with_deletion(d));
        }
        candidates.sort_unstable();
        candidates.dedup();
        for i in candidates {
            if !out.contains(&i) && text::fuzzy_eq(h, &self.words[i as usize]) {
                out.push(i);
            }
        }
        out
    }

    /// Whether phrase `p` stands, word after word, somewhere in the
    /// message of `m`.
    fn phrase_at(&self, p: &[Text], m: &TermMatches) -> bool {
        let terms = &m.per_term;
        let is = |j: usize, w: &str| terms[j].iter().any(|&i| self.words[i as usize] == *w);
        let Some(first) = p.first() else { return false };
        // Most of the 640 phrases start with a word the message does not
        // have: a look at its few matched words rules them out (trying
        // each position for each phrase was most of a message's read).
        m.any.iter().any(|&i| self.words[i as usize] == *first)
            && p.len() <= terms.len()
            && (0..=terms.len() - p.len())
                .any(|start| p.iter().enumerate().all(|(k, w)| is(start + k, w)))
    }

    /// Whether a stemmed word is part of one of `cue`'s phrases.
    pub fn cue_has_word(&self, cue: Cue, term: &str) -> bool {
        self.phrases(cue)
            .iter()
            .any(|p| p.iter().any(|w| w == term))
    }

    /// Whether a stemmed word belongs to some cue (so it names no product).
    pub fn is_cue_word(&self, term: &str) -> bool {
        self.words.binary_search_by(|w| (**w).cmp(term)).is_ok()
    }

    /// The language only cue lines of that language use this word in.
    pub fn language_of(&self, term: &str) -> Option<&'static str> {
        self.language_of
            .binary_search_by(|(w, _)| (**w).cmp(term))
            .ok()
            .map(|i| self.language_of[i].1)
    }
}

/// The vocabularies of `cues.txt`, parsed once.
pub fn cues() -> &'static Cues {
    &generated::CUES
}

/// Language evidence from cue words (en, pt, es), for
/// [`text::language_scores`]: 0.6 per word only one language uses.
pub fn language_evidence(tokens: &[String]) -> (f32, f32, f32) {
    let c = cues();
    let mut s = (0.0, 0.0, 0.0);
    for t in tokens {
        match c.language_of(&text::stem(t)) {
            Some("en") => s.0 += 0.6,
            Some("pt") => s.1 += 0.6,
            Some("es") => s.2 += 0.6,
            _ => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The generated tables are what parsing `cues.txt` at run time builds
    /// (the data file stays the source of truth).
    #[test]
    fn generated_tables_match_runtime() {
        let parsed = Cues::parse(include_str!("cues.txt"));
        assert!(parsed.words.len() > 100, "cues loaded");
        assert!(
            parsed.phrases.iter().all(|p| !p.is_empty()),
            "every cue has phrases"
        );
        assert_eq!(cues(), &parsed);
    }

    /// Finding a message's cue words through the deletion keys answers as
    /// comparing every phrase of every cue with every position does
    /// (`text::phrase_match`), typos included: checked on every phrase of
    /// `cues.txt` as written and with a letter dropped, changed, doubled
    /// or swapped in its longest word, and on sentences around them.
    #[test]
    fn indexed_cue_matching_equals_comparing_every_phrase() {
        let c = cues();
        let mut texts: Vec<String> = Vec::new();
        for cue in Cue::ALL {
            for p in c.phrases(cue) {
                let words: Vec<String> = p.iter().map(|w| w.to_string()).collect();
                texts.push(words.join(" "));
                let Some((at, longest)) = words.iter().enumerate().max_by_key(|(_, w)| w.len())
                else {
                    continue;
                };
                let chars: Vec<char> = longest.chars().collect();
                let mid = chars.len() / 2;
                let mut variants = vec![
                    chars
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| *i != mid)
                        .map(|(_, c)| *c)
                        .collect::<String>(),
                    chars
                        .iter()
                        .enumerate()
                        .map(|(i, c)| if i == mid { 'x' } else { *c })
                        .collect(),
                    chars
                        .iter()
                        .enumerate()
                        .flat_map(|(i, c)| if i == mid { vec![*c, *c] } else { vec![*c] })
                        .collect(),
                ];
                if mid + 1 < chars.len() {
                    let mut swapped = chars.clone();
                    swapped.swap(mid, mid + 1);
                    variants.push(swapped.into_iter().collect());
                }
                for v in variants {
                    let mut typo = words.clone();
                    typo[at] = v;
                    texts.push(format!("ok {} the blue one", typo.join(" ")));
                }
            }
        }
        texts.extend(
            [
                "",
                "hi",
                "quero o segundo",
                "add two of the cheapest",
                "tira o preto",
            ]
            .map(String::from),
        );
        for t in &texts {
            let terms = text::terms(t);
            for cue in Cue::ALL {
                let reference: Vec<usize> = c
                    .phrases(cue)
                    .iter()
                    .filter(|p| text::phrase_match(&terms, p) > 0.0)
                    .map(|p| p.len())
                    .collect();
                assert_eq!(c.has(cue, &terms), !reference.is_empty(), "{t:?} {cue:?}");
                assert_eq!(
                    c.longest(cue, &terms),
                    reference.into_iter().max().unwrap_or(0),
                    "{t:?} {cue:?}"
                );
            }
        }
    }

    #[test]
    fn sections_name_their_cues() {
        let named = [
            ("add", Cue::Add),
            ("buy", Cue::Buy),
            ("remove", Cue::Remove),
            ("set_quantity", Cue::SetQuantity),
            ("clear", Cue::Clear),
            ("cart", Cue::Cart),
            ("checkout", Cue::Checkout),
            ("cancel", Cue::Cancel),
            ("cheaper", Cue::Cheaper),
            ("cheapest", Cue::Cheapest),
            ("similar", Cue::Similar),
            ("have", Cue::Have),
            ("other_color", Cue::OtherColor),
            ("other_size", Cue::OtherSize),
            ("compare", Cue::Compare),
            ("price", Cue::Price),
            ("more", Cue::More),
            ("pointer", Cue::Pointer),
            ("affirm", Cue::Affirm),
            ("hedge", Cue::Hedge),
        ];
        assert_eq!(named.len(), Cue::ALL.len());
        for (i, (name, cue)) in named.into_iter().enumerate() {
            assert_eq!(Cue::ALL[i], cue);
            assert_eq!(cue as usize, i, "{name}");
            assert_eq!(Cue::of_section(name), Some(cue));
            assert_eq!(cue.section(), name);
        }
        assert_eq!(Cue::of_section("nope"), None);
    }

    #[test]
    fn loads_every_section() {
        let c = cues();
        assert!(c.has(Cue::Checkout, &text::terms("pode fechar o pedido")));
        assert!(c.has(Cue::Checkout, &text::terms("listo, lo compro")));
        assert!(c.has(Cue::Remove, &text::terms("tira o mousepad")));
        assert!(c.has(Cue::Clear, &text::terms("vacía el carrito")));
        assert!(c.has(Cue::Cheapest, &text::terms("qual o mais barato?")));
        assert!(!c.has(Cue::Remove, &text::terms("quero um tênis")));
        assert_eq!(c.language_of(&text::stem("quita")), Some("es"));
        assert_eq!(c.language_of(&text::stem("finalizar")), None);
    }

    #[test]
    fn typos_match() {
        assert!(cues().has(Cue::Checkout, &text::terms("chekout")));
        assert!(cues().has(Cue::Remove, &text::terms("pls remvoe the bag")));
    }
}
