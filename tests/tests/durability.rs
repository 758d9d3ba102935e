//! Nothing lost, nothing doubled: the real `agent-store serve` process is
//! SIGKILLed mid-load (on SQLite and on PostgreSQL) or stopped with SIGTERM
//! under load, then restarted on the same data: every stored customer
//! message is answered, each reply sent once — counted at a Graph API
//! stand-in in this process. And in process: 2,000 messages from 50
//! concurrent customers keep every conversation's plugin state (SQLite and
//! PostgreSQL), and a 10,000-message delivery is acknowledged with every
//! message stored.
//!
//! Bounded: a few hundred messages, loopback only, every wait has a
//! deadline.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use agent_store::config::Config;
use agent_store::db::testing::TestPostgres;
use agent_store::whatsapp::payload::text_envelope;
use agent_store::whatsapp::signature;
use serde_json::{Value, json};

use common::child_host::{ChildHost as Host, Graph, Store, post_webhook};
use common::{Backend, PHONE_NUMBER_ID, SECRET, plugins_dir};

/// What customers write: one brand each, so every seller is exercised.
const TEXTS: [&str; 5] = [
    "hi, I'm looking for a new laptop",
    "quero um batom vermelho",
    "busco un sofá para la sala",
    "I need a new controller for my PS5",
    "do you have running shoes?",
];

// ---------------------------------------------------------------- set-up

/// A host configuration: the stand-in as Graph API, real plugins, the
/// demo catalog, `database_url` (empty = SQLite in `data_dir`).
fn host_config(data_dir: &Path, graph_url: &str, database_url: &str) -> Config {
    let mut c = common::config(data_dir, graph_url, &plugins_dir());
    c.database.url = database_url.to_string();
    c.plugins.watch = false;
    // Slow enough that the load is still being sent when the host dies.
    c.whatsapp.pace_per_second = 40.0;
    c.whatsapp.pace_burst = 5;
    c
}

fn customer(i: usize) -> String {
    format!("5511900{i:05}")
}

/// `n` customers write one message each, 16 deliveries at a time; every
/// delivery must be acknowledged (= stored).
async fn load(url: &str, n: usize, run: &str) {
    let http = reqwest::Client::new();
    let gate = Arc::new(tokio::sync::Semaphore::new(16));
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..n {
        let (http, url, gate) = (http.clone(), url.to_string(), gate.clone());
        let body = text_envelope(
            PHONE_NUMBER_ID,
            &customer(i),
            &format!("Customer {i}"),
            &format!("wamid.{run}.{i}"),
            TEXTS[i % TEXTS.len()],
        );
        tasks.spawn(async move {
            let _permit = gate.acquire().await.expect("gate");
            post_webhook(&http, &url, &body).await
        });
    }
    while let Some(status) = tasks.join_next().await {
        assert_eq!(status.expect("task"), reqwest::StatusCode::OK);
    }
}

// ---------------------------------------------------------------- checks

/// Wait until nothing is left: every message handled, the outbox empty,
/// every customer answered.
async fn wait_all_answered(store: &mut Store, graph: &Graph, customers: usize, within: Duration) {
    let deadline = Instant::now() + within;
    loop {
        let (unhandled, queued) = store.pending().await;
        let answered = graph.by_customer().len();
        if unhandled == 0 && queued == 0 && answered >= customers {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "after the restart: {unhandled} messages unhandled, {queued} replies queued, {answered}/{customers} customers answered"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Every customer answered; each reply the host stored as sent reached the
/// stand-in once. Returns the replies sent twice, with how far their first
/// copy was from `killed_at` (only a send in flight at a SIGKILL may be
/// repeated: Meta has no idempotency key).
async fn check_exactly_once(
    store: &mut Store,
    graph: &Graph,
    customers: usize,
    run: &str,
) -> Vec<(String, Instant)> {
    let by_customer = graph.by_customer();
    for i in 0..customers {
        assert!(
            by_customer.contains_key(&customer(i)),
            "customer {i} was never answered"
        );
    }
    let stored_sent = store
        .count("SELECT COUNT(*) FROM messages WHERE direction = 'out' AND state = 'sent'")
        .await;
    let not_sent = store
        .count("SELECT COUNT(*) FROM messages WHERE direction = 'out' AND state NOT IN ('sent', 'delivered', 'read')")
        .await;
    assert_eq!(not_sent, 0, "every reply sent (none failed or held)");
    let inbound = store
        .count(&format!(
            "SELECT COUNT(*) FROM messages WHERE direction = 'in' AND id LIKE 'wamid.{run}.%'"
        ))
        .await;
    assert_eq!(
        inbound as usize, customers,
        "every acknowledged message stored"
    );
    let handled = store
        .count("SELECT COUNT(*) FROM messages WHERE direction = 'in' AND state = 'handled'")
        .await;
    assert_eq!(handled, inbound, "every stored message handled");
    // Identical bodies to one customer: the same reply sent twice.
    let mut doubled = Vec::new();
    for (to, sent) in &by_customer {
        let mut seen: BTreeMap<String, Instant> = BTreeMap::new();
        for s in sent {
            let key = s.body.to_string();
            if let Some(first) = seen.get(&key) {
                doubled.push((to.clone(), *first));
            } else {
                seen.insert(key, s.at);
            }
        }
    }
    let at_stand_in = graph.replies().len() as i64;
    assert_eq!(
        at_stand_in,
        stored_sent + doubled.len() as i64,
        "every send the stand-in saw is a stored reply (or a repeat of one)"
    );
    eprintln!(
        "{run}: {customers} customers, {stored_sent} replies stored as sent, {at_stand_in} sends at the stand-in, {} repeated",
        doubled.len()
    );
    doubled
}

// ---------------------------------------------------------------- tests

const CUSTOMERS: usize = 300;

async fn sigkill_mid_load_then_restart(database_url: &str, run: &str) {
    let data = tempfile::tempdir().expect("tempdir");
    let (graph, graph_url) = Graph::start().await;
    let config = host_config(data.path(), &graph_url, database_url);

    let host = Host::spawn(&config, data.path()).await;
    load(&host.url, CUSTOMERS, run).await;
    // Mid-load: some customers answered, most not yet.
    let deadline = Instant::now() + Duration::from_secs(120);
    while graph.replies().len() < 20 {
        assert!(Instant::now() < deadline, "no reply before the kill");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let pid = host.pid();
    let killed_at = host.kill();
    let answered_before = graph.by_customer().len();
    eprintln!(
        "{run}: SIGKILL {pid} with {answered_before}/{CUSTOMERS} customers answered ({} sends)",
        graph.replies().len()
    );
    assert!(
        answered_before < CUSTOMERS,
        "the host was killed mid-load, not after it"
    );

    let mut store = Store::open(database_url, data.path()).await;
    let (unhandled, queued) = store.pending().await;
    eprintln!("{run}: at the kill, {unhandled} messages unhandled, {queued} replies queued");

    let restarted = Host::spawn(&config, data.path()).await;
    wait_all_answered(&mut store, &graph, CUSTOMERS, Duration::from_secs(240)).await;
    let doubled = check_exactly_once(&mut store, &graph, CUSTOMERS, run).await;
    for (to, first) in &doubled {
        let from_kill = if *first > killed_at {
            *first - killed_at
        } else {
            killed_at - *first
        };
        assert!(
            from_kill < Duration::from_secs(2),
            "a reply to {to} was sent twice, its first copy {from_kill:?} from the kill: not a send in flight"
        );
    }
    // At most the sends in flight at the kill (the bus's send lanes and the
    // outbox worker).
    assert!(doubled.len() <= 9, "{} replies sent twice", doubled.len());
    let orders = store.count("SELECT COUNT(*) FROM orders").await;
    let distinct = store
        .count("SELECT COUNT(DISTINCT source_id) FROM orders")
        .await;
    assert_eq!(orders, distinct, "no order doubled");
    drop(restarted);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_mid_load_on_sqlite_loses_and_doubles_nothing() {
    sigkill_mid_load_then_restart("", "kill-sqlite").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_mid_load_on_postgres_loses_and_doubles_nothing() {
    let db = TestPostgres::create().await.expect("postgres");
    sigkill_mid_load_then_restart(db.url(), "kill-postgres").await;
}

/// SIGTERM under load: the host exits within its grace, and what it left
/// is answered after the restart, nothing twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_under_load_exits_within_the_grace_and_the_rest_follows_the_restart() {
    const GRACE: u64 = 5;
    let data = tempfile::tempdir().expect("tempdir");
    let (graph, graph_url) = Graph::start().await;
    let mut config = host_config(data.path(), &graph_url, "");
    config.server.shutdown_grace_secs = GRACE;
    config.whatsapp.pace_per_second = 20.0;
    let run = "term";

    let mut host = Host::spawn(&config, data.path()).await;
    load(&host.url, CUSTOMERS, run).await;
    let deadline = Instant::now() + Duration::from_secs(120);
    while graph.replies().len() < 20 {
        assert!(Instant::now() < deadline, "no reply before SIGTERM");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    host.terminate();
    let signalled = Instant::now();
    let exit_deadline = signalled + Duration::from_secs(GRACE + 5);
    let exit = loop {
        if let Some(exit) = host.child.try_wait().expect("wait") {
            break exit;
        }
        assert!(
            Instant::now() < exit_deadline,
            "still running {:?} after SIGTERM (grace {GRACE} s)",
            signalled.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let took = signalled.elapsed();
    eprintln!("SIGTERM: exited ({exit}) after {took:?} with a {GRACE} s grace");
    assert!(exit.success(), "a graceful stop exits 0: {exit}");
    assert!(
        took < Duration::from_secs(GRACE + 2),
        "exited after {took:?}"
    );
    let answered_before = graph.by_customer().len();
    assert!(
        answered_before < CUSTOMERS,
        "the load outlasted the grace ({answered_before}/{CUSTOMERS} answered at exit)"
    );

    let mut store = Store::open("", data.path()).await;
    let restarted = Host::spawn(&config, data.path()).await;
    wait_all_answered(&mut store, &graph, CUSTOMERS, Duration::from_secs(240)).await;
    let doubled = check_exactly_once(&mut store, &graph, CUSTOMERS, run).await;
    assert!(
        doubled.is_empty(),
        "a graceful stop repeats nothing: {doubled:?}"
    );
    drop(restarted);
}

/// 2,000 messages from 50 customers writing at once: every seller's state
/// keys survive (written with each turn's commit), every message is
/// answered, no turn fails. On SQLite and on PostgreSQL.
async fn concurrent_customers_keep_their_plugin_state(backend: Backend) {
    const SENDERS: usize = 50;
    const EACH: usize = 40;
    let h = common::Harness::start_on_with(backend, plugins_dir(), |c| {
        c.whatsapp.pace_per_second = 0.0;
        c.whatsapp.pace_recipient_gap_ms = 0;
        c.plugins.watch = false;
    })
    .await;
    let url = h.app.url();
    let asks = [
        "do you have a laptop?",
        "show me wireless headphones",
        "I want a smartphone",
        "bluetooth speaker please",
    ];
    let mut tasks = tokio::task::JoinSet::new();
    for s in 0..SENDERS {
        let (http, url) = (h.http.clone(), url.clone());
        tasks.spawn(async move {
            for m in 0..EACH {
                let body = text_envelope(
                    PHONE_NUMBER_ID,
                    &customer(s),
                    &format!("Customer {s}"),
                    &format!("wamid.state.{s}.{m}"),
                    asks[(s + m) % asks.len()],
                );
                assert_eq!(
                    post_webhook(&http, &url, &body).await,
                    reqwest::StatusCode::OK
                );
            }
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.expect("sender");
    }
    tokio::time::timeout(Duration::from_secs(600), h.app.idle())
        .await
        .expect("2,000 messages handled within 10 minutes");

    let conversations = &h.app.state.conversations;
    let mut intact = 0;
    let mut missing = Vec::new();
    for s in 0..SENDERS {
        let c = h
            .conversation_of(&customer(s))
            .await
            .unwrap_or_else(|| panic!("customer {s} has a conversation"));
        let id = c["id"].as_str().expect("id");
        let mut all = true;
        // The seller kit's keys: the sticky language, and the dialogue
        // state (offered items, focus, constraints) rewritten every turn.
        for key in ["lang", "dialogue"] {
            let value = conversations
                .state(id, &format!("seller-tech:{key}"))
                .await
                .expect("state read");
            let kept = match (key, value.as_deref()) {
                (_, None | Some("")) => false,
                ("dialogue", Some(v)) => serde_json::from_str::<serde_json::Value>(v)
                    .is_ok_and(|d| d["language"].as_str().is_some_and(|l| !l.is_empty())),
                _ => true,
            };
            if !kept {
                all = false;
                missing.push(format!("{s}:{key}"));
            }
        }
        intact += usize::from(all);
    }
    eprintln!("{intact}/{SENDERS} conversations kept all their state keys");
    assert_eq!(intact, SENDERS, "state lost: {missing:?}");
    let unhandled = conversations.unhandled_inbound().await.expect("unhandled");
    assert!(
        unhandled.is_empty(),
        "{} messages never handled",
        unhandled.len()
    );
    // No turn failed (a state write that failed would have failed its turn).
    let logs = h.admin("/plugins/seller-tech/logs?limit=1000").await;
    let failed: Vec<&Value> = logs["logs"]
        .as_array()
        .expect("logs")
        .iter()
        .filter(|l| l["event"] == "turn_failed")
        .collect();
    assert!(failed.is_empty(), "failed turns: {failed:?}");
    for s in 0..SENDERS {
        assert!(
            h.sink.to(&customer(s)).len() >= EACH,
            "customer {s} got fewer replies than messages"
        );
    }
}

on_each_backend!(concurrent_customers_keep_their_plugin_state);

/// A 10,000-message delivery is acknowledged within a second or so (one
/// transaction) and every message of it is stored; processing goes on from
/// storage.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ten_thousand_message_delivery_is_acknowledged_fast_and_stored() {
    const N: usize = 10_000;
    let empty = tempfile::tempdir().expect("no plugins");
    let h = common::Harness::start_with(empty.path().to_path_buf(), |c| {
        c.server.body_limit_bytes = 32 * 1024 * 1024;
        c.whatsapp.pace_per_second = 0.0;
        c.whatsapp.pace_recipient_gap_ms = 0;
    })
    .await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs()
        .to_string();
    let contacts: Vec<Value> = (0..N)
        .map(|i| json!({"profile": {"name": format!("C{i}")}, "wa_id": customer(i % 1000)}))
        .collect();
    let messages: Vec<Value> = (0..N)
        .map(|i| {
            json!({"from": customer(i % 1000), "id": format!("wamid.big.{i}"), "timestamp": now,
                   "type": "text", "text": {"body": format!("message {i}")}})
        })
        .collect();
    let body = json!({
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550100", "phone_number_id": PHONE_NUMBER_ID},
            "contacts": contacts,
            "messages": messages,
        }}]}]
    });
    let raw = serde_json::to_vec(&body).expect("json");
    let signed = signature::sign(SECRET.as_bytes(), &raw);
    let started = Instant::now();
    let response = h
        .http
        .post(format!("{}/webhooks/whatsapp", h.app.url()))
        .header("content-type", "application/json")
        .header("x-hub-signature-256", signed)
        .body(raw.clone())
        .send()
        .await
        .expect("webhook");
    let took = started.elapsed();
    eprintln!(
        "a {N}-message delivery ({} bytes) acknowledged in {took:?}",
        raw.len()
    );
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    // How fast: BENCHMARKS.md (tests assert no timings).

    let conversations = &h.app.state.conversations;
    let list = conversations.list(5000).await.expect("conversations");
    assert_eq!(list.len(), 1000, "one conversation per customer");
    // Every message stored (the unanswered ones among them wait in storage).
    let mut stored = 0;
    for c in &list {
        stored += conversations
            .history(&c.id, 100, None)
            .await
            .expect("history")
            .iter()
            .filter(|e| e.text.starts_with("message "))
            .count();
    }
    assert_eq!(stored, N, "every message of the delivery stored");
    // Processing continues from storage: replies start to leave.
    let deadline = Instant::now() + Duration::from_secs(60);
    while h.sink.all().is_empty() {
        assert!(
            Instant::now() < deadline,
            "no message processed after the acknowledgement"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
