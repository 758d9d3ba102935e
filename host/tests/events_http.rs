//! `POST /events`: CloudEvents over HTTP (binary and structured modes)
//! reach the bus, over the real RabbitMQ.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use agent_store::app::{App, Options};
use agent_store::bus::{Handler, ProducerConfig};
use agent_store::config::Config;
use agent_store::events::{self, EventType, PluginFailed};
use async_trait::async_trait;
use cloudevents::{AttributesReader, Event};
use serde_json::{Value, json};

#[derive(Default)]
struct Probe(Mutex<Vec<Event>>);

#[async_trait]
impl Handler for Probe {
    async fn handle(&self, event: Event) -> anyhow::Result<()> {
        self.0.lock().expect("lock").push(event);
        Ok(())
    }
}

const ADMIN: &str = "events-admin-token";
/// Granted plugin failures and outbound messages (a trusted internal producer).
const OPS: &str = "ops-producer-token-0123456789";
/// Granted the sales types by pattern (which never covers customer-facing ones).
const AUDIT: &str = "audit-producer-token-0123456789";

fn producers() -> Vec<ProducerConfig> {
    vec![
        ProducerConfig {
            name: "ops".into(),
            token: OPS.into(),
            types: vec![
                EventType::PluginFailed.as_str().into(),
                EventType::WhatsAppMessageSend.as_str().into(),
            ],
        },
        ProducerConfig {
            name: "audit".into(),
            token: AUDIT.into(),
            types: vec!["store.sales.*".into()],
        },
    ]
}

fn payload() -> Value {
    json!({"plugin": "p", "version": "1", "reason": "over http", "conversation_id": "c1"})
}

fn structured(id: &str, ty: &str, data: Value) -> Value {
    json!({
        "specversion": "1.0", "id": id, "type": ty, "source": "/producer",
        "subject": "c2", "datacontenttype": "application/json", "data": data,
    })
}

async fn post_structured(
    http: &reqwest::Client,
    url: &str,
    token: Option<&str>,
    event: &Value,
) -> reqwest::Response {
    let mut request = http
        .post(url)
        .header("content-type", "application/cloudevents+json")
        .body(event.to_string());
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("request")
}

async fn error_of(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    (status, response.json().await.expect("json error"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_endpoint_accepts_binary_and_structured_cloudevents() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut config = Config {
        data_dir: data.path().to_path_buf(),
        ..Config::default()
    };
    config.server.bind = "127.0.0.1:0".parse().expect("addr");
    config.plugins.dir = Some(data.path().join("no-plugins"));
    config.admin.token = ADMIN.into();
    config.bus.producers = producers();
    config.bus.backend = "amqp".into();
    config.bus.prefix = format!("test.http.{}", uuid::Uuid::new_v4().simple());
    // Every group's queues (not only the ones deleted below) go away.
    config.bus.queue_expires_ms = 60_000;
    let app = App::start(config, Options::default())
        .await
        .expect("host starts");
    let probe = Arc::new(Probe::default());
    app.state
        .bus
        .subscribe("http-probe", &[EventType::PluginFailed], probe.clone())
        .await
        .expect("subscribes");
    let url = format!("{}/events", app.url());
    let http = reqwest::Client::new();

    let binary = http
        .post(&url)
        .bearer_auth(OPS)
        .header("ce-specversion", "1.0")
        .header("ce-id", "http-binary-1")
        .header("ce-type", EventType::PluginFailed.as_str())
        .header("ce-source", "/knative/trigger")
        .header("ce-subject", "c1")
        .header("ce-brand", "tech")
        .header("content-type", "application/json")
        .body(payload().to_string())
        .send()
        .await
        .expect("request");
    assert_eq!(binary.status(), 202);
    let body: Value = binary.json().await.expect("json");
    assert_eq!(body["id"], "http-binary-1");

    let event = structured(
        "http-structured-1",
        EventType::PluginFailed.as_str(),
        payload(),
    );
    let accepted = post_structured(&http, &url, Some(OPS), &event).await;
    assert_eq!(accepted.status(), 202);

    let unknown = http
        .post(&url)
        .bearer_auth(OPS)
        .header("ce-specversion", "1.0")
        .header("ce-id", "x")
        .header("ce-type", "com.example.unknown")
        .header("ce-source", "/x")
        .send()
        .await
        .expect("request");
    let (status, e) = error_of(unknown).await;
    assert_eq!(status, 400);
    let message = e["error"].as_str().unwrap_or_default();
    assert!(
        message.contains("com.example.unknown") && message.contains("store.plugin.failed"),
        "{message}"
    );

    let not_an_event = http
        .post(&url)
        .bearer_auth(OPS)
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .expect("request");
    let (status, e) = error_of(not_an_event).await;
    assert_eq!(status, 400);
    assert!(
        e["error"]
            .as_str()
            .unwrap_or_default()
            .contains("not a CloudEvent"),
        "{e}"
    );

    // No, a malformed and a wrong token: 401 with a Bearer challenge.
    let refused = structured("refused-1", EventType::PluginFailed.as_str(), payload());
    for token in [None, Some("not-a-producer-token-at-all"), Some("")] {
        let response = post_structured(&http, &url, token, &refused).await;
        let challenge = response
            .headers()
            .get("www-authenticate")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let (status, e) = error_of(response).await;
        assert_eq!(status, 401, "token {token:?}: {e}");
        assert!(challenge.starts_with("Bearer"), "{challenge:?}");
        assert!(
            e["error"].as_str().unwrap_or_default().contains("token"),
            "{e}"
        );
    }
    // A real token for a type it is not granted: 403, naming both.
    let (status, e) = error_of(post_structured(&http, &url, Some(AUDIT), &refused).await).await;
    assert_eq!(status, 403, "{e}");
    let message = e["error"].as_str().unwrap_or_default();
    assert!(
        message.contains("audit") && message.contains("store.plugin.failed"),
        "{message}"
    );
    // Customer-facing types are outside every pattern grant.
    let received = structured(
        "refused-2",
        EventType::WhatsAppMessageReceived.as_str(),
        json!({}),
    );
    let (status, _) = error_of(post_structured(&http, &url, Some(AUDIT), &received).await).await;
    assert_eq!(status, 403);
    // The data must match the type's payload.
    let mismatch = structured(
        "refused-3",
        EventType::PluginFailed.as_str(),
        json!({"plugin": 7, "version": "1"}),
    );
    let (status, e) = error_of(post_structured(&http, &url, Some(OPS), &mismatch).await).await;
    assert_eq!(status, 400, "{e}");
    let message = e["error"].as_str().unwrap_or_default();
    assert!(
        message.contains("refused-3") && message.contains("store.plugin.failed"),
        "{message}"
    );

    // Batch mode: every event accepted ...
    let batch = json!([
        structured("http-batch-1", EventType::PluginFailed.as_str(), payload()),
        structured("http-batch-2", EventType::PluginFailed.as_str(), payload()),
    ]);
    let response = http
        .post(&url)
        .bearer_auth(OPS)
        .header("content-type", "application/cloudevents-batch+json")
        .body(batch.to_string())
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 202);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["ids"], json!(["http-batch-1", "http-batch-2"]));
    // ... or the whole batch refused, each refused event with its reason.
    let batch = json!([
        structured("http-batch-3", EventType::PluginFailed.as_str(), payload()),
        structured("http-batch-4", EventType::SalesEscalate.as_str(), json!({})),
        structured("http-batch-5", EventType::PluginFailed.as_str(), json!([])),
        {"not": "an event"},
    ]);
    let response = http
        .post(&url)
        .bearer_auth(OPS)
        .header("content-type", "application/cloudevents-batch+json")
        .body(batch.to_string())
        .send()
        .await
        .expect("request");
    let (status, e) = error_of(response).await;
    assert_eq!(status, 400, "one element is not an event at all: {e}");
    assert_eq!(e["events"][0]["index"], 3, "{e}");
    let batch = json!([
        structured("http-batch-3", EventType::PluginFailed.as_str(), payload()),
        structured("http-batch-4", EventType::SalesEscalate.as_str(), json!({})),
        structured("http-batch-5", EventType::PluginFailed.as_str(), json!([])),
    ]);
    let response = http
        .post(&url)
        .bearer_auth(OPS)
        .header("content-type", "application/cloudevents-batch+json")
        .body(batch.to_string())
        .send()
        .await
        .expect("request");
    let (status, e) = error_of(response).await;
    assert_eq!(status, 403, "an ungranted type refuses the batch: {e}");
    assert!(
        e["error"].as_str().unwrap_or_default().contains("none"),
        "{e}"
    );
    let refused: Vec<(u64, u64)> = e["events"]
        .as_array()
        .expect("per-event reasons")
        .iter()
        .map(|r| {
            (
                r["index"].as_u64().unwrap_or(99),
                r["status"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(refused, vec![(1, 403), (2, 400)]);

    // A send for a conversation that does not exist: accepted (the
    // producer is granted it), then parked at once, visible in /admin.
    let send = structured(
        "http-send-unknown",
        EventType::WhatsAppMessageSend.as_str(),
        json!({"id": "out-1", "conversation_id": "no-such-conversation",
               "phone_number_id": "100000000000001", "to": "15550009999", "brand": null,
               "text": "hi", "body": {"type": "text", "text": {"body": "hi"}}}),
    );
    let response = post_structured(&http, &url, Some(OPS), &send).await;
    assert_eq!(response.status(), 202);

    tokio::time::timeout(Duration::from_secs(60), app.idle())
        .await
        .expect("idle within 60 s");
    let mut got = probe.0.lock().expect("lock").clone();
    got.sort_by(|a, b| a.id().cmp(b.id()));
    let ids: Vec<&str> = got.iter().map(|e| e.id()).collect();
    assert_eq!(
        ids,
        [
            "http-batch-1",
            "http-batch-2",
            "http-binary-1",
            "http-structured-1"
        ],
        "every accepted event was delivered, no refused one"
    );
    assert_eq!(events::extension(&got[2], "brand").as_deref(), Some("tech"));
    for e in &got {
        let p: PluginFailed = events::payload(e).expect("typed payload");
        assert_eq!(p.reason, "over http");
        assert_eq!(events::extension(e, "producer").as_deref(), Some("ops"));
    }
    let parked: Value = http
        .get(format!("{}/admin/events/parked?group=send", app.url()))
        .bearer_auth(ADMIN)
        .send()
        .await
        .expect("admin request")
        .json()
        .await
        .expect("json");
    assert_eq!(parked["total"], 1, "{parked}");
    let row = &parked["events"][0];
    assert_eq!(row["event_id"], "http-send-unknown");
    assert_eq!(row["permanent"], true);
    assert_eq!(row["attempts"], 1);
    assert!(
        row["error"]
            .as_str()
            .unwrap_or_default()
            .contains("does not exist"),
        "{row}"
    );
    assert_eq!(
        row["event"]["data"]["conversation_id"],
        "no-such-conversation"
    );
    let unauthorised = http
        .get(format!("{}/admin/events/parked", app.url()))
        .send()
        .await
        .expect("admin request");
    assert_eq!(unauthorised.status(), 401);

    app.state.bus.close().await;
    let bus_config = app.state.config.bus.clone();
    let groups: Vec<String> = ["route", "sell", "render", "send", "http-probe"]
        .iter()
        .map(|g| g.to_string())
        .collect();
    agent_store::bus::amqp::delete_topology(&bus_config, &groups)
        .await
        .expect("cleanup");
}

/// Without producers, `/events` is shut: nothing gets in, with any token.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_producers_the_events_endpoint_is_closed() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut config = Config {
        data_dir: data.path().to_path_buf(),
        ..Config::default()
    };
    config.server.bind = "127.0.0.1:0".parse().expect("addr");
    config.plugins.dir = Some(data.path().join("no-plugins"));
    let app = App::start(config, Options::default())
        .await
        .expect("host starts");
    let url = format!("{}/events", app.url());
    let http = reqwest::Client::new();
    let event = structured("closed-1", EventType::PluginFailed.as_str(), payload());
    for token in [None, Some(OPS)] {
        let (status, e) = error_of(post_structured(&http, &url, token, &event).await).await;
        assert_eq!(status, 401, "{e}");
        assert!(
            e["error"]
                .as_str()
                .unwrap_or_default()
                .contains("no event producers are configured"),
            "{e}"
        );
    }
    app.shutdown().await;
}

/// A mistyped grant stops the start with the reason.
#[tokio::test]
async fn a_mistyped_grant_stops_the_start() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut config = Config {
        data_dir: data.path().to_path_buf(),
        ..Config::default()
    };
    config.server.bind = "127.0.0.1:0".parse().expect("addr");
    config.plugins.dir = Some(data.path().join("no-plugins"));
    config.bus.producers = vec![ProducerConfig {
        name: "shop".into(),
        token: OPS.into(),
        types: vec!["store.order.staus.update".into()],
    }];
    let err = App::start(config, Options::default())
        .await
        .err()
        .expect("refused");
    assert!(
        format!("{err:#}").contains("store.order.staus.update"),
        "{err:#}"
    );
}

/// What the HTTP sink received: (ce-id, ce-type, content-type, body).
type Received = Arc<Mutex<Vec<(String, String, String, String)>>>;

async fn start_sink() -> (Received, String) {
    use axum::http::HeaderMap;
    let received: Received = Arc::default();
    let r = received.clone();
    let app = axum::Router::new().route(
        "/",
        axum::routing::post(move |headers: HeaderMap, body: String| {
            let r = r.clone();
            async move {
                let h = |n: &str| {
                    headers
                        .get(n)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or_default()
                        .to_string()
                };
                r.lock()
                    .expect("lock")
                    .push((h("ce-id"), h("ce-type"), h("content-type"), body));
                axum::http::StatusCode::ACCEPTED
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (received, format!("http://{addr}/"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_are_emitted_to_the_http_sink() {
    let (received, sink_url) = start_sink().await;
    let data = tempfile::tempdir().expect("tempdir");
    let mut config = Config {
        data_dir: data.path().to_path_buf(),
        ..Config::default()
    };
    config.server.bind = "127.0.0.1:0".parse().expect("addr");
    config.plugins.dir = Some(data.path().join("no-plugins"));
    config.bus.sink_url = Some(sink_url);
    config.bus.producers = producers();
    let app = App::start(config, Options::default())
        .await
        .expect("host starts");
    let sent = http_event(&app.url(), "to-the-sink-1").await;
    assert_eq!(sent, 202);
    tokio::time::timeout(Duration::from_secs(30), app.idle())
        .await
        .expect("idle");
    let got = received.lock().expect("lock").clone();
    let (id, ty, ct, body) = got
        .iter()
        .find(|(id, ..)| id == "to-the-sink-1")
        .cloned()
        .expect("the sink received the event");
    assert_eq!(id, "to-the-sink-1");
    assert_eq!(ty, EventType::PluginFailed.as_str());
    assert_eq!(ct, "application/json");
    let body: Value = serde_json::from_str(&body).expect("json body");
    assert_eq!(body["reason"], "over http");
}

async fn http_event(base: &str, id: &str) -> u16 {
    reqwest::Client::new()
        .post(format!("{base}/events"))
        .bearer_auth(OPS)
        .header("ce-specversion", "1.0")
        .header("ce-id", id)
        .header("ce-type", EventType::PluginFailed.as_str())
        .header("ce-source", "/test")
        .header("content-type", "application/json")
        .body(
            json!({"plugin": "p", "version": "1", "reason": "over http", "conversation_id": null})
                .to_string(),
        )
        .send()
        .await
        .expect("request")
        .status()
        .as_u16()
}
