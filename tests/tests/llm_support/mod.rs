//! A local LLM server for the tests: OpenAI-compatible
//! `POST /v1/chat/completions` and Ollama's native `POST /api/chat`, each
//! answering from a script (text, tool calls, malformed arguments, errors,
//! delays) and recording every request; plus `POST /events`, a CloudEvents
//! sink recording the host's events (`bus.sink_url`).

#![allow(dead_code)]

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use serde_json::{Value, json};
use tokio::sync::Notify;

/// One scripted answer.
#[derive(Debug, Clone)]
pub struct Step {
    pub status: u16,
    pub body: Value,
    pub delay: Duration,
}

impl Step {
    /// An OpenAI-format text answer.
    pub fn text(content: &str) -> Step {
        Step::ok(json!({
            "id": "chatcmpl-test", "object": "chat.completion",
            "choices": [{"index": 0, "finish_reason": "stop",
                "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": 90, "completion_tokens": 10, "total_tokens": 100}
        }))
    }

    /// An OpenAI-format answer calling tools: (name, raw arguments string).
    pub fn tools(calls: &[(&str, &str)]) -> Step {
        let calls: Vec<Value> = calls
            .iter()
            .enumerate()
            .map(|(i, (name, args))| {
                json!({"id": format!("call_{i}"), "type": "function",
                    "function": {"name": name, "arguments": args}})
            })
            .collect();
        Step::ok(json!({
            "choices": [{"index": 0, "finish_reason": "tool_calls",
                "message": {"role": "assistant", "content": null, "tool_calls": calls}}],
            "usage": {"total_tokens": 50}
        }))
    }

    /// An Ollama-native text answer.
    pub fn ollama_text(content: &str) -> Step {
        Step::ok(json!({"model": "m", "done": true,
            "message": {"role": "assistant", "content": content},
            "prompt_eval_count": 30, "eval_count": 12}))
    }

    /// An Ollama-native tool call (arguments as an object).
    pub fn ollama_tool(name: &str, args: Value) -> Step {
        Step::ok(json!({"model": "m", "done": true,
            "message": {"role": "assistant", "content": "",
                "tool_calls": [{"function": {"name": name, "arguments": args}}]},
            "prompt_eval_count": 30, "eval_count": 5}))
    }

    pub fn status(status: u16) -> Step {
        Step {
            status,
            body: json!({"error": {"message": "scripted failure"}}),
            delay: Duration::ZERO,
        }
    }

    fn ok(body: Value) -> Step {
        Step {
            status: 200,
            body,
            delay: Duration::ZERO,
        }
    }

    pub fn after(mut self, delay: Duration) -> Step {
        self.delay = delay;
        self
    }
}

#[derive(Clone, Default)]
pub struct Llm {
    script: Arc<Mutex<VecDeque<Step>>>,
    /// (path, body) of every model request.
    pub requests: Arc<Mutex<Vec<(String, Value)>>>,
    /// (ce-type, body) of every event the host emitted.
    pub events: Arc<Mutex<Vec<(String, Value)>>>,
    pub event_arrived: Arc<Notify>,
}

impl Llm {
    pub fn push(&self, step: Step) {
        self.script.lock().expect("lock").push_back(step);
    }

    pub fn script(&self, steps: impl IntoIterator<Item = Step>) {
        for s in steps {
            self.push(s);
        }
    }

    pub fn remaining(&self) -> usize {
        self.script.lock().expect("lock").len()
    }

    pub fn requests(&self) -> Vec<(String, Value)> {
        self.requests.lock().expect("lock").clone()
    }

    /// Events of `ce_type` so far.
    pub fn events_of(&self, ce_type: &str) -> Vec<Value> {
        self.events
            .lock()
            .expect("lock")
            .iter()
            .filter(|(t, _)| t == ce_type)
            .map(|(_, b)| b.clone())
            .collect()
    }

    /// Wait (bounded) until an event of `ce_type` matching `pred` arrived.
    pub async fn wait_event(&self, ce_type: &str, pred: impl Fn(&Value) -> bool) -> Value {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        loop {
            let notified = self.event_arrived.notified();
            if let Some(e) = self.events_of(ce_type).into_iter().find(|e| pred(e)) {
                return e;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                panic!(
                    "no {ce_type} event within 20 s; got {:?}",
                    self.events
                        .lock()
                        .expect("lock")
                        .iter()
                        .map(|(t, _)| t.clone())
                        .collect::<Vec<_>>()
                );
            }
        }
    }
}

async fn answer(llm: &Llm, path: &str, body: Value) -> (StatusCode, Json<Value>) {
    llm.requests
        .lock()
        .expect("lock")
        .push((path.to_string(), body));
    let step = llm.script.lock().expect("lock").pop_front();
    let Some(step) = step else {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            Json(json!({"error": "script exhausted"})),
        );
    };
    if !step.delay.is_zero() {
        tokio::time::sleep(step.delay).await;
    }
    (
        StatusCode::from_u16(step.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        Json(step.body),
    )
}

async fn openai(State(llm): State<Llm>, Json(body): Json<Value>) -> (StatusCode, Json<Value>) {
    answer(&llm, "/v1/chat/completions", body).await
}

async fn ollama(State(llm): State<Llm>, Json(body): Json<Value>) -> (StatusCode, Json<Value>) {
    answer(&llm, "/api/chat", body).await
}

async fn events(State(llm): State<Llm>, headers: HeaderMap, body: axum::body::Bytes) -> StatusCode {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let ce_type = headers
        .get("ce-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| body.get("type").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_default();
    let data = if headers.contains_key("ce-type") {
        body
    } else {
        body.get("data").cloned().unwrap_or(body)
    };
    llm.events.lock().expect("lock").push((ce_type, data));
    llm.event_arrived.notify_waiters();
    StatusCode::ACCEPTED
}

/// Start the server; returns it and its base URL (`http://127.0.0.1:port`).
pub async fn start() -> (Llm, String) {
    let llm = Llm::default();
    let app = axum::Router::new()
        .route("/v1/chat/completions", post(openai))
        .route("/api/chat", post(ollama))
        .route("/events", post(events))
        .with_state(llm.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind llm");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (llm, format!("http://{addr}"))
}

/// The last message of a recorded request, as text.
pub fn last_message(body: &Value) -> String {
    body["messages"]
        .as_array()
        .and_then(|m| m.last())
        .map(|m| m["content"].as_str().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// The system prompt of a recorded request.
pub fn system_prompt(body: &Value) -> String {
    body["messages"][0]["content"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}
