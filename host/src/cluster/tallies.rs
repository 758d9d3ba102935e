//! Plugin turn counts shared by every host (multi-host deployments), so
//! canaries and the quarantine are judged on the turns of all hosts.
//!
//! Every [`EVERY`] a host writes its own running totals to
//! `plugin_tallies` — per plugin: the canary's turns and failures, the
//! active version's while the canary runs, and the active version's
//! quarantine window — one upsert per row that changed (every row each
//! [`REFRESH_TICKS`] ticks), overwriting its previous values, never adding
//! to them: a write retried after a lost answer counts nothing twice. It
//! then sums every host's rows of the plugins whose counts it changed and
//! judges them with the same rules as one host alone ([`canary::judge`],
//! [`QuarantinePolicy::trips`]). A verdict is carried out here and becomes
//! the plugin's shared release ([`super::Releases`]), which the other hosts
//! follow. Two hosts reaching one verdict at once publish the same release.
//!
//! Meanwhile [`Plugins`] only counts ([`Plugins::judge_elsewhere`]). While
//! the database cannot be written, a host judges alone on its own counts
//! (one `error` line, one `info` line when it answers again).

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sqlx::Row;

use super::db_now;
use crate::db::Db;
use crate::plugins::canary::{self, Verdict};
use crate::plugins::{Plugins, version_id};

/// How often a host writes its counts and judges.
pub const EVERY: Duration = Duration::from_millis(500);
/// Every row is rewritten this many ticks (a host's window stays fresh
/// while it serves no turns of the plugin).
const REFRESH_TICKS: u64 = 8;
/// Windows written longer ago than this (ms, the database's clock) are
/// left out: their host is gone or no longer runs that version.
const WINDOW_FRESH_MS: i64 = 15_000;
/// Rows untouched this long (ms) are deleted.
const FORGET_AFTER_MS: i64 = 7 * 24 * 3600 * 1000;

/// Row kinds (see the migration `0042_plugin_tallies.sql`).
const CANARY: &str = "canary";
const BASE: &str = "base";
const WINDOW: &str = "window";

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Key {
    plugin: String,
    version_id: String,
    kind: &'static str,
}

/// Turns and failures.
type Counts = (u64, u64);

/// Sums over every host of one plugin's rows.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Sums {
    canary: Counts,
    base: Counts,
    window: Counts,
}

/// This host's side of the shared counts.
pub struct Tallies {
    db: Db,
    plugins: Arc<Plugins>,
    host: String,
    /// What this host last wrote.
    written: Mutex<HashMap<Key, Counts>>,
    /// Each plugin's active version at the last tick.
    active: Mutex<HashMap<String, String>>,
    /// The last write failed (this host judges alone meanwhile).
    failing: AtomicBool,
}

impl Tallies {
    pub fn new(db: Db, plugins: Arc<Plugins>, host: &str) -> Arc<Tallies> {
        Arc::new(Tallies {
            db,
            plugins,
            host: host.to_string(),
            written: Mutex::default(),
            active: Mutex::default(),
            failing: AtomicBool::new(false),
        })
    }

    /// Leave the verdicts to the shared counts and keep them, every
    /// [`EVERY`], until the process ends.
    pub fn start(self: &Arc<Self>) {
        self.plugins.judge_elsewhere(true);
        let this = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(EVERY);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            let mut n: u64 = 0;
            loop {
                tick.tick().await;
                n += 1;
                match this.tick(n.is_multiple_of(REFRESH_TICKS)).await {
                    Ok(()) => {
                        if this.failing.swap(false, Ordering::Relaxed) {
                            this.plugins.judge_elsewhere(true);
                            tracing::info!(
                                "plugin turn counts shared again: canaries and quarantine judged on every host's turns"
                            );
                        }
                    }
                    Err(e) => {
                        if !this.failing.swap(true, Ordering::Relaxed) {
                            this.plugins.judge_elsewhere(false);
                            tracing::error!(error = %e, "plugin turn counts not shared: this host judges canaries and quarantine on its own turns until the database answers");
                        }
                    }
                }
                if n % 10_000 == 1 {
                    let sql = format!(
                        "DELETE FROM plugin_tallies WHERE updated_at < {} - $1",
                        db_now(this.db.backend)
                    );
                    let _ = this
                        .db
                        .writer
                        .execute(sqlx::query(&sql).bind(FORGET_AFTER_MS))
                        .await;
                }
            }
        });
    }

    /// This host's counts now.
    fn counts(&self) -> Vec<(Key, Counts)> {
        let snapshot = self.plugins.snapshot();
        let mut out = Vec::new();
        let key = |plugin: &str, version_id: String, kind| Key {
            plugin: plugin.to_string(),
            version_id,
            kind,
        };
        for (name, active) in &snapshot.plugins {
            let id = version_id(active);
            let (failures, turns) = self.plugins.stats().version(name, &id).window_counts();
            out.push((key(name, id, WINDOW), (turns as u64, failures as u64)));
            if let Some(c) = snapshot.canaries.get(name) {
                let cid = version_id(&c.plugin);
                let load = |a: &std::sync::atomic::AtomicU64| a.load(Ordering::Relaxed);
                out.push((
                    key(name, cid.clone(), CANARY),
                    (load(&c.turns), load(&c.errors)),
                ));
                out.push((
                    key(name, cid, BASE),
                    (load(&c.base_turns), load(&c.base_errors)),
                ));
            }
        }
        out
    }

    /// A version replaced here starts a clean window if it comes back.
    fn forget_replaced(&self, counts: &[(Key, Counts)]) {
        let now: HashMap<String, String> = counts
            .iter()
            .filter(|(k, _)| k.kind == WINDOW)
            .map(|(k, _)| (k.plugin.clone(), k.version_id.clone()))
            .collect();
        let Ok(mut active) = self.active.lock() else {
            return;
        };
        for (plugin, was) in active.iter() {
            if now.get(plugin) != Some(was) {
                self.plugins.stats().version(plugin, was).reset_window();
            }
        }
        *active = now;
        drop(active);
        if let Ok(mut written) = self.written.lock() {
            let live: BTreeSet<&Key> = counts.iter().map(|(k, _)| k).collect();
            written.retain(|k, _| live.contains(k));
        }
    }

    /// Write what changed (everything on `refresh`), then judge the
    /// plugins whose counts changed here.
    async fn tick(&self, refresh: bool) -> Result<(), sqlx::Error> {
        let counts = self.counts();
        self.forget_replaced(&counts);
        let changed: Vec<(Key, Counts)> = {
            let written = self.written.lock().map(|w| w.clone()).unwrap_or_default();
            counts
                .into_iter()
                .filter(|(k, c)| refresh || written.get(k) != Some(c))
                .collect()
        };
        if changed.is_empty() {
            return Ok(());
        }
        // One statement for every row (each key once: this host's).
        let now = db_now(self.db.backend);
        let values: Vec<String> = (0..changed.len())
            .map(|i| {
                let p = i * 5;
                format!(
                    "(${}, ${}, ${}, ${}, ${}, ${}, {now})",
                    p + 1,
                    p + 2,
                    p + 3,
                    changed.len() * 5 + 1,
                    p + 4,
                    p + 5
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO plugin_tallies (plugin, version_id, kind, host, turns, errors, updated_at)
             VALUES {}
             ON CONFLICT (plugin, version_id, kind, host) DO UPDATE SET turns = EXCLUDED.turns,
               errors = EXCLUDED.errors, updated_at = EXCLUDED.updated_at",
            values.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for (key, (turns, errors)) in &changed {
            query = query
                .bind(key.plugin.clone())
                .bind(key.version_id.clone())
                .bind(key.kind)
                .bind(i64::try_from(*turns).unwrap_or(i64::MAX))
                .bind(i64::try_from(*errors).unwrap_or(i64::MAX));
        }
        query
            .bind(self.host.clone())
            .execute(&mut *self.db.writer.acquire().await?)
            .await?;
        if let Ok(mut w) = self.written.lock() {
            for (key, counts) in &changed {
                w.insert(key.clone(), *counts);
            }
        }
        let plugins: BTreeSet<&str> = changed.iter().map(|(k, _)| k.plugin.as_str()).collect();
        let sums = self.sums(&plugins).await?;
        for name in plugins {
            self.judge(name, &sums).await?;
        }
        Ok(())
    }

    /// Every host's counts of `plugins`, summed per (plugin, version,
    /// kind); windows only of hosts heard from lately.
    async fn sums(&self, plugins: &BTreeSet<&str>) -> Result<HashMap<Key, Counts>, sqlx::Error> {
        let names: Vec<String> = (1..=plugins.len()).map(|i| format!("${}", i + 1)).collect();
        let sql = format!(
            "SELECT plugin, version_id, kind, CAST(SUM(turns) AS BIGINT) AS turns,
               CAST(SUM(errors) AS BIGINT) AS errors
             FROM plugin_tallies
             WHERE plugin IN ({}) AND (kind <> '{WINDOW}' OR updated_at > {now} - $1)
             GROUP BY plugin, version_id, kind",
            names.join(", "),
            now = db_now(self.db.backend)
        );
        let mut query = sqlx::query(&sql).bind(WINDOW_FRESH_MS);
        for name in plugins {
            query = query.bind(name.to_string());
        }
        let rows = query.fetch_all(&self.db.pool).await?;
        let mut sums = HashMap::new();
        for r in &rows {
            let kind = match r.try_get::<String, _>("kind")?.as_str() {
                CANARY => CANARY,
                BASE => BASE,
                WINDOW => WINDOW,
                _ => continue,
            };
            let turns: Option<i64> = r.try_get("turns")?;
            let errors: Option<i64> = r.try_get("errors")?;
            let key = Key {
                plugin: r.try_get("plugin")?,
                version_id: r.try_get("version_id")?,
                kind,
            };
            let counts = (
                u64::try_from(turns.unwrap_or(0)).unwrap_or(0),
                u64::try_from(errors.unwrap_or(0)).unwrap_or(0),
            );
            sums.insert(key, counts);
        }
        Ok(sums)
    }

    /// Judge `name` on every host's counts (`all`, from [`Self::sums`])
    /// and carry out a verdict.
    async fn judge(&self, name: &str, all: &HashMap<Key, Counts>) -> Result<(), sqlx::Error> {
        let (active_id, canary_id) = {
            let snapshot = self.plugins.snapshot();
            let Some(active) = snapshot.plugins.get(name) else {
                return Ok(());
            };
            (
                version_id(active),
                snapshot.canaries.get(name).map(|c| version_id(&c.plugin)),
            )
        };
        let of = |version_id: &str, kind| {
            all.get(&Key {
                plugin: name.to_string(),
                version_id: version_id.to_string(),
                kind,
            })
            .copied()
            .unwrap_or_default()
        };
        let sums = Sums {
            canary: canary_id.as_deref().map_or((0, 0), |c| of(c, CANARY)),
            base: canary_id.as_deref().map_or((0, 0), |c| of(c, BASE)),
            window: of(&active_id, WINDOW),
        };
        let options = self.plugins.options();
        if let Some(cid) = &canary_id {
            let ((turns, errors), (base_turns, base_errors)) = (sums.canary, sums.base);
            let verdict =
                match canary::judge(&options.canary, turns, errors, base_turns, base_errors) {
                    Verdict::RollBack(reason) => {
                        Verdict::RollBack(format!("{reason}, on every host"))
                    }
                    v => v,
                };
            if verdict != Verdict::Continue {
                if self.plugins.decide_canary(name, cid, &verdict).await {
                    tracing::info!(plugin = %name, canary = %cid, turns, errors, base_turns, base_errors, ?verdict, "canary judged on every host's turns");
                    clear_trial(&self.db, name, cid).await?;
                }
                return Ok(());
            }
        }
        let (turns, failures) = sums.window;
        let (turns, failures) = (
            usize::try_from(turns).unwrap_or(usize::MAX),
            usize::try_from(failures).unwrap_or(usize::MAX),
        );
        if failures > 0
            && options.quarantine.trips(failures, turns)
            && self
                .plugins
                .quarantine_version(name, &active_id, failures, turns)
                .await
        {
            tracing::info!(plugin = %name, version = %active_id, failures, turns, "quarantine judged on every host's turns");
            sqlx::query(
                "DELETE FROM plugin_tallies WHERE plugin = $1 AND version_id = $2 AND kind = $3",
            )
            .bind(name)
            .bind(&active_id)
            .bind(WINDOW)
            .execute(&mut *self.db.writer.acquire().await?)
            .await?;
        }
        Ok(())
    }
}

/// Forget the counts of `name`'s canary `canary_id` (its trial ended, or
/// a new trial of the same version starts).
pub(crate) async fn clear_trial(db: &Db, name: &str, canary_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM plugin_tallies WHERE plugin = $1 AND version_id = $2 AND kind IN ($3, $4)",
    )
    .bind(name)
    .bind(canary_id)
    .bind(CANARY)
    .bind(BASE)
    .execute(&mut *db.writer.acquire().await?)
    .await?;
    Ok(())
}
