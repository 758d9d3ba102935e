//! A customer's conversation follows them when WhatsApp reports that they
//! changed their phone number or their business-scoped user id.

use sqlx::Row;

use super::{ConversationError, Conversations};
use crate::db::now_ms;

/// What a move did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Moved {
    /// The conversation (this id) is now under the new customer id.
    Moved(String),
    /// Nothing is stored under the old id (a new customer, or a retried
    /// notice already applied).
    NoConversation,
    /// The customer already talks to the store from the new id (they wrote
    /// before the notice arrived): both conversations are left as they are.
    TargetExists(String),
}

impl Conversations {
    /// Re-key the conversation of `from` with business number
    /// `phone_number_id` to `to`. Only the key moves: the 24-hour window
    /// (`last_customer_message_at`), brand, language, cart and orders stay
    /// with the conversation.
    pub async fn move_customer(
        &self,
        phone_number_id: &str,
        from: &str,
        to: &str,
    ) -> Result<Moved, ConversationError> {
        let moved = sqlx::query(
            "UPDATE conversations SET customer_wa_id = $1, updated_at = $2
             WHERE phone_number_id = $3 AND customer_wa_id = $4
               AND NOT EXISTS (SELECT 1 FROM conversations c2 WHERE c2.phone_number_id = $3 AND c2.customer_wa_id = $1)
             RETURNING id",
        )
        .bind(to)
        .bind(now_ms())
        .bind(phone_number_id)
        .bind(from)
        .fetch_optional(&mut *self.db.writer.acquire().await?)
        .await?;
        if let Some(row) = moved {
            return Ok(Moved::Moved(row.try_get("id")?));
        }
        let existing = sqlx::query(
            "SELECT id FROM conversations WHERE phone_number_id = $1 AND customer_wa_id = $2",
        )
        .bind(phone_number_id)
        .bind(to)
        .fetch_optional(&self.db.pool)
        .await?;
        Ok(match existing {
            Some(row) => Moved::TargetExists(row.try_get("id")?),
            None => Moved::NoConversation,
        })
    }
}
