//! Where the message path's reads go: on SQLite a few connections of their
//! own, handed out and taken back in place; on PostgreSQL the pool.
//!
//! Why not sqlx's pool on SQLite: it gives every connection back in a
//! *spawned task* that pings it first, and on SQLite a ping is a round trip
//! to the connection's worker thread (two channel hand-offs and a thread
//! wake-up each way), as costly as the read it followed. A customer
//! message makes ~20 reads; measured under load, sqlx's SQLite threads took
//! a third of the host's CPU. A slot here is back the moment its guard is
//! dropped. A read dropped half-way needs no ping either: the connection's
//! worker runs commands in order, so the next one waits behind the rest of
//! the abandoned read, whose rows go nowhere.

use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex};

use sqlx::any::AnyConnectOptions;
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool, Connection as _};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The read path of a [`crate::Db`].
#[derive(Clone)]
pub enum Readers {
    /// SQLite: connections of the readers' own (WAL: they read beside the
    /// writer), opened on first need.
    Sqlite(Arc<Slots>),
    /// PostgreSQL: the shared pool.
    Pool(AnyPool),
}

impl std::fmt::Debug for Readers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Readers::Sqlite(s) => write!(f, "Readers::Sqlite({})", s.size),
            Readers::Pool(_) => f.write_str("Readers::Pool"),
        }
    }
}

/// How long a read waits for a connection before it fails
/// (`PoolTimedOut`), as sqlx's pool does: a reader stuck for longer turns
/// into errors the bus retries, not into callers that hang.
const ACQUIRE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// SQLite's read connections: at most `size` taken at once.
pub struct Slots {
    free: Mutex<Vec<AnyConnection>>,
    permits: Arc<Semaphore>,
    size: u32,
    options: AnyConnectOptions,
}

/// A connection to read on, given back when dropped.
pub struct ReadConn {
    held: Held,
}

enum Held {
    Slot {
        /// `Some` until dropped.
        conn: Option<AnyConnection>,
        slots: Arc<Slots>,
        /// Released after the connection is back in `free`.
        _permit: OwnedSemaphorePermit,
    },
    Pooled(PoolConnection<Any>),
}

impl Readers {
    /// `size` SQLite read connections to the database of `options`.
    pub fn sqlite(options: AnyConnectOptions, size: u32) -> Self {
        let size = size.max(1);
        Readers::Sqlite(Arc::new(Slots {
            free: Mutex::new(Vec::new()),
            permits: Arc::new(Semaphore::new(size as usize)),
            size,
            options,
        }))
    }

    /// A connection to read on, once fewer than the readers' size are taken.
    pub async fn acquire(&self) -> Result<ReadConn, sqlx::Error> {
        let held = match self {
            Readers::Pool(pool) => Held::Pooled(pool.acquire().await?),
            Readers::Sqlite(slots) => {
                let permit =
                    tokio::time::timeout(ACQUIRE_TIMEOUT, slots.permits.clone().acquire_owned())
                        .await
                        .map_err(|_| sqlx::Error::PoolTimedOut)?
                        .map_err(|_| sqlx::Error::PoolClosed)?;
                let free = slots.take_free();
                let conn = match free {
                    Some(conn) => conn,
                    None => open(&slots.options).await?,
                };
                Held::Slot {
                    conn: Some(conn),
                    slots: slots.clone(),
                    _permit: permit,
                }
            }
        };
        Ok(ReadConn { held })
    }

    /// Connections open and idle (the `agent_store_db_connections` gauge);
    /// `None` on PostgreSQL, whose reads share the pool.
    pub fn use_now(&self) -> Option<(u32, usize)> {
        match self {
            Readers::Sqlite(slots) => {
                let idle = slots.permits.available_permits();
                let open = slots.free_len() + (slots.size as usize - idle);
                Some((u32::try_from(open).unwrap_or(u32::MAX), slots.free_len()))
            }
            Readers::Pool(_) => None,
        }
    }
}

impl Slots {
    fn free(&self) -> std::sync::MutexGuard<'_, Vec<AnyConnection>> {
        self.free.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn take_free(&self) -> Option<AnyConnection> {
        self.free().pop()
    }

    fn free_len(&self) -> usize {
        self.free().len()
    }
}

async fn open(options: &AnyConnectOptions) -> Result<AnyConnection, sqlx::Error> {
    let mut conn = AnyConnection::connect_with(options).await?;
    crate::sqlite_pragmas(&mut conn).await?;
    Ok(conn)
}

impl Deref for ReadConn {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        match &self.held {
            Held::Slot { conn, .. } => conn.as_ref().expect("held until dropped"),
            Held::Pooled(c) => c,
        }
    }
}

impl DerefMut for ReadConn {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        match &mut self.held {
            Held::Slot { conn, .. } => conn.as_mut().expect("held until dropped"),
            Held::Pooled(c) => c,
        }
    }
}

impl Drop for ReadConn {
    fn drop(&mut self) {
        if let Held::Slot { conn, slots, .. } = &mut self.held
            && let Some(conn) = conn.take()
        {
            // A holder that began a transaction and left it open would
            // hand the next reader an old snapshot: that connection is
            // closed (its worker ends once the rollback queued ahead ran)
            // and the next taker opens a fresh one.
            if !conn.is_in_transaction() {
                slots.free().push(conn);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::Row as _;

    async fn readers(size: u32) -> (tempfile::TempDir, Readers) {
        sqlx::any::install_default_drivers();
        let dir = tempfile::tempdir().expect("temp dir");
        let url = crate::sqlite_url(&dir.path().join("r.db"));
        let options: AnyConnectOptions = url.parse().expect("url");
        (dir, Readers::sqlite(options, size))
    }

    /// A connection given back is the next one handed out: no second
    /// connection is opened while one is free, and at most `size` are taken.
    #[tokio::test]
    async fn a_slot_is_reused_and_the_size_bounds_the_takers() {
        let (_dir, readers) = readers(2).await;
        {
            let mut c = readers.acquire().await.expect("read");
            let one: i64 = sqlx::query("SELECT 1 AS n")
                .fetch_one(&mut *c)
                .await
                .expect("select")
                .try_get("n")
                .expect("n");
            assert_eq!(one, 1);
        }
        assert_eq!(readers.use_now(), Some((1, 1)), "one open, idle");
        let a = readers.acquire().await.expect("first");
        assert_eq!(readers.use_now(), Some((1, 0)), "the same one, taken");
        let b = readers.acquire().await.expect("second");
        assert_eq!(readers.use_now(), Some((2, 0)));
        let third = readers.acquire();
        tokio::pin!(third);
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        assert!(
            std::future::Future::poll(third.as_mut(), &mut cx).is_pending(),
            "a third taker waits for one of two"
        );
        drop(a);
        let c = third.await.expect("third, once one was given back");
        drop((b, c));
        assert_eq!(readers.use_now(), Some((2, 2)));
    }

    /// A taker that finds every connection taken for longer than
    /// [`ACQUIRE_TIMEOUT`] gets an error, as with sqlx's pool.
    #[tokio::test]
    async fn a_taker_waits_at_most_the_acquire_timeout() {
        let (_dir, readers) = readers(1).await;
        let _held = readers.acquire().await.expect("the one connection");
        tokio::time::pause();
        let waited = readers.acquire().await;
        assert!(
            matches!(waited, Err(sqlx::Error::PoolTimedOut)),
            "{:?}",
            waited.err()
        );
    }

    /// A connection given back inside a transaction is not handed out
    /// again (the next reader would read an old snapshot).
    #[tokio::test]
    async fn a_slot_left_in_a_transaction_is_not_reused() {
        let (_dir, readers) = readers(1).await;
        let mut c = readers.acquire().await.expect("read");
        sqlx::AnyConnection::begin(&mut *c)
            .await
            .map(std::mem::forget)
            .expect("begin");
        assert!(c.is_in_transaction());
        drop(c);
        assert_eq!(readers.use_now(), Some((0, 0)), "closed, not kept");
        let c = readers.acquire().await.expect("a fresh one");
        assert!(!c.is_in_transaction());
    }
}
