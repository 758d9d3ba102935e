//! Discounts a seller offers in its own words: "40% off", "20% de
//! desconto", "descuento del 15 %", "a 10 percent discount". The contract
//! has no discount action, so an offer in the text is the seller's
//! discount intent; the policy checks it against the brand's maximum.

use agent_store_lang::text;

/// Words that make a percentage a discount (folded, en/pt/es).
const DISCOUNT_WORDS: &[&str] = &[
    "off",
    "discount",
    "discounts",
    "discounted",
    "desconto",
    "descontos",
    "descuento",
    "descuentos",
    "rebaja",
    "rebajas",
    "promo",
    "cupom",
    "cupon",
    "coupon",
];

/// How many words either side of the percentage may hold the discount word.
const REACH: usize = 4;

/// The percentages `text` offers as discounts, in order (each once).
pub fn offered(text_in: &str) -> Vec<u32> {
    // "40%" normalises to "40" (the sign is punctuation): mark it first.
    let marked = text_in.replace('%', " pct ").replace("percent", " pct ");
    let words = text::tokenize(&marked);
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w != "pct" || i == 0 {
            continue;
        }
        let Ok(percent) = words[i - 1].parse::<u32>() else {
            continue;
        };
        let from = i.saturating_sub(REACH + 1);
        let to = (i + 1 + REACH).min(words.len());
        let near = words[from..to]
            .iter()
            .any(|w| DISCOUNT_WORDS.contains(&w.as_str()));
        if near && (1..=100).contains(&percent) && !out.contains(&percent) {
            out.push(percent);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offers_in_three_languages_and_not_other_percentages() {
        assert_eq!(offered("Special for you: 40% off the laptop!"), [40]);
        assert_eq!(offered("Te doy un descuento del 15 % hoy"), [15]);
        assert_eq!(offered("Ganhe 20% de desconto, ou 5% OFF no pix"), [20, 5]);
        assert_eq!(offered("a 10 percent discount"), [10]);
        assert!(offered("Battery at 100% in 2 hours, 30% lighter").is_empty());
        assert!(offered("No discount today, sorry").is_empty());
    }
}
