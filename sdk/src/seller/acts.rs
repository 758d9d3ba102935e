//! The seller kit's answers to the dialogue acts ([`crate::dialogue::Act`]):
//! references resolved against the offered list and the cart, cart edits,
//! comparisons and refinements of the current list.

use super::{Ctx, is_buyable};
use crate::dialogue::{Act, Offered, Refinement, Sort, Target, is_variant, title_score};
use crate::i18n::{self, Msg, tr};
use crate::reply::{self, Buttons};
use crate::text;
use crate::types::*;

/// Most units of one product in a cart line, whatever the stock says.
pub const MAX_LINE_QUANTITY: u64 = crate::MAX_CART_QUANTITY as u64;

/// Why a reference did not resolve.
enum Miss {
    /// Nothing was offered yet.
    NothingShown,
    /// "The 7th one" after three.
    Position(i32, usize),
    /// No offered product matches.
    NoMatch,
}

impl Ctx<'_> {
    /// Answer an act; `None` leaves the turn to the search path.
    pub(super) fn act(&mut self, act: Act, raw: &str) -> Option<Vec<Action>> {
        Some(match act {
            Act::Add {
                target,
                quantity,
                buy,
                then_checkout,
            } => self.add_ref(&target, quantity, buy, then_checkout),
            Act::Remove(target) => self.remove(&target),
            Act::SetQuantity(target, q) => self.set_quantity(&target, q),
            Act::ClearCart => self.clear(Msg::CartCleared),
            Act::Cancel => {
                self.st.constraints = Default::default();
                self.clear(Msg::Cancelled)
            }
            Act::ShowCart => self.show_cart(),
            Act::Checkout => self.checkout(),
            Act::Compare(a, b) => self.compare(&a, &b),
            Act::PriceOf(target) => self.price_question(target.as_ref()),
            Act::More => self.more(),
            Act::Refine(r) => self.refine(&r, raw),
            Act::Search(_) | Act::Unclear => return None,
        })
    }

    fn resolve(&self, t: &Target) -> Result<String, Miss> {
        let offered = &self.st.offered;
        let first = || offered.first().map(|o| o.id.clone());
        let pick = |o: Option<&Offered>| o.map(|o| o.id.clone()).ok_or(Miss::NoMatch);
        match t {
            Target::Focus => self
                .st
                .focus
                .clone()
                .or_else(first)
                .ok_or(Miss::NothingShown),
            _ if offered.is_empty() => Err(Miss::NothingShown),
            Target::Position(p) => {
                let i = if *p < 0 {
                    offered.len().checked_sub(1)
                } else {
                    usize::try_from(*p).ok().and_then(|p| p.checked_sub(1))
                };
                i.and_then(|i| offered.get(i))
                    .map(|o| o.id.clone())
                    .ok_or(Miss::Position(*p, offered.len()))
            }
            Target::Price(m) => pick(offered.iter().find(|o| (o.price_minor - m).abs() <= 1)),
            Target::Color(c) => pick(
                offered
                    .iter()
                    .find(|o| is_variant(&o.title, o.color.as_deref(), c)),
            ),
            Target::Size(s) => pick(
                offered
                    .iter()
                    .find(|o| is_variant(&o.title, o.size.as_deref(), s)),
            ),
            Target::Cheapest => pick(offered.iter().min_by_key(|o| o.price_minor)),
            Target::Named(words) => pick(
                offered
                    .iter()
                    .map(|o| (title_score(&o.title, words), o))
                    .filter(|(s, _)| *s >= 0.5)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, o)| o),
            ),
        }
    }

    fn miss(&self, m: Miss) -> Vec<Action> {
        match m {
            Miss::NothingShown => vec![reply::text(self.t(Msg::NothingShownYet))],
            Miss::Position(p, count) => {
                let body = tr(
                    self.lang,
                    Msg::NoSuchPosition,
                    &[("position", &p.to_string()), ("count", &count.to_string())],
                );
                self.offered_buttons(body)
            }
            Miss::NoMatch => self.offered_buttons(self.t(Msg::WhichOne)),
        }
    }

    /// A body with add buttons for the first offered items.
    fn offered_buttons(&self, body: String) -> Vec<Action> {
        let mut b = Buttons::new(body);
        for (i, o) in self.st.offered.iter().take(3).enumerate() {
            b = b.button(
                &format!("add:{}", o.id),
                &reply::clip(&format!("{}. {}", i + 1, o.title), 20),
            );
        }
        vec![b.build()]
    }

    /// How many of `p` one cart line may hold.
    fn max_quantity(p: &Product) -> u64 {
        match p.quantity {
            Some(q) if q > 0 => u64::from(q).min(MAX_LINE_QUANTITY),
            _ => MAX_LINE_QUANTITY,
        }
    }

    /// A refusal when `q` cannot be put in a line of `p`.
    fn check_quantity(&self, p: &Product, q: u64) -> Option<Vec<Action>> {
        if q == 0 {
            return Some(vec![reply::text(self.t(Msg::QuantityInvalid))]);
        }
        let max = Self::max_quantity(p);
        (q > max).then(|| {
            vec![reply::text(tr(
                self.lang,
                Msg::QuantityTooLarge,
                &[("max", &max.to_string())],
            ))]
        })
    }

    fn cart_lines(&self) -> Vec<CartLine> {
        self.host.cart().map(|c| c.lines).unwrap_or_default()
    }

    fn add_ref(
        &mut self,
        target: &Target,
        quantity: Option<u64>,
        buy: bool,
        then_checkout: bool,
    ) -> Vec<Action> {
        let id = match self.resolve(target) {
            Ok(id) => id,
            Err(m) => return self.miss(m),
        };
        let in_cart = self.cart_lines().iter().any(|l| l.product_id == id);
        if buy && in_cart && quantity.is_none() {
            return self.checkout();
        }
        if let Some(q) = quantity
            && in_cart
        {
            return self.set_quantity(&Target::Focus, q);
        }
        let q = quantity.unwrap_or(1);
        if let Ok(Some(p)) = self.host.product(&id)
            && let Some(refusal) = self.check_quantity(&p, q)
        {
            return refusal;
        }
        let q = u32::try_from(q).unwrap_or(1);
        let mut out = self.add(&id, q);
        if then_checkout && out.iter().any(|a| matches!(a, Action::AddToCart(_))) {
            out.retain(|a| matches!(a, Action::AddToCart(_)));
            out.push(reply::text(self.t(Msg::OrderPlaced)));
            out.push(reply::place_order(None));
        }
        out
    }

    /// The cart line a target names: by product words among the cart's
    /// titles, else the offered product it names when it is in the cart,
    /// else the only line.
    fn cart_line_for(&self, target: &Target, lines: &[CartLine]) -> Option<CartLine> {
        // A line is named only when every product word is in its title:
        // "remove the mouse pad" must never take the mouse out.
        if let Target::Named(words) = target
            && let Some(l) = lines.iter().find(|l| title_score(&l.title, words) >= 0.99)
        {
            return Some(l.clone());
        }
        if !matches!(target, Target::Named(_))
            && let Ok(id) = self.resolve(target)
            && let Some(l) = lines.iter().find(|l| l.product_id == id)
        {
            return Some(l.clone());
        }
        if let Target::Named(words) = target {
            // Words the titles do not carry ("alfombrilla"): the catalog
            // search knows its synonyms; the best hit in the cart wins.
            let q = words.join(" ");
            let expanded = crate::lexicon::expand_query(&q);
            // Only the best hit counts: a weaker one in the cart is not it.
            let hits = self.search(
                &format!("{q} {expanded}"),
                &text::Constraints::default(),
                false,
                5,
            );
            return hits
                .first()
                .and_then(|p| lines.iter().find(|l| l.product_id == p.id))
                .cloned();
        }
        (lines.len() == 1 && *target == Target::Focus).then(|| lines[0].clone())
    }

    fn remove(&mut self, target: &Target) -> Vec<Action> {
        let lines = self.cart_lines();
        let Some(line) = self.cart_line_for(target, &lines) else {
            return vec![reply::text(self.t(Msg::NotInCart))];
        };
        let body = tr(self.lang, Msg::Removed, &[("product", &line.title)]);
        vec![
            reply::remove_from_cart(&line.product_id),
            self.cart_buttons(body),
        ]
    }

    fn set_quantity(&mut self, target: &Target, q: u64) -> Vec<Action> {
        let lines = self.cart_lines();
        let Some(line) = self.cart_line_for(target, &lines) else {
            // Not in the cart yet: "make it 3" means three of it.
            return self.add_ref(target, Some(q), false, false);
        };
        if let Ok(Some(p)) = self.host.product(&line.product_id)
            && let Some(refusal) = self.check_quantity(&p, q)
        {
            return refusal;
        }
        let q32 = u32::try_from(q).unwrap_or(1);
        self.st.focus = Some(line.product_id.clone());
        let body = tr(
            self.lang,
            Msg::QuantitySet,
            &[("product", &line.title), ("quantity", &q32.to_string())],
        );
        vec![
            reply::set_cart_quantity(&line.product_id, q32),
            self.cart_buttons(body),
        ]
    }

    fn cart_buttons(&self, body: String) -> Action {
        Buttons::new(body)
            .button("checkout", i18n::t(self.lang, Msg::ButtonCheckout))
            .button("keep", i18n::t(self.lang, Msg::ButtonKeepShopping))
            .build()
    }

    fn clear(&mut self, msg: Msg) -> Vec<Action> {
        vec![reply::clear_cart(), reply::text(self.t(msg))]
    }

    fn compare(&mut self, a: &Target, b: &Target) -> Vec<Action> {
        let (a, b) = match (self.resolve(a), self.resolve(b)) {
            (Ok(a), Ok(b)) if a != b => (a, b),
            (Err(m), _) | (_, Err(m)) => return self.miss(m),
            _ => return self.miss(Miss::NoMatch),
        };
        let mut lines = vec![self.t(Msg::Compare)];
        let mut buttons = Vec::new();
        for (i, id) in [a, b].iter().enumerate() {
            let Ok(Some(p)) = self.host.product(id) else {
                return self.miss(Miss::NoMatch);
            };
            // Title (it carries colour and size) and price: the catalog's
            // descriptions are in its own language, not the customer's.
            lines.push(format!(
                "{}. {} — {}{}",
                i + 1,
                p.title,
                reply::price_label(&p, self.lang),
                self.stock_note(&p),
            ));
            if is_buyable(&p) {
                buttons.push((
                    format!("add:{}", p.id),
                    reply::clip(&format!("{}. {}", i + 1, p.title), 20),
                ));
            }
        }
        let mut b = Buttons::new(lines.join("\n"));
        for (id, title) in &buttons {
            b = b.button(id, title);
        }
        vec![b.build()]
    }

    fn price_question(&mut self, target: Option<&Target>) -> Vec<Action> {
        if let Some(t) = target {
            return match self.resolve(t) {
                Ok(id) => self.price_of(&id),
                Err(m) => self.miss(m),
            };
        }
        if self.st.offered.len() <= 1 {
            return match self.resolve(&Target::Focus) {
                Ok(id) => self.price_of(&id),
                Err(m) => self.miss(m),
            };
        }
        let lines: Vec<String> = self
            .st
            .offered
            .iter()
            .enumerate()
            .map(|(i, o)| {
                format!(
                    "{}. {} — {}",
                    i + 1,
                    o.title,
                    reply::format_minor(o.price_minor, &o.currency, self.lang)
                )
            })
            .collect();
        self.offered_buttons(lines.join("\n"))
    }

    /// Refine the current list: keep every active constraint, change what
    /// the customer changed, sort as asked.
    fn refine(&mut self, r: &Refinement, raw: &str) -> Vec<Action> {
        let focus = self
            .st
            .focus
            .clone()
            .and_then(|id| self.host.product(&id).ok().flatten());
        let mut cons = self.st.constraints.clone();
        if r.color.is_some() {
            cons.color = r.color.clone();
        }
        if r.size.is_some() {
            cons.size = r.size.clone();
        }
        if r.max_price_minor.is_some() {
            cons.max_price_minor = r.max_price_minor;
        }
        if r.min_price_minor.is_some() {
            cons.min_price_minor = r.min_price_minor;
        }
        if r.sort == Some(Sort::Cheaper)
            && let Some(f) = &focus
        {
            let below = reply::effective_price(f).minor_units - 1;
            cons.max_price_minor = Some(cons.max_price_minor.map_or(below, |m| m.min(below)));
        }
        let query = if self.st.query.is_empty() {
            raw.to_owned()
        } else {
            self.st.query.clone()
        };
        // A variant (colour, size, other colour) is first looked for in the
        // product line in focus ("Nexus 5 Wireless Controller").
        let variant = r.color.is_some() || r.size.is_some() || r.other_color || r.other_size;
        let mut found = Vec::new();
        if variant && let Some(f) = &focus {
            let line = super::line_of(&f.title).to_owned();
            // The line's variants by their fields or titles, whatever column
            // the catalog put the colour in.
            found = self.line_products(&line, &cons, r.sort);
            if r.other_color {
                found.retain(|p| p.color != f.color);
            }
            if r.other_size {
                found.retain(|p| p.size != f.size);
            }
            if found.is_empty()
                && (r.color.is_some() || r.size.is_some())
                && let Some(sold) = self.sold_out_in_line(f, &cons)
                && let Some(out) = self.sold_out_with_variants(&sold, &cons)
            {
                // The colour / size asked for exists but is sold out: say
                // so and offer what the line still has.
                return out;
            }
        }
        let similar = r.sort == Some(Sort::Similar) && focus.is_some();
        if similar && let Some(f) = &focus {
            found = self.similar(f, &cons);
        }
        if found.is_empty() && !similar {
            found = self.listing(&query, &cons, r.sort);
        }
        if matches!(r.sort, Some(Sort::Similar | Sort::Cheaper))
            && let Some(f) = &focus
        {
            found.retain(|p| p.id != f.id);
        }
        if found.is_empty() {
            return match (r.sort, &focus) {
                (Some(Sort::Cheaper | Sort::Cheapest), Some(f)) => vec![reply::text(tr(
                    self.lang,
                    Msg::NothingCheaper,
                    &[("product", &f.title)],
                ))],
                (Some(Sort::Similar), Some(_)) => self.categories_reply(&self.t(Msg::NoMore)),
                _ => self.nothing_found(&cons, raw),
            };
        }
        self.st.constraints = cons;
        self.st.query = match (&focus, similar) {
            (Some(f), true) => super::kind_of(f).to_owned(),
            _ => query,
        };
        self.present_list(found, raw)
    }
}
