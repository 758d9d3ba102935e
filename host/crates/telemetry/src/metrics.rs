//! Prometheus metrics of the host (`GET /metrics`, docs/metrics.md).
//!
//! One process-wide registry: the places that count (webhook, bus, plugin
//! runtime, LLM client, outbox, orders, console) are deep in modules that
//! do not share a handle, and threading one through every constructor
//! would couple them all to telemetry. Recording is a function call that
//! never fails and never blocks on I/O.
//!
//! Cardinality is bounded twice: labels carry only bounded things (brand,
//! plugin, version, model, consumer group, message type, language, Graph
//! error code, currency: never phone numbers or conversation ids), and
//! every label dimension keeps at most [`MAX_VALUES`] distinct values;
//! later ones are counted under `other`, so a hostile or buggy input can
//! never grow the scrape without bound.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

/// Distinct values one label dimension may take before `other`.
pub const MAX_VALUES: usize = 64;
/// Longest label value kept (longer ones are cut).
const MAX_LABEL_CHARS: usize = 48;
/// Conversations remembered for latency, recommendations and carts.
const MEMO_CAP: usize = 50_000;
/// A remembered conversation untouched this long may be forgotten.
const MEMO_TTL: Duration = Duration::from_secs(3600);

/// The content type of the text format served.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct MessageLabels {
    pub brand: String,
    pub r#type: String,
    pub language: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct BrandLabels {
    pub brand: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct PluginLabels {
    pub plugin: String,
    pub version: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct PluginOutcomeLabels {
    pub plugin: String,
    pub version: String,
    pub outcome: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct PluginStateLabels {
    pub plugin: String,
    pub version: String,
    pub state: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct LlmLabels {
    pub brand: String,
    pub model: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct LlmOutcomeLabels {
    pub brand: String,
    pub model: String,
    pub outcome: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct LlmTokenLabels {
    pub brand: String,
    pub model: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct EventTypeLabels {
    pub r#type: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct PoolLabels {
    pub pool: String,
    pub state: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct GroupLabels {
    pub group: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct GroupOutcomeLabels {
    pub group: String,
    pub outcome: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CodeLabels {
    pub code: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ReasonLabels {
    pub reason: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RevenueLabels {
    pub brand: String,
    pub currency: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct KindLabels {
    pub kind: String,
}

type Counters<L> = Family<L, Counter>;
type Histograms<L> = Family<L, Histogram, fn() -> Histogram>;

/// Every metric the host exports.
pub struct Metrics {
    registry: Registry,
    pub messages_received: Counters<MessageLabels>,
    pub messages_sent: Counters<MessageLabels>,
    pub reply_seconds: Histograms<BrandLabels>,
    pub plugin_turns: Counters<PluginOutcomeLabels>,
    pub plugin_turn_seconds: Histograms<PluginLabels>,
    pub plugin_traps: Counters<PluginLabels>,
    pub plugin_limit_hits: Counters<PluginLabels>,
    pub plugin_state: Family<PluginStateLabels, Gauge>,
    pub plugin_quarantines: Counters<PluginLabels>,
    pub plugin_grounding: Counters<PluginOutcomeLabels>,
    pub plugin_intents: Counters<PluginOutcomeLabels>,
    pub llm_calls: Counters<LlmOutcomeLabels>,
    pub llm_tokens: Counters<LlmTokenLabels>,
    pub llm_seconds: Histograms<LlmLabels>,
    pub bus_published: Counters<EventTypeLabels>,
    pub bus_deliveries: Counters<GroupOutcomeLabels>,
    pub bus_redeliveries: Counters<GroupLabels>,
    pub bus_parked: Counters<GroupLabels>,
    pub bus_parked_stored: Gauge,
    pub bus_lag_events: Family<GroupLabels, Gauge>,
    pub bus_lag_seconds: Histograms<GroupLabels>,
    pub outbox_depth: Gauge,
    pub db_connections: Family<PoolLabels, Gauge>,
    pub send_failures: Counters<CodeLabels>,
    pub whatsapp_halted: Gauge,
    pub window_refusals: Counter,
    pub escalations: Counters<ReasonLabels>,
    pub takeover_seconds: Histograms<ReasonLabels>,
    pub conversations: Counters<BrandLabels>,
    pub carts: Counters<BrandLabels>,
    pub orders: Counters<BrandLabels>,
    pub revenue_minor: Counters<RevenueLabels>,
    pub recommendations_shown: Counters<BrandLabels>,
    pub recommendations_added: Counters<BrandLabels>,
    pub recommendations_ordered: Counters<BrandLabels>,
    pub recommended_orders: Counters<BrandLabels>,
    pub satisfaction_asked: Counters<BrandLabels>,
    pub satisfaction_score: Histograms<BrandLabels>,
    pub telemetry_errors: Counters<KindLabels>,
    families: Vec<(&'static str, Kind)>,
    labels: Mutex<HashMap<&'static str, HashSet<String>>>,
    failure_logged: Mutex<HashMap<String, Instant>>,
    memo: Mutex<HashMap<String, Memo>>,
}

/// A family's metric type.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Counter,
    Gauge,
    Histogram,
}

/// What is remembered of a conversation between its events (never
/// exported: it only turns events into the metrics above).
#[derive(Debug)]
struct Memo {
    touched: Instant,
    /// When the oldest unanswered customer message reached the webhook.
    waiting_since: Option<Instant>,
    /// Products the seller showed (recommendation accuracy).
    shown: Vec<String>,
    /// Whether the conversation has been counted as having a cart.
    carted: bool,
}

fn reply_buckets() -> Histogram {
    Histogram::new([0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0])
}
fn turn_buckets() -> Histogram {
    Histogram::new([
        0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
    ])
}
fn lag_buckets() -> Histogram {
    Histogram::new([
        0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 30.0, 120.0, 600.0,
    ])
}
fn llm_buckets() -> Histogram {
    Histogram::new([0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 60.0])
}
fn takeover_buckets() -> Histogram {
    Histogram::new([
        10.0, 30.0, 60.0, 300.0, 900.0, 1800.0, 3600.0, 14400.0, 86400.0,
    ])
}
fn score_buckets() -> Histogram {
    Histogram::new([1.0, 2.0, 3.0, 4.0, 5.0])
}

impl Metrics {
    fn new() -> Self {
        let mut m = Metrics {
            registry: Registry::with_prefix("agent_store"),
            messages_received: Family::default(),
            messages_sent: Family::default(),
            reply_seconds: Family::new_with_constructor(reply_buckets),
            plugin_turns: Family::default(),
            plugin_turn_seconds: Family::new_with_constructor(turn_buckets),
            plugin_traps: Family::default(),
            plugin_limit_hits: Family::default(),
            plugin_state: Family::default(),
            plugin_quarantines: Family::default(),
            plugin_grounding: Family::default(),
            plugin_intents: Family::default(),
            llm_calls: Family::default(),
            llm_tokens: Family::default(),
            llm_seconds: Family::new_with_constructor(llm_buckets),
            bus_published: Family::default(),
            bus_deliveries: Family::default(),
            bus_redeliveries: Family::default(),
            bus_parked: Family::default(),
            bus_parked_stored: Gauge::default(),
            bus_lag_events: Family::default(),
            bus_lag_seconds: Family::new_with_constructor(lag_buckets),
            outbox_depth: Gauge::default(),
            db_connections: Family::default(),
            send_failures: Family::default(),
            whatsapp_halted: Gauge::default(),
            window_refusals: Counter::default(),
            escalations: Family::default(),
            takeover_seconds: Family::new_with_constructor(takeover_buckets),
            conversations: Family::default(),
            carts: Family::default(),
            orders: Family::default(),
            revenue_minor: Family::default(),
            recommendations_shown: Family::default(),
            recommendations_added: Family::default(),
            recommendations_ordered: Family::default(),
            recommended_orders: Family::default(),
            satisfaction_asked: Family::default(),
            satisfaction_score: Family::new_with_constructor(score_buckets),
            telemetry_errors: Family::default(),
            families: Vec::new(),
            labels: Mutex::new(HashMap::new()),
            failure_logged: Mutex::new(HashMap::new()),
            memo: Mutex::new(HashMap::new()),
        };
        m.register();
        m
    }

    fn register(&mut self) {
        let r = &mut self.registry;
        let mut families = Vec::new();
        // Counters get `_total` appended by the encoder.
        macro_rules! reg {
            ($name:literal, $kind:ident, $help:literal, $metric:expr) => {{
                r.register($name, $help, $metric.clone());
                families.push((concat!("agent_store_", $name), Kind::$kind));
            }};
        }
        reg!(
            "messages_received",
            Counter,
            "Customer messages in, by brand, type and language",
            self.messages_received
        );
        reg!(
            "messages_sent",
            Counter,
            "Messages sent to customers through the Graph API, by brand, type and language",
            self.messages_sent
        );
        reg!(
            "reply_seconds",
            Histogram,
            "AI seller response time: webhook receipt of a customer message to the Graph API accepting the first reply",
            self.reply_seconds
        );
        reg!(
            "plugin_turns",
            Counter,
            "Plugin turns by plugin, version and outcome",
            self.plugin_turns
        );
        reg!(
            "plugin_turn_seconds",
            Histogram,
            "Plugin turn duration",
            self.plugin_turn_seconds
        );
        reg!(
            "plugin_traps",
            Counter,
            "Plugin turns that trapped",
            self.plugin_traps
        );
        reg!(
            "plugin_limit_hits",
            Counter,
            "Plugin turns stopped by a limit (CPU, memory, reply size)",
            self.plugin_limit_hits
        );
        reg!(
            "plugin_state",
            Gauge,
            "1 for each serving plugin version: state active or canary",
            self.plugin_state
        );
        reg!(
            "plugin_quarantines",
            Counter,
            "Plugin versions quarantined or canaries rolled back",
            self.plugin_quarantines
        );
        reg!(
            "plugin_grounding",
            Counter,
            "Texts of plugin replies the grounding guard changed: outcome corrected (a price set to the catalog's) or refused (a part dropped or replaced)",
            self.plugin_grounding
        );
        reg!(
            "plugin_intents",
            Counter,
            "Effects plugins asked for, by the brand policy's decision",
            self.plugin_intents
        );
        reg!(
            "llm_calls",
            Counter,
            "LLM upstream requests by brand, model and outcome (ok or an error kind)",
            self.llm_calls
        );
        reg!(
            "llm_tokens",
            Counter,
            "LLM tokens used by brand and model",
            self.llm_tokens
        );
        reg!(
            "llm_seconds",
            Histogram,
            "LLM request duration, retries included",
            self.llm_seconds
        );
        reg!(
            "bus_published",
            Counter,
            "Events published on the bus by type",
            self.bus_published
        );
        reg!(
            "bus_deliveries",
            Counter,
            "Events handled per consumer group and outcome (handled, failed)",
            self.bus_deliveries
        );
        reg!(
            "bus_redeliveries",
            Counter,
            "Handler retries per consumer group",
            self.bus_redeliveries
        );
        reg!(
            "bus_parked",
            Counter,
            "Events parked (dead-lettered) per consumer group",
            self.bus_parked
        );
        reg!(
            "bus_parked_events",
            Gauge,
            "Parked events stored now (read at scrape)",
            self.bus_parked_stored
        );
        reg!(
            "bus_lag_events",
            Gauge,
            "Events waiting for a consumer group (in process: queued in this host; RabbitMQ: ready in the group's shard queues, broker-wide) (read at scrape)",
            self.bus_lag_events
        );
        reg!(
            "bus_lag_seconds",
            Histogram,
            "Time from an event's publication (its CloudEvents time) to a consumer group starting to handle it",
            self.bus_lag_seconds
        );
        reg!(
            "outbox_depth",
            Gauge,
            "Outbound messages waiting in the outbox (read at scrape)",
            self.outbox_depth
        );
        reg!(
            "db_connections",
            Gauge,
            "Database connections per pool (`shared`; on SQLite also `writer`, its one write connection) that are busy or idle (read at scrape): a pool with none idle at most scrapes is where messages wait",
            self.db_connections
        );
        reg!(
            "send_failures",
            Counter,
            "Graph API send failures by Graph error code (http_<status> without one)",
            self.send_failures
        );
        reg!(
            "whatsapp_sending_halted",
            Gauge,
            "1 when Meta refused the access token and sending stopped",
            self.whatsapp_halted
        );
        reg!(
            "window_refusals",
            Counter,
            "Replies held because WhatsApp's 24-hour window had closed",
            self.window_refusals
        );
        reg!(
            "escalations",
            Counter,
            "Escalations to a human by reason",
            self.escalations
        );
        reg!(
            "takeover_seconds",
            Histogram,
            "Escalation opened to accepted by a rep",
            self.takeover_seconds
        );
        reg!(
            "conversations",
            Counter,
            "Conversations that reached a brand's seller",
            self.conversations
        );
        reg!(
            "carts",
            Counter,
            "Conversations whose cart got a first product",
            self.carts
        );
        reg!("orders", Counter, "Orders created by brand", self.orders);
        reg!(
            "revenue_minor",
            Counter,
            "Order totals in minor units (cents) by brand and currency",
            self.revenue_minor
        );
        reg!(
            "recommendations_shown",
            Counter,
            "Products a seller showed a customer",
            self.recommendations_shown
        );
        reg!(
            "recommendations_added",
            Counter,
            "Shown products the customer then added to the cart",
            self.recommendations_added
        );
        reg!(
            "recommendations_ordered",
            Counter,
            "Order lines of products a seller showed in that conversation",
            self.recommendations_ordered
        );
        reg!(
            "recommended_orders",
            Counter,
            "Orders holding at least one product a seller showed in that conversation",
            self.recommended_orders
        );
        reg!(
            "satisfaction_asked",
            Counter,
            "Satisfaction questions sent",
            self.satisfaction_asked
        );
        reg!(
            "satisfaction_score",
            Histogram,
            "Customer satisfaction answers (1-5)",
            self.satisfaction_score
        );
        reg!(
            "telemetry_errors",
            Counter,
            "Telemetry failures (trace export, metrics gathering) by kind",
            self.telemetry_errors
        );
        self.families = families;
    }

    /// Every sample name the host can export (a counter's with `_total`, a
    /// histogram's `_bucket`, `_sum` and `_count`), whether or not it has
    /// samples yet: what dashboards and alerts may name.
    pub fn sample_names(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (name, kind) in &self.families {
            match kind {
                Kind::Counter => out.push(format!("{name}_total")),
                Kind::Gauge => out.push((*name).to_string()),
                Kind::Histogram => {
                    out.extend(["_bucket", "_sum", "_count"].map(|s| format!("{name}{s}")))
                }
            }
        }
        out
    }

    /// `value` as a label of dimension `dim`: cleaned, capped, and `other`
    /// once the dimension has [`MAX_VALUES`] distinct values.
    pub fn label(&self, dim: &'static str, value: &str) -> String {
        let clean = clean(value);
        let Ok(mut seen) = self.labels.lock() else {
            return "other".into();
        };
        let set = seen.entry(dim).or_default();
        if set.contains(&clean) {
            return clean;
        }
        if set.len() >= MAX_VALUES {
            return "other".into();
        }
        set.insert(clean.clone());
        clean
    }

    fn memo<R>(&self, conversation: &str, f: impl FnOnce(&mut Memo) -> R) -> Option<R> {
        let mut memo = self.memo.lock().ok()?;
        let now = Instant::now();
        if !memo.contains_key(conversation) && memo.len() >= MEMO_CAP {
            memo.retain(|_, m| now.duration_since(m.touched) < MEMO_TTL);
            if memo.len() >= MEMO_CAP {
                return None;
            }
        }
        let m = memo.entry(conversation.to_string()).or_insert(Memo {
            touched: now,
            waiting_since: None,
            shown: Vec::new(),
            carted: false,
        });
        m.touched = now;
        Some(f(m))
    }

    /// The registry in the text format.
    pub fn encode(&self) -> Result<String, std::fmt::Error> {
        let mut out = String::with_capacity(16 * 1024);
        prometheus_client::encoding::text::encode(&mut out, &self.registry)?;
        Ok(out)
    }
}

/// Label values: printable ASCII letters, digits and `_.:-+`, at most
/// [`MAX_LABEL_CHARS`]; empty becomes `none`.
fn clean(value: &str) -> String {
    let s: String = value
        .trim()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "_.:-+".contains(*c))
        .take(MAX_LABEL_CHARS)
        .collect();
    if s.is_empty() { "none".into() } else { s }
}

/// The process's metrics.
pub fn get() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(Metrics::new)
}

fn brand(b: &str) -> BrandLabels {
    BrandLabels {
        brand: get().label("brand", b),
    }
}

fn plugin(name: &str, version: &str) -> PluginLabels {
    let m = get();
    PluginLabels {
        plugin: m.label("plugin", name),
        version: m.label("version", version),
    }
}

// ---- recording --------------------------------------------------------

/// Whether events are recorded (`telemetry.metrics`; on by default).
static ENABLED: AtomicBool = AtomicBool::new(true);

/// Turn recording on or off for the process (`telemetry.metrics`). Off,
/// the recording functions return at once (the scrape still answers, with
/// the gauges read at scrape time and telemetry failures): what the
/// end-to-end bench compares to measure what metrics cost.
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// Whether events are recorded.
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// A customer message reached the webhook (starts the response clock).
pub fn inbound_received(conversation_id: &str) {
    if !enabled() {
        return;
    }
    get().memo(conversation_id, |m| {
        m.waiting_since.get_or_insert_with(Instant::now);
    });
}

/// A customer message was routed to `brand`; `first` when the
/// conversation had no brand before (a new conversation for the brand).
pub fn message_routed(brand_name: &str, kind: &str, language: &str, first: bool) {
    if !enabled() {
        return;
    }
    let m = get();
    m.messages_received
        .get_or_create(&MessageLabels {
            brand: m.label("brand", brand_name),
            r#type: m.label("type", kind),
            language: m.label("language", language),
        })
        .inc();
    if first {
        m.conversations.get_or_create(&brand(brand_name)).inc();
    }
}

/// The Graph API accepted a message for a customer.
pub fn message_sent(conversation_id: &str, brand_name: &str, kind: &str, language: &str) {
    if !enabled() {
        return;
    }
    let m = get();
    m.messages_sent
        .get_or_create(&MessageLabels {
            brand: m.label("brand", brand_name),
            r#type: m.label("type", kind),
            language: m.label("language", language),
        })
        .inc();
    if let Some(Some(since)) = m.memo(conversation_id, |c| c.waiting_since.take()) {
        m.reply_seconds
            .get_or_create(&brand(brand_name))
            .observe(since.elapsed().as_secs_f64());
    }
}

/// A plugin turn ended: `outcome` is `ok` or a `plugins::TurnError`
/// reason (`trap`, `limit`, ...).
pub fn plugin_turn(name: &str, version: &str, elapsed: Duration, outcome: &str) {
    if !enabled() {
        return;
    }
    let m = get();
    let labels = plugin(name, version);
    m.plugin_turn_seconds
        .get_or_create(&labels)
        .observe(elapsed.as_secs_f64());
    m.plugin_turns
        .get_or_create(&PluginOutcomeLabels {
            plugin: labels.plugin.clone(),
            version: labels.version.clone(),
            outcome: m.label("outcome", outcome),
        })
        .inc();
    match outcome {
        "trap" => {
            m.plugin_traps.get_or_create(&labels).inc();
        }
        "limit" => {
            m.plugin_limit_hits.get_or_create(&labels).inc();
        }
        _ => {}
    }
}

/// The grounding guard changed `n` texts of a plugin's reply: `outcome`
/// is `corrected` or `refused`.
/// The brand's policy decided on one intent of a plugin (`approved` or
/// `denied`).
pub fn plugin_intent(name: &str, version: &str, outcome: &str) {
    if !enabled() {
        return;
    }
    let m = get();
    let labels = plugin(name, version);
    m.plugin_intents
        .get_or_create(&PluginOutcomeLabels {
            plugin: labels.plugin,
            version: labels.version,
            outcome: m.label("outcome", outcome),
        })
        .inc();
}

pub fn plugin_grounding(name: &str, version: &str, outcome: &str, n: u64) {
    if n == 0 {
        return;
    }
    let m = get();
    let labels = plugin(name, version);
    m.plugin_grounding
        .get_or_create(&PluginOutcomeLabels {
            plugin: labels.plugin,
            version: labels.version,
            outcome: m.label("outcome", outcome),
        })
        .inc_by(n);
}

/// A plugin version was quarantined or its canary rolled back.
pub fn plugin_quarantined(name: &str, version: &str) {
    if !enabled() {
        return;
    }
    get()
        .plugin_quarantines
        .get_or_create(&plugin(name, version))
        .inc();
}

/// The serving plugin versions now: (plugin, version, state).
pub fn set_plugin_states(states: &[(String, String, &'static str)]) {
    let m = get();
    m.plugin_state.clear();
    for (name, version, state) in states {
        m.plugin_state
            .get_or_create(&PluginStateLabels {
                plugin: m.label("plugin", name),
                version: m.label("version", version),
                state: (*state).to_string(),
            })
            .set(1);
    }
}

/// One LLM request (retries included) ended.
pub fn llm_call(brand_name: &str, model: &str, elapsed: Duration, outcome: &str, tokens: u64) {
    if !enabled() {
        return;
    }
    let m = get();
    let (b, model) = (m.label("brand", brand_name), m.label("model", model));
    m.llm_seconds
        .get_or_create(&LlmLabels {
            brand: b.clone(),
            model: model.clone(),
        })
        .observe(elapsed.as_secs_f64());
    m.llm_calls
        .get_or_create(&LlmOutcomeLabels {
            brand: b.clone(),
            model: model.clone(),
            outcome: m.label("outcome", outcome),
        })
        .inc();
    if tokens > 0 {
        m.llm_tokens
            .get_or_create(&LlmTokenLabels { brand: b, model })
            .inc_by(tokens);
    }
}

/// An event was published on the bus.
pub fn bus_published(event_type: &str) {
    if !enabled() {
        return;
    }
    let m = get();
    m.bus_published
        .get_or_create(&EventTypeLabels {
            r#type: m.label("event_type", event_type),
        })
        .inc();
}

/// A consumer group finished with an event (`handled` or `failed`).
pub fn bus_delivered(group: &str, handled: bool) {
    if !enabled() {
        return;
    }
    let m = get();
    m.bus_deliveries
        .get_or_create(&GroupOutcomeLabels {
            group: m.label("group", group),
            outcome: if handled { "handled" } else { "failed" }.into(),
        })
        .inc();
}

/// A consumer group's handler is retried.
pub fn bus_redelivered(group: &str) {
    if !enabled() {
        return;
    }
    let m = get();
    m.bus_redeliveries
        .get_or_create(&GroupLabels {
            group: m.label("group", group),
        })
        .inc();
}

/// A consumer group starts handling an event published `lag` ago.
pub fn bus_lag(group: &str, lag: Duration) {
    if !enabled() {
        return;
    }
    let m = get();
    m.bus_lag_seconds
        .get_or_create(&GroupLabels {
            group: m.label("group", group),
        })
        .observe(lag.as_secs_f64());
}

/// Connections per database pool, busy and idle (read at scrape):
/// `(pool, open, idle)`.
pub fn set_db_connections(pools: &[(&str, u32, usize)]) {
    let m = get();
    for (pool, open, idle) in pools {
        let idle = i64::try_from(*idle).unwrap_or(i64::MAX);
        for (state, n) in [("busy", i64::from(*open) - idle), ("idle", idle)] {
            m.db_connections
                .get_or_create(&PoolLabels {
                    pool: pool.to_string(),
                    state: state.to_string(),
                })
                .set(n.max(0));
        }
    }
}

/// Events waiting per consumer group now (read at scrape).
pub fn set_bus_lag_events(lags: &[(String, u64)]) {
    let m = get();
    m.bus_lag_events.clear();
    for (group, n) in lags {
        m.bus_lag_events
            .get_or_create(&GroupLabels {
                group: m.label("group", group),
            })
            .set(i64::try_from(*n).unwrap_or(i64::MAX));
    }
}

/// A consumer group parked an event.
pub fn bus_parked(group: &str) {
    if !enabled() {
        return;
    }
    let m = get();
    m.bus_parked
        .get_or_create(&GroupLabels {
            group: m.label("group", group),
        })
        .inc();
}

/// The Graph API refused a send: its error `code`, or `http_<status>`.
pub fn send_failed(code: &str) {
    if !enabled() {
        return;
    }
    let m = get();
    m.send_failures
        .get_or_create(&CodeLabels {
            code: m.label("graph_code", code),
        })
        .inc();
}

/// A reply was held: the 24-hour customer-service window had closed.
pub fn window_refused() {
    if !enabled() {
        return;
    }
    get().window_refusals.inc();
}

/// A conversation was escalated to a human.
pub fn escalated(reason: &str) {
    if !enabled() {
        return;
    }
    let m = get();
    m.escalations
        .get_or_create(&ReasonLabels {
            reason: m.label("reason", reason),
        })
        .inc();
}

/// A rep took an escalation over `waited` after it was opened.
pub fn taken_over(reason: &str, waited: Duration) {
    if !enabled() {
        return;
    }
    let m = get();
    m.takeover_seconds
        .get_or_create(&ReasonLabels {
            reason: m.label("reason", reason),
        })
        .observe(waited.as_secs_f64());
}

/// A seller showed products to a customer.
pub fn recommended(conversation_id: &str, brand_name: &str, products: &[String]) {
    if !enabled() {
        return;
    }
    if products.is_empty() {
        return;
    }
    let m = get();
    m.recommendations_shown
        .get_or_create(&brand(brand_name))
        .inc_by(products.len() as u64);
    m.memo(conversation_id, |c| {
        for p in products {
            if !c.shown.contains(p) {
                c.shown.push(p.clone());
            }
        }
        // Only the latest recommendations count.
        let excess = c.shown.len().saturating_sub(50);
        c.shown.drain(..excess);
    });
}

/// A product went into a conversation's cart.
pub fn added_to_cart(conversation_id: &str, brand_name: &str, product_id: &str) {
    if !enabled() {
        return;
    }
    let m = get();
    let (was_shown, first) = m
        .memo(conversation_id, |c| {
            let shown = c.shown.iter().any(|p| p == product_id);
            let first = !c.carted;
            c.carted = true;
            (shown, first)
        })
        .unwrap_or((false, false));
    if was_shown {
        m.recommendations_added
            .get_or_create(&brand(brand_name))
            .inc();
    }
    if first {
        m.carts.get_or_create(&brand(brand_name)).inc();
    }
}

/// An order of a conversation was created (`store.order.created`):
/// its lines that a seller showed in that conversation close the funnel.
pub fn ordered(conversation_id: &str, brand_name: &str, products: &[String]) {
    if !enabled() {
        return;
    }
    let m = get();
    let shown = m
        .memo(conversation_id, |c| {
            products.iter().filter(|p| c.shown.contains(p)).count()
        })
        .unwrap_or(0);
    if shown > 0 {
        m.recommendations_ordered
            .get_or_create(&brand(brand_name))
            .inc_by(shown as u64);
        m.recommended_orders.get_or_create(&brand(brand_name)).inc();
    }
}

/// An order was created.
pub fn order_created(brand_name: &str, currency: &str, total_minor: i64) {
    if !enabled() {
        return;
    }
    let m = get();
    m.orders.get_or_create(&brand(brand_name)).inc();
    if let Ok(minor) = u64::try_from(total_minor) {
        m.revenue_minor
            .get_or_create(&RevenueLabels {
                brand: m.label("brand", brand_name),
                currency: m.label("currency", &currency.to_ascii_uppercase()),
            })
            .inc_by(minor);
    }
}

/// The satisfaction question was sent.
pub fn satisfaction_asked(brand_name: &str) {
    if !enabled() {
        return;
    }
    get()
        .satisfaction_asked
        .get_or_create(&brand(brand_name))
        .inc();
}

/// A customer answered the satisfaction question.
pub fn satisfaction_answered(brand_name: &str, score: u8) {
    if !enabled() {
        return;
    }
    get()
        .satisfaction_score
        .get_or_create(&brand(brand_name))
        .observe(f64::from(score));
}

/// How often one kind of telemetry failure is logged at most.
pub const FAILURE_LOG_EVERY: Duration = Duration::from_secs(60);

/// Telemetry itself failed (`kind`: `otlp_export`, `metrics_gather`...):
/// always counted, logged at most once per [`FAILURE_LOG_EVERY`] per kind
/// (an unreachable collector must not write a line per message).
pub fn telemetry_failed(kind: &str, error: &dyn std::fmt::Display) {
    let m = get();
    let kind = m.label("telemetry_kind", kind);
    let counter = m
        .telemetry_errors
        .get_or_create(&KindLabels { kind: kind.clone() });
    counter.inc();
    let total = counter.get();
    drop(counter);
    let due = m.failure_logged.lock().is_ok_and(|mut logged| {
        let now = Instant::now();
        match logged.get(&kind) {
            Some(at) if now.duration_since(*at) < FAILURE_LOG_EVERY => false,
            _ => {
                logged.insert(kind.clone(), now);
                true
            }
        }
    });
    if due {
        tracing::warn!(target: "agent_store::telemetry", %kind, total, error = %error, "telemetry failing (logged at most once a minute; agent_store_telemetry_errors_total counts every failure)");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_values_are_cleaned_and_bounded() {
        let m = Metrics::new();
        assert_eq!(m.label("t", " pt-BR "), "pt-BR");
        assert_eq!(m.label("t", "+5511999990001\n"), "+5511999990001");
        assert_eq!(m.label("t", "{}\"'"), "none");
        for i in 0..(MAX_VALUES * 2) {
            m.label("u", &format!("v{i}"));
        }
        assert_eq!(m.label("u", "v0"), "v0", "a value seen early stays");
        assert_eq!(m.label("u", "fresh"), "other", "past the cap");
        assert_eq!(clean(&"x".repeat(500)).len(), MAX_LABEL_CHARS);
    }

    #[test]
    fn every_metric_is_prefixed_and_counters_end_in_total() {
        let m = Metrics::new();
        m.messages_received
            .get_or_create(&MessageLabels {
                brand: "tech".into(),
                r#type: "text".into(),
                language: "en".into(),
            })
            .inc();
        let text = m.encode().expect("encode");
        assert!(
            text.contains("agent_store_messages_received_total{brand=\"tech\",type=\"text\",language=\"en\"} 1"),
            "{text}"
        );
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            assert!(line.starts_with("agent_store_"), "{line}");
        }
        assert!(text.trim_end().ends_with("# EOF"));
    }

    #[test]
    fn the_reply_clock_runs_from_webhook_to_first_send() {
        inbound_received("conv-latency-test");
        message_sent("conv-latency-test", "latency-brand", "text", "en");
        // A second send of the same turn is not a second response.
        message_sent("conv-latency-test", "latency-brand", "text", "en");
        let text = get().encode().expect("encode");
        assert!(
            text.contains("agent_store_reply_seconds_count{brand=\"latency-brand\"} 1"),
            "{text}"
        );
    }

    #[test]
    fn shown_then_added_counts_as_a_recommendation_taken() {
        recommended("conv-rec-test", "rec-brand", &["p1".into(), "p2".into()]);
        added_to_cart("conv-rec-test", "rec-brand", "p2");
        added_to_cart("conv-rec-test", "rec-brand", "p9");
        let text = get().encode().expect("encode");
        assert!(text.contains("agent_store_recommendations_shown_total{brand=\"rec-brand\"} 2"));
        assert!(text.contains("agent_store_recommendations_added_total{brand=\"rec-brand\"} 1"));
        assert!(text.contains("agent_store_carts_total{brand=\"rec-brand\"} 1"));
    }

    #[test]
    fn an_order_of_a_shown_product_closes_the_funnel() {
        recommended("conv-ord-test", "ord-brand", &["p1".into(), "p2".into()]);
        // An order elsewhere, and one with a shown and an unshown line.
        ordered("conv-other-test", "ord-brand", &["p1".into()]);
        ordered("conv-ord-test", "ord-brand", &["p2".into(), "p7".into()]);
        let text = get().encode().expect("encode");
        assert!(
            text.contains("agent_store_recommendations_ordered_total{brand=\"ord-brand\"} 1"),
            "{text}"
        );
        assert!(text.contains("agent_store_recommended_orders_total{brand=\"ord-brand\"} 1"));
    }

    /// A log buffer for one test's subscriber.
    #[derive(Clone, Default)]
    struct Lines(std::sync::Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Lines {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .map_err(|_| std::io::Error::other("poisoned"))?
                .extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn telemetry_failures_are_all_counted_and_logged_once_a_minute() {
        let lines = Lines::default();
        let writer = lines.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            for i in 0..250 {
                telemetry_failed("unit_test_failure", &format!("collector down #{i}"));
            }
            // Another kind has its own minute.
            telemetry_failed("unit_test_other", &"scrape during shutdown");
        });
        let text = get().encode().expect("encode");
        assert!(
            text.contains("agent_store_telemetry_errors_total{kind=\"unit_test_failure\"} 250"),
            "{text}"
        );
        let log = String::from_utf8_lossy(&lines.0.lock().expect("lock")).into_owned();
        let logged: Vec<&str> = log
            .lines()
            .filter(|l| l.contains("telemetry failing"))
            .collect();
        assert_eq!(logged.len(), 2, "once per kind: {log}");
        assert!(logged[0].contains("collector down #0"), "{log}");
        assert!(logged[1].contains("unit_test_other"), "{log}");
    }

    #[test]
    fn bus_lag_is_per_group() {
        bus_lag("lag-test-group", Duration::from_millis(30));
        set_bus_lag_events(&[("lag-test-group".into(), 7)]);
        let text = get().encode().expect("encode");
        assert!(
            text.contains("agent_store_bus_lag_seconds_count{group=\"lag-test-group\"} 1"),
            "{text}"
        );
        assert!(
            text.contains("agent_store_bus_lag_events{group=\"lag-test-group\"} 7"),
            "{text}"
        );
    }
}
