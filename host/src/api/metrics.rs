//! `GET /metrics`: the Prometheus scrape (docs/metrics.md).
//!
//! On the main listener it takes `Authorization: Bearer
//! <telemetry.metrics_token>` (an operator route, like `/admin`, but with a
//! token that grants nothing else: Prometheus never holds the admin
//! token). `server.metrics_bind` serves the same text on a port of its own
//! without a token, for a scrape inside the cluster.
//!
//! The gauges read from storage and the bus (outbox depth, parked events,
//! events waiting per consumer group) are
//! refreshed at scrape time, each bounded by [`GATHER_TIMEOUT`]: a slow or
//! closed database or broker (a scrape during shutdown) leaves their last values
//! and counts a `metrics_gather` telemetry error; the scrape still answers.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::AppState;
use crate::telemetry::metrics;

/// How long one storage read of a scrape may take.
pub const GATHER_TIMEOUT: Duration = Duration::from_secs(2);

/// `GET /metrics` behind the metrics token.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new().route("/metrics", get(with_token))
}

/// The dedicated listener's router: `GET /metrics` only, no token.
pub fn open_router(state: Arc<AppState>) -> Router {
    Router::new().route("/metrics", get(open)).with_state(state)
}

async fn with_token(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let expected = state.config.telemetry.metrics_token.as_bytes();
    let given = crate::web::bearer::token(&headers).unwrap_or_default();
    if !crate::web::bearer::token_eq(given.as_bytes(), expected) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            "missing or wrong metrics bearer token\n",
        )
            .into_response();
    }
    render(&state).await
}

async fn open(State(state): State<Arc<AppState>>) -> Response {
    render(&state).await
}

/// Refresh the scrape-time gauges, then encode everything. The request's
/// `Accept` header is not read: the one format served is OpenMetrics
/// text, which Prometheus asks for and accepts.
pub async fn render(state: &AppState) -> Response {
    refresh(state).await;
    match metrics::get().encode() {
        Ok(text) => ([(header::CONTENT_TYPE, metrics::CONTENT_TYPE)], text).into_response(),
        Err(e) => {
            metrics::telemetry_failed("metrics_encode", &e);
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn refresh(state: &AppState) {
    let m = metrics::get();
    m.whatsapp_halted.set(i64::from(state.whatsapp.is_halted()));
    let snapshot = state.plugins.snapshot();
    let mut serving: Vec<(String, String, &'static str)> = snapshot
        .plugins
        .values()
        .map(|p| {
            (
                p.manifest.name.clone(),
                p.manifest.version.clone(),
                "active",
            )
        })
        .collect();
    serving.extend(snapshot.canaries.values().map(|c| {
        (
            c.plugin.manifest.name.clone(),
            c.plugin.manifest.version.clone(),
            "canary",
        )
    }));
    drop(snapshot);
    metrics::set_plugin_states(&serving);
    metrics::set_db_connections(&state.db.pool_use());
    match tokio::time::timeout(GATHER_TIMEOUT, state.conversations.outbox_len()).await {
        Ok(Ok(n)) => {
            m.outbox_depth.set(i64::try_from(n).unwrap_or(i64::MAX));
        }
        Ok(Err(e)) => metrics::telemetry_failed("metrics_gather", &e),
        Err(_) => metrics::telemetry_failed("metrics_gather", &"outbox depth: timed out"),
    }
    match tokio::time::timeout(GATHER_TIMEOUT, state.bus.lag()).await {
        Ok(Ok(lags)) => metrics::set_bus_lag_events(&lags),
        Ok(Err(e)) => metrics::telemetry_failed("metrics_gather", &e),
        Err(_) => metrics::telemetry_failed("metrics_gather", &"bus lag: timed out"),
    }
    let filter = crate::bus::parked::ParkedFilter {
        limit: Some(1),
        ..Default::default()
    };
    match tokio::time::timeout(GATHER_TIMEOUT, state.parked.list(&filter)).await {
        Ok(Ok((n, _))) => {
            m.bus_parked_stored.set(n);
        }
        Ok(Err(e)) => metrics::telemetry_failed("metrics_gather", &e),
        Err(_) => metrics::telemetry_failed("metrics_gather", &"parked events: timed out"),
    }
}
