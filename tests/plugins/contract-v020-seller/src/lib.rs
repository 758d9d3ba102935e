//! A seller built against `agent-store:plugin@0.2.0` with wit-bindgen
//! directly, before 0.2.1 added the `analysis` import: it searches the
//! catalog (an import), reads the cart (another) and empties it with an
//! action 0.2.0 added (`clear-cart`).

wit_bindgen::generate!({
    path: "../../../wit/v0.2.0",
    world: "agent-store:plugin/seller",
});

use agent_store::plugin::catalog::{self, SearchQuery};
use agent_store::plugin::orders;
use agent_store::plugin::types::MessageContent;

struct Released;

impl Guest for Released {
    fn handle_turn(turn: Turn) -> Result<Vec<Action>, PluginError> {
        let said = match &turn.message.content {
            MessageContent::Text(t) => t.clone(),
            _ => String::new(),
        };
        let failed = |e| PluginError {
            message: format!("host call failed: {e:?}"),
        };
        let hits = catalog::search(&SearchQuery {
            text: said
                .split_whitespace()
                .skip(1)
                .collect::<Vec<_>>()
                .join(" "),
            max_price_minor: None,
            min_price_minor: None,
            color: None,
            size: None,
            gender: None,
            in_stock_only: false,
            limit: 5,
        })
        .map_err(failed)?;
        let lines = orders::get_cart().map_err(failed)?.lines.len();
        Ok(vec![
            Action::ClearCart,
            Action::Text(format!(
                "0.2.0 seller found {} product(s) and emptied a cart of {lines} line(s)",
                hits.len()
            )),
        ])
    }
}

export!(Released);
