//! The pooling allocator's configuration: the slots every turn's fresh
//! instance is allocated from, and how a slot is reset between turns.
//!
//! A turn's instance writes a few hundred KiB to a MiB of its linear memory
//! (the SDK's heap, the products a search copied in). By default wasmtime
//! resets a freed slot with `madvise(MADV_DONTNEED)`, which hands the pages
//! back to the kernel, so the next turn page-faults every page it touches
//! again (~25 faults per seller turn, each a kernel entry and a zeroed
//! page). Instead the slot keeps up to `[plugins] keep_resident_bytes`
//! ([`DEFAULT_KEEP_RESIDENT`] unless set) of its
//! memory resident and resets them itself: with Linux's `PAGEMAP_SCAN`
//! (kernel 6.7+) only the pages the turn wrote are copied back from the
//! module's initial image or zeroed; without it, the low `keep` bytes are
//! zeroed with `memset`. Either way a new instance sees exactly the memory
//! a fresh one would (`tests::a_reused_slot_starts_as_a_fresh_instance`):
//! the sandbox's "nothing leaks between turns" does not change, only who
//! zeroes the pages.

use wasmtime::{Enabled, PoolingAllocationConfig};

use super::runtime::TurnLimits;

/// What a seller turn of the demo plugins touches, with room to spare.
pub const DEFAULT_KEEP_RESIDENT: usize = 4 << 20;

/// Tables are small (a guest's function table): their whole slot.
const TABLE_KEEP_RESIDENT: usize = 64 << 10;

/// The pool for plugins that may use at most `limits`, keeping `keep`
/// bytes of each memory slot resident between instances.
pub fn config(limits: &TurnLimits, keep: usize) -> PoolingAllocationConfig {
    let mut pool = PoolingAllocationConfig::default();
    // Sized for a few hundred concurrent turns of small guests; a slot
    // is virtual address space, not resident memory. Slots are larger
    // than any plugin's cap so that the store limiter, which knows the
    // plugin's own cap and reports it, is what refuses growth.
    pool.total_component_instances(512)
        .total_core_instances(4096)
        .total_memories(1024)
        .total_tables(1024)
        .max_memories_per_component(8)
        .max_tables_per_component(8)
        .max_core_instances_per_component(32)
        .max_memory_size(limits.memory_bytes.max(1 << 20) * 2);
    if keep > 0 {
        // `Auto`: the scan where the kernel has it, else `memset` of the
        // low `keep` bytes. Resident memory is bounded by the slots in use
        // at once (each keeps at most `keep`), and a slot that sat unused
        // among more than `max_unused_warm_slots` others is decommitted.
        pool.linear_memory_keep_resident(keep)
            .table_keep_resident(TABLE_KEEP_RESIDENT.min(keep))
            .pagemap_scan(Enabled::Auto);
    }
    pool
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plugins::tiers::{self, EngineSpec, Tier};
    use wasmtime::{Instance, Module, Store};

    /// A module of one 4 MiB memory whose `turn` returns the sum of two
    /// words (at 100 and at 3 MiB) and then writes 1 and 7 there: a fresh
    /// instance returns 0; an instance that saw an earlier one's memory
    /// returns 8.
    const SNOOP: &[u8] = &[
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
        0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, // type: [] -> [i32]
        0x03, 0x02, 0x01, 0x00, // function 0: type 0
        0x05, 0x04, 0x01, 0x01, 0x40, 0x40, // memory: 64 pages, max 64
        0x07, 0x08, 0x01, 0x04, b't', b'u', b'r', b'n', 0x00, 0x00, // export "turn"
        0x0a, 0x25, 0x01, 0x23, 0x00, // code: one body of 35 bytes, no locals
        0x41, 0xe4, 0x00, 0x28, 0x02, 0x00, // i32.load (100)
        0x41, 0x80, 0x80, 0xc0, 0x01, 0x28, 0x02, 0x00, // i32.load (3 MiB)
        0x6a, // i32.add
        0x41, 0xe4, 0x00, 0x41, 0x01, 0x36, 0x02, 0x00, // i32.store (100) 1
        0x41, 0x80, 0x80, 0xc0, 0x01, 0x41, 0x07, 0x36, 0x02, 0x00, // i32.store (3 MiB) 7
        0x0b,
    ];

    #[test]
    fn the_pool_keeps_resident_what_it_is_told() {
        let pool = config(&TurnLimits::default(), 0);
        assert_eq!(pool.get_memory_keep_resident(), 0);
        let pool = config(&TurnLimits::default(), 2 << 20);
        assert_eq!(pool.get_memory_keep_resident(), 2 << 20);
        assert_eq!(pool.get_table_keep_resident(), TABLE_KEEP_RESIDENT);
    }

    #[test]
    fn a_reused_slot_starts_as_a_fresh_instance() {
        // Kept resident (the default), more than the module's memory, and
        // off: every instance of the pooled engine sees zeroed memory.
        for keep in [DEFAULT_KEEP_RESIDENT, 1 << 20, 16 << 20, 0] {
            let spec = EngineSpec {
                tier: Tier::Optimised,
                pooled: true,
                parallel: false,
                keep_resident: keep,
            };
            let engine = tiers::engine(&TurnLimits::default(), &spec).expect("engine");
            let module = Module::new(&engine, SNOOP).expect("module");
            for turn in 0..4 {
                let mut store = Store::new(&engine, ());
                store.set_epoch_deadline(1_000);
                let instance = Instance::new(&mut store, &module, &[]).expect("instance");
                let run = instance
                    .get_typed_func::<(), i32>(&mut store, "turn")
                    .expect("turn");
                let seen = run.call(&mut store, ()).expect("runs");
                assert_eq!(
                    seen, 0,
                    "keep {keep}, turn {turn}: saw an earlier turn's memory"
                );
            }
        }
    }
}
