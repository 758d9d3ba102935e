//! Precomputes the tables a wasm seller or router would otherwise rebuild
//! in every fresh instance (one per turn, issue 16): the stemmed
//! translation keys, the typo index of their first words, the catalog's
//! English words and the vocabulary's words (`lang/data/vocabulary.txt`
//! and `products.txt`); the dialogue cues (`cues.txt`) and number words
//! (`numbers.txt`); the stemmed phrases of the brand lexicons; the word
//! lists of the store topics (`lexicon/store.txt`) and of the intents
//! (`intent.txt`), with the topic phrases stemmed. The data files stay the source of truth: this script
//! reads them with the same code the crate would run (the language crate,
//! a build-dependency, and the crate's own table builders, included below
//! by path), and each table has a test that compares it with the one built
//! at run time (`generated_tables_match_runtime` in `lexicon`, `cues`,
//! `numbers`; `generated_stems_match_runtime` in `lexicon::store`).
//! A mistake in a word-list file stops the build with its line.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use agent_store_lang::query;

/// What the included modules reach in the crate: its `text` module (the
/// language crate's).
mod text {
    pub use agent_store_lang::text::*;
}

#[allow(dead_code)]
#[path = "src/lexicon/brands.rs"]
mod brands;
#[path = "src/dialogue/cues_file.rs"]
mod cues_file;
#[path = "src/lists_file.rs"]
mod lists_file;
#[path = "src/dialogue/numbers_file.rs"]
mod numbers_file;
#[path = "src/lexicon/tables.rs"]
mod tables;

fn main() {
    for path in [
        "build.rs",
        "../lang/data",
        "src/dialogue/cues.txt",
        "src/dialogue/numbers.txt",
        "src/dialogue/cues_file.rs",
        "src/dialogue/numbers_file.rs",
        "src/lexicon/brands.rs",
        "src/lexicon/store.txt",
        "src/intent.txt",
        "src/lists_file.rs",
        "src/lexicon/tables.rs",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    // Any change to the SDK's or the language crate's code or word lists
    // changes what the analysis answers (`analysis::VERSION`).
    for dir in ["src", "../lang/src", "../lang/data"] {
        println!("cargo:rerun-if-changed={dir}");
    }
    println!(
        "cargo:rustc-env=AGENT_STORE_ANALYSIS_DIGEST={:016x}",
        analysis_digest()
    );
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    write(&out, "vocabulary_tables.rs", &vocabulary_tables());
    write(&out, "cue_tables.rs", &cue_tables());
    write(&out, "number_tables.rs", &number_tables());
    write(
        &out,
        "store_lists.rs",
        &list_tables(
            "src/lexicon/store.txt",
            include_str!("src/lexicon/store.txt"),
        ),
    );
    write(
        &out,
        "intent_lists.rs",
        &list_tables("src/intent.txt", include_str!("src/intent.txt")),
    );
}

/// FNV-1a (64 bits) of every file under the SDK's and the language
/// crate's code and data, by path and content, in path order: equal for
/// two builds of the same sources, whichever target (the host's native
/// build and a plugin's wasm build). A directory that is not there (the SDK
/// built outside this workspace) adds nothing.
fn analysis_digest() -> u64 {
    let mut files = Vec::new();
    for dir in ["src", "../lang/src", "../lang/data"] {
        collect_files(Path::new(dir), &mut files);
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for f in &files {
        eat(f.to_string_lossy().as_bytes());
        eat(&std::fs::read(f).unwrap_or_default());
    }
    hash
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            collect_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn write(dir: &Path, name: &str, src: &str) {
    std::fs::write(dir.join(name), src).expect("write OUT_DIR tables");
}

/// `&["a", "b"]`: a slice of string literals.
fn strs<S: AsRef<str>>(words: &[S]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("{:?}", w.as_ref())).collect();
    format!("&[{}]", quoted.join(", "))
}

/// The lexicon's tables (`lexicon::generated`).
fn vocabulary_tables() -> String {
    let mut src = String::new();
    let translations = query::translations();
    let stemmed = tables::stemmed_translations(translations);

    src.push_str("pub(crate) static STEMMED_TRANSLATIONS: &[(&[&str], &str)] = &[\n");
    for (from, to) in &stemmed {
        let _ = writeln!(src, "    ({}, {to:?}),", strs(from));
    }
    src.push_str("];\n");

    src.push_str("pub(crate) static FIRST_WORDS: &[(&str, &[u32])] = &[\n");
    for (k, ids) in tables::first_words(&stemmed) {
        let _ = writeln!(src, "    ({k:?}, &{ids:?}),");
    }
    src.push_str("];\n");

    let words: Vec<String> = tables::catalog_words(translations).into_iter().collect();
    let _ = writeln!(
        src,
        "pub(crate) static CATALOG_WORDS: &[&str] = {};",
        strs(&words)
    );
    let words: Vec<String> = tables::vocabulary_words(translations).into_iter().collect();
    let _ = writeln!(
        src,
        "pub(crate) static VOCABULARY_WORDS: &[&str] = {};",
        strs(&words)
    );

    src.push_str("pub(crate) static BRAND_PHRASES: &[&[(f32, &[&str])]] = &[\n");
    let mut brand_phrases: Vec<Vec<Vec<String>>> = Vec::new();
    for lex in brands::BRANDS {
        src.push_str("    &[\n");
        let stemmed = brands::stemmed_phrases(lex);
        for (w, p) in &stemmed {
            let _ = writeln!(src, "        ({w:?}, {}),", strs(p));
        }
        src.push_str("    ],\n");
        brand_phrases.push(stemmed.into_iter().map(|(_, p)| p).collect());
    }
    src.push_str("];\n");

    src.push_str("pub(crate) static BRAND_FIRST_WORDS: &[(&str, &[(u16, u16)])] = &[\n");
    for (k, ids) in tables::brand_first_words(&brand_phrases) {
        let _ = writeln!(src, "    ({k:?}, &{ids:?}),");
    }
    src.push_str("];\n");
    src
}

/// Each list of a word-list file (`lists_file`) as `static NAME: &[&str]`;
/// a `topic-*` list also as `NAME_STEMS`, its phrases' words stemmed, and
/// `NAME_WORDS`, its phrases' words as written.
fn list_tables(path: &str, data: &str) -> String {
    let lists = lists_file::parse(data).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut src = String::new();
    for list in &lists {
        let name = list.const_name();
        // `pub`: the including module is private; the crate re-exports
        // the lists other crates read (`intent::words`).
        let _ = writeln!(src, "pub static {name}: &[&str] = {};", strs(&list.words()));
        if list.name.starts_with("topic-") {
            // Split (and stemmed) here, not per message: splitting every
            // phrase into a fresh `Vec` was a third of a router turn's
            // topic check.
            let _ = writeln!(
                src,
                "{}",
                phrase_table(&name, "STEMS", &list.words(), text::stem)
            );
            let _ = writeln!(
                src,
                "{}",
                phrase_table(&name, "WORDS", &list.words(), str::to_owned)
            );
        }
    }
    src
}

/// `pub static NAME_SUFFIX: &[&[&str]]`: each phrase's words, mapped by
/// `word`.
fn phrase_table(name: &str, suffix: &str, phrases: &[&str], word: fn(&str) -> String) -> String {
    let rows: Vec<String> = phrases
        .iter()
        .map(|p| strs(&p.split(' ').map(word).collect::<Vec<_>>()))
        .collect();
    format!(
        "pub static {name}_{suffix}: &[&[&str]] = &[{}];",
        rows.join(", ")
    )
}

/// `static CUES: Cues` (inside `dialogue::cues::generated`), borrowing
/// every phrase and word.
fn cue_tables() -> String {
    let t = cues_file::parse(include_str!("src/dialogue/cues.txt"));
    let cow_strs = |words: &[String]| -> String {
        let quoted: Vec<String> = words
            .iter()
            .map(|w| format!("Cow::Borrowed({w:?})"))
            .collect();
        format!("Cow::Borrowed(&[{}])", quoted.join(", "))
    };
    let mut src =
        String::from("pub(super) static CUES: Cues = Cues {\n    phrases: Cow::Borrowed(&[\n");
    for phrases in &t.phrases {
        let ps: Vec<String> = phrases.iter().map(|p| cow_strs(p)).collect();
        let _ = writeln!(src, "        Cow::Borrowed(&[{}]),", ps.join(", "));
    }
    src.push_str("    ]),\n");
    let _ = writeln!(src, "    words: {},", cow_strs(&t.words));
    let pairs: Vec<String> = t
        .language_of
        .iter()
        .map(|(w, l)| format!("(Cow::Borrowed({w:?}), {l:?})"))
        .collect();
    let _ = writeln!(
        src,
        "    language_of: Cow::Borrowed(&[{}]),",
        pairs.join(", ")
    );
    let keys: Vec<String> = t
        .typo_keys
        .iter()
        .map(|(k, i)| format!("(Cow::Borrowed({k:?}), {i})"))
        .collect();
    let _ = writeln!(src, "    typo_keys: Cow::Borrowed(&[{}]),", keys.join(", "));
    src.push_str("};\n");
    src
}

/// `ORDINALS` and `CARDINALS` (`dialogue::numbers::generated`).
fn number_tables() -> String {
    let t = numbers_file::parse(include_str!("src/dialogue/numbers.txt"));
    let mut src = String::from("pub(super) static ORDINALS: &[(&str, i32)] = &[\n");
    for (w, v) in &t.ordinals {
        let _ = writeln!(src, "    ({w:?}, {v}),");
    }
    src.push_str("];\npub(super) static CARDINALS: &[(&str, &str, u32)] = &[\n");
    for ((l, w), v) in &t.cardinals {
        let _ = writeln!(src, "    ({l:?}, {w:?}, {v}),");
    }
    src.push_str("];\n");
    src
}
