//! Emit every event to an HTTP sink (Knative's `K_SINK`), in binary
//! CloudEvents HTTP mode, as consumer group `k-sink`: at least once, in
//! order per conversation, retried like any handler.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use cloudevents::event::AttributeValue;
use cloudevents::{AttributesReader, Data, Event};

use super::{Bus, BusError, Handler, HandlerError};
use agent_store_events::EventType;

/// The consumer group that forwards to the sink.
pub const GROUP: &str = "k-sink";

/// Posts each event to `url`.
pub struct HttpSink {
    url: String,
    http: reqwest::Client,
}

impl HttpSink {
    pub fn new(url: &str) -> Result<Self, BusError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| BusError::Backend(format!("HTTP sink client: {e}")))?;
        Ok(Self {
            url: url.to_string(),
            http,
        })
    }
}

/// Subscribe the sink forwarder to every event type.
pub async fn attach(bus: &Arc<dyn Bus>, url: &str) -> Result<(), BusError> {
    let sink = Arc::new(HttpSink::new(url)?);
    bus.subscribe(GROUP, &EventType::ALL, sink).await?;
    tracing::info!(sink = url, "emitting every event to the HTTP sink");
    Ok(())
}

#[async_trait]
impl Handler for HttpSink {
    async fn handle(&self, event: Event) -> Result<(), HandlerError> {
        let mut request = self.http.post(&self.url);
        for (name, value) in event.iter() {
            if name == "datacontenttype" {
                request = request.header("content-type", value.to_string());
            } else {
                let value = match value {
                    AttributeValue::Time(t) => t.to_rfc3339(),
                    v => v.to_string(),
                };
                request = request.header(format!("ce-{name}"), value);
            }
        }
        let body = match event.data() {
            Some(Data::Json(v)) => serde_json::to_vec(v)?,
            Some(Data::String(s)) => s.clone().into_bytes(),
            Some(Data::Binary(b)) => b.clone(),
            None => Vec::new(),
        };
        let response = request.body(body).send().await?;
        let status = response.status();
        if !status.is_success() {
            anyhow::bail!("sink answered {status} for event {}", event.id());
        }
        tracing::debug!(id = event.id(), %status, "event emitted to the sink");
        Ok(())
    }
}
