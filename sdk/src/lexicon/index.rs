//! A brand vocabulary learnt from data: which brand a text is about,
//! scored TF-IDF style over what each brand sells and says about itself.
//!
//! The host builds one [`BrandIndex`] at load time (and again when the
//! catalog or the installed sellers change) from every catalog row (title,
//! `product_type`, Google category, tags, description, per brand) and every
//! seller manifest's `[routing]` section (categories, keywords in each
//! language, examples), and answers the router's `match-text` import with
//! [`BrandIndex::match_text`]. No brand is named in code: a new brand's rows
//! and manifest are all it takes.
//!
//! Words are normalised (lowercase, accents folded), plural-stemmed and
//! stripped of stopwords with [`crate::text`]; pairs of adjacent words are
//! indexed too ("running shoes", "fone ouvido") and weigh more; a word not
//! in the vocabulary matches one a single typo away (a deletion index, so a
//! lookup stays constant time however large the vocabulary).
//!
//! ```
//! use agent_store_sdk::lexicon::index::{IndexBuilder, weight};
//! let mut b = IndexBuilder::default();
//! b.add_text("shoes", weight::TITLE, "Trail Runner Running Shoes");
//! b.add_text("kitchen", weight::TITLE, "Cast Iron Skillet 26 cm");
//! let index = b.build();
//! let m = index.match_text("any runing shoes?", 3);
//! assert_eq!(m[0].brand, "shoes");
//! assert!(index.match_text("hello there", 3).is_empty());
//! ```

use std::collections::HashMap;

use crate::{lexicon, text};

/// How much one occurrence of a word counts, by where it was found.
pub mod weight {
    /// A keyword a brand team put in its manifest.
    pub const KEYWORD: f32 = 4.0;
    /// A manifest category or a catalog `product_type` level.
    pub const CATEGORY: f32 = 3.0;
    /// A manifest `related` word: hints at the brand, fits others too.
    pub const RELATED: f32 = 1.5;
    /// A catalog tag (`custom_label_*`).
    pub const TAG: f32 = 2.0;
    /// A catalog title.
    pub const TITLE: f32 = 2.0;
    /// A catalog `google_product_category`.
    pub const GOOGLE_CATEGORY: f32 = 1.5;
    /// A manifest example message.
    pub const EXAMPLE: f32 = 1.0;
    /// A catalog description: many generic words, so little each.
    pub const DESCRIPTION: f32 = 0.3;
    /// The English the dictionary reads in a catalog row written in
    /// Portuguese or Spanish (its title and categories): the row's own
    /// words say it better, so less than a title.
    pub const ROW_ENGLISH: f32 = 1.2;
}

/// A title's words before and from its first purpose word (after its
/// first word): what the product is, and what it is for or fits ("Funda
/// para Kindle Paperwhite": a cover, for an e-reader another department
/// may sell; "Case Compatible with iPhone 15"). Only the words titles use
/// for it: "pro" is also a model's name ("Pro Controller"), and a
/// hyphenated "para-" begins a noun ("Para-choque").
pub fn title_parts(title: &str) -> (String, String) {
    let words = text::tokenize(&title.to_lowercase().replace("para-", "para"));
    let end = words
        .iter()
        .skip(1)
        .position(|w| TITLE_PURPOSE_WORDS.contains(&w.as_str()))
        .map_or(words.len(), |i| i + 1);
    (words[..end].join(" "), words[end..].join(" "))
}

/// What a title says a product is for or fits with.
const TITLE_PURPOSE_WORDS: &[&str] = &["for", "para", "pra", "compatible", "compativel"];

/// How strongly a brand's term frequencies are read against its size
/// (0: not at all, 1: fully; [`IndexBuilder::size_ratio`]) for a word
/// every brand uses alike; it grows to 1 as one brand owns the word
/// ([`size_exponent`]).
const SIZE_NORM: f32 = 0.3;
/// A written word that reaches one brand several ways (as written, through
/// a translation, a typo or cognate reading) counts in full once, by its
/// strongest way; each further way counts this share of itself.
const EXTRA_PATH_FACTOR: f32 = 0.6;
/// Most a single word can weigh for one brand (log-scaled frequency).
const MAX_TERM_WEIGHT: f32 = 3.0;
/// A pair of adjacent words is more specific than either word alone.
const PAIR_BONUS: f32 = 1.5;
/// A word one typo away from the vocabulary counts this much.
const TYPO_FACTOR: f32 = 0.75;
/// A word read as a cognate of a vocabulary word ("purificador" for
/// "purifier", "decoracion" for "decoration") counts this much.
const COGNATE_FACTOR: f32 = 0.6;
/// Words added by translation ([`lexicon::expand_query`]) count this much.
const TRANSLATED_FACTOR: f32 = 0.5;
/// ... and this much when the customer's word has one English word
/// ("abotoaduras" → "cufflinks"): the translation is then no guess.
const SOLE_TRANSLATION_FACTOR: f32 = 0.8;
/// A word seen only in descriptions weighs at most this (before IDF): a
/// description's incidental words ("weather-resistant") are weak evidence.
const DESCRIPTION_ONLY_CAP: f32 = 0.5;
/// Each word of a multi-word keyword counts this share of the keyword
/// ("guarda roupa" is about wardrobes, "roupa" alone about clothes).
const PHRASE_PART: f32 = 0.35;

/// The catalog's English for one dictionary key, analysed: each term
/// with its share of the translation. A word of a multi-word phrase
/// ("base" of "base layer", "control" of "pest control") names no product
/// alone, so it counts less ([`TRANSLATED_PHRASE_PART`]); the
/// phrase itself and one-word translations count in full.
#[derive(Debug, Clone)]
struct Translation {
    terms: Vec<(String, f32)>,
    /// How many English phrases (one: the translation is no guess).
    phrases: usize,
}

impl Translation {
    fn of(english: &str) -> Translation {
        let phrases: Vec<String> = agent_store_lang::query::translation_phrases(english)
            .map(<[String]>::to_vec)
            .unwrap_or_else(|| english.split(' ').map(str::to_owned).collect());
        let mut terms: Vec<(String, f32)> = Vec::new();
        for p in &phrases {
            let analysed = analyse(p);
            let several = analysed.iter().any(|t| t.contains(' '));
            for t in analysed {
                let share = if several && !t.contains(' ') {
                    TRANSLATED_PHRASE_PART
                } else {
                    1.0
                };
                match terms.iter_mut().find(|(x, _)| *x == t) {
                    Some(x) => x.1 = x.1.max(share),
                    None => terms.push((t, share)),
                }
            }
        }
        Translation {
            terms,
            phrases: phrases.len(),
        }
    }
}

/// Each word of a multi-word translation counts this share of it
/// ([`Translation`]): less than a word of its own, more than a keyword's
/// part, since a catalog may say only one of the words ("tanning drops"
/// for "self tanner").
const TRANSLATED_PHRASE_PART: f32 = 0.6;

/// How well a text matches one brand.
#[derive(Debug, Clone, PartialEq)]
pub struct BrandMatch {
    /// The brand key, lowercase.
    pub brand: String,
    /// Higher is better; comparable within one call.
    pub score: f32,
    /// The vocabulary terms that matched (stemmed, normalised).
    pub terms: Vec<String>,
}

/// Collects weighted text per brand; [`IndexBuilder::build`] makes the index.
#[derive(Debug, Default)]
pub struct IndexBuilder {
    brands: Vec<String>,
    /// term → (brand index, summed weight, seen outside descriptions)
    terms: HashMap<String, Vec<(usize, f32, bool)>>,
}

impl IndexBuilder {
    fn brand_id(&mut self, brand: &str) -> usize {
        let key = brand.trim().to_lowercase();
        match self.brands.iter().position(|b| *b == key) {
            Some(i) => i,
            None => {
                self.brands.push(key);
                self.brands.len() - 1
            }
        }
    }

    /// Make `brand` known even with no text (it then matches nothing).
    pub fn add_brand(&mut self, brand: &str) {
        self.brand_id(brand);
    }

    /// Add one field's text for `brand`: each distinct word and pair of
    /// adjacent words in it counts `weight` once.
    pub fn add_text(&mut self, brand: &str, weight: f32, text: &str) {
        self.add(brand, weight, text, false);
    }

    /// Add a brand team's phrase (a keyword): its pairs of words count
    /// `weight`, its single words only [`PHRASE_PART`] of it when the
    /// phrase has several.
    pub fn add_phrase(&mut self, brand: &str, weight: f32, text: &str) {
        self.add(brand, weight, text, true);
    }

    fn add(&mut self, brand: &str, weight: f32, text: &str, phrase: bool) {
        if brand.trim().is_empty() || weight.is_nan() || weight <= 0.0 {
            return;
        }
        let id = self.brand_id(brand);
        let mut keys = analyse(text);
        let several = keys.iter().any(|k| k.contains(' '));
        keys.sort();
        keys.dedup();
        let strong = weight > weight::DESCRIPTION;
        for key in keys {
            let w = if key.contains(' ') {
                weight * PAIR_BONUS
            } else if phrase && several {
                weight * PHRASE_PART
            } else {
                weight
            };
            let slot = self.terms.entry(key).or_default();
            match slot.iter_mut().find(|(b, _, _)| *b == id) {
                Some(s) => {
                    s.1 += w;
                    s.2 |= strong;
                }
                None => slot.push((id, w, strong)),
            }
        }
    }

    /// Add one catalog product of `brand`, each field with its weight.
    /// `title` should be the model name (without the variant suffix) and
    /// a Google category given as a number is skipped.
    pub fn add_product(&mut self, brand: &str, p: ProductText<'_>) {
        self.add_text(brand, weight::TITLE, p.title);
        self.add_text(brand, weight::CATEGORY, p.category);
        if !p.google_category.trim().chars().all(|c| c.is_ascii_digit()) {
            self.add_text(brand, weight::GOOGLE_CATEGORY, p.google_category);
        }
        for tag in p.tags {
            self.add_text(brand, weight::TAG, tag);
        }
        self.add_text(brand, weight::DESCRIPTION, p.description);
        if let Some(english) =
            agent_store_lang::query::row_english(p.title, p.category, p.description)
        {
            self.add_text(brand, weight::ROW_ENGLISH, &english);
        }
    }

    /// Add a seller manifest's `[routing]` section for `brand`.
    pub fn add_section(&mut self, brand: &str, s: SectionText<'_>) {
        self.add_brand(brand);
        for c in s.categories {
            self.add_text(brand, weight::CATEGORY, c);
        }
        for k in s.keywords {
            self.add_phrase(brand, weight::KEYWORD, k);
        }
        for r in s.related {
            self.add_phrase(brand, weight::RELATED, r);
        }
        for e in s.examples {
            self.add_text(brand, weight::EXAMPLE, e);
        }
    }

    /// Each brand's mean text mass over its own (all its terms' weight):
    /// a brand with few rows says each of its words fewer times than one
    /// with many, not less surely, so a frequency is read against it, as
    /// BM25 normalises a document's length (to the power
    /// [`size_exponent`]). Without it a small brand loses every word it
    /// shares with a big one ("camera" for a car brand's dash cam).
    fn size_ratio(&self) -> Vec<f32> {
        let mut mass = vec![0.0f32; self.brands.len()];
        for per_brand in self.terms.values() {
            for &(b, tf, _) in per_brand {
                mass[b] += tf;
            }
        }
        let present: Vec<f32> = mass.iter().copied().filter(|m| *m > 0.0).collect();
        let avg = present.iter().sum::<f32>() / present.len().max(1) as f32;
        mass.iter()
            .map(|m| if *m > 0.0 { avg / m } else { 1.0 })
            .collect()
    }

    /// The index: per term, each brand's TF-IDF weight.
    pub fn build(self) -> BrandIndex {
        let n = self.brands.len() as f32;
        let ratio = self.size_ratio();
        let mut terms = HashMap::with_capacity(self.terms.len());
        let mut typos: HashMap<String, Vec<u32>> = HashMap::new();
        let mut names: Vec<String> = Vec::new();
        let mut prefixes: HashMap<String, Vec<u32>> = HashMap::new();
        for (term, per_brand) in self.terms {
            let idf = ((n + 1.0) / per_brand.len() as f32).ln();
            let all: f32 = per_brand.iter().map(|x| x.1).sum();
            let weights: Vec<(u32, f32)> = per_brand
                .into_iter()
                .map(|(b, tf, strong)| {
                    let cap = if strong {
                        MAX_TERM_WEIGHT
                    } else {
                        DESCRIPTION_ONLY_CAP
                    };
                    let scale = ratio[b].powf(size_exponent(tf / all.max(f32::EPSILON)));
                    (b as u32, (1.0 + tf * scale).ln().min(cap) * idf)
                })
                .collect();
            if !term.contains(' ') && term.chars().count() >= text::FUZZY_MIN_LEN {
                let id = names.len() as u32;
                for d in text::deletions(&term) {
                    typos.entry(d).or_default().push(id);
                }
                if term.is_ascii() && term.len() >= text::COGNATE_PREFIX {
                    let p = term[..text::COGNATE_PREFIX].to_owned();
                    prefixes.entry(p).or_default().push(id);
                }
                names.push(term.clone());
            }
            terms.insert(term, weights);
        }
        let stemmed = lexicon::stemmed_translations();
        let translations: Vec<Translation> =
            stemmed.iter().map(|(_, to)| Translation::of(to)).collect();
        let known = stemmed
            .iter()
            .flat_map(|(from, _)| from.iter().map(|w| w.to_string()))
            .chain(
                translations
                    .iter()
                    .flat_map(|t| t.terms.iter().map(|(term, _)| term))
                    .filter(|t| !t.contains(' '))
                    .cloned(),
            )
            .collect();
        BrandIndex {
            brands: self.brands,
            terms,
            typos,
            names,
            prefixes,
            translations,
            known,
        }
    }
}

/// The customer's words a dictionary entry translates, as the index keys
/// them (content words, space-separated): "bola" for "bola", "saco
/// dormir" for "saco de dormir". A translation of one written word has the
/// same source as the word itself.
fn written_source(from: &[&str]) -> String {
    from.iter()
        .copied()
        .filter(|w| !text::is_stopword(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each brand's score from the terms matched, per written source: one
/// written word that reaches a brand several ways ("bola" as written and
/// as its translation "ball"; a word and its typo reading) is one piece of
/// evidence, not several, so its strongest way counts in full and each
/// further way [`EXTRA_PATH_FACTOR`] of itself. Otherwise a word the
/// dictionary happens to know in both languages outweighs a word it
/// knows once.
fn one_full_path_per_word(mut found: Vec<(&str, u32, f32)>) -> Vec<(u32, f32)> {
    found.sort_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then_with(|| b.2.total_cmp(&a.2))
    });
    let mut out: Vec<(u32, f32)> = Vec::new();
    let mut previous: Option<(&str, u32)> = None;
    for (source, b, w) in found {
        let first = previous != Some((source, b));
        previous = Some((source, b));
        let w = if first { w } else { w * EXTRA_PATH_FACTOR };
        match out.iter_mut().find(|(x, _)| *x == b) {
            Some(x) => x.1 += w,
            None => out.push((b, w)),
        }
    }
    out
}

/// How fully a brand's size normalises its frequency of a word, from the
/// brand's share of all the word's weight: [`SIZE_NORM`] for a word every
/// brand uses alike, up to 1 for a word one brand owns. A word a brand owns
/// is its own however often its few rows say it ("tent" for a small
/// outdoor brand), so its frequency is read fully against the brand's
/// size; on a word many brands use, a small brand is only helped softly,
/// or it would outvote the brands that use the word most.
fn size_exponent(share: f32) -> f32 {
    SIZE_NORM + (1.0 - SIZE_NORM) * share.clamp(0.0, 1.0)
}

/// The text fields of one catalog product, for [`IndexBuilder::add_product`].
#[derive(Debug, Clone, Copy, Default)]
pub struct ProductText<'a> {
    pub title: &'a str,
    /// Meta `product_type`, e.g. "Shoes > Running Shoes".
    pub category: &'a str,
    pub google_category: &'a str,
    pub tags: &'a [String],
    pub description: &'a str,
}

/// A `[routing]` section's texts, for [`IndexBuilder::add_section`].
#[derive(Debug, Clone, Copy, Default)]
pub struct SectionText<'a> {
    pub categories: &'a [String],
    /// Keywords of every language.
    pub keywords: &'a [String],
    pub related: &'a [String],
    pub examples: &'a [String],
}

/// The brand vocabulary index (see the module docs). Immutable; share it.
#[derive(Debug, Default, Clone)]
pub struct BrandIndex {
    brands: Vec<String>,
    terms: HashMap<String, Vec<(u32, f32)>>,
    /// one-deletion variant → ids in `names` (single words of 5+ chars)
    typos: HashMap<String, Vec<u32>>,
    names: Vec<String>,
    /// first [`text::COGNATE_PREFIX`] characters → ids in `names`
    prefixes: HashMap<String, Vec<u32>>,
    /// The catalog keys of each of [`lexicon::translations`], analysed
    /// once (in the order of `lexicon::stemmed_translations`).
    translations: Vec<Translation>,
    /// Every word the store's dictionary knows (stemmed): the words of its
    /// customer keys and of their English. A known word is never read as
    /// a typo of a catalog word ("prata" is silver, not a typo of
    /// "prato").
    known: std::collections::HashSet<String>,
}

impl BrandIndex {
    /// The brands it knows, in the order they were first added.
    pub fn brands(&self) -> &[String] {
        &self.brands
    }

    /// The number of distinct terms (words and pairs).
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// True when nothing was indexed.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The brands `text` matches, best first, at most `limit`, each with
    /// the vocabulary terms that matched. Empty when nothing matched.
    pub fn match_text(&self, text_in: &str, limit: usize) -> Vec<BrandMatch> {
        let mut scores: Vec<(f32, Vec<String>)> = vec![(0.0, Vec::new()); self.brands.len()];
        let mut seen: Vec<&str> = Vec::new();
        self.score_segment(text_in, &mut scores, &mut seen);
        let mut out: Vec<BrandMatch> = scores
            .into_iter()
            .enumerate()
            .filter(|(_, (s, _))| *s > 0.0)
            .map(|(b, (score, terms))| BrandMatch {
                brand: self.brands[b].clone(),
                score,
                terms,
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.brand.cmp(&b.brand)));
        out.truncate(limit);
        out
    }

    /// Adds the matches of `segment` (each vocabulary term once, `seen`).
    fn score_segment<'a>(
        &'a self,
        segment: &str,
        scores: &mut [(f32, Vec<String>)],
        seen: &mut Vec<&'a str>,
    ) {
        let undiminished = self.undiminished(segment);
        let segment = undiminished.as_str();
        let mut own = analyse(segment);
        self.join_compounds(&mut own);
        let hay = text::terms(segment);
        // Words the store's dictionary knows as they were written.
        let common: Vec<String> = text::tokenize(segment)
            .iter()
            .filter(|t| agent_store_lang::query::is_common_word(t))
            .map(|t| text::stem(t))
            .collect();

        // (English term, factor, the customer's words it translates)
        let mut translated: Vec<(String, f32, String)> = Vec::new();
        // The words of a phrase the dictionary knows ("tábua de passar
        // roupa", "reloj de pared") name one thing together: on their own
        // they count as a keyword's parts do.
        let mut phrase_words: Vec<&str> = Vec::new();
        let table = lexicon::stemmed_translations();
        for i in lexicon::matched_translations_with(&hay, |h| common.iter().any(|c| c == h)) {
            let from = &table[i].0;
            if from.len() > 1 && text::phrase_match(&hay, from) >= 1.0 {
                phrase_words.extend(from.iter().copied());
            }
            let Some(english) = self.translations.get(i) else {
                continue;
            };
            let base = if english.phrases == 1 {
                SOLE_TRANSLATION_FACTOR
            } else {
                TRANSLATED_FACTOR
            };
            let source = written_source(from);
            for (t, share) in &english.terms {
                if own.contains(t) {
                    continue;
                }
                let f = base * share;
                match translated.iter_mut().find(|(x, _, _)| x == t) {
                    Some(x) if x.1 < f => {
                        x.1 = f;
                        x.2.clone_from(&source);
                    }
                    Some(_) => {}
                    None => translated.push((t.clone(), f, source.clone())),
                }
            }
        }
        let weighted = own
            .iter()
            .map(|t| {
                let part = !t.contains(' ') && phrase_words.contains(&t.as_str());
                (t, if part { PHRASE_PART } else { 1.0 }, t.as_str())
            })
            .chain(translated.iter().map(|(t, f, w)| (t, *f, w.as_str())));
        // (the customer's words, brand, weight) of every term matched
        let mut found: Vec<(&str, u32, f32)> = Vec::new();
        for (term, factor, source) in weighted {
            let (key, factor) = match self.terms.get_key_value(term.as_str()) {
                Some((k, _)) => (k.as_str(), factor),
                None if term.contains(' ') => continue,
                None => match self.compound_of(term) {
                    Some(k) => (k, factor),
                    // a word the dictionary knows is no typo ("prata" is
                    // silver, not "prato"); it may still be a cognate
                    None if self.known.contains(term.as_str()) || common.contains(term) => {
                        match self.cognate_of(term) {
                            Some(k) => (k, factor * COGNATE_FACTOR),
                            None => continue,
                        }
                    }
                    None => match self.typo_of(term) {
                        Some(k) => (k, factor * TYPO_FACTOR),
                        None => match self.cognate_of(term) {
                            Some(k) => (k, factor * COGNATE_FACTOR),
                            None => continue,
                        },
                    },
                },
            };
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            for &(b, w) in &self.terms[key] {
                found.push((source, b, w * factor));
                scores[b as usize].1.push(key.to_owned());
            }
        }
        for (b, score) in one_full_path_per_word(found) {
            scores[b as usize].0 += score;
        }
    }

    /// `segment` with each diminutive the store does not know as written
    /// read as the word it is made from, when that word is one it knows
    /// ("tapetinho de yoga" → "tapete de yoga", "anillitos finos" →
    /// "anillo finos"). A word known as written stays ("cozinha", "capinha").
    fn undiminished(&self, segment: &str) -> String {
        let knows = |w: &str| {
            text::is_stopword(w) || agent_store_lang::query::is_common_word(w) || {
                let s = text::stem(w);
                self.terms.contains_key(s.as_str()) || self.known.contains(s.as_str())
            }
        };
        text::tokenize(segment)
            .iter()
            .map(|w| {
                let bases = text::diminutive_bases(w);
                if bases.is_empty() || knows(w) {
                    return w.clone();
                }
                bases
                    .into_iter()
                    .find(|b| knows(b))
                    .unwrap_or_else(|| w.clone())
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Two adjacent words the vocabulary has as one ("tooth brush" =
    /// "toothbrush", "ear buds" = "earbuds") become that word, in place of
    /// the pair and its parts.
    fn join_compounds(&self, own: &mut Vec<String>) {
        let joined: Vec<(String, String)> = own
            .iter()
            .filter_map(|t| {
                let (a, b) = t.split_once(' ')?;
                if self.terms.contains_key(t.as_str()) || !(a.is_ascii() && b.is_ascii()) {
                    return None;
                }
                let word = text::stem(&format!("{a}{b}"));
                self.terms
                    .contains_key(word.as_str())
                    .then(|| (t.clone(), word))
            })
            .collect();
        for (pair, word) in joined {
            let parts: Vec<&str> = pair.split(' ').collect();
            own.retain(|t| t != &pair && !parts.contains(&t.as_str()));
            if !own.contains(&word) {
                own.push(word);
            }
        }
    }

    /// The vocabulary pair `word` is written together ("dashcam" =
    /// "dash cam", "smartplug" = "smart plug").
    fn compound_of(&self, word: &str) -> Option<&str> {
        if word.chars().count() < 6 || !word.is_ascii() {
            return None;
        }
        (3..=word.len() - 3).find_map(|i| {
            let key = format!("{} {}", text::stem(&word[..i]), text::stem(&word[i..]));
            self.terms
                .get_key_value(key.as_str())
                .map(|(k, _)| k.as_str())
        })
    }

    /// The vocabulary word one typo from `word`, the most weighty one when
    /// several are.
    fn typo_of(&self, word: &str) -> Option<&str> {
        if word.chars().count() < text::FUZZY_MIN_LEN
            || text::is_stopword(word)
            || word.bytes().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        let mut ids: Vec<u32> = Vec::new();
        for d in std::iter::once(word.to_owned()).chain(text::deletions(word)) {
            if let Some(v) = self.typos.get(&d) {
                ids.extend(v);
            }
            // `word` has one letter too many (not its first)
            if let Some((k, _)) = self.terms.get_key_value(d.as_str())
                && d.chars().count() >= text::FUZZY_MIN_LEN
                && d.chars().next() == word.chars().next()
            {
                return Some(k.as_str());
            }
        }
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .map(|i| self.names[i as usize].as_str())
            // Customers rarely mistype a word's first letter, and a word
            // one edit from a catalog word there is usually another word
            // ("weather" / "leather", "tooth" / "sooth").
            .filter(|n| n.chars().next() == word.chars().next())
            .filter(|n| text::within_one_edit(n, word))
            .max_by(|a, b| {
                self.total(a)
                    .total_cmp(&self.total(b))
                    .then_with(|| b.cmp(a))
            })
    }

    /// The vocabulary word `word` is likely a Portuguese or Spanish
    /// cognate of: an English spelling of its ending that the vocabulary
    /// has, or else the weightiest word sharing its stem
    /// ([`text::shares_stem`]). General (no word list), so a catalog's own
    /// English is reached from words no dictionary lists.
    fn cognate_of(&self, word: &str) -> Option<&str> {
        if !word.is_ascii()
            || word.len() < text::COGNATE_PREFIX
            || text::is_stopword(word)
            || word.bytes().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        for s in text::cognate_spellings(word) {
            if let Some((k, _)) = self.terms.get_key_value(s.as_str()) {
                return Some(k.as_str());
            }
        }
        self.prefixes
            .get(&word[..text::COGNATE_PREFIX])?
            .iter()
            .map(|&i| self.names[i as usize].as_str())
            .filter(|n| text::shares_stem(word, n))
            .max_by(|a, b| {
                self.total(a)
                    .total_cmp(&self.total(b))
                    .then_with(|| b.cmp(a))
            })
    }

    fn total(&self, term: &str) -> f32 {
        self.terms
            .get(term)
            .map(|v| v.iter().map(|x| x.1).sum())
            .unwrap_or(0.0)
    }
}

/// The index keys of a text: its content words (normalised, stemmed, no
/// stopwords or bare numbers) and each pair of adjacent content words.
pub fn analyse(s: &str) -> Vec<String> {
    let words: Vec<String> = text::content_terms(s)
        .into_iter()
        .filter(|w| w.chars().count() >= 2)
        .collect();
    let pairs: Vec<String> = words
        .windows(2)
        .map(|p| format!("{} {}", p[0], p[1]))
        .collect();
    words.into_iter().chain(pairs).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_splits_at_what_the_product_is_for() {
        let parts = title_parts;
        assert_eq!(
            parts("Funda para Kindle Paperwhite (12va gen.)"),
            ("funda".into(), "para kindle paperwhite 12va gen".into())
        );
        assert_eq!(parts("Case Compatible with iPhone 15").0, "case");
        assert_eq!(parts("Tablet Galaxy Tab A9 64GB").1, "");
        // The first word is the product, whatever it is; a hyphenated
        // "para-" begins a noun, and "pro" is a model's name.
        assert_eq!(parts("Para-sol de Carro").0, "parasol de carro");
        assert_eq!(parts("Protetor de Para-choque").1, "");
        assert_eq!(parts("PROTETOR DE PARA-CHOQUE").1, "");
        assert_eq!(
            parts("Wireless Pro Controller for Switch").0,
            "wireless pro controller"
        );
    }

    /// A dictionary translation made of phrases keeps them: the phrase
    /// counts in full, its words alone at a share ("base layer" is
    /// clothing, "base" alone could be anything).
    #[test]
    fn translated_phrases_keep_their_words_together() {
        let t = Translation::of("thermal underwear base layer");
        let share = |term: &str| t.terms.iter().find(|(x, _)| x == term).map(|(_, s)| *s);
        assert_eq!(t.phrases, 2);
        assert_eq!(share("base layer"), Some(1.0));
        assert_eq!(share("base"), Some(TRANSLATED_PHRASE_PART));
        assert_eq!(share("underwear base"), None, "{:?}", t.terms);
        // A one-word translation is a word of its own.
        let one = Translation::of("earbuds");
        assert_eq!(one.phrases, 1);
        assert!(one.terms.iter().all(|(_, s)| *s == 1.0), "{:?}", one.terms);
    }

    fn demo() -> BrandIndex {
        let mut b = IndexBuilder::default();
        b.add_text("shoes", weight::CATEGORY, "Shoes > Running Shoes");
        b.add_text("shoes", weight::TITLE, "Trail Runner Running Shoes - Black");
        b.add_text("shoes", weight::KEYWORD, "tênis de corrida");
        b.add_text("kitchen", weight::CATEGORY, "Kitchen > Cookware");
        b.add_text("kitchen", weight::TITLE, "Cast Iron Skillet - Black");
        b.add_text("kitchen", weight::KEYWORD, "frigideira");
        b.add_brand("empty");
        b.build()
    }

    #[test]
    fn scores_words_pairs_typos_and_accents() {
        let i = demo();
        let m = i.match_text("quero um tenis de corrida", 5);
        assert_eq!(m[0].brand, "shoes");
        assert!(m[0].terms.contains(&"tenis corrida".to_string()));
        assert_eq!(i.match_text("a skilet please", 5)[0].brand, "kitchen");
        assert_eq!(i.match_text("frigideiras", 5)[0].brand, "kitchen");
        assert_eq!(i.brands(), ["shoes", "kitchen", "empty"]);
    }

    /// A catalog written in Portuguese is reached in English and Spanish
    /// through its English; an English row gains nothing.
    #[test]
    fn a_portuguese_catalog_is_reached_in_english_and_spanish() {
        let row = |title, category, description| ProductText {
            title,
            category,
            description,
            ..ProductText::default()
        };
        let mut b = IndexBuilder::default();
        b.add_product(
            "audio",
            row(
                "Fone de Ouvido sem Fio com Cancelamento de Ruído",
                "Eletrônicos > Áudio",
                "Fone com bateria de 30 horas, ideal para viagens e para o trabalho.",
            ),
        );
        b.add_product(
            "kitchen",
            row(
                "Panela de Pressão Elétrica 6L",
                "Casa > Cozinha > Panelas",
                "Panela elétrica com timer, perfeita para o feijão do dia a dia.",
            ),
        );
        let i = b.build();
        for (said, want) in [
            ("wireless headphones for the gym", "audio"),
            ("auriculares para correr", "audio"),
            ("an electric pressure cooker", "kitchen"),
            ("una olla de presión", "kitchen"),
        ] {
            let m = i.match_text(said, 3);
            assert_eq!(
                m.first().map(|m| m.brand.as_str()),
                Some(want),
                "{said}: {m:?}"
            );
        }
        let english = |r: ProductText<'_>| {
            agent_store_lang::query::row_english(r.title, r.category, r.description)
        };
        assert!(english(row("Trail Runner Running Shoes", "Shoes > Running", "")).is_none());
    }

    #[test]
    fn shared_words_weigh_less_than_distinctive_ones() {
        let i = demo();
        let m = i.match_text("black", 5);
        assert_eq!(m.len(), 2);
        let skillet = i.match_text("skillet", 5);
        assert!(skillet[0].score > m[0].score);
    }

    #[test]
    fn a_small_brand_is_not_outvoted_on_shared_words() {
        let mut b = IndexBuilder::default();
        for i in 0..9 {
            b.add_text("tech", weight::TITLE, &format!("Lens {i} Action Camera"));
        }
        b.add_text("auto", weight::TITLE, "RoadEye Dash Camera");
        let ratio = b.size_ratio();
        assert!(ratio[1] > 1.0 && ratio[0] < 1.0, "{ratio:?}");
        let i = b.build();
        let m = i.match_text("dash camera for my car", 3);
        assert_eq!(m[0].brand, "auto", "{m:?}");
    }

    #[test]
    fn a_small_brand_owns_its_own_words_like_a_big_one() {
        // Ten camera rows against one tent row: each brand owns its word,
        // so each word is read fully against its brand's size and the
        // small brand's word is no weaker than the big one's (with the
        // soft normalisation of shared words it was about half).
        let mut b = IndexBuilder::default();
        for i in 0..10 {
            b.add_text("tech", weight::TITLE, &format!("Lens {i} Action Camera"));
        }
        b.add_text("sports", weight::TITLE, "Dome Tent");
        let i = b.build();
        let tent = i.match_text("tent", 1);
        let camera = i.match_text("camera", 1);
        assert_eq!(
            (tent[0].brand.as_str(), camera[0].brand.as_str()),
            ("sports", "tech")
        );
        assert!(tent[0].score >= camera[0].score, "{tent:?} {camera:?}");
    }

    #[test]
    fn a_shared_word_is_normalised_softly() {
        assert!((size_exponent(0.0) - SIZE_NORM).abs() < 1e-6);
        assert!((size_exponent(1.0) - 1.0).abs() < 1e-6);
        assert!(size_exponent(0.5) > SIZE_NORM && size_exponent(0.5) < 1.0);
    }

    #[test]
    fn a_written_word_counts_once_in_full_however_many_ways_it_matches() {
        // "frigideira" as written (a keyword) and as its translation's
        // English words ("frying", "pan", "frying pan", "cookware"): the
        // strongest way in full, the others at EXTRA_PATH_FACTOR.
        let found = vec![
            ("frigideira", 0, 2.0),
            ("frigideira", 0, 1.0),
            ("frigideira", 0, 0.5),
            ("wok", 0, 1.0),
            ("frigideira", 1, 0.4),
        ];
        let mut got = one_full_path_per_word(found);
        got.sort_by_key(|x| x.0);
        let want0 = 2.0 + EXTRA_PATH_FACTOR * 1.5 + 1.0;
        assert!((got[0].1 - want0).abs() < 1e-5, "{got:?}");
        assert!((got[1].1 - 0.4).abs() < 1e-5, "{got:?}");

        // Through the index: a brand the word reaches as written and
        // through its translation scores less than the ways summed.
        let mut b = IndexBuilder::default();
        b.add_text("kitchen", weight::TITLE, "Cast Iron Frying Pan");
        b.add_phrase("kitchen", weight::KEYWORD, "frigideira");
        b.add_text("garden", weight::TITLE, "Garden Hose Reel");
        let i = b.build();
        let m = i.match_text("frigideira", 1);
        assert_eq!(m[0].brand, "kitchen", "{m:?}");
        assert!(m[0].terms.len() > 1, "matched several ways: {m:?}");
        let alone: f32 = m[0]
            .terms
            .iter()
            .map(|t| i.terms[t.as_str()].iter().map(|x| x.1).sum::<f32>())
            .sum();
        assert!(m[0].score < alone, "{} vs {alone}", m[0].score);
    }

    /// A diminutive the store does not know reads as its word ("mesita",
    /// "cadeirinha"); one it knows as written stays itself.
    #[test]
    fn a_diminutive_reads_as_the_word_it_is_made_from() {
        let mut b = IndexBuilder::default();
        b.add_text("home", weight::TITLE, "Mesa de centro de madera");
        b.add_text("baby", weight::TITLE, "Cadeira de alimentação para bebê");
        b.add_text("fashion", weight::TITLE, "Vestido de linho");
        let idx = b.build();
        let best = |t: &str| idx.match_text(t, 1).first().map(|m| m.brand.clone());
        assert_eq!(best("una mesita de centro").as_deref(), Some("home"));
        assert_eq!(best("cadeirinha pro carro").as_deref(), Some("baby"));
        assert_eq!(idx.undiminished("vestido de linho"), "vestido de linho");
    }

    #[test]
    fn nothing_matches_nothing() {
        let i = demo();
        assert!(i.match_text("", 5).is_empty());
        assert!(i.match_text("hello, how are you?", 5).is_empty());
        assert!(
            IndexBuilder::default()
                .build()
                .match_text("shoes", 5)
                .is_empty()
        );
        assert_eq!(i.match_text("shoes skillet", 1).len(), 1);
    }
}
