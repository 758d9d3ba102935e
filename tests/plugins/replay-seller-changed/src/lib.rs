//! `replay-seller` with two deliberate changes, for `agent-store replay` to
//! catch (`tests/tests/replay.rs`): every item added to the cart is added
//! once more (quantity + 1), and an order is not placed but escalated to a
//! human (`customer-request`, medium).

use agent_store_sdk::prelude::*;

#[path = "../../replay-seller/src/kit.rs"]
mod kit;

pub struct ChangedSeller;

impl Seller for ChangedSeller {
    fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        let actions = kit::CONFIG.handle_turn(host, turn)?;
        Ok(actions.into_iter().map(change).collect())
    }
}

fn change(action: Action) -> Action {
    match action {
        Action::AddToCart(c) => Action::AddToCart(CartIntent {
            quantity: c.quantity + 1,
            ..c
        }),
        Action::PlaceOrder(_) => Action::Escalate(Escalation {
            reason: EscalationReason::CustomerRequest,
            priority: Priority::Medium,
            summary: "the order needs a human".to_owned(),
        }),
        other => other,
    }
}

agent_store_sdk::export_seller!(ChangedSeller);
