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
    Topic::Payments,
    Topic::Shipping,
];

fn phrases(t: Topic) -> &'static [&'static str] {
    match t {
        Topic::DoubleCharge => &[
            "charged twice",
            "charged me twice",
            "charged two times",
            "charged 2 times",
            "charged double",
            "double charged",
            "double charge",
            "billed twice",
            "charged more than once",
            "two charges",
            "duplicate charge",
            "paid twice",
            "cobrado duas vezes",
            "cobraram duas vezes",
            "cobrou duas vezes",
            "cobrado 2 vezes",
            "cobraram 2 vezes",
            "cobrado em dobro",
            "cobranca duplicada",
            "cobranca em dobro",
            "cobranca dupla",
            "duas cobrancas",
            "paguei duas vezes",
            "debitado duas vezes",
            "cobraron dos veces",
            "cobraron 2 veces",
            "cobrado dos veces",
            "cobro dos veces",
            "cobraron doble",
            "cobro doble",
            "cobro duplicado",
            "cargo duplicado",
            "doble cargo",
            "dos cargos",
            "pague dos veces",
        ],
        Topic::DeliveryTime => &[
            "how long does delivery take",
            "how long does shipping take",
            "how long does it take to arrive",
            "how long will it take",
            "how long to arrive",
            "how long for delivery",
            "how long for shipping",
            "how long does it take",
            "delivery time",
            "shipping time",
            "when will it arrive",
            "when would it arrive",
            "how many days",
            "how fast do you deliver",
            "how fast is delivery",
            "quanto tempo demora",
            "quanto tempo leva",
            "demora quanto",
            "demora quantos dias",
            "quantos dias",
            "prazo de entrega",
            "tempo de entrega",
            "demora a entrega",
            "demora pra chegar",
            "demora para chegar",
            "quando chega",
            "em quanto tempo chega",
            "cuanto tarda",
            "cuanto demora",
            "cuantos dias",
            "tiempo de entrega",
            "plazo de entrega",
            "cuando llega",
            "en cuanto tiempo llega",
            "tarda en llegar",
            "demora en llegar",
            "working days",
            "business days",
            "next day delivery",
            "standard delivery",
            "express delivery",
            "dias uteis",
            "entrega expressa",
            "dias habiles",
            "dias laborables",
            "entrega express",
            "envio express",
        ],
        Topic::Returns => &[
            "return policy",
            "returns policy",
            "how do returns work",
            "how do i return",
            "can i return",
            "return something",
            "return an item",
            "return a product",
            "return it",
            "return this",
            "return them",
            "make a return",
            "send it back",
            "exchange policy",
            "exchange an item",
            "politica de devolucao",
            "politica de troca",
            "devolucao",
            "devolver",
            "fazer uma troca",
            "como funciona a troca",
            "como trocar",
            "como faco para trocar",
            "como faco para devolver",
            "como hago para cambiar",
            "como hago para devolver",
            "trocar um produto",
            "politica de devolucion",
            "devolucion",
            "devoluciones",
            "hacer un cambio",
            "cambiar un producto",
            "exchange for another size",
            "exchange for a different size",
            "exchange the size",
            "swap for another size",
            "trocar o tamanho",
            "trocar de tamanho",
            "trocar por outro tamanho",
            "trocar por um tamanho",
            "cambiar la talla",
            "cambiar de talla",
            "cambiar por otra talla",
            "cambiarlo por otra talla",
            "cambiarla por otra talla",
        ],
        Topic::Hours => &[
            "opening hours",
            "opening times",
            "business hours",
            "store hours",
            "hours of operation",
            "what time do you open",
            "what time do you close",
            "when do you open",
            "when do you close",
            "are you open",
            "open on sunday",
            "open on sundays",
            "open on weekends",
            "open today",
            "horario de funcionamento",
            "horario de atendimento",
            "que horas abre",
            "que horas fecha",
            "que horas voces abrem",
            "que horas voces fecham",
            "abre domingo",
            "abrem domingo",
            "abre aos domingos",
            "estao abertos",
            "funciona domingo",
            "funcionam domingo",
            "horario de atencion",
            "horario de apertura",
            "a que hora abren",
            "a que hora cierran",
            "que horario tienen",
            "estan abiertos",
            "abren los domingos",
            "abren el domingo",
            "abren hoy",
            "physical store",
            "physical shop",
            "brick and mortar",
            "loja fisica",
            "tienda fisica",
            // a shop in a city: "do you have a shop in São Paulo?"
            "have a shop in",
            "have a store in",
            "tem loja em",
            "tem loja no",
            "tem loja na",
            "voces tem loja",
            "tienen tienda en",
            "tienen local en",
            "tienen sucursal",
        ],
        Topic::Payments => &[
            "payment method",
            "payment option",
            "pay with",
            "pay by",
            "pay in installments",
            "installments",
            "credit card",
            "debit card",
            "paypal",
            "apple pay",
            "google pay",
            "cash on delivery",
            "do you accept",
            "forma de pagamento",
            "formas de pagamento",
            "meio de pagamento",
            "pagar com",
            "pagar no pix",
            "pix",
            "boleto",
            "parcelar",
            "parcelado",
            "parcela",
            "sem juros",
            "cartao de credito",
            "cartao de debito",
            "aceitam cartao",
            "aceita cartao",
            "voces aceitam",
            "forma de pago",
            "formas de pago",
            "metodo de pago",
            "metodos de pago",
            "pagar con",
            "tarjeta de credito",
            "tarjeta de debito",
            "meses sin intereses",
            "cuotas",
            "aceptan tarjeta",
            "pago contra entrega",
            "mercado pago",
            "klarna",
            "clearpay",
            "afterpay",
            "affirm",
            "venmo",
            "zelle",
            "cash app",
            "buy now pay later",
            "pay later",
            "bank transfer",
            "transferencia bancaria",
            "picpay",
            "bizum",
            "oxxo",
            "spei",
            "nequi",
            "daviplata",
            "yape",
            "webpay",
            "pago movil",
            // the paperwork of a purchase: an invoice and the store's tax
            // id (as phrases: "scan my invoices" and "facturas y recibos"
            // are things to digitise)
            "need an invoice",
            "need the invoice",
            "get an invoice",
            "for the invoice",
            "company invoice",
            "vat invoice",
            "vat receipt",
            "nota fiscal",
            "cnpj",
            "necesito factura",
            "necesito la factura",
            "factura de mi compra",
            "factura de la compra",
            "factura a nombre",
            "factura electronica",
            "pueden facturar",
            "cuit",
        ],
        Topic::Shipping => &[
            "shipping",
            "do you ship",
            "ship to",
            "ship internationally",
            "delivery fee",
            "delivery cost",
            "postage",
            "do you deliver",
            "deliver to",
            "frete",
            "voces entregam",
            "entregam em",
            "entregam para",
            "fazem entrega",
            "fazem envio",
            "envio",
            "enviam para",
            "taxa de entrega",
            "mandam para",
            "envios",
            "hacen envios",
            "envian a",
            "costo de envio",
            "gastos de envio",
            "entregan en",
            "hacen entregas",
            "a domicilio",
            "click and collect",
            "collect in store",
            "pick up in store",
            "pickup in store",
            "in store pickup",
            "store pickup",
            "retirar na loja",
            "retirada na loja",
            "retiro na loja",
            "buscar na loja",
            "recoger en tienda",
            "recogida en tienda",
            "retirar en tienda",
            "retiro en tienda",
            "retiro en sucursal",
            "recoger en la tienda",
            "retirar en el local",
        ],
    }
}

/// Each topic's phrases with their words stemmed, in [`ALL`]'s order:
/// what `build.rs` precomputes (it includes this file, with a stand-in for
/// `super::generated`) so a fresh wasm instance does not stem every phrase
/// on every turn.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn stemmed_phrases() -> Vec<Vec<Vec<String>>> {
    ALL.iter()
        .map(|t| {
            phrases(*t)
                .iter()
                .map(|p| p.split(' ').map(text::stem).collect())
                .collect()
        })
        .collect()
}

/// The store-level topic of `message`, if it asks one.
pub fn topic(message: &str) -> Option<Topic> {
    // Chat shorthand spelled out ("vcs enviam pra portugal?"): the phrases
    // are written in full.
    let n = text::expand_shorthand(&text::normalize(message));
    let hay = text::terms(&n);
    if hay.is_empty() {
        return None;
    }
    if refund_policy_question(&n) {
        return Some(Topic::Returns);
    }
    // Unstemmed too: stemming can cut a typo's letters ("twise" → "twis").
    let words = text::tokenize(&n);
    // The phrases are written normalised: stemming them is enough, and
    // `build.rs` did it (`stemmed_phrases`).
    let by_phrase = ALL
        .iter()
        .zip(super::generated::TOPIC_STEMS)
        .find(|(t, stemmed)| {
            phrases(**t).iter().zip(stemmed.iter()).any(|(p, stems)| {
                // One word alone must be exact: "shipping" is one typo from
                // "shopping".
                match stems {
                    [w] => hay.iter().any(|h| h == w),
                    _ => {
                        let raw: Vec<&str> = p.split(' ').collect();
                        text::phrase_match(&hay, stems) > 0.0
                            || text::phrase_match(&words, &raw) > 0.0
                    }
                }
            })
        })
        .map(|(t, _)| *t);
    match by_phrase {
        None | Some(Topic::Shipping) if delivery_time_question(&n) && !payment_question(&n) => {
            Some(Topic::DeliveryTime)
        }
        None => by_shape(&n),
        other => other,
    }
}

/// A store question no phrase lists, by its shape: a topic's words and
/// the way a question about the store is put ("do you take venmo?",
/// "posso pagar no débito?", "when do you guys open tomorrow?", "free
/// returns?").
fn by_shape(normalized: &str) -> Option<Topic> {
    if double_charge(normalized) {
        Some(Topic::DoubleCharge)
    } else if payment_question(normalized) {
        Some(Topic::Payments)
    } else if returns_question(normalized) {
        Some(Topic::Returns)
    } else if hours_question(normalized) {
        Some(Topic::Hours)
    } else if shipping_question(normalized) {
        Some(Topic::Shipping)
    } else {
        None
    }
}

/// A charge that happened, in the three languages (past tense or
/// participle: "charge me in 3x" is a way of paying, not a charge).
const CHARGED_WORDS: &[&str] = &[
    "charged",
    "billed",
    "debited",
    "cobrado",
    "cobrada",
    "cobraram",
    "cobrou",
    "debitado",
    "debitada",
    "debitaram",
    "descontado",
    "descontaram",
    "cobraron",
    "cobro",
    "cargaron",
    "cargado",
    "debitaron",
    "descontaron",
];
/// "Two times", however it is written ("twice", "duas vezes", "dos
/// veces", "doble"); a digit count ("2x", "x2", "3 times") is read by
/// [`repeated_count`].
const REPEAT_WORDS: &[&str] = &[
    "twice",
    "two times",
    "double",
    "duas vezes",
    "em dobro",
    "dobrado",
    "dos veces",
    "doble",
];

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

/// Sending or delivering with the store as the one who does it: English
/// asked of "you", Portuguese and Spanish in the third person plural
/// (vocês / ustedes): "vocês enviam pra Portugal?", "¿mandan a Chile?",
/// "can you send it to Lisbon?".
const STORE_SENDS: &[&str] = &[
    "do you ship",
    "do you deliver",
    "do you send",
    "can you ship",
    "can you deliver",
    "can you send",
    "will you ship",
    "will you deliver",
    "you ship",
    "you deliver",
    "enviam",
    "entregam",
    "mandam",
    "despacham",
    "envian",
    "entregan",
    "mandan",
    "despachan",
    "hacen envios",
    "fazem entrega",
    "fazem entregas",
];

/// "vocês entregam no nordeste?", "¿mandan a Chile?": whether the store
/// sends to a place, asked in any wording where the store is the sender,
/// about no order already placed (that one's delivery is its status).
fn shipping_question(normalized: &str) -> bool {
    text::has_any(normalized, STORE_SENDS) && !text::has_any(normalized, ORDER_CONTEXT)
}

/// Paying, in the three languages.
const PAY_WORDS: &[&str] = &[
    "pay",
    "paying",
    "payment",
    "payments",
    "pagar",
    "pagamento",
    "pagamentos",
    "parcelam",
    "parcelas",
    "parcelo",
    "parcelar",
    "pago",
    "pagos",
    "cuotas",
];
/// Asking whether the store accepts something.
const ACCEPT_WORDS: &[&str] = &[
    "do you take",
    "do you guys take",
    "you take",
    "do you accept",
    "you accept",
    "aceitam",
    "aceita",
    "aceptan",
    "acepta",
    "reciben",
];

/// How a way of paying is asked about: "can I", "posso", "with", "no".
const PAY_ASK: &[&str] = &[
    "can", "could", "do you", "with", "by", "using", "via", "voces", "vcs", "posso", "pode",
    "da pra", "com", "no", "na", "puedo", "se puede", "ustedes", "con", "en",
];

/// "posso pagar no débito?", "do you take venmo": paying asked about, with
/// no amount (an amount is a budget: "não quero pagar mais de 200").
fn payment_question(normalized: &str) -> bool {
    let amount = normalized.bytes().any(|b| b.is_ascii_digit());
    let paying = text::has_any(normalized, PAY_WORDS) && text::has_any(normalized, PAY_ASK);
    !amount && (paying || text::has_any(normalized, ACCEPT_WORDS))
}

/// Returning, in the three languages (not exchanging: "can I change it to
/// red?" is a cart edit).
const RETURN_WORDS: &[&str] = &[
    "return",
    "returns",
    "returning",
    "exchange",
    "exchanges",
    "devolver",
    "devolvo",
    "devolucao",
    "devolucoes",
    "devuelven",
    "devuelvo",
    "devolucion",
    "devoluciones",
];
/// The way a rule of the store is asked about.
const RULE_MARKERS: &[&str] = &[
    "free", "gratis", "how", "como", "can", "policy", "politica", "if", "se", "si", "posso",
    "puedo", "do you", "days", "dias", "prazo", "plazo",
];

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
}

/// The exchange as a noun, in Portuguese and Spanish.
const EXCHANGE_NOUNS: &[&str] = &["troca", "trocas", "cambio", "cambios"];

/// Opening and closing, said of the store.
const OPEN_WORDS: &[&str] = &[
    "open", "opens", "close", "closes", "closing", "abrem", "fecham", "abren", "cierran",
    "abierto", "abiertos", "aberto", "abertos",
];
/// When.
const WHEN_WORDS: &[&str] = &[
    "what time",
    "when",
    "until",
    "today",
    "tomorrow",
    "tonight",
    "sunday",
    "sundays",
    "saturday",
    "saturdays",
    "weekend",
    "weekends",
    "holiday",
    "holidays",
    "que horas",
    "quando",
    "ate",
    "hoje",
    "amanha",
    "domingo",
    "domingos",
    "sabado",
    "sabados",
    "feriado",
    "feriados",
    "fim de semana",
    "a que hora",
    "cuando",
    "hasta",
    "hoy",
    "manana",
    "fin de semana",
];
/// Who is open: the store ("you", "vocês", the shop).
const STORE_WORDS: &[&str] = &[
    "you", "you guys", "voces", "vcs", "ustedes", "store", "shop", "loja", "tienda", "abrem",
    "fecham", "abren", "cierran",
];

/// "when do you guys open tomorrow?", "abren el domingo?".
fn hours_question(normalized: &str) -> bool {
    text::has_any(normalized, OPEN_WORDS)
        && text::has_any(normalized, WHEN_WORDS)
        && text::has_any(normalized, STORE_WORDS)
}

/// Words about delivery itself, in the three languages.
const DELIVERY_WORDS: &[&str] = &[
    "delivery",
    "deliver",
    "delivered",
    "shipping",
    "ship",
    "shipped",
    "arrive",
    "arrives",
    "entrega",
    "entregar",
    "entregam",
    "envio",
    "frete",
    "chegar",
    "chega",
    "chegam",
    "llegar",
    "llega",
    "llegan",
    "envian",
    "enviar",
];
/// Questions about time, in the three languages.
const TIME_QUESTIONS: &[&str] = &[
    "how long",
    "how many days",
    "how many weeks",
    "how soon",
    "when",
    "quanto tempo",
    "quantos dias",
    "quando",
    "prazo",
    "cuanto tiempo",
    "cuantos dias",
    "cuando",
    "plazo",
    "tarda",
    "demora",
];

/// The shape of a delivery-time question, however it is worded: a word
/// about delivery and a question about time ("how long will delivery take
/// to Texas?", "em quantos dias chega em BH?"), about no order already
/// placed (that is the order's status, the conversation's business).
fn delivery_time_question(normalized: &str) -> bool {
    text::has_any(normalized, DELIVERY_WORDS)
        && text::has_any(normalized, TIME_QUESTIONS)
        && !text::has_any(normalized, ORDER_CONTEXT)
}

/// Refund words: a refund asked about in general is the returns policy.
const REFUND_WORDS: &[&str] = &[
    "refund",
    "refunds",
    "refunded",
    "money back",
    "reembolso",
    "reembolsar",
    "reembolsam",
    "reembolsan",
    "estorno",
    "dinheiro de volta",
    "dinero de vuelta",
];
/// A question about what the store allows, or a condition ("if it does
/// not fit"): the shape of a policy question.
const POLICY_MARKERS: &[&str] = &[
    "if",
    "can i",
    "could i",
    "do you",
    "do i get",
    "is it possible",
    "policy",
    "se",
    "posso",
    "voces fazem",
    "voces dao",
    "e possivel",
    "politica",
    "si",
    "puedo",
    "hacen",
    "dan",
    "es posible",
    // How long the store allows: "how long do I have to ask for a refund".
    "how long",
    "how many days",
    "quanto tempo",
    "quantos dias",
    "prazo",
    "ate quando",
    "cuanto tiempo",
    "cuantos dias",
    "plazo",
    "hasta cuando",
];
/// Words that tie a message to an order already placed: then a refund is
/// the conversation's business (the seller escalates it), not a policy
/// question.
const ORDER_CONTEXT: &[&str] = &[
    "my order",
    "i ordered",
    "i bought",
    "i received",
    "arrived",
    "meu pedido",
    "comprei",
    "recebi",
    "chegou",
    "mi pedido",
    "compre",
    "recibi",
    "llego",
];

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
            ("free returns?", Topic::Returns),
            ("¿me devuelven el dinero si no me queda?", Topic::Returns),
            ("when do you guys open tomorrow", Topic::Hours),
            // A size exchange asked as a rule of the store.
            (
                "posso trocar por outro tamanho se não servir?",
                Topic::Returns,
            ),
            ("¿se puede cambiar la talla?", Topic::Returns),
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
        ];
        for (text, want) in cases {
            assert_eq!(topic(text), Some(want), "{text}");
        }
        for key in ALL {
            assert_eq!(Topic::parse(key.as_str()), Some(*key));
        }
    }

    /// The stems `build.rs` generated are the phrases stemmed at run time.
    #[test]
    fn generated_stems_match_runtime() {
        let generated: Vec<Vec<Vec<String>>> = super::super::generated::TOPIC_STEMS
            .iter()
            .map(|t| {
                t.iter()
                    .map(|p| p.iter().map(|w| (*w).to_owned()).collect())
                    .collect()
            })
            .collect();
        assert_eq!(generated, stemmed_phrases());
        assert_eq!(generated.len(), ALL.len());
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
            // invoices as things to digitise
            "a scanner for invoices and receipts",
            "algo para digitalizar facturas y recibos",
            "hello",
            "",
        ] {
            assert_eq!(topic(text), None, "{text}");
        }
    }
}
