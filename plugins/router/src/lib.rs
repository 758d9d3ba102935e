//! The Agent Store routing policy: which brand's seller should answer a
//! customer message. It names no brand: what each brand sells comes from
//! the host's brand vocabulary (the `routing` import's `match-text`, learnt
//! from the catalog and the sellers' manifests), so a new brand is routed
//! to without touching this crate.
//!
//! Signals, in order:
//!
//! 1. **Store questions** ([`agent_store_sdk::lexicon::store`]): shipping,
//!    delivery times, returns, payments, double charges and opening hours go
//!    to [`STORE`] (the host answers with its store policy text), whatever
//!    brand they mention, except a question recognised only by its shape
//!    that opens with a product ("smartwatch with contactless pay": the
//!    store words say what it does). A request for a person goes to the
//!    store too when no brand has the conversation yet.
//! 2. **Conversation intents** ([`agent_store_sdk::intent`]): requests for a
//!    human, complaints, refunds, anger and order-status questions go to
//!    `"none"` (the conversation's seller, which escalates or looks the
//!    order up), whatever brand they mention; with no seller in the
//!    conversation yet, to [`STORE`] with the topic [`ORDER_TOPIC`] (the
//!    host hands them to a person).
//! 3. **Explicit product references**: a tapped `add:<id>` / `view:<id>`
//!    button or a WhatsApp catalog order names a product, hence its brand.
//! 4. **Brand vocabulary**: [`Host::match_text`] scores every brand; the
//!    best requested brand wins when it is clear enough ([`MIN_SCORE`]); a
//!    close runner-up ([`MIN_MARGIN`]) only lowers the confidence. Two
//!    brands' products joined in one message ("a linen shirt and a wok"),
//!    or "a gift" with no product, ask the customer (`"none"` with the
//!    candidates: the host's department menu), never guess.
//!    The catalog's search can overrule the vocabulary: its best product,
//!    another brand's, covering the message clearly better than any of the
//!    best brand's ("cesto de ropa sucia": the basket, not the clothes).
//! 5. **Stickiness**: a follow-up over what was offered (a reference, a
//!    quantity, a cart edit, a refinement, checkout:
//!    [`agent_store_sdk::dialogue::reads_as_follow_up`]) or without brand signal ("how much is it?",
//!    "tem em azul?") stays with `current-brand`; the current brand gets a
//!    bonus when it has any signal, so a weak word for another brand does not
//!    steal the conversation.

use agent_store_sdk::intent::Signals;
// The router's word lists are data with the intents' (`sdk/src/intent.txt`).
use agent_store_sdk::intent::words::{
    CONJUNCTIONS, GIFT_WORDS, NEGATION_WORDS, PRODUCT_REQUEST, PURPOSE_WORDS, ROOM_WORDS,
    WITH_WORDS,
};
use agent_store_sdk::lexicon::{index, store};
use agent_store_sdk::prelude::*;
use agent_store_sdk::text;

/// Minimum vocabulary score to pick a brand.
pub const MIN_SCORE: f32 = 1.2;
/// Below this relative margin over the runner-up a decision is a close
/// call (lower confidence).
pub const MIN_MARGIN: f32 = 0.25;
/// How much the current brand's score is boosted when it has any signal.
pub const STICKY_BONUS: f32 = 1.0;
/// The score another brand needs to take a conversation from its current
/// brand ("is it in a bigger size?" must not leave for a size-y brand).
pub const SWITCH_SCORE: f32 = 2.0;
/// The brand key of a store-level question (the host answers it); the
/// reason starts with `store:<topic>`.
pub const STORE: &str = "store";
/// The store topic of an order already placed (where it is, what arrived
/// broken, a refund) when no department has the conversation: the host
/// hands it to a person.
pub const ORDER_TOPIC: &str = "order";
/// How many brands to ask the vocabulary for.
const MATCH_LIMIT: u32 = 16;

/// The routing policy.
pub struct Policy;

impl Router for Policy {
    fn route(host: &dyn Host, request: &RouteRequest) -> RoutingDecision {
        let d = decide(host, request);
        host.log(
            LogLevel::Debug,
            &format!("router: {} ({:.2}) {}", d.brand, d.confidence, d.reason),
        );
        d
    }
}

agent_store_sdk::export_router!(Policy);

fn decision(
    brand: &str,
    confidence: f32,
    reason: impl Into<String>,
    candidates: Vec<String>,
) -> RoutingDecision {
    RoutingDecision {
        brand: brand.to_owned(),
        confidence: confidence.clamp(0.0, 1.0),
        reason: reason.into(),
        candidates,
    }
}

/// The brand of a product id, through the catalog.
fn brand_of_product(host: &dyn Host, id: &str, brands: &[String]) -> Option<String> {
    let p = host.product(id).ok().flatten()?;
    brands
        .iter()
        .find(|b| b.eq_ignore_ascii_case(&p.brand))
        .cloned()
}

/// The text to classify and, when the message names a product, its brand.
fn read_message(host: &dyn Host, req: &RouteRequest) -> (String, Option<String>) {
    match &req.message.content {
        MessageContent::Text(t) => (t.clone(), None),
        MessageContent::ButtonReply(c) | MessageContent::ListReply(c) => {
            let named =
                c.id.split_once(':')
                    .and_then(|(_, id)| brand_of_product(host, id, &req.brands));
            let sticky_choice = matches!(
                c.id.split(':').next(),
                Some("more" | "checkout" | "keep" | "cat" | "menu")
            );
            if named.is_none() && sticky_choice {
                // the seller's own navigation buttons: stay where we are
                return (
                    String::new(),
                    req.current_brand.clone().filter(|b| req.brands.contains(b)),
                );
            }
            (c.title.clone(), named)
        }
        MessageContent::Image(caption) => (caption.clone(), None),
        MessageContent::Audio(t) => (t.clone().unwrap_or_default(), None),
        MessageContent::Order(lines) => (
            String::new(),
            lines
                .iter()
                .find_map(|l| brand_of_product(host, &l.product_id, &req.brands)),
        ),
        MessageContent::Location(_) | MessageContent::Unsupported(_) => (String::new(), None),
    }
}

/// `text` without the gift words, and whether it had any.
fn without_gift_words(raw: &str) -> (String, bool) {
    let words = text::tokenize(raw);
    let kept: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !GIFT_WORDS.contains(w))
        .collect();
    let had = kept.len() < words.len();
    (kept.join(" "), had)
}

/// One brand's vocabulary score and the terms behind it.
#[derive(Debug, Clone)]
pub struct Scored {
    pub brand: String,
    pub score: f32,
    pub terms: Vec<String>,
}

/// Vocabulary scores of the requested brands, best first (zero scores
/// included); host errors route without the vocabulary.
pub fn brand_scores(host: &dyn Host, text: &str, brands: &[String]) -> Vec<Scored> {
    let mut scores: Vec<Scored> = brands
        .iter()
        .map(|b| Scored {
            brand: b.clone(),
            score: 0.0,
            terms: Vec::new(),
        })
        .collect();
    let matches = match host.match_text(text, MATCH_LIMIT) {
        Ok(m) => m,
        Err(e) => {
            host.log(
                LogLevel::Warn,
                &format!("router: match-text failed, routing without the vocabulary: {e}"),
            );
            Vec::new()
        }
    };
    for m in matches {
        let brand = m.brand.to_ascii_lowercase();
        if let Some(x) = scores.iter_mut().find(|x| x.brand == brand) {
            x.score += m.score;
            x.terms.extend(m.terms);
        }
    }
    scores.sort_by(|a, b| b.score.total_cmp(&a.score));
    scores
}

/// The routing decision (see the crate docs).
pub fn decide(host: &dyn Host, req: &RouteRequest) -> RoutingDecision {
    let brands: Vec<String> = req.brands.iter().map(|b| b.to_ascii_lowercase()).collect();
    let current = req
        .current_brand
        .as_ref()
        .map(|b| b.to_ascii_lowercase())
        .filter(|b| brands.contains(b));
    let (raw, named) = read_message(host, req);
    let sig = Signals::of(&raw);

    if sig.human {
        return match current {
            // the conversation's seller escalates, with its cart in the summary
            Some(c) => decision("none", 0.2, "customer asked for a human", vec![c]),
            None => decision(
                STORE,
                0.9,
                "store:human customer asked for a person",
                vec![],
            ),
        };
    }
    // A repair, lessons, an installation: no department sells a service
    // (a store word inside it, "a domicilio", is no store question either).
    if sig.service {
        return decision(
            "none",
            0.2,
            "a service, not a product",
            current.into_iter().collect(),
        );
    }
    // "quiero cambiarla por otro color" to the department showing it is a
    // change to the cart, not an exchange of a purchase.
    let cart_change = current.is_some() && store::variant_exchange(&raw);
    // "listo, ¿cómo pago?" to the department holding the cart is its
    // checkout, not a question about the store's ways of paying.
    let checkout_here = current.is_some() && sig.checkout;
    if let Some((topic, evidence)) = store::topic_with_evidence(&raw)
        && !(cart_change && topic == store::Topic::Returns)
        && !(checkout_here && topic == store::Topic::Payments)
        && !store_words_are_a_product(host, &raw, &brands, topic, evidence)
    {
        return decision(
            STORE,
            0.9,
            format!("store:{} store-level question", topic.as_str()),
            vec![],
        );
    }
    let problem = if sig.needs_human() && !shopping_despite_mood(host, &sig, &raw, &brands) {
        Some("complaint / refund / negative sentiment")
    } else if sig.order_status {
        Some("order status question")
    } else {
        None
    };
    if let Some(why) = problem {
        return match current {
            // the conversation's seller looks the order up or escalates
            Some(c) => decision("none", 0.2, why, vec![c]),
            // no department has the conversation: the store hands it to a
            // person, never the department menu
            None => decision(STORE, 0.9, format!("store:{ORDER_TOPIC} {why}"), vec![]),
        };
    }
    if let Some(b) = named {
        return decision(
            &b,
            0.95,
            "message names a catalog product of this brand",
            vec![],
        );
    }
    if text::normalize(&raw).is_empty() {
        return decision(
            "none",
            0.1,
            "no text to route",
            current.into_iter().collect(),
        );
    }
    // "I'll take the second one", "quero 2", "pode fechar": a follow-up to
    // what the current brand offered, never a new search elsewhere.
    if let Some(c) = &current
        && agent_store_sdk::dialogue::reads_as_follow_up(&raw, text::detect_language(&raw))
    {
        return decision(c, 0.9, "follow-up to the current conversation", vec![]);
    }
    if sig.is_small_talk() {
        let why = if sig.greeting {
            "greeting"
        } else {
            "small talk"
        };
        return decision("none", 0.1, why, current.into_iter().collect());
    }
    by_vocabulary(host, &raw, &sig, &brands, current)
}

/// A strong word about something else ("I need a router, my wifi is
/// terrible") in a product request: the mood is about the problem the
/// purchase solves, not the store, so the message is routed as shopping.
/// Only mood: a complaint, refund, payment problem or request for a
/// person still goes to a person.
/// A product named outright with no purchase mentioned ("wifi booster,
/// the signal is terrible upstairs") is shopping too.
fn shopping_despite_mood(host: &dyn Host, sig: &Signals, raw: &str, brands: &[String]) -> bool {
    let mood_only = sig.angry && !(sig.human || sig.complaint || sig.refund || sig.payment);
    if !mood_only {
        return false;
    }
    if text::has_any(&text::normalize(raw), PRODUCT_REQUEST) {
        return true;
    }
    if agent_store_sdk::intent::about_a_purchase(raw) {
        return false;
    }
    let said = index::analyse(raw);
    brand_scores(host, raw, brands)
        .first()
        .is_some_and(|s| s.score >= SWITCH_SCORE && s.terms.iter().any(|t| said.contains(t)))
}

/// Whether the store question found in `raw` is a product's description
/// after all: its store words name a product ([`store_words_name_products`]),
/// say what a product opening the message is for ([`store_words_are_a_purpose`]),
/// or, found only by its shape, follow a product the message opens with
/// ([`leads_with_a_product`]) — unless they ask the warranty of a kind of
/// product ("la impresora tiene garantía?": the store's guarantee), not
/// of a particular one ("o iphone 15 recondicionado tem garantia?"). The
/// message is scored once for all.
fn store_words_are_a_product(
    host: &dyn Host,
    raw: &str,
    brands: &[String],
    topic: store::Topic,
    evidence: store::Evidence,
) -> bool {
    let said = index::analyse(raw);
    let scores = brand_scores(host, raw, brands);
    let led = || leads_with_a_product(&scores, &said);
    let kind_only = || topic == store::Topic::Warranty && !names_a_particular_product(raw, &scores);
    store_words_name_products(raw, &scores, &said)
        || (led() && store_words_are_a_purpose(raw) && !kind_only())
        || (evidence == store::Evidence::Shape && led() && !kind_only())
}

/// "impresora de etiquetas pa los envíos de mi emprendimiento": the store's
/// words are all in what the product opening the message is for (from
/// its first purpose word to the end of that clause or a conjunction);
/// the rest asks nothing of the store ("a desk for my son, do you ship to
/// Texas?" does).
fn store_words_are_a_purpose(raw: &str) -> bool {
    let clauses: Vec<Vec<String>> = raw
        .split([',', '.', ';', '?', '!'])
        .map(text::tokenize)
        .filter(|c| !c.is_empty())
        .collect();
    let Some((first, later)) = clauses.split_first() else {
        return false;
    };
    let Some(at) = first_purpose_word(first) else {
        return false;
    };
    let end = first[at..]
        .iter()
        .position(|w| CONJUNCTIONS.contains(&w.as_str()))
        .map_or(first.len(), |k| at + k);
    let rest: Vec<&str> = first[..at]
        .iter()
        .chain(&first[end..])
        .chain(later.iter().flatten())
        .map(String::as_str)
        .collect();
    store::topic(&first[at..end].join(" ")).is_some() && store::topic(&rest.join(" ")).is_none()
}

/// Where the first purpose word ("for", "pra", "para") is, after the
/// message's first word: what comes after it says what a product is for.
fn first_purpose_word(words: &[String]) -> Option<usize> {
    words
        .iter()
        .skip(1)
        .position(|w| PURPOSE_WORDS.contains(&w.as_str()))
        .map(|i| i + 1)
}

/// Whether the words before the warranty's name a particular product: a
/// model number or at least two words of the best brand's ("iphone 15",
/// "notebook gamer recondicionado"), not a kind of product alone ("the
/// printer").
fn names_a_particular_product(raw: &str, scores: &[Scored]) -> bool {
    let before = store::before_warranty(raw).unwrap_or_else(|| raw.to_owned());
    let numbered = text::tokenize(&before)
        .iter()
        .any(|w| w.chars().any(|c| c.is_ascii_digit()));
    let said = index::analyse(&before);
    numbered
        || scores.first().is_some_and(|s| {
            s.terms
                .iter()
                .filter(|t| !t.contains(' ') && said.contains(t))
                .count()
                >= 2
        })
}

/// "label maker for shipping labels": the store word is part of a product
/// name the catalog has (a pair of adjacent words the vocabulary matched
/// as written), and without those names the message asks no store
/// question. Only pairs count: "shipping" alone is still the store's.
fn store_words_name_products(raw: &str, scores: &[Scored], said: &[String]) -> bool {
    let named: Vec<String> = scores
        .iter()
        .flat_map(|s| s.terms.iter().cloned())
        .filter(|t| t.contains(' ') && said.contains(t))
        .flat_map(|t| t.split(' ').map(str::to_owned).collect::<Vec<_>>())
        .collect();
    if named.is_empty() {
        return false;
    }
    let rest: Vec<String> = text::tokenize(raw)
        .into_iter()
        .filter(|w| !named.contains(&text::stem(w)))
        .collect();
    store::topic(&rest.join(" ")).is_none()
}

/// The score of a product named outright: a message that opens with it
/// asks for that product, whatever store words follow.
const NAMED_PRODUCT_SCORE: f32 = 4.0;

/// "smartwatch com gps e pagamento por aproximação", "video doorbell so i
/// know when parcels arrive": the message's first word is a product the
/// vocabulary knows well, so the store words after it say what the product
/// does. Asked only of a question recognised by its shape; a store phrase
/// ("do you ship", "formas de pagamento") still goes to the store.
fn leads_with_a_product(scores: &[Scored], said: &[String]) -> bool {
    let Some(first) = said.first() else {
        return false;
    };
    scores.first().is_some_and(|s| {
        s.score >= NAMED_PRODUCT_SCORE
            && s.terms
                .iter()
                .any(|t| t == first || t.split(' ').next() == Some(first.as_str()))
    })
}

/// Steps 4 and 5: the vocabulary's scores, stickiness and ambiguity.
fn by_vocabulary(
    host: &dyn Host,
    raw: &str,
    sig: &Signals,
    brands: &[String],
    current: Option<String>,
) -> RoutingDecision {
    // What the customer wants: "nada de smartwatch" is no evidence, and
    // no second request.
    let wanted = without_what_is_not_wanted(host, raw, brands);
    let (text_in, gift) = without_gift_words(&wanted);
    let text_in = without_rooms_it_is_for(host, &text_in, brands);
    let mut scores = brand_scores(host, &text_in, brands);
    // The catalog's answer to the message for the best product's check and
    // the close call, searched at most once.
    let hits = std::cell::OnceCell::new();
    let catalog =
        || -> &[ScoredProduct] { hits.get_or_init(|| search(host, &text_in, SEARCH_HITS)) };
    // Evidence the customer actually wrote (not a typo or translation of
    // it): a greeting whose only "product" is a typo is small talk. A
    // diminutive counts as the word it is made from, as the vocabulary
    // reads it ("oi, tem cadeirinha?" names a chair).
    let said = written_words(&text_in);
    let exact = |s: &Scored| s.terms.iter().any(|t| said.contains(t));
    if sig.greeting && scores.first().is_some_and(|s| !exact(s)) {
        return decision("none", 0.1, "greeting", current.into_iter().collect());
    }
    if let Some(c) = &current
        && let Some(x) = scores.iter_mut().find(|x| &x.brand == c)
        && x.score > 0.0
    {
        x.score += STICKY_BONUS;
        scores.sort_by(|a, b| b.score.total_cmp(&a.score));
    }
    let best = scores.first().cloned().unwrap_or(Scored {
        brand: "none".into(),
        score: 0.0,
        terms: Vec::new(),
    });
    let s1 = best.score;
    let runner = scores.get(1).cloned();
    let s2 = runner.as_ref().map(|r| r.score).unwrap_or(0.0);

    let weak_switch = current.as_ref().is_some_and(|c| *c != best.brand) && s1 < SWITCH_SCORE;
    if s1 < MIN_SCORE || weak_switch {
        if current.is_none()
            && !gift
            && let Some(b) = brand_by_search(
                &search(host, &text_in, SEARCH_FALLBACK_HITS),
                &sig.content,
                brands,
            )
        {
            return decision(
                &b,
                0.5,
                "the catalog's products name the customer's words",
                vec![],
            );
        }
        if let Some(c) = current {
            return decision(
                &c,
                0.6,
                "follow-up without brand signal: keeping the current brand",
                vec![],
            );
        }
        let why = if gift {
            "a gift, but for which department?"
        } else {
            "no clear brand signal"
        };
        let weak = scores
            .iter()
            .filter(|x| x.score > 0.0)
            .take(3)
            .map(|x| x.brand.clone())
            .collect();
        return decision("none", 0.15, why, weak);
    }
    let margin = (s1 - s2) / s1;
    let reason = format!("vocabulary score {s1:.2} (runner-up {s2:.2})");
    if let Some(r) = &runner
        && current.as_deref() != Some(best.brand.as_str())
        && two_requests(host, &wanted, &best, r)
    {
        // two brands' products in one message: ask, don't guess
        return decision(
            "none",
            0.3,
            format!("two departments: {reason}"),
            vec![best.brand.clone(), r.brand.clone()],
        );
    }
    if margin <= f32::EPSILON && current.as_deref() != Some(best.brand.as_str()) {
        return decision(
            "none",
            0.3,
            format!("tie: {reason}"),
            vec![
                best.brand.clone(),
                runner.as_ref().map(|r| r.brand.clone()).unwrap_or_default(),
            ],
        );
    }
    // One product of another brand answers the message clearly better
    // than any other brand's: the vocabulary counted a word that only says
    // what the product is for or made of.
    if current.is_none()
        && !gift
        && let Some(b) = brand_of_best_product(catalog, &best, &scores)
    {
        return decision(
            &b,
            0.5,
            format!("the catalog's best product is this brand's: {reason}"),
            vec![best.brand.clone()],
        );
    }
    // A close call the catalog settles: the products whose titles have
    // the customer's own words all belong to the runner-up ("a lumbar
    // cushion for my desk chair": the chair is context, the cushion sold).
    if margin < MIN_MARGIN
        && current.is_none()
        && let Some(r) = &runner
        && brand_by_search(catalog(), &sig.content, brands).as_ref() == Some(&r.brand)
    {
        return decision(
            &r.brand,
            0.5,
            format!("close call settled by the catalog's products: {reason}"),
            vec![best.brand.clone()],
        );
    }
    let strength = (s1 / 6.0).min(1.0);
    let confidence = 0.45 + 0.25 * strength + 0.29 * margin;
    if margin < MIN_MARGIN {
        let also = runner.map(|r| r.brand).into_iter().collect();
        return decision(
            &best.brand,
            confidence.min(0.6),
            format!("close call: {reason}"),
            also,
        );
    }
    decision(&best.brand, confidence, reason, vec![])
}

/// The score of a product named clearly before a purpose word: the
/// rooms after it say where it goes.
const NAMED_BEFORE_PURPOSE: f32 = 3.0;
/// ... and names one department's: the runner-up scores under this share
/// of the best for those words.
const ONE_DEPARTMENT: f32 = 0.6;

/// `text` without the rooms named after its first purpose word, when what
/// comes before that word names one department's product clearly: "a big
/// tv for the living room" is a tv, wherever it goes; the room is no
/// department's product. A product named faintly keeps the room as
/// evidence ("petate para la sala"), and so does one two departments sell,
/// whose room tells which ("una balanza para la cocina").
fn without_rooms_it_is_for(host: &dyn Host, text: &str, brands: &[String]) -> String {
    let words = text::tokenize(text);
    let Some(at) = first_purpose_word(&words) else {
        return text.to_owned();
    };
    let has_room = words[at..].iter().any(|w| ROOM_WORDS.contains(&w.as_str()));
    let named = || {
        let head = brand_scores(host, &words[..at].join(" "), brands);
        let second = head.get(1).map_or(0.0, |s| s.score);
        head.first()
            .is_some_and(|s| s.score >= NAMED_BEFORE_PURPOSE && second < ONE_DEPARTMENT * s.score)
    };
    if !has_room || !named() {
        return text.to_owned();
    }
    words
        .iter()
        .enumerate()
        .filter(|(i, w)| *i <= at || !ROOM_WORDS.contains(&w.as_str()))
        .map(|(_, w)| w.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` without what the customer says they do not want, from a
/// negation ("not", "nada de") to the end of its clause, when the words
/// before it name a product ("relógio feminino dourado, nada de
/// smartwatch": a watch, not the department of smartwatches).
fn without_what_is_not_wanted(host: &dyn Host, text: &str, brands: &[String]) -> String {
    let clauses: Vec<Vec<String>> = text
        .split([',', '.', ';', '?', '!'])
        .map(text::tokenize)
        .filter(|c| !c.is_empty())
        .collect();
    let mut kept: Vec<String> = Vec::new();
    let mut dropped = false;
    for clause in clauses {
        let at = (0..clause.len()).find(|&i| {
            (i > 0 || !kept.is_empty()) && text::starts_with_phrase(&clause[i..], NEGATION_WORDS)
        });
        match at {
            Some(i) => {
                kept.extend(clause[..i].iter().cloned());
                dropped = true;
            }
            None => kept.extend(clause),
        }
    }
    let named = || {
        brand_scores(host, &kept.join(" "), brands)
            .first()
            .is_some_and(|s| s.score >= MIN_SCORE)
    };
    if dropped && named() {
        kept.join(" ")
    } else {
        text.to_owned()
    }
}

/// The analysed words of `text`, and those of the words its diminutives
/// may be made from.
fn written_words(text: &str) -> Vec<String> {
    let mut said = index::analyse(text);
    for w in text::tokenize(text) {
        for base in text::diminutive_bases(&w) {
            said.extend(index::analyse(&base));
        }
    }
    said
}

/// How many catalog hits the best product's check and the close call read.
const SEARCH_HITS: u32 = 10;
/// How many catalog hits the vocabulary's fallback reads.
const SEARCH_FALLBACK_HITS: u32 = 5;
/// How far the catalog's best product must score above every product of
/// another brand among the hits to route to its brand. The search's score
/// is ten times the share of the message a product covers, plus up to 1.5
/// for the text match, 1.6 for stock and, when the message asks for them,
/// a price rank, a sale or a colour; so this is a clearly larger share of
/// the message, or the same share with what the customer asked for
/// besides (the cheapest, in stock).
const PRODUCT_LEAD: f32 = 5.0;
/// ... and the share of the best vocabulary score its brand must have: the
/// customer's words, or their translations, point there too, so a product
/// the search found through a loose match alone ("tijeras para podar" → a
/// pair of hair scissors) does not overrule a clear department.
const PRODUCT_BRAND_SHARE: f32 = 0.1;

/// The catalog's products for `text` over every brand, best first; a host
/// error routes without them.
fn search(host: &dyn Host, text: &str, limit: u32) -> Vec<ScoredProduct> {
    host.search(&SearchQuery::words(text, limit))
        .unwrap_or_else(|e| {
            host.log(
                LogLevel::Warn,
                &format!("router: catalog search failed, routing without it: {e}"),
            );
            Vec::new()
        })
}

/// "cesto de ropa sucia", "coat rack for the entryway", "jarra
/// purificadora de agua": the vocabulary adds up every word, so what a
/// product is for or made of (clothes, a coat, water) can outweigh the
/// product; the catalog's search ranks products by how much of the message
/// one of them covers. When its best product is another brand's, scores
/// [`PRODUCT_LEAD`] above every product of the vocabulary's best brand
/// (those the hits leave out score under the last hit, so a full page of
/// close hits decides nothing), and that brand has some of the
/// vocabulary's score ([`PRODUCT_BRAND_SHARE`]), the product's brand is
/// the one asked. The catalog is searched only when another brand has
/// that share.
fn brand_of_best_product<'a>(
    catalog: impl FnOnce() -> &'a [ScoredProduct],
    best: &Scored,
    scores: &[Scored],
) -> Option<String> {
    let shares = |brand: &str| {
        scores
            .iter()
            .find(|s| s.brand == brand)
            .is_some_and(|s| s.score > 0.0 && s.score >= PRODUCT_BRAND_SHARE * best.score)
    };
    if !scores
        .iter()
        .any(|s| s.brand != best.brand && shares(&s.brand))
    {
        return None;
    }
    let hits = catalog();
    let top = hits.first()?;
    let brand = top.product.brand.to_ascii_lowercase();
    if brand == best.brand || !shares(&brand) {
        return None;
    }
    // The best brand's products the hits leave out score under the last.
    let unseen = match hits.last() {
        Some(last) if hits.len() >= SEARCH_HITS as usize => last.score,
        _ => 0.0,
    };
    let best_own = hits
        .iter()
        .filter(|h| h.product.brand.eq_ignore_ascii_case(&best.brand))
        .map(|h| h.score)
        .fold(unseen, f32::max);
    (top.score - best_own >= PRODUCT_LEAD).then_some(brand)
}

/// A written word and a catalog word are one word when one begins the
/// other and both are this long ("autobronzeador" / "autobronzeadora").
const SHARED_PREFIX: usize = 6;

/// When the vocabulary has no clear brand: the catalog's own search, over
/// every brand, grounded in what the customer wrote. The hits whose title
/// or category (each up to its purpose word: what the product is, not
/// what it fits, [`index::title_parts`]) has one of the customer's words (the same stem, or a long
/// shared prefix: another inflection) must all be one brand's. A word the
/// catalog does not have ("do you sell bikes?") finds nothing grounded,
/// and the customer is asked.
fn brand_by_search(
    hits: &[ScoredProduct],
    content: &[String],
    brands: &[String],
) -> Option<String> {
    let words: Vec<&String> = content.iter().filter(|w| w.chars().count() >= 4).collect();
    if words.is_empty() {
        return None;
    }
    let same = |a: &str, b: &str| {
        a == b || (a.len().min(b.len()) >= SHARED_PREFIX && (a.starts_with(b) || b.starts_with(a)))
    };
    let grounded: Vec<String> = hits
        .iter()
        .take(SEARCH_FALLBACK_HITS as usize)
        .filter(|h| {
            let named = text::terms(&format!(
                "{} {}",
                index::title_parts(&h.product.title).0,
                index::title_parts(&h.product.category).0
            ));
            named.iter().any(|n| words.iter().any(|w| same(w, n)))
        })
        .map(|h| h.product.brand.to_ascii_lowercase())
        .collect();
    let first = grounded.first()?;
    (grounded.iter().all(|b| b == first) && brands.contains(first)).then(|| first.clone())
}

/// The parts of `raw` between its conjunctions whose own best brand is
/// `brand`, each as its analysed words. A second request is a part of its
/// own ("a linen shirt | a wok"); a word of the runner-up's inside the best
/// brand's part is an attribute of that product ("baby monitor with a
/// camera | night vision"), and so is a part that continues a list begun
/// with "with" ("a chair with a footrest and a pillow"); a conjunction in a
/// long message often joins clauses, not requests.
fn parts_led_by(host: &dyn Host, raw: &str, brands: &[String], brand: &str) -> Vec<Vec<String>> {
    let tokens = text::tokenize(raw);
    let mut parts: Vec<String> = Vec::new();
    for part in tokens.split(|w| CONJUNCTIONS.contains(&w.as_str())) {
        match parts.last_mut() {
            // "... with a footrest and a lumbar pillow": the conjunction
            // continues the list of what the product comes with.
            Some(last) if last.split(' ').any(|w| WITH_WORDS.contains(&w)) => {
                last.push(' ');
                last.push_str(&part.join(" "));
            }
            _ => parts.push(part.join(" ")),
        }
    }
    parts
        .into_iter()
        .filter(|part| {
            brand_scores(host, part, brands)
                .first()
                .is_some_and(|s| s.brand == brand && s.score > 0.0)
        })
        .map(|part| index::analyse(&part))
        .collect()
}

/// A written word says nothing of the best brand when it scores less than
/// this share of its runner-up score there: a typo's or a description's
/// faint echo ("baquetas" is one letter from a bar stool) is no product.
const NOTHING_FOR_BEST: f32 = 0.1;

/// Whether the message asks for two brands' products: the requests are
/// joined ("a linen shirt and a wok"), and the words the customer wrote
/// that say nothing of the best brand make, alone, a clear case for the
/// runner-up. Close scores alone are not two requests: words shared by
/// brands ("pc portátil pra jogar") make those, and so do a word's
/// translations or typos that reach another brand ("dash cam front and
/// back": "cam" is also tech's "camera"); the best brand answers.
fn two_requests(host: &dyn Host, raw: &str, best: &Scored, runner: &Scored) -> bool {
    if runner.score < MIN_SCORE {
        return false;
    }
    let joined = text::tokenize(raw)
        .iter()
        .any(|w| CONJUNCTIONS.contains(&w.as_str()));
    if !joined {
        return false;
    }
    let brands = [best.brand.clone(), runner.brand.clone()];
    let words: Vec<String> = index::analyse(raw)
        .into_iter()
        .filter(|t| !t.contains(' '))
        .collect();
    let score_of = |text: &str, brand: &str| -> f32 {
        brand_scores(host, text, &brands)
            .into_iter()
            .find(|s| s.brand == brand)
            .map_or(0.0, |s| s.score)
    };
    // The written words the best brand has nothing for, from a part of
    // the message the runner-up leads.
    let runner_parts = parts_led_by(host, raw, &brands, &runner.brand);
    let rest: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| score_of(w, &best.brand) < NOTHING_FOR_BEST * score_of(w, &runner.brand))
        .filter(|w| runner_parts.iter().flatten().any(|p| p == w))
        .collect();
    if rest.is_empty() || rest.len() == words.len() {
        return false;
    }
    let alone = rest.join(" ");
    brand_scores(host, &alone, &brands)
        .first()
        .is_some_and(|s| s.brand == runner.brand && s.score >= SWITCH_SCORE)
}
