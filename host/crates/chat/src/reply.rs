//! Reply actions: what a seller wants done, validated by the host before
//! anything reaches WhatsApp.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Button {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListRow {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListSection {
    pub title: String,
    pub rows: Vec<ListRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EscalationReason {
    CustomerRequest,
    Complaint,
    HighValueCart,
    ComplexQuestion,
    TechnicalIssue,
    PaymentIssue,
    NegativeSentiment,
    PluginFailure,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Low,
    Medium,
    High,
    Urgent,
}

/// One thing to do in reply, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Action {
    Text {
        body: String,
    },
    Image {
        url: String,
        caption: Option<String>,
    },
    Buttons {
        body: String,
        buttons: Vec<Button>,
        header: Option<String>,
        footer: Option<String>,
    },
    List {
        body: String,
        button_label: String,
        sections: Vec<ListSection>,
        header: Option<String>,
        footer: Option<String>,
    },
    Product {
        product_id: String,
        body: Option<String>,
    },
    Products {
        header: String,
        body: String,
        product_ids: Vec<String>,
    },
    AddToCart {
        product_id: String,
        quantity: u32,
    },
    /// Take a product out of the cart (nothing when it is not there).
    RemoveFromCart {
        product_id: String,
    },
    /// Set a line's quantity (adding the line if needed); 0 removes it.
    SetCartQuantity {
        product_id: String,
        quantity: u32,
    },
    /// Empty the conversation's cart.
    ClearCart,
    PlaceOrder {
        note: Option<String>,
    },
    Escalate {
        reason: EscalationReason,
        priority: Priority,
        summary: String,
    },
    HandOff {
        brand: String,
        reason: String,
    },
}

impl Action {
    /// Whether the customer sees this action as a message (as opposed to an
    /// effect such as a cart change or an escalation).
    pub fn is_message(&self) -> bool {
        !matches!(
            self,
            Action::AddToCart { .. }
                | Action::RemoveFromCart { .. }
                | Action::SetCartQuantity { .. }
                | Action::ClearCart
                | Action::PlaceOrder { .. }
                | Action::Escalate { .. }
                | Action::HandOff { .. }
        )
    }
}
