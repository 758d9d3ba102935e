//! The process's memory allocator, set up first thing in `main`.
//!
//! glibc gives each thread that allocates while another holds an arena an
//! arena of its own, up to eight per core, and keeps in each what its
//! threads freed. The host's threads (tokio's workers, sqlx's SQLite
//! workers, the compilers' threads at start-up and on upgrades) each ended
//! up with one: the host sat tens of MiB above its live heap ("Peak
//! memory" in BENCHMARKS.md). Two arenas per core keep allocation
//! contention low and that memory shared.

/// Arenas allowed per core.
pub const ARENAS_PER_CORE: usize = 2;

/// Cap glibc's malloc arenas at [`ARENAS_PER_CORE`] per core, unless the
/// operator set `MALLOC_ARENA_MAX` (glibc reads it itself, and it wins).
/// Returns the cap set, `None` when left alone (other platforms, or the
/// variable set). Call it before the runtime starts its threads.
pub fn cap_arenas() -> Option<usize> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
            return None;
        }
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let cap = cores.saturating_mul(ARENAS_PER_CORE);
        // SAFETY: mallopt only sets an allocator parameter; it takes no
        // pointer.
        let set =
            unsafe { libc::mallopt(libc::M_ARENA_MAX, i32::try_from(cap).unwrap_or(i32::MAX)) };
        (set == 1).then_some(cap)
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        None
    }
}

/// How many arenas glibc's allocator has now (its `malloc_info` report),
/// for the test that checks the cap; `None` where it cannot tell.
pub fn arena_count() -> Option<usize> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let mut buf: *mut libc::c_char = std::ptr::null_mut();
        let mut len: libc::size_t = 0;
        // SAFETY: open_memstream allocates the buffer and sets `buf`/`len`
        // when the stream is closed; malloc_info writes to the stream; the
        // buffer is read once, within `len`, and freed with `free` as its
        // documentation says.
        unsafe {
            let stream = libc::open_memstream(&mut buf, &mut len);
            if stream.is_null() {
                return None;
            }
            let ok = libc::malloc_info(0, stream) == 0;
            libc::fclose(stream);
            if buf.is_null() {
                return None;
            }
            let report = std::slice::from_raw_parts(buf.cast::<u8>(), len);
            let heaps = String::from_utf8_lossy(report).matches("<heap nr=").count();
            libc::free(buf.cast());
            ok.then_some(heaps)
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        None
    }
}
