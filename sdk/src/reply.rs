//! Builders for reply [`Action`]s that always fit WhatsApp's limits, and
//! money formatting.
//!
//! Every builder truncates on character boundaries (adding `…`) instead of
//! failing, so a seller never produces an action the host must reject.
//!
//! ```
//! use agent_store_sdk::reply::{self, Buttons, List};
//! use agent_store_sdk::types::Action;
//! let a = Buttons::new("Want it?")
//!     .button("add:TEC-0010", "Add to cart")
//!     .button("more", "More options please, lots of them")
//!     .build();
//! assert!(reply::validate(&a).is_ok());
//! let l = List::new("Pick one", "Categories")
//!     .section("Shop")
//!     .row("cat:laptops", "Laptops", Some("Ultrabooks and everyday laptops"))
//!     .build();
//! assert!(matches!(l, Action::List(_)));
//! assert_eq!(reply::format_minor(8990, "USD", "en"), "$89.90");
//! assert_eq!(reply::format_minor(8990, "BRL", "pt"), "R$ 89,90");
//! assert_eq!(reply::format_minor(129_900, "USD", "es"), "US$ 1.299,00");
//! ```

use crate::types::*;

/// WhatsApp Cloud API limits, in characters.
pub mod limits {
    /// A text message body.
    pub const TEXT: usize = 4096;
    /// An interactive message body.
    pub const BODY: usize = 1024;
    /// Interactive header and footer text.
    pub const HEADER: usize = 60;
    /// Interactive footer text.
    pub const FOOTER: usize = 60;
    /// Reply buttons per message.
    pub const BUTTONS: usize = 3;
    /// A reply button's title.
    pub const BUTTON_TITLE: usize = 20;
    /// Button and row ids.
    pub const ID: usize = 256;
    /// Rows in a list message, over all sections.
    pub const LIST_ROWS: usize = 10;
    /// Sections in a list message.
    pub const LIST_SECTIONS: usize = 10;
    /// A list row title.
    pub const ROW_TITLE: usize = 24;
    /// A list row description.
    pub const ROW_DESCRIPTION: usize = 72;
    /// A list section title.
    pub const SECTION_TITLE: usize = 24;
    /// The label of the button that opens a list.
    pub const LIST_BUTTON: usize = 20;
    /// Products in a multi-product message.
    pub const PRODUCTS: usize = 30;
    /// An image caption.
    pub const CAPTION: usize = 1024;
}

/// At most `max` characters of `s` (trimmed), ending with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    out
}

/// At most `max` characters, cut without an ellipsis (for ids).
pub fn clip(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// A text message (≤ 4096 characters).
pub fn text(body: impl AsRef<str>) -> Action {
    Action::Text(truncate(body.as_ref(), limits::TEXT))
}

/// A single product card; the host renders price and stock.
pub fn product(product_id: &str, body: Option<&str>) -> Action {
    Action::Product(ProductCard {
        product_id: product_id.to_owned(),
        body: body
            .map(|b| truncate(b, limits::BODY))
            .filter(|b| !b.is_empty()),
    })
}

/// A multi-product message (≤ 30 distinct ids). With one id, a product card.
pub fn products(header: &str, body: &str, ids: &[String]) -> Action {
    let mut uniq: Vec<String> = Vec::new();
    for id in ids {
        if !uniq.contains(id) && uniq.len() < limits::PRODUCTS {
            uniq.push(id.clone());
        }
    }
    if uniq.len() == 1 {
        return product(&uniq[0], Some(body));
    }
    Action::Products(ProductList {
        header: truncate(header, limits::HEADER),
        body: truncate(body, limits::BODY),
        product_ids: uniq,
    })
}

/// Put a product in the cart.
pub fn add_to_cart(product_id: &str, quantity: u32) -> Action {
    Action::AddToCart(CartIntent {
        product_id: product_id.to_owned(),
        quantity: quantity.max(1),
    })
}

/// Turn the cart into an order.
pub fn place_order(note: Option<&str>) -> Action {
    Action::PlaceOrder(OrderIntent {
        note: note.map(|n| truncate(n, 512)),
    })
}

/// Take a product out of the cart (a no-op when it is not there).
pub fn remove_from_cart(product_id: &str) -> Action {
    Action::RemoveFromCart(product_id.to_owned())
}

/// Set a cart line's quantity (0 removes the line).
pub fn set_cart_quantity(product_id: &str, quantity: u32) -> Action {
    Action::SetCartQuantity(CartIntent {
        product_id: product_id.to_owned(),
        quantity,
    })
}

/// Empty the conversation's cart.
pub fn clear_cart() -> Action {
    Action::ClearCart
}

/// Hand the conversation to a human.
pub fn escalate(reason: EscalationReason, priority: Priority, summary: &str) -> Action {
    Action::Escalate(Escalation {
        reason,
        priority,
        summary: truncate(summary, 500),
    })
}

/// Hand the conversation to another brand's seller.
pub fn hand_off(brand: &str, reason: &str) -> Action {
    Action::HandOff(HandOff {
        brand: brand.to_owned(),
        reason: truncate(reason, 300),
    })
}

/// An image with an optional caption.
pub fn image(url: &str, caption: Option<&str>) -> Action {
    Action::Image(ImageReply {
        url: url.to_owned(),
        caption: caption.map(|c| truncate(c, limits::CAPTION)),
    })
}

/// Text with 1–3 reply buttons.
#[derive(Debug, Clone, Default)]
pub struct Buttons {
    body: String,
    buttons: Vec<Button>,
    header: Option<String>,
    footer: Option<String>,
}

impl Buttons {
    /// Start with a body (≤ 1024 characters).
    pub fn new(body: impl AsRef<str>) -> Self {
        Buttons {
            body: truncate(body.as_ref(), limits::BODY),
            ..Default::default()
        }
    }
    /// Add a button; beyond three, or a duplicate id, it is dropped.
    pub fn button(mut self, id: &str, title: &str) -> Self {
        let id = clip(id, limits::ID);
        if self.buttons.len() < limits::BUTTONS
            && !id.is_empty()
            && !self.buttons.iter().any(|b| b.id == id)
        {
            let t = truncate(title, limits::BUTTON_TITLE);
            let title = if t.is_empty() {
                truncate(&id, limits::BUTTON_TITLE)
            } else {
                t
            };
            self.buttons.push(Button { id, title });
        }
        self
    }
    /// A header line (≤ 60).
    pub fn header(mut self, h: &str) -> Self {
        self.header = Some(truncate(h, limits::HEADER)).filter(|h| !h.is_empty());
        self
    }
    /// A footer line (≤ 60).
    pub fn footer(mut self, f: &str) -> Self {
        self.footer = Some(truncate(f, limits::FOOTER)).filter(|f| !f.is_empty());
        self
    }
    /// Buttons, or plain text when no button was added.
    pub fn build(self) -> Action {
        if self.buttons.is_empty() {
            return Action::Text(self.body);
        }
        Action::Buttons(ButtonsReply {
            body: if self.body.is_empty() {
                "…".into()
            } else {
                self.body
            },
            buttons: self.buttons,
            header: self.header,
            footer: self.footer,
        })
    }
}

/// An interactive list (≤ 10 rows in all).
#[derive(Debug, Clone, Default)]
pub struct List {
    body: String,
    label: String,
    sections: Vec<ListSection>,
    header: Option<String>,
    footer: Option<String>,
}

impl List {
    /// A body and the label of the button that opens the list.
    pub fn new(body: impl AsRef<str>, button_label: &str) -> Self {
        List {
            body: truncate(body.as_ref(), limits::BODY),
            label: truncate(button_label, limits::LIST_BUTTON),
            ..Default::default()
        }
    }
    /// Start a new section.
    pub fn section(mut self, title: &str) -> Self {
        if self.sections.len() < limits::LIST_SECTIONS {
            self.sections.push(ListSection {
                title: truncate(title, limits::SECTION_TITLE),
                rows: vec![],
            });
        }
        self
    }
    fn rows(&self) -> usize {
        self.sections.iter().map(|s| s.rows.len()).sum()
    }
    /// Add a row to the current section (dropped beyond 10 rows or on a
    /// duplicate id).
    pub fn row(mut self, id: &str, title: &str, description: Option<&str>) -> Self {
        let id = clip(id, limits::ID);
        let dup = self
            .sections
            .iter()
            .flat_map(|s| &s.rows)
            .any(|r| r.id == id);
        if self.rows() >= limits::LIST_ROWS || dup || id.is_empty() {
            return self;
        }
        if self.sections.is_empty() {
            self = self.section("");
        }
        let title = truncate(title, limits::ROW_TITLE);
        let row = ListRow {
            title: if title.is_empty() {
                truncate(&id, limits::ROW_TITLE)
            } else {
                title
            },
            id,
            description: description
                .map(|d| truncate(d, limits::ROW_DESCRIPTION))
                .filter(|d| !d.is_empty()),
        };
        if let Some(s) = self.sections.last_mut() {
            s.rows.push(row);
        }
        self
    }
    /// A header line (≤ 60).
    pub fn header(mut self, h: &str) -> Self {
        self.header = Some(truncate(h, limits::HEADER)).filter(|h| !h.is_empty());
        self
    }
    /// A footer line (≤ 60).
    pub fn footer(mut self, f: &str) -> Self {
        self.footer = Some(truncate(f, limits::FOOTER)).filter(|f| !f.is_empty());
        self
    }
    /// The list, or plain text when it has no rows.
    pub fn build(mut self) -> Action {
        self.sections.retain(|s| !s.rows.is_empty());
        if self.sections.is_empty() {
            return Action::Text(self.body);
        }
        let n = self.sections.len();
        for (i, s) in self.sections.iter_mut().enumerate() {
            if n > 1 && s.title.is_empty() {
                s.title = format!("{}", i + 1);
            }
        }
        Action::List(ListReply {
            body: if self.body.is_empty() {
                "…".into()
            } else {
                self.body
            },
            button_label: if self.label.is_empty() {
                "Options".into()
            } else {
                self.label
            },
            sections: self.sections,
            header: self.header,
            footer: self.footer,
        })
    }
}

fn check(what: &str, s: &str, max: usize, errs: &mut Vec<String>) {
    let n = s.chars().count();
    if n > max {
        errs.push(format!("{what}: {n} characters > {max}"));
    }
}

/// Check an action against WhatsApp's limits; the error lists every
/// violation. The host runs the same kind of check.
pub fn validate(action: &Action) -> Result<(), String> {
    let mut e = Vec::new();
    match action {
        Action::Text(t) => {
            check("text", t, limits::TEXT, &mut e);
            if t.trim().is_empty() {
                e.push("text: empty".into());
            }
        }
        Action::Buttons(b) => {
            check("body", &b.body, limits::BODY, &mut e);
            if b.buttons.is_empty() || b.buttons.len() > limits::BUTTONS {
                e.push(format!("buttons: {} (1-3 allowed)", b.buttons.len()));
            }
            for x in &b.buttons {
                check("button title", &x.title, limits::BUTTON_TITLE, &mut e);
                check("button id", &x.id, limits::ID, &mut e);
            }
            if let Some(h) = &b.header {
                check("header", h, limits::HEADER, &mut e);
            }
            if let Some(f) = &b.footer {
                check("footer", f, limits::FOOTER, &mut e);
            }
        }
        Action::List(l) => {
            check("body", &l.body, limits::BODY, &mut e);
            check("list button", &l.button_label, limits::LIST_BUTTON, &mut e);
            let rows: usize = l.sections.iter().map(|s| s.rows.len()).sum();
            if rows == 0 || rows > limits::LIST_ROWS {
                e.push(format!("list rows: {rows} (1-10 allowed)"));
            }
            for s in &l.sections {
                check("section title", &s.title, limits::SECTION_TITLE, &mut e);
                for r in &s.rows {
                    check("row title", &r.title, limits::ROW_TITLE, &mut e);
                    check("row id", &r.id, limits::ID, &mut e);
                    if let Some(d) = &r.description {
                        check("row description", d, limits::ROW_DESCRIPTION, &mut e);
                    }
                }
            }
            if let Some(h) = &l.header {
                check("header", h, limits::HEADER, &mut e);
            }
            if let Some(f) = &l.footer {
                check("footer", f, limits::FOOTER, &mut e);
            }
        }
        Action::Products(p) => {
            check("header", &p.header, limits::HEADER, &mut e);
            check("body", &p.body, limits::BODY, &mut e);
            if p.product_ids.is_empty() || p.product_ids.len() > limits::PRODUCTS {
                e.push(format!("products: {} (1-30 allowed)", p.product_ids.len()));
            }
        }
        Action::Product(p) => {
            if let Some(b) = &p.body {
                check("body", b, limits::BODY, &mut e);
            }
        }
        Action::Image(i) => {
            if let Some(c) = &i.caption {
                check("caption", c, limits::CAPTION, &mut e);
            }
        }
        Action::AddToCart(c) if c.quantity == 0 => e.push("quantity: 0".into()),
        Action::AddToCart(c) | Action::SetCartQuantity(c)
            if c.quantity > crate::MAX_CART_QUANTITY =>
        {
            e.push(format!(
                "quantity: {} (at most {})",
                c.quantity,
                crate::MAX_CART_QUANTITY
            ))
        }
        _ => {}
    }
    if e.is_empty() {
        Ok(())
    } else {
        Err(e.join("; "))
    }
}

/// Format an amount in minor units for the customer's language, with the
/// currency's ISO 4217 decimals: `$1,299.00` (en), `US$ 1.299,00` (pt/es),
/// `R$ 89,90` (BRL), `¥1,500` (JPY). The same formatter as the host's
/// ([`agent_store_lang::money::format_minor`]).
pub fn format_minor(minor: i64, currency: &str, lang: &str) -> String {
    agent_store_lang::money::format_minor(minor, currency, lang)
}

/// [`format_minor`] for a [`Money`].
pub fn money(m: &Money, lang: &str) -> String {
    format_minor(m.minor_units, &m.currency, lang)
}

/// One line of a cart or order summary, the same everywhere (the cart, the
/// checkout summary and the host's order confirmation):
/// `• 1× Title — $10.00`, and with more than one unit the sum spelled out,
/// `• 2× Title — 2 × $10.00 = $20.00`, so the figures a customer sees always
/// add up to the total below them.
pub fn cart_line(quantity: u32, title: &str, unit: &Money, lang: &str) -> String {
    if quantity <= 1 {
        return format!("• {quantity}× {title} — {}", money(unit, lang));
    }
    let line_total = unit.minor_units.saturating_mul(i64::from(quantity));
    format!(
        "• {quantity}× {title} — {quantity} × {} = {}",
        money(unit, lang),
        format_minor(line_total, &unit.currency, lang)
    )
}

/// The price a customer pays now (the sale price when on sale).
pub fn effective_price(p: &Product) -> &Money {
    p.sale_price.as_ref().unwrap_or(&p.price)
}

/// "$399.20 (was $499.00)" / "US$ 399,20 (antes US$ 499,00)".
pub fn price_label(p: &Product, lang: &str) -> String {
    match &p.sale_price {
        Some(s) if s.minor_units < p.price.minor_units => {
            let was = match lang {
                "pt" => "antes",
                "es" => "antes",
                _ => "was",
            };
            format!("{} ({was} {})", money(s, lang), money(&p.price, lang))
        }
        _ => money(&p.price, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cart_lines_add_up() {
        let unit = Money {
            minor_units: 8990,
            currency: "BRL".into(),
        };
        assert_eq!(cart_line(1, "Tênis", &unit, "pt"), "• 1× Tênis — R$ 89,90");
        assert_eq!(
            cart_line(3, "Tênis", &unit, "pt"),
            "• 3× Tênis — 3 × R$ 89,90 = R$ 269,70"
        );
        let usd = Money {
            minor_units: 25990,
            currency: "USD".into(),
        };
        assert_eq!(
            cart_line(3, "Headset", &usd, "en"),
            "• 3× Headset — 3 × $259.90 = $779.70"
        );
    }

    #[test]
    fn truncates_on_char_boundaries() {
        assert_eq!(truncate("ação rápida demais", 8), "ação rá…");
        assert_eq!(truncate("short", 20), "short");
        assert_eq!(truncate("Adicionar ao carrinho", 20).chars().count(), 20);
    }

    #[test]
    fn builders_respect_limits() {
        let long = "x".repeat(5000);
        let b = Buttons::new(&long)
            .button("a", &long)
            .button("b", "B")
            .button("c", "C")
            .button("d", "D")
            .header(&long)
            .footer(&long)
            .build();
        validate(&b).unwrap();
        if let Action::Buttons(b) = &b {
            assert_eq!(b.buttons.len(), 3);
        }
        let mut l = List::new(&long, &long).section(&long);
        for i in 0..15 {
            l = l.row(&format!("r{i}"), &long, Some(&long));
        }
        let l = l.build();
        validate(&l).unwrap();
        validate(&text(&long)).unwrap();
        let ids: Vec<String> = (0..40).map(|i| format!("P{i}")).collect();
        validate(&products(&long, &long, &ids)).unwrap();
        assert!(matches!(Buttons::new("x").build(), Action::Text(_)));
    }

    #[test]
    fn formats_money() {
        assert_eq!(format_minor(8990, "USD", "en"), "$89.90");
        assert_eq!(format_minor(8990, "USD", "pt"), "US$ 89,90");
        assert_eq!(format_minor(8990, "BRL", "pt"), "R$ 89,90");
        assert_eq!(format_minor(119_880, "USD", "en"), "$1,198.80");
        assert_eq!(format_minor(100_000_000, "USD", "en"), "$1,000,000.00");
        assert_eq!(format_minor(5, "EUR", "es"), "0,05 €");
        assert_eq!(format_minor(-150, "USD", "en"), "-$1.50");
    }
}
