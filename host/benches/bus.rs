//! Event bus benchmark: events per second and publish→consume latency,
//! in-process and on RabbitMQ (publisher confirms on, quorum queues,
//! manual acks), through the `Bus` trait the host uses.
//!
//! ```text
//! cargo bench -p agent-store --bench bus
//! BUS_BENCH_EVENTS=20000 cargo bench -p agent-store --bench bus   # more events
//! ```
//!
//! Needs RabbitMQ at `AGENT_STORE_BUS_AMQP_URL` (default
//! amqp://guest:guest@127.0.0.1:5672/%2f); without it only the in-process
//! rows are printed.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use agent_store::bus::amqp::AmqpBus;
use agent_store::bus::{Bus, BusConfig, Handler, InProcessBus, RetryPolicy};
use agent_store::events::{self, Context, EventType, PluginFailed};
use async_trait::async_trait;
use cloudevents::Event;
use tokio::sync::Notify;

fn base() -> Instant {
    static BASE: OnceLock<Instant> = OnceLock::new();
    *BASE.get_or_init(Instant::now)
}

fn now_ns() -> i64 {
    base().elapsed().as_nanos() as i64
}

/// Records publish→handle latency from the `sentns` extension.
#[derive(Default)]
struct Meter {
    latencies: Mutex<Vec<u64>>,
    count: AtomicUsize,
    done: Notify,
}

#[async_trait]
impl Handler for Meter {
    async fn handle(&self, event: Event) -> anyhow::Result<()> {
        let sent = match event.extension("sentns") {
            Some(cloudevents::event::ExtensionValue::Integer(n)) => *n,
            _ => anyhow::bail!("no sentns"),
        };
        let latency = (now_ns() - sent).max(0) as u64;
        self.latencies.lock().expect("lock").push(latency);
        self.count.fetch_add(1, Ordering::SeqCst);
        self.done.notify_waiters();
        Ok(())
    }
}

impl Meter {
    async fn wait_for(&self, n: usize) {
        loop {
            let notified = self.done.notified();
            if self.count.load(Ordering::SeqCst) >= n {
                return;
            }
            let _ = tokio::time::timeout(Duration::from_millis(50), notified).await;
        }
    }

    fn take(&self) -> Vec<u64> {
        let mut v = std::mem::take(&mut *self.latencies.lock().expect("lock"));
        self.count.store(0, Ordering::SeqCst);
        v.sort_unstable();
        v
    }
}

fn event(i: usize, subjects: usize) -> Event {
    let subject = format!("conv-{}", i % subjects);
    let p = PluginFailed {
        plugin: "bench".into(),
        version: "1".into(),
        reason: i.to_string(),
        conversation_id: Some(subject.clone()),
    };
    let mut e = events::build(
        &Context {
            source: "/bench",
            subject: Some(&subject),
            brand: Some("tech"),
            traceparent: None,
        },
        &p,
    )
    .expect("event");
    e.set_extension("sentns", now_ns());
    e
}

fn pct(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1e6
}

/// `n` events from `concurrency` publishers over 256 conversations.
async fn throughput(bus: Arc<dyn Bus>, meter: &Meter, n: usize, concurrency: usize) -> String {
    let start = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..concurrency {
        let bus = bus.clone();
        tasks.push(tokio::spawn(async move {
            let mut i = w;
            while i < n {
                bus.publish(event(i, 256)).await.expect("publish");
                i += concurrency;
            }
        }));
    }
    for t in tasks {
        t.await.expect("publisher");
    }
    let published = start.elapsed();
    meter.wait_for(n).await;
    let elapsed = start.elapsed();
    let l = meter.take();
    format!(
        "{:>9.0} ev/s published, {:>9.0} ev/s handled | latency p50 {:>7.2} ms  p99 {:>7.2} ms",
        n as f64 / published.as_secs_f64(),
        n as f64 / elapsed.as_secs_f64(),
        pct(&l, 0.5),
        pct(&l, 0.99)
    )
}

/// One event at a time: publish, wait until handled.
async fn unloaded(bus: Arc<dyn Bus>, meter: &Meter, n: usize) -> String {
    for i in 0..n {
        bus.publish(event(i, 256)).await.expect("publish");
        meter.wait_for(i + 1).await;
    }
    let l = meter.take();
    format!(
        "one at a time ({n} events): latency p50 {:.3} ms  p99 {:.3} ms",
        pct(&l, 0.5),
        pct(&l, 0.99)
    )
}

async fn run(name: &str, bus: Arc<dyn Bus>, meter: Arc<Meter>, n: usize) {
    bus.subscribe("bench", &[EventType::PluginFailed], meter.clone())
        .await
        .expect("subscribe");
    // Warm up (and let the AMQP host claim its shards).
    let _ = throughput(bus.clone(), &meter, 200, 8).await;
    println!("{name:<12} {}", unloaded(bus.clone(), &meter, 500).await);
    for concurrency in [1, 16, 64] {
        let line = throughput(bus.clone(), &meter, n, concurrency).await;
        println!("{name:<12} {concurrency:>2} publishers, {n} events: {line}");
    }
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let n: usize = std::env::var("BUS_BENCH_EVENTS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(10_000);
        let _ = base();
        println!("event bus benchmark: 1 consumer group, 256 conversations");

        let meter = Arc::new(Meter::default());
        let bus: Arc<dyn Bus> = Arc::new(InProcessBus::new(RetryPolicy::default()));
        run("in-process", bus, meter, n).await;

        let mut config = BusConfig {
            backend: "amqp".into(),
            prefix: format!("bench.{}", std::process::id()),
            queue_expires_ms: 60_000,
            ..BusConfig::default()
        };
        if let Ok(url) = std::env::var("AGENT_STORE_BUS_AMQP_URL") {
            config.amqp_url = url;
        }
        match AmqpBus::connect(&config).await {
            Ok(amqp) => {
                let meter = Arc::new(Meter::default());
                let bus: Arc<dyn Bus> = amqp.clone();
                run("rabbitmq", bus, meter, n).await;
                amqp.close().await;
                if let Err(e) = amqp.delete_topology().await {
                    eprintln!("cleanup failed: {e}");
                }
            }
            Err(e) => println!("rabbitmq     skipped: {e}"),
        }
    });
}
