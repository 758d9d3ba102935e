//! Hostile plugins against the real host: each plugin of the corpus in
//! `tests/plugins/` (built from source to a wasm component here) is
//! installed as the `home` seller next to the real router and the real tech
//! seller. For each: the harm is contained, the reason is reported
//! (`store.plugin.failed`, with plugin, version and a specific reason), the
//! customer gets the apology and a human is called in, and the other brand
//! and the host keep serving.

mod common;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use agent_store::config::Config;
use agent_store::plugins::{Compiler, Tier};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::post;
use common::{Harness, plugins_dir, readable, workspace};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

const CORPUS: &[&str] = &[
    "hostile-cart",
    "hostile-flood",
    "hostile-loop",
    "hostile-memory",
    "hostile-panic",
    "hostile-recursion",
    "hostile-reply",
    "hostile-snoop",
    "hostile-wrong-world",
    "patient",
];

const APOLOGY: &str = "Sorry, I ran into a problem answering that.";
const SOFA: &str = "I need a new sofa for my living room";
const LAPTOP: &str = "I'm looking for a new laptop for work";

/// The corpus, built once per test process.
fn corpus_dir() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let out = workspace().join("target/hostile-plugins");
        let crates: Vec<PathBuf> = CORPUS
            .iter()
            .map(|name| workspace().join("tests/plugins").join(name))
            .collect();
        agent_store::devkit::build::build_crates(&workspace(), &crates, &out)
            .expect("the hostile corpus builds");
        out
    })
    .clone()
}

/// Install a built plugin (its manifest and component, as a drop-in).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read") {
        let e = e.expect("entry");
        let name = e.file_name().to_string_lossy().into_owned();
        if e.path().is_file() && (name == "plugin.toml" || name.ends_with(".wasm")) {
            std::fs::copy(e.path(), to.join(&name)).expect("copy");
        }
    }
}

/// Every CloudEvent the host emitted (the bus's HTTP sink): (type, data).
#[derive(Clone, Default)]
struct Events(Arc<Mutex<Vec<(String, Value)>>>);

impl Events {
    fn of(&self, kind: &str) -> Vec<Value> {
        self.0
            .lock()
            .expect("lock")
            .iter()
            .filter(|(t, _)| t == kind)
            .map(|(_, d)| d.clone())
            .collect()
    }

    fn failures_of(&self, plugin: &str) -> Vec<Value> {
        self.of("store.plugin.failed")
            .into_iter()
            .filter(|d| d["plugin"] == plugin)
            .collect()
    }
}

async fn receive(State(events): State<Events>, headers: HeaderMap, body: Bytes) -> &'static str {
    let kind = headers
        .get("ce-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let data = serde_json::from_slice(&body).unwrap_or(Value::Null);
    events.0.lock().expect("lock").push((kind, data));
    "ok"
}

/// A local HTTP sink for the host's events; returns its URL.
async fn start_events() -> (Events, String) {
    let events = Events::default();
    let app = axum::Router::new()
        .route("/", post(receive))
        .with_state(events.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (events, format!("http://{addr}/"))
}

/// The real host with the router, the tech seller and `hostile` as the
/// home seller.
struct Store {
    h: Harness,
    events: Events,
    _plugins: tempfile::TempDir,
}

impl Store {
    async fn start(hostile: &[&str], tweak: impl FnOnce(&mut Config)) -> Self {
        let good = plugins_dir();
        let corpus = corpus_dir();
        let dir = tempfile::tempdir().expect("tempdir");
        for name in ["router", "seller-tech"] {
            copy_dir(&good.join(name), &dir.path().join(name));
        }
        for name in hostile {
            copy_dir(&corpus.join(name), &dir.path().join(name));
        }
        Self::start_in(dir, tweak).await
    }

    async fn start_in(dir: tempfile::TempDir, tweak: impl FnOnce(&mut Config)) -> Self {
        let (events, url) = start_events().await;
        let h = Harness::start_with(dir.path().to_path_buf(), |c| {
            c.bus.sink_url = Some(url);
            tweak(c);
        })
        .await;
        Self {
            h,
            events,
            _plugins: dir,
        }
    }

    async fn told(&self, wa_id: &str) -> String {
        readable(&self.h.sink.to(wa_id))
    }

    /// The tech seller answers another customer, and the host is healthy.
    async fn others_keep_answering(&self, wa_id: &str) {
        self.h
            .say(wa_id, &format!("wamid.{wa_id}.tech"), LAPTOP)
            .await;
        let told = self.told(wa_id).await;
        assert!(
            !told.is_empty() && !told.contains(APOLOGY),
            "the tech seller answered: {told:?}"
        );
        let health = self
            .h
            .http
            .get(format!("{}/healthz", self.h.app.url()))
            .send()
            .await
            .expect("healthz");
        assert!(health.status().is_success());
    }

    /// One customer message to the hostile seller: the customer gets the
    /// apology, `store.plugin.failed` names plugin, version and a reason
    /// containing `reason`, the conversation is escalated. Returns the
    /// reason.
    async fn fails_politely(&self, plugin: &str, wa_id: &str, text: &str, reason: &str) -> String {
        let before = self.events.failures_of(plugin).len();
        self.h
            .say(wa_id, &format!("wamid.{wa_id}.{}", before + 1), text)
            .await;
        let told = self.told(wa_id).await;
        assert!(
            told.contains(APOLOGY),
            "{plugin}: the customer got {told:?}"
        );
        let failures = self.events.failures_of(plugin);
        assert_eq!(failures.len(), before + 1, "{plugin}: {failures:?}");
        let failed = &failures[before];
        assert_eq!(failed["version"], "0.1.0", "{failed}");
        let got = failed["reason"].as_str().unwrap_or_default().to_string();
        assert!(
            got.contains(reason),
            "{plugin}: reason {got:?} lacks {reason:?}"
        );
        let conversation = failed["conversation_id"].clone();
        let escalations = self.events.of("store.sales.escalate");
        assert!(
            escalations
                .iter()
                .any(|e| e["conversation_id"] == conversation),
            "{plugin}: escalated: {escalations:?}"
        );
        got
    }
}

async fn contained(plugin: &str, reason: &str) -> String {
    contained_with(plugin, reason, |_| {}).await
}

async fn contained_with(plugin: &str, reason: &str, tweak: impl FnOnce(&mut Config)) -> String {
    let s = Store::start(&[plugin], tweak).await;
    let compiler = s.h.app.state.plugins.runtime().compiler();
    if compiler == Compiler::Baseline {
        let snapshot = s.h.app.state.plugins.snapshot();
        let tier = snapshot.plugins.get(plugin).map(|p| p.tier());
        assert_eq!(tier, Some(Tier::Baseline), "{plugin} runs Winch's code");
    }
    let got = s.fails_politely(plugin, "15550001001", SOFA, reason).await;
    // A fresh instance per turn: the next customer meets the same limit,
    // not a wedged instance.
    s.fails_politely(plugin, "15550001002", SOFA, reason).await;
    s.others_keep_answering("15550001003").await;
    got
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_infinite_loop_is_stopped_at_its_cpu_deadline() {
    let started = Instant::now();
    let reason = contained("hostile-loop", "CPU deadline of 200 ms").await;
    assert!(
        reason.contains("hostile-loop"),
        "the reason names the plugin: {reason}"
    );
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_memory_bomb_hits_the_memory_cap() {
    contained("hostile-memory", "memory cap of 32 MiB").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deep_recursion_is_a_stack_overflow() {
    contained("hostile-recursion", "stack overflow").await;
}

/// Every plugin on Winch's baseline code only (what a tiered host serves
/// until the optimised code is ready): the same limits stop the same
/// guests, with the same reasons.
fn baseline_only(c: &mut Config) {
    c.plugins.compiler = Compiler::Baseline;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_baseline_code_an_infinite_loop_is_stopped_at_its_cpu_deadline() {
    contained_with("hostile-loop", "CPU deadline of 200 ms", baseline_only).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_baseline_code_a_memory_bomb_hits_the_memory_cap() {
    contained_with("hostile-memory", "memory cap of 32 MiB", baseline_only).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_baseline_code_deep_recursion_is_a_stack_overflow() {
    contained_with("hostile-recursion", "stack overflow", baseline_only).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_is_reported_with_its_message() {
    contained(
        "hostile-panic",
        "panic: the hostile seller gave up on purpose",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_host_call_flood_is_refused_then_stopped() {
    contained("hostile-flood", "host-call flood").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_replies_are_refused() {
    let s = Store::start(&["hostile-reply"], |_| {}).await;
    s.fails_politely(
        "hostile-reply",
        "15550002001",
        SOFA,
        "reply of 1.2 MiB exceeds 64 KiB",
    )
    .await;
    s.fails_politely(
        "hostile-reply",
        "15550002002",
        "so many sofas",
        "reply of 500 actions exceeds 10",
    )
    .await;
    // Nothing of the oversized replies reached either customer.
    for wa_id in ["15550002001", "15550002002"] {
        let told = s.told(wa_id).await;
        assert!(
            !told.contains("sofa!") && !told.contains("sofa #"),
            "{told}"
        );
    }
    s.others_keep_answering("15550002003").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_seller_cannot_read_other_brands_or_ungranted_capabilities() {
    let s = Store::start(&["hostile-snoop"], |c| {
        c.whatsapp.access_token = "secret-graph-token".into();
    })
    .await;
    let wa_id = "15550003001";
    s.h.say(wa_id, "wamid.snoop.1", SOFA).await;
    let told = s.told(wa_id).await;
    for expected in [
        "get FSH-0001: none",
        "get TEC-0001: none",
        "recommend FSH-0001: 0 results",
        "recommend TEC-0001: 0 results",
        "chat: denied",
        "cart: denied",
        "config: none",
    ] {
        assert!(told.contains(expected), "{expected:?} in {told:?}");
    }
    let searched = told
        .split("search brands: ")
        .nth(1)
        .and_then(|rest| rest.split(" |").next())
        .unwrap_or_else(|| panic!("search report in {told:?}"));
    assert!(
        searched.split(',').all(|b| b == "home" || b.is_empty()),
        "search results stay in the home brand: {searched:?}"
    );
    assert!(!told.contains("LEAK") && !told.contains("secret-graph-token"));
    // The card of another brand's product it tried to show was dropped:
    // only its text report reached the customer.
    let messages = s.h.sink.to(wa_id);
    assert!(messages.iter().all(|m| m["type"] == "text"), "{messages:?}");
    assert!(!told.contains("Stride Runner"), "{told}");
    // No failure: denials are errors to the guest, not traps...
    assert!(s.events.failures_of("hostile-snoop").is_empty());
    // ...and audited: one per denied capability.
    let snapshot = s.h.app.state.plugins.snapshot();
    let snoop = snapshot
        .plugins
        .get("hostile-snoop")
        .expect("hostile-snoop loaded");
    assert_eq!(snoop.audit.denied_calls(), 3);
    let by = snoop.audit.denied_by_capability();
    assert_eq!(
        (by.get("llm"), by.get("orders"), by.get("config")),
        (Some(&1), Some(&1), Some(&1)),
        "{by:?}"
    );
    s.others_keep_answering("15550003002").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_seller_cannot_put_another_brands_product_in_the_cart() {
    let s = Store::start(&["hostile-cart"], |_| {}).await;
    let wa_id = "15550004001";
    s.h.say(wa_id, "wamid.cart.1", "I want the grey sofa, add it")
        .await;
    assert!(s.told(wa_id).await.contains("added to your cart"));
    s.h.say(wa_id, "wamid.cart.2", "sofa inventory").await;
    let told = s.told(wa_id).await;
    assert!(
        told.contains("cart holds: [HOM-0001]"),
        "only its own brand's product is in the cart: {told:?}"
    );
    s.h.say(wa_id, "wamid.cart.3", "sofa purchase").await;
    let told = s.told(wa_id).await;
    let order = told
        .split("cart holds")
        .nth(1)
        .unwrap_or_else(|| panic!("{told:?}"));
    assert!(
        order.contains("Oslo 3-Seater Sofa") && !order.contains("Stride Runner"),
        "the order holds its own brand's product only: {order:?}"
    );
    assert!(s.events.failures_of("hostile-cart").is_empty());
    s.others_keep_answering("15550004002").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_world_and_random_bytes_are_refused_at_load() {
    let good = plugins_dir();
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["router", "seller-tech"] {
        copy_dir(&good.join(name), &dir.path().join(name));
    }
    copy_dir(
        &corpus_dir().join("hostile-wrong-world"),
        &dir.path().join("hostile-wrong-world"),
    );
    // Random bytes, with and without the wasm magic number, as components.
    let mut bytes = Vec::new();
    let mut block = Sha256::digest(b"hostile");
    while bytes.len() < 64 << 10 {
        block = Sha256::digest(block);
        bytes.extend_from_slice(&block);
    }
    for (name, brand, prefix) in [
        ("hostile-random", "fashion", &b""[..]),
        ("hostile-random-magic", "beauty", &b"\0asm\x0d\0\x01\0"[..]),
    ] {
        let plugin = dir.path().join(name);
        std::fs::create_dir_all(&plugin).expect("mkdir");
        std::fs::write(
            plugin.join(format!("{name}.wasm")),
            [prefix, &bytes[..]].concat(),
        )
        .expect("write");
        std::fs::write(
            plugin.join("plugin.toml"),
            format!(
                "name = \"{name}\"\nkind = \"seller\"\nbrand = \"{brand}\"\nversion = \"0.1.0\"\n"
            ),
        )
        .expect("write");
    }
    let s = Store::start_in(dir, |_| {}).await;
    let listing = s.h.admin("/plugins").await;
    let loaded: Vec<&str> = listing["plugins"]
        .as_array()
        .expect("plugins")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert_eq!(loaded, ["router", "seller-tech"], "{listing}");
    let reason = |name: &str| {
        listing["failed"]
            .as_array()
            .and_then(|f| f.iter().find(|f| f["name"] == name))
            .and_then(|f| f["error"].as_str())
            .unwrap_or_else(|| panic!("{name} failed: {listing}"))
            .to_string()
    };
    assert!(
        reason("hostile-wrong-world").contains("does not implement the seller world"),
        "{listing}"
    );
    for name in ["hostile-random", "hostile-random-magic"] {
        assert!(
            reason(name).contains("not a valid wasm component"),
            "{name}: {listing}"
        );
    }
    s.others_keep_answering("15550005001").await;
}

/// An OpenAI-compatible stand-in that takes 150 ms per answer.
async fn start_slow_llm() -> String {
    async fn complete(_body: Bytes) -> axum::Json<Value> {
        tokio::time::sleep(Duration::from_millis(150)).await;
        axum::Json(json!({
            "id": "stub", "object": "chat.completion", "model": "stub",
            "choices": [{"index": 0, "finish_reason": "stop",
                "message": {"role": "assistant", "content": "a considered answer"}}],
        }))
    }
    let app = axum::Router::new().fallback(post(complete));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}/v1")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn time_waiting_on_host_calls_does_not_count_against_the_cpu_deadline() {
    let llm = start_slow_llm().await;
    let s = Store::start(&["patient"], |c| {
        c.llm.provider = "openai".into();
        c.llm.base_url = llm;
        c.llm.model = "stub".into();
        c.llm.api_key = "test".into();
    })
    .await;
    // `patient` has `cpu_ms = 50` and waits 3 × 150 ms on the LLM.
    let wa_id = "15550006001";
    let started = Instant::now();
    s.h.say(wa_id, "wamid.patient.1", SOFA).await;
    let took = started.elapsed();
    let told = s.told(wa_id).await;
    assert!(
        told.contains("patient: a considered answer / a considered answer / a considered answer"),
        "{told:?}"
    );
    assert!(took >= Duration::from_millis(450), "{took:?}");
    assert!(s.events.failures_of("patient").is_empty());
    // Its own computation does count, against its manifest's 50 ms.
    s.fails_politely(
        "patient",
        "15550006002",
        "sofa, spin",
        "CPU deadline of 50 ms",
    )
    .await;
    s.others_keep_answering("15550006003").await;
}
