//! The event bus: every hop of the pipeline is a CloudEvent published here
//! and consumed by a named consumer group.
//!
//! Semantics every backend keeps:
//! - each consumer group receives every event of the types it subscribed to
//!   (groups are independent, like queues bound to a topic exchange);
//! - within a group, events with the same `subject` (conversation) are
//!   handled one at a time, in publish order; different subjects run in
//!   parallel;
//! - delivery is at least once: a handler error is retried with backoff,
//!   then the event is parked and logged. Handlers with side effects are
//!   therefore idempotent by event id;
//! - a [`Permanent`] error (a malformed event, an unknown conversation, a
//!   broken rule: retrying cannot help) parks the event at once, so it never
//!   holds its lane for the retries;
//! - parked events go to the [`DeadLetters`] store when one is attached
//!   (the database's `parked_events`, listed at `GET /admin/events/parked`).

pub mod amqp;
mod config;
mod delivery;
pub mod groups;
pub mod http;
mod in_process;
pub mod parked;
pub mod producers;
pub mod sink;

pub use amqp::AmqpBus;
pub use config::BusConfig;
pub use delivery::{DeadLetters, ParkedEvent, Permanent, is_permanent, permanent};
pub use parked::ParkedEvents;
pub use producers::ProducerConfig;

pub use in_process::InProcessBus;

use std::sync::Arc;

use async_trait::async_trait;
use cloudevents::Event;

use agent_store_events::EventType;

/// The error a handler returns to ask for a retry.
pub type HandlerError = anyhow::Error;

/// Consumes events of one consumer group.
#[async_trait]
pub trait Handler: Send + Sync + 'static {
    async fn handle(&self, event: Event) -> Result<(), HandlerError>;
}

#[derive(Debug, thiserror::Error)]
pub enum BusError {
    #[error("the bus is shut down")]
    Closed,
    #[error("consumer group {0} is already subscribed")]
    DuplicateGroup(String),
    #[error("bus backend failed: {0}")]
    Backend(String),
    #[error("invalid bus configuration: {0}")]
    Config(String),
}

/// A publish/subscribe bus of CloudEvents.
#[async_trait]
pub trait Bus: Send + Sync + 'static {
    /// Publish one event; returns once the backend has accepted it.
    async fn publish(&self, event: Event) -> Result<(), BusError>;
    /// Deliver every event of `types` to `handler`, as consumer group `group`.
    async fn subscribe(
        &self,
        group: &str,
        types: &[EventType],
        handler: Arc<dyn Handler>,
    ) -> Result<(), BusError>;
    /// Deliver every event of `types` to `handler` on *every* host (not
    /// one host of a group): live-state fan-out such as stock levels.
    /// Best effort: a host that is down or disconnected misses what is
    /// published meanwhile and must catch up from the database. In
    /// process (one host) this is an ordinary group named `name`.
    async fn subscribe_broadcast(
        &self,
        name: &str,
        types: &[EventType],
        handler: Arc<dyn Handler>,
    ) -> Result<(), BusError> {
        self.subscribe(name, types, handler).await
    }
    /// Wait until every published event has been handled or parked (tests
    /// and graceful shutdown).
    async fn idle(&self);
    /// Stop consuming (finishing the events in hand) and release the
    /// backend's connections. Nothing to do in process.
    async fn close(&self) {}
    /// Events waiting for each consumer group, by group name (the
    /// `agent_store_bus_lag_events` gauge, read at scrape): in process,
    /// the events queued in this host's lanes and not yet finished; over
    /// AMQP, the messages ready in the group's shard queues (broker-wide,
    /// the same from every host).
    async fn lag(&self) -> Result<Vec<(String, u64)>, BusError> {
        Ok(Vec::new())
    }
    /// Whether the backend can take and deliver events now (`/readyz`):
    /// always in process; a live broker connection over AMQP.
    fn is_up(&self) -> bool {
        true
    }
}

/// The bus `config.backend` names: `in-process` (the default) or `amqp`;
/// with `config.sink_url` (or the `K_SINK` environment variable) every
/// event is also emitted to that HTTP sink.
pub async fn connect(config: &BusConfig) -> Result<Arc<dyn Bus>, BusError> {
    connect_with(config, None).await
}

/// [`connect`], parking failed events in `dead_letters` (the host passes
/// the database's [`ParkedEvents`]). Also checks `bus.producers`, so a
/// mistyped grant stops the start instead of silently refusing a producer.
pub async fn connect_with(
    config: &BusConfig,
    dead_letters: Option<Arc<dyn DeadLetters>>,
) -> Result<Arc<dyn Bus>, BusError> {
    producers::Producers::from_config(&config.producers)
        .map_err(|e| BusError::Config(e.to_string()))?;
    let bus: Arc<dyn Bus> = match config.backend.as_str() {
        "in-process" | "" => Arc::new(
            InProcessBus::with_dead_letters(config.retry(), dead_letters)
                .with_lanes(usize::from(config.in_process_lanes())),
        ),
        "amqp" => AmqpBus::connect_with(config, dead_letters).await?,
        other => {
            return Err(BusError::Backend(format!(
                "unknown bus backend {other:?} (expected \"in-process\" or \"amqp\")"
            )));
        }
    };
    let sink = config
        .sink_url
        .clone()
        .or_else(|| std::env::var("K_SINK").ok())
        .filter(|s| !s.is_empty());
    if let Some(url) = sink {
        sink::attach(&bus, &url).await?;
    }
    Ok(bus)
}

/// Retry policy of a consumer group.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Attempts before an event is parked.
    pub attempts: u32,
    /// Delay before the first retry; doubled after each.
    pub backoff: std::time::Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            attempts: 5,
            backoff: std::time::Duration::from_millis(50),
        }
    }
}
