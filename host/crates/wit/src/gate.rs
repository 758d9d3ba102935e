//! What every interface's host side needs from the turn it serves: the
//! host-call budget, the per-kind budgets, denials, the turn's search limit
//! and a way to fail the turn. The plugin runtime implements [`ImportGate`]
//! once (its turn state); each capability's view holds `&mut dyn
//! ImportGate` beside its own services, so no capability names the runtime.

use std::sync::Arc;

use crate::tape::Tape;
use crate::wit::HostError;

/// A per-turn budget other than the host-call budget every import spends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// `catalog.*` calls.
    CatalogCalls,
    /// `llm.chat` calls.
    LlmCalls,
    /// `conversation.set-state` writes.
    StateWrites,
}

impl Budget {
    /// The budget as the refusal names it (`catalog calls per turn`).
    pub fn as_str(self) -> &'static str {
        match self {
            Budget::CatalogCalls => "catalog calls",
            Budget::LlmCalls => "llm calls",
            Budget::StateWrites => "state writes",
        }
    }
}

/// The turn as an import's host side sees it.
pub trait ImportGate: Send {
    /// Count a host call (`name`: `catalog.search`) against the turn's
    /// host-call budget; the guest's CPU clock stays stopped until the
    /// returned guard drops.
    fn enter(&mut self, name: &'static str) -> Result<HostCall, HostError>;
    /// Spend one of `budget`, or refuse the call over it.
    fn spend(&mut self, budget: Budget) -> Result<(), HostError>;
    /// Deny an ungranted capability (`detail` may be empty): the error to
    /// give the guest, after the audit trail has it.
    fn deny(&mut self, capability: &'static str, detail: &str) -> HostError;
    /// Most results of one search, recommendation or match call.
    fn search_limit(&self) -> u32;
    /// The turn must fail (and be retried) whatever the guest makes of the
    /// error it is given: a store the host depends on failed.
    fn fail_turn(&mut self, why: String);
    /// The turn's import calls, recorded or answered from a recording
    /// ([`crate::Recorded`]); off for most turns.
    fn tape(&self) -> Tape;
}

/// The guest's CPU clock, as a host call stops and restarts it.
pub trait GuestClock: Send + Sync {
    /// A host call returned: the guest's clock may run again.
    fn host_call_ended(&self);
}

/// A host call in progress: the guest's clock is stopped until this drops.
/// Its trace span (when traces are exported) ends with it.
pub struct HostCall {
    pub span: tracing::Span,
    clock: Arc<dyn GuestClock>,
}

impl HostCall {
    /// A call whose `clock` was stopped by the caller.
    pub fn new(clock: Arc<dyn GuestClock>, span: tracing::Span) -> Self {
        Self { span, clock }
    }
}

impl Drop for HostCall {
    fn drop(&mut self) {
        self.clock.host_call_ended();
    }
}
