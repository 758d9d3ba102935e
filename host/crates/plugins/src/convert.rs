//! Conversions between the WIT contract's types and the host's own.
//!
//! Kept in one place so the contract can evolve (0.1 → 0.2) without the
//! rest of the host noticing (0.1.0 components reach these through
//! [`super::v0_1`]).

use super::bindings::wit;
use crate::catalog::{self, Availability, Product};
use crate::chat::{self, Action, Content};
use crate::money::Money;

pub fn money(m: &Money) -> wit::Money {
    wit::Money {
        minor_units: m.minor_units,
        currency: m.currency.clone(),
    }
}

pub fn availability(a: Availability) -> wit::Availability {
    match a {
        Availability::InStock => wit::Availability::InStock,
        Availability::OutOfStock => wit::Availability::OutOfStock,
        Availability::Preorder => wit::Availability::Preorder,
        Availability::AvailableForOrder => wit::Availability::AvailableForOrder,
        Availability::Discontinued => wit::Availability::Discontinued,
    }
}

pub fn product(p: &Product) -> wit::Product {
    wit::Product {
        id: p.id.clone(),
        title: p.title.clone(),
        description: p.description.clone(),
        brand: p.brand.clone(),
        category: p.category.clone(),
        price: money(&p.price),
        sale_price: p.sale_price.as_ref().map(money),
        availability: availability(p.availability),
        quantity: p.quantity,
        image_url: p.image_url.clone(),
        link: p.link.clone(),
        color: p.color.clone(),
        size: p.size.clone(),
        gender: p.gender.clone(),
        attributes: p.attributes.clone(),
    }
}

/// [`product`] of an owned product: its texts move, nothing is copied
/// (a search hands a turn up to 20 products with their descriptions).
pub fn into_product(p: Product) -> wit::Product {
    wit::Product {
        price: into_money(p.price),
        sale_price: p.sale_price.map(into_money),
        availability: availability(p.availability),
        quantity: p.quantity,
        id: p.id,
        title: p.title,
        description: p.description,
        brand: p.brand,
        category: p.category,
        image_url: p.image_url,
        link: p.link,
        color: p.color,
        size: p.size,
        gender: p.gender,
        attributes: p.attributes,
    }
}

fn into_money(m: Money) -> wit::Money {
    wit::Money {
        minor_units: m.minor_units,
        currency: m.currency,
    }
}

pub fn brand_profile(p: crate::routing::directory::BrandProfile) -> wit::BrandProfile {
    wit::BrandProfile {
        brand: p.brand,
        display_name: p.display_name,
        categories: p.categories,
        examples: p.examples,
    }
}

pub fn brand_match(m: crate::routing::directory::BrandMatch) -> wit::BrandMatch {
    wit::BrandMatch {
        brand: m.brand,
        score: m.score,
        terms: m.terms,
    }
}

/// The guest's query, with its limit bounded by the host.
pub fn search_query(q: wit::SearchQuery, max_limit: u32) -> catalog::SearchQuery {
    let non_empty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    catalog::SearchQuery {
        text: q.text,
        max_price_minor: q.max_price_minor,
        min_price_minor: q.min_price_minor,
        color: non_empty(q.color),
        size: non_empty(q.size),
        gender: non_empty(q.gender),
        in_stock_only: q.in_stock_only,
        limit: q.limit.clamp(1, max_limit),
    }
}

pub fn recommendation_kind(k: wit::RecommendationKind) -> catalog::RecommendationKind {
    match k {
        wit::RecommendationKind::CrossSell => catalog::RecommendationKind::CrossSell,
        wit::RecommendationKind::Upsell => catalog::RecommendationKind::Upsell,
        wit::RecommendationKind::Alternative => catalog::RecommendationKind::Alternative,
    }
}

pub fn customer(c: &chat::Customer) -> wit::Customer {
    wit::Customer {
        wa_id: c.wa_id.clone(),
        name: c.name.clone(),
    }
}

fn choice(c: &chat::Choice) -> wit::Choice {
    wit::Choice {
        id: c.id.clone(),
        title: c.title.clone(),
    }
}

pub fn content(c: &Content) -> wit::MessageContent {
    match c {
        Content::Text { body } => wit::MessageContent::Text(body.clone()),
        Content::ButtonReply(ch) => wit::MessageContent::ButtonReply(choice(ch)),
        Content::ListReply(ch) => wit::MessageContent::ListReply(choice(ch)),
        Content::Image { caption } => wit::MessageContent::Image(caption.clone()),
        Content::Audio { transcript } => wit::MessageContent::Audio(transcript.clone()),
        Content::Location {
            latitude,
            longitude,
        } => wit::MessageContent::Location((*latitude, *longitude)),
        Content::Order { lines, .. } => wit::MessageContent::Order(
            lines
                .iter()
                .map(|l| wit::OrderLine {
                    product_id: l.product_id.clone(),
                    quantity: l.quantity,
                })
                .collect(),
        ),
        Content::Unsupported { kind } => wit::MessageContent::Unsupported(kind.clone()),
    }
}

pub fn inbound(m: &chat::InboundMessage) -> wit::InboundMessage {
    wit::InboundMessage {
        id: m.id.clone(),
        timestamp: m.timestamp,
        content: content(&m.content),
        reply_to: m.reply_to.clone(),
    }
}

pub fn speaker(s: chat::Speaker) -> wit::Speaker {
    match s {
        chat::Speaker::Customer => wit::Speaker::Customer,
        chat::Speaker::Assistant => wit::Speaker::Assistant,
        chat::Speaker::HumanAgent => wit::Speaker::HumanAgent,
        chat::Speaker::System => wit::Speaker::System,
    }
}

pub fn history(h: &[chat::HistoryEntry]) -> Vec<wit::HistoryEntry> {
    h.iter()
        .map(|e| wit::HistoryEntry {
            speaker: speaker(e.speaker),
            text: e.text.clone(),
            brand: e.brand.clone(),
            timestamp: e.timestamp,
        })
        .collect()
}

fn escalation_reason(r: wit::EscalationReason) -> chat::EscalationReason {
    use chat::EscalationReason as R;
    match r {
        wit::EscalationReason::CustomerRequest => R::CustomerRequest,
        wit::EscalationReason::Complaint => R::Complaint,
        wit::EscalationReason::HighValueCart => R::HighValueCart,
        wit::EscalationReason::ComplexQuestion => R::ComplexQuestion,
        wit::EscalationReason::TechnicalIssue => R::TechnicalIssue,
        wit::EscalationReason::PaymentIssue => R::PaymentIssue,
        wit::EscalationReason::NegativeSentiment => R::NegativeSentiment,
        wit::EscalationReason::PluginFailure => R::PluginFailure,
        wit::EscalationReason::Other => R::Other,
    }
}

fn priority(p: wit::Priority) -> chat::Priority {
    match p {
        wit::Priority::Low => chat::Priority::Low,
        wit::Priority::Medium => chat::Priority::Medium,
        wit::Priority::High => chat::Priority::High,
        wit::Priority::Urgent => chat::Priority::Urgent,
    }
}

fn button(b: wit::Button) -> chat::Button {
    chat::Button {
        id: b.id,
        title: b.title,
    }
}

fn section(s: wit::ListSection) -> chat::ListSection {
    chat::ListSection {
        title: s.title,
        rows: s
            .rows
            .into_iter()
            .map(|r| chat::ListRow {
                id: r.id,
                title: r.title,
                description: r.description,
            })
            .collect(),
    }
}

/// A guest's reply action as the host's.
pub fn action(a: wit::Action) -> Action {
    match a {
        wit::Action::Text(body) => Action::Text { body },
        wit::Action::Image(i) => Action::Image {
            url: i.url,
            caption: i.caption,
        },
        wit::Action::Buttons(b) => Action::Buttons {
            body: b.body,
            buttons: b.buttons.into_iter().map(button).collect(),
            header: b.header,
            footer: b.footer,
        },
        wit::Action::List(l) => Action::List {
            body: l.body,
            button_label: l.button_label,
            sections: l.sections.into_iter().map(section).collect(),
            header: l.header,
            footer: l.footer,
        },
        wit::Action::Product(p) => Action::Product {
            product_id: p.product_id,
            body: p.body,
        },
        wit::Action::Products(p) => Action::Products {
            header: p.header,
            body: p.body,
            product_ids: p.product_ids,
        },
        wit::Action::AddToCart(c) => Action::AddToCart {
            product_id: c.product_id,
            quantity: c.quantity,
        },
        wit::Action::RemoveFromCart(product_id) => Action::RemoveFromCart { product_id },
        wit::Action::SetCartQuantity(c) => Action::SetCartQuantity {
            product_id: c.product_id,
            quantity: c.quantity,
        },
        wit::Action::ClearCart => Action::ClearCart,
        wit::Action::PlaceOrder(o) => Action::PlaceOrder { note: o.note },
        wit::Action::Escalate(e) => Action::Escalate {
            reason: escalation_reason(e.reason),
            priority: priority(e.priority),
            summary: e.summary,
        },
        wit::Action::HandOff(h) => Action::HandOff {
            brand: h.brand,
            reason: h.reason,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_product() -> Product {
        Product {
            id: "TEC-0013".into(),
            title: "Studio 15 Everyday Laptop".into(),
            description: "A laptop".into(),
            brand: "tech".into(),
            category: "Computers > Laptops".into(),
            price: Money::new(54900, "USD"),
            sale_price: Some(Money::new(49900, "USD")),
            availability: Availability::Preorder,
            quantity: Some(3),
            image_url: Some("https://cdn/x.jpg".into()),
            link: None,
            color: Some("black".into()),
            size: None,
            gender: None,
            attributes: vec![("material".into(), "aluminium".into())],
        }
    }

    #[test]
    fn an_owned_product_converts_as_a_borrowed_one() {
        let p = sample_product();
        let json = |w: &wit::Product| serde_json::to_value(w).expect("serialises");
        assert_eq!(json(&into_product(p.clone())), json(&product(&p)));
    }

    #[test]
    fn product_keeps_every_field() {
        let p = sample_product();
        let w = product(&p);
        assert_eq!(w.id, p.id);
        assert_eq!(w.price.minor_units, 54900);
        assert_eq!(w.price.currency, "USD");
        assert_eq!(w.sale_price.as_ref().map(|m| m.minor_units), Some(49900));
        assert_eq!(w.availability, wit::Availability::Preorder);
        assert_eq!(w.quantity, Some(3));
        assert_eq!(w.color.as_deref(), Some("black"));
        assert_eq!(w.attributes, p.attributes);
    }

    #[test]
    fn search_query_bounds_limit_and_drops_blank_filters() {
        let q = search_query(
            wit::SearchQuery {
                text: "laptop".into(),
                max_price_minor: Some(100_000),
                min_price_minor: None,
                color: Some("  ".into()),
                size: Some("M".into()),
                gender: None,
                in_stock_only: true,
                limit: 10_000,
            },
            20,
        );
        assert_eq!(q.limit, 20);
        assert_eq!(q.color, None);
        assert_eq!(q.size.as_deref(), Some("M"));
        assert!(q.in_stock_only);
        let zero = search_query(
            wit::SearchQuery {
                text: String::new(),
                max_price_minor: None,
                min_price_minor: None,
                color: None,
                size: None,
                gender: None,
                in_stock_only: false,
                limit: 0,
            },
            20,
        );
        assert_eq!(zero.limit, 1);
    }

    #[test]
    fn every_content_kind_converts() {
        let cases = [
            (
                Content::Text { body: "hi".into() },
                wit::MessageContent::Text("hi".into()),
            ),
            (
                Content::ButtonReply(chat::Choice {
                    id: "a".into(),
                    title: "A".into(),
                }),
                wit::MessageContent::ButtonReply(wit::Choice {
                    id: "a".into(),
                    title: "A".into(),
                }),
            ),
            (
                Content::Audio { transcript: None },
                wit::MessageContent::Audio(None),
            ),
            (
                Content::Location {
                    latitude: 1.5,
                    longitude: -2.0,
                },
                wit::MessageContent::Location((1.5, -2.0)),
            ),
            (
                Content::Unsupported {
                    kind: "sticker".into(),
                },
                wit::MessageContent::Unsupported("sticker".into()),
            ),
        ];
        for (host, guest) in cases {
            // bindgen derives Debug but not PartialEq for variants.
            assert_eq!(format!("{:?}", content(&host)), format!("{guest:?}"));
        }
    }

    #[test]
    fn every_action_converts() {
        let a = action(wit::Action::Buttons(wit::ButtonsReply {
            body: "b".into(),
            buttons: vec![wit::Button {
                id: "add:1".into(),
                title: "Add".into(),
            }],
            header: None,
            footer: Some("f".into()),
        }));
        assert_eq!(
            a,
            Action::Buttons {
                body: "b".into(),
                buttons: vec![chat::Button {
                    id: "add:1".into(),
                    title: "Add".into()
                }],
                header: None,
                footer: Some("f".into()),
            }
        );
        let e = action(wit::Action::Escalate(wit::Escalation {
            reason: wit::EscalationReason::Complaint,
            priority: wit::Priority::Urgent,
            summary: "angry".into(),
        }));
        assert_eq!(
            e,
            Action::Escalate {
                reason: chat::EscalationReason::Complaint,
                priority: chat::Priority::Urgent,
                summary: "angry".into()
            }
        );
        let l = action(wit::Action::List(wit::ListReply {
            body: "pick".into(),
            button_label: "See".into(),
            sections: vec![wit::ListSection {
                title: "S".into(),
                rows: vec![wit::ListRow {
                    id: "r".into(),
                    title: "R".into(),
                    description: None,
                }],
            }],
            header: None,
            footer: None,
        }));
        assert!(matches!(l, Action::List { ref sections, .. } if sections[0].rows[0].id == "r"));
        assert_eq!(
            action(wit::Action::HandOff(wit::HandOff {
                brand: "beauty".into(),
                reason: "lipstick".into()
            })),
            Action::HandOff {
                brand: "beauty".into(),
                reason: "lipstick".into()
            }
        );
        assert_eq!(
            action(wit::Action::AddToCart(wit::CartIntent {
                product_id: "p".into(),
                quantity: 2
            })),
            Action::AddToCart {
                product_id: "p".into(),
                quantity: 2
            }
        );
        assert_eq!(
            action(wit::Action::RemoveFromCart("p".into())),
            Action::RemoveFromCart {
                product_id: "p".into()
            }
        );
        assert_eq!(
            action(wit::Action::SetCartQuantity(wit::CartIntent {
                product_id: "p".into(),
                quantity: 0
            })),
            Action::SetCartQuantity {
                product_id: "p".into(),
                quantity: 0
            }
        );
        assert_eq!(action(wit::Action::ClearCart), Action::ClearCart);
    }
}
