//! Intents: every effect a seller asks for, and the brand policy's verdict
//! on it. Pure: the facts (grants, budgets, what was used today) come from
//! the caller, so each rule is tested on its own.

use serde::{Deserialize, Serialize};

use super::Budgets;
use crate::plugins::manifest::Grants;

/// One effect a seller asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "intent", rename_all = "snake_case")]
pub enum Intent {
    /// Add, remove, set a quantity, or clear (`action`).
    Cart {
        action: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        product_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        quantity: Option<u32>,
    },
    /// A discount offered to the customer in the seller's text.
    Discount {
        percent: u32,
        text: String,
    },
    /// Turn the cart into an order worth `value_minor`.
    Order {
        value_minor: i64,
        currency: String,
    },
    Escalation {
        reason: String,
    },
    HandOff {
        to_brand: String,
    },
    /// `count` customer-visible messages of one turn.
    Message {
        count: u32,
    },
}

impl Intent {
    /// The short name stored and shown (`plugin logs`, the events).
    pub fn kind(&self) -> &'static str {
        match self {
            Intent::Cart { .. } => "cart",
            Intent::Discount { .. } => "discount",
            Intent::Order { .. } => "order",
            Intent::Escalation { .. } => "escalation",
            Intent::HandOff { .. } => "hand_off",
            Intent::Message { .. } => "message",
        }
    }
}

/// What the policy knows when it decides.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    pub grants: &'a Grants,
    pub budgets: &'a Budgets,
    /// The business number is bound to the seller's brand (no hand-off).
    pub bound_number: bool,
    /// Messages the brand's sellers sent this customer today, before this
    /// turn.
    pub messages_today: u64,
    /// Percentages that are the catalog's own sale prices of products the
    /// turn saw (quoting them is no discount of the seller's).
    pub catalog_discounts: &'a [u32],
}

/// The verdict on one intent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub approved: bool,
    /// Why, in words (stored, shown in `plugin logs`).
    pub reason: String,
}

fn approve(reason: impl Into<String>) -> Decision {
    Decision {
        approved: true,
        reason: reason.into(),
    }
}

fn deny(reason: impl Into<String>) -> Decision {
    Decision {
        approved: false,
        reason: reason.into(),
    }
}

fn granted(yes: bool, grant: &str) -> Decision {
    if yes {
        approve(format!("granted ({grant})"))
    } else {
        deny(format!("the {grant} grant is missing"))
    }
}

/// The brand policy's verdict on `intent`.
pub fn review(intent: &Intent, f: &Facts<'_>) -> Decision {
    let b = f.budgets;
    match intent {
        Intent::Cart { .. } => granted(f.grants.orders, "orders"),
        Intent::Discount { percent, .. } => {
            if f.catalog_discounts.contains(percent) {
                return approve("the catalog's own sale price");
            }
            match b.max_discount_percent {
                Some(max) if *percent > max => deny(format!(
                    "{percent}% is above the brand's maximum discount of {max}%"
                )),
                Some(max) => approve(format!("within the brand's maximum discount of {max}%")),
                None => approve("the brand sets no maximum discount"),
            }
        }
        Intent::Order { value_minor, .. } => {
            if !f.grants.orders {
                return granted(false, "orders");
            }
            match b.order_value_needs_human_minor {
                Some(limit) if *value_minor > limit => deny(format!(
                    "an order worth {value_minor} is above {limit} (minor units): a person confirms it"
                )),
                _ => approve("granted (orders), within the brand's order value"),
            }
        }
        Intent::Escalation { .. } => granted(f.grants.escalate, "escalate"),
        Intent::HandOff { .. } => {
            if f.bound_number {
                deny("the business number is bound to this brand")
            } else {
                granted(f.grants.hand_off, "hand_off")
            }
        }
        Intent::Message { count } => match b.messages_per_customer_per_day {
            Some(max) if f.messages_today + u64::from(*count) > u64::from(max) => deny(format!(
                "{} message(s) today would pass the brand's {max} per customer per day",
                f.messages_today + u64::from(*count)
            )),
            _ => approve("within the brand's messages per customer per day"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(grants: &'a Grants, budgets: &'a Budgets) -> Facts<'a> {
        Facts {
            grants,
            budgets,
            bound_number: false,
            messages_today: 0,
            catalog_discounts: &[],
        }
    }

    #[test]
    fn discounts_above_the_maximum_are_denied_unless_the_catalog_has_them() {
        let grants = Grants::default();
        let budgets = Budgets {
            max_discount_percent: Some(10),
            ..Budgets::default()
        };
        let discount = |percent| Intent::Discount {
            percent,
            text: String::new(),
        };
        let f = facts(&grants, &budgets);
        assert!(review(&discount(10), &f).approved);
        let d = review(&discount(40), &f);
        assert!(!d.approved);
        assert!(d.reason.contains("maximum discount of 10%"), "{d:?}");
        let sale = [40];
        let f = Facts {
            catalog_discounts: &sale,
            ..facts(&grants, &budgets)
        };
        assert!(review(&discount(40), &f).approved);
    }

    #[test]
    fn orders_above_the_value_need_a_person_and_messages_are_counted() {
        let grants = Grants {
            orders: true,
            ..Grants::default()
        };
        let budgets = Budgets {
            order_value_needs_human_minor: Some(50_000),
            messages_per_customer_per_day: Some(3),
            ..Budgets::default()
        };
        let order = |value_minor| Intent::Order {
            value_minor,
            currency: "USD".into(),
        };
        let f = facts(&grants, &budgets);
        assert!(review(&order(50_000), &f).approved);
        assert!(!review(&order(50_001), &f).approved);
        let f = Facts {
            messages_today: 2,
            ..facts(&grants, &budgets)
        };
        assert!(review(&Intent::Message { count: 1 }, &f).approved);
        assert!(!review(&Intent::Message { count: 2 }, &f).approved);
        // Grants still rule.
        let none = Grants::default();
        assert!(!review(&order(1), &facts(&none, &budgets)).approved);
        let hand_off = Intent::HandOff {
            to_brand: "home".into(),
        };
        assert!(!review(&hand_off, &facts(&none, &budgets)).approved);
    }
}
