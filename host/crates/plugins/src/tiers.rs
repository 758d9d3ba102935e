//! Tiered compilation: a plugin first serves on code from Winch, wasmtime's
//! baseline compiler (several times quicker to compile than Cranelift, slower
//! code), while one background thread, scheduled as batch work, compiles it
//! again with Cranelift; the optimised code then replaces the baseline code and is
//! written to the compiled cache (the cache only ever holds optimised code).
//!
//! Compiled code belongs to the `Engine` that compiled it, and a `Linker`,
//! an `InstancePre` and a `Store` must all be of that engine: so each tier
//! has its own engine and linkers ([`Linkers`]), a plugin's [`Code`] carries
//! its engine, and every turn makes its `Store` on the engine of the code it
//! runs. The code is swapped inside the `LoadedPlugin` (an `ArcSwap`), so
//! the plugin's identity does not change (canaries, quarantine and shadows
//! compare `Arc`s) and a turn keeps the code it started on.
//!
//! Both engines have the same sandbox: a fresh instance per turn, epoch
//! interruption with the same deadline callback (Winch emits the same epoch
//! checks at function entries and loop headers as Cranelift), the memory
//! limiter and the wasm stack limit.

use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex, Weak};
use std::time::{Duration, Instant};

use wasmtime::component::{Component, Linker};
use wasmtime::{Config, Engine, InstanceAllocationStrategy, Strategy};

use super::bindings::{router, seller};
use super::cache::Cache;
use super::contract::Contract;
use super::imports::{self, PluginState};
use super::manifest::Kind;
use super::pool;
use super::runtime::{LoadedPlugin, PERF_MAP_ENV, Pre, TurnLimits, WASM_STACK};
use super::v0_1;

/// How the runtime compiles components (`[plugins] compiler`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Compiler {
    /// Serve on Winch's code at once, upgrade to Cranelift's in the
    /// background: the quickest start-up and swaps.
    #[default]
    Tiered,
    /// Cranelift only: a plugin serves once its optimised code is compiled
    /// (the behaviour before tiers).
    Optimised,
    /// Winch only, never upgraded: the quickest compiles and the slowest
    /// turns (development hosts that reload often).
    Baseline,
}

impl Compiler {
    pub fn as_str(self) -> &'static str {
        match self {
            Compiler::Tiered => "tiered",
            Compiler::Optimised => "optimised",
            Compiler::Baseline => "baseline",
        }
    }
}

/// Which compiler produced a plugin's running code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// Winch.
    Baseline,
    /// Cranelift.
    Optimised,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Baseline => "baseline",
            Tier::Optimised => "optimised",
        }
    }
}

/// How an engine is built.
pub(super) struct EngineSpec {
    pub tier: Tier,
    /// The pooling allocator (the engine plugins stay on), or instances
    /// allocated on demand (the baseline engine of a tiered runtime, which
    /// only serves until the upgrade: no second pool's address space).
    pub pooled: bool,
    /// Compile a component's functions on several threads (foreground
    /// compiles); background upgrades use their own one thread.
    pub parallel: bool,
    /// Bytes of each pooled memory slot kept resident between instances
    /// (`[plugins] keep_resident_bytes`; see [`pool`]).
    pub keep_resident: usize,
}

/// An engine for plugins that may use at most `limits`; a pooled one keeps
/// `spec.keep_resident` bytes of each memory slot resident.
pub(super) fn engine(limits: &TurnLimits, spec: &EngineSpec) -> anyhow::Result<Engine> {
    let mut config = Config::new();
    config
        .wasm_component_model(true)
        .epoch_interruption(true)
        .max_wasm_stack(WASM_STACK)
        .parallel_compilation(spec.parallel)
        .strategy(match spec.tier {
            Tier::Baseline => Strategy::Winch,
            Tier::Optimised => Strategy::Cranelift,
        });
    if spec.pooled {
        config.allocation_strategy(InstanceAllocationStrategy::Pooling(pool::config(
            limits,
            spec.keep_resident,
        )));
    }
    if std::env::var_os(PERF_MAP_ENV).is_some() {
        // `perf` can then name JIT-compiled guest functions
        // (`/tmp/perf-<pid>.map`): how a turn's profile is taken.
        config.profiler(wasmtime::ProfilingStrategy::PerfMap);
    }
    Ok(Engine::new(&config)?)
}

/// One engine and its linkers, one per world (and one for 0.1.0).
pub(super) struct Linkers {
    pub tier: Tier,
    pub engine: Engine,
    seller: Linker<PluginState>,
    router: Linker<PluginState>,
    /// The 0.1.0 imports (the same for both worlds).
    v0_1: Linker<PluginState>,
}

impl Linkers {
    pub fn new(engine: Engine, tier: Tier) -> anyhow::Result<Self> {
        let mut seller_linker = Linker::new(&engine);
        wasmtime_wasi::p2::add_to_linker_async(&mut seller_linker)?;
        imports::add_seller_imports(&mut seller_linker)?;
        let mut router_linker = Linker::new(&engine);
        wasmtime_wasi::p2::add_to_linker_async(&mut router_linker)?;
        imports::add_router_imports(&mut router_linker)?;
        let mut v0_1_linker = Linker::new(&engine);
        wasmtime_wasi::p2::add_to_linker_async(&mut v0_1_linker)?;
        v0_1::add_imports(&mut v0_1_linker)?;
        Ok(Self {
            tier,
            engine,
            seller: seller_linker,
            router: router_linker,
            v0_1: v0_1_linker,
        })
    }

    /// Link `component` (compiled by this engine) for `kind`'s world of
    /// `contract`; on failure, the world and why.
    pub fn link(
        &self,
        kind: Kind,
        contract: Contract,
        component: &Component,
    ) -> Result<Code, (&'static str, wasmtime::Error)> {
        let pre = match (kind, contract) {
            (Kind::Seller, Contract::V0_2 { .. }) => {
                let pre = self
                    .seller
                    .instantiate_pre(component)
                    .map_err(|e| ("seller", e))?;
                Pre::Seller(seller::SellerPre::new(pre).map_err(|e| ("seller", e))?)
            }
            (Kind::Router, Contract::V0_2 { .. }) => {
                let pre = self
                    .router
                    .instantiate_pre(component)
                    .map_err(|e| ("router", e))?;
                Pre::Router(router::RouterPre::new(pre).map_err(|e| ("router", e))?)
            }
            (Kind::Seller, Contract::V0_1) => Pre::SellerV0_1(
                self.link_v0_1(component, "handle-turn")
                    .map_err(|e| ("seller", e))?,
            ),
            (Kind::Router, Contract::V0_1) => Pre::RouterV0_1(
                self.link_v0_1(component, "route")
                    .map_err(|e| ("router", e))?,
            ),
        };
        Ok(Code {
            tier: self.tier,
            engine: self.engine.clone(),
            pre,
        })
    }

    /// Link an 0.1.0 component that must export `export` (its world's
    /// function; its type is checked when called).
    fn link_v0_1(
        &self,
        component: &Component,
        export: &str,
    ) -> wasmtime::Result<wasmtime::component::InstancePre<PluginState>> {
        if component.get_export_index(None, export).is_none() {
            wasmtime::bail!("no `{export}` export");
        }
        self.v0_1.instantiate_pre(component)
    }
}

/// A plugin's linked code, ready to instantiate on `engine`.
pub(super) struct Code {
    pub tier: Tier,
    pub engine: Engine,
    pub pre: Pre,
}

/// One plugin to compile again with the optimised compiler.
struct Job {
    /// Dropped meanwhile (swapped out, removed): nothing to do.
    plugin: Weak<LoadedPlugin>,
    bytes: Vec<u8>,
    cache: Arc<Cache>,
}

/// Upgrades to optimised code, one at a time, on one background thread
/// scheduled as batch work: a waking turn is never preempted by it, and it
/// is never starved by turns either.
pub(super) struct Upgrader {
    jobs: Mutex<mpsc::Sender<Job>>,
    /// Jobs queued or running.
    pending: tokio::sync::watch::Sender<usize>,
    held: Arc<Held>,
    /// The upgrade thread's kernel id (Linux; 0 elsewhere).
    #[cfg(test)]
    thread: i32,
}

/// Holds on the upgrader (tests and benchmarks that look at the baseline
/// tier): a count, and a wake-up when it falls to zero.
#[derive(Default)]
struct Held {
    count: Mutex<usize>,
    released: Condvar,
}

impl Held {
    fn wait_released(&self) {
        let Ok(mut count) = self.count.lock() else {
            return;
        };
        while *count > 0 {
            match self.released.wait(count) {
                Ok(c) => count = c,
                Err(_) => return,
            }
        }
    }
}

/// While alive, no upgrade starts (one already running finishes).
pub struct UpgradeHold(Arc<Held>);

impl Drop for UpgradeHold {
    fn drop(&mut self) {
        if let Ok(mut count) = self.0.count.lock() {
            *count -= 1;
            if *count == 0 {
                self.0.released.notify_all();
            }
        }
    }
}

impl Upgrader {
    /// Start the thread that upgrades onto `optimised`.
    pub fn start(optimised: Arc<Linkers>) -> anyhow::Result<Self> {
        let (tx, rx) = mpsc::channel::<Job>();
        let pending = tokio::sync::watch::Sender::new(0usize);
        let held = Arc::new(Held::default());
        let (done, hold) = (pending.clone(), held.clone());
        // The thread says when its scheduling is set, so that a caller
        // never sees it compile under the wrong policy.
        let (ready_tx, ready) = mpsc::sync_channel::<i32>(1);
        std::thread::Builder::new()
            .name(UPGRADE_THREAD.into())
            .spawn(move || {
                schedule_as_batch();
                let _ = ready_tx.send(thread_id());
                // Ends when the runtime (the sender) is dropped.
                while let Ok(job) = rx.recv() {
                    hold.wait_released();
                    upgrade(&optimised, job);
                    done.send_modify(|n| *n = n.saturating_sub(1));
                    if *done.borrow() == 0 {
                        release_freed_memory();
                    }
                }
            })?;
        let thread = ready.recv().unwrap_or_default();
        tracing::debug!(thread, "the upgrade thread runs as batch work");
        Ok(Self {
            jobs: Mutex::new(tx),
            pending,
            held,
            #[cfg(test)]
            thread,
        })
    }

    /// Queue `plugin` (compiled from `bytes`) for its optimised code.
    pub fn queue(&self, plugin: &Arc<LoadedPlugin>, bytes: Vec<u8>, cache: Arc<Cache>) {
        let job = Job {
            plugin: Arc::downgrade(plugin),
            bytes,
            cache,
        };
        self.pending.send_modify(|n| *n += 1);
        let sent = self.jobs.lock().map(|tx| tx.send(job).is_ok());
        if !matches!(sent, Ok(true)) {
            self.pending.send_modify(|n| *n = n.saturating_sub(1));
            tracing::error!(plugin = %plugin.manifest.name, "the upgrade thread is gone; the plugin stays on baseline code");
        }
    }

    pub fn pending(&self) -> usize {
        *self.pending.borrow()
    }

    /// Return once no upgrade is queued or running.
    pub async fn idle(&self) {
        let mut rx = self.pending.subscribe();
        let _ = rx.wait_for(|n| *n == 0).await;
    }

    #[cfg(test)]
    pub fn thread(&self) -> i32 {
        self.thread
    }

    pub fn hold(&self) -> UpgradeHold {
        if let Ok(mut count) = self.held.count.lock() {
            *count += 1;
        }
        UpgradeHold(self.held.clone())
    }
}

/// Compile `job`'s component with the optimised compiler (into the cache),
/// link it and swap it into the plugin. A failure leaves the plugin on its
/// baseline code, which works.
fn upgrade(optimised: &Linkers, job: Job) {
    let Some(plugin) = job.plugin.upgrade() else {
        return;
    };
    let (name, version) = (
        plugin.manifest.name.clone(),
        plugin.manifest.version.clone(),
    );
    let (kind, contract, digest) = (plugin.manifest.kind, plugin.contract, plugin.digest.clone());
    // Not kept alive by the compile: a plugin swapped out meanwhile is
    // freed with its old code.
    drop(plugin);
    let started = Instant::now();
    let code = job
        .cache
        .compile(&optimised.engine, &job.bytes, &digest)
        .and_then(|component| {
            optimised
                .link(kind, contract, &component)
                .map_err(|(_, e)| e)
        });
    let code = match code {
        Ok(code) => code,
        Err(e) => {
            tracing::error!(plugin = %name, %version, error = %format!("{e:#}"), "optimised compile failed; the plugin stays on baseline code");
            return;
        }
    };
    let Some(plugin) = job.plugin.upgrade() else {
        return;
    };
    plugin.set_code(code);
    tracing::info!(plugin = %name, %version, compile_ms = ms(started.elapsed()), "plugin upgraded to optimised code");
}

/// Hand the memory the compilers freed back to the system once the last
/// queued upgrade is done. A compile allocates tens of MiB on its threads
/// (start-up's parallel compiles, then this one), and glibc keeps what
/// they free in per-thread arenas: without a trim the host stayed ~70 MiB
/// above its live heap for good ("Peak memory" in BENCHMARKS.md). The
/// `agent-store` binary allocates with mimalloc, which hands freed pages
/// back by itself; the trim still serves glibc's own heap there (SQLite's
/// C allocations) and every program that embeds the host on the system
/// allocator (tests).
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: malloc_trim only walks the allocator's own free lists;
        // it takes no pointer and is safe to call from any thread.
        let released = unsafe { libc::malloc_trim(0) };
        tracing::debug!(
            released = released == 1,
            "freed compiler memory handed back"
        );
    }
}

fn ms(d: Duration) -> u64 {
    d.as_millis() as u64
}

/// The upgrade thread's name (what `top -H` and the tests see).
const UPGRADE_THREAD: &str = "wasm-upgrade";

/// Schedule the calling thread as batch work (Linux `SCHED_BATCH`, normal
/// weight): a customer's turn that wakes up is never preempted by it, yet
/// it keeps its fair share of a core, so an upgrade finishes even while
/// turns keep every core busy. It used to run at nice 19, which under
/// sustained load got ~1 % of a core: plugins stayed on baseline code for
/// minutes, exactly when optimised code matters most. One thread compiles,
/// so upgrades never take more than one core.
#[cfg(target_os = "linux")]
fn schedule_as_batch() {
    let param = libc::sched_param { sched_priority: 0 };
    // SAFETY: a plain syscall on the calling thread (pid 0) with a valid
    // parameter; SCHED_BATCH needs no privilege.
    let result = unsafe { libc::sched_setscheduler(0, libc::SCHED_BATCH, &param) };
    if result != 0 {
        tracing::debug!(error = %std::io::Error::last_os_error(), "the upgrade thread keeps the normal policy");
    }
}

#[cfg(not(target_os = "linux"))]
fn schedule_as_batch() {}

#[cfg(target_os = "linux")]
fn thread_id() -> i32 {
    // SAFETY: gettid has no preconditions.
    unsafe { libc::gettid() }
}

#[cfg(not(target_os = "linux"))]
fn thread_id() -> i32 {
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plugins::PluginsConfig;

    #[test]
    fn the_compiler_is_read_from_the_plugins_section() {
        let default: PluginsConfig = toml::from_str("").expect("empty");
        assert_eq!(default.compiler, Compiler::Tiered);
        for (text, want) in [
            ("tiered", Compiler::Tiered),
            ("optimised", Compiler::Optimised),
            ("baseline", Compiler::Baseline),
        ] {
            let c: PluginsConfig =
                toml::from_str(&format!("compiler = \"{text}\"")).expect("parses");
            assert_eq!(c.compiler, want);
            assert_eq!(want.as_str(), text);
        }
        assert!(toml::from_str::<PluginsConfig>("compiler = \"fast\"").is_err());
    }

    /// Upgrades must not starve under load (nice 19 did): the thread is
    /// batch work at the normal weight.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_upgrade_thread_is_batch_work_at_normal_weight() {
        use crate::plugins::{Runtime, TurnLimits};
        let tiered = Runtime::with_compiler(TurnLimits::default(), Compiler::Tiered).expect("rt");
        let tid = tiered
            .upgrade_thread()
            .expect("a tiered runtime runs an upgrade thread");
        let comm = std::fs::read_to_string(format!("/proc/self/task/{tid}/comm")).expect("comm");
        assert_eq!(comm.trim(), UPGRADE_THREAD);
        // SAFETY: read-only syscalls on a live thread of this process (the
        // runtime, which owns it, is alive).
        let (policy, nice) = unsafe {
            (
                libc::sched_getscheduler(tid),
                libc::getpriority(libc::PRIO_PROCESS, tid as libc::id_t),
            )
        };
        assert_eq!(policy, libc::SCHED_BATCH);
        assert_eq!(nice, 0);
    }

    #[test]
    fn only_a_tiered_runtime_has_a_baseline_engine_and_upgrades() {
        use crate::plugins::{Runtime, TurnLimits};
        let tiered = Runtime::with_compiler(TurnLimits::default(), Compiler::Tiered).expect("rt");
        assert_eq!(tiered.compiler(), Compiler::Tiered);
        let quick = tiered.quick_engine().expect("a baseline engine");
        assert!(!Engine::same(quick, tiered.engine()), "one engine per tier");
        assert!(tiered.hold_upgrades().is_some());
        for compiler in [Compiler::Optimised, Compiler::Baseline] {
            let rt = Runtime::with_compiler(TurnLimits::default(), compiler).expect("rt");
            assert!(rt.quick_engine().is_none() && rt.hold_upgrades().is_none());
            assert_eq!(rt.upgrades_pending(), 0);
        }
    }
}
