//! A local OTLP/HTTP trace receiver for the telemetry-overhead runs: it
//! accepts `POST /v1/traces` like a collector (200, an empty
//! `ExportTraceServiceResponse`) and only counts requests and bytes, so
//! what it costs is the bench's, not the host's.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::body::Bytes;
use axum::extract::State;
use axum::routing::post;

/// What reached the receiver.
#[derive(Debug, Default)]
struct Counts {
    requests: AtomicU64,
    bytes: AtomicU64,
}

/// Export requests and their bytes, at the end of a run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Totals {
    pub requests: u64,
    pub bytes: u64,
}

/// A running receiver.
pub struct Receiver {
    /// Its base URL (the host appends `/v1/traces`).
    pub url: String,
    counts: Arc<Counts>,
    task: tokio::task::JoinHandle<()>,
}

impl Receiver {
    /// Serve on a free local port.
    pub async fn serve() -> anyhow::Result<Receiver> {
        let counts = Arc::new(Counts::default());
        let app = axum::Router::new()
            .route("/v1/traces", post(receive))
            .with_state(counts.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}", listener.local_addr()?);
        let task = tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                eprintln!("OTLP receiver stopped: {e}");
            }
        });
        Ok(Receiver { url, counts, task })
    }

    /// What it received so far; stops it.
    pub fn totals(self) -> Totals {
        self.task.abort();
        Totals {
            requests: self.counts.requests.load(Ordering::Relaxed),
            bytes: self.counts.bytes.load(Ordering::Relaxed),
        }
    }
}

async fn receive(
    State(counts): State<Arc<Counts>>,
    body: Bytes,
) -> (
    axum::http::StatusCode,
    [(axum::http::HeaderName, &'static str); 1],
    Vec<u8>,
) {
    counts.requests.fetch_add(1, Ordering::Relaxed);
    counts.bytes.fetch_add(body.len() as u64, Ordering::Relaxed);
    (
        axum::http::StatusCode::OK,
        [(axum::http::header::CONTENT_TYPE, "application/x-protobuf")],
        Vec::new(),
    )
}
