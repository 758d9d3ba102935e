//! Conversations, their messages and per-conversation plugin state, stored
//! in the database (never in process memory, so several hosts can share it).
//!
//! `plugin_host` (feature `plugin-host`): the host side of the WIT
//! `conversation` interface (a plugin's history and state).

// The store's other capabilities under the names the host gives them,
// so paths read the same inside this crate and in the host.
#[cfg(test)]
use crate as conversations;
pub(crate) use agent_store_bus as bus;
pub(crate) use agent_store_chat as chat;
pub(crate) use agent_store_db as db;
#[cfg(test)]
use agent_store_events as events;

use serde::{Deserialize, Serialize};
use sqlx::Row;

use crate::chat::Inbound;
use crate::chat::{HistoryEntry, Speaker};
use crate::db::{Db, now_ms};

/// Bounds of the per-conversation state a plugin may keep.
pub const STATE_MAX_KEYS: usize = 32;
pub const STATE_MAX_KEY_BYTES: usize = 64;
pub const STATE_MAX_VALUE_BYTES: usize = 4096;

#[derive(Debug, thiserror::Error)]
pub enum ConversationError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("stored message {id} is corrupt: {source}")]
    Corrupt {
        id: String,
        source: serde_json::Error,
    },
    #[error("conversation {0} does not exist")]
    NotFound(String),
    #[error("{0}")]
    Limit(String),
}

/// One conversation: a customer talking to one business number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    pub id: String,
    pub phone_number_id: String,
    pub customer_wa_id: String,
    pub customer_name: Option<String>,
    pub brand: Option<String>,
    pub status: String,
    pub language: String,
}

/// An inbound message accepted for the first time.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    pub conversation_id: String,
}

/// An outbound message to record before it is sent.
#[derive(Debug, Clone)]
pub struct NewOutbound<'a> {
    pub id: &'a str,
    pub conversation_id: &'a str,
    pub brand: Option<&'a str>,
    pub speaker: Speaker,
    pub kind: &'a str,
    pub text: &'a str,
    pub body: &'a serde_json::Value,
}

/// When the customer wrote (ms), which opens WhatsApp's 24-hour
/// customer-service window: WhatsApp's own timestamp (a message Meta
/// re-delivers late keeps its real age) when it is plausible — not in the
/// future, not older than Meta's 7-day retry horizon — else the arrival.
fn customer_wrote_at(timestamp_secs: u64, now_ms: i64) -> i64 {
    const HORIZON_MS: i64 = 8 * 24 * 3600 * 1000;
    match i64::try_from(timestamp_secs) {
        Ok(s) if s > 0 => {
            let at = s.saturating_mul(1000);
            if at > now_ms || at < now_ms - HORIZON_MS {
                now_ms
            } else {
                at
            }
        }
        _ => now_ms,
    }
}

/// The conversation store.
#[derive(Debug, Clone)]
pub struct Conversations {
    db: Db,
    /// A seller turn's state writes, held for its commit (see
    /// [`Conversations::staged`]); `None`: writes go straight to storage.
    stage: Option<state::StagedState>,
    /// "Sent" marks, stored many to a transaction.
    sent_marks: group::Batcher<sent_marks::SentMarks>,
    /// Turn commits, stored many to a transaction.
    turn_commits: group::Batcher<turn_commits::TurnCommits>,
    /// Outbound messages this process stored (spares the later stages a
    /// read each).
    stored_here: std::sync::Arc<stored_here::StoredHere>,
}

fn conversation_from(row: &sqlx::any::AnyRow) -> Result<Conversation, sqlx::Error> {
    Ok(Conversation {
        id: row.try_get("id")?,
        phone_number_id: row.try_get("phone_number_id")?,
        customer_wa_id: row.try_get("customer_wa_id")?,
        customer_name: row.try_get("customer_name")?,
        brand: row.try_get("brand")?,
        status: row.try_get("status")?,
        language: row.try_get("language")?,
    })
}

impl Conversations {
    pub fn new(db: Db) -> Self {
        Self {
            db,
            stage: None,
            sent_marks: Default::default(),
            turn_commits: Default::default(),
            stored_here: Default::default(),
        }
    }

    /// Store an inbound message durably, creating its conversation when
    /// needed. `None` when the wamid was already stored (a Meta retry).
    pub async fn accept_inbound(
        &self,
        inbound: &Inbound,
    ) -> Result<Option<Accepted>, ConversationError> {
        let mut accepted = self
            .accept_inbound_batch(std::slice::from_ref(inbound))
            .await?;
        Ok(accepted.pop().flatten())
    }

    /// Mark an inbound message as fully handled when it needs no reply
    /// (replies are queued with the mark: [`Self::queue_replies`]).
    pub async fn mark_handled(&self, message_id: &str) -> Result<(), ConversationError> {
        let mut tx = self.db.begin_write().await?;
        mark_handled_in(&mut tx, message_id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether inbound message `message_id` is handled already: a copy of
    /// its event redelivered after another run (on this host or another
    /// one) answered it, or re-published by a start-up recovery, changes
    /// nothing (every effect is keyed by the message, and a second turn on
    /// the state the first one left could answer differently).
    pub async fn is_handled(&self, message_id: &str) -> Result<bool, ConversationError> {
        let row = sqlx::query("SELECT state FROM messages WHERE id = $1 AND direction = 'in'")
            .bind(message_id)
            .fetch_optional(&mut *self.db.read().await?)
            .await?;
        Ok(match row {
            Some(r) => r.try_get::<String, _>("state")? == "handled",
            None => false,
        })
    }

    /// Store a voice note's transcript as its text (history, the sales
    /// console, the sellers' context).
    pub async fn set_transcript(
        &self,
        message_id: &str,
        text: &str,
    ) -> Result<(), ConversationError> {
        sqlx::query(
            "UPDATE messages SET text = $1, updated_at = $2 WHERE id = $3 AND direction = 'in'",
        )
        .bind(text)
        .bind(now_ms())
        .bind(message_id)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        Ok(())
    }

    /// Inbound messages accepted but never handled (the host stopped midway),
    /// oldest first, with their conversation ids: re-published at start-up.
    pub async fn unhandled_inbound(&self) -> Result<Vec<(String, Inbound)>, ConversationError> {
        self.unhandled_inbound_before(i64::MAX).await
    }

    /// [`Self::unhandled_inbound`] stored before `before_ms` (multi-host: a
    /// message a host stored but could not publish, found by any host).
    pub async fn unhandled_inbound_before(
        &self,
        before_ms: i64,
    ) -> Result<Vec<(String, Inbound)>, ConversationError> {
        let rows = sqlx::query(
            "SELECT id, conversation_id, payload FROM messages WHERE direction = 'in' AND state = 'received' AND created_at < $1 ORDER BY created_at, id",
        )
        .bind(before_ms)
        .fetch_all(&mut *self.db.read().await?)
        .await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get("id")?;
                let payload: String = r.try_get("payload")?;
                let inbound = serde_json::from_str(&payload)
                    .map_err(|source| ConversationError::Corrupt { id, source })?;
                Ok((r.try_get("conversation_id")?, inbound))
            })
            .collect()
    }

    pub async fn get(&self, id: &str) -> Result<Conversation, ConversationError> {
        let row = sqlx::query(
            "SELECT id, phone_number_id, customer_wa_id, customer_name, brand, status, language FROM conversations WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *self.db.read().await?)
        .await?
        .ok_or_else(|| ConversationError::NotFound(id.to_string()))?;
        Ok(conversation_from(&row)?)
    }

    /// Every conversation, most recently active first.
    pub async fn list(&self, limit: u32) -> Result<Vec<Conversation>, ConversationError> {
        let rows = sqlx::query(
            "SELECT id, phone_number_id, customer_wa_id, customer_name, brand, status, language FROM conversations ORDER BY updated_at DESC LIMIT $1",
        )
        .bind(i64::from(limit))
        .fetch_all(&mut *self.db.read().await?)
        .await?;
        Ok(rows
            .iter()
            .map(conversation_from)
            .collect::<Result<_, _>>()?)
    }

    pub async fn set_brand(&self, id: &str, brand: &str) -> Result<(), ConversationError> {
        self.update(id, "brand", brand).await
    }

    pub async fn set_status(&self, id: &str, status: &str) -> Result<(), ConversationError> {
        self.update(id, "status", status).await
    }

    pub async fn set_language(&self, id: &str, language: &str) -> Result<(), ConversationError> {
        self.update(id, "language", language).await
    }

    async fn update(
        &self,
        id: &str,
        column: &'static str,
        value: &str,
    ) -> Result<(), ConversationError> {
        // `column` is one of the literals above, never input.
        let sql = format!("UPDATE conversations SET {column} = $1, updated_at = $2 WHERE id = $3");
        sqlx::query(&sql)
            .bind(value)
            .bind(now_ms())
            .bind(id)
            .execute(&mut *self.db.writer.acquire().await?)
            .await?;
        Ok(())
    }

    /// The last `limit` lines, oldest first, excluding message `except`.
    pub async fn history(
        &self,
        conversation_id: &str,
        limit: u32,
        except: Option<&str>,
    ) -> Result<Vec<HistoryEntry>, ConversationError> {
        let rows = sqlx::query(
            "SELECT speaker, text, brand, created_at FROM messages
             WHERE conversation_id = $1 AND id <> $2 AND text <> ''
             ORDER BY created_at DESC, id DESC LIMIT $3",
        )
        .bind(conversation_id)
        .bind(except.unwrap_or(""))
        .bind(i64::from(limit))
        .fetch_all(&mut *self.db.read().await?)
        .await?;
        let mut out = rows
            .iter()
            .map(|r| {
                let speaker: String = r.try_get("speaker")?;
                let created_at: i64 = r.try_get("created_at")?;
                Ok(HistoryEntry {
                    speaker: Speaker::parse(&speaker),
                    text: r.try_get("text")?,
                    brand: r.try_get("brand")?,
                    timestamp: (created_at / 1000).max(0) as u64,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        out.reverse();
        Ok(out)
    }

    /// The delivery state of an outbound message.
    pub async fn outbound_state(&self, id: &str) -> Result<Option<String>, ConversationError> {
        let row = sqlx::query("SELECT state FROM messages WHERE id = $1 AND direction = 'out'")
            .bind(id)
            .fetch_optional(&mut *self.db.read().await?)
            .await?;
        Ok(row.map(|r| r.try_get("state")).transpose()?)
    }

    pub async fn mark_sent(&self, id: &str, wamid: &str) -> Result<(), ConversationError> {
        sqlx::query(
            "UPDATE messages SET state = 'sent', wamid = $1, updated_at = $2 WHERE id = $3",
        )
        .bind(wamid)
        .bind(now_ms())
        .bind(id)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        Ok(())
    }

    pub async fn mark_failed(&self, id: &str, error: &str) -> Result<(), ConversationError> {
        sqlx::query(
            "UPDATE messages SET state = 'failed', error = $1, updated_at = $2 WHERE id = $3",
        )
        .bind(error)
        .bind(now_ms())
        .bind(id)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        Ok(())
    }

    /// One state key; within a staged turn, its own writes first.
    pub async fn state(
        &self,
        conversation_id: &str,
        key: &str,
    ) -> Result<Option<String>, ConversationError> {
        if let Some(value) = self
            .stage
            .as_ref()
            .and_then(|s| s.get(conversation_id, key))
        {
            return Ok(Some(value));
        }
        let row = sqlx::query(
            "SELECT value FROM conversation_state WHERE conversation_id = $1 AND key = $2",
        )
        .bind(conversation_id)
        .bind(key)
        .fetch_optional(&mut *self.db.read().await?)
        .await?;
        Ok(row.map(|r| r.try_get("value")).transpose()?)
    }

    /// Every plugin's value of `key` in a conversation, as (plugin, value):
    /// plugins' state keys are stored as `<plugin>:<key>`.
    pub async fn plugin_states(
        &self,
        conversation_id: &str,
        key: &str,
    ) -> Result<Vec<(String, String)>, ConversationError> {
        let rows = sqlx::query(
            "SELECT key, value FROM conversation_state WHERE conversation_id = $1 ORDER BY key",
        )
        .bind(conversation_id)
        .fetch_all(&mut *self.db.read().await?)
        .await?;
        let suffix = format!(":{key}");
        let mut out = Vec::new();
        for r in rows {
            let k: String = r.try_get("key")?;
            if let Some(plugin) = k.strip_suffix(&suffix) {
                out.push((plugin.to_string(), r.try_get("value")?));
            }
        }
        Ok(out)
    }

    /// Store one key, within [`STATE_MAX_KEYS`] and the size bounds; within
    /// a staged turn, hold it for the turn's commit.
    pub async fn set_state(
        &self,
        conversation_id: &str,
        key: &str,
        value: &str,
    ) -> Result<(), ConversationError> {
        state::check(key, value)?;
        if let Some(stage) = &self.stage {
            return self.stage_state(stage, conversation_id, key, value).await;
        }
        state::upsert(
            &mut *self.db.writer.acquire().await?,
            conversation_id,
            key,
            value,
        )
        .await
    }
}

/// Mark an inbound message handled within `tx`.
pub(crate) async fn mark_handled_in(
    tx: &mut agent_store_db::WriteTx,
    message_id: &str,
) -> Result<(), ConversationError> {
    sqlx::query(
        "UPDATE messages SET state = 'handled', updated_at = $1 WHERE id = $2 AND direction = 'in'",
    )
    .bind(now_ms())
    .bind(message_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

mod effects;
mod identity;
mod inbox;
mod ledger;
mod state;
pub use effects::{TurnEffect, TurnWrites, settle as settle_effect};
pub use identity::Moved;
pub use ledger::{IntentRecord, MeterUse};
pub use state::{StagedState, StateWrite};
mod group;
mod outbox;
#[cfg(feature = "plugin-host")]
pub mod plugin_host;
mod sent_marks;
mod stored_here;
mod turn_commits;
pub use outbox::{Claimed, ClaimedConversation, OutboundRecord, Queued, Route, StatusOutcome};

#[cfg(test)]
mod tests;
