//! Who a WhatsApp customer is, in Meta's formats.
//!
//! A customer is known by their phone number (`wa_id`: the digits of the
//! number in international form) or, for customers who adopted a WhatsApp
//! username and hide their number, by their business-scoped user id (BSUID:
//! a two-letter ISO country code, a period, then up to 128 alphanumerics,
//! e.g. `BR.1502576394655843`; a parent BSUID has `ENT.` after the country,
//! e.g. `US.ENT.11815799212886844830`).
//!
//! Anything else in a sender field is refused at the webhook: these ids key
//! conversations, reach the sales console and go back to Meta as
//! recipients, so a `5511' OR 1=1;--<script>` never gets that far.

/// The longest phone number Meta sends: E.164 allows 15 digits; a little
/// room for the numbers WhatsApp itself reports longer.
const PHONE_MAX_DIGITS: usize = 20;
/// The alphanumeric part of a BSUID is "up to 128" characters.
const BSUID_MAX_ID: usize = 128;

/// A customer identity as the host keys conversations by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Phone number digits.
    Phone,
    /// A business-scoped user id.
    Bsuid,
}

/// Whether `s` is a phone number as Meta writes it (digits only).
pub fn is_phone(s: &str) -> bool {
    (1..=PHONE_MAX_DIGITS).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `s` is a (parent) business-scoped user id.
pub fn is_bsuid(s: &str) -> bool {
    let Some((country, rest)) = s.split_once('.') else {
        return false;
    };
    let id = rest.strip_prefix("ENT.").unwrap_or(rest);
    country.len() == 2
        && country.bytes().all(|b| b.is_ascii_uppercase())
        && (1..=BSUID_MAX_ID).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The kind of a customer id, or `None` when it is neither format.
pub fn kind(s: &str) -> Option<Kind> {
    if is_phone(s) {
        Some(Kind::Phone)
    } else if is_bsuid(s) {
        Some(Kind::Bsuid)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_and_bsuids_and_nothing_else() {
        assert_eq!(kind("5511988887777"), Some(Kind::Phone));
        assert_eq!(kind("16505551234"), Some(Kind::Phone));
        assert_eq!(kind("BR.1502576394655843"), Some(Kind::Bsuid));
        assert_eq!(kind("US.ENT.11815799212886844830"), Some(Kind::Bsuid));
        assert_eq!(kind("US.13491208655302741918"), Some(Kind::Bsuid));
        for bad in [
            "",
            "5511' OR 1=1;--<script>",
            "+5511988887777",
            "55 11 98888",
            "123456789012345678901",
            "br.123",
            "BRA.123",
            "BR.",
            "BR.ENT.",
            "BR.12-3",
            "BR.123\n",
            "<script>alert(1)</script>",
            "ＢＲ.123",
            "５５１１",
        ] {
            assert_eq!(kind(bad), None, "{bad:?}");
        }
        assert!(is_bsuid(&format!("BR.{}", "a".repeat(128))));
        assert!(!is_bsuid(&format!("BR.{}", "a".repeat(129))));
    }
}
