//! Utility templates for order updates (confirmed, shipped, delivered,
//! payment failed): what a customer outside WhatsApp's 24-hour
//! customer-service window receives instead of the free-text update.
//!
//! - Which template each update uses is configured per business number
//!   (`[[whatsapp.order_templates]]`), with the Meta language code of each
//!   conversation language.
//! - The operator keeps the templates approved in WhatsApp Manager in a file
//!   (`whatsapp.templates_file`, default `prompts/templates.toml`): name,
//!   language, body with `{{n}}` placeholders, optional URL button with a
//!   `{{1}}` suffix. At start-up every configured (template, language) is
//!   looked up there; a missing one, or one whose placeholders do not match
//!   the update's parameters, is one `error` log line and is not used (the
//!   update then goes out as free text, which the gateway holds outside the
//!   window: the re-engagement template and a person take over, nothing is
//!   lost).
//!
//! Parameters (body `{{1}}`, `{{2}}`, ...):
//!
//! | update | body | URL button `{{1}}` |
//! |---|---|---|
//! | `confirmed` | order id, total | — |
//! | `shipped` | order id, carrier, tracking number | tracking number |
//! | `delivered` | order id | — |
//! | `payment_failed` | order id, total | — |

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::config::{TemplateConfig, WhatsAppConfig};
use crate::events::OrderInfo;

/// An order update that has a utility template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Update {
    Confirmed,
    Shipped,
    Delivered,
    PaymentFailed,
}

impl Update {
    pub const ALL: [Update; 4] = [
        Update::Confirmed,
        Update::Shipped,
        Update::Delivered,
        Update::PaymentFailed,
    ];

    /// From a `store.order.status.update`'s `to`.
    pub fn parse(to: &str) -> Option<Self> {
        match to {
            "confirmed" => Some(Self::Confirmed),
            "shipped" => Some(Self::Shipped),
            "delivered" => Some(Self::Delivered),
            "payment_failed" => Some(Self::PaymentFailed),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Shipped => "shipped",
            Self::Delivered => "delivered",
            Self::PaymentFailed => "payment_failed",
        }
    }

    /// How many body parameters the template takes.
    fn body_params(self) -> usize {
        match self {
            Self::Confirmed | Self::PaymentFailed => 2,
            Self::Shipped => 3,
            Self::Delivered => 1,
        }
    }

    fn params(self, o: &OrderInfo, language: &str) -> Vec<String> {
        let total = o.total.format_locale(language);
        match self {
            Self::Confirmed | Self::PaymentFailed => vec![o.order_id.clone(), total],
            Self::Shipped => vec![
                o.order_id.clone(),
                o.carrier.clone().unwrap_or_else(|| "-".into()),
                o.tracking_number.clone().unwrap_or_else(|| "-".into()),
            ],
            Self::Delivered => vec![o.order_id.clone()],
        }
    }
}

/// `[[whatsapp.order_templates]]`: the utility templates of one business
/// number.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct OrderTemplates {
    /// The business number; empty = every number without an entry of its own.
    pub phone_number_id: String,
    /// Template names per update; an empty name = no template for it.
    pub confirmed: String,
    pub shipped: String,
    pub delivered: String,
    pub payment_failed: String,
    /// Conversation language ("en", "pt", "es") → Meta language code.
    pub languages: BTreeMap<String, String>,
}

impl Default for OrderTemplates {
    fn default() -> Self {
        Self {
            phone_number_id: String::new(),
            confirmed: String::new(),
            shipped: String::new(),
            delivered: String::new(),
            payment_failed: String::new(),
            languages: [("en", "en_US"), ("pt", "pt_BR"), ("es", "es")]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }
}

impl OrderTemplates {
    fn name(&self, u: Update) -> &str {
        match u {
            Update::Confirmed => &self.confirmed,
            Update::Shipped => &self.shipped,
            Update::Delivered => &self.delivered,
            Update::PaymentFailed => &self.payment_failed,
        }
    }
}

/// The operator's templates file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplatesFile {
    #[serde(default)]
    pub templates: Vec<ApprovedTemplate>,
}

/// One template as approved in WhatsApp Manager.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovedTemplate {
    pub name: String,
    /// Meta's language code (`en_US`, `pt_BR`, `es`).
    pub language: String,
    /// `UTILITY`, `MARKETING`...
    #[serde(default)]
    pub category: String,
    /// The body text, with `{{1}}`, `{{2}}`... placeholders.
    pub body: String,
    /// A URL button whose URL ends with the `{{1}}` placeholder.
    #[serde(default)]
    pub url_button: Option<String>,
}

/// The highest `{{n}}` placeholder of a text.
fn placeholders(text: &str) -> usize {
    let mut max = 0;
    let mut rest = text;
    while let Some(at) = rest.find("{{") {
        rest = &rest[at + 2..];
        if let Some(end) = rest.find("}}")
            && let Ok(n) = rest[..end].trim().parse::<usize>()
        {
            max = max.max(n);
        }
    }
    max
}

/// The checked utility templates: (number, update, conversation language)
/// → the approved template.
#[derive(Debug, Clone, Default)]
pub struct UtilityTemplates {
    by_key: HashMap<(String, Update, String), ApprovedTemplate>,
}

impl UtilityTemplates {
    /// Check every configured template against the operator's file (one
    /// `error` line per missing or mismatched one, one `warn` if the file
    /// cannot be read). Returns the usable ones.
    pub fn load(config: &WhatsAppConfig, file: &Path) -> Self {
        let mut out = Self::default();
        if config.order_templates.is_empty() {
            return out;
        }
        let approved: Vec<ApprovedTemplate> = match std::fs::read_to_string(file) {
            Ok(text) => match toml::from_str::<TemplatesFile>(&text) {
                Ok(f) => f.templates,
                Err(e) => {
                    tracing::error!(file = %file.display(), error = %e, "the templates file is not valid: no order update is sent as a template (outside the 24-hour window they wait for a person)");
                    Vec::new()
                }
            },
            Err(e) => {
                tracing::error!(file = %file.display(), error = %e, "the templates file cannot be read: no order update is sent as a template (outside the 24-hour window they wait for a person)");
                Vec::new()
            }
        };
        for entry in &config.order_templates {
            for update in Update::ALL {
                let name = entry.name(update);
                if name.is_empty() {
                    continue;
                }
                for (conversation_language, code) in &entry.languages {
                    let Some(t) = approved
                        .iter()
                        .find(|t| t.name == name && t.language == *code)
                    else {
                        tracing::error!(template = %name, language = %code, update = update.as_str(), number = %entry.phone_number_id, file = %file.display(), "configured order template is missing from the templates file: this update goes out as free text (outside the 24-hour window it is held for a person and the re-engagement template is sent)");
                        continue;
                    };
                    let body = placeholders(&t.body);
                    let button = t.url_button.as_deref().map_or(0, placeholders);
                    let button_ok = match update {
                        Update::Shipped => button <= 1,
                        _ => button == 0,
                    };
                    if body != update.body_params() || !button_ok {
                        tracing::error!(template = %name, language = %code, update = update.as_str(), body_placeholders = body, expected = update.body_params(), "order template's placeholders do not match the update's parameters: not used");
                        continue;
                    }
                    out.by_key.insert(
                        (
                            entry.phone_number_id.clone(),
                            update,
                            conversation_language.clone(),
                        ),
                        t.clone(),
                    );
                }
            }
        }
        tracing::info!(
            templates = out.by_key.len(),
            file = %file.display(),
            "order update templates checked"
        );
        out
    }

    /// Every usable (name, language): added to the gateway's allow-list.
    pub fn allowed(&self) -> Vec<TemplateConfig> {
        let mut v: Vec<TemplateConfig> = self
            .by_key
            .values()
            .map(|t| TemplateConfig {
                name: t.name.clone(),
                language: t.language.clone(),
            })
            .collect();
        v.sort_by(|a, b| (&a.name, &a.language).cmp(&(&b.name, &b.language)));
        v.dedup();
        v
    }

    fn find(&self, number: &str, update: Update, language: &str) -> Option<&ApprovedTemplate> {
        let language = if language.is_empty() { "en" } else { language };
        [number, ""].iter().find_map(|n| {
            self.by_key
                .get(&(n.to_string(), update, language.to_string()))
                .or_else(|| self.by_key.get(&(n.to_string(), update, "en".into())))
        })
    }

    /// The Graph API template message for `update` of order `o` to `to`,
    /// and its text as the customer reads it; `None` when no usable
    /// template is configured for the number and language.
    pub fn message(&self, to: &str, update: Update, o: &OrderInfo) -> Option<(Value, String)> {
        let t = self.find(&o.phone_number_id, update, &o.language)?;
        let params = update.params(o, &o.language);
        let mut components = vec![json!({
            "type": "body",
            "parameters": params
                .iter()
                .map(|p| json!({"type": "text", "text": p}))
                .collect::<Vec<_>>(),
        })];
        let mut text = t.body.clone();
        for (i, p) in params.iter().enumerate() {
            text = text.replace(&format!("{{{{{}}}}}", i + 1), p);
        }
        if let (Update::Shipped, Some(url)) = (update, &t.url_button)
            && placeholders(url) == 1
        {
            let tracking = o.tracking_number.clone().unwrap_or_default();
            components.push(json!({
                "type": "button",
                "sub_type": "url",
                "index": "0",
                "parameters": [{"type": "text", "text": tracking}],
            }));
            text.push('\n');
            text.push_str(&url.replace("{{1}}", &tracking));
        }
        let body = super::outbound::template(to, &t.name, &t.language, &components);
        Some((body, text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Money;

    fn order(language: &str) -> OrderInfo {
        OrderInfo {
            order_id: "ORD-1".into(),
            conversation_id: "c".into(),
            phone_number_id: "100".into(),
            customer_wa_id: "155".into(),
            brand: "fashion".into(),
            language: language.into(),
            status: "shipped".into(),
            lines: Vec::new(),
            subtotal: Money::new(8990, "USD"),
            shipping: Money::new(0, "USD"),
            total: Money::new(8990, "USD"),
            payment_provider: "manual".into(),
            payment_url: None,
            tracking_number: Some("1Z999".into()),
            carrier: Some("UPS".into()),
        }
    }

    #[test]
    fn configured_templates_are_checked_against_the_file() {
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("templates.toml");
        std::fs::write(
            &file,
            r#"
[[templates]]
name = "order_shipped"
language = "pt_BR"
category = "UTILITY"
body = "Seu pedido {{1}} foi enviado pela {{2}}. Rastreio: {{3}}"
url_button = "https://track.example.com/{{1}}"

[[templates]]
name = "order_delivered"
language = "pt_BR"
body = "Pedido {{1}} entregue {{2}}"
"#,
        )
        .expect("write");
        let config = WhatsAppConfig {
            order_templates: vec![OrderTemplates {
                shipped: "order_shipped".into(),
                delivered: "order_delivered".into(),
                confirmed: "order_confirmed".into(),
                ..OrderTemplates::default()
            }],
            ..WhatsAppConfig::default()
        };
        let t = UtilityTemplates::load(&config, &file);
        // Only the pt_BR shipped template is usable: en/es are missing,
        // confirmed is missing, delivered has a placeholder too many.
        assert_eq!(
            t.allowed(),
            vec![TemplateConfig {
                name: "order_shipped".into(),
                language: "pt_BR".into()
            }]
        );
        let (body, text) = t
            .message("155", Update::Shipped, &order("pt"))
            .expect("pt template");
        assert_eq!(body["type"], "template");
        assert_eq!(body["template"]["language"]["code"], "pt_BR");
        assert_eq!(
            body["template"]["components"][0]["parameters"][1]["text"],
            "UPS"
        );
        assert_eq!(body["template"]["components"][1]["sub_type"], "url");
        assert!(text.contains("Rastreio: 1Z999"), "{text}");
        assert!(t.message("155", Update::Shipped, &order("es")).is_none());
        assert!(t.message("155", Update::Delivered, &order("pt")).is_none());
    }
}
