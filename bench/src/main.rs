//! `agent-store-bench`: the end-to-end load benchmark (see BENCHMARKS.md).
//!
//! The systems under load run as child processes of this executable
//! (`serve-host`: the real host's `serve`; `baseline`: the bare handler),
//! so their CPU and memory are measured apart from the load generator's.

use std::path::PathBuf;
use std::time::Duration;

use agent_store_bench::{Backend, Options, Placement, StoreFiles, System, report, run_case};
use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "agent-store-bench",
    about = "End-to-end load benchmark of the Agent Store"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(clap::Args)]
struct RunArgs {
    /// Simulated customers (each one a conversation at a time).
    #[arg(long, default_value_t = 1000)]
    customers: usize,
    /// Stop starting new messages after this long (e.g. 30s, 2m, 500ms).
    #[arg(long, default_value = "30s", value_parser = parse_duration)]
    duration: Duration,
    /// Messages per customer instead of a duration.
    #[arg(long)]
    messages: Option<usize>,
    /// A customer's pause after a reply, lower bound.
    #[arg(long, default_value = "500ms", value_parser = parse_duration)]
    think_min: Duration,
    /// A customer's pause after a reply, upper bound.
    #[arg(long, default_value = "1500ms", value_parser = parse_duration)]
    think_max: Duration,
    /// Share of bad requests (malformed, oversized, unsigned, forged).
    #[arg(long, default_value_t = 0.03)]
    bad_ratio: f64,
    /// Business numbers the customers write to.
    #[arg(long, default_value_t = 4)]
    numbers: usize,
    /// Messages per second per number the host may send (Meta's top tier).
    #[arg(long, default_value_t = 1000.0)]
    pace: f64,
    /// Which store to run besides the baseline.
    #[arg(long, value_enum, default_value = "sqlite")]
    backend: BackendArg,
    /// Skip the bare-axum baseline.
    #[arg(long)]
    no_baseline: bool,
    /// Installed plugins to use (default: build them into target/bench-plugins).
    #[arg(long)]
    plugins: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum BackendArg {
    Sqlite,
    AmqpPg,
    Both,
}

#[derive(Subcommand)]
enum Command {
    /// (internal) The real host: `agent-store --config FILE serve`.
    #[command(hide = true)]
    ServeHost {
        #[arg(long)]
        config: PathBuf,
    },
    /// (internal) The baseline handler.
    #[command(hide = true)]
    Baseline {
        #[arg(long)]
        bind: String,
        #[arg(long)]
        graph: String,
        #[arg(long)]
        secret: String,
    },
}

fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let (n, unit) = s
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .map(|i| s.split_at(i))
        .unwrap_or((s, "s"));
    let n: f64 = n.parse().map_err(|_| format!("not a duration: {s}"))?;
    let secs = match unit {
        "ms" => n / 1000.0,
        "s" | "" => n,
        "m" => n * 60.0,
        _ => return Err(format!("unknown unit in {s} (ms, s, m)")),
    };
    Ok(Duration::from_secs_f64(secs))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::ServeHost { config }) => {
            let host = agent_store::cli::Cli::parse_from([
                "agent-store".into(),
                "--config".into(),
                config.into_os_string(),
                "serve".into(),
            ]);
            agent_store::cli::run(host).await
        }
        Some(Command::Baseline {
            bind,
            graph,
            secret,
        }) => agent_store_bench::baseline::serve(&bind, &secret, &graph).await,
        None => bench(cli.run).await,
    }
}

async fn bench(a: RunArgs) -> anyhow::Result<()> {
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .context("the workspace root")?
        .to_path_buf();
    let plugins = match a.plugins {
        Some(p) => p,
        None => {
            let dir = workspace.join("target/bench-plugins");
            eprintln!("building the plugins into {}", dir.display());
            agent_store::plugins::build::build_and_install(&workspace, &dir)?;
            dir
        }
    };
    let mut o = Options::new(StoreFiles { plugins, workspace });
    o.customers = a.customers;
    o.duration = a.messages.is_none().then_some(a.duration);
    o.messages = a.messages;
    o.think = (a.think_min, a.think_max.max(a.think_min));
    o.bad_ratio = a.bad_ratio;
    o.numbers = a.numbers;
    o.pace_per_second = a.pace;
    o.placement = Placement::ChildProcess;
    let mut systems = Vec::new();
    if !a.no_baseline {
        systems.push(System::Baseline);
    }
    match a.backend {
        BackendArg::Sqlite => systems.push(System::Store(Backend::Sqlite)),
        BackendArg::AmqpPg => systems.push(System::Store(Backend::AmqpPg)),
        BackendArg::Both => {
            systems.push(System::Store(Backend::Sqlite));
            systems.push(System::Store(Backend::AmqpPg));
        }
    }
    let mut reports = Vec::new();
    for system in systems {
        eprintln!("running: {}", system.label());
        let r = run_case(system, &o).await?;
        println!("{}\n", r.describe());
        reports.push(r);
    }
    println!("{}", report::table(&reports));
    if reports.iter().any(|r| r.lost > 0 || r.duplicated > 0) {
        bail!("replies were lost or duplicated (see above)");
    }
    Ok(())
}
