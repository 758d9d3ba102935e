//! Google's product taxonomy: a feed's `google_product_category` may be
//! the numeric id of a category ("2271") instead of its path ("Apparel &
//! Accessories > Clothing > Dresses"), as Google and Meta both accept.
//! The path is what the search and the routing vocabulary read, so an id
//! is turned into its path with Google's own list (version 2021-09-21,
//! vendored at `lang/data/google-taxonomy-with-ids.en-US.txt`, source noted
//! at its top).

use std::collections::HashMap;
use std::sync::OnceLock;

const TAXONOMY: &str = include_str!("../../lang/data/google-taxonomy-with-ids.en-US.txt");

fn table() -> &'static HashMap<u32, &'static str> {
    static TABLE: OnceLock<HashMap<u32, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        TAXONOMY
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (id, path) = l.split_once(" - ")?;
                Some((id.trim().parse().ok()?, path.trim()))
            })
            .collect()
    })
}

/// The category path of a taxonomy id, `None` when the id is unknown.
pub fn path_of(id: u32) -> Option<&'static str> {
    table().get(&id).copied()
}

/// A `google_product_category` value as a path: an id is looked up (the
/// value itself is returned when it is not a known id, or is a path).
pub fn category_path(value: &str) -> &str {
    let v = value.trim();
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return value;
    }
    v.parse().ok().and_then(path_of).unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_become_paths() {
        assert_eq!(
            category_path("2271"),
            "Apparel & Accessories > Clothing > Dresses"
        );
        assert_eq!(category_path(" 222 "), "Electronics");
        assert_eq!(category_path("Home & Garden"), "Home & Garden");
        // an unknown id stays as it was
        assert_eq!(category_path("99999999"), "99999999");
        assert_eq!(category_path(""), "");
        assert!(table().len() > 5000);
    }

    #[test]
    fn a_feed_row_reads_its_numeric_category() {
        let csv = "id,title,availability,price,brand,product_type,google_product_category\n\
                   A-1,Silk Slip Dress,in stock,99.00 USD,fashion,,2271\n\
                   A-2,Cube Mini PC,in stock,399.00 USD,tech,Computing,325\n\
                   A-3,Mystery,in stock,1.00 USD,tech,,99999999\n";
        let parsed = crate::read::parse_feed(csv.as_bytes()).expect("feed");
        assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected);
        let [dress, pc, mystery] = parsed.products.as_slice() else {
            panic!("three rows: {:?}", parsed.products);
        };
        // no product_type: the category is the id's path
        assert_eq!(dress.category, "Apparel & Accessories > Clothing > Dresses");
        assert_eq!(dress.google_category(), dress.category);
        // the attribute keeps what the feed said
        assert_eq!(dress.attribute("google_product_category"), Some("2271"));
        assert_eq!(pc.category, "Computing");
        assert_eq!(
            pc.google_category(),
            "Electronics > Computers > Desktop Computers"
        );
        assert_eq!(mystery.google_category(), "99999999");
    }
}
