//! Conversational intents shared by the router and the seller kit:
//! greetings, thanks, requests for a human, complaints, order status,
//! checkout, cart and price questions, in en/pt/es.
//!
//! ```
//! use agent_store_sdk::intent::Signals;
//! assert!(Signals::of("quero falar com um atendente").human);
//! assert!(Signals::of("cadê meu pedido?").order_status);
//! assert!(Signals::of("¡Hola!").is_small_talk());
//! assert!(!Signals::of("hola, busco un portátil").is_small_talk());
//! ```

use std::cell::RefCell;

use crate::text::{self, has_any};

/// What a message asks for, besides products. Several flags can be set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signals {
    /// "hi", "olá", "buenas tardes"...
    pub greeting: bool,
    /// "thanks", "obrigado", "gracias"...
    pub thanks: bool,
    /// "bye", "tchau", "adiós"...
    pub goodbye: bool,
    /// Chit-chat about the world outside the store ("who won the game
    /// last night?"), with no request for a product.
    pub off_topic: bool,
    /// A service asked of the store (a repair, lessons, installation),
    /// with no product asked for.
    pub service: bool,
    /// The customer asks for a person.
    pub human: bool,
    /// A complaint (broken, late, wrong item...).
    pub complaint: bool,
    /// A refund, return or chargeback.
    pub refund: bool,
    /// Strong negative sentiment (insults, shouting, "worst").
    pub angry: bool,
    /// Payment trouble ("card declined", "cobrado duas vezes").
    pub payment: bool,
    /// "where is my order", "cadê meu pedido", "dónde está mi pedido".
    pub order_status: bool,
    /// "checkout", "finalizar", "pagar", "place the order".
    pub checkout: bool,
    /// "buy"/"comprar" without naming a product (checkout when the cart has items).
    pub buy: bool,
    /// "my cart", "meu carrinho", "mi carrito".
    pub view_cart: bool,
    /// "how much", "quanto custa", "cuánto cuesta".
    pub price_question: bool,
    /// "more options", "mais opções", "otras opciones".
    pub more: bool,
    /// Words that may name a product (normalised, stemmed, no stopwords or
    /// intent words).
    pub content: Vec<String>,
}

/// The lists of `intent.txt`, as statics `build.rs` wrote (`lists_file`):
/// each `[name]` list is `NAME`.
mod lists {
    include!(concat!(env!("OUT_DIR"), "/intent_lists.rs"));
}
use lists::*;

/// The lists of `intent.txt` the router reads as well: a gift, a request
/// for a product, the words that join two requests and the words that say
/// what a thing comes with.
pub mod words {
    pub use super::lists::{
        CONJUNCTIONS, GIFT_WORDS, NEGATION_WORDS, PRODUCT_REQUEST, PURPOSE_WORDS, ROOM_WORDS,
        WITH_WORDS,
    };
}

/// How many words after an arrival verb its damage may be said ("me
/// llegó el paquete todo mojado").
const ARRIVAL_REACH: usize = 4;

/// A parcel that arrived wet, torn or crushed: a word of
/// [`ARRIVAL_WEAR`] within [`ARRIVAL_REACH`] words after an arrival verb.
fn arrived_worn(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        ARRIVAL_VERBS.contains(w)
            && words[i + 1..]
                .iter()
                .take(ARRIVAL_REACH)
                .any(|x| ARRIVAL_WEAR.contains(x))
    })
}

fn all_content(raw: &str) -> Vec<String> {
    text::tokenize(raw)
        .into_iter()
        .filter(|t| {
            !text::is_stopword(t)
                && !INTENT_WORDS.contains(&t.as_str())
                && !t
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        })
        .map(|t| text::stem(&t))
        .collect()
}

/// A short message whose person word is followed by "for/para/de" and
/// another word ("suporte pra notebook" is a laptop stand; a word may
/// describe it first: "suporte articulado pra monitor"), or comes after
/// "with" ("moisés con soporte"), names a thing, not a request for a
/// person ("suporte!", "um atendente por favor"); a word that says what
/// kind of person ("suporte técnico da loja") or who it is for
/// ("atendente humano pra mim") keeps it a person.
fn names_a_thing(words: &[&str]) -> bool {
    let for_something = words.iter().enumerate().any(|(i, w)| {
        HUMAN_NOUNS.contains(w)
            && (i + 1..words.len().min(i + 3)).any(|j| {
                FOR_WORDS.contains(&words[j])
                    && j + 1 < words.len()
                    && !FOR_WHOM.contains(&words[j + 1])
                    && !words[i + 1..j]
                        .iter()
                        .any(|m| PERSON_QUALIFIERS.contains(m))
            })
    });
    // "moisés con soporte", "tv com suporte": what a thing comes with.
    let comes_with = words
        .windows(2)
        .any(|w| WITH_WORDS.contains(&w[0]) && SUPPORT_WORDS.contains(&w[1]));
    for_something || comes_with
}

/// Whether `raw` mentions a purchase already made or its delivery ("the
/// one I bought", "meu pedido", "me llegó"): then a mood or a defect is
/// about that purchase.
pub fn about_a_purchase(raw: &str) -> bool {
    has_any(&text::normalize(raw), PURCHASE_CONTEXT)
}

thread_local! {
    /// The last message classified and its signals: a turn asks for the
    /// same message's signals several times (the seller kit's dispatch,
    /// the dialogue reading, the search's content words), and each
    /// classification scans hundreds of phrases.
    static LAST: RefCell<Option<(String, Signals)>> = const { RefCell::new(None) };
}

impl Signals {
    /// Classify a message (computed once per message: asking again for
    /// the same text returns the signals kept from the first time; by the
    /// host when the plugin runs in one, [`crate::analysis`]).
    pub fn of(raw: &str) -> Signals {
        let cached = LAST.with(|last| {
            last.try_borrow().ok().and_then(|last| {
                last.as_ref()
                    .filter(|(text, _)| text == raw)
                    .map(|(_, s)| s.clone())
            })
        });
        if let Some(s) = cached {
            return s;
        }
        let s = crate::analysis::ask(|a| a.signals(raw)).unwrap_or_else(|| Self::classify(raw));
        LAST.with(|last| {
            if let Ok(mut last) = last.try_borrow_mut() {
                *last = Some((raw.to_owned(), s.clone()));
            }
        });
        s
    }

    /// [`Self::of`] without the cache.
    fn classify(raw: &str) -> Signals {
        let n = text::normalize(raw);
        let words: Vec<&str> = n.split(' ').filter(|w| !w.is_empty()).collect();
        let mut s = Signals {
            greeting: has_any(&n, GREETINGS),
            thanks: has_any(&n, THANKS),
            goodbye: has_any(&n, GOODBYE),
            off_topic: has_any(&n, OFF_TOPIC) && !has_any(&n, PRODUCT_REQUEST),
            service: has_any(&n, SERVICE_REQUESTS) && !has_any(&n, PRODUCT_REQUEST),
            complaint: has_any(&n, COMPLAINT)
                || (has_any(&n, DEFECT) && has_any(&n, PURCHASE_CONTEXT))
                || (has_any(&n, ARRIVAL_DAMAGE) && has_any(&n, ARRIVAL_WORDS))
                || arrived_worn(&words),
            refund: has_any(&n, REFUND) || (has_any(&n, EXCHANGE) && has_any(&n, PURCHASE_CONTEXT)),
            payment: has_any(&n, PAYMENT),
            checkout: has_any(&n, CHECKOUT),
            buy: has_any(&n, BUY),
            view_cart: has_any(&n, CART),
            price_question: has_any(&n, PRICE),
            more: has_any(&n, MORE),
            ..Signals::default()
        };
        let human_noun = has_any(&n, HUMAN_NOUNS);
        s.human = human_noun
            && (has_any(&n, HUMAN_VERBS) || (words.len() <= 4 && !names_a_thing(&words)));
        let shouting = {
            let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() >= 12
                && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 8
        };
        let bangs = raw.matches('!').count() >= 3;
        s.angry = has_any(&n, ANGRY) || (shouting && (s.complaint || s.refund || bangs));
        let order_word = has_any(&n, ORDER_WORDS);
        s.order_status = order_word
            && has_any(&n, ORDER_STATUS)
            && !s.checkout
            && !has_any(&n, &["place", "fazer", "hacer", "new order", "novo pedido"]);
        // "add to my cart" is not a cart question
        s.content = all_content(raw);
        s
    }

    /// Only pleasantries: a greeting, thanks or goodbye and no product
    /// words, or chit-chat about something the store does not do.
    pub fn is_small_talk(&self) -> bool {
        ((self.greeting || self.thanks || self.goodbye) && self.content.is_empty())
            || self.off_topic
    }

    /// The customer needs a human (asked for one, complained, is angry or
    /// has a payment problem).
    pub fn needs_human(&self) -> bool {
        self.human || self.complaint || self.refund || self.angry || self.payment
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_are_kept_per_message_and_never_stale() {
        let texts = [
            "hi",
            "I want to talk to a human",
            "hi",
            "quero cancelar meu pedido",
            "quero cancelar meu pedido",
            "tem em azul?",
            "hi",
        ];
        for t in texts {
            assert_eq!(Signals::of(t), Signals::classify(t), "{t}");
        }
        assert!(Signals::of("hi").is_small_talk());
        assert!(Signals::of("I want to talk to a human").human);
        assert!(!Signals::of("hi").human);
    }

    #[test]
    fn intents() {
        assert!(Signals::of("hi").is_small_talk());
        assert!(Signals::of("Olá, tudo bem?").is_small_talk());
        assert!(Signals::of("buenas tardes").is_small_talk());
        assert!(!Signals::of("hi, I'm looking for a new laptop").is_small_talk());
        // sport talk is small talk; a product asked for with it is not
        assert!(Signals::of("did you watch the match yesterday?").is_small_talk());
        assert!(Signals::of("e aí, quem ganhou ontem?").is_small_talk());
        assert!(Signals::of("¿cómo quedó el partido del domingo?").is_small_talk());
        assert!(!Signals::of("quem ganhou o jogo? quero uma camisa do time").is_small_talk());
        // a service asked of the store, unless a product is asked for too
        assert!(Signals::of("do you guys repair cracked screens?").service);
        assert!(Signals::of("vocês dão aulas de violão?").service);
        assert!(Signals::of("¿arreglan relojes? se me paró").service);
        assert!(!Signals::of("looking for a bike repair kit").service);
        assert!(!Signals::of("busco un kit de reparación de pinchazos").service);
        // buying from the customer, or a battery changed, is a service too
        assert!(Signals::of("do you buy used phones? i want to sell my old one").service);
        assert!(Signals::of("vcs compram meu videogame usado?").service);
        assert!(Signals::of("¿cambian la pila de los controles?").service);
        assert!(!Signals::of("quero comprar um relógio").service);
        assert!(!Signals::of("vcs compram direto da fábrica?").service);
        assert!(!Signals::of("battery replacement for iphone 11").service);
        assert!(Signals::of("I want to talk to a human").human);
        assert!(Signals::of("necesito hablar con una persona").human);
        assert!(Signals::of("atendente").human);
        assert!(Signals::of("¿me pasan con un asesor de ventas?").human);
        assert!(!Signals::of("a gift for a person who loves games").human);
        // a stand for something, not customer support
        assert!(!Signals::of("suporte pra notebook").human);
        assert!(!Signals::of("soporte para volante").human);
        assert!(!Signals::of("suporte giratório pra tv").human);
        assert!(!Signals::of("support arm for tv").human);
        // A word that says what kind of person is still a person.
        assert!(Signals::of("suporte técnico da loja").human);
        assert!(Signals::of("atendente humano pra mim").human);
        assert!(Signals::of("suporte").human);
        // what a thing comes with
        assert!(!Signals::of("cuna con soporte").human);
        assert!(!Signals::of("tv com suporte").human);
        assert!(Signals::of("¿me pasás con atención al cliente?").human);
        assert!(Signals::of("me conectas con alguien?").human);
        assert!(Signals::of("quero falar com o suporte do site").human);
        assert!(Signals::of("my headphones arrived broken").complaint);
        assert!(Signals::of("the lamp arrived crushed").complaint);
        assert!(Signals::of("o pedido chegou com a caixa amassada").complaint);
        assert!(Signals::of("el espejo llegó rayado").complaint);
        assert!(Signals::of("me llegó el paquete todo aplastado y la tele trizada").complaint);
        assert!(Signals::of("a luminária veio toda amassada").complaint);
        // A parcel that arrived wet or torn, in any of the three.
        assert!(Signals::of("the box came soaked and the mug inside is chipped").complaint);
        assert!(Signals::of("meu pacote chegou todo molhado").complaint);
        assert!(Signals::of("recibí la caja mojada y rasgada").complaint);
        assert!(!Signals::of("caixa de som que pode ficar molhada na piscina?").complaint);
        assert!(!Signals::of("gel efeito molhado vem em caixa?").complaint);
        assert!(!Signals::of("i'm torn between the two, which one came out later?").complaint);
        assert!(!Signals::of("ripped jeans came in yet?").complaint);
        assert!(!Signals::of("a crushed velvet dress that came with a belt").complaint);
        assert!(!Signals::of("quero fazer um pedido do sofá de veludo amassado").complaint);
        assert!(
            !Signals::of("quiero hacer un pedido del sillón de terciopelo aplastado").complaint
        );
        assert!(!Signals::of("a scratched-look leather jacket").complaint);
        assert!(!Signals::of("quiero hacer un pedido de la polera rayada").complaint);
        assert!(!Signals::of("can i order the crushed velvet sofa?").complaint);
        assert!(!Signals::of("my charger broke, do you have another one?").complaint);
        assert!(!Signals::of("auriculares con cancelación de ruido").complaint);
        assert!(Signals::of("quero cancelar meu pedido").complaint);
        assert!(Signals::of("quero meu dinheiro de volta").refund);
        assert!(Signals::of("quero trocar o tênis que comprei").refund);
        assert!(Signals::of("quiero cambiar mi pedido").refund);
        assert!(!Signals::of("quero trocar o sofá da sala").refund);
        assert!(!Signals::of("quiero cambiar mis cortinas").refund);
        assert!(Signals::of("THIS IS UNACCEPTABLE, I WANT MY MONEY!!!").angry);
        assert!(Signals::of("where is my order?").order_status);
        assert!(Signals::of("cadê meu pedido").order_status);
        assert!(Signals::of("¿dónde está mi pedido?").order_status);
        assert!(!Signals::of("I want to place an order").order_status);
        assert!(Signals::of("finalizar").checkout);
        assert!(Signals::of("checkout please").checkout);
        assert!(Signals::of("how much is it?").price_question);
        assert!(Signals::of("how much is it?").content.is_empty());
        assert!(
            Signals::of("tem em azul?")
                .content
                .contains(&"azul".to_string())
        );
    }
}
