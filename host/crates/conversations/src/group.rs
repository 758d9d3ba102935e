//! Group commit: writes that arrive while a batch waits for the database's
//! write connection, or is being written, go into the next batch's one
//! transaction.
//!
//! SQLite has one write connection, and each transaction holds it for
//! several round trips to its worker thread (~0.1 ms each under load), so
//! one transaction per message put a ceiling on messages per second.
//! Each caller still returns only once its own write is committed (or has
//! failed with the batch), so what it does next follows a durable write,
//! as before.

use std::future::Future;
use std::sync::{Arc, OnceLock};

use tokio::sync::{mpsc, oneshot};

use crate::db::Db;

/// A kind of write that can be grouped.
pub(crate) trait Batch: Send + Sync + 'static {
    type Item: Send + 'static;
    type Out: Send + 'static;
    /// Items per transaction at most.
    const MAX: usize;
    /// Leave out an item whose caller stopped waiting before its batch
    /// began: right when the write alone would have been rolled back with
    /// its caller (a turn); wrong when the write records something that
    /// happened anyway (a message Meta accepted is marked sent regardless).
    const SKIP_ABANDONED: bool;
    /// Write `items` in one transaction: one outcome per item, in order.
    fn write(
        db: &Db,
        items: &[Self::Item],
    ) -> impl Future<Output = Vec<Result<Self::Out, String>>> + Send;
}

type Waiting<B> = (
    <B as Batch>::Item,
    oneshot::Sender<Result<<B as Batch>::Out, String>>,
);

/// The queue of one kind of write, and its writer task (started on first
/// use, on the runtime of that use).
pub(crate) struct Batcher<B: Batch> {
    queue: Arc<OnceLock<mpsc::UnboundedSender<Waiting<B>>>>,
}

impl<B: Batch> Clone for Batcher<B> {
    fn clone(&self) -> Self {
        Self {
            queue: self.queue.clone(),
        }
    }
}

impl<B: Batch> Default for Batcher<B> {
    fn default() -> Self {
        Self {
            queue: Arc::default(),
        }
    }
}

impl<B: Batch> std::fmt::Debug for Batcher<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(std::any::type_name::<B>())
    }
}

impl<B: Batch> Batcher<B> {
    /// Write `item` with whatever else is waiting; returns once committed.
    pub(crate) async fn write(&self, db: &Db, item: B::Item) -> Result<B::Out, String> {
        let (done, committed) = oneshot::channel();
        let queue = self.queue.get_or_init(|| {
            let (queue, items) = mpsc::unbounded_channel();
            tokio::spawn(write_batches::<B>(db.clone(), items));
            queue
        });
        if let Err(unsent) = queue.send((item, done)) {
            // The writer task is gone (its runtime stopped): write it alone.
            let mut outcome = B::write(db, std::slice::from_ref(&unsent.0.0)).await;
            return outcome
                .pop()
                .unwrap_or_else(|| Err("nothing written".into()));
        }
        committed
            .await
            .unwrap_or_else(|_| Err("the batch writer stopped before writing".into()))
    }
}

async fn write_batches<B: Batch>(db: Db, mut queue: mpsc::UnboundedReceiver<Waiting<B>>) {
    let mut waiting = Vec::with_capacity(B::MAX);
    while queue.recv_many(&mut waiting, B::MAX).await > 0 {
        // A caller that gave up waiting (its future dropped), see
        // `Batch::SKIP_ABANDONED`.
        if B::SKIP_ABANDONED {
            waiting.retain(|(_, done)| !done.is_closed());
        }
        if waiting.is_empty() {
            continue;
        }
        let (items, dones): (Vec<_>, Vec<_>) = waiting.drain(..).unzip();
        let mut outcomes = B::write(&db, &items).await.into_iter();
        for done in dones {
            let outcome = outcomes
                .next()
                .unwrap_or_else(|| Err("the batch gave no outcome for this write".into()));
            let _ = done.send(outcome);
        }
    }
}
