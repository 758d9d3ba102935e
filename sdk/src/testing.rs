//! Native test kit: a [`FakeHost`] that behaves like the Agent Store host
//! over a Meta catalog CSV, and builders for turns and routing requests.
//!
//! Enabled by the `testing` cargo feature (native targets only). Brand teams
//! add the SDK with this feature under `[dev-dependencies]` and test their
//! seller with plain `cargo test`, no wasm, no host:
//!
//! ```toml
//! [dev-dependencies]
//! agent-store-sdk = { workspace = true, features = ["testing"] }
//! ```
//!
//! ```no_run
//! use agent_store_sdk::prelude::*;
//! use agent_store_sdk::testing::{FakeHost, TurnBuilder, shown_products};
//!
//! struct Echo;
//! impl Seller for Echo {
//!     fn handle_turn(host: &dyn Host, turn: &Turn) -> Result<Vec<Action>, PluginError> {
//!         let q = SearchQuery::words("laptop", 3);
//!         let hits = host.search(&q).map_err(|e| PluginError { message: format!("{e:?}") })?;
//!         let ids: Vec<String> = hits.into_iter().map(|h| h.product.id).collect();
//!         Ok(vec![agent_store_sdk::reply::products("Laptops", "Here you go", &ids)])
//!     }
//! }
//!
//! let host = FakeHost::from_csv("../catalog/products.csv").unwrap().with_brand("tech");
//! let actions = Echo::handle_turn(&host, &TurnBuilder::text("a laptop").brand("tech").build()).unwrap();
//! assert!(shown_products(&actions).iter().all(|id| id.starts_with("TEC-")));
//! host.apply(&actions); // cart and orders follow add-to-cart / place-order actions
//! ```
//!
//! The LLM is unavailable unless a test scripts replies with
//! [`FakeHost::with_llm_reply`]; every chat request is recorded.

use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::path::Path;

use crate::types::*;
use agent_store_lang::money::currency_exponent;
use agent_store_lang::query;

use crate::{Host, reply, text};

struct Indexed {
    product: Product,
    title: Vec<String>,
    category: Vec<String>,
    description: Vec<String>,
    color: Vec<String>,
    labels: Vec<String>,
}

impl Indexed {
    fn new(product: Product) -> Self {
        let labels = product
            .attributes
            .iter()
            .filter(|(k, _)| k.starts_with("custom_label"))
            .map(|(_, v)| v.replace('|', " "))
            .collect::<Vec<_>>()
            .join(" ");
        Indexed {
            title: text::terms(&product.title),
            category: text::terms(&product.category),
            description: text::terms(&product.description),
            color: text::terms(product.color.as_deref().unwrap_or("")),
            labels: text::terms(&labels),
            product,
        }
    }

    fn mentions(&self, t: &str) -> bool {
        [
            &self.title,
            &self.category,
            &self.labels,
            &self.color,
            &self.description,
        ]
        .iter()
        .any(|f| f.iter().any(|x| text::fuzzy_eq(x, t)))
    }

    /// How well this product carries all of `words` (stemmed), weighted by
    /// field as the host weighs concept coverage: title and category 1.0,
    /// labels 0.85, description 0.45, colour 0.35. An unknown single word
    /// of five letters or more also matches with one typo (75%).
    fn coverage(&self, words: &[String], known: bool) -> f32 {
        let fields: [(&Vec<String>, f32); 5] = [
            (&self.title, 1.0),
            (&self.category, 1.0),
            (&self.labels, 0.85),
            (&self.description, 0.45),
            (&self.color, 0.35),
        ];
        let mut best = 0.0f32;
        for (f, w) in fields {
            let score = if words.iter().all(|t| f.contains(t)) {
                1.0
            } else if !known
                && words.len() == 1
                && words[0].chars().count() >= text::FUZZY_MIN_LEN
                && f.iter().any(|x| text::fuzzy_eq(x, &words[0]))
            {
                0.75
            } else {
                continue;
            };
            best = best.max(score * w);
        }
        best
    }

    /// Field-weighted, IDF-weighted term overlap (typos count 70%).
    fn score(&self, terms: &[String], idf: &[f32]) -> f32 {
        if terms.is_empty() {
            return 0.0;
        }
        let fields: [(&Vec<String>, f32); 5] = [
            (&self.title, 3.0),
            (&self.category, 3.0),
            (&self.labels, 1.5),
            (&self.color, 1.0),
            (&self.description, 1.0),
        ];
        let mut total = 0.0;
        for (t, idf) in terms.iter().zip(idf) {
            let mut best = 0.0f32;
            for (f, w) in &fields {
                if f.iter().any(|x| x == t) {
                    best = best.max(*w);
                } else if f.iter().any(|x| text::fuzzy_eq(x, t)) {
                    best = best.max(*w * 0.7);
                }
            }
            total += best * idf;
        }
        total / idf.iter().sum::<f32>().max(f32::EPSILON)
    }
}

/// Stemmed words that qualify a product rather than name it: they count half.
const MODIFIERS: &[&str] = &[
    "wireles",
    "wireless",
    "bluetooth",
    "portabl",
    "mini",
    "pro",
    "smart",
    "digital",
    "light",
    "lightweight",
    "classic",
    "premium",
    "gaming",
    "ultralight",
    "compact",
    "anc",
];

/// A feed's row the reader rejected, and why (the host's import rejects
/// the same rows with the same reasons).
pub use agent_store_feed::{FeedError, RejectedRow};

/// The result of reading a catalog CSV.
#[derive(Debug, Clone, Default)]
pub struct CatalogLoad {
    /// Valid products, in file order.
    pub products: Vec<Product>,
    /// Rows that were not loaded, with their line and reasons.
    pub skipped: Vec<RejectedRow>,
}

/// Read a Meta catalog feed as the host's import does (the feed crate's
/// reader: the same columns, aliases, checks and rejections).
pub fn parse_catalog_csv(data: &[u8]) -> Result<CatalogLoad, FeedError> {
    let parsed = agent_store_feed::parse_feed(data)?;
    Ok(CatalogLoad {
        products: parsed.products.into_iter().map(product_from_feed).collect(),
        skipped: parsed.rejected,
    })
}

/// A feed product as the host hands it to a plugin (the WIT record): what
/// `FakeHost` serves, and what a native harness over the host's own
/// catalog (the plugins bench) gives the SDK's `Host`.
pub fn product_from_feed(p: agent_store_feed::Product) -> Product {
    use agent_store_feed::Availability as Feed;
    let money = |m: agent_store_lang::money::Money| Money {
        minor_units: m.minor_units,
        currency: m.currency,
    };
    Product {
        id: p.id,
        title: p.title,
        description: p.description,
        brand: p.brand,
        category: p.category,
        price: money(p.price),
        sale_price: p.sale_price.map(money),
        availability: match p.availability {
            Feed::InStock => Availability::InStock,
            Feed::OutOfStock => Availability::OutOfStock,
            Feed::Preorder => Availability::Preorder,
            Feed::AvailableForOrder => Availability::AvailableForOrder,
            Feed::Discontinued => Availability::Discontinued,
        },
        quantity: p.quantity,
        image_url: p.image_url,
        link: p.link,
        color: p.color,
        size: p.size,
        gender: p.gender,
        attributes: p.attributes,
    }
}

/// A scripted LLM answer.
type LlmScript = Result<ChatResponse, HostError>;

/// An in-memory [`Host`] for native tests. See the [module docs](self).
pub struct FakeHost {
    catalog: Vec<Indexed>,
    skipped: Vec<RejectedRow>,
    brand: Option<String>,
    prompt: String,
    config: BTreeMap<String, String>,
    llm: RefCell<VecDeque<LlmScript>>,
    chats: RefCell<Vec<ChatRequest>>,
    searches: RefCell<Vec<SearchQuery>>,
    state: RefCell<BTreeMap<String, String>>,
    history: RefCell<Vec<HistoryEntry>>,
    cart: RefCell<Vec<(String, u32)>>,
    orders: RefCell<Vec<OrderSummary>>,
    actions: RefCell<Vec<Action>>,
    refused: RefCell<Vec<String>>,
    logs: RefCell<Vec<(LogLevel, String)>>,
    profiles: Vec<BrandProfile>,
    matches: Vec<BrandMatch>,
    vocabulary: Option<crate::lexicon::index::BrandIndex>,
}

impl Default for FakeHost {
    fn default() -> Self {
        Self::new()
    }
}

impl FakeHost {
    /// An empty catalog, no brand scope, no LLM.
    pub fn new() -> Self {
        FakeHost {
            catalog: Vec::new(),
            skipped: Vec::new(),
            brand: None,
            prompt: String::new(),
            config: BTreeMap::new(),
            llm: RefCell::default(),
            chats: RefCell::default(),
            searches: RefCell::default(),
            state: RefCell::default(),
            history: RefCell::default(),
            cart: RefCell::default(),
            orders: RefCell::default(),
            actions: RefCell::default(),
            refused: RefCell::default(),
            logs: RefCell::default(),
            profiles: Vec::new(),
            matches: Vec::new(),
            vocabulary: None,
        }
    }

    /// A brand profile returned by [`Host::brands`] (the router's
    /// `routing` import), in the order added.
    pub fn with_brand_profile(mut self, profile: BrandProfile) -> Self {
        self.profiles.push(profile);
        self
    }

    /// Answer [`Host::match_text`] as the host does: from a brand
    /// vocabulary learnt from this host's catalog rows, plus whatever
    /// `sections` adds (the sellers' `[routing]` sections, see
    /// [`crate::lexicon::index::IndexBuilder::add_section`]).
    pub fn with_vocabulary(
        mut self,
        sections: impl FnOnce(&mut crate::lexicon::index::IndexBuilder),
    ) -> Self {
        use crate::lexicon::index::{IndexBuilder, ProductText};
        let mut b = IndexBuilder::default();
        for i in &self.catalog {
            let p = &i.product;
            // What the host's vocabulary reads of a product, by the feed
            // crate's rules (model name, tags, a numeric Google category).
            let google = p
                .attributes
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case("google_product_category"))
                .map(|(_, v)| agent_store_feed::taxonomy::category_path(v))
                .unwrap_or("");
            let tags = agent_store_feed::product::tags(&p.attributes);
            b.add_product(
                &p.brand,
                ProductText {
                    title: agent_store_feed::product::model_name(&p.title),
                    category: &p.category,
                    google_category: google,
                    tags: &tags,
                    description: &p.description,
                },
            );
        }
        sections(&mut b);
        self.vocabulary = Some(b.build());
        self
    }

    /// A match returned by [`Host::match_text`] for any text, best score
    /// first.
    pub fn with_brand_match(mut self, brand: &str, score: f32, terms: &[&str]) -> Self {
        self.matches.push(BrandMatch {
            brand: brand.to_owned(),
            score,
            terms: terms.iter().map(|t| (*t).to_owned()).collect(),
        });
        self
    }

    /// Load a Meta catalog CSV file as the host imports it: bad rows are
    /// skipped (see [`FakeHost::skipped_rows`]); an unreadable file or one
    /// without the required columns is an error.
    pub fn from_csv(path: impl AsRef<Path>) -> Result<Self, FeedError> {
        let data = std::fs::read(path).map_err(|e| FeedError::Csv(e.into()))?;
        Self::from_csv_str(&data)
    }

    /// Load a Meta catalog CSV from its text.
    pub fn from_csv_str(data: impl AsRef<[u8]>) -> Result<Self, FeedError> {
        let load = parse_catalog_csv(data.as_ref())?;
        let mut h = Self::new().with_products(load.products);
        h.skipped = load.skipped;
        Ok(h)
    }

    /// Add products to the catalog.
    pub fn with_products(mut self, products: impl IntoIterator<Item = Product>) -> Self {
        self.catalog.extend(products.into_iter().map(Indexed::new));
        self
    }

    /// Scope search and get to one brand, as the host does for sellers with
    /// `catalog = "brand"`.
    pub fn with_brand(mut self, brand: &str) -> Self {
        self.brand = Some(brand.to_owned());
        self
    }

    /// The persona prompt returned by [`Host::prompt`].
    pub fn with_prompt(mut self, prompt: &str) -> Self {
        self.prompt = prompt.to_owned();
        self
    }

    /// A config value returned by [`Host::config`].
    pub fn with_config(mut self, key: &str, value: &str) -> Self {
        self.config.insert(key.to_owned(), value.to_owned());
        self
    }

    /// Queue an LLM answer; answers are consumed in order, then the LLM is
    /// unavailable again.
    pub fn with_llm_reply(self, content: &str) -> Self {
        self.push_llm(Ok(ChatResponse {
            content: content.to_owned(),
            tools_used: vec![],
        }));
        self
    }

    /// Queue an LLM failure.
    pub fn with_llm_error(self, err: HostError) -> Self {
        self.push_llm(Err(err));
        self
    }

    /// Queue an LLM answer or failure.
    pub fn push_llm(&self, r: Result<ChatResponse, HostError>) {
        self.llm.borrow_mut().push_back(r);
    }

    /// A past order, newest first in [`Host::orders`].
    pub fn with_order(self, id: &str, status: &str, total_minor: i64) -> Self {
        self.orders.borrow_mut().insert(
            0,
            OrderSummary {
                id: id.to_owned(),
                status: status.to_owned(),
                total: Money {
                    minor_units: total_minor,
                    currency: "USD".into(),
                },
                created_at: 1_700_000_000,
                tracking: None,
            },
        );
        self
    }

    /// Add a line to the conversation history.
    pub fn say(&self, speaker: Speaker, text: &str) {
        let mut h = self.history.borrow_mut();
        let timestamp = 1_700_000_000 + h.len() as u64;
        h.push(HistoryEntry {
            speaker,
            text: text.to_owned(),
            brand: self.brand.clone().filter(|_| speaker == Speaker::Assistant),
            timestamp,
        });
    }

    /// Put a product in the cart directly (a line holds at most
    /// [`crate::MAX_CART_QUANTITY`] units, as in the host).
    pub fn add_to_cart(&self, product_id: &str, quantity: u32) {
        let mut cart = self.cart.borrow_mut();
        match cart.iter_mut().find(|(id, _)| id == product_id) {
            Some(line) => line.1 = (line.1 + quantity).min(crate::MAX_CART_QUANTITY),
            None => cart.push((
                product_id.to_owned(),
                quantity.min(crate::MAX_CART_QUANTITY),
            )),
        }
    }

    /// Act on a seller's actions as the host would: add-to-cart fills the
    /// cart, remove-from-cart / set-cart-quantity / clear-cart edit it
    /// (each only for a product in scope and a quantity the host accepts;
    /// a refused action changes nothing and is listed in
    /// [`FakeHost::refused_actions`]), place-order turns a non-empty cart
    /// into a "pending" order, text replies go to history.
    pub fn apply(&self, actions: &[Action]) {
        for a in actions {
            self.actions.borrow_mut().push(a.clone());
            if let Err(why) = self.apply_one(a) {
                self.refused.borrow_mut().push(why);
            }
        }
    }

    fn apply_one(&self, a: &Action) -> Result<(), String> {
        let max = crate::MAX_CART_QUANTITY;
        match a {
            Action::AddToCart(c) => {
                self.cart_scope(&c.product_id)?;
                if c.quantity == 0 || c.quantity > max {
                    return Err(format!("add-to-cart refused: quantity must be 1-{max}"));
                }
                self.add_to_cart(&c.product_id, c.quantity);
            }
            Action::RemoveFromCart(id) => {
                self.cart_scope(id)?;
                self.cart.borrow_mut().retain(|(line, _)| line != id);
            }
            Action::SetCartQuantity(c) => {
                self.cart_scope(&c.product_id)?;
                if c.quantity > max {
                    return Err(format!(
                        "set-cart-quantity refused: quantity must be 0-{max}"
                    ));
                }
                let mut cart = self.cart.borrow_mut();
                if c.quantity == 0 {
                    cart.retain(|(id, _)| id != &c.product_id);
                } else if let Some(line) = cart.iter_mut().find(|(id, _)| id == &c.product_id) {
                    line.1 = c.quantity;
                } else {
                    cart.push((c.product_id.clone(), c.quantity));
                }
            }
            Action::ClearCart => self.cart.borrow_mut().clear(),
            Action::PlaceOrder(_) => {
                let cart = self.cart().unwrap_or_else(|_| empty_cart());
                if !cart.lines.is_empty() {
                    let n = self.orders.borrow().len() + 1;
                    self.orders.borrow_mut().insert(
                        0,
                        OrderSummary {
                            id: format!("ORD-{n:04}"),
                            status: "pending".into(),
                            total: cart.subtotal,
                            created_at: 1_700_000_000,
                            tracking: None,
                        },
                    );
                    self.cart.borrow_mut().clear();
                }
            }
            Action::Text(t) => self.say(Speaker::Assistant, t),
            Action::Buttons(b) => self.say(Speaker::Assistant, &b.body),
            _ => {}
        }
        Ok(())
    }

    /// The host refuses cart actions on products outside the seller's
    /// catalog scope.
    fn cart_scope(&self, product_id: &str) -> Result<(), String> {
        match self.product(product_id) {
            Ok(Some(_)) => Ok(()),
            _ => Err(format!("cart action refused: unknown product {product_id}")),
        }
    }

    /// Why actions passed to [`FakeHost::apply`] were refused, in order.
    pub fn refused_actions(&self) -> Vec<String> {
        self.refused.borrow().clone()
    }

    /// Every product loaded.
    pub fn products(&self) -> Vec<&Product> {
        self.catalog.iter().map(|i| &i.product).collect()
    }

    /// Rows skipped while loading the CSV.
    pub fn skipped_rows(&self) -> &[RejectedRow] {
        &self.skipped
    }

    /// Cart lines: (product id, quantity).
    pub fn cart_lines(&self) -> Vec<(String, u32)> {
        self.cart.borrow().clone()
    }

    /// Orders, newest first.
    pub fn order_list(&self) -> Vec<OrderSummary> {
        self.orders.borrow().clone()
    }

    /// A state value.
    pub fn state_of(&self, key: &str) -> Option<String> {
        self.state.borrow().get(key).cloned()
    }

    /// Set a state value (as a previous turn would have).
    pub fn put_state(&self, key: &str, value: &str) {
        self.state
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
    }

    /// Every search query received.
    pub fn searches(&self) -> Vec<SearchQuery> {
        self.searches.borrow().clone()
    }

    /// Every chat request received.
    pub fn chat_requests(&self) -> Vec<ChatRequest> {
        self.chats.borrow().clone()
    }

    /// Captured log lines.
    pub fn logs(&self) -> Vec<(LogLevel, String)> {
        self.logs.borrow().clone()
    }

    /// A brand scope matches as the host's does: trimmed, any case.
    fn in_scope(&self, p: &Product) -> bool {
        let key = |b: &str| b.trim().to_lowercase();
        self.brand.as_ref().is_none_or(|b| key(&p.brand) == key(b))
    }
}

fn empty_cart() -> Cart {
    Cart {
        lines: vec![],
        subtotal: Money {
            minor_units: 0,
            currency: "USD".into(),
        },
    }
}

impl Host for FakeHost {
    fn search(&self, q: &SearchQuery) -> Result<Vec<ScoredProduct>, HostError> {
        self.searches.borrow_mut().push(q.clone());
        if q.text.len() > 4096 {
            return Err(HostError::Invalid("query text too long".into()));
        }
        // The host's query parser (one implementation, `agent_store_lang`):
        // concepts with their English expansions, price bounds, colour,
        // size, gender, stock, over a vocabulary learnt from the catalog.
        let vocab = query::Vocabulary::from_texts(
            self.catalog
                .iter()
                .flat_map(|i| [i.product.title.as_str(), i.product.category.as_str()]),
        );
        let parsed = query::parse(&q.text, &vocab);
        type Alternatives = Vec<(Vec<String>, f32)>;
        let concepts: Vec<(f32, bool, Alternatives)> = parsed
            .concepts
            .iter()
            .map(|c| {
                let alts = c
                    .expansions
                    .iter()
                    .map(|e| {
                        (
                            e.words.iter().flat_map(|w| text::terms(w)).collect(),
                            e.weight,
                        )
                    })
                    .filter(|(words, _): &(Vec<String>, f32)| !words.is_empty())
                    .collect::<Vec<_>>();
                (c.weight, c.known, alts)
            })
            .filter(|(_, _, alts)| !alts.is_empty())
            .collect();
        let total_weight: f32 = concepts.iter().map(|(w, _, _)| *w).sum();
        let colour = q.color.as_deref().filter(|c| !c.trim().is_empty());
        let size = q.size.as_deref().filter(|s| !s.trim().is_empty());
        let has_filter = q.max_price_minor.is_some()
            || q.min_price_minor.is_some()
            || parsed.max_price.is_some()
            || parsed.min_price.is_some()
            || colour.is_some()
            || parsed.color.is_some()
            || size.is_some()
            || parsed.size.is_some();
        if concepts.is_empty() && !has_filter {
            return Ok(vec![]);
        }
        // Ranking terms within the covered products: every expansion word.
        let mut terms: Vec<String> = Vec::new();
        for (_, _, alts) in &concepts {
            for (words, _) in alts {
                for w in words {
                    if !terms.contains(w) {
                        terms.push(w.clone());
                    }
                }
            }
        }
        let scoped: Vec<&Indexed> = self
            .catalog
            .iter()
            .filter(|i| self.in_scope(&i.product))
            .collect();
        let n = scoped.len().max(1) as f32;
        let idf: Vec<f32> = terms
            .iter()
            .map(|t| {
                let df = scoped.iter().filter(|i| i.mentions(t)).count().max(1) as f32;
                let modifier = if MODIFIERS.contains(&t.as_str()) {
                    0.5
                } else {
                    1.0
                };
                (1.0 + n / df).ln() * modifier
            })
            .collect();
        // How much of the query a product covers, as the host scores it:
        // each concept's best alternative whose words it all mentions.
        let coverage = |i: &Indexed| -> f32 {
            if concepts.is_empty() {
                return 1.0;
            }
            let covered: f32 = concepts
                .iter()
                .map(|(w, known, alts)| {
                    w * alts
                        .iter()
                        .map(|(words, aw)| aw * i.coverage(words, *known))
                        .fold(0.0f32, f32::max)
                })
                .sum();
            covered / total_weight.max(f32::EPSILON)
        };
        let in_stock_only = q.in_stock_only || parsed.in_stock;
        let mut hits: Vec<(f32, ScoredProduct)> = scoped
            .iter()
            .filter(|i| {
                let p = &i.product;
                let price = reply::effective_price(p);
                let (min, max) = parsed.price_bounds_minor(currency_exponent(&price.currency));
                let price = price.minor_units;
                q.max_price_minor.or(max).is_none_or(|m| price <= m)
                    && q.min_price_minor.or(min).is_none_or(|m| price >= m)
                    && colour.is_none_or(|c| query::colour_matches(c, p.color.as_deref()))
                    && size.is_none_or(|s| query::size_matches(s, p.size.as_deref()))
                    && q.gender.as_ref().is_none_or(|g| {
                        p.gender
                            .as_deref()
                            .is_some_and(|pg| pg.eq_ignore_ascii_case(g) || pg == "unisex")
                    })
                    && (!in_stock_only
                        || (matches!(
                            p.availability,
                            Availability::InStock | Availability::AvailableForOrder
                        ) && p.quantity != Some(0)))
            })
            .filter_map(|i| {
                let cov = coverage(i);
                let s = if terms.is_empty() {
                    0.1
                } else {
                    i.score(&terms, &idf)
                };
                (cov > 0.0).then(|| {
                    (
                        cov,
                        ScoredProduct {
                            product: i.product.clone(),
                            score: 10.0 * cov + s,
                        },
                    )
                })
            })
            .collect();
        // The host's relevance floor, then its soft text filters: the
        // colour and size the text names, when the best matches allow.
        let max_cov = hits.iter().map(|h| h.0).fold(0.0f32, f32::max);
        hits.retain(|h| h.0 >= 0.4 * max_cov);
        let strong = |h: &(f32, ScoredProduct)| h.0 >= 0.75 * max_cov;
        if let Some(c) = parsed.color.as_deref().filter(|_| colour.is_none())
            && hits
                .iter()
                .any(|h| strong(h) && query::colour_matches(c, h.1.product.color.as_deref()))
        {
            hits.retain(|h| query::colour_matches(c, h.1.product.color.as_deref()));
        }
        if let Some(sz) = parsed.size.as_deref().filter(|_| size.is_none())
            && hits
                .iter()
                .any(|h| strong(h) && query::size_matches(sz, h.1.product.size.as_deref()))
        {
            hits.retain(|h| query::size_matches(sz, h.1.product.size.as_deref()));
        }
        let mut hits: Vec<ScoredProduct> = hits.into_iter().map(|h| h.1).collect();
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.product.id.cmp(&b.product.id))
        });
        hits.truncate(if q.limit == 0 { 10 } else { q.limit.min(50) } as usize);
        Ok(hits)
    }

    fn product(&self, id: &str) -> Result<Option<Product>, HostError> {
        Ok(self
            .catalog
            .iter()
            .map(|i| &i.product)
            .find(|p| p.id == id && self.in_scope(p))
            .cloned())
    }

    fn recommend(
        &self,
        product_id: &str,
        kind: RecommendationKind,
        limit: u32,
    ) -> Result<Vec<Recommendation>, HostError> {
        let Some(base) = self.product(product_id)? else {
            return Err(HostError::Invalid(format!("unknown product {product_id}")));
        };
        let top = |c: &str| c.split('>').next().unwrap_or("").trim().to_owned();
        let price = reply::effective_price(&base).minor_units;
        let mut out: Vec<Recommendation> = self
            .catalog
            .iter()
            .map(|i| &i.product)
            .filter(|p| p.id != base.id && p.brand == base.brand && self.in_scope(p))
            .filter(|p| match kind {
                RecommendationKind::Alternative => {
                    p.category == base.category && p.title != base.title
                }
                RecommendationKind::Upsell => {
                    p.category == base.category && reply::effective_price(p).minor_units > price
                }
                RecommendationKind::CrossSell => {
                    top(&p.category) != top(&base.category) || p.category != base.category
                }
            })
            .map(|p| Recommendation {
                product: p.clone(),
                kind,
                explanation: match kind {
                    RecommendationKind::Alternative => format!("Also in {}", p.category),
                    RecommendationKind::Upsell => format!("A step up in {}", p.category),
                    RecommendationKind::CrossSell => format!("Goes well with {}", base.title),
                },
            })
            .collect();
        out.truncate(limit as usize);
        Ok(out)
    }

    fn chat(&self, request: &ChatRequest) -> Result<ChatResponse, HostError> {
        self.chats.borrow_mut().push(request.clone());
        self.llm
            .borrow_mut()
            .pop_front()
            .unwrap_or_else(|| Err(HostError::Unavailable("no LLM in FakeHost".into())))
    }

    fn cart(&self) -> Result<Cart, HostError> {
        let mut lines = Vec::new();
        let mut subtotal = 0;
        let mut currency = "USD".to_owned();
        for (id, qty) in self.cart.borrow().iter() {
            if let Some(p) = self
                .catalog
                .iter()
                .map(|i| &i.product)
                .find(|p| &p.id == id)
            {
                let unit = reply::effective_price(p).clone();
                subtotal += unit.minor_units * i64::from(*qty);
                currency = unit.currency.clone();
                lines.push(CartLine {
                    product_id: id.clone(),
                    title: p.title.clone(),
                    quantity: *qty,
                    unit_price: unit,
                });
            }
        }
        Ok(Cart {
            lines,
            subtotal: Money {
                minor_units: subtotal,
                currency,
            },
        })
    }

    fn orders(&self, limit: u32) -> Result<Vec<OrderSummary>, HostError> {
        Ok(self
            .orders
            .borrow()
            .iter()
            .take(limit as usize)
            .cloned()
            .collect())
    }

    fn history(&self, limit: u32) -> Vec<HistoryEntry> {
        let h = self.history.borrow();
        let skip = h.len().saturating_sub(limit as usize);
        h[skip..].to_vec()
    }

    fn state(&self, key: &str) -> Option<String> {
        self.state_of(key)
    }

    fn set_state(&self, key: &str, value: &str) -> Result<(), HostError> {
        if key.is_empty() || key.len() > 64 {
            return Err(HostError::Invalid("state key must be 1-64 bytes".into()));
        }
        if value.len() > 4096 {
            return Err(HostError::LimitExceeded(
                "state value over 4096 bytes".into(),
            ));
        }
        let mut s = self.state.borrow_mut();
        if !s.contains_key(key) && s.len() >= 32 {
            return Err(HostError::LimitExceeded("more than 32 state keys".into()));
        }
        s.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn config(&self, key: &str) -> Option<String> {
        self.config.get(key).cloned()
    }

    fn prompt(&self) -> String {
        self.prompt.clone()
    }

    fn log(&self, level: LogLevel, message: &str) {
        self.logs.borrow_mut().push((level, message.to_owned()));
    }

    fn brands(&self) -> Result<Vec<BrandProfile>, HostError> {
        Ok(self.profiles.clone())
    }

    fn match_text(&self, text: &str, limit: u32) -> Result<Vec<BrandMatch>, HostError> {
        if let Some(v) = &self.vocabulary {
            return Ok(v
                .match_text(text, limit as usize)
                .into_iter()
                .map(|m| BrandMatch {
                    brand: m.brand,
                    score: m.score,
                    terms: m.terms,
                })
                .collect());
        }
        let mut matches = self.matches.clone();
        matches.sort_by(|a, b| b.score.total_cmp(&a.score));
        matches.truncate(limit as usize);
        Ok(matches)
    }
}

/// Build a [`Turn`] in one line: `TurnBuilder::text("hi").brand("tech").build()`.
#[derive(Debug, Clone)]
pub struct TurnBuilder {
    turn: Turn,
}

impl TurnBuilder {
    /// A turn carrying any message content.
    pub fn content(content: MessageContent) -> Self {
        TurnBuilder {
            turn: Turn {
                conversation_id: "conv-test".into(),
                customer: Customer {
                    wa_id: "5511999990000".into(),
                    name: Some("Ana".into()),
                },
                brand: String::new(),
                message: InboundMessage {
                    id: "wamid.test".into(),
                    timestamp: 1_700_000_000,
                    content,
                    reply_to: None,
                },
                history: vec![],
                language: String::new(),
            },
        }
    }
    /// A free-text message.
    pub fn text(text: &str) -> Self {
        Self::content(MessageContent::Text(text.into()))
    }
    /// A tapped reply button.
    pub fn button(id: &str, title: &str) -> Self {
        Self::content(MessageContent::ButtonReply(Choice {
            id: id.into(),
            title: title.into(),
        }))
    }
    /// A tapped list row.
    pub fn list_reply(id: &str, title: &str) -> Self {
        Self::content(MessageContent::ListReply(Choice {
            id: id.into(),
            title: title.into(),
        }))
    }
    /// The seller's brand.
    pub fn brand(mut self, brand: &str) -> Self {
        self.turn.brand = brand.into();
        self
    }
    /// The language the host detected ("en", "pt", "es" or "").
    pub fn language(mut self, lang: &str) -> Self {
        self.turn.language = lang.into();
        self
    }
    /// The conversation id.
    pub fn conversation(mut self, id: &str) -> Self {
        self.turn.conversation_id = id.into();
        self
    }
    /// Add a history line (oldest first).
    pub fn said(mut self, speaker: Speaker, text: &str) -> Self {
        let ts = 1_699_999_000 + self.turn.history.len() as u64;
        self.turn.history.push(HistoryEntry {
            speaker,
            text: text.into(),
            brand: None,
            timestamp: ts,
        });
        self
    }
    /// The turn.
    pub fn build(self) -> Turn {
        self.turn
    }
}

/// The five demo brands.
pub const DEMO_BRANDS: [&str; 5] = ["fashion", "tech", "home", "beauty", "gaming"];

/// Build a [`RouteRequest`]: `RouteBuilder::text("hi").current("tech").build()`.
#[derive(Debug, Clone)]
pub struct RouteBuilder {
    req: RouteRequest,
}

impl RouteBuilder {
    /// A request carrying any message content, over [`DEMO_BRANDS`].
    pub fn content(content: MessageContent) -> Self {
        let t = TurnBuilder::content(content).build();
        RouteBuilder {
            req: RouteRequest {
                conversation_id: t.conversation_id,
                customer: t.customer,
                message: t.message,
                current_brand: None,
                history: vec![],
                brands: DEMO_BRANDS.iter().map(|b| (*b).to_owned()).collect(),
            },
        }
    }
    /// A free-text message.
    pub fn text(text: &str) -> Self {
        Self::content(MessageContent::Text(text.into()))
    }
    /// The brand the conversation is routed to now.
    pub fn current(mut self, brand: &str) -> Self {
        self.req.current_brand = Some(brand.into());
        self
    }
    /// The brands the host has sellers for.
    pub fn brands(mut self, brands: &[&str]) -> Self {
        self.req.brands = brands.iter().map(|b| (*b).to_owned()).collect();
        self
    }
    /// Add a history line.
    pub fn said(mut self, speaker: Speaker, text: &str) -> Self {
        self.req.history.push(HistoryEntry {
            speaker,
            text: text.into(),
            brand: None,
            timestamp: 0,
        });
        self
    }
    /// The request.
    pub fn build(self) -> RouteRequest {
        self.req
    }
}

/// Product ids shown by `product` and `products` actions, in order.
pub fn shown_products(actions: &[Action]) -> Vec<String> {
    let mut ids = Vec::new();
    for a in actions {
        match a {
            Action::Product(p) => ids.push(p.product_id.clone()),
            Action::Products(p) => ids.extend(p.product_ids.iter().cloned()),
            _ => {}
        }
    }
    ids
}

/// All customer-visible text of the actions, joined by newlines.
pub fn all_text(actions: &[Action]) -> String {
    let mut out = Vec::new();
    for a in actions {
        match a {
            Action::Text(t) => out.push(t.clone()),
            Action::Buttons(b) => {
                out.push(b.body.clone());
                out.extend(b.buttons.iter().map(|x| x.title.clone()));
            }
            Action::List(l) => {
                out.push(l.body.clone());
                for s in &l.sections {
                    out.extend(s.rows.iter().map(|r| r.title.clone()));
                }
            }
            Action::Products(p) => out.push(p.body.clone()),
            Action::Product(p) => out.extend(p.body.clone()),
            Action::Image(i) => out.extend(i.caption.clone()),
            _ => {}
        }
    }
    out.join("\n")
}

/// Every button and list-row id offered.
pub fn choice_ids(actions: &[Action]) -> Vec<String> {
    let mut ids = Vec::new();
    for a in actions {
        match a {
            Action::Buttons(b) => ids.extend(b.buttons.iter().map(|x| x.id.clone())),
            Action::List(l) => ids.extend(
                l.sections
                    .iter()
                    .flat_map(|s| s.rows.iter().map(|r| r.id.clone())),
            ),
            _ => {}
        }
    }
    ids
}

/// Panic unless every action fits WhatsApp's limits.
pub fn assert_valid(actions: &[Action]) {
    for a in actions {
        if let Err(e) = reply::validate(a) {
            panic!("invalid action {a:?}: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../catalog/products.csv");

    fn q(text: &str) -> SearchQuery {
        SearchQuery::words(text, 10)
    }

    #[test]
    fn loads_the_demo_catalog() {
        let h = FakeHost::from_csv(CSV).unwrap();
        assert!(h.products().len() >= 150, "{}", h.products().len());
        let bad = "id,title,price,availability,brand\n,No id,1.00 USD,in stock,tech\nX-1,Bad price,abc,in stock,tech\nX-2,Ok,2.50 USD,in stock,tech\nX-2,Dup,2.50 USD,in stock,tech\n";
        let h2 = FakeHost::from_csv_str(bad).expect("columns");
        assert_eq!(h2.products().len(), 1);
        // the host's reasons, on the feed's lines
        let skipped: Vec<(u64, &str)> = h2
            .skipped_rows()
            .iter()
            .map(|r| (r.line, r.reason.as_str()))
            .collect();
        assert_eq!(skipped[0], (2, "missing id"));
        assert_eq!(skipped[1].0, 3);
        assert!(skipped[1].1.starts_with("unparsable price"), "{skipped:?}");
        assert_eq!(skipped[2], (5, "duplicate id X-2 (already on line 4)"));
        assert_eq!(skipped.len(), 3);
        // Google's `backorder` is orderable, as the host reads it
        let google = "id,title,price,availability,brand\nG-1,Kettle,20.00 USD,backorder,home\n";
        let h3 = FakeHost::from_csv_str(google).expect("columns");
        assert_eq!(
            h3.products()[0].availability,
            Availability::AvailableForOrder
        );
        assert!(matches!(
            FakeHost::from_csv_str("id,title\n1,x\n"),
            Err(FeedError::MissingColumns(c)) if c == "price"
        ));
    }

    #[test]
    fn searches_with_scope_filters_and_typos() {
        let h = FakeHost::from_csv(CSV).unwrap().with_brand("tech");
        let hits = h.search(&q("laptop")).unwrap();
        assert!(!hits.is_empty());
        let laptops = hits
            .iter()
            .take_while(|s| s.product.category.starts_with("Laptops"))
            .count();
        assert_eq!(laptops, 5, "all five laptops rank first");
        let hits = h.search(&q("labtop under $700")).unwrap();
        assert!(!hits.is_empty());
        assert!(
            hits.iter()
                .all(|s| reply::effective_price(&s.product).minor_units <= 70_000)
        );
        let hits = h.search(&q("fone de ouvido branco")).unwrap();
        assert!(
            hits.iter()
                .all(|s| s.product.color.as_deref() == Some("white"))
        );
        assert!(h.search(&q("lipstick")).unwrap().is_empty());
        assert!(h.product("BTY-0010").unwrap().is_none());
        let all = FakeHost::from_csv(CSV).unwrap();
        assert_eq!(all.search(&q("batom")).unwrap()[0].product.brand, "beauty");
    }

    #[test]
    fn cart_edits_apply_like_the_host() {
        let h = FakeHost::from_csv(CSV).unwrap().with_brand("tech");
        let set = |id: &str, quantity| {
            Action::SetCartQuantity(CartIntent {
                product_id: id.into(),
                quantity,
            })
        };
        h.apply(&[
            reply::add_to_cart("TEC-0010", 2),
            reply::add_to_cart("TEC-0012", 1),
            set("TEC-0010", 5),
            set("TEC-0011", 1),
        ]);
        let lines = |h: &FakeHost| h.cart_lines();
        assert_eq!(
            lines(&h),
            [
                ("TEC-0010".to_owned(), 5),
                ("TEC-0012".to_owned(), 1),
                ("TEC-0011".to_owned(), 1)
            ]
        );
        // Refused, nothing changed: too many units, another brand's product.
        h.apply(&[
            set("TEC-0010", crate::MAX_CART_QUANTITY + 1),
            Action::RemoveFromCart("HOM-0001".into()),
            reply::add_to_cart("TEC-0010", 500),
        ]);
        assert_eq!(h.refused_actions().len(), 3, "{:?}", h.refused_actions());
        assert_eq!(lines(&h).len(), 3);
        assert_eq!(lines(&h)[0], ("TEC-0010".to_owned(), 5));
        // Adding never goes past the line maximum.
        h.add_to_cart("TEC-0010", 98);
        assert_eq!(lines(&h)[0].1, crate::MAX_CART_QUANTITY);
        h.apply(&[
            Action::RemoveFromCart("TEC-0012".into()),
            Action::RemoveFromCart("TEC-0012".into()),
            set("TEC-0011", 0),
        ]);
        assert_eq!(lines(&h), [("TEC-0010".to_owned(), 99)]);
        h.apply(&[Action::ClearCart]);
        assert!(lines(&h).is_empty());
        assert_eq!(h.refused_actions().len(), 3);
    }

    #[test]
    fn routing_answers_are_scripted() {
        let h = FakeHost::new()
            .with_brand_profile(BrandProfile {
                brand: "tech".into(),
                display_name: "Tech".into(),
                categories: vec!["Laptops".into()],
                examples: vec![],
            })
            .with_brand_match("home", 0.4, &["sofa"])
            .with_brand_match("tech", 0.9, &["laptop"]);
        assert_eq!(h.brands().unwrap()[0].brand, "tech");
        let m = h.match_text("a laptop and a sofa", 1).unwrap();
        assert_eq!(m.len(), 1);
        assert_eq!(
            (m[0].brand.as_str(), m[0].terms[0].as_str()),
            ("tech", "laptop")
        );
        // A seller's real host has no routing import.
        assert!(matches!(
            crate::WasmHost.brands(),
            Err(HostError::Unavailable(_))
        ));
    }

    #[test]
    fn cart_orders_state_llm() {
        let h = FakeHost::from_csv(CSV)
            .unwrap()
            .with_brand("tech")
            .with_llm_reply("hello");
        h.apply(&[
            reply::add_to_cart("TEC-0010", 2),
            reply::add_to_cart("BTY-0001", 1),
        ]);
        let cart = h.cart().unwrap();
        assert_eq!(cart.lines.len(), 1);
        assert_eq!(cart.subtotal.minor_units, 199_800);
        h.apply(&[reply::place_order(None)]);
        assert_eq!(h.order_list().len(), 1);
        assert!(h.cart_lines().is_empty());
        h.set_state("k", "v").unwrap();
        assert_eq!(h.state("k").as_deref(), Some("v"));
        let req = ChatRequest {
            messages: vec![],
            use_tools: false,
        };
        assert_eq!(h.chat(&req).unwrap().content, "hello");
        assert!(matches!(h.chat(&req), Err(HostError::Unavailable(_))));
        assert_eq!(h.chat_requests().len(), 2);
    }
}
