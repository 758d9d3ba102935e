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

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde_json::{Value, json};
use sqlx::Row;

use crate::db::{Backend, Db};
use crate::plugins::Plugins;

pub mod releases;
pub use releases::Releases;

/// How often a host writes its heartbeat.
pub const HEARTBEAT: Duration = Duration::from_secs(2);
/// A host unheard of for this long is not listed.
pub const LIVE_WITHIN: Duration = Duration::from_secs(10);
/// Rows of hosts gone this long are deleted.
const FORGET_AFTER_MS: i64 = 24 * 3600 * 1000;

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
}

/// The database's clock, in ms since the epoch, as SQL.
fn db_now(backend: Backend) -> &'static str {
    match backend {
        Backend::Postgres => "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)",
        Backend::Sqlite => "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)",
    }
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
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

    /// Write this host's heartbeat now.
    pub async fn beat(&self) -> Result<(), sqlx::Error> {
        let sql = format!(
            "INSERT INTO hosts (id, name, started_at, heartbeat_at, plugins) VALUES ($1, $2, $3, {now}, $4)
             ON CONFLICT (id) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at, plugins = EXCLUDED.plugins",
            now = db_now(self.db.backend)
        );
        sqlx::query(&sql)
            .bind(&self.id)
            .bind(&self.name)
            .bind(self.started_at)
            .bind(self.plugin_versions().to_string())
            .execute(&self.db.pool)
            .await?;
        Ok(())
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
                if beats % 300 == 1 {
                    let sql = format!(
                        "DELETE FROM hosts WHERE heartbeat_at < {} - $1",
                        db_now(this.db.backend)
                    );
                    let _ = sqlx::query(&sql)
                        .bind(FORGET_AFTER_MS)
                        .execute(&this.db.pool)
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
        if let Err(e) = sqlx::query("DELETE FROM hosts WHERE id = $1")
            .bind(&self.id)
            .execute(&self.db.pool)
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
        })
    }

    /// Every live host, this one first.
    pub async fn list(&self) -> Result<Vec<Value>, sqlx::Error> {
        if !self.shared {
            return Ok(vec![self.this_host(0)]);
        }
        let now = db_now(self.db.backend);
        let sql = format!(
            "SELECT id, name, started_at, heartbeat_at, plugins, {now} AS now_ms FROM hosts
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
