//! `agent-store plugin test COMPONENT --manifest M --script FILE`: scripted
//! conversations against a real component in the real host — the router,
//! the pipeline, the WhatsApp sandbox as Graph API — on a throw-away data
//! dir, so a brand team can check a build before pushing it.
//!
//! ```toml
//! [[turn]]
//! say = "hi, I'm looking for a new laptop"
//! expect = ["laptop"]        # each must appear in the replies (case-insensitive)
//! brand = "tech"             # optional: the conversation's brand afterwards
//! forbid = ["$1.00"]         # optional: must not appear
//! ```

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context as _, bail};
use serde::Deserialize;
use serde_json::Value;

use crate::app::{App, Options};
use crate::config::Config;
use crate::whatsapp::{payload, signature};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Script {
    #[serde(rename = "turn")]
    pub turns: Vec<Step>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub say: String,
    #[serde(default)]
    pub expect: Vec<String>,
    #[serde(default)]
    pub forbid: Vec<String>,
    #[serde(default)]
    pub brand: Option<String>,
}

/// One step's outcome.
#[derive(Debug, Clone)]
pub struct StepReport {
    pub say: String,
    pub replies: String,
    pub brand: Option<String>,
    pub failures: Vec<String>,
}

/// Everything a person reads in a Graph API message body.
fn readable(body: &Value) -> String {
    let mut out = Vec::new();
    for p in [
        "/text/body",
        "/image/caption",
        "/interactive/header/text",
        "/interactive/body/text",
        "/interactive/footer/text",
    ] {
        if let Some(s) = body.pointer(p).and_then(Value::as_str) {
            out.push(s.to_string());
        }
    }
    for b in body
        .pointer("/interactive/action/buttons")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(t) = b.pointer("/reply/title").and_then(Value::as_str) {
            out.push(format!("[{t}]"));
        }
    }
    out.join("\n")
}

/// Install `component` + `manifest` over the workspace's other plugins in
/// a temporary plugins dir, start the host with the sandbox, run the script.
pub async fn run(
    base: Config,
    installed: &Path,
    component: &Path,
    manifest: &Path,
    script: &Path,
) -> anyhow::Result<Vec<StepReport>> {
    let text =
        std::fs::read_to_string(script).with_context(|| format!("reading {}", script.display()))?;
    let script: Script =
        toml::from_str(&text).with_context(|| format!("parsing {}", script.display()))?;
    let m = crate::plugins::Manifest::read(manifest)?;
    let data = tempfile::tempdir()?;
    let plugins_dir = data.path().join("plugins");
    copy_plugins(installed, &plugins_dir, &m.name)?;
    let dest = plugins_dir.join(&m.name);
    std::fs::create_dir_all(&dest)?;
    std::fs::copy(component, dest.join(m.component_file()))
        .with_context(|| format!("reading {}", component.display()))?;
    std::fs::copy(manifest, dest.join(crate::plugins::manifest::FILE_NAME))?;

    let mut config = base;
    config.data_dir = data.path().to_path_buf();
    config.database.url = String::new();
    config.server.bind = "127.0.0.1:0".parse()?;
    config.plugins.dir = Some(plugins_dir);
    config.plugins.watch = false;
    config.admin.token = String::new();
    let app = App::start(config, Options { sandbox: true }).await?;
    let reports = steps(&app, &script).await;
    app.shutdown().await;
    reports
}

fn copy_plugins(from: &Path, to: &Path, except: &str) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    let Ok(entries) = std::fs::read_dir(from) else {
        return Ok(());
    };
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        if name == except || !e.path().is_dir() {
            continue;
        }
        let dest = to.join(&name);
        std::fs::create_dir_all(&dest)?;
        for f in std::fs::read_dir(e.path())?.filter_map(Result::ok) {
            let p: PathBuf = f.path();
            let keep = p.extension().is_some_and(|x| x == "wasm")
                || p.file_name().is_some_and(|n| n == "plugin.toml");
            if keep {
                std::fs::copy(&p, dest.join(f.file_name()))?;
            }
        }
    }
    Ok(())
}

async fn steps(app: &App, script: &Script) -> anyhow::Result<Vec<StepReport>> {
    let Some(sandbox) = &app.sandbox else {
        bail!("the sandbox is not running");
    };
    let c = &app.state.config.whatsapp;
    let customer = "15550000001";
    let http = reqwest::Client::new();
    let mut reports = Vec::new();
    for (i, step) in script.turns.iter().enumerate() {
        let before = sandbox.sent().len();
        let body = payload::text_envelope(
            &c.phone_number_id,
            customer,
            "Script",
            &format!("wamid.script.{i}"),
            &step.say,
        );
        let raw = serde_json::to_vec(&body)?;
        let status = http
            .post(format!("{}/webhooks/whatsapp", app.url()))
            .header(
                "x-hub-signature-256",
                signature::sign(c.app_secret.as_bytes(), &raw),
            )
            .header("content-type", "application/json")
            .body(raw)
            .send()
            .await?
            .status();
        if !status.is_success() {
            bail!("the webhook answered {status}");
        }
        tokio::time::timeout(Duration::from_secs(60), app.idle())
            .await
            .context("the host did not finish the turn within 60 s")?;
        let replies: Vec<String> = sandbox.sent()[before..]
            .iter()
            .filter(|m| m.to == customer)
            .map(|m| readable(&m.payload))
            .collect();
        let replies = replies.join("\n");
        let brand = app
            .state
            .conversations
            .list(10)
            .await?
            .into_iter()
            .find(|cv| cv.customer_wa_id == customer)
            .and_then(|cv| cv.brand);
        let lower = replies.to_lowercase();
        let mut failures = Vec::new();
        for e in &step.expect {
            if !lower.contains(&e.to_lowercase()) {
                failures.push(format!("expected {e:?}"));
            }
        }
        for f in &step.forbid {
            if lower.contains(&f.to_lowercase()) {
                failures.push(format!("forbidden {f:?} appeared"));
            }
        }
        if let Some(b) = &step.brand
            && brand.as_deref() != Some(b.as_str())
        {
            failures.push(format!(
                "expected brand {b}, got {}",
                brand.as_deref().unwrap_or("none")
            ));
        }
        if replies.is_empty() && !step.expect.is_empty() {
            failures.push("no reply".into());
        }
        reports.push(StepReport {
            say: step.say.clone(),
            replies,
            brand,
            failures,
        });
    }
    Ok(reports)
}
