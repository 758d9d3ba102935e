//! The Graph API client: `POST /{version}/{phone-number-id}/messages`.

use std::time::Duration;

use serde_json::Value;

use super::WhatsAppConfig;

#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    /// Meta answered with an error envelope.
    #[error("Graph API {status}: ({code}) {message}")]
    Api {
        status: u16,
        code: i64,
        message: String,
    },
    #[error("Graph API request failed: {0}")]
    Transport(#[from] reqwest::Error),
    #[error("Graph API answered without a message id: {0}")]
    NoMessageId(String),
}

impl GraphError {
    /// Meta's error code (`error.code`), when Meta answered with one.
    pub fn code(&self) -> Option<i64> {
        match self {
            GraphError::Api { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// The HTTP status, when Meta answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            GraphError::Api { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Whether retrying the same request later can succeed: transport
    /// errors, 429 and 5xx, and Meta's throttling codes.
    pub fn is_retryable(&self) -> bool {
        match self {
            GraphError::Transport(_) => true,
            GraphError::Api { status, code, .. } => {
                *status == 429
                    || *status >= 500
                    || matches!(code, 4 | 80007 | 130429 | 131048 | 131056)
            }
            GraphError::NoMessageId(_) => false,
        }
    }
}

/// A Graph API client for one app.
#[derive(Debug, Clone)]
pub struct GraphClient {
    http: reqwest::Client,
    base_url: String,
    version: String,
    token: String,
}

impl GraphClient {
    pub fn new(config: &WhatsAppConfig) -> Result<Self, GraphError> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_millis(config.request_timeout_ms.max(100)))
            .build()?;
        Ok(Self {
            http,
            base_url: config.graph_base_url.trim_end_matches('/').to_string(),
            version: config.graph_version.clone(),
            token: config.access_token.clone(),
        })
    }

    fn messages_url(&self, phone_number_id: &str) -> String {
        format!(
            "{}/{}/{}/messages",
            self.base_url, self.version, phone_number_id
        )
    }

    /// Send one message body; returns the wamid Meta assigned.
    pub async fn send(&self, phone_number_id: &str, body: &Value) -> Result<String, GraphError> {
        let v = self.post(phone_number_id, body).await?;
        v.pointer("/messages/0/id")
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| GraphError::NoMessageId(v.to_string()))
    }

    /// `GET /{version}/{media-id}`: where an inbound media file can be
    /// downloaded (a short-lived URL), its type, size and hash.
    pub async fn media_info(&self, media_id: &str) -> Result<Value, GraphError> {
        let url = format!("{}/{}/{}", self.base_url, self.version, media_id);
        let response = self.http.get(url).bearer_auth(&self.token).send().await?;
        answer(response).await
    }

    /// `GET` a media URL with the bearer token, reading at most `max_bytes`
    /// (the body is abandoned as soon as it grows past them).
    pub async fn download(&self, url: &str, max_bytes: u64) -> Result<Download, GraphError> {
        let mut response = self.http.get(url).bearer_auth(&self.token).send().await?;
        let status = response.status();
        if !status.is_success() {
            let text = response.text().await.unwrap_or_default();
            let v = serde_json::from_str(&text).unwrap_or(Value::String(text));
            return Err(api_error(status.as_u16(), &v));
        }
        let mime_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        if response.content_length().is_some_and(|n| n > max_bytes) {
            return Ok(Download::TooLarge);
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await? {
            if (bytes.len() + chunk.len()) as u64 > max_bytes {
                return Ok(Download::TooLarge);
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Download::Complete { bytes, mime_type })
    }

    /// Send a body that has no message id in its answer (mark-as-read).
    pub async fn post(&self, phone_number_id: &str, body: &Value) -> Result<Value, GraphError> {
        let response = self
            .http
            .post(self.messages_url(phone_number_id))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await?;
        answer(response).await
    }
}

/// A downloaded body, or the news that it was over the cap.
#[derive(Debug)]
pub enum Download {
    Complete { bytes: Vec<u8>, mime_type: String },
    TooLarge,
}

/// Meta's JSON answer, or its error envelope as a [`GraphError`].
async fn answer(response: reqwest::Response) -> Result<Value, GraphError> {
    let status = response.status();
    let text = response.text().await?;
    let v: Value = serde_json::from_str(&text).unwrap_or(Value::String(text));
    if !status.is_success() {
        return Err(api_error(status.as_u16(), &v));
    }
    Ok(v)
}

fn api_error(status: u16, v: &Value) -> GraphError {
    GraphError::Api {
        status,
        code: v
            .pointer("/error/code")
            .and_then(Value::as_i64)
            .unwrap_or(0),
        message: v
            .pointer("/error/message")
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| v.to_string()),
    }
}
