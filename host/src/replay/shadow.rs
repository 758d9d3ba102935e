//! Shadow versions on live traffic.
//!
//! A plugin's shadow version (`agent-store plugin push --shadow`) gets a
//! copy of every live turn its active version answered, once that version
//! has answered: [`ShadowRunner::offer`] puts the turn — the request and
//! every import's recorded answer, as a replay file holds it — on a bounded
//! queue and returns at once; a full queue drops the turn and counts it. One
//! background task per host takes the turns one at a time, each once the host
//! has run no live turn for 50 ms ([`LiveTurns::quiet_for`](crate::plugins::live::LiveTurns::quiet_for)), and runs the
//! shadow version on each in the same sandbox as any plugin (fuel, epoch
//! deadline, memory and reply caps), every import answered from the active
//! version's recording ([`run::compare_turn`]): nothing it asks reaches the
//! catalog, the database, the LLM or WhatsApp, and its actions are only
//! compared (cart, order, escalation, hand-off, offered products, language),
//! never carried out. Each compared turn is stored (`shadow_turns`, masked
//! like a recording) so every host's comparisons add up in
//! `GET /admin/plugins/{name}/shadow` and the console; each host writes its
//! dropped count every second (`shadow_dropped`).
//!
//! A shadow that traps, loops or floods fails its own turns (counted as
//! failed shadow turns); the customer's turn was over before it started.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use serde::Serialize;
use serde_json::Value;
use sqlx::Row as _;
use tokio::sync::mpsc;

use super::run;
use crate::db::Db;
use crate::plugins::record::{self, RecordedTurn, ShadowSink};
use crate::plugins::{LoadedPlugin, Plugins, store, version_id};

/// How long a host must have run no live turn before a shadow turn starts.
const QUIET: Duration = Duration::from_millis(50);
/// How often a host writes its dropped-turn counts.
const FLUSH_EVERY: Duration = Duration::from_secs(1);
/// Differing and failed turns listed in a report, newest first.
pub const LISTED: usize = 50;

/// (plugin, shadow version id) → turns dropped on this host.
type Dropped = Arc<Mutex<HashMap<(String, String), u64>>>;

struct Job {
    shadow: Arc<LoadedPlugin>,
    turn: RecordedTurn,
}

/// Takes live turns for shadow versions and compares them in the
/// background.
pub struct ShadowRunner {
    queue: mpsc::Sender<Job>,
    dropped: Dropped,
}

impl ShadowRunner {
    /// Start the host's shadow task (it ends with `plugins`) and give it
    /// every live turn of a plugin that has a shadow version.
    pub fn start(plugins: &Arc<Plugins>, db: Db, capacity: usize) -> Arc<Self> {
        let (queue, jobs) = mpsc::channel(capacity.max(1));
        let dropped = Dropped::default();
        let host = uuid::Uuid::new_v4().simple().to_string();
        tokio::spawn(work(
            Arc::downgrade(plugins),
            jobs,
            ShadowResults::new(db),
            dropped.clone(),
            host,
        ));
        let runner = Arc::new(Self { queue, dropped });
        plugins.shadow_into(runner.clone());
        runner
    }
}

impl ShadowSink for ShadowRunner {
    fn offer(&self, shadow: Arc<LoadedPlugin>, turn: RecordedTurn) {
        let key = (shadow.manifest.name.clone(), version_id(&shadow));
        match self.queue.try_send(Job { shadow, turn }) {
            Ok(()) => {}
            Err(mpsc::error::TrySendError::Full(_)) => {
                let mut dropped = self.dropped.lock().unwrap_or_else(|e| e.into_inner());
                let n = dropped.entry(key.clone()).or_default();
                *n += 1;
                if n.is_power_of_two() {
                    tracing::warn!(plugin = %key.0, version = %key.1, dropped = *n, "shadow queue full: live turns not given to the shadow version");
                }
            }
            Err(mpsc::error::TrySendError::Closed(_)) => {}
        }
    }
}

async fn work(
    plugins: Weak<Plugins>,
    mut jobs: mpsc::Receiver<Job>,
    results: ShadowResults,
    dropped: Dropped,
    host: String,
) {
    let mut written: HashMap<(String, String), u64> = HashMap::new();
    let mut tick = tokio::time::interval(FLUSH_EVERY);
    loop {
        tokio::select! {
            job = jobs.recv() => {
                let Some(job) = job else { break };
                let Some(plugins) = plugins.upgrade() else { break };
                // A shadow turn only uses a host with no live turn running:
                // it never takes a core from a customer's turn (a busy host
                // fills the queue instead, and the overflow is counted).
                plugins.live_turns().quiet_for(QUIET).await;
                let turn = compare(&plugins, &job).await;
                drop(plugins);
                if let Err(e) = results.insert(&turn).await {
                    tracing::warn!(plugin = %turn.plugin, version = %turn.shadow_id, error = %e, "shadow turn not stored");
                }
            }
            _ = tick.tick() => {
                let now: Vec<((String, String), u64)> = dropped
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .iter()
                    .filter(|(k, n)| written.get(*k) != Some(*n))
                    .map(|(k, n)| (k.clone(), *n))
                    .collect();
                for ((plugin, shadow_id), n) in now {
                    match results.set_dropped(&plugin, &shadow_id, &host, n).await {
                        Ok(()) => {
                            written.insert((plugin, shadow_id), n);
                        }
                        Err(e) => tracing::warn!(plugin = %plugin, error = %e, "shadow dropped count not stored"),
                    }
                }
            }
        }
    }
}

/// Run the shadow on the recorded turn and compare.
async fn compare(plugins: &Plugins, job: &Job) -> ShadowTurn {
    let turn = &job.turn;
    let shadow = &job.shadow;
    let compared =
        run::compare_turn(plugins.runtime(), shadow, plugins.services().clone(), turn).await;
    let status = if compared.failed.is_some() {
        "failed"
    } else if compared.differences.is_empty() {
        "same"
    } else {
        "differs"
    };
    let shadow_id = version_id(shadow);
    if let Some(e) = &compared.failed {
        tracing::warn!(plugin = %shadow.manifest.name, version = %shadow_id, error = %e, "shadow version failed a live turn (the customer had the active version's answer)");
    }
    ShadowTurn {
        plugin: shadow.manifest.name.clone(),
        brand: shadow.manifest.brand.clone(),
        shadow_id,
        active_id: store::version_id(&turn.plugin.version, &turn.plugin.digest),
        turn: turn.exchange.key(),
        conversation_id: turn.exchange.conversation_id().to_string(),
        at: turn.at,
        said: run::said(&turn.exchange),
        status: status.to_string(),
        differences: serde_json::to_value(&compared.differences).unwrap_or(Value::Null),
        error: compared.failed,
    }
}

/// One live turn run on a shadow version.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ShadowTurn {
    pub plugin: String,
    pub brand: Option<String>,
    pub shadow_id: String,
    /// The version that answered the customer.
    pub active_id: String,
    /// The recorded turn's key (message, kind, brand).
    pub turn: String,
    pub conversation_id: String,
    /// Unix microseconds (when the active version answered).
    pub at: i64,
    /// What the customer said (masked, first 80 characters).
    pub said: String,
    /// `same`, `differs` or `failed`.
    pub status: String,
    /// `[{aspect, recorded, candidate}]`: recorded is the active version's.
    pub differences: Value,
    /// Why the shadow failed the turn.
    pub error: Option<String>,
}

/// How a shadow version compares with the active one so far.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ShadowReport {
    pub plugin: String,
    pub brand: Option<String>,
    pub shadow_id: String,
    pub active_id: Option<String>,
    /// Turns run on the shadow (same + differing + failed).
    pub compared: u64,
    pub same: u64,
    pub differing: u64,
    pub failed: u64,
    /// Live turns the hosts' queues were too full to take.
    pub dropped: u64,
    /// `same / compared`; `None` before the first compared turn.
    pub agreement: Option<f64>,
    /// The differing and failed turns, newest first (at most [`LISTED`]).
    pub turns: Vec<ShadowTurn>,
}

/// Compared shadow turns in the database.
#[derive(Debug, Clone)]
pub struct ShadowResults {
    db: Db,
}

impl ShadowResults {
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Store a compared turn (masked; a retried turn replaces its record).
    pub async fn insert(&self, t: &ShadowTurn) -> Result<(), sqlx::Error> {
        let mut said = Value::String(t.said.clone());
        let mut differences = t.differences.clone();
        let mut error = t.error.clone().map(Value::String);
        for v in [&mut said, &mut differences] {
            record::mask_phones(v);
        }
        if let Some(e) = &mut error {
            record::mask_phones(e);
        }
        sqlx::query(
            "INSERT INTO shadow_turns (id, plugin, brand, shadow_id, active_id, turn_key, \
             conversation_id, at, said, status, differences, error) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
             ON CONFLICT (id) DO UPDATE SET at = excluded.at, said = excluded.said, \
             status = excluded.status, differences = excluded.differences, error = excluded.error",
        )
        .bind(format!("{}/{}", t.shadow_id, t.turn))
        .bind(&t.plugin)
        .bind(t.brand.clone())
        .bind(&t.shadow_id)
        .bind(&t.active_id)
        .bind(&t.turn)
        .bind(&t.conversation_id)
        .bind(t.at)
        .bind(said.as_str().unwrap_or_default().to_string())
        .bind(&t.status)
        .bind(differences.to_string())
        .bind(error.and_then(|e| e.as_str().map(str::to_string)))
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        Ok(())
    }

    /// This host's count of dropped turns for a shadow version.
    pub async fn set_dropped(
        &self,
        plugin: &str,
        shadow_id: &str,
        host: &str,
        dropped: u64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO shadow_dropped (plugin, shadow_id, host, dropped) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (plugin, shadow_id, host) DO UPDATE SET dropped = excluded.dropped",
        )
        .bind(plugin)
        .bind(shadow_id)
        .bind(host)
        .bind(i64::try_from(dropped).unwrap_or(i64::MAX))
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        Ok(())
    }

    /// Every host's comparisons of `shadow` (a loaded shadow version).
    pub async fn report(
        &self,
        shadow: &LoadedPlugin,
        active_id: Option<String>,
    ) -> Result<ShadowReport, sqlx::Error> {
        let plugin = shadow.manifest.name.clone();
        let shadow_id = version_id(shadow);
        let rows = sqlx::query(
            "SELECT status, COUNT(*) AS n FROM shadow_turns WHERE plugin = $1 AND shadow_id = $2 \
             GROUP BY status",
        )
        .bind(&plugin)
        .bind(&shadow_id)
        .fetch_all(&self.db.pool)
        .await?;
        let (mut same, mut differing, mut failed) = (0, 0, 0);
        for r in &rows {
            let status: String = r.try_get("status")?;
            let n: i64 = r.try_get("n")?;
            let n = u64::try_from(n).unwrap_or(0);
            match status.as_str() {
                "same" => same += n,
                "differs" => differing += n,
                _ => failed += n,
            }
        }
        let dropped =
            sqlx::query("SELECT dropped FROM shadow_dropped WHERE plugin = $1 AND shadow_id = $2")
                .bind(&plugin)
                .bind(&shadow_id)
                .fetch_all(&self.db.pool)
                .await?
                .iter()
                .map(|r| {
                    r.try_get::<i64, _>("dropped")
                        .map(|n| u64::try_from(n).unwrap_or(0))
                })
                .sum::<Result<u64, _>>()?;
        let rows = sqlx::query(
            "SELECT plugin, brand, shadow_id, active_id, turn_key, conversation_id, at, said, \
             status, differences, error FROM shadow_turns \
             WHERE plugin = $1 AND shadow_id = $2 AND status <> 'same' \
             ORDER BY at DESC, id LIMIT $3",
        )
        .bind(&plugin)
        .bind(&shadow_id)
        .bind(LISTED as i64)
        .fetch_all(&self.db.pool)
        .await?;
        let turns = rows
            .iter()
            .map(|r| {
                let differences: String = r.try_get("differences")?;
                Ok(ShadowTurn {
                    plugin: r.try_get("plugin")?,
                    brand: r.try_get("brand")?,
                    shadow_id: r.try_get("shadow_id")?,
                    active_id: r.try_get("active_id")?,
                    turn: r.try_get("turn_key")?,
                    conversation_id: r.try_get("conversation_id")?,
                    at: r.try_get("at")?,
                    said: r.try_get("said")?,
                    status: r.try_get("status")?,
                    differences: serde_json::from_str(&differences).unwrap_or(Value::Null),
                    error: r.try_get("error")?,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        let compared = same + differing + failed;
        Ok(ShadowReport {
            plugin,
            brand: shadow.manifest.brand.clone(),
            shadow_id,
            active_id,
            compared,
            same,
            differing,
            failed,
            dropped,
            agreement: (compared > 0).then(|| same as f64 / compared as f64),
            turns,
        })
    }

    /// The report of every shadow version `plugins` runs, by plugin name.
    pub async fn reports(&self, plugins: &Plugins) -> Result<Vec<ShadowReport>, sqlx::Error> {
        let snapshot = plugins.snapshot();
        let mut out = Vec::new();
        for (name, shadow) in &snapshot.shadows {
            let active = snapshot.plugins.get(name).map(|p| version_id(p));
            out.push(self.report(shadow, active).await?);
        }
        Ok(out)
    }
}
