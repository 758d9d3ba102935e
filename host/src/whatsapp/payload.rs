//! Parsing Meta's webhook envelope (`whatsapp_business_account`) into chat
//! messages and delivery statuses.
//!
//! The envelope is parsed strictly (a malformed one is a 400), but each
//! message leniently: a type the store cannot read becomes
//! [`Content::Unsupported`] so the customer gets a polite answer instead of
//! the webhook failing.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::chat::{Choice, Content, Customer, InboundMessage, OrderLine};

#[derive(Debug, thiserror::Error)]
pub enum PayloadError {
    #[error("webhook body is not a WhatsApp envelope: {0}")]
    Json(#[from] serde_json::Error),
    #[error("webhook object is {0:?}, expected \"whatsapp_business_account\"")]
    WrongObject(String),
    #[error("message {index} of the webhook is malformed: {reason}")]
    Message { index: usize, reason: &'static str },
    #[error("status {index} of the webhook is malformed: {reason}")]
    Status { index: usize, reason: &'static str },
}

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

/// What a message carried besides its [`Content`]: the media to download,
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

/// One delivery status of an outbound message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Status {
    pub phone_number_id: String,
    pub wamid: String,
    pub status: String,
    pub recipient_id: String,
    pub timestamp: u64,
    /// Why a message failed (`failed`), as Meta reported it.
    pub errors: Vec<Value>,
}

/// Everything one webhook delivery carried.
#[derive(Debug, Default, Clone, PartialEq, Serialize)]
pub struct Webhook {
    pub messages: Vec<Inbound>,
    pub statuses: Vec<Status>,
    /// Errors Meta reported at the value level.
    pub errors: Vec<Value>,
}

#[derive(Deserialize)]
struct Envelope {
    object: String,
    #[serde(default)]
    entry: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    #[serde(default)]
    changes: Vec<Change>,
}

#[derive(Deserialize)]
struct Change {
    #[serde(default)]
    field: String,
    /// Parsed only for the `messages` field: other fields (template and
    /// account updates) have other shapes.
    #[serde(default)]
    value: Value,
}

#[derive(Deserialize)]
struct ChangeValue {
    #[serde(default)]
    metadata: Metadata,
    #[serde(default)]
    contacts: Vec<Contact>,
    #[serde(default)]
    messages: Vec<Value>,
    #[serde(default)]
    statuses: Vec<Value>,
    #[serde(default)]
    errors: Vec<Value>,
}

#[derive(Deserialize, Default)]
struct Metadata {
    #[serde(default)]
    phone_number_id: String,
}

#[derive(Deserialize)]
struct Contact {
    wa_id: String,
    #[serde(default)]
    profile: Option<Profile>,
}

#[derive(Deserialize)]
struct Profile {
    #[serde(default)]
    name: Option<String>,
}

/// Parse a webhook body. All or nothing: one malformed message or status
/// fails the whole delivery (a 400, nothing stored), so a partially
/// understood delivery is never half-applied.
pub fn parse(body: &[u8]) -> Result<Webhook, PayloadError> {
    let envelope: Envelope = serde_json::from_slice(body)?;
    if envelope.object != "whatsapp_business_account" {
        return Err(PayloadError::WrongObject(envelope.object));
    }
    let mut out = Webhook::default();
    for change in envelope.entry.into_iter().flat_map(|e| e.changes) {
        if change.field != "messages" && !change.field.is_empty() {
            continue;
        }
        let v: ChangeValue = serde_json::from_value(change.value)?;
        let phone = v.metadata.phone_number_id;
        for m in &v.messages {
            let index = out.messages.len();
            out.messages.push(
                parse_message(&phone, &v.contacts, m)
                    .map_err(|reason| PayloadError::Message { index, reason })?,
            );
        }
        for s in &v.statuses {
            let index = out.statuses.len();
            out.statuses.push(
                parse_status(&phone, s).map_err(|reason| PayloadError::Status { index, reason })?,
            );
        }
        out.errors.extend(v.errors);
    }
    Ok(out)
}

fn str_of<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    path.iter().try_fold(v, |v, k| v.get(k))?.as_str()
}

fn timestamp(v: &Value) -> u64 {
    match v.get("timestamp") {
        Some(Value::String(s)) => s.parse().unwrap_or(0),
        Some(Value::Number(n)) => n.as_u64().unwrap_or(0),
        _ => 0,
    }
}

fn parse_message(phone: &str, contacts: &[Contact], m: &Value) -> Result<Inbound, &'static str> {
    if !m.is_object() {
        return Err("not an object");
    }
    // A message without sender or id cannot be answered or deduplicated.
    let from = str_of(m, &["from"])
        .filter(|s| !s.is_empty())
        .ok_or("no sender (`from`)")?
        .to_string();
    let id = str_of(m, &["id"])
        .filter(|s| !s.is_empty())
        .ok_or("no message id (`id`)")?
        .to_string();
    let name = contacts
        .iter()
        .find(|c| c.wa_id == from)
        .or(contacts.first())
        .and_then(|c| c.profile.as_ref()?.name.clone());
    Ok(Inbound {
        phone_number_id: phone.to_string(),
        customer: Customer { wa_id: from, name },
        message: InboundMessage {
            id,
            timestamp: timestamp(m),
            content: parse_content(m),
            reply_to: str_of(m, &["context", "id"]).map(str::to_string),
        },
        details: parse_details(m),
    })
}

fn parse_content(m: &Value) -> Content {
    let kind = str_of(m, &["type"]).unwrap_or("unknown");
    let text = |path: &[&str]| str_of(m, path).unwrap_or_default().to_string();
    match kind {
        "text" => Content::Text {
            body: text(&["text", "body"]),
        },
        "image" => Content::Image {
            caption: text(&["image", "caption"]),
        },
        "audio" | "voice" => Content::Audio { transcript: None },
        "location" => match (
            m.pointer("/location/latitude").and_then(Value::as_f64),
            m.pointer("/location/longitude").and_then(Value::as_f64),
        ) {
            (Some(latitude), Some(longitude)) => Content::Location {
                latitude,
                longitude,
            },
            _ => unsupported(kind),
        },
        "interactive" => {
            let i = &m["interactive"];
            let choice = |key: &str| Choice {
                id: str_of(i, &[key, "id"]).unwrap_or_default().to_string(),
                title: str_of(i, &[key, "title"]).unwrap_or_default().to_string(),
            };
            match str_of(i, &["type"]) {
                Some("button_reply") => Content::ButtonReply(choice("button_reply")),
                Some("list_reply") => Content::ListReply(choice("list_reply")),
                _ => unsupported("interactive"),
            }
        }
        // A template's quick-reply button.
        "button" => Content::ButtonReply(Choice {
            id: text(&["button", "payload"]),
            title: text(&["button", "text"]),
        }),
        "order" => Content::Order {
            lines: m
                .pointer("/order/product_items")
                .and_then(Value::as_array)
                .map(|items| {
                    items
                        .iter()
                        .filter_map(|it| {
                            Some(OrderLine {
                                product_id: str_of(it, &["product_retailer_id"])?.to_string(),
                                quantity: match &it["quantity"] {
                                    Value::Number(n) => u32::try_from(n.as_u64()?).ok()?,
                                    Value::String(s) => s.parse().ok()?,
                                    _ => 1,
                                },
                            })
                        })
                        .collect()
                })
                .unwrap_or_default(),
        },
        // video, document, sticker, contacts, reaction, Meta's own
        // `unsupported`, system notices and anything new: the store cannot
        // read them (yet); `details` keeps what they carried.
        other => unsupported(other),
    }
}

fn parse_details(m: &Value) -> Details {
    let kind = str_of(m, &["type"]).unwrap_or_default();
    let mut d = Details {
        referred_product: str_of(m, &["context", "referred_product", "product_retailer_id"])
            .map(str::to_string),
        errors: m
            .get("errors")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default(),
        ..Details::default()
    };
    match kind {
        "image" | "audio" | "voice" | "video" | "document" | "sticker" => {
            let o = &m[kind];
            let s = |k: &str| str_of(o, &[k]).unwrap_or_default().to_string();
            let opt = |k: &str| str_of(o, &[k]).map(str::to_string);
            d.media = Some(Media {
                kind: kind.to_string(),
                id: s("id"),
                mime_type: s("mime_type"),
                sha256: s("sha256"),
                caption: opt("caption"),
                filename: opt("filename"),
                voice: kind == "voice" || o.get("voice").and_then(Value::as_bool) == Some(true),
                animated: o.get("animated").and_then(Value::as_bool) == Some(true),
            });
        }
        "reaction" => {
            d.reaction = Some(Reaction {
                message_id: str_of(m, &["reaction", "message_id"])
                    .unwrap_or_default()
                    .to_string(),
                emoji: str_of(m, &["reaction", "emoji"])
                    .unwrap_or_default()
                    .to_string(),
            });
        }
        "contacts" => {
            d.contacts = m
                .get("contacts")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|c| SharedContact {
                    name: str_of(c, &["name", "formatted_name"])
                        .or_else(|| str_of(c, &["name", "first_name"]))
                        .unwrap_or_default()
                        .to_string(),
                    phones: c
                        .get("phones")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(|p| str_of(p, &["wa_id"]).or_else(|| str_of(p, &["phone"])))
                        .map(str::to_string)
                        .collect(),
                })
                .collect();
        }
        _ => {}
    }
    d
}

fn unsupported(kind: &str) -> Content {
    Content::Unsupported {
        kind: kind.to_string(),
    }
}

fn parse_status(phone: &str, s: &Value) -> Result<Status, &'static str> {
    Ok(Status {
        phone_number_id: phone.to_string(),
        wamid: str_of(s, &["id"])
            .filter(|x| !x.is_empty())
            .ok_or("no message id (`id`)")?
            .to_string(),
        status: str_of(s, &["status"])
            .filter(|x| !x.is_empty())
            .ok_or("no `status`")?
            .to_string(),
        recipient_id: str_of(s, &["recipient_id"]).unwrap_or_default().to_string(),
        timestamp: timestamp(s),
        errors: s
            .get("errors")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default(),
    })
}

/// The parser's contract, checked on arbitrary input (the fuzz target in
/// `host/fuzz` and its corpus test): any bytes either parse or are refused
/// with an error, never a panic; whatever parses can be answered and
/// deduplicated (sender and id present), and survives the JSON round trip
/// the store relies on.
pub fn check_invariants(data: &[u8]) {
    match parse(data) {
        Ok(w) => {
            for m in &w.messages {
                assert!(!m.customer.wa_id.is_empty() && !m.message.id.is_empty());
                let json = serde_json::to_string(m).expect("an inbound message serialises");
                let back: Inbound = serde_json::from_str(&json).expect("and reads back");
                assert_eq!(&back, m, "round trip of {json}");
            }
            for s in &w.statuses {
                assert!(!s.wamid.is_empty() && !s.status.is_empty());
            }
            serde_json::to_string(&w).expect("a webhook serialises");
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

/// A text-message envelope as Meta sends it (tests, the CLI and the demo).
pub fn text_envelope(
    phone_number_id: &str,
    from: &str,
    name: &str,
    wamid: &str,
    body: &str,
) -> Value {
    serde_json::json!({
        "object": "whatsapp_business_account",
        "entry": [{
            "id": "WHATSAPP_BUSINESS_ACCOUNT_ID",
            "changes": [{
                "field": "messages",
                "value": {
                    "messaging_product": "whatsapp",
                    "metadata": { "display_phone_number": "15550100", "phone_number_id": phone_number_id },
                    "contacts": [{ "profile": { "name": name }, "wa_id": from }],
                    "messages": [{
                        "from": from, "id": wamid,
                        "timestamp": chrono::Utc::now().timestamp().to_string(),
                        "type": "text", "text": { "body": body }
                    }]
                }
            }]
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn wrap(messages: Value, statuses: Value) -> Vec<u8> {
        json!({"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
            "messaging_product":"whatsapp",
            "metadata":{"display_phone_number":"15550100","phone_number_id":"PN1"},
            "contacts":[{"profile":{"name":"Ana"},"wa_id":"5511999"}],
            "messages":messages,"statuses":statuses}}]}]})
        .to_string()
        .into_bytes()
    }

    #[test]
    fn text_with_context() {
        let w = parse(&wrap(
            json!([{"from":"5511999","id":"wamid.A","timestamp":"1700000000","type":"text","text":{"body":"oi"},"context":{"from":"15550100","id":"wamid.Q"}}]),
            json!([]),
        ))
        .expect("parses");
        let m = &w.messages[0];
        assert_eq!(m.phone_number_id, "PN1");
        assert_eq!(m.customer.name.as_deref(), Some("Ana"));
        assert_eq!(m.message.timestamp, 1_700_000_000);
        assert_eq!(m.message.content, Content::Text { body: "oi".into() });
        assert_eq!(m.message.reply_to.as_deref(), Some("wamid.Q"));
    }

    #[test]
    fn every_message_type() {
        let w = parse(&wrap(
            json!([
                {"from":"5511999","id":"1","timestamp":"1","type":"image","image":{"caption":"this?","id":"m","mime_type":"image/jpeg"}},
                {"from":"5511999","id":"2","timestamp":"1","type":"audio","audio":{"id":"m","voice":true}},
                {"from":"5511999","id":"3","timestamp":"1","type":"location","location":{"latitude":-23.5,"longitude":-46.6}},
                {"from":"5511999","id":"4","timestamp":"1","type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"add:TEC-1","title":"Add"}}},
                {"from":"5511999","id":"5","timestamp":"1","type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"r1","title":"Row","description":"d"}}},
                {"from":"5511999","id":"6","timestamp":"1","type":"button","button":{"payload":"YES","text":"Yes"}},
                {"from":"5511999","id":"7","timestamp":"1","type":"order","order":{"catalog_id":"c","product_items":[{"product_retailer_id":"TEC-1","quantity":"2","item_price":"10","currency":"USD"}]}},
                {"from":"5511999","id":"8","timestamp":"1","type":"sticker","sticker":{"id":"s"}},
                {"from":"5511999","id":"9","timestamp":"1","type":"brand_new_type"}
            ]),
            json!([{"id":"wamid.OUT","status":"delivered","timestamp":"2","recipient_id":"5511999"}]),
        ))
        .expect("parses");
        let kinds: Vec<Content> = w
            .messages
            .iter()
            .map(|m| m.message.content.clone())
            .collect();
        assert_eq!(kinds.len(), 9);
        assert_eq!(
            kinds[0],
            Content::Image {
                caption: "this?".into()
            }
        );
        assert_eq!(kinds[1], Content::Audio { transcript: None });
        assert_eq!(
            kinds[2],
            Content::Location {
                latitude: -23.5,
                longitude: -46.6
            }
        );
        assert_eq!(
            kinds[3],
            Content::ButtonReply(Choice {
                id: "add:TEC-1".into(),
                title: "Add".into()
            })
        );
        assert_eq!(
            kinds[4],
            Content::ListReply(Choice {
                id: "r1".into(),
                title: "Row".into()
            })
        );
        assert_eq!(
            kinds[5],
            Content::ButtonReply(Choice {
                id: "YES".into(),
                title: "Yes".into()
            })
        );
        assert_eq!(
            kinds[6],
            Content::Order {
                lines: vec![OrderLine {
                    product_id: "TEC-1".into(),
                    quantity: 2
                }]
            }
        );
        assert_eq!(
            kinds[7],
            Content::Unsupported {
                kind: "sticker".into()
            }
        );
        assert_eq!(
            kinds[8],
            Content::Unsupported {
                kind: "brand_new_type".into()
            }
        );
        assert_eq!(w.statuses[0].status, "delivered");
        assert_eq!(w.statuses[0].wamid, "wamid.OUT");
    }

    #[test]
    fn malformed_envelopes_are_errors() {
        assert!(matches!(parse(b"not json"), Err(PayloadError::Json(_))));
        assert!(matches!(
            parse(br#"{"object":"page","entry":[]}"#),
            Err(PayloadError::WrongObject(_))
        ));
        assert!(matches!(
            parse(br#"{"entry":[]}"#),
            Err(PayloadError::Json(_))
        ));
        // One unanswerable message fails the whole delivery: nothing is
        // applied half-way.
        let no_sender = wrap(
            json!([
                {"from":"5511999","id":"ok","timestamp":"1","type":"text","text":{"body":"x"}},
                {"id":"no-sender","type":"text","text":{"body":"x"}}
            ]),
            json!([]),
        );
        assert!(matches!(
            parse(&no_sender),
            Err(PayloadError::Message { index: 1, .. })
        ));
        let bad_status = wrap(json!([]), json!([{"status":"read"}]));
        assert!(matches!(
            parse(&bad_status),
            Err(PayloadError::Status { index: 0, .. })
        ));
        let messages_not_a_list = wrap(json!({"id": "x"}), json!([]));
        assert!(matches!(
            parse(&messages_not_a_list),
            Err(PayloadError::Json(_))
        ));
        // Other webhook fields (template status updates...) are ignored.
        let other = json!({"object":"whatsapp_business_account","entry":[{"id":"1","changes":[
            {"field":"message_template_status_update","value":{"event":"APPROVED","message_template_id":1}}]}]});
        assert_eq!(
            parse(other.to_string().as_bytes()).expect("parses"),
            Webhook::default()
        );
    }
}
