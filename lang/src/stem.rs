//! A crude but consistent plural stemmer for en/pt/es, in a file of its
//! own with no dependency: `build.rs` includes it to stem the tables it
//! writes exactly as `text::stem` does at run time.

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
