//! Money in integer minor units plus an ISO 4217 currency.
//!
//! Amounts are never floats: a price is parsed from text straight into
//! minor units using the currency's exponent (2 for USD/BRL/EUR, 0 for JPY,
//! 3 for KWD...), and formatted back the same way.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An amount of money: integer minor units (cents) and an ISO 4217 code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub minor_units: i64,
    pub currency: String,
}

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

impl Money {
    /// An amount already in minor units. The currency is upper-cased.
    pub fn new(minor_units: i64, currency: impl Into<String>) -> Money {
        Money {
            minor_units,
            currency: currency.into().trim().to_ascii_uppercase(),
        }
    }

    /// Zero in `currency`.
    pub fn zero(currency: impl Into<String>) -> Money {
        Money::new(0, currency)
    }

    /// The number of minor-unit digits of this money's currency.
    pub fn exponent(&self) -> u32 {
        currency_exponent(&self.currency)
    }

    /// Parse a feed price: `"89.90 USD"`, `"1,299.00 USD"`, `"12 BRL"`,
    /// `"USD 89.90"`, `"1.299,00 EUR"`, `"1500 JPY"`, `"-5.00 USD"`.
    ///
    /// When both `.` and `,` appear, the last one is the decimal separator;
    /// a lone `,` followed by exactly three digits is a thousands separator,
    /// otherwise a decimal comma. More decimals than the currency allows is
    /// an error unless the extra digits are zeros.
    pub fn parse(s: &str) -> Result<Money, MoneyError> {
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
        Ok(Money {
            minor_units: minor,
            currency,
        })
    }

    /// The sum of two amounts in the same currency.
    pub fn checked_add(&self, other: &Money) -> Result<Money, MoneyError> {
        if self.currency != other.currency {
            return Err(MoneyError::CurrencyMismatch(
                self.currency.clone(),
                other.currency.clone(),
            ));
        }
        let minor = self
            .minor_units
            .checked_add(other.minor_units)
            .ok_or_else(|| MoneyError::Overflow(format!("{self} + {other}")))?;
        Ok(Money::new(minor, self.currency.clone()))
    }

    /// This amount times a quantity.
    pub fn checked_mul(&self, quantity: i64) -> Result<Money, MoneyError> {
        let minor = self
            .minor_units
            .checked_mul(quantity)
            .ok_or_else(|| MoneyError::Overflow(format!("{self} x {quantity}")))?;
        Ok(Money::new(minor, self.currency.clone()))
    }

    /// The amount in major units as a float, for display or ratios only.
    pub fn as_major_f64(&self) -> f64 {
        self.minor_units as f64 / 10f64.powi(self.exponent() as i32)
    }

    /// The amount without the currency: `"89.90"`, `"1500"`.
    pub fn amount_string(&self) -> String {
        let exp = self.exponent();
        let sign = if self.minor_units < 0 { "-" } else { "" };
        let abs = self.minor_units.unsigned_abs();
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
}

impl Money {
    /// The amount as a customer reads it in `language` ("en", "pt", "es";
    /// anything else reads as English): `$199.90`, `R$ 199,90`,
    /// `US$ 1.299,00`, `1.299,00 €`, `¥1,500`. Portuguese and Spanish group
    /// thousands with `.` and use a decimal comma.
    pub fn format_locale(&self, language: &str) -> String {
        let latin = matches!(language, "pt" | "es");
        let (thousands, decimal) = if latin { ('.', ',') } else { (',', '.') };
        let exp = self.exponent();
        let abs = self.minor_units.unsigned_abs();
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
        let sign = if self.minor_units < 0 { "-" } else { "" };
        match (self.currency.as_str(), latin) {
            ("USD", false) => format!("{sign}${number}"),
            ("USD", true) => format!("{sign}US$ {number}"),
            ("BRL", _) => format!("{sign}R$ {number}"),
            ("EUR", false) => format!("{sign}€{number}"),
            ("EUR", true) => format!("{sign}{number} €"),
            ("GBP", _) => format!("{sign}£{number}"),
            ("JPY", _) => format!("{sign}¥{number}"),
            ("MXN", _) => format!("{sign}MX$ {number}"),
            (code, _) => format!("{sign}{code} {number}"),
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount_string(), self.currency)
    }
}

impl std::str::FromStr for Money {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Money::parse(s)
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

    #[test]
    fn money_parses_feed_prices() {
        assert_eq!(Money::parse("89.90 USD"), Ok(Money::new(8990, "USD")));
        assert_eq!(Money::parse("1,299.00 USD"), Ok(Money::new(129_900, "USD")));
        assert_eq!(Money::parse("12 BRL"), Ok(Money::new(1200, "BRL")));
        assert_eq!(Money::parse(" 0.5 usd "), Ok(Money::new(50, "USD")));
        assert_eq!(Money::parse("USD 10.00"), Ok(Money::new(1000, "USD")));
        assert_eq!(Money::parse("10.00USD"), Ok(Money::new(1000, "USD")));
        assert_eq!(Money::parse("1.299,90 EUR"), Ok(Money::new(129_990, "EUR")));
        assert_eq!(Money::parse("12,50 BRL"), Ok(Money::new(1250, "BRL")));
        assert_eq!(Money::parse("1,299 USD"), Ok(Money::new(129_900, "USD")));
        assert_eq!(
            Money::parse("1,299,000.5 USD"),
            Ok(Money::new(129_900_050, "USD"))
        );
        assert_eq!(Money::parse("-5.00 USD"), Ok(Money::new(-500, "USD")));
        assert_eq!(Money::parse("12.500 USD"), Ok(Money::new(1250, "USD")));
    }

    #[test]
    fn money_is_currency_exponent_aware() {
        assert_eq!(Money::parse("1500 JPY"), Ok(Money::new(1500, "JPY")));
        assert_eq!(Money::parse("1,500 JPY"), Ok(Money::new(1500, "JPY")));
        assert!(matches!(
            Money::parse("15.50 JPY"),
            Err(MoneyError::TooManyDecimals { .. })
        ));
        assert_eq!(Money::parse("1.250 KWD"), Ok(Money::new(1250, "KWD")));
        assert_eq!(Money::parse("2 KWD"), Ok(Money::new(2000, "KWD")));
        assert_eq!(Money::new(1500, "JPY").to_string(), "1500 JPY");
        assert_eq!(Money::new(1250, "KWD").to_string(), "1.250 KWD");
    }

    #[test]
    fn money_rejects_garbage() {
        assert_eq!(Money::parse(""), Err(MoneyError::Empty));
        assert!(matches!(
            Money::parse("89.90"),
            Err(MoneyError::MissingCurrency(_))
        ));
        assert!(matches!(
            Money::parse("abc USD"),
            Err(MoneyError::InvalidAmount(_))
        ));
        assert!(matches!(
            Money::parse("12.345 USD"),
            Err(MoneyError::TooManyDecimals { .. })
        ));
        assert!(matches!(
            Money::parse("12 DOLLARS"),
            Err(MoneyError::InvalidCurrency(_))
        ));
        assert!(Money::parse("1.2.3,4,5 USD").is_err());
        assert!(Money::parse(". USD").is_err());
        assert!(Money::parse("12. USD").is_err());
        assert!(Money::parse("12,34,5 USD").is_err());
        assert!(matches!(
            Money::parse("99999999999999999999 USD"),
            Err(MoneyError::Overflow(_))
        ));
        assert!(Money::parse("€ 12").is_err());
    }

    #[test]
    fn money_formats_per_locale() {
        assert_eq!(Money::new(19_990, "BRL").format_locale("pt"), "R$ 199,90");
        assert_eq!(Money::new(19_990, "USD").format_locale("en"), "$199.90");
        assert_eq!(Money::new(19_990, "USD").format_locale(""), "$199.90");
        assert_eq!(
            Money::new(129_900, "USD").format_locale("pt"),
            "US$ 1.299,00"
        );
        assert_eq!(
            Money::new(123_456_789, "BRL").format_locale("es"),
            "R$ 1.234.567,89"
        );
        assert_eq!(Money::new(129_900, "EUR").format_locale("es"), "1.299,00 €");
        assert_eq!(Money::new(150_000, "JPY").format_locale("en"), "¥150,000");
        assert_eq!(Money::new(1250, "KWD").format_locale("en"), "KWD 1.250");
        assert_eq!(Money::new(-5, "USD").format_locale("en"), "-$0.05");
        assert_eq!(Money::new(0, "BRL").format_locale("pt"), "R$ 0,00");
    }

    #[test]
    fn money_displays_and_adds() {
        assert_eq!(Money::new(8990, "usd").to_string(), "89.90 USD");
        assert_eq!(Money::new(-50, "USD").to_string(), "-0.50 USD");
        assert_eq!(Money::new(5, "BRL").to_string(), "0.05 BRL");
        let a = Money::new(8990, "USD");
        assert_eq!(a.checked_mul(2).map(|m| m.minor_units), Ok(17_980));
        assert_eq!(
            a.checked_add(&Money::new(10, "USD")),
            Ok(Money::new(9000, "USD"))
        );
        assert!(a.checked_add(&Money::new(10, "BRL")).is_err());
        for s in ["89.90 USD", "1500 JPY", "0.01 EUR", "1.250 KWD"] {
            let m = Money::parse(s).expect("valid");
            assert_eq!(Money::parse(&m.to_string()), Ok(m));
        }
    }
}
