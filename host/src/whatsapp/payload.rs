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
}

/// One inbound message with the business number it was sent to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inbound {
    pub phone_number_id: String,
    pub customer: Customer,
    pub message: InboundMessage,
}

/// One delivery status of an outbound message.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub phone_number_id: String,
    pub wamid: String,
    pub status: String,
    pub recipient_id: String,
    pub timestamp: u64,
    pub errors: Vec<Value>,
}

/// Everything one webhook delivery carried.
#[derive(Debug, Default, Clone, PartialEq)]
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
    value: ChangeValue,
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

/// Parse a webhook body.
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
        let v = change.value;
        let phone = v.metadata.phone_number_id;
        for m in &v.messages {
            if let Some(inbound) = parse_message(&phone, &v.contacts, m) {
                out.messages.push(inbound);
            }
        }
        out.statuses
            .extend(v.statuses.iter().filter_map(|s| parse_status(&phone, s)));
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

fn parse_message(phone: &str, contacts: &[Contact], m: &Value) -> Option<Inbound> {
    // A message without sender or id cannot be answered or deduplicated.
    let from = str_of(m, &["from"])?.to_string();
    let id = str_of(m, &["id"])?.to_string();
    let name = contacts
        .iter()
        .find(|c| c.wa_id == from)
        .or(contacts.first())
        .and_then(|c| c.profile.as_ref()?.name.clone());
    Some(Inbound {
        phone_number_id: phone.to_string(),
        customer: Customer { wa_id: from, name },
        message: InboundMessage {
            id,
            timestamp: timestamp(m),
            content: parse_content(m),
            reply_to: str_of(m, &["context", "id"]).map(str::to_string),
        },
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
                                    Value::Number(n) => n.as_u64()? as u32,
                                    Value::String(s) => s.parse().ok()?,
                                    _ => 1,
                                },
                            })
                        })
                        .collect()
                })
                .unwrap_or_default(),
        },
        other => unsupported(other),
    }
}

fn unsupported(kind: &str) -> Content {
    Content::Unsupported {
        kind: kind.to_string(),
    }
}

fn parse_status(phone: &str, s: &Value) -> Option<Status> {
    Some(Status {
        phone_number_id: phone.to_string(),
        wamid: str_of(s, &["id"])?.to_string(),
        status: str_of(s, &["status"])?.to_string(),
        recipient_id: str_of(s, &["recipient_id"]).unwrap_or_default().to_string(),
        timestamp: timestamp(s),
        errors: s
            .get("errors")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default(),
    })
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
                {"from":"5511999","id":"9","timestamp":"1","type":"brand_new_type"},
                {"id":"no-sender","type":"text","text":{"body":"x"}}
            ]),
            json!([{"id":"wamid.OUT","status":"delivered","timestamp":"2","recipient_id":"5511999"}]),
        ))
        .expect("parses");
        let kinds: Vec<Content> = w
            .messages
            .iter()
            .map(|m| m.message.content.clone())
            .collect();
        assert_eq!(kinds.len(), 9, "a message without a sender is skipped");
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
    }
}
