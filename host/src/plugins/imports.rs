//! What a plugin instance can reach: the host side of every WIT import,
//! with the manifest's grants and per-turn budgets enforced on each call.
//! A denied or over-budget call is an error value to the guest, never a trap
//! (a guest that keeps calling long after its budget is spent is stopped by
//! the runtime as a host-call flood).
//!
//! Also here: what a turn spends. [`Meter`] counts guest CPU time only (the
//! time inside host calls, e.g. waiting on the LLM, is excluded) and
//! [`GuestLimiter`] caps linear memory and remembers that it did.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use wasmtime::component::ResourceTable;
use wasmtime::{ResourceLimiter, StoreLimits};
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

use super::bindings::router::agent_store::plugin as router_if;
use super::bindings::seller::agent_store::plugin as wit_if;
use super::bindings::wit::{self, HostError};
use super::convert;
use super::manifest::{CatalogScope, Grants, Kind};
use crate::catalog::Catalog;
use crate::conversations::Conversations;
use crate::llm::Llm;
use crate::orders::Carts;
use crate::routing::directory::BrandDirectory;

/// Shared services every plugin call may use (behind the grants).
#[derive(Clone)]
pub struct Services {
    pub catalog: Catalog,
    pub conversations: Option<Conversations>,
    pub carts: Option<Carts>,
    pub llm: Llm,
    /// Persona prompts by brand; the router's under `router` (re-read
    /// when the file changes).
    pub prompts: crate::llm::Prompts,
    /// Config values a manifest may be granted: by brand (`router` for
    /// the router), then key (`[plugins.config.<brand>]`).
    pub values: Arc<super::config::Values>,
    /// What the router world's `routing` import answers (the host's brand
    /// vocabulary, [`crate::routing::Vocabulary`]).
    pub brands: Arc<dyn BrandDirectory>,
    /// The brand vocabulary itself: the sellers' `[routing]` sections
    /// are synced into it, and it holds the store policy texts.
    pub routing: crate::routing::Vocabulary,
    /// What the current turn saw (searches, recommendations, products,
    /// amounts); records only for seller turns ([`super::seen`]).
    pub seen: crate::llm::seen::TurnLog,
    /// The turn's import calls, recorded or answered from a recording
    /// ([`super::record`]); off unless the turn is recorded or replayed.
    pub tape: super::record::Tape,
}

/// Per-turn call budgets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Budgets {
    /// Every import counts here (log lines, history, state, config...).
    pub host_calls: u32,
    pub catalog_calls: u32,
    pub llm_calls: u32,
    pub state_writes: u32,
    /// Most results of one search/recommend call.
    pub search_limit: u32,
}

impl Default for Budgets {
    fn default() -> Self {
        Self {
            host_calls: 100,
            catalog_calls: 20,
            llm_calls: 3,
            state_writes: 16,
            search_limit: 20,
        }
    }
}

/// Denied host calls of one loaded plugin, for the audit trail: every
/// denial is also a `warn` log line (`host call denied`).
#[derive(Debug, Default)]
pub struct Audit {
    denied: AtomicU64,
    by_capability: Mutex<BTreeMap<&'static str, u64>>,
}

impl Audit {
    /// Denied calls since the plugin was loaded.
    pub fn denied_calls(&self) -> u64 {
        self.denied.load(Ordering::Relaxed)
    }

    /// Denied calls by capability (`catalog`, `llm`, `orders`, `config`).
    pub fn denied_by_capability(&self) -> BTreeMap<&'static str, u64> {
        self.by_capability
            .lock()
            .map(|m| m.clone())
            .unwrap_or_default()
    }

    fn record(&self, capability: &'static str) {
        self.denied.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut m) = self.by_capability.lock() {
            *m.entry(capability).or_default() += 1;
        }
    }
}

/// The calling thread's CPU time (Linux), or a monotonic clock elsewhere.
pub(crate) fn cpu_now() -> Duration {
    #[cfg(target_os = "linux")]
    {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable timespec; the clock id is a
        // constant every Linux kernel supports.
        let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
        if rc == 0 {
            return Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32);
        }
    }
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

#[derive(Debug, Default)]
struct MeterState {
    /// Guest CPU time of finished segments.
    spent: Duration,
    /// The CPU clock of the running segment's start, while the guest runs.
    since: Option<Duration>,
    /// Nesting of host calls in progress.
    in_host: u32,
    /// Whether the turn's future is being polled right now.
    polled: bool,
}

/// Guest CPU time of one turn. The runtime brackets every poll of the
/// turn's future ([`Meter::poll_started`] / [`Meter::poll_ended`]) and every
/// host import brackets itself ([`Meter::host_call`]): the guest is running
/// while a poll is in progress and no host call is. CPU time is the polling
/// thread's, so a busy machine does not eat a guest's budget.
#[derive(Debug, Default)]
pub struct Meter {
    state: Mutex<MeterState>,
}

impl Meter {
    fn with<R>(&self, f: impl FnOnce(&mut MeterState) -> R) -> R {
        match self.state.lock() {
            Ok(mut s) => f(&mut s),
            Err(poisoned) => f(&mut poisoned.into_inner()),
        }
    }

    fn resume(s: &mut MeterState) {
        if s.polled && s.in_host == 0 && s.since.is_none() {
            s.since = Some(cpu_now());
        }
    }

    fn pause(s: &mut MeterState) {
        if let Some(since) = s.since.take() {
            s.spent += cpu_now().saturating_sub(since);
        }
    }

    pub fn poll_started(&self) {
        self.with(|s| {
            s.polled = true;
            Self::resume(s);
        });
    }

    pub fn poll_ended(&self) {
        self.with(|s| {
            Self::pause(s);
            s.polled = false;
        });
    }

    /// Guest CPU time so far.
    pub fn guest_cpu(&self) -> Duration {
        self.with(|s| match s.since {
            Some(since) => s.spent + cpu_now().saturating_sub(since),
            None => s.spent,
        })
    }

    /// Stop the guest clock until the guard drops.
    pub fn host_call(self: &Arc<Self>) -> HostCall {
        self.with(|s| {
            Self::pause(s);
            s.in_host += 1;
        });
        HostCall {
            meter: self.clone(),
            span: tracing::Span::none(),
        }
    }
}

/// A host call in progress: the guest's clock is stopped. Its trace span
/// (when traces are exported) ends when the guard drops.
pub struct HostCall {
    meter: Arc<Meter>,
    pub span: tracing::Span,
}

/// The span of one host call (`kind`: the WIT interface and function,
/// `catalog.search`), a child of the turn's span, naming the plugin and
/// its version; `Span::none()` unless traces are exported (a turn makes
/// several calls: no span bookkeeping when nobody reads them).
fn host_call_span(kind: &'static str, scope: &TurnScope) -> tracing::Span {
    if !crate::telemetry::tracing::exporting() {
        return tracing::Span::none();
    }
    tracing::info_span!(
        "plugin.host_call",
        otel.name = kind,
        host_call.kind = kind,
        plugin.name = %scope.plugin,
        plugin.version = %scope.version,
    )
}

impl Drop for HostCall {
    fn drop(&mut self) {
        self.meter.with(|s| {
            s.in_host = s.in_host.saturating_sub(1);
            Meter::resume(s);
        });
    }
}

/// The store's resource limiter: `StoreLimits` plus a record of the memory
/// cap being hit, so a failed turn can say so.
pub struct GuestLimiter {
    inner: StoreLimits,
    memory_cap: usize,
    /// The size the guest asked for when it hit the cap.
    pub(crate) memory_denied: Option<usize>,
}

impl GuestLimiter {
    pub fn new(memory_cap: usize) -> Self {
        let inner = wasmtime::StoreLimitsBuilder::new()
            .memory_size(memory_cap)
            .instances(32)
            .tables(16)
            .memories(8)
            .trap_on_grow_failure(true)
            .build();
        Self {
            inner,
            memory_cap,
            memory_denied: None,
        }
    }
}

impl ResourceLimiter for GuestLimiter {
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        if desired > self.memory_cap {
            self.memory_denied = Some(desired);
        }
        self.inner.memory_growing(current, desired, maximum)
    }

    fn table_growing(
        &mut self,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        self.inner.table_growing(current, desired, maximum)
    }

    fn instances(&self) -> usize {
        self.inner.instances()
    }

    fn tables(&self) -> usize {
        self.inner.tables()
    }

    fn memories(&self) -> usize {
        self.inner.memories()
    }
}

/// Who is running and for which conversation.
#[derive(Clone)]
pub struct TurnScope {
    pub plugin: String,
    pub version: String,
    pub kind: Kind,
    pub brand: Option<String>,
    pub grants: Grants,
    pub conversation_id: Option<String>,
    /// The brands with a seller, as the route request gave them (routers
    /// only; what the `routing` import answers about).
    pub brands: Vec<String>,
    /// The loaded plugin's audit counters.
    pub audit: Arc<Audit>,
}

/// The data of one plugin `Store`: lives for exactly one turn.
pub struct PluginState {
    wasi: WasiCtx,
    table: ResourceTable,
    pub(crate) limiter: GuestLimiter,
    scope: TurnScope,
    services: Services,
    /// What is left of the turn's budgets.
    budgets: Budgets,
    /// The turn's host-call budget, to tell a flood from a slip.
    host_call_budget: u32,
    pub(crate) stdout: MemoryOutputPipe,
    pub(crate) stderr: MemoryOutputPipe,
    /// Host calls denied during the turn (for the audit log).
    pub(crate) denied: Vec<String>,
    /// Host calls refused for the turn's budgets.
    pub(crate) refused: u32,
    pub(crate) meter: Arc<Meter>,
    /// Why the runtime stopped the turn (CPU deadline, host-call flood).
    pub(crate) abort: Option<String>,
    /// The conversation store failed during the turn (a state read or
    /// write): the turn fails and the bus retries it, whatever the guest
    /// made of the error.
    pub(crate) storage_error: Option<String>,
}

/// How much a guest may print per turn before output is dropped.
const OUTPUT_CAPACITY: usize = 64 * 1024;

impl PluginState {
    pub fn new(
        scope: TurnScope,
        services: Services,
        budgets: Budgets,
        limiter: GuestLimiter,
    ) -> Self {
        let stdout = MemoryOutputPipe::new(OUTPUT_CAPACITY);
        let stderr = MemoryOutputPipe::new(OUTPUT_CAPACITY);
        // No preopened dirs, no env, no args, no network: the guest reaches
        // the world only through the store's own imports.
        let wasi = WasiCtx::builder()
            .stdout(stdout.clone())
            .stderr(stderr.clone())
            .allow_tcp(false)
            .allow_udp(false)
            .allow_ip_name_lookup(false)
            .build();
        Self {
            wasi,
            table: ResourceTable::new(),
            limiter,
            scope,
            services,
            host_call_budget: budgets.host_calls,
            budgets,
            stdout,
            stderr,
            denied: Vec::new(),
            refused: 0,
            meter: Arc::new(Meter::default()),
            abort: None,
            storage_error: None,
        }
    }

    /// The guest kept calling after its host-call budget was spent: as many
    /// refused calls again as the budget itself (at least 50). The runtime
    /// stops the turn.
    pub(crate) fn flooding(&self) -> Option<String> {
        (self.refused >= self.host_call_budget.max(50)).then(|| {
            format!(
                "host-call budget of {} calls per turn ({} more calls refused: host-call flood)",
                self.host_call_budget, self.refused
            )
        })
    }

    /// Count a host call against the budgets; stops the guest's CPU clock
    /// until the returned guard drops.
    /// `kind` names the import (`catalog.search`): with traces on, the
    /// call is a span of that name inside the turn's span.
    fn enter(&mut self, kind: &'static str) -> Result<HostCall, HostError> {
        if self.budgets.host_calls == 0 {
            self.refused += 1;
            return Err(HostError::LimitExceeded(format!(
                "{} host calls per turn",
                self.host_call_budget
            )));
        }
        self.budgets.host_calls -= 1;
        let mut call = self.meter.host_call();
        call.span = host_call_span(kind, &self.scope);
        Ok(call)
    }

    /// Refuse a call over one of the per-kind budgets.
    fn over(&mut self, what: &str) -> HostError {
        self.refused += 1;
        HostError::LimitExceeded(format!("{what} per turn"))
    }

    /// Deny an ungranted capability: an error to the guest, a `warn` line
    /// and the plugin's audit counter.
    fn deny(&mut self, capability: &'static str, detail: &str) -> HostError {
        let msg = format!(
            "{capability}{}{detail} is not granted to plugin {}",
            if detail.is_empty() { "" } else { " " },
            self.scope.plugin
        );
        tracing::warn!(
            plugin = %self.scope.plugin,
            version = %self.scope.version,
            capability,
            detail,
            conversation = self.scope.conversation_id.as_deref().unwrap_or(""),
            audit = true,
            "host call denied"
        );
        self.scope.audit.record(capability);
        if self.denied.len() < 32 {
            self.denied.push(if detail.is_empty() {
                capability.to_string()
            } else {
                format!("{capability} {detail}")
            });
        }
        HostError::Denied(msg)
    }

    /// The brand filter of catalog calls, or a denial.
    fn catalog_scope(&mut self) -> Result<Option<String>, HostError> {
        if self.budgets.catalog_calls == 0 {
            return Err(self.over("catalog calls"));
        }
        self.budgets.catalog_calls -= 1;
        match self.scope.grants.catalog {
            CatalogScope::None => Err(self.deny("catalog", "")),
            CatalogScope::All => Ok(None),
            CatalogScope::Brand => match &self.scope.brand {
                Some(b) => Ok(Some(b.clone())),
                None => Err(self.deny("catalog", "")),
            },
        }
    }

    /// The turn's tape ([`super::record`]).
    pub(crate) fn tape(&self) -> &super::record::Tape {
        &self.services.tape
    }

    fn conversation(&self) -> Option<(&Conversations, &str)> {
        Some((
            self.services.conversations.as_ref()?,
            self.scope.conversation_id.as_deref()?,
        ))
    }
}

impl WasiView for PluginState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

impl wit_if::types::Host for PluginState {}

impl wit_if::catalog::Host for PluginState {
    async fn search(
        &mut self,
        query: wit::SearchQuery,
    ) -> Result<Vec<wit::ScoredProduct>, HostError> {
        let _call = self.enter("catalog.search")?;
        let brand = self.catalog_scope()?;
        let q = convert::search_query(query, self.budgets.search_limit);
        let found = self.services.catalog.search(brand.as_deref(), &q);
        let products: Vec<crate::catalog::Product> =
            found.iter().map(|s| s.product.clone()).collect();
        self.services.seen.searched(&q.text, &products);
        // A budget the plugin searched with is a true amount to quote.
        self.services
            .seen
            .amounts(q.max_price_minor.into_iter().chain(q.min_price_minor));
        Ok(found
            .iter()
            .map(|s| wit::ScoredProduct {
                product: convert::product(&s.product),
                score: s.score,
            })
            .collect())
    }

    async fn get(&mut self, id: String) -> Result<Option<wit::Product>, HostError> {
        let _call = self.enter("catalog.get")?;
        let brand = self.catalog_scope()?;
        let found = self.services.catalog.get(brand.as_deref(), &id);
        self.services.seen.products(found.iter());
        Ok(found.map(|p| convert::product(&p)))
    }

    async fn recommend(
        &mut self,
        product_id: String,
        kind: wit::RecommendationKind,
        limit: u32,
    ) -> Result<Vec<wit::Recommendation>, HostError> {
        let _call = self.enter("catalog.recommend")?;
        let brand = self.catalog_scope()?;
        let limit = limit.clamp(1, self.budgets.search_limit);
        let host_kind = convert::recommendation_kind(kind);
        let found =
            self.services
                .catalog
                .recommend(brand.as_deref(), &product_id, host_kind, limit);
        let products: Vec<crate::catalog::Product> =
            found.iter().map(|r| r.product.clone()).collect();
        self.services
            .seen
            .recommended(&product_id, host_kind, &products);
        Ok(found
            .iter()
            .map(|r| wit::Recommendation {
                product: convert::product(&r.product),
                kind,
                explanation: r.explanation.clone(),
            })
            .collect())
    }
}

impl wit_if::llm::Host for PluginState {
    async fn chat(&mut self, request: wit::ChatRequest) -> Result<wit::ChatResponse, HostError> {
        let call = self.enter("llm.chat")?;
        if !self.scope.grants.llm {
            return Err(self.deny("llm", ""));
        }
        if self.budgets.llm_calls == 0 {
            return Err(self.over("llm calls"));
        }
        self.budgets.llm_calls -= 1;
        // The LLM request's span goes under this call's.
        use tracing::Instrument as _;
        super::llm::chat(&self.services, &self.scope, request)
            .instrument(call.span.clone())
            .await
    }
}

impl wit_if::orders::Host for PluginState {
    async fn get_cart(&mut self) -> Result<wit::Cart, HostError> {
        let _call = self.enter("orders.get-cart")?;
        if !self.scope.grants.orders {
            return Err(self.deny("orders", ""));
        }
        let (Some(carts), Some(conversation)) = (&self.services.carts, &self.scope.conversation_id)
        else {
            return Err(HostError::Unavailable(
                "no conversation in this call".into(),
            ));
        };
        let cart = carts
            .get(conversation)
            .await
            .map_err(|e| HostError::Failed(e.to_string()))?;
        self.services
            .seen
            .amounts(
                std::iter::once(cart.subtotal.minor_units).chain(cart.lines.iter().flat_map(|l| {
                    [
                        l.unit_price.minor_units,
                        l.unit_price
                            .minor_units
                            .saturating_mul(i64::from(l.quantity)),
                    ]
                })),
            );
        let in_cart: Vec<crate::catalog::Product> = cart
            .lines
            .iter()
            .filter_map(|l| self.services.catalog.get(None, &l.product_id))
            .collect();
        self.services.seen.products(in_cart.iter());
        Ok(wit::Cart {
            lines: cart
                .lines
                .iter()
                .map(|l| wit::CartLine {
                    product_id: l.product_id.clone(),
                    title: l.title.clone(),
                    quantity: l.quantity,
                    unit_price: convert::money(&l.unit_price),
                })
                .collect(),
            subtotal: convert::money(&cart.subtotal),
        })
    }

    async fn recent(&mut self, limit: u32) -> Result<Vec<wit::OrderSummary>, HostError> {
        let _call = self.enter("orders.recent")?;
        if !self.scope.grants.orders {
            return Err(self.deny("orders", ""));
        }
        let (Some(carts), Some(conversation)) = (&self.services.carts, &self.scope.conversation_id)
        else {
            return Err(HostError::Unavailable(
                "no conversation in this call".into(),
            ));
        };
        let orders = carts
            .recent_orders(conversation, limit)
            .await
            .map_err(|e| HostError::Failed(e.to_string()))?;
        self.services
            .seen
            .amounts(orders.iter().map(|o| o.total.minor_units));
        Ok(orders
            .into_iter()
            .map(|o| wit::OrderSummary {
                id: o.id,
                status: o.status,
                total: convert::money(&o.total),
                created_at: u64::try_from(o.created_at).unwrap_or(0),
                tracking: o.tracking,
            })
            .collect())
    }
}

impl wit_if::conversation::Host for PluginState {
    async fn history(&mut self, limit: u32) -> Vec<wit::HistoryEntry> {
        let Ok(_call) = self.enter("conversation.history") else {
            return Vec::new();
        };
        let Some((store, id)) = self.conversation() else {
            return Vec::new();
        };
        match store.history(id, limit.min(50), None).await {
            Ok(h) => convert::history(&h),
            Err(e) => {
                tracing::warn!(error = %e, "history for a plugin failed");
                Vec::new()
            }
        }
    }

    async fn get_state(&mut self, key: String) -> Option<String> {
        let _call = self.enter("conversation.get-state").ok()?;
        let (store, id) = self.conversation()?;
        match store
            .state(id, &format!("{}:{}", self.scope.plugin, key))
            .await
        {
            Ok(v) => v,
            Err(e) => {
                // Not "no value": the guest would carry on with lost state.
                self.storage_error = Some(format!("reading state: {e}"));
                None
            }
        }
    }

    async fn set_state(&mut self, key: String, value: String) -> Result<(), HostError> {
        let _call = self.enter("conversation.set-state")?;
        if self.budgets.state_writes == 0 {
            return Err(self.over("state writes"));
        }
        self.budgets.state_writes -= 1;
        let Some((store, id)) = self.conversation() else {
            return Err(HostError::Unavailable(
                "no conversation in this call".into(),
            ));
        };
        // Keys are namespaced per plugin: one plugin cannot read another's.
        let written = store
            .set_state(id, &format!("{}:{}", self.scope.plugin, key), &value)
            .await;
        written.map_err(|e| match e {
            crate::conversations::ConversationError::Limit(m) => HostError::LimitExceeded(m),
            other => {
                // The guest may ignore the error; the host does not: the
                // turn fails and is retried.
                let message = other.to_string();
                self.storage_error = Some(format!("writing state: {message}"));
                HostError::Failed(message)
            }
        })
    }
}

impl wit_if::config::Host for PluginState {
    async fn get(&mut self, key: String) -> Option<String> {
        let _call = self.enter("config.get").ok()?;
        if !self.scope.grants.config.iter().any(|k| k == &key) {
            let key: String = key.chars().take(64).collect();
            self.deny("config", &format!("key {key:?}"));
            return None;
        }
        let brand = self.scope.brand.as_deref().unwrap_or("router");
        self.services.values.get(brand)?.get(&key).cloned()
    }

    async fn prompt(&mut self) -> String {
        let Ok(_call) = self.enter("config.prompt") else {
            return String::new();
        };
        let key = self.scope.brand.as_deref().unwrap_or("router");
        self.services.prompts.get(key).unwrap_or_default()
    }
}

/// Longest text `routing.match-text` looks at, in characters.
const MATCH_TEXT_CHARS: usize = 4096;

impl router_if::routing::Host for PluginState {
    async fn brands(&mut self) -> Vec<wit::BrandProfile> {
        let Ok(_call) = self.enter("routing.brands") else {
            return Vec::new();
        };
        self.services
            .brands
            .profiles(&self.scope.brands)
            .into_iter()
            .map(convert::brand_profile)
            .collect()
    }

    async fn match_text(&mut self, text: String, limit: u32) -> Vec<wit::BrandMatch> {
        let Ok(_call) = self.enter("routing.match-text") else {
            return Vec::new();
        };
        let text: String = text.chars().take(MATCH_TEXT_CHARS).collect();
        let limit = limit.clamp(1, self.budgets.search_limit);
        let mut matches = self
            .services
            .brands
            .match_text(&self.scope.brands, &text, limit);
        // Whatever the directory does, the router only hears of brands it
        // may route to, and no more than it asked for.
        matches.retain(|m| self.scope.brands.contains(&m.brand));
        matches.truncate(limit as usize);
        matches.into_iter().map(convert::brand_match).collect()
    }
}

impl wit_if::log::Host for PluginState {
    async fn log(&mut self, level: wit::Level, message: String) {
        // Over budget, lines are dropped: a guest cannot flood the logs.
        let Ok(_call) = self.enter("log") else {
            return;
        };
        let plugin = self.scope.plugin.as_str();
        let message: String = message.chars().take(2000).collect();
        match level {
            wit::Level::Trace => tracing::trace!(plugin, "{message}"),
            wit::Level::Debug => tracing::debug!(plugin, "{message}"),
            wit::Level::Info => tracing::info!(plugin, "{message}"),
            wit::Level::Warn => tracing::warn!(plugin, "{message}"),
            wit::Level::Error => tracing::error!(plugin, "{message}"),
        }
    }
}
