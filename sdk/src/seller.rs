//! The seller kit: a deterministic, catalog-grounded conversation engine
//! that a brand configures with a [`SellerConfig`] (persona, greetings,
//! categories, cross-sell hints) instead of writing one from scratch.
//!
//! ```
//! use agent_store_sdk::prelude::*;
//! use agent_store_sdk::seller::{Category, SellerConfig};
//!
//! const CONFIG: SellerConfig = SellerConfig {
//!     categories: &[Category { key: "shoes", labels: ["Shoes", "Sapatos", "Zapatos"], query: "shoes sneakers" }],
//!     ..SellerConfig::new("fashion", "Luna", "Moda Viva")
//! };
//!
//! pub struct Fashion;
//! impl Seller for Fashion {
//!     fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
//!         CONFIG.handle_turn(host, turn)
//!     }
//! }
//! agent_store_sdk::export_seller!(Fashion);
//! ```
//!
//! # Behaviour per turn
//!
//! * greeting only → persona greeting with category buttons (`cat:<key>`);
//! * a product question → [`Host::search`] with the customer's words, the
//!   catalog's English words for pt/es terms ([`lexicon::expand_query`]) and
//!   the price / colour / size bounds parsed by [`text::extract_constraints`];
//!   the reply is a short text (phrased by the LLM when [`Host::chat`] works,
//!   checked so it quotes only catalog prices, else a template), a
//!   `products` list or `product` card, and buttons `add:<product-id>`,
//!   `more` and `checkout`/`human`;
//! * button `add:<id>` (or "add it" / "quero esse") → [`Action::AddToCart`]
//!   plus a cross-sell suggestion; `view:<id>` → product card; `more` → the
//!   next results; `cat:<key>` → that category; `checkout` → place the order;
//!   `human` → escalate;
//! * "checkout" / "finalizar" / "comprar" with a non-empty cart →
//!   [`Action::PlaceOrder`]; with an empty cart → suggestions;
//! * a request for a human, a complaint, a refund, anger, a payment problem
//!   → [`Action::Escalate`] with reason and priority;
//! * a message about another brand's products → [`Action::HandOff`];
//! * nothing found, or a message the templates cannot place → the LLM with
//!   the host's tools when available ([`crate::tools`]: its cart, order,
//!   escalation and hand-off effects become actions), else a clarifying
//!   question and a category list; after [`SellerConfig::max_misses`] such
//!   turns in a row → escalate;
//! * checkout of a cart worth [`SellerConfig::high_value_minor`] or more →
//!   the order plus an escalation (`high-value-cart`);
//! * follow-ups without product words ("how much is it?", "tem em azul?",
//!   "more options") reuse the last search and shown products.
//!
//! Follow-ups are read over the conversation's [`DialogueState`] (see
//! [`crate::dialogue`]): references to what was offered ("the second one",
//! "el de 39,90", "the blue one", "esse"), quantities ("I want 2 of them"),
//! cart edits ("tira o mousepad", "vacía el carrito"), refinements of the
//! current list that keep every stated constraint ("o mais barato",
//! "anything cheaper?", "tem em vermelho?"), comparisons and checkout in
//! its many phrasings. Only buyable products are offered as cards or
//! buttons; prices above a stated budget never are.
//!
//! # State keys (through [`Host::set_state`])
//!
//! `dialogue` ([`DialogueState`] as JSON) and `lang` (en/pt/es, read by the
//! host when an order is placed in a conversation whose language it never
//! detected).

mod acts;

use crate::Host;
use crate::dialogue::{self, Act, DialogueState, Sort};
use crate::i18n::{self, Msg, brand_label, tr};
use crate::intent::Signals;
use crate::lexicon::{self, BrandLexicon};
use crate::reply::{self, Buttons, List};
use crate::text;
use crate::types::*;

/// A shop category offered in greetings and when nothing is found.
#[derive(Debug, Clone, Copy)]
pub struct Category {
    /// Stable key; the list row / button id is `cat:<key>`.
    pub key: &'static str,
    /// Label in en, pt, es (≤ 20 characters to fit a button).
    pub labels: [&'static str; 3],
    /// Search text (catalog words) for this category.
    pub query: &'static str,
}

/// "When a product of this category goes into the cart, suggest this."
#[derive(Debug, Clone, Copy)]
pub struct CrossSell {
    /// Matched (case-insensitively) against the product's category path.
    pub when: &'static str,
    /// Search text for the suggestion.
    pub suggest: &'static str,
}

/// How a brand's seller behaves. Build it with [`SellerConfig::new`] and
/// struct-update syntax.
#[derive(Debug, Clone, Copy)]
pub struct SellerConfig {
    /// The catalog brand key this seller sells ("tech").
    pub brand: &'static str,
    /// The persona's name ("Max").
    pub name: &'static str,
    /// The shop's display name ("Nova Tech").
    pub display_name: &'static str,
    /// Greeting in en, pt, es; `{name}` and `{brand}` are filled. Empty →
    /// the default greeting.
    pub greetings: [&'static str; 3],
    /// Categories, most important first (the first three become buttons).
    pub categories: &'static [Category],
    /// Cross-sell hints.
    pub cross_sell: &'static [CrossSell],
    /// Extra weighted words for this brand (same format as
    /// [`lexicon::BrandLexicon::tiers`]) so its own jargon is never handed off.
    pub vocabulary: &'static [(f32, &'static str)],
    /// Products shown per answer (1–10).
    pub max_results: usize,
    /// Ask the host LLM to phrase answers when it is available.
    pub use_llm: bool,
    /// Minimum lexicon score of another brand (and at least twice ours)
    /// before handing off.
    pub hand_off_threshold: f32,
    /// A cart worth at least this (minor units) is ordered and escalated
    /// to a human to confirm (`high-value-cart`). 0 = never.
    pub high_value_minor: i64,
    /// Consecutive turns not understood before escalating to a human.
    pub max_misses: u32,
}

impl SellerConfig {
    /// Defaults for a brand and persona.
    pub const fn new(brand: &'static str, name: &'static str, display_name: &'static str) -> Self {
        SellerConfig {
            brand,
            name,
            display_name,
            greetings: ["", "", ""],
            categories: &[],
            cross_sell: &[],
            vocabulary: &[],
            max_results: 6,
            use_llm: true,
            hand_off_threshold: 2.0,
            high_value_minor: 100_000,
            max_misses: 3,
        }
    }

    /// Answer one turn. Never panics; host failures degrade to templates.
    pub fn handle_turn(&self, host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
        let mut ctx = Ctx {
            cfg: self,
            host,
            turn,
            lang: "en",
            st: DialogueState::load(host),
        };
        let actions = ctx.run();
        ctx.st.save(host);
        Ok(actions)
    }
}

struct Ctx<'a> {
    cfg: &'a SellerConfig,
    host: &'a dyn Host,
    turn: &'a Turn,
    lang: &'static str,
    /// The conversation's dialogue state, saved after the turn.
    st: DialogueState,
}

/// Whether a product can be bought now (in stock, to order, pre-order),
/// and the catalog does not say none are left to sell (a quantity of 0,
/// which the host's stock check refuses at checkout).
fn is_buyable(p: &Product) -> bool {
    !matches!(
        p.availability,
        Availability::OutOfStock | Availability::Discontinued
    ) && p.quantity != Some(0)
}

/// The product line a variant belongs to: "Floral Midi Dress" of
/// "Floral Midi Dress - Pink / M" (the whole title when it names no variant).
fn line_of(title: &str) -> &str {
    title.split(" - ").next().unwrap_or(title).trim()
}

/// The kind of product `p` is: the last step of its category path
/// ("Dresses" of "Clothing > Dresses").
fn kind_of(p: &Product) -> &str {
    p.category.rsplit('>').next().unwrap_or("").trim()
}

/// Whether `p` is the colour and size of `c` (by field or title) and
/// within its price bounds.
fn variant_ok(p: &Product, c: &dialogue::Constraints) -> bool {
    let price = reply::effective_price(p).minor_units;
    c.max_price_minor.is_none_or(|m| price <= m)
        && c.min_price_minor.is_none_or(|m| price >= m)
        && c.color
            .as_deref()
            .is_none_or(|w| dialogue::is_variant(&p.title, p.color.as_deref(), w))
        && c.size
            .as_deref()
            .is_none_or(|w| dialogue::is_variant(&p.title, p.size.as_deref(), w))
}

/// Whether `p` satisfies the stated constraints (price at the price the
/// customer pays, colour and size as the catalog writes them).
fn within(p: &Product, c: &dialogue::Constraints) -> bool {
    let price = reply::effective_price(p).minor_units;
    let norm = |s: &str| text::normalize(s);
    c.max_price_minor.is_none_or(|m| price <= m)
        && c.min_price_minor.is_none_or(|m| price >= m)
        && c.color.as_deref().is_none_or(|want| {
            p.color
                .as_deref()
                .is_some_and(|have| norm(have).contains(&norm(want)))
        })
        && c.size.as_deref().is_none_or(|want| {
            p.size
                .as_deref()
                .is_some_and(|have| norm(have) == norm(want))
        })
}

impl Ctx<'_> {
    fn t(&self, m: Msg) -> String {
        i18n::t(self.lang, m).to_owned()
    }

    fn log(&self, level: LogLevel, msg: &str) {
        self.host
            .log(level, &format!("seller-{}: {msg}", self.cfg.brand));
    }

    fn remember(&self, key: &str, value: &str) {
        if let Err(e) = self.host.set_state(key, value) {
            self.log(LogLevel::Warn, &format!("set_state {key} failed: {e:?}"));
        }
    }

    /// The reply language: the host's (sticky, from what the customer
    /// wrote), else the same sticky rule over the dialogue state. A tapped
    /// button never changes it.
    fn pick_language(&mut self, text: &str, from_choice: bool) {
        let known = match self.st.language.as_str() {
            "" => "",
            l => i18n::lang(l),
        };
        let chosen = if !self.turn.language.is_empty() {
            i18n::lang(&self.turn.language)
        } else if from_choice {
            known
        } else {
            text::sticky_language(known, text)
        };
        if chosen.is_empty() {
            // No clear language yet ("mousepad", "🙂"): this turn leans on
            // the message's weak evidence or the number's country, without
            // making it the conversation's language.
            let wa_id = &self.turn.customer.wa_id;
            let guess = if from_choice {
                dialogue::prior::language_of_number(wa_id)
            } else {
                dialogue::prior::tentative_language(text, wa_id)
            };
            self.lang = if guess.is_empty() { "en" } else { guess };
            // What the order is stored with if the customer never shows one.
            self.remember("lang", self.lang);
            return;
        }
        self.lang = chosen;
        if chosen != known {
            self.st.language = chosen.to_owned();
            self.remember("lang", chosen);
        }
    }

    fn run(&mut self) -> Vec<Action> {
        let (text, choice): (String, Option<String>) = match &self.turn.message.content {
            MessageContent::Text(t) => (t.clone(), None),
            MessageContent::ButtonReply(c) | MessageContent::ListReply(c) => {
                (c.title.clone(), Some(c.id.clone()))
            }
            MessageContent::Image(caption) => (caption.clone(), None),
            MessageContent::Audio(Some(t)) => (t.clone(), None),
            MessageContent::Audio(None) => {
                self.pick_language("", false);
                return vec![reply::text(self.t(Msg::AskToType))];
            }
            MessageContent::Order(lines) => {
                self.pick_language("", false);
                return self.catalog_order(lines);
            }
            MessageContent::Location(_) | MessageContent::Unsupported(_) => {
                self.pick_language("", false);
                return vec![reply::text(self.t(Msg::Fallback))];
            }
        };
        self.pick_language(&text, choice.is_some());
        if let Some(id) = choice
            && let Some(actions) = self.choice(&id)
        {
            return actions;
        }
        self.free_text(&text)
    }

    fn choice(&mut self, id: &str) -> Option<Vec<Action>> {
        let (verb, arg) = id.split_once(':').unwrap_or((id, ""));
        Some(match verb {
            "add" => self.add(arg, 1),
            "view" => self.view(arg),
            "more" => self.more(),
            "checkout" => self.checkout(),
            "human" => self.escalate(
                EscalationReason::CustomerRequest,
                Priority::Medium,
                "Customer tapped 'talk to a human'",
            ),
            "cat" => {
                let cat = self.cfg.categories.iter().find(|c| c.key == arg)?;
                self.search_and_present(cat.query, &text::Constraints::default(), cat.query, None)
            }
            "keep" | "menu" => self.categories_reply(&self.t(Msg::Categories)),
            _ => return None,
        })
    }

    fn free_text(&mut self, raw: &str) -> Vec<Action> {
        // A 4,096-character message is read by its head: the whole of it
        // would spend the turn's budget on noise.
        let clipped: String = raw.chars().take(dialogue::MAX_READ_CHARS).collect();
        let raw = clipped.as_str();
        let sig = Signals::of(raw);
        let n = text::normalize(raw);
        if n.is_empty() {
            // Empty or emoji only: say what works, keep everything.
            if raw.trim().is_empty() && self.st.offered.is_empty() {
                return self.greeting();
            }
            return vec![reply::text(self.t(Msg::Help))];
        }
        if sig.human {
            return self.escalate(EscalationReason::CustomerRequest, Priority::Medium, raw);
        }
        if sig.payment {
            return self.escalate(EscalationReason::PaymentIssue, Priority::High, raw);
        }
        if sig.angry {
            return self.escalate(EscalationReason::NegativeSentiment, Priority::Urgent, raw);
        }
        if sig.complaint || sig.refund {
            return self.escalate(EscalationReason::Complaint, Priority::High, raw);
        }
        if sig.order_status {
            return self.order_status();
        }
        let mut act = dialogue::read(raw, self.lang, &self.st);
        if matches!(act, Act::Search(None) | Act::Unclear)
            && !self.st.offered.is_empty()
            && let Some(r) = self.line_variant(raw)
        {
            act = Act::Refine(r);
        }
        self.log(LogLevel::Debug, &format!("dialogue act: {act:?}"));
        let sort = match &act {
            Act::Search(sort) => *sort,
            _ => None,
        };
        let unclear = act == Act::Unclear;
        if let Some(actions) = self.act(act, raw) {
            self.st.misses = 0;
            return actions;
        }
        if sig.is_small_talk() || (unclear && (sig.greeting || sig.thanks || sig.goodbye)) {
            if sig.greeting {
                return self.greeting();
            }
            if sig.goodbye {
                return vec![reply::text(self.t(Msg::Goodbye))];
            }
            return vec![reply::text(self.t(Msg::Welcome))];
        }
        if unclear {
            return self.not_understood(raw, Msg::Fallback);
        }
        if let Some(brand) = self.other_brand(raw) {
            return self.hand_off(brand, raw);
        }
        // The reading's constraints: `raw` is clipped as a reading clips
        // it, and the act above read it already.
        let cons = dialogue::Reading::of(raw, self.lang).constraints;
        // Sorted by price: search the product words alone ("labial", not
        // "el más barato"), so relevance picks the kind and the kit sorts.
        let words = match sort {
            Some(_) => dialogue::Reading::of(raw, self.lang).content.join(" "),
            None => raw.to_owned(),
        };
        let words = if words.is_empty() {
            raw.to_owned()
        } else {
            words
        };
        let expanded = lexicon::expand_query(&words);
        let q = if expanded.is_empty() {
            words
        } else {
            format!("{words} {expanded}")
        };
        self.search_and_present(&q, &cons, raw, sort)
    }

    /// Another brand clearly owns this message.
    fn other_brand(&self, raw: &str) -> Option<&'static str> {
        let hay = text::terms(raw);
        let mut scores = lexicon::brand_scores(raw);
        let own_extra: f32 = lexicon::scores_with(
            &[BrandLexicon {
                brand: "own",
                tiers: self.cfg.vocabulary,
            }],
            &hay,
        )
        .first()
        .map(|x| x.1)
        .unwrap_or(0.0);
        let own = scores
            .iter()
            .find(|x| x.0 == self.cfg.brand)
            .map(|x| x.1)
            .unwrap_or(0.0)
            + own_extra;
        scores.retain(|x| x.0 != self.cfg.brand);
        let (brand, best) = *scores.first()?;
        (best >= self.cfg.hand_off_threshold && own * 2.0 <= best).then_some(brand)
    }

    fn hand_off(&self, brand: &'static str, raw: &str) -> Vec<Action> {
        self.log(LogLevel::Info, &format!("hand-off to {brand}"));
        vec![
            reply::text(tr(
                self.lang,
                Msg::HandOff,
                &[("team", brand_label(brand, self.lang))],
            )),
            reply::hand_off(
                brand,
                &format!(
                    "customer asked about {brand} products: {}",
                    reply::truncate(raw, 200)
                ),
            ),
        ]
    }

    fn escalate(&self, reason: EscalationReason, priority: Priority, raw: &str) -> Vec<Action> {
        let msg = match reason {
            EscalationReason::CustomerRequest => Msg::Escalating,
            _ => Msg::EscalatingComplaint,
        };
        let cart = self.host.cart().ok().map(|c| c.lines.len()).unwrap_or(0);
        let summary = format!(
            "{reason:?} ({lang}, {cart} item(s) in cart): \"{}\"",
            reply::truncate(raw, 300),
            lang = self.lang
        );
        self.log(LogLevel::Info, &format!("escalating: {reason:?}"));
        vec![
            reply::text(self.t(msg)),
            reply::escalate(reason, priority, &summary),
        ]
    }

    fn greeting(&self) -> Vec<Action> {
        let idx = match self.lang {
            "pt" => 1,
            "es" => 2,
            _ => 0,
        };
        let custom = self.cfg.greetings[idx];
        let template = if custom.is_empty() {
            i18n::t(self.lang, Msg::Greeting)
        } else {
            custom
        };
        let body = i18n::fill(
            template,
            &[("name", self.cfg.name), ("brand", self.cfg.display_name)],
        );
        let mut b = Buttons::new(&body);
        for c in self.cfg.categories.iter().take(3) {
            b = b.button(&format!("cat:{}", c.key), self.label(c));
        }
        vec![b.build()]
    }

    fn label(&self, c: &Category) -> &'static str {
        match self.lang {
            "pt" => c.labels[1],
            "es" => c.labels[2],
            _ => c.labels[0],
        }
    }

    fn categories_reply(&self, body: &str) -> Vec<Action> {
        if self.cfg.categories.is_empty() {
            return vec![reply::text(body)];
        }
        let mut l =
            List::new(body, i18n::t(self.lang, Msg::ListCategories)).section(self.cfg.display_name);
        for c in self.cfg.categories {
            l = l.row(&format!("cat:{}", c.key), self.label(c), None);
        }
        vec![l.build()]
    }

    fn stock_note(&self, p: &Product) -> String {
        match p.availability {
            Availability::OutOfStock | Availability::Discontinued => {
                format!(" ({})", self.t(Msg::OutOfStock))
            }
            Availability::Preorder => format!(" ({})", self.t(Msg::Preorder)),
            _ => String::new(),
        }
    }

    fn search(
        &self,
        q: &str,
        cons: &text::Constraints,
        in_stock_only: bool,
        limit: u32,
    ) -> Vec<Product> {
        let query = SearchQuery {
            text: q.to_owned(),
            max_price_minor: cons.max_price_minor,
            min_price_minor: cons.min_price_minor,
            color: cons.color.clone(),
            size: cons.size.clone(),
            gender: None,
            in_stock_only,
            limit,
        };
        match self.host.search(&query) {
            Ok(hits) => {
                let top = hits.first().map(|h| h.score).unwrap_or(0.0);
                hits.into_iter()
                    .filter(|h| h.product.brand == self.cfg.brand)
                    .filter(|h| top <= 0.0 || h.score >= top * 0.65)
                    .map(|h| h.product)
                    .collect()
            }
            Err(e) => {
                self.log(LogLevel::Warn, &format!("search failed: {e:?}"));
                vec![]
            }
        }
    }

    /// Buyable products for `q` that satisfy `c`, best first or sorted
    /// by price when asked: in stock first, else to order / pre-order.
    fn listing(&self, q: &str, c: &dialogue::Constraints, sort: Option<Sort>) -> Vec<Product> {
        let tc = text::Constraints {
            max_price_minor: c.max_price_minor,
            min_price_minor: c.min_price_minor,
            color: c.color.clone(),
            size: c.size.clone(),
        };
        let mut found = self.search(q, &tc, true, 40);
        found.retain(|p| is_buyable(p) && within(p, c));
        if found.is_empty() {
            found = self.search(q, &tc, false, 40);
            found.retain(|p| is_buyable(p) && within(p, c));
        }
        if matches!(sort, Some(Sort::Cheaper | Sort::Cheapest)) {
            // "The cheapest X" is the cheapest of X's kind: the category of
            // the product in focus, else of the most relevant result.
            let focus_category = self
                .st
                .focus
                .as_ref()
                .and_then(|id| self.st.offered_item(id))
                .map(|o| o.category.clone())
                .filter(|c| !c.is_empty() && sort == Some(Sort::Cheaper));
            if let Some(category) =
                focus_category.or_else(|| found.first().map(|p| p.category.clone()))
                && found.iter().any(|p| p.category == category)
            {
                found.retain(|p| p.category == category);
            }
            // Stable: equal prices keep their relevance order.
            found.sort_by_key(|p| reply::effective_price(p).minor_units);
        }
        found
    }

    fn search_and_present(
        &mut self,
        q: &str,
        cons: &text::Constraints,
        asked: &str,
        sort: Option<Sort>,
    ) -> Vec<Action> {
        let content = Signals::of(asked).content.join(" ");
        let c = dialogue::Constraints {
            max_price_minor: cons.max_price_minor,
            min_price_minor: cons.min_price_minor,
            color: cons.color.clone(),
            size: cons.size.clone(),
            gender: None,
            category: (!content.is_empty()).then(|| reply::truncate(&content, 80)),
        };
        let mut c = c;
        let mut found = self.listing(q, &c, sort);
        // A "size" that is part of a product's name ("xl mouse pad", "XL
        // Desk Mouse Pad") is no size constraint.
        if found.is_empty()
            && let Some(size) = c.size.clone()
        {
            let loose = dialogue::Constraints {
                size: None,
                ..c.clone()
            };
            let want = text::normalize(&size);
            let named: Vec<Product> = self
                .listing(q, &loose, sort)
                .into_iter()
                .filter(|p| text::normalize(&p.title).split(' ').any(|w| w == want))
                .collect();
            if !named.is_empty() {
                found = named;
                c = loose;
            }
        }
        self.log(
            LogLevel::Debug,
            &format!("search {q:?} -> {} product(s)", found.len()),
        );
        if found.is_empty() {
            return self.nothing_found(&c, asked);
        }
        self.st.query = reply::clip(q, 200);
        self.st.constraints = c;
        self.st.seen.clear();
        self.present_list(found, asked)
    }

    /// A sold-out variant of `f`'s product line that has the colour / size
    /// of `c` (within its budget).
    fn sold_out_in_line(&self, f: &Product, c: &dialogue::Constraints) -> Option<Product> {
        let line = line_of(&f.title);
        let tc = text::Constraints {
            max_price_minor: c.max_price_minor,
            min_price_minor: c.min_price_minor,
            color: None,
            size: None,
        };
        self.search(line, &tc, false, 40)
            .into_iter()
            .find(|p| line_of(&p.title) == line && !is_buyable(p) && variant_ok(p, c))
    }

    /// "do you have it in sand?", "tem branco?": words naming a colour or
    /// size that a variant of the product line in focus has, as the
    /// catalog writes it (sold-out variants included), refine the list
    /// rather than start a new search.
    fn line_variant(&self, raw: &str) -> Option<dialogue::Refinement> {
        let focus = self.st.focus.as_ref()?;
        let f = self.host.product(focus).ok().flatten()?;
        let reading = dialogue::Reading::of(raw, self.lang);
        if reading.content.is_empty() || reading.content.len() > 3 {
            return None;
        }
        let line = line_of(&f.title);
        let siblings: Vec<Product> = self
            .search(line, &text::Constraints::default(), false, 40)
            .into_iter()
            .filter(|p| line_of(&p.title) == line && p.brand == f.brand)
            .collect();
        let covers = |label: &str| {
            let terms = text::terms(label);
            !terms.is_empty()
                && reading
                    .content
                    .iter()
                    .all(|w| terms.iter().any(|t| text::fuzzy_eq(t, w)))
        };
        for p in &siblings {
            let suffix: Vec<&str> = p
                .title
                .split_once(" - ")
                .map(|(_, v)| v.split('/').map(str::trim).collect())
                .unwrap_or_default();
            let mut labels: Vec<(String, bool)> = Vec::new();
            if let Some(c) = p.color.as_deref().filter(|c| !c.is_empty()) {
                labels.push((c.to_owned(), true));
            }
            if let Some(sz) = p.size.as_deref().filter(|s| !s.is_empty()) {
                labels.push((sz.to_owned(), false));
            }
            for (i, part) in suffix.iter().enumerate() {
                labels.push(((*part).to_owned(), i == 0 && p.color.is_some()));
            }
            if let Some((label, is_color)) = labels.into_iter().find(|(l, _)| covers(l)) {
                return Some(dialogue::Refinement {
                    color: is_color.then(|| label.clone()),
                    size: (!is_color).then_some(label),
                    ..dialogue::Refinement::default()
                });
            }
        }
        None
    }

    /// The buyable products of a product line that are the colour / size of
    /// `c` (by field or title) within its budget: in stock first, then to
    /// order / pre-order; by price when asked.
    fn line_products(
        &self,
        line: &str,
        c: &dialogue::Constraints,
        sort: Option<Sort>,
    ) -> Vec<Product> {
        let tc = text::Constraints {
            max_price_minor: c.max_price_minor,
            min_price_minor: c.min_price_minor,
            color: None,
            size: None,
        };
        let mut found = self.search(line, &tc, false, 40);
        found.retain(|p| line_of(&p.title) == line && is_buyable(p) && variant_ok(p, c));
        // Stable: relevance order within each group.
        found.sort_by_key(|p| !matches!(p.availability, Availability::InStock));
        if matches!(sort, Some(Sort::Cheaper | Sort::Cheapest)) {
            found.sort_by_key(|p| reply::effective_price(p).minor_units);
        }
        found
    }

    /// The buyable variants of `sold`'s product line, within the budget of
    /// `c` whatever their colour and size.
    fn other_variants(&self, sold: &Product, c: &dialogue::Constraints) -> Vec<Product> {
        let line = line_of(&sold.title);
        let keep = dialogue::Constraints {
            color: None,
            size: None,
            ..c.clone()
        };
        let mut v = self.line_products(line, &keep, None);
        v.retain(|p| p.id != sold.id && p.brand == sold.brand);
        v
    }

    /// `sold` was asked for and is sold out: say so, and offer the other
    /// colours / sizes of its line that can be bought (never `sold` itself).
    /// `None` when the line has nothing else.
    fn sold_out_with_variants(
        &mut self,
        sold: &Product,
        c: &dialogue::Constraints,
    ) -> Option<Vec<Action>> {
        let options = self.other_variants(sold, c);
        if options.is_empty() {
            return None;
        }
        let body = tr(self.lang, Msg::VariantSoldOut, &[("product", &sold.title)]);
        let keep = dialogue::Constraints {
            color: None,
            size: None,
            ..c.clone()
        };
        self.st.constraints = keep;
        self.st.query = reply::clip(line_of(&sold.title), 200);
        self.st.seen.clear();
        let mut out = vec![reply::text(body)];
        out.extend(self.present_list(options, line_of(&sold.title)));
        Some(out)
    }

    /// "More like this": buyable products of the same kind as `f` within
    /// the active constraints, `f` excluded, those not offered yet first.
    fn similar(&self, f: &Product, c: &dialogue::Constraints) -> Vec<Product> {
        let kind = kind_of(f);
        let mut found = if kind.is_empty() {
            Vec::new()
        } else {
            self.listing(kind, c, None)
        };
        found.retain(|p| p.id != f.id && p.brand == f.brand);
        if found.is_empty() {
            found = self.listing(line_of(&f.title), c, None);
            found.retain(|p| p.id != f.id && p.brand == f.brand);
        }
        if found.iter().any(|p| p.category == f.category) {
            found.retain(|p| p.category == f.category);
        }
        // Stable: relevance order within each group.
        found.sort_by_key(|p| self.st.offered_item(&p.id).is_some());
        found
    }

    /// Nothing buyable matched: name sold-out matches (never as cards),
    /// say the budget when one was set, else ask for more details.
    fn nothing_found(&mut self, c: &dialogue::Constraints, asked: &str) -> Vec<Action> {
        let tc = text::Constraints {
            max_price_minor: c.max_price_minor,
            min_price_minor: c.min_price_minor,
            color: c.color.clone(),
            size: c.size.clone(),
        };
        let sold_out: Vec<Product> = self
            .search(asked, &tc, false, 10)
            .into_iter()
            .filter(|p| !is_buyable(p) && within(p, c))
            .take(3)
            .collect();
        // The colour / size asked for is sold out: the same product in the
        // colours and sizes it still has.
        if let Some(first) = sold_out.first().cloned()
            && (c.color.is_some() || c.size.is_some())
            && let Some(out) = self.sold_out_with_variants(&first, c)
        {
            return out;
        }
        let sold_out: Vec<String> = sold_out.into_iter().map(|p| p.title).collect();
        if !sold_out.is_empty() {
            let body = tr(
                self.lang,
                Msg::SoldOut,
                &[("products", &sold_out.join(", "))],
            );
            return self.categories_reply(&format!("{body}\n{}", self.t(Msg::Categories)));
        }
        if let Some(max) = c.max_price_minor {
            let currency = self
                .st
                .offered
                .first()
                .map(|o| o.currency.clone())
                .unwrap_or_else(|| "USD".into());
            let budget = reply::format_minor(max, &currency, self.lang);
            return self.categories_reply(&tr(
                self.lang,
                Msg::NothingWithinBudget,
                &[("budget", &budget)],
            ));
        }
        self.not_understood(asked, Msg::NothingFound)
    }

    /// Offer the first results and remember them, in the order shown.
    fn present_list(&mut self, found: Vec<Product>, asked: &str) -> Vec<Action> {
        let shown: Vec<Product> = found
            .into_iter()
            .take(self.cfg.max_results.clamp(1, 10))
            .collect();
        self.st.offer(&shown);
        self.present(&shown, asked)
    }

    fn more(&mut self) -> Vec<Action> {
        let q = self.st.query.clone();
        if q.is_empty() {
            return self.categories_reply(&self.t(Msg::Categories));
        }
        let c = self.st.constraints.clone();
        let next: Vec<Product> = self
            .listing(&q, &c, None)
            .into_iter()
            .filter(|p| !self.st.seen.contains(&p.id))
            .collect();
        if next.is_empty() {
            return self.categories_reply(&self.t(Msg::NoMore));
        }
        self.present_list(next, &q)
    }

    fn present(&mut self, shown: &[Product], asked: &str) -> Vec<Action> {
        self.st.misses = 0;
        let ids: Vec<String> = shown.iter().map(|p| p.id.clone()).collect();
        let lines: Vec<String> = shown
            .iter()
            .map(|p| {
                format!(
                    "• {} — {}{}",
                    p.title,
                    reply::price_label(p, self.lang),
                    self.stock_note(p)
                )
            })
            .collect();
        let intro = if shown.len() == 1 {
            self.t(Msg::FoundOne)
        } else {
            self.t(Msg::Found)
        };
        let template = format!("{intro}\n{}", lines.join("\n"));
        let body = self.phrase(asked, shown).unwrap_or(template);
        let top = &shown[0];
        let mut out = vec![reply::text(&body)];
        if shown.len() == 1 {
            out.push(reply::product(&top.id, None));
        } else {
            let header = format!(
                "{} · {}",
                self.cfg.display_name,
                self.t(Msg::ProductsHeader)
            );
            out.push(reply::products(&header, &intro, &ids));
        }
        let cart_has_items = self
            .host
            .cart()
            .map(|c| !c.lines.is_empty())
            .unwrap_or(false);
        let prompt = format!("{} — {}", top.title, reply::price_label(top, self.lang));
        let mut b = Buttons::new(prompt).button(
            &format!("add:{}", top.id),
            i18n::t(self.lang, Msg::ButtonAdd),
        );
        if shown.len() > 1 || self.cfg.max_results > 1 {
            b = b.button("more", i18n::t(self.lang, Msg::ButtonMore));
        }
        b = if cart_has_items {
            b.button("checkout", i18n::t(self.lang, Msg::ButtonCheckout))
        } else {
            b.button("human", i18n::t(self.lang, Msg::ButtonHuman))
        };
        out.push(b.build());
        out
    }

    /// Ask the LLM to phrase the answer, grounded on `shown`. `None` when it
    /// is unavailable or its answer quotes a price not in the catalog.
    fn phrase(&self, asked: &str, shown: &[Product]) -> Option<String> {
        if !self.cfg.use_llm {
            return None;
        }
        let language = match self.lang {
            "pt" => "Brazilian Portuguese",
            "es" => "Spanish",
            _ => "English",
        };
        let mut grounding = String::new();
        for p in shown {
            grounding.push_str(&format!(
                "- {} | {} | {} | {:?}\n",
                p.id,
                p.title,
                reply::price_label(p, self.lang),
                p.availability
            ));
        }
        let system = format!(
            "{prompt}\n\nYou are {name}, the seller of {shop}. Answer in {language}, in at most 4 short \
             sentences for WhatsApp, no markdown tables. Mention only the products listed below, with \
             exactly these prices; never invent products, prices, stock or discounts. The product cards \
             and buttons are sent after your text.\nProducts:\n{grounding}",
            prompt = self.host.prompt(),
            name = self.cfg.name,
            shop = self.cfg.display_name,
        );
        let mut messages = vec![ChatMessage {
            role: Role::System,
            content: system,
        }];
        let hist = &self.turn.history;
        for h in hist.iter().skip(hist.len().saturating_sub(6)) {
            let role = match h.speaker {
                Speaker::Customer => Role::User,
                Speaker::Assistant | Speaker::HumanAgent => Role::Assistant,
                Speaker::System => continue,
            };
            messages.push(ChatMessage {
                role,
                content: h.text.clone(),
            });
        }
        messages.push(ChatMessage {
            role: Role::User,
            content: reply::truncate(asked, 1000),
        });
        let resp = match self.host.chat(&ChatRequest {
            messages,
            use_tools: false,
        }) {
            Ok(r) => r,
            Err(e) => {
                self.log(
                    LogLevel::Debug,
                    &format!("llm unavailable, using templates: {e:?}"),
                );
                return None;
            }
        };
        let content = resp.content.trim();
        if content.is_empty() {
            return None;
        }
        let allowed: Vec<i64> = shown
            .iter()
            .flat_map(|p| {
                [
                    Some(p.price.minor_units),
                    p.sale_price.as_ref().map(|s| s.minor_units),
                ]
            })
            .flatten()
            .collect();
        if let Some(bad) = quoted_prices(content)
            .into_iter()
            .find(|v| !allowed.contains(v))
        {
            self.log(
                LogLevel::Warn,
                &format!("llm quoted a price not in the catalog ({bad}); using template"),
            );
            return None;
        }
        Some(reply::truncate(content, reply::limits::BODY))
    }

    /// A turn the templates cannot answer: the LLM with the host's tools
    /// when it is available, else the template `msg`; after
    /// [`SellerConfig::max_misses`] such turns in a row, a human.
    fn not_understood(&mut self, raw: &str, msg: Msg) -> Vec<Action> {
        if let Some(actions) = self.converse(raw) {
            self.st.misses = 0;
            return actions;
        }
        let misses = self.st.misses + 1;
        self.st.misses = misses;
        if self.cfg.max_misses > 0 && misses >= self.cfg.max_misses {
            self.st.misses = 0;
            let summary = format!(
                "Not understood {misses} times in a row; last message: \"{}\"",
                reply::truncate(raw, 300)
            );
            return vec![
                reply::text(self.t(Msg::EscalatingStuck)),
                reply::escalate(
                    EscalationReason::ComplexQuestion,
                    Priority::Medium,
                    &summary,
                ),
            ];
        }
        self.categories_reply(&self.t(msg))
    }

    /// Let the LLM answer with the host's commerce tools (search, product,
    /// recommend, cart, order, escalate, hand-off); its effect tools become
    /// actions. `None` when the LLM is off, unavailable or failed (the host
    /// already refused ungrounded answers).
    fn converse(&mut self, raw: &str) -> Option<Vec<Action>> {
        if !self.cfg.use_llm {
            return None;
        }
        let language = match self.lang {
            "pt" => "Brazilian Portuguese",
            "es" => "Spanish",
            _ => "English",
        };
        let mut context = String::new();
        for (i, o) in self.st.offered.iter().enumerate() {
            context.push_str(&format!(
                "{}. {} | {} | {}\n",
                i + 1,
                o.id,
                o.title,
                reply::format_minor(o.price_minor, &o.currency, self.lang)
            ));
        }
        if let Some(f) = &self.st.focus {
            context.push_str(&format!("In focus: {f}\n"));
        }
        let c = &self.st.constraints;
        if *c != dialogue::Constraints::default() {
            context.push_str(&format!(
                "Customer's constraints: {}\n",
                serde_json::to_string(c).unwrap_or_default()
            ));
        }
        if let Ok(cart) = self.host.cart()
            && !cart.lines.is_empty()
        {
            context.push_str(&format!("Cart:\n{}\n", self.cart_text(&cart)));
        }
        let system = format!(
            "{prompt}\n\nYou are {name}, the seller of {shop}. Answer in {language}, in 2-4 short \
             sentences for WhatsApp. Use the tools to find products; mention only products the tools \
             returned or listed below, with exactly their prices. \"The second one\" means item 2 of \
             the numbered list. Recently shown (in order):\n{context}",
            prompt = self.host.prompt(),
            name = self.cfg.name,
            shop = self.cfg.display_name,
        );
        let mut messages = vec![ChatMessage {
            role: Role::System,
            content: system,
        }];
        let hist = &self.turn.history;
        for h in hist.iter().skip(hist.len().saturating_sub(6)) {
            let role = match h.speaker {
                Speaker::Customer => Role::User,
                Speaker::Assistant | Speaker::HumanAgent => Role::Assistant,
                Speaker::System => continue,
            };
            messages.push(ChatMessage {
                role,
                content: h.text.clone(),
            });
        }
        messages.push(ChatMessage {
            role: Role::User,
            content: reply::truncate(raw, 1000),
        });
        let resp = match self.host.chat(&ChatRequest {
            messages,
            use_tools: true,
        }) {
            Ok(r) => r,
            Err(e) => {
                self.log(LogLevel::Debug, &format!("llm unavailable: {e:?}"));
                return None;
            }
        };
        let content = reply::truncate(resp.content.trim(), reply::limits::BODY);
        let effects = crate::tools::effects(&resp);
        if content.is_empty() && effects.is_empty() {
            return None;
        }
        let added = effects.iter().any(|a| matches!(a, Action::AddToCart(_)));
        let ordered = effects.iter().any(|a| matches!(a, Action::PlaceOrder(_)));
        let mut out = effects;
        if added && !ordered && !content.is_empty() {
            out.push(
                Buttons::new(&content)
                    .button("checkout", i18n::t(self.lang, Msg::ButtonCheckout))
                    .button("keep", i18n::t(self.lang, Msg::ButtonKeepShopping))
                    .build(),
            );
        } else if !content.is_empty() {
            out.insert(0, reply::text(&content));
        }
        Some(out)
    }

    fn view(&mut self, id: &str) -> Vec<Action> {
        match self.host.product(id).ok().flatten() {
            Some(p) if p.brand == self.cfg.brand => {
                if self.st.offered_item(&p.id).is_none() {
                    self.st.offer(std::slice::from_ref(&p));
                }
                self.st.focus = Some(p.id.clone());
                let body = format!(
                    "{} — {}{}",
                    p.title,
                    reply::price_label(&p, self.lang),
                    self.stock_note(&p)
                );
                if !is_buyable(&p) {
                    // Named when asked about, never offered as buyable.
                    return vec![
                        Buttons::new(body)
                            .button("more", i18n::t(self.lang, Msg::ButtonMore))
                            .build(),
                    ];
                }
                vec![
                    reply::product(&p.id, Some(&reply::truncate(&p.description, 300))),
                    Buttons::new(body)
                        .button(&format!("add:{}", p.id), i18n::t(self.lang, Msg::ButtonAdd))
                        .button("more", i18n::t(self.lang, Msg::ButtonMore))
                        .build(),
                ]
            }
            _ => vec![reply::text(self.t(Msg::NotAvailable))],
        }
    }

    fn price_of(&mut self, id: &str) -> Vec<Action> {
        match self.host.product(id).ok().flatten() {
            Some(p) if p.brand == self.cfg.brand => {
                let price = format!(
                    "{}{}",
                    reply::price_label(&p, self.lang),
                    self.stock_note(&p)
                );
                let body = tr(
                    self.lang,
                    Msg::PriceOf,
                    &[("product", &p.title), ("price", &price)],
                );
                if !is_buyable(&p) {
                    return vec![reply::text(body)];
                }
                vec![
                    Buttons::new(body)
                        .button(&format!("add:{}", p.id), i18n::t(self.lang, Msg::ButtonAdd))
                        .button("more", i18n::t(self.lang, Msg::ButtonMore))
                        .build(),
                ]
            }
            _ => vec![reply::text(self.t(Msg::NotAvailable))],
        }
    }

    fn add(&mut self, id: &str, qty: u32) -> Vec<Action> {
        let p = match self.host.product(id) {
            Ok(Some(p)) if p.brand == self.cfg.brand => p,
            Ok(_) => return vec![reply::text(self.t(Msg::NotAvailable))],
            Err(e) => {
                self.log(LogLevel::Warn, &format!("product lookup failed: {e:?}"));
                return vec![reply::text(self.t(Msg::NotAvailable))];
            }
        };
        if !is_buyable(&p) {
            let c = self.st.constraints.clone();
            if let Some(out) = self.sold_out_with_variants(&p, &c) {
                return out;
            }
            let body = format!("{}{}", p.title, self.stock_note(&p));
            return vec![
                Buttons::new(body)
                    .button("more", i18n::t(self.lang, Msg::ButtonMore))
                    .build(),
            ];
        }
        self.st.focus = Some(p.id.clone());
        let mut out = vec![reply::add_to_cart(&p.id, qty)];
        let mut body = tr(self.lang, Msg::AddedToCart, &[("product", &p.title)]);
        if let Some(x) = self.cross_sell(&p) {
            body.push('\n');
            body.push_str(&format!(
                "+ {} — {}",
                x.title,
                reply::price_label(&x, self.lang)
            ));
            out.push(reply::text(&body));
            out.push(reply::product(&x.id, None));
            out.push(
                Buttons::new(&x.title)
                    .button(&format!("add:{}", x.id), i18n::t(self.lang, Msg::ButtonAdd))
                    .button("checkout", i18n::t(self.lang, Msg::ButtonCheckout))
                    .button("keep", i18n::t(self.lang, Msg::ButtonKeepShopping))
                    .build(),
            );
        } else {
            out.push(
                Buttons::new(&body)
                    .button("checkout", i18n::t(self.lang, Msg::ButtonCheckout))
                    .button("keep", i18n::t(self.lang, Msg::ButtonKeepShopping))
                    .build(),
            );
        }
        out
    }

    fn cross_sell(&self, p: &Product) -> Option<Product> {
        let cat = p.category.to_lowercase();
        let in_cart: Vec<String> = self
            .host
            .cart()
            .map(|c| c.lines.into_iter().map(|l| l.product_id).collect())
            .unwrap_or_default();
        let ok = |x: &Product| {
            x.id != p.id
                && x.brand == self.cfg.brand
                && !in_cart.contains(&x.id)
                && x.category != p.category
                && matches!(
                    x.availability,
                    Availability::InStock | Availability::AvailableForOrder
                )
        };
        for rule in self.cfg.cross_sell {
            if cat.contains(&rule.when.to_lowercase())
                && let Some(x) = self
                    .search(rule.suggest, &text::Constraints::default(), true, 5)
                    .into_iter()
                    .find(|x| ok(x))
            {
                return Some(x);
            }
        }
        None
    }

    fn checkout(&mut self) -> Vec<Action> {
        let cart = match self.host.cart() {
            Ok(c) => c,
            Err(e) => {
                self.log(LogLevel::Warn, &format!("cart unavailable: {e:?}"));
                return self.escalate(
                    EscalationReason::TechnicalIssue,
                    Priority::Medium,
                    "checkout failed: cart unavailable",
                );
            }
        };
        if cart.lines.is_empty() {
            return self.categories_reply(&self.t(Msg::CartEmpty));
        }
        let summary = self.cart_text(&cart);
        let mut out = vec![
            reply::text(format!("{summary}\n\n{}", self.t(Msg::OrderPlaced))),
            reply::place_order(None),
        ];
        if self.cfg.high_value_minor > 0 && cart.subtotal.minor_units >= self.cfg.high_value_minor {
            self.log(LogLevel::Info, "high-value cart: escalating");
            out.push(reply::text(self.t(Msg::HighValueOrder)));
            out.push(reply::escalate(
                EscalationReason::HighValueCart,
                Priority::High,
                &format!(
                    "High-value order ({} item(s), {}): please confirm with the customer",
                    cart.lines.len(),
                    reply::money(&cart.subtotal, "en")
                ),
            ));
        }
        out
    }

    fn cart_text(&self, cart: &Cart) -> String {
        let lines: Vec<String> = cart
            .lines
            .iter()
            .map(|l| reply::cart_line(l.quantity, &l.title, &l.unit_price, self.lang))
            .collect();
        tr(
            self.lang,
            Msg::CartSummary,
            &[
                ("lines", &lines.join("\n")),
                ("total", &reply::money(&cart.subtotal, self.lang)),
            ],
        )
    }

    fn show_cart(&mut self) -> Vec<Action> {
        match self.host.cart() {
            Ok(c) if !c.lines.is_empty() => vec![
                Buttons::new(self.cart_text(&c))
                    .button("checkout", i18n::t(self.lang, Msg::ButtonCheckout))
                    .button("keep", i18n::t(self.lang, Msg::ButtonKeepShopping))
                    .build(),
            ],
            _ => self.categories_reply(&self.t(Msg::CartEmpty)),
        }
    }

    fn order_status(&self) -> Vec<Action> {
        match self.host.orders(3) {
            Ok(orders) if !orders.is_empty() => {
                let lines: Vec<String> = orders
                    .iter()
                    .map(|o| {
                        let mut s = format!(
                            "• {} — {} — {}",
                            o.id,
                            status_label(&o.status, self.lang),
                            reply::money(&o.total, self.lang)
                        );
                        if let Some(t) = &o.tracking {
                            s.push_str(&format!(" ({t})"));
                        }
                        s
                    })
                    .collect();
                vec![reply::text(tr(
                    self.lang,
                    Msg::OrderStatus,
                    &[("orders", &lines.join("\n"))],
                ))]
            }
            Ok(_) => vec![reply::text(self.t(Msg::NoOrders))],
            Err(e) => {
                self.log(LogLevel::Warn, &format!("orders unavailable: {e:?}"));
                self.escalate(
                    EscalationReason::Other,
                    Priority::Low,
                    "order status requested; orders unavailable",
                )
            }
        }
    }

    fn catalog_order(&mut self, lines: &[OrderLine]) -> Vec<Action> {
        let mut out = Vec::new();
        for l in lines {
            if let Ok(Some(p)) = self.host.product(&l.product_id)
                && p.brand == self.cfg.brand
            {
                out.push(reply::add_to_cart(&p.id, l.quantity.max(1)));
            }
        }
        if out.is_empty() {
            return vec![reply::text(self.t(Msg::NotAvailable))];
        }
        out.push(
            Buttons::new(self.t(Msg::OrderReceived))
                .button("checkout", i18n::t(self.lang, Msg::ButtonCheckout))
                .button("keep", i18n::t(self.lang, Msg::ButtonKeepShopping))
                .build(),
        );
        out
    }
}

/// An order status in the customer's language.
pub fn status_label(status: &str, lang: &str) -> String {
    let s = status.to_ascii_lowercase();
    let (pt, es) = match s.as_str() {
        "pending" => ("pendente", "pendiente"),
        "confirmed" => ("confirmado", "confirmado"),
        "processing" => ("em preparação", "en preparación"),
        "shipped" => ("enviado", "enviado"),
        "delivered" => ("entregue", "entregado"),
        "cancelled" => ("cancelado", "cancelado"),
        "refunded" => ("reembolsado", "reembolsado"),
        _ => return status.to_owned(),
    };
    match i18n::lang(lang) {
        "pt" => pt.to_owned(),
        "es" => es.to_owned(),
        _ => s,
    }
}

/// Amounts (minor units) that look like prices in a free text: numbers with
/// two decimals ("89.90", "1.299,00"), after a currency sign or before a
/// currency word. The host's grounding check reads them the same way
/// ([`crate::lang::amount::quoted`]).
pub fn quoted_prices(s: &str) -> Vec<i64> {
    crate::lang::amount::quoted(s)
        .into_iter()
        .map(|q| q.minor)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quoted_prices() {
        assert_eq!(
            quoted_prices("The Zenbook is $999.00 and the Studio US$ 549,00"),
            vec![99_900, 54_900]
        );
        assert_eq!(
            quoted_prices("a 14 inch laptop with 512GB"),
            Vec::<i64>::new()
        );
        assert_eq!(quoted_prices("only $5"), vec![500]);
        assert_eq!(status_label("shipped", "pt"), "enviado");
    }
}
