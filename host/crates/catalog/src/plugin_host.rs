//! The host side of the WIT `catalog` interface: search, product details
//! and recommendations, within the plugin's catalog scope and the turn's
//! catalog-call budget, and the WIT ↔ catalog conversions.
//!
//! Shaped like wasmtime-wasi's `WasiView`: the plugin runtime's turn state
//! implements [`CatalogView`], handing out a [`CatalogCtxView`] (the turn's
//! [`ImportGate`] and the catalog's own handles) for each call, and
//! [`add_to_linker`] links the interface, recorded ([`Recorded`]).

use agent_store_wit::interfaces::catalog as catalog_if;
use agent_store_wit::wasmtime::component::{HasData, Linker};
use agent_store_wit::wit::{self, HostError};
use agent_store_wit::{Budget, ImportGate, Recorded, wasmtime};

use crate::shown::Shown;
use crate::{Availability, Catalog, Product, RecommendationKind, SearchQuery};
use agent_store_lang::money::Money;

/// Which brands the plugin may see, from its manifest's grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogAccess<'a> {
    /// No catalog grant (or a brand scope without a brand).
    Denied,
    /// Every brand.
    All,
    /// This brand only.
    Brand(&'a str),
}

/// What a `catalog` call works with.
pub struct CatalogCtxView<'a> {
    pub gate: &'a mut dyn ImportGate,
    pub catalog: &'a Catalog,
    pub access: CatalogAccess<'a>,
    /// Where what the plugin is shown is reported.
    pub shown: &'a dyn Shown,
}

/// A store whose data can serve the `catalog` interface.
pub trait CatalogView: Send {
    fn catalog(&mut self) -> CatalogCtxView<'_>;
}

/// The linker's [`HasData`] for the `catalog` interface.
pub struct HasCatalog;

impl HasData for HasCatalog {
    type Data<'a> = Recorded<CatalogCtxView<'a>>;
}

/// What one `catalog` call runs on: the view, recorded.
pub fn host<T: CatalogView>(state: &mut T) -> Recorded<CatalogCtxView<'_>> {
    let view = state.catalog();
    Recorded::new(view.gate.tape(), view)
}

/// Link the `catalog` interface.
pub fn add_to_linker<T: CatalogView + 'static>(linker: &mut Linker<T>) -> wasmtime::Result<()> {
    catalog_if::add_to_linker::<T, HasCatalog>(linker, host)
}

impl<'a> CatalogCtxView<'a> {
    /// The brand filter of a catalog call (after its catalog-call budget),
    /// or a denial.
    fn scope(&mut self) -> Result<Option<&'a str>, HostError> {
        self.gate.spend(Budget::CatalogCalls)?;
        match self.access {
            CatalogAccess::Denied => Err(self.gate.deny("catalog", "")),
            CatalogAccess::All => Ok(None),
            CatalogAccess::Brand(brand) => Ok(Some(brand)),
        }
    }
}

impl catalog_if::Host for CatalogCtxView<'_> {
    async fn search(
        &mut self,
        query: wit::SearchQuery,
    ) -> Result<Vec<wit::ScoredProduct>, HostError> {
        let _call = self.gate.enter("catalog.search")?;
        let brand = self.scope()?;
        let q = search_query(query, self.gate.search_limit());
        let found = self.catalog.search(brand, &q);
        // The turn log copies only when it records; the products then move
        // into the guest's types (no copy of their texts on the way out).
        let shown: Vec<&Product> = found.iter().map(|s| &s.product).collect();
        self.shown.searched(&q.text, &shown);
        // A budget the plugin searched with is a true amount to quote.
        let bounds: Vec<i64> = q
            .max_price_minor
            .into_iter()
            .chain(q.min_price_minor)
            .collect();
        self.shown.amounts(&bounds);
        Ok(found
            .into_iter()
            .map(|s| wit::ScoredProduct {
                product: into_product(s.product),
                score: s.score,
            })
            .collect())
    }

    async fn get(&mut self, id: String) -> Result<Option<wit::Product>, HostError> {
        let _call = self.gate.enter("catalog.get")?;
        let brand = self.scope()?;
        let found = self.catalog.get(brand, &id);
        self.shown.products(found.as_slice());
        Ok(found.map(into_product))
    }

    async fn recommend(
        &mut self,
        product_id: String,
        kind: wit::RecommendationKind,
        limit: u32,
    ) -> Result<Vec<wit::Recommendation>, HostError> {
        let _call = self.gate.enter("catalog.recommend")?;
        let brand = self.scope()?;
        let limit = limit.clamp(1, self.gate.search_limit());
        let host_kind = recommendation_kind(kind);
        let found = self.catalog.recommend(brand, &product_id, host_kind, limit);
        let shown: Vec<&Product> = found.iter().map(|r| &r.product).collect();
        self.shown.recommended(&product_id, host_kind, &shown);
        Ok(found
            .into_iter()
            .map(|r| wit::Recommendation {
                product: into_product(r.product),
                kind,
                explanation: r.explanation,
            })
            .collect())
    }
}

pub fn money(m: &Money) -> wit::Money {
    wit::Money {
        minor_units: m.minor_units,
        currency: m.currency.clone(),
    }
}

pub fn availability(a: Availability) -> wit::Availability {
    match a {
        Availability::InStock => wit::Availability::InStock,
        Availability::OutOfStock => wit::Availability::OutOfStock,
        Availability::Preorder => wit::Availability::Preorder,
        Availability::AvailableForOrder => wit::Availability::AvailableForOrder,
        Availability::Discontinued => wit::Availability::Discontinued,
    }
}

pub fn product(p: &Product) -> wit::Product {
    wit::Product {
        id: p.id.clone(),
        title: p.title.clone(),
        description: p.description.clone(),
        brand: p.brand.clone(),
        category: p.category.clone(),
        price: money(&p.price),
        sale_price: p.sale_price.as_ref().map(money),
        availability: availability(p.availability),
        quantity: p.quantity,
        image_url: p.image_url.clone(),
        link: p.link.clone(),
        color: p.color.clone(),
        size: p.size.clone(),
        gender: p.gender.clone(),
        attributes: p.attributes.clone(),
    }
}

/// [`product`] of an owned product: its texts move, nothing is copied
/// (a search hands a turn up to 20 products with their descriptions).
pub fn into_product(p: Product) -> wit::Product {
    wit::Product {
        price: into_money(p.price),
        sale_price: p.sale_price.map(into_money),
        availability: availability(p.availability),
        quantity: p.quantity,
        id: p.id,
        title: p.title,
        description: p.description,
        brand: p.brand,
        category: p.category,
        image_url: p.image_url,
        link: p.link,
        color: p.color,
        size: p.size,
        gender: p.gender,
        attributes: p.attributes,
    }
}

fn into_money(m: Money) -> wit::Money {
    wit::Money {
        minor_units: m.minor_units,
        currency: m.currency,
    }
}

/// The guest's query, with its limit bounded by the host.
pub fn search_query(q: wit::SearchQuery, max_limit: u32) -> SearchQuery {
    let non_empty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    SearchQuery {
        text: q.text,
        max_price_minor: q.max_price_minor,
        min_price_minor: q.min_price_minor,
        color: non_empty(q.color),
        size: non_empty(q.size),
        gender: non_empty(q.gender),
        in_stock_only: q.in_stock_only,
        limit: q.limit.clamp(1, max_limit),
    }
}

pub fn recommendation_kind(k: wit::RecommendationKind) -> RecommendationKind {
    match k {
        wit::RecommendationKind::CrossSell => RecommendationKind::CrossSell,
        wit::RecommendationKind::Upsell => RecommendationKind::Upsell,
        wit::RecommendationKind::Alternative => RecommendationKind::Alternative,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_product() -> Product {
        Product {
            id: "TEC-0013".into(),
            title: "Studio 15 Everyday Laptop".into(),
            description: "A laptop".into(),
            brand: "tech".into(),
            category: "Computers > Laptops".into(),
            price: Money::new(54900, "USD"),
            sale_price: Some(Money::new(49900, "USD")),
            availability: Availability::Preorder,
            quantity: Some(3),
            image_url: Some("https://cdn/x.jpg".into()),
            link: None,
            color: Some("black".into()),
            size: None,
            gender: None,
            attributes: vec![("material".into(), "aluminium".into())],
        }
    }

    #[test]
    fn an_owned_product_converts_as_a_borrowed_one() {
        let p = sample_product();
        let json = |w: &wit::Product| serde_json::to_value(w).expect("serialises");
        assert_eq!(json(&into_product(p.clone())), json(&product(&p)));
    }

    #[test]
    fn product_keeps_every_field() {
        let p = sample_product();
        let w = product(&p);
        assert_eq!(w.id, p.id);
        assert_eq!(w.price.minor_units, 54900);
        assert_eq!(w.price.currency, "USD");
        assert_eq!(w.sale_price.as_ref().map(|m| m.minor_units), Some(49900));
        assert_eq!(w.availability, wit::Availability::Preorder);
        assert_eq!(w.quantity, Some(3));
        assert_eq!(w.color.as_deref(), Some("black"));
        assert_eq!(w.attributes, p.attributes);
    }

    #[test]
    fn search_query_bounds_limit_and_drops_blank_filters() {
        let q = search_query(
            wit::SearchQuery {
                text: "laptop".into(),
                max_price_minor: Some(100_000),
                min_price_minor: None,
                color: Some("  ".into()),
                size: Some("M".into()),
                gender: None,
                in_stock_only: true,
                limit: 10_000,
            },
            20,
        );
        assert_eq!(q.limit, 20);
        assert_eq!(q.color, None);
        assert_eq!(q.size.as_deref(), Some("M"));
        assert!(q.in_stock_only);
        let zero = search_query(
            wit::SearchQuery {
                text: String::new(),
                max_price_minor: None,
                min_price_minor: None,
                color: None,
                size: None,
                gender: None,
                in_stock_only: false,
                limit: 0,
            },
            20,
        );
        assert_eq!(zero.limit, 1);
    }
}
