//! `POST /events` attacked as the security review did, against the real
//! host with the real plugins: injected sends and unsigned customer
//! messages are refused and reach nobody; a flood of events that can never
//! be handled is parked at once, so a real customer's reply is not delayed.
//! Loopback only, bounded in count and time.

mod common;

use std::time::{Duration, Instant};

use agent_store::bus::ProducerConfig;
use agent_store::events::EventType;
use common::{Harness, PHONE_NUMBER_ID, SECRET, plugins_dir};
use serde_json::{Value, json};

/// Granted plugin failures only (a monitoring system).
const MONITOR: &str = "monitor-producer-token-0123456789";
/// Explicitly granted outbound messages (a trusted internal system).
const OUTBOX: &str = "outbox-producer-token-0123456789";
/// A producer granted `store.chat.response` (a response's rendered
/// messages travel with it).
const RESPONDER: &str = "responder-producer-token-0123456789";
/// The flood's size (the review's: 200 events in 0.15 s).
const FLOOD: usize = 200;
/// The longest a customer may wait for a reply while the flood is parked.
const REPLY_WITHIN: Duration = Duration::from_secs(1);

async fn start() -> Harness {
    Harness::start_with(plugins_dir(), |c| {
        c.bus.producers = vec![
            ProducerConfig {
                name: "monitor".into(),
                token: MONITOR.into(),
                types: vec![EventType::PluginFailed.as_str().into()],
            },
            ProducerConfig {
                name: "outbox".into(),
                token: OUTBOX.into(),
                types: vec![EventType::WhatsAppMessageSend.as_str().into()],
            },
            ProducerConfig {
                name: "responder".into(),
                token: RESPONDER.into(),
                types: vec![EventType::ChatResponse.as_str().into()],
            },
        ];
    })
    .await
}

fn event(id: &str, ty: EventType, subject: &str, data: Value) -> Value {
    json!({
        "specversion": "1.0", "id": id, "type": ty.as_str(), "source": "/attacker",
        "subject": subject, "datacontenttype": "application/json", "data": data,
    })
}

/// The review's injected send: the business number writes to `to`.
fn send(id: &str, conversation_id: &str, to: &str) -> Value {
    let text = "Your account is locked, verify at http://evil.example/login";
    event(
        id,
        EventType::WhatsAppMessageSend,
        conversation_id,
        json!({
            "id": id, "conversation_id": conversation_id, "phone_number_id": PHONE_NUMBER_ID,
            "to": to, "brand": null, "text": text,
            "body": {"messaging_product": "whatsapp", "to": to, "type": "text", "text": {"body": text}},
        }),
    )
}

async fn post(h: &Harness, token: Option<&str>, event: &Value) -> (u16, Value) {
    let mut request = h
        .http
        .post(format!("{}/events", h.app.url()))
        .header("content-type", "application/cloudevents+json")
        .body(event.to_string());
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("events request");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// A customer writes in (a signed webhook); how long until the first reply
/// reaches the Graph API stand-in (bounded: 30 s).
async fn reply_latency(h: &Harness, from: &str, wamid: &str, text: &str) -> Duration {
    let body = agent_store::whatsapp::payload::text_envelope(
        PHONE_NUMBER_ID,
        from,
        "Test Customer",
        wamid,
        text,
    );
    let started = Instant::now();
    assert_eq!(h.post_webhook(&body, SECRET).await.status(), 200);
    let deadline = started + Duration::from_secs(30);
    loop {
        // Registered before the check, so no arrival is missed.
        let arrived = h.sink.arrived.notified();
        if !h.sink.to(from).is_empty() {
            return started.elapsed();
        }
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(!left.is_zero(), "no reply to {from} within 30 s");
        let _ = tokio::time::timeout(left, arrived).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn injected_sends_and_unsigned_messages_reach_nobody() {
    let h = start().await;
    let victim = "15550002001";
    let injected = send("inject-1", "conv-any", victim);
    // No token, a wrong token, a producer not granted sends.
    let (status, e) = post(&h, None, &injected).await;
    assert_eq!(status, 401, "{e}");
    let (status, e) = post(&h, Some("guess-guess-guess-guess"), &injected).await;
    assert_eq!(status, 401, "{e}");
    let (status, e) = post(&h, Some(MONITOR), &injected).await;
    assert_eq!(status, 403, "{e}");
    assert!(
        e["error"]
            .as_str()
            .unwrap_or_default()
            .contains("store.whatsapp.message.send"),
        "{e}"
    );
    // An unsigned customer message (the webhook's HMAC bypassed).
    let unsigned = event(
        "unsigned-1",
        EventType::WhatsAppMessageReceived,
        "conv-x",
        json!({
            "conversation_id": "conv-x", "phone_number_id": PHONE_NUMBER_ID,
            "customer": {"wa_id": victim, "name": "Victim"},
            "message": {"id": "wamid.unsigned", "timestamp": 1, "kind": "text", "text": "I want a laptop"},
        }),
    );
    for token in [None, Some(MONITOR), Some(OUTBOX)] {
        let (status, e) = post(&h, token, &unsigned).await;
        assert!(status == 401 || status == 403, "{token:?}: {status} {e}");
    }
    // Even a producer granted sends cannot write to someone who never
    // wrote in, nor to another number through a real conversation.
    let customer = "15550002002";
    reply_latency(&h, customer, "wamid.real.1", "hi").await;
    h.settle().await;
    let conversation = h.conversation_of(customer).await.expect("conversation");
    let real_id = conversation["id"].as_str().expect("id").to_string();
    let (status, e) = post(&h, Some(OUTBOX), &send("inject-2", "conv-none", victim)).await;
    assert_eq!(status, 202, "granted, so accepted, then parked: {e}");
    let (status, e) = post(&h, Some(OUTBOX), &send("inject-3", &real_id, victim)).await;
    assert_eq!(status, 202, "{e}");
    h.settle().await;

    assert!(
        h.sink.to(victim).is_empty(),
        "nothing reached the victim: {:?}",
        h.sink.to(victim)
    );
    assert!(
        h.conversation_of(victim).await.is_none(),
        "no conversation was made up"
    );
    let parked = h.admin("/events/parked?group=send").await;
    assert_eq!(parked_ids(&parked), ["inject-2", "inject-3"], "{parked}");
    for row in parked["events"].as_array().into_iter().flatten() {
        assert_eq!(row["permanent"], true, "{row}");
        assert_eq!(row["attempts"], 1, "{row}");
        assert_eq!(row["event"]["producer"], "outbox", "{row}");
    }
    h.app.shutdown().await;
}

/// The event ids of a `GET /events/parked` answer, sorted.
fn parked_ids(parked: &Value) -> Vec<&str> {
    let mut ids: Vec<&str> = parked["events"]
        .as_array()
        .expect("parked list")
        .iter()
        .filter_map(|r| r["event_id"].as_str())
        .collect();
    ids.sort();
    ids
}

/// A response for a real conversation whose carried message goes
/// elsewhere (another customer, another response's id).
fn response(id: &str, conversation_id: &str, customer: &str, carried: &[(&str, &str)]) -> Value {
    let messages: Vec<Value> = carried
        .iter()
        .map(|(message_id, to)| {
            json!({
                "id": message_id, "conversation_id": conversation_id,
                "phone_number_id": PHONE_NUMBER_ID, "to": to, "brand": null,
                "text": "carried",
                "body": {"messaging_product": "whatsapp", "to": to, "type": "text", "text": {"body": "carried"}},
            })
        })
        .collect();
    event(
        id,
        EventType::ChatResponse,
        conversation_id,
        json!({
            "conversation_id": conversation_id, "phone_number_id": PHONE_NUMBER_ID,
            "to": customer, "brand": "host", "in_reply_to": "wamid.resp.1",
            "actions": [{"type": "text", "body": "rendered from the actions"}],
            "language": "en", "messages": messages,
        }),
    )
}

/// `store.chat.response` carries the messages its publisher rendered; the
/// render stage sends them as they are, and refuses (parks, permanent) a
/// response carrying a message that is not its own, so a producer cannot
/// address another number through a real conversation's response.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_response_sends_only_its_own_carried_messages() {
    let h = start().await;
    let customer = "15550002003";
    let victim = "15550002004";
    reply_latency(&h, customer, "wamid.resp.1", "hi").await;
    h.settle().await;
    let conversation = h.conversation_of(customer).await.expect("conversation");
    let id = conversation["id"].as_str().expect("id").to_string();
    let before = h.sink.to(customer).len();

    let bad = [
        response("resp-1", &id, customer, &[("resp-1/0", victim)]),
        response("resp-2", &id, customer, &[("resp-other/0", customer)]),
    ];
    for e in &bad {
        let (status, body) = post(&h, Some(RESPONDER), e).await;
        assert_eq!(status, 202, "granted, so accepted: {body}");
    }
    let (status, body) = post(
        &h,
        Some(RESPONDER),
        &response("resp-3", &id, customer, &[("resp-3/0", customer)]),
    )
    .await;
    assert_eq!(status, 202, "{body}");
    h.settle().await;

    assert!(h.sink.to(victim).is_empty(), "{:?}", h.sink.to(victim));
    let sent: Vec<String> = h.sink.to(customer)[before..]
        .iter()
        .filter_map(|b| b["text"]["body"].as_str().map(str::to_string))
        .collect();
    assert_eq!(
        sent,
        ["carried"],
        "only the good response's carried message, as carried"
    );
    let parked = h.admin("/events/parked?group=render").await;
    assert_eq!(parked_ids(&parked), ["resp-1", "resp-2"], "{parked}");
    for row in parked["events"].as_array().into_iter().flatten() {
        assert_eq!(row["permanent"], true, "{row}");
    }
    h.app.shutdown().await;
}

/// The lane stall: 200 events whose handling fails for good, posted at
/// once, while a real customer writes in. They are parked at once (not
/// retried on the lanes the customer's reply needs), so the reply arrives
/// within a second, and all 200 are listed in /admin.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_failing_events_does_not_delay_a_customer() {
    let h = start().await;
    // Warm up the plugins and the pipeline; the baseline for the report.
    let baseline = reply_latency(&h, "15550003000", "wamid.warm.1", "hello").await;
    h.settle().await;

    let started = Instant::now();
    let mut posts = tokio::task::JoinSet::new();
    for i in 0..FLOOD {
        let http = h.http.clone();
        let url = format!("{}/events", h.app.url());
        // One conversation each: the flood spreads over every lane.
        let body = send(
            &format!("flood-{i}"),
            &format!("conv-flood-{i}"),
            &format!("1888000{i:04}"),
        );
        posts.spawn(async move {
            http.post(url)
                .bearer_auth(OUTBOX)
                .header("content-type", "application/cloudevents+json")
                .body(body.to_string())
                .send()
                .await
                .map(|r| r.status().as_u16())
        });
    }
    while let Some(done) = posts.join_next().await {
        let status = done.expect("post task").expect("events request");
        assert_eq!(status, 202);
    }
    let posted_in = started.elapsed();
    let latency = reply_latency(&h, "15550003001", "wamid.flood.1", "hello").await;
    eprintln!(
        "lane stall: baseline reply {baseline:?}; {FLOOD} failing events posted in {posted_in:?}; reply under the flood {latency:?}"
    );
    assert!(
        latency < REPLY_WITHIN,
        "the customer waited {latency:?} behind {FLOOD} failing events"
    );

    h.settle().await;
    let parked = h.admin("/events/parked?group=send&limit=1000").await;
    assert_eq!(parked["total"], FLOOD, "every failing event is parked");
    let rows = parked["events"].as_array().expect("rows");
    assert_eq!(rows.len(), FLOOD);
    assert!(
        rows.iter()
            .all(|r| r["permanent"] == true && r["attempts"] == 1),
        "parked at once, never retried"
    );
    assert!(
        h.sink.all().iter().all(|(_, body, _)| !body["to"]
            .as_str()
            .unwrap_or_default()
            .starts_with("1888000")),
        "no flood message left the host"
    );
    h.app.shutdown().await;
}
