//! The conformance suite every seller passes: one description of the brand
//! ([`SellerCase`]) and [`seller_conformance!`](crate::seller_conformance)
//! expands into named native tests over a real catalog CSV.
//!
//! ```text
//! agent_store_sdk::seller_conformance!(my_seller::Shoes, agent_store_sdk::conformance::SellerCase {
//!     csv: concat!(env!("CARGO_MANIFEST_DIR"), "/../../catalog/products.csv"),
//!     brand: "shoes",
//!     persona: "Lia",
//!     searches: [
//!         ("running shoes under $100", &["Shoes"], "en"),
//!         ("quero um tênis preto", &["Shoes"], "pt"),
//!         ("busco zapatillas", &["Shoes"], "es"),
//!     ],
//!     cart_product: "SHO-0001",
//!     foreign_product: "TEC-0010",
//!     hand_off: ("quero um notebook novo", "tech"),
//! });
//! ```

use crate::prelude::*;
use crate::testing::{FakeHost, TurnBuilder, all_text, assert_valid, choice_ids, shown_products};

/// What a brand's seller must do, as data.
#[derive(Debug, Clone, Copy)]
pub struct SellerCase {
    /// The catalog the tests run against.
    pub csv: &'static str,
    pub brand: &'static str,
    /// The persona's name, which greetings must mention.
    pub persona: &'static str,
    /// (customer message, accepted category prefixes, language) in en, pt, es.
    pub searches: [(&'static str, &'static [&'static str], &'static str); 3],
    /// A product of this brand that can be added to the cart.
    pub cart_product: &'static str,
    /// A product of another brand: never added.
    pub foreign_product: &'static str,
    /// (a message about another brand's products, that brand).
    pub hand_off: (&'static str, &'static str),
}

impl SellerCase {
    pub fn host(&self) -> FakeHost {
        FakeHost::from_csv(self.csv)
            .expect("catalog CSV")
            .with_brand(self.brand)
    }
}

fn turn<S: Seller>(case: &SellerCase, host: &FakeHost, t: TurnBuilder) -> Vec<Action> {
    let actions = S::handle_turn(host, &t.brand(case.brand).build()).expect("seller reply");
    assert_valid(&actions);
    host.apply(&actions);
    actions
}

fn say<S: Seller>(case: &SellerCase, host: &FakeHost, text: &str) -> Vec<Action> {
    turn::<S>(case, host, TurnBuilder::text(text))
}

/// Every shown id exists and belongs to the brand, and the first one (the
/// best match) to one of `categories`. After it come related products, as
/// the host ranks them: its search (and `FakeHost`, on the same query
/// parser and coverage) keeps products that match most of the query
/// ("a sunscreen for oily skin": the sunscreens, then a moisturizer for
/// oily skin).
pub fn assert_products(
    case: &SellerCase,
    host: &FakeHost,
    actions: &[Action],
    categories: &[&str],
) {
    let ids = shown_products(actions);
    assert!(!ids.is_empty(), "no products in {actions:#?}");
    for (i, id) in ids.iter().enumerate() {
        let p = host
            .products()
            .into_iter()
            .find(|p| &p.id == id)
            .unwrap_or_else(|| panic!("invented id {id}"));
        assert_eq!(p.brand, case.brand, "{id} is not a {} product", case.brand);
        if i == 0 {
            assert!(
                categories.iter().any(|c| p.category.starts_with(c)),
                "the best match {id} ({}) is not in {categories:?}: {ids:?}",
                p.category
            );
        }
    }
}

pub fn greets_with_persona_and_category_buttons<S: Seller>(case: &SellerCase) {
    for (text, lang) in [("hi!", "en"), ("oi, tudo bem?", "pt"), ("¡hola!", "es")] {
        let h = case.host();
        let a = say::<S>(case, &h, text);
        assert!(all_text(&a).contains(case.persona), "{text}: {a:?}");
        assert!(!choice_ids(&a).is_empty());
        assert!(choice_ids(&a).iter().all(|id| id.starts_with("cat:")));
        assert_eq!(h.state_of("lang").as_deref(), Some(lang));
    }
}

/// The `i`-th search finds in-brand products of its categories, offers
/// "add to cart", and remembers the language (pt prices read "US$").
pub fn finds_products<S: Seller>(case: &SellerCase, i: usize) {
    let (text, categories, lang) = case.searches[i];
    let h = case.host();
    let a = say::<S>(case, &h, text);
    assert_products(case, &h, &a, categories);
    assert!(
        choice_ids(&a).iter().any(|id| id.starts_with("add:")),
        "no add button: {a:#?}"
    );
    assert_eq!(h.state_of("lang").as_deref(), Some(lang));
    if lang == "pt" {
        assert!(
            all_text(&a).contains("US$"),
            "prices formatted for pt: {}",
            all_text(&a)
        );
    }
}

pub fn category_button_and_more_options<S: Seller>(case: &SellerCase) {
    let h = case.host();
    let a = say::<S>(case, &h, "hello");
    let cat = choice_ids(&a)
        .into_iter()
        .find(|id| id.starts_with("cat:"))
        .expect("category button");
    let first = shown_products(&turn::<S>(case, &h, TurnBuilder::button(&cat, "category")));
    assert!(!first.is_empty());
    let next = shown_products(&turn::<S>(
        case,
        &h,
        TurnBuilder::button("more", "More options"),
    ));
    assert!(
        next.iter().all(|id| !first.contains(id)),
        "more repeats products"
    );
}

pub fn add_to_cart_then_checkout<S: Seller>(case: &SellerCase) {
    let h = case.host();
    let id = case.cart_product;
    let a = turn::<S>(
        case,
        &h,
        TurnBuilder::button(&format!("add:{id}"), "Add to cart"),
    );
    assert!(
        a.iter()
            .any(|x| matches!(x, Action::AddToCart(c) if c.product_id == id)),
        "{a:#?}"
    );
    assert_eq!(h.cart_lines(), vec![(id.to_string(), 1)]);
    assert!(choice_ids(&a).contains(&"checkout".to_string()));
    let a = say::<S>(case, &h, "finalizar");
    assert!(
        a.iter().any(|x| matches!(x, Action::PlaceOrder(_))),
        "{a:#?}"
    );
    assert_eq!(h.order_list().len(), 1);
    assert!(h.cart_lines().is_empty());
}

pub fn checkout_with_empty_cart_does_not_order<S: Seller>(case: &SellerCase) {
    let a = say::<S>(case, &case.host(), "checkout");
    assert!(!a.iter().any(|x| matches!(x, Action::PlaceOrder(_))));
}

pub fn never_adds_foreign_or_unknown_products<S: Seller>(case: &SellerCase) {
    let h = case.host();
    for id in [case.foreign_product, "NOPE-0000"] {
        let a = turn::<S>(case, &h, TurnBuilder::button(&format!("add:{id}"), "Add"));
        assert!(
            !a.iter().any(|x| matches!(x, Action::AddToCart(_))),
            "{id}: {a:#?}"
        );
    }
    assert!(h.cart_lines().is_empty());
}

pub fn escalates_human_requests_and_complaints<S: Seller>(case: &SellerCase) {
    for (text, reason) in [
        (
            "quero falar com um atendente",
            EscalationReason::CustomerRequest,
        ),
        (
            "I want to talk to a human",
            EscalationReason::CustomerRequest,
        ),
        (
            "necesito hablar con una persona",
            EscalationReason::CustomerRequest,
        ),
        ("my order arrived broken", EscalationReason::Complaint),
        ("quero meu dinheiro de volta", EscalationReason::Complaint),
    ] {
        let a = say::<S>(case, &case.host(), text);
        let esc = a
            .iter()
            .find_map(|x| match x {
                Action::Escalate(e) => Some(e.clone()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{text}: no escalation in {a:#?}"));
        assert_eq!(esc.reason, reason, "{text}");
        assert!(!esc.summary.is_empty());
    }
}

pub fn hands_off_other_brands<S: Seller>(case: &SellerCase) {
    let (text, brand) = case.hand_off;
    let a = say::<S>(case, &case.host(), text);
    assert!(
        a.iter()
            .any(|x| matches!(x, Action::HandOff(h) if h.brand == brand)),
        "{a:#?}"
    );
    assert!(shown_products(&a).is_empty());
}

pub fn unknown_things_get_a_clarifying_question<S: Seller>(case: &SellerCase) {
    let a = say::<S>(case, &case.host(), "do you sell pianos?");
    assert!(shown_products(&a).is_empty());
    assert!(
        choice_ids(&a).iter().any(|id| id.starts_with("cat:")),
        "{a:#?}"
    );
}

pub fn follow_up_price_question_uses_the_last_product<S: Seller>(case: &SellerCase) {
    let h = case.host();
    let a = say::<S>(case, &h, case.searches[0].0);
    let first = shown_products(&a)[0].clone();
    let p = h
        .products()
        .into_iter()
        .find(|p| p.id == first)
        .cloned()
        .expect("shown product exists");
    let a = say::<S>(case, &h, "how much is it?");
    let price = crate::reply::price_label(&p, "en");
    assert!(
        all_text(&a).contains(&price),
        "{price} not in {}",
        all_text(&a)
    );
}

pub fn llm_phrasing_is_used_only_when_grounded<S: Seller>(case: &SellerCase) {
    let (text, categories, _) = case.searches[0];
    // Grounded: quotes no price at all.
    let h = case
        .host()
        .with_llm_reply("Great choice! These are my favourites.");
    let a = say::<S>(case, &h, text);
    assert!(all_text(&a).starts_with("Great choice!"));
    assert!(
        h.chat_requests()[0].messages[0]
            .content
            .contains("never invent")
    );
    // An invented price: the template is used instead.
    let h = case.host().with_llm_reply("Only $1.00 today!");
    let a = say::<S>(case, &h, text);
    assert!(!all_text(&a).contains("$1.00"));
    assert_products(case, &h, &a, categories);
}

/// Expand the conformance suite into named `#[test]`s for a seller type.
#[macro_export]
macro_rules! seller_conformance {
    ($seller:ty, $case:expr) => {
        const CASE: $crate::conformance::SellerCase = $case;
        mod conformance {
            use super::CASE;
            use $crate::conformance as c;
            type S = $seller;
            #[test]
            fn greets_with_persona_and_category_buttons() {
                c::greets_with_persona_and_category_buttons::<S>(&CASE)
            }
            #[test]
            fn finds_products_in_english() {
                c::finds_products::<S>(&CASE, 0)
            }
            #[test]
            fn finds_products_in_portuguese() {
                c::finds_products::<S>(&CASE, 1)
            }
            #[test]
            fn finds_products_in_spanish() {
                c::finds_products::<S>(&CASE, 2)
            }
            #[test]
            fn category_button_and_more_options() {
                c::category_button_and_more_options::<S>(&CASE)
            }
            #[test]
            fn add_to_cart_then_checkout() {
                c::add_to_cart_then_checkout::<S>(&CASE)
            }
            #[test]
            fn checkout_with_empty_cart_does_not_order() {
                c::checkout_with_empty_cart_does_not_order::<S>(&CASE)
            }
            #[test]
            fn never_adds_foreign_or_unknown_products() {
                c::never_adds_foreign_or_unknown_products::<S>(&CASE)
            }
            #[test]
            fn escalates_human_requests_and_complaints() {
                c::escalates_human_requests_and_complaints::<S>(&CASE)
            }
            #[test]
            fn hands_off_other_brands() {
                c::hands_off_other_brands::<S>(&CASE)
            }
            #[test]
            fn unknown_things_get_a_clarifying_question() {
                c::unknown_things_get_a_clarifying_question::<S>(&CASE)
            }
            #[test]
            fn follow_up_price_question_uses_the_last_product() {
                c::follow_up_price_question_uses_the_last_product::<S>(&CASE)
            }
            #[test]
            fn llm_phrasing_is_used_only_when_grounded() {
                c::llm_phrasing_is_used_only_when_grounded::<S>(&CASE)
            }
        }
    };
}
