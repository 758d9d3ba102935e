#!/usr/bin/env python3
"""Fold `perf script` output into a flamegraph SVG and a text summary.

    perf record -F 499 -g --call-graph dwarf,32768 -p PID -- sleep 10
    perf script | python3 bench/flamegraph.py turn.svg > turn.txt

No dependencies (the FlameGraph scripts and inferno are not installed on
the development machines). The summary lists the frames with the most
samples, inclusive (anywhere on the stack) and self (on top).
"""

import collections
import html
import re
import sys

MAX_NAME = 90


def clean(sym):
    sym = re.sub(r"\+0x[0-9a-f]+$", "", sym)
    sym = re.sub(r"::h[0-9a-f]{16}$", "", sym)
    sym = re.sub(r"<[^<>]*>", "<>", sym)  # one level of generics
    return sym or "[unknown]"


def fold(lines):
    stacks = collections.Counter()
    frames = []
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            if frames:
                stacks[";".join(reversed(frames))] += 1
            frames = []
            continue
        if line[0] not in " \t":
            frames = []  # header line of a sample
            continue
        parts = line.strip().split(None, 1)
        sym = parts[1] if len(parts) > 1 else "[unknown]"
        sym = re.sub(r"\s+\(.*\)$", "", sym)
        frames.append(clean(sym))
    if frames:
        stacks[";".join(reversed(frames))] += 1
    return stacks


def summary(stacks, top=25):
    total = sum(stacks.values()) or 1
    incl, self_ = collections.Counter(), collections.Counter()
    for stack, n in stacks.items():
        fs = stack.split(";")
        self_[fs[-1]] += n
        for f in set(fs):
            incl[f] += n
    out = [f"samples: {total}", "", "inclusive:"]
    out += [f"  {100 * n / total:5.1f} %  {f[:MAX_NAME]}" for f, n in incl.most_common(top)]
    out += ["", "self:"]
    out += [f"  {100 * n / total:5.1f} %  {f[:MAX_NAME]}" for f, n in self_.most_common(top)]
    return "\n".join(out)


def svg(stacks, width=1200, row=16):
    tree = {}
    for stack, n in stacks.items():
        node = tree
        for f in stack.split(";"):
            child = node.setdefault(f, [0, {}])
            child[0] += n
            node = child[1]
    total = sum(stacks.values()) or 1
    rects = []
    depth_max = [0]

    def walk(node, x, depth):
        for name, (n, kids) in sorted(node.items()):
            w = width * n / total
            if w >= 0.5:
                rects.append((x, depth, w, name, n))
                walk(kids, x, depth + 1)
            depth_max[0] = max(depth_max[0], depth)
            x += w

    walk(tree, 0.0, 0)
    height = (depth_max[0] + 2) * row
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'font-family="monospace" font-size="11">'
    ]
    for x, depth, w, name, n in rects:
        y = height - (depth + 1) * row
        hue = 20 + (hash(name) % 40)
        label = html.escape(name)
        text = html.escape(name[: int(w / 7)]) if w > 21 else ""
        parts.append(
            f'<g><title>{label} ({n} samples, {100 * n / total:.1f} %)</title>'
            f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row - 1}" '
            f'fill="hsl({hue},80%,60%)"/>'
            f'<text x="{x + 2:.1f}" y="{y + row - 4}">{text}</text></g>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def main():
    stacks = fold(sys.stdin)
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w") as f:
            f.write(svg(stacks))
    print(summary(stacks))


if __name__ == "__main__":
    main()
