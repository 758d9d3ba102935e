//! A plugin sync that failed because the process ran out of something
//! (file descriptors, memory) says nothing about the plugin: the running
//! version keeps serving, no failure is recorded, and the sync is tried
//! again later with a growing delay.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

const FIRST: Duration = Duration::from_secs(1);
const LONGEST: Duration = Duration::from_secs(60);

/// Whether a refusal's reason is the environment's fault, not the plugin's
/// (the `io::Error` texts of EMFILE, ENFILE, ENOMEM, ENOSPC, EAGAIN).
pub fn transient(reason: &str) -> bool {
    const MARKS: &[&str] = &[
        "os error 24)",
        "os error 23)",
        "os error 12)",
        "os error 28)",
        "os error 11)",
        "Too many open files",
        "Cannot allocate memory",
    ];
    MARKS.iter().any(|m| reason.contains(m))
}

/// Scheduled retries per plugin: at most one pending each.
#[derive(Debug, Default)]
pub struct Retries {
    /// Attempts so far and whether one is scheduled.
    plugins: Mutex<HashMap<String, (u32, bool)>>,
}

impl Retries {
    /// The delay of the next retry of `name`, or `None` when one is
    /// already scheduled.
    pub fn schedule(&self, name: &str) -> Option<Duration> {
        let mut p = self.plugins.lock().unwrap_or_else(|e| e.into_inner());
        let (attempts, scheduled) = p.entry(name.to_string()).or_insert((0, false));
        if *scheduled {
            return None;
        }
        *scheduled = true;
        let delay = FIRST
            .saturating_mul(1u32 << (*attempts).min(10))
            .min(LONGEST);
        *attempts += 1;
        Some(delay)
    }

    /// The scheduled retry of `name` is running now.
    pub fn fired(&self, name: &str) {
        let mut p = self.plugins.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, scheduled)) = p.get_mut(name) {
            *scheduled = false;
        }
    }

    /// `name` synced: forget its retries.
    pub fn done(&self, name: &str) {
        self.plugins
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_errors_are_transient_plugin_errors_are_not() {
        let emfile = std::io::Error::from_raw_os_error(24);
        assert!(transient(&format!("/p/x/plugin.toml: {emfile}")));
        assert!(transient(
            &std::io::Error::from_raw_os_error(23).to_string()
        ));
        assert!(!transient("manifest: missing field `version`"));
        assert!(!transient("compile: invalid wasm magic"));
    }

    #[test]
    fn one_retry_at_a_time_with_a_growing_delay() {
        let r = Retries::default();
        assert_eq!(r.schedule("a"), Some(Duration::from_secs(1)));
        assert_eq!(r.schedule("a"), None, "already scheduled");
        r.fired("a");
        assert_eq!(r.schedule("a"), Some(Duration::from_secs(2)));
        r.fired("a");
        for _ in 0..10 {
            r.schedule("a");
            r.fired("a");
        }
        assert_eq!(r.schedule("a"), Some(LONGEST));
        r.done("a");
        assert_eq!(r.schedule("a"), Some(Duration::from_secs(1)));
        assert_eq!(r.schedule("b"), Some(Duration::from_secs(1)));
    }
}
