//! The simulated customers: each one writes to one business number, sends
//! a signed text webhook, waits for the reply at the Graph API stand-in,
//! thinks, and sends the next message of its conversation. A few percent of
//! the requests are bad (malformed, oversized, unsigned, forged): they must
//! be refused, and are counted.
//!
//! A customer writes again only once its reply arrived (or was given up
//! on), so a message belongs to the customer's latest turn; the host's read
//! receipts name the inbound wamid, so a turn marked read twice (handled
//! twice) is seen exactly.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;
use std::time::Duration;

use agent_store::whatsapp::{payload, signature};
use bytes::Bytes;
use rand::Rng;
use tokio::sync::mpsc;
use tokio::time::Instant;

use crate::scenario;
use crate::standin::Arrival;

/// How the customers behave.
#[derive(Debug, Clone)]
pub struct Plan {
    pub customers: usize,
    /// Business numbers the customers write to (round robin).
    pub numbers: Vec<String>,
    /// Stop starting turns after this long (`None`: after `messages`).
    pub duration: Option<Duration>,
    /// Messages each customer sends (`None`: until `duration`).
    pub messages: Option<usize>,
    /// A customer's pause after a reply arrives before its next message.
    pub think: (Duration, Duration),
    /// Share of requests that are bad (malformed, oversized, unsigned, forged).
    pub bad_ratio: f64,
    /// A reply not at the Graph API this long after its webhook is lost.
    pub reply_timeout: Duration,
    /// Largest body the target accepts (oversized requests exceed it).
    pub body_limit: usize,
}

/// Where the customers send their webhooks.
#[derive(Debug, Clone)]
pub struct Target {
    /// Every host's webhook URL: requests go to each in turn, as a load
    /// balancer's round robin.
    pub webhook_urls: Vec<String>,
    pub secret: String,
}

/// One customer message and what came back.
#[derive(Debug, Clone, Default)]
pub struct Turn {
    pub sent_at: Option<Instant>,
    /// The webhook's HTTP status (0: the request failed).
    pub status: u16,
    /// Read receipts naming this turn's wamid (1 expected).
    pub reads: u32,
    /// Messages sent to the customer for this turn.
    pub messages: u32,
    /// The first reply message's arrival.
    pub replied_at: Option<Instant>,
    /// A message body sent twice within the turn.
    pub duplicate_bodies: u32,
    /// Hashes of the bodies sent in this turn.
    bodies: HashSet<u64>,
    /// What arrived for this turn, in order (for the anomaly dump).
    pub arrivals: Vec<String>,
}

impl Turn {
    pub fn accepted(&self) -> bool {
        self.status == 200
    }

    pub fn latency(&self) -> Option<Duration> {
        Some(self.replied_at? - self.sent_at?)
    }
}

/// Bad requests, by how the target answered.
#[derive(Debug, Clone, Default)]
pub struct BadCounts {
    pub sent: u64,
    /// Answered 4xx (or the connection closed on an oversized body).
    pub refused: u64,
    /// Answered 2xx: a bad request was taken.
    pub taken: u64,
    /// Anything else (5xx, transport errors on well-sized requests).
    pub other: u64,
}

impl BadCounts {
    pub fn add(&mut self, o: &BadCounts) {
        self.sent += o.sent;
        self.refused += o.refused;
        self.taken += o.taken;
        self.other += o.other;
    }
}

/// What one customer saw.
#[derive(Debug, Default)]
pub struct CustomerLog {
    pub turns: Vec<Turn>,
    pub bad: BadCounts,
    /// Arrivals that fit no turn (a read receipt of a wamid never sent, a
    /// message before the first read receipt).
    pub unexplained: u32,
    /// What the unexplained arrivals were (for the anomaly dump).
    pub unexplained_log: Vec<String>,
}

/// The bench's wa_id of customer `i`.
pub fn wa_id(i: usize) -> String {
    format!("5599{i:09}")
}

/// Shared by every customer.
pub struct Shared {
    pub plan: Plan,
    pub target: Target,
    pub http: reqwest::Client,
    pub oversized: Bytes,
    pub started: Instant,
    /// Requests sent, for the round robin over the hosts.
    round_robin: std::sync::atomic::AtomicUsize,
}

impl Shared {
    pub fn new(plan: Plan, target: Target) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .pool_max_idle_per_host(usize::MAX)
            .build()?;
        let oversized = oversized_body(plan.body_limit);
        Ok(Self {
            plan,
            target,
            http,
            oversized,
            started: Instant::now(),
            round_robin: std::sync::atomic::AtomicUsize::new(0),
        })
    }

    fn stop_before(&self, n: usize) -> bool {
        if let Some(m) = self.plan.messages
            && n >= m
        {
            return true;
        }
        self.plan
            .duration
            .is_some_and(|d| self.started.elapsed() >= d)
    }

    async fn post(&self, body: Bytes, signature: Option<String>) -> Result<u16, reqwest::Error> {
        let mut req = self
            .http
            .post(self.next_url())
            .header("content-type", "application/json");
        if let Some(sig) = signature {
            req = req.header(signature::HEADER, sig);
        }
        Ok(req.body(body).send().await?.status().as_u16())
    }

    /// The next host's webhook URL (round robin).
    fn next_url(&self) -> &str {
        let n = self
            .round_robin
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let urls = &self.target.webhook_urls;
        urls.get(n % urls.len().max(1)).map_or("", String::as_str)
    }

    fn sign(&self, body: &[u8]) -> String {
        signature::sign(self.target.secret.as_bytes(), body)
    }
}

/// A JSON body just over `limit` bytes (a text whose body is padding).
fn oversized_body(limit: usize) -> Bytes {
    let pad = "x".repeat(limit + 1024);
    let v = payload::text_envelope("0", "0", "Big", "wamid.bench.big.0", &pad);
    Bytes::from(serde_json::to_vec(&v).unwrap_or_default())
}

/// One customer's whole run.
pub async fn customer(
    shared: Arc<Shared>,
    index: usize,
    mut inbox: mpsc::UnboundedReceiver<Arrival>,
) -> (CustomerLog, mpsc::UnboundedReceiver<Arrival>) {
    let me = wa_id(index);
    let number = shared.plan.numbers[index % shared.plan.numbers.len()].clone();
    let mut log = CustomerLog::default();
    let (think_min, think_max) = shared.plan.think;
    // Customers arrive spread over one think time, not all at once.
    let stagger = rand::rng().random_range(Duration::ZERO..=think_max);
    tokio::time::sleep(stagger).await;
    let mut n = 0;
    while !shared.stop_before(n) {
        if rand::rng().random_bool(shared.plan.bad_ratio.clamp(0.0, 1.0)) {
            let b = bad_request(&shared, &me, &number, n).await;
            log.bad.add(&b);
        }
        let wamid = format!("wamid.bench.{me}.{n}");
        let body = payload::text_envelope(
            &number,
            &me,
            "Bench Customer",
            &wamid,
            scenario::message(index, n),
        );
        let raw = Bytes::from(serde_json::to_vec(&body).unwrap_or_default());
        let sig = shared.sign(&raw);
        let mut turn = Turn {
            sent_at: Some(Instant::now()),
            ..Turn::default()
        };
        turn.status = shared.post(raw, Some(sig)).await.unwrap_or(0);
        log.turns.push(turn);
        if log.turns[n].accepted() {
            let deadline = Instant::now() + shared.plan.reply_timeout;
            collect(&mut inbox, &mut log, &me, Some(n), deadline).await;
        }
        let think = rand::rng().random_range(think_min..=think_max);
        collect(&mut inbox, &mut log, &me, None, Instant::now() + think).await;
        n += 1;
    }
    // Late messages and duplicates of the last turns: the rest of the last
    // reply can trail its first message by more than a think time under
    // load, so wait until the customer's line has been quiet for a while
    // (bounded by the reply timeout).
    let quiet = think_max.max(Duration::from_secs(2));
    settle(
        &mut inbox,
        &mut log,
        &me,
        quiet,
        Instant::now() + shared.plan.reply_timeout,
    )
    .await;
    (log, inbox)
}

/// File arrivals until none came for `quiet`, or `deadline`.
async fn settle(
    inbox: &mut mpsc::UnboundedReceiver<Arrival>,
    log: &mut CustomerLog,
    me: &str,
    quiet: Duration,
    deadline: Instant,
) {
    loop {
        let until = (Instant::now() + quiet).min(deadline);
        match tokio::time::timeout_at(until, inbox.recv()).await {
            Ok(Some(a)) => file(log, me, a),
            Ok(None) | Err(_) => return,
        }
    }
}

/// File arrivals into turns until `deadline`, or (with `until_reply`)
/// until that turn's first reply message arrived.
async fn collect(
    inbox: &mut mpsc::UnboundedReceiver<Arrival>,
    log: &mut CustomerLog,
    me: &str,
    until_reply: Option<usize>,
    deadline: Instant,
) {
    loop {
        if let Some(n) = until_reply
            && log.turns[n].replied_at.is_some()
        {
            return;
        }
        let arrival = match tokio::time::timeout_at(deadline, inbox.recv()).await {
            Ok(Some(a)) => a,
            Ok(None) | Err(_) => return,
        };
        file(log, me, arrival);
    }
}

/// Which turn an arrival belongs to, and what it says about that turn.
pub fn file(log: &mut CustomerLog, me: &str, arrival: Arrival) {
    match arrival {
        Arrival::Read { wamid, at } => {
            let turn = wamid
                .strip_prefix(&format!("wamid.bench.{me}."))
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| *n < log.turns.len());
            match turn {
                Some(n) => {
                    let t = &mut log.turns[n];
                    t.reads += 1;
                    let note = format!("read {wamid} {}", since(t.sent_at, at));
                    t.arrivals.push(note);
                }
                None => {
                    log.unexplained += 1;
                    log.unexplained_log.push(format!("read {wamid}"));
                }
            }
        }
        Arrival::Message { body, at } => {
            // The customer's latest message: it waits for a reply before
            // writing again. (Not the latest read turn: the host may send a
            // queued reply before its read receipt.)
            let Some(t) = log.turns.last_mut() else {
                log.unexplained += 1;
                log.unexplained_log
                    .push(format!("message {}", describe(&body)));
                return;
            };
            t.messages += 1;
            let note = format!("message {} {}", describe(&body), since(t.sent_at, at));
            t.arrivals.push(note);
            if t.replied_at.is_none() {
                t.replied_at = Some(at);
            }
            let mut h = DefaultHasher::new();
            body.to_string().hash(&mut h);
            if !t.bodies.insert(h.finish()) {
                t.duplicate_bodies += 1;
            }
        }
    }
}

/// `at` relative to the turn's webhook, for the anomaly dump.
fn since(sent_at: Option<Instant>, at: Instant) -> String {
    match sent_at {
        Some(s) => format!("+{} ms", at.saturating_duration_since(s).as_millis()),
        None => String::new(),
    }
}

/// A short description of a message sent to a customer: its kind and the
/// start of its text.
pub fn describe(body: &serde_json::Value) -> String {
    let kind = body["type"].as_str().unwrap_or("?");
    let text = body["text"]["body"]
        .as_str()
        .or_else(|| body["interactive"]["body"]["text"].as_str())
        .unwrap_or("");
    let short: String = text.chars().take(60).collect();
    format!("{kind} {short:?}")
}

/// One bad request of a random kind, and how the target answered it.
async fn bad_request(shared: &Shared, me: &str, number: &str, n: usize) -> BadCounts {
    let mut c = BadCounts {
        sent: 1,
        ..BadCounts::default()
    };
    let valid = || {
        let v = payload::text_envelope(
            number,
            me,
            "Mallory",
            &format!("wamid.bench.{me}.bad{n}"),
            "this must never be answered",
        );
        Bytes::from(serde_json::to_vec(&v).unwrap_or_default())
    };
    let kind = rand::rng().random_range(0..4);
    let (answer, oversized) = match kind {
        0 => {
            // Signed, but not JSON a webhook could be.
            let raw = Bytes::from_static(b"{\"object\":\"whatsapp_business_account\",\"entry\":[{");
            let sig = shared.sign(&raw);
            (shared.post(raw, Some(sig)).await, false)
        }
        1 => {
            let raw = shared.oversized.clone();
            let sig = shared.sign(&raw);
            (shared.post(raw, Some(sig)).await, true)
        }
        2 => (shared.post(valid(), None).await, false),
        _ => {
            let raw = valid();
            let forged = signature::sign(b"not-the-app-secret", &raw);
            (shared.post(raw, Some(forged)).await, false)
        }
    };
    match answer {
        Ok(s) if (400..500).contains(&s) => c.refused += 1,
        Ok(s) if (200..300).contains(&s) => c.taken += 1,
        // A server may close the connection on a body over its limit.
        Err(_) if oversized => c.refused += 1,
        _ => c.other += 1,
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn log_with_turns(n: usize) -> CustomerLog {
        CustomerLog {
            turns: vec![Turn::default(); n],
            ..CustomerLog::default()
        }
    }

    fn read(wamid: &str) -> Arrival {
        Arrival::Read {
            wamid: wamid.into(),
            at: Instant::now(),
        }
    }

    fn message(text: &str) -> Arrival {
        Arrival::Message {
            body: json!({ "to": "c", "text": { "body": text } }),
            at: Instant::now(),
        }
    }

    #[test]
    fn messages_belong_to_the_latest_turn_whatever_the_read_order() {
        let mut log = log_with_turns(1);
        file(&mut log, "c", message("a"));
        file(&mut log, "c", read("wamid.bench.c.0"));
        file(&mut log, "c", message("b"));
        log.turns.push(Turn::default());
        file(&mut log, "c", message("a"));
        file(&mut log, "c", read("wamid.bench.c.1"));
        assert_eq!((log.turns[0].reads, log.turns[0].messages), (1, 2));
        assert_eq!((log.turns[1].reads, log.turns[1].messages), (1, 1));
        assert!(log.turns.iter().all(|t| t.duplicate_bodies == 0));
        assert_eq!(log.unexplained, 0);
    }

    #[test]
    fn doubled_reads_and_bodies_are_counted() {
        let mut log = log_with_turns(1);
        file(&mut log, "c", read("wamid.bench.c.0"));
        file(&mut log, "c", message("a"));
        file(&mut log, "c", message("a"));
        file(&mut log, "c", read("wamid.bench.c.0"));
        assert_eq!(log.turns[0].reads, 2);
        assert_eq!(log.turns[0].duplicate_bodies, 1);
    }

    #[test]
    fn sends_no_turn_asked_for_are_unexplained() {
        let mut log = log_with_turns(0);
        file(&mut log, "c", message("before any message"));
        log.turns.push(Turn::default());
        file(&mut log, "c", read("wamid.bench.c.bad0"));
        file(&mut log, "c", read("wamid.bench.c.7"));
        assert_eq!(log.unexplained, 3);
    }
}
