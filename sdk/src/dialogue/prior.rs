//! The language to answer in before the customer has written anything
//! that clearly reads as one language ("mousepad", "🙂", "ok"): a guess
//! for this turn only, never stored as the conversation's language, so
//! the first real signal still sets it.

use crate::text;

/// Country calling codes of Portuguese- and Spanish-speaking countries
/// (WhatsApp ids are E.164 digits without '+').
const PT_CODES: &[&str] = &["55", "351", "244", "258", "238", "245", "239", "670"];
const ES_CODES: &[&str] = &[
    "34", "52", "54", "56", "57", "51", "58", "53", "593", "591", "595", "598", "502", "503",
    "504", "505", "506", "507", "240", "1809", "1829", "1849", "1787", "1939",
];

/// The language a phone number's country mostly speaks ("pt", "es"), or
/// "" when it says nothing (English-speaking and other countries).
pub fn language_of_number(wa_id: &str) -> &'static str {
    let digits = wa_id.trim_start_matches('+');
    // Longest prefixes first: "1809" is the Dominican Republic, not "1".
    let best = PT_CODES
        .iter()
        .map(|c| (c, "pt"))
        .chain(ES_CODES.iter().map(|c| (c, "es")))
        .filter(|(c, _)| digits.starts_with(**c))
        .max_by_key(|(c, _)| c.len());
    best.map(|(_, l)| l).unwrap_or("")
}

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
