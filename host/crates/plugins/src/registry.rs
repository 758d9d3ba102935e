//! The set of loaded plugins, swapped atomically: a turn holds an `Arc` to
//! the plugin it started on, so a swap never disturbs turns in flight.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arc_swap::ArcSwap;

use super::canary::Canary;
use super::manifest::Kind;
use super::runtime::{LoadedPlugin, Runtime};
use super::store::VersionStore;

/// An immutable view of the loaded plugins.
#[derive(Debug, Default, Clone)]
pub struct Snapshot {
    /// The active version, by plugin name.
    pub plugins: BTreeMap<String, Arc<LoadedPlugin>>,
    /// Versions on trial, by plugin name.
    pub canaries: BTreeMap<String, Arc<Canary>>,
    /// Shadow versions, by plugin name: they get a copy of the active
    /// version's live turns, answered from its recorded imports, and their
    /// actions are only compared (the host's `replay::shadow`).
    pub shadows: BTreeMap<String, Arc<LoadedPlugin>>,
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

    /// The version serving `key` (a customer): the canary when it has one
    /// and `key` falls in its share, else the active version.
    pub fn pick(
        &self,
        active: &Arc<LoadedPlugin>,
        key: &str,
    ) -> (Arc<LoadedPlugin>, Option<Arc<Canary>>) {
        match self.canaries.get(&active.manifest.name) {
            Some(c) if c.serves(key) => (c.plugin.clone(), Some(c.clone())),
            Some(c) => (active.clone(), Some(c.clone())),
            None => (active.clone(), None),
        }
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

    /// Swap in a changed copy of the current snapshot. Callers serialise
    /// their updates (see `Plugins`), so none is lost.
    pub fn update(&self, change: impl FnOnce(&mut Snapshot)) {
        let mut next = (*self.current.load_full()).clone();
        change(&mut next);
        self.current.store(Arc::new(next));
    }
}

/// What is installed in `dir`, read-only (`agent-store plugin list`): the
/// active version of every plugin, or its drop-in when it has no versions
/// yet. A broken plugin is skipped with one log line naming it and the
/// reason; the others load. Two sellers for one brand: the first by name
/// wins.
pub fn load_dir(runtime: &Runtime, dir: &Path) -> (Snapshot, Vec<LoadFailure>) {
    let store = VersionStore::new(dir, usize::MAX);
    let mut snapshot = Snapshot::default();
    let mut failures = Vec::new();
    let names = match store.names() {
        Ok(n) => n,
        Err(e) => {
            tracing::error!(dir = %dir.display(), error = %e, "cannot read the plugins directory; no plugins loaded");
            return (snapshot, failures);
        }
    };
    for name in names {
        let source = match store.active_id(&name) {
            Some(id) => Some(store.read(&name, &id)),
            None => store.dropin(&name),
        };
        let Some(source) = source else {
            continue;
        };
        let loaded = source.map_err(|e| e.to_string()).and_then(|s| {
            runtime
                .load(s.manifest, &s.bytes)
                .map_err(|e| e.to_string())
        });
        match loaded {
            Ok(loaded) => {
                if let Err(reason) = admit(&snapshot, &loaded) {
                    tracing::error!(plugin = %name, %reason, "plugin not loaded");
                    failures.push(LoadFailure {
                        plugin: name.clone(),
                        path: store.plugin_dir(&name),
                        reason,
                    });
                    continue;
                }
                snapshot.plugins.insert(name, Arc::new(loaded));
            }
            Err(reason) => {
                tracing::error!(plugin = %name, %reason, "plugin not loaded");
                failures.push(LoadFailure {
                    plugin: name.clone(),
                    path: store.plugin_dir(&name),
                    reason,
                });
            }
        }
    }
    (snapshot, failures)
}

/// Whether `plugin` may join `snapshot`: one seller per brand.
pub fn admit(snapshot: &Snapshot, plugin: &LoadedPlugin) -> Result<(), String> {
    let m = &plugin.manifest;
    if m.kind == Kind::Seller
        && let Some(other) = snapshot.seller(m.brand.as_deref().unwrap_or_default())
        && other.manifest.name != m.name
    {
        return Err(format!(
            "brand {} already served by {}",
            m.brand.as_deref().unwrap_or_default(),
            other.manifest.name
        ));
    }
    Ok(())
}
