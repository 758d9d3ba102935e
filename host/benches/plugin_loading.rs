//! Plugin loading benchmark: start-up with the six real plugins compiled
//! cold with Cranelift only (one component after the other, and several at
//! once: the paths before tiers) and tiered (serving on Winch's baseline
//! code, optimised in the background), versus deserialized from the
//! compiled-component cache; the latency of a hot swap (upload: compile +
//! link + smoke turn + swap) with Cranelift only and tiered, and of a
//! rollback (from the cache). While a swap runs, a customer keeps taking
//! turns with the seller being swapped: the time those turns wait for the
//! swap (looking up the plugin to call) is measured apart from the compile.
//! Last, one turn's cost on each tier, and the compile time alone of the
//! six components with each compiler setting.
//!
//! ```text
//! cargo bench -p agent-store --bench plugin_loading
//! PLUGIN_BENCH_RUNS=10 cargo bench -p agent-store --bench plugin_loading
//! ```
//!
//! Builds the plugins from `plugins/` first (like `agent-store plugin build`).

mod support;

use support::workspace;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use agent_store::llm::{Llm, LlmConfig};
use agent_store::plugins::{
    Compiler, Plugins, PluginsOptions, Runtime, Source, Tier, TurnLimits, wit,
};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read") {
        let e = e.expect("entry");
        if e.path().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
        }
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> anyhow::Result<()> {
    let runs: usize = std::env::var("PLUGIN_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let built = workspace().join("target/bench-plugins");
    agent_store::devkit::build::build_and_install(&workspace(), &built)?;
    let data = tempfile::tempdir()?;
    let services =
        support::demo_services(&workspace(), data.path(), Llm::new(&LlmConfig::default())?).await?;

    let limits = TurnLimits::default();
    let mut t = Timings::default();
    for _ in 0..runs {
        let run = tempfile::tempdir()?;
        let dir = run.path().join("plugins");
        copy_dir(&built, &dir);
        let mut options = PluginsOptions::new(&dir);
        options.cache_dir = Some(run.path().join("cache"));

        // Cold, Cranelift only, one component after the other (the first
        // start-up), then several at once (the start-up before tiers).
        let mut one = options.clone();
        one.cache_dir = Some(run.path().join("cache-one"));
        one.load_threads = 1;
        let started = Instant::now();
        let plugins = Plugins::new(Runtime::new(limits)?, services.clone(), one);
        t.cold_one.push(started.elapsed());
        assert_eq!(plugins.cache_stats().json()["compiled"], 6);
        drop(plugins);

        let mut optimised = options.clone();
        optimised.cache_dir = Some(run.path().join("cache-optimised"));
        let started = Instant::now();
        let plugins = Plugins::new(Runtime::new(limits)?, services.clone(), optimised.clone());
        t.cold.push(started.elapsed());
        assert_eq!(plugins.snapshot().plugins.len(), 6);
        assert_eq!(plugins.cache_stats().json()["compiled"], 6);
        drop(plugins);

        // Cold, tiered: serving on baseline code, then optimised in the
        // background (which writes the cache the next starts read).
        let started = Instant::now();
        let plugins = Plugins::new(
            Runtime::with_compiler(limits, Compiler::Tiered)?,
            services.clone(),
            options.clone(),
        );
        t.tiered.push(started.elapsed());
        assert_eq!(plugins.snapshot().plugins.len(), 6);
        assert_eq!(plugins.cache_stats().json()["baseline"], 6);
        plugins.runtime().upgrades_done().await;
        t.tiered_optimised.push(started.elapsed());
        assert_eq!(plugins.cache_stats().json()["stored"], 6);
        drop(plugins);

        // Hot swaps, Cranelift only and tiered, each with a customer taking
        // turns with the seller being swapped.
        let plugins = Arc::new(Plugins::new(
            Runtime::new(limits)?,
            services.clone(),
            optimised,
        ));
        assert_eq!(plugins.cache_stats().json()["hits"], 6);
        let (swap, _) = swap_seller(
            &plugins,
            &dir,
            "0.1.1",
            &mut t.during_optimised,
            &mut t.waits_optimised,
        )
        .await?;
        t.swap_optimised.push(swap);
        drop(plugins);

        let started = Instant::now();
        let plugins = Arc::new(Plugins::new(
            Runtime::with_compiler(limits, Compiler::Tiered)?,
            services.clone(),
            options.clone(),
        ));
        t.warm.push(started.elapsed());
        assert_eq!(plugins.cache_stats().json()["hits"], 6);
        let customer = Customer::start(plugins.clone());
        tokio::time::sleep(Duration::from_millis(300)).await;
        t.quiet.extend(customer.take().0);
        customer.stop().await;
        let (swap, optimised_after) =
            swap_seller(&plugins, &dir, "0.1.2", &mut t.during, &mut t.waits).await?;
        t.swap.push(swap);
        t.swap_optimised_after.push(optimised_after);

        let started = Instant::now();
        plugins.rollback("seller-tech").await?;
        t.rollback.push(started.elapsed());
        drop(plugins);

        // One turn's cost on each tier: upgrades held, then released.
        let mut cold_tiered = options.clone();
        cold_tiered.cache_dir = None;
        let runtime = Runtime::with_compiler(limits, Compiler::Tiered)?;
        let hold = runtime.hold_upgrades();
        let plugins = Arc::new(Plugins::new(runtime, services.clone(), cold_tiered));
        t.turn_baseline
            .extend(turns(&plugins, 20, Tier::Baseline).await);
        drop(hold);
        plugins.runtime().upgrades_done().await;
        t.turn_optimised
            .extend(turns(&plugins, 20, Tier::Optimised).await);
    }
    t.print(runs);
    compilers(&built, runs)?;
    Ok(())
}

/// Everything measured, over all runs.
#[derive(Default)]
struct Timings {
    cold_one: Vec<Duration>,
    cold: Vec<Duration>,
    tiered: Vec<Duration>,
    tiered_optimised: Vec<Duration>,
    warm: Vec<Duration>,
    swap_optimised: Vec<Duration>,
    swap: Vec<Duration>,
    swap_optimised_after: Vec<Duration>,
    rollback: Vec<Duration>,
    quiet: Vec<Duration>,
    during_optimised: Vec<Duration>,
    waits_optimised: Vec<Duration>,
    during: Vec<Duration>,
    waits: Vec<Duration>,
    turn_baseline: Vec<Duration>,
    turn_optimised: Vec<Duration>,
}

impl Timings {
    fn print(self, runs: usize) {
        let threads = agent_store::plugins::default_load_threads();
        println!("| what | median of {runs} |");
        println!("| --- | ---: |");
        for (label, v) in [
            ("start-up, 6 plugins, cold, Cranelift only, one component at a time".to_string(), self.cold_one),
            (format!("start-up, 6 plugins, cold, Cranelift only, {threads} components at once (before)"), self.cold),
            (format!("start-up, 6 plugins, cold, tiered: serving on baseline (Winch) code, {threads} at once"), self.tiered),
            ("start-up, 6 plugins, cold, tiered: until all run optimised code (background)".to_string(), self.tiered_optimised),
            ("start-up, 6 plugins, from the compiled cache".to_string(), self.warm),
            ("hot swap of a seller, Cranelift only (compile + link + smoke turn + swap; before)".to_string(), self.swap_optimised),
            ("hot swap of a seller, tiered: upload → serving (Winch compile + link + smoke turn + swap)".to_string(), self.swap),
            ("hot swap of a seller, tiered: upload → optimised code serving and cached".to_string(), self.swap_optimised_after),
            ("rollback of a seller (from the cache)".to_string(), self.rollback),
        ] {
            println!("| {label} | {} |", ms(median(v)));
        }
        println!();
        println!("| a seller's turns (all runs) | turns | p50 | p99 | max |");
        println!("| --- | ---: | ---: | ---: | ---: |");
        for (label, v) in [
            ("turn, no swap running", self.quiet),
            ("turn, during a Cranelift-only swap", self.during_optimised),
            (
                "wait for the swap (plugin lookup), Cranelift-only swap",
                self.waits_optimised,
            ),
            ("turn, during a tiered swap and its upgrade", self.during),
            ("wait for the swap (plugin lookup), tiered swap", self.waits),
            ("turn on baseline (Winch) code, no swap", self.turn_baseline),
            (
                "turn on optimised (Cranelift) code, no swap",
                self.turn_optimised,
            ),
        ] {
            println!(
                "| {label} | {} | {} | {} | {} |",
                v.len(),
                us(percentile(&v, 0.5)),
                us(percentile(&v, 0.99)),
                us(percentile(&v, 1.0)),
            );
        }
    }
}

/// Upload a new version of the tech seller while a customer takes turns
/// with it: the install's time (upload → serving) and the time until its
/// optimised code serves (the same for a Cranelift-only runtime).
async fn swap_seller(
    plugins: &Arc<Plugins>,
    dir: &Path,
    version: &str,
    during: &mut Vec<Duration>,
    waits: &mut Vec<Duration>,
) -> anyhow::Result<(Duration, Duration)> {
    let bytes = std::fs::read(dir.join("seller-tech/seller-tech.wasm"))?;
    let manifest = std::fs::read_to_string(dir.join("seller-tech/plugin.toml"))?
        .replace("version = \"0.1.0\"", &format!("version = \"{version}\""));
    let source = Source::new(&manifest, bytes)?;
    let customer = Customer::start(plugins.clone());
    tokio::time::sleep(Duration::from_millis(100)).await;
    customer.take();
    let started = Instant::now();
    plugins
        .install(source, None)
        .await
        .map_err(|r| anyhow::anyhow!("{r}"))?;
    let swap = started.elapsed();
    plugins.runtime().upgrades_done().await;
    let optimised = started.elapsed();
    let (d, w) = customer.stop().await;
    during.extend(d);
    waits.extend(w);
    Ok((swap, optimised))
}

/// `n` turns with the tech seller, on code of `tier`.
async fn turns(plugins: &Plugins, n: usize, tier: Tier) -> Vec<Duration> {
    let turn = laptop_turn();
    let mut took = Vec::new();
    for _ in 0..n {
        let started = Instant::now();
        let (p, r) = plugins.handle_turn("tech", &turn).await.expect("seller");
        took.push(started.elapsed());
        assert!(r.is_ok() && p.tier() == tier, "{p:?}");
    }
    took
}

/// Compile time alone of the six components, one after the other, with
/// each compiler setting (the same wasm, fresh engines).
fn compilers(built: &Path, runs: usize) -> anyhow::Result<()> {
    use wasmtime::{OptLevel, RegallocAlgorithm, Strategy};
    let wasm: Vec<Vec<u8>> = std::fs::read_dir(built)?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            std::fs::read(e.path().join(format!("{name}.wasm"))).ok()
        })
        .collect();
    assert_eq!(wasm.len(), 6);
    let config = |strategy, opt, regalloc, parallel| {
        let mut c = wasmtime::Config::new();
        c.wasm_component_model(true)
            .epoch_interruption(true)
            .strategy(strategy)
            .cranelift_opt_level(opt)
            .cranelift_regalloc_algorithm(regalloc)
            .parallel_compilation(parallel);
        c
    };
    let (c, w) = (Strategy::Cranelift, Strategy::Winch);
    let (bt, sp) = (
        RegallocAlgorithm::Backtracking,
        RegallocAlgorithm::SinglePass,
    );
    let settings = [
        (
            "Cranelift, opt_level speed, backtracking regalloc (the default)",
            config(c, OptLevel::Speed, bt, true),
        ),
        (
            "Cranelift, default, one thread (the background upgrade)",
            config(c, OptLevel::Speed, bt, false),
        ),
        (
            "Cranelift, opt_level none",
            config(c, OptLevel::None, bt, true),
        ),
        (
            "Cranelift, single-pass regalloc",
            config(c, OptLevel::Speed, sp, true),
        ),
        (
            "Cranelift, opt_level none + single-pass regalloc",
            config(c, OptLevel::None, sp, true),
        ),
        (
            "Winch (baseline; the tiered runtime's first tier)",
            config(w, OptLevel::Speed, bt, true),
        ),
        ("Winch, one thread", config(w, OptLevel::Speed, bt, false)),
        // Winch compiles function bodies; the component's trampolines
        // still go through Cranelift, which this setting reaches.
        (
            "Winch, opt_level none for its Cranelift trampolines",
            config(w, OptLevel::None, bt, true),
        ),
    ];
    println!();
    println!("| compiling the 6 components one after the other | median of {runs} |");
    println!("| --- | ---: |");
    for (label, config) in settings {
        let engine = wasmtime::Engine::new(&config)?;
        let mut took = Vec::new();
        for _ in 0..runs {
            let started = Instant::now();
            for bytes in &wasm {
                wasmtime::component::Component::new(&engine, bytes)?;
            }
            took.push(started.elapsed());
        }
        println!("| {label} | {} |", ms(median(took)));
    }
    Ok(())
}

fn us(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

fn percentile(v: &[Duration], q: f64) -> Duration {
    let mut v = v.to_vec();
    v.sort();
    if v.is_empty() {
        return Duration::ZERO;
    }
    v[((v.len() - 1) as f64 * q).round() as usize]
}

/// One customer taking turns with the tech seller in a loop: each turn's
/// duration, and how long finding the plugin to call took (the only step a
/// swap could hold up: the registry is swapped atomically).
struct Customer {
    stop: Arc<std::sync::atomic::AtomicBool>,
    log: Arc<std::sync::Mutex<(Vec<Duration>, Vec<Duration>)>>,
    task: tokio::task::JoinHandle<()>,
}

impl Customer {
    fn start(plugins: Arc<Plugins>) -> Self {
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let log = Arc::new(std::sync::Mutex::new((Vec::new(), Vec::new())));
        let (s, l) = (stop.clone(), log.clone());
        let task = tokio::spawn(async move {
            let turn = laptop_turn();
            while !s.load(std::sync::atomic::Ordering::Relaxed) {
                let t = Instant::now();
                let found = plugins.snapshot().seller("tech").is_some();
                let wait = t.elapsed();
                let answered = plugins.handle_turn("tech", &turn).await;
                let took = t.elapsed();
                assert!(
                    found && answered.is_some_and(|(_, r)| r.is_ok()),
                    "the seller answers"
                );
                let mut l = l.lock().expect("log");
                l.0.push(took);
                l.1.push(wait);
            }
        });
        Self { stop, log, task }
    }

    /// The turns so far (and forget them).
    fn take(&self) -> (Vec<Duration>, Vec<Duration>) {
        std::mem::take(&mut *self.log.lock().expect("log"))
    }

    async fn stop(mut self) -> (Vec<Duration>, Vec<Duration>) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let _ = (&mut self.task).await;
        self.take()
    }
}

fn laptop_turn() -> wit::Turn {
    wit::Turn {
        conversation_id: "conv-bench".into(),
        customer: wit::Customer {
            wa_id: "15550001111".into(),
            name: None,
        },
        brand: "tech".into(),
        message: wit::InboundMessage {
            id: "wamid.bench".into(),
            timestamp: 0,
            content: wit::MessageContent::Text("hi, I'm looking for a new laptop".into()),
            reply_to: None,
        },
        history: Vec::new(),
        language: "en".into(),
    }
}
