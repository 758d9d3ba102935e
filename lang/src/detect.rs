//! Which of English, Brazilian Portuguese and Spanish a message is written
//! in: orthography (`ã`, `ñ`, `¿`), marker words of each language (a word
//! two languages share counts less), digraphs, and evidence a caller adds
//! from its own vocabularies ([`Evidence`]: the dialogue cues, the catalog's
//! English words).
//!
//! ```
//! use agent_store_lang::detect;
//! assert_eq!(detect::detect_language("você tem tênis pretos?"), "pt");
//! assert_eq!(detect::detect_language("¿tienes zapatillas negras?"), "es");
//! assert_eq!(detect::sticky_language("pt", "ok"), "pt");
//! ```

use crate::text::tokenize;

/// The marker words of each language (`data/language-markers.txt`),
/// sorted into static arrays by `build.rs`: a fresh guest instance per
/// turn would otherwise parse the file and hash it on every turn.
mod generated {
    include!(concat!(env!("OUT_DIR"), "/markers.rs"));
}

/// Whether `word` is a marker of each of (en, pt, es).
fn markers_of(word: &str) -> [bool; 3] {
    [
        generated::EN_MARKERS,
        generated::PT_MARKERS,
        generated::ES_MARKERS,
    ]
    .map(|set| set.binary_search(&word).is_ok())
}

/// Extra (en, pt, es) evidence from a caller's vocabularies, given the
/// message's normalised tokens.
pub type Evidence = fn(&[String]) -> (f32, f32, f32);

/// No extra evidence.
pub fn no_evidence(_: &[String]) -> (f32, f32, f32) {
    (0.0, 0.0, 0.0)
}

/// Evidence for each language in `text`: (en, pt, es) scores from
/// orthography, marker words (a word shared by two languages counts less),
/// digraphs and the caller's `extra` evidence.
pub fn language_scores(text: &str, extra: Evidence) -> (f32, f32, f32) {
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
        let [a, b, c] = markers_of(t);
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
    let (e, p, s) = extra(&toks);
    (en + e, pt + p, es + s)
}

/// The customer's language: "en", "pt", "es", or "" when the text carries
/// no clear signal. [`detect_language_with`] without extra evidence.
pub fn detect_language(text: &str) -> &'static str {
    detect_language_with(text, no_evidence)
}

/// The customer's language from markers and `extra` evidence.
pub fn detect_language_with(text: &str, extra: Evidence) -> &'static str {
    let (en, pt, es) = language_scores(text, extra);
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
    sticky_language_with(current, text, no_evidence)
}

/// [`sticky_language`] with `extra` evidence.
pub fn sticky_language_with(current: &str, text: &str, extra: Evidence) -> &'static str {
    let detected = detect_language_with(text, extra);
    let current = match current {
        "en" => "en",
        "pt" => "pt",
        "es" => "es",
        _ => return detected,
    };
    if detected.is_empty() || detected == current {
        return current;
    }
    let (en, pt, es) = language_scores(text, extra);
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

/// Country calling codes of Portuguese- and Spanish-speaking countries
/// (WhatsApp ids are E.164 digits without '+').
const PT_CODES: &[&str] = &["55", "351", "244", "258", "238", "245", "239", "670"];
const ES_CODES: &[&str] = &[
    "34", "52", "54", "56", "57", "51", "58", "53", "593", "591", "595", "598", "502", "503",
    "504", "505", "506", "507", "240", "1809", "1829", "1849", "1787", "1939",
];

/// The language a phone number's country mostly speaks ("pt", "es"), or
/// "" when it says nothing (English-speaking and other countries): the
/// guess for a customer who has not written a word that reads as one
/// language yet.
pub fn language_of_number(wa_id: &str) -> &'static str {
    let digits = wa_id.trim_start_matches('+');
    // Longest prefixes first: "1809" is the Dominican Republic, not "1".
    PT_CODES
        .iter()
        .map(|c| (c, "pt"))
        .chain(ES_CODES.iter().map(|c| (c, "es")))
        .filter(|(c, _)| digits.starts_with(**c))
        .max_by_key(|(c, _)| c.len())
        .map(|(_, l)| l)
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The arrays `build.rs` wrote are the data file's sections, read here
    /// the way the detector read them before they were built in.
    #[test]
    fn generated_markers_match_the_file() {
        let data = include_str!("../data/language-markers.txt");
        let mut sets: [Vec<&str>; 3] = Default::default();
        let mut current = None;
        for line in data.lines().map(str::trim) {
            match line {
                "" => {}
                l if l.starts_with('#') => {}
                "[en]" => current = Some(0),
                "[pt]" => current = Some(1),
                "[es]" => current = Some(2),
                l => {
                    if let Some(i) = current {
                        sets[i].extend(l.split_whitespace());
                    }
                }
            }
        }
        for (set, generated) in sets.iter_mut().zip([
            generated::EN_MARKERS,
            generated::PT_MARKERS,
            generated::ES_MARKERS,
        ]) {
            set.sort_unstable();
            set.dedup();
            assert!(set.len() > 20);
            assert_eq!(set.as_slice(), generated);
        }
        assert_eq!(markers_of("voce"), [false, true, false]);
    }

    #[test]
    fn languages_from_markers_alone() {
        for (t, l) in [
            ("hi, I'm looking for a new laptop", "en"),
            ("oi, você tem tênis de corrida?", "pt"),
            ("¿cuánto cuesta el portátil?", "es"),
            ("", ""),
            ("👍", ""),
        ] {
            assert_eq!(detect_language(t), l, "{t}");
        }
    }

    #[test]
    fn extra_evidence_counts() {
        fn pt(_: &[String]) -> (f32, f32, f32) {
            (0.0, 5.0, 0.0)
        }
        assert_eq!(detect_language_with("laptop", pt), "pt");
        assert_eq!(sticky_language("es", "ok"), "es");
        assert_eq!(sticky_language("", "hola, quiero algo"), "es");
    }
}
