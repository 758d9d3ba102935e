//! Plugin dispatch benchmark: the per-turn cost (fresh instance + turn, no
//! LLM) of the real router and the real tech seller as wasm components in
//! the host's runtime, against the same plugin logic compiled natively and
//! called through the SDK's `Host` trait, backed by the same host catalog
//! (SQLite + tantivy, the demo feed). Also the instantiate-only cost.
//!
//! ```text
//! cargo bench -p agent-store --bench plugins
//! PLUGIN_BENCH_TURNS=2000 cargo bench -p agent-store --bench plugins
//! PLUGIN_BENCH_PLUGINS=DIR cargo bench -p agent-store --bench plugins
//! ```
//!
//! Builds `plugins/router` and `plugins/seller-tech` to wasm first, unless
//! `PLUGIN_BENCH_PLUGINS` names a directory of installed components
//! (`DIR/router/`, `DIR/seller-tech/`, e.g. built from another commit, to
//! compare two versions of the guests with one host in one sitting).
//!
//! Besides wall-clock times, each row reports the process's CPU time per
//! turn (every thread's, from `/proc/self/task/*/schedstat`, Linux only):
//! on a loaded machine wall-clock time is mostly the scheduler, CPU time
//! is not; and its minor page faults per turn (`/proc/self/stat`).
//! `PLUGIN_BENCH_KEEP_RESIDENT=0` times the pool without resident slots
//! (each freed slot's pages given back, as before issue 16's fourth
//! session; in the host, `[plugins] keep_resident_bytes = 0`), to compare
//! the two in one sitting.

mod support;

use support::workspace;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use agent_store::catalog::Catalog;
// The catalog interface's WIT conversions, as the plugin host converts.
use agent_store::catalog::plugin_host as convert;
use agent_store::llm::Llm;
use agent_store::plugins::{
    BrandDirectory as _, Compiler, LoadedPlugin, Manifest, Runtime, TurnLimits, wit,
};
use agent_store_sdk::testing::product_from_feed;
use agent_store_sdk::types as sdk;
use agent_store_sdk::{Host, Router as _, Seller as _};

/// Customer messages, en/pt/es, the router and the seller both answer.
const MESSAGES: &[&str] = &[
    "I'm looking for a laptop for work under 1500",
    "hi",
    "quero um fone de ouvido bluetooth com cancelamento de ruído",
    "busco un smartphone con buena cámara",
    "do you have a smartwatch in black?",
    "add:TEC-0001",
];

/// The SDK's `Host` over the host's own catalog, natively: what a plugin
/// gets through its imports, minus the sandbox.
struct NativeHost {
    catalog: Catalog,
    brand: Option<String>,
    prompt: String,
    /// The router's `routing` import: the same brand vocabulary the wasm
    /// router gets (a seller's host has none).
    routing: Option<agent_store::routing::Vocabulary>,
}

impl Host for NativeHost {
    fn search(&self, q: &sdk::SearchQuery) -> Result<Vec<sdk::ScoredProduct>, sdk::HostError> {
        let q = convert::search_query(
            wit::SearchQuery {
                text: q.text.clone(),
                max_price_minor: q.max_price_minor,
                min_price_minor: q.min_price_minor,
                color: q.color.clone(),
                size: q.size.clone(),
                gender: q.gender.clone(),
                in_stock_only: q.in_stock_only,
                limit: q.limit,
            },
            20,
        );
        Ok(self
            .catalog
            .search(self.brand.as_deref(), &q)
            .iter()
            .map(|s| sdk::ScoredProduct {
                product: product_from_feed(s.product.clone()),
                score: s.score,
            })
            .collect())
    }

    fn product(&self, id: &str) -> Result<Option<sdk::Product>, sdk::HostError> {
        Ok(self
            .catalog
            .get(self.brand.as_deref(), id)
            .map(product_from_feed))
    }

    fn recommend(
        &self,
        product_id: &str,
        kind: sdk::RecommendationKind,
        limit: u32,
    ) -> Result<Vec<sdk::Recommendation>, sdk::HostError> {
        let k = match kind {
            sdk::RecommendationKind::CrossSell => wit::RecommendationKind::CrossSell,
            sdk::RecommendationKind::Upsell => wit::RecommendationKind::Upsell,
            sdk::RecommendationKind::Alternative => wit::RecommendationKind::Alternative,
        };
        Ok(self
            .catalog
            .recommend(
                self.brand.as_deref(),
                product_id,
                convert::recommendation_kind(k),
                limit.clamp(1, 20),
            )
            .iter()
            .map(|r| sdk::Recommendation {
                product: product_from_feed(r.product.clone()),
                kind,
                explanation: r.explanation.clone(),
            })
            .collect())
    }

    fn chat(&self, _: &sdk::ChatRequest) -> Result<sdk::ChatResponse, sdk::HostError> {
        Err(sdk::HostError::Unavailable("no LLM is configured".into()))
    }
    fn cart(&self) -> Result<sdk::Cart, sdk::HostError> {
        Err(sdk::HostError::Unavailable(
            "no conversation in this call".into(),
        ))
    }
    fn orders(&self, _: u32) -> Result<Vec<sdk::OrderSummary>, sdk::HostError> {
        Err(sdk::HostError::Unavailable(
            "no conversation in this call".into(),
        ))
    }
    fn history(&self, _: u32) -> Vec<sdk::HistoryEntry> {
        Vec::new()
    }
    fn state(&self, _: &str) -> Option<String> {
        None
    }
    fn set_state(&self, _: &str, _: &str) -> Result<(), sdk::HostError> {
        Err(sdk::HostError::Unavailable(
            "no conversation in this call".into(),
        ))
    }
    fn config(&self, _: &str) -> Option<String> {
        None
    }
    fn prompt(&self) -> String {
        self.prompt.clone()
    }
    fn log(&self, _: sdk::LogLevel, message: &str) {
        black_box(message);
    }
    fn brands(&self) -> Result<Vec<sdk::BrandProfile>, sdk::HostError> {
        let Some(routing) = &self.routing else {
            return Err(sdk::HostError::Unavailable("not a router".into()));
        };
        Ok(routing
            .profiles(&brands())
            .into_iter()
            .map(|p| sdk::BrandProfile {
                brand: p.brand,
                display_name: p.display_name,
                categories: p.categories,
                examples: p.examples,
            })
            .collect())
    }
    fn match_text(&self, text: &str, limit: u32) -> Result<Vec<sdk::BrandMatch>, sdk::HostError> {
        let Some(routing) = &self.routing else {
            return Err(sdk::HostError::Unavailable("not a router".into()));
        };
        // As the import does: the requested brands only, the limit bounded.
        Ok(routing
            .match_text(&brands(), text, limit.clamp(1, 20))
            .into_iter()
            .map(|m| sdk::BrandMatch {
                brand: m.brand,
                score: m.score,
                terms: m.terms,
            })
            .collect())
    }
}

fn customer() -> (wit::Customer, sdk::Customer) {
    (
        wit::Customer {
            wa_id: "5511999990000".into(),
            name: Some("Ana".into()),
        },
        sdk::Customer {
            wa_id: "5511999990000".into(),
            name: Some("Ana".into()),
        },
    )
}

fn message(text: &str) -> (wit::InboundMessage, sdk::InboundMessage) {
    (
        wit::InboundMessage {
            id: "wamid.bench".into(),
            timestamp: 1_700_000_000,
            content: wit::MessageContent::Text(text.into()),
            reply_to: None,
        },
        sdk::InboundMessage {
            id: "wamid.bench".into(),
            timestamp: 1_700_000_000,
            content: sdk::MessageContent::Text(text.into()),
            reply_to: None,
        },
    )
}

const BRANDS: [&str; 5] = ["fashion", "tech", "home", "beauty", "gaming"];

fn brands() -> Vec<String> {
    BRANDS.iter().map(|b| b.to_string()).collect()
}

fn route_requests() -> Vec<(wit::RouteRequest, sdk::RouteRequest)> {
    MESSAGES
        .iter()
        .map(|text| {
            let (wc, sc) = customer();
            let (wm, sm) = message(text);
            let brands = brands();
            (
                wit::RouteRequest {
                    conversation_id: String::new(),
                    customer: wc,
                    message: wm,
                    current_brand: None,
                    history: Vec::new(),
                    brands: brands.clone(),
                },
                sdk::RouteRequest {
                    conversation_id: String::new(),
                    customer: sc,
                    message: sm,
                    current_brand: None,
                    history: Vec::new(),
                    brands,
                },
            )
        })
        .collect()
}

fn turns() -> Vec<(wit::Turn, sdk::Turn)> {
    MESSAGES
        .iter()
        .map(|text| {
            let (wc, sc) = customer();
            let (wm, sm) = message(text);
            // What the pipeline hands a seller: the language the host
            // detected once for the message (a new conversation's).
            let language = agent_store::pipeline::detect_language(text).to_string();
            (
                wit::Turn {
                    conversation_id: "conv-bench".into(),
                    customer: wc,
                    brand: "tech".into(),
                    message: wm,
                    history: Vec::new(),
                    language: language.clone(),
                },
                sdk::Turn {
                    conversation_id: "conv-bench".into(),
                    customer: sc,
                    brand: "tech".into(),
                    message: sm,
                    history: Vec::new(),
                    language,
                },
            )
        })
        .collect()
}

/// Per-call durations of `n` runs of `f(i)`, after `n / 10` warm-up runs.
/// This process's CPU time so far, all threads (the SQLite worker
/// included), from the scheduler's nanosecond counters; `None` off Linux.
fn process_cpu() -> Option<Duration> {
    let mut total = 0u64;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(Duration::from_nanos(total))
}

/// This process's minor page faults so far (`/proc/self/stat`'s
/// `minflt`); `None` off Linux.
fn minor_faults() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // After the command name in parentheses: state, ppid, pgrp, session,
    // tty_nr, tpgid, flags, minflt.
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(7)?.parse().ok()
}

/// What [`measure`] saw: each call's duration, the process's CPU time and
/// its minor page faults over the timed calls.
struct Measured {
    times: Vec<Duration>,
    cpu: Option<Duration>,
    faults: Option<u64>,
}

/// `n` timed calls after `n / 10` warm-up calls, and the process's CPU
/// time and page faults over the timed calls.
async fn measure<F, Fut>(n: usize, mut f: F) -> Measured
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for i in 0..n / 10 {
        f(i).await;
    }
    let mut out = Vec::with_capacity(n);
    let (cpu0, faults0) = (process_cpu(), minor_faults());
    for i in 0..n {
        let t = Instant::now();
        f(i).await;
        out.push(t.elapsed());
    }
    let cpu = process_cpu().zip(cpu0).map(|(b, a)| b.saturating_sub(a));
    let faults = minor_faults()
        .zip(faults0)
        .map(|(b, a)| b.saturating_sub(a));
    Measured {
        times: out,
        cpu,
        faults,
    }
}

struct Stats {
    mean: f64,
    p50: f64,
    p99: f64,
    /// CPU time per call, µs.
    cpu: Option<f64>,
    /// Minor page faults per call (the whole process's).
    faults: Option<f64>,
}

fn stats(m: Measured) -> Stats {
    let (mut d, cpu) = (m.times, m.cpu);
    d.sort();
    let us = |x: Duration| x.as_secs_f64() * 1e6;
    Stats {
        mean: d.iter().map(|x| us(*x)).sum::<f64>() / d.len() as f64,
        p50: us(d[d.len() / 2]),
        p99: us(d[(d.len() * 99 / 100).min(d.len() - 1)]),
        cpu: cpu.map(|c| us(c) / d.len() as f64),
        faults: m.faults.map(|f| f as f64 / d.len() as f64),
    }
}

fn row(what: &str, s: &Stats, native: Option<&Stats>) {
    let ratio = |f: fn(&Stats) -> Option<f64>| {
        native
            .and_then(|n| Some(f(s)? / f(n)?))
            .map_or("–".to_string(), |r| format!("{r:.1}×"))
    };
    let cpu = s.cpu.map_or("–".to_string(), |c| format!("{c:.1} µs"));
    let faults = s.faults.map_or("–".to_string(), |f| format!("{f:.1}"));
    println!(
        "| {what} | {:.1} µs | {:.1} µs | {:.1} µs | {cpu} | {faults} | {} | {} | {} |",
        s.mean,
        s.p50,
        s.p99,
        ratio(|s| Some(s.mean)),
        ratio(|s| Some(s.p50)),
        ratio(|s| s.cpu),
    );
}

fn load(runtime: &Runtime, dir: &Path, name: &str) -> Arc<LoadedPlugin> {
    let manifest = Manifest::read(&dir.join(name).join("plugin.toml")).expect("manifest");
    let bytes = std::fs::read(dir.join(name).join(manifest.component_file())).expect("component");
    Arc::new(runtime.load(manifest, &bytes).expect("loads"))
}

fn main() -> anyhow::Result<()> {
    let turns_n: usize = std::env::var("PLUGIN_BENCH_TURNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let ws = workspace();
        let plugins = match std::env::var_os("PLUGIN_BENCH_PLUGINS") {
            Some(dir) => PathBuf::from(dir),
            None => {
                let plugins = ws.join("target/bench-plugins");
                agent_store::devkit::build::build_crates(
                    &ws,
                    &[ws.join("plugins/router"), ws.join("plugins/seller-tech")],
                    &plugins,
                )?;
                plugins
            }
        };
        let data = tempfile::tempdir()?;
        let services = support::demo_services(&ws, data.path(), Llm::none()).await?;
        let (catalog, prompts, routing) = (
            services.catalog.clone(),
            services.prompts.clone(),
            services.routing.clone(),
        );
        let runtime = Runtime::with_options(
            TurnLimits::default(),
            Compiler::Optimised,
            keep_resident(),
        )?;
        let router = load(&runtime, &plugins, "router");
        let seller = load(&runtime, &plugins, "seller-tech");
        let native_router = NativeHost {
            catalog: catalog.clone(),
            brand: None,
            prompt: prompts.get("router").unwrap_or_default(),
            routing: Some(routing.clone()),
        };
        let native_seller = NativeHost {
            catalog: catalog.clone(),
            brand: Some("tech".into()),
            prompt: prompts.get("tech").unwrap_or_default(),
            routing: None,
        };
        let requests = route_requests();
        let turns = turns();

        // Sanity: both sides decide alike.
        for (w, s) in &requests {
            let wasm = runtime
                .route(&router, services.clone(), w)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let native = router::Policy::route(&native_router, s);
            anyhow::ensure!(
                wasm.brand == native.brand,
                "router disagrees on {:?}",
                s.message
            );
        }
        for (w, s) in &turns {
            let wasm = runtime
                .handle_turn(&seller, services.clone(), w)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let native = seller_tech::Tech::handle_turn(&native_seller, s)
                .map_err(|e| anyhow::anyhow!("{}", e.message))?;
            anyhow::ensure!(
                wasm.len() == native.len(),
                "seller disagrees on {:?}",
                s.message
            );
        }

        let r_inst = stats(
            measure(turns_n, |_| async {
                runtime
                    .instantiate(&router, services.clone())
                    .await
                    .expect("instantiates");
            })
            .await,
        );
        let s_inst = stats(
            measure(turns_n, |_| async {
                runtime
                    .instantiate(&seller, services.clone())
                    .await
                    .expect("instantiates");
            })
            .await,
        );
        let r_wasm = stats(
            measure(turns_n, |i| {
                let req = &requests[i % requests.len()].0;
                let (runtime, router, services) = (&runtime, &router, services.clone());
                async move {
                    black_box(runtime.route(router, services, req).await.expect("routes"));
                }
            })
            .await,
        );
        let r_native = stats(
            measure(turns_n, |i| {
                let req = &requests[i % requests.len()].1;
                black_box(router::Policy::route(&native_router, req));
                async {}
            })
            .await,
        );
        let s_wasm = stats(
            measure(turns_n, |i| {
                let turn = &turns[i % turns.len()].0;
                let (runtime, seller, services) = (&runtime, &seller, services.clone());
                async move {
                    black_box(
                        runtime
                            .handle_turn(seller, services, turn)
                            .await
                            .expect("answers"),
                    );
                }
            })
            .await,
        );
        let s_native = stats(
            measure(turns_n, |i| {
                let turn = &turns[i % turns.len()].1;
                black_box(seller_tech::Tech::handle_turn(&native_seller, turn).expect("answers"));
                async {}
            })
            .await,
        );

        println!(
            "{turns_n} turns per row over {} messages (en/pt/es), after {} warm-up turns\n",
            MESSAGES.len(),
            turns_n / 10
        );
        println!("components: {}", plugins.display());
        println!("bytes kept resident per memory slot: {}", keep_resident());
        println!(
            "| what | mean | p50 | p99 | CPU per turn | page faults per turn | wasm / native (mean) | (p50) | (CPU) |"
        );
        println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        row(
            "router: native (SDK `Host` over the host catalog)",
            &r_native,
            None,
        );
        row(
            "router: wasm, fresh instance + `route`",
            &r_wasm,
            Some(&r_native),
        );
        row("router: wasm, instantiate only", &r_inst, None);
        row(
            "seller-tech: native (SDK `Host` over the host catalog)",
            &s_native,
            None,
        );
        row(
            "seller-tech: wasm, fresh instance + `handle-turn`",
            &s_wasm,
            Some(&s_native),
        );
        row("seller-tech: wasm, instantiate only", &s_inst, None);
        Ok(())
    })
}

/// Bytes each pooled memory slot keeps resident: `PLUGIN_BENCH_KEEP_RESIDENT`
/// (bytes; `0` for none), else the host's default.
fn keep_resident() -> usize {
    std::env::var("PLUGIN_BENCH_KEEP_RESIDENT")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(agent_store::plugins::pool::DEFAULT_KEEP_RESIDENT)
}
