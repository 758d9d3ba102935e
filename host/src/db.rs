//! The relational store: SQLite (embedded default, WAL, one file under the
//! data dir) or PostgreSQL (production), behind one `sqlx::AnyPool`.
//!
//! Every query is written once in the common dialect (`$1` placeholders,
//! portable types: TEXT, BIGINT, DOUBLE PRECISION) and runs on both backends;
//! migrations under `host/migrations/` likewise.

use std::path::Path;

use serde::{Deserialize, Serialize};
use sqlx::AnyPool;
use sqlx::any::{AnyPoolOptions, install_default_drivers};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseConfig {
    /// `postgres://...` or `sqlite://...`; empty = SQLite file in `data_dir`.
    pub url: String,
}

/// Which SQL backend a pool talks to (a few statements differ, e.g. upserts
/// that need `RETURNING` behave the same, but locking hints do not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A connected, migrated database.
#[derive(Debug, Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database connection to {url} failed: {source}")]
    Connect { url: String, source: sqlx::Error },
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("creating the data directory {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
}

impl Db {
    /// Connect to `url`, or to `<data_dir>/agent-store.db` when `url` is empty,
    /// and apply pending migrations.
    pub async fn connect(url: &str, data_dir: &Path) -> Result<Self, DbError> {
        install_default_drivers();
        let url = if url.is_empty() {
            std::fs::create_dir_all(data_dir).map_err(|source| DbError::DataDir {
                path: data_dir.display().to_string(),
                source,
            })?;
            sqlite_url(&data_dir.join("agent-store.db"))
        } else {
            url.to_string()
        };
        let backend = if url.starts_with("postgres") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        };
        let connect_err = |source| DbError::Connect {
            url: redact(&url),
            source,
        };
        // SQLite allows one writer: a small pool avoids lock contention.
        let max = if backend == Backend::Sqlite { 4 } else { 16 };
        let pool = AnyPoolOptions::new()
            .max_connections(max)
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers run beside the writer; the busy
                        // timeout makes a second writer wait instead of fail.
                        sqlx::query("PRAGMA journal_mode = WAL")
                            .execute(&mut *conn)
                            .await?;
                        sqlx::query("PRAGMA busy_timeout = 10000")
                            .execute(&mut *conn)
                            .await?;
                        sqlx::query("PRAGMA synchronous = NORMAL")
                            .execute(&mut *conn)
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .map_err(connect_err)?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Self { pool, backend })
    }

    /// Begin a transaction that will write. On SQLite it takes the write
    /// lock at once (`BEGIN IMMEDIATE`), waiting up to the busy timeout: a
    /// deferred transaction that reads and then writes would instead fail
    /// with `database is locked` at once when another writer got there
    /// first (its snapshot is stale, and waiting cannot help). PostgreSQL
    /// takes row locks as it goes.
    pub async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }
}

/// A SQLite URL that creates the file if needed.
fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

/// The URL without its password, for error messages.
fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}

/// Milliseconds since the Unix epoch: how every timestamp is stored.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Throw-away databases for tests, on either backend.
pub mod testing {
    use super::{Backend, Db, DbError};
    use sqlx::Connection;

    /// The PostgreSQL server every developer and CI machine runs.
    pub const POSTGRES_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

    /// A fresh SQLite database in a temporary directory (kept alive by the
    /// returned guard).
    pub async fn sqlite() -> Result<(Db, tempfile::TempDir), DbError> {
        let dir = tempfile::tempdir().map_err(|source| DbError::DataDir {
            path: "tempdir".into(),
            source,
        })?;
        let db = Db::connect("", dir.path()).await?;
        Ok((db, dir))
    }

    /// A fresh, uniquely named PostgreSQL database (tests run in parallel).
    /// `AGENT_STORE_TEST_POSTGRES_URL` overrides the server.
    pub async fn postgres() -> Result<Db, DbError> {
        let admin = std::env::var("AGENT_STORE_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| POSTGRES_ADMIN_URL.to_string());
        let name = format!("agent_store_test_{}", uuid::Uuid::new_v4().simple());
        let connect_err = |source| DbError::Connect {
            url: admin.clone(),
            source,
        };
        sqlx::any::install_default_drivers();
        let mut conn = sqlx::AnyConnection::connect(&admin)
            .await
            .map_err(connect_err)?;
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .map_err(connect_err)?;
        let mut url = url::Url::parse(&admin).map_err(|e| DbError::Connect {
            url: admin.clone(),
            source: sqlx::Error::Configuration(Box::new(e)),
        })?;
        url.set_path(&name);
        let db = Db::connect(url.as_str(), std::path::Path::new(".")).await?;
        debug_assert_eq!(db.backend, Backend::Postgres);
        Ok(db)
    }
}
