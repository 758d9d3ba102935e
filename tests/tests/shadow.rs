//! Shadow versions on live traffic, through the real host: a version pushed
//! with `"shadow": true` gets a copy of the active version's live turns,
//! answered from the active turn's recorded imports, and its actions are
//! compared and stored, never carried out — the local Graph API stand-in
//! counts every send. The changed seller (`tests/plugins/replay-seller-changed`:
//! one more of every item added to the cart, an order becomes an
//! escalation) shows exactly the turns it differs on; promote makes it
//! active, drop removes it; a shadow that traps fails its own turns while
//! customers are answered, and one that loops is refused at push.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use common::replay_seller::{expected_differences, install};
use common::{ADMIN, Backend, Harness, plugins_dir, workspace};
use serde_json::{Value, json};

/// A conversation that searches, picks, reads the cart and orders (the
/// replay tests' conversation).
const SAYS: &[&str] = &[
    "hi, I'm looking for running shoes",
    "I'll take the second one",
    "show my cart",
    "that's all",
];

/// The sellers, built once per test process.
fn corpus_dir() -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let out = workspace().join("target/shadow-plugins");
        let crates: Vec<PathBuf> = [
            "replay-seller",
            "replay-seller-changed",
            "hostile-panic",
            "hostile-loop",
        ]
        .iter()
        .map(|name| workspace().join("tests/plugins").join(name))
        .collect();
        agent_store::devkit::build::build_crates(&workspace(), &crates, &out)
            .expect("the shadow test sellers build");
        out
    })
    .clone()
}

/// The router, the other brands' sellers and `replay-seller` for fashion.
fn plugins() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in [
        "router",
        "seller-tech",
        "seller-home",
        "seller-beauty",
        "seller-gaming",
    ] {
        install(&plugins_dir(), name, dir.path());
    }
    install(&corpus_dir(), "replay-seller", dir.path());
    dir
}

/// `component` of the built corpus, as a version of `replay-seller`
/// (its manifest's name, and `version`).
fn as_replay_seller(component: &str, version: &str) -> Value {
    let manifest = std::fs::read_to_string(corpus_dir().join("replay-seller/plugin.toml"))
        .expect("manifest")
        .replace("version = \"1.0.0\"", &format!("version = \"{version}\""));
    let wasm = std::fs::read(
        corpus_dir()
            .join(component)
            .join(format!("{component}.wasm")),
    )
    .expect("component");
    use base64::Engine as _;
    json!({
        "manifest": manifest,
        "component": base64::engine::general_purpose::STANDARD.encode(wasm),
    })
}

async fn call(
    h: &Harness,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut r = h
        .http
        .request(method, format!("{}/admin{path}", h.app.url()))
        .bearer_auth(ADMIN);
    if let Some(b) = body {
        r = r.json(&b);
    }
    let r = r.send().await.expect("admin request");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// Push `component` as replay-seller's shadow version.
async fn push_shadow(h: &Harness, component: &str, version: &str) -> (u16, Value) {
    let mut body = as_replay_seller(component, version);
    body["shadow"] = json!(true);
    call(
        h,
        reqwest::Method::PUT,
        "/plugins/replay-seller",
        Some(body),
    )
    .await
}

/// The shadow report once `turns` live turns are accounted for (compared
/// or dropped), within 60 s.
async fn report_after(h: &Harness, turns: u64) -> Value {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    loop {
        let (status, report) = call(
            h,
            reqwest::Method::GET,
            "/plugins/replay-seller/shadow",
            None,
        )
        .await;
        assert_eq!(status, 200, "{report}");
        let seen =
            report["compared"].as_u64().unwrap_or(0) + report["dropped"].as_u64().unwrap_or(0);
        if seen >= turns {
            return report;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{turns} shadow turns not accounted for within 60 s: {report}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn converse(h: &Harness, customer: &str, tag: &str) {
    for (i, say) in SAYS.iter().enumerate() {
        let status = h.say(customer, &format!("wamid.{tag}.{i}"), say).await;
        assert_eq!(status, 200);
    }
}

/// The recorded seller turns of a conversation: (turn key, actions).
async fn recorded_seller_turns(h: &Harness, conversation: &str) -> Vec<(String, Vec<Value>)> {
    let db = h.db().await;
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, body FROM turn_records WHERE conversation_id = $1 AND kind = 'seller' \
         ORDER BY recorded_at",
    )
    .bind(conversation)
    .fetch_all(&db.pool)
    .await
    .expect("turn records");
    rows.into_iter()
        .map(|(id, body)| {
            let v: Value = serde_json::from_str(&body).expect("json");
            let actions = v["exchange"]["seller"]["outcome"]["Ok"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            (id, actions)
        })
        .collect()
}

async fn compared_on_live_turns_while_customers_get_the_active_version(backend: Backend) {
    let dir = plugins();
    let h = Harness::start_on_with(backend, dir.path().to_path_buf(), |_| {}).await;

    // Before any shadow: a customer's conversation, its sends counted.
    let before = "5511900000001";
    converse(&h, before, "before").await;
    let sends_before = h.sink.to(before).len();
    assert!(sends_before >= SAYS.len(), "answered: {sends_before}");

    let (status, pushed) = push_shadow(&h, "replay-seller-changed", "1.1.0").await;
    assert_eq!(status, 200, "{pushed}");
    assert_eq!(pushed["state"], "shadow");
    assert_eq!(pushed["version"], "1.1.0");
    let listed = h.admin("/plugins").await;
    let seller = listed["plugins"]
        .as_array()
        .expect("plugins")
        .iter()
        .find(|p| p["name"] == "replay-seller")
        .expect("replay-seller listed")
        .clone();
    assert_eq!(seller["version"], "1.0.0", "the active version serves");
    assert_eq!(seller["shadow"]["version"], "1.1.0", "{seller}");

    // The same conversation with the shadow running.
    let during = "5511900000002";
    converse(&h, during, "during").await;
    let report = report_after(&h, SAYS.len() as u64).await;

    // Customers got the active version only: the same number of sends,
    // the order placed (the shadow escalates instead), no escalation.
    assert_eq!(
        h.sink.to(during).len(),
        sends_before,
        "the shadow sent nothing: {:?}",
        h.sink.to(during)
    );
    let conversation = h.conversation_of(during).await.expect("conversation");
    assert_ne!(conversation["status"], "escalated", "{conversation}");
    let id = conversation["id"].as_str().expect("id").to_string();
    let turns = recorded_seller_turns(&h, &id).await;
    assert_eq!(turns.len(), SAYS.len());
    // The order holds what the active version added (the shadow adds one
    // more of each).
    let added: Vec<(String, u64)> = turns
        .iter()
        .flat_map(|(_, actions)| actions.iter())
        .filter_map(|a| a.get("AddToCart"))
        .map(|c| {
            (
                c["product_id"].as_str().unwrap_or("").to_string(),
                c["quantity"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert!(
        !added.is_empty(),
        "the active version added to the cart: {turns:?}"
    );
    let orders = h.admin("/orders").await;
    let placed: Vec<&Value> = orders["orders"]
        .as_array()
        .expect("orders")
        .iter()
        .filter(|o| o["customer_wa_id"] == during)
        .collect();
    assert_eq!(
        placed.len(),
        1,
        "the active version's order was placed: {orders}"
    );
    let lines: Vec<(String, u64)> = placed[0]["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| {
            (
                l["product_id"].as_str().unwrap_or("").to_string(),
                l["quantity"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        lines, added,
        "the order has the active version's quantities"
    );

    // Every live seller turn was compared (none dropped), and the differing
    // turns are exactly those the changes account for.
    assert_eq!(report["compared"], SAYS.len() as u64, "{report}");
    assert_eq!(report["dropped"], 0, "{report}");
    assert_eq!(report["failed"], 0, "{report}");
    let mut expected: Vec<Value> = turns
        .iter()
        .filter_map(|(key, actions)| {
            let d = expected_differences(actions);
            (!d.is_empty()).then(|| json!({"turn": key, "differences": d}))
        })
        .collect();
    assert!(
        expected.iter().any(|t| t.to_string().contains("\"order\"")),
        "the conversation orders: {turns:?}"
    );
    let mut found: Vec<Value> = report["turns"]
        .as_array()
        .expect("turns")
        .iter()
        .map(|t| {
            assert_eq!(t["status"], "differs", "{t}");
            assert_eq!(
                t["active_id"].as_str().map(|s| s.starts_with("1.0.0-")),
                Some(true),
                "{t}"
            );
            json!({"turn": t["turn"], "differences": t["differences"]})
        })
        .collect();
    let by_turn = |v: &Value| v["turn"].as_str().unwrap_or_default().to_string();
    expected.sort_by_key(by_turn);
    found.sort_by_key(by_turn);
    assert_eq!(found, expected, "the differing turns, exactly");
    let same = SAYS.len() - expected.len();
    assert_eq!(report["same"], same as u64, "{report}");
    let agreement = report["agreement"].as_f64().expect("agreement");
    assert!(
        (agreement - same as f64 / SAYS.len() as f64).abs() < 1e-9,
        "{report}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shadow_version_is_compared_on_live_turns_while_customers_get_the_active_one_on_sqlite() {
    compared_on_live_turns_while_customers_get_the_active_version(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shadow_version_is_compared_on_live_turns_while_customers_get_the_active_one_on_postgres()
{
    compared_on_live_turns_while_customers_get_the_active_version(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn promote_makes_the_shadow_active_and_drop_removes_it() {
    let dir = plugins();
    let h = Harness::start_with(dir.path().to_path_buf(), |_| {}).await;
    let shadow = "/plugins/replay-seller/shadow";

    // Nothing to show, promote or drop yet.
    for (method, path) in [
        (reqwest::Method::GET, shadow.to_string()),
        (reqwest::Method::DELETE, shadow.to_string()),
        (reqwest::Method::POST, format!("{shadow}/promote")),
    ] {
        let (status, body) = call(&h, method, &path, None).await;
        assert_eq!(status, 404, "{path}: {body}");
    }
    // A canary and a shadow at once is refused; a shadow of a plugin
    // that has no active version too.
    let mut both = as_replay_seller("replay-seller-changed", "1.1.0");
    both["shadow"] = json!(true);
    both["canary"] = json!(10);
    let (status, body) = call(
        &h,
        reqwest::Method::PUT,
        "/plugins/replay-seller",
        Some(both),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    let mut ghost = as_replay_seller("replay-seller-changed", "1.1.0");
    ghost["manifest"] = json!(
        ghost["manifest"]
            .as_str()
            .expect("manifest")
            .replace("name = \"replay-seller\"", "name = \"ghost-seller\"")
    );
    ghost["shadow"] = json!(true);
    let (status, body) = call(
        &h,
        reqwest::Method::PUT,
        "/plugins/ghost-seller",
        Some(ghost),
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert!(
        body["error"]
            .as_str()
            .unwrap_or_default()
            .contains("no active version"),
        "{body}"
    );

    let (status, body) = push_shadow(&h, "replay-seller-changed", "1.1.0").await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = call(
        &h,
        reqwest::Method::POST,
        &format!("{shadow}/promote"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["state"], "active");
    assert_eq!(body["version"], "1.1.0");
    let (status, _) = call(&h, reqwest::Method::GET, shadow, None).await;
    assert_eq!(status, 404, "no shadow once promoted");
    let listed = h.admin("/plugins").await;
    let seller = listed["plugins"]
        .as_array()
        .expect("plugins")
        .iter()
        .find(|p| p["name"] == "replay-seller")
        .expect("listed")
        .clone();
    assert_eq!(seller["version"], "1.1.0", "{seller}");
    assert_eq!(seller["shadow"], Value::Null, "{seller}");

    // Customers now meet the promoted version: the order becomes an
    // escalation.
    let customer = "5511900000003";
    converse(&h, customer, "promoted").await;
    let conversation = h.conversation_of(customer).await.expect("conversation");
    assert_eq!(conversation["status"], "escalated", "{conversation}");

    // The old version as a shadow through the CLI, shown, then dropped:
    // the active one stays.
    let cli = |args: &[&str]| {
        let out = std::process::Command::new(common::child_host::binary())
            .args(args)
            .args(["--url", &h.app.url(), "--token", ADMIN])
            .env("AGENT_STORE_LOG_FILTER", "warn")
            .output()
            .expect("agent-store runs");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "{args:?}: {text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        text
    };
    let built = corpus_dir().join("replay-seller");
    let pushed = cli(&[
        "plugin",
        "push",
        &built.join("replay-seller.wasm").display().to_string(),
        "--manifest",
        &built.join("plugin.toml").display().to_string(),
        "--shadow",
    ]);
    assert!(
        pushed.contains("replay-seller 1.0.0") && pushed.contains("is shadow"),
        "{pushed}"
    );
    let shown = cli(&["plugin", "shadow", "show", "replay-seller"]);
    assert!(
        shown.contains("shadow 1.0.0-") && shown.contains("beside active 1.1.0-"),
        "{shown}"
    );
    assert!(shown.contains("compared 0"), "{shown}");
    let dropped = cli(&["plugin", "shadow", "drop", "replay-seller"]);
    assert!(dropped.contains("shadow 1.0.0 dropped"), "{dropped}");
    let (status, _) = call(&h, reqwest::Method::GET, shadow, None).await;
    assert_eq!(status, 404);
    let (status, _) = call(&h, reqwest::Method::DELETE, shadow, None).await;
    assert_eq!(status, 404, "dropped once");
    let listed = h.admin("/plugins").await.to_string();
    assert!(listed.contains("\"version\":\"1.1.0\""), "{listed}");
    let logs = h
        .admin("/plugins/replay-seller/logs?limit=50")
        .await
        .to_string();
    for event in ["shadow_started", "shadow_promoted", "shadow_dropped"] {
        assert!(logs.contains(event), "{event} logged: {logs}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trapping_shadow_leaves_customers_answered_and_a_looping_one_is_refused() {
    let dir = plugins();
    // One turn waiting at most: what does not fit is dropped and counted.
    let h = Harness::start_with(dir.path().to_path_buf(), |c| c.record.shadow_queue = 1).await;

    // hostile-panic passes the smoke turn and panics on every real one.
    let (status, body) = push_shadow(&h, "hostile-panic", "9.0.0").await;
    assert_eq!(status, 200, "{body}");

    let customers: Vec<String> = (0..3).map(|i| format!("55119000001{i}")).collect();
    // Concurrent conversations: the shadow may fall behind.
    let rounds: Vec<Vec<Value>> = SAYS[..2]
        .iter()
        .enumerate()
        .map(|(i, say)| {
            customers
                .iter()
                .enumerate()
                .map(|(c, customer)| {
                    agent_store::whatsapp::payload::text_envelope(
                        common::PHONE_NUMBER_ID,
                        customer,
                        "Test Customer",
                        &format!("wamid.trap.{c}.{i}"),
                        say,
                    )
                })
                .collect()
        })
        .collect();
    for round in &rounds {
        let (a, b, c) = tokio::join!(
            h.post_webhook(&round[0], common::SECRET),
            h.post_webhook(&round[1], common::SECRET),
            h.post_webhook(&round[2], common::SECRET),
        );
        for r in [a, b, c] {
            assert_eq!(r.status(), 200);
        }
        h.settle().await;
    }
    let total = (customers.len() * 2) as u64;
    let report = report_after(&h, total).await;
    assert_eq!(
        report["compared"].as_u64().unwrap_or(0) + report["dropped"].as_u64().unwrap_or(0),
        total,
        "every live turn compared or dropped and counted: {report}"
    );
    assert!(report["compared"].as_u64().unwrap_or(0) >= 1, "{report}");
    assert_eq!(
        report["failed"], report["compared"],
        "every compared turn failed: {report}"
    );
    assert_eq!(report["same"], 0, "{report}");
    assert_eq!(report["agreement"], 0.0, "{report}");
    for t in report["turns"].as_array().expect("turns") {
        assert_eq!(t["status"], "failed", "{t}");
        assert!(
            t["error"]
                .as_str()
                .unwrap_or_default()
                .contains("gave up on purpose"),
            "the trap's reason: {t}"
        );
    }
    // Customers were answered by the active version, which did not fail.
    for customer in &customers {
        let sent = common::readable(&h.sink.to(customer));
        assert!(!sent.is_empty(), "{customer} answered");
        assert!(!sent.contains("ran into a problem"), "{sent}");
    }
    let listed = h.admin("/plugins").await;
    let seller = listed["plugins"]
        .as_array()
        .expect("plugins")
        .iter()
        .find(|p| p["name"] == "replay-seller")
        .expect("listed")
        .clone();
    assert_eq!(seller["version"], "1.0.0");
    assert_eq!(
        seller["errors"], 0,
        "the active version is not blamed: {seller}"
    );

    // A shadow that never returns does not pass its smoke turn: refused,
    // the trapping shadow and the active version stay.
    let (status, body) = push_shadow(&h, "hostile-loop", "9.1.0").await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["stage"], "smoke", "{body}");
    let (status, report) = call(
        &h,
        reqwest::Method::GET,
        "/plugins/replay-seller/shadow",
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        report["shadow_id"]
            .as_str()
            .map(|s| s.starts_with("9.0.0-")),
        Some(true),
        "{report}"
    );
}

/// The sales console's Reports tab shows the brand's business budgets and
/// the shadow version beside its active one (agreement, the differing
/// turns), in Chromium, as the admin API reports them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_shows_the_budgets_and_the_shadow_version_in_chromium() {
    let dir = plugins();
    let h = Harness::start_with(dir.path().to_path_buf(), |_| {}).await;
    let (status, body) = push_shadow(&h, "replay-seller-changed", "1.1.0").await;
    assert_eq!(status, 200, "{body}");
    converse(&h, "5511900000021", "console").await;
    let report = report_after(&h, SAYS.len() as u64).await;
    let (status, body) = call(
        &h,
        reqwest::Method::PUT,
        "/budgets/fashion",
        Some(json!({"max_discount_percent": 15})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let password = "release-safety-pass";
    h.app
        .sales
        .users()
        .upsert(
            "carla",
            password,
            agent_store::sales::Role::Rep,
            &agent_store::sales::Scope::parse("fashion"),
        )
        .await
        .expect("rep account");

    let agreement = format!(
        "{:.1}%",
        report["agreement"].as_f64().expect("agreement") * 100.0
    );
    let compared = report["compared"].to_string();
    let differing = report["differing"].to_string();
    assert_ne!(differing, "0", "{report}");
    let screenshots = workspace().join("target/browser");
    std::fs::create_dir_all(&screenshots).expect("screenshot dir");
    let url = h.app.url();
    let (ok, out) = common::run_browser_script(
        "release_safety.test.mjs",
        &[
            ("AGENT_STORE_URL", url.as_ref()),
            ("REP_NAME", "carla".as_ref()),
            ("REP_PASSWORD", password.as_ref()),
            ("BRAND", "fashion".as_ref()),
            ("SHADOW_PLUGIN", "replay-seller".as_ref()),
            ("MAX_DISCOUNT", "15".as_ref()),
            ("COMPARED", compared.as_ref()),
            ("AGREEMENT", agreement.as_ref()),
            ("DIFFERING", differing.as_ref()),
            ("SCREENSHOT_DIR", screenshots.as_os_str()),
        ],
        Duration::from_secs(180),
    )
    .await;
    assert!(ok, "browser test failed:\n{out}");
    common::assert_every_browser_test_passed("release_safety.test.mjs", &out);
}
