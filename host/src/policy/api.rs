//! `/admin/budgets`: the brands' business budgets and what they used
//! today (behind the admin token, like every `/admin` route).
//!
//! - `GET /admin/budgets`: every brand with budgets or usage: its budgets
//!   and today's LLM tokens;
//! - `GET /admin/budgets/{brand}`, `PUT /admin/budgets/{brand}` (a JSON
//!   [`Budgets`]; unknown fields are refused, absent ones mean no limit).

use std::sync::Arc;

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRef, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use super::{Budgets, LLM_TOKENS, Policy};
use crate::plugins::Plugins;

/// What the budget routes need: the policy store and the loaded plugins
/// (whose brands are listed even before they have budgets).
#[derive(Clone)]
pub struct BudgetsApi {
    pub policy: Policy,
    pub plugins: Arc<Plugins>,
}

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    BudgetsApi: FromRef<S>,
{
    Router::new()
        .route("/budgets", get(list))
        .route("/budgets/{brand}", get(show).put(set))
}

fn error(status: StatusCode, message: impl std::fmt::Display) -> Response {
    (status, Json(json!({ "error": message.to_string() }))).into_response()
}

fn storage(e: sqlx::Error) -> Response {
    tracing::warn!(error = %e, "budgets: storage failed");
    error(StatusCode::SERVICE_UNAVAILABLE, "storage unavailable")
}

/// A brand's budgets and today's usage.
async fn view(policy: &Policy, brand: &str, b: &Budgets) -> Result<Value, sqlx::Error> {
    Ok(json!({
        "brand": brand,
        "budgets": b,
        "today": { "llm_tokens": policy.used(brand, LLM_TOKENS, "").await? },
    }))
}

/// Every brand: those with budgets, and those with sellers.
async fn list(State(state): State<BudgetsApi>) -> Response {
    let policy = &state.policy;
    let mut all = match policy.all().await {
        Ok(all) => all,
        Err(e) => return storage(e),
    };
    for brand in state.plugins.snapshot().brands() {
        all.entry(brand).or_default();
    }
    let mut brands = Vec::new();
    for (brand, b) in &all {
        match view(policy, brand, b).await {
            Ok(v) => brands.push(v),
            Err(e) => return storage(e),
        }
    }
    Json(json!({ "brands": brands })).into_response()
}

fn brand_ok(brand: &str) -> bool {
    !brand.is_empty()
        && brand.len() <= 64
        && brand
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

async fn show(State(state): State<BudgetsApi>, Path(brand): Path<String>) -> Response {
    if !brand_ok(&brand) {
        return error(
            StatusCode::BAD_REQUEST,
            "a brand is letters, digits, - or _",
        );
    }
    let policy = &state.policy;
    let b = match policy.budgets(&brand).await {
        Ok(b) => b,
        Err(e) => return storage(e),
    };
    match view(policy, &brand, &b).await {
        Ok(v) => Json(v).into_response(),
        Err(e) => storage(e),
    }
}

async fn set(
    State(state): State<BudgetsApi>,
    Path(brand): Path<String>,
    body: Result<Json<Budgets>, JsonRejection>,
) -> Response {
    if !brand_ok(&brand) {
        return error(
            StatusCode::BAD_REQUEST,
            "a brand is letters, digits, - or _",
        );
    }
    let Json(b) = match body {
        Ok(b) => b,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                format!("budgets: {}", e.body_text()),
            );
        }
    };
    if b.max_discount_percent.is_some_and(|p| p > 100) {
        return error(
            StatusCode::BAD_REQUEST,
            "max_discount_percent is at most 100",
        );
    }
    if b.order_value_needs_human_minor.is_some_and(|v| v < 0) {
        return error(
            StatusCode::BAD_REQUEST,
            "order_value_needs_human_minor is not negative",
        );
    }
    let policy = &state.policy;
    if let Err(e) = policy.set(&brand, &b).await {
        return storage(e);
    }
    tracing::info!(%brand, budgets = ?b, "business budgets set");
    match view(policy, &brand, &b).await {
        Ok(v) => Json(v).into_response(),
        Err(e) => storage(e),
    }
}
