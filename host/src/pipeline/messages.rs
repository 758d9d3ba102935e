//! The host's own words to customers (when no seller answers), per language.

/// Which host message.
#[derive(Debug, Clone, Copy)]
pub enum HostText {
    /// Asking which department when the router could not tell.
    Menu,
    MenuButton,
    /// A seller failed: apologise and promise a human.
    Apology,
    /// The conversation is with a human; the AI stays silent (nothing sent).
    NoSeller,
    /// The customer asked for a person before any department: one comes.
    HumanComing,
    /// A request for a person or a complaint before any department: a
    /// person takes over.
    Escalating,
    /// Everything the seller wrote quoted prices or products the catalog
    /// does not back (the grounding guard dropped it).
    NotGrounded,
    /// What the seller offered is beyond the brand's policy (a discount
    /// above its maximum): the offer was dropped.
    NotAllowed,
    /// The order is above the value the AI may place: a person confirms it.
    OrderNeedsPerson,
}

pub fn text(which: HostText, language: &str) -> &'static str {
    use HostText::*;
    match (which, language) {
        (Menu, "pt") => {
            "Olá! 👋 Como posso ajudar? Escolha um departamento ou me diga o que procura."
        }
        (Menu, "es") => "¡Hola! 👋 ¿Cómo puedo ayudarte? Elige un departamento o dime qué buscas.",
        (Menu, _) => "Hi! 👋 How can I help? Pick a department or tell me what you're looking for.",
        (MenuButton, "pt") => "Departamentos",
        (MenuButton, "es") => "Departamentos",
        (MenuButton, _) => "Departments",
        (Apology, "pt") => {
            "Desculpe, tive um problema para responder agora. Um atendente humano vai continuar a conversa em instantes."
        }
        (Apology, "es") => {
            "Lo siento, tuve un problema para responder. Una persona de nuestro equipo seguirá la conversación en breve."
        }
        (Apology, _) => {
            "Sorry, I ran into a problem answering that. A member of our team will take over the conversation shortly."
        }
        (NoSeller, "pt") => {
            "Desculpe, esse departamento não está disponível agora. Um atendente humano vai ajudar você."
        }
        (NoSeller, "es") => {
            "Lo siento, ese departamento no está disponible ahora. Una persona de nuestro equipo te ayudará."
        }
        (NoSeller, _) => {
            "Sorry, that department is not available right now. A member of our team will help you."
        }
        (HumanComing, "pt") => {
            "Claro! Uma pessoa da nossa equipe vai continuar a conversa por aqui em breve."
        }
        (HumanComing, "es") => {
            "¡Claro! Una persona de nuestro equipo seguirá la conversación por aquí en breve."
        }
        (HumanComing, _) => {
            "Of course! A person from our team will continue the conversation here shortly."
        }
        (Escalating, "pt") => {
            "Sinto muito por isso. Uma pessoa da nossa equipe vai continuar a conversa com você em instantes."
        }
        (Escalating, "es") => {
            "Lo siento mucho. Una persona de nuestro equipo seguirá la conversación contigo en breve."
        }
        (Escalating, _) => {
            "I'm sorry about that. A member of our team will take over the conversation shortly."
        }
        (NotGrounded, "pt") => {
            "Desculpe, não consegui confirmar esses detalhes no nosso catálogo. Pode me dizer qual produto procura?"
        }
        (NotGrounded, "es") => {
            "Lo siento, no pude confirmar esos detalles en nuestro catálogo. ¿Me dices qué producto buscas?"
        }
        (NotGrounded, _) => {
            "Sorry, I couldn't confirm those details in our catalog. Could you tell me which product you're looking for?"
        }
        (NotAllowed, "pt") => {
            "Desculpe, não posso oferecer isso por aqui. Posso ajudar com mais alguma coisa?"
        }
        (NotAllowed, "es") => "Lo siento, no puedo ofrecer eso por aquí. ¿Te ayudo con algo más?",
        (NotAllowed, _) => "Sorry, I can't offer that here. Can I help you with anything else?",
        (OrderNeedsPerson, "pt") => {
            "Uma pessoa da nossa equipe vai confirmar o seu pedido com você em instantes."
        }
        (OrderNeedsPerson, "es") => {
            "Una persona de nuestro equipo confirmará tu pedido contigo en breve."
        }
        (OrderNeedsPerson, _) => "A member of our team will confirm your order with you shortly.",
    }
}

/// A department's display name (the seller kit's, one table for both;
/// an unnamed brand is its key capitalised).
pub fn brand_title(brand: &str, language: &str) -> String {
    agent_store_sdk::i18n::brand_name(brand, language)
        .map(str::to_string)
        .unwrap_or_else(|| capitalise(brand))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
