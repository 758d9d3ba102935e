//! `POST /events`: CloudEvents over HTTP (binary and structured modes)
//! reach the bus, over the real RabbitMQ.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use agent_store::app::{App, Options};
use agent_store::bus::Handler;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_endpoint_accepts_binary_and_structured_cloudevents() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut config = Config {
        data_dir: data.path().to_path_buf(),
        ..Config::default()
    };
    config.server.bind = "127.0.0.1:0".parse().expect("addr");
    config.plugins.dir = Some(data.path().join("no-plugins"));
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
    let payload =
        json!({"plugin": "p", "version": "1", "reason": "over http", "conversation_id": "c1"});

    let binary = http
        .post(&url)
        .header("ce-specversion", "1.0")
        .header("ce-id", "http-binary-1")
        .header("ce-type", EventType::PluginFailed.as_str())
        .header("ce-source", "/knative/trigger")
        .header("ce-subject", "c1")
        .header("ce-brand", "tech")
        .header("content-type", "application/json")
        .body(payload.to_string())
        .send()
        .await
        .expect("request");
    assert_eq!(binary.status(), 202);
    let body: Value = binary.json().await.expect("json");
    assert_eq!(body["id"], "http-binary-1");

    let structured = http
        .post(&url)
        .header("content-type", "application/cloudevents+json")
        .body(
            json!({
                "specversion": "1.0", "id": "http-structured-1",
                "type": EventType::PluginFailed.as_str(), "source": "/producer",
                "subject": "c2", "datacontenttype": "application/json", "data": payload,
            })
            .to_string(),
        )
        .send()
        .await
        .expect("request");
    assert_eq!(structured.status(), 202);

    let unknown = http
        .post(&url)
        .header("ce-specversion", "1.0")
        .header("ce-id", "x")
        .header("ce-type", "com.example.unknown")
        .header("ce-source", "/x")
        .send()
        .await
        .expect("request");
    assert_eq!(unknown.status(), 400);
    let e: Value = unknown.json().await.expect("json");
    let message = e["error"].as_str().unwrap_or_default();
    assert!(
        message.contains("com.example.unknown") && message.contains("store.plugin.failed"),
        "{message}"
    );

    let not_an_event = http
        .post(&url)
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .expect("request");
    assert_eq!(not_an_event.status(), 400);
    let e: Value = not_an_event.json().await.expect("json");
    assert!(
        e["error"]
            .as_str()
            .unwrap_or_default()
            .contains("not a CloudEvent"),
        "{e}"
    );

    tokio::time::timeout(Duration::from_secs(60), app.idle())
        .await
        .expect("idle within 60 s");
    let mut got = probe.0.lock().expect("lock").clone();
    got.sort_by(|a, b| a.id().cmp(b.id()));
    assert_eq!(got.len(), 2, "both accepted events were delivered");
    assert_eq!(got[0].id(), "http-binary-1");
    assert_eq!(events::extension(&got[0], "brand").as_deref(), Some("tech"));
    assert_eq!(got[1].id(), "http-structured-1");
    for e in &got {
        let p: PluginFailed = events::payload(e).expect("typed payload");
        assert_eq!(p.reason, "over http");
    }

    app.state.bus.close().await;
    let bus_config = app.state.config.bus.clone();
    let mut groups: Vec<String> = ["route", "sell", "render", "send", "http-probe"]
        .iter()
        .map(|g| g.to_string())
        .collect();
    groups.dedup();
    agent_store::bus::amqp::delete_topology(&bus_config, &groups)
        .await
        .expect("cleanup");
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
