//! The host side of the router's `routing` import: the brand vocabulary.
//!
//! A [`Vocabulary`] learns each brand's words from what the host knows —
//! every catalog row (title, `product_type`, Google category, tags,
//! description) and every seller manifest's `[routing]` section
//! ([`section`]) — into one [`BrandIndex`] (TF-IDF per brand, stemmed,
//! accent-folded, typo tolerant). It is built on first use and rebuilt when
//! the catalog is re-imported or the set of sellers changes, so a new
//! brand (a seller from `agent-store plugin new` plus its catalog rows)
//! is routed to with no change to the router or the host.
//!
//! Building is the expensive part and happens once per change, outside any
//! wasm instance; a `match-text` call is a few hash lookups.
//!
//! Store-level questions get the store's own answer ([`store`]).
//!
//! `plugin_host` (feature `plugin-host`): the host side of the WIT
//! `routing` interface, answered from a [`directory::BrandDirectory`].

// The store's other capabilities under the names the host gives them,
// so paths read the same inside this crate and in the host.
pub(crate) use agent_store_catalog as catalog;
#[cfg(test)]
use agent_store_db as db;
pub(crate) use agent_store_llm as llm;

pub mod directory;
#[cfg(feature = "plugin-host")]
pub mod plugin_host;
pub mod section;
pub mod store;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use agent_store_sdk::lexicon::index::{
    BrandIndex, BrandMatch, IndexBuilder, ProductText, SectionText,
};

use crate::catalog::{Catalog, Product};
use directory::{BrandDirectory, BrandProfile};
pub use section::{RawSection, RoutingSection};

/// The brand key the router answers for a store-level question
/// (`reason` = `store:<topic> ...`); never a seller's brand.
pub const STORE: &str = "store";

/// The store topic of an order already placed (where it is, what arrived
/// broken, a refund) asked with no department in the conversation: the
/// host hands it to a person rather than show the department menu.
pub const ORDER_TOPIC: &str = "order";

/// Catalog categories shown per brand profile when its manifest names none.
const PROFILE_CATEGORIES: usize = 8;

/// An installed seller as the vocabulary needs it: the plugin runtime
/// hands these over from its manifests (the vocabulary never reads the
/// plugin host's types, so it sits below it).
#[derive(Debug, Clone, Copy)]
pub struct InstalledSeller<'a> {
    pub plugin: &'a str,
    pub brand: &'a str,
    /// The manifest's `[routing]` section as written, if any.
    pub section: Option<&'a RawSection>,
}

/// One seller's routing facts.
#[derive(Debug, Clone)]
struct Seller {
    brand: String,
    plugin: String,
    section: Option<RoutingSection>,
}

/// What the last build was made from, and the result.
struct Built {
    catalog_generation: u64,
    sellers_key: String,
    index: Arc<BrandIndex>,
    profiles: Arc<Vec<BrandProfile>>,
}

#[derive(Default)]
struct Sellers {
    /// Identifies the seller versions `list` was read from.
    key: String,
    list: Vec<Seller>,
}

struct Inner {
    catalog: Catalog,
    store: store::StorePolicy,
    sellers: Mutex<Sellers>,
    built: Mutex<Option<Arc<Built>>>,
}

/// The brand vocabulary shared by every router turn. Cheap to clone.
#[derive(Clone)]
pub struct Vocabulary {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Vocabulary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vocabulary").finish_non_exhaustive()
    }
}

impl Vocabulary {
    /// A vocabulary over `catalog`, with no sellers until [`Self::sync`];
    /// store answers from `prompts`' `store/` texts.
    pub fn new(catalog: Catalog, prompts: &crate::llm::Prompts) -> Self {
        Self {
            inner: Arc::new(Inner {
                catalog,
                store: store::StorePolicy::new(prompts),
                sellers: Mutex::new(Sellers::default()),
                built: Mutex::new(None),
            }),
        }
    }

    /// Tell the vocabulary which sellers are installed: `(version key,
    /// seller)` each. Cheap when nothing changed (the keys are compared);
    /// otherwise the sections are read (logging their problems) and the
    /// next lookup rebuilds the index.
    pub fn sync<'a>(&self, sellers: impl IntoIterator<Item = (String, InstalledSeller<'a>)>) {
        let sellers: Vec<(String, InstalledSeller<'a>)> = sellers.into_iter().collect();
        let key = sellers
            .iter()
            .map(|(k, _)| k.as_str())
            .collect::<Vec<_>>()
            .join(",");
        let Ok(mut current) = self.inner.sellers.lock() else {
            return;
        };
        if current.key == key {
            return;
        }
        let list = sellers
            .iter()
            .map(|(_, s)| Seller {
                brand: s.brand.to_lowercase(),
                plugin: s.plugin.to_string(),
                section: s.section.map(|raw| RoutingSection::read(s.plugin, raw)),
            })
            .collect();
        *current = Sellers { key, list };
    }

    /// The index for the current catalog and sellers, rebuilt when either
    /// changed since the last build.
    fn current(&self) -> Arc<Built> {
        let generation = self.inner.catalog.generation();
        let sellers = self.inner.sellers.lock().ok();
        let mut built = match self.inner.built.lock() {
            Ok(b) => b,
            Err(poisoned) => poisoned.into_inner(),
        };
        // Every router turn asks: compare the key in place and copy the
        // sellers' sections only to rebuild.
        let sellers_key = sellers.as_ref().map_or("", |s| s.key.as_str());
        if let Some(b) = built.as_ref()
            && b.catalog_generation == generation
            && b.sellers_key == sellers_key
        {
            return b.clone();
        }
        let sellers_key = sellers_key.to_string();
        // Released before the (slow) build, as `sync` takes it alone.
        let sellers = sellers.map(|s| s.list.clone()).unwrap_or_default();
        let products = self.inner.catalog.products();
        let started = std::time::Instant::now();
        let (index, profiles) = build(&products, &sellers);
        tracing::info!(
            products = products.len(),
            sellers = sellers.len(),
            brands = index.brands().len(),
            terms = index.len(),
            ms = started.elapsed().as_secs_f64() * 1000.0,
            "routing vocabulary built"
        );
        let b = Arc::new(Built {
            catalog_generation: generation,
            sellers_key,
            index: Arc::new(index),
            profiles: Arc::new(profiles),
        });
        *built = Some(b.clone());
        b
    }

    /// The store policy texts (answers to store-level questions).
    pub fn store_policy(&self) -> &store::StorePolicy {
        &self.inner.store
    }

    /// Every brand with a seller, in a stable (alphabetical) order.
    pub fn brands(&self) -> Vec<BrandProfile> {
        self.current().profiles.as_ref().clone()
    }

    /// The brands `text` matches, best first, at most `limit` (catalog
    /// brands without a seller included: the router decides).
    pub fn match_all(&self, text: &str, limit: usize) -> Vec<BrandMatch> {
        self.current().index.match_text(text, limit)
    }
}

/// The router world's `routing` import, answered from the vocabulary.
impl BrandDirectory for Vocabulary {
    fn profiles(&self, brands: &[String]) -> Vec<BrandProfile> {
        let known = self.brands();
        brands
            .iter()
            .map(|b| {
                known
                    .iter()
                    .find(|p| &p.brand == b)
                    .cloned()
                    .unwrap_or_else(|| BrandProfile {
                        brand: b.clone(),
                        display_name: b.clone(),
                        ..BrandProfile::default()
                    })
            })
            .collect()
    }

    fn match_text(&self, brands: &[String], text: &str, limit: u32) -> Vec<directory::BrandMatch> {
        // Every indexed brand is scored (a catalog brand with no seller
        // shapes the others' IDF); only `brands` are answered.
        self.current()
            .index
            .match_text(text, usize::MAX)
            .into_iter()
            .filter(|m| brands.contains(&m.brand))
            .take(limit as usize)
            .map(|m| directory::BrandMatch {
                brand: m.brand,
                score: m.score,
                terms: m.terms,
            })
            .collect()
    }
}

/// The index and the profiles from catalog rows and seller sections. Every
/// problem found is one log line.
fn build(products: &[Arc<Product>], sellers: &[Seller]) -> (BrandIndex, Vec<BrandProfile>) {
    let mut b = IndexBuilder::default();
    let mut categories: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for p in products {
        let brand = p.brand.trim().to_lowercase();
        if brand.is_empty() {
            continue;
        }
        add_product(&mut b, &brand, p);
        let root = p.category_root();
        if !root.is_empty() {
            *categories
                .entry(brand)
                .or_default()
                .entry(root.to_string())
                .or_default() += 1;
        }
    }
    if products.is_empty() {
        tracing::warn!("routing: the catalog is empty; brands are known from their manifests only");
    }
    let unknown_ids = products
        .iter()
        .filter(|p| {
            let g = p.google_category().trim();
            !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit())
        })
        .count();
    if unknown_ids > 0 {
        tracing::warn!(
            rows = unknown_ids,
            "routing: google_product_category ids not in Google's taxonomy (2021-09-21) ignored"
        );
    }
    for brand in categories.keys() {
        if !sellers.iter().any(|s| &s.brand == brand) {
            tracing::warn!(
                brand = %brand,
                "routing: catalog brand has no seller; its messages are routed to no brand"
            );
        }
    }
    let mut profiles = Vec::new();
    for s in sellers {
        b.add_brand(&s.brand);
        let in_catalog = categories.contains_key(&s.brand);
        match &s.section {
            Some(section) => add_section(&mut b, &s.brand, section),
            None if in_catalog => tracing::info!(
                plugin = %s.plugin,
                brand = %s.brand,
                "routing: seller has no [routing] section; routed by its catalog rows only"
            ),
            None => tracing::warn!(
                plugin = %s.plugin,
                brand = %s.brand,
                "routing: seller has no [routing] section and no catalog rows; only a menu choice reaches it"
            ),
        }
        profiles.push(profile(s, categories.get(&s.brand)));
    }
    profiles.sort_by(|a, b| a.brand.cmp(&b.brand));
    profiles.dedup_by(|a, b| a.brand == b.brand);
    (b.build(), profiles)
}

fn add_product(b: &mut IndexBuilder, brand: &str, p: &Product) {
    let tags = p.tags();
    b.add_product(
        brand,
        ProductText {
            title: p.model_name(),
            category: &p.category,
            google_category: p.google_category(),
            tags: &tags,
            description: &p.description,
        },
    );
}

fn add_section(b: &mut IndexBuilder, brand: &str, s: &RoutingSection) {
    let keywords: Vec<String> = s.keywords.iter().map(|(_, k)| k.clone()).collect();
    b.add_section(
        brand,
        SectionText {
            categories: &s.categories,
            keywords: &keywords,
            related: &s.related,
            examples: &s.examples,
        },
    );
}

fn profile(s: &Seller, catalog: Option<&BTreeMap<String, usize>>) -> BrandProfile {
    let section = s.section.clone().unwrap_or_default();
    let categories = if section.categories.is_empty() {
        let mut by_count: Vec<(&String, &usize)> = catalog.into_iter().flatten().collect();
        by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        by_count
            .into_iter()
            .take(PROFILE_CATEGORIES)
            .map(|(c, _)| c.clone())
            .collect()
    } else {
        section.categories
    };
    BrandProfile {
        brand: s.brand.clone(),
        display_name: section.display_name.unwrap_or_else(|| s.brand.clone()),
        categories,
        examples: section.examples,
    }
}

#[cfg(test)]
mod tests;
