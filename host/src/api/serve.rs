//! The HTTP listener: every connection bounded in number and in time.
//!
//! - At most `max_connections` connections are served (lowered to fit the
//!   process's open-file limit, so connections can never starve the
//!   database, the plugins or the logs of file descriptors).
//! - When they are all in use, a new connection is *triaged*: its request
//!   head is peeked (not consumed) for a short while. A complete
//!   `/healthz`, `/readyz`, `/metrics` or `/admin/*` request is served from a separate
//!   pool of `reserved_connections` (one request, then closed); anything
//!   else is answered `503` with `Retry-After` and closed. Triage slots are
//!   as many as reserved ones; a new connection evicts the oldest waiting
//!   one, so silent connections cannot crowd a health probe out.
//! - Headers must arrive within `header_read_timeout_ms` (slowloris), a
//!   request must be answered within `request_timeout_ms` (408), and a
//!   connection with nothing in flight and no traffic for
//!   `idle_timeout_ms` is closed.
//! - `accept` errors (EMFILE, ENFILE, ENOBUFS…) back off and retry; they
//!   never spin and never stop the server. Refusals and accept errors are
//!   logged once per episode, not per connection.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, Response, StatusCode};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot, watch};
use tokio::task::JoinSet;
use tower::ServiceExt as _;

use super::ServerConfig;

/// File descriptors left for everything but connections (database pool,
/// plugin files, outbound HTTP, logs).
pub const FD_HEADROOM: usize = 256;
/// How long a triaged connection may take to send its request head.
const TRIAGE_WAIT: Duration = Duration::from_secs(2);
/// Largest request head triage reads (larger: refused).
const TRIAGE_HEAD_BYTES: usize = 8 * 1024;
const ACCEPT_BACKOFF_MIN: Duration = Duration::from_millis(5);
const ACCEPT_BACKOFF_MAX: Duration = Duration::from_secs(1);

/// The answer of a connection refused because every slot is in use.
const BUSY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\nretry-after: 1\r\nconnection: close\r\ncontent-length: 49\r\n\r\n{\"error\":\"too many connections: try again soon\"}\n";

/// The limits in force (from [`ServerConfig`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_connections: usize,
    pub reserved: usize,
    pub header_read_timeout: Duration,
    pub request_timeout: Duration,
    pub idle_timeout: Duration,
}

impl Limits {
    pub fn from_config(c: &ServerConfig) -> Self {
        let reserved = c.reserved_connections.max(1);
        Self {
            max_connections: fit_to_fd_limit(c.max_connections, reserved, open_file_limit()),
            reserved,
            header_read_timeout: Duration::from_millis(c.header_read_timeout_ms.max(1)),
            request_timeout: Duration::from_millis(c.request_timeout_ms.max(1)),
            idle_timeout: Duration::from_millis(c.idle_timeout_ms.max(1)),
        }
    }
}

/// The soft `RLIMIT_NOFILE` of the process.
fn open_file_limit() -> Option<usize> {
    #[cfg(unix)]
    {
        let mut l = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit only writes into the struct we own.
        if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut l) } == 0 {
            return Some(usize::try_from(l.rlim_cur).unwrap_or(usize::MAX));
        }
    }
    None
}

/// `max` lowered so connections (served, reserved, triaged) leave
/// [`FD_HEADROOM`] descriptors free.
pub fn fit_to_fd_limit(max: usize, reserved: usize, fd_limit: Option<usize>) -> usize {
    let Some(limit) = fd_limit else {
        return max.max(1);
    };
    let room = limit.saturating_sub(FD_HEADROOM + 2 * reserved);
    max.min(room).max(1)
}

/// Serve `router` on `listener` until `shutdown` completes, then let open
/// connections finish (the caller bounds how long).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    config: &ServerConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) {
    let limits = Limits::from_config(config);
    if limits.max_connections < config.max_connections {
        tracing::warn!(
            configured = config.max_connections,
            max_connections = limits.max_connections,
            fd_limit = ?open_file_limit(),
            "max_connections lowered to fit the open-file limit"
        );
    }
    let (stop_tx, stop_rx) = watch::channel(false);
    let shared = Arc::new(Shared::new(router, limits, stop_rx));
    let mut tasks = JoinSet::new();
    let mut accept_errors = AcceptErrors::default();
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            _ = &mut shutdown => break,
            Some(_) = tasks.join_next(), if !tasks.is_empty() => continue,
            accepted = listener.accept() => accepted,
        };
        match accepted {
            Ok((stream, peer)) => {
                accept_errors.recovered();
                tasks.spawn(shared.clone().admit(stream, peer));
            }
            Err(e) => {
                let pause = accept_errors.failed(&e);
                tokio::select! {
                    _ = &mut shutdown => break,
                    _ = tokio::time::sleep(pause) => {}
                }
            }
        }
    }
    drop(listener);
    let _ = stop_tx.send(true);
    while tasks.join_next().await.is_some() {}
}

/// Accept failures (EMFILE and the like): back off, log once per episode.
#[derive(Debug, Default)]
struct AcceptErrors {
    count: u64,
    backoff: Duration,
}

impl AcceptErrors {
    fn failed(&mut self, e: &std::io::Error) -> Duration {
        if self.count == 0 {
            tracing::warn!(error = %e, "accept failed; backing off (logged once until accepting works again)");
        }
        self.count += 1;
        self.backoff = (self.backoff * 2).clamp(ACCEPT_BACKOFF_MIN, ACCEPT_BACKOFF_MAX);
        self.backoff
    }

    fn recovered(&mut self) {
        if self.count > 0 {
            tracing::info!(failures = self.count, "accepting connections again");
        }
        self.count = 0;
        self.backoff = Duration::ZERO;
    }
}

/// Connections refused while full: logged once per episode.
#[derive(Debug, Default)]
struct Refusals {
    full: AtomicBool,
    count: AtomicU64,
}

impl Refusals {
    fn refused(&self, limits: &Limits) {
        self.count.fetch_add(1, Ordering::Relaxed);
        if !self.full.swap(true, Ordering::Relaxed) {
            tracing::warn!(
                max_connections = limits.max_connections,
                reserved = limits.reserved,
                "connection limit reached: new connections answered 503 (logged once until a slot frees)"
            );
        }
    }

    fn admitted(&self) {
        if self.full.swap(false, Ordering::Relaxed) {
            let refused = self.count.swap(0, Ordering::Relaxed);
            tracing::info!(refused, "connections accepted again");
        }
    }
}

/// Connections waiting for triage; the oldest is evicted when full.
#[derive(Debug, Default)]
struct Triage {
    next: u64,
    waiting: VecDeque<(u64, oneshot::Sender<()>)>,
}

struct Shared {
    app: Router,
    limits: Limits,
    general: Arc<Semaphore>,
    reserved: Arc<Semaphore>,
    triage: Mutex<Triage>,
    refusals: Refusals,
    builder: http1::Builder,
    /// One request per connection, short header deadline.
    reserved_builder: http1::Builder,
    stop: watch::Receiver<bool>,
}

impl Shared {
    fn new(router: Router, limits: Limits, stop: watch::Receiver<bool>) -> Self {
        let app = router.layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.request_timeout,
        ));
        Self {
            app,
            general: Arc::new(Semaphore::new(limits.max_connections)),
            reserved: Arc::new(Semaphore::new(limits.reserved)),
            triage: Mutex::new(Triage::default()),
            refusals: Refusals::default(),
            builder: builder(limits.header_read_timeout, true),
            reserved_builder: builder(limits.header_read_timeout.min(TRIAGE_WAIT), false),
            limits,
            stop,
        }
    }

    /// Serve, triage or refuse a new connection.
    async fn admit(self: Arc<Self>, stream: TcpStream, peer: SocketAddr) {
        if let Ok(permit) = self.general.clone().try_acquire_owned() {
            self.refusals.admitted();
            return self.serve_connection(stream, peer, permit, false).await;
        }
        let priority = self.triage(&stream).await;
        // A slot may have freed while the head arrived.
        if let Ok(permit) = self.general.clone().try_acquire_owned() {
            return self.serve_connection(stream, peer, permit, false).await;
        }
        if priority && let Ok(permit) = self.reserved.clone().try_acquire_owned() {
            return self.serve_connection(stream, peer, permit, true).await;
        }
        self.refusals.refused(&self.limits);
        refuse(stream);
    }

    /// Whether the connection's first request is a complete priority one.
    async fn triage(&self, stream: &TcpStream) -> bool {
        let (id, evicted) = {
            let mut t = self.triage.lock().unwrap_or_else(|e| e.into_inner());
            if t.waiting.len() >= self.limits.reserved
                && let Some((_, oldest)) = t.waiting.pop_front()
            {
                let _ = oldest.send(());
            }
            let (tx, rx) = oneshot::channel();
            t.next += 1;
            let id = t.next;
            t.waiting.push_back((id, tx));
            (id, rx)
        };
        let verdict = tokio::select! {
            v = tokio::time::timeout(TRIAGE_WAIT, first_request(stream)) => v.unwrap_or(false),
            _ = evicted => false,
        };
        let mut t = self.triage.lock().unwrap_or_else(|e| e.into_inner());
        t.waiting.retain(|(i, _)| *i != id);
        verdict
    }

    async fn serve_connection(
        self: Arc<Self>,
        stream: TcpStream,
        peer: SocketAddr,
        permit: OwnedSemaphorePermit,
        reserved: bool,
    ) {
        let activity = Arc::new(Activity::new());
        let io = TokioIo::new(Watched {
            inner: stream,
            activity: activity.clone(),
        });
        let service = ConnService {
            app: self.app.clone(),
            peer,
            activity: activity.clone(),
        };
        let builder = if reserved {
            &self.reserved_builder
        } else {
            &self.builder
        };
        let conn = builder.serve_connection(io, service).with_upgrades();
        tokio::pin!(conn);
        let mut stop = self.stop.clone();
        let mut stopping = *stop.borrow();
        if stopping {
            conn.as_mut().graceful_shutdown();
        }
        loop {
            tokio::select! {
                served = conn.as_mut() => {
                    if let Err(e) = served {
                        tracing::debug!(%peer, error = %e, "connection ended with an error");
                    }
                    break;
                }
                _ = stop.changed(), if !stopping => {
                    stopping = true;
                    conn.as_mut().graceful_shutdown();
                }
                _ = activity.idle_for(self.limits.idle_timeout) => {
                    tracing::debug!(%peer, "idle connection closed");
                    break;
                }
            }
        }
        drop(permit);
    }
}

fn builder(header_read_timeout: Duration, keep_alive: bool) -> http1::Builder {
    let mut b = http1::Builder::new();
    b.timer(TokioTimer::new())
        .header_read_timeout(header_read_timeout)
        .keep_alive(keep_alive);
    b
}

/// Answer 503 and close, without waiting on the peer.
fn refuse(stream: TcpStream) {
    // Read what already arrived so closing does not reset the connection
    // before the peer reads the answer.
    let mut sink = vec![0u8; TRIAGE_HEAD_BYTES];
    let _ = stream.try_read(&mut sink);
    let _ = stream.try_write(BUSY);
}

/// Peek (not consume) the request head; true when it is complete and for a
/// path that keeps its headroom.
async fn first_request(stream: &TcpStream) -> bool {
    let mut buf = vec![0u8; TRIAGE_HEAD_BYTES];
    loop {
        let n = match stream.peek(&mut buf).await {
            Ok(0) | Err(_) => return false,
            Ok(n) => n,
        };
        match head_path(&buf[..n]) {
            Head::Complete(path) => return is_priority(&path),
            Head::Invalid => return false,
            Head::Partial if n == buf.len() => return false,
            // Peeking again returns at once: give the rest time to arrive.
            Head::Partial => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Head {
    Complete(String),
    Partial,
    Invalid,
}

/// The request target of a complete HTTP/1 request head.
fn head_path(buf: &[u8]) -> Head {
    let line_end = buf.iter().position(|b| *b == b'\n');
    if let Some(end) = line_end {
        let line = &buf[..end];
        let mut parts = line.split(|b| *b == b' ');
        let (Some(_method), Some(target), Some(version)) =
            (parts.next(), parts.next(), parts.next())
        else {
            return Head::Invalid;
        };
        if !version.starts_with(b"HTTP/1.") {
            return Head::Invalid;
        }
        if !buf.windows(4).any(|w| w == b"\r\n\r\n") && !buf.windows(2).any(|w| w == b"\n\n") {
            return Head::Partial;
        }
        return Head::Complete(String::from_utf8_lossy(target).into_owned());
    }
    Head::Partial
}

/// Paths that keep answering when every ordinary connection is in use.
pub fn is_priority(target: &str) -> bool {
    let path = target.split(['?', '#']).next().unwrap_or("");
    matches!(path, "/healthz" | "/readyz" | "/metrics" | "/admin") || path.starts_with("/admin/")
}

/// When a connection last moved bytes, and whether a request is in flight.
struct Activity {
    epoch: Instant,
    last_ms: AtomicU64,
    in_flight: AtomicUsize,
}

impl Activity {
    fn new() -> Self {
        Self {
            epoch: Instant::now(),
            last_ms: AtomicU64::new(0),
            in_flight: AtomicUsize::new(0),
        }
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn touch(&self) {
        self.last_ms.store(self.now_ms(), Ordering::Relaxed);
    }

    /// Completes once nothing was in flight and no byte moved for `idle`.
    async fn idle_for(&self, idle: Duration) {
        let idle_ms = u64::try_from(idle.as_millis()).unwrap_or(u64::MAX);
        loop {
            let since = self
                .now_ms()
                .saturating_sub(self.last_ms.load(Ordering::Relaxed));
            let busy = self.in_flight.load(Ordering::Relaxed) > 0;
            if !busy && since >= idle_ms {
                return;
            }
            let wait = if busy { idle_ms } else { idle_ms - since };
            tokio::time::sleep(Duration::from_millis(wait.max(10))).await;
        }
    }
}

/// A request in flight (the idle clock restarts when it ends).
struct InFlight(Arc<Activity>);

impl InFlight {
    fn enter(a: &Arc<Activity>) -> Self {
        a.in_flight.fetch_add(1, Ordering::Relaxed);
        Self(a.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.touch();
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The socket, recording when bytes move.
struct Watched {
    inner: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.activity.touch();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, data);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// The router as one connection sees it: the peer address as axum's
/// [`ConnectInfo`], and the in-flight count for the idle clock.
#[derive(Clone)]
struct ConnService {
    app: Router,
    peer: SocketAddr,
    activity: Arc<Activity>,
}

impl hyper::service::Service<Request<Incoming>> for ConnService {
    type Response = Response<Body>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response<Body>, Infallible>> + Send>>;

    fn call(&self, mut req: Request<Incoming>) -> Self::Future {
        req.extensions_mut().insert(ConnectInfo(self.peer));
        let guard = InFlight::enter(&self.activity);
        let app = self.app.clone();
        Box::pin(async move {
            let response = app.oneshot(req).await;
            drop(guard);
            response
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_triaged_by_path_once_complete() {
        assert_eq!(
            head_path(b"GET /healthz HTTP/1.1\r\nHost: x\r\n"),
            Head::Partial
        );
        assert_eq!(head_path(b"GET /heal"), Head::Partial);
        assert_eq!(
            head_path(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"),
            Head::Complete("/healthz".into())
        );
        assert_eq!(
            head_path(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
            Head::Invalid
        );
        assert_eq!(head_path(b"garbage\r\n\r\n"), Head::Invalid);
        assert!(is_priority("/healthz"));
        assert!(is_priority("/readyz?x=1"));
        assert!(is_priority("/admin/plugins"));
        assert!(is_priority("/metrics"));
        assert!(!is_priority("/administrator"));
        assert!(!is_priority("/console/api/login"));
        assert!(!is_priority("/webhooks/whatsapp"));
    }

    #[test]
    fn the_connection_cap_leaves_file_descriptors_free() {
        assert_eq!(fit_to_fd_limit(4096, 32, Some(20_000)), 4096);
        assert_eq!(
            fit_to_fd_limit(4096, 32, Some(1024)),
            1024 - FD_HEADROOM - 64
        );
        assert_eq!(fit_to_fd_limit(4096, 32, None), 4096);
        assert_eq!(fit_to_fd_limit(4096, 32, Some(10)), 1, "never zero");
    }
}
