//! `/console` and its JSON API `/console/api/*`.
//!
//! Every API route needs a session; every POST also its CSRF token (header
//! `X-CSRF-Token`) and, when the browser sends one, a same-host `Origin`.
//! Brand scope is enforced here: a conversation or escalation outside the
//! rep's brands answers 404, as if it did not exist.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use futures::Stream;
use serde::Deserialize;
use serde_json::{Value, json};
use sqlx::Row;
use tokio_stream::StreamExt as _;
use tokio_stream::wrappers::BroadcastStream;

use super::assistant::{CartView, ProductView};
use super::auth::{self, Session};
use super::escalations::Escalation;
use super::reports;
use super::users::{MAX_PASSWORD_BYTES, Role, Scope, User, valid_name};
use super::{Notice, Sales, SalesError, page, signin};
use crate::catalog::SearchQuery;
use crate::chat::{Action, Speaker};
use crate::conversations::{Conversation, ConversationError};
use crate::events::{
    OrderCreate, OutboundMessage, SalesEscalationAccepted, SalesEscalationResolved, SalesHandoff,
};
use crate::web::ApiError;
use crate::whatsapp::outbound::{self, RenderContext};

/// Why a console API call failed (answered as the host's one
/// [`ApiError`]).
#[derive(Debug)]
pub(super) enum ConsoleError {
    Unauthorized,
    Forbidden(&'static str),
    NotFound,
    Conflict(String),
    TooMany(Duration),
    /// Sign-in's hashing queue is full.
    Busy(Duration),
    Bad(String),
    Internal(String),
}

impl From<SalesError> for ConsoleError {
    fn from(e: SalesError) -> Self {
        match e {
            SalesError::Invalid(m) => ConsoleError::Bad(m),
            SalesError::Conversations(ConversationError::NotFound(_)) => ConsoleError::NotFound,
            SalesError::Cart(c) => ConsoleError::Bad(c.to_string()),
            e => ConsoleError::Internal(e.to_string()),
        }
    }
}

impl From<ConversationError> for ConsoleError {
    fn from(e: ConversationError) -> Self {
        SalesError::from(e).into()
    }
}

impl IntoResponse for ConsoleError {
    fn into_response(self) -> Response {
        let error = match self {
            ConsoleError::Unauthorized => ApiError::new(StatusCode::UNAUTHORIZED, "sign in first"),
            ConsoleError::Forbidden(m) => ApiError::new(StatusCode::FORBIDDEN, m),
            ConsoleError::NotFound => ApiError::not_found("not found"),
            ConsoleError::Conflict(m) => ApiError::conflict(m),
            ConsoleError::Bad(m) => ApiError::bad_request(m),
            ConsoleError::TooMany(retry) | ConsoleError::Busy(retry) => {
                let message = if matches!(self, ConsoleError::Busy(_)) {
                    "sign-in is busy: try again in a moment"
                } else {
                    "too many failed sign-ins: try again later"
                };
                let error = ApiError::new(StatusCode::TOO_MANY_REQUESTS, message);
                match HeaderValue::from_str(&retry.as_secs().max(1).to_string()) {
                    Ok(v) => error.header(header::RETRY_AFTER, v),
                    Err(_) => error,
                }
            }
            ConsoleError::Internal(m) => {
                tracing::error!(error = %m, "console API failed");
                ApiError::internal("internal error")
            }
        };
        error.into_response()
    }
}

type ConsoleResult<T> = Result<T, ConsoleError>;

/// Each kind of sign-in refusal is logged at most this often.
const REFUSAL_LOG_EVERY: Duration = Duration::from_secs(60);

impl Sales {
    /// Every route of the console, with its own state (merge it into the
    /// host's router).
    pub fn routes(&self) -> Router {
        Router::new()
            .route("/console", get(page::index))
            .route("/console/", get(page::index))
            .route("/console/assets/app.css", get(page::css))
            .route("/console/assets/app.js", get(page::js))
            .route("/console/api/login", post(login))
            .route("/console/api/logout", post(logout))
            .route("/console/api/me", get(me))
            .route("/console/api/events", get(events))
            .route("/console/api/escalations", get(escalations))
            .route("/console/api/escalations/{id}/accept", post(accept))
            .route("/console/api/escalations/{id}/resolve", post(resolve))
            .route("/console/api/escalations/{id}/handback", post(hand_back))
            .route("/console/api/conversations/{id}", get(conversation))
            .route("/console/api/conversations/{id}/messages", post(reply))
            .route("/console/api/conversations/{id}/cart", post(add_to_cart))
            .route("/console/api/conversations/{id}/order", post(place_order))
            .route("/console/api/conversations/{id}/assist", get(assist))
            .route(
                "/console/api/conversations/{id}/regression",
                post(mark_regression).delete(unmark_regression),
            )
            .route("/console/api/products", get(products))
            .route("/console/api/reports", get(report_json))
            .route("/console/api/reports.csv", get(report_csv))
            .route("/console/api/budgets", get(budgets))
            .route("/console/api/shadows", get(shadows))
            .route("/console/api/users", get(users).post(add_user))
            .with_state(self.clone())
    }

    async fn signed_in(&self, headers: &HeaderMap) -> ConsoleResult<Session> {
        self.session(headers)
            .await?
            .ok_or(ConsoleError::Unauthorized)
    }

    /// A state-changing request: same origin, signed in, right CSRF token.
    async fn guard_post(&self, headers: &HeaderMap) -> ConsoleResult<Session> {
        if auth::cross_origin(headers) {
            return Err(ConsoleError::Forbidden("cross-origin request refused"));
        }
        let session = self.signed_in(headers).await?;
        let given = headers
            .get(auth::CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !auth::same_secret(given, &session.csrf) {
            return Err(ConsoleError::Forbidden("missing or wrong CSRF token"));
        }
        Ok(session)
    }

    async fn conversation_for(&self, user: &User, id: &str) -> ConsoleResult<Conversation> {
        let c = self.inner.deps.conversations.get(id).await?;
        if !user.allows(c.brand.as_deref()) {
            tracing::warn!(user = %crate::telemetry::mask::name(&user.name), conversation = %id, brand = ?c.brand, "conversation outside the user's brands");
            return Err(ConsoleError::NotFound);
        }
        Ok(c)
    }

    async fn escalation_for(&self, user: &User, id: &str) -> ConsoleResult<Escalation> {
        let e = self
            .inner
            .escalations
            .get(id)
            .await?
            .ok_or(ConsoleError::NotFound)?;
        if !user.allows(e.brand.as_deref()) {
            tracing::warn!(user = %crate::telemetry::mask::name(&user.name), escalation = %id, brand = ?e.brand, "escalation outside the user's brands");
            return Err(ConsoleError::NotFound);
        }
        Ok(e)
    }
}

fn user_json(u: &User) -> Value {
    json!({ "name": u.name, "role": u.role, "brands": match &u.scope { Scope::All => json!("*"), Scope::Brands(b) => json!(b) } })
}

#[derive(Deserialize)]
struct LoginBody {
    name: String,
    password: String,
}

async fn login(
    State(s): State<Sales>,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    Json(body): Json<LoginBody>,
) -> ConsoleResult<Response> {
    if auth::cross_origin(&headers) {
        return Err(ConsoleError::Forbidden("cross-origin request refused"));
    }
    let name = body.name.trim();
    // Checked before any lookup, hashing, limiter entry or log line.
    if !valid_name(name) || body.password.len() > MAX_PASSWORD_BYTES {
        if let Some(suppressed) = s.inner.refusal_logs[0].log_now(REFUSAL_LOG_EVERY) {
            tracing::warn!(
                name_bytes = body.name.len(),
                password_bytes = body.password.len(),
                suppressed,
                "sign-in refused: malformed name or password"
            );
        }
        return Err(ConsoleError::Bad(format!(
            "user names are 1-64 letters, digits, '.', '_', '-' or '@'; passwords at most {MAX_PASSWORD_BYTES} bytes"
        )));
    }
    let o = s.options();
    let policy = o.signin_policy();
    let client = signin::client_ip(
        connect.map(|Extension(ConnectInfo(a))| a),
        &headers,
        &o.trusted_proxies,
    );
    if let Err(refused) = s.inner.limiter.check(name, client, &policy).await {
        if let Some(suppressed) = s.inner.refusal_logs[1].log_now(REFUSAL_LOG_EVERY) {
            tracing::warn!(user = %crate::telemetry::mask::name(name), %client, ?refused, suppressed, "sign-in refused: too many failures");
        }
        return Err(ConsoleError::TooMany(refused.retry_after()));
    }
    let found = s.users().get_with_hash(name).await?;
    let hash = found.as_ref().map(|(_, h)| h.clone());
    let ok = match s.inner.hasher.verify(&body.password, hash).await {
        Ok(ok) => ok,
        Err(signin::Busy) => {
            if let Some(suppressed) = s.inner.refusal_logs[2].log_now(REFUSAL_LOG_EVERY) {
                tracing::warn!(%client, suppressed, "sign-in refused: the hashing queue is full");
            }
            return Err(ConsoleError::Busy(Duration::from_secs(1)));
        }
    };
    let Some((user, _)) = found.filter(|_| ok) else {
        s.inner.limiter.failed(name, client, &policy).await;
        tracing::warn!(user = %crate::telemetry::mask::name(name), %client, "sign-in failed");
        return Ok(
            ApiError::new(StatusCode::UNAUTHORIZED, "wrong name or password").into_response(),
        );
    };
    s.inner.limiter.succeeded(name, client).await;
    let (token, csrf) = s.open_session(&user).await?;
    tracing::info!(user = %crate::telemetry::mask::name(&user.name), role = user.role.as_str(), %client, "signed in");
    let cookie = auth::set_cookie(&token, o.session_ttl, o.secure_cookies);
    let mut r = Json(json!({ "user": user_json(&user), "csrf": csrf })).into_response();
    r.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(|e| ConsoleError::Internal(e.to_string()))?,
    );
    Ok(r)
}

async fn logout(State(s): State<Sales>, headers: HeaderMap) -> ConsoleResult<Response> {
    s.guard_post(&headers).await?;
    s.close_session(&headers).await?;
    let cookie = auth::set_cookie("", Duration::ZERO, s.options().secure_cookies);
    let mut r = Json(json!({ "ok": true })).into_response();
    r.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).map_err(|e| ConsoleError::Internal(e.to_string()))?,
    );
    Ok(r)
}

async fn me(State(s): State<Sales>, headers: HeaderMap) -> ConsoleResult<Json<Value>> {
    let session = s.signed_in(&headers).await?;
    Ok(Json(
        json!({ "user": user_json(&session.user), "csrf": session.csrf }),
    ))
}

async fn events(
    State(s): State<Sales>,
    headers: HeaderMap,
) -> ConsoleResult<Sse<impl Stream<Item = Result<SseEvent, Infallible>>>> {
    let user = s.signed_in(&headers).await?.user;
    let hello = tokio_stream::once(Ok(SseEvent::default().event("ready").data("{}")));
    let notices = BroadcastStream::new(s.subscribe()).filter_map(move |n| {
        let n: Notice = n.ok()?;
        if !user.allows(n.brand.as_deref()) {
            return None;
        }
        SseEvent::default()
            .event(n.kind.clone())
            .json_data(&n)
            .ok()
            .map(Ok)
    });
    Ok(Sse::new(hello.chain(notices)).keep_alive(KeepAlive::default()))
}

#[derive(Deserialize)]
struct ListQuery {
    #[serde(default)]
    all: bool,
}

async fn escalations(
    State(s): State<Sales>,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> ConsoleResult<Json<Value>> {
    let user = s.signed_in(&headers).await?.user;
    let list: Vec<Escalation> = s
        .inner
        .escalations
        .list(q.all, 500)
        .await?
        .into_iter()
        .filter(|e| user.allows(e.brand.as_deref()))
        .collect();
    Ok(Json(json!({ "escalations": list })))
}

async fn messages_of(s: &Sales, conversation_id: &str) -> ConsoleResult<Vec<Value>> {
    let rows = sqlx::query(
        "SELECT m.id, m.direction, m.speaker, m.brand, m.kind, m.text, m.state, m.created_at, s.agent
         FROM messages m LEFT JOIN sales_messages s ON s.message_id = m.id
         WHERE m.conversation_id = $1 ORDER BY m.created_at, m.id LIMIT 2000",
    )
    .bind(conversation_id)
    .fetch_all(&s.inner.deps.db.pool)
    .await
    .map_err(SalesError::from)?;
    rows.iter()
        .map(|r| {
            let agent: Option<String> = r.try_get("agent")?;
            let speaker: String = r.try_get("speaker")?;
            Ok(json!({
                "id": r.try_get::<String, _>("id")?,
                "direction": r.try_get::<String, _>("direction")?,
                "speaker": if agent.is_some() { Speaker::HumanAgent.as_str().to_string() } else { speaker },
                "agent": agent,
                "brand": r.try_get::<Option<String>, _>("brand")?,
                "kind": r.try_get::<String, _>("kind")?,
                "text": r.try_get::<String, _>("text")?,
                "state": r.try_get::<String, _>("state")?,
                "created_at": r.try_get::<i64, _>("created_at")?,
            }))
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(|e| SalesError::from(e).into())
}

async fn conversation(
    State(s): State<Sales>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> ConsoleResult<Json<Value>> {
    let user = s.signed_in(&headers).await?.user;
    let c = s.conversation_for(&user, &id).await?;
    let escalation = s.inner.escalations.latest_for(&id).await?;
    let deps = &s.inner.deps;
    Ok(Json(json!({
        "cart": crate::dialogue::cart_json(&deps.carts, &id).await,
        "dialogue": crate::dialogue::dialogue_json(&deps.conversations, &id, c.brand.as_deref()).await,
        "conversation": c,
        "messages": messages_of(&s, &id).await?,
        "escalation": escalation,
        "window": s.window(&id).await?,
        "regression": regression_cases(&s).case(&id).await.map_err(internal)?,
    })))
}

/// The conversations kept as regression cases ([`crate::replay`]).
fn regression_cases(s: &Sales) -> crate::replay::TurnRecords {
    crate::replay::TurnRecords::new(s.inner.deps.db.clone(), Default::default())
}

fn internal(e: impl std::fmt::Display) -> ConsoleError {
    ConsoleError::Internal(e.to_string())
}

#[derive(Debug, Default, Deserialize)]
struct RegressionNote {
    #[serde(default)]
    note: String,
}

/// Keep the conversation as a regression case: its recorded turns are
/// exempt from retention, for `agent-store conversations export`.
async fn mark_regression(
    State(s): State<Sales>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> ConsoleResult<Json<Value>> {
    let user = s.guard_post(&headers).await?.user;
    s.conversation_for(&user, &id).await?;
    // The body is optional: `{"note": "..."}`.
    let note = if body.is_empty() {
        String::new()
    } else {
        serde_json::from_slice::<RegressionNote>(&body)
            .map_err(|e| ConsoleError::Bad(format!("bad body: {e}")))?
            .note
    };
    let cases = regression_cases(&s);
    cases.mark(&id, &user.name, &note).await.map_err(internal)?;
    tracing::info!(conversation = %id, by = %user.name, "conversation kept as a regression case");
    Ok(Json(
        json!({ "regression": cases.case(&id).await.map_err(internal)? }),
    ))
}

async fn unmark_regression(
    State(s): State<Sales>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> ConsoleResult<Json<Value>> {
    let user = s.guard_post(&headers).await?.user;
    s.conversation_for(&user, &id).await?;
    regression_cases(&s).unmark(&id).await.map_err(internal)?;
    Ok(Json(json!({ "regression": null })))
}

async fn accept(
    State(s): State<Sales>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> ConsoleResult<Json<Value>> {
    let user = s.guard_post(&headers).await?.user;
    let e = s.escalation_for(&user, &id).await?;
    if !s.inner.escalations.accept(&id, &user.name).await? {
        return Err(ConsoleError::Conflict(format!(
            "escalation is {} (by {})",
            e.status,
            e.agent.as_deref().unwrap_or("nobody")
        )));
    }
    let event = SalesEscalationAccepted {
        escalation_id: id.clone(),
        conversation_id: e.conversation_id.clone(),
        brand: e.brand.clone(),
        agent: user.name.clone(),
    };
    s.publish(
        &format!("{id}/accepted"),
        &e.conversation_id,
        e.brand.as_deref(),
        &event,
    )
    .await?;
    tracing::info!(escalation = %id, agent = %crate::telemetry::mask::name(&user.name), "escalation accepted");
    s.notify_here(Notice {
        kind: "accepted".into(),
        conversation_id: e.conversation_id.clone(),
        brand: e.brand.clone(),
        escalation_id: Some(id.clone()),
        priority: Some(e.priority.clone()),
    });
    Ok(Json(
        json!({ "escalation": s.inner.escalations.get(&id).await? }),
    ))
}

async fn resolve(
    state: State<Sales>,
    headers: HeaderMap,
    id: Path<String>,
) -> ConsoleResult<Json<Value>> {
    close(state, headers, id, "resolved").await
}

async fn hand_back(
    state: State<Sales>,
    headers: HeaderMap,
    id: Path<String>,
) -> ConsoleResult<Json<Value>> {
    close(state, headers, id, "handed_back").await
}

/// Close an escalation; the conversation goes back to the AI either way.
async fn close(
    State(s): State<Sales>,
    headers: HeaderMap,
    Path(id): Path<String>,
    outcome: &'static str,
) -> ConsoleResult<Json<Value>> {
    let user = s.guard_post(&headers).await?.user;
    let e = s.escalation_for(&user, &id).await?;
    if e.status == "accepted"
        && e.agent.as_deref() != Some(user.name.as_str())
        && user.role != Role::Admin
    {
        return Err(ConsoleError::Forbidden("another rep has this escalation"));
    }
    if !s.inner.escalations.close(&id, &user.name, outcome).await? {
        return Err(ConsoleError::Conflict(format!(
            "escalation is {}",
            e.status
        )));
    }
    s.inner
        .deps
        .conversations
        .set_status(&e.conversation_id, "open")
        .await?;
    if outcome == "handed_back" {
        let handoff = SalesHandoff {
            conversation_id: e.conversation_id.clone(),
            from_brand: "human".into(),
            to_brand: e.brand.clone().unwrap_or_default(),
            reason: format!("handed back to the AI by {}", user.name),
        };
        s.publish(
            &format!("{id}/handoff"),
            &e.conversation_id,
            e.brand.as_deref(),
            &handoff,
        )
        .await?;
    }
    let event = SalesEscalationResolved {
        escalation_id: id.clone(),
        conversation_id: e.conversation_id.clone(),
        brand: e.brand.clone(),
        agent: user.name.clone(),
        outcome: outcome.into(),
    };
    s.publish(
        &format!("{id}/resolved"),
        &e.conversation_id,
        e.brand.as_deref(),
        &event,
    )
    .await?;
    tracing::info!(escalation = %id, agent = %crate::telemetry::mask::name(&user.name), outcome, "escalation closed; the AI answers again");
    s.notify_here(Notice {
        kind: "resolved".into(),
        conversation_id: e.conversation_id.clone(),
        brand: e.brand.clone(),
        escalation_id: Some(id.clone()),
        priority: Some(e.priority.clone()),
    });
    Ok(Json(
        json!({ "escalation": s.inner.escalations.get(&id).await? }),
    ))
}

#[derive(Deserialize)]
struct ReplyBody {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    product_id: Option<String>,
    /// The client's idempotency key: a retried reply is sent once.
    #[serde(default)]
    key: Option<String>,
}

fn valid_key(k: &str) -> bool {
    !k.is_empty()
        && k.len() <= 64
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The conversation's open escalation, which `user` must hold.
async fn held(s: &Sales, user: &User, conversation_id: &str) -> ConsoleResult<Escalation> {
    let e = s
        .inner
        .escalations
        .open_for(conversation_id)
        .await?
        .ok_or_else(|| ConsoleError::Conflict("the conversation is not escalated".into()))?;
    if e.status != "accepted" {
        return Err(ConsoleError::Conflict("accept the escalation first".into()));
    }
    if e.agent.as_deref() != Some(user.name.as_str()) && user.role != Role::Admin {
        return Err(ConsoleError::Forbidden("another rep has this escalation"));
    }
    Ok(e)
}

/// A rep's message to the customer: rendered like the sellers' replies,
/// recorded as the human agent's, and sent by the pipeline's send stage
/// (idempotent by the id derived from the client's key).
async fn reply(
    State(s): State<Sales>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Json(body): Json<ReplyBody>,
) -> ConsoleResult<Json<Value>> {
    let user = s.guard_post(&headers).await?.user;
    let c = s.conversation_for(&user, &id).await?;
    let e = held(&s, &user, &id).await?;
    let window = s.window(&id).await?;
    if !window.open {
        return Err(ConsoleError::Conflict(
            "the 24-hour window is closed: WhatsApp only allows an approved template now".into(),
        ));
    }
    let action = match (body.text.as_deref().map(str::trim), body.product_id) {
        (_, Some(product_id)) => Action::Product {
            product_id,
            body: body.text.filter(|t| !t.trim().is_empty()),
        },
        (Some(t), None) if !t.is_empty() => Action::Text {
            body: t.to_string(),
        },
        _ => {
            return Err(ConsoleError::Bad(
                "write a message or pick a product".into(),
            ));
        }
    };
    let key = match body.key {
        Some(k) if valid_key(&k) => k,
        Some(_) => return Err(ConsoleError::Bad("key: 1-64 of [A-Za-z0-9_-]".into())),
        None => uuid::Uuid::now_v7().to_string(),
    };
    let deps = &s.inner.deps;
    if let Some(p) = action_product(&action)
        && deps.catalog.get(c.brand.as_deref(), p).is_none()
    {
        return Err(ConsoleError::Bad(format!("no product {p} in this brand")));
    }
    let ctx = RenderContext {
        to: &c.customer_wa_id,
        catalog: &deps.catalog,
        catalog_id: deps.catalog_id.as_deref(),
        language: &c.language,
    };
    let rendered = outbound::render(&action, &ctx).map_err(|e| ConsoleError::Bad(e.to_string()))?;
    let mut ids = Vec::new();
    for (n, m) in rendered.into_iter().enumerate() {
        let out = OutboundMessage {
            id: format!("console/{}/{key}/{n}", c.id),
            conversation_id: c.id.clone(),
            phone_number_id: c.phone_number_id.clone(),
            to: c.customer_wa_id.clone(),
            brand: c.brand.clone(),
            text: m.text,
            body: m.body,
        };
        // Who wrote it is recorded first; the send stage stores and sends
        // the message itself (once, by id).
        sqlx::query(
            "INSERT INTO sales_messages (message_id, conversation_id, escalation_id, agent, created_at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (message_id) DO NOTHING",
        )
        .bind(&out.id)
        .bind(&c.id)
        .bind(&e.id)
        .bind(&user.name)
        .bind(crate::db::now_ms())
        .execute(&mut *deps.db.writer.acquire().await.map_err(SalesError::from)?)
        .await
        .map_err(SalesError::from)?;
        s.publish(&out.id, &c.id, c.brand.as_deref(), &out).await?;
        ids.push(out.id);
    }
    s.inner.escalations.responded(&e.id).await?;
    tracing::info!(conversation = %c.id, agent = %crate::telemetry::mask::name(&user.name), messages = ids.len(), "rep replied");
    Ok(Json(json!({ "ids": ids })))
}

fn action_product(a: &Action) -> Option<&str> {
    match a {
        Action::Product { product_id, .. } => Some(product_id),
        _ => None,
    }
}

#[derive(Deserialize)]
struct CartBody {
    product_id: String,
    #[serde(default = "one")]
    quantity: u32,
}

fn one() -> u32 {
    1
}

/// Add to the customer's cart on their behalf.
async fn add_to_cart(
    State(s): State<Sales>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Json(body): Json<CartBody>,
) -> ConsoleResult<Json<Value>> {
    let user = s.guard_post(&headers).await?.user;
    let c = s.conversation_for(&user, &id).await?;
    held(&s, &user, &id).await?;
    let deps = &s.inner.deps;
    deps.carts
        .add(&id, c.brand.as_deref(), &body.product_id, body.quantity)
        .await
        .map_err(SalesError::from)?;
    let cart = deps.carts.get(&id).await.map_err(SalesError::from)?;
    Ok(Json(json!({ "cart": CartView::from(&cart) })))
}

#[derive(Debug, Deserialize)]
struct OrderBody {
    /// The client's idempotency key: a retry with the same key never places
    /// a second order.
    key: String,
    #[serde(default)]
    note: Option<String>,
}

/// Turn the customer's cart into an order on their behalf: the same
/// `store.order.create` a seller's place-order action publishes, so prices,
/// stock and the customer's confirmation come from the orders service.
async fn place_order(
    State(s): State<Sales>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Json(body): Json<OrderBody>,
) -> ConsoleResult<Json<Value>> {
    let user = s.guard_post(&headers).await?.user;
    let c = s.conversation_for(&user, &id).await?;
    held(&s, &user, &id).await?;
    let key: String = body
        .key
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(64)
        .collect();
    if key.is_empty() {
        return Err(SalesError::Invalid("an idempotency key is required".into()).into());
    }
    let source = format!("console/{id}/order/{key}");
    let order = OrderCreate {
        conversation_id: id.clone(),
        customer: crate::chat::Customer {
            wa_id: c.customer_wa_id.clone(),
            name: c.customer_name.clone(),
        },
        brand: c.brand.clone().unwrap_or_default(),
        source_message_id: source.clone(),
        note: body.note,
    };
    s.publish(&format!("{source}/create"), &id, c.brand.as_deref(), &order)
        .await?;
    tracing::info!(conversation = %id, agent = %crate::telemetry::mask::name(&user.name), "order placed by a rep");
    Ok(Json(json!({ "requested": source })))
}

async fn assist(
    State(s): State<Sales>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> ConsoleResult<Json<Value>> {
    let user = s.signed_in(&headers).await?.user;
    let c = s.conversation_for(&user, &id).await?;
    let e = s.inner.escalations.latest_for(&id).await?;
    let a = s.assist(&c, e.as_ref(), &user.name).await?;
    Ok(Json(json!(a)))
}

#[derive(Deserialize)]
struct ProductsQuery {
    #[serde(default)]
    q: String,
    brand: Option<String>,
}

async fn products(
    State(s): State<Sales>,
    headers: HeaderMap,
    Query(q): Query<ProductsQuery>,
) -> ConsoleResult<Json<Value>> {
    let user = s.signed_in(&headers).await?.user;
    let brand = q.brand.filter(|b| !b.is_empty());
    if !user.allows(brand.as_deref()) && brand.is_some() {
        return Err(ConsoleError::NotFound);
    }
    let query = SearchQuery {
        text: q.q,
        limit: 20,
        ..Default::default()
    };
    let hits: Vec<ProductView> = s
        .inner
        .deps
        .catalog
        .search(brand.as_deref(), &query)
        .iter()
        .filter(|h| user.allows(Some(&h.product.brand)))
        .take(8)
        .map(|h| ProductView::of(&h.product, None, None))
        .collect();
    Ok(Json(json!({ "products": hits })))
}

#[derive(Deserialize)]
struct ReportQuery {
    from: Option<String>,
    to: Option<String>,
    brand: Option<String>,
}

async fn build_report(
    s: &Sales,
    headers: &HeaderMap,
    q: ReportQuery,
) -> ConsoleResult<reports::Report> {
    let user = s.signed_in(headers).await?.user;
    let today = reports::parse_day(&chrono::Utc::now().date_naive().to_string()).unwrap_or(0);
    let day = |v: Option<String>, default: i64| match v.filter(|v| !v.is_empty()) {
        Some(v) => reports::parse_day(&v)
            .ok_or_else(|| ConsoleError::Bad(format!("{v}: expected YYYY-MM-DD"))),
        None => Ok(default),
    };
    let to = day(q.to, today)?;
    let from = day(q.from, to - 6)?;
    if from > to || to - from >= reports::MAX_DAYS {
        return Err(ConsoleError::Bad(format!(
            "from must not be after to, at most {} days",
            reports::MAX_DAYS
        )));
    }
    let brand = q.brand.filter(|b| !b.is_empty());
    Ok(s.report(&user, from, to, brand.as_deref()).await?)
}

async fn report_json(
    State(s): State<Sales>,
    headers: HeaderMap,
    Query(q): Query<ReportQuery>,
) -> ConsoleResult<Json<reports::Report>> {
    Ok(Json(build_report(&s, &headers, q).await?))
}

async fn report_csv(
    State(s): State<Sales>,
    headers: HeaderMap,
    Query(q): Query<ReportQuery>,
) -> ConsoleResult<Response> {
    let report = build_report(&s, &headers, q).await?;
    let csv = reports::to_csv(&report).map_err(|e| ConsoleError::Internal(e.to_string()))?;
    let name = format!(
        "attachment; filename=\"sales-{}-{}.csv\"",
        report.from, report.to
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, name),
        ],
        csv,
    )
        .into_response())
}

/// The business budgets of the brands the account sees (read only: the
/// operator sets them with `PUT /admin/budgets/{brand}`) and today's LLM
/// tokens.
async fn budgets(State(s): State<Sales>, headers: HeaderMap) -> ConsoleResult<Json<Value>> {
    let user = s.signed_in(&headers).await?.user;
    let policy = crate::policy::Policy::new(s.inner.deps.db.clone());
    let internal = |e: sqlx::Error| ConsoleError::Internal(e.to_string());
    let mut out = Vec::new();
    for (brand, b) in policy.all().await.map_err(internal)? {
        if !user.allows(Some(&brand)) {
            continue;
        }
        let tokens = policy
            .used(&brand, crate::policy::LLM_TOKENS, "")
            .await
            .map_err(internal)?;
        out.push(json!({ "brand": brand, "budgets": b, "today": { "llm_tokens": tokens } }));
    }
    Ok(Json(json!({ "brands": out })))
}

/// The shadow versions of the brands the account sees: how often each
/// agrees with the active version on live turns, and the turns it differs
/// on (promoting or dropping one is the operator's: `agent-store plugin
/// shadow`).
async fn shadows(State(s): State<Sales>, headers: HeaderMap) -> ConsoleResult<Json<Value>> {
    let user = s.signed_in(&headers).await?.user;
    let Some(plugins) = &s.inner.deps.plugins else {
        return Ok(Json(json!({ "shadows": [] })));
    };
    let reports = crate::replay::shadow::ShadowResults::new(s.inner.deps.db.clone())
        .reports(plugins)
        .await
        .map_err(|e| ConsoleError::Internal(e.to_string()))?;
    let visible: Vec<_> = reports
        .into_iter()
        .filter(|r| user.allows(r.brand.as_deref()))
        .collect();
    Ok(Json(json!({ "shadows": visible })))
}

async fn users(State(s): State<Sales>, headers: HeaderMap) -> ConsoleResult<Json<Value>> {
    let user = s.signed_in(&headers).await?.user;
    if user.role != Role::Admin {
        return Err(ConsoleError::Forbidden("admins only"));
    }
    let list: Vec<Value> = s.users().list().await?.iter().map(user_json).collect();
    Ok(Json(json!({ "users": list })))
}

#[derive(Deserialize)]
struct NewUser {
    name: String,
    password: String,
    role: String,
    #[serde(default)]
    brands: String,
}

async fn add_user(
    State(s): State<Sales>,
    headers: HeaderMap,
    Json(body): Json<NewUser>,
) -> ConsoleResult<Json<Value>> {
    let user = s.guard_post(&headers).await?.user;
    if user.role != Role::Admin {
        return Err(ConsoleError::Forbidden("admins only"));
    }
    let role =
        Role::parse(&body.role).ok_or_else(|| ConsoleError::Bad("role: admin or rep".into()))?;
    let scope = if role == Role::Admin {
        Scope::All
    } else {
        Scope::parse(&body.brands)
    };
    s.users()
        .upsert(body.name.trim(), &body.password, role, &scope)
        .await?;
    tracing::info!(admin = %crate::telemetry::mask::name(&user.name), user = %crate::telemetry::mask::name(&body.name), role = role.as_str(), "console user saved");
    Ok(Json(json!({ "ok": true })))
}
