//! The persistent outbox of the WhatsApp gateway and the delivery statuses
//! of outbound messages.
//!
//! An outbound message is stored (`messages`, state `pending`) together with
//! its outbox row in one transaction before anything is sent. A sender
//! claims the row with a compare-and-set on its lease, sends, and records the
//! outcome and deletes the row in one transaction: a message is never sent by
//! two senders at once, and a restart finds every unsent message still
//! queued.

use std::sync::atomic::{AtomicI64, Ordering};

use serde_json::Value;
use sqlx::Row;

use super::{ConversationError, Conversations, NewOutbound};
use super::{sent_marks, turn_commits};
use crate::db::now_ms;

/// Where an outbound message goes.
#[derive(Debug, Clone)]
pub struct Route<'a> {
    pub phone_number_id: &'a str,
    pub recipient: &'a str,
}

/// A claimed outbox row: the sender holds its lease.
#[derive(Debug, Clone, PartialEq)]
pub struct Claimed {
    pub id: String,
    pub conversation_id: String,
    pub phone_number_id: String,
    pub recipient: String,
    pub kind: String,
    pub body: Value,
    /// Attempts so far, this one included.
    pub attempts: u32,
    /// When the message was queued (ms).
    pub created_at: i64,
    /// Its conversation as the claim read it (one statement, not three:
    /// the sender needs the customer's last message for the 24-hour
    /// window, and the brand and language for the sent-message metrics).
    pub conversation: ClaimedConversation,
}

/// What a send needs of the claimed message's conversation (all `None`
/// when the conversation is gone).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClaimedConversation {
    /// When the customer last wrote (ms): opens the 24-hour window.
    pub last_customer_message_at: Option<i64>,
    pub brand: Option<String>,
    pub language: Option<String>,
}

/// An outbound message as stored (the sales console, tests).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OutboundRecord {
    pub id: String,
    pub kind: String,
    pub text: String,
    /// pending | sent | delivered | read | played | failed | held
    pub state: String,
    pub wamid: Option<String>,
    pub error: Option<String>,
}

/// One queued row, for the sweeper.
#[derive(Debug, Clone, PartialEq)]
pub struct Queued {
    pub id: String,
    pub conversation_id: String,
    pub due: bool,
}

/// What a status webhook did.
#[derive(Debug, Clone, PartialEq)]
pub enum StatusOutcome {
    /// This (wamid, status) was seen before: nothing to do.
    Duplicate,
    /// Recorded; the message (if ours) is already at or past this state.
    Recorded,
    /// Recorded and moved the message forward.
    Applied { message_id: String },
}

/// Rank of a delivery state: states only move forward; `failed` is final.
fn rank(s: &str) -> i32 {
    match s {
        "pending" => 0,
        "sent" => 1,
        "delivered" => 2,
        "read" => 3,
        "played" => 4,
        "failed" => 5,
        _ => -1,
    }
}

/// A strictly increasing sequence (µs of the database's clock, so ordered
/// across hosts too, however far apart their own clocks are).
pub(crate) fn next_seq() -> i64 {
    static LAST: AtomicI64 = AtomicI64::new(0);
    let now = crate::db::now_micros();
    let mut prev = LAST.load(Ordering::Relaxed);
    loop {
        let next = now.max(prev + 1);
        match LAST.compare_exchange_weak(prev, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return next,
            Err(p) => prev = p,
        }
    }
}

/// A reply as the turn-commit batch holds it.
fn owned(m: &NewOutbound<'_>, route: &Route<'_>) -> turn_commits::Reply {
    turn_commits::Reply {
        id: m.id.to_string(),
        conversation_id: m.conversation_id.to_string(),
        brand: m.brand.map(str::to_string),
        speaker: m.speaker,
        kind: m.kind.to_string(),
        text: m.text.to_string(),
        body: m.body.to_string(),
        phone_number_id: route.phone_number_id.to_string(),
        recipient: route.recipient.to_string(),
    }
}

impl Conversations {
    /// Store an outbound message and queue it, atomically. `false` when a
    /// message with this id exists already (a redelivered event): the
    /// outbound id is the idempotency key.
    /// `worker_after` (ms): before then, only a sender that claims fresh
    /// messages (the inline one) may take it.
    pub async fn enqueue_outbound(
        &self,
        m: &NewOutbound<'_>,
        route: &Route<'_>,
        worker_after: i64,
    ) -> Result<bool, ConversationError> {
        let new = self
            .commit_turn(
                &[(m.clone(), route.clone())],
                &super::TurnWrites::default(),
                None,
                worker_after,
            )
            .await?;
        Ok(new == 1)
    }

    /// Queue a turn's replies and, when `handled` names the inbound message
    /// they answer, mark it handled — in one transaction, so a crash leaves
    /// either both (the outbox sends the replies after a restart) or neither
    /// (start-up recovery replays the message). Replies queued before (a
    /// replayed turn: same ids) are left as they are. Returns how many were
    /// new.
    pub async fn queue_replies(
        &self,
        replies: &[(NewOutbound<'_>, Route<'_>)],
        handled: Option<&str>,
        worker_after: i64,
    ) -> Result<usize, ConversationError> {
        self.queue_turn(replies, &[], handled, worker_after).await
    }

    /// [`Self::queue_replies`] with the turn's effects (order requests,
    /// escalations) stored in the same transaction.
    pub async fn queue_turn(
        &self,
        replies: &[(NewOutbound<'_>, Route<'_>)],
        effects: &[super::TurnEffect],
        handled: Option<&str>,
        worker_after: i64,
    ) -> Result<usize, ConversationError> {
        let writes = super::TurnWrites::of_effects(effects.to_vec());
        self.commit_turn(replies, &writes, handled, worker_after)
            .await
    }

    /// Commit a turn in one transaction: queue its replies, store its
    /// `writes` (effects, the seller's state, the policy's records), and
    /// with `handled` mark the inbound message handled. Returns how many
    /// replies were new.
    ///
    /// With `handled`, the mark comes first and is a compare-and-set: when
    /// the message is handled already — another copy of it (a re-published
    /// or redelivered one, in progress at the same time) committed its turn
    /// after this copy checked — nothing of this turn is stored (its seller
    /// may have answered with other messages, under other ids) and it
    /// returns 0. On PostgreSQL the mark's row lock orders two copies.
    ///
    /// On SQLite, turns committed at the same moment share one transaction
    /// (see `turn_commits`); each returns once its own turn is committed.
    pub async fn commit_turn(
        &self,
        replies: &[(NewOutbound<'_>, Route<'_>)],
        writes: &super::TurnWrites,
        handled: Option<&str>,
        worker_after: i64,
    ) -> Result<usize, ConversationError> {
        let ids: Vec<&str> = replies.iter().map(|(m, _)| m.id).collect();
        let only_replies = handled.is_none() && writes.is_empty();
        if only_replies && self.all_stored(&ids).await? {
            return Ok(0);
        }
        let turn = turn_commits::Turn {
            replies: replies.iter().map(|(m, route)| owned(m, route)).collect(),
            writes: writes.clone(),
            handled: handled.map(str::to_string),
            worker_after,
        };
        let new = if self.db.backend == crate::db::Backend::Postgres {
            turn_commits::write(&self.db, std::slice::from_ref(&turn))
                .await?
                .pop()
                .unwrap_or(0)
        } else {
            self.turn_commits
                .write(&self.db, turn)
                .await
                .map_err(sqlx::Error::Protocol)?
        };
        // Stored, unless this was a second copy of a handled message,
        // whose turn stored nothing: with no handled mark every reply is
        // stored (now or before); with one, a new reply means the mark won.
        if handled.is_none() || new > 0 {
            self.stored_here.remember(ids.iter().copied());
        }
        Ok(new)
    }

    /// Whether outbound message `id` is known to be stored without asking
    /// the database: this process committed it (the send stage's shortcut
    /// for the pipeline's own replies; `false` only means "not known").
    pub fn stored_here(&self, id: &str) -> bool {
        self.stored_here.knows(id)
    }

    /// The customer of conversation `conversation_id` and whether message
    /// `message_id` is stored already, in one read (the send stage's check
    /// of an outbound message before it queues and sends it); `None` when
    /// the conversation does not exist.
    pub async fn recipient_and_stored(
        &self,
        conversation_id: &str,
        message_id: &str,
    ) -> Result<Option<(String, bool)>, ConversationError> {
        let row = sqlx::query(
            "SELECT customer_wa_id, (SELECT COUNT(*) FROM messages WHERE id = $2) AS stored
             FROM conversations WHERE id = $1",
        )
        .bind(conversation_id)
        .bind(message_id)
        .fetch_optional(&mut *self.db.read().await?)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let stored: i64 = row.try_get("stored")?;
        Ok(Some((row.try_get("customer_wa_id")?, stored > 0)))
    }

    /// Whether a message with each of `ids` is stored already: then queueing
    /// them again changes nothing (the inserts are `ON CONFLICT DO
    /// NOTHING`), and a read spares the write transaction. Every stage
    /// after the seller's commit re-queues the same messages (the render
    /// stage a response, the send stage each message) so that a message
    /// from any other producer is durable before it is sent: for the
    /// pipeline's own messages that was two write transactions per
    /// message, each taking SQLite's one write lock, for nothing.
    async fn all_stored(&self, ids: &[&str]) -> Result<bool, ConversationError> {
        if self.stored_here.knows_all(ids) {
            return Ok(true);
        }
        let sql = format!(
            "SELECT COUNT(*) AS n FROM messages WHERE id IN ({})",
            crate::db::sql::placeholders(1, ids.len())
        );
        let mut query = sqlx::query(&sql);
        for id in ids {
            query = query.bind(*id);
        }
        let n: i64 = query
            .fetch_one(&mut *self.db.read().await?)
            .await?
            .try_get("n")?;
        // Ids are distinct within a response (numbered by position).
        Ok(usize::try_from(n).is_ok_and(|n| n >= ids.len()))
    }

    /// Claim a queued message for `lease_ms`: `None` when it is not queued,
    /// not due yet, or another sender holds it. `fresh` also claims a
    /// never-attempted message before it is due (the inline sender).
    pub async fn claim_outbound(
        &self,
        id: &str,
        lease_ms: i64,
        fresh: bool,
    ) -> Result<Option<Claimed>, ConversationError> {
        let now = now_ms();
        // The claim and what the send needs, in one statement on the write
        // connection: a claimed row read back on a reader was one more
        // round trip per outbound message.
        let row = sqlx::query(
            "UPDATE whatsapp_outbox SET lease_until = $1, attempts = attempts + 1
             WHERE message_id = $2 AND lease_until <= $3
               AND (next_attempt_at <= $3 OR ($4 = 1 AND attempts = 0))
             RETURNING message_id, conversation_id, phone_number_id, recipient, attempts, created_at,
               (SELECT m.kind FROM messages m WHERE m.id = whatsapp_outbox.message_id) AS kind,
               (SELECT m.payload FROM messages m WHERE m.id = whatsapp_outbox.message_id) AS payload,
               (SELECT c.last_customer_message_at FROM conversations c WHERE c.id = whatsapp_outbox.conversation_id) AS last_customer_message_at,
               (SELECT c.brand FROM conversations c WHERE c.id = whatsapp_outbox.conversation_id) AS brand,
               (SELECT c.language FROM conversations c WHERE c.id = whatsapp_outbox.conversation_id) AS language",
        )
        .bind(now + lease_ms)
        .bind(id)
        .bind(now)
        .bind(i64::from(fresh))
        .fetch_optional(&mut *self.db.writer.acquire().await?)
        .await?;
        let Some(row) = row else { return Ok(None) };
        // A queued message whose stored message is gone (never, short of a
        // hand-edited database) is not sent, as the claim's join left it.
        let (Some(kind), Some(payload)) = (
            row.try_get::<Option<String>, _>("kind")?,
            row.try_get::<Option<String>, _>("payload")?,
        ) else {
            return Ok(None);
        };
        let body = serde_json::from_str(&payload).map_err(|source| ConversationError::Corrupt {
            id: id.to_string(),
            source,
        })?;
        let attempts: i64 = row.try_get("attempts")?;
        Ok(Some(Claimed {
            id: row.try_get("message_id")?,
            conversation_id: row.try_get("conversation_id")?,
            phone_number_id: row.try_get("phone_number_id")?,
            recipient: row.try_get("recipient")?,
            kind,
            body,
            attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
            created_at: row.try_get("created_at")?,
            conversation: ClaimedConversation {
                last_customer_message_at: row.try_get("last_customer_message_at")?,
                brand: row.try_get("brand")?,
                language: row.try_get("language")?,
            },
        }))
    }

    /// The first queued message of a conversation (messages of one
    /// conversation leave in order).
    pub async fn outbox_head(
        &self,
        conversation_id: &str,
    ) -> Result<Option<String>, ConversationError> {
        let row = sqlx::query(
            "SELECT message_id FROM whatsapp_outbox WHERE conversation_id = $1 ORDER BY seq LIMIT 1",
        )
        .bind(conversation_id)
        .fetch_optional(&mut *self.db.read().await?)
        .await?;
        Ok(row.map(|r| r.try_get("message_id")).transpose()?)
    }

    /// The first `limit` queued messages of a conversation, in the order
    /// they leave: a reply of several messages is sent with one read of
    /// its queue instead of one per message.
    pub async fn outbox_queue(
        &self,
        conversation_id: &str,
        limit: u32,
    ) -> Result<Vec<String>, ConversationError> {
        let rows = sqlx::query(
            "SELECT message_id FROM whatsapp_outbox WHERE conversation_id = $1 ORDER BY seq LIMIT $2",
        )
        .bind(conversation_id)
        .bind(i64::from(limit))
        .fetch_all(&mut *self.db.read().await?)
        .await?;
        rows.iter()
            .map(|r| r.try_get("message_id").map_err(Into::into))
            .collect()
    }

    /// The head of each conversation's queue, oldest first, and whether it
    /// can be claimed now.
    pub async fn outbox_heads(&self, limit: u32) -> Result<Vec<Queued>, ConversationError> {
        let now = now_ms();
        let rows = sqlx::query(
            "SELECT message_id, conversation_id, next_attempt_at, lease_until FROM whatsapp_outbox ORDER BY seq LIMIT $1",
        )
        .bind(i64::from(limit))
        .fetch_all(&mut *self.db.read().await?)
        .await?;
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for r in &rows {
            let conversation_id: String = r.try_get("conversation_id")?;
            if !seen.insert(conversation_id.clone()) {
                continue;
            }
            let next: i64 = r.try_get("next_attempt_at")?;
            let lease: i64 = r.try_get("lease_until")?;
            out.push(Queued {
                id: r.try_get("message_id")?,
                conversation_id,
                due: next <= now && lease <= now,
            });
        }
        Ok(out)
    }

    /// Make never-attempted messages due now (start-up: the inline sender
    /// that queued them is gone).
    pub async fn outbox_release_fresh(&self) -> Result<u64, ConversationError> {
        let now = now_ms();
        Ok(sqlx::query(
            "UPDATE whatsapp_outbox SET next_attempt_at = $1
             WHERE attempts = 0 AND lease_until <= $1 AND next_attempt_at > $1",
        )
        .bind(now)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?
        .rows_affected())
    }

    /// How many messages are queued.
    pub async fn outbox_len(&self) -> Result<u64, ConversationError> {
        let n: i64 = sqlx::query("SELECT COUNT(*) AS n FROM whatsapp_outbox")
            .fetch_one(&mut *self.db.read().await?)
            .await?
            .try_get("n")?;
        Ok(n.max(0) as u64)
    }

    /// The Graph API accepted the message: record its wamid and dequeue it.
    /// Statuses that arrived before the answer are applied now.
    pub async fn outbound_sent(&self, id: &str, wamid: &str) -> Result<(), ConversationError> {
        let now = now_ms();
        let early = self
            .sent_marks
            .write(&self.db, (id.to_string(), wamid.to_string()))
            .await
            .map_err(sqlx::Error::Protocol)?;
        // The message is marked sent: a failure from here on only delays a
        // status, which the next one (or the console's view) catches up on.
        let applied = match early {
            Some(early) => self.apply_early_statuses(id, early, now).await,
            None => match self.statuses_of(wamid).await {
                Ok(early) => self.apply_early_statuses(id, early, now).await,
                Err(e) => Err(e),
            },
        };
        if let Err(e) = applied {
            tracing::warn!(message = %id, error = %e, "statuses that came before the send's answer not applied");
        }
        Ok(())
    }

    /// The statuses stored for `wamid`, read after its "sent" mark's
    /// commit (PostgreSQL; SQLite reads them in the mark's transaction):
    /// `apply_status` stores a status before it looks the wamid up, so one
    /// stored before that commit is seen here, and one stored after it
    /// finds the wamid and applies itself.
    async fn statuses_of(
        &self,
        wamid: &str,
    ) -> Result<Vec<sent_marks::EarlyStatus>, ConversationError> {
        let rows = sqlx::query("SELECT status, errors FROM whatsapp_statuses WHERE wamid = $1")
            .bind(wamid)
            .fetch_all(&mut *self.db.read().await?)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("status")?, r.try_get("errors")?)))
            .collect()
    }

    /// Statuses that came before the Graph API's answer. The best of them
    /// is applied as `apply_status` applies one: never backwards (a later,
    /// lower status may have moved the message meanwhile), compare-and-set
    /// on the state read.
    async fn apply_early_statuses(
        &self,
        id: &str,
        early: Vec<sent_marks::EarlyStatus>,
        now: i64,
    ) -> Result<(), ConversationError> {
        let best = early.into_iter().max_by_key(|(s, _)| rank(s));
        let Some((status, errors)) = best.filter(|(s, _)| rank(s) > rank("sent")) else {
            return Ok(());
        };
        let error = (status == "failed").then_some(errors);
        // A state moved between the read and the write is read again.
        for _ in 0..3 {
            let current: Option<String> =
                sqlx::query_scalar("SELECT state FROM messages WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&mut *self.db.read().await?)
                    .await?;
            let Some(current) = current else {
                return Ok(());
            };
            if rank(&current) >= rank(&status) || rank(&current) < 0 {
                return Ok(());
            }
            let moved = sqlx::query("UPDATE messages SET state = $1, error = COALESCE($2, error), updated_at = $3 WHERE id = $4 AND state = $5")
                .bind(&status)
                .bind(&error)
                .bind(now)
                .bind(id)
                .bind(&current)
                .execute(&mut *self.db.writer.acquire().await?)
                .await?
                .rows_affected();
            if moved == 1 {
                return Ok(());
            }
        }
        Ok(())
    }

    /// Make a conversation's never-attempted messages due now: its sender
    /// stopped at a head another sender holds, and the worker sends the
    /// rest in order once that one is gone, without waiting for the grace
    /// left to the inline sender.
    pub async fn outbox_due_now(&self, conversation_id: &str) -> Result<(), ConversationError> {
        let now = now_ms();
        sqlx::query(
            "UPDATE whatsapp_outbox SET next_attempt_at = $1
             WHERE conversation_id = $2 AND attempts = 0 AND next_attempt_at > $1",
        )
        .bind(now)
        .bind(conversation_id)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        Ok(())
    }

    /// Dequeue a message with a final state (`failed`, or `held` for a human
    /// when WhatsApp's 24-hour window is closed) and why.
    pub async fn outbound_finished(
        &self,
        id: &str,
        state: &str,
        error: &str,
    ) -> Result<(), ConversationError> {
        let mut tx = self.db.begin_write().await?;
        sqlx::query(
            "UPDATE messages SET state = $1, error = $2, updated_at = $3 WHERE id = $4 AND state = 'pending'",
        )
        .bind(state)
        .bind(error)
        .bind(now_ms())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM whatsapp_outbox WHERE message_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Extend the lease of a claimed message (its send waits for pacing).
    pub async fn extend_lease(&self, id: &str, until: i64) -> Result<(), ConversationError> {
        sqlx::query("UPDATE whatsapp_outbox SET lease_until = $1 WHERE message_id = $2 AND lease_until < $1")
            .bind(until)
            .bind(id)
            .execute(&mut *self.db.writer.acquire().await?)
            .await?;
        Ok(())
    }

    /// Release a claimed message to be retried at `at` (ms).
    pub async fn outbound_retry_at(
        &self,
        id: &str,
        at: i64,
        error: &str,
    ) -> Result<(), ConversationError> {
        sqlx::query(
            "UPDATE whatsapp_outbox SET next_attempt_at = $1, lease_until = 0, last_error = $2 WHERE message_id = $3",
        )
        .bind(at)
        .bind(error)
        .bind(id)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        Ok(())
    }

    /// When the customer last wrote (ms): the start of WhatsApp's 24-hour
    /// customer-service window.
    pub async fn last_customer_message_at(
        &self,
        conversation_id: &str,
    ) -> Result<Option<i64>, ConversationError> {
        let row = sqlx::query("SELECT last_customer_message_at FROM conversations WHERE id = $1")
            .bind(conversation_id)
            .fetch_optional(&mut *self.db.read().await?)
            .await?;
        Ok(row
            .map(|r| r.try_get::<Option<i64>, _>("last_customer_message_at"))
            .transpose()?
            .flatten())
    }

    /// Record a delivery status once per (wamid, status) and move its
    /// message forward. Statuses may arrive out of order, skip a step, or
    /// come before the Graph API's answer (then [`Self::outbound_sent`]
    /// applies them): a state never moves backwards, and `failed` is final
    /// and keeps Meta's error details.
    pub async fn apply_status(
        &self,
        wamid: &str,
        status: &str,
        recipient_id: &str,
        timestamp: u64,
        errors: &[Value],
    ) -> Result<StatusOutcome, ConversationError> {
        let now = now_ms();
        let errors_json = Value::Array(errors.to_vec()).to_string();
        let inserted = sqlx::query(
            "INSERT INTO whatsapp_statuses (wamid, status, recipient_id, timestamp, errors, received_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (wamid, status) DO NOTHING",
        )
        .bind(wamid)
        .bind(status)
        .bind(recipient_id)
        .bind(i64::try_from(timestamp).unwrap_or(i64::MAX))
        .bind(&errors_json)
        .bind(now)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?
        .rows_affected();
        if inserted != 1 {
            return Ok(StatusOutcome::Duplicate);
        }
        let new_rank = rank(status);
        if new_rank <= 0 {
            return Ok(StatusOutcome::Recorded);
        }
        let row =
            sqlx::query("SELECT id, state FROM messages WHERE wamid = $1 AND direction = 'out'")
                .bind(wamid)
                .fetch_optional(&mut *self.db.read().await?)
                .await?;
        let Some(row) = row else {
            return Ok(StatusOutcome::Recorded);
        };
        let current: String = row.try_get("state")?;
        if rank(&current) >= new_rank || rank(&current) < 0 {
            return Ok(StatusOutcome::Recorded);
        }
        let id: String = row.try_get("id")?;
        let error = (status == "failed").then_some(errors_json);
        // Compare-and-set on the old state so two concurrent statuses cannot
        // move the state backwards.
        let affected = sqlx::query(
            "UPDATE messages SET state = $1, error = COALESCE($2, error), updated_at = $3 WHERE id = $4 AND state = $5",
        )
        .bind(status)
        .bind(error)
        .bind(now)
        .bind(&id)
        .bind(&current)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?
        .rows_affected();
        Ok(if affected == 1 {
            StatusOutcome::Applied { message_id: id }
        } else {
            StatusOutcome::Recorded
        })
    }

    /// Every outbound message of a conversation, oldest first.
    pub async fn outbound_messages(
        &self,
        conversation_id: &str,
    ) -> Result<Vec<OutboundRecord>, ConversationError> {
        let rows = sqlx::query(
            "SELECT id, kind, text, state, wamid, error FROM messages
             WHERE conversation_id = $1 AND direction = 'out' ORDER BY created_at, id",
        )
        .bind(conversation_id)
        .fetch_all(&mut *self.db.read().await?)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(OutboundRecord {
                    id: r.try_get("id")?,
                    kind: r.try_get("kind")?,
                    text: r.try_get("text")?,
                    state: r.try_get("state")?,
                    wamid: r.try_get("wamid")?,
                    error: r.try_get("error")?,
                })
            })
            .collect()
    }

    /// The conversation of an outbound message by its wamid.
    pub async fn conversation_of_wamid(
        &self,
        wamid: &str,
    ) -> Result<Option<String>, ConversationError> {
        let row = sqlx::query(
            "SELECT conversation_id FROM messages WHERE wamid = $1 AND direction = 'out'",
        )
        .bind(wamid)
        .fetch_optional(&mut *self.db.read().await?)
        .await?;
        Ok(row.map(|r| r.try_get("conversation_id")).transpose()?)
    }

    /// An outbound message's state, error and wamid (tests, the console).
    pub async fn outbound(
        &self,
        id: &str,
    ) -> Result<Option<(String, Option<String>, Option<String>)>, ConversationError> {
        let row = sqlx::query(
            "SELECT state, error, wamid FROM messages WHERE id = $1 AND direction = 'out'",
        )
        .bind(id)
        .fetch_optional(&mut *self.db.read().await?)
        .await?;
        row.map(|r| {
            Ok((
                r.try_get("state")?,
                r.try_get("error")?,
                r.try_get("wamid")?,
            ))
        })
        .transpose()
    }
}
