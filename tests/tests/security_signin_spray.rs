//! A sign-in spray against the real host over real HTTP (issue 11): many
//! clients with random names stay bounded in memory and the excess is refused
//! with 429. Alone in its own test binary: it reads this process's resident
//! memory, which other tests' hosts in the same process would inflate.
//!
//! Every client is on loopback, bound to its own 127.0.x.y address.

mod common;

use std::net::Ipv4Addr;
use std::time::{Duration, Instant};

use common::signin::*;
use reqwest::StatusCode;
use serde_json::json;

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
