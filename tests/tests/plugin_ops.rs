//! Plugin operations on a running host, with real components built from
//! source: hot swap under load, refused uploads, rollback, canary, quarantine,
//! the watched directory, the compiled cache across a restart, admin auth.
//!
//! The test seller `tests/ops/plugins/seller-flaky` is healthy, fragile
//! (traps on "boom") or broken (traps always) depending on its manifest's
//! grants, and a custom section appended to its component gives every
//! version a distinct digest with the same code.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use agent_store::app::{App, Options};
use agent_store::plugins::{Plugins, wit};
use base64::Engine as _;
use common::{ADMIN, Harness, plugins_dir, workspace};
use reqwest::StatusCode;
use serde_json::{Value, json};

const FLAKY: &str = "seller-flaky";
/// Bound on the background upgrades to optimised code of one test's
/// plugins (one low-priority thread on a shared machine).
const UPGRADES: Duration = Duration::from_secs(300);

/// The six real plugins plus seller-flaky, built once per test process.
fn built() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let real = plugins_dir();
        let dir = workspace().join("target/e2e-ops-plugins");
        agent_store::devkit::build::build_and_install_from(
            &workspace(),
            &workspace().join("tests/ops"),
            &dir,
        )
        .expect("seller-flaky builds");
        for name in [
            "router",
            "seller-fashion",
            "seller-tech",
            "seller-home",
            "seller-beauty",
            "seller-gaming",
        ] {
            copy_dir(&real.join(name), &dir.join(name));
        }
        dir
    })
    .clone()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read") {
        let e = e.expect("entry");
        let name = e.file_name().to_string_lossy().into_owned();
        if e.path().is_file() && (name == "plugin.toml" || name.ends_with(".wasm")) {
            std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
        }
    }
}

/// A fresh plugins directory (hosts write versions into it).
fn plugins_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for e in std::fs::read_dir(built()).expect("read") {
        let e = e.expect("entry");
        copy_dir(&e.path(), &dir.path().join(e.file_name()));
    }
    dir
}

fn flaky_bytes() -> Vec<u8> {
    std::fs::read(built().join(FLAKY).join("seller-flaky.wasm")).expect("flaky component")
}

/// The same component with a custom section: another digest, same code.
fn variant(bytes: &[u8], tag: &str) -> Vec<u8> {
    fn leb(out: &mut Vec<u8>, mut n: usize) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }
    let name = b"ops-test";
    let mut payload = Vec::new();
    leb(&mut payload, name.len());
    payload.extend_from_slice(name);
    payload.extend_from_slice(tag.as_bytes());
    let mut out = bytes.to_vec();
    out.push(0);
    leb(&mut out, payload.len());
    out.extend(payload);
    out
}

#[derive(Clone, Copy)]
enum Build {
    Healthy,
    /// Traps on "boom".
    Fragile,
    /// Traps always (fails the smoke turn).
    Broken,
}

fn manifest(version: &str, build: Build) -> String {
    let grants = match build {
        Build::Healthy => "catalog = \"brand\"\nllm = true",
        Build::Fragile => "catalog = \"brand\"\nllm = false",
        Build::Broken => "catalog = \"none\"\nllm = true",
    };
    format!(
        "name = \"{FLAKY}\"\nkind = \"seller\"\nbrand = \"flaky\"\nversion = \"{version}\"\n[grants]\n{grants}\n"
    )
}

fn sha(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

fn turn(customer: &str, n: u64, text: &str) -> wit::Turn {
    wit::Turn {
        conversation_id: format!("conv-{customer}"),
        customer: wit::Customer {
            wa_id: customer.into(),
            name: None,
        },
        brand: "flaky".into(),
        message: wit::InboundMessage {
            id: format!("wamid.{customer}.{n}"),
            timestamp: 1_700_000_000,
            content: wit::MessageContent::Text(text.into()),
            reply_to: None,
        },
        history: Vec::new(),
        language: "en".into(),
    }
}

/// One turn of seller-flaky: (digest of the version that ran, ok).
async fn say(plugins: &Plugins, customer: &str, n: u64, text: &str) -> (String, bool) {
    let (plugin, result) = plugins
        .handle_turn("flaky", &turn(customer, n, text))
        .await
        .expect("seller-flaky is loaded");
    (plugin.digest.clone(), result.is_ok())
}

async fn put(
    h: &Harness,
    manifest: &str,
    bytes: &[u8],
    canary: Option<u8>,
    token: Option<&str>,
) -> (StatusCode, Value) {
    let body = json!({
        "manifest": manifest,
        "component": base64::engine::general_purpose::STANDARD.encode(bytes),
        "canary": canary,
    });
    let mut req = h
        .http
        .put(format!("{}/admin/plugins/{FLAKY}", h.app.url()))
        .json(&body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let r = req.send().await.expect("PUT");
    let status = r.status();
    (status, r.json().await.unwrap_or(Value::Null))
}

async fn post(h: &Harness, path: &str) -> (StatusCode, Value) {
    let r = h
        .http
        .post(format!("{}/admin{path}", h.app.url()))
        .bearer_auth(ADMIN)
        .send()
        .await
        .expect("POST");
    let status = r.status();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// The listing entry of a plugin.
async fn listed(h: &Harness, name: &str) -> Option<Value> {
    h.admin("/plugins").await["plugins"]
        .as_array()?
        .iter()
        .find(|p| p["name"] == name)
        .cloned()
}

async fn active_digest(h: &Harness) -> String {
    listed(h, FLAKY).await.expect("listed")["digest"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn start(dir: &Path, tweak: impl FnOnce(&mut agent_store::config::Config)) -> Harness {
    Harness::start_with(dir.to_path_buf(), tweak).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hot_swaps_under_load_fail_and_drop_no_turn() {
    let dir = plugins_copy();
    let h = start(dir.path(), |c| c.plugins.watch = false).await;
    let plugins = h.app.state.plugins.clone();
    let stop = Arc::new(AtomicBool::new(false));
    let (turns, failures) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let mut workers = Vec::new();
    for w in 0..16 {
        let (plugins, stop, turns, failures) = (
            plugins.clone(),
            stop.clone(),
            turns.clone(),
            failures.clone(),
        );
        workers.push(tokio::spawn(async move {
            let mut seen = BTreeSet::new();
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                match plugins
                    .handle_turn("flaky", &turn(&format!("1555{w:04}"), n, "hello"))
                    .await
                {
                    Some((p, Ok(actions))) if !actions.is_empty() => {
                        seen.insert(p.digest.clone());
                    }
                    _ => {
                        failures.fetch_add(1, Ordering::Relaxed);
                    }
                }
                turns.fetch_add(1, Ordering::Relaxed);
            }
            seen
        }));
    }
    let started = Instant::now();
    let original = sha(&flaky_bytes());
    let mut digests = vec![original.clone()];
    for i in 1..=3 {
        let bytes = variant(&flaky_bytes(), &format!("swap-{i}"));
        let (status, body) = put(
            &h,
            &manifest(&format!("1.0.{i}"), Build::Healthy),
            &bytes,
            None,
            Some(ADMIN),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["digest"], sha(&bytes));
        digests.push(sha(&bytes));
        // Let the new version serve a while before the next swap.
        let before = turns.load(Ordering::Relaxed);
        let deadline = Instant::now() + Duration::from_secs(20);
        while turns.load(Ordering::Relaxed) < before + 100 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
    // The swapped-in versions served on baseline code; their optimised
    // code replaces it under the same load.
    tokio::time::timeout(UPGRADES, plugins.runtime().upgrades_done())
        .await
        .expect("the upgrades finish");
    stop.store(true, Ordering::Relaxed);
    let mut seen = BTreeSet::new();
    for w in workers {
        seen.extend(w.await.expect("worker"));
    }
    let elapsed = started.elapsed();
    let total = turns.load(Ordering::Relaxed);
    eprintln!(
        "{total} turns in {elapsed:?} ({:.0}/s) across 3 swaps",
        total as f64 / elapsed.as_secs_f64()
    );
    assert_eq!(
        failures.load(Ordering::Relaxed),
        0,
        "failed or dropped turns"
    );
    assert!(total >= 300, "load was too light: {total} turns");
    assert!(
        seen.len() >= 3,
        "turns ran on {} versions ({seen:?}), expected the swaps to show",
        seen.len()
    );
    assert!(seen.iter().all(|d| digests.contains(d)));
    assert_eq!(active_digest(&h).await, digests[3]);
    let entry = listed(&h, FLAKY).await.expect("listed");
    assert_eq!(entry["versions"].as_array().map(Vec::len), Some(4));
    assert_eq!(entry["tier"], "optimised", "{entry}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_uploads_are_refused_with_the_reason_and_the_old_version_serves() {
    let dir = plugins_copy();
    let h = start(dir.path(), |c| c.plugins.watch = false).await;
    let original = active_digest(&h).await;
    let router = std::fs::read(built().join("router/router.wasm")).expect("router");
    // (what, component, manifest, expected status, stage, error fragment)
    type Case<'a> = (&'a str, Vec<u8>, String, StatusCode, &'a str, &'a str);
    let cases: [Case; 4] = [
        (
            "random bytes",
            b"\0asm\x0d\0\x01\0 definitely not a component".to_vec(),
            manifest("2.0.0", Build::Healthy),
            StatusCode::UNPROCESSABLE_ENTITY,
            "compile",
            "not a valid wasm component",
        ),
        (
            "a router under a seller manifest",
            router,
            manifest("2.0.0", Build::Healthy),
            StatusCode::UNPROCESSABLE_ENTITY,
            "world",
            "does not implement the seller world",
        ),
        (
            "a build that traps",
            variant(&flaky_bytes(), "broken"),
            manifest("2.0.0", Build::Broken),
            StatusCode::UNPROCESSABLE_ENTITY,
            "smoke",
            "smoke turn failed",
        ),
        (
            "a manifest for another plugin",
            flaky_bytes(),
            manifest("2.0.0", Build::Healthy).replace(FLAKY, "seller-other"),
            StatusCode::BAD_REQUEST,
            "",
            "the manifest names",
        ),
    ];
    for (what, bytes, manifest, status, stage, needle) in cases {
        let (got, body) = put(&h, &manifest, &bytes, None, Some(ADMIN)).await;
        assert_eq!(got, status, "{what}: {body}");
        if !stage.is_empty() {
            assert_eq!(body["stage"], stage, "{what}: {body}");
        }
        assert!(
            body["error"].as_str().unwrap_or_default().contains(needle),
            "{what}: {body}"
        );
        assert_eq!(
            active_digest(&h).await,
            original,
            "{what}: old version kept"
        );
        let (digest, ok) = say(&h.app.state.plugins, "15550001", 1, "hello").await;
        assert!(ok && digest == original, "{what}: the old version answers");
    }
    let logs = h.admin(&format!("/plugins/{FLAKY}/logs")).await;
    let refused = logs["logs"]
        .as_array()
        .expect("logs")
        .iter()
        .filter(|l| l["event"] == "refused")
        .count();
    assert_eq!(refused, 3, "{logs}");
    let listing = h.admin("/plugins").await;
    assert!(
        listing["failed"].as_array().expect("failed").is_empty(),
        "a refused upload is not a failed plugin: {listing}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rollback_goes_back_one_version_through_the_api_and_the_cli() {
    let dir = plugins_copy();
    let h = start(dir.path(), |c| c.plugins.watch = false).await;
    let v1 = active_digest(&h).await;
    let b2 = variant(&flaky_bytes(), "v2");
    let b3 = variant(&flaky_bytes(), "v3");
    for (v, b) in [("1.1.0", &b2), ("1.2.0", &b3)] {
        let (s, body) = put(&h, &manifest(v, Build::Healthy), b, None, Some(ADMIN)).await;
        assert_eq!(s, StatusCode::OK, "{body}");
    }
    assert_eq!(active_digest(&h).await, sha(&b3));

    let (s, body) = post(&h, &format!("/plugins/{FLAKY}/rollback")).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(body["version"], "1.1.0");
    assert_eq!(active_digest(&h).await, sha(&b2));
    assert_eq!(say(&h.app.state.plugins, "1", 1, "hi").await.0, sha(&b2));

    // The CLI goes through the same API.
    let cli = <agent_store::cli::Cli as clap::Parser>::try_parse_from([
        "agent-store",
        "plugin",
        "rollback",
        FLAKY,
        "--url",
        &h.app.url(),
        "--token",
        ADMIN,
    ])
    .expect("cli parses");
    agent_store::cli::run(cli).await.expect("cli rollback");
    assert_eq!(active_digest(&h).await, v1);

    let (s, body) = post(&h, &format!("/plugins/{FLAKY}/rollback")).await;
    assert_eq!(s, StatusCode::CONFLICT, "nothing older: {body}");
    assert_eq!(active_digest(&h).await, v1);
    let (s, _) = post(&h, "/plugins/seller-nobody/rollback").await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    // Kept on disk: the active pointer survives a restart.
    assert_eq!(
        h.app.state.plugins.store().active_id(FLAKY).as_deref(),
        Some(format!("1.0.0-{}", &v1[..12]).as_str())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_canary_is_sticky_promoted_when_clean_and_rolled_back_when_failing() {
    let dir = plugins_copy();
    let h = start(dir.path(), |c| {
        c.plugins.watch = false;
        c.plugins.canary.promote_after = 30;
        c.plugins.canary.min_turns = 4;
        c.plugins.canary.margin = 0.1;
    })
    .await;
    let plugins = h.app.state.plugins.clone();
    let mut ops = plugins.subscribe();
    let v1 = active_digest(&h).await;
    let b2 = variant(&flaky_bytes(), "canary-good");
    let (s, body) = put(
        &h,
        &manifest("1.1.0", Build::Healthy),
        &b2,
        Some(50),
        Some(ADMIN),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(body["state"], "canary");
    let entry = listed(&h, FLAKY).await.expect("listed");
    assert_eq!(entry["state"], "canary");
    assert_eq!(entry["canary"]["percent"], 50);
    assert_eq!(
        entry["digest"],
        v1.as_str(),
        "the active version is unchanged"
    );

    // Split and sticky: each customer stays on one version.
    let mut by_customer: BTreeMap<String, String> = BTreeMap::new();
    for i in 0..10u64 {
        let c = format!("1666{i:04}");
        let (d, ok) = say(&plugins, &c, 1, "hello").await;
        assert!(ok);
        let (again, _) = say(&plugins, &c, 2, "hello again").await;
        assert_eq!(d, again, "customer {c} stayed on one version");
        by_customer.insert(c, d);
    }
    let versions: BTreeSet<&String> = by_customer.values().collect();
    assert_eq!(versions.len(), 2, "both versions served: {by_customer:?}");

    // Clean turns promote it.
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut n = 0;
    while active_digest(&h).await != sha(&b2) {
        assert!(Instant::now() < deadline, "the canary was never promoted");
        n += 1;
        say(&plugins, &format!("1777{n:04}"), 1, "hello").await;
    }
    let entry = listed(&h, FLAKY).await.expect("listed");
    assert_eq!(entry["state"], "active");
    assert!(entry["canary"].is_null());
    let logs = h.admin(&format!("/plugins/{FLAKY}/logs")).await.to_string();
    assert!(logs.contains("canary_promoted"), "{logs}");

    // A fragile canary is rolled back automatically.
    let b3 = variant(&flaky_bytes(), "canary-bad");
    let (s, body) = put(
        &h,
        &manifest("1.2.0", Build::Fragile),
        &b3,
        Some(50),
        Some(ADMIN),
    )
    .await;
    assert_eq!(
        s,
        StatusCode::OK,
        "the fragile build passes its smoke turn: {body}"
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    let (mut canary_failures, mut active_failures) = (0, 0);
    while listed(&h, FLAKY).await.expect("listed")["state"] == "canary" {
        assert!(
            Instant::now() < deadline,
            "the failing canary was never rolled back"
        );
        n += 1;
        let (d, ok) = say(&plugins, &format!("1888{n:04}"), 1, "boom").await;
        match (d == sha(&b3), ok) {
            (true, false) => canary_failures += 1,
            (false, false) => active_failures += 1,
            _ => {}
        }
    }
    assert_eq!(active_failures, 0, "the active version handles boom");
    assert!(canary_failures >= 4, "judged after min_turns failures");
    assert_eq!(
        active_digest(&h).await,
        sha(&b2),
        "the promoted version serves"
    );
    // The stream also carries the earlier operations (the first canary's
    // push and promotion): the rollback is the first after them.
    let event = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            let event = ops.recv().await.expect("event");
            if event.action == "canary_rolled_back" {
                return event;
            }
        }
    })
    .await
    .expect("a canary_rolled_back ops event");
    assert_eq!(event.version, "1.2.0");
    // Everyone is on the good version again.
    for i in 0..5 {
        let (d, ok) = say(&plugins, &format!("1999{i}"), 1, "boom").await;
        assert!(ok && d == sha(&b2));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_version_failing_too_often_is_quarantined_and_rolled_back() {
    let dir = plugins_copy();
    let h = start(dir.path(), |c| {
        c.plugins.watch = false;
        c.plugins.quarantine.window = 10;
        c.plugins.quarantine.min_turns = 6;
        c.plugins.quarantine.failure_share = 0.5;
    })
    .await;
    let plugins = h.app.state.plugins.clone();
    let mut ops = plugins.subscribe();
    let v1 = active_digest(&h).await;
    let bad = variant(&flaky_bytes(), "fragile");
    let (s, body) = put(
        &h,
        &manifest("1.1.0", Build::Fragile),
        &bad,
        None,
        Some(ADMIN),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(active_digest(&h).await, sha(&bad));

    // Mostly fine traffic does not trip it (2 failures of 8).
    for i in 0..6 {
        assert!(say(&plugins, &format!("2{i}"), 1, "hello").await.1);
    }
    for i in 0..2 {
        assert!(!say(&plugins, &format!("3{i}"), 1, "boom").await.1);
    }
    assert_eq!(active_digest(&h).await, sha(&bad));

    // Then it fails on most turns: quarantined.
    let mut failed = 0;
    while active_digest(&h).await == sha(&bad) {
        assert!(failed < 20, "never quarantined");
        failed += 1;
        say(&plugins, &format!("4{failed}"), 1, "boom").await;
    }
    assert_eq!(active_digest(&h).await, v1, "back on the previous version");
    assert!(
        say(&plugins, "5", 1, "boom").await.1,
        "the old version copes"
    );
    let event = tokio::time::timeout(Duration::from_secs(5), ops.recv())
        .await
        .expect("an ops event")
        .expect("event");
    assert_eq!(event.action, "quarantined");
    assert_eq!(event.plugin, FLAKY);
    assert_eq!(event.version, "1.1.0");
    let logs = h.admin(&format!("/plugins/{FLAKY}/logs")).await;
    let lines = logs["logs"].as_array().expect("logs");
    assert!(
        lines.iter().any(|l| l["event"] == "quarantined"
            && l["version"] == format!("1.1.0-{}", &sha(&bad)[..12])),
        "{logs}"
    );
    assert!(lines.iter().any(|l| {
        l["event"] == "turn_failed"
            && l["message"]
                .as_str()
                .unwrap_or_default()
                .contains("fragile build")
    }));
    let entry = listed(&h, FLAKY).await.expect("listed");
    let bad_stats = entry["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .find(|v| v["id"].as_str().unwrap_or_default().starts_with("1.1.0"));
    assert!(
        bad_stats.is_none(),
        "quarantined version left the history: {entry}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_watched_directory_loads_new_dropins_and_refuses_bad_ones() {
    let dir = plugins_copy();
    let h = start(dir.path(), |_| {}).await;
    let v1 = active_digest(&h).await;
    let plugin_dir = dir.path().join(FLAKY);
    let wait_for = |want: String| {
        let h = &h;
        async move {
            let deadline = Instant::now() + Duration::from_secs(20);
            loop {
                if active_digest(h).await == want {
                    return;
                }
                assert!(Instant::now() < deadline, "the watcher never loaded {want}");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    };
    // A new build dropped in, the way `plugin build` installs it.
    let b2 = variant(&flaky_bytes(), "dropped");
    std::fs::write(plugin_dir.join("seller-flaky.wasm.tmp"), &b2).expect("write");
    std::fs::rename(
        plugin_dir.join("seller-flaky.wasm.tmp"),
        plugin_dir.join("seller-flaky.wasm"),
    )
    .expect("rename");
    std::fs::write(
        plugin_dir.join("plugin.toml"),
        manifest("1.5.0", Build::Healthy),
    )
    .expect("write");
    wait_for(sha(&b2)).await;
    assert_eq!(listed(&h, FLAKY).await.expect("listed")["version"], "1.5.0");

    // A broken drop-in is refused; the loaded version keeps serving.
    std::fs::write(plugin_dir.join("seller-flaky.wasm"), b"garbage").expect("write");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let listing = h.admin("/plugins").await;
        if let Some(f) = listing["failed"]
            .as_array()
            .and_then(|f| f.iter().find(|f| f["name"] == FLAKY))
        {
            assert!(
                f["error"]
                    .as_str()
                    .unwrap_or_default()
                    .contains("not a valid wasm component"),
                "{f}"
            );
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the bad drop-in was never reported"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(active_digest(&h).await, sha(&b2));
    assert!(say(&h.app.state.plugins, "1", 1, "hello").await.1);
    assert_ne!(v1, sha(&b2));

    // Removing the directory unloads the plugin.
    std::fs::remove_dir_all(&plugin_dir).expect("rm");
    let deadline = Instant::now() + Duration::from_secs(20);
    while listed(&h, FLAKY).await.is_some() {
        assert!(Instant::now() < deadline, "never unloaded");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_unloads_a_plugin_and_its_versions() {
    let dir = plugins_copy();
    let h = start(dir.path(), |c| c.plugins.watch = false).await;
    let r = h
        .http
        .delete(format!("{}/admin/plugins/{FLAKY}", h.app.url()))
        .bearer_auth(ADMIN)
        .send()
        .await
        .expect("DELETE");
    assert_eq!(r.status(), StatusCode::OK);
    assert!(listed(&h, FLAKY).await.is_none());
    assert!(
        h.app
            .state
            .plugins
            .handle_turn("flaky", &turn("1", 1, "hi"))
            .await
            .is_none()
    );
    assert!(!dir.path().join(FLAKY).exists());
    let r = h
        .http
        .delete(format!("{}/admin/plugins/{FLAKY}", h.app.url()))
        .bearer_auth(ADMIN)
        .send()
        .await
        .expect("DELETE");
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // The other plugins are untouched.
    assert!(listed(&h, "seller-tech").await.is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_deserializes_every_plugin_from_the_compiled_cache() {
    let dir = plugins_copy();
    let data = tempfile::tempdir().expect("tempdir");
    let (_sink, sink_url) = common::start_sink().await;
    let config = || {
        let mut c = common::config(data.path(), &sink_url, dir.path());
        c.plugins.watch = false;
        c
    };
    let cold_started = Instant::now();
    let first = App::start(config(), Options::default())
        .await
        .expect("starts");
    let cold = cold_started.elapsed();
    let n = first.state.plugins.snapshot().plugins.len() as u64;
    assert_eq!(n, 7);
    // Tiered: serving on baseline code at once; the optimised code,
    // compiled in the background, is what the cache keeps.
    let cache = first.state.plugins.cache_stats().json();
    assert_eq!(cache["hits"], 0, "{cache}");
    assert_eq!(cache["baseline"], n, "{cache}");
    tokio::time::timeout(UPGRADES, first.state.plugins.runtime().upgrades_done())
        .await
        .expect("the upgrades finish");
    let cache = first.state.plugins.cache_stats().json();
    assert_eq!(cache["compiled"], n, "{cache}");
    assert_eq!(cache["stored"], n, "{cache}");
    first.shutdown().await;

    let warm_started = Instant::now();
    let second = App::start(config(), Options::default())
        .await
        .expect("restarts");
    let warm = warm_started.elapsed();
    let cache = second.state.plugins.cache_stats().json();
    assert_eq!(cache["hits"], n, "every plugin from the cache: {cache}");
    assert_eq!(cache["compiled"], 0, "{cache}");
    assert_eq!(cache["baseline"], 0, "{cache}");
    assert_eq!(second.state.plugins.runtime().upgrades_pending(), 0);
    eprintln!("host start with 7 plugins: cold {cold:?}, from the cache {warm:?}");
    // They work.
    let (p, result) = second
        .state
        .plugins
        .handle_turn("flaky", &turn("1", 1, "hello"))
        .await
        .expect("loaded");
    assert!(result.is_ok(), "{p:?}");
    // An upload is compiled even when its digest is cached.
    let cached = flaky_bytes();
    let source = agent_store::plugins::Source::new(&manifest("1.0.1", Build::Healthy), cached)
        .expect("source");
    second
        .state
        .plugins
        .install(source, None)
        .await
        .expect("installs");
    tokio::time::timeout(UPGRADES, second.state.plugins.runtime().upgrades_done())
        .await
        .expect("the upgrade finishes");
    let cache = second.state.plugins.cache_stats().json();
    assert_eq!(cache["baseline"], 1, "uploads are always compiled: {cache}");
    assert_eq!(cache["compiled"], 1, "uploads are always compiled: {cache}");
    second.shutdown().await;
}

/// The real plugins' answers to the same messages, on whatever code they
/// run now: the router's choices and the sellers' actions.
async fn answers(plugins: &Plugins) -> Vec<String> {
    let mut out = Vec::new();
    for (i, text) in [
        "I'm looking for a new laptop for work",
        "I need a new sofa for my living room",
        "a moisturiser for dry skin",
    ]
    .into_iter()
    .enumerate()
    {
        let request = wit::RouteRequest {
            conversation_id: format!("conv-answers-{i}"),
            customer: wit::Customer {
                wa_id: format!("1555999{i:04}"),
                name: None,
            },
            message: wit::InboundMessage {
                id: format!("wamid.answers.{i}"),
                timestamp: 1_700_000_000,
                content: wit::MessageContent::Text(text.into()),
                reply_to: None,
            },
            current_brand: None,
            history: Vec::new(),
            brands: plugins.snapshot().brands(),
        };
        let (_, decision) = plugins.route(&request).await.expect("a router");
        let decision = decision.expect("the router answers");
        let mut turn = turn(&format!("1555999{i:04}"), 1, text);
        turn.brand = decision.brand.clone();
        turn.conversation_id = String::new();
        let (_, actions) = plugins
            .handle_turn(&decision.brand, &turn)
            .await
            .expect("the brand has a seller");
        out.push(format!(
            "{} -> {:?}",
            decision.brand,
            actions.expect("the seller answers")
        ));
    }
    out
}

/// A host started with an empty compiled cache serves at once on baseline
/// (Winch) code and answers exactly as it does on optimised (Cranelift)
/// code; releasing the upgrades swaps every plugin's code under a
/// customer's turns, none failing, and fills the cache.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_cold_tiered_start_answers_on_baseline_code_then_upgrades_without_a_failed_turn() {
    use agent_store::plugins::{Compiler, PluginsOptions, Runtime, Tier, TurnLimits};
    let dir = plugins_copy();
    let data = tempfile::tempdir().expect("tempdir");
    let db = agent_store::db::Db::connect("", data.path())
        .await
        .expect("db");
    let catalog = agent_store::catalog::Catalog::open(db, data.path())
        .await
        .expect("catalog");
    catalog
        .import_csv_file(&workspace().join("catalog/products.csv"))
        .await
        .expect("catalog import");
    let config = common::config(data.path(), "http://127.0.0.1:9", dir.path());
    let services =
        agent_store::app::plugin_services(&config, catalog, None, None, None).expect("services");
    let runtime = Runtime::with_compiler(TurnLimits::default(), Compiler::Tiered).expect("runtime");
    let hold = runtime.hold_upgrades().expect("a tiered runtime upgrades");
    let mut options = PluginsOptions::new(dir.path());
    let cache_dir = data.path().join("cache");
    options.cache_dir = Some(cache_dir.clone());
    let plugins = Arc::new(Plugins::new(runtime, services, options));

    let n = plugins.snapshot().plugins.len();
    assert_eq!(n, 7);
    let tiers = |want: Tier| {
        plugins
            .snapshot()
            .plugins
            .values()
            .filter(|p| p.tier() != want)
            .map(|p| p.manifest.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(tiers(Tier::Baseline), Vec::<String>::new());
    assert_eq!(plugins.runtime().upgrades_pending(), n);
    let cache = plugins.cache_stats().json();
    assert_eq!(cache["baseline"], n as u64, "{cache}");
    assert_eq!(cache["compiled"], 0, "{cache}");
    assert_eq!(
        cache["stored"], 0,
        "nothing cached from baseline code: {cache}"
    );
    let on_baseline = answers(&plugins).await;
    assert!(say(&plugins, "15550007001", 1, "hello").await.1);

    // A customer keeps talking while the code is swapped under them.
    let stop = Arc::new(AtomicBool::new(false));
    let customer = tokio::spawn({
        let (plugins, stop) = (plugins.clone(), stop.clone());
        async move {
            let (mut ok, mut failed, mut n) = (0u64, 0u64, 10u64);
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                match say(&plugins, "15550007002", n, "hello").await {
                    (_, true) => ok += 1,
                    (_, false) => failed += 1,
                }
            }
            (ok, failed)
        }
    });
    drop(hold);
    tokio::time::timeout(UPGRADES, plugins.runtime().upgrades_done())
        .await
        .expect("the upgrades finish");
    stop.store(true, Ordering::Relaxed);
    let (ok, failed) = customer.await.expect("customer");
    assert_eq!(
        failed, 0,
        "turns failed during the upgrades ({ok} answered)"
    );
    assert!(ok > 0, "the customer took turns during the upgrades");

    assert_eq!(tiers(Tier::Optimised), Vec::<String>::new());
    let cache = plugins.cache_stats().json();
    assert_eq!(cache["compiled"], n as u64, "{cache}");
    assert_eq!(cache["stored"], n as u64, "{cache}");
    let files = std::fs::read_dir(&cache_dir).expect("cache dir").count();
    assert_eq!(files, n, "one optimised file per plugin");
    assert_eq!(
        answers(&plugins).await,
        on_baseline,
        "same answers on both tiers"
    );
}

/// An upload through `PUT /admin/plugins/{name}` serves at once on
/// baseline code (the upgrade held back here, so this is what is seen),
/// `/readyz` says a plugin is still being optimised, and the background
/// upgrade then swaps in optimised code and writes it to the cache.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_serves_on_baseline_code_then_its_optimised_code_is_cached() {
    let dir = plugins_copy();
    let h = start(dir.path(), |c| c.plugins.watch = false).await;
    let plugins = h.app.state.plugins.clone();
    let runtime = plugins.runtime();
    tokio::time::timeout(UPGRADES, runtime.upgrades_done())
        .await
        .expect("the start-up upgrades finish");
    let hold = runtime.hold_upgrades().expect("the host is tiered");

    let bytes = variant(&flaky_bytes(), "tiered-upload");
    let digest = sha(&bytes);
    let (status, body) = put(
        &h,
        &manifest("3.0.0", Build::Healthy),
        &bytes,
        None,
        Some(ADMIN),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["tier"], "baseline", "{body}");
    let (ran, ok) = say(&plugins, "15550008001", 1, "hello").await;
    assert_eq!((ran.as_str(), ok), (digest.as_str(), true));
    let entry = listed(&h, FLAKY).await.expect("listed");
    assert_eq!(entry["tier"], "baseline", "{entry}");
    assert_eq!(h.admin("/plugins").await["upgrades_pending"], 1);
    let ready = h
        .http
        .get(format!("{}/readyz", h.app.url()))
        .send()
        .await
        .expect("readyz");
    assert_eq!(ready.status(), StatusCode::OK);
    let ready = ready.text().await.expect("body");
    assert_eq!(ready, "ready; optimising plugins: 1");
    let cache_dir = h.app.state.config.data_dir.join("cache/components");
    let cached = || {
        std::fs::read_dir(&cache_dir)
            .expect("cache dir")
            .filter_map(|e| e.ok())
            .any(|e| e.file_name().to_string_lossy().starts_with(&digest))
    };
    assert!(!cached(), "baseline code is never cached");

    drop(hold);
    tokio::time::timeout(UPGRADES, runtime.upgrades_done())
        .await
        .expect("the upgrade finishes");
    let entry = listed(&h, FLAKY).await.expect("listed");
    assert_eq!(entry["tier"], "optimised", "{entry}");
    assert!(cached(), "the optimised code is cached");
    let (ran, ok) = say(&plugins, "15550008001", 2, "hello").await;
    assert_eq!((ran.as_str(), ok), (digest.as_str(), true));
    let ready = h
        .http
        .get(format!("{}/readyz", h.app.url()))
        .send()
        .await
        .expect("readyz")
        .text()
        .await
        .expect("body");
    assert_eq!(ready, "ready");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plugin_admin_api_needs_the_bearer_token() {
    let dir = plugins_copy();
    let h = start(dir.path(), |c| c.plugins.watch = false).await;
    let url = h.app.url();
    for token in [None, Some("wrong-token"), Some("")] {
        let with = |r: reqwest::RequestBuilder| match token {
            Some(t) => r.bearer_auth(t),
            None => r,
        };
        let requests = [
            with(h.http.get(format!("{url}/admin/plugins"))),
            with(
                h.http
                    .put(format!("{url}/admin/plugins/{FLAKY}"))
                    .json(&json!({})),
            ),
            with(h.http.post(format!("{url}/admin/plugins/{FLAKY}/rollback"))),
            with(h.http.delete(format!("{url}/admin/plugins/{FLAKY}"))),
            with(h.http.get(format!("{url}/admin/plugins/{FLAKY}/logs"))),
        ];
        for r in requests {
            let r = r.send().await.expect("request");
            assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "token {token:?}");
        }
    }
    let (s, body) = put(
        &h,
        &manifest("9.0.0", Build::Healthy),
        &flaky_bytes(),
        None,
        None,
    )
    .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "{body}");
    assert!(listed(&h, FLAKY).await.expect("still there")["version"] == "1.0.0");
}

/// Everything a directory holds, recursively (relative paths), to show an
/// attack neither wrote nor deleted anything there.
fn tree(dir: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p.clone());
            }
            out.insert(p.strip_prefix(dir).expect("under dir").to_path_buf());
        }
    }
    out
}

/// The path traversals of issue 11: plugin names and manifest versions
/// that would resolve outside the plugins directory are refused with 400
/// before the disk is touched; the directory outside keeps every file.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plugin_names_and_versions_cannot_leave_the_plugins_directory() {
    let dir = plugins_copy();
    // A sibling of the plugins directory, with a file, and the exact target
    // a traversing upload would replace.
    let outside = tempfile::tempdir().expect("tempdir");
    let digest12 = &sha(&flaky_bytes())[..12];
    let target = outside.path().join(format!("x-{digest12}"));
    std::fs::create_dir_all(&target).expect("mkdir");
    std::fs::write(outside.path().join("keep.txt"), "precious").expect("write");
    std::fs::write(target.join("keep.txt"), "precious").expect("write");
    let before = tree(outside.path());
    let plugins_before = tree(dir.path());
    let h = start(dir.path(), |c| c.plugins.watch = false).await;
    let plugins_loaded = tree(dir.path());

    let absolute = outside.path().display().to_string().replace('/', "%2F");
    let outside_name = outside
        .path()
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let relative = format!("..%2F{outside_name}");
    let deep = format!(
        "..%2F..%2F{}",
        outside
            .path()
            .display()
            .to_string()
            .trim_start_matches('/')
            .replace('/', "%2F")
    );
    for name in [
        absolute.as_str(),
        relative.as_str(),
        deep.as_str(),
        // (A bare `..` never reaches the host: HTTP clients resolve it.)
        "Seller_X",
    ] {
        let url = format!("{}/admin/plugins/{name}", h.app.url());
        let r = h
            .http
            .delete(&url)
            .bearer_auth(ADMIN)
            .send()
            .await
            .expect("DELETE");
        let status = r.status();
        let body: Value = r.json().await.unwrap_or(Value::Null);
        assert_eq!(status, StatusCode::BAD_REQUEST, "DELETE {name}: {body}");
        assert!(
            body["error"]
                .as_str()
                .unwrap_or_default()
                .contains("plugin name"),
            "DELETE {name}: {body}"
        );
        let (status, body) = post(&h, &format!("/plugins/{name}/rollback")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "rollback {name}: {body}");
        assert_eq!(tree(outside.path()), before, "after DELETE {name}");
    }

    // A manifest version that walks out of versions/ up to `outside`.
    let version = format!("0.1.0-a-{}/../../../../{outside_name}/x", sha(b"a"));
    let (status, body) = put(
        &h,
        &manifest(&version, Build::Healthy),
        &flaky_bytes(),
        None,
        Some(ADMIN),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(
        body["error"]
            .as_str()
            .unwrap_or_default()
            .contains("version"),
        "{body}"
    );
    assert_eq!(
        tree(outside.path()),
        before,
        "nothing written or deleted outside"
    );
    assert_eq!(
        std::fs::read_to_string(target.join("keep.txt")).expect("kept"),
        "precious"
    );
    assert_eq!(
        tree(dir.path()),
        plugins_loaded,
        "nothing written inside either"
    );
    assert!(plugins_loaded.is_superset(&plugins_before));
    // The plugin itself is untouched and still serves.
    let (_, ok) = say(&h.app.state.plugins, "15550001", 1, "hello").await;
    assert!(ok, "seller-flaky still answers");
}

/// Two hosts on one PostgreSQL database and one RabbitMQ vhost (#18): a
/// canary fails every "boom"; each host runs 3 of its failing turns, fewer
/// than `min_turns` (6), both together 6 — the canary is judged on the
/// turns of both and rolled back on both, and not after 5. Then a fragile
/// active version fails 3 turns on each host, under the quarantine's
/// `min_turns` (6) on either: quarantined on both. Without the shared
/// counts neither host would ever decide.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hosts_judge_a_canary_and_the_quarantine_on_the_turns_of_both() {
    use agent_store::plugins::canary::bucket;
    let pg = agent_store::db::testing::TestPostgres::create()
        .await
        .expect("a PostgreSQL test database at 127.0.0.1:5432");
    let vhost = common::cluster::Vhost::create("judge").await;
    let (dir_a, dir_b) = (plugins_copy(), plugins_copy());
    let tweak = |c: &mut agent_store::config::Config| {
        c.database.url = pg.url().to_string();
        c.bus.backend = "amqp".into();
        c.bus.amqp_url = vhost.amqp_url();
        c.bus.prefix = "agent-store".into();
        c.plugins.watch = false;
        c.plugins.canary.promote_after = 1000;
        c.plugins.canary.min_turns = 6;
        c.plugins.canary.margin = 0.1;
        c.plugins.quarantine.window = 50;
        c.plugins.quarantine.min_turns = 6;
        c.plugins.quarantine.failure_share = 0.5;
    };
    let a = start(dir_a.path(), tweak).await;
    let b = start(dir_b.path(), tweak).await;
    let hosts = [&a, &b];
    let mut ops = [
        a.app.state.plugins.subscribe(),
        b.app.state.plugins.subscribe(),
    ];
    let v1 = active_digest(&a).await;
    assert_eq!(
        active_digest(&b).await,
        v1,
        "both hosts start on one version"
    );

    // Until every host runs `digest` active (and no canary), bounded.
    async fn every_host_runs(hosts: &[&Harness], digest: &str, within: Duration) {
        let deadline = Instant::now() + within;
        for (i, h) in hosts.iter().enumerate() {
            loop {
                let entry = listed(h, FLAKY).await.expect("listed");
                if entry["digest"] == digest && entry["canary"].is_null() {
                    break;
                }
                assert!(
                    Instant::now() < deadline,
                    "host {i} never ran {digest} alone: {entry}"
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }

    // A failing canary pushed to host A reaches host B.
    let bad = variant(&flaky_bytes(), "two-hosts-canary");
    let (s, body) = put(
        &a,
        &manifest("1.1.0", Build::Fragile),
        &bad,
        Some(50),
        Some(ADMIN),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let deadline = Instant::now() + Duration::from_secs(5);
    while listed(&b, FLAKY).await.expect("listed")["canary"]["digest"] != sha(&bad).as_str() {
        assert!(Instant::now() < deadline, "host B never ran the canary");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // Six customers on the canary; each host runs three of their turns.
    let on_canary: Vec<String> = (0..1000)
        .map(|i| format!("1555{i:04}"))
        .filter(|c| bucket(FLAKY, c) < 50)
        .take(6)
        .collect();
    assert_eq!(on_canary.len(), 6);
    for (k, customer) in on_canary.iter().enumerate().take(5) {
        let (digest, ok) = say(&hosts[k % 2].app.state.plugins, customer, 1, "boom").await;
        assert_eq!(
            (digest, ok),
            (sha(&bad), false),
            "turn {k} on the failing canary"
        );
    }
    // Five failing turns (3 + 2) are under min_turns: still on trial.
    tokio::time::sleep(Duration::from_secs(2)).await;
    for h in hosts {
        assert_eq!(
            listed(h, FLAKY).await.expect("listed")["canary"]["digest"],
            sha(&bad).as_str(),
            "judged on 5 turns"
        );
    }
    let (digest, ok) = say(&b.app.state.plugins, &on_canary[5], 1, "boom").await;
    assert_eq!((digest, ok), (sha(&bad), false));
    let sixth = Instant::now();
    every_host_runs(&hosts, &v1, Duration::from_secs(5)).await;
    eprintln!(
        "the canary was rolled back on both hosts {:?} after its 6th turn",
        sixth.elapsed()
    );
    // The host that judged said on what.
    let mut reasons = Vec::new();
    for rx in &mut ops {
        while let Ok(Ok(e)) = tokio::time::timeout(Duration::from_millis(200), rx.recv()).await {
            if e.action == "canary_rolled_back" {
                reasons.push(e.reason);
            }
        }
    }
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("6 of 6") && r.contains("on every host")),
        "{reasons:?}"
    );
    for h in hosts {
        let (d, ok) = say(&h.app.state.plugins, &on_canary[0], 2, "boom").await;
        assert!(ok && d == v1, "back on the healthy version");
    }

    // A fragile version made active on host A, then failing 3 turns on
    // each host: quarantined on both (back to the first version).
    let fragile = variant(&flaky_bytes(), "two-hosts-fragile");
    let (s, body) = put(
        &a,
        &manifest("1.2.0", Build::Fragile),
        &fragile,
        None,
        Some(ADMIN),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    every_host_runs(&hosts, &sha(&fragile), Duration::from_secs(5)).await;
    for k in 0..5 {
        let (digest, ok) = say(
            &hosts[k % 2].app.state.plugins,
            &format!("1556{k}"),
            1,
            "boom",
        )
        .await;
        assert_eq!((digest, ok), (sha(&fragile), false), "turn {k}");
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    for h in hosts {
        assert_eq!(
            active_digest(h).await,
            sha(&fragile),
            "quarantined after 5 turns"
        );
    }
    let (_, ok) = say(&b.app.state.plugins, "15565", 1, "boom").await;
    assert!(!ok);
    let sixth = Instant::now();
    every_host_runs(&hosts, &v1, Duration::from_secs(5)).await;
    eprintln!(
        "the fragile version was quarantined on both hosts {:?} after its 6th failing turn",
        sixth.elapsed()
    );
    let db = sqlx::postgres::PgPoolOptions::new()
        .max_connections(1)
        .connect(pg.url())
        .await
        .expect("the hosts' database");
    let row: (String, Option<String>) =
        sqlx::query_as("SELECT active_id, canary_id FROM plugin_releases WHERE name = $1")
            .bind(FLAKY)
            .fetch_one(&db)
            .await
            .expect("the shared release");
    assert!(
        row.0.ends_with(&v1[..12]) && row.1.is_none(),
        "the shared release: {row:?}"
    );
    db.close().await;
}
