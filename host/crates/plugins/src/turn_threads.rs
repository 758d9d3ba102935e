//! Where seller and router turns run: threads of their own, at a lower
//! scheduling priority than the host's async workers.
//!
//! A turn is 0.2–0.7 ms of wasm that gives its thread back only at host
//! calls and every few ms ([`super::runtime`]'s epoch slices). On the
//! host's two workers, every task woken meanwhile waited for it: the one
//! holding SQLite's write connection waited once per statement, so the
//! connection was held (busy at every scrape at 1,000 customers) while its
//! thread worked a quarter of the time. Here the kernel runs a woken
//! worker ahead of a turn, and turns take the CPU the I/O leaves.

use std::future::Future;

/// How much lower a turn thread's priority is (`nice`; raising it needs no
/// privilege). At 5 the kernel gives a busy worker ~3× a turn thread's
/// share of a contended core.
const TURN_NICE: i32 = 5;

/// A runtime for turns; dropped without waiting for the turns in it.
pub struct TurnThreads {
    runtime: Option<tokio::runtime::Runtime>,
}

impl TurnThreads {
    /// `threads` turn threads (0: one per core). When they cannot be
    /// started, turns run on the caller's threads (and one log line says so).
    pub fn new(threads: usize) -> Self {
        let threads = match threads {
            0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
            n => n,
        };
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(threads)
            .thread_name("wasm-turn")
            .on_thread_start(lower_priority)
            .enable_all()
            .build();
        match runtime {
            Ok(runtime) => Self {
                runtime: Some(runtime),
            },
            Err(error) => {
                tracing::warn!(%error, "the turn threads did not start: turns run on the host's workers");
                Self { runtime: None }
            }
        }
    }

    /// Run `turn` on a turn thread. Dropping the returned future stops the
    /// turn at its next await, as it would if it ran in place.
    pub async fn run<F>(&self, turn: F) -> F::Output
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        let Some(runtime) = &self.runtime else {
            return turn.await;
        };
        let mut handle = AbortOnDrop(runtime.spawn(turn));
        match (&mut handle.0).await {
            Ok(output) => output,
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            // Only the runtime's shutdown cancels a turn, and that happens
            // only when the plugins are dropped.
            Err(e) => panic!("a turn was cancelled by its runtime's shutdown: {e}"),
        }
    }
}

impl Drop for TurnThreads {
    fn drop(&mut self) {
        // A runtime dropped inside another one's async context would block
        // it (and tokio refuses): its threads are left to end on their own.
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

struct AbortOnDrop<T>(tokio::task::JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

fn lower_priority() {
    // SAFETY: setpriority only reads its arguments; on Linux, PRIO_PROCESS
    // with 0 names the calling thread.
    let result = unsafe { libc::setpriority(libc::PRIO_PROCESS as _, 0, TURN_NICE) };
    if result != 0 {
        tracing::debug!(error = %std::io::Error::last_os_error(), "turn thread priority unchanged");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A turn runs on a turn thread, at the lower priority, whatever
    /// runtime awaits it; its panic reaches the caller.
    #[tokio::test]
    async fn turns_run_on_their_own_lower_priority_threads() {
        let threads = TurnThreads::new(1);
        let (name, nice) = threads
            .run(async {
                let name = std::thread::current().name().map(str::to_string);
                // SAFETY: as in `lower_priority`.
                let nice = unsafe { libc::getpriority(libc::PRIO_PROCESS as _, 0) };
                (name, nice)
            })
            .await;
        assert_eq!(name.as_deref(), Some("wasm-turn"));
        // SAFETY: as above.
        let ours = unsafe { libc::getpriority(libc::PRIO_PROCESS as _, 0) };
        assert_eq!(nice, (ours + TURN_NICE).min(19));
        let panicked = tokio::spawn(async move {
            threads
                .run(async { panic!("the guest's host broke") })
                .await
        })
        .await;
        assert!(panicked.expect_err("the panic is the caller's").is_panic());
    }
}
