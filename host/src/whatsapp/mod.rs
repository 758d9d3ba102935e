//! WhatsApp Cloud API gateway: signed webhooks in, Graph API messages out.

mod config;
pub mod graph;
pub mod limits;
pub mod outbound;
pub mod payload;
pub mod sandbox;
pub mod signature;
pub mod webhook;

pub use config::WhatsAppConfig;

pub use graph::{GraphClient, GraphError};
