//! "Sent" marks stored many to a transaction ([`super::group`]).
//!
//! Each message Meta accepts is marked sent and taken off the outbox in one
//! transaction. One transaction per message made these the largest share
//! of the time SQLite's one write connection was held (measured at 1,000
//! customers: 2 a reply, ~0.5 ms each, a third of all the time it was
//! held). Marks that arrive while a batch waits for the connection or is
//! written go into the next one; each caller still returns only once its
//! own mark is committed, so what it does next (the conversation's next
//! message) follows a durable mark, as before.

use super::group::Batch;
use crate::db::Db;

/// "Sent" marks: `(message id, wamid)`.
pub(crate) struct SentMarks;

impl Batch for SentMarks {
    type Item = (String, String);
    type Out = ();
    /// Each binds 2 parameters: far under either backend's bound.
    const MAX: usize = 256;
    /// Meta accepted the message: unmarked, the outbox would send it again.
    const SKIP_ABANDONED: bool = false;

    async fn write(db: &Db, marks: &[(String, String)]) -> Vec<Result<(), String>> {
        let outcome = write(db, marks).await.map_err(|e| e.to_string());
        vec![outcome; marks.len()]
    }
}

/// One transaction: every mark's message marked sent (if still pending)
/// and taken off the outbox.
async fn write(db: &Db, marks: &[(String, String)]) -> Result<(), sqlx::Error> {
    let now = crate::db::now_ms();
    let ids: Vec<String> = (0..marks.len())
        .map(|i| format!("${}", 2 * i + 1))
        .collect();
    let cases: String = (0..marks.len())
        .map(|i| format!(" WHEN ${} THEN ${}", 2 * i + 1, 2 * i + 2))
        .collect();
    let update = format!(
        "UPDATE messages SET state = 'sent', wamid = CASE id{cases} END, updated_at = ${} WHERE state = 'pending' AND id IN ({})",
        2 * marks.len() + 1,
        ids.join(", ")
    );
    let mut query = sqlx::query(&update);
    for (id, wamid) in marks {
        query = query.bind(id).bind(wamid);
    }
    let dequeue = format!(
        "DELETE FROM whatsapp_outbox WHERE message_id IN ({})",
        crate::db::sql::placeholders(1, marks.len())
    );
    let mut delete = sqlx::query(&dequeue);
    for (id, _) in marks {
        delete = delete.bind(id);
    }
    let mut tx = db.begin_write().await?;
    query.bind(now).execute(&mut *tx).await?;
    delete.execute(&mut *tx).await?;
    tx.commit().await
}
