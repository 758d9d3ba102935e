//! The HTTP surface: health, readiness, the WhatsApp webhook, the admin API
//! and (in the demo) the WhatsApp sandbox.

mod admin;
pub(crate) mod bearer;
mod config;
pub mod ready;

pub mod metrics;
pub mod serve;

pub use config::{AdminConfig, ServerConfig};

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;

use crate::bus::Bus;
use crate::catalog::Catalog;
use crate::config::Config;
use crate::conversations::Conversations;
use crate::db::Db;
use crate::plugins::Plugins;
use crate::whatsapp::webhook;

/// What every handler can reach.
pub struct AppState {
    pub config: Config,
    pub conversations: Conversations,
    pub bus: Arc<dyn Bus>,
    pub plugins: Arc<Plugins>,
    pub catalog: Catalog,
    /// Orders, payments and shipping (admin routes, webhooks).
    pub orders: crate::orders::Orders,
    /// The WhatsApp gateway (its health is on `/admin/whatsapp`).
    pub whatsapp: Arc<crate::whatsapp::Gateway>,
    /// Events the bus gave up on (`GET /admin/events/parked`).
    pub parked: crate::bus::ParkedEvents,
    /// The database (`/readyz` pings it).
    pub db: Db,
    /// The deployment's live hosts (`GET /admin/hosts`).
    pub hosts: Arc<crate::cluster::Hosts>,

    /// Satisfaction questions and answers (`GET /admin/satisfaction`).
    pub satisfaction: crate::satisfaction::Satisfaction,
    /// Set once start-up (plugins, catalog, recovery) is complete.
    pub ready: AtomicBool,
    /// What `/readyz` last found missing (logged when it changes).
    pub readiness_log: ready::ReadinessLog,
}

/// Every route of the host.
pub fn router(state: Arc<AppState>) -> Router {
    let limit = state.config.server.body_limit_bytes;
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready::readyz))
        .route(
            "/webhooks/whatsapp",
            get(webhook::verify).post(webhook::receive),
        )
        .nest("/admin", admin::router(state.clone()))
        .merge(metrics::routes())
        .merge(crate::bus::http::routes(&state.config.bus))
        .merge(crate::orders::webhooks::routes())
        .layer(DefaultBodyLimit::max(limit))
        .with_state(state)
}
