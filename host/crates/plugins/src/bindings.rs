//! The host-side bindings of `wit/plugin.wit`, from the bottom crate
//! (`agent_store_wit`), under the names the runtime has always used.
//! Components built against 0.1.0 are served through [`super::v0_1`].

pub use agent_store_wit::{router, seller, wit};
