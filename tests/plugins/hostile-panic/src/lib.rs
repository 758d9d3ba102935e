//! Panics: the trap is reported with the panic message.

use agent_store_sdk::prelude::*;

pub struct Hostile;

impl Seller for Hostile {
    fn handle_turn(_host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        if std::hint::black_box(!turn.conversation_id.is_empty()) {
            panic!("the hostile seller gave up on purpose");
        }
        Ok(Vec::new())
    }
}

agent_store_sdk::export_seller!(Hostile);
