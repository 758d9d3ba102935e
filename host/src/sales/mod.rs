//! Human sales reps: the escalation queue, take-over of a conversation, the
//! sales assistant, reports, and the web console at `/console` that puts
//! them in front of people.
//!
//! ```text
//! store.sales.escalate ─[sales]→ sales_escalations (reason, priority, cart value, summary)
//!        console: accept ─→ store.sales.escalation.accepted
//!                 reply  ─→ store.whatsapp.message.send (speaker human_agent) ─[send]→ Graph API
//!                 resolve / hand back ─→ store.sales.escalation.resolved (+ store.sales.handoff)
//!                                         conversation status back to "open": the AI answers again
//! ```
//!
//! While a conversation's status is `escalated` the route stage keeps the AI
//! silent. Every console action is checked against the rep's brand scope in
//! the API. Pending urgent escalations nobody accepted are re-notified.

mod assistant;
mod auth;
mod escalations;
mod http;
mod live;
mod page;
mod reports;
mod signin;
mod signin_shared;
mod summary;
pub mod users;

#[cfg(test)]
mod tests;

use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use async_trait::async_trait;
use cloudevents::{AttributesReader, Event};
use serde::Serialize;
use tokio::sync::broadcast;

use crate::bus::{Bus, BusError, Handler, HandlerError};
use crate::catalog::Catalog;
use crate::conversations::Conversations;
use crate::db::{Db, now_ms};
use crate::events::{self, EventType, SalesEscalate};
use crate::llm::Llm;
use crate::orders::Carts;

pub use assistant::Assistance;
pub use escalations::{Escalation, Escalations};
pub use reports::{DayReport, Report};
pub use users::{Role, Scope, User, Users};

/// The consumer group of the sales module on the bus.
pub const GROUP: &str = crate::bus::groups::SALES;
const SOURCE: &str = "/agent-store/sales";

#[derive(Debug, thiserror::Error)]
pub enum SalesError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("conversation store: {0}")]
    Conversations(#[from] crate::conversations::ConversationError),
    #[error("cart: {0}")]
    Cart(#[from] crate::orders::CartError),
    #[error("bus: {0}")]
    Bus(#[from] BusError),
    #[error("event: {0}")]
    Event(#[from] crate::events::EventError),
    /// The orders table could not be read (a real failure: the table is
    /// part of the schema, so it is never "just missing").
    #[error("reading the orders failed: {0}")]
    Orders(sqlx::Error),
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error("{0}")]
    Invalid(String),
}

/// Timings and limits; tests shorten them.
#[derive(Debug, Clone)]
pub struct SalesOptions {
    /// An urgent escalation nobody accepted is announced again this long
    /// after the last announcement.
    pub renotify_after: Duration,
    /// How often the re-notification timer looks.
    pub renotify_tick: Duration,
    /// How long a console session lasts.
    pub session_ttl: Duration,
    /// Failed sign-ins of one account name *from one client address*
    /// within `login_window` before that address's attempts at that account
    /// are refused with 429 (the owner elsewhere still signs in).
    pub login_max_failures: usize,
    pub login_window: Duration,
    /// Failed sign-ins of one client address (any names) before each
    /// further try must wait 1 s, 2 s, 4 s… up to `login_address_max_delay`.
    pub login_address_free_failures: u32,
    pub login_address_max_delay: Duration,
    /// The session cookie's `Secure` flag (`server.public_url` /
    /// `server.secure_cookies`), never derived from the request.
    pub secure_cookies: bool,
    /// Proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

impl SalesOptions {
    fn signin_policy(&self) -> signin::Policy {
        signin::Policy {
            pair_max_failures: u32::try_from(self.login_max_failures).unwrap_or(u32::MAX),
            window: self.login_window,
            address_free_failures: self.login_address_free_failures,
            address_max_delay: self.login_address_max_delay,
        }
    }

    /// The settings that come from the server's configuration.
    pub fn apply_server_config(&mut self, c: &crate::web::ServerConfig) {
        self.secure_cookies = c.cookies_secure();
        self.trusted_proxies = c.trusted_proxies.clone();
    }
}

impl Default for SalesOptions {
    fn default() -> Self {
        Self {
            renotify_after: Duration::from_secs(120),
            renotify_tick: Duration::from_secs(10),
            session_ttl: Duration::from_secs(12 * 3600),
            login_max_failures: 5,
            login_window: Duration::from_secs(15 * 60),
            login_address_free_failures: 10,
            login_address_max_delay: Duration::from_secs(15 * 60),
            secure_cookies: false,
            trusted_proxies: Vec::new(),
        }
    }
}

/// A live update for consoles (sent to each signed-in console whose scope
/// covers `brand`, as a server-sent event named `kind`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    /// `escalation`, `renotify`, `accepted`, `resolved`, `message`.
    pub kind: String,
    pub conversation_id: String,
    pub brand: Option<String>,
    pub escalation_id: Option<String>,
    pub priority: Option<String>,
}

/// What the sales module is built from.
#[derive(Clone)]
pub struct SalesDeps {
    pub db: Db,
    pub conversations: Conversations,
    pub carts: Carts,
    pub catalog: Catalog,
    pub bus: Arc<dyn Bus>,
    pub llm: Llm,
    /// Meta catalog id for product messages (`None` = image fallback).
    pub catalog_id: Option<String>,
    /// The plugin host: its shadow versions are shown (`None`: none).
    pub plugins: Option<Arc<crate::plugins::Plugins>>,
}

/// The sales module. Cheap to clone.
#[derive(Clone)]
pub struct Sales {
    inner: Arc<Inner>,
}

struct Inner {
    deps: SalesDeps,
    users: Users,
    escalations: Escalations,
    notices: broadcast::Sender<Notice>,
    options: Mutex<SalesOptions>,
    limiter: signin_shared::SigninLimits,
    hasher: signin::Hasher,
    /// Sign-in refusals are logged at most once a minute each.
    refusal_logs: [signin::Throttle; 3],
    /// Multi-host: live notices come from the broadcast subscription
    /// ([`live`]) on every host, not from whichever host handled the event.
    shared_live: std::sync::atomic::AtomicBool,
}

impl Sales {
    pub fn new(deps: SalesDeps) -> Self {
        let (notices, _) = broadcast::channel(256);
        Self {
            inner: Arc::new(Inner {
                users: Users::new(deps.db.clone()),
                limiter: signin_shared::SigninLimits::for_db(&deps.db),
                escalations: Escalations::new(deps.db.clone()),
                deps,
                notices,
                options: Mutex::new(SalesOptions::default()),
                hasher: signin::Hasher::new(signin::HASH_WORKERS, signin::HASH_QUEUE),
                refusal_logs: Default::default(),
                shared_live: std::sync::atomic::AtomicBool::new(false),
            }),
        }
    }

    /// Subscribe to the bus and start the re-notification timer (which
    /// stops when the last handle of this module is dropped).
    pub async fn start(&self) -> Result<(), BusError> {
        self.inner
            .deps
            .bus
            .subscribe(
                GROUP,
                &[
                    EventType::SalesEscalate,
                    EventType::WhatsAppMessageReceived,
                    EventType::WhatsAppMessageSend,
                ],
                Arc::new(Consumer(self.clone())),
            )
            .await?;
        let weak = Arc::downgrade(&self.inner);
        tokio::spawn(renotify_loop(weak));
        Ok(())
    }

    /// Change timings and limits (tests).
    pub fn configure(&self, f: impl FnOnce(&mut SalesOptions)) {
        let mut o = self.inner.options.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut o);
    }

    fn options(&self) -> SalesOptions {
        self.inner
            .options
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn users(&self) -> &Users {
        &self.inner.users
    }

    pub fn escalations(&self) -> &Escalations {
        &self.inner.escalations
    }

    /// Live updates, as the consoles get them.
    pub fn subscribe(&self) -> broadcast::Receiver<Notice> {
        self.inner.notices.subscribe()
    }

    fn notify(&self, notice: Notice) {
        // No console listening is fine.
        let _ = self.inner.notices.send(notice);
    }

    /// Whether [`Self::notify_here`] reaches anyone: a console of this
    /// host listens, and notices are not left to the shared broadcast.
    fn notices_heard_here(&self) -> bool {
        self.inner.notices.receiver_count() > 0
            && !self
                .inner
                .shared_live
                .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// A notice of something this host just did (stored an escalation, a
    /// rep accepted one, a message passed): to this host's consoles, or —
    /// on a multi-host deployment — left to the broadcast, which brings it
    /// to every host's consoles (this one's included).
    fn notify_here(&self, notice: Notice) {
        if !self
            .inner
            .shared_live
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            self.notify(notice);
        }
    }

    /// The notice that a message passed in a conversation (consoles
    /// showing it refresh): its brand from the event, else the stored
    /// conversation's. `None` for an event without a conversation.
    async fn message_notice(&self, event: &Event) -> Option<Notice> {
        let conversation_id = event.subject()?;
        let brand = match events::extension(event, "brand") {
            Some(b) => Some(b),
            None => self
                .inner
                .deps
                .conversations
                .get(conversation_id)
                .await
                .ok()
                .and_then(|c| c.brand),
        };
        Some(Notice {
            kind: "message".into(),
            conversation_id: conversation_id.to_string(),
            brand,
            escalation_id: None,
            priority: None,
        })
    }

    /// Multi-host: every host's consoles get every live notice.
    pub async fn share_live_events(&self) -> Result<(), BusError> {
        live::start(self).await
    }

    /// Create (or reset the password of) the demo's admin account and
    /// return its password.
    pub async fn demo_admin(&self, name: &str) -> Result<String, SalesError> {
        let password = hex::encode(rand::random::<[u8; 9]>());
        self.users()
            .upsert(name, &password, Role::Admin, &Scope::All)
            .await?;
        Ok(password)
    }

    /// Queue an escalation: value the cart, summarise the conversation.
    /// Idempotent by event id; a second escalation of a conversation that is
    /// still open raises the open one's priority instead of queueing twice.
    async fn on_escalate(&self, event_id: &str, e: SalesEscalate) -> Result<(), SalesError> {
        let deps = &self.inner.deps;
        let conversation = deps.conversations.get(&e.conversation_id).await?;
        let cart = deps.carts.get(&e.conversation_id).await?;
        let history = deps
            .conversations
            .history(&e.conversation_id, 40, None)
            .await?;
        let brand = e.brand.clone().or(conversation.brand.clone());
        let summary =
            summary::summarise(&deps.llm, brand.as_deref(), &history, &e.summary, &cart).await;
        // A URL-safe id, still derived from the event (idempotent).
        let id = escalation_id(event_id);
        let new = escalations::NewEscalation {
            id: &id,
            conversation_id: &e.conversation_id,
            brand: brand.as_deref(),
            customer_wa_id: &e.customer.wa_id,
            customer_name: e
                .customer
                .name
                .as_deref()
                .or(conversation.customer_name.as_deref()),
            reason: e.reason,
            priority: e.priority,
            note: &e.summary,
            summary: &summary,
            cart_value: &cart.subtotal,
        };
        if let Some(stored) = self.inner.escalations.open(&new).await? {
            tracing::info!(escalation = %stored.id, conversation = %stored.conversation_id, reason = %stored.reason, priority = %stored.priority, "escalation queued");
            self.notify_here(Notice {
                kind: "escalation".into(),
                conversation_id: stored.conversation_id.clone(),
                brand: stored.brand.clone(),
                escalation_id: Some(stored.id.clone()),
                priority: Some(stored.priority.clone()),
            });
        }
        Ok(())
    }

    /// Announce again every urgent escalation nobody accepted in time.
    pub async fn renotify_due(&self) -> Result<usize, SalesError> {
        let after = self.options().renotify_after;
        let due = self
            .inner
            .escalations
            .renotify_due(now_ms() - after.as_millis() as i64)
            .await?;
        for e in &due {
            tracing::warn!(escalation = %e.id, conversation = %e.conversation_id, brand = ?e.brand, waiting_s = (now_ms() - e.created_at) / 1000, "urgent escalation still waiting for a rep");
            self.notify(Notice {
                kind: "renotify".into(),
                conversation_id: e.conversation_id.clone(),
                brand: e.brand.clone(),
                escalation_id: Some(e.id.clone()),
                priority: Some(e.priority.clone()),
            });
        }
        Ok(due.len())
    }

    async fn publish<P: events::Payload>(
        &self,
        id: &str,
        conversation_id: &str,
        brand: Option<&str>,
        payload: &P,
    ) -> Result<(), SalesError> {
        let ctx = events::Context {
            source: SOURCE,
            subject: Some(conversation_id),
            brand,
            traceparent: None,
        };
        self.inner
            .deps
            .bus
            .publish(events::build_with_id(id, &ctx, payload)?)
            .await?;
        Ok(())
    }
}

/// The escalation id of a `store.sales.escalate` event id.
pub fn escalation_id(event_id: &str) -> String {
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(event_id.as_bytes());
    format!("esc-{}", hex::encode(&digest[..16]))
}

async fn renotify_loop(weak: Weak<Inner>) {
    loop {
        let tick = match weak.upgrade() {
            Some(inner) => inner
                .options
                .lock()
                .map(|o| o.renotify_tick)
                .unwrap_or(Duration::from_secs(10)),
            None => return,
        };
        tokio::time::sleep(tick).await;
        let Some(inner) = weak.upgrade() else { return };
        let sales = Sales { inner };
        if let Err(e) = sales.renotify_due().await {
            tracing::warn!(error = %e, "re-notifying escalations failed");
        }
    }
}

/// The `sales` consumer group.
struct Consumer(Sales);

#[async_trait]
impl Handler for Consumer {
    async fn handle(&self, event: Event) -> Result<(), HandlerError> {
        let sales = &self.0;
        match EventType::parse(event.ty()) {
            // Malformed: permanent, the bus parks it at once.
            Some(EventType::SalesEscalate) => {
                let e = events::payload::<SalesEscalate>(&event)?;
                sales.on_escalate(event.id(), e).await?;
                // Carried out: the turn that asked for it may forget it.
                crate::conversations::settle_effect(&sales.inner.deps.db, event.id())
                    .await
                    .map_err(SalesError::from)?
            }
            Some(EventType::WhatsAppMessageReceived | EventType::WhatsAppMessageSend) => {
                // Consoles showing this conversation refresh it. With none
                // open here the notice would be dropped: its brand is not
                // read from the database (a read per message in and out).
                if !sales.notices_heard_here() {
                    return Ok(());
                }
                if let Some(notice) = sales.message_notice(&event).await {
                    sales.notify_here(notice);
                }
            }
            _ => {}
        }
        Ok(())
    }
}
