//! Allocates (and touches) a mebibyte at a time until something stops it: the memory cap.

use agent_store_sdk::prelude::*;

pub struct Hostile;

impl Seller for Hostile {
    fn handle_turn(_host: &dyn Host, _turn: &Turn) -> Result<Vec<Action>, PluginError> {
        let mut hoard: Vec<Vec<u8>> = Vec::new();
        loop {
            hoard.push(vec![0xa5; 1 << 20]);
            std::hint::black_box(&hoard);
        }
    }
}

agent_store_sdk::export_seller!(Hostile);
