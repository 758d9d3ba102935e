#!/usr/bin/env python3
"""What a process's resident memory is made of, at its peak.

Samples /proc/PID/smaps once a second until the process exits (or is
interrupted) and prints, for the sample with the largest RSS, the RSS and
PSS of each kind of mapping: the executable, each file, the wasm memory
images (`/memfd:wasm-memory-image`: the guests' data segments, mapped
into every instance slot, so RSS counts a shared page once per mapping
and PSS shares it out), and anonymous mappings by size and permissions
(glibc's per-thread malloc arenas are the 64 MiB-aligned rw regions; the
`agent-store` binary allocates with mimalloc since issue 16's allocator
change, whose segments are also large aligned rw regions).

    python3 bench/rss_split.py $(pgrep -f 'agent-store-bench serve-host')

Used for "Peak memory" in BENCHMARKS.md.
"""

import collections
import os
import re
import sys
import time


def sample(pid):
    maps, cur = [], None
    try:
        lines = open(f"/proc/{pid}/smaps").read().splitlines()
    except OSError:
        return None
    for line in lines:
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            parts = line.split(None, 5)
            start, end = (int(x, 16) for x in parts[0].split("-"))
            cur = [parts[5] if len(parts) > 5 else "[anon]", end - start, parts[1], 0, 0]
            maps.append(cur)
        elif line.startswith("Rss:") and cur:
            cur[3] = int(line.split()[1])
        elif line.startswith("Pss:") and cur:
            cur[4] = int(line.split()[1])
    return maps


def main():
    pid = int(sys.argv[1])
    best, best_rss = None, 0
    try:
        while os.path.exists(f"/proc/{pid}/smaps"):
            maps = sample(pid)
            if not maps:
                break
            rss = sum(m[3] for m in maps)
            if rss > best_rss:
                best, best_rss = maps, rss
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    if not best:
        sys.exit("no sample")
    rss, pss, count = collections.Counter(), collections.Counter(), collections.Counter()
    for name, size, perm, r, p in best:
        if name.startswith("/"):
            key = name
        elif size >= 1 << 20:
            key = f"{name} {size >> 20} MiB {perm}"
        else:
            key = f"{name} <1 MiB {perm}"
        rss[key] += r
        pss[key] += p
        count[key] += 1
    for key, r in rss.most_common(20):
        print(f"{r / 1024:8.1f} MiB RSS {pss[key] / 1024:8.1f} MiB PSS  x{count[key]:<5} {key}")
    print(f"{best_rss / 1024:8.1f} MiB RSS {sum(pss.values()) / 1024:8.1f} MiB PSS  total")


if __name__ == "__main__":
    main()
