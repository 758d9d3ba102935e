//! The Agent Store routing policy: which brand's seller should answer a
//! customer message.
//!
//! Signals, in order:
//!
//! 1. **Conversation intents** ([`agent_store_sdk::intent`]): requests for a
//!    human, complaints, refunds, anger and order-status questions go to
//!    `"none"` (the host's support flow), whatever brand they mention.
//! 2. **Explicit product references**: a tapped `add:<id>` / `view:<id>`
//!    button or a WhatsApp catalog order names a product, hence its brand.
//! 3. **Weighted lexicon** ([`agent_store_sdk::lexicon`]): hundreds of
//!    en/pt/es terms per brand, plural-stemmed and typo tolerant, with
//!    multi-word terms ("teclado mecânico", "fone de ouvido") weighing more
//!    and "gamer"/"gaming"/"rgb"/"fps" separating gaming from tech.
//! 4. **Catalog grounding**: one unscoped [`Host::search`] with the
//!    customer's words (plus their catalog-English translation); the brands
//!    of the top hits gain up to [`CATALOG_CAP`] each. Host errors are
//!    ignored.
//! 5. **Stickiness**: a follow-up over what was offered (a reference, a
//!    quantity, a cart edit, a refinement, checkout:
//!    [`agent_store_sdk::dialogue::reads_as_follow_up`]) stays with
//!    `current-brand`; a follow-up without brand signal ("how much is it?",
//!    "tem em azul?") stays with `current-brand`; a weak signal for another
//!    brand does not steal the conversation from a current brand that is
//!    close.
//!
//! Greetings and empty or unclear messages return `"none"` with low
//! confidence and, when some brands scored, `candidates`.

use agent_store_sdk::intent::Signals;
use agent_store_sdk::prelude::*;
use agent_store_sdk::{lexicon, text};

/// Minimum combined score to pick a brand.
pub const MIN_SCORE: f32 = 1.0;
/// Most a brand can gain from catalog hits.
pub const CATALOG_CAP: f32 = 1.5;
/// How much the current brand's score is boosted when it has any signal.
pub const STICKY_BONUS: f32 = 0.75;

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

/// Score every requested brand: lexicon plus catalog hits.
pub fn brand_scores(host: &dyn Host, text: &str, brands: &[String]) -> Vec<(String, f32)> {
    let mut scores: Vec<(String, f32)> = brands.iter().map(|b| (b.clone(), 0.0)).collect();
    for (b, s) in lexicon::brand_scores(text) {
        if let Some(x) = scores.iter_mut().find(|x| x.0 == b) {
            x.1 += s;
        }
    }
    if !text::content_terms(text).is_empty() {
        let expanded = lexicon::expand_query(text);
        let query = SearchQuery {
            text: if expanded.is_empty() {
                text.to_owned()
            } else {
                format!("{text} {expanded}")
            },
            max_price_minor: None,
            min_price_minor: None,
            color: None,
            size: None,
            gender: None,
            in_stock_only: false,
            limit: 8,
        };
        if let Ok(hits) = host.search(&query)
            && let Some(top) = hits.first().map(|h| h.score).filter(|s| *s > 0.0)
        {
            let mut gained: Vec<(String, f32)> = Vec::new();
            for (rank, h) in hits.iter().enumerate() {
                let decay = 1.0 / (1.0 + rank as f32 * 0.5);
                let w = 0.6 * decay * (h.score / top).clamp(0.0, 1.0);
                let brand = h.product.brand.to_ascii_lowercase();
                match gained.iter_mut().find(|g| g.0 == brand) {
                    Some(g) => g.1 += w,
                    None => gained.push((brand, w)),
                }
            }
            for (b, g) in gained {
                if let Some(x) = scores.iter_mut().find(|x| x.0 == b) {
                    x.1 += g.min(CATALOG_CAP);
                }
            }
        }
    }
    scores.sort_by(|a, b| b.1.total_cmp(&a.1));
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

    if sig.needs_human() {
        let why = if sig.human {
            "customer asked for a human"
        } else {
            "complaint / refund / negative sentiment"
        };
        return decision("none", 0.2, why, current.into_iter().collect());
    }
    if sig.order_status {
        return decision(
            "none",
            0.2,
            "order status question",
            current.into_iter().collect(),
        );
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

    let mut scores = brand_scores(host, &raw, &brands);
    if let Some(c) = &current
        && let Some(x) = scores.iter_mut().find(|x| &x.0 == c)
        && x.1 > 0.0
    {
        x.1 += STICKY_BONUS;
        scores.sort_by(|a, b| b.1.total_cmp(&a.1));
    }
    let positive: Vec<String> = scores
        .iter()
        .filter(|x| x.1 > 0.3)
        .take(3)
        .map(|x| x.0.clone())
        .collect();
    let (best, s1) = scores
        .first()
        .cloned()
        .unwrap_or_else(|| ("none".into(), 0.0));
    let s2 = scores.get(1).map(|x| x.1).unwrap_or(0.0);

    if s1 < MIN_SCORE {
        if sig.greeting && sig.content.is_empty() {
            return decision("none", 0.1, "greeting", current.into_iter().collect());
        }
        if let Some(c) = current {
            return decision(
                &c,
                0.6,
                "follow-up without brand signal: keeping the current brand",
                vec![],
            );
        }
        if sig.is_small_talk() {
            return decision("none", 0.1, "small talk", vec![]);
        }
        return decision("none", 0.15, "no clear brand signal", positive);
    }

    let margin = if s1 > 0.0 { (s1 - s2) / s1 } else { 0.0 };
    let strength = (s1 / 4.0).min(1.0);
    let confidence = 0.45 + 0.25 * strength + 0.29 * margin;
    let reason = format!("lexicon+catalog score {s1:.2} (runner-up {s2:.2})");
    if margin < 0.2 {
        return decision(
            &best,
            confidence.min(0.6),
            format!("close call: {reason}"),
            positive,
        );
    }
    decision(&best, confidence, reason, vec![])
}
