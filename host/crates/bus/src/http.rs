//! `POST /events`: CloudEvents over HTTP (binary, structured and batch
//! modes), so the host can take events from other CloudEvents producers.
//!
//! Every consumer trusts what is on the bus, so the door is locked:
//! - a producer of `bus.producers` authenticates with its bearer token
//!   (none configured: everything is refused, 401);
//! - it may publish only the types it is granted (else 403);
//! - every event's `data` must match its type's payload (else 400), so a
//!   consumer never meets an event it cannot read.
//!
//! A batch (`application/cloudevents-batch+json`, a JSON array of
//! structured events) is all or nothing: one refused event refuses the
//! whole batch, with the reason of each refused event, and none is
//! published.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use cloudevents::{AttributesReader, Event};
use serde_json::{Value, json};

use super::Bus;
use super::BusConfig;
use super::producers::{Producer, Producers};
use agent_store_events::{self as events, EventError, EventType};
use agent_store_web::ApiError;

/// The batch mode's media type.
pub const BATCH_CONTENT_TYPE: &str = "application/cloudevents-batch+json";
/// Most events in one batch.
pub const BATCH_MAX: usize = 1000;
/// A refusal of one kind is logged at most once per this period (with the
/// count of those not logged): a flood of bad requests is one line, not a
/// flood of lines.
const LOG_EVERY: Duration = Duration::from_secs(10);

/// The route's own state: the producers, the refusal log and the bus,
/// shared by every request.
struct Gate {
    producers: Producers,
    refusals: Refusals,
    bus: Arc<dyn Bus>,
    /// The largest body read (`server.body_limit_bytes`).
    body_limit: usize,
}

/// The `/events` route, locked to `config.producers`, publishing on `bus`.
pub fn routes<S>(config: &BusConfig, bus: Arc<dyn Bus>, body_limit: usize) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    // `bus::connect` already refused an invalid list at start-up; should
    // one get here anyway, the door stays shut rather than open.
    let producers = Producers::from_config(&config.producers).unwrap_or_else(|e| {
        tracing::error!(error = %e, "invalid bus.producers: POST /events refuses everything");
        Producers::default()
    });
    if producers.is_empty() {
        tracing::info!("no bus.producers configured: POST /events refuses every request");
    }
    let gate = Arc::new(Gate {
        producers,
        refusals: Refusals::default(),
        bus,
        body_limit,
    });
    Router::new()
        .route("/events", post(receive))
        .with_state(gate)
}

/// A refused request: its status, message and, for a batch, the reason of
/// each refused event.
struct Refusal {
    status: StatusCode,
    message: String,
    events: Vec<Value>,
}

impl Refusal {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
            events: Vec::new(),
        }
    }

    fn into_response(self) -> Response {
        let mut error = ApiError::new(self.status, self.message);
        if !self.events.is_empty() {
            error = error.with("events", Value::Array(self.events));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            error = error.header(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"agent-store events\""),
            );
        }
        error.into_response()
    }
}

async fn receive(State(gate): State<Arc<Gate>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let producer = match authenticate(&gate.producers, &parts.headers) {
        Ok(p) => p,
        Err(refusal) => return gate.refuse("-", "unauthenticated", refusal),
    };
    let limit = gate.body_limit;
    let body = match axum::body::to_bytes(body, limit).await {
        Ok(b) => b,
        Err(e) => {
            let refusal = Refusal::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("cannot read the body (limit {limit} bytes): {e}"),
            );
            return gate.refuse(&producer.name, "body", refusal);
        }
    };
    let batch = is_batch(&parts.headers);
    let events = match parse(&parts.headers, body, batch) {
        Ok(events) => events,
        Err(refusal) => return gate.refuse(&producer.name, "not-an-event", refusal),
    };
    let events = match admit(producer, events) {
        Ok(events) => events,
        Err(refusal) => {
            let kind = if refusal.status == StatusCode::FORBIDDEN {
                "not-granted"
            } else {
                "invalid"
            };
            return gate.refuse(&producer.name, kind, refusal);
        }
    };
    publish(gate.bus.as_ref(), producer, events, batch).await
}

/// The producer the bearer token names.
fn authenticate<'a>(
    producers: &'a Producers,
    headers: &HeaderMap,
) -> Result<&'a Producer, Refusal> {
    if producers.is_empty() {
        return Err(Refusal::new(
            StatusCode::UNAUTHORIZED,
            "POST /events is closed: no event producers are configured (bus.producers)",
        ));
    }
    let wrong = || Refusal::new(StatusCode::UNAUTHORIZED, "wrong producer token");
    if let Some(token) = agent_store_web::bearer::token(headers) {
        return producers.authenticate(token).ok_or_else(wrong);
    }
    // Basic auth (a Knative Trigger's subscriber URI `name:token@…`): the
    // token must be the named producer's.
    if let Some((name, token)) = agent_store_web::bearer::basic(headers) {
        return producers
            .authenticate(&token)
            .filter(|p| p.name == name)
            .ok_or_else(wrong);
    }
    Err(Refusal::new(
        StatusCode::UNAUTHORIZED,
        "missing bearer token: POST /events needs Authorization: Bearer <producer token>",
    ))
}

fn is_batch(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(BATCH_CONTENT_TYPE))
}

/// The events of a request: one (binary or structured mode) or a batch.
fn parse(headers: &HeaderMap, body: Bytes, batch: bool) -> Result<Vec<Event>, Refusal> {
    if !batch {
        // The SDK's HTTP binding (what its axum extractor runs), on a bounded body.
        return cloudevents::binding::http::to_event(headers, body.to_vec())
            .map(|e| vec![e])
            .map_err(|e| {
                Refusal::new(
                    StatusCode::BAD_REQUEST,
                    format!(
                        "not a CloudEvent in binary (ce-* headers), structured (application/cloudevents+json) or batch ({BATCH_CONTENT_TYPE}) HTTP mode: {e}"
                    ),
                )
            });
    }
    let items: Vec<Value> = serde_json::from_slice(&body).map_err(|e| {
        Refusal::new(
            StatusCode::BAD_REQUEST,
            format!("a {BATCH_CONTENT_TYPE} body is a JSON array of structured CloudEvents: {e}"),
        )
    })?;
    if items.is_empty() {
        return Err(Refusal::new(StatusCode::BAD_REQUEST, "the batch is empty"));
    }
    if items.len() > BATCH_MAX {
        return Err(Refusal::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "the batch has {} events; at most {BATCH_MAX} per request",
                items.len()
            ),
        ));
    }
    let mut events = Vec::with_capacity(items.len());
    let mut refused = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        let id = item.get("id").cloned().unwrap_or(Value::Null);
        match serde_json::from_value::<Event>(item) {
            Ok(e) => events.push(e),
            Err(e) => refused.push(json!({
                "index": index, "id": id, "status": 400,
                "error": format!("not a structured CloudEvent: {e}"),
            })),
        }
    }
    if refused.is_empty() {
        Ok(events)
    } else {
        Err(batch_refusal(StatusCode::BAD_REQUEST, refused))
    }
}

/// Check every event against the producer's grants and its type's schema;
/// stamp the producer's name on the accepted ones (extension `producer`).
fn admit(producer: &Producer, events: Vec<Event>) -> Result<Vec<Event>, Refusal> {
    let single = events.len() == 1;
    let mut refused = Vec::new();
    let mut forbidden = false;
    let mut admitted = Vec::with_capacity(events.len());
    for (index, event) in events.into_iter().enumerate() {
        match check(producer, &event) {
            Ok(()) => admitted.push(stamp(event, &producer.name)),
            Err(refusal) if single => return Err(refusal),
            Err(refusal) => {
                forbidden |= refusal.status == StatusCode::FORBIDDEN;
                refused.push(json!({
                    "index": index, "id": event.id(),
                    "status": refusal.status.as_u16(), "error": refusal.message,
                }));
            }
        }
    }
    if refused.is_empty() {
        return Ok(admitted);
    }
    // A grant the producer lacks is the stronger refusal: 403 then.
    let status = if forbidden {
        StatusCode::FORBIDDEN
    } else {
        StatusCode::BAD_REQUEST
    };
    Err(batch_refusal(status, refused))
}

fn batch_refusal(status: StatusCode, refused: Vec<Value>) -> Refusal {
    Refusal {
        status,
        message: format!(
            "the batch was refused ({} refused event(s), reasons under `events`); none of its events was published",
            refused.len()
        ),
        events: refused,
    }
}

/// One event: a known type, granted to this producer, with matching data.
fn check(producer: &Producer, event: &Event) -> Result<(), Refusal> {
    let Some(ty) = EventType::parse(event.ty()) else {
        let known: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
        return Err(Refusal::new(
            StatusCode::BAD_REQUEST,
            format!(
                "unknown event type {:?}; the catalogue has: {}",
                event.ty(),
                known.join(", ")
            ),
        ));
    };
    if !producer.may_publish(ty) {
        return Err(Refusal::new(
            StatusCode::FORBIDDEN,
            format!(
                "producer {} is not granted {ty} (bus.producers types)",
                producer.name
            ),
        ));
    }
    match events::validate(event) {
        Ok(_) => Ok(()),
        Err(EventError::BadData { source, .. }) => Err(Refusal::new(
            StatusCode::BAD_REQUEST,
            format!(
                "the data of {} does not match {ty}'s payload: {source}",
                event.id()
            ),
        )),
        Err(e) => Err(Refusal::new(StatusCode::BAD_REQUEST, e.to_string())),
    }
}

/// The event with extension `producer` set to who published it (whatever
/// the producer put there): consumers and the parked list see the origin.
fn stamp(mut event: Event, producer: &str) -> Event {
    event.set_extension("producer", producer.to_string());
    event
}

async fn publish(bus: &dyn Bus, producer: &Producer, events: Vec<Event>, batch: bool) -> Response {
    let mut ids: Vec<String> = Vec::with_capacity(events.len());
    for event in events {
        let id = event.id().to_string();
        let ty = event.ty().to_string();
        if let Err(e) = bus.publish(event).await {
            tracing::error!(id, r#type = ty, producer = producer.name, error = %e, "cannot publish an HTTP event");
            return ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!("the event bus refused event {id}: {e}"),
            )
            .with("published", ids)
            .into_response();
        }
        tracing::info!(
            id,
            r#type = ty,
            producer = producer.name,
            "event accepted over HTTP"
        );
        ids.push(id);
    }
    let body = if batch {
        json!({ "ids": ids })
    } else {
        json!({ "id": ids.first() })
    };
    (StatusCode::ACCEPTED, Json(body)).into_response()
}

/// Logs refusals, each kind (per producer) at most once per [`LOG_EVERY`].
#[derive(Default)]
struct Refusals(Mutex<HashMap<RefusalKey, LogWindow>>);

/// (producer, kind of refusal).
type RefusalKey = (String, &'static str);
/// (when the last line was logged, refusals not logged since).
type LogWindow = (Instant, u64);

impl Gate {
    fn refuse(&self, producer: &str, kind: &'static str, refusal: Refusal) -> Response {
        if let Some(suppressed) = self.refusals.due(producer, kind) {
            tracing::warn!(producer, kind, status = refusal.status.as_u16(), reason = ?refusal.message, suppressed, "POST /events refused");
        }
        refusal.into_response()
    }
}

impl Refusals {
    /// `Some(refusals not logged since the last line)` when this one is to
    /// be logged. Keys are bounded: configured producers × a few kinds.
    fn due(&self, producer: &str, kind: &'static str) -> Option<u64> {
        let mut seen = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        match seen.get_mut(&(producer.to_string(), kind)) {
            Some((last, skipped)) if now.duration_since(*last) < LOG_EVERY => {
                *skipped += 1;
                None
            }
            Some((last, skipped)) => {
                *last = now;
                Some(std::mem::take(skipped))
            }
            None => {
                seen.insert((producer.to_string(), kind), (now, 0));
                Some(0)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_are_logged_once_per_period() {
        let r = Refusals::default();
        assert_eq!(r.due("-", "unauthenticated"), Some(0));
        for _ in 0..100 {
            assert_eq!(r.due("-", "unauthenticated"), None);
        }
        assert_eq!(r.due("shop", "unauthenticated"), Some(0));
        assert_eq!(r.due("-", "invalid"), Some(0));
    }

    #[test]
    fn batch_content_type_is_recognised() {
        let mut h = HeaderMap::new();
        assert!(!is_batch(&h));
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/cloudevents-batch+json; charset=utf-8"),
        );
        assert!(is_batch(&h));
    }
}
