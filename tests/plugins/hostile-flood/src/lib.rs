//! Calls the host in a tight loop, ignoring every refusal: a host-call flood.

use agent_store_sdk::prelude::*;

pub struct Hostile;

impl Seller for Hostile {
    fn handle_turn(host: &dyn Host, _turn: &Turn) -> Result<Vec<Action>, PluginError> {
        let query = SearchQuery::words("sofa", 20);
        let mut answered = 0u64;
        loop {
            if host.search(&query).is_ok() {
                answered += 1;
            }
            host.log(LogLevel::Info, &format!("flood {answered}"));
            let _ = host.state("flood");
            let _ = host.set_state("flood", "again");
        }
    }
}

agent_store_sdk::export_seller!(Hostile);
