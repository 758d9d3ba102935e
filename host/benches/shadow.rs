//! What a live seller turn costs, through `Plugins::handle_turn` as the
//! pipeline calls it, with nothing behind it, with recording written inline
//! (as before) or by the background writer (`RecordWriter`), and with a
//! shadow version (the same seller as another version) compared in the
//! background. The real tech seller as a wasm component, no LLM, a
//! two-worker runtime like the server's. The modes take turns in blocks of
//! [`BLOCK`] turns (`SHADOW_BENCH_BLOCK`) in one run, so a busy machine weighs on all alike; the
//! turns of a block come back to back, so the background writer and the
//! shadow task compete with the block's next live turns for the cores (the
//! worst case for the live turn: a real store has gaps), and between blocks
//! the background work is let finish so that it never lands on another
//! mode's turns.
//!
//! ```text
//! cargo bench -p agent-store --bench shadow
//! SHADOW_BENCH_TURNS=600 cargo bench -p agent-store --bench shadow
//! SHADOW_BENCH_BLOCK=1 cargo bench -p agent-store --bench shadow   # each turn alone
//! ```

mod support;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use agent_store::db::Db;
use agent_store::llm::Llm;
use agent_store::plugins::{Plugins, PluginsOptions, Runtime, Services, Source, TurnLimits};
use agent_store::replay::shadow::{ShadowResults, ShadowRunner};
use agent_store::replay::{RecordConfig, RecordWriter, TurnRecords};

/// Turns of one mode in a row (`SHADOW_BENCH_BLOCK`; 1: every turn alone,
/// the background work done before the next turn starts).
const BLOCK: usize = 25;

/// A plugin host over a directory holding only seller-tech.
fn host(services: &Services, built: &Path) -> anyhow::Result<(Arc<Plugins>, tempfile::TempDir)> {
    let dir = tempfile::tempdir()?;
    let dest = dir.path().join("seller-tech");
    std::fs::create_dir_all(&dest)?;
    for e in std::fs::read_dir(built.join("seller-tech"))? {
        let e = e?;
        std::fs::copy(e.path(), dest.join(e.file_name()))?;
    }
    let plugins = Arc::new(Plugins::new(
        Runtime::new(TurnLimits::default())?,
        services.clone(),
        PluginsOptions::new(dir.path()),
    ));
    Ok((plugins, dir))
}

fn main() -> anyhow::Result<()> {
    let n: usize = std::env::var("SHADOW_BENCH_TURNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let ws = support::workspace();
        let built = ws.join("target/bench-plugins");
        agent_store::devkit::build::build_crates(&ws, &[ws.join("plugins/seller-tech")], &built)?;
        let data = tempfile::tempdir()?;
        let services = support::demo_services(&ws, data.path(), Llm::none()).await?;
        let db = |name: &str| {
            let path = data.path().join(name);
            async move { Db::connect("", &path).await }
        };

        // 0: nothing behind the turn.
        let plain = host(&services, &built)?;
        // 1: recorded, written inline (what the host did before).
        let inline = host(&services, &built)?;
        inline.0.record_into(Arc::new(TurnRecords::new(db("inline").await?, RecordConfig::default())));
        // 2: recorded by the background writer (what the host does now).
        let background = host(&services, &built)?;
        let writer = RecordWriter::start(
            TurnRecords::new(db("background").await?, RecordConfig::default()),
            RecordConfig::default().write_queue as usize,
        );
        background.0.record_into(writer.clone());
        // 3: no recording, a shadow version compared in the background.
        let shadowed = host(&services, &built)?;
        let shadow_db = db("shadow").await?;
        ShadowRunner::start(&shadowed.0, shadow_db.clone(), RecordConfig::default().shadow_queue as usize);
        let dir = built.join("seller-tech");
        let manifest = std::fs::read_to_string(dir.join("plugin.toml"))?;
        let version = manifest
            .lines()
            .find(|l| l.starts_with("version"))
            .unwrap_or_default()
            .to_string();
        let shadow_manifest = manifest.replace(&version, "version = \"99.0.0\"");
        let component = std::fs::read_dir(&dir)?
            .filter_map(Result::ok)
            .find(|e| e.path().extension().is_some_and(|x| x == "wasm"))
            .map(|e| e.path())
            .ok_or_else(|| anyhow::anyhow!("no component in {}", dir.display()))?;
        let source = Source::new(&shadow_manifest, std::fs::read(component)?)?;
        shadowed
            .0
            .install_shadow(source, false)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;

        let hosts = [&plain.0, &inline.0, &background.0, &shadowed.0];
        let results = ShadowResults::new(shadow_db.clone());
        let mut times: [Vec<Duration>; 4] = Default::default();
        let (mut offered, mut count) = (0u64, 0usize);
        // Blocks of BLOCK turns per mode, the modes in turn; the first round
        // is warm-up. Between blocks the background work is let finish, so
        // it weighs on its own block's turns only.
        let block: usize = std::env::var("SHADOW_BENCH_BLOCK")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(BLOCK)
            .max(1);
        let rounds = n.div_ceil(block) + 1;
        for round in 0..rounds {
            // Each round starts with another mode (no mode always follows
            // the same one).
            for mode in (0..hosts.len()).map(|m| (m + round) % hosts.len()) {
                let host = hosts[mode];
                for _ in 0..block {
                    let turn = support::turn(count, &mode.to_string());
                    count += 1;
                    let t = Instant::now();
                    let (_, result) = host
                        .handle_turn("tech", &turn)
                        .await
                        .ok_or_else(|| anyhow::anyhow!("no tech seller"))?;
                    result.map_err(|e| anyhow::anyhow!("{e}"))?;
                    let elapsed = t.elapsed();
                    if round > 0 {
                        times[mode].push(elapsed);
                    }
                }
                // Quiesce: records written, shadow turns compared or dropped.
                background.0.flush_records().await;
                if mode == 3 {
                    offered += block as u64;
                    let deadline = Instant::now() + Duration::from_secs(120);
                    loop {
                        let r = results.reports(&shadowed.0).await?;
                        let seen = r.first().map_or(0, |r| r.compared + r.dropped);
                        if seen >= offered || Instant::now() > deadline {
                            break;
                        }
                        tokio::time::sleep(Duration::from_millis(20)).await;
                    }
                }
            }
        }
        let report = ShadowResults::new(shadow_db)
            .reports(&shadowed.0)
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| anyhow::anyhow!("no shadow report"))?;

        let per_mode = times[0].len();
        let [a, b, c, d] = times.map(support::stats);
        println!(
            "{} turns per mode after a warm-up round, in blocks of {block} per mode taken in turn, back to back within a block on a 2-worker runtime\n",
            per_mode
        );
        println!("| seller-tech live turn (`Plugins::handle_turn`) | mean | p50 | p99 |");
        println!("| --- | ---: | ---: | ---: |");
        for (name, s) in [
            ("nothing behind it", a),
            ("recorded, written inline (before)", b),
            ("recorded, background writer (now)", c),
            ("shadow version compared in the background", d),
        ] {
            println!("| {name} | {:.1} µs | {:.1} µs | {:.1} µs |", s.0, s.1, s.2);
        }
        println!(
            "\nshadow: {} turns compared ({} same, {} differing, {} failed), {} dropped (queue {}); writer dropped {}",
            report.compared,
            report.same,
            report.differing,
            report.failed,
            report.dropped,
            RecordConfig::default().shadow_queue,
            writer.dropped()
        );
        Ok(())
    })
}
