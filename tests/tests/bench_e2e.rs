//! The end-to-end load benchmark (`bench/`) at a small size, as a
//! regression check: many customers with multi-turn conversations at once,
//! plus bad requests, against the real host with the real plugins; every
//! message must be answered exactly once and every bad request refused.
//! Never fails on timing (the figures are printed, not asserted).

mod common;

use std::time::Duration;

use agent_store_bench::{Backend, Options, Placement, StoreFiles, System, run_case};

fn small(customers: usize, messages: usize) -> Options {
    let mut o = Options::new(StoreFiles {
        plugins: common::plugins_dir(),
        workspace: common::workspace(),
    });
    o.customers = customers;
    o.duration = None;
    o.messages = Some(messages);
    // Short pauses: the turns of different customers overlap.
    o.think = (Duration::from_millis(20), Duration::from_millis(200));
    // Enough bad requests that each kind is likely sent.
    o.bad_ratio = 0.08;
    o.reply_timeout = Duration::from_secs(60);
    o.placement = Placement::InProcess;
    o
}

async fn every_message_answered_exactly_once(system: System, customers: usize) {
    let o = small(customers, 3);
    let r = run_case(system, &o).await.expect("the benchmark runs");
    eprintln!("{}", r.describe());
    assert_eq!(
        r.sent,
        (customers * 3) as u64,
        "every customer spoke 3 times"
    );
    assert_eq!(r.not_accepted, 0, "every good webhook answered 200");
    assert_eq!(r.lost, 0, "no reply lost");
    assert_eq!(r.replied, r.sent, "every message answered");
    assert_eq!(r.bad.refused, r.bad.sent, "every bad request refused");
    // Exact: the Graph API's messages against the distinct outbound
    // messages the store recorded as sent, and read receipts by wamid
    // (a body repeated within a turn is not: see `repeated_bodies`).
    assert_eq!(r.duplicated, 0, "no message sent twice, no turn read twice");
    assert_eq!(r.unexplained, 0, "nothing sent that no message asked for");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_customers_on_sqlite_get_every_reply_once() {
    every_message_answered_exactly_once(System::Store(Backend::Sqlite), 50).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thirty_customers_on_rabbitmq_and_postgres_get_every_reply_once() {
    every_message_answered_exactly_once(System::Store(Backend::AmqpPg), 30).await;
}

/// The baseline speaks the same protocol the checks rely on (a read
/// receipt, then a reply), so a clean store run means something.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_baseline_answers_every_message_once() {
    every_message_answered_exactly_once(System::Baseline, 20).await;
}
