//! The `agent-store` binary, as an operator runs it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("root")
        .to_path_buf()
}

fn agent_store(data_dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_agent-store"));
    cmd.current_dir(workspace())
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("RUST_LOG");
    cmd
}

/// Build the real plugins into `data_dir/plugins` through the CLI.
fn build_plugins(data_dir: &Path) {
    let out = agent_store(data_dir)
        .args(["plugin", "build"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "plugin build: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = String::from_utf8_lossy(&out.stdout).to_string();
    for name in [
        "router",
        "seller-beauty",
        "seller-fashion",
        "seller-gaming",
        "seller-home",
        "seller-tech",
    ] {
        assert!(listed.contains(name), "{name} built: {listed}");
    }
}

#[test]
fn route_prints_the_router_plugins_decision_as_json() {
    let data = tempfile::tempdir().expect("tempdir");
    build_plugins(data.path());
    let cases = [
        ("hi, I'm looking for a new laptop", "tech"),
        ("quero um batom vermelho", "beauty"),
        ("busco un sofá para la sala", "home"),
        ("I need a new controller for my PS5", "gaming"),
        ("do you have running shoes?", "fashion"),
    ];
    for (text, brand) in cases {
        let out = agent_store(data.path())
            .args(["route", text, "--json"])
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json on stdout");
        assert_eq!(v["brand"], brand, "{text}: {v}");
        let confidence = v["confidence"].as_f64().expect("confidence");
        assert!((0.0..=1.0).contains(&confidence));
    }

    let listed = agent_store(data.path())
        .args(["plugin", "list", "--json"])
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&listed.stdout).expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(6));
    assert!(
        v.as_array()
            .into_iter()
            .flatten()
            .all(|p| p["state"] == "ok")
    );
    // Each plugin's contract version is listed (the demo's are built with
    // the SDK, against the newest).
    assert!(
        v.as_array()
            .into_iter()
            .flatten()
            .all(|p| p["contract"] == "0.2.1"),
        "{v}"
    );
}

#[test]
fn catalog_import_reports_rejected_rows_and_search_prints_json() {
    let data = tempfile::tempdir().expect("tempdir");
    // The demo catalog plus one bad row: the good rows still import.
    let mut feed =
        std::fs::read_to_string(workspace().join("catalog/products.csv")).expect("catalog");
    if !feed.ends_with('\n') {
        feed.push('\n');
    }
    let lines = feed.lines().count();
    feed.push_str("BAD-1,Broken,No price here,in stock,new,,,,,tech,Misc,Misc,,,,,1,\n");
    let file = data.path().join("feed.csv");
    std::fs::write(&file, feed).expect("write");
    let out = agent_store(data.path())
        .args(["catalog", "import"])
        .arg(&file)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("imported 170 products, rejected 1"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("line {}: BAD-1", lines + 1)),
        "the rejected row names its line: {stdout}"
    );

    let out = agent_store(data.path())
        .args([
            "catalog",
            "search",
            "running shoes",
            "--brand",
            "fashion",
            "--json",
        ])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let hits = hits.as_array().expect("array");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["brand"] == "fashion"));
}

#[test]
fn serve_refuses_to_start_without_an_app_secret() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = agent_store(data.path())
        .arg("serve")
        .env_remove("AGENT_STORE_WHATSAPP_APP_SECRET")
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("app_secret"));
}

#[test]
fn bad_config_is_a_clear_error() {
    let data = tempfile::tempdir().expect("tempdir");
    let file = data.path().join("bad.toml");
    std::fs::write(&file, "[whatsapp]\napp_secrte = \"x\"\n").expect("write");
    let out = agent_store(data.path())
        .arg("--config")
        .arg(&file)
        .arg("serve")
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("app_secrte"));
}

#[test]
fn plugin_test_runs_a_scripted_conversation_against_the_real_component() {
    let data = tempfile::tempdir().expect("tempdir");
    build_plugins(data.path());
    let component = data.path().join("plugins/seller-tech/seller-tech.wasm");
    let manifest = workspace().join("plugins/seller-tech/plugin.toml");
    let script = data.path().join("script.toml");
    let run_script = || {
        agent_store(data.path())
            .args(["plugin", "test"])
            .arg(&component)
            .arg("--manifest")
            .arg(&manifest)
            .arg("--script")
            .arg(&script)
            .output()
            .expect("run")
    };
    std::fs::write(
        &script,
        r#"
[[turn]]
say = "hi, I'm looking for a new laptop"
expect = ["laptop"]
brand = "tech"

[[turn]]
say = "quero falar com um atendente"
expect = ["equipe"]
"#,
    )
    .expect("write");
    let out = run_script();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("2 turns passed"), "{stdout}");

    // A script the seller does not satisfy fails, naming what was missing.
    std::fs::write(
        &script,
        "[[turn]]\nsay = \"hi, I'm looking for a new laptop\"\nexpect = [\"grand piano\"]\n",
    )
    .expect("write");
    let out = run_script();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    assert!(stdout.contains("expected \"grand piano\""), "{stdout}");
}

/// `agent-store order list` against a running host prints totals as
/// amounts (`269.70 USD`), not minor units (`26970 USD`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn order_list_prints_money_as_amounts() {
    use agent_store::app::{App, Options};
    use agent_store::chat::Customer;
    use agent_store::events::OrderCreate;
    use agent_store::whatsapp::payload;

    let data = tempfile::tempdir().expect("tempdir");
    let plugins = tempfile::tempdir().expect("no plugins");
    let mut config = agent_store::config::Config {
        data_dir: data.path().to_path_buf(),
        ..Default::default()
    };
    config.server.bind = "127.0.0.1:0".parse().expect("addr");
    config.whatsapp.app_secret = "cli-secret".into();
    config.admin.token = "cli-admin".into();
    config.plugins.dir = Some(plugins.path().to_path_buf());
    config.catalog.seed_feed = Some(workspace().join("catalog/products.csv"));
    let app = App::start(config, Options::default())
        .await
        .expect("host starts");

    // A customer's cart of 3 × 89.90 USD (free shipping from 200.00).
    let wa_id = "15550001234";
    let envelope = payload::text_envelope("PN1", wa_id, "Ana", "wamid.cli.order", "hi");
    let inbound = payload::parse(envelope.to_string().as_bytes())
        .expect("parses")
        .messages
        .remove(0);
    let conversation = app
        .state
        .conversations
        .accept_inbound(&inbound)
        .await
        .expect("stored")
        .expect("new")
        .conversation_id;
    let carts =
        agent_store::orders::Carts::new(app.state.orders.db().clone(), app.state.catalog.clone());
    carts
        .add(&conversation, None, "FSH-0001", 3)
        .await
        .expect("cart");
    let (order, _) = app
        .state
        .orders
        .create(&OrderCreate {
            conversation_id: conversation.clone(),
            customer: Customer {
                wa_id: wa_id.into(),
                name: Some("Ana".into()),
            },
            brand: "fashion".into(),
            source_message_id: "wamid.cli.order".into(),
            note: None,
        })
        .await
        .expect("order");
    assert_eq!(order.total.minor_units, 26_970);

    let url = app.url();
    let out = tokio::task::spawn_blocking(move || {
        let dir = tempfile::tempdir().expect("tempdir");
        agent_store(dir.path())
            .args(["order", "list", "--url", &url, "--token", "cli-admin"])
            .output()
            .expect("run")
    })
    .await
    .expect("joined");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = stdout
        .lines()
        .find(|l| l.contains(order.id.as_str()))
        .unwrap_or_else(|| panic!("the order is listed: {stdout}"));
    assert!(line.contains("269.70 USD"), "{line}");
    assert!(!line.contains("26970"), "{line}");
}

/// Issue 11: `AGENT_STORE_USER_PASSWORD` is not configuration; with it
/// exported (and a numeric id from the environment, as a Kubernetes Secret
/// sets it) `users add` works and every command still loads its config.
#[test]
fn users_add_takes_the_password_from_the_environment_beside_numeric_ids() {
    let data = tempfile::tempdir().expect("tempdir");
    let run = |args: &[&str]| {
        agent_store(data.path())
            .args(args)
            .env("AGENT_STORE_USER_PASSWORD", "correct horse battery")
            .env("AGENT_STORE_WHATSAPP_PHONE_NUMBER_ID", "100000000000001")
            .env("AGENT_STORE_ADMIN_TOKEN", "123456789")
            .env_remove("AGENT_STORE_DATABASE_URL")
            .output()
            .expect("run")
    };
    let out = run(&["users", "add", "ana", "--role", "admin"]);
    assert!(
        out.status.success(),
        "users add: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&["users", "list"]);
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && listed.contains("ana"), "{listed}");
    // `serve` gets past the config (it stops at the missing app secret).
    let out = agent_store(data.path())
        .arg("serve")
        .env("AGENT_STORE_USER_PASSWORD", "x")
        .env("AGENT_STORE_WHATSAPP_PHONE_NUMBER_ID", "100000000000001")
        .env_remove("AGENT_STORE_WHATSAPP_APP_SECRET")
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("app_secret") && !stderr.contains("unknown field"),
        "{stderr}"
    );
}
