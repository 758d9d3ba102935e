//! The `log` interface: a guest's log lines, as structured `tracing` events.

use super::*;

impl wit_if::log::Host for PluginState {
    async fn log(&mut self, level: wit::Level, message: String) {
        // Over budget, lines are dropped: a guest cannot flood the logs.
        let Ok(_call) = self.enter("log") else {
            return;
        };
        let plugin = self.scope.plugin.as_str();
        let message: String = message.chars().take(2000).collect();
        match level {
            wit::Level::Trace => tracing::trace!(plugin, "{message}"),
            wit::Level::Debug => tracing::debug!(plugin, "{message}"),
            wit::Level::Info => tracing::info!(plugin, "{message}"),
            wit::Level::Warn => tracing::warn!(plugin, "{message}"),
            wit::Level::Error => tracing::error!(plugin, "{message}"),
        }
    }
}
