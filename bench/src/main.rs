//! `agent-store-bench`: the end-to-end load benchmark (see BENCHMARKS.md).
//!
//! The systems under load run as child processes of this executable
//! (`serve-host`: the real host's `serve`; `baseline`: the bare handler),
//! so their CPU and memory are measured apart from the load generator's.

use std::path::PathBuf;
use std::time::Duration;

use agent_store_bench::{
    Backend, Options, Placement, StoreFiles, System, Telemetry, ack, report, run_case,
};
use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};

/// The host's allocator ([`agent_store::Allocator`]): the store runs as a
/// child process of this executable, so it allocates as `agent-store` does.
#[global_allocator]
static ALLOCATOR: agent_store::Allocator = agent_store::Allocator {};

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
    /// The store's telemetry; several (comma-separated) run the store once
    /// each, in that order: off (no metrics recorded, no traces), metrics
    /// (recorded and scraped, the default), traces (metrics, and every
    /// span exported to a local OTLP/HTTP receiver).
    #[arg(long, value_enum, value_delimiter = ',', default_value = "metrics")]
    telemetry: Vec<TelemetryArg>,
    /// How often the bench scrapes /metrics while metrics are on.
    #[arg(long, default_value = "5s", value_parser = parse_duration)]
    scrape_every: Duration,
    /// Store hosts on one PostgreSQL database and RabbitMQ (with
    /// `--backend amqp-pg`); webhooks go to each in turn.
    #[arg(long, default_value_t = 1)]
    hosts: usize,
}

#[derive(Clone, Copy, ValueEnum)]
enum BackendArg {
    Sqlite,
    AmqpPg,
    Both,
}

#[derive(Clone, Copy, ValueEnum)]
enum TelemetryArg {
    Off,
    Metrics,
    Traces,
}

impl From<TelemetryArg> for Telemetry {
    fn from(t: TelemetryArg) -> Self {
        match t {
            TelemetryArg::Off => Telemetry::Off,
            TelemetryArg::Metrics => Telemetry::Metrics,
            TelemetryArg::Traces => Telemetry::Traces,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum AckBackendArg {
    Sqlite,
    AmqpPg,
}

#[derive(Subcommand)]
enum Command {
    /// Time the acknowledgement of one large signed delivery (10,000 text
    /// messages and one malformed) by a freshly started host, repeated.
    Ack {
        /// Text messages in the delivery (one malformed is added).
        #[arg(long, default_value_t = 10_000)]
        messages: usize,
        /// Customers the messages come from.
        #[arg(long, default_value_t = 1000)]
        customers: usize,
        /// Repetitions (a new host on an empty database each).
        #[arg(long, default_value_t = 5)]
        repetitions: usize,
        #[arg(long, value_enum, default_value = "sqlite")]
        backend: AckBackendArg,
        /// Installed plugins to use (default: build them into target/bench-plugins).
        #[arg(long)]
        plugins: Option<PathBuf>,
    },
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
        Some(Command::Ack {
            messages,
            customers,
            repetitions,
            backend,
            plugins,
        }) => {
            let files = store_files(plugins)?;
            let o = ack::AckOptions {
                messages,
                customers,
                repetitions: repetitions.max(1),
                backend: match backend {
                    AckBackendArg::Sqlite => Backend::Sqlite,
                    AckBackendArg::AmqpPg => Backend::AmqpPg,
                },
                amqp_url: Options::new(files.clone()).amqp_url,
                files,
            };
            let runs = ack::run(&o).await?;
            let (p50, max) = ack::summary(&runs);
            println!(
                "a delivery of {} text messages + 1 malformed ({} bytes), {}: acknowledged p50 {:.1} ms, max {:.1} ms over {} runs",
                o.messages,
                runs.first().map_or(0, |r| r.bytes),
                o.backend.label(),
                p50.as_secs_f64() * 1000.0,
                max.as_secs_f64() * 1000.0,
                runs.len()
            );
            println!("| run | status | acknowledged in | load average (1/5/15 min) before |");
            println!("| ---: | ---: | ---: | --- |");
            for (i, r) in runs.iter().enumerate() {
                println!(
                    "| {} | {} | {:.1} ms | {} |",
                    i + 1,
                    r.status,
                    r.took.as_secs_f64() * 1000.0,
                    r.loadavg
                );
            }
            if runs.iter().any(|r| r.status != 200) {
                bail!("a delivery was not acknowledged with 200");
            }
            Ok(())
        }
        None => bench(cli.run).await,
    }
}

/// The workspace and the installed plugins (built when not given).
fn store_files(plugins: Option<PathBuf>) -> anyhow::Result<StoreFiles> {
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .context("the workspace root")?
        .to_path_buf();
    let plugins = match plugins {
        Some(p) => p,
        None => {
            let dir = workspace.join("target/bench-plugins");
            eprintln!("building the plugins into {}", dir.display());
            agent_store::devkit::build::build_and_install(&workspace, &dir)?;
            dir
        }
    };
    Ok(StoreFiles { plugins, workspace })
}

async fn bench(a: RunArgs) -> anyhow::Result<()> {
    let mut o = Options::new(store_files(a.plugins)?);
    o.scrape_every = a.scrape_every;
    o.customers = a.customers;
    o.duration = a.messages.is_none().then_some(a.duration);
    o.messages = a.messages;
    o.think = (a.think_min, a.think_max.max(a.think_min));
    o.bad_ratio = a.bad_ratio;
    o.numbers = a.numbers;
    o.pace_per_second = a.pace;
    o.placement = Placement::ChildProcess;
    o.hosts = a.hosts.max(1);
    if o.hosts > 1 && !matches!(a.backend, BackendArg::AmqpPg) {
        bail!("--hosts {} needs --backend amqp-pg", o.hosts);
    }
    let mut systems = Vec::new();
    if !a.no_baseline {
        systems.push((System::Baseline, Telemetry::Off));
    }
    let backends = match a.backend {
        BackendArg::Sqlite => vec![Backend::Sqlite],
        BackendArg::AmqpPg => vec![Backend::AmqpPg],
        BackendArg::Both => vec![Backend::Sqlite, Backend::AmqpPg],
    };
    for b in backends {
        for t in &a.telemetry {
            systems.push((System::Store(b), Telemetry::from(*t)));
        }
    }
    let mut reports = Vec::new();
    for (system, telemetry) in systems {
        o.telemetry = telemetry;
        eprintln!("running: {} ({})", system.label(), telemetry.label());
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
