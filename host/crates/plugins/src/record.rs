//! Recording and replaying what a plugin's imports answered: the turns
//! kept, where they go, and the masking applied before they are stored.
//!
//! Every WIT import is linked as `agent_store_wit::Recorded<view>`: when
//! the turn's [`Tape`] is on, each call's arguments and answer are recorded
//! (a live turn), or the call is answered from a recording (`agent-store
//! replay`) without running the host side at all — no catalog, no
//! database, no LLM, no network. The tape itself lives in the bottom crate
//! with the bindings ([`agent_store_wit::tape`]); this module keeps what a
//! recorded turn is ([`RecordedTurn`]) and where it goes ([`TurnSink`],
//! [`ShadowSink`]).

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use agent_store_wit::tape::{ImportCall, Tape, Unanswered, Unrecorded};

use super::bindings::wit;

/// The plugin that answered a recorded turn, as a replay file names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PluginRef {
    pub name: String,
    pub version: String,
    /// sha256 of the component, hex.
    pub digest: String,
    /// The contract version it was built against (`0.2.1`).
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
}
