//! The import calls of one turn: recorded (a live turn), or the recording a
//! replay answers from.
//!
//! Arguments and answers are kept as JSON of the WIT types (the bindings
//! derive serde): the replay file is readable and a candidate's call is
//! matched to a recorded one by function and arguments.

use std::sync::{Arc, Mutex};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::wit::HostError;

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

    pub(crate) fn replaying_now(&self) -> bool {
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

    pub(crate) fn record(&self, function: &str, args: Value, answer: &impl Serialize) {
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
    pub(crate) fn answer<R: DeserializeOwned + Unrecorded>(
        &self,
        function: &str,
        args: Value,
    ) -> R {
        let reason = match self.find(function, &args) {
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

    /// Replay: the recorded answer to `function(args)` if there is one
    /// that fits, noting nothing when there is not (for a pure function
    /// the caller may compute instead: the host's `analysis`).
    pub(crate) fn recorded_answer<R: DeserializeOwned>(
        &self,
        function: &str,
        args: &Value,
    ) -> Option<R> {
        serde_json::from_value(self.find(function, args)?).ok()
    }

    /// The recorded answer to `function(args)`, marked used.
    fn find(&self, function: &str, args: &Value) -> Option<Value> {
        let found = self.with(|s| {
            let Mode::Replay { used } = &mut s.mode else {
                return None;
            };
            let same = |c: &&ImportCall| c.function == function && c.args == *args;
            let i = s
                .calls
                .iter()
                .enumerate()
                .position(|(i, c)| !used[i] && same(&c))
                .or_else(|| s.calls.iter().position(|c| same(&c)))?;
            used[i] = true;
            Some(s.calls[i].answer.clone())
        });
        found.flatten()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wit;

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
