//! Parsing Meta's webhook envelope (`whatsapp_business_account`) into chat
//! messages and delivery statuses.
//!
//! The envelope is parsed strictly (a body that is not one is a 400), each
//! message and status on its own: one the host cannot use is skipped and
//! logged, never failing the delivery's other messages; a type the store
//! cannot read becomes [`Content::Unsupported`] so the customer gets a
//! polite answer instead of the webhook failing.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::identity;
use crate::chat::{Choice, Content, Customer, InboundMessage, OrderLine};

#[derive(Debug, thiserror::Error)]
pub enum PayloadError {
    #[error("webhook body is not a WhatsApp envelope: {0}")]
    Json(#[from] serde_json::Error),
    #[error("webhook object is {0:?}, expected \"whatsapp_business_account\"")]
    WrongObject(String),
}

// What a received message is, as the store keeps it, lives with the chat
// types (the conversation store and the events carry it without knowing
// WhatsApp's wire format); this module parses Meta's envelope into it.
pub use crate::chat::{Details, Inbound, Media, Reaction, SharedContact};

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
    /// Customers who changed their number or user id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identity_changes: Vec<IdentityChange>,
    /// Items the host could not use (logged; the rest is kept).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
}

#[derive(Deserialize)]
struct Envelope {
    object: String,
    #[serde(default)]
    entry: Vec<Value>,
}

/// A customer changed their phone number (`system` message of type
/// `user_changed_number`) or their business-scoped user id
/// (`user_changed_user_id`): their conversation follows them. Not a
/// customer message: never stored as their words, never answered, and it
/// does not open the 24-hour window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdentityChange {
    pub phone_number_id: String,
    /// The wamid of the system notice.
    pub wamid: String,
    /// `user_changed_number` or `user_changed_user_id`.
    pub kind: String,
    /// The id the conversation is known by now (phone number or BSUID).
    pub from: String,
    /// The id it moves to.
    pub to: String,
    /// Meta's own sentence ("User X changed from A to B").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body: String,
}

/// A message or status of a delivery the host could not use. The rest of
/// the delivery is kept: one bad item never loses the good ones.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    /// `message`, `status` or `change`.
    pub item: &'static str,
    /// The item's wamid when it had one.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub reason: String,
}

/// One `contacts[]` entry: a phone number (`wa_id`), a BSUID (`user_id`),
/// or both.
#[derive(Debug, Default)]
struct Contact {
    wa_id: Option<String>,
    user_id: Option<String>,
    name: Option<String>,
    username: Option<String>,
}

impl Contact {
    fn of(v: &Value) -> Self {
        let s = |path: &[&str]| {
            str_of(v, path)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        Contact {
            wa_id: s(&["wa_id"]),
            user_id: s(&["user_id"]),
            name: s(&["profile", "name"]),
            username: s(&["profile", "username"]),
        }
    }
}

/// Parse a webhook body.
///
/// Only a body that is not a WhatsApp envelope at all is an error (a 400).
/// Inside it, every message and status stands alone: one that cannot be
/// answered (no sender, a sender id in no format Meta uses, no id) lands in
/// [`Webhook::skipped`], is logged once, and the others are kept.
pub fn parse(body: &[u8]) -> Result<Webhook, PayloadError> {
    let envelope: Envelope = serde_json::from_slice(body)?;
    if envelope.object != "whatsapp_business_account" {
        return Err(PayloadError::WrongObject(envelope.object));
    }
    let mut out = Webhook::default();
    let changes = envelope
        .entry
        .iter()
        .filter_map(|e| e.get("changes")?.as_array())
        .flatten();
    for change in changes {
        let field = str_of(change, &["field"]).unwrap_or_default();
        // Other fields (template and account updates) have other shapes.
        if field != "messages" && !field.is_empty() {
            continue;
        }
        parse_change(change.get("value").unwrap_or(&Value::Null), &mut out);
    }
    for s in &out.skipped {
        tracing::warn!(item = s.item, id = %s.id, reason = %s.reason, "webhook item skipped");
    }
    Ok(out)
}

/// A list field of a change value: absent is empty; present but not a
/// list is one skipped item.
fn list<'a>(v: &'a Value, key: &'static str, out: &mut Webhook) -> &'a [Value] {
    match v.get(key) {
        None | Some(Value::Null) => &[],
        Some(Value::Array(items)) => items,
        Some(_) => {
            out.skipped.push(Skipped {
                item: "change",
                id: String::new(),
                reason: format!("`{key}` is not a list"),
            });
            &[]
        }
    }
}

fn parse_change(v: &Value, out: &mut Webhook) {
    let phone = str_of(v, &["metadata", "phone_number_id"])
        .unwrap_or_default()
        .to_string();
    let contacts: Vec<Contact> = list(v, "contacts", out).iter().map(Contact::of).collect();
    for m in list(v, "messages", out) {
        let id = str_of(m, &["id"]).unwrap_or_default().to_string();
        let skip = |reason: String| Skipped {
            item: "message",
            id: id.clone(),
            reason,
        };
        match parse_message(&phone, &contacts, m) {
            Ok(Parsed::Message(inbound)) => out.messages.push(*inbound),
            Ok(Parsed::IdentityChange(change)) => out.identity_changes.push(change),
            Ok(Parsed::Notice(reason)) => out.skipped.push(skip(reason)),
            Err(reason) => out.skipped.push(skip(reason)),
        }
    }
    for s in list(v, "statuses", out) {
        match parse_status(&phone, s) {
            Ok(status) => out.statuses.push(status),
            Err(reason) => out.skipped.push(Skipped {
                item: "status",
                id: str_of(s, &["id"]).unwrap_or_default().to_string(),
                reason: reason.to_string(),
            }),
        }
    }
    let errors = list(v, "errors", out).to_vec();
    out.errors.extend(errors);
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

/// What one `messages[]` entry is.
enum Parsed {
    Message(Box<Inbound>),
    IdentityChange(IdentityChange),
    /// A notice the host has nothing to do with (kept in the log only).
    Notice(String),
}

/// The sender of a message, checked against Meta's formats: the phone
/// number in `from` when Meta shares it, else the BSUID in `from_user_id`;
/// a message with neither (Meta's own username examples omit both and
/// carry the sender in the change's only `contacts[]` entry, which has a
/// `user_id`) takes that contact's phone number or BSUID.
fn sender<'a>(m: &Value, contacts: &'a [Contact]) -> Result<(String, Option<&'a Contact>), String> {
    let field = |k: &str| str_of(m, &[k]).filter(|s| !s.is_empty());
    let (id, from_field) = match (field("from"), field("from_user_id")) {
        (Some(phone), _) => (phone.to_string(), "from"),
        (None, Some(bsuid)) => (bsuid.to_string(), "from_user_id"),
        // Only in the BSUID-era shape (the contact has a `user_id`): an
        // older delivery without `from` is malformed.
        (None, None) => match contacts {
            [only] if only.user_id.is_some() => {
                let id = only.wa_id.as_ref().or(only.user_id.as_ref());
                (id.cloned().unwrap_or_default(), "contacts[0]")
            }
            _ => return Err("no sender (`from` or `from_user_id`)".into()),
        },
    };
    let expected = match from_field {
        "from" => identity::is_phone(&id),
        "from_user_id" => identity::is_bsuid(&id),
        _ => identity::kind(&id).is_some(),
    };
    if !expected {
        // Never echo the value itself: it is untrusted input.
        return Err(format!(
            "sender id in `{from_field}` is not a phone number or business-scoped user id ({} bytes)",
            id.len()
        ));
    }
    let user_id = field("from_user_id").unwrap_or(id.as_str());
    let contact = contacts
        .iter()
        .find(|c| c.wa_id.as_deref() == Some(id.as_str()))
        .or_else(|| {
            contacts
                .iter()
                .find(|c| c.user_id.as_deref() == Some(user_id))
        })
        .or(contacts.first());
    Ok((id, contact))
}

fn parse_message(phone: &str, contacts: &[Contact], m: &Value) -> Result<Parsed, String> {
    if !m.is_object() {
        return Err("not an object".into());
    }
    // A message without an id cannot be deduplicated.
    let id = str_of(m, &["id"])
        .filter(|s| !s.is_empty())
        .ok_or("no message id (`id`)")?
        .to_string();
    if str_of(m, &["type"]) == Some("system") {
        return system_message(phone, &id, contacts, m);
    }
    let (from, contact) = sender(m, contacts)?;
    let name = contact.and_then(|c| c.name.clone());
    let mut details = parse_details(m);
    details.user_id = str_of(m, &["from_user_id"])
        .filter(|s| identity::is_bsuid(s) && *s != from)
        .map(str::to_string)
        .or_else(|| {
            contact
                .and_then(|c| c.user_id.clone())
                .filter(|u| *u != from)
        });
    details.username = contact.and_then(|c| c.username.clone());
    // An edit carries the corrected message inside it: the customer's
    // words now are the edited ones.
    let body = match (str_of(m, &["type"]), m.pointer("/edit/message")) {
        (Some("edit"), Some(inner)) if inner.is_object() => inner,
        _ => m,
    };
    if !std::ptr::eq(body, m) {
        details.edit_of = str_of(m, &["edit", "original_message_id"]).map(str::to_string);
        let inner = parse_details(body);
        details.media = inner.media;
        details.contacts = inner.contacts;
        details.reaction = inner.reaction;
    }
    Ok(Parsed::Message(Box::new(Inbound {
        phone_number_id: phone.to_string(),
        customer: Customer { wa_id: from, name },
        message: InboundMessage {
            id,
            timestamp: timestamp(m),
            content: parse_content(body),
            reply_to: str_of(body, &["context", "id"])
                .or_else(|| str_of(m, &["context", "id"]))
                .map(str::to_string),
        },
        details,
    })))
}

/// A `system` message: a number or BSUID change moves the conversation;
/// any other notice is logged and left.
fn system_message(
    phone: &str,
    id: &str,
    contacts: &[Contact],
    m: &Value,
) -> Result<Parsed, String> {
    let s = |k: &str| {
        str_of(m, &["system", k])
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let kind = s("type").unwrap_or_default();
    let (from, to) = match kind.as_str() {
        // `customer_changed_number` and `new_wa_id` are the names of
        // earlier API versions.
        "user_changed_number" | "customer_changed_number" => {
            let (old, _) = sender(m, contacts)?;
            let new = s("wa_id").or_else(|| s("new_wa_id")).unwrap_or_default();
            if !identity::is_phone(&new) {
                return Err("number change without a valid new number (`system.wa_id`)".into());
            }
            (old, new)
        }
        "user_changed_user_id" => {
            let old = s("previous_user_id").unwrap_or_default();
            let new = s("user_id").unwrap_or_default();
            if !identity::is_bsuid(&old) || !identity::is_bsuid(&new) {
                return Err(
                    "user id change without valid `system.previous_user_id` and `system.user_id`"
                        .into(),
                );
            }
            (old, new)
        }
        other => {
            return Ok(Parsed::Notice(format!(
                "system notice {other:?}: nothing to do"
            )));
        }
    };
    Ok(Parsed::IdentityChange(IdentityChange {
        phone_number_id: phone.to_string(),
        wamid: id.to_string(),
        kind,
        from,
        to,
        body: s("body").unwrap_or_default(),
    }))
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
            text: text(&["order", "text"]),
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
        referral: m.get("referral").filter(|r| r.is_object()).cloned(),
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
        // A message sent to a BSUID has a `recipient_user_id` instead.
        recipient_id: str_of(s, &["recipient_id"])
            .filter(|r| !r.is_empty())
            .or_else(|| str_of(s, &["recipient_user_id"]))
            .unwrap_or_default()
            .to_string(),
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
                assert!(
                    identity::kind(&m.customer.wa_id).is_some(),
                    "sender ids are phone numbers or BSUIDs"
                );
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
                }],
                text: String::new(),
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

    fn change(value: Value) -> Vec<u8> {
        json!({"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":value}]}]})
            .to_string()
            .into_bytes()
    }

    #[test]
    fn username_senders_are_known_by_their_bsuid() {
        let w = parse(&change(json!({
            "metadata":{"phone_number_id":"PN1"},
            "contacts":[{"profile":{"name":"Marina","username":"@marina"},"user_id":"BR.1502576394655843"}],
            "messages":[
                {"from":"","from_user_id":"BR.1502576394655843","id":"a","type":"text","text":{"body":"oi"}},
                {"id":"b","type":"text","text":{"body":"sem from"}}
            ]
        })))
        .expect("parses");
        assert_eq!(w.messages.len(), 2, "{:?}", w.skipped);
        for m in &w.messages {
            assert_eq!(m.customer.wa_id, "BR.1502576394655843");
            assert_eq!(m.customer.name.as_deref(), Some("Marina"));
            assert_eq!(m.details.username.as_deref(), Some("@marina"));
            assert_eq!(m.details.user_id, None, "the BSUID is the key already");
        }
        let w = parse(&change(json!({
            "metadata":{"phone_number_id":"PN1"},
            "contacts":[{"profile":{"name":"K"},"wa_id":"919810218674","user_id":"IN.1410018717833190"}],
            "messages":[{"from":"919810218674","from_user_id":"IN.1410018717833190","id":"c","type":"text","text":{"body":"Hey"}}]
        })))
        .expect("parses");
        let m = &w.messages[0];
        assert_eq!(m.customer.wa_id, "919810218674");
        assert_eq!(m.details.user_id.as_deref(), Some("IN.1410018717833190"));
    }

    #[test]
    fn number_changes_are_not_messages() {
        let sys = |system: Value| {
            parse(&change(json!({
                "metadata":{"phone_number_id":"PN1"},
                "messages":[{"from":"5511988887777","id":"s","timestamp":"1","type":"system","system":system}]
            })))
            .expect("parses")
        };
        for system in [
            json!({"body":"b","wa_id":"5511977776666","type":"user_changed_number"}),
            json!({"body":"b","new_wa_id":"5511977776666","type":"customer_changed_number"}),
        ] {
            let w = sys(system);
            assert!(w.messages.is_empty());
            let c = &w.identity_changes[0];
            assert_eq!(
                (c.from.as_str(), c.to.as_str()),
                ("5511988887777", "5511977776666")
            );
            assert_eq!(c.phone_number_id, "PN1");
        }
        let w =
            sys(json!({"user_id":"BR.2","previous_user_id":"BR.1","type":"user_changed_user_id"}));
        assert_eq!(
            (
                w.identity_changes[0].from.as_str(),
                w.identity_changes[0].to.as_str()
            ),
            ("BR.1", "BR.2")
        );
        let w = sys(json!({"wa_id":"<script>","type":"user_changed_number"}));
        assert!(w.identity_changes.is_empty() && w.messages.is_empty());
        assert_eq!(w.skipped.len(), 1);
        let w = sys(json!({"type":"customer_identity_changed","identity":"x"}));
        assert!(w.identity_changes.is_empty() && w.messages.is_empty());
    }

    #[test]
    fn edits_orders_and_referrals_keep_what_they_carry() {
        let w = parse(&wrap(
            json!([
                {"from":"5511999","id":"e","type":"edit","edit":{"original_message_id":"orig","message":{"type":"text","text":{"body":"tamanho 42"}}}},
                {"from":"5511999","id":"o","type":"order","order":{"text":"entrega amanhã","product_items":[{"product_retailer_id":"X","quantity":1}]}},
                {"from":"5511999","id":"r","type":"text","text":{"body":"oi"},"referral":{"source_type":"ad","headline":"H"}}
            ]),
            json!([]),
        ))
        .expect("parses");
        assert_eq!(
            w.messages[0].message.content,
            Content::Text {
                body: "tamanho 42".into()
            }
        );
        assert_eq!(w.messages[0].details.edit_of.as_deref(), Some("orig"));
        let order = &w.messages[1].message.content;
        assert_eq!(order.text(), "[order of 1 items] entrega amanhã");
        assert_eq!(
            w.messages[2]
                .details
                .referral
                .as_ref()
                .map(|r| r["headline"].clone()),
            Some(json!("H"))
        );
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
        // One unanswerable message or status is skipped; the rest of the
        // delivery is kept.
        let mixed = wrap(
            json!([
                {"from":"5511999","id":"ok","timestamp":"1","type":"text","text":{"body":"x"}},
                {"id":"no-sender","type":"text","text":{"body":"x"}},
                {"from":"5511' OR 1=1;--<script>","id":"evil","type":"text","text":{"body":"x"}},
                {"from":"5511999","type":"text","text":{"body":"no id"}},
                "not an object",
                {"from":"BR.123","id":"bsuid-in-from","type":"text","text":{"body":"x"}},
                {"from":"","from_user_id":"5511999","id":"phone-in-user-id","type":"text","text":{"body":"x"}},
                {"from":"5511888","id":"ok2","timestamp":"1","type":"text","text":{"body":"y"}}
            ]),
            json!([{"status":"read"}, {"id":"wamid.OUT","status":"read","recipient_id":"5511999"}]),
        );
        let w = parse(&mixed).expect("the delivery parses");
        let ids: Vec<&str> = w.messages.iter().map(|m| m.message.id.as_str()).collect();
        assert_eq!(ids, ["ok", "ok2"]);
        assert_eq!(w.statuses.len(), 1);
        let skipped: Vec<(&str, &str)> =
            w.skipped.iter().map(|s| (s.item, s.id.as_str())).collect();
        assert_eq!(
            skipped,
            [
                ("message", "no-sender"),
                ("message", "evil"),
                ("message", ""),
                ("message", ""),
                ("message", "bsuid-in-from"),
                ("message", "phone-in-user-id"),
                ("status", "")
            ]
        );
        // The refused sender id is never echoed in the reason (it is logged).
        assert!(w.skipped.iter().all(|s| !s.reason.contains("<script>")));
        // A list field that is not a list loses only that change's items.
        let messages_not_a_list = wrap(json!({"id": "x"}), json!([]));
        let w = parse(&messages_not_a_list).expect("parses");
        assert!(w.messages.is_empty());
        assert_eq!(w.skipped[0].item, "change");
        // Other webhook fields (template status updates...) are ignored.
        let other = json!({"object":"whatsapp_business_account","entry":[{"id":"1","changes":[
            {"field":"message_template_status_update","value":{"event":"APPROVED","message_template_id":1}}]}]});
        assert_eq!(
            parse(other.to_string().as_bytes()).expect("parses"),
            Webhook::default()
        );
    }
}
