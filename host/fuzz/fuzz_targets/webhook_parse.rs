//! Fuzz the webhook parser: any byte string either parses or is refused
//! with an error, never panics; and what parses survives the round trip the
//! store relies on (inbound messages are stored as JSON and read back).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    agent_store::whatsapp::payload::check_invariants(data);
});
