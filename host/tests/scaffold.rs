//! `agent-store plugin new BRAND` writes a seller that builds, passes its
//! own tests and loads in the host, with no host change.

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("root")
        .to_path_buf()
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{cmd:?} failed:\n{text}");
    text
}

#[test]
fn a_scaffolded_brand_builds_passes_its_tests_and_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path();
    let sdk = workspace().join("sdk");
    std::fs::write(
        ws.join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"3\"\nmembers = [\n]\n\n[workspace.package]\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[workspace.dependencies]\nagent-store-sdk = {{ path = {:?} }}\n",
            sdk.display().to_string()
        ),
    )
    .expect("workspace manifest");
    // One shared cache for every run of this test.
    let target = workspace().join("target/scaffold");
    let agent_store = || {
        let mut c = Command::new(env!("CARGO_BIN_EXE_agent-store"));
        c.env("CARGO_TARGET_DIR", &target)
            .arg("--data-dir")
            .arg(ws.join("data"));
        c
    };

    let created = run(agent_store()
        .args(["plugin", "new", "pets", "--persona", "Nina", "--workspace"])
        .arg(ws));
    assert!(created.contains("seller-pets"), "{created}");
    assert!(ws.join("prompts/pets.md").exists());
    assert!(
        std::fs::read_to_string(ws.join("Cargo.toml"))
            .expect("manifest")
            .contains("plugins/seller-pets")
    );

    let tested = run(Command::new(env!("CARGO"))
        .args(["test", "--quiet", "-p", "seller-pets", "--manifest-path"])
        .arg(ws.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", &target));
    assert!(tested.contains("3 passed"), "{tested}");

    run(agent_store()
        .args(["plugin", "build", "--workspace"])
        .arg(ws));
    let listed = run(agent_store().args(["plugin", "list", "--json"]));
    let first_line = listed.lines().next().unwrap_or_default();
    let plugins: serde_json::Value = serde_json::from_str(first_line).expect("json list");
    let pets = plugins
        .as_array()
        .and_then(|a| a.iter().find(|p| p["name"] == "seller-pets"))
        .unwrap_or_else(|| panic!("seller-pets installed: {listed}"));
    assert_eq!(pets["brand"], "pets");
    assert_eq!(pets["state"], "ok", "{pets}");

    // A second scaffold of the same brand is refused, nothing overwritten.
    let again = agent_store()
        .args(["plugin", "new", "pets", "--workspace"])
        .arg(ws)
        .output()
        .expect("runs");
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}
