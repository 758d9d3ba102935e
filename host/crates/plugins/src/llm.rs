//! The `llm` import of a plugin turn: WIT request → gateway → WIT response.
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

use crate::plugins::imports::{Services, TurnScope};
use crate::plugins::manifest::CatalogScope;
use crate::plugins::wit::{self, HostError};
use agent_store_llm::{LlmError, Message, Role, ToolEnv};

/// The tool environment of a plugin turn, from its grants.
pub fn tool_env(services: &Services, scope: &TurnScope) -> ToolEnv {
    let catalog_scope = match scope.grants.catalog {
        CatalogScope::None => None,
        CatalogScope::All => Some(None),
        CatalogScope::Brand => scope.brand.clone().map(Some),
    };
    ToolEnv {
        catalog: services.catalog.clone(),
        carts: services.carts.clone(),
        conversation_id: scope.conversation_id.clone(),
        brand: scope.brand.clone(),
        catalog_scope,
        orders: scope.grants.orders,
        escalate: scope.grants.escalate,
        hand_off: scope.grants.hand_off,
        offered: Vec::new(),
        seen: services.seen.clone(),
    }
}

/// The products the plugin's seller kit last offered in this conversation,
/// in order (its [`agent_store_sdk::dialogue::DialogueState`]).
pub async fn offered(services: &Services, scope: &TurnScope) -> Vec<String> {
    use agent_store_sdk::dialogue::{DialogueState, STATE_KEY};
    let (Some(store), Some(id)) = (&services.conversations, &scope.conversation_id) else {
        return Vec::new();
    };
    match store
        .state(id, &format!("{}:{STATE_KEY}", scope.plugin))
        .await
    {
        Ok(Some(v)) => DialogueState::from_json(&v)
            .offered
            .into_iter()
            .map(|o| o.id)
            .collect(),
        _ => Vec::new(),
    }
}

/// Run a plugin's `chat` through the gateway (grants and the per-turn
/// call budget are checked by the caller).
pub async fn chat(
    services: &Services,
    scope: &TurnScope,
    request: wit::ChatRequest,
) -> Result<wit::ChatResponse, HostError> {
    let messages: Vec<Message> = request
        .messages
        .into_iter()
        .map(|m| {
            let role = match m.role {
                wit::Role::System => Role::System,
                wit::Role::User => Role::User,
                wit::Role::Assistant => Role::Assistant,
            };
            Message::from_role(role, m.content)
        })
        .collect();
    let mut env = tool_env(services, scope);
    env.offered = offered(services, scope).await;
    match services
        .llm
        .converse(scope.brand.as_deref(), messages, &env, request.use_tools)
        .await
    {
        Ok(reply) => {
            // Grounded already: what it quotes may reach the customer.
            services.seen.grounded_text(&reply.content);
            Ok(wit::ChatResponse {
                content: reply.content,
                tools_used: reply.tools_used,
            })
        }
        Err(LlmError::Unavailable) => Err(HostError::Unavailable("no LLM is configured".into())),
        Err(e @ LlmError::Budget(_)) => Err(HostError::LimitExceeded(e.to_string())),
        Err(e) => {
            tracing::warn!(plugin = %scope.plugin, error = %e, "LLM call failed: the plugin falls back");
            Err(HostError::Failed(e.to_string()))
        }
    }
}
