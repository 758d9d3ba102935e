//! A seller manifest's `[routing]` section: what a brand team tells the
//! router about its brand, beyond the catalog rows.
//!
//! ```toml
//! [routing]
//! display_name = "Tech"                       # optional; default: the brand
//! categories = ["Phones", "Laptops"]          # what the brand sells
//! examples = ["I need a laptop for college"]  # typical customer messages
//! related = ["wireless", "office"]            # hints that fit others too
//! [routing.keywords]                          # customers' words, per language
//! en = ["laptop", "earbuds"]
//! pt = ["celular", "fone de ouvido"]
//! es = ["portátil", "auriculares"]
//! ```
//!
//! The section is read leniently: it never stops a plugin from loading. A
//! value of the wrong type is ignored, a list over [`MAX_ITEMS`] is cut,
//! an item over [`MAX_ITEM_CHARS`] is dropped, each with one log line
//! naming the seller and what was ignored.

use serde::{Deserialize, Serialize};

/// Most items kept per list (categories, examples, one language's keywords).
pub const MAX_ITEMS: usize = 500;
/// Longest item kept, in characters.
pub const MAX_ITEM_CHARS: usize = 200;

/// The section as written, kept raw in the manifest so a malformed one
/// never fails the manifest (see [`RoutingSection::read`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RawSection(pub toml::Value);

// Manifests compare with `Eq`; TOML floats make `Value` only `PartialEq`,
// and a NaN in a routing section is of no consequence to that comparison.
impl Eq for RawSection {}

/// The usable part of a `[routing]` section.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoutingSection {
    pub display_name: Option<String>,
    pub categories: Vec<String>,
    pub examples: Vec<String>,
    /// Words that hint at the brand but fit other brands too.
    pub related: Vec<String>,
    /// (language, keyword); language "" for a flat `keywords = [...]`.
    pub keywords: Vec<(String, String)>,
}

impl RoutingSection {
    /// Read `raw` for seller `plugin`; every problem is one `warn` line.
    pub fn read(plugin: &str, raw: &RawSection) -> RoutingSection {
        let mut out = RoutingSection::default();
        let Some(table) = raw.0.as_table() else {
            tracing::warn!(plugin, "[routing] is not a table: ignored");
            return out;
        };
        for (key, value) in table {
            match key.as_str() {
                "display_name" => match value.as_str() {
                    Some(s) if !s.trim().is_empty() && s.chars().count() <= MAX_ITEM_CHARS => {
                        out.display_name = Some(s.trim().to_string());
                    }
                    _ => {
                        tracing::warn!(plugin, "routing.display_name is not a short text: ignored")
                    }
                },
                "categories" => out.categories = list(plugin, "routing.categories", value),
                "examples" => out.examples = list(plugin, "routing.examples", value),
                "related" => out.related = list(plugin, "routing.related", value),
                "keywords" => out.keywords = keywords(plugin, value),
                other => tracing::warn!(plugin, key = other, "unknown routing key: ignored"),
            }
        }
        out
    }
}

/// The keywords: a flat list, or one list per language.
fn keywords(plugin: &str, value: &toml::Value) -> Vec<(String, String)> {
    if value.is_array() {
        return list(plugin, "routing.keywords", value)
            .into_iter()
            .map(|k| (String::new(), k))
            .collect();
    }
    let Some(by_language) = value.as_table() else {
        tracing::warn!(
            plugin,
            "routing.keywords is neither a list nor a table of lists: ignored"
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (language, words) in by_language {
        let what = format!("routing.keywords.{language}");
        out.extend(
            list(plugin, &what, words)
                .into_iter()
                .map(|k| (language.clone(), k)),
        );
    }
    out
}

/// A list of short texts; whatever else is in it is ignored, with a count.
fn list(plugin: &str, what: &str, value: &toml::Value) -> Vec<String> {
    let Some(items) = value.as_array() else {
        tracing::warn!(plugin, what, "not a list of texts: ignored");
        return Vec::new();
    };
    let mut kept = Vec::new();
    let (mut not_text, mut too_long, mut blank) = (0, 0, 0);
    for item in items.iter() {
        match item.as_str().map(str::trim) {
            None => not_text += 1,
            Some("") => blank += 1,
            Some(s) if s.chars().count() > MAX_ITEM_CHARS => too_long += 1,
            Some(s) => kept.push(s.to_string()),
        }
    }
    let over = kept.len().saturating_sub(MAX_ITEMS);
    kept.truncate(MAX_ITEMS);
    if not_text + too_long + blank + over > 0 {
        tracing::warn!(
            plugin,
            what,
            kept = kept.len(),
            not_text,
            too_long,
            blank,
            over_limit = over,
            limit = MAX_ITEMS,
            "routing list partly ignored"
        );
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(toml_text: &str) -> RoutingSection {
        let v: toml::Table = toml::from_str(toml_text).expect("toml");
        RoutingSection::read("seller-x", &RawSection(toml::Value::Table(v)))
    }

    #[test]
    fn reads_a_full_section() {
        let s = read(
            r#"
display_name = "Pets"
categories = ["Dog food", "Cat toys"]
examples = ["ração para gato"]
[keywords]
en = ["kibble", "leash"]
es = ["correa"]
"#,
        );
        assert_eq!(s.display_name.as_deref(), Some("Pets"));
        assert_eq!(s.categories, ["Dog food", "Cat toys"]);
        assert_eq!(s.examples.len(), 1);
        assert!(s.keywords.contains(&("es".into(), "correa".into())));
        assert_eq!(s.keywords.len(), 3);
    }

    #[test]
    fn ignores_what_it_cannot_use_and_caps_lists() {
        let many: Vec<String> = (0..MAX_ITEMS + 50).map(|i| format!("\"k{i}\"")).collect();
        let s = read(&format!(
            "display_name = 3\ncategories = \"not a list\"\nexamples = [1, \"ok\", \"\"]\nkeywords = [{}]\nweird = true\n",
            many.join(",")
        ));
        assert_eq!(s.display_name, None);
        assert!(s.categories.is_empty());
        assert_eq!(s.examples, ["ok"]);
        assert_eq!(s.keywords.len(), MAX_ITEMS);
        let not_table = RoutingSection::read("x", &RawSection(toml::Value::Integer(1)));
        assert_eq!(not_table, RoutingSection::default());
    }
}
