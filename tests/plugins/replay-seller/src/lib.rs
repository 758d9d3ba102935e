//! A fashion seller for the replay tests (`tests/tests/replay.rs`): the
//! SDK's seller kit as is. `replay-seller-changed` is the same seller with
//! two deliberate changes.

use agent_store_sdk::prelude::*;

mod kit;

pub struct ReplaySeller;

impl Seller for ReplaySeller {
    fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        kit::CONFIG.handle_turn(host, turn)
    }
}

agent_store_sdk::export_seller!(ReplaySeller);
