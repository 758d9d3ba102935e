//! OpenTelemetry traces: one trace per customer message, from the webhook
//! through every bus hop (the W3C `traceparent` rides in the CloudEvents
//! `traceparent` extension, over the in-process bus and RabbitMQ alike),
//! the router and seller turns, LLM calls and the Graph API send.
//!
//! Off by default: on when `telemetry.otlp_endpoint` or the standard
//! `OTEL_EXPORTER_OTLP_ENDPOINT` names a collector (OTLP/HTTP, protobuf).
//! Spans are exported in batches from the exporter's own thread through
//! the host's HTTP client; a slow or unreachable collector never holds a
//! customer's message up (full batches are dropped), and each failed export
//! is counted (`agent_store_telemetry_errors_total{kind="otlp_export"}`)
//! and logged at most once a minute.
//!
//! Spans carry ids, brands, plugin names and versions, never phone numbers
//! or message text; the log events recorded into them are the host's log
//! lines, which mask both (`telemetry::mask`). Only the host's own spans
//! (`agent_store` targets) are exported.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use async_trait::async_trait;
use bytes::Bytes;
use cloudevents::{AttributesReader, Event};
use opentelemetry::propagation::TextMapPropagator as _;
use opentelemetry::trace::{TraceContextExt as _, TracerProvider as _};
use opentelemetry_http::{HttpClient, HttpError};
use opentelemetry_otlp::{WithExportConfig as _, WithHttpConfig as _};
use opentelemetry_sdk::error::OTelSdkResult;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::{SdkTracerProvider, SpanData, SpanExporter};
use tracing::Span;
use tracing_opentelemetry::OpenTelemetrySpanExt as _;
use tracing_subscriber::Layer;
use tracing_subscriber::registry::LookupSpan;

use super::TelemetryConfig;
use super::metrics;

/// How long one export request may take.
pub const EXPORT_TIMEOUT: Duration = Duration::from_secs(5);
/// The service name spans are exported under.
pub const SERVICE_NAME: &str = "agent-store";

#[derive(Debug, thiserror::Error)]
pub enum TracingError {
    #[error("OTLP exporter: {0}")]
    Exporter(String),
    #[error("traces need a Tokio runtime to send from")]
    NoRuntime,
}

/// The collector's traces URL (`<endpoint>/v1/traces`), from the config or
/// `OTEL_EXPORTER_OTLP_ENDPOINT`; `None`: tracing is off.
pub fn endpoint(config: &TelemetryConfig) -> Option<String> {
    let base = Some(config.otlp_endpoint.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| {
            std::env::var("OTEL_EXPORTER_OTLP_ENDPOINT")
                .ok()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        })?;
    let base = base.trim_end_matches('/');
    Some(if base.ends_with("/v1/traces") {
        base.to_string()
    } else {
        format!("{base}/v1/traces")
    })
}

/// The process's tracer provider, for [`shutdown`].
fn provider_slot() -> &'static Mutex<Option<SdkTracerProvider>> {
    static PROVIDER: OnceLock<Mutex<Option<SdkTracerProvider>>> = OnceLock::new();
    PROVIDER.get_or_init(|| Mutex::new(None))
}

/// Whether a trace exporter was made in this process ([`provider`]).
static EXPORTING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether spans are exported (an OTLP endpoint is configured): spans
/// that only a trace would read (one per plugin host call) are made only
/// then.
pub fn exporting() -> bool {
    EXPORTING.load(std::sync::atomic::Ordering::Relaxed)
}

/// A batch exporter to `traces_url`, sending through the current Tokio
/// runtime; kept for [`shutdown`].
pub fn provider(traces_url: &str) -> Result<SdkTracerProvider, TracingError> {
    let handle = tokio::runtime::Handle::try_current().map_err(|_| TracingError::NoRuntime)?;
    let client = reqwest::Client::builder()
        .timeout(EXPORT_TIMEOUT)
        .build()
        .map_err(|e| TracingError::Exporter(e.to_string()))?;
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .with_endpoint(traces_url)
        .with_timeout(EXPORT_TIMEOUT)
        .with_protocol(opentelemetry_otlp::Protocol::HttpBinary)
        .with_http_client(OnTokio { client, handle })
        .build()
        .map_err(|e| TracingError::Exporter(e.to_string()))?;
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(Counted(exporter))
        .with_resource(
            opentelemetry_sdk::Resource::builder()
                .with_service_name(SERVICE_NAME)
                .build(),
        )
        .build();
    if let Ok(mut slot) = provider_slot().lock() {
        *slot = Some(provider.clone());
    }
    EXPORTING.store(true, std::sync::atomic::Ordering::Relaxed);
    Ok(provider)
}

/// The layer [`layer`] makes: the host's spans (`agent_store` targets,
/// `info` and above) into OpenTelemetry spans.
pub type OtelLayer<S> = tracing_subscriber::filter::Filtered<
    tracing_opentelemetry::OpenTelemetryLayer<S, opentelemetry_sdk::trace::SdkTracer>,
    tracing_subscriber::filter::Targets,
    S,
>;

/// The `tracing` layer that turns the host's spans into OpenTelemetry
/// spans of `provider`: only `agent_store` targets at `info` and above
/// (not the HTTP server's per-request spans, nor the libraries'). Its
/// filter is its own, apart from the log filter's: a trace is whole
/// whatever `log.filter` says (`warn` logs still export every span).
pub fn layer<S>(provider: &SdkTracerProvider) -> OtelLayer<S>
where
    S: tracing::Subscriber + for<'a> LookupSpan<'a>,
{
    tracing_opentelemetry::layer()
        .with_tracer(provider.tracer(SERVICE_NAME))
        .with_location(false)
        .with_threads(false)
        .with_tracked_inactivity(false)
        .with_filter(own_spans())
}

/// What is exported: the host's own spans and events, `info` and above.
fn own_spans() -> tracing_subscriber::filter::Targets {
    tracing_subscriber::filter::Targets::new().with_target("agent_store", tracing::Level::INFO)
}

/// Export what is buffered and stop (at the end of the process).
pub fn shutdown() {
    let provider = provider_slot().lock().ok().and_then(|mut p| p.take());
    if let Some(p) = provider
        && let Err(e) = p.shutdown()
    {
        metrics::telemetry_failed("otlp_export", &e);
    }
}

/// Export what is buffered now (tests; before a planned stop).
pub fn flush() {
    let provider = provider_slot().lock().ok().and_then(|p| p.clone());
    if let Some(p) = provider
        && let Err(e) = p.force_flush()
    {
        metrics::telemetry_failed("otlp_export", &e);
    }
}

/// The W3C `traceparent` of the current span, when it is being traced.
pub fn current_traceparent() -> Option<String> {
    let cx = Span::current().context();
    if !cx.span().span_context().is_valid() {
        return None;
    }
    let mut carrier: HashMap<String, String> = HashMap::new();
    TraceContextPropagator::new().inject_context(&cx, &mut carrier);
    carrier.remove("traceparent")
}

/// The span of one customer message arriving at the webhook: a new trace
/// (a delivery may carry several messages, each its own trace).
pub fn inbound_span(wamid: &str) -> Span {
    let span = tracing::info_span!(
        target: "agent_store::whatsapp",
        parent: None,
        "whatsapp.inbound",
        otel.name = "webhook whatsapp.message",
        otel.kind = "server",
        wamid = %wamid,
        trace_id = tracing::field::Empty,
    );
    record_trace_id(&span);
    span
}

/// The span of one consumer group handling one event, continuing the
/// trace of the event's `traceparent` extension.
pub fn delivery_span(group: &str, event: &Event) -> Span {
    let span = tracing::info_span!(
        target: "agent_store::bus",
        "bus.deliver",
        otel.name = %group,
        otel.kind = "consumer",
        group = %group,
        event_type = %event.ty(),
        event_id = %event.id(),
        trace_id = tracing::field::Empty,
    );
    if let Some(tp) = event
        .extension("traceparent")
        .map(|v| v.to_string())
        .filter(|v| !v.is_empty())
    {
        let carrier = HashMap::from([("traceparent".to_string(), tp)]);
        let parent = TraceContextPropagator::new().extract(&carrier);
        if parent.span().span_context().is_valid() {
            let _ = span.set_parent(parent);
        }
    }
    record_trace_id(&span);
    span
}

/// Put the span's trace id in its `trace_id` field, so every log line
/// inside it carries the id the trace is found by.
fn record_trace_id(span: &Span) {
    let cx = span.context();
    let sc = cx.span().span_context().clone();
    if sc.is_valid() {
        span.record("trace_id", tracing::field::display(sc.trace_id()));
    }
}

/// The OTLP exporter, counting failed exports (and logging them at most
/// once a minute) instead of failing silently.
#[derive(Debug)]
struct Counted<E>(E);

impl<E: SpanExporter> SpanExporter for Counted<E> {
    async fn export(&self, batch: Vec<SpanData>) -> OTelSdkResult {
        let result = self.0.export(batch).await;
        if let Err(e) = &result {
            metrics::telemetry_failed("otlp_export", e);
        }
        result
    }

    fn shutdown_with_timeout(&self, timeout: Duration) -> OTelSdkResult {
        self.0.shutdown_with_timeout(timeout)
    }

    fn force_flush(&self) -> OTelSdkResult {
        self.0.force_flush()
    }

    fn set_resource(&mut self, resource: &opentelemetry_sdk::Resource) {
        self.0.set_resource(resource);
    }
}

/// The host's `reqwest` client as OpenTelemetry's HTTP client: the batch
/// exporter runs on a thread of its own, outside Tokio, so each request
/// is spawned onto the host's runtime and awaited from there.
#[derive(Debug)]
struct OnTokio {
    client: reqwest::Client,
    handle: tokio::runtime::Handle,
}

#[async_trait]
impl HttpClient for OnTokio {
    async fn send_bytes(
        &self,
        request: axum::http::Request<Bytes>,
    ) -> Result<axum::http::Response<Bytes>, HttpError> {
        let client = self.client.clone();
        let (parts, body) = request.into_parts();
        let send = async move {
            let mut req = client
                .request(parts.method, parts.uri.to_string())
                .body(body);
            for (name, value) in &parts.headers {
                req = req.header(name, value);
            }
            let resp = req.send().await?;
            let status = resp.status();
            let headers = resp.headers().clone();
            let body = resp.bytes().await?;
            let mut out = axum::http::Response::new(body);
            *out.status_mut() = status;
            *out.headers_mut() = headers;
            Ok::<_, reqwest::Error>(out)
        };
        match self.handle.spawn(send).await {
            Ok(Ok(resp)) => Ok(resp),
            Ok(Err(e)) => Err(Box::new(e)),
            Err(e) => Err(Box::new(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_endpoint_comes_from_the_config_and_ends_in_v1_traces() {
        let mut c = TelemetryConfig {
            otlp_endpoint: "http://collector:4318/".into(),
            ..Default::default()
        };
        assert_eq!(
            endpoint(&c).as_deref(),
            Some("http://collector:4318/v1/traces")
        );
        c.otlp_endpoint = "http://collector:4318/v1/traces".into();
        assert_eq!(
            endpoint(&c).as_deref(),
            Some("http://collector:4318/v1/traces")
        );
    }

    #[test]
    fn no_span_no_traceparent() {
        assert_eq!(current_traceparent(), None);
    }
}
