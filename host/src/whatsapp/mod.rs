//! WhatsApp Cloud API gateway: signed webhooks in, Graph API messages out.

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
