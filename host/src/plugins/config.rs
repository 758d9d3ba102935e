//! Plugin runtime settings.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::canary::{CanaryPolicy, QuarantinePolicy};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct PluginsConfig {
    /// Installed plugins: `<dir>/<name>/plugin.toml` + component, and their
    /// kept versions under `<dir>/<name>/versions/`. Empty =
    /// `<data_dir>/plugins`.
    pub dir: Option<PathBuf>,
    /// Brand persona prompts, `<dir>/<brand>.md`. Empty = `./prompts`.
    pub prompts_dir: Option<PathBuf>,
    /// Compiled components. Empty = `<data_dir>/cache/components`.
    pub cache_dir: Option<PathBuf>,
    /// Versions kept per plugin (rollback goes back through them).
    pub keep_versions: usize,
    /// Watch `dir` and load new drop-ins (debounced).
    pub watch: bool,
    pub canary: CanaryPolicy,
    pub quarantine: QuarantinePolicy,
    /// Host-wide maxima of every plugin's `[limits]` (`[plugins.limits]`).
    pub limits: super::runtime::LimitsConfig,
}

impl Default for PluginsConfig {
    fn default() -> Self {
        Self {
            dir: None,
            prompts_dir: None,
            cache_dir: None,
            keep_versions: 5,
            watch: true,
            canary: CanaryPolicy::default(),
            quarantine: QuarantinePolicy::default(),
            limits: Default::default(),
        }
    }
}

impl PluginsConfig {
    /// Where compiled components are cached.
    pub fn cache_dir(&self, data_dir: &Path) -> PathBuf {
        self.cache_dir
            .clone()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or_else(|| data_dir.join("cache").join("components"))
    }
}
