//! Pacing shared by every host of a deployment: the same limits as
//! [`super::pacing::Pacer`] (a GCRA token bucket per business number, a
//! minimum gap per customer), with the buckets in PostgreSQL's
//! `pace_slots` table so that all hosts together — not each host — keep
//! Meta's pace.
//!
//! One upsert per limit reserves a slot atomically (the row lock orders
//! concurrent hosts). Times are the database's clock
//! (`clock_timestamp()`), never a host's, so hosts whose clocks disagree by
//! minutes still share one bucket; a host only turns the answer into a
//! delay ("send in 37 ms"). When the database cannot answer, the caller
//! falls back to its own in-process pacer (and says so once).

use std::time::Duration;

use sqlx::Row;

use super::pacing::PaceLimits;
use crate::db::Db;

/// The shared pacer (PostgreSQL only).
#[derive(Debug, Clone)]
pub struct SharedPacer {
    db: Db,
    limits: PaceLimits,
}

/// Reserve the slot of `key`: `max(stored, earliest, now)`; store it plus
/// `step`. Returns the slot and the database's now, in microseconds.
const TAKE: &str =
    "WITH now AS (SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT) AS us)
INSERT INTO pace_slots AS p (key, next_us)
SELECT $1, GREATEST($2, now.us) + $3 FROM now
ON CONFLICT (key) DO UPDATE SET next_us = GREATEST(p.next_us, EXCLUDED.next_us - $3) + $3
RETURNING p.next_us - $3 AS slot, (SELECT us FROM now) AS now_us";

/// Rows whose slot is this far in the past are pruned.
const PRUNE_AFTER_US: i64 = 60_000_000;

impl SharedPacer {
    pub fn new(db: Db, limits: PaceLimits) -> Self {
        Self { db, limits }
    }

    pub fn limits(&self) -> PaceLimits {
        self.limits
    }

    async fn take(&self, key: &str, earliest: i64, step: i64) -> Result<(i64, i64), sqlx::Error> {
        let row = sqlx::query(TAKE)
            .bind(key)
            .bind(earliest)
            .bind(step)
            .fetch_one(&self.db.pool)
            .await?;
        Ok((row.try_get("slot")?, row.try_get("now_us")?))
    }

    /// How long to wait before sending from `number` to `recipient` (the
    /// slot is reserved: the caller must send then, or waste it).
    pub async fn reserve(&self, number: &str, recipient: &str) -> Result<Duration, sqlx::Error> {
        let mut at = 0i64;
        let mut now = 0i64;
        if self.limits.per_second > 0.0 {
            let interval = (1_000_000.0 / self.limits.per_second).round().max(1.0) as i64;
            let tolerance = interval * i64::from(self.limits.burst.saturating_sub(1));
            let (tat, db_now) = self.take(&format!("n:{number}"), 0, interval).await?;
            now = db_now;
            at = (tat - tolerance).max(db_now);
        }
        if !self.limits.recipient_gap.is_zero() {
            let gap = i64::try_from(self.limits.recipient_gap.as_micros()).unwrap_or(i64::MAX / 4);
            let (slot, db_now) = self
                .take(&format!("r:{number}:{recipient}"), at, gap)
                .await?;
            at = slot;
            if now == 0 {
                now = db_now;
            }
        }
        Ok(Duration::from_micros(u64::try_from(at - now).unwrap_or(0)))
    }

    /// Forget slots long past (customers' gaps pile up otherwise).
    pub async fn prune(&self) -> Result<u64, sqlx::Error> {
        Ok(sqlx::query(
            "DELETE FROM pace_slots WHERE next_us < CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT) - $1",
        )
        .bind(PRUNE_AFTER_US)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?
        .rows_affected())
    }
}
