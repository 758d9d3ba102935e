//! Event bus settings.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::RetryPolicy;
use super::producers::ProducerConfig;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct BusConfig {
    /// `in-process` (embedded default) or `amqp`.
    pub backend: String,
    pub amqp_url: String,
    /// Prefix of every exchange and queue name (`<prefix>.events`, ...):
    /// isolates deployments (and tests) sharing one broker.
    pub prefix: String,
    /// Shard queues per consumer group: the parallelism across
    /// conversations, split between hosts. Every host of a deployment must
    /// use the same number (it is part of the routing key). The in-process
    /// bus runs this many ordered lanes per group.
    pub shards: u16,
    /// Unacknowledged deliveries per shard queue and host.
    pub prefetch: u16,
    /// Broker-side backstop: deliveries of one message (redeliveries after
    /// crashes and connection losses included) before the quorum queue
    /// dead-letters it to the group's parking queue.
    pub delivery_limit: u32,
    /// Handler attempts before the host parks an event.
    pub retry_attempts: u32,
    /// Delay before the first retry, doubled after each.
    pub retry_backoff_ms: u64,
    /// How long `publish` keeps retrying (through reconnections) before it
    /// gives up.
    pub publish_timeout_ms: u64,
    /// Longest delay between two reconnection attempts.
    pub reconnect_max_backoff_ms: u64,
    /// How often a host re-balances shard ownership with the other hosts.
    pub rebalance_interval_ms: u64,
    /// Let RabbitMQ delete a group's queues once nothing consumed them for
    /// this long (`x-expires`; 0 = never). For throw-away prefixes (tests,
    /// previews): abandoned durable queues otherwise pile up in the broker.
    pub queue_expires_ms: u64,
    /// Emit every event to this HTTP sink (binary CloudEvents). Unset: the
    /// `K_SINK` environment variable (Knative's SinkBinding), if any.
    pub sink_url: Option<String>,
    /// Who may publish through `POST /events` (`[[bus.producers]]`: name,
    /// token, granted types). None: `/events` refuses everything. From the
    /// environment: `AGENT_STORE_BUS_PRODUCERS='[{name="shop", token="…",
    /// types=["store.order.status.update"]}]'`.
    pub producers: Vec<ProducerConfig>,
}

impl Default for BusConfig {
    fn default() -> Self {
        Self {
            backend: "in-process".into(),
            amqp_url: "amqp://guest:guest@127.0.0.1:5672/%2f".into(),
            prefix: "agent-store".into(),
            shards: 8,
            prefetch: 16,
            delivery_limit: 20,
            retry_attempts: RetryPolicy::default().attempts,
            retry_backoff_ms: RetryPolicy::default().backoff.as_millis() as u64,
            publish_timeout_ms: 30_000,
            reconnect_max_backoff_ms: 5_000,
            rebalance_interval_ms: 500,
            queue_expires_ms: 0,
            sink_url: None,
            producers: Vec::new(),
        }
    }
}

impl BusConfig {
    /// The handlers' retry policy.
    pub fn retry(&self) -> RetryPolicy {
        RetryPolicy {
            attempts: self.retry_attempts.max(1),
            backoff: Duration::from_millis(self.retry_backoff_ms),
        }
    }
}
