//! Numbers as customers write them: `89.90`, `89,90`, `1,299`, `1.299,90`,
//! `1,299.90`, `2k`. One reading of decimal and thousands separators for
//! every parser of amounts in customer text (the host's query parser, the
//! plugins' constraints, the sellers' quoted prices).
//!
//! The rule: when both `.` and `,` appear, the last one is the decimal
//! separator; a lone separator is a thousands separator when it repeats
//! (`1.299.000`) or is followed by exactly three digits (`1,299`),
//! otherwise a decimal separator (`89,90`).
//!
//! Feed prices, which must be exact and carry a currency, are parsed
//! strictly by [`crate::money::parse`] instead.
//!
//! ```
//! use agent_store_lang::amount;
//! assert_eq!(amount::parse_amount("1.299,90"), Some(129_990));
//! assert_eq!(amount::parse_amount("2k"), Some(200_000));
//! assert_eq!(amount::parse_number("1,299"), Some(1299.0));
//! assert_eq!(amount::parse_minor("1500", 0), Some(1500));
//! ```

/// The integer and fraction digits of a number made of ASCII digits, `.`
/// and `,` (the separators already told apart), or `None` when `raw` holds
/// anything else or no digit before the first separator.
pub fn split_number(raw: &str) -> Option<(String, String)> {
    if raw.is_empty()
        || !raw.starts_with(|c: char| c.is_ascii_digit())
        || !raw
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let Some(i) = raw.rfind(['.', ',']) else {
        return Some((raw.to_owned(), String::new()));
    };
    let after = &raw[i + 1..];
    let sep = raw.as_bytes()[i];
    let both = raw.contains('.') && raw.contains(',');
    let repeated = raw.bytes().filter(|b| *b == sep).count() > 1;
    if !both && (after.len() == 3 || repeated) {
        Some((digits(raw), String::new()))
    } else {
        Some((digits(&raw[..i]), digits(after)))
    }
}

/// A number in customer text as a float (major units, for ranges and
/// ratios): separators at either end are ignored (`"200."`).
pub fn parse_number(raw: &str) -> Option<f64> {
    let raw = raw.trim_matches(|c| c == '.' || c == ',');
    let (int, frac) = split_number(raw)?;
    if frac.is_empty() {
        int.parse().ok()
    } else {
        format!("{int}.{frac}").parse().ok()
    }
}

/// A number in customer text in minor units at `exponent` decimals (extra
/// decimals are dropped: a customer's "15.50" yen is 15 yen).
pub fn parse_minor(raw: &str, exponent: u32) -> Option<i64> {
    let (int, frac) = split_number(raw)?;
    let units: i64 = int.parse().ok()?;
    let width = exponent as usize;
    let mut fraction: i64 = 0;
    if width > 0 {
        let f: String = frac
            .chars()
            .chain(std::iter::repeat('0'))
            .take(width)
            .collect();
        fraction = f.parse().ok()?;
    }
    units
        .checked_mul(10i64.checked_pow(exponent)?)?
        .checked_add(fraction)
}

/// Parse `"89.90"`, `"1,299"`, `"1.299,90"`, `"100"`, `"1k"` into minor
/// units of a two-decimal currency (the plugins' amounts; see
/// [`parse_minor`] for another exponent).
pub fn parse_amount(tok: &str) -> Option<i64> {
    let (body, mult) = match tok.strip_suffix('k') {
        Some(b) => (b, 1000i64),
        None => (tok, 1),
    };
    parse_minor(body, 2)?.checked_mul(mult)
}

/// An amount a text quotes as a price: where it stands and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Quoted {
    /// Byte range of the number.
    pub start: usize,
    pub end: usize,
    /// In minor units of a two-decimal currency.
    pub minor: i64,
    /// Written with a decimal comma ("89,90").
    pub comma: bool,
}

impl Quoted {
    /// `minor` written as this amount was (two decimals, its decimal
    /// mark): what replaces it when a price is corrected.
    pub fn written(&self, minor: i64) -> String {
        let s = format!("{}.{:02}", minor / 100, (minor % 100).abs());
        if self.comma { s.replace('.', ",") } else { s }
    }
}

/// Words after a number that make it a price.
const CURRENCY_WORDS: &[&str] = &[
    "usd", "brl", "eur", "reais", "real", "dollars", "dolares", "dólares", "pesos", "euros",
    "bucks",
];

/// Amounts that look like prices: a number after a currency sign (`$`,
/// `€`, `USD`, `BRL`), before a currency word, or with two decimals; not
/// one glued to a unit (`4.50kg`) or part of a code (`X-200`). The host's
/// grounding check and the seller kit read quoted prices with it.
pub fn quoted(text: &str) -> Vec<Quoted> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit()
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'-'));
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || (matches!(bytes[i], b'.' | b',')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        let end = i;
        let token = &text[start..end];
        let before = text[..start].trim_end();
        let before_tail: String = before
            .chars()
            .rev()
            .take(3)
            .collect::<String>()
            .chars()
            .rev()
            .collect();
        let after = text[end..].trim_start().to_lowercase();
        let word_after: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        let sign = before_tail.ends_with('$')
            || before_tail.ends_with('€')
            || before_tail.to_ascii_lowercase().ends_with("usd")
            || before_tail.to_ascii_lowercase().ends_with("brl");
        let word = CURRENCY_WORDS.contains(&word_after.as_str());
        let decimals = two_decimals(token);
        // "4.50kg", "2.00x" are not prices
        let unit_glued = bytes.get(end).is_some_and(u8::is_ascii_alphabetic) && !word;
        if (sign || word || decimals.is_some())
            && !unit_glued
            && let Some(minor) = price_minor(token)
        {
            out.push(Quoted {
                start,
                end,
                minor,
                comma: decimals == Some(true),
            });
        }
    }
    out
}

/// `Some(comma?)` when the token ends with a separator and two digits.
fn two_decimals(token: &str) -> Option<bool> {
    let b = token.as_bytes();
    (b.len() > 3 && matches!(b[b.len() - 3], b'.' | b',')).then(|| b[b.len() - 3] == b',')
}

/// A quoted price in minor units: two digits after the last separator are
/// cents, and every other separator must group thousands ("1.299,00",
/// "$1,299"; not "12.5").
fn price_minor(token: &str) -> Option<i64> {
    let (int_part, cents) = match two_decimals(token) {
        Some(_) => (
            &token[..token.len() - 3],
            token[token.len() - 2..].parse::<i64>().ok()?,
        ),
        None => (token, 0),
    };
    if int_part
        .split(['.', ','])
        .skip(1)
        .any(|group| group.len() != 3)
    {
        return None;
    }
    let digits: String = int_part.chars().filter(char::is_ascii_digit).collect();
    let major: i64 = digits.parse().ok()?;
    major.checked_mul(100)?.checked_add(cents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        assert_eq!(parse_amount("89.90"), Some(8990));
        assert_eq!(parse_amount("89,90"), Some(8990));
        assert_eq!(parse_amount("1,299"), Some(129_900));
        assert_eq!(parse_amount("1.299,90"), Some(129_990));
        assert_eq!(parse_amount("1,299.90"), Some(129_990));
        assert_eq!(parse_amount("2k"), Some(200_000));
        assert_eq!(parse_amount("abc"), None);
        assert_eq!(parse_amount(""), None);
        assert_eq!(parse_amount(".5"), None);
        assert_eq!(parse_amount("99999999999999999999"), None);
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("1.299,90"), Some(1299.9));
        assert_eq!(parse_number("1,299.90"), Some(1299.9));
        assert_eq!(parse_number("200"), Some(200.0));
        assert_eq!(parse_number("99.9"), Some(99.9));
        assert_eq!(parse_number("1.500.000"), Some(1_500_000.0));
        assert_eq!(parse_number("200."), Some(200.0));
        assert_eq!(parse_number("."), None);
    }

    #[test]
    fn minor_units_follow_the_exponent() {
        assert_eq!(parse_minor("1500", 0), Some(1500));
        assert_eq!(parse_minor("15.50", 0), Some(15));
        assert_eq!(parse_minor("1,5", 3), Some(1500));
        assert_eq!(parse_minor("89.9", 2), Some(8990));
    }

    #[test]
    fn quoted_prices() {
        let q: Vec<i64> = quoted("The Zenbook is $999.00, the Studio US$ 549,00 and R$ 1.299,00")
            .iter()
            .map(|q| q.minor)
            .collect();
        assert_eq!(q, vec![99_900, 54_900, 129_900]);
        assert!(quoted("a 14 inch laptop with 512GB and 4.50kg, rated 4.5").is_empty());
        assert_eq!(quoted("only 5 dollars")[0].minor, 500);
        assert_eq!(quoted("only $5")[0].minor, 500);
        assert_eq!(quoted("$1,299")[0].minor, 129_900);
        assert!(quoted("model X-200 in 2024").is_empty());
        let comma = &quoted("R$ 89,90")[0];
        assert!(comma.comma);
        assert_eq!(comma.written(7990), "79,90");
    }
}
