//! What a plugin instance can reach: the host side of every WIT import,
//! with the manifest's grants and per-turn budgets enforced on each call.
//! A denied or over-budget call is an error value to the guest, never a trap.

use std::collections::HashMap;
use std::sync::Arc;

use wasmtime::StoreLimits;
use wasmtime::component::ResourceTable;
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

use super::bindings::seller::agent_store::plugin as wit_if;
use super::bindings::wit::{self, HostError};
use super::convert;
use super::manifest::{CatalogScope, Grants, Kind};
use crate::catalog::Catalog;
use crate::conversations::Conversations;
use crate::llm::Llm;
use crate::orders::Carts;

/// Shared services every plugin call may use (behind the grants).
#[derive(Clone)]
pub struct Services {
    pub catalog: Catalog,
    pub conversations: Option<Conversations>,
    pub carts: Option<Carts>,
    pub llm: Llm,
    /// Persona prompts by brand; the router's under `router` (re-read
    /// when the file changes).
    pub prompts: crate::llm::Prompts,
    /// Config values a manifest may be granted, by key.
    pub values: Arc<HashMap<String, String>>,
}

/// Per-turn call budgets.
#[derive(Debug, Clone, Copy)]
pub struct Budgets {
    pub catalog_calls: u32,
    pub llm_calls: u32,
    pub state_writes: u32,
    pub search_limit: u32,
}

impl Default for Budgets {
    fn default() -> Self {
        Self {
            catalog_calls: 20,
            llm_calls: 3,
            state_writes: 16,
            search_limit: 20,
        }
    }
}

/// Who is running and for which conversation.
#[derive(Clone)]
pub struct TurnScope {
    pub plugin: String,
    pub version: String,
    pub kind: Kind,
    pub brand: Option<String>,
    pub grants: Grants,
    pub conversation_id: Option<String>,
}

/// The data of one plugin `Store`: lives for exactly one turn.
pub struct PluginState {
    wasi: WasiCtx,
    table: ResourceTable,
    pub(crate) limits: StoreLimits,
    scope: TurnScope,
    services: Services,
    budgets: Budgets,
    pub(crate) stdout: MemoryOutputPipe,
    pub(crate) stderr: MemoryOutputPipe,
    /// Host calls denied during the turn (for the audit log).
    pub(crate) denied: Vec<String>,
}

/// How much a guest may print per turn before output is dropped.
const OUTPUT_CAPACITY: usize = 64 * 1024;

impl PluginState {
    pub fn new(
        scope: TurnScope,
        services: Services,
        budgets: Budgets,
        limits: StoreLimits,
    ) -> Self {
        let stdout = MemoryOutputPipe::new(OUTPUT_CAPACITY);
        let stderr = MemoryOutputPipe::new(OUTPUT_CAPACITY);
        // No preopened dirs, no env, no args, no network: the guest reaches
        // the world only through the store's own imports.
        let wasi = WasiCtx::builder()
            .stdout(stdout.clone())
            .stderr(stderr.clone())
            .allow_tcp(false)
            .allow_udp(false)
            .allow_ip_name_lookup(false)
            .build();
        Self {
            wasi,
            table: ResourceTable::new(),
            limits,
            scope,
            services,
            budgets,
            stdout,
            stderr,
            denied: Vec::new(),
        }
    }

    fn deny(&mut self, what: &str) -> HostError {
        let msg = format!("{} is not granted to plugin {}", what, self.scope.plugin);
        tracing::warn!(plugin = %self.scope.plugin, capability = what, "host call denied");
        self.denied.push(what.to_string());
        HostError::Denied(msg)
    }

    /// The brand filter of catalog calls, or a denial.
    fn catalog_scope(&mut self) -> Result<Option<String>, HostError> {
        if self.budgets.catalog_calls == 0 {
            return Err(HostError::LimitExceeded("catalog calls per turn".into()));
        }
        self.budgets.catalog_calls -= 1;
        match self.scope.grants.catalog {
            CatalogScope::None => Err(self.deny("catalog")),
            CatalogScope::All => Ok(None),
            CatalogScope::Brand => match &self.scope.brand {
                Some(b) => Ok(Some(b.clone())),
                None => Err(self.deny("catalog")),
            },
        }
    }

    fn conversation(&self) -> Option<(&Conversations, &str)> {
        Some((
            self.services.conversations.as_ref()?,
            self.scope.conversation_id.as_deref()?,
        ))
    }
}

impl WasiView for PluginState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

impl wit_if::types::Host for PluginState {}

impl wit_if::catalog::Host for PluginState {
    async fn search(
        &mut self,
        query: wit::SearchQuery,
    ) -> Result<Vec<wit::ScoredProduct>, HostError> {
        let brand = self.catalog_scope()?;
        let q = convert::search_query(query, self.budgets.search_limit);
        Ok(self
            .services
            .catalog
            .search(brand.as_deref(), &q)
            .iter()
            .map(|s| wit::ScoredProduct {
                product: convert::product(&s.product),
                score: s.score,
            })
            .collect())
    }

    async fn get(&mut self, id: String) -> Result<Option<wit::Product>, HostError> {
        let brand = self.catalog_scope()?;
        Ok(self
            .services
            .catalog
            .get(brand.as_deref(), &id)
            .map(|p| convert::product(&p)))
    }

    async fn recommend(
        &mut self,
        product_id: String,
        kind: wit::RecommendationKind,
        limit: u32,
    ) -> Result<Vec<wit::Recommendation>, HostError> {
        let brand = self.catalog_scope()?;
        let limit = limit.clamp(1, self.budgets.search_limit);
        Ok(self
            .services
            .catalog
            .recommend(
                brand.as_deref(),
                &product_id,
                convert::recommendation_kind(kind),
                limit,
            )
            .iter()
            .map(|r| wit::Recommendation {
                product: convert::product(&r.product),
                kind,
                explanation: r.explanation.clone(),
            })
            .collect())
    }
}

impl wit_if::llm::Host for PluginState {
    async fn chat(&mut self, request: wit::ChatRequest) -> Result<wit::ChatResponse, HostError> {
        if !self.scope.grants.llm {
            return Err(self.deny("llm"));
        }
        if self.budgets.llm_calls == 0 {
            return Err(HostError::LimitExceeded("llm calls per turn".into()));
        }
        self.budgets.llm_calls -= 1;
        crate::llm::plugin::chat(&self.services, &self.scope, request).await
    }
}

impl wit_if::orders::Host for PluginState {
    async fn get_cart(&mut self) -> Result<wit::Cart, HostError> {
        if !self.scope.grants.orders {
            return Err(self.deny("orders"));
        }
        let (Some(carts), Some(conversation)) = (&self.services.carts, &self.scope.conversation_id)
        else {
            return Err(HostError::Unavailable(
                "no conversation in this call".into(),
            ));
        };
        let cart = carts
            .get(conversation)
            .await
            .map_err(|e| HostError::Failed(e.to_string()))?;
        Ok(wit::Cart {
            lines: cart
                .lines
                .iter()
                .map(|l| wit::CartLine {
                    product_id: l.product_id.clone(),
                    title: l.title.clone(),
                    quantity: l.quantity,
                    unit_price: convert::money(&l.unit_price),
                })
                .collect(),
            subtotal: convert::money(&cart.subtotal),
        })
    }

    async fn recent(&mut self, limit: u32) -> Result<Vec<wit::OrderSummary>, HostError> {
        if !self.scope.grants.orders {
            return Err(self.deny("orders"));
        }
        let (Some(carts), Some(conversation)) = (&self.services.carts, &self.scope.conversation_id)
        else {
            return Err(HostError::Unavailable(
                "no conversation in this call".into(),
            ));
        };
        let orders = carts
            .recent_orders(conversation, limit)
            .await
            .map_err(|e| HostError::Failed(e.to_string()))?;
        Ok(orders
            .into_iter()
            .map(|o| wit::OrderSummary {
                id: o.id,
                status: o.status,
                total: convert::money(&o.total),
                created_at: u64::try_from(o.created_at).unwrap_or(0),
                tracking: o.tracking,
            })
            .collect())
    }
}

impl wit_if::conversation::Host for PluginState {
    async fn history(&mut self, limit: u32) -> Vec<wit::HistoryEntry> {
        let Some((store, id)) = self.conversation() else {
            return Vec::new();
        };
        match store.history(id, limit.min(50), None).await {
            Ok(h) => convert::history(&h),
            Err(e) => {
                tracing::warn!(error = %e, "history for a plugin failed");
                Vec::new()
            }
        }
    }

    async fn get_state(&mut self, key: String) -> Option<String> {
        let (store, id) = self.conversation()?;
        store
            .state(id, &format!("{}:{}", self.scope.plugin, key))
            .await
            .ok()
            .flatten()
    }

    async fn set_state(&mut self, key: String, value: String) -> Result<(), HostError> {
        if self.budgets.state_writes == 0 {
            return Err(HostError::LimitExceeded("state writes per turn".into()));
        }
        self.budgets.state_writes -= 1;
        let Some((store, id)) = self.conversation() else {
            return Err(HostError::Unavailable(
                "no conversation in this call".into(),
            ));
        };
        // Keys are namespaced per plugin: one plugin cannot read another's.
        store
            .set_state(id, &format!("{}:{}", self.scope.plugin, key), &value)
            .await
            .map_err(|e| match e {
                crate::conversations::StoreError::Limit(m) => HostError::LimitExceeded(m),
                other => HostError::Failed(other.to_string()),
            })
    }
}

impl wit_if::config::Host for PluginState {
    async fn get(&mut self, key: String) -> Option<String> {
        if !self.scope.grants.config.iter().any(|k| k == &key) {
            self.deny(&format!("config key {key}"));
            return None;
        }
        self.services.values.get(&key).cloned()
    }

    async fn prompt(&mut self) -> String {
        let key = self.scope.brand.as_deref().unwrap_or("router");
        self.services.prompts.get(key).unwrap_or_default()
    }
}

impl wit_if::log::Host for PluginState {
    async fn log(&mut self, level: wit::Level, message: String) {
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
