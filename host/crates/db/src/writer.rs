//! Where the host's writes go: on SQLite one connection behind a fair async
//! mutex, on PostgreSQL the pool.
//!
//! Why not a pool of one on SQLite: sqlx returns a pooled connection to its
//! pool in a *spawned task* that pings the connection first (a round trip
//! to its worker thread), so every write held the only write connection
//! until that task got a turn on a busy executor and the ping came back.
//! Measured at 1,000 customers: the writer was busy at every scrape while
//! its thread was ~27 % busy. A mutex guard is released the moment it is
//! dropped.

use std::future::Future;
use std::ops::{Deref, DerefMut};
use std::panic::Location;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use sqlx::any::{AnyConnectOptions, AnyTransactionManager};
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool, Connection as _, TransactionManager};
use tokio::sync::{Mutex, OwnedMutexGuard};

/// The write path of a [`crate::Db`].
#[derive(Clone)]
pub enum Writer {
    /// SQLite: the one write connection, and how to open it again when it
    /// is left unusable.
    Sqlite {
        conn: Arc<Mutex<AnyConnection>>,
        options: Arc<AnyConnectOptions>,
        /// A `BEGIN` found the connection's worker gone: the next
        /// acquire opens the connection again.
        broken: Arc<AtomicBool>,
    },
    /// PostgreSQL: the shared pool (row locks, many writers at once).
    Pool(AnyPool),
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Writer::Sqlite { .. } => f.write_str("Writer::Sqlite"),
            Writer::Pool(_) => f.write_str("Writer::Pool"),
        }
    }
}

/// A connection to write on, held until dropped.
pub struct WriteConn {
    held: Held,
    /// When it was taken, and by which line: how long each holder keeps
    /// the connection (a `trace` event at release, target
    /// `agent_store_db::writer`).
    since: Instant,
    site: &'static Location<'static>,
}

enum Held {
    Owned(OwnedMutexGuard<AnyConnection>),
    Pooled(PoolConnection<Any>),
}

impl Deref for WriteConn {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        match &self.held {
            Held::Owned(c) => c,
            Held::Pooled(c) => c,
        }
    }
}

impl DerefMut for WriteConn {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        match &mut self.held {
            Held::Owned(c) => c,
            Held::Pooled(c) => c,
        }
    }
}

impl Drop for WriteConn {
    fn drop(&mut self) {
        tracing::trace!(
            held_us = self.since.elapsed().as_micros() as u64,
            site = %self.site,
            "write connection released"
        );
    }
}

impl Writer {
    /// The write connection, once the writers before this one are done
    /// (SQLite: in the order they asked).
    #[track_caller]
    pub fn acquire(&self) -> impl Future<Output = Result<WriteConn, sqlx::Error>> + Send + '_ {
        let site = Location::caller();
        async move {
            let asked = Instant::now();
            let held = self.take().await?;
            tracing::trace!(
                waited_us = asked.elapsed().as_micros() as u64,
                site = %site,
                "write connection taken"
            );
            Ok(WriteConn {
                held,
                since: Instant::now(),
                site,
            })
        }
    }

    async fn take(&self) -> Result<Held, sqlx::Error> {
        match self {
            Writer::Pool(pool) => Ok(Held::Pooled(pool.acquire().await?)),
            Writer::Sqlite {
                conn,
                options,
                broken,
            } => {
                let mut guard = conn.clone().lock_owned().await;
                // The last holder left a transaction open (a failed or
                // cancelled commit) or the connection broken.
                if guard.is_in_transaction() || broken.swap(false, Ordering::Relaxed) {
                    settle(&mut guard, options).await?;
                }
                Ok(Held::Owned(guard))
            }
        }
    }

    /// Run one statement on the write connection.
    #[track_caller]
    pub fn execute<'a, 'q: 'a>(
        &'a self,
        query: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>,
    ) -> impl Future<Output = Result<sqlx::any::AnyQueryResult, sqlx::Error>> + Send + 'a {
        let acquired = self.acquire();
        async move {
            let mut conn = acquired.await?;
            query.execute(&mut *conn).await
        }
    }

    /// Begin a transaction with `statement` (e.g. `BEGIN IMMEDIATE`), or
    /// the backend's plain `BEGIN`.
    #[track_caller]
    pub fn begin(
        &self,
        statement: Option<&'static str>,
    ) -> impl Future<Output = Result<WriteTx, sqlx::Error>> + Send + '_ {
        let acquired = self.acquire();
        async move {
            let mut conn = acquired.await?;
            match AnyTransactionManager::begin(&mut conn, statement.map(Into::into)).await {
                Ok(()) => Ok(WriteTx { conn: Some(conn) }),
                Err(e) => {
                    if let (sqlx::Error::WorkerCrashed, Writer::Sqlite { broken, .. }) = (&e, self)
                    {
                        broken.store(true, Ordering::Relaxed);
                    }
                    Err(e)
                }
            }
        }
    }

    /// Whether a writer holds the connection now (the `writer` pool's busy
    /// gauge); `None` on PostgreSQL, whose writes share the pool.
    pub fn busy(&self) -> Option<bool> {
        match self {
            Writer::Sqlite { conn, .. } => Some(conn.try_lock().is_err()),
            Writer::Pool(_) => None,
        }
    }
}

/// A connection left in a transaction: a COMMIT or ROLLBACK the disk
/// refused, or a transaction dropped mid-way whose queued rollback has not
/// run yet. Roll back; failing that, open the connection again (every later
/// `BEGIN` on it would fail with "non-zero transaction depth" long after
/// the disk has room again).
async fn settle(conn: &mut AnyConnection, options: &AnyConnectOptions) -> Result<(), sqlx::Error> {
    let outcome = match conn.ping().await {
        Ok(()) if !conn.is_in_transaction() => return Ok(()),
        Ok(()) => AnyTransactionManager::rollback(conn).await,
        // The connection's worker is gone (sqlx ends it when it cannot
        // roll back a cancelled BEGIN).
        Err(e) => Err(e),
    };
    if outcome.is_ok() && !conn.is_in_transaction() {
        return Ok(());
    }
    tracing::warn!(error = ?outcome.err(), "the SQLite write connection was left unusable: opening it again");
    let mut fresh = AnyConnection::connect_with(options).await?;
    crate::sqlite_pragmas(&mut fresh).await?;
    let old = std::mem::replace(conn, fresh);
    let _ = old.close_hard().await;
    Ok(())
}

/// A write transaction: rolled back when dropped without [`WriteTx::commit`].
/// `&mut *tx` is its connection, as with a sqlx `Transaction`.
pub struct WriteTx {
    conn: Option<WriteConn>,
}

impl WriteTx {
    /// Commit. The connection is let go only once the commit succeeded:
    /// a failed or cancelled commit is rolled back by [`Drop`], as sqlx's
    /// own `Transaction` does (its SQLite worker counts on that rollback).
    pub async fn commit(mut self) -> Result<(), sqlx::Error> {
        if let Some(conn) = self.conn.as_mut() {
            AnyTransactionManager::commit(conn).await?;
        }
        self.conn = None;
        Ok(())
    }

    pub async fn rollback(mut self) -> Result<(), sqlx::Error> {
        if let Some(conn) = self.conn.as_mut() {
            AnyTransactionManager::rollback(conn).await?;
        }
        self.conn = None;
        Ok(())
    }
}

impl Deref for WriteTx {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        self.conn
            .as_deref()
            .expect("a WriteTx holds its connection until commit")
    }
}

impl DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        self.conn
            .as_deref_mut()
            .expect("a WriteTx holds its connection until commit")
    }
}

impl Drop for WriteTx {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.as_mut() {
            // Queued on the connection ahead of whatever the next writer
            // sends (SQLite: its worker's channel is FIFO).
            AnyTransactionManager::start_rollback(conn);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use sqlx::Executor as _;

    use crate::testing;

    async fn count(db: &crate::Db) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM writer_test")
            .fetch_one(&db.pool)
            .await
            .expect("count")
    }

    async fn with_table() -> (crate::Db, tempfile::TempDir) {
        let (db, dir) = testing::sqlite().await.expect("sqlite");
        db.writer
            .execute(sqlx::query("CREATE TABLE writer_test (n BIGINT)"))
            .await
            .expect("table");
        (db, dir)
    }

    /// A transaction dropped without commit writes nothing, and the next
    /// writer gets the connection outside any transaction.
    #[tokio::test]
    async fn a_dropped_transaction_is_rolled_back_before_the_next_writer() {
        let (db, _dir) = with_table().await;
        {
            let mut tx = db.begin_write().await.expect("begin");
            tx.execute("INSERT INTO writer_test VALUES (1)")
                .await
                .expect("insert");
        }
        let mut tx = db.begin_write().await.expect("a second begin");
        tx.execute("INSERT INTO writer_test VALUES (2)")
            .await
            .expect("insert");
        tx.commit().await.expect("commit");
        let n: i64 = sqlx::query_scalar("SELECT SUM(n) FROM writer_test")
            .fetch_one(&db.pool)
            .await
            .expect("sum");
        assert_eq!(n, 2, "only the committed row is stored");
    }

    /// A connection left in a transaction (here: a raw `BEGIN` nobody
    /// ends) is rolled back for the next writer, not handed over as is.
    #[tokio::test]
    async fn a_connection_left_in_a_transaction_is_settled() {
        let (db, _dir) = with_table().await;
        {
            let mut conn = db.writer.acquire().await.expect("acquire");
            <sqlx::AnyConnection as sqlx::Connection>::begin(&mut *conn)
                .await
                .map(std::mem::forget)
                .expect("begin");
            conn.execute("INSERT INTO writer_test VALUES (1)")
                .await
                .expect("insert");
        }
        let mut tx = db
            .begin_write()
            .await
            .expect("begin after a stuck transaction");
        tx.execute("INSERT INTO writer_test VALUES (5)")
            .await
            .expect("insert");
        tx.commit().await.expect("commit");
        assert_eq!(count(&db).await, 1, "the stuck transaction's row is gone");
    }

    /// Writers take the connection one at a time: they wait while a
    /// transaction holds it, and reads on the shared pool go on meanwhile.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn writers_wait_for_the_transaction_while_readers_read() {
        let (db, _dir) = with_table().await;
        let held = db.begin_write().await.expect("begin");
        let mut waiting = Vec::new();
        for n in 1..=3_i64 {
            let db = db.clone();
            waiting.push(tokio::spawn(async move {
                db.writer
                    .execute(sqlx::query("INSERT INTO writer_test VALUES ($1)").bind(n))
                    .await
            }));
        }
        // They cannot finish while the transaction holds the connection.
        let early = tokio::time::timeout(Duration::from_millis(200), &mut waiting[0]).await;
        assert!(early.is_err(), "a writer got past an open transaction");
        assert_eq!(db.writer.busy(), Some(true));
        assert_eq!(count(&db).await, 0, "a read while the writer is held");
        held.commit().await.expect("commit");
        for w in waiting {
            w.await.expect("task").expect("insert");
        }
        let mut rows: Vec<i64> = sqlx::query_scalar("SELECT n FROM writer_test")
            .fetch_all(&db.pool)
            .await
            .expect("rows");
        rows.sort();
        assert_eq!(rows, [1, 2, 3]);
        assert_eq!(db.writer.busy(), Some(false));
    }

    /// A COMMIT the database refuses (here a deferred foreign key) leaves
    /// nothing stored, and the next writer starts clean.
    #[tokio::test]
    async fn a_refused_commit_is_rolled_back() {
        let (db, _dir) = with_table().await;
        db.writer
            .execute(sqlx::query(
                "CREATE TABLE writer_child (n BIGINT REFERENCES writer_parent (n))",
            ))
            .await
            .expect("child");
        db.writer
            .execute(sqlx::query(
                "CREATE TABLE writer_parent (n BIGINT PRIMARY KEY)",
            ))
            .await
            .expect("parent");
        let mut tx = db.begin_write().await.expect("begin");
        for sql in [
            "PRAGMA foreign_keys = ON",
            "PRAGMA defer_foreign_keys = ON",
            "INSERT INTO writer_test VALUES (7)",
            "INSERT INTO writer_child VALUES (1)",
        ] {
            tx.execute(sql).await.expect(sql);
        }
        assert!(tx.commit().await.is_err(), "the commit must be refused");
        let mut tx = db
            .begin_write()
            .await
            .expect("begin after a refused commit");
        tx.execute("INSERT INTO writer_test VALUES (8)")
            .await
            .expect("insert");
        tx.commit().await.expect("commit");
        let rows: Vec<i64> = sqlx::query_scalar("SELECT n FROM writer_test")
            .fetch_all(&db.pool)
            .await
            .expect("rows");
        assert_eq!(rows, [8]);
    }
}
