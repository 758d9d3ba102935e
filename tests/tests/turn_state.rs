//! A seller turn's writes are one transaction with its replies: its
//! `set_state` writes are kept only when the turn commits (a turn that fails
//! after writing leaves nothing; reads in the turn see its own writes), and
//! a redelivered turn adds nothing to the cart twice. The real host, a real
//! wasm seller (`tests/plugins/stateful`), on SQLite and on PostgreSQL.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use agent_store::app::{App, Options};
use agent_store::config::Config;
use agent_store::db::testing::TestPostgres;
use agent_store::whatsapp::NumberConfig;
use agent_store::whatsapp::payload;
use agent_store::whatsapp::signature;
use common::{Backend, Harness, PHONE_NUMBER_ID, SECRET, readable, workspace};

const CUSTOMER: &str = "5511970005555";
const APOLOGY: &str = "Sorry, I ran into a problem answering that.";

/// The test seller, built once per test process, in a plugins directory of
/// its own.
fn plugins() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let out = workspace().join("target/turn-state-plugins");
        agent_store::devkit::build::build_crates(
            &workspace(),
            &[workspace().join("tests/plugins/stateful")],
            &out,
        )
        .expect("the stateful test seller builds");
        out
    })
    .clone()
}

/// The business number belongs to the test seller's brand (no router).
fn bind_number(c: &mut Config) {
    c.plugins.watch = false;
    c.whatsapp.numbers = vec![NumberConfig {
        phone_number_id: PHONE_NUMBER_ID.into(),
        display_phone_number: "15550100".into(),
        brand: Some("home".into()),
    }];
}

async fn state_of(h: &Harness, key: &str) -> Option<String> {
    let c = h
        .conversation_of(CUSTOMER)
        .await
        .expect("the customer's conversation");
    let id = c["id"].as_str().expect("id");
    h.app
        .state
        .conversations
        .state(id, &format!("stateful:{key}"))
        .await
        .expect("state read")
}

/// What the customer was told since `seen` messages.
fn told_since(h: &Harness, seen: usize) -> String {
    readable(&h.sink.to(CUSTOMER)[seen..])
}

async fn failed_turns_leave_no_state(backend: Backend) {
    let h = Harness::start_on_with(backend, plugins(), bind_number).await;

    h.say(CUSTOMER, "wamid.ts.1", "remember apple").await;
    let told = told_since(&h, 0);
    assert!(
        told.contains("word=apple turns=1"),
        "the turn read its own writes: {told:?}"
    );
    assert_eq!(state_of(&h, "word").await.as_deref(), Some("apple"));
    assert_eq!(state_of(&h, "turns").await.as_deref(), Some("1"));

    // The next committed turn keeps every key it wrote.
    let seen = h.sink.to(CUSTOMER).len();
    h.say(CUSTOMER, "wamid.ts.2", "remember plum").await;
    let told = told_since(&h, seen);
    assert!(told.contains("word=plum turns=2"), "{told:?}");
    assert_eq!(state_of(&h, "word").await.as_deref(), Some("plum"));
    assert_eq!(state_of(&h, "turns").await.as_deref(), Some("2"));

    // Writes, reads them back, then fails: the customer gets the apology
    // (and a human: the conversation is escalated) and the conversation
    // keeps the state of the last committed turn.
    let seen = h.sink.to(CUSTOMER).len();
    h.say(CUSTOMER, "wamid.ts.3", "fail pear").await;
    let told = told_since(&h, seen);
    assert!(
        told.contains(APOLOGY),
        "the failing turn could read its own write and failed: {told:?}"
    );
    assert_eq!(
        state_of(&h, "word").await.as_deref(),
        Some("plum"),
        "the failed turn's write is not kept"
    );
    assert_eq!(
        state_of(&h, "doomed").await,
        None,
        "the failed turn's new key is not kept"
    );
    assert_eq!(state_of(&h, "turns").await.as_deref(), Some("2"));
}

on_each_backend!(failed_turns_leave_no_state);

// ---------------------------------------------------------------- the cart

async fn start(config: &Config) -> App {
    App::start(config.clone(), Options::default())
        .await
        .expect("host starts")
}

async fn settle(app: &App) {
    tokio::time::timeout(Duration::from_secs(60), app.idle())
        .await
        .expect("the host finished handling within 60 s");
}

async fn cart_quantity(app: &App, product: &str) -> i64 {
    sqlx::query_scalar::<_, i64>("SELECT quantity FROM cart_lines WHERE product_id = $1")
        .bind(product)
        .fetch_optional(&app.state.orders.db().pool)
        .await
        .expect("cart")
        .unwrap_or(0)
}

/// The seller's turn ran and added to the cart, then the host died before
/// the turn's commit (the inbound message is still unhandled): the restarted
/// host replays the message, the seller asks for the same item again, and
/// the cart holds it once.
async fn a_redelivered_turn_adds_to_the_cart_once(backend: Backend) {
    let pg = match backend {
        Backend::Sqlite => None,
        Backend::Postgres => Some(TestPostgres::create().await.expect("postgres")),
    };
    let data = tempfile::tempdir().expect("tempdir");
    let (sink, sink_url) = common::start_sink().await;
    let mut config = common::config(data.path(), &sink_url, &plugins());
    bind_number(&mut config);
    if let Some(pg) = &pg {
        config.database.url = pg.url().to_string();
    }
    let wamid = "wamid.ts.add";

    let app = start(&config).await;
    deliver(&app, wamid, "add HOM-0001").await;
    assert_eq!(cart_quantity(&app, "HOM-0001").await, 1);
    let replies = sink.to(CUSTOMER).len();
    assert!(replies > 0, "the seller answered");
    // The state a crash between the cart add and the turn's commit leaves.
    sqlx::query("UPDATE messages SET state = 'received' WHERE id = $1")
        .bind(wamid)
        .execute(&app.state.orders.db().pool)
        .await
        .expect("unhandle");
    app.shutdown().await;

    let app = start(&config).await;
    settle(&app).await;
    let unhandled = app
        .state
        .conversations
        .unhandled_inbound()
        .await
        .expect("unhandled");
    assert!(unhandled.is_empty(), "the replayed message was handled");
    assert_eq!(
        cart_quantity(&app, "HOM-0001").await,
        1,
        "the replayed turn did not add the sofa again"
    );
    assert_eq!(
        sink.to(CUSTOMER).len(),
        replies,
        "the replayed turn's reply was not sent again"
    );
    app.shutdown().await;
    drop(pg);
}

on_each_backend!(a_redelivered_turn_adds_to_the_cart_once);

/// POST a signed message and wait (bounded) until the host handled it.
async fn deliver(app: &App, wamid: &str, text: &str) {
    let body = payload::text_envelope(PHONE_NUMBER_ID, CUSTOMER, "Ana", wamid, text);
    let raw = serde_json::to_vec(&body).expect("json");
    let status = reqwest::Client::new()
        .post(format!("{}/webhooks/whatsapp", app.url()))
        .header("content-type", "application/json")
        .header(
            "x-hub-signature-256",
            signature::sign(SECRET.as_bytes(), &raw),
        )
        .body(raw)
        .send()
        .await
        .expect("webhook request")
        .status();
    assert_eq!(status, 200);
    settle(app).await;
}
