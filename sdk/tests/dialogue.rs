//! Native tests of the dialogue over the real demo catalog with `FakeHost`:
//! references, quantities, cart edits, refinements and checkout, in the
//! three languages, judged by the cart and the orders.

use agent_store_sdk::dialogue::{DialogueState, STATE_KEY};
use agent_store_sdk::prelude::*;
use agent_store_sdk::seller::SellerConfig;
use agent_store_sdk::testing::{FakeHost, TurnBuilder, all_text, shown_products};

const CSV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../catalog/products.csv");

fn seller(brand: &'static str) -> SellerConfig {
    SellerConfig {
        use_llm: false,
        ..SellerConfig::new(brand, "Test", "Test Shop")
    }
}

/// A customer typing to one brand's seller.
struct Chat {
    host: FakeHost,
    cfg: SellerConfig,
    lang: &'static str,
}

impl Chat {
    fn new(brand: &'static str, lang: &'static str) -> Chat {
        Chat {
            host: FakeHost::from_csv(CSV).expect("catalog").with_brand(brand),
            cfg: seller(brand),
            lang,
        }
    }

    fn say(&self, text: &str) -> Vec<Action> {
        let turn = TurnBuilder::text(text).brand(self.cfg.brand).build();
        let actions = self.cfg.handle_turn(&self.host, &turn).expect("turn");
        agent_store_sdk::testing::assert_valid(&actions);
        self.host.apply(&actions);
        let body = all_text(&actions);
        eprintln!("> {text}\n{body}\n{:?}\n", shown_products(&actions));
        let lang = agent_store_sdk::text::detect_language(&body);
        assert!(
            lang.is_empty() || lang == self.lang,
            "{text:?} answered in {lang}: {body}"
        );
        actions
    }

    fn tap(&self, id: &str) -> Vec<Action> {
        let turn = TurnBuilder::button(id, id).brand(self.cfg.brand).build();
        let actions = self.cfg.handle_turn(&self.host, &turn).expect("turn");
        self.host.apply(&actions);
        actions
    }

    fn state(&self) -> DialogueState {
        DialogueState::from_json(&self.host.state_of(STATE_KEY).unwrap_or_default())
    }

    fn cart(&self) -> Vec<(String, u32)> {
        self.host.cart_lines()
    }
}

#[test]
fn the_second_one_is_the_second_offered() {
    let c = Chat::new("fashion", "en");
    let shown = shown_products(&c.say("hi, I'm looking for running shoes"));
    assert!(shown.len() >= 2, "a list: {shown:?}");
    c.say("I'll take the second one");
    assert_eq!(c.cart(), vec![(shown[1].clone(), 1)]);
    c.say("that's all");
    assert_eq!(c.host.order_list().len(), 1, "order placed");
}

#[test]
fn quantities_and_cart_edits_in_portuguese() {
    let c = Chat::new("gaming", "pt");
    c.say("oi, vocês têm mousepad?");
    c.say("adiciona");
    c.say("mouse gamer branco");
    c.say("esse");
    let ids: Vec<String> = c.cart().into_iter().map(|l| l.0).collect();
    assert!(ids.contains(&"GAM-0026".to_string()), "{ids:?}");
    c.say("tira o mousepad");
    assert!(c.cart().iter().all(|l| l.0 != "GAM-0026"), "{:?}", c.cart());
    c.say("quero 2");
    assert!(c.cart().iter().any(|l| l.1 == 2), "{:?}", c.cart());
    c.say("esvazia o carrinho");
    assert!(c.cart().is_empty());
}

#[test]
fn the_cheapest_keeps_the_size_and_skips_sold_out() {
    let c = Chat::new("fashion", "pt");
    c.say("vestido tamanho M");
    let shown = shown_products(&c.say("qual o mais barato?"));
    assert_eq!(
        shown.first().map(String::as_str),
        Some("FSH-0014"),
        "{shown:?}"
    );
    assert!(
        !shown.contains(&"FSH-0013".to_string()),
        "sold out never offered"
    );
    assert_eq!(c.state().constraints.size.as_deref(), Some("M"));
}

#[test]
fn spanish_stays_spanish_and_checks_out() {
    let c = Chat::new("home", "es");
    c.say("¿tienen almohadas?");
    c.say("la quiero");
    c.say("mejor ponme 3");
    assert_eq!(c.cart(), vec![("HOM-0023".to_string(), 3)]);
    c.say("finalizar compra");
    assert_eq!(c.state().language, "es");
    assert_eq!(c.host.order_list().len(), 1);
}

#[test]
fn budgets_are_never_exceeded() {
    let c = Chat::new("fashion", "en");
    let shown = shown_products(&c.say("jeans under $45"));
    assert_eq!(shown, vec!["FSH-0019".to_string()]);
    let more = shown_products(&c.say("more options"));
    assert!(more.is_empty(), "nothing else within budget: {more:?}");
}

#[test]
fn bad_input_changes_nothing() {
    let c = Chat::new("home", "en");
    c.say("ceramic table lamp");
    c.say("add it");
    let before = c.cart();
    assert_eq!(before.len(), 1);
    for bad in [
        "",
        "🙂👍",
        "the 7th one",
        "I want 10000 of them",
        "make it 0",
        "remove the sofa",
    ] {
        let out = c.say(bad);
        assert!(!all_text(&out).is_empty(), "{bad:?} gets an answer");
        assert_eq!(c.cart(), before, "{bad:?} left the cart alone");
    }
    let long = "I need a gift for my wife ".repeat(160);
    assert!(!all_text(&c.say(&long)).is_empty());
    assert_eq!(c.cart(), before);
}

#[test]
fn buttons_and_typing_mix() {
    let c = Chat::new("tech", "en");
    let shown = shown_products(&c.say("I need wireless headphones"));
    let first = shown.first().cloned().expect("shown");
    c.tap(&format!("add:{first}"));
    c.say("I want 2 of them");
    assert_eq!(c.cart(), vec![(first, 2)]);
    c.tap("checkout");
    assert_eq!(c.host.order_list().len(), 1);
}

#[test]
fn removing_what_is_not_in_the_cart_removes_nothing_else() {
    let c = Chat::new("gaming", "en");
    c.say("ultralight gaming mouse");
    c.say("the white one");
    assert_eq!(c.cart(), vec![("GAM-0025".to_string(), 1)]);
    c.say("remove the mouse pad");
    assert_eq!(
        c.cart(),
        vec![("GAM-0025".to_string(), 1)],
        "the mouse stays"
    );
}
