//! Builders of the vocabulary tables: `build.rs` includes this file to
//! generate them as statics (a fresh wasm instance per turn would
//! otherwise parse and stem the vocabulary on every turn, issue 16), and
//! the lexicon's tests run them to check the generated tables. It uses
//! only the language crate and std for that reason.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use agent_store_lang::text;

/// `translations` with the customer words stemmed: (terms, English); the
/// first of two keys that stem alike wins, empty keys are left out.
pub fn stemmed_translations(translations: &[(String, String)]) -> Vec<(Vec<String>, String)> {
    let mut seen = HashSet::new();
    translations
        .iter()
        .map(|(from, to)| (text::terms(from), to.clone()))
        .filter(|(from, _)| !from.is_empty() && seen.insert(from.clone()))
        .collect()
}

/// The first word of each stemmed key and its one-letter deletions (words
/// of [`text::FUZZY_MIN_LEN`]+ letters), each with the entries it points
/// at, in entry order; sorted by key for a binary search.
pub fn first_words(stemmed: &[(Vec<String>, String)]) -> BTreeMap<String, Vec<u32>> {
    let mut m: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, (from, _)) in stemmed.iter().enumerate() {
        let i = u32::try_from(i).expect("fewer than 2^32 entries");
        let w = &from[0];
        m.entry(w.clone()).or_default().push(i);
        if w.chars().count() >= text::FUZZY_MIN_LEN {
            for d in text::deletions(w) {
                m.entry(d).or_default().push(i);
            }
        }
    }
    m
}

/// The catalog's English words (the translations' right-hand sides),
/// normalised, sorted — less the words the vocabulary itself translates
/// as a one-word key ("solar" → sunscreen): those are customer words in
/// another language too, no evidence of English ("protector solar" is
/// Spanish). A key that is its own concept's English word is no
/// translation ([`translations`](agent_store_lang::query::translations)),
/// so an English product word stays.
pub fn catalog_words(translations: &[(String, String)]) -> BTreeSet<String> {
    let translated: BTreeSet<String> = translations
        .iter()
        .map(|(from, _)| text::tokenize(from))
        .filter(|key| key.len() == 1)
        .flatten()
        .collect();
    translations
        .iter()
        .flat_map(|(_, en)| text::tokenize(en))
        .filter(|w| !translated.contains(w))
        .collect()
}

/// Every word of the translations, customer and English sides, normalised
/// (unstemmed), sorted.
pub fn vocabulary_words(translations: &[(String, String)]) -> BTreeSet<String> {
    translations
        .iter()
        .flat_map(|(from, to)| text::tokenize(from).into_iter().chain(text::tokenize(to)))
        .collect()
}

/// The first word of every brand lexicon phrase and, for words of
/// [`text::FUZZY_MIN_LEN`]+ letters, its one-letter deletions, each with
/// the (brand, phrase) pairs it starts, in order; sorted by key for a
/// binary search. A message word one edit from a phrase's first word
/// shares a key with it (itself or one of its deletions), so looking up a
/// message's words finds every phrase that can match, and only those are
/// compared (the phrases are in the thousands, a message's words ten).
pub fn brand_first_words(brands: &[Vec<Vec<String>>]) -> BTreeMap<String, Vec<(u16, u16)>> {
    let mut m: BTreeMap<String, Vec<(u16, u16)>> = BTreeMap::new();
    for (b, phrases) in brands.iter().enumerate() {
        let b = u16::try_from(b).expect("fewer than 2^16 brands");
        for (i, phrase) in phrases.iter().enumerate() {
            let i = u16::try_from(i).expect("fewer than 2^16 phrases a brand");
            let Some(w) = phrase.first() else { continue };
            let mut keys = vec![w.clone()];
            if w.chars().count() >= text::FUZZY_MIN_LEN {
                keys.extend(text::deletions(w));
            }
            keys.sort();
            keys.dedup();
            for k in keys {
                m.entry(k).or_default().push((b, i));
            }
        }
    }
    m
}
