//! Recorded conversations replayed as tests, through the real interface: a
//! conversation over signed webhooks in the real host (router and seller
//! components, SQLite or PostgreSQL), exported with `agent-store
//! conversations export`, replayed with `agent-store replay` against the
//! same component (no difference, exit 0) and against a changed seller (the
//! differences listed exactly, non-zero exit), `agent-store plugin test`
//! running the replay files kept beside a plugin, and bad replay files
//! (another contract, truncated, edited by hand) refused clearly.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use common::child_host::binary;
use common::replay_seller::{expected_differences, install};
use common::{Backend, Harness, plugins_dir, workspace};
use serde_json::{Value, json};

/// The customer: their number must not reach the recording.
const CUSTOMER: &str = "5511987654321";
const MASKED: &str = "55xxxxxxxxx21";

/// A conversation that searches, picks, reads the cart and orders.
const SAYS: &[&str] = &[
    "hi, I'm looking for running shoes",
    "I'll take the second one",
    "show my cart",
    "that's all",
];

/// The replay test sellers, built once per test process.
fn corpus_dir() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let out = workspace().join("target/replay-plugins");
        let crates: Vec<PathBuf> = ["replay-seller", "replay-seller-changed"]
            .iter()
            .map(|name| workspace().join("tests/plugins").join(name))
            .collect();
        agent_store::devkit::build::build_crates(&workspace(), &crates, &out)
            .expect("the replay sellers build");
        out
    })
    .clone()
}

fn component(dir: &Path, name: &str) -> PathBuf {
    dir.join(name).join(format!("{name}.wasm"))
}

/// `agent-store ARGS` against the harness's database.
fn cli(h: &Harness, args: &[&str]) -> Output {
    let c = &h.app.state.config;
    Command::new(binary())
        .args(args)
        .env("AGENT_STORE_DATA_DIR", &c.data_dir)
        .env("AGENT_STORE_DATABASE_URL", &c.database.url)
        .env("AGENT_STORE_LOG_FILTER", "warn")
        .output()
        .expect("agent-store runs")
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

/// The customer's conversation, then its export as a replay file.
async fn record_and_export(h: &Harness, file: &Path) -> Value {
    for (i, say) in SAYS.iter().enumerate() {
        let status = h.say(CUSTOMER, &format!("wamid.replay.{i}"), say).await;
        assert_eq!(status, 200);
    }
    let conversation = h.conversation_of(CUSTOMER).await.expect("conversation");
    let id = conversation["id"].as_str().expect("id").to_string();
    let out = cli(
        h,
        &[
            "conversations",
            "export",
            &id,
            "--out",
            &file.display().to_string(),
        ],
    );
    assert!(out.status.success(), "export: {}", text(&out.stderr));
    let raw = std::fs::read_to_string(file).expect("replay file written");
    assert!(
        !raw.contains(CUSTOMER),
        "the customer's number is masked everywhere in the file"
    );
    assert!(raw.contains(MASKED), "the masked number is there");
    let parsed: Value = serde_json::from_str(&raw).expect("json");
    assert_eq!(parsed["format"], "agent-store-replay");
    assert_eq!(parsed["contract"], "agent-store:plugin@0.2.1");
    assert_eq!(parsed["conversation"], id.as_str());
    parsed
}

/// The recorded seller turns (exchange.seller) of a replay file.
fn seller_turns(file: &Value) -> Vec<&Value> {
    file["turns"]
        .as_array()
        .expect("turns")
        .iter()
        .filter(|t| t["exchange"]["seller"].is_object())
        .collect()
}

/// The functions a turn's imports were called as.
fn functions(turn: &Value) -> Vec<String> {
    turn["calls"]
        .as_array()
        .expect("calls")
        .iter()
        .map(|c| c["function"].as_str().unwrap_or_default().to_string())
        .collect()
}

async fn demo_conversation_replays_with_no_difference(backend: Backend) {
    let h = Harness::start_on(backend).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("conversation.replay.json");
    let exported = record_and_export(&h, &file).await;

    let sellers = seller_turns(&exported);
    assert_eq!(sellers.len(), SAYS.len(), "one seller turn per message");
    for t in &sellers {
        assert_eq!(t["plugin"]["name"], "seller-fashion");
        let digest = t["plugin"]["digest"].as_str().expect("digest");
        let bytes = std::fs::read(component(&plugins_dir(), "seller-fashion")).expect("wasm");
        assert_eq!(digest, agent_store::plugins::store::digest(&bytes));
        assert_eq!(t["plugin"]["contract"], "0.2.1");
    }
    // The import answers as the plugin saw them: catalog and state, and
    // the host's reading of the customer's words (0.2.1's `analysis`).
    let all: Vec<String> = sellers.iter().flat_map(|t| functions(t)).collect();
    for f in [
        "catalog.search",
        "conversation.get-state",
        "conversation.set-state",
        "analysis.signals-of",
        "analysis.reading-of",
        "analysis.expanded-query-of",
    ] {
        assert!(all.iter().any(|x| x == f), "{f} recorded: {all:?}");
    }
    let routed: Vec<&Value> = exported["turns"]
        .as_array()
        .expect("turns")
        .iter()
        .filter(|t| t["exchange"]["router"].is_object())
        .collect();
    assert!(!routed.is_empty(), "router turns recorded too");
    let all: Vec<String> = routed.iter().flat_map(|t| functions(t)).collect();
    for f in [
        "analysis.signals-of",
        "analysis.store-question-of",
        "routing.match-text",
    ] {
        assert!(all.iter().any(|x| x == f), "{f} recorded: {all:?}");
    }

    // The same components: nothing differs, exit 0.
    for name in ["seller-fashion", "router"] {
        let out = cli(
            &h,
            &[
                "replay",
                &file.display().to_string(),
                "--plugin",
                &component(&plugins_dir(), name).display().to_string(),
            ],
        );
        let stdout = text(&out.stdout);
        assert!(
            out.status.success(),
            "{name} replays without difference:\n{stdout}\n{}",
            text(&out.stderr)
        );
        assert!(!stdout.contains("difference"), "{stdout}");
    }
    let out = cli(
        &h,
        &[
            "replay",
            &file.display().to_string(),
            "--plugin",
            &component(&plugins_dir(), "seller-fashion")
                .display()
                .to_string(),
            "--json",
        ],
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("json report");
    let turns = report[0]["turns"].as_array().expect("turns");
    assert_eq!(turns.len(), SAYS.len(), "{report}");
    assert!(
        turns.iter().all(|t| t["differences"] == json!([])),
        "{report}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_demo_conversation_replays_with_no_difference_on_sqlite() {
    demo_conversation_replays_with_no_difference(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_demo_conversation_replays_with_no_difference_on_postgres() {
    demo_conversation_replays_with_no_difference(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_changed_seller_is_caught_turn_by_turn_and_bad_files_are_refused() {
    let plugins = tempfile::tempdir().expect("tempdir");
    for name in [
        "router",
        "seller-tech",
        "seller-home",
        "seller-beauty",
        "seller-gaming",
    ] {
        install(&plugins_dir(), name, plugins.path());
    }
    install(&corpus_dir(), "replay-seller", plugins.path());
    let h = Harness::start_with(plugins.path().to_path_buf(), |_| {}).await;
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("conversation.replay.json");
    let exported = record_and_export(&h, &file).await;
    let path = file.display().to_string();
    let replay = |name: &str| {
        let wasm = component(&corpus_dir(), name).display().to_string();
        cli(&h, &["replay", &path, "--plugin", &wasm, "--json"])
    };

    let same = replay("replay-seller");
    assert!(same.status.success(), "{}", text(&same.stdout));

    // Expected from the recording itself: turn number → differences.
    let mut expected = Vec::new();
    for (i, t) in exported["turns"]
        .as_array()
        .expect("turns")
        .iter()
        .enumerate()
    {
        let Some(actions) = t["exchange"]["seller"]["outcome"]["Ok"].as_array() else {
            continue;
        };
        let d = expected_differences(actions);
        if !d.is_empty() {
            expected.push(json!({"turn": i + 1, "differences": d}));
        }
    }
    let aspects: Vec<&str> = expected
        .iter()
        .flat_map(|t| t["differences"].as_array().expect("list"))
        .filter_map(|d| d["aspect"].as_str())
        .collect();
    assert!(
        aspects.contains(&"cart") && aspects.contains(&"order"),
        "the conversation adds to the cart and orders: {exported}"
    );

    let changed = replay("replay-seller-changed");
    assert!(!changed.status.success(), "differences: non-zero exit");
    assert!(
        text(&changed.stderr).contains("difference(s) in"),
        "{}",
        text(&changed.stderr)
    );
    let report: Value = serde_json::from_slice(&changed.stdout).expect("json report");
    let found: Vec<Value> = report[0]["turns"]
        .as_array()
        .expect("turns")
        .iter()
        .filter(|t| t["differences"] != json!([]))
        .map(|t| json!({"turn": t["turn"], "differences": t["differences"]}))
        .collect();
    assert_eq!(found, expected, "the differences, listed exactly");

    // `plugin test` runs the replay files kept beside the plugin.
    for (name, passes) in [("replay-seller", true), ("replay-seller-changed", false)] {
        let beside = dir.path().join(name);
        install(&corpus_dir(), name, &beside);
        let kept = beside.join(name).join("replays");
        std::fs::create_dir_all(&kept).expect("mkdir");
        std::fs::copy(&file, kept.join("conversation.json")).expect("copy");
        let m = beside.join(name).join("plugin.toml").display().to_string();
        let wasm = component(&beside, name).display().to_string();
        let out = cli(&h, &["plugin", "test", &wasm, "--manifest", &m]);
        assert_eq!(
            out.status.success(),
            passes,
            "{name}: {}\n{}",
            text(&out.stdout),
            text(&out.stderr)
        );
    }

    bad_files_are_refused(&h, &file);
}

/// Another contract, cut short, edited by hand, not a replay file: one
/// clear `error:` line each, non-zero exit, no panic.
fn bad_files_are_refused(h: &Harness, good: &Path) {
    let raw = std::fs::read_to_string(good).expect("read");
    let dir = good.parent().expect("dir");
    let mut v: Value = serde_json::from_str(&raw).expect("json");
    v["contract"] = json!("agent-store:plugin@0.9.0");
    let other_contract = serde_json::to_string(&v).expect("json");
    let mut v: Value = serde_json::from_str(&raw).expect("json");
    let said = &mut v["turns"][0]["calls"][0]["answer"];
    *said = json!("something nobody recorded");
    let edited = serde_json::to_string(&v).expect("json");
    let mut v: Value = serde_json::from_str(&raw).expect("json");
    v["turns"][0]["at"] = json!("yesterday");
    let wrong_shape = serde_json::to_string(&v).expect("json");
    let cases = [
        (
            "contract.json",
            other_contract,
            "recorded against agent-store:plugin@0.9.0",
        ),
        (
            "truncated.json",
            raw[..raw.len() / 2].to_string(),
            "is cut short",
        ),
        ("edited.json", edited, "was changed after it was exported"),
        ("shape.json", wrong_shape, "turns[0].at: invalid type"),
        (
            "other.json",
            "{\"hello\": 1}".to_string(),
            "is not an agent-store replay file",
        ),
    ];
    let wasm = component(&corpus_dir(), "replay-seller")
        .display()
        .to_string();
    for (name, body, says) in cases {
        let path = dir.join(name);
        std::fs::write(&path, body).expect("write");
        let out = cli(
            h,
            &["replay", &path.display().to_string(), "--plugin", &wasm],
        );
        let stderr = text(&out.stderr);
        assert!(!out.status.success(), "{name}: non-zero exit");
        assert!(stderr.contains(says), "{name}: {stderr}");
        assert!(
            stderr.contains(&path.display().to_string()),
            "{name} named: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
}
