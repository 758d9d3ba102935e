//! A received message as the store keeps it: the chat message with the
//! business number it was sent to and what it carried besides its content
//! (media, a reaction, shared contacts, Meta's errors). The WhatsApp
//! webhook parses Meta's envelope into these (`whatsapp::payload`); the
//! conversation store and the events carry them.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Customer, InboundMessage};

/// One inbound message with the business number it was sent to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inbound {
    pub phone_number_id: String,
    pub customer: Customer,
    pub message: InboundMessage,
    /// What the message carried besides its content.
    #[serde(default, skip_serializing_if = "Details::is_empty")]
    pub details: Details,
}

/// What a message carried besides its [`Content`](super::Content): the media to download,
/// a reaction's target, shared contacts, the product a reply asks about,
/// and the errors Meta attached (e.g. 131051 for unsupported types).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Details {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reaction: Option<Reaction>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<SharedContact>,
    /// `context.referred_product.product_retailer_id`: the customer asked
    /// about this product from a product message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referred_product: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Value>,
    /// The customer's business-scoped user id when they are known by their
    /// phone number (`from_user_id` / `contacts[].user_id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// The customer's WhatsApp username, when they adopted one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// The ad or post the customer came from (`referral`: Click to
    /// WhatsApp ads), as Meta sent it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referral: Option<Value>,
    /// This message edits the customer's earlier message with this wamid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edit_of: Option<String>,
}

impl Details {
    pub fn is_empty(&self) -> bool {
        self == &Details::default()
    }
}

/// An inbound media object (image, audio, video, document, sticker).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Media {
    /// The WhatsApp type: image, audio, video, document, sticker.
    pub kind: String,
    /// Media id for `GET /{media-id}`.
    pub id: String,
    pub mime_type: String,
    pub sha256: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// A voice note (audio recorded in WhatsApp).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub voice: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub animated: bool,
}

/// A reaction to one of our messages; an empty emoji removes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Reaction {
    pub message_id: String,
    pub emoji: String,
}

/// A contact card the customer shared.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SharedContact {
    pub name: String,
    pub phones: Vec<String>,
}
