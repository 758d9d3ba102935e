//! Customer satisfaction: one quick question after a human resolved an
//! escalation or an order was delivered, answered with one tap (1–5).
//!
//! ```text
//! store.sales.escalation.resolved (resolved) ─┐
//! store.order.delivered ──────────────────────┴─[satisfaction]→ store.chat.response (a list, 1–5)
//! store.whatsapp.message.received (list reply "csat:…") ─[satisfaction]→ stored, metric, "thank you"
//! ```
//!
//! - At most one question per conversation per [`QUIET`], and only while
//!   WhatsApp's 24-hour window is open (a free-form message outside it
//!   would be held and escalated to a human: asking is never worth that).
//! - The question is a list message whose rows carry `csat:<survey>:<n>`;
//!   the answer counts only from the conversation that was asked, once.
//! - The route stage leaves answers alone ([`is_answer`]): no seller turn.
//! - Stored in `satisfaction_surveys` (SQLite and PostgreSQL), exported as
//!   `agent_store_satisfaction_*` and on `GET /admin/satisfaction`.

mod text;

use std::sync::Arc;

use async_trait::async_trait;
use cloudevents::{AttributesReader, Event};
use serde::Serialize;
use sqlx::Row;

use crate::bus::{Bus, BusError, Handler};
use crate::chat::{Action, Content, ListRow, ListSection};
use crate::conversations::Conversations;
use crate::db::{Db, now_ms};
use crate::events::{
    self, ChatResponse, Context, EventType, MessageReceived, OrderDelivered,
    SalesEscalationResolved,
};
use crate::telemetry::metrics;

/// A conversation is asked at most once in this long.
pub const QUIET_MS: i64 = 24 * 3600 * 1000;
/// The 24-hour customer-service window, less a margin for the send.
const WINDOW_MS: i64 = 23 * 3600 * 1000;
/// The prefix of an answer row's id.
const PREFIX: &str = "csat:";
const SOURCE: &str = "/agent-store/satisfaction";

/// Whether an inbound message is an answer to the satisfaction question.
pub fn is_answer(content: &Content) -> bool {
    parse_answer(content).is_some()
}

/// `(survey id, score)` of an answer.
fn parse_answer(content: &Content) -> Option<(String, u8)> {
    let (Content::ListReply(choice) | Content::ButtonReply(choice)) = content else {
        return None;
    };
    let rest = choice.id.strip_prefix(PREFIX)?;
    let (survey, score) = rest.rsplit_once(':')?;
    let score: u8 = score.parse().ok()?;
    ((1..=5).contains(&score) && !survey.is_empty()).then(|| (survey.to_string(), score))
}

/// One stored question and its answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Survey {
    pub id: String,
    pub conversation_id: String,
    pub brand: String,
    /// `escalation_resolved` or `order_delivered`.
    pub cause: String,
    pub language: String,
    pub asked_at: i64,
    pub score: Option<i64>,
    pub answered_at: Option<i64>,
}

/// Per brand: questions, answers, average score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BrandSummary {
    pub brand: String,
    pub asked: i64,
    pub answered: i64,
    pub average: Option<f64>,
}

/// The survey store and its consumer.
#[derive(Clone)]
pub struct Satisfaction {
    db: Db,
    conversations: Conversations,
    bus: Arc<dyn Bus>,
}

/// What a question is about.
struct Ask<'a> {
    survey_id: String,
    conversation_id: &'a str,
    cause: &'static str,
}

impl Satisfaction {
    pub fn new(db: Db, conversations: Conversations, bus: Arc<dyn Bus>) -> Self {
        Self {
            db,
            conversations,
            bus,
        }
    }

    /// Subscribe the `satisfaction` consumer group.
    pub async fn start(&self) -> Result<(), BusError> {
        self.bus
            .subscribe(
                "satisfaction",
                &[
                    EventType::SalesEscalationResolved,
                    EventType::OrderDelivered,
                    EventType::WhatsAppMessageReceived,
                ],
                Arc::new(self.clone()),
            )
            .await
    }

    /// Per-brand counts and averages, and the latest `limit` surveys.
    pub async fn report(
        &self,
        limit: i64,
    ) -> Result<(Vec<BrandSummary>, Vec<Survey>), sqlx::Error> {
        let rows = sqlx::query(
            "SELECT brand, COUNT(*) AS asked, COUNT(score) AS answered,
                    CAST(SUM(score) AS BIGINT) AS total
             FROM satisfaction_surveys GROUP BY brand ORDER BY brand",
        )
        .fetch_all(&mut *self.db.read().await?)
        .await?;
        let mut summary = Vec::new();
        for r in &rows {
            let answered: i64 = r.try_get("answered")?;
            let total: Option<i64> = r.try_get("total")?;
            summary.push(BrandSummary {
                brand: r.try_get("brand")?,
                asked: r.try_get("asked")?,
                answered,
                average: total
                    .filter(|_| answered > 0)
                    .map(|t| t as f64 / answered as f64),
            });
        }
        let rows = sqlx::query(
            "SELECT id, conversation_id, brand, cause, language, asked_at, score, answered_at
             FROM satisfaction_surveys ORDER BY asked_at DESC, id LIMIT $1",
        )
        .bind(limit.clamp(1, 1000))
        .fetch_all(&mut *self.db.read().await?)
        .await?;
        let surveys = rows
            .iter()
            .map(|r| {
                Ok(Survey {
                    id: r.try_get("id")?,
                    conversation_id: r.try_get("conversation_id")?,
                    brand: r.try_get("brand")?,
                    cause: r.try_get("cause")?,
                    language: r.try_get("language")?,
                    asked_at: r.try_get("asked_at")?,
                    score: r.try_get("score")?,
                    answered_at: r.try_get("answered_at")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()?;
        Ok((summary, surveys))
    }

    /// Ask once, when the window is open and the conversation was not
    /// asked recently. Idempotent by survey id (redeliveries).
    async fn ask(&self, ask: Ask<'_>) -> anyhow::Result<()> {
        let c = self.conversations.get(ask.conversation_id).await?;
        let now = now_ms();
        let last = self
            .conversations
            .last_customer_message_at(ask.conversation_id)
            .await?;
        if last.is_none_or(|at| now - at > WINDOW_MS) {
            tracing::debug!(conversation = %ask.conversation_id, "satisfaction question skipped: the 24-hour window is closed");
            return Ok(());
        }
        let recent: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM satisfaction_surveys
             WHERE conversation_id = $1 AND asked_at > $2 AND id <> $3",
        )
        .bind(ask.conversation_id)
        .bind(now - QUIET_MS)
        .bind(&ask.survey_id)
        .fetch_one(&mut *self.db.read().await?)
        .await?
        .try_get("n")?;
        if recent > 0 {
            return Ok(());
        }
        let brand = c.brand.clone().unwrap_or_else(|| "host".into());
        let language = text::language(&c.language);
        let inserted = sqlx::query(
            "INSERT INTO satisfaction_surveys (id, conversation_id, brand, cause, language, asked_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&ask.survey_id)
        .bind(ask.conversation_id)
        .bind(&brand)
        .bind(ask.cause)
        .bind(language)
        .bind(now)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?
        .rows_affected();
        if inserted == 1 {
            metrics::satisfaction_asked(&brand);
        }
        // Published even when the row existed: a crash between the insert
        // and the publish must not lose the question (the response's event
        // id makes a second publish a no-op downstream).
        let response = ChatResponse {
            conversation_id: c.id.clone(),
            phone_number_id: c.phone_number_id.clone(),
            to: c.customer_wa_id.clone(),
            brand: brand.clone(),
            in_reply_to: String::new(),
            actions: vec![question(&ask.survey_id, language)],
            language: language.to_string(),
            messages: Vec::new(),
        };
        self.publish(
            &format!("satisfaction/{}/ask", ask.survey_id),
            &c.id,
            &brand,
            &response,
        )
        .await
    }

    /// Store an answer (the first one counts) and thank the customer.
    async fn answer(&self, m: &MessageReceived, survey: &str, score: u8) -> anyhow::Result<()> {
        let stored = sqlx::query(
            "UPDATE satisfaction_surveys SET score = $1, answered_at = $2
             WHERE id = $3 AND conversation_id = $4 AND score IS NULL",
        )
        .bind(i64::from(score))
        .bind(now_ms())
        .bind(survey)
        .bind(&m.conversation_id)
        .execute(&mut *self.db.writer.acquire().await?)
        .await?
        .rows_affected();
        let row = sqlx::query(
            "SELECT brand, language FROM satisfaction_surveys WHERE id = $1 AND conversation_id = $2",
        )
        .bind(survey)
        .bind(&m.conversation_id)
        .fetch_optional(&mut *self.db.read().await?)
        .await?;
        let Some(row) = row else {
            // Not a question this conversation was asked: ignored.
            tracing::info!(conversation = %m.conversation_id, "satisfaction answer to an unknown question ignored");
            return Ok(());
        };
        let brand: String = row.try_get("brand")?;
        let language: String = row.try_get("language")?;
        if stored == 1 {
            metrics::satisfaction_answered(&brand, score);
            tracing::info!(conversation = %m.conversation_id, %brand, score, "satisfaction answer stored");
        }
        let response = ChatResponse {
            conversation_id: m.conversation_id.clone(),
            phone_number_id: m.phone_number_id.clone(),
            to: m.customer.wa_id.clone(),
            brand: brand.clone(),
            in_reply_to: m.message.id.clone(),
            actions: vec![Action::Text {
                body: text::thanks(&language).to_string(),
            }],
            language,
            messages: Vec::new(),
        };
        self.publish(
            &format!("{}/satisfaction-thanks", m.message.id),
            &m.conversation_id,
            &brand,
            &response,
        )
        .await
    }

    async fn publish(
        &self,
        id: &str,
        conversation_id: &str,
        brand: &str,
        response: &ChatResponse,
    ) -> anyhow::Result<()> {
        let ctx = Context {
            source: SOURCE,
            subject: Some(conversation_id),
            brand: Some(brand),
            traceparent: None,
        };
        self.bus
            .publish(events::build_with_id(id, &ctx, response)?)
            .await?;
        Ok(())
    }
}

/// The question: a list of five rows, best first.
fn question(survey_id: &str, language: &str) -> Action {
    let rows = (1..=5u8)
        .rev()
        .map(|n| ListRow {
            id: format!("{PREFIX}{survey_id}:{n}"),
            title: text::score_title(n, language),
            description: None,
        })
        .collect();
    Action::List {
        body: text::question(language).to_string(),
        button_label: text::button(language).to_string(),
        sections: vec![ListSection {
            title: text::section(language).to_string(),
            rows,
        }],
        header: None,
        footer: None,
    }
}

#[async_trait]
impl Handler for Satisfaction {
    async fn handle(&self, event: Event) -> anyhow::Result<()> {
        match EventType::parse(event.ty()) {
            Some(EventType::SalesEscalationResolved) => {
                let e: SalesEscalationResolved = events::payload(&event)?;
                if e.outcome != "resolved" {
                    return Ok(());
                }
                self.ask(Ask {
                    survey_id: format!("esc-{}", e.escalation_id),
                    conversation_id: &e.conversation_id,
                    cause: "escalation_resolved",
                })
                .await
            }
            Some(EventType::OrderDelivered) => {
                let d: OrderDelivered = events::payload(&event)?;
                self.ask(Ask {
                    survey_id: format!("ord-{}", d.order.order_id),
                    conversation_id: &d.order.conversation_id,
                    cause: "order_delivered",
                })
                .await
            }
            Some(EventType::WhatsAppMessageReceived) => {
                let m: MessageReceived = events::payload(&event)?;
                match parse_answer(&m.message.content) {
                    Some((survey, score)) => self.answer(&m, &survey, score).await,
                    None => Ok(()),
                }
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chat::Choice;

    fn reply(id: &str) -> Content {
        Content::ListReply(Choice {
            id: id.into(),
            title: "x".into(),
        })
    }

    #[test]
    fn answers_are_recognised_by_their_row_id() {
        assert_eq!(
            parse_answer(&reply("csat:esc-1:4")),
            Some(("esc-1".into(), 4))
        );
        assert_eq!(
            parse_answer(&reply("csat:ord-a:b:5")),
            Some(("ord-a:b".into(), 5))
        );
        for bad in [
            "csat:esc-1:0",
            "csat:esc-1:6",
            "csat::3",
            "csat:x",
            "brand:tech",
            "",
        ] {
            assert_eq!(parse_answer(&reply(bad)), None, "{bad}");
        }
        assert!(!is_answer(&Content::Text {
            body: "csat:esc-1:4".into()
        }));
    }

    #[test]
    fn the_question_has_five_rows_within_whatsapp_limits() {
        for lang in ["en", "pt", "es"] {
            let Action::List {
                sections,
                body,
                button_label,
                ..
            } = question("esc-0190a1b2-c3d4", lang)
            else {
                panic!("a list");
            };
            assert!(button_label.chars().count() <= 20, "{button_label}");
            assert!(body.chars().count() <= 1024);
            let rows = &sections[0].rows;
            assert_eq!(rows.len(), 5);
            assert!(sections[0].title.chars().count() <= 24);
            for r in rows {
                assert!(r.title.chars().count() <= 24, "{}", r.title);
                assert!(r.id.len() <= 200);
                assert!(parse_answer(&reply(&r.id)).is_some());
            }
        }
    }
}
