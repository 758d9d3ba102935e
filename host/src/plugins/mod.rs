//! The wasm plugin runtime: manifests, loading, the sandbox and the host
//! side of the WIT contract.
//!
//! - [`manifest`]: `plugin.toml` and its grants;
//! - [`runtime`]: engine, pooling allocator, limits, one instance per turn;
//! - [`imports`]: what a guest can call, behind its grants and budgets;
//! - [`convert`]: WIT ↔ host types;
//! - [`registry`]: the loaded set, swapped atomically;
//! - [`build`]: building guests from source to `wasm32-wasip2` components.

pub mod bindings;
pub mod build;
mod config;
pub mod convert;
pub mod imports;
pub mod manifest;
pub mod registry;
pub mod runtime;

pub use config::PluginsConfig;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub use bindings::wit;
pub use imports::{Budgets, Services};
pub use manifest::{Kind, Manifest};
pub use registry::{LoadFailure, Registry, Snapshot};
pub use runtime::{LoadedPlugin, Runtime, TurnError, TurnLimits};

/// The loaded plugins with the services they may call.
pub struct Plugins {
    runtime: Runtime,
    registry: Registry,
    services: Services,
    dir: PathBuf,
    failures: Mutex<Vec<LoadFailure>>,
}

impl Plugins {
    /// Load every plugin in `dir`.
    pub fn load(runtime: Runtime, services: Services, dir: &Path) -> Self {
        let plugins = Self {
            runtime,
            registry: Registry::default(),
            services,
            dir: dir.to_path_buf(),
            failures: Mutex::new(Vec::new()),
        };
        plugins.reload();
        plugins
    }

    /// Re-read the plugins directory and swap the loaded set atomically.
    pub fn reload(&self) -> Vec<LoadFailure> {
        let (snapshot, failures) = registry::load_dir(&self.runtime, &self.dir);
        self.registry.replace(snapshot);
        if let Ok(mut f) = self.failures.lock() {
            f.clone_from(&failures);
        }
        failures
    }

    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.registry.snapshot()
    }

    /// Plugins that failed to load at the last (re)load.
    pub fn failures(&self) -> Vec<LoadFailure> {
        self.failures.lock().map(|f| f.clone()).unwrap_or_default()
    }

    pub fn services(&self) -> &Services {
        &self.services
    }

    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }

    /// Ask the router plugin; `None` when no router is loaded.
    pub async fn route(
        &self,
        request: &wit::RouteRequest,
    ) -> Option<(Arc<LoadedPlugin>, Result<wit::RoutingDecision, TurnError>)> {
        let router = self.snapshot().router()?.clone();
        let result = self
            .runtime
            .route(&router, self.services.clone(), request)
            .await;
        Some((router, result))
    }

    /// Run `brand`'s seller; `None` when the brand has no seller.
    pub async fn handle_turn(
        &self,
        brand: &str,
        turn: &wit::Turn,
    ) -> Option<(Arc<LoadedPlugin>, Result<Vec<wit::Action>, TurnError>)> {
        let seller = self.snapshot().seller(brand)?.clone();
        let result = self
            .runtime
            .handle_turn(&seller, self.services.clone(), turn)
            .await;
        Some((seller, result))
    }
}
