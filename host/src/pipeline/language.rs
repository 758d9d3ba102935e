//! A small language guess (en / pt / es) from marker words, so the host's
//! own messages (menus, apologies) match the customer. Plugins get the
//! guess in `turn.language` and may refine it.

const PT: &[&str] = &[
    "oi",
    "olá",
    "ola",
    "você",
    "voce",
    "não",
    "nao",
    "obrigado",
    "obrigada",
    "quero",
    "estou",
    "tem",
    "meu",
    "minha",
    "para",
    "um",
    "uma",
    "com",
    "tênis",
    "tenis",
    "preço",
    "preco",
    "quanto",
    "custa",
    "procurando",
    "gostaria",
    "pode",
    "bom",
    "dia",
    "tarde",
    "noite",
    "é",
    "são",
    "também",
    "comprar",
    "celular",
    "queria",
    "cadê",
    "atendente",
    "até",
    "reais",
    "vocês",
];
const ES: &[&str] = &[
    "hola",
    "usted",
    "quiero",
    "estoy",
    "gracias",
    "busco",
    "buscando",
    "necesito",
    "tienen",
    "tiene",
    "precio",
    "cuánto",
    "cuanto",
    "cuesta",
    "zapatillas",
    "para",
    "un",
    "una",
    "con",
    "el",
    "los",
    "las",
    "mi",
    "por",
    "favor",
    "buenos",
    "buenas",
    "días",
    "dias",
    "qué",
    "que",
    "dónde",
    "donde",
    "está",
    "pedido",
    "hasta",
    "también",
    "comprar",
    "quisiera",
    "algo",
    "y",
];
const EN: &[&str] = &[
    "hi", "hello", "hey", "i", "i'm", "im", "looking", "for", "a", "an", "the", "want", "need",
    "my", "is", "are", "do", "you", "have", "how", "much", "what", "where", "with", "please",
    "thanks", "thank", "buy", "new", "can", "order", "under", "cheap", "and", "to", "of",
];

/// "en", "pt", "es", or "" when there is no signal.
pub fn detect(text: &str) -> &'static str {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let score = |lexicon: &[&str]| words.iter().filter(|w| lexicon.contains(w)).count();
    // Letters only one language uses are strong hints.
    let pt_letters = lower
        .chars()
        .filter(|c| matches!(c, 'ã' | 'õ' | 'ç' | 'ê' | 'ô'))
        .count();
    let es_letters = lower
        .chars()
        .filter(|c| matches!(c, 'ñ' | '¿' | '¡'))
        .count();
    let scores = [
        ("pt", score(PT) * 2 + pt_letters * 3),
        ("es", score(ES) * 2 + es_letters * 3),
        ("en", score(EN) * 2),
    ];
    let best = scores
        .iter()
        .max_by_key(|(_, s)| *s)
        .copied()
        .unwrap_or(("", 0));
    let tie = scores.iter().filter(|(_, s)| *s == best.1).count() > 1;
    if best.1 == 0 || tie {
        return "";
    }
    best.0
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
}
