//! Per-plugin, per-version turn counters, a sliding window of outcomes for
//! quarantine, and the recent operations log of every plugin.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serde::Serialize;

/// Log lines kept per plugin.
const LOG_LINES: usize = 200;

/// Counters of one version of one plugin.
#[derive(Debug, Default)]
pub struct VersionStats {
    pub turns: AtomicU64,
    pub errors: AtomicU64,
    last_error: Mutex<Option<(DateTime<Utc>, String)>>,
    /// The latest outcomes (true = failed), newest last.
    window: Mutex<VecDeque<bool>>,
}

impl VersionStats {
    /// Record one turn; returns (failures, turns) in the window.
    pub fn record(&self, error: Option<&str>, window: usize) -> (usize, usize) {
        self.turns.fetch_add(1, Ordering::Relaxed);
        if let Some(e) = error {
            self.errors.fetch_add(1, Ordering::Relaxed);
            if let Ok(mut l) = self.last_error.lock() {
                *l = Some((Utc::now(), e.to_string()));
            }
        }
        let Ok(mut w) = self.window.lock() else {
            return (0, 0);
        };
        w.push_back(error.is_some());
        while w.len() > window.max(1) {
            w.pop_front();
        }
        (w.iter().filter(|f| **f).count(), w.len())
    }

    /// (failures, turns) in the window now.
    pub fn window_counts(&self) -> (usize, usize) {
        self.window
            .lock()
            .map(|w| (w.iter().filter(|f| **f).count(), w.len()))
            .unwrap_or((0, 0))
    }

    /// Forget the window (after a quarantine decision).
    pub fn reset_window(&self) {
        if let Ok(mut w) = self.window.lock() {
            w.clear();
        }
    }

    pub fn json(&self) -> serde_json::Value {
        let last = self.last_error.lock().ok().and_then(|l| l.clone());
        serde_json::json!({
            "turns": self.turns.load(Ordering::Relaxed),
            "errors": self.errors.load(Ordering::Relaxed),
            "last_error": last.as_ref().map(|(_, e)| e),
            "last_error_at": last.as_ref().map(|(t, _)| t.to_rfc3339()),
        })
    }
}

/// One line of a plugin's operations log.
#[derive(Debug, Clone, Serialize)]
pub struct LogLine {
    pub at: DateTime<Utc>,
    /// `turn_failed`, `loaded`, `refused`, `rolled_back`, `quarantined`,
    /// `canary_started`, `canary_promoted`, `canary_rolled_back`, `removed`.
    pub event: String,
    pub version: Option<String>,
    pub message: String,
}

/// Stats of every version seen, by `(plugin, version id)`, and logs by plugin.
#[derive(Debug, Default)]
pub struct Stats {
    versions: Mutex<HashMap<(String, String), Arc<VersionStats>>>,
    logs: Mutex<HashMap<String, VecDeque<LogLine>>>,
}

impl Stats {
    pub fn version(&self, plugin: &str, id: &str) -> Arc<VersionStats> {
        let Ok(mut v) = self.versions.lock() else {
            return Arc::default();
        };
        v.entry((plugin.to_string(), id.to_string()))
            .or_default()
            .clone()
    }

    /// Every version of `plugin` seen, with its stats.
    pub fn versions_of(&self, plugin: &str) -> Vec<(String, Arc<VersionStats>)> {
        let Ok(v) = self.versions.lock() else {
            return Vec::new();
        };
        let mut out: Vec<_> = v
            .iter()
            .filter(|((p, _), _)| p == plugin)
            .map(|((_, id), s)| (id.clone(), s.clone()))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    pub fn log(&self, plugin: &str, event: &str, version: Option<&str>, message: &str) {
        let Ok(mut logs) = self.logs.lock() else {
            return;
        };
        let lines = logs.entry(plugin.to_string()).or_default();
        lines.push_back(LogLine {
            at: Utc::now(),
            event: event.to_string(),
            version: version.map(str::to_string),
            message: message.to_string(),
        });
        while lines.len() > LOG_LINES {
            lines.pop_front();
        }
    }

    /// The last `limit` log lines of `plugin`, oldest first.
    pub fn logs(&self, plugin: &str, limit: usize) -> Vec<LogLine> {
        let Ok(logs) = self.logs.lock() else {
            return Vec::new();
        };
        logs.get(plugin)
            .map(|l| {
                let skip = l.len().saturating_sub(limit);
                l.iter().skip(skip).cloned().collect()
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_slides() {
        let s = VersionStats::default();
        for _ in 0..5 {
            s.record(None, 4);
        }
        assert_eq!(s.record(Some("boom"), 4), (1, 4));
        assert_eq!(s.record(Some("boom"), 4), (2, 4));
        assert_eq!(s.window_counts(), (2, 4));
        assert_eq!(s.turns.load(Ordering::Relaxed), 7);
        assert_eq!(s.errors.load(Ordering::Relaxed), 2);
        assert_eq!(s.json()["last_error"], "boom");
        s.reset_window();
        assert_eq!(s.record(None, 4), (0, 1));
    }

    #[test]
    fn logs_keep_the_latest_lines() {
        let s = Stats::default();
        for i in 0..(LOG_LINES + 5) {
            s.log("p", "turn_failed", Some("1"), &format!("line {i}"));
        }
        let l = s.logs("p", 3);
        assert_eq!(l.len(), 3);
        assert_eq!(l[2].message, format!("line {}", LOG_LINES + 4));
        assert_eq!(s.logs("p", 10_000).len(), LOG_LINES);
        assert!(s.logs("q", 3).is_empty());
    }
}
