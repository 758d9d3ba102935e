//! What the plugin benches share: the workspace, the services of a turn
//! over the demo catalog, the tech seller's turns (the same five messages,
//! en/pt/es) and the summary of a mode's timings. Each bench uses a part.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use agent_store::catalog::Catalog;
use agent_store::db::Db;
use agent_store::llm::{Llm, Prompts};
use agent_store::plugins::{Services, wit};
use agent_store::routing::Vocabulary;

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf()
}

/// What a plugin turn reaches, as a host started on `data` with the demo
/// catalog and the repository's prompts has it: no conversation store, no
/// carts, the given `llm`.
pub async fn demo_services(ws: &Path, data: &Path, llm: Llm) -> anyhow::Result<Services> {
    let catalog = Catalog::open(Db::connect("", data).await?, data).await?;
    catalog
        .import_csv_file(&ws.join("catalog/products.csv"))
        .await?;
    let prompts = Prompts::load(&ws.join("prompts"));
    let routing = Vocabulary::new(catalog.clone(), &prompts);
    Ok(Services {
        catalog,
        conversations: None,
        carts: None,
        llm,
        routing: routing.clone(),
        prompts,
        values: Arc::default(),
        brands: Arc::new(routing),
        seen: Default::default(),
        tape: Default::default(),
    })
}

const MESSAGES: &[&str] = &[
    "I'm looking for a laptop for work under 1500",
    "hi",
    "quero um fone de ouvido bluetooth com cancelamento de ruído",
    "busco un smartphone con buena cámara",
    "do you have a smartwatch in black?",
];

/// The `i`th tech seller turn, tagged `tag` (conversation `bench-<tag>-<i % 50>`).
pub fn turn(i: usize, tag: &str) -> wit::Turn {
    wit::Turn {
        conversation_id: format!("bench-{tag}-{}", i % 50),
        customer: wit::Customer {
            wa_id: "5511987654321".into(),
            name: Some("Bench".into()),
        },
        brand: "tech".into(),
        message: wit::InboundMessage {
            id: format!("wamid.bench.{tag}.{i}"),
            timestamp: 1_700_000_000,
            content: wit::MessageContent::Text(MESSAGES[i % MESSAGES.len()].into()),
            reply_to: None,
        },
        history: Vec::new(),
        language: String::new(),
    }
}

/// Mean, p50 and p99 of `d`, in µs.
pub fn stats(mut d: Vec<Duration>) -> (f64, f64, f64) {
    d.sort();
    let us = |x: Duration| x.as_secs_f64() * 1e6;
    let mean = d.iter().map(|x| us(*x)).sum::<f64>() / d.len() as f64;
    (
        mean,
        us(d[d.len() / 2]),
        us(d[(d.len() * 99 / 100).min(d.len() - 1)]),
    )
}
