//! The question's words in the store's languages (en, pt, es). A language
//! the store does not speak gets English.

/// The language the question is asked in: `pt`, `es` or `en`.
pub fn language(conversation_language: &str) -> &'static str {
    let l = conversation_language.trim().to_ascii_lowercase();
    match l.split(['-', '_']).next().unwrap_or("") {
        "pt" => "pt",
        "es" => "es",
        _ => "en",
    }
}

pub fn question(language: &str) -> &'static str {
    match language {
        "pt" => "Como foi o seu atendimento? De 1 a 5, toque para responder.",
        "es" => "¿Cómo fue tu atención? Del 1 al 5, toca para responder.",
        _ => "How did we do? From 1 to 5, tap to answer.",
    }
}

/// The list's button (WhatsApp: at most 20 characters).
pub fn button(language: &str) -> &'static str {
    match language {
        "pt" => "Avaliar",
        "es" => "Calificar",
        _ => "Rate us",
    }
}

/// The list's section title (at most 24 characters).
pub fn section(language: &str) -> &'static str {
    match language {
        "pt" => "Sua nota",
        "es" => "Tu nota",
        _ => "Your score",
    }
}

/// A row's title (at most 24 characters): the score and its word.
pub fn score_title(score: u8, language: &str) -> String {
    let word = match (language, score) {
        ("pt", 5) => "Excelente",
        ("pt", 4) => "Bom",
        ("pt", 3) => "Regular",
        ("pt", 2) => "Ruim",
        ("pt", _) => "Muito ruim",
        ("es", 5) => "Excelente",
        ("es", 4) => "Bueno",
        ("es", 3) => "Regular",
        ("es", 2) => "Malo",
        ("es", _) => "Muy malo",
        (_, 5) => "Excellent",
        (_, 4) => "Good",
        (_, 3) => "Okay",
        (_, 2) => "Poor",
        (_, _) => "Very poor",
    };
    format!("{score} – {word}")
}

pub fn thanks(language: &str) -> &'static str {
    match language {
        "pt" => "Obrigado pela sua avaliação!",
        "es" => "¡Gracias por tu opinión!",
        _ => "Thank you for your feedback!",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_fall_back_to_english() {
        assert_eq!(language("pt-BR"), "pt");
        assert_eq!(language("es"), "es");
        assert_eq!(language(""), "en");
        assert_eq!(language("de"), "en");
        assert_eq!(score_title(5, "pt"), "5 – Excelente");
    }
}
