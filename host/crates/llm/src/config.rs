//! LLM gateway settings: one default endpoint plus per-brand overrides.
//!
//! ```toml
//! [llm]
//! provider = "openai"                 # none | openai | ollama (native /api/chat)
//! base_url = "http://127.0.0.1:11434/v1"
//! model = "llama3.1"
//! api_key_env = "OPENAI_API_KEY"      # the key is read from this variable
//! [llm.brands.tech]                   # any field may be overridden per brand
//! model = "gpt-4o-mini"
//! temperature = 0.2
//! tokens_per_day = 200000
//! ```
//!
//! Voice notes are transcribed with `transcription_model` (default
//! `whisper-1`) on the default endpoint when its provider is `openai`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct LlmConfig {
    /// `none` (plugins fall back to templates), `openai` (any
    /// OpenAI-compatible `/chat/completions`: OpenAI, Ollama's `/v1`, vLLM,
    /// llama.cpp) or `ollama` (Ollama's native `/api/chat`).
    pub provider: String,
    /// Empty = the provider's default (`https://api.openai.com/v1`,
    /// `http://127.0.0.1:11434`).
    pub base_url: String,
    pub model: String,
    /// A literal key (prefer `api_key_env`).
    pub api_key: String,
    /// The environment variable holding the API key, read at start-up.
    pub api_key_env: String,
    pub temperature: Option<f32>,
    pub max_tokens: Option<u32>,
    /// Per HTTP request.
    pub timeout_ms: u64,
    /// Retries of a request answered 429/5xx or not connected (jittered
    /// exponential back-off from `retry_base_ms`).
    pub retries: u32,
    pub retry_base_ms: u64,
    /// Consecutive failures that open an endpoint's circuit breaker, and
    /// how long it stays open before one trial request.
    pub breaker_failures: u32,
    pub breaker_cooldown_ms: u64,
    /// Upstream model requests allowed for one plugin `chat` call (tool
    /// rounds and the grounding re-ask included).
    pub calls_per_turn: u32,
    /// Tokens a brand may spend per UTC day; 0 = unlimited.
    pub tokens_per_day: u64,
    /// Speech-to-text model for voice notes, through the OpenAI-compatible
    /// `/audio/transcriptions` of the default endpoint (OpenAI's
    /// `whisper-1`, a local whisper server's model name); empty = voice
    /// notes get a polite "please type" answer.
    pub transcription_model: String,
    /// Per-brand overrides, by brand key.
    pub brands: BTreeMap<String, BrandLlmConfig>,
}

impl Default for LlmConfig {
    fn default() -> Self {
        Self {
            provider: "none".into(),
            base_url: String::new(),
            model: String::new(),
            api_key: String::new(),
            api_key_env: String::new(),
            temperature: None,
            max_tokens: None,
            timeout_ms: 20_000,
            retries: 2,
            retry_base_ms: 250,
            breaker_failures: 5,
            breaker_cooldown_ms: 30_000,
            calls_per_turn: 6,
            tokens_per_day: 0,
            transcription_model: "whisper-1".into(),
            brands: BTreeMap::new(),
        }
    }
}

/// What a brand may override; unset fields inherit the `[llm]` values.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct BrandLlmConfig {
    pub provider: Option<String>,
    pub base_url: Option<String>,
    pub model: Option<String>,
    pub api_key: Option<String>,
    pub api_key_env: Option<String>,
    pub temperature: Option<f32>,
    pub max_tokens: Option<u32>,
    pub timeout_ms: Option<u64>,
    pub calls_per_turn: Option<u32>,
    pub tokens_per_day: Option<u64>,
}

/// The settings one brand (or the default) actually uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub provider: String,
    pub base_url: String,
    pub model: String,
    pub api_key: String,
    pub temperature: Option<f32>,
    pub max_tokens: Option<u32>,
    pub timeout_ms: u64,
    pub calls_per_turn: u32,
    pub tokens_per_day: u64,
}

impl LlmConfig {
    /// The default settings merged with `brand`'s overrides; the API key
    /// comes from `api_key_env` when that variable is set.
    pub fn resolve(&self, brand: Option<&str>) -> Resolved {
        self.resolve_with(brand, |name| std::env::var(name).ok())
    }

    /// [`Self::resolve`] reading key variables through `env` (tests pass a
    /// map: `set_var` while other threads run is undefined behaviour).
    pub fn resolve_with(
        &self,
        brand: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Resolved {
        let o = brand
            .and_then(|b| self.brands.get(b))
            .cloned()
            .unwrap_or_default();
        let key_env = o.api_key_env.unwrap_or_else(|| self.api_key_env.clone());
        let from_env = (!key_env.is_empty())
            .then(|| env(&key_env))
            .flatten()
            .filter(|k| !k.is_empty());
        Resolved {
            provider: o.provider.unwrap_or_else(|| self.provider.clone()),
            base_url: o.base_url.unwrap_or_else(|| self.base_url.clone()),
            model: o.model.unwrap_or_else(|| self.model.clone()),
            api_key: from_env
                .or(o.api_key)
                .unwrap_or_else(|| self.api_key.clone()),
            temperature: o.temperature.or(self.temperature),
            max_tokens: o.max_tokens.or(self.max_tokens),
            timeout_ms: o.timeout_ms.unwrap_or(self.timeout_ms),
            calls_per_turn: o.calls_per_turn.unwrap_or(self.calls_per_turn).max(1),
            tokens_per_day: o.tokens_per_day.unwrap_or(self.tokens_per_day),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brand_overrides_inherit_the_rest() {
        let var = "AGENT_STORE_TEST_KEY".to_string();
        let env = |name: &str| (name == "AGENT_STORE_TEST_KEY").then(|| "sk-from-env".to_string());
        let mut c = LlmConfig {
            provider: "openai".into(),
            model: "base".into(),
            api_key: "literal".into(),
            temperature: Some(0.7),
            ..LlmConfig::default()
        };
        c.brands.insert(
            "tech".into(),
            BrandLlmConfig {
                model: Some("precise".into()),
                temperature: Some(0.1),
                api_key_env: Some(var.clone()),
                tokens_per_day: Some(1000),
                ..Default::default()
            },
        );
        let tech = c.resolve_with(Some("tech"), env);
        assert_eq!(tech.model, "precise");
        assert_eq!(tech.temperature, Some(0.1));
        assert_eq!(tech.api_key, "sk-from-env");
        assert_eq!(tech.tokens_per_day, 1000);
        assert_eq!(tech.provider, "openai");
        let home = c.resolve_with(Some("home"), env);
        assert_eq!(home.model, "base");
        assert_eq!(home.api_key, "literal");
        assert_eq!(home.temperature, Some(0.7));
        assert_eq!(home.timeout_ms, 20_000);
    }

    #[test]
    fn brand_sections_parse_from_toml() {
        let c: LlmConfig = toml::from_str(
            "provider = \"ollama\"\nmodel = \"m\"\n[brands.gaming]\nmodel = \"g\"\nmax_tokens = 300\n",
        )
        .expect("parses");
        assert_eq!(c.resolve(Some("gaming")).max_tokens, Some(300));
        assert_eq!(c.resolve(Some("gaming")).provider, "ollama");
        assert!(toml::from_str::<LlmConfig>("[brands.x]\nmodle = \"typo\"\n").is_err());
    }
}
