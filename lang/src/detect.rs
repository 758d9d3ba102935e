//! Which of English, Brazilian Portuguese and Spanish a message is written
//! in: orthography (`ã`, `ñ`, `¿`), marker words of each language (a word
//! two languages share counts less), digraphs, and evidence a caller adds
//! from its own vocabularies ([`Evidence`]: the dialogue cues, the catalog's
//! English words).
//!
//! ```
//! use agent_store_lang::detect;
//! assert_eq!(detect::detect_language("você tem tênis pretos?"), "pt");
//! assert_eq!(detect::detect_language("¿tienes zapatillas negras?"), "es");
//! assert_eq!(detect::sticky_language("pt", "ok"), "pt");
//! ```

use crate::text::tokenize;

/// Extra (en, pt, es) evidence from a caller's vocabularies, given the
/// message's normalised tokens.
pub type Evidence = fn(&[String]) -> (f32, f32, f32);

/// No extra evidence.
pub fn no_evidence(_: &[String]) -> (f32, f32, f32) {
    (0.0, 0.0, 0.0)
}

const EN_MARKERS: &[&str] = &[
    "the",
    "i",
    "im",
    "you",
    "your",
    "is",
    "are",
    "want",
    "need",
    "looking",
    "with",
    "my",
    "do",
    "does",
    "have",
    "what",
    "how",
    "where",
    "please",
    "thanks",
    "thank",
    "hi",
    "hello",
    "hey",
    "can",
    "could",
    "would",
    "show",
    "any",
    "some",
    "under",
    "and",
    "it",
    "this",
    "that",
    "of",
    "to",
    "in",
    "for",
    "me",
    "much",
    "buy",
    "cheap",
    "new",
    "there",
    "get",
    "got",
    "something",
    "good",
    "morning",
    "afternoon",
    "evening",
    "which",
    "who",
    "an",
    "am",
    "be",
    "will",
    "was",
    "they",
    "it",
    "its",
    "below",
    "less",
    "than",
    "between",
    "order",
    "shoes",
    "black",
    "white",
    "red",
    "blue",
    "size",
    "price",
    "wanna",
    "gonna",
    "yes",
    "yeah",
    "ok",
    "cart",
    "checkout",
    "talk",
    "speak",
    "human",
    "refund",
    "broken",
    "wrong",
    "doesnt",
    "dont",
    "isnt",
    // Everyday function words: a short English message ("so many
    // sofas", "too expensive") must not lose to one shared word.
    "so",
    "many",
    "very",
    "too",
    "also",
    "more",
    "most",
    "not",
    "or",
    "but",
    "if",
    "on",
    "at",
    "from",
    "we",
    "our",
    "us",
    "just",
    "only",
    "all",
    "like",
    "sorry",
    "help",
    "when",
    "why",
    "here",
    "these",
    "those",
    "then",
    "now",
    "today",
    "really",
    "still",
    "already",
    "about",
    "after",
    "before",
    "because",
    "expensive",
    "cheaper",
    // A noun in English ("soy candle", "soy milk") as well as "I am".
    "soy",
    "should",
    "has",
    "had",
    "did",
    "were",
    "been",
];
const PT_MARKERS: &[&str] = &[
    "voce",
    "voces",
    "vc",
    "vcs",
    "nao",
    "obrigado",
    "obrigada",
    "obg",
    "quero",
    "estou",
    "tenis",
    "preco",
    "ola",
    "oi",
    "tudo",
    "bem",
    "meu",
    "minha",
    "meus",
    "minhas",
    "tem",
    "uma",
    "um",
    "com",
    "do",
    "da",
    "dos",
    "das",
    "na",
    "nas",
    "isso",
    "esse",
    "essa",
    "tambem",
    "mais",
    "muito",
    "onde",
    "cade",
    "gostaria",
    "procuro",
    "procurando",
    "ate",
    "reais",
    "sim",
    "eu",
    "seu",
    "sua",
    "aqui",
    "agora",
    "hoje",
    "ainda",
    "ja",
    "so",
    "entao",
    "ta",
    "pra",
    "pro",
    "ne",
    "valeu",
    "bom",
    "boa",
    "noite",
    "qual",
    "quanto",
    "custa",
    "ajuda",
    "pode",
    "posso",
    "e",
    "o",
    "os",
    "ao",
    "pela",
    "pelo",
    "tenho",
    "calca",
    "sapato",
    "fone",
    "carregador",
    "preto",
    "branco",
    "vermelho",
    "cinza",
    "laranja",
    "amarelo",
    "roxo",
    "marrom",
    "dinheiro",
    "frete",
    "algum",
    "alguma",
    "nenhum",
    "tamanho",
    "numero",
    "cor",
    "cores",
    "falar",
    "atendente",
    "pedido",
    "finalizar",
    "carrinho",
    "obrigadao",
    "legal",
    "mim",
    "estao",
    "sao",
    "ficar",
    "fazer",
    "quais",
    "melhor",
    "barata",
    "tamanhos",
    "acima",
    "abaixo",
    "entre",
    "ou",
    "mas",
    "porque",
    "nada",
    "coisa",
    "pelos",
    "deu",
    "chegou",
    "foi",
    "vou",
    "vai",
];
const ES_MARKERS: &[&str] = &[
    "usted",
    "ustedes",
    "quiero",
    "estoy",
    "gracias",
    "zapatillas",
    "precio",
    "hola",
    "buenos",
    "buenas",
    "el",
    "los",
    "las",
    "un",
    "una",
    "mi",
    "mis",
    "tu",
    "tienes",
    "tiene",
    "tienen",
    "necesito",
    "busco",
    "buscando",
    "con",
    "del",
    "al",
    "y",
    "muy",
    "pero",
    "hay",
    "eso",
    "es",
    "son",
    "ayuda",
    "puedo",
    "puede",
    "cuanto",
    "cuesta",
    "bueno",
    "dinero",
    "hasta",
    "negro",
    "negra",
    "negros",
    "negras",
    "rojo",
    "blanco",
    "blanca",
    "amarillo",
    "morado",
    "zapatos",
    "pantalon",
    "auriculares",
    "cargador",
    "portatil",
    "ordenador",
    "movil",
    "senor",
    "si",
    "talla",
    "colores",
    "algun",
    "alguno",
    "ninguno",
    "envio",
    "llega",
    "llego",
    "quisiera",
    "tengo",
    "hablar",
    "puedes",
    "muchas",
    "mucho",
    "por",
    "lo",
    "le",
    "les",
    "yo",
    "soy",
    "quieres",
    "donde",
    "esta",
    "estan",
    "tambien",
    "audifonos",
    "celular",
    "queja",
    "persona",
    "carrito",
    "comprar",
    "pagar",
    "mejor",
    "barato",
    "barata",
    "menos",
    "entre",
    "o",
    "pero",
    "nada",
    "cosa",
    "algo",
    "ya",
    "asi",
    "ahora",
    "hoy",
    "aqui",
    "favor",
    "cual",
    "cuales",
    "dias",
    "tardes",
    "noches",
    "vale",
    "juego",
    "mando",
    "consola",
    "ninos",
    "nino",
];

/// Evidence for each language in `text`: (en, pt, es) scores from
/// orthography, marker words (a word shared by two languages counts less),
/// digraphs and the caller's `extra` evidence.
pub fn language_scores(text: &str, extra: Evidence) -> (f32, f32, f32) {
    // Currency marks ("US$ 89,90", "R$") are no words of any language.
    let raw = text.to_lowercase().replace("us$", " ").replace("r$", " ");
    let text = raw.as_str();
    let mut pt = 0.0f32;
    let mut es = 0.0f32;
    let mut en = 0.0f32;
    // Orthographic cues survive normalisation only here.
    for c in raw.chars() {
        match c {
            'ã' | 'õ' | 'ç' | 'ê' | 'ô' | 'à' => pt += 1.5,
            'ñ' | '¿' | '¡' => es += 2.0,
            _ => {}
        }
    }
    let toks = tokenize(text);
    for t in &toks {
        let t = t.as_str();
        let (a, b, c) = (
            EN_MARKERS.contains(&t),
            PT_MARKERS.contains(&t),
            ES_MARKERS.contains(&t),
        );
        let shared = [a, b, c].iter().filter(|x| **x).count();
        if shared == 0 {
            continue;
        }
        // A word shared by two languages counts half for each.
        let w = if shared == 1 { 1.0 } else { 0.4 };
        if a {
            en += w;
        }
        if b {
            pt += w;
        }
        if c {
            es += w;
        }
    }
    // Distinctive digraphs: Portuguese "nh", "lh", "ção"; Spanish "ll".
    for t in &toks {
        if t.len() > 3 && (t.contains("nh") || t.contains("lh") || t.ends_with("cao")) {
            pt += 0.5;
        }
        if t.len() > 3 && t.contains("ll") && !t.starts_with("sell") {
            es += 0.3;
        }
    }
    let (e, p, s) = extra(&toks);
    (en + e, pt + p, es + s)
}

/// The customer's language: "en", "pt", "es", or "" when the text carries
/// no clear signal. [`detect_language_with`] without extra evidence.
pub fn detect_language(text: &str) -> &'static str {
    detect_language_with(text, no_evidence)
}

/// The customer's language from markers and `extra` evidence.
pub fn detect_language_with(text: &str, extra: Evidence) -> &'static str {
    let (en, pt, es) = language_scores(text, extra);
    let mut ranked = [(en, "en"), (pt, "pt"), (es, "es")];
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (best, lang) = ranked[0];
    // A clear signal: enough evidence, and more than for the runner-up.
    if best < 0.8 || best - ranked[1].0 < 0.3 {
        return "";
    }
    lang
}

/// How much more evidence another language needs than the conversation's
/// own before a message switches it: one shared or borrowed word
/// ("finalizar", "ok", "checkout") never does.
pub const LANGUAGE_SWITCH_MARGIN: f32 = 1.5;

/// The conversation's language after the customer wrote `text`: sticky.
/// `current` ("en" / "pt" / "es" or "") changes only when the message
/// clearly reads as another language; an unknown current language takes
/// whatever [`detect_language`] finds.
pub fn sticky_language(current: &str, text: &str) -> &'static str {
    sticky_language_with(current, text, no_evidence)
}

/// [`sticky_language`] with `extra` evidence.
pub fn sticky_language_with(current: &str, text: &str, extra: Evidence) -> &'static str {
    let detected = detect_language_with(text, extra);
    let current = match current {
        "en" => "en",
        "pt" => "pt",
        "es" => "es",
        _ => return detected,
    };
    if detected.is_empty() || detected == current {
        return current;
    }
    let (en, pt, es) = language_scores(text, extra);
    let score = |l: &str| match l {
        "en" => en,
        "pt" => pt,
        _ => es,
    };
    if score(detected) - score(current) >= LANGUAGE_SWITCH_MARGIN {
        detected
    } else {
        current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_markers_alone() {
        for (t, l) in [
            ("hi, I'm looking for a new laptop", "en"),
            ("oi, você tem tênis de corrida?", "pt"),
            ("¿cuánto cuesta el portátil?", "es"),
            ("", ""),
            ("👍", ""),
        ] {
            assert_eq!(detect_language(t), l, "{t}");
        }
    }

    #[test]
    fn extra_evidence_counts() {
        fn pt(_: &[String]) -> (f32, f32, f32) {
            (0.0, 5.0, 0.0)
        }
        assert_eq!(detect_language_with("laptop", pt), "pt");
        assert_eq!(sticky_language("es", "ok"), "es");
        assert_eq!(sticky_language("", "hola, quiero algo"), "es");
    }
}
