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
