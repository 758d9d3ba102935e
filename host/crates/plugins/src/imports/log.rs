//! The `log` interface: a guest's log lines, as structured `tracing`
//! events of the plugin host (target `agent_store_plugins::…`).

use super::*;
use agent_store_wit::Recorded;
use agent_store_wit::interfaces::log as log_if;
use wasmtime::component::HasData;

/// The linker's [`HasData`] for the `log` interface.
pub struct HasLog;

impl HasData for HasLog {
    type Data<'a> = Recorded<&'a mut PluginState>;
}

/// What one `log` call runs on: the turn's state, recorded.
pub fn host(state: &mut PluginState) -> Recorded<&mut PluginState> {
    Recorded::new(state.gate.tape(), state)
}

/// Link the `log` interface.
pub fn add_to_linker(linker: &mut Linker<PluginState>) -> wasmtime::Result<()> {
    log_if::add_to_linker::<PluginState, HasLog>(linker, host)
}

impl log_if::Host for PluginState {
    async fn log(&mut self, level: wit::Level, message: String) {
        // Over budget, lines are dropped: a guest cannot flood the logs.
        let Ok(_call) = self.gate.enter("log") else {
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
