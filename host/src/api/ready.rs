//! `GET /readyz`: 200 only while this host can serve customers — start-up
//! is over, the database answers, the bus is connected and a router plugin
//! is loaded — so Kubernetes (or any balancer) sends webhooks only to hosts
//! that can answer them. `/healthz` stays 200 while the process runs: a
//! lost database is a reason to take the host out of rotation, not to
//! restart it.
//!
//! The 503 body names what is missing (`not ready: database, bus`) and no
//! more: the route is public. The reasons are logged when they change. A
//! host of several that runs plugins unlike the others (one missing, a
//! version it cannot run) stays ready — it answers with what it has — and
//! says so: `ready; differs from the other hosts: plugins` (logged once by
//! `cluster::Hosts`). Plugins serving on baseline code while their
//! optimised code compiles in the background leave the host ready (they
//! answer) and are counted: `ready; optimising plugins: 3`.

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::Ordering;
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;

use super::AppState;
use crate::db::Db;
use crate::plugins::Plugins;

/// How long the database has to answer a probe's `SELECT 1` (Kubernetes'
/// probes time out after a few seconds; a pool exhausted for longer than
/// this is as good as down for new webhooks).
const DB_TIMEOUT: Duration = Duration::from_secs(2);

/// A part the host needs to serve customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Start-up (plugins, catalog, recovery) has not finished.
    Starting,
    Database,
    Bus,
    /// Plugins are installed but no router is loaded: no message could be
    /// routed to a seller.
    Plugins,
}

impl Part {
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Starting => "starting",
            Part::Database => "database",
            Part::Bus => "bus",
            Part::Plugins => "plugins",
        }
    }
}

/// The last answer, so a change is logged once, not at every probe.
#[derive(Debug, Default)]
pub struct ReadinessLog {
    last: Mutex<Option<Vec<Part>>>,
}

impl ReadinessLog {
    fn record(&self, missing: &[Part]) {
        let Ok(mut last) = self.last.lock() else {
            return;
        };
        if last.as_deref() == Some(missing) {
            return;
        }
        let was_reported = last.is_some();
        *last = Some(missing.to_vec());
        drop(last);
        if missing.is_empty() {
            if was_reported {
                tracing::info!("ready again");
            }
        } else {
            let parts: Vec<&str> = missing.iter().map(|p| p.as_str()).collect();
            tracing::warn!(missing = ?parts, "not ready");
        }
    }
}

/// What keeps this host from serving customers now (empty: ready).
pub async fn missing(state: &AppState) -> Vec<Part> {
    if !state.ready.load(Ordering::SeqCst) {
        return vec![Part::Starting];
    }
    let mut missing = Vec::new();
    if !database_answers(&state.db).await {
        missing.push(Part::Database);
    }
    if !state.bus.is_up() {
        missing.push(Part::Bus);
    }
    if !plugins_ready(&state.plugins) {
        missing.push(Part::Plugins);
    }
    missing
}

async fn database_answers(db: &Db) -> bool {
    let ping = sqlx::query("SELECT 1").execute(&db.pool);
    matches!(tokio::time::timeout(DB_TIMEOUT, ping).await, Ok(Ok(_)))
}

/// A router is loaded, or no plugin is installed at all (a host that only
/// stores messages, answering none, is what its operator asked for).
fn plugins_ready(plugins: &Plugins) -> bool {
    if plugins.snapshot().router().is_some() {
        return true;
    }
    plugins.store().names().map_or(true, |n| n.is_empty())
}

/// A ready host's answer: `ready`, and what it runs unlike the other
/// hosts (it answers with what it has; `/admin/hosts` has the details),
/// and how many plugins still serve on baseline code while their
/// optimised code compiles (tiered compilation: they answer, slower).
fn ready_body(state: &AppState) -> String {
    let mut body = String::from("ready");
    if !state.hosts.differs().is_empty() {
        body.push_str("; differs from the other hosts: plugins");
    }
    let optimising = state.plugins.runtime().upgrades_pending();
    if optimising > 0 {
        body.push_str(&format!("; optimising plugins: {optimising}"));
    }
    body
}

/// The `/readyz` handler.
pub async fn readyz(State(state): State<Arc<AppState>>) -> (StatusCode, String) {
    let missing = missing(&state).await;
    // Start-up is not worth a log line: every host goes through it.
    if missing != [Part::Starting] {
        state.readiness_log.record(&missing);
    }
    if missing.is_empty() {
        return (StatusCode::OK, ready_body(&state));
    }
    let parts: Vec<&str> = missing.iter().map(|p| p.as_str()).collect();
    (
        StatusCode::SERVICE_UNAVAILABLE,
        format!("not ready: {}", parts.join(", ")),
    )
}
