//! `/admin/*`: operator API, behind a bearer token from config.

use std::sync::Arc;

use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use super::AppState;

pub fn router(state: Arc<AppState>) -> Router<Arc<AppState>> {
    Router::new()
        .route("/plugins", get(plugins))
        .route("/conversations", get(conversations))
        .route("/conversations/{id}", get(conversation))
        .merge(crate::orders::api::routes())
        .layer(middleware::from_fn_with_state(state, require_token))
}

/// 401 unless `Authorization: Bearer <admin.token>`; an empty configured
/// token disables the admin API altogether.
async fn require_token(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let expected = state.config.admin.token.as_bytes();
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default()
        .as_bytes();
    let ok = !expected.is_empty()
        && given.len() == expected.len()
        && given
            .iter()
            .zip(expected)
            .fold(0u8, |a, (x, y)| a | (x ^ y))
            == 0;
    if !ok {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({ "error": "missing or wrong admin bearer token" })),
        )
            .into_response();
    }
    next.run(request).await
}

async fn plugins(State(state): State<Arc<AppState>>) -> Json<Value> {
    let snapshot = state.plugins.snapshot();
    let loaded: Vec<Value> = snapshot
        .plugins
        .values()
        .map(|p| {
            json!({
                "name": p.manifest.name,
                "kind": p.manifest.kind.as_str(),
                "brand": p.manifest.brand,
                "version": p.manifest.version,
                "digest": p.digest,
                "state": "active",
                "loaded_at": p.loaded_at.to_rfc3339(),
            })
        })
        .collect();
    let failed: Vec<Value> = state
        .plugins
        .failures()
        .into_iter()
        .map(|f| json!({ "name": f.plugin, "state": "failed", "error": f.reason, "path": f.path }))
        .collect();
    Json(json!({ "plugins": loaded, "failed": failed }))
}

async fn conversations(State(state): State<Arc<AppState>>) -> Response {
    match state.conversations.list(200).await {
        Ok(list) => Json(json!({ "conversations": list })).into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            Json(json!({ "error": e.to_string() })),
        )
            .into_response(),
    }
}

async fn conversation(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    let conversation = match state.conversations.get(&id).await {
        Ok(c) => c,
        Err(crate::conversations::StoreError::NotFound(_)) => {
            return (
                StatusCode::NOT_FOUND,
                Json(json!({ "error": "no such conversation" })),
            )
                .into_response();
        }
        Err(e) => {
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                Json(json!({ "error": e.to_string() })),
            )
                .into_response();
        }
    };
    let history = state
        .conversations
        .history(&id, 100, None)
        .await
        .unwrap_or_default();
    Json(json!({ "conversation": conversation, "history": history })).into_response()
}
