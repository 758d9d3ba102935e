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
        }
    }
}
