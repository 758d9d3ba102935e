//! What the simulated customers say: short multi-turn shopping
//! conversations in English, Brazilian Portuguese and Spanish over the demo
//! catalog's brands (greeting, a need, a refinement, a follow-up, thanks).
//! Written for load, not for judging answers: any reply counts.

pub const CONVERSATIONS: &[&[&str]] = &[
    &[
        "hi there",
        "I'm looking for a new laptop for work",
        "something under 1000 dollars?",
        "does it have a good battery?",
        "thanks, I'll think about it",
    ],
    &[
        "oi, tudo bem?",
        "quero um tênis de corrida preto",
        "tem no tamanho 42?",
        "quanto custa o mais barato?",
        "obrigado!",
    ],
    &[
        "hola",
        "busco auriculares inalámbricos baratos",
        "¿tienes alguno con cancelación de ruido?",
        "¿cuál me recomiendas?",
        "gracias",
    ],
    &[
        "hello",
        "I need a coffee maker for my kitchen",
        "anything cheaper?",
        "ok, and a set of mugs?",
        "great, thank you",
    ],
    &[
        "olá",
        "procuro um hidratante para pele seca",
        "e um protetor solar?",
        "qual é o preço?",
        "valeu",
    ],
    &[
        "buenas tardes",
        "quiero un control para jugar en la consola",
        "¿y unos audífonos gamer?",
        "¿cuánto cuesta?",
        "perfecto, gracias",
    ],
    &[
        "hey",
        "show me a warm jacket for winter",
        "in blue please",
        "what sizes do you have?",
        "thanks",
    ],
    &[
        "bom dia",
        "preciso de uma panela antiaderente",
        "tem alguma mais em conta?",
        "e uma frigideira?",
        "obrigada",
    ],
];

/// The `n`-th message of customer `customer`'s conversation (conversations
/// repeat once a customer has said everything in theirs).
pub fn message(customer: usize, n: usize) -> &'static str {
    let script = CONVERSATIONS[customer % CONVERSATIONS.len()];
    script[n % script.len()]
}
