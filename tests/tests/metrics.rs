//! Metrics through real parts (issue 17): a real Prometheus server (Debian's
//! `prometheus`, started here on a free port with a generated config)
//! scrapes the real host after a conversation that ends in an order and a
//! satisfaction answer, and its HTTP API is asked for the counters and the
//! histogram; the dashboards and alert rules in `k8s/monitoring/` name only
//! metrics the host exports and pass `promtool`; `/metrics` on its own
//! listener, with hostile `Accept` headers and during shutdown.
//!
//! The metrics registry is per process: one test in this file holds a
//! conversation; the others only read metric names.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{ADMIN, Harness, PHONE_NUMBER_ID, SECRET, workspace};
use serde_json::{Value, json};

const METRICS_TOKEN: &str = "metrics-test-token";

fn tool(name: &str) -> PathBuf {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .expect("sh");
    let path = String::from_utf8_lossy(&found.stdout).trim().to_string();
    assert!(
        !path.is_empty(),
        "{name} is not installed: run ./dev setup (Debian's prometheus package)"
    );
    PathBuf::from(path)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

// ---- what the host exports -------------------------------------------------

/// The sample names the text format of `/metrics` can carry: every
/// `# TYPE` family with its suffixes.
fn exported_names(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("# TYPE ") else {
            continue;
        };
        let mut parts = rest.split_whitespace();
        let (Some(name), Some(kind)) = (parts.next(), parts.next()) else {
            continue;
        };
        match kind {
            "counter" => {
                names.insert(format!("{name}_total"));
            }
            "histogram" => {
                for s in ["_bucket", "_sum", "_count"] {
                    names.insert(format!("{name}{s}"));
                }
            }
            _ => {
                names.insert(name.to_string());
            }
        }
    }
    names
}

/// Every `agent_store_…` identifier in a PromQL expression.
fn metric_names(expr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = expr;
    while let Some(at) = rest.find("agent_store_") {
        let tail = &rest[at..];
        let end = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(tail.len());
        out.push(tail[..end].to_string());
        rest = &tail[end..];
    }
    out
}

/// (file, title, expr) of every dashboard panel target.
fn dashboard_queries() -> Vec<(String, String, String)> {
    let dir = workspace().join("k8s/monitoring/dashboards");
    let mut out = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("k8s/monitoring/dashboards")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for file in files {
        let d: Value =
            serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("dashboard JSON");
        let name = file
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        for panel in d["panels"].as_array().expect("panels") {
            for t in panel["targets"].as_array().expect("targets") {
                out.push((
                    name.clone(),
                    panel["title"].as_str().unwrap_or_default().to_string(),
                    t["expr"].as_str().expect("expr").to_string(),
                ));
            }
        }
        // The template variable's query too.
        for v in d["templating"]["list"].as_array().expect("templating") {
            if let Some(q) = v["query"]["query"].as_str() {
                out.push((name.clone(), "variable".into(), q.to_string()));
            }
        }
    }
    out
}

/// (alert, expr) of every rule.
fn alert_rules() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(workspace().join("k8s/monitoring/agent-store.rules.yaml"))
        .expect("rules file");
    let rules: Value = serde_yaml::from_str(&text).expect("rules YAML");
    let mut out = Vec::new();
    for g in rules["groups"].as_array().expect("groups") {
        for r in g["rules"].as_array().expect("rules") {
            out.push((
                r["alert"].as_str().expect("alert name").to_string(),
                r["expr"].as_str().expect("expr").to_string(),
            ));
        }
    }
    out
}

async fn scrape(h: &Harness) -> String {
    let r = h
        .http
        .get(format!("{}/metrics", h.app.url()))
        .bearer_auth(METRICS_TOKEN)
        .send()
        .await
        .expect("scrape");
    assert_eq!(r.status(), 200);
    r.text().await.expect("metrics text")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dashboards_and_alerts_name_only_exported_metrics_and_pass_promtool() {
    let h = Harness::start_with(common::plugins_dir(), |c| {
        c.telemetry.metrics_token = METRICS_TOKEN.into();
    })
    .await;
    // What the host can export (families without samples yet print
    // nothing), and what one scrape shows: the scrape is within it.
    let exported: BTreeSet<String> = agent_store::telemetry::metrics::get()
        .sample_names()
        .into_iter()
        .collect();
    assert!(exported.len() > 40, "{exported:?}");
    assert!(exported.iter().all(|n| n.starts_with("agent_store_")));
    // docs/metrics.md documents every family.
    let docs = std::fs::read_to_string(workspace().join("docs/metrics.md")).expect("docs");
    for n in &exported {
        let family = ["_total", "_bucket", "_sum", "_count"]
            .iter()
            .find_map(|s| n.strip_suffix(s))
            .unwrap_or(n);
        assert!(
            docs.contains(&format!("`{family}")),
            "{family} is not in docs/metrics.md"
        );
    }
    let scraped = exported_names(&scrape(&h).await);
    assert!(!scraped.is_empty());
    let stray: Vec<_> = scraped.difference(&exported).collect();
    assert!(stray.is_empty(), "scraped but not listed: {stray:?}");

    let dashboards = dashboard_queries();
    let titles: BTreeSet<String> = std::fs::read_dir(workspace().join("k8s/monitoring/dashboards"))
        .expect("dir")
        .map(|e| {
            let v: Value = serde_json::from_slice(&std::fs::read(e.expect("e").path()).expect("r"))
                .expect("json");
            v["title"].as_str().expect("title").to_string()
        })
        .collect();
    for want in [
        "Sales Performance",
        "AI Seller Response Times",
        "Customer Satisfaction",
        "Product Recommendation Accuracy",
    ] {
        assert!(
            titles.iter().any(|t| t.ends_with(want)),
            "dashboard {want}: {titles:?}"
        );
    }
    let rules = alert_rules();
    for want in [
        "AgentStoreOutboxBacklog",
        "AgentStoreWhatsAppTokenHalted",
        "AgentStorePluginQuarantined",
        "AgentStoreBusParkedEvents",
        "AgentStoreSlowReplies",
    ] {
        assert!(rules.iter().any(|(a, _)| a == want), "alert {want}");
    }
    let mut unknown = Vec::new();
    let queries = dashboards
        .iter()
        .map(|(f, t, e)| (format!("{f}: {t}"), e.clone()))
        .chain(rules.iter().map(|(a, e)| (format!("alert {a}"), e.clone())));
    for (place, expr) in queries {
        let names = metric_names(&expr);
        if names.is_empty() {
            unknown.push(format!("{place}: names no agent_store_ metric: {expr}"));
        }
        for n in names {
            if !exported.contains(&n) {
                unknown.push(format!("{place}: {n} is not exported"));
            }
        }
    }
    assert!(unknown.is_empty(), "{}", unknown.join("\n"));

    // promtool: the rules file as it is, and every dashboard query (its
    // Grafana variables filled in) as a recording rule, so a syntax error
    // in a panel fails here, not in Grafana.
    let promtool = tool("promtool");
    let out = Command::new(&promtool)
        .args(["check", "rules"])
        .arg(workspace().join("k8s/monitoring/agent-store.rules.yaml"))
        .output()
        .expect("promtool");
    assert!(
        out.status.success(),
        "promtool check rules: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let rules: Vec<Value> = dashboard_queries()
        .iter()
        .enumerate()
        .map(|(i, (_, _, e))| {
            json!({
                "record": format!("dashboard:query_{i}"),
                "expr": promql(e),
            })
        })
        .collect();
    let file = dir.path().join("dashboards.rules.yaml");
    std::fs::write(
        &file,
        serde_yaml::to_string(&json!({ "groups": [{ "name": "dashboards", "rules": rules }] }))
            .expect("yaml"),
    )
    .expect("write");
    let out = Command::new(&promtool)
        .args(["check", "rules"])
        .arg(&file)
        .output()
        .expect("promtool");
    assert!(
        out.status.success(),
        "dashboard queries: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A dashboard query as plain PromQL: Grafana's variables filled in, its
/// `label_values(selector, label)` reduced to the selector.
fn promql(expr: &str) -> String {
    let e = expr.replace("$__range", "1h").replace("$brand", ".*");
    match e
        .strip_prefix("label_values(")
        .and_then(|r| r.rsplit_once(','))
    {
        Some((selector, _)) => selector.to_string(),
        None => e,
    }
}

// ---- a real Prometheus ----------------------------------------------------------

/// `prometheus` on a free port, scraping `target` every second; killed
/// when dropped.
struct Prometheus {
    child: Child,
    url: String,
    _dir: tempfile::TempDir,
}

impl Prometheus {
    fn start(target: &str, token: &str) -> Prometheus {
        let dir = tempfile::tempdir().expect("tempdir");
        let config = dir.path().join("prometheus.yml");
        std::fs::write(
            &config,
            format!(
                "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n\
                 scrape_configs:\n  - job_name: agent-store\n    scrape_interval: 1s\n    scrape_timeout: 1s\n\
                 \x20   authorization:\n      credentials: {token}\n\
                 \x20   static_configs:\n      - targets: ['{target}']\n"
            ),
        )
        .expect("write config");
        let port = free_port();
        let log = std::fs::File::create(dir.path().join("prometheus.log")).expect("log");
        let child = Command::new(tool("prometheus"))
            .arg(format!("--config.file={}", config.display()))
            .arg(format!(
                "--storage.tsdb.path={}",
                dir.path().join("data").display()
            ))
            .arg(format!("--web.listen-address=127.0.0.1:{port}"))
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .expect("start prometheus");
        Prometheus {
            child,
            url: format!("http://127.0.0.1:{port}"),
            _dir: dir,
        }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self._dir.path().join("prometheus.log")).unwrap_or_default()
    }

    /// The first sample's value of an instant query, if any.
    async fn value(&self, http: &reqwest::Client, query: &str) -> Option<f64> {
        let r = http
            .get(format!("{}/api/v1/query", self.url))
            .query(&[("query", query)])
            .send()
            .await
            .ok()?;
        let body: Value = r.json().await.ok()?;
        body["data"]["result"][0]["value"][1].as_str()?.parse().ok()
    }

    /// Poll `query` until `ok(value)` (Prometheus scrapes every second).
    async fn until(&self, http: &reqwest::Client, query: &str, ok: impl Fn(f64) -> bool) -> f64 {
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut last = None;
        while Instant::now() < deadline {
            last = self.value(http, query).await;
            if let Some(v) = last
                && ok(v)
            {
                return v;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        panic!(
            "Prometheus never answered {query} as expected (last: {last:?})\n{}",
            self.log()
        );
    }
}

impl Drop for Prometheus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn envelope(from: &str, wamid: &str, message: Value) -> Value {
    let mut body =
        agent_store::whatsapp::payload::text_envelope(PHONE_NUMBER_ID, from, "Ana", wamid, "x");
    let m = &mut body["entry"][0]["changes"][0]["value"]["messages"][0];
    let ts = m["timestamp"].clone();
    *m = message;
    m["from"] = json!(from);
    m["id"] = json!(wamid);
    m["timestamp"] = ts;
    body
}

async fn tap(h: &Harness, from: &str, wamid: &str, kind: &str, id: &str, title: &str) {
    let body = envelope(
        from,
        wamid,
        json!({"type": "interactive", "interactive": {"type": kind, kind: {"id": id, "title": title}}}),
    );
    assert_eq!(h.post_webhook(&body, SECRET).await.status(), 200);
    h.settle().await;
}

async fn admin_post(h: &Harness, path: &str) -> u16 {
    h.http
        .post(format!("{}/admin{path}", h.app.url()))
        .bearer_auth(ADMIN)
        .json(&json!({"tracking_number": "1Z999AA10123456784", "carrier": "UPS", "reference": "pix-1"}))
        .send()
        .await
        .expect("admin request")
        .status()
        .as_u16()
}

/// The satisfaction question's row id for `score`, from what was sent.
fn satisfaction_row(messages: &[Value], score: u8) -> Option<String> {
    messages.iter().rev().find_map(|m| {
        m.pointer("/interactive/action/sections/0/rows")?
            .as_array()?
            .iter()
            .filter_map(|r| r["id"].as_str())
            .find(|id| id.starts_with("csat:") && id.ends_with(&format!(":{score}")))
            .map(str::to_string)
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_real_prometheus_scrapes_an_order_its_response_time_and_a_satisfaction_answer() {
    let h = Harness::start_with(common::plugins_dir(), |c| {
        c.telemetry.metrics_token = METRICS_TOKEN.into();
    })
    .await;
    let prometheus = Prometheus::start(&h.app.addr.to_string(), METRICS_TOKEN);
    let http = reqwest::Client::new();
    // Prometheus is up and scraping the host with the token.
    prometheus
        .until(&http, "up{job=\"agent-store\"}", |v| v == 1.0)
        .await;

    let me = "15557770101";
    h.say(me, "wamid.m1.hi", "hi, I'm looking for running shoes")
        .await;
    tap(
        &h,
        me,
        "wamid.m1.add",
        "button_reply",
        "add:FSH-0001",
        "Add to cart",
    )
    .await;
    tap(
        &h,
        me,
        "wamid.m1.checkout",
        "button_reply",
        "checkout",
        "Checkout",
    )
    .await;
    let orders = h.admin("/orders").await;
    let order = orders["orders"]
        .as_array()
        .and_then(|o| o.iter().find(|o| o["customer_wa_id"] == me))
        .cloned()
        .expect("the conversation ended in an order");
    let id = order["id"].as_str().expect("order id").to_string();
    let minor = order["total"]["minor_units"].as_f64().expect("total");
    for step in ["confirm", "ship", "deliver"] {
        assert_eq!(
            admin_post(&h, &format!("/orders/{id}/{step}")).await,
            200,
            "{step}"
        );
    }
    h.settle().await;
    // Delivered: one question, in the customer's language, 1–5.
    let row = satisfaction_row(&h.sink.to(me), 4).expect("a satisfaction question was sent");
    tap(&h, me, "wamid.m1.csat", "list_reply", &row, "4 – Good").await;
    // A second tap does not count twice.
    tap(
        &h,
        me,
        "wamid.m1.csat2",
        "list_reply",
        &row.replace(":4", ":1"),
        "1",
    )
    .await;

    let q = |s: &str| s.to_string();
    let v = prometheus
        .until(&http, "agent_store_orders_total{brand=\"fashion\"}", |v| {
            v >= 1.0
        })
        .await;
    assert_eq!(v, 1.0, "one order");
    let revenue = prometheus
        .until(
            &http,
            "agent_store_revenue_minor_total{brand=\"fashion\",currency=\"USD\"}",
            |v| v > 0.0,
        )
        .await;
    assert_eq!(revenue, minor, "revenue in minor units");
    prometheus
        .until(
            &http,
            "sum(agent_store_messages_received_total{brand=\"fashion\"})",
            |v| v >= 3.0,
        )
        .await;
    prometheus
        .until(
            &http,
            "sum(agent_store_messages_sent_total{brand=\"fashion\"})",
            |v| v >= 3.0,
        )
        .await;
    prometheus
        .until(
            &http,
            "agent_store_conversations_total{brand=\"fashion\"}",
            |v| v == 1.0,
        )
        .await;
    prometheus
        .until(&http, "agent_store_carts_total{brand=\"fashion\"}", |v| {
            v == 1.0
        })
        .await;
    // The response-time histogram: observations, and a quantile from its
    // buckets (a real number of seconds, below the 120 s top bucket).
    prometheus
        .until(
            &http,
            "agent_store_reply_seconds_count{brand=\"fashion\"}",
            |v| v >= 3.0,
        )
        .await;
    let p99 = prometheus
        .until(
            &http,
            &q("histogram_quantile(0.99, sum by (le) (agent_store_reply_seconds_bucket{brand=\"fashion\"}))"),
            |v| v.is_finite(),
        )
        .await;
    assert!(p99 > 0.0 && p99 <= 120.0, "p99 {p99}");
    prometheus
        .until(
            &http,
            "sum(agent_store_plugin_turns_total{plugin=\"seller-fashion\",outcome=\"ok\"})",
            |v| v >= 3.0,
        )
        .await;
    prometheus
        .until(
            &http,
            "sum(agent_store_bus_deliveries_total{group=\"send\",outcome=\"handled\"})",
            |v| v >= 3.0,
        )
        .await;
    // Bus lag per consumer group: how long events waited for a group
    // (a histogram from the events' publication times), and how many wait
    // now (none, once the conversation has settled).
    prometheus
        .until(
            &http,
            "sum(agent_store_bus_lag_seconds_count{group=\"route\"})",
            |v| v >= 3.0,
        )
        .await;
    let lag_p99 = prometheus
        .until(
            &http,
            "histogram_quantile(0.99, sum by (le) (agent_store_bus_lag_seconds_bucket{group=\"send\"}))",
            |v| v.is_finite(),
        )
        .await;
    assert!((0.0..=600.0).contains(&lag_p99), "bus lag p99 {lag_p99}");
    for group in ["route", "sell", "render", "send"] {
        prometheus
            .until(
                &http,
                &format!("agent_store_bus_lag_events{{group=\"{group}\"}}"),
                |v| v == 0.0,
            )
            .await;
    }
    prometheus
        .until(
            &http,
            "agent_store_satisfaction_asked_total{brand=\"fashion\"}",
            |v| v == 1.0,
        )
        .await;
    let answers = prometheus
        .until(
            &http,
            "agent_store_satisfaction_score_count{brand=\"fashion\"}",
            |v| v >= 1.0,
        )
        .await;
    assert_eq!(answers, 1.0, "the second tap is not a second answer");
    let sum = prometheus
        .until(
            &http,
            "agent_store_satisfaction_score_sum{brand=\"fashion\"}",
            |v| v > 0.0,
        )
        .await;
    assert_eq!(sum, 4.0);
    prometheus
        .until(
            &http,
            "agent_store_plugin_state{plugin=\"router\",state=\"active\"}",
            |v| v == 1.0,
        )
        .await;

    // The admin API has the answer; the customer was thanked and no
    // seller answered the tap.
    let report = h.admin("/satisfaction").await;
    let fashion = report["brands"]
        .as_array()
        .and_then(|b| b.iter().find(|b| b["brand"] == "fashion"))
        .cloned()
        .expect("fashion's satisfaction");
    assert_eq!(fashion["answered"], 1);
    assert_eq!(fashion["average"], 4.0);
    assert_eq!(report["surveys"][0]["cause"], "order_delivered");
    let said = common::readable(&h.sink.to(me));
    assert!(said.contains("Thank you for your feedback"), "{said}");

    // No phone number and no conversation id is a label.
    let text = scrape(&h).await;
    assert!(!text.contains(me) && !text.contains(&me[4..]), "{text}");
    let conversation = h.conversation_of(me).await.expect("conversation");
    assert!(!text.contains(conversation["id"].as_str().expect("id")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_metrics_listener_answers_hostile_accept_headers_and_scrapes_during_shutdown() {
    let h = Harness::start_with(common::plugins_dir(), |c| {
        c.telemetry.metrics_token = METRICS_TOKEN.into();
        c.server.metrics_bind = Some("127.0.0.1:0".parse().expect("addr"));
    })
    .await;
    let addr = h.app.metrics_addr.expect("the metrics listener");
    let url = format!("http://{addr}/metrics");
    // Its own port needs no token; the main one does.
    let r = h.http.get(&url).send().await.expect("scrape");
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .expect("ct")
            .starts_with("application/openmetrics-text")
    );
    let main = h
        .http
        .get(format!("{}/metrics", h.app.url()))
        .send()
        .await
        .expect("scrape");
    assert_eq!(main.status(), 401);
    // Only /metrics there.
    let other = h
        .http
        .get(format!("http://{addr}/admin/plugins"))
        .bearer_auth(ADMIN)
        .send()
        .await
        .expect("request");
    assert_eq!(other.status(), 404);

    // Huge and malformed Accept headers get the metrics, not an error.
    let huge = format!(
        "application/openmetrics-text;q=0.9,{}",
        "x/y;q=0.1,".repeat(600)
    );
    for accept in [
        huge.as_str(),
        ";;;,,,q=abc",
        "text/plain; version=0.0.4; charset=utf-8; escaping=underscores",
        "*/*;q=",
    ] {
        let r = h
            .http
            .get(&url)
            .header("accept", accept)
            .send()
            .await
            .expect("scrape");
        assert_eq!(r.status(), 200, "accept {:.40}", accept);
        assert!(r.text().await.expect("text").trim_end().ends_with("# EOF"));
    }
    // An Accept header past the server's header limit is refused by the
    // HTTP layer (431 or a closed connection), never a crash: the next
    // scrape is answered.
    let enormous = format!("text/plain;{}", "q=0.5,".repeat(20_000));
    let r = h.http.get(&url).header("accept", &enormous).send().await;
    if let Ok(r) = r {
        assert!(
            r.status() == 200 || r.status() == 431 || r.status() == 400,
            "a 120 KB Accept header: {}",
            r.status()
        );
    }
    let r = h.http.get(&url).send().await.expect("scrape after");
    assert_eq!(r.status(), 200, "the listener still serves");
    // Customers are still served.
    assert_eq!(h.say("15557770202", "wamid.m2.hi", "hello").await, 200);
    assert!(
        !h.sink.to("15557770202").is_empty(),
        "the customer got an answer"
    );

    // Scrapes while the host shuts down: answered or refused, never a hang,
    // and the shutdown finishes within its grace.
    let scraper = {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .expect("client");
        let url = url.clone();
        tokio::spawn(async move {
            let mut answered = 0;
            let deadline = Instant::now() + Duration::from_secs(15);
            while Instant::now() < deadline {
                match http.get(&url).send().await {
                    Ok(r) => {
                        assert!(r.status() == 200 || r.status() == 503, "{}", r.status());
                        answered += 1;
                    }
                    // A hang is the failure; a closed connection is the
                    // listener stopping.
                    Err(e) if e.is_timeout() => panic!("a scrape hung during shutdown: {e}"),
                    Err(_) => break,
                }
            }
            answered
        })
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    tokio::time::timeout(Duration::from_secs(30), h.app.shutdown())
        .await
        .expect("shutdown within the grace");
    assert!(started.elapsed() < Duration::from_secs(25));
    let answered = scraper.await.expect("scraper");
    assert!(answered >= 1, "scrapes were answered before the stop");
    let refused = reqwest::Client::new().get(&url).send().await;
    assert!(
        refused.is_err(),
        "the metrics listener is closed after shutdown"
    );
}
