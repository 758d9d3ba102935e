//! The wasm plugin runtime: manifests, loading, the sandbox and the host
//! side of the WIT contract, and plugin operations.
//!
//! - [`manifest`]: `plugin.toml` and its grants;
//! - [`runtime`]: engine, pooling allocator, limits, one instance per turn;
//!   [`pool`]: the allocator's slots and how a slot is reset between turns;
//! - [`tiers`]: tiered compilation (baseline code at once, optimised code
//!   from the background);
//! - [`imports`]: the turn state every import works through (grants,
//!   budgets, the guest CPU clock), each capability's view of it, and the
//!   `config` and `log` interfaces; the other interfaces' host sides live
//!   with their capabilities (`catalog`, `orders`, `conversations`, `llm`,
//!   `routing`: each crate's `plugin_host`), over the bindings of the
//!   bottom crate `agent_store_wit` ([`bindings`]);
//! - [`convert`]: WIT ↔ host types of a turn (customer, message, actions);
//! - [`record`]: recorded turns and where they go;
//! - [`contract`]: which contract version a component was built against;
//!   [`v0_1`]: the adapter serving 0.1.0 components;
//! - the router's `routing` import answers from a
//!   [`crate::routing::directory::BrandDirectory`] (the brand vocabulary);
//! - [`registry`]: the loaded set, swapped atomically;
//! - [`store`]: versions on disk, rollback;
//! - [`cache`]: compiled components on disk;
//! - [`canary`]: canary releases and quarantine decisions;
//! - [`stats`]: per-version turn counters and per-plugin operations logs;
//! - [`watch`]: the watched plugins directory.
//!
//! Building guests from source is the developer kit's (the host's `devkit`).
//!
//! Every change of the loaded set (upload, drop-in, rollback, removal,
//! canary promotion or rollback, quarantine) goes through [`Plugins`], one at
//! a time, and ends in one atomic swap of the [`Snapshot`]: a turn holds an
//! `Arc` to the version it started on, so turns in flight finish on the old
//! version and new turns get the new one.

// The store's other capabilities under the names the host gives them,
// so paths read the same inside this crate and in the host.
pub(crate) use crate as plugins;
pub(crate) use agent_store_catalog as catalog;
pub(crate) use agent_store_chat as chat;
pub(crate) use agent_store_conversations as conversations;
pub(crate) use agent_store_orders as orders;
pub(crate) use agent_store_routing as routing;
pub(crate) use agent_store_telemetry as telemetry;

pub mod bindings;
pub mod cache;
pub mod canary;
mod config;
pub mod contract;
pub mod convert;
pub mod imports;
pub mod live;
pub mod manifest;
pub mod names;
pub mod pool;
pub mod record;
pub mod registry;
mod retry;
pub mod runtime;
pub mod stats;
pub mod store;
pub mod tiers;
pub mod turn_threads;
pub mod v0_1;
pub mod watch;

pub use crate::routing::directory::BrandDirectory;
pub use config::{ConfigValue, PluginsConfig, Values};
pub use contract::Contract;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use serde::Serialize;
use tracing::Instrument as _;

pub use bindings::wit;
pub use canary::{Canary, CanaryPolicy, QuarantinePolicy, Verdict};
pub use imports::{Budgets, Services};
pub use manifest::{Kind, Manifest};
pub use registry::{LoadFailure, Registry, Snapshot};
pub use runtime::{LoadError, LoadedPlugin, Runtime, TurnError, TurnLimits};
pub use store::{Source, VersionStore, VersionStoreError};
pub use tiers::{Compiler, Tier, UpgradeHold};

use crate::conversations::StagedState;
use agent_store_llm::seen;
use cache::Cache;
use stats::Stats;

/// The WIT package this host implements, at its current version; 0.1.0
/// components are served too ([`v0_1`]), any other version is refused
/// ([`contract`]).
pub const WIT_PACKAGE: &str = "agent-store:plugin";
pub const WIT_VERSION: &str = "0.2.1";
/// [`WIT_VERSION`]'s patch level.
pub const WIT_PATCH: u64 = 1;

/// The customer id of smoke turns (no conversation, no state, no LLM).
pub const SMOKE_WA_ID: &str = "agent-store-smoke";

/// How plugins are kept, trialled and judged.
#[derive(Debug, Clone)]
pub struct PluginsOptions {
    pub dir: PathBuf,
    /// `None`: no compiled cache (every load compiles).
    pub cache_dir: Option<PathBuf>,
    pub keep_versions: usize,
    pub canary: CanaryPolicy,
    pub quarantine: QuarantinePolicy,
    /// Components compiled at once at start-up (1: one after the other).
    pub load_threads: usize,
    /// Threads for turns (`[plugins] turn_threads`; 0 = one per core).
    pub turn_threads: usize,
}

/// Start-up compiles this many components at once by default.
pub fn default_load_threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8))
}

impl PluginsOptions {
    pub fn new(dir: &Path) -> Self {
        let defaults = PluginsConfig::default();
        Self {
            dir: dir.to_path_buf(),
            cache_dir: None,
            keep_versions: defaults.keep_versions,
            canary: defaults.canary,
            quarantine: defaults.quarantine,
            load_threads: default_load_threads(),
            turn_threads: defaults.turn_threads,
        }
    }

    /// The options of a host configured with `p`, its plugins in `dir` and
    /// its data (the compiled cache) under `data_dir`.
    pub fn from_config(p: &PluginsConfig, dir: PathBuf, data_dir: &Path) -> Self {
        Self {
            dir,
            cache_dir: Some(p.cache_dir(data_dir)),
            keep_versions: p.keep_versions,
            canary: p.canary,
            quarantine: p.quarantine,
            load_threads: default_load_threads(),
            turn_threads: p.turn_threads,
        }
    }
}

/// Why a new version was refused; the old version keeps serving.
#[derive(Debug, Clone, Serialize, thiserror::Error)]
#[error("{stage}: {reason}")]
pub struct Refusal {
    /// `manifest`, `compile`, `wit`, `world`, `smoke`, `conflict`, `store`.
    pub stage: &'static str,
    pub reason: String,
}

impl Refusal {
    fn new(stage: &'static str, reason: impl std::fmt::Display) -> Self {
        Self {
            stage,
            reason: reason.to_string(),
        }
    }
}

/// An operation on a plugin that could not be done.
#[derive(Debug, thiserror::Error)]
pub enum OpsError {
    #[error("plugin {0} is not installed")]
    NotFound(String),
    #[error("plugin {0} has no shadow version")]
    NoShadow(String),
    #[error("{0}")]
    Refused(#[from] Refusal),
    #[error("{0}")]
    Store(#[from] VersionStoreError),
}

/// A version now serving (or on trial).
#[derive(Debug, Clone, Serialize)]
pub struct Activated {
    pub name: String,
    pub version: String,
    pub digest: String,
    /// `active`, `canary` or `shadow`.
    pub state: &'static str,
    pub percent: Option<u8>,
    /// The code it serves on now: `baseline` until a tiered runtime's
    /// optimised code replaces it, or `optimised`.
    pub tier: &'static str,
}

impl Activated {
    fn of(p: &LoadedPlugin, percent: Option<u8>) -> Self {
        Self {
            name: p.manifest.name.clone(),
            version: p.manifest.version.clone(),
            digest: p.digest.clone(),
            state: if percent.is_some() {
                "canary"
            } else {
                "active"
            },
            percent,
            tier: p.tier().as_str(),
        }
    }

    fn shadow(p: &LoadedPlugin) -> Self {
        Self {
            state: "shadow",
            ..Self::of(p, None)
        }
    }
}

/// Something operators must hear about (published as `store.plugin.failed`
/// by the app).
#[derive(Debug, Clone, Serialize)]
pub struct OpsEvent {
    pub plugin: String,
    pub version: String,
    /// `quarantined`, `canary_rolled_back` or `canary_promoted`.
    pub action: &'static str,
    pub reason: String,
}

/// The trace span of one plugin turn (its host calls, LLM calls among
/// them, are inside it).
fn turn_span(plugin: &LoadedPlugin, kind: &'static str) -> tracing::Span {
    tracing::info_span!(
        "plugin.turn",
        otel.name = %format!("{kind} turn"),
        plugin.kind = kind,
        plugin.name = %plugin.manifest.name,
        plugin.version = %plugin.manifest.version,
    )
}

/// A turn's duration and outcome as metrics (plugin name and version).
fn observe_turn(plugin: &LoadedPlugin, started: std::time::Instant, error: Option<&TurnError>) {
    crate::telemetry::metrics::plugin_turn(
        &plugin.manifest.name,
        &plugin.manifest.version,
        started.elapsed(),
        error.map_or("ok", TurnError::reason),
    );
}

/// The id of a loaded version on disk: `<version>-<digest12>`.
pub fn version_id(p: &LoadedPlugin) -> String {
    store::version_id(&p.manifest.version, &p.digest)
}

/// The loaded plugins with the services they may call.
pub struct Plugins {
    runtime: Arc<Runtime>,
    /// Where live turns run.
    turns: turn_threads::TurnThreads,
    registry: Registry,
    services: Services,
    smoke_services: Services,
    store: VersionStore,
    /// Shared with the background upgrades, which write optimised code.
    cache: Arc<Cache>,
    stats: Stats,
    options: PluginsOptions,
    failures: Mutex<BTreeMap<String, LoadFailure>>,
    /// Serialises every change of the loaded set.
    ops: tokio::sync::Mutex<()>,
    /// Syncs to try again (they failed for lack of resources).
    retries: retry::Retries,
    events: tokio::sync::broadcast::Sender<OpsEvent>,
    /// Where seller and router turns are recorded, when they are.
    recorder: std::sync::OnceLock<Arc<dyn record::TurnSink>>,
    /// Where live turns go for a shadow version to be compared on.
    shadow: std::sync::OnceLock<Arc<dyn record::ShadowSink>>,
    /// Live turns running now (a shadow version waits for none).
    live: Arc<live::LiveTurns>,
    /// Several hosts judge canaries and quarantine on counts they share
    /// (`cluster::tallies`): turns are only counted here.
    judged_elsewhere: std::sync::atomic::AtomicBool,
}

/// A plugin's active version as read from the store (and whether it is
/// trusted), or why it could not be read: the input of `prepare_all`.
type ReadSource = Result<(Source, bool), Refusal>;

impl Plugins {
    /// Load every plugin in `dir`, without a compiled cache.
    pub fn load(runtime: Runtime, services: Services, dir: &Path) -> Self {
        Self::new(runtime, services, PluginsOptions::new(dir))
    }

    /// Load the active version of every plugin (from the compiled cache when
    /// there), importing drop-ins of plugins that have no version yet. New
    /// drop-ins of plugins that already have one wait for [`Self::sync_all`]
    /// (which smoke-tests them before swapping).
    pub fn new(runtime: Runtime, services: Services, options: PluginsOptions) -> Self {
        let cache = Arc::new(Cache::new(runtime.engine(), options.cache_dir.clone()));
        let smoke_llm = agent_store_llm::Llm::new(&agent_store_llm::LlmConfig::default())
            .unwrap_or_else(|_| services.llm.clone());
        let smoke_services = Services {
            conversations: None,
            carts: None,
            llm: smoke_llm,
            ..services.clone()
        };
        let turns = turn_threads::TurnThreads::new(options.turn_threads);
        let plugins = Self {
            store: VersionStore::new(&options.dir, options.keep_versions),
            runtime: Arc::new(runtime),
            turns,
            registry: Registry::default(),
            services,
            smoke_services,
            cache,
            stats: Stats::default(),
            options,
            failures: Mutex::new(BTreeMap::new()),
            ops: tokio::sync::Mutex::new(()),
            retries: retry::Retries::default(),
            events: tokio::sync::broadcast::channel(64).0,
            recorder: std::sync::OnceLock::new(),
            shadow: std::sync::OnceLock::new(),
            live: Arc::default(),
            judged_elsewhere: std::sync::atomic::AtomicBool::new(false),
        };
        plugins.load_all();
        plugins
    }

    fn load_all(&self) {
        let names = match self.store.names() {
            Ok(n) => n,
            Err(e) => {
                tracing::error!(dir = %self.store.dir().display(), error = %e, "cannot read the plugins directory; no plugins loaded");
                return;
            }
        };
        // Read every source first (cheap), compile them all at once (the
        // slow part, see `prepare_all`), then admit in name order as before.
        let sources: Vec<(String, ReadSource)> = names
            .into_iter()
            .filter_map(|name| {
                let source = match self.store.active_id(&name) {
                    Some(id) => Some(
                        self.store
                            .read(&name, &id)
                            .map(|s| (s, true))
                            .map_err(|e| Refusal::new("store", e)),
                    ),
                    None => self.store.dropin(&name).map(|d| {
                        d.map(|s| (s, false))
                            .map_err(|e| Refusal::new("manifest", e))
                    }),
                };
                source.map(|s| (name, s))
            })
            .collect();
        let prepared = self.prepare_all(&sources);
        let mut snapshot = Snapshot::default();
        let mut upgrades = Vec::new();
        for ((name, source), loaded) in sources.into_iter().zip(prepared) {
            if let (Ok((s, false)), Ok(_)) = (&source, &loaded) {
                // The drop-in becomes the first version; a read-only
                // directory still serves it, without versions.
                let kept = self.store.add(s).and_then(|id| {
                    self.store.activate(&name, &id)?;
                    self.store.mark_imported(&name, &s.dropin_key())
                });
                if let Err(e) = kept {
                    tracing::warn!(plugin = %name, error = %e, "cannot keep the drop-in as a version; serving it without rollback");
                }
            }
            let loaded = loaded.and_then(|p| {
                registry::admit(&snapshot, &p).map_err(|e| Refusal::new("conflict", e))?;
                Ok(p)
            });
            match loaded {
                Ok(p) => {
                    tracing::info!(plugin = %name, kind = p.manifest.kind.as_str(), brand = ?p.manifest.brand, version = %p.manifest.version, contract = %p.contract, digest = %&p.digest[..12], "plugin loaded");
                    self.stats
                        .log(&name, "loaded", Some(&version_id(&p)), "loaded at start-up");
                    let p = Arc::new(p);
                    if let Ok((s, _)) = source {
                        upgrades.push((p.clone(), s.bytes));
                    }
                    snapshot.plugins.insert(name, p);
                }
                Err(r) => self.fail(&name, &r),
            }
        }
        self.registry.replace(snapshot);
        // The router first: every message goes through it.
        upgrades.sort_by_key(|(p, _)| p.manifest.kind != Kind::Router);
        for (p, bytes) in upgrades {
            self.runtime.upgrade_later(&p, &bytes, &self.cache);
        }
    }

    /// [`Self::prepare`] every source, `options.load_threads` at a time:
    /// one component's compilation has serial phases (parsing, linking,
    /// writing the cache) that leave cores idle, so compiling several at
    /// once shortens a cold start.
    fn prepare_all(&self, sources: &[(String, ReadSource)]) -> Vec<Result<LoadedPlugin, Refusal>> {
        let prepare = |s: &ReadSource| match s {
            Ok((source, trusted)) => self.prepare(source, *trusted),
            Err(r) => Err(r.clone()),
        };
        let threads = self.options.load_threads.max(1);
        if threads == 1 || sources.len() < 2 {
            return sources.iter().map(|(_, s)| prepare(s)).collect();
        }
        let chunk = sources.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = sources
                .chunks(chunk)
                .map(|part| {
                    let worker = scope
                        .spawn(move || part.iter().map(|(_, s)| prepare(s)).collect::<Vec<_>>());
                    (part.len(), worker)
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|(n, w)| {
                    w.join().unwrap_or_else(|_| {
                        (0..n)
                            .map(|_| Err(Refusal::new("compile", "the compiling thread panicked")))
                            .collect()
                    })
                })
                .collect()
        })
    }

    /// Record why `name` could not be loaded (listed in the admin API).
    fn fail(&self, name: &str, r: &Refusal) {
        tracing::error!(plugin = %name, stage = r.stage, reason = %r.reason, "plugin not loaded");
        self.stats.log(name, "refused", None, &r.to_string());
        if let Ok(mut f) = self.failures.lock() {
            f.insert(
                name.to_string(),
                LoadFailure {
                    plugin: name.to_string(),
                    path: self.store.plugin_dir(name),
                    reason: r.reason.clone(),
                },
            );
        }
    }

    fn clear_failure(&self, name: &str) {
        if let Ok(mut f) = self.failures.lock() {
            f.remove(name);
        }
    }

    /// Compile (or deserialize our own cached compilation when `trusted`),
    /// check the contract version and link for the manifest's world. A
    /// tiered runtime compiles baseline code when nothing is cached (then
    /// the caller queues the optimised compile once the plugin serves:
    /// [`Runtime::upgrade_later`]).
    fn prepare(&self, source: &Source, trusted: bool) -> Result<LoadedPlugin, Refusal> {
        let engine = self.runtime.engine();
        let name = &source.manifest.name;
        let component = match self.runtime.quick_engine() {
            Some(quick) => match trusted
                .then(|| self.cache.cached(engine, &source.digest))
                .flatten()
            {
                Some(c) => Ok(c),
                None => self.cache.baseline(quick, &source.bytes),
            },
            None => self
                .cache
                .component(engine, &source.bytes, &source.digest, trusted),
        };
        let component = component.map_err(|e| {
            Refusal::new(
                "compile",
                LoadError::Compile {
                    name: name.clone(),
                    reason: format!("{e:#}").lines().next().unwrap_or_default().into(),
                },
            )
        })?;
        self.runtime
            .link(source.manifest.clone(), &component, source.digest.clone())
            .map_err(|e| match e {
                LoadError::Contract { .. } => Refusal::new("wit", e),
                _ => Refusal::new("world", e),
            })
    }

    /// One synthetic turn in the sandbox: no conversation, no state, no LLM.
    async fn smoke(&self, plugin: &LoadedPlugin) -> Result<(), Refusal> {
        let customer = wit::Customer {
            wa_id: SMOKE_WA_ID.into(),
            name: None,
        };
        let message = wit::InboundMessage {
            id: "smoke".into(),
            timestamp: chrono::Utc::now().timestamp().max(0) as u64,
            content: wit::MessageContent::Text("hello".into()),
            reply_to: None,
        };
        let services = self.smoke_services.clone();
        let result = match plugin.manifest.kind {
            Kind::Seller => {
                let turn = wit::Turn {
                    conversation_id: String::new(),
                    customer,
                    brand: plugin.manifest.brand.clone().unwrap_or_default(),
                    message,
                    history: Vec::new(),
                    language: "en".into(),
                };
                self.runtime
                    .handle_turn(plugin, services, &turn)
                    .await
                    .map(|_| ())
            }
            Kind::Router => {
                let request = wit::RouteRequest {
                    conversation_id: String::new(),
                    customer,
                    message,
                    current_brand: None,
                    history: Vec::new(),
                    brands: self.snapshot().brands(),
                };
                self.runtime
                    .route(plugin, services, &request)
                    .await
                    .map(|_| ())
            }
        };
        result.map_err(|e| Refusal::new("smoke", format!("the smoke turn failed: {e}")))
    }

    /// Validate `source` (compile, WIT version, world, smoke turn), keep it
    /// on disk and make it serve: everyone, or `canary` percent of customers.
    /// Uploaded bytes are always compiled. On refusal the old version keeps
    /// serving.
    pub async fn install(
        self: &Arc<Self>,
        source: Source,
        canary: Option<u8>,
    ) -> Result<Activated, Refusal> {
        let _ops = self.ops.lock().await;
        let result = self.install_locked(&source, canary).await;
        if let Err(r) = &result {
            tracing::warn!(plugin = %source.manifest.name, version = %source.manifest.version, stage = r.stage, reason = %r.reason, "new plugin version refused");
            self.stats.log(
                &source.manifest.name,
                "refused",
                Some(&source.id()),
                &r.to_string(),
            );
        }
        result
    }

    async fn install_locked(
        self: &Arc<Self>,
        source: &Source,
        canary: Option<u8>,
    ) -> Result<Activated, Refusal> {
        let name = source.manifest.name.clone();
        let snapshot = self.snapshot();
        let current = snapshot.plugins.get(&name).cloned();
        if let Some(c) = &current
            && c.manifest.kind != source.manifest.kind
        {
            return Err(Refusal::new(
                "manifest",
                format!(
                    "{name} is a {}, the new version a {}",
                    c.manifest.kind.as_str(),
                    source.manifest.kind.as_str()
                ),
            ));
        }
        // Compiling takes a while: off the async workers.
        let plugin = {
            let (this, source) = (self.clone(), source.clone());
            tokio::task::spawn_blocking(move || this.prepare(&source, false))
                .await
                .map_err(|e| Refusal::new("compile", e))??
        };
        registry::admit(&snapshot, &plugin).map_err(|e| Refusal::new("conflict", e))?;
        self.smoke(&plugin).await?;
        let id = self
            .store
            .add(source)
            .map_err(|e| Refusal::new("store", e))?;
        let plugin = Arc::new(plugin);
        let percent = canary.filter(|p| *p < 100 && current.is_some());
        if let Some(percent) = percent {
            let c = Arc::new(Canary::new(plugin.clone(), percent));
            self.registry.update(|s| {
                s.canaries.insert(name.clone(), c);
            });
            tracing::info!(plugin = %name, version = %id, percent, "canary started");
            self.stats.log(
                &name,
                "canary_started",
                Some(&id),
                &format!("serving {percent}% of customers"),
            );
        } else {
            self.store
                .activate(&name, &id)
                .map_err(|e| Refusal::new("store", e))?;
            self.registry.update(|s| {
                s.plugins.insert(name.clone(), plugin.clone());
                s.canaries.remove(&name);
            });
            tracing::info!(plugin = %name, version = %id, tier = plugin.tier().as_str(), previous = ?current.as_deref().map(version_id), "plugin version swapped in");
            self.stats
                .log(&name, "loaded", Some(&id), "swapped in for every customer");
        }
        self.clear_failure(&name);
        self.runtime
            .upgrade_later(&plugin, &source.bytes, &self.cache);
        Ok(Activated::of(&plugin, percent))
    }

    /// Go back one: drop the canary if there is one, else re-activate the
    /// previous kept version.
    pub async fn rollback(&self, name: &str) -> Result<Activated, OpsError> {
        let _ops = self.ops.lock().await;
        let snapshot = self.snapshot();
        if let Some(c) = snapshot.canaries.get(name) {
            self.end_canary(c, "rolled back by an operator");
            let active = snapshot
                .plugins
                .get(name)
                .ok_or_else(|| OpsError::NotFound(name.to_string()))?;
            return Ok(Activated::of(active, None));
        }
        if !snapshot.plugins.contains_key(name) && self.store.history(name).is_empty() {
            return Err(OpsError::NotFound(name.to_string()));
        }
        self.rollback_locked(name, "rolled back by an operator")
    }

    fn rollback_locked(&self, name: &str, why: &str) -> Result<Activated, OpsError> {
        let from = self.store.active_id(name);
        let Some(previous) = self.store.previous_id(name) else {
            return Err(VersionStoreError::NoEarlierVersion(name.to_string()).into());
        };
        let source = self.store.read(name, &previous)?;
        let plugin = Arc::new(self.prepare(&source, true)?);
        self.store.rollback(name)?;
        self.registry.update(|s| {
            s.plugins.insert(name.to_string(), plugin.clone());
            s.canaries.remove(name);
        });
        self.runtime
            .upgrade_later(&plugin, &source.bytes, &self.cache);
        self.stats.version(name, &previous).reset_window();
        tracing::warn!(plugin = %name, from = ?from, to = %previous, %why, "plugin rolled back");
        self.stats.log(
            name,
            "rolled_back",
            Some(&previous),
            &format!("{why} (from {})", from.unwrap_or_default()),
        );
        Ok(Activated::of(&plugin, None))
    }

    /// Make kept version `id` of `name` serve every customer (another host
    /// released it: multi-host distribution). A kept version was validated
    /// when it was first installed here.
    pub async fn activate_kept(&self, name: &str, id: &str) -> Result<Activated, OpsError> {
        let _ops = self.ops.lock().await;
        let source = self.store.read(name, id)?;
        let plugin = Arc::new(self.prepare(&source, true)?);
        self.store.activate(name, id)?;
        self.registry.update(|s| {
            s.plugins.insert(name.to_string(), plugin.clone());
            s.canaries.remove(name);
        });
        self.runtime
            .upgrade_later(&plugin, &source.bytes, &self.cache);
        tracing::info!(plugin = %name, version = %id, "plugin version released by another host swapped in");
        self.stats
            .log(name, "loaded", Some(id), "released by another host");
        Ok(Activated::of(&plugin, None))
    }

    /// Run `source` as `name`'s shadow version: validated like an upload
    /// (compiled, WIT version and world checked, smoke turn; `trusted`: a
    /// version kept here, compiled from our own cache), kept on disk, then
    /// given a copy of the active version's live turns. It must be the same
    /// kind of plugin for the same brand as the active version. On refusal
    /// nothing changes.
    pub async fn install_shadow(
        self: &Arc<Self>,
        source: Source,
        trusted: bool,
    ) -> Result<Activated, Refusal> {
        let _ops = self.ops.lock().await;
        let result = self.shadow_locked(&source, trusted).await;
        if let Err(r) = &result {
            tracing::warn!(plugin = %source.manifest.name, version = %source.manifest.version, stage = r.stage, reason = %r.reason, "shadow version refused");
            self.stats.log(
                &source.manifest.name,
                "refused",
                Some(&source.id()),
                &format!("as a shadow version: {r}"),
            );
        }
        result
    }

    async fn shadow_locked(
        self: &Arc<Self>,
        source: &Source,
        trusted: bool,
    ) -> Result<Activated, Refusal> {
        let name = source.manifest.name.clone();
        let Some(active) = self.snapshot().plugins.get(&name).cloned() else {
            return Err(Refusal::new(
                "conflict",
                format!("{name} has no active version for a shadow to follow: push it first"),
            ));
        };
        let (a, m) = (&active.manifest, &source.manifest);
        if a.kind != m.kind || a.brand != m.brand {
            return Err(Refusal::new(
                "manifest",
                format!(
                    "a shadow of {name} must be a {} for brand {}, like its active version",
                    a.kind.as_str(),
                    a.brand.as_deref().unwrap_or("(none)")
                ),
            ));
        }
        let plugin = {
            let (this, source) = (self.clone(), source.clone());
            tokio::task::spawn_blocking(move || this.prepare(&source, trusted))
                .await
                .map_err(|e| Refusal::new("compile", e))??
        };
        self.smoke(&plugin).await?;
        let id = self
            .store
            .add(source)
            .map_err(|e| Refusal::new("store", e))?;
        let plugin = Arc::new(plugin);
        self.registry.update(|s| {
            s.shadows.insert(name.clone(), plugin.clone());
        });
        self.runtime
            .upgrade_later(&plugin, &source.bytes, &self.cache);
        tracing::info!(plugin = %name, version = %id, active = %version_id(&active), "shadow version started");
        self.stats.log(
            &name,
            "shadow_started",
            Some(&id),
            "gets a copy of live turns; its actions are compared, never carried out",
        );
        Ok(Activated::shadow(&plugin))
    }

    /// Make `name`'s shadow version the active one for every customer.
    pub async fn promote_shadow(&self, name: &str) -> Result<Activated, OpsError> {
        let _ops = self.ops.lock().await;
        let shadow = self
            .snapshot()
            .shadows
            .get(name)
            .cloned()
            .ok_or_else(|| OpsError::NoShadow(name.to_string()))?;
        let id = version_id(&shadow);
        let from = self.store.active_id(name);
        // Kept when it started (a later activation may have pruned it).
        self.store.read(name, &id)?;
        self.store.activate(name, &id)?;
        self.registry.update(|s| {
            s.plugins.insert(name.to_string(), shadow.clone());
            s.shadows.remove(name);
            s.canaries.remove(name);
        });
        self.stats.version(name, &id).reset_window();
        tracing::info!(plugin = %name, version = %id, from = ?from, "shadow version promoted to active");
        self.stats.log(
            name,
            "shadow_promoted",
            Some(&id),
            &format!(
                "now serves every customer (was {})",
                from.unwrap_or_default()
            ),
        );
        Ok(Activated::of(&shadow, None))
    }

    /// Stop `name`'s shadow version (the active version is untouched).
    pub async fn drop_shadow(&self, name: &str) -> Result<Activated, OpsError> {
        let _ops = self.ops.lock().await;
        let shadow = self
            .snapshot()
            .shadows
            .get(name)
            .cloned()
            .ok_or_else(|| OpsError::NoShadow(name.to_string()))?;
        self.registry.update(|s| {
            s.shadows.remove(name);
        });
        let id = version_id(&shadow);
        tracing::info!(plugin = %name, version = %id, "shadow version dropped");
        self.stats.log(
            name,
            "shadow_dropped",
            Some(&id),
            "no longer gets live turns",
        );
        Ok(Activated::shadow(&shadow))
    }

    /// Unload a plugin and delete it with its versions.
    pub async fn remove(&self, name: &str) -> Result<(), OpsError> {
        let _ops = self.ops.lock().await;
        let loaded = self.snapshot().plugins.contains_key(name);
        match self.store.remove(name) {
            Ok(()) => {}
            Err(VersionStoreError::NotInstalled(_)) if loaded => {}
            Err(VersionStoreError::NotInstalled(n)) => return Err(OpsError::NotFound(n)),
            Err(e) => return Err(e.into()),
        }
        self.unload(name);
        Ok(())
    }

    fn unload(&self, name: &str) {
        self.registry.update(|s| {
            s.plugins.remove(name);
            s.canaries.remove(name);
            s.shadows.remove(name);
        });
        self.clear_failure(name);
        tracing::info!(plugin = %name, "plugin removed");
        self.stats
            .log(name, "removed", None, "unloaded and deleted");
    }

    /// Catch up with the plugins directory: new drop-ins are validated
    /// (smoke turn included) and swapped in, removed plugin directories are
    /// unloaded. What the watcher calls.
    pub async fn sync_all(self: &Arc<Self>) {
        let mut names: Vec<String> = self.store.names().unwrap_or_default();
        for loaded in self.snapshot().plugins.keys() {
            if !names.contains(loaded) {
                names.push(loaded.clone());
            }
        }
        for name in names {
            self.sync(&name).await;
        }
    }

    /// Catch up with one plugin's directory. A failure for lack of
    /// resources (EMFILE…) keeps the running version and is retried later
    /// ([`retry`]); any other failure is recorded.
    pub async fn sync(self: &Arc<Self>, name: &str) {
        let _ops = self.ops.lock().await;
        if !self.store.plugin_dir(name).is_dir() {
            if self.snapshot().plugins.contains_key(name) {
                self.unload(name);
            }
            return;
        }
        let source = match self.store.dropin(name) {
            None => return,
            Some(Err(e)) => {
                self.sync_failed(name, &Refusal::new("manifest", e));
                return;
            }
            Some(Ok(s)) => s,
        };
        if self.store.imported(name, &source.dropin_key()) {
            self.retries.done(name);
            // What is on disk is what runs: an earlier failure is over.
            if self.snapshot().plugins.contains_key(name) {
                self.clear_failure(name);
            }
            return;
        }
        match self.install_locked(&source, None).await {
            Ok(a) => {
                self.retries.done(name);
                if let Err(e) = self.store.mark_imported(name, &source.dropin_key()) {
                    tracing::warn!(plugin = %name, error = %e, "cannot record the imported drop-in");
                }
                tracing::info!(plugin = %name, version = %a.version, digest = %&a.digest[..12], "drop-in loaded");
            }
            Err(r) => self.sync_failed(name, &r),
        }
    }

    fn sync_failed(self: &Arc<Self>, name: &str, r: &Refusal) {
        if !retry::transient(&r.reason) {
            self.fail(name, r);
            return;
        }
        let Some(delay) = self.retries.schedule(name) else {
            return;
        };
        let running = self.snapshot().plugins.contains_key(name);
        tracing::warn!(plugin = %name, stage = r.stage, reason = %r.reason, running, retry_in_ms = delay.as_millis() as u64, "plugin sync failed for lack of resources; the running version keeps serving");
        let (weak, name) = (Arc::downgrade(self), name.to_string());
        tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            let Some(plugins) = weak.upgrade() else {
                return;
            };
            plugins.retries.fired(&name);
            plugins.sync(&name).await;
        });
    }

    /// Record every seller and router turn from now on into `sink`.
    pub fn record_into(&self, sink: Arc<dyn record::TurnSink>) {
        let _ = self.recorder.set(sink);
    }

    /// Wait until every recorded turn handed to the recorder is kept.
    pub async fn flush_records(&self) {
        if let Some(sink) = self.recorder.get() {
            sink.flush().await;
        }
    }

    /// Give every live turn of a plugin that has a shadow version to
    /// `sink` (after the active version answered; the sink never blocks).
    pub fn shadow_into(&self, sink: Arc<dyn record::ShadowSink>) {
        let _ = self.shadow.set(sink);
    }

    /// The shadow version to give this turn of `plugin` to: only turns the
    /// active version answered (not a canary's), and only when a sink
    /// takes them.
    fn shadow_of(
        &self,
        snapshot: &Snapshot,
        plugin: &Arc<LoadedPlugin>,
    ) -> Option<Arc<LoadedPlugin>> {
        self.shadow.get()?;
        let name = &plugin.manifest.name;
        let shadow = snapshot.shadows.get(name)?;
        let active = snapshot.plugins.get(name)?;
        Arc::ptr_eq(active, plugin).then(|| shadow.clone())
    }

    /// A recording tape for the next turn, when turns are recorded or a
    /// shadow version will replay it.
    fn tape(&self, services: &mut Services, shadowed: bool) -> Option<Arc<dyn record::TurnSink>> {
        let sink = self.recorder.get().cloned();
        let max_bytes = match &sink {
            Some(s) => s.max_turn_bytes(),
            None if shadowed => record::SHADOW_TAPE_BYTES,
            None => return None,
        };
        services.tape = record::Tape::recording(max_bytes);
        sink
    }

    /// Hand the turn's recording to the sink and to the shadow version (a
    /// turn whose import calls outgrew the size cap is not kept: it could
    /// not be replayed).
    async fn keep(
        &self,
        sink: Option<Arc<dyn record::TurnSink>>,
        shadow: Option<Arc<LoadedPlugin>>,
        tape: &record::Tape,
        plugin: &LoadedPlugin,
        exchange: impl FnOnce() -> record::Exchange,
    ) {
        let shadow = shadow.zip(self.shadow.get());
        if sink.is_none() && shadow.is_none() {
            return;
        }
        let (calls, overflowed) = tape.take_calls();
        if overflowed {
            tracing::warn!(plugin = %plugin.manifest.name, max_bytes = sink.as_ref().map_or(record::SHADOW_TAPE_BYTES, |s| s.max_turn_bytes()), "turn not recorded (nor given to a shadow version): its import calls exceed record.max_turn_kib");
            return;
        }
        let exchange = exchange();
        if exchange.conversation_id().is_empty() {
            return; // nothing to file it under (a turn outside a conversation)
        }
        let turn = record::RecordedTurn {
            at: chrono::Utc::now().timestamp_micros(),
            plugin: record::PluginRef::of(plugin),
            exchange,
            calls,
        };
        match (sink, shadow) {
            (Some(sink), Some((version, to))) => {
                to.offer(version, turn.clone());
                sink.keep(turn).await;
            }
            (Some(sink), None) => sink.keep(turn).await,
            (None, Some((version, to))) => to.offer(version, turn),
            (None, None) => {}
        }
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.registry.snapshot()
    }

    /// Plugins that failed to load, with the latest reason for each.
    pub fn failures(&self) -> Vec<LoadFailure> {
        self.failures
            .lock()
            .map(|f| f.values().cloned().collect())
            .unwrap_or_default()
    }

    pub fn services(&self) -> &Services {
        &self.services
    }

    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }

    pub fn store(&self) -> &VersionStore {
        &self.store
    }

    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    pub fn cache_stats(&self) -> &cache::CacheStats {
        &self.cache.stats
    }

    pub fn options(&self) -> &PluginsOptions {
        &self.options
    }

    /// The live turns running now.
    pub fn live_turns(&self) -> &live::LiveTurns {
        &self.live
    }

    /// Leave the canary and quarantine verdicts to a judge that sees every
    /// host's turns (multi-host): this host keeps counting, and the judge
    /// calls [`Self::decide_canary`] and [`Self::quarantine_version`].
    pub fn judge_elsewhere(&self, elsewhere: bool) {
        self.judged_elsewhere.store(elsewhere, Ordering::SeqCst);
    }

    /// Carry out a verdict on `name`'s canary `canary_id` reached on the
    /// turns of every host; false when that canary no longer runs here.
    pub async fn decide_canary(&self, name: &str, canary_id: &str, verdict: &Verdict) -> bool {
        let Some(c) = self.snapshot().canaries.get(name).cloned() else {
            return false;
        };
        if version_id(&c.plugin) != canary_id || c.decided.load(Ordering::SeqCst) {
            return false;
        }
        match verdict {
            Verdict::Continue => return false,
            Verdict::Promote => {
                let _ops = self.ops.lock().await;
                self.promote_locked(&c);
            }
            Verdict::RollBack(reason) => {
                let _ops = self.ops.lock().await;
                self.end_canary(&c, reason);
            }
        }
        true
    }

    /// Quarantine `name`'s active version `id`, which failed `failures` of
    /// the latest `turns` turns of every host; false when it no longer is
    /// the active version here.
    pub async fn quarantine_version(
        &self,
        name: &str,
        id: &str,
        failures: usize,
        turns: usize,
    ) -> bool {
        let Some(active) = self.snapshot().plugins.get(name).cloned() else {
            return false;
        };
        if version_id(&active) != id {
            return false;
        }
        let _ops = self.ops.lock().await;
        self.quarantine_locked(&active, failures, turns)
    }

    /// Quarantines and canary rollbacks, as they happen.
    pub fn subscribe(&self) -> tokio::sync::broadcast::Receiver<OpsEvent> {
        self.events.subscribe()
    }

    /// Ask the router plugin; `None` when no router is loaded.
    pub async fn route(
        &self,
        request: &wit::RouteRequest,
    ) -> Option<(Arc<LoadedPlugin>, Result<wit::RoutingDecision, TurnError>)> {
        let snapshot = self.snapshot();
        let router = snapshot.router()?;
        // The vocabulary follows the installed sellers (a compare of
        // version ids when nothing changed).
        self.services.routing.sync(
            snapshot
                .plugins
                .values()
                .filter(|p| p.manifest.kind == manifest::Kind::Seller)
                .filter_map(|p| {
                    let seller = p.manifest.installed_seller()?;
                    Some((format!("{}={}", p.manifest.name, version_id(p)), seller))
                }),
        );
        let _live = self.live.enter();
        let key = sticky_key(&request.customer.wa_id, &request.conversation_id);
        let (plugin, canary) = snapshot.pick(router, key);
        let shadow = self.shadow_of(&snapshot, &plugin);
        drop(snapshot);
        let started = std::time::Instant::now();
        let mut services = self.services.clone();
        let sink = self.tape(&mut services, shadow.is_some());
        let tape = services.tape.clone();
        let result = {
            let (runtime, plugin, request) =
                (self.runtime.clone(), plugin.clone(), request.clone());
            let span = turn_span(&plugin, "router");
            self.turns
                .run(async move {
                    runtime
                        .route(&plugin, services, &request)
                        .instrument(span)
                        .await
                })
                .await
        };
        observe_turn(&plugin, started, result.as_ref().err());
        self.keep(sink, shadow, &tape, &plugin, || record::Exchange::Router {
            request: request.clone(),
            outcome: result
                .as_ref()
                .map(Clone::clone)
                .map_err(ToString::to_string),
        })
        .await;
        self.after_turn(&plugin, canary, result.as_ref().err());
        Some((plugin, result))
    }

    /// Run `brand`'s seller; `None` when the brand has no seller.
    pub async fn handle_turn(
        &self,
        brand: &str,
        turn: &wit::Turn,
    ) -> Option<(Arc<LoadedPlugin>, Result<Vec<wit::Action>, TurnError>)> {
        self.run_seller(brand, turn, self.services.clone()).await
    }

    /// [`Self::handle_turn`] with the seller's state writes held back (its
    /// own reads see them): the caller commits them with the turn's other
    /// writes, or drops them when the turn fails.
    pub async fn handle_turn_staged(
        &self,
        brand: &str,
        turn: &wit::Turn,
    ) -> Option<(
        Arc<LoadedPlugin>,
        Result<Vec<wit::Action>, TurnError>,
        Option<StagedState>,
        seen::Seen,
    )> {
        let mut services = self.services.clone();
        let log = seen::TurnLog::recording();
        services.seen = log.clone();
        let stage = services.conversations.take().map(|c| {
            let (staged, stage) = c.staged(&turn.conversation_id);
            services.conversations = Some(staged);
            stage
        });
        let (plugin, result) = self.run_seller(brand, turn, services).await?;
        Some((plugin, result, stage, log.take()))
    }

    async fn run_seller(
        &self,
        brand: &str,
        turn: &wit::Turn,
        mut services: Services,
    ) -> Option<(Arc<LoadedPlugin>, Result<Vec<wit::Action>, TurnError>)> {
        let _live = self.live.enter();
        let snapshot = self.snapshot();
        let seller = snapshot.seller(brand)?;
        let key = sticky_key(&turn.customer.wa_id, &turn.conversation_id);
        let (plugin, canary) = snapshot.pick(seller, key);
        let shadow = self.shadow_of(&snapshot, &plugin);
        drop(snapshot);
        let started = std::time::Instant::now();
        let sink = self.tape(&mut services, shadow.is_some());
        let tape = services.tape.clone();
        let result = {
            let (runtime, plugin, turn) = (self.runtime.clone(), plugin.clone(), turn.clone());
            let span = turn_span(&plugin, "seller");
            self.turns
                .run(async move {
                    runtime
                        .handle_turn(&plugin, services, &turn)
                        .instrument(span)
                        .await
                })
                .await
        };
        observe_turn(&plugin, started, result.as_ref().err());
        self.keep(sink, shadow, &tape, &plugin, || record::Exchange::Seller {
            turn: turn.clone(),
            outcome: result
                .as_ref()
                .map(Clone::clone)
                .map_err(ToString::to_string),
        })
        .await;
        // A storage failure is the host's, not the plugin's.
        let blamed = result
            .as_ref()
            .err()
            .filter(|e| !matches!(e, TurnError::Storage { .. }));
        self.after_turn(&plugin, canary, blamed);
        Some((plugin, result))
    }

    /// Count the turn, then judge the canary or the active version.
    fn after_turn(
        &self,
        plugin: &Arc<LoadedPlugin>,
        canary: Option<Arc<Canary>>,
        error: Option<&TurnError>,
    ) {
        let name = &plugin.manifest.name;
        let id = version_id(plugin);
        let message = error.map(ToString::to_string);
        let (failures, turns) = self
            .stats
            .version(name, &id)
            .record(message.as_deref(), self.options.quarantine.window);
        if let Some(m) = &message {
            self.stats.log(name, "turn_failed", Some(&id), m);
        }
        if self.judged_elsewhere.load(Ordering::Relaxed) {
            match canary {
                Some(c) if Arc::ptr_eq(&c.plugin, plugin) => c.record(error.is_some()),
                Some(c) => c.record_base(error.is_some()),
                None => {}
            }
            return;
        }
        match canary {
            Some(c) if Arc::ptr_eq(&c.plugin, plugin) => {
                c.record(error.is_some());
                match c.judge(&self.options.canary) {
                    Verdict::Continue => {}
                    Verdict::Promote => self.promote(&c),
                    Verdict::RollBack(reason) => {
                        if let Ok(_ops) = self.ops.try_lock() {
                            self.end_canary(&c, &reason);
                        }
                    }
                }
            }
            Some(c) => c.record_base(error.is_some()),
            None => {}
        }
        if error.is_some()
            && self.options.quarantine.trips(failures, turns)
            && self
                .snapshot()
                .plugins
                .get(name)
                .is_some_and(|a| Arc::ptr_eq(a, plugin))
        {
            self.quarantine(plugin, failures, turns);
        }
    }

    /// Make the canary the active version.
    fn promote(&self, c: &Arc<Canary>) {
        let Ok(_ops) = self.ops.try_lock() else {
            return; // judged again on its next turn
        };
        self.promote_locked(c);
    }

    /// [`Self::promote`] (the caller holds `ops`).
    fn promote_locked(&self, c: &Arc<Canary>) {
        if c.decided.swap(true, Ordering::SeqCst) {
            return;
        }
        let name = c.plugin.manifest.name.clone();
        let id = version_id(&c.plugin);
        if let Err(e) = self.store.activate(&name, &id) {
            tracing::error!(plugin = %name, version = %id, error = %e, "cannot promote the canary");
            c.decided.store(false, Ordering::SeqCst);
            return;
        }
        let plugin = c.plugin.clone();
        self.registry.update(|s| {
            if s.canaries.get(&name).is_some_and(|x| Arc::ptr_eq(x, c)) {
                s.canaries.remove(&name);
            }
            s.plugins.insert(name.clone(), plugin);
        });
        let turns = c.turns.load(Ordering::Relaxed);
        tracing::info!(plugin = %name, version = %id, turns, "canary promoted");
        self.stats.log(
            &name,
            "canary_promoted",
            Some(&id),
            &format!("promoted after {turns} turns"),
        );
        let _ = self.events.send(OpsEvent {
            plugin: name,
            version: c.plugin.manifest.version.clone(),
            action: "canary_promoted",
            reason: format!("promoted after {turns} turns"),
        });
    }

    /// Stop a canary (the caller holds `ops`).
    fn end_canary(&self, c: &Arc<Canary>, reason: &str) {
        if c.decided.swap(true, Ordering::SeqCst) {
            return;
        }
        let name = c.plugin.manifest.name.clone();
        let id = version_id(&c.plugin);
        self.registry.update(|s| {
            if s.canaries.get(&name).is_some_and(|x| Arc::ptr_eq(x, c)) {
                s.canaries.remove(&name);
            }
        });
        tracing::error!(plugin = %name, version = %id, %reason, "canary rolled back");
        self.stats
            .log(&name, "canary_rolled_back", Some(&id), reason);
        let _ = self.events.send(OpsEvent {
            plugin: name,
            version: c.plugin.manifest.version.clone(),
            action: "canary_rolled_back",
            reason: reason.to_string(),
        });
    }

    /// The active version fails too often: back to the previous one.
    fn quarantine(&self, plugin: &Arc<LoadedPlugin>, failures: usize, turns: usize) {
        let Ok(_ops) = self.ops.try_lock() else {
            return; // judged again on its next failure
        };
        self.quarantine_locked(plugin, failures, turns);
    }

    /// [`Self::quarantine`] (the caller holds `ops`); false when `plugin`
    /// is no longer the active version.
    fn quarantine_locked(&self, plugin: &Arc<LoadedPlugin>, failures: usize, turns: usize) -> bool {
        let name = plugin.manifest.name.clone();
        let id = version_id(plugin);
        if !self
            .snapshot()
            .plugins
            .get(&name)
            .is_some_and(|a| Arc::ptr_eq(a, plugin))
        {
            return false;
        }
        self.stats.version(&name, &id).reset_window();
        let reason = format!(
            "failed {failures} of its last {turns} turns (more than {:.0}%)",
            self.options.quarantine.failure_share * 100.0
        );
        let outcome = match self.rollback_locked(&name, &format!("quarantined: {reason}")) {
            Ok(a) => format!(
                "rolled back to {}",
                store::version_id(&a.version, &a.digest)
            ),
            Err(e) => format!("still serving: {e}"),
        };
        tracing::error!(plugin = %name, version = %id, %reason, %outcome, "plugin quarantined");
        self.stats.log(
            &name,
            "quarantined",
            Some(&id),
            &format!("{reason}; {outcome}"),
        );
        let _ = self.events.send(OpsEvent {
            plugin: name,
            version: plugin.manifest.version.clone(),
            action: "quarantined",
            reason: format!("{reason}; {outcome}"),
        });
        true
    }
}

/// Canary stickiness: per customer, else per conversation.
fn sticky_key<'a>(wa_id: &'a str, conversation_id: &'a str) -> &'a str {
    if wa_id.is_empty() {
        conversation_id
    } else {
        wa_id
    }
}
