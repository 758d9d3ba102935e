//! Recommendations: cross-sell (complementary categories of the same
//! brand), upsell (same category, higher price) and alternatives (same
//! category, similar price, a different product).

use std::collections::HashSet;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::index::brand_key;
use super::product::{Availability, Product};

/// What kind of recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecommendationKind {
    CrossSell,
    Upsell,
    Alternative,
}

/// One recommended product and why, in plain English.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub product: Product,
    pub kind: RecommendationKind,
    pub explanation: String,
}

const DEFAULT_LIMIT: usize = 3;

/// Complementary categories, keyed by a word of the source's category
/// (lower case, most specific first). Values are words looked for in the
/// candidates' categories, best first.
#[rustfmt::skip]
const COMPLEMENTS: &[(&str, &[&str])] = &[
    // Fashion
    ("running shoes", &["activewear", "t-shirts", "watches", "bags"]),
    ("sneakers", &["jeans", "t-shirts", "jackets", "bags"]),
    ("boots", &["jeans", "jackets", "scarves", "sweaters"]),
    ("dresses", &["bags", "sunglasses", "watches", "boots"]),
    ("jeans", &["t-shirts", "sneakers", "jackets", "sweaters"]),
    ("jackets", &["scarves", "jeans", "sweaters", "boots"]),
    ("t-shirts", &["jeans", "sneakers", "jackets", "sunglasses"]),
    ("sweaters", &["scarves", "jeans", "jackets", "boots"]),
    ("activewear", &["running shoes", "t-shirts", "bags"]),
    ("swimwear", &["sunglasses", "bags", "dresses"]),
    ("bags", &["watches", "sunglasses", "scarves"]),
    ("watches", &["bags", "sunglasses", "scarves"]),
    ("sunglasses", &["bags", "swimwear", "watches"]),
    ("scarves", &["jackets", "sweaters", "boots"]),
    // Tech
    ("smartphones", &["cases", "screen protectors", "chargers", "earbuds", "power banks", "smartwatches"]),
    ("cases", &["screen protectors", "chargers", "power banks"]),
    ("screen protectors", &["cases", "chargers"]),
    ("laptops", &["mice", "headphones", "monitors", "chargers", "power banks"]),
    ("ultrabooks", &["mice", "headphones", "monitors", "chargers"]),
    ("headphones", &["chargers", "power banks", "smartphones"]),
    ("earbuds", &["power banks", "chargers", "smartwatches", "cases"]),
    ("speakers", &["power banks", "chargers"]),
    ("chargers", &["power banks", "cases", "earbuds"]),
    ("power banks", &["chargers", "earbuds", "cases"]),
    ("smartwatches", &["earbuds", "chargers", "power banks"]),
    ("cameras", &["power banks", "chargers"]),
    ("mirrorless", &["power banks", "action cameras"]),
    ("routers", &["laptops", "tablets"]),
    ("tablets", &["chargers", "headphones", "power banks"]),
    ("monitors", &["mice", "laptops"]),
    ("mice", &["monitors", "mouse pads", "keyboards", "laptops"]),
    // Home
    ("sofas", &["cushions", "rugs", "floor lamps", "candles"]),
    ("tables", &["chairs", "candles", "table lamps"]),
    ("gaming chairs", &["keyboards", "mice", "headsets", "mouse pads"]),
    ("chairs", &["tables", "cushions"]),
    ("cushions", &["sofas", "candles", "rugs"]),
    ("rugs", &["sofas", "floor lamps", "cushions"]),
    ("lamps", &["candles", "cushions", "rugs"]),
    ("cookware", &["knives", "organizers"]),
    ("knives", &["cookware", "organizers"]),
    ("sheets", &["duvets", "pillows"]),
    ("duvets", &["sheets", "pillows"]),
    ("pillows", &["sheets", "duvets"]),
    ("boxes", &["organizers"]),
    ("organizers", &["boxes"]),
    ("plant pots", &["plant pots", "candles"]),
    ("mirrors", &["candles", "table lamps"]),
    ("candles", &["cushions", "table lamps"]),
    // Beauty
    ("serums", &["moisturizers", "sunscreen", "cleansers"]),
    ("moisturizers", &["serums", "cleansers", "sunscreen"]),
    ("sunscreen", &["moisturizers", "serums", "cleansers"]),
    ("cleansers", &["serums", "moisturizers", "masks"]),
    ("masks", &["cleansers", "serums", "moisturizers"]),
    ("lipstick", &["lip gloss", "foundation", "mascara"]),
    ("lip gloss", &["lipstick", "mascara"]),
    ("foundation", &["mascara", "eyeshadow", "lipstick"]),
    ("mascara", &["eyeshadow", "lipstick", "foundation"]),
    ("eyeshadow", &["mascara", "lipstick"]),
    ("fragrance", &["lipstick", "eyeshadow", "moisturizers"]),
    ("shampoo", &["treatments", "styling", "tools"]),
    ("styling", &["shampoo", "treatments"]),
    ("treatments", &["shampoo", "styling", "tools"]),
    ("tools", &["treatments", "styling"]),
    // Gaming
    ("consoles", &["controllers", "games", "headsets", "chargers", "gift cards"]),
    ("controllers", &["chargers", "games", "headsets"]),
    ("games", &["controllers", "headsets", "gift cards"]),
    ("headsets", &["controllers", "keyboards", "mice"]),
    ("keyboards", &["mice", "mouse pads", "headsets"]),
    ("mouse pads", &["mice", "keyboards"]),
    ("gift cards", &["games", "controllers"]),
];

/// Words too generic to tie a product to another by name.
const GENERIC_NAME_WORDS: &[&str] = &[
    "the",
    "for",
    "with",
    "and",
    "clear",
    "black",
    "white",
    "pro",
    "mini",
    "max",
    "set",
    "pack",
    "wireless",
    "portable",
    "classic",
    "new",
    "ultralight",
    "mechanical",
];

/// Top-level categories whose subcategories are the same kind of product
/// (an everyday laptop and an ultrabook are both laptops).
const INTERCHANGEABLE_ROOTS: &[&str] = &[
    "laptops", "cameras", "lighting", "tablets", "monitors", "consoles", "games", "shoes",
];

/// Whether two products are the same kind of thing, for upsell and
/// alternatives: same category, same leaf noun ("Everyday Laptops" and
/// "Performance Laptops") or an interchangeable top-level category.
fn same_kind(a: &Product, b: &Product) -> bool {
    if a.category == b.category {
        return true;
    }
    let last = |p: &Product| {
        p.category_leaf()
            .rsplit(' ')
            .next()
            .map(lc)
            .unwrap_or_default()
    };
    if !last(a).is_empty() && last(a) == last(b) {
        return true;
    }
    a.category_root() == b.category_root()
        && INTERCHANGEABLE_ROOTS.contains(&lc(a.category_root()).as_str())
}

/// A category leaf as a singular noun: "Dresses" → "dress".
fn singular(s: &str) -> String {
    let s = lc(s);
    match s.as_str() {
        "jeans" | "sunglasses" | "leggings" | "activewear" | "swimwear" => return s,
        "mice" => return "mouse".to_string(),
        "knives" => return "knife".to_string(),
        _ => {}
    }
    for suffix in ["sses", "shes", "ches", "xes"] {
        if s.ends_with(suffix) {
            return s[..s.len() - 2].to_string();
        }
    }
    if let Some(stem) = s.strip_suffix("ies") {
        return format!("{stem}y");
    }
    match s.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') => stem.to_string(),
        _ => s,
    }
}

fn sellable(p: &Product) -> bool {
    p.is_in_stock() || p.availability == Availability::Preorder
}

fn lc(s: &str) -> String {
    s.to_lowercase()
}

/// The complement list for a source category, most specific key first.
fn complements_for(p: &Product) -> &'static [&'static str] {
    let leaf = lc(p.category_leaf());
    let full = lc(&p.category);
    for (key, comps) in COMPLEMENTS {
        if leaf == *key {
            return comps;
        }
    }
    for (key, comps) in COMPLEMENTS {
        if leaf.contains(key) {
            return comps;
        }
    }
    for (key, comps) in COMPLEMENTS {
        if full.contains(key) {
            return comps;
        }
    }
    &[]
}

/// Distinctive name words of a model ("Nova X12 Smartphone" → nova, x12).
fn name_words(p: &Product) -> Vec<String> {
    let category = lc(&p.category);
    p.model_name()
        .split(|c: char| !c.is_alphanumeric())
        .map(lc)
        .filter(|w| w.len() >= 3 || w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| !GENERIC_NAME_WORDS.contains(&w.as_str()))
        .filter(|w| !category.contains(w.trim_end_matches('s')))
        .take(2)
        .collect()
}

/// Whether `cand` is made for `source` (or the other way round): "Phone
/// Case for Nova X12", a game for "Nexus 5", a dock for a controller...
fn compatible(source: &Product, cand: &Product) -> bool {
    let refers = |a: &Product, b: &Product| {
        let words = name_words(b);
        if words.is_empty() {
            return false;
        }
        let text = lc(&format!("{} {}", a.title, a.size.as_deref().unwrap_or("")));
        let tokens: HashSet<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .collect();
        words.iter().all(|w| tokens.contains(w.as_str()))
    };
    refers(cand, source) || refers(source, cand)
}

/// Recommend up to `limit` products for `source_id`.
pub fn recommend(
    products: &[Arc<Product>],
    brand: Option<&str>,
    source_id: &str,
    kind: RecommendationKind,
    limit: u32,
) -> Vec<Recommendation> {
    let limit = if limit == 0 {
        DEFAULT_LIMIT
    } else {
        limit as usize
    };
    let Some(source) = products
        .iter()
        .find(|p| p.id == source_id && brand.is_none_or(|b| brand_key(&p.brand) == brand_key(b)))
    else {
        return Vec::new();
    };
    let key = brand_key(&source.brand);
    let pool: Vec<&Product> = products
        .iter()
        .map(|p| &**p)
        .filter(|p| p.id != source.id && brand_key(&p.brand) == key && sellable(p))
        .collect();
    let recs = match kind {
        RecommendationKind::CrossSell => cross_sell(source, &pool, limit),
        RecommendationKind::Upsell => upsell(source, &pool, limit),
        RecommendationKind::Alternative => alternatives(source, &pool, limit),
    };
    tracing::debug!(source = %source.id, ?kind, n = recs.len(), "catalog recommendations");
    recs
}

/// Pick the best-scored candidates, one per model, preferring one per
/// category first.
fn pick(mut scored: Vec<(f64, &Product)>, limit: usize, diverse_categories: bool) -> Vec<&Product> {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    let mut out: Vec<&Product> = Vec::new();
    let mut models = HashSet::new();
    let mut cats = HashSet::new();
    if diverse_categories {
        for (_, p) in &scored {
            if out.len() >= limit {
                break;
            }
            if !models.contains(p.model_name()) && !cats.contains(p.category.as_str()) {
                models.insert(p.model_name());
                cats.insert(p.category.as_str());
                out.push(p);
            }
        }
    }
    for (_, p) in &scored {
        if out.len() >= limit {
            break;
        }
        if !models.contains(p.model_name()) {
            models.insert(p.model_name());
            out.push(p);
        }
    }
    out
}

fn base_bonus(p: &Product) -> f64 {
    let mut s = 0.0;
    if p.is_in_stock() {
        s += 1.0;
    }
    if p.tags().iter().any(|t| t == "bestseller") {
        s += 0.5;
    }
    s
}

fn same_currency(a: &Product, b: &Product) -> bool {
    a.effective_price().currency == b.effective_price().currency
}

fn cross_sell(source: &Product, pool: &[&Product], limit: usize) -> Vec<Recommendation> {
    let comps = complements_for(source);
    let src_price = source.effective_price().as_major_f64();
    let scored: Vec<(f64, &Product)> = pool
        .iter()
        .filter(|p| p.category != source.category && p.model_name() != source.model_name())
        .map(|&p| {
            let cat = lc(&p.category);
            let rank = comps.iter().position(|c| cat.contains(c));
            let mut s = match rank {
                Some(r) => 10.0 - r as f64,
                None => 0.0,
            };
            if compatible(source, p) {
                s += 4.0;
            }
            s += base_bonus(p);
            if same_currency(source, p) && p.effective_price().as_major_f64() <= src_price {
                s += 0.5;
            }
            (s, p)
        })
        .collect();
    pick(scored, limit, true)
        .into_iter()
        .map(|p| {
            let leaf = lc(p.category_leaf());
            let explanation = if compatible(source, p) {
                format!(
                    "Made to go with the {}: {} ({}).",
                    source.model_name(),
                    p.title,
                    p.effective_price()
                )
            } else if comps.iter().any(|c| lc(&p.category).contains(c)) {
                format!(
                    "Pairs well with the {}: customers who buy {} often add {}, like the {} ({}).",
                    source.model_name(),
                    lc(source.category_leaf()),
                    leaf,
                    p.model_name(),
                    p.effective_price()
                )
            } else {
                format!(
                    "Also from {} to complete the purchase: {} ({}).",
                    source.brand,
                    p.title,
                    p.effective_price()
                )
            };
            Recommendation {
                product: p.clone(),
                kind: RecommendationKind::CrossSell,
                explanation,
            }
        })
        .collect()
}

fn upsell(source: &Product, pool: &[&Product], limit: usize) -> Vec<Recommendation> {
    let src = source.effective_price();
    let src_major = src.as_major_f64().max(0.01);
    let higher = |p: &Product| {
        let e = p.effective_price();
        e.currency == src.currency && e.minor_units > src.minor_units
    };
    let score = |p: &Product, same_cat: bool| {
        let ratio = p.effective_price().as_major_f64() / src_major;
        let mut s = if same_cat { 10.0 } else { 5.0 };
        // A modest step up sells better than a leap.
        s -= (ratio - 1.4).abs().min(3.0);
        if p.model_name() == source.model_name() {
            s += 0.5; // same model, more capacity/size
        }
        s + base_bonus(p) * 0.5
    };
    let mut scored: Vec<(f64, &Product)> = pool
        .iter()
        .filter(|p| higher(p))
        .filter(|p| p.category == source.category)
        .map(|&p| (score(p, true), p))
        .collect();
    if scored.len() < limit {
        scored.extend(
            pool.iter()
                .filter(|p| higher(p))
                .filter(|p| p.category != source.category && same_kind(source, p))
                .map(|&p| (score(p, false), p)),
        );
    }
    pick(scored, limit, false)
        .into_iter()
        .map(|p| {
            let diff = p.effective_price().minor_units - src.minor_units;
            let diff = agent_store_lang::money::Money::new(diff, src.currency.clone());
            let what = if p.model_name() == source.model_name() {
                match (&p.size, &source.size) {
                    (Some(a), Some(b)) if a != b => {
                        format!("the same model with {a} instead of {b}")
                    }
                    _ => "the same model in an upgraded version".to_string(),
                }
            } else if p.tags().iter().any(|t| t == "premium") {
                format!("a premium {}", singular(p.category_leaf()))
            } else {
                format!("a higher-end {}", singular(p.category_leaf()))
            };
            Recommendation {
                product: p.clone(),
                kind: RecommendationKind::Upsell,
                explanation: format!(
                    "A step up from the {}: {} is {} at {} ({} more).",
                    source.model_name(),
                    p.title,
                    what,
                    p.effective_price(),
                    diff
                ),
            }
        })
        .collect()
}

fn alternatives(source: &Product, pool: &[&Product], limit: usize) -> Vec<Recommendation> {
    let src = source.effective_price();
    let src_major = src.as_major_f64().max(0.01);
    let closeness = |p: &Product| {
        let e = p.effective_price();
        if e.currency != src.currency {
            return f64::MAX;
        }
        (e.as_major_f64() / src_major - 1.0).abs()
    };
    let different = |p: &&&Product| p.model_name() != source.model_name();
    let mut scored: Vec<(f64, &Product)> = pool
        .iter()
        .filter(different)
        .filter(|p| p.category == source.category && closeness(p) <= 0.35)
        .map(|&p| (20.0 - 10.0 * closeness(p) + base_bonus(p) * 0.5, p))
        .collect();
    let mut have: HashSet<&str> = scored.iter().map(|(_, p)| p.id.as_str()).collect();
    if scored.len() < limit {
        for &p in pool.iter().filter(different) {
            if have.contains(p.id.as_str()) {
                continue;
            }
            let c = closeness(p);
            let s = if p.category == source.category {
                10.0 - c.min(5.0)
            } else if same_kind(source, p) && c <= 0.5 {
                8.0 - 4.0 * c
            } else {
                continue;
            };
            have.insert(p.id.as_str());
            scored.push((s + base_bonus(p) * 0.5, p));
        }
    }
    let mut out: Vec<Recommendation> = pick(scored, limit, false)
        .into_iter()
        .map(|p| {
            let where_ = if p.category == source.category {
                format!("also in {}", p.category)
            } else {
                format!("also one of our {}", lc(p.category_root()))
            };
            Recommendation {
                product: p.clone(),
                kind: RecommendationKind::Alternative,
                explanation: format!(
                    "A similar option to the {}: {} at {} (vs {}), {}.",
                    source.model_name(),
                    p.title,
                    p.effective_price(),
                    src,
                    where_
                ),
            }
        })
        .collect();
    // Last resort: other variants of the same model.
    if out.len() < limit {
        let mut variants: Vec<&Product> = pool
            .iter()
            .copied()
            .filter(|p| p.model_name() == source.model_name())
            .filter(|p| !out.iter().any(|r| r.product.id == p.id))
            .collect();
        variants.sort_by(|a, b| {
            base_bonus(b)
                .total_cmp(&base_bonus(a))
                .then_with(|| closeness(a).total_cmp(&closeness(b)))
                .then_with(|| a.id.cmp(&b.id))
        });
        for p in variants.into_iter().take(limit - out.len()) {
            let variant = p
                .title
                .rsplit_once(" - ")
                .map(|(_, v)| v.to_string())
                .unwrap_or_else(|| p.title.clone());
            out.push(Recommendation {
                product: p.clone(),
                kind: RecommendationKind::Alternative,
                explanation: format!(
                    "The same {} in another version ({}) at {}.",
                    source.model_name(),
                    variant,
                    p.effective_price()
                ),
            });
        }
    }
    out
}
