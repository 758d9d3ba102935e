//! Every seller's typed conversations (`plugins/seller-*/scripts/*.toml`,
//! in en / pt-BR / es) through the real CLI: `agent-store plugin build`,
//! then `agent-store plugin test` per script against the real component in
//! the real host (router, pipeline, WhatsApp sandbox as Graph API).

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

/// (seller, script) for every script of every seller, sorted.
fn scripts() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let plugins = std::fs::read_dir(workspace().join("plugins")).expect("plugins dir");
    for p in plugins.filter_map(Result::ok) {
        let name = p.file_name().to_string_lossy().into_owned();
        if !name.starts_with("seller-") {
            continue;
        }
        let Ok(dir) = std::fs::read_dir(p.path().join("scripts")) else {
            continue;
        };
        for s in dir.filter_map(Result::ok) {
            if s.path().extension().is_some_and(|x| x == "toml") {
                out.push((name.clone(), s.path()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_sellers_scripts_pass_through_plugin_test() {
    let all = scripts();
    let sellers: std::collections::BTreeSet<&str> = all.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(
        sellers.into_iter().collect::<Vec<_>>(),
        [
            "seller-beauty",
            "seller-fashion",
            "seller-gaming",
            "seller-home",
            "seller-tech"
        ],
        "each seller has scripts"
    );
    for lang in ["en-", "pt-", "es-"] {
        for seller in ["beauty", "fashion", "gaming", "home", "tech"] {
            assert!(
                all.iter().any(|(s, p)| s.ends_with(seller)
                    && p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with(lang))),
                "seller-{seller} has a {lang}* script"
            );
        }
    }
    let data = tempfile::tempdir().expect("tempdir");
    let out = agent_store(data.path())
        .args(["plugin", "build"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "plugin build: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut failed = Vec::new();
    for (seller, script) in &all {
        let component = data.path().join(format!("plugins/{seller}/{seller}.wasm"));
        let manifest = workspace().join(format!("plugins/{seller}/plugin.toml"));
        let out = agent_store(data.path())
            .env("RUST_LOG", "warn")
            .args(["plugin", "test"])
            .arg(&component)
            .arg("--manifest")
            .arg(&manifest)
            .arg("--script")
            .arg(script)
            .output()
            .expect("run");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let name = script.file_name().unwrap_or_default().to_string_lossy();
        if out.status.success() && stdout.contains("turns passed") {
            println!("ok {seller}/{name}");
        } else {
            failed.push(format!(
                "{seller}/{name}:\n{stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} scripts failed:\n{}",
        failed.len(),
        all.len(),
        failed.join("\n")
    );
}
