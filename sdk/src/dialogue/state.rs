//! The dialogue state of one conversation, stored as JSON in the
//! conversation's plugin state under [`STATE_KEY`]. The host reads the same
//! type for the admin view and the LLM context.

use serde::{Deserialize, Serialize};

use crate::Host;
use crate::reply;
use crate::types::{LogLevel, Product};

/// The conversation-state key the dialogue state is stored under.
pub const STATE_KEY: &str = "dialogue";

/// Most items remembered as offered (WhatsApp lists show up to 10).
pub const MAX_OFFERED: usize = 10;

/// Most product ids remembered as already seen (for "more options").
const MAX_SEEN: usize = 30;

/// The host stores values up to 4,096 bytes; stay under it.
const MAX_BYTES: usize = 4000;

/// One product as it was offered to the customer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Offered {
    /// Catalog id.
    pub id: String,
    /// Title as shown (clipped).
    pub title: String,
    /// The price the customer saw (sale price when on sale), minor units.
    pub price_minor: i64,
    /// ISO 4217 currency of `price_minor`.
    pub currency: String,
    /// Catalog colour, when the product has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Catalog size, when the product has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Catalog category path ("Shoes > Running Shoes").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub category: String,
}

impl Offered {
    /// What the customer saw of `p`.
    pub fn of(p: &Product) -> Offered {
        let price = reply::effective_price(p);
        Offered {
            id: p.id.clone(),
            title: reply::truncate(&p.title, 60),
            price_minor: price.minor_units,
            currency: price.currency.clone(),
            color: p.color.clone().filter(|c| !c.is_empty()),
            size: p.size.clone().filter(|s| !s.is_empty()),
            category: reply::truncate(&p.category, 60),
        }
    }
}

/// Constraints the customer stated that refinements keep until changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Constraints {
    /// Upper price bound (a budget), minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_price_minor: Option<i64>,
    /// Lower price bound, minor units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_price_minor: Option<i64>,
    /// Size ("M", "42", "king").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Catalog colour ("black").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Gender ("female", "male").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// The catalog words of what is being looked for ("running shoes").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
}

/// Everything the seller remembers about the conversation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DialogueState {
    /// The customer's language ("en", "pt", "es"; "" unknown), sticky.
    #[serde(default)]
    pub language: String,
    /// The last products offered, in the order shown.
    #[serde(default)]
    pub offered: Vec<Offered>,
    /// The product being talked about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<String>,
    /// Active constraints.
    #[serde(default)]
    pub constraints: Constraints,
    /// The search words of the current list.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub query: String,
    /// Products already shown for the current query (for "more").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seen: Vec<String>,
    /// Turns not understood in a row.
    #[serde(default)]
    pub misses: u32,
}

impl DialogueState {
    /// Parse a stored value; anything unreadable is a fresh state.
    pub fn from_json(value: &str) -> DialogueState {
        serde_json::from_str(value).unwrap_or_default()
    }

    /// The state of the conversation, or a fresh one.
    pub fn load(host: &dyn Host) -> DialogueState {
        host.state(STATE_KEY)
            .map(|v| Self::from_json(&v))
            .unwrap_or_default()
    }

    /// Store the state, shrunk to fit the host's value limit.
    pub fn save(&self, host: &dyn Host) {
        let mut s = self.clone();
        s.offered.truncate(MAX_OFFERED);
        let excess = s.seen.len().saturating_sub(MAX_SEEN);
        s.seen.drain(..excess);
        s.query = reply::truncate(&s.query, 200);
        let mut json = serde_json::to_string(&s).unwrap_or_default();
        while json.len() > MAX_BYTES && (!s.seen.is_empty() || s.offered.len() > 1) {
            if s.seen.is_empty() {
                s.offered.pop();
            } else {
                s.seen.clear();
            }
            json = serde_json::to_string(&s).unwrap_or_default();
        }
        if let Err(e) = host.set_state(STATE_KEY, &json) {
            host.log(LogLevel::Warn, &format!("dialogue state not saved: {e:?}"));
        }
    }

    /// Replace the offered list (in the order shown) and focus its first item.
    pub fn offer(&mut self, products: &[Product]) {
        self.offered = products.iter().take(MAX_OFFERED).map(Offered::of).collect();
        for p in products {
            if !self.seen.contains(&p.id) {
                self.seen.push(p.id.clone());
            }
        }
        self.focus = products.first().map(|p| p.id.clone());
    }

    /// The offered item with this id.
    pub fn offered_item(&self, id: &str) -> Option<&Offered> {
        self.offered.iter().find(|o| o.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_state_is_fresh() {
        assert_eq!(DialogueState::from_json("{oops"), DialogueState::default());
        assert_eq!(DialogueState::from_json("{}"), DialogueState::default());
    }

    #[test]
    fn round_trips() {
        let s = DialogueState {
            language: "es".into(),
            focus: Some("X".into()),
            offered: vec![Offered {
                id: "X".into(),
                title: "Thing".into(),
                price_minor: 3990,
                currency: "USD".into(),
                ..Offered::default()
            }],
            ..DialogueState::default()
        };
        let json = serde_json::to_string(&s).expect("json");
        assert_eq!(DialogueState::from_json(&json), s);
    }
}
