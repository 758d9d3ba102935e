//! Search constraints in a customer's message, in minor units: price
//! bounds ("under $100", "até 200 reais", "entre 50 y 100"), colour and
//! size ("tamanho M", "talla 42", "256GB"). The plugins' reading of a
//! message; the price bounds and the size are the host's query parser's
//! ([`crate::query::price_bounds`], [`crate::query::size_in`]), so seller
//! and search agree.
//!
//! ```
//! use agent_store_lang::constraints::extract_constraints;
//! let c = extract_constraints("running shoes under $100 in black");
//! assert_eq!(c.max_price_minor, Some(10_000));
//! assert_eq!(c.color.as_deref(), Some("black"));
//! ```

use crate::query::SizeReach;
use crate::text::{color_of, has_phrase, normalize, tokenize};

/// Search constraints found in a customer's message.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// Upper price bound, in minor units.
    pub max_price_minor: Option<i64>,
    /// Lower price bound, in minor units.
    pub min_price_minor: Option<i64>,
    /// Catalog (English) colour name.
    pub color: Option<String>,
    /// A size: letter size (S, M, L...), shoe size, storage (128GB), bed size.
    pub size: Option<String>,
}

impl Constraints {
    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Extract price bounds, colour and size from a customer's message in
/// en/pt/es ("under $100", "até 200 reais", "menos de 50", "between 50 and
/// 100", "entre 50 e 100", "preto", "tamanho M", "talla 42", "256GB").
pub fn extract_constraints(text: &str) -> Constraints {
    // Price bounds: the query parser's reading, in minor units of a
    // two-decimal currency (the unit of the plugins' search bounds).
    let (min_price_minor, max_price_minor) = crate::query::price_bounds(text).price_bounds_minor(2);
    let mut c = Constraints {
        min_price_minor,
        max_price_minor,
        ..Constraints::default()
    };
    let words = tokenize(text);
    for w in &words {
        if let Some(col) = color_of(w) {
            // "rose gold", "dark blue": keep the catalog's two-word colours
            c.color = Some(col.to_owned());
            break;
        }
    }
    if has_phrase(&normalize(text), "rose gold") {
        c.color = Some("rose gold".into());
    }
    c.size = crate::query::size_in(text, SizeReach::Request);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraints() {
        let c = extract_constraints("headphones under $100");
        assert_eq!(c.max_price_minor, Some(10_000));
        let c = extract_constraints("tênis preto até 200 reais");
        assert_eq!(
            (c.max_price_minor, c.color.as_deref()),
            (Some(20_000), Some("black"))
        );
        let c = extract_constraints("zapatillas negras por menos de 50 dólares");
        assert_eq!(
            (c.max_price_minor, c.color.as_deref()),
            (Some(5_000), Some("black"))
        );
        let c = extract_constraints("something below 80");
        assert_eq!(c.max_price_minor, Some(8_000));
        let c = extract_constraints("a dress between 50 and 100");
        assert_eq!(
            (c.min_price_minor, c.max_price_minor),
            (Some(5_000), Some(10_000))
        );
        let c = extract_constraints("vestido entre 50 e 100 reais");
        assert_eq!(
            (c.min_price_minor, c.max_price_minor),
            (Some(5_000), Some(10_000))
        );
        let c = extract_constraints("un vestido entre 50 y 100");
        assert_eq!(
            (c.min_price_minor, c.max_price_minor),
            (Some(5_000), Some(10_000))
        );
        let c = extract_constraints("phone with 256GB over $500");
        assert_eq!(
            (c.min_price_minor, c.size.as_deref()),
            (Some(50_000), Some("256GB"))
        );
        let c = extract_constraints("tem tamanho M?");
        assert_eq!(c.size.as_deref(), Some("M"));
        let c = extract_constraints("talla 42 en azul");
        assert_eq!(
            (c.size.as_deref(), c.color.as_deref()),
            (Some("42"), Some("blue"))
        );
        let c = extract_constraints("smartphone 128 gb até R$ 1.500,00");
        assert_eq!(
            (c.size.as_deref(), c.max_price_minor),
            (Some("128GB"), Some(150_000))
        );
        let c = extract_constraints("monitor under 27 inch");
        assert_eq!(c.max_price_minor, None);
        assert!(extract_constraints("hello").is_empty());
    }

    /// The seller and the search read one size the same way; the seller
    /// also takes a size said alone, which a search does not filter by.
    #[test]
    fn one_size_reader_for_seller_and_search() {
        use crate::query::{SizeReach, size_in};
        for (text, want) in [
            ("camiseta tamanho G", "L"),
            ("vestido tamanho PP", "XS"),
            ("talla mediana por favor", "M"),
            ("size is xl", "XL"),
            ("tênis número 41", "41"),
            ("um ssd de 1 tb", "1TB"),
        ] {
            assert_eq!(
                size_in(text, SizeReach::Explicit).as_deref(),
                Some(want),
                "{text}"
            );
            assert_eq!(
                extract_constraints(text).size.as_deref(),
                Some(want),
                "{text}"
            );
        }
        for (text, want) in [
            ("sheets for a king bed", "king"),
            ("juego de sábanas matrimonial", "queen"),
            ("the hoodie in xl", "XL"),
            ("jogo de lençol tamanho casal", "queen"),
        ] {
            assert_eq!(size_in(text, SizeReach::Explicit), None, "{text}");
            assert_eq!(
                extract_constraints(text).size.as_deref(),
                Some(want),
                "{text}"
            );
        }
        // A lone "m" or "l" is a unit more often than a size.
        assert_eq!(extract_constraints("a 2 l water bottle").size, None);
    }
}
