//! What a plugin can ask of the host, as one trait.
//!
//! Plugin logic is written against [`Host`], never against the raw imports,
//! so the same code runs inside the wasm sandbox ([`WasmHost`]) and natively
//! in unit tests and benchmarks ([`crate::testing::FakeHost`]).

use crate::types::*;

/// The host's imports, as plain Rust calls.
pub trait Host {
    /// Full-text catalog search, best first, scoped to the plugin's brand.
    fn search(&self, query: &SearchQuery) -> Result<Vec<ScoredProduct>, HostError>;
    /// One product by id.
    fn product(&self, id: &str) -> Result<Option<Product>, HostError>;
    /// Recommendations for a product.
    fn recommend(
        &self,
        product_id: &str,
        kind: RecommendationKind,
        limit: u32,
    ) -> Result<Vec<Recommendation>, HostError>;
    /// One LLM chat completion through the host's gateway.
    fn chat(&self, request: &ChatRequest) -> Result<ChatResponse, HostError>;
    /// The conversation's cart.
    fn cart(&self) -> Result<Cart, HostError>;
    /// The customer's orders, newest first.
    fn orders(&self, limit: u32) -> Result<Vec<OrderSummary>, HostError>;
    /// Recent conversation history, oldest first.
    fn history(&self, limit: u32) -> Vec<HistoryEntry>;
    /// Per-conversation state that survives between turns.
    fn state(&self, key: &str) -> Option<String>;
    /// Store per-conversation state.
    fn set_state(&self, key: &str, value: &str) -> Result<(), HostError>;
    /// A configuration value granted to this plugin.
    fn config(&self, key: &str) -> Option<String>;
    /// The brand's persona prompt.
    fn prompt(&self) -> String;
    /// A line in the host's logs.
    fn log(&self, level: LogLevel, message: &str);
    /// Every brand the host has a seller for (the `routing` import, which
    /// only the router world has: a seller gets
    /// [`HostError::Unavailable`]).
    fn brands(&self) -> Result<Vec<BrandProfile>, HostError> {
        Err(routing_unavailable())
    }
    /// The brands `text` matches, best first, at most `limit` (router
    /// world only, like [`Host::brands`]).
    fn match_text(&self, text: &str, limit: u32) -> Result<Vec<BrandMatch>, HostError> {
        let _ = (text, limit);
        Err(routing_unavailable())
    }
}

fn routing_unavailable() -> HostError {
    HostError::Unavailable("routing is imported by the router world only".into())
}

/// The real host, through the component's imports.
#[derive(Debug, Clone, Copy, Default)]
pub struct WasmHost;

mod imports {
    pub use crate::bindings::seller::agent_store::plugin::{
        catalog, config, conversation, llm, log, orders,
    };
}

impl Host for WasmHost {
    fn search(&self, query: &SearchQuery) -> Result<Vec<ScoredProduct>, HostError> {
        imports::catalog::search(query)
    }
    fn product(&self, id: &str) -> Result<Option<Product>, HostError> {
        imports::catalog::get(id)
    }
    fn recommend(
        &self,
        product_id: &str,
        kind: RecommendationKind,
        limit: u32,
    ) -> Result<Vec<Recommendation>, HostError> {
        imports::catalog::recommend(product_id, kind, limit)
    }
    fn chat(&self, request: &ChatRequest) -> Result<ChatResponse, HostError> {
        imports::llm::chat(request)
    }
    fn cart(&self) -> Result<Cart, HostError> {
        imports::orders::get_cart()
    }
    fn orders(&self, limit: u32) -> Result<Vec<OrderSummary>, HostError> {
        imports::orders::recent(limit)
    }
    fn history(&self, limit: u32) -> Vec<HistoryEntry> {
        imports::conversation::history(limit)
    }
    fn state(&self, key: &str) -> Option<String> {
        imports::conversation::get_state(key)
    }
    fn set_state(&self, key: &str, value: &str) -> Result<(), HostError> {
        imports::conversation::set_state(key, value)
    }
    fn config(&self, key: &str) -> Option<String> {
        imports::config::get(key)
    }
    fn prompt(&self) -> String {
        imports::config::prompt()
    }
    fn log(&self, level: LogLevel, message: &str) {
        imports::log::log(level, message)
    }
}

/// The real host for the `router` world: [`Host::cart`] and
/// [`Host::orders`] return [`HostError::Denied`] without touching an import
/// (the host denies a router's orders calls anyway), and [`Host::brands`] /
/// [`Host::match_text`] call the `routing` import, which only this world
/// has. [`crate::export_router!`] uses it.
#[derive(Debug, Clone, Copy, Default)]
pub struct RouterWasmHost;

impl Host for RouterWasmHost {
    fn search(&self, query: &SearchQuery) -> Result<Vec<ScoredProduct>, HostError> {
        imports::catalog::search(query)
    }
    fn product(&self, id: &str) -> Result<Option<Product>, HostError> {
        imports::catalog::get(id)
    }
    fn recommend(
        &self,
        product_id: &str,
        kind: RecommendationKind,
        limit: u32,
    ) -> Result<Vec<Recommendation>, HostError> {
        imports::catalog::recommend(product_id, kind, limit)
    }
    fn chat(&self, request: &ChatRequest) -> Result<ChatResponse, HostError> {
        imports::llm::chat(request)
    }
    fn cart(&self) -> Result<Cart, HostError> {
        Err(HostError::Denied(
            "the router world has no orders interface".into(),
        ))
    }
    fn orders(&self, _limit: u32) -> Result<Vec<OrderSummary>, HostError> {
        Err(HostError::Denied(
            "the router world has no orders interface".into(),
        ))
    }
    fn history(&self, limit: u32) -> Vec<HistoryEntry> {
        imports::conversation::history(limit)
    }
    fn state(&self, key: &str) -> Option<String> {
        imports::conversation::get_state(key)
    }
    fn set_state(&self, key: &str, value: &str) -> Result<(), HostError> {
        imports::conversation::set_state(key, value)
    }
    fn config(&self, key: &str) -> Option<String> {
        imports::config::get(key)
    }
    fn prompt(&self) -> String {
        imports::config::prompt()
    }
    fn log(&self, level: LogLevel, message: &str) {
        imports::log::log(level, message)
    }
    fn brands(&self) -> Result<Vec<BrandProfile>, HostError> {
        Ok(crate::bindings::router::agent_store::plugin::routing::brands())
    }
    fn match_text(&self, text: &str, limit: u32) -> Result<Vec<BrandMatch>, HostError> {
        Ok(crate::bindings::router::agent_store::plugin::routing::match_text(text, limit))
    }
}
