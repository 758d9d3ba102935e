//! The fashion seller's dialogue over the real demo catalog, natively:
//! sold-out variants asked for and "more like this".

use agent_store_sdk::prelude::*;
use agent_store_sdk::testing::{FakeHost, TurnBuilder, all_text, assert_valid, shown_products};
use seller_fashion::Fashion;

fn host() -> FakeHost {
    FakeHost::from_csv(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../catalog/products.csv"
    ))
    .expect("catalog CSV")
    .with_brand("fashion")
}

fn say(host: &FakeHost, text: &str) -> Vec<Action> {
    let actions = Fashion::handle_turn(host, &TurnBuilder::text(text).brand("fashion").build())
        .expect("turn");
    assert_valid(&actions);
    host.apply(&actions);
    actions
}

fn buttons(actions: &[Action]) -> Vec<String> {
    agent_store_sdk::testing::choice_ids(actions)
}

#[test]
fn a_sold_out_variant_is_said_and_the_others_offered() {
    let h = host();
    // FSH-0013 (Floral Midi Dress - Pink / M) is out of stock.
    let a = say(&h, "vestido floral midi rosa tamanho M");
    let text = all_text(&a);
    assert!(text.contains("esgotado"), "{text}");
    let shown = shown_products(&a);
    assert!(!shown.contains(&"FSH-0013".to_string()), "{shown:?}");
    assert!(shown.contains(&"FSH-0014".to_string()), "{shown:?}");
    assert!(!buttons(&a).contains(&"add:FSH-0013".to_string()));
    // Picking an offered variant adds it.
    say(&h, "quero o amarelo");
    assert_eq!(h.cart_lines(), vec![("FSH-0014".to_string(), 1)]);
}

#[test]
fn a_sold_out_colour_asked_as_a_refinement() {
    let h = host();
    say(&h, "floral midi dress in size M");
    let a = say(&h, "do you have it in pink?");
    let text = all_text(&a);
    assert!(text.contains("sold out"), "{text}");
    assert!(!shown_products(&a).contains(&"FSH-0013".to_string()));
    assert!(!buttons(&a).contains(&"add:FSH-0013".to_string()));
}

#[test]
fn more_like_this_lists_the_same_kind_without_the_focus() {
    let h = host();
    let first = say(&h, "linen wrap dress");
    let focus = shown_products(&first)
        .first()
        .cloned()
        .expect("a dress shown");
    let a = say(&h, "more like this");
    let shown = shown_products(&a);
    assert!(shown.len() >= 2, "{shown:?}");
    assert!(!shown.contains(&focus), "{shown:?}");
    for id in &shown {
        let p = h
            .products()
            .into_iter()
            .find(|p| &p.id == id)
            .expect("catalog product");
        assert_eq!(p.category, "Clothing > Dresses", "{id}");
        assert!(
            !matches!(p.availability, Availability::OutOfStock),
            "{id} sold out"
        );
    }
}
