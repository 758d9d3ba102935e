//! The end-to-end laptop scenario with `bus.backend = "amqp"`: the same
//! pipeline over the real RabbitMQ at 127.0.0.1:5672.

mod common;

use common::{Harness, demo_catalog, plugins_dir, products_shown, readable};

/// The pipeline's consumer groups (their queues are deleted at the end).
const GROUPS: [&str; 4] = ["route", "sell", "render", "send"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn laptop_question_is_answered_over_rabbitmq() {
    let prefix = format!("test.e2e.{}", std::process::id());
    let h = Harness::start_with(plugins_dir(), |c| {
        c.bus.backend = "amqp".into();
        c.bus.prefix = prefix.clone();
        // A killed or failed run must not leave its queues in the broker.
        c.bus.queue_expires_ms = 60_000;
    })
    .await;
    let bus_config = h.app.state.config.bus.clone();

    let status = h
        .say(
            "15551239001",
            "wamid.amqp.laptop",
            "hi, I'm looking for a new laptop",
        )
        .await;
    assert_eq!(status, 200);
    let replies = h.sink.to("15551239001");
    assert!(
        !replies.is_empty(),
        "a reply went out through the Graph API"
    );
    let conversation = h
        .conversation_of("15551239001")
        .await
        .expect("conversation stored");
    assert_eq!(conversation["brand"], "tech", "routed to the tech seller");
    let catalog = demo_catalog();
    let shown = products_shown(&replies, &catalog);
    assert!(
        !shown.is_empty(),
        "the reply shows catalog products: {}",
        readable(&replies)
    );
    assert!(
        readable(&replies).to_lowercase().contains("laptop"),
        "the reply is about laptops: {}",
        readable(&replies)
    );

    // The same webhook again (Meta retries): no second reply.
    let first = replies.len();
    h.say(
        "15551239001",
        "wamid.amqp.laptop",
        "hi, I'm looking for a new laptop",
    )
    .await;
    assert_eq!(h.sink.to("15551239001").len(), first, "no reply doubled");

    h.app.state.bus.close().await;
    let groups: Vec<String> = GROUPS.iter().map(|g| g.to_string()).collect();
    agent_store::bus::amqp::delete_topology(&bus_config, &groups)
        .await
        .expect("topology deleted");
}
