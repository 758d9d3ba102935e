//! The cost of telemetry (issue 17): recording the metrics one customer
//! message produces, encoding a scrape, and a two-hop message through the
//! in-process bus with tracing off and on (spans exported over OTLP/HTTP to
//! a local receiver that accepts and drops them).
//!
//! ```text
//! cargo bench -p agent-store --bench telemetry
//! TELEMETRY_BENCH_MESSAGES=20000 cargo bench -p agent-store --bench telemetry
//! ```

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use agent_store::bus::{Bus, Handler, InProcessBus, RetryPolicy};
use agent_store::events::{self, Context, EventType, PluginFailed, SalesHandoff};
use agent_store::telemetry::{metrics, tracing as traces};
use async_trait::async_trait;
use cloudevents::Event;
use tokio::sync::Notify;
use tracing::Instrument as _;

/// The metrics calls one routed, answered customer message makes.
fn one_message(i: usize) {
    let conversation = format!("conv-{}", i % 1000);
    metrics::inbound_received(&conversation);
    metrics::message_routed("tech", "text", "en", i.is_multiple_of(1000));
    metrics::plugin_turn("router", "0.1.0", Duration::from_micros(300), "ok");
    metrics::plugin_turn("seller-tech", "0.1.0", Duration::from_millis(2), "ok");
    for ty in ["received", "chat", "response", "send"] {
        metrics::bus_published(ty);
    }
    for group in ["route", "sell", "render", "send"] {
        metrics::bus_delivered(group, true);
    }
    metrics::message_sent(&conversation, "tech", "interactive", "en");
}

fn bench_metrics(n: usize) {
    for i in 0..1000 {
        one_message(i);
    }
    let start = Instant::now();
    for i in 0..n {
        one_message(i);
    }
    let per = start.elapsed().as_nanos() as f64 / n as f64;
    println!("metrics: {per:>8.0} ns per customer message (16 recordings)");
    let start = Instant::now();
    let mut bytes = 0;
    for _ in 0..100 {
        bytes = metrics::get().encode().expect("encode").len();
    }
    println!(
        "metrics: {:>8.0} µs per scrape encode ({bytes} bytes)",
        start.elapsed().as_micros() as f64 / 100.0
    );
}

/// Hop 1: `store.plugin.failed` → publishes `store.sales.handoff`.
struct Forward(Arc<dyn Bus>);

#[async_trait]
impl Handler for Forward {
    async fn handle(&self, event: Event) -> anyhow::Result<()> {
        let p: PluginFailed = events::payload(&event)?;
        let next = SalesHandoff {
            conversation_id: p.conversation_id.unwrap_or_default(),
            from_brand: "tech".into(),
            to_brand: "home".into(),
            reason: p.reason,
        };
        let ctx = Context {
            source: "/bench",
            subject: Some(&next.conversation_id),
            brand: Some("home"),
            traceparent: None,
        };
        self.0.publish(events::build(&ctx, &next)?).await?;
        Ok(())
    }
}

/// Hop 2: counts.
#[derive(Default)]
struct Count {
    n: AtomicUsize,
    done: Notify,
}

#[async_trait]
impl Handler for Count {
    async fn handle(&self, _event: Event) -> anyhow::Result<()> {
        self.n.fetch_add(1, Ordering::SeqCst);
        self.done.notify_waiters();
        Ok(())
    }
}

impl Count {
    async fn wait_for(&self, n: usize) {
        loop {
            let notified = self.done.notified();
            if self.n.load(Ordering::SeqCst) >= n {
                return;
            }
            let _ = tokio::time::timeout(Duration::from_millis(20), notified).await;
        }
    }
}

/// `n` messages, each in a root span like the webhook's, two hops each;
/// 8 concurrent publishers over 256 conversations.
async fn two_hops(bus: &Arc<dyn Bus>, count: &Count, n: usize) -> f64 {
    let base = count.n.load(Ordering::SeqCst);
    let start = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..8 {
        let bus = bus.clone();
        tasks.push(tokio::spawn(async move {
            let mut i = w;
            while i < n {
                let conversation = format!("conv-{}", i % 256);
                let p = PluginFailed {
                    plugin: "bench".into(),
                    version: "1".into(),
                    reason: i.to_string(),
                    conversation_id: Some(conversation.clone()),
                };
                let ctx = Context {
                    source: "/bench",
                    subject: Some(&conversation),
                    brand: Some("tech"),
                    traceparent: None,
                };
                let span = traces::inbound_span(&format!("wamid.bench.{i}"));
                let event = events::build(&ctx, &p).expect("event");
                bus.publish(event).instrument(span).await.expect("publish");
                i += 8;
            }
        }));
    }
    for t in tasks {
        t.await.expect("publisher");
    }
    count.wait_for(base + n).await;
    n as f64 / start.elapsed().as_secs_f64()
}

/// An OTLP/HTTP receiver that accepts everything: (url, bytes received).
async fn receiver() -> (String, Arc<AtomicUsize>) {
    let bytes = Arc::new(AtomicUsize::new(0));
    let b = bytes.clone();
    let app = axum::Router::new().route(
        "/v1/traces",
        axum::routing::post(move |body: axum::body::Bytes| {
            let b = b.clone();
            async move {
                b.fetch_add(body.len(), Ordering::Relaxed);
                ""
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}/v1/traces", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (url, bytes)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let n: usize = std::env::var("TELEMETRY_BENCH_MESSAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    bench_metrics(n * 10);

    let bus: Arc<dyn Bus> = Arc::new(InProcessBus::new(RetryPolicy::default()));
    let count = Arc::new(Count::default());
    bus.subscribe(
        "hop1",
        &[EventType::PluginFailed],
        Arc::new(Forward(bus.clone())),
    )
    .await
    .expect("subscribe");
    bus.subscribe("hop2", &[EventType::SalesHandoff], count.clone())
        .await
        .expect("subscribe");
    two_hops(&bus, &count, 1000).await; // warm-up
    let mut off = Vec::new();
    for _ in 0..3 {
        off.push(two_hops(&bus, &count, n).await);
    }

    // Tracing on: the host's OTLP layer, exporting to a local receiver.
    let (url, received) = receiver().await;
    let provider = traces::provider(&url).expect("exporter");
    {
        use tracing_subscriber::layer::SubscriberExt as _;
        use tracing_subscriber::util::SubscriberInitExt as _;
        tracing_subscriber::registry()
            .with(tracing_subscriber::EnvFilter::new("warn,agent_store=info"))
            .with(traces::layer(&provider))
            .try_init()
            .expect("subscriber");
    }
    two_hops(&bus, &count, 1000).await;
    let mut on = Vec::new();
    for _ in 0..3 {
        on.push(two_hops(&bus, &count, n).await);
    }
    tokio::task::spawn_blocking(traces::flush)
        .await
        .expect("flush");
    let best = |v: &[f64]| v.iter().cloned().fold(0.0, f64::max);
    println!(
        "bus, 2 hops, in-process, tracing off: {:>8.0} messages/s (best of 3 × {n})",
        best(&off)
    );
    println!(
        "bus, 2 hops, in-process, tracing on:  {:>8.0} messages/s (best of 3 × {n}); {} KiB of OTLP received",
        best(&on),
        received.load(Ordering::Relaxed) / 1024
    );
    println!(
        "tracing overhead: {:.1} µs per message (3 spans, 2 traceparent injections)",
        (1.0 / best(&on) - 1.0 / best(&off)) * 1e6
    );
}
