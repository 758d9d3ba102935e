//! What recording costs per seller turn (`[record]`, docs/replay.md): the
//! real tech seller as a wasm component, no LLM, the same turns with
//! recording off and on in one run, interleaved (off, on, off, on...), so
//! a busy machine weighs on both alike. "On" is what `Plugins::run_seller`
//! adds: every import call taped as JSON, the turn's record built, masked
//! and upserted into SQLite with the per-conversation cap.
//!
//! ```text
//! cargo bench -p agent-store --bench recording
//! RECORD_BENCH_TURNS=2000 cargo bench -p agent-store --bench recording
//! ```

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use agent_store::catalog::Catalog;
use agent_store::db::Db;
use agent_store::llm::Llm;
use agent_store::plugins::record::{Exchange, PluginRef, RecordedTurn, Tape};
use agent_store::plugins::{Manifest, Runtime, Services, TurnLimits, wit};
use agent_store::replay::{RecordConfig, TurnRecords};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf()
}

const MESSAGES: &[&str] = &[
    "I'm looking for a laptop for work under 1500",
    "hi",
    "quero um fone de ouvido bluetooth com cancelamento de ruído",
    "busco un smartphone con buena cámara",
    "do you have a smartwatch in black?",
];

fn turn(i: usize) -> wit::Turn {
    wit::Turn {
        conversation_id: format!("bench-{}", i % 50),
        customer: wit::Customer {
            wa_id: "5511987654321".into(),
            name: Some("Bench".into()),
        },
        brand: "tech".into(),
        message: wit::InboundMessage {
            id: format!("wamid.bench.{i}"),
            timestamp: 1_700_000_000,
            content: wit::MessageContent::Text(MESSAGES[i % MESSAGES.len()].into()),
            reply_to: None,
        },
        history: Vec::new(),
        language: String::new(),
    }
}

fn stats(mut d: Vec<Duration>) -> (f64, f64, f64) {
    d.sort();
    let us = |x: Duration| x.as_secs_f64() * 1e6;
    let mean = d.iter().map(|x| us(*x)).sum::<f64>() / d.len() as f64;
    (
        mean,
        us(d[d.len() / 2]),
        us(d[(d.len() * 99 / 100).min(d.len() - 1)]),
    )
}

fn main() -> anyhow::Result<()> {
    let n: usize = std::env::var("RECORD_BENCH_TURNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let ws = workspace();
        let plugins = ws.join("target/bench-plugins");
        agent_store::devkit::build::build_crates(&ws, &[ws.join("plugins/seller-tech")], &plugins)?;
        let data = tempfile::tempdir()?;
        let catalog = Catalog::open(Db::connect("", data.path()).await?, data.path()).await?;
        catalog
            .import_csv_file(&ws.join("catalog/products.csv"))
            .await?;
        let prompts = agent_store::llm::Prompts::load(&ws.join("prompts"));
        let routing = agent_store::routing::Vocabulary::new(catalog.clone(), &prompts);
        let services = Services {
            catalog,
            conversations: None,
            carts: None,
            llm: Llm::none(),
            routing: routing.clone(),
            prompts,
            values: Arc::default(),
            brands: Arc::new(routing),
            seen: Default::default(),
            tape: Tape::default(),
        };
        let runtime = Runtime::new(TurnLimits::default())?;
        let dir = plugins.join("seller-tech");
        let manifest = Manifest::read(&dir.join("plugin.toml"))?;
        let bytes = std::fs::read(dir.join(manifest.component_file()))?;
        let seller = runtime.load(manifest, &bytes)?;
        let records = TurnRecords::new(
            Db::connect("", &data.path().join("records")).await?,
            RecordConfig::default(),
        );
        let (mut off, mut on, mut taped, mut bytes_kept) =
            (Vec::new(), Vec::new(), Vec::new(), 0usize);
        for i in 0..(n + n / 10) * 3 {
            // 0: off; 1: on (taped and stored); 2: taped, not stored.
            let mode = i % 3;
            let recording = mode != 0;
            let turn = turn(i / 3);
            let mut services = services.clone();
            if recording {
                services.tape = Tape::recording(256 << 10);
            }
            let tape = services.tape.clone();
            let t = Instant::now();
            let actions = runtime
                .handle_turn(&seller, services, &turn)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            if recording {
                let (calls, _) = tape.take_calls();
                let record = RecordedTurn {
                    at: chrono::Utc::now().timestamp_micros(),
                    plugin: PluginRef::of(&seller),
                    exchange: Exchange::Seller {
                        turn,
                        outcome: Ok(actions),
                    },
                    calls,
                };
                if mode == 1 {
                    bytes_kept += serde_json::to_vec(&record)?.len();
                    records.insert(&record).await?;
                } else {
                    std::hint::black_box(record);
                }
            }
            let elapsed = t.elapsed();
            // The first tenth of each is warm-up.
            if i / 3 >= n / 10 {
                [&mut off, &mut on, &mut taped][mode].push(elapsed);
            }
        }
        let (turns_on, turns_off) = (on.len(), off.len());
        let (a, b, c) = (stats(off), stats(on), stats(taped));
        println!("{turns_off}/{turns_on} turns per mode (off / on / taped only), interleaved, after warm-up\n");
        println!("| seller-tech turn | mean | p50 | p99 |");
        println!("| --- | ---: | ---: | ---: |");
        println!("| recording off | {:.1} µs | {:.1} µs | {:.1} µs |", a.0, a.1, a.2);
        println!("| recording on | {:.1} µs | {:.1} µs | {:.1} µs |", b.0, b.1, b.2);
        println!(
            "| taped only (record built, not stored) | {:.1} µs | {:.1} µs | {:.1} µs |",
            c.0, c.1, c.2
        );
        println!(
            "\nrecording adds {:.1} µs per turn at the mean ({:.1} µs at p50); {:.1} KiB of JSON per turn",
            b.0 - a.0,
            b.1 - a.1,
            bytes_kept as f64 / ((n + n / 10) as f64) / 1024.0
        );
        Ok(())
    })
}
