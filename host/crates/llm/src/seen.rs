//! What one seller turn saw of the store: its catalog searches and
//! recommendation calls, its own and those its LLM made through the
//! gateway's tools (published as `store.product.query` and
//! `store.product.recommend`), and every product and amount the host gave
//! it (the grounding context of the texts the plugin writes).
//!
//! A [`TurnLog`] is handed to one turn through the plugin runtime's
//! services; the default one records nothing (smoke tests, the CLI,
//! routers). The catalog's and the orders' host sides report to it as a
//! [`Shown`] (the catalog crate's trait: they sit below the gateway).

use std::sync::{Arc, Mutex};

use crate::catalog::shown::Shown;
use crate::catalog::{Product, RecommendationKind};

/// Most searches, recommendation calls, products and amounts kept per turn
/// (the turn's catalog budget is lower; this bounds a hostile plugin).
const MAX_ENTRIES: usize = 64;
const MAX_PRODUCTS: usize = 512;

/// One catalog search of the turn.
#[derive(Debug, Clone, PartialEq)]
pub struct Search {
    pub text: String,
    /// Made by the LLM's `search_products` tool (else the plugin's
    /// `catalog.search` import).
    pub by_llm: bool,
    /// The ids found, best first.
    pub results: Vec<String>,
}

/// One recommendation call of the turn.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    /// The product recommendations were asked for.
    pub for_product: String,
    pub kind: RecommendationKind,
    /// Made by the LLM's `recommend` tool.
    pub by_llm: bool,
    /// The ids offered, best first.
    pub results: Vec<String>,
}

/// Everything recorded during one turn.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    pub searches: Vec<Search>,
    pub recommendations: Vec<Recommendation>,
    /// Every product the host gave the plugin (search, get, recommend,
    /// cart lines), once each.
    pub products: Vec<Product>,
    /// Other true amounts (minor units): cart subtotal and line totals,
    /// order totals, and amounts in grounded LLM answers.
    pub amounts: Vec<i64>,
    /// Product ids of grounded LLM answers.
    pub ids: Vec<String>,
}

/// The recorder of one turn (cheap to clone; clones share it).
#[derive(Debug, Clone, Default)]
pub struct TurnLog(Option<Arc<Mutex<Seen>>>);

impl TurnLog {
    /// A log that records (one per seller turn).
    pub fn recording() -> Self {
        Self(Some(Arc::default()))
    }

    fn with(&self, f: impl FnOnce(&mut Seen)) {
        if let Some(seen) = &self.0 {
            f(&mut seen.lock().unwrap_or_else(|e| e.into_inner()));
        }
    }

    fn add_products<'a>(s: &mut Seen, products: impl IntoIterator<Item = &'a Product>) {
        for p in products {
            if s.products.len() >= MAX_PRODUCTS {
                return;
            }
            if !s.products.iter().any(|x| x.id == p.id) {
                s.products.push(p.clone());
            }
        }
    }

    pub fn searched<'a>(&self, text: &str, found: impl IntoIterator<Item = &'a Product>) {
        self.search(text, found, false);
    }

    /// A search the LLM made with its `search_products` tool.
    pub fn llm_searched<'a>(&self, text: &str, found: impl IntoIterator<Item = &'a Product>) {
        self.search(text, found, true);
    }

    /// `found` is taken as references: a log that does not record (most
    /// turns) copies nothing, one that records copies each product once.
    fn search<'a>(&self, text: &str, found: impl IntoIterator<Item = &'a Product>, by_llm: bool) {
        self.with(|s| {
            let found: Vec<&Product> = found.into_iter().collect();
            if s.searches.len() < MAX_ENTRIES {
                s.searches.push(Search {
                    text: text.chars().take(200).collect(),
                    by_llm,
                    results: found.iter().map(|p| p.id.clone()).collect(),
                });
            }
            Self::add_products(s, found);
        });
    }

    pub fn recommended<'a>(
        &self,
        for_product: &str,
        kind: RecommendationKind,
        found: impl IntoIterator<Item = &'a Product>,
    ) {
        self.recommendation(for_product, kind, found, false);
    }

    /// Recommendations the LLM asked for with its `recommend` tool.
    pub fn llm_recommended<'a>(
        &self,
        for_product: &str,
        kind: RecommendationKind,
        found: impl IntoIterator<Item = &'a Product>,
    ) {
        self.recommendation(for_product, kind, found, true);
    }

    fn recommendation<'a>(
        &self,
        for_product: &str,
        kind: RecommendationKind,
        found: impl IntoIterator<Item = &'a Product>,
        by_llm: bool,
    ) {
        self.with(|s| {
            let found: Vec<&Product> = found.into_iter().collect();
            if s.recommendations.len() < MAX_ENTRIES {
                s.recommendations.push(Recommendation {
                    for_product: for_product.chars().take(64).collect(),
                    kind,
                    by_llm,
                    results: found.iter().map(|p| p.id.clone()).collect(),
                });
            }
            Self::add_products(s, found);
        });
    }

    /// Products the plugin was given some other way (`get`, cart lines).
    pub fn products<'a>(&self, products: impl IntoIterator<Item = &'a Product>) {
        self.with(|s| Self::add_products(s, products));
    }

    pub fn amounts(&self, amounts: impl IntoIterator<Item = i64>) {
        self.with(|s| {
            for a in amounts {
                if s.amounts.len() >= MAX_PRODUCTS {
                    return;
                }
                if !s.amounts.contains(&a) {
                    s.amounts.push(a);
                }
            }
        });
    }

    /// An LLM answer that passed the grounding guard: what it quotes is
    /// true.
    pub fn grounded_text(&self, text: &str) {
        let amounts: Vec<i64> = super::grounding::quoted(text)
            .into_iter()
            .map(|q| q.minor)
            .collect();
        self.amounts(amounts);
        self.with(|s| {
            for id in super::grounding::id_like(text) {
                if s.ids.len() < MAX_PRODUCTS && !s.ids.iter().any(|x| x == id) {
                    s.ids.push(id.to_string());
                }
            }
        });
    }

    /// What was recorded (empty for a log that does not record).
    pub fn take(&self) -> Seen {
        self.0
            .as_ref()
            .map(|s| std::mem::take(&mut *s.lock().unwrap_or_else(|e| e.into_inner())))
            .unwrap_or_default()
    }
}

impl Shown for TurnLog {
    fn searched(&self, text: &str, found: &[&Product]) {
        TurnLog::searched(self, text, found.iter().copied());
    }

    fn recommended(&self, for_product: &str, kind: RecommendationKind, found: &[&Product]) {
        TurnLog::recommended(self, for_product, kind, found.iter().copied());
    }

    fn products(&self, products: &[Product]) {
        TurnLog::products(self, products);
    }

    fn amounts(&self, amounts: &[i64]) {
        TurnLog::amounts(self, amounts.iter().copied());
    }
}
