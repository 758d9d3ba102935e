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
    // `# pass 0` is a failure: every declared test must have run and passed.
    common::assert_every_browser_test_passed("sandbox.test.mjs", &report);
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

/// The check above fails on a run where nothing passed (the old check
/// accepted `# pass 0`), on a skip, and on a missing test.
#[test]
fn a_browser_run_with_zero_passes_fails_the_check() {
    let fails = |report: &'static str| {
        std::panic::catch_unwind(|| {
            common::assert_every_browser_test_passed("sandbox.test.mjs", report)
        })
        .is_err()
    };
    let totals = |tests: u64, pass: u64, skipped: u64| {
        format!(
            "# tests {tests}\n# suites 0\n# pass {pass}\n# fail 0\n# cancelled 0\n# skipped {skipped}\n# todo 0\n"
        )
    };
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    assert!(fails(leak(totals(0, 0, 0))), "zero tests, zero passes");
    assert!(fails(leak(totals(3, 0, 3))), "everything skipped");
    assert!(fails(leak(totals(2, 2, 0))), "a test did not run");
    assert!(fails(""), "no summary at all");
    assert!(!fails(leak(totals(3, 3, 0))), "all three passed");
}
