//! Contract 0.2.1 through the real host: components built against 0.1.0,
//! 0.2.0 and 0.2.1 serving side by side, an unknown version refused at
//! load, the 0.2.0 cart actions on SQLite and PostgreSQL, and the `config`
//! grant.
//!
//! The plugins are the test corpus under `tests/plugins/`: a router and a
//! seller built with wit-bindgen straight from `wit/v0.1.0` (no SDK), a
//! seller built the same way from `wit/v0.2.0` (before the `analysis`
//! import), the SDK-built `cart-editor` (0.2.1, brand tech, driven by
//! commands), and a seller of a contract version no host serves (0.9.0).

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use agent_store::config::Config;
use common::{Backend, Harness, readable, workspace};
use serde_json::Value;

const CORPUS: &[&str] = &[
    "cart-editor",
    "contract-v01-router",
    "contract-v01-seller",
    "contract-v020-seller",
    "contract-v09-seller",
];

/// The corpus, built once per test process.
fn corpus_dir() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let out = workspace().join("target/contract-plugins");
        let crates: Vec<PathBuf> = CORPUS
            .iter()
            .map(|name| workspace().join("tests/plugins").join(name))
            .collect();
        agent_store::devkit::build::build_crates(&workspace(), &crates, &out)
            .expect("the contract corpus builds");
        out
    })
    .clone()
}

/// Install built plugins (manifest and component, as drop-ins).
fn install(names: &[&str], to: &Path) {
    for name in names {
        let (from, dest) = (corpus_dir().join(name), to.join(name));
        std::fs::create_dir_all(&dest).expect("mkdir");
        for e in std::fs::read_dir(&from).expect("read") {
            let e = e.expect("entry");
            let file = e.file_name().to_string_lossy().into_owned();
            if file == "plugin.toml" || file.ends_with(".wasm") {
                std::fs::copy(e.path(), dest.join(&file)).expect("copy");
            }
        }
    }
}

/// A host serving `names` from the corpus.
async fn start(
    backend: Backend,
    names: &[&str],
    tweak: impl FnOnce(&mut Config),
) -> (Harness, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    install(names, dir.path());
    let h = Harness::start_on_with(backend, dir.path().to_path_buf(), tweak).await;
    (h, dir)
}

/// What the customer was told by the last message, as text.
fn last_told(h: &Harness, wa_id: &str) -> String {
    let messages = h.sink.to(wa_id);
    readable(messages.last().map(std::slice::from_ref).unwrap_or(&[]))
}

/// The customer says `text` and gets the reply's text.
async fn ask(h: &Harness, wa_id: &str, n: &mut u32, text: &str) -> String {
    *n += 1;
    let before = h.sink.to(wa_id).len();
    h.say(wa_id, &format!("wamid.{wa_id}.{n}"), text).await;
    let after = h.sink.to(wa_id).len();
    assert!(after > before, "{text:?} got a reply");
    last_told(h, wa_id)
}

/// The cart the host keeps, as `ID=N` sorted, read back through the seller
/// (`orders.get-cart`).
async fn cart(h: &Harness, wa_id: &str, n: &mut u32) -> String {
    let told = ask(h, wa_id, n, "tech cart").await;
    let lines = told
        .split_once("cart: [")
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(lines, _)| lines)
        .unwrap_or_else(|| panic!("a cart report in {told:?}"));
    let mut lines: Vec<&str> = lines.split(',').filter(|l| !l.is_empty()).collect();
    lines.sort();
    lines.join(",")
}

fn plugin<'a>(listing: &'a Value, name: &str) -> &'a Value {
    listing["plugins"]
        .as_array()
        .and_then(|l| l.iter().find(|p| p["name"] == name))
        .unwrap_or_else(|| panic!("{name} loaded: {listing}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn components_of_0_1_0_0_2_0_and_0_2_1_serve_side_by_side() {
    let (h, _dir) = start(
        Backend::Sqlite,
        &[
            "contract-v01-router",
            "contract-v01-seller",
            "contract-v020-seller",
            "cart-editor",
        ],
        |_| {},
    )
    .await;
    let listing = h.admin("/plugins").await;
    assert_eq!(plugin(&listing, "contract-v01-router")["contract"], "0.1.0");
    assert_eq!(plugin(&listing, "contract-v01-seller")["contract"], "0.1.0");
    assert_eq!(
        plugin(&listing, "contract-v020-seller")["contract"],
        "0.2.0"
    );
    assert_eq!(plugin(&listing, "cart-editor")["contract"], "0.2.1");
    assert_eq!(listing["failed"], serde_json::json!([]), "{listing}");

    // One customer, both sellers, the 0.1.0 router choosing between them.
    let (wa_id, mut n) = ("15550201001", 0);
    let told = ask(&h, wa_id, &mut n, "home hello there").await;
    assert!(
        told.contains("legacy seller (contract 0.1.0) heard: home hello there"),
        "{told}"
    );
    // An 0.1.0 import (catalog search) and an 0.1.0 action (add-to-cart).
    let told = ask(&h, wa_id, &mut n, "home add a sofa").await;
    let added = told
        .strip_prefix("legacy seller added ")
        .unwrap_or_else(|| panic!("an added product in {told:?}"))
        .trim()
        .to_string();
    assert!(added.starts_with("HOM-"), "{added}");
    // The 0.2.0 seller sees the same cart and edits it with 0.2.0 actions.
    let told = ask(&h, wa_id, &mut n, "tech add TEC-0012 2").await;
    assert!(told.contains("done: add TEC-0012 2"), "{told}");
    assert_eq!(
        cart(&h, wa_id, &mut n).await,
        format!("{added}=1,TEC-0012=2")
    );
    // The seller built against 0.2.0 (no `analysis` import) is linked by
    // the 0.2.1 host: its imports answer and its 0.2.0 action applies.
    let told = ask(&h, wa_id, &mut n, "beauty lipstick").await;
    assert!(
        told.contains("0.2.0 seller found") && told.contains("emptied a cart of 2 line(s)"),
        "{told}"
    );
    assert!(!told.contains("found 0 product(s)"), "{told}");
    assert_eq!(cart(&h, wa_id, &mut n).await, "");
    let told = ask(&h, wa_id, &mut n, "home still there?").await;
    assert!(told.contains("legacy seller"), "{told}");
    let listing = h.admin("/plugins").await;
    for name in [
        "contract-v01-router",
        "contract-v01-seller",
        "contract-v020-seller",
        "cart-editor",
    ] {
        assert_eq!(plugin(&listing, name)["errors"], 0, "{listing}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_component_of_an_unknown_contract_version_is_refused_at_load() {
    let (h, _dir) = start(
        Backend::Sqlite,
        &["contract-v01-router", "contract-v09-seller", "cart-editor"],
        |_| {},
    )
    .await;
    let listing = h.admin("/plugins").await;
    let failed = listing["failed"].as_array().expect("failed");
    let reason = failed
        .iter()
        .find(|f| f["name"] == "contract-v09-seller")
        .and_then(|f| f["error"].as_str())
        .unwrap_or_else(|| panic!("contract-v09-seller refused: {listing}"));
    assert!(
        reason.contains("built against agent-store:plugin@0.9.0")
            && reason.contains("0.2.1")
            && reason.contains("0.1.0"),
        "{reason}"
    );
    // Everyone else serves.
    let mut n = 0;
    let told = ask(&h, "15550202001", &mut n, "tech cart").await;
    assert!(told.starts_with("cart:"), "{told}");
    // A customer of the refused seller's brand is still answered (by the
    // host: the department menu or its no-seller answer), never left waiting.
    let told = ask(&h, "15550202002", &mut n, "fashion hello, I need shoes").await;
    assert!(!told.trim().is_empty(), "{told}");
}

/// The 0.2.0 cart actions, checked like add-to-cart.
async fn cart_actions_edit_the_cart_within_bounds(backend: Backend) {
    let (h, _dir) = start(backend, &["contract-v01-router", "cart-editor"], |_| {}).await;
    let (wa_id, mut n) = ("15550203001", 0);
    for command in [
        "tech add TEC-0012 2",
        "tech add TEC-0010 1",
        "tech set TEC-0012 5",
        // Over the most units of a line: refused, the cart untouched.
        "tech set TEC-0012 150",
        // Another brand's product is not this seller's to touch.
        "tech set HOM-0001 1",
        "tech remove TEC-0010",
        // Removing what is not in the cart is no error.
        "tech remove TEC-0010",
        // Setting a product not yet in the cart adds its line.
        "tech set TEC-0011 3",
    ] {
        let told = ask(&h, wa_id, &mut n, command).await;
        assert!(told.contains("done:"), "{command:?}: {told}");
    }
    assert_eq!(cart(&h, wa_id, &mut n).await, "TEC-0011=3,TEC-0012=5");
    let told = ask(&h, wa_id, &mut n, "tech set TEC-0011 0").await;
    assert!(told.contains("done:"), "{told}");
    assert_eq!(cart(&h, wa_id, &mut n).await, "TEC-0012=5");
    let told = ask(&h, wa_id, &mut n, "tech clear").await;
    assert!(told.contains("done:"), "{told}");
    assert_eq!(cart(&h, wa_id, &mut n).await, "");

    // The refusals are in the plugin's operations log, with why.
    let logs = h.admin("/plugins/cart-editor/logs").await;
    let refused: Vec<&str> = logs["logs"]
        .as_array()
        .expect("logs")
        .iter()
        .filter(|l| l["event"] == "action_refused")
        .filter_map(|l| l["message"].as_str())
        .collect();
    assert_eq!(refused.len(), 2, "{logs}");
    assert!(
        refused[0].contains("set-cart-quantity") && refused[0].contains("quantity"),
        "{refused:?}"
    );
    assert!(refused[1].contains("HOM-0001"), "{refused:?}");
    // The cart edits never failed the turn.
    let listing = h.admin("/plugins").await;
    assert_eq!(plugin(&listing, "cart-editor")["errors"], 0, "{listing}");
}

on_each_backend!(cart_actions_edit_the_cart_within_bounds);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_config_grant_delivers_the_brands_configured_values() {
    // Through the config file, as an operator writes it.
    let data = tempfile::tempdir().expect("tempdir");
    let file = data.path().join("agent-store.toml");
    std::fs::write(
        &file,
        r#"
[plugins.config.tech]
greeting = "Olá, tech fan"
free_shipping_over = 5000
secret_margin = "0.42"

[plugins.config.home]
greeting = "home only"
"#,
    )
    .expect("write config");
    let loaded = Config::load_with(Some(&file), Default::default()).expect("config loads");
    let (h, _dir) = start(
        Backend::Sqlite,
        &["contract-v01-router", "cart-editor"],
        |c| c.plugins.config = loaded.plugins.config,
    )
    .await;
    let (wa_id, mut n) = ("15550204001", 0);
    let told = ask(&h, wa_id, &mut n, "tech config greeting").await;
    assert!(told.contains("config greeting = Olá, tech fan"), "{told}");
    let told = ask(&h, wa_id, &mut n, "tech config free_shipping_over").await;
    assert!(told.contains("config free_shipping_over = 5000"), "{told}");
    // Configured for the brand but not granted in the manifest: denied.
    let told = ask(&h, wa_id, &mut n, "tech config secret_margin").await;
    assert!(told.contains("config secret_margin unset"), "{told}");
    let listing = h.admin("/plugins").await;
    let editor = plugin(&listing, "cart-editor");
    assert_eq!(editor["denied_by_capability"]["config"], 1, "{editor}");
}

/// 0.2.1's `analysis` import through a real component: the host reads a
/// text as the SDK does, refuses one longer than it analyses (4,096
/// bytes) with a reason, and the SDK then reads it itself.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_host_reads_a_plugins_text_up_to_its_limit() {
    let (h, _dir) = start(
        Backend::Sqlite,
        &["contract-v01-router", "cart-editor"],
        |_| {},
    )
    .await;
    let (wa_id, mut n) = ("15550205001", 0);
    let told = ask(&h, wa_id, &mut n, "tech analyse 60").await;
    assert!(
        told.contains("analysis: host [greeting] sdk [greeting]")
            && told.contains("brands same: true")
            && told.contains("sneakers")
            && told.contains("\") same: true"),
        "{told}"
    );
    let told = ask(&h, wa_id, &mut n, "tech analyse 4097").await;
    assert!(
        told.contains("analysis: host refused HostError::Invalid(")
            && told.contains("4096 bytes")
            && told.contains("sdk [greeting]"),
        "{told}"
    );
    let listing = h.admin("/plugins").await;
    assert_eq!(plugin(&listing, "cart-editor")["errors"], 0, "{listing}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_config_grant_reads_values_kept_beside_the_brands_prompt() {
    // The brand team's file beside its persona prompt; the operator's
    // config file wins on a key both set; a broken file of another brand
    // is skipped (one warning) and nothing else changes.
    let prompts = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        prompts.path().join("tech.config.toml"),
        "greeting = \"Hi from prompts/\"\nfree_shipping_over = 7500\n",
    )
    .expect("write");
    std::fs::write(prompts.path().join("home.config.toml"), "greeting = [").expect("write");
    let dir = prompts.path().to_path_buf();
    let (h, _dir) = start(
        Backend::Sqlite,
        &["contract-v01-router", "cart-editor"],
        |c| {
            c.plugins.prompts_dir = Some(dir);
            c.plugins.config.insert(
                "tech".into(),
                std::collections::BTreeMap::from([(
                    "free_shipping_over".into(),
                    agent_store::plugins::ConfigValue::Integer(9900),
                )]),
            );
        },
    )
    .await;
    let (wa_id, mut n) = ("15550205001", 0);
    let told = ask(&h, wa_id, &mut n, "tech config greeting").await;
    assert!(
        told.contains("config greeting = Hi from prompts/"),
        "{told}"
    );
    let told = ask(&h, wa_id, &mut n, "tech config free_shipping_over").await;
    assert!(told.contains("config free_shipping_over = 9900"), "{told}");
}
