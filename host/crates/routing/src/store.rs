//! The store's own answers to store-level questions (shipping, delivery
//! times, returns, payments, double charges, opening hours), from a policy
//! text per language the store edits: `prompts/store/<lang>.md`, one
//! `## <topic>` section per topic (`shipping`, `delivery`, `returns`,
//! `payments`, `double-charge`, `hours`, `warranty`, `discounts`). Re-read
//! when the file changes.
//!
//! A topic the text does not cover, and a double charge, also go to a
//! person (the answer says so).

use crate::llm::Prompts;

/// What the store does with a store-level question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreAnswer {
    /// The text to send.
    pub body: String,
    /// Whether a person must follow up.
    pub escalate: bool,
}

/// The store policy texts.
#[derive(Debug, Clone)]
pub struct StorePolicy {
    texts: Prompts,
}

/// Topics a person must always look at, whatever the text says.
const ALWAYS_ESCALATE: &[&str] = &["double-charge"];

impl StorePolicy {
    /// Policy texts from `prompts/store/`.
    pub fn new(prompts: &Prompts) -> Self {
        Self {
            texts: prompts.nested("store"),
        }
    }

    /// The answer to a `topic` question in `language` (falls back to
    /// English, then to a hand-over to a person).
    pub fn answer(&self, topic: &str, language: &str) -> StoreAnswer {
        let section = [language, "en"]
            .iter()
            .filter(|l| !l.is_empty())
            .find_map(|l| self.texts.get(l).and_then(|t| section(&t, topic)));
        match section {
            Some(body) => StoreAnswer {
                body,
                escalate: ALWAYS_ESCALATE.contains(&topic),
            },
            None => {
                tracing::warn!(
                    topic,
                    language,
                    "no store policy text for this topic: a person will answer"
                );
                StoreAnswer {
                    body: fallback(language).to_string(),
                    escalate: true,
                }
            }
        }
    }
}

/// The text under `## <topic>` (up to the next `## `), trimmed.
pub fn section(text: &str, topic: &str) -> Option<String> {
    let mut out: Option<Vec<&str>> = None;
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            if out.is_some() {
                break;
            }
            if heading.trim().eq_ignore_ascii_case(topic) {
                out = Some(Vec::new());
            }
            continue;
        }
        if let Some(lines) = out.as_mut() {
            lines.push(line);
        }
    }
    let body = out?.join("\n").trim().to_string();
    (!body.is_empty()).then_some(body)
}

fn fallback(language: &str) -> &'static str {
    match language {
        "pt" => {
            "Boa pergunta! Vou passar para uma pessoa da nossa equipe, que responde por aqui em breve."
        }
        "es" => {
            "¡Buena pregunta! Se la paso a una persona de nuestro equipo, que le responderá por aquí en breve."
        }
        _ => "Good question! I'm passing it to a person on our team, who will answer here shortly.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_sections_and_falls_back() {
        let text = "# Store\n\n## shipping\nWe ship everywhere.\n\nFree over $50.\n## hours\nAlways open.\n";
        assert_eq!(
            section(text, "shipping").as_deref(),
            Some("We ship everywhere.\n\nFree over $50.")
        );
        assert_eq!(section(text, "hours").as_deref(), Some("Always open."));
        assert_eq!(section(text, "returns"), None);
        let map = [("en".to_string(), text.to_string())].into_iter().collect();
        let policy = StorePolicy {
            texts: Prompts::fixed(map),
        };
        let a = policy.answer("shipping", "es");
        assert_eq!(a.body, "We ship everywhere.\n\nFree over $50.");
        assert!(!a.escalate);
        let a = policy.answer("returns", "pt");
        assert!(a.escalate);
        assert!(a.body.contains("equipe"));
    }

    /// The store's shipped policy texts answer every topic the router
    /// recognises, in each language (none falls back to a person).
    #[test]
    fn shipped_texts_cover_every_topic() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../prompts/store");
        for lang in ["en", "pt", "es"] {
            let text =
                std::fs::read_to_string(dir.join(format!("{lang}.md"))).expect("policy text");
            for topic in agent_store_sdk::lexicon::store::ALL {
                assert!(
                    section(&text, topic.as_str()).is_some_and(|s| !s.is_empty()),
                    "{lang}.md has no `## {}`",
                    topic.as_str()
                );
            }
        }
    }
}
