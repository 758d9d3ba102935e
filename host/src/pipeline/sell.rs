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
use crate::chat::{Action, EscalationReason, HistoryEntry, Priority, Speaker};
use crate::conversations::{TurnEffect, TurnWrites};
use crate::events::{
    ChatMessageNew, ChatResponse, OfferedProduct, OrderCreate, PluginFailed, ProductQuery,
    ProductRecommend, SalesEscalate, SalesHandoff,
};
use crate::llm::grounding;
use crate::llm::seen::Seen;
use crate::orders::{Cart, CartEdit, CartError};
use crate::plugins::manifest::Grants;
use crate::plugins::{LoadedPlugin, TurnError, convert, wit};
use crate::whatsapp::outbound::{self, RenderContext, Rendered};

pub(super) struct Sell(pub(super) Arc<Pipeline>);

/// Hand-offs allowed within one customer message (stops ping-pong).
const MAX_HOPS: u8 = 2;
const HISTORY_LINES: u32 = 20;

/// What a seller's turn left for the checks after it (grounding, the
/// brand's policy).
#[derive(Clone, Copy)]
pub(super) struct AfterTurn<'a> {
    pub m: &'a ChatMessageNew,
    pub history: &'a [HistoryEntry],
    pub seller: &'a LoadedPlugin,
    pub seen: &'a Seen,
    /// The conversation's cart, which the turn cannot change (`None`: it
    /// could not be read).
    pub cart: Option<&'a Cart>,
}

/// A reply action WhatsApp accepts, with the messages it renders to: the
/// check is the rendering, done once, and the messages are what the turn
/// queues.
struct Checked {
    action: Action,
    messages: Vec<Rendered>,
}

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
        // Order requests, escalations, the seller's state writes and the
        // policy's decisions and budget use: committed with the replies and
        // the handled mark, effects published after.
        let mut writes = TurnWrites::default();
        // What the seller searched and offered: published once the turn
        // is committed.
        let mut observed = None;
        let actions = match p.plugins.handle_turn_staged(&m.brand, &turn).await {
            Some((seller, Ok(actions), stage, seen)) => {
                // Only a turn that succeeded keeps the state it wrote.
                writes.state = stage.map(|s| s.writes()).unwrap_or_default();
                let actions: Vec<Action> = actions.into_iter().map(convert::action).collect();
                // The cart as the turn left it (a turn cannot change it):
                // read once for the grounding and the policy's order value.
                let cart = p.carts.get(&m.conversation_id).await.ok();
                let after = AfterTurn {
                    m: &m,
                    history: &history,
                    seller: &seller,
                    seen: &seen,
                    cart: cart.as_ref(),
                };
                let actions = self.ground(&after, actions, &writes).await;
                // The brand's policy approves or denies every intent.
                let reviewed = self.review(&after, actions, &mut writes).await?;
                let own_escalation = seller.manifest.grants.escalate
                    && reviewed
                        .actions
                        .iter()
                        .any(|a| matches!(a, Action::Escalate { .. }));
                let (visible, handed) = self
                    .carry_out(&m, &seller, reviewed.actions, &mut writes.effects)
                    .await?;
                if let Some(summary) = reviewed.escalate.filter(|_| !own_escalation) {
                    writes.effects.push(self.policy_escalation(&m, &summary)?);
                }
                handed_off = handed;
                let shown: Vec<Action> = visible.iter().map(|c| c.action.clone()).collect();
                observed = Some((seller.manifest.name.clone(), seen, shown));
                visible
            }
            Some((seller, Err(e @ TurnError::Storage { .. }), _, _)) => {
                // Not the seller's fault, and the customer must not get an
                // apology for it: the bus retries the turn.
                tracing::warn!(plugin = %seller.manifest.name, conversation = %m.conversation_id, error = %e, "turn failed on storage, will retry");
                return Err(e.into());
            }
            Some((seller, Err(e), _, _)) => {
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
                self.host_text(&m, HostText::Apology)
            }
            None => {
                writes.effects.push(self.escalate(
                    &m,
                    EscalationReason::Other,
                    Priority::Medium,
                    &format!("No seller for brand {}", m.brand),
                )?);
                self.host_text(&m, HostText::NoSeller)
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
                    .commit_turn(&[], &writes, handled, 0)
                    .await?;
                p.publish_effects(&writes.effects).await?;
            }
        } else {
            self.reply(&m, actions, &writes, handled).await?;
        }
        if let Some((plugin, seen, visible)) = observed {
            self.publish_product_events(&m, &plugin, &seen, &visible)
                .await?;
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
        checked: Vec<Checked>,
        writes: &TurnWrites,
        handled: Option<&str>,
    ) -> anyhow::Result<()> {
        let p = &self.0;
        let (actions, rendered): (Vec<Action>, Vec<Vec<Rendered>>) =
            checked.into_iter().map(|c| (c.action, c.messages)).unzip();
        let response = ChatResponse {
            conversation_id: m.conversation_id.clone(),
            phone_number_id: m.phone_number_id.clone(),
            to: m.customer.wa_id.clone(),
            brand: m.brand.clone(),
            in_reply_to: m.message.id.clone(),
            actions,
            language: m.language.clone(),
            messages: Vec::new(),
        };
        let id = format!("{}/response/{}", m.message.id, m.brand);
        let messages = super::send::outbound_messages(&id, &response, rendered);
        p.answer_with(&id, Some(&m.brand), &response, &messages, writes, handled)
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
    ) -> anyhow::Result<(Vec<Checked>, Option<ChatMessageNew>)> {
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
                a if a.is_message() => match self.render(m, &a) {
                    Ok(messages) => visible.push(Checked {
                        action: a,
                        messages,
                    }),
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

    /// The host's own text in the customer's language, rendered.
    fn host_text(&self, m: &ChatMessageNew, text: HostText) -> Vec<Checked> {
        let action = Action::Text {
            body: messages::text(text, &m.language).into(),
        };
        match self.render(m, &action) {
            Ok(messages) => vec![Checked { action, messages }],
            Err(e) => {
                tracing::warn!(error = %e, "action could not be rendered");
                Vec::new()
            }
        }
    }

    /// The messages of the action, when WhatsApp would accept it
    /// (rendering checks limits, ids and that products exist) and it shows
    /// only the seller's own brand.
    fn render(
        &self,
        m: &ChatMessageNew,
        action: &Action,
    ) -> Result<Vec<Rendered>, outbound::RenderError> {
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
        outbound::render(action, &ctx)
    }

    /// The escalation effect (storing it also moves the conversation to
    /// the sales team).
    pub(super) fn escalate(
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

/// Catalog ids a reply action names: product cards, and ids in button and
/// row ids (`add:FSH-0001`) and in its texts, in order of appearance.
fn named_ids(action: &Action) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |id: &str| {
        if !out.iter().any(|x| x == id) {
            out.push(id.to_string());
        }
    };
    match action {
        Action::Product { product_id, .. }
        | Action::AddToCart { product_id, .. }
        | Action::SetCartQuantity { product_id, .. } => push(product_id.as_str()),
        Action::Products { product_ids, .. } => {
            for id in product_ids {
                push(id.as_str());
            }
        }
        Action::Buttons { buttons, .. } => {
            for b in buttons {
                grounding::id_like(&b.id).into_iter().for_each(&mut push);
            }
        }
        Action::List { sections, .. } => {
            for r in sections.iter().flat_map(|s| &s.rows) {
                grounding::id_like(&r.id).into_iter().for_each(&mut push);
            }
        }
        _ => {}
    }
    for text in action_texts(action) {
        grounding::id_like(text).into_iter().for_each(&mut push);
    }
    out
}

/// The products a reply action offers, in order, with how it shows them:
/// `card` (product cards and lists), `id` (a catalog id in a button or row
/// id or in its text) or `name` (a title of the seller's brand in its
/// text, as an LLM writes: "the Pulse Buds are…").
fn offered_in(
    action: &Action,
    names: &crate::catalog::names::ProductNames,
    brand_key: &str,
) -> Vec<(String, &'static str)> {
    let carded: Vec<&String> = match action {
        Action::Product { product_id, .. } => vec![product_id],
        Action::Products { product_ids, .. } => product_ids.iter().collect(),
        _ => Vec::new(),
    };
    let mut out: Vec<(String, &'static str)> = named_ids(action)
        .into_iter()
        .map(|id| {
            let how = if carded.contains(&&id) { "card" } else { "id" };
            (id, how)
        })
        .collect();
    let none = std::collections::HashSet::new();
    for text in action_texts(action) {
        for named in names.find(text, &none) {
            let own = named
                .products
                .iter()
                .zip(&named.brands)
                .find(|(_, b)| b.as_str() == brand_key);
            if let Some((id, _)) = own
                && !out.iter().any(|(x, _)| x == id)
            {
                out.push((id.clone(), "name"));
            }
        }
    }
    out
}

/// Where the turn got a product it offered (`search`, `cross_sell`,
/// `upsell`, `alternative` or `other`), and whether the LLM's tools found
/// it.
fn source_of(seen: &Seen, id: &str) -> (&'static str, bool) {
    if let Some(r) = seen
        .recommendations
        .iter()
        .find(|r| r.results.iter().any(|x| x == id))
    {
        let kind = match r.kind {
            crate::catalog::RecommendationKind::CrossSell => "cross_sell",
            crate::catalog::RecommendationKind::Upsell => "upsell",
            crate::catalog::RecommendationKind::Alternative => "alternative",
        };
        return (kind, r.by_llm);
    }
    match seen
        .searches
        .iter()
        .find(|s| s.results.iter().any(|x| x == id))
    {
        Some(s) => ("search", s.by_llm),
        None => ("other", false),
    }
}

/// The customer-visible texts of an action.
pub(super) fn action_texts(action: &Action) -> Vec<&str> {
    match action {
        Action::Text { body } => vec![body.as_str()],
        Action::Image { caption, .. } => caption.as_deref().into_iter().collect(),
        Action::Product { body, .. } => body.as_deref().into_iter().collect(),
        Action::Products { header, body, .. } => vec![header.as_str(), body.as_str()],
        Action::Buttons {
            body,
            buttons,
            header,
            footer,
        } => {
            let mut v: Vec<&str> = vec![body.as_str()];
            v.extend(buttons.iter().map(|b| b.title.as_str()));
            v.extend(header.as_deref());
            v.extend(footer.as_deref());
            v
        }
        Action::List {
            body,
            sections,
            header,
            footer,
            ..
        } => {
            let mut v: Vec<&str> = vec![body.as_str()];
            for s in sections {
                for r in &s.rows {
                    v.push(r.title.as_str());
                    v.extend(r.description.as_deref());
                }
            }
            v.extend(header.as_deref());
            v.extend(footer.as_deref());
            v
        }
        _ => Vec::new(),
    }
}

impl Sell {
    /// The grounding guard on the plugin's own texts ([`grounding::actions`]):
    /// what the turn saw is the context (products the host gave it, the
    /// cart, its orders, amounts the customer wrote, products its reply
    /// names and those its seller kit offered before, grounded LLM
    /// answers). Corrections and refusals are counted per plugin; a reply
    /// left with nothing to show becomes a short host answer.
    async fn ground(
        &self,
        turn: &AfterTurn<'_>,
        actions: Vec<Action>,
        writes: &TurnWrites,
    ) -> Vec<Action> {
        let AfterTurn {
            m,
            history,
            seller,
            seen,
            cart,
        } = *turn;
        if !actions.iter().any(Action::is_message) {
            return actions;
        }
        let p = &self.0;
        let catalog = &p.catalog;
        // Product names the customer wrote are theirs to hear back.
        let customer_text = m.message.content.text();
        let said = std::iter::once(customer_text.as_str()).chain(
            history
                .iter()
                .filter(|h| h.speaker == Speaker::Customer)
                .map(|h| h.text.as_str()),
        );
        let mut ctx = grounding::Context::default().with_names(catalog.names(), said);
        for product in &seen.products {
            ctx.add_product(product.clone());
        }
        ctx.amounts.extend(&seen.amounts);
        let mut ids: Vec<String> = seen.ids.clone();
        ids.extend(actions.iter().flat_map(named_ids));
        ids.extend(self.offered_before(m, seller, writes).await);
        for id in &ids {
            if let Some(product) = catalog.get(None, id) {
                ctx.add_product(product);
            }
        }
        ctx.amounts.extend(
            grounding::quoted(&m.message.content.text())
                .into_iter()
                .map(|q| q.minor),
        );
        // The cart as it is and after each of the turn's cart edits: its
        // subtotals and line totals are true amounts to quote.
        if let Some(cart) = cart {
            let mut lines: Vec<super::cart_lines::Line> = Vec::new();
            for l in &cart.lines {
                lines.push((l.product_id.clone(), l.unit_price.minor_units, l.quantity));
                if let Some(product) = catalog.get(None, &l.product_id) {
                    ctx.add_product(product);
                }
            }
            let note = |lines: &[super::cart_lines::Line], amounts: &mut Vec<i64>| {
                let mut subtotal = 0i64;
                for (_, unit, qty) in lines {
                    let line = unit.saturating_mul(i64::from(*qty));
                    amounts.push(line);
                    subtotal = subtotal.saturating_add(line);
                }
                amounts.push(subtotal);
            };
            note(&lines, &mut ctx.amounts);
            let unit = |id: &str| {
                catalog
                    .get(None, id)
                    .map(|p| p.effective_price().minor_units)
            };
            for a in &actions {
                if !super::cart_lines::apply(&mut lines, a, unit) {
                    continue;
                }
                note(&lines, &mut ctx.amounts);
            }
        }
        let had_message = actions.iter().any(Action::is_message);
        let (mut grounded, report) =
            grounding::actions(actions, &ctx, &|id| catalog.get(None, id).is_some());
        let name = &seller.manifest.name;
        let version = &seller.manifest.version;
        crate::telemetry::metrics::plugin_grounding(
            name,
            version,
            "corrected",
            u64::from(report.corrected),
        );
        crate::telemetry::metrics::plugin_grounding(
            name,
            version,
            "refused",
            u64::from(report.refused),
        );
        if report.refused > 0 {
            // One line per turn, however much the plugin wrote.
            tracing::warn!(plugin = %name, %version, conversation = %m.conversation_id, refused = report.refused, corrected = report.corrected, violations = ?report.violations, "grounding: plugin text not backed by the catalog was dropped");
            p.plugins.stats().log(
                name,
                "grounding_refused",
                Some(&crate::plugins::version_id(seller)),
                &format!(
                    "{} text(s) dropped: {}",
                    report.refused,
                    report.violations.join("; ")
                ),
            );
        } else if report.corrected > 0 {
            tracing::info!(plugin = %name, conversation = %m.conversation_id, corrected = report.corrected, "grounding: prices in plugin text corrected from the catalog");
        }
        if had_message && !grounded.iter().any(Action::is_message) {
            grounded.push(Action::Text {
                body: messages::text(HostText::NotGrounded, &m.language).into(),
            });
        }
        grounded
    }

    /// The products the seller kit offered (its dialogue state, as this
    /// turn leaves it or as stored).
    async fn offered_before(
        &self,
        m: &ChatMessageNew,
        seller: &LoadedPlugin,
        writes: &TurnWrites,
    ) -> Vec<String> {
        use agent_store_sdk::dialogue::{DialogueState, STATE_KEY};
        let key = format!("{}:{STATE_KEY}", seller.manifest.name);
        let staged = writes
            .state
            .iter()
            .rev()
            .find(|w| w.key == key || w.key == STATE_KEY)
            .map(|w| w.value.clone());
        let raw = match staged {
            Some(v) => Some(v),
            None => self
                .0
                .conversations
                .state(&m.conversation_id, &key)
                .await
                .ok()
                .flatten(),
        };
        raw.map(|v| {
            DialogueState::from_json(&v)
                .offered
                .into_iter()
                .map(|o| o.id)
                .collect()
        })
        .unwrap_or_default()
    }

    /// `store.product.query` for every catalog search of the turn and
    /// `store.product.recommend` for the products its reply offered (ids
    /// derived from the message, so a replayed turn publishes the same
    /// events). No phone number in either.
    async fn publish_product_events(
        &self,
        m: &ChatMessageNew,
        plugin: &str,
        seen: &Seen,
        visible: &[Action],
    ) -> anyhow::Result<()> {
        let p = &self.0;
        for (i, search) in seen.searches.iter().enumerate() {
            let query = ProductQuery {
                conversation_id: m.conversation_id.clone(),
                message_id: m.message.id.clone(),
                plugin: plugin.to_string(),
                brand: Some(m.brand.clone()),
                language: m.language.clone(),
                text: search.text.clone(),
                by: if search.by_llm { "llm" } else { "plugin" }.to_string(),
                result_count: u32::try_from(search.results.len()).unwrap_or(u32::MAX),
                results: search.results.clone(),
            };
            p.publish_with_id(
                &format!("{}/query/{}/{i}", m.message.id, m.brand),
                &m.conversation_id,
                Some(&m.brand),
                &query,
            )
            .await?;
        }
        let names = p.catalog.names();
        let brand_key = agent_store_lang::text::normalize(&m.brand);
        let mut offered: Vec<OfferedProduct> = Vec::new();
        for (id, shown_as) in visible
            .iter()
            .filter(|a| a.is_message())
            .flat_map(|a| offered_in(a, &names, &brand_key))
        {
            if offered.iter().any(|o| o.product_id == id)
                || p.catalog.get(Some(m.brand.as_str()), &id).is_none()
            {
                continue;
            }
            let (source, by_llm) = source_of(seen, &id);
            offered.push(OfferedProduct {
                position: u32::try_from(offered.len() + 1).unwrap_or(u32::MAX),
                cross_sell: source == "cross_sell",
                source: source.to_string(),
                product_id: id,
                shown_as: shown_as.to_string(),
                by_llm,
            });
        }
        if offered.is_empty() {
            return Ok(());
        }
        let recommend = ProductRecommend {
            conversation_id: m.conversation_id.clone(),
            message_id: m.message.id.clone(),
            plugin: plugin.to_string(),
            brand: Some(m.brand.clone()),
            language: m.language.clone(),
            offered,
        };
        p.publish_with_id(
            &format!("{}/recommend/{}", m.message.id, m.brand),
            &m.conversation_id,
            Some(&m.brand),
            &recommend,
        )
        .await
    }
}
