//! Meta's limits on outbound messages, enforced before anything is sent so
//! a plugin can never cause a Graph API 400 at run time.

pub const TEXT_BODY: usize = 4096;
pub const INTERACTIVE_BODY: usize = 1024;
pub const HEADER: usize = 60;
pub const FOOTER: usize = 60;
pub const BUTTONS_MAX: usize = 3;
pub const BUTTON_TITLE: usize = 20;
pub const ID: usize = 256;
pub const LIST_BUTTON: usize = 20;
pub const LIST_ROWS_MAX: usize = 10;
pub const LIST_SECTIONS_MAX: usize = 10;
pub const SECTION_TITLE: usize = 24;
pub const ROW_TITLE: usize = 24;
pub const ROW_DESCRIPTION: usize = 72;
pub const PRODUCT_LIST_ITEMS: usize = 30;
pub const IMAGE_CAPTION: usize = 1024;

/// `s` cut to at most `max` characters, ending in an ellipsis when cut.
pub fn fit(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out = out.trim_end().to_string();
    out.push('…');
    out
}

/// Split a long text into WhatsApp-sized parts, preferring paragraph, line
/// and word boundaries.
pub fn split_text(text: &str, max: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = text.trim();
    while rest.chars().count() > max {
        let byte_max = rest.char_indices().nth(max).map_or(rest.len(), |(i, _)| i);
        let head = &rest[..byte_max];
        let cut = ["\n\n", "\n", ". ", " "]
            .iter()
            .find_map(|sep| {
                head.rfind(sep)
                    .filter(|&i| i > max / 2)
                    .map(|i| i + sep.len())
            })
            .unwrap_or(byte_max);
        parts.push(rest[..cut].trim_end().to_string());
        rest = rest[cut..].trim_start();
    }
    if !rest.is_empty() {
        parts.push(rest.to_string());
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_chars_not_bytes() {
        assert_eq!(fit("Adicionar ao carrinho", 20), "Adicionar ao carrin…");
        assert_eq!(fit("Ação", 20), "Ação");
        assert_eq!(fit("ççççç", 3).chars().count(), 3);
    }

    #[test]
    fn split_respects_the_limit_and_loses_nothing() {
        let text = "palavra ".repeat(1500);
        let parts = split_text(&text, TEXT_BODY);
        assert!(parts.len() >= 3);
        assert!(parts.iter().all(|p| p.chars().count() <= TEXT_BODY));
        assert_eq!(parts.join(" ").split_whitespace().count(), 1500);
    }
}
