//! The CloudEvents binding for AMQP 0-9-1 (no crate has one).
//!
//! Written (binary content mode):
//! - `data` is the message body;
//! - `datacontenttype` is the AMQP `content-type` property;
//! - `id` is the AMQP `message-id` property;
//! - every other attribute and every extension is a header named
//!   `cloudEvents_<name>`: attributes as strings (`time` in RFC 3339),
//!   extensions keep their type (string, boolean, 64-bit integer);
//! - delivery mode 2 (persistent).
//!
//! Read, in this order of preference:
//! - structured mode: `content-type: application/cloudevents+json`, the
//!   whole event as JSON in the body;
//! - binary mode with `cloudEvents_`-prefixed headers (what we write);
//! - binary mode with `cloudEvents:`-prefixed headers (the AMQP 1.0
//!   binding's application-properties style; the spec allows both
//!   prefixes; with it, bare lowercase headers are extensions, as sdk-java
//!   writes them);
//! - binary mode with `ce-`-prefixed headers (the RabbitMQ protocol binding
//!   of Knative, as the Python SDK's `bindings.rabbitmq` writes it; names
//!   read case-insensitively, as HTTP-style headers are);
//! - binary mode with unprefixed headers (Knative's RabbitMQ broker).
//!
//! A binary message is recognised by its `specversion` header in one of the
//! four styles; only headers of that style are read. In the unprefixed
//! style a header is an extension only if its name is a valid CloudEvents
//! attribute name (`[a-z0-9]+`), which leaves broker headers such as
//! `x-death` or `x-delivery-count` out.
//!
//! `time` is read as an RFC 3339 string or as a number: the AMQP binding
//! lets senders use the native timestamp type, which is milliseconds since
//! the epoch in AMQP 1.0 (the Python SDK writes that integer) and seconds in
//! an AMQP 0-9-1 `timestamp` field (a value too large for seconds is taken
//! as milliseconds, as a bridged AMQP 1.0 message carries it).

use cloudevents::event::SpecVersion;
use cloudevents::message::{
    self, BinaryDeserializer, BinarySerializer, Encoding, MessageAttributeValue,
    MessageDeserializer, StructuredDeserializer, StructuredSerializer,
};
use cloudevents::{AttributesReader, Data, Event};
use lapin::BasicProperties;
use lapin::types::{AMQPValue, FieldTable, ShortString};

use agent_store_events as events;

/// Header prefix of binary mode (written and read).
pub const PREFIX: &str = "cloudEvents_";
/// Header prefix of the AMQP 1.0 binding's style (read only).
pub const COLON_PREFIX: &str = "cloudEvents:";
/// Header prefix of the RabbitMQ protocol binding (read only).
pub const DASH_PREFIX: &str = "ce-";
/// Content type of structured mode.
pub const STRUCTURED_CONTENT_TYPE: &str = "application/cloudevents+json";
/// Persistent delivery.
const PERSISTENT: u8 = 2;

/// Why a message is not a CloudEvent.
#[derive(Debug, thiserror::Error)]
pub enum BindingError {
    #[error(
        "not a CloudEvent: no `{STRUCTURED_CONTENT_TYPE}` content type and no `specversion` header (`cloudEvents_specversion`, `cloudEvents:specversion`, `ce-specversion` or `specversion`)"
    )]
    NotCloudEvent,
    #[error("header {name}: {reason}")]
    BadHeader { name: String, reason: String },
    #[error("invalid CloudEvent: {0}")]
    Invalid(String),
}

impl From<message::Error> for BindingError {
    fn from(e: message::Error) -> Self {
        BindingError::Invalid(e.to_string())
    }
}

/// An AMQP message: its properties (headers included) and body.
#[derive(Debug, Clone, PartialEq)]
pub struct AmqpMessage {
    pub properties: BasicProperties,
    pub body: Vec<u8>,
}

/// Encode an event in binary content mode.
pub fn encode(event: &Event) -> Result<AmqpMessage, BindingError> {
    Ok(event.clone().deserialize_binary(Writer::default())?)
}

/// Encode an event in structured content mode (the whole event as JSON).
pub fn encode_structured(event: &Event) -> Result<AmqpMessage, BindingError> {
    let message = StructuredDeserializer::deserialize_structured(event.clone(), Writer::default())?;
    Ok(message)
}

/// Decode a message in any accepted style.
pub fn decode(properties: &BasicProperties, body: &[u8]) -> Result<Event, BindingError> {
    let reader = Reader::new(properties, body)?;
    let mut event = MessageDeserializer::into_event(reader)?;
    json_data(&mut event);
    Ok(event)
}

/// Whether an event of one of the store's own types carries the data that
/// type promises. A consumer could never handle one that does not: it is
/// parked (dead-lettered, counted) on arrival instead of being taken and
/// dropped by the handler. Types the store does not know are left to their
/// consumers.
pub fn check_data(event: &Event) -> Result<(), events::EventError> {
    use events::*;
    fn is<P: Payload>(event: &Event) -> Result<(), EventError> {
        events::payload::<P>(event).map(|_| ())
    }
    let Some(ty) = EventType::parse(event.ty()) else {
        return Ok(());
    };
    match ty {
        EventType::WhatsAppMessageReceived => is::<MessageReceived>(event),
        EventType::WhatsAppMessageSend => is::<OutboundMessage>(event),
        EventType::WhatsAppMessageStatus => is::<MessageStatus>(event),
        EventType::ChatMessageNew => is::<ChatMessageNew>(event),
        EventType::ChatResponse => is::<ChatResponse>(event),
        EventType::ProductQuery => is::<ProductQuery>(event),
        EventType::ProductRecommend => is::<ProductRecommend>(event),
        EventType::OrderCreate => is::<OrderCreate>(event),
        EventType::SalesEscalate => is::<SalesEscalate>(event),
        EventType::SalesHandoff => is::<SalesHandoff>(event),
        EventType::SalesEscalationAccepted => is::<SalesEscalationAccepted>(event),
        EventType::SalesEscalationResolved => is::<SalesEscalationResolved>(event),
        EventType::PluginFailed => is::<PluginFailed>(event),
        EventType::OrderCreated => is::<OrderCreated>(event),
        EventType::OrderConfirmed => is::<OrderConfirmed>(event),
        EventType::OrderShipped => is::<OrderShipped>(event),
        EventType::OrderDelivered => is::<OrderDelivered>(event),
        EventType::OrderCancelled => is::<OrderCancelled>(event),
        EventType::OrderStatusUpdate => is::<OrderStatusUpdate>(event),
        EventType::CatalogStockChanged => is::<CatalogStockChanged>(event),
        EventType::PluginReleased => is::<PluginReleased>(event),
        EventType::PluginIntentApproved => is::<PluginIntentApproved>(event),
        EventType::PluginIntentDenied => is::<PluginIntentDenied>(event),
    }
}

/// Binary data declared as JSON becomes `Data::Json`, as events built in
/// process carry it, so both backends hand handlers the same event.
fn json_data(event: &mut Event) {
    let is_json = event
        .datacontenttype()
        .is_some_and(|ct| ct.starts_with("application/json") || ct.contains("+json"));
    if !is_json {
        return;
    }
    let parsed = match event.data() {
        Some(Data::Binary(bytes)) => serde_json::from_slice::<serde_json::Value>(bytes).ok(),
        Some(Data::String(s)) => serde_json::from_str::<serde_json::Value>(s).ok(),
        _ => None,
    };
    if let Some(json) = parsed {
        event.set_data_unchecked(Data::Json(json));
    }
}

#[derive(Default)]
struct Writer {
    properties: BasicProperties,
    headers: FieldTable,
}

fn other(e: impl std::error::Error + Send + Sync + 'static) -> message::Error {
    message::Error::Other {
        source: Box::new(e),
    }
}

impl Writer {
    fn header(mut self, name: &str, value: AMQPValue) -> message::Result<Self> {
        let key = ShortString::try_new(format!("{PREFIX}{name}")).map_err(other)?;
        self.headers.insert(key, value);
        Ok(self)
    }

    fn finish(self, body: Vec<u8>) -> AmqpMessage {
        AmqpMessage {
            properties: self
                .properties
                .with_headers(self.headers)
                .with_delivery_mode(PERSISTENT),
            body,
        }
    }
}

impl BinarySerializer<AmqpMessage> for Writer {
    fn set_spec_version(self, spec_version: SpecVersion) -> message::Result<Self> {
        self.header(
            "specversion",
            AMQPValue::LongString(spec_version.to_string().into()),
        )
    }

    fn set_attribute(mut self, name: &str, value: MessageAttributeValue) -> message::Result<Self> {
        match name {
            "id" => {
                let id = ShortString::try_new(value.to_string()).map_err(other)?;
                self.properties = self.properties.with_message_id(id);
                Ok(self)
            }
            "datacontenttype" => {
                let ct = ShortString::try_new(value.to_string()).map_err(other)?;
                self.properties = self.properties.with_content_type(ct);
                Ok(self)
            }
            _ => self.header(name, AMQPValue::LongString(value.to_string().into())),
        }
    }

    fn set_extension(self, name: &str, value: MessageAttributeValue) -> message::Result<Self> {
        let value = match value {
            MessageAttributeValue::Boolean(b) => AMQPValue::Boolean(b),
            MessageAttributeValue::Integer(i) => AMQPValue::LongLongInt(i),
            v => AMQPValue::LongString(v.to_string().into()),
        };
        self.header(name, value)
    }

    fn end_with_data(self, bytes: Vec<u8>) -> message::Result<AmqpMessage> {
        Ok(self.finish(bytes))
    }

    fn end(self) -> message::Result<AmqpMessage> {
        Ok(self.finish(Vec::new()))
    }
}

impl StructuredSerializer<AmqpMessage> for Writer {
    fn set_structured_event(self, bytes: Vec<u8>) -> message::Result<AmqpMessage> {
        Ok(AmqpMessage {
            properties: BasicProperties::default()
                .with_content_type(STRUCTURED_CONTENT_TYPE.into())
                .with_delivery_mode(PERSISTENT),
            body: bytes,
        })
    }
}

/// The header style of a binary message.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Style {
    Underscore,
    Colon,
    Dash,
    Unprefixed,
}

impl Style {
    fn prefix(self) -> &'static str {
        match self {
            Style::Underscore => PREFIX,
            Style::Colon => COLON_PREFIX,
            Style::Dash => DASH_PREFIX,
            Style::Unprefixed => "",
        }
    }

    /// The attribute a header names in this style, if any.
    fn attribute(self, header: &str) -> Option<String> {
        match self {
            // `ce-` headers are HTTP-style: any case.
            Style::Dash => {
                let (head, rest) = header.split_at_checked(DASH_PREFIX.len())?;
                head.eq_ignore_ascii_case(DASH_PREFIX)
                    .then(|| rest.to_ascii_lowercase())
            }
            _ => header.strip_prefix(self.prefix()).map(str::to_string),
        }
    }
}

struct Reader<'a> {
    properties: &'a BasicProperties,
    body: &'a [u8],
    encoding: Encoding,
    style: Style,
}

fn is_attribute_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

impl<'a> Reader<'a> {
    fn new(properties: &'a BasicProperties, body: &'a [u8]) -> Result<Self, BindingError> {
        let structured = properties
            .content_type()
            .as_ref()
            .is_some_and(|ct| ct.as_str().starts_with(STRUCTURED_CONTENT_TYPE));
        if structured {
            return Ok(Self {
                properties,
                body,
                encoding: Encoding::STRUCTURED,
                style: Style::Underscore,
            });
        }
        let headers = properties.headers().as_ref();
        let has = |style: Style| {
            headers.is_some_and(|h| {
                h.inner()
                    .keys()
                    .any(|k| style.attribute(k.as_str()).as_deref() == Some("specversion"))
            })
        };
        let style = [
            Style::Underscore,
            Style::Colon,
            Style::Dash,
            Style::Unprefixed,
        ]
        .into_iter()
        .find(|s| has(*s))
        .ok_or(BindingError::NotCloudEvent)?;
        Ok(Self {
            properties,
            body,
            encoding: Encoding::BINARY,
            style,
        })
    }
}

/// The `time` attribute from a header: a string is left to the RFC 3339
/// parser; an AMQP 1.0 timestamp or integer is milliseconds since the
/// epoch; an AMQP 0-9-1 timestamp is seconds (milliseconds past year 5138).
fn time_value(name: &str, value: &AMQPValue) -> Result<MessageAttributeValue, BindingError> {
    const SECONDS_MAX: u64 = 100_000_000_000;
    let bad = |reason: &str| BindingError::BadHeader {
        name: name.to_string(),
        reason: reason.to_string(),
    };
    let millis = match value {
        AMQPValue::Timestamp(t) if *t < SECONDS_MAX => {
            i64::try_from(*t).map_err(|_| bad("timestamp out of range"))? * 1000
        }
        AMQPValue::Timestamp(t) => i64::try_from(*t).map_err(|_| bad("timestamp out of range"))?,
        v => match attribute_value(name, v)? {
            MessageAttributeValue::Integer(ms) => ms,
            other => return Ok(other),
        },
    };
    chrono::DateTime::from_timestamp_millis(millis)
        .map(MessageAttributeValue::DateTime)
        .ok_or_else(|| bad("time out of range"))
}

/// A header value as a CloudEvents attribute value.
fn attribute_value(name: &str, value: &AMQPValue) -> Result<MessageAttributeValue, BindingError> {
    let bad = |reason: &str| BindingError::BadHeader {
        name: name.to_string(),
        reason: reason.to_string(),
    };
    Ok(match value {
        AMQPValue::LongString(s) => MessageAttributeValue::String(
            std::str::from_utf8(s.as_bytes())
                .map_err(|_| bad("not UTF-8"))?
                .to_string(),
        ),
        AMQPValue::ShortString(s) => MessageAttributeValue::String(s.as_str().to_string()),
        AMQPValue::Boolean(b) => MessageAttributeValue::Boolean(*b),
        AMQPValue::ShortShortInt(i) => MessageAttributeValue::Integer((*i).into()),
        AMQPValue::ShortShortUInt(i) => MessageAttributeValue::Integer((*i).into()),
        AMQPValue::ShortInt(i) => MessageAttributeValue::Integer((*i).into()),
        AMQPValue::ShortUInt(i) => MessageAttributeValue::Integer((*i).into()),
        AMQPValue::LongInt(i) => MessageAttributeValue::Integer((*i).into()),
        AMQPValue::LongUInt(i) => MessageAttributeValue::Integer((*i).into()),
        AMQPValue::LongLongInt(i) => MessageAttributeValue::Integer(*i),
        AMQPValue::Timestamp(t) => {
            let secs = i64::try_from(*t).map_err(|_| bad("timestamp out of range"))?;
            MessageAttributeValue::DateTime(
                chrono::DateTime::from_timestamp(secs, 0).ok_or_else(|| bad("bad timestamp"))?,
            )
        }
        AMQPValue::ByteArray(b) => MessageAttributeValue::Binary(b.as_slice().to_vec()),
        _ => return Err(bad("unsupported AMQP value type")),
    })
}

impl BinaryDeserializer for Reader<'_> {
    fn deserialize_binary<R: Sized, V: BinarySerializer<R>>(
        self,
        mut visitor: V,
    ) -> message::Result<R> {
        if self.encoding != Encoding::BINARY {
            return Err(message::Error::WrongEncoding {});
        }
        let style = self.style;
        let empty = FieldTable::default();
        let headers = self.properties.headers().as_ref().unwrap_or(&empty);
        let (spec_key, spec) = headers
            .inner()
            .iter()
            .find(|(k, _)| style.attribute(k.as_str()).as_deref() == Some("specversion"))
            .ok_or(message::Error::WrongEncoding {})?;
        let spec = attribute_value(spec_key.as_str(), spec).map_err(other)?;
        let spec_version = SpecVersion::try_from(spec.to_string().as_str())?;
        let attributes = spec_version.attribute_names();
        visitor = visitor.set_spec_version(spec_version)?;

        let mut has_id = false;
        let mut has_content_type = false;
        if let Some(id) = self.properties.message_id() {
            visitor = visitor.set_attribute("id", MessageAttributeValue::String(id.to_string()))?;
            has_id = true;
        }
        if let Some(ct) = self.properties.content_type() {
            visitor = visitor.set_attribute(
                "datacontenttype",
                MessageAttributeValue::String(ct.to_string()),
            )?;
            has_content_type = true;
        }
        for (key, value) in headers {
            let name = match style.attribute(key.as_str()) {
                Some(name) => name,
                // sdk-java writes extensions as bare application
                // properties next to its `cloudEvents:` attributes.
                None if style == Style::Colon
                    && is_attribute_name(key.as_str())
                    && !attributes.contains(&key.as_str()) =>
                {
                    key.as_str().to_string()
                }
                None => continue,
            };
            let name = name.as_str();
            if name == "specversion"
                || !is_attribute_name(name)
                || (name == "id" && has_id)
                || (name == "datacontenttype" && has_content_type)
            {
                continue;
            }
            let value = if name == "time" {
                time_value(key.as_str(), value)
            } else {
                attribute_value(key.as_str(), value)
            }
            .map_err(other)?;
            visitor = if attributes.contains(&name) {
                visitor.set_attribute(name, value)?
            } else {
                visitor.set_extension(name, value)?
            };
        }
        if self.body.is_empty() {
            visitor.end()
        } else {
            visitor.end_with_data(self.body.to_vec())
        }
    }
}

impl StructuredDeserializer for Reader<'_> {
    fn deserialize_structured<R: Sized, V: StructuredSerializer<R>>(
        self,
        visitor: V,
    ) -> message::Result<R> {
        if self.encoding != Encoding::STRUCTURED {
            return Err(message::Error::WrongEncoding {});
        }
        visitor.set_structured_event(self.body.to_vec())
    }
}

impl MessageDeserializer for Reader<'_> {
    fn encoding(&self) -> Encoding {
        match self.encoding {
            Encoding::STRUCTURED => Encoding::STRUCTURED,
            Encoding::BINARY => Encoding::BINARY,
            _ => Encoding::UNKNOWN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cloudevents::{AttributesWriter, EventBuilder, EventBuilderV10};
    use serde_json::json;

    fn full_event() -> Event {
        EventBuilderV10::new()
            .id("evt-1")
            .ty("store.plugin.failed")
            .source("/agent-store/test")
            .subject("conv-42")
            .time(
                chrono::DateTime::parse_from_rfc3339("2025-01-02T03:04:05.123456789Z")
                    .expect("time")
                    .with_timezone(&chrono::Utc),
            )
            .data_with_schema(
                "application/json",
                "https://example.com/schema.json",
                json!({"plugin": "p", "version": "1", "reason": "r", "conversation_id": null}),
            )
            .extension("brand", "tech")
            .extension(
                "traceparent",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            )
            .extension("retries", 3_i64)
            .extension("sampled", true)
            .build()
            .expect("event")
    }

    fn header<'a>(m: &'a AmqpMessage, name: &str) -> Option<&'a AMQPValue> {
        m.properties.headers().as_ref()?.inner().get(name)
    }

    #[test]
    fn binary_round_trip_keeps_every_attribute_and_extension() {
        let event = full_event();
        let m = encode(&event).expect("encodes");
        assert_eq!(
            m.properties.message_id().as_ref().map(|s| s.as_str()),
            Some("evt-1")
        );
        assert_eq!(
            m.properties.content_type().as_ref().map(|s| s.as_str()),
            Some("application/json")
        );
        assert_eq!(*m.properties.delivery_mode(), Some(2));
        for name in [
            "specversion",
            "type",
            "source",
            "subject",
            "time",
            "dataschema",
            "brand",
            "traceparent",
            "retries",
            "sampled",
        ] {
            assert!(
                header(&m, &format!("cloudEvents_{name}")).is_some(),
                "header cloudEvents_{name}"
            );
        }
        assert!(header(&m, "cloudEvents_id").is_none(), "id is message-id");
        assert_eq!(
            header(&m, "cloudEvents_sampled"),
            Some(&AMQPValue::Boolean(true))
        );
        assert_eq!(
            header(&m, "cloudEvents_retries"),
            Some(&AMQPValue::LongLongInt(3))
        );
        let back = decode(&m.properties, &m.body).expect("decodes");
        assert_eq!(back, event);
    }

    #[test]
    fn structured_round_trip() {
        let event = full_event();
        let m = encode_structured(&event).expect("encodes");
        assert_eq!(
            m.properties.content_type().as_ref().map(|s| s.as_str()),
            Some(STRUCTURED_CONTENT_TYPE)
        );
        let back = decode(&m.properties, &m.body).expect("decodes");
        assert_eq!(back, event);
    }

    #[test]
    fn minimal_event_without_data_round_trips() {
        let event = EventBuilderV10::new()
            .id("x")
            .ty("store.sales.escalate")
            .source("/s")
            .build()
            .expect("event");
        let m = encode(&event).expect("encodes");
        assert!(m.body.is_empty());
        assert_eq!(decode(&m.properties, &m.body).expect("decodes"), event);
    }

    fn headers(pairs: &[(&str, AMQPValue)]) -> FieldTable {
        let mut t = FieldTable::default();
        for (k, v) in pairs {
            t.insert((*k).into(), v.clone());
        }
        t
    }

    fn s(v: &str) -> AMQPValue {
        AMQPValue::LongString(v.into())
    }

    #[test]
    fn reads_knative_unprefixed_headers_and_skips_broker_headers() {
        let props = BasicProperties::default()
            .with_content_type("application/json".into())
            .with_headers(headers(&[
                ("specversion", s("1.0")),
                ("id", s("kn-1")),
                ("type", s("store.sales.escalate")),
                ("source", s("/knative")),
                ("subject", s("conv-7")),
                ("time", s("2025-01-02T03:04:05Z")),
                ("brand", s("home")),
                ("x-death", AMQPValue::FieldArray(Default::default())),
                ("x-delivery-count", AMQPValue::LongLongInt(2)),
                ("Content-Length", s("10")),
            ]));
        let ev = decode(&props, br#"{"a":1}"#).expect("decodes");
        assert_eq!(ev.id(), "kn-1");
        assert_eq!(ev.ty(), "store.sales.escalate");
        assert_eq!(ev.source().as_str(), "/knative");
        assert_eq!(ev.subject(), Some("conv-7"));
        assert_eq!(ev.datacontenttype(), Some("application/json"));
        assert_eq!(
            ev.extension("brand").map(|v| v.to_string()).as_deref(),
            Some("home")
        );
        assert_eq!(ev.iter_extensions().count(), 1, "only CE extensions");
        assert_eq!(ev.data(), Some(&Data::Json(json!({"a": 1}))));
    }

    #[test]
    fn reads_colon_prefixed_headers_with_amqp_timestamp_and_id_header() {
        let props = BasicProperties::default().with_headers(headers(&[
            ("cloudEvents:specversion", s("1.0")),
            ("cloudEvents:id", s("c-1")),
            ("cloudEvents:type", s("store.plugin.failed")),
            ("cloudEvents:source", s("/amqp10")),
            ("cloudEvents:time", AMQPValue::Timestamp(1_700_000_000)),
            ("cloudEvents:flag", AMQPValue::Boolean(false)),
        ]));
        let ev = decode(&props, b"").expect("decodes");
        assert_eq!(ev.id(), "c-1");
        assert_eq!(
            ev.time().map(|t| t.timestamp()),
            Some(1_700_000_000),
            "AMQP timestamp read as time"
        );
        assert_eq!(
            ev.extension("flag"),
            Some(&cloudevents::event::ExtensionValue::Boolean(false))
        );
    }

    #[test]
    fn reads_ce_dash_headers_in_any_case_and_integer_millisecond_time() {
        // sdk-python's `bindings.rabbitmq`: `ce-` strings.
        let props = BasicProperties::default()
            .with_content_type("application/json".into())
            .with_headers(headers(&[
                ("ce-specversion", s("1.0")),
                ("CE-Id", s("d-1")),
                ("ce-type", s("store.plugin.failed")),
                ("ce-source", s("/py")),
                ("ce-time", s("2024-05-06T07:08:09.250000Z")),
                ("ce-brand", s("home")),
                ("x-death", AMQPValue::FieldArray(Default::default())),
            ]));
        let ev = decode(&props, br#"{"a":1}"#).expect("decodes");
        assert_eq!(ev.id(), "d-1");
        assert_eq!(
            ev.time().map(|t| t.timestamp_millis()),
            Some(1_714_979_289_250)
        );
        assert_eq!(ev.iter_extensions().count(), 1, "{ev}");
        // sdk-python's AMQP binding: time as integer milliseconds.
        for time in [
            AMQPValue::LongLongInt(1_700_000_000_123),
            AMQPValue::Timestamp(1_700_000_000_123),
        ] {
            let props = BasicProperties::default().with_headers(headers(&[
                ("cloudEvents_specversion", s("1.0")),
                ("cloudEvents_id", s("p-1")),
                ("cloudEvents_type", s("t")),
                ("cloudEvents_source", s("/py")),
                ("cloudEvents_time", time),
            ]));
            let ev = decode(&props, b"").expect("decodes");
            assert_eq!(
                ev.time().map(|t| t.timestamp_millis()),
                Some(1_700_000_000_123)
            );
        }
        // sdk-java: `cloudEvents:` attributes, bare extensions.
        let props = BasicProperties::default().with_headers(headers(&[
            ("cloudEvents:specversion", s("1.0")),
            ("cloudEvents:id", s("j-1")),
            ("cloudEvents:type", s("t")),
            ("cloudEvents:source", s("/java")),
            ("tenant", s("acme")),
            ("x-delivery-count", AMQPValue::LongLongInt(1)),
        ]));
        let ev = decode(&props, b"").expect("decodes");
        assert_eq!(
            ev.extension("tenant").map(|v| v.to_string()).as_deref(),
            Some("acme")
        );
        assert_eq!(ev.iter_extensions().count(), 1);
    }

    #[test]
    fn store_events_must_carry_their_types_data() {
        let mut event = full_event();
        assert!(check_data(&event).is_ok());
        event.set_data("application/json", json!({"hello": "world"}));
        let err = check_data(&event).unwrap_err();
        assert!(err.to_string().contains("does not match"), "{err}");
        // Types the store does not know are their consumers' business.
        event.set_type("com.example.other");
        assert!(check_data(&event).is_ok());
    }

    #[test]
    fn malformed_messages_have_clear_errors() {
        let plain = BasicProperties::default().with_content_type("text/plain".into());
        let err = decode(&plain, b"hello").unwrap_err();
        assert!(matches!(err, BindingError::NotCloudEvent));
        assert!(err.to_string().contains("specversion"), "{err}");

        let no_source = BasicProperties::default()
            .with_message_id("m".into())
            .with_headers(headers(&[
                ("cloudEvents_specversion", s("1.0")),
                ("cloudEvents_type", s("t")),
            ]));
        let err = decode(&no_source, b"").unwrap_err();
        assert!(err.to_string().contains("source"), "{err}");

        let bad_version = BasicProperties::default().with_headers(headers(&[
            ("cloudEvents_specversion", s("9.9")),
            ("cloudEvents_id", s("i")),
        ]));
        let err = decode(&bad_version, b"").unwrap_err();
        assert!(err.to_string().contains("9.9"), "{err}");

        let bad_time = BasicProperties::default()
            .with_message_id("m".into())
            .with_headers(headers(&[
                ("cloudEvents_specversion", s("1.0")),
                ("cloudEvents_type", s("t")),
                ("cloudEvents_source", s("/s")),
                ("cloudEvents_time", s("yesterday")),
            ]));
        assert!(decode(&bad_time, b"").is_err());

        let bad_type = BasicProperties::default().with_headers(headers(&[
            ("cloudEvents_specversion", s("1.0")),
            ("cloudEvents_id", s("i")),
            (
                "cloudEvents_type",
                AMQPValue::FieldTable(FieldTable::default()),
            ),
        ]));
        let err = decode(&bad_type, b"").unwrap_err();
        assert!(err.to_string().contains("cloudEvents_type"), "{err}");

        let structured =
            BasicProperties::default().with_content_type(STRUCTURED_CONTENT_TYPE.into());
        assert!(decode(&structured, b"{not json").is_err());
    }
}
