//! Plugin runtime settings.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct PluginsConfig {
    /// Installed plugins: `<dir>/<name>/plugin.toml` + component. Empty =
    /// `<data_dir>/plugins`.
    pub dir: Option<PathBuf>,
    /// Brand persona prompts, `<dir>/<brand>.md`. Empty = `./prompts`.
    pub prompts_dir: Option<PathBuf>,
    /// Host-wide maxima of every plugin's `[limits]` (`[plugins.limits]`).
    pub limits: super::runtime::LimitsConfig,
}
