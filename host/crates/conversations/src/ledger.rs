//! The brand policy's bookkeeping of a seller turn, written in the turn's
//! commit: the decision on each of its intents (`plugin_intents`) and the
//! budget meters it used (`budget_usage`).
//!
//! Why in the commit: each was a write of its own before it, one more wait
//! for SQLite's one writer (~1.7 per customer message, measured under
//! load); and a turn retried after a storage failure, or the second copy of
//! a message whose first copy won, spent the message budget again. In the
//! commit, a turn that is dropped or fails records and spends nothing. (A
//! turn that hands the message to another seller has no handled mark to
//! win: a retried one counts its messages again, as before.)

use std::collections::BTreeMap;

use super::ConversationError;
use crate::db::sql::values;

/// The policy's decision on one intent of a turn.
#[derive(Debug, Clone, PartialEq)]
pub struct IntentRecord {
    /// Derived from the inbound message: a replayed turn stores it once.
    pub id: String,
    /// When it was decided (ms).
    pub at: i64,
    pub plugin: String,
    pub version: String,
    pub digest: String,
    pub brand: String,
    pub conversation_id: String,
    pub message_id: String,
    /// The intent's kind (`cart`, `order`, `message`, …).
    pub intent: String,
    /// The intent, JSON.
    pub detail: String,
    pub approved: bool,
    pub reason: String,
}

/// Use of one budget meter, added to the day's count with the turn.
#[derive(Debug, Clone, PartialEq)]
pub struct MeterUse {
    pub brand: String,
    /// `YYYY-MM-DD`, UTC.
    pub day: String,
    pub meter: String,
    /// Whose use (a conversation, or `""` for the brand as a whole).
    pub subject: String,
    pub amount: u64,
}

/// Rows per multi-row statement: 12 parameters each, far under either
/// backend's bound.
const ROWS_PER_STATEMENT: usize = 256;

/// Store `records` (a record stored before is left as it is) and add
/// `uses` to their meters, within `tx`.
pub(super) async fn write_in(
    tx: &mut agent_store_db::WriteTx,
    records: &[&IntentRecord],
    uses: &[&MeterUse],
) -> Result<(), ConversationError> {
    for chunk in records.chunks(ROWS_PER_STATEMENT) {
        insert_records(tx, chunk).await?;
    }
    let summed = summed(uses);
    for chunk in summed.chunks(ROWS_PER_STATEMENT) {
        add_uses(tx, chunk).await?;
    }
    Ok(())
}

async fn insert_records(
    tx: &mut agent_store_db::WriteTx,
    rows: &[&IntentRecord],
) -> Result<(), ConversationError> {
    let sql = format!(
        "INSERT INTO plugin_intents (id, at, plugin, version, digest, brand, conversation_id, \
         message_id, intent, detail, approved, reason) VALUES {} ON CONFLICT (id) DO NOTHING",
        values(rows.len(), 12, |p| format!("({})", p.join(", ")))
    );
    let mut query = sqlx::query(&sql);
    for r in rows {
        query = query
            .bind(&r.id)
            .bind(r.at)
            .bind(&r.plugin)
            .bind(&r.version)
            .bind(&r.digest)
            .bind(&r.brand)
            .bind(&r.conversation_id)
            .bind(&r.message_id)
            .bind(&r.intent)
            .bind(&r.detail)
            .bind(i64::from(r.approved))
            .bind(&r.reason);
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

type MeterKey<'a> = (&'a str, &'a str, &'a str, &'a str);

/// One row per meter: PostgreSQL refuses an upsert that touches a row
/// twice, and two turns of a batch may well use the same meter.
fn summed<'a>(uses: &[&'a MeterUse]) -> Vec<(MeterKey<'a>, i64)> {
    let mut sums: BTreeMap<MeterKey<'a>, i64> = BTreeMap::new();
    for u in uses {
        let key = (
            u.brand.as_str(),
            u.day.as_str(),
            u.meter.as_str(),
            u.subject.as_str(),
        );
        let amount = i64::try_from(u.amount).unwrap_or(i64::MAX);
        let sum = sums.entry(key).or_default();
        *sum = sum.saturating_add(amount);
    }
    sums.into_iter().collect()
}

async fn add_uses(
    tx: &mut agent_store_db::WriteTx,
    rows: &[(MeterKey<'_>, i64)],
) -> Result<(), ConversationError> {
    let sql = format!(
        "INSERT INTO budget_usage (brand, day, meter, subject, used) VALUES {} \
         ON CONFLICT (brand, day, meter, subject) DO UPDATE SET used = budget_usage.used + excluded.used",
        values(rows.len(), 5, |p| format!("({})", p.join(", ")))
    );
    let mut query = sqlx::query(&sql);
    for ((brand, day, meter, subject), amount) in rows {
        query = query
            .bind(*brand)
            .bind(*day)
            .bind(*meter)
            .bind(*subject)
            .bind(*amount);
    }
    query.execute(&mut **tx).await?;
    Ok(())
}
