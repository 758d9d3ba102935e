//! Where a plugin's text analysis runs: in the sandbox, or in the host.
//!
//! Reading a message — its [`Signals`], the store question it asks
//! ([`crate::lexicon::store::topic_with_evidence`]), its dialogue [`Reading`], its words in
//! the catalog's English ([`crate::lexicon::expand_query`]) and the brands it
//! names ([`crate::lexicon::brand_scores`]) — is most of
//! a turn's own code, and string scanning is what wasm does worst (about
//! 3× native here). Contract 0.2.1's `analysis` import runs the same SDK
//! code natively in the host. Inside a component, the export macros
//! ([`crate::export_seller!`], [`crate::export_router!`]) install the
//! import as the turn's [`Analyser`]; natively (tests, benches, the host
//! itself) none is installed and the SDK computes locally. Either way the
//! answer is the SDK's: only where it is computed changes.
//!
//! A refused call (the turn's host-call budget spent, a text longer than
//! the host analyses) falls back to the local computation, so the host
//! can never make a plugin read a message differently.

use std::cell::Cell;

use crate::dialogue::Reading;
use crate::dialogue::cues::Cue;
use crate::intent::Signals;
use crate::lexicon::BRANDS;
use crate::lexicon::store::{Evidence, Topic};
#[cfg(test)]
use crate::lexicon::{self, store};
use crate::text::Constraints;

/// Which analysis this SDK computes: its version and a digest of its and
/// the language crate's code and word lists (`build.rs`). A component uses
/// the host's analysis only when the host's `version` is this: a host of
/// another SDK would read a message differently than the plugin was
/// built and tested to.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "+",
    env!("AGENT_STORE_ANALYSIS_DIGEST")
);

/// Longest text (bytes) the host analyses; longer ones are read locally.
pub const MAX_HOST_TEXT: usize = 4096;

/// Longest language code (bytes) the host reads a message in.
pub const MAX_LANGUAGE: usize = 16;

/// A source of the SDK's text analysis other than the plugin's own code.
/// Each method returns `None` when it cannot answer (the caller then
/// computes locally).
pub trait Analyser: Sync {
    /// [`Signals::of`].
    fn signals(&self, text: &str) -> Option<Signals>;
    /// [`crate::lexicon::store::topic_with_evidence`].
    fn store_question(&self, text: &str) -> Option<Option<(Topic, Evidence)>>;
    /// [`Reading::of`].
    fn reading(&self, text: &str, lang: &str) -> Option<Reading>;
    /// [`crate::lexicon::expand_query`].
    fn expanded_query(&self, text: &str) -> Option<String>;
    /// [`crate::lexicon::brand_scores`].
    fn brand_scores(&self, text: &str) -> Option<Vec<(&'static str, f32)>>;
}

thread_local! {
    static INSTALLED: Cell<Option<&'static dyn Analyser>> = const { Cell::new(None) };
}

/// Make `analyser` the source of this thread's analysis (`None`: local).
pub fn install(analyser: Option<&'static dyn Analyser>) {
    INSTALLED.with(|a| a.set(analyser));
}

/// Ask the installed analyser, if any.
pub(crate) fn ask<R>(f: impl FnOnce(&dyn Analyser) -> Option<R>) -> Option<R> {
    INSTALLED.with(Cell::get).and_then(f)
}

/// The intents of a [`Signals`], by the names the contract uses.
/// One of a [`Signals`]'s flags.
type Flag = fn(&mut Signals) -> &mut bool;

const INTENTS: [(&str, Flag); 16] = [
    ("greeting", |s| &mut s.greeting),
    ("thanks", |s| &mut s.thanks),
    ("goodbye", |s| &mut s.goodbye),
    ("off-topic", |s| &mut s.off_topic),
    ("service", |s| &mut s.service),
    ("human", |s| &mut s.human),
    ("complaint", |s| &mut s.complaint),
    ("refund", |s| &mut s.refund),
    ("angry", |s| &mut s.angry),
    ("payment", |s| &mut s.payment),
    ("order-status", |s| &mut s.order_status),
    ("checkout", |s| &mut s.checkout),
    ("buy", |s| &mut s.buy),
    ("view-cart", |s| &mut s.view_cart),
    ("price-question", |s| &mut s.price_question),
    ("more", |s| &mut s.more),
];

/// `signals` as the contract's intent names and content words.
pub fn signals_to_wire(signals: &Signals) -> (Vec<String>, Vec<String>) {
    let mut s = signals.clone();
    let intents = INTENTS
        .iter()
        .filter(|(_, flag)| *flag(&mut s))
        .map(|(name, _)| (*name).to_owned())
        .collect();
    (intents, signals.content.clone())
}

/// The [`Signals`] of the contract's intent names (unknown names ignored)
/// and content words.
pub fn signals_from_wire(intents: &[String], content: Vec<String>) -> Signals {
    let mut s = Signals {
        content,
        ..Signals::default()
    };
    for name in intents {
        if let Some((_, flag)) = INTENTS.iter().find(|(n, _)| n == name) {
            *flag(&mut s) = true;
        }
    }
    s
}

/// A store question as the contract gives it: the topic's name and
/// whether a phrase (not only the question's shape) gave it.
pub fn store_question_to_wire(q: (Topic, Evidence)) -> (String, bool) {
    (q.0.as_str().to_owned(), q.1 == Evidence::Phrase)
}

/// The store question of the contract's topic name (an unknown topic is
/// none: this SDK has no answer for it).
pub fn store_question_from_wire(topic: &str, by_phrase: bool) -> Option<(Topic, Evidence)> {
    let evidence = if by_phrase {
        Evidence::Phrase
    } else {
        Evidence::Shape
    };
    Topic::parse(topic).map(|t| (t, evidence))
}

/// Brand scores as the contract carries them.
pub fn brand_scores_to_wire(scores: &[(&'static str, f32)]) -> Vec<(String, f32)> {
    scores.iter().map(|(b, s)| ((*b).to_owned(), *s)).collect()
}

/// The brand scores the contract carried, for the SDK's own brand
/// vocabularies (a brand this SDK has no vocabulary for is dropped).
pub fn brand_scores_from_wire(scores: Vec<(String, f32)>) -> Vec<(&'static str, f32)> {
    scores
        .into_iter()
        .filter_map(|(b, s)| BRANDS.iter().find(|l| l.brand == b).map(|l| (l.brand, s)))
        .collect()
}

/// A [`Reading`]'s fields, as the contract carries them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WireReading {
    pub terms: Vec<String>,
    pub content: Vec<String>,
    pub ordinals: Vec<i32>,
    pub quantity: Option<u64>,
    pub prices: Vec<i64>,
    pub max_price_minor: Option<i64>,
    pub min_price_minor: Option<i64>,
    pub color: Option<String>,
    pub size: Option<String>,
    pub cues: Vec<String>,
}

/// `reading` as the contract carries it.
pub fn reading_to_wire(reading: &Reading) -> WireReading {
    WireReading {
        terms: reading.terms.clone(),
        content: reading.content.clone(),
        ordinals: reading
            .ordinal
            .into_iter()
            .chain(reading.ordinal2)
            .collect(),
        quantity: reading.quantity,
        prices: reading.prices.clone(),
        max_price_minor: reading.constraints.max_price_minor,
        min_price_minor: reading.constraints.min_price_minor,
        color: reading.constraints.color.clone(),
        size: reading.constraints.size.clone(),
        cues: reading
            .cues()
            .iter()
            .map(|c| c.section().to_owned())
            .collect(),
    }
}

/// The [`Reading`] the contract carried (unknown cue names ignored).
pub fn reading_from_wire(w: WireReading) -> Reading {
    let mut ordinals = w.ordinals.into_iter();
    let mut r =
        Reading::default().with_cues(w.cues.iter().filter_map(|c| Cue::of_section(c)).collect());
    r.terms = w.terms;
    r.content = w.content;
    r.ordinal = ordinals.next();
    r.ordinal2 = ordinals.next();
    r.quantity = w.quantity;
    r.prices = w.prices;
    r.constraints = Constraints {
        max_price_minor: w.max_price_minor,
        min_price_minor: w.min_price_minor,
        color: w.color,
        size: w.size,
    };
    r
}

/// The contract's `analysis` import, inside a component.
#[cfg(target_arch = "wasm32")]
pub(crate) mod wasm {
    use super::*;
    use crate::bindings::seller::agent_store::plugin::analysis as import;

    use crate::bindings::seller::agent_store::plugin::types::HostError;

    /// The host's analysis through the `analysis` import.
    pub struct HostAnalyser;

    pub static HOST: HostAnalyser = HostAnalyser;

    thread_local! {
        /// The turn's host-call budget ran out: stop asking (every refused
        /// call counts towards a host-call flood), read locally instead.
        static SPENT: Cell<bool> = const { Cell::new(false) };
    }

    /// Whether to ask the host about `text` at all.
    fn worth_asking(text: &str) -> bool {
        text.len() <= MAX_HOST_TEXT && !SPENT.with(Cell::get)
    }

    /// The host's answer, or `None` (noting a spent budget).
    fn answered<T>(r: Result<T, HostError>) -> Option<T> {
        match r {
            Ok(t) => Some(t),
            Err(HostError::LimitExceeded(_)) => {
                SPENT.with(|s| s.set(true));
                None
            }
            Err(_) => None,
        }
    }

    impl Analyser for HostAnalyser {
        fn signals(&self, text: &str) -> Option<Signals> {
            if !worth_asking(text) {
                return None;
            }
            let s = answered(import::signals_of(text))?;
            Some(signals_from_wire(&s.intents, s.content))
        }

        fn store_question(&self, text: &str) -> Option<Option<(Topic, Evidence)>> {
            if !worth_asking(text) {
                return None;
            }
            let q = answered(import::store_question_of(text))?;
            Some(q.and_then(|q| store_question_from_wire(&q.topic, q.by_phrase)))
        }

        fn reading(&self, text: &str, lang: &str) -> Option<Reading> {
            if !worth_asking(text) {
                return None;
            }
            if lang.len() > MAX_LANGUAGE {
                return None;
            }
            let r = answered(import::reading_of(text, lang))?;
            Some(reading_from_wire(WireReading {
                terms: r.terms,
                content: r.content,
                ordinals: r.ordinals,
                quantity: r.quantity,
                prices: r.prices,
                max_price_minor: r.max_price_minor,
                min_price_minor: r.min_price_minor,
                color: r.color,
                size: r.size,
                cues: r.cues,
            }))
        }

        fn expanded_query(&self, text: &str) -> Option<String> {
            if !worth_asking(text) {
                return None;
            }
            answered(import::expanded_query_of(text))
        }

        fn brand_scores(&self, text: &str) -> Option<Vec<(&'static str, f32)>> {
            if !worth_asking(text) {
                return None;
            }
            import::brand_scores_of(text)
                .ok()
                .map(brand_scores_from_wire)
        }
    }
}

/// Install the `analysis` import for this turn when the host runs this
/// SDK's analysis ([`VERSION`]; the export macros call it first thing, a
/// component is one thread and one turn).
#[doc(hidden)]
pub fn install_host_analysis() {
    #[cfg(target_arch = "wasm32")]
    {
        use crate::bindings::seller::agent_store::plugin::analysis as import;
        let host: &'static dyn Analyser = &wasm::HOST;
        install(same_analysis(&import::version()).then_some(host));
    }
}

/// Whether a host whose analysis is `host_version` reads as this SDK does.
pub fn same_analysis(host_version: &str) -> bool {
    host_version == VERSION
}

#[cfg(test)]
mod tests {
    use super::*;

    const MESSAGES: &[&str] = &[
        "hi",
        "I want to talk to a human",
        "cadê meu pedido? quero cancelar, veio quebrado!!!",
        "quanto custa o segundo? quero 2 em azul até 300 reais",
        "¿hacen envíos a México? busco un portátil barato",
        "i was charged twise for the same order",
        "add the third one to my cart and checkout",
        "tem no tamanho M? mais opções por favor",
        "what are your opening hours",
        "compare the first and the second, R$ 49,90",
    ];

    #[test]
    fn only_the_same_analysis_is_taken_from_the_host() {
        assert!(same_analysis(VERSION));
        assert!(VERSION.starts_with(env!("CARGO_PKG_VERSION")));
        let digest = VERSION.rsplit('+').next().unwrap_or_default();
        assert_eq!(digest.len(), 16, "{VERSION}");
        assert!(
            !same_analysis(""),
            "a host over its budget answers no version"
        );
        let other = format!("{}+0000000000000000", env!("CARGO_PKG_VERSION"));
        assert!(!same_analysis(&other));
    }

    #[test]
    fn signals_cross_the_contract_unchanged() {
        for m in MESSAGES {
            let s = Signals::of(m);
            let (intents, content) = signals_to_wire(&s);
            assert_eq!(signals_from_wire(&intents, content), s, "{m}");
        }
        // Every flag has a name: a flag left out would be lost. (Listed
        // without `..`, so a new flag does not compile until it is here.)
        let all = Signals {
            greeting: true,
            thanks: true,
            goodbye: true,
            off_topic: true,
            service: true,
            human: true,
            complaint: true,
            refund: true,
            angry: true,
            payment: true,
            order_status: true,
            checkout: true,
            buy: true,
            view_cart: true,
            price_question: true,
            more: true,
            content: vec!["word".into()],
        };
        let (intents, content) = signals_to_wire(&all);
        assert_eq!(signals_from_wire(&intents, content), all);
        let unknown = signals_from_wire(&["sarcasm".into()], vec![]);
        assert_eq!(unknown, Signals::default());
    }

    #[test]
    fn store_questions_and_readings_cross_the_contract_unchanged() {
        let mut topics = 0;
        for m in MESSAGES {
            if let Some(q) = store::topic_with_evidence(m) {
                topics += 1;
                let (name, by_phrase) = store_question_to_wire(q);
                assert_eq!(store_question_from_wire(&name, by_phrase), Some(q), "{m}");
            }
            for lang in ["en", "pt", "es"] {
                let r = Reading::of(m, lang);
                assert_eq!(reading_from_wire(reading_to_wire(&r)), r, "{m} ({lang})");
            }
        }
        assert!(topics >= 3, "the corpus asks store questions");
        for m in MESSAGES
            .iter()
            .chain(&["quero um teclado mecânico rgb e um batom vermelho"])
        {
            let scores = lexicon::brand_scores(m);
            assert_eq!(
                brand_scores_from_wire(brand_scores_to_wire(&scores)),
                scores,
                "{m}"
            );
        }
        assert!(brand_scores_from_wire(vec![("pets".into(), 1.0)]).is_empty());
        assert_eq!(store_question_from_wire("weather", true), None);
    }

    /// An analyser that answers every call with a marker, to see that the
    /// SDK's entry points ask it and keep its answer.
    struct Marker;

    impl Analyser for Marker {
        fn signals(&self, _: &str) -> Option<Signals> {
            Some(Signals {
                content: vec!["from-the-host".into()],
                ..Signals::default()
            })
        }
        fn store_question(&self, text: &str) -> Option<Option<(Topic, Evidence)>> {
            // Declines the opening hours, answers anything else "hours".
            (!text.contains("opening")).then_some(Some((Topic::Hours, Evidence::Shape)))
        }
        fn expanded_query(&self, text: &str) -> Option<String> {
            (text == "ask the host").then(|| "from-the-host".into())
        }
        fn brand_scores(&self, text: &str) -> Option<Vec<(&'static str, f32)>> {
            (text == "ask the host").then(|| vec![(BRANDS[0].brand, 9.0)])
        }
        fn reading(&self, _: &str, lang: &str) -> Option<Reading> {
            (lang == "pt").then(|| {
                let mut r = Reading::default();
                r.terms = vec!["from-the-host".into()];
                r
            })
        }
    }

    static MARKER: Marker = Marker;

    #[test]
    fn an_installed_analyser_answers_and_a_declined_call_is_read_locally() {
        install(Some(&MARKER));
        let signals = Signals::of("a text only this test uses, hi");
        let topic = store::topic_with_evidence("shipping to lisbon? a text only this test uses");
        let reading = Reading::of("a text only this test uses", "pt");
        let declined_topic = store::topic_with_evidence("what are your opening hours? (this test)");
        let declined_reading = Reading::of("quero o segundo", "en");
        let expanded = lexicon::expand_query("ask the host");
        let scores = lexicon::brand_scores("ask the host");
        let expanded_here = lexicon::expand_query("zapatillas negras");
        install(None);
        assert_eq!(expanded, "from-the-host");
        assert_eq!(scores, vec![(BRANDS[0].brand, 9.0)]);
        assert!(expanded_here.contains("sneakers"), "{expanded_here}");
        assert_eq!(signals.content, vec!["from-the-host".to_owned()]);
        assert_eq!(topic, Some((Topic::Hours, Evidence::Shape)));
        assert_eq!(reading.terms, vec!["from-the-host".to_owned()]);
        // Declined: the SDK's own answer.
        assert_eq!(declined_topic, Some((Topic::Hours, Evidence::Phrase)));
        assert_eq!(declined_reading.ordinal, Some(2));
        // Uninstalled: local again.
        assert!(Signals::of("hi there").greeting);
    }
}
