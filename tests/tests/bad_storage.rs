//! Bad input at the storage edge, on the real `agent-store serve` process:
//! a truncated SQLite file stops the start with one clear line (nothing
//! re-created over it); a full disk turns deliveries into 503s (Meta
//! retries) while everything acknowledged before is kept and answered
//! once room returns; a 10,000-message delivery with one malformed message
//! stores the 9,999 others and logs the bad one once.
//!
//! Bounded: a few hundred messages (one 10,000-message delivery), loopback
//! only, every wait has a deadline. The full-disk test mounts a small
//! tmpfs, so it needs root (as in CI): it fails, not skips, without it.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use agent_store::config::Config;
use agent_store::whatsapp::payload::text_envelope;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::Connection;

use common::child_host::{ChildHost as Host, Graph, Store, log_of, post_webhook};
use common::{PHONE_NUMBER_ID, plugins_dir};

const DB_FILE: &str = "agent-store.db";

// ---------------------------------------------------------------- set-up

/// A SQLite host in `data_dir` answering through the stand-in; `plugins`
/// = a plugins directory (an empty one: messages are stored, not answered).
fn host_config(data_dir: &Path, graph_url: &str, plugins: &Path) -> Config {
    let mut c = common::config(data_dir, graph_url, plugins);
    c.database.url = String::new();
    c.plugins.watch = false;
    c.whatsapp.pace_per_second = 0.0;
    c.whatsapp.pace_recipient_gap_ms = 0;
    c
}

fn customer(i: usize) -> String {
    format!("5511900{i:05}")
}

fn message(run: &str, i: usize) -> Value {
    text_envelope(
        PHONE_NUMBER_ID,
        &customer(i),
        &format!("Customer {i}"),
        &format!("wamid.{run}.{i}"),
        "do you have running shoes?",
    )
}

/// Read-only access to the host's SQLite file.
async fn open_db(data_dir: &Path) -> Store {
    Store::open("", data_dir).await
}

// ---------------------------------------------------------------- truncated file

/// A data directory whose SQLite file lost its second half: the host
/// refuses to start, with one line naming the file and what to do, and
/// leaves the file as it was (no silent re-creation).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_truncated_database_file_stops_the_start_with_one_clear_line() {
    const N: usize = 100;
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let empty = tempfile::tempdir().expect("no plugins");
    let (_graph, graph_url) = Graph::start().await;
    let config = host_config(&data, &graph_url, empty.path());
    sqlx::any::install_default_drivers();

    let host = Host::spawn(&config, dir.path()).await;
    let http = reqwest::Client::new();
    for i in 0..N {
        assert_eq!(
            post_webhook(&http, &host.url, &message("trunc", i)).await,
            StatusCode::OK
        );
    }
    let exit = host.stop().await;
    assert!(exit.success(), "a graceful stop: {exit}");

    let db = data.join(DB_FILE);
    // Everything into the main file (the WAL emptied), so cutting the file
    // loses stored messages.
    let mut conn = sqlx::AnyConnection::connect(&format!("sqlite://{}", db.display()))
        .await
        .expect("open the database");
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await
        .expect("checkpoint");
    conn.close().await.expect("close");
    let size = std::fs::metadata(&db).expect("the database file").len();
    let half = size / 2;
    std::fs::OpenOptions::new()
        .write(true)
        .open(&db)
        .and_then(|f| f.set_len(half))
        .expect("truncate the database file");
    eprintln!("{} truncated from {size} to {half} bytes", db.display());

    let before = log_of(dir.path()).len();
    let mut host = Host::start(&config, dir.path());
    let exit = host.exit(Duration::from_secs(60)).await;
    let log = log_of(dir.path())[before..].to_string();
    eprintln!("the start on the truncated file:\n{log}");
    assert!(!exit.success(), "the host started on a truncated database");
    assert!(!log.contains("panicked"), "no panic: {log}");
    let errors: Vec<&str> = log.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "one error line: {log}");
    let line = errors[0];
    assert!(
        line.contains(&db.display().to_string()),
        "the line names the file: {line}"
    );
    assert!(
        line.contains("damaged") && line.contains("backup"),
        "the line says what is wrong and what to do: {line}"
    );
    assert!(
        !log.contains("listening"),
        "it did not serve on the damaged file: {log}"
    );
    assert_eq!(
        std::fs::metadata(&db).expect("the database file").len(),
        half,
        "the damaged file is left as it was, not re-created"
    );
}

// ---------------------------------------------------------------- full disk

/// A tmpfs of its own, unmounted on drop.
struct SmallDisk {
    path: PathBuf,
    _dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> SmallDisk {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("disk");
        std::fs::create_dir(&path).expect("mount point");
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&path)
            .output()
            .expect("run mount");
        assert!(
            out.status.success(),
            "mounting a tmpfs at {} failed (the full-disk test needs root): {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        SmallDisk { path, _dir: dir }
    }

    /// Grow or shrink it in place (not below what is used).
    fn resize(&self, bytes: u64) {
        let out = Command::new("mount")
            .args(["-o", &format!("remount,size={bytes}")])
            .arg(&self.path)
            .output()
            .expect("run mount");
        assert!(
            out.status.success(),
            "resizing the tmpfs to {bytes}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn used(&self) -> u64 {
        let c = std::ffi::CString::new(self.path.as_os_str().as_encoded_bytes()).expect("path");
        // SAFETY: a valid C string and a zeroed out-parameter.
        let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
        let rc = unsafe { libc::statvfs(c.as_ptr(), &mut s) };
        assert_eq!(rc, 0, "statvfs");
        (s.f_blocks - s.f_bfree) * s.f_frsize
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

/// The data directory fills up under load: deliveries the host could not
/// store are answered 503 (never 200), what it acknowledged before is kept;
/// a reply Meta accepted while storage refused its "sent" mark is held and
/// the mark stored once room returns (the host still running); and after a
/// restart every acknowledged message — and every refused one Meta sends
/// again — is answered exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_refuses_deliveries_and_loses_nothing_acknowledged() {
    const MAX: usize = 2000;
    let dir = tempfile::tempdir().expect("tempdir");
    let disk = SmallDisk::mount("64m");
    let data = disk.path.join("data");
    let (graph, graph_url) = Graph::start().await;
    let config = host_config(&data, &graph_url, &plugins_dir());

    let host = Host::spawn(&config, dir.path()).await;
    // Room for a few dozen deliveries past what the fresh host uses.
    let room = 1024 * 1024;
    let used = disk.used();
    disk.resize(used + room);
    eprintln!("the data disk: {used} bytes used, {room} bytes free");

    let http = reqwest::Client::new();
    let (mut accepted, mut refused) = (Vec::new(), Vec::new());
    for i in 0..MAX {
        match post_webhook(&http, &host.url, &message("full", i)).await {
            StatusCode::OK => accepted.push(i),
            StatusCode::SERVICE_UNAVAILABLE => refused.push(i),
            other => panic!("delivery {i}: {other}, not 200 or 503"),
        }
        if refused.len() >= 20 {
            break;
        }
    }
    eprintln!(
        "full disk: {} deliveries acknowledged, {} refused with 503",
        accepted.len(),
        refused.len()
    );
    assert!(
        !accepted.is_empty(),
        "nothing stored before the disk was full"
    );
    assert!(
        refused.len() >= 20,
        "the disk never filled in {MAX} deliveries"
    );
    let log = log_of(dir.path());
    assert!(
        log.contains("could not store inbound messages"),
        "the refusal is logged"
    );

    // Room again, the host still running: every reply Meta accepted gets
    // its "sent" mark stored, also those whose mark the full disk refused.
    disk.resize(256 * 1024 * 1024);
    let mut db = open_db(&data).await;
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let stored = db.sent_wamids().await;
        let unrecorded: Vec<String> = graph
            .replies()
            .into_iter()
            .map(|s| s.wamid)
            .filter(|w| !stored.contains(w))
            .collect();
        if unrecorded.is_empty() {
            break;
        }
        if Instant::now() >= deadline {
            let log = log_of(dir.path());
            let lines: Vec<&str> = log
                .lines()
                .filter(|l| l.contains("WARN") || l.contains("ERROR"))
                .collect();
            eprintln!(
                "the host's warnings and errors (last 40):\n{}",
                lines[lines.len().saturating_sub(40)..].join("\n")
            );
            panic!(
                "{} replies Meta accepted have no stored 'sent' mark: {unrecorded:?}",
                unrecorded.len()
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let held = log_of(dir.path())
        .lines()
        .filter(|l| l.contains("storage refused the 'sent' mark"))
        .count();
    eprintln!(
        "{} replies sent so far, all marked; {held} episode(s) of held marks logged",
        graph.replies().len()
    );

    // A restart on the same data (SIGKILL: nothing of the first run's
    // memory survives).
    drop(host);
    let host = Host::spawn(&config, dir.path()).await;
    // Meta retries what was refused.
    for &i in &refused {
        assert_eq!(
            post_webhook(&http, &host.url, &message("full", i)).await,
            StatusCode::OK,
            "delivery {i} after room returned"
        );
    }
    let everyone: Vec<usize> = accepted.iter().chain(&refused).copied().collect();
    let deadline = Instant::now() + Duration::from_secs(180);
    loop {
        let (unhandled, queued) = db.pending().await;
        let answered = graph.by_customer();
        let waiting = everyone
            .iter()
            .filter(|&&i| !answered.contains_key(&customer(i)))
            .count();
        if unhandled == 0 && queued == 0 && waiting == 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{unhandled} unhandled, {queued} queued, {waiting} customers unanswered"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let stored = db
        .count("SELECT COUNT(*) FROM messages WHERE direction = 'in' AND id LIKE 'wamid.full.%'")
        .await;
    assert_eq!(
        stored as usize,
        everyone.len(),
        "every acknowledged message stored once"
    );
    // Exactly once: no customer got the same reply twice.
    for (to, replies) in graph.by_customer() {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for r in replies {
            *seen.entry(r.body.to_string()).or_default() += 1;
        }
        for (body, n) in seen {
            assert_eq!(n, 1, "{to} got a reply {n} times: {body}");
        }
    }
    drop(host);
}

// ---------------------------------------------------------------- one bad message

/// 10,000 messages in one delivery, one of them without a sender: 200, the
/// 9,999 others stored, the bad one logged once as skipped.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_malformed_message_in_ten_thousand_is_skipped_and_the_rest_stored() {
    const N: usize = 10_000;
    const BAD: usize = 5_000;
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let empty = tempfile::tempdir().expect("no plugins");
    let (_graph, graph_url) = Graph::start().await;
    let mut config = host_config(&data, &graph_url, empty.path());
    config.server.body_limit_bytes = 32 * 1024 * 1024;
    let host = Host::spawn(&config, dir.path()).await;

    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs()
        .to_string();
    let contacts: Vec<Value> = (0..N)
        .map(|i| json!({"profile": {"name": format!("C{i}")}, "wa_id": customer(i % 1000)}))
        .collect();
    let messages: Vec<Value> = (0..N)
        .map(|i| {
            let mut m = json!({"from": customer(i % 1000), "id": format!("wamid.one-bad.{i}"),
                "timestamp": now, "type": "text", "text": {"body": format!("message {i}")}});
            if i == BAD {
                // No sender: nobody to answer.
                m.as_object_mut().expect("object").remove("from");
            }
            m
        })
        .collect();
    let body = json!({
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550100", "phone_number_id": PHONE_NUMBER_ID},
            "contacts": contacts,
            "messages": messages,
        }}]}]
    });
    let started = Instant::now();
    let status = post_webhook(&reqwest::Client::new(), &host.url, &body).await;
    let took = started.elapsed();
    eprintln!("a {N}-message delivery with one malformed message: {status} in {took:?}");
    assert_eq!(status, StatusCode::OK);

    let mut db = open_db(&data).await;
    let stored = db
        .count("SELECT COUNT(*) FROM messages WHERE direction = 'in' AND id LIKE 'wamid.one-bad.%'")
        .await;
    assert_eq!(stored as usize, N - 1, "every good message stored");
    let bad = db
        .count(&format!(
            "SELECT COUNT(*) FROM messages WHERE id = 'wamid.one-bad.{BAD}'"
        ))
        .await;
    assert_eq!(bad, 0, "the malformed message is not stored");
    let bad_id = format!("wamid.one-bad.{BAD}");
    let log = log_of(dir.path());
    let skipped: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("webhook item skipped"))
        .collect();
    assert_eq!(skipped.len(), 1, "one skip logged: {skipped:?}");
    assert!(skipped[0].contains(&bad_id), "{}", skipped[0]);
    drop(host);
}
