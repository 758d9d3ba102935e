//! A local stand-in for Meta's Graph API `POST /{version}/{phone}/messages`:
//! acknowledges a message like Meta does (a `wamid`) and a read receipt
//! with `{"success": true}`, timestamps every request on arrival, and hands
//! it to the simulated customer it is addressed to.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use serde_json::{Value, json};
use tokio::sync::mpsc;
use tokio::time::Instant;

/// What reached the Graph API for one customer.
#[derive(Debug, Clone)]
pub enum Arrival {
    /// The blue ticks on an inbound message (`status: read`).
    Read { wamid: String, at: Instant },
    /// A message to the customer (text, product list, buttons…).
    Message { body: Value, at: Instant },
}

/// The stand-in's routing table and counters.
#[derive(Clone)]
pub struct StandIn {
    /// Customer wa_id → its inbox (fixed before the run starts).
    customers: Arc<HashMap<String, mpsc::UnboundedSender<Arrival>>>,
    pub counters: Arc<Counters>,
}

/// Requests the stand-in answered.
#[derive(Debug, Default)]
pub struct Counters {
    pub messages: AtomicU64,
    pub reads: AtomicU64,
    /// Addressed to nobody the bench simulates.
    pub strays: AtomicU64,
    /// What the strays were (for the anomaly dump): the first 50.
    pub stray_log: std::sync::Mutex<Vec<String>>,
    /// Sends per business number, to check the pacing was not the limit.
    pub per_number: std::sync::Mutex<HashMap<String, u64>>,
}

/// The customer a bench wamid belongs to: the bench's wamids name their
/// sender (`wamid.bench.<wa_id>.<n>`), so a read receipt finds its inbox.
pub fn sender_of(wamid: &str) -> Option<&str> {
    let rest = wamid.strip_prefix("wamid.bench.")?;
    rest.rsplit_once('.').map(|(wa_id, _)| wa_id)
}

impl StandIn {
    /// A stand-in for these customers; returns the inboxes by wa_id.
    pub fn new(wa_ids: &[String]) -> (Self, HashMap<String, mpsc::UnboundedReceiver<Arrival>>) {
        let mut senders = HashMap::new();
        let mut inboxes = HashMap::new();
        for id in wa_ids {
            let (tx, rx) = mpsc::unbounded_channel();
            senders.insert(id.clone(), tx);
            inboxes.insert(id.clone(), rx);
        }
        let s = Self {
            customers: Arc::new(senders),
            counters: Arc::default(),
        };
        (s, inboxes)
    }

    /// Serve on a free local port; returns the base URL.
    pub async fn serve(&self) -> anyhow::Result<String> {
        let app = axum::Router::new()
            .route("/{version}/{phone}/messages", post(messages))
            .with_state(self.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                tracing::error!(error = %e, "graph stand-in stopped");
            }
        });
        Ok(format!("http://{addr}"))
    }

    fn deliver(&self, to: &str, arrival: Arrival) -> bool {
        let what = match &arrival {
            Arrival::Read { wamid, .. } => format!("read {wamid}"),
            Arrival::Message { body, .. } => format!("message {}", crate::load::describe(body)),
        };
        let Some(tx) = self.customers.get(to) else {
            self.note_stray(format!("to an unknown recipient {to:?}: {what}"));
            return false;
        };
        if tx.send(arrival).is_err() {
            // The customer finished its run (its inbox is closed).
            self.note_stray(format!("after customer {to} finished: {what}"));
            return false;
        }
        true
    }

    fn note_stray(&self, note: String) {
        let mut log = self
            .counters
            .stray_log
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if log.len() < 50 {
            log.push(note);
        }
    }
}

async fn messages(
    State(s): State<StandIn>,
    Path((_version, phone)): Path<(String, String)>,
    Json(body): Json<Value>,
) -> (StatusCode, Json<Value>) {
    let at = Instant::now();
    *s.counters
        .per_number
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry(phone)
        .or_default() += 1;
    if body["status"] == "read" {
        let wamid = body["message_id"].as_str().unwrap_or_default().to_string();
        s.counters.reads.fetch_add(1, Ordering::Relaxed);
        let delivered = match sender_of(&wamid).map(str::to_string) {
            Some(to) => s.deliver(&to, Arrival::Read { wamid, at }),
            None => {
                s.note_stray(format!("read of a wamid no customer sent: {wamid}"));
                false
            }
        };
        if !delivered {
            s.counters.strays.fetch_add(1, Ordering::Relaxed);
        }
        return (StatusCode::OK, Json(json!({ "success": true })));
    }
    let n = s.counters.messages.fetch_add(1, Ordering::Relaxed);
    let to = body["to"].as_str().unwrap_or_default().to_string();
    if !s.deliver(&to, Arrival::Message { body, at }) {
        s.counters.strays.fetch_add(1, Ordering::Relaxed);
    }
    (
        StatusCode::OK,
        Json(json!({
            "messaging_product": "whatsapp",
            "contacts": [{ "input": to, "wa_id": to }],
            "messages": [{ "id": format!("wamid.standin.{n}") }]
        })),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bench_wamid_names_its_sender() {
        assert_eq!(
            sender_of("wamid.bench.5511900000001.3"),
            Some("5511900000001")
        );
        assert_eq!(sender_of("wamid.other.1"), None);
    }
}
