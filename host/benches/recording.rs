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

mod support;

use std::time::Instant;

use agent_store::db::Db;
use agent_store::llm::Llm;
use agent_store::plugins::record::{Exchange, PluginRef, RecordedTurn, Tape};
use agent_store::plugins::{Manifest, Runtime, TurnLimits};
use agent_store::replay::{RecordConfig, TurnRecords};

fn main() -> anyhow::Result<()> {
    let n: usize = std::env::var("RECORD_BENCH_TURNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let ws = support::workspace();
        let plugins = ws.join("target/bench-plugins");
        agent_store::devkit::build::build_crates(&ws, &[ws.join("plugins/seller-tech")], &plugins)?;
        let data = tempfile::tempdir()?;
        let services = support::demo_services(&ws, data.path(), Llm::none()).await?;
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
            let turn = support::turn(i / 3, "rec");
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
        let (a, b, c) = (support::stats(off), support::stats(on), support::stats(taped));
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
