//! Stage 1: choose the brand for an inbound message.
//!
//! Host rules first (a tapped department menu row; an escalated
//! conversation stays with humans), then the router plugin; a message the
//! router cannot place stays with the conversation's current brand, and a
//! new customer with no clear intent gets the department menu.

use std::sync::Arc;

use async_trait::async_trait;
use cloudevents::Event;

use super::effects::turn_effect;
use super::messages::{self, HostText};
use super::{Pipeline, Stage, language};
use crate::chat::{Action, Content, EscalationReason, ListRow, ListSection, Priority};
use crate::conversations::TurnWrites;
use crate::events::{
    ChatMessageNew, ChatResponse, MessageReceived, PluginFailed, Routing, SalesEscalate,
};
use crate::plugins::convert;
use crate::plugins::wit;
use crate::routing::{ORDER_TOPIC, STORE};
use crate::whatsapp::{self, inbound::Triage};

pub(super) struct Route(pub Arc<Pipeline>);

/// Menu rows carry this id prefix.
const BRAND_CHOICE: &str = "brand:";

/// What the route stage does with a message.
enum Decision {
    /// Its brand's seller answers.
    Brand(Routing),
    /// The store answers a store-level question itself.
    Store { topic: String, reason: String },
    /// The customer picks a department (the router's candidates first).
    Menu(Vec<String>),
}

#[async_trait]
impl Stage for Route {
    type In = MessageReceived;

    async fn run(&self, _event: &Event, m: MessageReceived) -> anyhow::Result<()> {
        let p = &self.0;
        if p.conversations.is_handled(&m.message.id).await? {
            // A redelivered or re-published copy: answered already.
            tracing::debug!(message = %m.message.id, "message handled already: skipped");
            return Ok(());
        }
        let conversation = p.conversations.get(&m.conversation_id).await?;
        // First, so a rep who has the conversation reads a voice note too.
        let m = self.listen(m, &conversation.language).await;
        if crate::satisfaction::is_answer(&m.message.content) {
            // The satisfaction consumer stores it and thanks the customer.
            p.conversations.mark_handled(&m.message.id).await?;
            return Ok(());
        }
        if conversation.status == "escalated" {
            // A human has the conversation: the AI stays out of it.
            tracing::info!(conversation = %m.conversation_id, "escalated conversation: message left for the sales team");
            p.conversations.mark_handled(&m.message.id).await?;
            return Ok(());
        }
        let triage = whatsapp::inbound::triage(&m.message.content);
        if triage == Triage::Ignore {
            // A reaction: stored for the history, no reply.
            p.conversations.mark_handled(&m.message.id).await?;
            return Ok(());
        }
        // Only the customer's own words tell their language: a tapped button
        // or a catalog order ("[order of 2 items]") would flip it to English.
        // Sticky: one shared word ("finalizar") never switches it.
        let current = conversation.language.as_str();
        let detected = match &m.message.content {
            Content::Text { body } => language::sticky(current, body),
            Content::Image { caption } => language::sticky(current, caption),
            Content::Audio {
                transcript: Some(t),
            } => language::sticky(current, t),
            Content::Order { text, .. } => language::sticky(current, text),
            _ => "",
        };
        let language = if detected.is_empty() {
            conversation.language.clone()
        } else {
            detected.to_string()
        };
        if !detected.is_empty() && detected != conversation.language {
            p.conversations
                .set_language(&m.conversation_id, detected)
                .await?;
        }
        if let Triage::CannotRead(why) = triage {
            // Stickers, videos, voice notes without a transcript...: a
            // polite answer in the customer's language, never an error.
            let language = if language.is_empty() {
                whatsapp::inbound::language_from_wa_id(&m.customer.wa_id).to_string()
            } else {
                language
            };
            let body = whatsapp::inbound::cannot_read_text(why, &language).to_string();
            return self
                .host_reply(
                    &m,
                    vec![Action::Text { body }],
                    &language,
                    TurnWrites::default(),
                )
                .await;
        }
        let brands = p.plugins.snapshot().brands();
        if self.unknown_order_items(&m, &brands, &language).await? {
            return Ok(());
        }
        let routing = match self
            .decide(&m, conversation.brand.as_deref(), &brands)
            .await
        {
            Decision::Brand(r) => r,
            Decision::Menu(candidates) => {
                // A complaint or a request for a person before any
                // department: a person, not a menu.
                if needs_human(&m.message.content) {
                    return self.escalate(&m, &language).await;
                }
                // Two or more likely brands: only those; else every brand.
                let shown = if candidates.len() >= 2 {
                    &candidates
                } else {
                    &brands
                };
                return self.menu(&m, shown, &language).await;
            }
            // An order already placed, with no department yet: a person.
            Decision::Store { topic, .. } if topic == ORDER_TOPIC => {
                return self.escalate(&m, &language).await;
            }
            Decision::Store { topic, reason } => {
                return self
                    .store_answer(
                        &m,
                        conversation.brand.as_deref(),
                        &topic,
                        &reason,
                        &language,
                    )
                    .await;
            }
        };
        crate::telemetry::metrics::message_routed(
            &routing.brand,
            m.message.content.kind(),
            &language,
            conversation.brand.is_none(),
        );
        if conversation.brand.as_deref() != Some(routing.brand.as_str()) {
            p.conversations
                .set_brand(&m.conversation_id, &routing.brand)
                .await?;
        }
        tracing::info!(conversation = %m.conversation_id, brand = %routing.brand, confidence = routing.confidence, reason = %routing.reason, "routed");
        let brand = routing.brand.clone();
        let next = ChatMessageNew {
            conversation_id: m.conversation_id.clone(),
            phone_number_id: m.phone_number_id,
            customer: m.customer,
            message: m.message,
            brand: brand.clone(),
            routing,
            language,
            hops: 0,
        };
        let id = format!("{}/chat/{}", next.message.id, brand);
        p.publish_with_id(&id, &next.conversation_id, Some(&brand), &next)
            .await
    }
}

impl Route {
    /// A catalog order naming products the catalog does not have is
    /// answered for what it is: the unknown items are named. With none
    /// known the host answers alone (the note, then the department menu)
    /// and `true` is returned; otherwise the note goes out and the known
    /// items continue to their seller.
    async fn unknown_order_items(
        &self,
        m: &MessageReceived,
        brands: &[String],
        language: &str,
    ) -> anyhow::Result<bool> {
        let Content::Order { lines, .. } = &m.message.content else {
            return Ok(false);
        };
        let unknown: Vec<String> = lines
            .iter()
            .filter(|l| self.0.catalog.get(None, &l.product_id).is_none())
            .map(|l| l.product_id.clone())
            .collect();
        if unknown.is_empty() {
            return Ok(false);
        }
        let all = unknown.len() == lines.len();
        let language = match language {
            "" => whatsapp::inbound::language_from_wa_id(&m.customer.wa_id),
            l => l,
        };
        tracing::info!(wamid = %m.message.id, unknown = unknown.len(), lines = lines.len(), "catalog order with products not in the catalog");
        let note = Action::Text {
            body: whatsapp::inbound::unknown_items_text(&unknown, all, language),
        };
        if all {
            let mut actions = vec![note];
            actions.extend(menu_actions(brands, language));
            self.host_reply(m, actions, language, TurnWrites::default())
                .await?;
            return Ok(true);
        }
        let response = host_response(m, vec![note], language);
        let id = format!("{}/response/host-order-note", m.message.id);
        self.0
            .publish_with_id(&id, &m.conversation_id, None, &response)
            .await?;
        Ok(false)
    }

    /// A voice note becomes its transcript when speech to text is
    /// configured. Any failure (download refused or too large, the
    /// transcription service down) leaves it unread: the customer gets the
    /// polite "please type" answer, never silence.
    async fn listen(&self, mut m: MessageReceived, language: &str) -> MessageReceived {
        let p = &self.0;
        let (Content::Audio { transcript: None }, Some(media), Some(transcriber)) =
            (&m.message.content, &m.media, &p.transcriber)
        else {
            return m;
        };
        let audio = match p.whatsapp.download_media(media).await {
            Ok(a) => a,
            Err(e) => {
                tracing::warn!(wamid = %m.message.id, media = %media.id, error = %e, "voice note not downloaded");
                return m;
            }
        };
        let file_name = whatsapp::media::file_name(&audio.mime_type);
        match transcriber
            .transcribe(&audio.bytes, &audio.mime_type, file_name, language)
            .await
        {
            Ok(text) => {
                tracing::info!(wamid = %m.message.id, bytes = audio.bytes.len(), chars = text.chars().count(), "voice note transcribed");
                if let Err(e) = p.conversations.set_transcript(&m.message.id, &text).await {
                    tracing::warn!(wamid = %m.message.id, error = %e, "transcript not stored");
                }
                m.message.content = Content::Audio {
                    transcript: Some(text),
                };
            }
            Err(e) => {
                tracing::warn!(wamid = %m.message.id, error = %e, "voice note not transcribed");
            }
        }
        m
    }

    /// The brand for this message, the store's own answer, or the menu
    /// when nobody can tell.
    async fn decide(
        &self,
        m: &MessageReceived,
        current: Option<&str>,
        brands: &[String],
    ) -> Decision {
        let decision = self.ask_router(m, current, brands).await;
        match decision {
            Ok(r) => Decision::Brand(r),
            Err(Some(d)) if d.brand == STORE => {
                let topic = d
                    .reason
                    .strip_prefix("store:")
                    .and_then(|r| r.split_whitespace().next())
                    .unwrap_or("other")
                    .to_string();
                Decision::Store {
                    topic,
                    reason: d.reason,
                }
            }
            Err(d) => Decision::Menu(
                d.map(|d| d.candidates)
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|c| brands.contains(c))
                    .collect(),
            ),
        }
    }

    /// The brand for this message; otherwise the router's decision (when
    /// it answered) for the caller to read.
    async fn ask_router(
        &self,
        m: &MessageReceived,
        current: Option<&str>,
        brands: &[String],
    ) -> Result<Routing, Option<wit::RoutingDecision>> {
        let host = |brand: &str, reason: &str| Routing {
            brand: brand.to_string(),
            confidence: 1.0,
            reason: reason.to_string(),
            candidates: Vec::new(),
            decided_by: "host".into(),
        };
        if let Some(b) = self.0.whatsapp.bound_brand(&m.phone_number_id) {
            return Ok(host(b, "the business number is bound to this brand"));
        }
        if let Content::ListReply(c) | Content::ButtonReply(c) = &m.message.content
            && let Some(b) = c.id.strip_prefix(BRAND_CHOICE)
            && brands.iter().any(|x| x == b)
        {
            return Ok(host(b, "department chosen from the menu"));
        }
        let request = wit::RouteRequest {
            conversation_id: m.conversation_id.clone(),
            customer: convert::customer(&m.customer),
            message: convert::inbound(&m.message),
            current_brand: current.map(str::to_string),
            history: Vec::new(),
            brands: brands.to_vec(),
        };
        let decision = match self.0.plugins.route(&request).await {
            Some((router, Ok(d))) => Some((router, d)),
            Some((router, Err(e))) => {
                tracing::error!(plugin = %router.manifest.name, error = %e, "router failed");
                let failed = PluginFailed {
                    plugin: router.manifest.name.clone(),
                    version: router.manifest.version.clone(),
                    reason: e.to_string(),
                    conversation_id: Some(m.conversation_id.clone()),
                };
                let id = format!("{}/router-failed", m.message.id);
                let _ = self
                    .0
                    .publish_with_id(&id, &m.conversation_id, None, &failed)
                    .await;
                None
            }
            None => None,
        };
        let d = match decision {
            Some((router, d)) if brands.iter().any(|b| b == &d.brand) => {
                return Ok(Routing {
                    brand: d.brand,
                    confidence: d.confidence.clamp(0.0, 1.0),
                    reason: d.reason,
                    candidates: d.candidates,
                    decided_by: format!("{}@{}", router.manifest.name, router.manifest.version),
                });
            }
            Some((_, d)) => Some(d),
            None => None,
        };
        if d.as_ref().is_some_and(|d| d.brand == STORE) {
            return Err(d);
        }
        match current.filter(|c| brands.iter().any(|b| b == c)) {
            Some(c) => Ok(host(
                c,
                "no new brand signal: staying with the conversation's brand",
            )),
            None => Err(d),
        }
    }

    /// A store-level question (shipping, returns, payments...): the
    /// store's policy text answers, never a brand seller. A request for a
    /// person goes to the conversation's seller when it has one (it
    /// escalates with the cart in the summary), else the store escalates.
    async fn store_answer(
        &self,
        m: &MessageReceived,
        current: Option<&str>,
        topic: &str,
        reason: &str,
        language: &str,
    ) -> anyhow::Result<()> {
        let p = &self.0;
        let language = match language {
            "" => whatsapp::inbound::language_from_wa_id(&m.customer.wa_id),
            l => l,
        };
        tracing::info!(conversation = %m.conversation_id, topic, reason, "store question: answered by the store");
        let (body, escalate) = if topic == "human" {
            (
                messages::text(HostText::HumanComing, language).to_string(),
                true,
            )
        } else {
            let a = p
                .plugins
                .services()
                .routing
                .store_policy()
                .answer(topic, language);
            (a.body, a.escalate)
        };
        let mut effects = Vec::new();
        if escalate {
            let (why, priority) = match topic {
                "human" => (EscalationReason::CustomerRequest, Priority::Medium),
                "double-charge" | "payments" => (EscalationReason::PaymentIssue, Priority::High),
                _ => (EscalationReason::ComplexQuestion, Priority::Medium),
            };
            let said = match &m.message.content {
                Content::Text { body } => body.chars().take(500).collect(),
                _ => String::new(),
            };
            let e = SalesEscalate {
                conversation_id: m.conversation_id.clone(),
                customer: m.customer.clone(),
                brand: current.map(str::to_string),
                reason: why,
                priority,
                summary: format!("Store question ({topic}): {said}"),
            };
            tracing::info!(conversation = %m.conversation_id, ?why, "store question escalated to a human");
            effects.push(turn_effect(
                &format!("{}/escalate", m.message.id),
                &m.conversation_id,
                current,
                &e,
                true,
            )?);
        }
        self.host_reply(
            m,
            vec![Action::Text { body }],
            language,
            TurnWrites::of_effects(effects),
        )
        .await
    }

    /// Answer with the host's own actions; the message is handled once they
    /// are in the outbox.
    async fn host_reply(
        &self,
        m: &MessageReceived,
        actions: Vec<Action>,
        language: &str,
        writes: TurnWrites,
    ) -> anyhow::Result<()> {
        let response = host_response(m, actions, language);
        let id = format!("{}/response/host", m.message.id);
        self.0
            .answer(&id, None, &response, &writes, Some(&m.message.id))
            .await
    }

    /// A complaint, a question about an order already placed or a request
    /// for a person with no department yet: the host hands the
    /// conversation to the sales team itself (no seller would see the
    /// message).
    async fn escalate(&self, m: &MessageReceived, language: &str) -> anyhow::Result<()> {
        let said = match &m.message.content {
            Content::Text { body } => body.clone(),
            _ => String::new(),
        };
        let sig = agent_store_sdk::intent::Signals::of(&said);
        let (reason, priority) = if sig.human {
            (EscalationReason::CustomerRequest, Priority::Medium)
        } else if sig.angry {
            (EscalationReason::NegativeSentiment, Priority::Urgent)
        } else if sig.payment {
            (EscalationReason::PaymentIssue, Priority::High)
        } else if sig.order_status && !(sig.complaint || sig.refund) {
            (EscalationReason::ComplexQuestion, Priority::Medium)
        } else {
            (EscalationReason::Complaint, Priority::High)
        };
        let e = SalesEscalate {
            conversation_id: m.conversation_id.clone(),
            customer: m.customer.clone(),
            brand: None,
            reason,
            priority,
            summary: said.chars().take(1000).collect(),
        };
        tracing::info!(conversation = %m.conversation_id, ?reason, "escalated by the host before any department");
        let effect = super::effects::turn_effect(
            &format!("{}/escalate", m.message.id),
            &m.conversation_id,
            None,
            &e,
            true,
        )?;
        let text = messages::text(HostText::Escalating, language);
        let actions = vec![Action::Text { body: text.into() }];
        self.host_reply(m, actions, language, TurnWrites::of_effects(vec![effect]))
            .await
    }

    /// Ask the customer to pick a department.
    async fn menu(
        &self,
        m: &MessageReceived,
        brands: &[String],
        language: &str,
    ) -> anyhow::Result<()> {
        // No language shown yet ("🙂"): the number's country, as the
        // sellers do, else English.
        let language = match language {
            "" => whatsapp::inbound::language_from_wa_id(&m.customer.wa_id),
            l => l,
        };
        let actions = menu_actions(brands, language);
        self.host_reply(m, actions, language, TurnWrites::default())
            .await
    }
}

/// A reply from the host itself (not a seller) to `m`.
fn host_response(m: &MessageReceived, actions: Vec<Action>, language: &str) -> ChatResponse {
    ChatResponse {
        conversation_id: m.conversation_id.clone(),
        phone_number_id: m.phone_number_id.clone(),
        to: m.customer.wa_id.clone(),
        brand: "host".into(),
        in_reply_to: m.message.id.clone(),
        actions,
        language: language.to_string(),
        messages: Vec::new(),
    }
}

/// Whether a message asks for a person, complains, is angry or reports a
/// payment problem (the SDK's intents, shared with the router).
fn needs_human(content: &Content) -> bool {
    match content {
        Content::Text { body } => agent_store_sdk::intent::Signals::of(body).needs_human(),
        _ => false,
    }
}

/// The department menu (or, with no seller installed, the apology).
fn menu_actions(brands: &[String], language: &str) -> Vec<Action> {
    let rows = brands
        .iter()
        .map(|b| ListRow {
            id: format!("{BRAND_CHOICE}{b}"),
            title: messages::brand_title(b, language),
            description: None,
        })
        .collect::<Vec<_>>();
    if rows.is_empty() {
        vec![Action::Text {
            body: messages::text(HostText::NoSeller, language).to_string(),
        }]
    } else {
        vec![Action::List {
            body: messages::text(HostText::Menu, language).to_string(),
            button_label: messages::text(HostText::MenuButton, language).to_string(),
            sections: vec![ListSection {
                title: String::new(),
                rows,
            }],
            header: None,
            footer: None,
        }]
    }
}
