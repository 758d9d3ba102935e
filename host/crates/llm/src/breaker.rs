//! A circuit breaker per endpoint: after `threshold` consecutive failures
//! the endpoint is skipped (calls fail fast) for `cooldown`; then one trial
//! request is let through, and its success closes the circuit again.

use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct Breaker {
    threshold: u32,
    cooldown: Duration,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    failures: u32,
    open_until: Option<Instant>,
    trial_in_flight: bool,
}

impl Breaker {
    pub fn new(threshold: u32, cooldown: Duration) -> Self {
        Self {
            threshold: threshold.max(1),
            cooldown,
            state: Mutex::new(State::default()),
        }
    }

    /// Whether a request may go out now.
    pub fn allow(&self) -> bool {
        let Ok(mut s) = self.state.lock() else {
            return true;
        };
        match s.open_until {
            None => true,
            Some(until) if Instant::now() < until => false,
            Some(_) if s.trial_in_flight => false,
            Some(_) => {
                s.trial_in_flight = true;
                true
            }
        }
    }

    pub fn success(&self) {
        if let Ok(mut s) = self.state.lock() {
            *s = State::default();
        }
    }

    pub fn failure(&self) {
        if let Ok(mut s) = self.state.lock() {
            s.failures += 1;
            s.trial_in_flight = false;
            if s.failures >= self.threshold {
                s.open_until = Some(Instant::now() + self.cooldown);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_after_threshold_and_half_opens_after_cooldown() {
        let b = Breaker::new(2, Duration::from_millis(0));
        assert!(b.allow());
        b.failure();
        assert!(b.allow(), "one failure keeps it closed");
        b.failure();
        // cooldown 0: the next call is the single trial
        assert!(b.allow(), "trial after cooldown");
        assert!(!b.allow(), "only one trial at a time");
        b.success();
        assert!(b.allow() && b.allow(), "closed again");

        let long = Breaker::new(1, Duration::from_secs(60));
        long.failure();
        assert!(!long.allow(), "open: fail fast");
        assert!(!long.allow(), "still open");
    }
}
