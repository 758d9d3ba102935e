//! The sandbox over real HTTP: a real listener, the real router, reqwest as the client.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use serde_json::{Value, json};
use tokio::sync::mpsc;

use super::statuses::signature;
use super::*;

const SECRET: &str = "test-app-secret";
const PHONE_ID: &str = "100000000000001";
const CUSTOMER: &str = "15551230002";
const WAIT: Duration = Duration::from_secs(10);

async fn serve(router: Router) -> anyhow::Result<String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        if let Err(err) = axum::serve(listener, router).await {
            tracing::error!(%err, "test server stopped");
        }
    });
    Ok(format!("http://{addr}"))
}

fn config(webhook_url: Option<String>) -> SandboxConfig {
    SandboxConfig {
        app_secret: SECRET.to_owned(),
        phone_number_id: PHONE_ID.to_owned(),
        display_phone_number: "+1 555 0100".to_owned(),
        webhook_url,
    }
}

fn products() -> ProductLookup {
    Arc::new(|id: &str| {
        (id == "TEC-0001").then(|| {
            json!({"id": "TEC-0001", "title": "Nova X12 Smartphone", "price": "499.00 USD",
                   "image_url": "https://cdn.store.example.com/img/TEC-0001.jpg"})
        })
    })
}

struct Harness {
    sandbox: Sandbox,
    base: String,
    client: reqwest::Client,
}

impl Harness {
    async fn start(webhook_url: Option<String>) -> anyhow::Result<Self> {
        let sandbox = Sandbox::new(config(webhook_url), Some(products()));
        let base = serve(sandbox.routes()).await?;
        let client = reqwest::Client::builder()
            .no_proxy()
            .timeout(WAIT)
            .build()?;
        Ok(Harness {
            sandbox,
            base,
            client,
        })
    }

    fn messages_url(&self) -> String {
        format!(
            "{}/v21.0/{PHONE_ID}/messages",
            self.sandbox.graph_base_url(&self.base)
        )
    }

    async fn send(&self, body: &Value) -> anyhow::Result<(StatusCode, Value)> {
        let response = self
            .client
            .post(self.messages_url())
            .bearer_auth("sandbox-token")
            .json(body)
            .send()
            .await?;
        let status = StatusCode::from_u16(response.status().as_u16())?;
        Ok((status, response.json().await?))
    }
}

fn text(to: &str, body: &str) -> Value {
    json!({"messaging_product": "whatsapp", "recipient_type": "individual", "to": to,
           "type": "text", "text": {"preview_url": false, "body": body}})
}

fn buttons(titles: &[&str]) -> Value {
    let buttons: Vec<Value> = titles
        .iter()
        .enumerate()
        .map(
            |(i, title)| json!({"type": "reply", "reply": {"id": format!("b{i}"), "title": title}}),
        )
        .collect();
    json!({"messaging_product": "whatsapp", "recipient_type": "individual", "to": CUSTOMER,
           "type": "interactive", "interactive": {"type": "button",
             "body": {"text": "Pick one"}, "action": {"buttons": buttons}}})
}

fn list(rows_per_section: &[usize]) -> Value {
    let sections: Vec<Value> = rows_per_section
        .iter()
        .enumerate()
        .map(|(s, rows)| {
            let rows: Vec<Value> = (0..*rows)
                .map(|r| json!({"id": format!("s{s}r{r}"), "title": format!("Row {r}"), "description": "A row"}))
                .collect();
            json!({"title": format!("Section {s}"), "rows": rows})
        })
        .collect();
    json!({"messaging_product": "whatsapp", "to": CUSTOMER, "type": "interactive",
           "interactive": {"type": "list", "body": {"text": "Choose"},
             "action": {"button": "Options", "sections": sections}}})
}

/// Asserts Meta's "(#100) Invalid parameter" envelope and returns its details.
fn assert_invalid(status: StatusCode, body: &Value) -> String {
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let error = &body["error"];
    assert_eq!(error["message"], "(#100) Invalid parameter", "{body}");
    assert_eq!(error["type"], "OAuthException");
    assert_eq!(error["code"], 100);
    assert_eq!(error["error_data"]["messaging_product"], "whatsapp");
    assert!(
        error["fbtrace_id"]
            .as_str()
            .is_some_and(|id| !id.is_empty())
    );
    error["error_data"]["details"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn valid_text_is_accepted_with_the_graph_response_shape() -> anyhow::Result<()> {
    let h = Harness::start(None).await?;
    let (status, body) = h.send(&text("+1 555-123-0002", "Hello *there*")).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["messaging_product"], "whatsapp");
    assert_eq!(
        body["contacts"],
        json!([{"input": "+1 555-123-0002", "wa_id": CUSTOMER}])
    );
    let id = body["messages"][0]["id"].as_str().unwrap_or_default();
    assert!(id.starts_with("wamid.") && id.len() > 20, "{id}");

    let sent = h.sandbox.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].id, id);
    assert_eq!(sent[0].to, CUSTOMER);
    assert_eq!(sent[0].kind, "text");

    let listed: Value = h
        .client
        .get(format!("{}/sandbox/messages?to={CUSTOMER}", h.base))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(listed[0]["id"], id);
    assert_eq!(listed[0]["payload"]["text"]["body"], "Hello *there*");
    let others: Value = h
        .client
        .get(format!("{}/sandbox/messages?to=19999999999", h.base))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(others, json!([]));
    Ok(())
}

#[tokio::test]
async fn every_supported_kind_is_accepted() -> anyhow::Result<()> {
    let h = Harness::start(None).await?;
    let bodies = [
        json!({"messaging_product": "whatsapp", "to": CUSTOMER, "type": "image",
               "image": {"link": "https://cdn.store.example.com/a.jpg", "caption": "Look"}}),
        buttons(&["Yes", "No", "Maybe"]),
        list(&[3, 7]),
        json!({"messaging_product": "whatsapp", "to": CUSTOMER, "type": "interactive",
               "interactive": {"type": "product", "body": {"text": "This one"},
                 "action": {"catalog_id": "cat", "product_retailer_id": "TEC-0001"}}}),
        json!({"messaging_product": "whatsapp", "to": CUSTOMER, "type": "interactive",
               "interactive": {"type": "product_list", "header": {"type": "text", "text": "Phones"},
                 "body": {"text": "Our picks"}, "action": {"catalog_id": "cat", "sections": [
                   {"title": "Phones", "product_items": [{"product_retailer_id": "TEC-0001"}]}]}}}),
        json!({"messaging_product": "whatsapp", "to": CUSTOMER, "type": "template",
               "template": {"name": "order_update", "language": {"code": "en_US"},
                 "components": [{"type": "body", "parameters": [{"type": "text", "text": "42"}]}]}}),
        json!({"messaging_product": "whatsapp", "to": CUSTOMER, "type": "reaction",
               "reaction": {"message_id": "wamid.abc", "emoji": "👍"}}),
    ];
    for body in &bodies {
        let (status, answer) = h.send(body).await?;
        assert_eq!(status, StatusCode::OK, "{body} -> {answer}");
    }
    assert_eq!(h.sandbox.sent().len(), bodies.len());
    Ok(())
}

#[tokio::test]
async fn invalid_payloads_get_the_graph_error_envelope() -> anyhow::Result<()> {
    let h = Harness::start(None).await?;

    let (status, body) = h.send(&buttons(&["a", "b", "c", "d"])).await?;
    let details = assert_invalid(status, &body);
    assert!(details.contains("buttons"), "{details}");

    let (status, body) = h.send(&buttons(&["x".repeat(25).as_str()])).await?;
    let details = assert_invalid(status, &body);
    assert!(
        details.contains("title") && details.contains("25"),
        "{details}"
    );

    let (status, body) = h.send(&buttons(&["Same", "Same"])).await?;
    assert_invalid(status, &body);

    let (status, body) = h.send(&list(&[6, 5])).await?;
    let details = assert_invalid(status, &body);
    assert!(details.contains("11"), "{details}");

    let (status, body) = h.send(&text(CUSTOMER, &"a".repeat(4097))).await?;
    assert_invalid(status, &body);
    let (status, _) = h.send(&text(CUSTOMER, &"é".repeat(4096))).await?;
    assert_eq!(
        status,
        StatusCode::OK,
        "the limit counts characters, not bytes"
    );

    let mut wrong_product = text(CUSTOMER, "hi");
    wrong_product["messaging_product"] = json!("sms");
    let (status, body) = h.send(&wrong_product).await?;
    assert_invalid(status, &body);

    let mut unknown_type = text(CUSTOMER, "hi");
    unknown_type["type"] = json!("hologram");
    let (status, body) = h.send(&unknown_type).await?;
    assert_invalid(status, &body);

    let (status, body) = h
        .send(
            &json!({"messaging_product": "whatsapp", "to": CUSTOMER, "type": "interactive",
            "interactive": {"type": "button", "body": {"text": "b".repeat(1025)},
              "action": {"buttons": [{"type": "reply", "reply": {"id": "1", "title": "ok"}}]}}}),
        )
        .await?;
    assert_invalid(status, &body);

    let items: Vec<Value> = (0..31)
        .map(|i| json!({"product_retailer_id": format!("P{i}")}))
        .collect();
    let (status, body) = h
        .send(
            &json!({"messaging_product": "whatsapp", "to": CUSTOMER, "type": "interactive",
            "interactive": {"type": "product_list", "header": {"type": "text", "text": "All"},
              "body": {"text": "Everything"}, "action": {"catalog_id": "cat",
                "sections": [{"title": "All", "product_items": items}]}}}),
        )
        .await?;
    assert_invalid(status, &body);

    // Not JSON at all.
    let response = h
        .client
        .post(h.messages_url())
        .bearer_auth("t")
        .body("{nope")
        .send()
        .await?;
    assert_eq!(response.status(), reqwest::StatusCode::BAD_REQUEST);

    assert!(
        h.sandbox.sent().len() == 1,
        "only the 4096-é text went through"
    );
    Ok(())
}

#[tokio::test]
async fn missing_or_empty_bearer_is_401_and_wrong_number_is_unknown_object() -> anyhow::Result<()> {
    let h = Harness::start(None).await?;
    let response = h
        .client
        .post(h.messages_url())
        .json(&text(CUSTOMER, "hi"))
        .send()
        .await?;
    assert_eq!(response.status(), reqwest::StatusCode::UNAUTHORIZED);
    let body: Value = response.json().await?;
    assert_eq!(body["error"]["type"], "OAuthException");
    assert!(body["error"]["code"].is_number());

    let response = h
        .client
        .post(h.messages_url())
        .header("Authorization", "Bearer ")
        .json(&text(CUSTOMER, "hi"))
        .send()
        .await?;
    assert_eq!(response.status(), reqwest::StatusCode::UNAUTHORIZED);
    let body: Value = response.json().await?;
    assert_eq!(body["error"]["code"], 190);

    let response = h
        .client
        .post(format!(
            "{}/v21.0/999/messages",
            h.sandbox.graph_base_url(&h.base)
        ))
        .bearer_auth("t")
        .json(&text(CUSTOMER, "hi"))
        .send()
        .await?;
    assert_eq!(response.status(), reqwest::StatusCode::BAD_REQUEST);
    let body: Value = response.json().await?;
    assert_eq!(body["error"]["error_subcode"], 33);
    assert!(h.sandbox.sent().is_empty());
    Ok(())
}

/// Reads SSE `data:` payloads until one satisfies `wanted`.
async fn next_event(
    response: &mut reqwest::Response,
    buffer: &mut String,
    wanted: impl Fn(&Value) -> bool,
) -> anyhow::Result<Value> {
    tokio::time::timeout(WAIT, async {
        loop {
            while let Some(end) = buffer.find("\n\n") {
                let frame: String = buffer.drain(..end + 2).collect();
                for line in frame.lines() {
                    if let Some(data) = line.strip_prefix("data:") {
                        let event: Value = serde_json::from_str(data.trim())?;
                        if wanted(&event) {
                            return Ok(event);
                        }
                    }
                }
            }
            let chunk = response
                .chunk()
                .await?
                .ok_or_else(|| anyhow::anyhow!("SSE stream ended"))?;
            buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    })
    .await?
}

#[tokio::test]
async fn sse_delivers_accepted_messages_and_statuses() -> anyhow::Result<()> {
    let h = Harness::start(None).await?;
    let mut events = h
        .client
        .get(format!("{}/sandbox/events?to={CUSTOMER}", h.base))
        .send()
        .await?;
    assert_eq!(events.status(), reqwest::StatusCode::OK);
    let content_type = events
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        content_type.starts_with("text/event-stream"),
        "{content_type}"
    );
    let mut buffer = String::new();
    // The "ready" event proves the subscription exists before we send.
    tokio::time::timeout(WAIT, async {
        while !buffer.contains("event: ready") {
            match events.chunk().await? {
                Some(chunk) => buffer.push_str(&String::from_utf8_lossy(&chunk)),
                None => anyhow::bail!("SSE stream ended"),
            }
        }
        anyhow::Ok(())
    })
    .await??;

    // A message to someone else must not reach this subscriber.
    h.send(&text("19999999999", "not for you")).await?;
    let (_, body) = h.send(&text(CUSTOMER, "for you")).await?;
    let id = body["messages"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    let event = next_event(&mut events, &mut buffer, |e| e["kind"] == "message").await?;
    assert_eq!(event["message"]["id"], id.as_str());
    assert_eq!(event["message"]["payload"]["text"]["body"], "for you");

    let delivered = next_event(&mut events, &mut buffer, |e| {
        e["kind"] == "status" && e["status"] == "delivered"
    })
    .await?;
    assert_eq!(delivered["id"], id.as_str());

    // Business marks a customer's message read and shows "typing…".
    let (status, body) = h
        .send(&json!({"messaging_product": "whatsapp", "status": "read",
            "message_id": "wamid.customer", "typing_indicator": {"type": "text"}}))
        .await?;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, json!({"success": true}));
    let read = next_event(&mut events, &mut buffer, |e| e["kind"] == "inbound_read").await?;
    assert_eq!(read["message_id"], "wamid.customer");
    assert_eq!(read["typing"], true);
    Ok(())
}

#[derive(Clone)]
struct Receiver {
    tx: mpsc::UnboundedSender<(HeaderMap, Bytes)>,
}

async fn receive(State(receiver): State<Receiver>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let _ = receiver.tx.send((headers, body));
    StatusCode::OK
}

#[tokio::test]
async fn status_webhooks_arrive_signed_sent_delivered_then_read() -> anyhow::Result<()> {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let receiver = serve(
        Router::new()
            .route(WEBHOOK_PATH, post(receive))
            .with_state(Receiver { tx }),
    )
    .await?;
    let h = Harness::start(Some(format!("{receiver}{WEBHOOK_PATH}"))).await?;

    let (status, body) = h.send(&text(CUSTOMER, "hello")).await?;
    assert_eq!(status, StatusCode::OK);
    let id = body["messages"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    let mut next = async || -> anyhow::Result<Value> {
        let (headers, body) = tokio::time::timeout(WAIT, rx.recv())
            .await?
            .ok_or_else(|| anyhow::anyhow!("receiver closed"))?;
        let header = headers
            .get("x-hub-signature-256")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert_eq!(
            header,
            signature(SECRET, &body),
            "signature over the raw body"
        );
        Ok(serde_json::from_slice(&body)?)
    };

    let mut seen = Vec::new();
    for _ in 0..2 {
        let payload = next().await?;
        assert_eq!(payload["object"], "whatsapp_business_account");
        let change = &payload["entry"][0]["changes"][0];
        assert_eq!(change["field"], "messages");
        assert_eq!(change["value"]["metadata"]["phone_number_id"], PHONE_ID);
        assert_eq!(
            change["value"]["metadata"]["display_phone_number"],
            "15550100"
        );
        let status = &change["value"]["statuses"][0];
        assert_eq!(status["id"], id.as_str());
        assert_eq!(status["recipient_id"], CUSTOMER);
        assert!(
            status["timestamp"]
                .as_str()
                .is_some_and(|t| t.parse::<i64>().is_ok())
        );
        assert_eq!(status["conversation"]["origin"]["type"], "service");
        assert_eq!(status["pricing"]["category"], "service");
        seen.push(status["status"].as_str().unwrap_or_default().to_owned());
    }
    assert_eq!(seen, ["sent", "delivered"]);

    let response = h
        .client
        .post(format!("{}/sandbox/read", h.base))
        .json(&json!({"wamid": id}))
        .send()
        .await?;
    assert!(response.status().is_success());
    let payload = next().await?;
    let status = &payload["entry"][0]["changes"][0]["value"]["statuses"][0];
    assert_eq!(status["status"], "read");
    assert_eq!(status["id"], id.as_str());
    assert_eq!(h.sandbox.sent()[0].status, MessageStatus::Read);

    let unknown = h
        .client
        .post(format!("{}/sandbox/read", h.base))
        .json(&json!({"wamid": "wamid.nope"}))
        .send()
        .await?;
    assert_eq!(unknown.status(), reqwest::StatusCode::NOT_FOUND);
    Ok(())
}

#[tokio::test]
async fn unreachable_webhook_does_not_stop_status_progress() -> anyhow::Result<()> {
    // Port 9 (discard) on localhost: nothing listens, the connection is refused.
    let h = Harness::start(Some("http://127.0.0.1:9/webhooks/whatsapp".to_owned())).await?;
    let (status, _) = h.send(&text(CUSTOMER, "hello")).await?;
    assert_eq!(status, StatusCode::OK);
    tokio::time::timeout(WAIT, async {
        while h.sandbox.sent()[0].status != MessageStatus::Delivered {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await?;
    Ok(())
}

#[tokio::test]
async fn page_config_and_products_are_served() -> anyhow::Result<()> {
    let h = Harness::start(None).await?;
    for path in ["/", "/sandbox"] {
        let response = h.client.get(format!("{}{path}", h.base)).send().await?;
        assert_eq!(response.status(), reqwest::StatusCode::OK);
        let html = response.text().await?;
        assert!(html.contains("data-testid=\"composer\""), "{path}");
    }
    let js = h
        .client
        .get(format!("{}/sandbox/assets/app.js", h.base))
        .send()
        .await?;
    assert!(
        js.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/javascript"))
    );

    let config: Value = h
        .client
        .get(format!("{}/sandbox/config", h.base))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(config["phone_number_id"], PHONE_ID);
    assert_eq!(config["display_phone_number"], "+1 555 0100");
    assert_eq!(config["app_secret"], SECRET);
    assert_eq!(config["webhook_path"], "/webhooks/whatsapp");

    let product = h
        .client
        .get(format!("{}/sandbox/products/TEC-0001", h.base))
        .send()
        .await?;
    assert_eq!(product.status(), reqwest::StatusCode::OK);
    let product: Value = product.json().await?;
    assert_eq!(product["title"], "Nova X12 Smartphone");
    let missing = h
        .client
        .get(format!("{}/sandbox/products/NOPE", h.base))
        .send()
        .await?;
    assert_eq!(missing.status(), reqwest::StatusCode::NOT_FOUND);

    assert_eq!(
        h.sandbox.graph_base_url("http://127.0.0.1:8080/"),
        "http://127.0.0.1:8080/sandbox/graph"
    );
    Ok(())
}

#[test]
fn signature_matches_a_known_vector() {
    // RFC 4231 test case 2.
    assert_eq!(
        signature("Jefe", b"what do ya want for nothing?"),
        "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    );
}
