//! Small, dependency-free text tools for English, Brazilian Portuguese and
//! Spanish: normalisation, tokenisation, plural stemming, language detection,
//! typo-tolerant matching and price / colour / size extraction.
//!
//! Everything here is deterministic and cheap enough to run on every turn
//! inside the wasm sandbox.
//!
//! ```
//! use agent_store_sdk::text;
//! assert_eq!(text::normalize("Olá, você tem TÊNIS?!"), "ola voce tem tenis");
//! assert_eq!(text::stem("auriculares"), text::stem("auricular"));
//! assert_eq!(text::detect_language("você tem tênis pretos?"), "pt");
//! assert_eq!(text::detect_language("¿tienes zapatillas negras?"), "es");
//! assert!(text::fuzzy_eq("headphnoes", "headphones"));
//! let c = text::extract_constraints("running shoes under $100 in black");
//! assert_eq!(c.max_price_minor, Some(10_000));
//! assert_eq!(c.color.as_deref(), Some("black"));
//! ```

/// Fold one lowercase character to ASCII when it carries a diacritic.
fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' | 'ª' => 'a',
        'ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'º' | '°' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

/// Lowercase, strip diacritics, drop apostrophes, turn every other
/// punctuation or symbol into a space and collapse runs of spaces.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = fold(c);
        if c == '\'' || c == '’' || c == '`' {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    out
}

/// The normalised words of `s`.
pub fn tokenize(s: &str) -> Vec<String> {
    normalize(s)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A crude but consistent plural stemmer for en/pt/es.
///
/// It is not linguistically exact; it maps singular and plural forms of the
/// same word to one key ("phones"/"phone", "colores"/"color",
/// "auriculares"/"auricular", "batteries"/"battery", "dresses"/"dress").
/// Apply it to both sides of a comparison. Input should be normalised.
pub fn stem(token: &str) -> String {
    let n = token.chars().count();
    if n <= 3 || !token.is_ascii() || token.bytes().any(|b| b.is_ascii_digit()) {
        return token.to_owned();
    }
    let mut t = token.to_owned();
    if t.ends_with("ies") && n > 4 {
        t.truncate(t.len() - 3);
        t.push('y');
        return t;
    }
    if t.ends_with('s') && !t.ends_with("ss") && !t.ends_with("us") && !t.ends_with("is") {
        t.pop();
    }
    if t.len() >= 5 && t.ends_with('e') {
        t.pop();
    }
    t
}

/// Normalised, stemmed words of `s`.
pub fn terms(s: &str) -> Vec<String> {
    tokenize(s).iter().map(|t| stem(t)).collect()
}

/// Optimal-string-alignment (restricted Damerau-Levenshtein) distance.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// True when `a` and `b` are at most one edit apart (insertion, deletion,
/// substitution or transposition of two adjacent characters). Linear time.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (s, l) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if l.len() - s.len() > 1 {
        return false;
    }
    let p = s.iter().zip(l.iter()).take_while(|(x, y)| x == y).count();
    if s.len() == l.len() {
        // substitution or transposition
        s[p + 1..] == l[p + 1..]
            || (p + 1 < s.len() && s[p] == l[p + 1] && s[p + 1] == l[p] && s[p + 2..] == l[p + 2..])
    } else {
        s[p..] == l[p + 1..]
    }
}

/// Minimum length (in characters) for a token to be matched with a typo.
pub const FUZZY_MIN_LEN: usize = 5;

/// Exact match, or a one-edit typo when both words have at least
/// [`FUZZY_MIN_LEN`] characters.
pub fn fuzzy_eq(a: &str, b: &str) -> bool {
    a == b
        || (a.chars().count() >= FUZZY_MIN_LEN
            && b.chars().count() >= FUZZY_MIN_LEN
            && !a.bytes().any(|c| c.is_ascii_digit())
            && within_one_edit(a, b))
}

/// How well a phrase (already split into stemmed terms) matches somewhere in
/// `hay` (stemmed terms): 1.0 exact, 0.75 with typos, 0.0 absent.
pub fn phrase_match(hay: &[String], phrase: &[String]) -> f32 {
    if phrase.is_empty() || phrase.len() > hay.len() {
        return 0.0;
    }
    let mut best = 0.0f32;
    for start in 0..=hay.len() - phrase.len() {
        let mut exact = true;
        let mut ok = true;
        for (h, p) in hay[start..].iter().zip(phrase) {
            if h == p {
                continue;
            }
            if fuzzy_eq(h, p) && !is_stopword(h) {
                exact = false;
            } else {
                ok = false;
                break;
            }
        }
        if ok {
            if exact {
                return 1.0;
            }
            best = 0.75;
        }
    }
    best
}

/// True when the normalised `text` contains the normalised `phrase` on word
/// boundaries (no stemming, no typos).
pub fn has_phrase(normalized_text: &str, phrase: &str) -> bool {
    let p = normalize(phrase);
    if p.is_empty() {
        return false;
    }
    let t = normalized_text;
    let mut from = 0;
    while let Some(i) = t[from..].find(&p) {
        let s = from + i;
        let e = s + p.len();
        let left = s == 0 || t.as_bytes()[s - 1] == b' ';
        let right = e == t.len() || t.as_bytes()[e] == b' ';
        if left && right {
            return true;
        }
        from = s + 1;
        while !t.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

/// True when any of `phrases` occurs in the normalised text.
pub fn has_any(normalized_text: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| has_phrase(normalized_text, p))
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
/// orthography, marker words (a word shared by two languages counts less)
/// and digraphs.
pub fn language_scores(text: &str) -> (f32, f32, f32) {
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
    // Words only one language's dialogue cues use ("quita", "tira").
    let (e, p, s) = crate::dialogue::cues::language_evidence(&toks);
    // The catalog's English product words ("candle", "pillow"): a customer
    // naming products in English reads as English ("scented soy candle").
    let catalog_en = toks
        .iter()
        .filter(|t| t.len() > 3 && crate::lexicon::is_catalog_word(t))
        .count() as f32
        * 0.5;
    (en + e + catalog_en, pt + p, es + s)
}

/// The customer's language from stopword and marker lexicons: "en", "pt",
/// "es", or "" when the text carries no clear signal.
pub fn detect_language(text: &str) -> &'static str {
    let (en, pt, es) = language_scores(text);
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
    let detected = detect_language(text);
    let current = match current {
        "en" => "en",
        "pt" => "pt",
        "es" => "es",
        _ => return detected,
    };
    if detected.is_empty() || detected == current {
        return current;
    }
    let (en, pt, es) = language_scores(text);
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

/// Words that carry no product meaning in any of the three languages.
pub const STOPWORDS: &[&str] = &[
    // en
    "a",
    "an",
    "the",
    "i",
    "im",
    "me",
    "my",
    "you",
    "your",
    "we",
    "our",
    "it",
    "its",
    "is",
    "are",
    "am",
    "be",
    "do",
    "does",
    "did",
    "have",
    "has",
    "had",
    "want",
    "wanna",
    "need",
    "looking",
    "look",
    "search",
    "searching",
    "find",
    "for",
    "with",
    "without",
    "of",
    "to",
    "in",
    "on",
    "at",
    "and",
    "or",
    "but",
    "what",
    "which",
    "how",
    "where",
    "when",
    "who",
    "please",
    "pls",
    "can",
    "could",
    "would",
    "will",
    "should",
    "show",
    "see",
    "any",
    "some",
    "something",
    "anything",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "new",
    "get",
    "got",
    "buy",
    "like",
    "hi",
    "hello",
    "hey",
    "thanks",
    "thank",
    "good",
    "morning",
    "afternoon",
    "evening",
    "just",
    "also",
    "too",
    "very",
    "really",
    "one",
    "ones",
    "nice",
    "best",
    "great",
    "cool",
    "some",
    "about",
    "from",
    "by",
    "so",
    "if",
    "not",
    "no",
    "yes",
    "ok",
    "okay",
    "much",
    "many",
    "more",
    "other",
    "options",
    "recommend",
    "recommendation",
    "suggest",
    "help",
    "please",
    "am",
    "under",
    "below",
    "above",
    "over",
    "less",
    "than",
    "between",
    "up",
    "max",
    "maximum",
    "min",
    "cheap",
    "cheaper",
    "cheapest",
    "price",
    "prices",
    "cost",
    "size",
    "color",
    "colour",
    "usd",
    "dollars",
    "dollar",
    "bucks",
    "buck",
    "available",
    "stock",
    "store",
    "shop",
    // pt
    "o",
    "os",
    "as",
    "um",
    "uma",
    "uns",
    "umas",
    "eu",
    "voce",
    "vc",
    "meu",
    "minha",
    "seu",
    "sua",
    "de",
    "do",
    "da",
    "dos",
    "das",
    "em",
    "no",
    "na",
    "nos",
    "nas",
    "com",
    "sem",
    "para",
    "pra",
    "pro",
    "por",
    "que",
    "quero",
    "queria",
    "gostaria",
    "procuro",
    "procurando",
    "busco",
    "buscando",
    "tem",
    "tens",
    "tenho",
    "ter",
    "ver",
    "mostrar",
    "mostra",
    "algum",
    "alguma",
    "alguns",
    "algumas",
    "novo",
    "nova",
    "oi",
    "ola",
    "bom",
    "boa",
    "dia",
    "tarde",
    "noite",
    "tudo",
    "bem",
    "obrigado",
    "obrigada",
    "e",
    "ou",
    "mas",
    "isso",
    "esse",
    "essa",
    "este",
    "esta",
    "estou",
    "to",
    "ta",
    "ai",
    "aqui",
    "mais",
    "menos",
    "muito",
    "muita",
    "ate",
    "acima",
    "abaixo",
    "entre",
    "preco",
    "precos",
    "barato",
    "barata",
    "baratos",
    "baratas",
    "reais",
    "real",
    "tamanho",
    "cor",
    "comprar",
    "compra",
    "favor",
    "ajuda",
    "ajudar",
    "quanto",
    "custa",
    "qual",
    "quais",
    "vcs",
    "ne",
    "opcoes",
    "opcao",
    "outro",
    "outra",
    "outros",
    "outras",
    "tipo",
    "coisa",
    "alguem",
    "ja",
    "so",
    "sim",
    "nao",
    "legal",
    "aí",
    // es
    "el",
    "la",
    "los",
    "las",
    "un",
    "unos",
    "unas",
    "yo",
    "mi",
    "mis",
    "tu",
    "tus",
    "usted",
    "del",
    "al",
    "en",
    "con",
    "sin",
    "y",
    "pero",
    "quiero",
    "quisiera",
    "necesito",
    "tienes",
    "tiene",
    "tienen",
    "hay",
    "hola",
    "buenos",
    "buenas",
    "dias",
    "tardes",
    "noches",
    "gracias",
    "muy",
    "mucho",
    "eso",
    "es",
    "son",
    "estoy",
    "algo",
    "alguno",
    "alguna",
    "algun",
    "nuevo",
    "nueva",
    "hasta",
    "desde",
    "debajo",
    "encima",
    "precio",
    "precios",
    "talla",
    "dinero",
    "pesos",
    "dolares",
    "euros",
    "puedo",
    "puede",
    "puedes",
    "ayudar",
    "cuanto",
    "cuesta",
    "vale",
    "cual",
    "cuales",
    "otro",
    "otra",
    "otros",
    "otras",
    "opciones",
    "si",
    "ya",
    "lo",
    "le",
    "me",
    "te",
    "se",
    "su",
    "sus",
    "tambien",
    "solo",
    "ver",
    "mostrar",
    "muestrame",
    "comprar",
    "usd",
    "dolar",
    "mas",
    // Time words and farewells: never product words, and one typo away
    // from some ("luego"/"logo" ~ "juego"/"jogo").
    "luego",
    "logo",
    "despues",
    "depois",
    "entonces",
    "entao",
    "ahorita",
    "manana",
    "amanha",
    "ontem",
    "ayer",
    "hoje",
    "hoy",
    "cedo",
    "pronto",
    "tchau",
    "chau",
    "adios",
];

/// True for [`STOPWORDS`].
pub fn is_stopword(token: &str) -> bool {
    STOPWORDS.contains(&token)
}

/// Normalised, stemmed words of `s` without stopwords and bare numbers.
pub fn content_terms(s: &str) -> Vec<String> {
    tokenize(s)
        .into_iter()
        .filter(|t| !is_stopword(t) && !t.chars().all(|c| c.is_ascii_digit()))
        .map(|t| stem(&t))
        .collect()
}

/// Colour words in en/pt/es and the English name the catalog uses.
pub const COLORS: &[(&str, &str)] = &[
    ("black", "black"),
    ("preto", "black"),
    ("preta", "black"),
    ("negro", "black"),
    ("negra", "black"),
    ("white", "white"),
    ("branco", "white"),
    ("branca", "white"),
    ("blanco", "white"),
    ("blanca", "white"),
    ("blue", "blue"),
    ("azul", "blue"),
    ("navy", "navy"),
    ("marinho", "navy"),
    ("red", "red"),
    ("vermelho", "red"),
    ("vermelha", "red"),
    ("rojo", "red"),
    ("roja", "red"),
    ("green", "green"),
    ("verde", "green"),
    ("yellow", "yellow"),
    ("amarelo", "yellow"),
    ("amarela", "yellow"),
    ("amarillo", "yellow"),
    ("amarilla", "yellow"),
    ("pink", "pink"),
    ("rosa", "pink"),
    ("rosado", "pink"),
    ("grey", "grey"),
    ("gray", "grey"),
    ("cinza", "grey"),
    ("gris", "grey"),
    ("brown", "brown"),
    ("marrom", "brown"),
    ("marron", "brown"),
    ("cafe", "brown"),
    ("purple", "purple"),
    ("roxo", "purple"),
    ("roxa", "purple"),
    ("morado", "purple"),
    ("morada", "purple"),
    ("lilas", "purple"),
    ("beige", "beige"),
    ("bege", "beige"),
    ("gold", "gold"),
    ("dourado", "gold"),
    ("dourada", "gold"),
    ("dorado", "gold"),
    ("dorada", "gold"),
    ("silver", "silver"),
    ("prata", "silver"),
    ("prateado", "silver"),
    ("plateado", "silver"),
    ("plata", "silver"),
    ("orange", "orange"),
    ("laranja", "orange"),
    ("naranja", "orange"),
    ("burgundy", "burgundy"),
    ("vinho", "burgundy"),
    ("bordo", "burgundy"),
    ("granate", "burgundy"),
    ("olive", "olive"),
    ("oliva", "olive"),
    ("khaki", "khaki"),
    ("caqui", "khaki"),
    ("tan", "tan"),
    ("camel", "camel"),
    ("coral", "coral"),
    ("cream", "cream"),
    ("creme", "cream"),
    ("crema", "cream"),
    ("graphite", "graphite"),
    ("grafite", "graphite"),
    ("grafito", "graphite"),
    ("nude", "nude"),
    ("mustard", "mustard"),
    ("mostarda", "mustard"),
    ("mostaza", "mustard"),
    ("brass", "brass"),
    ("sage", "sage"),
    ("clear", "clear"),
    ("transparente", "clear"),
    ("neon", "neon"),
];

/// The catalog (English) colour named by a word, when it names one.
pub fn color_of(token: &str) -> Option<&'static str> {
    let t = normalize(token);
    let s = stem(&t);
    COLORS
        .iter()
        .find(|(w, _)| *w == t || stem(w) == s)
        .map(|(_, c)| *c)
}

/// Search constraints found in a customer's message.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// Upper price bound, in minor units.
    pub max_price_minor: Option<i64>,
    /// Lower price bound, in minor units.
    pub min_price_minor: Option<i64>,
    /// Catalog (English) colour name.
    pub color: Option<String>,
    /// A size: letter size (S, M, L...), shoe size, storage (128GB), bed size.
    pub size: Option<String>,
}

impl Constraints {
    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Tokens that keep decimal separators inside numbers and `$`.
fn price_tokens(s: &str) -> Vec<String> {
    let lower: String = s.chars().flat_map(char::to_lowercase).map(fold).collect();
    let chars: Vec<char> = lower.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let in_number = (c == '.' || c == ',')
            && cur.chars().last().is_some_and(|p| p.is_ascii_digit())
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_alphanumeric() || in_number {
            // split "100usd" / "$100" style glued tokens at digit/letter edges
            if let Some(p) = cur.chars().last()
                && p.is_ascii_digit() != c.is_ascii_digit()
                && c != '.'
                && c != ','
                && p != '.'
                && p != ','
                && !(p.is_ascii_digit() && matches!(c, 'k' | 'g' | 't' | 'm' | 'w'))
                && !cur.starts_with(|x: char| x.is_ascii_digit())
            {
                out.push(std::mem::take(&mut cur));
            }
            cur.push(c);
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if c == '$' || c == '<' || c == '>' || c == '-' {
                out.push(c.to_string());
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Parse "89.90", "1,299", "1.299,90", "100", "1k" into minor units.
pub fn parse_amount(tok: &str) -> Option<i64> {
    let (body, mult) = match tok.strip_suffix('k') {
        Some(b) => (b, 1000i64),
        None => (tok, 1),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    if !body.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let last_sep = body.rfind(['.', ',']);
    let (int_part, frac) = match last_sep {
        None => (body.to_owned(), String::new()),
        Some(i) => {
            let after = &body[i + 1..];
            let sep = body.as_bytes()[i];
            let both = body.contains('.') && body.contains(',');
            let multiple_same = body.bytes().filter(|b| *b == sep).count() > 1;
            if !both && (after.len() == 3 || multiple_same) {
                // thousands separator only
                (body.replace(['.', ','], ""), String::new())
            } else {
                (body[..i].replace(['.', ','], ""), after.to_owned())
            }
        }
    };
    let units: i64 = int_part.parse().ok()?;
    let mut cents: i64 = 0;
    if !frac.is_empty() {
        let f: String = frac.chars().chain("00".chars()).take(2).collect();
        cents = f.parse().ok()?;
    }
    units
        .checked_mul(100)?
        .checked_add(cents)?
        .checked_mul(mult)
}

const UNIT_SUFFIXES: &[&str] = &[
    "gb",
    "tb",
    "mb",
    "ml",
    "cm",
    "mm",
    "inch",
    "inches",
    "pol",
    "polegadas",
    "pulgadas",
    "mah",
    "w",
    "hz",
    "k",
    "mp",
    "x",
    "seater",
    "lugares",
    "plazas",
    "l",
    "g",
    "kg",
    "oz",
];
const CURRENCY_WORDS: &[&str] = &[
    "$", "r", "us", "usd", "brl", "reais", "real", "dolares", "dollars", "dollar", "bucks",
    "dolar", "pesos", "euros", "eur", "mxn",
];

fn phrase_at(toks: &[String], i: usize, phrase: &str) -> Option<usize> {
    let words: Vec<&str> = phrase.split(' ').collect();
    if i + words.len() > toks.len() {
        return None;
    }
    words
        .iter()
        .zip(&toks[i..])
        .all(|(w, t)| *w == t)
        .then_some(words.len())
}

/// The amount starting at token `i` (skipping currency words), with the
/// index after it.
fn amount_at(toks: &[String], mut i: usize) -> Option<(i64, usize)> {
    let mut skipped = 0;
    while i < toks.len() && CURRENCY_WORDS.contains(&toks[i].as_str()) && skipped < 2 {
        i += 1;
        skipped += 1;
    }
    let v = parse_amount(toks.get(i)?)?;
    let next = toks.get(i + 1).map(String::as_str).unwrap_or("");
    if UNIT_SUFFIXES.contains(&next)
        || toks[i].ends_with(|c: char| c.is_ascii_alphabetic() && c != 'k')
    {
        return None;
    }
    Some((v, i + 1))
}

const MAX_WORDS: &[&str] = &[
    "less than",
    "under",
    "below",
    "up to",
    "upto",
    "at most",
    "max",
    "maximum",
    "cheaper than",
    "no more than",
    "not more than",
    "lower than",
    "within",
    "budget of",
    "budget",
    "ate",
    "menos de",
    "abaixo de",
    "no maximo",
    "maximo",
    "inferior a",
    "por menos de",
    "por ate",
    "mais barato que",
    "hasta",
    "por debajo de",
    "no mas de",
    "a lo sumo",
    "menor que",
    "menor a",
    "<",
];
const MIN_WORDS: &[&str] = &[
    "more than",
    "over",
    "above",
    "at least",
    "min",
    "minimum",
    "starting at",
    "higher than",
    "acima de",
    "mais de",
    "a partir de",
    "pelo menos",
    "no minimo",
    "minimo",
    "superior a",
    "mas de",
    "desde",
    "por encima de",
    "al menos",
    "mayor que",
    ">",
];

/// Extract price bounds, colour and size from a customer's message in
/// en/pt/es ("under $100", "até 200 reais", "menos de 50", "between 50 and
/// 100", "entre 50 e 100", "preto", "tamanho M", "talla 42", "256GB").
pub fn extract_constraints(text: &str) -> Constraints {
    let toks = price_tokens(text);
    let mut c = Constraints::default();
    let mut i = 0;
    while i < toks.len() {
        // between X and Y / entre X e Y / entre X y Y / from X to Y / de X a Y
        let range_start = ["between", "entre", "from", "de", "desde"]
            .iter()
            .find_map(|w| phrase_at(&toks, i, w));
        if let Some(n) = range_start
            && let Some((lo, j)) = amount_at(&toks, i + n)
            && let Some(sep) = toks.get(j)
            && ["and", "e", "y", "to", "a", "-", "até", "ate", "hasta"].contains(&sep.as_str())
            && let Some((hi, k)) = amount_at(&toks, j + 1)
        {
            c.min_price_minor = Some(lo.min(hi));
            c.max_price_minor = Some(lo.max(hi));
            i = k;
            continue;
        }
        if let Some(n) = MAX_WORDS.iter().find_map(|w| phrase_at(&toks, i, w))
            && let Some((v, j)) = amount_at(&toks, i + n)
        {
            c.max_price_minor = Some(v);
            i = j;
            continue;
        }
        if let Some(n) = MIN_WORDS.iter().find_map(|w| phrase_at(&toks, i, w))
            && let Some((v, j)) = amount_at(&toks, i + n)
        {
            c.min_price_minor = Some(v);
            i = j;
            continue;
        }
        // X-Y with a currency mark: "$50-100"
        if toks[i] == "$"
            && let Some((lo, j)) = amount_at(&toks, i)
            && toks.get(j).is_some_and(|t| t == "-")
            && let Some((hi, k)) = amount_at(&toks, j + 1)
        {
            c.min_price_minor = Some(lo.min(hi));
            c.max_price_minor = Some(lo.max(hi));
            i = k;
            continue;
        }
        i += 1;
    }

    let words = tokenize(text);
    for w in &words {
        if let Some(col) = color_of(w) {
            // "rose gold", "dark blue": keep the catalog's two-word colours
            c.color = Some(col.to_owned());
            break;
        }
    }
    if has_phrase(&normalize(text), "rose gold") {
        c.color = Some("rose gold".into());
    }
    c.size = extract_size(&toks, &words);
    c
}

fn extract_size(toks: &[String], words: &[String]) -> Option<String> {
    const SIZE_WORDS: &[&str] = &[
        "size", "tamanho", "tam", "talla", "talle", "numero", "no", "n", "nro", "num", "calco",
        "calzo",
    ];
    const LETTER: &[(&str, &str)] = &[
        ("xxs", "XXS"),
        ("xs", "XS"),
        ("s", "S"),
        ("m", "M"),
        ("l", "L"),
        ("xl", "XL"),
        ("xxl", "XXL"),
        ("p", "S"),
        ("pp", "XS"),
        ("g", "L"),
        ("gg", "XL"),
        ("ch", "S"),
        ("small", "S"),
        ("medium", "M"),
        ("large", "L"),
        ("pequeno", "S"),
        ("medio", "M"),
        ("mediano", "M"),
        ("grande", "L"),
        ("tkl", "TKL"),
    ];
    for (i, w) in words.iter().enumerate() {
        if SIZE_WORDS.contains(&w.as_str())
            && let Some(next) = words.get(i + 1)
        {
            if let Some((_, s)) = LETTER.iter().find(|(k, _)| k == next) {
                return Some((*s).to_owned());
            }
            if next.chars().all(|c| c.is_ascii_digit()) && (1..=3).contains(&next.len()) {
                return Some(next.clone());
            }
        }
    }
    for (i, t) in toks.iter().enumerate() {
        // storage: "128gb", "128 gb", "1tb"
        let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() {
            continue;
        }
        let rest = &t[digits.len()..];
        let unit = if rest.is_empty() {
            toks.get(i + 1).map(String::as_str).unwrap_or("")
        } else {
            rest
        };
        if unit == "gb" || unit == "tb" {
            return Some(format!("{digits}{}", unit.to_uppercase()));
        }
    }
    for w in words {
        match w.as_str() {
            "queen" | "king" => return Some(w.clone()),
            "casal" => return Some("queen".into()),
            "matrimonial" => return Some("queen".into()),
            "xs" | "xl" | "xxl" => return Some(w.to_uppercase()),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes() {
        assert_eq!(normalize("  Cadê   meu PEDIDO?? "), "cade meu pedido");
        assert_eq!(
            normalize("I'm looking for a T-shirt"),
            "im looking for a t shirt"
        );
        assert_eq!(normalize("¿Dónde está?"), "donde esta");
    }

    #[test]
    fn stems_plurals() {
        for (a, b) in [
            ("phones", "phone"),
            ("colores", "color"),
            ("auriculares", "auricular"),
            ("batteries", "battery"),
            ("dresses", "dress"),
            ("watches", "watch"),
            ("cargadores", "cargador"),
            ("pantalones", "pantalon"),
            ("laptops", "laptop"),
            ("bolsas", "bolsa"),
            ("consoles", "console"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} vs {b}");
        }
        assert_eq!(stem("tenis"), "tenis");
        assert_eq!(stem("dress"), "dress");
    }

    #[test]
    fn fuzzy() {
        assert!(within_one_edit("laptop", "latpop") || edit_distance("laptop", "latpop") == 2);
        assert!(fuzzy_eq("hedphones", "headphones"));
        assert!(fuzzy_eq("labtop", "laptop"));
        assert!(fuzzy_eq("lpatop", "laptop"));
        assert!(!fuzzy_eq("mouse", "house") || edit_distance("mouse", "house") == 1);
        assert!(!fuzzy_eq("cat", "car"));
        assert_eq!(edit_distance("ca", "ac"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert!(within_one_edit("abcd", "abdc"));
        assert!(!within_one_edit("abcd", "badc"));
    }

    #[test]
    fn phrases() {
        let hay = terms("quero um teclado mecanico rgb");
        assert_eq!(phrase_match(&hay, &terms("teclado mecânico")), 1.0);
        assert_eq!(phrase_match(&hay, &terms("teclado mecanco")), 0.75);
        assert!(has_phrase("cade meu pedido", "meu pedido"));
        assert!(!has_phrase("cade meus pedidos", "meu pedido"));
    }

    #[test]
    fn languages() {
        for (t, l) in [
            ("hi, I'm looking for a new laptop", "en"),
            ("where is my order?", "en"),
            ("oi, você tem tênis de corrida?", "pt"),
            ("quero um notebook até 3000 reais", "pt"),
            ("obrigado, não quero mais", "pt"),
            ("cadê meu pedido", "pt"),
            ("estou procurando um fone", "pt"),
            ("hola, quiero unas zapatillas", "es"),
            ("¿cuánto cuesta el portátil?", "es"),
            ("gracias, estoy buscando un regalo", "es"),
            ("necesito hablar con una persona", "es"),
            ("dónde está mi pedido", "es"),
            ("quiero unos auriculares", "es"),
            ("quero uns fones de ouvido", "pt"),
            ("preço do tênis", "pt"),
            ("precio de las zapatillas", "es"),
            ("so many sofas", "en"),
            ("too expensive, anything cheaper?", "en"),
            ("só isso mesmo, obrigado", "pt"),
            ("muito caro, tem mais barato?", "pt"),
            ("", ""),
            ("👍", ""),
        ] {
            assert_eq!(detect_language(t), l, "{t}");
        }
    }

    #[test]
    fn amounts() {
        assert_eq!(parse_amount("89.90"), Some(8990));
        assert_eq!(parse_amount("89,90"), Some(8990));
        assert_eq!(parse_amount("1,299"), Some(129_900));
        assert_eq!(parse_amount("1.299,90"), Some(129_990));
        assert_eq!(parse_amount("1,299.90"), Some(129_990));
        assert_eq!(parse_amount("2k"), Some(200_000));
        assert_eq!(parse_amount("abc"), None);
    }

    #[test]
    fn constraints() {
        let c = extract_constraints("headphones under $100");
        assert_eq!(c.max_price_minor, Some(10_000));
        let c = extract_constraints("tênis preto até 200 reais");
        assert_eq!(
            (c.max_price_minor, c.color.as_deref()),
            (Some(20_000), Some("black"))
        );
        let c = extract_constraints("zapatillas negras por menos de 50 dólares");
        assert_eq!(
            (c.max_price_minor, c.color.as_deref()),
            (Some(5_000), Some("black"))
        );
        let c = extract_constraints("something below 80");
        assert_eq!(c.max_price_minor, Some(8_000));
        let c = extract_constraints("a dress between 50 and 100");
        assert_eq!(
            (c.min_price_minor, c.max_price_minor),
            (Some(5_000), Some(10_000))
        );
        let c = extract_constraints("vestido entre 50 e 100 reais");
        assert_eq!(
            (c.min_price_minor, c.max_price_minor),
            (Some(5_000), Some(10_000))
        );
        let c = extract_constraints("un vestido entre 50 y 100");
        assert_eq!(
            (c.min_price_minor, c.max_price_minor),
            (Some(5_000), Some(10_000))
        );
        let c = extract_constraints("phone with 256GB over $500");
        assert_eq!(
            (c.min_price_minor, c.size.as_deref()),
            (Some(50_000), Some("256GB"))
        );
        let c = extract_constraints("tem tamanho M?");
        assert_eq!(c.size.as_deref(), Some("M"));
        let c = extract_constraints("talla 42 en azul");
        assert_eq!(
            (c.size.as_deref(), c.color.as_deref()),
            (Some("42"), Some("blue"))
        );
        let c = extract_constraints("smartphone 128 gb até R$ 1.500,00");
        assert_eq!(
            (c.size.as_deref(), c.max_price_minor),
            (Some("128GB"), Some(150_000))
        );
        let c = extract_constraints("monitor under 27 inch");
        assert_eq!(c.max_price_minor, None);
        assert!(extract_constraints("hello").is_empty());
    }
}
