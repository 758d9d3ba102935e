//! The escalation queue, in SQL.

use serde::Serialize;
use sqlx::Row;

use super::SalesError;
use crate::chat::{EscalationReason, Priority};
use crate::db::{Db, now_ms};
use crate::money::Money;

/// One escalation as the console shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Escalation {
    pub id: String,
    pub conversation_id: String,
    pub brand: Option<String>,
    pub customer_wa_id: String,
    pub customer_name: Option<String>,
    pub reason: String,
    pub priority: String,
    /// The seller's own note.
    pub note: String,
    /// The host's summary of the conversation.
    pub summary: String,
    pub cart_value_minor: i64,
    pub cart_currency: String,
    /// e.g. "1299.00 USD".
    pub cart_value: String,
    /// pending | accepted | resolved | handed_back
    pub status: String,
    pub agent: Option<String>,
    /// Unix milliseconds.
    pub created_at: i64,
    pub accepted_at: Option<i64>,
    pub first_response_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub notifications: i64,
}

impl Escalation {
    pub fn is_open(&self) -> bool {
        self.status == "pending" || self.status == "accepted"
    }
}

/// What the bus consumer queues.
#[derive(Debug, Clone)]
pub struct NewEscalation<'a> {
    pub id: &'a str,
    pub conversation_id: &'a str,
    pub brand: Option<&'a str>,
    pub customer_wa_id: &'a str,
    pub customer_name: Option<&'a str>,
    pub reason: EscalationReason,
    pub priority: Priority,
    pub note: &'a str,
    pub summary: &'a str,
    pub cart_value: &'a Money,
}

pub fn reason_str(r: EscalationReason) -> String {
    serde_json::to_value(r)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "other".into())
}

pub fn priority_str(p: Priority) -> &'static str {
    match p {
        Priority::Low => "low",
        Priority::Medium => "medium",
        Priority::High => "high",
        Priority::Urgent => "urgent",
    }
}

fn rank(p: Priority) -> i64 {
    match p {
        Priority::Low => 0,
        Priority::Medium => 1,
        Priority::High => 2,
        Priority::Urgent => 3,
    }
}

const COLUMNS: &str = "id, conversation_id, brand, customer_wa_id, customer_name, reason, priority, note, summary, cart_value_minor, cart_currency, status, agent, created_at, accepted_at, first_response_at, closed_at, notifications";

fn from_row(r: &sqlx::any::AnyRow) -> Result<Escalation, sqlx::Error> {
    let minor: i64 = r.try_get("cart_value_minor")?;
    let currency: String = r.try_get("cart_currency")?;
    Ok(Escalation {
        id: r.try_get("id")?,
        conversation_id: r.try_get("conversation_id")?,
        brand: r.try_get("brand")?,
        customer_wa_id: r.try_get("customer_wa_id")?,
        customer_name: r.try_get("customer_name")?,
        reason: r.try_get("reason")?,
        priority: r.try_get("priority")?,
        note: r.try_get("note")?,
        summary: r.try_get("summary")?,
        cart_value: Money::new(minor, currency.clone()).to_string(),
        cart_value_minor: minor,
        cart_currency: currency,
        status: r.try_get("status")?,
        agent: r.try_get("agent")?,
        created_at: r.try_get("created_at")?,
        accepted_at: r.try_get("accepted_at")?,
        first_response_at: r.try_get("first_response_at")?,
        closed_at: r.try_get("closed_at")?,
        notifications: r.try_get("notifications")?,
    })
}

/// The escalation store.
#[derive(Debug, Clone)]
pub struct Escalations {
    db: Db,
}

impl Escalations {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Queue `new`, or fold it into the conversation's open escalation
    /// (raising its priority). Returns the escalation to announce, `None`
    /// when this event was already handled.
    pub async fn open(&self, new: &NewEscalation<'_>) -> Result<Option<Escalation>, SalesError> {
        if self.get(new.id).await?.is_some() {
            return Ok(None);
        }
        let now = now_ms();
        if let Some(current) = self.open_for(new.conversation_id).await? {
            sqlx::query(
                "UPDATE sales_escalations SET priority = $1, priority_rank = $2, note = $3
                 WHERE id = $4 AND priority_rank < $2",
            )
            .bind(priority_str(new.priority))
            .bind(rank(new.priority))
            .bind(format!("{}\n{}", current.note, new.note))
            .bind(&current.id)
            .execute(&mut *self.db.writer.acquire().await?)
            .await?;
            return self.get(&current.id).await;
        }
        let inserted = sqlx::query(
            "INSERT INTO sales_escalations (id, conversation_id, brand, customer_wa_id, customer_name, reason, priority, priority_rank, note, summary, cart_value_minor, cart_currency, status, created_at, notified_at, notifications)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'pending', $13, $13, 1)
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(new.id)
        .bind(new.conversation_id)
        .bind(new.brand.map(str::to_string))
        .bind(new.customer_wa_id)
        .bind(new.customer_name.map(str::to_string))
        .bind(reason_str(new.reason))
        .bind(priority_str(new.priority))
        .bind(rank(new.priority))
        .bind(new.note)
        .bind(new.summary)
        .bind(new.cart_value.minor_units)
        .bind(&new.cart_value.currency)
        .bind(now)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        if inserted.rows_affected() == 1 {
            crate::telemetry::metrics::escalated(&reason_str(new.reason));
        }
        self.get(new.id).await
    }

    pub async fn get(&self, id: &str) -> Result<Option<Escalation>, SalesError> {
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM sales_escalations WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.db.pool)
        .await?;
        Ok(row.as_ref().map(from_row).transpose()?)
    }

    /// The conversation's pending or accepted escalation.
    pub async fn open_for(&self, conversation_id: &str) -> Result<Option<Escalation>, SalesError> {
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM sales_escalations
             WHERE conversation_id = $1 AND status IN ('pending', 'accepted')
             ORDER BY created_at DESC LIMIT 1"
        ))
        .bind(conversation_id)
        .fetch_optional(&self.db.pool)
        .await?;
        Ok(row.as_ref().map(from_row).transpose()?)
    }

    /// The conversation's latest escalation, open or not.
    pub async fn latest_for(
        &self,
        conversation_id: &str,
    ) -> Result<Option<Escalation>, SalesError> {
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM sales_escalations WHERE conversation_id = $1
             ORDER BY created_at DESC LIMIT 1"
        ))
        .bind(conversation_id)
        .fetch_optional(&self.db.pool)
        .await?;
        Ok(row.as_ref().map(from_row).transpose()?)
    }

    /// Open escalations (most urgent, then oldest first), or with
    /// `include_closed` the latest of every state too.
    pub async fn list(
        &self,
        include_closed: bool,
        limit: u32,
    ) -> Result<Vec<Escalation>, SalesError> {
        let sql = if include_closed {
            format!("SELECT {COLUMNS} FROM sales_escalations ORDER BY created_at DESC LIMIT $1")
        } else {
            format!(
                "SELECT {COLUMNS} FROM sales_escalations WHERE status IN ('pending', 'accepted')
                 ORDER BY priority_rank DESC, created_at ASC LIMIT $1"
            )
        };
        let rows = sqlx::query(&sql)
            .bind(i64::from(limit))
            .fetch_all(&self.db.pool)
            .await?;
        Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
    }

    /// pending → accepted by `agent`. `false` when it was not pending.
    pub async fn accept(&self, id: &str, agent: &str) -> Result<bool, SalesError> {
        let n = sqlx::query(
            "UPDATE sales_escalations SET status = 'accepted', agent = $1, accepted_at = $2
             WHERE id = $3 AND status = 'pending'",
        )
        .bind(agent)
        .bind(now_ms())
        .bind(id)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?
        .rows_affected();
        if n == 1
            && let Some(e) = self.get(id).await?
        {
            let waited = e.accepted_at.unwrap_or(e.created_at) - e.created_at;
            let waited = std::time::Duration::from_millis(u64::try_from(waited).unwrap_or(0));
            crate::telemetry::metrics::taken_over(&e.reason, waited);
        }
        Ok(n == 1)
    }

    /// pending/accepted → `outcome` (resolved | handed_back). `false` when
    /// it was closed already.
    pub async fn close(&self, id: &str, agent: &str, outcome: &str) -> Result<bool, SalesError> {
        let n = sqlx::query(
            "UPDATE sales_escalations SET status = $1, agent = COALESCE(agent, $2), closed_at = $3
             WHERE id = $4 AND status IN ('pending', 'accepted')",
        )
        .bind(outcome)
        .bind(agent)
        .bind(now_ms())
        .bind(id)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?
        .rows_affected();
        Ok(n == 1)
    }

    /// Record the rep's first message to the customer (once).
    pub async fn responded(&self, id: &str) -> Result<(), SalesError> {
        sqlx::query(
            "UPDATE sales_escalations SET first_response_at = $1 WHERE id = $2 AND first_response_at IS NULL",
        )
        .bind(now_ms())
        .bind(id)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        Ok(())
    }

    /// Pending urgent escalations last announced before `before_ms`; each
    /// is marked announced now (compare-and-set, so two hosts sharing the
    /// database announce it once).
    pub async fn renotify_due(&self, before_ms: i64) -> Result<Vec<Escalation>, SalesError> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS}, notified_at FROM sales_escalations
             WHERE status = 'pending' AND priority = 'urgent' AND notified_at < $1
             ORDER BY created_at LIMIT 100"
        ))
        .bind(before_ms)
        .fetch_all(&self.db.pool)
        .await?;
        let now = now_ms();
        let mut due = Vec::new();
        for r in &rows {
            let notified_at: i64 = r.try_get("notified_at")?;
            let mut e = from_row(r)?;
            let n = sqlx::query(
                "UPDATE sales_escalations SET notified_at = $1, notifications = notifications + 1
                 WHERE id = $2 AND notified_at = $3 AND status = 'pending'",
            )
            .bind(now)
            .bind(&e.id)
            .bind(notified_at)
            .execute(&mut *self.db.writer.acquire().await?)
            .await?
            .rows_affected();
            if n == 1 {
                e.notifications += 1;
                due.push(e);
            }
        }
        Ok(due)
    }
}
