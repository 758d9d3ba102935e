//! The event catalogue: every CloudEvent the host emits, its type name and
//! its typed payload.
//!
//! Conventions (kept by every backend of the bus, `agent_store_bus`):
//! - `type` is one of [`EventType`]'s names (the original design's);
//! - `source` is the emitting component, e.g. `/agent-store/whatsapp`;
//! - `subject` is the conversation id when there is one;
//! - extension `brand` carries the routed brand, `traceparent` the W3C
//!   trace context when there is one;
//! - `data` is JSON (`application/json`) of the payload type listed below.

mod payloads;

pub use payloads::*;

use cloudevents::{AttributesReader, Data, Event, EventBuilder, EventBuilderV10};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Every event type of the store, with its payload type in the doc.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventType {
    /// [`MessageReceived`]: a customer message was accepted from the webhook.
    WhatsAppMessageReceived,
    /// [`OutboundMessage`]: a message must be sent through the Graph API.
    WhatsAppMessageSend,
    /// [`MessageStatus`]: a delivery status arrived for an outbound message.
    WhatsAppMessageStatus,
    /// [`ChatMessageNew`]: a routed customer message for a brand's seller.
    ChatMessageNew,
    /// [`ChatResponse`]: a seller's validated reply actions.
    ChatResponse,
    /// [`ProductQuery`]: a plugin searched the catalog.
    ProductQuery,
    /// [`ProductRecommend`]: a plugin asked for recommendations.
    ProductRecommend,
    /// [`OrderCreate`]: a seller asked to turn the cart into an order.
    OrderCreate,
    /// [`SalesEscalate`]: a conversation needs a human.
    SalesEscalate,
    /// [`SalesHandoff`]: a conversation moved to another brand, or a
    /// person handed it back to the AI.
    SalesHandoff,
    /// [`SalesEscalationAccepted`]: a sales rep took an escalation.
    SalesEscalationAccepted,
    /// [`SalesEscalationResolved`]: a sales rep closed an escalation.
    SalesEscalationResolved,
    /// [`PluginFailed`]: a plugin trapped, timed out or misbehaved.
    PluginFailed,
    /// [`OrderCreated`]: an order was created (pending payment, stock reserved).
    OrderCreated,
    /// [`OrderConfirmed`]: an order was paid.
    OrderConfirmed,
    /// [`OrderShipped`]: an order left with a carrier.
    OrderShipped,
    /// [`OrderDelivered`]: an order reached the customer.
    OrderDelivered,
    /// [`OrderCancelled`]: an order was cancelled (stock released).
    OrderCancelled,
    /// [`OrderStatusUpdate`]: any order state change (drives the customer's
    /// WhatsApp update).
    OrderStatusUpdate,
    /// [`CatalogStockChanged`]: tracked stock levels changed (an order, a
    /// cancellation, an operator): every host applies them to its live
    /// catalog (multi-host deployments; see docs/multihost.md).
    CatalogStockChanged,
    /// [`PluginReleased`]: an operator pushed or rolled back a plugin on one
    /// host; every host loads the released version (multi-host).
    PluginReleased,
    /// [`PluginIntentApproved`]: the brand's policy allowed an effect a
    /// seller asked for.
    PluginIntentApproved,
    /// [`PluginIntentDenied`]: the brand's policy refused one.
    PluginIntentDenied,
}

impl EventType {
    pub const ALL: [EventType; 23] = [
        Self::WhatsAppMessageReceived,
        Self::WhatsAppMessageSend,
        Self::WhatsAppMessageStatus,
        Self::ChatMessageNew,
        Self::ChatResponse,
        Self::ProductQuery,
        Self::ProductRecommend,
        Self::OrderCreate,
        Self::SalesEscalate,
        Self::SalesHandoff,
        Self::SalesEscalationAccepted,
        Self::SalesEscalationResolved,
        Self::PluginFailed,
        Self::OrderCreated,
        Self::OrderConfirmed,
        Self::OrderShipped,
        Self::OrderDelivered,
        Self::OrderCancelled,
        Self::OrderStatusUpdate,
        Self::CatalogStockChanged,
        Self::PluginReleased,
        Self::PluginIntentApproved,
        Self::PluginIntentDenied,
    ];

    /// The CloudEvents `type` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::WhatsAppMessageReceived => "store.whatsapp.message.received",
            Self::WhatsAppMessageSend => "store.whatsapp.message.send",
            Self::WhatsAppMessageStatus => "store.whatsapp.message.status",
            Self::ChatMessageNew => "store.chat.message.new",
            Self::ChatResponse => "store.chat.response",
            Self::ProductQuery => "store.product.query",
            Self::ProductRecommend => "store.product.recommend",
            Self::OrderCreate => "store.order.create",
            Self::SalesEscalate => "store.sales.escalate",
            Self::SalesHandoff => "store.sales.handoff",
            Self::SalesEscalationAccepted => "store.sales.escalation.accepted",
            Self::SalesEscalationResolved => "store.sales.escalation.resolved",
            Self::PluginFailed => "store.plugin.failed",
            Self::OrderCreated => "store.order.created",
            Self::OrderConfirmed => "store.order.confirmed",
            Self::OrderShipped => "store.order.shipped",
            Self::OrderDelivered => "store.order.delivered",
            Self::OrderCancelled => "store.order.cancelled",
            Self::OrderStatusUpdate => "store.order.status.update",
            Self::CatalogStockChanged => "store.catalog.stock.changed",
            Self::PluginReleased => "store.plugin.released",
            Self::PluginIntentApproved => "store.plugin.intent.approved",
            Self::PluginIntentDenied => "store.plugin.intent.denied",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A payload that belongs to exactly one event type.
pub trait Payload: Serialize + DeserializeOwned {
    const TYPE: EventType;
}

#[derive(Debug, thiserror::Error)]
pub enum EventError {
    #[error("event {id} has type {actual}, expected {expected}")]
    WrongType {
        id: String,
        actual: String,
        expected: &'static str,
    },
    #[error("event {id} has type {actual}, which is not in the catalogue")]
    UnknownType { id: String, actual: String },
    #[error("event {id} carries no data")]
    NoData { id: String },
    #[error("event {id} data does not match its type: {source}")]
    BadData {
        id: String,
        source: serde_json::Error,
    },
    #[error("building event: {0}")]
    Build(#[from] cloudevents::event::EventBuilderError),
    #[error("serialising payload: {0}")]
    Serialize(serde_json::Error),
}

/// Where an event comes from and what it is about.
#[derive(Debug, Clone, Default)]
pub struct Context<'a> {
    /// `source`, e.g. `/agent-store/pipeline`.
    pub source: &'a str,
    /// `subject`: the conversation id.
    pub subject: Option<&'a str>,
    pub brand: Option<&'a str>,
    pub traceparent: Option<&'a str>,
}

/// Wrap a payload into a CloudEvent with a fresh, time-ordered id.
pub fn build<P: Payload>(ctx: &Context<'_>, payload: &P) -> Result<Event, EventError> {
    build_with_id(&uuid::Uuid::now_v7().to_string(), ctx, payload)
}

/// The id of the `received` event of an inbound wamid: the webhook
/// publishes it, and start-up recovery re-publishes it under the same id.
pub fn received_event_id(wamid: &str) -> String {
    format!("{wamid}/received")
}

/// Wrap a payload with a chosen id: derived ids make re-emission after a
/// retry idempotent downstream.
pub fn build_with_id<P: Payload>(
    id: &str,
    ctx: &Context<'_>,
    payload: &P,
) -> Result<Event, EventError> {
    let data = serde_json::to_value(payload).map_err(EventError::Serialize)?;
    let mut builder = EventBuilderV10::new()
        .id(id)
        .ty(P::TYPE.as_str())
        .source(ctx.source)
        .time(chrono::Utc::now())
        .data("application/json", data);
    if let Some(subject) = ctx.subject {
        builder = builder.subject(subject);
    }
    if let Some(brand) = ctx.brand {
        builder = builder.extension("brand", brand);
    }
    // The publisher's trace continues in the consumers (W3C trace
    // context in the CloudEvents `traceparent` extension).
    let current = ctx
        .traceparent
        .is_none()
        .then(agent_store_telemetry::tracing::current_traceparent)
        .flatten();
    if let Some(tp) = ctx.traceparent.or(current.as_deref()) {
        builder = builder.extension("traceparent", tp);
    }
    Ok(builder.build()?)
}

/// Read the typed payload back, checking the event's type.
pub fn payload<P: Payload>(event: &Event) -> Result<P, EventError> {
    let id = event.id().to_string();
    if event.ty() != P::TYPE.as_str() {
        return Err(EventError::WrongType {
            id,
            actual: event.ty().to_string(),
            expected: P::TYPE.as_str(),
        });
    }
    let result = match event.data() {
        // Read in place: every consumer of an in-process event reads it
        // (`from_value` would deep-copy the payload first).
        Some(Data::Json(v)) => P::deserialize(v),
        Some(Data::String(s)) => serde_json::from_str(s),
        Some(Data::Binary(b)) => serde_json::from_slice(b),
        None => return Err(EventError::NoData { id }),
    };
    result.map_err(|source| EventError::BadData { id, source })
}

/// Check that `event` is of a catalogued type and its `data` matches that
/// type's payload (what a consumer will read): the gate of events from
/// outside (`POST /events`).
pub fn validate(event: &Event) -> Result<EventType, EventError> {
    fn check<P: Payload>(event: &Event) -> Result<EventType, EventError> {
        payload::<P>(event).map(|_| P::TYPE)
    }
    let Some(ty) = EventType::parse(event.ty()) else {
        return Err(EventError::UnknownType {
            id: event.id().to_string(),
            actual: event.ty().to_string(),
        });
    };
    match ty {
        EventType::WhatsAppMessageReceived => check::<MessageReceived>(event),
        EventType::WhatsAppMessageSend => check::<OutboundMessage>(event),
        EventType::WhatsAppMessageStatus => check::<MessageStatus>(event),
        EventType::ChatMessageNew => check::<ChatMessageNew>(event),
        EventType::ChatResponse => check::<ChatResponse>(event),
        EventType::ProductQuery => check::<ProductQuery>(event),
        EventType::ProductRecommend => check::<ProductRecommend>(event),
        EventType::OrderCreate => check::<OrderCreate>(event),
        EventType::SalesEscalate => check::<SalesEscalate>(event),
        EventType::SalesHandoff => check::<SalesHandoff>(event),
        EventType::SalesEscalationAccepted => check::<SalesEscalationAccepted>(event),
        EventType::SalesEscalationResolved => check::<SalesEscalationResolved>(event),
        EventType::PluginFailed => check::<PluginFailed>(event),
        EventType::OrderCreated => check::<OrderCreated>(event),
        EventType::OrderConfirmed => check::<OrderConfirmed>(event),
        EventType::OrderShipped => check::<OrderShipped>(event),
        EventType::OrderDelivered => check::<OrderDelivered>(event),
        EventType::OrderCancelled => check::<OrderCancelled>(event),
        EventType::OrderStatusUpdate => check::<OrderStatusUpdate>(event),
        EventType::CatalogStockChanged => check::<CatalogStockChanged>(event),
        EventType::PluginReleased => check::<PluginReleased>(event),
        EventType::PluginIntentApproved => check::<PluginIntentApproved>(event),
        EventType::PluginIntentDenied => check::<PluginIntentDenied>(event),
    }
}

/// A string extension of an event, e.g. `brand`.
pub fn extension(event: &Event, name: &str) -> Option<String> {
    event.extension(name).map(|v| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_parse_back() {
        let mut seen = std::collections::HashSet::new();
        for t in EventType::ALL {
            assert!(seen.insert(t.as_str()), "duplicate {t}");
            assert_eq!(EventType::parse(t.as_str()), Some(t));
            assert!(t.as_str().starts_with("store."));
        }
    }

    #[test]
    fn payload_round_trips_with_context() {
        let p = PluginFailed {
            plugin: "seller-tech".into(),
            version: "0.1.0".into(),
            reason: "trap".into(),
            conversation_id: Some("c1".into()),
        };
        let ctx = Context {
            source: "/agent-store/test",
            subject: Some("c1"),
            brand: Some("tech"),
            traceparent: None,
        };
        let ev = build(&ctx, &p).expect("builds");
        assert_eq!(ev.ty(), "store.plugin.failed");
        assert_eq!(ev.subject(), Some("c1"));
        assert_eq!(extension(&ev, "brand").as_deref(), Some("tech"));
        let back: PluginFailed = payload(&ev).expect("reads");
        assert_eq!(back, p);
        let wrong = payload::<SalesEscalate>(&ev).unwrap_err();
        assert!(matches!(wrong, EventError::WrongType { .. }));
    }

    #[test]
    fn validate_checks_data_against_the_type() {
        let p = PluginFailed {
            plugin: "p".into(),
            version: "1".into(),
            reason: "r".into(),
            conversation_id: None,
        };
        let ctx = Context {
            source: "/test",
            ..Default::default()
        };
        let ev = build(&ctx, &p).expect("builds");
        assert_eq!(validate(&ev).expect("valid"), EventType::PluginFailed);
        let mut bad = ev.clone();
        bad.set_data("application/json", serde_json::json!({"plugin": 1}));
        let err = validate(&bad).unwrap_err();
        assert!(matches!(err, EventError::BadData { .. }), "{err}");
        let mut unknown = ev.clone();
        cloudevents::AttributesWriter::set_type(&mut unknown, "com.example.x");
        assert!(matches!(
            validate(&unknown).unwrap_err(),
            EventError::UnknownType { .. }
        ));
        let mut empty = ev;
        empty.take_data();
        assert!(matches!(
            validate(&empty).unwrap_err(),
            EventError::NoData { .. }
        ));
    }
}
