//! The customer's language (en / pt / es), guessed with the SDK's detector
//! so the host's own messages (menus, apologies) and the plugins agree.

pub use agent_store_sdk::text::detect_language as detect;

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
}
