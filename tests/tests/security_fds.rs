//! File-descriptor exhaustion (issue 11): with every descriptor of the
//! process in use, the plugin sync keeps the running plugins (none marked
//! failed), the listener backs off instead of spinning, and once
//! descriptors free up the waiting connection is served and customers get
//! replies from the same plugins.
//!
//! Alone in its test binary: it lowers this process's open-file limit.

mod common;

use std::io::{Read, Write};
use std::net::SocketAddr;
use std::os::fd::FromRawFd;
use std::time::{Duration, Instant};

use common::Harness;

fn nofile() -> libc::rlimit {
    let mut l = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes into a struct we own.
    assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut l) }, 0);
    l
}

fn set_nofile(l: &libc::rlimit) {
    // SAFETY: setrlimit reads a struct we own.
    assert_eq!(unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, l) }, 0);
}

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .expect("/proc/self/fd")
        .count()
}

/// CPU time this process used so far.
fn cpu_time() -> Duration {
    // SAFETY: getrusage writes into a struct we own.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) }, 0);
    let tv = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    tv(u.ru_utime) + tv(u.ru_stime)
}

/// A TCP socket created now (while descriptors are free), connected later.
struct Pending(i32);

impl Pending {
    fn new() -> Self {
        // SAFETY: plain socket(2); the fd is owned by the returned value.
        let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0) };
        assert!(fd >= 0, "socket");
        Pending(fd)
    }

    /// Connect without needing a new descriptor.
    fn connect(self, addr: SocketAddr) -> std::net::TcpStream {
        let SocketAddr::V4(v4) = addr else {
            panic!("IPv4 expected")
        };
        let sa = libc::sockaddr_in {
            sin_family: libc::AF_INET as libc::sa_family_t,
            sin_port: v4.port().to_be(),
            sin_addr: libc::in_addr {
                s_addr: u32::from(*v4.ip()).to_be(),
            },
            sin_zero: [0; 8],
        };
        // SAFETY: connect(2) with a sockaddr_in we own and its size.
        let rc = unsafe {
            libc::connect(
                self.0,
                (&sa as *const libc::sockaddr_in).cast(),
                std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t,
            )
        };
        assert_eq!(rc, 0, "connect: {}", std::io::Error::last_os_error());
        // SAFETY: the fd is a connected socket we own.
        unsafe { std::net::TcpStream::from_raw_fd(self.0) }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fd_exhaustion_keeps_plugins_serving_and_the_listener_alive() {
    let h = Harness::start().await;
    let plugins = &h.app.state.plugins;
    let loaded = |p: &agent_store::plugins::Plugins| {
        let mut v: Vec<(String, String)> = p
            .snapshot()
            .plugins
            .iter()
            .map(|(n, p)| (n.clone(), p.digest.clone()))
            .collect();
        v.sort();
        v
    };
    // The background upgrade to optimised code compiles for seconds after
    // start-up: let it finish, so the CPU measured below is the listener's.
    tokio::time::timeout(Duration::from_secs(180), plugins.runtime().upgrades_done())
        .await
        .expect("the plugins' background upgrades finish");
    let before = loaded(plugins);
    assert!(before.len() >= 6, "the real plugins are loaded: {before:?}");
    assert!(plugins.failures().is_empty());
    let pending = Pending::new();

    // Use up every descriptor: the limit just above what is open, then fill.
    let saved = nofile();
    set_nofile(&libc::rlimit {
        rlim_cur: (open_fds() + 32) as libc::rlim_t,
        rlim_max: saved.rlim_max,
    });
    let mut hogs = Vec::new();
    let exhausted = loop {
        match std::fs::File::open("/dev/null") {
            Ok(f) => hogs.push(f),
            Err(e) => break e,
        }
        assert!(hogs.len() < 1_000, "the lowered limit holds");
    };
    assert_eq!(exhausted.raw_os_error(), Some(libc::EMFILE), "{exhausted}");

    // A client arrives (the host cannot accept it), and the plugins
    // directory is synced, both with no descriptor to spare.
    let cpu_before = cpu_time();
    let wall = Instant::now();
    let mut stream = pending.connect(h.app.addr);
    plugins.sync_all().await;
    // The measuring window: the listener keeps failing to accept meanwhile.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let cpu = cpu_time() - cpu_before;
    let window = wall.elapsed();
    assert_eq!(loaded(plugins), before, "the running versions keep serving");
    let failures: Vec<String> = plugins
        .failures()
        .iter()
        .map(|f| f.plugin.clone())
        .collect();

    // Free the descriptors again.
    drop(hogs);
    set_nofile(&saved);
    eprintln!("exhausted for {window:?}: {cpu:?} of CPU; failures recorded: {failures:?}");
    assert!(failures.is_empty(), "no plugin marked failed: {failures:?}");
    assert!(
        cpu < window / 2,
        "accept errors back off instead of spinning: {cpu:?} CPU in {window:?}"
    );

    // The waiting client is served once descriptors are back.
    let answer = tokio::task::spawn_blocking(move || {
        stream
            .set_read_timeout(Some(Duration::from_secs(15)))
            .expect("timeout");
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .expect("write");
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
    })
    .await
    .expect("client");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer:?}");

    // Same plugins, none failed, and a customer gets a reply.
    let listed = h.admin("/plugins").await;
    assert_eq!(listed["failed"], serde_json::json!([]), "{listed}");
    assert_eq!(loaded(plugins), before);
    let wa_id = "5511900000777";
    h.say(wa_id, "wamid.fds.1", "oi! quero um tênis de corrida")
        .await;
    let deadline = Instant::now() + Duration::from_secs(30);
    while h.sink.to(wa_id).is_empty() {
        assert!(Instant::now() < deadline, "a reply after the exhaustion");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
