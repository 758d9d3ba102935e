//! What the host does with an inbound message before any plugin sees it:
//! reactions are stored without a reply, and messages nobody can read yet
//! (stickers, videos, documents, contact cards, voice notes without a
//! transcript, types Meta itself does not support) get a polite answer in
//! the customer's language, never an error.

use crate::chat::Content;

/// The host's decision for one inbound message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Triage {
    /// Route it to a seller.
    Handle,
    /// Keep it (history, the sales console) but do not answer: reactions.
    Ignore,
    /// Answer politely that the host cannot read it yet.
    CannotRead(Unreadable),
}

/// Why a message cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// A voice note or audio file with no transcript.
    Voice,
    /// Any other type (sticker, video, document, contacts, unknown).
    Other,
}

pub fn triage(content: &Content) -> Triage {
    match content {
        Content::Unsupported { kind } if kind == "reaction" => Triage::Ignore,
        Content::Unsupported { .. } => Triage::CannotRead(Unreadable::Other),
        Content::Audio { transcript } if transcript.as_deref().is_none_or(str::is_empty) => {
            Triage::CannotRead(Unreadable::Voice)
        }
        _ => Triage::Handle,
    }
}

/// The polite answer, in "en", "pt" or "es" (English otherwise).
pub fn cannot_read_text(why: Unreadable, language: &str) -> &'static str {
    match (why, language) {
        (Unreadable::Voice, "pt") => {
            "Desculpe, ainda não consigo ouvir mensagens de voz. Pode escrever sua pergunta? 🙏"
        }
        (Unreadable::Voice, "es") => {
            "Lo siento, todavía no puedo escuchar mensajes de voz. ¿Puedes escribir tu pregunta? 🙏"
        }
        (Unreadable::Voice, _) => {
            "Sorry, I can't listen to voice messages yet. Could you type your question? 🙏"
        }
        (Unreadable::Other, "pt") => {
            "Desculpe, ainda não consigo ler esse tipo de mensagem. Pode escrever o que você procura? 🙏"
        }
        (Unreadable::Other, "es") => {
            "Lo siento, todavía no puedo leer ese tipo de mensaje. ¿Puedes escribir lo que buscas? 🙏"
        }
        (Unreadable::Other, _) => {
            "Sorry, I can't read that kind of message yet. Could you type what you're looking for? 🙏"
        }
    }
}

/// The answer to a catalog order naming the items the store does not sell
/// (WhatsApp sends a cart's `product_retailer_id`s as they were when the
/// customer added them; a product may have left the catalog since, or the
/// cart may come from another catalog). `all` when no item is known.
pub fn unknown_items_text(unknown: &[String], all: bool, language: &str) -> String {
    let items = unknown.join(", ");
    match (language, all) {
        ("pt", true) => format!(
            "Recebi seu pedido, mas não encontrei estes itens no nosso catálogo: {items}. Eles podem ter saído de linha. Posso ajudar a encontrar algo parecido?"
        ),
        ("pt", false) => format!(
            "Estes itens do seu pedido não estão no nosso catálogo: {items}. Cuidei do restante."
        ),
        ("es", true) => format!(
            "Recibí tu pedido, pero no encontré estos artículos en nuestro catálogo: {items}. Puede que ya no estén disponibles. ¿Te ayudo a encontrar algo parecido?"
        ),
        ("es", false) => format!(
            "Estos artículos de tu pedido no están en nuestro catálogo: {items}. Me encargo del resto."
        ),
        (_, true) => format!(
            "I got your order, but these items aren't in our catalog: {items}. They may have been discontinued. Can I help you find something similar?"
        ),
        (_, false) => format!(
            "These items in your order aren't in our catalog: {items}. I've taken care of the rest."
        ),
    }
}

/// A language guess from the customer's phone number when they have not
/// written any words yet: Brazil and Portugal → "pt", Spanish-speaking
/// countries → "es", else "".
pub fn language_from_wa_id(wa_id: &str) -> &'static str {
    agent_store_lang::detect::language_of_number(wa_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reactions_are_kept_silent_and_unreadable_types_get_an_answer() {
        let u = |k: &str| Content::Unsupported { kind: k.into() };
        assert_eq!(triage(&u("reaction")), Triage::Ignore);
        for k in [
            "sticker",
            "video",
            "document",
            "contacts",
            "unsupported",
            "brand_new",
        ] {
            assert_eq!(triage(&u(k)), Triage::CannotRead(Unreadable::Other), "{k}");
        }
        assert_eq!(
            triage(&Content::Audio { transcript: None }),
            Triage::CannotRead(Unreadable::Voice)
        );
        assert_eq!(
            triage(&Content::Audio {
                transcript: Some("quero um tênis".into())
            }),
            Triage::Handle
        );
        assert_eq!(
            triage(&Content::Image {
                caption: String::new()
            }),
            Triage::Handle
        );
        assert!(cannot_read_text(Unreadable::Voice, "pt").contains("voz"));
        assert!(cannot_read_text(Unreadable::Other, "es").contains("mensaje"));
        assert!(cannot_read_text(Unreadable::Other, "").contains("Sorry"));
    }

    #[test]
    fn unknown_order_items_are_named() {
        let ids = vec!["GONE-1".to_string(), "GONE-2".to_string()];
        let all = unknown_items_text(&ids, true, "pt");
        assert!(
            all.contains("GONE-1, GONE-2") && all.contains("catálogo"),
            "{all}"
        );
        let some = unknown_items_text(&ids[..1], false, "en");
        assert!(
            some.contains("GONE-1") && !some.contains("GONE-2"),
            "{some}"
        );
        assert!(unknown_items_text(&ids, true, "es").contains("catálogo"));
    }

    #[test]
    fn language_from_the_country_code() {
        assert_eq!(language_from_wa_id("5511988887777"), "pt");
        assert_eq!(language_from_wa_id("5215512345678"), "es");
        assert_eq!(language_from_wa_id("15551230001"), "");
        assert_eq!(language_from_wa_id("18095550000"), "es");
    }
}
