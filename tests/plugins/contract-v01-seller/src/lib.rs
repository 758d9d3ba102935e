//! A seller built against `agent-store:plugin@0.1.0` with wit-bindgen
//! directly: it echoes what it heard and, asked to "add", searches the
//! catalog (an 0.1.0 import) and adds the first hit (an 0.1.0 action).

wit_bindgen::generate!({
    path: "../../../wit/v0.1.0",
    world: "agent-store:plugin/seller",
});

use agent_store::plugin::catalog::{self, SearchQuery};
use agent_store::plugin::types::{CartIntent, MessageContent};

struct Legacy;

impl Guest for Legacy {
    fn handle_turn(turn: Turn) -> Result<Vec<Action>, PluginError> {
        let said = match &turn.message.content {
            MessageContent::Text(t) => t.clone(),
            _ => String::new(),
        };
        if !said.contains("add") {
            return Ok(vec![Action::Text(format!(
                "legacy seller (contract 0.1.0) heard: {said}"
            ))]);
        }
        let hits = catalog::search(&SearchQuery {
            text: "sofa".into(),
            max_price_minor: None,
            min_price_minor: None,
            color: None,
            size: None,
            gender: None,
            in_stock_only: true,
            limit: 1,
        })
        .map_err(|e| PluginError {
            message: format!("search failed: {e:?}"),
        })?;
        let Some(hit) = hits.first() else {
            return Ok(vec![Action::Text("legacy seller found no sofa".into())]);
        };
        Ok(vec![
            Action::AddToCart(CartIntent {
                product_id: hit.product.id.clone(),
                quantity: 1,
            }),
            Action::Text(format!("legacy seller added {}", hit.product.id)),
        ])
    }
}

export!(Legacy);
