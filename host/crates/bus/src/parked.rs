//! The dead-letter store: events the bus parked, kept in the database (so
//! they survive restarts and are seen by every host), listed at
//! `GET /admin/events/parked`.

use async_trait::async_trait;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use cloudevents::AttributesReader;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sqlx::Row;

use super::delivery::{DeadLetters, ParkedEvent};
use agent_store_db::{Db, now_ms};
use agent_store_web::ApiError;

/// Most rows one listing returns.
pub const LIST_MAX: i64 = 1000;

/// Parked events in the database.
#[derive(Debug, Clone)]
pub struct ParkedEvents {
    db: Db,
}

/// One parked event, as the admin API shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParkedRow {
    pub id: String,
    pub group: String,
    pub event_id: String,
    pub r#type: String,
    pub source: String,
    pub subject: Option<String>,
    pub permanent: bool,
    pub attempts: i64,
    pub error: String,
    pub parked_at: i64,
    /// The CloudEvent (structured JSON).
    pub event: Value,
}

/// A filter of the listing (`?group=&type=&limit=`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ParkedFilter {
    pub group: Option<String>,
    pub r#type: Option<String>,
    pub limit: Option<i64>,
}

impl ParkedEvents {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// The newest parked events matching `filter`, and how many match.
    pub async fn list(&self, filter: &ParkedFilter) -> Result<(i64, Vec<ParkedRow>), sqlx::Error> {
        let group = filter.group.clone().unwrap_or_default();
        let ty = filter.r#type.clone().unwrap_or_default();
        let limit = filter.limit.unwrap_or(100).clamp(1, LIST_MAX);
        const WHERE: &str =
            "WHERE ($1 = '' OR consumer_group = $1) AND ($2 = '' OR event_type = $2)";
        let total: i64 = sqlx::query(&format!("SELECT COUNT(*) AS n FROM parked_events {WHERE}"))
            .bind(&group)
            .bind(&ty)
            .fetch_one(&self.db.pool)
            .await?
            .try_get("n")?;
        let rows = sqlx::query(&format!(
            "SELECT id, consumer_group, event_id, event_type, source, subject, permanent, attempts, error, event, parked_at
             FROM parked_events {WHERE} ORDER BY parked_at DESC, id DESC LIMIT $3"
        ))
        .bind(&group)
        .bind(&ty)
        .bind(limit)
        .fetch_all(&self.db.pool)
        .await?;
        let rows = rows
            .iter()
            .map(|r| -> Result<ParkedRow, sqlx::Error> {
                let event: String = r.try_get("event")?;
                Ok(ParkedRow {
                    id: r.try_get("id")?,
                    group: r.try_get("consumer_group")?,
                    event_id: r.try_get("event_id")?,
                    r#type: r.try_get("event_type")?,
                    source: r.try_get("source")?,
                    subject: r.try_get("subject")?,
                    permanent: r.try_get::<i64, _>("permanent")? != 0,
                    attempts: r.try_get("attempts")?,
                    error: r.try_get("error")?,
                    parked_at: r.try_get("parked_at")?,
                    // Written by `park` from a real event: always JSON; a
                    // hand-edited row shows as its text.
                    event: serde_json::from_str(&event).unwrap_or(Value::String(event)),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok((total, rows))
    }
}

#[async_trait]
impl DeadLetters for ParkedEvents {
    async fn park(&self, p: &ParkedEvent<'_>) -> anyhow::Result<()> {
        let e = p.event;
        sqlx::query(
            "INSERT INTO parked_events (id, consumer_group, event_id, event_type, source, subject, permanent, attempts, error, event, parked_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
             ON CONFLICT (consumer_group, event_id) DO UPDATE SET
               permanent = excluded.permanent, attempts = excluded.attempts,
               error = excluded.error, event = excluded.event, parked_at = excluded.parked_at",
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(p.group)
        .bind(e.id())
        .bind(e.ty())
        .bind(e.source().to_string())
        .bind(e.subject().map(str::to_string))
        .bind(i64::from(p.permanent))
        .bind(i64::from(p.attempts))
        .bind(&p.error)
        .bind(serde_json::to_string(e)?)
        .bind(now_ms())
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        Ok(())
    }
}

/// `GET /admin/events/parked?group=&type=&limit=`: newest first.
pub async fn list(
    State(parked): State<ParkedEvents>,
    Query(filter): Query<ParkedFilter>,
) -> Response {
    match parked.list(&filter).await {
        Ok((total, events)) => Json(json!({ "total": total, "events": events })).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "cannot list parked events");
            ApiError::internal(format!("cannot list parked events: {e}")).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use agent_store_events::{self as events, Context, PluginFailed};

    async fn round_trip(db: Db) {
        let store = ParkedEvents::new(db);
        let p = PluginFailed {
            plugin: "p".into(),
            version: "1".into(),
            reason: "r".into(),
            conversation_id: None,
        };
        let ctx = Context {
            source: "/test",
            subject: Some("c1"),
            ..Default::default()
        };
        let event = events::build(&ctx, &p).expect("event");
        let parked = ParkedEvent {
            group: "g",
            event: &event,
            error: "first".into(),
            permanent: true,
            attempts: 1,
        };
        store.park(&parked).await.expect("parks");
        // A redelivery of the same event updates its row.
        let again = ParkedEvent {
            error: "second".into(),
            ..parked
        };
        store.park(&again).await.expect("parks again");
        let (total, rows) = store.list(&ParkedFilter::default()).await.expect("lists");
        assert_eq!(total, 1);
        assert_eq!(rows[0].event_id, event.id());
        assert_eq!(rows[0].error, "second");
        assert_eq!(rows[0].subject.as_deref(), Some("c1"));
        assert!(rows[0].permanent);
        assert_eq!(rows[0].event["data"]["plugin"], "p");
        let other = ParkedFilter {
            group: Some("other".into()),
            ..Default::default()
        };
        assert_eq!(store.list(&other).await.expect("lists").0, 0);
    }

    #[tokio::test]
    async fn parks_and_lists_on_sqlite() {
        let (db, _dir) = agent_store_db::testing::sqlite().await.expect("sqlite");
        round_trip(db).await;
    }

    #[tokio::test]
    async fn parks_and_lists_on_postgres() {
        let db = agent_store_db::testing::postgres().await.expect("postgres");
        round_trip(db).await;
    }
}
