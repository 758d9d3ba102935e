//! The sell stage's policy gate: every effect a seller turn asks for (cart
//! edits, discounts offered in its text, the order, an escalation, a
//! hand-off, its messages) is an intent the brand's policy approves or
//! denies ([`crate::policy`]) before anything is carried out. Each decision
//! is published as `store.plugin.intent.approved|denied` (plugin name,
//! version and digest) at once, and stored, with the messages the turn
//! spends, in the turn's commit.

use super::messages::{self, HostText};
use super::sell::{AfterTurn, Sell, action_texts};
use crate::chat::{Action, EscalationReason, Priority};
use crate::conversations::TurnWrites;
use crate::events::{ChatMessageNew, PluginIntent, PluginIntentApproved, PluginIntentDenied};
use crate::llm::seen::Seen;
use crate::orders::Cart;
use crate::plugins::LoadedPlugin;
use crate::policy::{self, Budgets, Decision, Facts, Intent, discount};

/// What the gate leaves of a turn.
pub(super) struct Reviewed {
    /// The actions the policy allowed, in order.
    pub actions: Vec<Action>,
    /// A person must step in (an order above the brand's value, the
    /// message budget spent): the escalation's summary.
    pub escalate: Option<String>,
}

/// The intents of one action (a message may offer discounts).
fn intents_of(action: &Action, order_value: i64, currency: &str) -> Vec<Intent> {
    let cart = |action: &str, product_id: Option<&String>, quantity: Option<u32>| Intent::Cart {
        action: action.to_string(),
        product_id: product_id.cloned(),
        quantity,
    };
    match action {
        Action::AddToCart {
            product_id,
            quantity,
        } => vec![cart("add", Some(product_id), Some(*quantity))],
        Action::RemoveFromCart { product_id } => vec![cart("remove", Some(product_id), None)],
        Action::SetCartQuantity {
            product_id,
            quantity,
        } => vec![cart("set_quantity", Some(product_id), Some(*quantity))],
        Action::ClearCart => vec![cart("clear", None, None)],
        Action::PlaceOrder { .. } => vec![Intent::Order {
            value_minor: order_value,
            currency: currency.to_string(),
        }],
        Action::Escalate { reason, .. } => vec![Intent::Escalation {
            reason: format!("{reason:?}"),
        }],
        Action::HandOff { brand, .. } => vec![Intent::HandOff {
            to_brand: brand.clone(),
        }],
        a if a.is_message() => action_texts(a)
            .into_iter()
            .flat_map(|t| {
                discount::offered(t)
                    .into_iter()
                    .map(move |percent| Intent::Discount {
                        percent,
                        text: t.chars().take(200).collect(),
                    })
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Percentages that are the catalog's own sale prices of what the turn saw.
fn catalog_discounts(seen: &Seen) -> Vec<u32> {
    seen.products
        .iter()
        .filter_map(|p| {
            let sale = p.sale_price.as_ref()?.minor_units;
            let price = p.price.minor_units;
            (price > 0 && sale < price)
                .then(|| u32::try_from(((price - sale) * 100 + price / 2) / price).ok())
                .flatten()
        })
        .collect()
}

impl Sell {
    /// The value of `cart` once the turn's own cart edits are applied, and
    /// its currency.
    fn order_value(&self, cart: Option<&Cart>, actions: &[Action]) -> (i64, String) {
        let p = &self.0;
        let mut lines: Vec<super::cart_lines::Line> = Vec::new();
        let mut currency = String::new();
        if let Some(cart) = cart {
            currency = cart.subtotal.currency.clone();
            for l in &cart.lines {
                lines.push((l.product_id.clone(), l.unit_price.minor_units, l.quantity));
            }
        }
        let unit = |id: &str| {
            p.catalog
                .get(None, id)
                .map(|p| p.effective_price().minor_units)
        };
        for a in actions {
            super::cart_lines::apply(&mut lines, a, unit);
        }
        let value = lines.iter().fold(0i64, |sum, (_, unit, qty)| {
            sum.saturating_add(unit.saturating_mul(i64::from(*qty)))
        });
        if currency.is_empty() {
            currency = p
                .catalog
                .get(None, lines.first().map_or("", |l| l.0.as_str()))
                .map(|p| p.price.currency)
                .unwrap_or_default();
        }
        (value, currency)
    }

    /// Review every intent of the turn (see the module doc): the decisions
    /// and the messages spent go into `writes`. A failed read of the
    /// budgets fails the turn (the bus retries it).
    pub(super) async fn review(
        &self,
        turn: &AfterTurn<'_>,
        actions: Vec<Action>,
        writes: &mut TurnWrites,
    ) -> anyhow::Result<Reviewed> {
        let AfterTurn {
            m,
            seller,
            seen,
            cart,
            ..
        } = *turn;
        let p = &self.0;
        let budgets: Budgets = p.policy.budgets(&m.brand).await?;
        let messages_today = p
            .policy
            .used(&m.brand, policy::MESSAGES, &m.conversation_id)
            .await?;
        let sale = catalog_discounts(seen);
        let facts = Facts {
            grants: &seller.manifest.grants,
            budgets: &budgets,
            bound_number: p.whatsapp.bound_brand(&m.phone_number_id).is_some(),
            messages_today,
            catalog_discounts: &sale,
        };
        let (value, currency) = self.order_value(cart, &actions);
        let mut n = 0usize;
        let mut kept = Vec::with_capacity(actions.len());
        let mut escalate = None;
        let mut dropped_offer = false;
        let mut order_held = false;
        for action in actions {
            let mut allowed = true;
            for intent in intents_of(&action, value, &currency) {
                let d = policy::intents::review(&intent, &facts);
                self.audit(m, seller, n, &intent, &d, writes).await?;
                n += 1;
                if !d.approved {
                    allowed = false;
                    if let Intent::Order { .. } = intent {
                        order_held = true;
                        escalate = Some(format!("Order held for a person: {}", d.reason));
                    }
                }
            }
            if allowed {
                kept.push(action);
            } else if action.is_message() {
                dropped_offer = true;
            }
        }
        let shown = u32::try_from(kept.iter().filter(|a| a.is_message()).count()).unwrap_or(0);
        if shown > 0 {
            let intent = Intent::Message { count: shown };
            let d = policy::intents::review(&intent, &facts);
            self.audit(m, seller, n, &intent, &d, writes).await?;
            if d.approved {
                writes.meters.push(policy::messages_used(
                    &m.brand,
                    &m.conversation_id,
                    u64::from(shown),
                ));
            } else {
                kept.retain(|a| !a.is_message());
                escalate = Some(format!("Message budget spent: {}", d.reason));
                return Ok(Reviewed {
                    actions: kept,
                    escalate,
                });
            }
        }
        let language = m.language.as_str();
        if dropped_offer && !kept.iter().any(Action::is_message) {
            kept.push(Action::Text {
                body: messages::text(HostText::NotAllowed, language).into(),
            });
        }
        if order_held {
            kept.push(Action::Text {
                body: messages::text(HostText::OrderNeedsPerson, language).into(),
            });
        }
        Ok(Reviewed {
            actions: kept,
            escalate,
        })
    }

    /// Publish one decision now and add it to the turn's writes (its id
    /// derives from the message: a retried or replayed turn publishes the
    /// same event again and stores it once). Published before the commit,
    /// as before the turn's effects: a failed publish fails the turn and
    /// the bus retries it, whereas after the commit the retry would find
    /// the message handled and the event would be lost.
    async fn audit(
        &self,
        m: &ChatMessageNew,
        seller: &LoadedPlugin,
        n: usize,
        intent: &Intent,
        d: &Decision,
        writes: &mut TurnWrites,
    ) -> anyhow::Result<()> {
        let record = PluginIntent {
            plugin: seller.manifest.name.clone(),
            version: seller.manifest.version.clone(),
            digest: seller.digest.clone(),
            brand: m.brand.clone(),
            conversation_id: m.conversation_id.clone(),
            message_id: m.message.id.clone(),
            intent: intent.kind().to_string(),
            detail: serde_json::to_value(intent).unwrap_or_default(),
            approved: d.approved,
            reason: d.reason.clone(),
        };
        crate::telemetry::metrics::plugin_intent(
            &record.plugin,
            &record.version,
            if d.approved { "approved" } else { "denied" },
        );
        if !d.approved {
            tracing::warn!(plugin = %record.plugin, version = %record.version, conversation = %m.conversation_id, intent = %record.intent, reason = %record.reason, "intent denied by the brand's policy");
        }
        let id = format!("{}/intent/{}/{n}", m.message.id, m.brand);
        writes.intents.push(policy::intent_record(&id, &record));
        let p = &self.0;
        let (conversation, brand) = (m.conversation_id.as_str(), Some(m.brand.as_str()));
        if d.approved {
            p.publish_with_id(&id, conversation, brand, &PluginIntentApproved(record))
                .await
        } else {
            p.publish_with_id(&id, conversation, brand, &PluginIntentDenied(record))
                .await
        }
    }

    /// The escalation a held order or a spent message budget needs (once
    /// per turn: a seller's own escalation of the turn stands instead).
    pub(super) fn policy_escalation(
        &self,
        m: &ChatMessageNew,
        summary: &str,
    ) -> anyhow::Result<crate::conversations::TurnEffect> {
        let reason = if summary.starts_with("Order") {
            EscalationReason::HighValueCart
        } else {
            EscalationReason::Other
        };
        self.escalate(m, reason, Priority::High, summary)
    }
}
