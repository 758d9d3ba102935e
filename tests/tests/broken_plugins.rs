//! Broken plugins never stop the host: each is skipped with its reason and
//! the others keep serving.

mod common;

use std::path::Path;

use common::{Harness, plugins_dir};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read") {
        let e = e.expect("entry");
        // Only the drop-in (manifest + component): not the versions other
        // hosts kept beside it.
        let name = e.file_name().to_string_lossy().into_owned();
        if e.path().is_file() && (name == "plugin.toml" || name.ends_with(".wasm")) {
            std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn corrupt_missing_wrong_world_and_malformed_plugins_are_skipped() {
    let good = plugins_dir();
    let dir = tempfile::tempdir().expect("tempdir");
    let plugins = dir.path();
    for name in ["router", "seller-tech", "seller-fashion"] {
        copy_dir(&good.join(name), &plugins.join(name));
    }
    // Corrupt component.
    copy_dir(&good.join("seller-home"), &plugins.join("seller-home"));
    std::fs::write(
        plugins.join("seller-home/seller-home.wasm"),
        b"\0asm garbage",
    )
    .expect("write");
    // Missing component.
    copy_dir(&good.join("seller-beauty"), &plugins.join("seller-beauty"));
    std::fs::remove_file(plugins.join("seller-beauty/seller-beauty.wasm")).expect("rm");
    // A router component under a seller manifest: wrong world.
    std::fs::create_dir_all(plugins.join("seller-gaming")).expect("mkdir");
    std::fs::copy(
        good.join("router/router.wasm"),
        plugins.join("seller-gaming/seller-gaming.wasm"),
    )
    .expect("copy");
    std::fs::copy(
        good.join("seller-gaming/plugin.toml"),
        plugins.join("seller-gaming/plugin.toml"),
    )
    .expect("copy");
    // Malformed manifest.
    std::fs::create_dir_all(plugins.join("weird")).expect("mkdir");
    std::fs::write(
        plugins.join("weird/plugin.toml"),
        "name = \"weird\"\nkind = \"robot\"\n",
    )
    .expect("write");

    let h = Harness::start_with(plugins.to_path_buf(), |_| {}).await;
    let listing = h.admin("/plugins").await;
    let loaded: Vec<&str> = listing["plugins"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert_eq!(loaded, ["router", "seller-fashion", "seller-tech"]);
    let failed = listing["failed"].as_array().expect("failed");
    let reason = |name: &str| {
        failed
            .iter()
            .find(|f| f["name"] == name)
            .and_then(|f| f["error"].as_str())
            .unwrap_or_else(|| panic!("{name} reported as failed: {listing}"))
            .to_string()
    };
    assert!(
        reason("seller-home").contains("not a valid wasm component"),
        "{}",
        reason("seller-home")
    );
    assert!(
        reason("seller-beauty").contains("cannot read component"),
        "{}",
        reason("seller-beauty")
    );
    assert!(
        reason("seller-gaming").contains("does not implement the seller world"),
        "{}",
        reason("seller-gaming")
    );
    assert!(
        reason("weird").contains("malformed manifest"),
        "{}",
        reason("weird")
    );

    // The healthy plugins still answer.
    h.say(
        "15557770000",
        "wamid.broken.1",
        "hi, I'm looking for a new laptop",
    )
    .await;
    assert!(!h.sink.to("15557770000").is_empty());
}
