//! Scripted multi-turn conversations with each brand's seller, through the
//! real host (signed webhooks, router and seller wasm components, Graph API
//! stand-in), with and without an LLM: replies, buttons, the cart, the
//! order (`store.order.create`), escalation and the AI's silence after it.

mod common;
mod llm_support;

use common::{Harness, PHONE_NUMBER_ID, SECRET, readable};
use llm_support::{Step, system_prompt};
use serde_json::{Value, json};

struct Brand {
    brand: &'static str,
    persona: &'static str,
    ask: &'static str,
    product: &'static str,
    title: &'static str,
}

const BRANDS: &[Brand] = &[
    Brand {
        brand: "fashion",
        persona: "Luna",
        ask: "I need running shoes",
        product: "FSH-0001",
        title: "Stride Runner",
    },
    Brand {
        brand: "tech",
        persona: "Max",
        ask: "looking for a laptop",
        // two laptops would be a high-value cart (escalated at checkout)
        product: "TEC-0029",
        title: "Studio 15",
    },
    Brand {
        brand: "home",
        persona: "Sofia",
        ask: "I need a floor lamp",
        product: "HOM-0009",
        title: "Arc Floor Lamp",
    },
    Brand {
        brand: "beauty",
        persona: "Bella",
        ask: "do you have a vitamin c serum?",
        product: "BTY-0001",
        title: "Vitamin C",
    },
    Brand {
        brand: "gaming",
        persona: "Pixel",
        ask: "I want a gaming headset",
        product: "GAM-0020",
        title: "Gaming Headset",
    },
];

/// A tapped reply button, as WhatsApp delivers it.
async fn tap(h: &Harness, from: &str, wamid: &str, id: &str, title: &str) {
    let mut body =
        agent_store::whatsapp::payload::text_envelope(PHONE_NUMBER_ID, from, "Test", wamid, "");
    body["entry"][0]["changes"][0]["value"]["messages"][0] = json!({
        "from": from, "id": wamid, "timestamp": chrono_now(), "type": "interactive",
        "interactive": {"type": "button_reply", "button_reply": {"id": id, "title": title}}
    });
    let status = h.post_webhook(&body, SECRET).await.status();
    assert_eq!(status, 200);
    h.settle().await;
}

fn chrono_now() -> String {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
        .to_string()
}

fn button_ids(messages: &[Value]) -> Vec<String> {
    messages
        .iter()
        .flat_map(|m| {
            m.pointer("/interactive/action/buttons")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|b| {
            b.pointer("/reply/id")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .collect()
}

async fn start(llm_url: Option<&str>, events_url: &str) -> Harness {
    let events = format!("{events_url}/events");
    let llm_url = llm_url.map(str::to_string);
    Harness::start_with(common::plugins_dir(), move |c| {
        c.bus.sink_url = Some(events);
        if let Some(url) = llm_url {
            c.llm.provider = "openai".into();
            c.llm.base_url = format!("{url}/v1");
            c.llm.model = "scripted".into();
            c.llm.retry_base_ms = 5;
        }
    })
    .await
}

/// Escalate on request, then the AI stays silent.
async fn escalate_then_silence(h: &Harness, server: &llm_support::Llm, from: &str, brand: &str) {
    let before = h.sink.to(from).len();
    h.say(
        from,
        &format!("wamid.{brand}.human"),
        "I want to talk to a human, please",
    )
    .await;
    server
        .wait_event("store.sales.escalate", |e| e["customer"]["wa_id"] == from)
        .await;
    // The notice can wait in the outbox for the customer's pacing gap
    // (sent by the gateway's worker, after the bus is idle): bounded wait.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while h.sink.to(from).len() <= before && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let after_escalation = h.sink.to(from).len();
    assert!(
        after_escalation > before,
        "{brand}: the customer is told a human comes"
    );
    let conversation = h.conversation_of(from).await.expect("conversation");
    assert_eq!(conversation["status"], "escalated", "{brand}");
    // (the sales team's escalation summary may use the LLM: count from here)
    let requests = server.requests().len();
    h.say(
        from,
        &format!("wamid.{brand}.silent"),
        "hello?? anyone there? I need a laptop",
    )
    .await;
    assert_eq!(
        h.sink.to(from).len(),
        after_escalation,
        "{brand}: the AI stays silent while escalated"
    );
    assert_eq!(
        server.requests().len(),
        requests,
        "{brand}: no LLM call either: {:?}",
        server.requests()[requests..]
            .iter()
            .map(|(_, b)| llm_support::last_message(b))
            .collect::<Vec<_>>()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_brand_sells_without_an_llm() {
    let (events, url) = llm_support::start().await;
    let h = start(None, &url).await;
    for (i, b) in BRANDS.iter().enumerate() {
        let from = format!("1555000100{i}");
        h.say(&from, &format!("wamid.{}.ask", b.brand), b.ask).await;
        let replies = h.sink.to(&from);
        let conversation = h.conversation_of(&from).await.expect("conversation");
        assert_eq!(conversation["brand"], b.brand, "{}", b.ask);
        assert!(
            readable(&replies).contains(b.title),
            "{}: {}",
            b.brand,
            readable(&replies)
        );
        let add = button_ids(&replies)
            .into_iter()
            .find(|id| id.starts_with("add:"))
            .unwrap_or_else(|| panic!("{}: an add button in {replies:#?}", b.brand));
        tap(
            &h,
            &from,
            &format!("wamid.{}.add", b.brand),
            &add,
            "Add to cart",
        )
        .await;
        let replies = h.sink.to(&from);
        assert!(
            button_ids(&replies).contains(&"checkout".to_string()),
            "{}: checkout offered after adding",
            b.brand
        );
        tap(
            &h,
            &from,
            &format!("wamid.{}.checkout", b.brand),
            "checkout",
            "Checkout",
        )
        .await;
        let product = add.trim_start_matches("add:").to_string();
        let order = events
            .wait_event("store.order.create", |e| {
                e["customer"]["wa_id"] == from.as_str()
            })
            .await;
        assert_eq!(order["brand"], b.brand);
        let text = readable(&h.sink.to(&from));
        assert!(
            text.contains(b.title),
            "{}: the order summary names the product {product}: {text}",
            b.brand
        );
        escalate_then_silence(&h, &events, &from, b.brand).await;
    }
    assert!(
        events.requests().is_empty(),
        "no LLM configured, none called"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_brand_sells_with_an_llm_and_its_tools() {
    let (server, url) = llm_support::start().await;
    let h = start(Some(&url), &url).await;
    for (i, b) in BRANDS.iter().enumerate() {
        let from = format!("1555000200{i}");
        // 1. a product question: the seller searches, the LLM phrases it
        let phrase = format!("{} here! These are my favourites for you.", b.persona);
        server.push(Step::text(&phrase));
        let n = server.requests().len();
        h.say(&from, &format!("wamid.llm.{}.ask", b.brand), b.ask)
            .await;
        let reqs = server.requests();
        assert_eq!(reqs.len(), n + 1, "{}: one LLM call", b.brand);
        let system = system_prompt(&reqs[n].1);
        assert!(
            system.contains(&format!("You are **{}**", b.persona)),
            "{}: the persona prompt reaches the model: {system}",
            b.brand
        );
        let replies = h.sink.to(&from);
        assert!(
            readable(&replies).contains(&phrase),
            "{}",
            readable(&replies)
        );
        assert!(button_ids(&replies).iter().any(|id| id.starts_with("add:")));

        // 2. an open request: the LLM uses the host's tools to fill the cart
        server.script([
            Step::tools(&[(
                "get_product",
                &format!(r#"{{"product_id": "{}"}}"#, b.product),
            )]),
            Step::tools(&[(
                "add_to_cart",
                &format!(r#"{{"product_id": "{}", "quantity": 2}}"#, b.product),
            )]),
            Step::text("Great choice, it's in your cart!"),
        ]);
        h.say(
            &from,
            &format!("wamid.llm.{}.pick", b.brand),
            "surprise me please",
        )
        .await;
        assert_eq!(server.remaining(), 0, "{}: the tool script ran", b.brand);
        let replies = h.sink.to(&from);
        assert!(readable(&replies).contains("Great choice, it's in your cart!"));

        // 3. checkout: the cart the tools filled becomes the order
        tap(
            &h,
            &from,
            &format!("wamid.llm.{}.checkout", b.brand),
            "checkout",
            "Checkout",
        )
        .await;
        let order = server
            .wait_event("store.order.create", |e| {
                e["customer"]["wa_id"] == from.as_str()
            })
            .await;
        assert_eq!(order["brand"], b.brand);
        let text = readable(&h.sink.to(&from));
        assert!(
            text.contains("2×"),
            "{}: two units in the summary: {text}",
            b.brand
        );
        let picked = h
            .app
            .state
            .catalog
            .get(None, b.product)
            .expect("picked product exists")
            .title;
        assert!(
            text.contains(&format!("2× {picked}")),
            "{}: {text}",
            b.brand
        );

        escalate_then_silence(&h, &server, &from, b.brand).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hallucinated_price_never_reaches_the_customer() {
    let (server, url) = llm_support::start().await;
    let h = start(Some(&url), &url).await;
    server.script([
        Step::text("The Arc Floor Lamp is only $19.99 today!"),
        Step::text("Sure, the Arc Floor Lamp costs $9.99."),
    ]);
    h.say("15550003001", "wamid.halluc.1", "I need a floor lamp")
        .await;
    let text = readable(&h.sink.to("15550003001"));
    assert!(!text.contains("19.99") && !text.contains("9.99"), "{text}");
    assert!(
        text.contains("Arc Floor Lamp") && text.contains("119.20"),
        "the template answer with catalog prices: {text}"
    );
    assert_eq!(
        server.requests().len(),
        2,
        "asked, re-asked once, then fell back"
    );
    // Operators see it: both answers counted as grounding violations.
    let usage = h.admin("/llm").await;
    assert_eq!(
        usage["brands"]["home"]["grounding_violations"], 2,
        "{usage}"
    );
    assert_eq!(usage["brands"]["home"]["requests"], 2, "{usage}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_llm_can_hand_off_to_another_brand() {
    let (server, url) = llm_support::start().await;
    let h = start(Some(&url), &url).await;
    server.push(Step::text("Sofia here! Our lamps:"));
    h.say("15550004001", "wamid.handoff.1", "I need a floor lamp")
        .await;
    server.script([
        Step::tools(&[(
            "hand_off",
            r#"{"brand": "gaming", "reason": "asks for a console"}"#,
        )]),
        Step::text("Our gaming team will help you with that!"),
    ]);
    h.say("15550004001", "wamid.handoff.2", "surprise me please")
        .await;
    server
        .wait_event("store.sales.handoff", |e| e["to_brand"] == "gaming")
        .await;
    let conversation = h
        .conversation_of("15550004001")
        .await
        .expect("conversation");
    assert_eq!(conversation["brand"], "gaming");
}
