//! The order model and its state machine.
//!
//! ```text
//! pending ──paid──► confirmed ──► processing ──► shipped ──► delivered
//!    │                  │              │            │            │
//!    └──► cancelled ◄───┴──────────────┘            │            │
//!                       └──► refunded ◄─────────────┴────────────┘
//! ```
//!
//! Any other transition is refused.

use serde::{Deserialize, Serialize};

use crate::events::{OrderInfo, OrderLineInfo};
use crate::money::Money;

/// Where an order is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pending,
    Confirmed,
    Processing,
    Shipped,
    Delivered,
    Cancelled,
    Refunded,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Pending,
        Status::Confirmed,
        Status::Processing,
        Status::Shipped,
        Status::Delivered,
        Status::Cancelled,
        Status::Refunded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Confirmed => "confirmed",
            Status::Processing => "processing",
            Status::Shipped => "shipped",
            Status::Delivered => "delivered",
            Status::Cancelled => "cancelled",
            Status::Refunded => "refunded",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Self::ALL
            .into_iter()
            .find(|x| x.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// Whether `self → to` is a legal transition.
    pub fn can_go(self, to: Status) -> bool {
        use Status::*;
        matches!(
            (self, to),
            (Pending, Confirmed)
                | (Pending, Cancelled)
                | (Confirmed, Processing)
                | (Confirmed, Cancelled)
                | (Confirmed, Refunded)
                | (Processing, Shipped)
                | (Processing, Cancelled)
                | (Processing, Refunded)
                | (Shipped, Delivered)
                | (Shipped, Refunded)
                | (Delivered, Refunded)
        )
    }

    /// Whether the goods are still in the store (a cancel or refund
    /// returns them to stock).
    pub fn goods_in_store(self) -> bool {
        matches!(
            self,
            Status::Pending | Status::Confirmed | Status::Processing
        )
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an order's stock reservation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reservation {
    /// Held for a pending order until `reserved_until`.
    Held,
    /// Paid: the units are sold.
    Committed,
    /// Returned to stock (cancelled, refunded before shipping, expired).
    Released,
}

impl Reservation {
    pub fn as_str(self) -> &'static str {
        match self {
            Reservation::Held => "held",
            Reservation::Committed => "committed",
            Reservation::Released => "released",
        }
    }

    pub fn parse(s: &str) -> Option<Reservation> {
        match s {
            "held" => Some(Reservation::Held),
            "committed" => Some(Reservation::Committed),
            "released" => Some(Reservation::Released),
            _ => None,
        }
    }
}

/// One order line, priced from the catalog when the order was created.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderLine {
    pub product_id: String,
    pub title: String,
    pub quantity: u32,
    pub unit_price: Money,
    /// Units taken from tracked stock (0 = the product's stock is untracked).
    pub reserved: u32,
}

/// An order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Order {
    pub id: String,
    pub source_id: String,
    pub conversation_id: String,
    pub phone_number_id: String,
    pub customer_wa_id: String,
    pub customer_name: Option<String>,
    pub brand: String,
    pub language: String,
    pub status: Status,
    pub lines: Vec<OrderLine>,
    pub subtotal: Money,
    pub shipping: Money,
    pub total: Money,
    pub note: Option<String>,
    pub payment_provider: String,
    pub payment_reference: Option<String>,
    pub payment_url: Option<String>,
    pub tracking_number: Option<String>,
    pub carrier: Option<String>,
    pub cancel_reason: Option<String>,
    pub reservation: Reservation,
    pub reserved_until: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Order {
    /// The order as events carry it.
    pub fn info(&self) -> OrderInfo {
        OrderInfo {
            order_id: self.id.clone(),
            conversation_id: self.conversation_id.clone(),
            phone_number_id: self.phone_number_id.clone(),
            customer_wa_id: self.customer_wa_id.clone(),
            brand: self.brand.clone(),
            language: self.language.clone(),
            status: self.status.as_str().to_string(),
            lines: self
                .lines
                .iter()
                .map(|l| OrderLineInfo {
                    product_id: l.product_id.clone(),
                    title: l.title.clone(),
                    quantity: l.quantity,
                    unit_price: l.unit_price.clone(),
                })
                .collect(),
            subtotal: self.subtotal.clone(),
            shipping: self.shipping.clone(),
            total: self.total.clone(),
            payment_provider: self.payment_provider.clone(),
            payment_url: self.payment_url.clone(),
            tracking_number: self.tracking_number.clone(),
            carrier: self.carrier.clone(),
        }
    }
}

/// A new order id: `ORD-YYYYMMDD-XXXXXXXX` (UTC date, 8 random characters
/// of an unambiguous upper-case alphabet).
pub fn new_order_id(now: chrono::DateTime<chrono::Utc>) -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    let suffix: String = (0..8)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect();
    format!("ORD-{}-{suffix}", now.format("%Y%m%d"))
}

/// Whether `s` looks like an order id.
pub fn is_order_id(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 21
        && s.starts_with("ORD-")
        && b[4..12].iter().all(u8::is_ascii_digit)
        && b[12] == b'-'
        && b[13..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_state_machine_allows_exactly_the_documented_transitions() {
        use Status::*;
        let allowed = [
            (Pending, Confirmed),
            (Pending, Cancelled),
            (Confirmed, Processing),
            (Confirmed, Cancelled),
            (Confirmed, Refunded),
            (Processing, Shipped),
            (Processing, Cancelled),
            (Processing, Refunded),
            (Shipped, Delivered),
            (Shipped, Refunded),
            (Delivered, Refunded),
        ];
        for from in Status::ALL {
            for to in Status::ALL {
                assert_eq!(
                    from.can_go(to),
                    allowed.contains(&(from, to)),
                    "{from} -> {to}"
                );
            }
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(Status::parse("SHIPPED"), Some(Shipped));
        assert_eq!(Status::parse("lost"), None);
    }

    #[test]
    fn orders_ids_have_the_documented_shape() {
        let now = chrono::DateTime::parse_from_rfc3339("2025-03-07T12:00:00Z")
            .expect("date")
            .with_timezone(&chrono::Utc);
        let id = new_order_id(now);
        assert!(id.starts_with("ORD-20250307-"), "{id}");
        assert!(is_order_id(&id), "{id}");
        assert_ne!(new_order_id(now), id);
        assert!(!is_order_id("ORD-2025037-ABCDEFGH"));
        assert!(!is_order_id("ORD-20250307-abcdefgh"));
    }
}
