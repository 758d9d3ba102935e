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
use crate::chat::Speaker;
use crate::conversations::StoreError;
use crate::events::{ChatResponse, MessageStatus, OutboundMessage};
use crate::whatsapp::gateway::REENGAGEMENT_REQUIRED;
use crate::whatsapp::outbound::{self, RenderContext};

pub(super) struct Render(pub Arc<Pipeline>);
pub(super) struct Send(pub Arc<Pipeline>);
pub(super) struct Delivery(pub Arc<Pipeline>);

#[async_trait]
impl Stage for Render {
    type In = ChatResponse;

    async fn run(&self, event: &Event, r: ChatResponse) -> anyhow::Result<()> {
        let p = &self.0;
        // Blue ticks on the message being answered.
        p.whatsapp
            .mark_read(&r.phone_number_id, &r.in_reply_to)
            .await;
        let ctx = RenderContext {
            to: &r.to,
            catalog: &p.catalog,
            catalog_id: p.catalog_id.as_deref(),
            language: &r.language,
        };
        let mut n = 0;
        for action in &r.actions {
            let rendered = match outbound::render(action, &ctx) {
                Ok(r) => r,
                Err(e) => {
                    // Checked in the seller stage already; the catalog may
                    // have changed since. Skip the action, keep the rest.
                    tracing::warn!(error = %e, "action could not be rendered");
                    continue;
                }
            };
            for message in rendered {
                let out = OutboundMessage {
                    id: format!("{}/{n}", event.id()),
                    conversation_id: r.conversation_id.clone(),
                    phone_number_id: r.phone_number_id.clone(),
                    to: r.to.clone(),
                    brand: (r.brand != "host").then(|| r.brand.clone()),
                    text: message.text,
                    body: message.body,
                };
                n += 1;
                p.publish_with_id(
                    &out.id.clone(),
                    &r.conversation_id,
                    out.brand.as_deref(),
                    &out,
                )
                .await?;
            }
        }
        Ok(())
    }
}

#[async_trait]
impl Stage for Send {
    type In = OutboundMessage;

    async fn run(&self, _event: &Event, m: OutboundMessage) -> anyhow::Result<()> {
        self.check_recipient(&m).await?;
        let speaker = if m.id.starts_with("console/") {
            // The sales console's ids: a human rep wrote it.
            Speaker::HumanAgent
        } else if m.brand.is_some() {
            Speaker::Assistant
        } else {
            Speaker::System
        };
        // Queued durably first; what cannot leave now stays in the outbox
        // for the gateway's worker, so nothing is retried through the bus.
        let delivery = self.0.whatsapp.send(&m, speaker).await?;
        tracing::debug!(id = %m.id, ?delivery, "outbound message handled");
        Ok(())
    }
}

impl Send {
    /// A message goes only to the customer of an existing conversation:
    /// anything else (an event from a confused or hostile producer) can
    /// never become right, so it is refused as permanent and parked at
    /// once. (The recipient is not named: logs never carry phone numbers.)
    async fn check_recipient(&self, m: &OutboundMessage) -> anyhow::Result<()> {
        let c = match self.0.conversations.get(&m.conversation_id).await {
            Ok(c) => c,
            Err(StoreError::NotFound(_)) => {
                return Err(permanent(format!(
                    "conversation {} does not exist: message {} is not sent",
                    m.conversation_id, m.id
                )));
            }
            Err(e) => return Err(e.into()),
        };
        if c.customer_wa_id != m.to {
            return Err(permanent(format!(
                "the recipient of message {} is not the customer of conversation {}: not sent",
                m.id, m.conversation_id
            )));
        }
        Ok(())
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
