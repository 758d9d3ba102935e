//! The LLM gateway against a local scripted model server over real HTTP:
//! tool calls run on the real catalog, malformed arguments, 429 then
//! success, timeouts, the circuit breaker, a hallucinated price, Ollama's
//! native format, per-brand settings and budgets.

mod llm_support;

use std::time::Duration;

use agent_store::catalog::Catalog;
use agent_store::db::Db;
use agent_store::llm::{Effect, Llm, LlmConfig, LlmError, Message, ToolEnv};
use agent_store::orders::Carts;
use llm_support::{Step, last_message};
use serde_json::json;

struct Env {
    _dir: tempfile::TempDir,
    env: ToolEnv,
}

async fn env(brand: &str) -> Env {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = Db::connect("", dir.path()).await.expect("db");
    let catalog = Catalog::open(db.clone(), dir.path())
        .await
        .expect("catalog");
    let feed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalog/products.csv");
    catalog.import_csv_file(&feed).await.expect("import");
    let carts = Carts::new(db, catalog.clone());
    Env {
        _dir: dir,
        env: ToolEnv {
            catalog,
            carts: Some(carts),
            conversation_id: Some("conv-1".into()),
            brand: Some(brand.into()),
            catalog_scope: Some(Some(brand.into())),
            orders: true,
            escalate: true,
            hand_off: true,
            // What the seller kit last showed, in order ("item": 2 = HOM-0009).
            offered: vec!["HOM-0010".into(), "HOM-0009".into()],
            seen: Default::default(),
        },
    }
}

fn config(url: &str) -> LlmConfig {
    LlmConfig {
        provider: "openai".into(),
        base_url: format!("{url}/v1"),
        model: "test-model".into(),
        retry_base_ms: 5,
        ..LlmConfig::default()
    }
}

fn ask(text: &str) -> Vec<Message> {
    vec![
        Message::System("You are Sofia.".into()),
        Message::User(text.into()),
    ]
}

#[tokio::test]
async fn an_item_reference_is_resolved_by_the_host() {
    let (server, url) = llm_support::start().await;
    let e = env("home").await;
    server.script([
        Step::tools(&[("add_to_cart", r#"{"item": 7}"#)]),
        Step::tools(&[("add_to_cart", r#"{"item": 2, "quantity": 2}"#)]),
        Step::text("Added two of the second lamp."),
    ]);
    let llm = Llm::new(&config(&url)).expect("llm");
    let reply = llm
        .converse(Some("home"), ask("two of the second one"), &e.env, true)
        .await
        .expect("reply");
    assert_eq!(
        reply.effects,
        vec![Effect::AddToCart {
            product_id: "HOM-0009".into(),
            quantity: 2
        }],
        "item 2 is the second product offered; item 7 does not exist"
    );
    let reqs = server.requests();
    let refusal = last_message(&reqs[1].1);
    assert!(refusal.contains("no item 7"), "{refusal}");
}

#[tokio::test]
async fn tool_calls_run_on_the_catalog_and_effects_come_back() {
    let (server, url) = llm_support::start().await;
    let e = env("home").await;
    server.script([
        Step::tools(&[(
            "search_products",
            r#"{"query": "floor lamp", "max_price": 130}"#,
        )]),
        Step::tools(&[(
            "add_to_cart",
            r#"{"product_id": "HOM-0009", "quantity": 1}"#,
        )]),
        Step::text("Added the Arc Floor Lamp in brass, now $119.20!"),
    ]);
    let llm = Llm::new(&config(&url)).expect("llm");
    let reply = llm
        .converse(
            Some("home"),
            ask("a lamp under 130 please, add it"),
            &e.env,
            true,
        )
        .await
        .expect("reply");
    assert_eq!(
        reply.content,
        "Added the Arc Floor Lamp in brass, now $119.20!"
    );
    assert_eq!(reply.tools_used[0], "search_products");
    assert_eq!(
        reply.tools_used[1],
        r#"add_to_cart {"product_id":"HOM-0009","quantity":1}"#
    );
    assert_eq!(
        reply.effects,
        vec![Effect::AddToCart {
            product_id: "HOM-0009".into(),
            quantity: 1
        }]
    );
    let reqs = server.requests();
    assert_eq!(reqs.len(), 3);
    let tools: Vec<&str> = reqs[0].1["tools"]
        .as_array()
        .expect("tools offered")
        .iter()
        .map(|t| t["function"]["name"].as_str().unwrap_or_default())
        .collect();
    for t in [
        "search_products",
        "get_product",
        "recommend",
        "add_to_cart",
        "create_order",
        "escalate",
        "hand_off",
    ] {
        assert!(tools.contains(&t), "{t} offered: {tools:?}");
    }
    // the search result went back to the model, in the brand's scope only
    let result = last_message(&reqs[1].1);
    assert!(result.contains("HOM-0009"), "{result}");
    assert!(
        !result.contains("FSH-") && !result.contains("TEC-"),
        "{result}"
    );
    assert_eq!(reqs[1].1["messages"].as_array().map(|m| m.len()), Some(4));
    assert_eq!(reqs[1].1["messages"][3]["role"], "tool");
    assert_eq!(reqs[1].1["messages"][3]["tool_call_id"], "call_0");
    // the cart itself is untouched: the plugin turns the effect into an action
    let cart = e
        .env
        .carts
        .as_ref()
        .expect("carts")
        .get("conv-1")
        .await
        .expect("cart");
    assert!(cart.lines.is_empty());
    let usage = llm.usage();
    assert_eq!(usage["home"].requests, 3);
    assert_eq!(usage["home"].tool_calls, 2);
    assert_eq!(usage["home"].tokens_today, 200);
}

#[tokio::test]
async fn tools_outside_the_grants_or_brand_are_refused() {
    let (server, url) = llm_support::start().await;
    let mut e = env("home").await;
    e.env.orders = false;
    server.script([
        Step::tools(&[("get_product", r#"{"product_id": "TEC-0012"}"#)]),
        Step::text("Sorry, I only have home products."),
    ]);
    let llm = Llm::new(&config(&url)).expect("llm");
    let reply = llm
        .converse(Some("home"), ask("the Forge laptop?"), &e.env, true)
        .await
        .expect("reply");
    assert!(reply.effects.is_empty());
    let reqs = server.requests();
    let names: Vec<&str> = reqs[0].1["tools"]
        .as_array()
        .expect("tools")
        .iter()
        .map(|t| t["function"]["name"].as_str().unwrap_or_default())
        .collect();
    assert!(!names.contains(&"add_to_cart") && !names.contains(&"create_order"));
    assert!(
        last_message(&reqs[1].1).contains("no product TEC-0012"),
        "another brand's product is out of scope: {}",
        last_message(&reqs[1].1)
    );
}

#[tokio::test]
async fn malformed_arguments_go_back_once_then_the_call_fails() {
    let (server, url) = llm_support::start().await;
    let e = env("home").await;
    server.script([
        Step::tools(&[("add_to_cart", r#"{"product_id": HOM-0009"#)]),
        Step::tools(&[(
            "add_to_cart",
            r#"{"product_id": "HOM-0009", "quantity": 2}"#,
        )]),
        Step::text("Two brass Arc Floor Lamps are in your cart."),
    ]);
    let llm = Llm::new(&config(&url)).expect("llm");
    let reply = llm
        .converse(Some("home"), ask("two lamps"), &e.env, true)
        .await
        .expect("recovers after one malformed call");
    assert_eq!(reply.effects.len(), 1);
    let error_back = last_message(&server.requests()[1].1);
    assert!(error_back.contains("invalid arguments"), "{error_back}");

    server.script([
        Step::tools(&[("add_to_cart", r#"not json"#)]),
        Step::tools(&[("add_to_cart", r#"{"quantity": "lots"}"#)]),
    ]);
    let err = llm
        .converse(Some("home"), ask("lamps"), &e.env, true)
        .await
        .expect_err("twice malformed");
    assert!(matches!(err, LlmError::Malformed(_)), "{err}");
    assert_eq!(llm.usage()["home"].malformed_tool_calls, 3);
}

#[tokio::test]
async fn rate_limits_are_retried_and_timeouts_are_not() {
    let (server, url) = llm_support::start().await;
    let e = env("home").await;
    server.script([
        Step::status(429),
        Step::status(503),
        Step::text("Hello from Casa Sofia!"),
    ]);
    let llm = Llm::new(&config(&url)).expect("llm");
    let reply = llm
        .converse(Some("home"), ask("hi"), &e.env, false)
        .await
        .expect("429 and 503 retried");
    assert_eq!(reply.content, "Hello from Casa Sofia!");
    assert_eq!(server.requests().len(), 3);

    let mut c = config(&url);
    c.timeout_ms = 200;
    let slow = Llm::new(&c).expect("llm");
    server.push(Step::text("too late").after(Duration::from_millis(1500)));
    let started = std::time::Instant::now();
    let err = slow
        .converse(Some("home"), ask("hi"), &e.env, false)
        .await
        .expect_err("times out");
    assert!(matches!(err, LlmError::Timeout), "{err}");
    assert!(
        started.elapsed() < Duration::from_millis(1400),
        "not retried"
    );
    assert_eq!(server.requests().len(), 4);

    // a 400 is the request's fault: no retry
    server.push(Step::status(400));
    let err = llm
        .converse(Some("home"), ask("hi"), &e.env, false)
        .await
        .expect_err("400");
    assert!(matches!(err, LlmError::Status { status: 400, .. }), "{err}");
    assert_eq!(server.requests().len(), 5);
}

#[tokio::test]
async fn the_circuit_opens_after_repeated_failures() {
    let (server, url) = llm_support::start().await;
    let e = env("home").await;
    let mut c = config(&url);
    c.retries = 0;
    c.breaker_failures = 2;
    c.breaker_cooldown_ms = 60_000;
    let llm = Llm::new(&c).expect("llm");
    server.script([Step::status(500), Step::status(500), Step::text("never")]);
    for _ in 0..2 {
        assert!(
            llm.converse(Some("home"), ask("hi"), &e.env, false)
                .await
                .is_err()
        );
    }
    let err = llm
        .converse(Some("home"), ask("hi"), &e.env, false)
        .await
        .expect_err("open");
    assert!(matches!(err, LlmError::CircuitOpen(_)), "{err}");
    assert_eq!(server.requests().len(), 2, "the open circuit sends nothing");
}

#[tokio::test]
async fn hallucinated_prices_are_corrected_or_rejected() {
    let (server, url) = llm_support::start().await;
    let e = env("home").await;
    let llm = Llm::new(&config(&url)).expect("llm");
    let ctx = vec![
        Message::System(
            "You are Sofia. Products:\n- HOM-0017 | Chef Knife 20 cm - Silver | $49.90".into(),
        ),
        Message::User("a good knife?".into()),
    ];
    // tied to one product: corrected from the catalog
    server.push(Step::text("The Chef Knife 20 cm is just $39.90 today."));
    let reply = llm
        .converse(Some("home"), ctx.clone(), &e.env, false)
        .await
        .expect("corrected");
    assert_eq!(reply.content, "The Chef Knife 20 cm is just $49.90 today.");

    // not tied to any product: re-asked once with the catalog's prices
    server.script([
        Step::text("Everything is 50% off, only $5.00!"),
        Step::text("The Chef Knife 20 cm costs $49.90."),
    ]);
    let reply = llm
        .converse(Some("home"), ctx.clone(), &e.env, false)
        .await
        .expect("second answer grounded");
    assert_eq!(reply.content, "The Chef Knife 20 cm costs $49.90.");
    let reask = last_message(&server.requests()[2].1);
    assert!(
        reask.contains("5.00") && reask.contains("HOM-0017"),
        "{reask}"
    );

    // still wrong, or an invented product: the call fails (template fallback)
    server.script([
        Step::text("Only $5.00!"),
        Step::text("Try our HOM-9999 at $1.00."),
    ]);
    let err = llm
        .converse(Some("home"), ctx, &e.env, false)
        .await
        .expect_err("ungrounded twice");
    assert!(matches!(err, LlmError::Grounding(_)), "{err}");
    let u = &llm.usage()["home"];
    assert_eq!(u.grounding_corrections, 1);
    assert_eq!(u.grounding_violations, 3);
}

#[tokio::test]
async fn ollama_native_chat_with_tools() {
    let (server, url) = llm_support::start().await;
    let e = env("gaming").await;
    let c = LlmConfig {
        provider: "ollama".into(),
        base_url: url.clone(),
        model: "llama3.1".into(),
        temperature: Some(0.4),
        max_tokens: Some(200),
        ..LlmConfig::default()
    };
    server.script([
        Step::ollama_tool(
            "escalate",
            json!({"reason": "complaint", "priority": "high", "summary": "broken controller"}),
        ),
        Step::ollama_text("So sorry! A human from the team will reply here."),
    ]);
    let llm = Llm::new(&c).expect("llm");
    let reply = llm
        .converse(
            Some("gaming"),
            ask("my controller arrived broken"),
            &e.env,
            true,
        )
        .await
        .expect("reply");
    assert!(
        matches!(&reply.effects[0], Effect::Escalate { summary, .. } if summary == "broken controller")
    );
    let reqs = server.requests();
    assert_eq!(reqs[0].0, "/api/chat");
    assert_eq!(reqs[0].1["stream"], false);
    assert_eq!(reqs[0].1["model"], "llama3.1");
    assert_eq!(reqs[0].1["options"]["num_predict"], 200);
    assert_eq!(reqs[1].1["messages"][3]["role"], "tool");
    assert_eq!(llm.usage()["gaming"].tokens_today, 35 + 42);
}

#[tokio::test]
async fn brands_have_their_own_model_and_token_budget() {
    let (server, url) = llm_support::start().await;
    let e = env("tech").await;
    let mut c = config(&url);
    c.brands.insert(
        "tech".into(),
        agent_store::llm::BrandLlmConfig {
            model: Some("precise-model".into()),
            temperature: Some(0.1),
            tokens_per_day: Some(150),
            ..Default::default()
        },
    );
    let llm = Llm::new(&c).expect("llm");
    server.script([Step::text("One."), Step::text("Two.")]);
    llm.converse(Some("tech"), ask("hi"), &e.env, false)
        .await
        .expect("first");
    llm.converse(Some("tech"), ask("hi"), &e.env, false)
        .await
        .expect("second (100 tokens used < 150)");
    let err = llm
        .converse(Some("tech"), ask("hi"), &e.env, false)
        .await
        .expect_err("over budget");
    assert!(matches!(err, LlmError::Budget(_)), "{err}");
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].1["model"], "precise-model");
    let t = reqs[0].1["temperature"].as_f64().expect("temperature");
    assert!((t - 0.1).abs() < 1e-6);
    // other brands keep the default model and no budget
    server.push(Step::text("Hi."));
    let home = env("home").await;
    llm.converse(Some("home"), ask("hi"), &home.env, false)
        .await
        .expect("home");
    assert_eq!(server.requests()[2].1["model"], "test-model");
}

#[tokio::test]
async fn tool_loops_are_bounded() {
    let (server, url) = llm_support::start().await;
    let e = env("home").await;
    let mut c = config(&url);
    c.calls_per_turn = 3;
    let llm = Llm::new(&c).expect("llm");
    server.script([
        Step::tools(&[("search_products", r#"{"query": "lamp"}"#)]),
        Step::tools(&[("search_products", r#"{"query": "lamp"}"#)]),
        Step::text("Here are our Arc Floor Lamp options."),
    ]);
    let reply = llm
        .converse(Some("home"), ask("lamp"), &e.env, true)
        .await
        .expect("reply");
    assert_eq!(reply.rounds, 3);
    let reqs = server.requests();
    assert!(reqs[1].1.get("tools").is_some());
    assert!(
        reqs[2].1.get("tools").is_none(),
        "the last allowed round offers no tools"
    );
}
