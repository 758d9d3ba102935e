//! [`Recorded`]: any interface's host side, recorded or replayed.
//!
//! Every capability links its interface with `Recorded<ItsView>` as the
//! linker's data, so each import function goes through [`recorded!`]: when
//! the turn's [`Tape`] is on, it either records the call's arguments and
//! answer (a live turn) or answers from a recording (`agent-store replay`)
//! without running the host side at all — no catalog, no database, no
//! LLM, no network. The impls are generic over the view, so a capability
//! gets recording by wrapping its view, and an import added to the WIT
//! later cannot be linked without its line here (the bindgen trait demands
//! it), so it is recorded and replayed like the others.

use serde_json::Value;

use crate::interfaces::{analysis, catalog, config, conversation, llm, log, orders, routing};
use crate::tape::Tape;
use crate::wit::{self, HostError};

/// A capability's view, with the turn's tape.
pub struct Recorded<V> {
    tape: Tape,
    view: V,
}

impl<V> Recorded<V> {
    /// `view` recorded on (or replayed from) `tape`.
    pub fn new(tape: Tape, view: V) -> Self {
        Self { tape, view }
    }
}

/// One import function: off → the view runs it; recording → the view runs
/// it and the call is kept; replaying → answered from the recording.
macro_rules! recorded {
    (@call $this:ident, $name:literal, $trait:path, $method:ident($($arg:ident),*) as $ret:ty) => {{
        if !$this.tape.is_on() {
            return <V as $trait>::$method(&mut $this.view, $($arg),*).await;
        }
        let args = serde_json::to_value(($(&$arg,)*)).unwrap_or(Value::Null);
        if $this.tape.replaying_now() {
            return $this.tape.answer::<$ret>($name, args);
        }
        let answer = <V as $trait>::$method(&mut $this.view, $($arg),*).await;
        $this.tape.record($name, args, &answer);
        answer
    }};
    ($name:literal, $trait:path, fn $method:ident($($arg:ident : $ty:ty),*) -> $ret:ty) => {
        async fn $method(&mut self, $($arg: $ty),*) -> $ret {
            recorded!(@call self, $name, $trait, $method($($arg),*) as $ret)
        }
    };
    // A pure function of its arguments (the host's `analysis`): replayed
    // from the recording when it has the call, else computed — a candidate
    // built against a newer contract than the recording's asks for it, and
    // the answer cannot differ from what a recording would hold.
    (pure $name:literal, $trait:path, fn $method:ident($($arg:ident : $ty:ty),*) -> $ret:ty) => {
        async fn $method(&mut self, $($arg: $ty),*) -> $ret {
            if self.tape.is_on() && self.tape.replaying_now() {
                let args = serde_json::to_value(($(&$arg,)*)).unwrap_or(Value::Null);
                if let Some(answer) = self.tape.recorded_answer::<$ret>($name, &args) {
                    return answer;
                }
                return <V as $trait>::$method(&mut self.view, $($arg),*).await;
            }
            recorded!(@call self, $name, $trait, $method($($arg),*) as $ret)
        }
    };
    ($name:literal, $trait:path, fn $method:ident($($arg:ident : $ty:ty),*)) => {
        async fn $method(&mut self, $($arg: $ty),*) {
            recorded!(@call self, $name, $trait, $method($($arg),*) as ())
        }
    };
}

impl<V: catalog::Host> catalog::Host for Recorded<V> {
    recorded!("catalog.search", catalog::Host,
        fn search(query: wit::SearchQuery) -> Result<Vec<wit::ScoredProduct>, HostError>);
    recorded!("catalog.get", catalog::Host,
        fn get(id: String) -> Result<Option<wit::Product>, HostError>);
    recorded!("catalog.recommend", catalog::Host,
        fn recommend(product_id: String, kind: wit::RecommendationKind, limit: u32)
            -> Result<Vec<wit::Recommendation>, HostError>);
}

impl<V: llm::Host> llm::Host for Recorded<V> {
    recorded!("llm.chat", llm::Host,
        fn chat(request: wit::ChatRequest) -> Result<wit::ChatResponse, HostError>);
}

impl<V: orders::Host> orders::Host for Recorded<V> {
    recorded!("orders.get-cart", orders::Host,
        fn get_cart() -> Result<wit::Cart, HostError>);
    recorded!("orders.recent", orders::Host,
        fn recent(limit: u32) -> Result<Vec<wit::OrderSummary>, HostError>);
}

impl<V: conversation::Host> conversation::Host for Recorded<V> {
    recorded!("conversation.history", conversation::Host,
        fn history(limit: u32) -> Vec<wit::HistoryEntry>);
    recorded!("conversation.get-state", conversation::Host,
        fn get_state(key: String) -> Option<String>);
    recorded!("conversation.set-state", conversation::Host,
        fn set_state(key: String, value: String) -> Result<(), HostError>);
}

impl<V: config::Host> config::Host for Recorded<V> {
    recorded!("config.get", config::Host,
        fn get(key: String) -> Option<String>);
    recorded!("config.prompt", config::Host,
        fn prompt() -> String);
}

impl<V: log::Host> log::Host for Recorded<V> {
    recorded!("log", log::Host,
        fn log(level: wit::Level, message: String));
}

/// Recorded like the others; replayed from the recording, or computed when
/// the recording lacks the call (see `pure` above).
impl<V: analysis::Host> analysis::Host for Recorded<V> {
    recorded!(pure "analysis.version", analysis::Host,
        fn version() -> String);
    recorded!(pure "analysis.signals-of", analysis::Host,
        fn signals_of(text: String) -> Result<analysis::Signals, HostError>);
    recorded!(pure "analysis.store-question-of", analysis::Host,
        fn store_question_of(text: String) -> Result<Option<analysis::StoreQuestion>, HostError>);
    recorded!(pure "analysis.reading-of", analysis::Host,
        fn reading_of(text: String, language: String) -> Result<analysis::Reading, HostError>);
    recorded!(pure "analysis.expanded-query-of", analysis::Host,
        fn expanded_query_of(text: String) -> Result<String, HostError>);
    recorded!(pure "analysis.brand-scores-of", analysis::Host,
        fn brand_scores_of(text: String) -> Result<Vec<(String, f32)>, HostError>);
}

impl<V: routing::Host> routing::Host for Recorded<V> {
    recorded!("routing.brands", routing::Host,
        fn brands() -> Vec<wit::BrandProfile>);
    recorded!("routing.match-text", routing::Host,
        fn match_text(text: String, limit: u32) -> Vec<wit::BrandMatch>);
}

#[cfg(test)]
mod tests {
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    use super::*;

    /// A `config` host side that counts the calls it runs.
    struct Counting {
        calls: u32,
    }

    impl config::Host for Counting {
        async fn get(&mut self, key: String) -> Option<String> {
            self.calls += 1;
            Some(format!("value of {key}"))
        }

        async fn prompt(&mut self) -> String {
            self.calls += 1;
            "persona".into()
        }
    }

    /// The host sides here never wait: one poll finishes them.
    fn ready<F: Future>(f: F) -> F::Output {
        let mut f = pin!(f);
        match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(v) => v,
            Poll::Pending => panic!("a host side under test waited"),
        }
    }

    #[test]
    fn records_live_answers_and_replays_them_without_the_view() {
        let tape = Tape::recording(1 << 16);
        let mut live = Recorded::new(tape.clone(), Counting { calls: 0 });
        let answer = ready(config::Host::get(&mut live, "greeting".into()));
        assert_eq!(answer.as_deref(), Some("value of greeting"));
        assert_eq!(live.view.calls, 1);
        let (calls, overflowed) = tape.take_calls();
        assert!(!overflowed);
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].function, "config.get");
        assert_eq!(calls[0].args, serde_json::json!(["greeting"]));

        let tape = Tape::replaying(calls);
        let mut replay = Recorded::new(tape.clone(), Counting { calls: 0 });
        let answer = ready(config::Host::get(&mut replay, "greeting".into()));
        assert_eq!(answer.as_deref(), Some("value of greeting"));
        assert_eq!(ready(config::Host::prompt(&mut replay)), "");
        assert_eq!(replay.view.calls, 0, "a replay never runs the host side");
        let missing = tape.take_unanswered();
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert_eq!(missing[0].function, "config.prompt");
    }

    /// An `analysis` host side that answers every call with a count.
    struct Reader {
        calls: u32,
    }

    impl analysis::Host for Reader {
        async fn version(&mut self) -> String {
            "test".into()
        }
        async fn signals_of(&mut self, text: String) -> Result<analysis::Signals, HostError> {
            self.calls += 1;
            Ok(analysis::Signals {
                intents: vec![format!("call {}", self.calls)],
                content: vec![text],
            })
        }
        async fn store_question_of(
            &mut self,
            _: String,
        ) -> Result<Option<analysis::StoreQuestion>, HostError> {
            self.calls += 1;
            Ok(None)
        }
        async fn reading_of(
            &mut self,
            _: String,
            _: String,
        ) -> Result<analysis::Reading, HostError> {
            Err(HostError::Unavailable("not in this test".into()))
        }
        async fn expanded_query_of(&mut self, text: String) -> Result<String, HostError> {
            Ok(text)
        }
        async fn brand_scores_of(&mut self, _: String) -> Result<Vec<(String, f32)>, HostError> {
            Ok(Vec::new())
        }
    }

    #[test]
    fn an_analysis_the_recording_lacks_is_computed_not_a_difference() {
        let tape = Tape::recording(1 << 16);
        let mut live = Recorded::new(tape.clone(), Reader { calls: 0 });
        let recorded = ready(analysis::Host::signals_of(&mut live, "hi".into()));
        let (calls, _) = tape.take_calls();
        assert_eq!(calls[0].function, "analysis.signals-of");

        let tape = Tape::replaying(calls);
        let mut replay = Recorded::new(tape.clone(), Reader { calls: 10 });
        // Recorded: the recording's answer, the view not asked.
        let again = ready(analysis::Host::signals_of(&mut replay, "hi".into()));
        let intents = |r: Result<analysis::Signals, HostError>| r.ok().map(|s| s.intents);
        assert_eq!(intents(again), intents(recorded));
        assert_eq!(replay.view.calls, 10);
        // Not recorded (a candidate of a newer contract asks more): computed.
        let computed = ready(analysis::Host::signals_of(&mut replay, "bye".into()));
        assert_eq!(intents(computed), Some(vec!["call 11".to_string()]));
        assert!(
            tape.take_unanswered().is_empty(),
            "a computed analysis is no difference"
        );
        // Any other import the recording lacks still is one.
        let _ = ready(orders::Host::get_cart(&mut Recorded::new(
            tape.clone(),
            NoOrders,
        )));
        assert_eq!(tape.take_unanswered().len(), 1);
    }

    struct NoOrders;

    impl orders::Host for NoOrders {
        async fn get_cart(&mut self) -> Result<wit::Cart, HostError> {
            Err(HostError::Unavailable("no".into()))
        }
        async fn recent(&mut self, _: u32) -> Result<Vec<wit::OrderSummary>, HostError> {
            Ok(Vec::new())
        }
    }

    #[test]
    fn with_the_tape_off_the_view_answers_alone() {
        let mut off = Recorded::new(Tape::default(), Counting { calls: 0 });
        assert_eq!(ready(config::Host::prompt(&mut off)), "persona");
        assert_eq!(off.view.calls, 1);
        assert!(off.tape.take_calls().0.is_empty());
    }
}
