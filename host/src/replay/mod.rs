//! Recorded conversations as regression tests.
//!
//! - [`config`]: `[record]`, what is recorded and how long it is kept;
//! - [`store`]: recorded turns in the database (masked, capped, expired)
//!   and the conversations marked as regression cases;
//! - [`file`]: the versioned replay file `agent-store conversations export`
//!   writes, and reading one back with clear errors;
//! - [`run`]: `agent-store replay`: a candidate component against recorded
//!   turns, its imports answered from the recording, its actions compared;
//! - [`shadow`]: shadow versions: live turns replayed on a candidate
//!   version in the background, its actions compared and stored;
//! - [`cli`]: the two commands.
//!
//! What a turn's imports answered is captured at the host-import layer
//! ([`crate::plugins::record`]).

pub mod config;
pub mod file;
pub mod run;
pub mod shadow;
pub mod store;

pub use config::RecordConfig;
pub use file::{FileError, ReplayFile};
pub use store::{RecordWriter, TurnRecords};

/// A small recorded seller turn, for tests.
#[cfg(test)]
pub(crate) fn sample_turn(
    conversation: &str,
    message: &str,
    at: i64,
) -> crate::plugins::record::RecordedTurn {
    use crate::plugins::record::{Exchange, ImportCall, PluginRef, RecordedTurn};
    use crate::plugins::wit;
    let turn = wit::Turn {
        conversation_id: conversation.into(),
        customer: wit::Customer {
            wa_id: "5511987654321".into(),
            name: None,
        },
        brand: "fashion".into(),
        message: wit::InboundMessage {
            id: message.into(),
            timestamp: 1,
            content: wit::MessageContent::Text("call me on +55 11 98765-4321".into()),
            reply_to: None,
        },
        history: Vec::new(),
        language: "en".into(),
    };
    RecordedTurn {
        at,
        plugin: PluginRef {
            name: "seller-fashion".into(),
            version: "0.1.0".into(),
            digest: "ab".repeat(32),
            contract: "0.2.0".into(),
        },
        exchange: Exchange::Seller {
            turn,
            outcome: Ok(vec![wit::Action::Text("hello".into())]),
        },
        calls: vec![ImportCall {
            function: "config.prompt".into(),
            args: serde_json::Value::Null,
            answer: serde_json::json!("persona"),
        }],
    }
}
