//! Console sign-in under attack, over real HTTP against the real host
//! (issue 11): a spray of random names from many clients stays bounded in
//! memory and is refused with 429; wrong passwords from one address never
//! lock the owner out from another; malformed names are refused before any
//! work; `X-Forwarded-For` counts only from a trusted proxy; the cookie's
//! `Secure` flag comes from the configuration, never from `Host`.
//!
//! Every client is on loopback, bound to its own 127.0.x.y address.

mod common;

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use agent_store::config::Config;
use agent_store::sales::{Role, Scope};
use common::Harness;
use reqwest::StatusCode;
use serde_json::json;

const OWNER: &str = "olga";
const PASSWORD: &str = "olga-password-1";

/// A host with no plugins (sign-in needs none) and the owner's account.
async fn host(tweak: impl FnOnce(&mut Config)) -> (Harness, tempfile::TempDir) {
    let plugins = tempfile::tempdir().expect("plugins dir");
    let h = Harness::start_with(plugins.path().to_path_buf(), tweak).await;
    h.app
        .sales
        .users()
        .upsert(OWNER, PASSWORD, Role::Admin, &Scope::All)
        .await
        .expect("owner saved");
    (h, plugins)
}

/// A client whose connections come from `127.0.x.y`.
fn client_from(ip: Ipv4Addr) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(IpAddr::V4(ip))
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client")
}

async fn login(c: &reqwest::Client, h: &Harness, name: &str, password: &str) -> reqwest::Response {
    c.post(format!("{}/console/api/login", h.app.url()))
        .json(&json!({ "name": name, "password": password }))
        .send()
        .await
        .expect("login request")
}

/// Resident memory of this process (the host runs in it), in MiB.
fn memory_mib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map(|kb| kb / 1024)
        .expect("memory field")
}

fn random_hex() -> String {
    format!("{:016x}", RandomState::new().build_hasher().finish())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sign_in_spray_stays_bounded_in_memory_and_excess_gets_429() {
    const CLIENTS: u8 = 64;
    const SPRAY: Duration = Duration::from_secs(4);
    let (h, _plugins) = host(|_| {}).await;
    let url = format!("{}/console/api/login", h.app.url());
    let before = memory_mib("VmRSS:");
    let conns: Vec<reqwest::Client> = (0..CLIENTS)
        .map(|i| client_from(Ipv4Addr::new(127, 0, 1, i + 1)))
        .collect();
    eprintln!(
        "host started: {before} MiB; with {CLIENTS} clients: {} MiB",
        memory_mib("VmRSS:")
    );
    let end = Instant::now() + SPRAY;
    let clients: Vec<_> = conns
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let url = url.clone();
            tokio::spawn(async move {
                let (mut unauthorized, mut refused, mut other) = (0u32, 0u32, Vec::new());
                while Instant::now() < end {
                    let name = format!("spray-{i}-{}", random_hex());
                    let r = c
                        .post(&url)
                        .json(&json!({ "name": name, "password": "guess-123456" }))
                        .send()
                        .await
                        .expect("every sign-in is answered");
                    match r.status() {
                        StatusCode::UNAUTHORIZED => unauthorized += 1,
                        StatusCode::TOO_MANY_REQUESTS => {
                            assert!(r.headers().contains_key("retry-after"));
                            refused += 1;
                            // An attacker ignores Retry-After; a short pause
                            // only keeps the test from starving the 2 cores.
                            tokio::time::sleep(Duration::from_millis(10)).await;
                        }
                        s => other.push(s),
                    }
                }
                (unauthorized, refused, other)
            })
        })
        .collect();
    let mut peak = before;
    while Instant::now() < end {
        peak = peak.max(memory_mib("VmRSS:"));
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (mut unauthorized, mut refused) = (0, 0);
    for c in clients {
        let (u, r, other) = c.await.expect("client");
        assert!(other.is_empty(), "only 401 and 429: {other:?}");
        unauthorized += u;
        refused += r;
    }
    peak = peak.max(memory_mib("VmRSS:"));
    let high_water = memory_mib("VmHWM:");
    eprintln!(
        "spray: {unauthorized} hashed and refused 401, {refused} refused 429; RSS {before} → peak {peak} MiB, high-water {high_water} MiB"
    );
    assert!(unauthorized > 0, "some guesses were hashed");
    assert!(refused > unauthorized, "the excess was refused with 429");
    assert!(
        high_water < 300,
        "the process stayed under 300 MiB: {high_water} MiB"
    );

    // The owner signs in right after (the queue drains in well under a second).
    let owner = client_from(Ipv4Addr::new(127, 0, 2, 1));
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let status = login(&owner, &h, OWNER, PASSWORD).await.status();
        if status == StatusCode::OK {
            break;
        }
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "busy at most");
        assert!(
            Instant::now() < deadline,
            "the owner signs in after a spray"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_passwords_from_one_address_never_lock_the_owner_out() {
    let (h, _plugins) = host(|_| {}).await;
    let attacker = client_from(Ipv4Addr::new(127, 0, 0, 2));
    let owner = client_from(Ipv4Addr::new(127, 0, 0, 3));
    for _ in 0..5 {
        let r = login(&attacker, &h, OWNER, "wrong-password").await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    // The attacker's address is locked for this account, even with the
    // right password…
    for password in ["wrong-password", PASSWORD] {
        let r = login(&attacker, &h, OWNER, password).await;
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
        let retry: u64 = r.headers()["retry-after"]
            .to_str()
            .expect("ascii")
            .parse()
            .expect("seconds");
        assert!(retry > 0 && retry <= 15 * 60, "{retry}");
    }
    // …the owner, elsewhere, is not: a typo and then the right password.
    let r = login(&owner, &h, OWNER, "olga-passwrod-1").await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let r = login(&owner, &h, OWNER, PASSWORD).await;
    assert_eq!(r.status(), StatusCode::OK, "the owner signs in");
    // Another account from the attacker's address is not locked either.
    h.app
        .sales
        .users()
        .upsert("pia", "pia-password-1", Role::Rep, &Scope::parse("fashion"))
        .await
        .expect("pia");
    let r = login(&attacker, &h, "pia", "pia-password-1").await;
    assert_eq!(r.status(), StatusCode::OK, "per account and address");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_address_spraying_names_must_wait_longer_each_time() {
    let (h, _plugins) = host(|_| {}).await;
    let sprayer = client_from(Ipv4Addr::new(127, 0, 0, 4));
    // Ten free failures (any names), then each try must wait.
    for n in 0..10 {
        let r = login(&sprayer, &h, &format!("nobody{n}"), "guess-123456").await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "failure {n}");
    }
    let r = login(&sprayer, &h, "nobody-else", "guess-123456").await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers().contains_key("retry-after"));
    // The owner from another address is not slowed down.
    let owner = client_from(Ipv4Addr::new(127, 0, 0, 5));
    let r = login(&owner, &h, OWNER, PASSWORD).await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_names_are_refused_before_any_work() {
    let (h, _plugins) = host(|_| {}).await;
    let c = client_from(Ipv4Addr::new(127, 0, 0, 6));
    let forged = "x\nINFO signed in user=admin role=admin";
    let long = "a".repeat(65);
    let huge = "b".repeat(512 * 1024);
    for name in [forged, long.as_str(), huge.as_str(), "", "ana;drop"] {
        let started = Instant::now();
        let r = login(&c, &h, name, "guess-123456").await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{:.20}", name);
        let body: serde_json::Value = r.json().await.expect("json");
        assert!(
            body["error"]
                .as_str()
                .is_some_and(|e| e.contains("user names are 1-64")),
            "{body}"
        );
        assert!(started.elapsed() < Duration::from_secs(2));
    }
    let r = login(&c, &h, OWNER, &"p".repeat(2048)).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST, "an oversized password");
    // Malformed attempts are not failures: the owner signs in from there.
    let r = login(&c, &h, OWNER, PASSWORD).await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forwarded_for_names_the_client_only_behind_a_trusted_proxy() {
    let proxy_ip = Ipv4Addr::new(127, 0, 0, 7);
    let (h, _plugins) = host(|c| c.server.trusted_proxies = vec![IpAddr::V4(proxy_ip)]).await;
    let proxy = client_from(proxy_ip);
    let via = |xff: &'static str, password: &'static str| {
        proxy
            .post(format!("{}/console/api/login", h.app.url()))
            .header("x-forwarded-for", xff)
            .json(&json!({ "name": OWNER, "password": password }))
            .send()
    };
    for _ in 0..5 {
        let r = via("203.0.113.9", "wrong-password").await.expect("login");
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    let r = via("203.0.113.9", PASSWORD).await.expect("login");
    assert_eq!(
        r.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "that client is locked"
    );
    let r = via("198.51.100.4, 203.0.113.10", PASSWORD)
        .await
        .expect("login");
    assert_eq!(
        r.status(),
        StatusCode::OK,
        "another client behind the proxy"
    );

    // A stranger's X-Forwarded-For is ignored: its own address counts.
    let stranger = client_from(Ipv4Addr::new(127, 0, 0, 8));
    for _ in 0..5 {
        let r = stranger
            .post(format!("{}/console/api/login", h.app.url()))
            .header("x-forwarded-for", "192.0.2.1")
            .json(&json!({ "name": OWNER, "password": "wrong-password" }))
            .send()
            .await
            .expect("login");
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    let r = stranger
        .post(format!("{}/console/api/login", h.app.url()))
        .header("x-forwarded-for", "192.0.2.2")
        .json(&json!({ "name": OWNER, "password": PASSWORD }))
        .send()
        .await
        .expect("login");
    assert_eq!(
        r.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "a forged header does not escape the lock"
    );
}

fn set_cookie(r: &reqwest::Response) -> String {
    r.headers()["set-cookie"]
        .to_str()
        .expect("ascii")
        .to_ascii_lowercase()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cookie_is_secure_by_configuration_never_by_host_header() {
    // No public URL: a proxy's `Host` or `X-Forwarded-Proto` changes nothing.
    let (plain, _p1) = host(|_| {}).await;
    let c = client_from(Ipv4Addr::new(127, 0, 0, 9));
    for (name, value) in [
        ("host", "sales.example.com"),
        ("x-forwarded-proto", "https"),
    ] {
        let r = c
            .post(format!("{}/console/api/login", plain.app.url()))
            .header(name, value)
            .json(&json!({ "name": OWNER, "password": PASSWORD }))
            .send()
            .await
            .expect("login");
        assert_eq!(r.status(), StatusCode::OK);
        let cookie = set_cookie(&r);
        assert!(cookie.contains("httponly") && cookie.contains("samesite=strict"));
        assert!(!cookie.contains("secure"), "{name}: {cookie}");
    }

    // An https public URL: Secure, even when a proxy forwards Host 127.0.0.1.
    let (tls, _p2) = host(|c| c.server.public_url = "https://sales.example.com".into()).await;
    let r = c
        .post(format!("{}/console/api/login", tls.app.url()))
        .header("host", "127.0.0.1")
        .json(&json!({ "name": OWNER, "password": PASSWORD }))
        .send()
        .await
        .expect("login");
    assert_eq!(r.status(), StatusCode::OK);
    let cookie = set_cookie(&r);
    assert!(
        cookie.contains("; secure")
            && cookie.contains("httponly")
            && cookie.contains("samesite=strict"),
        "{cookie}"
    );

    // An explicit setting wins over the URL.
    let (off, _p3) = host(|c| {
        c.server.public_url = "https://sales.example.com".into();
        c.server.secure_cookies = Some(false);
    })
    .await;
    let r = login(&c, &off, OWNER, PASSWORD).await;
    assert!(!set_cookie(&r).contains("secure"));
}
