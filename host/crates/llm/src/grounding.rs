//! The grounding guard: every AI text is checked against the catalog before
//! it goes back to the plugin.
//!
//! - Every amount that looks like a price ("$89.90", "R$ 1.299,00",
//!   "89,90 reais", "149.99") must be the current price (or sale price) of a
//!   product in the turn's context, or a cart total. A wrong amount right
//!   after a product's name is corrected to that product's current price;
//!   one that cannot be tied to a single price is a violation.
//! - Every product id mentioned ("TEC-0042") must exist in the catalog.
//! - Every product named ("Zenbook Air 15", "Nova X13 Smartphone") must be
//!   a product of the catalog ([`crate::catalog::names`]), unless the
//!   customer used those words themselves.
//!
//! Violations make the gateway re-ask the model once, then give up (the
//! plugin falls back to its template responder).
//!
//! The same guard checks every customer-visible text a plugin writes itself
//! ([`actions`]: bodies, captions, headers, footers, button titles, list
//! rows) against what the turn saw: a price is corrected to the catalog's
//! when it follows a product's name, otherwise the part carrying it is
//! dropped (a button, a row, a caption) or the whole message refused.

use std::collections::HashSet;
use std::sync::Arc;

use crate::catalog::Product;
use crate::catalog::names::ProductNames;
use crate::chat::Action;

/// What the answer may mention.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Products the model saw this turn (tool results, ids in the prompt).
    pub products: Vec<Product>,
    /// Other amounts that are true: cart subtotal and line totals (minor units).
    pub amounts: Vec<i64>,
    /// The catalog's product names (`None`: names are not checked).
    pub names: Option<Arc<ProductNames>>,
    /// The customer's own words (normalised): a name made of them is
    /// theirs, not an invention ("we don't have the Nova X99").
    pub said: HashSet<String>,
}

impl Context {
    /// Check product names against `names`; `said` are texts the customer
    /// wrote.
    pub fn with_names<'a>(
        mut self,
        names: Arc<ProductNames>,
        said: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        self.names = Some(names);
        for text in said {
            self.said.extend(agent_store_lang::text::tokenize(text));
        }
        self
    }

    pub fn add_product(&mut self, p: Product) {
        if !self.products.iter().any(|x| x.id == p.id) {
            self.products.push(p);
        }
    }

    fn allowed(&self, minor: i64) -> bool {
        self.amounts.contains(&minor)
            || self.products.iter().any(|p| {
                p.price.minor_units == minor
                    || p.sale_price
                        .as_ref()
                        .is_some_and(|s| s.minor_units == minor)
            })
    }
}

/// The guard's verdict on one text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Verdict {
    /// The text with correctable prices corrected.
    pub text: String,
    /// Prices replaced by the catalog's.
    pub corrected: u32,
    /// What could not be corrected, in words (for the re-ask and the logs).
    pub violations: Vec<String>,
}

// Amounts that look like prices: the language crate's one reader, shared
// with the seller kit (`agent_store_sdk::seller::quoted_prices`).
pub use agent_store_lang::amount::{Quoted, quoted};

/// Tokens shaped like catalog ids: `ABC-0001`.
pub fn id_like(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|t| {
            let Some((head, tail)) = t.split_once('-') else {
                return false;
            };
            (2..=6).contains(&head.len())
                && head.bytes().all(|b| b.is_ascii_uppercase())
                && tail.len() >= 2
                && tail.bytes().all(|b| b.is_ascii_digit())
        })
        .collect()
}

/// Check (and where possible correct) `text`. `exists` says whether a
/// product id is in the catalog.
pub fn check(text: &str, ctx: &Context, exists: &dyn Fn(&str) -> bool) -> Verdict {
    let mut v = Verdict {
        text: text.to_string(),
        ..Verdict::default()
    };
    for id in id_like(text) {
        if !exists(id) {
            v.violations
                .push(format!("{id} is not a product of the catalog"));
        }
    }
    if let Some(names) = &ctx.names {
        for name in names.invented(text, &ctx.said) {
            v.violations
                .push(format!("\"{name}\" is not a product of the catalog"));
        }
    }
    let lower = text.to_ascii_lowercase();
    let mut replacements: Vec<(usize, usize, String)> = Vec::new();
    for q in quoted(text) {
        if ctx.allowed(q.minor) {
            continue;
        }
        match price_by_name_before(&lower, q.start, ctx) {
            Some(right) => {
                replacements.push((q.start, q.end, q.written(right)));
            }
            None => v.violations.push(format!(
                "{} is not the price of any product shown to you",
                &text[q.start..q.end]
            )),
        }
    }
    for (start, end, with) in replacements.into_iter().rev() {
        v.text.replace_range(start..end, &with);
        v.corrected += 1;
    }
    v
}

/// The one current price of the product named closest before `pos` (in the
/// same sentence), when the name identifies a single price.
fn price_by_name_before(lower: &str, pos: usize, ctx: &Context) -> Option<i64> {
    let window_start = lower[..pos]
        .rfind(['\n', '!', '?'])
        .map(|i| i + 1)
        .unwrap_or(0);
    let window = &lower[window_start..pos];
    let mut best: Option<(usize, &str)> = None;
    for p in &ctx.products {
        let name = p.model_name().to_ascii_lowercase();
        if name.len() < 3 {
            continue;
        }
        if let Some(at) = window.rfind(&name) {
            let end = at + name.len();
            if best.is_none_or(|(e, _)| end > e) {
                best = Some((end, p.model_name()));
            }
        }
    }
    let (_, model) = best?;
    let mut prices: Vec<i64> = ctx
        .products
        .iter()
        .filter(|p| p.model_name() == model)
        .map(|p| p.effective_price().minor_units)
        .collect();
    prices.sort_unstable();
    prices.dedup();
    (prices.len() == 1).then(|| prices[0])
}

/// What the guard did to a plugin's reply actions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionsReport {
    /// Prices replaced by the catalog's.
    pub corrected: u32,
    /// Texts dropped or messages refused (or replaced by their body).
    pub refused: u32,
    /// What was wrong, in words (at most 20, for the log).
    pub violations: Vec<String>,
}

impl ActionsReport {
    fn note(&mut self, v: &Verdict) {
        self.corrected += v.corrected;
        for e in &v.violations {
            if self.violations.len() < 20 {
                self.violations.push(e.clone());
            }
        }
    }
}

/// Check one text: `Some(corrected text)` when it may be shown.
fn text_ok(
    text: &str,
    ctx: &Context,
    exists: &dyn Fn(&str) -> bool,
    report: &mut ActionsReport,
) -> Option<String> {
    let v = check(text, ctx, exists);
    report.note(&v);
    if v.violations.is_empty() {
        Some(v.text)
    } else {
        report.refused += 1;
        None
    }
}

fn optional_ok(
    text: Option<String>,
    ctx: &Context,
    exists: &dyn Fn(&str) -> bool,
    report: &mut ActionsReport,
) -> Option<String> {
    text.and_then(|t| text_ok(&t, ctx, exists, report))
}

/// Ground every customer-visible text of a plugin's reply actions (see the
/// module doc). Non-message actions pass untouched.
pub fn actions(
    actions: Vec<Action>,
    ctx: &Context,
    exists: &dyn Fn(&str) -> bool,
) -> (Vec<Action>, ActionsReport) {
    let mut report = ActionsReport::default();
    let r = &mut report;
    let mut out = Vec::with_capacity(actions.len());
    for action in actions {
        let kept = match action {
            Action::Text { body } => {
                text_ok(&body, ctx, exists, r).map(|body| Action::Text { body })
            }
            Action::Image { url, caption } => Some(Action::Image {
                url,
                caption: optional_ok(caption, ctx, exists, r),
            }),
            Action::Product { product_id, body } => Some(Action::Product {
                product_id,
                body: optional_ok(body, ctx, exists, r),
            }),
            Action::Products {
                header,
                body,
                product_ids,
            } => match (
                text_ok(&header, ctx, exists, r),
                text_ok(&body, ctx, exists, r),
            ) {
                (Some(header), Some(body)) => Some(Action::Products {
                    header,
                    body,
                    product_ids,
                }),
                _ => None,
            },
            Action::Buttons {
                body,
                buttons,
                header,
                footer,
            } => text_ok(&body, ctx, exists, r).map(|body| {
                let buttons: Vec<_> = buttons
                    .into_iter()
                    .filter_map(|mut b| {
                        b.title = text_ok(&b.title, ctx, exists, r)?;
                        Some(b)
                    })
                    .collect();
                let header = optional_ok(header, ctx, exists, r);
                let footer = optional_ok(footer, ctx, exists, r);
                if buttons.is_empty() {
                    Action::Text { body }
                } else {
                    Action::Buttons {
                        body,
                        buttons,
                        header,
                        footer,
                    }
                }
            }),
            Action::List {
                body,
                button_label,
                sections,
                header,
                footer,
            } => text_ok(&body, ctx, exists, r).map(|body| {
                let sections: Vec<_> = sections
                    .into_iter()
                    .filter_map(|mut s| {
                        s.rows = std::mem::take(&mut s.rows)
                            .into_iter()
                            .filter_map(|mut row| {
                                row.title = text_ok(&row.title, ctx, exists, r)?;
                                if let Some(d) = row.description.take() {
                                    row.description = Some(text_ok(&d, ctx, exists, r)?);
                                }
                                Some(row)
                            })
                            .collect();
                        if s.rows.is_empty() {
                            return None;
                        }
                        // A section title is optional on WhatsApp with one section.
                        s.title = text_ok(&s.title, ctx, exists, r).unwrap_or_default();
                        Some(s)
                    })
                    .collect();
                let label_ok = text_ok(&button_label, ctx, exists, r);
                let header = optional_ok(header, ctx, exists, r);
                let footer = optional_ok(footer, ctx, exists, r);
                match label_ok {
                    Some(button_label) if !sections.is_empty() => Action::List {
                        body,
                        button_label,
                        sections,
                        header,
                        footer,
                    },
                    _ => Action::Text { body },
                }
            }),
            other => Some(other),
        };
        if let Some(a) = kept {
            out.push(a);
        }
    }
    (out, report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Availability;
    use crate::money::Money;

    fn product(id: &str, title: &str, price: i64, sale: Option<i64>) -> Product {
        Product {
            id: id.into(),
            title: title.into(),
            description: String::new(),
            brand: "tech".into(),
            category: "Laptops".into(),
            price: Money::new(price, "USD"),
            sale_price: sale.map(|s| Money::new(s, "USD")),
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

    #[test]
    fn finds_prices_in_three_languages_but_not_specs() {
        let q: Vec<i64> = quoted("The Zenbook is $999.00, the Studio US$ 549,00 and R$ 1.299,00")
            .iter()
            .map(|q| q.minor)
            .collect();
        assert_eq!(q, vec![99900, 54900, 129900]);
        assert!(quoted("a 14 inch laptop with 512GB and 4.50kg, rated 4.5").is_empty());
        assert_eq!(quoted("only 5 dollars")[0].minor, 500);
        assert_eq!(quoted("$1,299")[0].minor, 129900);
        assert!(quoted("model X-200 in 2024").is_empty());
    }

    #[test]
    fn correct_prices_pass_and_wrong_ones_are_corrected_or_flagged() {
        let ctx = Context {
            products: vec![
                product("TEC-0001", "Aero 14 Laptop - Silver", 99900, Some(89900)),
                product("TEC-0002", "Pulse Buds - Black", 4990, None),
            ],
            ..Context::default()
        };
        let exists = |id: &str| id.starts_with("TEC-000");
        let ok = check(
            "The Aero 14 Laptop is $899.00 (was $999.00).",
            &ctx,
            &exists,
        );
        assert!(ok.violations.is_empty() && ok.corrected == 0, "{ok:?}");

        let fixed = check(
            "The Aero 14 Laptop costs just $499.00! Pulse Buds are 49,90 reais.",
            &ctx,
            &exists,
        );
        assert_eq!(fixed.corrected, 1);
        assert!(fixed.violations.is_empty(), "{fixed:?}");
        assert_eq!(
            fixed.text,
            "The Aero 14 Laptop costs just $899.00! Pulse Buds are 49,90 reais."
        );

        let bad = check("We have a great deal at $19.99 today.", &ctx, &exists);
        assert_eq!(bad.violations.len(), 1, "{bad:?}");
        let ghost = check("Try the TEC-9999, it is great.", &ctx, &exists);
        assert_eq!(ghost.violations.len(), 1);
    }

    #[test]
    fn plugin_actions_keep_what_is_grounded_and_drop_the_rest() {
        use crate::chat::{Button, ListRow, ListSection};
        let ctx = Context {
            products: vec![product("TEC-0001", "Aero 14 Laptop - Silver", 99900, None)],
            ..Context::default()
        };
        let exists = |id: &str| id == "TEC-0001";
        let written = vec![
            Action::Text {
                body: "The Aero 14 Laptop is $999.00.".into(),
            },
            Action::Buttons {
                body: "Buy the Aero 14 Laptop?".into(),
                buttons: vec![
                    Button {
                        id: "add:TEC-0001".into(),
                        title: "Buy now $1.00".into(),
                    },
                    Button {
                        id: "more".into(),
                        title: "More".into(),
                    },
                ],
                header: None,
                footer: Some("Only $5.00 shipping".into()),
            },
            Action::List {
                body: "Deals".into(),
                button_label: "See".into(),
                sections: vec![ListSection {
                    title: "Deals".into(),
                    rows: vec![ListRow {
                        id: "r1".into(),
                        title: "Deal $2.99".into(),
                        description: None,
                    }],
                }],
                header: None,
                footer: None,
            },
            Action::Text {
                body: "Try TEC-9999".into(),
            },
            Action::Text {
                body: "Aero 14 Laptop for $10.00".into(),
            },
            Action::ClearCart,
        ];
        let (out, report) = actions(written, &ctx, &exists);
        assert_eq!(report.corrected, 1);
        // The button, the footer, the row, the ghost text.
        assert_eq!(report.refused, 4, "{report:?}");
        assert_eq!(out.len(), 5, "{out:?}");
        assert!(
            matches!(&out[1], Action::Buttons { buttons, footer: None, .. } if buttons.len() == 1 && buttons[0].title == "More")
        );
        assert_eq!(
            out[2],
            Action::Text {
                body: "Deals".into()
            }
        );
        assert_eq!(
            out[3],
            Action::Text {
                body: "Aero 14 Laptop for $999.00".into()
            }
        );
        assert_eq!(out[4], Action::ClearCart);
    }
}
