//! The fixed-seed mutation run of every fuzz target, for machines without
//! nightly (where `cargo fuzz` cannot run): each committed corpus in
//! `host/fuzz/corpus/<target>` is loaded, every seed must be accepted, and
//! `MUTATIONS` deterministic mutations of each (bit flips, byte changes,
//! truncations, deletions, duplications, splices with another seed and
//! with awkward tokens) must neither panic nor take long. A seeded PRNG
//! makes a failure reproducible: the message names the target, seed and
//! mutation number.

mod common;

use std::time::{Duration, Instant};

use agent_store::fuzzing::TARGETS;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Mutations per seed.
const MUTATIONS: usize = 1000;
/// One parse of a small input; far above what any takes (debug build).
const PER_CASE: Duration = Duration::from_secs(2);
/// The whole run of one target.
const PER_TARGET: Duration = Duration::from_secs(120);
const SEED: u64 = 0x5EED_F022_2026_1204;

const TOKENS: &[&[u8]] = &[
    b"null",
    b"[]",
    b"{}",
    b"\"\"",
    b"-1",
    b"1e999",
    b"18446744073709551616",
    b"\"\\u0000\"",
    b"\"\\ud800\"",
    b"\xff\xfe",
    b"\n\n",
    b"\r\n",
    b",,,,",
    b"\"",
    b"\t",
    b": ",
    b"#i 9223372036854775807",
    b"#t 18446744073709551615",
    b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    b"=",
    b"[grants]",
    b"ce-specversion: 0.3\n",
    b"content-type: application/cloudevents+json\n",
];

fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = common::workspace().join("host/fuzz/corpus").join(target);
    let mut seeds: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| {
            let bytes = std::fs::read(e.path()).expect("seed");
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    seeds.sort();
    seeds
}

/// One deterministic mutation of `seed` (`other`: another seed to splice).
fn mutate(rng: &mut StdRng, seed: &[u8], other: &[u8]) -> Vec<u8> {
    let mut m = seed.to_vec();
    let rounds = rng.random_range(1..=4);
    for _ in 0..rounds {
        let len = m.len();
        let at = |rng: &mut StdRng| rng.random_range(0..=len);
        match rng.random_range(0..7) {
            0 if len > 0 => {
                let i = rng.random_range(0..len);
                m[i] ^= 1 << rng.random_range(0..8);
            }
            1 if len > 0 => {
                let i = rng.random_range(0..len);
                m[i] = rng.random();
            }
            2 => m.truncate(at(rng)),
            3 => {
                let i = at(rng);
                let j = (i + rng.random_range(0..64)).min(len);
                m.drain(i..j);
            }
            4 => {
                let i = at(rng);
                let j = (i + rng.random_range(0..64)).min(len);
                let chunk = m[i..j].to_vec();
                let k = rng.random_range(0..=m.len());
                m.splice(k..k, chunk);
            }
            5 if !other.is_empty() => {
                // Crossover: a prefix of this seed, a suffix of another.
                let i = at(rng);
                let j = rng.random_range(0..other.len());
                m.truncate(i);
                m.extend_from_slice(&other[j..]);
            }
            _ => {
                let i = at(rng);
                let token = TOKENS[rng.random_range(0..TOKENS.len())];
                m.splice(i..i, token.iter().copied());
            }
        }
    }
    m
}

/// Run one target over its corpus and mutations; returns the case count.
fn run(name: &'static str, target: fn(&[u8]) -> bool) -> usize {
    let seeds = corpus(name);
    assert!(seeds.len() >= 4, "{name}: {} seeds", seeds.len());
    let mut rng = StdRng::seed_from_u64(SEED ^ name.len() as u64);
    let mut cases = 0;
    for (i, (seed_name, seed)) in seeds.iter().enumerate() {
        assert!(target(seed), "{name}: seed {seed_name} is not accepted");
        let other = &seeds[(i + 1) % seeds.len()].1;
        for n in 0..MUTATIONS {
            let input = mutate(&mut rng, seed, other);
            let started = Instant::now();
            let outcome = std::panic::catch_unwind(|| target(&input));
            let took = started.elapsed();
            if outcome.is_err() {
                panic!(
                    "{name}: mutation {n} of seed {seed_name} panicked; input: {:?}",
                    String::from_utf8_lossy(&input)
                );
            }
            assert!(
                took < PER_CASE,
                "{name}: mutation {n} of seed {seed_name} took {took:?}; input: {:?}",
                String::from_utf8_lossy(&input)
            );
            cases += 1;
        }
    }
    cases
}

#[test]
fn every_fuzz_target_survives_its_corpus_mutated() {
    let mut handles = Vec::new();
    for &(name, target) in TARGETS {
        let (tx, rx) = std::sync::mpsc::channel();
        // A thread per target: a hang fails the test at the deadline
        // instead of stalling it.
        std::thread::spawn(move || {
            let _ = tx.send(std::panic::catch_unwind(|| run(name, target)));
        });
        handles.push((name, rx));
    }
    let deadline = Instant::now() + PER_TARGET;
    let mut total = 0;
    for (name, rx) in handles {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(Ok(cases)) => {
                eprintln!("{name}: {cases} cases");
                total += cases;
            }
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            Err(_) => panic!("{name} did not finish within {PER_TARGET:?}"),
        }
    }
    assert!(total >= TARGETS.len() * 4 * MUTATIONS, "{total} cases");
}

/// The mutations are reproducible: the same seed gives the same inputs.
#[test]
fn mutations_are_deterministic() {
    let generate = || {
        let mut rng = StdRng::seed_from_u64(SEED);
        (0..50)
            .map(|_| mutate(&mut rng, b"{\"a\": [1, 2, 3]}", b"id,title\n1,x\n"))
            .collect::<Vec<_>>()
    };
    let a = generate();
    assert_eq!(a, generate());
    assert!(a.iter().any(|m| m.as_slice() != b"{\"a\": [1, 2, 3]}"));
}
