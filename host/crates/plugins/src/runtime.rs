//! The wasm runtime: an `Engine` with the pooling allocator, one `Linker`
//! per world, an `InstancePre` per loaded plugin, and a fresh `Store` and
//! instance for every turn so nothing leaks between customers. Tiered
//! compilation adds a second engine for baseline code ([`super::tiers`]).

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use sha2::{Digest, Sha256};
use wasmtime::component::{Component, InstancePre};
use wasmtime::{Engine, Store, UpdateDeadline};

use super::bindings::{router, seller, wit};
use super::cache::Cache;
use super::contract::{self, Contract};
use super::imports::{Audit, Budgets, GuestLimiter, Meter, PluginState, Services, TurnScope};
use super::manifest::{self, Manifest};
use super::tiers::{Code, Compiler, EngineSpec, Linkers, Tier, UpgradeHold, Upgrader};
use super::v0_1;

/// How often the epoch advances: the granularity of CPU deadlines.
const EPOCH_TICK: Duration = Duration::from_millis(5);
/// Ticks between checks of a running guest's CPU time; at each check a
/// guest that is within its deadline yields to the executor once, so a
/// busy guest never holds a worker thread for long.
const SLICE_TICKS: u64 = 2;
/// Set (to anything) to write a perf map of the compiled guest code, so
/// `perf record` on the host names guest functions.
pub const PERF_MAP_ENV: &str = "AGENT_STORE_WASM_PERFMAP";
/// The native stack a guest may use; deeper recursion traps.
pub(super) const WASM_STACK: usize = 512 * 1024;

/// Host-wide maxima (`[plugins] max_*`): a manifest's `[limits]` are
/// clamped to these.
#[derive(Debug, Clone, Copy)]
pub struct TurnLimits {
    /// Most guest CPU time per turn.
    pub cpu: Duration,
    /// Whole-turn deadline, host calls (LLM) included; not per plugin.
    pub wall: Duration,
    /// Most linear memory.
    pub memory_bytes: usize,
    /// Largest reply (bytes of text in all actions).
    pub reply_bytes: usize,
    /// Most actions per reply.
    pub reply_actions: u32,
    /// Most host calls per turn, by kind.
    pub budgets: Budgets,
}

impl Default for TurnLimits {
    fn default() -> Self {
        Self {
            cpu: Duration::from_millis(1000),
            wall: Duration::from_secs(30),
            memory_bytes: 128 << 20,
            reply_bytes: 1 << 20,
            reply_actions: 32,
            budgets: Budgets {
                host_calls: 1000,
                catalog_calls: 100,
                llm_calls: 10,
                state_writes: 64,
                search_limit: 20,
            },
        }
    }
}

/// `[plugins.limits]`: the host-wide maxima, in config units.
///
/// ```toml
/// [plugins.limits]
/// max_cpu_ms = 1000          # a manifest's [limits] may ask for up to these
/// max_memory_mib = 128
/// max_reply_kib = 1024
/// max_reply_actions = 32
/// max_host_calls = 1000
/// max_catalog_calls = 100
/// max_llm_calls = 10
/// max_state_writes = 64
/// turn_timeout_ms = 30000    # whole turn, host calls (LLM) included
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LimitsConfig {
    pub max_cpu_ms: u64,
    pub max_memory_mib: u64,
    pub max_reply_kib: u64,
    pub max_reply_actions: u32,
    pub max_host_calls: u32,
    pub max_catalog_calls: u32,
    pub max_llm_calls: u32,
    pub max_state_writes: u32,
    pub turn_timeout_ms: u64,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        let max = TurnLimits::default();
        Self {
            max_cpu_ms: max.cpu.as_millis() as u64,
            max_memory_mib: (max.memory_bytes >> 20) as u64,
            max_reply_kib: (max.reply_bytes >> 10) as u64,
            max_reply_actions: max.reply_actions,
            max_host_calls: max.budgets.host_calls,
            max_catalog_calls: max.budgets.catalog_calls,
            max_llm_calls: max.budgets.llm_calls,
            max_state_writes: max.budgets.state_writes,
            turn_timeout_ms: max.wall.as_millis() as u64,
        }
    }
}

impl LimitsConfig {
    /// The runtime's maxima.
    pub fn turn_limits(&self) -> TurnLimits {
        TurnLimits {
            cpu: Duration::from_millis(self.max_cpu_ms.max(1)),
            wall: Duration::from_millis(self.turn_timeout_ms.max(1)),
            memory_bytes: (self.max_memory_mib.clamp(1, 4096) as usize) << 20,
            reply_bytes: (self.max_reply_kib.max(1) as usize) << 10,
            reply_actions: self.max_reply_actions.max(1),
            budgets: Budgets {
                host_calls: self.max_host_calls,
                catalog_calls: self.max_catalog_calls,
                llm_calls: self.max_llm_calls,
                state_writes: self.max_state_writes,
                search_limit: TurnLimits::default().budgets.search_limit,
            },
        }
    }
}

/// One plugin's effective limits: its manifest's `[limits]`, or the
/// defaults, within the host's maxima.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PluginLimits {
    /// Guest CPU per turn; time inside host calls does not count (but for
    /// `analysis` calls: the guest's own work, done by the host).
    pub cpu: Duration,
    pub memory_bytes: usize,
    pub reply_bytes: usize,
    pub reply_actions: u32,
    pub budgets: Budgets,
}

impl Default for PluginLimits {
    /// 200 ms CPU, 32 MiB, 64 KiB and 10 actions per reply, and
    /// [`Budgets::default`].
    fn default() -> Self {
        Self {
            cpu: Duration::from_millis(200),
            memory_bytes: 32 << 20,
            reply_bytes: 64 << 10,
            reply_actions: 10,
            budgets: Budgets::default(),
        }
    }
}

impl PluginLimits {
    /// The limits of a manifest within `max`, and a note for every value
    /// that was lowered to its maximum.
    pub fn resolve(asked: &manifest::Limits, max: &TurnLimits) -> (Self, Vec<String>) {
        let d = Self::default();
        let mut clamped = Vec::new();
        let mut pick = |key: &str, asked: Option<u64>, default: u64, max: u64| -> u64 {
            match asked {
                Some(v) if v > max => {
                    clamped.push(format!(
                        "limits.{key} = {v} lowered to the host maximum {max}"
                    ));
                    max
                }
                Some(v) => v,
                None => default.min(max),
            }
        };
        let cpu_ms = pick(
            "cpu_ms",
            asked.cpu_ms,
            d.cpu.as_millis() as u64,
            max.cpu.as_millis() as u64,
        );
        let memory_mib = pick(
            "memory_mib",
            asked.memory_mib,
            (d.memory_bytes >> 20) as u64,
            (max.memory_bytes >> 20) as u64,
        );
        let reply_kib = pick(
            "reply_kib",
            asked.reply_kib,
            (d.reply_bytes >> 10) as u64,
            (max.reply_bytes >> 10) as u64,
        );
        let mut pick32 = |key: &str, asked: Option<u32>, default: u32, max: u32| -> u32 {
            pick(
                key,
                asked.map(u64::from),
                u64::from(default),
                u64::from(max),
            ) as u32
        };
        let reply_actions = pick32(
            "reply_actions",
            asked.reply_actions,
            d.reply_actions,
            max.reply_actions,
        );
        let budgets = Budgets {
            host_calls: pick32(
                "host_calls",
                asked.host_calls,
                d.budgets.host_calls,
                max.budgets.host_calls,
            ),
            catalog_calls: pick32(
                "catalog_calls",
                asked.catalog_calls,
                d.budgets.catalog_calls,
                max.budgets.catalog_calls,
            ),
            llm_calls: pick32(
                "llm_calls",
                asked.llm_calls,
                d.budgets.llm_calls,
                max.budgets.llm_calls,
            ),
            state_writes: pick32(
                "state_writes",
                asked.state_writes,
                d.budgets.state_writes,
                max.budgets.state_writes,
            ),
            search_limit: d.budgets.search_limit.min(max.budgets.search_limit),
        };
        let limits = Self {
            cpu: Duration::from_millis(cpu_ms.max(1)),
            memory_bytes: (memory_mib.max(1) as usize) << 20,
            reply_bytes: (reply_kib.max(1) as usize) << 10,
            reply_actions: reply_actions.max(1),
            budgets,
        };
        (limits, clamped)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("plugin {name}: not a valid wasm component: {reason}")]
    Compile { name: String, reason: String },
    #[error(
        "plugin {name}: does not implement the {world} world of agent-store:plugin@{contract}: {reason}"
    )]
    WrongWorld {
        name: String,
        world: &'static str,
        contract: Contract,
        reason: String,
    },
    /// Built against a contract version this host does not serve.
    #[error("plugin {name}: {reason}")]
    Contract { name: String, reason: String },
}

#[derive(Debug, thiserror::Error)]
pub enum TurnError {
    #[error("plugin {plugin} could not be instantiated: {reason}")]
    Instantiate { plugin: String, reason: String },
    #[error("plugin {plugin} trapped: {reason}")]
    Trap { plugin: String, reason: String },
    #[error("plugin {plugin} exceeded its {limit}")]
    Limit { plugin: String, limit: String },
    #[error("plugin {plugin} returned an error: {message}")]
    Plugin { plugin: String, message: String },
    /// The host's conversation store failed under the turn (not the
    /// plugin's fault): the turn is retried, the plugin not blamed.
    #[error("plugin {plugin}'s turn lost its state: {reason}")]
    Storage { plugin: String, reason: String },
    #[error("plugin {plugin} is a {actual}, not a {expected}")]
    WrongKind {
        plugin: String,
        actual: &'static str,
        expected: &'static str,
    },
}

impl TurnError {
    /// A short machine-friendly reason for events and metrics.
    pub fn reason(&self) -> &'static str {
        match self {
            TurnError::Instantiate { .. } => "instantiate",
            TurnError::Trap { .. } => "trap",
            TurnError::Limit { .. } => "limit",
            TurnError::Plugin { .. } => "plugin_error",
            TurnError::Storage { .. } => "storage",
            TurnError::WrongKind { .. } => "wrong_kind",
        }
    }
}

pub(super) enum Pre {
    Seller(seller::SellerPre<PluginState>),
    Router(router::RouterPre<PluginState>),
    /// Built against 0.1.0: called through [`v0_1`].
    SellerV0_1(InstancePre<PluginState>),
    RouterV0_1(InstancePre<PluginState>),
}

impl Pre {
    async fn instantiate(&self, store: &mut Store<PluginState>) -> wasmtime::Result<()> {
        match self {
            Pre::Seller(pre) => pre.instantiate_async(store).await.map(|_| ()),
            Pre::Router(pre) => pre.instantiate_async(store).await.map(|_| ()),
            Pre::SellerV0_1(pre) | Pre::RouterV0_1(pre) => {
                pre.instantiate_async(store).await.map(|_| ())
            }
        }
    }
}

/// A compiled, linked plugin ready to instantiate.
pub struct LoadedPlugin {
    pub manifest: Manifest,
    /// sha256 of the component bytes, hex.
    pub digest: String,
    pub loaded_at: chrono::DateTime<chrono::Utc>,
    /// Its effective per-turn limits.
    pub limits: PluginLimits,
    /// Its denied host calls.
    pub audit: Arc<Audit>,
    /// The contract version it was built against.
    pub contract: Contract,
    /// Its code: baseline until the optimised code replaces it.
    code: ArcSwap<Code>,
}

impl LoadedPlugin {
    /// Which compiler's code it runs now.
    pub fn tier(&self) -> Tier {
        self.code.load().tier
    }

    /// The code new turns get; turns running keep theirs.
    pub(super) fn set_code(&self, code: Code) {
        self.code.store(Arc::new(code));
    }
}

impl std::fmt::Debug for LoadedPlugin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadedPlugin")
            .field("manifest", &self.manifest)
            .field("digest", &self.digest)
            .field("contract", &self.contract)
            .field("limits", &self.limits)
            .field("tier", &self.tier())
            .finish_non_exhaustive()
    }
}

/// The shared engines and linkers.
pub struct Runtime {
    /// The engine plugins end up on: Cranelift's (tiered, optimised) or
    /// Winch's (baseline only). The compiled cache is this engine's.
    main: Arc<Linkers>,
    /// Winch's engine, whose code serves until the upgrade (tiered only).
    quick: Option<Linkers>,
    compiler: Compiler,
    /// Upgrades baseline code to the main engine's (tiered only).
    upgrader: Option<Upgrader>,
    limits: TurnLimits,
    ticker_stop: Arc<AtomicBool>,
}

impl Drop for Runtime {
    fn drop(&mut self) {
        self.ticker_stop.store(true, Ordering::Relaxed);
    }
}

/// Which step of a turn failed.
#[derive(Clone, Copy)]
pub(crate) enum Phase {
    Instantiate,
    Call,
}

impl Runtime {
    /// An engine whose plugins may use at most `limits`, compiled by
    /// Cranelift only ([`Compiler::Optimised`]).
    pub fn new(limits: TurnLimits) -> anyhow::Result<Self> {
        Self::with_compiler(limits, Compiler::Optimised)
    }

    /// A runtime compiling the way `compiler` says. When Winch is not
    /// available (a platform it does not support), `tiered` falls back to
    /// Cranelift only, with a warning; `baseline` fails.
    pub fn with_compiler(limits: TurnLimits, compiler: Compiler) -> anyhow::Result<Self> {
        Self::with_options(limits, compiler, super::pool::DEFAULT_KEEP_RESIDENT)
    }

    /// [`Self::with_compiler`], keeping `keep_resident` bytes of each pooled
    /// memory slot resident between turns (`0`: every freed slot's pages go
    /// back to the kernel; `[plugins] keep_resident_bytes`).
    pub fn with_options(
        limits: TurnLimits,
        compiler: Compiler,
        keep_resident: usize,
    ) -> anyhow::Result<Self> {
        let quick = match compiler {
            Compiler::Tiered => quick_tier(&limits),
            _ => None,
        };
        let compiler = match (compiler, &quick) {
            (Compiler::Tiered, None) => Compiler::Optimised,
            (c, _) => c,
        };
        let spec = main_spec(compiler, keep_resident);
        let main = Arc::new(Linkers::new(
            super::tiers::engine(&limits, &spec)?,
            spec.tier,
        )?);
        let upgrader = match &quick {
            Some(_) => Some(Upgrader::start(main.clone())?),
            None => None,
        };
        let mut engines = vec![&main.engine];
        engines.extend(quick.as_ref().map(|q| &q.engine));
        let ticker_stop = tick_epochs(&engines)?;
        Ok(Self {
            main,
            quick,
            compiler,
            upgrader,
            limits,
            ticker_stop,
        })
    }

    /// How this runtime compiles (`tiered` without Winch reads `optimised`).
    pub fn compiler(&self) -> Compiler {
        self.compiler
    }

    /// The engine of the baseline tier, when tiered.
    pub(super) fn quick_engine(&self) -> Option<&Engine> {
        self.quick.as_ref().map(|q| &q.engine)
    }

    /// Compile `plugin` again with the optimised compiler in the
    /// background (into `cache`), when it runs baseline code and this
    /// runtime is tiered.
    pub(super) fn upgrade_later(
        &self,
        plugin: &Arc<LoadedPlugin>,
        bytes: &[u8],
        cache: &Arc<Cache>,
    ) {
        if let Some(upgrader) = &self.upgrader
            && plugin.tier() != self.main.tier
        {
            upgrader.queue(plugin, bytes.to_vec(), cache.clone());
        }
    }

    /// Upgrades queued or running.
    pub fn upgrades_pending(&self) -> usize {
        self.upgrader.as_ref().map_or(0, Upgrader::pending)
    }

    /// Return once no upgrade is queued or running.
    pub async fn upgrades_done(&self) {
        if let Some(upgrader) = &self.upgrader {
            upgrader.idle().await;
        }
    }

    /// The upgrade thread's kernel id (a tiered runtime on Linux).
    #[cfg(test)]
    pub(super) fn upgrade_thread(&self) -> Option<i32> {
        self.upgrader.as_ref().map(Upgrader::thread)
    }

    /// Hold upgrades back while the guard lives (one running finishes):
    /// for looking at the baseline tier in tests and benchmarks.
    pub fn hold_upgrades(&self) -> Option<UpgradeHold> {
        self.upgrader.as_ref().map(Upgrader::hold)
    }

    /// The main engine (the compiled cache's).
    pub fn engine(&self) -> &Engine {
        &self.main.engine
    }

    /// The host-wide maxima.
    pub fn limits(&self) -> TurnLimits {
        self.limits
    }

    /// Compile and link a component for its manifest's world.
    pub fn load(&self, manifest: Manifest, bytes: &[u8]) -> Result<LoadedPlugin, LoadError> {
        let component =
            Component::new(&self.main.engine, bytes).map_err(|e| LoadError::Compile {
                name: manifest.name.clone(),
                reason: first_line(&e),
            })?;
        self.link(manifest, &component, hex::encode(Sha256::digest(bytes)))
    }

    /// Link an already compiled component (e.g. from the compiled cache)
    /// for its manifest's world; `digest` is the sha256 of its bytes. The
    /// component may be of either tier's engine.
    pub fn link(
        &self,
        manifest: Manifest,
        component: &Component,
        digest: String,
    ) -> Result<LoadedPlugin, LoadError> {
        let name = manifest.name.clone();
        let linkers = match &self.quick {
            Some(q) if Engine::same(component.engine(), &q.engine) => q,
            _ => &*self.main,
        };
        let contract =
            contract::detect(&linkers.engine, component).map_err(|reason| LoadError::Contract {
                name: name.clone(),
                reason,
            })?;
        let code = linkers
            .link(manifest.kind, contract, component)
            .map_err(|(world, e)| LoadError::WrongWorld {
                name: name.clone(),
                world,
                contract,
                reason: first_line(&e),
            })?;
        let (limits, clamped) = PluginLimits::resolve(&manifest.limits, &self.limits);
        for note in clamped {
            tracing::warn!(plugin = %name, "{note}");
        }
        Ok(LoadedPlugin {
            digest,
            loaded_at: chrono::Utc::now(),
            manifest,
            limits,
            audit: Arc::default(),
            contract,
            code: ArcSwap::from_pointee(code),
        })
    }

    /// A fresh store for a turn of `plugin` on `code` (its engine's).
    fn store(
        &self,
        plugin: &LoadedPlugin,
        code: &Code,
        services: Services,
        conversation_id: Option<String>,
        brands: Vec<String>,
    ) -> Store<PluginState> {
        let m = &plugin.manifest;
        let limits = plugin.limits;
        let scope = TurnScope {
            plugin: m.name.clone(),
            version: m.version.clone(),
            kind: m.kind,
            brand: m.brand.clone(),
            grants: m.grants.clone(),
            conversation_id,
            brands,
            audit: plugin.audit.clone(),
        };
        let state = PluginState::new(
            scope,
            services,
            limits.budgets,
            GuestLimiter::new(limits.memory_bytes),
        );
        let mut store = Store::new(&code.engine, state);
        store.limiter(|s| &mut s.limiter);
        // The epoch deadline is wall-clock; at each deadline the callback
        // checks the guest's own CPU time (host calls but `analysis`
        // excluded) against
        // the plugin's budget, and otherwise yields and carries on.
        store.set_epoch_deadline(SLICE_TICKS);
        store.epoch_deadline_callback(move |mut ctx| {
            let state = ctx.data_mut();
            let abort = state.flooding().or_else(|| {
                (state.gate.meter.guest_cpu() >= limits.cpu)
                    .then(|| format!("CPU deadline of {} ms", limits.cpu.as_millis()))
            });
            match abort {
                Some(reason) => {
                    state.abort = Some(reason);
                    Ok(UpdateDeadline::Interrupt)
                }
                None => Ok(UpdateDeadline::Yield(SLICE_TICKS)),
            }
        });
        store
    }

    /// Instantiate `plugin` in a fresh store and drop it, without calling
    /// it: the fixed cost of every turn (benchmarks, smoke checks).
    pub async fn instantiate(
        &self,
        plugin: &LoadedPlugin,
        services: Services,
    ) -> Result<(), TurnError> {
        let code = plugin.code.load_full();
        let mut store = self.store(plugin, &code, services, None, Vec::new());
        let result = code.pre.instantiate(&mut store).await;
        result.map_err(|e| self.failure(plugin, &store, Phase::Instantiate, e))
    }

    /// Run a seller's `handle-turn` in a fresh instance.
    pub async fn handle_turn(
        &self,
        plugin: &LoadedPlugin,
        services: Services,
        turn: &wit::Turn,
    ) -> Result<Vec<wit::Action>, TurnError> {
        // The turn keeps this code even if an upgrade swaps it meanwhile.
        let code = plugin.code.load_full();
        if !matches!(code.pre, Pre::Seller(_) | Pre::SellerV0_1(_)) {
            return Err(self.wrong_kind(plugin, "seller"));
        }
        let conversation = Some(turn.conversation_id.clone());
        let mut store = self.store(plugin, &code, services, conversation, Vec::new());
        let meter = store.data().gate.meter.clone();
        let started = Instant::now();
        let result = tokio::time::timeout(
            self.limits.wall,
            metered(meter.clone(), async {
                match &code.pre {
                    Pre::SellerV0_1(pre) => v0_1::handle_turn(pre, &mut store, turn).await,
                    Pre::Seller(pre) => {
                        let instance = pre
                            .instantiate_async(&mut store)
                            .await
                            .map_err(|e| (Phase::Instantiate, e))?;
                        instance
                            .call_handle_turn(&mut store, turn)
                            .await
                            .map_err(|e| (Phase::Call, e))
                    }
                    Pre::Router(_) | Pre::RouterV0_1(_) => {
                        Err((Phase::Call, wasmtime::format_err!("not a seller")))
                    }
                }
            }),
        )
        .await;
        flush_output(plugin, &mut store);
        tracing::debug!(
            plugin = %plugin.manifest.name,
            elapsed_us = started.elapsed().as_micros() as u64,
            cpu_us = meter.guest_cpu().as_micros() as u64,
            "turn ran"
        );
        if let Some(reason) = store.data_mut().gate.storage_error.take() {
            return Err(TurnError::Storage {
                plugin: plugin.manifest.name.clone(),
                reason,
            });
        }
        match result {
            Err(_) => Err(self.wall_error(plugin)),
            Ok(Err((phase, e))) => Err(self.failure(plugin, &store, phase, e)),
            Ok(Ok(Err(e))) => Err(TurnError::Plugin {
                plugin: plugin.manifest.name.clone(),
                message: e.message.chars().take(500).collect(),
            }),
            Ok(Ok(Ok(actions))) => {
                let bytes: usize = actions.iter().map(action_bytes).sum();
                self.check_reply(plugin, actions.len(), bytes)?;
                Ok(actions)
            }
        }
    }

    /// Run a router's `route` in a fresh instance.
    pub async fn route(
        &self,
        plugin: &LoadedPlugin,
        services: Services,
        request: &wit::RouteRequest,
    ) -> Result<wit::RoutingDecision, TurnError> {
        let code = plugin.code.load_full();
        if !matches!(code.pre, Pre::Router(_) | Pre::RouterV0_1(_)) {
            return Err(self.wrong_kind(plugin, "router"));
        }
        let conversation =
            (!request.conversation_id.is_empty()).then(|| request.conversation_id.clone());
        let mut store = self.store(
            plugin,
            &code,
            services,
            conversation,
            request.brands.clone(),
        );
        let meter = store.data().gate.meter.clone();
        let result = tokio::time::timeout(
            self.limits.wall,
            metered(meter, async {
                match &code.pre {
                    Pre::RouterV0_1(pre) => v0_1::route(pre, &mut store, request).await,
                    Pre::Router(pre) => {
                        let instance = pre
                            .instantiate_async(&mut store)
                            .await
                            .map_err(|e| (Phase::Instantiate, e))?;
                        instance
                            .call_route(&mut store, request)
                            .await
                            .map_err(|e| (Phase::Call, e))
                    }
                    Pre::Seller(_) | Pre::SellerV0_1(_) => {
                        Err((Phase::Call, wasmtime::format_err!("not a router")))
                    }
                }
            }),
        )
        .await;
        flush_output(plugin, &mut store);
        match result {
            Err(_) => Err(self.wall_error(plugin)),
            Ok(Err((phase, e))) => Err(self.failure(plugin, &store, phase, e)),
            Ok(Ok(decision)) => {
                let bytes = decision.brand.len()
                    + decision.reason.len()
                    + decision.candidates.iter().map(String::len).sum::<usize>();
                self.check_reply(plugin, 1, bytes)?;
                Ok(decision)
            }
        }
    }

    /// The reply caps, checked after the call.
    fn check_reply(
        &self,
        plugin: &LoadedPlugin,
        actions: usize,
        bytes: usize,
    ) -> Result<(), TurnError> {
        let limits = &plugin.limits;
        let limit = if actions > limits.reply_actions as usize {
            format!(
                "reply cap: reply of {actions} actions exceeds {}",
                limits.reply_actions
            )
        } else if bytes > limits.reply_bytes {
            format!(
                "reply cap: reply of {} exceeds {}",
                human_bytes(bytes),
                human_bytes(limits.reply_bytes)
            )
        } else {
            return Ok(());
        };
        Err(TurnError::Limit {
            plugin: plugin.manifest.name.clone(),
            limit,
        })
    }

    fn wrong_kind(&self, plugin: &LoadedPlugin, expected: &'static str) -> TurnError {
        TurnError::WrongKind {
            plugin: plugin.manifest.name.clone(),
            actual: plugin.manifest.kind.as_str(),
            expected,
        }
    }

    /// Why a turn failed, as specifically as the store can tell: a limit
    /// the runtime enforced, the memory cap, a stack overflow, a guest
    /// panic (its message, from the guest's stderr), or the trap itself.
    fn failure(
        &self,
        plugin: &LoadedPlugin,
        store: &Store<PluginState>,
        phase: Phase,
        e: wasmtime::Error,
    ) -> TurnError {
        let name = plugin.manifest.name.clone();
        let state = store.data();
        let limit = |limit: String| TurnError::Limit {
            plugin: name.clone(),
            limit,
        };
        if let Some(reason) = &state.abort {
            return limit(reason.clone());
        }
        if let Some(asked) = state.limiter.memory_denied {
            return limit(format!(
                "memory cap of {} (asked for {})",
                human_bytes(plugin.limits.memory_bytes),
                human_bytes(asked)
            ));
        }
        match e.downcast_ref::<wasmtime::Trap>() {
            Some(wasmtime::Trap::StackOverflow) => {
                return limit(format!(
                    "wasm stack of {} (stack overflow)",
                    human_bytes(WASM_STACK)
                ));
            }
            Some(wasmtime::Trap::Interrupt) => {
                return limit(format!(
                    "CPU deadline of {} ms",
                    plugin.limits.cpu.as_millis()
                ));
            }
            _ => {}
        }
        if let Some(message) = panic_message(&state.stderr.contents()) {
            return TurnError::Trap {
                plugin: name,
                reason: format!("panic: {message}"),
            };
        }
        match phase {
            Phase::Instantiate => TurnError::Instantiate {
                plugin: name,
                reason: first_line(&e),
            },
            Phase::Call => TurnError::Trap {
                plugin: name,
                reason: first_line(&e),
            },
        }
    }

    fn wall_error(&self, plugin: &LoadedPlugin) -> TurnError {
        TurnError::Limit {
            plugin: plugin.manifest.name.clone(),
            limit: format!("turn deadline of {} ms", self.limits.wall.as_millis()),
        }
    }
}

/// The engine plugins end up on, for `compiler`.
fn main_spec(compiler: Compiler, keep_resident: usize) -> EngineSpec {
    let tier = match compiler {
        Compiler::Baseline => Tier::Baseline,
        Compiler::Tiered | Compiler::Optimised => Tier::Optimised,
    };
    EngineSpec {
        tier,
        pooled: true,
        // A tiered runtime's upgrades compile on their own one thread.
        parallel: compiler != Compiler::Tiered,
        keep_resident,
    }
}

/// The baseline engine of a tiered runtime and its linkers; `None` (with a
/// warning) where Winch cannot run, so the runtime is Cranelift only.
fn quick_tier(limits: &TurnLimits) -> Option<Linkers> {
    let spec = EngineSpec {
        tier: Tier::Baseline,
        pooled: false,
        parallel: true,
        // allocated on demand: no pool slots to keep
        keep_resident: 0,
    };
    let linked =
        super::tiers::engine(limits, &spec).and_then(|engine| Linkers::new(engine, Tier::Baseline));
    match linked {
        Ok(linkers) => Some(linkers),
        Err(e) => {
            tracing::warn!(error = %format!("{e:#}"), "no baseline compiler here; compiling with Cranelift only");
            None
        }
    }
}

/// Advance the epoch of every engine every [`EPOCH_TICK`] on one thread,
/// until the returned flag is set (or an engine is gone).
fn tick_epochs(engines: &[&Engine]) -> anyhow::Result<Arc<AtomicBool>> {
    let engines: Vec<_> = engines.iter().map(|e| e.weak()).collect();
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = stop.clone();
    std::thread::Builder::new()
        .name("wasm-epoch".into())
        .spawn(move || {
            while !stopped.load(Ordering::Relaxed) {
                std::thread::sleep(EPOCH_TICK);
                for weak in &engines {
                    match weak.upgrade() {
                        Some(engine) => engine.increment_epoch(),
                        None => return,
                    }
                }
            }
        })?;
    Ok(stop)
}

/// Poll `fut`, telling `meter` when the guest may be running.
async fn metered<F: Future>(meter: Arc<Meter>, fut: F) -> F::Output {
    let mut fut = std::pin::pin!(fut);
    std::future::poll_fn(|cx| {
        meter.poll_started();
        let polled = fut.as_mut().poll(cx);
        meter.poll_ended();
        polled
    })
    .await
}

/// The text a reply action carries, in bytes.
pub fn action_bytes(action: &wit::Action) -> usize {
    fn opt(s: &Option<String>) -> usize {
        s.as_ref().map_or(0, String::len)
    }
    use wit::Action as A;
    let text = match action {
        A::Text(t) => t.len(),
        A::Image(i) => i.url.len() + opt(&i.caption),
        A::Buttons(b) => {
            b.body.len()
                + opt(&b.header)
                + opt(&b.footer)
                + b.buttons
                    .iter()
                    .map(|x| x.id.len() + x.title.len())
                    .sum::<usize>()
        }
        A::List(l) => {
            l.body.len()
                + l.button_label.len()
                + opt(&l.header)
                + opt(&l.footer)
                + l.sections
                    .iter()
                    .map(|s| {
                        s.title.len()
                            + s.rows
                                .iter()
                                .map(|r| r.id.len() + r.title.len() + opt(&r.description))
                                .sum::<usize>()
                    })
                    .sum::<usize>()
        }
        A::Product(p) => p.product_id.len() + opt(&p.body),
        A::Products(p) => {
            p.header.len() + p.body.len() + p.product_ids.iter().map(String::len).sum::<usize>()
        }
        A::AddToCart(c) | A::SetCartQuantity(c) => c.product_id.len(),
        A::RemoveFromCart(id) => id.len(),
        A::ClearCart => 0,
        A::PlaceOrder(o) => opt(&o.note),
        A::Escalate(e) => e.summary.len(),
        A::HandOff(h) => h.brand.len() + h.reason.len(),
    };
    // Every action costs something, however empty.
    text + 8
}

/// `512 bytes`, `64 KiB`, `1.2 MiB`.
pub fn human_bytes(n: usize) -> String {
    if n < 1 << 10 {
        format!("{n} bytes")
    } else if n < 1 << 20 {
        if n.is_multiple_of(1024) {
            format!("{} KiB", n >> 10)
        } else {
            format!("{:.1} KiB", n as f64 / 1024.0)
        }
    } else if n.is_multiple_of(1 << 20) {
        format!("{} MiB", n >> 20)
    } else {
        format!("{:.1} MiB", n as f64 / (1 << 20) as f64)
    }
}

/// The message of a Rust panic in the guest's stderr:
/// `thread '<unnamed>' panicked at src/lib.rs:3:5:\nthe message`.
fn panic_message(stderr: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(stderr);
    let mut lines = text.lines();
    let line = lines.by_ref().find(|l| l.contains("panicked at"))?;
    let rest = &line[line.find("panicked at")? + "panicked at".len()..];
    // Old format: `panicked at 'message', src/lib.rs:3:5`.
    if let Some(quoted) = rest.trim_start().strip_prefix('\'')
        && let Some(end) = quoted.rfind("', ")
    {
        return Some(quoted[..end].chars().take(300).collect());
    }
    let message: Vec<&str> = lines
        .take_while(|l| !l.starts_with("note: "))
        .take(5)
        .collect();
    let message = message.join(" ");
    let message = message.trim();
    Some(if message.is_empty() {
        rest.trim().trim_end_matches(':').to_string()
    } else {
        message.chars().take(300).collect()
    })
}

fn first_line(e: &wasmtime::Error) -> String {
    format!("{e:#}")
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// The guest's stdout/stderr, into the host's logs line by line.
fn flush_output(plugin: &LoadedPlugin, store: &mut Store<PluginState>) {
    let name = plugin.manifest.name.as_str();
    let state = store.data();
    for (stream, pipe) in [("stdout", &state.stdout), ("stderr", &state.stderr)] {
        let bytes = pipe.contents();
        for line in String::from_utf8_lossy(&bytes)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(200)
        {
            tracing::info!(plugin = name, stream, "{line}");
        }
    }
    if !state.gate.denied.is_empty() {
        tracing::warn!(plugin = name, denied = ?state.gate.denied, "plugin made denied host calls");
    }
    if state.gate.refused > 0 {
        tracing::warn!(
            plugin = name,
            refused = state.gate.refused,
            "host calls refused over the turn's budgets"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_default_within_maxima_and_clamp() {
        let max = TurnLimits::default();
        let (l, clamped) = PluginLimits::resolve(&manifest::Limits::default(), &max);
        assert_eq!(l, PluginLimits::default());
        assert!(clamped.is_empty());

        let asked = manifest::Limits {
            cpu_ms: Some(50),
            memory_mib: Some(4096),
            llm_calls: Some(0),
            ..Default::default()
        };
        let (l, clamped) = PluginLimits::resolve(&asked, &max);
        assert_eq!(l.cpu, Duration::from_millis(50));
        assert_eq!(l.memory_bytes, max.memory_bytes);
        assert_eq!(l.budgets.llm_calls, 0);
        assert_eq!(clamped.len(), 1, "{clamped:?}");
        assert!(clamped[0].contains("memory_mib"), "{clamped:?}");

        // An operator lowering a maximum lowers the default with it.
        let tight = TurnLimits {
            cpu: Duration::from_millis(100),
            ..max
        };
        let (l, _) = PluginLimits::resolve(&manifest::Limits::default(), &tight);
        assert_eq!(l.cpu, Duration::from_millis(100));
    }

    #[test]
    fn config_defaults_are_the_runtime_maxima() {
        let from_config = LimitsConfig::default().turn_limits();
        let max = TurnLimits::default();
        assert_eq!(from_config.cpu, max.cpu);
        assert_eq!(from_config.wall, max.wall);
        assert_eq!(from_config.memory_bytes, max.memory_bytes);
        assert_eq!(from_config.reply_bytes, max.reply_bytes);
        assert_eq!(from_config.budgets, max.budgets);
    }

    #[test]
    fn human_sizes() {
        assert_eq!(human_bytes(512), "512 bytes");
        assert_eq!(human_bytes(64 << 10), "64 KiB");
        assert_eq!(human_bytes(1_258_291), "1.2 MiB");
        assert_eq!(human_bytes(32 << 20), "32 MiB");
    }

    #[test]
    fn panic_messages() {
        let new = b"\nthread '<unnamed>' panicked at src/lib.rs:9:5:\nthe seller gave up\nnote: run with `RUST_BACKTRACE=1`\n";
        assert_eq!(panic_message(new).as_deref(), Some("the seller gave up"));
        let old = b"thread 'main' panicked at 'boom', src/lib.rs:1:1\n";
        assert_eq!(panic_message(old).as_deref(), Some("boom"));
        assert_eq!(panic_message(b"just a log line\n"), None);
    }

    #[test]
    fn meter_excludes_host_calls() {
        let meter = Arc::new(Meter::default());
        meter.poll_started();
        let spin = |d: Duration| {
            let t = cpu_clock();
            while cpu_clock() - t < d {
                std::hint::black_box(0);
            }
        };
        spin(Duration::from_millis(20));
        {
            let _host = meter.host_call();
            spin(Duration::from_millis(60));
        }
        spin(Duration::from_millis(20));
        meter.poll_ended();
        // Not polled: nothing counts.
        spin(Duration::from_millis(30));
        let used = meter.guest_cpu();
        assert!(
            used >= Duration::from_millis(40) && used < Duration::from_millis(70),
            "{used:?}"
        );
    }

    fn cpu_clock() -> Duration {
        crate::plugins::imports::cpu_now()
    }
}
