//! What the catalog showed a plugin turn: its searches, recommendation
//! calls, the products and the amounts it was given (the grounding context
//! of what the plugin then writes).
//!
//! The catalog's and the orders' host sides report through [`Shown`]; the
//! LLM gateway's turn log (`agent_store_llm::seen::TurnLog`) implements it.
//! The trait lives here because the catalog sits below the gateway and
//! cannot name it.

use crate::{Product, RecommendationKind};

/// Where a turn's host side reports what it showed the plugin.
pub trait Shown: Send + Sync {
    /// A `catalog.search` and what it found, best first.
    /// (References: a log that does not record copies nothing.)
    fn searched(&self, text: &str, found: &[&Product]);
    /// A `catalog.recommend` for `for_product` and what it offered.
    fn recommended(&self, for_product: &str, kind: RecommendationKind, found: &[&Product]);
    /// Products given some other way (`catalog.get`, cart lines).
    fn products(&self, products: &[Product]);
    /// True amounts in minor units (a budget searched with, cart and order
    /// totals).
    fn amounts(&self, amounts: &[i64]);
}
