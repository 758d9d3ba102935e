//! A router built against `agent-store:plugin@0.1.0` with wit-bindgen
//! directly: a message whose first word is a brand goes to that brand,
//! anything else is "none" (the conversation stays where it is).

wit_bindgen::generate!({
    path: "../../../wit/v0.1.0",
    world: "agent-store:plugin/router",
});

use agent_store::plugin::log::{self, Level};
use agent_store::plugin::types::MessageContent;

struct Legacy;

impl Guest for Legacy {
    fn route(request: RouteRequest) -> RoutingDecision {
        let first = match &request.message.content {
            MessageContent::Text(t) => t.split_whitespace().next().unwrap_or("").to_lowercase(),
            _ => String::new(),
        };
        let brand = request
            .brands
            .iter()
            .find(|b| **b == first)
            .cloned()
            .unwrap_or_else(|| "none".into());
        log::log(Level::Debug, &format!("legacy router: {brand}"));
        RoutingDecision {
            confidence: if brand == "none" { 0.0 } else { 1.0 },
            reason: "first word".into(),
            candidates: Vec::new(),
            brand,
        }
    }
}

export!(Legacy);
