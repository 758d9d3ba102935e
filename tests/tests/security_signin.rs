//! Console sign-in under attack, over real HTTP against the real host
//! (issue 11): a spray of random names from many clients stays bounded in
//! memory and is refused with 429; wrong passwords from one address never
//! lock the owner out from another; malformed names are refused before any
//! work; `X-Forwarded-For` counts only from a trusted proxy; the cookie's
//! `Secure` flag comes from the configuration, never from `Host`.
//!
//! Every client is on loopback, bound to its own 127.0.x.y address.

mod common;

use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use agent_store::sales::{Role, Scope};
use common::signin::*;
use reqwest::StatusCode;
use serde_json::json;

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
