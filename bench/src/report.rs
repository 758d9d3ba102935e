//! Counting what the customers saw: throughput, latency, lost and
//! duplicated replies, refused bad requests, the system's CPU and memory.

use std::collections::HashMap;
use std::time::Duration;

use crate::load::{BadCounts, CustomerLog};
use crate::otlp::Totals;
use crate::procstat::Usage;
use crate::target::{Placement, System, Telemetry};

/// What [`CaseReport::new`] summarises.
pub struct Inputs<'a> {
    pub system: System,
    pub telemetry: Telemetry,
    /// What the OTLP receiver got (traces on).
    pub traces: Option<Totals>,
    pub customers: usize,
    pub logs: &'a [CustomerLog],
    pub elapsed: Duration,
    pub usage: Usage,
    pub bench_cpu: Option<Duration>,
    pub loadavg: String,
    pub strays: u64,
    pub per_number: HashMap<String, u64>,
    /// Messages (not read receipts) the Graph API stand-in got.
    pub graph_sends: u64,
    /// Distinct outbound messages the store recorded as sent (`None`: the
    /// baseline, which stores nothing).
    pub stored_sends: Option<u64>,
    pub placement: Placement,
    /// Store hosts that served the load.
    pub hosts: usize,
}

/// One system's run.
#[derive(Debug, Clone)]
pub struct CaseReport {
    pub system: System,
    pub telemetry: Telemetry,
    pub traces: Option<Totals>,
    pub customers: usize,
    pub elapsed: Duration,
    /// Customer messages sent (good webhooks).
    pub sent: u64,
    /// Good webhooks answered 200.
    pub accepted: u64,
    /// Good webhooks answered anything else (or not at all).
    pub not_accepted: u64,
    /// Accepted messages whose reply reached the Graph API.
    pub replied: u64,
    /// Accepted messages with no reply within the reply timeout.
    pub lost: u64,
    /// Turns marked read more than once, plus the Graph API's messages
    /// beyond the distinct outbound messages the store sent (a message sent
    /// twice).
    pub duplicated: u64,
    /// Turns in which a message body arrived twice. Not a duplicate by
    /// itself: the bench files a message under the customer's latest turn,
    /// so the tail of one reply that arrives after the customer wrote again
    /// lands in the next turn, whose reply may show the same product card.
    /// The exact check is `duplicated` (the store's distinct sends).
    pub repeated_bodies: u64,
    /// Messages the Graph API stand-in got, and the distinct outbound
    /// messages the store recorded as sent (`None`: the baseline).
    pub graph_sends: u64,
    pub stored_sends: Option<u64>,
    /// Graph API requests no turn explains (a bad request answered, …).
    pub unexplained: u64,
    /// Messages (not read receipts) the customers received.
    pub messages: u64,
    pub accepted_per_sec: f64,
    pub replies_per_sec: f64,
    pub latency_p50: Duration,
    pub latency_p99: Duration,
    pub latency_max: Duration,
    pub bad: BadCounts,
    pub usage: Usage,
    pub bench_cpu: Option<Duration>,
    pub loadavg: String,
    pub placement: Placement,
    /// Sends per business number.
    pub per_number: HashMap<String, u64>,
    pub hosts: usize,
}

impl CaseReport {
    pub fn new(i: Inputs<'_>) -> Self {
        let turns = || i.logs.iter().flat_map(|l| l.turns.iter());
        let sent = turns().count() as u64;
        let accepted = turns().filter(|t| t.accepted()).count() as u64;
        let replied = turns().filter(|t| t.accepted() && t.messages > 0).count() as u64;
        let read_twice = turns().filter(|t| t.reads > 1).count() as u64;
        let sent_twice = i
            .stored_sends
            .map_or(0, |stored| i.graph_sends.saturating_sub(stored));
        let duplicated = read_twice + sent_twice;
        let repeated_bodies = turns().filter(|t| t.duplicate_bodies > 0).count() as u64;
        let mut latencies: Vec<Duration> = turns().filter_map(|t| t.latency()).collect();
        latencies.sort();
        let sent_at: Vec<_> = turns().filter_map(|t| t.sent_at).collect();
        let replied_at: Vec<_> = turns().filter_map(|t| t.replied_at).collect();
        let mut bad = BadCounts::default();
        for l in i.logs {
            bad.add(&l.bad);
        }
        Self {
            system: i.system,
            telemetry: i.telemetry,
            traces: i.traces,
            customers: i.customers,
            elapsed: i.elapsed,
            sent,
            accepted,
            not_accepted: sent - accepted,
            replied,
            lost: accepted - replied,
            duplicated,
            repeated_bodies,
            graph_sends: i.graph_sends,
            stored_sends: i.stored_sends,
            unexplained: i.logs.iter().map(|l| u64::from(l.unexplained)).sum::<u64>() + i.strays,
            messages: turns().map(|t| u64::from(t.messages)).sum(),
            accepted_per_sec: rate(accepted, &sent_at),
            replies_per_sec: rate(replied, &replied_at),
            latency_p50: percentile(&latencies, 0.50),
            latency_p99: percentile(&latencies, 0.99),
            latency_max: latencies.last().copied().unwrap_or_default(),
            bad,
            usage: i.usage,
            bench_cpu: i.bench_cpu,
            loadavg: i.loadavg,
            placement: i.placement,
            per_number: i.per_number,
            hosts: i.hosts,
        }
    }

    /// Nothing lost, nothing doubled, every good message taken, every bad
    /// one refused, no stray send.
    pub fn is_clean(&self) -> bool {
        self.lost == 0
            && self.duplicated == 0
            && self.not_accepted == 0
            && self.unexplained == 0
            && self.bad.refused == self.bad.sent
    }

    /// CPU cores the system used on average.
    pub fn cores(&self) -> f64 {
        self.usage.cpu.as_secs_f64() / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The system and, for the store, its telemetry.
    pub fn label(&self) -> String {
        match self.system {
            System::Store(_) if self.hosts > 1 => format!(
                "{}, {} hosts ({})",
                self.system.label(),
                self.hosts,
                self.telemetry.label()
            ),
            System::Store(_) => format!("{} ({})", self.system.label(), self.telemetry.label()),
            System::Baseline => self.system.label(),
        }
    }

    /// The system's CPU time per reply.
    pub fn cpu_per_reply(&self) -> Duration {
        if self.replied == 0 {
            return Duration::ZERO;
        }
        self.usage.cpu / u32::try_from(self.replied).unwrap_or(u32::MAX)
    }

    /// Human-readable, one block.
    pub fn describe(&self) -> String {
        let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
        let mut s = format!(
            "{}\n  customers {}, {:.1} s, load average before: {}\n  \
             sent {}, accepted {} ({:.0}/s), replied {} ({:.0}/s), messages at the Graph API {}\n  \
             webhook→reply p50 {}, p99 {}, max {}\n  \
             lost {}, duplicated {}, not accepted {}, unexplained sends {}, turns with a body repeated {}\n  \
             bad requests: sent {}, refused {}, taken {}, other {}\n  \
             system CPU {:.2} s ({:.2} cores, {:.2} ms per reply), peak RSS {:.1} MiB",
            self.label(),
            self.customers,
            self.elapsed.as_secs_f64(),
            self.loadavg,
            self.sent,
            self.accepted,
            self.accepted_per_sec,
            self.replied,
            self.replies_per_sec,
            self.messages,
            ms(self.latency_p50),
            ms(self.latency_p99),
            ms(self.latency_max),
            self.lost,
            self.duplicated,
            self.not_accepted,
            self.unexplained,
            self.repeated_bodies,
            self.bad.sent,
            self.bad.refused,
            self.bad.taken,
            self.bad.other,
            self.usage.cpu.as_secs_f64(),
            self.cores(),
            self.cpu_per_reply().as_secs_f64() * 1000.0,
            self.usage.peak_rss_kib as f64 / 1024.0,
        );
        if let Some(stored) = self.stored_sends {
            s.push_str(&format!(
                "\n  messages the Graph API got {}, distinct messages the store sent {}",
                self.graph_sends, stored
            ));
        }
        if let Some(t) = self.traces {
            s.push_str(&format!(
                "\n  OTLP receiver: {} export requests, {:.1} KiB",
                t.requests,
                t.bytes as f64 / 1024.0
            ));
        }
        if self.placement == Placement::InProcess {
            s.push_str(" (in-process: includes the load generator)");
        }
        if let Some(b) = self.bench_cpu {
            s.push_str(&format!(
                "\n  load generator + stand-in CPU {:.2} s",
                b.as_secs_f64()
            ));
        }
        s
    }
}

/// Events per second between the first and the last of `times`.
fn rate(count: u64, times: &[tokio::time::Instant]) -> f64 {
    let (Some(first), Some(last)) = (times.iter().min(), times.iter().max()) else {
        return 0.0;
    };
    let span = (*last - *first).as_secs_f64();
    if span <= 0.0 {
        return 0.0;
    }
    count as f64 / span
}

/// The `q` quantile of sorted `v` (nearest rank).
fn percentile(v: &[Duration], q: f64) -> Duration {
    if v.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

/// The Markdown table of a run, baseline first, with ratios against it.
pub fn table(reports: &[CaseReport]) -> String {
    let baseline = reports.iter().find(|r| r.system == System::Baseline);
    let mut out = String::from(
        "| system | accepted msg/s | replies/s | p50 | p99 | max | lost | dup | bad refused/sent | CPU cores | CPU per reply | peak RSS | p50 / baseline |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for r in reports {
        let ratio = baseline
            .filter(|b| b.latency_p50 > Duration::ZERO && r.system != System::Baseline)
            .map(|b| {
                format!(
                    "{:.1}×",
                    r.latency_p50.as_secs_f64() / b.latency_p50.as_secs_f64()
                )
            })
            .unwrap_or_else(|| "–".into());
        out.push_str(&format!(
            "| {} | {:.0} | {:.0} | {:.1} ms | {:.1} ms | {:.1} ms | {} | {} | {}/{} | {:.2} | {:.2} ms | {:.0} MiB | {} |\n",
            r.label(),
            r.accepted_per_sec,
            r.replies_per_sec,
            r.latency_p50.as_secs_f64() * 1000.0,
            r.latency_p99.as_secs_f64() * 1000.0,
            r.latency_max.as_secs_f64() * 1000.0,
            r.lost,
            r.duplicated,
            r.bad.refused,
            r.bad.sent,
            r.cores(),
            r.cpu_per_reply().as_secs_f64() * 1000.0,
            r.usage.peak_rss_kib as f64 / 1024.0,
            ratio,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&v, 0.5), Duration::from_millis(50));
        assert_eq!(percentile(&v, 0.99), Duration::from_millis(99));
        assert_eq!(percentile(&[], 0.5), Duration::ZERO);
    }

    fn report(logs: &[CustomerLog], graph_sends: u64, stored_sends: Option<u64>) -> CaseReport {
        CaseReport::new(Inputs {
            system: System::Store(crate::target::Backend::Sqlite),
            telemetry: Telemetry::Metrics,
            traces: None,
            customers: logs.len(),
            logs,
            elapsed: Duration::from_secs(1),
            usage: Usage::default(),
            bench_cpu: None,
            loadavg: String::new(),
            strays: 0,
            per_number: HashMap::new(),
            graph_sends,
            stored_sends,
            placement: Placement::ChildProcess,
            hosts: 1,
        })
    }

    #[test]
    fn a_message_the_graph_api_got_twice_is_a_duplicate_a_repeated_body_is_not() {
        let mut log = CustomerLog::default();
        let mut turn = crate::load::Turn::default();
        turn.status = 200;
        turn.duplicate_bodies = 1;
        log.turns.push(turn);
        let logs = [log];
        let clean = report(&logs, 4, Some(4));
        assert_eq!((clean.duplicated, clean.repeated_bodies), (0, 1));
        let doubled = report(&logs, 5, Some(4));
        assert_eq!(doubled.duplicated, 1, "one message sent twice");
        assert!(!doubled.is_clean());
        assert_eq!(
            report(&logs, 5, None).duplicated,
            0,
            "the baseline stores nothing"
        );
    }
}
