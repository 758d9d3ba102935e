//! `agent-store plugin push | logs | rollback` against a running host: the
//! binary an operator runs, over the real admin API.

use std::path::{Path, PathBuf};
use std::process::Command;

use agent_store::app::{App, Options};
use agent_store::config::Config;

const TOKEN: &str = "plugin-cli-token";

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("root")
        .to_path_buf()
}

/// The same component with one more custom section: a new digest, same code.
fn variant(bytes: &[u8], tag: &str) -> Vec<u8> {
    let name = b"cli-test";
    let mut payload = vec![name.len() as u8];
    payload.extend_from_slice(name);
    payload.extend_from_slice(tag.as_bytes());
    assert!(payload.len() < 128, "one-byte LEB128 length");
    let mut out = bytes.to_vec();
    out.push(0);
    out.push(payload.len() as u8);
    out.extend(payload);
    out
}

fn agent_store(url: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_agent-store"))
        .args(args)
        .args(["--url", url])
        .env("AGENT_STORE_ADMIN_TOKEN", TOKEN)
        .output()
        .expect("runs")
}

async fn version_of(url: &str, name: &str) -> String {
    let v: serde_json::Value = reqwest::Client::new()
        .get(format!("{url}/admin/plugins"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    v["plugins"]
        .as_array()
        .and_then(|a| a.iter().find(|p| p["name"] == name))
        .and_then(|p| p["version"].as_str())
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn push_logs_and_rollback_through_the_cli() {
    let data = tempfile::tempdir().expect("tempdir");
    let plugins = data.path().join("plugins");
    agent_store::devkit::build::build_and_install(&workspace(), &plugins).expect("plugins build");
    let mut config = Config {
        data_dir: data.path().to_path_buf(),
        ..Config::default()
    };
    config.server.bind = "127.0.0.1:0".parse().expect("addr");
    config.whatsapp.app_secret = "s".into();
    config.admin.token = TOKEN.into();
    config.plugins.dir = Some(plugins.clone());
    config.plugins.prompts_dir = Some(workspace().join("prompts"));
    config.catalog.seed_feed = Some(workspace().join("catalog/products.csv"));
    let app = App::start(config, Options::default())
        .await
        .expect("host starts");
    let url = app.url();
    assert_eq!(version_of(&url, "seller-tech").await, "0.1.0");

    // Push a new version of the tech seller.
    let component = data.path().join("seller-tech-0.2.0.wasm");
    let bytes = std::fs::read(plugins.join("seller-tech/seller-tech.wasm")).expect("component");
    std::fs::write(&component, variant(&bytes, "0.2.0")).expect("write");
    let manifest = data.path().join("plugin.toml");
    let text = std::fs::read_to_string(workspace().join("plugins/seller-tech/plugin.toml"))
        .expect("manifest");
    std::fs::write(
        &manifest,
        text.replace("version = \"0.1.0\"", "version = \"0.2.0\""),
    )
    .expect("write");
    let c = component.to_string_lossy().to_string();
    let m = manifest.to_string_lossy().to_string();
    let url_ = url.clone();
    let pushed = tokio::task::spawn_blocking(move || {
        agent_store(&url_, &["plugin", "push", &c, "--manifest", &m])
    })
    .await
    .expect("join");
    assert!(
        pushed.status.success(),
        "{}",
        String::from_utf8_lossy(&pushed.stderr)
    );
    assert_eq!(version_of(&url, "seller-tech").await, "0.2.0");

    // Its operations log names the new version.
    let url_ = url.clone();
    let logs = tokio::task::spawn_blocking(move || {
        agent_store(&url_, &["plugin", "logs", "seller-tech", "--json"])
    })
    .await
    .expect("join");
    assert!(
        logs.status.success(),
        "{}",
        String::from_utf8_lossy(&logs.stderr)
    );
    let logs: serde_json::Value = serde_json::from_slice(&logs.stdout).expect("json logs");
    let lines = logs["logs"].as_array().expect("logs");
    assert!(
        lines.iter().any(|l| l["version"]
            .as_str()
            .is_some_and(|v| v.starts_with("0.2.0"))),
        "{logs}"
    );

    // Back to 0.1.0.
    let url_ = url.clone();
    let back = tokio::task::spawn_blocking(move || {
        agent_store(&url_, &["plugin", "rollback", "seller-tech"])
    })
    .await
    .expect("join");
    assert!(
        back.status.success(),
        "{}",
        String::from_utf8_lossy(&back.stderr)
    );
    assert_eq!(version_of(&url, "seller-tech").await, "0.1.0");

    // A build against another WIT version is refused at upload, and the
    // active version keeps serving. (Same-length rewrite of the import names:
    // the component stays well-formed.)
    let newer: Vec<u8> = {
        let from = b"agent-store:plugin/log@0.2.1";
        let to = b"agent-store:plugin/log@9.2.1";
        let mut out = bytes.clone();
        let mut i = 0;
        let mut replaced = 0;
        while i + from.len() <= out.len() {
            if &out[i..i + from.len()] == from {
                out[i..i + from.len()].copy_from_slice(to);
                replaced += 1;
            }
            i += 1;
        }
        assert!(replaced > 0, "the component imports the log interface");
        out
    };
    let newer_path = data.path().join("seller-tech-wit9.wasm");
    std::fs::write(&newer_path, newer).expect("write");
    let c = newer_path.to_string_lossy().to_string();
    let m = manifest.to_string_lossy().to_string();
    let url_ = url.clone();
    let refused = tokio::task::spawn_blocking(move || {
        agent_store(&url_, &["plugin", "push", &c, "--manifest", &m])
    })
    .await
    .expect("join");
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("9.2.1"), "names the WIT version: {stderr}");
    assert_eq!(version_of(&url, "seller-tech").await, "0.1.0");

    // A wrong token is refused with the reason.
    let url_ = url.clone();
    let refused = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_agent-store"))
            .args([
                "plugin",
                "logs",
                "seller-tech",
                "--url",
                &url_,
                "--token",
                "wrong",
            ])
            .output()
            .expect("runs")
    })
    .await
    .expect("join");
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("401"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    app.shutdown().await;
}
