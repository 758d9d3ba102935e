//! Recorded turns in the database (`turn_records`) and the conversations
//! kept as regression cases (`regression_cases`).
//!
//! A turn is stored masked ([`record::mask_phones`]) under its message's
//! key, so a retried turn replaces its record. Each conversation keeps its
//! newest `max_turns_per_conversation` turns; turns older than
//! `retention_days` are deleted (at most every ten minutes per host),
//! except in conversations marked as regression cases.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use serde::Serialize;
use sqlx::Row as _;

use super::RecordConfig;
use crate::db::Db;
use crate::plugins::record::{self, Exchange, RecordedTurn, TurnSink};

/// How often a host deletes expired turns, in microseconds.
const EXPIRY_EVERY_US: i64 = 10 * 60 * 1_000_000;

#[derive(Debug, thiserror::Error)]
pub enum RecordsError {
    #[error("turn records: {0}")]
    Db(#[from] sqlx::Error),
    #[error("turn record {id} cannot be read: {reason}")]
    Damaged { id: String, reason: String },
}

/// The recorded turns of every conversation.
#[derive(Debug)]
pub struct TurnRecords {
    db: Db,
    config: RecordConfig,
    /// When this host last deleted expired turns.
    expired_at: AtomicI64,
}

/// A conversation kept as a regression case.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RegressionCase {
    pub conversation_id: String,
    pub marked_by: String,
    pub note: String,
    pub created_at: i64,
}

impl TurnRecords {
    pub fn new(db: Db, config: RecordConfig) -> Self {
        Self {
            db,
            config,
            expired_at: AtomicI64::new(0),
        }
    }

    /// Store one turn (masked), replacing an earlier record of it, then
    /// apply the conversation's cap.
    pub async fn insert(&self, turn: &RecordedTurn) -> Result<(), RecordsError> {
        let mut body = serde_json::to_value(turn).map_err(|e| RecordsError::Damaged {
            id: turn.exchange.key(),
            reason: e.to_string(),
        })?;
        // What the customer and the imports said; not the plugin's digest
        // (hex with digit runs a phone-number mask would spoil).
        for part in ["exchange", "calls"] {
            if let Some(v) = body.get_mut(part) {
                record::mask_phones(v);
            }
        }
        let body = body.to_string();
        let kind = match turn.exchange {
            Exchange::Seller { .. } => "seller",
            Exchange::Router { .. } => "router",
        };
        let conversation = turn.exchange.conversation_id();
        sqlx::query(
            "INSERT INTO turn_records (id, conversation_id, recorded_at, kind, plugin, version, bytes, body) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (id) DO UPDATE SET recorded_at = excluded.recorded_at, plugin = excluded.plugin, \
             version = excluded.version, bytes = excluded.bytes, body = excluded.body",
        )
        .bind(turn.exchange.key())
        .bind(conversation)
        .bind(turn.at)
        .bind(kind)
        .bind(&turn.plugin.name)
        .bind(&turn.plugin.version)
        .bind(body.len() as i64)
        .bind(&body)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        // Keep the newest N: delete what is older than the N-th newest.
        let keep = i64::from(self.config.max_turns_per_conversation.max(1));
        sqlx::query(
            "DELETE FROM turn_records WHERE conversation_id = $1 AND recorded_at < \
             (SELECT recorded_at FROM turn_records WHERE conversation_id = $1 \
              ORDER BY recorded_at DESC LIMIT 1 OFFSET $2)",
        )
        .bind(conversation)
        .bind(keep - 1)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        self.expire(turn.at).await
    }

    /// Delete turns past the retention, at most every ten minutes.
    async fn expire(&self, now: i64) -> Result<(), RecordsError> {
        let last = self.expired_at.load(Ordering::Relaxed);
        if now - last < EXPIRY_EVERY_US
            || self
                .expired_at
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_err()
        {
            return Ok(());
        }
        let cutoff = now - i64::from(self.config.retention_days) * 86_400 * 1_000_000;
        self.delete_before(cutoff).await
    }

    /// Delete turns recorded before `cutoff` (unix µs), except in
    /// regression cases.
    pub async fn delete_before(&self, cutoff: i64) -> Result<(), RecordsError> {
        let done = sqlx::query(
            "DELETE FROM turn_records WHERE recorded_at < $1 AND conversation_id NOT IN \
             (SELECT conversation_id FROM regression_cases)",
        )
        .bind(cutoff)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        if done.rows_affected() > 0 {
            tracing::info!(
                deleted = done.rows_affected(),
                "expired turn records deleted"
            );
        }
        Ok(())
    }

    /// A conversation's recorded turns, oldest first.
    pub async fn turns(&self, conversation_id: &str) -> Result<Vec<RecordedTurn>, RecordsError> {
        let rows = sqlx::query(
            "SELECT id, body FROM turn_records WHERE conversation_id = $1 ORDER BY recorded_at, id",
        )
        .bind(conversation_id)
        .fetch_all(&self.db.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let id: String = row.try_get("id")?;
                let body: String = row.try_get("body")?;
                serde_json::from_str(&body).map_err(|e| RecordsError::Damaged {
                    id,
                    reason: e.to_string(),
                })
            })
            .collect()
    }

    /// Keep `conversation_id` as a regression case (again: the note is
    /// updated).
    pub async fn mark(
        &self,
        conversation_id: &str,
        marked_by: &str,
        note: &str,
    ) -> Result<(), RecordsError> {
        sqlx::query(
            "INSERT INTO regression_cases (conversation_id, marked_by, note, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (conversation_id) DO UPDATE SET \
             marked_by = excluded.marked_by, note = excluded.note",
        )
        .bind(conversation_id)
        .bind(marked_by)
        .bind(note.chars().take(500).collect::<String>())
        .bind(chrono::Utc::now().timestamp())
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        Ok(())
    }

    pub async fn unmark(&self, conversation_id: &str) -> Result<(), RecordsError> {
        sqlx::query("DELETE FROM regression_cases WHERE conversation_id = $1")
            .bind(conversation_id)
            .execute(&mut *self.db.writer.acquire().await?)
            .await?;
        Ok(())
    }

    /// The regression case of a conversation, if marked.
    pub async fn case(
        &self,
        conversation_id: &str,
    ) -> Result<Option<RegressionCase>, RecordsError> {
        Ok(self
            .cases()
            .await?
            .into_iter()
            .find(|c| c.conversation_id == conversation_id))
    }

    /// Every regression case, newest first.
    pub async fn cases(&self) -> Result<Vec<RegressionCase>, RecordsError> {
        let rows = sqlx::query(
            "SELECT conversation_id, marked_by, note, created_at FROM regression_cases \
             ORDER BY created_at DESC, conversation_id",
        )
        .fetch_all(&self.db.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(RegressionCase {
                    conversation_id: r.try_get("conversation_id")?,
                    marked_by: r.try_get("marked_by")?,
                    note: r.try_get("note")?,
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }
}

#[async_trait::async_trait]
impl TurnSink for TurnRecords {
    fn max_turn_bytes(&self) -> usize {
        (self.config.max_turn_kib.max(1) as usize) << 10
    }

    async fn keep(&self, turn: RecordedTurn) {
        if let Err(e) = self.insert(&turn).await {
            tracing::warn!(turn = %turn.exchange.key(), error = %e, "turn not recorded");
        }
    }
}

/// Recorded turns written off the customer's turn: [`TurnSink::keep`]
/// puts the turn on a bounded queue and returns; one background task per
/// host writes them in order. A full queue (the database slower than the
/// turns) drops the turn with a count and a `warn` line, never a wait.
pub struct RecordWriter {
    queue: tokio::sync::mpsc::Sender<RecordedTurn>,
    max_turn_bytes: usize,
    /// Turns handed over and not yet written.
    pending: Arc<AtomicUsize>,
    dropped: AtomicU64,
}

impl RecordWriter {
    /// Start the writer task over `records` (it ends when the writer is
    /// dropped, after writing what it holds).
    pub fn start(records: TurnRecords, capacity: usize) -> Arc<Self> {
        let (queue, mut turns) = tokio::sync::mpsc::channel::<RecordedTurn>(capacity.max(1));
        let pending = Arc::new(AtomicUsize::new(0));
        let max_turn_bytes = records.max_turn_bytes();
        let left = pending.clone();
        tokio::spawn(async move {
            while let Some(turn) = turns.recv().await {
                records.keep(turn).await;
                left.fetch_sub(1, Ordering::SeqCst);
            }
        });
        Arc::new(Self {
            queue,
            max_turn_bytes,
            pending,
            dropped: AtomicU64::new(0),
        })
    }

    /// Turns dropped because the queue was full, since start.
    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }
}

#[async_trait::async_trait]
impl TurnSink for RecordWriter {
    fn max_turn_bytes(&self) -> usize {
        self.max_turn_bytes
    }

    async fn keep(&self, turn: RecordedTurn) {
        self.pending.fetch_add(1, Ordering::SeqCst);
        if let Err(e) = self.queue.try_send(turn) {
            self.pending.fetch_sub(1, Ordering::SeqCst);
            let full = matches!(e, tokio::sync::mpsc::error::TrySendError::Full(_));
            let n = self.dropped.fetch_add(1, Ordering::Relaxed) + 1;
            if n.is_power_of_two() {
                tracing::warn!(
                    dropped = n,
                    full,
                    "turn not recorded: the recording queue is full (record.write_queue)"
                );
            }
        }
    }

    async fn flush(&self) {
        while self.pending.load(Ordering::SeqCst) > 0 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::replay::sample_turn;

    async fn records(dir: &std::path::Path, keep: u32) -> TurnRecords {
        let db = Db::connect("", dir).await.expect("db");
        let config = RecordConfig {
            max_turns_per_conversation: keep,
            ..RecordConfig::default()
        };
        TurnRecords::new(db, config)
    }

    #[tokio::test]
    async fn the_plugin_digest_is_not_taken_for_a_phone_number() {
        let dir = tempfile::tempdir().expect("tempdir");
        let r = records(dir.path(), 10).await;
        let mut turn = sample_turn("c1", "m1", 1);
        turn.plugin.digest = format!("da97fdfa66ee482f7d9bf46221685cc2{}", "ab".repeat(16));
        r.insert(&turn).await.expect("insert");
        let kept = r.turns("c1").await.expect("turns");
        assert_eq!(kept[0].plugin.digest, turn.plugin.digest);
        let json = serde_json::to_string(&kept).expect("json");
        assert!(!json.contains("5511987654321"), "{json}");
    }

    #[tokio::test]
    async fn turns_are_masked_capped_replaced_and_expire_unless_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let r = records(dir.path(), 2).await;
        for (i, at) in [10, 20, 30].into_iter().enumerate() {
            r.insert(&sample_turn("c1", &format!("m{i}"), at))
                .await
                .expect("insert");
        }
        // A retried turn replaces its record.
        r.insert(&sample_turn("c1", "m2", 40))
            .await
            .expect("insert");
        let turns = r.turns("c1").await.expect("turns");
        let ats: Vec<i64> = turns.iter().map(|t| t.at).collect();
        assert_eq!(ats, [20, 40], "the newest two, the retried one once");
        let json = serde_json::to_string(&turns).expect("json");
        assert!(!json.contains("5511987654321"), "{json}");
        assert!(json.contains("55xxxxxxxxx21"), "{json}");
        assert!(json.contains("+55 xx xxxxx-xx21"), "{json}");

        r.insert(&sample_turn("c2", "n0", 15))
            .await
            .expect("insert");
        r.mark("c1", "ana", "lost the sale").await.expect("mark");
        r.delete_before(100).await.expect("expire");
        assert_eq!(
            r.turns("c1").await.expect("turns").len(),
            2,
            "a regression case is kept"
        );
        assert!(r.turns("c2").await.expect("turns").is_empty(), "expired");
        let cases = r.cases().await.expect("cases");
        assert_eq!(cases.len(), 1);
        assert_eq!(cases[0].note, "lost the sale");
        r.unmark("c1").await.expect("unmark");
        assert!(r.case("c1").await.expect("case").is_none());
    }
}
