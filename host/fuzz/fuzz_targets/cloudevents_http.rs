//! Fuzz `agent_store::fuzzing::cloudevents_http`: any input is accepted or refused,
//! never a panic (the invariants are in the host's `fuzzing` module, shared
//! with the fixed-seed mutation test `tests/tests/fuzz_corpora.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = agent_store::fuzzing::cloudevents_http(data);
});
