//! A summary of a conversation for the rep who takes it: the LLM's when one
//! is configured, otherwise extractive (the customer's most telling lines,
//! the seller's note and the cart).

use crate::chat::{HistoryEntry, Speaker};
use crate::llm::{Llm, Role};
use crate::orders::Cart;

const MAX_LINES: usize = 4;
const MAX_LINE_CHARS: usize = 160;
const MAX_CHARS: usize = 1000;

/// The LLM's summary, or the extractive one when there is no LLM or it fails.
pub async fn summarise(
    llm: &Llm,
    brand: Option<&str>,
    history: &[HistoryEntry],
    note: &str,
    cart: &Cart,
) -> String {
    if llm.is_available() && !history.is_empty() {
        let transcript = history
            .iter()
            .map(|h| format!("{}: {}", h.speaker.as_str(), h.text))
            .collect::<Vec<_>>()
            .join("\n");
        let prompt = vec![
            (
                Role::System,
                "You brief a human sales rep taking over a WhatsApp conversation from an AI seller. \
                 In at most three short sentences, say what the customer wants, what was offered, \
                 and what is blocking. No greetings."
                    .to_string(),
            ),
            (
                Role::User,
                format!("Seller's note: {note}\nCart: {}\n\n{transcript}", cart_line(cart)),
            ),
        ];
        // Counted in the brand's daily LLM budget.
        match llm.chat_for(brand, &prompt).await {
            Ok(s) => return truncate(s.trim(), MAX_CHARS),
            Err(e) => tracing::warn!(error = %e, "LLM summary failed: using the extractive one"),
        }
    }
    extractive(history, note, cart)
}

/// The customer's most informative lines (in order), the seller's last
/// answer, the note and the cart.
pub fn extractive(history: &[HistoryEntry], note: &str, cart: &Cart) -> String {
    let customer: Vec<(usize, &HistoryEntry)> = history
        .iter()
        .enumerate()
        .filter(|(_, h)| h.speaker == Speaker::Customer && !h.text.trim().is_empty())
        .collect();
    let mut scored: Vec<(f32, usize, &HistoryEntry)> = customer
        .iter()
        .enumerate()
        .map(|(rank, (i, h))| (informativeness(&h.text, rank, customer.len()), *i, *h))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    // Lines that say nothing ("hi") go, unless nothing else was said.
    if scored.first().is_some_and(|s| s.0 > 0.0) {
        scored.retain(|s| s.0 > 0.0);
    }
    scored.truncate(MAX_LINES);
    scored.sort_by_key(|(_, i, _)| *i);
    let mut out = Vec::new();
    if !scored.is_empty() {
        let lines = scored
            .iter()
            .map(|(_, _, h)| {
                format!(
                    "\u{201c}{}\u{201d}",
                    truncate(h.text.trim(), MAX_LINE_CHARS)
                )
            })
            .collect::<Vec<_>>()
            .join(" … ");
        out.push(format!("Customer: {lines}"));
    }
    if let Some(last) = history
        .iter()
        .rev()
        .find(|h| h.speaker == Speaker::Assistant && !h.text.trim().is_empty())
    {
        out.push(format!(
            "Last AI reply: \u{201c}{}\u{201d}",
            truncate(last.text.trim(), MAX_LINE_CHARS)
        ));
    }
    if !note.trim().is_empty() {
        out.push(format!("Seller's note: {}", truncate(note.trim(), 300)));
    }
    out.push(format!("Cart: {}", cart_line(cart)));
    truncate(&out.join("\n"), MAX_CHARS)
}

/// How much a customer line says: length (saturating), numbers, questions,
/// negations and money words, with a bonus for recent lines.
fn informativeness(text: &str, rank: usize, total: usize) -> f32 {
    let lower = text.to_lowercase();
    let words = lower.split_whitespace().count() as f32;
    let mut score = words.min(25.0) / 25.0;
    if lower.chars().any(|c| c.is_ascii_digit()) {
        score += 0.4;
    }
    if lower.contains('?') {
        score += 0.3;
    }
    const SIGNALS: &[&str] = &[
        "not",
        "no ",
        "never",
        "broken",
        "problem",
        "refund",
        "cancel",
        "wrong",
        "late",
        "price",
        "pay",
        "order",
        "deliver",
        "person",
        "human",
        "agent",
        "manager",
        "não",
        "problema",
        "reembolso",
        "pedido",
        "entrega",
        "pagamento",
        "preço",
        "atendente",
        "humano",
        "envío",
        "pago",
        "precio",
        "agente",
    ];
    score += SIGNALS.iter().filter(|s| lower.contains(*s)).count().min(3) as f32 * 0.3;
    // Greetings say little.
    if words <= 2.0 {
        score -= 0.3;
    }
    score + 0.3 * (rank + 1) as f32 / total.max(1) as f32
}

fn cart_line(cart: &Cart) -> String {
    if cart.lines.is_empty() {
        return "empty".into();
    }
    let items = cart
        .lines
        .iter()
        .map(|l| format!("{} × {}", l.quantity, l.title))
        .collect::<Vec<_>>()
        .join(", ");
    format!("{} ({items})", cart.subtotal)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push('…');
    t
}
