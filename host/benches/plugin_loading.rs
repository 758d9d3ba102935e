//! Plugin loading benchmark: start-up with the six real plugins compiled
//! cold (one component after the other, as before, and several at once)
//! versus deserialized from the compiled-component cache, and the latency
//! of a hot swap (upload: compile + link + smoke turn + swap) and of a
//! rollback (from the cache). While the swap runs, a customer keeps taking
//! turns with the seller being swapped: the time those turns wait for the
//! swap (looking up the plugin to call) is measured apart from the compile.
//!
//! ```text
//! cargo bench -p agent-store --bench plugin_loading
//! PLUGIN_BENCH_RUNS=10 cargo bench -p agent-store --bench plugin_loading
//! ```
//!
//! Builds the plugins from `plugins/` first (like `agent-store plugin build`).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use agent_store::catalog::Catalog;
use agent_store::db::Db;
use agent_store::llm::{Llm, LlmConfig};
use agent_store::plugins::{Plugins, PluginsOptions, Runtime, Services, Source, TurnLimits, wit};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf()
}

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
    let db = Db::connect("", data.path()).await?;
    let catalog = Catalog::open(db, data.path()).await?;
    catalog
        .import_csv_file(&workspace().join("catalog/products.csv"))
        .await?;
    let prompts = agent_store::llm::Prompts::load(&workspace().join("prompts"));
    let routing = agent_store::routing::Vocabulary::new(catalog.clone(), &prompts);
    let services = Services {
        catalog,
        conversations: None,
        carts: None,
        llm: Llm::new(&LlmConfig::default())?,
        routing: routing.clone(),
        prompts,
        values: Arc::default(),
        brands: Arc::new(routing),
        seen: Default::default(),
        tape: Default::default(),
    };

    let (mut cold_one, mut cold, mut warm, mut swap, mut rollback) =
        (vec![], vec![], vec![], vec![], vec![]);
    let (mut quiet, mut during, mut waits) = (vec![], vec![], vec![]);
    for _ in 0..runs {
        let run = tempfile::tempdir()?;
        let dir = run.path().join("plugins");
        copy_dir(&built, &dir);
        let mut options = PluginsOptions::new(&dir);
        options.cache_dir = Some(run.path().join("cache"));

        // Cold, one component after the other (the start-up before).
        let cache_one = run.path().join("cache-one");
        let mut one = options.clone();
        one.cache_dir = Some(cache_one);
        one.load_threads = 1;
        let t = Instant::now();
        let plugins = Plugins::new(Runtime::new(TurnLimits::default())?, services.clone(), one);
        cold_one.push(t.elapsed());
        assert_eq!(plugins.cache_stats().json()["compiled"], 6);
        drop(plugins);

        let t = Instant::now();
        let plugins = Plugins::new(
            Runtime::new(TurnLimits::default())?,
            services.clone(),
            options.clone(),
        );
        cold.push(t.elapsed());
        assert_eq!(plugins.snapshot().plugins.len(), 6);
        assert_eq!(plugins.cache_stats().json()["compiled"], 6);
        drop(plugins);

        let t = Instant::now();
        let plugins = Arc::new(Plugins::new(
            Runtime::new(TurnLimits::default())?,
            services.clone(),
            options,
        ));
        warm.push(t.elapsed());
        assert_eq!(plugins.cache_stats().json()["hits"], 6);

        let bytes = std::fs::read(dir.join("seller-tech/seller-tech.wasm"))?;
        let manifest = std::fs::read_to_string(dir.join("seller-tech/plugin.toml"))?
            .replace("version = \"0.1.0\"", "version = \"0.1.1\"");
        let source = Source::new(&manifest, bytes)?;
        // A customer talking to the seller: first alone, then during the swap.
        let customer = Customer::start(plugins.clone());
        tokio::time::sleep(Duration::from_millis(300)).await;
        let (q, _) = customer.take();
        quiet.extend(q);
        let t = Instant::now();
        plugins
            .install(source, None)
            .await
            .map_err(|r| anyhow::anyhow!("{r}"))?;
        swap.push(t.elapsed());
        let (d, w) = customer.stop().await;
        during.extend(d);
        waits.extend(w);

        let t = Instant::now();
        plugins.rollback("seller-tech").await?;
        rollback.push(t.elapsed());
    }
    println!("| what | median of {runs} |");
    println!("| --- | ---: |");
    println!(
        "| start-up, 6 plugins, cold, one component at a time (before) | {} |",
        ms(median(cold_one))
    );
    println!(
        "| start-up, 6 plugins, cold, {} components at once | {} |",
        agent_store::plugins::default_load_threads(),
        ms(median(cold))
    );
    println!(
        "| start-up, 6 plugins, from the compiled cache | {} |",
        ms(median(warm))
    );
    println!(
        "| hot swap of a seller (compile + link + smoke turn + swap) | {} |",
        ms(median(swap))
    );
    println!(
        "| rollback of a seller (from the cache) | {} |",
        ms(median(rollback))
    );
    println!();
    println!("| a seller's turns (all runs) | turns | p50 | p99 | max |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for (label, v) in [
        ("turn, no swap running", quiet),
        ("turn, during the swap", during),
        ("wait for the swap (plugin lookup) during the swap", waits),
    ] {
        println!(
            "| {label} | {} | {} | {} | {} |",
            v.len(),
            us(percentile(&v, 0.5)),
            us(percentile(&v, 0.99)),
            us(percentile(&v, 1.0)),
        );
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
