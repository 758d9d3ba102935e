//! The money value: integer minor units plus an ISO 4217 currency, shared
//! by the host (orders, catalog) and anything else that stores amounts.
//! Parsing and formatting are this module's parent's functions.

use std::fmt;

use super::{MoneyError, currency_exponent};
use crate::money as lang_money;

/// An amount of money: integer minor units (cents) and an ISO 4217 code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Money {
    pub minor_units: i64,
    pub currency: String,
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
    /// `"USD 89.90"`, `"1.299,00 EUR"`, `"1500 JPY"`, `"-5.00 USD"`
    /// ([`super::parse`]).
    pub fn parse(s: &str) -> Result<Money, MoneyError> {
        let (minor_units, currency) = lang_money::parse(s)?;
        Ok(Money {
            minor_units,
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
        lang_money::amount_string(self.minor_units, &self.currency)
    }

    /// The amount as a customer reads it in `language` ("en", "pt", "es";
    /// anything else reads as English): `$199.90`, `R$ 199,90`,
    /// `US$ 1.299,00`, `1.299,00 €`, `¥1,500`
    /// ([`super::format_minor`], as the plugins format).
    pub fn format_locale(&self, language: &str) -> String {
        lang_money::format_minor(self.minor_units, &self.currency, language)
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
