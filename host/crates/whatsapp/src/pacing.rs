//! Outbound pacing, so the host never trips Meta's throughput limits: a
//! token bucket per business number (Meta's default is 80 messages/s) and a
//! minimum gap between two messages to the same customer (Meta's pair rate
//! limit, error 131056).
//!
//! Slots are reserved (GCRA, the "virtual scheduling" form of a token
//! bucket): each caller gets the earliest instant both limits allow and
//! moves them forward, then sleeps until then. Concurrent callers therefore
//! queue fairly without a background task.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// Pacing limits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PaceLimits {
    /// Messages per second per business number; `<= 0` disables pacing.
    pub per_second: f64,
    /// Messages a number may send back to back before pacing starts.
    pub burst: u32,
    /// Minimum gap between two messages to one customer from one number.
    pub recipient_gap: Duration,
}

#[derive(Debug, Default)]
struct State {
    /// Theoretical arrival time of the next message, per number.
    numbers: HashMap<String, Instant>,
    /// Earliest next message, per (number, recipient).
    recipients: HashMap<(String, String), Instant>,
}

/// Per-number and per-recipient pacing.
#[derive(Debug)]
pub struct Pacer {
    limits: PaceLimits,
    state: Mutex<State>,
}

/// Entries kept before stale recipients are pruned.
const PRUNE_AT: usize = 10_000;

impl Pacer {
    pub fn new(limits: PaceLimits) -> Self {
        Self {
            limits,
            state: Mutex::new(State::default()),
        }
    }

    /// Reserve the next slot for a message from `number` to `recipient`:
    /// the instant it may be sent.
    pub fn reserve(&self, number: &str, recipient: &str) -> Instant {
        self.reserve_at(number, recipient, Instant::now())
    }

    /// [`Self::reserve`] at a given instant (deterministic tests).
    pub fn reserve_at(&self, number: &str, recipient: &str, now: Instant) -> Instant {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let mut at = now;
        if self.limits.per_second > 0.0 {
            // The number's token is taken at the slot the bucket allows;
            // a customer's gap may delay the send itself further without
            // holding other customers up.
            let interval = Duration::from_secs_f64(1.0 / self.limits.per_second);
            let tolerance = interval * self.limits.burst.saturating_sub(1);
            let tat = s.numbers.get(number).copied().unwrap_or(now);
            at = at.max(tat.checked_sub(tolerance).unwrap_or(now));
            s.numbers.insert(number.to_string(), tat.max(at) + interval);
        }
        if !self.limits.recipient_gap.is_zero() {
            let key = (number.to_string(), recipient.to_string());
            if let Some(next) = s.recipients.get(&key) {
                at = at.max(*next);
            }
            s.recipients.insert(key, at + self.limits.recipient_gap);
        }
        if s.recipients.len() > PRUNE_AT {
            s.recipients.retain(|_, next| *next > now);
        }
        at
    }

    /// Wait for the next slot of `number` → `recipient`.
    pub async fn wait(&self, number: &str, recipient: &str) {
        let at = self.reserve(number, recipient);
        if at > Instant::now() {
            tokio::time::sleep_until(at).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(d: Duration) -> u128 {
        d.as_millis()
    }

    #[test]
    fn a_number_is_paced_after_its_burst() {
        let p = Pacer::new(PaceLimits {
            per_second: 10.0,
            burst: 3,
            recipient_gap: Duration::ZERO,
        });
        let t0 = Instant::now();
        let slots: Vec<u128> = (0..6)
            .map(|i| ms(p.reserve_at("PN", &format!("c{i}"), t0) - t0))
            .collect();
        assert_eq!(slots, [0, 0, 0, 100, 200, 300]);
        // Another number has its own bucket.
        assert_eq!(ms(p.reserve_at("PN2", "c0", t0) - t0), 0);
    }

    #[test]
    fn one_customer_gets_a_minimum_gap() {
        let p = Pacer::new(PaceLimits {
            per_second: 1000.0,
            burst: 100,
            recipient_gap: Duration::from_millis(250),
        });
        let t0 = Instant::now();
        let a: Vec<u128> = (0..3)
            .map(|_| ms(p.reserve_at("PN", "ana", t0) - t0))
            .collect();
        assert_eq!(a, [0, 250, 500]);
        assert_eq!(
            ms(p.reserve_at("PN", "bo", t0) - t0),
            0,
            "others are not held up"
        );
        assert_eq!(
            ms(p.reserve_at("PN2", "ana", t0) - t0),
            0,
            "the pair is (number, customer)"
        );
    }

    #[test]
    fn the_bucket_refills_with_time() {
        let p = Pacer::new(PaceLimits {
            per_second: 10.0,
            burst: 2,
            recipient_gap: Duration::ZERO,
        });
        let t0 = Instant::now();
        let slots: Vec<u128> = (0..4)
            .map(|_| ms(p.reserve_at("PN", "x", t0) - t0))
            .collect();
        assert_eq!(slots, [0, 0, 100, 200]);
        let later = t0 + Duration::from_secs(5);
        let again: Vec<u128> = (0..3)
            .map(|_| ms(p.reserve_at("PN", "x", later) - later))
            .collect();
        assert_eq!(again, [0, 0, 100], "a full burst again after idling");
    }

    #[test]
    fn disabled_pacing_never_waits() {
        let p = Pacer::new(PaceLimits {
            per_second: 0.0,
            burst: 0,
            recipient_gap: Duration::ZERO,
        });
        let t0 = Instant::now();
        for _ in 0..100 {
            assert_eq!(p.reserve_at("PN", "x", t0), t0);
        }
    }
}
