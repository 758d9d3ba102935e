//! The gateway when storage refuses the "sent" mark of a message Meta
//! accepted (a full disk): nothing sends it again, and the mark is stored
//! once storage is back. Storage is made to refuse exactly that write with
//! a SQLite trigger, so the refusal is certain, not a race with a disk.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::routing::post;
use serde_json::{Value, json};

use super::{Delivery, Gateway};
use crate::bus::InProcessBus;
use crate::chat::{Content, Customer, InboundMessage, Speaker};
use crate::conversations::Conversations;
use crate::db::testing;
use crate::events::OutboundMessage;
use crate::whatsapp::config::WhatsAppConfig;
use crate::whatsapp::payload::Inbound;

/// A Graph API stand-in counting the messages it accepts.
async fn graph() -> (Arc<AtomicUsize>, String) {
    async fn accept(State(n): State<Arc<AtomicUsize>>, Json(body): Json<Value>) -> Json<Value> {
        let i = n.fetch_add(1, Ordering::SeqCst) + 1;
        Json(json!({
            "messaging_product": "whatsapp",
            "contacts": [{"input": body["to"], "wa_id": body["to"]}],
            "messages": [{"id": format!("wamid.accepted{i}")}]
        }))
    }
    let sent = Arc::new(AtomicUsize::new(0));
    let app = axum::Router::new()
        .route("/{version}/{phone}/messages", post(accept))
        .with_state(sent.clone());
    (sent, serve(app).await)
}

/// Serve `app` on a local port; its base URL.
async fn serve(app: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    url
}

/// A gateway sending to the stand-in at `url`, unpaced per number, with
/// `gap_ms` between two messages to one customer.
fn gateway_to(url: String, store: &Conversations, gap_ms: u64) -> Arc<Gateway> {
    let config = WhatsAppConfig {
        graph_base_url: url,
        access_token: "token".into(),
        phone_number_id: "PN1".into(),
        pace_per_second: 0.0,
        pace_recipient_gap_ms: gap_ms,
        ..WhatsAppConfig::default()
    };
    Gateway::new(&config, store.clone(), Arc::new(InProcessBus::default())).expect("gateway")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sent_mark_storage_refuses_is_retried_and_the_message_never_resent() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    let store = Conversations::new(db.clone());
    let customer = "5511900000001";
    let conversation_id = conversation(&store, customer).await;
    let (sent, url) = graph().await;
    let gateway = gateway_to(url, &store, 0);
    gateway.start().await;

    // The disk is full for exactly this write.
    sqlx::query(
        "CREATE TRIGGER refuse_sent BEFORE UPDATE ON messages WHEN NEW.state = 'sent'
         BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
    )
    .execute(&db.pool)
    .await
    .expect("trigger");
    let m = OutboundMessage {
        id: "reply/0".into(),
        conversation_id: conversation_id.clone(),
        phone_number_id: "PN1".into(),
        to: customer.into(),
        brand: Some("tech".into()),
        text: "Olá!".into(),
        body: json!({"messaging_product": "whatsapp", "to": customer, "type": "text", "text": {"body": "Olá!"}}),
    };
    let delivery = gateway.send(&m, Speaker::Assistant).await.expect("send");
    assert!(matches!(delivery, Delivery::Sent { .. }), "{delivery:?}");
    assert_eq!(sent.load(Ordering::SeqCst), 1);
    assert_eq!(
        store.outbox_len().await.expect("outbox"),
        1,
        "the mark was refused: still queued in storage"
    );

    // The bus redelivers the send, and the lease runs out: neither sender
    // may send it again.
    sqlx::query("UPDATE whatsapp_outbox SET lease_until = 0, next_attempt_at = 0")
        .execute(&db.pool)
        .await
        .expect("expire the lease");
    let again = gateway.send(&m, Speaker::Assistant).await.expect("resend");
    assert_eq!(again, Delivery::Skipped);
    assert_eq!(gateway.sweep().await.expect("sweep"), 0);
    assert_eq!(
        sent.load(Ordering::SeqCst),
        1,
        "sent once while storage refuses"
    );

    // Room again: the worker stores the mark (with backoff).
    sqlx::query("DROP TRIGGER refuse_sent")
        .execute(&db.pool)
        .await
        .expect("drop trigger");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let state = store.outbound("reply/0").await.expect("outbound");
        if store.outbox_len().await.expect("outbox") == 0 {
            let (state, _, wamid) = state.expect("stored");
            assert_eq!(state, "sent");
            assert_eq!(wamid.as_deref(), Some("wamid.accepted1"));
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the held mark was never stored: {state:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(gateway.sweep().await.expect("sweep"), 0);
    assert_eq!(sent.load(Ordering::SeqCst), 1, "sent exactly once");
    gateway.stop().await;
}

/// A Graph API stand-in recording each accepted message's text, in order.
async fn recording_graph() -> (Arc<std::sync::Mutex<Vec<String>>>, String) {
    type Log = Arc<std::sync::Mutex<Vec<String>>>;
    async fn accept(State(log): State<Log>, Json(body): Json<Value>) -> Json<Value> {
        let text = body["text"]["body"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let i = {
            let mut log = log.lock().expect("log");
            log.push(text);
            log.len()
        };
        Json(json!({
            "messaging_product": "whatsapp",
            "contacts": [{"input": body["to"], "wa_id": body["to"]}],
            "messages": [{"id": format!("wamid.accepted{i}")}]
        }))
    }
    let log: Log = Arc::default();
    let app = axum::Router::new()
        .route("/{version}/{phone}/messages", post(accept))
        .with_state(log.clone());
    (log, serve(app).await)
}

/// A conversation of `customer` with one inbound message (so the 24-hour
/// window is open).
async fn conversation(store: &Conversations, customer: &str) -> String {
    store
        .accept_inbound(&Inbound {
            phone_number_id: "PN1".into(),
            customer: Customer {
                wa_id: customer.into(),
                name: None,
            },
            message: InboundMessage {
                id: format!("wamid.in.{customer}"),
                timestamp: 0,
                content: Content::Text { body: "oi".into() },
                reply_to: None,
            },
            details: Default::default(),
        })
        .await
        .expect("accept")
        .expect("new")
        .conversation_id
}

fn reply(conversation_id: &str, customer: &str, id: &str, text: &str) -> OutboundMessage {
    OutboundMessage {
        id: id.into(),
        conversation_id: conversation_id.into(),
        phone_number_id: "PN1".into(),
        to: customer.into(),
        brand: Some("tech".into()),
        text: text.into(),
        body: json!({"messaging_product": "whatsapp", "to": customer, "type": "text", "text": {"body": text}}),
    }
}

/// The send stage hands a conversation's queue to its sender task and goes
/// on: one customer's pacing gap (the second message of a reply waits for
/// it) must not hold up another customer's reply, and every message still
/// leaves once, in its conversation's order, however often the sender is
/// asked for.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customers_pacing_gap_holds_up_no_other_conversation() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    let store = Conversations::new(db.clone());
    let (ana, bia) = ("5511900000011", "5511900000022");
    let a = conversation(&store, ana).await;
    let b = conversation(&store, bia).await;
    let (log, url) = recording_graph().await;
    let gateway = gateway_to(url, &store, 1_500);

    for m in [
        reply(&a, ana, "a/0", "ana 1"),
        reply(&a, ana, "a/1", "ana 2"),
        reply(&a, ana, "a/2", "ana 3"),
    ] {
        gateway
            .enqueue(&m, Speaker::Assistant)
            .await
            .expect("queue");
    }
    gateway.deliver_soon(&a);
    // Asked again while its sender runs (the stage sees each message).
    gateway.deliver_soon(&a);
    // Bia's reply is queued after Ana's first message left, while Ana's
    // second waits for her gap.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while log.lock().expect("log").is_empty() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "Ana's first message never left"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    gateway
        .enqueue(&reply(&b, bia, "b/0", "bia 1"), Speaker::Assistant)
        .await
        .expect("queue");
    gateway.deliver_soon(&b);
    gateway.deliver_soon(&a);

    tokio::time::timeout(Duration::from_secs(30), gateway.wait_senders())
        .await
        .expect("the senders finish");
    let sent = log.lock().expect("log").clone();
    assert_eq!(
        sent,
        ["ana 1", "bia 1", "ana 2", "ana 3"],
        "Bia's reply left while Ana's waited for her gap; Ana's in order, each once"
    );
    assert_eq!(store.outbox_len().await.expect("outbox"), 0);
    assert!(
        !gateway.wait_senders().await,
        "no sender left running once the queues are empty"
    );
}
