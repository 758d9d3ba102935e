//! Per-conversation plugin state, and a seller turn's state writes held for
//! the turn's commit.
//!
//! A seller's `set_state` calls during a turn are staged in memory (reads in
//! the same turn see them) and written in the transaction that queues the
//! turn's replies, stores its effects and marks the inbound message handled:
//! a turn that fails, or a crash before the commit, leaves no state behind,
//! and a committed turn keeps every key it wrote.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use sqlx::Row;

use super::{
    ConversationError, Conversations, STATE_MAX_KEY_BYTES, STATE_MAX_KEYS, STATE_MAX_VALUE_BYTES,
};

/// One state key to write with a turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateWrite {
    pub conversation_id: String,
    pub key: String,
    pub value: String,
}

/// The state writes of one turn on one conversation, not yet stored.
#[derive(Debug, Clone)]
pub struct StagedState {
    conversation_id: String,
    writes: Arc<Mutex<BTreeMap<String, String>>>,
}

impl StagedState {
    fn held(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, String>> {
        self.writes.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A value this turn wrote.
    pub(super) fn get(&self, conversation_id: &str, key: &str) -> Option<String> {
        (conversation_id == self.conversation_id)
            .then(|| self.held().get(key).cloned())
            .flatten()
    }

    /// Everything the turn wrote (the last value of each key), to commit.
    pub fn writes(&self) -> Vec<StateWrite> {
        self.held()
            .iter()
            .map(|(key, value)| StateWrite {
                conversation_id: self.conversation_id.clone(),
                key: key.clone(),
                value: value.clone(),
            })
            .collect()
    }
}

/// The size bounds of one key and value.
pub(super) fn check(key: &str, value: &str) -> Result<(), ConversationError> {
    if key.is_empty() || key.len() > STATE_MAX_KEY_BYTES {
        return Err(ConversationError::Limit(format!(
            "state keys are 1-{STATE_MAX_KEY_BYTES} bytes"
        )));
    }
    if value.len() > STATE_MAX_VALUE_BYTES {
        return Err(ConversationError::Limit(format!(
            "state values are at most {STATE_MAX_VALUE_BYTES} bytes"
        )));
    }
    Ok(())
}

/// Insert or update one key, unless that would make one key too many.
///
/// One statement (atomic on both backends, and no deferred
/// read-then-write transaction that SQLite would refuse with `database is
/// locked` under load).
pub(super) async fn upsert<'e, E>(
    exec: E,
    conversation_id: &str,
    key: &str,
    value: &str,
) -> Result<(), ConversationError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let written = sqlx::query(
        "INSERT INTO conversation_state (conversation_id, key, value)
         SELECT $1, $2, $3
         WHERE EXISTS (SELECT 1 FROM conversation_state WHERE conversation_id = $1 AND key = $2)
            OR (SELECT COUNT(*) FROM conversation_state WHERE conversation_id = $1) < $4
         ON CONFLICT (conversation_id, key) DO UPDATE SET value = excluded.value",
    )
    .bind(conversation_id)
    .bind(key)
    .bind(value)
    .bind(STATE_MAX_KEYS as i64)
    .execute(exec)
    .await?
    .rows_affected();
    if written == 0 {
        return Err(ConversationError::Limit(format!(
            "at most {STATE_MAX_KEYS} state keys per conversation"
        )));
    }
    Ok(())
}

/// Write a turn's staged state within its transaction. A new key over the
/// bound (only possible when two turns of one conversation raced, as the
/// bound was checked when the write was staged) is left out with a warning
/// rather than failing the turn, which could never succeed then.
pub(super) async fn write_in(
    tx: &mut agent_store_db::WriteTx,
    writes: &[StateWrite],
) -> Result<(), ConversationError> {
    for w in writes {
        match upsert(&mut **tx, &w.conversation_id, &w.key, &w.value).await {
            Err(ConversationError::Limit(reason)) => {
                tracing::warn!(conversation = %w.conversation_id, key = %w.key, %reason, "state key left out");
            }
            other => other?,
        }
    }
    Ok(())
}

impl Conversations {
    /// This store for one seller turn on `conversation_id`: its
    /// `set_state` writes are held (and its reads see them) until the
    /// caller commits [`StagedState::writes`] with the turn.
    pub fn staged(&self, conversation_id: &str) -> (Conversations, StagedState) {
        let stage = StagedState {
            conversation_id: conversation_id.to_string(),
            writes: Arc::default(),
        };
        let store = Conversations {
            db: self.db.clone(),
            stage: Some(stage.clone()),
            sent_marks: self.sent_marks.clone(),
            turn_commits: self.turn_commits.clone(),
            stored_here: self.stored_here.clone(),
        };
        (store, stage)
    }

    /// Hold one write; the key bound counts the stored keys and the held
    /// ones (the commit checks it again, atomically).
    pub(super) async fn stage_state(
        &self,
        stage: &StagedState,
        conversation_id: &str,
        key: &str,
        value: &str,
    ) -> Result<(), ConversationError> {
        if conversation_id != stage.conversation_id {
            // Only the turn's own conversation is staged.
            return upsert(
                &mut *self.db.writer.acquire().await?,
                conversation_id,
                key,
                value,
            )
            .await;
        }
        if !stage.held().contains_key(key) {
            let stored: Vec<String> =
                sqlx::query("SELECT key FROM conversation_state WHERE conversation_id = $1")
                    .bind(conversation_id)
                    .fetch_all(&mut *self.db.read().await?)
                    .await?
                    .iter()
                    .map(|r| r.try_get("key"))
                    .collect::<Result<_, _>>()?;
            let held = stage.held();
            let known = stored.iter().any(|k| k == key);
            let distinct = stored.len() + held.keys().filter(|k| !stored.contains(k)).count();
            if !known && distinct >= STATE_MAX_KEYS {
                return Err(ConversationError::Limit(format!(
                    "at most {STATE_MAX_KEYS} state keys per conversation"
                )));
            }
        }
        stage.held().insert(key.to_string(), value.to_string());
        Ok(())
    }
}
