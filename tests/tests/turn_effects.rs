//! An order request and an escalation committed with their turn's handled
//! mark survive a crash before they were published: the real host, with the
//! real plugins, builds a customer's cart; then the checkout turn's
//! transaction is committed exactly as the sell stage commits it (effects +
//! handled mark) and nothing is published — the state a SIGKILL right after
//! the commit leaves. The restarted host carries both out, once; a crash
//! after the consumers but before they settled (the same rows again) doubles
//! nothing. On SQLite and on PostgreSQL.

mod common;

use std::path::Path;
use std::time::Duration;

use agent_store::app::{App, Options};
use agent_store::chat::{EscalationReason, Priority};
use agent_store::config::Config;
use agent_store::conversations::{Conversations, TurnEffect};
use agent_store::db::Db;
use agent_store::events::{OrderCreate, SalesEscalate};
use agent_store::pipeline::turn_effect;
use agent_store::whatsapp::payload::{self, Inbound};
use agent_store::whatsapp::signature;
use serde_json::{Value, json};
use sqlx::Row;

use common::{Backend, PHONE_NUMBER_ID, SECRET, plugins_dir};

const CUSTOMER: &str = "5511970001234";

/// A button tap from the customer.
fn tap(wamid: &str, id: &str, title: &str) -> Value {
    let mut body = payload::text_envelope(PHONE_NUMBER_ID, CUSTOMER, "Ana", wamid, "x");
    let m = &mut body["entry"][0]["changes"][0]["value"]["messages"][0];
    m["type"] = json!("interactive");
    m["interactive"] = json!({"type": "button_reply", "button_reply": {"id": id, "title": title}});
    if let Some(m) = m.as_object_mut() {
        m.remove("text");
    }
    body
}

/// POST a signed delivery and wait (bounded) until the host handled it.
async fn deliver(app: &App, body: &Value) {
    let raw = serde_json::to_vec(body).expect("json");
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

async fn settle(app: &App) {
    tokio::time::timeout(Duration::from_secs(60), app.idle())
        .await
        .expect("the host finished handling within 60 s");
}

async fn count(db: &Db, sql: &str, arg: &str) -> i64 {
    sqlx::query(sql)
        .bind(arg)
        .fetch_one(&db.pool)
        .await
        .expect("count")
        .try_get::<i64, _>(0)
        .expect("a count")
}

/// The checkout turn's effects, as the sell stage builds them.
fn effects(inbound: &Inbound, conversation_id: &str, brand: &str) -> Vec<TurnEffect> {
    let wamid = &inbound.message.id;
    let order = OrderCreate {
        conversation_id: conversation_id.into(),
        customer: inbound.customer.clone(),
        brand: brand.into(),
        source_message_id: wamid.clone(),
        note: None,
    };
    let escalate = SalesEscalate {
        conversation_id: conversation_id.into(),
        customer: inbound.customer.clone(),
        brand: Some(brand.into()),
        reason: EscalationReason::HighValueCart,
        priority: Priority::High,
        summary: "wants help with the order".into(),
    };
    vec![
        turn_effect(
            &format!("{wamid}/order"),
            conversation_id,
            Some(brand),
            &order,
            false,
        )
        .expect("order effect"),
        turn_effect(
            &format!("{wamid}/escalate"),
            conversation_id,
            Some(brand),
            &escalate,
            true,
        )
        .expect("escalation effect"),
    ]
}

async fn start(config: &Config) -> App {
    App::start(config.clone(), Options::default())
        .await
        .expect("host starts")
}

async fn effects_survive_a_crash_before_publishing(backend: Backend) {
    let pg = match backend {
        Backend::Sqlite => None,
        Backend::Postgres => Some(
            agent_store::db::testing::TestPostgres::create()
                .await
                .expect("a PostgreSQL test database at 127.0.0.1:5432"),
        ),
    };
    let data = tempfile::tempdir().expect("tempdir");
    let (_sink, sink_url) = common::start_sink().await;
    let mut config = common::config(data.path(), &sink_url, &plugins_dir());
    if let Some(pg) = &pg {
        config.database.url = pg.url().to_string();
    }

    // The real seller builds the cart.
    let app = start(&config).await;
    let hi = payload::text_envelope(
        PHONE_NUMBER_ID,
        CUSTOMER,
        "Ana",
        "wamid.fx.hi",
        "hi, I'm looking for running shoes",
    );
    deliver(&app, &hi).await;
    deliver(&app, &tap("wamid.fx.add", "add:FSH-0001", "Add to cart")).await;
    app.shutdown().await;

    // The checkout turn committed, then the crash: nothing published.
    let db = db_of(&config, data.path()).await;
    let store = Conversations::new(db.clone());
    let raw = serde_json::to_vec(&tap("wamid.fx.checkout", "checkout", "Checkout")).expect("json");
    let inbound = payload::parse(&raw).expect("payload").messages.remove(0);
    let accepted = store
        .accept_inbound(&inbound)
        .await
        .expect("stored")
        .expect("new");
    let conversation = store.get(&accepted.conversation_id).await.expect("get");
    let brand = conversation.brand.clone().expect("the seller's brand");
    let turn = effects(&inbound, &accepted.conversation_id, &brand);
    store
        .queue_turn(&[], &turn, Some("wamid.fx.checkout"), 0)
        .await
        .expect("the turn's transaction");
    assert!(
        store
            .unhandled_inbound()
            .await
            .expect("unhandled")
            .is_empty(),
        "handled with its effects: recovery will not replay the message"
    );
    let orders_sql = "SELECT COUNT(*) FROM orders WHERE source_id = $1";
    let escalations_sql = "SELECT COUNT(*) FROM sales_escalations WHERE conversation_id = $1";
    assert_eq!(count(&db, orders_sql, "wamid.fx.checkout").await, 0);

    // The restart carries both out, once, and settles them.
    let app = start(&config).await;
    settle(&app).await;
    assert_eq!(
        count(&db, orders_sql, "wamid.fx.checkout").await,
        1,
        "the order request committed with the handled mark was carried out"
    );
    assert_eq!(
        count(&db, escalations_sql, &accepted.conversation_id).await,
        1,
        "the escalation committed with the handled mark was queued"
    );
    assert!(
        store.unsettled_effects().await.expect("effects").is_empty(),
        "the consumers settled what they carried out"
    );
    assert_eq!(
        store
            .get(&accepted.conversation_id)
            .await
            .expect("get")
            .status,
        "escalated"
    );
    app.shutdown().await;

    // A crash after the consumers but before they settled: the same rows
    // again. Re-published at the next start, nothing doubles.
    store.commit_effects(&turn, None).await.expect("rows again");
    assert_eq!(store.unsettled_effects().await.expect("effects").len(), 2);
    let app = start(&config).await;
    settle(&app).await;
    assert_eq!(count(&db, orders_sql, "wamid.fx.checkout").await, 1);
    assert_eq!(
        count(&db, escalations_sql, &accepted.conversation_id).await,
        1
    );
    assert!(store.unsettled_effects().await.expect("effects").is_empty());
    app.shutdown().await;
    db.pool.close().await;
}

async fn db_of(config: &Config, data_dir: &Path) -> Db {
    Db::connect(&config.database.url, data_dir)
        .await
        .expect("the host's database")
}

on_each_backend!(effects_survive_a_crash_before_publishing);

/// Make the orders table refuse every insert (or accept them again): the
/// orders consumer fails on storage until it parks the order request.
async fn refuse_orders(db: &Db, backend: Backend, refuse: bool) {
    let statements: &[&str] = match (backend, refuse) {
        (Backend::Sqlite, true) => &[
            "CREATE TRIGGER refuse_orders BEFORE INSERT ON orders BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
        ],
        (Backend::Sqlite, false) => &["DROP TRIGGER refuse_orders"],
        (Backend::Postgres, true) => &[
            "CREATE FUNCTION refuse_orders() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''refused by the test''; END'",
            "CREATE TRIGGER refuse_orders BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION refuse_orders()",
        ],
        (Backend::Postgres, false) => &["DROP TRIGGER refuse_orders ON orders"],
    };
    for sql in statements {
        sqlx::query(sql).execute(&db.pool).await.expect(sql);
    }
}

/// An order request committed with its turn that the orders consumer
/// parks (its retries exhausted) is not re-published at the next start —
/// not even once the cause is gone: parked events wait for an operator.
/// The escalation of the same turn is carried out as usual.
async fn a_parked_effect_is_not_republished_at_start(backend: Backend) {
    let pg = match backend {
        Backend::Sqlite => None,
        Backend::Postgres => Some(
            agent_store::db::testing::TestPostgres::create()
                .await
                .expect("a PostgreSQL test database at 127.0.0.1:5432"),
        ),
    };
    let data = tempfile::tempdir().expect("tempdir");
    let (_sink, sink_url) = common::start_sink().await;
    let mut config = common::config(data.path(), &sink_url, &plugins_dir());
    if let Some(pg) = &pg {
        config.database.url = pg.url().to_string();
    }
    let app = start(&config).await;
    let hi = payload::text_envelope(
        PHONE_NUMBER_ID,
        CUSTOMER,
        "Ana",
        "wamid.pk.hi",
        "hi, I'm looking for running shoes",
    );
    deliver(&app, &hi).await;
    deliver(&app, &tap("wamid.pk.add", "add:FSH-0001", "Add to cart")).await;
    app.shutdown().await;

    // The checkout turn committed; nothing published yet.
    let db = db_of(&config, data.path()).await;
    let store = Conversations::new(db.clone());
    let raw = serde_json::to_vec(&tap("wamid.pk.checkout", "checkout", "Checkout")).expect("json");
    let inbound = payload::parse(&raw).expect("payload").messages.remove(0);
    let accepted = store
        .accept_inbound(&inbound)
        .await
        .expect("stored")
        .expect("new");
    let brand = store
        .get(&accepted.conversation_id)
        .await
        .expect("get")
        .brand
        .expect("the seller's brand");
    let turn = effects(&inbound, &accepted.conversation_id, &brand);
    store
        .queue_turn(&[], &turn, Some("wamid.pk.checkout"), 0)
        .await
        .expect("the turn's transaction");

    // The start re-publishes both; the orders consumer cannot store the
    // order and parks the request.
    refuse_orders(&db, backend, true).await;
    let app = start(&config).await;
    let parked_sql =
        "SELECT COUNT(*) FROM parked_events WHERE event_id = $1 AND consumer_group = 'orders'";
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while count(&db, parked_sql, "wamid.pk.checkout/order").await == 0 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the order request was never parked"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    settle(&app).await;
    app.shutdown().await;

    // The cause is gone; the next start leaves the parked request alone.
    refuse_orders(&db, backend, false).await;
    assert_eq!(store.parked_effects().await.expect("parked"), 1);
    assert!(
        store.unsettled_effects().await.expect("effects").is_empty(),
        "nothing left to re-publish"
    );
    let app = start(&config).await;
    settle(&app).await;
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM orders WHERE source_id = $1",
            "wamid.pk.checkout"
        )
        .await,
        0,
        "the parked order request was re-published and carried out"
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM sales_escalations WHERE conversation_id = $1",
            &accepted.conversation_id
        )
        .await,
        1,
        "the escalation of the same turn was carried out"
    );
    assert_eq!(
        count(&db, parked_sql, "wamid.pk.checkout/order").await,
        1,
        "parked once"
    );
    app.shutdown().await;
    db.pool.close().await;
}

on_each_backend!(a_parked_effect_is_not_republished_at_start);
