//! The `llm` interface: a chat through the host's model gateway (see `plugins::llm`), within
//! the `llm` grant and the turn's LLM-call budget.

use super::*;

impl wit_if::llm::Host for PluginState {
    async fn chat(&mut self, request: wit::ChatRequest) -> Result<wit::ChatResponse, HostError> {
        let call = self.enter("llm.chat")?;
        if !self.scope.grants.llm {
            return Err(self.deny("llm", ""));
        }
        if self.budgets.llm_calls == 0 {
            return Err(self.over("llm calls"));
        }
        self.budgets.llm_calls -= 1;
        // The LLM request's span goes under this call's.
        use tracing::Instrument as _;
        crate::plugins::llm::chat(&self.services, &self.scope, request)
            .instrument(call.span.clone())
            .await
    }
}
