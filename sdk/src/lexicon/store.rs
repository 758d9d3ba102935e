//! Store-level questions: shipping, delivery times, returns, payments,
//! double charges, opening hours. They are about the store, not a brand's
//! products, so the router sends them to the store's own answer (the host's
//! store policy text) and never to a brand seller.
//!
//! Phrases are matched on normalised, plural-stemmed words with one typo
//! allowed per word of five letters or more ("twise" = "twice").
//!
//! ```
//! use agent_store_sdk::lexicon::store::{topic, Topic};
//! assert_eq!(topic("¿hacen envíos a México?"), Some(Topic::Shipping));
//! assert_eq!(topic("quanto tempo demora a entrega pra SP?"), Some(Topic::DeliveryTime));
//! assert_eq!(topic("i was charged twise for the same order"), Some(Topic::DoubleCharge));
//! assert_eq!(topic("running shoes in black"), None);
//! ```

use std::cell::RefCell;

use crate::text;

/// What a store-level question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Shipping,
    DeliveryTime,
    Returns,
    Payments,
    DoubleCharge,
    Hours,
    /// What the store's guarantee covers and for how long.
    Warranty,
    /// Discount codes, coupons and vouchers.
    Discounts,
}

impl Topic {
    /// The topic's key: the heading of its section in the store policy
    /// text (`prompts/store/<lang>.md`).
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Shipping => "shipping",
            Topic::DeliveryTime => "delivery",
            Topic::Returns => "returns",
            Topic::Payments => "payments",
            Topic::DoubleCharge => "double-charge",
            Topic::Hours => "hours",
            Topic::Warranty => "warranty",
            Topic::Discounts => "discounts",
        }
    }

    /// The topic of a key, the inverse of [`Topic::as_str`].
    pub fn parse(key: &str) -> Option<Topic> {
        ALL.iter().copied().find(|t| t.as_str() == key)
    }
}

/// Every topic, most specific first (a double charge is also a payment).
pub const ALL: &[Topic] = &[
    Topic::DoubleCharge,
    Topic::DeliveryTime,
    Topic::Returns,
    Topic::Hours,
    Topic::Warranty,
    Topic::Discounts,
    Topic::Payments,
    Topic::Shipping,
];

/// The lists of `store.txt`, as statics `build.rs` wrote (`lists_file`):
/// each `[name]` list is `NAME`, a topic's phrases also `NAME_STEMS` and
/// `NAME_WORDS`.
// A topic's phrases as written (`TOPIC_*`) are read by the tests only: a
// turn reads them split (`_WORDS`) and stemmed (`_STEMS`).
#[cfg_attr(not(test), allow(dead_code))]
mod lists {
    include!(concat!(env!("OUT_DIR"), "/store_lists.rs"));
}
use lists::*;

/// A topic's phrases (`[topic-<key>]` in `store.txt`), as the tests read
/// them; a turn reads [`written`] and [`stems`].
#[cfg(test)]
fn phrases(t: Topic) -> &'static [&'static str] {
    match t {
        Topic::DoubleCharge => TOPIC_DOUBLE_CHARGE,
        Topic::DeliveryTime => TOPIC_DELIVERY,
        Topic::Returns => TOPIC_RETURNS,
        Topic::Hours => TOPIC_HOURS,
        Topic::Warranty => TOPIC_WARRANTY,
        Topic::Discounts => TOPIC_DISCOUNTS,
        Topic::Payments => TOPIC_PAYMENTS,
        Topic::Shipping => TOPIC_SHIPPING,
    }
}

/// A topic's phrases with their words stemmed, as `build.rs` stemmed them
/// (a fresh wasm instance does not stem every phrase on every turn).
fn stems(t: Topic) -> &'static [&'static [&'static str]] {
    match t {
        Topic::DoubleCharge => TOPIC_DOUBLE_CHARGE_STEMS,
        Topic::DeliveryTime => TOPIC_DELIVERY_STEMS,
        Topic::Returns => TOPIC_RETURNS_STEMS,
        Topic::Hours => TOPIC_HOURS_STEMS,
        Topic::Warranty => TOPIC_WARRANTY_STEMS,
        Topic::Discounts => TOPIC_DISCOUNTS_STEMS,
        Topic::Payments => TOPIC_PAYMENTS_STEMS,
        Topic::Shipping => TOPIC_SHIPPING_STEMS,
    }
}

/// A topic's phrases split into their words as written (`build.rs`).
fn written(t: Topic) -> &'static [&'static [&'static str]] {
    match t {
        Topic::DoubleCharge => TOPIC_DOUBLE_CHARGE_WORDS,
        Topic::DeliveryTime => TOPIC_DELIVERY_WORDS,
        Topic::Returns => TOPIC_RETURNS_WORDS,
        Topic::Hours => TOPIC_HOURS_WORDS,
        Topic::Warranty => TOPIC_WARRANTY_WORDS,
        Topic::Discounts => TOPIC_DISCOUNTS_WORDS,
        Topic::Payments => TOPIC_PAYMENTS_WORDS,
        Topic::Shipping => TOPIC_SHIPPING_WORDS,
    }
}

/// Each topic's phrases stemmed at run time, in [`ALL`]'s order: what
/// `build.rs` must have generated (`generated_stems_match_runtime`).
#[cfg(test)]
fn stemmed_phrases() -> Vec<Vec<Vec<String>>> {
    ALL.iter()
        .map(|t| {
            phrases(*t)
                .iter()
                .map(|p| p.split(' ').map(text::stem).collect())
                .collect()
        })
        .collect()
}

/// How a store question was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// A topic's phrase ("opening hours", "cobrado duas vezes").
    Phrase,
    /// Only its shape: a topic's words put as a question to the store
    /// ("can I pay with it?", "when do they arrive?"). A product named
    /// first ("smartwatch with contactless pay") is no such question.
    Shape,
}

/// The store-level topic of `message`, if it asks one.
pub fn topic(message: &str) -> Option<Topic> {
    topic_with_evidence(message).map(|(t, _)| t)
}

/// A store question's topic and evidence, if the message asks one.
type Answer = Option<(Topic, Evidence)>;

thread_local! {
    /// The last message checked and its answer: the router asks for the
    /// same message's topic more than once.
    static LAST: RefCell<Option<(String, Answer)>> = const { RefCell::new(None) };
}

/// The store-level topic of `message` and how it was recognised (once per
/// message; by the host when the plugin runs in one, [`crate::analysis`]).
pub fn topic_with_evidence(message: &str) -> Option<(Topic, Evidence)> {
    let cached = LAST.with(|last| {
        last.try_borrow()
            .ok()
            .and_then(|last| last.as_ref().filter(|(m, _)| m == message).map(|(_, t)| *t))
    });
    if let Some(t) = cached {
        return t;
    }
    let t =
        crate::analysis::ask(|a| a.store_question(message)).unwrap_or_else(|| topic_here(message));
    LAST.with(|last| {
        if let Ok(mut last) = last.try_borrow_mut() {
            *last = Some((message.to_owned(), t));
        }
    });
    t
}

/// [`topic_with_evidence`], computed here and now.
fn topic_here(message: &str) -> Option<(Topic, Evidence)> {
    // Chat shorthand spelled out ("vcs enviam pra portugal?"): the phrases
    // are written in full.
    let n = text::expand_shorthand(&text::normalize(message));
    let hay = text::terms(&n);
    if hay.is_empty() {
        return None;
    }
    if refund_policy_question(&n) {
        return Some((Topic::Returns, Evidence::Shape));
    }
    // Unstemmed too: stemming can cut a typo's letters ("twise" → "twis").
    let words = text::tokenize(&n);
    // The phrases are written normalised: stemming them is enough, and
    // `build.rs` did it (`stems`).
    let by_phrase = ALL.iter().copied().find(|t| {
        written(*t).iter().zip(stems(*t)).any(|(raw, stems)| {
            // One word alone must be exact: "shipping" is one typo from
            // "shopping".
            match stems {
                [w] => hay.iter().any(|h| h == w),
                _ => text::phrase_match(&hay, stems) > 0.0 || text::phrase_match(&words, raw) > 0.0,
            }
        })
    });
    match by_phrase {
        Some(Topic::Shipping) if delivery_time_question(&n) && !payment_question(&n) => {
            Some((Topic::DeliveryTime, Evidence::Phrase))
        }
        None if delivery_time_question(&n) && !payment_question(&n) => {
            Some((Topic::DeliveryTime, Evidence::Shape))
        }
        None => by_shape(&n).map(|t| (t, Evidence::Shape)),
        Some(t) => Some((t, Evidence::Phrase)),
    }
}

/// A store question no phrase lists, by its shape: a topic's words and
/// the way a question about the store is put ("do you take venmo?",
/// "posso pagar no débito?", "when do you guys open tomorrow?", "free
/// returns?").
fn by_shape(normalized: &str) -> Option<Topic> {
    if double_charge(normalized) {
        Some(Topic::DoubleCharge)
    } else if payment_question(normalized) || invoice_question(normalized) {
        Some(Topic::Payments)
    } else if returns_question(normalized) {
        Some(Topic::Returns)
    } else if hours_question(normalized) {
        Some(Topic::Hours)
    } else if warranty_question(normalized) {
        Some(Topic::Warranty)
    } else if shipping_question(normalized) {
        Some(Topic::Shipping)
    } else {
        None
    }
}

/// A count of two or more written as a multiplier or a number of times:
/// "2x", "x2", "3 times", "2 vezes", "2 veces".
fn repeated_count(normalized: &str) -> bool {
    let words: Vec<&str> = normalized.split(' ').collect();
    let at_least_two = |d: &str| d.parse::<u32>().is_ok_and(|k| k >= 2);
    words.iter().enumerate().any(|(i, w)| {
        let multiplier = w
            .strip_suffix('x')
            .or_else(|| w.strip_prefix('x'))
            .is_some_and(at_least_two);
        let times = at_least_two(w)
            && words
                .get(i + 1)
                .is_some_and(|n| matches!(*n, "times" | "vezes" | "veces" | "x"));
        multiplier || times
    })
}

/// "fui cobrado 2x no cartão", "they billed me two times": a charge that
/// happened, counted more than once. Said of a charge already made, so a
/// way of paying in installments ("dá pra parcelar em 3x?") is not one.
fn double_charge(normalized: &str) -> bool {
    text::has_any(normalized, CHARGED_WORDS)
        && (text::has_any(normalized, REPEAT_WORDS) || repeated_count(normalized))
}

/// "vocês entregam no nordeste?", "¿mandan a Chile?": whether the store
/// sends to a place, asked in any wording where the store is the sender,
/// about no order already placed (that one's delivery is its status).
fn shipping_question(normalized: &str) -> bool {
    text::has_any(normalized, STORE_SENDS) && !text::has_any(normalized, ORDER_CONTEXT)
}

/// "posso pagar no débito?", "do you take venmo": paying asked about, with
/// no amount (an amount is a budget: "não quero pagar mais de 200").
fn payment_question(normalized: &str) -> bool {
    let amount = normalized.bytes().any(|b| b.is_ascii_digit());
    let paying = text::has_any(normalized, PAY_WORDS) && text::has_any(normalized, PAY_ASK);
    !amount && (paying || text::has_any(normalized, ACCEPT_WORDS))
}

/// How many words before the invoice word its asking may begin ("can i
/// get a factura").
const INVOICE_REACH: usize = 4;

/// "can i get a factura? its for my company", "vcs emitem nota fiscal?":
/// the paperwork of a purchase asked for (the store's, with payments).
/// The asking comes just before the paperwork, so a product for it is no
/// such question ("necesito una impresora de boletas", "need paper rolls
/// for my receipt printer").
fn invoice_question(normalized: &str) -> bool {
    if !text::has_any(normalized, INVOICE_WORDS) {
        return false;
    }
    let words: Vec<&str> = normalized.split(' ').collect();
    (0..words.len()).any(|j| {
        let before = &words[j.saturating_sub(INVOICE_REACH)..j];
        // "un archivador para facturas": the paperwork is what a product is for.
        let asked = before
            .iter()
            .rposition(|w| crate::intent::words::PURPOSE_WORDS.contains(w))
            .map_or(before, |p| &before[p + 1..]);
        text::starts_with_phrase(&words[j..], INVOICE_WORDS)
            && text::has_any(&asked.join(" "), INVOICE_ASK)
    })
}

/// "free returns?", "me devuelven el dinero si no me queda?": returns
/// asked about as a rule, about no order already placed.
fn returns_question(normalized: &str) -> bool {
    let ruled = text::has_any(normalized, RULE_MARKERS);
    let returning =
        text::has_any(normalized, RETURN_WORDS) && (ruled || normalized.split(' ').count() <= 3);
    // "como faço a troca?": an exchange asked about as a rule; alone, the
    // noun is also an oil change or a change of plan.
    let exchanging = text::has_any(normalized, EXCHANGE_NOUNS) && ruled;
    (returning || exchanging) && !text::has_any(normalized, ORDER_CONTEXT)
        || size_exchange(normalized)
}

/// "quero trocar a aliança pq ficou apertada", "puedo cambiar el anillo
/// por otra talla": something exchanged for the fit or for another size
/// or colour, a returns question whatever it names.
fn size_exchange(normalized: &str) -> bool {
    text::has_any(normalized, EXCHANGE_VERBS)
        && (text::has_any(normalized, FIT_WORDS) || exchanged_for_a_variant(normalized))
}

/// How many words an exchange verb may stand before the variant it is
/// for ("cambiar la mochila por otro color").
const EXCHANGE_REACH: usize = 4;
/// ... or how many words that are not articles, demonstratives or the
/// exchange's "for" ([`EXCHANGE_FILLERS`]) may stand between them, one
/// being the thing exchanged ("quero trocar o tênis por um número maior").
const EXCHANGE_CONTENT_REACH: usize = 2;

/// The variant is what the exchange is for: a variant phrase starts
/// within a few words after an exchange verb ("quiero cambiar mi celular,
/// ¿tienen el Galaxy en otro color?" trades a phone in for a new one).
fn exchanged_for_a_variant(normalized: &str) -> bool {
    if !text::has_any(normalized, VARIANT_WORDS) {
        return false;
    }
    let words: Vec<&str> = normalized.split(' ').collect();
    words.iter().enumerate().any(|(i, w)| {
        text::has_any(w, EXCHANGE_VERBS)
            && ((i + 1..words.len().min(i + 1 + EXCHANGE_REACH))
                .any(|j| starts_variant(&words[j..]))
                || variant_within_content_reach(&words[i + 1..]))
    })
}

/// Whether a variant phrase starts in `after` with at most
/// [`EXCHANGE_CONTENT_REACH`] words before it that are not fillers.
fn variant_within_content_reach(after: &[&str]) -> bool {
    let mut counted = 0;
    for (j, w) in after.iter().enumerate() {
        if starts_variant(&after[j..]) {
            return true;
        }
        if !EXCHANGE_FILLERS.contains(w) {
            counted += 1;
            if counted > EXCHANGE_CONTENT_REACH {
                return false;
            }
        }
    }
    false
}

/// Whether `words` begin with one of the variant phrases.
fn starts_variant(words: &[&str]) -> bool {
    text::starts_with_phrase(words, VARIANT_WORDS)
}

/// "quiero cambiarla por otro color", "can i swap it for another size":
/// an exchange for another variant, with no fit complained of and no
/// condition put ("si no me queda, ¿la puedo cambiar por otra talla?" asks
/// the returns rule). Asked with a department's conversation going, it
/// changes the cart, not a purchase (the router's reading).
pub fn variant_exchange(message: &str) -> bool {
    let n = text::expand_shorthand(&text::normalize(message));
    exchanged_for_a_variant(&n) && !text::has_any(&n, FIT_WORDS) && !text::has_any(&n, IF_WORDS)
}

/// "when do you guys open tomorrow?", "abren el domingo?", "q horario
/// tiene la tienda?".
fn hours_question(normalized: &str) -> bool {
    let opening = text::has_any(normalized, OPEN_WORDS) && text::has_any(normalized, WHEN_WORDS);
    (opening || text::has_any(normalized, HOURS_NOUNS)) && text::has_any(normalized, STORE_WORDS)
}

/// "los productos tienen garantía?", "how long is the warranty?": the
/// guarantee asked about. Only by its shape, so a product named first
/// ("notebook com garantia estendida") is still that product.
fn warranty_question(normalized: &str) -> bool {
    text::has_any(normalized, WARRANTY_WORDS) && text::has_any(normalized, WARRANTY_ASK)
}

/// The words of `message` before it first names the guarantee ("la
/// impresora tiene" of "la impresora tiene garantía?"), if it does.
pub fn before_warranty(message: &str) -> Option<String> {
    let words = text::tokenize(&text::normalize(message));
    let at = words
        .iter()
        .position(|w| text::has_any(w, WARRANTY_WORDS))?;
    Some(words[..at].join(" "))
}

/// The shape of a delivery-time question, however it is worded: a word
/// about delivery and a question about time ("how long will delivery take
/// to Texas?", "em quantos dias chega em BH?"), about no order already
/// placed (that is the order's status, the conversation's business).
fn delivery_time_question(normalized: &str) -> bool {
    text::has_any(normalized, DELIVERY_WORDS)
        && text::has_any(normalized, TIME_QUESTIONS)
        && !text::has_any(normalized, ORDER_CONTEXT)
}

/// "can i get a refund if it doesn't fit", "vocês fazem reembolso?": a
/// refund asked about as a rule of the store, with no order named.
fn refund_policy_question(normalized: &str) -> bool {
    text::has_any(normalized, REFUND_WORDS)
        && text::has_any(normalized, POLICY_MARKERS)
        && !text::has_any(normalized, ORDER_CONTEXT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_are_kept_per_message_and_never_stale() {
        let asked = [
            "do you ship to lisbon?",
            "do you ship to lisbon?",
            "running shoes in black",
            "what are your opening hours",
            "do you ship to lisbon?",
        ];
        for m in asked {
            assert_eq!(topic_with_evidence(m), topic_here(m), "{m}");
        }
        assert_eq!(topic("running shoes in black"), None);
    }

    #[test]
    fn an_exchange_for_another_variant_is_told_from_one_for_the_fit() {
        assert!(variant_exchange("quiero cambiarla por otro color"));
        assert!(variant_exchange("can i swap it for a different size?"));
        // Articles and the exchange's "for" between the verb and the
        // variant do not count toward its reach.
        assert!(variant_exchange(
            "can i exchange the hoodie for a bigger size"
        ));
        assert!(variant_exchange(
            "dá pra trocar a camisa por uma outra cor?"
        ));
        assert!(variant_exchange(
            "puedo cambiar el pantalón por un número más grande"
        ));
        assert!(variant_exchange("quero trocar essa blusa pra outra cor"));
        assert!(variant_exchange("can i swap these shoes to another size"));
        assert!(!variant_exchange("troquei de ideia, quero outra cor"));
        assert!(!variant_exchange(
            "quero trocar por outro tamanho, ficou apertado"
        ));
        // A rule asked, and a phone traded in for a new one.
        assert!(!variant_exchange(
            "si no me queda, ¿la puedo cambiar por otra talla?"
        ));
        assert!(!variant_exchange(
            "quiero cambiar mi celular, ¿tienen el galaxy en otro color?"
        ));
        assert_eq!(
            topic("tô querendo trocar de celular, tem o iphone 15 em outra cor?"),
            None
        );
        // A product for the paperwork is no question about it.
        for shopping in [
            "necesito una impresora de boletas para mi negocio",
            "need paper rolls for my receipt printer",
            "preciso de um detector de nota falsa",
            "necesito un archivador para facturas",
        ] {
            assert_eq!(topic(shopping), None, "{shopping}");
        }
    }

    #[test]
    fn recognises_store_questions_in_three_languages() {
        let cases = [
            ("do you ship to Canada?", Topic::Shipping),
            ("vocês entregam em Recife?", Topic::Shipping),
            ("how long does delivery take to Texas", Topic::DeliveryTime),
            ("how long will delivery take to Ohio?", Topic::DeliveryTime),
            (
                "em quantos dias a entrega chega em Recife?",
                Topic::DeliveryTime,
            ),
            ("do you guys take venmo?", Topic::Payments),
            ("posso pagar no débito?", Topic::Payments),
            // How to pay, asked at the end of a purchase.
            ("listo, ¿cómo pago?", Topic::Payments),
            ("how do i pay for it?", Topic::Payments),
            ("beleza, como faço o pagamento?", Topic::Payments),
            // Picking an order up, however the shop is named.
            (
                "can we pick up from the store on saturday?",
                Topic::Shipping,
            ),
            ("puedo recoger en su tienda de surco?", Topic::Shipping),
            ("free returns?", Topic::Returns),
            ("¿me devuelven el dinero si no me queda?", Topic::Returns),
            ("when do you guys open tomorrow", Topic::Hours),
            // A size exchange asked as a rule of the store.
            (
                "posso trocar por outro tamanho se não servir?",
                Topic::Returns,
            ),
            ("¿se puede cambiar la talla?", Topic::Returns),
            // an exchange for the fit, whatever it names
            ("can i swap these boots, they're too tight", Topic::Returns),
            ("quero trocar o vestido, ficou pequeno", Topic::Returns),
            (
                "quiero cambiar las zapatillas por otro número",
                Topic::Returns,
            ),
            ("¿tienen local físico en el centro?", Topic::Hours),
            (
                "el vestido no me quedó bien, ¿lo puedo cambiar?",
                Topic::Returns,
            ),
            ("can i exchange for a different size later", Topic::Returns),
            // A shop to walk into.
            ("do you have a physical store in Lisbon?", Topic::Hours),
            ("tem loja física em BH?", Topic::Hours),
            // A refund's time window.
            ("how many days do i have to get a refund?", Topic::Returns),
            ("¿hasta cuándo puedo pedir un reembolso?", Topic::Returns),
            ("¿cuánto tarda en llegar a Lima?", Topic::DeliveryTime),
            (
                "I want to return something, how does that work?",
                Topic::Returns,
            ),
            ("qual a política de troca?", Topic::Returns),
            ("can I pay with PayPal?", Topic::Payments),
            ("dá pra parcelar no cartão?", Topic::Payments),
            ("¿aceptan tarjeta de crédito?", Topic::Payments),
            ("me cobraron dos veces el mismo pedido", Topic::DoubleCharge),
            ("what are your opening hours?", Topic::Hours),
            ("que horas vocês abrem no sábado?", Topic::Hours),
            // chat shorthand, and the shapes no phrase lists
            ("vcs enviam pra portugal?", Topic::Shipping),
            ("vocês mandam pro Japão?", Topic::Shipping),
            ("¿mandan a Uruguay?", Topic::Shipping),
            ("can you send it to Lisbon?", Topic::Shipping),
            ("fui cobrado 2x no cartão", Topic::DoubleCharge),
            ("they billed me two times", Topic::DoubleCharge),
            ("me cobraron x2 la compra", Topic::DoubleCharge),
            ("do u take venmo", Topic::Payments),
            ("dá pra parcelar em 3x?", Topic::Payments),
            // Spain's vosotros and the River Plate's vos
            ("¿hacéis envíos a Canarias?", Topic::Shipping),
            ("¿aceptáis pago con tarjeta?", Topic::Payments),
            ("¿a qué hora abrís el sábado?", Topic::Hours),
            (
                "¿vendés con envío a Córdoba? cuánto tarda?",
                Topic::DeliveryTime,
            ),
            // ways to pay by name, collecting in a shop, working days
            ("can I split the payment with clearpay", Topic::Payments),
            ("aceitam picpay?", Topic::Payments),
            ("can I pick up in store instead", Topic::Shipping),
            ("dá pra retirar na loja?", Topic::Shipping),
            ("son 3 días hábiles o más?", Topic::DeliveryTime),
            ("como funciona o cambio de talla?", Topic::Returns),
            ("como é a troca?", Topic::Returns),
            ("como faço pra trocar? não serviu", Topic::Returns),
            ("¿tienen tienda en Medellín?", Topic::Hours),
            ("do you have a store in Leeds I could visit", Topic::Hours),
            ("preciso da nota fiscal da compra", Topic::Payments),
            ("can I get an invoice with my company name", Topic::Payments),
            ("what are your hours this friday?", Topic::Hours),
            ("qual o horário da loja no feriado?", Topic::Hours),
            ("posso trocar se não couber?", Topic::Returns),
            ("i need a tax invoice for my accountant", Topic::Payments),
            // the paperwork asked for by its shape
            ("vocês emitem nota no cnpj?", Topic::Payments),
            ("¿emiten boleta?", Topic::Payments),
            ("can i get a receipt for my company", Topic::Payments),
            ("me dan boleta o factura?", Topic::Payments),
            // an exchange for another colour
            ("quiero cambiar las botas por otro color", Topic::Returns),
            ("does the blender come with a warranty", Topic::Warranty),
            // the guarantee, coupons, customs, collecting in person, the
            // hours as a noun
            ("do the blenders have a warranty?", Topic::Warranty),
            ("quanto tempo de garantia tem?", Topic::Warranty),
            ("¿cubre la garantía si se rompe?", Topic::Warranty),
            ("where do I put my promo code", Topic::Discounts),
            ("tem cupom de primeira compra?", Topic::Discounts),
            ("el código promocional no me sirve", Topic::Discounts),
            (
                "will I have to pay import duties in Chile?",
                Topic::Shipping,
            ),
            ("tenho que pagar alfândega?", Topic::Shipping),
            ("¿puedo pasar a buscar el pedido?", Topic::Shipping),
            (
                "¿cuál es el horario de la tienda en diciembre?",
                Topic::Hours,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(topic(text), Some(want), "{text}");
        }
        // How to pay asked right before the paying, not a product's
        // feature or a price ("como" alone is no payments question).
        for shopping in [
            "¿cómo funciona el pago sin contacto del reloj?",
            "tem um tênis bom como o pegasus sem pagar tanto?",
        ] {
            assert_eq!(topic(shopping), None, "{shopping}");
        }
        for key in ALL {
            assert_eq!(Topic::parse(key.as_str()), Some(*key));
        }
        // A phrase is a phrase's evidence; a question put in no listed
        // phrase is recognised by its shape.
        assert_eq!(
            topic_with_evidence("what are your opening hours?"),
            Some((Topic::Hours, Evidence::Phrase))
        );
        assert_eq!(
            topic_with_evidence("fui cobrado 2x no cartão"),
            Some((Topic::DoubleCharge, Evidence::Shape))
        );
    }

    /// The stems `build.rs` generated are the phrases stemmed at run time.
    #[test]
    fn generated_stems_match_runtime() {
        let generated: Vec<Vec<Vec<String>>> = ALL
            .iter()
            .map(|t| {
                stems(*t)
                    .iter()
                    .map(|p| p.iter().map(|w| (*w).to_owned()).collect())
                    .collect()
            })
            .collect();
        assert_eq!(generated, stemmed_phrases());
        assert_eq!(generated.len(), ALL.len());
    }

    /// The words `build.rs` generated are the phrases split at run time.
    #[test]
    fn generated_words_are_the_phrases_split() {
        for &t in ALL {
            let split: Vec<Vec<&str>> = phrases(t).iter().map(|p| p.split(' ').collect()).collect();
            let generated: Vec<Vec<&str>> = written(t).iter().map(|p| p.to_vec()).collect();
            assert_eq!(generated, split, "{t:?}");
        }
    }

    #[test]
    fn phrases_are_written_normalised() {
        for t in ALL {
            for p in phrases(*t) {
                assert_eq!(text::normalize(p), *p);
            }
        }
    }

    #[test]
    fn product_requests_are_not_store_questions() {
        for text in [
            "I'm shopping for a new laptop",
            "I need a new laptop",
            "quero um tênis de corrida",
            "busco una sartén antiadherente",
            "não quero pagar mais de 200 num tênis",
            "open ear headphones for running",
            "headphones worth paying for",
            "when will my order arrive?",
            // a delivery of an order already placed is its status
            "vocês entregaram meu pedido?",
            // a count that is no charge made twice
            "quero 2x o mesmo tênis",
            "3 times more powerful blender",
            // the exchange noun without a question of the rule
            "troca de óleo",
            // "no me queda" alone is "I have none left"
            "quiero cambiar de celular porque no me queda espacio",
            // invoices as things to digitise
            "a scanner for invoices and receipts",
            "algo para digitalizar facturas y recibos",
            // a discount alone is the product's price
            "any discount on the ps5?",
            "tem desconto no tênis?",
            "hello",
            "",
        ] {
            assert_eq!(topic(text), None, "{text}");
        }
    }
}
