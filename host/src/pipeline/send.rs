//! Stages 3 and 4: render reply actions into Graph API messages, then send
//! them through the WhatsApp gateway's outbox, each exactly once; and the
//! delivery stage, which reacts to failed statuses.
//!
//! An outbound message's id derives from the response event's id and its
//! position, and is stored in the outbox before the send: a redelivered
//! event finds it already queued or sent and does nothing.

use std::sync::Arc;

use async_trait::async_trait;
use cloudevents::{AttributesReader, Event};
use serde_json::Value;

use super::{Pipeline, Stage};
use crate::bus::permanent;
use crate::events::{ChatResponse, MessageStatus, OutboundMessage};
use crate::whatsapp::gateway::{REENGAGEMENT_REQUIRED, speaker_of};
use crate::whatsapp::outbound::{self, RenderContext, Rendered};

pub(super) struct Render(pub Arc<Pipeline>);
pub(super) struct Send(pub Arc<Pipeline>);
pub(super) struct Delivery(pub Arc<Pipeline>);

/// The Graph API messages of a response, with their outbound ids: the
/// response event's id and the message's position, so every stage that
/// renders the same response (the seller stage queueing it, the render
/// stage after it) gets the same ids and the outbox stores each once.
pub(super) fn render_replies(
    p: &Pipeline,
    response_id: &str,
    r: &ChatResponse,
) -> Vec<OutboundMessage> {
    let ctx = RenderContext {
        to: &r.to,
        catalog: &p.catalog,
        catalog_id: p.catalog_id.as_deref(),
        language: &r.language,
    };
    let rendered = r.actions.iter().filter_map(|action| {
        outbound::render(action, &ctx)
            .inspect_err(|e| {
                // Checked in the seller stage already; the catalog may
                // have changed since. Skip the action, keep the rest.
                tracing::warn!(error = %e, "action could not be rendered");
            })
            .ok()
    });
    outbound_messages(response_id, r, rendered)
}

/// The outbound messages of a response from its actions' rendered
/// messages (one list per action, in order), numbered as
/// [`render_replies`] numbers them.
pub(super) fn outbound_messages(
    response_id: &str,
    r: &ChatResponse,
    rendered: impl IntoIterator<Item = Vec<Rendered>>,
) -> Vec<OutboundMessage> {
    let mut out = Vec::new();
    for message in rendered.into_iter().flatten() {
        out.push(OutboundMessage {
            id: format!("{response_id}/{}", out.len()),
            conversation_id: r.conversation_id.clone(),
            phone_number_id: r.phone_number_id.clone(),
            to: r.to.clone(),
            brand: (r.brand != "host").then(|| r.brand.clone()),
            text: message.text,
            body: message.body,
        });
    }
    out
}

#[async_trait]
impl Stage for Render {
    type In = ChatResponse;

    async fn run(&self, event: &Event, r: ChatResponse) -> anyhow::Result<()> {
        let p = &self.0;
        // Blue ticks on the message being answered.
        p.whatsapp
            .mark_read(&r.phone_number_id, &r.in_reply_to)
            .await;
        let messages = if r.messages.is_empty() {
            render_replies(p, event.id(), &r)
        } else {
            carried_messages(event.id(), r)?
        };
        // Durable before anything else (a no-op for a seller's reply, which
        // was queued with its handled mark; not for an order's notices).
        p.whatsapp.queue_replies(&messages, None).await?;
        for out in &messages {
            p.publish_with_id(&out.id, &out.conversation_id, out.brand.as_deref(), out)
                .await?;
        }
        Ok(())
    }
}

/// The messages a response carries, rendered by its publisher: each must
/// be the response's own (its id under the response event's id, the same
/// conversation and customer), or the response is refused as permanent
/// (a producer cannot address a message elsewhere through a response).
fn carried_messages(response_id: &str, r: ChatResponse) -> anyhow::Result<Vec<OutboundMessage>> {
    let prefix = format!("{response_id}/");
    if let Some(m) = r.messages.iter().find(|m| {
        !m.id.starts_with(&prefix) || m.conversation_id != r.conversation_id || m.to != r.to
    }) {
        return Err(permanent(format!(
            "response {response_id} carries message {} that is not its own: not sent",
            m.id
        )));
    }
    Ok(r.messages)
}

#[async_trait]
impl Stage for Send {
    type In = OutboundMessage;

    async fn run(&self, _event: &Event, m: OutboundMessage) -> anyhow::Result<()> {
        // A message this host stored (its own reply) was checked when it
        // was queued, and only the stored copy is ever sent: no read.
        let stored = self.0.conversations.stored_here(&m.id) || self.check_recipient(&m).await?;
        // Queued durably first (the pipeline's own messages were, with the
        // turn or by the render stage: no second write); then the
        // conversation's sender sends it, in order, off this stage's lane:
        // the lane never waits for Meta or for a customer's pacing gap.
        if !stored {
            self.0.whatsapp.enqueue(&m, speaker_of(&m)).await?;
        }
        self.0.whatsapp.deliver_soon(&m.conversation_id);
        tracing::debug!(id = %m.id, "outbound message queued for its conversation's sender");
        Ok(())
    }
}

impl Send {
    /// A message goes only to the customer of an existing conversation:
    /// anything else (an event from a confused or hostile producer) can
    /// never become right, so it is refused as permanent and parked at
    /// once. (The recipient is not named: logs never carry phone numbers.)
    /// Returns whether the message is stored (queued or sent) already.
    async fn check_recipient(&self, m: &OutboundMessage) -> anyhow::Result<bool> {
        let found = self
            .0
            .conversations
            .recipient_and_stored(&m.conversation_id, &m.id)
            .await?;
        let Some((customer, stored)) = found else {
            return Err(permanent(format!(
                "conversation {} does not exist: message {} is not sent",
                m.conversation_id, m.id
            )));
        };
        if customer != m.to {
            return Err(permanent(format!(
                "the recipient of message {} is not the customer of conversation {}: not sent",
                m.id, m.conversation_id
            )));
        }
        Ok(stored)
    }
}

#[async_trait]
impl Stage for Delivery {
    type In = MessageStatus;

    /// Meta refused a sent message because the 24-hour window had closed
    /// (131047): handled like a reply held before sending.
    async fn run(&self, _event: &Event, s: MessageStatus) -> anyhow::Result<()> {
        let window_closed = s.status == "failed"
            && s.errors
                .iter()
                .any(|e| e.get("code").and_then(Value::as_i64) == Some(REENGAGEMENT_REQUIRED));
        if !window_closed {
            return Ok(());
        }
        let p = &self.0;
        let Some(conversation_id) = p.conversations.conversation_of_wamid(&s.wamid).await? else {
            return Ok(());
        };
        let c = p.conversations.get(&conversation_id).await?;
        p.whatsapp
            .reengage(
                &conversation_id,
                &c.phone_number_id,
                &c.customer_wa_id,
                "Meta refused a reply: more than 24 hours since the customer last wrote (131047)",
            )
            .await?;
        Ok(())
    }
}
