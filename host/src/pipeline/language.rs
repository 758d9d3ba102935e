//! The customer's language (en / pt / es), guessed with the SDK's detector
//! so the host's own messages (menus, apologies) and the plugins agree.
//!
//! Sticky: a conversation's language is set by what the customer writes
//! and changes only when a message clearly reads as another language, so a
//! shared or borrowed word ("finalizar", "ok") never flips it.

pub use agent_store_sdk::text::detect_language as detect;

/// The conversation's language after the customer wrote `text`, given its
/// `current` language ("" when never detected); "" when still unknown.
pub fn sticky(current: &str, text: &str) -> &'static str {
    agent_store_sdk::text::sticky_language(current, text)
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn guesses_the_three_languages() {
        assert_eq!(detect("hi, I'm looking for a new laptop"), "en");
        assert_eq!(detect("oi, quero um tênis de corrida preto"), "pt");
        assert_eq!(detect("hola, busco unos auriculares baratos"), "es");
        assert_eq!(detect("cadê meu pedido?"), "pt");
        assert_eq!(detect("¿dónde está mi pedido?"), "es");
        assert_eq!(detect("👍"), "");
    }

    #[test]
    fn a_shared_word_does_not_switch_the_conversation() {
        use super::sticky;
        assert_eq!(sticky("es", "finalizar compra"), "es");
        assert_eq!(sticky("es", "ok"), "es");
        assert_eq!(sticky("en", "checkout"), "en");
        assert_eq!(sticky("", "quiero pagar"), "es");
        assert_eq!(
            sticky("en", "oi, você tem tênis de corrida? quero comprar um"),
            "pt"
        );
        assert_eq!(sticky("pt", "hola, ¿tienen zapatillas para correr?"), "es");
    }
}
