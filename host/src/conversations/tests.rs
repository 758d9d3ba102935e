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
    assert!(store.record_outbound(&out).await.expect("record"));
    assert!(
        !store.record_outbound(&out).await.expect("record"),
        "same outbound id is not recorded twice"
    );
    store
        .mark_sent("out:wamid.2:0", "wamid.OUT")
        .await
        .expect("sent");
    assert!(
        store
            .apply_status("wamid.OUT", "read")
            .await
            .expect("status")
    );
    assert!(
        !store
            .apply_status("wamid.OUT", "delivered")
            .await
            .expect("status"),
        "late delivered does not undo read"
    );
    assert_eq!(
        store
            .outbound_state("out:wamid.2:0")
            .await
            .expect("state")
            .as_deref(),
        Some("read")
    );
    assert!(
        !store
            .apply_status("wamid.UNKNOWN", "read")
            .await
            .expect("status")
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
    let db = testing::postgres()
        .await
        .expect("postgres at 127.0.0.1:5432");
    exercise(Conversations::new(db)).await;
}
