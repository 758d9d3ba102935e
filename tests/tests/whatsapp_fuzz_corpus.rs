//! The webhook parser's fuzz corpus (`host/fuzz/corpus/webhook_parse`) as a
//! plain test, with deterministic mutations of every seed (truncations,
//! byte flips, splices), so the parser's contract is checked on every
//! `cargo test` even where cargo-fuzz (nightly) is not available.

mod common;

use agent_store::whatsapp::payload::check_invariants;

fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = common::workspace().join("host/fuzz/corpus/webhook_parse");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(Result::ok)
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("seed"),
            )
        })
        .collect();
    out.sort();
    out
}

/// A tiny deterministic PRNG (xorshift): reproducible mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const INTERESTING: &[&[u8]] = &[
    b"null",
    b"[]",
    b"{}",
    b"\"\"",
    b"-1",
    b"1e999",
    b"18446744073709551616",
    b"\"\\u0000\"",
    b"true",
    b"\"\xff\"",
    b"{\"id\":\"\"}",
    b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
];

#[test]
fn every_seed_and_its_mutations_keep_the_parser_contract() {
    let seeds = seeds();
    assert!(seeds.len() >= 20, "corpus: {}", seeds.len());
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut cases = 0;
    for (name, seed) in &seeds {
        let parsed = agent_store::whatsapp::payload::parse(seed);
        assert!(parsed.is_ok(), "seed {name} is a valid delivery");
        check_invariants(seed);
        for cut in (0..seed.len()).step_by(7) {
            check_invariants(&seed[..cut]);
            cases += 1;
        }
        for _ in 0..300 {
            let mut m = seed.clone();
            match rng.below(4) {
                0 => {
                    let i = rng.below(m.len());
                    m[i] = rng.next() as u8;
                }
                1 => {
                    let i = rng.below(m.len());
                    let j = (i + rng.below(32)).min(m.len());
                    m.drain(i..j);
                }
                2 => {
                    let i = rng.below(m.len());
                    let token = INTERESTING[rng.below(INTERESTING.len())];
                    m.splice(i..i, token.iter().copied());
                }
                _ => {
                    // Replace a JSON value after a colon with an odd one.
                    let colons: Vec<usize> = m
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| **b == b':')
                        .map(|(i, _)| i)
                        .collect();
                    if let Some(&c) = colons.get(rng.below(colons.len())) {
                        let end = m[c + 1..]
                            .iter()
                            .position(|b| *b == b',' || *b == b'}')
                            .map_or(m.len(), |p| c + 1 + p);
                        let token = INTERESTING[rng.below(INTERESTING.len())];
                        m.splice(c + 1..end, token.iter().copied());
                    }
                }
            }
            check_invariants(&m);
            cases += 1;
        }
    }
    assert!(cases > 5_000, "{cases} cases");
}
