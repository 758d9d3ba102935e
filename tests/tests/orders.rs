//! Orders end to end: WhatsApp buttons and catalog orders through the real
//! router and seller plugins, the orders consumer, the admin API, the
//! payment-link provider against a local Stripe-compatible server with its
//! signed webhook, and the carrier webhook; every update checked at the
//! Graph API stand-in.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{ADMIN, Backend, Harness, PHONE_NUMBER_ID, SECRET, readable};
use hmac::Mac;
use serde_json::{Value, json};

/// An inbound message of any type from `from`.
fn envelope(from: &str, wamid: &str, message: Value) -> Value {
    let mut body =
        agent_store::whatsapp::payload::text_envelope(PHONE_NUMBER_ID, from, "Ana", wamid, "x");
    let m = &mut body["entry"][0]["changes"][0]["value"]["messages"][0];
    let ts = m["timestamp"].clone();
    *m = message;
    m["from"] = json!(from);
    m["id"] = json!(wamid);
    m["timestamp"] = ts;
    body
}

async fn tap(h: &Harness, from: &str, wamid: &str, id: &str, title: &str) {
    let body = envelope(
        from,
        wamid,
        json!({"type": "interactive", "interactive": {"type": "button_reply", "button_reply": {"id": id, "title": title}}}),
    );
    assert_eq!(h.post_webhook(&body, SECRET).await.status(), 200);
    h.settle().await;
}

async fn admin_post(h: &Harness, path: &str, body: Value) -> (u16, Value) {
    let r = h
        .http
        .post(format!("{}/admin{path}", h.app.url()))
        .bearer_auth(ADMIN)
        .json(&body)
        .send()
        .await
        .expect("admin request");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

async fn orders_of(h: &Harness, wa_id: &str) -> Vec<Value> {
    h.admin("/orders").await["orders"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|o| o["customer_wa_id"] == wa_id)
        .collect()
}

/// Everything sent to `wa_id` so far, as one readable text.
fn said(h: &Harness, wa_id: &str) -> String {
    readable(&h.sink.to(wa_id))
}

async fn add_to_cart_then_checkout_creates_an_order_and_every_update_reaches_the_customer(
    backend: Backend,
) {
    let h = Harness::start_on(backend).await;
    let me = "15557770001";
    h.say(me, "wamid.o1.hi", "hi, I'm looking for running shoes")
        .await;
    tap(&h, me, "wamid.o1.add", "add:FSH-0001", "Add to cart").await;
    assert!(
        orders_of(&h, me).await.is_empty(),
        "no order before checkout"
    );
    tap(&h, me, "wamid.o1.checkout", "checkout", "Checkout").await;

    let orders = orders_of(&h, me).await;
    assert_eq!(orders.len(), 1, "one order: {orders:?}");
    let order = &orders[0];
    let id = order["id"].as_str().expect("id").to_string();
    assert!(id.starts_with("ORD-") && id.len() == 21, "{id}");
    assert_eq!(order["status"], "pending");
    assert_eq!(order["brand"], "fashion");
    // 89.90 from the catalog + 15.00 shipping below 200.00.
    assert_eq!(order["total"]["minor_units"], 10_490);
    assert_eq!(order["total"]["currency"], "USD");
    let text = said(&h, me);
    assert!(text.contains(&format!("Order *{id}* received")), "{text}");
    assert!(text.contains("Total: $104.90"), "{text}");
    assert!(text.contains("Shipping: $15.00"), "{text}");

    // Tapping checkout again (a new message) does not double the order:
    // the cart is empty now.
    tap(&h, me, "wamid.o1.checkout2", "checkout", "Checkout").await;
    assert_eq!(orders_of(&h, me).await.len(), 1);

    // Shipping before payment is refused, with both states named.
    let (status, e) = admin_post(
        &h,
        &format!("/orders/{id}/ship"),
        json!({"tracking_number": "1Z999", "carrier": "UPS"}),
    )
    .await;
    assert_eq!(status, 409, "{e}");
    assert!(e["error"].as_str().unwrap_or_default().contains("pending"));

    // The operator records the Pix payment with the CLI (`agent-store
    // order confirm`), which talks to this host's admin API.
    use agent_store::cli::AdminApi;
    use agent_store::cli::orders::OrderCommand;
    let host = || AdminApi {
        url: Some(h.app.url()),
        token: Some(ADMIN.into()),
    };
    let config = agent_store::config::Config::default();
    agent_store::cli::orders::run(
        &config,
        OrderCommand::Confirm {
            id: id.clone(),
            reference: Some("pix-e2e".into()),
            host: host(),
        },
    )
    .await
    .expect("order confirm");
    let wrong = agent_store::cli::orders::run(
        &config,
        OrderCommand::Confirm {
            id: "ORD-20000101-NOSUCHID".into(),
            reference: None,
            host: host(),
        },
    )
    .await
    .expect_err("unknown order");
    assert!(wrong.to_string().contains("404"), "{wrong}");
    assert_eq!(
        h.admin(&format!("/orders/{id}")).await["order"]["status"],
        "confirmed"
    );
    let (status, _) = admin_post(
        &h,
        &format!("/orders/{id}/ship"),
        json!({"tracking_number": "1Z999AA10123456784", "carrier": "UPS"}),
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = admin_post(&h, &format!("/orders/{id}/deliver"), json!({})).await;
    assert_eq!(status, 200);
    let (status, _) = admin_post(&h, &format!("/orders/{id}/cancel"), json!({})).await;
    assert_eq!(status, 409, "a delivered order cannot be cancelled");
    h.settle().await;

    let text = said(&h, me);
    assert!(
        text.contains(&format!("Payment received ✅ Order *{id}* is confirmed")),
        "{text}"
    );
    assert!(
        text.contains("Carrier: UPS") && text.contains("Tracking number: 1Z999AA10123456784"),
        "{text}"
    );
    assert!(
        text.contains(&format!("Your order *{id}* was delivered")),
        "{text}"
    );

    let detail = h.admin(&format!("/orders/{id}")).await;
    let steps: Vec<&str> = detail["history"]
        .as_array()
        .expect("history")
        .iter()
        .filter_map(|s| s["to"].as_str())
        .collect();
    assert_eq!(
        steps,
        ["pending", "confirmed", "processing", "shipped", "delivered"]
    );
    assert_eq!(detail["order"]["payment_reference"], "pix-e2e");

    // The seller reads the order back through the plugins' `orders` import.
    h.say(me, "wamid.o1.where", "where is my order?").await;
    let last = readable(&h.sink.to(me)[h.sink.to(me).len() - 1..]);
    assert!(last.contains(&id), "order status answer: {last}");

    // The admin API needs the token.
    let r = h
        .http
        .get(format!("{}/admin/orders", h.app.url()))
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 401);
}

async fn a_whatsapp_catalog_order_becomes_the_cart_and_then_the_order(backend: Backend) {
    let h = Harness::start_on(backend).await;
    let me = "5511977770002";
    h.say(me, "wamid.o2.hi", "oi, quero um tênis de corrida")
        .await;
    let order_msg = envelope(
        me,
        "wamid.o2.cart",
        json!({"type": "order", "order": {"catalog_id": "c1", "product_items": [
            {"product_retailer_id": "FSH-0001", "quantity": 2, "item_price": 1, "currency": "USD"},
            {"product_retailer_id": "FSH-0005", "quantity": "1", "item_price": 1, "currency": "USD"}
        ]}}),
    );
    assert_eq!(h.post_webhook(&order_msg, SECRET).await.status(), 200);
    h.settle().await;
    tap(&h, me, "wamid.o2.checkout", "checkout", "Finalizar compra").await;
    let orders = orders_of(&h, me).await;
    assert_eq!(orders.len(), 1, "{}", said(&h, me));
    let o = &orders[0];
    let mut lines: Vec<(String, u64)> = o["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| {
            (
                l["product_id"].as_str().unwrap_or_default().to_string(),
                l["quantity"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    lines.sort();
    assert_eq!(
        lines,
        [("FSH-0001".to_string(), 2), ("FSH-0005".to_string(), 1)]
    );
    // 2 × 89.90 + 119.90 = 299.70 ≥ 200.00: free shipping; the prices the
    // WhatsApp cart claimed (1 cent) are ignored.
    assert_eq!(o["total"]["minor_units"], 29_970);
    assert_eq!(o["shipping"]["minor_units"], 0);
    let text = said(&h, me);
    let id = o["id"].as_str().expect("id");
    // The confirmation is in the conversation's language as the pipeline
    // last detected it (a catalog order carries no words).
    assert!(text.contains(id), "{text}");
    assert!(
        text.contains("Total: $299.70") || text.contains("Total: US$ 299,70"),
        "{text}"
    );
}

type Sessions = Arc<Mutex<Vec<Vec<(String, String)>>>>;

/// A local Stripe-compatible Checkout Sessions API.
async fn fake_stripe() -> (String, Sessions) {
    let seen: Sessions = Arc::default();
    let state = seen.clone();
    let app = axum::Router::new().route(
        "/v1/checkout/sessions",
        axum::routing::post(
            move |axum::Form(form): axum::Form<Vec<(String, String)>>| {
                let state = state.clone();
                async move {
                    let n = {
                        let mut s = state.lock().expect("lock");
                        s.push(form);
                        s.len()
                    };
                    axum::Json(json!({"id": format!("cs_e2e_{n}"), "url": format!("https://pay.example/cs_e2e_{n}")}))
                }
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}"), seen)
}

fn stripe_signature(secret: &str, t: i64, payload: &[u8]) -> String {
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).expect("key");
    mac.update(format!("{t}.").as_bytes());
    mac.update(payload);
    format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
}

async fn post_signed(
    h: &Harness,
    path: &str,
    header: &str,
    value: &str,
    body: &[u8],
) -> (u16, Value) {
    let r = h
        .http
        .post(format!("{}{path}", h.app.url()))
        .header("content-type", "application/json")
        .header(header, value)
        .body(body.to_vec())
        .send()
        .await
        .expect("webhook");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

async fn a_payment_link_is_sent_and_its_signed_webhook_confirms_the_order_then_the_carrier_ships_it(
    backend: Backend,
) {
    let (stripe, sessions) = fake_stripe().await;
    let h = Harness::start_on_with(backend, common::plugins_dir(), |c| {
        c.payments.provider = "checkout-link".into();
        c.payments.api_base = stripe.clone();
        c.payments.secret_key = "sk_test_e2e".into();
        c.payments.webhook_secret = "whsec_e2e".into();
        c.shipping.webhook_secret = "carrier-secret".into();
    })
    .await;
    let me = "15557770003";
    h.say(me, "wamid.o3.hi", "hi, I'm looking for running shoes")
        .await;
    tap(&h, me, "wamid.o3.add", "add:FSH-0001", "Add to cart").await;
    tap(&h, me, "wamid.o3.checkout", "checkout", "Checkout").await;
    let order = orders_of(&h, me).await.pop().expect("order");
    let id = order["id"].as_str().expect("id").to_string();
    assert_eq!(order["payment_provider"], "checkout-link");
    assert_eq!(order["payment_url"], "https://pay.example/cs_e2e_1");
    assert!(said(&h, me).contains("Pay securely here: https://pay.example/cs_e2e_1"));
    {
        let s = sessions.lock().expect("lock");
        assert_eq!(s.len(), 1);
        assert!(s[0].contains(&("client_reference_id".to_string(), id.clone())));
    }

    let event = json!({"id": "evt_e2e_1", "type": "checkout.session.completed", "data": {"object": {
        "id": "cs_e2e_1", "object": "checkout.session", "client_reference_id": id,
        "payment_status": "paid", "amount_total": 10_490, "currency": "usd"}}});
    let payload = serde_json::to_vec(&event).expect("json");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;

    // Forged: signed with another secret.
    let forged = stripe_signature("not-the-secret", now, &payload);
    let (status, _) = post_signed(
        &h,
        "/webhooks/payments",
        "Stripe-Signature",
        &forged,
        &payload,
    )
    .await;
    assert_eq!(status, 400);
    // Replayed: a genuine signature from an hour ago.
    let stale = stripe_signature("whsec_e2e", now - 3600, &payload);
    let (status, e) = post_signed(
        &h,
        "/webhooks/payments",
        "Stripe-Signature",
        &stale,
        &payload,
    )
    .await;
    assert_eq!(status, 400, "{e}");
    h.settle().await;
    assert_eq!(
        h.admin(&format!("/orders/{id}")).await["order"]["status"],
        "pending"
    );

    let good = stripe_signature("whsec_e2e", now, &payload);
    let (status, r) = post_signed(
        &h,
        "/webhooks/payments",
        "Stripe-Signature",
        &good,
        &payload,
    )
    .await;
    assert_eq!(
        (status, r["status"].as_str()),
        (200, Some("confirmed")),
        "{r}"
    );
    // The same delivery again (the provider retries): acknowledged, no effect.
    let (status, r) = post_signed(
        &h,
        "/webhooks/payments",
        "Stripe-Signature",
        &good,
        &payload,
    )
    .await;
    assert_eq!(
        (status, r["status"].as_str()),
        (200, Some("duplicate")),
        "{r}"
    );
    h.settle().await;
    let confirmed = h.admin(&format!("/orders/{id}")).await;
    assert_eq!(confirmed["order"]["status"], "confirmed");
    assert_eq!(confirmed["order"]["payment_reference"], "cs_e2e_1");
    assert_eq!(
        said(&h, me).matches("Payment received").count(),
        1,
        "one confirmation"
    );

    // The carrier reports the hand-over, signed; an unsigned report is refused.
    let update = serde_json::to_vec(&json!({"order_id": id, "status": "shipped",
        "tracking_number": "BR123456789BR", "carrier": "Correios"}))
    .expect("json");
    let (status, _) = post_signed(
        &h,
        "/webhooks/shipping",
        "X-Carrier-Signature",
        "sha256=00",
        &update,
    )
    .await;
    assert_eq!(status, 401);
    let sig = agent_store::whatsapp::signature::sign(b"carrier-secret", &update);
    let (status, r) = post_signed(
        &h,
        "/webhooks/shipping",
        "X-Carrier-Signature",
        &sig,
        &update,
    )
    .await;
    assert_eq!(
        (status, r["status"].as_str()),
        (200, Some("shipped")),
        "{r}"
    );
    h.settle().await;
    let text = said(&h, me);
    assert!(
        text.contains("Carrier: Correios") && text.contains("BR123456789BR"),
        "{text}"
    );
}

async fn admin_sets_stock_and_prices_and_the_last_unit_sells_once(backend: Backend) {
    let h = Harness::start_on(backend).await;
    let put = |path: String, body: Value| {
        let http = h.http.clone();
        let url = format!("{}/admin{path}", h.app.url());
        async move {
            let r = http
                .put(url)
                .bearer_auth(ADMIN)
                .json(&body)
                .send()
                .await
                .expect("put");
            (
                r.status().as_u16(),
                r.json::<Value>().await.unwrap_or(Value::Null),
            )
        }
    };
    let (status, s) = put("/products/FSH-0001/stock".into(), json!({"available": 1})).await;
    assert_eq!(status, 200, "{s}");
    assert_eq!(s["stock"]["available"], 1);
    let r = h
        .http
        .patch(format!("{}/admin/products/FSH-0001", h.app.url()))
        .bearer_auth(ADMIN)
        .json(&json!({"price": "99.00 USD"}))
        .send()
        .await
        .expect("patch");
    assert_eq!(r.status(), 200);
    let p = h.admin("/products/FSH-0001").await;
    assert_eq!(p["product"]["price"]["minor_units"], 9_900);
    assert_eq!(p["stock"]["available"], 1);
    let bad = h
        .http
        .patch(format!("{}/admin/products/FSH-0001", h.app.url()))
        .bearer_auth(ADMIN)
        .json(&json!({"price": "cheap"}))
        .send()
        .await
        .expect("patch");
    assert_eq!(bad.status(), 400);

    for (me, n) in [("15557770004", 1), ("15557770005", 2)] {
        h.say(
            me,
            &format!("wamid.o4.hi.{n}"),
            "hi, I'm looking for running shoes",
        )
        .await;
        tap(
            &h,
            me,
            &format!("wamid.o4.add.{n}"),
            "add:FSH-0001",
            "Add to cart",
        )
        .await;
    }
    for (me, n) in [("15557770004", 1), ("15557770005", 2)] {
        tap(
            &h,
            me,
            &format!("wamid.o4.checkout.{n}"),
            "checkout",
            "Checkout",
        )
        .await;
    }
    let first = orders_of(&h, "15557770004").await;
    assert_eq!(first.len(), 1);
    // The new price: 99.00 + 15.00.
    assert_eq!(first[0]["total"]["minor_units"], 11_400);
    assert!(orders_of(&h, "15557770005").await.is_empty(), "sold out");
    let text = said(&h, "15557770005");
    assert!(text.contains("don't have enough stock"), "{text}");
    let p = h.admin("/products/FSH-0001").await;
    assert_eq!(
        (
            p["stock"]["available"].as_i64(),
            p["stock"]["reserved"].as_i64()
        ),
        (Some(0), Some(1))
    );

    // Cancelling gives the unit back.
    let id = first[0]["id"].as_str().expect("id");
    let (status, _) = admin_post(
        &h,
        &format!("/orders/{id}/cancel"),
        json!({"reason": "customer asked"}),
    )
    .await;
    assert_eq!(status, 200);
    let p = h.admin("/products/FSH-0001").await;
    assert_eq!(p["stock"]["available"], 1);
    tokio::time::timeout(Duration::from_secs(30), h.app.idle())
        .await
        .expect("idle");
    assert!(said(&h, "15557770004").contains("was cancelled (customer asked)"));
}

/// A checkout session event for `order_id`, as the provider signs it.
fn session_event(event_id: &str, order_id: &str, object: Value) -> Value {
    let mut o = json!({"id": format!("cs_{event_id}"), "object": "checkout.session",
        "client_reference_id": order_id, "payment_status": "paid"});
    for (k, v) in object.as_object().into_iter().flatten() {
        o[k] = v.clone();
    }
    json!({"id": event_id, "type": "checkout.session.completed", "data": {"object": o}})
}

/// POST `event` to the payment webhook, genuinely signed now.
async fn pay(h: &Harness, event: &Value) -> (u16, Value) {
    let payload = serde_json::to_vec(event).expect("json");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    let sig = stripe_signature("whsec_e2e", now, &payload);
    post_signed(h, "/webhooks/payments", "Stripe-Signature", &sig, &payload).await
}

/// A customer checks out one pair of running shoes (104.90 with shipping).
async fn checkout(h: &Harness, me: &str, tag: &str) -> String {
    h.say(
        me,
        &format!("wamid.{tag}.hi"),
        "hi, I'm looking for running shoes",
    )
    .await;
    tap(
        h,
        me,
        &format!("wamid.{tag}.add"),
        "add:FSH-0001",
        "Add to cart",
    )
    .await;
    tap(
        h,
        me,
        &format!("wamid.{tag}.checkout"),
        "checkout",
        "Checkout",
    )
    .await;
    let order = orders_of(h, me).await.pop().expect("an order");
    assert_eq!(order["total"]["minor_units"], 10_490, "{order}");
    order["id"].as_str().expect("id").to_string()
}

async fn status_of(h: &Harness, id: &str) -> Value {
    h.admin(&format!("/orders/{id}")).await["order"]["status"].clone()
}

/// Genuinely signed payment events that must confirm nothing: no amount,
/// a wrong amount or currency, a payment for a cancelled order and for an
/// order whose reservation expired. Each leaves the order as it was, the
/// customer is never told "Payment received", and a correct payment still
/// confirms.
async fn payments_that_do_not_match_the_order_confirm_nothing(backend: Backend) {
    let (stripe, _sessions) = fake_stripe().await;
    let h = Harness::start_on_with(backend, common::plugins_dir(), |c| {
        c.payments.provider = "checkout-link".into();
        c.payments.api_base = stripe.clone();
        c.payments.secret_key = "sk_test_e2e".into();
        c.payments.webhook_secret = "whsec_e2e".into();
    })
    .await;
    let r = h
        .http
        .put(format!("{}/admin/products/FSH-0001/stock", h.app.url()))
        .bearer_auth(ADMIN)
        .json(&json!({"available": 10}))
        .send()
        .await
        .expect("put stock");
    assert_eq!(r.status(), 200);
    let me = "15557770011";
    let id = checkout(&h, me, "p1").await;

    // No amount_total: refused, so it is not confirmed unchecked.
    let (status, r) = pay(
        &h,
        &session_event("evt_p1_noamount", &id, json!({"currency": "usd"})),
    )
    .await;
    assert_eq!(status, 400, "{r}");
    assert!(
        r["error"]
            .as_str()
            .is_some_and(|e| e.contains("amount_total")),
        "{r}"
    );
    // No currency: the same.
    let (status, r) = pay(
        &h,
        &session_event("evt_p1_nocur", &id, json!({"amount_total": 10_490})),
    )
    .await;
    assert_eq!(status, 400, "{r}");
    // One cent short, and the right figure in another currency.
    for (event, amount, currency) in [
        ("evt_p1_short", 10_489, "usd"),
        ("evt_p1_brl", 10_490, "brl"),
    ] {
        let (status, r) = pay(
            &h,
            &session_event(
                event,
                &id,
                json!({"amount_total": amount, "currency": currency}),
            ),
        )
        .await;
        assert_eq!(
            (status, r["status"].as_str()),
            (200, Some("amount_mismatch")),
            "{r}"
        );
        assert!(
            r["error"].as_str().is_some_and(|e| e.contains("10490")),
            "{r}"
        );
    }
    h.settle().await;
    assert_eq!(status_of(&h, &id).await, "pending");

    // Cancelled by the operator, then paid: acknowledged, not confirmed.
    let (status, _) = admin_post(
        &h,
        &format!("/orders/{id}/cancel"),
        json!({"reason": "customer asked"}),
    )
    .await;
    assert_eq!(status, 200);
    let paid = json!({"amount_total": 10_490, "currency": "usd"});
    let (status, r) = pay(&h, &session_event("evt_p1_late", &id, paid.clone())).await;
    assert_eq!(
        (status, r["status"].as_str()),
        (200, Some("not_confirmable")),
        "{r}"
    );
    h.settle().await;
    assert_eq!(status_of(&h, &id).await, "cancelled");

    // A second customer's reservation lapses (the sweeper's own code, run
    // as if 31 minutes had passed), then the payment arrives.
    let other = "15557770012";
    let late = checkout(&h, other, "p2").await;
    assert_eq!(
        h.admin("/products/FSH-0001").await["stock"]["reserved"].as_i64(),
        Some(1),
        "the pending order holds its unit"
    );
    let later = agent_store::db::now_ms() + 31 * 60 * 1000;
    let expired = h
        .app
        .state
        .orders
        .expire_due(later)
        .await
        .expect("expiry sweep");
    assert_eq!(expired, vec![late.clone()]);
    assert_eq!(status_of(&h, &late).await, "cancelled");
    assert_eq!(
        h.admin("/products/FSH-0001").await["stock"]["reserved"].as_i64(),
        Some(0),
        "the unit went back to stock"
    );
    let (status, r) = pay(&h, &session_event("evt_p2_late", &late, paid.clone())).await;
    assert_eq!(
        (status, r["status"].as_str()),
        (200, Some("not_confirmable")),
        "{r}"
    );
    h.settle().await;
    assert_eq!(status_of(&h, &late).await, "cancelled");
    assert!(
        said(&h, other).contains(&format!(
            "Your order *{late}* was cancelled (payment not received in time)"
        )),
        "{}",
        said(&h, other)
    );
    for who in [me, other] {
        assert!(
            !said(&h, who).contains("Payment received"),
            "{}",
            said(&h, who)
        );
    }

    // The checks do not block a payment that matches.
    let third = "15557770013";
    let good = checkout(&h, third, "p3").await;
    let (status, r) = pay(
        &h,
        &session_event(
            "evt_p3_ok",
            &good,
            json!({"amount_total": 10_490, "currency": "USD"}),
        ),
    )
    .await;
    assert_eq!(
        (status, r["status"].as_str()),
        (200, Some("confirmed")),
        "{r}"
    );
    h.settle().await;
    assert_eq!(said(&h, third).matches("Payment received").count(), 1);
}

on_each_backend!(
    add_to_cart_then_checkout_creates_an_order_and_every_update_reaches_the_customer,
    a_whatsapp_catalog_order_becomes_the_cart_and_then_the_order,
    a_payment_link_is_sent_and_its_signed_webhook_confirms_the_order_then_the_carrier_ships_it,
    admin_sets_stock_and_prices_and_the_last_unit_sells_once,
    payments_that_do_not_match_the_order_confirm_nothing,
);

/// A customer who never typed a word (a catalog order, then a button) still
/// gets an order in a language, and every summary line adds up: the cart,
/// the checkout summary and the confirmation all show `3 × $89.90 = $269.70`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wordless_order_has_a_language_and_lines_that_add_up() {
    let h = Harness::start().await;
    let me = "15551237003";
    let order_msg = envelope(
        me,
        "wamid.o9.cart",
        json!({"type": "order", "order": {"catalog_id": "c1", "product_items": [
            {"product_retailer_id": "FSH-0001", "quantity": 3, "item_price": "89.90", "currency": "USD"}
        ]}}),
    );
    assert_eq!(h.post_webhook(&order_msg, SECRET).await.status(), 200);
    h.settle().await;
    tap(&h, me, "wamid.o9.checkout", "checkout", "Checkout").await;
    let orders = orders_of(&h, me).await;
    assert_eq!(orders.len(), 1, "{}", said(&h, me));
    let o = &orders[0];
    assert_eq!(o["total"]["minor_units"], 26_970);
    let language = o["language"].as_str().unwrap_or_default();
    assert!(
        ["en", "pt", "es"].contains(&language),
        "the order has the language it was sold in: {o}"
    );
    let text = said(&h, me);
    let id = o["id"].as_str().expect("id");
    assert!(text.contains(id), "{text}");
    let line_sums = text.matches("3 × $89.90 = $269.70").count();
    assert!(
        line_sums >= 2,
        "the checkout summary and the confirmation spell the line out: {text}"
    );
}
