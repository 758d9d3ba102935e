//! Several real `agent-store serve` processes on one PostgreSQL database
//! and one RabbitMQ vhost, both created for the test and deleted after it,
//! sending to one Graph API stand-in: the multi-host tests' harness.
//!
//! Each host has a data directory of its own (its catalog index, its log)
//! and shares the compiled-components cache with the others (the first
//! host compiles, the others deserialize). Hosts can be SIGKILLed and
//! restarted on the same directory.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use agent_store::config::Config;
use agent_store::db::testing::TestPostgres;
use agent_store::whatsapp::signature;
use reqwest::StatusCode;
use serde_json::Value;
use sqlx::Row;

use super::child_host::{ChildHost, Graph};
use super::{ADMIN, SECRET, plugins_dir};

// ---------------------------------------------------------------- RabbitMQ

/// `rabbitmqctl`, bounded: a wedged broker fails the test, never hangs it.
pub fn rabbitmqctl(args: &[&str]) -> Result<String, String> {
    let out = Command::new("timeout")
        .args(["-k", "5", "30", "rabbitmqctl"])
        .args(args)
        .output()
        .map_err(|e| format!("rabbitmqctl: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "rabbitmqctl {args:?}: {} {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// A RabbitMQ vhost of the test's own (guest may use it), deleted with the
/// guard — queues, exchanges, connections and all. Created through the
/// management HTTP API when it answers on 127.0.0.1:15672, else
/// `rabbitmqctl add_vhost` (this machine has no management plugin).
pub struct Vhost {
    pub name: String,
}

const MANAGEMENT: &str = "http://127.0.0.1:15672";

impl Vhost {
    pub async fn create(test: &str) -> Vhost {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("clock")
            .as_nanos();
        let name = format!("agent-store-test-{test}-{}-{nanos}", std::process::id());
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .expect("http client");
        let api = format!("{MANAGEMENT}/api/vhosts/{name}");
        let by_api = match http
            .put(&api)
            .basic_auth("guest", Some("guest"))
            .send()
            .await
        {
            Ok(r) if r.status().is_success() => {
                let perms = format!("{MANAGEMENT}/api/permissions/{name}/guest");
                let body = serde_json::json!({"configure": ".*", "write": ".*", "read": ".*"});
                http.put(&perms)
                    .basic_auth("guest", Some("guest"))
                    .json(&body)
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success())
            }
            _ => false,
        };
        if !by_api {
            rabbitmqctl(&["add_vhost", &name]).expect("rabbitmqctl add_vhost");
            rabbitmqctl(&["set_permissions", "-p", &name, "guest", ".*", ".*", ".*"])
                .expect("rabbitmqctl set_permissions");
        }
        Vhost { name }
    }

    /// The AMQP URL of the vhost for `bus.amqp_url`.
    pub fn amqp_url(&self) -> String {
        format!("amqp://guest:guest@127.0.0.1:5672/{}", self.name)
    }
}

impl Drop for Vhost {
    fn drop(&mut self) {
        // Blocking, bounded; the management API first.
        let api = format!("{MANAGEMENT}/api/vhosts/{}", self.name);
        let by_api = Command::new("curl")
            .args(["-sf", "-m", "10", "-u", "guest:guest", "-X", "DELETE", &api])
            .status()
            .is_ok_and(|s| s.success());
        if !by_api && let Err(e) = rabbitmqctl(&["delete_vhost", &self.name]) {
            eprintln!("vhost {} not deleted: {e}", self.name);
        }
    }
}

// ---------------------------------------------------------------- the cluster

/// `n` hosts on one database and one vhost.
pub struct Cluster {
    pub graph: Graph,
    pub config: Config,
    pub hosts: Vec<Option<ChildHost>>,
    pub dirs: Vec<tempfile::TempDir>,
    pub http: reqwest::Client,
    pub db: sqlx::PgPool,
    /// Each host's extra environment (kept for restarts).
    pub env: Vec<Vec<(String, String)>>,
    _cache: tempfile::TempDir,
    /// Dropped after the hosts (declared after them).
    pub vhost: Vhost,
    pub pg: TestPostgres,
}

impl Cluster {
    /// Start `n` hosts: the first alone (it migrates the database, seeds
    /// the catalog and fills the compiled-components cache), then the
    /// others together. `tweak` adjusts the shared configuration.
    pub async fn start(test: &str, n: usize, tweak: impl FnOnce(&mut Config)) -> Cluster {
        Cluster::start_with(test, n, tweak, |_, _| Vec::new()).await
    }

    /// [`Cluster::start`], with `setup(i, plugins dir)` run before host
    /// `i` starts: it may change the host's plugins directory and returns
    /// variables for its environment.
    pub async fn start_with(
        test: &str,
        n: usize,
        tweak: impl FnOnce(&mut Config),
        setup: impl Fn(usize, &std::path::Path) -> Vec<(String, String)>,
    ) -> Cluster {
        let pg = TestPostgres::create()
            .await
            .expect("a PostgreSQL test database at 127.0.0.1:5432");
        let vhost = Vhost::create(test).await;
        let (graph, graph_url) = Graph::start().await;
        let cache = tempfile::tempdir().expect("cache dir");
        let first = tempfile::tempdir().expect("host dir");
        let mut config = super::config(first.path(), &graph_url, &plugins_dir());
        config.database.url = pg.url().to_string();
        config.bus.backend = "amqp".into();
        config.bus.amqp_url = vhost.amqp_url();
        config.bus.prefix = "agent-store".into();
        config.plugins.watch = false;
        config.plugins.cache_dir = Some(cache.path().to_path_buf());
        tweak(&mut config);
        let db = sqlx::postgres::PgPoolOptions::new()
            .max_connections(4)
            .connect(pg.url())
            .await
            .expect("the cluster's database");
        let mut cluster = Cluster {
            graph,
            config,
            hosts: Vec::new(),
            dirs: vec![first],
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(30))
                .build()
                .expect("http client"),
            db,
            env: Vec::new(),
            _cache: cache,
            vhost,
            pg,
        };
        for _ in 1..n {
            cluster.dirs.push(tempfile::tempdir().expect("host dir"));
        }
        // Each host keeps its plugins on its own disk, as pods do.
        for (i, dir) in cluster.dirs.iter().enumerate() {
            let plugins = dir.path().join("plugins");
            copy_plugins(&plugins_dir(), &plugins);
            cluster.env.push(setup(i, &plugins));
        }
        let host = ChildHost::start_with_env(
            &cluster.config_of(0),
            cluster.dirs[0].path(),
            &cluster.env[0],
        );
        host.wait_ready().await;
        cluster.hosts.push(Some(host));
        let rest: Vec<ChildHost> = (1..n)
            .map(|i| {
                ChildHost::start_with_env(
                    &cluster.config_of(i),
                    cluster.dirs[i].path(),
                    &cluster.env[i],
                )
            })
            .collect();
        for host in rest {
            host.wait_ready().await;
            cluster.hosts.push(Some(host));
        }
        cluster
    }

    /// Host `i`'s configuration: the shared one in its own data directory.
    pub fn config_of(&self, i: usize) -> Config {
        let mut c = self.config.clone();
        c.data_dir = self.dirs[i].path().to_path_buf();
        c.plugins.dir = Some(self.dirs[i].path().join("plugins"));
        c
    }

    pub fn dir(&self, i: usize) -> PathBuf {
        self.dirs[i].path().to_path_buf()
    }

    /// Host `i`'s base URL (`None` while it is down).
    pub fn url(&self, i: usize) -> Option<String> {
        self.hosts[i].as_ref().map(|h| h.url.clone())
    }

    /// SIGKILL host `i`; returns when it died.
    pub fn kill(&mut self, i: usize) -> Instant {
        let host = self.hosts[i].take().expect("host running");
        host.kill()
    }

    /// Start host `i` again on its directory and wait until it is ready.
    pub async fn restart(&mut self, i: usize) {
        assert!(self.hosts[i].is_none(), "host {i} still running");
        let host = ChildHost::start_with_env(&self.config_of(i), &self.dir(i), &self.env[i]);
        host.wait_ready().await;
        self.hosts[i] = Some(host);
    }

    /// The live hosts' URLs.
    pub fn live(&self) -> Vec<String> {
        self.hosts.iter().flatten().map(|h| h.url.clone()).collect()
    }

    /// POST one signed delivery to host `i` (`None`: the host did not
    /// answer — it is down or dying).
    pub async fn post_to(&self, url: &str, body: &Value) -> Option<StatusCode> {
        let raw = serde_json::to_vec(body).expect("json");
        self.http
            .post(format!("{url}/webhooks/whatsapp"))
            .header("content-type", "application/json")
            .header(
                "x-hub-signature-256",
                signature::sign(SECRET.as_bytes(), &raw),
            )
            .body(raw)
            .send()
            .await
            .ok()
            .map(|r| r.status())
    }

    /// Deliver like Meta behind a load balancer: to host `prefer` first,
    /// then to the next live one, until a host acknowledges it with 200
    /// (bounded).
    pub async fn deliver(&self, prefer: usize, body: &Value) {
        let deadline = Instant::now() + Duration::from_secs(90);
        let mut k = prefer;
        loop {
            let urls: Vec<Option<String>> = (0..self.hosts.len()).map(|i| self.url(i)).collect();
            if let Some(url) = &urls[k % urls.len()]
                && self.post_to(url, body).await == Some(StatusCode::OK)
            {
                return;
            }
            assert!(Instant::now() < deadline, "no host acknowledged a delivery");
            k += 1;
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// An admin request to host `i`.
    pub async fn admin(
        &self,
        i: usize,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
    ) -> (StatusCode, Value) {
        let url = self.url(i).expect("host running");
        let mut req = self
            .http
            .request(method, format!("{url}/admin{path}"))
            .bearer_auth(ADMIN);
        if let Some(body) = body {
            req = req.json(body);
        }
        let r = req.send().await.expect("admin request");
        let status = r.status();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// The state of stored inbound message `wamid` (`None`: not stored).
    pub async fn inbound_state(&self, wamid: &str) -> Option<String> {
        sqlx::query("SELECT state FROM messages WHERE id = $1 AND direction = 'in'")
            .bind(wamid)
            .fetch_optional(&self.db)
            .await
            .expect("message state")
            .and_then(|r| r.try_get::<String, _>("state").ok())
    }

    /// Wait (bounded) until inbound message `wamid` is handled.
    pub async fn wait_handled(&self, wamid: &str, within: Duration) {
        let deadline = Instant::now() + within;
        while self.inbound_state(wamid).await.as_deref() != Some("handled") {
            assert!(
                Instant::now() < deadline,
                "{wamid} not handled within {within:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query(sql)
            .fetch_one(&self.db)
            .await
            .expect(sql)
            .try_get::<i64, _>(0)
            .expect("count")
    }

    /// A console account in the shared database (every host sees it).
    pub async fn add_user(
        &self,
        name: &str,
        password: &str,
        role: agent_store::sales::Role,
        scope: &agent_store::sales::Scope,
    ) {
        let dir = tempfile::tempdir().expect("scratch dir");
        let db = agent_store::db::Db::connect(self.pg.url(), dir.path())
            .await
            .expect("the cluster's database");
        agent_store::sales::Users::new(db.clone())
            .upsert(name, password, role, scope)
            .await
            .expect("user saved");
        db.pool.close().await;
    }

    /// What a host logged, for failure messages.
    pub fn log(&self, i: usize) -> String {
        super::child_host::log_of(self.dirs[i].path())
    }
}

/// The drop-ins of `from` (`<name>/plugin.toml` and `<name>/<name>.wasm`),
/// without the versions other tests kept there.
pub fn copy_plugins(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).expect("plugins dir").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let manifest = entry.path().join("plugin.toml");
        let wasm = entry.path().join(format!("{name}.wasm"));
        if !manifest.is_file() || !wasm.is_file() {
            continue;
        }
        let dest = to.join(&name);
        std::fs::create_dir_all(&dest).expect("plugin dir");
        std::fs::copy(&manifest, dest.join("plugin.toml")).expect("copy manifest");
        std::fs::copy(&wasm, dest.join(format!("{name}.wasm"))).expect("copy component");
    }
}
