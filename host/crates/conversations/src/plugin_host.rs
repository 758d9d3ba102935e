//! The host side of the WIT `conversation` interface: the conversation's
//! history and the plugin's own state, under keys namespaced per plugin
//! (staged with the turn when the store is staged: written only if the
//! turn commits), and the history's WIT conversion.
//!
//! Shaped like wasmtime-wasi's `WasiView`: the plugin runtime's turn state
//! implements [`ConversationView`], handing out a [`ConversationCtxView`]
//! for each call, and [`add_to_linker`] links the interface, recorded
//! ([`Recorded`]).

use agent_store_wit::interfaces::conversation as conversation_if;
use agent_store_wit::wasmtime::component::{HasData, Linker};
use agent_store_wit::wit::{self, HostError};
use agent_store_wit::{Budget, ImportGate, Recorded, wasmtime};

use crate::chat;
use crate::{ConversationError, Conversations};

/// Most history lines one call returns.
const MAX_HISTORY: u32 = 50;

/// What a `conversation` call works with.
pub struct ConversationCtxView<'a> {
    pub gate: &'a mut dyn ImportGate,
    /// The store (none on a host without a database).
    pub store: Option<&'a Conversations>,
    /// The turn's conversation (none in a smoke turn).
    pub conversation_id: Option<&'a str>,
    /// The calling plugin: its state keys are `<plugin>:<key>`.
    pub plugin: &'a str,
}

/// A store whose data can serve the `conversation` interface.
pub trait ConversationView: Send {
    fn conversation(&mut self) -> ConversationCtxView<'_>;
}

/// The linker's [`HasData`] for the `conversation` interface.
pub struct HasConversation;

impl HasData for HasConversation {
    type Data<'a> = Recorded<ConversationCtxView<'a>>;
}

/// What one `conversation` call runs on: the view, recorded.
pub fn host<T: ConversationView>(state: &mut T) -> Recorded<ConversationCtxView<'_>> {
    let view = state.conversation();
    Recorded::new(view.gate.tape(), view)
}

/// Link the `conversation` interface.
pub fn add_to_linker<T: ConversationView + 'static>(
    linker: &mut Linker<T>,
) -> wasmtime::Result<()> {
    conversation_if::add_to_linker::<T, HasConversation>(linker, host)
}

impl<'a> ConversationCtxView<'a> {
    fn conversation(&self) -> Option<(&'a Conversations, &'a str)> {
        Some((self.store?, self.conversation_id?))
    }

    /// Keys are namespaced per plugin: one plugin cannot read another's.
    fn key(&self, key: &str) -> String {
        format!("{}:{key}", self.plugin)
    }
}

impl conversation_if::Host for ConversationCtxView<'_> {
    async fn history(&mut self, limit: u32) -> Vec<wit::HistoryEntry> {
        let Ok(_call) = self.gate.enter("conversation.history") else {
            return Vec::new();
        };
        let Some((store, id)) = self.conversation() else {
            return Vec::new();
        };
        match store.history(id, limit.min(MAX_HISTORY), None).await {
            Ok(h) => history(&h),
            Err(e) => {
                tracing::warn!(error = %e, "history for a plugin failed");
                Vec::new()
            }
        }
    }

    async fn get_state(&mut self, key: String) -> Option<String> {
        let _call = self.gate.enter("conversation.get-state").ok()?;
        let (store, id) = self.conversation()?;
        match store.state(id, &self.key(&key)).await {
            Ok(v) => v,
            Err(e) => {
                // Not "no value": the guest would carry on with lost state.
                self.gate.fail_turn(format!("reading state: {e}"));
                None
            }
        }
    }

    async fn set_state(&mut self, key: String, value: String) -> Result<(), HostError> {
        let _call = self.gate.enter("conversation.set-state")?;
        self.gate.spend(Budget::StateWrites)?;
        let Some((store, id)) = self.conversation() else {
            return Err(HostError::Unavailable(
                "no conversation in this call".into(),
            ));
        };
        let written = store.set_state(id, &self.key(&key), &value).await;
        written.map_err(|e| match e {
            ConversationError::Limit(m) => HostError::LimitExceeded(m),
            other => {
                // The guest may ignore the error; the host does not: the
                // turn fails and is retried.
                let message = other.to_string();
                self.gate.fail_turn(format!("writing state: {message}"));
                HostError::Failed(message)
            }
        })
    }
}

pub fn speaker(s: chat::Speaker) -> wit::Speaker {
    match s {
        chat::Speaker::Customer => wit::Speaker::Customer,
        chat::Speaker::Assistant => wit::Speaker::Assistant,
        chat::Speaker::HumanAgent => wit::Speaker::HumanAgent,
        chat::Speaker::System => wit::Speaker::System,
    }
}

/// History lines as a plugin's turn gives them.
pub fn history(h: &[chat::HistoryEntry]) -> Vec<wit::HistoryEntry> {
    h.iter()
        .map(|e| wit::HistoryEntry {
            speaker: speaker(e.speaker),
            text: e.text.clone(),
            brand: e.brand.clone(),
            timestamp: e.timestamp,
        })
        .collect()
}
