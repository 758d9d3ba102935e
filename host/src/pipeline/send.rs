//! Stages 3 and 4: render reply actions into Graph API messages, then send
//! them, each exactly once.
//!
//! An outbound message's id derives from the response event's id and its
//! position, and is recorded before the send: a redelivered event finds it
//! already sent and does nothing.

use std::sync::Arc;

use async_trait::async_trait;
use cloudevents::{AttributesReader, Event};

use super::{Pipeline, Stage};
use crate::chat::Speaker;
use crate::conversations::NewOutbound;
use crate::events::{ChatResponse, OutboundMessage};
use crate::whatsapp::outbound::{self, RenderContext};

pub(super) struct Render(pub Arc<Pipeline>);
pub(super) struct Send(pub Arc<Pipeline>);

#[async_trait]
impl Stage for Render {
    type In = ChatResponse;

    async fn run(&self, event: &Event, r: ChatResponse) -> anyhow::Result<()> {
        let p = &self.0;
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
        let p = &self.0;
        let kind = m
            .body
            .get("type")
            .and_then(|t| t.as_str())
            .unwrap_or("text")
            .to_string();
        let record = NewOutbound {
            id: &m.id,
            conversation_id: &m.conversation_id,
            brand: m.brand.as_deref(),
            speaker: Speaker::Assistant,
            kind: &kind,
            text: &m.text,
            body: &m.body,
        };
        if !p.conversations.record_outbound(&record).await? {
            match p.conversations.outbound_state(&m.id).await?.as_deref() {
                Some("pending") => {} // a retry of a send that failed transiently
                state => {
                    tracing::debug!(id = %m.id, ?state, "outbound message already handled");
                    return Ok(());
                }
            }
        }
        match p.graph.send(&m.phone_number_id, &m.body).await {
            Ok(wamid) => {
                p.conversations.mark_sent(&m.id, &wamid).await?;
                tracing::info!(to = %m.to, %wamid, kind, "message sent");
                Ok(())
            }
            Err(e) if e.is_retryable() => Err(e.into()),
            Err(e) => {
                tracing::error!(to = %m.to, error = %e, "Graph API refused the message");
                p.conversations.mark_failed(&m.id, &e.to_string()).await?;
                Ok(())
            }
        }
    }
}
