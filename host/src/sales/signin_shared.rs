//! Sign-in limits every host of a deployment agrees on: on PostgreSQL the
//! failure counts of [`super::signin::Limiter`] (per address, per account
//! and address) live in the `signin_failures` table, so an attacker's
//! failures on host A count on host B — two hosts behind one Service no
//! longer double the attempts. The embedded default (SQLite, one host)
//! keeps the in-memory limiter.
//!
//! Times are the database's clock, so hosts whose clocks disagree still
//! agree on windows and delays. When the database cannot answer, a host
//! limits alone with its in-memory copy (every failure is recorded there
//! too) and says so once; sign-ins need the database anyway.

use std::net::IpAddr;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use sqlx::Row;

use super::signin::{self, Limiter, Policy, Refused};
use crate::db::{Backend, Db};

/// The database's clock in milliseconds since the epoch.
const NOW_MS: &str = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";

/// Expired rows are deleted at most this often (per host).
const PRUNE_EVERY: Duration = Duration::from_secs(60);

/// Where sign-in failures are counted.
pub enum SigninLimits {
    /// This process only (SQLite: one host).
    Local(Limiter),
    /// PostgreSQL, shared by every host; `local` answers when it cannot.
    Shared(Shared),
}

pub struct Shared {
    db: Db,
    local: Limiter,
    /// The database did not answer last time (logged once per outage).
    down: AtomicBool,
    pruned: Mutex<Option<Instant>>,
}

/// One counter as stored.
#[derive(Debug, Clone, Copy)]
struct Count {
    failures: i64,
    first_ms: i64,
    last_ms: i64,
}

impl SigninLimits {
    /// Shared on PostgreSQL, in memory otherwise.
    pub fn for_db(db: &Db) -> Self {
        match db.backend {
            Backend::Postgres => SigninLimits::Shared(Shared {
                db: db.clone(),
                local: Limiter::default(),
                down: AtomicBool::new(false),
                pruned: Mutex::new(None),
            }),
            Backend::Sqlite => SigninLimits::Local(Limiter::default()),
        }
    }

    /// `Err` when a sign-in of `account` from `ip` must not be tried now.
    pub async fn check(&self, account: &str, ip: IpAddr, p: &Policy) -> Result<(), Refused> {
        match self {
            SigninLimits::Local(l) => l.check(account, ip, p, Instant::now()),
            SigninLimits::Shared(s) => match s.check(account, ip, p).await {
                Ok(verdict) => {
                    s.answered();
                    verdict
                }
                Err(e) => {
                    s.unanswered(&e);
                    s.local.check(account, ip, p, Instant::now())
                }
            },
        }
    }

    pub async fn failed(&self, account: &str, ip: IpAddr, p: &Policy) {
        match self {
            SigninLimits::Local(l) => l.failed(account, ip, p, Instant::now()),
            SigninLimits::Shared(s) => {
                s.local.failed(account, ip, p, Instant::now());
                match s.failed(account, ip, p).await {
                    Ok(()) => s.answered(),
                    Err(e) => s.unanswered(&e),
                }
            }
        }
    }

    /// The owner signed in from `ip`: that pair starts afresh everywhere.
    pub async fn succeeded(&self, account: &str, ip: IpAddr) {
        match self {
            SigninLimits::Local(l) => l.succeeded(account, ip),
            SigninLimits::Shared(s) => {
                s.local.succeeded(account, ip);
                let deleted =
                    s.db.writer
                        .execute(
                            sqlx::query("DELETE FROM signin_failures WHERE key = $1")
                                .bind(pair_key(account, ip)),
                        )
                        .await;
                match deleted {
                    Ok(_) => s.answered(),
                    Err(e) => s.unanswered(&e),
                }
            }
        }
    }
}

fn address_key(ip: IpAddr) -> String {
    format!("a:{}", signin::bucket(ip))
}

fn pair_key(account: &str, ip: IpAddr) -> String {
    format!("p:{}|{}", account.to_ascii_lowercase(), signin::bucket(ip))
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX / 4)
}

impl Shared {
    async fn check(
        &self,
        account: &str,
        ip: IpAddr,
        p: &Policy,
    ) -> Result<Result<(), Refused>, sqlx::Error> {
        let (address, pair) = (address_key(ip), pair_key(account, ip));
        let rows = sqlx::query(&format!(
            "SELECT key, failures, first_ms, last_ms, {NOW_MS} AS now_ms FROM signin_failures WHERE key = $1 OR key = $2"
        ))
        .bind(&address)
        .bind(&pair)
        .fetch_all(&self.db.pool)
        .await?;
        let (mut a, mut b, mut now_ms) = (None, None, 0);
        for r in &rows {
            let count = Count {
                failures: r.try_get("failures")?,
                first_ms: r.try_get("first_ms")?,
                last_ms: r.try_get("last_ms")?,
            };
            now_ms = r.try_get("now_ms")?;
            if r.try_get::<String, _>("key")? == address {
                a = Some(count);
            } else {
                b = Some(count);
            }
        }
        Ok(decide(a, b, now_ms, p))
    }

    async fn failed(&self, account: &str, ip: IpAddr, p: &Policy) -> Result<(), sqlx::Error> {
        // A counter whose window is over starts again at one.
        let upsert = format!(
            "WITH now AS (SELECT {NOW_MS} AS ms)
INSERT INTO signin_failures AS f (key, failures, first_ms, last_ms)
SELECT $1, 1, now.ms, now.ms FROM now
ON CONFLICT (key) DO UPDATE SET
  failures = CASE WHEN f.first_ms + $2 <= EXCLUDED.last_ms THEN 1 ELSE f.failures + 1 END,
  first_ms = CASE WHEN f.first_ms + $2 <= EXCLUDED.last_ms THEN EXCLUDED.first_ms ELSE f.first_ms END,
  last_ms = EXCLUDED.last_ms"
        );
        let window = millis(p.window);
        let mut tx = self.db.pool.begin().await?;
        for key in [address_key(ip), pair_key(account, ip)] {
            sqlx::query(&upsert)
                .bind(key)
                .bind(window)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        self.prune(window).await
    }

    /// Delete counters whose window is over (bounded table), at most once
    /// per [`PRUNE_EVERY`] on this host.
    async fn prune(&self, window_ms: i64) -> Result<(), sqlx::Error> {
        {
            let mut last = self.pruned.lock().unwrap_or_else(|e| e.into_inner());
            if last.is_some_and(|t| t.elapsed() < PRUNE_EVERY) {
                return Ok(());
            }
            *last = Some(Instant::now());
        }
        sqlx::query(&format!(
            "DELETE FROM signin_failures WHERE first_ms < {NOW_MS} - $1"
        ))
        .bind(window_ms)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        Ok(())
    }

    fn answered(&self) {
        if self.down.swap(false, Ordering::SeqCst) {
            tracing::info!("sign-in limits shared through the database again");
        }
    }

    fn unanswered(&self, e: &sqlx::Error) {
        if !self.down.swap(true, Ordering::SeqCst) {
            tracing::error!(error = %e, "the database does not answer: sign-in limits are this host's alone until it does");
        }
    }
}

/// The in-memory limiter's rules on stored counters (`now_ms` in the same
/// clock): an address past its free failures waits, doubling from one
/// second up to the policy's maximum; an (account, address) pair past its
/// failures is locked until its window ends.
fn decide(
    address: Option<Count>,
    pair: Option<Count>,
    now_ms: i64,
    p: &Policy,
) -> Result<(), Refused> {
    let window = millis(p.window);
    let current = |c: &Count| now_ms - c.first_ms < window;
    let at_ms = |ms: i64| Duration::from_millis(u64::try_from(ms.max(1)).unwrap_or(1));
    if let Some(c) = address.filter(current)
        && c.failures >= i64::from(p.address_free_failures)
    {
        let over = u32::try_from(c.failures - i64::from(p.address_free_failures)).unwrap_or(20);
        let delay = signin::address_delay(over, p);
        let until = c.last_ms + millis(delay);
        if now_ms < until {
            return Err(Refused::Address(at_ms(until - now_ms)));
        }
    }
    if let Some(c) = pair.filter(current)
        && c.failures >= i64::from(p.pair_max_failures)
    {
        return Err(Refused::Account(at_ms(c.first_ms + window - now_ms)));
    }
    Ok(())
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

    fn count(failures: i64, first_ms: i64, last_ms: i64) -> Option<Count> {
        Some(Count {
            failures,
            first_ms,
            last_ms,
        })
    }

    #[test]
    fn stored_counters_follow_the_in_memory_rules() {
        let p = policy();
        assert_eq!(decide(None, None, 1_000, &p), Ok(()));
        // Five free failures, then a second's wait after the last one.
        assert_eq!(decide(count(4, 0, 500), None, 1_000, &p), Ok(()));
        assert_eq!(
            decide(count(5, 0, 500), None, 1_000, &p),
            Err(Refused::Address(Duration::from_millis(500)))
        );
        assert_eq!(decide(count(5, 0, 500), None, 1_500, &p), Ok(()));
        // Doubling, capped.
        assert_eq!(
            decide(count(30, 0, 1_000), None, 1_000, &p),
            Err(Refused::Address(Duration::from_secs(8)))
        );
        // The pair's lock lasts until its window ends.
        assert_eq!(
            decide(None, count(3, 0, 100), 10_000, &p),
            Err(Refused::Account(Duration::from_secs(50)))
        );
        // Outside the window nothing counts.
        assert_eq!(
            decide(count(30, 0, 1_000), count(9, 0, 1_000), 60_000, &p),
            Ok(())
        );
    }
}
