//! Traces through real parts (issue 17): a local OTLP/HTTP receiver (an
//! axum server decoding the protobuf requests with `opentelemetry-proto`)
//! gets the host's spans; one customer message is one trace that spans the
//! webhook, the router and seller stages and turns (each host call a span
//! inside its turn, with the plugin's name and version), and the Graph API send,
//! over the in-process bus and over RabbitMQ; no span and no log line
//! carries the customer's phone number or the message's text, and the log
//! lines carry the trace id.
//!
//! The subscriber is global: this process installs the host's OTLP layer
//! (`telemetry::tracing`) and a log formatter writing to a buffer once, for
//! both tests. An unreachable collector is tried with `agent-store serve`
//! as a child process (its own subscriber, from its config).

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State;
use axum::routing::post;
use common::{Harness, PHONE_NUMBER_ID, SECRET, plugins_dir, workspace};
use opentelemetry_proto::tonic::collector::trace::v1::ExportTraceServiceRequest;
use opentelemetry_proto::tonic::common::v1::any_value;
use opentelemetry_proto::tonic::trace::v1::Span;
use prost::Message as _;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;

/// Every span the receiver got, and the raw requests' debug text.
#[derive(Clone, Default)]
struct Received {
    spans: Arc<Mutex<Vec<Span>>>,
    dump: Arc<Mutex<String>>,
}

async fn receive(State(r): State<Received>, body: Bytes) -> axum::http::StatusCode {
    let Ok(req) = ExportTraceServiceRequest::decode(body) else {
        return axum::http::StatusCode::BAD_REQUEST;
    };
    r.dump.lock().expect("lock").push_str(&format!("{req:?}\n"));
    let mut spans = r.spans.lock().expect("lock");
    for rs in req.resource_spans {
        for ss in rs.scope_spans {
            spans.extend(ss.spans);
        }
    }
    axum::http::StatusCode::OK
}

/// A log buffer (`MakeWriter`).
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl Write for Logs {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Logs {
    type Writer = Logs;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

/// The receiver and the log buffer of this process, started once, on a
/// runtime of their own (each test has its own runtime; the exporter must
/// outlive them).
fn telemetry() -> &'static (Received, Logs) {
    static ONCE: OnceLock<(Received, Logs)> = OnceLock::new();
    ONCE.get_or_init(|| {
        let received = Received::default();
        let logs = Logs::default();
        let (tx, rx) = std::sync::mpsc::channel();
        let r = received.clone();
        let l = logs.clone();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind");
                let url = format!("http://{}", listener.local_addr().expect("addr"));
                let provider =
                    agent_store::telemetry::tracing::provider(&format!("{url}/v1/traces"))
                        .expect("the OTLP exporter");
                let _ = tracing_subscriber::registry()
                    .with(tracing_subscriber::EnvFilter::new("info,tantivy=warn"))
                    .with(
                        tracing_subscriber::fmt::layer()
                            .with_writer(l)
                            .with_ansi(false)
                            .compact(),
                    )
                    .with(agent_store::telemetry::tracing::layer(&provider))
                    .try_init();
                let app = axum::Router::new()
                    .route("/v1/traces", post(receive))
                    .with_state(r);
                tx.send(()).expect("ready");
                let _ = axum::serve(listener, app).await;
            });
        });
        rx.recv().expect("the receiver starts");
        (received, logs)
    })
}

fn hex(id: &[u8]) -> String {
    id.iter().map(|b| format!("{b:02x}")).collect()
}

fn attr(span: &Span, key: &str) -> Option<String> {
    span.attributes
        .iter()
        .find(|kv| kv.key == key)
        .and_then(|kv| kv.value.as_ref())
        .and_then(|v| match &v.value {
            Some(any_value::Value::StringValue(s)) => Some(s.clone()),
            Some(other) => Some(format!("{other:?}")),
            None => None,
        })
}

/// The trace of the message `wamid`, once its Graph send has arrived.
async fn trace_of(received: &Received, wamid: &str) -> Vec<Span> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        // Spans are exported in batches: push the buffered ones out.
        tokio::task::spawn_blocking(agent_store::telemetry::tracing::flush)
            .await
            .expect("flush");
        let spans = received.spans.lock().expect("lock").clone();
        let root = spans
            .iter()
            .find(|s| attr(s, "wamid").as_deref() == Some(wamid));
        if let Some(root) = root {
            let trace: Vec<Span> = spans
                .iter()
                .filter(|s| s.trace_id == root.trace_id)
                .cloned()
                .collect();
            if trace.iter().any(|s| s.name == "whatsapp.graph.send") {
                return trace;
            }
        }
        assert!(
            Instant::now() < deadline,
            "no complete trace for {wamid}; spans: {:?}",
            spans.iter().map(|s| &s.name).collect::<Vec<_>>()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// One message, one trace: webhook → route → router turn → sell → seller
/// turn → render → send → Graph API; phone and text nowhere.
async fn one_message_is_one_trace(h: &Harness, me: &str, wamid: &str, text: &str) {
    let (received, logs) = telemetry();
    assert_eq!(h.say(me, wamid, text).await, 200);
    assert!(!h.sink.to(me).is_empty(), "the customer got an answer");
    let trace = trace_of(received, wamid).await;
    let names: Vec<&str> = trace.iter().map(|s| s.name.as_str()).collect();
    for want in [
        "webhook whatsapp.message",
        "route",
        "router turn",
        "sell",
        "seller turn",
        "render",
        "send",
        "whatsapp.graph.send",
    ] {
        assert!(
            names.contains(&want),
            "{want} missing from the trace: {names:?}"
        );
    }
    // The hops are parent and child: every span but the root has its
    // parent in the same trace.
    let ids: Vec<&Vec<u8>> = trace.iter().map(|s| &s.span_id).collect();
    let roots: Vec<&str> = trace
        .iter()
        .filter(|s| s.parent_span_id.is_empty() || !ids.contains(&&s.parent_span_id))
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(roots, ["webhook whatsapp.message"], "one root: {names:?}");
    // Plugin turns name the plugin and its version.
    let seller = trace
        .iter()
        .find(|s| s.name == "seller turn")
        .expect("seller turn");
    assert!(attr(seller, "plugin.name").is_some_and(|n| n.starts_with("seller-")));
    assert!(attr(seller, "plugin.version").is_some_and(|v| !v.is_empty()));
    let router = trace
        .iter()
        .find(|s| s.name == "router turn")
        .expect("router turn");
    assert_eq!(attr(router, "plugin.name").as_deref(), Some("router"));
    // Each host call of a turn is a span of its own, named by its kind,
    // inside that turn, with the plugin's name and version.
    for turn in [router, seller] {
        let calls: Vec<&Span> = trace
            .iter()
            .filter(|s| s.parent_span_id == turn.span_id && attr(s, "host_call.kind").is_some())
            .collect();
        assert!(
            !calls.is_empty(),
            "no host-call span in the {}: {names:?}",
            turn.name
        );
        for call in calls {
            let kind = attr(call, "host_call.kind").expect("kind");
            assert_eq!(call.name, kind, "a host call's span is named by its kind");
            assert_eq!(attr(call, "plugin.name"), attr(turn, "plugin.name"));
            assert_eq!(attr(call, "plugin.version"), attr(turn, "plugin.version"));
            assert!(call.end_time_unix_nano >= call.start_time_unix_nano);
        }
    }

    // Nothing personal in any span the receiver got, nor in the logs.
    let dump = received.dump.lock().expect("lock").clone();
    let local = &me[2..];
    assert!(!dump.contains(local), "a phone number in a span");
    assert!(!dump.contains(text), "message text in a span");
    let log = String::from_utf8_lossy(&logs.0.lock().expect("lock")).into_owned();
    assert!(!log.contains(local), "a phone number in the logs");
    // Log lines inside the trace carry its id.
    let trace_id = hex(&trace[0].trace_id);
    assert!(
        log.lines()
            .any(|l| l.contains(&format!("trace_id={trace_id}"))),
        "no log line names trace {trace_id}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_customer_message_is_one_trace_over_the_in_process_bus() {
    telemetry();
    let h = Harness::start_with(plugins_dir(), |_| {}).await;
    one_message_is_one_trace(
        &h,
        "5511987650301",
        "wamid.trace.inproc",
        "hi, I'm looking for running shoes",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_customer_message_is_one_trace_over_rabbitmq() {
    telemetry();
    let prefix = format!("test.traces.{}", std::process::id());
    let h = Harness::start_with(plugins_dir(), |c| {
        c.bus.backend = "amqp".into();
        c.bus.prefix = prefix.clone();
        c.bus.queue_expires_ms = 60_000;
    })
    .await;
    one_message_is_one_trace(
        &h,
        "5511987650302",
        "wamid.trace.amqp",
        "hi, I'm looking for a new laptop",
    )
    .await;
    h.app.state.bus.close().await;
}

// ---- an unreachable collector ---------------------------------------------------

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// The host binary (the test crate links only the library).
fn binary() -> std::path::PathBuf {
    let status = std::process::Command::new(env!("CARGO"))
        .current_dir(workspace())
        .args(["build", "-q", "-p", "agent-store", "--bin", "agent-store"])
        .status()
        .expect("cargo build");
    assert!(status.success(), "building agent-store failed");
    let exe = std::env::current_exe().expect("test binary");
    exe.parent()
        .and_then(std::path::Path::parent)
        .expect("target dir")
        .join("agent-store")
}

/// Kills the child host when the test ends, however it ends.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_collector_costs_customers_nothing_and_is_logged_once_a_minute() {
    let (sink, sink_url) = common::start_sink().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut c = common::config(dir.path(), &sink_url, &plugins_dir());
    let port = free_port();
    c.server.bind = format!("127.0.0.1:{port}").parse().expect("addr");
    c.plugins.watch = false;
    c.telemetry.metrics_token = "collector-test-token".into();
    // Nothing listens there.
    c.telemetry.otlp_endpoint = format!("http://127.0.0.1:{}", free_port());
    let file = dir.path().join("host.toml");
    std::fs::write(&file, toml::to_string(&c).expect("TOML")).expect("write");
    let log = dir.path().join("host.log");
    let mut cmd = std::process::Command::new(binary());
    cmd.current_dir(workspace())
        .arg("--config")
        .arg(&file)
        .arg("serve")
        .stdin(std::process::Stdio::null())
        .stdout(std::fs::File::create(dir.path().join("stdout.log")).expect("log"))
        .stderr(std::fs::File::create(&log).expect("log"));
    for (key, _) in std::env::vars() {
        if key.starts_with("AGENT_STORE_") || key.starts_with("OTEL_") {
            cmd.env_remove(key);
        }
    }
    cmd.env("RUST_LOG", "info");
    let _host = Child(cmd.spawn().expect("start agent-store serve"));
    let url = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(180);
    while !http
        .get(format!("{url}/readyz"))
        .send()
        .await
        .is_ok_and(|r| r.status() == 200)
    {
        assert!(Instant::now() < deadline, "the host never became ready");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // Customers are answered while every export fails.
    for i in 0..3 {
        let from = format!("1555888000{i}");
        let body = agent_store::whatsapp::payload::text_envelope(
            PHONE_NUMBER_ID,
            &from,
            "Ana",
            &format!("wamid.collector.{i}"),
            "hello, do you sell laptops?",
        );
        let raw = serde_json::to_vec(&body).expect("json");
        let r = http
            .post(format!("{url}/webhooks/whatsapp"))
            .header("content-type", "application/json")
            .header(
                "x-hub-signature-256",
                agent_store::whatsapp::signature::sign(SECRET.as_bytes(), &raw),
            )
            .body(raw)
            .send()
            .await
            .expect("webhook");
        assert_eq!(r.status(), 200);
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    while (0..3).any(|i| sink.to(&format!("1555888000{i}")).is_empty()) {
        assert!(Instant::now() < deadline, "customers were not answered");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // The batch exporter tries every few seconds: failures are counted...
    let failures = || async {
        let text = http
            .get(format!("{url}/metrics"))
            .bearer_auth("collector-test-token")
            .send()
            .await
            .expect("scrape")
            .text()
            .await
            .expect("text");
        text.lines()
            .find(|l| l.starts_with("agent_store_telemetry_errors_total{kind=\"otlp_export\"}"))
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    // One more message between exports, so there is a second batch.
    let mut more = 0;
    while failures().await < 2.0 {
        assert!(
            Instant::now() < deadline,
            "failed exports are not counted; log:\n{}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        more += 1;
        let body = agent_store::whatsapp::payload::text_envelope(
            PHONE_NUMBER_ID,
            "15558880009",
            "Ana",
            &format!("wamid.collector.more.{more}"),
            "hello again",
        );
        let raw = serde_json::to_vec(&body).expect("json");
        let _ = http
            .post(format!("{url}/webhooks/whatsapp"))
            .header("content-type", "application/json")
            .header(
                "x-hub-signature-256",
                agent_store::whatsapp::signature::sign(SECRET.as_bytes(), &raw),
            )
            .body(raw)
            .send()
            .await;
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    // ...and logged once (within the minute), not per failure or message.
    let text = std::fs::read_to_string(&log).expect("host log");
    let lines = text
        .lines()
        .filter(|l| l.contains("telemetry failing"))
        .count();
    assert_eq!(lines, 1, "{text}");
    assert!(
        http.get(format!("{url}/healthz"))
            .send()
            .await
            .is_ok_and(|r| r.status() == 200)
    );
}
