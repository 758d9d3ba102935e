//! What the ranking reads of each product, computed once when the index is
//! built instead of once per query per candidate: the analysed words of
//! every indexed field (as interned ids in sorted slices, not hash sets of
//! strings), the colour families and normalised sizes the filters compare,
//! who the product suits, its price, whether it is a bestseller or on sale,
//! its model and the rank of its id (the ranking's last tie-break).
//!
//! Only what a feed import can change lives here: stock levels are patched
//! into the live snapshot without rebuilding the index, so availability
//! and quantity are always read from the product itself.
//!
//! Every precomputed value is the language crate's own function applied to
//! the product field (`colour_families`, `normalize_size`,
//! `Gender::parse`/`accepts`, `fold`), so the ranking's output is the same
//! as computing them per candidate (the tests below compare them on the
//! demo catalog).

use std::collections::HashMap;
use std::sync::Arc;

use agent_store_lang::query::{self, Gender};

use super::product::Product;

/// Number of indexed text fields (the index's slots).
pub const FIELDS: usize = 10;

/// An interned analysed term.
pub type TermId = u32;

/// The analysed terms of the whole catalog, interned.
#[derive(Debug, Default)]
pub struct Terms {
    ids: HashMap<String, TermId>,
    words: Vec<String>,
}

impl Terms {
    fn intern(&mut self, word: String) -> TermId {
        if let Some(&id) = self.ids.get(&word) {
            return id;
        }
        let id = TermId::try_from(self.words.len()).unwrap_or(TermId::MAX);
        self.words.push(word.clone());
        self.ids.insert(word, id);
        id
    }

    /// The id of `word`, `None` when no product has it.
    pub fn get(&self, word: &str) -> Option<TermId> {
        self.ids.get(word).copied()
    }

    pub fn word(&self, id: TermId) -> &str {
        self.words.get(id as usize).map_or("", String::as_str)
    }
}

/// One product's fixed details for the ranking.
#[derive(Debug)]
pub struct ProductFeatures {
    /// Field `f`'s terms are `arena[offsets[f]..offsets[f + 1]]`.
    offsets: [u32; FIELDS + 1],
    /// `query::colour_families` of the colour; empty without a colour
    /// (a product without a colour matches no colour).
    colour_families: Box<[String]>,
    /// `query::fold` of the colour, for the exact-colour bonus.
    colour_folded: Option<String>,
    /// `query::normalize_size` of the size and of each of its parts
    /// ("S/M"); empty without a size.
    sizes: Box<[String]>,
    /// `Gender::accepts` for (female, male).
    suits: (bool, bool),
    /// `Gender::parse` of the feed gender.
    pub gender: Option<Gender>,
    pub bestseller: bool,
    pub on_sale: bool,
    /// The effective price: minor units, the currency's exponent and the
    /// amount in major units.
    pub price_minor: i64,
    pub price_exponent: u32,
    pub price_major: f64,
    /// Variants of one model (same `model_name`) share it.
    pub model: u32,
    /// The product id's rank in the catalog's sorted ids (equal ids, equal
    /// ranks): comparing ranks is comparing ids.
    pub id_rank: u32,
    /// The brand key used for scoping ([`super::index::brand_key`]).
    pub brand_key: String,
}

impl ProductFeatures {
    /// Whether this product's colour satisfies `wanted`, a colour already
    /// through `query::canonical_colour` (as `query::colour_matches`).
    pub fn colour_matches(&self, wanted: &str) -> bool {
        self.colour_families.iter().any(|f| f == wanted)
    }

    /// Whether the colour is exactly `canonical` (folded), not only one of
    /// its family.
    pub fn colour_is(&self, canonical: &str) -> bool {
        self.colour_folded.as_deref() == Some(canonical)
    }

    /// Whether the size satisfies `wanted`, a size already through
    /// `query::normalize_size` (as `query::size_matches`).
    pub fn size_matches(&self, wanted: &str) -> bool {
        self.sizes.iter().any(|s| s == wanted)
    }

    /// `g.accepts(product gender)`.
    pub fn suits(&self, g: Gender) -> bool {
        match g {
            Gender::Female => self.suits.0,
            Gender::Male => self.suits.1,
        }
    }
}

/// The features of every product of one snapshot, in snapshot order.
#[derive(Debug, Default)]
pub struct FeatureTable {
    pub terms: Terms,
    arena: Vec<TermId>,
    products: Vec<ProductFeatures>,
}

impl FeatureTable {
    pub fn get(&self, ord: usize) -> Option<&ProductFeatures> {
        self.products.get(ord)
    }

    /// Product `ord`'s terms in field `field`: sorted, without repeats.
    pub fn field_terms(&self, f: &ProductFeatures, field: usize) -> &[TermId] {
        let (start, end) = (f.offsets[field] as usize, f.offsets[field + 1] as usize);
        self.arena.get(start..end).unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.products.len()
    }
}

/// Builds a [`FeatureTable`] while the index analyses each product.
#[derive(Default)]
pub struct FeatureBuilder {
    table: FeatureTable,
    models: HashMap<String, u32>,
    /// The current product's terms per field.
    fields: [Vec<TermId>; FIELDS],
}

impl FeatureBuilder {
    /// Add the analysed terms of the current product's field `field`.
    pub fn add_field_terms(&mut self, field: usize, terms: Vec<String>) {
        let ids: Vec<TermId> = terms
            .into_iter()
            .map(|t| self.table.terms.intern(t))
            .collect();
        if let Some(slot) = self.fields.get_mut(field) {
            slot.extend(ids);
        }
    }

    /// Close the current product (its field terms were added first).
    pub fn finish_product(&mut self, p: &Product) {
        let mut offsets = [0u32; FIELDS + 1];
        offsets[0] = u32::try_from(self.table.arena.len()).unwrap_or(u32::MAX);
        for (f, terms) in self.fields.iter_mut().enumerate() {
            terms.sort_unstable();
            terms.dedup();
            self.table.arena.append(terms);
            offsets[f + 1] = u32::try_from(self.table.arena.len()).unwrap_or(u32::MAX);
        }
        let next_model = u32::try_from(self.models.len()).unwrap_or(u32::MAX);
        let model = *self
            .models
            .entry(p.model_name().to_string())
            .or_insert(next_model);
        let eff = p.effective_price();
        self.table.products.push(ProductFeatures {
            offsets,
            colour_families: p
                .color
                .as_deref()
                .map(query::colour_families)
                .unwrap_or_default()
                .into(),
            colour_folded: p.color.as_deref().map(query::fold),
            sizes: p.size.as_deref().map(sizes_of).unwrap_or_default().into(),
            suits: (
                Gender::Female.accepts(p.gender.as_deref()),
                Gender::Male.accepts(p.gender.as_deref()),
            ),
            gender: p.gender.as_deref().and_then(Gender::parse),
            bestseller: p.tags().iter().any(|t| t == "bestseller"),
            on_sale: p.sale_price.is_some(),
            price_minor: eff.minor_units,
            price_exponent: eff.exponent(),
            price_major: eff.as_major_f64(),
            model,
            id_rank: 0,
            brand_key: super::index::brand_key(&p.brand),
        });
    }

    /// The table, once every product of `products` (same order) was added.
    pub fn build(mut self, products: &[Arc<Product>]) -> FeatureTable {
        let mut by_id: Vec<usize> = (0..products.len()).collect();
        by_id.sort_by(|&a, &b| products[a].id.cmp(&products[b].id));
        let mut rank = 0u32;
        for (i, &ord) in by_id.iter().enumerate() {
            if i > 0 && products[by_id[i - 1]].id != products[ord].id {
                rank += 1;
            }
            if let Some(f) = self.table.products.get_mut(ord) {
                f.id_rank = rank;
            }
        }
        self.table
    }
}

/// What `query::size_matches` compares a wanted size with: the whole size
/// and each of its parts, normalised.
fn sizes_of(size: &str) -> Vec<String> {
    let mut out = vec![query::normalize_size(size)];
    out.extend(
        size.split(['/', ',', ' '])
            .filter(|part| !part.is_empty())
            .map(query::normalize_size),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::parse_feed;

    const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../catalog/products.csv");

    fn demo() -> (Vec<Arc<Product>>, FeatureTable) {
        let file = std::fs::File::open(DEMO).expect("demo feed");
        let products: Vec<Arc<Product>> = parse_feed(file)
            .expect("parse")
            .products
            .into_iter()
            .map(Arc::new)
            .collect();
        let mut b = FeatureBuilder::default();
        for p in &products {
            b.add_field_terms(0, vec!["b".into(), "a".into(), "b".into()]);
            b.finish_product(p);
        }
        let table = b.build(&products);
        (products, table)
    }

    /// The precomputed answers are the language crate's, product by
    /// product, for every colour, size and gender the demo feed has (and
    /// a few it does not).
    #[test]
    fn features_answer_as_the_per_query_functions_do() {
        let (products, table) = demo();
        let mut colours: Vec<String> = products.iter().filter_map(|p| p.color.clone()).collect();
        colours.extend(
            [
                "preto", "Blue", "rojo", "navy", "gray", "cinza", "rosa", "pink",
            ]
            .map(String::from),
        );
        let mut sizes: Vec<String> = products.iter().filter_map(|p| p.size.clone()).collect();
        sizes.extend(["M", "g", "GG", "42", "128 GB", "único", "S/M"].map(String::from));
        for (ord, p) in products.iter().enumerate() {
            let f = table.get(ord).expect("features");
            for c in &colours {
                let canonical = query::canonical_colour(c);
                assert_eq!(
                    f.colour_matches(&canonical),
                    query::colour_matches(c, p.color.as_deref()),
                    "{} colour {c}",
                    p.id
                );
                assert_eq!(
                    f.colour_is(&canonical),
                    p.color
                        .as_deref()
                        .is_some_and(|pc| query::fold(pc) == canonical),
                    "{} exact colour {c}",
                    p.id
                );
            }
            for s in &sizes {
                assert_eq!(
                    f.size_matches(&query::normalize_size(s)),
                    query::size_matches(s, p.size.as_deref()),
                    "{} size {s}",
                    p.id
                );
            }
            for g in [Gender::Female, Gender::Male] {
                assert_eq!(f.suits(g), g.accepts(p.gender.as_deref()), "{}", p.id);
            }
            assert_eq!(f.gender, p.gender.as_deref().and_then(Gender::parse));
            assert_eq!(f.bestseller, p.tags().iter().any(|t| t == "bestseller"));
            assert_eq!(f.price_minor, p.effective_price().minor_units);
            assert_eq!(
                f.price_major.to_bits(),
                p.effective_price().as_major_f64().to_bits()
            );
            assert_eq!(table.field_terms(f, 0).len(), 2, "sorted, no repeats");
        }
    }

    #[test]
    fn id_ranks_order_as_the_ids_and_models_group_variants() {
        let (products, table) = demo();
        for a in 0..products.len() {
            for b in 0..products.len() {
                let (fa, fb) = (table.get(a).expect("a"), table.get(b).expect("b"));
                assert_eq!(
                    fa.id_rank.cmp(&fb.id_rank),
                    products[a].id.cmp(&products[b].id)
                );
                assert_eq!(
                    fa.model == fb.model,
                    products[a].model_name() == products[b].model_name()
                );
            }
        }
    }
}
