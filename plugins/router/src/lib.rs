use agent_store_sdk::prelude::*;

pub struct R;
impl Router for R {
    fn route(_host: &dyn Host, request: &RouteRequest) -> RoutingDecision {
        RoutingDecision {
            brand: request.brands.first().cloned().unwrap_or_else(|| "none".into()),
            confidence: 0.1,
            reason: "stub".into(),
            candidates: vec![],
        }
    }
}
agent_store_sdk::export_router!(R);
