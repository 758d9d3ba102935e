//! Sorts the matchers' stopwords (`data/stopwords.txt`, sections `both`
//! and `matching`) into a static array at build time: every guest plugin
//! starts a fresh instance per turn, which would otherwise parse the list
//! and hash it into a set on its first lookup of every turn (issue 16).
//! The data file stays the source of truth; `text::tests::
//! generated_stopwords_match_the_file` compares the two.

use std::fmt::Write as _;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=data/stopwords.txt");
    let data = std::fs::read_to_string("data/stopwords.txt").expect("data/stopwords.txt");
    let mut current = "";
    let mut words: Vec<&str> = Vec::new();
    for line in data.lines().map(str::trim) {
        if line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            current = name;
        } else if matches!(current, "both" | "matching") {
            words.extend(line.split_whitespace());
        }
    }
    words.sort_unstable();
    words.dedup();
    let mut src = String::from("pub(crate) static MATCHING_STOPWORDS: &[&str] = &[\n");
    for w in words {
        let _ = writeln!(src, "    {w:?},");
    }
    src.push_str("];\n");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("stopwords.rs"), src).expect("write OUT_DIR/stopwords.rs");
}
