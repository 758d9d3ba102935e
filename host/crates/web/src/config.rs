//! HTTP server and admin API settings.

use std::net::{IpAddr, SocketAddr};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct ServerConfig {
    /// Address of the HTTP server (webhooks, admin API, sandbox).
    pub bind: SocketAddr,
    /// Largest accepted request body, in bytes (webhooks are far smaller).
    pub body_limit_bytes: usize,
    /// The address people reach the host at (`https://store.example.com`).
    /// An `https` URL makes the console's cookie `Secure`.
    pub public_url: String,
    /// Force the console cookie's `Secure` flag on or off (default: on when
    /// `public_url` is `https`). Never derived from the request's `Host`.
    pub secure_cookies: Option<bool>,
    /// Reverse proxies whose `X-Forwarded-For` names the client (sign-in
    /// rate limits are per client address). Empty: the peer address counts.
    pub trusted_proxies: Vec<IpAddr>,
    /// Open connections at most (lowered to fit the open-file limit); more
    /// are answered 503 and closed.
    pub max_connections: usize,
    /// Extra connections kept for `/healthz`, `/readyz` and `/admin/*` when
    /// `max_connections` are in use.
    pub reserved_connections: usize,
    /// A request's headers must arrive within this time.
    pub header_read_timeout_ms: u64,
    /// A request (body read included) must be answered within this time
    /// (408); streams are unaffected once their headers are sent.
    pub request_timeout_ms: u64,
    /// A connection with no request in flight and no traffic for this long
    /// is closed.
    pub idle_timeout_ms: u64,
    /// How long a graceful shutdown (SIGTERM) may take: in-flight work
    /// finishes within it, the rest stays stored (unanswered messages,
    /// queued replies) for the next start. Keep it below the orchestrator's
    /// kill timeout (Kubernetes: 30 s).
    pub shutdown_grace_secs: u64,
    /// A second listener serving only `GET /metrics`, without a token (a
    /// cluster-internal scrape port, e.g. `0.0.0.0:9464`; keep it off the
    /// Ingress). Unset: metrics only on the main listener, with
    /// `telemetry.metrics_token`.
    pub metrics_bind: Option<SocketAddr>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            body_limit_bytes: 1024 * 1024,
            public_url: String::new(),
            secure_cookies: None,
            trusted_proxies: Vec::new(),
            max_connections: 4096,
            reserved_connections: 32,
            header_read_timeout_ms: 10_000,
            request_timeout_ms: 60_000,
            idle_timeout_ms: 60_000,
            shutdown_grace_secs: 20,
            metrics_bind: None,
        }
    }
}

impl ServerConfig {
    /// Whether the console's cookie carries `Secure`.
    pub fn cookies_secure(&self) -> bool {
        self.secure_cookies.unwrap_or_else(|| {
            self.public_url
                .trim()
                .to_ascii_lowercase()
                .starts_with("https://")
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct AdminConfig {
    /// Bearer token of the admin API; empty disables the admin API.
    pub token: String,
}
