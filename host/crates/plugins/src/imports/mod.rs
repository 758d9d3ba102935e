//! What a plugin instance can reach: the turn state every WIT import's host
//! side works through, with the manifest's grants and per-turn budgets
//! enforced on each call. A denied or over-budget call is an error value to
//! the guest, never a trap (a guest that keeps calling long after its
//! budget is spent is stopped by the runtime as a host-call flood).
//!
//! [`PluginState`] is a turn's store data. Its [`TurnGate`] is the turn as
//! every interface's host side sees it (`agent_store_wit::ImportGate`: the
//! host-call budget, the per-kind budgets, denials, the tape); the host side
//! of each interface lives with its capability (`catalog`, `orders`,
//! `conversations`, `llm` and `routing` crates, each a `plugin_host`
//! module), and [`views`] hands each its view of the turn. Only [`config`]
//! and [`log`] are answered here, from the plugin host's own settings and
//! log, and [`analysis`], by the SDK's own text analysis.
//! [`add_seller_imports`] and [`add_router_imports`] link a world, one
//! interface at a time. What a turn spends is in [`limits`]: [`Meter`]
//! counts guest CPU time only (the time inside host calls, e.g. waiting on
//! the LLM, is excluded; an `analysis` call is the guest's own work done by
//! the host, and counts) and [`GuestLimiter`] caps linear memory and
//! remembers that it did.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use agent_store_wit::{Budget, HostCall, ImportGate, Tape};
use wasmtime::component::{Linker, ResourceTable};
use wasmtime::{ResourceLimiter, StoreLimits};
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

use super::bindings::wit::{self, HostError};
use super::manifest::{Grants, Kind};
use crate::catalog::Catalog;
use crate::conversations::Conversations;
use crate::orders::Carts;
use crate::routing::directory::BrandDirectory;
use agent_store_llm::Llm;

mod analysis;
mod config;
mod limits;
mod log;
mod views;

pub(crate) use config::host as config_host;
pub(crate) use log::host as log_host;

#[cfg(test)]
pub(crate) use limits::cpu_now;
use limits::host_call_span;
pub use limits::{Audit, Budgets, GuestLimiter, Meter};

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
    scope: Arc<TurnScope>,
    services: Services,
    /// The budgets, denials and clock every import goes through.
    pub(crate) gate: TurnGate,
    pub(crate) stdout: MemoryOutputPipe,
    pub(crate) stderr: MemoryOutputPipe,
    /// Why the runtime stopped the turn (CPU deadline, host-call flood).
    pub(crate) abort: Option<String>,
    /// The conversation's cart, once the turn read it (see
    /// `OrdersCtxView::cart_read`).
    cart_read: Option<crate::orders::Cart>,
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
        let scope = Arc::new(scope);
        let gate = TurnGate::new(scope.clone(), budgets, services.tape.clone());
        Self {
            wasi,
            table: ResourceTable::new(),
            limiter,
            scope,
            services,
            gate,
            stdout,
            stderr,
            abort: None,
            cart_read: None,
        }
    }

    /// The guest kept calling after its host-call budget was spent: as many
    /// refused calls again as the budget itself (at least 50). The runtime
    /// stops the turn.
    pub(crate) fn flooding(&self) -> Option<String> {
        let gate = &self.gate;
        (gate.refused >= gate.host_call_budget.max(50)).then(|| {
            format!(
                "host-call budget of {} calls per turn ({} more calls refused: host-call flood)",
                gate.host_call_budget, gate.refused
            )
        })
    }
}

/// The turn as every import's host side sees it: what is left of its
/// budgets, what it was denied or refused, the guest's CPU clock and the
/// tape of its import calls.
pub(crate) struct TurnGate {
    scope: Arc<TurnScope>,
    /// What is left of the turn's budgets.
    budgets: Budgets,
    /// The turn's host-call budget, to tell a flood from a slip.
    host_call_budget: u32,
    /// Host calls denied during the turn (for the audit log).
    pub(crate) denied: Vec<String>,
    /// Host calls refused for the turn's budgets.
    pub(crate) refused: u32,
    pub(crate) meter: Arc<Meter>,
    /// The conversation store failed during the turn (a state read or
    /// write): the turn fails and the bus retries it, whatever the guest
    /// made of the error.
    pub(crate) storage_error: Option<String>,
    tape: Tape,
}

impl TurnGate {
    /// A turn's gate: all of `budgets` left, nothing denied, the guest's
    /// clock not started.
    fn new(scope: Arc<TurnScope>, budgets: Budgets, tape: Tape) -> Self {
        TurnGate {
            scope,
            host_call_budget: budgets.host_calls,
            budgets,
            denied: Vec::new(),
            refused: 0,
            meter: Arc::new(Meter::default()),
            storage_error: None,
            tape,
        }
    }

    /// A host call that does the guest's own work for it (`analysis`):
    /// counted against the host-call budget like any other, but the
    /// guest's CPU clock keeps running, so what the host computes on the
    /// guest's behalf is charged to the guest's CPU budget and a plugin
    /// cannot spend the host's CPU beyond its own limit this way.
    pub(crate) fn enter_on_guest_time(
        &mut self,
        name: &'static str,
    ) -> Result<tracing::Span, HostError> {
        self.spend_host_call()?;
        Ok(host_call_span(name, &self.scope))
    }

    /// Count one call against the host-call budget, or refuse it.
    fn spend_host_call(&mut self) -> Result<(), HostError> {
        if self.budgets.host_calls == 0 {
            self.refused += 1;
            return Err(HostError::LimitExceeded(format!(
                "{} host calls per turn",
                self.host_call_budget
            )));
        }
        self.budgets.host_calls -= 1;
        Ok(())
    }

    /// Refuse a call over one of the per-kind budgets.
    fn over(&mut self, what: &str) -> HostError {
        self.refused += 1;
        HostError::LimitExceeded(format!("{what} per turn"))
    }
}

impl ImportGate for TurnGate {
    /// `name` names the import (`catalog.search`): with traces on, the
    /// call is a span of that name inside the turn's span.
    fn enter(&mut self, name: &'static str) -> Result<HostCall, HostError> {
        self.spend_host_call()?;
        let mut call = self.meter.host_call();
        call.span = host_call_span(name, &self.scope);
        Ok(call)
    }

    fn spend(&mut self, budget: Budget) -> Result<(), HostError> {
        let left = match budget {
            Budget::CatalogCalls => &mut self.budgets.catalog_calls,
            Budget::LlmCalls => &mut self.budgets.llm_calls,
            Budget::StateWrites => &mut self.budgets.state_writes,
        };
        if *left == 0 {
            return Err(self.over(budget.as_str()));
        }
        *left -= 1;
        Ok(())
    }

    /// An error to the guest, a `warn` line and the plugin's audit counter.
    fn deny(&mut self, capability: &'static str, detail: &str) -> HostError {
        let scope = &self.scope;
        let msg = format!(
            "{capability}{}{detail} is not granted to plugin {}",
            if detail.is_empty() { "" } else { " " },
            scope.plugin
        );
        tracing::warn!(
            plugin = %scope.plugin,
            version = %scope.version,
            capability,
            detail,
            conversation = scope.conversation_id.as_deref().unwrap_or(""),
            audit = true,
            "host call denied"
        );
        scope.audit.record(capability);
        if self.denied.len() < 32 {
            self.denied.push(if detail.is_empty() {
                capability.to_string()
            } else {
                format!("{capability} {detail}")
            });
        }
        HostError::Denied(msg)
    }

    fn search_limit(&self) -> u32 {
        self.budgets.search_limit
    }

    fn fail_turn(&mut self, why: String) {
        self.storage_error = Some(why);
    }

    fn tape(&self) -> Tape {
        self.tape.clone()
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

/// The imports of the seller world (0.2.1), each linked by the capability
/// that answers it.
pub fn add_seller_imports(linker: &mut Linker<PluginState>) -> wasmtime::Result<()> {
    agent_store_wit::add_types_to_linker(linker)?;
    analysis::add_to_linker(linker)?;
    crate::catalog::plugin_host::add_to_linker(linker)?;
    agent_store_llm::plugin_host::add_to_linker(linker)?;
    crate::orders::plugin_host::add_to_linker(linker)?;
    crate::conversations::plugin_host::add_to_linker(linker)?;
    config::add_to_linker(linker)?;
    log::add_to_linker(linker)
}

/// The imports of the router world (0.2.1): the seller's and `routing`.
pub fn add_router_imports(linker: &mut Linker<PluginState>) -> wasmtime::Result<()> {
    add_seller_imports(linker)?;
    crate::routing::plugin_host::add_to_linker(linker)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gate(budgets: Budgets) -> TurnGate {
        let scope = Arc::new(TurnScope {
            plugin: "seller-tech".into(),
            version: "1.0.0".into(),
            kind: Kind::Seller,
            brand: Some("tech".into()),
            grants: Grants::default(),
            conversation_id: None,
            brands: Vec::new(),
            audit: Arc::new(Audit::default()),
        });
        TurnGate::new(scope, budgets, Tape::default())
    }

    /// Spend `d` of this thread's CPU.
    fn burn(d: Duration) {
        let start = cpu_now();
        let mut x = 0u64;
        while cpu_now().saturating_sub(start) < d {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
        }
    }

    #[test]
    fn the_hosts_own_work_stops_the_guest_clock_and_an_analysis_does_not() {
        let mut gate = gate(Budgets {
            host_calls: 2,
            ..Budgets::default()
        });
        gate.meter.poll_started();
        {
            let _call = gate.enter("catalog.search").expect("within budget");
            burn(Duration::from_millis(30));
        }
        let after_host_call = gate.meter.guest_cpu();
        assert!(
            after_host_call < Duration::from_millis(15),
            "a host call is not the guest's time: {after_host_call:?}"
        );
        {
            let _span = gate
                .enter_on_guest_time("analysis.signals-of")
                .expect("within budget");
            burn(Duration::from_millis(30));
        }
        let after_analysis = gate.meter.guest_cpu();
        assert!(
            after_analysis >= after_host_call + Duration::from_millis(30),
            "an analysis is the guest's time: {after_host_call:?} then {after_analysis:?}"
        );
        // Both spent the host-call budget.
        assert!(matches!(
            gate.enter_on_guest_time("analysis.reading-of"),
            Err(HostError::LimitExceeded(_))
        ));
        assert_eq!(gate.refused, 1);
    }

    /// A turn reads its conversation's cart from the database once: a
    /// seller asks for it two or three times a turn, and the turn cannot
    /// change it (its cart actions are carried out after it). The next
    /// turn reads it again.
    #[tokio::test]
    async fn a_turn_reads_the_cart_once() {
        use agent_store_wit::interfaces::orders::Host as _;
        let (db, dir) = agent_store_db::testing::sqlite().await.expect("sqlite");
        let catalog = Catalog::open(db.clone(), dir.path())
            .await
            .expect("catalog");
        let feed = "id,title,description,availability,price,brand,product_type\n\
                    CAP-1,Running Cap,A cap,in stock,50.00 BRL,fashion,Accessories\n\
                    SOCK-1,Sock,A sock,in stock,5.00 BRL,fashion,Socks\n";
        catalog.import_csv(feed.as_bytes()).await.expect("feed");
        sqlx::query(
            "INSERT INTO conversations (id, phone_number_id, customer_wa_id, brand, status, language, created_at, updated_at) \
             VALUES ('c1', 'PN1', '5511900000001', 'fashion', 'open', 'pt', 0, 0)",
        )
        .execute(&db.pool)
        .await
        .expect("conversation");
        let carts = Carts::new(db, catalog.clone());
        carts.add("c1", None, "CAP-1", 1).await.expect("add");
        let seen = agent_store_llm::seen::TurnLog::recording();
        let mut gate = gate(Budgets {
            host_calls: 10,
            ..Budgets::default()
        });
        let (mut cart_read, mut next_read) = (None, None);
        let mut view = crate::orders::plugin_host::OrdersCtxView {
            gate: &mut gate,
            granted: true,
            carts: Some(&carts),
            conversation_id: Some("c1"),
            cart_read: &mut cart_read,
            catalog: &catalog,
            shown: &seen,
        };
        let first = view.get_cart().await.expect("cart");
        assert_eq!(first.lines.len(), 1);
        // Changed behind the turn's back: the turn keeps what it read.
        carts.add("c1", None, "SOCK-1", 1).await.expect("add");
        let again = view.get_cart().await.expect("cart");
        assert_eq!(again.lines.len(), 1);
        assert_eq!(again.subtotal.minor_units, first.subtotal.minor_units);
        // The next turn starts with nothing read.
        view.cart_read = &mut next_read;
        let next = view.get_cart().await.expect("cart");
        assert_eq!(next.lines.len(), 2);
    }
}
