//! The sales console's API over real HTTP against the real host with the
//! real plugins: escalation by a customer's WhatsApp message, take-over,
//! the rep's reply reaching the Graph API, hand-back to the AI, brand
//! scope, sign-in security, re-notification and reports.

mod common;

use std::time::Duration;

use agent_store::sales::{Role, Scope};
use common::{Backend, Harness, readable};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A signed-in console (cookie and CSRF token kept by hand).
struct Rep {
    http: reqwest::Client,
    base: String,
    cookie: String,
    csrf: String,
    set_cookie: String,
}

impl Rep {
    async fn login(h: &Harness, name: &str, password: &str) -> Rep {
        let base = format!("{}/console/api", h.app.url());
        let r = h
            .http
            .post(format!("{base}/login"))
            .json(&json!({ "name": name, "password": password }))
            .send()
            .await
            .expect("login request");
        assert_eq!(r.status(), StatusCode::OK, "{name} signs in");
        let set_cookie = r
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .expect("a session cookie")
            .to_string();
        let cookie = set_cookie
            .split(';')
            .next()
            .expect("cookie pair")
            .to_string();
        let body: Value = r.json().await.expect("json");
        Rep {
            http: h.http.clone(),
            base,
            cookie,
            csrf: body["csrf"].as_str().expect("csrf token").to_string(),
            set_cookie,
        }
    }

    async fn get(&self, path: &str) -> (StatusCode, Value) {
        let r = self
            .http
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .send()
            .await
            .expect("GET");
        let status = r.status();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .header("x-csrf-token", &self.csrf)
            .json(&body)
            .send()
            .await
            .expect("POST");
        let status = r.status();
        (status, r.json().await.unwrap_or(Value::Null))
    }
}

async fn add_user(h: &Harness, name: &str, role: Role, brands: &str) -> String {
    let password = format!("{name}-password-1");
    h.app
        .sales
        .users()
        .upsert(name, &password, role, &Scope::parse(brands))
        .await
        .expect("user saved");
    password
}

/// A customer reaches the fashion seller, then asks for a person.
async fn escalate(h: &Harness, wa_id: &str, tag: &str) -> Value {
    h.say(
        wa_id,
        &format!("wamid.{tag}.1"),
        "oi! quero um tênis de corrida preto",
    )
    .await;
    h.say(
        wa_id,
        &format!("wamid.{tag}.2"),
        "quero falar com um atendente",
    )
    .await;
    let conversation = h.conversation_of(wa_id).await.expect("conversation");
    assert_eq!(conversation["status"], "escalated", "the seller escalated");
    conversation
}

fn escalation_of(list: &Value, conversation_id: &str) -> Option<Value> {
    list["escalations"]
        .as_array()?
        .iter()
        .find(|e| e["conversation_id"] == conversation_id)
        .cloned()
}

async fn a_rep_takes_over_replies_and_hands_back_to_the_ai(backend: Backend) {
    let h = Harness::start_on(backend).await;
    let password = add_user(&h, "ana", Role::Rep, "fashion").await;
    let wa_id = "5511977770001";
    let conversation = escalate(&h, wa_id, "takeover").await;
    let cid = conversation["id"].as_str().expect("id");
    let sent_before = h.sink.to(wa_id).len();

    let rep = Rep::login(&h, "ana", &password).await;
    let (status, list) = rep.get("/escalations").await;
    assert_eq!(status, StatusCode::OK);
    let e = escalation_of(&list, cid).expect("the escalation is queued for fashion");
    assert_eq!(e["status"], "pending");
    assert_eq!(e["reason"], "customer_request");
    assert_eq!(e["brand"], "fashion");
    let summary = e["summary"].as_str().expect("summary");
    assert!(
        summary.contains("atendente") && summary.contains("Cart:"),
        "extractive summary of the conversation: {summary}"
    );
    let eid = e["id"].as_str().expect("escalation id");

    // The AI stays silent while escalated.
    h.say(wa_id, "wamid.takeover.3", "alguém aí?").await;
    assert_eq!(
        h.sink.to(wa_id).len(),
        sent_before,
        "no AI reply while escalated"
    );

    // Writing before taking it is refused.
    let (status, _) = rep
        .post(
            &format!("/conversations/{cid}/messages"),
            json!({ "text": "hi" }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    let (status, accepted) = rep
        .post(&format!("/escalations/{eid}/accept"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{accepted}");
    assert_eq!(accepted["escalation"]["status"], "accepted");
    assert_eq!(accepted["escalation"]["agent"], "ana");
    let (status, _) = rep
        .post(&format!("/escalations/{eid}/accept"), json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "taken once");

    // The assistant panel.
    let (status, assist) = rep.get(&format!("/conversations/{cid}/assist")).await;
    assert_eq!(status, StatusCode::OK, "{assist}");
    assert_eq!(assist["replies_by"], "templates");
    assert!(
        assist["replies"][0]
            .as_str()
            .is_some_and(|r| r.contains("ana") && r.starts_with("Olá")),
        "a Portuguese greeting from the rep: {assist}"
    );
    assert!(assist["window"]["open"].as_bool().expect("window"));
    assert!(assist["window"]["seconds_left"].as_i64().expect("left") > 23 * 3600);
    assert!(
        !assist["suggestions"]
            .as_array()
            .expect("suggestions")
            .is_empty(),
        "products for what the customer asked: {assist}"
    );
    let (status, products) = rep.get("/products?q=running%20shoes&brand=fashion").await;
    assert_eq!(status, StatusCode::OK);
    let product_id = products["products"][0]["id"]
        .as_str()
        .expect("a fashion product")
        .to_string();

    // The rep writes; the send stage delivers it through the Graph API once,
    // even when the client retries with the same key.
    let reply = json!({ "text": "Oi! Aqui é a Ana, vou te ajudar agora.", "key": "k-1" });
    let (status, sent) = rep
        .post(&format!("/conversations/{cid}/messages"), reply.clone())
        .await;
    assert_eq!(status, StatusCode::OK, "{sent}");
    let (status, _) = rep
        .post(&format!("/conversations/{cid}/messages"), reply)
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = rep
        .post(
            &format!("/conversations/{cid}/messages"),
            json!({ "product_id": product_id, "key": "k-2" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    h.settle().await;
    let to_customer = h.sink.to(wa_id);
    let text = readable(&to_customer);
    assert_eq!(
        text.matches("vou te ajudar agora").count(),
        1,
        "the rep's reply reached the customer once: {text}"
    );
    assert!(
        to_customer.len() >= sent_before + 2,
        "the reply and the product card were sent"
    );

    // The history says who wrote it.
    let (_, view) = rep.get(&format!("/conversations/{cid}")).await;
    let mine: Vec<&Value> = view["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .filter(|m| m["speaker"] == "human_agent")
        .collect();
    assert_eq!(mine.len(), 2, "{view}");
    assert_eq!(mine[0]["agent"], "ana");
    assert_eq!(mine[0]["state"], "sent");

    // Hand back: the AI answers the next message.
    let (status, closed) = rep
        .post(&format!("/escalations/{eid}/handback"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{closed}");
    assert_eq!(closed["escalation"]["status"], "handed_back");
    assert_eq!(
        h.conversation_of(wa_id).await.expect("conversation")["status"],
        "open"
    );
    let before = h.sink.to(wa_id).len();
    h.say(wa_id, "wamid.takeover.4", "quero ver tênis de corrida")
        .await;
    assert!(
        h.sink.to(wa_id).len() > before,
        "the AI answers again after the hand-back"
    );
    let (_, view) = rep.get(&format!("/conversations/{cid}")).await;
    let last = view["messages"]
        .as_array()
        .and_then(|m| m.last())
        .expect("a last message");
    assert_eq!(last["speaker"], "assistant", "{last}");

    // Reports: today's fashion row counts the escalation and the person.
    let (status, report) = rep.get("/reports").await;
    assert_eq!(status, StatusCode::OK, "{report}");
    let row = report["days"]
        .as_array()
        .expect("days")
        .iter()
        .find(|d| d["brand"] == "fashion")
        .expect("a fashion row")
        .clone();
    assert_eq!(row["conversations"], 1, "{row}");
    assert_eq!(row["escalations"], 1);
    assert_eq!(row["escalations_by_reason"]["customer_request"], 1);
    assert_eq!(row["human_handled"], 1);
    assert!(row["first_response_seconds"].as_f64().is_some(), "{row}");
    let csv = rep
        .http
        .get(format!("{}/reports.csv", rep.base))
        .header("cookie", &rep.cookie)
        .send()
        .await
        .expect("csv");
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .is_ok_and(|t| t.starts_with("text/csv"))
    );
    let csv = csv.text().await.expect("text");
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .is_some_and(|h| h.starts_with("date,brand,conversations,escalations,orders,revenue")),
        "{csv}"
    );
    assert!(
        lines.any(|l| l.contains(",fashion,1,1,")),
        "a fashion row: {csv}"
    );
}

async fn a_fashion_rep_can_neither_see_nor_act_on_a_tech_conversation(backend: Backend) {
    let h = Harness::start_on(backend).await;
    let fashion = add_user(&h, "fiona", Role::Rep, "fashion").await;
    let tech = add_user(&h, "theo", Role::Rep, "tech").await;
    let wa_id = "15551230777";
    h.say(wa_id, "wamid.scope.1", "hi, I'm looking for a new laptop")
        .await;
    h.say(wa_id, "wamid.scope.2", "I want to talk to a human agent")
        .await;
    let c = h.conversation_of(wa_id).await.expect("conversation");
    assert_eq!(c["brand"], "tech");
    assert_eq!(c["status"], "escalated");
    let cid = c["id"].as_str().expect("id");

    let theo = Rep::login(&h, "theo", &tech).await;
    let (_, list) = theo.get("/escalations").await;
    let e = escalation_of(&list, cid).expect("the tech rep sees it");
    let eid = e["id"].as_str().expect("id");

    let fiona = Rep::login(&h, "fiona", &fashion).await;
    let (status, list) = fiona.get("/escalations").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        escalation_of(&list, cid).is_none(),
        "not in the fashion rep's queue"
    );
    let (status, _) = fiona.get(&format!("/conversations/{cid}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = fiona.get(&format!("/conversations/{cid}/assist")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = fiona
        .post(&format!("/escalations/{eid}/accept"), json!({}))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = fiona
        .post(&format!("/escalations/{eid}/resolve"), json!({}))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = fiona
        .post(
            &format!("/conversations/{cid}/messages"),
            json!({ "text": "hello from fashion" }),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = fiona.get("/products?q=laptop&brand=tech").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, report) = fiona.get("/reports").await;
    assert!(
        report["days"]
            .as_array()
            .expect("days")
            .iter()
            .all(|d| d["brand"] == "fashion"),
        "reports only of fashion: {report}"
    );
    h.settle().await;
    assert!(
        !readable(&h.sink.to(wa_id)).contains("hello from fashion"),
        "nothing reached the customer"
    );
    // The escalation is untouched; the tech rep can take it.
    let (status, _) = theo
        .post(&format!("/escalations/{eid}/accept"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
}

async fn sign_in_is_protected_sessions_csrf_and_rate_limits(backend: Backend) {
    let h = Harness::start_on(backend).await;
    let password = add_user(&h, "sam", Role::Admin, "*").await;
    let api = format!("{}/console/api", h.app.url());

    // The page is served (no CDN) with a strict CSP.
    let page = h
        .http
        .get(format!("{}/console", h.app.url()))
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    assert!(
        page.headers()["content-security-policy"]
            .to_str()
            .is_ok_and(|c| c.contains("script-src 'self'"))
    );
    let html = page.text().await.expect("html");
    assert!(html.contains("/console/assets/app.js") && !html.contains("https://"));

    // No session: 401.
    let r = h
        .http
        .get(format!("{api}/escalations"))
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);

    let rep = Rep::login(&h, "sam", &password).await;
    let flags = rep.set_cookie.to_ascii_lowercase();
    assert!(flags.contains("httponly"), "{flags}");
    assert!(flags.contains("samesite=strict"), "{flags}");
    assert!(
        !flags.contains("secure"),
        "no Secure without an https public_url: {flags}"
    );
    // The Host header never decides Secure (a proxy forwarding
    // `Host: 127.0.0.1` would drop it): `server.public_url` does
    // (tests/tests/security_signin.rs).
    let r = h
        .http
        .post(format!("{api}/login"))
        .header("host", "sales.example.com")
        .json(&json!({ "name": "sam", "password": password }))
        .send()
        .await
        .expect("login");
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["set-cookie"]
            .to_str()
            .is_ok_and(|c| !c.contains("Secure")),
        "no Secure from a Host header alone"
    );

    // CSRF: every POST needs the session's token and a same-host origin.
    let path = format!("{api}/users");
    let new_user =
        json!({ "name": "x1", "password": "long-enough-1", "role": "rep", "brands": "home" });
    let r = h
        .http
        .post(&path)
        .header("cookie", &rep.cookie)
        .json(&new_user)
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "no CSRF token");
    let r = h
        .http
        .post(&path)
        .header("cookie", &rep.cookie)
        .header("x-csrf-token", "0".repeat(64))
        .json(&new_user)
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "wrong CSRF token");
    let r = h
        .http
        .post(&path)
        .header("cookie", &rep.cookie)
        .header("x-csrf-token", &rep.csrf)
        .header("origin", "https://evil.example")
        .json(&new_user)
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "cross-origin");
    let (status, _) = rep.post("/users", new_user).await;
    assert_eq!(status, StatusCode::OK, "with the token");
    let (_, users) = rep.get("/users").await;
    assert!(
        users["users"]
            .as_array()
            .expect("users")
            .iter()
            .any(|u| u["name"] == "x1")
    );
    // A rep may not manage users.
    let x1 = Rep::login(&h, "x1", "long-enough-1").await;
    let (status, _) = x1.get("/users").await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Sign-out ends the session server-side.
    let (status, _) = x1.post("/logout", json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = x1.get("/me").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Wrong passwords: 401 five times, then 429 even with the right one.
    for _ in 0..5 {
        let r = h
            .http
            .post(format!("{api}/login"))
            .json(&json!({ "name": "sam", "password": "wrong-password" }))
            .send()
            .await
            .expect("login");
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    let r = h
        .http
        .post(format!("{api}/login"))
        .json(&json!({ "name": "sam", "password": password }))
        .send()
        .await
        .expect("login");
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers().contains_key("retry-after"));
}

async fn an_urgent_escalation_nobody_takes_is_announced_again(backend: Backend) {
    let h = Harness::start_on(backend).await;
    h.app.sales.configure(|o| {
        o.renotify_after = Duration::from_millis(200);
        o.renotify_tick = Duration::from_millis(50);
    });
    let mut notices = h.app.sales.subscribe();
    let wa_id = "5511977770009";
    // Negative sentiment is urgent for the sellers.
    h.say(
        wa_id,
        "wamid.urgent.1",
        "oi! quero um tênis de corrida preto",
    )
    .await;
    h.say(wa_id, "wamid.urgent.2", "isso é um absurdo, estou furioso!")
        .await;
    let list = h
        .app
        .sales
        .escalations()
        .list(false, 10)
        .await
        .expect("list");
    let e = list.first().expect("an escalation").clone();
    assert_eq!(e.priority, "urgent", "{e:?}");
    let renotified = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            match notices.recv().await {
                Ok(n) if n.kind == "renotify" && n.escalation_id.as_deref() == Some(&e.id) => {
                    return n;
                }
                Ok(_) => continue,
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                Err(err) => panic!("notices closed: {err}"),
            }
        }
    })
    .await
    .expect("re-notified within 10 s");
    assert_eq!(renotified.brand.as_deref(), Some("fashion"));
    let again = h
        .app
        .sales
        .escalations()
        .get(&e.id)
        .await
        .expect("get")
        .expect("stored");
    assert!(again.notifications >= 2, "{again:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn users_add_stores_an_argon2_hash_from_the_environment() {
    let data = tempfile::tempdir().expect("tempdir");
    let config = agent_store::config::Config {
        data_dir: data.path().to_path_buf(),
        ..Default::default()
    };
    // The variable's value is passed in: setting it with `set_var` while
    // other tests run is undefined behaviour.
    agent_store::cli::users::run_with(
        &config,
        agent_store::cli::users::UsersCommand::Add {
            name: "bia".into(),
            role: "rep".into(),
            brands: "fashion, tech".into(),
        },
        Some("from-the-env-1".into()),
    )
    .await
    .expect("users add");
    let db = agent_store::db::Db::connect("", data.path())
        .await
        .expect("db");
    let users = agent_store::sales::Users::new(db);
    let bia = users
        .authenticate("bia", "from-the-env-1")
        .await
        .expect("auth")
        .expect("the password works");
    assert_eq!(bia.role, Role::Rep);
    assert_eq!(
        bia.scope,
        Scope::Brands(vec!["fashion".into(), "tech".into()])
    );
    assert!(
        users
            .authenticate("bia", "wrong")
            .await
            .expect("auth")
            .is_none()
    );
}

async fn a_rep_places_an_order_on_the_customers_behalf_once(backend: Backend) {
    let h = Harness::start_on(backend).await;
    let password = add_user(&h, "bia", Role::Rep, "fashion").await;
    let wa_id = "5511977770042";
    let conversation = escalate(&h, wa_id, "reporder").await;
    let cid = conversation["id"].as_str().expect("id");
    let rep = Rep::login(&h, "bia", &password).await;
    let (_, list) = rep.get("/escalations").await;
    let eid = escalation_of(&list, cid).expect("queued")["id"]
        .as_str()
        .expect("id")
        .to_string();
    let (status, _) = rep
        .post(&format!("/escalations/{eid}/accept"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, cart) = rep
        .post(
            &format!("/conversations/{cid}/cart"),
            json!({ "product_id": "FSH-0001", "quantity": 2 }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{cart}");
    let sent_before = h.sink.to(wa_id).len();
    for _ in 0..2 {
        let (status, body) = rep
            .post(
                &format!("/conversations/{cid}/order"),
                json!({ "key": "order-1" }),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    h.settle().await;
    let orders = h.admin("/orders").await;
    let mine: Vec<&Value> = orders["orders"]
        .as_array()
        .expect("orders")
        .iter()
        .filter(|o| o.to_string().contains(cid))
        .collect();
    assert_eq!(mine.len(), 1, "one order for the retried request: {orders}");
    assert!(
        h.sink.to(wa_id).len() > sent_before,
        "the customer got the order confirmation"
    );
    // Without an idempotency key the request is refused.
    let (status, _) = rep
        .post(&format!("/conversations/{cid}/order"), json!({ "key": "" }))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

/// A model server that answers every chat completion with three lines.
async fn scripted_model() -> String {
    let app = axum::Router::new().route(
        "/v1/chat/completions",
        axum::routing::post(|| async {
            axum::Json(json!({
                "id": "chatcmpl-1", "object": "chat.completion", "model": "scripted",
                "choices": [{ "index": 0, "finish_reason": "stop", "message": {
                    "role": "assistant",
                    "content": "Posso ajudar com o tamanho?\nTemos entrega rápida.\nQuer ver outras cores?"
                }}],
                "usage": { "prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20 }
            }))
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}/v1")
}

async fn with_an_llm_the_assistant_suggests_the_models_replies(backend: Backend) {
    let model = scripted_model().await;
    let h = Harness::start_on_with(backend, common::plugins_dir(), |c| {
        c.llm.provider = "openai".into();
        c.llm.base_url = model.clone();
        c.llm.model = "scripted".into();
    })
    .await;
    let password = add_user(&h, "caio", Role::Rep, "fashion").await;
    let wa_id = "5511977770077";
    let conversation = escalate(&h, wa_id, "llmassist").await;
    let cid = conversation["id"].as_str().expect("id");
    let rep = Rep::login(&h, "caio", &password).await;
    let (status, assist) = rep.get(&format!("/conversations/{cid}/assist")).await;
    assert_eq!(status, StatusCode::OK, "{assist}");
    assert_eq!(assist["replies_by"], "llm", "{assist}");
    assert_eq!(
        assist["replies"],
        json!([
            "Posso ajudar com o tamanho?",
            "Temos entrega rápida.",
            "Quer ver outras cores?"
        ])
    );
}

/// A failing orders query is a failure (500, logged), not "no orders":
/// the table is moved away under the running host, then put back.
async fn reports_and_the_assistant_fail_loudly_when_orders_cannot_be_read(backend: Backend) {
    let h = Harness::start_on(backend).await;
    let password = add_user(&h, "rui", Role::Rep, "fashion").await;
    let wa_id = "5511977770088";
    let conversation = escalate(&h, wa_id, "ordersgone").await;
    let cid = conversation["id"].as_str().expect("id");
    let rep = Rep::login(&h, "rui", &password).await;
    let assist = format!("/conversations/{cid}/assist");
    let (status, report) = rep.get("/reports").await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report["orders_source"],
        "orders (not cancelled or refunded), valued at their total"
    );
    let (status, a) = rep.get(&assist).await;
    assert_eq!(status, StatusCode::OK, "{a}");
    assert_eq!(a["orders"]["available"], true);

    let db = h.db().await;
    sqlx_exec(&db, "ALTER TABLE orders RENAME TO orders_moved_away").await;
    for path in ["/reports", assist.as_str()] {
        let (status, body) = rep.get(path).await;
        assert_eq!(
            status,
            StatusCode::INTERNAL_SERVER_ERROR,
            "{path} with the orders unreadable: {body}"
        );
        assert!(
            body["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{body}"
        );
    }
    sqlx_exec(&db, "ALTER TABLE orders_moved_away RENAME TO orders").await;
    let (status, report) = rep.get("/reports").await;
    assert_eq!(status, StatusCode::OK, "back to normal: {report}");
    let (status, _) = rep.get(&assist).await;
    assert_eq!(status, StatusCode::OK);
}

async fn sqlx_exec(db: &agent_store::db::Db, sql: &str) {
    sqlx::query(sql).execute(&db.pool).await.expect(sql);
}

on_each_backend!(
    a_rep_takes_over_replies_and_hands_back_to_the_ai,
    a_fashion_rep_can_neither_see_nor_act_on_a_tech_conversation,
    sign_in_is_protected_sessions_csrf_and_rate_limits,
    an_urgent_escalation_nobody_takes_is_announced_again,
    a_rep_places_an_order_on_the_customers_behalf_once,
    with_an_llm_the_assistant_suggests_the_models_replies,
    reports_and_the_assistant_fail_loudly_when_orders_cannot_be_read,
);
