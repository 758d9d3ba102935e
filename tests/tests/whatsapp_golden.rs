//! Golden tests of the WhatsApp wire formats.
//!
//! - `tests/fixtures/whatsapp/inbound/<name>.json`: webhook deliveries as Meta
//!   sends them (one per message type, status and error shape); the parse
//!   of each must equal `<name>.golden.json`.
//! - `tests/fixtures/whatsapp/outbound/<name>.action.json`: a reply action;
//!   the Graph API bodies it renders to must equal `<name>.golden.json`.
//!
//! `UPDATE_GOLDEN=1 cargo test --test whatsapp_golden` rewrites the golden
//! files after an intended change (review the diff).

mod common;

use std::path::{Path, PathBuf};

use agent_store::catalog::Catalog;
use agent_store::chat::Action;
use agent_store::whatsapp::limits;
use agent_store::whatsapp::outbound::{self, RenderContext};
use agent_store::whatsapp::payload;
use serde_json::Value;

fn fixtures(kind: &str) -> PathBuf {
    common::workspace()
        .join("tests/fixtures/whatsapp")
        .join(kind)
}

fn files(dir: &Path, suffix: &str) -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .expect("fixture dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?;
            if name.ends_with(".golden.json") {
                return None;
            }
            Some((name.strip_suffix(suffix)?.to_string(), p.clone()))
        })
        .collect();
    out.sort();
    out
}

/// Compare with (or, with UPDATE_GOLDEN=1, write) `<dir>/<name>.golden.json`.
fn check_golden(dir: &Path, name: &str, actual: &Value) -> Option<String> {
    let path = dir.join(format!("{name}.golden.json"));
    let pretty = serde_json::to_string_pretty(actual).expect("json") + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &pretty).expect("write golden");
        return None;
    }
    let expected: Value = match std::fs::read_to_string(&path) {
        Ok(s) => serde_json::from_str(&s).expect("golden is json"),
        Err(_) => return Some(format!("{name}: no golden file {}", path.display())),
    };
    (expected != *actual).then(|| format!("{name}: expected\n{expected:#}\ngot\n{pretty}"))
}

#[test]
fn every_inbound_shape_parses_to_its_golden() {
    let dir = fixtures("inbound");
    let cases = files(&dir, ".json");
    assert!(cases.len() >= 20, "fixtures found: {}", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(name, path)| {
            let raw = std::fs::read(path).expect("fixture");
            let parsed =
                payload::parse(&raw).unwrap_or_else(|e| panic!("{name} is a valid delivery: {e}"));
            check_golden(&dir, name, &serde_json::to_value(&parsed).expect("json"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_golden_files_say_what_matters() {
    // Spot checks, so a wrongly regenerated golden file cannot hide a bug.
    let dir = fixtures("inbound");
    let parse = |name: &str| -> Value {
        let raw = std::fs::read(dir.join(format!("{name}.json"))).expect("fixture");
        serde_json::to_value(payload::parse(&raw).expect("parses")).expect("json")
    };
    let m = |v: &Value| v["messages"][0].clone();
    assert_eq!(
        m(&parse("text_quoted_reply"))["message"]["reply_to"],
        "wamid.HBgNNTUxMTk4ODg4Nzc3NxURABIYEjBCRjA5QUY5QTc4NjNBRTAA"
    );
    let voice = m(&parse("audio_voice_note"));
    assert_eq!(voice["message"]["content"]["type"], "audio");
    assert_eq!(voice["details"]["media"]["voice"], true);
    assert_eq!(voice["details"]["media"]["id"], "1145018196765066");
    let doc = m(&parse("document"));
    assert_eq!(doc["message"]["content"]["kind"], "document");
    assert_eq!(doc["details"]["media"]["filename"], "nota-fiscal.pdf");
    let reaction = m(&parse("reaction"));
    assert_eq!(reaction["message"]["content"]["kind"], "reaction");
    assert_eq!(reaction["details"]["reaction"]["message_id"], "wamid.OUT3");
    let contacts = m(&parse("contacts"));
    assert_eq!(contacts["details"]["contacts"][0]["name"], "Beatriz Lima");
    assert_eq!(
        contacts["details"]["contacts"][0]["phones"][0],
        "5511977776666"
    );
    let unsupported = m(&parse("unsupported"));
    assert_eq!(unsupported["details"]["errors"][0]["code"], 131051);
    let order = m(&parse("order"));
    assert_eq!(order["message"]["content"]["lines"][1]["quantity"], 2);
    assert_eq!(
        m(&parse("product_inquiry"))["details"]["referred_product"],
        "FAS-RUN-01"
    );
    let failed = parse("status_failed");
    assert_eq!(failed["statuses"][0]["status"], "failed");
    assert_eq!(failed["statuses"][0]["errors"][0]["code"], 131047);
    assert_eq!(parse("value_errors")["errors"][0]["code"], 131000);
    let batch = parse("batch_two_messages_and_a_status");
    assert_eq!(batch["messages"].as_array().map(Vec::len), Some(2));
    assert_eq!(batch["statuses"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn every_outbound_shape_renders_to_its_golden() {
    let (db, dir) = agent_store::db::testing::sqlite().await.expect("db");
    let catalog = Catalog::open(db, dir.path()).await.expect("catalog");
    catalog
        .import_csv_file(&common::workspace().join("catalog/products.csv"))
        .await
        .expect("import");
    let out_dir = fixtures("outbound");
    let cases = files(&out_dir, ".action.json");
    assert!(cases.len() >= 9, "fixtures found: {}", cases.len());
    let mut failures = Vec::new();
    for (name, path) in &cases {
        let action: Action = serde_json::from_str(&std::fs::read_to_string(path).expect("fixture"))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let ctx = RenderContext {
            to: "5511988887777",
            catalog: &catalog,
            catalog_id: name.ends_with("_catalog").then_some("1537019007089420"),
            language: "pt",
        };
        let rendered = outbound::render(&action, &ctx).unwrap_or_else(|e| panic!("{name}: {e}"));
        for r in &rendered {
            check_limits(name, &r.body);
        }
        let bodies = Value::Array(rendered.into_iter().map(|r| r.body).collect());
        failures.extend(check_golden(&out_dir, name, &bodies));
    }
    let template = outbound::template(
        "5511988887777",
        "order_update",
        "pt_BR",
        &[serde_json::json!({"type": "body", "parameters": [{"type": "text", "text": "#1042"}]})],
    );
    failures.extend(check_golden(&out_dir, "template", &template));
    failures.extend(check_golden(
        &out_dir,
        "mark_read",
        &outbound::mark_read("wamid.HBgNNTUxMTk4ODg4Nzc3NxUCABIYFDNBTEXT"),
    ));
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Meta's limits, checked on the rendered body itself.
fn check_limits(name: &str, body: &Value) {
    let len = |p: &str| {
        body.pointer(p)
            .and_then(Value::as_str)
            .map_or(0, |s| s.chars().count())
    };
    assert_eq!(body["messaging_product"], "whatsapp", "{name}");
    assert!(len("/text/body") <= limits::TEXT_BODY, "{name}");
    assert!(
        len("/interactive/body/text") <= limits::INTERACTIVE_BODY,
        "{name}"
    );
    assert!(len("/interactive/header/text") <= limits::HEADER, "{name}");
    assert!(len("/interactive/footer/text") <= limits::FOOTER, "{name}");
    assert!(
        len("/interactive/action/button") <= limits::LIST_BUTTON,
        "{name}"
    );
    if let Some(buttons) = body
        .pointer("/interactive/action/buttons")
        .and_then(Value::as_array)
    {
        assert!((1..=limits::BUTTONS_MAX).contains(&buttons.len()), "{name}");
        for b in buttons {
            assert!(
                b.pointer("/reply/title")
                    .and_then(Value::as_str)
                    .is_some_and(|t| t.chars().count() <= limits::BUTTON_TITLE),
                "{name}"
            );
        }
    }
    if body.pointer("/interactive/type").and_then(Value::as_str) == Some("list") {
        let sections = body
            .pointer("/interactive/action/sections")
            .and_then(Value::as_array)
            .expect("sections");
        let rows: Vec<&Value> = sections
            .iter()
            .flat_map(|s| s["rows"].as_array().into_iter().flatten())
            .collect();
        assert!(sections.len() <= limits::LIST_SECTIONS_MAX, "{name}");
        assert!(
            !rows.is_empty() && rows.len() <= limits::LIST_ROWS_MAX,
            "{name}"
        );
        for r in rows {
            assert!(
                r["title"].as_str().map_or(0, |t| t.chars().count()) <= limits::ROW_TITLE,
                "{name}"
            );
            assert!(
                r["description"].as_str().map_or(0, |t| t.chars().count())
                    <= limits::ROW_DESCRIPTION,
                "{name}"
            );
        }
    }
}
