//! Outbound messages this process stored, remembered for a while.
//!
//! Every stage after a turn's commit asks whether a reply is stored before
//! it queues it (the render stage a response, the send stage each message):
//! a message from any other producer must be durable before it is sent.
//! For the pipeline's own replies the answer is always yes, and asking the
//! database cost a read per response and per message (~3.4 of a customer
//! message's ~21 reads). A remembered id is stored for good (only the
//! retention sweep deletes messages, long after they left); an id not
//! remembered (stored by another host, or forgotten) is read as before.

use std::num::NonZeroUsize;
use std::sync::Mutex;

/// Ids remembered at most: a few minutes of replies at 1,000 a second.
const CAPACITY: usize = 65_536;

#[derive(Debug)]
pub(crate) struct StoredHere {
    ids: Mutex<lru::LruCache<String, ()>>,
}

impl Default for StoredHere {
    fn default() -> Self {
        let capacity = NonZeroUsize::new(CAPACITY).unwrap_or(NonZeroUsize::MIN);
        Self {
            ids: Mutex::new(lru::LruCache::new(capacity)),
        }
    }
}

impl StoredHere {
    fn ids(&self) -> std::sync::MutexGuard<'_, lru::LruCache<String, ()>> {
        self.ids.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// `ids` are stored (committed).
    pub(crate) fn remember<'a>(&self, ids: impl IntoIterator<Item = &'a str>) {
        let mut known = self.ids();
        for id in ids {
            known.put(id.to_string(), ());
        }
    }

    /// Whether `id` is known to be stored.
    pub(crate) fn knows(&self, id: &str) -> bool {
        self.ids().get(id).is_some()
    }

    /// Whether every one of `ids` is known to be stored.
    pub(crate) fn knows_all(&self, ids: &[&str]) -> bool {
        let mut known = self.ids();
        ids.iter().all(|id| known.get(*id).is_some())
    }
}
