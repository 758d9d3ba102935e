//! The store's text tools for English, Brazilian Portuguese and Spanish:
//! normalisation, tokenisation, plural stemming, typo-tolerant matching and
//! price / colour / size extraction come from the shared language crate
//! ([`agent_store_lang`], re-exported here so plugins keep one path);
//! language detection adds this SDK's own vocabularies (the dialogue cues,
//! the catalog's English product words) as evidence.
//!
//! Everything here is deterministic and cheap enough to run on every turn
//! inside the wasm sandbox.
//!
//! ```
//! use agent_store_sdk::text;
//! assert_eq!(text::normalize("Olá, você tem TÊNIS?!"), "ola voce tem tenis");
//! assert_eq!(text::stem("auriculares"), text::stem("auricular"));
//! assert_eq!(text::detect_language("você tem tênis pretos?"), "pt");
//! assert_eq!(text::detect_language("¿tienes zapatillas negras?"), "es");
//! assert!(text::fuzzy_eq("headphnoes", "headphones"));
//! let c = text::extract_constraints("running shoes under $100 in black");
//! assert_eq!(c.max_price_minor, Some(10_000));
//! assert_eq!(c.color.as_deref(), Some("black"));
//! ```

pub use agent_store_lang::amount::parse_amount;
pub use agent_store_lang::constraints::{Constraints, extract_constraints};
use agent_store_lang::detect;
pub use agent_store_lang::detect::LANGUAGE_SWITCH_MARGIN;
pub use agent_store_lang::text::*;

/// The SDK's language evidence beyond the markers: words only one
/// language's dialogue cues use ("quita", "tira"), and the catalog's
/// English product words ("candle", "pillow": a customer naming products
/// in English reads as English, "scented soy candle").
fn evidence(toks: &[String]) -> (f32, f32, f32) {
    let (e, p, s) = crate::dialogue::cues::language_evidence(toks);
    let catalog_en = toks
        .iter()
        .filter(|t| t.len() > 3 && crate::lexicon::is_catalog_word(t))
        .count() as f32
        * 0.5;
    (e + catalog_en, p, s)
}

/// Evidence for each language in `text`: (en, pt, es) scores
/// ([`detect::language_scores`] with the SDK's vocabularies).
pub fn language_scores(text: &str) -> (f32, f32, f32) {
    detect::language_scores(text, evidence)
}

/// The customer's language: "en", "pt", "es", or "" when the text carries
/// no clear signal.
pub fn detect_language(text: &str) -> &'static str {
    detect::detect_language_with(text, evidence)
}

/// The conversation's language after the customer wrote `text`: sticky
/// ([`detect::sticky_language_with`], with the SDK's vocabularies).
pub fn sticky_language(current: &str, text: &str) -> &'static str {
    detect::sticky_language_with(current, text, evidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages() {
        for (t, l) in [
            ("hi, I'm looking for a new laptop", "en"),
            ("where is my order?", "en"),
            ("oi, você tem tênis de corrida?", "pt"),
            ("quero um notebook até 3000 reais", "pt"),
            ("obrigado, não quero mais", "pt"),
            ("cadê meu pedido", "pt"),
            ("estou procurando um fone", "pt"),
            ("hola, quiero unas zapatillas", "es"),
            ("¿cuánto cuesta el portátil?", "es"),
            ("gracias, estoy buscando un regalo", "es"),
            ("necesito hablar con una persona", "es"),
            ("dónde está mi pedido", "es"),
            ("quiero unos auriculares", "es"),
            ("quero uns fones de ouvido", "pt"),
            ("preço do tênis", "pt"),
            ("precio de las zapatillas", "es"),
            ("so many sofas", "en"),
            ("too expensive, anything cheaper?", "en"),
            ("só isso mesmo, obrigado", "pt"),
            // "solar" is a word the vocabulary translates (sunscreen), so
            // no evidence of English: no clear signal (the number decides).
            ("protector solar", ""),
            ("scented soy candle", "en"),
            ("ceramic table lamp", "en"),
            ("muito caro, tem mais barato?", "pt"),
            ("", ""),
            ("👍", ""),
        ] {
            assert_eq!(detect_language(t), l, "{t}");
        }
    }
}
