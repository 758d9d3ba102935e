//! One customer message end to end: a signed WhatsApp webhook → router
//! plugin → seller plugin → Graph API, over real HTTP with real wasm.

mod common;

use common::{Harness, SECRET, demo_catalog, products_shown, readable};
use serde_json::Value;

fn brand_of(id: &str, catalog: &[(String, String, String)]) -> String {
    catalog
        .iter()
        .find(|(i, _, _)| i == id)
        .map(|(_, _, b)| b.clone())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn laptop_question_is_answered_by_the_tech_seller() {
    let h = Harness::start().await;
    let status = h
        .say(
            "15551230001",
            "wamid.e2e.laptop",
            "hi, I'm looking for a new laptop",
        )
        .await;
    assert_eq!(status, 200);

    let replies = h.sink.to("15551230001");
    assert!(
        !replies.is_empty(),
        "the Graph API received a reply to the sender"
    );
    for (phone, body, auth) in h.sink.all() {
        assert_eq!(
            phone,
            common::PHONE_NUMBER_ID,
            "sent from the business number"
        );
        assert_eq!(body["messaging_product"], "whatsapp");
        assert_eq!(auth.as_deref(), Some("Bearer graph-token"));
    }
    let conversation = h
        .conversation_of("15551230001")
        .await
        .expect("conversation stored");
    assert_eq!(conversation["brand"], "tech", "routed to the tech seller");

    let catalog = demo_catalog();
    let shown = products_shown(&replies, &catalog);
    assert!(
        !shown.is_empty(),
        "the reply shows catalog products: {}",
        readable(&replies)
    );
    for id in &shown {
        assert_eq!(brand_of(id, &catalog), "tech", "{id} is a tech product");
    }
    assert!(
        readable(&replies).to_lowercase().contains("laptop"),
        "the reply is about laptops: {}",
        readable(&replies)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn running_shoes_in_portuguese_go_to_the_fashion_seller() {
    let h = Harness::start().await;
    h.say(
        "5511988887777",
        "wamid.e2e.tenis",
        "oi! quero um tênis de corrida preto",
    )
    .await;
    let replies = h.sink.to("5511988887777");
    assert!(!replies.is_empty());
    let conversation = h
        .conversation_of("5511988887777")
        .await
        .expect("conversation");
    assert_eq!(conversation["brand"], "fashion");
    let catalog = demo_catalog();
    let shown = products_shown(&replies, &catalog);
    assert!(!shown.is_empty(), "shows products: {}", readable(&replies));
    assert!(shown.iter().all(|id| brand_of(id, &catalog) == "fashion"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_signature_is_refused_and_nothing_is_processed() {
    let h = Harness::start().await;
    let body = agent_store::whatsapp::payload::text_envelope(
        common::PHONE_NUMBER_ID,
        "15550009999",
        "Eve",
        "wamid.forged",
        "hi, I want a laptop",
    );
    let forged = h.post_webhook(&body, "not-the-app-secret").await;
    assert_eq!(forged.status(), 401);
    let error: Value = forged.json().await.expect("json error");
    assert!(
        error["error"]
            .as_str()
            .unwrap_or_default()
            .contains("does not match")
    );

    let unsigned = h
        .http
        .post(format!("{}/webhooks/whatsapp", h.app.url()))
        .body(serde_json::to_vec(&body).expect("json"))
        .send()
        .await
        .expect("request");
    assert_eq!(unsigned.status(), 401);
    h.settle().await;
    assert!(h.sink.all().is_empty(), "nothing was sent");
    assert!(
        h.conversation_of("15550009999").await.is_none(),
        "nothing was stored"
    );

    // The same body correctly signed is accepted: the refusal was the signature.
    assert_eq!(h.post_webhook(&body, SECRET).await.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retried_webhook_is_answered_once() {
    let h = Harness::start().await;
    let body = agent_store::whatsapp::payload::text_envelope(
        common::PHONE_NUMBER_ID,
        "15550001111",
        "Bo",
        "wamid.dup",
        "hi, I'm looking for a new laptop",
    );
    for _ in 0..3 {
        assert_eq!(h.post_webhook(&body, SECRET).await.status(), 200);
    }
    h.settle().await;
    let first = h.sink.to("15550001111").len();
    assert!(first > 0);
    let again = h.post_webhook(&body, SECRET).await;
    assert_eq!(again.status(), 200);
    h.settle().await;
    assert_eq!(
        h.sink.to("15550001111").len(),
        first,
        "duplicates add no replies"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transient_graph_failure_is_retried_without_losing_the_reply() {
    let h = Harness::start().await;
    *h.sink.fail_first.lock().expect("lock") = 2;
    h.say(
        "15550002222",
        "wamid.retry",
        "hi, I'm looking for a new laptop",
    )
    .await;
    assert!(
        !h.sink.to("15550002222").is_empty(),
        "delivered after the Graph API recovered"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_webhooks_get_a_clear_400() {
    let h = Harness::start().await;
    for body in [
        serde_json::json!({"object": "page", "entry": []}),
        serde_json::json!({"entry": "nope"}),
    ] {
        let r = h.post_webhook(&body, SECRET).await;
        assert_eq!(r.status(), 400);
        let e: Value = r.json().await.expect("json");
        assert!(!e["error"].as_str().unwrap_or_default().is_empty());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_verification_handshake() {
    let h = Harness::start().await;
    let url = |token: &str| {
        format!(
            "{}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={token}&hub.challenge=1158201444",
            h.app.url()
        )
    };
    let ok = h.http.get(url("verify-me")).send().await.expect("request");
    assert_eq!(ok.status(), 200);
    assert_eq!(ok.text().await.expect("body"), "1158201444");
    let bad = h.http.get(url("wrong")).send().await.expect("request");
    assert_eq!(bad.status(), 403);
    for path in ["/healthz", "/readyz"] {
        let r = h
            .http
            .get(format!("{}{path}", h.app.url()))
            .send()
            .await
            .expect("request");
        assert_eq!(r.status(), 200, "{path}");
    }
    let admin = h
        .http
        .get(format!("{}/admin/plugins", h.app.url()))
        .send()
        .await
        .expect("request");
    assert_eq!(admin.status(), 401, "admin API needs the token");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_api_lists_every_plugin_with_limits_and_audit_counters() {
    let h = Harness::start().await;
    h.say(
        "15550003333",
        "wamid.admin.1",
        "hi, I'm looking for a new laptop",
    )
    .await;
    let listing = h.admin("/plugins").await;
    let plugins = listing["plugins"].as_array().expect("plugins");
    let names: Vec<&str> = plugins.iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(
        names,
        [
            "router",
            "seller-beauty",
            "seller-fashion",
            "seller-gaming",
            "seller-home",
            "seller-tech"
        ]
    );
    for p in plugins {
        assert_eq!(p["digest"].as_str().map(str::len), Some(64), "{p}");
        assert_eq!(p["limits"]["cpu_ms"], 200, "{p}");
        assert_eq!(
            p["denied_calls"], 0,
            "well-behaved plugins make no denied calls: {p}"
        );
    }
    let tech = plugins
        .iter()
        .find(|p| p["name"] == "seller-tech")
        .expect("tech");
    assert!(tech["turns"].as_u64().unwrap_or(0) >= 1, "{tech}");
}

/// Ctrl-C in the demo: a browser's live event stream (the sandbox page's
/// Server-Sent Events) must not keep the host from stopping.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_is_not_held_up_by_an_open_event_stream() {
    let h = Harness::start_sandbox().await;
    let url = h.app.url();
    let stream = h
        .http
        .get(format!("{url}/sandbox/events?to=5511900000001"))
        .send()
        .await
        .expect("event stream");
    assert_eq!(stream.status(), reqwest::StatusCode::OK);
    let Harness { app, .. } = h;
    tokio::time::timeout(
        agent_store::app::SHUTDOWN_DRAIN + std::time::Duration::from_secs(10),
        app.shutdown(),
    )
    .await
    .expect("the host stopped with a stream still open");
    // The port is closed: nothing serves after shutdown.
    assert!(reqwest::get(format!("{url}/healthz")).await.is_err());
    drop(stream);
}
