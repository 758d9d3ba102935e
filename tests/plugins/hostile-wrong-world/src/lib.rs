//! A router component shipped with a seller manifest: refused at load.

use agent_store_sdk::prelude::*;

pub struct Hostile;

impl Router for Hostile {
    fn route(_host: &dyn Host, _request: &RouteRequest) -> RoutingDecision {
        RoutingDecision {
            brand: "home".into(),
            confidence: 1.0,
            reason: "always home".into(),
            candidates: Vec::new(),
        }
    }
}

agent_store_sdk::export_router!(Hostile);
