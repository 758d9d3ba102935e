//! Connection limits and timeouts of the real host's listener over real
//! TCP on loopback (issue 11): thousands of idle connections leave
//! `/healthz` and `/admin` answering and are refused with 503 past the cap;
//! slowloris headers, silent connections and trickled bodies are cut off by
//! the header, idle and request timeouts.

mod common;

use std::time::{Duration, Instant};

use agent_store::config::Config;
use common::{ADMIN, Harness};
use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn host(tweak: impl FnOnce(&mut Config)) -> (Harness, tempfile::TempDir) {
    let plugins = tempfile::tempdir().expect("plugins dir");
    let h = Harness::start_with(plugins.path().to_path_buf(), tweak).await;
    (h, plugins)
}

/// A client that opens a new connection for every request.
fn fresh_client() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client")
}

/// Raise this process's soft open-file limit to `want` (at most the hard
/// limit): the test holds thousands of sockets on both ends.
fn raise_open_files(want: u64) -> u64 {
    let mut l = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: get/setrlimit on a struct we own.
    unsafe {
        assert_eq!(libc::getrlimit(libc::RLIMIT_NOFILE, &mut l), 0);
        if l.rlim_cur < want {
            l.rlim_cur = want.min(l.rlim_max);
            assert_eq!(libc::setrlimit(libc::RLIMIT_NOFILE, &l), 0);
        }
    }
    l.rlim_cur
}

/// The host's established TCP connections on `port` (its side of them:
/// accepted or waiting to be; a client's half-open attempts do not count).
fn established_on(port: u16) -> usize {
    let table = std::fs::read_to_string("/proc/net/tcp").expect("/proc/net/tcp");
    let local = format!(":{port:04X}");
    table
        .lines()
        .skip(1)
        .filter(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            cols.len() > 3 && cols[1].ends_with(&local) && cols[3] == "01"
        })
        .count()
}

/// Whether the server closed (or answered and closed) this connection.
fn closed_by_server(s: &TcpStream) -> bool {
    let mut buf = [0u8; 512];
    match s.try_read(&mut buf) {
        Ok(_) => true,
        Err(e) => e.kind() != std::io::ErrorKind::WouldBlock,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_thousand_idle_connections_leave_health_and_admin_answering() {
    const IDLE: usize = 5_000;
    const CAP: usize = 1_000;
    const RESERVED: usize = 16;
    let limit = raise_open_files(16_384);
    assert!(
        limit as usize > IDLE + CAP + 1_000,
        "open-file limit {limit}"
    );
    let (h, _plugins) = host(|c| {
        c.server.max_connections = CAP;
        c.server.reserved_connections = RESERVED;
        // Long enough that nothing is closed by a timeout during the test.
        c.server.header_read_timeout_ms = 120_000;
        c.server.idle_timeout_ms = 120_000;
    })
    .await;
    let addr = h.app.addr;

    let mut held = Vec::with_capacity(IDLE);
    for _ in 0..IDLE / 250 {
        let batch = futures_connect(addr, 250).await;
        held.extend(batch);
    }
    assert_eq!(held.len(), IDLE);

    // Past the cap, the host closed the extra connections itself.
    let deadline = Instant::now() + Duration::from_secs(20);
    let open = loop {
        let open = established_on(addr.port());
        if open <= CAP + 2 * RESERVED || Instant::now() > deadline {
            break open;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let refused = held.iter().filter(|s| closed_by_server(s)).count();
    eprintln!(
        "{IDLE} idle connections: {open} open on the host, {refused} answered 503 and closed"
    );
    assert!(
        refused >= IDLE - CAP - 2 * RESERVED - 200,
        "{refused} refused"
    );
    assert!(open <= CAP + 2 * RESERVED, "{open} open past the cap");
    assert!(open >= CAP, "the cap was used: {open}");

    // Health and the admin API still answer, at once.
    let c = fresh_client();
    let started = Instant::now();
    let r = c
        .get(format!("{}/healthz", h.app.url()))
        .send()
        .await
        .expect("healthz answers");
    let took = started.elapsed();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(took < Duration::from_secs(1), "/healthz took {took:?}");
    let r = c
        .get(format!("{}/admin/plugins", h.app.url()))
        .bearer_auth(ADMIN)
        .send()
        .await
        .expect("admin answers");
    assert_eq!(r.status(), StatusCode::OK);
    // Anything else is refused gracefully: 503 and a Retry-After.
    let r = c
        .get(format!("{}/console/api/me", h.app.url()))
        .send()
        .await
        .expect("a refusal is an answer");
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(r.headers().contains_key("retry-after"));

    // Freed: ordinary requests are served again.
    drop(held);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let r = c
            .get(format!("{}/console/api/me", h.app.url()))
            .send()
            .await;
        if r.as_ref()
            .is_ok_and(|r| r.status() == StatusCode::UNAUTHORIZED)
        {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "served again after the flood: {r:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn futures_connect(addr: std::net::SocketAddr, n: usize) -> Vec<TcpStream> {
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..n {
        tasks.spawn(async move {
            tokio::time::timeout(Duration::from_secs(10), TcpStream::connect(addr))
                .await
                .expect("connect in time")
                .expect("connect")
        });
    }
    tasks.join_all().await
}

/// How long until the server closes `s` while `trickle` keeps sending (at
/// most `limit`).
async fn time_to_close(mut s: TcpStream, trickle: &[u8], limit: Duration) -> Duration {
    let started = Instant::now();
    let mut buf = [0u8; 1024];
    while started.elapsed() < limit {
        if !trickle.is_empty() && s.write_all(trickle).await.is_err() {
            return started.elapsed();
        }
        match tokio::time::timeout(Duration::from_millis(200), s.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return started.elapsed(),
            Ok(Ok(_)) | Err(_) => {}
        }
    }
    started.elapsed()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slowloris_silent_and_idle_connections_are_closed_by_the_timeouts() {
    let (h, _plugins) = host(|c| {
        c.server.header_read_timeout_ms = 1_000;
        c.server.idle_timeout_ms = 2_000;
        c.server.request_timeout_ms = 1_500;
    })
    .await;
    let addr = h.app.addr;
    let limit = Duration::from_secs(10);

    // 20 slowloris connections: a header line every 200 ms, never the end.
    let mut slow = tokio::task::JoinSet::new();
    for _ in 0..20 {
        slow.spawn(async move {
            let mut s = TcpStream::connect(addr).await.expect("connect");
            s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
                .await
                .expect("write");
            time_to_close(s, b"X-Slow: 1\r\n", limit).await
        });
    }
    for took in slow.join_all().await {
        assert!(took < Duration::from_secs(4), "slowloris held {took:?}");
    }

    // A silent connection.
    let s = TcpStream::connect(addr).await.expect("connect");
    let took = time_to_close(s, b"", limit).await;
    assert!(
        took < Duration::from_secs(4),
        "silent connection held {took:?}"
    );

    // A keep-alive connection after its request.
    let mut s = TcpStream::connect(addr).await.expect("connect");
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .expect("write");
    let mut buf = [0u8; 256];
    let n = s.read(&mut buf).await.expect("answer");
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
    let took = time_to_close(s, b"", limit).await;
    assert!(
        took < Duration::from_secs(4),
        "idle keep-alive held {took:?}"
    );

    // A body trickled slower than the request timeout: 408.
    let mut s = TcpStream::connect(addr).await.expect("connect");
    s.write_all(
        b"POST /console/api/login HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 64\r\n\r\n{",
    )
    .await
    .expect("write");
    let started = Instant::now();
    let mut answer = Vec::new();
    while started.elapsed() < limit && !answer.ends_with(b"\r\n\r\n") {
        let _ = s.write_all(b" ").await;
        if let Ok(Ok(n)) = tokio::time::timeout(Duration::from_millis(300), s.read(&mut buf)).await
        {
            if n == 0 {
                break;
            }
            answer.extend_from_slice(&buf[..n]);
        }
    }
    assert!(
        answer.starts_with(b"HTTP/1.1 408"),
        "{}",
        String::from_utf8_lossy(&answer)
    );
    assert!(started.elapsed() < Duration::from_secs(4));

    // Meanwhile ordinary requests are served.
    let r = fresh_client()
        .get(format!("{}/healthz", h.app.url()))
        .send()
        .await
        .expect("healthz");
    assert_eq!(r.status(), StatusCode::OK);
}
