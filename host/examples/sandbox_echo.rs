//! A stand-alone WhatsApp sandbox with a fake seller behind it, for developing the sandbox page
//! and its browser test without the full host.
//!
//! It serves `Sandbox::routes()` plus a fake `POST /webhooks/whatsapp` that verifies the
//! `X-Hub-Signature-256` like the real webhook, then answers through the sandbox's own Graph
//! endpoint (over real HTTP, like the host's outbound client): an echo, reply buttons, a list,
//! product cards, an image, a template and a reaction.
//!
//! ```sh
//! SANDBOX_ADDR=127.0.0.1:8080 cargo run -p agent-store --example sandbox_echo
//! # then open http://127.0.0.1:8080/
//! ```

use std::net::SocketAddr;
use std::sync::Arc;

use agent_store::whatsapp::sandbox::{ProductLookup, Sandbox, SandboxConfig};
use anyhow::Context as _;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

const PHONE_NUMBER_ID: &str = "100000000000001";
const CATALOG_ID: &str = "sandbox-catalog";

#[derive(Clone)]
struct Echo {
    secret: Arc<str>,
    messages_url: Arc<str>,
    http: reqwest::Client,
}

fn laptops() -> Vec<Value> {
    [
        (
            "TEC-0101",
            "Aero 14 Ultrabook - 16GB / 512GB",
            "1099.00 USD",
            None,
        ),
        (
            "TEC-0102",
            "Aero 14 Ultrabook - 32GB / 1TB",
            "1399.00 USD",
            Some("1249.00 USD"),
        ),
        (
            "TEC-0103",
            "Forge 16 Gaming Laptop - RTX",
            "1899.00 USD",
            None,
        ),
        ("TEC-0104", "Slate 13 Chromebook", "449.00 USD", None),
    ]
    .into_iter()
    .map(|(id, title, price, sale)| {
        json!({
            "id": id,
            "title": title,
            "price": price,
            "sale_price": sale,
            "image_url": format!("https://cdn.store.example.com/img/{id}.jpg"),
        })
    })
    .collect()
}

fn product_lookup() -> ProductLookup {
    let products = laptops();
    Arc::new(move |id: &str| products.iter().find(|p| p["id"] == id).cloned())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let addr: SocketAddr = std::env::var("SANDBOX_ADDR")
        .unwrap_or_else(|_| "127.0.0.1:8080".to_owned())
        .parse()
        .context("SANDBOX_ADDR must be host:port")?;
    let secret = std::env::var("SANDBOX_APP_SECRET").unwrap_or_else(|_| "sandbox-secret".into());
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    let addr = listener.local_addr()?;
    let base = format!("http://{addr}");

    let sandbox = Sandbox::new(
        SandboxConfig {
            app_secret: secret.clone(),
            phone_number_id: PHONE_NUMBER_ID.to_owned(),
            display_phone_number: "+1 555 0100".to_owned(),
            webhook_url: Some(format!("{base}/webhooks/whatsapp")),
        },
        Some(product_lookup()),
    );
    let echo = Echo {
        secret: secret.into(),
        messages_url: format!(
            "{}/v21.0/{PHONE_NUMBER_ID}/messages",
            sandbox.graph_base_url(&base)
        )
        .into(),
        http: reqwest::Client::builder().no_proxy().build()?,
    };
    let app = sandbox.routes().merge(
        Router::new()
            .route("/webhooks/whatsapp", post(webhook))
            .with_state(echo),
    );
    tracing::info!("sandbox echo listening on {base}/");
    println!("SANDBOX_URL={base}");
    axum::serve(listener, app).await?;
    Ok(())
}

/// The fake webhook: verify like the real one, answer 200 at once, reply in the background.
async fn webhook(State(echo): State<Echo>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let signature = headers
        .get("x-hub-signature-256")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("sha256="))
        .and_then(|v| hex::decode(v).ok());
    let Some(signature) = signature else {
        tracing::warn!("webhook without a signature");
        return StatusCode::UNAUTHORIZED;
    };
    let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(echo.secret.as_bytes()) else {
        return StatusCode::INTERNAL_SERVER_ERROR;
    };
    mac.update(&body);
    if mac.verify_slice(&signature).is_err() {
        tracing::warn!("webhook with a bad signature");
        return StatusCode::UNAUTHORIZED;
    }
    let Ok(payload) = serde_json::from_slice::<Value>(&body) else {
        return StatusCode::BAD_REQUEST;
    };
    let values = payload["entry"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|entry| entry["changes"].as_array().into_iter().flatten())
        .map(|change| change["value"].clone());
    for value in values {
        for status in value["statuses"].as_array().into_iter().flatten() {
            tracing::info!(id = %status["id"], status = %status["status"], "status webhook");
        }
        for message in value["messages"].as_array().into_iter().flatten() {
            let (echo, message) = (echo.clone(), message.clone());
            tokio::spawn(async move {
                if let Err(err) = echo.reply(&message).await {
                    tracing::warn!(%err, "echo reply failed");
                }
            });
        }
    }
    StatusCode::OK
}

impl Echo {
    async fn graph(&self, body: Value) -> anyhow::Result<String> {
        let response = self
            .http
            .post(&*self.messages_url)
            .bearer_auth("sandbox-echo-token")
            .json(&body)
            .send()
            .await?;
        let status = response.status();
        let answer: Value = response.json().await?;
        anyhow::ensure!(status.is_success(), "Graph answered {status}: {answer}");
        Ok(answer["messages"][0]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }

    async fn send(&self, to: &str, kind: &str, content: Value) -> anyhow::Result<String> {
        self.graph(json!({
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": to,
            "type": kind,
            kind: content,
        }))
        .await
    }

    async fn reply(&self, message: &Value) -> anyhow::Result<()> {
        let from = message["from"].as_str().context("message without from")?;
        let id = message["id"].as_str().context("message without id")?;
        self.graph(
            json!({"messaging_product": "whatsapp", "status": "read", "message_id": id,
                          "typing_indicator": {"type": "text"}}),
        )
        .await?;
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
        let interactive = &message["interactive"];
        match (message["type"].as_str(), interactive["type"].as_str()) {
            (Some("text"), _) => {
                let body = message["text"]["body"].as_str().unwrap_or_default();
                self.send(
                    from,
                    "text",
                    json!({"body": format!("Echo: *{body}*\n_This is the sandbox echo seller._")}),
                )
                .await?;
                self.send(from, "interactive", json!({
                    "type": "button",
                    "header": {"type": "text", "text": "Let's find your laptop"},
                    "body": {"text": "What matters most to you?"},
                    "footer": {"text": "Agent Store · sandbox"},
                    "action": {"buttons": [
                        {"type": "reply", "reply": {"id": "pref-battery", "title": "Battery life"}},
                        {"type": "reply", "reply": {"id": "pref-power", "title": "Performance"}},
                        {"type": "reply", "reply": {"id": "pref-budget", "title": "Low budget"}},
                    ]},
                }))
                .await?;
            }
            (Some("interactive"), Some("button_reply")) => {
                let title = interactive["button_reply"]["title"]
                    .as_str()
                    .unwrap_or_default();
                let items: Vec<Value> = laptops()
                    .iter()
                    .map(|p| json!({"product_retailer_id": p["id"]}))
                    .collect();
                self.send(
                    from,
                    "interactive",
                    json!({
                        "type": "product_list",
                        "header": {"type": "text", "text": "Laptops for you"},
                        "body": {"text": format!("Great choice: _{title}_. Here are our picks.")},
                        "footer": {"text": "Prices include VAT"},
                        "action": {"catalog_id": CATALOG_ID, "sections": [
                            {"title": "Ultrabooks", "product_items": &items[..2]},
                            {"title": "Other", "product_items": &items[2..]},
                        ]},
                    }),
                )
                .await?;
                self.send(from, "interactive", json!({
                    "type": "list",
                    "header": {"type": "text", "text": "Budget"},
                    "body": {"text": "Or tell me your budget:"},
                    "action": {"button": "Choose budget", "sections": [
                        {"title": "Budget", "rows": [
                            {"id": "budget-500", "title": "Up to $500", "description": "Chromebooks and basics"},
                            {"id": "budget-1200", "title": "$500 – $1200", "description": "Ultrabooks"},
                            {"id": "budget-max", "title": "No limit", "description": "Gaming and workstations"},
                        ]},
                    ]},
                }))
                .await?;
            }
            (Some("interactive"), Some("list_reply")) => {
                let title = interactive["list_reply"]["title"]
                    .as_str()
                    .unwrap_or_default();
                self.send(
                    from,
                    "image",
                    json!({
                        "link": "https://cdn.store.example.com/img/TEC-0102.jpg",
                        "caption": format!("For *{title}* I recommend the Aero 14."),
                    }),
                )
                .await?;
                self.send(
                    from,
                    "interactive",
                    json!({
                        "type": "product",
                        "body": {"text": "Tap Buy to order it."},
                        "action": {"catalog_id": CATALOG_ID, "product_retailer_id": "TEC-0102"},
                    }),
                )
                .await?;
            }
            (Some("order"), _) => {
                self.send(
                    from,
                    "reaction",
                    json!({"message_id": message["id"], "emoji": "🛒"}),
                )
                .await?;
                self.send(
                    from,
                    "template",
                    json!({
                        "name": "order_confirmation",
                        "language": {"code": "en_US"},
                        "components": [
                            {"type": "body", "parameters": [
                                {"type": "text", "text": "Thanks! Your order is confirmed."},
                            ]},
                            {"type": "button", "sub_type": "quick_reply", "index": "0",
                             "parameters": [{"type": "payload", "payload": "Track order"}]},
                        ],
                    }),
                )
                .await?;
            }
            (kind, _) => {
                self.send(
                    from,
                    "reaction",
                    json!({"message_id": message["id"], "emoji": "👍"}),
                )
                .await?;
                self.send(
                    from,
                    "text",
                    json!({"body": format!("Got your {} message.", kind.unwrap_or("unknown"))}),
                )
                .await?;
            }
        }
        Ok(())
    }
}
