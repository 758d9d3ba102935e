//! The wasm runtime: one `Engine` with the pooling allocator, one `Linker`
//! per world, an `InstancePre` per loaded plugin, and a fresh `Store` and
//! instance for every turn so nothing leaks between customers.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use wasmtime::component::{Component, HasSelf, Linker};
use wasmtime::{
    Config, Engine, InstanceAllocationStrategy, PoolingAllocationConfig, Store, StoreLimitsBuilder,
};

use super::bindings::{router, seller, wit};
use super::imports::{Budgets, PluginState, Services, TurnScope};
use super::manifest::{Kind, Manifest};

/// How often the epoch advances: the granularity of CPU deadlines.
const EPOCH_TICK: Duration = Duration::from_millis(5);

/// Per-turn limits.
#[derive(Debug, Clone, Copy)]
pub struct TurnLimits {
    /// Guest execution deadline.
    pub cpu: Duration,
    /// Whole-turn deadline, host calls (LLM) included.
    pub wall: Duration,
    /// Linear memory cap.
    pub memory_bytes: usize,
    pub budgets: Budgets,
}

impl Default for TurnLimits {
    fn default() -> Self {
        Self {
            cpu: Duration::from_millis(200),
            wall: Duration::from_secs(30),
            memory_bytes: 32 << 20,
            budgets: Budgets::default(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("plugin {name}: not a valid wasm component: {reason}")]
    Compile { name: String, reason: String },
    #[error(
        "plugin {name}: does not implement the {world} world of agent-store:plugin@0.1: {reason}"
    )]
    WrongWorld {
        name: String,
        world: &'static str,
        reason: String,
    },
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
            TurnError::WrongKind { .. } => "wrong_kind",
        }
    }
}

enum Pre {
    Seller(seller::SellerPre<PluginState>),
    Router(router::RouterPre<PluginState>),
}

/// A compiled, linked plugin ready to instantiate.
pub struct LoadedPlugin {
    pub manifest: Manifest,
    /// sha256 of the component bytes, hex.
    pub digest: String,
    pub loaded_at: chrono::DateTime<chrono::Utc>,
    pre: Pre,
}

impl std::fmt::Debug for LoadedPlugin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadedPlugin")
            .field("manifest", &self.manifest)
            .field("digest", &self.digest)
            .finish_non_exhaustive()
    }
}

/// The shared engine and linkers.
pub struct Runtime {
    engine: Engine,
    seller_linker: Linker<PluginState>,
    router_linker: Linker<PluginState>,
    limits: TurnLimits,
    ticker_stop: Arc<AtomicBool>,
}

impl Drop for Runtime {
    fn drop(&mut self) {
        self.ticker_stop.store(true, Ordering::Relaxed);
    }
}

impl Runtime {
    pub fn new(limits: TurnLimits) -> anyhow::Result<Self> {
        let mut pool = PoolingAllocationConfig::default();
        // Sized for a few hundred concurrent turns of small guests; a slot
        // is virtual address space, not resident memory.
        pool.total_component_instances(512)
            .total_core_instances(4096)
            .total_memories(1024)
            .total_tables(1024)
            .max_memories_per_component(8)
            .max_tables_per_component(8)
            .max_core_instances_per_component(32)
            .max_memory_size(limits.memory_bytes.max(1 << 20) * 2);
        let mut config = Config::new();
        config
            .wasm_component_model(true)
            .epoch_interruption(true)
            .max_wasm_stack(512 * 1024)
            .allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
        let engine = Engine::new(&config)?;

        let mut seller_linker = Linker::new(&engine);
        wasmtime_wasi::p2::add_to_linker_async(&mut seller_linker)?;
        seller::Seller::add_to_linker::<_, HasSelf<_>>(&mut seller_linker, |s| s)?;
        let mut router_linker = Linker::new(&engine);
        wasmtime_wasi::p2::add_to_linker_async(&mut router_linker)?;
        router::Router::add_to_linker::<_, HasSelf<_>>(&mut router_linker, |s| s)?;

        let ticker_stop = Arc::new(AtomicBool::new(false));
        let stop = ticker_stop.clone();
        let weak = engine.weak();
        std::thread::Builder::new()
            .name("wasm-epoch".into())
            .spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(EPOCH_TICK);
                    match weak.upgrade() {
                        Some(engine) => engine.increment_epoch(),
                        None => break,
                    }
                }
            })?;
        Ok(Self {
            engine,
            seller_linker,
            router_linker,
            limits,
            ticker_stop,
        })
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    pub fn limits(&self) -> TurnLimits {
        self.limits
    }

    /// Compile and link a component for its manifest's world.
    pub fn load(&self, manifest: Manifest, bytes: &[u8]) -> Result<LoadedPlugin, LoadError> {
        let component = Component::new(&self.engine, bytes).map_err(|e| LoadError::Compile {
            name: manifest.name.clone(),
            reason: first_line(&e),
        })?;
        self.link(manifest, &component, hex::encode(Sha256::digest(bytes)))
    }

    /// Link an already compiled component (e.g. from the compiled cache)
    /// for its manifest's world; `digest` is the sha256 of its bytes.
    pub fn link(
        &self,
        manifest: Manifest,
        component: &Component,
        digest: String,
    ) -> Result<LoadedPlugin, LoadError> {
        let name = manifest.name.clone();
        let wrong_world = |world, e: wasmtime::Error| LoadError::WrongWorld {
            name: name.clone(),
            world,
            reason: first_line(&e),
        };
        let pre = match manifest.kind {
            Kind::Seller => {
                let pre = self
                    .seller_linker
                    .instantiate_pre(component)
                    .map_err(|e| wrong_world("seller", e))?;
                Pre::Seller(seller::SellerPre::new(pre).map_err(|e| wrong_world("seller", e))?)
            }
            Kind::Router => {
                let pre = self
                    .router_linker
                    .instantiate_pre(component)
                    .map_err(|e| wrong_world("router", e))?;
                Pre::Router(router::RouterPre::new(pre).map_err(|e| wrong_world("router", e))?)
            }
        };
        Ok(LoadedPlugin {
            digest,
            loaded_at: chrono::Utc::now(),
            manifest,
            pre,
        })
    }

    fn store(
        &self,
        plugin: &LoadedPlugin,
        services: Services,
        conversation_id: Option<String>,
    ) -> Store<PluginState> {
        let m = &plugin.manifest;
        let scope = TurnScope {
            plugin: m.name.clone(),
            version: m.version.clone(),
            kind: m.kind,
            brand: m.brand.clone(),
            grants: m.grants.clone(),
            conversation_id,
        };
        let limits = StoreLimitsBuilder::new()
            .memory_size(self.limits.memory_bytes)
            .instances(32)
            .tables(16)
            .memories(8)
            .trap_on_grow_failure(true)
            .build();
        let state = PluginState::new(scope, services, self.limits.budgets, limits);
        let mut store = Store::new(&self.engine, state);
        store.limiter(|s| &mut s.limits);
        let ticks = (self.limits.cpu.as_millis() / EPOCH_TICK.as_millis()).max(1) as u64;
        store.set_epoch_deadline(ticks);
        store.epoch_deadline_trap();
        store
    }

    /// Run a seller's `handle-turn` in a fresh instance.
    pub async fn handle_turn(
        &self,
        plugin: &LoadedPlugin,
        services: Services,
        turn: &wit::Turn,
    ) -> Result<Vec<wit::Action>, TurnError> {
        let Pre::Seller(pre) = &plugin.pre else {
            return Err(self.wrong_kind(plugin, "seller"));
        };
        let mut store = self.store(plugin, services, Some(turn.conversation_id.clone()));
        let started = Instant::now();
        let result = tokio::time::timeout(self.limits.wall, async {
            let instance = pre
                .instantiate_async(&mut store)
                .await
                .map_err(|e| self.instantiate_error(plugin, e))?;
            instance
                .call_handle_turn(&mut store, turn)
                .await
                .map_err(|e| self.trap_error(plugin, e))
        })
        .await;
        flush_output(plugin, &mut store);
        tracing::debug!(plugin = %plugin.manifest.name, elapsed_us = started.elapsed().as_micros() as u64, "turn ran");
        match result {
            Err(_) => Err(self.wall_error(plugin)),
            Ok(Err(e)) => Err(e),
            Ok(Ok(Err(e))) => Err(TurnError::Plugin {
                plugin: plugin.manifest.name.clone(),
                message: e.message,
            }),
            Ok(Ok(Ok(actions))) => Ok(actions),
        }
    }

    /// Run a router's `route` in a fresh instance.
    pub async fn route(
        &self,
        plugin: &LoadedPlugin,
        services: Services,
        request: &wit::RouteRequest,
    ) -> Result<wit::RoutingDecision, TurnError> {
        let Pre::Router(pre) = &plugin.pre else {
            return Err(self.wrong_kind(plugin, "router"));
        };
        let conversation =
            (!request.conversation_id.is_empty()).then(|| request.conversation_id.clone());
        let mut store = self.store(plugin, services, conversation);
        let result = tokio::time::timeout(self.limits.wall, async {
            let instance = pre
                .instantiate_async(&mut store)
                .await
                .map_err(|e| self.instantiate_error(plugin, e))?;
            instance
                .call_route(&mut store, request)
                .await
                .map_err(|e| self.trap_error(plugin, e))
        })
        .await;
        flush_output(plugin, &mut store);
        match result {
            Err(_) => Err(self.wall_error(plugin)),
            Ok(r) => r,
        }
    }

    fn wrong_kind(&self, plugin: &LoadedPlugin, expected: &'static str) -> TurnError {
        TurnError::WrongKind {
            plugin: plugin.manifest.name.clone(),
            actual: plugin.manifest.kind.as_str(),
            expected,
        }
    }

    fn instantiate_error(&self, plugin: &LoadedPlugin, e: wasmtime::Error) -> TurnError {
        TurnError::Instantiate {
            plugin: plugin.manifest.name.clone(),
            reason: first_line(&e),
        }
    }

    fn trap_error(&self, plugin: &LoadedPlugin, e: wasmtime::Error) -> TurnError {
        let plugin = plugin.manifest.name.clone();
        match e.downcast_ref::<wasmtime::Trap>() {
            Some(wasmtime::Trap::Interrupt) => TurnError::Limit {
                plugin,
                limit: format!("CPU deadline of {} ms", self.limits.cpu.as_millis()),
            },
            Some(wasmtime::Trap::StackOverflow) => TurnError::Limit {
                plugin,
                limit: "stack".into(),
            },
            Some(wasmtime::Trap::OutOfFuel) => TurnError::Limit {
                plugin,
                limit: "fuel".into(),
            },
            _ if format!("{e:?}").contains("memory") && format!("{e:?}").contains("grow") => {
                TurnError::Limit {
                    plugin,
                    limit: format!("memory cap of {} MiB", self.limits.memory_bytes >> 20),
                }
            }
            _ => TurnError::Trap {
                plugin,
                reason: format!("{e:#}")
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_string(),
            },
        }
    }

    fn wall_error(&self, plugin: &LoadedPlugin) -> TurnError {
        TurnError::Limit {
            plugin: plugin.manifest.name.clone(),
            limit: format!("turn deadline of {} s", self.limits.wall.as_secs()),
        }
    }
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
        {
            tracing::info!(plugin = name, stream, "{line}");
        }
    }
    if !state.denied.is_empty() {
        tracing::warn!(plugin = name, denied = ?state.denied, "plugin made denied host calls");
    }
}
