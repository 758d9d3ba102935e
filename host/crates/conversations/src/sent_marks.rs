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

use std::collections::HashMap;

use sqlx::Row as _;

use super::group::Batch;
use crate::db::{Backend, Db};

/// "Sent" marks: `(message id, wamid)`.
pub(crate) struct SentMarks;

/// A status Meta sent before its message's "sent" mark was stored:
/// `(status, errors as JSON)`.
pub(crate) type EarlyStatus = (String, String);

impl Batch for SentMarks {
    type Item = (String, String);
    /// On SQLite, the statuses stored for the mark's wamid before its
    /// commit, read in its transaction; on PostgreSQL `None`: read them
    /// after the commit ([`super::Conversations::outbound_sent`] says why).
    type Out = Option<Vec<EarlyStatus>>;
    /// Each binds 2 parameters: far under either backend's bound.
    const MAX: usize = 256;
    /// Meta accepted the message: unmarked, the outbox would send it again.
    const SKIP_ABANDONED: bool = false;

    async fn write(
        db: &Db,
        marks: &[(String, String)],
    ) -> Vec<Result<Option<Vec<EarlyStatus>>, String>> {
        match write(db, marks).await {
            Ok(Some(early)) => marks
                .iter()
                .map(|(_, wamid)| Ok(Some(early.get(wamid).cloned().unwrap_or_default())))
                .collect(),
            Ok(None) => vec![Ok(None); marks.len()],
            Err(e) => vec![Err(e.to_string()); marks.len()],
        }
    }
}

/// One transaction: every mark's message marked sent (if still pending)
/// and taken off the outbox; on SQLite also the statuses already stored
/// for the marks' wamids, by wamid.
async fn write(
    db: &Db,
    marks: &[(String, String)],
) -> Result<Option<HashMap<String, Vec<EarlyStatus>>>, sqlx::Error> {
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
    // On SQLite a status is stored on this same write connection, so it
    // was stored either before this transaction (read here) or after its
    // commit (and then its own lookup finds the wamid): read here, it
    // costs no round trip of its own. PostgreSQL's statuses commit beside
    // this transaction, so they are read after it.
    let early = match db.backend {
        // A failed read must not roll back marks of messages Meta accepted:
        // `None` has the statuses read after the commit, as on PostgreSQL.
        Backend::Sqlite => early_statuses(&mut tx, marks)
            .await
            .inspect_err(
                |e| tracing::warn!(error = %e, "early statuses not read with the sent marks"),
            )
            .ok(),
        Backend::Postgres => None,
    };
    tx.commit().await?;
    Ok(early)
}

/// The statuses stored for the marks' wamids, by wamid.
async fn early_statuses(
    tx: &mut crate::db::WriteTx,
    marks: &[(String, String)],
) -> Result<HashMap<String, Vec<EarlyStatus>>, sqlx::Error> {
    let sql = format!(
        "SELECT wamid, status, errors FROM whatsapp_statuses WHERE wamid IN ({})",
        crate::db::sql::placeholders(1, marks.len())
    );
    let mut query = sqlx::query(&sql);
    for (_, wamid) in marks {
        query = query.bind(wamid);
    }
    let mut by_wamid: HashMap<String, Vec<EarlyStatus>> = HashMap::new();
    for row in query.fetch_all(&mut **tx).await? {
        by_wamid
            .entry(row.try_get("wamid")?)
            .or_default()
            .push((row.try_get("status")?, row.try_get("errors")?));
    }
    Ok(by_wamid)
}
