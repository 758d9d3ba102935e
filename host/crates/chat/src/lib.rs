//! The chat domain shared by every stage: what a customer sent and what the
//! store answers, independent of WhatsApp's wire format and of the WIT
//! contract (both convert to and from these types).

mod inbound;
mod message;
mod reply;

pub use inbound::*;
pub use message::*;
pub use reply::*;
