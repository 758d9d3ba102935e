//! The Kubernetes manifests stay consistent with the host: every file
//! parses, kustomizations reference files that exist, the mounted config is
//! a valid `Config`, and every `AGENT_STORE_*` variable names a real key.

use std::path::{Path, PathBuf};

use agent_store::config::{Config, ENV_PREFIX, env_key_to_path};

fn k8s() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../k8s")
}

fn yaml(path: &Path) -> serde_yaml::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn kustomizations() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![k8s()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("read k8s") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n == "kustomization.yaml") {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn kustomizations_reference_existing_files() {
    let all = kustomizations();
    assert!(all.len() >= 2, "base and an overlay");
    for k in all {
        let dir = k.parent().expect("dir");
        let v = yaml(&k);
        let mut refs: Vec<String> = Vec::new();
        for key in ["resources"] {
            for r in v[key].as_sequence().into_iter().flatten() {
                refs.push(r.as_str().expect("string").to_string());
            }
        }
        for generator in ["configMapGenerator", "secretGenerator"] {
            for g in v[generator].as_sequence().into_iter().flatten() {
                for key in ["files", "envs"] {
                    for f in g[key].as_sequence().into_iter().flatten() {
                        refs.push(f.as_str().expect("string").to_string());
                    }
                }
            }
        }
        for r in refs {
            let p = dir.join(&r);
            assert!(
                p.exists(),
                "{} references missing {}",
                k.display(),
                p.display()
            );
            if p.extension().is_some_and(|e| e == "yaml") {
                let doc = yaml(&p);
                assert!(doc["kind"].is_string(), "{} has a kind", p.display());
            }
        }
    }
}

#[test]
fn mounted_config_is_valid_and_matches_the_probes() {
    let text = std::fs::read_to_string(k8s().join("base/agent-store.toml")).expect("config");
    let config: Config = toml::from_str(&text).expect("a valid Config (unknown keys are errors)");
    let deployment = yaml(&k8s().join("base/deployment.yaml"));
    let container = &deployment["spec"]["template"]["spec"]["containers"][0];
    let port = container["ports"][0]["containerPort"]
        .as_u64()
        .expect("port");
    assert_eq!(
        u64::from(config.server.bind.port()),
        port,
        "the server listens on the container port"
    );
    assert_eq!(container["readinessProbe"]["httpGet"]["path"], "/readyz");
    assert_eq!(container["livenessProbe"]["httpGet"]["path"], "/healthz");
}

#[test]
fn every_environment_variable_names_a_config_key() {
    let defaults = serde_json::to_value(Config::default()).expect("json");
    let env = std::fs::read_to_string(k8s().join("overlays/production/secrets.env")).expect("env");
    let mut n = 0;
    for line in env
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (name, _) = line.split_once('=').expect("NAME=value");
        let key = name
            .strip_prefix(ENV_PREFIX)
            .unwrap_or_else(|| panic!("{name} lacks {ENV_PREFIX}"));
        let path = env_key_to_path(key);
        let mut v = &defaults;
        for part in path.split('.') {
            v = v
                .get(part)
                .unwrap_or_else(|| panic!("{name} → {path}: no such config key"));
        }
        n += 1;
    }
    assert!(n >= 5);
}
