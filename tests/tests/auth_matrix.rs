//! The auth matrix (issue 11): every route of the host, walked through real
//! HTTP against the real host with no, wrong and right credentials.
//!
//! axum cannot list a router's routes, so the list is read from the source:
//! every `.route("<path>", <method>(..)...)` in `host/src` and the host's
//! capability crates, `host/crates/*/src` (test files and
//! `#[cfg(test)]` modules left out), with the prefix of the `.nest` that
//! mounts its file. The test fails when a declared route is missing from
//! [`EXPECTED`] (a new route must say who may call it) or when [`EXPECTED`]
//! names a route that no longer exists; a new `.nest` fails it too until
//! its prefix is taught to [`prefix_of`].

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use agent_store::app::Options;
use agent_store::sales::{Role, Scope};
use common::{ADMIN, Harness, SECRET, workspace};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Anyone (health, the console's page and assets).
    Public,
    /// `Authorization: Bearer <admin.token>`.
    Admin,
    /// `Authorization: Bearer <telemetry.metrics_token>`: the Prometheus
    /// scrape, a token that opens nothing else.
    Metrics,
    /// A console session cookie (and the CSRF token on POST).
    Console,
    /// The console's sign-in: name and password.
    Login,
    /// Meta's subscription check: `hub.verify_token`.
    WhatsAppVerify,
    /// Meta's deliveries: `X-Hub-Signature-256` with the app secret.
    WhatsAppSignature,
    /// The payment provider: `Stripe-Signature` with payments.webhook_secret.
    PaymentSignature,
    /// The carrier: `X-Carrier-Signature` with shipping.webhook_secret.
    CarrierSignature,
    /// A producer's bearer token (`[[bus.producers]]`), for `/events`.
    Producer,
    /// The demo's WhatsApp stand-in: no credentials by design, mounted only
    /// with `Options { sandbox: true }` (`agent-store demo`), never by `serve`.
    Sandbox,
    /// The sandbox's Graph API stand-in: like Meta, a bearer token must be
    /// present (any token: it is the demo's fake Meta), demo only.
    SandboxGraph,
}

use Access::*;

/// Every route and who may call it. Keep in step with SECURITY.md.
const EXPECTED: &[(&str, &str, Access)] = &[
    ("GET", "/healthz", Public),
    ("GET", "/readyz", Public),
    ("GET", "/webhooks/whatsapp", WhatsAppVerify),
    ("POST", "/webhooks/whatsapp", WhatsAppSignature),
    ("POST", "/webhooks/payments", PaymentSignature),
    ("POST", "/webhooks/shipping", CarrierSignature),
    ("POST", "/events", Producer),
    ("GET", "/metrics", Metrics),
    // /admin
    ("GET", "/admin/plugins", Admin),
    ("PUT", "/admin/plugins/{name}", Admin),
    ("DELETE", "/admin/plugins/{name}", Admin),
    ("POST", "/admin/plugins/{name}/rollback", Admin),
    ("GET", "/admin/plugins/{name}/logs", Admin),
    ("GET", "/admin/plugins/{name}/shadow", Admin),
    ("DELETE", "/admin/plugins/{name}/shadow", Admin),
    ("POST", "/admin/plugins/{name}/shadow/promote", Admin),
    ("GET", "/admin/hosts", Admin),
    ("GET", "/admin/budgets", Admin),
    ("GET", "/admin/budgets/{brand}", Admin),
    ("PUT", "/admin/budgets/{brand}", Admin),
    ("GET", "/admin/whatsapp", Admin),
    ("GET", "/admin/events/parked", Admin),
    ("GET", "/admin/satisfaction", Admin),
    ("GET", "/admin/llm", Admin),
    ("GET", "/admin/conversations", Admin),
    ("GET", "/admin/conversations/{id}", Admin),
    ("GET", "/admin/orders", Admin),
    ("GET", "/admin/orders/{id}", Admin),
    ("POST", "/admin/orders/{id}/{action}", Admin),
    ("GET", "/admin/products", Admin),
    ("GET", "/admin/products/{id}", Admin),
    ("PATCH", "/admin/products/{id}", Admin),
    ("GET", "/admin/products/{id}/stock", Admin),
    ("PUT", "/admin/products/{id}/stock", Admin),
    // /console
    ("GET", "/console", Public),
    ("GET", "/console/", Public),
    ("GET", "/console/assets/app.css", Public),
    ("GET", "/console/assets/app.js", Public),
    ("POST", "/console/api/login", Login),
    ("POST", "/console/api/logout", Console),
    ("GET", "/console/api/me", Console),
    ("GET", "/console/api/events", Console),
    ("GET", "/console/api/escalations", Console),
    ("POST", "/console/api/escalations/{id}/accept", Console),
    ("POST", "/console/api/escalations/{id}/resolve", Console),
    ("POST", "/console/api/escalations/{id}/handback", Console),
    ("GET", "/console/api/conversations/{id}", Console),
    ("POST", "/console/api/conversations/{id}/messages", Console),
    ("POST", "/console/api/conversations/{id}/cart", Console),
    ("POST", "/console/api/conversations/{id}/order", Console),
    ("GET", "/console/api/conversations/{id}/assist", Console),
    (
        "POST",
        "/console/api/conversations/{id}/regression",
        Console,
    ),
    (
        "DELETE",
        "/console/api/conversations/{id}/regression",
        Console,
    ),
    ("GET", "/console/api/products", Console),
    ("GET", "/console/api/reports", Console),
    ("GET", "/console/api/reports.csv", Console),
    ("GET", "/console/api/budgets", Console),
    ("GET", "/console/api/shadows", Console),
    ("GET", "/console/api/users", Console),
    ("POST", "/console/api/users", Console),
    // The demo's sandbox
    ("GET", "/", Sandbox),
    ("GET", "/sandbox", Sandbox),
    ("GET", "/sandbox/", Sandbox),
    ("GET", "/sandbox/assets/app.css", Sandbox),
    ("GET", "/sandbox/assets/app.js", Sandbox),
    ("GET", "/sandbox/config", Sandbox),
    (
        "POST",
        "/sandbox/graph/{version}/{phone_number_id}/messages",
        SandboxGraph,
    ),
    ("GET", "/sandbox/messages", Sandbox),
    ("GET", "/sandbox/events", Sandbox),
    ("GET", "/sandbox/products/{id}", Sandbox),
    ("POST", "/sandbox/read", Sandbox),
];

// ---- the routes declared in the source ------------------------------------

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read the host's sources") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The prefix under which a file's routes are mounted (its router is
/// `.nest`ed); checked against every `.nest` found.
fn prefix_of(file: &str) -> &'static str {
    match file {
        "host/src/api/admin.rs" | "host/crates/orders/src/api.rs" | "host/src/policy/api.rs" => {
            "/admin"
        }
        _ => "",
    }
}

/// The nests the prefixes above stand for: (file, prefix).
const NESTS: &[(&str, &str)] = &[("host/src/api/mod.rs", "/admin")];

/// The argument text of every `<needle>(...)` call whose first argument is
/// a string literal: (literal, the rest of the arguments).
fn calls(text: &str, needle: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(needle) {
        let start = from + at + needle.len();
        from = start;
        let bytes = text.as_bytes();
        let (mut depth, mut end) = (1usize, start);
        while end < bytes.len() && depth > 0 {
            match bytes[end] {
                b'(' => depth += 1,
                b')' => depth -= 1,
                _ => {}
            }
            end += 1;
        }
        let args = text[start..end.saturating_sub(1)].trim_start();
        let Some(rest) = args.strip_prefix('"') else {
            continue;
        };
        let Some(close) = rest.find('"') else {
            continue;
        };
        out.push((rest[..close].to_string(), rest[close + 1..].to_string()));
    }
    out
}

/// The HTTP methods of a method router expression (`get(a).post(b)`).
fn methods(expr: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for (word, method) in [
        ("get(", "GET"),
        ("post(", "POST"),
        ("put(", "PUT"),
        ("delete(", "DELETE"),
        ("patch(", "PATCH"),
    ] {
        let mut from = 0;
        while let Some(at) = expr[from..].find(word) {
            let i = from + at;
            let before = expr[..i].chars().next_back();
            if !before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                out.push(method);
                break;
            }
            from = i + word.len();
        }
    }
    out
}

fn declared_routes() -> BTreeSet<(String, String)> {
    let root = workspace();
    let mut files = Vec::new();
    // The host and its capability crates (the bus's `POST /events` lives in
    // host/crates/bus).
    rs_files(&root.join("host/src"), &mut files);
    rs_files(&root.join("host/crates"), &mut files);
    let (mut routes, mut nests) = (BTreeSet::new(), Vec::new());
    for file in files {
        let rel = file
            .strip_prefix(&root)
            .expect("under the workspace")
            .to_string_lossy()
            .replace('\\', "/");
        if rel.ends_with("/tests.rs") || rel.ends_with("_tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read source");
        let code: String = text
            // An inline test module ends the production code.
            .split("#[cfg(test)]\nmod tests {")
            .next()
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for (path, expr) in calls(&code, ".route(") {
            let ms = methods(&expr);
            assert!(!ms.is_empty(), "{rel}: no method found for {path}: {expr}");
            for m in ms {
                routes.insert((m.to_string(), format!("{}{path}", prefix_of(&rel))));
            }
        }
        for (prefix, _) in calls(&code, ".nest(") {
            nests.push((rel.clone(), prefix));
        }
    }
    let expected: Vec<(String, String)> = NESTS
        .iter()
        .map(|(f, p)| (f.to_string(), p.to_string()))
        .collect();
    assert_eq!(
        nests, expected,
        "a router is nested somewhere new: teach prefix_of its files"
    );
    routes
}

#[test]
fn every_declared_route_has_an_expected_access() {
    let declared = declared_routes();
    let expected: BTreeSet<(String, String)> = EXPECTED
        .iter()
        .map(|(m, p, _)| (m.to_string(), p.to_string()))
        .collect();
    let missing: Vec<_> = declared.difference(&expected).collect();
    let stale: Vec<_> = expected.difference(&declared).collect();
    assert!(
        missing.is_empty(),
        "routes with no entry in EXPECTED (say who may call them): {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "EXPECTED names routes that are gone: {stale:?}"
    );
    assert!(
        declared.len() >= 50,
        "the scan found the routes: {declared:?}"
    );
}

// ---- walking them ----------------------------------------------------------

const PAYMENTS_SECRET: &str = "whsec_matrix";
const CARRIER_SECRET: &str = "carrier-matrix";
/// At least 16 characters, as `[[bus.producers]]` requires.
const PRODUCER: &str = "matrix-producer-token";
const METRICS_TOKEN: &str = "matrix-metrics-token";

/// Path parameters filled with values that name nothing (a right credential
/// then gets 404 or 400, never a change).
fn concrete(path: &str) -> String {
    path.replace("{name}", "no-such-plugin")
        .replace("{id}", "no-such-id")
        .replace("{action}", "cancel")
        .replace("{version}", "v21.0")
        .replace("{phone_number_id}", common::PHONE_NUMBER_ID)
}

/// A signed-in console admin: (cookie, csrf).
async fn sign_in(h: &Harness) -> (String, String) {
    let r = h
        .http
        .post(format!("{}/console/api/login", h.app.url()))
        .json(&json!({ "name": "matrix-admin", "password": "matrix-password-1" }))
        .send()
        .await
        .expect("login");
    assert_eq!(r.status(), StatusCode::OK, "the matrix admin signs in");
    let cookie = r
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|c| c.split(';').next())
        .expect("session cookie")
        .to_string();
    let body: Value = r.json().await.expect("json");
    (cookie, body["csrf"].as_str().expect("csrf").to_string())
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Cred {
    None,
    Wrong,
    Right,
}

/// One request to `method path` with `cred` of the kind `access` wants.
async fn call(
    h: &Harness,
    method: &str,
    path: &str,
    access: Access,
    cred: Cred,
    session: &(String, String),
) -> StatusCode {
    let method = Method::from_bytes(method.as_bytes()).expect("method");
    let mut url = format!("{}{}", h.app.url(), concrete(path));
    let mut body: Vec<u8> = b"{}".to_vec();
    let mut headers: Vec<(&str, String)> = vec![("content-type", "application/json".into())];
    match (access, cred) {
        (Metrics, Cred::Wrong) => {
            // The admin token is the wrong one here: Prometheus holds only
            // the metrics token.
            headers.push(("authorization", format!("Bearer {ADMIN}")))
        }
        (Metrics, Cred::Right) => {
            headers.push(("authorization", format!("Bearer {METRICS_TOKEN}")))
        }
        (Admin | Producer, Cred::Wrong) => {
            headers.push(("authorization", "Bearer not-the-token".into()))
        }
        (Admin, Cred::Right) => headers.push(("authorization", format!("Bearer {ADMIN}"))),
        (Console, Cred::Wrong) => {
            // A well-formed token (64 characters) that opens no session.
            headers.push(("cookie", format!("agent_store_console={}", "f".repeat(64))));
            headers.push(("x-csrf-token", "forged".into()));
        }
        (Console, Cred::Right) => {
            headers.push(("cookie", session.0.clone()));
            headers.push(("x-csrf-token", session.1.clone()));
        }
        (Producer, Cred::Right) => {
            headers.push(("authorization", format!("Bearer {PRODUCER}")));
        }
        (SandboxGraph, Cred::Right) => {
            headers.push(("authorization", "Bearer graph-token".into()));
        }
        (Login, c) => {
            let password = match c {
                Cred::None => "",
                Cred::Wrong => "not-the-password",
                Cred::Right => "matrix-password-1",
            };
            body = serde_json::to_vec(&json!({ "name": "matrix-admin", "password": password }))
                .expect("json");
        }
        (WhatsAppVerify, c) => {
            let token = match c {
                Cred::None => None,
                Cred::Wrong => Some("not-the-token"),
                Cred::Right => Some("verify-me"),
            };
            url.push_str("?hub.mode=subscribe&hub.challenge=matrix");
            if let Some(t) = token {
                url.push_str(&format!("&hub.verify_token={t}"));
            }
        }
        (WhatsAppSignature, c) => {
            body =
                serde_json::to_vec(&json!({ "object": "whatsapp_business_account", "entry": [] }))
                    .expect("json");
            let secret = if c == Cred::Right {
                SECRET
            } else {
                "not-the-secret"
            };
            if c != Cred::None {
                headers.push((
                    "x-hub-signature-256",
                    agent_store::whatsapp::signature::sign(secret.as_bytes(), &body),
                ));
            }
        }
        (PaymentSignature, c) => {
            body = serde_json::to_vec(
                &json!({ "id": "evt_matrix", "type": "ping", "data": { "object": {} } }),
            )
            .expect("json");
            let secret = if c == Cred::Right {
                PAYMENTS_SECRET
            } else {
                "not-the-secret"
            };
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .expect("clock")
                .as_secs() as i64;
            if c != Cred::None {
                headers.push((
                    "stripe-signature",
                    agent_store::payments::signature::sign(secret.as_bytes(), now, &body),
                ));
            }
        }
        (CarrierSignature, c) => {
            body = serde_json::to_vec(&json!({ "order_id": "no-such-order", "status": "shipped" }))
                .expect("json");
            let secret = if c == Cred::Right {
                CARRIER_SECRET
            } else {
                "not-the-secret"
            };
            if c != Cred::None {
                headers.push((
                    "x-carrier-signature",
                    agent_store::whatsapp::signature::sign(secret.as_bytes(), &body),
                ));
            }
        }
        _ => {}
    }
    if access == Producer {
        // A valid event of a granted type: the answer is about the token.
        headers[0].1 = "application/cloudevents+json".into();
        body = serde_json::to_vec(&json!({
            "specversion": "1.0", "id": "matrix-event", "source": "/matrix",
            "type": "store.plugin.failed", "datacontenttype": "application/json",
            "data": { "plugin": "matrix", "version": "0.1.0", "reason": "matrix" },
        }))
        .expect("json");
    }
    if access == Console {
        // A well-formed body, so the answer is about the credential, not
        // the input.
        body = console_body(path);
    }
    let mut req = h.http.request(method, &url).body(body);
    for (k, v) in headers {
        req = req.header(k, v);
    }
    // Streams (SSE) answer with headers first; the status is all we need.
    let r = req.send().await.expect("request");
    r.status()
}

fn console_body(path: &str) -> Vec<u8> {
    let body = if path.ends_with("/messages") {
        json!({ "text": "hello from the matrix" })
    } else if path.ends_with("/cart") {
        json!({ "product_id": "no-such-product", "quantity": 1 })
    } else if path.ends_with("/order") {
        json!({ "key": "matrix-order-key" })
    } else if path.ends_with("/users") {
        json!({ "name": "matrix-rep", "password": "matrix-password-2", "role": "rep", "brands": "tech" })
    } else {
        json!({})
    };
    serde_json::to_vec(&body).expect("json")
}

fn refused(status: StatusCode) -> bool {
    status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_with_no_wrong_and_right_credentials() {
    let h = Harness::start_with_options(
        common::plugins_dir(),
        |c| {
            c.payments.webhook_secret = PAYMENTS_SECRET.into();
            c.shipping.webhook_secret = CARRIER_SECRET.into();
            c.telemetry.metrics_token = METRICS_TOKEN.into();
            c.bus.producers = vec![agent_store::bus::ProducerConfig {
                name: "matrix".into(),
                token: PRODUCER.into(),
                types: vec!["store.plugin.failed".into()],
            }];
        },
        Options { sandbox: true },
    )
    .await;
    h.app
        .sales
        .users()
        .upsert(
            "matrix-admin",
            "matrix-password-1",
            Role::Admin,
            &Scope::parse("*"),
        )
        .await
        .expect("user saved");
    let session = sign_in(&h).await;
    let declared = declared_routes();
    // Logout ends the session: last.
    let mut rows: Vec<_> = EXPECTED.to_vec();
    rows.sort_by_key(|(_, p, _)| p.ends_with("/logout"));
    let mut failures = Vec::new();
    for (method, path, access) in rows {
        assert!(declared.contains(&(method.to_string(), path.to_string())));
        let mut got = Vec::new();
        for cred in [Cred::None, Cred::Wrong, Cred::Right] {
            got.push(call(&h, method, path, access, cred, &session).await);
        }
        let [none, wrong, right] = [got[0], got[1], got[2]];
        let ok = match access {
            // No credential asked: a GET without parameters answers; the
            // others may refuse the made-up input, never the caller.
            Public | Sandbox => {
                !refused(none) && (method != "GET" || path.contains('{') || none.is_success())
            }
            Metrics => {
                none == StatusCode::UNAUTHORIZED
                    && wrong == StatusCode::UNAUTHORIZED
                    && right == StatusCode::OK
            }
            Admin | Console => {
                none == StatusCode::UNAUTHORIZED
                    && wrong == StatusCode::UNAUTHORIZED
                    && !refused(right)
            }
            Login => {
                (none == StatusCode::UNAUTHORIZED || none == StatusCode::BAD_REQUEST)
                    && wrong == StatusCode::UNAUTHORIZED
                    && right == StatusCode::OK
            }
            WhatsAppVerify => {
                none == StatusCode::FORBIDDEN
                    && wrong == StatusCode::FORBIDDEN
                    && right == StatusCode::OK
            }
            WhatsAppSignature | CarrierSignature => {
                none == StatusCode::UNAUTHORIZED
                    && wrong == StatusCode::UNAUTHORIZED
                    && !refused(right)
                    && right != StatusCode::BAD_REQUEST
            }
            PaymentSignature => {
                none == StatusCode::BAD_REQUEST
                    && wrong == StatusCode::BAD_REQUEST
                    && right == StatusCode::OK
            }
            SandboxGraph => none == StatusCode::UNAUTHORIZED && !refused(right),
            Producer => {
                none == StatusCode::UNAUTHORIZED
                    && wrong == StatusCode::UNAUTHORIZED
                    && right == StatusCode::ACCEPTED
            }
        };
        if !ok {
            failures.push(format!(
                "{method} {path} ({access:?}): none {none}, wrong {wrong}, right {right}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `serve` (no sandbox) mounts none of the sandbox's routes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sandbox_exists_only_in_the_demo() {
    let h = Harness::start().await;
    for (method, path, access) in EXPECTED {
        if !matches!(access, Sandbox | SandboxGraph) {
            continue;
        }
        let status = call(&h, method, path, *access, Cred::Right, &Default::default()).await;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path} answered {status} without the sandbox"
        );
    }
}
