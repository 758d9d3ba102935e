//! WhatsApp Cloud API gateway: signed webhooks in, Graph API messages out.

// The store's other capabilities under the names the host gives them,
// so paths read the same inside this crate and in the host.
#[cfg(test)]
use crate as whatsapp;
pub(crate) use agent_store_bus as bus;
pub(crate) use agent_store_catalog as catalog;
pub(crate) use agent_store_chat as chat;
pub(crate) use agent_store_conversations as conversations;
pub(crate) use agent_store_db as db;
pub(crate) use agent_store_events as events;
#[cfg(test)]
use agent_store_lang::money;
pub(crate) use agent_store_telemetry as telemetry;
pub(crate) use agent_store_web as web;

mod config;
pub mod gateway;
pub mod graph;
pub mod identity;
pub mod inbound;
pub mod limits;
pub mod media;
pub mod outbound;
pub mod pacing;
pub mod payload;
pub mod sandbox;
pub mod shared_pacing;
pub mod signature;
pub mod templates;
pub mod webhook;

pub use config::{NumberConfig, TemplateConfig, WhatsAppConfig};
pub use gateway::{Delivery, Gateway, GatewayError};

pub use graph::{GraphClient, GraphError};
