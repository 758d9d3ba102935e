//! The system under load: the real host (`agent-store serve` with a
//! generated config) or the baseline (a bare axum handler), either as a
//! child process of its own (the benchmark: its CPU and memory are its own)
//! or inside the calling process (the regression test).

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use agent_store::app::{App, Options};
use agent_store::config::Config;
use agent_store::db::testing::TestPostgres;
use agent_store::whatsapp::NumberConfig;
use anyhow::{Context, bail};
use tokio::time::Instant;

use crate::baseline;

/// Where the store keeps its conversations and carries its events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// In-process event bus, embedded SQLite.
    Sqlite,
    /// RabbitMQ event bus, PostgreSQL.
    AmqpPg,
}

impl Backend {
    pub fn label(self) -> &'static str {
        match self {
            Backend::Sqlite => "in-process + SQLite",
            Backend::AmqpPg => "RabbitMQ + PostgreSQL",
        }
    }
}

/// What answers the webhooks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum System {
    Store(Backend),
    /// Signature check, payload parse, a read receipt and a text reply.
    Baseline,
}

impl System {
    pub fn label(self) -> String {
        match self {
            System::Store(b) => format!("store, {}", b.label()),
            System::Baseline => "baseline: bare axum handler".into(),
        }
    }
}

/// How the system under load is run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// A child process: this executable re-run as `serve-host`/`baseline`.
    ChildProcess,
    /// Inside this process (tests; CPU and memory include the load).
    InProcess,
}

/// What the store needs from the workspace.
#[derive(Debug, Clone)]
pub struct StoreFiles {
    /// Installed wasm plugins.
    pub plugins: PathBuf,
    /// The repository root (prompts, demo catalog).
    pub workspace: PathBuf,
}

/// What the store records and exports while measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Telemetry {
    /// `telemetry.metrics = false`, no traces.
    Off,
    /// Metrics recorded and scraped (the default config), no traces.
    #[default]
    Metrics,
    /// Metrics, and every span exported to a local OTLP/HTTP receiver.
    Traces,
}

impl Telemetry {
    pub fn label(self) -> &'static str {
        match self {
            Telemetry::Off => "metrics off, traces off",
            Telemetry::Metrics => "metrics on, traces off",
            Telemetry::Traces => "metrics on, traces on",
        }
    }
}

/// The bearer token the bench's scraper sends to `GET /metrics`.
pub const METRICS_TOKEN: &str = "bench-metrics-token";

/// Settings shared by every system of a run.
#[derive(Debug, Clone)]
pub struct Setup {
    pub secret: String,
    pub graph_url: String,
    pub numbers: Vec<String>,
    /// Messages per second per business number the host may send.
    pub pace_per_second: f64,
    pub amqp_url: String,
    pub telemetry: Telemetry,
    /// The OTLP/HTTP receiver's base URL ([`Telemetry::Traces`]).
    pub otlp_url: Option<String>,
    /// `server.body_limit_bytes` when not the default.
    pub body_limit: Option<usize>,
    /// Hosts serving the store (RabbitMQ + PostgreSQL, child processes
    /// only): more than one share the database and the bus prefix, and the
    /// load is spread over them as a load balancer would.
    pub hosts: usize,
}

/// A started system.
pub struct Running {
    /// The first host's webhook URL.
    pub webhook_url: String,
    /// Every host's webhook URL (the first one first).
    pub webhook_urls: Vec<String>,
    /// Every host's process (the first one first).
    pub pids: Vec<u32>,
    /// `http://host:port` of the system.
    pub base_url: String,
    /// The process whose CPU and memory are measured.
    pub pid: u32,
    pub body_limit: usize,
    child: Option<tokio::process::Child>,
    app: Option<App>,
    baseline: Option<tokio::task::JoinHandle<()>>,
    data: tempfile::TempDir,
    /// Hosts after the first (`Setup::hosts`), each with its data dir.
    peers: Vec<(tokio::process::Child, tempfile::TempDir)>,
    _pg: Option<TestPostgres>,
}

/// The host's configuration for a bench run.
pub fn store_config(setup: &Setup, files: &StoreFiles, data_dir: &Path) -> Config {
    let mut c = Config {
        data_dir: data_dir.to_path_buf(),
        ..Config::default()
    };
    c.server.bind = "127.0.0.1:0".parse().expect("a literal address");
    c.whatsapp.app_secret = setup.secret.clone();
    c.whatsapp.verify_token = "bench".into();
    c.whatsapp.access_token = "bench-token".into();
    c.whatsapp.graph_base_url = setup.graph_url.clone();
    c.whatsapp.phone_number_id = setup.numbers.first().cloned().unwrap_or_default();
    c.whatsapp.numbers = setup
        .numbers
        .iter()
        .map(|n| NumberConfig {
            phone_number_id: n.clone(),
            display_phone_number: n.clone(),
            brand: None,
        })
        .collect();
    // Meta's highest tier: the host, not the pacing, is measured.
    c.whatsapp.pace_per_second = setup.pace_per_second;
    c.whatsapp.pace_burst = 100;
    c.admin.token = "bench-admin".into();
    c.plugins.dir = Some(files.plugins.clone());
    c.plugins.prompts_dir = Some(files.workspace.join("prompts"));
    c.catalog.seed_feed = Some(files.workspace.join("catalog/products.csv"));
    c.log.filter = "warn".into();
    c.telemetry.metrics_token = METRICS_TOKEN.into();
    c.telemetry.metrics = setup.telemetry != Telemetry::Off;
    if setup.telemetry == Telemetry::Traces {
        c.telemetry.otlp_endpoint = setup.otlp_url.clone().unwrap_or_default();
    }
    if let Some(limit) = setup.body_limit {
        c.server.body_limit_bytes = limit;
    }
    c
}

/// Start `system`.
pub async fn start(
    system: System,
    placement: Placement,
    setup: &Setup,
    files: &StoreFiles,
) -> anyhow::Result<Running> {
    // AGENT_STORE_BENCH_KEEP=1 keeps the host's data directory (its
    // database) after the run, to look at what it stored.
    let keep = std::env::var_os("AGENT_STORE_BENCH_KEEP").is_some();
    let data = tempfile::Builder::new().disable_cleanup(keep).tempdir()?;
    if keep {
        eprintln!(
            "the host's data directory (kept): {}",
            data.path().display()
        );
    }
    match system {
        System::Store(backend) => start_store(backend, placement, setup, files, data).await,
        System::Baseline => start_baseline(placement, setup, data).await,
    }
}

async fn start_store(
    backend: Backend,
    placement: Placement,
    setup: &Setup,
    files: &StoreFiles,
    data: tempfile::TempDir,
) -> anyhow::Result<Running> {
    let mut config = store_config(setup, files, data.path());
    let pg = match backend {
        Backend::Sqlite => None,
        Backend::AmqpPg => {
            let pg = TestPostgres::create()
                .await
                .context("a PostgreSQL server for --backend amqp-pg")?;
            config.database.url = pg.url().to_string();
            config.bus.backend = "amqp".into();
            config.bus.amqp_url = setup.amqp_url.clone();
            config.bus.prefix = format!("bench-{}", uuid::Uuid::new_v4().simple());
            config.bus.queue_expires_ms = 60_000;
            Some(pg)
        }
    };
    let body_limit = config.server.body_limit_bytes;
    match placement {
        Placement::InProcess => {
            let app = App::start(config, Options::default()).await?;
            Ok(Running {
                webhook_url: format!("{}/webhooks/whatsapp", app.url()),
                webhook_urls: vec![format!("{}/webhooks/whatsapp", app.url())],
                pids: vec![std::process::id()],
                peers: Vec::new(),
                base_url: app.url(),
                pid: std::process::id(),
                body_limit,
                child: None,
                app: Some(app),
                baseline: None,
                data,
                _pg: pg,
            })
        }
        Placement::ChildProcess => {
            let port = free_port()?;
            config.server.bind = format!("127.0.0.1:{port}").parse()?;
            let path = data.path().join("bench.toml");
            std::fs::write(&path, toml::to_string(&config)?)?;
            let args = vec![
                "serve-host".to_string(),
                "--config".into(),
                path.display().to_string(),
            ];
            let base = format!("http://127.0.0.1:{port}");
            let child = spawn_self(&args, data.path())?;
            let pid = child.id().context("the host exited at once")?;
            let mut running = Running {
                webhook_url: format!("{base}/webhooks/whatsapp"),
                webhook_urls: vec![format!("{base}/webhooks/whatsapp")],
                pids: vec![pid],
                peers: Vec::new(),
                base_url: base.clone(),
                pid,
                body_limit,
                child: Some(child),
                app: None,
                baseline: None,
                data,
                _pg: pg,
            };
            running.wait_ready(&format!("{base}/readyz")).await?;
            if backend == Backend::AmqpPg {
                // The first host migrated the database and declared the
                // topology; the others join it.
                for _ in 1..setup.hosts.max(1) {
                    running.add_peer(&config).await?;
                }
            } else if setup.hosts > 1 {
                bail!("--hosts needs --backend amqp-pg (hosts share PostgreSQL and RabbitMQ)");
            }
            Ok(running)
        }
    }
}

async fn start_baseline(
    placement: Placement,
    setup: &Setup,
    data: tempfile::TempDir,
) -> anyhow::Result<Running> {
    let body_limit = baseline::BODY_LIMIT;
    match placement {
        Placement::InProcess => {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
            let addr = listener.local_addr()?;
            let app = baseline::router(&setup.secret, &setup.graph_url)?;
            let task = tokio::spawn(async move {
                let _ = axum::serve(listener, app).await;
            });
            Ok(Running {
                webhook_url: format!("http://{addr}/webhooks/whatsapp"),
                webhook_urls: vec![format!("http://{addr}/webhooks/whatsapp")],
                pids: vec![std::process::id()],
                peers: Vec::new(),
                base_url: format!("http://{addr}"),
                pid: std::process::id(),
                body_limit,
                child: None,
                app: None,
                baseline: Some(task),
                data,
                _pg: None,
            })
        }
        Placement::ChildProcess => {
            let port = free_port()?;
            let args = vec![
                "baseline".to_string(),
                "--bind".into(),
                format!("127.0.0.1:{port}"),
                "--graph".into(),
                setup.graph_url.clone(),
                "--secret".into(),
                setup.secret.clone(),
            ];
            let base = format!("http://127.0.0.1:{port}");
            let child = spawn_self(&args, data.path())?;
            let pid = child.id().context("the baseline exited at once")?;
            let running = Running {
                webhook_url: format!("{base}/webhooks/whatsapp"),
                webhook_urls: vec![format!("{base}/webhooks/whatsapp")],
                pids: vec![pid],
                peers: Vec::new(),
                base_url: base.clone(),
                pid,
                body_limit,
                child: Some(child),
                app: None,
                baseline: None,
                data,
                _pg: None,
            };
            running.wait_ready(&format!("{base}/healthz")).await?;
            Ok(running)
        }
    }
}

/// A port free now (the child binds it a moment later).
fn free_port() -> anyhow::Result<u16> {
    let l = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(l.local_addr()?.port())
}

/// This executable again, with `args`; its output goes to `dir/process.log`.
///
/// `AGENT_STORE_BENCH_WRAPPER` (e.g. `heaptrack -o /tmp/host`) runs the
/// child under a profiler: for attributing memory or CPU only, since the
/// CPU and RSS the bench reads are then the wrapper's process's. This
/// executable allocates with mimalloc, so heaptrack (which hooks glibc's
/// malloc) sees only the C libraries' heap (SQLite's); `perf` or
/// `bench/rss_split.py` still see everything.
fn spawn_self(args: &[String], dir: &Path) -> anyhow::Result<tokio::process::Child> {
    let exe = std::env::current_exe()?;
    let log = std::fs::File::create(dir.join("process.log"))?;
    let wrapper = std::env::var("AGENT_STORE_BENCH_WRAPPER").unwrap_or_default();
    let mut wrapper = wrapper.split_whitespace();
    let mut command = match wrapper.next() {
        Some(program) => {
            let mut c = tokio::process::Command::new(program);
            c.args(wrapper).arg(exe);
            c
        }
        None => tokio::process::Command::new(exe),
    };
    let child = command
        .args(args)
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        .kill_on_drop(true)
        .spawn()?;
    Ok(child)
}

impl Running {
    /// Start one more host like the first (`config`) in a data directory
    /// of its own, and wait until it is ready.
    async fn add_peer(&mut self, config: &Config) -> anyhow::Result<()> {
        let data = tempfile::tempdir()?;
        let mut config = config.clone();
        config.data_dir = data.path().to_path_buf();
        let port = free_port()?;
        config.server.bind = format!("127.0.0.1:{port}").parse()?;
        let path = data.path().join("bench.toml");
        std::fs::write(&path, toml::to_string(&config)?)?;
        let args = vec![
            "serve-host".to_string(),
            "--config".into(),
            path.display().to_string(),
        ];
        let base = format!("http://127.0.0.1:{port}");
        let child = spawn_self(&args, data.path())?;
        self.pids.push(child.id().context("a host exited at once")?);
        self.webhook_urls.push(format!("{base}/webhooks/whatsapp"));
        self.peers.push((child, data));
        let http = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            if let Ok(r) = http.get(format!("{base}/readyz")).send().await
                && r.status().is_success()
            {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        bail!("host {} not ready within 120 s", self.pids.len())
    }

    /// Poll `url` until it answers 200 (bounded: plugins compile first).
    async fn wait_ready(&self, url: &str) -> anyhow::Result<()> {
        let http = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            if let Ok(r) = http.get(url).send().await
                && r.status().is_success()
            {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        bail!(
            "{url} not ready within 120 s; its log:\n{}",
            self.log_tail()
        )
    }

    /// The end of the child's log (for errors).
    pub fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(self.data.path().join("process.log")).unwrap_or_default();
        let start = log.len().saturating_sub(4000);
        log.get(start..).unwrap_or_default().to_string()
    }

    /// Stop the system (SIGTERM to a child, then wait).
    /// Outbound messages the store recorded as sent to the Graph API (one
    /// row per outbound message id, with the wamid the Graph API answered):
    /// the exact count of distinct messages it sent. Read after
    /// [`Self::stop`], so no send is in flight.
    pub async fn stored_sends(&self) -> anyhow::Result<u64> {
        let url = self._pg.as_ref().map_or("", |p| p.url());
        let db = agent_store::db::Db::connect(url, self.data.path())
            .await
            .context("opening the store's database after the run")?;
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM messages WHERE direction = 'out' AND wamid IS NOT NULL",
        )
        .fetch_one(&db.pool)
        .await
        .context("counting the store's sent messages")?;
        db.pool.close().await;
        Ok(u64::try_from(n).unwrap_or_default())
    }

    pub async fn stop(&mut self) {
        for (child, _) in std::mem::take(&mut self.peers) {
            stop_child(child).await;
        }
        if let Some(app) = self.app.take() {
            app.shutdown().await;
        }
        if let Some(task) = self.baseline.take() {
            task.abort();
        }
        if let Some(child) = self.child.take() {
            stop_child(child).await;
        }
    }
}

/// SIGTERM, then wait (SIGKILL after 30 s).
async fn stop_child(mut child: tokio::process::Child) {
    if let Some(pid) = child.id().and_then(|p| i32::try_from(p).ok()) {
        // SAFETY: signalling our own child by its pid.
        unsafe {
            libc::kill(pid, libc::SIGTERM);
        }
    }
    if tokio::time::timeout(Duration::from_secs(30), child.wait())
        .await
        .is_err()
    {
        let _ = child.kill().await;
    }
}
