//! The `config` interface: values and prompts granted to the plugin by the operator.

use super::*;

impl wit_if::config::Host for PluginState {
    async fn get(&mut self, key: String) -> Option<String> {
        let _call = self.enter("config.get").ok()?;
        if !self.scope.grants.config.iter().any(|k| k == &key) {
            let key: String = key.chars().take(64).collect();
            self.deny("config", &format!("key {key:?}"));
            return None;
        }
        let brand = self.scope.brand.as_deref().unwrap_or("router");
        self.services.values.get(brand)?.get(&key).cloned()
    }

    async fn prompt(&mut self) -> String {
        let Ok(_call) = self.enter("config.prompt") else {
            return String::new();
        };
        let key = self.scope.brand.as_deref().unwrap_or("router");
        self.services.prompts.get(key).unwrap_or_default()
    }
}
