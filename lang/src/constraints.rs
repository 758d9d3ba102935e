//! Search constraints in a customer's message, in minor units: price
//! bounds ("under $100", "até 200 reais", "entre 50 y 100"), colour and
//! size ("tamanho M", "talla 42", "256GB"). The plugins' reading of a
//! message; the host's full query parser is [`crate::query`].
//!
//! ```
//! use agent_store_lang::constraints::extract_constraints;
//! let c = extract_constraints("running shoes under $100 in black");
//! assert_eq!(c.max_price_minor, Some(10_000));
//! assert_eq!(c.color.as_deref(), Some("black"));
//! ```

use crate::amount::parse_amount;
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

/// Tokens that keep decimal separators inside numbers and `$`.
fn price_tokens(s: &str) -> Vec<String> {
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

/// Parse "89.90", "1,299", "1.299,90", "100", "1k" into minor units.
const UNIT_SUFFIXES: &[&str] = &[
    "gb",
    "tb",
    "mb",
    "ml",
    "cm",
    "mm",
    "inch",
    "inches",
    "pol",
    "polegadas",
    "pulgadas",
    "mah",
    "w",
    "hz",
    "k",
    "mp",
    "x",
    "seater",
    "lugares",
    "plazas",
    "l",
    "g",
    "kg",
    "oz",
];
const CURRENCY_WORDS: &[&str] = &[
    "$", "r", "us", "usd", "brl", "reais", "real", "dolares", "dollars", "dollar", "bucks",
    "dolar", "pesos", "euros", "eur", "mxn",
];

fn phrase_at(toks: &[String], i: usize, phrase: &str) -> Option<usize> {
    let words: Vec<&str> = phrase.split(' ').collect();
    if i + words.len() > toks.len() {
        return None;
    }
    words
        .iter()
        .zip(&toks[i..])
        .all(|(w, t)| *w == t)
        .then_some(words.len())
}

/// The amount starting at token `i` (skipping currency words), with the
/// index after it.
fn amount_at(toks: &[String], mut i: usize) -> Option<(i64, usize)> {
    let mut skipped = 0;
    while i < toks.len() && CURRENCY_WORDS.contains(&toks[i].as_str()) && skipped < 2 {
        i += 1;
        skipped += 1;
    }
    let v = parse_amount(toks.get(i)?)?;
    let next = toks.get(i + 1).map(String::as_str).unwrap_or("");
    if UNIT_SUFFIXES.contains(&next)
        || toks[i].ends_with(|c: char| c.is_ascii_alphabetic() && c != 'k')
    {
        return None;
    }
    Some((v, i + 1))
}

const MAX_WORDS: &[&str] = &[
    "less than",
    "under",
    "below",
    "up to",
    "upto",
    "at most",
    "max",
    "maximum",
    "cheaper than",
    "no more than",
    "not more than",
    "lower than",
    "within",
    "budget of",
    "budget",
    "ate",
    "menos de",
    "abaixo de",
    "no maximo",
    "maximo",
    "inferior a",
    "por menos de",
    "por ate",
    "mais barato que",
    "hasta",
    "por debajo de",
    "no mas de",
    "a lo sumo",
    "menor que",
    "menor a",
    "<",
];
const MIN_WORDS: &[&str] = &[
    "more than",
    "over",
    "above",
    "at least",
    "min",
    "minimum",
    "starting at",
    "higher than",
    "acima de",
    "mais de",
    "a partir de",
    "pelo menos",
    "no minimo",
    "minimo",
    "superior a",
    "mas de",
    "desde",
    "por encima de",
    "al menos",
    "mayor que",
    ">",
];

/// Extract price bounds, colour and size from a customer's message in
/// en/pt/es ("under $100", "até 200 reais", "menos de 50", "between 50 and
/// 100", "entre 50 e 100", "preto", "tamanho M", "talla 42", "256GB").
pub fn extract_constraints(text: &str) -> Constraints {
    let toks = price_tokens(text);
    let mut c = Constraints::default();
    let mut i = 0;
    while i < toks.len() {
        // between X and Y / entre X e Y / entre X y Y / from X to Y / de X a Y
        let range_start = ["between", "entre", "from", "de", "desde"]
            .iter()
            .find_map(|w| phrase_at(&toks, i, w));
        if let Some(n) = range_start
            && let Some((lo, j)) = amount_at(&toks, i + n)
            && let Some(sep) = toks.get(j)
            && ["and", "e", "y", "to", "a", "-", "até", "ate", "hasta"].contains(&sep.as_str())
            && let Some((hi, k)) = amount_at(&toks, j + 1)
        {
            c.min_price_minor = Some(lo.min(hi));
            c.max_price_minor = Some(lo.max(hi));
            i = k;
            continue;
        }
        if let Some(n) = MAX_WORDS.iter().find_map(|w| phrase_at(&toks, i, w))
            && let Some((v, j)) = amount_at(&toks, i + n)
        {
            c.max_price_minor = Some(v);
            i = j;
            continue;
        }
        if let Some(n) = MIN_WORDS.iter().find_map(|w| phrase_at(&toks, i, w))
            && let Some((v, j)) = amount_at(&toks, i + n)
        {
            c.min_price_minor = Some(v);
            i = j;
            continue;
        }
        // X-Y with a currency mark: "$50-100"
        if toks[i] == "$"
            && let Some((lo, j)) = amount_at(&toks, i)
            && toks.get(j).is_some_and(|t| t == "-")
            && let Some((hi, k)) = amount_at(&toks, j + 1)
        {
            c.min_price_minor = Some(lo.min(hi));
            c.max_price_minor = Some(lo.max(hi));
            i = k;
            continue;
        }
        i += 1;
    }

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
