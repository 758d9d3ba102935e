//! Turns the language data files into static arrays at build time: every
//! guest plugin starts a fresh instance per turn, which would otherwise
//! parse each list (and hash or stem it) on its first use of every turn
//! (issue 16). The data files stay the source of truth; each table has a
//! test comparing it with the file read at run time.
//!
//! - `stopwords.rs`: the matchers' stopwords (`data/stopwords.txt`,
//!   sections `both` and `matching`), sorted;
//! - `markers.rs`: the language markers (`data/language-markers.txt`), one
//!   sorted array per language;
//! - `colours.rs`: the colour words (`data/colours.txt`) in file order,
//!   and each with its stem (the run-time stemmer, `src/stem.rs`);
//! - `shorthand.rs`: the chat shorthand (`data/shorthand.txt`), in file
//!   order.

use std::fmt::Write as _;

#[path = "src/stem.rs"]
mod stem;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/stem.rs");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let write = |name: &str, src: String| {
        std::fs::write(out.join(name), src).unwrap_or_else(|e| panic!("write OUT_DIR/{name}: {e}"))
    };
    write("stopwords.rs", stopwords(&read("data/stopwords.txt")));
    write("markers.rs", markers(&read("data/language-markers.txt")));
    write("colours.rs", colours(&read("data/colours.txt")));
    write("shorthand.rs", shorthand(&read("data/shorthand.txt")));
}

fn read(path: &str) -> String {
    println!("cargo:rerun-if-changed={path}");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn array(name: &str, visibility: &str, words: &[&str]) -> String {
    let mut src = format!("{visibility} static {name}: &[&str] = &[\n");
    for w in words {
        let _ = writeln!(src, "    {w:?},");
    }
    src.push_str("];\n");
    src
}

fn stopwords(data: &str) -> String {
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
    array("MATCHING_STOPWORDS", "pub(crate)", &words)
}

fn markers(data: &str) -> String {
    let mut sets: [Vec<&str>; 3] = Default::default();
    let mut current: Option<usize> = None;
    for line in data.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        current = match line {
            "[en]" => Some(0),
            "[pt]" => Some(1),
            "[es]" => Some(2),
            _ => {
                if let Some(i) = current {
                    sets[i].extend(line.split_whitespace());
                }
                current
            }
        };
    }
    let mut src = String::new();
    for (name, mut words) in ["EN_MARKERS", "PT_MARKERS", "ES_MARKERS"]
        .into_iter()
        .zip(sets)
    {
        words.sort_unstable();
        words.dedup();
        src.push_str(&array(name, "pub(super)", &words));
    }
    src
}

fn colours(data: &str) -> String {
    let pairs: Vec<(&str, &str)> = data
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .flat_map(|(colour, words)| {
            let colour = colour.trim();
            words.split_whitespace().map(move |w| (w, colour))
        })
        .collect();
    let mut src = String::from("pub(super) static COLORS: &[(&str, &str)] = &[\n");
    for (w, c) in &pairs {
        let _ = writeln!(src, "    ({w:?}, {c:?}),");
    }
    src.push_str("];\n/// (word, its stem, colour)\npub(super) static STEMMED_COLORS: &[(&str, &str, &str)] = &[\n");
    for (w, c) in &pairs {
        let _ = writeln!(src, "    ({w:?}, {:?}, {c:?}),", stem::stem(w));
    }
    src.push_str("];\n");
    src
}

fn shorthand(data: &str) -> String {
    let mut src = String::from("pub(super) static SHORTHAND: &[(&str, &str)] = &[\n");
    for (short, long) in data
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(short, long)| (short.trim(), long.trim()))
        .filter(|(short, long)| !short.is_empty() && !long.is_empty())
    {
        let _ = writeln!(src, "    ({short:?}, {long:?}),");
    }
    src.push_str("];\n");
    src
}
