//! The embedded bus: tokio channels, one ordered lane per (group, shard).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use async_trait::async_trait;
use cloudevents::{AttributesReader, Event};
use tokio::sync::{Notify, RwLock, mpsc};

use super::delivery::{DeadLetters, Settled, deliver};
use super::{Bus, BusError, Handler, RetryPolicy};
use agent_store_events::EventType;

/// Lanes per consumer group unless set ([`InProcessBus::with_lanes`],
/// `bus.shards`): the parallelism across conversations.
const DEFAULT_LANES: usize = super::config::DEFAULT_IN_PROCESS_LANES as usize;

struct Group {
    name: String,
    types: Vec<EventType>,
    lanes: Vec<mpsc::UnboundedSender<Event>>,
    /// Events queued for the group and not yet finished (its lag).
    pending: Arc<AtomicUsize>,
}

/// Counts events published but not yet handled, so `idle` can wait.
#[derive(Default)]
struct InFlight {
    count: AtomicUsize,
    zero: Notify,
}

impl InFlight {
    fn add(&self) {
        self.count.fetch_add(1, Ordering::SeqCst);
    }
    fn done(&self) {
        if self.count.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.zero.notify_waiters();
        }
    }
}

/// In-process CloudEvents bus (the embedded default).
pub struct InProcessBus {
    groups: RwLock<Vec<Group>>,
    in_flight: Arc<InFlight>,
    retry: RetryPolicy,
    parked: Arc<AtomicUsize>,
    dead_letters: Option<Arc<dyn DeadLetters>>,
    /// Ordered lanes per group (a conversation's events share one).
    lanes: usize,
}

impl Default for InProcessBus {
    fn default() -> Self {
        Self::new(RetryPolicy::default())
    }
}

impl InProcessBus {
    pub fn new(retry: RetryPolicy) -> Self {
        Self::with_dead_letters(retry, None)
    }

    /// A bus that parks failed events in `dead_letters` (else they are
    /// only counted and logged).
    pub fn with_dead_letters(
        retry: RetryPolicy,
        dead_letters: Option<Arc<dyn DeadLetters>>,
    ) -> Self {
        Self {
            groups: RwLock::new(Vec::new()),
            in_flight: Arc::new(InFlight::default()),
            retry,
            parked: Arc::new(AtomicUsize::new(0)),
            dead_letters,
            lanes: DEFAULT_LANES,
        }
    }

    /// Handle each group's events on `lanes` ordered lanes (at least one).
    /// A lane waits for its handler, so this bounds how many events of a
    /// group are in progress at once: enough to keep the cores busy while
    /// handlers wait for the database.
    pub fn with_lanes(mut self, lanes: usize) -> Self {
        self.lanes = lanes.max(1);
        self
    }

    /// Events that exhausted their retries.
    pub fn parked(&self) -> usize {
        self.parked.load(Ordering::SeqCst)
    }
}

fn lane_of(event: &Event, lanes: usize) -> usize {
    let mut h = DefaultHasher::new();
    event.subject().unwrap_or_else(|| event.id()).hash(&mut h);
    (h.finish() as usize) % lanes
}

#[async_trait]
impl Bus for InProcessBus {
    async fn publish(&self, event: Event) -> Result<(), BusError> {
        agent_store_telemetry::metrics::bus_published(event.ty());
        let ty = EventType::parse(event.ty());
        let groups = self.groups.read().await;
        for group in groups.iter() {
            if ty.is_some_and(|t| group.types.contains(&t)) {
                self.in_flight.add();
                group.pending.fetch_add(1, Ordering::SeqCst);
                if group.lanes[lane_of(&event, group.lanes.len())]
                    .send(event.clone())
                    .is_err()
                {
                    group.pending.fetch_sub(1, Ordering::SeqCst);
                    self.in_flight.done();
                    return Err(BusError::Closed);
                }
            }
        }
        tracing::debug!(r#type = event.ty(), id = event.id(), "event published");
        Ok(())
    }

    async fn subscribe(
        &self,
        group: &str,
        types: &[EventType],
        handler: Arc<dyn Handler>,
    ) -> Result<(), BusError> {
        let mut groups = self.groups.write().await;
        if groups.iter().any(|g| g.name == group) {
            return Err(BusError::DuplicateGroup(group.to_string()));
        }
        let mut lanes = Vec::with_capacity(self.lanes);
        let pending = Arc::new(AtomicUsize::new(0));
        for _ in 0..self.lanes {
            let (tx, rx) = mpsc::unbounded_channel();
            lanes.push(tx);
            tokio::spawn(run_lane(
                Lane {
                    group: group.to_string(),
                    handler: handler.clone(),
                    retry: self.retry,
                    in_flight: self.in_flight.clone(),
                    pending: pending.clone(),
                    parked: self.parked.clone(),
                    dead_letters: self.dead_letters.clone(),
                },
                rx,
            ));
        }
        groups.push(Group {
            name: group.to_string(),
            types: types.to_vec(),
            lanes,
            pending,
        });
        Ok(())
    }

    async fn lag(&self) -> Result<Vec<(String, u64)>, BusError> {
        let groups = self.groups.read().await;
        Ok(groups
            .iter()
            .map(|g| (g.name.clone(), g.pending.load(Ordering::SeqCst) as u64))
            .collect())
    }

    async fn idle(&self) {
        loop {
            let notified = self.in_flight.zero.notified();
            if self.in_flight.count.load(Ordering::SeqCst) == 0 {
                return;
            }
            notified.await;
        }
    }
}

/// What one lane needs.
struct Lane {
    group: String,
    handler: Arc<dyn Handler>,
    retry: RetryPolicy,
    in_flight: Arc<InFlight>,
    /// The group's pending count, shared by its lanes.
    pending: Arc<AtomicUsize>,
    parked: Arc<AtomicUsize>,
    dead_letters: Option<Arc<dyn DeadLetters>>,
}

/// One ordered lane: handle events one by one, retrying transient errors
/// with backoff and parking the rest.
async fn run_lane(lane: Lane, mut rx: mpsc::UnboundedReceiver<Event>) {
    let group = lane.group.as_str();
    while let Some(event) = rx.recv().await {
        let store = lane.dead_letters.as_deref();
        // An in-process lane never loses its events to another owner.
        let settled = deliver(
            group,
            lane.handler.as_ref(),
            &event,
            lane.retry,
            store,
            &|| true,
        );
        if let Settled::Parked { .. } = settled.await {
            lane.parked.fetch_add(1, Ordering::SeqCst);
        }
        lane.pending.fetch_sub(1, Ordering::SeqCst);
        lane.in_flight.done();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use agent_store_events::{self as events, Context, PluginFailed};
    use std::sync::Mutex;

    struct Record(Mutex<Vec<String>>, AtomicUsize);

    #[async_trait]
    impl Handler for Record {
        async fn handle(&self, event: Event) -> anyhow::Result<()> {
            // Fail the first delivery of "flaky" once to exercise retries.
            let p: PluginFailed = events::payload(&event)?;
            if p.reason == "flaky" && self.1.fetch_add(1, Ordering::SeqCst) == 0 {
                anyhow::bail!("transient");
            }
            self.0.lock().expect("lock").push(p.reason);
            Ok(())
        }
    }

    fn ev(subject: &str, reason: &str) -> Event {
        let p = PluginFailed {
            plugin: "p".into(),
            version: "1".into(),
            reason: reason.into(),
            conversation_id: None,
        };
        let ctx = Context {
            source: "/test",
            subject: Some(subject),
            ..Default::default()
        };
        events::build(&ctx, &p).expect("event")
    }

    #[tokio::test]
    async fn per_subject_order_retries_and_groups() {
        let bus = InProcessBus::new(RetryPolicy {
            attempts: 3,
            backoff: std::time::Duration::from_millis(1),
        });
        let a = Arc::new(Record(Mutex::new(vec![]), AtomicUsize::new(0)));
        let b = Arc::new(Record(Mutex::new(vec![]), AtomicUsize::new(0)));
        bus.subscribe("a", &[EventType::PluginFailed], a.clone())
            .await
            .expect("sub a");
        bus.subscribe("b", &[EventType::PluginFailed], b.clone())
            .await
            .expect("sub b");
        assert!(bus.subscribe("a", &[], a.clone()).await.is_err());
        bus.publish(ev("c1", "flaky")).await.expect("pub");
        for i in 0..50 {
            bus.publish(ev("c1", &i.to_string())).await.expect("pub");
        }
        bus.idle().await;
        let seen = a.0.lock().expect("lock").clone();
        let expected: Vec<String> = std::iter::once("flaky".to_string())
            .chain((0..50).map(|i| i.to_string()))
            .collect();
        assert_eq!(
            seen, expected,
            "one subject keeps publish order across a retry"
        );
        assert_eq!(
            b.0.lock().expect("lock").len(),
            51,
            "every group gets every event"
        );
        assert_eq!(bus.parked(), 0);
    }

    /// Counts the events in progress at once; each waits until `want` are.
    struct Concurrent {
        now: AtomicUsize,
        want: usize,
        all_in: Notify,
    }

    #[async_trait]
    impl Handler for Concurrent {
        async fn handle(&self, _event: Event) -> anyhow::Result<()> {
            let all_in = self.all_in.notified();
            if self.now.fetch_add(1, Ordering::SeqCst) + 1 >= self.want {
                self.all_in.notify_waiters();
                return Ok(());
            }
            all_in.await;
            Ok(())
        }
    }

    /// `with_lanes` is how many conversations a group handles at once: 16
    /// conversations on 16 lanes are all in progress together (each
    /// handler waits for the others, so fewer lanes would never finish).
    #[tokio::test]
    async fn a_group_handles_as_many_conversations_at_once_as_it_has_lanes() {
        const LANES: usize = 16;
        let bus = InProcessBus::default().with_lanes(LANES);
        let handler = Arc::new(Concurrent {
            now: AtomicUsize::new(0),
            want: LANES,
            all_in: Notify::new(),
        });
        bus.subscribe("g", &[EventType::PluginFailed], handler.clone())
            .await
            .expect("sub");
        // One conversation per lane.
        let mut taken = [false; LANES];
        let mut subject = 0;
        for _ in 0..LANES {
            let event = loop {
                subject += 1;
                let event = ev(&format!("conversation-{subject}"), "x");
                if !std::mem::replace(&mut taken[lane_of(&event, LANES)], true) {
                    break event;
                }
            };
            bus.publish(event).await.expect("pub");
        }
        tokio::time::timeout(std::time::Duration::from_secs(10), bus.idle())
            .await
            .expect("all 16 conversations were in progress at once");
        assert_eq!(handler.now.load(Ordering::SeqCst), LANES);
    }

    /// Holds every event until released.
    struct Gate(tokio::sync::Semaphore);

    #[async_trait]
    impl Handler for Gate {
        async fn handle(&self, _event: Event) -> anyhow::Result<()> {
            self.0.acquire().await?.forget();
            Ok(())
        }
    }

    async fn lag_of(bus: &InProcessBus) -> std::collections::HashMap<String, u64> {
        bus.lag().await.expect("lag").into_iter().collect()
    }

    #[tokio::test]
    async fn lag_counts_what_each_group_has_not_finished() {
        let bus = InProcessBus::default();
        let slow = Arc::new(Gate(tokio::sync::Semaphore::new(0)));
        let fast = Arc::new(Record(Mutex::new(vec![]), AtomicUsize::new(0)));
        bus.subscribe("slow", &[EventType::PluginFailed], slow.clone())
            .await
            .expect("sub slow");
        bus.subscribe("fast", &[EventType::PluginFailed], fast.clone())
            .await
            .expect("sub fast");
        for i in 0..5 {
            bus.publish(ev(&format!("c{i}"), "ok")).await.expect("pub");
        }
        // The fast group finishes; the slow one holds all five.
        let lag = tokio::time::timeout(std::time::Duration::from_secs(10), async {
            loop {
                let lag = lag_of(&bus).await;
                if lag["fast"] == 0 {
                    return lag;
                }
                tokio::task::yield_now().await;
            }
        })
        .await
        .expect("the fast group finishes");
        assert_eq!(lag["slow"], 5);
        assert_eq!(fast.0.lock().expect("lock").len(), 5);
        slow.0.add_permits(5);
        bus.idle().await;
        assert_eq!(lag_of(&bus).await["slow"], 0);
    }

    /// Fails `permanent` reasons permanently, `transient` ones always.
    struct Failing(Mutex<Vec<String>>);

    #[async_trait]
    impl Handler for Failing {
        async fn handle(&self, event: Event) -> anyhow::Result<()> {
            let p: PluginFailed = events::payload(&event)?;
            self.0.lock().expect("lock").push(p.reason.clone());
            match p.reason.as_str() {
                "permanent" => Err(crate::permanent("cannot ever work")),
                "transient" => anyhow::bail!("database unavailable"),
                _ => Ok(()),
            }
        }
    }

    #[derive(Default)]
    struct Store(Mutex<Vec<(String, bool, u32)>>);

    #[async_trait]
    impl DeadLetters for Store {
        async fn park(&self, p: &crate::ParkedEvent<'_>) -> anyhow::Result<()> {
            self.0
                .lock()
                .expect("lock")
                .push((p.event.id().to_string(), p.permanent, p.attempts));
            Ok(())
        }
    }

    #[tokio::test]
    async fn permanent_failures_are_parked_at_once_transient_after_retries() {
        let store = Arc::new(Store::default());
        let bus = InProcessBus::with_dead_letters(
            RetryPolicy {
                attempts: 3,
                backoff: std::time::Duration::from_millis(1),
            },
            Some(store.clone()),
        );
        let h = Arc::new(Failing(Mutex::new(vec![])));
        bus.subscribe("g", &[EventType::PluginFailed], h.clone())
            .await
            .expect("sub");
        let p = ev("c1", "permanent");
        let t = ev("c1", "transient");
        bus.publish(p.clone()).await.expect("pub");
        bus.publish(t.clone()).await.expect("pub");
        bus.publish(ev("c1", "fine")).await.expect("pub");
        bus.idle().await;
        assert_eq!(
            h.0.lock().expect("lock").clone(),
            ["permanent", "transient", "transient", "transient", "fine"],
            "a permanent failure is tried once, a transient one retried"
        );
        assert_eq!(
            store.0.lock().expect("lock").clone(),
            vec![
                (p.id().to_string(), true, 1),
                (t.id().to_string(), false, 3)
            ]
        );
        assert_eq!(bus.parked(), 2);
    }

    /// The database down: the handler fails on it and the dead-letter
    /// store refuses the event too, until it is back.
    struct Outage {
        failures_left: AtomicUsize,
        handled: Mutex<Vec<String>>,
        parked: Mutex<Vec<String>>,
    }

    impl Outage {
        fn down(&self) -> bool {
            self.failures_left.load(Ordering::SeqCst) > 0
        }
    }

    #[async_trait]
    impl Handler for Outage {
        async fn handle(&self, event: Event) -> anyhow::Result<()> {
            let p: PluginFailed = events::payload(&event)?;
            if self
                .failures_left
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                .is_ok()
            {
                anyhow::bail!("database unavailable");
            }
            self.handled.lock().expect("lock").push(p.reason);
            Ok(())
        }
    }

    #[async_trait]
    impl DeadLetters for Outage {
        async fn park(&self, p: &crate::ParkedEvent<'_>) -> anyhow::Result<()> {
            if self.down() {
                anyhow::bail!("database unavailable");
            }
            self.parked
                .lock()
                .expect("lock")
                .push(p.event.id().to_string());
            Ok(())
        }
    }

    /// An event whose handler fails transiently while the dead-letter
    /// store cannot take it either (storage down) is held and tried again
    /// until storage is back — then handled, not parked and not dropped —
    /// and the events behind it wait their turn.
    #[tokio::test]
    async fn an_event_neither_handled_nor_parkable_is_held_until_storage_is_back() {
        let outage = Arc::new(Outage {
            // Two rounds of three tries, then two more failures.
            failures_left: AtomicUsize::new(8),
            handled: Mutex::new(vec![]),
            parked: Mutex::new(vec![]),
        });
        let bus = InProcessBus::with_dead_letters(
            RetryPolicy {
                attempts: 3,
                backoff: std::time::Duration::from_millis(1),
            },
            Some(outage.clone()),
        );
        bus.subscribe("g", &[EventType::PluginFailed], outage.clone())
            .await
            .expect("sub");
        bus.publish(ev("c1", "first")).await.expect("pub");
        bus.publish(ev("c1", "second")).await.expect("pub");
        bus.idle().await;
        assert_eq!(
            outage.handled.lock().expect("lock").clone(),
            ["first", "second"],
            "held, then handled, in order"
        );
        assert!(outage.parked.lock().expect("lock").is_empty());
        assert_eq!(bus.parked(), 0);
        assert_eq!(outage.failures_left.load(Ordering::SeqCst), 0);
    }
}
