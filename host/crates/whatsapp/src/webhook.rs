//! `GET|POST /webhooks/whatsapp`: Meta's verification handshake and signed
//! deliveries.
//!
//! A delivery is answered 200 only once every message in it is durably
//! stored — all of them in one transaction — (Meta retries anything else),
//! and processing happens after the answer, on the bus; a large delivery is
//! answered before its messages are even published.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use tracing::Instrument as _;

use super::WhatsAppConfig;
use super::payload;
use super::signature;
use crate::bus::Bus;
use crate::conversations::{ConversationError, Conversations, StatusOutcome};
use crate::events::{self, Context, MessageReceived, MessageStatus, received_event_id};
use crate::web::ApiError;

const SOURCE: &str = "/agent-store/whatsapp";

/// What the webhook reaches: its own config section, the conversation
/// store and the bus ([`routes`] is given it; it never sees the host's
/// state).
#[derive(Clone)]
pub struct WebhookState {
    pub config: Arc<WhatsAppConfig>,
    pub conversations: Conversations,
    pub bus: Arc<dyn Bus>,
}

/// `GET|POST /webhooks/whatsapp`.
pub fn routes<S>(state: WebhookState) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    Router::new()
        .route("/webhooks/whatsapp", get(verify).post(receive))
        .with_state(state)
}

#[derive(Deserialize)]
pub struct Verify {
    #[serde(rename = "hub.mode")]
    mode: Option<String>,
    #[serde(rename = "hub.verify_token")]
    verify_token: Option<String>,
    #[serde(rename = "hub.challenge")]
    challenge: Option<String>,
}

/// Meta's subscription check: echo the challenge when the token matches.
async fn verify(State(state): State<WebhookState>, Query(q): Query<Verify>) -> Response {
    let expected = &state.config.verify_token;
    let ok = q.mode.as_deref() == Some("subscribe")
        && q.verify_token
            .as_deref()
            .is_some_and(|t| crate::web::bearer::token_eq(t.as_bytes(), expected.as_bytes()));
    match (ok, q.challenge) {
        (true, Some(challenge)) => (StatusCode::OK, challenge).into_response(),
        _ => (StatusCode::FORBIDDEN, "verification failed").into_response(),
    }
}

fn error(status: StatusCode, message: impl std::fmt::Display) -> Response {
    ApiError::new(status, message).into_response()
}

/// A signed delivery of messages and statuses.
async fn receive(State(state): State<WebhookState>, headers: HeaderMap, body: Bytes) -> Response {
    let header = headers.get(signature::HEADER).and_then(|v| v.to_str().ok());
    if let Err(e) = signature::verify(state.config.app_secret.as_bytes(), &body, header) {
        tracing::warn!(error = %e, bytes = body.len(), "webhook rejected");
        return error(StatusCode::UNAUTHORIZED, e.to_string());
    }
    let webhook = match payload::parse(&body) {
        Ok(w) => w,
        Err(e) => {
            tracing::warn!(error = %e, "malformed webhook");
            return error(StatusCode::BAD_REQUEST, e.to_string());
        }
    };
    // Before the messages: one from the new number in the same delivery
    // then lands in the moved conversation.
    for change in &webhook.identity_changes {
        if let Err(e) = apply_identity_change(&state, change).await {
            tracing::error!(error = %e, wamid = %change.wamid, "could not apply a customer id change");
            return error(
                StatusCode::SERVICE_UNAVAILABLE,
                "storage unavailable, retry later",
            );
        }
    }
    for inbound in &webhook.messages {
        if !state.config.knows_number(&inbound.phone_number_id) {
            // Still served (replies leave from that number), but worth a look.
            tracing::warn!(phone_number_id = %inbound.phone_number_id, "message to a business number missing from whatsapp.numbers");
        }
    }
    // Every message of the delivery in one transaction (fast, and all or
    // nothing: Meta retries the whole delivery on an error).
    let accepted = match state
        .conversations
        .accept_inbound_batch(&webhook.messages)
        .await
    {
        Ok(a) => a,
        Err(e) => {
            tracing::error!(error = %e, messages = webhook.messages.len(), "could not store inbound messages");
            return error(
                StatusCode::SERVICE_UNAVAILABLE,
                "storage unavailable, retry later",
            );
        }
    };
    let fresh: Vec<MessageReceived> = webhook
        .messages
        .iter()
        .zip(accepted)
        .filter_map(|(inbound, accepted)| {
            let Some(accepted) = accepted else {
                tracing::debug!(wamid = %inbound.message.id, "duplicate webhook message ignored");
                return None;
            };
            // The seller's response time runs from here.
            crate::telemetry::metrics::inbound_received(&accepted.conversation_id);
            Some(MessageReceived {
                conversation_id: accepted.conversation_id,
                phone_number_id: inbound.phone_number_id.clone(),
                customer: inbound.customer.clone(),
                message: inbound.message.clone(),
                media: inbound.details.media.clone(),
            })
        })
        .collect();
    if fresh.len() <= PUBLISH_BEFORE_ANSWER {
        // The usual delivery: on the bus before the answer, so a customer's
        // messages keep their order across deliveries.
        publish_received(state.bus.as_ref(), &fresh).await;
    } else {
        // A large delivery is answered as soon as it is stored; processing
        // continues from storage (and a crash meanwhile leaves the messages
        // to start-up recovery).
        let bus = state.bus.clone();
        tokio::spawn(async move { publish_received(bus.as_ref(), &fresh).await });
    }
    for status in &webhook.statuses {
        if let Err(e) = apply_status(&state, status).await {
            // Not recorded: make Meta retry (recorded ones are deduplicated).
            tracing::error!(error = %e, wamid = %status.wamid, "could not store a status");
            return error(
                StatusCode::SERVICE_UNAVAILABLE,
                "storage unavailable, retry later",
            );
        }
    }
    for e in &webhook.errors {
        tracing::warn!(error = %e, "WhatsApp reported an error");
    }
    StatusCode::OK.into_response()
}

/// Deliveries of more messages than this are answered before their
/// messages are published.
const PUBLISH_BEFORE_ANSWER: usize = 100;

/// Put stored messages on the bus for the pipeline. A failure is logged:
/// the message is stored, and start-up recovery re-publishes it.
async fn publish_received(bus: &dyn Bus, messages: &[MessageReceived]) {
    for payload in messages {
        let wamid = &payload.message.id;
        let ctx = Context {
            source: SOURCE,
            subject: Some(&payload.conversation_id),
            ..Default::default()
        };
        // Each customer message starts its own trace.
        let span = crate::telemetry::tracing::inbound_span(wamid);
        let published = async {
            match events::build_with_id(&received_event_id(wamid), &ctx, payload) {
                Ok(ev) => bus.publish(ev).await.map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            }
        }
        .instrument(span.clone())
        .await;
        if let Err(e) = published {
            let _in = span.enter();
            tracing::error!(error = %e, %wamid, "could not publish inbound message");
        }
    }
}

/// Record a status once per (wamid, status) and announce it. Statuses
/// arrive out of order and may skip steps: the store only moves a message
/// forward, and every first-seen status is published (consumers must not
/// assume order).
async fn apply_status(state: &WebhookState, s: &payload::Status) -> Result<(), ConversationError> {
    let outcome = state
        .conversations
        .apply_status(&s.wamid, &s.status, &s.recipient_id, s.timestamp, &s.errors)
        .await?;
    if outcome == StatusOutcome::Duplicate {
        tracing::debug!(wamid = %s.wamid, status = %s.status, "duplicate status ignored");
        return Ok(());
    }
    if s.status == "failed" {
        tracing::warn!(wamid = %s.wamid, to = %crate::telemetry::mask::phone(&s.recipient_id), errors = %serde_json::Value::Array(s.errors.clone()), "WhatsApp could not deliver a message");
    }
    let payload = MessageStatus {
        wamid: s.wamid.clone(),
        status: s.status.clone(),
        recipient_id: s.recipient_id.clone(),
        timestamp: s.timestamp,
        errors: s.errors.clone(),
    };
    let ctx = Context {
        source: SOURCE,
        ..Default::default()
    };
    let id = format!("{}/status/{}", s.wamid, s.status);
    match events::build_with_id(&id, &ctx, &payload) {
        Ok(ev) => {
            if let Err(e) = state.bus.publish(ev).await {
                tracing::warn!(error = %e, "could not publish a status event");
            }
        }
        Err(e) => tracing::warn!(error = %e, "could not build a status event"),
    }
    Ok(())
}

/// A customer changed their number (or BSUID): their conversation follows
/// them. The notice is not a customer message: it is not stored as their
/// words, gets no reply and does not open the 24-hour window.
async fn apply_identity_change(
    state: &WebhookState,
    c: &payload::IdentityChange,
) -> Result<(), ConversationError> {
    use crate::conversations::Moved;
    match state
        .conversations
        .move_customer(&c.phone_number_id, &c.from, &c.to)
        .await?
    {
        Moved::Moved(conversation) => {
            tracing::info!(%conversation, kind = %c.kind, wamid = %c.wamid, "conversation follows the customer's new id");
        }
        Moved::NoConversation => {
            tracing::info!(kind = %c.kind, wamid = %c.wamid, "customer id change for a customer with no conversation: nothing to move");
        }
        Moved::TargetExists(conversation) => {
            tracing::warn!(%conversation, kind = %c.kind, wamid = %c.wamid, "customer id change: a conversation at the new id exists already; both kept");
        }
    }
    Ok(())
}
