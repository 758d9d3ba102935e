//! Recurses without end (not a tail call): stopped as a stack overflow.

use agent_store_sdk::prelude::*;

pub struct Hostile;

/// Each level keeps work to do after the call returns, so the compiler
/// cannot turn the recursion into a loop.
#[inline(never)]
fn dive(depth: u64, trail: &mut u64) -> u64 {
    *trail = trail.wrapping_mul(31).wrapping_add(depth);
    if depth == u64::MAX {
        return *trail;
    }
    let below = dive(std::hint::black_box(depth + 1), trail);
    below.rotate_left(7) ^ depth
}

impl Seller for Hostile {
    fn handle_turn(_host: &dyn Host, _turn: &Turn) -> Result<Vec<Action>, PluginError> {
        let mut trail = 1;
        let n = dive(0, &mut trail);
        Ok(vec![Action::Text(format!("reached the bottom: {n}"))])
    }
}

agent_store_sdk::export_seller!(Hostile);
