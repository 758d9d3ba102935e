//! `[record]`: recording every seller and router turn.

use serde::{Deserialize, Serialize};

/// ```toml
/// [record]
/// enabled = true                   # record seller and router turns (inputs, import answers, actions)
/// retention_days = 30              # older turns are deleted (conversations marked as regression cases are kept)
/// max_turn_kib = 256               # a turn whose import calls exceed this is not recorded
/// max_turns_per_conversation = 200 # the newest are kept
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RecordConfig {
    pub enabled: bool,
    pub retention_days: u32,
    pub max_turn_kib: u32,
    pub max_turns_per_conversation: u32,
}

impl Default for RecordConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            retention_days: 30,
            max_turn_kib: 256,
            max_turns_per_conversation: 200,
        }
    }
}
