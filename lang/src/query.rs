//! Understanding the customer's words (English, Brazilian Portuguese,
//! Spanish): price bounds, colours, sizes, gender, "cheap"/"premium"
//! intents, stopwords, a synonym/translation table onto the catalog's
//! English vocabulary, light stemming and typo correction.
//!
//! The output is a [`ParsedQuery`]: weighted *concepts* (each one customer
//! word or phrase with its English expansions) plus constraints. The index
//! turns concepts into tantivy queries and scores concept coverage; the
//! SDK's `FakeHost` reads queries with the same parser.
//!
//! The words themselves are data: `data/vocabulary.txt` (customer words in
//! en/pt/es and the catalog's English for them) and
//! `data/stopwords.txt` (its `[both]` and `[query]` sections).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::amount::parse_number;
pub use crate::text::typo_budget;
use crate::text::{edit_distance_within, fold_char};

/// Lower-case and strip Portuguese/Spanish diacritics ([`fold_char`]);
/// apostrophes become `'` (the parser keeps "women's" one word).
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' | '`' | '´' => '\'',
            other => fold_char(other),
        })
        .collect()
}

/// Who a product is for, as the customer said it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    /// Parse a gender value (feed or query): female/male in en/pt/es.
    pub fn parse(s: &str) -> Option<Gender> {
        match LEXICON
            .singles
            .get(fold(s.trim()).as_str())
            .map(|&i| &LEXICON.entries[i])
        {
            Some(Kind::Female) => Some(Gender::Female),
            Some(Kind::Male) => Some(Gender::Male),
            _ => match fold(s.trim()).as_str() {
                "female" | "f" => Some(Gender::Female),
                "male" | "m" => Some(Gender::Male),
                _ => None,
            },
        }
    }

    /// Whether a product with feed gender `product` suits this gender:
    /// unisex and ungendered products suit everyone.
    pub fn accepts(self, product: Option<&str>) -> bool {
        match product.map(|p| p.trim().to_ascii_lowercase()) {
            None => true,
            Some(p) => match self {
                Gender::Female => p != "male",
                Gender::Male => p != "female",
            },
        }
    }
}

/// Price ordering intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PriceIntent {
    #[default]
    None,
    /// "cheap", "barato", "económico": favour low prices.
    Cheap,
    /// "premium", "the best", "top de linha": favour high prices.
    Premium,
}

/// One alternative way a concept can appear in a product: all `words`
/// present (English surface words, analysed by the index), worth `weight`.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    pub words: Vec<String>,
    pub weight: f32,
}

/// One thing the customer asked for ("tênis", "wireless", "Nova").
#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    /// The customer's word(s), folded.
    pub source: String,
    /// How much this concept matters relative to the others.
    pub weight: f32,
    pub expansions: Vec<Expansion>,
    /// Whether the concept is a known product word (from the synonym table
    /// or the catalog vocabulary) rather than an unknown word.
    pub known: bool,
}

/// The structured reading of a customer's message.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedQuery {
    pub concepts: Vec<Concept>,
    /// Price bounds in major units of the product's currency.
    pub min_price: Option<f64>,
    pub max_price: Option<f64>,
    /// The currency the customer mentioned, if any (ISO code).
    pub currency_hint: Option<&'static str>,
    /// Canonical colour (English catalog family), e.g. "black".
    pub color: Option<String>,
    pub size: Option<String>,
    pub gender: Option<Gender>,
    pub price_intent: PriceIntent,
    pub on_sale: bool,
    pub in_stock: bool,
}

impl ParsedQuery {
    /// The text's price bounds (min, max) in minor units of a currency
    /// with `exponent` decimals ([`crate::money::currency_exponent`]).
    pub fn price_bounds_minor(&self, exponent: u32) -> (Option<i64>, Option<i64>) {
        let scale = 10f64.powi(exponent as i32);
        let to_minor = |major: f64| (major * scale).round() as i64;
        (self.min_price.map(to_minor), self.max_price.map(to_minor))
    }
}

// ---------------------------------------------------------------------------
// Lexicon

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// Expansions ("word+word:weight ...") and the concept weight.
    Concept(&'static str, f32),
    Colour(&'static str),
    Female,
    Male,
    Cheap,
    Premium,
    OnSale,
    InStock,
    Stop,
}

/// The vocabulary (`data/vocabulary.txt`): customer words and what they
/// mean to the catalog.
const VOCABULARY: &str = include_str!("../data/vocabulary.txt");

/// The broad retail product dictionary (`data/products.txt`): the product
/// types of every department in en/pt/es, so a catalog the store has never
/// seen is understood in the three languages. Read after [`VOCABULARY`],
/// whose meaning of a key wins.
const PRODUCTS: &str = include_str!("../data/products.txt");

/// The entries of [`VOCABULARY`] then [`PRODUCTS`]: (`|`-separated keys,
/// kind). A malformed line is skipped (the data's own test checks there are
/// none).
fn table() -> Vec<(&'static str, Kind)> {
    VOCABULARY
        .lines()
        .chain(PRODUCTS.lines())
        .filter_map(entry)
        .collect()
}

/// One line of the vocabulary: `KIND [ARGS] = keys`.
fn entry(line: &'static str) -> Option<(&'static str, Kind)> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let (head, keys) = line.split_once(" = ")?;
    let (kind, args) = head.split_once(' ').unwrap_or((head, ""));
    let kind = match kind {
        "concept" => {
            let (weight, spec) = args.split_once(' ')?;
            Kind::Concept(spec, weight.parse().ok()?)
        }
        "colour" if !args.is_empty() => Kind::Colour(args),
        "female" => Kind::Female,
        "male" => Kind::Male,
        "cheap" => Kind::Cheap,
        "premium" => Kind::Premium,
        "on_sale" => Kind::OnSale,
        "in_stock" => Kind::InStock,
        "stop" => Kind::Stop,
        _ => return None,
    };
    Some((keys.trim(), kind))
}

struct Lexicon {
    entries: Vec<Kind>,
    /// Folded single word -> entry index.
    singles: HashMap<String, usize>,
    /// Folded phrases (two words or more), longest first.
    phrases: Vec<(Vec<String>, usize)>,
    /// First word of a phrase -> the positions in `phrases` of the phrases
    /// it starts, ascending: a message is compared with the few phrases
    /// its words start, not with the thousands of the dictionary.
    phrase_starts: HashMap<String, Vec<usize>>,
    stopwords: HashSet<String>,
    /// Every single word the lexicon knows (for typo correction), sorted.
    known_words: Vec<String>,
    /// [`Letters`] of each of `known_words`.
    known_letters: Vec<Letters>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(build_lexicon);

fn build_lexicon() -> Lexicon {
    let mut entries = Vec::new();
    let mut singles = HashMap::new();
    let mut phrases = Vec::new();
    for (keys, kind) in table() {
        let idx = entries.len();
        entries.push(kind);
        for key in keys.split('|') {
            let words = split_words(&fold(key));
            match words.len() {
                0 => {}
                1 => {
                    singles.entry(words[0].clone()).or_insert(idx);
                }
                _ => phrases.push((words, idx)),
            }
        }
    }
    phrases.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
    let mut phrase_starts: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (words, _)) in phrases.iter().enumerate() {
        phrase_starts.entry(words[0].clone()).or_default().push(i);
    }
    let stopwords: HashSet<String> = crate::text::stopword_sections(&["both", "query"])
        .into_iter()
        .map(fold)
        .collect();
    let mut known: HashSet<String> = singles.keys().cloned().collect();
    known.extend(stopwords.iter().cloned());
    let mut known_words: Vec<String> = known.into_iter().collect();
    known_words.sort();
    let known_letters = known_words.iter().map(|w| Letters::of(w)).collect();
    Lexicon {
        entries,
        singles,
        phrases,
        phrase_starts,
        stopwords,
        known_words,
        known_letters,
    }
}

/// Whether `word` (folded, one word) is a word of the store's vocabulary
/// or a stopword: a common shopping word ("laptop", "buds", "running",
/// "nova"), never on its own the name of a product line. The grounding of
/// product names in plugin text uses it to tell a line's own name
/// ("Zenbook", "Pulse") from the words every title shares.
pub fn is_common_word(word: &str) -> bool {
    LEXICON
        .known_words
        .binary_search_by(|w| w.as_str().cmp(word))
        .is_ok()
}

/// Split folded text into word tokens (letters, digits, apostrophes inside).
fn split_words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Parse an expansion spec "word+word:0.8 other".
fn parse_expansions(spec: &str) -> Vec<Expansion> {
    spec.split_whitespace()
        .map(|item| {
            let (words, weight) = match item.rsplit_once(':') {
                Some((w, n)) => (w, n.parse::<f32>().unwrap_or(1.0)),
                None => (item, 1.0),
            };
            Expansion {
                words: words.split('+').map(str::to_string).collect(),
                weight,
            }
        })
        .collect()
}

/// How much an expansion (or a concept) must weigh to count as a
/// translation of its key ([`translations`]): the concept's own words, not
/// its neighbours.
pub const TRANSLATION_MIN_WEIGHT: f32 = 0.9;

/// The vocabulary as a translation table for matching outside the search
/// index (the plugins' query expansion, brand routing): every key of a
/// product concept (folded customer words, en/pt/es) with the catalog's
/// English words for it, space-separated (`"calca"` → `"pants jeans
/// leggings"`), from the expansions weighing at least
/// [`TRANSLATION_MIN_WEIGHT`], of the concepts weighing that much (product
/// words, not modifiers such as "sem fio"). A key that is itself one of its concept's
/// English words ("pants", "mouse") is no translation and is left out. In
/// the vocabulary's order.
pub fn translations() -> &'static [(String, String)] {
    &TRANSLATION_TABLE.0
}

/// The English phrases a [`translations`] value joins ("thermal underwear
/// base layer" → "thermal underwear", "base layer"): a reader that must
/// tell a phrase's word from a word of its own (the brand index) splits it
/// here.
pub fn translation_phrases(english: &str) -> Option<&'static [String]> {
    TRANSLATION_TABLE.1.get(english).map(Vec::as_slice)
}

type TranslationTable = (Vec<(String, String)>, HashMap<String, Vec<String>>);

static TRANSLATION_TABLE: LazyLock<TranslationTable> = LazyLock::new(|| {
    let mut phrases: HashMap<String, Vec<String>> = HashMap::new();
    let out = translation_rows(&mut phrases);
    (out, phrases)
});

fn translation_rows(phrases: &mut HashMap<String, Vec<String>>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (keys, kind) in table() {
        let Kind::Concept(spec, concept_weight) = kind else {
            continue;
        };
        // Modifiers ("pele", "sem fio", "oleosa") qualify a product
        // word; only product words translate.
        if concept_weight < TRANSLATION_MIN_WEIGHT {
            continue;
        }
        let mut english: Vec<String> = Vec::new();
        for e in parse_expansions(spec) {
            if e.weight < TRANSLATION_MIN_WEIGHT {
                continue;
            }
            let phrase = e.words.join(" ");
            if !english.contains(&phrase) {
                english.push(phrase);
            }
        }
        if english.is_empty() {
            continue;
        }
        let all: Vec<String> = parse_expansions(spec)
            .iter()
            .map(|e| e.words.join(" "))
            .collect();
        let joined = english.join(" ");
        phrases.entry(joined.clone()).or_insert(english);
        let english = joined;
        for key in keys.split('|') {
            let key = split_words(&fold(key)).join(" ");
            // The catalog's own words stand for themselves ("mouse" is
            // no translation of "mouse mice").
            if !key.is_empty() && !all.contains(&key) {
                out.push((key, english.clone()));
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Colours

/// The colour families a catalog colour belongs to ("navy" is also "blue").
pub fn colour_families(product_colour: &str) -> Vec<String> {
    let c = fold(product_colour.trim());
    let mut out = vec![c.clone()];
    out.extend(split_words(&c));
    // A catalog in Portuguese or Spanish names its colours so ("dorado",
    // "oro amarillo", "azul marino"): each is also the colour the
    // customer's words are read as ("gold", "navy").
    let canonical: Vec<String> = out.iter().map(|w| canonical_colour(w)).collect();
    out.extend(canonical);
    let extra: Vec<String> = out
        .iter()
        .flat_map(|f| related_colours(f).iter().map(|s| s.to_string()))
        .collect();
    out.extend(extra);
    if out.iter().any(|f| f == "gray") {
        out.push("grey".to_string());
    }
    let mut seen = HashSet::new();
    out.retain(|f| seen.insert(f.clone()));
    out
}

/// The broader families a colour also belongs to ("navy" is blue).
fn related_colours(colour: &str) -> &'static [&'static str] {
    match colour {
        "navy" => &["blue"],
        "dark blue" => &["navy"],
        "graphite" => &["grey"],
        "olive" | "sage" => &["green"],
        "burgundy" => &["red"],
        "berry" => &["red", "purple", "pink"],
        "coral" => &["orange", "pink"],
        "rose gold" => &["pink", "gold"],
        "mustard" => &["yellow"],
        "khaki" => &["beige"],
        "tan" | "camel" => &["brown", "beige"],
        "cream" => &["white", "beige"],
        "natural" => &["beige"],
        "oak" => &["brown"],
        "terracotta" => &["orange", "brown"],
        "brass" => &["gold"],
        "nude" => &["beige"],
        "gray" => &["grey"],
        "fair" => &["light"],
        "turquoise" => &["blue", "green"],
        _ => &[],
    }
}

/// The canonical colour for a customer's colour word in any of the three
/// languages ("preto" → "black"); unknown words are returned folded.
pub fn canonical_colour(word: &str) -> String {
    let f = fold(word.trim());
    let words = split_words(&f);
    let lex = &*LEXICON;
    if words.len() > 1 {
        let starting = lex.phrase_starts.get(&words[0]).into_iter().flatten();
        for (phrase, idx) in starting.map(|&i| &lex.phrases[i]) {
            if *phrase == words
                && let Kind::Colour(c) = &lex.entries[*idx]
            {
                return c.to_string();
            }
        }
    }
    if words.len() == 1
        && let Some(Kind::Colour(c)) = lex.singles.get(&words[0]).map(|&i| &lex.entries[i])
    {
        return c.to_string();
    }
    f
}

/// Whether a product colour satisfies a wanted (canonical) colour.
pub fn colour_matches(wanted: &str, product_colour: Option<&str>) -> bool {
    let Some(pc) = product_colour else {
        return false;
    };
    let wanted = canonical_colour(wanted);
    colour_families(pc).contains(&wanted)
}

// ---------------------------------------------------------------------------
// Sizes

/// Whether a product size satisfies a wanted size ("G" = "L", "128 GB" =
/// "128gb"; a product "S/M" has both).
pub fn size_matches(wanted: &str, product: Option<&str>) -> bool {
    let Some(ps) = product else {
        return false;
    };
    let w = normalize_size(wanted);
    if normalize_size(ps) == w {
        return true;
    }
    ps.split(['/', ',', ' '])
        .filter(|part| !part.is_empty())
        .any(|part| normalize_size(part) == w)
}

/// Normalise a size for comparison: "128 GB" → "128gb", Brazilian "G" → "l".
pub fn normalize_size(s: &str) -> String {
    let f: String = fold(s.trim())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    match f.as_str() {
        "pp" | "extrasmall" | "xs" => "xs".to_string(),
        "p" | "pequeno" | "pequena" | "small" | "ch" | "chico" | "chica" | "s" => "s".to_string(),
        "m" | "medio" | "media" | "mediano" | "mediana" | "medium" => "m".to_string(),
        "g" | "grande" | "large" | "l" => "l".to_string(),
        "gg" | "extragrande" | "xl" | "extralarge" => "xl".to_string(),
        "xgg" | "xg" | "xxl" | "eg" => "xxl".to_string(),
        "unico" | "tamanhounico" | "unica" | "talleunico" | "tallaunica" | "onesize" => {
            "onesize".to_string()
        }
        _ => f,
    }
}

const SIZE_KEYWORDS: &[&str] = &[
    "size",
    "tamanho",
    "tam",
    "talla",
    "talle",
    "numero",
    "num",
    "calco",
    "calzo",
    "visto",
    "numeracao",
    "tamano",
    "nro",
];

const UNIT_WORDS: &[&str] = &[
    "gb",
    "tb",
    "mb",
    "ml",
    "cm",
    "mm",
    "m",
    "inch",
    "inches",
    "polegadas",
    "pulgadas",
    "w",
    "mah",
    "mp",
    "hz",
    "kg",
    "g",
    "l",
    "lugares",
    "plazas",
    "seater",
    "x",
    "gramas",
    "gramos",
    "litros",
    "liters",
    "horas",
    "hours",
    "fps",
    "spf",
    "watts",
    "pol",
];

const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("usd", "USD"),
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("dolar", "USD"),
    ("dolares", "USD"),
    ("bucks", "USD"),
    ("us", "USD"),
    ("reais", "BRL"),
    ("real", "BRL"),
    ("brl", "BRL"),
    ("pila", "BRL"),
    ("pilas", "BRL"),
    ("conto", "BRL"),
    ("contos", "BRL"),
    ("pesos", "MXN"),
    ("peso", "MXN"),
    ("mxn", "MXN"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("eur", "EUR"),
    ("soles", "PEN"),
    ("ars", "ARS"),
    ("cop", "COP"),
    ("clp", "CLP"),
];

const MAX_OPS: &[&str] = &[
    "under",
    "below",
    "less than",
    "lower than",
    "up to",
    "upto",
    "max",
    "maximum",
    "at most",
    "no more than",
    "not more than",
    "cheaper than",
    "within",
    "budget of",
    "budget is",
    "budget",
    "ate",
    "abaixo de",
    "menos de",
    "menor que",
    "menos que",
    "no maximo",
    "maximo",
    "maximo de",
    "inferior a",
    "hasta",
    "debajo de",
    "por debajo de",
    "tope",
    "tope de",
    "presupuesto de",
    "orcamento de",
    "orcamento",
    "presupuesto",
    "nao passe de",
    "que custe ate",
    "no mas de",
    "no exceda",
    "custando ate",
    "por ate",
    "<",
    "<=",
    "tenho",
    "tengo",
    "i have",
];

const MIN_OPS: &[&str] = &[
    "over",
    "above",
    "more than",
    "at least",
    "starting at",
    "higher than",
    "acima de",
    "mais de",
    "a partir de",
    "pelo menos",
    "no minimo",
    "minimo",
    "minimo de",
    "superior a",
    "mas de",
    "por encima de",
    "encima de",
    "desde",
    "mayor que",
    "maior que",
    ">",
    ">=",
];

const APPROX_OPS: &[&str] = &[
    "around",
    "about",
    "approximately",
    "approx",
    "roughly",
    "cerca de",
    "por volta de",
    "aproximadamente",
    "alrededor de",
    "mais ou menos",
    "mas o menos",
    "uns",
    "umas",
    "unos",
    "unas",
    "~",
];

const BETWEEN_OPS: &[&str] = &["between", "entre", "from", "de", "desde", "do"];
const RANGE_CONNECTORS: &[&str] = &["and", "e", "y", "to", "a", "ate", "hasta", "-", "~", "al"];

// ---------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Num(f64),
    Sym(char),
}

impl Tok {
    fn word(&self) -> Option<&str> {
        match self {
            Tok::Word(w) => Some(w),
            Tok::Sym(c) => match c {
                '<' => Some("<"),
                '>' => Some(">"),
                '-' => Some("-"),
                '~' => Some("~"),
                _ => None,
            },
            Tok::Num(_) => None,
        }
    }
}

fn tokenize(folded: &str) -> Vec<Tok> {
    let chars: Vec<char> = folded.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || ((chars[i] == '.' || chars[i] == ',')
                        && i + 1 < chars.len()
                        && chars[i + 1].is_ascii_digit()))
            {
                i += 1;
            }
            let num: String = chars[start..i].iter().collect();
            // Digits glued to letters: "128gb", "x12", "4k", "100reais".
            if i < chars.len() && chars[i].is_alphabetic() {
                let ls = i;
                while i < chars.len() && chars[i].is_alphanumeric() {
                    i += 1;
                }
                let letters: String = chars[ls..i].iter().collect();
                if CURRENCY_WORDS.iter().any(|(w, _)| *w == letters) {
                    if let Some(n) = parse_number(&num) {
                        toks.push(Tok::Num(n));
                    }
                    toks.push(Tok::Word(letters));
                } else {
                    toks.push(Tok::Word(format!("{num}{letters}")));
                }
                continue;
            }
            match parse_number(&num) {
                Some(n) => toks.push(Tok::Num(n)),
                None => toks.push(Tok::Word(num)),
            }
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric()
                    || (chars[i] == '\'' && i + 1 < chars.len() && chars[i + 1].is_alphabetic()))
            {
                i += 1;
            }
            let w: String = chars[start..i].iter().collect();
            // Possessives: "mom's" → "mom".
            let w = match w.strip_suffix("'s") {
                Some(base) if !base.is_empty() => base.to_string(),
                _ => w,
            };
            toks.push(Tok::Word(w));
            continue;
        }
        if matches!(c, '$' | '€' | '£' | '<' | '>' | '-' | '~' | '+') {
            toks.push(Tok::Sym(c));
        }
        i += 1;
    }
    toks
}

// ---------------------------------------------------------------------------
// Parsing

/// The catalog vocabulary the parser can correct typos towards.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    words: HashSet<String>,
    sorted: Vec<String>,
    /// [`Letters`] of each of `sorted`.
    letters: Vec<Letters>,
}

impl Vocabulary {
    /// Build from catalog texts (titles, categories, tags...).
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vocabulary {
        let mut words = HashSet::new();
        for t in texts {
            for w in split_words(&fold(t)) {
                if w.chars().any(char::is_alphabetic) {
                    words.insert(w);
                }
            }
        }
        let mut sorted: Vec<String> = words.iter().cloned().collect();
        sorted.sort();
        let letters = sorted.iter().map(|w| Letters::of(w)).collect();
        Vocabulary {
            words,
            sorted,
            letters,
        }
    }

    pub fn contains(&self, w: &str) -> bool {
        self.words.contains(w)
    }
}

/// Plural/gender variants to try for a folded word ("vestidos" → "vestido",
/// "auriculares" → "auricular", "lencois" → "lencol").
fn variants(w: &str) -> Vec<String> {
    let mut v = vec![w.to_string()];
    if w.len() > 3 {
        if let Some(s) = w.strip_suffix("oes") {
            v.push(format!("{s}ao"));
        }
        if let Some(s) = w.strip_suffix("ois") {
            v.push(format!("{s}ol"));
        }
        if let Some(s) = w.strip_suffix("ais") {
            v.push(format!("{s}al"));
        }
        if let Some(s) = w.strip_suffix("ies") {
            v.push(format!("{s}y"));
        }
        if let Some(s) = w.strip_suffix("es") {
            v.push(s.to_string());
        }
        if let Some(s) = w.strip_suffix('s') {
            v.push(s.to_string());
        }
        if let Some(s) = w.strip_suffix("inho") {
            v.push(format!("{s}o"));
        }
        if let Some(s) = w.strip_suffix("inha") {
            v.push(format!("{s}a"));
        }
    }
    v
}

/// Damerau (optimal string alignment) distance, capped at `max + 1`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    edit_distance_within(a, b, max)
}

/// The price bounds (and storage or labelled size) of a message, read as
/// [`parse`] reads them but without the vocabulary: the plugins'
/// constraints ([`crate::constraints`]) take their price bounds from here,
/// so a seller and the catalog search read "até uns 200" alike.
pub fn price_bounds(text: &str) -> ParsedQuery {
    let toks = tokenize(&fold(text));
    let mut used = vec![false; toks.len()];
    let mut q = ParsedQuery::default();
    extract_sizes(&toks, &mut used, &mut q);
    extract_prices(&toks, &mut used, &mut q);
    q
}

/// Parse a customer's message.
/// The catalog's English for the product words of `text`, a catalog row
/// written in Portuguese or Spanish ("Fone de Ouvido sem Fio" →
/// "headphones", "earbuds", "headset"): each product concept the
/// dictionary finds, read as a customer's words are, and its English of a
/// product word's weight. Empty when the text names none.
pub fn english_words(text: &str) -> Vec<String> {
    static NO_CATALOG: LazyLock<Vocabulary> =
        LazyLock::new(|| Vocabulary::from_texts(std::iter::empty()));
    let mut out: Vec<String> = Vec::new();
    for c in parse(text, &NO_CATALOG).concepts {
        if !c.known || c.weight < TRANSLATION_MIN_WEIGHT {
            continue;
        }
        for e in c.expansions {
            let phrase = e.words.join(" ");
            if e.weight >= TRANSLATION_MIN_WEIGHT && !out.contains(&phrase) {
                out.push(phrase);
            }
        }
    }
    out
}

/// The English of a catalog row written in Portuguese or Spanish: the
/// [`english_words`] of its title and category, space-separated. `None`
/// for a row in English (an English catalog is read as it is). A row need
/// not tell Portuguese from Spanish, or show any marker word at all
/// ("Corbata de Seda Lisa"): the dictionary is one for both, so a row
/// with more Portuguese and Spanish evidence together than English is
/// read in English too, and so is a row with no evidence either way whose
/// title or category joins its words as those languages do ("de",
/// "para", "con"), or whose description does more than once ("Thomas
/// Hervidor Eléctrico Acero": "Hervidor eléctrico de acero inoxidable de
/// 1,7 litros"); "Wireless Charging Base" stays as it is. The routing
/// vocabulary and the search index both add
/// it to the row, so a customer writing English, or the catalog's other
/// language, reaches a Portuguese catalog as a Portuguese customer
/// reaches an English one.
pub fn row_english(title: &str, category: &str, description: &str) -> Option<String> {
    /// The joining words Portuguese and Spanish titles share.
    const JOINERS: &[&str] = &[
        "de", "do", "da", "dos", "das", "del", "con", "com", "para", "sin", "sem",
    ];
    let said = format!("{title} {category} {description}");
    let (en, pt, es) = crate::detect::language_scores(&said, crate::detect::no_evidence);
    let romance = if en == 0.0 && pt + es == 0.0 {
        let joiners = |s: &str| {
            split_words(&fold(s))
                .iter()
                .filter(|w| JOINERS.contains(&w.as_str()))
                .count()
        };
        // A maker-first title may join nothing ("Thomas Hervidor Eléctrico
        // Acero"); its description, a sentence, does, and more than once.
        joiners(&format!("{title} {category}")) > 0 || joiners(description) >= 2
    } else {
        pt + es > en
    };
    if !romance {
        return None;
    }
    let english = english_words(&format!("{title} {category}"));
    (!english.is_empty()).then(|| english.join(" "))
}

pub fn parse(text: &str, vocab: &Vocabulary) -> ParsedQuery {
    let lex = &*LEXICON;
    let folded = fold(text);
    let toks = tokenize(&folded);
    let mut used = vec![false; toks.len()];
    let mut q = ParsedQuery::default();

    extract_sizes(&toks, &mut used, &mut q);
    extract_prices(&toks, &mut used, &mut q);

    // Remaining tokens as words; numbers kept as words ("nexus 5", "27").
    let mut words: Vec<(usize, String)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if used[i] {
            continue;
        }
        match t {
            Tok::Word(w) => words.push((i, w.clone())),
            Tok::Num(n) => words.push((i, format_number(*n))),
            Tok::Sym(_) => {}
        }
    }
    // Phrases, longest first.
    let mut taken = vec![false; words.len()];
    let mut items: Vec<(usize, String, Option<usize>)> = Vec::new(); // (position, source, entry)
    // Only the phrases the message's words start, in the phrases' order
    // (longest first), as the scan of every phrase would meet them.
    let mut candidates: Vec<usize> = words
        .iter()
        .filter_map(|(_, w)| lex.phrase_starts.get(w))
        .flatten()
        .copied()
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    for (phrase, idx) in candidates.iter().map(|&i| &lex.phrases[i]) {
        let l = phrase.len();
        if l > words.len() {
            continue;
        }
        let mut s = 0;
        while s + l <= words.len() {
            if (s..s + l).all(|k| !taken[k] && words[k].1 == phrase[k - s]) {
                for t in taken.iter_mut().skip(s).take(l) {
                    *t = true;
                }
                items.push((s, phrase.join(" "), Some(*idx)));
                s += l;
            } else {
                s += 1;
            }
        }
    }
    for (k, (_, w)) in words.iter().enumerate() {
        if taken[k] {
            continue;
        }
        match resolve_word(w, vocab) {
            Resolved::Entry(i) => items.push((k, w.clone(), Some(i))),
            Resolved::Stop => {}
            Resolved::Unknown => items.push((k, w.clone(), None)),
        }
    }
    items.sort_by_key(|(pos, _, _)| *pos);

    let mut seen_sources = HashSet::new();
    for (_, source, entry) in items {
        match entry.map(|i| &lex.entries[i]) {
            Some(Kind::Concept(spec, weight)) => push_concept(
                &mut q,
                &mut seen_sources,
                &source,
                with_catalog_word(parse_expansions(spec), &source, vocab),
                *weight,
                true,
            ),
            Some(Kind::Colour(c)) => {
                if q.color.is_none() {
                    q.color = Some(c.to_string());
                }
            }
            Some(Kind::Female) => q.gender = q.gender.or(Some(Gender::Female)),
            Some(Kind::Male) => q.gender = q.gender.or(Some(Gender::Male)),
            Some(Kind::Cheap) => q.price_intent = PriceIntent::Cheap,
            Some(Kind::Premium) => q.price_intent = PriceIntent::Premium,
            Some(Kind::OnSale) => q.on_sale = true,
            Some(Kind::InStock) => q.in_stock = true,
            Some(Kind::Stop) => {}
            None => {
                if lex.stopwords.contains(&source) {
                    continue;
                }
                let is_number = source.chars().all(|c| c.is_ascii_digit() || c == '.');
                if source.chars().count() < 2 && !is_number {
                    continue;
                }
                // A catalog word (possibly corrected) or an unknown word.
                let (word, known) = match correct_to_vocab(&source, vocab)
                    .or_else(|| cognate_in_vocab(&source, vocab))
                {
                    Some(w) => (w, true),
                    None => (source.clone(), false),
                };
                let weight = if is_number {
                    0.4
                } else if known {
                    0.9
                } else {
                    0.6
                };
                let exp = vec![Expansion {
                    words: vec![word],
                    weight: 1.0,
                }];
                push_concept(&mut q, &mut seen_sources, &source, exp, weight, known);
            }
        }
    }
    // "cheap" words also match the catalog's budget tag a little.
    if q.price_intent == PriceIntent::Cheap && !q.concepts.is_empty() {
        push_concept(
            &mut q,
            &mut seen_sources,
            "budget",
            parse_expansions("budget affordable"),
            0.2,
            true,
        );
    }
    q
}

/// A concept's expansions, plus the customer's own words when the
/// catalog has them as written: a Spanish catalog's "Cejilla para
/// guitarra" is found by "cejilla" whatever the dictionary's English for
/// it ("instrument"). The dictionary translates towards the catalog; it
/// never hides a word the catalog itself uses.
fn with_catalog_word(
    mut expansions: Vec<Expansion>,
    source: &str,
    vocab: &Vocabulary,
) -> Vec<Expansion> {
    let words: Vec<String> = source.split(' ').map(str::to_string).collect();
    let in_catalog = words
        .iter()
        .all(|w| variants(w).iter().any(|v| vocab.contains(v)));
    if in_catalog && !expansions.iter().any(|e| e.words == words) {
        expansions.push(Expansion { words, weight: 1.0 });
    }
    expansions
}

fn push_concept(
    q: &mut ParsedQuery,
    seen: &mut HashSet<String>,
    source: &str,
    expansions: Vec<Expansion>,
    weight: f32,
    known: bool,
) {
    // The same concept twice ("tênis ... tenis") counts once.
    let key = expansions
        .iter()
        .map(|e| e.words.join("+"))
        .collect::<Vec<_>>()
        .join(" ");
    if !seen.insert(key) {
        return;
    }
    q.concepts.push(Concept {
        source: source.to_string(),
        weight,
        expansions,
        known,
    });
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// What a single word is to the lexicon.
enum Resolved {
    Entry(usize),
    Stop,
    Unknown,
}

/// The lexicon entry of a single folded word, trying plural variants and
/// then typo correction against the lexicon.
fn resolve_word(w: &str, vocab: &Vocabulary) -> Resolved {
    let lex = &*LEXICON;
    if lex.stopwords.contains(w) {
        return match lex.singles.get(w) {
            Some(&i) => Resolved::Entry(i),
            None => Resolved::Stop,
        };
    }
    for v in variants(w) {
        if let Some(&i) = lex.singles.get(&v) {
            return Resolved::Entry(i);
        }
    }
    if vocab.contains(w) || w.chars().any(|c| c.is_ascii_digit()) {
        return Resolved::Unknown;
    }
    if variants(w).iter().any(|v| vocab.contains(v)) {
        return Resolved::Unknown;
    }
    // A diminutive neither the dictionary nor the catalog has as written
    // ("mesita", "cadeirinhas"): the word it is made from. After the
    // catalog, so a catalog's "golfinho" is a dolphin, not golf.
    for base in crate::text::diminutive_bases(w) {
        if let Some(&i) = lex.singles.get(&base) {
            return Resolved::Entry(i);
        }
    }
    let budget = typo_budget(w.chars().count());
    if budget == 0 {
        return Resolved::Unknown;
    }
    // Nearest lexicon word within the typo budget (stopwords included, so a
    // misspelt "qeuro" is recognised as a stopword rather than a product).
    let best = nearest(w, budget, &lex.known_words, &lex.known_letters);
    let Some((bd, cand)) = best else {
        return Resolved::Unknown;
    };
    // A catalog word at a strictly smaller distance wins over the lexicon.
    if bd > 0 && nearest(w, bd - 1, &vocab.sorted, &vocab.letters).is_some() {
        return Resolved::Unknown;
    }
    match lex.singles.get(cand) {
        Some(&i) => Resolved::Entry(i),
        None => Resolved::Stop,
    }
}

/// How many of each letter a word has (a-z, anything else counted
/// together): a cheap necessary test before an edit distance, since an edit
/// adds or removes at most one letter on each side.
#[derive(Debug, Clone, Default)]
struct Letters([u8; 27]);

impl Letters {
    fn of(w: &str) -> Letters {
        let mut n = [0u8; 27];
        for c in w.chars() {
            let i = if c.is_ascii_lowercase() {
                (c as u8 - b'a') as usize
            } else {
                26
            };
            n[i] = n[i].saturating_add(1);
        }
        Letters(n)
    }

    /// Whether no more than `k` letters must go from each side to make the
    /// two bags equal (true for any two words within `k` edits).
    fn within(&self, other: &Letters, k: usize) -> bool {
        let (mut extra, mut missing) = (0usize, 0usize);
        for (a, b) in self.0.iter().zip(other.0.iter()) {
            if a > b {
                extra += usize::from(a - b);
            } else {
                missing += usize::from(b - a);
            }
        }
        extra <= k && missing <= k
    }
}

/// The first of `words` (sorted) at the smallest edit distance from `w`,
/// within `budget`, and that distance.
fn nearest<'a>(
    w: &str,
    budget: usize,
    words: &'a [String],
    letters: &[Letters],
) -> Option<(usize, &'a str)> {
    let own = Letters::of(w);
    let mut best: Option<(usize, &str)> = None;
    for (cand, l) in words.iter().zip(letters) {
        // (Equal bags within `budget` also bound the length difference.)
        if !own.within(l, budget) {
            continue;
        }
        let d = edit_distance(w, cand, budget);
        if d <= budget && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, cand));
        }
    }
    best
}

/// The catalog word a folded token stands for: itself, a plural variant, or
/// the nearest word within the typo budget.
fn correct_to_vocab(w: &str, vocab: &Vocabulary) -> Option<String> {
    for v in variants(w) {
        if vocab.contains(&v) {
            return Some(w.to_string());
        }
    }
    let budget = typo_budget(w.chars().count());
    if budget == 0 || w.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    nearest(w, budget, &vocab.sorted, &vocab.letters).map(|(_, c)| c.to_owned())
}

/// The catalog word a Portuguese or Spanish token is a cognate of
/// ("purificador" → "purifier", "decoracion" → "decoration"): an English
/// spelling of its ending ([`crate::text::cognate_spellings`]), or the catalog
/// word sharing the longest stem with it ([`crate::text::shares_stem`]).
fn cognate_in_vocab(w: &str, vocab: &Vocabulary) -> Option<String> {
    use crate::text::{COGNATE_PREFIX, cognate_spellings, shares_stem};
    if !w.is_ascii() || w.len() < COGNATE_PREFIX || w.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    for s in cognate_spellings(w) {
        for form in [s.clone(), format!("{s}e"), format!("{s}s")] {
            if vocab.contains(&form) {
                return Some(form);
            }
        }
    }
    let prefix = &w[..COGNATE_PREFIX];
    let start = vocab.sorted.partition_point(|v| v.as_str() < prefix);
    vocab.sorted[start..]
        .iter()
        .take_while(|v| v.starts_with(prefix))
        .filter(|v| shares_stem(w, v))
        .max_by_key(|v| {
            let common = w.bytes().zip(v.bytes()).take_while(|(a, b)| a == b).count();
            (common, std::cmp::Reverse(v.len()))
        })
        .cloned()
}

fn word_at(toks: &[Tok], i: usize) -> Option<&str> {
    toks.get(i).and_then(Tok::word)
}

/// How far a size reading reaches beyond "size N" and storage sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeReach {
    /// Search text: only a size said as one ("size 42", "tamanho M",
    /// "128 GB"); a lone "l" or "king" in a search is a word, not a filter.
    Explicit,
    /// A seller reading a request: also a lone letter size ("xl") and bed
    /// sizes ("queen", "casal"), which in a shopping turn are meant as sizes.
    Request,
}

/// The one size a message asks for, in the catalog's form: letter sizes in
/// the English convention ("tamanho G" → "L"), storage as said ("256gb"),
/// bed sizes in English ("casal" → "queen"), storage as catalogs write it
/// ("256 gb" → "256GB"), numbers as written.
pub fn size_in(text: &str, reach: SizeReach) -> Option<String> {
    let toks = tokenize(&fold(text));
    let mut used = vec![false; toks.len()];
    read_size(&toks, &mut used, reach)
}

/// Sizes: "size 42", "tamanho M", "talla 40", "calço 41", "128 GB" (and,
/// with [`SizeReach::Request`], "xl", "queen", "casal").
fn extract_sizes(toks: &[Tok], used: &mut [bool], q: &mut ParsedQuery) {
    q.size = read_size(toks, used, SizeReach::Explicit);
}

/// A letter size ("m", "G", "pp", "medium") in the English convention.
fn letter_size(word: &str) -> Option<String> {
    let norm = normalize_size(word);
    matches!(norm.as_str(), "xs" | "s" | "m" | "l" | "xl" | "xxl").then(|| norm.to_uppercase())
}

/// A size named by a word that is not a letter: bed sizes ("casal" and
/// "matrimonial" are a queen bed) and keyboard layouts.
fn named_size(word: &str) -> Option<&'static str> {
    match word {
        "queen" => Some("queen"),
        "king" => Some("king"),
        "casal" | "matrimonial" => Some("queen"),
        "tkl" => Some("TKL"),
        _ => None,
    }
}

/// Storage at token `i` ("128 gb", "1tb"): the size and its last token.
fn storage_at(toks: &[Tok], i: usize) -> Option<(String, usize)> {
    if let (Tok::Num(n), Some(unit)) = (&toks[i], word_at(toks, i + 1))
        && matches!(unit, "gb" | "tb")
    {
        return Some((
            format!("{}{}", format_number(*n), unit.to_uppercase()),
            i + 1,
        ));
    }
    let w = word_at(toks, i)?;
    let digits = w.strip_suffix("gb").or_else(|| w.strip_suffix("tb"))?;
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| (w.to_uppercase(), i))
}

/// The value after a size keyword at `i` ("tamanho do pé 42", "size is M",
/// "talla de 40"): the size and its last token. A named size ("tamanho
/// casal") is read only in a request: a search keeps the word to match the
/// titles that say it.
fn keyword_value_at(toks: &[Tok], i: usize, reach: SizeReach) -> Option<(String, usize)> {
    if !SIZE_KEYWORDS.contains(&word_at(toks, i)?) {
        return None;
    }
    let mut j = i + 1;
    while j < toks.len() && j <= i + 3 {
        match word_at(toks, j) {
            Some("de" | "do" | "da" | "is" | "e" | "es" | "pe" | "o" | "el" | "a" | ":") => j += 1,
            _ => break,
        }
    }
    let value = match toks.get(j)? {
        Tok::Num(n) => format_number(*n),
        Tok::Word(v) => letter_size(v)
            .or_else(|| {
                named_size(v)
                    .filter(|_| reach == SizeReach::Request)
                    .map(str::to_owned)
            })
            .or_else(|| v.chars().any(|c| c.is_ascii_digit()).then(|| v.clone()))?,
        Tok::Sym(_) => return None,
    };
    Some((value, j))
}

/// A size said without a keyword, read only in a request: "xl", "queen".
fn lone_size_at(toks: &[Tok], i: usize) -> Option<String> {
    let w = word_at(toks, i)?;
    named_size(w)
        .map(str::to_owned)
        // A lone "s", "m" or "l" is too often something else ("m" for
        // metres, "l" for litres); the longer letter sizes are not.
        .or_else(|| matches!(w, "xs" | "xl" | "xxl").then(|| w.to_uppercase()))
}

/// The first size in the tokens, marking the tokens it used; storage and
/// keyword sizes before lone ones, whatever their order in the text.
fn read_size(toks: &[Tok], used: &mut [bool], reach: SizeReach) -> Option<String> {
    let mut size = None;
    for i in 0..toks.len() {
        if used[i] {
            continue;
        }
        let Some((value, last)) = storage_at(toks, i).or_else(|| keyword_value_at(toks, i, reach))
        else {
            continue;
        };
        size.get_or_insert(value);
        for u in used.iter_mut().take(last + 1).skip(i) {
            *u = true;
        }
    }
    if size.is_none() && reach == SizeReach::Request {
        size = (0..toks.len()).find_map(|i| lone_size_at(toks, i));
    }
    size
}

/// An amount at token `i`: (value, first token, last token, currency).
fn amount_at(toks: &[Tok], i: usize) -> Option<(f64, usize, usize, Option<&'static str>)> {
    let (mut value, multiplier_in_word) = match &toks[i] {
        Tok::Num(n) => (*n, false),
        Tok::Word(w) => {
            let digits = w.strip_suffix('k')?;
            let n: f64 = parse_number(digits)?;
            (n * 1000.0, true)
        }
        Tok::Sym(_) => return None,
    };
    let mut start = i;
    let mut end = i;
    let mut currency: Option<&'static str> = None;
    // Prefix: "$", "r$", "us$", "usd", "€".
    if i > 0 {
        match &toks[i - 1] {
            Tok::Sym('$') => {
                start = i - 1;
                currency = Some("USD");
                if i > 1 {
                    match word_at(toks, i - 2) {
                        Some("r") => {
                            start = i - 2;
                            currency = Some("BRL");
                        }
                        Some("us") => start = i - 2,
                        Some("mx") => {
                            start = i - 2;
                            currency = Some("MXN");
                        }
                        _ => {}
                    }
                }
            }
            Tok::Sym('€') => {
                start = i - 1;
                currency = Some("EUR");
            }
            Tok::Sym('£') => {
                start = i - 1;
                currency = Some("GBP");
            }
            Tok::Word(w) => {
                if let Some((_, code)) = CURRENCY_WORDS
                    .iter()
                    .find(|(cw, _)| cw == w && w.len() == 3)
                {
                    start = i - 1;
                    currency = Some(code);
                }
            }
            _ => {}
        }
    }
    // Suffix: "k", "mil", "lucas" (Chile and Argentina), "million",
    // currency words, "$".
    let mut j = i + 1;
    let multiplier = match word_at(toks, j) {
        _ if multiplier_in_word => None,
        Some("k" | "mil" | "thousand" | "luca" | "lucas" | "lukas") => Some(1e3),
        Some("million" | "millions" | "millon" | "millones" | "milhao" | "milhoes") => Some(1e6),
        _ => None,
    };
    if let Some(m) = multiplier {
        value *= m;
        end = j;
        j += 1;
    }
    match toks.get(j) {
        Some(Tok::Sym('$')) => {
            currency = currency.or(Some("USD"));
            end = j;
        }
        Some(Tok::Word(w)) => {
            if let Some((_, code)) = CURRENCY_WORDS.iter().find(|(cw, _)| cw == w) {
                currency = Some(code);
                end = j;
            }
        }
        _ => {}
    }
    // A unit after the number means it is not money ("30 ml", "27 inch").
    if currency.is_none()
        && let Some(u) = word_at(toks, end + 1)
        && UNIT_WORDS.contains(&u)
    {
        return None;
    }
    Some((value, start, end, currency))
}

/// Whether the words right before `pos` (skipping fillers) end with one of
/// `ops`; returns the first token of the match.
fn op_before(toks: &[Tok], used: &[bool], pos: usize, ops: &[&str]) -> Option<usize> {
    let mut end = pos;
    // Skip fillers between the operator and the amount.
    while end > 0 {
        match word_at(toks, end - 1) {
            Some(
                "uns" | "umas" | "unos" | "unas" | "some" | "like" | "the" | "of" | "um" | "un",
            ) if !used[end - 1] => end -= 1,
            _ => break,
        }
    }
    for op in ops {
        let parts: Vec<&str> = op.split(' ').collect();
        let l = parts.len();
        if l > end {
            continue;
        }
        let s = end - l;
        if (0..l).all(|k| !used[s + k] && word_at(toks, s + k) == Some(parts[k])) {
            return Some(s);
        }
    }
    // Fillers only count when an operator precedes them.
    None
}

fn op_after(toks: &[Tok], used: &[bool], pos: usize, ops: &[&str]) -> Option<usize> {
    for op in ops {
        let parts: Vec<&str> = op.split(' ').collect();
        let l = parts.len();
        if pos + 1 + l > toks.len() {
            continue;
        }
        if (0..l).all(|k| !used[pos + 1 + k] && word_at(toks, pos + 1 + k) == Some(parts[k])) {
            return Some(pos + l);
        }
    }
    None
}

const MAX_SUFFIX_OPS: &[&str] = &[
    "or less",
    "ou menos",
    "o menos",
    "max",
    "maximo",
    "no maximo",
    "tops",
    "at most",
    "or under",
];
const MIN_SUFFIX_OPS: &[&str] = &[
    "or more",
    "ou mais",
    "o mas",
    "+",
    "plus",
    "para cima",
    "pra cima",
];

fn extract_prices(toks: &[Tok], used: &mut [bool], q: &mut ParsedQuery) {
    let mut i = 0;
    while i < toks.len() {
        if used[i] {
            i += 1;
            continue;
        }
        let Some((value, start, end, cur)) = amount_at(toks, i) else {
            i += 1;
            continue;
        };
        // Ranges: "between 50 and 100", "entre 50 e 100", "de 50 a 100",
        // "50-100 reais", "from 50 to 100".
        let conn = word_at(toks, end + 1);
        if let Some(c) = conn
            && RANGE_CONNECTORS.contains(&c)
            && end + 2 < toks.len()
            && let Some((v2, _, end2, cur2)) = amount_at(toks, end + 2)
        {
            let lead = op_before(toks, used, start, BETWEEN_OPS);
            let currency = cur.or(cur2);
            let bare_dash = c == "-" || c == "~";
            if (lead.is_some() || currency.is_some() || bare_dash) && v2 > value {
                q.min_price = Some(value);
                q.max_price = Some(v2);
                q.currency_hint = q.currency_hint.or(currency);
                let from = lead.unwrap_or(start);
                for u in used.iter_mut().take(end2 + 1).skip(from) {
                    *u = true;
                }
                i = end2 + 1;
                continue;
            }
        }
        let mut consumed_from = start;
        let mut consumed_to = end;
        let mut kind = None;
        if let Some(s) = op_before(toks, used, start, APPROX_OPS) {
            // "até uns 200" is a maximum, "uns 200" alone is approximate.
            if let Some(s2) = op_before(toks, used, s, MAX_OPS) {
                kind = Some('<');
                consumed_from = s2;
            } else {
                kind = Some('~');
                consumed_from = s;
            }
        } else if let Some(s) = op_before(toks, used, start, MAX_OPS) {
            kind = Some('<');
            consumed_from = s;
        } else if let Some(s) = op_before(toks, used, start, MIN_OPS) {
            kind = Some('>');
            consumed_from = s;
        } else if let Some(e) = op_after(toks, used, end, MAX_SUFFIX_OPS) {
            kind = Some('<');
            consumed_to = e;
        } else if let Some(e) = op_after(toks, used, end, MIN_SUFFIX_OPS) {
            kind = Some('>');
            consumed_to = e;
        } else if cur.is_some() {
            // A bare amount with a currency is a budget.
            kind = Some('<');
        }
        match kind {
            Some('<') => q.max_price = Some(value),
            Some('>') => q.min_price = Some(value),
            Some(_) => {
                q.min_price = Some(value * 0.75);
                q.max_price = Some(value * 1.25);
            }
            None => {
                i += 1;
                continue;
            }
        }
        q.currency_hint = q.currency_hint.or(cur);
        for u in used.iter_mut().take(consumed_to + 1).skip(consumed_from) {
            *u = true;
        }
        i = consumed_to + 1;
    }
    // Stray currency words ("reais", "dólares") are not product words.
    for (i, t) in toks.iter().enumerate() {
        if let Tok::Word(w) = t
            && CURRENCY_WORDS.iter().any(|(cw, _)| cw == w)
            && w != "real"
            && w != "us"
        {
            used[i] = true;
        }
        if matches!(t, Tok::Sym('$' | '€' | '£')) {
            used[i] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        Vocabulary::from_texts([
            "Stride Runner Running Shoes black laptop headphones wireless Nova X12 Smartphone",
        ])
    }

    /// Every expansion of every concept `text` is read as, each as its words.
    fn expansions(text: &str, v: &Vocabulary) -> Vec<Vec<String>> {
        parse(text, v)
            .concepts
            .iter()
            .flat_map(|c| c.expansions.iter().map(|e| e.words.clone()))
            .collect()
    }

    fn sources(q: &ParsedQuery) -> Vec<String> {
        q.concepts.iter().map(|c| c.source.clone()).collect()
    }

    /// A dictionary word the catalog uses as written keeps its own
    /// spelling next to the dictionary's English: a Spanish catalog's
    /// "Cejilla" is found by "cejilla", not only by "instrument".
    #[test]
    fn a_catalog_word_is_never_hidden_by_its_translation() {
        let spanish = Vocabulary::from_texts(["Cejilla para Guitarra Acústica (Negro)"]);
        let english = Vocabulary::from_texts(["Guitar Capo, quick release"]);
        let words = |v: &Vocabulary| expansions("necesito una cejilla", v);
        let cejilla = vec!["cejilla".to_string()];
        assert!(words(&spanish).contains(&cejilla), "{:?}", words(&spanish));
        // An English catalog gets only the dictionary's English.
        assert!(!words(&english).contains(&cejilla), "{:?}", words(&english));
    }

    /// A subscription or a gift card for a console is neither a game nor a
    /// console: "game pass" must not bring every console and game along.
    #[test]
    fn a_game_subscription_or_gift_card_is_not_any_game() {
        let v = vocab();
        for q in ["tem a assinatura da game pass?", "una tarjeta psn de 20"] {
            let words = expansions(q, &v);
            assert!(!words.contains(&vec!["game".to_string()]), "{q}: {words:?}");
            assert!(
                words
                    .iter()
                    .any(|w| w.contains(&"subscription".to_string())
                        || w.contains(&"card".to_string())),
                "{q}: {words:?}"
            );
        }
    }

    /// Chile's and Brazil's words for pens, fineliners and puffer jackets.
    #[test]
    fn regional_words_for_pens_and_jackets() {
        let v = vocab();
        for (q, want) in [
            ("lápiz pasta azul", "pen"),
            ("lapices gel de colores", "pen"),
            ("set de tiralíneas", "markers"),
            ("parka acolchada de mujer", "puffer"),
            ("caneta esferográfica preta", "pen"),
            ("palhetas do limpador do meu carro", "wiper"),
            // Colombia's word for a curling iron.
            ("un crespador de 32 mm para ondas", "curling"),
            // Words known to the parser though the stem-based readers skip
            // them (no typo reading as "trike" or "gilet").
            ("quero um tripé", "tripod"),
            ("tem gilete?", "razor"),
        ] {
            let words: Vec<String> = expansions(q, &v).concat();
            assert!(words.contains(&want.to_string()), "{q}: {words:?}");
        }
    }

    /// A lid ("tampa", "tapa") is what a pot or a basket comes with, not a
    /// tampon one letter away.
    #[test]
    fn a_lid_is_not_a_tampon() {
        let v = vocab();
        for q in ["panela com tampa de vidro", "un tupper con tapa hermética"] {
            let words: Vec<String> = expansions(q, &v).concat();
            assert!(words.contains(&"lid".to_string()), "{q}: {words:?}");
            assert!(!words.contains(&"tampons".to_string()), "{q}: {words:?}");
        }
    }

    #[test]
    fn a_thing_de_piel_is_leather_and_a_skin_type_is_skin() {
        let v = vocab();
        for q in [
            "sandalias de piel café",
            "una billetera en piel para mi papá",
        ] {
            let words: Vec<String> = expansions(q, &v).concat();
            assert!(words.contains(&"leather".to_string()), "{q}: {words:?}");
            assert!(!words.contains(&"skin".to_string()), "{q}: {words:?}");
        }
        for q in [
            "serum para mi tipo de piel",
            "base para tono de piel morena",
        ] {
            let words: Vec<String> = expansions(q, &v).concat();
            assert!(words.contains(&"skin".to_string()), "{q}: {words:?}");
            assert!(!words.contains(&"leather".to_string()), "{q}: {words:?}");
        }
    }

    #[test]
    fn what_streaming_gear_is_for_is_read_in_three_languages() {
        let v = vocab();
        for q in [
            "ring light boa pra fazer lives no instagram",
            "una cámara para hacer directos en twitch",
            "mic arm for my live stream setup",
        ] {
            let words: Vec<String> = expansions(q, &v).concat();
            assert!(words.contains(&"streaming".to_string()), "{q}: {words:?}");
        }
        // A product word: the brand vocabulary reads its English too.
        assert!(
            translations()
                .iter()
                .any(|(k, e)| k == "stremear" && e.contains("streaming"))
        );
    }

    #[test]
    fn a_wireless_keyboard_is_not_a_mechanical_one() {
        let v = vocab();
        for q in [
            "teclado sem fio pro escritório",
            "un teclado inalámbrico delgado",
        ] {
            let words: Vec<String> = expansions(q, &v).concat();
            assert!(words.contains(&"wireless".to_string()), "{q}: {words:?}");
            assert!(
                !words.iter().any(|w| w.contains("mechanical")),
                "{q}: {words:?}"
            );
        }
        let words: Vec<String> = expansions("teclado mecânico switch azul", &v).concat();
        assert!(words.contains(&"mechanical".to_string()), "{words:?}");
    }

    #[test]
    fn asking_how_much_names_no_product() {
        let v = vocab();
        for q in ["quanto custa a cafeteira?", "cuánto cuesta la cafetera"] {
            let words: Vec<String> = expansions(q, &v).concat();
            assert!(!words.contains(&"bedroom".to_string()), "{q}: {words:?}");
        }
        // A violão is an acoustic guitar, not an electric one.
        let violao = parse("violão de nylon", &v);
        let english: Vec<String> = violao.concepts[0]
            .expansions
            .iter()
            .map(|e| e.words.join(" "))
            .collect();
        assert!(
            english.contains(&"classical guitar".to_string()),
            "{english:?}"
        );
        assert!(
            !english.contains(&"electric guitar".to_string()),
            "{english:?}"
        );
    }

    #[test]
    fn catalog_colours_in_portuguese_or_spanish_are_the_customers_colours() {
        assert!(colour_matches("gold", Some("dorado")));
        assert!(colour_matches("dourado", Some("oro amarillo")));
        assert!(colour_matches("white", Some("blanco")));
        assert!(colour_matches("blue", Some("azul marino")));
        assert!(colour_matches("navy", Some("Azul Marinho")));
        assert!(colour_matches("azul", Some("Turquesa")));
        assert!(!colour_matches("red", Some("blanco")));
    }

    #[test]
    fn catalog_query_extracts_prices() {
        let v = vocab();
        let cases: &[(&str, Option<f64>, Option<f64>)] = &[
            ("laptop under $100", None, Some(100.0)),
            ("headphones below 80", None, Some(80.0)),
            ("shoes for less than 60 dollars", None, Some(60.0)),
            (
                "quero um tênis de corrida preto até 300 reais",
                None,
                Some(300.0),
            ),
            ("algo até R$ 200", None, Some(200.0)),
            ("auriculares por menos de 50", None, Some(50.0)),
            ("busco algo hasta 100 dólares", None, Some(100.0)),
            ("zapatillas entre 50 y 100", Some(50.0), Some(100.0)),
            ("headphones between 50 and 100", Some(50.0), Some(100.0)),
            ("sofá de 500 a 900 reais", Some(500.0), Some(900.0)),
            ("phone over 500", Some(500.0), None),
            ("celular acima de 1.000 reais", Some(1000.0), None),
            ("notebook até 2 mil", None, Some(2000.0)),
            // pesos count in thousands and millions
            ("tv hasta 2 millones", None, Some(2_000_000.0)),
            (
                "notebook pa la u, máximo 3 millones",
                None,
                Some(3_000_000.0),
            ),
            ("algo hasta 20 lucas", None, Some(20_000.0)),
            ("computer under 1 million", None, Some(1_000_000.0)),
            ("laptop around 1000", Some(750.0), Some(1250.0)),
            ("fone 50-100", Some(50.0), Some(100.0)),
            ("tenho 150 reais", None, Some(150.0)),
            ("sunscreen 50 ml", None, None),
            ("monitor 27 inch", None, None),
            ("perfume de 100 ml", None, None),
            ("laptop with 1,299.99 max", None, Some(1299.99)),
        ];
        for (text, min, max) in cases {
            let q = parse(text, &v);
            assert_eq!((q.min_price, q.max_price), (*min, *max), "{text}: {q:?}");
        }
    }

    #[test]
    fn catalog_query_extracts_colour_size_gender_and_intents() {
        let v = vocab();
        let q = parse("quero um tênis de corrida preto tamanho 42", &v);
        assert_eq!(q.color.as_deref(), Some("black"));
        assert_eq!(q.size.as_deref(), Some("42"));
        assert_eq!(sources(&q), vec!["tenis", "corrida"]);
        let q = parse("vestido rosa talla M para mi novia", &v);
        assert_eq!(q.color.as_deref(), Some("pink"));
        assert_eq!(q.size.as_deref(), Some("M"));
        assert_eq!(q.gender, Some(Gender::Female));
        let q = parse("camiseta tamanho G azul marinho", &v);
        assert_eq!(q.size.as_deref(), Some("L"));
        assert_eq!(q.color.as_deref(), Some("navy"));
        let q = parse("busco unos auriculares inalámbricos baratos", &v);
        assert_eq!(q.price_intent, PriceIntent::Cheap);
        assert_eq!(sources(&q)[..2], ["auriculares", "inalambricos"]);
        let q = parse("perfume para meu pai", &v);
        assert_eq!(q.gender, Some(Gender::Male));
        let q = parse("Nova X12 256 GB", &v);
        assert_eq!(q.size.as_deref(), Some("256GB"));
    }

    #[test]
    fn catalog_query_corrects_typos_and_strips_stopwords() {
        let v = vocab();
        let q = parse("hi, I'm looking for a new laptp", &v);
        assert_eq!(sources(&q), vec!["laptp"]);
        assert!(
            q.concepts[0].expansions[0]
                .words
                .contains(&"laptop".to_string())
        );
        let q = parse("zapatilas para corer", &v);
        assert_eq!(q.concepts.len(), 2, "{q:?}");
        assert!(
            q.concepts[0]
                .expansions
                .iter()
                .any(|e| e.words == ["sneakers"])
        );
        let q = parse("qeuro uns fones sem fio", &v);
        assert_eq!(sources(&q), vec!["fones", "sem fio"]);
        let q = parse("hedphones", &v);
        assert_eq!(q.concepts[0].expansions[0].words, vec!["headphones"]);
    }

    #[test]
    fn catalog_query_colours_map_to_families() {
        assert!(colour_matches("preto", Some("black")));
        assert!(colour_matches("azul", Some("navy")));
        assert!(colour_matches("blue", Some("dark blue")));
        assert!(colour_matches("cinza", Some("graphite")));
        assert!(!colour_matches("red", Some("black")));
        assert!(!colour_matches("red", None));
        assert_eq!(canonical_colour("Azul Marinho"), "navy");
        assert_eq!(normalize_size("G"), "l");
        assert_eq!(normalize_size("128 GB"), "128gb");
        assert!(Gender::Female.accepts(Some("unisex")));
        assert!(!Gender::Female.accepts(Some("male")));
        assert_eq!(edit_distance("zapatilas", "zapatillas", 2), 1);
        assert_eq!(edit_distance("hedaphones", "headphones", 2), 1);
    }
}

#[cfg(test)]
mod data_tests {
    use super::*;

    #[test]
    fn every_vocabulary_line_parses() {
        for line in VOCABULARY.lines().chain(PRODUCTS.lines()) {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            assert!(entry(line).is_some(), "bad vocabulary line: {line}");
        }
        assert!(LEXICON.entries.len() > 150);
        assert!(LEXICON.stopwords.contains("quero"));
    }

    #[test]
    fn pants_mean_pants_jeans_and_leggings() {
        let q = parse("calça preta", &Vocabulary::default());
        let words: Vec<&str> = q.concepts[0]
            .expansions
            .iter()
            .flat_map(|e| e.words.iter().map(String::as_str))
            .collect();
        assert_eq!(words, ["pants", "jeans", "leggings"]);
        assert_eq!(q.color.as_deref(), Some("black"));
        let t = translations();
        let pants = t
            .iter()
            .find(|(k, _)| k == "calca")
            .map(|(_, e)| e.as_str());
        assert_eq!(pants, Some("pants jeans"));
        let glass = t.iter().find(|(k, _)| k == "vidro temperado");
        assert_eq!(
            glass.map(|(_, e)| e.as_str()),
            Some("screen protector tempered glass")
        );
    }

    #[test]
    fn a_row_in_portuguese_or_spanish_has_english_and_an_english_row_none() {
        let pt = row_english(
            "Fone de Ouvido sem Fio Bluetooth",
            "Eletrônicos > Áudio",
            "Fone com bateria de 30 horas para viagens.",
        )
        .expect("a Portuguese row");
        assert!(pt.contains("headphones"), "{pt}");
        let es = row_english(
            "Olla de Presión Eléctrica 6 L",
            "Hogar > Cocina",
            "Olla con temporizador para la comida de todos los días.",
        )
        .expect("a Spanish row");
        assert!(es.contains("pressure"), "{es}");
        // No marker word of either language: still not English, but an
        // English title of no marker word is.
        assert_eq!(
            row_english("Wireless Charging Base", "Electronics > Chargers", ""),
            None
        );
        let bare = row_english("Gravata de Seda Lisa", "Moda > Gravatas", "")
            .expect("a row with no English evidence");
        assert!(bare.contains("tie"), "{bare}");
        let ring =
            row_english("Anel de Noivado Ouro 18k", "Joias > Anéis", "").expect("a Portuguese row");
        assert!(ring.contains("engagement ring"), "{ring}");
        let pearls = row_english("Colar de Pérolas Barrocas", "Joias > Colares", "")
            .expect("a Portuguese row");
        assert!(pearls.contains("pearl necklace"), "{pearls}");
        let box_ = row_english("Joyero con Espejo y Cajones", "Joyería > Joyeros", "")
            .expect("a Spanish row");
        assert!(box_.contains("jewelry box"), "{box_}");
        assert_eq!(
            row_english(
                "Trail Runner Running Shoes",
                "Shoes > Running",
                "Light shoes for the trail."
            ),
            None
        );
        // A maker-first title joining nothing, whose description joins
        // its words twice.
        let toaster = row_english(
            "Oster Tostadora Acero 2 Ranuras",
            "Hogar / Electro",
            "Tostadora de acero con bandeja de migas.",
        )
        .expect("a Spanish row by its description");
        assert!(toaster.contains("toaster"), "{toaster}");
        assert_eq!(
            row_english(
                "Wireless Charging Base",
                "Electronics > Chargers",
                "Fast charging for de-facto standard phones."
            ),
            None
        );
    }
}
