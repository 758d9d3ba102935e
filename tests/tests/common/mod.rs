//! Shared harness of the end-to-end tests: real plugins built from source,
//! the real host on a real port, and a local stand-in for Meta's Graph API.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use agent_store::app::{App, Options};
use agent_store::config::Config;
use agent_store::whatsapp::signature;
use axum::Json;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use serde_json::{Value, json};
use tokio::sync::Notify;

/// The host as a child process (crash and bad-storage tests).
pub mod child_host;
/// Several child hosts on one PostgreSQL database and one RabbitMQ vhost.
pub mod cluster;
/// A TCP relay to cut (a database or broker partitioned away).
pub mod relay;
pub mod replay_seller;
/// Sign-in helpers of the console security tests.
pub mod signin;

pub const SECRET: &str = "e2e-app-secret";
pub const ADMIN: &str = "e2e-admin-token";
pub const PHONE_NUMBER_ID: &str = "100000000000001";

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

/// The real plugins, built from `plugins/` once per test process.
pub fn plugins_dir() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = workspace().join("target/e2e-plugins");
        agent_store::devkit::build::build_and_install(&workspace(), &dir).expect("plugins build");
        dir
    })
    .clone()
}

/// One request the stand-in received: phone number id, body, Authorization.
pub type Received = (String, Value, Option<String>);

/// What the Graph API stand-in received.
#[derive(Clone, Default)]
pub struct Sink {
    pub messages: Arc<Mutex<Vec<Received>>>,
    pub arrived: Arc<Notify>,
    /// Answer this many requests with a 500 before accepting (retries).
    pub fail_first: Arc<Mutex<u32>>,
}

impl Sink {
    pub fn to(&self, wa_id: &str) -> Vec<Value> {
        self.messages
            .lock()
            .expect("lock")
            .iter()
            .filter(|(_, b, _)| b["to"] == wa_id)
            .map(|(_, b, _)| b.clone())
            .collect()
    }

    pub fn all(&self) -> Vec<Received> {
        self.messages.lock().expect("lock").clone()
    }
}

async fn graph_messages(
    State(sink): State<Sink>,
    UrlPath((_version, phone)): UrlPath<(String, String)>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> (StatusCode, Json<Value>) {
    {
        let mut fail = sink.fail_first.lock().expect("lock");
        if *fail > 0 {
            *fail -= 1;
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                Json(
                    json!({"error": {"message": "temporarily unavailable", "type": "OAuthException", "code": 2, "fbtrace_id": "x"}}),
                ),
            );
        }
    }
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let n = {
        let mut m = sink.messages.lock().expect("lock");
        m.push((phone, body.clone(), auth));
        m.len()
    };
    sink.arrived.notify_waiters();
    (
        StatusCode::OK,
        Json(
            json!({"messaging_product": "whatsapp", "contacts": [{"input": body["to"], "wa_id": body["to"]}], "messages": [{"id": format!("wamid.sink{n}")}]}),
        ),
    )
}

/// Start the Graph API stand-in; returns its base URL.
pub async fn start_sink() -> (Sink, String) {
    let sink = Sink::default();
    let app = axum::Router::new()
        .route("/{version}/{phone}/messages", post(graph_messages))
        .with_state(sink.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind sink");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (sink, format!("http://{addr}"))
}

/// A host configuration for tests: temp data dir, real plugins, demo catalog.
pub fn config(data_dir: &Path, graph_base_url: &str, plugins: &Path) -> Config {
    let mut c = Config {
        data_dir: data_dir.to_path_buf(),
        ..Config::default()
    };
    c.server.bind = "127.0.0.1:0".parse().expect("addr");
    c.whatsapp.app_secret = SECRET.into();
    c.whatsapp.verify_token = "verify-me".into();
    c.whatsapp.access_token = "graph-token".into();
    c.whatsapp.graph_base_url = graph_base_url.into();
    c.whatsapp.phone_number_id = PHONE_NUMBER_ID.into();
    c.admin.token = ADMIN.into();
    c.plugins.dir = Some(plugins.to_path_buf());
    c.plugins.prompts_dir = Some(workspace().join("prompts"));
    c.catalog.seed_feed = Some(workspace().join("catalog/products.csv"));
    c
}

/// Which database a test's host runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The embedded default: a file in the test's data dir.
    Sqlite,
    /// A fresh database on the local server, dropped when the test ends.
    Postgres,
}

/// Run each named `async fn name(backend: Backend)` once per backend, as
/// the tests `name::sqlite` and `name::postgres` (one body, two runs).
#[macro_export]
macro_rules! on_each_backend {
    ($($test:ident),* $(,)?) => {$(
        mod $test {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$test($crate::common::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$test($crate::common::Backend::Postgres).await
            }
        }
    )*};
}

/// A running host with its sink and data dir.
pub struct Harness {
    pub app: App,
    pub sink: Sink,
    pub http: reqwest::Client,
    _data: tempfile::TempDir,
    /// Declared last: dropped after the host, it drops the database.
    _pg: Option<agent_store::db::testing::TestPostgres>,
}

impl Harness {
    pub async fn start() -> Self {
        Self::start_with(plugins_dir(), |_| {}).await
    }

    pub async fn start_with(plugins: PathBuf, tweak: impl FnOnce(&mut Config)) -> Self {
        Self::start_opts(plugins, tweak, Options::default()).await
    }

    /// The host on `backend`, with the real plugins.
    pub async fn start_on(backend: Backend) -> Self {
        Self::start_on_with(backend, plugins_dir(), |_| {}).await
    }

    /// [`Harness::start_with`] on `backend`: on PostgreSQL, a database of
    /// its own, dropped with the harness.
    pub async fn start_on_with(
        backend: Backend,
        plugins: PathBuf,
        tweak: impl FnOnce(&mut Config),
    ) -> Self {
        let pg = match backend {
            Backend::Sqlite => None,
            Backend::Postgres => Some(
                agent_store::db::testing::TestPostgres::create()
                    .await
                    .expect("a PostgreSQL test database at 127.0.0.1:5432"),
            ),
        };
        let url = pg.as_ref().map(|p| p.url().to_string());
        let mut h = Self::start_opts(
            plugins,
            |c| {
                if let Some(url) = url {
                    c.database.url = url;
                }
                tweak(c)
            },
            Options::default(),
        )
        .await;
        h._pg = pg;
        h
    }

    /// Which database this host runs on.
    pub fn backend(&self) -> Backend {
        if self.app.state.config.database.url.starts_with("postgres") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }

    /// A second pool on the host's database (to look at, or break, what
    /// the host stored).
    pub async fn db(&self) -> agent_store::db::Db {
        let c = &self.app.state.config;
        agent_store::db::Db::connect(&c.database.url, &c.data_dir)
            .await
            .expect("the host's database")
    }

    /// The demo's shape: the host's own WhatsApp sandbox is the Graph API.
    pub async fn start_sandbox() -> Self {
        Self::start_opts(plugins_dir(), |_| {}, Options { sandbox: true }).await
    }

    /// [`Self::start_with`] with explicit start options (e.g. the sandbox).
    pub async fn start_with_options(
        plugins: PathBuf,
        tweak: impl FnOnce(&mut Config),
        options: Options,
    ) -> Self {
        Self::start_opts(plugins, tweak, options).await
    }

    async fn start_opts(
        plugins: PathBuf,
        tweak: impl FnOnce(&mut Config),
        options: Options,
    ) -> Self {
        let data = tempfile::tempdir().expect("tempdir");
        let (sink, sink_url) = start_sink().await;
        let mut c = config(data.path(), &sink_url, &plugins);
        tweak(&mut c);
        let app = App::start(c, options).await.expect("host starts");
        Self {
            app,
            sink,
            http: reqwest::Client::new(),
            _data: data,
            _pg: None,
        }
    }

    /// POST a webhook body, signed with `secret`.
    pub async fn post_webhook(&self, body: &Value, secret: &str) -> reqwest::Response {
        let raw = serde_json::to_vec(body).expect("json");
        self.http
            .post(format!("{}/webhooks/whatsapp", self.app.url()))
            .header("content-type", "application/json")
            .header(
                "x-hub-signature-256",
                signature::sign(secret.as_bytes(), &raw),
            )
            .body(raw)
            .send()
            .await
            .expect("webhook request")
    }

    /// A customer sends `text`; waits until the host has fully handled it.
    pub async fn say(&self, from: &str, wamid: &str, text: &str) -> reqwest::StatusCode {
        let body = agent_store::whatsapp::payload::text_envelope(
            PHONE_NUMBER_ID,
            from,
            "Test Customer",
            wamid,
            text,
        );
        let status = self.post_webhook(&body, SECRET).await.status();
        self.settle().await;
        status
    }

    /// Wait (bounded) until every event the host published is handled.
    pub async fn settle(&self) {
        tokio::time::timeout(Duration::from_secs(60), self.app.idle())
            .await
            .expect("the host finished handling within 60 s");
    }

    pub async fn admin(&self, path: &str) -> Value {
        self.http
            .get(format!("{}/admin{path}", self.app.url()))
            .bearer_auth(ADMIN)
            .send()
            .await
            .expect("admin request")
            .json()
            .await
            .expect("admin json")
    }

    /// The conversation of `wa_id`.
    pub async fn conversation_of(&self, wa_id: &str) -> Option<Value> {
        let list = self.admin("/conversations").await;
        list["conversations"]
            .as_array()?
            .iter()
            .find(|c| c["customer_wa_id"] == wa_id)
            .cloned()
    }
}

/// Everything a person reads in the messages sent to a customer.
pub fn readable(messages: &[Value]) -> String {
    let mut out = String::new();
    for m in messages {
        for p in [
            "/text/body",
            "/image/caption",
            "/interactive/body/text",
            "/interactive/header/text",
        ] {
            if let Some(s) = m.pointer(p).and_then(Value::as_str) {
                out.push_str(s);
                out.push('\n');
            }
        }
    }
    out
}

/// Product ids a set of messages shows (product messages and text lines).
pub fn products_shown(messages: &[Value], catalog: &[(String, String, String)]) -> Vec<String> {
    let text = readable(messages);
    let mut ids: Vec<String> = messages
        .iter()
        .flat_map(|m| {
            let mut v = Vec::new();
            if let Some(id) = m
                .pointer("/interactive/action/product_retailer_id")
                .and_then(Value::as_str)
            {
                v.push(id.to_string());
            }
            if let Some(sections) = m
                .pointer("/interactive/action/sections")
                .and_then(Value::as_array)
            {
                for s in sections {
                    for item in s["product_items"].as_array().into_iter().flatten() {
                        if let Some(id) = item["product_retailer_id"].as_str() {
                            v.push(id.to_string());
                        }
                    }
                }
            }
            v
        })
        .collect();
    for (id, title, _) in catalog {
        if text.contains(title.as_str()) && !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    ids
}

/// (id, title, brand) of every row of the demo catalog.
pub fn demo_catalog() -> Vec<(String, String, String)> {
    let mut rdr =
        csv::Reader::from_path(workspace().join("catalog/products.csv")).expect("catalog");
    rdr.records()
        .filter_map(Result::ok)
        .filter(|r| r.len() > 9)
        .map(|r| (r[0].to_string(), r[1].to_string(), r[9].to_string()))
        .collect()
}

/// Run one of the Playwright scripts in `tests/browser` with `node --test`
/// and return (exit success, stdout + stderr).
///
/// Bounded by `limit` (node is killed past it). Output goes to files, not
/// pipes: a browser helper that outlives node (Chromium's crashpad handler
/// inherits node's descriptors) can never keep the test waiting for EOF.
pub async fn run_browser_script(
    script: &str,
    env: &[(&str, &std::ffi::OsStr)],
    limit: Duration,
) -> (bool, String) {
    let dir = workspace().join("tests/browser");
    assert!(
        dir.join("node_modules/playwright-core").is_dir(),
        "run `./dev setup` (npm ci in tests/browser) first"
    );
    let logs = tempfile::tempdir().expect("log dir");
    let out_path = logs.path().join("stdout");
    let err_path = logs.path().join("stderr");
    let mut cmd = tokio::process::Command::new("node");
    cmd.args(["--test", script])
        .current_dir(&dir)
        .stdin(std::process::Stdio::null())
        .stdout(std::fs::File::create(&out_path).expect("stdout file"))
        .stderr(std::fs::File::create(&err_path).expect("stderr file"))
        .kill_on_drop(true);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("node runs");
    let finished = tokio::time::timeout(limit, child.wait()).await;
    let report = format!(
        "{}\n{}",
        std::fs::read_to_string(&out_path).unwrap_or_default(),
        std::fs::read_to_string(&err_path).unwrap_or_default()
    );
    match finished {
        Ok(status) => (status.expect("node exit status").success(), report),
        Err(_) => {
            let _ = child.kill().await;
            panic!("{script} did not finish within {limit:?}:\n{report}")
        }
    }
}

/// The totals `node --test` prints last (`# tests 3`, `# pass 3`, …).
pub fn node_test_totals(report: &str) -> std::collections::HashMap<String, u64> {
    report
        .lines()
        .filter_map(|l| l.trim().strip_prefix("# "))
        .filter_map(|l| l.split_once(' '))
        .filter_map(|(k, v)| Some((k.to_string(), v.trim().parse().ok()?)))
        .collect()
}

/// Every top-level `test(` of `tests/browser/<script>` ran and passed: a
/// run with zero passes (nothing ran, or everything was skipped) fails.
pub fn assert_every_browser_test_passed(script: &str, report: &str) {
    let source = std::fs::read_to_string(workspace().join("tests/browser").join(script))
        .expect("browser script");
    let declared = source.lines().filter(|l| l.starts_with("test(")).count() as u64;
    assert!(declared > 0, "{script} declares no test");
    let totals = node_test_totals(report);
    let n = |k: &str| totals.get(k).copied();
    assert_eq!(n("tests"), Some(declared), "every test ran:\n{report}");
    assert_eq!(n("pass"), Some(declared), "every test passed:\n{report}");
    for k in ["fail", "cancelled", "skipped", "todo"] {
        assert_eq!(n(k), Some(0), "# {k}:\n{report}");
    }
}
