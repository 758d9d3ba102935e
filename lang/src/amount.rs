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
}
