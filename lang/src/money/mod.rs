//! Money by ISO 4217 currency exponent: how many minor-unit digits a
//! currency has (2 for USD/BRL/EUR, 0 for JPY, 3 for KWD), a feed price
//! parsed strictly into minor units, and an amount formatted as a customer
//! reads it in their language (`$199.90`, `R$ 199,90`, `¥1,500`).
//!
//! Amounts are never floats. The [`Money`] value (stored by the host) and
//! the plugins' WIT `money` both format through [`format_minor`].
//!
//! ```
//! use agent_store_lang::money;
//! assert_eq!(money::format_minor(8990, "USD", "en"), "$89.90");
//! assert_eq!(money::format_minor(129_900, "USD", "es"), "US$ 1.299,00");
//! assert_eq!(money::format_minor(1500, "JPY", "en"), "¥1,500");
//! assert_eq!(money::parse("1.299,90 EUR"), Ok((129_990, "EUR".to_string())));
//! ```

mod value;
pub use value::Money;

/// Why a money string could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("empty amount")]
    Empty,
    #[error("missing currency code in {0:?} (expected e.g. \"89.90 USD\")")]
    MissingCurrency(String),
    #[error("invalid currency code {0:?} (expected a 3-letter ISO 4217 code)")]
    InvalidCurrency(String),
    #[error("invalid amount {0:?}")]
    InvalidAmount(String),
    #[error("{amount:?} has more decimals than {currency} allows ({exponent})")]
    TooManyDecimals {
        amount: String,
        currency: String,
        exponent: u32,
    },
    #[error("amount {0:?} is too large")]
    Overflow(String),
    #[error("cannot combine {0} and {1}")]
    CurrencyMismatch(String, String),
}

/// The number of minor-unit digits of an ISO 4217 currency.
pub fn currency_exponent(currency: &str) -> u32 {
    match currency {
        // Zero-decimal currencies.
        "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX"
        | "UYI" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
        // Three-decimal currencies.
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        // Four-decimal fund units.
        "CLF" | "UYW" => 4,
        _ => 2,
    }
}

/// Parse a feed price: `"89.90 USD"`, `"1,299.00 USD"`, `"12 BRL"`,
/// `"USD 89.90"`, `"1.299,00 EUR"`, `"1500 JPY"`, `"-5.00 USD"` into minor
/// units and the upper-case currency code.
///
/// When both `.` and `,` appear, the last one is the decimal separator;
/// a lone `,` followed by exactly three digits is a thousands separator,
/// otherwise a decimal comma. More decimals than the currency allows is
/// an error unless the extra digits are zeros.
pub fn parse(s: &str) -> Result<(i64, String), MoneyError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(MoneyError::Empty);
    }
    let parts: Vec<&str> = s.split_whitespace().collect();
    let (amount, currency) = match parts.as_slice() {
        [a, c] if looks_like_code(c) => (*a, *c),
        [c, a] if looks_like_code(c) => (*a, *c),
        [one] => split_glued(one).ok_or_else(|| MoneyError::MissingCurrency(s.to_string()))?,
        [a, c] => {
            let has_digit = |x: &str| x.chars().any(|ch| ch.is_ascii_digit());
            return Err(if has_digit(a) {
                MoneyError::InvalidCurrency(c.to_string())
            } else if has_digit(c) {
                MoneyError::InvalidCurrency(a.to_string())
            } else {
                MoneyError::InvalidAmount(s.to_string())
            });
        }
        _ => return Err(MoneyError::InvalidAmount(s.to_string())),
    };
    let currency = currency.to_ascii_uppercase();
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(MoneyError::InvalidCurrency(currency));
    }
    let minor = parse_amount(amount, currency_exponent(&currency), &currency)?;
    Ok((minor, currency))
}

/// The amount without the currency symbol, at the currency's exponent:
/// `"89.90"`, `"1500"`, `"1.250"`.
pub fn amount_string(minor: i64, currency: &str) -> String {
    let exp = currency_exponent(currency);
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    if exp == 0 {
        return format!("{sign}{abs}");
    }
    let div = 10u64.pow(exp);
    format!(
        "{sign}{}.{:0width$}",
        abs / div,
        abs % div,
        width = exp as usize
    )
}

/// An amount in minor units as a customer reads it in `language` ("en",
/// "pt", "es"; anything else reads as English): `$199.90`, `R$ 199,90`,
/// `US$ 1.299,00`, `1.299,00 €`, `¥1,500`, `KWD 1.250`. Portuguese and
/// Spanish group thousands with `.` and use a decimal comma; the number of
/// decimals is the currency's ISO 4217 exponent. An empty currency prints
/// the bare number.
pub fn format_minor(minor: i64, currency: &str, language: &str) -> String {
    let currency = currency.trim().to_ascii_uppercase();
    let latin = matches!(language, "pt" | "es");
    let (thousands, decimal) = if latin { ('.', ',') } else { (',', '.') };
    let exp = currency_exponent(&currency);
    let abs = minor.unsigned_abs();
    let div = 10u64.pow(exp);
    let units = (abs / div).to_string();
    let mut number = String::with_capacity(units.len() + 8);
    for (i, c) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            number.push(thousands);
        }
        number.push(c);
    }
    if exp > 0 {
        number.push(decimal);
        number.push_str(&format!("{:0width$}", abs % div, width = exp as usize));
    }
    let sign = if minor < 0 { "-" } else { "" };
    match (currency.as_str(), latin) {
        ("USD", false) => format!("{sign}${number}"),
        ("USD", true) => format!("{sign}US$ {number}"),
        ("BRL", _) => format!("{sign}R$ {number}"),
        ("EUR", false) => format!("{sign}€{number}"),
        ("EUR", true) => format!("{sign}{number} €"),
        ("GBP", _) => format!("{sign}£{number}"),
        ("JPY", _) => format!("{sign}¥{number}"),
        ("MXN", _) => format!("{sign}MX$ {number}"),
        ("", _) => format!("{sign}{number}"),
        (code, _) => format!("{sign}{code} {number}"),
    }
}

fn looks_like_code(s: &str) -> bool {
    s.len() == 3 && s.chars().all(|c| c.is_ascii_alphabetic())
}

/// `"89.90USD"` or `"USD89.90"`.
fn split_glued(s: &str) -> Option<(&str, &str)> {
    if s.len() > 3 && s.is_char_boundary(s.len() - 3) {
        let (a, c) = s.split_at(s.len() - 3);
        if looks_like_code(c) && a.chars().any(|ch| ch.is_ascii_digit()) {
            return Some((a, c));
        }
    }
    if s.len() > 3 && s.is_char_boundary(3) {
        let (c, a) = s.split_at(3);
        if looks_like_code(c) && a.chars().any(|ch| ch.is_ascii_digit()) {
            return Some((a, c));
        }
    }
    None
}

/// Parse a decimal amount into minor units at `exponent`.
fn parse_amount(raw: &str, exponent: u32, currency: &str) -> Result<i64, MoneyError> {
    let invalid = || MoneyError::InvalidAmount(raw.to_string());
    let (negative, body) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw.strip_prefix('+').unwrap_or(raw)),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(invalid());
    }
    let last_dot = body.rfind('.');
    let last_comma = body.rfind(',');
    let decimal_sep = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (Some(_), None) => {
            if body.matches('.').count() > 1 {
                None // "1.299.000": thousands dots
            } else {
                Some('.')
            }
        }
        (None, Some(c)) => {
            let after = body.len() - c - 1;
            if body.matches(',').count() > 1 || (after == 3 && exponent != 3) {
                None // "1,299" or "1,299,000"
            } else {
                Some(',')
            }
        }
        (None, None) => None,
    };
    let (int_part, frac_part) = match decimal_sep {
        Some(sep) => {
            let idx = body.rfind(sep).ok_or_else(invalid)?;
            (&body[..idx], &body[idx + 1..])
        }
        None => (body, ""),
    };
    let thousands = match decimal_sep {
        Some('.') => ',',
        Some(_) => '.',
        None => {
            if body.contains(',') {
                ','
            } else {
                '.'
            }
        }
    };
    if frac_part.contains(['.', ',']) {
        return Err(invalid());
    }
    // Thousands groups must be well formed: "1,299" yes, "12,99,9" no.
    let groups: Vec<&str> = int_part.split(thousands).collect();
    if groups.len() > 1 {
        let first_ok = !groups[0].is_empty() && groups[0].len() <= 3;
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(invalid());
        }
    }
    let digits: String = groups.concat();
    if digits.is_empty() && frac_part.is_empty() {
        return Err(invalid());
    }
    if decimal_sep.is_some() && frac_part.is_empty() {
        return Err(invalid());
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(invalid());
    }
    let exp = exponent as usize;
    let frac_trimmed = if frac_part.len() > exp {
        let (keep, extra) = frac_part.split_at(exp);
        if extra.chars().any(|c| c != '0') {
            return Err(MoneyError::TooManyDecimals {
                amount: raw.to_string(),
                currency: currency.to_string(),
                exponent,
            });
        }
        keep.to_string()
    } else {
        format!("{frac_part:0<exp$}")
    };
    let overflow = || MoneyError::Overflow(raw.to_string());
    let int_value: i64 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| overflow())?
    };
    let frac_value: i64 = if frac_trimmed.is_empty() {
        0
    } else {
        frac_trimmed.parse().map_err(|_| invalid())?
    };
    let scale = 10i64.checked_pow(exponent).ok_or_else(overflow)?;
    let minor = int_value
        .checked_mul(scale)
        .and_then(|v| v.checked_add(frac_value))
        .ok_or_else(overflow)?;
    Ok(if negative { -minor } else { minor })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Result<(i64, String), MoneyError> {
        parse(s)
    }
    fn ok(minor: i64, c: &str) -> Result<(i64, String), MoneyError> {
        Ok((minor, c.to_string()))
    }

    #[test]
    fn parses_feed_prices() {
        assert_eq!(m("89.90 USD"), ok(8990, "USD"));
        assert_eq!(m("1,299.00 USD"), ok(129_900, "USD"));
        assert_eq!(m("12 BRL"), ok(1200, "BRL"));
        assert_eq!(m(" 0.5 usd "), ok(50, "USD"));
        assert_eq!(m("USD 10.00"), ok(1000, "USD"));
        assert_eq!(m("10.00USD"), ok(1000, "USD"));
        assert_eq!(m("1.299,90 EUR"), ok(129_990, "EUR"));
        assert_eq!(m("12,50 BRL"), ok(1250, "BRL"));
        assert_eq!(m("1,299 USD"), ok(129_900, "USD"));
        assert_eq!(m("1,299,000.5 USD"), ok(129_900_050, "USD"));
        assert_eq!(m("-5.00 USD"), ok(-500, "USD"));
        assert_eq!(m("12.500 USD"), ok(1250, "USD"));
        assert_eq!(m("1500 JPY"), ok(1500, "JPY"));
        assert_eq!(m("1,500 JPY"), ok(1500, "JPY"));
        assert_eq!(m("1.250 KWD"), ok(1250, "KWD"));
        assert!(matches!(
            m("15.50 JPY"),
            Err(MoneyError::TooManyDecimals { .. })
        ));
    }

    #[test]
    fn rejects_garbage() {
        assert_eq!(m(""), Err(MoneyError::Empty));
        assert!(matches!(m("89.90"), Err(MoneyError::MissingCurrency(_))));
        assert!(matches!(m("abc USD"), Err(MoneyError::InvalidAmount(_))));
        assert!(matches!(
            m("12 DOLLARS"),
            Err(MoneyError::InvalidCurrency(_))
        ));
        assert!(m("12,34,5 USD").is_err());
        assert!(matches!(
            m("99999999999999999999 USD"),
            Err(MoneyError::Overflow(_))
        ));
    }

    #[test]
    fn formats_by_exponent_and_language() {
        assert_eq!(format_minor(19_990, "BRL", "pt"), "R$ 199,90");
        assert_eq!(format_minor(19_990, "usd", "en"), "$199.90");
        assert_eq!(format_minor(129_900, "USD", "pt"), "US$ 1.299,00");
        assert_eq!(format_minor(129_900, "EUR", "es"), "1.299,00 €");
        assert_eq!(format_minor(1500, "JPY", "en"), "¥1,500");
        assert_eq!(format_minor(1500, "JPY", "pt"), "¥1.500");
        assert_eq!(format_minor(1250, "KWD", "en"), "KWD 1.250");
        assert_eq!(format_minor(-5, "USD", "en"), "-$0.05");
        assert_eq!(format_minor(1000, "", "en"), "10.00");
        assert_eq!(amount_string(1500, "JPY"), "1500");
        assert_eq!(amount_string(-50, "USD"), "-0.50");
        assert_eq!(amount_string(1250, "KWD"), "1.250");
    }
}
