//! The `numbers.txt` format, parsed into sorted tables. One
//! implementation for [`super::numbers`] (its tests) and `build.rs`, which
//! includes this file to precompute the tables (a fresh wasm instance per
//! turn would otherwise rebuild them on every turn, issue 16). It uses
//! only the language crate and std for that reason.

use std::collections::BTreeMap;

use agent_store_lang::text;

/// `numbers.txt`, parsed: a later line's meaning of a word wins.
#[derive(Debug, Default, PartialEq)]
pub struct NumberTables {
    /// (normalised word, position: 1-based, -1 for "last"), sorted by word.
    pub ordinals: Vec<(String, i32)>,
    /// ((language, normalised word), value), sorted.
    pub cardinals: Vec<((String, String), u32)>,
}

/// Parse the `numbers.txt` format (see the file's header).
pub fn parse(data: &str) -> NumberTables {
    let mut ordinals = BTreeMap::new();
    let mut cardinals = BTreeMap::new();
    let mut section = String::new();
    for line in data.lines() {
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
                ordinals.insert(w, value);
            } else if let Some(lang) = section.strip_prefix("cardinal ")
                && let Ok(v) = u32::try_from(value)
            {
                cardinals.insert((lang.trim().to_string(), w), v);
            }
        }
    }
    NumberTables {
        ordinals: ordinals.into_iter().collect(),
        cardinals: cardinals.into_iter().collect(),
    }
}
