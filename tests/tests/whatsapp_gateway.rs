//! The WhatsApp gateway end to end: the real host with real plugins, a
//! local Graph API server that records every request and fails on demand,
//! and an HTTP event sink that records every CloudEvent the host emits.
//!
//! Covers every inbound type's handling, malformed and oversized deliveries,
//! duplicate and out-of-order statuses, the 24-hour window, several business
//! numbers, pacing, retries, and the outbox across a restart.

mod common;

use std::collections::VecDeque;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use agent_store::app::{App, Options};
use agent_store::config::Config;
use agent_store::whatsapp::{NumberConfig, TemplateConfig, signature};
use axum::Json;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use common::SECRET;
use serde_json::{Value, json};
use tokio::sync::Notify;
use tokio::time::Instant;

const WAIT: Duration = Duration::from_secs(30);

// ---------------------------------------------------------------- Graph API

/// One request the Graph API stand-in received.
#[derive(Debug, Clone)]
struct Req {
    phone: String,
    body: Value,
    at: Instant,
}

#[derive(Default)]
struct GraphState {
    /// Messages accepted (answered with a wamid).
    accepted: Vec<Req>,
    /// Messages answered with an error.
    refused: Vec<Req>,
    /// Mark-as-read requests.
    reads: Vec<Req>,
    /// Errors (HTTP status, Meta code) for the next message requests.
    script: VecDeque<(u16, i64)>,
    /// Error for every message request while set.
    fail_all: Option<(u16, i64)>,
    /// Media files by id: (bytes, MIME type, the SHA-256 the lookup states).
    media: std::collections::HashMap<String, (Vec<u8>, String, String)>,
    /// Media requests, lookup and download: (path, Authorization header).
    media_requests: Vec<(String, String)>,
    /// This server's own URL (download URLs point back at it).
    media_base: String,
}

/// A Graph API stand-in that records requests and fails them on demand.
#[derive(Clone, Default)]
struct Graph {
    state: Arc<Mutex<GraphState>>,
    changed: Arc<Notify>,
}

impl Graph {
    async fn start() -> (Graph, String) {
        let graph = Graph::default();
        let app = axum::Router::new()
            .route("/{version}/{phone}/messages", post(graph_messages))
            .route("/{version}/{media_id}", get(graph_media_info))
            .route("/cdn/whatsapp/media/{media_id}", get(graph_media_file))
            .with_state(graph.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        graph.with(|s| s.media_base = url.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        (graph, url)
    }

    fn with<T>(&self, f: impl FnOnce(&mut GraphState) -> T) -> T {
        f(&mut self.state.lock().expect("lock"))
    }

    fn accepted_to(&self, wa_id: &str) -> Vec<Req> {
        self.with(|s| {
            s.accepted
                .iter()
                .filter(|r| r.body["to"] == wa_id)
                .cloned()
                .collect()
        })
    }

    fn refused_to(&self, wa_id: &str) -> usize {
        self.with(|s| s.refused.iter().filter(|r| r.body["to"] == wa_id).count())
    }

    /// Wait (bounded) until `cond` holds.
    async fn wait(&self, what: &str, cond: impl Fn(&GraphState) -> bool) {
        let deadline = Instant::now() + WAIT;
        loop {
            let changed = self.changed.notified();
            if self.with(|s| cond(s)) {
                return;
            }
            if tokio::time::timeout_at(deadline, changed).await.is_err() {
                panic!("timed out waiting for: {what}");
            }
        }
    }
}

async fn graph_messages(
    State(g): State<Graph>,
    UrlPath((_version, phone)): UrlPath<(String, String)>,
    Json(body): Json<Value>,
) -> (StatusCode, Json<Value>) {
    let req = Req {
        phone,
        body: body.clone(),
        at: Instant::now(),
    };
    let answer = g.with(|s| {
        if body.get("status").and_then(Value::as_str) == Some("read") {
            s.reads.push(req);
            return (StatusCode::OK, json!({ "success": true }));
        }
        let failure = s.script.pop_front().or(s.fail_all);
        if let Some((status, code)) = failure {
            s.refused.push(req);
            return (
                StatusCode::from_u16(status).expect("status"),
                json!({"error": {"message": format!("scripted failure {code}"), "type": "OAuthException", "code": code, "fbtrace_id": "t"}}),
            );
        }
        s.accepted.push(req);
        let n = s.accepted.len();
        (
            StatusCode::OK,
            json!({"messaging_product": "whatsapp", "contacts": [{"input": body["to"], "wa_id": body["to"]}], "messages": [{"id": format!("wamid.g{n}")}]}),
        )
    });
    g.changed.notify_waiters();
    (answer.0, Json(answer.1))
}

/// `GET /{version}/{media-id}`: where the file is, as Meta answers it.
async fn graph_media_info(
    State(g): State<Graph>,
    UrlPath((_version, id)): UrlPath<(String, String)>,
    headers: HeaderMap,
) -> (StatusCode, Json<Value>) {
    let auth = header(&headers, "authorization");
    g.with(|s| {
        s.media_requests.push((format!("info/{id}"), auth));
        match s.media.get(&id) {
            Some((bytes, mime, sha)) => (
                StatusCode::OK,
                Json(json!({
                    "messaging_product": "whatsapp",
                    "url": format!("{}/cdn/whatsapp/media/{id}", s.media_base),
                    "mime_type": mime,
                    "sha256": sha,
                    "file_size": bytes.len().to_string(),
                    "id": id,
                })),
            ),
            None => (
                StatusCode::BAD_REQUEST,
                Json(json!({"error": {"message": "Unsupported get request.", "type": "GraphMethodException", "code": 100}})),
            ),
        }
    })
}

/// The download URL: the file itself, only with the bearer token.
async fn graph_media_file(
    State(g): State<Graph>,
    UrlPath(id): UrlPath<String>,
    headers: HeaderMap,
) -> (StatusCode, Vec<u8>) {
    let auth = header(&headers, "authorization");
    g.with(|s| {
        s.media_requests.push((format!("file/{id}"), auth.clone()));
        match s.media.get(&id) {
            Some((bytes, _, _)) if auth == "Bearer graph-token" => (StatusCode::OK, bytes.clone()),
            Some(_) => (StatusCode::UNAUTHORIZED, Vec::new()),
            None => (StatusCode::NOT_FOUND, Vec::new()),
        }
    })
}

fn header(headers: &HeaderMap, name: &str) -> String {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

// ------------------------------------------------- speech-to-text service

/// One transcription request: (model, language, file bytes, file name).
type Transcription = (String, String, Vec<u8>, String);

/// An OpenAI-compatible `/v1/audio/transcriptions` stand-in that answers
/// `text`, or fails with `fail` while set.
#[derive(Clone, Default)]
struct Speech {
    requests: Arc<Mutex<Vec<Transcription>>>,
    text: Arc<Mutex<String>>,
    fail: Arc<Mutex<Option<u16>>>,
}

impl Speech {
    async fn start(text: &str) -> (Speech, String) {
        let speech = Speech::default();
        *speech.text.lock().expect("lock") = text.to_string();
        let app = axum::Router::new()
            .route("/v1/audio/transcriptions", post(transcribe))
            .with_state(speech.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}/v1", listener.local_addr().expect("addr"));
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        (speech, url)
    }

    fn requests(&self) -> Vec<Transcription> {
        self.requests.lock().expect("lock").clone()
    }
}

async fn transcribe(
    State(s): State<Speech>,
    mut form: axum::extract::Multipart,
) -> (StatusCode, Json<Value>) {
    let (mut model, mut language, mut file, mut name) = Default::default();
    while let Ok(Some(field)) = form.next_field().await {
        match field.name().unwrap_or_default() {
            "model" => model = field.text().await.unwrap_or_default(),
            "language" => language = field.text().await.unwrap_or_default(),
            "file" => {
                name = field.file_name().unwrap_or_default().to_string();
                file = field.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
            }
            _ => {}
        }
    }
    s.requests
        .lock()
        .expect("lock")
        .push((model, language, file, name));
    if let Some(status) = *s.fail.lock().expect("lock") {
        return (
            StatusCode::from_u16(status).expect("status"),
            Json(json!({"error": {"message": "scripted failure"}})),
        );
    }
    let text = s.text.lock().expect("lock").clone();
    (StatusCode::OK, Json(json!({ "text": text })))
}

// ------------------------------------------------------------- event sink

/// Every CloudEvent the host emitted: (type, id, data).
#[derive(Clone, Default)]
struct Events(Arc<Mutex<Vec<(String, String, Value)>>>);

impl Events {
    async fn start() -> (Events, String) {
        let events = Events::default();
        let app = axum::Router::new()
            .route("/", post(receive_event))
            .with_state(events.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}/", listener.local_addr().expect("addr"));
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        (events, url)
    }

    fn of_type(&self, ty: &str) -> Vec<(String, Value)> {
        self.0
            .lock()
            .expect("lock")
            .iter()
            .filter(|(t, _, _)| t == ty)
            .map(|(_, id, data)| (id.clone(), data.clone()))
            .collect()
    }
}

async fn receive_event(State(e): State<Events>, headers: HeaderMap, body: String) -> StatusCode {
    let h = |k: &str| {
        headers
            .get(k)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let data = serde_json::from_str(&body).unwrap_or(Value::String(body));
    e.0.lock()
        .expect("lock")
        .push((h("ce-type"), h("ce-id"), data));
    StatusCode::ACCEPTED
}

// ------------------------------------------------------------------- host

struct Host {
    app: App,
    graph: Graph,
    events: Events,
    http: reqwest::Client,
}

impl Host {
    async fn start(data: &Path, tweak: impl FnOnce(&mut Config)) -> Host {
        let (graph, graph_url) = Graph::start().await;
        Self::start_with(data, graph, &graph_url, tweak).await
    }

    async fn start_with(
        data: &Path,
        graph: Graph,
        graph_url: &str,
        tweak: impl FnOnce(&mut Config),
    ) -> Host {
        let (events, events_url) = Events::start().await;
        let mut c = common::config(data, graph_url, &common::plugins_dir());
        c.bus.sink_url = Some(events_url);
        c.whatsapp.retry_base_ms = 20;
        c.whatsapp.retry_max_ms = 100;
        tweak(&mut c);
        let app = App::start(c, Options::default())
            .await
            .expect("host starts");
        Host {
            app,
            graph,
            events,
            http: reqwest::Client::new(),
        }
    }

    async fn post_raw(&self, raw: Vec<u8>) -> reqwest::Response {
        self.http
            .post(format!("{}/webhooks/whatsapp", self.app.url()))
            .header("content-type", "application/json")
            .header(
                "x-hub-signature-256",
                signature::sign(SECRET.as_bytes(), &raw),
            )
            .body(raw)
            .send()
            .await
            .expect("webhook request")
    }

    /// POST a signed delivery; returns the status code.
    async fn post(&self, body: &Value) -> u16 {
        self.post_raw(serde_json::to_vec(body).expect("json"))
            .await
            .status()
            .as_u16()
    }

    /// POST and wait until the host handled everything.
    async fn deliver(&self, body: &Value) -> u16 {
        let status = self.post(body).await;
        self.settle().await;
        status
    }

    async fn settle(&self) {
        tokio::time::timeout(Duration::from_secs(60), self.app.idle())
            .await
            .expect("the host finished handling within 60 s");
    }

    /// Wait (bounded) until the outbox is empty: everything queued was sent,
    /// held or refused.
    async fn drain(&self) {
        let deadline = Instant::now() + WAIT;
        while self
            .app
            .state
            .conversations
            .outbox_len()
            .await
            .expect("len")
            > 0
        {
            assert!(Instant::now() < deadline, "the outbox drained in time");
            // Woken by each Graph API request, re-checked every 20 ms.
            let _ = tokio::time::timeout(Duration::from_millis(20), self.graph.changed.notified())
                .await;
        }
        self.settle().await;
    }

    /// The conversation of a customer on a business number.
    async fn conversation(
        &self,
        phone_number_id: &str,
        wa_id: &str,
    ) -> Option<agent_store::conversations::Conversation> {
        self.app
            .state
            .conversations
            .list(1000)
            .await
            .expect("list")
            .into_iter()
            .find(|c| c.customer_wa_id == wa_id && c.phone_number_id == phone_number_id)
    }

    async fn outbound(
        &self,
        phone: &str,
        wa_id: &str,
    ) -> Vec<agent_store::conversations::OutboundRecord> {
        let c = self
            .conversation(phone, wa_id)
            .await
            .expect("conversation exists");
        self.app
            .state
            .conversations
            .outbound_messages(&c.id)
            .await
            .expect("outbound")
    }
}

fn fixture(name: &str) -> Value {
    let path = common::workspace()
        .join("tests/fixtures/whatsapp/inbound")
        .join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json")
}

/// A fixture re-addressed to another customer, with a fresh message id.
fn fixture_from(name: &str, from: &str, wamid: &str) -> Value {
    let mut v = fixture(name);
    let value = &mut v["entry"][0]["changes"][0]["value"];
    value["contacts"][0]["wa_id"] = json!(from);
    value["messages"][0]["from"] = json!(from);
    value["messages"][0]["id"] = json!(wamid);
    v
}

fn text(phone: &str, from: &str, wamid: &str, body: &str) -> Value {
    agent_store::whatsapp::payload::text_envelope(phone, from, "Cliente", wamid, body)
}

fn status(wamid: &str, status: &str, errors: Value) -> Value {
    json!({"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
        "messaging_product":"whatsapp",
        "metadata":{"display_phone_number":"15550100","phone_number_id":common::PHONE_NUMBER_ID},
        "statuses":[{"id":wamid,"status":status,"timestamp":"1732700001","recipient_id":"5511911112222","errors":errors}]}}]}]})
}

fn body_text(r: &Req) -> String {
    r.body
        .pointer("/text/body")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// The phone number id of the fixtures.
const FIXTURE_PHONE: &str = "106540352242922";

// ------------------------------------------------------------------ tests

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreadable_types_get_a_polite_answer_and_reactions_none() {
    let data = tempfile::tempdir().expect("tempdir");
    let h = Host::start(data.path(), |_| {}).await;
    let br = "5511988887777";
    let mut expected = 0;
    for (name, marker) in [
        ("sticker", "ainda não consigo ler"),
        ("audio_voice_note", "mensagens de voz"),
        ("video", "ainda não consigo ler"),
        ("document", "ainda não consigo ler"),
        ("contacts", "ainda não consigo ler"),
        ("unsupported", "ainda não consigo ler"),
        ("unknown_future_type", "ainda não consigo ler"),
    ] {
        assert_eq!(h.deliver(&fixture(name)).await, 200, "{name}");
        expected += 1;
        let replies = h.graph.accepted_to(br);
        assert_eq!(replies.len(), expected, "{name}: exactly one answer");
        let last = replies.last().expect("reply");
        assert!(
            body_text(last).contains(marker),
            "{name}: polite answer in Portuguese (from the +55 number), got {:?}",
            body_text(last)
        );
        assert_eq!(
            last.phone, FIXTURE_PHONE,
            "replies leave from the number written to"
        );
    }
    // A Spanish-speaking number gets Spanish.
    h.deliver(&fixture_from(
        "sticker",
        "5215512345678",
        "wamid.es.sticker",
    ))
    .await;
    let es = h.graph.accepted_to("5215512345678");
    assert!(body_text(&es[0]).contains("todavía no puedo"), "{es:?}");

    // Reactions (added or removed) are stored, never answered.
    assert_eq!(h.deliver(&fixture("reaction")).await, 200);
    assert_eq!(h.deliver(&fixture("reaction_removed")).await, 200);
    assert_eq!(
        h.graph.accepted_to(br).len(),
        expected,
        "no answer to a reaction"
    );
    let c = h
        .conversation(FIXTURE_PHONE, br)
        .await
        .expect("conversation");
    let history = h
        .app
        .state
        .conversations
        .history(&c.id, 100, None)
        .await
        .expect("history");
    assert_eq!(
        history.iter().filter(|e| e.text == "[reaction]").count(),
        2,
        "both reactions are in the history"
    );
    // Each answered message was marked read, once.
    let reads: Vec<String> = h.graph.with(|s| {
        s.reads
            .iter()
            .filter_map(|r| r.body["message_id"].as_str().map(str::to_string))
            .collect()
    });
    assert!(reads.iter().any(|id| id.ends_with("STICKER")), "{reads:?}");
    assert_eq!(reads.len(), expected + 1, "{reads:?}");
}

/// The media id of the voice-note fixture.
const VOICE_MEDIA: &str = "1145018196765066";

/// Serve `bytes` as the voice note's media file, with a lookup hash.
fn serve_voice(h: &Host, bytes: &[u8], sha256: &str) {
    h.graph.with(|s| {
        s.media.insert(
            VOICE_MEDIA.into(),
            (
                bytes.to_vec(),
                "audio/ogg; codecs=opus".into(),
                sha256.into(),
            ),
        )
    });
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn voice_notes_are_downloaded_with_the_token_and_transcribed() {
    let data = tempfile::tempdir().expect("tempdir");
    let (speech, speech_url) = Speech::start("quero um tênis de corrida").await;
    let h = Host::start(data.path(), |c| {
        c.llm.provider = "openai".into();
        c.llm.base_url = speech_url;
        c.llm.model = "chat-model".into();
        c.llm.retry_base_ms = 10;
    })
    .await;
    let audio = b"OggS\0fake opus voice note".repeat(40);
    serve_voice(&h, &audio, &sha256_hex(&audio));

    let from = "5511977770001";
    assert_eq!(
        h.deliver(&fixture_from("audio_voice_note", from, "wamid.voice.1"))
            .await,
        200
    );
    h.drain().await;
    // Graph: lookup then download, both with the bearer token.
    let media = h.graph.with(|s| s.media_requests.clone());
    assert_eq!(
        media,
        vec![
            (format!("info/{VOICE_MEDIA}"), "Bearer graph-token".into()),
            (format!("file/{VOICE_MEDIA}"), "Bearer graph-token".into()),
        ]
    );
    // Speech to text got exactly the downloaded file.
    let requests = speech.requests();
    assert_eq!(requests.len(), 1, "{requests:?}");
    let (model, _language, file, name) = &requests[0];
    assert_eq!(model, "whisper-1");
    assert_eq!(file, &audio);
    assert_eq!(name, "voice.ogg");
    // The seller answered the transcript, not the "please type" fallback.
    let replies = h.graph.accepted_to(from);
    assert!(!replies.is_empty());
    let all: String = replies.iter().map(body_text).collect::<Vec<_>>().join("\n");
    assert!(!all.contains("mensagens de voz"), "{all}");
    let c = h
        .conversation(FIXTURE_PHONE, from)
        .await
        .expect("conversation");
    assert_eq!(
        c.brand.as_deref(),
        Some("fashion"),
        "routed on the transcript"
    );
    let history = h
        .app
        .state
        .conversations
        .history(&c.id, 10, None)
        .await
        .expect("history");
    assert_eq!(
        history.first().map(|e| e.text.as_str()),
        Some("quero um tênis de corrida"),
        "the transcript is the message's text for the history and the console"
    );

    // A human has the conversation: the AI stays silent, but the rep gets
    // the voice note as text.
    h.app
        .state
        .conversations
        .set_status(&c.id, "escalated")
        .await
        .expect("escalate");
    *speech.text.lock().expect("lock") = "pode me ligar?".into();
    let answered = h.graph.accepted_to(from).len();
    h.deliver(&fixture_from("audio_voice_note", from, "wamid.voice.2"))
        .await;
    assert_eq!(h.graph.accepted_to(from).len(), answered, "no AI reply");
    let history = h
        .app
        .state
        .conversations
        .history(&c.id, 50, None)
        .await
        .expect("history");
    assert_eq!(
        history.last().map(|e| e.text.as_str()),
        Some("pode me ligar?")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_voice_note_that_cannot_be_heard_gets_the_polite_answer() {
    let data = tempfile::tempdir().expect("tempdir");
    let (speech, speech_url) = Speech::start("quero um tênis").await;
    let h = Host::start(data.path(), |c| {
        c.llm.provider = "openai".into();
        c.llm.base_url = speech_url;
        c.llm.retries = 1;
        c.llm.retry_base_ms = 10;
        c.whatsapp.media_max_bytes = 1000;
    })
    .await;
    let polite = |from: &str| {
        let replies = h.graph.accepted_to(from);
        assert_eq!(replies.len(), 1, "{from}: exactly one answer");
        assert!(
            body_text(&replies[0]).contains("mensagens de voz"),
            "{from}: {:?}",
            body_text(&replies[0])
        );
    };

    // Over the size cap: refused from the lookup's size, never downloaded.
    let big = vec![7u8; 5000];
    serve_voice(&h, &big, &sha256_hex(&big));
    h.deliver(&fixture_from(
        "audio_voice_note",
        "5511977770011",
        "wamid.v.big",
    ))
    .await;
    polite("5511977770011");
    assert!(
        h.graph
            .with(|s| s.media_requests.iter().all(|(p, _)| p.starts_with("info/"))),
        "an oversized file is not downloaded"
    );

    // A file that does not match the announced hash is not used.
    let audio = b"OggS voice".to_vec();
    serve_voice(&h, &audio, &sha256_hex(b"something else"));
    h.deliver(&fixture_from(
        "audio_voice_note",
        "5511977770012",
        "wamid.v.hash",
    ))
    .await;
    polite("5511977770012");

    // The speech service failing (retried, then given up).
    serve_voice(&h, &audio, &sha256_hex(&audio));
    *speech.fail.lock().expect("lock") = Some(503);
    h.deliver(&fixture_from(
        "audio_voice_note",
        "5511977770013",
        "wamid.v.503",
    ))
    .await;
    polite("5511977770013");
    assert_eq!(speech.requests().len(), 2, "one retry, then the fallback");

    // Media Meta no longer has.
    *speech.fail.lock().expect("lock") = None;
    h.graph.with(|s| s.media.clear());
    h.deliver(&fixture_from(
        "audio_voice_note",
        "5511977770014",
        "wamid.v.gone",
    ))
    .await;
    polite("5511977770014");
    assert_eq!(speech.requests().len(), 2, "nothing to transcribe");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_and_oversized_deliveries_store_nothing() {
    let data = tempfile::tempdir().expect("tempdir");
    let h = Host::start(data.path(), |c| c.server.body_limit_bytes = 64 * 1024).await;
    let who = "15550003333";

    // Oversized: 413, before anything is parsed.
    let mut big = text(common::PHONE_NUMBER_ID, who, "wamid.big", "hi");
    big["padding"] = json!("x".repeat(100 * 1024));
    let r = h.post_raw(serde_json::to_vec(&big).expect("json")).await;
    assert_eq!(r.status(), 413);

    // Not an envelope at all: a 400, nothing stored.
    for (what, raw) in [
        ("not json", b"{not json".to_vec()),
        ("wrong object", br#"{"object":"page","entry":[]}"#.to_vec()),
        (
            "entry not a list",
            br#"{"object":"whatsapp_business_account","entry":{}}"#.to_vec(),
        ),
    ] {
        let r = h.post_raw(raw).await;
        assert_eq!(r.status(), 400, "{what}");
        let e: Value = r.json().await.expect("json error");
        assert!(
            !e["error"].as_str().unwrap_or_default().is_empty(),
            "{what}"
        );
    }
    // An envelope whose items are unusable: acknowledged (Meta would retry
    // the same bytes forever), nothing stored.
    for (what, raw) in [
        (
            "messages not a list",
            br#"{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":{"id":"x"}}}]}]}"#.to_vec(),
        ),
        (
            "status without id",
            serde_json::to_vec(&status("", "read", json!([]))).expect("json"),
        ),
    ] {
        let r = h.post_raw(raw).await;
        assert_eq!(r.status(), 200, "{what}");
    }
    h.settle().await;
    assert!(
        h.conversation(common::PHONE_NUMBER_ID, who).await.is_none(),
        "nothing was stored"
    );
    assert!(
        h.graph
            .with(|s| s.accepted.is_empty() && s.reads.is_empty())
    );

    // One good message and one without a sender (issue 12: was all or
    // nothing, now the bad one is skipped and the good one kept).
    let mut half = text(
        common::PHONE_NUMBER_ID,
        who,
        "wamid.half.1",
        "hi, I need a laptop",
    );
    let extra =
        json!({"id": "wamid.half.2", "timestamp": "1", "type": "text", "text": {"body": "x"}});
    half["entry"][0]["changes"][0]["value"]["messages"]
        .as_array_mut()
        .expect("messages")
        .push(extra);
    assert_eq!(h.deliver(&half).await, 200);
    assert!(
        h.conversation(common::PHONE_NUMBER_ID, who).await.is_some(),
        "the good message was kept"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn statuses_are_deduplicated_and_never_move_backwards() {
    let data = tempfile::tempdir().expect("tempdir");
    let h = Host::start(data.path(), |_| {}).await;
    let who = "5511911112222";
    h.deliver(&fixture_from("sticker", who, "wamid.st.1")).await;
    h.deliver(&fixture_from("video", who, "wamid.st.2")).await;
    h.deliver(&fixture_from("document", who, "wamid.st.3"))
        .await;
    let out = h.outbound(FIXTURE_PHONE, who).await;
    assert_eq!(out.len(), 3);
    let third = out[2].wamid.clone().expect("sent");
    let first = out[0].wamid.clone().expect("sent");
    let second = out[1].wamid.clone().expect("sent");

    // Out of order, skipping `delivered`, duplicated within and across
    // deliveries.
    assert_eq!(h.post(&status(&first, "read", json!([]))).await, 200);
    let mut twice = status(&first, "read", json!([]));
    let s = twice["entry"][0]["changes"][0]["value"]["statuses"][0].clone();
    twice["entry"][0]["changes"][0]["value"]["statuses"]
        .as_array_mut()
        .expect("statuses")
        .push(s);
    assert_eq!(h.post(&twice).await, 200);
    assert_eq!(h.post(&status(&first, "delivered", json!([]))).await, 200);
    assert_eq!(h.post(&status(&first, "sent", json!([]))).await, 200);
    assert_eq!(
        h.post(&status("wamid.not.ours", "read", json!([]))).await,
        200
    );
    let undeliverable = json!([{"code": 131026, "title": "Message undeliverable", "message": "Message undeliverable", "error_data": {"details": "Receiver is incapable of receiving this message"}}]);
    assert_eq!(
        h.post(&status(&second, "failed", undeliverable.clone()))
            .await,
        200
    );
    assert_eq!(h.post(&status(&second, "failed", undeliverable)).await, 200);
    assert_eq!(h.post(&status(&second, "delivered", json!([]))).await, 200);
    h.settle().await;

    let out = h.outbound(FIXTURE_PHONE, who).await;
    assert_eq!(
        out[0].state, "read",
        "a late delivered/sent does not undo read"
    );
    assert_eq!(out[1].state, "failed", "failed is final");
    assert!(
        out[1]
            .error
            .as_deref()
            .unwrap_or_default()
            .contains("131026"),
        "the failure keeps Meta's details: {:?}",
        out[1].error
    );
    let ids: Vec<String> = h
        .events
        .of_type("store.whatsapp.message.status")
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let count = |id: String| ids.iter().filter(|i| **i == id).count();
    assert_eq!(count(format!("{first}/status/read")), 1, "{ids:?}");
    assert_eq!(count(format!("{first}/status/delivered")), 1, "{ids:?}");
    assert_eq!(count(format!("{second}/status/failed")), 1, "{ids:?}");
    // Meta's own 24-hour refusal (131047) asks a human to follow up.
    assert!(h.events.of_type("store.sales.escalate").is_empty());
    let window = json!([{"code": 131047, "title": "Re-engagement message", "message": "Re-engagement message", "error_data": {"details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number."}}]);
    assert_eq!(h.post(&status(&third, "failed", window)).await, 200);
    h.settle().await;
    let escalations = h.events.of_type("store.sales.escalate");
    assert_eq!(escalations.len(), 1, "{escalations:?}");
    assert!(
        escalations[0].1["summary"]
            .as_str()
            .unwrap_or_default()
            .contains("131047")
    );
    let failed = h
        .events
        .of_type("store.whatsapp.message.status")
        .into_iter()
        .find(|(id, _)| *id == format!("{second}/status/failed"))
        .expect("failed event");
    assert_eq!(failed.1["errors"][0]["code"], 131026);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outside_the_24_hour_window_only_the_template_goes_out() {
    let data = tempfile::tempdir().expect("tempdir");
    let h = Host::start(data.path(), |c| {
        c.whatsapp.templates = vec![
            TemplateConfig {
                name: "follow_up".into(),
                language: "en_US".into(),
            },
            TemplateConfig {
                name: "follow_up".into(),
                language: "pt_BR".into(),
            },
        ];
        c.whatsapp.reengagement_template = "follow_up".into();
    })
    .await;
    let who = "5511944445555";
    // Meta re-delivers a message 25 hours late (after an outage).
    let mut late = text(
        common::PHONE_NUMBER_ID,
        who,
        "wamid.late",
        "oi! quero um tênis de corrida preto",
    );
    let stamp = (chrono_now_secs() - 25 * 3600).to_string();
    late["entry"][0]["changes"][0]["value"]["messages"][0]["timestamp"] = json!(stamp);
    assert_eq!(h.deliver(&late).await, 200);
    h.graph
        .wait("the re-engagement template", |s| {
            s.accepted.iter().any(|r| r.body["type"] == "template")
        })
        .await;
    h.drain().await;
    let sent = h.graph.accepted_to(who);
    assert_eq!(sent.len(), 1, "only the template went out: {sent:?}");
    assert_eq!(sent[0].body["template"]["name"], "follow_up");
    assert_eq!(
        sent[0].body["template"]["language"]["code"], "pt_BR",
        "in the customer's language"
    );
    let out = h.outbound(common::PHONE_NUMBER_ID, who).await;
    assert!(
        out.iter()
            .all(|o| o.state == "held" || o.kind == "template"),
        "every free-form reply is held: {out:#?}"
    );
    let held: Vec<_> = out.iter().filter(|o| o.state == "held").collect();
    assert!(!held.is_empty(), "the seller's reply is held: {out:?}");
    assert!(
        held.iter()
            .all(|o| o.error.as_deref().unwrap_or_default().contains("24-hour"))
    );
    h.settle().await;
    let escalations = h.events.of_type("store.sales.escalate");
    assert_eq!(
        escalations.len(),
        1,
        "one escalation per closed window, however many replies were held: {escalations:?}"
    );

    // A template nobody configured is refused before it reaches Meta.
    let conversation = h
        .conversation(common::PHONE_NUMBER_ID, who)
        .await
        .expect("conversation");
    let rogue = agent_store::events::OutboundMessage {
        id: "rogue-template".into(),
        conversation_id: conversation.id.clone(),
        phone_number_id: common::PHONE_NUMBER_ID.into(),
        to: who.into(),
        brand: Some("fashion".into()),
        text: "[template]".into(),
        body: agent_store::whatsapp::outbound::template(who, "promo_blast", "pt_BR", &[]),
    };
    let ctx = agent_store::events::Context {
        source: "/test",
        subject: Some(&conversation.id),
        ..Default::default()
    };
    let event = agent_store::events::build_with_id("rogue-template", &ctx, &rogue).expect("event");
    h.app.state.bus.publish(event).await.expect("publish");
    h.drain().await;
    let out = h.outbound(common::PHONE_NUMBER_ID, who).await;
    let rogue = out
        .iter()
        .find(|o| o.id == "rogue-template")
        .expect("stored");
    assert_eq!(rogue.state, "failed");
    assert!(
        rogue
            .error
            .as_deref()
            .unwrap_or_default()
            .contains("not configured")
    );
    assert_eq!(h.graph.accepted_to(who).len(), 1);

    // The customer writes again: the window is open and a free-form message
    // (here a human agent's) goes out.
    h.deliver(&text(common::PHONE_NUMBER_ID, who, "wamid.fresh", "oi?"))
        .await;
    let agent = agent_store::events::OutboundMessage {
        id: "agent-reply".into(),
        conversation_id: conversation.id.clone(),
        phone_number_id: common::PHONE_NUMBER_ID.into(),
        to: who.into(),
        brand: None,
        text: "Oi! Sou a Carla, da loja.".into(),
        body: agent_store::whatsapp::outbound::text(who, "Oi! Sou a Carla, da loja.").body,
    };
    let event = agent_store::events::build_with_id("agent-reply", &ctx, &agent).expect("event");
    h.app.state.bus.publish(event).await.expect("publish");
    h.drain().await;
    assert!(
        h.graph
            .accepted_to(who)
            .iter()
            .any(|r| body_text(r).contains("Carla")),
        "free-form messages go out inside the window"
    );
}

fn chrono_now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bound_number_skips_the_router_and_replies_leave_from_the_number_written_to() {
    let data = tempfile::tempdir().expect("tempdir");
    let h = Host::start(data.path(), |c| {
        c.whatsapp.numbers = vec![
            NumberConfig {
                phone_number_id: "PN-TECH".into(),
                display_phone_number: "15550001001".into(),
                brand: Some("tech".into()),
            },
            NumberConfig {
                phone_number_id: "PN-SHARED".into(),
                display_phone_number: "15550001002".into(),
                brand: None,
            },
        ];
    })
    .await;
    let who = "5511955556666";
    let shoes = "oi! quero um tênis de corrida preto";
    h.deliver(&text("PN-TECH", who, "wamid.bound", shoes)).await;
    h.deliver(&text("PN-SHARED", who, "wamid.shared", shoes))
        .await;
    let tech = h.conversation("PN-TECH", who).await.expect("conversation");
    assert_eq!(
        tech.brand.as_deref(),
        Some("tech"),
        "the bound number's brand, whatever the words"
    );
    let shared = h
        .conversation("PN-SHARED", who)
        .await
        .expect("conversation");
    assert_eq!(
        shared.brand.as_deref(),
        Some("fashion"),
        "shared numbers are routed"
    );
    let sent = h.graph.accepted_to(who);
    for (phone, conversation) in [("PN-TECH", &tech), ("PN-SHARED", &shared)] {
        let wamids: Vec<String> = h
            .app
            .state
            .conversations
            .outbound_messages(&conversation.id)
            .await
            .expect("outbound")
            .into_iter()
            .filter_map(|o| o.wamid)
            .collect();
        let from_phone = sent.iter().filter(|r| r.phone == phone).count();
        assert!(from_phone > 0, "replies leave from {phone}");
        assert_eq!(
            from_phone,
            wamids.len(),
            "every reply of the {phone} conversation left from {phone}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pacing_spreads_a_burst_per_number_and_per_customer() {
    let data = tempfile::tempdir().expect("tempdir");
    let h = Host::start(data.path(), |c| {
        c.whatsapp.pace_per_second = 10.0;
        c.whatsapp.pace_burst = 1;
        c.whatsapp.pace_recipient_gap_ms = 300;
    })
    .await;
    // One customer sends three stickers, three others one each: six answers.
    for i in 0..3 {
        assert_eq!(
            h.post(&fixture_from(
                "sticker",
                "5511900000000",
                &format!("wamid.p.a{i}")
            ))
            .await,
            200
        );
    }
    for i in 1..=3 {
        let who = format!("551190000000{i}");
        assert_eq!(
            h.post(&fixture_from("sticker", &who, &format!("wamid.p.b{i}")))
                .await,
            200
        );
    }
    h.settle().await;
    let mut all: Vec<Req> = h.graph.with(|s| s.accepted.clone());
    assert_eq!(all.len(), 6);
    all.sort_by_key(|r| r.at);
    let span = all[5].at - all[0].at;
    // 10/s with no burst: six messages span at least five intervals (the
    // server-side arrival adds a little jitter: 10% slack).
    assert!(
        span >= Duration::from_millis(450),
        "six messages from one number within {span:?}"
    );
    let one: Vec<&Req> = all
        .iter()
        .filter(|r| r.body["to"] == "5511900000000")
        .collect();
    assert_eq!(one.len(), 3);
    for w in one.windows(2) {
        let gap = w[1].at - w[0].at;
        assert!(
            gap >= Duration::from_millis(270),
            "gap to one customer {gap:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn throttling_is_retried_with_backoff_and_permanent_errors_are_not() {
    let data = tempfile::tempdir().expect("tempdir");
    let h = Host::start(data.path(), |c| {
        c.whatsapp.retry_attempts = 5;
        c.whatsapp.retry_base_ms = 40;
        c.whatsapp.retry_max_ms = 1000;
    })
    .await;
    let who = "5511966667777";
    h.graph.with(|s| {
        s.script = VecDeque::from([(429, 130429), (503, 2), (400, 131056), (500, 1)]);
    });
    h.deliver(&fixture_from("sticker", who, "wamid.thr")).await;
    assert_eq!(h.graph.accepted_to(who).len(), 1, "delivered once");
    assert_eq!(h.graph.refused_to(who), 4, "after four throttled attempts");
    let mut times: Vec<Instant> = h.graph.with(|s| {
        s.refused
            .iter()
            .chain(s.accepted.iter())
            .filter(|r| r.body["to"] == who)
            .map(|r| r.at)
            .collect()
    });
    times.sort();
    // Exponential backoff with jitter: at least half of 40, 80, 160, 320 ms.
    for (i, w) in times.windows(2).enumerate() {
        let min = Duration::from_millis(20 << i);
        assert!(
            w[1] - w[0] >= min,
            "retry {i} after {:?} < {min:?}",
            w[1] - w[0]
        );
    }
    let out = h.outbound(FIXTURE_PHONE, who).await;
    assert_eq!(out[0].state, "sent");

    // A permanent refusal is not retried.
    let other = "5511977778888";
    h.graph.with(|s| s.script = VecDeque::from([(400, 131026)]));
    h.deliver(&fixture_from("sticker", other, "wamid.perm"))
        .await;
    assert_eq!(h.graph.refused_to(other), 1);
    assert!(h.graph.accepted_to(other).is_empty());
    let out = h.outbound(FIXTURE_PHONE, other).await;
    assert_eq!(out[0].state, "failed");
    assert!(
        out[0]
            .error
            .as_deref()
            .unwrap_or_default()
            .contains("131026")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_outbox_resends_after_a_restart_exactly_once() {
    let data = tempfile::tempdir().expect("tempdir");
    let who = "5511922223333";
    let tweak = |c: &mut Config| {
        c.whatsapp.retry_attempts = 2;
        c.whatsapp.retry_base_ms = 20;
        c.whatsapp.retry_max_ms = 50;
    };
    {
        // Meta is down for this whole run.
        let h = Host::start(data.path(), tweak).await;
        h.graph.with(|s| s.fail_all = Some((503, 2)));
        h.deliver(&fixture_from("sticker", who, "wamid.rs.1")).await;
        h.graph
            .wait("a retry by the outbox worker", |s| s.refused.len() >= 3)
            .await;
        assert!(h.graph.accepted_to(who).is_empty());
        assert_eq!(
            h.app.state.conversations.outbox_len().await.expect("len"),
            1,
            "the reply waits in the outbox"
        );
        h.app.shutdown().await;
    }
    // A new host on the same data, Meta back up.
    let h = Host::start(data.path(), tweak).await;
    h.graph
        .wait("the queued reply", |s| !s.accepted.is_empty())
        .await;
    h.drain().await;
    let sent = h.graph.accepted_to(who);
    assert_eq!(sent.len(), 1, "sent exactly once: {sent:?}");
    assert!(body_text(&sent[0]).contains("ainda não consigo ler"));
    let out = h.outbound(FIXTURE_PHONE, who).await;
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].state, "sent");
    assert_eq!(out[0].wamid.as_deref(), Some("wamid.g1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_token_stops_sending_and_keeps_the_queue() {
    let data = tempfile::tempdir().expect("tempdir");
    {
        let h = Host::start(data.path(), |_| {}).await;
        h.graph.with(|s| s.fail_all = Some((401, 190)));
        h.deliver(&fixture_from("sticker", "5511933330001", "wamid.tok.1"))
            .await;
        h.deliver(&fixture_from("sticker", "5511933330002", "wamid.tok.2"))
            .await;
        assert!(h.app.whatsapp.is_halted());
        assert_eq!(
            h.graph.with(|s| s.refused.len()),
            1,
            "one refusal stops sending: no hammering with a dead token"
        );
        assert_eq!(
            h.app.state.conversations.outbox_len().await.expect("len"),
            2
        );
        // Operators see it on the admin API.
        let health: Value = h
            .http
            .get(format!("{}/admin/whatsapp", h.app.url()))
            .bearer_auth(common::ADMIN)
            .send()
            .await
            .expect("admin request")
            .json()
            .await
            .expect("json");
        assert_eq!(health["sending"], "halted", "{health}");
        assert_eq!(health["outbox"], 2, "{health}");
        h.app.shutdown().await;
    }
    let h = Host::start(data.path(), |_| {}).await;
    h.graph
        .wait("both queued replies", |s| s.accepted.len() >= 2)
        .await;
    assert_eq!(h.graph.accepted_to("5511933330001").len(), 1);
    assert_eq!(h.graph.accepted_to("5511933330002").len(), 1);
}
