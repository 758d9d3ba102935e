//! Canary releases and quarantine: the pure decisions, so they are easy to
//! test; [`super::Plugins`] applies them.
//!
//! - A canary serves `percent` of customers, chosen by a stable hash of the
//!   plugin name and the customer (so a customer stays on one version).
//! - It is promoted after `promote_after` clean turns, and rolled back as
//!   soon as (after `min_turns`) its failure rate exceeds the active
//!   version's over the same period by more than `margin`.
//! - An active version failing more than `failure_share` of the last
//!   `window` turns (once it has served `min_turns` of them) is quarantined:
//!   rolled back to the previous version.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::runtime::LoadedPlugin;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CanaryPolicy {
    /// Clean (successful) canary turns before it replaces the active version.
    pub promote_after: u64,
    /// Canary turns before its failure rate is judged.
    pub min_turns: u64,
    /// How much worse than the active version's failure rate (0..1) is
    /// tolerated.
    pub margin: f64,
}

impl Default for CanaryPolicy {
    fn default() -> Self {
        Self {
            promote_after: 50,
            min_turns: 5,
            margin: 0.1,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuarantinePolicy {
    /// Turns of the sliding window.
    pub window: usize,
    /// Turns in the window before it is judged.
    pub min_turns: usize,
    /// Share of failed turns (0..1) above which the version is quarantined.
    pub failure_share: f64,
}

impl Default for QuarantinePolicy {
    fn default() -> Self {
        Self {
            window: 50,
            min_turns: 10,
            failure_share: 0.5,
        }
    }
}

impl QuarantinePolicy {
    pub fn trips(&self, failures: usize, turns: usize) -> bool {
        turns >= self.min_turns.max(1) && failures as f64 > self.failure_share * turns as f64
    }
}

/// What to do with a canary.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Continue,
    Promote,
    RollBack(String),
}

/// A version on trial next to the active one.
#[derive(Debug)]
pub struct Canary {
    pub plugin: Arc<LoadedPlugin>,
    pub percent: u8,
    pub started_at: chrono::DateTime<chrono::Utc>,
    pub turns: AtomicU64,
    pub errors: AtomicU64,
    /// The active version's turns and errors since the canary started.
    pub base_turns: AtomicU64,
    pub base_errors: AtomicU64,
    /// Set once it was promoted or rolled back.
    pub decided: AtomicBool,
}

impl Canary {
    pub fn new(plugin: Arc<LoadedPlugin>, percent: u8) -> Self {
        Self {
            plugin,
            percent: percent.min(100),
            started_at: chrono::Utc::now(),
            turns: AtomicU64::new(0),
            errors: AtomicU64::new(0),
            base_turns: AtomicU64::new(0),
            base_errors: AtomicU64::new(0),
            decided: AtomicBool::new(false),
        }
    }

    /// Whether the customer `key` is on the canary.
    pub fn serves(&self, key: &str) -> bool {
        bucket(&self.plugin.manifest.name, key) < self.percent
    }

    pub fn record(&self, failed: bool) {
        self.turns.fetch_add(1, Ordering::Relaxed);
        if failed {
            self.errors.fetch_add(1, Ordering::Relaxed);
        }
    }

    pub fn record_base(&self, failed: bool) {
        self.base_turns.fetch_add(1, Ordering::Relaxed);
        if failed {
            self.base_errors.fetch_add(1, Ordering::Relaxed);
        }
    }

    pub fn judge(&self, policy: &CanaryPolicy) -> Verdict {
        judge(
            policy,
            self.turns.load(Ordering::Relaxed),
            self.errors.load(Ordering::Relaxed),
            self.base_turns.load(Ordering::Relaxed),
            self.base_errors.load(Ordering::Relaxed),
        )
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "version": self.plugin.manifest.version,
            "digest": self.plugin.digest,
            "percent": self.percent,
            "started_at": self.started_at.to_rfc3339(),
            "turns": self.turns.load(Ordering::Relaxed),
            "errors": self.errors.load(Ordering::Relaxed),
            "active_turns": self.base_turns.load(Ordering::Relaxed),
            "active_errors": self.base_errors.load(Ordering::Relaxed),
        })
    }
}

/// 0..100, stable for a (plugin, customer) pair across restarts.
pub fn bucket(plugin: &str, key: &str) -> u8 {
    let d = Sha256::new()
        .chain_update(plugin.as_bytes())
        .chain_update([0])
        .chain_update(key.as_bytes())
        .finalize();
    (u64::from_le_bytes([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]]) % 100) as u8
}

pub fn judge(
    policy: &CanaryPolicy,
    turns: u64,
    errors: u64,
    base_turns: u64,
    base_errors: u64,
) -> Verdict {
    let rate = |e: u64, t: u64| if t == 0 { 0.0 } else { e as f64 / t as f64 };
    let (canary, base) = (rate(errors, turns), rate(base_errors, base_turns));
    if errors > 0 && turns >= policy.min_turns.max(1) && canary > base + policy.margin {
        return Verdict::RollBack(format!(
            "canary failed {errors} of {turns} turns ({:.0}%), the active version {base_errors} of {base_turns} ({:.0}%); margin {:.0}%",
            canary * 100.0,
            base * 100.0,
            policy.margin * 100.0
        ));
    }
    if turns.saturating_sub(errors) >= policy.promote_after {
        return Verdict::Promote;
    }
    Verdict::Continue
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_stable_and_spread() {
        assert_eq!(
            bucket("seller-tech", "15550001"),
            bucket("seller-tech", "15550001")
        );
        let under_30 = (0..2000)
            .filter(|i| bucket("seller-tech", &format!("1555{i}")) < 30)
            .count();
        assert!(
            (450..750).contains(&under_30),
            "{under_30} of 2000 under 30%"
        );
    }

    #[test]
    fn verdicts() {
        let p = CanaryPolicy {
            promote_after: 10,
            min_turns: 4,
            margin: 0.1,
        };
        assert_eq!(judge(&p, 3, 3, 10, 0), Verdict::Continue, "too few turns");
        assert!(matches!(judge(&p, 4, 2, 10, 0), Verdict::RollBack(_)));
        assert_eq!(
            judge(&p, 4, 2, 10, 5),
            Verdict::Continue,
            "no worse than active"
        );
        assert_eq!(judge(&p, 10, 0, 0, 0), Verdict::Promote);
        assert_eq!(
            judge(&p, 11, 1, 10, 1),
            Verdict::Promote,
            "within the margin"
        );
        assert_eq!(judge(&p, 9, 0, 10, 0), Verdict::Continue);
    }

    #[test]
    fn quarantine_trips_above_the_share() {
        let q = QuarantinePolicy {
            window: 10,
            min_turns: 4,
            failure_share: 0.5,
        };
        assert!(!q.trips(3, 3), "too few turns");
        assert!(!q.trips(2, 4), "exactly half is not more than half");
        assert!(q.trips(3, 4));
    }
}
