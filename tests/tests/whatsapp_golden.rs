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
    // Usernames: the BSUID keys the customer when the number is withheld.
    let bsuid = m(&parse("username_bsuid_only"));
    assert_eq!(bsuid["customer"]["wa_id"], "BR.1502576394655843");
    assert_eq!(bsuid["details"]["username"], "@marina.costa");
    assert_eq!(
        m(&parse("username_contact_request"))["customer"]["wa_id"],
        "US.13491208655302741918"
    );
    let both = m(&parse("username_with_phone"));
    assert_eq!(both["customer"]["wa_id"], "919810218674");
    assert_eq!(both["details"]["user_id"], "IN.1410018717833190");
    // System notices are identity changes, never messages.
    for name in [
        "system_user_changed_number",
        "system_customer_changed_number_legacy",
    ] {
        let w = parse(name);
        assert_eq!(w["messages"], serde_json::json!([]), "{name}");
        assert_eq!(w["identity_changes"][0]["from"], "5511988887777", "{name}");
        assert_eq!(w["identity_changes"][0]["to"], "5511977776666", "{name}");
    }
    let uid = parse("system_user_changed_user_id");
    assert_eq!(uid["identity_changes"][0]["to"], "BR.2502576394655843");
    // An order keeps its text; an edit is its corrected message.
    assert_eq!(
        m(&parse("order_unknown_items"))["message"]["content"]["text"],
        "pode entregar amanhã?"
    );
    let edit = m(&parse("edit"));
    assert_eq!(
        edit["message"]["content"]["body"],
        "quero o tênis tamanho 42"
    );
    assert!(edit["details"]["edit_of"].is_string());
    assert_eq!(
        m(&parse("referral_click_to_whatsapp"))["details"]["referral"]["source_type"],
        "ad"
    );
    // One delivery: the two good messages and the good status survive.
    let mixed = parse("bad_messages_among_good");
    let senders: Vec<&str> = mixed["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .filter_map(|m| m["customer"]["wa_id"].as_str())
        .collect();
    assert_eq!(senders, ["5511988887777", "5511966665555"]);
    assert_eq!(mixed["statuses"].as_array().map(Vec::len), Some(1));
    assert_eq!(mixed["skipped"].as_array().map(Vec::len), Some(3));
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

// ---- the same deliveries through a running host --------------------------

use common::{Harness, SECRET};

fn inbound_fixture(name: &str) -> Value {
    let raw = std::fs::read(fixtures("inbound").join(format!("{name}.json"))).expect("fixture");
    serde_json::from_slice(&raw).expect("fixture is json")
}

/// Messages the Graph API stand-in received for `id`, addressed by phone
/// number (`to`) or by business-scoped user id (`recipient`).
fn sent_to(h: &Harness, id: &str) -> Vec<Value> {
    h.sink
        .all()
        .into_iter()
        .map(|(_, b, _)| b)
        .filter(|b| b["to"] == id || b["recipient"] == id)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_documented_delivery_is_acknowledged_by_the_host() {
    let h = Harness::start().await;
    let cases = files(&fixtures("inbound"), ".json");
    assert!(cases.len() >= 30, "fixtures found: {}", cases.len());
    for (name, path) in &cases {
        let body: Value = serde_json::from_slice(&std::fs::read(path).expect("fixture"))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let resp = h.post_webhook(&body, SECRET).await;
        let status = resp.status();
        let text = resp.text().await.unwrap_or_default();
        // Meta retries anything but a 2xx: every documented shape is taken.
        assert_eq!(status, 200, "{name}: {text}");
    }
    h.settle().await;
    // The delivery mixing good and bad messages kept the good ones.
    for good in ["5511988887777", "5511966665555"] {
        assert!(
            h.conversation_of(good).await.is_some(),
            "{good} has a conversation"
        );
        assert!(!sent_to(&h, good).is_empty(), "{good} was answered");
    }
    let list = h.admin("/conversations").await;
    let ids: Vec<&str> = list["conversations"]
        .as_array()
        .expect("conversations")
        .iter()
        .filter_map(|c| c["customer_wa_id"].as_str())
        .collect();
    assert!(
        ids.iter()
            .all(|id| agent_store::whatsapp::identity::kind(id).is_some()),
        "every conversation is keyed by a phone number or a BSUID: {ids:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_username_customer_is_answered_at_their_bsuid() {
    let h = Harness::start().await;
    let bsuid = "BR.1502576394655843";
    let resp = h
        .post_webhook(&inbound_fixture("username_bsuid_only"), SECRET)
        .await;
    assert_eq!(resp.status(), 200);
    h.settle().await;
    let c = h.conversation_of(bsuid).await.expect("a conversation");
    assert_eq!(c["customer_name"], "Marina Costa");
    let replies = sent_to(&h, bsuid);
    assert!(!replies.is_empty(), "answered: {:?}", h.sink.all());
    for r in &replies {
        assert_eq!(r["recipient"], bsuid, "addressed by BSUID: {r}");
        assert!(r.get("to").is_none(), "no phone number invented: {r}");
    }
    // Meta's contact-request shape (no sender fields at all) is answered
    // at the contact's BSUID too.
    let resp = h
        .post_webhook(&inbound_fixture("username_contact_request"), SECRET)
        .await;
    assert_eq!(resp.status(), 200);
    h.settle().await;
    assert!(
        h.conversation_of("US.13491208655302741918").await.is_some(),
        "the contact request is stored under the BSUID"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_number_change_moves_the_conversation_silently() {
    let h = Harness::start().await;
    let (old, new) = ("5511988887777", "5511977776666");
    assert_eq!(
        h.say(old, "wamid.before-change", "oi, quero um tênis de corrida")
            .await,
        200
    );
    let before = h.conversation_of(old).await.expect("a conversation");
    let id = before["id"].as_str().expect("id").to_string();
    let window = h
        .app
        .state
        .conversations
        .last_customer_message_at(&id)
        .await
        .expect("window");
    let sent = h.sink.all().len();

    // Meta's notice, to the business number the customer writes to.
    let mut notice = inbound_fixture("system_user_changed_number");
    notice["entry"][0]["changes"][0]["value"]["metadata"]["phone_number_id"] =
        Value::from(common::PHONE_NUMBER_ID);
    let resp = h.post_webhook(&notice, SECRET).await;
    assert_eq!(resp.status(), 200);
    h.settle().await;
    assert!(
        h.conversation_of(old).await.is_none(),
        "nothing left at the old number"
    );
    let moved = h
        .conversation_of(new)
        .await
        .expect("the conversation moved");
    assert_eq!(
        moved["id"],
        id.as_str(),
        "the same conversation, brand and history"
    );
    assert_eq!(moved["brand"], before["brand"]);
    assert_eq!(h.sink.all().len(), sent, "a system notice gets no reply");
    assert_eq!(
        h.app
            .state
            .conversations
            .last_customer_message_at(&id)
            .await
            .expect("window"),
        window,
        "a system notice does not extend the 24-hour window"
    );
    let view = h.admin(&format!("/conversations/{id}")).await;
    let history = view["history"].to_string();
    assert!(
        !history.contains("changed from"),
        "not stored as the customer's words: {history}"
    );
    // Meta retries the notice: nothing changes, still 200.
    let resp = h.post_webhook(&notice, SECRET).await;
    assert_eq!(resp.status(), 200);
    // The customer writes from the new number: same conversation.
    h.say(new, "wamid.after-change", "e de tamanho 42?").await;
    assert_eq!(
        h.conversation_of(new).await.expect("conversation")["id"],
        id.as_str()
    );
    assert!(!sent_to(&h, new).is_empty(), "answered at the new number");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_order_of_unknown_items_is_answered_for_what_it_is() {
    let h = Harness::start().await;
    let me = "5511988887777";
    let resp = h
        .post_webhook(&inbound_fixture("order_unknown_items"), SECRET)
        .await;
    assert_eq!(resp.status(), 200);
    h.settle().await;
    let text = common::readable(&sent_to(&h, me));
    for item in ["OLD-SKU-404", "OTHER-CATALOG-7"] {
        assert!(text.contains(item), "{item} named: {text}");
    }
    // In the language of the order's note.
    assert!(text.contains("catálogo"), "{text}");
    let c = h.conversation_of(me).await.expect("conversation");
    let view = h
        .admin(&format!("/conversations/{}", c["id"].as_str().expect("id")))
        .await;
    assert!(
        view["history"]
            .to_string()
            .contains("pode entregar amanhã?"),
        "the order's text is kept: {view}"
    );

    // Some items known, some not: the unknown ones are named and the known
    // ones go to their seller, who takes them into the cart.
    let other = "15551237004";
    let mut mixed = inbound_fixture("order_unknown_items");
    let value = &mut mixed["entry"][0]["changes"][0]["value"];
    value["contacts"][0]["wa_id"] = Value::from(other);
    let m = &mut value["messages"][0];
    m["from"] = Value::from(other);
    m["id"] = Value::from("wamid.mixed-order");
    m["order"]["text"] = Value::from("");
    m["order"]["product_items"][0]["product_retailer_id"] = Value::from("FSH-0001");
    assert_eq!(h.post_webhook(&mixed, SECRET).await.status(), 200);
    h.settle().await;
    let text = common::readable(&sent_to(&h, other));
    assert!(text.contains("OTHER-CATALOG-7"), "{text}");
    assert!(
        !text.contains("FSH-0001"),
        "a known item is not called unknown: {text}"
    );
    let c = h.conversation_of(other).await.expect("conversation");
    assert_eq!(
        c["brand"], "fashion",
        "the known item reached its seller: {c}"
    );
    let cart = agent_store::orders::Carts::new(
        h.app.state.orders.db().clone(),
        h.app.state.catalog.clone(),
    )
    .get(c["id"].as_str().expect("id"))
    .await
    .expect("cart");
    let lines: Vec<(&str, u32)> = cart
        .lines
        .iter()
        .map(|l| (l.product_id.as_str(), l.quantity))
        .collect();
    assert_eq!(
        lines,
        [("FSH-0001", 1)],
        "only the known item is in the cart"
    );
}
