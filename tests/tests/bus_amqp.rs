//! The end-to-end laptop scenario with `bus.backend = "amqp"`: the same
//! pipeline over the real RabbitMQ at 127.0.0.1:5672; and the broker
//! dropping the host's connections mid-load, or unreachable for seconds
//! (stopped and started, as the host sees it), with every reply counted
//! where the outside world sees it (the Graph API stand-in).

mod common;

use std::time::{Duration, Instant};

use common::{
    Harness, PHONE_NUMBER_ID, SECRET, demo_catalog, plugins_dir, products_shown, readable,
};

/// The pipeline's consumer groups (their queues are deleted at the end).
const GROUPS: [&str; 4] = ["route", "sell", "render", "send"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn laptop_question_is_answered_over_rabbitmq() {
    let prefix = format!("test.e2e.{}", std::process::id());
    let h = Harness::start_with(plugins_dir(), |c| {
        c.bus.backend = "amqp".into();
        c.bus.prefix = prefix.clone();
        // A killed or failed run must not leave its queues in the broker.
        c.bus.queue_expires_ms = 60_000;
    })
    .await;
    let bus_config = h.app.state.config.bus.clone();

    let status = h
        .say(
            "15551239001",
            "wamid.amqp.laptop",
            "hi, I'm looking for a new laptop",
        )
        .await;
    assert_eq!(status, 200);
    let replies = h.sink.to("15551239001");
    assert!(
        !replies.is_empty(),
        "a reply went out through the Graph API"
    );
    let conversation = h
        .conversation_of("15551239001")
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
    assert!(
        readable(&replies).to_lowercase().contains("laptop"),
        "the reply is about laptops: {}",
        readable(&replies)
    );

    // The same webhook again (Meta retries): no second reply.
    let first = replies.len();
    h.say(
        "15551239001",
        "wamid.amqp.laptop",
        "hi, I'm looking for a new laptop",
    )
    .await;
    assert_eq!(h.sink.to("15551239001").len(), first, "no reply doubled");

    h.app.state.bus.close().await;
    let groups: Vec<String> = GROUPS.iter().map(|g| g.to_string()).collect();
    agent_store::bus::amqp::delete_topology(&bus_config, &groups)
        .await
        .expect("topology deleted");
}

/// A bus prefix no other run uses (queues expire if the run dies).
fn unique_prefix(test: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .subsec_nanos();
    format!("test.e2e.{test}.{}.{nanos}", std::process::id())
}

/// `rabbitmqctl`, bounded: a wedged broker fails the test, never hangs it.
fn rabbitmqctl(args: &[&str]) -> String {
    let out = std::process::Command::new("timeout")
        .args(["-k", "5", "30", "rabbitmqctl"])
        .args(args)
        .output()
        .expect("rabbitmqctl runs");
    assert!(out.status.success(), "rabbitmqctl {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The broker's ids of this test's host connections (their names start
/// with the bus prefix).
fn connections_of(prefix: &str) -> Vec<String> {
    rabbitmqctl(&[
        "list_connections",
        "pid",
        "client_properties",
        "-q",
        "--no-table-headers",
    ])
    .lines()
    .filter(|l| l.contains(prefix))
    .filter_map(|l| l.split_whitespace().next().map(str::to_string))
    .collect()
}

/// Close these connections from the broker side, as `rabbitmqctl
/// close_all_connections` would, without touching other tests' connections
/// on the shared broker.
fn close_connections(pids: &[String]) {
    for pid in pids {
        rabbitmqctl(&["close_connection", pid, "test: the broker drops the host"]);
    }
}

const LOAD_TEXT: &str = "hi, I'm looking for a new laptop";

/// POST one customer message the way Meta does: retried (same wamid) until
/// acknowledged with 200, within a bounded time.
async fn deliver(h: &Harness, from: &str, wamid: &str) {
    let body = agent_store::whatsapp::payload::text_envelope(
        PHONE_NUMBER_ID,
        from,
        "Test Customer",
        wamid,
        LOAD_TEXT,
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let status = h.post_webhook(&body, SECRET).await.status();
        if status == 200 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{wamid} never acknowledged (last {status})"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Customers whose replies are all out (as many as the baseline customer's).
fn answered(h: &Harness, customers: &[String], expected: usize) -> usize {
    customers
        .iter()
        .filter(|c| h.sink.to(c).len() >= expected)
        .count()
}

/// RabbitMQ drops the host's connections while 120 customers are being
/// answered. Sends are counted at the Graph API stand-in: every customer
/// gets exactly the replies an undisturbed customer got (none lost, none
/// doubled). The host and the tests dedupe nothing themselves here: any
/// redelivery must be absorbed by the product's own idempotency (inbound
/// by wamid, events by id, the outbox).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broker_dropping_connections_mid_load_loses_and_doubles_no_reply() {
    let prefix = unique_prefix("drop");
    let h = Harness::start_with(plugins_dir(), |c| {
        c.bus.backend = "amqp".into();
        c.bus.prefix = prefix.clone();
        c.bus.queue_expires_ms = 60_000;
    })
    .await;
    let bus_config = h.app.state.config.bus.clone();

    // An undisturbed customer: what every customer must get, once.
    h.say("15551238000", "wamid.drop.baseline", LOAD_TEXT).await;
    let baseline = h.sink.to("15551238000");
    assert!(!baseline.is_empty(), "the baseline customer was answered");
    let expected = baseline.len();

    // Listed before the load: rabbitmqctl takes a second or two to start.
    let pids = connections_of(&prefix);
    assert!(!pids.is_empty(), "the host's broker connections are listed");

    const N: usize = 120;
    let customers: Vec<String> = (0..N).map(|i| format!("1555123{i:04}")).collect();
    let h = std::sync::Arc::new(h);
    let load = {
        let h = h.clone();
        let customers = customers.clone();
        tokio::spawn(async move {
            let mut posts = tokio::task::JoinSet::new();
            // Paced arrivals (20/s for 6 s), so the drop lands mid-stream.
            let mut tick = tokio::time::interval(Duration::from_millis(50));
            for (i, c) in customers.into_iter().enumerate() {
                tick.tick().await;
                let h = h.clone();
                posts.spawn(async move { deliver(&h, &c, &format!("wamid.drop.{i}")).await });
            }
            while let Some(r) = posts.join_next().await {
                r.expect("delivery task");
            }
        })
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    // `rabbitmqctl` takes seconds to act: start it early in the stream.
    while answered(&h, &customers, expected) < N / 10 {
        assert!(Instant::now() < deadline, "a tenth answered within 60 s");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    close_connections(&pids);
    let at_close = answered(&h, &customers, expected);
    eprintln!("connections {pids:?} closed with {at_close} of {N} customers answered");
    assert!(
        at_close < N,
        "the drop happened mid-load ({at_close} of {N} answered)"
    );
    tokio::time::timeout(Duration::from_secs(90), load)
        .await
        .expect("every message acknowledged within 90 s")
        .expect("load task");

    let deadline = Instant::now() + Duration::from_secs(90);
    while answered(&h, &customers, expected) < N {
        assert!(
            Instant::now() < deadline,
            "every customer answered within 90 s: {} of {N}",
            answered(&h, &customers, expected)
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    h.settle().await;
    let mut lost = Vec::new();
    let mut doubled = Vec::new();
    for c in &customers {
        let got = h.sink.to(c);
        if got.len() < expected {
            lost.push(c.clone());
        } else if got.len() > expected || readable(&got) != readable(&baseline) {
            doubled.push((c.clone(), readable(&got)));
        }
    }
    assert!(lost.is_empty(), "customers missing replies: {lost:?}");
    assert!(
        doubled.is_empty(),
        "customers with doubled or different replies (expected {expected}: {:?}): {doubled:?}",
        readable(&baseline)
    );
    let now = connections_of(&prefix);
    assert!(
        !now.is_empty() && now.iter().all(|p| !pids.contains(p)),
        "the host reconnected: {pids:?} then {now:?}"
    );

    h.app.state.bus.close().await;
    let groups: Vec<String> = GROUPS.iter().map(|g| g.to_string()).collect();
    agent_store::bus::amqp::delete_topology(&bus_config, &groups)
        .await
        .expect("topology deleted");
}

/// A TCP relay in front of the broker that can go away and come back: while
/// down it refuses new connections and cuts every open one, so to the host
/// the broker is stopped (connection refused) until it is started again;
/// what the broker stored meanwhile (quorum queues) survives, as it does a
/// broker restart. The shared broker itself is never stopped: other tests
/// use it at the same time.
async fn relay(port: u16, mut up: tokio::sync::watch::Receiver<bool>) {
    loop {
        if up.wait_for(|u| *u).await.is_err() {
            return;
        }
        let listener = loop {
            match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
                Ok(l) => break l,
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            }
        };
        // What each relayed connection watches (to be cut when down).
        let watcher = up.clone();
        loop {
            tokio::select! {
                accepted = listener.accept() => {
                    let Ok((mut inbound, _)) = accepted else { continue };
                    let mut down = watcher.clone();
                    tokio::spawn(async move {
                        let Ok(mut outbound) = tokio::net::TcpStream::connect("127.0.0.1:5672").await
                        else {
                            return;
                        };
                        tokio::select! {
                            _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                            _ = down.wait_for(|u| !*u) => {}
                        }
                    });
                }
                changed = up.wait_for(|u| !*u) => {
                    if changed.is_err() {
                        return;
                    }
                    break;
                }
            }
        }
    }
}

/// RabbitMQ unreachable for a few seconds mid-load (stopped, from the
/// host's side: every connection cut, new ones refused), then back. Sends
/// are counted at the Graph API stand-in: every customer gets exactly the
/// replies an undisturbed customer got, none lost, none doubled.
///
/// It found a reconnect bug (session 6): a consumer group could wait for
/// ever on a broker round trip of the lost connection, so the host never
/// consumed again on the new one (some replies never came and the queues
/// expired). Every consuming-side round trip is bounded now.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broker_stopped_and_started_mid_load_loses_and_doubles_no_reply() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let (up, up_rx) = tokio::sync::watch::channel(true);
    let relay_task = tokio::spawn(relay(port, up_rx));
    let prefix = unique_prefix("restart");
    let h = Harness::start_with(plugins_dir(), |c| {
        c.bus.backend = "amqp".into();
        c.bus.amqp_url = format!("amqp://guest:guest@127.0.0.1:{port}/%2f");
        c.bus.prefix = prefix.clone();
        c.bus.queue_expires_ms = 60_000;
    })
    .await;
    let bus_config = h.app.state.config.bus.clone();

    h.say("15551237000", "wamid.restart.baseline", LOAD_TEXT)
        .await;
    let baseline = h.sink.to("15551237000");
    assert!(!baseline.is_empty(), "the baseline customer was answered");
    let expected = baseline.len();

    const N: usize = 60;
    let customers: Vec<String> = (0..N).map(|i| format!("1555127{i:04}")).collect();
    let h = std::sync::Arc::new(h);
    let load = {
        let h = h.clone();
        let customers = customers.clone();
        tokio::spawn(async move {
            let mut posts = tokio::task::JoinSet::new();
            // Paced arrivals (20/s for 3 s), so the outage lands mid-stream.
            let mut tick = tokio::time::interval(Duration::from_millis(50));
            for (i, c) in customers.into_iter().enumerate() {
                tick.tick().await;
                let h = h.clone();
                posts.spawn(async move { deliver(&h, &c, &format!("wamid.restart.{i}")).await });
            }
            while let Some(r) = posts.join_next().await {
                r.expect("delivery task");
            }
        })
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    while answered(&h, &customers, expected) < N / 10 {
        assert!(Instant::now() < deadline, "a tenth answered within 60 s");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    // The broker goes away...
    up.send_replace(false);
    let at_stop = answered(&h, &customers, expected);
    until("the host sees the broker gone", 30, || async {
        !h.app.state.bus.is_up()
    })
    .await;
    // ...for a few seconds (customers keep writing: their messages are
    // stored and acknowledged, or retried by "Meta")...
    tokio::time::sleep(Duration::from_secs(4)).await;
    up.send_replace(true);
    eprintln!("broker away with {at_stop} of {N} customers answered; back now");
    assert!(
        at_stop < N,
        "the outage happened mid-load ({at_stop} of {N})"
    );
    until("the host reconnects", 60, || async {
        h.app.state.bus.is_up()
    })
    .await;
    tokio::time::timeout(Duration::from_secs(120), load)
        .await
        .expect("every message acknowledged within 120 s")
        .expect("load task");
    let deadline = Instant::now() + Duration::from_secs(120);
    while answered(&h, &customers, expected) < N {
        assert!(
            Instant::now() < deadline,
            "every customer answered within 120 s: {} of {N}; queues (ready, unacked, consumers):\n{}",
            answered(&h, &customers, expected),
            rabbitmqctl(&[
                "list_queues",
                "name",
                "messages_ready",
                "messages_unacknowledged",
                "consumers",
                "-q",
                "--no-table-headers",
            ])
            .lines()
            .filter(|l| l.contains(&prefix))
            .collect::<Vec<_>>()
            .join("\n")
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    h.settle().await;
    let mut lost = Vec::new();
    let mut doubled = Vec::new();
    for c in &customers {
        let got = h.sink.to(c);
        if got.len() < expected {
            lost.push(c.clone());
        } else if got.len() > expected || readable(&got) != readable(&baseline) {
            doubled.push((c.clone(), readable(&got)));
        }
    }
    assert!(lost.is_empty(), "customers missing replies: {lost:?}");
    assert!(
        doubled.is_empty(),
        "customers with doubled or different replies (expected {expected}: {:?}): {doubled:?}",
        readable(&baseline)
    );

    h.app.state.bus.close().await;
    relay_task.abort();
    let groups: Vec<String> = GROUPS.iter().map(|g| g.to_string()).collect();
    let mut direct = bus_config.clone();
    direct.amqp_url = "amqp://guest:guest@127.0.0.1:5672/%2f".into();
    agent_store::bus::amqp::delete_topology(&direct, &groups)
        .await
        .expect("topology deleted");
}

/// Wait (bounded) until `cond` holds.
async fn until<F, Fut>(what: &str, secs: u64, mut cond: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
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
