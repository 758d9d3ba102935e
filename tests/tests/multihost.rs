//! Several hosts, one store: real `agent-store serve` processes on one
//! PostgreSQL database and one RabbitMQ vhost (both made for the test and
//! deleted after it), signed webhooks spread across the hosts as a load
//! balancer would, every send counted at one Graph API stand-in.
//!
//! Bounded: a few dozen customers, loopback only, every wait has a
//! deadline (each test well under two minutes once the binary is built).

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use agent_store::whatsapp::payload::text_envelope;
use serde_json::{Value, json};
use sqlx::Row;

use common::PHONE_NUMBER_ID;
use common::cluster::Cluster;

/// A button tap from `from`.
fn tap(from: &str, wamid: &str, id: &str, title: &str) -> Value {
    let mut body = text_envelope(PHONE_NUMBER_ID, from, "Customer", wamid, "x");
    let m = &mut body["entry"][0]["changes"][0]["value"]["messages"][0];
    m["type"] = json!("interactive");
    m["interactive"] = json!({"type": "button_reply", "button_reply": {"id": id, "title": title}});
    if let Some(m) = m.as_object_mut() {
        m.remove("text");
    }
    body
}

fn customer(i: usize) -> String {
    format!("5511955{i:05}")
}

/// One customer's three messages: a question, "add to cart", "checkout".
fn conversation(run: &str, i: usize) -> Vec<(String, Value)> {
    let c = customer(i);
    let w = |k: &str| format!("wamid.{run}.{i}.{k}");
    vec![
        (
            w("hi"),
            text_envelope(
                PHONE_NUMBER_ID,
                &c,
                "Customer",
                &w("hi"),
                "hi, I'm looking for running shoes",
            ),
        ),
        (w("add"), tap(&c, &w("add"), "add:FSH-0001", "Add to cart")),
        (
            w("checkout"),
            tap(&c, &w("checkout"), "checkout", "Checkout"),
        ),
    ]
}

/// One host SIGKILLed while customers are being answered by two, then
/// restarted: every inbound message is answered, each reply reaches the
/// stand-in once (only a send in flight at the kill may be repeated: Meta
/// has no idempotency key), no order and no cart line is doubled.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_host_killed_mid_load_loses_and_doubles_nothing() {
    under_load(Disruption::KillAndRestart).await;
}

/// RabbitMQ drops every connection of the deployment's vhost (both hosts')
/// while customers are being answered: the hosts reconnect, nothing is
/// lost and nothing doubled — the same checks as the kill.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_broker_dropping_every_connection_mid_load_loses_and_doubles_nothing() {
    under_load(Disruption::DropConnections).await;
}

/// PostgreSQL unreachable for 10 s (a relay in front of it cut, as a
/// network partition would) while customers are being answered by two
/// hosts: both say so in `/readyz` (503 naming the database) and in their
/// log, take nothing they cannot store (Meta retries, here the load
/// balancer moves on), and once the database is back every message is
/// answered exactly once — the same checks as the broker's drop — and no
/// event was parked (each one the outage failed waited for the database).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_unreachable_for_ten_seconds_loses_and_doubles_nothing() {
    under_load(Disruption::DatabaseOutage).await;
}

/// Two hosts whose own clocks are minutes apart — host 0 three minutes
/// behind, host 1 five minutes ahead — answer customers together: they
/// store and compare every time (outbox leases, a message's arrival for
/// the stale sweep, the order of a conversation's replies) in the
/// database's clock, so no host takes over a send another holds or
/// re-publishes messages still being answered; nothing is lost and no
/// send repeated (the broker drop's checks). `/admin/hosts` shows each
/// host's offset, and each logged it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hosts_with_clocks_minutes_apart_lose_and_double_nothing() {
    under_load(Disruption::SkewedClocks).await;
}

/// RabbitMQ restarting under two hosts' load, as the hosts see it: every
/// connection closed and new ones refused for [`BROKER_DOWN`], then back
/// with what it stored (a relay in front of it cut; the shared broker
/// other tests use is never stopped). Both hosts say `bus` in `/readyz`
/// meanwhile, reconnect, and nothing is lost or doubled (the broker
/// drop's checks).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_broker_restarting_under_two_hosts_loses_and_doubles_nothing() {
    under_load(Disruption::BrokerRestart).await;
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Disruption {
    /// The hosts' way to RabbitMQ cut for [`BROKER_DOWN`].
    BrokerRestart,
    /// Host 0's clock [`SKEW_MS`]`[0]` off, host 1's [`SKEW_MS`]`[1]`
    /// (`AGENT_STORE_TEST_CLOCK_SKEW_MS`), from the start.
    SkewedClocks,
    /// SIGKILL host 0, start it again half a second later.
    KillAndRestart,
    /// `rabbitmqctl close_connection` for every connection of the vhost.
    DropConnections,
    /// The hosts' way to PostgreSQL cut for [`OUTAGE`].
    DatabaseOutage,
}

/// How far each host's own clock is off in the skew test (ms).
const SKEW_MS: [i64; 2] = [-180_000, 300_000];

/// How long the broker stays away in the restart test.
const BROKER_DOWN: Duration = Duration::from_secs(5);

/// How long the database stays unreachable.
const OUTAGE: Duration = Duration::from_secs(10);

/// `/readyz` of host `i`: status and body.
async fn readyz(cluster: &Cluster, i: usize) -> (u16, String) {
    let url = cluster.url(i).expect("host running");
    match cluster.http.get(format!("{url}/readyz")).send().await {
        Ok(r) => (r.status().as_u16(), r.text().await.unwrap_or_default()),
        Err(e) => (0, e.to_string()),
    }
}

/// The broker's ids of the connections in `vhost`.
fn connections_in(vhost: &str) -> Vec<String> {
    common::cluster::rabbitmqctl(&[
        "list_connections",
        "pid",
        "vhost",
        "-q",
        "--no-table-headers",
    ])
    .expect("rabbitmqctl list_connections")
    .lines()
    .filter(|l| l.split_whitespace().nth(1) == Some(vhost))
    .filter_map(|l| l.split_whitespace().next().map(str::to_string))
    .collect()
}

/// The broker's queues (ready, unacknowledged, consumers) and consumers in
/// `vhost`, for a failure's diagnosis.
async fn broker_view(vhost: &str) -> String {
    let vhost = vhost.to_string();
    tokio::task::spawn_blocking(move || {
        let queues = common::cluster::rabbitmqctl(&[
            "list_queues",
            "-p",
            &vhost,
            "name",
            "messages_ready",
            "messages_unacknowledged",
            "consumers",
            "-q",
        ]);
        let consumers = common::cluster::rabbitmqctl(&[
            "list_consumers",
            "-p",
            &vhost,
            "queue_name",
            "channel_pid",
            "consumer_tag",
            "exclusive",
            "-q",
        ]);
        format!(
            "{}\n{}",
            queues.unwrap_or_else(|e| e),
            consumers.unwrap_or_else(|e| e)
        )
    })
    .await
    .unwrap_or_else(|e| format!("rabbitmqctl task: {e}"))
}

async fn under_load(disruption: Disruption) {
    const CUSTOMERS: usize = 30;
    const HOSTS: usize = 2;
    let run = match disruption {
        Disruption::KillAndRestart => "kill",
        Disruption::DropConnections => "drop",
        Disruption::DatabaseOutage => "pgcut",
        Disruption::SkewedClocks => "skew",
        Disruption::BrokerRestart => "brokerup",
    };
    // The hosts reach PostgreSQL through a relay (the test's own checks
    // go straight to it).
    let relay = common::relay::Relay::start("127.0.0.1:5432").await;
    let via_relay = disruption == Disruption::DatabaseOutage;
    let broker_relay = common::relay::Relay::start("127.0.0.1:5672").await;
    let broker_via_relay = disruption == Disruption::BrokerRestart;
    let skewed = disruption == Disruption::SkewedClocks;
    let cluster = Cluster::start_with(
        run,
        HOSTS,
        |c| {
            c.whatsapp.pace_per_second = 40.0;
            c.whatsapp.pace_burst = 5;
            if via_relay {
                let mut url = reqwest::Url::parse(&c.database.url).expect("database url");
                url.set_port(Some(relay.addr.port())).expect("relay port");
                c.database.url = url.to_string();
            }
            if broker_via_relay {
                let mut url = reqwest::Url::parse(&c.bus.amqp_url).expect("amqp url");
                url.set_port(Some(broker_relay.addr.port()))
                    .expect("relay port");
                c.bus.amqp_url = url.to_string();
            }
        },
        |i, _| {
            if skewed {
                vec![(
                    agent_store::db::TEST_CLOCK_SKEW_ENV.to_string(),
                    SKEW_MS[i].to_string(),
                )]
            } else {
                Vec::new()
            }
        },
    )
    .await;
    // Enough shoes for everyone (stock is shared in the database).
    let (status, _) = cluster
        .admin(
            0,
            reqwest::Method::PUT,
            "/products/FSH-0001/stock",
            Some(&json!({"available": 10_000})),
        )
        .await;
    assert_eq!(status, 200, "stock set");

    // Listed before the load: rabbitmqctl takes a second or two.
    let pids = match disruption {
        Disruption::DropConnections => {
            let pids = connections_in(&cluster.vhost.name);
            assert!(
                pids.len() >= HOSTS,
                "every host's connection listed: {pids:?}"
            );
            pids
        }
        Disruption::KillAndRestart
        | Disruption::DatabaseOutage
        | Disruption::SkewedClocks
        | Disruption::BrokerRestart => Vec::new(),
    };
    // Arrivals spread so that the disruption lands mid-load (rabbitmqctl
    // takes seconds on a busy machine).
    let stagger = match disruption {
        Disruption::KillAndRestart => Duration::from_millis(150),
        Disruption::DropConnections
        | Disruption::DatabaseOutage
        | Disruption::SkewedClocks
        | Disruption::BrokerRestart => Duration::from_millis(400),
    };
    let cluster = Arc::new(tokio::sync::RwLock::new(cluster));
    let handled = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    // When the broker drops the connections, each customer's last message
    // waits until rabbitmqctl has returned: how long it takes on a busy
    // machine varies by seconds, and without the gate the whole load could
    // finish before the drop. With it, second messages are in flight during
    // the close and a third of the load must go through the new connections.
    let (dropped, gate) = tokio::sync::watch::channel(disruption != Disruption::DropConnections);
    // Customers write one message at a time (the next once the previous
    // is answered), each message to the next host in turn.
    let mut customers = tokio::task::JoinSet::new();
    for i in 0..CUSTOMERS {
        let (cluster, handled) = (cluster.clone(), handled.clone());
        let mut gate = gate.clone();
        customers.spawn(async move {
            // Staggered arrivals, so the kill lands mid-load.
            tokio::time::sleep(stagger * i as u32).await;
            let messages = conversation(run, i);
            let last = messages.len() - 1;
            for (k, (wamid, body)) in messages.into_iter().enumerate() {
                if k == last {
                    gate.wait_for(|open| *open)
                        .await
                        .expect("the gate stays open unless the test failed first");
                }
                cluster.read().await.deliver(i + k, &body).await;
                let deadline = Instant::now() + Duration::from_secs(90);
                loop {
                    if cluster.read().await.inbound_state(&wamid).await.as_deref()
                        == Some("handled")
                    {
                        break;
                    }
                    if Instant::now() >= deadline {
                        // What every host logged about it, for the diagnosis.
                        let c = cluster.read().await;
                        let said: Vec<String> = (0..c.dirs.len())
                            .flat_map(|h| {
                                c.log(h)
                                    .lines()
                                    .filter(|l| {
                                        l.contains(&wamid)
                                            || l.contains("WARN")
                                            || l.contains("ERROR")
                                    })
                                    .map(|l| format!("host {h}: {l}"))
                                    .collect::<Vec<_>>()
                            })
                            .collect();
                        let vhost = c.vhost.name.clone();
                        drop(c);
                        let broker = broker_view(&vhost).await;
                        panic!(
                            "{wamid} never handled; the hosts logged:\n{}\nthe broker:\n{broker}",
                            said.join("\n")
                        );
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                handled.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
        });
    }

    // Mid-load: a third of the messages handled.
    let total = CUSTOMERS * 3;
    let deadline = Instant::now() + Duration::from_secs(90);
    while handled.load(std::sync::atomic::Ordering::SeqCst) < total / 3 {
        assert!(Instant::now() < deadline, "the load never got going");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    if disruption == Disruption::DatabaseOutage {
        let before = handled.load(std::sync::atomic::Ordering::SeqCst);
        relay.cut();
        let cut_at = Instant::now();
        // Both hosts say what they cannot do.
        for i in 0..HOSTS {
            loop {
                let (status, body) = readyz(&*cluster.read().await, i).await;
                if status == 503 && body.contains("database") {
                    break;
                }
                assert!(
                    cut_at.elapsed() < OUTAGE,
                    "host {i}'s /readyz during the outage: {status} {body}"
                );
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        tokio::time::sleep(OUTAGE.saturating_sub(cut_at.elapsed())).await;
        relay.restore();
        let done = handled.load(std::sync::atomic::Ordering::SeqCst);
        eprintln!(
            "PostgreSQL unreachable for {:?}: {before}/{total} messages handled before, {done} after",
            cut_at.elapsed()
        );
        assert!(done < total, "cut mid-load, not after it");
        while let Some(done) = customers.join_next().await {
            done.expect("a customer");
        }
        let cluster = Arc::try_unwrap(cluster)
            .ok()
            .expect("customers done")
            .into_inner();
        check_exactly_once(&cluster, run, CUSTOMERS, None).await;
        for i in 0..HOSTS {
            assert_eq!(readyz(&cluster, i).await.0, 200, "host {i} ready again");
            let log = cluster.log(i);
            assert!(
                log.lines()
                    .any(|l| l.contains("not ready") && l.contains("database")),
                "host {i} logged that the database is missing"
            );
            // Events the outage failed were held and handled once the
            // database was back, not parked where nothing drains them.
            let parked: Vec<&str> = log
                .lines()
                .filter(|l| l.contains("event parked") || l.contains("store refuses it"))
                .collect();
            assert!(parked.is_empty(), "host {i} parked events: {parked:#?}");
        }
        return;
    }
    if disruption == Disruption::BrokerRestart {
        let before = handled.load(std::sync::atomic::Ordering::SeqCst);
        broker_relay.cut();
        let cut_at = Instant::now();
        for i in 0..HOSTS {
            loop {
                let (status, body) = readyz(&*cluster.read().await, i).await;
                if status == 503 && body.contains("bus") {
                    break;
                }
                assert!(
                    cut_at.elapsed() < BROKER_DOWN,
                    "host {i}'s /readyz while the broker is away: {status} {body}"
                );
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        tokio::time::sleep(BROKER_DOWN.saturating_sub(cut_at.elapsed())).await;
        broker_relay.restore();
        let done = handled.load(std::sync::atomic::Ordering::SeqCst);
        eprintln!(
            "RabbitMQ away for {:?}: {before}/{total} messages handled before, {done} after",
            cut_at.elapsed()
        );
        assert!(done < total, "away mid-load, not after it");
        while let Some(done) = customers.join_next().await {
            done.expect("a customer");
        }
        let cluster = Arc::try_unwrap(cluster)
            .ok()
            .expect("customers done")
            .into_inner();
        check_exactly_once(&cluster, run, CUSTOMERS, None).await;
        for i in 0..HOSTS {
            assert_eq!(readyz(&cluster, i).await.0, 200, "host {i} ready again");
            assert!(
                cluster.log(i).contains("AMQP bus reconnected"),
                "host {i} reconnected"
            );
        }
        return;
    }
    if disruption == Disruption::SkewedClocks {
        while let Some(done) = customers.join_next().await {
            done.expect("a customer");
        }
        let cluster = Arc::try_unwrap(cluster)
            .ok()
            .expect("customers done")
            .into_inner();
        check_exactly_once(&cluster, run, CUSTOMERS, None).await;
        // Each host follows the database's clock: its offset is its skew,
        // negated (within a few seconds: the machine's clock is the
        // database's here).
        let (status, body) = cluster.admin(0, reqwest::Method::GET, "/hosts", None).await;
        assert_eq!(status, 200, "{body}");
        let hosts = body["hosts"].as_array().cloned().unwrap_or_default();
        assert_eq!(hosts.len(), HOSTS, "{body}");
        let mut offsets: Vec<i64> = hosts
            .iter()
            .filter_map(|h| h["clock_offset_ms"].as_i64())
            .collect();
        offsets.sort_unstable();
        let mut want: Vec<i64> = SKEW_MS.iter().map(|s| -s).collect();
        want.sort_unstable();
        assert!(
            offsets.len() == HOSTS
                && offsets
                    .iter()
                    .zip(&want)
                    .all(|(o, w)| (o - w).abs() < 5_000),
            "offsets {offsets:?}, skews {SKEW_MS:?}: {body}"
        );
        for i in 0..HOSTS {
            assert!(
                cluster
                    .log(i)
                    .contains("this host's clock is off the database's"),
                "host {i} logged its clock"
            );
        }
        return;
    }
    if disruption == Disruption::DropConnections {
        let vhost = cluster.read().await.vhost.name.clone();
        let before = handled.load(std::sync::atomic::Ordering::SeqCst);
        let closing = vhost.clone();
        tokio::task::spawn_blocking(move || {
            common::cluster::rabbitmqctl(&[
                "close_all_connections",
                "--vhost",
                &closing,
                "test: the broker drops the hosts",
            ])
        })
        .await
        .expect("rabbitmqctl task")
        .expect("rabbitmqctl close_all_connections");
        let done = handled.load(std::sync::atomic::Ordering::SeqCst);
        eprintln!(
            "closed the vhost's {} connections: {before}/{total} messages handled when asked, {done} when done",
            pids.len()
        );
        // Second messages were still pending when the close was asked
        // (the last ones wait for it): the drop lands on hosts at work.
        assert!(
            before < total - CUSTOMERS,
            "asked to drop with every message before the last handled"
        );
        dropped.send_replace(true);
        while let Some(done) = customers.join_next().await {
            done.expect("a customer");
        }
        let cluster = Arc::try_unwrap(cluster)
            .ok()
            .expect("customers done")
            .into_inner();
        // No host was killed: nothing was in flight at a kill.
        check_exactly_once(&cluster, run, CUSTOMERS, None).await;
        // The connections were dropped, and every host came back.
        let now = connections_in(&vhost);
        assert!(
            now.iter().all(|p| !pids.contains(p)) && now.len() >= HOSTS,
            "before {pids:?}, after {now:?}"
        );
        for i in 0..HOSTS {
            assert!(
                cluster.log(i).contains("AMQP bus reconnected"),
                "host {i} reconnected"
            );
        }
        return;
    }
    let (killed_at, at_kill) = {
        let mut c = cluster.write().await;
        let killed_at = c.kill(0);
        (killed_at, c.graph.replies().len())
    };
    let done_at_kill = handled.load(std::sync::atomic::Ordering::SeqCst);
    eprintln!("SIGKILL host 0 with {done_at_kill}/{total} messages handled, {at_kill} sends");
    assert!(done_at_kill < total, "killed mid-load, not after it");
    // Down a moment (its customers fail over to host 1), then back.
    tokio::time::sleep(Duration::from_millis(500)).await;
    {
        // Restart without holding the lock: customers keep writing.
        let (config, dir, env) = {
            let c = cluster.read().await;
            (c.config_of(0), c.dir(0), c.env[0].clone())
        };
        let host = common::child_host::ChildHost::start_with_env(&config, &dir, &env);
        host.wait_ready().await;
        cluster.write().await.hosts[0] = Some(host);
    }
    while let Some(done) = customers.join_next().await {
        done.expect("a customer");
    }

    let cluster = Arc::try_unwrap(cluster)
        .ok()
        .expect("customers done")
        .into_inner();
    check_exactly_once(&cluster, run, CUSTOMERS, Some(killed_at)).await;
}

/// After the load: everything settles, then every message was handled and
/// answered, each reply reached the stand-in once (a repeat only of a send
/// in flight at `killed_at`), one order, one cart addition and one order
/// notice per customer.
async fn check_exactly_once(
    cluster: &Cluster,
    run: &str,
    customers: usize,
    killed_at: Option<Instant>,
) {
    let total = customers * 3;
    // Everything settles: outbox empty, every order placed.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let queued = cluster.count("SELECT COUNT(*) FROM whatsapp_outbox").await;
        let orders = cluster.count("SELECT COUNT(*) FROM orders").await;
        let unsettled = cluster.count("SELECT COUNT(*) FROM turn_effects").await;
        // An order's notice follows the order through its own events
        // (status update, notice, render, send): wait for it too.
        let notices = cluster
            .count("SELECT COUNT(*) FROM messages WHERE direction = 'out' AND id LIKE '%/notify/%' AND state IN ('sent', 'delivered', 'read')")
            .await;
        if queued == 0
            && orders >= customers as i64
            && unsettled == 0
            && notices >= customers as i64
        {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "not settled: {queued} replies queued, {orders}/{customers} orders, {notices}/{customers} order notices sent, {unsettled} effects unsettled\n{}",
            cluster.log(1)
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // Every inbound message handled and answered.
    let handled_in = cluster
        .count(&format!(
            "SELECT COUNT(*) FROM messages WHERE direction = 'in' AND state = 'handled' AND id LIKE 'wamid.{run}.%'"
        ))
        .await;
    assert_eq!(handled_in as usize, total, "every message handled");
    let answered: HashSet<String> = sqlx::query(
        "SELECT DISTINCT i.id FROM messages i JOIN messages o
           ON o.direction = 'out' AND o.id LIKE i.id || '/%'
         WHERE i.direction = 'in' AND o.state IN ('sent', 'delivered', 'read')",
    )
    .fetch_all(&cluster.db)
    .await
    .expect("answered")
    .iter()
    .filter_map(|r| r.try_get::<String, _>(0).ok())
    .collect();
    for i in 0..customers {
        // The checkout is answered by the order's notice (below).
        for (wamid, _) in conversation(run, i).into_iter().take(2) {
            assert!(answered.contains(&wamid), "{wamid} never answered");
        }
    }
    let not_sent = cluster
        .count("SELECT COUNT(*) FROM messages WHERE direction = 'out' AND state NOT IN ('sent', 'delivered', 'read')")
        .await;
    assert_eq!(not_sent, 0, "every reply sent (none failed or held)");

    // Each stored reply reached the stand-in once; a send the stand-in saw
    // that no stored reply accounts for is a repeat of one sent in flight
    // at the kill.
    let stored: HashSet<String> =
        sqlx::query("SELECT wamid FROM messages WHERE direction = 'out' AND wamid IS NOT NULL")
            .fetch_all(&cluster.db)
            .await
            .expect("wamids")
            .iter()
            .filter_map(|r| r.try_get::<String, _>(0).ok())
            .collect();
    let sends = cluster.graph.replies();
    let mut first_of: HashMap<(String, String), Instant> = HashMap::new();
    let mut repeated = Vec::new();
    for s in &sends {
        let key = (s.body["to"].to_string(), s.body.to_string());
        match first_of.get(&key) {
            Some(first) => repeated.push((key.0.clone(), *first, stored.contains(&s.wamid))),
            None => {
                first_of.insert(key, s.at);
            }
        }
    }
    let unaccounted = sends.iter().filter(|s| !stored.contains(&s.wamid)).count();
    eprintln!(
        "{} sends at the stand-in, {} stored as sent, {} repeated, {unaccounted} not stored",
        sends.len(),
        stored.len(),
        repeated.len()
    );
    assert_eq!(
        unaccounted,
        repeated.len(),
        "every send not stored as sent is a repeat of one that was"
    );
    match killed_at {
        Some(killed_at) => {
            for (to, first, _) in &repeated {
                let from_kill = if *first > killed_at {
                    *first - killed_at
                } else {
                    killed_at - *first
                };
                assert!(
                    from_kill < Duration::from_secs(2),
                    "a reply to {to} sent twice, its first copy {from_kill:?} from the kill: not a send in flight"
                );
            }
            assert!(repeated.len() <= 9, "{} replies sent twice", repeated.len());
        }
        None => assert!(repeated.is_empty(), "replies sent twice: {repeated:?}"),
    }

    // No order and no cart line doubled: one order per customer, one
    // pair of shoes in each.
    let orders = cluster.count("SELECT COUNT(*) FROM orders").await;
    let distinct = cluster
        .count("SELECT COUNT(DISTINCT source_id) FROM orders")
        .await;
    assert_eq!(orders, customers as i64, "one order per customer");
    assert_eq!(orders, distinct, "no order doubled");
    let per_customer: BTreeMap<String, i64> = sqlx::query(
        "SELECT o.customer_wa_id, CAST(SUM(l.quantity) AS BIGINT) FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.customer_wa_id",
    )
    .fetch_all(&cluster.db)
    .await
    .expect("order lines")
    .iter()
    .map(|r| (r.get::<String, _>(0), r.get::<i64, _>(1)))
    .collect();
    assert_eq!(per_customer.len(), customers, "every customer ordered");
    for (c, units) in &per_customer {
        assert_eq!(*units, 1, "customer {c}'s order holds {units} pairs");
    }
    // Each customer told about their order once.
    for i in 0..customers {
        let notices: HashSet<String> = sends
            .iter()
            .filter(|s| s.body["to"] == customer(i).as_str())
            .filter_map(|s| s.body["text"]["body"].as_str())
            .filter(|t| t.starts_with("Order *") && t.contains("received"))
            .map(str::to_string)
            .collect();
        assert_eq!(
            notices.len(),
            1,
            "customer {i}'s order notices: {notices:?}"
        );
    }
    let adds = cluster.count("SELECT COUNT(*) FROM cart_adds").await;
    assert_eq!(adds, customers as i64, "one cart addition per tap");
    // Both hosts were up and serving.
    for i in 0..cluster.hosts.len() {
        assert!(
            cluster.log(i).contains("agent store listening"),
            "host {i} served"
        );
    }
}

/// The live catalog's view of `product` on host `i`: (availability,
/// quantity).
async fn offered(cluster: &Cluster, i: usize, product: &str) -> (String, Option<i64>) {
    let (status, body) = cluster
        .admin(
            i,
            reqwest::Method::GET,
            &format!("/products/{product}"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    (
        body["product"]["availability"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        body["product"]["quantity"].as_i64(),
    )
}

/// The last pair of shoes is ordered through the hosts; within a second of
/// the order every host's live catalog (search's in-stock filter, the
/// sellers' view) has them sold out — not only the host whose orders
/// consumer took the order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_order_on_one_host_sells_out_the_product_on_every_host_within_a_second() {
    const HOSTS: usize = 2;
    const SHOES: &str = "FSH-0001";
    let run = "stock";
    let cluster = Cluster::start(run, HOSTS, |_| {}).await;
    // One pair left, set through host 0: host 1 follows.
    let (status, _) = cluster
        .admin(
            0,
            reqwest::Method::PUT,
            &format!("/products/{SHOES}/stock"),
            Some(&json!({"available": 1})),
        )
        .await;
    assert_eq!(status, 200);
    let deadline = Instant::now() + Duration::from_secs(5);
    while offered(&cluster, 1, SHOES).await != ("in_stock".to_string(), Some(1)) {
        assert!(
            Instant::now() < deadline,
            "host 1 never saw the operator's stock level: {:?}",
            offered(&cluster, 1, SHOES).await
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    // A customer buys it, writing to host 0 (the hosts' shard owners
    // route, sell and take the order wherever they run).
    for (k, (wamid, body)) in conversation(run, 0).into_iter().enumerate() {
        cluster.deliver(k % HOSTS, &body).await;
        cluster.wait_handled(&wamid, Duration::from_secs(60)).await;
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    while cluster.count("SELECT COUNT(*) FROM orders").await == 0 {
        assert!(Instant::now() < deadline, "no order placed");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let ordered = Instant::now();
    // Every host stops offering the shoes within a second.
    let mut took = vec![None; HOSTS];
    while took.iter().any(Option::is_none) {
        for (i, t) in took.iter_mut().enumerate() {
            if t.is_none() && offered(&cluster, i, SHOES).await.0 == "out_of_stock" {
                *t = Some(ordered.elapsed());
            }
        }
        assert!(
            ordered.elapsed() < Duration::from_secs(1),
            "a host still offers the sold-out product a second after the order: {took:?}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    eprintln!("sold out on every host after {took:?} (from the order row's appearance)");
    // Search on each host no longer offers it as in stock.
    for i in 0..HOSTS {
        let (_, body) = cluster
            .admin(
                i,
                reqwest::Method::GET,
                "/products?q=running%20shoes&brand=fashion&limit=50",
                None,
            )
            .await;
        let listed = body["products"].as_array().cloned().unwrap_or_default();
        for p in &listed {
            if p["id"] == SHOES {
                assert_eq!(p["availability"], "out_of_stock", "host {i}: {p}");
            }
        }
    }
}

/// Three hosts answer a crowd writing to one business number: the
/// stand-in's sends from that number, counted in every one-second window,
/// never exceed the configured pace (plus the bucket's burst) — the hosts
/// share one bucket in PostgreSQL rather than each sending at the pace.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_hosts_together_keep_the_pace_of_one_business_number() {
    const HOSTS: usize = 3;
    const CUSTOMERS: usize = 45;
    const PACE: f64 = 10.0;
    const BURST: u32 = 2;
    let run = "pace";
    let cluster = Cluster::start(run, HOSTS, |c| {
        c.whatsapp.pace_per_second = PACE;
        c.whatsapp.pace_burst = BURST;
        c.whatsapp.pace_recipient_gap_ms = 100;
    })
    .await;
    // Everyone writes at once, spread over the hosts.
    let mut wamids = Vec::new();
    let mut posts = tokio::task::JoinSet::new();
    let cluster = Arc::new(cluster);
    for i in 0..CUSTOMERS {
        let wamid = format!("wamid.{run}.{i}");
        let body = text_envelope(
            PHONE_NUMBER_ID,
            &customer(i),
            "Customer",
            &wamid,
            "hi, I'm looking for a new laptop",
        );
        wamids.push(wamid);
        let cluster = cluster.clone();
        posts.spawn(async move { cluster.deliver(i % HOSTS, &body).await });
    }
    while let Some(done) = posts.join_next().await {
        done.expect("delivery");
    }
    for wamid in &wamids {
        cluster.wait_handled(wamid, Duration::from_secs(90)).await;
    }
    let deadline = Instant::now() + Duration::from_secs(90);
    while cluster.count("SELECT COUNT(*) FROM whatsapp_outbox").await > 0 {
        assert!(Instant::now() < deadline, "replies still queued");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let sends: Vec<Instant> = cluster
        .graph
        .replies()
        .iter()
        .filter(|s| s.phone == PHONE_NUMBER_ID)
        .map(|s| s.at)
        .collect();
    assert!(
        sends.len() >= CUSTOMERS,
        "every customer answered ({} sends)",
        sends.len()
    );
    // The most sends in any window [t, t + 1 s) starting at a send.
    let mut most = 0;
    for (k, t) in sends.iter().enumerate() {
        let n = sends[k..]
            .iter()
            .take_while(|u| u.duration_since(*t) < Duration::from_secs(1))
            .count();
        most = most.max(n);
    }
    let first = sends.first().copied().expect("sends");
    let last = sends.last().copied().expect("sends");
    let rate = sends.len() as f64 / last.duration_since(first).as_secs_f64().max(0.001);
    eprintln!(
        "{} sends from one number by {HOSTS} hosts: at most {most} in one second, {rate:.1}/s overall (pace {PACE}/s, burst {BURST})",
        sends.len()
    );
    // The bucket allows PACE + BURST sends in a second. Two more are
    // tolerated because these times are arrivals at the stand-in, not the
    // slots the hosts reserved: a send delayed after its slot (a loaded
    // machine's scheduling, or a customer's gap, which by design delays a
    // send past its number slot rather than hold other customers up) lands
    // in the next window (seen: 13 and, on a 2-core machine running the
    // whole suite, 14 against 12). Hosts that each kept the pace on their
    // own would send ~3x as many (~36 in a second), far above the bound.
    let bound = PACE as usize + BURST as usize + 2;
    assert!(
        most <= bound,
        "{most} sends in one second from one number; the pace allows {bound} (with two late arrivals)"
    );
}

/// The shadow version id host `i` runs of `name` (`None`: no shadow).
async fn shadow_of(cluster: &Cluster, i: usize, name: &str) -> Option<String> {
    let (status, body) = cluster
        .admin(
            i,
            reqwest::Method::GET,
            &format!("/plugins/{name}/shadow"),
            None,
        )
        .await;
    (status == 200).then(|| body["shadow_id"].as_str().unwrap_or_default().to_string())
}

/// Wait until every host runs `want` as the shadow of `name`; fails after 5 s.
async fn every_host_shadows(cluster: &Cluster, name: &str, want: Option<&str>) {
    let since = Instant::now();
    loop {
        let mut seen = Vec::new();
        for i in 0..cluster.hosts.len() {
            seen.push(shadow_of(cluster, i, name).await);
        }
        let agree = seen.iter().all(|s| match (s, want) {
            (Some(id), Some(v)) => id.starts_with(&format!("{v}-")),
            (None, None) => true,
            _ => false,
        });
        if agree {
            return;
        }
        assert!(
            since.elapsed() < Duration::from_secs(5),
            "hosts run shadows {seen:?} of {name}, not {want:?}\n{}",
            cluster.log(0)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A shadow version pushed on one host is the shadow on every host (the
/// shared release), a promote on another host makes it every host's
/// active version, and a drop on one host stops it everywhere.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shadow_version_is_shared_promoted_and_dropped_across_hosts() {
    use base64::Engine as _;
    const NAME: &str = "seller-home";
    let cluster = Cluster::start("shadow", 2, |_| {}).await;
    let original = serves(&cluster, 0, NAME).await.expect("seller-home loaded");
    let dir = common::plugins_dir().join(NAME);
    let manifest = std::fs::read_to_string(dir.join("plugin.toml")).expect("manifest");
    let wasm = std::fs::read(dir.join(format!("{NAME}.wasm"))).expect("component");
    let shadow = |v: &str| {
        json!({
            "manifest": manifest.replacen(
                &format!("version = \"{original}\""),
                &format!("version = \"{v}\""),
                1,
            ),
            "component": base64::engine::general_purpose::STANDARD.encode(&wasm),
            "shadow": true,
        })
    };

    let (status, body) = cluster
        .admin(
            0,
            reqwest::Method::PUT,
            &format!("/plugins/{NAME}"),
            Some(&shadow("9.8.1")),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    every_host_shadows(&cluster, NAME, Some("9.8.1")).await;
    assert_eq!(
        serves(&cluster, 1, NAME).await.as_deref(),
        Some(original.as_str())
    );

    // Promoted on host 1: every host serves it, none shadows it.
    let (status, body) = cluster
        .admin(
            1,
            reqwest::Method::POST,
            &format!("/plugins/{NAME}/shadow/promote"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    every_host_serves(
        &cluster,
        NAME,
        "9.8.1",
        Instant::now(),
        Duration::from_secs(5),
    )
    .await;
    every_host_shadows(&cluster, NAME, None).await;

    // Another shadow, dropped on the other host: gone everywhere.
    let (status, body) = cluster
        .admin(
            1,
            reqwest::Method::PUT,
            &format!("/plugins/{NAME}"),
            Some(&shadow("9.8.2")),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    every_host_shadows(&cluster, NAME, Some("9.8.2")).await;
    let (status, body) = cluster
        .admin(
            0,
            reqwest::Method::DELETE,
            &format!("/plugins/{NAME}/shadow"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    every_host_shadows(&cluster, NAME, None).await;
    assert_eq!(serves(&cluster, 1, NAME).await.as_deref(), Some("9.8.1"));
}

/// The version of plugin `name` host `i` serves (`None`: not loaded).
async fn serves(cluster: &Cluster, i: usize, name: &str) -> Option<String> {
    let (status, body) = cluster
        .admin(i, reqwest::Method::GET, "/plugins", None)
        .await;
    assert_eq!(status, 200, "{body}");
    body["plugins"]
        .as_array()?
        .iter()
        .find(|p| p["name"] == name)
        .and_then(|p| p["version"].as_str())
        .map(str::to_string)
}

/// Wait until every live host serves `version` of `name`; how long each
/// took from `since`. Fails after `within`.
async fn every_host_serves(
    cluster: &Cluster,
    name: &str,
    version: &str,
    since: Instant,
    within: Duration,
) -> Vec<Duration> {
    let n = cluster.hosts.len();
    let mut took: Vec<Option<Duration>> = vec![None; n];
    loop {
        for (i, t) in took.iter_mut().enumerate() {
            if t.is_none() && serves(cluster, i, name).await.as_deref() == Some(version) {
                *t = Some(since.elapsed());
            }
        }
        if took.iter().all(Option::is_some) {
            return took.into_iter().flatten().collect();
        }
        assert!(
            since.elapsed() < within,
            "not every host serves {name} {version} within {within:?}: {took:?}\n{}",
            cluster.log(n - 1)
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A plugin version pushed to host 0 runs on every host within 2 s, and so
/// does a rollback; a host that was down when a version was pushed runs it
/// once it is back; `GET /admin/hosts` (and `hosts` in `/admin/plugins`)
/// lists every live host with the plugin versions it runs and its last
/// heartbeat.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plugin_pushed_or_rolled_back_on_one_host_runs_on_every_host() {
    use base64::Engine as _;
    const HOSTS: usize = 2;
    const NAME: &str = "seller-home";
    let mut cluster = Cluster::start("plugins", HOSTS, |_| {}).await;
    let original = serves(&cluster, 0, NAME).await.expect("seller-home loaded");
    let dir = common::plugins_dir().join(NAME);
    let manifest = std::fs::read_to_string(dir.join("plugin.toml")).expect("manifest");
    let wasm = std::fs::read(dir.join(format!("{NAME}.wasm"))).expect("component");
    let version_of = |v: &str| {
        manifest.replacen(
            &format!("version = \"{original}\""),
            &format!("version = \"{v}\""),
            1,
        )
    };
    let push = |v: &str| {
        json!({
            "manifest": version_of(v),
            "component": base64::engine::general_purpose::STANDARD.encode(&wasm),
        })
    };

    // Push 9.9.1 to host 0.
    let (status, body) = cluster
        .admin(
            0,
            reqwest::Method::PUT,
            &format!("/plugins/{NAME}"),
            Some(&push("9.9.1")),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let pushed = Instant::now();
    let took = every_host_serves(&cluster, NAME, "9.9.1", pushed, Duration::from_secs(2)).await;
    eprintln!("push: every host serves 9.9.1 after {took:?}");

    // Roll back on host 1: every host goes back.
    let (status, body) = cluster
        .admin(
            1,
            reqwest::Method::POST,
            &format!("/plugins/{NAME}/rollback"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let rolled = Instant::now();
    let took = every_host_serves(&cluster, NAME, &original, rolled, Duration::from_secs(2)).await;
    eprintln!("rollback: every host serves {original} after {took:?}");

    // Every live host is listed with what it runs and its heartbeat.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (status, body) = cluster.admin(1, reqwest::Method::GET, "/hosts", None).await;
        assert_eq!(status, 200, "{body}");
        let hosts = body["hosts"].as_array().cloned().unwrap_or_default();
        let current = hosts.len() == HOSTS
            && hosts.iter().all(|h| {
                h["last_heartbeat_ms_ago"]
                    .as_i64()
                    .is_some_and(|ms| (0..10_000).contains(&ms))
                    && h["plugins"].as_array().is_some_and(|ps| {
                        ps.iter()
                            .any(|p| p["name"] == NAME && p["version"] == original.as_str())
                    })
            });
        if current {
            assert_eq!(hosts[0]["this"], true, "this host first: {body}");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "/admin/hosts never listed both hosts running {NAME} {original}: {body}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let (_, plugins) = cluster
        .admin(0, reqwest::Method::GET, "/plugins", None)
        .await;
    assert_eq!(
        plugins["hosts"].as_array().map(Vec::len),
        Some(HOSTS),
        "/admin/plugins lists the hosts: {}",
        plugins["hosts"]
    );

    // Host 1 is down while 9.9.2 is pushed; it runs 9.9.2 once back.
    cluster.kill(1);
    let (status, body) = cluster
        .admin(
            0,
            reqwest::Method::PUT,
            &format!("/plugins/{NAME}"),
            Some(&push("9.9.2")),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    cluster.restart(1).await;
    assert_eq!(
        serves(&cluster, 1, NAME).await.as_deref(),
        Some("9.9.2"),
        "the restarted host runs the release pushed while it was down"
    );

    // Deleted on host 1: no host serves it within 2 s.
    let (status, body) = cluster
        .admin(
            1,
            reqwest::Method::DELETE,
            &format!("/plugins/{NAME}"),
            None,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let deleted = Instant::now();
    loop {
        let mut still = Vec::new();
        for i in 0..HOSTS {
            if let Some(v) = serves(&cluster, i, NAME).await {
                still.push((i, v));
            }
        }
        if still.is_empty() {
            break;
        }
        assert!(
            deleted.elapsed() < Duration::from_secs(2),
            "still served 2 s after the delete: {still:?}\n{}",
            cluster.log(0)
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    eprintln!(
        "delete: no host serves {NAME} after {:?}",
        deleted.elapsed()
    );
    // A host restarted with the plugin still in its directory does not
    // bring it back.
    cluster.kill(0);
    common::cluster::copy_plugins(&common::plugins_dir(), &cluster.dir(0).join("plugins"));
    cluster.restart(0).await;
    assert_eq!(
        serves(&cluster, 0, NAME).await,
        None,
        "a restarted host keeps the deletion"
    );
}

/// `bytes` (a component built against contract 0.2.x) as if built
/// against 0.9.0, a version no host serves: every
/// `agent-store:plugin/…@0.2.x` name it imports or exports renamed.
fn of_another_contract(bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let package = b"agent-store:plugin/";
    let mut renamed = 0;
    let mut i = 0;
    while let Some(at) = out[i..].windows(package.len()).position(|w| w == package) {
        let start = i + at + package.len();
        let end = (start + 64).min(out.len());
        if let Some(v) = out[start..end].windows(5).position(|w| w == b"@0.2.") {
            out[start + v + 3] = b'9';
            renamed += 1;
        }
        i = start;
    }
    assert!(renamed > 0, "no contract name found in the component");
    out
}

/// A host whose plugins directory differs from the others' joins (#18's
/// bad input): it lacks seller-home and holds a seller-fashion of a
/// contract version it cannot serve. It keeps answering — webhooks sent
/// to it are stored and answered by the deployment — says so in `/readyz`
/// (200, "differs") and in one log line, `/admin/hosts` names what
/// differs, the shared release state is left alone (no release written),
/// and once seller-home is pushed to the other host it runs it too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_host_with_another_plugin_set_answers_what_it_can_and_says_so() {
    const HOSTS: usize = 2;
    const LINE: &str = "this host's plugins differ from the other hosts'";
    let cluster = Cluster::start_with(
        "differ",
        HOSTS,
        |_| {},
        |i, plugins| {
            if i == 1 {
                std::fs::remove_dir_all(plugins.join("seller-home")).expect("drop seller-home");
                let wasm = plugins.join("seller-fashion").join("seller-fashion.wasm");
                let bytes = std::fs::read(&wasm).expect("seller-fashion component");
                std::fs::write(&wasm, of_another_contract(&bytes)).expect("write");
            }
            Vec::new()
        },
    )
    .await;
    assert!(serves(&cluster, 0, "seller-home").await.is_some());
    assert!(serves(&cluster, 0, "seller-fashion").await.is_some());
    assert_eq!(serves(&cluster, 1, "seller-home").await, None);
    assert_eq!(serves(&cluster, 1, "seller-fashion").await, None);
    let (_, listing) = cluster
        .admin(1, reqwest::Method::GET, "/plugins", None)
        .await;
    eprintln!("host 1 refused: {}", listing["failed"]);

    // Host 1 says so; host 0 runs what the deployment runs.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (status, body) = readyz(&cluster, 1).await;
        if status == 200 && body.contains("differs") {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "host 1's /readyz: {status} {body}\n{}",
            cluster.log(1)
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Ready, and like the deployment (plugins may still be optimising).
    let (status, body) = readyz(&cluster, 0).await;
    assert!(
        status == 200 && !body.contains("differs"),
        "{status} {body}"
    );
    // Host 0 lists it with its next heartbeat.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (_, body) = cluster.admin(0, reqwest::Method::GET, "/hosts", None).await;
        let hosts = body["hosts"].as_array().cloned().unwrap_or_default();
        let of = |this: bool| {
            hosts
                .iter()
                .find(|h| h["this"] == this)
                .map(|h| h["differs"].to_string())
                .unwrap_or_default()
        };
        if of(false).contains("seller-home") && of(false).contains("seller-fashion") {
            assert_eq!(of(true), "[]", "host 0 runs what the deployment runs");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "/admin/hosts on host 0 never named what host 1 lacks: {body}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // It keeps answering: messages sent to it are handled.
    let run = "differ";
    for i in 0..6 {
        let (wamid, body) = conversation(run, i).remove(0);
        cluster.deliver(1, &body).await;
        cluster.wait_handled(&wamid, Duration::from_secs(60)).await;
    }
    let said = |i: usize| cluster.log(i).lines().filter(|l| l.contains(LINE)).count();
    assert_eq!((said(0), said(1)), (0, 1), "one log line, on host 1");
    let releases = cluster.count("SELECT COUNT(*) FROM plugin_releases").await;
    assert_eq!(releases, 0, "no shared release written");

    // seller-home pushed to host 0: host 1 runs it too, and no longer
    // says it lacks it.
    use base64::Engine as _;
    let dir = common::plugins_dir().join("seller-home");
    let original = serves(&cluster, 0, "seller-home").await.expect("loaded");
    let manifest = std::fs::read_to_string(dir.join("plugin.toml"))
        .expect("manifest")
        .replacen(
            &format!("version = \"{original}\""),
            "version = \"9.9.1\"",
            1,
        );
    let wasm = std::fs::read(dir.join("seller-home.wasm")).expect("component");
    let push = json!({
        "manifest": manifest,
        "component": base64::engine::general_purpose::STANDARD.encode(&wasm),
    });
    let (status, body) = cluster
        .admin(0, reqwest::Method::PUT, "/plugins/seller-home", Some(&push))
        .await;
    assert_eq!(status, 200, "{body}");
    every_host_serves(
        &cluster,
        "seller-home",
        "9.9.1",
        Instant::now(),
        Duration::from_secs(5),
    )
    .await;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, body) = cluster.admin(1, reqwest::Method::GET, "/hosts", None).await;
        let differs = body["hosts"][0]["differs"].to_string();
        if !differs.contains("seller-home") && differs.contains("seller-fashion") {
            break;
        }
        assert!(Instant::now() < deadline, "host 1 still differs: {differs}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let releases: Vec<String> = sqlx::query("SELECT name FROM plugin_releases ORDER BY name")
        .fetch_all(&cluster.db)
        .await
        .expect("releases")
        .iter()
        .map(|r| r.get::<String, _>(0))
        .collect();
    assert_eq!(
        releases,
        ["seller-home"],
        "only the pushed plugin's release"
    );
}

/// `POST /console/api/login` on host `i` from `client`; the status.
async fn sign_in(
    cluster: &Cluster,
    client: &reqwest::Client,
    i: usize,
    name: &str,
    password: &str,
) -> reqwest::StatusCode {
    let url = cluster.url(i).expect("host running");
    client
        .post(format!("{url}/console/api/login"))
        .json(&json!({ "name": name, "password": password }))
        .send()
        .await
        .expect("login request")
        .status()
}

/// A client whose connections come from `ip` (a loopback address).
fn client_from(ip: std::net::Ipv4Addr) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(std::net::IpAddr::V4(ip))
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client")
}

/// The console's sign-in limits hold across hosts (counted in PostgreSQL):
/// wrong passwords for one account from one address, spread over two
/// hosts, lock that address out of that account on both — with the right
/// password too — while the owner elsewhere signs in; an address spraying
/// names over both hosts must wait after its free failures on either.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_failures_on_one_host_count_on_every_host() {
    use agent_store::sales::{Role, Scope};
    use reqwest::StatusCode;
    use std::net::Ipv4Addr;
    const OWNER: &str = "olga";
    const PASSWORD: &str = "olga-password-1";
    let cluster = Cluster::start("signin", 2, |_| {}).await;
    cluster
        .add_user(OWNER, PASSWORD, Role::Admin, &Scope::All)
        .await;
    let attacker = client_from(Ipv4Addr::new(127, 0, 0, 2));
    // Five failures (the account's limit per address): 3 on host 0, 2 on
    // host 1. Each host alone saw fewer than five.
    for k in 0..5 {
        let status = sign_in(&cluster, &attacker, k % 2, OWNER, "wrong-password").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "failure {k}");
    }
    for i in 0..2 {
        for password in ["wrong-password", PASSWORD] {
            assert_eq!(
                sign_in(&cluster, &attacker, i, OWNER, password).await,
                StatusCode::TOO_MANY_REQUESTS,
                "host {i} refuses the attacker's address"
            );
        }
    }
    let owner = client_from(Ipv4Addr::new(127, 0, 0, 3));
    assert_eq!(
        sign_in(&cluster, &owner, 1, OWNER, PASSWORD).await,
        StatusCode::OK,
        "the owner signs in from another address"
    );

    // Ten free failures of one address (any names), alternating hosts;
    // then each try must wait, on either host.
    let sprayer = client_from(Ipv4Addr::new(127, 0, 0, 4));
    for n in 0..10 {
        let status = sign_in(
            &cluster,
            &sprayer,
            n % 2,
            &format!("nobody{n}"),
            "guess-123456",
        )
        .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "failure {n}");
    }
    for i in 0..2 {
        assert_eq!(
            sign_in(&cluster, &sprayer, i, "nobody-else", "guess-123456").await,
            StatusCode::TOO_MANY_REQUESTS,
            "host {i} makes the sprayer wait"
        );
    }
    let kept = cluster.count("SELECT COUNT(*) FROM signin_failures").await;
    assert!(kept >= 4, "counters in the database: {kept}");
}

/// Sign in on host `i` as `name`: the session cookie (`name=value`).
async fn console_cookie(cluster: &Cluster, i: usize, name: &str, password: &str) -> String {
    let url = cluster.url(i).expect("host running");
    let r = cluster
        .http
        .post(format!("{url}/console/api/login"))
        .json(&json!({ "name": name, "password": password }))
        .send()
        .await
        .expect("login request");
    assert_eq!(r.status(), 200, "signed in on host {i}");
    r.headers()["set-cookie"]
        .to_str()
        .expect("ascii cookie")
        .split(';')
        .next()
        .expect("cookie")
        .to_string()
}

/// A console's live channel (`GET /console/api/events`, Server-Sent
/// Events) on host `i`, read in the background: every event's name and
/// data, in order. Returns once the stream said `ready`.
async fn live_console(
    cluster: &Cluster,
    i: usize,
    cookie: &str,
) -> Arc<std::sync::Mutex<Vec<(String, Value)>>> {
    let url = cluster.url(i).expect("host running");
    let mut r = reqwest::Client::new()
        .get(format!("{url}/console/api/events"))
        .header("cookie", cookie)
        .send()
        .await
        .expect("live channel");
    assert_eq!(r.status(), 200, "live channel on host {i}");
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let (ready_tx, ready) = tokio::sync::oneshot::channel();
    let out = seen.clone();
    tokio::spawn(async move {
        let mut ready_tx = Some(ready_tx);
        let mut buf = String::new();
        while let Ok(Some(chunk)) = r.chunk().await {
            buf.push_str(&String::from_utf8_lossy(&chunk));
            // One event per blank-line-terminated block.
            while let Some(end) = buf.find("\n\n") {
                let block: String = buf.drain(..end + 2).collect();
                let mut name = String::new();
                let mut data = String::new();
                for line in block.lines() {
                    if let Some(v) = line.strip_prefix("event:") {
                        name = v.trim().to_string();
                    } else if let Some(v) = line.strip_prefix("data:") {
                        data.push_str(v.trim());
                    }
                }
                if name == "ready"
                    && let Some(tx) = ready_tx.take()
                {
                    let _ = tx.send(());
                }
                if !name.is_empty() {
                    let data = serde_json::from_str(&data).unwrap_or(Value::Null);
                    out.lock().expect("events").push((name, data));
                }
            }
        }
    });
    tokio::time::timeout(Duration::from_secs(10), ready)
        .await
        .expect("the live channel said ready")
        .expect("the live channel said ready");
    seen
}

/// Console live notices cross hosts: a rep has the console open on each of
/// two hosts; customers writing through host 0 ask for a person, and every
/// escalation — stored by whichever host owns the conversation — reaches
/// the rep's live channel on both hosts, so the one on the other host sees
/// an escalation raised on this one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rep_on_one_host_sees_escalations_raised_on_another() {
    use agent_store::sales::{Role, Scope};
    const HOSTS: usize = 2;
    const CUSTOMERS: usize = 2;
    let run = "live";
    let cluster = Cluster::start(run, HOSTS, |_| {}).await;
    cluster
        .add_user(
            "rita",
            "rita-password-1",
            Role::Rep,
            &Scope::parse("fashion"),
        )
        .await;
    let mut consoles = Vec::new();
    for i in 0..HOSTS {
        let cookie = console_cookie(&cluster, i, "rita", "rita-password-1").await;
        consoles.push(live_console(&cluster, i, &cookie).await);
    }
    for i in 0..CUSTOMERS {
        let c = customer(i);
        for (k, text) in [
            "oi! quero um tênis de corrida preto",
            "quero falar com um atendente",
        ]
        .into_iter()
        .enumerate()
        {
            let wamid = format!("wamid.{run}.{i}.{k}");
            let body = text_envelope(PHONE_NUMBER_ID, &c, "Customer", &wamid, text);
            cluster.deliver(0, &body).await;
            cluster.wait_handled(&wamid, Duration::from_secs(60)).await;
        }
    }
    // A handled message's escalation is a turn effect the sales consumer
    // carries out after the turn commits: wait for it (bounded).
    let deadline = Instant::now() + Duration::from_secs(20);
    let escalations: Vec<String> = loop {
        let ids: Vec<String> = sqlx::query("SELECT id FROM sales_escalations ORDER BY id")
            .fetch_all(&cluster.db)
            .await
            .expect("escalations")
            .iter()
            .filter_map(|r| r.try_get::<String, _>(0).ok())
            .collect();
        if ids.len() >= CUSTOMERS || Instant::now() >= deadline {
            break ids;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(escalations.len(), CUSTOMERS, "one escalation per customer");
    // Each stored by one host; announced on the consoles of both.
    let deadline = Instant::now() + Duration::from_secs(10);
    for id in &escalations {
        // The host logs the escalation just after storing it: the row can
        // be read a moment before the line is written.
        let stored_by: Vec<usize> = loop {
            let by: Vec<usize> = (0..HOSTS)
                .filter(|h| {
                    cluster
                        .log(*h)
                        .lines()
                        .any(|l| l.contains("escalation queued") && l.contains(id.as_str()))
                })
                .collect();
            if !by.is_empty() {
                break by;
            }
            assert!(Instant::now() < deadline, "{id} stored by a host");
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        for (i, console) in consoles.iter().enumerate() {
            loop {
                let seen = console.lock().expect("events").iter().any(|(name, data)| {
                    name == "escalation" && data["escalation_id"] == id.as_str()
                });
                if seen {
                    break;
                }
                assert!(
                    Instant::now() < deadline,
                    "the console on host {i} never announced {id} (stored by host {}): {:?}",
                    stored_by[0],
                    console.lock().expect("events")
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
        eprintln!(
            "{id}: stored by host {}, announced on both hosts' consoles",
            stored_by[0]
        );
    }
}
