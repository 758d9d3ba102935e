//! The product catalog: Meta catalog-feed import, full-text search and
//! recommendations.
//!
//! Products live in the database (`catalog_products`, the source of truth);
//! a [`Catalog`] keeps an immutable in-memory snapshot of them with a
//! tantivy index, rebuilt on open and after every import and swapped
//! atomically, so searches never wait for an import.
//!
//! - [`product`], [`feed`], [`taxonomy`]: the model ([`Product`],
//!   [`Availability`]) and the feed's reading and validation
//!   ([`ImportReport`], [`RejectedRow`]), from the feed crate
//!   (`agent_store_feed`), which the SDK's `FakeHost` reads with too;
//! - [`store`]: SQL (SQLite and PostgreSQL through `sqlx::Any`);
//! - [`index`]: the tantivy index and the ranking;
//! - [`features`]: what the ranking reads of each product, computed once
//!   per index build;
//! - [`query`]: understanding the customer's words (en, pt-BR, es), from
//!   the language crate (`agent_store_lang::query`);
//! - [`recommend`]: cross-sell, upsell and alternatives;
//! - [`shown`]: what the catalog showed a plugin turn (reported to the
//!   gateway's turn log);
//! - `plugin_host` (feature `plugin-host`): the host side of the WIT
//!   `catalog` interface.

mod candidates;
mod features;
/// The feed, the product model and Google's taxonomy live in the feed
/// crate, shared with the SDK's test kit.
pub use agent_store_feed::{self as feed, product, taxonomy};
mod index;
pub mod names;
#[cfg(feature = "plugin-host")]
pub mod plugin_host;
/// The query parser lives in the language crate, shared with the SDK.
pub use agent_store_lang::query;
pub mod recommend;
#[cfg(test)]
mod relevance;
pub mod shown;
pub mod store;

use std::collections::{BTreeSet, HashMap};
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use arc_swap::ArcSwap;
use serde::{Deserialize, Serialize};

use agent_store_db::Db;
pub use candidates::MAX_CANDIDATES;
pub use feed::{FeedError, ImportReport, RejectedRow};
use index::{SearchIndex, brand_key};
pub use product::{Availability, Product};
pub use recommend::{Recommendation, RecommendationKind};
pub use store::CatalogStoreError;

/// Constraints for a search; empty fields mean "any". The text is the
/// customer's own words: price bounds, colour, size and gender found in it
/// are applied as well.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchQuery {
    pub text: String,
    /// Bounds on the effective price, in minor units of the product's
    /// currency.
    pub max_price_minor: Option<i64>,
    pub min_price_minor: Option<i64>,
    /// A colour in any of the three languages ("preto" = "black").
    pub color: Option<String>,
    pub size: Option<String>,
    pub gender: Option<String>,
    pub in_stock_only: bool,
    /// At most this many results; 0 means 10.
    pub limit: u32,
}

/// A search hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scored {
    pub product: Product,
    pub score: f32,
}

/// Why a catalog operation failed.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error(transparent)]
    Store(#[from] CatalogStoreError),
    #[error("invalid catalog feed: {0}")]
    Feed(#[from] FeedError),
    #[error("opening the catalog feed {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("building the search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("the index build task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// One immutable view of the catalog.
struct Snapshot {
    /// Shared per product: a stock patch clones pointers, not products.
    products: Vec<Arc<Product>>,
    by_id: Arc<HashMap<String, usize>>,
    /// Shared by the snapshots that differ only in stock levels (stock is
    /// filtered and ranked from `products`, not indexed).
    index: Arc<SearchIndex>,
    /// Product names for the grounding guard (titles only: shared by
    /// stock patches too).
    names: Arc<names::ProductNames>,
}

impl Snapshot {
    fn build(products: Vec<Product>) -> Result<Snapshot, CatalogError> {
        let products: Vec<Arc<Product>> = products.into_iter().map(Arc::new).collect();
        let index = SearchIndex::build(&products)?;
        let names = names::ProductNames::build(products.iter().map(|p| &**p));
        let by_id = products
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        Ok(Snapshot {
            products,
            by_id: Arc::new(by_id),
            index: Arc::new(index),
            names: Arc::new(names),
        })
    }
}

struct Inner {
    db: Db,
    snapshot: ArcSwap<Snapshot>,
    /// Serialises imports (each one rebuilds the snapshot).
    import_lock: tokio::sync::Mutex<()>,
    /// Stock levels set by the order service, re-applied after imports.
    levels: std::sync::Mutex<HashMap<String, i64>>,
    /// Bumped by every import, so derived data (the routing vocabulary)
    /// knows when to rebuild; stock patches leave it alone.
    generation: std::sync::atomic::AtomicU64,
}

/// Set a product's sellable units; `true` when anything changed.
fn apply_level(p: &mut Product, level: i64) -> bool {
    let before = (p.quantity, p.availability);
    p.quantity = Some(u32::try_from(level.max(0)).unwrap_or(u32::MAX));
    p.availability = match (p.availability, level > 0) {
        (Availability::InStock, false) => Availability::OutOfStock,
        (Availability::OutOfStock, true) => Availability::InStock,
        (a, _) => a,
    };
    (p.quantity, p.availability) != before
}

/// The product catalog. Cheap to clone; `Send + Sync`.
#[derive(Clone)]
pub struct Catalog {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("products", &self.len())
            .finish()
    }
}

async fn build_snapshot(products: Vec<Product>) -> Result<Snapshot, CatalogError> {
    tokio::task::spawn_blocking(move || Snapshot::build(products)).await?
}

impl Catalog {
    /// Load the products from the database and build the search index (in
    /// memory; `data_dir` is not written to).
    pub async fn open(db: Db, data_dir: &Path) -> Result<Catalog, CatalogError> {
        let products = store::load_products(&db).await?;
        let n = products.len();
        let snapshot = build_snapshot(products).await?;
        tracing::info!(products = n, data_dir = %data_dir.display(), "catalog opened");
        Ok(Catalog {
            inner: Arc::new(Inner {
                db,
                snapshot: ArcSwap::from_pointee(snapshot),
                import_lock: tokio::sync::Mutex::new(()),
                levels: Default::default(),
                generation: Default::default(),
            }),
        })
    }

    /// Import a Meta catalog feed (CSV) from a file.
    pub async fn import_csv_file(&self, path: &Path) -> Result<ImportReport, CatalogError> {
        let file = std::fs::File::open(path).map_err(|source| CatalogError::Io {
            path: path.display().to_string(),
            source,
        })?;
        self.import_from(std::io::BufReader::new(file), &path.display().to_string())
            .await
    }

    /// Import a Meta catalog feed (CSV): valid rows are upserted by id in
    /// one transaction, then the index is rebuilt. Bad rows are rejected
    /// with their line number and reason; they never abort the import.
    pub async fn import_csv<R: Read>(&self, reader: R) -> Result<ImportReport, CatalogError> {
        self.import_from(reader, "csv").await
    }

    async fn import_from<R: Read>(
        &self,
        reader: R,
        source: &str,
    ) -> Result<ImportReport, CatalogError> {
        let parsed = feed::parse_feed(reader)?;
        for r in &parsed.rejected {
            tracing::warn!(line = r.line, id = ?r.id, reason = %r.reason, "catalog feed row rejected");
        }
        let report = ImportReport {
            imported: parsed.products.len(),
            rejected: parsed.rejected,
        };
        let _guard = self.inner.import_lock.lock().await;
        store::upsert_products(&self.inner.db, &parsed.products, source, &report).await?;
        let mut products = store::load_products(&self.inner.db).await?;
        // Levels the orders set win over the feed's; flips are stored again.
        let mut flipped = Vec::new();
        if let Ok(levels) = self.inner.levels.lock() {
            for (i, p) in products.iter_mut().enumerate() {
                let was = p.availability;
                if let Some(&level) = levels.get(&p.id)
                    && apply_level(p, level)
                    && p.availability != was
                {
                    flipped.push(i);
                }
            }
        }
        if !flipped.is_empty() {
            let rows: Vec<&Product> = flipped.iter().map(|&i| &products[i]).collect();
            store::update_stock(&self.inner.db, &rows).await?;
        }
        let n = products.len();
        let snapshot = build_snapshot(products).await?;
        self.inner.snapshot.store(Arc::new(snapshot));
        self.inner
            .generation
            .fetch_add(1, std::sync::atomic::Ordering::Release);
        tracing::info!(
            source,
            imported = report.imported,
            rejected = report.rejected.len(),
            total = n,
            "catalog feed imported"
        );
        Ok(report)
    }

    /// New stock levels (units that can be sold now) from the order
    /// service, swapped into the live catalog without re-indexing, so
    /// search's in-stock filter, recommendations and the sellers see what
    /// orders consumed. A level of 0 marks an in-stock product out of stock
    /// and a positive one brings it back; unknown ids are ignored. Levels
    /// survive re-imports; only an availability flip is written to the
    /// database (the order service re-syncs levels at start-up), which
    /// keeps an order's cost to a pointer copy and a map insert.
    pub async fn set_stock_levels(&self, levels: &[(String, i64)]) -> Result<(), CatalogError> {
        if levels.is_empty() {
            return Ok(());
        }
        // Serialised with imports: a patch never races a rebuild.
        let _guard = self.inner.import_lock.lock().await;
        if let Ok(mut known) = self.inner.levels.lock() {
            known.extend(levels.iter().cloned());
        }
        let snap = self.inner.snapshot.load_full();
        let mut products = snap.products.clone();
        let (mut changed, mut flipped) = (0, Vec::new());
        for (id, level) in levels {
            let Some(&i) = snap.by_id.get(id) else {
                continue;
            };
            let was = products[i].availability;
            if apply_level(Arc::make_mut(&mut products[i]), *level) {
                changed += 1;
                if products[i].availability != was {
                    flipped.push(i);
                }
            }
        }
        if changed == 0 {
            return Ok(());
        }
        if !flipped.is_empty() {
            let rows: Vec<&Product> = flipped.iter().map(|&i| &*products[i]).collect();
            store::update_stock(&self.inner.db, &rows).await?;
        }
        tracing::debug!(
            changed,
            flipped = flipped.len(),
            "catalog stock levels updated"
        );
        self.inner.snapshot.store(Arc::new(Snapshot {
            products,
            by_id: snap.by_id.clone(),
            index: snap.index.clone(),
            names: snap.names.clone(),
        }));
        Ok(())
    }

    /// Full-text search, best first. `brand = Some(b)` restricts to brand
    /// `b` (case-insensitive).
    pub fn search(&self, brand: Option<&str>, query: &SearchQuery) -> Vec<Scored> {
        self.search_among(brand, query, candidates::MAX_CANDIDATES)
    }

    /// [`Self::search`] ranking at most `max_candidates` text matches
    /// (`usize::MAX`: all of them, the path before the bound; benchmarks
    /// compare the two).
    #[doc(hidden)]
    pub fn search_among(
        &self,
        brand: Option<&str>,
        query: &SearchQuery,
        max_candidates: usize,
    ) -> Vec<Scored> {
        let snap = self.inner.snapshot.load();
        let hits = snap
            .index
            .search(&snap.products, brand, query, max_candidates);
        tracing::debug!(text = %query.text, brand, hits = hits.len(), "catalog search");
        hits
    }

    /// The product names of the catalog as it is now (see [`names`]).
    pub fn names(&self) -> Arc<names::ProductNames> {
        self.inner.snapshot.load().names.clone()
    }

    /// One product by id, `None` when absent or outside `brand`.
    pub fn get(&self, brand: Option<&str>, id: &str) -> Option<Product> {
        let snap = self.inner.snapshot.load();
        let p = snap.by_id.get(id).and_then(|&i| snap.products.get(i))?;
        match brand {
            Some(b) if brand_key(b) != brand_key(&p.brand) => None,
            _ => Some(Product::clone(p)),
        }
    }

    /// Recommendations of `kind` for product `product_id` (same brand).
    pub fn recommend(
        &self,
        brand: Option<&str>,
        product_id: &str,
        kind: RecommendationKind,
        limit: u32,
    ) -> Vec<Recommendation> {
        let snap = self.inner.snapshot.load();
        recommend::recommend(&snap.products, brand, product_id, kind, limit)
    }

    /// Every brand in the catalog, sorted.
    pub fn brands(&self) -> Vec<String> {
        let snap = self.inner.snapshot.load();
        snap.products
            .iter()
            .map(|p| p.brand.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    }

    /// Every product (shared pointers: cheap), in import order.
    pub fn products(&self) -> Vec<Arc<Product>> {
        self.inner.snapshot.load().products.clone()
    }

    /// Changes with every import (not with stock levels).
    pub fn generation(&self) -> u64 {
        self.inner
            .generation
            .load(std::sync::atomic::Ordering::Acquire)
    }

    /// The number of products.
    pub fn len(&self) -> usize {
        self.inner.snapshot.load().products.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests;
