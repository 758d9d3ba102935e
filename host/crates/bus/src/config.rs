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
    /// bus runs this many ordered lanes per group. 0 = the backend's
    /// default ([`BusConfig::amqp_shards`],
    /// [`BusConfig::in_process_lanes`]).
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
            shards: 0,
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

/// Shard queues per group on RabbitMQ when `shards` is 0.
pub const DEFAULT_AMQP_SHARDS: u16 = 8;
/// Lanes per group of the in-process bus when `shards` is 0. More than
/// RabbitMQ's: a lane is a task and a channel, not a queue in a broker, and
/// a seller event waits for I/O (SQLite, the turn threads) for most of its
/// time, so more lanes keep the cores busier (measured: 8 → 32 lanes,
/// +11 % replies/s at 1,000 customers; BENCHMARKS.md, "Reads off sqlx's
/// pool").
pub const DEFAULT_IN_PROCESS_LANES: u16 = 32;

impl BusConfig {
    /// Shard queues per consumer group on RabbitMQ.
    pub fn amqp_shards(&self) -> u16 {
        match self.shards {
            0 => DEFAULT_AMQP_SHARDS,
            n => n,
        }
    }

    /// Ordered lanes per consumer group of the in-process bus.
    pub fn in_process_lanes(&self) -> u16 {
        match self.shards {
            0 => DEFAULT_IN_PROCESS_LANES,
            n => n,
        }
    }

    /// The handlers' retry policy.
    pub fn retry(&self) -> RetryPolicy {
        RetryPolicy {
            attempts: self.retry_attempts.max(1),
            backoff: Duration::from_millis(self.retry_backoff_ms),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unset, each backend gets its own default; set, both use the value
    /// (every host of a RabbitMQ deployment must agree on it).
    #[test]
    fn shards_default_per_backend_and_a_set_value_is_kept() {
        let unset = BusConfig::default();
        assert_eq!(unset.in_process_lanes(), DEFAULT_IN_PROCESS_LANES);
        assert_eq!(unset.amqp_shards(), DEFAULT_AMQP_SHARDS);
        let set = BusConfig {
            shards: 5,
            ..BusConfig::default()
        };
        assert_eq!((set.in_process_lanes(), set.amqp_shards()), (5, 5));
    }
}
