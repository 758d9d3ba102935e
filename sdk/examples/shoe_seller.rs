//! Write your own seller, test it natively, then ship it as a component.
//!
//! A seller is a plain Rust type implementing `Seller`. It talks to the
//! world only through the `Host` trait: the catalog, the LLM gateway, the
//! cart, per-conversation state and logs. Inside the sandbox `WasmHost`
//! forwards those calls to the Agent Store host; in tests `FakeHost` answers
//! them from a catalog CSV.
//!
//! Run this example with:
//!
//! ```text
//! cargo run -p agent-store-sdk --features testing --example shoe_seller
//! ```
//!
//! To ship it, put the same code in a `cdylib` crate, add a `plugin.toml`
//! (see `plugins/seller-tech/plugin.toml`) and build it:
//!
//! ```text
//! cargo build -p my-seller --target wasm32-wasip2 --release
//! ```

use agent_store_sdk::prelude::*;
use agent_store_sdk::reply::{self, Buttons};
use agent_store_sdk::testing::{FakeHost, TurnBuilder, all_text, shown_products};
use agent_store_sdk::{i18n, text};

/// A tiny hand-written seller: searches shoes and offers the first one.
struct ShoeSeller;

impl Seller for ShoeSeller {
    fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        // 1. What did the customer say, and in which language?
        let MessageContent::Text(said) = &turn.message.content else {
            return Ok(vec![reply::text("Send me a message!")]);
        };
        let lang = match text::detect_language(said) {
            "" => i18n::lang(&turn.language),
            l => l,
        };

        // 2. Ask the catalog (the host scopes it to our brand). Price, colour
        //    and size constraints are parsed from the customer's words.
        let c = text::extract_constraints(said);
        let query = SearchQuery {
            text: format!(
                "{said} shoes {}",
                agent_store_sdk::lexicon::expand_query(said)
            ),
            max_price_minor: c.max_price_minor,
            min_price_minor: c.min_price_minor,
            color: c.color,
            size: c.size,
            gender: None,
            in_stock_only: true,
            limit: 5,
        };
        let hits = host.search(&query).map_err(|e| PluginError {
            message: format!("search failed: {e:?}"),
        })?;
        let Some(top) = hits.first().map(|h| &h.product) else {
            return Ok(vec![reply::text(i18n::t(lang, i18n::Msg::NothingFound))]);
        };

        // 3. Reply with catalog ids and catalog prices only, through the
        //    builders, which keep every message inside WhatsApp's limits.
        let ids: Vec<String> = hits.iter().map(|h| h.product.id.clone()).collect();
        host.set_state("last_shown", &ids.join(","))
            .map_err(|e| PluginError {
                message: format!("{e:?}"),
            })?;
        Ok(vec![
            reply::products("Shoes", i18n::t(lang, i18n::Msg::Found), &ids),
            Buttons::new(format!("{} — {}", top.title, reply::price_label(top, lang)))
                .button(
                    &format!("add:{}", top.id),
                    i18n::t(lang, i18n::Msg::ButtonAdd),
                )
                .build(),
        ])
    }
}

// Emits the component's `seller` export when built for wasm; a no-op natively.
agent_store_sdk::export_seller!(ShoeSeller);

fn main() {
    let csv = concat!(env!("CARGO_MANIFEST_DIR"), "/../catalog/products.csv");
    let host = FakeHost::from_csv(csv)
        .expect("catalog")
        .with_brand("fashion");

    for said in [
        "black running shoes under $100",
        "tênis branco",
        "zapatillas rojas",
    ] {
        let turn = TurnBuilder::text(said).brand("fashion").build();
        let actions = ShoeSeller::handle_turn(&host, &turn).expect("reply");
        println!(
            "> {said}\n{}\n  products: {:?}\n",
            all_text(&actions),
            shown_products(&actions)
        );
    }
}
