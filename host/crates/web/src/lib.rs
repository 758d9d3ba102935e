//! What every HTTP route of the host shares, below every capability: bearer
//! and basic credentials, and the one JSON error answer. A capability's
//! `routes()` imports this, never `api` (which composes the routes).

pub mod bearer;
mod config;
mod error;

pub use config::{AdminConfig, ServerConfig};
pub use error::ApiError;
