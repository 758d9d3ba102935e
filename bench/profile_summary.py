#!/usr/bin/env python3
"""Flat profile of `perf script` output: by crate of the sampled (self) frame,
by thread name, and by activity (the first rule of RULES that any frame of
the sample's stack matches; the rule order decides overlaps).

    perf record -F 299 -g -p <host pid> -- sleep 20
    perf script | python3 bench/profile_summary.py

No dependencies, like flamegraph.py beside it (BENCHMARKS.md, issue 16).
"""
import collections, re, sys

RULES = [  # (label, regex on any frame), first match from the leaf wins per rule order
    ("allocator (glibc malloc/free, mimalloc)", r"^(malloc|free|cfree|realloc|calloc|_int_malloc|_int_free|_int_realloc|(__GI___)?__libc_(malloc|free|realloc|calloc|memalign)|__GI___libc_(malloc|free|realloc)|malloc_consolidate|unlink_chunk|tcache_(get|put)|_mid_memalign|mi_|_mi_)"),
    ("sqlx-sqlite worker channel (flume send/recv)", r"flume::"),
    ("SQLite engine (sqlite3*)", r"^sqlite3|sqlite3[A-Z]"),
    ("wasm turns (catch_traps, guest, host calls)", r"catch_traps|wasm\[|array_to_wasm|handle-turn|wasmtime"),
    ("tokio/mio wake-ups and epoll", r"epoll_wait|mio::|Waker|tokio::runtime::park|park_timeout|unpark"),
    ("webhook HMAC (sha256)", r"sha2::"),
    ("serde_json", r"serde_json::"),
    # not `tracing::instrument::Instrumented`: it wraps whole futures
    ("tracing", r"tracing_core::|tracing_subscriber::|tracing::(?!instrument::Instrumented)"),
    ("query parse / lang", r"agent_store_lang::"),
    ("tantivy (catalog search)", r"tantivy"),
    ("hyper/reqwest HTTP", r"hyper::|reqwest::|h2::|axum::"),
]

def crate_of(sym, dso):
    if dso.startswith("[kernel"):
        return "kernel"
    if "JIT" in dso or sym.startswith("wasm[") or sym == "handle-turn":
        return "JIT wasm code"
    if "libc" in dso:
        return "libc (malloc, memcpy, futex)"
    s = sym.lstrip("<&*(")
    s = re.sub(r"^(dyn |mut )", "", s)
    m = re.match(r"([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::", s)
    if m:
        return m.group(1)
    if sym.startswith("sqlite3"):
        return "sqlite (C)"
    return "other/unknown (%s)" % dso

def samples(lines):
    head, frames = None, []
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            if head is not None:
                yield head, frames
            head, frames = None, []
            continue
        if line[0] not in " \t":
            head, frames = line, []
            continue
        parts = line.strip().split(None, 1)
        rest = parts[1] if len(parts) > 1 else "[unknown]"
        m = re.match(r"(.*?)\s+\((.*)\)$", rest)
        sym, dso = (m.group(1), m.group(2)) if m else (rest, "")
        sym = re.sub(r"\+0x[0-9a-f]+$", "", sym)
        frames.append((sym, dso))
    if head is not None:
        yield head, frames

def main():
    crates, kinds, threads = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for head, frames in samples(sys.stdin):
        if not frames:
            continue
        total += 1
        threads[re.split(r"\s+\d", head.strip())[0]] += 1
        sym, dso = frames[0]
        crates[crate_of(sym, dso)] += 1
        label = "rest"
        for name, rx in RULES:
            if any(re.search(rx, f[0]) for f in frames):
                label = name
                break
        if label == "rest" and dso.startswith("[kernel") and any("futex" in f[0] for f in frames):
            label = "kernel futex (other thread hand-offs)"
        kinds[label] += 1
    pct = lambda n: f"{100*n/total:5.1f} %"
    print(f"samples: {total}\n\nby crate of the sampled frame (self):")
    for c, n in crates.most_common(18):
        print(f"  {pct(n)}  {c}")
    print("\nby activity (first rule matching any frame of the stack):")
    for c, n in kinds.most_common():
        print(f"  {pct(n)}  {c}")
    print("\nby thread:")
    for c, n in threads.most_common(10):
        print(f"  {pct(n)}  {c}")

main()
