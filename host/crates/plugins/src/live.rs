//! The live turns a host is running now, so background plugin work (a
//! shadow version's copy of a turn) can wait for the host to be idle
//! instead of taking a core from a customer's turn.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::Notify;

/// A count of live plugin turns, with a wake-up when it falls to zero.
#[derive(Debug)]
pub struct LiveTurns {
    running: AtomicUsize,
    idle: Notify,
    /// When the last live turn started, in µs since `epoch`.
    last_start_us: AtomicU64,
    epoch: Instant,
}

impl Default for LiveTurns {
    fn default() -> Self {
        Self {
            running: AtomicUsize::new(0),
            idle: Notify::new(),
            last_start_us: AtomicU64::new(0),
            epoch: Instant::now(),
        }
    }
}

/// One live turn; dropping it ends the turn.
#[derive(Debug)]
pub struct LiveTurn(Arc<LiveTurns>);

impl LiveTurns {
    /// A live turn starts.
    pub fn enter(self: &Arc<Self>) -> LiveTurn {
        self.running.fetch_add(1, Ordering::SeqCst);
        let now = self.epoch.elapsed().as_micros() as u64;
        self.last_start_us.fetch_max(now, Ordering::SeqCst);
        LiveTurn(self.clone())
    }

    /// Live turns running now.
    pub fn running(&self) -> usize {
        self.running.load(Ordering::SeqCst)
    }

    /// Return once no live turn runs (at once when none does).
    pub async fn idle(&self) {
        loop {
            let notified = self.idle.notified();
            tokio::pin!(notified);
            // Registered before the check, so a turn ending in between
            // still wakes us.
            notified.as_mut().enable();
            if self.running() == 0 {
                return;
            }
            notified.await;
        }
    }
}

impl LiveTurns {
    /// Return once no live turn runs and none started for `quiet`: a
    /// stream of turns leaves gaps between one turn and the next, and
    /// background work started in such a gap would share the cores with
    /// the next turn.
    pub async fn quiet_for(&self, quiet: Duration) {
        loop {
            self.idle().await;
            let last = Duration::from_micros(self.last_start_us.load(Ordering::SeqCst));
            let since = self.epoch.elapsed().saturating_sub(last);
            if since >= quiet && self.running() == 0 {
                return;
            }
            tokio::time::sleep(quiet.saturating_sub(since).max(Duration::from_millis(1))).await;
        }
    }
}

impl Drop for LiveTurn {
    fn drop(&mut self) {
        if self.0.running.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn idle_waits_for_the_last_live_turn() {
        let live = Arc::new(LiveTurns::default());
        live.idle().await; // none running: at once
        let a = live.enter();
        let b = live.enter();
        let waiter = tokio::spawn({
            let live = live.clone();
            async move { live.idle().await }
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!waiter.is_finished(), "idle while two turns run");
        drop(a);
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!waiter.is_finished(), "idle while one turn runs");
        drop(b);
        tokio::time::timeout(Duration::from_secs(5), waiter)
            .await
            .expect("idle once the last turn ended")
            .expect("waiter");
        assert_eq!(live.running(), 0);
    }

    #[tokio::test]
    async fn quiet_waits_out_a_stream_of_turns() {
        let live = Arc::new(LiveTurns::default());
        let quiet = Duration::from_millis(60);
        let waiter = tokio::spawn({
            let live = live.clone();
            async move {
                live.quiet_for(quiet).await;
                Instant::now()
            }
        });
        // Short turns 20 ms apart: never quiet for 60 ms while they last.
        let mut last_start = Instant::now();
        for _ in 0..8 {
            last_start = Instant::now();
            drop(live.enter());
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let at = tokio::time::timeout(Duration::from_secs(5), waiter)
            .await
            .expect("quiet after the stream")
            .expect("waiter");
        assert!(at >= last_start + quiet, "ran before the stream went quiet");
    }
}
