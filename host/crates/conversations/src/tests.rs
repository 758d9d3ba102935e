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
    // The claim reads the conversation too (the 24-hour window, metrics).
    let conversation = store.get(&a.conversation_id).await.expect("get");
    assert_eq!(claimed.conversation.brand, conversation.brand);
    assert_eq!(
        claimed.conversation.language.as_deref(),
        Some(conversation.language.as_str())
    );
    assert_eq!(
        claimed.conversation.last_customer_message_at,
        store
            .last_customer_message_at(&a.conversation_id)
            .await
            .expect("last")
    );
    assert!(claimed.conversation.last_customer_message_at.is_some());
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
        Err(ConversationError::Limit(_))
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

/// A throw-away PostgreSQL database, dropped at the end.
async fn with_postgres<F, Fut>(test: F)
where
    F: FnOnce(Conversations) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    use sqlx::Connection;
    let db = testing::postgres()
        .await
        .expect("postgres at 127.0.0.1:5432");
    let name: String = sqlx::query("SELECT CAST(current_database() AS TEXT) AS name")
        .fetch_one(&db.pool)
        .await
        .expect("name")
        .try_get("name")
        .expect("name");
    test(Conversations::new(db.clone())).await;
    db.pool.close().await;
    let admin = std::env::var("AGENT_STORE_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| testing::POSTGRES_ADMIN_URL.to_string());
    let mut conn = sqlx::AnyConnection::connect(&admin).await.expect("admin");
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut conn)
        .await
        .expect("drop the test database");
}

/// 50 customers' sellers writing their state at once, as under load: every
/// write waits its turn instead of failing with `database is locked`, and
/// every key is there at the end.
async fn concurrent_state_writes(store: Conversations) {
    let mut conversations = Vec::new();
    for c in 0..50 {
        let a = store
            .accept_inbound(&inbound(&format!("90{c}"), &format!("wamid.s{c}"), "hi"))
            .await
            .expect("accept")
            .expect("new");
        conversations.push(a.conversation_id);
    }
    let mut tasks = tokio::task::JoinSet::new();
    for id in conversations.clone() {
        let store = store.clone();
        tasks.spawn(async move {
            let mut failures = Vec::new();
            for turn in 0..40 {
                for key in ["lang", "seen", "last_shown"] {
                    if let Err(e) = store.set_state(&id, key, &format!("{key}-{turn}")).await {
                        failures.push(e.to_string());
                    }
                }
            }
            failures
        });
    }
    let mut failures = Vec::new();
    while let Some(f) = tasks.join_next().await {
        failures.extend(f.expect("task"));
    }
    assert!(
        failures.is_empty(),
        "{} writes failed: {:?}",
        failures.len(),
        &failures[..failures.len().min(3)]
    );
    for id in &conversations {
        for key in ["lang", "seen", "last_shown"] {
            assert_eq!(
                store.state(id, key).await.expect("read").as_deref(),
                Some(format!("{key}-39").as_str()),
                "{id} {key}"
            );
        }
    }
    // The key limit still holds in the single-statement upsert.
    let id = &conversations[0];
    for i in 0..STATE_MAX_KEYS - 3 {
        store
            .set_state(id, &format!("k{i}"), "v")
            .await
            .expect("within the limit");
    }
    assert!(matches!(
        store.set_state(id, "one-too-many", "v").await,
        Err(ConversationError::Limit(_))
    ));
    store
        .set_state(id, "lang", "pt")
        .await
        .expect("an existing key is updated at the limit");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_state_writes_on_sqlite() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    concurrent_state_writes(Conversations::new(db)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_state_writes_on_postgres() {
    with_postgres(concurrent_state_writes).await;
}

/// A 10,000-message delivery: stored in one transaction, each message
/// once, one conversation per customer; a retried delivery stores nothing.
async fn large_delivery(store: Conversations) {
    let mut batch: Vec<Inbound> = (0..10_000)
        .map(|i| {
            inbound(
                &format!("77{}", i % 250),
                &format!("wamid.big{i}"),
                &format!("msg {i}"),
            )
        })
        .collect();
    // A wamid repeated within the delivery is stored once.
    batch.push(inbound("770", "wamid.big0", "msg 0"));
    let started = std::time::Instant::now();
    let accepted = store.accept_inbound_batch(&batch).await.expect("stored");
    let took = started.elapsed();
    eprintln!("10,000 inbound messages stored in {took:?}");
    assert_eq!(accepted.len(), batch.len());
    assert_eq!(accepted.iter().filter(|a| a.is_some()).count(), 10_000);
    assert!(accepted[10_000].is_none(), "the repeat inside the delivery");
    let conversations: std::collections::HashSet<_> = accepted
        .iter()
        .flatten()
        .map(|a| a.conversation_id.clone())
        .collect();
    assert_eq!(conversations.len(), 250, "one conversation per customer");
    assert_eq!(
        store.unhandled_inbound().await.expect("unhandled").len(),
        10_000
    );
    // Same customer, same conversation as a message stored alone.
    let alone = store
        .accept_inbound(&inbound("771", "wamid.alone", "hi"))
        .await
        .expect("accept")
        .expect("new");
    assert_eq!(
        Some(&alone.conversation_id),
        accepted[1].as_ref().map(|a| &a.conversation_id)
    );
    let again = store
        .accept_inbound_batch(&batch[..500])
        .await
        .expect("retry");
    assert!(
        again.iter().all(Option::is_none),
        "Meta's retry stores nothing"
    );
    assert!(took < std::time::Duration::from_secs(10), "{took:?}");
}

#[tokio::test]
async fn large_delivery_on_sqlite() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    large_delivery(Conversations::new(db)).await;
}

#[tokio::test]
async fn large_delivery_on_postgres() {
    with_postgres(large_delivery).await;
}

/// Replies and the handled mark are one transaction; a replayed turn
/// queues nothing twice.
async fn replies_and_handled_together(store: Conversations) {
    let a = store
        .accept_inbound(&inbound("880", "wamid.h1", "hi"))
        .await
        .expect("accept")
        .expect("new");
    let body = serde_json::json!({"type": "text"});
    let route = Route {
        phone_number_id: "PN1",
        recipient: "880",
    };
    let replies: Vec<_> = ["wamid.h1/response/x/0", "wamid.h1/response/x/1"]
        .iter()
        .map(|id| {
            (
                NewOutbound {
                    id,
                    conversation_id: &a.conversation_id,
                    brand: Some("x"),
                    speaker: Speaker::Assistant,
                    kind: "text",
                    text: "hello",
                    body: &body,
                },
                route.clone(),
            )
        })
        .collect();
    assert_eq!(store.unhandled_inbound().await.expect("unhandled").len(), 1);
    let new = store
        .queue_replies(&replies, Some("wamid.h1"), 0)
        .await
        .expect("queued");
    assert_eq!(new, 2);
    assert!(
        store
            .unhandled_inbound()
            .await
            .expect("unhandled")
            .is_empty()
    );
    assert_eq!(store.outbox_len().await.expect("len"), 2);
    let again = store
        .queue_replies(&replies, Some("wamid.h1"), 0)
        .await
        .expect("replayed");
    assert_eq!(again, 0, "a replayed turn queues nothing twice");
    assert_eq!(store.outbox_len().await.expect("len"), 2);
    // The render stage queues the same response again, with no mark: every
    // message is stored, nothing is written.
    let rendered = store
        .queue_replies(&replies, None, 0)
        .await
        .expect("re-queued");
    assert_eq!(
        rendered, 0,
        "a response queued with its turn is not queued again"
    );
    // A response with one message not stored yet (an order's notice): only
    // it is new.
    let mut more = replies.clone();
    more.push((
        NewOutbound {
            id: "wamid.h1/response/x/2",
            ..replies[0].0.clone()
        },
        route.clone(),
    ));
    let added = store.queue_replies(&more, None, 0).await.expect("queued");
    assert_eq!(added, 1, "the one message not stored is queued");
    assert_eq!(store.outbox_len().await.expect("len"), 3);
    // The send stage's check: the customer and whether a message is stored.
    assert_eq!(
        store
            .recipient_and_stored(&a.conversation_id, "wamid.h1/response/x/2")
            .await
            .expect("check"),
        Some(("880".to_string(), true))
    );
    assert_eq!(
        store
            .recipient_and_stored(&a.conversation_id, "wamid.h1/response/x/9")
            .await
            .expect("check"),
        Some(("880".to_string(), false))
    );
    assert_eq!(
        store
            .recipient_and_stored("no such conversation", "wamid.h1/response/x/2")
            .await
            .expect("check"),
        None
    );
}

/// Two copies of one inbound message in the seller stage at once (a
/// re-published copy of a message still queued, or a redelivery while the
/// first delivery is in progress): both passed the "handled already?"
/// check, the first commits its turn; the second copy's turn — whose
/// seller may answer with more messages, under other outbound ids — must
/// store nothing: no extra reply, no state written twice.
async fn a_second_copys_turn_stores_nothing(store: Conversations) {
    let a = store
        .accept_inbound(&inbound("881", "wamid.c1", "hi"))
        .await
        .expect("accept")
        .expect("new");
    let body = serde_json::json!({"type": "text"});
    let route = Route {
        phone_number_id: "PN1",
        recipient: "881",
    };
    let reply = |id: &'static str| {
        (
            NewOutbound {
                id,
                conversation_id: &a.conversation_id,
                brand: Some("x"),
                speaker: Speaker::Assistant,
                kind: "text",
                text: "hello",
                body: &body,
            },
            route.clone(),
        )
    };
    let first = [reply("wamid.c1/response/x/0")];
    let second = [
        reply("wamid.c1/response/x/0"),
        reply("wamid.c1/response/x/1"),
    ];
    let new = store
        .queue_replies(&first, Some("wamid.c1"), 0)
        .await
        .expect("first copy");
    assert_eq!(new, 1);
    assert!(
        store.stored_here("wamid.c1/response/x/0"),
        "a committed reply is known to be stored"
    );
    let state = [crate::conversations::StateWrite {
        conversation_id: a.conversation_id.clone(),
        key: "k".into(),
        value: "second".into(),
    }];
    let again = store
        .commit_turn(
            &second,
            &TurnWrites::of_state(state.to_vec()),
            Some("wamid.c1"),
            0,
        )
        .await
        .expect("second copy");
    assert_eq!(again, 0, "the second copy queues nothing");
    assert_eq!(
        store.outbox_len().await.expect("len"),
        1,
        "only the first copy's reply is queued"
    );
    assert_eq!(
        store.state(&a.conversation_id, "k").await.expect("state"),
        None,
        "the second copy's state writes are not stored"
    );
    assert!(
        !store.stored_here("wamid.c1/response/x/1"),
        "the second copy's own reply was not stored, so it is not remembered"
    );
    // A remembered reply is not asked for again: queued once more (the
    // render stage does), it is taken as stored without a read, even with
    // its row gone behind the store's back.
    for table in ["whatsapp_outbox WHERE message_id", "messages WHERE id"] {
        sqlx::query(&format!("DELETE FROM {table} = $1"))
            .bind("wamid.c1/response/x/0")
            .execute(&store.db.pool)
            .await
            .expect("delete");
    }
    assert_eq!(
        store.queue_replies(&first, None, 0).await.expect("again"),
        0
    );
    assert_eq!(store.outbox_len().await.expect("len"), 0);
    // One not remembered is read, and queued.
    assert_eq!(
        store
            .queue_replies(&second[1..], None, 0)
            .await
            .expect("the other"),
        1
    );
}

#[tokio::test]
async fn a_second_copys_turn_stores_nothing_on_sqlite() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    a_second_copys_turn_stores_nothing(Conversations::new(db)).await;
}

#[tokio::test]
async fn a_second_copys_turn_stores_nothing_on_postgres() {
    with_postgres(a_second_copys_turn_stores_nothing).await;
}

#[tokio::test]
async fn replies_and_handled_together_on_sqlite() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    replies_and_handled_together(Conversations::new(db)).await;
}

#[tokio::test]
async fn replies_and_handled_together_on_postgres() {
    with_postgres(replies_and_handled_together).await;
}

/// A turn's effects are stored with its handled mark (and an escalation
/// hands the conversation over) in one transaction; a replayed turn stores
/// nothing twice; a settled effect is gone.
async fn effects_and_handled_together(store: Conversations) {
    let a = store
        .accept_inbound(&inbound("881", "wamid.e1", "checkout"))
        .await
        .expect("accept")
        .expect("new");
    let effect = |id: &str, escalates| TurnEffect {
        event_id: id.into(),
        conversation_id: a.conversation_id.clone(),
        event: format!("{{\"id\":\"{id}\"}}"),
        escalates,
    };
    let effects = [
        effect("wamid.e1/order", false),
        effect("wamid.e1/escalate", true),
    ];
    store
        .queue_turn(&[], &effects, Some("wamid.e1"), 0)
        .await
        .expect("committed");
    assert!(
        store
            .unhandled_inbound()
            .await
            .expect("unhandled")
            .is_empty()
    );
    let stored = store.unsettled_effects().await.expect("effects");
    let mut ids: Vec<&str> = stored.iter().map(|(id, _)| id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["wamid.e1/escalate", "wamid.e1/order"]);
    assert_eq!(
        store.get(&a.conversation_id).await.expect("get").status,
        "escalated"
    );
    store
        .commit_effects(&effects, Some("wamid.e1"))
        .await
        .expect("replayed");
    assert_eq!(store.unsettled_effects().await.expect("effects").len(), 2);
    settle_effect(&store.db, "wamid.e1/order")
        .await
        .expect("settled");
    let left = store.unsettled_effects().await.expect("effects");
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].0, "wamid.e1/escalate");
}

#[tokio::test]
async fn effects_and_handled_together_on_sqlite() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    effects_and_handled_together(Conversations::new(db)).await;
}

#[tokio::test]
async fn effects_and_handled_together_on_postgres() {
    with_postgres(effects_and_handled_together).await;
}

/// An effect parked by the consumer group that carries it out is no longer
/// offered for re-publishing; one parked only by another group (the event
/// relay) still is.
async fn parked_effects_are_left_out(store: Conversations) {
    use crate::bus::{DeadLetters, ParkedEvent, ParkedEvents};
    let a = store
        .accept_inbound(&inbound("882", "wamid.p1", "checkout"))
        .await
        .expect("accept")
        .expect("new");
    let effect = |id: &str| TurnEffect {
        event_id: id.into(),
        conversation_id: a.conversation_id.clone(),
        event: format!("{{\"id\":\"{id}\"}}"),
        escalates: false,
    };
    store
        .commit_effects(
            &[effect("wamid.p1/order"), effect("wamid.p1/escalate")],
            Some("wamid.p1"),
        )
        .await
        .expect("committed");
    let parked = ParkedEvents::new(store.db.clone());
    let park = |group: &'static str, id: &'static str| {
        let parked = parked.clone();
        async move {
            let event = crate::events::build_with_id(
                id,
                &crate::events::Context {
                    source: "/test",
                    subject: None,
                    brand: None,
                    traceparent: None,
                },
                &crate::events::PluginFailed {
                    plugin: "p".into(),
                    version: "1".into(),
                    reason: "r".into(),
                    conversation_id: None,
                },
            )
            .expect("event");
            parked
                .park(&ParkedEvent {
                    group,
                    event: &event,
                    error: "refused".into(),
                    permanent: false,
                    attempts: 5,
                })
                .await
                .expect("parked");
        }
    };
    park(crate::bus::groups::ORDERS, "wamid.p1/order").await;
    park(crate::bus::sink::GROUP, "wamid.p1/escalate").await;
    let left = store.unsettled_effects().await.expect("effects");
    let ids: Vec<&str> = left.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        ["wamid.p1/escalate"],
        "the relay's parking changes nothing"
    );
    assert_eq!(store.parked_effects().await.expect("parked"), 1);
}

#[tokio::test]
async fn parked_effects_are_left_out_on_sqlite() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    parked_effects_are_left_out(Conversations::new(db)).await;
}

#[tokio::test]
async fn parked_effects_are_left_out_on_postgres() {
    with_postgres(parked_effects_are_left_out).await;
}

/// A staged turn's writes are invisible to storage until committed with
/// the turn; the turn's own reads see them; dropping the stage drops them.
async fn staged_state(store: Conversations) {
    let a = store
        .accept_inbound(&inbound("883", "wamid.s1", "oi"))
        .await
        .expect("accept")
        .expect("new");
    let id = a.conversation_id.as_str();
    store.set_state(id, "p:kept", "old").await.expect("direct");

    let (turn, stage) = store.staged(id);
    turn.set_state(id, "p:kept", "new").await.expect("staged");
    turn.set_state(id, "p:added", "1").await.expect("staged");
    assert_eq!(
        turn.state(id, "p:kept").await.expect("read").as_deref(),
        Some("new")
    );
    assert_eq!(
        store.state(id, "p:kept").await.expect("read").as_deref(),
        Some("old")
    );
    assert_eq!(store.state(id, "p:added").await.expect("read"), None);
    // A failed turn: the stage is dropped.
    drop((turn, stage));
    assert_eq!(
        store.state(id, "p:kept").await.expect("read").as_deref(),
        Some("old")
    );

    let (turn, stage) = store.staged(id);
    turn.set_state(id, "p:kept", "new").await.expect("staged");
    turn.set_state(id, "p:added", "1").await.expect("staged");
    store
        .commit_turn(
            &[],
            &TurnWrites::of_state(stage.writes()),
            Some("wamid.s1"),
            0,
        )
        .await
        .expect("committed");
    assert_eq!(
        store.state(id, "p:kept").await.expect("read").as_deref(),
        Some("new")
    );
    assert_eq!(
        store.state(id, "p:added").await.expect("read").as_deref(),
        Some("1")
    );

    // The key bound counts stored and staged keys together.
    let (turn, _stage) = store.staged(id);
    for k in 2..STATE_MAX_KEYS {
        turn.set_state(id, &format!("p:k{k}"), "v")
            .await
            .expect("within the bound");
    }
    assert!(matches!(
        turn.set_state(id, "p:one-too-many", "v").await,
        Err(ConversationError::Limit(_))
    ));
    turn.set_state(id, "p:kept", "again")
        .await
        .expect("an existing key");
}

#[tokio::test]
async fn staged_state_on_sqlite() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    staged_state(Conversations::new(db)).await;
}

#[tokio::test]
async fn staged_state_on_postgres() {
    with_postgres(staged_state).await;
}

/// A new conversation of customer `wa_id` with one reply `id` queued
/// (`worker_after` as `enqueue_outbound` takes it); whether it was new.
async fn queue_one(store: &Conversations, wa_id: &str, id: &str, worker_after: i64) -> bool {
    let a = store
        .accept_inbound(&inbound(wa_id, &format!("wamid.in/{id}"), "hi"))
        .await
        .expect("accept")
        .expect("new");
    let body = serde_json::json!({"type": "text"});
    let out = NewOutbound {
        id,
        conversation_id: &a.conversation_id,
        brand: None,
        speaker: Speaker::Assistant,
        kind: "text",
        text: "hello",
        body: &body,
    };
    let route = Route {
        phone_number_id: "PN1",
        recipient: wa_id,
    };
    store
        .enqueue_outbound(&out, &route, worker_after)
        .await
        .expect("queue")
}

/// Many "sent" marks at once (one per conversation, as the sender tasks
/// send them): each caller returns once its own mark is stored, every
/// message is marked with its own wamid and taken off the outbox, and a
/// mark for a message no longer pending changes nothing.
async fn concurrent_sent_marks(store: Conversations) {
    let mut ids = Vec::new();
    for i in 0..40 {
        let id = format!("m/{i}");
        let new = queue_one(&store, &format!("55119{i:04}"), &id, crate::db::now_ms()).await;
        assert!(new);
        ids.push(id);
    }
    store.mark_failed("m/0", "given up").await.expect("failed");
    let marks = ids.iter().map(|id| {
        let store = store.clone();
        let id = id.clone();
        tokio::spawn(async move {
            store
                .outbound_sent(&id, &format!("wamid.{id}"))
                .await
                .expect("sent");
            // Returned: the mark is stored.
            let (state, _, wamid) = store.outbound(&id).await.expect("read").expect("stored");
            (id, state, wamid)
        })
    });
    let stored = futures_join(marks).await;
    assert_eq!(stored[0].1, "failed", "a failed message stays failed");
    for (id, state, wamid) in &stored[1..] {
        assert_eq!(state, "sent", "{id}");
        assert_eq!(wamid.as_deref(), Some(format!("wamid.{id}").as_str()));
    }
    assert_eq!(store.outbox_len().await.expect("len"), 0);
}

async fn futures_join<T: std::fmt::Debug>(
    tasks: impl Iterator<Item = tokio::task::JoinHandle<T>>,
) -> Vec<T> {
    let mut out = Vec::new();
    for t in tasks.collect::<Vec<_>>() {
        out.push(t.await.expect("task"));
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_sent_marks_on_sqlite() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    concurrent_sent_marks(Conversations::new(db)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_sent_marks_on_postgres() {
    with_postgres(concurrent_sent_marks).await;
}

/// Small deliveries arriving at once: each caller gets its own messages'
/// outcomes, in order, and a wamid that two of them carry (Meta retrying
/// while the first is stored) is accepted once.
async fn concurrent_deliveries(store: Conversations) {
    let deliveries: Vec<Vec<Inbound>> = (0..30)
        .map(|i| {
            let wa_id = format!("55118{i:04}");
            vec![
                inbound(&wa_id, &format!("wamid.d{i}a"), "hi"),
                inbound(&wa_id, &format!("wamid.d{i}b"), "again"),
            ]
        })
        .chain([vec![inbound("551180000", "wamid.d0a", "hi")]])
        .collect();
    let tasks: Vec<_> = deliveries
        .iter()
        .cloned()
        .map(|d| {
            let store = store.clone();
            tokio::spawn(async move { store.accept_inbound_batch(&d).await.expect("stored") })
        })
        .collect();
    let mut outcomes = Vec::new();
    for t in tasks {
        outcomes.push(t.await.expect("task"));
    }
    let retried = outcomes[0][0].is_some() ^ outcomes[30][0].is_some();
    assert!(
        retried,
        "a wamid in two deliveries is accepted exactly once"
    );
    for (d, accepted) in deliveries.iter().zip(&outcomes).take(30) {
        assert_eq!(accepted.len(), d.len());
        let ids: Vec<&str> = accepted
            .iter()
            .flatten()
            .map(|a| a.conversation_id.as_str())
            .collect();
        assert!(
            ids.windows(2).all(|w| w[0] == w[1]),
            "one customer, one conversation"
        );
        let stored = store.get(ids[0]).await.expect("conversation");
        assert_eq!(stored.customer_wa_id, d[0].customer.wa_id);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_deliveries_on_sqlite() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    concurrent_deliveries(Conversations::new(db)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_deliveries_on_postgres() {
    with_postgres(concurrent_deliveries).await;
}

/// A reply for the batch tests.
fn batch_reply(id: &str, conversation_id: &str, recipient: &str) -> turn_commits::Reply {
    turn_commits::Reply {
        id: id.into(),
        conversation_id: conversation_id.into(),
        brand: Some("x".into()),
        speaker: Speaker::Assistant,
        kind: "text".into(),
        text: "hello".into(),
        body: r#"{"type":"text"}"#.into(),
        phone_number_id: "PN1".into(),
        recipient: recipient.into(),
    }
}

/// Turns committed as one batch keep the meaning each had alone: every
/// message is marked handled with its replies and state; of two copies of
/// one message in the batch the first is stored and the second stores
/// nothing; a copy of a message handled before the batch stores nothing;
/// a reply stored before (a replayed turn) is not new; and a turn the
/// database refuses (its reply's outbox row exists already) fails alone,
/// the rest of its batch committed. The policy's records and budget use
/// go with the turn: a dropped or refused turn records and spends nothing,
/// and the batch's uses of one meter add up. (Called directly: on
/// PostgreSQL `commit_turn` writes turns one by one.)
async fn turns_in_one_batch(store: Conversations) {
    use group::Batch;
    let mut conversations = Vec::new();
    for i in 0..7 {
        let wa_id = format!("55117{i:04}");
        let a = store
            .accept_inbound(&inbound(&wa_id, &format!("wamid.b{i}"), "hi"))
            .await
            .expect("accept")
            .expect("new");
        conversations.push((a.conversation_id, wa_id));
    }
    // Message 4 was handled before the batch, with one reply.
    let (c4, w4) = &conversations[4];
    let earlier = store
        .commit_turn(
            &[(
                NewOutbound {
                    id: "wamid.b4/response/x/0",
                    conversation_id: c4,
                    brand: Some("x"),
                    speaker: Speaker::Assistant,
                    kind: "text",
                    text: "hello",
                    body: &serde_json::json!({"type": "text"}),
                },
                Route {
                    phone_number_id: "PN1",
                    recipient: w4,
                },
            )],
            &TurnWrites::default(),
            Some("wamid.b4"),
            0,
        )
        .await
        .expect("earlier turn");
    assert_eq!(earlier, 1);
    // Message 5's turn will be refused: its reply's outbox row is there.
    sqlx::query(
        "INSERT INTO whatsapp_outbox (message_id, conversation_id, phone_number_id, recipient, seq, next_attempt_at, created_at)
         VALUES ('wamid.b5/response/x/0', $1, 'PN1', $2, 1, 0, 0)",
    )
    .bind(&conversations[5].0)
    .bind(&conversations[5].1)
    .execute(&store.db.pool)
    .await
    .expect("a stray outbox row");
    // Message 3's first reply is stored already (a replayed turn).
    let (c3, w3) = &conversations[3];
    let stored = store
        .enqueue_outbound(
            &NewOutbound {
                id: "wamid.b3/response/x/0",
                conversation_id: c3,
                brand: Some("x"),
                speaker: Speaker::Assistant,
                kind: "text",
                text: "hello",
                body: &serde_json::json!({"type": "text"}),
            },
            &Route {
                phone_number_id: "PN1",
                recipient: w3,
            },
            0,
        )
        .await
        .expect("stored before");
    assert!(stored);
    let turn = |i: usize, copy: &str, replies: usize| {
        let (c, w) = &conversations[i];
        turn_commits::Turn {
            replies: (0..replies)
                .map(|r| batch_reply(&format!("wamid.b{i}/response/x/{r}"), c, w))
                .collect(),
            writes: TurnWrites {
                state: vec![StateWrite {
                    conversation_id: c.clone(),
                    key: "copy".into(),
                    value: copy.into(),
                }],
                intents: vec![IntentRecord {
                    id: format!("wamid.b{i}/intent/x/0"),
                    at: 1,
                    plugin: "seller-x".into(),
                    version: "1.0.0".into(),
                    digest: "d".into(),
                    brand: "x".into(),
                    conversation_id: c.clone(),
                    message_id: format!("wamid.b{i}"),
                    intent: "message".into(),
                    detail: format!(r#"{{"copy":"{copy}"}}"#),
                    approved: true,
                    reason: String::new(),
                }],
                meters: vec![
                    MeterUse {
                        brand: "x".into(),
                        day: "2026-12-07".into(),
                        meter: "messages".into(),
                        subject: c.clone(),
                        amount: replies as u64,
                    },
                    MeterUse {
                        brand: "x".into(),
                        day: "2026-12-07".into(),
                        meter: "turns".into(),
                        subject: String::new(),
                        amount: 10,
                    },
                ],
                ..TurnWrites::default()
            },
            handled: Some(format!("wamid.b{i}")),
            worker_after: 0,
        }
    };
    let turns = [
        turn(0, "first", 2),
        turn(1, "first", 1),
        turn(1, "second", 3),
        turn(2, "first", 1),
        turn(3, "first", 2),
        turn(4, "second", 2),
    ];
    // The batch itself, not its turn-by-turn fallback.
    let new = turn_commits::write(&store.db, &turns)
        .await
        .expect("one transaction");
    assert_eq!(new, [2, 1, 0, 1, 1, 0]);
    // A batch with a turn the database refuses: written again turn by turn.
    let outcomes =
        turn_commits::TurnCommits::write(&store.db, &[turn(5, "first", 1), turn(6, "first", 1)])
            .await;
    assert!(outcomes[0].is_err(), "{outcomes:?}");
    assert_eq!(outcomes[1].as_ref().ok(), Some(&1), "{outcomes:?}");
    // 1 + 1 (before) + 2 + 1 + 1 + 1 + 1 + 1 stray row; none of the
    // second copies'.
    assert_eq!(store.outbox_len().await.expect("len"), 9);
    for i in [0, 1, 2, 3, 6] {
        assert_eq!(
            store
                .state(&conversations[i].0, "copy")
                .await
                .expect("state")
                .as_deref(),
            Some("first"),
            "conversation {i}"
        );
    }
    assert_eq!(
        store
            .state(&conversations[4].0, "copy")
            .await
            .expect("state"),
        None,
        "a copy of a message handled before stores nothing"
    );
    assert_eq!(
        store
            .state(&conversations[5].0, "copy")
            .await
            .expect("state"),
        None,
        "the refused turn stores nothing"
    );
    let unhandled: Vec<String> = store
        .unhandled_inbound()
        .await
        .expect("unhandled")
        .into_iter()
        .map(|(_, m)| m.message.id)
        .collect();
    assert_eq!(unhandled, ["wamid.b5"], "only the refused turn's message");
    // One decision per kept turn, the first copy's.
    let records: Vec<(String, String)> =
        sqlx::query_as("SELECT message_id, detail FROM plugin_intents ORDER BY message_id")
            .fetch_all(&store.db.pool)
            .await
            .expect("records");
    let expected: Vec<(String, String)> = [0, 1, 2, 3, 6]
        .iter()
        .map(|i| (format!("wamid.b{i}"), r#"{"copy":"first"}"#.to_string()))
        .collect();
    assert_eq!(records, expected);
    let used = |meter: &'static str, subject: String| {
        let pool = store.db.pool.clone();
        async move {
            sqlx::query_as::<_, (i64,)>(
                "SELECT used FROM budget_usage WHERE brand = 'x' AND meter = $1 AND subject = $2",
            )
            .bind(meter)
            .bind(subject)
            .fetch_optional(&pool)
            .await
            .expect("usage")
            .map(|(u,)| u)
        }
    };
    for (i, spent) in [
        (0, Some(2)),
        (1, Some(1)),
        (4, None),
        (5, None),
        (6, Some(1)),
    ] {
        let subject = conversations[i].0.clone();
        assert_eq!(used("messages", subject).await, spent, "conversation {i}");
    }
    // Four kept turns in the batch, one in the fallback: 10 each.
    assert_eq!(used("turns", String::new()).await, Some(50));
}

#[tokio::test]
async fn turns_in_one_batch_on_sqlite() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    turns_in_one_batch(Conversations::new(db)).await;
}

#[tokio::test]
async fn turns_in_one_batch_on_postgres() {
    with_postgres(turns_in_one_batch).await;
}

/// 40 turns committed at once through `commit_turn`, as under load, with
/// a second copy of five of the messages racing its first: every message
/// handled once, each copy pair's replies stored for one copy only.
async fn concurrent_turn_commits(store: Conversations) {
    let mut conversations = Vec::new();
    for i in 0..40 {
        let wa_id = format!("55116{i:04}");
        let a = store
            .accept_inbound(&inbound(&wa_id, &format!("wamid.t{i}"), "hi"))
            .await
            .expect("accept")
            .expect("new");
        conversations.push((a.conversation_id, wa_id));
    }
    // Held while the commits are asked for: on SQLite they queue, and
    // those that queued meanwhile are written as one batch.
    let held = store.db.begin_write().await.expect("writer");
    let copies = (0..40).map(|i| (i, 0)).chain((0..5).map(|i| (i, 1)));
    let tasks: Vec<_> = copies
        .map(|(i, copy)| {
            let store = store.clone();
            let (c, w) = conversations[i].clone();
            tokio::spawn(async move {
                let body = serde_json::json!({"type": "text"});
                // The second copy answers with other messages.
                let ids: Vec<String> = (0..2)
                    .map(|r| format!("wamid.t{i}/response/copy{copy}/{r}"))
                    .collect();
                let replies: Vec<_> = ids
                    .iter()
                    .map(|id| {
                        (
                            NewOutbound {
                                id,
                                conversation_id: &c,
                                brand: None,
                                speaker: Speaker::Assistant,
                                kind: "text",
                                text: "hello",
                                body: &body,
                            },
                            Route {
                                phone_number_id: "PN1",
                                recipient: &w,
                            },
                        )
                    })
                    .collect();
                let new = store
                    .queue_replies(&replies, Some(&format!("wamid.t{i}")), 0)
                    .await
                    .expect("committed");
                (i, new)
            })
        })
        .collect();
    for _ in 0..100 {
        tokio::task::yield_now().await;
    }
    held.commit().await.expect("released");
    let outcomes = futures_join(tasks.into_iter()).await;
    let mut per_message = [0; 40];
    for (i, new) in outcomes {
        assert!(new == 0 || new == 2, "a turn is stored whole or not at all");
        per_message[i] += new;
    }
    assert!(
        per_message.iter().all(|n| *n == 2),
        "each message's replies stored once: {per_message:?}"
    );
    assert_eq!(store.outbox_len().await.expect("len"), 80);
    assert!(
        store
            .unhandled_inbound()
            .await
            .expect("unhandled")
            .is_empty()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_turn_commits_on_sqlite() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    concurrent_turn_commits(Conversations::new(db)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_turn_commits_on_postgres() {
    with_postgres(concurrent_turn_commits).await;
}

/// A turn whose caller gave up while it waited in the batch queue (its
/// future dropped) is not committed, as it would not have been alone.
#[tokio::test]
async fn a_turn_given_up_while_queued_is_not_committed() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    let store = Conversations::new(db);
    let a = store
        .accept_inbound(&inbound("5511500001", "wamid.g1", "hi"))
        .await
        .expect("accept")
        .expect("new");
    let state = [StateWrite {
        conversation_id: a.conversation_id.clone(),
        key: "k".into(),
        value: "v".into(),
    }];
    // Polled once (it queues the turn), then dropped: on this one-thread
    // runtime the batch writer cannot run in between.
    let writes = TurnWrites::of_state(state.to_vec());
    let mut given_up = Box::pin(store.commit_turn(&[], &writes, Some("wamid.g1"), 0));
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    assert!(
        given_up.as_mut().poll(&mut cx).is_pending(),
        "the turn waits for the batch writer"
    );
    drop(given_up);
    // A later turn goes through the same queue: once it is committed, the
    // given-up one was either written before it or left out.
    store
        .accept_inbound(&inbound("5511500002", "wamid.g2", "hi"))
        .await
        .expect("accept")
        .expect("new");
    store
        .commit_turn(&[], &TurnWrites::default(), Some("wamid.g2"), 0)
        .await
        .expect("later turn");
    assert!(store.is_handled("wamid.g2").await.expect("read"));
    assert!(
        !store.is_handled("wamid.g1").await.expect("read"),
        "left out"
    );
    assert_eq!(
        store.state(&a.conversation_id, "k").await.expect("state"),
        None
    );
}

/// A "sent" mark whose caller gave up while it waited in the queue is
/// still written: Meta accepted the message, and an unmarked one would be
/// sent again by the outbox.
#[tokio::test]
async fn a_sent_mark_given_up_while_queued_is_still_written() {
    let (db, _dir) = testing::sqlite().await.expect("sqlite");
    let store = Conversations::new(db);
    for (wa_id, id) in [("5511500003", "s/1"), ("5511500004", "s/2")] {
        assert!(queue_one(&store, wa_id, id, 0).await);
    }
    // Polled once (the mark is queued), then dropped, on this one-thread
    // runtime before the batch writer runs.
    let mut given_up = Box::pin(store.outbound_sent("s/1", "wamid.out1"));
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    assert!(given_up.as_mut().poll(&mut cx).is_pending());
    drop(given_up);
    store
        .outbound_sent("s/2", "wamid.out2")
        .await
        .expect("later mark");
    let (state, _, wamid) = store.outbound("s/1").await.expect("read").expect("stored");
    assert_eq!(state, "sent");
    assert_eq!(wamid.as_deref(), Some("wamid.out1"));
}
