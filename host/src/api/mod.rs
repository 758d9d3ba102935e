//! The HTTP surface: health, readiness and the admin API, composed with
//! the routes each capability owns (the WhatsApp webhook, `/events`, the
//! payment and carrier webhooks, the orders admin). A capability's
//! `routes()` asks for its own substate ([`FromRef`]), never for
//! [`AppState`]: the impls below hand each one out.

mod admin;
pub mod ready;

pub mod metrics;
pub mod serve;

pub use crate::web::{AdminConfig, ServerConfig};

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRef};
use axum::routing::get;

use crate::bus::Bus;
use crate::catalog::Catalog;
use crate::config::Config;
use crate::conversations::Conversations;
use crate::db::Db;
use crate::plugins::Plugins;
use crate::whatsapp::webhook::{self, WebhookState};

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

    /// The WhatsApp webhook's own state.
    pub webhook: WebhookState,
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
    let events = crate::bus::http::routes(&state.config.bus, state.bus.clone(), limit);
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready::readyz))
        .merge(webhook::routes(state.webhook.clone()))
        .nest("/admin", admin::router(state.clone()))
        .merge(metrics::routes())
        .merge(events)
        .merge(crate::orders::webhooks::routes(state.orders.clone()))
        .layer(DefaultBodyLimit::max(limit))
        .with_state(state)
}

impl FromRef<Arc<AppState>> for crate::policy::api::BudgetsApi {
    fn from_ref(state: &Arc<AppState>) -> Self {
        Self {
            policy: crate::policy::Policy::new(state.db.clone()),
            plugins: state.plugins.clone(),
        }
    }
}
