//! What every backend does with one delivered event: run the handler, retry
//! what may pass later, park what cannot. One implementation, so the
//! in-process and AMQP buses keep exactly the same semantics.

use std::time::Duration;

use async_trait::async_trait;
use cloudevents::{AttributesReader, Event};

use super::{Handler, HandlerError, RetryPolicy};

/// A failure retrying cannot fix: a malformed event, an unknown
/// conversation, a payload that breaks a rule. The bus parks the event at
/// once instead of holding its lane for the retries (which would let a
/// flood of bad events delay every conversation sharing the lane).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Permanent(pub String);

/// A [`Permanent`] handler error.
pub fn permanent(reason: impl std::fmt::Display) -> HandlerError {
    anyhow::Error::new(Permanent(reason.to_string()))
}

/// Whether retrying `error` is pointless: it is (or wraps) a [`Permanent`]
/// error, or an event that does not match its type's payload
/// ([`agent_store_events::EventError`] is deterministic). Everything else
/// (database, broker, network) is transient and retried.
pub fn is_permanent(error: &HandlerError) -> bool {
    error
        .chain()
        .any(|e| e.is::<Permanent>() || e.is::<agent_store_events::EventError>())
}

/// An event a consumer group gave up on.
#[derive(Debug)]
pub struct ParkedEvent<'a> {
    pub group: &'a str,
    pub event: &'a Event,
    /// The last handler error, with its causes.
    pub error: String,
    /// Parked at once ([`Permanent`]) rather than after the retries.
    pub permanent: bool,
    pub attempts: u32,
}

/// Where parked events are kept (the dead-letter store).
#[async_trait]
pub trait DeadLetters: Send + Sync + 'static {
    async fn park(&self, parked: &ParkedEvent<'_>) -> anyhow::Result<()>;
}

/// How one delivery ended.
pub(crate) enum Outcome {
    Handled,
    Failed {
        error: HandlerError,
        permanent: bool,
        attempts: u32,
    },
}

/// Run `handler` on `event`: transient errors are retried with backoff (in
/// place, keeping the conversation's order), a permanent one ends at once.
pub(crate) async fn handle(
    group: &str,
    handler: &dyn Handler,
    event: &Event,
    retry: RetryPolicy,
) -> Outcome {
    use tracing::Instrument as _;
    agent_store_telemetry::metrics::bus_lag(group, lag_of(event));
    // One span per consumer group and event, in the publisher's trace.
    let span = agent_store_telemetry::tracing::delivery_span(group, event);
    handle_in_span(group, handler, event, retry)
        .instrument(span)
        .await
}

/// How long ago `event` was published (its CloudEvents `time`; zero
/// without one, or when the producer's clock is ahead).
fn lag_of(event: &Event) -> Duration {
    event
        .time()
        .and_then(|t| (chrono::Utc::now() - *t).to_std().ok())
        .unwrap_or_default()
}

async fn handle_in_span(
    group: &str,
    handler: &dyn Handler,
    event: &Event,
    retry: RetryPolicy,
) -> Outcome {
    let attempts = retry.attempts.max(1);
    let mut delay = retry.backoff;
    let mut attempt = 1;
    loop {
        let error = match handler.handle(event.clone()).await {
            Ok(()) => {
                agent_store_telemetry::metrics::bus_delivered(group, true);
                return Outcome::Handled;
            }
            Err(error) => error,
        };
        let permanent = is_permanent(&error);
        if permanent || attempt >= attempts {
            agent_store_telemetry::metrics::bus_delivered(group, false);
            return Outcome::Failed {
                error,
                permanent,
                attempts: attempt,
            };
        }
        tracing::warn!(group, id = event.id(), r#type = event.ty(), attempt, error = %error, "handler failed, retrying");
        agent_store_telemetry::metrics::bus_redelivered(group);
        tokio::time::sleep(delay).await;
        delay *= 2;
        attempt += 1;
    }
}

/// Longest error text kept with a parked event.
const ERROR_MAX_CHARS: usize = 2000;
/// Tries to store a parked event before giving up (the database may be
/// briefly busy; the lane waits at most ~0.35 s).
const PARK_TRIES: u32 = 3;

/// Park a failed event: logged once, and kept in `store` when there is one.
/// Returns whether the store has it (the AMQP backend then acknowledges
/// the delivery; otherwise it dead-letters it to the broker's parking queue).
pub(crate) async fn park(
    store: Option<&dyn DeadLetters>,
    group: &str,
    event: &Event,
    error: &HandlerError,
    permanent: bool,
    attempts: u32,
) -> bool {
    agent_store_telemetry::metrics::bus_parked(group);
    let error: String = format!("{error:#}").chars().take(ERROR_MAX_CHARS).collect();
    if permanent {
        tracing::warn!(
            group,
            id = event.id(),
            r#type = event.ty(),
            attempts,
            error = error.as_str(),
            "event cannot be handled, parked"
        );
    } else {
        tracing::error!(
            group,
            id = event.id(),
            r#type = event.ty(),
            attempts,
            error = error.as_str(),
            "handler failed, event parked"
        );
    }
    let Some(store) = store else {
        return false;
    };
    let parked = ParkedEvent {
        group,
        event,
        error,
        permanent,
        attempts,
    };
    let mut delay = Duration::from_millis(50);
    for attempt in 1..=PARK_TRIES {
        match store.park(&parked).await {
            Ok(()) => return true,
            Err(e) if attempt < PARK_TRIES => {
                tracing::warn!(group, id = event.id(), error = %e, "cannot store the parked event yet");
                tokio::time::sleep(delay).await;
                delay *= 2;
            }
            Err(e) => {
                tracing::error!(group, id = event.id(), error = %e, event = %serde_json::to_string(event).unwrap_or_default(), "cannot store the parked event");
            }
        }
    }
    false
}
