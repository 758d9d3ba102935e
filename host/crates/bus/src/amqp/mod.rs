//! The RabbitMQ backend (AMQP 0-9-1 through `lapin`).
//!
//! Topology (declared idempotently at start and after every reconnection,
//! every name prefixed by `bus.prefix`):
//!
//! ```text
//! <prefix>.events   topic exchange, durable
//!   ── "<type>.<shard>" ──▶ <prefix>.<group>.<shard>   quorum queue per group and shard
//!   ── "<type>"         ──▶ <prefix>.<group>.0         (external publishers that know no shard)
//! <prefix>.dead     direct exchange, durable (dead letters)
//!   ── "<group>"        ──▶ <prefix>.<group>.parked    quorum queue: events that exhausted retries
//! <prefix>.<group>.members   auto-delete queue every host of the group consumes:
//!                            its consumer count is the number of hosts
//! ```
//!
//! The shard of an event is a stable hash of its `subject` (the
//! conversation) modulo `bus.shards`. Each shard queue is consumed by at
//! most one host at a time through an *exclusive* consumer: ownership is
//! exact, so one conversation is handled by one host, one event at a time,
//! in publish order. Hosts balance shards between them (each takes its fair
//! share `ceil(shards / hosts)`); a host that gives a shard away finishes
//! the event in hand first and only then closes the shard's channel, which
//! returns its prefetched deliveries, in order, to the queue's head.
//!
//! Delivery: publisher confirms (publish returns once the broker stored the
//! event); manual acks only after the handler returned `Ok`; handler errors
//! are retried in place with backoff (keeping the order), permanent ones
//! not at all; the event is then parked: stored in the host's dead-letter
//! store (the database) and acknowledged, or, without one or when it
//! cannot be stored, rejected to the parking queue. The quorum queue's `x-delivery-limit` is
//! the backstop for events that kill hosts. Connection loss: every lane
//! stops, the supervisor reconnects with backoff, re-declares the topology
//! and re-claims shards; publishes in progress wait and are retried until
//! confirmed (so an event may be stored twice: handlers are idempotent by
//! event id).

pub mod binding;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use cloudevents::{AttributesReader, Event};
use futures::StreamExt;
use lapin::message::DeliveryResult;
use lapin::options::{
    BasicAckOptions, BasicConsumeOptions, BasicPublishOptions, BasicQosOptions, BasicRejectOptions,
    ConfirmSelectOptions, ExchangeDeclareOptions, ExchangeDeleteOptions, QueueBindOptions,
    QueueDeclareOptions, QueueDeleteOptions,
};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{
    Channel, Confirmation, Connection, ConnectionProperties, ConsumerDelegate, ExchangeKind,
};
use tokio::sync::{Notify, mpsc, oneshot, watch};
use tokio::task::JoinSet;

use super::delivery::{DeadLetters, Settled, deliver};
use super::{Bus, BusConfig, BusError, Handler, RetryPolicy};
use agent_store_events::EventType;

/// Names of the exchanges and queues of one deployment.
#[derive(Debug, Clone)]
pub struct Names {
    prefix: String,
}

impl Names {
    pub fn new(prefix: &str) -> Self {
        Self {
            prefix: prefix.to_string(),
        }
    }
    /// The topic exchange every event is published to.
    pub fn exchange(&self) -> String {
        format!("{}.events", self.prefix)
    }
    /// The dead-letter exchange.
    pub fn dead_exchange(&self) -> String {
        format!("{}.dead", self.prefix)
    }
    pub fn shard_queue(&self, group: &str, shard: u16) -> String {
        format!("{}.{group}.{shard}", self.prefix)
    }
    pub fn parking_queue(&self, group: &str) -> String {
        format!("{}.{group}.parked", self.prefix)
    }
    pub fn members_queue(&self, group: &str) -> String {
        format!("{}.{group}.members", self.prefix)
    }
}

/// A stable hash (FNV-1a): every host must agree on shards.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The shard of an event: its conversation, or itself when it has none.
pub fn shard_of(event: &Event, shards: u16) -> u16 {
    let key = event.subject().unwrap_or_else(|| event.id());
    (fnv1a(key) % u64::from(shards.max(1))) as u16
}

/// The URL without its password, for logs and errors.
fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}

fn backend(context: &str, e: impl std::fmt::Display) -> BusError {
    BusError::Backend(format!("{context}: {e}"))
}

#[derive(Clone)]
struct GroupSpec {
    name: String,
    types: Vec<EventType>,
    handler: Arc<dyn Handler>,
}

#[derive(Clone)]
struct Session {
    connection: Arc<Connection>,
    publisher: Channel,
}

/// What this host owns and expects, for `idle`.
#[derive(Default)]
struct Local {
    /// (group, shard) this host consumes.
    owned: HashMap<(String, u16), Channel>,
    /// (group, event id) published to a shard this host owns and not yet
    /// handled here → (shard, count).
    expected: HashMap<(String, String), (u16, usize)>,
}

struct Inner {
    config: BusConfig,
    names: Names,
    retry: RetryPolicy,
    /// Where parked events are kept (else the broker's parking queues).
    dead_letters: Option<Arc<dyn DeadLetters>>,
    host_id: String,
    session: watch::Sender<Option<Session>>,
    groups: watch::Sender<Vec<GroupSpec>>,
    /// Broadcast subscriptions: every host gets every event of their types
    /// (an exclusive, auto-deleted queue per host and subscription).
    broadcasts: watch::Sender<Vec<GroupSpec>>,
    local: Mutex<Local>,
    /// Deliveries received (buffered or being handled) and not settled.
    in_flight: AtomicUsize,
    /// Publishes not yet confirmed.
    publishing: AtomicUsize,
    /// Signalled whenever a counter above drops.
    progress: Notify,
    parked: AtomicUsize,
    handled: AtomicUsize,
    reconnections: AtomicUsize,
    closed: watch::Sender<bool>,
    /// A channel for passive declares (queue depths).
    inspector: tokio::sync::Mutex<Option<Channel>>,
}

impl Inner {
    fn local(&self) -> MutexGuard<'_, Local> {
        self.local.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn shards(&self) -> u16 {
        self.config.amqp_shards()
    }

    fn settled(&self, group: &str, id: &str) {
        {
            let mut local = self.local();
            let key = (group.to_string(), id.to_string());
            if let Some((_, n)) = local.expected.get_mut(&key) {
                *n -= 1;
                if *n == 0 {
                    local.expected.remove(&key);
                }
            }
        }
        self.in_flight.fetch_sub(1, Ordering::SeqCst);
        self.progress.notify_waiters();
    }

    fn own(&self, group: &str, shard: u16, ch: Channel) {
        self.local().owned.insert((group.to_string(), shard), ch);
    }

    fn disown(&self, group: &str, shard: u16) {
        {
            let mut local = self.local();
            local.owned.remove(&(group.to_string(), shard));
            local
                .expected
                .retain(|(g, _), (s, _)| !(g == group && *s == shard));
        }
        self.progress.notify_waiters();
    }

    /// Register the deliveries this publish will make to this host.
    fn expect(&self, event: &Event, ty: Option<EventType>, shard: u16) -> Vec<(String, String)> {
        let Some(ty) = ty else { return Vec::new() };
        let groups: Vec<String> = self
            .groups
            .borrow()
            .iter()
            .filter(|g| g.types.contains(&ty))
            .map(|g| g.name.clone())
            .collect();
        let mut local = self.local();
        let mut keys = Vec::new();
        for group in groups {
            if local.owned.contains_key(&(group.clone(), shard)) {
                let key = (group, event.id().to_string());
                local.expected.entry(key.clone()).or_insert((shard, 0)).1 += 1;
                keys.push(key);
            }
        }
        keys
    }

    fn unexpect(&self, keys: &[(String, String)]) {
        let mut local = self.local();
        for key in keys {
            if let Some((_, n)) = local.expected.get_mut(key) {
                *n -= 1;
                if *n == 0 {
                    local.expected.remove(key);
                }
            }
        }
    }

    /// Wait (up to the publish timeout) for a live session.
    async fn live_session(&self, deadline: Instant) -> Result<Session, BusError> {
        let mut rx = self.session.subscribe();
        let wait = rx.wait_for(|s| s.is_some());
        match tokio::time::timeout_at(deadline.into(), wait).await {
            Ok(Ok(s)) => s.clone().ok_or(BusError::Closed),
            Ok(Err(_)) => Err(BusError::Closed),
            Err(_) => Err(BusError::Backend(format!(
                "no connection to the broker at {}",
                redact(&self.config.amqp_url)
            ))),
        }
    }
}

/// The RabbitMQ-backed bus. See the module documentation.
pub struct AmqpBus {
    inner: Arc<Inner>,
    supervisor: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

impl AmqpBus {
    /// Connect, declare the shared topology and keep the connection up.
    /// Fails when the broker cannot be reached now.
    pub async fn connect(config: &BusConfig) -> Result<Arc<AmqpBus>, BusError> {
        Self::connect_with(config, None).await
    }

    /// [`AmqpBus::connect`], parking failed events in `dead_letters`.
    pub async fn connect_with(
        config: &BusConfig,
        dead_letters: Option<Arc<dyn DeadLetters>>,
    ) -> Result<Arc<AmqpBus>, BusError> {
        let (session_tx, _) = watch::channel(None);
        let (groups_tx, _) = watch::channel(Vec::new());
        let (broadcasts_tx, _) = watch::channel(Vec::new());
        let (closed_tx, _) = watch::channel(false);
        let inner = Arc::new(Inner {
            config: config.clone(),
            names: Names::new(&config.prefix),
            retry: config.retry(),
            dead_letters,
            host_id: uuid::Uuid::new_v4().simple().to_string(),
            session: session_tx,
            groups: groups_tx,
            broadcasts: broadcasts_tx,
            local: Mutex::new(Local::default()),
            in_flight: AtomicUsize::new(0),
            publishing: AtomicUsize::new(0),
            progress: Notify::new(),
            parked: AtomicUsize::new(0),
            handled: AtomicUsize::new(0),
            reconnections: AtomicUsize::new(0),
            closed: closed_tx,
            inspector: tokio::sync::Mutex::new(None),
        });
        let first = establish(&inner).await.map_err(|e| {
            BusError::Backend(format!(
                "cannot connect to the broker at {}: {e}",
                redact(&config.amqp_url)
            ))
        })?;
        inner.session.send_replace(Some(first.0.clone()));
        tracing::info!(url = %redact(&config.amqp_url), prefix = config.prefix, host = inner.host_id, "AMQP bus connected");
        let supervisor = tokio::spawn(supervise(inner.clone(), Some(first)));
        Ok(Arc::new(AmqpBus {
            inner,
            supervisor: Mutex::new(Some(supervisor)),
        }))
    }

    /// This host's id (also the connection name's suffix).
    pub fn host_id(&self) -> &str {
        &self.inner.host_id
    }

    /// The exchange and queue names.
    pub fn names(&self) -> &Names {
        &self.inner.names
    }

    /// Events this host parked (retries exhausted or malformed).
    pub fn parked(&self) -> usize {
        self.inner.parked.load(Ordering::SeqCst)
    }

    /// Events this host handled successfully.
    pub fn handled(&self) -> usize {
        self.inner.handled.load(Ordering::SeqCst)
    }

    /// Connections re-established after a loss.
    pub fn reconnections(&self) -> usize {
        self.inner.reconnections.load(Ordering::SeqCst)
    }

    /// Shard queues this host consumes now, over every group.
    pub fn owned_shards(&self) -> usize {
        self.inner.local().owned.len()
    }

    /// Whether the bus has a live connection now.
    pub fn connected(&self) -> bool {
        self.inner
            .session
            .borrow()
            .as_ref()
            .is_some_and(|s| s.connection.status().connected())
    }

    /// Messages waiting in a queue (passive declare).
    pub async fn queue_depth(&self, queue: &str) -> Result<u32, BusError> {
        let deadline = Instant::now() + Duration::from_millis(self.inner.config.publish_timeout_ms);
        let session = self.inner.live_session(deadline).await?;
        let ch = session
            .connection
            .create_channel()
            .await
            .map_err(|e| backend("opening a channel", e))?;
        let q = ch
            .queue_declare(
                queue.into(),
                QueueDeclareOptions {
                    passive: true,
                    ..Default::default()
                },
                FieldTable::default(),
            )
            .await
            .map_err(|e| backend(&format!("inspecting queue {queue}"), e))?;
        let _ = ch.close(200, "done".into()).await;
        Ok(q.message_count())
    }

    /// Stop consuming (finishing the events in hand) and close the
    /// connection (also `Bus::close`).
    pub async fn shutdown(&self) {
        self.inner.closed.send_replace(true);
        let handle = self
            .supervisor
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        if let Some(mut handle) = handle {
            // In-flight events finish; a broker that stopped answering
            // cannot hold the host's shutdown forever.
            let limit = Duration::from_millis(self.inner.config.publish_timeout_ms.max(1_000));
            if tokio::time::timeout(limit, &mut handle).await.is_err() {
                tracing::warn!(
                    ?limit,
                    "AMQP bus did not close in time (the broker is not answering): dropped"
                );
                handle.abort();
            }
        }
    }

    /// Delete every exchange and queue of this prefix that this bus knows
    /// (its groups'), e.g. at the end of a test. Uses a fresh connection.
    pub async fn delete_topology(&self) -> Result<(), BusError> {
        let groups: Vec<String> = self
            .inner
            .groups
            .borrow()
            .iter()
            .map(|g| g.name.clone())
            .collect();
        delete_topology(&self.inner.config, &groups).await
    }
}

/// Delete the exchanges and the queues of `groups` under `config.prefix`.
pub async fn delete_topology(config: &BusConfig, groups: &[String]) -> Result<(), BusError> {
    let limit = Duration::from_millis(config.publish_timeout_ms.max(1_000));
    tokio::time::timeout(limit, delete_topology_now(config, groups))
        .await
        .map_err(|_| BusError::Backend("deleting the topology: the broker did not answer".into()))?
}

async fn delete_topology_now(config: &BusConfig, groups: &[String]) -> Result<(), BusError> {
    let names = Names::new(&config.prefix);
    let conn = Connection::connect(&config.amqp_url, ConnectionProperties::default())
        .await
        .map_err(|e| backend("connecting", e))?;
    let ch = conn
        .create_channel()
        .await
        .map_err(|e| backend("opening a channel", e))?;
    for group in groups {
        let mut queues: Vec<String> = (0..config.amqp_shards())
            .map(|s| names.shard_queue(group, s))
            .collect();
        queues.push(names.parking_queue(group));
        queues.push(names.members_queue(group));
        for q in queues {
            ch.queue_delete(q.as_str().into(), QueueDeleteOptions::default())
                .await
                .map_err(|e| backend(&format!("deleting {q}"), e))?;
        }
    }
    for x in [names.exchange(), names.dead_exchange()] {
        ch.exchange_delete(x.as_str().into(), ExchangeDeleteOptions::default())
            .await
            .map_err(|e| backend(&format!("deleting {x}"), e))?;
    }
    let _ = conn.close(200, "topology deleted".into()).await;
    Ok(())
}

type Events = std::pin::Pin<Box<dyn futures::Stream<Item = lapin::Event> + Send>>;

/// Why a session could not be established.
#[derive(Debug, thiserror::Error)]
enum EstablishError {
    #[error(transparent)]
    Amqp(#[from] lapin::Error),
    /// A broker that accepts TCP but never answers (wedged, overloaded)
    /// must not hang start-up or the reconnect loop.
    #[error("the broker did not answer within {0:?}")]
    Timeout(Duration),
}

/// [`open_session`], bounded by the publish timeout.
async fn establish(inner: &Inner) -> Result<(Session, Events), EstablishError> {
    let limit = Duration::from_millis(inner.config.publish_timeout_ms.max(1_000));
    match tokio::time::timeout(limit, open_session(inner)).await {
        Ok(session) => Ok(session?),
        Err(_) => Err(EstablishError::Timeout(limit)),
    }
}

/// One broker round trip of the consuming side (declare, consume, qos,
/// close, ack), bounded like a publish: on a connection cut without a
/// clean close lapin may never answer, and a group or lane waiting on it
/// for ever would keep this host from consuming on the next session.
async fn bounded<T>(
    inner: &Inner,
    what: &'static str,
    op: impl std::future::Future<Output = Result<T, lapin::Error>>,
) -> Result<T, lapin::Error> {
    let limit = consume_round_trip_limit(inner);
    match tokio::time::timeout(limit, op).await {
        Ok(r) => r,
        Err(_) => Err(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            format!("the broker did not answer {what} within {limit:?}"),
        )
        .into()),
    }
}

/// The bound of one consuming-side round trip: the publish timeout, at
/// most 10 s (a declare or an ack takes milliseconds; a lane must not sit
/// on a dead connection for a publish's patience).
fn consume_round_trip_limit(inner: &Inner) -> Duration {
    Duration::from_millis(inner.config.publish_timeout_ms.clamp(1_000, 10_000))
}

/// Connect, declare the exchanges, open the confirming publisher channel.
async fn open_session(inner: &Inner) -> Result<(Session, Events), lapin::Error> {
    let name = format!("{}/{}", inner.config.prefix, inner.host_id);
    let props = ConnectionProperties::default().with_connection_name(LongString::from(name));
    let connection = Connection::connect(&inner.config.amqp_url, props).await?;
    let events: Events = Box::pin(connection.events_listener());
    let ch = connection.create_channel().await?;
    let durable = ExchangeDeclareOptions {
        durable: true,
        ..Default::default()
    };
    ch.exchange_declare(
        inner.names.exchange().into(),
        ExchangeKind::Topic,
        durable,
        FieldTable::default(),
    )
    .await?;
    ch.exchange_declare(
        inner.names.dead_exchange().into(),
        ExchangeKind::Direct,
        durable,
        FieldTable::default(),
    )
    .await?;
    ch.confirm_select(ConfirmSelectOptions::default()).await?;
    *inner.inspector.lock().await = None;
    Ok((
        Session {
            connection: Arc::new(connection),
            publisher: ch,
        },
        events,
    ))
}

/// Declare a group's queues and bindings (idempotent).
async fn declare_group(
    ch: &Channel,
    names: &Names,
    config: &BusConfig,
    spec: &GroupSpec,
) -> Result<(), lapin::Error> {
    let durable = QueueDeclareOptions {
        durable: true,
        ..Default::default()
    };
    let mut quorum = FieldTable::default();
    quorum.insert(
        "x-queue-type".into(),
        AMQPValue::LongString("quorum".into()),
    );
    if config.queue_expires_ms > 0 {
        quorum.insert(
            "x-expires".into(),
            AMQPValue::LongLongInt(i64::try_from(config.queue_expires_ms).unwrap_or(i64::MAX)),
        );
    }
    ch.queue_declare(
        names.parking_queue(&spec.name).into(),
        durable,
        quorum.clone(),
    )
    .await?;
    ch.queue_bind(
        names.parking_queue(&spec.name).into(),
        names.dead_exchange().into(),
        spec.name.as_str().into(),
        QueueBindOptions::default(),
        FieldTable::default(),
    )
    .await?;
    let mut args = quorum;
    args.insert(
        "x-dead-letter-exchange".into(),
        AMQPValue::LongString(names.dead_exchange().into()),
    );
    args.insert(
        "x-dead-letter-routing-key".into(),
        AMQPValue::LongString(spec.name.as_str().into()),
    );
    args.insert(
        "x-delivery-limit".into(),
        AMQPValue::LongLongInt(i64::from(config.delivery_limit.max(1))),
    );
    for shard in 0..config.amqp_shards() {
        let queue = names.shard_queue(&spec.name, shard);
        ch.queue_declare(queue.as_str().into(), durable, args.clone())
            .await?;
        for ty in &spec.types {
            let mut keys = vec![format!("{ty}.{shard}")];
            if shard == 0 {
                keys.push(ty.to_string());
            }
            for key in keys {
                ch.queue_bind(
                    queue.as_str().into(),
                    names.exchange().into(),
                    key.into(),
                    QueueBindOptions::default(),
                    FieldTable::default(),
                )
                .await?;
            }
        }
    }
    ch.queue_declare(
        names.members_queue(&spec.name).into(),
        QueueDeclareOptions {
            auto_delete: true,
            ..Default::default()
        },
        FieldTable::default(),
    )
    .await?;
    Ok(())
}

/// Keep a session up: reconnect with backoff, run every group on it.
async fn supervise(inner: Arc<Inner>, mut first: Option<(Session, Events)>) {
    let mut closed = inner.closed.subscribe();
    let mut groups_rx = inner.groups.subscribe();
    let mut broadcasts_rx = inner.broadcasts.subscribe();
    let max_delay = Duration::from_millis(inner.config.reconnect_max_backoff_ms.max(100));
    let mut delay = Duration::from_millis(100);
    // Group tasks of the lost session, still finishing the events in hand,
    // and that session (closed once they are done).
    let mut draining: Option<(JoinSet<()>, Session)> = None;
    loop {
        if *closed.borrow() {
            break;
        }
        let (session, mut events) = match first.take() {
            Some(s) => s,
            None => match establish(&inner).await {
                Ok(s) => {
                    inner.reconnections.fetch_add(1, Ordering::SeqCst);
                    tracing::info!(host = inner.host_id, "AMQP bus reconnected");
                    delay = Duration::from_millis(100);
                    s
                }
                Err(e) => {
                    tracing::warn!(error = %e, retry_in = ?delay, "cannot reach the broker");
                    tokio::select! {
                        _ = tokio::time::sleep(delay) => {}
                        _ = closed.changed() => {}
                    }
                    delay = (delay * 2).min(max_delay);
                    continue;
                }
            },
        };
        // Publishing resumes now (handlers in hand may be waiting on it)...
        inner.session.send_replace(Some(session.clone()));
        // ...but shards are re-claimed only once the old lanes are done, so
        // one conversation never runs on two lanes of this host.
        // Bounded: every broker round trip of a lane is, but a handler
        // stuck past the grace must not keep this host off the new session
        // (its event's ack is lost with the old channel and the broker
        // redelivers it; handlers are idempotent by event id).
        if let Some((mut old, lost)) = draining.take() {
            let grace = consume_round_trip_limit(&inner) * 3;
            let drained =
                tokio::time::timeout(grace, async { while old.join_next().await.is_some() {} })
                    .await;
            if drained.is_err() {
                tracing::warn!(
                    host = inner.host_id,
                    ?grace,
                    lanes = old.len(),
                    "lanes of the lost session still busy; consuming on the new session without them"
                );
                old.detach_all();
            }
            // A session given up while its connection still answers (its
            // health check failed) must not linger: its consumers would
            // count as a host and could hold shards no lane reads.
            if lost.connection.status().connected() {
                let _ = bounded(
                    &inner,
                    "a close",
                    lost.connection.close(320, "session replaced".into()),
                )
                .await;
            }
        }
        let (over_tx, over_rx) = watch::channel(false);
        let mut tasks = JoinSet::new();
        let mut started = 0usize;
        let mut started_broadcasts = 0usize;
        let mut health = tokio::time::interval(Duration::from_secs(1));
        let closing = loop {
            let groups: Vec<GroupSpec> = groups_rx.borrow_and_update().clone();
            for spec in groups.into_iter().skip(started) {
                started += 1;
                tasks.spawn(run_group(
                    inner.clone(),
                    session.clone(),
                    spec,
                    over_rx.clone(),
                ));
            }
            let broadcasts: Vec<GroupSpec> = broadcasts_rx.borrow_and_update().clone();
            for spec in broadcasts.into_iter().skip(started_broadcasts) {
                started_broadcasts += 1;
                tasks.spawn(run_broadcast(
                    inner.clone(),
                    session.clone(),
                    spec,
                    over_rx.clone(),
                ));
            }
            tokio::select! {
                ev = events.next() => match ev {
                    // lapin reports every channel the broker closed with an
                    // error on the connection's events too: a shard claimed
                    // by two hosts at once (ACCESS_REFUSED to the loser), a
                    // passive declare of a queue just auto-deleted
                    // (NOT_FOUND). That channel's owner copes with it; the
                    // connection is fine. Taking it for a lost connection
                    // tore the whole session down and reconnected, which
                    // set off the same race again on every host: a storm of
                    // sessions after the broker dropped the connections,
                    // shards left unconsumed and deliveries returned again
                    // and again (the connection-drop finding of #18).
                    Some(lapin::Event::Error(e)) if session.connection.status().connected() => {
                        tracing::debug!(error = %e, "AMQP channel closed by the broker; the connection is up");
                    }
                    Some(lapin::Event::Error(e)) => {
                        tracing::warn!(error = %e, "AMQP connection lost");
                        break false;
                    }
                    None => break false,
                    Some(_) => {}
                },
                _ = health.tick() => {
                    if !session.connection.status().connected() {
                        tracing::warn!("AMQP connection no longer connected");
                        break false;
                    }
                }
                _ = groups_rx.changed() => {}
                _ = broadcasts_rx.changed() => {}
                _ = closed.changed() => break true,
            }
        };
        over_tx.send_replace(true);
        if closing {
            // Finish the events in hand while publishing still works.
            while tasks.join_next().await.is_some() {}
            inner.session.send_replace(None);
            let _ = session.connection.close(200, "bus closed".into()).await;
            break;
        }
        inner.session.send_replace(None);
        draining = Some((tasks, session));
    }
}

/// One broadcast subscription on one session: a server-named, exclusive,
/// auto-deleted queue bound to the subscription's types (every shard's
/// routing key and the bare type), consumed without acknowledgements. A
/// handler error is logged, never retried: broadcasts carry live state
/// that the database also holds.
async fn run_broadcast(
    inner: Arc<Inner>,
    session: Session,
    spec: GroupSpec,
    mut over: watch::Receiver<bool>,
) {
    loop {
        let result = consume_broadcast(&inner, &session, &spec, &mut over).await;
        if *over.borrow() || !session.connection.status().connected() {
            break;
        }
        if let Err(e) = result {
            tracing::warn!(subscription = spec.name, error = %e, "broadcast consumer failed, restarting");
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(500)) => {}
            _ = over.changed() => {}
        }
    }
}

async fn consume_broadcast(
    inner: &Arc<Inner>,
    session: &Session,
    spec: &GroupSpec,
    over: &mut watch::Receiver<bool>,
) -> Result<(), lapin::Error> {
    let ch = session.connection.create_channel().await?;
    let queue = ch
        .queue_declare(
            "".into(),
            QueueDeclareOptions {
                exclusive: true,
                auto_delete: true,
                ..Default::default()
            },
            FieldTable::default(),
        )
        .await?;
    let name = queue.name().as_str().to_string();
    for ty in &spec.types {
        for key in [format!("{ty}.*"), ty.to_string()] {
            ch.queue_bind(
                name.as_str().into(),
                inner.names.exchange().into(),
                key.into(),
                QueueBindOptions::default(),
                FieldTable::default(),
            )
            .await?;
        }
    }
    let tag: ShortString = format!("{}.{}.broadcast", inner.host_id, spec.name).into();
    let mut consumer = ch
        .basic_consume(
            name.as_str().into(),
            tag,
            BasicConsumeOptions {
                no_ack: true,
                exclusive: true,
                ..Default::default()
            },
            FieldTable::default(),
        )
        .await?;
    tracing::debug!(
        subscription = spec.name,
        queue = name,
        "broadcast subscribed"
    );
    let mut health = tokio::time::interval(Duration::from_secs(1));
    loop {
        let next = tokio::select! {
            d = consumer.next() => d,
            _ = over.changed() => break,
            _ = health.tick() => {
                if ch.status().connected() {
                    continue;
                }
                break;
            }
        };
        let delivery = match next {
            Some(Ok(d)) => d,
            Some(Err(e)) => return Err(e),
            None => break,
        };
        match binding::decode(&delivery.properties, &delivery.data) {
            Ok(event) => {
                if let Err(e) = spec.handler.handle(event.clone()).await {
                    tracing::warn!(subscription = spec.name, id = event.id(), error = %e, "broadcast event not applied");
                }
            }
            Err(e) => {
                tracing::warn!(subscription = spec.name, error = %e, "malformed broadcast message dropped");
            }
        }
    }
    let _ = ch.close(200, "broadcast stopped".into()).await;
    Ok(())
}

/// A shard this host consumes.
struct Lane {
    release: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

/// One group on one session: membership, shard balancing, lanes.
async fn run_group(
    inner: Arc<Inner>,
    session: Session,
    spec: GroupSpec,
    mut over: watch::Receiver<bool>,
) {
    let spec = Arc::new(spec);
    let mut lanes: HashMap<u16, Lane> = HashMap::new();
    loop {
        let result = balance(&inner, &session, &spec, &mut lanes, &mut over).await;
        if *over.borrow() || !session.connection.status().connected() {
            break;
        }
        if let Err(e) = result {
            tracing::warn!(group = spec.name, error = %e, "group runtime failed, restarting");
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_millis(500)) => {}
                _ = over.changed() => {}
            }
        }
    }
    for lane in lanes.values_mut() {
        if let Some(tx) = lane.release.take() {
            let _ = tx.send(());
        }
    }
    for (_, lane) in lanes {
        let _ = lane.task.await;
    }
}

async fn balance(
    inner: &Arc<Inner>,
    session: &Session,
    spec: &Arc<GroupSpec>,
    lanes: &mut HashMap<u16, Lane>,
    over: &mut watch::Receiver<bool>,
) -> Result<(), lapin::Error> {
    let names = &inner.names;
    let ch = bounded(inner, "a channel", session.connection.create_channel()).await?;
    bounded(
        inner,
        "a group declaration",
        declare_group(&ch, names, &inner.config, spec),
    )
    .await?;
    let members = bounded(inner, "a channel", session.connection.create_channel()).await?;
    let membership = bounded(
        inner,
        "a membership consumer",
        members.basic_consume(
            names.members_queue(&spec.name).into(),
            inner.host_id.as_str().into(),
            BasicConsumeOptions::default(),
            FieldTable::default(),
        ),
    )
    .await;
    let result = match membership {
        Ok(_membership) => balance_loop(inner, session, spec, lanes, over, &ch).await,
        Err(e) => Err(e),
    };
    let _ = bounded(inner, "a close", members.close(200, "group stopped".into())).await;
    let _ = bounded(inner, "a close", ch.close(200, "group stopped".into())).await;
    result
}

/// Every `rebalance_interval`: count the hosts, claim or give away shards.
async fn balance_loop(
    inner: &Arc<Inner>,
    session: &Session,
    spec: &Arc<GroupSpec>,
    lanes: &mut HashMap<u16, Lane>,
    over: &mut watch::Receiver<bool>,
    ch: &Channel,
) -> Result<(), lapin::Error> {
    let names = &inner.names;
    let shards = inner.shards();
    let offset = (fnv1a(&inner.host_id) % u64::from(shards)) as u16;
    let passive = QueueDeclareOptions {
        passive: true,
        ..Default::default()
    };
    let mut tick = tokio::time::interval(Duration::from_millis(
        inner.config.rebalance_interval_ms.max(10),
    ));
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = over.changed() => {}
        }
        if *over.borrow() {
            return Ok(());
        }
        lanes.retain(|_, l| !l.task.is_finished());
        let hosts = bounded(
            inner,
            "a membership count",
            ch.queue_declare(
                names.members_queue(&spec.name).into(),
                passive,
                FieldTable::default(),
            ),
        )
        .await?
        .consumer_count()
        .max(1);
        let share = usize::from(shards).div_ceil(hosts as usize);
        let active = lanes.values().filter(|l| l.release.is_some()).count();
        if active < share {
            let mut claimed = active;
            for i in 0..shards {
                if claimed >= share {
                    break;
                }
                let shard = (offset + i) % shards;
                if lanes.contains_key(&shard) {
                    continue;
                }
                let queue = names.shard_queue(&spec.name, shard);
                let q = bounded(
                    inner,
                    "a shard inspection",
                    ch.queue_declare(queue.as_str().into(), passive, FieldTable::default()),
                )
                .await?;
                if q.consumer_count() > 0 {
                    continue;
                }
                match claim(inner, session, spec, shard).await {
                    Ok(lane) => {
                        claimed += 1;
                        lanes.insert(shard, lane);
                    }
                    Err(e) => {
                        tracing::debug!(group = spec.name, shard, error = %e, "shard taken by another host");
                    }
                }
            }
        } else if active > share {
            // Give away the shards furthest from this host's preference.
            let mut mine: Vec<u16> = lanes
                .iter()
                .filter(|(_, l)| l.release.is_some())
                .map(|(s, _)| *s)
                .collect();
            mine.sort_by_key(|s| (s + shards - offset) % shards);
            for shard in mine.into_iter().skip(share) {
                if let Some(tx) = lanes.get_mut(&shard).and_then(|l| l.release.take()) {
                    tracing::info!(
                        group = spec.name,
                        shard,
                        hosts,
                        "releasing shard to another host"
                    );
                    let _ = tx.send(());
                }
            }
        }
        shed_shared_shards(inner, spec, lanes, ch).await?;
    }
}

/// Give up, on a coin toss, every owned shard the broker lists with more
/// than one consumer.
///
/// Why: the exclusive `basic.consume` does not refuse a second consumer
/// on a quorum queue (RabbitMQ 3.10): two hosts that reconnect together
/// both see a shard free and both get it (#18). Each then counts the shard
/// in its share, so as many other shards are read by no one and their
/// messages wait for ever. A passive declare tells the consumer count but
/// not who the consumers are, so both sharers toss a coin each tick: one
/// that loses releases the shard (finishing the event in hand), the
/// survivor keeps it, and the loser's next tick claims a free shard. When
/// both lose, the shard is free and claimed again on the next tick.
async fn shed_shared_shards(
    inner: &Arc<Inner>,
    spec: &Arc<GroupSpec>,
    lanes: &mut HashMap<u16, Lane>,
    ch: &Channel,
) -> Result<(), lapin::Error> {
    let passive = QueueDeclareOptions {
        passive: true,
        ..Default::default()
    };
    let mut owned: Vec<u16> = lanes
        .iter()
        .filter(|(_, l)| l.release.is_some())
        .map(|(s, _)| *s)
        .collect();
    owned.sort_unstable();
    for shard in owned {
        let queue = inner.names.shard_queue(&spec.name, shard);
        let consumers = bounded(
            inner,
            "a shard inspection",
            ch.queue_declare(queue.as_str().into(), passive, FieldTable::default()),
        )
        .await?
        .consumer_count();
        if consumers <= 1 || !rand::random::<bool>() {
            continue;
        }
        if let Some(tx) = lanes.get_mut(&shard).and_then(|l| l.release.take()) {
            tracing::warn!(
                group = spec.name,
                shard,
                consumers,
                "shard shared with another consumer, releasing it"
            );
            let _ = tx.send(());
        }
    }
    Ok(())
}

/// Take a shard: an exclusive consumer on its queue.
async fn claim(
    inner: &Arc<Inner>,
    session: &Session,
    spec: &Arc<GroupSpec>,
    shard: u16,
) -> Result<Lane, lapin::Error> {
    let ch = bounded(inner, "a channel", session.connection.create_channel()).await?;
    bounded(
        inner,
        "a qos",
        ch.basic_qos(inner.config.prefetch.max(1), BasicQosOptions::default()),
    )
    .await?;
    let queue = inner.names.shard_queue(&spec.name, shard);
    let tag: ShortString = format!("{}.{}.{shard}", inner.host_id, spec.name).into();
    let consumer = bounded(
        inner,
        "a shard consumer",
        ch.basic_consume(
            queue.as_str().into(),
            tag,
            BasicConsumeOptions {
                exclusive: true,
                ..Default::default()
            },
            FieldTable::default(),
        ),
    )
    .await?;
    let (deliveries_tx, deliveries) = mpsc::unbounded_channel();
    consumer.set_delegate(Forward {
        inner: inner.clone(),
        tx: deliveries_tx,
    });
    inner.own(&spec.name, shard, ch.clone());
    tracing::debug!(
        group = spec.name,
        shard,
        host = inner.host_id,
        "shard claimed"
    );
    let (tx, rx) = oneshot::channel();
    let task = tokio::spawn(run_lane(
        inner.clone(),
        spec.clone(),
        shard,
        ch,
        deliveries,
        rx,
    ));
    Ok(Lane {
        release: Some(tx),
        task,
    })
}

/// Counts each delivery the moment lapin reads it (so `idle` sees it) and
/// forwards it, in order, to the shard's lane.
struct Forward {
    inner: Arc<Inner>,
    tx: mpsc::UnboundedSender<DeliveryResult>,
}

impl ConsumerDelegate for Forward {
    fn on_new_delivery(
        &self,
        delivery: DeliveryResult,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> {
        let counted = matches!(delivery, Ok(Some(_)));
        if counted {
            self.inner.in_flight.fetch_add(1, Ordering::SeqCst);
        }
        if self.tx.send(delivery).is_err() && counted {
            // The lane is gone: the channel's close returns the message.
            self.inner.in_flight.fetch_sub(1, Ordering::SeqCst);
            self.inner.progress.notify_waiters();
        }
        Box::pin(std::future::ready(()))
    }
}

/// Handle one shard's deliveries one at a time until released or lost.
async fn run_lane(
    inner: Arc<Inner>,
    spec: Arc<GroupSpec>,
    shard: u16,
    ch: Channel,
    mut deliveries: mpsc::UnboundedReceiver<DeliveryResult>,
    mut release: oneshot::Receiver<()>,
) {
    let mut health = tokio::time::interval(Duration::from_secs(1));
    loop {
        let next = tokio::select! {
            biased;
            _ = &mut release => break,
            d = deliveries.recv() => d,
            _ = health.tick() => {
                if ch.status().connected() {
                    continue;
                }
                tracing::warn!(group = spec.name, shard, "shard channel closed");
                break;
            }
        };
        match next {
            Some(Ok(Some(delivery))) => handle_delivery(&inner, &spec, shard, &ch, delivery).await,
            Some(Err(e)) => {
                tracing::warn!(group = spec.name, shard, error = %e, "shard consumer stopped");
                break;
            }
            Some(Ok(None)) | None => break,
        }
    }
    // Deliveries still buffered go back to the queue with the channel.
    deliveries.close();
    while let Ok(d) = deliveries.try_recv() {
        if matches!(d, Ok(Some(_))) {
            inner.in_flight.fetch_sub(1, Ordering::SeqCst);
        }
    }
    inner.disown(&spec.name, shard);
    // Closing returns the prefetched deliveries to the queue's head.
    let _ = bounded(&inner, "a close", ch.close(200, "shard released".into())).await;
}

async fn handle_delivery(
    inner: &Inner,
    spec: &GroupSpec,
    shard: u16,
    ch: &Channel,
    delivery: lapin::message::Delivery,
) {
    let group = spec.name.as_str();
    let decoded = binding::decode(&delivery.properties, &delivery.data).and_then(|event| {
        binding::check_data(&event).map_err(|e| binding::BindingError::Invalid(e.to_string()))?;
        Ok(event)
    });
    let event = match decoded {
        Ok(event) => event,
        Err(e) => {
            tracing::error!(group, shard, error = %e, "malformed message, parking it");
            agent_store_telemetry::metrics::bus_parked(group);
            inner.parked.fetch_add(1, Ordering::SeqCst);
            if let Err(e) = bounded(
                inner,
                "a reject",
                delivery.acker.reject(BasicRejectOptions { requeue: false }),
            )
            .await
            {
                tracing::warn!(group, error = %e, "reject failed");
            }
            inner.in_flight.fetch_sub(1, Ordering::SeqCst);
            inner.progress.notify_waiters();
            return;
        }
    };
    if delivery.redelivered {
        agent_store_telemetry::metrics::bus_redelivered(group);
        tracing::debug!(group, id = event.id(), "redelivered event");
    }
    let store = inner.dead_letters.as_deref();
    let owned = || ch.status().connected();
    let settled = match deliver(
        group,
        spec.handler.as_ref(),
        &event,
        inner.retry,
        store,
        &owned,
    )
    .await
    {
        Settled::Handled => {
            inner.handled.fetch_add(1, Ordering::SeqCst);
            bounded(
                inner,
                "an ack",
                delivery.acker.ack(BasicAckOptions::default()),
            )
            .await
        }
        Settled::Parked { stored: true } => {
            inner.parked.fetch_add(1, Ordering::SeqCst);
            bounded(
                inner,
                "an ack",
                delivery.acker.ack(BasicAckOptions::default()),
            )
            .await
        }
        Settled::Parked { stored: false } => {
            inner.parked.fetch_add(1, Ordering::SeqCst);
            bounded(
                inner,
                "a reject",
                delivery.acker.reject(BasicRejectOptions { requeue: false }),
            )
            .await
        }
        // The channel is gone: the broker has the delivery back.
        Settled::Abandoned => Ok(true),
    };
    if let Err(e) = settled {
        // The channel is gone: the broker redelivers the event to the
        // shard's next owner (handlers are idempotent by event id).
        tracing::warn!(group, id = event.id(), error = %e, "could not settle the delivery");
    }
    inner.settled(group, event.id());
}

/// Decrements `publishing` however the publish ends.
struct Publishing<'a>(&'a Inner);

impl Drop for Publishing<'_> {
    fn drop(&mut self) {
        self.0.publishing.fetch_sub(1, Ordering::SeqCst);
        self.0.progress.notify_waiters();
    }
}

impl AmqpBus {
    async fn queues_empty(&self) -> bool {
        let inner = &self.inner;
        let Some(session) = inner.session.borrow().clone() else {
            return false;
        };
        let mut inspector = inner.inspector.lock().await;
        let usable = inspector.as_ref().is_some_and(|c| c.status().connected());
        if !usable {
            match session.connection.create_channel().await {
                Ok(c) => *inspector = Some(c),
                Err(_) => return false,
            }
        }
        let Some(ch) = inspector.as_ref() else {
            return false;
        };
        let groups: Vec<String> = inner
            .groups
            .borrow()
            .iter()
            .map(|g| g.name.clone())
            .collect();
        for group in groups {
            for shard in 0..inner.shards() {
                let q = ch
                    .queue_declare(
                        inner.names.shard_queue(&group, shard).into(),
                        QueueDeclareOptions {
                            passive: true,
                            ..Default::default()
                        },
                        FieldTable::default(),
                    )
                    .await;
                match q {
                    Ok(q) if q.message_count() == 0 => {}
                    _ => return false,
                }
            }
        }
        true
    }

    /// A round trip on every shard channel: deliveries the broker sent
    /// before it are then counted in `in_flight`.
    async fn barrier(&self) -> bool {
        let channels: Vec<Channel> = self.inner.local().owned.values().cloned().collect();
        for ch in channels {
            if ch
                .basic_qos(
                    self.inner.config.prefetch.max(1),
                    BasicQosOptions::default(),
                )
                .await
                .is_err()
            {
                return false;
            }
        }
        true
    }

    fn quiet_locally(&self) -> bool {
        let inner = &self.inner;
        inner.in_flight.load(Ordering::SeqCst) == 0
            && inner.publishing.load(Ordering::SeqCst) == 0
            && inner.local().expected.is_empty()
    }
}

#[async_trait]
impl Bus for AmqpBus {
    fn is_up(&self) -> bool {
        self.connected()
    }

    /// Messages ready in each group's shard queues (passive declares on
    /// the inspector channel; broker-wide, so every host reports the same).
    async fn lag(&self) -> Result<Vec<(String, u64)>, BusError> {
        let inner = &self.inner;
        let session = inner
            .session
            .borrow()
            .clone()
            .ok_or_else(|| BusError::Backend("no connection to the broker".into()))?;
        let mut inspector = inner.inspector.lock().await;
        if !inspector.as_ref().is_some_and(|c| c.status().connected()) {
            let ch = session
                .connection
                .create_channel()
                .await
                .map_err(|e| backend("opening a channel", e))?;
            *inspector = Some(ch);
        }
        let ch = inspector.as_ref().ok_or(BusError::Closed)?;
        let groups: Vec<String> = inner
            .groups
            .borrow()
            .iter()
            .map(|g| g.name.clone())
            .collect();
        let mut out = Vec::with_capacity(groups.len());
        for group in groups {
            let mut ready = 0u64;
            for shard in 0..inner.shards() {
                let queue = inner.names.shard_queue(&group, shard);
                let q = ch
                    .queue_declare(
                        queue.as_str().into(),
                        QueueDeclareOptions {
                            passive: true,
                            ..Default::default()
                        },
                        FieldTable::default(),
                    )
                    .await
                    .map_err(|e| backend(&format!("inspecting queue {queue}"), e))?;
                ready += u64::from(q.message_count());
            }
            out.push((group, ready));
        }
        Ok(out)
    }

    async fn publish(&self, event: Event) -> Result<(), BusError> {
        agent_store_telemetry::metrics::bus_published(event.ty());
        let inner = &self.inner;
        let ty = EventType::parse(event.ty());
        let shard = shard_of(&event, inner.shards());
        let routing_key = format!("{}.{shard}", event.ty());
        let message = binding::encode(&event)
            .map_err(|e| backend(&format!("encoding event {}", event.id()), e))?;
        inner.publishing.fetch_add(1, Ordering::SeqCst);
        let _publishing = Publishing(inner);
        let expected = inner.expect(&event, ty, shard);
        let deadline = Instant::now() + Duration::from_millis(inner.config.publish_timeout_ms);
        let mut delay = Duration::from_millis(20);
        loop {
            let session = match inner.live_session(deadline).await {
                Ok(s) => s,
                Err(e) => {
                    inner.unexpect(&expected);
                    return Err(e);
                }
            };
            let attempt = async {
                let confirm = session
                    .publisher
                    .basic_publish(
                        inner.names.exchange().into(),
                        routing_key.as_str().into(),
                        BasicPublishOptions::default(),
                        &message.body,
                        message.properties.clone(),
                    )
                    .await?;
                confirm.await
            };
            let why = match tokio::time::timeout_at(deadline.into(), attempt).await {
                Ok(Ok(Confirmation::Ack(_) | Confirmation::NotRequested)) => {
                    tracing::debug!(
                        r#type = event.ty(),
                        id = event.id(),
                        shard,
                        "event published"
                    );
                    return Ok(());
                }
                Ok(Ok(Confirmation::Nack(_))) => "the broker refused it (nack)".to_string(),
                Ok(Err(e)) => e.to_string(),
                Err(_) => "no confirmation in time".to_string(),
            };
            if !session.publisher.status().connected() && session.connection.status().connected() {
                // The publisher channel died alone: rebuild the session.
                let _ = session
                    .connection
                    .close(320, "publisher channel lost".into())
                    .await;
            }
            if Instant::now() + delay >= deadline {
                inner.unexpect(&expected);
                return Err(BusError::Backend(format!(
                    "publishing event {}: {why}",
                    event.id()
                )));
            }
            tracing::warn!(
                id = event.id(),
                error = why,
                "publish not confirmed, retrying"
            );
            tokio::time::sleep(delay).await;
            delay = (delay * 2).min(Duration::from_secs(1));
        }
    }

    async fn subscribe(
        &self,
        group: &str,
        types: &[EventType],
        handler: Arc<dyn Handler>,
    ) -> Result<(), BusError> {
        let inner = &self.inner;
        if inner.groups.borrow().iter().any(|g| g.name == group) {
            return Err(BusError::DuplicateGroup(group.to_string()));
        }
        let spec = GroupSpec {
            name: group.to_string(),
            types: types.to_vec(),
            handler,
        };
        // Declare before returning, so that every event published from
        // now on reaches the group.
        let deadline = Instant::now() + Duration::from_millis(inner.config.publish_timeout_ms);
        loop {
            let session = inner.live_session(deadline).await?;
            let declared = tokio::time::timeout_at(deadline.into(), async {
                let ch = session.connection.create_channel().await?;
                declare_group(&ch, &inner.names, &inner.config, &spec).await?;
                ch.close(200, "declared".into()).await
            })
            .await;
            let declared = match declared {
                Ok(d) => d,
                Err(_) => {
                    return Err(BusError::Backend(format!(
                        "declaring consumer group {group}: the broker did not answer in time"
                    )));
                }
            };
            match declared {
                Ok(()) => break,
                Err(e) if Instant::now() >= deadline || session.connection.status().connected() => {
                    return Err(backend(&format!("declaring consumer group {group}"), e));
                }
                Err(e) => {
                    tracing::warn!(group, error = %e, "declaring consumer group failed, retrying");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        }
        let mut duplicate = false;
        inner.groups.send_modify(|groups| {
            if groups.iter().any(|g| g.name == group) {
                duplicate = true;
            } else {
                groups.push(spec);
            }
        });
        if duplicate {
            return Err(BusError::DuplicateGroup(group.to_string()));
        }
        tracing::info!(group, types = ?types, "consumer group subscribed (amqp)");
        Ok(())
    }

    async fn subscribe_broadcast(
        &self,
        name: &str,
        types: &[EventType],
        handler: Arc<dyn Handler>,
    ) -> Result<(), BusError> {
        let mut duplicate = false;
        self.inner.broadcasts.send_modify(|subs| {
            if subs.iter().any(|g| g.name == name) {
                duplicate = true;
            } else {
                subs.push(GroupSpec {
                    name: name.to_string(),
                    types: types.to_vec(),
                    handler,
                });
            }
        });
        if duplicate {
            return Err(BusError::DuplicateGroup(name.to_string()));
        }
        tracing::info!(subscription = name, types = ?types, "broadcast subscribed (amqp)");
        Ok(())
    }

    async fn close(&self) {
        self.shutdown().await;
    }

    async fn idle(&self) {
        loop {
            let notified = self.inner.progress.notified();
            if self.quiet_locally()
                && self.queues_empty().await
                && self.barrier().await
                && self.quiet_locally()
            {
                return;
            }
            tokio::select! {
                _ = notified => {}
                _ = tokio::time::sleep(Duration::from_millis(20)) => {}
            }
        }
    }
}
