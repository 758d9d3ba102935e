//! Event bus settings.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct BusConfig {
    /// `in-process` (embedded default) or `amqp`.
    pub backend: String,
    pub amqp_url: String,
}

impl Default for BusConfig {
    fn default() -> Self {
        Self {
            backend: "in-process".into(),
            amqp_url: "amqp://guest:guest@127.0.0.1:5672/%2f".into(),
        }
    }
}
