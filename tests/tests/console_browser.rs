//! The sales console in a real browser (Debian's Chromium, driven by
//! Playwright) against the real host with the real plugins, the WhatsApp
//! sandbox standing in for the customer's phone.
//!
//! `./dev test` installs Chromium and the npm packages; without them this
//! test fails rather than skips.

mod common;

use std::time::Duration;

use agent_store::sales::{Role, Scope};
use common::{Harness, workspace};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rep_takes_over_in_the_console_in_chromium() {
    let h = Harness::start_sandbox().await;
    let password = "console-browser-pass";
    h.app
        .sales
        .users()
        .upsert("ana", password, Role::Rep, &Scope::parse("fashion,beauty"))
        .await
        .expect("rep account");
    let screenshots = workspace().join("target/browser");
    std::fs::create_dir_all(&screenshots).expect("screenshot dir");
    let url = h.app.url();
    let (ok, report) = common::run_browser_script(
        "console.test.mjs",
        &[
            ("AGENT_STORE_URL", url.as_ref()),
            ("REP_NAME", "ana".as_ref()),
            ("REP_PASSWORD", password.as_ref()),
            ("SCREENSHOT_DIR", screenshots.as_os_str()),
        ],
        Duration::from_secs(300),
    )
    .await;
    assert!(ok, "browser test failed:\n{report}");
    common::assert_every_browser_test_passed("console.test.mjs", &report);
    // What the page did went through the host: the escalation was handed
    // back by the rep, and the rep's reply reached the sandbox's Graph API.
    let all = h
        .app
        .sales
        .escalations()
        .list(true, 10)
        .await
        .expect("escalations");
    assert!(
        all.iter()
            .any(|e| e.status == "handed_back" && e.agent.as_deref() == Some("ana")),
        "{all:?}"
    );
    // The rep kept the conversation as a regression case (marked, undone,
    // marked again): stored once, by the rep.
    let records = agent_store::replay::TurnRecords::new(h.db().await, Default::default());
    let cases = records.cases().await.expect("regression cases");
    assert_eq!(cases.len(), 1, "{cases:?}");
    assert_eq!(cases[0].marked_by, "ana");
    assert!(
        !records
            .turns(&cases[0].conversation_id)
            .await
            .expect("recorded turns")
            .is_empty(),
        "its turns were recorded"
    );
    let sandbox = h.app.sandbox.as_ref().expect("sandbox");
    assert!(
        sandbox
            .sent()
            .iter()
            .any(|m| m.payload.to_string().contains("vou te ajudar agora")),
        "the rep's reply went through the Graph API"
    );
}

/// A rep who takes a conversation over sees the cart and the dialogue
/// state (language, constraints, the products offered in order and the
/// one in focus) in the console, as the AI left them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rep_who_takes_over_sees_the_cart_and_dialogue_state_in_chromium() {
    let h = Harness::start_sandbox().await;
    let password = "dialogue-panel-pass";
    h.app
        .sales
        .users()
        .upsert("bia", password, Role::Rep, &Scope::parse("fashion"))
        .await
        .expect("rep account");
    let screenshots = workspace().join("target/browser");
    std::fs::create_dir_all(&screenshots).expect("screenshot dir");
    let url = h.app.url();
    let (ok, report) = common::run_browser_script(
        "dialogue_panel.test.mjs",
        &[
            ("AGENT_STORE_URL", url.as_ref()),
            ("REP_NAME", "bia".as_ref()),
            ("REP_PASSWORD", password.as_ref()),
            ("SCREENSHOT_DIR", screenshots.as_os_str()),
        ],
        Duration::from_secs(300),
    )
    .await;
    assert!(ok, "browser test failed:\n{report}");
    common::assert_every_browser_test_passed("dialogue_panel.test.mjs", &report);
    // The page read the host's state: the cart it showed is the stored one.
    let convs = h
        .app
        .state
        .conversations
        .list(10)
        .await
        .expect("conversations");
    let conv = convs
        .iter()
        .find(|c| c.brand.as_deref() == Some("fashion"))
        .expect("the fashion conversation");
    let view = h.admin(&format!("/conversations/{}", conv.id)).await;
    let lines = view["cart"]["lines"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(lines.len(), 1, "{view}");
    assert!(
        lines[0]["product_id"]
            .as_str()
            .is_some_and(|id| id.starts_with("FSH-")),
        "{view}"
    );
}
