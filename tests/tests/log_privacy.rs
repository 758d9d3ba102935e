//! What the host's logs show (issue 11): after a real conversation over the
//! signed webhook no full customer phone number appears, and a sign-in name
//! carrying a newline cannot forge a log line.
//!
//! The host logs through `tracing`; this test process installs the same
//! human-readable (compact) formatter `telemetry::init` uses, writing to a
//! buffer instead of stderr. One test per file: the subscriber is global.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::Harness;
use reqwest::StatusCode;
use serde_json::json;

/// A `MakeWriter` appending to a shared buffer.
#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
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

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Buffer {
    type Writer = Buffer;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

impl Buffer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("buffer")).into_owned()
    }
}

const CUSTOMER: &str = "5511987650001";
const FORGED: &str = "FORGED-LINE";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_mask_phone_numbers_and_escape_user_supplied_names() {
    let logs = Buffer::default();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new("info,tantivy=warn"))
        .with_writer(logs.clone())
        .with_ansi(false)
        .compact()
        .init();

    let h = Harness::start().await;
    // A real conversation: the customer writes, the AI answers (sent to the
    // Graph API stand-in, and logged as "message sent").
    for (n, text) in ["hi, I'm looking for a new laptop", "the cheapest one"]
        .iter()
        .enumerate()
    {
        let status = h.say(CUSTOMER, &format!("wamid.logs.{n}"), text).await;
        assert_eq!(status, StatusCode::OK);
    }
    assert!(
        !h.sink.to(CUSTOMER).is_empty(),
        "the customer got replies (so sends were logged)"
    );

    // A sign-in name that tries to start a log line of its own (short
    // enough to be logged whole: longer names are cut at 64 characters).
    let name = format!("eve\n{FORGED}  INFO signed in user=admin");
    let r = h
        .http
        .post(format!("{}/console/api/login", h.app.url()))
        .json(&json!({ "name": name, "password": "wrong" }))
        .send()
        .await
        .expect("login");
    assert!(r.status().is_client_error(), "{}", r.status());

    let text = logs.text();
    assert!(
        text.contains("message sent"),
        "the conversation was logged:\n{text}"
    );
    assert!(
        !text.contains(CUSTOMER),
        "a full phone number in the logs:\n{}",
        text.lines()
            .filter(|l| l.contains(CUSTOMER))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        text.contains("+55•••••••0001"),
        "the masked number identifies the customer in the logs:\n{text}"
    );
    // The name breaks the sign-in grammar, so it is refused before it is
    // looked up, hashed or logged: the refusal is logged (sizes only) and
    // no line carries the forged text, let alone starts with it.
    assert!(
        text.lines()
            .any(|l| l.contains("sign-in refused: malformed name") && l.contains("name_bytes=")),
        "the refused sign-in was logged:\n{text}"
    );
    let forged: Vec<&str> = text.lines().filter(|l| l.contains(FORGED)).collect();
    assert!(
        forged.is_empty(),
        "the forged text reached the logs: {forged:?}"
    );
}
