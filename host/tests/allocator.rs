//! The host caps glibc's malloc arenas (`agent_store::allocator`): many
//! threads allocating at once share at most two arenas per core. Its own
//! test binary, so no other test's threads made arenas first.

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn many_allocating_threads_share_the_capped_arenas() {
    if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
        // the operator's setting wins; the cap is not ours to check then
        assert_eq!(agent_store::allocator::cap_arenas(), None);
        return;
    }
    let cap = agent_store::allocator::cap_arenas().expect("the cap is set");
    let threads = 8 * cap;
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|i| {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                barrier.wait();
                // allocate while every other thread does: without the cap
                // glibc hands contending threads arenas of their own
                let mut kept = Vec::new();
                for n in 0..20_000 {
                    kept.push(vec![i as u8; 64 + n % 512]);
                    if kept.len() > 64 {
                        kept.remove(0);
                    }
                }
                barrier.wait();
                kept.len()
            })
        })
        .collect();
    for h in handles {
        assert!(h.join().expect("thread") > 0);
    }
    let arenas = agent_store::allocator::arena_count().expect("malloc_info reports");
    assert!(
        arenas <= cap,
        "{arenas} arenas for {threads} threads, cap {cap}"
    );
}
