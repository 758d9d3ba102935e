//! A seller of a contract version no host serves: the host must refuse it
//! at load with a clear reason and keep serving everyone else.

wit_bindgen::generate!({
    path: "wit",
    world: "agent-store:plugin/seller",
});

use agent_store::plugin::log;

struct Future;

impl Guest for Future {
    fn handle_turn(turn: Turn) -> Result<Vec<String>, PluginError> {
        log::log(&turn.conversation_id);
        Ok(vec![turn.brand])
    }
}

export!(Future);
