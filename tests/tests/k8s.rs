//! The Kubernetes manifests and the image recipe stay consistent with the
//! host and with each other:
//!
//! - every overlay renders with kustomize (`kubectl kustomize`, or the
//!   `kustomize` binary) and its output passes the Kubernetes schemas
//!   offline (`kubernetes-validate --strict`; `./dev setup` installs it);
//!   custom resources (CloudNativePG, RabbitMQ, Prometheus Operator,
//!   Knative), which have no schema there, are checked structurally here,
//!   and a Knative Service's pod spec is validated as a Pod's;
//! - every name a manifest refers to (ConfigMaps, Secrets, Services'
//!   selectors, Triggers' Broker…) resolves in the same output;
//! - the mounted config plus the manifests' environment load as a valid
//!   `Config`, and every path it names (prompts, catalog feed) is mounted or
//!   baked into the image;
//! - the Dockerfile copies only what exists, runs as a non-root user, and
//!   its plugin build runs for real here; the image's file layout, put
//!   together from the Dockerfile's COPY lines, starts the real host
//!   through the image's entrypoint and becomes ready with six plugins and
//!   the demo catalog. `docker build` itself does not run (no Docker on
//!   these machines): the release build of the host and the base images are
//!   not tested.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

mod common;

use agent_store::config::{Config, ENV_PREFIX, EnvOverrides, ignored_env_vars};
use base64::Engine as _;
use serde_yaml::Value;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

fn k8s() -> PathBuf {
    workspace().join("k8s")
}

fn yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `v["a"]["b"]…` for `path` = `a.b…`.
fn at<'a>(v: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(v, |v, key| &v[key])
}

fn str_at<'a>(v: &'a Value, path: &str) -> &'a str {
    at(v, path)
        .as_str()
        .unwrap_or_else(|| panic!("{path} is not a string in {}", name_of(v)))
}

fn seq(v: &Value) -> impl Iterator<Item = &Value> {
    v.as_sequence().into_iter().flatten()
}

fn name_of(doc: &Value) -> String {
    format!(
        "{}/{}",
        doc["kind"].as_str().unwrap_or("?"),
        doc["metadata"]["name"].as_str().unwrap_or("?")
    )
}

// ---------------------------------------------------------------- rendering

/// Every deployable overlay.
const OVERLAYS: &[&str] = &["demo", "production", "production-statefulsets", "knative"];

/// The kustomize command of this machine: kubectl's built-in or the binary.
fn kustomize() -> Command {
    let found = |tool: &str| {
        Command::new(tool)
            .arg("version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    };
    // The production overlays read prompts/ and catalog/ from the
    // repository root, outside their directory (see their kustomization).
    if found("kubectl") {
        let mut c = Command::new("kubectl");
        c.args(["kustomize", "--load-restrictor=LoadRestrictionsNone"]);
        c
    } else if found("kustomize") {
        let mut c = Command::new("kustomize");
        c.args(["build", "--load-restrictor=LoadRestrictionsNone"]);
        c
    } else {
        panic!("neither kubectl nor kustomize is installed: run ./dev setup")
    }
}

/// The overlay's rendered objects (rendered once per test process).
fn render(overlay: &str) -> &'static [Value] {
    static RENDERED: OnceLock<HashMap<&'static str, Vec<Value>>> = OnceLock::new();
    let all = RENDERED.get_or_init(|| {
        OVERLAYS
            .iter()
            .map(|o| {
                let out = kustomize()
                    .arg(k8s().join("overlays").join(o))
                    .output()
                    .expect("run kustomize");
                assert!(
                    out.status.success(),
                    "kustomize {o}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                let text = String::from_utf8(out.stdout).expect("utf-8");
                // kustomize separates documents with a `---` line.
                let docs: Vec<Value> = format!("\n{text}")
                    .split("\n---\n")
                    .map(|d| {
                        serde_yaml::from_str::<Value>(d)
                            .unwrap_or_else(|e| panic!("{o} output: {e}"))
                    })
                    .filter(|v| !v.is_null())
                    .collect();
                (*o, docs)
            })
            .collect()
    });
    all.get(overlay)
        .unwrap_or_else(|| panic!("no overlay {overlay}"))
}

fn find<'a>(docs: &'a [Value], kind: &str, name: &str) -> Option<&'a Value> {
    docs.iter()
        .find(|d| d["kind"] == kind && d["metadata"]["name"] == name)
}

fn of_kind<'a>(docs: &'a [Value], kind: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    docs.iter().filter(move |d| d["kind"] == kind)
}

/// Objects that run pods, with their pod spec.
fn workloads(docs: &[Value]) -> Vec<(&Value, &Value)> {
    docs.iter()
        .filter(|d| {
            matches!(d["kind"].as_str(), Some("Deployment" | "StatefulSet"))
                || (d["kind"] == "Service"
                    && d["apiVersion"]
                        .as_str()
                        .is_some_and(|a| a.starts_with("serving.knative.dev/")))
        })
        .map(|d| (d, at(d, "spec.template.spec")))
        .collect()
}

/// The host's workload in an overlay: its pod spec and container.
fn host_pod(docs: &[Value]) -> (&Value, &Value) {
    let (_, pod) = workloads(docs)
        .into_iter()
        .find(|(d, _)| d["metadata"]["name"] == "agent-store")
        .expect("an agent-store workload");
    let container = seq(&pod["containers"])
        .find(|c| c["name"] == "agent-store")
        .expect("the agent-store container");
    (pod, container)
}

// ---------------------------------------------------------------- sources

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
    assert!(all.len() > OVERLAYS.len(), "base and the overlays");
    for k in all {
        let dir = k.parent().expect("dir");
        let v = yaml(&k);
        let mut refs: Vec<String> = Vec::new();
        let mut generated: Vec<PathBuf> = Vec::new();
        for key in ["resources", "components"] {
            for r in seq(&v[key]) {
                refs.push(r.as_str().expect("string").to_string());
            }
        }
        // Transformer configurations are not objects: only present.
        for c in seq(&v["configurations"]) {
            let c = dir.join(c.as_str().expect("string"));
            assert!(
                c.is_file(),
                "{} references missing {}",
                k.display(),
                c.display()
            );
        }
        for p in seq(&v["patches"]) {
            if let Some(path) = p["path"].as_str() {
                refs.push(path.to_string());
            }
        }
        for generator in ["configMapGenerator", "secretGenerator"] {
            for g in seq(&v[generator]) {
                for key in ["files", "envs"] {
                    for f in seq(&g[key]) {
                        let f = f.as_str().expect("string");
                        // `key=path` names the key.
                        let path = f.rsplit('=').next().expect("path");
                        generated.push(dir.join(path));
                        refs.push(path.to_string());
                    }
                }
            }
        }
        for r in refs {
            let p = dir.join(r);
            assert!(
                p.exists(),
                "{} references missing {}",
                k.display(),
                p.display()
            );
            // A YAML file a generator turns into a ConfigMap's data (e.g.
            // Prometheus rules) is not a Kubernetes resource.
            if p.is_file() && p.extension().is_some_and(|e| e == "yaml") && !generated.contains(&p)
            {
                let text = std::fs::read_to_string(&p).expect("read");
                for doc in format!("\n{text}").split("\n---\n") {
                    let doc: Value = serde_yaml::from_str(doc)
                        .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                    assert!(doc["kind"].is_string(), "{} has a kind", p.display());
                }
            }
        }
    }
}

// ---------------------------------------------------------------- schemas

/// The Kubernetes version the output is validated against.
const KUBERNETES: &str = "1.32.0";

/// `kubernetes-validate --strict` on `docs`; Err(its report) on a failure.
fn validate(docs: &[Value]) -> Result<(), String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("objects.yaml");
    let text = docs
        .iter()
        .map(|d| serde_yaml::to_string(d).expect("yaml"))
        .collect::<Vec<_>>()
        .join("---\n");
    std::fs::write(&file, text).expect("write");
    let out = Command::new("python3")
        .args([
            "-m",
            "kubernetes_validate",
            "--strict",
            "--quiet",
            "--no-warn",
        ])
        .args(["-k", KUBERNETES])
        .arg(file)
        .output()
        .expect("python3");
    let report =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        !report.contains("No module named kubernetes_validate"),
        "kubernetes-validate is not installed: run ./dev setup"
    );
    if out.status.success() {
        Ok(())
    } else {
        Err(report)
    }
}

/// Kinds `kubernetes-validate` has schemas for (the rest are custom).
fn is_builtin(doc: &Value) -> bool {
    let api = doc["apiVersion"].as_str().unwrap_or_default();
    !api.contains('.') || api.ends_with(".k8s.io/v1") || api.starts_with("networking.k8s.io/")
}

#[test]
fn every_overlay_passes_the_kubernetes_schemas() {
    for overlay in OVERLAYS {
        let docs = render(overlay);
        assert!(!docs.is_empty(), "{overlay} renders objects");
        let builtin: Vec<Value> = docs.iter().filter(|d| is_builtin(d)).cloned().collect();
        validate(&builtin).unwrap_or_else(|r| panic!("{overlay}:\n{r}"));
        // A Knative Service's pod template is a pod spec (Knative allows a
        // subset): validate it as a Pod's.
        for (w, pod) in workloads(docs) {
            if w["kind"] == "Service" {
                let as_pod: Value = serde_yaml::from_str(&format!(
                    "apiVersion: v1\nkind: Pod\nmetadata: {{name: {}}}\nspec: {}",
                    w["metadata"]["name"].as_str().expect("name"),
                    serde_json::to_string(pod).expect("json")
                ))
                .expect("pod");
                validate(&[as_pod]).unwrap_or_else(|r| panic!("{overlay} {}:\n{r}", name_of(w)));
            }
        }
    }
}

#[test]
fn the_schema_check_can_fail() {
    // The validator really rejects what the cluster would: a typo and a
    // wrong type in an otherwise valid production Deployment.
    let docs = render("production");
    let deployment = find(docs, "Deployment", "agent-store").expect("deployment");
    let mut typo = deployment.clone();
    typo["spec"]["replica"] = Value::from(2);
    assert!(validate(&[typo]).is_err(), "an unknown field is refused");
    let mut wrong = deployment.clone();
    wrong["spec"]["replicas"] = Value::from("two");
    assert!(validate(&[wrong]).is_err(), "a wrong type is refused");
}

/// Structural checks of the custom resources the overlays use (their
/// operators' schemas are not installed here): the fields each needs, and
/// that every name one refers to exists in the same output.
fn check_custom(doc: &Value, docs: &[Value]) {
    let what = name_of(doc);
    let spec = &doc["spec"];
    let keys = |allowed: &[&str]| {
        for k in spec.as_mapping().expect("spec").keys() {
            let k = k.as_str().expect("key");
            assert!(allowed.contains(&k), "{what}: unexpected spec.{k}");
        }
    };
    match (
        doc["apiVersion"].as_str().expect("apiVersion"),
        doc["kind"].as_str().expect("kind"),
    ) {
        ("postgresql.cnpg.io/v1", "Cluster") => {
            keys(&[
                "instances",
                "storage",
                "bootstrap",
                "postgresql",
                "resources",
                "monitoring",
                "affinity",
                "backup",
            ]);
            assert!(
                spec["instances"].as_u64().is_some_and(|n| n >= 1),
                "{what}: instances"
            );
            assert!(spec["storage"]["size"].is_string(), "{what}: storage.size");
            let initdb = &spec["bootstrap"]["initdb"];
            assert!(
                initdb["database"].is_string() && initdb["owner"].is_string(),
                "{what}: initdb"
            );
        }
        ("rabbitmq.com/v1beta1", "RabbitmqCluster") => {
            keys(&[
                "replicas",
                "persistence",
                "resources",
                "rabbitmq",
                "image",
                "service",
                "override",
                "tls",
                "affinity",
                "tolerations",
            ]);
            let n = spec["replicas"].as_u64().unwrap_or(1);
            assert!(
                n == 1 || n % 2 == 1,
                "{what}: an odd number of nodes (quorum)"
            );
        }
        ("monitoring.coreos.com/v1", "ServiceMonitor") => {
            keys(&["selector", "endpoints", "namespaceSelector", "jobLabel"]);
            let selector = spec["selector"]["matchLabels"]
                .as_mapping()
                .expect("matchLabels");
            let service = of_kind(docs, "Service")
                .find(|s| labels_match(selector, &s["metadata"]["labels"]))
                .unwrap_or_else(|| panic!("{what} selects no Service"));
            for e in seq(&spec["endpoints"]) {
                let port = str_at(e, "port");
                assert!(
                    seq(&service["spec"]["ports"]).any(|p| p["name"] == port),
                    "{what}: {} has no port {port}",
                    name_of(service)
                );
                assert!(str_at(e, "path").starts_with('/'), "{what}: path");
            }
        }
        ("monitoring.coreos.com/v1", "PrometheusRule") => {
            keys(&["groups"]);
            for g in seq(&spec["groups"]) {
                assert!(g["name"].is_string(), "{what}: a group's name");
                for r in seq(&g["rules"]) {
                    assert!(
                        r["alert"].is_string() || r["record"].is_string(),
                        "{what}: alert or record"
                    );
                    assert!(r["expr"].is_string(), "{what}: expr");
                }
            }
        }
        ("serving.knative.dev/v1", "Service") => {
            keys(&["template", "traffic"]);
        }
        ("eventing.knative.dev/v1", "Broker") => {
            keys(&["config", "delivery"]);
            let class = &doc["metadata"]["annotations"]["eventing.knative.dev/broker.class"];
            assert_eq!(class, "RabbitMQBroker", "{what}: the RabbitMQ broker class");
            let config = &spec["config"];
            assert!(
                find(docs, str_at(config, "kind"), str_at(config, "name")).is_some(),
                "{what}: its config is in the output"
            );
        }
        ("eventing.knative.dev/v1alpha1", "RabbitmqBrokerConfig") => {
            keys(&["rabbitmqClusterReference", "queueType"]);
            let cluster = str_at(spec, "rabbitmqClusterReference.name");
            assert!(
                find(docs, "RabbitmqCluster", cluster).is_some(),
                "{what}: {cluster}"
            );
        }
        ("eventing.knative.dev/v1", "Trigger") => {
            keys(&["broker", "filter", "filters", "subscriber", "delivery"]);
            let broker = str_at(spec, "broker");
            assert!(
                find(docs, "Broker", broker).is_some(),
                "{what}: broker {broker}"
            );
            let sub = &spec["subscriber"];
            assert!(
                sub["ref"].is_mapping() || sub["uri"].is_string(),
                "{what}: subscriber"
            );
            for (k, v) in spec["filter"]["attributes"]
                .as_mapping()
                .into_iter()
                .flatten()
            {
                assert!(k.is_string() && v.is_string(), "{what}: exact-match filter");
            }
        }
        ("sources.knative.dev/v1", "SinkBinding") => {
            keys(&["subject", "sink"]);
            for r in [&spec["subject"], &spec["sink"]["ref"]] {
                assert!(
                    find(docs, str_at(r, "kind"), str_at(r, "name")).is_some(),
                    "{what}: {} {} is in the output",
                    str_at(r, "kind"),
                    str_at(r, "name")
                );
            }
        }
        (api, kind) => panic!("{what}: no structural check for {api} {kind}: add one"),
    }
}

fn labels_match(selector: &serde_yaml::Mapping, labels: &Value) -> bool {
    !selector.is_empty() && selector.iter().all(|(k, v)| labels.get(k) == Some(v))
}

#[test]
fn custom_resources_are_well_formed() {
    let mut seen = BTreeSet::new();
    for overlay in OVERLAYS {
        let docs = render(overlay);
        for doc in docs.iter().filter(|d| !is_builtin(d)) {
            check_custom(doc, docs);
            seen.insert(doc["kind"].as_str().expect("kind").to_string());
        }
    }
    for kind in [
        "Cluster",
        "RabbitmqCluster",
        "ServiceMonitor",
        "PrometheusRule",
        "Broker",
        "Trigger",
        "SinkBinding",
    ] {
        assert!(seen.contains(kind), "some overlay has a {kind}");
    }
}

// ---------------------------------------------------------------- references

/// Secrets an operator creates at run time, with the object that makes it.
const OPERATOR_SECRETS: &[(&str, &str, &str)] = &[
    ("agent-store-db-app", "Cluster", "agent-store-db"),
    (
        "agent-store-rabbitmq-default-user",
        "RabbitmqCluster",
        "agent-store-rabbitmq",
    ),
    // The Ingress's certificate: the operator's (or cert-manager's).
    ("agent-store-tls", "Ingress", "agent-store-webhooks"),
];

fn secret_exists(docs: &[Value], name: &str) -> bool {
    find(docs, "Secret", name).is_some()
        || OPERATOR_SECRETS
            .iter()
            .any(|(s, kind, maker)| *s == name && find(docs, kind, maker).is_some())
}

#[test]
fn every_name_resolves() {
    for overlay in OVERLAYS {
        let docs = render(overlay);
        for (w, pod) in workloads(docs) {
            let what = format!("{overlay} {}", name_of(w));
            for v in seq(&pod["volumes"]) {
                if let Some(cm) = v["configMap"]["name"].as_str() {
                    assert!(
                        find(docs, "ConfigMap", cm).is_some(),
                        "{what}: ConfigMap {cm}"
                    );
                }
                if let Some(pvc) = v["persistentVolumeClaim"]["claimName"].as_str() {
                    assert!(
                        find(docs, "PersistentVolumeClaim", pvc).is_some(),
                        "{what}: PVC {pvc}"
                    );
                }
            }
            for c in seq(&pod["containers"]).chain(seq(&pod["initContainers"])) {
                for e in seq(&c["envFrom"]) {
                    if let Some(s) = e["secretRef"]["name"].as_str() {
                        assert!(secret_exists(docs, s), "{what}: Secret {s}");
                    }
                }
                for e in seq(&c["env"]) {
                    if let Some(s) = e["valueFrom"]["secretKeyRef"]["name"].as_str() {
                        assert!(secret_exists(docs, s), "{what}: Secret {s}");
                    }
                }
            }
        }
        for tls in of_kind(docs, "Ingress").flat_map(|i| seq(&i["spec"]["tls"])) {
            assert!(secret_exists(docs, str_at(tls, "secretName")));
        }
        // Every plain Service selects a pod template, on a port it names.
        for s in of_kind(docs, "Service").filter(|s| s["apiVersion"] == "v1") {
            let selector = s["spec"]["selector"].as_mapping().expect("selector");
            let (_, pod_w) = workloads(docs)
                .into_iter()
                .find(|(w, _)| labels_match(selector, at(w, "spec.template.metadata.labels")))
                .unwrap_or_else(|| panic!("{overlay} {} selects no pods", name_of(s)));
            for p in seq(&s["spec"]["ports"]) {
                if let Some(target) = p["targetPort"].as_str() {
                    assert!(
                        seq(&pod_w["containers"])
                            .flat_map(|c| seq(&c["ports"]))
                            .any(|cp| cp["name"] == target),
                        "{overlay} {}: no container port {target}",
                        name_of(s)
                    );
                }
            }
        }
    }
}

// ---------------------------------------------------------------- the host's config

/// A Secret's `data` value (kustomize folds long values over lines; the
/// API server's base64 skips the line breaks, so do we).
fn decode(data: &str) -> String {
    let compact: String = data.split_whitespace().collect();
    let raw = base64::engine::general_purpose::STANDARD
        .decode(compact)
        .expect("base64");
    String::from_utf8(raw).expect("utf-8")
}

/// The environment the host's container gets (Secrets decoded; values an
/// operator writes at run time stood in by the shape it documents).
fn container_env(docs: &[Value], container: &Value) -> Vec<(String, String)> {
    let mut env: Vec<(String, String)> = Vec::new();
    for e in seq(&container["envFrom"]) {
        if let Some(name) = e["secretRef"]["name"].as_str() {
            let secret = find(docs, "Secret", name).expect("generated Secret");
            for (k, v) in secret["data"].as_mapping().into_iter().flatten() {
                env.push((
                    k.as_str().expect("key").into(),
                    decode(v.as_str().expect("data")),
                ));
            }
        }
    }
    for e in seq(&container["env"]) {
        let name = str_at(e, "name").to_string();
        let value = if let Some(v) = e["value"].as_str() {
            expand(v, &env)
        } else {
            let r = &e["valueFrom"]["secretKeyRef"];
            match (str_at(r, "name"), str_at(r, "key")) {
                ("agent-store-db-app", "uri") => {
                    "postgresql://agent_store:secret@agent-store-db-rw:5432/agent_store".into()
                }
                (secret, key) => match find(docs, "Secret", secret) {
                    Some(s) => decode(str_at(s, &format!("data.{key}"))),
                    None => format!("{secret}-{key}"),
                },
            }
        };
        env.push((name, value));
    }
    env
}

/// Kubernetes' `$(VAR)` expansion from the variables defined before.
fn expand(value: &str, env: &[(String, String)]) -> String {
    let mut out = value.to_string();
    for (k, v) in env {
        out = out.replace(&format!("$({k})"), v);
    }
    assert!(!out.contains("$("), "undefined variable in {value}");
    out
}

/// The host's config as the overlay runs it: the mounted file named by
/// `--config`, plus the container's environment.
fn host_config(overlay: &str) -> Config {
    let docs = render(overlay);
    let (pod, container) = host_pod(docs);
    let args: Vec<&str> = seq(&container["args"])
        .map(|a| a.as_str().expect("arg"))
        .collect();
    let file = args
        .windows(2)
        .find(|w| w[0] == "--config")
        .map(|w| Path::new(w[1]))
        .unwrap_or_else(|| panic!("{overlay}: the host is started with --config"));
    let text = mounted_file(docs, pod, container, file)
        .unwrap_or_else(|| panic!("{overlay}: {} is mounted from a ConfigMap", file.display()));
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("agent-store.toml");
    std::fs::write(&path, text).expect("write");
    let env = container_env(docs, container);
    let overrides: Vec<(String, String)> = env
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix(ENV_PREFIX)
                .map(|k| (k.to_string(), v.clone()))
        })
        .collect();
    let unused = ignored_env_vars(&EnvOverrides::new(overrides.clone()));
    assert!(
        unused.is_empty(),
        "{overlay}: variables that set no config key: {unused:?}"
    );
    Config::load_with(Some(&path), EnvOverrides::new(overrides))
        .unwrap_or_else(|e| panic!("{overlay}: {e}"))
}

/// The content of `file` in the container, when a ConfigMap provides it.
fn mounted_file(docs: &[Value], pod: &Value, container: &Value, file: &Path) -> Option<String> {
    let (cm, rel) = configmap_mount(pod, container, file)?;
    let cm = find(docs, "ConfigMap", &cm)?;
    cm["data"][rel.to_str()?].as_str().map(str::to_string)
}

/// The ConfigMap mounted at a directory holding `path`, and the key.
fn configmap_mount(pod: &Value, container: &Value, path: &Path) -> Option<(String, PathBuf)> {
    seq(&container["volumeMounts"]).find_map(|m| {
        let rel = path.strip_prefix(str_at(m, "mountPath")).ok()?;
        let volume = seq(&pod["volumes"]).find(|v| v["name"] == m["name"])?;
        if let Some(cm) = volume["configMap"]["name"].as_str() {
            return Some((cm.to_string(), rel.to_path_buf()));
        }
        // A projected volume: the ConfigMap whose items map a key to `rel`,
        // else the one projected whole.
        let sources: Vec<&Value> = seq(&volume["projected"]["sources"]).collect();
        for s in &sources {
            for item in seq(&s["configMap"]["items"]) {
                if Path::new(str_at(item, "path")) == rel {
                    let cm = s["configMap"]["name"].as_str()?;
                    return Some((cm.to_string(), PathBuf::from(str_at(item, "key"))));
                }
            }
        }
        let whole = sources.iter().find(|s| s["configMap"]["items"].is_null())?;
        let cm = whole["configMap"]["name"].as_str()?;
        Some((cm.to_string(), rel.to_path_buf()))
    })
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// Destinations of the Dockerfile's final-stage COPY lines.
fn image_paths() -> Vec<PathBuf> {
    final_stage(&dockerfile())
        .iter()
        .filter(|i| i.op == "COPY")
        .map(|i| PathBuf::from(i.args.last().expect("destination")))
        .collect()
}

/// Whether `path` exists in the container: from a ConfigMap mount, or
/// baked into the image (and not hidden by a mount).
fn present_in_container(docs: &[Value], pod: &Value, container: &Value, path: &Path) -> bool {
    if let Some((cm, rel)) = configmap_mount(pod, container, path) {
        let Some(cm) = find(docs, "ConfigMap", &cm) else {
            return false;
        };
        let data = cm["data"].as_mapping().expect("data");
        return if rel.as_os_str().is_empty() {
            !data.is_empty()
        } else {
            rel.to_str().is_some_and(|k| data.contains_key(k))
        };
    }
    image_paths().iter().any(|p| path.starts_with(p))
}

#[test]
fn every_overlay_starts_with_a_valid_config_plugins_prompts_and_catalog() {
    for overlay in OVERLAYS {
        let docs = render(overlay);
        let (pod, container) = host_pod(docs);
        let config = host_config(overlay);
        // The port the probes and the Service's http port use (production
        // pods also have a `metrics` port: server.metrics_bind).
        let port = seq(&container["ports"])
            .find(|p| {
                p["name"] == "http" || container["ports"].as_sequence().map(Vec::len) == Some(1)
            })
            .and_then(|p| p["containerPort"].as_u64())
            .expect("container port");
        assert_eq!(
            u64::from(config.server.bind.port()),
            port,
            "{overlay}: listens on the container port"
        );
        assert!(
            config.server.bind.ip().is_unspecified(),
            "{overlay}: reachable from the kubelet"
        );
        assert_eq!(
            str_at(container, "readinessProbe.httpGet.path"),
            "/readyz",
            "{overlay}"
        );
        assert_eq!(
            str_at(container, "livenessProbe.httpGet.path"),
            "/healthz",
            "{overlay}"
        );

        // Non-root, read-only root filesystem, everything written on volumes.
        assert_eq!(pod["securityContext"]["runAsNonRoot"], true, "{overlay}");
        assert_eq!(
            pod["securityContext"]["runAsUser"].as_u64(),
            Some(image_user()),
            "{overlay}: the image's user"
        );
        assert_eq!(
            container["securityContext"]["readOnlyRootFilesystem"], true,
            "{overlay}"
        );
        let mounted = |path: &Path| {
            seq(&container["volumeMounts"]).any(|m| path.starts_with(str_at(m, "mountPath")))
        };
        assert!(
            mounted(&config.data_dir),
            "{overlay}: data_dir {} is a volume",
            config.data_dir.display()
        );
        assert!(mounted(Path::new("/tmp")), "{overlay}: /tmp is a volume");
        // The image's entrypoint installs the baked plugins into
        // <data_dir>/plugins (k8s/image/entrypoint.sh).
        assert!(
            config.plugins.dir.is_none(),
            "{overlay}: plugins in <data_dir>/plugins"
        );
        assert_eq!(
            config.data_dir,
            Path::new("/var/lib/agent-store"),
            "{overlay}: the entrypoint's data dir"
        );

        let prompts = config.prompts_dir();
        assert!(
            present_in_container(docs, pod, container, &prompts),
            "{overlay}: prompts at {}",
            prompts.display()
        );
        let feed = config.catalog.seed_feed.clone().expect("a catalog feed");
        assert!(
            present_in_container(docs, pod, container, &feed),
            "{overlay}: catalog feed at {}",
            feed.display()
        );
        // The prompts ConfigMaps carry every prompt of the repository.
        if configmap_mount(pod, container, &prompts.join("x.md")).is_some() {
            let root = workspace().join("prompts");
            for p in files_under(&root) {
                let rel = p.strip_prefix(&root).expect("under prompts");
                let shown = rel.display();
                let (cm, key) = configmap_mount(pod, container, &prompts.join(rel))
                    .unwrap_or_else(|| panic!("{overlay}: prompts/{shown} not mounted"));
                let cm = find(docs, "ConfigMap", &cm).expect("prompts ConfigMap");
                assert_eq!(
                    cm["data"][key.to_str().expect("key")].as_str(),
                    Some(std::fs::read_to_string(&p).expect("prompt").as_str()),
                    "{overlay}: prompts/{shown} in a ConfigMap"
                );
            }
        }
        // A secret that is still an example is visibly one.
        for (k, v) in container_env(docs, container) {
            if k.ends_with("TOKEN") || k.ends_with("SECRET") || k.ends_with("API_KEY") {
                assert!(
                    v.contains("change-me"),
                    "{overlay}: {k} is a placeholder, never a real value"
                );
            }
        }
    }
}

#[test]
fn demo_is_one_pod_on_sqlite_and_the_in_process_bus() {
    let docs = render("demo");
    let config = host_config("demo");
    assert!(config.database.url.is_empty(), "SQLite in the data dir");
    assert_eq!(config.bus.backend, "in-process");
    let d = find(docs, "Deployment", "agent-store").expect("deployment");
    assert_eq!(d["spec"]["replicas"].as_u64(), Some(1));
    assert_eq!(
        d["spec"]["strategy"]["type"], "Recreate",
        "never two pods on one volume"
    );
    let (pod, container) = host_pod(docs);
    let args: Vec<&str> = seq(&container["args"]).filter_map(Value::as_str).collect();
    assert_eq!(&args[..2], ["demo", "--no-build"], "runs the baked plugins");
    let data = seq(&pod["volumes"])
        .find(|v| v["name"] == "data")
        .expect("data volume");
    assert!(
        data["persistentVolumeClaim"].is_mapping(),
        "the demo's data survives a restart"
    );
}

#[test]
fn production_runs_replicated_behind_a_webhook_only_ingress() {
    for overlay in ["production", "production-statefulsets"] {
        let docs = render(overlay);
        let config = host_config(overlay);
        assert!(
            config.database.url.starts_with("postgres"),
            "{overlay}: PostgreSQL"
        );
        assert_eq!(config.bus.backend, "amqp", "{overlay}: RabbitMQ");
        assert!(config.bus.amqp_url.starts_with("amqp://"), "{overlay}");
        assert!(!config.bus.amqp_url.contains("$("), "{overlay}: expanded");

        let d = find(docs, "Deployment", "agent-store").expect("deployment");
        assert!(
            d["spec"]["replicas"].as_u64() >= Some(2),
            "{overlay}: ≥ 2 replicas"
        );
        let hpa = find(docs, "HorizontalPodAutoscaler", "agent-store").expect("HPA");
        assert!(hpa["spec"]["minReplicas"].as_u64() >= Some(2), "{overlay}");
        assert_eq!(str_at(hpa, "spec.scaleTargetRef.name"), "agent-store");
        let pdb = find(docs, "PodDisruptionBudget", "agent-store").expect("PDB");
        let pod_labels = at(d, "spec.template.metadata.labels");
        assert!(labels_match(
            pdb["spec"]["selector"]["matchLabels"]
                .as_mapping()
                .expect("selector"),
            pod_labels
        ));
        let sm = find(docs, "ServiceMonitor", "agent-store").expect("ServiceMonitor");
        assert_eq!(str_at(&sm["spec"]["endpoints"][0], "path"), "/metrics");

        // The Ingress routes the webhooks and nothing else.
        let ingresses: Vec<&Value> = of_kind(docs, "Ingress").collect();
        assert_eq!(ingresses.len(), 1, "{overlay}: one Ingress");
        let paths: Vec<(&str, &str)> = seq(&ingresses[0]["spec"]["rules"])
            .flat_map(|r| seq(&r["http"]["paths"]))
            .map(|p| (str_at(p, "path"), str_at(p, "pathType")))
            .collect();
        assert!(
            paths.contains(&("/webhooks/whatsapp", "Exact")),
            "{overlay}: {paths:?}"
        );
        for (path, kind) in &paths {
            assert!(
                path.starts_with("/webhooks/") && *kind == "Exact",
                "{overlay}: {path} {kind} is public"
            );
        }
        assert!(
            ingresses[0]["spec"]["defaultBackend"].is_null(),
            "{overlay}: no catch-all"
        );

        // Nothing outside the ingress controller, the monitoring namespace
        // and this namespace reaches the pods.
        let np = of_kind(docs, "NetworkPolicy")
            .next()
            .expect("NetworkPolicy");
        assert!(labels_match(
            np["spec"]["podSelector"]["matchLabels"]
                .as_mapping()
                .expect("podSelector"),
            pod_labels
        ));
        assert!(seq(&np["spec"]["policyTypes"]).any(|t| t == "Ingress"));
        let from: Vec<&Value> = seq(&np["spec"]["ingress"])
            .flat_map(|r| seq(&r["from"]))
            .collect();
        assert!(!from.is_empty(), "{overlay}: an allow-list");
        for f in from {
            assert!(f["ipBlock"].is_null(), "{overlay}: no address ranges");
            if let Some(ns) = f["namespaceSelector"].as_mapping() {
                assert!(!ns.is_empty(), "{overlay}: not every namespace");
            }
        }
    }
    let docs = render("production");
    assert!(
        find(docs, "Cluster", "agent-store-db").is_some(),
        "CloudNativePG"
    );
    assert!(
        find(docs, "RabbitmqCluster", "agent-store-rabbitmq").is_some(),
        "RabbitMQ operator"
    );
    let docs = render("production-statefulsets");
    for name in ["agent-store-postgres", "agent-store-rabbitmq"] {
        assert!(
            find(docs, "StatefulSet", name).is_some(),
            "{name} StatefulSet"
        );
    }
}

/// The container port a Service port sends to (by name or number).
fn container_port_of(container: &Value, target: &Value) -> Option<u64> {
    seq(&container["ports"])
        .find(|p| p["name"] == *target || p["containerPort"] == *target)
        .and_then(|p| p["containerPort"].as_u64())
}

#[test]
fn production_scrapes_the_metrics_port_and_ships_dashboards_and_rules() {
    let rules_file = yaml(&k8s().join("monitoring/agent-store.rules.yaml"));
    for overlay in ["production", "production-statefulsets"] {
        let docs = render(overlay);
        let config = host_config(overlay);
        // The host serves /metrics without a token on server.metrics_bind...
        let bind = config
            .server
            .metrics_bind
            .unwrap_or_else(|| panic!("{overlay}: server.metrics_bind is set"));
        assert!(
            bind.ip().is_unspecified(),
            "{overlay}: reachable in the pod"
        );
        let (_, container) = host_pod(docs);
        // ...the ServiceMonitor's port reaches exactly that container port...
        let sm = find(docs, "ServiceMonitor", "agent-store").expect("ServiceMonitor");
        let service = find(docs, "Service", "agent-store").expect("Service");
        let endpoints: Vec<&Value> = seq(&sm["spec"]["endpoints"]).collect();
        assert_eq!(endpoints.len(), 1, "{overlay}: one scrape endpoint");
        let sm_port = str_at(endpoints[0], "port");
        assert_eq!(str_at(endpoints[0], "path"), "/metrics");
        assert!(
            endpoints[0]["bearerTokenSecret"].is_null() && endpoints[0]["authorization"].is_null(),
            "{overlay}: the metrics port needs no token"
        );
        let service_port = seq(&service["spec"]["ports"])
            .find(|p| p["name"] == sm_port)
            .unwrap_or_else(|| panic!("{overlay}: the Service has no port {sm_port}"));
        assert_eq!(
            container_port_of(container, &service_port["targetPort"]),
            Some(u64::from(bind.port())),
            "{overlay}: the ServiceMonitor scrapes server.metrics_bind's port"
        );
        // ...the Ingress never routes to it...
        for ing in of_kind(docs, "Ingress") {
            for p in seq(&ing["spec"]["rules"]).flat_map(|r| seq(&r["http"]["paths"])) {
                let port = &p["backend"]["service"]["port"];
                assert_ne!(port["name"], *sm_port, "{overlay}: metrics on the Ingress");
                assert_ne!(port["number"], service_port["port"], "{overlay}");
            }
        }
        // ...and only the monitoring namespace may open it.
        let np = of_kind(docs, "NetworkPolicy")
            .next()
            .expect("NetworkPolicy");
        for rule in seq(&np["spec"]["ingress"]) {
            let ports: Vec<&Value> = seq(&rule["ports"]).map(|p| &p["port"]).collect();
            assert!(!ports.is_empty(), "{overlay}: every rule names its ports");
            let opens_metrics = ports
                .iter()
                .any(|p| container_port_of(container, p) == Some(u64::from(bind.port())));
            if opens_metrics {
                for f in seq(&rule["from"]) {
                    assert_eq!(
                        f["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"],
                        "monitoring",
                        "{overlay}: only Prometheus reaches the metrics port: {f:?}"
                    );
                    assert!(f["podSelector"].is_null(), "{overlay}: {f:?}");
                }
            }
        }

        // The dashboards for the Grafana sidecar, all four.
        let dashboards = find(docs, "ConfigMap", "agent-store-dashboards")
            .unwrap_or_else(|| panic!("{overlay}: the dashboards ConfigMap"));
        assert_eq!(dashboards["metadata"]["labels"]["grafana_dashboard"], "1");
        let files: Vec<&str> = dashboards["data"]
            .as_mapping()
            .expect("data")
            .keys()
            .filter_map(Value::as_str)
            .collect();
        for d in [
            "sales-performance.json",
            "ai-seller-response-times.json",
            "customer-satisfaction.json",
            "product-recommendation-accuracy.json",
        ] {
            assert!(files.contains(&d), "{overlay}: {d} in {files:?}");
            let json: serde_json::Value =
                serde_json::from_str(dashboards["data"][d].as_str().expect("a file"))
                    .unwrap_or_else(|e| panic!("{overlay}: {d}: {e}"));
            assert!(json["panels"].is_array(), "{overlay}: {d} has panels");
        }
        // The alert rules: as a rule file (ConfigMap) and as the
        // operator's PrometheusRule, the same groups.
        let rules = find(docs, "ConfigMap", "agent-store-alert-rules")
            .unwrap_or_else(|| panic!("{overlay}: the alert rules ConfigMap"));
        let in_map: Value = serde_yaml::from_str(
            rules["data"]["agent-store.rules.yaml"]
                .as_str()
                .expect("the rule file"),
        )
        .expect("rules");
        assert_eq!(
            in_map, rules_file,
            "{overlay}: the ConfigMap holds the rule file"
        );
        let pr = find(docs, "PrometheusRule", "agent-store").expect("PrometheusRule");
        assert_eq!(
            pr["spec"]["groups"], rules_file["groups"],
            "{overlay}: the PrometheusRule and agent-store.rules.yaml differ"
        );
    }
}

#[test]
fn knative_triggers_deliver_to_events_with_a_producer_token() {
    let docs = render("knative");
    let config = host_config("knative");
    assert!(
        config.database.url.starts_with("postgres"),
        "a revision's disk is not kept"
    );
    let producers = agent_store::bus::producers::Producers::from_config(&config.bus.producers)
        .expect("valid bus.producers");
    let service = find(docs, "Service", "agent-store").expect("Knative Service");
    let annotations = at(service, "spec.template.metadata.annotations");
    assert_eq!(
        annotations["autoscaling.knative.dev/min-scale"], "1",
        "the outbox worker keeps running"
    );
    let binding = of_kind(docs, "SinkBinding").next().expect("SinkBinding");
    assert_eq!(str_at(binding, "spec.subject.name"), "agent-store");
    assert_eq!(str_at(binding, "spec.sink.ref.kind"), "Broker");
    let namespace = str_at(service, "metadata.namespace");
    let triggers: Vec<&Value> = of_kind(docs, "Trigger").collect();
    assert!(!triggers.is_empty());
    for t in triggers {
        let what = name_of(t);
        let uri = reqwest::Url::parse(str_at(t, "spec.subscriber.uri")).expect("subscriber uri");
        assert_eq!(uri.path(), "/events", "{what}");
        assert_eq!(
            uri.host_str(),
            Some(format!("agent-store.{namespace}.svc.cluster.local").as_str()),
            "{what}"
        );
        // The dispatcher sends the URI's user info as Basic auth.
        let token = uri.password().expect("a producer token in the URI");
        let producer = producers
            .authenticate(token)
            .unwrap_or_else(|| panic!("{what}: the token is a bus.producers token"));
        assert_eq!(producer.name, uri.username(), "{what}");
        let ty = str_at(t, "spec.filter.attributes.type");
        let ty = agent_store::events::EventType::parse(ty).expect("a store event type");
        assert!(producer.may_publish(ty), "{what}: granted {}", ty.as_str());
        // The store's own events reach the Broker through K_SINK: a Trigger
        // without a source filter would send them back forever.
        let source = str_at(t, "spec.filter.attributes.source");
        assert!(
            !source.starts_with("/agent-store"),
            "{what}: not the store's own events"
        );
    }
}

/// A Trigger's delivery, as Knative's dispatcher makes it: binary-mode
/// CloudEvent to the subscriber URI, whose user info becomes Basic auth.
async fn deliver(
    http: &reqwest::Client,
    host: &str,
    uri: &reqwest::Url,
    user: &str,
    password: &str,
) -> u16 {
    let order = agent_store::events::OrderInfo {
        order_id: "ord-1".into(),
        conversation_id: "conv-1".into(),
        phone_number_id: common::PHONE_NUMBER_ID.into(),
        customer_wa_id: "5511999990001".into(),
        brand: "tech".into(),
        language: "en".into(),
        status: "shipped".into(),
        lines: Vec::new(),
        subtotal: agent_store::money::Money::zero("BRL"),
        shipping: agent_store::money::Money::zero("BRL"),
        total: agent_store::money::Money::zero("BRL"),
        payment_provider: "manual".into(),
        payment_url: None,
        tracking_number: Some("TRK1".into()),
        carrier: Some("carrier".into()),
    };
    let update = agent_store::events::OrderStatusUpdate {
        order,
        from: Some("confirmed".into()),
        to: "shipped".into(),
        actor: "carrier".into(),
        reason: None,
    };
    http.post(format!("{host}{}", uri.path()))
        .basic_auth(user, Some(password))
        .header("ce-specversion", "1.0")
        .header("ce-id", format!("shop-{}", uuid_like()))
        .header("ce-source", "/shop")
        .header("ce-type", "store.order.status.update")
        .header("content-type", "application/json")
        .body(serde_json::to_vec(&update).expect("json"))
        .send()
        .await
        .expect("POST /events")
        .status()
        .as_u16()
}

fn uuid_like() -> String {
    format!("{:x}", rand::random::<u128>())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trigger_delivery_with_the_uri_token_is_accepted() {
    let docs = render("knative");
    let trigger = of_kind(docs, "Trigger").next().expect("Trigger");
    let uri = reqwest::Url::parse(str_at(trigger, "spec.subscriber.uri")).expect("uri");
    let (user, token) = (
        uri.username().to_string(),
        uri.password().expect("token").to_string(),
    );
    let producers = host_config("knative").bus.producers;
    let no_plugins = tempfile::tempdir().expect("plugins");
    let h = common::Harness::start_with(no_plugins.path().to_path_buf(), |c| {
        c.bus.producers = producers;
    })
    .await;
    let url = h.app.url();
    assert_eq!(
        deliver(&h.http, &url, &uri, &user, &token).await,
        202,
        "the Trigger's delivery"
    );
    assert_eq!(
        deliver(&h.http, &url, &uri, &user, "not-the-token-at-all").await,
        401,
        "a wrong token"
    );
    assert_eq!(
        deliver(&h.http, &url, &uri, "someone-else", &token).await,
        401,
        "another producer's name"
    );
    h.app.shutdown().await;
}

// ---------------------------------------------------------------- the image

/// One Dockerfile instruction (continuation lines joined).
#[derive(Debug, Clone)]
struct Instruction {
    op: String,
    /// Flags (`--from=build`) and arguments, split on whitespace (JSON
    /// arrays parsed).
    flags: Vec<String>,
    args: Vec<String>,
    raw: String,
}

fn dockerfile() -> Vec<Instruction> {
    let text = std::fs::read_to_string(workspace().join("Dockerfile")).expect("Dockerfile");
    let mut joined = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let t = line.trim();
        if current.is_empty() && (t.is_empty() || t.starts_with('#')) {
            continue;
        }
        if let Some(rest) = t.strip_suffix('\\') {
            current.push_str(rest);
            current.push(' ');
        } else {
            current.push_str(t);
            joined.push(std::mem::take(&mut current));
        }
    }
    joined
        .into_iter()
        .map(|raw| {
            let (op, rest) = raw.split_once(' ').unwrap_or((&raw, ""));
            // The exec (JSON) form is all arguments; the shell form's leading
            // `--x` words are the instruction's flags (`COPY --from=build`).
            let (flags, args) = match serde_json::from_str::<Vec<String>>(rest.trim()) {
                Ok(list) => (Vec::new(), list),
                Err(_) => {
                    let words: Vec<String> = rest.split_whitespace().map(str::to_string).collect();
                    let n = words.iter().take_while(|w| w.starts_with("--")).count();
                    (words[..n].to_vec(), words[n..].to_vec())
                }
            };
            Instruction {
                op: op.to_ascii_uppercase(),
                flags,
                args,
                raw: raw.clone(),
            }
        })
        .collect()
}

/// The instructions of each stage, by stage name.
fn stages(all: &[Instruction]) -> Vec<(String, Vec<Instruction>)> {
    let mut out: Vec<(String, Vec<Instruction>)> = Vec::new();
    for i in all {
        if i.op == "FROM" {
            let name = match i.args.as_slice() {
                [_, as_, name] if as_.eq_ignore_ascii_case("as") => name.clone(),
                _ => format!("stage{}", out.len()),
            };
            out.push((name, Vec::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push(i.clone());
        }
    }
    out
}

fn final_stage(all: &[Instruction]) -> Vec<Instruction> {
    stages(all).pop().expect("a stage").1
}

/// The numeric user the image runs as.
fn image_user() -> u64 {
    let user = final_stage(&dockerfile())
        .into_iter()
        .rfind(|i| i.op == "USER")
        .expect("a USER line");
    user.args[0]
        .split(':')
        .next()
        .and_then(|u| u.parse().ok())
        .expect("a numeric user (runAsNonRoot can check it)")
}

/// `.dockerignore` patterns (the simple forms used here).
fn dockerignored(rel: &Path) -> bool {
    let text = std::fs::read_to_string(workspace().join(".dockerignore")).expect(".dockerignore");
    let rel = rel.to_string_lossy();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .any(|pattern| {
            if let Some(any_dir) = pattern.strip_prefix("**/") {
                rel.split('/').any(|part| part == any_dir)
            } else if let Some(ext) = pattern.strip_prefix("*.") {
                rel.ends_with(&format!(".{ext}"))
            } else {
                rel == pattern || rel.starts_with(&format!("{pattern}/"))
            }
        })
}

/// What the build stage's script writes into $OUT: `bin/agent-store`
/// (`host`) and `plugins/` (`plugins`).
const BUILD_OUTPUTS: &[(&str, &str)] = &[("host", "bin/agent-store"), ("plugins", "plugins")];

#[test]
fn dockerfile_recipe_is_consistent_with_the_workspace() {
    let all = dockerfile();
    let stages = stages(&all);
    assert_eq!(stages.len(), 2, "a build stage and a runtime stage");
    let (build_name, build) = &stages[0];
    let (_, runtime) = &stages[1];

    // The toolchain is the workspace's.
    let manifest: toml::Value = toml::from_str(
        &std::fs::read_to_string(workspace().join("Cargo.toml")).expect("Cargo.toml"),
    )
    .expect("toml");
    let rust = manifest["workspace"]["package"]["rust-version"]
        .as_str()
        .expect("rust-version");
    assert!(
        all.iter()
            .any(|i| i.op == "ARG" && i.args == [format!("RUST_VERSION={rust}")]),
        "the build image is Rust {rust}"
    );
    assert!(
        build
            .iter()
            .any(|i| i.op == "RUN" && i.raw.contains("rustup target add wasm32-wasip2")),
        "the plugins' target is installed"
    );

    // The build stage runs both halves of the build script into /out.
    let script = "k8s/image/build-stage.sh";
    assert!(workspace().join(script).is_file());
    let mut outputs = Vec::new();
    for (step, produced) in BUILD_OUTPUTS {
        assert!(
            build.iter().any(|i| i.op == "RUN"
                && i.raw.contains("OUT=/out")
                && i.raw.contains(&format!("{script} {step}"))),
            "the build stage runs `{script} {step}`"
        );
        outputs.push(Path::new("/out").join(produced));
    }
    // Every workspace member is in the build context.
    for m in manifest["workspace"]["members"]
        .as_array()
        .expect("members")
    {
        let m = Path::new(m.as_str().expect("member"));
        assert!(workspace().join(m).join("Cargo.toml").is_file());
        assert!(
            !dockerignored(&m.join("Cargo.toml")),
            "{} is in the context",
            m.display()
        );
    }

    // The runtime stage copies what exists: sources from the context, and
    // from the build stage only what its script produced.
    let mut destinations = Vec::new();
    for copy in runtime.iter().filter(|i| i.op == "COPY") {
        let (dest, sources) = copy.args.split_last().expect("COPY src dest");
        destinations.push(PathBuf::from(dest));
        match copy.flags.iter().find_map(|f| f.strip_prefix("--from=")) {
            Some(stage) => {
                assert_eq!(stage, build_name, "{}", copy.raw);
                for s in sources {
                    assert!(
                        outputs.iter().any(|o| o == Path::new(s)),
                        "{}: {s} is not built",
                        copy.raw
                    );
                }
            }
            None => {
                for s in sources {
                    assert!(
                        workspace().join(s).exists(),
                        "{}: {s} does not exist",
                        copy.raw
                    );
                    assert!(
                        !dockerignored(Path::new(s)),
                        "{}: {s} is excluded by .dockerignore",
                        copy.raw
                    );
                }
            }
        }
    }
    for copied in [
        "k8s/image/entrypoint.sh",
        "k8s/image/agent-store.toml",
        "prompts",
        "catalog",
    ] {
        assert!(
            runtime
                .iter()
                .any(|i| i.op == "COPY" && i.args.first().is_some_and(|a| a == copied)),
            "{copied} is in the image"
        );
    }

    // It runs as a non-root user, through the copied entrypoint, on the
    // copied config.
    assert_ne!(image_user(), 0, "not root");
    let entrypoint = runtime
        .iter()
        .rfind(|i| i.op == "ENTRYPOINT")
        .expect("ENTRYPOINT");
    assert!(
        destinations.contains(&PathBuf::from(&entrypoint.args[0])),
        "the entrypoint is copied"
    );
    let cmd = runtime.iter().rfind(|i| i.op == "CMD").expect("CMD");
    let config = cmd
        .args
        .windows(2)
        .find(|w| w[0] == "--config")
        .map(|w| PathBuf::from(&w[1]))
        .expect("--config");
    assert!(
        destinations.contains(&config),
        "the default config is copied"
    );
    let image_config = Config::load_with(
        Some(&workspace().join("k8s/image/agent-store.toml")),
        EnvOverrides::default(),
    )
    .expect("the image's config is valid");
    for path in [
        image_config.prompts_dir(),
        image_config.catalog.seed_feed.clone().expect("feed"),
    ] {
        assert!(
            destinations.iter().any(|d| path.starts_with(d)),
            "{} is in the image",
            path.display()
        );
    }
    let volume = runtime.iter().find(|i| i.op == "VOLUME").expect("VOLUME");
    assert!(
        volume
            .args
            .iter()
            .any(|v| image_config.data_dir == Path::new(v)),
        "the data dir is a volume"
    );
}

fn copy_tree(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).expect("mkdir");
        for e in std::fs::read_dir(from).expect("read dir") {
            let e = e.expect("entry");
            copy_tree(&e.path(), &to.join(e.file_name()));
        }
    } else {
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::copy(from, to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    }
}

/// `/x/y` under `root`.
fn under(root: &Path, abs: &str) -> PathBuf {
    root.join(abs.trim_start_matches('/'))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_image_layout_built_by_its_recipe_serves_with_six_plugins() {
    let out = tempfile::tempdir().expect("out");
    // The plugin half of the build stage, exactly as the Dockerfile runs it
    // (the release host build is left out: the debug host stands in).
    let status = Command::new(workspace().join("k8s/image/build-stage.sh"))
        .arg("plugins")
        .current_dir(workspace())
        .env("OUT", out.path())
        .env("AGENT_STORE_BIN", common::child_host::binary())
        .status()
        .expect("build-stage.sh");
    assert!(status.success(), "build-stage.sh plugins failed");
    let mut plugins: Vec<String> = std::fs::read_dir(out.path().join("plugins"))
        .expect("plugins out")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    plugins.sort();
    let crates: BTreeSet<String> = std::fs::read_dir(workspace().join("plugins"))
        .expect("plugins/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(plugins.len(), 6, "{plugins:?}");
    assert_eq!(plugins.iter().cloned().collect::<BTreeSet<_>>(), crates);
    for p in &plugins {
        let wasm = out.path().join("plugins").join(p).join(format!("{p}.wasm"));
        let bytes = std::fs::read(&wasm).unwrap_or_else(|e| panic!("{}: {e}", wasm.display()));
        // A component, not a core module: `\0asm`, version 0x0d, layer 1.
        assert_eq!(
            &bytes[..8],
            b"\0asm\x0d\x00\x01\x00",
            "{p} is a wasm component"
        );
    }
    std::fs::create_dir_all(out.path().join("bin")).expect("bin");
    std::fs::copy(
        common::child_host::binary(),
        out.path().join("bin/agent-store"),
    )
    .expect("host binary");

    // The runtime stage's file system, from its COPY lines.
    let root = tempfile::tempdir().expect("root");
    for copy in final_stage(&dockerfile()).iter().filter(|i| i.op == "COPY") {
        let (dest, sources) = copy.args.split_last().expect("COPY");
        for s in sources {
            let from = if copy.flags.iter().any(|f| f.starts_with("--from=")) {
                out.path()
                    .join(Path::new(s).strip_prefix("/out").expect("/out"))
            } else {
                workspace().join(s)
            };
            copy_tree(&from, &under(root.path(), dest));
        }
    }
    // The image's config, its absolute paths moved under the root.
    let config_path = under(root.path(), "/etc/agent-store/agent-store.toml");
    let text = std::fs::read_to_string(&config_path).expect("image config");
    let moved = text.replace("= \"/", &format!("= \"{}/", root.path().display()));
    assert_ne!(moved, text, "the config names absolute paths");
    std::fs::write(config_path, moved).expect("write config");

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let cmd = final_stage(&dockerfile())
        .into_iter()
        .rfind(|i| i.op == "CMD")
        .expect("CMD");
    let args: Vec<String> = cmd
        .args
        .iter()
        .map(|a| {
            if a.starts_with('/') {
                under(root.path(), a).display().to_string()
            } else {
                a.clone()
            }
        })
        .collect();
    let log = std::fs::File::create(root.path().join("host.log")).expect("log");
    let mut entry = Command::new(under(root.path(), "/usr/local/bin/agent-store-entrypoint"));
    // Only what this test sets: none of the developer's own overrides.
    for (key, _) in std::env::vars() {
        if key.starts_with(ENV_PREFIX) || key == "K_SINK" {
            entry.env_remove(key);
        }
    }
    entry
        .args(args)
        .env(
            "AGENT_STORE_DATA_DIR",
            under(root.path(), "/var/lib/agent-store"),
        )
        .env(
            "AGENT_STORE_IMAGE_PLUGINS",
            under(root.path(), "/usr/lib/agent-store/plugins"),
        )
        .env(
            "AGENT_STORE_BIN",
            under(root.path(), "/usr/local/bin/agent-store"),
        )
        .env("AGENT_STORE_SERVER_BIND", format!("127.0.0.1:{port}"))
        .env("AGENT_STORE_WHATSAPP_APP_SECRET", "image-test-secret")
        .env("AGENT_STORE_ADMIN_TOKEN", "image-test-admin-token")
        .stdin(Stdio::null())
        .stdout(log.try_clone().expect("log"))
        .stderr(log);
    let mut child = Guard(entry.spawn().expect("start the entrypoint"));

    let http = reqwest::Client::new();
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(240);
    loop {
        if let Ok(r) = http.get(format!("{url}/readyz")).send().await
            && r.status().is_success()
        {
            break;
        }
        if let Ok(Some(status)) = child.0.try_wait() {
            panic!(
                "the host exited ({status}): {}",
                std::fs::read_to_string(root.path().join("host.log")).unwrap_or_default()
            );
        }
        assert!(
            Instant::now() < deadline,
            "never ready: {}",
            std::fs::read_to_string(root.path().join("host.log")).unwrap_or_default()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let admin = |path: &str| {
        http.get(format!("{url}/admin{path}"))
            .bearer_auth("image-test-admin-token")
            .send()
    };
    let loaded: serde_json::Value = admin("/plugins")
        .await
        .expect("plugins")
        .json()
        .await
        .expect("json");
    let names: BTreeSet<String> = loaded["plugins"]
        .as_array()
        .expect("plugins")
        .iter()
        .filter_map(|p| p["name"].as_str().map(str::to_string))
        .collect();
    assert_eq!(names, crates, "every baked plugin is loaded: {loaded}");
    let products: serde_json::Value = admin("/products")
        .await
        .expect("products")
        .json()
        .await
        .expect("json");
    let count = products["products"].as_array().map_or(0, Vec::len);
    assert!(count > 0, "the demo catalog was imported: {products}");
    // The plugins were installed on the data volume, not in the image.
    assert!(under(root.path(), "/var/lib/agent-store/plugins/router/history").exists());
}

/// Kills the child when dropped (a failed assertion must not leave it).
struct Guard(std::process::Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
