//! HTTP server and admin API settings.

use std::net::SocketAddr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct ServerConfig {
    /// Address of the HTTP server (webhooks, admin API, sandbox).
    pub bind: SocketAddr,
    /// Largest accepted request body, in bytes (webhooks are far smaller).
    pub body_limit_bytes: usize,
    /// How long a graceful shutdown (SIGTERM) may take: in-flight work
    /// finishes within it, the rest stays stored (unanswered messages,
    /// queued replies) for the next start. Keep it below the orchestrator's
    /// kill timeout (Kubernetes: 30 s).
    pub shutdown_grace_secs: u64,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            body_limit_bytes: 1024 * 1024,
            shutdown_grace_secs: 20,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct AdminConfig {
    /// Bearer token of the admin API; empty disables the admin API.
    pub token: String,
}
