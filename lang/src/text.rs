//! Normalisation, tokenising and plural stemming for English, Brazilian
//! Portuguese and Spanish, plus typo-tolerant matching, the shared stopword
//! list and the colour words.
//!
//! Deterministic and cheap enough to run on every turn inside the wasm
//! sandbox.
//!
//! ```
//! use agent_store_lang::text;
//! assert_eq!(text::normalize("Olá, você tem TÊNIS?!"), "ola voce tem tenis");
//! assert_eq!(text::stem("auriculares"), text::stem("auricular"));
//! assert!(text::fuzzy_eq("headphnoes", "headphones"));
//! ```

/// Fold one lowercase character to ASCII when it carries a diacritic
/// (`á` → `a`, `ç` → `c`, `ñ` → `n`, `º`/`°` → `o`).
pub fn fold_char(c: char) -> char {
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
    let mut push = |c: char, out: &mut String| {
        if c == '\'' || c == '’' || c == '`' {
            return;
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
    };
    for c in s.chars() {
        // Most text is ASCII: lowercasing it needs no Unicode tables, and
        // folding leaves it as it is (the same result, several times
        // faster; this runs on every word of every turn).
        if c.is_ascii() {
            push(c.to_ascii_lowercase(), &mut out);
        } else {
            for l in c.to_lowercase() {
                push(fold_char(l), &mut out);
            }
        }
    }
    out
}

/// The words written with a hyphen in `s`, joined ("Wi-Fi" → "wifi",
/// "E-Reader" → "ereader"): a catalog's "Wi-Fi Range Extender" is found by
/// a customer's "wifi", who writes it as one word.
pub fn hyphen_compounds(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '/')
        .filter_map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let parts: Vec<&str> = w.split('-').collect();
            let joined = parts.len() > 1
                && parts.iter().all(|p| {
                    p.chars().all(char::is_alphanumeric) && p.chars().any(char::is_alphabetic)
                });
            joined.then(|| normalize(&parts.concat()))
        })
        .collect()
}

/// The normalised words of `s`.
pub fn tokenize(s: &str) -> Vec<String> {
    normalize(s)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The plural stemmer (its own file, so `build.rs` stems the build-time
/// tables with the very same code).
#[path = "stem.rs"]
mod stem_impl;
pub use stem_impl::stem;

/// Normalised, stemmed words of `s`.
pub fn terms(s: &str) -> Vec<String> {
    tokenize(s).iter().map(|t| stem(t)).collect()
}

/// Optimal-string-alignment (restricted Damerau-Levenshtein) distance.
pub fn edit_distance(a: &str, b: &str) -> usize {
    edit_distance_within(a, b, usize::MAX - 1)
}

/// [`edit_distance`], capped at `max + 1`: stops as soon as every
/// alignment costs more than `max` (most callers scan whole vocabularies,
/// and most words differ by more than the budget).
pub fn edit_distance_within(a: &str, b: &str, max: usize) -> usize {
    if a.chars().count().abs_diff(b.chars().count()) > max {
        return max + 1;
    }
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
        let mut row_min = usize::MAX;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
    }
    d[n][m]
}

/// The edit distance allowed for a word of `len` characters: none up to
/// three, one up to nine, two beyond.
pub fn typo_budget(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=9 => 1,
        _ => 2,
    }
}

/// True when `a` and `b` are at most one edit apart (insertion, deletion,
/// substitution or transposition of two adjacent characters). Linear time.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Most pairs differ in length by more than one: no allocation for them.
    if a.len().abs_diff(b.len()) > 4 || a.chars().count().abs_diff(b.chars().count()) > 1 {
        return false;
    }
    // ASCII words (nearly all of them) compare as bytes, without
    // collecting their characters.
    if a.is_ascii() && b.is_ascii() {
        return one_edit(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit(&a, &b)
}

/// [`within_one_edit`] over two sequences (characters or ASCII bytes)
/// that are not equal.
fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
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

/// Shortest beginning two words must share to be read as cognates by
/// [`shares_stem`].
pub const COGNATE_PREFIX: usize = 6;

/// Portuguese and Spanish word endings and their usual English spelling
/// (-ción/-ção → -tion, -dad/-dade → -ty, -ico → -ic ...): the regular
/// correspondences of Latin-derived product words, longest first.
const COGNATE_ENDINGS: &[(&str, &str)] = &[
    ("ificadora", "ifier"),
    ("ificador", "ifier"),
    ("izadora", "izer"),
    ("izador", "izer"),
    ("encia", "ence"),
    ("ancia", "ance"),
    ("cion", "tion"),
    ("cao", "tion"),
    ("sion", "sion"),
    ("sao", "sion"),
    ("dade", "ty"),
    ("dad", "ty"),
    ("ario", "ary"),
    ("aria", "ary"),
    ("ador", "er"),
    ("adora", "er"),
    ("edor", "er"),
    ("ico", "ic"),
    ("ica", "ic"),
    ("ivo", "ive"),
    ("iva", "ive"),
    ("oso", "ous"),
    ("osa", "ous"),
    ("ista", "ist"),
    ("ismo", "ism"),
    ("o", ""),
    ("a", ""),
];

/// The English spellings a (folded, stemmed) Portuguese or Spanish word may
/// have as a cognate, by its ending, stemmed like [`terms`]:
/// "decoracion" → "decoration", "organizacao" → "organization",
/// "electrico" → "electric", "purificador" → "purifier", "creativo" →
/// "creativ" ("creative" stemmed). Words shorter than
/// [`COGNATE_PREFIX`] or not ASCII have none. Callers look these up where
/// an exact or one-typo match failed.
pub fn cognate_spellings(word: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if word.len() < COGNATE_PREFIX || !word.is_ascii() {
        return out;
    }
    for (from, to) in COGNATE_ENDINGS {
        if let Some(base) = word.strip_suffix(from)
            && base.len() >= 3
        {
            let s = stem(&format!("{base}{to}"));
            if s != word && !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// Whether two different folded words share a beginning of at least
/// [`COGNATE_PREFIX`] characters covering three quarters of the shorter
/// one: likely the same word in two languages ("computador"/"computer",
/// "televisor"/"television", "organizador"/"organizer").
/// `a` is the customer's word: one that is all a beginning of `b`
/// ("weather" of "weatherproof") is a compound's part, not a cognate.
pub fn shares_stem(a: &str, b: &str) -> bool {
    if a == b || !a.is_ascii() || !b.is_ascii() {
        return false;
    }
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    common >= COGNATE_PREFIX && common < a.len() && common * 4 >= 3 * a.len().min(b.len())
}

/// Minimum length (in characters) for a token to be matched with a typo.
pub const FUZZY_MIN_LEN: usize = 5;

/// Exact match, or a one-edit typo when both words have at least
/// [`FUZZY_MIN_LEN`] characters.
pub fn fuzzy_eq(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Rejected by length before anything is counted or compared: most
    // pairs a matcher tries (every message word against every phrase
    // word) are too short or too far apart in length. A character is 1-4
    // bytes, so fewer than FUZZY_MIN_LEN bytes is fewer characters, and a
    // byte-length gap over 4 is over one edit (as `within_one_edit` reads it).
    let (la, lb) = (a.len(), b.len());
    if la < FUZZY_MIN_LEN || lb < FUZZY_MIN_LEN || la.abs_diff(lb) > 4 {
        return false;
    }
    let has_digit = a.bytes().any(|c| c.is_ascii_digit());
    if a.is_ascii() && b.is_ascii() {
        // Bytes are characters: one edit apart means lengths within one.
        return la.abs_diff(lb) <= 1 && !has_digit && one_edit(a.as_bytes(), b.as_bytes());
    }
    a.chars().count() >= FUZZY_MIN_LEN
        && b.chars().count() >= FUZZY_MIN_LEN
        && !has_digit
        && within_one_edit(a, b)
}

/// How well a phrase (already split into stemmed terms) matches somewhere in
/// `hay` (stemmed terms): 1.0 exact, 0.75 with typos, 0.0 absent.
pub fn phrase_match<P: AsRef<str>>(hay: &[String], phrase: &[P]) -> f32 {
    if phrase.is_empty() || phrase.len() > hay.len() {
        return 0.0;
    }
    let mut best = 0.0f32;
    for start in 0..=hay.len() - phrase.len() {
        let mut exact = true;
        let mut ok = true;
        for (h, p) in hay[start..].iter().zip(phrase) {
            let p = p.as_ref();
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

/// Whether `s` is its own [`normalize`]: lowercase ASCII letters and
/// digits in words separated by one space (a quick check that lets
/// [`has_phrase`] skip normalising a phrase written normalised).
fn is_normalized(s: &str) -> bool {
    // One pass, no substring search: the intent lists ask this of
    // hundreds of phrases per message.
    let mut after_space = true;
    for &c in s.as_bytes() {
        if c == b' ' {
            if after_space {
                return false; // a leading or a double space
            }
            after_space = true;
        } else if c.is_ascii_lowercase() || c.is_ascii_digit() {
            after_space = false;
        } else {
            return false;
        }
    }
    !after_space || s.is_empty()
}

/// `phrase` as the matchers compare it: as written when it is normalised
/// already (the phrase lists are), else normalised.
fn normalized_phrase(phrase: &str) -> std::borrow::Cow<'_, str> {
    if is_normalized(phrase) {
        std::borrow::Cow::Borrowed(phrase)
    } else {
        std::borrow::Cow::Owned(normalize(phrase))
    }
}

/// Where the words of a normalised text start.
fn word_starts(text: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            text.iter()
                .enumerate()
                .filter(|(_, c)| **c == b' ')
                .map(|(i, _)| i + 1),
        )
        .collect()
}

/// Whether the normalised `phrase` occurs in `text` at one of its word
/// starts and ends where a word ends. The first byte is compared before
/// the rest: most phrases share no first letter with most words.
fn occurs_at(text: &[u8], starts: &[usize], phrase: &[u8]) -> bool {
    let Some(&first) = phrase.first() else {
        return false;
    };
    starts.iter().any(|&s| {
        let rest = &text[s..];
        rest.first() == Some(&first)
            && rest.starts_with(phrase)
            && (rest.len() == phrase.len() || rest[phrase.len()] == b' ')
    })
}

/// True when the normalised `text` contains the normalised `phrase` on word
/// boundaries (no stemming, no typos).
pub fn has_phrase(normalized_text: &str, phrase: &str) -> bool {
    let t = normalized_text.as_bytes();
    occurs_at(t, &word_starts(t), normalized_phrase(phrase).as_bytes())
}

/// True when any of `phrases` occurs in the normalised text (the text's
/// word starts found once for all of them).
pub fn has_any(normalized_text: &str, phrases: &[&str]) -> bool {
    let t = normalized_text.as_bytes();
    let starts = word_starts(t);
    phrases
        .iter()
        .any(|p| occurs_at(t, &starts, normalized_phrase(p).as_bytes()))
}

/// True when the tokens `words` begin with one of `phrases` (each a
/// space-separated run of normalised words).
pub fn starts_with_phrase<W: AsRef<str>>(words: &[W], phrases: &[&str]) -> bool {
    phrases.iter().any(|p| {
        let mut parts = p.split(' ');
        let mut words = words.iter();
        parts.all(|part| words.next().is_some_and(|w| w.as_ref() == part))
    })
}

/// The stopwords (`data/stopwords.txt`), one list in sections: `[both]`,
/// `[matching]` (this module's) and `[query]` (the query parser's).
const STOPWORD_DATA: &str = include_str!("../data/stopwords.txt");

/// The words of the stopword list's `sections` (`"both"`, `"matching"`,
/// `"query"`), in file order.
pub fn stopword_sections(sections: &[&str]) -> Vec<&'static str> {
    let mut current = "";
    let mut words = Vec::new();
    for line in STOPWORD_DATA.lines().map(str::trim) {
        if line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            current = name;
        } else if sections.contains(&current) {
            words.extend(line.split_whitespace());
        }
    }
    words
}

/// Words that carry no product meaning in any of the three languages, as
/// the matchers read them (sections `both` and `matching`), sorted by
/// `build.rs` (`MATCHING_STOPWORDS`).
mod generated {
    include!(concat!(env!("OUT_DIR"), "/stopwords.rs"));
    include!(concat!(env!("OUT_DIR"), "/shorthand.rs"));
    include!(concat!(env!("OUT_DIR"), "/colours.rs"));
}

/// Whether `token` (normalised) is a stopword of the matchers.
pub fn is_stopword(token: &str) -> bool {
    generated::MATCHING_STOPWORDS.binary_search(&token).is_ok()
}

/// Normalised, stemmed words of `s` without stopwords and bare numbers.
pub fn content_terms(s: &str) -> Vec<String> {
    tokenize(s)
        .into_iter()
        .filter(|t| !is_stopword(t) && !t.chars().all(|c| c.is_ascii_digit()))
        .map(|t| stem(&t))
        .collect()
}

/// The words a Portuguese or Spanish diminutive may be made from, most
/// likely first ("tapetinhos" → "tapeto", "tapete", …; "mesita" → "mesa";
/// "cochecito" → "coche"; "florzinha" → "flor"; "macaquinho" → "macaco"),
/// of the diminutive's own gender. Empty when `word` (normalised) has no diminutive ending.
/// Candidates only: many words end so without being diminutives
/// ("cozinha", "vinho", "mosquito"), so a caller takes a base only for a
/// word it does not know as written, and only a base it knows.
pub fn diminutive_bases(word: &str) -> Vec<String> {
    let w = word.strip_suffix('s').unwrap_or(word);
    let mut out: Vec<String> = Vec::new();
    let mut push = |stem: &str, ends: &[&str]| {
        if stem.chars().count() >= 3 {
            for e in ends {
                let base = format!("{stem}{e}");
                if !out.contains(&base) {
                    out.push(base);
                }
            }
        }
    };
    for (suffix, gender) in [("inho", "o"), ("inha", "a"), ("ito", "o"), ("ita", "a")] {
        let Some(stem) = w.strip_suffix(suffix) else {
            continue;
        };
        // -quinho/-quito from -co, -guinho/-guito from -go
        if let Some(s) = stem.strip_suffix("qu") {
            push(s, &[&format!("c{gender}")]);
        }
        if let Some(s) = stem.strip_suffix("gu") {
            push(s, &[&format!("g{gender}")]);
        }
        // -zinho (pt) and -cito (es) are added to a whole word
        if let Some(s) = stem.strip_suffix('z').or_else(|| stem.strip_suffix('c')) {
            push(s, &[""]);
        }
        push(stem, &[gender, "e", ""]);
    }
    out
}

/// Whether `a` and `b` have the same length and differ only where both
/// have a vowel ("pajama" / "pijama"; not "manga" / "manta").
pub fn only_vowels_differ(a: &str, b: &str) -> bool {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    a.chars().count() == b.chars().count()
        && a.chars()
            .zip(b.chars())
            .all(|(x, y)| x == y || (vowel(x) && vowel(y)))
}

/// Chat shorthand and the words it stands for ("vcs" → "voces", "pra" →
/// "para", "u" → "you"), in the data file's order (`data/shorthand.txt`,
/// read by `build.rs`).
pub static SHORTHAND: &[(&str, &str)] = generated::SHORTHAND;

/// `normalized` (a [`normalize`]d text) with each word of chat shorthand
/// spelled out ("vcs enviam pra portugal" → "voces enviam para
/// portugal"), so fixed phrases written in full ("enviam para") match the
/// way customers type them. Other words are kept as they are.
pub fn expand_shorthand(normalized: &str) -> String {
    normalized
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            SHORTHAND
                .iter()
                .find(|(short, _)| *short == w)
                .map_or(w, |(_, long)| *long)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Colour words in en/pt/es and the English name the catalog uses, in the
/// data file's order (`data/colours.txt`, read by `build.rs`; the first
/// colour naming a word wins).
pub static COLORS: &[(&str, &str)] = generated::COLORS;

/// The catalog (English) colour named by a word, when it names one.
pub fn color_of(token: &str) -> Option<&'static str> {
    let t = normalize(token);
    let s = stem(&t);
    generated::STEMMED_COLORS
        .iter()
        .find(|(w, ws, _)| *w == t || *ws == s)
        .map(|(_, _, c)| *c)
}

/// `word` with each of its letters left out in turn (a word's one-letter
/// deletions): two words one typo apart share one of their deletions or
/// one is a deletion of the other, so indexing them finds typo candidates
/// with a lookup (the SDK's brand index and translation tables).
pub fn deletions(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    (0..chars.len())
        .map(|i| {
            chars
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, c)| *c)
                .collect()
        })
        .collect()
}

/// Search constraints found in a customer's message.
#[cfg(test)]
mod tests {

    #[test]
    fn diminutives_offer_the_words_they_are_made_from() {
        let has = |w: &str, base: &str| diminutive_bases(w).iter().any(|b| b == base);
        assert!(has("tapetinhos", "tapete"));
        assert!(has("cadeirinha", "cadeira"));
        assert!(has("florzinha", "flor"));
        assert!(has("luzinha", "luz"));
        assert!(has("macaquinho", "macaco"));
        assert!(has("mesita", "mesa"));
        assert!(has("vasitos", "vaso"));
        assert!(has("cochecito", "coche"));
        assert!(has("tirantitos", "tirante"));
        assert!(has("amiguito", "amigo"));
        // the gender the diminutive shows comes first
        assert_eq!(diminutive_bases("garrafita")[0], "garrafa");
        assert!(diminutive_bases("camisa").is_empty());
        assert!(diminutive_bases("pito").is_empty(), "too short to be one");
    }
    use super::*;

    #[test]
    fn a_phrase_starts_the_words_only_when_all_its_words_do() {
        let words = ["no", "quiero", "eso"];
        assert!(starts_with_phrase(&words, &["no quiero"]));
        assert!(starts_with_phrase(&words, &["ya", "no"]));
        assert!(!starts_with_phrase(&words, &["quiero"]), "not at the start");
        assert!(
            !starts_with_phrase(&words[..1], &["no quiero"]),
            "longer than the words"
        );
        let owned: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        assert!(starts_with_phrase(&owned, &["no quiero eso"]));
    }

    #[test]
    fn hyphenated_words_are_joined() {
        assert_eq!(
            hyphen_compounds("Mesh Wi-Fi Booster, E-Reader (6-inch) - White"),
            vec!["wifi", "ereader"]
        );
        assert_eq!(hyphen_compounds("Wi-Fi/Bluetooth Speaker"), vec!["wifi"]);
        // Sizes and years are no words.
        assert!(hyphen_compounds("Desk Fan - Black / 12, Conjunto 4-6 anos 2023-2024").is_empty());
    }

    /// The sorted list `build.rs` wrote is the data file's `both` and
    /// `matching` sections.
    #[test]
    fn generated_stopwords_match_the_file() {
        let mut words = stopword_sections(&["both", "matching"]);
        words.sort_unstable();
        words.dedup();
        assert!(words.len() > 100);
        assert_eq!(generated::MATCHING_STOPWORDS, words.as_slice());
        assert!(is_stopword("the") && is_stopword("para") && !is_stopword("laptop"));
    }

    /// `normalize` before its ASCII fast path: every character through
    /// Unicode lowercasing and folding.
    fn normalize_reference(s: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in s.chars().flat_map(char::to_lowercase) {
            let c = fold_char(c);
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

    #[test]
    fn the_ascii_fast_path_normalises_as_before() {
        for s in [
            "",
            "  Olá, você tem TÊNIS?!  ",
            "I'm looking for a LAPTOP under $1,500.00",
            "¿Dónde está mi pedido? ¡Ya!",
            "İstanbul ǅemal ÀÉÎÕÜ ß ﬁ Ω",
            "rock'n'roll d’água `quoted` --- 7½ 2º 10°C",
            "emoji 👍🏽 and\ttabs\nnewlines",
            "ÇAÇA ñandú CAFÉ Mañana",
        ] {
            assert_eq!(normalize(s), normalize_reference(s), "{s:?}");
        }
    }

    #[test]
    fn vowel_only_differences() {
        assert!(only_vowels_differ("pajama", "pijama"));
        assert!(!only_vowels_differ("manga", "manta"));
        assert!(!only_vowels_differ("perola", "pergola"));
        assert!(only_vowels_differ("same", "same"));
    }

    #[test]
    fn chat_shorthand_is_spelled_out() {
        assert_eq!(
            expand_shorthand("vcs enviam pra portugal"),
            "voces enviam para portugal"
        );
        assert_eq!(
            expand_shorthand("do u ship to canada"),
            "do you ship to canada"
        );
        assert_eq!(expand_shorthand("qto fica o frete"), "quanto fica o frete");
        // words that are no shorthand stay as they are, and so do the
        // ones left out of the table for meaning two things ("p", "x")
        assert_eq!(expand_shorthand("tenis p preto 2x"), "tenis p preto 2x");
        assert_eq!(expand_shorthand(""), "");
        // every entry is written folded, one word on the left
        for (short, long) in SHORTHAND.iter() {
            assert_eq!(normalize(short), *short);
            assert!(!short.contains(' '), "{short}");
            assert_eq!(normalize(long), *long);
            assert_ne!(short, long);
        }
    }

    #[test]
    fn cognates_by_ending_and_by_shared_stem() {
        assert!(cognate_spellings("decoracion").contains(&"decoration".to_string()));
        assert!(cognate_spellings("organizacao").contains(&"organization".to_string()));
        assert!(cognate_spellings("electrico").contains(&"electric".to_string()));
        assert!(cognate_spellings("purificador").contains(&"purifier".to_string()));
        assert!(cognate_spellings("creativo").contains(&stem("creative")));
        assert!(cognate_spellings("sol").is_empty());
        assert!(shares_stem("computador", "computer"));
        assert!(shares_stem("televisor", "television"));
        assert!(!shares_stem("camiseta", "camisole"));
        assert!(!shares_stem("mouse", "mouse"));
        assert!(!shares_stem("weather", "weatherproof"));
    }

    /// `has_phrase` before its word-start scan: a substring search, each
    /// hit checked for word boundaries.
    fn has_phrase_reference(t: &str, phrase: &str) -> bool {
        let p = normalize(phrase);
        if p.is_empty() {
            return false;
        }
        let mut from = 0;
        while let Some(i) = t[from..].find(p.as_str()) {
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

    /// `fuzzy_eq` before its length rejections.
    fn fuzzy_eq_reference(a: &str, b: &str) -> bool {
        a == b
            || (a.chars().count() >= FUZZY_MIN_LEN
                && b.chars().count() >= FUZZY_MIN_LEN
                && !a.bytes().any(|c| c.is_ascii_digit())
                && within_one_edit(a, b))
    }

    #[test]
    fn has_phrase_and_fuzzy_eq_answer_as_their_references() {
        let texts = [
            "",
            "oi",
            "cade meu pedido",
            "cade meus pedidos",
            "meu pedido",
            "quero falar com um atendente agora",
            "a b c a b",
            "not a nota b",
            "ola voce tem tenis",
            "cafe com acucar cafe",
            "ñandu cafe ñ",
            "pedidos meu pedido",
        ];
        let phrases = [
            "meu pedido",
            "pedido",
            "pedidos",
            "a b",
            "b",
            "nota",
            "not a",
            "cafe",
            "ñ",
            "Meu  PEDIDO",
            "ola",
            "falar com",
            "com um atendente agora",
            "atendente agora x",
            "",
            "e",
        ];
        for t in texts {
            for p in phrases {
                assert_eq!(
                    has_phrase(t, p),
                    has_phrase_reference(t, p),
                    "{t:?} / {p:?}"
                );
            }
        }
        let words = [
            "",
            "a",
            "abcd",
            "abcde",
            "laptop",
            "latpop",
            "laptops",
            "lapto",
            "labtop",
            "headphones",
            "hedphones",
            "headphnoes",
            "mouse",
            "house",
            "tênis",
            "tenis",
            "tênnis",
            "ñandú",
            "nandu",
            "ñandúes",
            "cámara",
            "camara",
            "camaras",
            "12345",
            "12346",
            "abc12",
            "abc13",
            "açúcar",
            "acucar",
            "cafés",
            "cafe",
            "televisão",
            "televisao",
            "computador",
            "computadora",
        ];
        for a in words {
            for b in words {
                assert_eq!(fuzzy_eq(a, b), fuzzy_eq_reference(a, b), "{a:?} / {b:?}");
            }
        }
    }

    /// The byte path of `within_one_edit` (ASCII) agrees with the
    /// character path, and `has_phrase` finds a phrase written normalised
    /// (no copy) as it finds the same phrase written otherwise.
    #[test]
    fn fast_paths_agree_with_the_general_ones() {
        let words = [
            "laptop",
            "latpop",
            "laptops",
            "lapto",
            "xlaptop",
            "labtop",
            "ab",
            "ba",
            "abc",
            "acb",
            "",
            "a",
            "headphones",
            "headphnoes",
            "fone",
            "fones",
            "teclado",
            "teclados",
        ];
        for a in words {
            for b in words {
                let ca: Vec<char> = a.chars().collect();
                let cb: Vec<char> = b.chars().collect();
                let by_chars = a == b || (ca.len().abs_diff(cb.len()) <= 1 && one_edit(&ca, &cb));
                assert_eq!(within_one_edit(a, b), by_chars, "{a} {b}");
            }
        }
        for (p, normalised) in [
            ("quero falar", true),
            ("e ai", true),
            ("7 1", true),
            ("Quero falar", false),
            ("quero  falar", false),
            (" oi", false),
            ("oi ", false),
            ("não", false),
            ("d'agua", false),
            ("", true),
        ] {
            assert_eq!(is_normalized(p), normalised, "{p:?}");
            if normalised {
                assert_eq!(normalize(p), p);
            }
        }
        let t = normalize("Oi, quero falar com um atendente!");
        assert!(has_phrase(&t, "quero falar"));
        assert!(has_phrase(&t, "Quero  FALAR"));
        assert!(!has_phrase(&t, "quero fala"));
        assert!(!has_phrase(&t, ""));
    }

    /// The colour and shorthand tables `build.rs` wrote are the data
    /// files' lines, in order, and the stems are the run-time stemmer's.
    #[test]
    fn generated_colours_and_shorthand_match_the_files() {
        let colours: Vec<(&str, &str)> = include_str!("../data/colours.txt")
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .filter_map(|l| l.split_once('='))
            .flat_map(|(c, words)| words.split_whitespace().map(move |w| (w, c.trim())))
            .collect();
        assert!(colours.len() > 50);
        assert_eq!(COLORS, colours.as_slice());
        for ((w, c), (gw, gs, gc)) in COLORS.iter().zip(generated::STEMMED_COLORS) {
            assert_eq!((*w, stem(w).as_str(), *c), (*gw, *gs, *gc));
        }
        let shorthand: Vec<(&str, &str)> = include_str!("../data/shorthand.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('='))
            .map(|(s, l)| (s.trim(), l.trim()))
            .filter(|(s, l)| !s.is_empty() && !l.is_empty())
            .collect();
        assert!(shorthand.len() > 20);
        assert_eq!(SHORTHAND, shorthand.as_slice());
    }

    #[test]
    fn colours_by_word_or_stem() {
        for (w, c) in COLORS.iter() {
            assert!(color_of(w).is_some(), "{w} ({c})");
        }
        assert_eq!(color_of("Pretos"), color_of("preto"));
        assert_eq!(color_of("laptop"), None);
    }

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
}
