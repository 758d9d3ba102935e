//! Payments: a provider interface and two providers.
//!
//! - `manual` (the default): the customer gets Pix key and/or cash on
//!   delivery instructions; an operator confirms the payment through the
//!   admin API (`POST /admin/orders/{id}/confirm`) or the CLI
//!   (`agent-store order confirm ID`).
//! - `checkout-link`: a Stripe-compatible Checkout Sessions API
//!   (`POST {api_base}/v1/checkout/sessions`, form-encoded, bearer secret
//!   key) returns a payment URL sent to the customer; the provider's signed
//!   webhook (`POST /webhooks/payments`, header
//!   `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "t.payload")>`)
//!   confirms the order.

// The store's other capabilities under the names the host gives them,
// so paths read the same inside this crate and in the host.
pub(crate) use agent_store_events as events;

pub mod signature;

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::events::OrderInfo;

/// `[payments]` in the configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PaymentsConfig {
    /// `manual` or `checkout-link`.
    pub provider: String,
    /// manual: the Pix key shown to customers (empty = no Pix).
    pub pix_key: String,
    /// manual: offer cash on delivery.
    pub cash_on_delivery: bool,
    /// checkout-link: the API's base URL.
    pub api_base: String,
    /// checkout-link: the secret API key (bearer).
    pub secret_key: String,
    /// checkout-link: the webhook signing secret.
    pub webhook_secret: String,
    /// checkout-link: where the payment page sends the customer back.
    pub success_url: String,
    pub cancel_url: String,
    /// Signed webhooks older (or newer) than this are refused as replays.
    pub webhook_tolerance_secs: u64,
    pub timeout_ms: u64,
}

impl Default for PaymentsConfig {
    fn default() -> Self {
        Self {
            provider: "manual".into(),
            pix_key: String::new(),
            cash_on_delivery: true,
            api_base: "https://api.stripe.com".into(),
            secret_key: String::new(),
            webhook_secret: String::new(),
            success_url: "https://wa.me/".into(),
            cancel_url: "https://wa.me/".into(),
            webhook_tolerance_secs: 300,
            timeout_ms: 10_000,
        }
    }
}

/// How the customer pays for one order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Checkout {
    /// Pay by Pix or on delivery; an operator confirms.
    Manual {
        pix_key: Option<String>,
        cash_on_delivery: bool,
    },
    /// Pay on a hosted page; the provider's webhook confirms.
    Link { url: String, reference: String },
}

#[derive(Debug, thiserror::Error)]
pub enum PaymentError {
    #[error("unknown payment provider {0:?} (expected \"manual\" or \"checkout-link\")")]
    UnknownProvider(String),
    #[error("payment provider misconfigured: {0}")]
    Config(String),
    #[error("payment provider request failed: {0}")]
    Http(#[from] reqwest::Error),
    #[error("payment provider answered {status}: {body}")]
    Refused { status: u16, body: String },
}

/// A way to get paid.
#[async_trait]
pub trait PaymentProvider: Send + Sync + 'static {
    /// `manual`, `checkout-link`.
    fn name(&self) -> &'static str;
    /// Start paying for `order`: instructions or a payment page. Called once
    /// per order (retried with the same order on failure: providers must be
    /// idempotent by order id).
    async fn start(&self, order: &OrderInfo) -> Result<Checkout, PaymentError>;
}

/// The provider `config.provider` names.
pub fn provider(config: &PaymentsConfig) -> Result<Arc<dyn PaymentProvider>, PaymentError> {
    match config.provider.as_str() {
        "manual" | "" => Ok(Arc::new(Manual {
            pix_key: Some(config.pix_key.clone()).filter(|k| !k.is_empty()),
            cash_on_delivery: config.cash_on_delivery,
        })),
        "checkout-link" | "stripe" => Ok(Arc::new(CheckoutLink::new(config)?)),
        other => Err(PaymentError::UnknownProvider(other.to_string())),
    }
}

/// Pix key / cash on delivery, confirmed by an operator.
#[derive(Debug, Clone)]
pub struct Manual {
    pub pix_key: Option<String>,
    pub cash_on_delivery: bool,
}

#[async_trait]
impl PaymentProvider for Manual {
    fn name(&self) -> &'static str {
        "manual"
    }

    async fn start(&self, _order: &OrderInfo) -> Result<Checkout, PaymentError> {
        Ok(Checkout::Manual {
            pix_key: self.pix_key.clone(),
            cash_on_delivery: self.cash_on_delivery,
        })
    }
}

/// A Stripe-compatible Checkout Sessions client.
#[derive(Debug, Clone)]
pub struct CheckoutLink {
    http: reqwest::Client,
    api_base: String,
    secret_key: String,
    success_url: String,
    cancel_url: String,
}

#[derive(Debug, Deserialize)]
struct Session {
    id: String,
    url: Option<String>,
}

impl CheckoutLink {
    pub fn new(config: &PaymentsConfig) -> Result<Self, PaymentError> {
        if config.secret_key.is_empty() {
            return Err(PaymentError::Config(
                "payments.secret_key is required by the checkout-link provider".into(),
            ));
        }
        if config.webhook_secret.is_empty() {
            return Err(PaymentError::Config(
                "payments.webhook_secret is required by the checkout-link provider".into(),
            ));
        }
        let http = reqwest::Client::builder()
            .timeout(Duration::from_millis(config.timeout_ms.max(1)))
            .build()?;
        Ok(Self {
            http,
            api_base: config.api_base.trim_end_matches('/').to_string(),
            secret_key: config.secret_key.clone(),
            success_url: config.success_url.clone(),
            cancel_url: config.cancel_url.clone(),
        })
    }

    /// The form fields of a session for `order`: one line item per order
    /// line plus shipping, amounts from the order (recomputed from the
    /// catalog), the order id as `client_reference_id` and metadata.
    pub fn session_form(&self, order: &OrderInfo) -> Vec<(String, String)> {
        let currency = order.total.currency.to_ascii_lowercase();
        let mut form = vec![
            ("mode".to_string(), "payment".to_string()),
            ("success_url".into(), self.success_url.clone()),
            ("cancel_url".into(), self.cancel_url.clone()),
            ("client_reference_id".into(), order.order_id.clone()),
            ("metadata[order_id]".into(), order.order_id.clone()),
        ];
        let mut items: Vec<(String, i64, u32)> = order
            .lines
            .iter()
            .map(|l| (l.title.clone(), l.unit_price.minor_units, l.quantity))
            .collect();
        if order.shipping.minor_units > 0 {
            items.push(("Shipping".into(), order.shipping.minor_units, 1));
        }
        for (i, (name, unit, qty)) in items.into_iter().enumerate() {
            let k = |f: &str| format!("line_items[{i}]{f}");
            form.push((k("[price_data][currency]"), currency.clone()));
            form.push((k("[price_data][product_data][name]"), name));
            form.push((k("[price_data][unit_amount]"), unit.to_string()));
            form.push((k("[quantity]"), qty.to_string()));
        }
        form
    }
}

#[async_trait]
impl PaymentProvider for CheckoutLink {
    fn name(&self) -> &'static str {
        "checkout-link"
    }

    async fn start(&self, order: &OrderInfo) -> Result<Checkout, PaymentError> {
        let response = self
            .http
            .post(format!("{}/v1/checkout/sessions", self.api_base))
            .bearer_auth(&self.secret_key)
            .header("Idempotency-Key", format!("checkout-{}", order.order_id))
            .form(&self.session_form(order))
            .send()
            .await?;
        let status = response.status();
        if !status.is_success() {
            let body: String = response
                .text()
                .await
                .unwrap_or_default()
                .chars()
                .take(500)
                .collect();
            return Err(PaymentError::Refused {
                status: status.as_u16(),
                body,
            });
        }
        let session: Session = response.json().await?;
        let url = session.url.ok_or_else(|| PaymentError::Refused {
            status: status.as_u16(),
            body: "the session has no url".into(),
        })?;
        tracing::info!(order = %order.order_id, session = %session.id, "checkout session created");
        Ok(Checkout::Link {
            url,
            reference: session.id,
        })
    }
}

/// A provider webhook event, as much as the store reads of it.
#[derive(Debug, Clone, Deserialize)]
pub struct WebhookEvent {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub data: WebhookData,
}

#[derive(Debug, Clone, Deserialize)]
pub struct WebhookData {
    pub object: serde_json::Value,
}

/// What a paid checkout session says was paid, for which order.
#[derive(Debug, Clone, PartialEq)]
pub struct PaidSession {
    pub order_id: String,
    /// The provider's session id (the order's payment reference).
    pub session: String,
    /// `amount_total` in minor units; `None` when the event omits it.
    pub amount: Option<i64>,
    /// `currency`, as sent (ISO code, any case); `None` when omitted.
    pub currency: Option<String>,
}

impl WebhookEvent {
    /// For a failed payment (`checkout.session.async_payment_failed`,
    /// `payment_intent.payment_failed`): the order it was for, and the
    /// provider's reason when it gives one.
    pub fn failed_order(&self) -> Option<(String, Option<String>)> {
        if self.kind != "checkout.session.async_payment_failed"
            && self.kind != "payment_intent.payment_failed"
        {
            return None;
        }
        let o = &self.data.object;
        let order_id = o
            .get("client_reference_id")
            .and_then(|v| v.as_str())
            .or_else(|| o.pointer("/metadata/order_id").and_then(|v| v.as_str()))?;
        let reason = o
            .pointer("/last_payment_error/message")
            .and_then(|v| v.as_str())
            .map(|r| r.chars().take(200).collect());
        Some((order_id.to_string(), reason))
    }

    /// For a completed, paid checkout session: the order and what was paid.
    pub fn paid_order(&self) -> Option<PaidSession> {
        if self.kind != "checkout.session.completed"
            && self.kind != "checkout.session.async_payment_succeeded"
        {
            return None;
        }
        let o = &self.data.object;
        if o.get("payment_status").and_then(|v| v.as_str()) != Some("paid") {
            return None;
        }
        let order_id = o
            .get("client_reference_id")
            .and_then(|v| v.as_str())
            .or_else(|| o.pointer("/metadata/order_id").and_then(|v| v.as_str()))?;
        let session = o.get("id").and_then(|v| v.as_str()).unwrap_or_default();
        Some(PaidSession {
            order_id: order_id.to_string(),
            session: session.to_string(),
            amount: o.get("amount_total").and_then(|v| v.as_i64()),
            currency: o
                .get("currency")
                .and_then(|v| v.as_str())
                .map(str::to_string),
        })
    }
}
