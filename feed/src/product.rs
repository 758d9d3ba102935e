//! The product model shared by the feed importer, the store, the search
//! index and the recommender.

use std::fmt;

use serde::{Deserialize, Serialize};

use agent_store_lang::money::Money;

/// Stock state, as in Meta's catalog feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Availability {
    InStock,
    OutOfStock,
    Preorder,
    AvailableForOrder,
    Discontinued,
}

impl Availability {
    /// Parse a feed value: `in stock`, `in_stock`, `out of stock`,
    /// `preorder`, `available for order`, `discontinued` (any case), and
    /// Google Merchant's `backorder` (a feed exported for both: not in
    /// stock, still orderable, which Meta calls available for order).
    pub fn parse(s: &str) -> Option<Availability> {
        let norm: String = s
            .trim()
            .to_ascii_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        match norm.as_str() {
            "instock" | "available" => Some(Availability::InStock),
            "outofstock" | "soldout" => Some(Availability::OutOfStock),
            "preorder" => Some(Availability::Preorder),
            "availablefororder" | "backorder" => Some(Availability::AvailableForOrder),
            "discontinued" => Some(Availability::Discontinued),
            _ => None,
        }
    }

    /// The feed spelling, also what the database stores.
    pub fn as_str(self) -> &'static str {
        match self {
            Availability::InStock => "in stock",
            Availability::OutOfStock => "out of stock",
            Availability::Preorder => "preorder",
            Availability::AvailableForOrder => "available for order",
            Availability::Discontinued => "discontinued",
        }
    }
}

impl fmt::Display for Availability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One catalog product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Product {
    pub id: String,
    pub title: String,
    pub description: String,
    pub brand: String,
    /// Meta's `product_type`, e.g. "Shoes > Running Shoes".
    pub category: String,
    pub price: Money,
    /// The sale price when the product is on sale (always below `price`).
    pub sale_price: Option<Money>,
    pub availability: Availability,
    /// Units that can be sold now, when the feed says.
    pub quantity: Option<u32>,
    pub image_url: Option<String>,
    pub link: Option<String>,
    pub color: Option<String>,
    pub size: Option<String>,
    pub gender: Option<String>,
    /// Any other feed column, kept as (name, value): condition,
    /// google_product_category, material, custom_label_0...
    pub attributes: Vec<(String, String)>,
}

impl Product {
    /// What the customer pays now: the sale price when there is one.
    pub fn effective_price(&self) -> &Money {
        self.sale_price.as_ref().unwrap_or(&self.price)
    }

    /// Whether the product can be bought and shipped now.
    pub fn is_in_stock(&self) -> bool {
        matches!(
            self.availability,
            Availability::InStock | Availability::AvailableForOrder
        ) && self.quantity != Some(0)
    }

    /// The value of a named extra attribute (case-insensitive name).
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The `google_product_category` as a path: a numeric Google taxonomy
    /// id is looked up ([`crate::taxonomy`]); empty when there is none.
    pub fn google_category(&self) -> &str {
        crate::taxonomy::category_path(self.attribute("google_product_category").unwrap_or(""))
    }

    /// `custom_label_*` tags, split on `|` and `,` ([`tags`]).
    pub fn tags(&self) -> Vec<String> {
        tags(&self.attributes)
    }

    /// The title without its variant suffix ([`model_name`]).
    pub fn model_name(&self) -> &str {
        model_name(&self.title)
    }

    /// The most specific part of the category: "Shoes > Running Shoes" →
    /// "Running Shoes".
    pub fn category_leaf(&self) -> &str {
        self.category
            .rsplit('>')
            .next()
            .map(str::trim)
            .unwrap_or(self.category.as_str())
    }

    /// The top-level part of the category: "Shoes > Running Shoes" → "Shoes".
    pub fn category_root(&self) -> &str {
        self.category
            .split('>')
            .next()
            .map(str::trim)
            .unwrap_or(self.category.as_str())
    }
}

/// The `custom_label_*` tags of a row's attributes, split on `|` and `,`,
/// trimmed and lower-case.
pub fn tags(attributes: &[(String, String)]) -> Vec<String> {
    attributes
        .iter()
        .filter(|(k, _)| k.starts_with("custom_label"))
        .flat_map(|(_, v)| v.split(['|', ',']))
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect()
}

/// A title without its variant suffix: "Nova X12 Smartphone - Black /
/// 128GB" → "Nova X12 Smartphone". Variants of one model share it.
pub fn model_name(title: &str) -> &str {
    match title.rfind(" - ") {
        Some(i) if i > 0 => title[..i].trim(),
        _ => title.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_availability_parses_feed_spellings() {
        assert_eq!(Availability::parse("in stock"), Some(Availability::InStock));
        assert_eq!(Availability::parse("IN_STOCK"), Some(Availability::InStock));
        assert_eq!(
            Availability::parse("available for order"),
            Some(Availability::AvailableForOrder)
        );
        assert_eq!(
            Availability::parse("pre-order"),
            Some(Availability::Preorder)
        );
        assert_eq!(
            Availability::parse("backorder"),
            Some(Availability::AvailableForOrder)
        );
        assert_eq!(Availability::parse("maybe"), None);
        for a in [
            Availability::InStock,
            Availability::OutOfStock,
            Availability::Preorder,
            Availability::AvailableForOrder,
            Availability::Discontinued,
        ] {
            assert_eq!(Availability::parse(a.as_str()), Some(a));
        }
    }
}
