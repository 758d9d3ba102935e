//! The bottom of the plugin host: what every capability's host side of the
//! WIT contract may import, and nothing of any capability.
//!
//! - [`bindings`]: the wasmtime bindings of both worlds (`seller`,
//!   `router`), the types under short names ([`wit`]) and each interface's
//!   module ([`interfaces`]: its `Host` trait and `add_to_linker`);
//! - [`ImportGate`]: what an interface's host side asks of the turn (the
//!   host-call budget and the guest CPU clock, the per-kind budgets,
//!   denials, the search limit, failing the turn); the plugin runtime
//!   implements it;
//! - [`Recorded`]: any interface's host side, its answers recorded or
//!   replayed from a [`Tape`].
//!
//! Each capability crate (catalog, orders, conversations, llm, routing)
//! has a `plugin_host` module, behind its `plugin-host` feature, in the
//! shape of wasmtime-wasi's `WasiView`: a view struct (`&mut dyn
//! ImportGate` and the capability's own services), a view trait the
//! runtime's state implements, and an `add_to_linker` for its interface.

pub mod bindings;
mod gate;
mod recorded;
pub mod tape;

pub use bindings::{interfaces, router, seller, wit};
pub use gate::{Budget, GuestClock, HostCall, ImportGate};
pub use recorded::Recorded;
pub use tape::{ImportCall, Tape, Unanswered, Unrecorded};
/// The wasmtime the bindings were generated for, so a capability links its
/// interface without naming wasmtime's version itself.
pub use wasmtime;

use wasmtime::component::{HasData, Linker};

impl interfaces::types::Host for () {}

/// The [`HasData`] of the `types` interface, which has no functions.
struct TypesOnly;

impl HasData for TypesOnly {
    type Data<'a> = ();
}

/// Link the `types` interface (types only: each world imports it).
pub fn add_types_to_linker<T: Send + 'static>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    interfaces::types::add_to_linker::<T, TypesOnly>(linker, |_| ())
}
