//! Ordinals ("the second one", "o segundo", "el noveno", "2nd") and number
//! words ("two", "duas", "dos") in en/pt/es, loaded from `numbers.txt`.

/// The tables `build.rs` precomputes from `numbers.txt` with
/// `numbers_file::parse` (a fresh wasm instance per turn would
/// otherwise rebuild them every turn): `ORDINALS` (word, position) sorted
/// by word, `CARDINALS` (language, word, value) sorted by language and word.
mod generated {
    include!(concat!(env!("OUT_DIR"), "/number_tables.rs"));
}

/// The position an ordinal word names: 1-based, -1 for "last".
pub fn ordinal(token: &str) -> Option<i32> {
    let t = generated::ORDINALS;
    t.binary_search_by(|(w, _)| (*w).cmp(token))
        .ok()
        .map(|i| t[i].1)
}

/// The value of a number word in `lang` ("duas" → 2 in pt).
pub fn cardinal(token: &str, lang: &str) -> Option<u32> {
    let t = generated::CARDINALS;
    t.binary_search_by(|(l, w, _)| (*l, *w).cmp(&(lang, token)))
        .ok()
        .map(|i| t[i].2)
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

    /// The generated tables are what parsing `numbers.txt` at run time
    /// builds (the data file stays the source of truth).
    #[test]
    fn generated_tables_match_runtime() {
        let parsed = super::super::numbers_file::parse(include_str!("numbers.txt"));
        assert!(parsed.ordinals.len() > 50 && parsed.cardinals.len() > 20);
        let ordinals: Vec<(String, i32)> = generated::ORDINALS
            .iter()
            .map(|(w, v)| ((*w).to_owned(), *v))
            .collect();
        assert_eq!(ordinals, parsed.ordinals);
        let cardinals: Vec<((String, String), u32)> = generated::CARDINALS
            .iter()
            .map(|(l, w, v)| (((*l).to_owned(), (*w).to_owned()), *v))
            .collect();
        assert_eq!(cardinals, parsed.cardinals);
    }

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
