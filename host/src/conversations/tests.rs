use super::*;
use crate::chat::{Content, Customer, InboundMessage};
use crate::db::testing;

fn inbound(wa_id: &str, wamid: &str, body: &str) -> Inbound {
    Inbound {
        phone_number_id: "PN1".into(),
        customer: Customer {
            wa_id: wa_id.into(),
            name: Some("Ana".into()),
        },
        message: InboundMessage {
            id: wamid.into(),
            timestamp: 1,
            content: Content::Text { body: body.into() },
            reply_to: None,
        },
        details: Default::default(),
    }
}

async fn exercise(store: Conversations) {
    let a = store
        .accept_inbound(&inbound("551", "wamid.1", "oi"))
        .await
        .expect("accept");
    let a = a.expect("first delivery is accepted");
    assert!(
        store
            .accept_inbound(&inbound("551", "wamid.1", "oi"))
            .await
            .expect("accept")
            .is_none(),
        "a retried wamid is a duplicate"
    );
    let b = store
        .accept_inbound(&inbound("551", "wamid.2", "quero um tênis"))
        .await
        .expect("accept")
        .expect("new message");
    assert_eq!(
        a.conversation_id, b.conversation_id,
        "same customer, same conversation"
    );
    let other = store
        .accept_inbound(&inbound("552", "wamid.3", "hola"))
        .await
        .expect("accept")
        .expect("new");
    assert_ne!(other.conversation_id, a.conversation_id);

    let pending = store.unhandled_inbound().await.expect("unhandled");
    assert_eq!(pending.len(), 3);
    store.mark_handled("wamid.1").await.expect("handled");
    let pending = store.unhandled_inbound().await.expect("unhandled");
    assert_eq!(
        pending
            .iter()
            .map(|(_, m)| m.message.id.as_str())
            .collect::<Vec<_>>(),
        ["wamid.2", "wamid.3"]
    );

    let body = serde_json::json!({"type":"text"});
    let out = NewOutbound {
        id: "out:wamid.2:0",
        conversation_id: &a.conversation_id,
        brand: Some("fashion"),
        speaker: Speaker::Assistant,
        kind: "text",
        text: "Olá!",
        body: &body,
    };
    let route = Route {
        phone_number_id: "PN1",
        recipient: "551",
    };
    assert!(
        store
            .enqueue_outbound(&out, &route, crate::db::now_ms())
            .await
            .expect("queue")
    );
    assert!(
        !store
            .enqueue_outbound(&out, &route, crate::db::now_ms())
            .await
            .expect("queue"),
        "same outbound id is not queued twice"
    );
    let claimed = store
        .claim_outbound("out:wamid.2:0", 60_000, false)
        .await
        .expect("claim")
        .expect("claimable");
    assert_eq!(claimed.recipient, "551");
    assert_eq!(claimed.attempts, 1);
    assert!(
        store
            .claim_outbound("out:wamid.2:0", 60_000, false)
            .await
            .expect("claim")
            .is_none(),
        "a leased message cannot be claimed twice"
    );
    // A status may arrive before the Graph API's answer.
    assert_eq!(
        store
            .apply_status("wamid.OUT", "delivered", "551", 2, &[])
            .await
            .expect("status"),
        StatusOutcome::Recorded
    );
    store
        .outbound_sent("out:wamid.2:0", "wamid.OUT")
        .await
        .expect("sent");
    assert_eq!(store.outbox_len().await.expect("len"), 0);
    assert_eq!(
        store
            .outbound("out:wamid.2:0")
            .await
            .expect("get")
            .map(|o| o.0),
        Some("delivered".into()),
        "the early status is applied once the wamid is known"
    );
    assert!(matches!(
        store
            .apply_status("wamid.OUT", "read", "551", 3, &[])
            .await
            .expect("status"),
        StatusOutcome::Applied { .. }
    ));
    assert_eq!(
        store
            .apply_status("wamid.OUT", "read", "551", 3, &[])
            .await
            .expect("status"),
        StatusOutcome::Duplicate
    );
    assert_eq!(
        store
            .apply_status("wamid.OUT", "sent", "551", 1, &[])
            .await
            .expect("status"),
        StatusOutcome::Recorded,
        "late sent does not undo read"
    );
    assert_eq!(
        store
            .outbound_state("out:wamid.2:0")
            .await
            .expect("state")
            .as_deref(),
        Some("read")
    );
    assert_eq!(
        store
            .apply_status("wamid.UNKNOWN", "read", "551", 3, &[])
            .await
            .expect("status"),
        StatusOutcome::Recorded
    );

    let history = store
        .history(&a.conversation_id, 10, Some("wamid.2"))
        .await
        .expect("history");
    let texts: Vec<_> = history.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(texts, ["oi", "Olá!"]);

    store
        .set_brand(&a.conversation_id, "fashion")
        .await
        .expect("brand");
    assert_eq!(
        store
            .get(&a.conversation_id)
            .await
            .expect("get")
            .brand
            .as_deref(),
        Some("fashion")
    );

    store
        .set_state(&a.conversation_id, "k", "v1")
        .await
        .expect("state");
    store
        .set_state(&a.conversation_id, "k", "v2")
        .await
        .expect("state");
    assert_eq!(
        store
            .state(&a.conversation_id, "k")
            .await
            .expect("get")
            .as_deref(),
        Some("v2")
    );
    assert!(
        store
            .set_state(
                &a.conversation_id,
                "big",
                &"x".repeat(STATE_MAX_VALUE_BYTES + 1)
            )
            .await
            .is_err()
    );
    for i in 1..STATE_MAX_KEYS {
        store
            .set_state(&a.conversation_id, &format!("k{i}"), "v")
            .await
            .expect("within bound");
    }
    assert!(matches!(
        store
            .set_state(&a.conversation_id, "one-too-many", "v")
            .await,
        Err(StoreError::Limit(_))
    ));
    assert_eq!(
        store.state(&other.conversation_id, "k").await.expect("get"),
        None,
        "state is per conversation"
    );
}

#[tokio::test]
async fn conversations_on_sqlite() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    exercise(Conversations::new(db)).await;
}

#[tokio::test]
async fn conversations_on_postgres() {
    let (db, _pg) = testing::postgres_db()
        .await
        .expect("postgres at 127.0.0.1:5432");
    exercise(Conversations::new(db)).await;
}

async fn outbox_order_retry_and_failure(store: Conversations) {
    let a = store
        .accept_inbound(&inbound("777", "wamid.o1", "hi"))
        .await
        .expect("accept")
        .expect("new");
    let body = serde_json::json!({"type":"text"});
    let route = Route {
        phone_number_id: "PN1",
        recipient: "777",
    };
    for id in ["o/0", "o/1", "o/2"] {
        let out = NewOutbound {
            id,
            conversation_id: &a.conversation_id,
            brand: None,
            speaker: Speaker::Assistant,
            kind: "text",
            text: id,
            body: &body,
        };
        assert!(
            store
                .enqueue_outbound(&out, &route, crate::db::now_ms())
                .await
                .expect("queue")
        );
    }
    assert_eq!(
        store
            .outbox_head(&a.conversation_id)
            .await
            .expect("head")
            .as_deref(),
        Some("o/0")
    );
    let heads = store.outbox_heads(100).await.expect("heads");
    assert_eq!(heads.len(), 1, "one head per conversation");
    assert!(heads[0].due);
    store
        .claim_outbound("o/0", 60_000, false)
        .await
        .expect("claim")
        .expect("claimed");
    // Transient failure: back off; not claimable until then.
    store
        .outbound_retry_at("o/0", crate::db::now_ms() + 60_000, "503")
        .await
        .expect("retry");
    assert!(
        store
            .claim_outbound("o/0", 60_000, false)
            .await
            .expect("claim")
            .is_none()
    );
    assert!(!store.outbox_heads(100).await.expect("heads")[0].due);
    store
        .outbound_retry_at("o/0", 0, "503")
        .await
        .expect("retry");
    let c = store
        .claim_outbound("o/0", 60_000, false)
        .await
        .expect("claim")
        .expect("claimed again");
    assert_eq!(c.attempts, 2);
    store
        .outbound_finished("o/0", "failed", "(131026) undeliverable")
        .await
        .expect("finish");
    assert_eq!(
        store.outbound("o/0").await.expect("get"),
        Some(("failed".into(), Some("(131026) undeliverable".into()), None))
    );
    assert_eq!(
        store
            .outbox_head(&a.conversation_id)
            .await
            .expect("head")
            .as_deref(),
        Some("o/1")
    );
    assert_eq!(store.outbox_len().await.expect("len"), 2);
    assert!(
        store
            .last_customer_message_at(&a.conversation_id)
            .await
            .expect("window")
            .is_some()
    );
}

#[tokio::test]
async fn outbox_on_sqlite() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    outbox_order_retry_and_failure(Conversations::new(db)).await;
}

#[tokio::test]
async fn outbox_on_postgres() {
    let (db, _pg) = testing::postgres_db().await.expect("postgres");
    outbox_order_retry_and_failure(Conversations::new(db)).await;
}

#[tokio::test]
async fn the_window_follows_whatsapps_timestamp_and_never_moves_back() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    let store = Conversations::new(db);
    let now = crate::db::now_ms() / 1000 * 1000;
    let secs = |ms: i64| (ms / 1000) as u64;
    let hour = 3600 * 1000;
    let mut late = inbound("888", "wamid.w1", "hi");
    late.message.timestamp = secs(now - 30 * hour); // re-delivered a day late
    let a = store
        .accept_inbound(&late)
        .await
        .expect("accept")
        .expect("new");
    let window = |store: Conversations, id: String| async move {
        store
            .last_customer_message_at(&id)
            .await
            .expect("window")
            .expect("set")
    };
    assert_eq!(
        window(store.clone(), a.conversation_id.clone()).await,
        now - 30 * hour
    );
    let mut fresh = inbound("888", "wamid.w2", "hi again");
    fresh.message.timestamp = secs(now - hour);
    store.accept_inbound(&fresh).await.expect("accept");
    let mut older = inbound("888", "wamid.w3", "out of order");
    older.message.timestamp = secs(now - 2 * hour);
    store.accept_inbound(&older).await.expect("accept");
    assert_eq!(
        window(store.clone(), a.conversation_id.clone()).await,
        now - hour,
        "an older message delivered late does not close the window"
    );
    // Implausible stamps (test fixtures, skewed clocks) count as "now".
    let mut bogus = inbound("999", "wamid.w4", "x");
    bogus.message.timestamp = 1;
    let b = store
        .accept_inbound(&bogus)
        .await
        .expect("accept")
        .expect("new");
    assert!(window(store.clone(), b.conversation_id.clone()).await >= now);
}
