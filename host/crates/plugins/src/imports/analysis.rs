//! The `analysis` interface (0.2.1): the SDK's text analysis of a
//! customer's words, run natively here so a guest does not repeat it in
//! the sandbox (`agent_store_sdk::analysis`). The answers are the SDK's
//! own, converted to the contract's names; a text longer than
//! [`MAX_HOST_TEXT`] is refused, and the time an analysis takes is charged
//! to the guest's CPU budget (its clock keeps running), so a guest cannot
//! spend the host's CPU beyond its own limit through this interface.

use super::*;
use agent_store_sdk::analysis::{self as sdk, MAX_HOST_TEXT, MAX_LANGUAGE};
use agent_store_sdk::dialogue::Reading;
use agent_store_sdk::intent::Signals;
use agent_store_sdk::lexicon::{self, store};
use agent_store_wit::Recorded;
use agent_store_wit::interfaces::analysis as analysis_if;
use wasmtime::component::HasData;

/// The linker's [`HasData`] for the `analysis` interface.
pub struct HasAnalysis;

impl HasData for HasAnalysis {
    type Data<'a> = Recorded<&'a mut PluginState>;
}

/// What one `analysis` call runs on: the turn's state, recorded.
pub fn host(state: &mut PluginState) -> Recorded<&mut PluginState> {
    Recorded::new(state.gate.tape(), state)
}

/// Link the `analysis` interface.
pub fn add_to_linker(linker: &mut Linker<PluginState>) -> wasmtime::Result<()> {
    analysis_if::add_to_linker::<PluginState, HasAnalysis>(linker, host)
}

impl PluginState {
    /// Count the call (on the guest's CPU clock: the analysis is the
    /// guest's own work, [`TurnGate::enter_on_guest_time`]) and bound its
    /// text.
    fn analysing(&mut self, name: &'static str, text: &str) -> Result<tracing::Span, HostError> {
        let call = self.gate.enter_on_guest_time(name)?;
        if text.len() > MAX_HOST_TEXT {
            return Err(HostError::Invalid(format!(
                "{name}: texts of up to {MAX_HOST_TEXT} bytes are analysed by the host; this one has {}",
                text.len()
            )));
        }
        Ok(call)
    }
}

impl analysis_if::Host for PluginState {
    async fn version(&mut self) -> String {
        // Over budget: no version, so the guest reads locally.
        match self.gate.enter_on_guest_time("analysis.version") {
            Ok(_span) => sdk::VERSION.to_owned(),
            Err(_) => String::new(),
        }
    }

    async fn signals_of(&mut self, text: String) -> Result<analysis_if::Signals, HostError> {
        let _span = self.analysing("analysis.signals-of", &text)?;
        let (intents, content) = sdk::signals_to_wire(&Signals::of(&text));
        Ok(analysis_if::Signals { intents, content })
    }

    async fn store_question_of(
        &mut self,
        text: String,
    ) -> Result<Option<analysis_if::StoreQuestion>, HostError> {
        let _span = self.analysing("analysis.store-question-of", &text)?;
        Ok(store::topic_with_evidence(&text).map(|q| {
            let (topic, by_phrase) = sdk::store_question_to_wire(q);
            analysis_if::StoreQuestion { topic, by_phrase }
        }))
    }

    async fn reading_of(
        &mut self,
        text: String,
        language: String,
    ) -> Result<analysis_if::Reading, HostError> {
        let _span = self.analysing("analysis.reading-of", &text)?;
        if language.len() > MAX_LANGUAGE {
            return Err(HostError::Invalid(format!(
                "analysis.reading-of: a language is a short code (\"en\", \"pt\"), not {} bytes",
                language.len()
            )));
        }
        let r = sdk::reading_to_wire(&Reading::of(&text, &language));
        Ok(analysis_if::Reading {
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
        })
    }

    async fn expanded_query_of(&mut self, text: String) -> Result<String, HostError> {
        let _span = self.analysing("analysis.expanded-query-of", &text)?;
        Ok(lexicon::expand_query(&text))
    }

    async fn brand_scores_of(&mut self, text: String) -> Result<Vec<(String, f32)>, HostError> {
        let _span = self.analysing("analysis.brand-scores-of", &text)?;
        Ok(sdk::brand_scores_to_wire(&lexicon::brand_scores(&text)))
    }
}
