//! The real `agent-store serve` process as a child of the test (it can be
//! SIGKILLed, unlike a host in the test's own process), a Graph API stand-in
//! that timestamps every message it accepts, signed webhook deliveries, and
//! read access to the host's database. Shared by the crash and bad-storage
//! tests.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use agent_store::config::Config;
use agent_store::whatsapp::signature;
use axum::Json;
use axum::extract::{Path as UrlPath, State};
use axum::routing::post;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::{Connection, Row};

use super::{SECRET, workspace};

// ---------------------------------------------------------------- stand-in

/// One message the Graph API stand-in accepted, and when.
#[derive(Clone, Debug)]
pub struct Sent {
    pub at: Instant,
    /// The business number it was sent from (the URL's phone number id).
    pub phone: String,
    pub body: Value,
    /// The wamid the stand-in answered with.
    pub wamid: String,
}

/// A Graph API stand-in that accepts and timestamps every message.
#[derive(Clone, Default)]
pub struct Graph {
    sent: Arc<Mutex<Vec<Sent>>>,
}

impl Graph {
    pub async fn start() -> (Self, String) {
        let graph = Graph::default();
        let app = axum::Router::new()
            .route("/{version}/{phone}/messages", post(accept))
            .with_state(graph.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the stand-in");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        (graph, url)
    }

    /// The replies (not the read receipts) sent so far.
    pub fn replies(&self) -> Vec<Sent> {
        self.sent
            .lock()
            .expect("lock")
            .iter()
            .filter(|s| s.body.get("status").is_none())
            .cloned()
            .collect()
    }

    /// Replies per customer.
    pub fn by_customer(&self) -> HashMap<String, Vec<Sent>> {
        let mut out: HashMap<String, Vec<Sent>> = HashMap::new();
        for s in self.replies() {
            let to = s.body["to"].as_str().unwrap_or_default().to_string();
            out.entry(to).or_default().push(s);
        }
        out
    }
}

/// Accept a message: its wamid is `wamid.standin<n>`, n counting from 1.
async fn accept(
    State(g): State<Graph>,
    UrlPath((_version, phone)): UrlPath<(String, String)>,
    Json(body): Json<Value>,
) -> Json<Value> {
    let wamid = {
        let mut sent = g.sent.lock().expect("lock");
        let wamid = format!("wamid.standin{}", sent.len() + 1);
        sent.push(Sent {
            at: Instant::now(),
            phone,
            body: body.clone(),
            wamid: wamid.clone(),
        });
        wamid
    };
    Json(json!({
        "messaging_product": "whatsapp",
        "contacts": [{"input": body["to"], "wa_id": body["to"]}],
        "messages": [{"id": wamid}]
    }))
}

// ---------------------------------------------------------------- the process

/// The host binary (a test crate links only the library): built once.
pub fn binary() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let status = Command::new(env!("CARGO"))
            .current_dir(workspace())
            .args(["build", "-q", "-p", "agent-store", "--bin", "agent-store"])
            .status()
            .expect("cargo build");
        assert!(status.success(), "building agent-store failed");
        // target/debug/deps/<this test> → target/debug/agent-store
        let exe = std::env::current_exe().expect("test binary");
        let bin = exe
            .parent()
            .and_then(Path::parent)
            .expect("target dir")
            .join("agent-store");
        assert!(bin.exists(), "{} missing", bin.display());
        bin
    })
    .clone()
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// `agent-store serve` as a child process. Its configuration file
/// (`host.toml`) and log (`host.log`, appended across restarts) live in the
/// directory given at start, which may differ from the data directory (a
/// full data disk must not stop the log).
pub struct ChildHost {
    pub child: Child,
    pub url: String,
}

impl ChildHost {
    /// Start it without waiting for it to be ready.
    pub fn start(config: &Config, dir: &Path) -> ChildHost {
        ChildHost::start_with_env(config, dir, &[])
    }

    /// [`ChildHost::start`] with variables set in its environment (e.g.
    /// `AGENT_STORE_TEST_CLOCK_SKEW_MS`).
    pub fn start_with_env(config: &Config, dir: &Path, env: &[(String, String)]) -> ChildHost {
        let mut config = config.clone();
        let port = free_port();
        config.server.bind = format!("127.0.0.1:{port}").parse().expect("addr");
        std::fs::create_dir_all(dir).expect("host dir");
        let file = dir.join("host.toml");
        std::fs::write(&file, toml::to_string(&config).expect("config as TOML")).expect("write");
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join("host.log"))
            .expect("log file");
        let mut cmd = Command::new(binary());
        cmd.current_dir(workspace())
            .arg("--config")
            .arg(&file)
            .arg("serve")
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log);
        // Only the file configures it.
        for (key, _) in std::env::vars() {
            if key.starts_with("AGENT_STORE_") || key == "K_SINK" {
                cmd.env_remove(key);
            }
        }
        // `HOST_RUST_LOG` (the test's environment) for a closer look, e.g.
        // `info,agent_store_bus=debug` when diagnosing a failure.
        cmd.env(
            "RUST_LOG",
            std::env::var("HOST_RUST_LOG").unwrap_or_else(|_| "info".into()),
        );
        cmd.envs(env.iter().map(|(k, v)| (k, v)));
        ChildHost {
            child: cmd.spawn().expect("start agent-store serve"),
            url: format!("http://127.0.0.1:{port}"),
        }
    }

    /// Start it and wait until it is ready.
    pub async fn spawn(config: &Config, dir: &Path) -> ChildHost {
        let host = ChildHost::start(config, dir);
        host.wait_ready().await;
        host
    }

    pub async fn wait_ready(&self) {
        let http = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(180);
        loop {
            if let Ok(r) = http.get(format!("{}/readyz", self.url)).send().await
                && r.status().is_success()
            {
                return;
            }
            assert!(Instant::now() < deadline, "the host never became ready");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Wait up to `within` for the process to end by itself.
    pub async fn exit(&mut self, within: Duration) -> ExitStatus {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(Instant::now() < deadline, "still running after {within:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Send SIGTERM (a graceful stop) without waiting.
    pub fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status()
            .expect("kill -TERM");
        assert!(status.success(), "kill -TERM");
    }

    /// SIGTERM, and wait (up to 30 s) for the graceful stop.
    pub async fn stop(mut self) -> ExitStatus {
        self.terminate();
        self.exit(Duration::from_secs(30)).await
    }

    /// SIGKILL: no shutdown code runs. Returns when it died.
    pub fn kill(mut self) -> Instant {
        self.child.kill().expect("SIGKILL");
        let at = Instant::now();
        let _ = self.child.wait();
        at
    }
}

impl Drop for ChildHost {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The log of the host started in `dir`.
pub fn log_of(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("host.log")).unwrap_or_default()
}

/// POST one signed webhook body; its status.
pub async fn post_webhook(http: &reqwest::Client, url: &str, body: &Value) -> StatusCode {
    let raw = serde_json::to_vec(body).expect("json");
    http.post(format!("{url}/webhooks/whatsapp"))
        .header("content-type", "application/json")
        .header(
            "x-hub-signature-256",
            signature::sign(SECRET.as_bytes(), &raw),
        )
        .body(raw)
        .send()
        .await
        .expect("webhook request")
        .status()
}

// ---------------------------------------------------------------- the database

/// Read access to a host's database from the test: its SQLite file
/// (read-only) or its PostgreSQL database.
pub struct Store {
    conn: sqlx::AnyConnection,
}

impl Store {
    /// `database_url` as the host has it (empty = the SQLite file in
    /// `data_dir`).
    pub async fn open(database_url: &str, data_dir: &Path) -> Store {
        sqlx::any::install_default_drivers();
        let url = if database_url.is_empty() {
            format!(
                "sqlite://{}?mode=ro",
                data_dir.join("agent-store.db").display()
            )
        } else {
            database_url.to_string()
        };
        Store {
            conn: sqlx::AnyConnection::connect(&url)
                .await
                .expect("open the host's database"),
        }
    }

    pub async fn count(&mut self, sql: &str) -> i64 {
        sqlx::query(sql)
            .fetch_one(&mut self.conn)
            .await
            .expect(sql)
            .try_get::<i64, _>(0)
            .expect("count")
    }

    /// Inbound messages stored but not handled, and replies still queued.
    pub async fn pending(&mut self) -> (i64, i64) {
        (
            self.count(
                "SELECT COUNT(*) FROM messages WHERE direction = 'in' AND state = 'received'",
            )
            .await,
            self.count("SELECT COUNT(*) FROM whatsapp_outbox").await,
        )
    }

    /// The wamids of the outbound messages stored as sent (or further).
    pub async fn sent_wamids(&mut self) -> std::collections::HashSet<String> {
        sqlx::query("SELECT wamid FROM messages WHERE direction = 'out' AND wamid IS NOT NULL")
            .fetch_all(&mut self.conn)
            .await
            .expect("wamids")
            .iter()
            .filter_map(|r| r.try_get::<String, _>("wamid").ok())
            .collect()
    }
}
