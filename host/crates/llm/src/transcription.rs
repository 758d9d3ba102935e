//! Speech to text for voice notes: the OpenAI-compatible
//! `POST {base_url}/audio/transcriptions` (multipart `file` + `model`, and
//! `language` when the conversation's is known), which OpenAI, Groq and
//! local whisper servers (speaches, LocalAI, whisper.cpp's server) speak.
//! Retried like chat requests on 429/5xx and lost connections.

use std::time::Duration;

use reqwest::multipart::{Form, Part};
use serde_json::Value;

use super::{LlmConfig, LlmError, backoff, status_error, transport_error};

/// Transcribes audio through the default endpoint.
#[derive(Debug, Clone)]
pub struct Transcriber {
    http: reqwest::Client,
    url: String,
    model: String,
    api_key: String,
    retries: u32,
    retry_base: Duration,
}

impl Transcriber {
    /// `None` when no OpenAI-compatible endpoint or no transcription model
    /// is configured (Ollama has no speech-to-text API).
    pub fn new(config: &LlmConfig) -> Result<Option<Self>, LlmError> {
        let r = config.resolve(None);
        let model = config.transcription_model.trim();
        if r.provider != "openai" || model.is_empty() {
            return Ok(None);
        }
        let base = if r.base_url.is_empty() {
            "https://api.openai.com/v1"
        } else {
            r.base_url.trim_end_matches('/')
        };
        Ok(Some(Self {
            http: reqwest::Client::builder()
                .timeout(Duration::from_millis(r.timeout_ms.max(100)))
                .build()?,
            url: format!("{base}/audio/transcriptions"),
            model: model.to_string(),
            api_key: r.api_key,
            retries: config.retries,
            retry_base: Duration::from_millis(config.retry_base_ms),
        }))
    }

    /// The text spoken in `audio`. `language` ("pt", "es", "en" or "")
    /// is passed on as a hint when known.
    pub async fn transcribe(
        &self,
        audio: &[u8],
        mime_type: &str,
        file_name: &str,
        language: &str,
    ) -> Result<String, LlmError> {
        let mut attempt = 0;
        loop {
            let err = match self.once(audio, mime_type, file_name, language).await {
                Ok(text) => return Ok(text),
                Err(e @ LlmError::Status { status, .. }) if status == 429 || status >= 500 => e,
                Err(e @ LlmError::Transport(_)) => e,
                Err(e) => return Err(e),
            };
            if attempt >= self.retries {
                return Err(err);
            }
            let wait = backoff(self.retry_base, attempt);
            tracing::warn!(attempt, error = %err, wait_ms = wait.as_millis() as u64, "transcription failed: retrying");
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    async fn once(
        &self,
        audio: &[u8],
        mime_type: &str,
        file_name: &str,
        language: &str,
    ) -> Result<String, LlmError> {
        let part = || Part::bytes(audio.to_vec()).file_name(file_name.to_string());
        // An unparsable MIME type from the wire is dropped, not fatal.
        let file = part().mime_str(mime_type).unwrap_or_else(|_| part());
        let mut form = Form::new()
            .part("file", file)
            .text("model", self.model.clone())
            .text("response_format", "json");
        if !language.is_empty() {
            form = form.text("language", language.to_string());
        }
        let mut req = self.http.post(&self.url).multipart(form);
        if !self.api_key.is_empty() {
            req = req.bearer_auth(&self.api_key);
        }
        let resp = req.send().await.map_err(transport_error)?;
        if !resp.status().is_success() {
            return Err(status_error(resp).await);
        }
        let v: Value = resp.json().await.map_err(transport_error)?;
        let text = v
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .trim()
            .to_string();
        if text.is_empty() {
            return Err(LlmError::Empty);
        }
        Ok(text)
    }
}
