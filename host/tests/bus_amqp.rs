//! The RabbitMQ bus against the real broker at 127.0.0.1:5672 (guest/guest).
//! Every test uses its own name prefix and deletes its topology at the end.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use agent_store::bus::amqp::{AmqpBus, binding};
use agent_store::bus::{Bus, BusConfig, Handler};
use agent_store::events::{self, Context, EventType, PluginFailed};
use async_trait::async_trait;
use cloudevents::{AttributesReader, AttributesWriter, Event, EventBuilder, EventBuilderV10};
use lapin::options::BasicPublishOptions;
use lapin::types::{AMQPValue, FieldTable};
use lapin::{BasicProperties, Connection, ConnectionProperties};
use serde_json::json;
use tokio::sync::Notify;

fn config(test: &str) -> BusConfig {
    BusConfig {
        backend: "amqp".into(),
        prefix: format!("test.{test}.{}", uuid::Uuid::new_v4().simple()),
        shards: 4,
        retry_attempts: 3,
        retry_backoff_ms: 5,
        rebalance_interval_ms: 100,
        reconnect_max_backoff_ms: 1000,
        // A killed or failed run must not leave its queues in the broker.
        queue_expires_ms: 60_000,
        ..BusConfig::default()
    }
}

/// Wait (bounded) until `cond` holds.
async fn until<F, Fut>(what: &str, secs: u64, mut cond: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let wait = async {
        while !cond().await {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(secs), wait)
        .await
        .unwrap_or_else(|_| panic!("timed out after {secs} s waiting until {what}"));
}

async fn idle(bus: &AmqpBus) {
    tokio::time::timeout(Duration::from_secs(60), bus.idle())
        .await
        .expect("the bus went idle within 60 s");
}

fn failed(subject: &str, reason: &str) -> Event {
    let p = PluginFailed {
        plugin: "p".into(),
        version: "1".into(),
        reason: reason.into(),
        conversation_id: Some(subject.into()),
    };
    events::build(
        &Context {
            source: "/test",
            subject: Some(subject),
            brand: Some("tech"),
            traceparent: Some("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
        },
        &p,
    )
    .expect("event")
}

/// Records every event; fails those whose reason is `poison`.
#[derive(Default)]
struct Recorder {
    events: Mutex<Vec<Event>>,
    attempts: Mutex<HashMap<String, usize>>,
    arrived: Notify,
}

impl Recorder {
    fn events(&self) -> Vec<Event> {
        self.events.lock().expect("lock").clone()
    }
    fn ids(&self) -> Vec<String> {
        self.events().iter().map(|e| e.id().to_string()).collect()
    }
}

#[async_trait]
impl Handler for Recorder {
    async fn handle(&self, event: Event) -> anyhow::Result<()> {
        *self
            .attempts
            .lock()
            .expect("lock")
            .entry(event.id().to_string())
            .or_default() += 1;
        if let Ok(p) = events::payload::<PluginFailed>(&event)
            && p.reason == "poison"
        {
            anyhow::bail!("poison");
        }
        self.events.lock().expect("lock").push(event);
        self.arrived.notify_waiters();
        Ok(())
    }
}

async fn raw_publish(config: &BusConfig, routing_key: &str, props: BasicProperties, body: &[u8]) {
    let conn = Connection::connect(&config.amqp_url, ConnectionProperties::default())
        .await
        .expect("raw connection");
    let ch = conn.create_channel().await.expect("channel");
    ch.confirm_select(Default::default())
        .await
        .expect("confirms");
    ch.basic_publish(
        format!("{}.events", config.prefix).into(),
        routing_key.into(),
        BasicPublishOptions::default(),
        body,
        props,
    )
    .await
    .expect("publish")
    .await
    .expect("confirmed");
    let _ = conn.close(200, "done".into()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn round_trip_keeps_every_attribute_and_extension() {
    let config = config("roundtrip");
    let bus = AmqpBus::connect(&config).await.expect("connects");
    let rec = Arc::new(Recorder::default());
    bus.subscribe("audit", &[EventType::PluginFailed], rec.clone())
        .await
        .expect("subscribes");
    assert!(
        bus.subscribe("audit", &[EventType::PluginFailed], rec.clone())
            .await
            .is_err(),
        "a group subscribes once per host"
    );

    let sent = EventBuilderV10::new()
        .id("rt-1")
        .ty(EventType::PluginFailed.as_str())
        .source("/agent-store/test")
        .subject("conv-1")
        .time(chrono::Utc::now())
        .data_with_schema(
            "application/json",
            "https://example.com/plugin-failed.json",
            json!({"plugin": "p", "version": "1", "reason": "r", "conversation_id": "conv-1"}),
        )
        .extension("brand", "tech")
        .extension(
            "traceparent",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        )
        .extension("hops", 2_i64)
        .extension("sampled", true)
        .build()
        .expect("event");
    bus.publish(sent.clone()).await.expect("published");
    idle(&bus).await;
    let got = rec.events();
    assert_eq!(got.len(), 1, "delivered once");
    assert_eq!(got[0], sent, "every attribute, extension and the data kept");
    assert_eq!(bus.handled(), 1);

    bus.close().await;
    bus.delete_topology().await.expect("cleanup");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn knative_colon_and_structured_messages_are_consumed() {
    let config = config("styles");
    let bus = AmqpBus::connect(&config).await.expect("connects");
    let rec = Arc::new(Recorder::default());
    bus.subscribe("audit", &[EventType::PluginFailed], rec.clone())
        .await
        .expect("subscribes");
    let ty = EventType::PluginFailed.as_str();
    let data = br#"{"plugin":"p","version":"1","reason":"external","conversation_id":null}"#;
    let mut kn = FieldTable::default();
    for (k, v) in [
        ("specversion", "1.0"),
        ("id", "knative-1"),
        ("type", ty),
        ("source", "/knative/broker"),
        ("brand", "home"),
    ] {
        kn.insert(k.into(), AMQPValue::LongString(v.into()));
    }
    raw_publish(
        &config,
        ty,
        BasicProperties::default()
            .with_content_type("application/json".into())
            .with_headers(kn),
        data,
    )
    .await;

    let mut colon = FieldTable::default();
    for (k, v) in [
        ("cloudEvents:specversion", "1.0"),
        ("cloudEvents:id", "colon-1"),
        ("cloudEvents:type", ty),
        ("cloudEvents:source", "/amqp10"),
    ] {
        colon.insert(k.into(), AMQPValue::LongString(v.into()));
    }
    raw_publish(
        &config,
        &format!("{ty}.1"),
        BasicProperties::default()
            .with_content_type("application/json".into())
            .with_headers(colon),
        data,
    )
    .await;

    let structured = failed("conv-s", "structured");
    let m = binding::encode_structured(&structured).expect("structured");
    raw_publish(&config, ty, m.properties, &m.body).await;

    until("the three external events arrived", 30, || async {
        rec.events().len() >= 3
    })
    .await;
    idle(&bus).await;
    let mut ids = rec.ids();
    ids.sort();
    let mut expected = vec![
        "colon-1".to_string(),
        "knative-1".to_string(),
        structured.id().to_string(),
    ];
    expected.sort();
    assert_eq!(ids, expected);
    let kn = rec
        .events()
        .into_iter()
        .find(|e| e.id() == "knative-1")
        .expect("knative event");
    assert_eq!(kn.source().as_str(), "/knative/broker");
    assert_eq!(events::extension(&kn, "brand").as_deref(), Some("home"));
    let p: PluginFailed = events::payload(&kn).expect("typed payload");
    assert_eq!(p.reason, "external");
    let st = rec
        .events()
        .into_iter()
        .find(|e| e.id() == structured.id())
        .expect("structured event");
    assert_eq!(st, structured);

    bus.close().await;
    bus.delete_topology().await.expect("cleanup");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn poison_and_malformed_messages_are_parked() {
    let config = config("poison");
    let bus = AmqpBus::connect(&config).await.expect("connects");
    let rec = Arc::new(Recorder::default());
    bus.subscribe("audit", &[EventType::PluginFailed], rec.clone())
        .await
        .expect("subscribes");
    let poison = failed("conv-p", "poison");
    bus.publish(poison.clone()).await.expect("published");
    // Not a CloudEvent at all.
    raw_publish(
        &config,
        EventType::PluginFailed.as_str(),
        BasicProperties::default().with_content_type("text/plain".into()),
        b"garbage",
    )
    .await;
    let fine = failed("conv-p", "fine");
    bus.publish(fine.clone()).await.expect("published");
    idle(&bus).await;

    assert_eq!(
        rec.attempts.lock().expect("lock").get(poison.id()).copied(),
        Some(3),
        "the poison event was tried retry_attempts times"
    );
    assert_eq!(
        rec.ids(),
        vec![fine.id().to_string()],
        "the next event of the conversation still ran"
    );
    assert_eq!(bus.parked(), 2);
    let parking = bus.names().parking_queue("audit");
    until("both messages reached the parking queue", 10, || async {
        bus.queue_depth(&parking).await.ok() == Some(2)
    })
    .await;

    bus.close().await;
    bus.delete_topology().await.expect("cleanup");
}

/// Fails `permanent` reasons with a permanent error, `poison` ones always.
#[derive(Default)]
struct Picky {
    attempts: Mutex<HashMap<String, usize>>,
}

#[async_trait]
impl Handler for Picky {
    async fn handle(&self, event: Event) -> anyhow::Result<()> {
        *self
            .attempts
            .lock()
            .expect("lock")
            .entry(event.id().to_string())
            .or_default() += 1;
        match events::payload::<PluginFailed>(&event)?.reason.as_str() {
            "permanent" => Err(agent_store::bus::permanent("unknown conversation")),
            "poison" => anyhow::bail!("broker hiccup"),
            _ => Ok(()),
        }
    }
}

/// The same semantics as in process: a permanent failure is parked after
/// one attempt, a transient one after the retries, both in the database's
/// dead-letter store (PostgreSQL here) and acknowledged, not left in the
/// broker's parking queue.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failures_are_parked_in_the_dead_letter_store() {
    let config = config("deadletters");
    let db = agent_store::db::testing::postgres()
        .await
        .expect("postgres");
    let store = agent_store::bus::ParkedEvents::new(db);
    let bus = AmqpBus::connect_with(&config, Some(Arc::new(store.clone())))
        .await
        .expect("connects");
    let h = Arc::new(Picky::default());
    bus.subscribe("audit", &[EventType::PluginFailed], h.clone())
        .await
        .expect("subscribes");
    let permanent = failed("conv-d", "permanent");
    let poison = failed("conv-d", "poison");
    bus.publish(permanent.clone()).await.expect("published");
    bus.publish(poison.clone()).await.expect("published");
    bus.publish(failed("conv-d", "fine"))
        .await
        .expect("published");
    idle(&bus).await;

    let attempts = h.attempts.lock().expect("lock").clone();
    assert_eq!(attempts.get(permanent.id()), Some(&1), "tried once");
    assert_eq!(attempts.get(poison.id()), Some(&3), "retried");
    assert_eq!(bus.parked(), 2);
    let (total, rows) = store.list(&Default::default()).await.expect("lists");
    assert_eq!(total, 2);
    let row = |id: &str| rows.iter().find(|r| r.event_id == id).expect("parked row");
    assert!(row(permanent.id()).permanent);
    assert_eq!(row(permanent.id()).attempts, 1);
    assert!(row(permanent.id()).error.contains("unknown conversation"));
    assert!(!row(poison.id()).permanent);
    assert_eq!(row(poison.id()).attempts, 3);
    assert_eq!(row(poison.id()).group, "audit");
    assert_eq!(
        bus.queue_depth(&bus.names().parking_queue("audit"))
            .await
            .expect("depth"),
        0,
        "stored in the database, so acknowledged"
    );

    bus.close().await;
    bus.delete_topology().await.expect("cleanup");
}

/// Counts every delivery of each event id (no dedupe) and the order in
/// which each event was first seen.
#[derive(Default)]
struct Effects {
    deliveries: AtomicUsize,
    applied: Mutex<HashMap<String, usize>>,
    /// (subject, sequence) in handling order, per host.
    order: Mutex<Vec<(String, u32)>>,
}

#[async_trait]
impl Handler for Effects {
    async fn handle(&self, event: Event) -> anyhow::Result<()> {
        self.deliveries.fetch_add(1, Ordering::SeqCst);
        let reason = match event.data() {
            Some(cloudevents::Data::Json(v)) => {
                v["reason"].as_str().unwrap_or_default().to_string()
            }
            _ => anyhow::bail!("no JSON data"),
        };
        // A little work, so that shards overlap in time.
        tokio::time::sleep(Duration::from_millis(1)).await;
        let first = {
            let mut applied = self.applied.lock().expect("lock");
            let n = applied.entry(event.id().to_string()).or_default();
            *n += 1;
            *n == 1
        };
        if first {
            let seq: u32 = reason.parse()?;
            self.order
                .lock()
                .expect("lock")
                .push((event.subject().unwrap_or_default().to_string(), seq));
        }
        Ok(())
    }
}

/// A pipeline-like stage: re-publishes each event as the next hop, with
/// an id derived from the input's (so a redelivery re-publishes the same
/// event, which the next stage handles once).
struct Relay(Arc<AmqpBus>);

#[async_trait]
impl Handler for Relay {
    async fn handle(&self, event: Event) -> anyhow::Result<()> {
        // The next hop's own type with data of that type's shape (a store
        // event whose data does not match its type is parked, not handled).
        let failed = events::payload::<PluginFailed>(&event)?;
        let handoff = agent_store::events::SalesHandoff {
            conversation_id: event.subject().unwrap_or_default().to_string(),
            from_brand: failed.plugin,
            to_brand: "relay".into(),
            reason: failed.reason,
        };
        let mut next = event.clone();
        next.set_id(format!("{}/relayed", event.id()));
        next.set_type(EventType::SalesHandoff.as_str());
        next.set_data("application/json", serde_json::to_value(&handoff)?);
        self.0.publish(next).await?;
        Ok(())
    }
}

/// `pid`s of this prefix's broker connections.
fn connections_of(prefix: &str) -> Vec<String> {
    // `timeout`: a wedged broker fails the test instead of hanging it.
    let out = std::process::Command::new("timeout")
        .args([
            "-k",
            "5",
            "30",
            "rabbitmqctl",
            "list_connections",
            "pid",
            "client_properties",
            "-q",
            "--no-table-headers",
        ])
        .output()
        .expect("rabbitmqctl runs");
    assert!(out.status.success(), "rabbitmqctl list_connections");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains(prefix))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

/// Close this test's connections from the broker side (like
/// `rabbitmqctl close_all_connections`, without disturbing other tests).
fn close_connections(prefix: &str) -> usize {
    let pids = connections_of(prefix);
    for pid in &pids {
        let status = std::process::Command::new("timeout")
            .args([
                "-k",
                "5",
                "30",
                "rabbitmqctl",
                "close_connection",
                pid,
                "test: broker closes connections",
            ])
            .output()
            .expect("rabbitmqctl runs");
        assert!(status.status.success(), "close_connection {pid}");
    }
    pids.len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_closed_mid_stream_lose_nothing_and_keep_order() {
    let config = config("reconnect");
    let bus = AmqpBus::connect(&config).await.expect("connects");
    let effects = Arc::new(Effects::default());
    bus.subscribe(
        "relay",
        &[EventType::PluginFailed],
        Arc::new(Relay(bus.clone())),
    )
    .await
    .expect("subscribes");
    bus.subscribe("effects", &[EventType::SalesHandoff], effects.clone())
        .await
        .expect("subscribes");
    until("the host owns its shards", 10, || async {
        bus.owned_shards() == 8
    })
    .await;

    const N: u32 = 300;
    let publisher = {
        let bus = bus.clone();
        tokio::spawn(async move {
            for i in 0..N {
                let subject = format!("conv-{}", i % 10);
                bus.publish(failed(&subject, &(i / 10).to_string()))
                    .await
                    .expect("publish survives the reconnection");
            }
        })
    };
    until("a third of the stream was handled", 30, || async {
        effects.deliveries.load(Ordering::SeqCst) >= (N / 3) as usize
    })
    .await;
    let closed = close_connections(&config.prefix);
    assert!(closed >= 1, "closed the bus's connection");
    publisher.await.expect("publisher finished");
    until("every event was handled", 60, || async {
        effects.applied.lock().expect("lock").len() == N as usize
    })
    .await;
    idle(&bus).await;
    assert!(bus.connected(), "reconnected");
    assert!(
        bus.reconnections() >= 1,
        "the connection was re-established"
    );

    let applied = effects.applied.lock().expect("lock").clone();
    assert_eq!(applied.len(), N as usize, "no event lost");
    // The bus is at least once: a connection drop may redeliver, and this
    // handler sees every delivery (it dedupes nothing itself: `order` keeps
    // the first of each only to check ordering). That a redelivery never
    // doubles an effect the outside world sees is the product's job, checked
    // at the Graph API stand-in by tests/tests/bus_amqp.rs.
    let deliveries = effects.deliveries.load(Ordering::SeqCst);
    assert_eq!(
        applied.values().sum::<usize>(),
        deliveries,
        "every delivery reached the handler"
    );
    let relayed_twice = applied.values().filter(|n| **n > 1).count();
    eprintln!("{deliveries} deliveries of {N} events; {relayed_twice} delivered more than once");
    // Order per conversation held across the reconnection.
    let order = effects.order.lock().expect("lock").clone();
    for c in 0..10 {
        let subject = format!("conv-{c}");
        let seqs: Vec<u32> = order
            .iter()
            .filter(|(s, _)| *s == subject)
            .map(|(_, n)| *n)
            .collect();
        assert_eq!(seqs, (0..N / 10).collect::<Vec<_>>(), "{subject} in order");
    }

    bus.close().await;
    bus.delete_topology().await.expect("cleanup");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hosts_split_the_work_and_keep_per_subject_order() {
    let config = config("twohosts");
    let a = AmqpBus::connect(&config).await.expect("host a connects");
    let ea = Arc::new(Effects::default());
    a.subscribe("effects", &[EventType::PluginFailed], ea.clone())
        .await
        .expect("a subscribes");
    until("host a owns every shard", 10, || async {
        a.owned_shards() == 4
    })
    .await;

    const SUBJECTS: u32 = 16;
    const PER_SUBJECT: u32 = 30;
    let publish = |bus: Arc<AmqpBus>, from: u32, to: u32| async move {
        for seq in from..to {
            for c in 0..SUBJECTS {
                bus.publish(failed(&format!("conv-{c}"), &seq.to_string()))
                    .await
                    .expect("publish");
            }
        }
    };
    // First half with one host, then a second host joins mid-stream.
    publish(a.clone(), 0, PER_SUBJECT / 2).await;
    let b = AmqpBus::connect(&config).await.expect("host b connects");
    let eb = Arc::new(Effects::default());
    b.subscribe("effects", &[EventType::PluginFailed], eb.clone())
        .await
        .expect("b subscribes");
    until("the hosts split the shards 2/2", 20, || async {
        a.owned_shards() == 2 && b.owned_shards() == 2
    })
    .await;
    publish(b.clone(), PER_SUBJECT / 2, PER_SUBJECT).await;
    let total = (SUBJECTS * PER_SUBJECT) as usize;
    until("every event was handled", 60, || async {
        ea.applied.lock().expect("lock").len() + eb.applied.lock().expect("lock").len() >= total
    })
    .await;
    idle(&a).await;
    idle(&b).await;

    let oa = ea.order.lock().expect("lock").clone();
    let ob = eb.order.lock().expect("lock").clone();
    assert!(!ob.is_empty(), "host b did part of the work");
    assert!(!oa.is_empty(), "host a did part of the work");
    assert_eq!(oa.len() + ob.len(), total, "each event handled once");
    for c in 0..SUBJECTS {
        let subject = format!("conv-{c}");
        // A conversation moves between hosts only at a shard handover,
        // after which the old host never handles it again.
        let in_a: Vec<u32> = oa
            .iter()
            .filter(|(s, _)| *s == subject)
            .map(|(_, n)| *n)
            .collect();
        let in_b: Vec<u32> = ob
            .iter()
            .filter(|(s, _)| *s == subject)
            .map(|(_, n)| *n)
            .collect();
        let mut seqs = in_a.clone();
        seqs.extend(in_b.iter().copied());
        assert_eq!(
            seqs,
            (0..PER_SUBJECT).collect::<Vec<_>>(),
            "{subject}: a handled {in_a:?}, then b {in_b:?}"
        );
    }

    a.close().await;
    b.close().await;
    a.delete_topology().await.expect("cleanup");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_backend_is_chosen_by_config() {
    let mut c = config("choose");
    let bus = agent_store::bus::connect(&c).await.expect("amqp bus");
    let rec = Arc::new(Recorder::default());
    bus.subscribe("audit", &[EventType::PluginFailed], rec.clone())
        .await
        .expect("subscribes");
    bus.publish(failed("conv-c", "x")).await.expect("publishes");
    tokio::time::timeout(Duration::from_secs(60), bus.idle())
        .await
        .expect("idle");
    assert_eq!(rec.events().len(), 1);
    bus.close().await;
    agent_store::bus::amqp::delete_topology(&c, &["audit".to_string()])
        .await
        .expect("cleanup");

    c.backend = "in-process".into();
    assert!(agent_store::bus::connect(&c).await.is_ok());
    c.backend = "kafka".into();
    let err = agent_store::bus::connect(&c)
        .await
        .err()
        .expect("unknown backend refused");
    assert!(err.to_string().contains("kafka"), "{err}");
    c.backend = "amqp".into();
    c.amqp_url = "amqp://guest:secret@127.0.0.1:1/%2f".into();
    let err = agent_store::bus::connect(&c)
        .await
        .err()
        .expect("unreachable broker refused");
    assert!(err.to_string().contains("127.0.0.1:1"), "{err}");
    assert!(
        !err.to_string().contains("secret"),
        "password redacted: {err}"
    );
}

/// A broker that accepts the TCP connection and then never answers (seen
/// when RabbitMQ wedged on a CI machine): connecting fails with a clear
/// error within the publish timeout instead of hanging the host.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broker_that_never_answers_is_a_clear_error_not_a_hang() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket); // read nothing, answer nothing
        }
    });
    let mut c = config("silent");
    c.amqp_url = format!("amqp://guest:guest@{addr}/%2f");
    c.publish_timeout_ms = 1_000;
    let started = std::time::Instant::now();
    let result = tokio::time::timeout(Duration::from_secs(20), AmqpBus::connect(&c))
        .await
        .expect("connect returned instead of hanging");
    let err = result.err().expect("no bus without a broker").to_string();
    assert!(err.contains("did not answer"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(10));
}

/// One message of `tests/fixtures/cloudevents/` (see its README).
struct SdkFixture {
    name: String,
    properties: BasicProperties,
    body: Vec<u8>,
    expect: serde_json::Value,
}

fn sdk_fixtures() -> Vec<SdkFixture> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .join("tests/fixtures/cloudevents");
    let mut out: Vec<SdkFixture> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|path| {
            let name = path
                .file_stem()
                .expect("name")
                .to_string_lossy()
                .to_string();
            let v: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
            assert!(
                v["from"].as_str().is_some_and(|s| !s.is_empty()),
                "{name} says where it comes from"
            );
            let mut headers = FieldTable::default();
            for h in v["headers"].as_array().expect("headers") {
                let (k, ty, val) = (
                    h[0].as_str().expect("name"),
                    h[1].as_str().expect("type"),
                    &h[2],
                );
                let value = match ty {
                    "longstr" => AMQPValue::LongString(val.as_str().expect("str").into()),
                    "int" => AMQPValue::LongInt(
                        i32::try_from(val.as_i64().expect("int")).expect("32-bit"),
                    ),
                    "long" => AMQPValue::LongLongInt(val.as_i64().expect("long")),
                    "timestamp" => AMQPValue::Timestamp(val.as_u64().expect("timestamp")),
                    "bool" => AMQPValue::Boolean(val.as_bool().expect("bool")),
                    other => panic!("{name}: unknown header type {other}"),
                };
                headers.insert(k.into(), value);
            }
            let mut properties = BasicProperties::default().with_headers(headers);
            if let Some(ct) = v["content_type"].as_str() {
                properties = properties.with_content_type(ct.into());
            }
            if let Some(id) = v["message_id"].as_str() {
                properties = properties.with_message_id(id.into());
            }
            SdkFixture {
                name,
                properties,
                body: v["body"].as_str().expect("body").as_bytes().to_vec(),
                expect: v["expect"].clone(),
            }
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// The event matches what its fixture expects.
fn check_sdk_event(f: &SdkFixture, ev: &Event) {
    let e = &f.expect;
    let name = &f.name;
    assert_eq!(ev.id(), e["id"], "{name}");
    assert_eq!(ev.ty(), e["type"], "{name}");
    assert_eq!(ev.source().as_str(), e["source"], "{name}");
    assert_eq!(ev.subject(), e["subject"].as_str(), "{name}");
    let time = chrono::DateTime::parse_from_rfc3339(e["time"].as_str().expect("time"))
        .expect("expected time");
    assert_eq!(
        ev.time().map(|t| t.timestamp_millis()),
        Some(time.timestamp_millis()),
        "{name}"
    );
    let expected_ext = e["extensions"].as_object().expect("extensions");
    let got: serde_json::Map<String, serde_json::Value> = ev
        .iter_extensions()
        .map(|(k, v)| {
            let v = match v {
                cloudevents::event::ExtensionValue::String(s) => json!(s),
                cloudevents::event::ExtensionValue::Boolean(b) => json!(b),
                cloudevents::event::ExtensionValue::Integer(i) => json!(i),
            };
            (k.to_string(), v)
        })
        .collect();
    assert_eq!(&got, expected_ext, "{name}");
    let p: PluginFailed = events::payload(ev).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(p.reason, f.expect["reason"], "{name}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn other_sdks_messages_are_read_as_they_wrote_them() {
    let fixtures = sdk_fixtures();
    assert!(fixtures.len() >= 6, "fixtures: {}", fixtures.len());
    // Decoding alone.
    for f in &fixtures {
        let decoded = binding::decode(&f.properties, &f.body)
            .map_err(|e| e.to_string())
            .and_then(|ev| {
                binding::check_data(&ev)
                    .map(|_| ev)
                    .map_err(|e| e.to_string())
            });
        match (f.expect["parked"].as_bool() == Some(true), decoded) {
            (false, Ok(ev)) => check_sdk_event(f, &ev),
            (true, Err(e)) => assert!(e.contains("does not match"), "{}: {e}", f.name),
            (parked, got) => panic!("{}: parked {parked}, got {got:?}", f.name),
        }
    }
    // Through the real broker: the good ones are handled, the rest parked.
    let config = config("sdks");
    let bus = AmqpBus::connect(&config).await.expect("connects");
    let rec = Arc::new(Recorder::default());
    bus.subscribe("audit", &[EventType::PluginFailed], rec.clone())
        .await
        .expect("subscribes");
    for f in &fixtures {
        raw_publish(
            &config,
            EventType::PluginFailed.as_str(),
            f.properties.clone(),
            &f.body,
        )
        .await;
    }
    let good: Vec<&SdkFixture> = fixtures
        .iter()
        .filter(|f| f.expect["parked"].as_bool() != Some(true))
        .collect();
    until("every SDK's event was handled", 30, || async {
        rec.events().len() >= good.len()
    })
    .await;
    idle(&bus).await;
    for f in &good {
        let ev = rec
            .events()
            .into_iter()
            .find(|e| e.id() == f.expect["id"].as_str().expect("id"))
            .unwrap_or_else(|| panic!("{} handled", f.name));
        check_sdk_event(f, &ev);
    }
    assert_eq!(
        bus.parked(),
        fixtures.len() - good.len(),
        "the mismatched event is parked, not handled and dropped"
    );
    bus.close().await;
    bus.delete_topology().await.expect("cleanup");
}

/// Holds every event until permits are added.
struct Gated(tokio::sync::Semaphore);

#[async_trait]
impl Handler for Gated {
    async fn handle(&self, _event: Event) -> anyhow::Result<()> {
        self.0.acquire().await?.forget();
        Ok(())
    }
}

/// The `agent_store_bus_lag_events` source: messages ready in a group's
/// shard queues, per group, while its handler is held; none once released.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lag_is_what_waits_in_each_groups_queues() {
    const N: usize = 100;
    let config = config("lag");
    let bus = AmqpBus::connect(&config).await.expect("connects");
    let gated = Arc::new(Gated(tokio::sync::Semaphore::new(0)));
    let rec = Arc::new(Recorder::default());
    bus.subscribe("held", &[EventType::PluginFailed], gated.clone())
        .await
        .expect("subscribes");
    bus.subscribe("free", &[EventType::PluginFailed], rec.clone())
        .await
        .expect("subscribes");
    // One subject: one shard, one handler at a time, at most `prefetch`
    // deliveries in hand; the rest stays ready in the queue.
    for i in 0..N {
        bus.publish(failed("conv-lag", &format!("e{i}")))
            .await
            .expect("published");
    }
    let lag_of = |group: &'static str| {
        let bus = &bus;
        async move {
            bus.lag()
                .await
                .expect("lag")
                .into_iter()
                .find(|(g, _)| g == group)
                .map(|(_, n)| n)
                .expect("the group is listed")
        }
    };
    until("the free group has handled everything", 60, || async {
        rec.events().len() == N && lag_of("free").await == 0
    })
    .await;
    let prefetch = u64::from(config.prefetch);
    until("the held group's backlog shows", 30, || async {
        lag_of("held").await >= N as u64 - prefetch - 1
    })
    .await;
    gated.0.add_permits(N);
    idle(&bus).await;
    until("the held group caught up", 30, || async {
        lag_of("held").await == 0
    })
    .await;
    bus.close().await;
    bus.delete_topology().await.expect("cleanup");
}

/// A channel the broker closes with an error — here a passive declare of a
/// queue that does not exist (NOT_FOUND) — is that channel's business: the
/// connection stays up and nothing reconnects. lapin reports such errors
/// on the connection's events too; taking them for a lost connection made
/// every shard claimed by two hosts at once (ACCESS_REFUSED to the loser)
/// tear the whole session down and reconnect, again and again after the
/// broker dropped the connections of a deployment.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_channel_closed_by_the_broker_is_not_a_lost_connection() {
    let config = config("chanerr");
    let bus = AmqpBus::connect(&config).await.expect("connects");
    let recorder = Arc::new(Recorder::default());
    bus.subscribe("g", &[EventType::PluginFailed], recorder.clone())
        .await
        .expect("subscribes");
    until("every shard is claimed", 30, || async {
        bus.owned_shards() == 4
    })
    .await;
    for _ in 0..3 {
        let err = bus
            .queue_depth("test.no-such-queue")
            .await
            .expect_err("a missing queue");
        assert!(err.to_string().contains("no-such-queue"), "{err}");
    }
    // A reconnection would follow within the first backoff (100 ms) or
    // the next health tick (1 s).
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(bus.reconnections(), 0, "the connection was never lost");
    assert_eq!(bus.owned_shards(), 4, "the shards stayed claimed");
    bus.publish(failed("s-1", "after the channel errors"))
        .await
        .expect("publishes");
    idle(&bus).await;
    assert_eq!(recorder.events().len(), 1, "still consuming");
    bus.close().await;
    bus.delete_topology().await.expect("topology deleted");
}

/// Consumers of `queue`, from a passive declare on a connection of its own.
async fn consumers_of(config: &BusConfig, queue: &str) -> u32 {
    let conn = Connection::connect(&config.amqp_url, ConnectionProperties::default())
        .await
        .expect("raw connection");
    let ch = conn.create_channel().await.expect("channel");
    let q = ch
        .queue_declare(
            queue.into(),
            lapin::options::QueueDeclareOptions {
                passive: true,
                ..Default::default()
            },
            FieldTable::default(),
        )
        .await
        .expect("passive declare");
    let _ = conn.close(200, "done".into()).await;
    q.consumer_count()
}

/// #18: the broker lets a second exclusive consumer onto a shard's quorum
/// queue (two hosts claiming one shard at the same moment after a
/// reconnection). A host that finds an owned shard shared gives it up, so
/// it can take a shard no one reads; here the other consumer is a raw
/// connection standing in for the second host.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_host_gives_up_a_shard_another_consumer_also_got() {
    let config = config("shared");
    let bus = AmqpBus::connect(&config).await.expect("connects");
    let recorder = Arc::new(Recorder::default());
    bus.subscribe("g", &[EventType::PluginFailed], recorder.clone())
        .await
        .expect("subscribes");
    until("every shard is claimed", 30, || async {
        bus.owned_shards() == 4
    })
    .await;
    let queue = format!("{}.g.0", config.prefix);
    let rogue = Connection::connect(&config.amqp_url, ConnectionProperties::default())
        .await
        .expect("raw connection");
    let ch = rogue.create_channel().await.expect("channel");
    let consumed = ch
        .basic_consume(
            queue.as_str().into(),
            "second-host".into(),
            lapin::options::BasicConsumeOptions {
                exclusive: true,
                ..Default::default()
            },
            FieldTable::default(),
        )
        .await;
    if let Err(e) = consumed {
        // The broker kept the shard exclusive: the race of #18 cannot
        // happen on it, and there is nothing to give up.
        eprintln!("the broker refused a second exclusive consumer: {e}");
        assert_eq!(consumers_of(&config, &queue).await, 1);
    } else {
        until("the host gave the shared shard up", 30, || async {
            bus.owned_shards() == 3
        })
        .await;
        // The host's cancel reaches the broker's consumer count a moment
        // after the host dropped the shard.
        until("only the other consumer reads the shard", 30, || async {
            consumers_of(&config, &queue).await == 1
        })
        .await;
        let _ = rogue.close(200, "second host gone".into()).await;
        until("the host took the shard back", 30, || async {
            bus.owned_shards() == 4
        })
        .await;
    }
    bus.publish(failed("s-1", "after the shared shard"))
        .await
        .expect("publishes");
    idle(&bus).await;
    assert_eq!(recorder.events().len(), 1, "still consuming");
    bus.close().await;
    bus.delete_topology().await.expect("topology deleted");
}
