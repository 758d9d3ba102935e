//! # Agent Store plugin SDK
//!
//! A brand team writes a seller as a plain Rust type implementing [`Seller`]
//! against the [`Host`] trait, exports it with [`export_seller!`], tests it
//! natively with `testing::FakeHost` (cargo feature `testing`), and builds it
//! to a `wasm32-wasip2` component that the Agent Store host loads.
//!
//! ```
//! use agent_store_sdk::prelude::*;
//! use agent_store_sdk::{i18n, reply, text};
//!
//! struct Shoes;
//! impl Seller for Shoes {
//!     fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
//!         let lang = i18n::lang(&turn.language);
//!         let MessageContent::Text(said) = &turn.message.content else {
//!             return Ok(vec![reply::text(i18n::t(lang, i18n::Msg::Fallback))]);
//!         };
//!         let c = text::extract_constraints(said);
//!         let hits = host
//!             .search(&SearchQuery {
//!                 text: said.clone(),
//!                 max_price_minor: c.max_price_minor,
//!                 min_price_minor: c.min_price_minor,
//!                 color: c.color,
//!                 size: c.size,
//!                 gender: None,
//!                 in_stock_only: true,
//!                 limit: 5,
//!             })
//!             .unwrap_or_default();
//!         let ids: Vec<String> = hits.into_iter().map(|h| h.product.id).collect();
//!         Ok(match ids.is_empty() {
//!             true => vec![reply::text(i18n::t(lang, i18n::Msg::NothingFound))],
//!             false => vec![reply::products("Shoes", i18n::t(lang, i18n::Msg::Found), &ids)],
//!         })
//!     }
//! }
//! agent_store_sdk::export_seller!(Shoes);
//! ```
//!
//! Most brands do not write the conversation logic at all: they configure
//! the [`seller`] kit (persona, greetings, categories, cross-sell hints).
//! See `examples/shoe_seller.rs` for a complete write-test-ship walkthrough.
//!
//! ## Modules
//!
//! * [`text`]: normalisation, tokenisation, plural stemming, language
//!   detection (en/pt/es), typo-tolerant matching, price/colour/size parsing
//!   (from the shared [`lang`] crate, plus the SDK's detection evidence).
//! * [`lexicon`]: weighted brand vocabularies and pt/es → catalog-English
//!   query expansion.
//! * [`dialogue`]: the conversation's state (language, offered items, focus,
//!   constraints) and the acts a message performs over it.
//! * [`intent`]: greetings, human requests, complaints, order status,
//!   checkout...
//! * [`analysis`]: where the text analysis runs (inside a component, the
//!   host's `analysis` import: the same code, natively).
//! * [`reply`]: action builders within WhatsApp limits, money formatting.
//! * [`i18n`]: the en/pt/es message table.
//! * [`seller`]: the configurable, catalog-grounded seller engine.
//! * [`tools`]: the host's LLM tools and their effects as actions.
//! * `testing` (feature `testing`, native only): `FakeHost`, `TurnBuilder`,
//!   `RouteBuilder` and assertion helpers.

pub mod analysis;
pub mod bindings;
pub mod dialogue;
mod host;
pub mod i18n;
pub mod intent;
pub mod lexicon;
#[cfg(test)]
mod lists_file;
pub mod reply;
pub mod seller;
pub mod text;
pub mod tools;

#[cfg(all(feature = "testing", not(target_arch = "wasm32")))]
pub mod testing;

#[cfg(all(feature = "testing", not(target_arch = "wasm32")))]
pub mod conformance;

pub use host::{Host, RouterWasmHost, WasmHost};

/// The store's language crate (normalisation, detection, amounts, money,
/// the catalog query parser and vocabularies), shared with the host.
pub use agent_store_lang as lang;

/// Most units of one product in a cart: the host refuses a larger
/// add-to-cart or set-cart-quantity (and caps a line at this many).
pub const MAX_CART_QUANTITY: u32 = 99;

/// Every type of the WIT contract, under one path.
pub mod types {
    pub use crate::bindings::router::agent_store::plugin::routing::{BrandMatch, BrandProfile};
    pub use crate::bindings::seller::agent_store::plugin::catalog::{
        Recommendation, RecommendationKind, ScoredProduct, SearchQuery,
    };
    pub use crate::bindings::seller::agent_store::plugin::llm::{
        ChatMessage, ChatRequest, ChatResponse, Role,
    };
    pub use crate::bindings::seller::agent_store::plugin::log::Level as LogLevel;
    pub use crate::bindings::seller::agent_store::plugin::orders::{Cart, CartLine, OrderSummary};
    pub use crate::bindings::seller::agent_store::plugin::types::*;

    impl SearchQuery {
        /// A query by its words alone: no price, colour, size or gender
        /// filter, in stock or not, at most `limit` hits.
        pub fn words(text: impl Into<String>, limit: u32) -> SearchQuery {
            SearchQuery {
                text: text.into(),
                max_price_minor: None,
                min_price_minor: None,
                color: None,
                size: None,
                gender: None,
                in_stock_only: false,
                limit,
            }
        }
    }
}

/// What a seller module usually imports.
pub mod prelude {
    pub use crate::types::*;
    pub use crate::{Host, Router, Seller};
}

use types::{Action, PluginError, RouteRequest, RoutingDecision, Turn};

/// A brand seller: one customer message in, reply actions out.
pub trait Seller {
    /// Answer one turn. Runs in a fresh instance: keep state in
    /// [`Host::set_state`], not in statics.
    fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError>;
}

/// A routing policy: which brand should answer this message.
pub trait Router {
    /// Choose a brand among `request.brands`, or "none".
    fn route(host: &dyn Host, request: &RouteRequest) -> RoutingDecision;
}

/// Export a [`Seller`] as the component's `seller` world.
///
/// Only emitted for wasm targets, so several sellers can be linked natively
/// into one test or benchmark binary.
#[macro_export]
macro_rules! export_seller {
    ($seller:ty) => {
        #[cfg(target_arch = "wasm32")]
        const _: () = {
            struct AgentStoreSellerExport;
            impl $crate::bindings::seller::Guest for AgentStoreSellerExport {
                fn handle_turn(
                    turn: $crate::types::Turn,
                ) -> ::core::result::Result<
                    ::std::vec::Vec<$crate::types::Action>,
                    $crate::types::PluginError,
                > {
                    $crate::analysis::install_host_analysis();
                    <$seller as $crate::Seller>::handle_turn(&$crate::WasmHost, &turn)
                }
            }
            $crate::bindings::seller::export_seller_world!(AgentStoreSellerExport with_types_in $crate::bindings::seller);
        };
    };
}

/// Export a [`Router`] as the component's `router` world.
#[macro_export]
macro_rules! export_router {
    ($router:ty) => {
        #[cfg(target_arch = "wasm32")]
        const _: () = {
            struct AgentStoreRouterExport;
            impl $crate::bindings::router::Guest for AgentStoreRouterExport {
                fn route(request: $crate::types::RouteRequest) -> $crate::types::RoutingDecision {
                    $crate::analysis::install_host_analysis();
                    <$router as $crate::Router>::route(&$crate::RouterWasmHost, &request)
                }
            }
            $crate::bindings::router::export_router_world!(AgentStoreRouterExport with_types_in $crate::bindings::router);
        };
    };
}
