//! The demo's WhatsApp sandbox page in a real browser (Debian's Chromium,
//! driven by Playwright), against the real host with the real plugins.
//!
//! `./dev test` installs Chromium and the npm packages; without them this
//! test fails rather than skips.

mod common;

use std::process::Stdio;

use common::{Harness, workspace};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sandbox_chat_works_in_chromium() {
    let h = Harness::start_sandbox().await;
    let dir = workspace().join("tests/browser");
    assert!(
        dir.join("node_modules/playwright-core").is_dir(),
        "run `./dev setup` (npm ci in tests/browser) first"
    );
    let screenshot = workspace().join("target/browser/sandbox.png");
    let output = tokio::process::Command::new("node")
        .args(["--test", "sandbox.test.mjs"])
        .current_dir(&dir)
        .env("AGENT_STORE_URL", h.app.url())
        .env("SCREENSHOT", &screenshot)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .await
        .expect("node runs");
    let report = format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "browser tests failed:\n{report}");
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
