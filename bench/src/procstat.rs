//! CPU time and memory of a process, from Linux's `/proc`.

use std::time::Duration;

/// CPU time a process used so far (user + system), from `/proc/<pid>/stat`.
pub fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces: count from its `)`.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 here.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    let hz = u64::try_from(hz).ok().filter(|h| *h > 0)?;
    Some(Duration::from_micros(ticks * 1_000_000 / hz))
}

/// A field of `/proc/<pid>/status` in KiB (`VmRSS`, `VmHWM`).
pub fn status_kib(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
}

/// The machine's load averages (1, 5, 15 minutes).
pub fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

/// Raise the open-file limit to the hard limit: a thousand customers hold
/// a thousand connections (children inherit the limit).
pub fn raise_fd_limit() {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: valid pointer to a local rlimit.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) == 0 && lim.rlim_cur < lim.rlim_max {
            lim.rlim_cur = lim.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &lim);
        }
    }
}

/// Samples the CPU and peak resident memory of a system's processes (one
/// per host) over a run: their sums.
pub struct Meter {
    pids: Vec<u32>,
    cpu_start: Duration,
    peak_rss_kib: std::sync::Arc<std::sync::atomic::AtomicU64>,
    sampler: tokio::task::JoinHandle<()>,
}

/// A process's resource use over the measured window.
#[derive(Debug, Clone, Copy, Default)]
pub struct Usage {
    pub cpu: Duration,
    pub peak_rss_kib: u64,
}

impl Meter {
    pub fn start(pids: &[u32]) -> Self {
        let peak = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let p = peak.clone();
        let sampled = pids.to_vec();
        let sampler = tokio::spawn(async move {
            loop {
                let kib = rss_kib(&sampled);
                p.fetch_max(kib, std::sync::atomic::Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        });
        Self {
            pids: pids.to_vec(),
            cpu_start: total_cpu(pids),
            peak_rss_kib: peak,
            sampler,
        }
    }

    pub fn stop(self) -> Usage {
        self.sampler.abort();
        let cpu = total_cpu(&self.pids).saturating_sub(self.cpu_start);
        let last = rss_kib(&self.pids);
        Usage {
            cpu,
            peak_rss_kib: self
                .peak_rss_kib
                .load(std::sync::atomic::Ordering::Relaxed)
                .max(last),
        }
    }
}

/// The CPU time of `pids` together (a process gone counts nothing).
fn total_cpu(pids: &[u32]) -> Duration {
    pids.iter().filter_map(|p| cpu_time(*p)).sum()
}

/// The resident memory of `pids` together, in KiB.
fn rss_kib(pids: &[u32]) -> u64 {
    pids.iter().filter_map(|p| status_kib(*p, "VmRSS")).sum()
}
