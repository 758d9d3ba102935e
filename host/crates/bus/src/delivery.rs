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
enum Outcome {
    Handled,
    Failed {
        error: HandlerError,
        permanent: bool,
        attempts: u32,
    },
}

/// Run `handler` on `event`: transient errors are retried with backoff (in
/// place, keeping the conversation's order), a permanent one ends at once.
async fn handle(group: &str, handler: &dyn Handler, event: &Event, retry: RetryPolicy) -> Outcome {
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
/// First and longest wait of a lane holding an event that neither its
/// handler nor the dead-letter store could take.
const HOLD_FIRST: Duration = Duration::from_millis(250);
const HOLD_MAX: Duration = Duration::from_secs(5);

/// How a delivered event was settled.
pub(crate) enum Settled {
    Handled,
    /// Given up on; `stored`: the dead-letter store has it (otherwise the
    /// AMQP backend dead-letters it to the broker's parking queue).
    Parked {
        stored: bool,
    },
    /// The lane lost the event (its channel closed) while holding it: the
    /// broker gives it to the shard's next owner. Not settled here.
    Abandoned,
}

/// Run `handler` on `event` until it is handled or parked.
///
/// A transient failure that the dead-letter store cannot take either
/// means storage is unreachable (the handler failed on the database, and
/// so did parking). Parking the event anywhere else would lose it: nothing
/// drains the broker's parking queue, and the stale sweeps re-publish
/// inbound messages and turn effects but not every event (an order's
/// status change, its notice). So the lane holds the event — the
/// conversations behind it wait, as they would for the database anyway —
/// and tries the handler again with backoff until it passes or the store
/// takes it, or `owned` says the lane lost it.
pub(crate) async fn deliver(
    group: &str,
    handler: &dyn Handler,
    event: &Event,
    retry: RetryPolicy,
    store: Option<&dyn DeadLetters>,
    owned: &(dyn Fn() -> bool + Send + Sync),
) -> Settled {
    let mut wait = HOLD_FIRST;
    let mut held = false;
    loop {
        let (error, permanent, attempts) = match handle(group, handler, event, retry).await {
            Outcome::Handled => {
                if held {
                    tracing::info!(
                        group,
                        id = event.id(),
                        "held event handled: storage is back"
                    );
                }
                return Settled::Handled;
            }
            Outcome::Failed {
                error,
                permanent,
                attempts,
            } => (error, permanent, attempts),
        };
        let stored = park(store, group, event, &error, permanent, attempts, !held).await;
        if stored || permanent || store.is_none() {
            return Settled::Parked { stored };
        }
        if !held {
            tracing::warn!(group, id = event.id(), r#type = event.ty(), error = %format!("{error:#}"), "neither the handler nor the dead-letter store can take the event (storage unreachable?): the lane holds it and tries again until one can");
            held = true;
        }
        tokio::time::sleep(wait).await;
        wait = (wait * 2).min(HOLD_MAX);
        if !owned() {
            tracing::warn!(
                group,
                id = event.id(),
                "lane closed while holding an event: the broker redelivers it"
            );
            return Settled::Abandoned;
        }
    }
}

/// Park a failed event in `store` (when there is one and it answers) and
/// say so; returns whether the store has it. A transient failure the
/// store refuses is not logged here: the caller holds that event (logged
/// once there), and `loud == false` (a held event's later tries) logs only
/// at debug.
async fn park(
    store: Option<&dyn DeadLetters>,
    group: &str,
    event: &Event,
    error: &HandlerError,
    permanent: bool,
    attempts: u32,
    loud: bool,
) -> bool {
    let error: String = format!("{error:#}").chars().take(ERROR_MAX_CHARS).collect();
    let refused = match store {
        Some(store) => store_parked(store, group, event, &error, permanent, attempts)
            .await
            .err(),
        None => None,
    };
    if refused.is_none() {
        agent_store_telemetry::metrics::bus_parked(group);
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
        return store.is_some();
    }
    if permanent {
        // Not held (retrying cannot help it): say what is lost.
        agent_store_telemetry::metrics::bus_parked(group);
        tracing::error!(group, id = event.id(), r#type = event.ty(), attempts, error = error.as_str(), store_error = %refused.map(|e| format!("{e:#}")).unwrap_or_default(), event = %serde_json::to_string(event).unwrap_or_default(), "event cannot be handled and the dead-letter store refuses it");
    } else if !loud {
        tracing::debug!(
            group,
            id = event.id(),
            attempts,
            error = error.as_str(),
            "held event failed again"
        );
    }
    false
}

/// Store a parked event, trying [`PARK_TRIES`] times.
async fn store_parked(
    store: &dyn DeadLetters,
    group: &str,
    event: &Event,
    error: &str,
    permanent: bool,
    attempts: u32,
) -> anyhow::Result<()> {
    let parked = ParkedEvent {
        group,
        event,
        error: error.to_string(),
        permanent,
        attempts,
    };
    let mut delay = Duration::from_millis(50);
    let mut tries = 1;
    loop {
        match store.park(&parked).await {
            Ok(()) => return Ok(()),
            Err(e) if tries < PARK_TRIES => {
                tracing::debug!(group, id = event.id(), error = %e, "cannot store the parked event yet");
                tokio::time::sleep(delay).await;
                delay *= 2;
                tries += 1;
            }
            Err(e) => return Err(e),
        }
    }
}
