//! The LLM gateway: one chat-completion call for plugins, through an
//! OpenAI-compatible endpoint (OpenAI, or Ollama's `/v1`), with a timeout.
//! With `provider = "none"` every call answers `Unavailable` and sellers
//! fall back to their catalog-grounded templates.

use std::time::Duration;

use serde_json::{Value, json};

mod config;

pub use config::LlmConfig;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    System,
    User,
    Assistant,
}

impl Role {
    fn as_str(self) -> &'static str {
        match self {
            Role::System => "system",
            Role::User => "user",
            Role::Assistant => "assistant",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LlmError {
    #[error("no LLM is configured")]
    Unavailable,
    #[error("LLM request failed: {0}")]
    Transport(#[from] reqwest::Error),
    #[error("LLM answered {status}: {body}")]
    Status { status: u16, body: String },
    #[error("LLM answer has no message content")]
    Empty,
}

/// A configured LLM endpoint (or none).
#[derive(Debug, Clone)]
pub struct Llm {
    endpoint: Option<Endpoint>,
}

#[derive(Debug, Clone)]
struct Endpoint {
    http: reqwest::Client,
    url: String,
    model: String,
    api_key: String,
}

impl Llm {
    /// No LLM: every call is `Unavailable`.
    pub fn none() -> Self {
        Self { endpoint: None }
    }

    pub fn new(config: &LlmConfig) -> Result<Self, LlmError> {
        let base = match config.provider.as_str() {
            "openai" if config.base_url.is_empty() => "https://api.openai.com/v1".to_string(),
            "ollama" if config.base_url.is_empty() => "http://127.0.0.1:11434/v1".to_string(),
            "openai" | "ollama" => config.base_url.trim_end_matches('/').to_string(),
            _ => return Ok(Self::none()),
        };
        let http = reqwest::Client::builder()
            .timeout(Duration::from_millis(config.timeout_ms.max(100)))
            .build()?;
        Ok(Self {
            endpoint: Some(Endpoint {
                http,
                url: format!("{base}/chat/completions"),
                model: config.model.clone(),
                api_key: config.api_key.clone(),
            }),
        })
    }

    pub fn is_available(&self) -> bool {
        self.endpoint.is_some()
    }

    /// One chat completion.
    pub async fn chat(&self, messages: &[(Role, String)]) -> Result<String, LlmError> {
        let ep = self.endpoint.as_ref().ok_or(LlmError::Unavailable)?;
        let body = json!({
            "model": ep.model,
            "messages": messages.iter().map(|(r, c)| json!({"role": r.as_str(), "content": c})).collect::<Vec<_>>(),
        });
        let mut req = ep.http.post(&ep.url).json(&body);
        if !ep.api_key.is_empty() {
            req = req.bearer_auth(&ep.api_key);
        }
        let resp = req.send().await?;
        let status = resp.status();
        if !status.is_success() {
            let body = resp.text().await.unwrap_or_default();
            return Err(LlmError::Status {
                status: status.as_u16(),
                body: body.chars().take(500).collect(),
            });
        }
        let v: Value = resp.json().await?;
        v.pointer("/choices/0/message/content")
            .and_then(Value::as_str)
            .map(str::to_string)
            .filter(|s| !s.trim().is_empty())
            .ok_or(LlmError::Empty)
    }
}
