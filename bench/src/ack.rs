//! The acknowledgement of one large delivery (issue 12, "fast
//! acknowledgements"): one signed WhatsApp webhook carrying `messages` text
//! messages from `customers` customers plus one malformed message (no
//! sender), posted to a freshly started real host (child process, the real
//! plugins); the time from just before the POST to the complete response.
//! The host answers once every good message is stored (one transaction)
//! and processes them from storage afterwards; the malformed one is
//! skipped, the rest kept (`tests/tests/bad_storage.rs` checks what is
//! stored; this only times it).
//!
//! Each repetition starts a new host on an empty database, so every run
//! stores the same 10,000 new messages and 1,000 new conversations.

use std::time::Duration;

use agent_store::whatsapp::signature;
use anyhow::Context;
use serde_json::{Value, json};
use tokio::time::Instant;

use crate::target::{self, Backend, Placement, StoreFiles, System, Telemetry};

/// What to post, how often.
#[derive(Debug, Clone)]
pub struct AckOptions {
    pub messages: usize,
    pub customers: usize,
    pub repetitions: usize,
    pub backend: Backend,
    pub files: StoreFiles,
    pub amqp_url: String,
}

/// One repetition.
#[derive(Debug, Clone)]
pub struct AckRun {
    pub status: u16,
    pub took: Duration,
    pub bytes: usize,
    /// Load averages just before the POST.
    pub loadavg: String,
}

/// The business number the delivery is addressed to.
const NUMBER: &str = "109900000000001";

/// The delivery: `messages` texts from `customers` customers, and one
/// message without a sender in the middle.
pub fn delivery(messages: usize, customers: usize, tag: &str) -> Value {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
        .to_string();
    let customers = customers.max(1);
    let wa_id = |i: usize| format!("5511977{:06}", i % customers);
    let contacts: Vec<Value> = (0..customers)
        .map(|i| json!({"profile": {"name": format!("C{i}")}, "wa_id": wa_id(i)}))
        .collect();
    let mut list: Vec<Value> = (0..messages)
        .map(|i| {
            json!({"from": wa_id(i), "id": format!("wamid.ack.{tag}.{i}"), "timestamp": now,
                   "type": "text", "text": {"body": format!("hello, message {i}")}})
        })
        .collect();
    // Malformed: no sender, nobody to answer. Skipped, the rest kept.
    list.insert(
        messages / 2,
        json!({"id": format!("wamid.ack.{tag}.bad"), "timestamp": now,
               "type": "text", "text": {"body": "no sender"}}),
    );
    json!({
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": NUMBER, "phone_number_id": NUMBER},
            "contacts": contacts,
            "messages": list,
        }}]}]
    })
}

/// Run the repetitions, one fresh host each.
pub async fn run(o: &AckOptions) -> anyhow::Result<Vec<AckRun>> {
    crate::procstat::raise_fd_limit();
    let (standin, _inboxes) = crate::standin::StandIn::new(&[]);
    let graph_url = standin.serve().await?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(300))
        .build()?;
    let mut runs = Vec::with_capacity(o.repetitions);
    for rep in 0..o.repetitions {
        let setup = target::Setup {
            secret: format!("bench-secret-{}", uuid::Uuid::new_v4().simple()),
            graph_url: graph_url.clone(),
            numbers: vec![NUMBER.to_string()],
            pace_per_second: 1000.0,
            amqp_url: o.amqp_url.clone(),
            telemetry: Telemetry::Metrics,
            otlp_url: None,
            body_limit: Some(32 * 1024 * 1024),
            hosts: 1,
        };
        let mut running = target::start(
            System::Store(o.backend),
            Placement::ChildProcess,
            &setup,
            &o.files,
        )
        .await?;
        let body = delivery(o.messages, o.customers, &rep.to_string());
        let raw = serde_json::to_vec(&body)?;
        let sig = signature::sign(setup.secret.as_bytes(), &raw);
        let bytes = raw.len();
        let loadavg = crate::procstat::loadavg();
        let started = Instant::now();
        let response = http
            .post(&running.webhook_url)
            .header("content-type", "application/json")
            .header(signature::HEADER, sig)
            .body(raw)
            .send()
            .await
            .context("posting the delivery")?;
        let status = response.status().as_u16();
        let _ = response.bytes().await;
        let took = started.elapsed();
        if status != 200 {
            eprintln!("host log:\n{}", running.log_tail());
        }
        eprintln!(
            "run {}: {status} in {:.1} ms ({bytes} bytes, load average {loadavg})",
            rep + 1,
            took.as_secs_f64() * 1000.0
        );
        runs.push(AckRun {
            status,
            took,
            bytes,
            loadavg,
        });
        running.stop().await;
    }
    Ok(runs)
}

/// p50 and max of the runs (nearest rank).
pub fn summary(runs: &[AckRun]) -> (Duration, Duration) {
    let mut t: Vec<Duration> = runs.iter().map(|r| r.took).collect();
    t.sort();
    let p50 = t
        .get(t.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or_default();
    (p50, t.last().copied().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delivery_has_every_message_and_one_without_a_sender() {
        let d = delivery(10, 3, "t");
        let messages = d["entry"][0]["changes"][0]["value"]["messages"]
            .as_array()
            .expect("messages");
        assert_eq!(messages.len(), 11);
        assert_eq!(messages.iter().filter(|m| m["from"].is_null()).count(), 1);
        let parsed = agent_store::whatsapp::payload::parse(&serde_json::to_vec(&d).expect("json"))
            .expect("the delivery parses");
        assert_eq!(parsed.messages.len(), 10, "the malformed one is skipped");
    }

    #[test]
    fn p50_and_max() {
        let run = |ms| AckRun {
            status: 200,
            took: Duration::from_millis(ms),
            bytes: 0,
            loadavg: String::new(),
        };
        let runs: Vec<AckRun> = [30, 10, 20, 50, 40].into_iter().map(run).collect();
        assert_eq!(
            summary(&runs),
            (Duration::from_millis(30), Duration::from_millis(50))
        );
    }
}
