//! The outbound side of the gateway: every message goes through a
//! persistent outbox, is paced per business number and per customer,
//! respects WhatsApp's 24-hour customer-service window, and is retried with
//! backoff and jitter when Meta throttles or fails — exactly once per
//! outbound id.
//!
//! The send stage queues a message and hands its conversation to a sender
//! task ([`Gateway::deliver_soon`]): one per conversation at a time, which
//! sends the conversation's queue in order, waiting for each message's
//! pacing slot. The stage's bus lane never waits for Meta or for pacing (a
//! reply's second message waits ~100 ms for its customer's gap), so one
//! customer's wait never holds up the other conversations of its lane.
//! What cannot leave at once (Meta throttling past the inline attempts, a
//! restart) is sent by the background worker, in order per conversation. A sender claims a message with a short lease
//! in the database before sending, so two senders (inline and worker, or
//! two hosts) never send the same message.
//!
//! When storage refuses the "sent" mark of a message Meta accepted (a full
//! disk), the mark is kept in memory and retried with backoff until storage
//! is back ([`Unrecorded`]); meanwhile no sender claims the message again.
//!
//! Limits of the guarantee: Meta has no idempotency key, so if the host dies
//! after Meta accepted a message but before the answer was stored (or while
//! storage still refuses it), the message is sent again once its lease
//! expires (at least once in that window; a graceful shutdown finishes
//! in-flight sends and stores the marks it holds first).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rand::Rng;
use serde_json::Value;
use tokio::sync::{Mutex, Notify, Semaphore, watch};
use tokio::task::JoinHandle;
use tracing::Instrument as _;

use crate::telemetry::mask;

use super::config::WhatsAppConfig;
use super::graph::{GraphClient, GraphError};
use super::media::{self, Downloaded, MediaError};
use super::outbound;
use super::pacing::{PaceLimits, Pacer};
use super::payload::Media;
use crate::bus::Bus;
use crate::chat::{EscalationReason, Priority, Speaker};
use crate::conversations::{
    Claimed, ConversationError, Conversations, NewOutbound, Route, TurnWrites,
};
use crate::db::now_ms;
use crate::events::{self, Context, OutboundMessage, SalesEscalate};

/// WhatsApp's customer-service window.
pub const SERVICE_WINDOW_MS: i64 = 24 * 3600 * 1000;
/// Graph API error: the access token expired or is invalid.
pub const TOKEN_EXPIRED: i64 = 190;
/// Graph API error: more than 24 hours since the customer last wrote.
pub const REENGAGEMENT_REQUIRED: i64 = 131047;
/// A fresh message is left to the inline sender this long before the
/// background worker may take it.
const INLINE_GRACE_MS: i64 = 5_000;

/// Queued messages of a conversation read at once by its sender (a reply
/// is two or three).
const QUEUE_READ: u32 = 8;
/// How often the worker looks at the outbox when nothing woke it.
const SWEEP_INTERVAL: Duration = Duration::from_millis(500);
/// First and longest wait between tries to store held "sent" marks.
const MARK_RETRY_FIRST: Duration = Duration::from_millis(100);
const MARK_RETRY_MAX: Duration = Duration::from_secs(5);
/// A claim's lease beyond the request timeout.
const LEASE_MARGIN_MS: i64 = 5_000;
/// Graph API requests in flight at once (the conversations' senders run
/// concurrently; this bounds the connections they open to Meta).
const MAX_GRAPH_REQUESTS: usize = 64;

const SOURCE: &str = "/agent-store/whatsapp";

#[derive(Debug, thiserror::Error)]
pub enum GatewayError {
    #[error(transparent)]
    Store(#[from] ConversationError),
    #[error("publishing an event: {0}")]
    Publish(String),
}

/// What became of one delivery attempt.
#[derive(Debug, Clone, PartialEq)]
pub enum Delivery {
    /// Accepted by the Graph API.
    Sent { wamid: String },
    /// Still queued: retried later by the worker.
    Queued,
    /// Outside the 24-hour window: kept for a human (and a re-engagement
    /// template sent when one is configured).
    Held,
    /// Refused for good (4xx, an unconfigured template, too old).
    Failed { error: String },
    /// Already handled, or another sender holds it.
    Skipped,
}

/// One attempt's outcome; `Retry` becomes [`Delivery::Queued`] outside.
enum Attempt {
    Done(Delivery),
    Retry(Duration),
}

/// Who wrote an outbound message, from its id and brand.
pub fn speaker_of(m: &OutboundMessage) -> Speaker {
    if m.id.starts_with("console/") {
        // The sales console's ids: a human rep wrote it.
        Speaker::HumanAgent
    } else if m.brand.is_some() {
        Speaker::Assistant
    } else {
        Speaker::System
    }
}

/// The Graph API message type (`text`, `interactive`, `template`...).
fn kind_of(m: &OutboundMessage) -> String {
    m.body
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("text")
        .to_string()
}

/// The stored form of an outbound message.
fn record<'a>(m: &'a OutboundMessage, speaker: Speaker, kind: &'a str) -> NewOutbound<'a> {
    NewOutbound {
        id: &m.id,
        conversation_id: &m.conversation_id,
        brand: m.brand.as_deref(),
        speaker,
        kind,
        text: &m.text,
        body: &m.body,
    }
}

/// The outbound gateway of one host.
pub struct Gateway {
    config: WhatsAppConfig,
    graph: GraphClient,
    store: Conversations,
    bus: Arc<dyn Bus>,
    pacer: Pacer,
    /// Pacing shared with the other hosts (PostgreSQL), when set: used
    /// instead of `pacer` while the database answers.
    shared_pacer: std::sync::OnceLock<super::shared_pacing::SharedPacer>,
    /// The shared pacer failed and `pacer` paces alone (logged once).
    pacing_alone: AtomicBool,
    /// The access token was refused (190): nothing is sent until restart.
    halted: AtomicBool,
    wake: Notify,
    stopping: AtomicBool,
    /// Set when stopping: a send waiting for its pacing slot gives its
    /// message back to the outbox instead of holding shutdown up.
    stop_signal: watch::Sender<bool>,
    worker: Mutex<Option<JoinHandle<()>>>,
    /// Messages an inline sender is working on (the worker leaves them).
    inline: std::sync::Mutex<HashSet<String>>,
    /// Conversations a sender task is sending ([`Self::deliver_soon`]),
    /// each with whether it was asked again since it last read the queue
    /// (and by whom: the asker's span is the next round's parent, so a
    /// message's Graph API send stays in its trace).
    senders: std::sync::Mutex<HashMap<String, Option<tracing::Span>>>,
    /// Notified when the last sender task ends.
    senders_idle: Notify,
    graph_requests: Semaphore,
    /// Sent messages whose "sent" mark storage refused.
    unrecorded: std::sync::Mutex<Unrecorded>,
}

/// "Sent" marks storage refused (a full disk): Meta accepted these
/// messages, so they must never be sent again. Held in memory — every
/// sender skips them — and stored with backoff until storage is back.
#[derive(Debug, Default)]
struct Unrecorded {
    /// Outbound id → the wamid Meta gave it.
    marks: std::collections::BTreeMap<String, String>,
    /// When to try again, and the wait after that.
    retry_at: Option<tokio::time::Instant>,
    delay: Duration,
}

/// Marks a message as being sent inline until dropped.
struct InlineGuard<'a>(&'a Gateway, String);

impl<'a> InlineGuard<'a> {
    fn new(gateway: &'a Gateway, id: &str) -> Self {
        gateway
            .inline
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id.to_string());
        Self(gateway, id.to_string())
    }
}

/// A conversation's sender task's entry in [`Gateway::senders`], removed
/// when the task ends, however it ends (a panic included, or this host's
/// inline path would never send to the conversation again).
struct SenderGuard {
    gateway: Arc<Gateway>,
    conversation_id: String,
    ended: bool,
}

impl SenderGuard {
    fn end(&mut self, senders: &mut HashMap<String, Option<tracing::Span>>) {
        self.ended = true;
        senders.remove(&self.conversation_id);
        if senders.is_empty() {
            self.gateway.senders_idle.notify_waiters();
        }
    }
}

impl Drop for SenderGuard {
    fn drop(&mut self) {
        if !self.ended {
            let gateway = self.gateway.clone();
            self.end(&mut gateway.senders());
        }
    }
}

impl Drop for InlineGuard<'_> {
    fn drop(&mut self) {
        self.0
            .inline
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.1);
    }
}

impl std::fmt::Debug for Gateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gateway")
            .field("halted", &self.halted.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl Gateway {
    pub fn new(
        config: &WhatsAppConfig,
        store: Conversations,
        bus: Arc<dyn Bus>,
    ) -> Result<Arc<Self>, GraphError> {
        Ok(Arc::new(Self {
            graph: GraphClient::new(config)?,
            pacer: Pacer::new(PaceLimits {
                per_second: config.pace_per_second,
                burst: config.pace_burst.max(1),
                recipient_gap: Duration::from_millis(config.pace_recipient_gap_ms),
            }),
            shared_pacer: std::sync::OnceLock::new(),
            pacing_alone: AtomicBool::new(false),
            config: config.clone(),
            store,
            bus,
            halted: AtomicBool::new(false),
            wake: Notify::new(),
            stopping: AtomicBool::new(false),
            stop_signal: watch::channel(false).0,
            worker: Mutex::new(None),
            inline: Default::default(),
            senders: Default::default(),
            senders_idle: Notify::new(),
            graph_requests: Semaphore::new(MAX_GRAPH_REQUESTS),
            unrecorded: Default::default(),
        }))
    }

    pub fn config(&self) -> &WhatsAppConfig {
        &self.config
    }

    /// Pace with every host sharing `db` (PostgreSQL): one bucket per
    /// business number and one gap per customer for them all.
    pub fn share_pacing(&self, db: crate::db::Db) {
        let pacer = super::shared_pacing::SharedPacer::new(
            db,
            PaceLimits {
                per_second: self.config.pace_per_second,
                burst: self.config.pace_burst.max(1),
                recipient_gap: Duration::from_millis(self.config.pace_recipient_gap_ms),
            },
        );
        let prune = pacer.clone();
        if self.shared_pacer.set(pacer).is_ok() {
            tokio::spawn(async move {
                let mut tick = tokio::time::interval(Duration::from_secs(60));
                loop {
                    tick.tick().await;
                    if let Err(e) = prune.prune().await {
                        tracing::debug!(error = %e, "pacing slots not pruned");
                    }
                }
            });
        }
    }

    /// The instant a message from `number` to `recipient` may leave: from
    /// the shared buckets when configured and reachable, else this host's.
    async fn pace(&self, number: &str, recipient: &str) -> tokio::time::Instant {
        if let Some(shared) = self.shared_pacer.get() {
            match shared.reserve(number, recipient).await {
                Ok(wait) => {
                    if self.pacing_alone.swap(false, Ordering::Relaxed) {
                        tracing::info!("shared pacing back: the database answers again");
                    }
                    return tokio::time::Instant::now() + wait;
                }
                Err(e) => {
                    if !self.pacing_alone.swap(true, Ordering::Relaxed) {
                        tracing::error!(error = %e, "shared pacing unavailable: this host paces alone until the database answers");
                    }
                }
            }
        }
        self.pacer.reserve(number, recipient)
    }

    /// The brand a business number is bound to (skips the router).
    pub fn bound_brand(&self, phone_number_id: &str) -> Option<&str> {
        self.config.bound_brand(phone_number_id)
    }

    /// Whether sending stopped because Meta refused the access token.
    pub fn is_halted(&self) -> bool {
        self.halted.load(Ordering::SeqCst)
    }

    /// Stop every send and download: Meta refused the access token, and
    /// retrying with it would only get the app flagged.
    fn halt(&self, error: &dyn std::fmt::Display) {
        if !self.halted.swap(true, Ordering::SeqCst) {
            tracing::error!(alert = "whatsapp_token_rejected", error = %error, "the Graph API refused the access token: sending stopped until the token is replaced and the host restarted; messages stay queued");
        }
    }

    /// Download an inbound media file (see [`media`]).
    pub async fn download_media(&self, m: &Media) -> Result<Downloaded, MediaError> {
        if self.is_halted() {
            return Err(MediaError::Halted);
        }
        let downloaded = media::download(&self.graph, m, self.config.media_max_bytes).await;
        if let Err(e) = &downloaded
            && e.token_refused()
        {
            self.halt(e);
        }
        downloaded
    }

    /// How long a sender may hold a message before another may take it.
    fn lease_ms(&self) -> i64 {
        i64::try_from(self.config.request_timeout_ms)
            .unwrap_or(60_000)
            .saturating_add(LEASE_MARGIN_MS)
    }

    /// Queue a message durably. `false` when this outbound id was queued
    /// before (a redelivered event): it is never queued twice.
    pub async fn enqueue(
        &self,
        m: &OutboundMessage,
        speaker: Speaker,
    ) -> Result<bool, GatewayError> {
        let kind = kind_of(m);
        // The worker keeps off while the inline sender tries it.
        Ok(self
            .store
            .enqueue_outbound(
                &record(m, speaker, &kind),
                &self.route(m),
                now_ms() + INLINE_GRACE_MS,
            )
            .await?)
    }

    /// Queue a turn's replies durably and, with `handled`, mark the inbound
    /// message they answer handled, in one transaction: a crash after this
    /// loses nothing (the outbox sends them after a restart), a crash before
    /// it leaves the message to start-up recovery. Returns how many replies
    /// were new (a replayed turn's were queued before).
    pub async fn queue_replies(
        &self,
        messages: &[OutboundMessage],
        handled: Option<&str>,
    ) -> Result<usize, GatewayError> {
        self.queue_turn(messages, &TurnWrites::default(), handled)
            .await
    }

    /// [`Self::queue_replies`] with the turn's `writes` (order requests,
    /// escalations, the seller's state, the policy's records) stored in
    /// the same transaction.
    pub async fn queue_turn(
        &self,
        messages: &[OutboundMessage],
        writes: &TurnWrites,
        handled: Option<&str>,
    ) -> Result<usize, GatewayError> {
        let kinds: Vec<String> = messages.iter().map(kind_of).collect();
        let replies: Vec<_> = messages
            .iter()
            .zip(&kinds)
            .map(|(m, kind)| (record(m, speaker_of(m), kind), self.route(m)))
            .collect();
        let new = self
            .store
            .commit_turn(&replies, writes, handled, now_ms() + INLINE_GRACE_MS)
            .await?;
        Ok(new)
    }

    fn route<'a>(&'a self, m: &'a OutboundMessage) -> Route<'a> {
        Route {
            phone_number_id: self.config.sender(&m.phone_number_id),
            recipient: &m.to,
        }
    }

    /// Queue and send at once (retrying transient failures inline).
    pub async fn send(
        &self,
        m: &OutboundMessage,
        speaker: Speaker,
    ) -> Result<Delivery, GatewayError> {
        self.enqueue(m, speaker).await?;
        self.deliver(&m.id, &m.conversation_id).await
    }

    /// Try to send a queued message now, keeping its conversation's order:
    /// when an earlier message still waits, this one waits behind it.
    pub async fn deliver(&self, id: &str, conversation_id: &str) -> Result<Delivery, GatewayError> {
        let _guard = InlineGuard::new(self, id);
        if self.store.outbox_head(conversation_id).await?.as_deref() != Some(id) {
            // Sent already, or behind an earlier message: the worker
            // sends in order, this one right after the earlier ones.
            self.store.outbound_retry_at(id, now_ms(), "").await?;
            self.wake.notify_one();
            return Ok(Delivery::Skipped);
        }
        self.deliver_head(id).await
    }

    /// Send `id`, the head of its conversation's queue, now, retrying
    /// inline. The caller holds its [`InlineGuard`].
    async fn deliver_head(&self, id: &str) -> Result<Delivery, GatewayError> {
        let attempts = self.config.retry_attempts.max(1);
        for attempt in 1..=attempts {
            if self.is_halted() || self.stopping.load(Ordering::SeqCst) {
                return Ok(Delivery::Queued);
            }
            if self.is_unrecorded(id) {
                // Sent already; only its mark waits for storage.
                return Ok(Delivery::Skipped);
            }
            let Some(claimed) = self.store.claim_outbound(id, self.lease_ms(), true).await? else {
                return Ok(Delivery::Skipped);
            };
            match self.attempt(claimed).await? {
                Attempt::Retry(delay) if attempt < attempts => {
                    // Already due again in the outbox: stopping cuts the wait.
                    tokio::select! {
                        _ = tokio::time::sleep(delay) => {}
                        _ = self.stopped() => return Ok(Delivery::Queued),
                    }
                }
                Attempt::Retry(_) => {
                    self.wake.notify_one();
                    return Ok(Delivery::Queued);
                }
                Attempt::Done(d) => return Ok(d),
            }
        }
        Ok(Delivery::Queued)
    }

    /// Send the conversation's queued messages soon, in order, without
    /// waiting for them: a sender task of the conversation (started here,
    /// or told to read the queue again when one runs) sends each in turn.
    /// The messages are in the outbox already, so a host that dies first
    /// sends them after its restart (or another host's worker does).
    pub fn deliver_soon(self: &Arc<Self>, conversation_id: &str) {
        {
            let mut senders = self.senders();
            if let Some(again) = senders.get_mut(conversation_id) {
                *again = Some(tracing::Span::current());
                return;
            }
            senders.insert(conversation_id.to_string(), None);
        }
        let mut sender = SenderGuard {
            gateway: self.clone(),
            conversation_id: conversation_id.to_string(),
            ended: false,
        };
        let (g, conversation_id) = (self.clone(), conversation_id.to_string());
        let mut span = tracing::Span::current();
        tokio::spawn(async move {
            let conversation_id = conversation_id.as_str();
            loop {
                if let Err(e) = g.send_queue(conversation_id).instrument(span).await {
                    // Left queued: the worker takes it up.
                    tracing::warn!(error = %e, "a conversation's queued replies could not be sent now: the outbox worker retries them");
                    g.wake.notify_one();
                }
                // Decided under the lock that `deliver_soon` takes, so a
                // message queued meanwhile is never left without a sender.
                let mut senders = g.senders();
                match senders.get_mut(conversation_id).and_then(Option::take) {
                    Some(asker) => span = asker,
                    None => {
                        sender.end(&mut senders);
                        return;
                    }
                }
            }
        });
    }

    /// Send the conversation's queue head after head until one cannot
    /// leave now (paced out past the retries, held by another sender, not
    /// due), which the worker takes up.
    ///
    /// The queue is read a few messages at a time: a message sent, refused
    /// or held has left the queue (its mark is committed before
    /// `deliver_head` returns), so the next one read is the next head.
    /// Once those are out the queue is read again, for what was queued
    /// meanwhile (a re-engagement template, say).
    async fn send_queue(&self, conversation_id: &str) -> Result<(), GatewayError> {
        let mut last = None;
        loop {
            let queue = self.store.outbox_queue(conversation_id, QUEUE_READ).await?;
            if queue.is_empty() {
                return Ok(());
            }
            for head in queue {
                if last.as_ref() == Some(&head) {
                    // Still at the head after an attempt: the worker's.
                    return Ok(());
                }
                let _guard = InlineGuard::new(self, &head);
                match self.deliver_head(&head).await? {
                    // Sent, but its mark waits for storage: the rest waits
                    // behind it, for the worker (as when the head is read
                    // again and is still there).
                    Delivery::Sent { .. } if self.is_unrecorded(&head) => return Ok(()),
                    Delivery::Sent { .. } | Delivery::Failed { .. } | Delivery::Held => {}
                    Delivery::Queued | Delivery::Skipped => {
                        // The rest waits behind this head for the worker,
                        // which sends them in order once they are due: now.
                        self.store.outbox_due_now(conversation_id).await?;
                        self.wake.notify_one();
                        return Ok(());
                    }
                }
                last = Some(head);
            }
        }
    }

    fn senders(&self) -> std::sync::MutexGuard<'_, HashMap<String, Option<tracing::Span>>> {
        self.senders.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Wait until no conversation's sender task runs. Returns whether one
    /// did (what it sent may have led to more events).
    pub async fn wait_senders(&self) -> bool {
        let mut waited = false;
        loop {
            let idle = self.senders_idle.notified();
            tokio::pin!(idle);
            idle.as_mut().enable();
            if self.senders().is_empty() {
                return waited;
            }
            waited = true;
            idle.await;
        }
    }

    /// Resolves once [`Self::stop`] was called.
    async fn stopped(&self) {
        let mut stop = self.stop_signal.subscribe();
        // The guard is dropped here, never held across an await.
        let _ = stop.wait_for(|stopping| *stopping).await.map(|_| ());
    }

    /// Backoff before attempt `n + 1`: exponential, capped, with jitter
    /// (half fixed, half random) so throttled senders spread out.
    fn backoff(&self, n: u32) -> Duration {
        let base = self.config.retry_base_ms.max(1);
        let max = self.config.retry_max_ms.max(base);
        let exp = base
            .saturating_mul(1u64 << n.saturating_sub(1).min(20))
            .min(max);
        let half = exp / 2;
        Duration::from_millis(half + rand::rng().random_range(0..=half))
    }

    /// One claimed send: checks, pacing, the Graph API call, the outcome.
    async fn attempt(&self, c: Claimed) -> Result<Attempt, GatewayError> {
        if c.kind == "template" {
            let name = c
                .body
                .pointer("/template/name")
                .and_then(Value::as_str)
                .unwrap_or("");
            let lang = c
                .body
                .pointer("/template/language/code")
                .and_then(Value::as_str)
                .unwrap_or("");
            if !self.config.template_allowed(name, lang) {
                let error =
                    format!("template {name:?} ({lang}) is not configured in whatsapp.templates");
                return Ok(Attempt::Done(self.fail(&c, error).await?));
            }
        } else {
            // Read with the claim, a moment ago: a newer message from the
            // customer only widens the window.
            let last = c.conversation.last_customer_message_at;
            if last.is_none_or(|at| now_ms() - at > SERVICE_WINDOW_MS) {
                let reason = "outside WhatsApp's 24-hour customer-service window: only a template may be sent";
                return Ok(Attempt::Done(self.hold(&c, reason).await?));
            }
        }
        if now_ms() - c.created_at
            > i64::try_from(self.config.outbox_max_age_secs.saturating_mul(1000))
                .unwrap_or(i64::MAX)
        {
            let error = "gave up: could not be sent in time".to_string();
            return Ok(Attempt::Done(self.fail(&c, error).await?));
        }
        let slot = self.pace(&c.phone_number_id, &c.recipient).await;
        let wait = slot.saturating_duration_since(tokio::time::Instant::now());
        if !wait.is_zero() {
            // Keep the claim for as long as pacing holds the send back. The
            // lease covers a request plus LEASE_MARGIN_MS: a customer's gap
            // (~100 ms, a reply's second message) fits in the margin, so only
            // a longer wait costs a write.
            let wait_ms = i64::try_from(wait.as_millis()).unwrap_or(i64::MAX / 4);
            if wait_ms > LEASE_MARGIN_MS / 5 {
                self.store
                    .extend_lease(&c.id, now_ms() + wait_ms + self.lease_ms())
                    .await?;
            }
            tokio::select! {
                _ = tokio::time::sleep_until(slot) => {}
                _ = self.stopped() => {
                    // Not sent: due again at once for the next start (or
                    // another host), not after the lease.
                    self.store.outbound_retry_at(&c.id, now_ms(), "").await?;
                    return Ok(Attempt::Done(Delivery::Queued));
                }
            }
        }
        let Some(request) = self.request_slot(&c).await? else {
            return Ok(Attempt::Done(Delivery::Queued));
        };
        let sent = self
            .graph
            .send(&c.phone_number_id, &c.body)
            .instrument(tracing::info_span!(
                "whatsapp.graph.send",
                otel.kind = "client",
                message_id = %c.id,
                kind = %c.kind,
                attempt = c.attempts,
            ))
            .await;
        drop(request);
        if let Err(e) = &sent {
            crate::telemetry::metrics::send_failed(&failure_code(e.code(), e.status()));
        }
        match sent {
            Ok(wamid) => {
                self.record_sent(&c, &wamid).await;
                tracing::info!(id = %c.id, to = %mask::phone(&c.recipient), from = %c.phone_number_id, %wamid, kind = %c.kind, attempts = c.attempts, "message sent");
                self.observe_sent(&c);
                Ok(Attempt::Done(Delivery::Sent { wamid }))
            }
            Err(e) if e.code() == Some(TOKEN_EXPIRED) || e.status() == Some(401) => {
                self.halt(&e);
                self.store
                    .outbound_retry_at(&c.id, now_ms(), &e.to_string())
                    .await?;
                Ok(Attempt::Done(Delivery::Queued))
            }
            Err(e) if e.code() == Some(REENGAGEMENT_REQUIRED) => {
                Ok(Attempt::Done(self.hold(&c, &e.to_string()).await?))
            }
            Err(e) if e.is_retryable() => {
                let delay = self.backoff(c.attempts);
                tracing::warn!(id = %c.id, attempt = c.attempts, retry_in_ms = delay.as_millis() as u64, error = %e, "send failed, will retry");
                let at = now_ms() + i64::try_from(delay.as_millis()).unwrap_or(i64::MAX / 2);
                self.store
                    .outbound_retry_at(&c.id, at, &e.to_string())
                    .await?;
                Ok(Attempt::Retry(delay))
            }
            Err(e) => Ok(Attempt::Done(self.fail(&c, e.to_string()).await?)),
        }
    }

    /// A place among the Graph API requests in flight for claimed message
    /// `c`. A long wait for it extends the claim's lease (the lease must
    /// outlast the request); stopping gives the message back to the outbox
    /// (`None`) rather than start a request after `stop`.
    async fn request_slot(
        &self,
        c: &Claimed,
    ) -> Result<Option<tokio::sync::SemaphorePermit<'_>>, GatewayError> {
        let asked = tokio::time::Instant::now();
        let permit = tokio::select! {
            permit = self.graph_requests.acquire() => permit.ok(),
            _ = self.stopped() => {
                self.store.outbound_retry_at(&c.id, now_ms(), "").await?;
                return Ok(None);
            }
        };
        let waited_ms = i64::try_from(asked.elapsed().as_millis()).unwrap_or(i64::MAX / 4);
        if waited_ms > LEASE_MARGIN_MS / 5 {
            self.store
                .extend_lease(&c.id, now_ms() + self.lease_ms())
                .await?;
        }
        // Never closed; a closed one would only lift the bound.
        Ok(permit)
    }

    /// Count a sent message (brand, type, language) and, for the first
    /// reply to a customer message, the response time. Best effort: the
    /// message is sent whatever this finds.
    fn observe_sent(&self, c: &Claimed) {
        // The conversation as the claim read it (no second read per send).
        let brand = c.conversation.brand.as_deref().unwrap_or("host");
        let language = c.conversation.language.as_deref().unwrap_or("");
        crate::telemetry::metrics::message_sent(&c.conversation_id, brand, &c.kind, language);
    }

    async fn fail(&self, c: &Claimed, error: String) -> Result<Delivery, GatewayError> {
        tracing::error!(id = %c.id, to = %mask::phone(&c.recipient), %error, "message refused");
        self.store
            .outbound_finished(&c.id, "failed", &error)
            .await?;
        Ok(Delivery::Failed { error })
    }

    /// Keep a free-form message for a human: the window is closed. Sends
    /// the configured re-engagement template once per window and asks the
    /// sales team to take over.
    async fn hold(&self, c: &Claimed, reason: &str) -> Result<Delivery, GatewayError> {
        tracing::warn!(id = %c.id, to = %mask::phone(&c.recipient), %reason, "message held for a human");
        crate::telemetry::metrics::window_refused();
        self.store.outbound_finished(&c.id, "held", reason).await?;
        self.reengage(&c.conversation_id, &c.phone_number_id, &c.recipient, reason)
            .await?;
        Ok(Delivery::Held)
    }

    /// Send the re-engagement template (once per closed window) and
    /// escalate the conversation to a human.
    pub async fn reengage(
        &self,
        conversation_id: &str,
        phone_number_id: &str,
        to: &str,
        reason: &str,
    ) -> Result<(), GatewayError> {
        let conversation = self.store.get(conversation_id).await?;
        let window = self
            .store
            .last_customer_message_at(conversation_id)
            .await?
            .unwrap_or(0);
        let mut summary = format!("A reply could not be sent: {reason}.");
        if let Some(t) = self.config.reengagement(&conversation.language) {
            let id = format!("{conversation_id}/reengage/{window}");
            let text = format!("[template {}]", t.name);
            let body = outbound::template(to, &t.name, &t.language, &[]);
            // Queued for the worker, due at once (sending it from here would
            // make sending recursive).
            let record = NewOutbound {
                id: &id,
                conversation_id,
                brand: None,
                speaker: Speaker::System,
                kind: "template",
                text: &text,
                body: &body,
            };
            let route = Route {
                phone_number_id: self.config.sender(phone_number_id),
                recipient: to,
            };
            if !self
                .store
                .enqueue_outbound(&record, &route, now_ms())
                .await?
            {
                // This window was handled already: one template, one
                // escalation.
                return Ok(());
            }
            self.wake.notify_one();
            summary.push_str(&format!(
                " The re-engagement template {} ({}) was queued.",
                t.name, t.language
            ));
        } else {
            summary.push_str(" No re-engagement template is configured.");
        }
        let escalation = SalesEscalate {
            conversation_id: conversation_id.to_string(),
            customer: crate::chat::Customer {
                wa_id: conversation.customer_wa_id.clone(),
                name: conversation.customer_name.clone(),
            },
            brand: conversation.brand.clone(),
            reason: EscalationReason::Other,
            priority: Priority::Medium,
            summary,
        };
        let ctx = Context {
            source: SOURCE,
            subject: Some(conversation_id),
            brand: conversation.brand.as_deref(),
            traceparent: None,
        };
        let event = events::build_with_id(
            &format!("{conversation_id}/held/{window}"),
            &ctx,
            &escalation,
        )
        .map_err(|e| GatewayError::Publish(e.to_string()))?;
        self.bus
            .publish(event)
            .await
            .map_err(|e| GatewayError::Publish(e.to_string()))?;
        Ok(())
    }

    /// Mark an inbound message read (blue ticks). Best effort: a failure
    /// is logged, never retried.
    pub async fn mark_read(&self, phone_number_id: &str, wamid: &str) {
        if self.is_halted() || wamid.is_empty() {
            return;
        }
        let from = self.config.sender(phone_number_id);
        if let Err(e) = self.graph.post(from, &outbound::mark_read(wamid)).await {
            tracing::warn!(%wamid, error = %e, "could not mark a message read");
        }
    }

    /// Start the background worker: it sends what the inline sender could
    /// not (retries, messages queued behind them, messages left by a
    /// previous run of the host).
    pub async fn start(self: &Arc<Self>) {
        let mut worker = self.worker.lock().await;
        if worker.is_some() {
            return;
        }
        // Whatever a previous run queued is due now.
        if let Err(e) = self.store.outbox_release_fresh().await {
            tracing::warn!(error = %e, "could not release queued messages");
        }
        let g = self.clone();
        *worker = Some(tokio::spawn(async move {
            loop {
                if g.stopping.load(Ordering::SeqCst) {
                    return;
                }
                g.store_unrecorded(false).await;
                if let Err(e) = g.sweep().await {
                    tracing::warn!(error = %e, "outbox sweep failed");
                }
                tokio::select! {
                    _ = g.wake.notified() => {}
                    _ = tokio::time::sleep(SWEEP_INTERVAL) => {}
                }
            }
        }));
    }

    /// Send the due head of every conversation's queue, oldest first.
    /// Returns how many messages left.
    pub async fn sweep(&self) -> Result<usize, GatewayError> {
        if self.is_halted() {
            return Ok(0);
        }
        let mut sent = 0;
        for q in self.store.outbox_heads(500).await? {
            if self.stopping.load(Ordering::SeqCst) {
                break;
            }
            let inline = self
                .inline
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .contains(&q.id);
            if !q.due || inline || self.is_unrecorded(&q.id) {
                continue;
            }
            let Some(claimed) = self
                .store
                .claim_outbound(&q.id, self.lease_ms(), false)
                .await?
            else {
                continue;
            };
            if let Attempt::Done(Delivery::Sent { .. }) = self.attempt(claimed).await? {
                sent += 1;
                // The next message of this conversation is due now.
                self.wake.notify_one();
            }
        }
        Ok(sent)
    }

    /// Stop the worker after its current send and wait for the inline sends
    /// in progress; queued messages stay in the outbox for the next start.
    /// (Callers bound this with their shutdown grace.)
    pub async fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        self.stop_signal.send_replace(true);
        self.wake.notify_one();
        if let Some(handle) = self.worker.lock().await.take() {
            let _ = handle.await;
        }
        // Inline sends already talking to Meta finish and record their
        // answer (a send cut off mid-request would be repeated after the
        // restart); those waiting for pacing gave their message back.
        while !self
            .inline
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_empty()
        {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        // Marks storage refused: keep trying (a restart without them would
        // send those messages again); the caller's grace bounds this.
        while !self.store_unrecorded(true).await {
            tokio::time::sleep(MARK_RETRY_FIRST).await;
        }
    }

    fn unrecorded(&self) -> std::sync::MutexGuard<'_, Unrecorded> {
        self.unrecorded.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether `id` was sent and only its mark waits for storage.
    fn is_unrecorded(&self, id: &str) -> bool {
        self.unrecorded().marks.contains_key(id)
    }

    /// Store the "sent" mark of a message Meta accepted. When storage
    /// refuses it, the mark is held in memory and retried
    /// ([`Self::store_unrecorded`]): never dropped, and the message is
    /// never claimed (so never sent) again meanwhile.
    async fn record_sent(&self, c: &Claimed, wamid: &str) {
        let Err(e) = self.store.outbound_sent(&c.id, wamid).await else {
            return;
        };
        let first = {
            let mut u = self.unrecorded();
            let first = u.marks.is_empty();
            u.marks.insert(c.id.clone(), wamid.to_string());
            if first {
                u.delay = MARK_RETRY_FIRST;
                u.retry_at = Some(tokio::time::Instant::now() + MARK_RETRY_FIRST);
            }
            first
        };
        if first {
            tracing::error!(id = %c.id, %wamid, error = %e, "storage refused the 'sent' mark of a message the Graph API accepted: the mark is held in memory and retried with backoff until storage is back; the message will not be sent again (the conversation's next replies wait for it)");
        } else {
            tracing::debug!(id = %c.id, %wamid, error = %e, "'sent' mark held until storage is back");
        }
        self.wake.notify_one();
    }

    /// Try to store the held "sent" marks (when their backoff is due, or
    /// `now`). Returns whether none is left.
    async fn store_unrecorded(&self, now: bool) -> bool {
        let due: Vec<(String, String)> = {
            let u = self.unrecorded();
            if u.marks.is_empty() {
                return true;
            }
            if !now
                && u.retry_at
                    .is_some_and(|at| at > tokio::time::Instant::now())
            {
                return false;
            }
            u.marks
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        };
        let mut stored = 0usize;
        let mut error = None;
        for (id, wamid) in &due {
            match self.store.outbound_sent(id, wamid).await {
                Ok(()) => {
                    self.unrecorded().marks.remove(id);
                    stored += 1;
                }
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
        }
        let mut u = self.unrecorded();
        if let Some(e) = error {
            u.delay = (u.delay * 2).clamp(MARK_RETRY_FIRST, MARK_RETRY_MAX);
            u.retry_at = Some(tokio::time::Instant::now() + u.delay);
            tracing::debug!(held = u.marks.len(), retry_in_ms = u.delay.as_millis() as u64, error = %e, "storage still refuses the held 'sent' marks");
        }
        if stored > 0 && u.marks.is_empty() {
            tracing::info!(stored, "storage is back: the held 'sent' marks are stored");
            drop(u);
            // The conversations they held up may go on.
            self.wake.notify_one();
            return true;
        }
        u.marks.is_empty()
    }
}

#[cfg(test)]
#[path = "gateway_tests.rs"]
mod tests;

/// The metrics label of a failed send: Meta's error code, else the HTTP
/// status, else `transport`.
fn failure_code(code: Option<i64>, status: Option<u16>) -> String {
    match (code, status) {
        (Some(code), _) => code.to_string(),
        (None, Some(status)) => format!("http_{status}"),
        (None, None) => "transport".into(),
    }
}
