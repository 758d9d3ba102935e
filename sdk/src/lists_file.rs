//! The word-list data format of `lexicon/store.txt` and `intent.txt`,
//! parsed. `build.rs` includes this file to turn each list into a static
//! (a fresh wasm instance, one per turn, then parses nothing), and the
//! tests use it to check the files; it uses only std for that reason.
//!
//! ```text
//! # a comment
//! [charged-words]
//! en: charged | billed
//! pt: cobrado | cobraram
//! *: shared entry
//! ```

/// Language tags a line may carry: `*` marks entries several share.
pub const LANGS: [&str; 4] = ["en", "pt", "es", "*"];

/// One `[name]` list: its entries in file order, with their language tag.
#[derive(Debug, Clone, PartialEq)]
pub struct List {
    pub name: String,
    pub entries: Vec<(String, String)>,
}

impl List {
    /// The static's name the code uses: `charged-words` → `CHARGED_WORDS`.
    pub fn const_name(&self) -> String {
        self.name.to_uppercase().replace('-', "_")
    }

    /// The entries alone, in file order.
    pub fn words(&self) -> Vec<&str> {
        self.entries.iter().map(|(_, w)| w.as_str()).collect()
    }
}

/// Parse a word-list file. A line outside a list, an unknown language
/// tag, a list named twice or an empty entry is an error naming its line:
/// these files are code's data, so a mistake stops the build.
pub fn parse(data: &str) -> Result<Vec<List>, String> {
    let mut lists: Vec<List> = Vec::new();
    for (i, raw) in data.lines().enumerate() {
        let line = raw.trim();
        let at = i + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let name = name.trim();
            let valid = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !valid {
                return Err(format!(
                    "line {at}: list name {name:?} is not lowercase-dashed"
                ));
            }
            if lists.iter().any(|l| l.name == name) {
                return Err(format!("line {at}: list [{name}] appears twice"));
            }
            lists.push(List {
                name: name.to_string(),
                entries: Vec::new(),
            });
            continue;
        }
        let Some(list) = lists.last_mut() else {
            return Err(format!("line {at}: entries before any [list]"));
        };
        let Some((tag, items)) = line.split_once(':') else {
            return Err(format!("line {at}: expected `lang: entry | entry`"));
        };
        let tag = tag.trim();
        if !LANGS.contains(&tag) {
            return Err(format!("line {at}: unknown language tag {tag:?}"));
        }
        for item in items.split('|') {
            let item = item.trim();
            if item.is_empty() {
                return Err(format!("line {at}: empty entry in [{}]", list.name));
            }
            list.entries.push((tag.to_string(), item.to_string()));
        }
    }
    Ok(lists)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lists_in_file_order() {
        let lists = parse("# c\n[a-b]\nen: x | y z\n*: w\n[c]\npt: v\n").unwrap();
        assert_eq!(lists.len(), 2);
        assert_eq!(lists[0].const_name(), "A_B");
        assert_eq!(lists[0].words(), ["x", "y z", "w"]);
        assert_eq!(lists[1].entries, [("pt".to_string(), "v".to_string())]);
    }

    #[test]
    fn mistakes_name_their_line() {
        for (data, want) in [
            ("en: x", "line 1: entries before any [list]"),
            ("[a]\nfr: x", "line 2: unknown language tag \"fr\""),
            ("[a]\n[a]", "line 2: list [a] appears twice"),
            ("[a]\nen: x || y", "line 2: empty entry in [a]"),
            ("[A]", "line 1: list name \"A\" is not lowercase-dashed"),
            ("[a]\nx y", "line 2: expected `lang: entry | entry`"),
        ] {
            assert_eq!(parse(data).unwrap_err(), want, "{data}");
        }
    }
}

/// The crate's word-list files: every entry is written as
/// `text::normalize` leaves it, since the code matches normalised text.
#[cfg(test)]
mod files {
    use super::parse;

    #[test]
    fn entries_are_written_normalised() {
        for (path, data) in [
            ("lexicon/store.txt", include_str!("lexicon/store.txt")),
            ("intent.txt", include_str!("intent.txt")),
        ] {
            let lists = parse(data).unwrap_or_else(|e| panic!("{path}: {e}"));
            for list in &lists {
                for word in list.words() {
                    assert_eq!(crate::text::normalize(word), word, "{path} [{}]", list.name);
                }
            }
        }
    }
}
