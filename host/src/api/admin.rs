//! `/admin/*`: operator API, behind a bearer token from config.

use std::sync::Arc;

use axum::extract::rejection::JsonRejection;
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::plugins as plugin_ops;
use crate::web::ApiError;

use super::AppState;

/// Largest `PUT /admin/plugins/{name}` body (a base64 component).
const UPLOAD_LIMIT: usize = 64 << 20;

pub fn router(state: Arc<AppState>) -> Router<Arc<AppState>> {
    Router::new()
        .route("/plugins", get(plugins))
        .route("/hosts", get(hosts))
        .route(
            "/plugins/{name}",
            put(upload_plugin)
                .delete(delete_plugin)
                .layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route("/plugins/{name}/rollback", post(rollback_plugin))
        .route("/plugins/{name}/logs", get(plugin_logs))
        .route(
            "/plugins/{name}/shadow",
            get(shadow_report).delete(drop_shadow),
        )
        .route("/plugins/{name}/shadow/promote", post(promote_shadow))
        .route("/whatsapp", get(whatsapp))
        .route("/llm", get(llm_usage))
        .route("/conversations", get(conversations))
        .route("/conversations/{id}", get(conversation))
        .route("/events/parked", get(parked_events))
        .route("/satisfaction", get(satisfaction))
        .merge(crate::orders::api::routes(
            crate::orders::api::OrdersAdmin {
                orders: state.orders.clone(),
                catalog: state.catalog.clone(),
            },
        ))
        .merge(crate::policy::api::routes())
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
    let given = crate::web::bearer::token(request.headers()).unwrap_or_default();
    let ok = crate::web::bearer::token_eq(given.as_bytes(), expected);
    if !ok {
        let mut refused = error(
            StatusCode::UNAUTHORIZED,
            "missing or wrong admin bearer token",
        );
        // A refused upload's body is never read, so the server closes the
        // connection after this answer: say so, or a client may send its
        // next request on a connection that is closing (and lose it).
        if carries_a_body(&request) {
            refused.headers_mut().insert(
                axum::http::header::CONNECTION,
                axum::http::HeaderValue::from_static("close"),
            );
        }
        return refused;
    }
    next.run(request).await
}

fn carries_a_body(request: &Request) -> bool {
    let headers = request.headers();
    headers.contains_key(axum::http::header::TRANSFER_ENCODING)
        || headers
            .get(axum::http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim() != "0")
}

/// Every loaded plugin: its active version with its turn counters, its
/// canary, its kept versions; what failed to load and why; the compiled
/// cache's counters.
async fn plugins(State(state): State<Arc<AppState>>) -> Json<Value> {
    let plugins = &state.plugins;
    let snapshot = plugins.snapshot();
    let stats = plugins.stats();
    let loaded: Vec<Value> = snapshot
        .plugins
        .values()
        .map(|p| {
            let name = &p.manifest.name;
            let id = plugin_ops::version_id(p);
            let active = stats.version(name, &id);
            let history = plugins.store().history(name);
            let versions: Vec<Value> = history
                .iter()
                .rev()
                .map(|v| {
                    let mut s = stats.version(name, v).json();
                    s["id"] = json!(v);
                    s["active"] = json!(*v == id);
                    s
                })
                .collect();
            let counters = active.json();
            json!({
                "name": name,
                "kind": p.manifest.kind.as_str(),
                "brand": p.manifest.brand,
                "version": p.manifest.version,
                "version_id": id,
                "contract": p.contract.version(),
                "digest": p.digest,
                "state": if snapshot.canaries.contains_key(name) { "canary" } else { "active" },
                "loaded_at": p.loaded_at.to_rfc3339(),
                "tier": p.tier().as_str(),
                "turns": counters["turns"],
                "errors": counters["errors"],
                "last_error": counters["last_error"],
                "canary": snapshot.canaries.get(name).map(|c| c.json()),
                "shadow": snapshot.shadows.get(name).map(|s| json!({
                    "version": s.manifest.version,
                    "version_id": plugin_ops::version_id(s),
                    "digest": s.digest,
                })),
                "versions": versions,
                "limits": {
                    "cpu_ms": p.limits.cpu.as_millis() as u64,
                    "memory_bytes": p.limits.memory_bytes,
                    "reply_bytes": p.limits.reply_bytes,
                    "reply_actions": p.limits.reply_actions,
                },
                "denied_calls": p.audit.denied_calls(),
                "denied_by_capability": p.audit.denied_by_capability(),
            })
        })
        .collect();
    let failed: Vec<Value> = plugins
        .failures()
        .into_iter()
        .map(|f| json!({ "name": f.plugin, "state": "failed", "error": f.reason, "path": f.path }))
        .collect();
    let hosts = state.hosts.list().await.unwrap_or_else(|e| {
        tracing::warn!(error = %e, "hosts not listed");
        Vec::new()
    });
    Json(
        json!({ "plugins": loaded, "failed": failed, "cache": plugins.cache_stats().json(), "upgrades_pending": plugins.runtime().upgrades_pending(), "hosts": hosts }),
    )
}

/// `GET /admin/hosts`: every live host of the deployment (this one first),
/// the plugin versions each runs and its last heartbeat.
async fn hosts(State(state): State<Arc<AppState>>) -> Response {
    match state.hosts.list().await {
        Ok(hosts) => Json(json!({ "this": state.hosts.id(), "hosts": hosts })).into_response(),
        Err(e) => error(
            StatusCode::SERVICE_UNAVAILABLE,
            format!("the hosts table cannot be read: {e}"),
        ),
    }
}

/// `PUT /admin/plugins/{name}`: a JSON body
/// `{"manifest": "<plugin.toml text>", "component": "<base64 wasm>", "canary": 10}`
/// (`canary`, a percentage of customers, optional; or `"shadow": true`: the
/// version only gets a copy of live turns, compared with the active
/// version's). 200 with the version now serving; 400 for a malformed
/// request, 409 for a conflict, 422 with `stage` and `error` when the
/// component is refused (the old version keeps serving).
#[derive(Debug, Deserialize)]
struct Upload {
    manifest: String,
    component: String,
    #[serde(default)]
    canary: Option<u8>,
    #[serde(default)]
    shadow: bool,
}

fn error(status: StatusCode, message: impl std::fmt::Display) -> Response {
    ApiError::new(status, message).into_response()
}

/// A 400 when `name` is not a valid plugin name: it becomes a directory
/// under the plugins dir, so it is checked before anything touches the disk.
fn name_refused(name: &str) -> Option<Response> {
    let e = plugin_ops::names::check_name(name).err()?;
    tracing::warn!(error = %e, "admin: plugin name refused");
    Some(error(StatusCode::BAD_REQUEST, e))
}

async fn upload_plugin(
    State(state): State<Arc<AppState>>,
    Path(name): Path<String>,
    body: Result<Json<Upload>, JsonRejection>,
) -> Response {
    let Json(upload) = match body {
        Ok(b) => b,
        Err(e) => return error(StatusCode::BAD_REQUEST, e.body_text()),
    };
    if let Some(r) = name_refused(&name) {
        return r;
    }
    use base64::Engine as _;
    let bytes = match base64::engine::general_purpose::STANDARD.decode(upload.component.trim()) {
        Ok(b) => b,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                format!("component is not base64: {e}"),
            );
        }
    };
    let source = match plugin_ops::Source::new(&upload.manifest, bytes) {
        Ok(s) => s,
        Err(e) => return error(StatusCode::BAD_REQUEST, e),
    };
    if source.manifest.name != name {
        return error(
            StatusCode::BAD_REQUEST,
            format!(
                "the manifest names {:?}, the URL {name:?}",
                source.manifest.name
            ),
        );
    }
    if upload.canary.is_some_and(|p| p == 0 || p > 100) {
        return error(StatusCode::BAD_REQUEST, "canary must be 1-100 (percent)");
    }
    if upload.shadow && upload.canary.is_some() {
        return error(
            StatusCode::BAD_REQUEST,
            "a version is pushed as a canary or as a shadow, not both",
        );
    }
    let installed = if upload.shadow {
        state.plugins.install_shadow(source, false).await
    } else {
        state.plugins.install(source, upload.canary).await
    };
    match installed {
        Ok(a) => {
            share_release(&state, &name).await;
            Json(json!(a)).into_response()
        }
        Err(r) => {
            let status = match r.stage {
                "conflict" => StatusCode::CONFLICT,
                "store" => StatusCode::INTERNAL_SERVER_ERROR,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            ApiError::new(status, r.reason)
                .with("stage", r.stage)
                .into_response()
        }
    }
}

fn ops_error(e: plugin_ops::OpsError) -> Response {
    use plugin_ops::{OpsError, VersionStoreError};
    let status = match &e {
        OpsError::NotFound(_)
        | OpsError::NoShadow(_)
        | OpsError::Store(VersionStoreError::NotInstalled(_)) => StatusCode::NOT_FOUND,
        OpsError::Store(VersionStoreError::NoEarlierVersion(_)) => StatusCode::CONFLICT,
        OpsError::Store(VersionStoreError::Name(_)) => StatusCode::BAD_REQUEST,
        OpsError::Refused(_) => StatusCode::UNPROCESSABLE_ENTITY,
        OpsError::Store(_) => StatusCode::INTERNAL_SERVER_ERROR,
    };
    error(status, e)
}

/// `POST /admin/plugins/{name}/rollback`: back one version (a running canary
/// is dropped first).
async fn rollback_plugin(State(state): State<Arc<AppState>>, Path(name): Path<String>) -> Response {
    if let Some(r) = name_refused(&name) {
        return r;
    }
    match state.plugins.rollback(&name).await {
        Ok(a) => {
            share_release(&state, &name).await;
            Json(json!(a)).into_response()
        }
        Err(e) => ops_error(e),
    }
}

/// On a multi-host deployment, what now serves `name` here becomes its
/// release for every host (logged when that fails: this host already
/// serves it, the others catch up at their next check).
async fn share_release(state: &AppState, name: &str) {
    if let Some(releases) = state.hosts.releases()
        && let Err(e) = releases.publish(name).await
    {
        tracing::error!(plugin = %name, error = %e, "plugin release not shared with the other hosts");
    }
}

/// `DELETE /admin/plugins/{name}`: unload it and delete its versions.
async fn delete_plugin(State(state): State<Arc<AppState>>, Path(name): Path<String>) -> Response {
    if let Some(r) = name_refused(&name) {
        return r;
    }
    match state.plugins.remove(&name).await {
        Ok(()) => {
            // Every host of a deployment unloads it too.
            if let Some(releases) = state.hosts.releases()
                && let Err(e) = releases.withdraw(&name).await
            {
                tracing::error!(plugin = %name, error = %e, "plugin removal not shared with the other hosts");
            }
            Json(json!({ "name": name, "state": "removed" })).into_response()
        }
        Err(e) => ops_error(e),
    }
}

/// `GET /admin/plugins/{name}/shadow`: its shadow version against the
/// active one on live turns (every host's): turns compared, agreeing,
/// differing, failed and dropped, the agreement rate, and the differing
/// and failed turns with their differences. 404 without a shadow here.
async fn shadow_report(State(state): State<Arc<AppState>>, Path(name): Path<String>) -> Response {
    if let Some(r) = name_refused(&name) {
        return r;
    }
    let snapshot = state.plugins.snapshot();
    let Some(shadow) = snapshot.shadows.get(&name) else {
        return ops_error(plugin_ops::OpsError::NoShadow(name));
    };
    let active = snapshot
        .plugins
        .get(&name)
        .map(|p| plugin_ops::version_id(p));
    match crate::replay::shadow::ShadowResults::new(state.db.clone())
        .report(shadow, active)
        .await
    {
        Ok(report) => Json(json!(report)).into_response(),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e),
    }
}

/// `POST /admin/plugins/{name}/shadow/promote`: the shadow version becomes
/// the active one for every customer (on every host).
async fn promote_shadow(State(state): State<Arc<AppState>>, Path(name): Path<String>) -> Response {
    if let Some(r) = name_refused(&name) {
        return r;
    }
    match state.plugins.promote_shadow(&name).await {
        Ok(a) => {
            share_release(&state, &name).await;
            Json(json!(a)).into_response()
        }
        Err(e) => ops_error(e),
    }
}

/// `DELETE /admin/plugins/{name}/shadow`: stop the shadow version (on
/// every host); the active version is untouched.
async fn drop_shadow(State(state): State<Arc<AppState>>, Path(name): Path<String>) -> Response {
    if let Some(r) = name_refused(&name) {
        return r;
    }
    match state.plugins.drop_shadow(&name).await {
        Ok(a) => {
            share_release(&state, &name).await;
            Json(json!({ "name": name, "version": a.version, "digest": a.digest, "state": "dropped" }))
                .into_response()
        }
        Err(e) => ops_error(e),
    }
}

#[derive(Debug, Deserialize)]
struct LogsQuery {
    #[serde(default)]
    limit: Option<usize>,
}

/// `GET /admin/plugins/{name}/logs?limit=N`: its recent failed turns and
/// operations (loads, refusals, rollbacks, canary decisions, quarantines).
async fn plugin_logs(
    State(state): State<Arc<AppState>>,
    Path(name): Path<String>,
    Query(q): Query<LogsQuery>,
) -> Response {
    if let Some(r) = name_refused(&name) {
        return r;
    }
    let limit = q.limit.unwrap_or(50);
    let mut logs: Vec<Value> = state
        .plugins
        .stats()
        .logs(&name, limit)
        .into_iter()
        .filter_map(|l| serde_json::to_value(l).ok())
        .collect();
    // The policy's decisions on its intents (every host's: they are in the
    // database), merged in time order.
    match crate::policy::Policy::new(state.db.clone())
        .intents(&name, limit, false)
        .await
    {
        Ok(intents) => logs.extend(intents.into_iter().map(|i| {
            let event = if i.approved {
                "intent_approved"
            } else {
                "intent_denied"
            };
            json!({
                "at": i.at,
                "event": event,
                "version": i.version,
                "message": format!("{} {}: {}", i.intent, i.detail, i.reason),
                "intent": i,
            })
        })),
        Err(e) => tracing::warn!(plugin = %name, error = %e, "intent audit not read"),
    }
    logs.sort_by(|a, b| a["at"].as_str().cmp(&b["at"].as_str()));
    let skip = logs.len().saturating_sub(limit);
    let logs: Vec<Value> = logs.into_iter().skip(skip).collect();
    Json(json!({ "name": name, "logs": logs })).into_response()
}

/// LLM usage per brand (the router's under `router`): requests, failures,
/// tokens today and in all, tool calls, grounding corrections/violations.
async fn llm_usage(State(state): State<Arc<AppState>>) -> Json<Value> {
    let llm = &state.plugins.services().llm;
    Json(json!({ "available": llm.is_available(), "brands": llm.usage() }))
}

/// The gateway's health: whether sending is halted (Meta refused the
/// access token) and how many messages wait in the outbox.
async fn whatsapp(State(state): State<Arc<AppState>>) -> Response {
    let halted = state.whatsapp.is_halted();
    match state.conversations.outbox_len().await {
        Ok(queued) => Json(json!({
            "sending": if halted { "halted" } else { "ok" },
            "halted_reason": halted.then_some("the Graph API refused the access token (190): replace whatsapp.access_token and restart"),
            "outbox": queued,
        }))
        .into_response(),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e),
    }
}

/// Satisfaction per brand (questions, answers, average 1-5) and the
/// latest answers.
async fn satisfaction(State(state): State<Arc<AppState>>) -> Response {
    match state.satisfaction.report(200).await {
        Ok((brands, surveys)) => {
            Json(json!({ "brands": brands, "surveys": surveys })).into_response()
        }
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e),
    }
}

async fn conversations(State(state): State<Arc<AppState>>) -> Response {
    match state.conversations.list(200).await {
        Ok(list) => Json(json!({ "conversations": list })).into_response(),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e),
    }
}

async fn conversation(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    let conversation = match state.conversations.get(&id).await {
        Ok(c) => c,
        Err(crate::conversations::ConversationError::NotFound(_)) => {
            return error(StatusCode::NOT_FOUND, "no such conversation");
        }
        Err(e) => return error(StatusCode::INTERNAL_SERVER_ERROR, e),
    };
    let history = state
        .conversations
        .history(&id, 100, None)
        .await
        .unwrap_or_default();
    Json(json!({
        "conversation": conversation,
        "history": history,
        "cart": crate::dialogue::cart_json(
            &crate::orders::Carts::new(state.orders.db().clone(), state.catalog.clone()),
            &id,
        )
        .await,
        "dialogue": crate::dialogue::dialogue_json(
            &state.conversations,
            &id,
            conversation.brand.as_deref(),
        )
        .await,
    }))
    .into_response()
}

/// `GET /admin/events/parked?group=&type=&limit=`: the bus owns the listing;
/// this hands it its substate (a foreign type cannot be `FromRef` of ours).
async fn parked_events(
    State(state): State<Arc<AppState>>,
    filter: axum::extract::Query<crate::bus::parked::ParkedFilter>,
) -> axum::response::Response {
    crate::bus::parked::list(State(state.parked.clone()), filter).await
}
