//! Inbound customer messages.

use serde::{Deserialize, Serialize};

/// The customer as WhatsApp identifies them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Customer {
    /// Digits of the phone number in international form.
    pub wa_id: String,
    pub name: Option<String>,
}

/// A tapped reply button or list row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderLine {
    pub product_id: String,
    pub quantity: u32,
}

/// What the customer sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Content {
    Text {
        body: String,
    },
    ButtonReply(Choice),
    ListReply(Choice),
    Image {
        caption: String,
    },
    Audio {
        transcript: Option<String>,
    },
    Location {
        latitude: f64,
        longitude: f64,
    },
    Order {
        lines: Vec<OrderLine>,
        /// The note the customer typed with the order (`order.text`).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        text: String,
    },
    /// A type the store cannot read yet, named as WhatsApp names it.
    Unsupported {
        kind: String,
    },
}

impl Content {
    /// The words a person would read, for history, routing and search.
    pub fn text(&self) -> String {
        match self {
            Content::Text { body } => body.clone(),
            Content::ButtonReply(c) | Content::ListReply(c) => c.title.clone(),
            Content::Image { caption } => caption.clone(),
            Content::Audio { transcript } => transcript.clone().unwrap_or_default(),
            Content::Location {
                latitude,
                longitude,
            } => format!("[location {latitude},{longitude}]"),
            Content::Order { lines, text } if text.is_empty() => {
                format!("[order of {} items]", lines.len())
            }
            Content::Order { lines, text } => format!("[order of {} items] {text}", lines.len()),
            Content::Unsupported { kind } => format!("[{kind}]"),
        }
    }

    /// A short kind name for storage.
    pub fn kind(&self) -> &str {
        match self {
            Content::Text { .. } => "text",
            Content::ButtonReply(_) => "button_reply",
            Content::ListReply(_) => "list_reply",
            Content::Image { .. } => "image",
            Content::Audio { .. } => "audio",
            Content::Location { .. } => "location",
            Content::Order { .. } => "order",
            Content::Unsupported { kind } => kind,
        }
    }
}

/// One inbound customer message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboundMessage {
    /// WhatsApp message id (wamid): the idempotency key.
    pub id: String,
    /// Unix seconds.
    pub timestamp: u64,
    pub content: Content,
    /// The wamid this message quotes.
    pub reply_to: Option<String>,
}

/// Who said a line of history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Speaker {
    Customer,
    Assistant,
    HumanAgent,
    System,
}

impl Speaker {
    pub fn as_str(self) -> &'static str {
        match self {
            Speaker::Customer => "customer",
            Speaker::Assistant => "assistant",
            Speaker::HumanAgent => "human_agent",
            Speaker::System => "system",
        }
    }

    pub fn parse(s: &str) -> Self {
        match s {
            "customer" => Speaker::Customer,
            "assistant" => Speaker::Assistant,
            "human_agent" => Speaker::HumanAgent,
            _ => Speaker::System,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub speaker: Speaker,
    pub text: String,
    pub brand: Option<String>,
    /// Unix seconds.
    pub timestamp: u64,
}
