//! Ordinals ("the second one", "o segundo", "el noveno", "2nd") and number
//! words ("two", "duas", "dos") in en/pt/es, loaded from `numbers.txt`.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text;

const DATA: &str = include_str!("numbers.txt");

#[derive(Debug, Default)]
struct Table {
    ordinals: HashMap<String, i32>,
    /// (language, word) → value.
    cardinals: HashMap<(String, String), u32>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table::default();
        let mut section = String::new();
        for line in DATA.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name.trim().to_string();
                continue;
            }
            let Some((value, words)) = line.split_once('=') else {
                continue;
            };
            let Ok(value) = value.trim().parse::<i32>() else {
                continue;
            };
            for w in words.split('|') {
                let w = text::normalize(w);
                if w.is_empty() {
                    continue;
                }
                if section == "ordinal" {
                    t.ordinals.insert(w, value);
                } else if let Some(lang) = section.strip_prefix("cardinal ")
                    && let Ok(v) = u32::try_from(value)
                {
                    t.cardinals.insert((lang.trim().to_string(), w), v);
                }
            }
        }
        t
    })
}

/// The position an ordinal word names: 1-based, -1 for "last".
pub fn ordinal(token: &str) -> Option<i32> {
    table().ordinals.get(token).copied()
}

/// The value of a number word in `lang` ("duas" → 2 in pt).
pub fn cardinal(token: &str, lang: &str) -> Option<u32> {
    table()
        .cardinals
        .get(&(lang.to_string(), token.to_string()))
        .copied()
}

/// A whole number written in digits ("3", "10000"), without separators.
pub fn integer(token: &str) -> Option<u64> {
    if token.is_empty() || token.len() > 9 || !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(ordinal("segunda"), Some(2));
        assert_eq!(ordinal("noveno"), Some(9));
        assert_eq!(ordinal("2nd"), Some(2));
        assert_eq!(ordinal("ultimo"), Some(-1));
        assert_eq!(cardinal("duas", "pt"), Some(2));
        assert_eq!(cardinal("dos", "es"), Some(2));
        assert_eq!(cardinal("dos", "pt"), None);
        assert_eq!(integer("10000"), Some(10000));
        assert_eq!(integer("39,90"), None);
    }
}
