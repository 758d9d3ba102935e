//! What a turn spends and may spend: the per-turn call budgets, the audit
//! counters of denied calls, the guest CPU meter (host calls excluded, but
//! for `analysis`, the guest's own work done by the host) and
//! the linear-memory limiter.

use super::*;

/// Per-turn call budgets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Budgets {
    /// Every import counts here (log lines, history, state, config...).
    pub host_calls: u32,
    pub catalog_calls: u32,
    pub llm_calls: u32,
    pub state_writes: u32,
    /// Most results of one search/recommend call.
    pub search_limit: u32,
}

impl Default for Budgets {
    fn default() -> Self {
        Self {
            host_calls: 100,
            catalog_calls: 20,
            llm_calls: 3,
            state_writes: 16,
            search_limit: 20,
        }
    }
}

/// Denied host calls of one loaded plugin, for the audit trail: every
/// denial is also a `warn` log line (`host call denied`).
#[derive(Debug, Default)]
pub struct Audit {
    denied: AtomicU64,
    by_capability: Mutex<BTreeMap<&'static str, u64>>,
}

impl Audit {
    /// Denied calls since the plugin was loaded.
    pub fn denied_calls(&self) -> u64 {
        self.denied.load(Ordering::Relaxed)
    }

    /// Denied calls by capability (`catalog`, `llm`, `orders`, `config`).
    pub fn denied_by_capability(&self) -> BTreeMap<&'static str, u64> {
        self.by_capability
            .lock()
            .map(|m| m.clone())
            .unwrap_or_default()
    }

    pub(super) fn record(&self, capability: &'static str) {
        self.denied.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut m) = self.by_capability.lock() {
            *m.entry(capability).or_default() += 1;
        }
    }
}

/// The calling thread's CPU time (Linux), or a monotonic clock elsewhere.
pub(crate) fn cpu_now() -> Duration {
    #[cfg(target_os = "linux")]
    {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable timespec; the clock id is a
        // constant every Linux kernel supports.
        let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
        if rc == 0 {
            return Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32);
        }
    }
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

#[derive(Debug, Default)]
struct MeterState {
    /// Guest CPU time of finished segments.
    spent: Duration,
    /// The CPU clock of the running segment's start, while the guest runs.
    since: Option<Duration>,
    /// Nesting of host calls in progress.
    in_host: u32,
    /// Whether the turn's future is being polled right now.
    polled: bool,
}

/// Guest CPU time of one turn. The runtime brackets every poll of the
/// turn's future ([`Meter::poll_started`] / [`Meter::poll_ended`]) and every
/// host import brackets itself ([`Meter::host_call`]): the guest is running
/// while a poll is in progress and no host call is. CPU time is the polling
/// thread's, so a busy machine does not eat a guest's budget.
#[derive(Debug, Default)]
pub struct Meter {
    state: Mutex<MeterState>,
}

impl Meter {
    fn with<R>(&self, f: impl FnOnce(&mut MeterState) -> R) -> R {
        match self.state.lock() {
            Ok(mut s) => f(&mut s),
            Err(poisoned) => f(&mut poisoned.into_inner()),
        }
    }

    fn resume(s: &mut MeterState) {
        if s.polled && s.in_host == 0 && s.since.is_none() {
            s.since = Some(cpu_now());
        }
    }

    fn pause(s: &mut MeterState) {
        if let Some(since) = s.since.take() {
            s.spent += cpu_now().saturating_sub(since);
        }
    }

    pub fn poll_started(&self) {
        self.with(|s| {
            s.polled = true;
            Self::resume(s);
        });
    }

    pub fn poll_ended(&self) {
        self.with(|s| {
            Self::pause(s);
            s.polled = false;
        });
    }

    /// Guest CPU time so far.
    pub fn guest_cpu(&self) -> Duration {
        self.with(|s| match s.since {
            Some(since) => s.spent + cpu_now().saturating_sub(since),
            None => s.spent,
        })
    }

    /// Stop the guest clock until the guard drops.
    pub fn host_call(self: &Arc<Self>) -> HostCall {
        self.with(|s| {
            Self::pause(s);
            s.in_host += 1;
        });
        HostCall::new(self.clone(), tracing::Span::none())
    }
}

impl agent_store_wit::GuestClock for Meter {
    fn host_call_ended(&self) {
        self.with(|s| {
            s.in_host = s.in_host.saturating_sub(1);
            Meter::resume(s);
        });
    }
}

/// The span of one host call (`kind`: the WIT interface and function,
/// `catalog.search`), a child of the turn's span, naming the plugin and
/// its version; `Span::none()` unless traces are exported (a turn makes
/// several calls: no span bookkeeping when nobody reads them).
pub(super) fn host_call_span(kind: &'static str, scope: &TurnScope) -> tracing::Span {
    if !crate::telemetry::tracing::exporting() {
        return tracing::Span::none();
    }
    tracing::info_span!(
        "plugin.host_call",
        otel.name = kind,
        host_call.kind = kind,
        plugin.name = %scope.plugin,
        plugin.version = %scope.version,
    )
}

/// The store's resource limiter: `StoreLimits` plus a record of the memory
/// cap being hit, so a failed turn can say so.
pub struct GuestLimiter {
    inner: StoreLimits,
    memory_cap: usize,
    /// The size the guest asked for when it hit the cap.
    pub(crate) memory_denied: Option<usize>,
}

impl GuestLimiter {
    pub fn new(memory_cap: usize) -> Self {
        let inner = wasmtime::StoreLimitsBuilder::new()
            .memory_size(memory_cap)
            .instances(32)
            .tables(16)
            .memories(8)
            .trap_on_grow_failure(true)
            .build();
        Self {
            inner,
            memory_cap,
            memory_denied: None,
        }
    }
}

impl ResourceLimiter for GuestLimiter {
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        if desired > self.memory_cap {
            self.memory_denied = Some(desired);
        }
        self.inner.memory_growing(current, desired, maximum)
    }

    fn table_growing(
        &mut self,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        self.inner.table_growing(current, desired, maximum)
    }

    fn instances(&self) -> usize {
        self.inner.instances()
    }

    fn tables(&self) -> usize {
        self.inner.tables()
    }

    fn memories(&self) -> usize {
        self.inner.memories()
    }
}
