//! The `config` interface: values and prompts granted to the plugin by the
//! operator. Answered here, from the plugin host's own settings
//! (`[plugins.config.<brand>]`, the persona prompts).

use super::*;
use agent_store_wit::Recorded;
use agent_store_wit::interfaces::config as config_if;
use wasmtime::component::HasData;

/// The linker's [`HasData`] for the `config` interface.
pub struct HasConfig;

impl HasData for HasConfig {
    type Data<'a> = Recorded<&'a mut PluginState>;
}

/// What one `config` call runs on: the turn's state, recorded.
pub fn host(state: &mut PluginState) -> Recorded<&mut PluginState> {
    Recorded::new(state.gate.tape(), state)
}

/// Link the `config` interface.
pub fn add_to_linker(linker: &mut Linker<PluginState>) -> wasmtime::Result<()> {
    config_if::add_to_linker::<PluginState, HasConfig>(linker, host)
}

impl config_if::Host for PluginState {
    async fn get(&mut self, key: String) -> Option<String> {
        let _call = self.gate.enter("config.get").ok()?;
        if !self.scope.grants.config.iter().any(|k| k == &key) {
            let key: String = key.chars().take(64).collect();
            self.gate.deny("config", &format!("key {key:?}"));
            return None;
        }
        let brand = self.scope.brand.as_deref().unwrap_or("router");
        self.services.values.get(brand)?.get(&key).cloned()
    }

    async fn prompt(&mut self) -> String {
        let Ok(_call) = self.gate.enter("config.prompt") else {
            return String::new();
        };
        let key = self.scope.brand.as_deref().unwrap_or("router");
        self.services.prompts.get(key).unwrap_or_default()
    }
}
