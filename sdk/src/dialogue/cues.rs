//! The cue vocabularies of the dialogue acts, loaded once from
//! `cues.txt` (data, not code): which phrases say "add", "remove",
//! "checkout"... in English, Brazilian Portuguese and Spanish.
//!
//! Matching is on normalised, plural-stemmed words with one-typo tolerance
//! for words of [`text::FUZZY_MIN_LEN`]+ letters ([`text::phrase_match`]).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::text;

const DATA: &str = include_str!("cues.txt");

/// One dialogue cue: a section of `cues.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// "add it", "quero", "me lo llevo".
    Add,
    /// "buy", "comprar", "lo compro": add, or checkout when it is in the cart.
    Buy,
    /// "remove", "tira", "quita".
    Remove,
    /// "make it", "na verdade", "mejor".
    SetQuantity,
    /// "empty my cart", "esvazia", "vacía".
    Clear,
    /// "my cart", "carrinho", "carrito".
    Cart,
    /// "checkout", "pode fechar", "eso es todo".
    Checkout,
    /// "cancel", "desisti", "olvídalo".
    Cancel,
    /// "cheaper", "mais barato", "más barato".
    Cheaper,
    /// "the cheapest", "o mais barato", "el más barato".
    Cheapest,
    /// "more like this", "parecido".
    Similar,
    /// "do you have", "tem", "tienes": a question about a variant.
    Have,
    /// "other colour", "outra cor", "otro color".
    OtherColor,
    /// "other size", "outro tamanho", "otra talla".
    OtherSize,
    /// "compare", "qual é melhor", "diferencia".
    Compare,
    /// "how much", "quanto custa", "cuánto cuesta".
    Price,
    /// "more options", "outras opções", "otras opciones".
    More,
    /// "it", "esse", "ese", "lo": a pointer to the product in focus.
    Pointer,
    /// "ok", "sim", "vale": agreement, no content.
    Affirm,
    /// "well", "então", "pues": filler.
    Hedge,
}

impl Cue {
    fn of_section(name: &str) -> Option<Cue> {
        Some(match name {
            "add" => Cue::Add,
            "buy" => Cue::Buy,
            "remove" => Cue::Remove,
            "set_quantity" => Cue::SetQuantity,
            "clear" => Cue::Clear,
            "cart" => Cue::Cart,
            "checkout" => Cue::Checkout,
            "cancel" => Cue::Cancel,
            "cheaper" => Cue::Cheaper,
            "cheapest" => Cue::Cheapest,
            "similar" => Cue::Similar,
            "have" => Cue::Have,
            "other_color" => Cue::OtherColor,
            "other_size" => Cue::OtherSize,
            "compare" => Cue::Compare,
            "price" => Cue::Price,
            "more" => Cue::More,
            "pointer" => Cue::Pointer,
            "affirm" => Cue::Affirm,
            "hedge" => Cue::Hedge,
            _ => return None,
        })
    }
}

/// The loaded vocabularies.
#[derive(Debug, Default)]
pub struct Cues {
    phrases: HashMap<Cue, Vec<Vec<String>>>,
    /// Every stemmed word of every phrase: not a product word.
    words: HashSet<String>,
    /// Stemmed words only one language's lines use, with that language.
    language_of: HashMap<String, &'static str>,
}

fn lang_tag(tag: &str) -> Option<&'static str> {
    match tag.trim() {
        "en" => Some("en"),
        "pt" => Some("pt"),
        "es" => Some("es"),
        _ => None,
    }
}

impl Cues {
    /// Parse the `cues.txt` format (see the file's header).
    pub fn parse(data: &str) -> Cues {
        let mut cues = Cues::default();
        let mut section: Option<Cue> = None;
        let mut langs_of: HashMap<String, HashSet<&'static str>> = HashMap::new();
        for line in data.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Cue::of_section(name.trim());
                continue;
            }
            let (Some(cue), Some((tag, list))) = (section, line.split_once(':')) else {
                continue;
            };
            let Some(lang) = lang_tag(tag) else { continue };
            for phrase in list.split('|') {
                let terms = text::terms(phrase);
                if terms.is_empty() {
                    continue;
                }
                for t in &terms {
                    cues.words.insert(t.clone());
                    langs_of.entry(t.clone()).or_default().insert(lang);
                }
                cues.phrases.entry(cue).or_default().push(terms);
            }
        }
        for (word, langs) in langs_of {
            if langs.len() == 1
                && word.chars().count() >= 4
                && let Some(l) = langs.into_iter().next()
            {
                cues.language_of.insert(word, l);
            }
        }
        cues
    }

    /// Whether `terms` (stemmed words of a message) contain a phrase of `cue`.
    pub fn has(&self, cue: Cue, terms: &[String]) -> bool {
        self.phrases
            .get(&cue)
            .is_some_and(|ps| ps.iter().any(|p| text::phrase_match(terms, p) > 0.0))
    }

    /// The longest phrase of `cue` found in `terms`, in words.
    pub fn longest(&self, cue: Cue, terms: &[String]) -> usize {
        self.phrases
            .get(&cue)
            .map(|ps| {
                ps.iter()
                    .filter(|p| text::phrase_match(terms, p) > 0.0)
                    .map(Vec::len)
                    .max()
                    .unwrap_or(0)
            })
            .unwrap_or(0)
    }

    /// Whether a stemmed word is part of one of `cue`'s phrases.
    pub fn cue_has_word(&self, cue: Cue, term: &str) -> bool {
        self.phrases
            .get(&cue)
            .is_some_and(|ps| ps.iter().any(|p| p.iter().any(|w| w == term)))
    }

    /// Whether a stemmed word belongs to some cue (so it names no product).
    pub fn is_cue_word(&self, term: &str) -> bool {
        self.words.contains(term)
    }

    /// The language only cue lines of that language use this word in.
    pub fn language_of(&self, term: &str) -> Option<&'static str> {
        self.language_of.get(term).copied()
    }
}

/// The vocabularies of `cues.txt`, parsed once.
pub fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| Cues::parse(DATA))
}

/// Language evidence from cue words (en, pt, es), for
/// [`text::language_scores`]: 0.6 per word only one language uses.
pub fn language_evidence(tokens: &[String]) -> (f32, f32, f32) {
    let c = cues();
    let mut s = (0.0, 0.0, 0.0);
    for t in tokens {
        match c.language_of(&text::stem(t)) {
            Some("en") => s.0 += 0.6,
            Some("pt") => s.1 += 0.6,
            Some("es") => s.2 += 0.6,
            _ => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_every_section() {
        let c = cues();
        assert!(c.has(Cue::Checkout, &text::terms("pode fechar o pedido")));
        assert!(c.has(Cue::Checkout, &text::terms("listo, lo compro")));
        assert!(c.has(Cue::Remove, &text::terms("tira o mousepad")));
        assert!(c.has(Cue::Clear, &text::terms("vacía el carrito")));
        assert!(c.has(Cue::Cheapest, &text::terms("qual o mais barato?")));
        assert!(!c.has(Cue::Remove, &text::terms("quero um tênis")));
        assert_eq!(c.language_of(&text::stem("quita")), Some("es"));
        assert_eq!(c.language_of(&text::stem("finalizar")), None);
    }

    #[test]
    fn typos_match() {
        assert!(cues().has(Cue::Checkout, &text::terms("chekout")));
        assert!(cues().has(Cue::Remove, &text::terms("pls remvoe the bag")));
    }
}
