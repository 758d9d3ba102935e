//! The `cues.txt` format, parsed into the tables [`super::cues::Cues`]
//! matches with. One implementation for both users: the cue module at run
//! time ([`super::cues::Cues::parse`]) and `build.rs`, which includes this
//! file to precompute the tables a fresh wasm instance would otherwise
//! build on every turn (issue 16). It uses only the language crate and std
//! for that reason.

use std::collections::{BTreeMap, BTreeSet};

use agent_store_lang::text;

/// The sections of `cues.txt`, in the order of the `Cue` variants (a cue's
/// phrases are `phrases[cue as usize]`).
pub const SECTIONS: [&str; 20] = [
    "add",
    "buy",
    "remove",
    "set_quantity",
    "clear",
    "cart",
    "checkout",
    "cancel",
    "cheaper",
    "cheapest",
    "similar",
    "have",
    "other_color",
    "other_size",
    "compare",
    "price",
    "more",
    "pointer",
    "affirm",
    "hedge",
];

/// `cues.txt`, parsed.
#[derive(Debug, Default, PartialEq)]
pub struct CueTables {
    /// The stemmed phrases of each section of [`SECTIONS`], in file order.
    pub phrases: Vec<Vec<Vec<String>>>,
    /// Every stemmed word of every phrase (not a product word), sorted.
    pub words: Vec<String>,
    /// Stemmed words of 4+ letters only one language's lines use, with
    /// that language, sorted by word.
    pub language_of: Vec<(String, &'static str)>,
    /// Each one-letter deletion of every word long enough for a typo
    /// ([`text::FUZZY_MIN_LEN`] bytes), with the word's position in
    /// `words`, sorted: a message word finds the cue words one typo away
    /// by looking up itself and its own deletions.
    pub typo_keys: Vec<(String, u32)>,
}

/// The deletion keys of `words` ([`CueTables::typo_keys`]).
pub fn typo_keys(words: &[String]) -> Vec<(String, u32)> {
    let mut keys: Vec<(String, u32)> = words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.len() >= text::FUZZY_MIN_LEN)
        .flat_map(|(i, w)| {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            text::deletions(w).into_iter().map(move |d| (d, i))
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn lang_tag(tag: &str) -> Option<&'static str> {
    match tag.trim() {
        "en" => Some("en"),
        "pt" => Some("pt"),
        "es" => Some("es"),
        _ => None,
    }
}

/// Parse the `cues.txt` format (see the file's header): `[section]` lines
/// and `lang: phrase | phrase` lines; unknown sections and languages are
/// skipped.
pub fn parse(data: &str) -> CueTables {
    let mut phrases: Vec<Vec<Vec<String>>> = vec![Vec::new(); SECTIONS.len()];
    let mut words = BTreeSet::new();
    let mut langs_of: BTreeMap<String, BTreeSet<&'static str>> = BTreeMap::new();
    let mut section: Option<usize> = None;
    for line in data.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = SECTIONS.iter().position(|s| *s == name.trim());
            continue;
        }
        let (Some(section), Some((tag, list))) = (section, line.split_once(':')) else {
            continue;
        };
        let Some(lang) = lang_tag(tag) else { continue };
        for phrase in list.split('|') {
            let terms = text::terms(phrase);
            if terms.is_empty() {
                continue;
            }
            for t in &terms {
                words.insert(t.clone());
                langs_of.entry(t.clone()).or_default().insert(lang);
            }
            phrases[section].push(terms);
        }
    }
    let language_of = langs_of
        .into_iter()
        .filter(|(word, langs)| langs.len() == 1 && word.chars().count() >= 4)
        .filter_map(|(word, langs)| langs.into_iter().next().map(|l| (word, l)))
        .collect();
    let words: Vec<String> = words.into_iter().collect();
    CueTables {
        phrases,
        typo_keys: typo_keys(&words),
        words,
        language_of,
    }
}
