//! What a plugin instance can reach: the host side of every WIT import,
//! with the manifest's grants and per-turn budgets enforced on each call.
//! A denied or over-budget call is an error value to the guest, never a trap
//! (a guest that keeps calling long after its budget is spent is stopped by
//! the runtime as a host-call flood).
//!
//! [`PluginState`] is a turn's store data and the view every interface's
//! host side works through: its grants and budgets (`enter`, `deny`,
//! `over`), its scope and the shared [`Services`]. One file per WIT
//! interface implements it: [`catalog`], [`orders`], [`conversation`],
//! [`llm`], [`config`], [`log`] (seller world) and [`routing`] (router
//! world). What a turn spends is in [`limits`]: [`Meter`] counts guest CPU
//! time only (the time inside host calls, e.g. waiting on the LLM, is
//! excluded) and [`GuestLimiter`] caps linear memory and remembers that it
//! did.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use wasmtime::component::ResourceTable;
use wasmtime::{ResourceLimiter, StoreLimits};
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

use super::bindings::router::agent_store::plugin as router_if;
use super::bindings::seller::agent_store::plugin as wit_if;
use super::bindings::wit::{self, HostError};
use super::convert;
use super::manifest::{CatalogScope, Grants, Kind};
use crate::catalog::Catalog;
use crate::conversations::Conversations;
use crate::orders::Carts;
use crate::routing::directory::BrandDirectory;
use agent_store_llm::Llm;

mod catalog;
mod config;
mod conversation;
mod limits;
mod llm;
mod log;
mod orders;
mod routing;

#[cfg(test)]
pub(crate) use limits::cpu_now;
use limits::host_call_span;
pub use limits::{Audit, Budgets, GuestLimiter, HostCall, Meter};

/// Shared services every plugin call may use (behind the grants).
#[derive(Clone)]
pub struct Services {
    pub catalog: Catalog,
    pub conversations: Option<Conversations>,
    pub carts: Option<Carts>,
    pub llm: Llm,
    /// Persona prompts by brand; the router's under `router` (re-read
    /// when the file changes).
    pub prompts: agent_store_llm::Prompts,
    /// Config values a manifest may be granted: by brand (`router` for
    /// the router), then key (`[plugins.config.<brand>]`).
    pub values: Arc<super::config::Values>,
    /// What the router world's `routing` import answers (the host's brand
    /// vocabulary, [`crate::routing::Vocabulary`]).
    pub brands: Arc<dyn BrandDirectory>,
    /// The brand vocabulary itself: the sellers' `[routing]` sections
    /// are synced into it, and it holds the store policy texts.
    pub routing: crate::routing::Vocabulary,
    /// What the current turn saw (searches, recommendations, products,
    /// amounts); records only for seller turns ([`super::seen`]).
    pub seen: agent_store_llm::seen::TurnLog,
    /// The turn's import calls, recorded or answered from a recording
    /// ([`super::record`]); off unless the turn is recorded or replayed.
    pub tape: super::record::Tape,
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
    /// The brands with a seller, as the route request gave them (routers
    /// only; what the `routing` import answers about).
    pub brands: Vec<String>,
    /// The loaded plugin's audit counters.
    pub audit: Arc<Audit>,
}

/// The data of one plugin `Store`: lives for exactly one turn.
pub struct PluginState {
    wasi: WasiCtx,
    table: ResourceTable,
    pub(crate) limiter: GuestLimiter,
    scope: TurnScope,
    services: Services,
    /// What is left of the turn's budgets.
    budgets: Budgets,
    /// The turn's host-call budget, to tell a flood from a slip.
    host_call_budget: u32,
    pub(crate) stdout: MemoryOutputPipe,
    pub(crate) stderr: MemoryOutputPipe,
    /// Host calls denied during the turn (for the audit log).
    pub(crate) denied: Vec<String>,
    /// Host calls refused for the turn's budgets.
    pub(crate) refused: u32,
    pub(crate) meter: Arc<Meter>,
    /// Why the runtime stopped the turn (CPU deadline, host-call flood).
    pub(crate) abort: Option<String>,
    /// The conversation store failed during the turn (a state read or
    /// write): the turn fails and the bus retries it, whatever the guest
    /// made of the error.
    pub(crate) storage_error: Option<String>,
}

/// How much a guest may print per turn before output is dropped.
const OUTPUT_CAPACITY: usize = 64 * 1024;

impl PluginState {
    pub fn new(
        scope: TurnScope,
        services: Services,
        budgets: Budgets,
        limiter: GuestLimiter,
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
            limiter,
            scope,
            services,
            host_call_budget: budgets.host_calls,
            budgets,
            stdout,
            stderr,
            denied: Vec::new(),
            refused: 0,
            meter: Arc::new(Meter::default()),
            abort: None,
            storage_error: None,
        }
    }

    /// The guest kept calling after its host-call budget was spent: as many
    /// refused calls again as the budget itself (at least 50). The runtime
    /// stops the turn.
    pub(crate) fn flooding(&self) -> Option<String> {
        (self.refused >= self.host_call_budget.max(50)).then(|| {
            format!(
                "host-call budget of {} calls per turn ({} more calls refused: host-call flood)",
                self.host_call_budget, self.refused
            )
        })
    }

    /// Count a host call against the budgets; stops the guest's CPU clock
    /// until the returned guard drops.
    /// `kind` names the import (`catalog.search`): with traces on, the
    /// call is a span of that name inside the turn's span.
    fn enter(&mut self, kind: &'static str) -> Result<HostCall, HostError> {
        if self.budgets.host_calls == 0 {
            self.refused += 1;
            return Err(HostError::LimitExceeded(format!(
                "{} host calls per turn",
                self.host_call_budget
            )));
        }
        self.budgets.host_calls -= 1;
        let mut call = self.meter.host_call();
        call.span = host_call_span(kind, &self.scope);
        Ok(call)
    }

    /// Refuse a call over one of the per-kind budgets.
    fn over(&mut self, what: &str) -> HostError {
        self.refused += 1;
        HostError::LimitExceeded(format!("{what} per turn"))
    }

    /// Deny an ungranted capability: an error to the guest, a `warn` line
    /// and the plugin's audit counter.
    fn deny(&mut self, capability: &'static str, detail: &str) -> HostError {
        let msg = format!(
            "{capability}{}{detail} is not granted to plugin {}",
            if detail.is_empty() { "" } else { " " },
            self.scope.plugin
        );
        tracing::warn!(
            plugin = %self.scope.plugin,
            version = %self.scope.version,
            capability,
            detail,
            conversation = self.scope.conversation_id.as_deref().unwrap_or(""),
            audit = true,
            "host call denied"
        );
        self.scope.audit.record(capability);
        if self.denied.len() < 32 {
            self.denied.push(if detail.is_empty() {
                capability.to_string()
            } else {
                format!("{capability} {detail}")
            });
        }
        HostError::Denied(msg)
    }

    /// The brand filter of catalog calls, or a denial.
    fn catalog_scope(&mut self) -> Result<Option<String>, HostError> {
        if self.budgets.catalog_calls == 0 {
            return Err(self.over("catalog calls"));
        }
        self.budgets.catalog_calls -= 1;
        match self.scope.grants.catalog {
            CatalogScope::None => Err(self.deny("catalog", "")),
            CatalogScope::All => Ok(None),
            CatalogScope::Brand => match &self.scope.brand {
                Some(b) => Ok(Some(b.clone())),
                None => Err(self.deny("catalog", "")),
            },
        }
    }

    /// The turn's tape ([`super::record`]).
    pub(crate) fn tape(&self) -> &super::record::Tape {
        &self.services.tape
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

/// Longest text `routing.match-text` looks at, in characters.
const MATCH_TEXT_CHARS: usize = 4096;
