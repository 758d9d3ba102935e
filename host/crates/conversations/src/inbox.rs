//! Storing a webhook delivery: every inbound message of it in one
//! transaction, with multi-row statements, so even a 10,000-message
//! delivery is stored (and acknowledged to Meta) in well under a second.

use std::collections::{HashMap, HashSet};

use sqlx::Row;

use super::{Accepted, ConversationError, Conversations, customer_wrote_at};
use crate::chat::Inbound;
use crate::db::now_ms;
use crate::db::sql::values;

/// Rows per multi-row statement: far below SQLite's 32,766 and
/// PostgreSQL's 65,535 bound parameters.
const CHUNK: usize = 500;

/// One customer's conversation row of the batch.
struct Customer<'a> {
    phone_number_id: &'a str,
    wa_id: &'a str,
    name: Option<&'a str>,
    wrote_at: i64,
}

impl Conversations {
    /// Store every inbound message of a delivery durably, creating their
    /// conversations when needed, in one transaction: all or nothing. One
    /// entry per input, `None` for a wamid stored before (a Meta retry) or
    /// repeated within the delivery.
    pub async fn accept_inbound_batch(
        &self,
        inbound: &[Inbound],
    ) -> Result<Vec<Option<Accepted>>, ConversationError> {
        if inbound.is_empty() {
            return Ok(Vec::new());
        }
        let now = now_ms();
        let payloads = inbound
            .iter()
            .map(|m| {
                serde_json::to_string(m).map_err(|source| ConversationError::Corrupt {
                    id: m.message.id.clone(),
                    source,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut tx = self.db.begin_write().await?;
        let conversations = upsert_conversations(&mut tx, inbound, now).await?;
        let inserted = insert_messages(&mut tx, inbound, &payloads, &conversations, now).await?;
        tx.commit().await?;
        let mut first = HashSet::new();
        Ok(inbound
            .iter()
            .map(|m| {
                let id = m.message.id.as_str();
                (inserted.contains(id) && first.insert(id)).then(|| Accepted {
                    conversation_id: conversations
                        [&(m.phone_number_id.as_str(), m.customer.wa_id.as_str())]
                        .clone(),
                })
            })
            .collect())
    }
}

type Conversation<'a> = (&'a str, &'a str);

/// Create or touch the conversation of every customer of the batch; their
/// ids by (business number, customer).
async fn upsert_conversations<'a>(
    tx: &mut agent_store_db::WriteTx,
    inbound: &'a [Inbound],
    now: i64,
) -> Result<HashMap<Conversation<'a>, String>, ConversationError> {
    // One row per customer (PostgreSQL refuses to update a row twice in one
    // statement): the latest name and the latest time they wrote.
    let mut customers: Vec<Customer<'a>> = Vec::new();
    let mut index: HashMap<Conversation<'a>, usize> = HashMap::new();
    for m in inbound {
        let key = (m.phone_number_id.as_str(), m.customer.wa_id.as_str());
        let wrote_at = customer_wrote_at(m.message.timestamp, now);
        let name = m.customer.name.as_deref();
        match index.get(&key) {
            Some(&i) => {
                let c = &mut customers[i];
                c.wrote_at = c.wrote_at.max(wrote_at);
                c.name = name.or(c.name);
            }
            None => {
                index.insert(key, customers.len());
                customers.push(Customer {
                    phone_number_id: key.0,
                    wa_id: key.1,
                    name,
                    wrote_at,
                });
            }
        }
    }
    let mut ids = HashMap::with_capacity(customers.len());
    for chunk in customers.chunks(CHUNK) {
        let sql = format!(
            "INSERT INTO conversations (id, phone_number_id, customer_wa_id, customer_name, status, language, created_at, updated_at, last_customer_message_at)
             VALUES {}
             ON CONFLICT (phone_number_id, customer_wa_id) DO UPDATE
             SET customer_name = COALESCE(excluded.customer_name, conversations.customer_name),
                 updated_at = excluded.updated_at,
                 last_customer_message_at = CASE
                     WHEN conversations.last_customer_message_at IS NULL
                       OR conversations.last_customer_message_at < excluded.last_customer_message_at
                     THEN excluded.last_customer_message_at
                     ELSE conversations.last_customer_message_at END
             RETURNING id, phone_number_id, customer_wa_id",
            values(chunk.len(), 6, |p| {
                format!(
                    "({}, {}, {}, {}, 'open', '', {}, {}, {})",
                    p[0], p[1], p[2], p[3], p[4], p[4], p[5]
                )
            })
        );
        let mut q = sqlx::query(&sql);
        for c in chunk {
            q = q
                .bind(uuid::Uuid::now_v7().to_string())
                .bind(c.phone_number_id)
                .bind(c.wa_id)
                .bind(c.name.map(str::to_string))
                .bind(now)
                .bind(c.wrote_at);
        }
        for row in q.fetch_all(&mut **tx).await? {
            let phone: String = row.try_get("phone_number_id")?;
            let wa_id: String = row.try_get("customer_wa_id")?;
            let id: String = row.try_get("id")?;
            if let Some(&i) = index.get(&(phone.as_str(), wa_id.as_str())) {
                let c = &customers[i];
                ids.insert((c.phone_number_id, c.wa_id), id);
            }
        }
    }
    if let Some(c) = customers
        .iter()
        .find(|c| !ids.contains_key(&(c.phone_number_id, c.wa_id)))
    {
        return Err(ConversationError::NotFound(format!(
            "conversation of {} on {}",
            c.wa_id, c.phone_number_id
        )));
    }
    Ok(ids)
}

/// Insert the messages not stored before; the ids actually inserted.
async fn insert_messages(
    tx: &mut agent_store_db::WriteTx,
    inbound: &[Inbound],
    payloads: &[String],
    conversations: &HashMap<Conversation<'_>, String>,
    now: i64,
) -> Result<HashSet<String>, ConversationError> {
    // A wamid repeated within the delivery is stored once.
    let mut seen = HashSet::new();
    let rows: Vec<(&Inbound, &String)> = inbound
        .iter()
        .zip(payloads)
        .filter(|(m, _)| seen.insert(m.message.id.as_str()))
        .collect();
    let mut inserted = HashSet::with_capacity(rows.len());
    for chunk in rows.chunks(CHUNK) {
        let sql = format!(
            "INSERT INTO messages (id, conversation_id, direction, speaker, kind, text, payload, state, created_at, updated_at)
             VALUES {}
             ON CONFLICT (id) DO NOTHING
             RETURNING id",
            values(chunk.len(), 6, |p| format!(
                "({}, {}, 'in', 'customer', {}, {}, {}, 'received', {}, {})",
                p[0], p[1], p[2], p[3], p[4], p[5], p[5]
            ))
        );
        let mut q = sqlx::query(&sql);
        for (m, payload) in chunk {
            let conversation_id =
                &conversations[&(m.phone_number_id.as_str(), m.customer.wa_id.as_str())];
            q = q
                .bind(m.message.id.clone())
                .bind(conversation_id.clone())
                .bind(m.message.content.kind())
                .bind(m.message.content.text())
                .bind((*payload).clone())
                .bind(now);
        }
        for row in q.fetch_all(&mut **tx).await? {
            inserted.insert(row.try_get::<String, _>("id")?);
        }
    }
    Ok(inserted)
}
