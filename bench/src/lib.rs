//! End-to-end load benchmark of the Agent Store: simulated customers send
//! signed WhatsApp text webhooks with multi-turn conversations into a real
//! host, and a local Graph API stand-in times each reply; the same load
//! against a bare axum handler gives the baseline (what the store adds).
//!
//! `cargo run --release -p agent-store-bench -- --help`; the regression
//! test `tests/tests/bench_e2e.rs` runs it small, in-process.

pub mod ack;
pub mod baseline;
pub mod load;
pub mod otlp;
pub mod procstat;
pub mod report;
pub mod scenario;
pub mod standin;
pub mod target;

use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

pub use report::CaseReport;
pub use target::{Backend, Placement, StoreFiles, System, Telemetry};

/// One benchmark run's settings.
#[derive(Debug, Clone)]
pub struct Options {
    pub customers: usize,
    /// Stop starting turns after this long (with `messages` unset).
    pub duration: Option<Duration>,
    /// Messages per customer (instead of a duration).
    pub messages: Option<usize>,
    pub think: (Duration, Duration),
    pub bad_ratio: f64,
    pub reply_timeout: Duration,
    /// Business numbers the customers spread over.
    pub numbers: usize,
    pub pace_per_second: f64,
    pub placement: Placement,
    pub files: StoreFiles,
    pub amqp_url: String,
    /// What the store records and exports (the baseline has none).
    pub telemetry: Telemetry,
    /// How often `/metrics` is scraped while metrics are on.
    pub scrape_every: Duration,
    /// Store hosts (RabbitMQ + PostgreSQL only; see `target::Setup::hosts`).
    pub hosts: usize,
}

impl Options {
    /// Defaults around the given store files: 1,000 customers for 30 s.
    pub fn new(files: StoreFiles) -> Self {
        Self {
            customers: 1000,
            duration: Some(Duration::from_secs(30)),
            messages: None,
            think: (Duration::from_millis(500), Duration::from_millis(1500)),
            bad_ratio: 0.03,
            reply_timeout: Duration::from_secs(30),
            numbers: 4,
            pace_per_second: 1000.0,
            placement: Placement::ChildProcess,
            files,
            amqp_url: std::env::var("AGENT_STORE_BENCH_AMQP_URL")
                .unwrap_or_else(|_| "amqp://guest:guest@127.0.0.1:5672/%2f".into()),
            telemetry: Telemetry::Metrics,
            scrape_every: Duration::from_secs(5),
            hosts: 1,
        }
    }
}

/// Run the load against one system; the report of what happened.
pub async fn run_case(system: System, o: &Options) -> anyhow::Result<CaseReport> {
    procstat::raise_fd_limit();
    let wa_ids: Vec<String> = (0..o.customers).map(load::wa_id).collect();
    let (standin, mut inboxes) = standin::StandIn::new(&wa_ids);
    let graph_url = standin.serve().await?;
    let numbers: Vec<String> = (0..o.numbers.max(1))
        .map(|i| format!("10990000000{i:04}"))
        .collect();
    let telemetry = match system {
        System::Store(_) => o.telemetry,
        System::Baseline => Telemetry::Off,
    };
    let receiver = match telemetry {
        Telemetry::Traces => Some(otlp::Receiver::serve().await?),
        _ => None,
    };
    let setup = target::Setup {
        secret: format!("bench-secret-{}", uuid::Uuid::new_v4().simple()),
        graph_url,
        numbers: numbers.clone(),
        pace_per_second: o.pace_per_second,
        amqp_url: o.amqp_url.clone(),
        telemetry,
        otlp_url: receiver.as_ref().map(|r| r.url.clone()),
        body_limit: None,
        hosts: match system {
            System::Store(_) => o.hosts.max(1),
            System::Baseline => 1,
        },
    };
    let loadavg = procstat::loadavg();
    let mut running = target::start(system, o.placement, &setup, &o.files).await?;
    // A Prometheus-like scraper while metrics are on (its cost counts).
    let scraper = (telemetry != Telemetry::Off).then(|| {
        tokio::spawn(scrape(
            format!("{}/metrics", running.base_url),
            o.scrape_every,
        ))
    });
    let plan = load::Plan {
        customers: o.customers,
        numbers,
        duration: o.duration,
        messages: o.messages,
        think: o.think,
        bad_ratio: o.bad_ratio,
        reply_timeout: o.reply_timeout,
        body_limit: running.body_limit,
    };
    let shared = Arc::new(load::Shared::new(
        plan,
        load::Target {
            webhook_urls: running.webhook_urls.clone(),
            secret: setup.secret.clone(),
        },
    )?);
    let meter = procstat::Meter::start(&running.pids);
    let own = std::process::id();
    let own_cpu = procstat::cpu_time(own);
    let started = Instant::now();
    let tasks: Vec<_> = (0..o.customers)
        .map(|i| {
            let inbox = inboxes
                .remove(&load::wa_id(i))
                .expect("an inbox per customer");
            tokio::spawn(load::customer(shared.clone(), i, inbox))
        })
        .collect();
    let mut logs = Vec::with_capacity(tasks.len());
    let mut inboxes = Vec::with_capacity(tasks.len());
    for t in tasks {
        let (log, inbox) = t.await?;
        logs.push(log);
        inboxes.push(inbox);
    }
    let elapsed = started.elapsed();
    // The tails of the last replies: a customer stops once its line was
    // quiet for a while, but under overload the rest of its last reply can
    // come later still. File what comes until no customer got anything for
    // a few seconds (bounded by the reply timeout), instead of counting it
    // as a send to nobody.
    drain(
        &mut logs,
        &mut inboxes,
        Duration::from_secs(5),
        o.reply_timeout,
    )
    .await;
    let usage = meter.stop();
    let bench_cpu = match (own_cpu, procstat::cpu_time(own)) {
        (Some(a), Some(b)) if o.placement == Placement::ChildProcess => Some(b.saturating_sub(a)),
        _ => None,
    };
    let per_number = standin
        .counters
        .per_number
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    if let Some(task) = scraper {
        task.abort();
    }
    running.stop().await;
    let stored_sends = match system {
        System::Store(_) => Some(running.stored_sends().await?),
        System::Baseline => None,
    };
    drop(running);
    dump_anomalies(&logs, &standin);
    let traces = receiver.map(|r| r.totals());
    Ok(CaseReport::new(report::Inputs {
        system,
        telemetry,
        traces,
        customers: o.customers,
        logs: &logs,
        elapsed,
        usage,
        bench_cpu,
        loadavg,
        strays: standin
            .counters
            .strays
            .load(std::sync::atomic::Ordering::Relaxed),
        per_number,
        graph_sends: standin
            .counters
            .messages
            .load(std::sync::atomic::Ordering::Relaxed),
        stored_sends,
        placement: o.placement,
        hosts: setup.hosts,
    }))
}

/// File late arrivals into each customer's log until no inbox got anything
/// for `quiet`, or for at most `limit`.
async fn drain(
    logs: &mut [load::CustomerLog],
    inboxes: &mut [tokio::sync::mpsc::UnboundedReceiver<standin::Arrival>],
    quiet: Duration,
    limit: Duration,
) {
    let until = Instant::now() + limit;
    let mut last = Instant::now();
    while Instant::now() < until && last.elapsed() < quiet {
        for (i, (log, inbox)) in logs.iter_mut().zip(inboxes.iter_mut()).enumerate() {
            while let Ok(a) = inbox.try_recv() {
                load::file(log, &load::wa_id(i), a);
                last = Instant::now();
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Print (to stderr) up to 10 duplicated turns with what arrived for them
/// and for the turn before, the unexplained arrivals and the strays: what
/// the report counts, shown so it can be checked by eye.
fn dump_anomalies(logs: &[load::CustomerLog], standin: &standin::StandIn) {
    let mut shown = 0;
    for (c, l) in logs.iter().enumerate() {
        for (n, t) in l.turns.iter().enumerate() {
            if (t.reads > 1 || t.duplicate_bodies > 0) && shown < 10 {
                shown += 1;
                eprintln!(
                    "read twice or a body repeated: customer {c} turn {n} (status {}, reads {}, messages {}, doubled bodies {})",
                    t.status, t.reads, t.messages, t.duplicate_bodies
                );
                if let Some(prev) = n.checked_sub(1).and_then(|p| l.turns.get(p)) {
                    for a in &prev.arrivals {
                        eprintln!("    turn {}: {a}", n - 1);
                    }
                }
                for a in &t.arrivals {
                    eprintln!("    turn {n}: {a}");
                }
            }
        }
        for u in l.unexplained_log.iter().take(3) {
            eprintln!("unexplained: customer {c}: {u}");
        }
    }
    for s in standin
        .counters
        .stray_log
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .take(20)
    {
        eprintln!("stray: {s}");
    }
}

/// Scrape `url` every `every` (with the bench's metrics token) until
/// aborted; a failed scrape is reported once and scraping goes on.
async fn scrape(url: String, every: Duration) {
    let http = reqwest::Client::new();
    let mut warned = false;
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        let ok = http
            .get(&url)
            .bearer_auth(target::METRICS_TOKEN)
            .send()
            .await
            .is_ok_and(|r| r.status().is_success());
        if !ok && !warned {
            eprintln!("a scrape of {url} failed");
            warned = true;
        }
    }
}
