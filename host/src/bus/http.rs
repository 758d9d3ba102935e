//! `POST /events`: CloudEvents over HTTP (binary and structured modes), so
//! the host can sit behind a Knative broker trigger or take events from
//! any CloudEvents producer. Accepted events are published to the bus.

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use cloudevents::AttributesReader;
use serde_json::json;

use crate::api::AppState;
use crate::events::EventType;

/// The `/events` route.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new().route("/events", post(receive))
}

fn error(status: StatusCode, message: String) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

async fn receive(State(state): State<Arc<AppState>>, request: Request) -> Response {
    let limit = state.config.server.body_limit_bytes;
    let (parts, body) = request.into_parts();
    let body = match axum::body::to_bytes(body, limit).await {
        Ok(b) => b,
        Err(e) => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("cannot read the body (limit {limit} bytes): {e}"),
            );
        }
    };
    // The SDK's HTTP binding (what its axum extractor runs), on a bounded body.
    let event = match cloudevents::binding::http::to_event(&parts.headers, body.to_vec()) {
        Ok(event) => event,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                format!(
                    "not a CloudEvent in binary (ce-* headers) or structured (application/cloudevents+json) HTTP mode: {e}"
                ),
            );
        }
    };
    if EventType::parse(event.ty()).is_none() {
        let known: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
        return error(
            StatusCode::BAD_REQUEST,
            format!(
                "unknown event type {:?}; the catalogue has: {}",
                event.ty(),
                known.join(", ")
            ),
        );
    }
    let id = event.id().to_string();
    let ty = event.ty().to_string();
    match state.bus.publish(event).await {
        Ok(()) => {
            tracing::info!(id, r#type = ty, "event accepted over HTTP");
            (StatusCode::ACCEPTED, Json(json!({ "id": id }))).into_response()
        }
        Err(e) => {
            tracing::error!(id, r#type = ty, error = %e, "cannot publish an HTTP event");
            error(
                StatusCode::SERVICE_UNAVAILABLE,
                format!("the event bus refused the event: {e}"),
            )
        }
    }
}
