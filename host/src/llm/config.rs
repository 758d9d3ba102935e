//! LLM gateway settings.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct LlmConfig {
    /// `none` (plugins fall back to templates), `openai` or `ollama`.
    pub provider: String,
    pub base_url: String,
    pub model: String,
    pub api_key: String,
    pub timeout_ms: u64,
}

impl Default for LlmConfig {
    fn default() -> Self {
        Self {
            provider: "none".into(),
            base_url: String::new(),
            model: String::new(),
            api_key: String::new(),
            timeout_ms: 20_000,
        }
    }
}
