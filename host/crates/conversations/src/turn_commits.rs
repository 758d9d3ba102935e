//! Turn commits stored many to a transaction ([`super::group`]).
//!
//! A turn's commit (its handled mark, replies, outbox rows, effects, state
//! and policy records) was one transaction of five or more statements, each a round trip
//! to SQLite's one write connection: measured at 1,000 customers, the
//! largest share (a third) of the time that connection was held. Turns that
//! arrive while a batch waits or is written go into the next batch, whose
//! marks, messages and outbox rows are one statement each.
//!
//! Each turn keeps the meaning it had alone:
//! - its handled mark is a compare-and-set: a turn whose message is handled
//!   already (by a copy committed before, or by an earlier copy in the same
//!   batch) stores nothing and counts 0 new replies;
//! - a reply whose id is stored already (a replayed turn) is left as it is;
//! - when the batch fails (a constraint, say), each turn is written again
//!   alone, so one bad turn fails only itself.
//!
//! Only on SQLite: PostgreSQL writes on a pool, many turns at once, and a
//! batch there would make every turn of a host wait behind one whose row
//! lock another host holds.

use std::collections::HashSet;

use sqlx::Row;

use super::group::Batch;
use super::{ConversationError, TurnWrites};
use crate::chat::Speaker;
use crate::db::sql::{placeholders, values};
use crate::db::{Db, now_ms};

/// One outbound message of a turn, owned (it waits in the batch queue).
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub id: String,
    pub conversation_id: String,
    pub brand: Option<String>,
    pub speaker: Speaker,
    pub kind: String,
    pub text: String,
    pub body: String,
    pub phone_number_id: String,
    pub recipient: String,
}

/// One turn to commit.
#[derive(Debug, Clone)]
pub(crate) struct Turn {
    pub replies: Vec<Reply>,
    pub writes: TurnWrites,
    /// The inbound message the turn answers, marked handled with it.
    pub handled: Option<String>,
    /// Before then (ms), only a sender that claims fresh messages may send
    /// the replies.
    pub worker_after: i64,
}

/// Turn commits: one outcome per turn, the number of its replies that
/// were new.
pub(crate) struct TurnCommits;

/// Messages per multi-row statement: 8 parameters each, far under
/// either backend's bound.
const ROWS_PER_STATEMENT: usize = 256;

impl Batch for TurnCommits {
    type Item = Turn;
    type Out = usize;
    const MAX: usize = 64;
    /// A turn alone was rolled back when its caller went away.
    const SKIP_ABANDONED: bool = true;

    async fn write(db: &Db, turns: &[Turn]) -> Vec<Result<usize, String>> {
        match write(db, turns).await {
            Ok(new) => new.into_iter().map(Ok).collect(),
            Err(e) if turns.len() == 1 => vec![Err(e.to_string())],
            Err(e) => {
                tracing::warn!(turns = turns.len(), error = %e, "a batch of turn commits failed: writing each alone");
                let mut outcomes = Vec::with_capacity(turns.len());
                for turn in turns {
                    let alone = write(db, std::slice::from_ref(turn)).await;
                    outcomes.push(match alone {
                        Ok(mut new) => Ok(new.pop().unwrap_or(0)),
                        Err(e) => Err(e.to_string()),
                    });
                }
                outcomes
            }
        }
    }
}

/// Commit `turns` in one transaction; the new replies of each.
pub(crate) async fn write(db: &Db, turns: &[Turn]) -> Result<Vec<usize>, ConversationError> {
    let mut tx = db.begin_write().await?;
    let kept = mark_handled(&mut tx, turns).await?;
    // A reply id carried by two turns of the batch belongs to the first.
    let mut ids = HashSet::new();
    let replies: Vec<(usize, &Reply, i64)> = turns
        .iter()
        .enumerate()
        .filter(|(i, _)| kept[*i])
        .flat_map(|(i, t)| t.replies.iter().map(move |r| (i, r, t.worker_after)))
        .filter(|(_, r, _)| ids.insert(r.id.as_str()))
        .collect();
    let mut new = vec![0; turns.len()];
    for chunk in replies.chunks(ROWS_PER_STATEMENT) {
        let stored = insert_messages(&mut tx, chunk).await?;
        let fresh: Vec<_> = chunk
            .iter()
            .filter(|(_, r, _)| stored.contains(&r.id))
            .copied()
            .collect();
        insert_outbox(&mut tx, &fresh).await?;
        for (turn, _, _) in fresh {
            new[turn] += 1;
        }
    }
    let mut records = Vec::new();
    let mut uses = Vec::new();
    for (turn, _) in turns.iter().zip(&kept).filter(|(_, kept)| **kept) {
        super::effects::insert_in(&mut tx, &turn.writes.effects).await?;
        super::state::write_in(&mut tx, &turn.writes.state).await?;
        records.extend(&turn.writes.intents);
        uses.extend(&turn.writes.meters);
    }
    super::ledger::write_in(&mut tx, &records, &uses).await?;
    tx.commit().await?;
    Ok(new)
}

/// The handled marks, a compare-and-set each: which turns are kept. A turn
/// is dropped when its message is handled already (before this batch, or
/// by an earlier turn of it); a message not stored at all keeps its turn,
/// as one alone did.
async fn mark_handled(
    tx: &mut agent_store_db::WriteTx,
    turns: &[Turn],
) -> Result<Vec<bool>, ConversationError> {
    let wanted: Vec<&str> = turns.iter().filter_map(|t| t.handled.as_deref()).collect();
    let handled_before = if wanted.is_empty() {
        HashSet::new()
    } else {
        let marked = ids_of(
            tx,
            &format!(
                "UPDATE messages SET state = 'handled', updated_at = $1
                 WHERE direction = 'in' AND state <> 'handled' AND id IN ({}) RETURNING id",
                placeholders(2, wanted.len())
            ),
            Some(now_ms()),
            &wanted,
        )
        .await?;
        let rest: Vec<&str> = wanted
            .iter()
            .copied()
            .filter(|id| !marked.contains(*id))
            .collect();
        if rest.is_empty() {
            HashSet::new()
        } else {
            ids_of(
                tx,
                &format!(
                    "SELECT id FROM messages WHERE direction = 'in' AND state = 'handled' AND id IN ({})",
                    placeholders(1, rest.len())
                ),
                None,
                &rest,
            )
            .await?
        }
    };
    let mut seen = HashSet::new();
    Ok(turns
        .iter()
        .map(|t| match t.handled.as_deref() {
            None => true,
            Some(id) => {
                let first = seen.insert(id);
                let kept = first && !handled_before.contains(id);
                if !kept {
                    tracing::info!(message = %id, "a copy of a message handled meanwhile: its turn is dropped");
                }
                kept
            }
        })
        .collect())
}

/// Run `sql` (binding `first`, if any, then `ids`) and collect the `id`
/// column of its rows.
async fn ids_of(
    tx: &mut agent_store_db::WriteTx,
    sql: &str,
    first: Option<i64>,
    ids: &[&str],
) -> Result<HashSet<String>, ConversationError> {
    let mut query = sqlx::query(sql);
    if let Some(first) = first {
        query = query.bind(first);
    }
    for id in ids {
        query = query.bind(*id);
    }
    ids_in(&query.fetch_all(&mut **tx).await?)
}

/// Store the messages (pending), one statement; the ids that were new.
async fn insert_messages(
    tx: &mut agent_store_db::WriteTx,
    rows: &[(usize, &Reply, i64)],
) -> Result<HashSet<String>, ConversationError> {
    if rows.is_empty() {
        return Ok(HashSet::new());
    }
    let sql = format!(
        "INSERT INTO messages (id, conversation_id, direction, speaker, brand, kind, text, payload, state, created_at, updated_at)
         VALUES {} ON CONFLICT (id) DO NOTHING RETURNING id",
        values(rows.len(), 8, |p| format!(
            "({}, {}, 'out', {}, {}, {}, {}, {}, 'pending', {}, {})",
            p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[7]
        ))
    );
    let now = now_ms();
    let mut query = sqlx::query(&sql);
    for (_, r, _) in rows {
        query = query
            .bind(&r.id)
            .bind(&r.conversation_id)
            .bind(r.speaker.as_str())
            .bind(r.brand.clone())
            .bind(&r.kind)
            .bind(&r.text)
            .bind(&r.body)
            .bind(now);
    }
    ids_in(&query.fetch_all(&mut **tx).await?)
}

/// The `id` column of `rows`.
fn ids_in(rows: &[sqlx::any::AnyRow]) -> Result<HashSet<String>, ConversationError> {
    rows.iter()
        .map(|row| row.try_get::<String, _>("id").map_err(Into::into))
        .collect()
}

/// Queue the new messages, in the order of the batch (their `seq`).
async fn insert_outbox(
    tx: &mut agent_store_db::WriteTx,
    rows: &[(usize, &Reply, i64)],
) -> Result<(), ConversationError> {
    if rows.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO whatsapp_outbox (message_id, conversation_id, phone_number_id, recipient, seq, next_attempt_at, created_at)
         VALUES {}",
        values(rows.len(), 7, |p| format!("({})", p.join(", ")))
    );
    let now = now_ms();
    let mut query = sqlx::query(&sql);
    for (_, r, worker_after) in rows {
        query = query
            .bind(&r.id)
            .bind(&r.conversation_id)
            .bind(&r.phone_number_id)
            .bind(&r.recipient)
            .bind(super::outbox::next_seq())
            .bind(*worker_after)
            .bind(now);
    }
    query.execute(&mut **tx).await?;
    Ok(())
}
