//! Issue 19's intents approved by policy and business budgets, through the
//! real host with the `grounding-probe` seller (`tests/plugins/`, built to
//! wasm here) on a business number bound to the tech brand:
//!
//! - budgets set with `PUT /admin/budgets/tech` (held in the database);
//! - a discount above the brand's maximum, offered in the seller's text,
//!   is denied: the customer never sees it, the decision is stored, shown
//!   by `GET /admin/plugins/{name}/logs` (what `agent-store plugin logs`
//!   prints) and published as `store.plugin.intent.denied` with the
//!   plugin's name, version and digest; one within the maximum is approved;
//! - an order above the brand's value is held for a person (escalated, no
//!   order); the messages per customer per day stop the seller's replies;
//! - two hosts on one PostgreSQL database share the LLM token budget and
//!   the budgets themselves.

mod common;
mod llm_support;

use std::path::PathBuf;
use std::sync::OnceLock;

use agent_store::config::Config;
use agent_store::whatsapp::NumberConfig;
use common::{ADMIN, Backend, Harness, PHONE_NUMBER_ID, readable, workspace};
use serde_json::{Value, json};

/// The probe seller, built once per test process.
fn probe_dir() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let out = workspace().join("target/policy-plugins");
        agent_store::devkit::build::build_crates(
            &workspace(),
            &[workspace().join("tests/plugins/grounding-probe")],
            &out,
        )
        .expect("the grounding probe builds");
        out
    })
    .clone()
}

/// A plugins directory holding only the probe.
fn plugins() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let dest = dir.path().join("grounding-probe");
    std::fs::create_dir_all(&dest).expect("mkdir");
    for e in std::fs::read_dir(probe_dir().join("grounding-probe")).expect("built probe") {
        let e = e.expect("entry");
        let file = e.file_name().to_string_lossy().into_owned();
        if file == "plugin.toml" || file.ends_with(".wasm") {
            std::fs::copy(e.path(), dest.join(&file)).expect("copy");
        }
    }
    dir
}

fn bind_tech(c: &mut Config) {
    c.whatsapp.numbers = vec![NumberConfig {
        phone_number_id: PHONE_NUMBER_ID.into(),
        display_phone_number: "+1 555 000 0001".into(),
        brand: Some("tech".into()),
    }];
}

async fn put_budgets(h: &Harness, brand: &str, body: Value) -> (u16, Value) {
    let r = h
        .http
        .put(format!("{}/admin/budgets/{brand}", h.app.url()))
        .bearer_auth(ADMIN)
        .json(&body)
        .send()
        .await
        .expect("admin request");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// Say `text` and return what the customer got for it.
async fn ask(h: &Harness, from: &str, wamid: &str, text: &str) -> Vec<Value> {
    let before = h.sink.to(from).len();
    assert_eq!(h.say(from, wamid, text).await, 200);
    h.settle().await;
    h.sink.to(from)[before..].to_vec()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_over_budget_discount_is_denied_and_audited() {
    let (events, url) = llm_support::start().await;
    let dir = plugins();
    let h = Harness::start_with(dir.path().to_path_buf(), |c| {
        bind_tech(c);
        c.bus.sink_url = Some(format!("{url}/events"));
    })
    .await;
    // Bad input first: a field the budgets do not have, a discount over 100.
    let (s, e) = put_budgets(&h, "tech", json!({"max_discount": 10})).await;
    assert_eq!(s, 400, "{e}");
    let (s, e) = put_budgets(&h, "tech", json!({"max_discount_percent": 150})).await;
    assert_eq!(s, 400, "{e}");
    let (s, e) = put_budgets(&h, "tech", json!({"max_discount_percent": 10})).await;
    assert_eq!(s, 200, "{e}");
    assert_eq!(e["budgets"]["max_discount_percent"], 10);

    let me = "15555510001";
    let told = readable(&ask(&h, me, "wamid.pol.1", "discount 40").await);
    assert!(
        !told.contains("40%"),
        "the offer never reaches the customer: {told}"
    );
    assert!(told.contains("I can't offer that"), "{told}");
    let told = readable(&ask(&h, me, "wamid.pol.2", "discount 10").await);
    assert!(told.contains("10% off"), "{told}");

    // Published with the plugin's identity.
    let denied = events
        .wait_event("store.plugin.intent.denied", |e| e["intent"] == "discount")
        .await;
    let plugin = h.admin("/plugins").await;
    let probe = plugin["plugins"]
        .as_array()
        .and_then(|p| p.iter().find(|p| p["name"] == "grounding-probe"))
        .cloned()
        .unwrap_or_else(|| panic!("the probe is listed: {plugin}"));
    assert_eq!(denied["plugin"], "grounding-probe");
    assert_eq!(denied["version"], probe["version"]);
    assert_eq!(denied["digest"], probe["digest"]);
    assert_eq!(denied["detail"]["percent"], 40);
    assert!(
        denied["reason"]
            .as_str()
            .is_some_and(|r| r.contains("maximum discount of 10%")),
        "{denied}"
    );
    assert!(
        !denied.to_string().contains(me),
        "no phone number: {denied}"
    );
    let approved = events
        .wait_event("store.plugin.intent.approved", |e| {
            e["intent"] == "discount" && e["detail"]["percent"] == 10
        })
        .await;
    assert_eq!(approved["digest"], probe["digest"]);

    // Stored, and shown by `plugin logs`.
    let logs = h.admin("/plugins/grounding-probe/logs?limit=100").await;
    let lines = logs["logs"].as_array().cloned().unwrap_or_default();
    let denied_line = lines
        .iter()
        .find(|l| l["event"] == "intent_denied")
        .unwrap_or_else(|| panic!("a denied intent in the logs: {logs}"));
    assert!(
        denied_line["message"]
            .as_str()
            .is_some_and(|m| m.contains("discount") && m.contains("maximum discount of 10%")),
        "{denied_line}"
    );
    assert!(lines.iter().any(|l| l["event"] == "intent_approved"));
    let db = h.db().await;
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM plugin_intents WHERE plugin = 'grounding-probe' AND intent = 'discount' AND approved = 0",
    )
    .fetch_one(&db.pool)
    .await
    .expect("count");
    assert_eq!(n, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_order_waits_for_a_person_and_the_message_budget_stops_replies() {
    let dir = plugins();
    let h = Harness::start_with(dir.path().to_path_buf(), bind_tech).await;
    let (s, e) = put_budgets(
        &h,
        "tech",
        json!({"order_value_needs_human_minor": 100, "messages_per_customer_per_day": 3}),
    )
    .await;
    assert_eq!(s, 200, "{e}");

    // The laptop costs more than $1.00: no order, an escalation, and the
    // customer is told a person confirms it.
    let me = "15555510002";
    let told = readable(&ask(&h, me, "wamid.pol.order", "please place my order").await);
    assert!(told.contains("confirm your order"), "{told}");
    let orders = h.admin("/orders").await;
    assert!(
        !orders.to_string().contains(me),
        "no order placed by the AI: {orders}"
    );
    let logs = h.admin("/plugins/grounding-probe/logs?limit=100").await;
    assert!(
        logs["logs"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|l| l["event"] == "intent_denied" && l["intent"]["intent"] == "order"),
        "{logs}"
    );
    let conversation = h.conversation_of(me).await.expect("conversation");
    assert_eq!(
        conversation["status"], "escalated",
        "a person takes over: {conversation}"
    );

    // Messages per customer: another customer gets a product card a turn;
    // three fit the day's budget, the fourth turn gets nothing.
    let other = "15555510003";
    for (i, expect) in [(1, true), (2, true), (3, true), (4, false)] {
        let got = ask(&h, other, &format!("wamid.pol.msg.{i}"), "hello").await;
        assert_eq!(!got.is_empty(), expect, "turn {i}: {got:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hosts_on_one_postgresql_share_the_budgets() {
    let (model, url) = llm_support::start().await;
    let llm = |c: &mut Config| {
        bind_tech(c);
        c.llm.provider = "openai".into();
        c.llm.base_url = format!("{url}/v1");
        c.llm.model = "scripted".into();
        c.llm.retry_base_ms = 5;
    };
    let dir_a = plugins();
    let a = Harness::start_on_with(Backend::Postgres, dir_a.path().to_path_buf(), llm).await;
    let pg = a.app.state.config.database.url.clone();
    let dir_b = plugins();
    let b = Harness::start_with(dir_b.path().to_path_buf(), |c| {
        llm(c);
        c.database.url = pg;
    })
    .await;
    // Set on one host, seen by the other.
    let (s, e) = put_budgets(&a, "tech", json!({"llm_tokens_per_day": 150})).await;
    assert_eq!(s, 200, "{e}");
    let seen = b.admin("/budgets/tech").await;
    assert_eq!(seen["budgets"]["llm_tokens_per_day"], 150, "{seen}");

    // Host A's turn spends all 150 tokens (a tool round of 50, an answer
    // of 100).
    model.script([
        llm_support::Step::tools(&[("search_products", r#"{"query": "laptop"}"#)]),
        llm_support::Step::text("We have great laptops."),
    ]);
    let told = readable(&ask(&a, "15555510004", "wamid.pol.llm.a", "ask a laptop").await);
    assert!(told.contains("We have great laptops."), "{told}");
    let calls = model.requests().len();
    // Host B's customer: the budget is spent, the model is not called and
    // the seller falls back.
    model.script([llm_support::Step::text("Should not be asked.")]);
    let told = readable(&ask(&b, "15555510005", "wamid.pol.llm.b", "ask a laptop").await);
    assert!(told.contains("Sorry, I can't answer that now."), "{told}");
    assert_eq!(
        model.requests().len(),
        calls,
        "no model call past the budget"
    );
    let usage = b.admin("/budgets").await;
    let tech = usage["brands"]
        .as_array()
        .and_then(|b| b.iter().find(|b| b["brand"] == "tech"))
        .cloned()
        .unwrap_or_else(|| panic!("tech listed: {usage}"));
    assert_eq!(tech["today"]["llm_tokens"], 150, "{usage}");
}
