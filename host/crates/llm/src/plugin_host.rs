//! The host side of the WIT `llm` interface: a plugin's chat through the
//! gateway (WIT request → gateway → WIT response), within the `llm` grant
//! and the turn's LLM-call budget.
//!
//! The chat response's `tools-used` lists every tool the host ran, in
//! order. Read tools appear by name (`search_products`); effect tools as
//! `name {json}`, for the plugin to turn into actions:
//!
//! | entry | action |
//! |---|---|
//! | `add_to_cart {"product_id":"X","quantity":1}` | `add-to-cart` |
//! | `create_order {"note":null}` | `place-order` |
//! | `escalate {"reason":"complaint","priority":"high","summary":"..."}` | `escalate` |
//! | `hand_off {"brand":"tech","reason":"..."}` | `hand-off` |
//!
//! The SDK does this (`agent_store_sdk::tools::effects`). The host checks
//! those actions again (grants, brand scope, catalog) before acting.
//!
//! Shaped like wasmtime-wasi's `WasiView`: the plugin runtime's turn state
//! implements [`LlmView`], handing out an [`LlmCtxView`] for each call, and
//! [`add_to_linker`] links the interface, recorded ([`Recorded`]). The
//! gateway never imports the runtime.

use agent_store_conversations::Conversations;
use agent_store_wit::interfaces::llm as llm_if;
use agent_store_wit::wasmtime::component::{HasData, Linker};
use agent_store_wit::wit::{self, HostError};
use agent_store_wit::{Budget, ImportGate, Recorded, wasmtime};
use tracing::Instrument as _;

use crate::{Llm, LlmError, Message, Role, ToolEnv};

/// What an `llm` call works with.
pub struct LlmCtxView<'a> {
    pub gate: &'a mut dyn ImportGate,
    /// The manifest grants `llm`.
    pub granted: bool,
    pub llm: &'a Llm,
    /// The calling plugin (its seller-kit state, logs).
    pub plugin: &'a str,
    /// The tools the model may run for this plugin, within its grants;
    /// `offered` is read from the plugin's state at each call.
    pub tools: ToolEnv,
    /// Where the plugin's state is (none on a host without a database).
    pub conversations: Option<&'a Conversations>,
}

/// A store whose data can serve the `llm` interface.
pub trait LlmView: Send {
    fn llm(&mut self) -> LlmCtxView<'_>;
}

/// The linker's [`HasData`] for the `llm` interface.
pub struct HasLlm;

impl HasData for HasLlm {
    type Data<'a> = Recorded<LlmCtxView<'a>>;
}

/// What one `llm` call runs on: the view, recorded.
pub fn host<T: LlmView>(state: &mut T) -> Recorded<LlmCtxView<'_>> {
    let view = state.llm();
    Recorded::new(view.gate.tape(), view)
}

/// Link the `llm` interface.
pub fn add_to_linker<T: LlmView + 'static>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    llm_if::add_to_linker::<T, HasLlm>(linker, host)
}

impl llm_if::Host for LlmCtxView<'_> {
    async fn chat(&mut self, request: wit::ChatRequest) -> Result<wit::ChatResponse, HostError> {
        let call = self.gate.enter("llm.chat")?;
        if !self.granted {
            return Err(self.gate.deny("llm", ""));
        }
        self.gate.spend(Budget::LlmCalls)?;
        // The LLM request's span goes under this call's.
        self.converse(request).instrument(call.span.clone()).await
    }
}

impl LlmCtxView<'_> {
    /// Run the chat through the gateway (grants and budgets checked).
    async fn converse(
        &mut self,
        request: wit::ChatRequest,
    ) -> Result<wit::ChatResponse, HostError> {
        let messages: Vec<Message> = request
            .messages
            .into_iter()
            .map(|m| Message::from_role(role(m.role), m.content))
            .collect();
        self.tools.offered = offered(
            self.conversations,
            self.tools.conversation_id.as_deref(),
            self.plugin,
        )
        .await;
        let brand = self.tools.brand.clone();
        match self
            .llm
            .converse(brand.as_deref(), messages, &self.tools, request.use_tools)
            .await
        {
            Ok(reply) => {
                // Grounded already: what it quotes may reach the customer.
                self.tools.seen.grounded_text(&reply.content);
                Ok(wit::ChatResponse {
                    content: reply.content,
                    tools_used: reply.tools_used,
                })
            }
            Err(LlmError::Unavailable) => {
                Err(HostError::Unavailable("no LLM is configured".into()))
            }
            Err(e @ LlmError::Budget(_)) => Err(HostError::LimitExceeded(e.to_string())),
            Err(e) => {
                tracing::warn!(plugin = %self.plugin, error = %e, "LLM call failed: the plugin falls back");
                Err(HostError::Failed(e.to_string()))
            }
        }
    }
}

/// The products the plugin's seller kit last offered in this conversation,
/// in order (its [`agent_store_sdk::dialogue::DialogueState`]). A free
/// function: the view holds the turn's gate, which is not `Sync`.
async fn offered(
    conversations: Option<&Conversations>,
    conversation_id: Option<&str>,
    plugin: &str,
) -> Vec<String> {
    use agent_store_sdk::dialogue::{DialogueState, STATE_KEY};
    let (Some(store), Some(id)) = (conversations, conversation_id) else {
        return Vec::new();
    };
    match store.state(id, &format!("{plugin}:{STATE_KEY}")).await {
        Ok(Some(v)) => DialogueState::from_json(&v)
            .offered
            .into_iter()
            .map(|o| o.id)
            .collect(),
        _ => Vec::new(),
    }
}

fn role(r: wit::Role) -> Role {
    match r {
        wit::Role::System => Role::System,
        wit::Role::User => Role::User,
        wit::Role::Assistant => Role::Assistant,
    }
}
