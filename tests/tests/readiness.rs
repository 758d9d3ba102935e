//! `GET /readyz` through HTTP: 200 only while the plugins (a router), the
//! database and the bus are up, so Kubernetes sends webhooks only to hosts
//! that can answer them; `/healthz` stays 200 throughout.
//!
//! The database and the broker are the real ones (PostgreSQL, RabbitMQ),
//! reached through a local TCP relay the test cuts and restores, as a
//! network partition would.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use agent_store::db::testing::TestPostgres;
use common::relay::Relay;
use common::{Harness, plugins_dir};

/// `/readyz`'s status and body.
async fn readyz(h: &Harness) -> (u16, String) {
    let r = h
        .http
        .get(format!("{}/readyz", h.app.url()))
        .send()
        .await
        .expect("GET /readyz");
    (r.status().as_u16(), r.text().await.unwrap_or_default())
}

/// Poll `/readyz` until `want` (status, body) holds; the last answer.
async fn wait_readyz(h: &Harness, what: &str, want: impl Fn(u16, &str) -> bool) -> (u16, String) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (status, body) = readyz(h).await;
        if want(status, &body) {
            return (status, body);
        }
        assert!(
            Instant::now() < deadline,
            "/readyz never became {what}: last {status} {body:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn healthz(h: &Harness) -> u16 {
    h.http
        .get(format!("{}/healthz", h.app.url()))
        .send()
        .await
        .expect("GET /healthz")
        .status()
        .as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ready_only_while_the_database_and_the_bus_answer() {
    let pg = TestPostgres::create()
        .await
        .expect("a PostgreSQL test database at 127.0.0.1:5432");
    let mut db_url = reqwest::Url::parse(pg.url()).expect("database url");
    let db_upstream = format!(
        "{}:{}",
        db_url.host_str().expect("host"),
        db_url.port().unwrap_or(5432)
    );
    let db_relay = Relay::start(&db_upstream).await;
    db_url.set_host(Some("127.0.0.1")).expect("relay host");
    db_url
        .set_port(Some(db_relay.addr.port()))
        .expect("relay port");
    let bus_relay = Relay::start("127.0.0.1:5672").await;
    let amqp_url = format!("amqp://guest:guest@{}/%2f", bus_relay.addr);
    let prefix = format!("test.readyz.{}", std::process::id());

    let h = Harness::start_with(plugins_dir(), |c| {
        c.database.url = db_url.to_string();
        c.bus.backend = "amqp".into();
        c.bus.amqp_url = amqp_url;
        c.bus.prefix = prefix;
        c.bus.queue_expires_ms = 60_000;
        c.bus.reconnect_max_backoff_ms = 500;
    })
    .await;
    // Plugins may still be optimising in the background: ready all the same.
    let (status, body) = readyz(&h).await;
    assert!(
        status == 200 && body.starts_with("ready"),
        "{status} {body}"
    );

    db_relay.cut();
    let (_, body) = wait_readyz(&h, "503 naming the database", |s, b| {
        s == 503 && b.contains("database")
    })
    .await;
    assert!(!body.contains("bus"), "only the database is down: {body}");
    assert_eq!(healthz(&h).await, 200, "alive while not ready");
    db_relay.restore();
    wait_readyz(&h, "ready after the database is back", |s, _| s == 200).await;

    bus_relay.cut();
    let (_, body) = wait_readyz(&h, "503 naming the bus", |s, b| {
        s == 503 && b.contains("bus")
    })
    .await;
    assert!(!body.contains("database"), "only the bus is down: {body}");
    assert_eq!(healthz(&h).await, 200, "alive while not ready");
    bus_relay.restore();
    wait_readyz(&h, "ready after the broker is back", |s, _| s == 200).await;

    h.app.shutdown().await;
    drop(pg);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn not_ready_until_a_router_is_loaded() {
    // The real plugins without the router: sellers alone cannot route a
    // message to a brand.
    let plugins = tempfile::tempdir().expect("plugins dir");
    for entry in std::fs::read_dir(plugins_dir()).expect("built plugins") {
        let dir = entry.expect("entry").path();
        let name = dir.file_name().expect("name").to_owned();
        if name != "router" {
            copy_dropin(&dir, &plugins.path().join(name));
        }
    }
    let h = Harness::start_with(plugins.path().to_path_buf(), |_| {}).await;
    let loaded = h.admin("/plugins").await;
    assert_eq!(
        loaded["plugins"].as_array().map(Vec::len),
        Some(5),
        "the five sellers are loaded: {loaded}"
    );
    assert_eq!(readyz(&h).await, (503, "not ready: plugins".to_string()));
    assert_eq!(healthz(&h).await, 200);

    // The router arrives as a drop-in (renamed into place whole, as an
    // operator's copy would); the watcher loads it.
    let staged = tempfile::tempdir_in(plugins.path().parent().expect("parent")).expect("staging");
    copy_dropin(&plugins_dir().join("router"), &staged.path().join("router"));
    std::fs::rename(staged.path().join("router"), plugins.path().join("router")).expect("move in");
    wait_readyz(&h, "ready once the router is loaded", |s, _| s == 200).await;
    h.app.shutdown().await;
}

/// Copy an installed plugin's drop-in (manifest and component), not the
/// host's records of it (kept versions, history, what it imported).
fn copy_dropin(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("plugin dir") {
        let path = entry.expect("entry").path();
        let dropin = path.file_name().is_some_and(|n| n == "plugin.toml")
            || path.extension().is_some_and(|e| e == "wasm");
        if path.is_file() && dropin {
            std::fs::copy(&path, to.join(path.file_name().expect("name"))).expect("copy");
        }
    }
}
