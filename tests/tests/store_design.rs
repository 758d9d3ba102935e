//! Issue 20 through the real host, with the `grounding-probe` seller
//! (`tests/plugins/grounding-probe`, built to wasm here) on a business
//! number bound to the tech brand:
//!
//! - order updates outside WhatsApp's 24-hour window go out as the
//!   configured utility templates (Cloud API template messages, captured at
//!   the Graph API stand-in) in the customer's language; inside the window
//!   as free text; a template missing from the operator's file is one log
//!   line and the update is held for a person, not lost;
//! - a seller turn publishes `store.product.query` and
//!   `store.product.recommend`, seen at an HTTP sink and by another
//!   consumer on RabbitMQ; a sink that is down parks them, the customer is
//!   answered;
//! - the grounding guard on the plugin's own texts: an invented price in a
//!   button title is dropped, a wrong price after a product's name is
//!   corrected, a ghost product refused, a flood of invented prices handled
//!   in one log line, counted per plugin; the customer is always answered;
//! - product names: an invented name in a text or a button is refused,
//!   real names, generic title-case words and the customer's own words
//!   pass; the LLM's own tool searches are published as
//!   `store.product.query` and the products its answer names as
//!   `store.product.recommend`, an invented name in its answer never
//!   reaches the customer;
//! - the funnel: an order of a recommended product counts as such.
//!
//! "30 hours ago" is real: the customer's message reaches the signed
//! webhook with a WhatsApp timestamp 30 hours old (as Meta delivers a
//! message late), which is what the host keeps as the last time the
//! customer wrote.

mod common;
mod llm_support;

use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use agent_store::config::Config;
use agent_store::whatsapp::NumberConfig;
use agent_store::whatsapp::templates::OrderTemplates;
use common::{ADMIN, Harness, PHONE_NUMBER_ID, SECRET, readable, workspace};
use hmac::Mac;
use serde_json::{Value, json};

// ------------------------------------------------------------------ harness

/// The probe seller, built once per test process.
fn probe_dir() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let out = workspace().join("target/design-plugins");
        agent_store::devkit::build::build_crates(
            &workspace(),
            &[workspace().join("tests/plugins/grounding-probe")],
            &out,
        )
        .expect("the grounding probe builds");
        out
    })
    .clone()
}

/// A host serving only the probe, the business number bound to tech.
async fn start(tweak: impl FnOnce(&mut Config)) -> (Harness, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let dest = dir.path().join("grounding-probe");
    std::fs::create_dir_all(&dest).expect("mkdir");
    for e in std::fs::read_dir(probe_dir().join("grounding-probe")).expect("built probe") {
        let e = e.expect("entry");
        let file = e.file_name().to_string_lossy().into_owned();
        if file == "plugin.toml" || file.ends_with(".wasm") {
            std::fs::copy(e.path(), dest.join(&file)).expect("copy");
        }
    }
    let h = Harness::start_with(dir.path().to_path_buf(), |c| {
        c.whatsapp.numbers = vec![NumberConfig {
            phone_number_id: PHONE_NUMBER_ID.into(),
            display_phone_number: "+1 555 000 0001".into(),
            brand: Some("tech".into()),
        }];
        tweak(c)
    })
    .await;
    (h, dir)
}

/// A `MakeWriter` appending to a shared buffer: the host's log lines.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl Write for Logs {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Logs {
    type Writer = Logs;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

/// The process's log (one global subscriber for every test of this file:
/// each test looks for lines naming its own plugin, template or order).
fn logs() -> Logs {
    static LOGS: OnceLock<Logs> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Logs::default();
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("info,tantivy=warn"))
            .with_writer(logs.clone())
            .with_ansi(false)
            .compact()
            .init();
        logs
    })
    .clone()
}

impl Logs {
    fn lines_with(&self, needles: &[&str]) -> Vec<String> {
        String::from_utf8_lossy(&self.0.lock().expect("logs"))
            .lines()
            .filter(|l| needles.iter().all(|n| l.contains(n)))
            .map(str::to_string)
            .collect()
    }
}

/// A text message from `from`, written `age` ago (WhatsApp's timestamp).
async fn say_at(h: &Harness, from: &str, wamid: &str, text: &str, age: Duration) {
    let mut body = agent_store::whatsapp::payload::text_envelope(
        PHONE_NUMBER_ID,
        from,
        "Cliente",
        wamid,
        text,
    );
    let at = chrono::Utc::now().timestamp() - i64::try_from(age.as_secs()).expect("secs");
    body["entry"][0]["changes"][0]["value"]["messages"][0]["timestamp"] = json!(at.to_string());
    assert_eq!(h.post_webhook(&body, SECRET).await.status(), 200);
    h.settle().await;
}

/// Wait (bounded, 20 s) until `cond` holds: messages the outbox's worker
/// sends (behind an earlier message of the conversation) leave after the
/// bus is idle.
async fn eventually<F, Fut>(what: &str, mut cond: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while !cond().await {
        assert!(tokio::time::Instant::now() < deadline, "{what} within 20 s");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
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

/// The id of the one order of `wa_id`.
async fn order_of(h: &Harness, wa_id: &str) -> String {
    let orders: Vec<Value> = h.admin("/orders").await["orders"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|o| o["customer_wa_id"] == wa_id)
        .collect();
    assert_eq!(orders.len(), 1, "one order for {wa_id}: {orders:?}");
    orders[0]["id"].as_str().expect("id").to_string()
}

/// Template messages sent to `wa_id` named `name`.
fn templates_to(h: &Harness, wa_id: &str, name: &str) -> Vec<Value> {
    h.sink
        .to(wa_id)
        .into_iter()
        .filter(|m| m["type"] == "template" && m["template"]["name"] == name)
        .collect()
}

fn body_params(m: &Value) -> Vec<String> {
    m["template"]["components"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["type"] == "body")
        .flat_map(|c| c["parameters"].as_array().cloned().unwrap_or_default())
        .filter_map(|p| p["text"].as_str().map(str::to_string))
        .collect()
}

fn all_templates() -> OrderTemplates {
    OrderTemplates {
        confirmed: "order_confirmed".into(),
        shipped: "order_shipped".into(),
        delivered: "order_delivered".into(),
        payment_failed: "order_payment_failed".into(),
        ..OrderTemplates::default()
    }
}

// ------------------------------------------------------------ templates

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn order_updates_outside_the_window_go_as_utility_templates_in_the_customers_language() {
    let logs = logs();
    let (h, _dir) = start(|c| {
        // Delivered names a template the operator's file does not have.
        c.whatsapp.order_templates = vec![OrderTemplates {
            delivered: "order_delivered_v9".into(),
            ..all_templates()
        }];
        c.whatsapp.reengagement_template = "follow_up".into();
        c.whatsapp.templates = vec![agent_store::whatsapp::TemplateConfig {
            name: "follow_up".into(),
            language: "pt_BR".into(),
        }];
    })
    .await;
    // The missing template: one clear line per language at start-up.
    let missing = logs.lines_with(&[
        "configured order template is missing from the templates file",
        "order_delivered_v9",
    ]);
    assert_eq!(missing.len(), 3, "{missing:#?}");
    assert!(missing.iter().any(|l| l.contains("pt_BR")), "{missing:#?}");

    // A Portuguese customer whose last message is 30 hours old (delivered
    // late by Meta): their order is placed in that turn.
    let late = "5511955500001";
    say_at(
        &h,
        late,
        "wamid.tpl.late",
        "olá, quero comprar o notebook, por favor faça o meu pedido",
        Duration::from_secs(30 * 3600),
    )
    .await;
    // An English customer inside the window.
    let now = "15555500002";
    say_at(
        &h,
        now,
        "wamid.tpl.now",
        "hello, I want to buy the laptop, please place my order",
        Duration::ZERO,
    )
    .await;
    let (late_order, now_order) = (order_of(&h, late).await, order_of(&h, now).await);

    for id in [&late_order, &now_order] {
        let (s, e) = admin_post(&h, &format!("/orders/{id}/confirm"), json!({})).await;
        assert_eq!(s, 200, "{e}");
        let (s, e) = admin_post(
            &h,
            &format!("/orders/{id}/ship"),
            json!({"tracking_number": "1Z999AA10123456784", "carrier": "UPS"}),
        )
        .await;
        assert_eq!(s, 200, "{e}");
        let (s, e) = admin_post(&h, &format!("/orders/{id}/deliver"), json!({})).await;
        assert_eq!(s, 200, "{e}");
    }
    h.settle().await;

    for name in ["order_confirmed", "order_shipped"] {
        eventually(name, || async { !templates_to(&h, late, name).is_empty() }).await;
    }
    eventually("the free-text updates inside the window", || async {
        readable(&h.sink.to(now)).contains("was delivered")
    })
    .await;
    // Outside the window: the confirmed and shipped templates, in pt_BR,
    // with their parameters and the tracking link's URL button.
    let confirmed = templates_to(&h, late, "order_confirmed");
    assert_eq!(confirmed.len(), 1, "{:#?}", h.sink.to(late));
    assert_eq!(confirmed[0]["template"]["language"]["code"], "pt_BR");
    assert_eq!(body_params(&confirmed[0])[0], late_order);
    let shipped = templates_to(&h, late, "order_shipped");
    assert_eq!(shipped.len(), 1, "{:#?}", h.sink.to(late));
    let t = &shipped[0];
    assert_eq!(t["messaging_product"], "whatsapp");
    assert_eq!(t["to"], late);
    assert_eq!(t["template"]["language"]["code"], "pt_BR");
    assert_eq!(
        body_params(t),
        [late_order.as_str(), "UPS", "1Z999AA10123456784"]
    );
    let button = t["template"]["components"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["type"] == "button"))
        .unwrap_or_else(|| panic!("a URL button: {t}"));
    assert_eq!(button["sub_type"], "url");
    assert_eq!(button["index"], "0");
    assert_eq!(button["parameters"][0]["text"], "1Z999AA10123456784");
    // No free-text update reached the late customer (Meta would refuse it).
    let free = readable(&h.sink.to(late));
    assert!(!free.contains("UPS"), "{free}");
    // Delivered has no usable template: the update is held for a person
    // (stored, with an escalation), and the re-engagement template went out.
    assert!(
        templates_to(&h, late, "order_delivered_v9").is_empty(),
        "a template missing from the file is never sent"
    );
    assert!(!templates_to(&h, late, "follow_up").is_empty());
    let db = h.db().await;
    let held = || async {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT state, text FROM messages WHERE direction = 'out' AND text LIKE '%foi entregue%'",
        )
        .fetch_all(&db.pool)
        .await
        .expect("messages");
        rows
    };
    eventually("the delivered update held", || async {
        held().await.iter().any(|(state, _)| state == "held")
    })
    .await;
    let held = held().await.len();
    assert_eq!(held, 1, "the delivered update is kept, not lost");

    // Inside the window: free text, no template.
    let told = readable(&h.sink.to(now));
    assert!(
        told.contains("Carrier: UPS") && told.contains("Tracking number: 1Z999AA10123456784"),
        "{told}"
    );
    assert!(
        told.contains(&format!("Your order *{now_order}* was delivered")),
        "{told}"
    );
    assert!(
        h.sink.to(now).iter().all(|m| m["type"] != "template"),
        "{:#?}",
        h.sink.to(now)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_payment_outside_the_window_sends_the_payment_failed_template() {
    let (h, _dir) = start(|c| {
        c.whatsapp.order_templates = vec![all_templates()];
        c.payments.webhook_secret = "whsec_design".into();
    })
    .await;
    let me = "5215555500003";
    say_at(
        &h,
        me,
        "wamid.tpl.pay",
        "hola, quiero comprar la laptop, por favor haz mi pedido",
        Duration::from_secs(30 * 3600),
    )
    .await;
    let id = order_of(&h, me).await;
    let event = json!({"id": "evt_failed_1", "type": "checkout.session.async_payment_failed",
        "data": {"object": {"id": "cs_1", "client_reference_id": id, "payment_status": "unpaid"}}});
    let raw = serde_json::to_vec(&event).expect("json");
    let t = chrono::Utc::now().timestamp();
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(b"whsec_design").expect("key");
    mac.update(format!("{t}.").as_bytes());
    mac.update(&raw);
    let sig = hex::encode(mac.finalize().into_bytes());
    for _ in 0..2 {
        // Twice: the provider's retry tells the customer nothing new.
        let r = h
            .http
            .post(format!("{}/webhooks/payments", h.app.url()))
            .header("stripe-signature", format!("t={t},v1={sig}"))
            .header("content-type", "application/json")
            .body(raw.clone())
            .send()
            .await
            .expect("payment webhook");
        assert_eq!(r.status(), 200);
    }
    h.settle().await;
    eventually("the payment-failed template", || async {
        !templates_to(&h, me, "order_payment_failed").is_empty()
    })
    .await;
    let failed = templates_to(&h, me, "order_payment_failed");
    assert_eq!(failed.len(), 1, "{:#?}", h.sink.to(me));
    assert_eq!(failed[0]["template"]["language"]["code"], "es");
    assert_eq!(body_params(&failed[0])[0], id);
    assert_eq!(
        h.admin(&format!("/orders/{id}")).await["order"]["status"],
        "pending",
        "a failed payment leaves the order payable"
    );
}

// ------------------------------------------------------------ product events

/// An HTTP CloudEvents sink: (type, subject, data) of every event.
#[derive(Clone, Default)]
struct EventSink(Arc<Mutex<Vec<(String, String, Value)>>>);

impl EventSink {
    async fn start() -> (Self, String) {
        let sink = EventSink::default();
        let s = sink.clone();
        let app = axum::Router::new().route(
            "/",
            axum::routing::post(
                move |headers: axum::http::HeaderMap, body: axum::body::Bytes| {
                    let s = s.clone();
                    async move {
                        let h = |k: &str| {
                            headers
                                .get(k)
                                .and_then(|v| v.to_str().ok())
                                .unwrap_or_default()
                                .to_string()
                        };
                        let data = serde_json::from_slice(&body).unwrap_or(Value::Null);
                        s.0.lock()
                            .expect("lock")
                            .push((h("ce-type"), h("ce-subject"), data));
                        axum::http::StatusCode::ACCEPTED
                    }
                },
            ),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}/", listener.local_addr().expect("addr"));
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        (sink, url)
    }

    fn of(&self, ty: &str) -> Vec<Value> {
        self.0
            .lock()
            .expect("lock")
            .iter()
            .filter(|(t, _, _)| t == ty)
            .map(|(_, _, d)| d.clone())
            .collect()
    }
}

/// Another team's consumer on RabbitMQ: its own consumer group on the
/// host's exchange.
struct Observer(Arc<Mutex<Vec<(String, Value)>>>);

#[async_trait::async_trait]
impl agent_store::bus::Handler for Observer {
    async fn handle(&self, event: cloudevents::Event) -> anyhow::Result<()> {
        use cloudevents::AttributesReader;
        let data = match event.data() {
            Some(cloudevents::Data::Json(v)) => v.clone(),
            Some(cloudevents::Data::String(s)) => serde_json::from_str(s)?,
            Some(cloudevents::Data::Binary(b)) => serde_json::from_slice(b)?,
            None => Value::Null,
        };
        self.0
            .lock()
            .expect("lock")
            .push((event.ty().to_string(), data));
        Ok(())
    }
}

/// Checks both product events of the `cross` turn of `wa_id`.
fn check_product_events(query: &[Value], recommend: &[Value], wa_id: &str, conversation: &str) {
    assert_eq!(query.len(), 1, "{query:#?}");
    let q = &query[0];
    assert_eq!(q["conversation_id"], conversation);
    assert_eq!(q["plugin"], "grounding-probe");
    assert_eq!(q["brand"], "tech");
    assert_eq!(q["text"], "laptop");
    assert_eq!(q["result_count"], 1);
    assert_eq!(recommend.len(), 1, "{recommend:#?}");
    let r = &recommend[0];
    let offered = r["offered"].as_array().expect("offered");
    assert!(offered.len() >= 2, "the laptop and a cross-sell: {r}");
    assert_eq!(offered[0]["position"], 1);
    assert_eq!(offered[0]["source"], "search");
    assert_eq!(offered[0]["cross_sell"], false);
    assert_eq!(offered[0]["product_id"], q["results"][0]);
    assert_eq!(offered[1]["position"], 2);
    assert_eq!(offered[1]["cross_sell"], true);
    assert_eq!(offered[1]["source"], "cross_sell");
    // No phone number anywhere in either event.
    for e in query.iter().chain(recommend) {
        assert!(!e.to_string().contains(wa_id), "{e}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_seller_turn_publishes_product_events_to_an_http_sink_and_rabbitmq() {
    let (events, sink_url) = EventSink::start().await;
    let prefix = format!(
        "test.design.{}.{}",
        std::process::id(),
        chrono::Utc::now().timestamp_millis()
    );
    let (h, _dir) = start(|c| {
        c.bus.backend = "amqp".into();
        c.bus.prefix = prefix.clone();
        c.bus.queue_expires_ms = 60_000;
        c.bus.sink_url = Some(sink_url);
    })
    .await;
    let bus_config = h.app.state.config.bus.clone();
    // Another consumer of the same exchange, subscribed before the turn.
    let observer_bus = agent_store::bus::connect(&agent_store::bus::BusConfig {
        sink_url: None,
        ..bus_config.clone()
    })
    .await
    .expect("observer connects");
    let seen = Arc::new(Mutex::new(Vec::new()));
    observer_bus
        .subscribe(
            "analytics",
            &[
                agent_store::events::EventType::ProductQuery,
                agent_store::events::EventType::ProductRecommend,
            ],
            Arc::new(Observer(seen.clone())),
        )
        .await
        .expect("subscribe");

    let me = "15555500004";
    say_at(&h, me, "wamid.ev.cross", "cross", Duration::ZERO).await;
    assert!(!h.sink.to(me).is_empty(), "the customer was answered");
    let conversation = h.conversation_of(me).await.expect("conversation");
    let conversation = conversation["id"].as_str().expect("id").to_string();

    // The HTTP sink (k-sink group) and the observer get them in their own
    // time: wait, bounded.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let on_bus = seen.lock().expect("lock").len();
        if (events.of("store.product.query").len() == 1
            && events.of("store.product.recommend").len() == 1
            && on_bus >= 2)
            || tokio::time::Instant::now() > deadline
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    check_product_events(
        &events.of("store.product.query"),
        &events.of("store.product.recommend"),
        me,
        &conversation,
    );
    let on_bus = seen.lock().expect("lock").clone();
    let of = |ty: &str| -> Vec<Value> {
        on_bus
            .iter()
            .filter(|(t, _)| t == ty)
            .map(|(_, d)| d.clone())
            .collect()
    };
    check_product_events(
        &of("store.product.query"),
        &of("store.product.recommend"),
        me,
        &conversation,
    );

    // The funnel counts what was offered from the events.
    let metrics = agent_store::telemetry::metrics::get()
        .encode()
        .expect("metrics");
    assert!(
        metrics
            .lines()
            .any(|l| l.starts_with("agent_store_recommendations_shown_total{brand=\"tech\"}")),
        "{metrics}"
    );

    observer_bus.close().await;
    h.app.state.bus.close().await;
    let groups: Vec<String> = [
        "route",
        "sell",
        "render",
        "send",
        "delivery",
        "funnel",
        "k-sink",
        "orders",
        "analytics",
    ]
    .iter()
    .map(|g| g.to_string())
    .collect();
    agent_store::bus::amqp::delete_topology(&bus_config, &groups)
        .await
        .expect("topology deleted");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_event_sink_that_is_down_parks_the_events_and_the_customer_is_answered() {
    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let (h, _dir) = start(|c| {
        c.bus.sink_url = Some(format!("http://127.0.0.1:{dead}/"));
        c.bus.retry_attempts = 2;
        c.bus.retry_backoff_ms = 10;
    })
    .await;
    let me = "15555500005";
    say_at(&h, me, "wamid.ev.down", "cross", Duration::ZERO).await;
    assert!(!h.sink.to(me).is_empty(), "the customer was answered");
    let parked = h.admin("/events/parked?group=k-sink&limit=1000").await;
    let types: Vec<&str> = parked["events"]
        .as_array()
        .expect("parked events")
        .iter()
        .filter_map(|e| e["type"].as_str())
        .collect();
    for ty in ["store.product.query", "store.product.recommend"] {
        assert!(types.contains(&ty), "{ty} kept for a replay: {parked}");
    }
}

// ------------------------------------------------------------ grounding

fn grounding_count(outcome: &str) -> u64 {
    let text = agent_store::telemetry::metrics::get()
        .encode()
        .expect("metrics");
    text.lines()
        .filter(|l| {
            l.starts_with("agent_store_plugin_grounding_total{")
                && l.contains("plugin=\"grounding-probe\"")
                && l.contains(&format!("outcome=\"{outcome}\""))
        })
        .filter_map(|l| l.rsplit(' ').next()?.parse::<u64>().ok())
        .sum()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plugin_texts_are_grounded_in_the_catalog_and_the_customer_is_still_answered() {
    let logs = logs();
    let (h, _dir) = start(|_| {}).await;
    let laptop = h
        .app
        .state
        .catalog
        .search(
            Some("tech"),
            &agent_store::catalog::SearchQuery {
                text: "laptop".into(),
                limit: 1,
                ..Default::default()
            },
        )
        .into_iter()
        .next()
        .expect("a laptop")
        .product;
    let price = laptop.effective_price().minor_units;
    let price = format!("${}.{:02}", price / 100, price % 100);
    let me = "15555500006";
    let mut n = 0;
    let mut ask = async |text: &str| -> Vec<Value> {
        n += 1;
        let before = h.sink.to(me).len();
        say_at(&h, me, &format!("wamid.gr.{n}"), text, Duration::ZERO).await;
        let after = h.sink.to(me);
        assert!(after.len() > before, "{text:?} was answered");
        after[before..].to_vec()
    };

    // The catalog's price passes untouched.
    let (corrected0, refused0) = (grounding_count("corrected"), grounding_count("refused"));
    let told = readable(&ask("right").await);
    assert!(told.contains(&price), "{told}");
    assert_eq!(grounding_count("refused"), refused0);

    // An invented price in a button title: that button is dropped, the
    // rest of the message goes out.
    let sent = ask("button").await;
    let raw = serde_json::to_string(&sent).expect("json");
    assert!(!raw.contains("$1.00"), "{raw}");
    assert!(
        raw.contains(&format!("Interested in the {}", laptop.title)),
        "{raw}"
    );
    let buttons: Vec<String> = sent
        .iter()
        .flat_map(|m| {
            m.pointer("/interactive/action/buttons")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|b| {
            b.pointer("/reply/title")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .collect();
    assert_eq!(buttons, ["More"], "{raw}");
    assert_eq!(grounding_count("refused"), refused0 + 1);

    // A wrong price right after the product's name: corrected.
    let told = readable(&ask("wrong").await);
    assert!(!told.contains("$1.00") && told.contains(&price), "{told}");
    assert_eq!(grounding_count("corrected"), corrected0 + 1);

    // A product the catalog does not have: refused, the host answers.
    let told = readable(&ask("ghost").await);
    assert!(!told.contains("TEC-9999"), "{told}");
    assert!(told.contains("couldn't confirm those details"), "{told}");

    // A flood of invented prices: dropped, one log line for the turn, the
    // customer still answered.
    let before = logs
        .lines_with(&["grounding: plugin text not backed", "grounding-probe"])
        .len();
    let sent = ask("flood").await;
    let raw = serde_json::to_string(&sent).expect("json");
    assert!(!raw.contains(".99"), "{raw}");
    assert!(raw.contains("Today's deals"), "{raw}");
    let after = logs
        .lines_with(&["grounding: plugin text not backed", "grounding-probe"])
        .len();
    assert_eq!(after, before + 1, "one line for the flooded turn");
    // button 1, ghost 1, flood: its body and each of the 10 rows.
    assert!(grounding_count("refused") >= refused0 + 1 + 1 + 11);
    // The plugin's operations log says why.
    let ops = h.admin("/plugins/grounding-probe/logs").await;
    assert!(ops.to_string().contains("grounding_refused"), "{ops}");

    // Product names. Invented ones in a text: refused, the host answers.
    let refused1 = grounding_count("refused");
    let told = readable(&ask("invented").await);
    assert!(
        !told.contains("Zenbook Air 15") && !told.contains("Nova X13"),
        "{told}"
    );
    assert!(told.contains("couldn't confirm those details"), "{told}");
    assert_eq!(grounding_count("refused"), refused1 + 1);
    // A button naming a product that does not exist is dropped; real
    // names and generic title-case words pass.
    let sent = ask("names").await;
    let raw = serde_json::to_string(&sent).expect("json");
    assert!(
        raw.contains("Top 5 Laptops of 2024! Black Friday Deals"),
        "{raw}"
    );
    assert!(
        raw.contains(&laptop.title) && raw.contains("Pulse Buds"),
        "{raw}"
    );
    assert!(
        raw.contains("Forge 16 Creator") && !raw.contains("Forge 17"),
        "{raw}"
    );
    assert_eq!(grounding_count("refused"), refused1 + 2);
    // The customer's own words are theirs to hear back.
    let told = readable(&ask("echo nova x99 smartphone").await);
    assert!(
        told.contains("Sorry, we don't have the Nova X99 Smartphone."),
        "{told}"
    );
    assert_eq!(grounding_count("refused"), refused1 + 2);
    let ops = h.admin("/plugins/grounding-probe/logs").await;
    assert!(
        ops.to_string().contains("Zenbook Air 15")
            && ops.to_string().contains("is not a product of the catalog"),
        "{ops}"
    );
}

// ------------------------------------------------------------ LLM tools

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_llms_tool_searches_and_named_products_are_product_events() {
    let (model, url) = llm_support::start().await;
    let (h, _dir) = start(|c| {
        c.llm.provider = "openai".into();
        c.llm.base_url = format!("{url}/v1");
        c.llm.model = "scripted".into();
        c.llm.retry_base_ms = 5;
        c.bus.sink_url = Some(format!("{url}/events"));
    })
    .await;
    let me = "15555500007";
    model.script([
        llm_support::Step::tools(&[(
            "search_products",
            r#"{"query": "noise cancelling headphones"}"#,
        )]),
        llm_support::Step::text("The Pulse ANC Wireless Headphones are a great pick for flights."),
    ]);
    say_at(
        &h,
        me,
        "wamid.llm.names.1",
        "ask headphones for flights",
        Duration::ZERO,
    )
    .await;
    let told = readable(&h.sink.to(me));
    assert!(told.contains("Pulse ANC Wireless Headphones"), "{told}");
    let conversation = h.conversation_of(me).await.expect("conversation");
    let conversation = conversation["id"].as_str().expect("id").to_string();
    let mine = |e: &Value| e["conversation_id"] == conversation.as_str();

    // The model's search, published like the plugin's own.
    let q = model
        .wait_event("store.product.query", |e| mine(e) && e["by"] == "llm")
        .await;
    assert_eq!(q["by"], "llm", "{q}");
    assert_eq!(q["text"], "noise cancelling headphones");
    assert_eq!(q["plugin"], "grounding-probe");
    let found: Vec<String> = q["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    // The product its answer names: offered, found by the LLM's search.
    let r = model.wait_event("store.product.recommend", mine).await;
    let offered = &r["offered"][0];
    assert_eq!(offered["shown_as"], "name", "{r}");
    assert_eq!(offered["by_llm"], true, "{r}");
    assert_eq!(offered["source"], "search", "{r}");
    let id = offered["product_id"].as_str().expect("id").to_string();
    assert!(found.contains(&id), "{id} in {found:?}");
    let product = h.app.state.catalog.get(None, &id).expect("product");
    assert!(
        product.title.starts_with("Pulse ANC Wireless Headphones"),
        "{product:?}"
    );
    for e in [&q, &r] {
        assert!(!e.to_string().contains(me), "no phone number: {e}");
    }

    // An answer naming a product the catalog lacks: re-asked once, then
    // refused; the plugin falls back and the name never reaches the customer.
    model.script([
        llm_support::Step::text("Get the Pulse X9 Max Headphones, our best ever."),
        llm_support::Step::text("Really, the Pulse X9 Max Headphones."),
    ]);
    say_at(
        &h,
        me,
        "wamid.llm.names.2",
        "ask your best headphones",
        Duration::ZERO,
    )
    .await;
    let told = readable(&h.sink.to(me));
    assert!(!told.contains("Pulse X9"), "{told}");
    assert!(told.contains("Sorry, I can't answer that now."), "{told}");
    let reask = model
        .requests()
        .last()
        .map(|(_, b)| llm_support::last_message(b))
        .unwrap_or_default();
    assert!(reask.contains("is not a product of the catalog"), "{reask}");
}

// ------------------------------------------------------------ funnel

fn funnel_count(name: &str) -> u64 {
    let text = agent_store::telemetry::metrics::get()
        .encode()
        .expect("metrics");
    text.lines()
        .filter(|l| l.starts_with(&format!("agent_store_{name}_total{{brand=\"tech\"}}")))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<u64>().ok())
        .sum()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_order_of_a_recommended_product_closes_the_funnel() {
    let (h, _dir) = start(|_| {}).await;
    let (orders0, lines0) = (
        funnel_count("recommended_orders"),
        funnel_count("recommendations_ordered"),
    );
    let me = "15555500008";
    // Offered: the laptop and a cross-sell; then the laptop is ordered.
    say_at(&h, me, "wamid.funnel.1", "cross", Duration::ZERO).await;
    say_at(
        &h,
        me,
        "wamid.funnel.2",
        "please place my order",
        Duration::ZERO,
    )
    .await;
    order_of(&h, me).await;
    eventually("the order counted in the funnel", || async {
        funnel_count("recommended_orders") > orders0
    })
    .await;
    assert_eq!(funnel_count("recommended_orders"), orders0 + 1);
    assert_eq!(funnel_count("recommendations_ordered"), lines0 + 1);
    // An order of a product never offered in its conversation: not counted.
    let other = "15555500009";
    say_at(
        &h,
        other,
        "wamid.funnel.3",
        "please place my order",
        Duration::ZERO,
    )
    .await;
    order_of(&h, other).await;
    h.settle().await;
    assert_eq!(funnel_count("recommended_orders"), orders0 + 1);
}
