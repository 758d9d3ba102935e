//! Product names in free text: which parts of a text look like a product
//! title of the catalog, and which products (if any) they name.
//!
//! The grounding guard uses it so a seller (its own text or an LLM's) cannot
//! name a product the catalog does not have; the sell stage uses it to see
//! which products a reply offered by name.
//!
//! A *run* is a stretch of capitalised or digit-bearing words with nothing
//! but spaces (or a title's " - " / " / ") between them: "Zenbook Air 14",
//! "Nova X13 Smartphone", "Top 5 Laptops". A run looks like a product name
//! when it holds
//!
//! - a *line word*: a word of a catalog title that is not a common word
//!   (the store's vocabulary and stopwords, colours, category words), such
//!   as "Zenbook", "Pulse", "Forge"; or
//! - a *model code* (letters and digits, "X13", "S24", but not a quantity
//!   such as "512GB" or "4K") beside a catalog word ("Smartphone",
//!   "Nova").
//!
//! Its *model tokens* (line words and every digit-bearing word: "zenbook",
//! "air", "15") must then all appear in one product's title; otherwise the
//! name is invented. Generic words ("Top 5 Laptops", "Black Friday 2024"),
//! category names ("Gaming Laptops") and a person's name never hold a line
//! word or a model code, so they are never flagged; words the customer
//! wrote are never flagged either (a seller may say "we don't have the
//! Nova X99" when asked for it). Titles, the customer's words and the text
//! are compared after the language crate's normalisation.

use std::collections::HashSet;

use agent_store_lang::{query, text};

use super::Product;

/// Unit suffixes of a quantity ("512GB", "4K", "65W", "20000mAh"): a number
/// with one of them is a specification, not a model code.
const UNITS: &[&str] = &[
    "gb", "tb", "mb", "k", "w", "mah", "mm", "cm", "m", "hz", "mp", "in", "inch", "ml", "l", "g",
    "kg", "v", "x", "p", "h", "oz", "lb",
];

/// One product as the index sees it.
struct Entry {
    id: String,
    /// The product's brand, folded.
    brand: String,
    /// Normalised words of the whole title.
    tokens: HashSet<String>,
}

/// The product names of one catalog snapshot.
#[derive(Default)]
pub struct ProductNames {
    products: Vec<Entry>,
    /// Words of titles that name a product line ("zenbook", "pulse").
    line_words: HashSet<String>,
    /// Every word of titles and categories (stemmed), common or not.
    catalog_words: HashSet<String>,
}

impl std::fmt::Debug for ProductNames {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProductNames")
            .field("products", &self.products.len())
            .field("line_words", &self.line_words.len())
            .finish()
    }
}

/// A part of a text that looks like a product name.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// The run as written.
    pub text: String,
    /// Ids of the products it names, best match first (most of the run's
    /// words in the title); empty when the catalog has no such product.
    pub products: Vec<String>,
    /// Brands (folded) of those products, in the same order.
    pub brands: Vec<String>,
}

fn has_digit(t: &str) -> bool {
    t.bytes().any(|b| b.is_ascii_digit())
}

/// "512gb", "4k", "65w", "15": a number, maybe with a unit.
fn is_quantity(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && (digits == t.len() || UNITS.contains(&&t[digits..]))
}

/// "x2" as written after a name ("Pulse Buds x2"): a count, not a model
/// ("X12" is one).
fn is_multiplier(word: &str) -> bool {
    word.strip_prefix('x')
        .is_some_and(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// "x13", "s24", "a5": letters and digits that are not a quantity.
fn is_model_code(t: &str) -> bool {
    has_digit(t) && t.bytes().any(|b| b.is_ascii_alphabetic()) && !is_quantity(t)
}

/// Whether a word is shared by many products (or no product at all).
fn is_common(t: &str) -> bool {
    query::is_common_word(t) || text::color_of(t).is_some()
}

impl ProductNames {
    pub fn build<'a>(products: impl IntoIterator<Item = &'a Product>) -> Self {
        let mut names = ProductNames::default();
        let mut category_words = HashSet::new();
        let mut model_words = HashSet::new();
        for p in products {
            for t in text::tokenize(&p.category) {
                category_words.insert(text::stem(&t));
            }
            for t in text::tokenize(p.model_name()) {
                model_words.insert(t);
            }
            names.products.push(Entry {
                id: p.id.clone(),
                brand: text::normalize(&p.brand),
                tokens: text::tokenize(&p.title).into_iter().collect(),
            });
        }
        for t in &model_words {
            // Short stopwords ("for", "de") join titles; longer ones that
            // start titles ("Nova") still place a run in the catalog.
            if t.len() >= 3
                && !has_digit(t)
                && !(text::is_stopword(t) && t.len() < 4)
                && text::color_of(t).is_none()
            {
                names.catalog_words.insert(text::stem(t));
            }
            if t.len() >= 2
                && !has_digit(t)
                && !is_common(t)
                && !category_words.contains(&text::stem(t))
            {
                names.line_words.insert(t.clone());
            }
        }
        names.catalog_words.extend(category_words);
        names
    }

    /// Every part of `text` that looks like a product name (see the module
    /// doc), except those made only of words the customer wrote (`said`,
    /// normalised words).
    pub fn find(&self, text: &str, said: &HashSet<String>) -> Vec<Named> {
        runs(text)
            .into_iter()
            .filter_map(|(shown, tokens)| self.judge(shown, &tokens, said))
            .collect()
    }

    /// The parts of `text` that name no product of the catalog.
    pub fn invented(&self, text: &str, said: &HashSet<String>) -> Vec<String> {
        self.find(text, said)
            .into_iter()
            .filter(|n| n.products.is_empty())
            .map(|n| n.text)
            .collect()
    }

    fn judge(&self, shown: String, tokens: &[String], said: &HashSet<String>) -> Option<Named> {
        let line = tokens.iter().any(|t| self.line_words.contains(t));
        let code = tokens.iter().any(|t| is_model_code(t));
        let placed = tokens
            .iter()
            .any(|t| !has_digit(t) && self.catalog_words.contains(&text::stem(t)));
        if !(line || (code && placed)) {
            return None;
        }
        // A number before the name is a count ("2 Pulse Buds").
        let counted = tokens
            .iter()
            .take_while(|t| t.bytes().all(|b| b.is_ascii_digit()))
            .count();
        let model: Vec<&String> = tokens[counted..]
            .iter()
            .filter(|t| self.line_words.contains(*t) || has_digit(t))
            .collect();
        if model.is_empty() || model.iter().all(|t| said.contains(*t)) {
            return None;
        }
        let mut hits: Vec<(usize, usize)> = self
            .products
            .iter()
            .enumerate()
            .filter(|(_, e)| model.iter().all(|t| e.tokens.contains(*t)))
            .map(|(i, e)| (i, tokens.iter().filter(|t| e.tokens.contains(*t)).count()))
            .collect();
        // Most of the run's words first; catalog order among equals.
        hits.sort_by_key(|&(i, overlap)| (std::cmp::Reverse(overlap), i));
        Some(Named {
            text: shown,
            products: hits
                .iter()
                .map(|&(i, _)| self.products[i].id.clone())
                .collect(),
            brands: hits
                .iter()
                .map(|&(i, _)| self.products[i].brand.clone())
                .collect(),
        })
    }
}

/// A word that may be part of a name: capitalised or carrying a digit, and
/// not an amount ("$89.90", "6.5").
fn name_like(lead: &str, core: &str) -> bool {
    let first = core.chars().next();
    let amount = lead.contains(['$', '€', '£'])
        || core
            .as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'.' | b',') && w[2].is_ascii_digit());
    !amount && (first.is_some_and(char::is_uppercase) || has_digit(core))
}

/// The runs of `text`: (as written, normalised words).
fn runs(text: &str) -> Vec<(String, Vec<String>)> {
    fn flush(current: &mut Vec<&str>, out: &mut Vec<(String, Vec<String>)>) {
        if !current.is_empty() {
            let shown = current.join(" ");
            let tokens = text::tokenize(&shown);
            out.push((shown, tokens));
            current.clear();
        }
    }
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    // A name never spans lines (list items, one product a line).
    for chunk in text
        .lines()
        .flat_map(|l| l.split_whitespace().chain(["\n"]))
    {
        if chunk == "\n" {
            flush(&mut current, &mut out);
            continue;
        }
        if matches!(chunk, "-" | "–" | "/" | "|") {
            // A title's own separator: "Zenbook Air 14 Ultrabook - Silver".
            continue;
        }
        let lead_len = chunk.len()
            - chunk
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let (lead, rest) = chunk.split_at(lead_len);
        let core = rest.trim_end_matches(|c: char| !c.is_alphanumeric());
        let trail = &rest[core.len()..];
        let core = core
            .strip_suffix("'s")
            .or_else(|| core.strip_suffix("’s"))
            .unwrap_or(core);
        if !lead.is_empty() || core.is_empty() {
            flush(&mut current, &mut out);
        }
        if core.is_empty() {
            continue;
        }
        if name_like(lead, core) && !is_multiplier(core) {
            current.push(core);
        } else {
            flush(&mut current, &mut out);
        }
        if !trail.is_empty() {
            flush(&mut current, &mut out);
        }
    }
    flush(&mut current, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Availability;
    use agent_store_lang::money::Money;

    fn product(id: &str, title: &str, category: &str) -> Product {
        Product {
            id: id.into(),
            title: title.into(),
            description: String::new(),
            brand: "tech".into(),
            category: category.into(),
            price: Money::new(1000, "USD"),
            sale_price: None,
            availability: Availability::InStock,
            quantity: None,
            image_url: None,
            link: None,
            color: None,
            size: None,
            gender: None,
            attributes: Vec::new(),
        }
    }

    fn names() -> ProductNames {
        let products = [
            product(
                "TEC-0004",
                "Nova X12 Pro Smartphone - Graphite / 256GB",
                "Electronics > Phones",
            ),
            product(
                "TEC-0010",
                "Zenbook Air 14 Ultrabook - Silver / 512GB",
                "Electronics > Laptops",
            ),
            product(
                "TEC-0012",
                "Forge 16 Creator Laptop - Grey / 1TB",
                "Electronics > Laptops",
            ),
            product(
                "TEC-0015",
                "Pulse ANC Wireless Headphones - Black",
                "Electronics > Audio",
            ),
            product(
                "TEC-0017",
                "Pulse Buds True Wireless Earbuds - Black",
                "Electronics > Audio",
            ),
            product(
                "TEC-0029",
                "4K USB-C Monitor 27 - Black / 27 inch",
                "Electronics > Monitors",
            ),
        ];
        ProductNames::build(products.iter())
    }

    fn none() -> HashSet<String> {
        HashSet::new()
    }

    #[test]
    fn catalog_names_are_found_with_their_products() {
        let n = names();
        let found = n.find(
            "The Zenbook Air 14 is light; the Pulse Buds pair well. Forge 16 Creator Laptop - Grey / 1TB.",
            &none(),
        );
        let ids: Vec<&str> = found.iter().map(|f| f.products[0].as_str()).collect();
        assert_eq!(ids, ["TEC-0010", "TEC-0017", "TEC-0012"], "{found:?}");
        assert!(
            n.invented("Nova X12 Pro Smartphone, $899.00", &none())
                .is_empty()
        );
    }

    #[test]
    fn invented_names_are_flagged() {
        let n = names();
        assert_eq!(
            n.invented(
                "Try the Zenbook Air 15 or the Nova X13 Smartphone!",
                &none()
            ),
            ["Zenbook Air 15", "Nova X13 Smartphone"]
        );
        assert_eq!(
            n.invented("Our Galaxy S24 Laptop", &none()),
            ["Our Galaxy S24 Laptop"]
        );
        // Two lines mixed into one product that does not exist.
        assert_eq!(n.invented("Pulse Forge", &none()), ["Pulse Forge"]);
    }

    #[test]
    fn generic_words_categories_and_the_customers_words_are_not_names() {
        let n = names();
        for text in [
            "Top 5 Laptops of 2024! Black Friday Deals on Smartphones.",
            "Hi Maria, Gaming Laptops and Wireless Headphones are on sale.",
            "A 16GB Laptop with a 4K screen for $1,299.00 (6.5 inch).",
            "Your order *ORD-20241205-0001* is confirmed. Free Shipping!",
            "Stay Fit With Our Watch",
            "2 Zenbook Air 14 and Pulse Buds x2 in your cart",
            "1 Zenbook Air 14 Ultrabook - Silver / 512GB\n2 Forge 16 Creator Laptop - Grey / 1TB",
        ] {
            assert!(
                n.find(text, &none()).iter().all(|f| !f.products.is_empty()),
                "{text}"
            );
        }
        let said: HashSet<String> = text::tokenize("do you have the zenbook air 15?")
            .into_iter()
            .collect();
        assert!(
            n.invented("Sorry, the Zenbook Air 15 is not in our catalog.", &said)
                .is_empty()
        );
    }
}
