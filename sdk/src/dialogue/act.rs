//! What a customer's message does to the conversation: a [`Act`] read from
//! the message's words with the cue vocabularies, ordinals, numbers,
//! prices, colours and sizes, independent of the catalog. The seller kit
//! resolves its [`Target`]s against the [`DialogueState`] and the cart.

use std::cell::RefCell;

use super::cues::{Cue, cues};
use super::numbers;
use super::state::DialogueState;
use crate::intent::Signals;
use crate::text;

/// Which product a message points at.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// The product in focus ("it", "esse", "that one", or nothing said).
    Focus,
    /// A position in the offered list, 1-based; -1 is the last.
    Position(i32),
    /// The offered product at this price ("el de 39,90"), minor units.
    Price(i64),
    /// The offered product in this catalog colour ("the blue one").
    Color(String),
    /// The offered product in this size.
    Size(String),
    /// The cheapest offered product.
    Cheapest,
    /// Product words ("the mouse pad"), stemmed.
    Named(Vec<String>),
}

/// How a list is re-sorted or widened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Cheaper than the product in focus, cheapest first.
    Cheaper,
    /// Cheapest first.
    Cheapest,
    /// Like the product in focus.
    Similar,
}

/// A refinement of the current list: every active constraint is kept,
/// these are changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Refinement {
    /// Re-sort or widen.
    pub sort: Option<Sort>,
    /// A colour asked for.
    pub color: Option<String>,
    /// A size asked for.
    pub size: Option<String>,
    /// A new upper price bound, minor units.
    pub max_price_minor: Option<i64>,
    /// A new lower price bound, minor units.
    pub min_price_minor: Option<i64>,
    /// "Other colours?" without naming one.
    pub other_color: bool,
    /// "Other sizes?" without naming one.
    pub other_size: bool,
}

/// What the message does.
#[derive(Debug, Clone, PartialEq)]
pub enum Act {
    /// Put a product in the cart (a quantity when one was said); then
    /// check out when the message also said so.
    Add {
        /// Which product.
        target: Target,
        /// How many, when said.
        quantity: Option<u64>,
        /// "buy" with no new product: checkout if it is already in the cart.
        buy: bool,
        /// "…and that's all".
        then_checkout: bool,
    },
    /// Take a product out of the cart.
    Remove(Target),
    /// Change a cart line's quantity ("make it 3").
    SetQuantity(Target, u64),
    /// Empty the cart.
    ClearCart,
    /// Show the cart.
    ShowCart,
    /// Place the order.
    Checkout,
    /// Give up the purchase in progress.
    Cancel,
    /// Compare two offered products.
    Compare(Target, Target),
    /// A price question about the product in focus or the list.
    PriceOf(Option<Target>),
    /// The next products for the current query.
    More,
    /// Refine the current list.
    Refine(Refinement),
    /// A new product search, sorted when asked.
    Search(Option<Sort>),
    /// Nothing this module understands.
    Unclear,
}

/// The parts of a message the acts are read from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reading {
    /// Normalised, stemmed words.
    pub terms: Vec<String>,
    /// Product words: not cue, intent, stop, number, colour or size words.
    pub content: Vec<String>,
    /// The first ordinal ("segundo" → 2).
    pub ordinal: Option<i32>,
    /// A second ordinal (for comparisons).
    pub ordinal2: Option<i32>,
    /// A quantity ("2 of them", "quero 3", "make it 10000").
    pub quantity: Option<u64>,
    /// Prices quoted with decimals or a currency sign.
    pub prices: Vec<i64>,
    /// Colour, size and price bounds stated.
    pub constraints: text::Constraints,
    /// The cues the message contains (matched once).
    cues: Vec<Cue>,
}

/// Every cue, to match a message against once.
const ALL_CUES: &[Cue] = &[
    Cue::Add,
    Cue::Buy,
    Cue::Remove,
    Cue::SetQuantity,
    Cue::Clear,
    Cue::Cart,
    Cue::Checkout,
    Cue::Cancel,
    Cue::Cheaper,
    Cue::Cheapest,
    Cue::Similar,
    Cue::Have,
    Cue::OtherColor,
    Cue::OtherSize,
    Cue::Compare,
    Cue::Price,
    Cue::More,
    Cue::Pointer,
];

/// Messages are read up to this many characters: a longer one is no
/// follow-up, and its head says what it is about.
pub const MAX_READ_CHARS: usize = 500;

/// Tokens after which a number is a quantity: the words of the add, buy
/// and set-quantity cues plus a few verbs' objects.
fn quantity_context(token: &str) -> bool {
    let c = cues();
    let t = text::stem(token);
    !is_size_word(token)
        && [Cue::Add, Cue::Buy, Cue::SetQuantity, Cue::Remove]
            .iter()
            .any(|cue| c.cue_has_word(*cue, &t))
        && !matches!(token, "de" | "a" | "o" | "the" | "to" | "la" | "el")
}

/// Words after a number that make it a count ("2 of them", "3 unidades").
const COUNT_NOUNS: &[&str] = &[
    "of", "de", "do", "da", "dos", "das", "unit", "units", "unidade", "unidades", "pcs", "x",
    "items", "itens", "pieces", "pecas", "piezas", "more", "mais", "mas",
];

fn is_size_word(t: &str) -> bool {
    matches!(
        t,
        "size" | "tamanho" | "tam" | "talla" | "talle" | "numero" | "calco" | "calzo" | "n" | "no"
    )
}

thread_local! {
    /// The last message read and its reading: a seller turn reads its
    /// message up to three times (the act, a variant check, the words of a
    /// sorted search).
    static LAST: RefCell<Option<(String, String, Reading)>> = const { RefCell::new(None) };
}

impl Reading {
    /// Read a message in `lang` (once per message and language: asking
    /// again returns the first reading). Read by the host when the plugin
    /// runs in one ([`crate::analysis`]).
    pub fn of(raw: &str, lang: &str) -> Reading {
        let cached = LAST.with(|last| {
            last.try_borrow().ok().and_then(|last| {
                last.as_ref()
                    .filter(|(text, l, _)| text == raw && l == lang)
                    .map(|(_, _, r)| r.clone())
            })
        });
        if let Some(r) = cached {
            return r;
        }
        let r = crate::analysis::ask(|a| a.reading(raw, lang))
            .unwrap_or_else(|| Self::read_locally(raw, lang));
        LAST.with(|last| {
            if let Ok(mut last) = last.try_borrow_mut() {
                *last = Some((raw.to_owned(), lang.to_owned(), r.clone()));
            }
        });
        r
    }

    /// The cues the message contains.
    pub fn cues(&self) -> &[Cue] {
        &self.cues
    }

    /// This reading with `cues` as the message's cues (a reading the host
    /// made, [`crate::analysis`]).
    pub fn with_cues(mut self, cues: Vec<Cue>) -> Reading {
        self.cues = cues;
        self
    }

    /// [`Self::of`], computed here and now.
    fn read_locally(raw: &str, lang: &str) -> Reading {
        let clipped: String = raw.chars().take(MAX_READ_CHARS).collect();
        let raw = clipped.as_str();
        let tokens = text::tokenize(raw);
        let terms: Vec<String> = tokens.iter().map(|t| text::stem(t)).collect();
        let constraints = text::extract_constraints(raw);
        let c = cues();
        let size_norm = constraints.size.as_deref().map(text::normalize);
        let color_norm = constraints.color.as_deref().map(text::normalize);
        let mut r = Reading {
            constraints,
            prices: crate::seller::quoted_prices(raw),
            ..Reading::default()
        };
        for (i, t) in tokens.iter().enumerate() {
            if let Some(o) = numbers::ordinal(t) {
                if r.ordinal.is_none() {
                    r.ordinal = Some(o);
                } else if r.ordinal2.is_none() {
                    r.ordinal2 = Some(o);
                }
                continue;
            }
            let prev = i.checked_sub(1).and_then(|j| tokens.get(j));
            let next = tokens.get(i + 1).map(String::as_str).unwrap_or("");
            let value = numbers::integer(t).or(numbers::cardinal(t, lang).map(u64::from));
            // "39,90" tokenises as two numbers: a price, not a count.
            let in_price = prev.is_some_and(|p| numbers::integer(p).is_some())
                || numbers::integer(next).is_some();
            if let Some(v) = value
                && r.quantity.is_none()
                && !in_price
                && !prev.is_some_and(|p| is_size_word(p))
            {
                let after_cue = prev.is_some_and(|p| quantity_context(p));
                let before_count = COUNT_NOUNS.contains(&next) || c.is_cue_word(&text::stem(next));
                let alone = tokens.len() == 1;
                if after_cue || before_count || alone {
                    r.quantity = Some(v);
                }
            }
        }
        let signals = Signals::of(raw);
        r.content = signals
            .content
            .into_iter()
            .filter(|w| {
                w.chars().count() > 1
                    && !c.is_cue_word(w)
                    && numbers::ordinal(w).is_none()
                    && numbers::cardinal(w, lang).is_none()
                    && text::color_of(w).is_none()
                    && size_norm.as_deref() != Some(w.as_str())
                    && color_norm.as_deref() != Some(w.as_str())
                    && !is_size_word(w)
                    && !w.bytes().any(|b| b.is_ascii_digit())
                    && !matches!(
                        w.as_str(),
                        "reai" | "real" | "dolare" | "dollar" | "buck" | "peso" | "usd" | "brl"
                    )
            })
            .collect();
        // A word the customer spelt right is no typo of a cue word: "preto"
        // (black) is not "preco" (price), "mando" (controller) is not
        // "manda" (send it). Known product and colour words only match
        // cues exactly.
        let guarded: Vec<String> = tokens
            .iter()
            .zip(&terms)
            .map(|(tok, term)| {
                if term.chars().count() >= text::FUZZY_MIN_LEN
                    && !c.is_cue_word(term)
                    && is_vocabulary_word(tok)
                {
                    format!("\u{1}\u{1}{term}")
                } else {
                    term.clone()
                }
            })
            .collect();
        let matched = c.term_matches(&guarded);
        r.cues = ALL_CUES
            .iter()
            .copied()
            .filter(|cue| c.has_matched(*cue, &matched))
            .collect();
        r.terms = terms;
        r
    }

    /// Whether the message contains a phrase of `cue`.
    pub fn has(&self, cue: Cue) -> bool {
        self.cues.contains(&cue)
    }

    /// The explicit reference in the message, if any.
    fn reference(&self) -> Option<Target> {
        if let Some(o) = self.ordinal {
            return Some(Target::Position(o));
        }
        // A price that is a stated bound ("under $45") is no reference.
        let bounds = [
            self.constraints.max_price_minor,
            self.constraints.min_price_minor,
        ];
        if let Some(p) = self.prices.iter().find(|p| !bounds.contains(&Some(**p))) {
            return Some(Target::Price(*p));
        }
        if let Some(c) = &self.constraints.color {
            return Some(Target::Color(c.clone()));
        }
        if let Some(s) = &self.constraints.size {
            return Some(Target::Size(s.clone()));
        }
        if !self.content.is_empty() {
            return Some(Target::Named(self.content.clone()));
        }
        None
    }

    fn refinement(&self) -> Refinement {
        let c = &self.constraints;
        let sort = if self.has(Cue::Cheapest) {
            Some(Sort::Cheapest)
        } else if self.has(Cue::Cheaper) {
            Some(Sort::Cheaper)
        } else if self.has(Cue::Similar) {
            Some(Sort::Similar)
        } else {
            None
        };
        Refinement {
            sort,
            color: c.color.clone(),
            size: c.size.clone(),
            max_price_minor: c.max_price_minor,
            min_price_minor: c.min_price_minor,
            other_color: self.has(Cue::OtherColor),
            other_size: self.has(Cue::OtherSize),
        }
    }
}

/// A word of the product vocabulary (the catalog words the lexicon knows,
/// in en/pt/es) or a colour.
fn is_vocabulary_word(token: &str) -> bool {
    crate::lexicon::is_vocabulary_word(token) || text::color_of(token).is_some()
}

/// Whether a product is the variant `want` (a colour or a size), by its
/// catalog field or by the variant part of its title ("Nova Wireless
/// Controller - White": catalogs put variants in odd places).
pub fn is_variant(title: &str, field: Option<&str>, want: &str) -> bool {
    let w = text::normalize(want);
    if w.is_empty() {
        return false;
    }
    if field.is_some_and(|f| {
        let f = text::normalize(f);
        f == w || format!(" {f} ").contains(&format!(" {w} "))
    }) {
        return true;
    }
    title.split_once(" - ").is_some_and(|(_, variant)| {
        format!(" {} ", text::normalize(variant)).contains(&format!(" {w} "))
    })
}

/// Whether `target` names an offered product (so "the blue one" picks it
/// rather than asking for a blue variant).
fn names_offered(target: &Target, state: &DialogueState) -> bool {
    match target {
        Target::Color(c) => state
            .offered
            .iter()
            .any(|o| is_variant(&o.title, o.color.as_deref(), c)),
        Target::Size(s) => state
            .offered
            .iter()
            .any(|o| is_variant(&o.title, o.size.as_deref(), s)),
        Target::Named(words) => state.offered.iter().any(|o| title_covers(&o.title, words)),
        Target::Price(m) => state.offered.iter().any(|o| (o.price_minor - m).abs() <= 1),
        _ => !state.offered.is_empty(),
    }
}

/// Every product word appears (stemmed, typo-tolerant) in `title`, or in
/// the catalog-English words of the customer's term.
pub fn title_covers(title: &str, words: &[String]) -> bool {
    title_score(title, words) >= 0.99
}

/// Share of `words` found in `title` (0..=1), counting joined neighbours
/// ("mousepad" = "mouse pad") and the catalog-English translation of pt/es
/// words.
pub fn title_score(title: &str, words: &[String]) -> f32 {
    if words.is_empty() {
        return 0.0;
    }
    let tt = text::terms(title);
    let mut joined: Vec<String> = tt.windows(2).map(|w| format!("{}{}", w[0], w[1])).collect();
    joined.extend(tt.iter().cloned());
    let found: f32 = words
        .iter()
        .map(|w| {
            if joined.iter().any(|t| text::fuzzy_eq(t, w)) {
                return 1.0;
            }
            // One word per title: computed here, not asked of the host
            // (a listing's titles would spend the turn's host calls).
            let english = text::terms(&crate::lexicon::expand_query_here(w));
            if english.is_empty() {
                return 0.0;
            }
            english.iter().filter(|e| tt.contains(e)).count() as f32 / english.len() as f32
        })
        .sum();
    found / words.len() as f32
}

/// Read what `raw` does, given the conversation so far.
pub fn read(raw: &str, lang: &str, state: &DialogueState) -> Act {
    let r = Reading::of(raw, lang);
    act_of(&r, state)
}

fn act_of(r: &Reading, state: &DialogueState) -> Act {
    let listed = !state.offered.is_empty() || state.focus.is_some();
    if r.has(Cue::Clear) {
        return Act::ClearCart;
    }
    if r.has(Cue::Cancel) && r.content.is_empty() {
        return Act::Cancel;
    }
    if r.has(Cue::Remove) && (!r.has(Cue::Add) || !r.content.is_empty()) {
        return Act::Remove(r.reference().unwrap_or(Target::Focus));
    }
    if r.has(Cue::Compare) && listed {
        let a = r.ordinal.unwrap_or(1);
        let b = r.ordinal2.unwrap_or(if a == 1 { 2 } else { 1 });
        return Act::Compare(Target::Position(a), Target::Position(b));
    }
    let wants = r.has(Cue::Add) || r.has(Cue::Buy);
    let checkout = r.has(Cue::Checkout);
    let reference = r.reference();
    // A colour, size or price picks an offered product only when the
    // product words said (if any) fit it: "un mando nexus 5 negro" after a
    // black chair is a new product, not the chair.
    let picks_offered = reference
        .as_ref()
        .is_some_and(|t| listed && names_offered(t, state))
        && (r.content.is_empty()
            || matches!(reference, Some(Target::Named(_)))
            || state
                .offered
                .iter()
                .any(|o| title_score(&o.title, &r.content) >= 0.5));
    if r.has(Cue::Cart) && !wants && r.content.is_empty() && r.quantity.is_none() {
        return Act::ShowCart;
    }
    if let Some(q) = r.quantity
        && listed
        && (r.content.is_empty() || picks_offered)
    {
        let target = reference.filter(|_| picks_offered).unwrap_or(Target::Focus);
        if r.has(Cue::SetQuantity) && !wants {
            return Act::SetQuantity(target, q);
        }
        return Act::Add {
            target,
            quantity: Some(q),
            buy: false,
            then_checkout: checkout,
        };
    }
    if r.has(Cue::Have) && listed && r.content.is_empty() {
        let refine = r.refinement();
        if refine.color.is_some()
            || refine.size.is_some()
            || refine.other_color
            || refine.other_size
        {
            return Act::Refine(refine);
        }
    }
    if checkout && !picks_offered && (r.content.is_empty() || !wants) {
        return Act::Checkout;
    }
    if listed && wants && r.has(Cue::Cheapest) && r.content.is_empty() {
        return Act::Add {
            target: Target::Cheapest,
            quantity: None,
            buy: false,
            then_checkout: checkout,
        };
    }
    let refine = r.refinement();
    // "how much is it?" points at the focus but asks, it does not pick.
    // "the berry one": a pointer whose product words fit an offered title.
    let named_offered = picks_offered && matches!(reference, Some(Target::Named(_)));
    let pointer =
        r.has(Cue::Pointer) && (r.content.is_empty() || named_offered) && !r.has(Cue::Price);
    let price_ref = matches!(reference, Some(Target::Price(_)));
    if listed
        && (wants || pointer || r.ordinal.is_some() || price_ref)
        && (r.content.is_empty() || picks_offered)
        && refine.sort.is_none()
    {
        let target = match (&reference, picks_offered) {
            (Some(t), true) => t.clone(),
            (Some(Target::Position(p)), false) => Target::Position(*p),
            (Some(Target::Price(p)), false) => Target::Price(*p),
            (Some(Target::Color(_) | Target::Size(_)), false) => {
                return Act::Refine(refine);
            }
            _ => Target::Focus,
        };
        return Act::Add {
            target,
            quantity: None,
            buy: r.has(Cue::Buy) && !r.has(Cue::Add),
            then_checkout: checkout,
        };
    }
    if listed
        && picks_offered
        && r.content.is_empty()
        && refine.sort.is_none()
        && !r.has(Cue::Price)
    {
        // "the blue one", "o branco": a bare reference picks it.
        return Act::Add {
            target: reference.unwrap_or(Target::Focus),
            quantity: None,
            buy: false,
            then_checkout: checkout,
        };
    }
    if r.content.is_empty() {
        if listed && (refine != Refinement::default()) {
            return Act::Refine(refine);
        }
        if r.has(Cue::Price) && listed {
            return Act::PriceOf(r.ordinal.map(Target::Position));
        }
        if r.has(Cue::More) && listed {
            return Act::More;
        }
        if checkout {
            return Act::Checkout;
        }
        if r.has(Cue::Cart) {
            return Act::ShowCart;
        }
        return Act::Unclear;
    }
    Act::Search(refine.sort)
}

/// True when `raw` only refers to the conversation so far (a reference, a
/// cart edit, a refinement, checkout) and names no new product: a router
/// keeps such a follow-up with the conversation's brand.
pub fn is_follow_up(raw: &str, lang: &str, state: &DialogueState) -> bool {
    !matches!(read(raw, lang, state), Act::Search(_) | Act::Unclear)
}

/// [`is_follow_up`] for a caller that does not hold the seller's state (a
/// router): read as if a list had been offered.
pub fn reads_as_follow_up(raw: &str, lang: &str) -> bool {
    let listed = DialogueState {
        offered: vec![super::state::Offered::default()],
        focus: Some(String::new()),
        ..DialogueState::default()
    };
    is_follow_up(raw, lang, &listed)
}

#[cfg(test)]
mod tests {
    use super::super::state::Offered;
    use super::*;

    #[test]
    fn readings_are_kept_per_message_and_language_and_never_stale() {
        let asked = [
            ("quero o segundo", "pt"),
            ("quero o segundo", "pt"),
            ("2 of them", "en"),
            ("quero o segundo", "pt"),
            ("dos", "es"),
            ("dos", "pt"),
            ("dos", "es"),
        ];
        for (text, lang) in asked {
            assert_eq!(
                Reading::of(text, lang),
                Reading::read_locally(text, lang),
                "{text} ({lang})"
            );
        }
        assert_eq!(Reading::of("dos", "es").quantity, Some(2));
    }

    fn listed() -> DialogueState {
        let item = |id: &str, price: i64, color: &str| Offered {
            id: id.into(),
            title: format!("Thing {id} - {color}"),
            price_minor: price,
            currency: "USD".into(),
            color: Some(color.into()),
            ..Offered::default()
        };
        DialogueState {
            offered: vec![
                item("A", 8990, "black"),
                item("B", 3990, "blue"),
                item("C", 5990, "white"),
            ],
            focus: Some("A".into()),
            ..DialogueState::default()
        }
    }

    fn add(target: Target) -> Act {
        Act::Add {
            target,
            quantity: None,
            buy: false,
            then_checkout: false,
        }
    }

    #[test]
    fn references() {
        let s = listed();
        assert_eq!(
            read("I'll take the second one", "en", &s),
            add(Target::Position(2))
        );
        assert_eq!(
            read("vou levar o segundo", "pt", &s),
            add(Target::Position(2))
        );
        assert_eq!(
            read("me llevo la segunda", "es", &s),
            add(Target::Position(2))
        );
        assert_eq!(read("el de 39,90", "es", &s), add(Target::Price(3990)));
        assert_eq!(
            read("the blue one", "en", &s),
            add(Target::Color("blue".into()))
        );
        assert_eq!(read("great, add it", "en", &s), add(Target::Focus));
        assert_eq!(read("esse", "pt", &s), add(Target::Focus));
        assert_eq!(read("that one", "en", &s), add(Target::Focus));
    }

    #[test]
    fn quantities() {
        let s = listed();
        let two = |target| Act::Add {
            target,
            quantity: Some(2),
            buy: false,
            then_checkout: false,
        };
        assert_eq!(read("I want 2 of them", "en", &s), two(Target::Focus));
        assert_eq!(read("quero 2", "pt", &s), two(Target::Focus));
        assert_eq!(read("quiero dos de esos", "es", &s), two(Target::Focus));
        assert_eq!(
            read("actually make it 3", "en", &s),
            Act::SetQuantity(Target::Focus, 3)
        );
    }

    #[test]
    fn cart_and_checkout() {
        let s = listed();
        assert_eq!(read("pode fechar o pedido", "pt", &s), Act::Checkout);
        assert_eq!(read("quero pagar", "pt", &s), Act::Checkout);
        assert_eq!(read("that's all", "en", &s), Act::Checkout);
        assert_eq!(read("eso es todo", "es", &s), Act::Checkout);
        assert_eq!(read("vacía el carrito", "es", &s), Act::ClearCart);
        assert_eq!(read("show my cart", "en", &s), Act::ShowCart);
        assert!(matches!(
            read("tira o mousepad", "pt", &s),
            Act::Remove(Target::Named(_))
        ));
        assert_eq!(read("cancela tudo, desisti", "pt", &s), Act::Cancel);
    }

    #[test]
    fn refinements_are_not_searches() {
        let s = listed();
        assert!(matches!(
            read("anything cheaper than that?", "en", &s),
            Act::Refine(Refinement {
                sort: Some(Sort::Cheaper),
                ..
            })
        ));
        assert!(matches!(
            read("qual o mais barato?", "pt", &s),
            Act::Refine(Refinement {
                sort: Some(Sort::Cheapest),
                ..
            })
        ));
        assert!(matches!(
            read("do you have it in red?", "en", &s),
            Act::Refine(Refinement { color: Some(_), .. })
        ));
        assert!(matches!(
            read("¿cuánto cuestan?", "es", &s),
            Act::PriceOf(None)
        ));
        // A colour or product word is no typo of a cue word.
        assert_eq!(
            read("o preto", "pt", &s),
            add(Target::Color("black".into()))
        );
        assert!(matches!(
            read("y también un mando nexus 5 negro", "es", &s),
            Act::Search(None)
        ));
        assert!(is_follow_up("I want 2 of them", "en", &s));
        assert!(!is_follow_up("running shoes", "en", &s));
        assert_eq!(
            read(
                "what's your cheapest smartphone?",
                "en",
                &DialogueState::default()
            ),
            Act::Search(Some(Sort::Cheapest))
        );
    }
}
