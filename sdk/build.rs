//! Precomputes the vocabulary tables a wasm seller or router would
//! otherwise rebuild in every fresh instance (one per turn, issue 16):
//! the stemmed translation keys, the typo index of their first words and
//! the catalog's English words. The data file (`lang/data/vocabulary.txt`)
//! stays the source of truth: this script reads it through the language
//! crate's own parser and stemmer, so the tables are what the runtime code
//! would build (`lexicon::tests::generated_tables_match_runtime` checks).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use agent_store_lang::{query, text};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=../lang/data");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut src = String::new();
    let stemmed = stemmed_translations();
    emit_stemmed(&mut src, &stemmed);
    emit_first_words(&mut src, &stemmed);
    emit_catalog_words(&mut src);
    std::fs::write(out.join("vocabulary_tables.rs"), src).expect("write OUT_DIR tables");
}

/// As `lexicon::stemmed_translations` did at run time: the first of two
/// keys that stem alike wins.
fn stemmed_translations() -> Vec<(Vec<String>, String)> {
    let mut seen = HashSet::new();
    query::translations()
        .iter()
        .map(|(from, to)| (text::terms(from), to.clone()))
        .filter(|(from, _)| !from.is_empty() && seen.insert(from.clone()))
        .collect()
}

fn emit_stemmed(src: &mut String, stemmed: &[(Vec<String>, String)]) {
    src.push_str("pub(crate) static STEMMED_TRANSLATIONS: &[(&[&str], &str)] = &[\n");
    for (from, to) in stemmed {
        let _ = writeln!(src, "    (&{from:?}, {to:?}),");
    }
    src.push_str("];\n");
}

/// First words of the stemmed keys and their one-letter deletions, each
/// with the entries it points at (in entry order), sorted by key for a
/// binary search.
fn emit_first_words(src: &mut String, stemmed: &[(Vec<String>, String)]) {
    let mut m: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, (from, _)) in stemmed.iter().enumerate() {
        let w = &from[0];
        m.entry(w.clone()).or_default().push(i);
        if w.chars().count() >= text::FUZZY_MIN_LEN {
            for d in deletions(w) {
                m.entry(d).or_default().push(i);
            }
        }
    }
    src.push_str("pub(crate) static FIRST_WORDS: &[(&str, &[u32])] = &[\n");
    for (k, ids) in &m {
        let _ = writeln!(src, "    ({k:?}, &{ids:?}),");
    }
    src.push_str("];\n");
}

fn emit_catalog_words(src: &mut String) {
    let words: BTreeSet<String> = query::translations()
        .iter()
        .flat_map(|(_, en)| text::tokenize(en))
        .collect();
    let _ = writeln!(
        src,
        "pub(crate) static CATALOG_WORDS: &[&str] = &{:?};",
        words.iter().collect::<Vec<_>>()
    );
}

/// As `lexicon::index::deletions`.
fn deletions(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    (0..chars.len())
        .map(|i| {
            chars
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, c)| *c)
                .collect()
        })
        .collect()
}
