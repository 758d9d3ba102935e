//! Search constraints in a customer's message, in minor units: price
//! bounds ("under $100", "até 200 reais", "entre 50 y 100"), colour and
//! size ("tamanho M", "talla 42", "256GB"). The plugins' reading of a
//! message; the price bounds are the host's query parser's
//! ([`crate::query::price_bounds`]), so seller and search agree.
//!
//! ```
//! use agent_store_lang::constraints::extract_constraints;
//! let c = extract_constraints("running shoes under $100 in black");
//! assert_eq!(c.max_price_minor, Some(10_000));
//! assert_eq!(c.color.as_deref(), Some("black"));
//! ```

use crate::text::{color_of, fold_char, has_phrase, normalize, tokenize};

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

/// Tokens that keep decimal separators inside numbers and `$` (storage
/// sizes are read from them: "128gb", "128 gb").
fn number_tokens(s: &str) -> Vec<String> {
    let lower: String = s
        .chars()
        .flat_map(char::to_lowercase)
        .map(fold_char)
        .collect();
    let chars: Vec<char> = lower.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let in_number = (c == '.' || c == ',')
            && cur.chars().last().is_some_and(|p| p.is_ascii_digit())
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_alphanumeric() || in_number {
            // split "100usd" / "$100" style glued tokens at digit/letter edges
            if let Some(p) = cur.chars().last()
                && p.is_ascii_digit() != c.is_ascii_digit()
                && c != '.'
                && c != ','
                && p != '.'
                && p != ','
                && !(p.is_ascii_digit() && matches!(c, 'k' | 'g' | 't' | 'm' | 'w'))
                && !cur.starts_with(|x: char| x.is_ascii_digit())
            {
                out.push(std::mem::take(&mut cur));
            }
            cur.push(c);
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if c == '$' || c == '<' || c == '>' || c == '-' {
                out.push(c.to_string());
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Extract price bounds, colour and size from a customer's message in
/// en/pt/es ("under $100", "até 200 reais", "menos de 50", "between 50 and
/// 100", "entre 50 e 100", "preto", "tamanho M", "talla 42", "256GB").
pub fn extract_constraints(text: &str) -> Constraints {
    let toks = number_tokens(text);
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
    c.size = extract_size(&toks, &words);
    c
}

fn extract_size(toks: &[String], words: &[String]) -> Option<String> {
    const SIZE_WORDS: &[&str] = &[
        "size", "tamanho", "tam", "talla", "talle", "numero", "no", "n", "nro", "num", "calco",
        "calzo",
    ];
    const LETTER: &[(&str, &str)] = &[
        ("xxs", "XXS"),
        ("xs", "XS"),
        ("s", "S"),
        ("m", "M"),
        ("l", "L"),
        ("xl", "XL"),
        ("xxl", "XXL"),
        ("p", "S"),
        ("pp", "XS"),
        ("g", "L"),
        ("gg", "XL"),
        ("ch", "S"),
        ("small", "S"),
        ("medium", "M"),
        ("large", "L"),
        ("pequeno", "S"),
        ("medio", "M"),
        ("mediano", "M"),
        ("grande", "L"),
        ("tkl", "TKL"),
    ];
    for (i, w) in words.iter().enumerate() {
        if SIZE_WORDS.contains(&w.as_str())
            && let Some(next) = words.get(i + 1)
        {
            if let Some((_, s)) = LETTER.iter().find(|(k, _)| k == next) {
                return Some((*s).to_owned());
            }
            if next.chars().all(|c| c.is_ascii_digit()) && (1..=3).contains(&next.len()) {
                return Some(next.clone());
            }
        }
    }
    for (i, t) in toks.iter().enumerate() {
        // storage: "128gb", "128 gb", "1tb"
        let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() {
            continue;
        }
        let rest = &t[digits.len()..];
        let unit = if rest.is_empty() {
            toks.get(i + 1).map(String::as_str).unwrap_or("")
        } else {
            rest
        };
        if unit == "gb" || unit == "tb" {
            return Some(format!("{digits}{}", unit.to_uppercase()));
        }
    }
    for w in words {
        match w.as_str() {
            "queen" | "king" => return Some(w.clone()),
            "casal" => return Some("queen".into()),
            "matrimonial" => return Some("queen".into()),
            "xs" | "xl" | "xxl" => return Some(w.to_uppercase()),
            _ => {}
        }
    }
    None
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
}
