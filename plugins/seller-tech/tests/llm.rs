//! The seller kit with the host LLM (scripted in `FakeHost`): tool effects
//! become actions, failures fall back to templates, and the escalation
//! rules for high-value carts and repeated misunderstandings.

use agent_store_sdk::prelude::*;
use agent_store_sdk::testing::{FakeHost, TurnBuilder, all_text, assert_valid};
use seller_tech::Tech as S;

const CSV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../catalog/products.csv");

fn host() -> FakeHost {
    FakeHost::from_csv(CSV).expect("catalog").with_brand("tech")
}

fn say(host: &FakeHost, text: &str) -> Vec<Action> {
    let actions =
        S::handle_turn(host, &TurnBuilder::text(text).brand("tech").build()).expect("reply");
    assert_valid(&actions);
    host.apply(&actions);
    actions
}

#[test]
fn tool_effects_from_the_llm_become_cart_actions_with_buttons() {
    let h = host();
    h.push_llm(Ok(ChatResponse {
        content: "Done! The Forge 16 Creator Laptop is in your cart.".into(),
        tools_used: vec![
            "search_products".into(),
            r#"add_to_cart {"product_id":"TEC-0012","quantity":1}"#.into(),
        ],
    }));
    let a = say(&h, "surprise me please");
    assert!(
        matches!(&a[0], Action::AddToCart(c) if c.product_id == "TEC-0012"),
        "{a:#?}"
    );
    assert!(all_text(&a).contains("Forge 16"), "{a:#?}");
    assert!(
        agent_store_sdk::testing::choice_ids(&a).contains(&"checkout".to_string()),
        "{a:#?}"
    );
    let req = &h.chat_requests()[0];
    assert!(req.use_tools, "the kit asks for the host's tools");
    assert_eq!(h.cart_lines(), vec![("TEC-0012".to_string(), 1)]);
}

#[test]
fn without_an_llm_three_misses_in_a_row_escalate() {
    let h = host();
    for _ in 0..2 {
        let a = say(&h, "qwerty zxcv");
        assert!(
            !a.iter().any(|x| matches!(x, Action::Escalate(_))),
            "{a:#?}"
        );
    }
    let a = say(&h, "qwerty zxcv");
    assert!(
        a.iter().any(
            |x| matches!(x, Action::Escalate(e) if e.reason == EscalationReason::ComplexQuestion)
        ),
        "{a:#?}"
    );
}

#[test]
fn a_failing_llm_falls_back_to_templates() {
    let h = host().with_llm_error(HostError::Failed("grounding".into()));
    let a = say(&h, "qwerty zxcv");
    assert!(!all_text(&a).is_empty());
    assert!(
        !a.iter()
            .any(|x| matches!(x, Action::AddToCart(_) | Action::Escalate(_)))
    );
}

#[test]
fn a_high_value_checkout_is_ordered_and_escalated() {
    let h = host();
    h.add_to_cart("TEC-0012", 1);
    let a = say(&h, "checkout");
    assert!(
        a.iter().any(|x| matches!(x, Action::PlaceOrder(_))),
        "{a:#?}"
    );
    assert!(
        a.iter().any(
            |x| matches!(x, Action::Escalate(e) if e.reason == EscalationReason::HighValueCart)
        ),
        "{a:#?}"
    );
    let small = host();
    small.add_to_cart("TEC-0029", 1);
    let a = say(&small, "checkout");
    assert!(
        !a.iter().any(|x| matches!(x, Action::Escalate(_))),
        "{a:#?}"
    );
}
