//! The language to answer in before the customer has written anything
//! that clearly reads as one language ("mousepad", "🙂", "ok"): a guess
//! for this turn only, never stored as the conversation's language, so
//! the first real signal still sets it.

use crate::text;

/// The language a phone number's country mostly speaks ("pt", "es"), or
/// "" (the lang crate's table, shared with the host).
pub use agent_store_lang::detect::language_of_number;

/// This turn's answer language when the conversation has none yet and the
/// message shows no clear one: the phone number's country (a product name
/// such as "mousepad" is no evidence against it), else the language the
/// message leans to (any evidence, more than for each other language), else
/// "".
pub fn tentative_language(message: &str, wa_id: &str) -> &'static str {
    let by_number = language_of_number(wa_id);
    if !by_number.is_empty() {
        return by_number;
    }
    let (en, pt, es) = text::language_scores(message);
    let mut ranked = [(en, "en"), (pt, "pt"), (es, "es")];
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    if ranked[0].0 > 0.0 && ranked[0].0 > ranked[1].0 {
        return ranked[0].1;
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_leanings() {
        assert_eq!(language_of_number("5511999990000"), "pt");
        assert_eq!(language_of_number("5215512345678"), "es");
        assert_eq!(language_of_number("18095550000"), "es");
        assert_eq!(language_of_number("15551230001"), "");
        assert_eq!(tentative_language("🙂👍", "5511999990000"), "pt");
        assert_eq!(tentative_language("", "34600000000"), "es");
        assert_eq!(tentative_language("🙂", "15551230001"), "");
        assert_eq!(tentative_language("mousepad", "5511999990000"), "pt");
    }
}
