//! What the sign-in security tests share: a host with the owner's account,
//! clients bound to their own loopback addresses, the process's memory.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use agent_store::config::Config;
use agent_store::sales::{Role, Scope};
use serde_json::json;

use super::Harness;

pub const OWNER: &str = "olga";
pub const PASSWORD: &str = "olga-password-1";

/// A host with no plugins (sign-in needs none) and the owner's account.
pub async fn host(tweak: impl FnOnce(&mut Config)) -> (Harness, tempfile::TempDir) {
    let plugins = tempfile::tempdir().expect("plugins dir");
    let h = Harness::start_with(plugins.path().to_path_buf(), tweak).await;
    h.app
        .sales
        .users()
        .upsert(OWNER, PASSWORD, Role::Admin, &Scope::All)
        .await
        .expect("owner saved");
    (h, plugins)
}

/// A client whose connections come from `127.0.x.y`.
pub fn client_from(ip: Ipv4Addr) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(IpAddr::V4(ip))
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client")
}

pub async fn login(
    c: &reqwest::Client,
    h: &Harness,
    name: &str,
    password: &str,
) -> reqwest::Response {
    c.post(format!("{}/console/api/login", h.app.url()))
        .json(&json!({ "name": name, "password": password }))
        .send()
        .await
        .expect("login request")
}

/// Resident memory of this process (the host runs in it), in MiB.
pub fn memory_mib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map(|kb| kb / 1024)
        .expect("memory field")
}

pub fn random_hex() -> String {
    format!("{:016x}", RandomState::new().build_hasher().finish())
}
