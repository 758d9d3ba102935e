//! Answers with far too much: 1.2 MiB of text, or (when asked for "many") 500 actions.

use agent_store_sdk::prelude::*;

pub struct Hostile;

impl Seller for Hostile {
    fn handle_turn(_host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        let said = match &turn.message.content {
            MessageContent::Text(t) => t.clone(),
            _ => String::new(),
        };
        if said.contains("many") {
            return Ok((0..500)
                .map(|i| Action::Text(format!("sofa #{i}")))
                .collect());
        }
        Ok(vec![Action::Text("sofa! ".repeat(1_258_291 / 6 + 1))])
    }
}

agent_store_sdk::export_seller!(Hostile);
