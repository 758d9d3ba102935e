//! A seller for the plugin operations tests (hot swap, canary, quarantine).
//!
//! One component plays three builds, chosen by what its manifest grants, so
//! the tests need a single guest crate:
//! - `catalog` not granted: traps on every turn ("broken": fails the host's
//!   smoke turn, so the upload is refused);
//! - `llm` not granted: traps on messages containing "boom" ("fragile":
//!   passes the smoke turn, fails on that real traffic);
//! - both granted: answers every message ("healthy").

use agent_store_sdk::prelude::*;

pub struct Flaky;

impl Seller for Flaky {
    fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        let text = match &turn.message.content {
            MessageContent::Text(t) => t.clone(),
            _ => String::new(),
        };
        let probe = SearchQuery::words("probe", 1);
        if let Err(HostError::Denied(_)) = host.search(&probe) {
            panic!("seller-flaky: broken build");
        }
        let chat = ChatRequest {
            messages: vec![ChatMessage {
                role: Role::User,
                content: "probe".into(),
            }],
            use_tools: false,
        };
        let fragile = matches!(host.chat(&chat), Err(HostError::Denied(_)));
        if fragile && text.contains("boom") {
            panic!("seller-flaky: fragile build hit {text:?}");
        }
        Ok(vec![Action::Text(format!("flaky heard: {text}"))])
    }
}

agent_store_sdk::export_seller!(Flaky);
