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
use crate::db::{Db, sql};
use crate::plugins::record::{self, Exchange, RecordedTurn, TurnSink};

/// Turns per multi-row statement: 8 parameters each, far under either
/// backend's bound; also the background writer's batch.
const ROWS_PER_STATEMENT: usize = 256;

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

/// One turn as stored.
struct Row {
    id: String,
    conversation_id: String,
    at: i64,
    kind: &'static str,
    plugin: String,
    version: String,
    body: String,
}

impl Row {
    /// The turn, masked: what the customer and the imports said, not the
    /// plugin's digest (hex with digit runs a phone-number mask would spoil).
    fn of(turn: &RecordedTurn) -> Result<Self, RecordsError> {
        let mut body = serde_json::to_value(turn).map_err(|e| RecordsError::Damaged {
            id: turn.exchange.key(),
            reason: e.to_string(),
        })?;
        for part in ["exchange", "calls"] {
            if let Some(v) = body.get_mut(part) {
                record::mask_phones(v);
            }
        }
        Ok(Self {
            id: turn.exchange.key(),
            conversation_id: turn.exchange.conversation_id().to_string(),
            at: turn.at,
            kind: match turn.exchange {
                Exchange::Seller { .. } => "seller",
                Exchange::Router { .. } => "router",
            },
            plugin: turn.plugin.name.clone(),
            version: turn.plugin.version.clone(),
            body: body.to_string(),
        })
    }
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
        self.insert_all(std::slice::from_ref(turn)).await
    }

    /// Store turns (masked) in one transaction, each replacing an earlier
    /// record of it, then apply their conversations' cap: two statements
    /// however many turns (the background writer's batches).
    pub async fn insert_all(&self, turns: &[RecordedTurn]) -> Result<(), RecordsError> {
        // The last record of each key (PostgreSQL updates a row once per
        // statement), in the order given.
        let mut rows: Vec<Row> = Vec::with_capacity(turns.len());
        for turn in turns {
            let row = Row::of(turn)?;
            match rows.iter_mut().find(|r| r.id == row.id) {
                Some(earlier) => *earlier = row,
                None => rows.push(row),
            }
        }
        let Some(latest) = turns.iter().map(|t| t.at).max() else {
            return Ok(());
        };
        let mut tx = self.db.begin_write().await?;
        for chunk in rows.chunks(ROWS_PER_STATEMENT) {
            let sql = format!(
                "INSERT INTO turn_records (id, conversation_id, recorded_at, kind, plugin, version, bytes, body) \
                 VALUES {} \
                 ON CONFLICT (id) DO UPDATE SET recorded_at = excluded.recorded_at, plugin = excluded.plugin, \
                 version = excluded.version, bytes = excluded.bytes, body = excluded.body",
                sql::values(chunk.len(), 8, |p| format!("({})", p.join(", ")))
            );
            let mut query = sqlx::query(&sql);
            for r in chunk {
                query = query
                    .bind(&r.id)
                    .bind(&r.conversation_id)
                    .bind(r.at)
                    .bind(r.kind)
                    .bind(&r.plugin)
                    .bind(&r.version)
                    .bind(r.body.len() as i64)
                    .bind(&r.body);
            }
            query.execute(&mut *tx).await?;
        }
        // Keep each conversation's newest N.
        let mut conversations: Vec<&str> =
            rows.iter().map(|r| r.conversation_id.as_str()).collect();
        conversations.sort_unstable();
        conversations.dedup();
        let keep = i64::from(self.config.max_turns_per_conversation.max(1));
        for chunk in conversations.chunks(ROWS_PER_STATEMENT) {
            let sql = format!(
                "DELETE FROM turn_records WHERE id IN (SELECT id FROM \
                 (SELECT id, ROW_NUMBER() OVER (PARTITION BY conversation_id ORDER BY recorded_at DESC, id DESC) AS n \
                  FROM turn_records WHERE conversation_id IN ({})) AS ranked WHERE n > $1)",
                sql::placeholders(2, chunk.len())
            );
            let mut query = sqlx::query(&sql).bind(keep);
            for c in chunk {
                query = query.bind(*c);
            }
            query.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        self.expire(latest).await
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

impl TurnRecords {
    /// Store a batch; when it fails, each turn alone (one damaged turn
    /// loses only itself).
    async fn keep_all(&self, turns: &[RecordedTurn]) {
        if turns.len() > 1 {
            match self.insert_all(turns).await {
                Ok(()) => return,
                Err(e) => {
                    tracing::warn!(turns = turns.len(), error = %e, "a batch of turn records failed: writing each alone")
                }
            }
        }
        for turn in turns {
            self.keep(turn.clone()).await;
        }
    }
}

/// Recorded turns written off the customer's turn: [`TurnSink::keep`]
/// puts the turn on a bounded queue and returns; one background task per
/// host writes them in order, what queued meanwhile in one transaction. A full queue (the database slower than the
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
            // What queued while a batch was written goes in the next one.
            let mut batch = Vec::with_capacity(ROWS_PER_STATEMENT);
            while turns.recv_many(&mut batch, ROWS_PER_STATEMENT).await > 0 {
                records.keep_all(&batch).await;
                left.fetch_sub(batch.len(), Ordering::SeqCst);
                batch.clear();
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

    /// The background writer's batch: one transaction for turns of several
    /// conversations, a key given twice stored once (its last record), each
    /// conversation capped to its newest N; and every turn queued at once
    /// through the writer is written.
    #[tokio::test]
    async fn a_batch_is_replaced_capped_and_written_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let r = records(dir.path(), 2).await;
        let batch = [
            sample_turn("c1", "m0", 10),
            sample_turn("c2", "n0", 11),
            sample_turn("c1", "m1", 20),
            sample_turn("c1", "m0", 30),
            sample_turn("c1", "m2", 25),
            sample_turn("c2", "n1", 12),
        ];
        r.insert_all(&batch).await.expect("insert");
        let ats = |turns: Vec<RecordedTurn>| turns.iter().map(|t| t.at).collect::<Vec<_>>();
        assert_eq!(ats(r.turns("c1").await.expect("turns")), [25, 30]);
        assert_eq!(ats(r.turns("c2").await.expect("turns")), [11, 12]);
        let json = serde_json::to_string(&r.turns("c2").await.expect("turns")).expect("json");
        assert!(!json.contains("5511987654321"), "masked: {json}");

        let records = records(dir.path(), 100).await;
        let writer = RecordWriter::start(records, 1000);
        for i in 0..300 {
            writer
                .keep(sample_turn(
                    &format!("w{}", i % 7),
                    &format!("k{i}"),
                    100 + i,
                ))
                .await;
        }
        writer.flush().await;
        assert_eq!(writer.dropped(), 0);
        let mut written = 0;
        for c in 0..7 {
            written += r.turns(&format!("w{c}")).await.expect("turns").len();
        }
        assert_eq!(written, 300, "every queued turn written");
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
