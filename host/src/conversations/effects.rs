//! Turn effects: the events a customer turn asks other consumers to carry
//! out (an order request, an escalation). They are stored in the
//! transaction that queues the turn's replies and marks the inbound message
//! handled, so "handled" never hides an effect still only in memory. The
//! consumer that carries one out settles (deletes) its row; start-up
//! recovery re-publishes the rows left, and consumers are idempotent by
//! event id, so a re-publish never doubles an effect.

use sqlx::Row;

use super::{Conversations, StoreError};
use crate::db::{Db, now_ms};

/// One effect to store with its turn.
#[derive(Debug, Clone, PartialEq)]
pub struct TurnEffect {
    /// The event's id (derived from the inbound wamid).
    pub event_id: String,
    pub conversation_id: String,
    /// The CloudEvent, structured-mode JSON.
    pub event: String,
    /// The conversation goes to the sales team with this effect: its status
    /// changes in the same transaction, so a replayed message is never
    /// "left for the sales team" while the escalation itself was lost.
    pub escalates: bool,
}

/// Store `effects` within `tx`. An effect stored before (a replayed turn:
/// same event id) is left as it is.
pub(super) async fn insert_in(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    effects: &[TurnEffect],
) -> Result<(), StoreError> {
    let now = now_ms();
    for e in effects {
        sqlx::query(
            "INSERT INTO turn_effects (event_id, conversation_id, event, created_at)
             VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING",
        )
        .bind(&e.event_id)
        .bind(&e.conversation_id)
        .bind(&e.event)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        if e.escalates {
            sqlx::query(
                "UPDATE conversations SET status = 'escalated', updated_at = $1 WHERE id = $2",
            )
            .bind(now)
            .bind(&e.conversation_id)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

/// The effect `event_id` was carried out: forget it. Called by the consumer
/// once its handling is committed; unknown ids (events not from a turn) are
/// fine.
pub async fn settle(db: &Db, event_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM turn_effects WHERE event_id = $1")
        .bind(event_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

impl Conversations {
    /// Store a turn's effects and, with `handled`, mark the inbound message
    /// handled, in one transaction (a turn without replies).
    pub async fn commit_effects(
        &self,
        effects: &[TurnEffect],
        handled: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut tx = self.db.begin_write().await?;
        insert_in(&mut tx, effects).await?;
        if let Some(wamid) = handled {
            super::mark_handled_in(&mut tx, wamid).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Effects stored but not yet carried out, oldest first: (event id,
    /// event JSON), re-published at start-up.
    pub async fn unsettled_effects(&self) -> Result<Vec<(String, String)>, StoreError> {
        let rows =
            sqlx::query("SELECT event_id, event FROM turn_effects ORDER BY created_at, event_id")
                .fetch_all(&self.db.pool)
                .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("event_id")?, r.try_get("event")?)))
            .collect()
    }
}
