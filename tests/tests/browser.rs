//! The demo's WhatsApp sandbox page in a real browser (Debian's Chromium,
//! driven by Playwright), against the real host with the real plugins.
//!
//! `./dev test` installs Chromium and the npm packages; without them this
//! test fails rather than skips.

mod common;

use std::time::Duration;

use common::{Harness, workspace};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sandbox_chat_works_in_chromium() {
    let h = Harness::start_sandbox().await;
    let screenshot = workspace().join("target/browser/sandbox.png");
    let url = h.app.url();
    let (ok, report) = common::run_browser_script(
        "sandbox.test.mjs",
        &[
            ("AGENT_STORE_URL", url.as_ref()),
            ("SCREENSHOT", screenshot.as_os_str()),
        ],
        Duration::from_secs(240),
    )
    .await;
    assert!(ok, "browser tests failed:\n{report}");
    assert!(report.contains("# pass"), "{report}");
    assert!(report.contains("# fail 0"), "{report}");
    // What the page showed came through the host: the customer's
    // conversation exists and was answered.
    let conversations = h.admin("/conversations").await;
    assert!(
        conversations["conversations"]
            .as_array()
            .is_some_and(|c| !c.is_empty()),
        "the page's messages reached the host"
    );
}
