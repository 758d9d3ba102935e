//! The `conversation` interface: the conversation's history and the plugin's own state
//! (staged with the turn, written only if the turn commits).

use super::*;

impl wit_if::conversation::Host for PluginState {
    async fn history(&mut self, limit: u32) -> Vec<wit::HistoryEntry> {
        let Ok(_call) = self.enter("conversation.history") else {
            return Vec::new();
        };
        let Some((store, id)) = self.conversation() else {
            return Vec::new();
        };
        match store.history(id, limit.min(50), None).await {
            Ok(h) => convert::history(&h),
            Err(e) => {
                tracing::warn!(error = %e, "history for a plugin failed");
                Vec::new()
            }
        }
    }

    async fn get_state(&mut self, key: String) -> Option<String> {
        let _call = self.enter("conversation.get-state").ok()?;
        let (store, id) = self.conversation()?;
        match store
            .state(id, &format!("{}:{}", self.scope.plugin, key))
            .await
        {
            Ok(v) => v,
            Err(e) => {
                // Not "no value": the guest would carry on with lost state.
                self.storage_error = Some(format!("reading state: {e}"));
                None
            }
        }
    }

    async fn set_state(&mut self, key: String, value: String) -> Result<(), HostError> {
        let _call = self.enter("conversation.set-state")?;
        if self.budgets.state_writes == 0 {
            return Err(self.over("state writes"));
        }
        self.budgets.state_writes -= 1;
        let Some((store, id)) = self.conversation() else {
            return Err(HostError::Unavailable(
                "no conversation in this call".into(),
            ));
        };
        // Keys are namespaced per plugin: one plugin cannot read another's.
        let written = store
            .set_state(id, &format!("{}:{}", self.scope.plugin, key), &value)
            .await;
        written.map_err(|e| match e {
            crate::conversations::ConversationError::Limit(m) => HostError::LimitExceeded(m),
            other => {
                // The guest may ignore the error; the host does not: the
                // turn fails and is retried.
                let message = other.to_string();
                self.storage_error = Some(format!("writing state: {message}"));
                HostError::Failed(message)
            }
        })
    }
}
