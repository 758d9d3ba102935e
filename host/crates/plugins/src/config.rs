//! Plugin runtime settings.

use std::collections::BTreeMap;
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
    /// `tiered` (default): serve at once on baseline (Winch) code and
    /// upgrade to optimised (Cranelift) code in the background;
    /// `optimised`: Cranelift only; `baseline`: Winch only.
    pub compiler: super::tiers::Compiler,
    /// Watch `dir` and load new drop-ins (debounced).
    pub watch: bool,
    /// Bytes of each pooled wasm memory slot kept resident between turns
    /// and reset in place, so a turn takes no page faults; `0` hands every
    /// freed slot's pages back to the kernel. Resident memory is bounded by
    /// the slots in use at once times this.
    pub keep_resident_bytes: usize,
    /// Threads that run seller and router turns, apart from the host's
    /// async workers and at a lower priority (see `turn_threads.rs`);
    /// `0` = one per core.
    pub turn_threads: usize,
    pub canary: CanaryPolicy,
    pub quarantine: QuarantinePolicy,
    /// Host-wide maxima of every plugin's `[limits]` (`[plugins.limits]`).
    pub limits: super::runtime::LimitsConfig,
    /// Values a plugin's manifest may be granted (`config = ["key"]`), per
    /// brand (`router` for the router):
    ///
    /// ```toml
    /// [plugins.config.tech]
    /// free_shipping_over = 5000
    /// returns_policy = "30 days, unopened"
    /// ```
    pub config: BTreeMap<String, BTreeMap<String, ConfigValue>>,
}

/// A granted config value as written in the file; plugins read it as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ConfigValue {
    Text(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
}

impl std::fmt::Display for ConfigValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigValue::Text(s) => f.write_str(s),
            ConfigValue::Integer(n) => write!(f, "{n}"),
            ConfigValue::Float(x) => write!(f, "{x}"),
            ConfigValue::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// Config values as plugins read them: brand, then key.
pub type Values = BTreeMap<String, BTreeMap<String, String>>;

impl Default for PluginsConfig {
    fn default() -> Self {
        Self {
            dir: None,
            prompts_dir: None,
            cache_dir: None,
            keep_versions: 5,
            compiler: Default::default(),
            watch: true,
            keep_resident_bytes: super::pool::DEFAULT_KEEP_RESIDENT,
            turn_threads: 0,
            canary: CanaryPolicy::default(),
            quarantine: QuarantinePolicy::default(),
            limits: Default::default(),
            config: BTreeMap::new(),
        }
    }
}

impl PluginsConfig {
    /// `[plugins.config.*]` as plugins read it.
    pub fn values(&self) -> Values {
        self.config
            .iter()
            .map(|(brand, keys)| {
                let keys = keys.iter().map(|(k, v)| (k.clone(), v.to_string()));
                (brand.clone(), keys.collect())
            })
            .collect()
    }

    /// [`Self::values`] over the brands' `prompts/<brand>.config.toml`
    /// files (kept beside their persona prompts by the brand teams): a key
    /// in the host's config file wins. A file that cannot be read or is not
    /// a table of plain values is one warning naming it, and is skipped.
    pub fn values_with_prompts(&self, prompts_dir: &Path) -> Values {
        let mut values = prompt_values(prompts_dir);
        for (brand, keys) in self.values() {
            values.entry(brand).or_default().extend(keys);
        }
        values
    }

    /// Where compiled components are cached.
    pub fn cache_dir(&self, data_dir: &Path) -> PathBuf {
        self.cache_dir
            .clone()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or_else(|| data_dir.join("cache").join("components"))
    }
}

/// `<brand>.config.toml` files of `dir`, brand by brand.
fn prompt_values(dir: &Path) -> Values {
    let mut out = Values::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(brand) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".config.toml"))
            .filter(|b| !b.is_empty())
            .map(str::to_string)
        else {
            continue;
        };
        let parsed = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                toml::from_str::<BTreeMap<String, ConfigValue>>(&text).map_err(|e| e.to_string())
            });
        match parsed {
            Ok(keys) => {
                let keys = keys.into_iter().map(|(k, v)| (k, v.to_string()));
                out.insert(brand, keys.collect());
            }
            Err(e) => {
                tracing::warn!(file = %path.display(), error = %e, "brand config values not read: the file is skipped (keys are plain values: text, numbers, true/false)")
            }
        }
    }
    out
}

#[cfg(test)]
mod prompt_values_tests {
    use super::*;

    #[test]
    fn prompt_files_give_values_and_the_config_file_wins() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("tech.config.toml"),
            "greeting = \"from prompts\"\nfree_shipping_over = 100\n",
        )
        .expect("write");
        std::fs::write(dir.path().join("home.config.toml"), "not = [toml").expect("write");
        std::fs::write(dir.path().join("tech.md"), "persona").expect("write");
        let mut config = PluginsConfig::default();
        config.config.insert(
            "tech".into(),
            BTreeMap::from([("greeting".into(), ConfigValue::Text("from config".into()))]),
        );
        let values = config.values_with_prompts(dir.path());
        assert_eq!(values["tech"]["greeting"], "from config");
        assert_eq!(values["tech"]["free_shipping_over"], "100");
        assert!(!values.contains_key("home"), "a broken file is skipped");
    }
}
