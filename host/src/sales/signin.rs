//! Sign-in defences that hold against a spray of random names from many
//! clients and never lock the real owner out:
//!
//! - [`Hasher`]: argon2id (19 MiB a hash) runs on [`HASH_WORKERS`] threads
//!   of its own behind a queue of [`HASH_QUEUE`]; a full queue is a 429, so
//!   a spray costs at most `HASH_WORKERS` hashes of memory at any time.
//! - [`Limiter`]: per client address, an exponential delay once an address
//!   has used its free failures (whatever names it tries); per account *and*
//!   address, a lock after `login_max_failures` — the attacker's address is
//!   locked, the owner's is not. Both tables are bounded (oldest evicted).
//!   On PostgreSQL the counts are shared by every host
//!   ([`super::signin_shared`]).
//! - [`client_ip`]: the peer address, or `X-Forwarded-For` only when the
//!   peer is a configured trusted proxy.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::http::HeaderMap;
use tokio::sync::oneshot;

use super::users::{dummy_hash, verify_password_reusing};

/// Threads hashing sign-in passwords (each holds one argon2 buffer).
pub const HASH_WORKERS: usize = 2;
/// Sign-ins waiting for a hashing thread; more are refused with 429.
pub const HASH_QUEUE: usize = 16;
/// Entries each limiter table keeps at most (oldest evicted).
pub const MAX_ENTRIES: usize = 10_000;
/// First delay once an address used its free failures (then doubled).
const FIRST_DELAY: Duration = Duration::from_secs(1);

/// The hashing queue is full: try again shortly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("sign-in is busy")]
pub struct Busy;

struct Job {
    password: String,
    /// `None`: an unknown account, verified against the dummy hash so it
    /// costs the same.
    hash: Option<String>,
    reply: oneshot::Sender<bool>,
}

/// A bounded pool verifying passwords off the async threads.
pub struct Hasher {
    jobs: SyncSender<Job>,
}

impl Hasher {
    pub fn new(workers: usize, queue: usize) -> Self {
        let (jobs, rx) = sync_channel::<Job>(queue.max(1));
        let rx = Arc::new(Mutex::new(rx));
        for n in 0..workers.max(1) {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("sign-in-hash-{n}"))
                .spawn(move || work(&rx));
            if let Err(e) = spawned {
                tracing::error!(error = %e, "cannot start a sign-in hashing thread");
            }
        }
        Self { jobs }
    }

    /// Whether `password` matches `hash`; [`Busy`] when the queue is full.
    pub async fn verify(&self, password: &str, hash: Option<String>) -> Result<bool, Busy> {
        let (reply, answer) = oneshot::channel();
        let job = Job {
            password: password.to_string(),
            hash,
            reply,
        };
        match self.jobs.try_send(job) {
            Ok(()) => answer.await.map_err(|_| Busy),
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => Err(Busy),
        }
    }
}

/// A hashing thread: ends when the [`Hasher`] is dropped.
fn work(rx: &Mutex<Receiver<Job>>) {
    // argon2's working memory, allocated once per thread.
    let mut memory = Vec::new();
    loop {
        let job = {
            let rx = rx.lock().unwrap_or_else(|e| e.into_inner());
            match rx.recv() {
                Ok(job) => job,
                Err(_) => return,
            }
        };
        if job.reply.is_closed() {
            // The client went away while queued: nothing to answer.
            continue;
        }
        let hash = job.hash.unwrap_or_else(dummy_hash);
        let _ = job
            .reply
            .send(verify_password_reusing(&job.password, &hash, &mut memory));
    }
}

/// Limits of [`Limiter`].
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Failures of one account from one address before that pair is locked.
    pub pair_max_failures: u32,
    /// How long failures count.
    pub window: Duration,
    /// Failures of one address (any names) before each try must wait.
    pub address_free_failures: u32,
    /// Longest wait between tries of one address.
    pub address_max_delay: Duration,
}

#[derive(Debug, Clone, Copy)]
struct Record {
    failures: u32,
    first: Instant,
    last: Instant,
}

impl Record {
    fn current(&self, now: Instant, window: Duration) -> bool {
        now.saturating_duration_since(self.first) < window
    }
}

/// Failed sign-ins per address and per (account, address).
#[derive(Debug, Default)]
pub struct Limiter {
    tables: Mutex<Tables>,
}

#[derive(Debug, Default)]
struct Tables {
    addresses: HashMap<IpAddr, Record>,
    pairs: HashMap<(String, IpAddr), Record>,
}

/// Why a sign-in is refused before any hashing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The address failed too often: wait.
    Address(Duration),
    /// This account failed too often from this address.
    Account(Duration),
}

impl Refused {
    pub fn retry_after(self) -> Duration {
        match self {
            Refused::Address(d) | Refused::Account(d) => d,
        }
    }
}

impl Limiter {
    /// `Err` when a sign-in of `account` from `ip` must not be tried now.
    pub fn check(
        &self,
        account: &str,
        ip: IpAddr,
        p: &Policy,
        now: Instant,
    ) -> Result<(), Refused> {
        let ip = bucket(ip);
        let t = self.tables.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(r) = t.addresses.get(&ip).filter(|r| r.current(now, p.window))
            && r.failures >= p.address_free_failures
        {
            let delay = address_delay(r.failures - p.address_free_failures, p);
            let until = r.last + delay;
            if now < until {
                return Err(Refused::Address(until - now));
            }
        }
        if let Some(r) = t
            .pairs
            .get(&(account.to_ascii_lowercase(), ip))
            .filter(|r| r.current(now, p.window))
            && r.failures >= p.pair_max_failures
        {
            return Err(Refused::Account(
                (r.first + p.window).saturating_duration_since(now),
            ));
        }
        Ok(())
    }

    pub fn failed(&self, account: &str, ip: IpAddr, p: &Policy, now: Instant) {
        let ip = bucket(ip);
        let mut t = self.tables.lock().unwrap_or_else(|e| e.into_inner());
        record(&mut t.addresses, ip, p.window, now);
        record(
            &mut t.pairs,
            (account.to_ascii_lowercase(), ip),
            p.window,
            now,
        );
    }

    /// The owner signed in from `ip`: that pair starts afresh. The address
    /// keeps its count (a valid account must not whitewash a spray).
    pub fn succeeded(&self, account: &str, ip: IpAddr) {
        let mut t = self.tables.lock().unwrap_or_else(|e| e.into_inner());
        t.pairs.remove(&(account.to_ascii_lowercase(), bucket(ip)));
    }

    /// Entries kept (addresses, pairs).
    #[cfg(test)]
    pub fn len(&self) -> (usize, usize) {
        let t = self.tables.lock().unwrap_or_else(|e| e.into_inner());
        (t.addresses.len(), t.pairs.len())
    }
}

/// Count a failure under `key`, keeping the table bounded.
fn record<K: Eq + Hash + Clone>(
    table: &mut HashMap<K, Record>,
    key: K,
    window: Duration,
    now: Instant,
) {
    if !table.contains_key(&key) && table.len() >= MAX_ENTRIES {
        table.retain(|_, r| r.current(now, window));
        if table.len() >= MAX_ENTRIES
            && let Some(oldest) = table
                .iter()
                .min_by_key(|(_, r)| r.last)
                .map(|(k, _)| k.clone())
        {
            table.remove(&oldest);
        }
    }
    let r = table.entry(key).or_insert(Record {
        failures: 0,
        first: now,
        last: now,
    });
    if !r.current(now, window) {
        *r = Record {
            failures: 0,
            first: now,
            last: now,
        };
    }
    r.failures = r.failures.saturating_add(1);
    r.last = now;
}

/// The wait of an address `over` failures past its free ones: one second,
/// doubled each time, at most the policy's maximum.
pub(super) fn address_delay(over: u32, p: &Policy) -> Duration {
    FIRST_DELAY
        .saturating_mul(1u32 << over.min(20))
        .min(p.address_max_delay)
}

/// The limiter's key of an address: IPv4 as is (IPv4-mapped IPv6 too), IPv6
/// by its /64 (one subscriber's whole prefix).
pub(super) fn bucket(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

/// The client's address: the peer's, or — only when the peer is a trusted
/// proxy — the nearest untrusted hop of `X-Forwarded-For`.
pub fn client_ip(peer: Option<SocketAddr>, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    let peer = peer
        .map(|p| bucket(p.ip()))
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let is_trusted = |ip: IpAddr| trusted.iter().any(|t| bucket(*t) == ip || *t == ip);
    if !is_trusted(peer) {
        return peer;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    for hop in hops.iter().rev() {
        match hop.parse::<IpAddr>() {
            Ok(ip) if is_trusted(ip) => continue,
            Ok(ip) => return ip,
            // A garbled hop: the proxy's own address is the safe answer.
            Err(_) => return peer,
        }
    }
    peer
}

/// Logs a kind of refusal at most once per `every`, with how many were
/// not logged (a spray must not flood the log).
#[derive(Debug, Default)]
pub struct Throttle {
    last: Mutex<Option<Instant>>,
    suppressed: AtomicU64,
}

impl Throttle {
    /// `Some(suppressed since the last log)` when this one should be logged.
    pub fn log_now(&self, every: Duration) -> Option<u64> {
        let now = Instant::now();
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        match *last {
            Some(t) if now.saturating_duration_since(t) < every => {
                self.suppressed.fetch_add(1, Ordering::Relaxed);
                None
            }
            _ => {
                *last = Some(now);
                Some(self.suppressed.swap(0, Ordering::Relaxed))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> Policy {
        Policy {
            pair_max_failures: 3,
            window: Duration::from_secs(60),
            address_free_failures: 5,
            address_max_delay: Duration::from_secs(8),
        }
    }

    #[test]
    fn an_attackers_failures_lock_only_the_attackers_address() {
        let (l, p, now) = (Limiter::default(), policy(), Instant::now());
        let (attacker, owner): (IpAddr, IpAddr) =
            ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        for _ in 0..3 {
            assert!(l.check("Ana", attacker, &p, now).is_ok());
            l.failed("ana", attacker, &p, now);
        }
        assert!(matches!(
            l.check("ANA", attacker, &p, now),
            Err(Refused::Account(_))
        ));
        assert!(
            l.check("ana", owner, &p, now).is_ok(),
            "the owner's address is free"
        );
        assert!(l.check("bob", attacker, &p, now).is_ok(), "per account");
        l.succeeded("ana", attacker);
        assert!(l.check("ana", attacker, &p, now).is_ok());
        assert!(
            l.check("ana", attacker, &p, now + Duration::from_secs(61))
                .is_ok(),
            "outside the window"
        );
    }

    #[test]
    fn an_address_spraying_names_waits_longer_each_time() {
        let (l, p, t0) = (Limiter::default(), policy(), Instant::now());
        let ip: IpAddr = "10.0.0.9".parse().unwrap();
        for n in 0..5 {
            assert!(l.check(&format!("u{n}"), ip, &p, t0).is_ok());
            l.failed(&format!("u{n}"), ip, &p, t0);
        }
        assert_eq!(
            l.check("u9", ip, &p, t0),
            Err(Refused::Address(Duration::from_secs(1)))
        );
        let t1 = t0 + Duration::from_secs(1);
        assert!(l.check("u9", ip, &p, t1).is_ok());
        l.failed("u9", ip, &p, t1);
        assert_eq!(
            l.check("u10", ip, &p, t1),
            Err(Refused::Address(Duration::from_secs(2)))
        );
        for _ in 0..10 {
            l.failed("u11", ip, &p, t1);
        }
        assert_eq!(
            l.check("u12", ip, &p, t1).map_err(Refused::retry_after),
            Err(Duration::from_secs(8)),
            "capped"
        );
        let other: IpAddr = "10.0.0.10".parse().unwrap();
        assert!(l.check("u9", other, &p, t1).is_ok());
    }

    #[test]
    fn limiter_memory_is_bounded() {
        let (l, p, now) = (Limiter::default(), policy(), Instant::now());
        for n in 0..(MAX_ENTRIES as u32 + 50) {
            let ip = IpAddr::V4(Ipv4Addr::from(0x0a00_0000 + n));
            l.failed(
                &format!("name{n}"),
                ip,
                &p,
                now + Duration::from_micros(n.into()),
            );
        }
        let (addresses, pairs) = l.len();
        assert!(addresses <= MAX_ENTRIES && pairs <= MAX_ENTRIES);
    }

    #[test]
    fn forwarded_for_counts_only_from_trusted_proxies() {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", "203.0.113.7, 10.0.0.5".parse().unwrap());
        let proxy: SocketAddr = "10.0.0.5:443".parse().unwrap();
        let stranger: SocketAddr = "198.51.100.1:5000".parse().unwrap();
        let trusted: Vec<IpAddr> = vec!["10.0.0.5".parse().unwrap()];
        assert_eq!(client_ip(Some(stranger), &h, &trusted), stranger.ip());
        assert_eq!(
            client_ip(Some(proxy), &h, &trusted),
            "203.0.113.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            client_ip(Some(proxy), &h, &[]),
            proxy.ip(),
            "no trusted proxies"
        );
        let v6: SocketAddr = "[2001:db8:1:2:3:4:5:6]:1".parse().unwrap();
        assert_eq!(
            client_ip(Some(v6), &HeaderMap::new(), &[]),
            "2001:db8:1:2::".parse::<IpAddr>().unwrap(),
            "IPv6 by /64"
        );
    }

    #[tokio::test]
    async fn a_full_hashing_queue_is_busy_not_more_memory() {
        let hasher = Hasher::new(1, 1);
        let hash = super::super::users::hash_password("long-enough").expect("hash");
        let many: Vec<_> = (0..8)
            .map(|_| hasher.verify("wrong", Some(hash.clone())))
            .collect();
        let results = futures::future::join_all(many).await;
        assert!(results.contains(&Err(Busy)), "{results:?}");
        assert!(results.contains(&Ok(false)), "{results:?}");
        assert_eq!(hasher.verify("long-enough", Some(hash)).await, Ok(true));
        assert_eq!(hasher.verify("x", None).await, Ok(false), "dummy hash");
    }
}
