//! Native tests of the gaming seller over the real demo catalog.

use agent_store_sdk::prelude::*;
use agent_store_sdk::testing::{
    FakeHost, TurnBuilder, all_text, assert_valid, choice_ids, shown_products,
};
use seller_gaming::Gaming as S;

const CSV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../catalog/products.csv");
const BRAND: &str = "gaming";

fn host() -> FakeHost {
    FakeHost::from_csv(CSV).expect("catalog").with_brand(BRAND)
}

fn say(host: &FakeHost, text: &str) -> Vec<Action> {
    turn(host, TurnBuilder::text(text))
}

fn turn(host: &FakeHost, t: TurnBuilder) -> Vec<Action> {
    let actions = S::handle_turn(host, &t.brand(BRAND).build()).expect("seller reply");
    assert_valid(&actions);
    host.apply(&actions);
    actions
}

/// Every shown id exists in the CSV, belongs to this brand and to one of
/// the expected category prefixes.
fn assert_products(host: &FakeHost, actions: &[Action], categories: &[&str]) {
    let ids = shown_products(actions);
    assert!(!ids.is_empty(), "no products in {actions:#?}");
    for id in &ids {
        let p = host
            .products()
            .into_iter()
            .find(|p| &p.id == id)
            .unwrap_or_else(|| panic!("invented id {id}"));
        assert_eq!(p.brand, BRAND, "{id} is not a {BRAND} product");
        assert!(
            categories.iter().any(|c| p.category.starts_with(c)),
            "{id} ({}) not in {categories:?}",
            p.category
        );
    }
}

fn assert_search(text: &str, categories: &[&str], lang: &str) -> (FakeHost, Vec<Action>) {
    let h = host();
    let a = say(&h, text);
    assert_products(&h, &a, categories);
    assert!(
        choice_ids(&a).iter().any(|id| id.starts_with("add:")),
        "no add button: {a:#?}"
    );
    assert_eq!(h.state_of("lang").as_deref(), Some(lang));
    (h, a)
}

#[test]
fn greets_with_persona_and_category_buttons() {
    for (text, lang) in [("hi!", "en"), ("oi, tudo bem?", "pt"), ("¡hola!", "es")] {
        let h = host();
        let a = say(&h, text);
        assert!(all_text(&a).contains("Pixel"), "{text}: {a:?}");
        assert!(choice_ids(&a).iter().all(|id| id.starts_with("cat:")));
        assert!(!choice_ids(&a).is_empty());
        assert_eq!(h.state_of("lang").as_deref(), Some(lang));
    }
}

#[test]
fn finds_products_in_english() {
    assert_search("I want a new console", &["Consoles"], "en");
}

#[test]
fn finds_products_in_portuguese() {
    let (_, a) = assert_search(
        "tem controle sem fio pro videogame?",
        &["Controllers", "Accessories > Chargers"],
        "pt",
    );
    assert!(
        all_text(&a).contains("US$"),
        "prices formatted for pt: {}",
        all_text(&a)
    );
}

#[test]
fn finds_products_in_spanish() {
    assert_search("quiero un juego de carreras", &["Games"], "es");
}

#[test]
fn category_button_and_more_options() {
    let h = host();
    let a = say(&h, "hello");
    let cat = choice_ids(&a)
        .into_iter()
        .find(|id| id.starts_with("cat:"))
        .expect("category button");
    let a = turn(&h, TurnBuilder::button(&cat, "category"));
    let first = shown_products(&a);
    assert!(!first.is_empty());
    let more = turn(&h, TurnBuilder::button("more", "More options"));
    let next = shown_products(&more);
    assert!(
        next.iter().all(|id| !first.contains(id)),
        "more repeats products"
    );
}

#[test]
fn add_to_cart_then_checkout() {
    let h = host();
    let a = turn(&h, TurnBuilder::button("add:GAM-0002", "Add to cart"));
    assert!(
        a.iter()
            .any(|x| matches!(x, Action::AddToCart(c) if c.product_id == "GAM-0002")),
        "{a:#?}"
    );
    assert_eq!(h.cart_lines(), vec![("GAM-0002".to_string(), 1)]);
    assert!(choice_ids(&a).contains(&"checkout".to_string()));
    let a = say(&h, "finalizar");
    assert!(
        a.iter().any(|x| matches!(x, Action::PlaceOrder(_))),
        "{a:#?}"
    );
    assert_eq!(h.order_list().len(), 1);
    assert!(h.cart_lines().is_empty());
}

#[test]
fn checkout_with_empty_cart_does_not_order() {
    let h = host();
    let a = say(&h, "checkout");
    assert!(!a.iter().any(|x| matches!(x, Action::PlaceOrder(_))));
}

#[test]
fn never_adds_foreign_or_unknown_products() {
    let h = host();
    for id in ["BTY-0012", "NOPE-0000"] {
        let a = turn(&h, TurnBuilder::button(&format!("add:{id}"), "Add"));
        assert!(
            !a.iter().any(|x| matches!(x, Action::AddToCart(_))),
            "{id}: {a:#?}"
        );
    }
    assert!(h.cart_lines().is_empty());
}

#[test]
fn escalates_human_requests_and_complaints() {
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
        let a = say(&host(), text);
        let esc = a.iter().find_map(|x| match x {
            Action::Escalate(e) => Some(e.clone()),
            _ => None,
        });
        let esc = esc.unwrap_or_else(|| panic!("{text}: no escalation in {a:#?}"));
        assert_eq!(esc.reason, reason, "{text}");
        assert!(!esc.summary.is_empty());
    }
}

#[test]
fn hands_off_other_brands() {
    let a = say(&host(), "quero um batom vermelho");
    assert!(
        a.iter()
            .any(|x| matches!(x, Action::HandOff(h) if h.brand == "beauty")),
        "{a:#?}"
    );
    assert!(shown_products(&a).is_empty());
}

#[test]
fn unknown_things_get_a_clarifying_question() {
    let a = say(&host(), "do you sell pianos?");
    assert!(shown_products(&a).is_empty());
    assert!(
        choice_ids(&a).iter().any(|id| id.starts_with("cat:")),
        "{a:#?}"
    );
}

#[test]
fn follow_up_price_question_uses_the_last_product() {
    let h = host();
    let a = say(&h, "I want a new console");
    let first = shown_products(&a)[0].clone();
    let p = h
        .products()
        .into_iter()
        .find(|p| p.id == first)
        .unwrap()
        .clone();
    let a = say(&h, "how much is it?");
    let price = agent_store_sdk::reply::price_label(&p, "en");
    assert!(
        all_text(&a).contains(&price),
        "{price} not in {}",
        all_text(&a)
    );
}

#[test]
fn llm_phrasing_is_used_only_when_grounded() {
    // Grounded: quotes no price at all.
    let h = host().with_llm_reply("Great choice! These are my favourites.");
    let a = say(&h, "I want a new console");
    assert!(all_text(&a).starts_with("Great choice!"));
    let req = &h.chat_requests()[0];
    assert!(req.messages[0].content.contains("never invent"));
    // Invented price: the template is used instead.
    let h = host().with_llm_reply("Only $1.00 today!");
    let a = say(&h, "I want a new console");
    assert!(!all_text(&a).contains("$1.00"));
    assert_products(&h, &a, &["Consoles"]);
}
