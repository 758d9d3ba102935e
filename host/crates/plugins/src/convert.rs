//! Conversions between the WIT contract's turn types and the host's own:
//! what a turn gives a plugin (customer, message) and the actions it
//! answers, so the contract can evolve (0.1 → 0.2) without the rest of the
//! host noticing (0.1.0 components reach these through [`super::v0_1`]).
//! Each import's conversions live with its capability's host side; the
//! history a turn carries is the `conversation` interface's.

use super::bindings::wit;
use crate::chat::{self, Action, Content};

pub use crate::conversations::plugin_host::history;

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
