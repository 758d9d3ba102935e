//! What logs may show of personal and user-supplied values.
//!
//! - [`phone`]: a customer's phone number / wa_id / recipient, masked
//!   (`5511999990001` → `+55•••••••0001`): enough to tell numbers apart in
//!   an incident, not enough to contact anyone. Every log line that carries
//!   one goes through it.
//! - [`text`] and [`name`]: user-supplied strings with control characters
//!   escaped (`\n` → `\\n`), so a value can never start a forged log line in
//!   the human-readable format, and capped in length.
//!
//! Both are `Display` wrappers: `tracing::info!(to = %mask::phone(&to), ...)`.

use std::fmt::{self, Display, Write as _};

/// The longest user-supplied text logged, in characters.
pub const TEXT_MAX: usize = 256;
/// The longest sign-in or account name logged, in characters.
pub const NAME_MAX: usize = 64;

/// A phone number as logs show it: the country-code prefix (first two
/// digits) and the last four, the rest masked one `•` per character.
pub fn phone(number: &str) -> Phone<'_> {
    Phone(number)
}

/// User-supplied text, escaped and capped at [`TEXT_MAX`] characters.
pub fn text(value: &str) -> Text<'_> {
    Text {
        value,
        max: TEXT_MAX,
    }
}

/// A sign-in or account name, escaped and capped at [`NAME_MAX`].
pub fn name(value: &str) -> Text<'_> {
    Text {
        value,
        max: NAME_MAX,
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Phone<'a>(&'a str);

impl Display for Phone<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let raw = self.0.trim();
        let (plus, body) = match raw.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (
                raw.bytes().all(|b| b.is_ascii_digit()) && !raw.is_empty(),
                raw,
            ),
        };
        let chars: Vec<char> = body.chars().take(TEXT_MAX).collect();
        let n = chars.len();
        // Long enough: prefix 2 + suffix 4, at least two masked. Shorter
        // (test ids, truncated junk): only a little of the end shows.
        let (head, tail) = if n >= 8 { (2, 4) } else { (0, n / 3) };
        if plus {
            f.write_char('+')?;
        }
        for (i, c) in chars.iter().enumerate() {
            if i < head || i >= n - tail {
                write_escaped(f, *c)?;
            } else {
                f.write_char('•')?;
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    value: &'a str,
    max: usize,
}

impl Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut shown = 0;
        for c in self.value.chars().take(self.max) {
            write_escaped(f, c)?;
            shown += 1;
        }
        let rest = self.value.chars().count() - shown;
        if rest > 0 {
            write!(f, "…(+{rest} chars)")?;
        }
        Ok(())
    }
}

/// Control characters (and `\` itself, so an escape stays unambiguous) as
/// Rust escapes; everything else, accents included, as is.
fn write_escaped(f: &mut fmt::Formatter<'_>, c: char) -> fmt::Result {
    if c.is_control() || c == '\\' || is_invisible_format(c) {
        for e in c.escape_default() {
            f.write_char(e)?;
        }
        Ok(())
    } else {
        f.write_char(c)
    }
}

/// Bidi overrides and line/paragraph separators: not `is_control`, but they
/// can reorder or break what a terminal shows.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_keep_the_country_code_and_the_last_four() {
        assert_eq!(phone("5511999990001").to_string(), "+55•••••••0001");
        assert_eq!(phone("+5511999990001").to_string(), "+55•••••••0001");
        assert_eq!(phone("15550001").to_string(), "+15••0001");
        assert_eq!(phone("123").to_string(), "+••3");
        assert_eq!(phone("").to_string(), "");
        // Not a number (a BSUID, or junk sent as a sender id): masked the
        // same way, escaped, no '+'.
        let junk = phone("5511' OR 1=1;--\n<script>");
        let shown = junk.to_string();
        assert!(
            !shown.contains('\n') && shown.starts_with("55") && shown.ends_with("ipt>"),
            "{shown}"
        );
        assert!(!shown.contains("OR 1=1"), "{shown}");
    }

    #[test]
    fn text_escapes_control_characters_and_is_capped() {
        let forged = "bob\n2026-01-01T00:00:00Z  INFO signed in user=admin";
        let shown = text(forged).to_string();
        assert!(!shown.contains('\n'), "{shown}");
        assert!(shown.starts_with("bob\\n2026"), "{shown}");
        assert_eq!(text("José\\n").to_string(), "José\\\\n");
        assert_eq!(text("a\r\tb\u{1b}[31m").to_string(), "a\\r\\tb\\u{1b}[31m");
        assert_eq!(text("x\u{202e}y").to_string(), "x\\u{202e}y");
        let long = "a".repeat(NAME_MAX + 10);
        let shown = name(&long).to_string();
        assert_eq!(shown, format!("{}…(+10 chars)", "a".repeat(NAME_MAX)));
    }
}
