//! The hosts of one deployment: who is live, since when, and which plugin
//! versions each one runs (`GET /admin/hosts`, and `hosts` in
//! `GET /admin/plugins`).
//!
//! On a multi-host deployment (the AMQP bus; hosts share the database)
//! every host upserts a heartbeat row in `hosts` every [`HEARTBEAT`], with
//! its plugin versions, and deletes it when it stops; a host is live while
//! its last heartbeat is younger than [`LIVE_WITHIN`], by the database's
//! clock. On one machine (the in-process bus) nothing is written: the list
//! is this host alone.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use sqlx::Row;

use crate::db::{Backend, Db, now_ms};
use crate::plugins::Plugins;

pub mod releases;
pub mod tallies;
pub use releases::Releases;
pub use tallies::Tallies;

/// How often a host writes its heartbeat.
pub const HEARTBEAT: Duration = Duration::from_secs(2);
/// A host unheard of for this long is not listed.
pub const LIVE_WITHIN: Duration = Duration::from_secs(10);
/// Rows of hosts gone this long are deleted.
const FORGET_AFTER_MS: i64 = 24 * 3600 * 1000;
/// How often a host measures the database's clock again.
const CLOCK_EVERY_BEATS: u64 = 15;
/// A host clock further than this from the database's is logged (stored
/// times follow the database's clock either way).
const CLOCK_WARN_MS: i64 = 1000;
/// A difference from the other hosts' plugins must last this long before
/// it is reported (a release takes a moment to reach every host, and
/// heartbeats are [`HEARTBEAT`] apart).
const DIFFER_AFTER: Duration = Duration::from_secs(6);

/// What this host runs differently from the rest of the deployment.
#[derive(Debug, Default)]
struct Differences {
    /// Seen at the last check, by plugin: what, and since when.
    seen: BTreeMap<String, (String, std::time::Instant)>,
    /// Reported (lasted [`DIFFER_AFTER`]): plugin and what.
    reported: Vec<(String, String)>,
}

/// This host's view of the deployment.
pub struct Hosts {
    db: Db,
    plugins: Arc<Plugins>,
    id: String,
    name: String,
    started_at: i64,
    /// Heartbeats go to the shared database (multi-host).
    shared: bool,
    /// The last heartbeat failed (logged once until one succeeds).
    failing: AtomicBool,
    /// Shared plugin releases (multi-host).
    releases: Option<Arc<Releases>>,
    /// What this host runs differently from the other live hosts.
    differences: Mutex<Differences>,
    /// This host's clock is further than [`CLOCK_WARN_MS`] from the
    /// database's (logged once until it is not).
    clock_off: AtomicBool,
}

/// The database's clock, in ms since the epoch, as SQL.
fn db_now(backend: Backend) -> &'static str {
    match backend {
        Backend::Postgres => "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)",
        Backend::Sqlite => "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)",
    }
}

impl Hosts {
    /// `shared`: several hosts share `db` (write heartbeats); `releases`:
    /// plugin pushes and rollbacks go to every host.
    pub fn new(
        db: Db,
        plugins: Arc<Plugins>,
        shared: bool,
        releases: Option<Arc<Releases>>,
    ) -> Arc<Hosts> {
        let name = std::env::var("HOSTNAME")
            .ok()
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| "agent-store".to_string());
        let id = format!("{name}-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
        Arc::new(Hosts {
            db,
            plugins,
            id,
            name,
            started_at: now_ms(),
            shared,
            failing: AtomicBool::new(false),
            releases,
            differences: Mutex::default(),
            clock_off: AtomicBool::new(false),
        })
    }

    /// Plugin releases shared with the other hosts, on a multi-host
    /// deployment.
    pub fn releases(&self) -> Option<&Arc<Releases>> {
        self.releases.as_ref()
    }

    /// This host's id (its name and a per-start suffix).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The plugin versions this host runs now.
    pub fn plugin_versions(&self) -> Value {
        let snapshot = self.plugins.snapshot();
        let mut list: Vec<Value> = snapshot
            .plugins
            .values()
            .map(|p| {
                let name = &p.manifest.name;
                json!({
                    "name": name,
                    "version": p.manifest.version,
                    "version_id": crate::plugins::version_id(p),
                    "digest": p.digest,
                    "canary": snapshot.canaries.get(name).map(|c| c.json()),
                })
            })
            .collect();
        list.sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
        Value::Array(list)
    }

    /// Compare this host's plugins with the other live hosts', then write
    /// its heartbeat (with what differs) now.
    pub async fn beat(&self) -> Result<(), sqlx::Error> {
        self.compare().await?;
        let sql = format!(
            "INSERT INTO hosts (id, name, started_at, heartbeat_at, plugins, clock_offset_ms, differs)
             VALUES ($1, $2, $3, {now}, $4, $5, $6)
             ON CONFLICT (id) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at, plugins = EXCLUDED.plugins,
               clock_offset_ms = EXCLUDED.clock_offset_ms, differs = EXCLUDED.differs",
            now = db_now(self.db.backend)
        );
        sqlx::query(&sql)
            .bind(&self.id)
            .bind(&self.name)
            .bind(self.started_at)
            .bind(self.plugin_versions().to_string())
            .bind(crate::db::clock_offset_ms())
            .bind(differs_json(&self.differs()).to_string())
            .execute(&mut *self.db.writer.acquire().await?)
            .await?;
        Ok(())
    }

    /// What this host runs differently from the other live hosts (each
    /// difference lasting [`DIFFER_AFTER`]): (plugin, what). Such a host
    /// keeps answering with what it runs; `/readyz` says so.
    pub fn differs(&self) -> Vec<(String, String)> {
        self.differences
            .lock()
            .map(|d| d.reported.clone())
            .unwrap_or_default()
    }

    /// Compare this host's plugins with the other live hosts' (and the
    /// shared releases it could not run); log a change of what is
    /// reported, once.
    async fn compare(&self) -> Result<(), sqlx::Error> {
        let sql = format!(
            "SELECT id, plugins FROM hosts WHERE id <> $1 AND heartbeat_at > {} - $2",
            db_now(self.db.backend)
        );
        let rows = sqlx::query(&sql)
            .bind(&self.id)
            .bind(i64::try_from(LIVE_WITHIN.as_millis()).unwrap_or(i64::MAX))
            .fetch_all(&self.db.pool)
            .await?;
        let mut others = Vec::new();
        for r in &rows {
            let id: String = r.try_get("id")?;
            let plugins: String = r.try_get("plugins")?;
            let value = serde_json::from_str::<Value>(&plugins).unwrap_or(Value::Null);
            others.push((id, versions_of(&value)));
        }
        let here = versions_of(&self.plugin_versions());
        let refused = self
            .releases
            .as_ref()
            .map(|r| r.refused())
            .unwrap_or_default();
        let now = differences(&here, &others, &refused);
        let Ok(mut d) = self.differences.lock() else {
            return Ok(());
        };
        let at = std::time::Instant::now();
        let mut seen = BTreeMap::new();
        for (plugin, what) in now {
            let since = match d.seen.get(&plugin) {
                Some((w, since)) if *w == what => *since,
                _ => at,
            };
            seen.insert(plugin, (what, since));
        }
        let reported: Vec<(String, String)> = seen
            .iter()
            .filter(|(_, (_, since))| at.duration_since(*since) >= DIFFER_AFTER)
            .map(|(p, (w, _))| (p.clone(), w.clone()))
            .collect();
        d.seen = seen;
        if reported != d.reported {
            if reported.is_empty() {
                tracing::info!(host = %self.id, "this host's plugins match the other hosts' again");
            } else {
                let list: Vec<String> = reported.iter().map(|(p, w)| format!("{p}: {w}")).collect();
                tracing::warn!(host = %self.id, differs = ?list, "this host's plugins differ from the other hosts'; it answers with what it runs");
            }
            d.reported = reported;
        }
        Ok(())
    }

    /// Measure the database's clock again and follow it; a host clock far
    /// off is logged once (stored times follow the database's clock).
    pub async fn follow_clock(&self) {
        match self.db.follow_clock().await {
            Ok(offset) => {
                let off = offset.abs() > CLOCK_WARN_MS;
                if off != self.clock_off.swap(off, Ordering::Relaxed) {
                    if off {
                        tracing::warn!(host = %self.id, offset_ms = offset, "this host's clock is off the database's; stored times follow the database's clock");
                    } else {
                        tracing::info!(host = %self.id, offset_ms = offset, "this host's clock agrees with the database's again");
                    }
                }
            }
            Err(e) => {
                tracing::warn!(host = %self.id, error = %e, "the database's clock not read; the last offset stays");
            }
        }
    }

    /// Heartbeats every [`HEARTBEAT`] until the process ends (multi-host
    /// only); old rows of hosts long gone are deleted on the way.
    pub fn spawn_heartbeat(self: &Arc<Self>) {
        if !self.shared {
            return;
        }
        let this = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(HEARTBEAT);
            let mut beats = 0u64;
            loop {
                tick.tick().await;
                match this.beat().await {
                    Ok(()) => {
                        if this.failing.swap(false, Ordering::Relaxed) {
                            tracing::info!(host = %this.id, "heartbeat written again");
                        }
                    }
                    Err(e) => {
                        if !this.failing.swap(true, Ordering::Relaxed) {
                            tracing::error!(host = %this.id, error = %e, "heartbeat not written: other hosts will stop listing this one");
                        }
                    }
                }
                beats += 1;
                if beats.is_multiple_of(CLOCK_EVERY_BEATS) {
                    this.follow_clock().await;
                }
                if beats % 300 == 1 {
                    let sql = format!(
                        "DELETE FROM hosts WHERE heartbeat_at < {} - $1",
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

    /// Remove this host from the list (a graceful stop).
    pub async fn leave(&self) {
        if !self.shared {
            return;
        }
        if let Err(e) = self
            .db
            .writer
            .execute(sqlx::query("DELETE FROM hosts WHERE id = $1").bind(&self.id))
            .await
        {
            tracing::warn!(host = %self.id, error = %e, "host not removed from the list");
        }
    }

    fn this_host(&self, heartbeat_age_ms: i64) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "this": true,
            "started_at": millis_rfc3339(self.started_at),
            "last_heartbeat_ms_ago": heartbeat_age_ms,
            "plugins": self.plugin_versions(),
            "clock_offset_ms": crate::db::clock_offset_ms(),
            "differs": differs_json(&self.differs()),
        })
    }

    /// Every live host, this one first.
    pub async fn list(&self) -> Result<Vec<Value>, sqlx::Error> {
        if !self.shared {
            return Ok(vec![self.this_host(0)]);
        }
        let now = db_now(self.db.backend);
        let sql = format!(
            "SELECT id, name, started_at, heartbeat_at, plugins, clock_offset_ms, differs, {now} AS now_ms FROM hosts
             WHERE heartbeat_at > {now} - $1 ORDER BY started_at, id"
        );
        let rows = sqlx::query(&sql)
            .bind(i64::try_from(LIVE_WITHIN.as_millis()).unwrap_or(i64::MAX))
            .fetch_all(&self.db.pool)
            .await?;
        let mut out = Vec::new();
        let mut seen_self = false;
        for r in &rows {
            let id: String = r.try_get("id")?;
            let heartbeat: i64 = r.try_get("heartbeat_at")?;
            let now: i64 = r.try_get("now_ms")?;
            let plugins: String = r.try_get("plugins")?;
            let differs: String = r.try_get("differs")?;
            let is_self = id == self.id;
            seen_self |= is_self;
            out.push(json!({
                "id": id,
                "name": r.try_get::<String, _>("name")?,
                "this": is_self,
                "started_at": millis_rfc3339(r.try_get("started_at")?),
                "last_heartbeat": millis_rfc3339(heartbeat),
                "last_heartbeat_ms_ago": (now - heartbeat).max(0),
                "plugins": serde_json::from_str::<Value>(&plugins).unwrap_or(Value::Null),
                "clock_offset_ms": r.try_get::<i64, _>("clock_offset_ms")?,
                "differs": serde_json::from_str::<Value>(&differs).unwrap_or(Value::Null),
            }));
        }
        if !seen_self {
            // Not written yet (or the database refused it): still listed.
            out.insert(0, self.this_host(-1));
        }
        out.sort_by_key(|h| !h["this"].as_bool().unwrap_or(false));
        Ok(out)
    }
}

fn millis_rfc3339(ms: i64) -> String {
    chrono::DateTime::<chrono::Utc>::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339())
        .unwrap_or_default()
}

/// `[{"plugin", "differs"}]`.
fn differs_json(differs: &[(String, String)]) -> Value {
    Value::Array(
        differs
            .iter()
            .map(|(p, w)| json!({"plugin": p, "differs": w}))
            .collect(),
    )
}

/// Plugin name → active version id, from a heartbeat's plugin list.
fn versions_of(plugins: &Value) -> BTreeMap<String, String> {
    plugins
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|p| {
                    Some((
                        p["name"].as_str()?.to_string(),
                        p["version_id"].as_str()?.to_string(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// What `here` (plugin → version id) runs differently from `others`
/// (host id, plugin → version id), and the shared releases it refused
/// (plugin, version id, why): plugin → what.
fn differences(
    here: &BTreeMap<String, String>,
    others: &[(String, BTreeMap<String, String>)],
    refused: &[(String, String, String)],
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (host, theirs) in others {
        for (plugin, version) in theirs {
            if out.contains_key(plugin) {
                continue;
            }
            match here.get(plugin) {
                None => {
                    out.insert(
                        plugin.clone(),
                        format!("not loaded here; host {host} runs {version}"),
                    );
                }
                Some(mine) if mine != version => {
                    let anyone_else = others
                        .iter()
                        .any(|(_, t)| t.get(plugin).is_some_and(|v| v == mine));
                    if !anyone_else {
                        out.insert(
                            plugin.clone(),
                            format!("runs {mine} here; host {host} runs {version}"),
                        );
                    }
                }
                Some(_) => {}
            }
        }
    }
    for (plugin, version, why) in refused {
        out.insert(
            plugin.clone(),
            format!("cannot run the shared release {version}: {why}"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn differences_name_what_this_host_lacks_or_runs_alone() {
        let here = set(&[
            ("router", "1-a"),
            ("seller-tech", "1-b"),
            ("seller-x", "2-c"),
        ]);
        let others = vec![
            (
                "h1".to_string(),
                set(&[
                    ("router", "1-a"),
                    ("seller-tech", "1-b"),
                    ("seller-home", "1-d"),
                ]),
            ),
            ("h2".to_string(), set(&[("seller-tech", "2-b")])),
        ];
        let d = differences(&here, &others, &[]);
        assert_eq!(
            d.keys().collect::<Vec<_>>(),
            ["seller-home"],
            "a version another host runs too is no difference; a plugin only this host runs is none either: {d:?}"
        );
        assert!(d["seller-home"].contains("not loaded here"));
        let alone = set(&[("seller-tech", "3-z")]);
        let d = differences(&alone, &others[..1], &[]);
        assert!(d["seller-tech"].contains("runs 3-z here"), "{d:?}");
        let d = differences(
            &here,
            &[],
            &[("seller-y".into(), "9-q".into(), "contract 0.9.0".into())],
        );
        assert!(d["seller-y"].contains("cannot run the shared release 9-q"));
        assert!(
            differences(&here, &[], &[]).is_empty(),
            "alone: nothing differs"
        );
    }
}
