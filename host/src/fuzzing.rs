//! Fuzz entry points: one function per parser the outside world feeds.
//!
//! Each takes arbitrary bytes, must never panic, checks what the rest of
//! the host relies on when the parser accepts the input, and says whether
//! it did (every committed seed must be accepted: mutations start from
//! valid inputs). They are shared
//! by the cargo-fuzz targets (`host/fuzz`, nightly) and the fixed-seed
//! mutation test that runs on every `cargo test`
//! (`tests/tests/fuzz_corpora.rs`), both over the committed corpora in
//! `host/fuzz/corpus/<target>`.
//!
//! Transport inputs (HTTP, AMQP) are framed as text header lines
//! `name: value` (split at the first `: `, else the first `:`) up to the
//! first empty line, then the body; an AMQP header
//! value may carry a type tag (`#i 42`, `#t 1764800000`, `#b true`).

use cloudevents::AttributesReader;
use lapin::BasicProperties;
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};

use crate::bus::amqp::binding;

/// A fuzz entry point: `true` when the parser accepted the input.
pub type Target = fn(&[u8]) -> bool;

/// Every target, by corpus name.
pub const TARGETS: &[(&str, Target)] = &[
    ("webhook_parse", webhook_payload),
    ("cloudevents_http", cloudevents_http),
    ("cloudevents_amqp", cloudevents_amqp),
    ("catalog_feed", catalog_feed),
    ("plugin_manifest", plugin_manifest),
];

/// Meta's webhook payload (the WhatsApp parser's own invariants).
pub fn webhook_payload(data: &[u8]) -> bool {
    crate::whatsapp::payload::check_invariants(data);
    crate::whatsapp::payload::parse(data).is_ok()
}

/// A CloudEvent over HTTP, binary or structured mode, through the SDK's
/// binding as `POST /events` runs it.
pub fn cloudevents_http(data: &[u8]) -> bool {
    let (lines, body) = split_message(data);
    let mut headers = axum::http::HeaderMap::new();
    for (name, value) in lines {
        let (Ok(name), Ok(value)) = (
            axum::http::HeaderName::from_bytes(name.as_bytes()),
            axum::http::HeaderValue::from_str(&value),
        ) else {
            continue;
        };
        headers.append(name, value);
    }
    let Ok(event) = cloudevents::binding::http::to_event(&headers, body.to_vec()) else {
        return false;
    };
    // What the host does next with an accepted event: read its attributes
    // and serialise it (logs, the bus).
    let _ = (event.id(), event.ty(), event.source(), event.time());
    serde_json::to_vec(&event).is_ok()
}

/// A CloudEvent in an AMQP message, every style the binding reads. What
/// decodes must encode again and decode to the same id, type and source.
pub fn cloudevents_amqp(data: &[u8]) -> bool {
    let (lines, body) = split_message(data);
    let mut headers = FieldTable::default();
    let mut properties = BasicProperties::default();
    for (name, value) in lines {
        match name.as_str() {
            "content-type" => properties = properties.with_content_type(short(&value)),
            "message-id" => properties = properties.with_message_id(short(&value)),
            _ => {
                headers.insert(short(&name), amqp_value(&value));
            }
        }
    }
    let properties = properties.with_headers(headers);
    let Ok(event) = binding::decode(&properties, body) else {
        return false;
    };
    let Ok(message) = binding::encode(&event) else {
        return true;
    };
    let again = binding::decode(&message.properties, &message.body)
        .unwrap_or_else(|e| panic!("an event we encoded does not decode: {e}\n{event:?}"));
    assert_eq!(
        (again.id(), again.ty(), again.source()),
        (event.id(), event.ty(), event.source()),
        "the round trip changed the event"
    );
    true
}

/// A catalog feed (CSV/TSV in Meta's product feed format).
pub fn catalog_feed(data: &[u8]) -> bool {
    crate::catalog::feed::parse_feed(data).is_ok_and(|feed| !format!("{feed:?}").is_empty())
}

/// A plugin manifest (`plugin.toml`).
pub fn plugin_manifest(data: &[u8]) -> bool {
    let text = String::from_utf8_lossy(data);
    crate::plugins::manifest::Manifest::parse(&text).is_ok()
}

/// Header lines up to the first empty line, then the body.
fn split_message(data: &[u8]) -> (Vec<(String, String)>, &[u8]) {
    let end = data
        .windows(2)
        .position(|w| w == b"\n\n")
        .map_or((data.len(), data.len()), |i| (i, i + 2));
    let head = String::from_utf8_lossy(&data[..end.0]);
    let lines = head
        .lines()
        // `: ` first: AMQP 1.0 style names contain a colon themselves.
        .filter_map(|l| l.split_once(": ").or_else(|| l.split_once(':')))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    (lines, &data[end.1..])
}

fn short(s: &str) -> ShortString {
    // AMQP short strings hold at most 255 bytes.
    let mut end = s.len().min(255);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    ShortString::from(&s[..end])
}

/// `#i 42` → 64-bit integer, `#t 1764800000` → timestamp, `#b true` →
/// boolean; anything else a long string.
fn amqp_value(v: &str) -> AMQPValue {
    let tagged = |tag: &str| v.strip_prefix(tag).map(str::trim);
    if let Some(n) = tagged("#i").and_then(|n| n.parse().ok()) {
        AMQPValue::LongLongInt(n)
    } else if let Some(t) = tagged("#t").and_then(|t| t.parse().ok()) {
        AMQPValue::Timestamp(t)
    } else if let Some(b) = tagged("#b").and_then(|b| b.parse().ok()) {
        AMQPValue::Boolean(b)
    } else {
        AMQPValue::LongString(LongString::from(v.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_split_into_headers_and_body() {
        let (h, b) = split_message(b"ce-id: 1\nce-type:x\n\n{\"a\":1}\n\nmore");
        assert_eq!(
            h,
            vec![("ce-id".into(), "1".into()), ("ce-type".into(), "x".into())]
        );
        assert_eq!(b, b"{\"a\":1}\n\nmore");
        let (h, b) = split_message(b"no body");
        assert!(h.is_empty() && b.is_empty());
        assert_eq!(amqp_value("#i 42"), AMQPValue::LongLongInt(42));
        assert_eq!(amqp_value("#t 5"), AMQPValue::Timestamp(5));
        assert_eq!(
            amqp_value("#i x"),
            AMQPValue::LongString(LongString::from(b"#i x".as_slice()))
        );
        assert_eq!(short(&"é".repeat(200)).as_str().len(), 254);
    }
}
