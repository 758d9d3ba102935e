//! A turn's effects for other consumers (order requests, escalations): built
//! as events, committed with the turn's replies and handled mark, then
//! published. The consumer settles each once carried out; what a crash left
//! unsettled is re-published at start-up.

use cloudevents::Event;

use super::{Pipeline, SOURCE};
use crate::conversations::TurnEffect;
use crate::events::{self, Context, Payload};

/// An effect of the turn on `conversation_id`, event id `id` (derived from
/// the inbound wamid, so a replayed turn builds the same one); `escalates`
/// when it hands the conversation to the sales team.
pub fn turn_effect<P: Payload>(
    id: &str,
    conversation_id: &str,
    brand: Option<&str>,
    payload: &P,
    escalates: bool,
) -> anyhow::Result<TurnEffect> {
    let ctx = Context {
        source: SOURCE,
        subject: Some(conversation_id),
        brand,
        traceparent: None,
    };
    let event = events::build_with_id(id, &ctx, payload)?;
    Ok(TurnEffect {
        event_id: id.to_string(),
        conversation_id: conversation_id.to_string(),
        event: serde_json::to_string(&event)?,
        escalates,
    })
}

impl Pipeline {
    /// Publish effects committed with their turn.
    pub(super) async fn publish_effects(&self, effects: &[TurnEffect]) -> anyhow::Result<()> {
        for e in effects {
            let event: Event = serde_json::from_str(&e.event)?;
            self.bus.publish(event).await?;
        }
        Ok(())
    }

    /// Re-publish the effects committed but never carried out (the host
    /// stopped between the commit and the consumer). A stored event that no
    /// longer parses is logged and left in place for an operator.
    pub async fn recover_effects(&self) -> anyhow::Result<usize> {
        let n = self.republish_effects(i64::MAX).await?;
        let parked = self.conversations.parked_effects().await?;
        if parked > 0 {
            tracing::warn!(
                effects = parked,
                "turn effects parked by their consumer are not re-published: see /admin/events/parked"
            );
        }
        Ok(n)
    }

    /// Re-publish the unsettled effects stored before `before_ms` (carried
    /// out idempotently by source message: a copy of one in flight changes
    /// nothing).
    pub(super) async fn republish_effects(&self, before_ms: i64) -> anyhow::Result<usize> {
        let mut n = 0;
        for (id, json) in self
            .conversations
            .unsettled_effects_before(before_ms)
            .await?
        {
            match serde_json::from_str::<Event>(&json) {
                Ok(event) => {
                    self.bus.publish(event).await?;
                    n += 1;
                }
                Err(e) => {
                    tracing::error!(event_id = %id, error = %e, "stored turn effect unreadable: left in turn_effects");
                }
            }
        }
        if n > 0 {
            tracing::info!(effects = n, "re-published unsettled turn effects");
        }
        Ok(n)
    }
}
