//! The relational store: SQLite (embedded default, WAL, one file under the
//! data dir) or PostgreSQL (production), behind one `sqlx::AnyPool`.
//!
//! Every query is written once in the common dialect (`$1` placeholders,
//! portable types: TEXT, BIGINT, DOUBLE PRECISION) and runs on both backends;
//! migrations under `host/migrations/` likewise (the host's schema: they
//! stay beside the host, this crate embeds them at build time).

use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicI64, Ordering};

use serde::{Deserialize, Serialize};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions, install_default_drivers};
use sqlx::{AnyConnection, AnyPool};
use sqlx::{Connection as _, Executor as _};

mod readers;
pub mod sql;
mod writer;
pub use readers::{ReadConn, Readers};
pub use writer::{WriteConn, WriteTx, Writer};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseConfig {
    /// `postgres://...` or `sqlite://...`; empty = SQLite file in `data_dir`.
    pub url: String,
    /// Connections of the shared pool (reads, and every write on
    /// PostgreSQL); 0 = the backend's default ([`DEFAULT_SQLITE_CONNECTIONS`],
    /// [`DEFAULT_POSTGRES_CONNECTIONS`]). On SQLite, writes go through one
    /// connection of their own ([`Db::writer`]) and the message path's
    /// reads through as many as this of their own ([`Db::readers`]).
    pub connections: u32,
}

/// The shared pool's size on SQLite when `connections` is 0.
pub const DEFAULT_SQLITE_CONNECTIONS: u32 = 4;
/// The pool's size on PostgreSQL when `connections` is 0.
pub const DEFAULT_POSTGRES_CONNECTIONS: u32 = 16;

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
    /// Where the busiest writes go ([`Db::begin_write`] and the message
    /// path's single-statement writes, `.execute(&mut *db.writer.acquire().await?)`).
    /// SQLite: one connection, so the host's writers queue for it in
    /// order, woken the moment it is free, instead of in SQLite's busy
    /// handler, which polls a taken write lock with sleeps of 1–100 ms on
    /// the connection's thread (measured: ~1,000 such sleeps a second
    /// under load, each holding a pool connection). PostgreSQL: the pool
    /// itself (row locks, many writers at once).
    pub writer: Writer,
    /// Where the message path's reads go (`.fetch_one(&mut *db.read().await?)`):
    /// on SQLite connections of their own, given back without sqlx's
    /// ping ([`Readers`]); on PostgreSQL the pool.
    pub readers: Readers,
    pub backend: Backend,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database connection to {url} failed: {source}")]
    Connect { url: String, source: sqlx::Error },
    /// The SQLite file exists but cannot be trusted (truncated, overwritten):
    /// the host stops rather than serve from it or write over it.
    #[error(
        "the SQLite database {path} is damaged ({detail}); the host will not start on it: restore {path} from a backup, or move it aside (and its -wal/-shm files) to start with an empty database"
    )]
    Damaged { path: String, detail: String },
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
        let config = DatabaseConfig {
            url: url.to_string(),
            ..DatabaseConfig::default()
        };
        Self::open(&config, data_dir).await
    }

    /// [`Db::connect`] with every setting of `config` (the pool's size).
    pub async fn open(config: &DatabaseConfig, data_dir: &Path) -> Result<Self, DbError> {
        install_default_drivers();
        let url = config.url.as_str();
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
        if backend == Backend::Sqlite {
            check_sqlite(&url).await?;
        }
        let max = match (config.connections, backend) {
            (0, Backend::Sqlite) => DEFAULT_SQLITE_CONNECTIONS,
            (0, Backend::Postgres) => DEFAULT_POSTGRES_CONNECTIONS,
            (n, _) => n,
        };
        let pool = pool_options(backend, max)
            .connect(&url)
            .await
            .map_err(connect_err)?;
        let (writer, readers) = match backend {
            Backend::Sqlite => {
                let options: AnyConnectOptions = url.parse().map_err(connect_err)?;
                let mut conn = AnyConnection::connect_with(&options)
                    .await
                    .map_err(connect_err)?;
                sqlite_pragmas(&mut conn).await.map_err(connect_err)?;
                let readers = Readers::sqlite(options.clone(), max);
                let writer = Writer::Sqlite {
                    conn: std::sync::Arc::new(tokio::sync::Mutex::new(conn)),
                    options: std::sync::Arc::new(options),
                    broken: Default::default(),
                };
                (writer, readers)
            }
            Backend::Postgres => (Writer::Pool(pool.clone()), Readers::Pool(pool.clone())),
        };
        sqlx::migrate!("../../migrations").run(&pool).await?;
        Ok(Self {
            pool,
            writer,
            readers,
            backend,
        })
    }

    /// Connections open and idle, per pool: `("shared", size, idle)`, and
    /// on SQLite `("writer", …)` (the `agent_store_db_connections` gauge).
    pub fn pool_use(&self) -> Vec<(&'static str, u32, usize)> {
        let mut pools = vec![("shared", self.pool.size(), self.pool.num_idle())];
        if let Some(busy) = self.writer.busy() {
            pools.push(("writer", 1, usize::from(!busy)));
        }
        if let Some((open, idle)) = self.readers.use_now() {
            pools.push(("readers", open, idle));
        }
        pools
    }

    /// A connection for the message path's reads (see [`Readers`]).
    pub async fn read(&self) -> Result<ReadConn, sqlx::Error> {
        self.readers.acquire().await
    }

    /// Begin a transaction that will write. On SQLite it takes the write
    /// lock at once (`BEGIN IMMEDIATE`), waiting up to the busy timeout: a
    /// deferred transaction that reads and then writes would instead fail
    /// with `database is locked` at once when another writer got there
    /// first (its snapshot is stale, and waiting cannot help). PostgreSQL
    /// takes row locks as it goes.
    #[track_caller]
    pub fn begin_write(
        &self,
    ) -> impl std::future::Future<Output = Result<WriteTx, sqlx::Error>> + Send + '_ {
        self.writer.begin(match self.backend {
            Backend::Sqlite => Some("BEGIN IMMEDIATE"),
            Backend::Postgres => None,
        })
    }
}

/// The options of the host's pools: per-connection pragmas, pings, release.
fn pool_options(backend: Backend, max_connections: u32) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(max_connections)
        // A ping before every checkout finds a connection the server
        // dropped; an embedded SQLite connection cannot be dropped, and
        // on SQLite the ping is a round trip to sqlx's worker thread
        // (two channel hand-offs and a thread wake-up), as costly as
        // the statement the caller checked the connection out for.
        .test_before_acquire(backend == Backend::Postgres)
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    sqlite_pragmas(conn).await?;
                }
                Ok(())
            })
        })
        // A connection whose transaction could not be ended (a COMMIT
        // or ROLLBACK refused by a full disk) would come back still
        // "in a transaction", and every later `begin` on it fails
        // ("non-zero transaction depth") long after the disk has room
        // again: such a connection is closed instead. A connection
        // outside any transaction goes straight back (sqlx pings it
        // after this check in any case); otherwise the ping lets a
        // rollback queued by a dropped transaction finish (SQLite's
        // worker counts the depth down only once it ran it) before the
        // depth is read.
        .after_release(|conn, _meta| {
            Box::pin(async move {
                if !conn.is_in_transaction() {
                    return Ok(true);
                }
                conn.ping().await?;
                Ok(!conn.is_in_transaction())
            })
        })
}

/// Every SQLite connection's settings: WAL lets readers run beside the
/// writer; the busy timeout makes a second writer (another process, a
/// catalog import on the shared pool) wait instead of fail.
async fn sqlite_pragmas(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    for pragma in [
        "PRAGMA journal_mode = WAL",
        "PRAGMA busy_timeout = 10000",
        "PRAGMA synchronous = NORMAL",
    ] {
        conn.execute(pragma).await?;
    }
    Ok(())
}

/// `PRAGMA quick_check` on one connection before the pool opens: on a
/// truncated file the pool's set-up fails on every try until its 30 s
/// timeout (a log line each time, then a vague "pool timed out"), or worse,
/// the file opens and only a request that reads a lost page fails. Reading
/// every page once makes the damage one clear start-up error.
async fn check_sqlite(url: &str) -> Result<(), DbError> {
    use sqlx::Connection;
    let damaged = |detail: String| DbError::Damaged {
        path: sqlite_path(url),
        detail,
    };
    let mut conn = sqlx::AnyConnection::connect(url)
        .await
        .map_err(|e| damaged_or(url, e))?;
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_all(&mut conn)
        .await
        .map_err(|e| damaged_or(url, e))?;
    let _ = conn.close().await;
    match rows.as_slice() {
        [ok] if ok == "ok" => Ok(()),
        problems => Err(damaged(
            problems
                .iter()
                .take(3)
                .map(|p| p.replace('\n', " "))
                .collect::<Vec<_>>()
                .join("; "),
        )),
    }
}

/// A damaged file (SQLite's "malformed" / "not a database") is
/// [`DbError::Damaged`]; anything else (permissions, a missing directory)
/// a connection error.
fn damaged_or(url: &str, e: sqlx::Error) -> DbError {
    let text = e.to_string();
    if text.contains("malformed") || text.contains("not a database") {
        DbError::Damaged {
            path: sqlite_path(url),
            detail: text,
        }
    } else {
        DbError::Connect {
            url: redact(url),
            source: e,
        }
    }
}

/// The file of a `sqlite://` URL, for messages.
fn sqlite_path(url: &str) -> String {
    let rest = url.strip_prefix("sqlite://").unwrap_or(url);
    rest.split('?').next().unwrap_or(rest).to_string()
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

/// Milliseconds since the Unix epoch, in the database's clock: how every
/// timestamp is stored and compared. On SQLite (one host) that is this
/// host's clock; hosts sharing PostgreSQL follow its clock
/// ([`Db::follow_clock`]), so a time one host stores (a lease, a message's
/// arrival, a reservation's end) means the same to every other host even
/// when their own clocks are minutes apart.
pub fn now_ms() -> i64 {
    host_clock_ms() + CLOCK_OFFSET_MS.load(Ordering::Relaxed)
}

/// [`now_ms`] in microseconds (orderings finer than a millisecond).
pub fn now_micros() -> i64 {
    let offset = test_clock_skew_ms() + CLOCK_OFFSET_MS.load(Ordering::Relaxed);
    chrono::Utc::now().timestamp_micros() + offset.saturating_mul(1000)
}

/// How far the database's clock is ahead of this host's, in ms (0 until
/// [`Db::follow_clock`] measured it).
pub fn clock_offset_ms() -> i64 {
    CLOCK_OFFSET_MS.load(Ordering::Relaxed)
}

/// The database clock's lead over this host's (process-wide: one process
/// serves one deployment).
static CLOCK_OFFSET_MS: AtomicI64 = AtomicI64::new(0);

/// The test-only variable that sets this host's own clock off by a number
/// of milliseconds (the multi-host tests start a host minutes off). Only
/// [`now_ms`] and [`now_micros`] read it, and every stored time goes
/// through them.
pub const TEST_CLOCK_SKEW_ENV: &str = "AGENT_STORE_TEST_CLOCK_SKEW_MS";

fn test_clock_skew_ms() -> i64 {
    static SKEW: OnceLock<i64> = OnceLock::new();
    *SKEW.get_or_init(|| {
        std::env::var(TEST_CLOCK_SKEW_ENV)
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0)
    })
}

/// This host's own clock, ms since the epoch.
fn host_clock_ms() -> i64 {
    chrono::Utc::now().timestamp_millis() + test_clock_skew_ms()
}

impl Db {
    /// Measure how far the database's clock is from this host's (the best
    /// of three round trips, the reading taken half-way) and follow it
    /// from now on: [`now_ms`] returns the database's time. PostgreSQL
    /// only (SQLite runs on this host's clock); returns the offset in ms.
    pub async fn follow_clock(&self) -> Result<i64, sqlx::Error> {
        if self.backend != Backend::Postgres {
            return Ok(0);
        }
        let mut best: Option<(i64, i64)> = None;
        for _ in 0..3 {
            let before = host_clock_ms();
            let db_ms: i64 = sqlx::query_scalar(
                "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)",
            )
            .fetch_one(&self.pool)
            .await?;
            let after = host_clock_ms();
            let round_trip = after - before;
            let offset = db_ms - (before + round_trip / 2);
            if best.is_none_or(|(rt, _)| round_trip < rt) {
                best = Some((round_trip, offset));
            }
        }
        let offset = best.map_or(0, |(_, o)| o);
        CLOCK_OFFSET_MS.store(offset, Ordering::Relaxed);
        Ok(offset)
    }
}

/// Throw-away databases for tests, on either backend.
///
/// PostgreSQL test databases are named `agent_store_test_<unix secs>_<uuid>`
/// and dropped when their [`testing::TestPostgres`] guard is dropped; the
/// first database a test process creates also sweeps same-prefix databases
/// older than [`testing::STALE_AFTER_SECS`] (left by a killed run).
pub mod testing {
    use super::{Backend, Db, DbError};
    use sqlx::Connection;

    /// The PostgreSQL server every developer and CI machine runs.
    pub const POSTGRES_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/test";
    /// Every test database's name starts with this.
    pub const PREFIX: &str = "agent_store_test_";
    /// A test database older than this belongs to a run that is gone.
    pub const STALE_AFTER_SECS: i64 = 3600;

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

    /// A fresh, migrated PostgreSQL database, dropped with the guard.
    pub async fn postgres_db() -> Result<(Db, TestPostgres), DbError> {
        let guard = TestPostgres::create().await?;
        let db = guard.connect().await?;
        Ok((db, guard))
    }

    /// A fresh, uniquely named PostgreSQL database (tests run in parallel).
    ///
    /// Prefer [`postgres_db`]: the database made here is not dropped when
    /// the test ends, only by the stale sweep an hour later.
    pub async fn postgres() -> Result<Db, DbError> {
        let guard = TestPostgres::create().await?;
        let db = guard.connect().await?;
        // Left to the sweep (the caller keeps no guard).
        std::mem::forget(guard);
        Ok(db)
    }

    /// The server tests use: `AGENT_STORE_TEST_POSTGRES_URL` or the default.
    pub fn admin_url() -> String {
        std::env::var("AGENT_STORE_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| POSTGRES_ADMIN_URL.to_string())
    }

    /// One empty test database on the PostgreSQL server; `DROP DATABASE`
    /// (forcing out any connection still open) when dropped.
    #[derive(Debug)]
    pub struct TestPostgres {
        admin: String,
        name: String,
        url: String,
    }

    impl TestPostgres {
        /// Create an empty database (migrations run on first connect).
        pub async fn create() -> Result<Self, DbError> {
            let admin = admin_url();
            let connect_err = |source| DbError::Connect {
                url: admin.clone(),
                source,
            };
            sqlx::any::install_default_drivers();
            let mut conn = sqlx::AnyConnection::connect(&admin)
                .await
                .map_err(connect_err)?;
            sweep_once(&mut conn).await;
            let name = format!(
                "{PREFIX}{}_{}",
                chrono::Utc::now().timestamp(),
                uuid::Uuid::new_v4().simple()
            );
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .map_err(connect_err)?;
            let _ = conn.close().await;
            let mut url = url::Url::parse(&admin).map_err(|e| DbError::Connect {
                url: admin.clone(),
                source: sqlx::Error::Configuration(Box::new(e)),
            })?;
            url.set_path(&name);
            Ok(Self {
                admin,
                name,
                url: url.to_string(),
            })
        }

        /// `postgres://…/agent_store_test_…`: for a host's `database.url`.
        pub fn url(&self) -> &str {
            &self.url
        }

        pub fn name(&self) -> &str {
            &self.name
        }

        /// A migrated pool on this database.
        pub async fn connect(&self) -> Result<Db, DbError> {
            let db = Db::connect(&self.url, std::path::Path::new(".")).await?;
            debug_assert_eq!(db.backend, Backend::Postgres);
            Ok(db)
        }
    }

    impl Drop for TestPostgres {
        fn drop(&mut self) {
            // Drop runs inside the test's runtime, which may be a single
            // thread: the DROP gets a thread and a runtime of its own.
            let (admin, name) = (self.admin.clone(), self.name.clone());
            let dropped = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()?;
                rt.block_on(drop_database(&admin, &name))
                    .map_err(std::io::Error::other)
            })
            .join();
            match dropped {
                Ok(Ok(())) => {}
                Ok(Err(e)) => eprintln!("test database {} not dropped: {e}", self.name),
                Err(_) => eprintln!("test database {} not dropped: panic", self.name),
            }
        }
    }

    async fn drop_database(admin: &str, name: &str) -> Result<(), sqlx::Error> {
        sqlx::any::install_default_drivers();
        let mut conn = sqlx::AnyConnection::connect(admin).await?;
        // FORCE: a pool the test leaked (a spawned task, a host that was
        // not shut down) must not keep the database alive.
        sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&mut conn)
            .await?;
        let _ = conn.close().await;
        Ok(())
    }

    /// Once per process: drop test databases older than an hour.
    async fn sweep_once(conn: &mut sqlx::AnyConnection) {
        static SWEPT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        if SWEPT.swap(true, std::sync::atomic::Ordering::SeqCst) {
            return;
        }
        match sweep(conn, chrono::Utc::now().timestamp()).await {
            Ok(n) if n > 0 => eprintln!("dropped {n} stale test database(s)"),
            Ok(_) => {}
            Err(e) => eprintln!("stale test database sweep failed: {e}"),
        }
    }

    /// Drop every `agent_store_test_*` database created before
    /// `now - STALE_AFTER_SECS`; returns how many.
    pub async fn sweep(conn: &mut sqlx::AnyConnection, now: i64) -> Result<usize, sqlx::Error> {
        sweep_like(conn, now, r"agent\_store\_test\_%").await
    }

    /// [`sweep`] limited to the names matching the `LIKE` pattern `like`.
    /// Names without a creation time (an older naming) are aged by their
    /// files' mtime where the role may read it, else left alone.
    pub async fn sweep_like(
        conn: &mut sqlx::AnyConnection,
        now: i64,
        like: &str,
    ) -> Result<usize, sqlx::Error> {
        let names: Vec<String> =
            sqlx::query_scalar("SELECT datname::text FROM pg_database WHERE datname LIKE $1")
                .bind(like)
                .fetch_all(&mut *conn)
                .await?;
        let mut dropped = 0;
        for name in names.into_iter().filter(|n| is_plain_name(n)) {
            let born = match created_at(&name) {
                Some(t) => t,
                None => file_age(conn, &name).await.unwrap_or(now),
            };
            if now - born < STALE_AFTER_SECS {
                continue;
            }
            sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut *conn)
                .await?;
            dropped += 1;
        }
        Ok(dropped)
    }

    /// When database `name` was created, from its `PG_VERSION` file (needs
    /// superuser or `pg_read_server_files`).
    async fn file_age(conn: &mut sqlx::AnyConnection, name: &str) -> Option<i64> {
        sqlx::query_scalar(
            "SELECT EXTRACT(EPOCH FROM (pg_stat_file('base/' || oid || '/PG_VERSION')).modification)::bigint
             FROM pg_database WHERE datname = $1",
        )
        .bind(name)
        .fetch_one(&mut *conn)
        .await
        .ok()
    }

    /// The creation time in `agent_store_test_<secs>_<uuid>`.
    fn created_at(name: &str) -> Option<i64> {
        let rest = name.strip_prefix(PREFIX)?;
        let (secs, uuid) = rest.split_once('_')?;
        (uuid.len() == 32).then_some(())?;
        secs.parse().ok()
    }

    /// Safe to splice into `DROP DATABASE`.
    fn is_plain_name(name: &str) -> bool {
        name.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn names_carry_their_creation_time() {
            assert_eq!(
                created_at("agent_store_test_1764800000_0123456789abcdef0123456789abcdef"),
                Some(1_764_800_000)
            );
            assert_eq!(
                created_at("agent_store_test_0123456789abcdef0123456789abcdef"),
                None
            );
            assert!(!is_plain_name("x; DROP TABLE y"));
        }

        /// The guard drops its database; the sweep drops old ones and
        /// leaves young ones alone.
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn test_databases_are_dropped_and_stale_ones_swept() {
            sqlx::any::install_default_drivers();
            let exists = |name: String| async move {
                let mut c = sqlx::AnyConnection::connect(&admin_url())
                    .await
                    .expect("admin connection");
                let n: i64 =
                    sqlx::query_scalar("SELECT COUNT(*) FROM pg_database WHERE datname = $1")
                        .bind(name)
                        .fetch_one(&mut c)
                        .await
                        .expect("count");
                n == 1
            };
            let (db, guard) = postgres_db().await.expect("postgres");
            let name = guard.name().to_string();
            sqlx::query("SELECT 1")
                .execute(&db.pool)
                .await
                .expect("db works");
            assert!(exists(name.clone()).await);
            // The pool stays open: the drop forces it out.
            drop(guard);
            assert!(!exists(name.clone()).await, "{name} dropped with its guard");

            let young = TestPostgres::create().await.expect("young");
            let old = TestPostgres::create().await.expect("old");
            let mut c = sqlx::AnyConnection::connect(&admin_url())
                .await
                .expect("admin");
            let born = created_at(old.name()).expect("timestamped");
            // Just before the hour neither is stale; an hour and a bit
            // after `old` was made, it is.
            // (Each sweep is limited to this test's own databases: other
            // tests' are in use.)
            for t in [&young, &old] {
                let n = sweep_like(&mut c, born + STALE_AFTER_SECS - 5, t.name())
                    .await
                    .expect("sweep");
                assert_eq!(n, 0, "{} is not stale yet", t.name());
            }
            assert!(exists(young.name().to_string()).await);
            assert!(exists(old.name().to_string()).await);
            let n = sweep_like(&mut c, born + STALE_AFTER_SECS + 5, old.name())
                .await
                .expect("sweep");
            assert_eq!(n, 1);
            assert!(!exists(old.name().to_string()).await, "stale one swept");
            assert!(exists(young.name().to_string()).await);
        }
    }
}
