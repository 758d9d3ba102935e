//! Spins forever: stopped by the CPU deadline.

use agent_store_sdk::prelude::*;

pub struct Hostile;

impl Seller for Hostile {
    fn handle_turn(_host: &dyn Host, _turn: &Turn) -> Result<Vec<Action>, PluginError> {
        let mut x: u64 = 0;
        loop {
            x = std::hint::black_box(x.wrapping_mul(6364136223846793005).wrapping_add(1));
        }
    }
}

agent_store_sdk::export_seller!(Hostile);
