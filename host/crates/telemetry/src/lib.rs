//! Logging set-up: `tracing` to stderr, human-readable or JSON lines;
//! Prometheus metrics ([`metrics`]) and OpenTelemetry traces ([`tracing`]).

pub mod mask;
pub mod metrics;
pub mod tracing;

use serde::{Deserialize, Serialize};
use tracing_subscriber::EnvFilter;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct LogConfig {
    /// `pretty` or `json`.
    pub format: String,
    /// A `tracing` filter, e.g. `info,agent_store=debug`; `RUST_LOG` wins.
    pub filter: String,
}

impl Default for LogConfig {
    fn default() -> Self {
        Self {
            format: "pretty".into(),
            filter: "info,tantivy=warn".into(),
        }
    }
}

/// Metrics and traces (`[telemetry]`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct TelemetryConfig {
    /// Record metrics (on by default). Off, nothing is counted and
    /// `/metrics` serves only what it reads at scrape time: for measuring
    /// what the metrics cost (BENCHMARKS.md), not for production.
    pub metrics: bool,
    /// Bearer token Prometheus sends to `GET /metrics` on the main
    /// listener; empty answers 401 there. (`server.metrics_bind` serves
    /// the metrics without one on a port of their own.)
    pub metrics_token: String,
    /// OTLP/HTTP endpoint of a trace collector (`http://collector:4318`);
    /// empty: `OTEL_EXPORTER_OTLP_ENDPOINT`, else tracing is off.
    pub otlp_endpoint: String,
}

impl Default for TelemetryConfig {
    fn default() -> Self {
        Self {
            metrics: true,
            metrics_token: String::new(),
            otlp_endpoint: String::new(),
        }
    }
}

/// Install the global subscriber (once; later calls are ignored): logs
/// to stderr, and OpenTelemetry traces when an OTLP endpoint is set; and
/// turn metrics recording on or off (`telemetry.metrics`) for the process.
/// Call it inside the Tokio runtime (traces are sent from it).
pub fn init(config: &LogConfig, telemetry: &TelemetryConfig) {
    use tracing_subscriber::Layer as _;
    use tracing_subscriber::layer::SubscriberExt as _;
    use tracing_subscriber::util::SubscriberInitExt as _;

    self::metrics::set_enabled(telemetry.metrics);
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(&config.filter))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let fmt = tracing_subscriber::fmt::layer().with_writer(std::io::stderr);
    let fmt = if config.format == "json" {
        fmt.json().boxed()
    } else {
        fmt.compact().boxed()
    };
    let endpoint = self::tracing::endpoint(telemetry);
    let provider = endpoint.as_deref().map(self::tracing::provider).transpose();
    let (provider, error) = match provider {
        Ok(p) => (p, None),
        Err(e) => (None, Some(e)),
    };
    // The log filter is the log layer's own: the trace layer has its own
    // (the host's spans at info and above), so `log.filter = "warn"`
    // still exports whole traces.
    let _ = tracing_subscriber::registry()
        .with(
            provider
                .as_ref()
                .map(self::tracing::layer::<tracing_subscriber::Registry>),
        )
        .with(fmt.with_filter(filter))
        .try_init();
    match (endpoint, error) {
        (_, Some(e)) => ::tracing::warn!(error = %e, "traces are off"),
        (Some(url), None) => ::tracing::info!(endpoint = %url, "traces exported over OTLP/HTTP"),
        (None, None) => {}
    }
}
