//! Plugin versions shared by every host (multi-host deployments).
//!
//! A version an operator pushes (`PUT /admin/plugins/{name}`) or rolls
//! back to on one host is kept in the database as a content-addressed
//! artifact (`plugin_artifacts`, keyed by its version id) and becomes the
//! plugin's release (`plugin_releases`: the active version, a canary and a
//! shadow version);
//! `store.plugin.released` then tells every host, which converges on the
//! release: a version it keeps already is swapped in from its own store,
//! another one is fetched from the database and validated like an upload
//! (compiled, WIT and world checked, smoke turn). Hosts also converge at
//! start and every [`CATCH_UP`], so a host that was down or disconnected
//! when a release went out runs it soon after.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use base64::Engine as _;
use cloudevents::Event;
use sqlx::Row;

use crate::bus::{Bus, BusError, Handler, HandlerError};
use crate::db::{Db, now_ms};
use crate::events::{self, Context, EventType, PluginReleased};
use crate::plugins::{Plugins, Source, version_id};

/// How often a host re-reads every release (missed notifications).
pub const CATCH_UP: Duration = Duration::from_secs(30);
/// The broadcast subscription's name.
pub const SUBSCRIPTION: &str = "plugin-releases";
/// The active version id of a deleted plugin's release (a tombstone: a
/// host that still runs the plugin, or loads it from its directory at
/// start, unloads it; a later push makes a release again).
pub const REMOVED: &str = "";

/// One plugin's release.
#[derive(Debug, Clone, PartialEq)]
pub struct Release {
    pub name: String,
    pub active_id: String,
    pub canary_id: Option<String>,
    pub canary_percent: Option<u8>,
    /// The shadow version (`plugin push --shadow`), compared on live turns.
    pub shadow_id: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("artifact {0} is not in the database")]
    Missing(String),
    #[error("artifact {id} is unreadable: {reason}")]
    Corrupt { id: String, reason: String },
    #[error("{0}")]
    Plugin(String),
}

/// Shared plugin releases.
pub struct Releases {
    db: Db,
    plugins: Arc<Plugins>,
    bus: Arc<dyn Bus>,
    /// One convergence at a time.
    applying: tokio::sync::Mutex<()>,
    /// Releases this host could not run, by plugin: the version id and
    /// why (logged once each; `/readyz` and `/admin/hosts` say so).
    refused: std::sync::Mutex<BTreeMap<String, (String, String)>>,
}

impl Releases {
    pub fn new(db: Db, plugins: Arc<Plugins>, bus: Arc<dyn Bus>) -> Arc<Releases> {
        Arc::new(Releases {
            db,
            plugins,
            bus,
            applying: tokio::sync::Mutex::new(()),
            refused: std::sync::Mutex::default(),
        })
    }

    /// Keep `source` as an artifact (idempotent).
    async fn keep(&self, source: &Source) -> Result<(), ReleaseError> {
        sqlx::query(
            "INSERT INTO plugin_artifacts (id, name, version, digest, manifest, component, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
        )
        .bind(source.id())
        .bind(&source.manifest.name)
        .bind(&source.manifest.version)
        .bind(&source.digest)
        .bind(&source.manifest_text)
        .bind(base64::engine::general_purpose::STANDARD.encode(&source.bytes))
        .bind(now_ms())
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        Ok(())
    }

    async fn artifact(&self, id: &str) -> Result<Source, ReleaseError> {
        let row = sqlx::query("SELECT manifest, component FROM plugin_artifacts WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.db.pool)
            .await?
            .ok_or_else(|| ReleaseError::Missing(id.to_string()))?;
        let manifest: String = row.try_get("manifest")?;
        let component: String = row.try_get("component")?;
        let corrupt = |reason: String| ReleaseError::Corrupt {
            id: id.to_string(),
            reason,
        };
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(component.trim())
            .map_err(|e| corrupt(e.to_string()))?;
        let source = Source::new(&manifest, bytes).map_err(|e| corrupt(e.to_string()))?;
        if source.id() != id {
            return Err(corrupt(format!("its content is version {}", source.id())));
        }
        Ok(source)
    }

    async fn write(&self, r: &Release) -> Result<(), ReleaseError> {
        sqlx::query(
            "INSERT INTO plugin_releases (name, active_id, canary_id, canary_percent, updated_at, shadow_id)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (name) DO UPDATE SET active_id = EXCLUDED.active_id,
               canary_id = EXCLUDED.canary_id, canary_percent = EXCLUDED.canary_percent,
               updated_at = EXCLUDED.updated_at, shadow_id = EXCLUDED.shadow_id",
        )
        .bind(&r.name)
        .bind(&r.active_id)
        .bind(r.canary_id.clone())
        .bind(r.canary_percent.map(i64::from))
        .bind(now_ms())
        .bind(r.shadow_id.clone())
        .execute(&mut *self.db.writer.acquire().await?)
        .await?;
        Ok(())
    }

    /// The release of `name`, if any.
    pub async fn release(&self, name: &str) -> Result<Option<Release>, ReleaseError> {
        let row = sqlx::query(
            "SELECT name, active_id, canary_id, canary_percent, shadow_id FROM plugin_releases WHERE name = $1",
        )
        .bind(name)
        .fetch_optional(&self.db.pool)
        .await?;
        row.map(|r| release_from(&r)).transpose()
    }

    /// What this host runs of `name` now, as a release (`None`: not loaded).
    fn running(&self, name: &str) -> Option<Release> {
        let snapshot = self.plugins.snapshot();
        let active = snapshot.plugins.get(name)?;
        let canary = snapshot.canaries.get(name);
        Some(Release {
            name: name.to_string(),
            active_id: version_id(active),
            canary_id: canary.map(|c| version_id(&c.plugin)),
            canary_percent: canary.map(|c| c.percent),
            shadow_id: snapshot.shadows.get(name).map(|s| version_id(s)),
        })
    }

    /// Record what this host runs of `name` as the release, keeping the
    /// versions as artifacts, and tell every host. Called after an
    /// operator's push or rollback succeeded here.
    pub async fn publish(&self, name: &str) -> Result<(), ReleaseError> {
        let Some(release) = self.running(name) else {
            return Ok(());
        };
        let store = self.plugins.store();
        let ids = std::iter::once(&release.active_id)
            .chain(release.canary_id.iter())
            .chain(release.shadow_id.iter());
        for id in ids {
            let source = store
                .read(name, id)
                .map_err(|e| ReleaseError::Plugin(e.to_string()))?;
            self.keep(&source).await?;
        }
        // A new trial of a canary starts with no turns counted (the same
        // version may have been tried before).
        if let Some(canary) = &release.canary_id {
            let before = self.release(name).await?;
            if before.and_then(|b| b.canary_id).as_ref() != Some(canary) {
                super::tallies::clear_trial(&self.db, name, canary).await?;
            }
        }
        self.write(&release).await?;
        self.announce(name, &release.active_id).await;
        tracing::info!(plugin = %name, version = %release.active_id, canary = ?release.canary_id, shadow = ?release.shadow_id, "plugin release published");
        Ok(())
    }

    /// The plugin was deleted here (`DELETE /admin/plugins/{name}`): its
    /// release becomes [`REMOVED`] and every host unloads it.
    pub async fn withdraw(&self, name: &str) -> Result<(), ReleaseError> {
        self.write(&Release {
            name: name.to_string(),
            active_id: REMOVED.to_string(),
            canary_id: None,
            canary_percent: None,
            shadow_id: None,
        })
        .await?;
        self.announce(name, REMOVED).await;
        tracing::info!(plugin = %name, "plugin removal published");
        Ok(())
    }

    /// Tell every host (best effort: they catch up within [`CATCH_UP`]).
    async fn announce(&self, name: &str, version_id: &str) {
        let payload = PluginReleased {
            name: name.to_string(),
            version_id: version_id.to_string(),
        };
        let ctx = Context {
            source: "/agent-store/plugins",
            subject: None,
            brand: None,
            traceparent: None,
        };
        let published = match events::build(&ctx, &payload) {
            Ok(event) => self.bus.publish(event).await.map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        if let Err(e) = published {
            // The others catch up within CATCH_UP.
            tracing::warn!(plugin = %name, error = %e, "plugin release not announced; hosts catch up on their next check");
        }
    }

    /// The shared releases this host cannot run: (plugin, version id,
    /// why).
    pub fn refused(&self) -> Vec<(String, String, String)> {
        self.refused
            .lock()
            .map(|r| {
                r.iter()
                    .map(|(n, (v, why))| (n.clone(), v.clone(), why.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Run `name`'s release here if this host runs something else; a
    /// release it cannot run is logged once (the current version keeps
    /// serving) and listed by [`Self::refused`] until it runs.
    pub async fn apply(&self, name: &str) -> Result<bool, ReleaseError> {
        let result = self.apply_inner(name).await;
        let wanted = match &result {
            Err(ReleaseError::Db(_)) => return result,
            Err(e) => {
                let version = self
                    .release(name)
                    .await
                    .ok()
                    .flatten()
                    .map(|r| r.active_id)
                    .unwrap_or_default();
                Some((version, e.to_string()))
            }
            Ok(_) => None,
        };
        let Ok(mut refused) = self.refused.lock() else {
            return result;
        };
        match wanted {
            Some(entry) => {
                if refused.get(name) != Some(&entry) {
                    tracing::error!(plugin = %name, version = %entry.0, error = %entry.1, "cannot run the shared plugin release; the current version keeps serving");
                    refused.insert(name.to_string(), entry);
                }
            }
            None => {
                if refused.remove(name).is_some() {
                    tracing::info!(plugin = %name, "runs the shared plugin release now");
                }
            }
        }
        result
    }

    async fn apply_inner(&self, name: &str) -> Result<bool, ReleaseError> {
        let _one = self.applying.lock().await;
        let Some(release) = self.release(name).await? else {
            return Ok(false);
        };
        let running = self.running(name);
        if release.active_id == REMOVED {
            if running.is_none() {
                return Ok(false);
            }
            self.plugins
                .remove(name)
                .await
                .map_err(|e| ReleaseError::Plugin(e.to_string()))?;
            tracing::info!(plugin = %name, "plugin deleted on another host: unloaded and deleted here");
            return Ok(true);
        }
        if running.as_ref() == Some(&release) {
            return Ok(false);
        }
        let plugins = &self.plugins;
        let active_now = running.as_ref().map(|r| r.active_id.as_str());
        if active_now != Some(release.active_id.as_str()) {
            if plugins.store().history(name).contains(&release.active_id) {
                plugins
                    .activate_kept(name, &release.active_id)
                    .await
                    .map_err(|e| ReleaseError::Plugin(e.to_string()))?;
            } else {
                let source = self.artifact(&release.active_id).await?;
                plugins
                    .install(source, None)
                    .await
                    .map_err(|e| ReleaseError::Plugin(e.to_string()))?;
            }
        }
        let canary_now = self.running(name).and_then(|r| r.canary_id);
        match (&release.canary_id, canary_now) {
            (Some(want), have) if have.as_deref() != Some(want.as_str()) => {
                let source = self.artifact(want).await?;
                plugins
                    .install(source, release.canary_percent)
                    .await
                    .map_err(|e| ReleaseError::Plugin(e.to_string()))?;
            }
            (None, Some(_)) => {
                // The canary ended elsewhere (rolled back): drop it here.
                plugins
                    .rollback(name)
                    .await
                    .map_err(|e| ReleaseError::Plugin(e.to_string()))?;
            }
            _ => {}
        }
        let shadow_now = self.running(name).and_then(|r| r.shadow_id);
        match (&release.shadow_id, shadow_now) {
            (Some(want), have) if have.as_deref() != Some(want.as_str()) => {
                // Kept here already (compiled from our cache), else fetched
                // and validated like an upload.
                let (source, trusted) = match plugins.store().read(name, want) {
                    Ok(source) => (source, true),
                    Err(_) => (self.artifact(want).await?, false),
                };
                plugins
                    .install_shadow(source, trusted)
                    .await
                    .map_err(|e| ReleaseError::Plugin(e.to_string()))?;
            }
            (None, Some(_)) => {
                // Promoted or dropped elsewhere.
                plugins
                    .drop_shadow(name)
                    .await
                    .map_err(|e| ReleaseError::Plugin(e.to_string()))?;
            }
            _ => {}
        }
        tracing::info!(plugin = %name, version = %release.active_id, canary = ?release.canary_id, shadow = ?release.shadow_id, "converged on the shared plugin release");
        Ok(true)
    }

    /// Converge on every release (start-up and the periodic check).
    pub async fn apply_all(&self) -> Result<usize, ReleaseError> {
        let names: Vec<String> = sqlx::query("SELECT name FROM plugin_releases ORDER BY name")
            .fetch_all(&self.db.pool)
            .await?
            .iter()
            .map(|r| r.try_get("name"))
            .collect::<Result<_, _>>()?;
        let mut changed = 0;
        for name in names {
            // A release this host cannot run is logged by `apply`.
            match self.apply(&name).await {
                Ok(true) => changed += 1,
                Err(ReleaseError::Db(e)) => return Err(e.into()),
                Ok(false) | Err(_) => {}
            }
        }
        Ok(changed)
    }

    /// Listen for releases and check every [`CATCH_UP`].
    pub async fn start(self: &Arc<Self>) -> Result<(), BusError> {
        self.bus
            .subscribe_broadcast(
                SUBSCRIPTION,
                &[EventType::PluginReleased],
                Arc::new(Apply(self.clone())),
            )
            .await?;
        let this = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(CATCH_UP);
            tick.tick().await;
            loop {
                tick.tick().await;
                if let Err(e) = this.apply_all().await {
                    tracing::warn!(error = %e, "plugin releases not checked");
                }
            }
        });
        Ok(())
    }
}

fn release_from(r: &sqlx::any::AnyRow) -> Result<Release, ReleaseError> {
    let percent: Option<i64> = r.try_get("canary_percent")?;
    Ok(Release {
        name: r.try_get("name")?,
        active_id: r.try_get("active_id")?,
        canary_id: r.try_get("canary_id")?,
        canary_percent: percent.and_then(|p| u8::try_from(p).ok()),
        shadow_id: r.try_get("shadow_id")?,
    })
}

struct Apply(Arc<Releases>);

#[async_trait]
impl Handler for Apply {
    async fn handle(&self, event: Event) -> Result<(), HandlerError> {
        let released: PluginReleased = events::payload(&event)?;
        if let Err(ReleaseError::Db(e)) = self.0.apply(&released.name).await {
            // The periodic check catches up.
            tracing::warn!(plugin = %released.name, error = %e, "plugin release not read");
        }
        Ok(())
    }
}
