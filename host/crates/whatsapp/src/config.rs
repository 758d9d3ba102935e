//! WhatsApp gateway settings.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct WhatsAppConfig {
    /// Meta app secret: signs every webhook. `serve` refuses to start without it.
    pub app_secret: String,
    /// Token Meta echoes during webhook verification.
    pub verify_token: String,
    /// Graph API bearer token for outbound messages.
    pub access_token: String,
    /// Graph API base URL (the demo points it at its local sandbox sink).
    pub graph_base_url: String,
    pub graph_version: String,
    /// The business phone number id replies are sent from when the inbound
    /// message did not say (it always does on WhatsApp).
    pub phone_number_id: String,
    pub display_phone_number: String,
    /// Timeout of one Graph API request.
    pub request_timeout_ms: u64,
    /// Business phone numbers (`[[whatsapp.numbers]]`). A number bound to a
    /// brand skips the router; the others are shared and routed. Replies
    /// always leave from the number the customer wrote to.
    pub numbers: Vec<NumberConfig>,
    /// Approved message templates the host may send (`[[whatsapp.templates]]`);
    /// any other template is refused before it reaches Meta.
    pub templates: Vec<TemplateConfig>,
    /// The template sent instead of a free-form reply once the 24-hour
    /// customer-service window has closed (empty: the reply is held for a
    /// human). Must be one of `templates`; the variant whose language
    /// matches the conversation's is chosen.
    pub reengagement_template: String,
    /// Utility templates of order updates (confirmed, shipped, delivered,
    /// payment failed) sent when the 24-hour window is closed, per business
    /// number (`[[whatsapp.order_templates]]`; see
    /// [`super::templates`]).
    pub order_templates: Vec<super::templates::OrderTemplates>,
    /// The operator's list of approved templates, checked at start-up
    /// against `order_templates`. Unset: `templates.toml` in the prompts
    /// directory.
    pub templates_file: Option<std::path::PathBuf>,
    /// Messages per second per business number (Meta's default throughput
    /// is 80).
    pub pace_per_second: f64,
    /// Messages a number may send at once before pacing starts.
    pub pace_burst: u32,
    /// Minimum gap between two messages to the same customer.
    pub pace_recipient_gap_ms: u64,
    /// Attempts of one send (429, 5xx, Meta's throttling codes) before it
    /// is left to the outbox's background retries.
    pub retry_attempts: u32,
    /// First retry delay, doubled after each attempt, with full jitter.
    pub retry_base_ms: u64,
    /// Longest retry delay (inline and in the outbox).
    pub retry_max_ms: u64,
    /// A queued message that could not be sent for this long is given up
    /// (marked failed).
    pub outbox_max_age_secs: u64,
    /// Largest inbound media file the host downloads (Meta's own caps:
    /// 16 MB audio and video, 5 MB images, 100 MB documents).
    pub media_max_bytes: u64,
}

/// One business phone number.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct NumberConfig {
    pub phone_number_id: String,
    pub display_phone_number: String,
    /// The brand this number belongs to; unset = shared and routed.
    pub brand: Option<String>,
}

/// One approved template.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct TemplateConfig {
    pub name: String,
    /// Meta's language code, e.g. `en_US`, `pt_BR`, `es`.
    pub language: String,
}

impl Default for WhatsAppConfig {
    fn default() -> Self {
        Self {
            app_secret: String::new(),
            verify_token: String::new(),
            access_token: String::new(),
            graph_base_url: "https://graph.facebook.com".into(),
            graph_version: "v21.0".into(),
            phone_number_id: String::new(),
            display_phone_number: String::new(),
            request_timeout_ms: 10_000,
            numbers: Vec::new(),
            templates: Vec::new(),
            reengagement_template: String::new(),
            order_templates: Vec::new(),
            templates_file: None,
            pace_per_second: 80.0,
            pace_burst: 20,
            pace_recipient_gap_ms: 100,
            retry_attempts: 4,
            retry_base_ms: 200,
            retry_max_ms: 30_000,
            outbox_max_age_secs: 24 * 3600,
            media_max_bytes: 16 * 1024 * 1024,
        }
    }
}

impl WhatsAppConfig {
    /// The brand a business number is bound to, if any.
    pub fn bound_brand(&self, phone_number_id: &str) -> Option<&str> {
        self.numbers
            .iter()
            .find(|n| n.phone_number_id == phone_number_id)
            .and_then(|n| n.brand.as_deref())
            .filter(|b| !b.is_empty())
    }

    /// Whether `phone_number_id` is one of the configured numbers (any
    /// number is accepted when none is configured).
    pub fn knows_number(&self, phone_number_id: &str) -> bool {
        (self.numbers.is_empty() && self.phone_number_id.is_empty())
            || self.phone_number_id == phone_number_id
            || self
                .numbers
                .iter()
                .any(|n| n.phone_number_id == phone_number_id)
    }

    /// The number to send from: the one the customer wrote to, else the
    /// default.
    pub fn sender<'a>(&'a self, phone_number_id: &'a str) -> &'a str {
        if !phone_number_id.is_empty() {
            phone_number_id
        } else if !self.phone_number_id.is_empty() {
            &self.phone_number_id
        } else {
            self.numbers
                .first()
                .map(|n| n.phone_number_id.as_str())
                .unwrap_or_default()
        }
    }

    /// Whether a template (name, language) is configured.
    pub fn template_allowed(&self, name: &str, language: &str) -> bool {
        self.templates
            .iter()
            .any(|t| t.name == name && t.language == language)
    }

    /// The re-engagement template for a conversation language ("pt", "es",
    /// "en" or ""): the variant whose code starts with it, else the first.
    pub fn reengagement(&self, language: &str) -> Option<&TemplateConfig> {
        if self.reengagement_template.is_empty() {
            return None;
        }
        let variants: Vec<&TemplateConfig> = self
            .templates
            .iter()
            .filter(|t| t.name == self.reengagement_template)
            .collect();
        variants
            .iter()
            .find(|t| !language.is_empty() && t.language.starts_with(language))
            .or(variants.first())
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_templates_and_reengagement() {
        let c: WhatsAppConfig = toml::from_str(
            r#"
            phone_number_id = "DEFAULT"
            reengagement_template = "follow_up"
            [[numbers]]
            phone_number_id = "PN-TECH"
            brand = "tech"
            [[numbers]]
            phone_number_id = "PN-SHARED"
            [[templates]]
            name = "follow_up"
            language = "en_US"
            [[templates]]
            name = "follow_up"
            language = "pt_BR"
            "#,
        )
        .expect("parses");
        assert_eq!(c.bound_brand("PN-TECH"), Some("tech"));
        assert_eq!(c.bound_brand("PN-SHARED"), None);
        assert_eq!(c.bound_brand("other"), None);
        assert!(c.knows_number("PN-SHARED") && c.knows_number("DEFAULT"));
        assert!(!c.knows_number("other"));
        assert_eq!(c.sender(""), "DEFAULT");
        assert_eq!(c.sender("PN-TECH"), "PN-TECH");
        assert!(c.template_allowed("follow_up", "pt_BR"));
        assert!(!c.template_allowed("follow_up", "es"));
        assert_eq!(
            c.reengagement("pt").map(|t| t.language.as_str()),
            Some("pt_BR")
        );
        assert_eq!(
            c.reengagement("es").map(|t| t.language.as_str()),
            Some("en_US")
        );
        assert_eq!(c.pace_per_second, 80.0, "defaults fill the rest");
    }
}
