//! `[record]`: recording every seller and router turn.

use serde::{Deserialize, Serialize};

/// ```toml
/// [record]
/// enabled = true                   # record seller and router turns (inputs, import answers, actions)
/// retention_days = 30              # older turns are deleted (conversations marked as regression cases are kept)
/// max_turn_kib = 256               # a turn whose import calls exceed this is not recorded
/// max_turns_per_conversation = 200 # the newest are kept
/// write_queue = 256               # recorded turns waiting for the background writer; more are dropped and counted
/// shadow_queue = 64                # live turns a host holds for shadow versions; more are dropped and counted
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RecordConfig {
    pub enabled: bool,
    pub retention_days: u32,
    pub max_turn_kib: u32,
    pub max_turns_per_conversation: u32,
    /// Live turns a host holds for its shadow versions (`plugin push
    /// --shadow`) while one is compared; a turn beyond them is dropped
    /// and counted, never waited for.
    pub shadow_queue: u32,
    /// Recorded turns waiting to be written (off the customer's turn); a
    /// turn beyond them is not recorded (counted, `warn` line).
    pub write_queue: u32,
}

impl Default for RecordConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            retention_days: 30,
            max_turn_kib: 256,
            max_turns_per_conversation: 200,
            shadow_queue: 64,
            write_queue: 256,
        }
    }
}
