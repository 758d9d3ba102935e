//! Plugin loading benchmark: start-up with the six real plugins compiled
//! cold versus deserialized from the compiled-component cache, and the
//! latency of a hot swap (upload: compile + link + smoke turn + swap) and
//! of a rollback (from the cache).
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
use agent_store::plugins::{Plugins, PluginsOptions, Runtime, Services, Source, TurnLimits};

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
    agent_store::plugins::build::build_and_install(&workspace(), &built)?;
    let data = tempfile::tempdir()?;
    let db = Db::connect("", data.path()).await?;
    let catalog = Catalog::open(db, data.path()).await?;
    catalog
        .import_csv_file(&workspace().join("catalog/products.csv"))
        .await?;
    let services = Services {
        catalog,
        conversations: None,
        carts: None,
        llm: Llm::new(&LlmConfig::default())?,
        prompts: agent_store::llm::Prompts::load(&workspace().join("prompts")),
        values: Arc::default(),
        brands: agent_store::plugins::directory::loaded_brands(),
    };

    let (mut cold, mut warm, mut swap, mut rollback) = (vec![], vec![], vec![], vec![]);
    for _ in 0..runs {
        let run = tempfile::tempdir()?;
        let dir = run.path().join("plugins");
        copy_dir(&built, &dir);
        let mut options = PluginsOptions::new(&dir);
        options.cache_dir = Some(run.path().join("cache"));

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
        let t = Instant::now();
        plugins
            .install(source, None)
            .await
            .map_err(|r| anyhow::anyhow!("{r}"))?;
        swap.push(t.elapsed());

        let t = Instant::now();
        plugins.rollback("seller-tech").await?;
        rollback.push(t.elapsed());
    }
    println!("| what | median of {runs} |");
    println!("| --- | ---: |");
    println!(
        "| start-up, 6 plugins, cold (compile) | {} |",
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
    Ok(())
}
