//! The message pipeline, one bus consumer group per stage:
//!
//! ```text
//! store.whatsapp.message.received ─[route]→ store.chat.message.new
//!   ─[sell]→ store.chat.response ─[render]→ store.whatsapp.message.send ─[send]→ Graph API
//! ```
//!
//! Every stage is idempotent by event id (event ids are derived from the
//! inbound wamid), so at-least-once delivery never doubles a reply.

mod cart_lines;
mod effects;
mod intents;
mod language;
mod messages;
mod route;
mod sell;
mod send;

use std::sync::Arc;

use async_trait::async_trait;
use cloudevents::Event;

use crate::bus::{Bus, BusError, Handler};
use crate::catalog::Catalog;
use crate::conversations::{Conversations, TurnWrites};
use crate::events::{self, Context, EventType, Payload};
use crate::llm::Transcriber;
use crate::orders::Carts;
use crate::plugins::Plugins;
use crate::whatsapp::Gateway;

pub use effects::turn_effect;
pub use language::detect as detect_language;

/// Everything the stages share.
pub struct Pipeline {
    pub conversations: Conversations,
    pub plugins: Arc<Plugins>,
    pub bus: Arc<dyn Bus>,
    pub catalog: Catalog,
    pub carts: Carts,
    /// The WhatsApp gateway: outbox, pacing, 24-hour window, Graph API.
    pub whatsapp: Arc<Gateway>,
    /// Meta catalog id for product messages (`None` = image fallback).
    pub catalog_id: Option<String>,
    /// Speech to text for voice notes (`None`: they get a polite answer).
    pub transcriber: Option<Transcriber>,
    /// The brands' budgets and the audit of sellers' intents.
    pub policy: crate::policy::Policy,
}

const SOURCE: &str = "/agent-store/pipeline";

impl Pipeline {
    /// Subscribe every stage to the bus.
    pub async fn start(self: &Arc<Self>) -> Result<(), BusError> {
        let stages: [(&str, EventType, Arc<dyn Handler>); 5] = [
            (
                "route",
                EventType::WhatsAppMessageReceived,
                Arc::new(Typed(route::Route(self.clone()))),
            ),
            (
                "sell",
                EventType::ChatMessageNew,
                Arc::new(Typed(sell::Sell(self.clone()))),
            ),
            (
                "render",
                EventType::ChatResponse,
                Arc::new(Typed(send::Render(self.clone()))),
            ),
            (
                "send",
                EventType::WhatsAppMessageSend,
                Arc::new(Typed(send::Send(self.clone()))),
            ),
            (
                "delivery",
                EventType::WhatsAppMessageStatus,
                Arc::new(Typed(send::Delivery(self.clone()))),
            ),
        ];
        for (group, ty, handler) in stages {
            self.bus.subscribe(group, &[ty], handler).await?;
        }
        self.bus
            .subscribe(
                "funnel",
                &[EventType::ProductRecommend, EventType::OrderCreated],
                Arc::new(Funnel),
            )
            .await?;
        Ok(())
    }

    /// Re-publish inbound messages stored but never handled (the host
    /// stopped between the webhook's 200 and the reply).
    /// Effects committed but not carried out are re-published first.
    pub async fn recover(&self) -> anyhow::Result<usize> {
        self.recover_effects().await?;
        self.republish_unhandled(i64::MAX).await
    }

    /// Multi-host: every `every`, re-publish inbound messages stored more
    /// than `older_than` ago and still unhandled — a host that stored one
    /// and then could not publish it (the broker dropped it mid-publish, or
    /// it died) leaves it to whichever host looks next, not to its own
    /// restart. A copy of a message answered meanwhile is skipped by the
    /// route and sell stages. Turn effects (orders, escalations) committed
    /// that long ago and still unsettled are re-published likewise: their
    /// event can be lost when the consumer could neither reach the database
    /// nor park the event there (an outage longer than its retries).
    pub fn spawn_stale_sweep(
        self: &Arc<Self>,
        every: std::time::Duration,
        older_than: std::time::Duration,
    ) {
        let this = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.tick().await;
            loop {
                tick.tick().await;
                // Stored and compared in the database's clock: a host
                // whose own clock is minutes off neither re-publishes
                // messages another host is still answering nor misses
                // old ones.
                let cutoff = crate::db::now_ms()
                    - i64::try_from(older_than.as_millis()).unwrap_or(i64::MAX / 2);
                if let Err(e) = this.republish_effects(cutoff).await {
                    tracing::warn!(error = %e, "stale unsettled turn effects not re-published");
                }
                if let Err(e) = this.republish_unhandled(cutoff).await {
                    tracing::warn!(error = %e, "stale unhandled messages not re-published");
                }
            }
        });
    }

    async fn republish_unhandled(&self, before_ms: i64) -> anyhow::Result<usize> {
        let pending = self
            .conversations
            .unhandled_inbound_before(before_ms)
            .await?;
        let n = pending.len();
        for (conversation_id, inbound) in pending {
            let payload = events::MessageReceived {
                conversation_id: conversation_id.clone(),
                phone_number_id: inbound.phone_number_id,
                customer: inbound.customer,
                message: inbound.message,
                media: inbound.details.media,
            };
            self.publish_with_id(
                &events::received_event_id(&payload.message.id),
                &conversation_id,
                None,
                &payload,
            )
            .await?;
        }
        if n > 0 {
            tracing::info!(messages = n, "re-published unhandled inbound messages");
        }
        Ok(n)
    }

    /// Answer an inbound message: queue the response's messages in the
    /// outbox, store the turn's `writes` (effects, state, the policy's
    /// decisions and budget use) and, with
    /// `handled`, mark the inbound message handled, all in one transaction;
    /// then publish the effects and the response (observers, and the render
    /// and send stages, which deliver it at once).
    async fn answer(
        &self,
        response_id: &str,
        brand: Option<&str>,
        response: &events::ChatResponse,
        writes: &TurnWrites,
        handled: Option<&str>,
    ) -> anyhow::Result<()> {
        let messages = send::render_replies(self, response_id, response);
        self.answer_with(response_id, brand, response, &messages, writes, handled)
            .await
    }

    /// [`Self::answer`] with the response's messages rendered already.
    async fn answer_with(
        &self,
        response_id: &str,
        brand: Option<&str>,
        response: &events::ChatResponse,
        messages: &[events::OutboundMessage],
        writes: &TurnWrites,
        handled: Option<&str>,
    ) -> anyhow::Result<()> {
        let new = self.whatsapp.queue_turn(messages, writes, handled).await?;
        if handled.is_some() && new == 0 && !messages.is_empty() {
            // Another copy of the message committed its turn first (see
            // `Conversations::commit_turn`): this copy's turn was dropped,
            // and publishing its response would let the render stage queue
            // messages that copy's seller answered and the first did not.
            return Ok(());
        }
        self.publish_effects(&writes.effects).await?;
        // The messages travel with the response, so the render stage
        // publishes them without rendering the actions a second time.
        let response = events::ChatResponse {
            messages: messages.to_vec(),
            ..response.clone()
        };
        self.publish_with_id(response_id, &response.conversation_id, brand, &response)
            .await
    }

    async fn publish_with_id<P: Payload>(
        &self,
        id: &str,
        conversation_id: &str,
        brand: Option<&str>,
        payload: &P,
    ) -> anyhow::Result<()> {
        let ctx = Context {
            source: SOURCE,
            subject: Some(conversation_id),
            brand,
            traceparent: None,
        };
        self.bus
            .publish(events::build_with_id(id, &ctx, payload)?)
            .await?;
        Ok(())
    }
}

/// The recommendation → cart → order funnel, computed from the events:
/// what `store.product.recommend` offered counts as shown
/// (`agent_store_recommendations_shown_total`); a later cart add of a shown
/// product (`..._added_total`) and the first cart are counted where they
/// happen (`orders`); an order (`store.order.created`) holding products
/// shown in its conversation counts as an order of a recommendation
/// (`agent_store_recommended_orders_total`, and its lines as
/// `agent_store_recommendations_ordered_total`).
struct Funnel;

#[async_trait]
impl Handler for Funnel {
    async fn handle(&self, event: Event) -> anyhow::Result<()> {
        use crate::telemetry::metrics;
        use cloudevents::AttributesReader as _;
        if event.ty() == EventType::OrderCreated.as_str() {
            let o: events::OrderCreated = events::payload(&event)?;
            let ids: Vec<String> = o.order.lines.into_iter().map(|l| l.product_id).collect();
            metrics::ordered(&o.order.conversation_id, &o.order.brand, &ids);
        } else {
            let r: events::ProductRecommend = events::payload(&event)?;
            let ids: Vec<String> = r.offered.into_iter().map(|o| o.product_id).collect();
            metrics::recommended(
                &r.conversation_id,
                r.brand.as_deref().unwrap_or("host"),
                &ids,
            );
        }
        Ok(())
    }
}

/// Adapts a typed stage to the bus.
#[async_trait]
trait Stage: Send + Sync + 'static {
    type In: Payload + Send;
    async fn run(&self, event: &Event, input: Self::In) -> anyhow::Result<()>;
}

/// A stage as the bus's [`Handler`] (a wrapper: the bus's trait cannot be
/// implemented for every `Stage` from outside its crate).
struct Typed<S>(S);

#[async_trait]
impl<S: Stage> Handler for Typed<S> {
    async fn handle(&self, event: Event) -> anyhow::Result<()> {
        // A malformed event can never succeed: the bus parks it at once
        // (an `EventError` is permanent) instead of retrying it.
        let input: S::In = events::payload(&event)?;
        self.0.run(&event, input).await
    }
}
