//! The set of loaded plugins, swapped atomically: a turn holds an `Arc` to
//! the plugin it started on, so a swap never disturbs turns in flight.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arc_swap::ArcSwap;

use super::manifest::{self, Kind, Manifest};
use super::runtime::{LoadedPlugin, Runtime};

/// An immutable view of the loaded plugins.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// By plugin name.
    pub plugins: BTreeMap<String, Arc<LoadedPlugin>>,
}

impl Snapshot {
    /// The seller of `brand`.
    pub fn seller(&self, brand: &str) -> Option<&Arc<LoadedPlugin>> {
        self.plugins
            .values()
            .find(|p| p.manifest.kind == Kind::Seller && p.manifest.brand.as_deref() == Some(brand))
    }

    /// The routing policy (the first router by name when several).
    pub fn router(&self) -> Option<&Arc<LoadedPlugin>> {
        self.plugins
            .values()
            .find(|p| p.manifest.kind == Kind::Router)
    }

    /// Brands that have a seller, sorted.
    pub fn brands(&self) -> Vec<String> {
        self.plugins
            .values()
            .filter(|p| p.manifest.kind == Kind::Seller)
            .filter_map(|p| p.manifest.brand.clone())
            .collect()
    }
}

/// A plugin that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadFailure {
    pub plugin: String,
    pub path: PathBuf,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct Registry {
    current: ArcSwap<Snapshot>,
}

impl Registry {
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.load_full()
    }

    pub fn replace(&self, snapshot: Snapshot) {
        self.current.store(Arc::new(snapshot));
    }
}

/// Load every `<dir>/<name>/plugin.toml` with its component. A broken
/// plugin is skipped with one log line naming it and the reason; the others
/// load. Two sellers for one brand: the first by name wins.
pub fn load_dir(runtime: &Runtime, dir: &Path) -> (Snapshot, Vec<LoadFailure>) {
    let mut snapshot = Snapshot::default();
    let mut failures = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            tracing::error!(dir = %dir.display(), error = %e, "cannot read the plugins directory; no plugins loaded");
            return (snapshot, failures);
        }
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for plugin_dir in dirs {
        let fallback = plugin_dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match load_one(runtime, &plugin_dir) {
            Ok(loaded) => {
                let m = &loaded.manifest;
                if m.kind == Kind::Seller
                    && let Some(other) = snapshot.seller(m.brand.as_deref().unwrap_or_default())
                {
                    let reason = format!(
                        "brand {} already served by {}",
                        m.brand.as_deref().unwrap_or_default(),
                        other.manifest.name
                    );
                    tracing::error!(plugin = %m.name, path = %plugin_dir.display(), %reason, "plugin not loaded");
                    failures.push(LoadFailure {
                        plugin: m.name.clone(),
                        path: plugin_dir,
                        reason,
                    });
                    continue;
                }
                tracing::info!(plugin = %m.name, kind = m.kind.as_str(), brand = ?m.brand, version = %m.version, digest = %&loaded.digest[..12], "plugin loaded");
                snapshot.plugins.insert(m.name.clone(), Arc::new(loaded));
            }
            Err((plugin, reason)) => {
                let plugin = plugin.unwrap_or(fallback);
                tracing::error!(plugin = %plugin, path = %plugin_dir.display(), %reason, "plugin not loaded");
                failures.push(LoadFailure {
                    plugin,
                    path: plugin_dir,
                    reason,
                });
            }
        }
    }
    (snapshot, failures)
}

type Failure = (Option<String>, String);

fn load_one(runtime: &Runtime, plugin_dir: &Path) -> Result<LoadedPlugin, Failure> {
    let manifest =
        Manifest::read(&plugin_dir.join(manifest::FILE_NAME)).map_err(|e| (None, e.to_string()))?;
    let name = Some(manifest.name.clone());
    let path = plugin_dir.join(manifest.component_file());
    let bytes = std::fs::read(&path).map_err(|e| {
        (
            name.clone(),
            format!("cannot read component {}: {e}", path.display()),
        )
    })?;
    runtime
        .load(manifest, &bytes)
        .map_err(|e| (name, e.to_string()))
}
