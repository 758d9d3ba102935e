//! The WhatsApp sandbox: a web chat that posts signed webhooks and a local Graph API sink.
//!
//! `agent-store demo` runs without a Meta account. Instead the host serves:
//!
//! * a web page (`GET /` and `GET /sandbox`) that looks and behaves like a WhatsApp chat. A
//!   person types as a customer; the page builds the *real* Cloud API webhook envelope, signs
//!   the exact body bytes with the app secret (`X-Hub-Signature-256`) and POSTs it to the host's
//!   real webhook (`/webhooks/whatsapp`);
//! * a stand-in for the Graph API (`POST /sandbox/graph/{version}/{phone_number_id}/messages`)
//!   that the host's real outbound Graph client talks to. It validates payloads the way Meta
//!   does, answers Meta's response or error envelopes, pushes accepted messages to the page over
//!   Server-Sent Events, and sends signed `statuses` webhooks (sent, delivered, read) back to the
//!   host like Meta would.

mod graph;
mod page;
mod statuses;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use futures::Stream;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tokio::sync::{broadcast, watch};
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::web::ApiError;

pub use graph::GraphError;

/// The path of the host's real webhook, relative to the host's base URL.
pub const WEBHOOK_PATH: &str = "/webhooks/whatsapp";

/// The WhatsApp Business Account id the sandbox puts in `entry[].id`.
pub const SANDBOX_WABA_ID: &str = "100000000000000";

/// The business name shown in the page's header.
pub const SANDBOX_BUSINESS_NAME: &str = "Agent Store";

/// How many events a slow SSE subscriber may lag behind before it misses some.
const EVENT_BUFFER: usize = 256;

/// Looks a product up by its retailer id, for rendering product cards:
/// `{"id","title","price","image_url",...}`.
pub type ProductLookup = Arc<dyn Fn(&str) -> Option<Value> + Send + Sync>;

/// How the sandbox is wired to the host.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// The Meta app secret, to sign webhooks (the page's and the generated statuses).
    pub app_secret: String,
    /// The business phone number id, e.g. `"100000000000001"`.
    pub phone_number_id: String,
    /// The business number as people see it, e.g. `"+1 555 0100"`.
    pub display_phone_number: String,
    /// Where generated status webhooks go (e.g. `http://127.0.0.1:8080/webhooks/whatsapp`);
    /// `None` sends none (statuses still advance inside the sandbox and reach the page).
    pub webhook_url: Option<String>,
}

/// Delivery state of a message the business sent, as Meta reports it in `statuses[]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MessageStatus {
    /// Accepted by the Graph endpoint, no status reported yet.
    Accepted,
    Sent,
    Delivered,
    Read,
}

impl MessageStatus {
    /// The wire name used in status webhooks.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageStatus::Accepted => "accepted",
            MessageStatus::Sent => "sent",
            MessageStatus::Delivered => "delivered",
            MessageStatus::Read => "read",
        }
    }
}

/// One message the business sent through the Graph stand-in.
#[derive(Debug, Clone, Serialize)]
pub struct SentMessage {
    /// The `wamid.…` id returned to the sender.
    pub id: String,
    /// The recipient's wa_id (digits only).
    pub to: String,
    /// The phone number id from the request path.
    pub phone_number_id: String,
    /// The message `type`: text, image, interactive, template or reaction.
    #[serde(rename = "type")]
    pub kind: String,
    /// The request body exactly as accepted.
    pub payload: Value,
    /// Unix seconds when it was accepted (Meta's resolution).
    pub timestamp: i64,
    /// Unix milliseconds when it was accepted, to order bubbles within a second.
    pub timestamp_ms: i64,
    /// The latest delivery status.
    pub status: MessageStatus,
}

/// What the page receives over `GET /sandbox/events`.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SandboxEvent {
    /// The business sent a message.
    Message { message: SentMessage },
    /// A message's delivery status changed.
    Status {
        id: String,
        to: String,
        status: MessageStatus,
        timestamp: i64,
    },
    /// The business marked a customer's message as read (optionally showing "typing…").
    InboundRead { message_id: String, typing: bool },
}

impl SandboxEvent {
    /// The customer this event concerns, when it is known.
    fn recipient(&self) -> Option<&str> {
        match self {
            SandboxEvent::Message { message } => Some(&message.to),
            SandboxEvent::Status { to, .. } => Some(to),
            SandboxEvent::InboundRead { .. } => None,
        }
    }
}

/// The WhatsApp sandbox. Cheap to clone: everything lives behind an `Arc`.
#[derive(Clone)]
pub struct Sandbox {
    inner: Arc<Inner>,
}

struct Inner {
    config: SandboxConfig,
    products: Option<ProductLookup>,
    state: Mutex<Store>,
    events: broadcast::Sender<SandboxEvent>,
    http: reqwest::Client,
}

#[derive(Default)]
struct Store {
    sent: Vec<SentMessage>,
    /// wamid -> index in `sent`.
    by_id: HashMap<String, usize>,
    /// wamid -> the status watch the status task advances.
    progress: HashMap<String, watch::Sender<MessageStatus>>,
    /// recipient -> (conversation id, expiration unix secs), like Meta's 24h service window.
    conversations: HashMap<String, (String, i64)>,
}

impl Sandbox {
    /// Creates the sandbox. `products` resolves product ids for the page's product cards.
    pub fn new(config: SandboxConfig, products: Option<ProductLookup>) -> Self {
        let (events, _) = broadcast::channel(EVENT_BUFFER);
        let http = reqwest::Client::builder()
            .no_proxy()
            .connect_timeout(statuses::CONNECT_TIMEOUT)
            .timeout(statuses::REQUEST_TIMEOUT)
            .user_agent("facebookexternalua")
            .build()
            .unwrap_or_else(|err| {
                tracing::warn!(%err, "sandbox: custom HTTP client failed, using the default one");
                reqwest::Client::new()
            });
        Sandbox {
            inner: Arc::new(Inner {
                config,
                products,
                state: Mutex::new(Store::default()),
                events,
                http,
            }),
        }
    }

    /// The routes to merge into the app's router (served at the root):
    ///
    /// * `GET /`, `GET /sandbox`: the chat page (assets under `/sandbox/assets/`);
    /// * `GET /sandbox/config`: `{"phone_number_id","display_phone_number","app_secret",
    ///   "webhook_path","waba_id","business_name"}`;
    /// * `POST /sandbox/graph/{version}/{phone_number_id}/messages`: the Graph API stand-in;
    /// * `GET /sandbox/messages?to=<wa_id>`: the messages sent to that customer (all without `to`);
    /// * `GET /sandbox/events?to=<wa_id>`: Server-Sent Events, one JSON [`SandboxEvent`] each;
    /// * `GET /sandbox/products/{id}`: the product lookup, 404 when none;
    /// * `POST /sandbox/read {"wamid"}`: the customer saw a message; reports "read" (202).
    pub fn routes(&self) -> Router {
        Router::new()
            .route("/", get(page::index))
            .route("/sandbox", get(page::index))
            .route("/sandbox/", get(page::index))
            .route("/sandbox/assets/app.css", get(page::css))
            .route("/sandbox/assets/app.js", get(page::js))
            .route("/sandbox/config", get(config_handler))
            .route(
                "/sandbox/graph/{version}/{phone_number_id}/messages",
                post(graph_messages),
            )
            .route("/sandbox/messages", get(messages_handler))
            .route("/sandbox/events", get(events_handler))
            .route("/sandbox/products/{id}", get(product_handler))
            .route("/sandbox/read", post(read_handler))
            .with_state(self.clone())
    }

    /// The Graph API base URL to configure the host's outbound client with, e.g.
    /// `http://127.0.0.1:8080/sandbox/graph` for `host_base = "http://127.0.0.1:8080"`.
    pub fn graph_base_url(&self, host_base: &str) -> String {
        format!("{}/sandbox/graph", host_base.trim_end_matches('/'))
    }

    /// Everything accepted so far, oldest first.
    pub fn sent(&self) -> Vec<SentMessage> {
        self.state().sent.clone()
    }

    /// Subscribes to the events the page receives.
    pub fn subscribe(&self) -> broadcast::Receiver<SandboxEvent> {
        self.inner.events.subscribe()
    }

    /// The configuration the sandbox runs with.
    pub fn config(&self) -> &SandboxConfig {
        &self.inner.config
    }

    fn state(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave `Store` half-updated in a way that
        // matters for a demo sink, so recover from poisoning instead of propagating it.
        self.inner
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn publish(&self, event: SandboxEvent) {
        // No subscriber is fine: nobody has the page open.
        let _ = self.inner.events.send(event);
    }

    /// Records an accepted message, publishes it and starts its status progression.
    fn accept(&self, phone_number_id: &str, to: &str, kind: &str, payload: Value) -> SentMessage {
        let now = chrono::Utc::now();
        let message = SentMessage {
            id: graph::new_wamid(to),
            to: to.to_owned(),
            phone_number_id: phone_number_id.to_owned(),
            kind: kind.to_owned(),
            payload,
            timestamp: now.timestamp(),
            timestamp_ms: now.timestamp_millis(),
            status: MessageStatus::Accepted,
        };
        let (progress, _) = watch::channel(MessageStatus::Accepted);
        {
            let mut state = self.state();
            let index = state.sent.len();
            state.sent.push(message.clone());
            state.by_id.insert(message.id.clone(), index);
            state.progress.insert(message.id.clone(), progress);
        }
        tracing::info!(wamid = %message.id, to = %crate::telemetry::mask::phone(&message.to), kind, "sandbox: accepted outbound message");
        self.publish(SandboxEvent::Message {
            message: message.clone(),
        });
        let sandbox = self.clone();
        let (id, to) = (message.id.clone(), message.to.clone());
        tokio::spawn(async move { sandbox.deliver(&id, &to).await });
        message
    }

    /// Moves a message to `status` (never backwards) and tells the page; returns whether it moved.
    fn advance(&self, id: &str, status: MessageStatus) -> Option<String> {
        let to = {
            let mut state = self.state();
            let index = *state.by_id.get(id)?;
            let message = state.sent.get_mut(index)?;
            if message.status >= status {
                return None;
            }
            message.status = status;
            let to = message.to.clone();
            if let Some(progress) = state.progress.get(id) {
                progress.send_replace(status);
            }
            to
        };
        self.publish(SandboxEvent::Status {
            id: id.to_owned(),
            to: to.clone(),
            status,
            timestamp: chrono::Utc::now().timestamp(),
        });
        Some(to)
    }

    /// The conversation a status belongs to, opening a 24h one when needed.
    fn conversation(&self, recipient: &str, now: i64) -> (String, i64) {
        let mut state = self.state();
        match state.conversations.get(recipient) {
            Some((id, expires)) if *expires > now => (id.clone(), *expires),
            _ => {
                let opened = (hex::encode(rand::random::<[u8; 16]>()), now + 24 * 60 * 60);
                state
                    .conversations
                    .insert(recipient.to_owned(), opened.clone());
                opened
            }
        }
    }

    /// Handles the page reporting that the customer has seen `id`.
    async fn mark_seen(&self, id: &str) -> Result<(), SeenError> {
        let mut progress = {
            let state = self.state();
            state
                .progress
                .get(id)
                .ok_or(SeenError::Unknown)?
                .subscribe()
        };
        // Meta never reports "read" before "delivered": wait for the delivery task.
        let delivered = progress.wait_for(|status| *status >= MessageStatus::Delivered);
        match tokio::time::timeout(statuses::READ_WAIT, delivered).await {
            Ok(Ok(_)) => {}
            Ok(Err(_)) | Err(_) => {
                tracing::warn!(
                    wamid = id,
                    "sandbox: read before delivery finished; reading anyway"
                )
            }
        }
        if let Some(to) = self.advance(id, MessageStatus::Read) {
            self.post_status(id, &to, MessageStatus::Read).await;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
enum SeenError {
    #[error("unknown message id")]
    Unknown,
}

/// `GET /sandbox/config`: what the page needs to build and sign webhooks.
async fn config_handler(State(sandbox): State<Sandbox>) -> impl IntoResponse {
    let config = &sandbox.inner.config;
    // The app secret is exposed ONLY because this is the local demo sandbox: the page plays
    // Meta and must sign webhooks with it. A production deployment never mounts these routes.
    axum::Json(json!({
        "phone_number_id": config.phone_number_id,
        "display_phone_number": config.display_phone_number,
        "app_secret": config.app_secret,
        "webhook_path": WEBHOOK_PATH,
        "waba_id": SANDBOX_WABA_ID,
        "business_name": SANDBOX_BUSINESS_NAME,
    }))
}

/// `POST /sandbox/graph/{version}/{phone_number_id}/messages`: the Graph API stand-in.
async fn graph_messages(
    State(sandbox): State<Sandbox>,
    Path((version, phone_number_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let request = match graph::check_request(
        &sandbox.inner.config.phone_number_id,
        &version,
        &phone_number_id,
        &headers,
        &body,
    ) {
        Ok(request) => request,
        Err(err) => {
            tracing::warn!(%err, "sandbox: Graph request rejected");
            return err.into_response();
        }
    };
    match request {
        graph::Request::MarkRead { message_id, typing } => {
            tracing::debug!(
                message_id,
                typing,
                "sandbox: business marked a message read"
            );
            sandbox.publish(SandboxEvent::InboundRead { message_id, typing });
            axum::Json(json!({ "success": true })).into_response()
        }
        graph::Request::Send { to, kind, payload } => {
            let message = sandbox.accept(&phone_number_id, &to, &kind, payload);
            axum::Json(graph::send_response(&message)).into_response()
        }
    }
}

#[derive(Debug, Deserialize)]
struct RecipientQuery {
    to: Option<String>,
}

fn recipient_filter(query: &RecipientQuery) -> Option<String> {
    query
        .to
        .as_deref()
        .map(graph::digits)
        .filter(|to| !to.is_empty())
}

/// `GET /sandbox/messages?to=<wa_id>`: messages sent to that customer (all without `to`).
async fn messages_handler(
    State(sandbox): State<Sandbox>,
    Query(query): Query<RecipientQuery>,
) -> impl IntoResponse {
    let to = recipient_filter(&query);
    let messages: Vec<SentMessage> = sandbox
        .sent()
        .into_iter()
        .filter(|message| to.as_deref().is_none_or(|to| message.to == to))
        .collect();
    axum::Json(messages)
}

/// `GET /sandbox/events?to=<wa_id>`: every accepted message and status change, as SSE.
async fn events_handler(
    State(sandbox): State<Sandbox>,
    Query(query): Query<RecipientQuery>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let to = recipient_filter(&query);
    let hello = tokio_stream::once(Ok(Event::default().event("ready").data("{}")));
    let events = BroadcastStream::new(sandbox.subscribe()).filter_map(move |event| {
        let event = match event {
            Ok(event) => event,
            Err(err) => {
                tracing::warn!(%err, "sandbox: SSE subscriber lagged; events dropped");
                return None;
            }
        };
        if let (Some(wanted), Some(recipient)) = (to.as_deref(), event.recipient())
            && wanted != recipient
        {
            return None;
        }
        match Event::default().json_data(&event) {
            Ok(sse) => Some(Ok(sse)),
            Err(err) => {
                tracing::warn!(%err, "sandbox: event did not serialize");
                None
            }
        }
    });
    Sse::new(hello.chain(events)).keep_alive(KeepAlive::default())
}

/// `GET /sandbox/products/{id}`: the product lookup, 404 when there is none.
async fn product_handler(State(sandbox): State<Sandbox>, Path(id): Path<String>) -> Response {
    match sandbox
        .inner
        .products
        .as_ref()
        .and_then(|lookup| lookup(&id))
    {
        Some(product) => axum::Json(product).into_response(),
        None => ApiError::not_found(format!("no product {id:?}")).into_response(),
    }
}

#[derive(Debug, Deserialize)]
struct ReadRequest {
    #[serde(alias = "id", alias = "message_id")]
    wamid: String,
}

/// `POST /sandbox/read {"wamid"}`: the customer has seen a message; report "read".
async fn read_handler(State(sandbox): State<Sandbox>, body: Bytes) -> Response {
    let request: ReadRequest = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(err) => {
            return ApiError::bad_request(format!("expected {{\"wamid\": ...}}: {err}"))
                .into_response();
        }
    };
    // Reading can wait for delivery to finish; do not hold the page's request for it.
    let sandbox = sandbox.clone();
    let known = sandbox.state().progress.contains_key(&request.wamid);
    if !known {
        return ApiError::not_found("unknown message id").into_response();
    }
    tokio::spawn(async move {
        if let Err(err) = sandbox.mark_seen(&request.wamid).await {
            tracing::warn!(%err, wamid = %request.wamid, "sandbox: could not mark read");
        }
    });
    StatusCode::ACCEPTED.into_response()
}
