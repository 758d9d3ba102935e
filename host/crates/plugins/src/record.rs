//! Recording and replaying what a plugin's imports answered.
//!
//! Every WIT import reaches [`PluginState`] through [`Recorded`], the type
//! the linkers are built with: each import function goes through
//! [`recorded!`], which, when the turn's [`Tape`] is on, either records the
//! call's arguments and answer (a live turn) or answers from a recording
//! (`agent-store replay`) without running the host side at all — no
//! catalog, no database, no LLM, no network. An import added to the WIT
//! later cannot be linked without its line here (the bindgen trait demands
//! it), so it is recorded and replayed like the others.
//!
//! Arguments and answers are kept as JSON of the WIT types (the bindings
//! derive serde): the replay file is readable and a candidate's call is
//! matched to a recorded one by function and arguments.

use std::sync::{Arc, Mutex};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasmtime::component::HasData;

use super::bindings::router::agent_store::plugin as router_if;
use super::bindings::seller::agent_store::plugin as wit_if;
use super::bindings::wit::{self, HostError};
use super::imports::PluginState;

/// One import call as the plugin saw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportCall {
    /// `interface.function`, e.g. `catalog.search`.
    pub function: String,
    /// The arguments, as a JSON array.
    pub args: Value,
    /// What the host answered (`null` for functions that return nothing).
    pub answer: Value,
}

/// A call the candidate made that the recording cannot answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unanswered {
    pub function: String,
    pub args: Value,
    /// Why: not recorded, or the recorded answer does not fit the type.
    pub reason: String,
}

#[derive(Debug)]
enum Mode {
    /// Keep every call, up to `max_bytes` of JSON in all.
    Record { max_bytes: usize, bytes: usize },
    /// Answer from the calls; `used` marks the ones answered already.
    Replay { used: Vec<bool> },
}

#[derive(Debug)]
struct TapeState {
    mode: Mode,
    calls: Vec<ImportCall>,
    /// Recording: the turn outgrew `max_bytes` (its calls are incomplete).
    overflowed: bool,
    unanswered: Vec<Unanswered>,
}

/// The import calls of one turn (cheap to clone; clones share it). Off by
/// default: then imports run as if it were not there.
#[derive(Debug, Clone, Default)]
pub struct Tape(Option<Arc<Mutex<TapeState>>>);

impl Tape {
    fn new(mode: Mode, calls: Vec<ImportCall>) -> Self {
        Self(Some(Arc::new(Mutex::new(TapeState {
            mode,
            calls,
            overflowed: false,
            unanswered: Vec::new(),
        }))))
    }

    /// Record every call, at most `max_bytes` of arguments and answers.
    pub fn recording(max_bytes: usize) -> Self {
        Self::new(
            Mode::Record {
                max_bytes,
                bytes: 0,
            },
            Vec::new(),
        )
    }

    /// Answer every call from `calls`.
    pub fn replaying(calls: Vec<ImportCall>) -> Self {
        let used = vec![false; calls.len()];
        Self::new(Mode::Replay { used }, calls)
    }

    pub fn is_on(&self) -> bool {
        self.0.is_some()
    }

    fn with<R>(&self, f: impl FnOnce(&mut TapeState) -> R) -> Option<R> {
        let state = self.0.as_ref()?;
        Some(f(&mut state.lock().unwrap_or_else(|e| e.into_inner())))
    }

    fn replaying_now(&self) -> bool {
        self.with(|s| matches!(s.mode, Mode::Replay { .. }))
            .unwrap_or(false)
    }

    /// The recorded calls, and whether the turn outgrew the size cap.
    pub fn take_calls(&self) -> (Vec<ImportCall>, bool) {
        self.with(|s| (std::mem::take(&mut s.calls), s.overflowed))
            .unwrap_or_default()
    }

    /// Replay: the calls the recording could not answer.
    pub fn take_unanswered(&self) -> Vec<Unanswered> {
        self.with(|s| std::mem::take(&mut s.unanswered))
            .unwrap_or_default()
    }

    fn record(&self, function: &str, args: Value, answer: &impl Serialize) {
        let answer = serde_json::to_value(answer).unwrap_or(Value::Null);
        self.with(|s| {
            let Mode::Record { max_bytes, bytes } = &mut s.mode else {
                return;
            };
            if s.overflowed {
                return;
            }
            *bytes += json_len(&args) + json_len(&answer) + function.len();
            if *bytes > *max_bytes {
                s.overflowed = true;
                s.calls.clear();
                return;
            }
            s.calls.push(ImportCall {
                function: function.to_string(),
                args,
                answer,
            });
        });
    }

    /// Replay: the recorded answer to `function(args)` — the first unused
    /// call with the same function and arguments, else a used one (a
    /// candidate may ask twice) — or the fallback, noted as unanswered.
    fn answer<R: DeserializeOwned + Unrecorded>(&self, function: &str, args: Value) -> R {
        let found = self.with(|s| {
            let Mode::Replay { used } = &mut s.mode else {
                return None;
            };
            let same = |c: &&ImportCall| c.function == function && c.args == args;
            let i = s
                .calls
                .iter()
                .enumerate()
                .position(|(i, c)| !used[i] && same(&c))
                .or_else(|| s.calls.iter().position(|c| same(&c)))?;
            used[i] = true;
            Some(s.calls[i].answer.clone())
        });
        let reason = match found.flatten() {
            Some(answer) => match serde_json::from_value::<R>(answer) {
                Ok(r) => return r,
                Err(e) => format!("the recorded answer does not fit the contract: {e}"),
            },
            None => "not in the recording".to_string(),
        };
        if R::ANSWERS {
            self.with(|s| {
                s.unanswered.push(Unanswered {
                    function: function.to_string(),
                    args,
                    reason,
                })
            });
        }
        R::unrecorded(function)
    }
}

fn json_len(v: &Value) -> usize {
    match v {
        Value::Null | Value::Bool(_) => 4,
        Value::Number(_) => 8,
        Value::String(s) => s.len() + 2,
        Value::Array(a) => a.iter().map(json_len).sum::<usize>() + 2,
        Value::Object(o) => {
            o.iter()
                .map(|(k, v)| k.len() + 3 + json_len(v))
                .sum::<usize>()
                + 2
        }
    }
}

/// What an import answers in a replay when the recording has no answer:
/// an error value or nothing, never a trap.
pub trait Unrecorded {
    /// Whether a missing answer is a difference (a log line is not).
    const ANSWERS: bool = true;
    fn unrecorded(function: &str) -> Self;
}

impl<T> Unrecorded for Result<T, HostError> {
    fn unrecorded(function: &str) -> Self {
        Err(HostError::Unavailable(format!(
            "{function}: no such call in the recording"
        )))
    }
}

impl<T> Unrecorded for Option<T> {
    fn unrecorded(_: &str) -> Self {
        None
    }
}

impl<T> Unrecorded for Vec<T> {
    fn unrecorded(_: &str) -> Self {
        Vec::new()
    }
}

impl Unrecorded for String {
    fn unrecorded(_: &str) -> Self {
        String::new()
    }
}

impl Unrecorded for () {
    const ANSWERS: bool = false;
    fn unrecorded(_: &str) -> Self {}
}

/// The host state as the linkers see it: every import recorded or
/// replayed, then (live) run by [`PluginState`].
pub struct Recorded<'a>(pub &'a mut PluginState);

/// The linkers' [`HasData`] marker for [`Recorded`].
pub struct Recording;

impl HasData for Recording {
    type Data<'a> = Recorded<'a>;
}

/// What the linkers are given to reach the host state.
pub fn recorded(state: &mut PluginState) -> Recorded<'_> {
    Recorded(state)
}

/// One import function: off → the host runs it; recording → the host runs
/// it and the call is kept; replaying → answered from the recording.
macro_rules! recorded {
    (@call $this:ident, $name:literal, $trait:path, $method:ident($($arg:ident),*) as $ret:ty) => {{
        let tape = $this.0.tape().clone();
        if !tape.is_on() {
            return <PluginState as $trait>::$method($this.0, $($arg),*).await;
        }
        let args = serde_json::to_value(($(&$arg,)*)).unwrap_or(Value::Null);
        if tape.replaying_now() {
            return tape.answer::<$ret>($name, args);
        }
        let answer = <PluginState as $trait>::$method($this.0, $($arg),*).await;
        tape.record($name, args, &answer);
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

impl wit_if::types::Host for Recorded<'_> {}

impl wit_if::catalog::Host for Recorded<'_> {
    recorded!("catalog.search", wit_if::catalog::Host,
        fn search(query: wit::SearchQuery) -> Result<Vec<wit::ScoredProduct>, HostError>);
    recorded!("catalog.get", wit_if::catalog::Host,
        fn get(id: String) -> Result<Option<wit::Product>, HostError>);
    recorded!("catalog.recommend", wit_if::catalog::Host,
        fn recommend(product_id: String, kind: wit::RecommendationKind, limit: u32)
            -> Result<Vec<wit::Recommendation>, HostError>);
}

impl wit_if::llm::Host for Recorded<'_> {
    recorded!("llm.chat", wit_if::llm::Host,
        fn chat(request: wit::ChatRequest) -> Result<wit::ChatResponse, HostError>);
}

impl wit_if::orders::Host for Recorded<'_> {
    recorded!("orders.get-cart", wit_if::orders::Host,
        fn get_cart() -> Result<wit::Cart, HostError>);
    recorded!("orders.recent", wit_if::orders::Host,
        fn recent(limit: u32) -> Result<Vec<wit::OrderSummary>, HostError>);
}

impl wit_if::conversation::Host for Recorded<'_> {
    recorded!("conversation.history", wit_if::conversation::Host,
        fn history(limit: u32) -> Vec<wit::HistoryEntry>);
    recorded!("conversation.get-state", wit_if::conversation::Host,
        fn get_state(key: String) -> Option<String>);
    recorded!("conversation.set-state", wit_if::conversation::Host,
        fn set_state(key: String, value: String) -> Result<(), HostError>);
}

impl wit_if::config::Host for Recorded<'_> {
    recorded!("config.get", wit_if::config::Host,
        fn get(key: String) -> Option<String>);
    recorded!("config.prompt", wit_if::config::Host,
        fn prompt() -> String);
}

impl wit_if::log::Host for Recorded<'_> {
    recorded!("log", wit_if::log::Host,
        fn log(level: wit::Level, message: String));
}

impl router_if::routing::Host for Recorded<'_> {
    recorded!("routing.brands", router_if::routing::Host,
        fn brands() -> Vec<wit::BrandProfile>);
    recorded!("routing.match-text", router_if::routing::Host,
        fn match_text(text: String, limit: u32) -> Vec<wit::BrandMatch>);
}

/// The plugin that answered a recorded turn, as a replay file names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PluginRef {
    pub name: String,
    pub version: String,
    /// sha256 of the component, hex.
    pub digest: String,
    /// The contract version it was built against (`0.2.0`).
    pub contract: String,
}

impl PluginRef {
    pub fn of(p: &super::LoadedPlugin) -> Self {
        Self {
            name: p.manifest.name.clone(),
            version: p.manifest.version.clone(),
            digest: p.digest.clone(),
            contract: p.contract.to_string(),
        }
    }
}

/// What a plugin was asked and what it answered (`Err`: why the turn
/// failed).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Exchange {
    Seller {
        turn: wit::Turn,
        outcome: Result<Vec<wit::Action>, String>,
    },
    Router {
        request: wit::RouteRequest,
        outcome: Result<wit::RoutingDecision, String>,
    },
}

impl Exchange {
    pub fn conversation_id(&self) -> &str {
        match self {
            Exchange::Seller { turn, .. } => &turn.conversation_id,
            Exchange::Router { request, .. } => &request.conversation_id,
        }
    }

    /// The recorded turn's key: the inbound message, the kind and, for a
    /// seller, its brand (a hand-off runs a second seller on the message).
    pub fn key(&self) -> String {
        match self {
            Exchange::Seller { turn, .. } => format!("{}/seller/{}", turn.message.id, turn.brand),
            Exchange::Router { request, .. } => format!("{}/router", request.message.id),
        }
    }
}

/// One recorded turn: its inputs as the plugin saw them (the request and
/// every import's answer) and its actions.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedTurn {
    /// Unix microseconds.
    pub at: i64,
    pub plugin: PluginRef,
    pub exchange: Exchange,
    pub calls: Vec<ImportCall>,
}

/// Where recorded turns go (the database: the host's `replay::TurnRecords`).
#[async_trait::async_trait]
pub trait TurnSink: Send + Sync {
    /// Most bytes of import arguments and answers kept for one turn.
    fn max_turn_bytes(&self) -> usize;
    /// Keep a turn; failures are the sink's to log (a recording never
    /// fails a customer's turn).
    async fn keep(&self, turn: RecordedTurn);
    /// Wait until every turn handed over is kept (a sink that writes in
    /// the background; tests and shutdown).
    async fn flush(&self) {}
}

/// The tape's size cap for a turn taped only for a shadow version (turns
/// are not recorded): `[record] max_turn_kib`'s default.
pub const SHADOW_TAPE_BYTES: usize = 256 << 10;

/// Where a live turn goes for the plugin's shadow version to be run and
/// compared on (the host's `replay` shadow runner), once the active version
/// has answered.
pub trait ShadowSink: Send + Sync {
    /// Take the turn the active version answered, with its recorded import
    /// answers, for `shadow`. Never blocks and never fails the turn: a
    /// sink that cannot take it drops and counts it.
    fn offer(&self, shadow: Arc<super::LoadedPlugin>, turn: RecordedTurn);
}

/// Mask phone numbers in every string of `value`: a run of 8 or more
/// digits (spaces, dashes, dots and a leading `+` allowed inside) keeps its
/// first two and last two digits, the others become `x`. Applied to a
/// recorded turn before it is stored, so the customer's number, and any
/// number they typed, never reach the table or a replay file.
pub fn mask_phones(value: &mut Value) {
    match value {
        Value::String(s) => {
            if let Some(masked) = mask_text(s) {
                *s = masked;
            }
        }
        Value::Array(a) => a.iter_mut().for_each(mask_phones),
        Value::Object(o) => o.values_mut().for_each(mask_phones),
        _ => {}
    }
}

/// The shortest digit run taken for a phone number.
const PHONE_DIGITS: usize = 8;

fn mask_text(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // A run of digits with single separators between them.
        let mut end = i;
        let mut digits = 0;
        let mut j = i;
        while j < chars.len() {
            if chars[j].is_ascii_digit() {
                digits += 1;
                end = j + 1;
                j += 1;
            } else if matches!(chars[j], ' ' | '-' | '.')
                && chars.get(j + 1).is_some_and(char::is_ascii_digit)
            {
                j += 1;
            } else {
                break;
            }
        }
        if digits < PHONE_DIGITS {
            out.extend(&chars[i..end]);
        } else {
            changed = true;
            let mut seen = 0;
            for &c in &chars[i..end] {
                if c.is_ascii_digit() {
                    seen += 1;
                    out.push(if seen <= 2 || seen > digits - 2 {
                        c
                    } else {
                        'x'
                    });
                } else {
                    out.push(c);
                }
            }
        }
        i = end;
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_masked_in_every_string() {
        let mut v = serde_json::json!({
            "customer": {"wa_id": "5511987654321"},
            "text": "call me at +55 11 98765-4321 about order 1234",
            "list": ["FSH-0001", "size 42"],
        });
        mask_phones(&mut v);
        assert_eq!(v["customer"]["wa_id"], "55xxxxxxxxx21");
        assert_eq!(v["text"], "call me at +55 xx xxxxx-xx21 about order 1234");
        assert_eq!(v["list"][0], "FSH-0001");
        assert_eq!(v["list"][1], "size 42");
    }

    #[test]
    fn replay_answers_by_function_and_arguments() {
        let calls = vec![
            ImportCall {
                function: "config.get".into(),
                args: serde_json::json!(["greeting"]),
                answer: serde_json::json!("hello"),
            },
            ImportCall {
                function: "catalog.get".into(),
                args: serde_json::json!(["X"]),
                answer: serde_json::json!({"Ok": null}),
            },
        ];
        let tape = Tape::replaying(calls);
        let a: Option<String> = tape.answer("config.get", serde_json::json!(["greeting"]));
        assert_eq!(a.as_deref(), Some("hello"));
        // Asked twice: the same answer.
        let a: Option<String> = tape.answer("config.get", serde_json::json!(["greeting"]));
        assert_eq!(a.as_deref(), Some("hello"));
        let b: Result<Option<wit::Product>, HostError> =
            tape.answer("catalog.get", serde_json::json!(["Y"]));
        assert!(matches!(b, Err(HostError::Unavailable(_))));
        // A recorded answer of the wrong shape is a difference, not a panic.
        let c: Option<String> = tape.answer("catalog.get", serde_json::json!(["X"]));
        assert_eq!(c, None);
        let missing = tape.take_unanswered();
        assert_eq!(missing.len(), 2, "{missing:?}");
        assert_eq!(missing[0].reason, "not in the recording");
        assert!(missing[1].reason.contains("does not fit"), "{missing:?}");
        let _: () = tape.answer("log", serde_json::json!(["info", "x"]));
        assert!(
            tape.take_unanswered().is_empty(),
            "a log line is no difference"
        );
    }

    #[test]
    fn recording_stops_at_its_size_cap() {
        let tape = Tape::recording(64);
        tape.record("config.get", serde_json::json!(["k"]), &Some("v"));
        assert_eq!(tape.take_calls().0.len(), 1);
        tape.record("config.prompt", serde_json::json!([]), &"x".repeat(100));
        let (calls, overflowed) = tape.take_calls();
        assert!(overflowed);
        assert!(calls.is_empty());
    }
}
