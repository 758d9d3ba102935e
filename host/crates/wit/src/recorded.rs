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

impl<V: analysis::Host> analysis::Host for Recorded<V> {
    recorded!("analysis.signals-of", analysis::Host,
        fn signals_of(text: String) -> Result<analysis::Signals, HostError>);
    recorded!("analysis.store-question-of", analysis::Host,
        fn store_question_of(text: String) -> Result<Option<analysis::StoreQuestion>, HostError>);
    recorded!("analysis.reading-of", analysis::Host,
        fn reading_of(text: String, language: String) -> Result<analysis::Reading, HostError>);
    recorded!("analysis.expanded-query-of", analysis::Host,
        fn expanded_query_of(text: String) -> Result<String, HostError>);
    recorded!("analysis.brand-scores-of", analysis::Host,
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

    #[test]
    fn with_the_tape_off_the_view_answers_alone() {
        let mut off = Recorded::new(Tape::default(), Counting { calls: 0 });
        assert_eq!(ready(config::Host::prompt(&mut off)), "persona");
        assert_eq!(off.view.calls, 1);
        assert!(off.tape.take_calls().0.is_empty());
    }
}
