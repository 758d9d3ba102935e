//! Turn effects: the events a customer turn asks other consumers to carry
//! out (an order request, an escalation). They are stored in the
//! transaction that queues the turn's replies and marks the inbound message
//! handled, so "handled" never hides an effect still only in memory. The
//! consumer that carries one out settles (deletes) its row; start-up
//! recovery re-publishes the rows left, and consumers are idempotent by
//! event id, so a re-publish never doubles an effect.

use sqlx::Row;

use super::{ConversationError, Conversations};
use crate::db::{Db, now_ms};

/// The consumer groups that carry out (and settle) turn effects: order
/// requests and escalations. Another group parking an effect's event (the
/// outgoing event relay, say) says nothing about the effect itself.
const SETTLING_GROUPS: [&str; 2] = [crate::bus::groups::ORDERS, crate::bus::groups::SALES];

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

/// What a turn writes besides its replies, committed with them and the
/// handled mark: its effects, the seller's state writes, and the brand
/// policy's decisions on its intents and the budget they used.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TurnWrites {
    pub effects: Vec<TurnEffect>,
    pub state: Vec<super::StateWrite>,
    pub intents: Vec<super::IntentRecord>,
    pub meters: Vec<super::MeterUse>,
}

impl TurnWrites {
    /// A host turn's writes: effects only (host turns keep no plugin state).
    pub fn of_effects(effects: Vec<TurnEffect>) -> Self {
        Self {
            effects,
            ..Self::default()
        }
    }

    /// The seller's state writes only.
    pub fn of_state(state: Vec<super::StateWrite>) -> Self {
        Self {
            state,
            ..Self::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.effects.is_empty()
            && self.state.is_empty()
            && self.intents.is_empty()
            && self.meters.is_empty()
    }
}

/// Store `effects` within `tx`. An effect stored before (a replayed turn:
/// same event id) is left as it is.
pub(super) async fn insert_in(
    tx: &mut agent_store_db::WriteTx,
    effects: &[TurnEffect],
) -> Result<(), ConversationError> {
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
        .execute(&mut *db.writer.acquire().await?)
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
    ) -> Result<(), ConversationError> {
        let writes = TurnWrites::of_effects(effects.to_vec());
        self.commit_turn(&[], &writes, handled, 0).await.map(|_| ())
    }

    /// Effects stored but not yet carried out, oldest first: (event id,
    /// event JSON), re-published at start-up. Effects the consumer group
    /// that carries them out has parked (a permanent failure, or retries
    /// exhausted) are left out: an operator decides about those (listed at
    /// `/admin/events/parked`), and re-publishing them on every start would
    /// only fail again.
    pub async fn unsettled_effects(&self) -> Result<Vec<(String, String)>, ConversationError> {
        self.unsettled_effects_before(i64::MAX).await
    }

    /// [`Self::unsettled_effects`] stored before `before_ms` (multi-host:
    /// an effect whose event was lost — its consumer could not reach the
    /// database, nor park it there — found by any host).
    pub async fn unsettled_effects_before(
        &self,
        before_ms: i64,
    ) -> Result<Vec<(String, String)>, ConversationError> {
        let rows = sqlx::query(
            "SELECT t.event_id, t.event FROM turn_effects t
             WHERE t.created_at < $3 AND NOT EXISTS (SELECT 1 FROM parked_events p
                               WHERE p.event_id = t.event_id AND p.consumer_group IN ($1, $2))
             ORDER BY t.created_at, t.event_id",
        )
        .bind(SETTLING_GROUPS[0])
        .bind(SETTLING_GROUPS[1])
        .bind(before_ms)
        .fetch_all(&self.db.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("event_id")?, r.try_get("event")?)))
            .collect()
    }

    /// How many stored effects their consumer group parked (not
    /// re-published).
    pub async fn parked_effects(&self) -> Result<u64, ConversationError> {
        let n: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM turn_effects t
             WHERE EXISTS (SELECT 1 FROM parked_events p
                           WHERE p.event_id = t.event_id AND p.consumer_group IN ($1, $2))",
        )
        .bind(SETTLING_GROUPS[0])
        .bind(SETTLING_GROUPS[1])
        .fetch_one(&self.db.pool)
        .await?
        .try_get("n")?;
        Ok(n.max(0) as u64)
    }
}
