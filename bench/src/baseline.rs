//! The baseline: what answering a WhatsApp message costs with nothing of
//! the store in between. A bare axum handler checks the signature, parses
//! the payload with the host's own parser, answers 200, and then marks the
//! message read and sends a text reply to the Graph API stand-in, as the
//! host does (the same two requests per turn the load generator waits for).

use std::sync::Arc;

use agent_store::whatsapp::{payload, signature};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use serde_json::json;

/// The host's default `server.body_limit_bytes`.
pub const BODY_LIMIT: usize = 1024 * 1024;

struct Baseline {
    secret: Vec<u8>,
    graph: String,
    http: reqwest::Client,
}

/// The baseline's routes: `POST /webhooks/whatsapp`, `GET /healthz`.
pub fn router(secret: &str, graph_url: &str) -> anyhow::Result<Router> {
    let state = Arc::new(Baseline {
        secret: secret.as_bytes().to_vec(),
        graph: graph_url.trim_end_matches('/').to_string(),
        http: reqwest::Client::builder()
            .pool_max_idle_per_host(usize::MAX)
            .build()?,
    });
    Ok(Router::new()
        .route("/webhooks/whatsapp", post(receive))
        .route("/healthz", get(|| async { "ok" }))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state))
}

async fn receive(State(b): State<Arc<Baseline>>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let header = headers.get(signature::HEADER).and_then(|v| v.to_str().ok());
    if signature::verify(&b.secret, &body, header).is_err() {
        return StatusCode::UNAUTHORIZED;
    }
    let Ok(webhook) = payload::parse(&body) else {
        return StatusCode::BAD_REQUEST;
    };
    for inbound in webhook.messages {
        let b = b.clone();
        tokio::spawn(async move {
            let url = format!("{}/v21.0/{}/messages", b.graph, inbound.phone_number_id);
            let read = json!({ "messaging_product": "whatsapp", "status": "read", "message_id": inbound.message.id });
            let reply = json!({
                "messaging_product": "whatsapp", "recipient_type": "individual",
                "to": inbound.customer.wa_id, "type": "text",
                "text": { "preview_url": false, "body": "Thanks for your message!" }
            });
            for m in [read, reply] {
                if let Err(e) = b.http.post(&url).json(&m).send().await {
                    tracing::warn!(error = %e, "baseline send failed");
                }
            }
        });
    }
    StatusCode::OK
}

/// Serve the baseline on `bind` until the process is stopped.
pub async fn serve(bind: &str, secret: &str, graph_url: &str) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(bind).await?;
    axum::serve(listener, router(secret, graph_url)?).await?;
    Ok(())
}
