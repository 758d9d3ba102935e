//! Shipping: the fee rules applied to every order, and the carrier webhook's
//! payload (a carrier reports a tracking number, a hand-over or a delivery).
//!
//! The default rule is the original store's: 15.00 below a 200.00
//! subtotal, otherwise free. Amounts are minor units of the order's
//! currency.

// The store's other capabilities under the names the host gives them,
// so paths read the same inside this crate and in the host.
pub(crate) use agent_store_lang::money;

use serde::{Deserialize, Serialize};

use crate::money::Money;

/// One fee rule: orders whose subtotal is below `below_minor` (or any
/// subtotal when it is `None`) pay `fee_minor`. The first matching rule wins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeRule {
    #[serde(default)]
    pub below_minor: Option<i64>,
    pub fee_minor: i64,
}

/// `[shipping]` in the configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ShippingConfig {
    /// Fee rules, first match wins; no match means free shipping.
    pub rules: Vec<FeeRule>,
    /// HMAC-SHA256 secret of `POST /webhooks/shipping`
    /// (`X-Carrier-Signature: sha256=<hex>`); empty disables the webhook.
    pub webhook_secret: String,
}

impl Default for ShippingConfig {
    fn default() -> Self {
        Self {
            rules: vec![
                FeeRule {
                    below_minor: Some(20_000),
                    fee_minor: 1_500,
                },
                FeeRule {
                    below_minor: None,
                    fee_minor: 0,
                },
            ],
            webhook_secret: String::new(),
        }
    }
}

impl ShippingConfig {
    /// The shipping fee of an order with this subtotal, in its currency.
    pub fn fee(&self, subtotal: &Money) -> Money {
        let fee = self
            .rules
            .iter()
            .find(|r| r.below_minor.is_none_or(|b| subtotal.minor_units < b))
            .map_or(0, |r| r.fee_minor.max(0));
        Money::new(fee, subtotal.currency.clone())
    }
}

/// What a carrier reports through `POST /webhooks/shipping`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CarrierUpdate {
    pub order_id: String,
    /// `shipped` or `delivered`.
    pub status: String,
    #[serde(default)]
    pub tracking_number: Option<String>,
    #[serde(default)]
    pub carrier: Option<String>,
}

/// The header carrying the carrier webhook's signature.
pub const SIGNATURE_HEADER: &str = "x-carrier-signature";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipping_default_fee_is_15_below_200_then_free() {
        let c = ShippingConfig::default();
        assert_eq!(c.fee(&Money::new(19_999, "BRL")), Money::new(1_500, "BRL"));
        assert_eq!(c.fee(&Money::new(20_000, "BRL")), Money::new(0, "BRL"));
        assert_eq!(c.fee(&Money::new(0, "USD")), Money::new(1_500, "USD"));
    }

    #[test]
    fn shipping_rules_are_configurable_first_match_wins() {
        let c: ShippingConfig = toml::from_str(
            "rules = [{ below_minor = 5000, fee_minor = 990 }, { below_minor = 10000, fee_minor = 500 }]",
        )
        .expect("parses");
        assert_eq!(c.fee(&Money::new(4_000, "USD")).minor_units, 990);
        assert_eq!(c.fee(&Money::new(6_000, "USD")).minor_units, 500);
        assert_eq!(c.fee(&Money::new(10_000, "USD")).minor_units, 0);
    }
}
