//! Stage 2: the brand's seller answers; the host checks and carries out its
//! actions (cart, order, escalation, hand-off) and forwards what the
//! customer should see.
//!
//! A failing seller never leaves the customer without an answer: they get
//! an apology, the conversation is escalated to a human, and
//! `store.plugin.failed` records why.

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;
use cloudevents::Event;

use super::messages::{self, HostText};
use super::{Pipeline, Stage, turn_effect};
use crate::chat::{Action, EscalationReason, Priority};
use crate::conversations::{TurnEffect, TurnWrites};
use crate::events::{
    ChatMessageNew, ChatResponse, OrderCreate, PluginFailed, SalesEscalate, SalesHandoff,
};
use crate::orders::{CartEdit, CartError};
use crate::plugins::manifest::Grants;
use crate::plugins::{LoadedPlugin, TurnError, convert, wit};
use crate::whatsapp::outbound::{self, RenderContext};

pub(super) struct Sell(pub Arc<Pipeline>);

/// Hand-offs allowed within one customer message (stops ping-pong).
const MAX_HOPS: u8 = 2;
const HISTORY_LINES: u32 = 20;

#[async_trait]
impl Stage for Sell {
    type In = ChatMessageNew;

    async fn run(&self, _event: &Event, m: ChatMessageNew) -> anyhow::Result<()> {
        let p = &self.0;
        if p.conversations.is_handled(&m.message.id).await? {
            // A redelivered copy: the turn committed already.
            tracing::debug!(message = %m.message.id, "message handled already: skipped");
            return Ok(());
        }
        let history = p
            .conversations
            .history(&m.conversation_id, HISTORY_LINES, Some(&m.message.id))
            .await?;
        let turn = wit::Turn {
            conversation_id: m.conversation_id.clone(),
            customer: convert::customer(&m.customer),
            brand: m.brand.clone(),
            message: convert::inbound(&m.message),
            history: convert::history(&history),
            language: m.language.clone(),
        };
        // The message as the next seller gets it, when one took it over.
        let mut handed_off = None;
        // Order requests, escalations and the seller's state writes:
        // committed with the replies and the handled mark, effects
        // published after.
        let mut writes = TurnWrites::default();
        let actions = match p.plugins.handle_turn_staged(&m.brand, &turn).await {
            Some((seller, Ok(actions), stage)) => {
                // Only a turn that succeeded keeps the state it wrote.
                writes.state = stage.map(|s| s.writes()).unwrap_or_default();
                let actions = actions.into_iter().map(convert::action).collect();
                let (visible, handed) = self
                    .carry_out(&m, &seller, actions, &mut writes.effects)
                    .await?;
                handed_off = handed;
                visible
            }
            Some((seller, Err(e @ TurnError::Storage { .. }), _)) => {
                // Not the seller's fault, and the customer must not get an
                // apology for it: the bus retries the turn.
                tracing::warn!(plugin = %seller.manifest.name, conversation = %m.conversation_id, error = %e, "turn failed on storage, will retry");
                return Err(e.into());
            }
            Some((seller, Err(e), _)) => {
                tracing::error!(plugin = %seller.manifest.name, conversation = %m.conversation_id, error = %e, "seller failed");
                let failed = PluginFailed {
                    plugin: seller.manifest.name.clone(),
                    version: seller.manifest.version.clone(),
                    reason: e.to_string(),
                    conversation_id: Some(m.conversation_id.clone()),
                };
                p.publish_with_id(
                    &format!("{}/failed/{}", m.message.id, m.brand),
                    &m.conversation_id,
                    Some(&m.brand),
                    &failed,
                )
                .await?;
                writes.effects.push(self.escalate(
                    &m,
                    EscalationReason::PluginFailure,
                    Priority::High,
                    &format!("The {} seller failed: {}", m.brand, e.reason()),
                )?);
                vec![Action::Text {
                    body: messages::text(HostText::Apology, &m.language).into(),
                }]
            }
            None => {
                writes.effects.push(self.escalate(
                    &m,
                    EscalationReason::Other,
                    Priority::Medium,
                    &format!("No seller for brand {}", m.brand),
                )?);
                vec![Action::Text {
                    body: messages::text(HostText::NoSeller, &m.language).into(),
                }]
            }
        };
        // Handled once the replies are in the outbox and the order request
        // or escalation and the seller's state are stored (one transaction
        // with the mark), unless another seller took the message over: the
        // last seller of the chain marks it. Cart changes were committed
        // before (each once per message: see `Carts::add_once`).
        let handled = handed_off.is_none().then_some(m.message.id.as_str());
        if actions.is_empty() {
            if handled.is_some() || !writes.is_empty() {
                p.conversations
                    .commit_turn(&[], &writes.effects, &writes.state, handled, 0)
                    .await?;
                p.publish_effects(&writes.effects).await?;
            }
        } else {
            self.reply(&m, actions, &writes, handled).await?;
        }
        // The next seller gets the message only after this turn is
        // committed: its handled mark never precedes this turn's effects.
        match handed_off {
            Some(next) => self.pass_on(next).await,
            None => Ok(()),
        }
    }
}

impl Sell {
    /// Queue the visible actions with the turn's writes (and the handled
    /// mark) and publish the response.
    async fn reply(
        &self,
        m: &ChatMessageNew,
        actions: Vec<Action>,
        writes: &TurnWrites,
        handled: Option<&str>,
    ) -> anyhow::Result<()> {
        let p = &self.0;
        let response = ChatResponse {
            conversation_id: m.conversation_id.clone(),
            phone_number_id: m.phone_number_id.clone(),
            to: m.customer.wa_id.clone(),
            brand: m.brand.clone(),
            in_reply_to: m.message.id.clone(),
            actions,
            language: m.language.clone(),
        };
        let id = format!("{}/response/{}", m.message.id, m.brand);
        p.answer(&id, Some(&m.brand), &response, writes, handled)
            .await
    }

    /// Apply effects, drop what the grants or WhatsApp's limits forbid, and
    /// return the customer-visible actions and, when another seller took
    /// the message over, the message to pass on.
    async fn carry_out(
        &self,
        m: &ChatMessageNew,
        seller: &LoadedPlugin,
        actions: Vec<Action>,
        effects: &mut Vec<TurnEffect>,
    ) -> anyhow::Result<(Vec<Action>, Option<ChatMessageNew>)> {
        let p = &self.0;
        let grants: &Grants = &seller.manifest.grants;
        let mut visible = Vec::new();
        let mut handed_off = None;
        // How often each product was added so far in this turn.
        let mut adds: HashMap<String, u32> = HashMap::new();
        for action in actions {
            match action {
                Action::AddToCart {
                    product_id,
                    quantity,
                } if grants.orders => {
                    // Keyed by the message, the seller and the product's
                    // occurrence in the turn: a retried or redelivered turn
                    // adds nothing twice.
                    let n = adds.entry(product_id.clone()).or_default();
                    *n += 1;
                    let source = format!("{}/{}/cart/{product_id}#{n}", m.message.id, m.brand);
                    match p
                        .carts
                        .add_once(
                            &source,
                            &m.conversation_id,
                            Some(&m.brand),
                            &product_id,
                            quantity,
                        )
                        .await
                    {
                        Ok(true) => {}
                        Ok(false) => {
                            tracing::debug!(%source, "cart add done before (a retried turn): not repeated");
                        }
                        // Storage: the bus retries the turn.
                        Err(crate::orders::CartError::Db(e)) => return Err(e.into()),
                        Err(e) => {
                            tracing::warn!(plugin = %seller.manifest.name, %product_id, error = %e, "add-to-cart refused");
                            refused(p, seller, "add-to-cart", &e);
                        }
                    }
                }
                Action::RemoveFromCart { product_id } if grants.orders => {
                    self.edit_cart(m, seller, CartEdit::Remove { product_id })
                        .await?;
                }
                Action::SetCartQuantity {
                    product_id,
                    quantity,
                } if grants.orders => {
                    let edit = CartEdit::SetQuantity {
                        product_id,
                        quantity,
                    };
                    self.edit_cart(m, seller, edit).await?;
                }
                Action::ClearCart if grants.orders => {
                    self.edit_cart(m, seller, CartEdit::Clear).await?;
                }
                Action::PlaceOrder { note } if grants.orders => {
                    let order = OrderCreate {
                        conversation_id: m.conversation_id.clone(),
                        customer: m.customer.clone(),
                        brand: m.brand.clone(),
                        source_message_id: m.message.id.clone(),
                        note,
                    };
                    effects.push(turn_effect(
                        &format!("{}/order", m.message.id),
                        &m.conversation_id,
                        Some(&m.brand),
                        &order,
                        false,
                    )?);
                }
                Action::Escalate {
                    reason,
                    priority,
                    summary,
                } if grants.escalate => {
                    effects.push(self.escalate(m, reason, priority, &summary)?);
                }
                // A business number bound to a brand stays with it.
                Action::HandOff { brand, reason }
                    if grants.hand_off
                        && handed_off.is_none()
                        && p.whatsapp.bound_brand(&m.phone_number_id).is_none() =>
                {
                    handed_off = self.hand_off(m, &brand, &reason).await?;
                }
                a if a.is_message() => match self.validate(m, &a) {
                    Ok(()) => {
                        shown_products(m, &a);
                        visible.push(a)
                    }
                    Err(e) => {
                        tracing::warn!(plugin = %seller.manifest.name, error = %e, "reply action dropped")
                    }
                },
                denied => {
                    tracing::warn!(plugin = %seller.manifest.name, action = ?denied, "action not granted to this plugin: dropped");
                }
            }
        }
        Ok((visible, handed_off))
    }

    /// Carry out a cart edit like add-to-cart (in the seller's brand). A
    /// refused edit changes nothing and is reported to the plugin's
    /// operations log; a storage failure fails the turn (the edits are
    /// idempotent, so its retry is safe).
    async fn edit_cart(
        &self,
        m: &ChatMessageNew,
        seller: &LoadedPlugin,
        edit: CartEdit,
    ) -> anyhow::Result<()> {
        let p = &self.0;
        match p
            .carts
            .edit(&m.conversation_id, Some(&m.brand), &edit)
            .await
        {
            Ok(()) => Ok(()),
            Err(CartError::Db(e)) => Err(e.into()),
            Err(e) => {
                let name = &seller.manifest.name;
                tracing::warn!(plugin = %name, action = edit.name(), error = %e, "cart edit refused");
                refused(p, seller, edit.name(), &e);
                Ok(())
            }
        }
    }

    /// Whether WhatsApp would accept the action (rendering checks limits,
    /// ids and that products exist).
    fn validate(&self, m: &ChatMessageNew, action: &Action) -> Result<(), outbound::RenderError> {
        // A seller shows only its own brand's products.
        let shown: &[String] = match action {
            Action::Product { product_id, .. } => std::slice::from_ref(product_id),
            Action::Products { product_ids, .. } => product_ids,
            _ => &[],
        };
        if let Some(foreign) = shown
            .iter()
            .find(|id| self.0.catalog.get(Some(m.brand.as_str()), id).is_none())
        {
            return Err(outbound::RenderError::UnknownProduct(foreign.clone()));
        }
        let ctx = RenderContext {
            to: &m.customer.wa_id,
            catalog: &self.0.catalog,
            catalog_id: self.0.catalog_id.as_deref(),
            language: &m.language,
        };
        outbound::render(action, &ctx).map(|_| ())
    }

    /// The escalation effect (storing it also moves the conversation to
    /// the sales team).
    fn escalate(
        &self,
        m: &ChatMessageNew,
        reason: EscalationReason,
        priority: Priority,
        summary: &str,
    ) -> anyhow::Result<TurnEffect> {
        let e = SalesEscalate {
            conversation_id: m.conversation_id.clone(),
            customer: m.customer.clone(),
            brand: Some(m.brand.clone()),
            reason,
            priority,
            summary: summary.chars().take(1000).collect(),
        };
        tracing::info!(conversation = %m.conversation_id, ?reason, ?priority, "escalated to a human");
        turn_effect(
            &format!("{}/escalate", m.message.id),
            &m.conversation_id,
            Some(&m.brand),
            &e,
            true,
        )
    }

    /// Give the conversation to another brand's seller; the message to
    /// re-dispatch to it ([`Self::pass_on`]), `None` when refused.
    async fn hand_off(
        &self,
        m: &ChatMessageNew,
        brand: &str,
        reason: &str,
    ) -> anyhow::Result<Option<ChatMessageNew>> {
        let p = &self.0;
        if m.hops >= MAX_HOPS || brand == m.brand || p.plugins.snapshot().seller(brand).is_none() {
            tracing::warn!(from = %m.brand, to = %brand, hops = m.hops, "hand-off refused");
            return Ok(None);
        }
        p.conversations.set_brand(&m.conversation_id, brand).await?;
        let handoff = SalesHandoff {
            conversation_id: m.conversation_id.clone(),
            from_brand: m.brand.clone(),
            to_brand: brand.to_string(),
            reason: reason.to_string(),
        };
        p.publish_with_id(
            &format!("{}/handoff/{}", m.message.id, brand),
            &m.conversation_id,
            Some(brand),
            &handoff,
        )
        .await?;
        let mut next = m.clone();
        next.brand = brand.to_string();
        next.hops += 1;
        next.routing.reason = format!("handed off by {}: {reason}", m.brand);
        next.routing.decided_by = format!("hand-off from {}", m.brand);
        Ok(Some(next))
    }

    /// Re-dispatch a handed-off message to its new seller.
    async fn pass_on(&self, next: ChatMessageNew) -> anyhow::Result<()> {
        self.0
            .publish_with_id(
                &format!("{}/chat/{}", next.message.id, next.brand),
                &next.conversation_id,
                Some(&next.brand),
                &next,
            )
            .await
    }
}

/// Tell the plugin's operations log that one of its actions was refused
/// (what its developers read: `agent-store plugin logs`).
fn refused(p: &Pipeline, seller: &LoadedPlugin, action: &str, e: &CartError) {
    p.plugins.stats().log(
        &seller.manifest.name,
        "action_refused",
        Some(&crate::plugins::version_id(seller)),
        &format!("{action} refused: {e}"),
    );
}

/// Products a seller shows count as recommendations (accuracy: how many
/// of them the customer then adds to the cart).
fn shown_products(m: &ChatMessageNew, action: &Action) {
    let shown: &[String] = match action {
        Action::Product { product_id, .. } => std::slice::from_ref(product_id),
        Action::Products { product_ids, .. } => product_ids,
        _ => return,
    };
    crate::telemetry::metrics::recommended(&m.conversation_id, &m.brand, shown);
}
