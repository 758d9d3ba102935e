//! Status webhooks: after the Graph stand-in accepts a message it reports "sent" and then
//! "delivered" (and "read" once the page says the customer saw it), to the page over SSE and,
//! when configured, to the host's webhook as signed `statuses[]` payloads like Meta's.

use std::time::Duration;

use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use super::{MessageStatus, SANDBOX_WABA_ID, Sandbox};

/// Connecting to the host's webhook must be quick: it is on the same machine.
pub(super) const CONNECT_TIMEOUT: Duration = Duration::from_secs(1);
/// A whole status webhook POST, response included.
pub(super) const REQUEST_TIMEOUT: Duration = Duration::from_secs(3);
/// How long "read" waits for "delivered" to be reported first.
pub(super) const READ_WAIT: Duration = Duration::from_secs(10);
/// Meta reports "sent" shortly after answering the send request: leave the sender time to
/// store the wamid it was given before the status about it arrives.
const SENT_DELAY: Duration = Duration::from_millis(150);
/// And "delivered" a little later, so the page shows the ticks change.
const DELIVERED_DELAY: Duration = Duration::from_millis(350);

/// `sha256=<hex HMAC-SHA256(body, secret)>`, the `X-Hub-Signature-256` header value.
pub fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes())
        .expect("HMAC takes keys of any length");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

impl Sandbox {
    /// Reports "sent" then "delivered" for a freshly accepted message.
    pub(super) async fn deliver(&self, id: &str, to: &str) {
        for (delay, status) in [
            (SENT_DELAY, MessageStatus::Sent),
            (DELIVERED_DELAY, MessageStatus::Delivered),
        ] {
            tokio::time::sleep(delay).await;
            if self.advance(id, status).is_some() {
                self.post_status(id, to, status).await;
            }
        }
    }

    /// Meta's status webhook body for one status change.
    pub(super) fn status_payload(&self, id: &str, to: &str, status: MessageStatus) -> Value {
        let config = &self.inner.config;
        let now = chrono::Utc::now().timestamp();
        let mut entry = json!({
            "id": id,
            "status": status.as_str(),
            "timestamp": now.to_string(),
            "recipient_id": to,
        });
        // Meta attaches conversation and pricing to "sent" and "delivered", not to "read".
        if status != MessageStatus::Read {
            let (conversation, expires) = self.conversation(to, now);
            entry["conversation"] = json!({
                "id": conversation,
                "expiration_timestamp": expires.to_string(),
                "origin": {"type": "service"},
            });
            entry["pricing"] = json!({
                "billable": true,
                "pricing_model": "CBP",
                "category": "service",
            });
        }
        json!({
            "object": "whatsapp_business_account",
            "entry": [{
                "id": SANDBOX_WABA_ID,
                "changes": [{
                    "value": {
                        "messaging_product": "whatsapp",
                        "metadata": {
                            "display_phone_number": super::graph::digits(&config.display_phone_number),
                            "phone_number_id": config.phone_number_id,
                        },
                        "statuses": [entry],
                    },
                    "field": "messages",
                }],
            }],
        })
    }

    /// POSTs a signed status webhook to the configured URL. Failures are logged, never fatal.
    pub(super) async fn post_status(&self, id: &str, to: &str, status: MessageStatus) {
        let Some(url) = self.inner.config.webhook_url.as_deref() else {
            return;
        };
        let body = match serde_json::to_vec(&self.status_payload(id, to, status)) {
            Ok(body) => body,
            Err(err) => {
                tracing::warn!(%err, "sandbox: status webhook did not serialize");
                return;
            }
        };
        let signature = signature(&self.inner.config.app_secret, &body);
        let sent = self
            .inner
            .http
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header("X-Hub-Signature-256", signature)
            .body(body)
            .send()
            .await;
        match sent {
            Ok(response) if response.status().is_success() => {
                tracing::debug!(
                    wamid = id,
                    status = status.as_str(),
                    "sandbox: status webhook delivered"
                );
            }
            Ok(response) => {
                tracing::warn!(
                    wamid = id,
                    status = status.as_str(),
                    http_status = %response.status(),
                    url,
                    "sandbox: status webhook refused"
                );
            }
            Err(err) => {
                tracing::warn!(
                    wamid = id,
                    status = status.as_str(),
                    %err,
                    url,
                    "sandbox: status webhook failed"
                );
            }
        }
    }
}
