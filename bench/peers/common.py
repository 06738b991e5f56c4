"""Shared helpers of the peer benchmarks (bench/peers/fts5.py, xapian_bench.py).

Reads the corpus the same way for both peers: every non-empty line of every
file is a paragraph, kept with its file name. Files are UTF-8 (with or without
a byte-order mark) or GB18030, as in the repository's reports. Also reads
bench/queries.tsv and computes nearest-rank percentiles, the same way
bench/httpload does.
"""

import math
import os
import sys


def read_paragraphs(corpus_dir):
    """Returns [(file name, paragraph text)] and the number of text bytes."""
    paras = []
    nbytes = 0
    for name in sorted(os.listdir(corpus_dir)):
        path = os.path.join(corpus_dir, name)
        if not os.path.isfile(path):
            continue
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030")
        for line in text.splitlines():
            line = line.strip()
            if line:
                paras.append((name, line))
                nbytes += len(line.encode("utf-8"))
    return paras, nbytes


def read_queries(path):
    """Returns [(class, query for us, query for the peers)].

    The peers run the third column when there is one (the term of a filtered
    query without its filter, the keywords of a question), else the query.
    """
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 2:
                sys.exit(f"{path}:{n}: want class<TAB>query[<TAB>peer query]")
            peer = cols[2] if len(cols) > 2 and cols[2].strip() else cols[1]
            out.append((cols[0], cols[1], peer))
    return out


def percentile(sorted_ms, p):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_ms:
        return float("nan")
    k = max(1, math.ceil(p / 100.0 * len(sorted_ms)))
    return sorted_ms[k - 1]


def dir_size(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
    return total


def run_queries(engine, queries, repeat, search):
    """Runs every query `repeat` times after one untimed warm-up pass.

    search(peer_query, query_class) returns the list of hits (at most 10).
    Prints per class p50, p99, max in ms, and the machine-readable RESULT
    lines bench/run.sh reads. A query with no hit is reported (a benchmark
    checks its own result) and makes the exit status 1.
    """
    import time

    empty = []
    hits_per_class = {}
    for cls, _, q in queries:  # warm-up, and the check of the results
        hits = search(q, cls)
        if not hits:
            empty.append((cls, q))
        hits_per_class.setdefault(cls, []).append(len(hits))
    times = {}
    per_query = [[] for _ in queries]
    order = []
    for _ in range(repeat):
        for i, (cls, _, q) in enumerate(queries):
            t0 = time.perf_counter_ns()
            search(q, cls)
            t1 = time.perf_counter_ns()
            if cls not in times:
                times[cls] = []
                order.append(cls)
            times[cls].append((t1 - t0) / 1e6)
            per_query[i].append((t1 - t0) / 1e6)
    print(f"{engine}: {len(queries)} queries x {repeat} repeats (after 1 warm-up pass)")
    print(f"{'class':<10} {'n':>5} {'p50 ms':>9} {'p99 ms':>9} {'max ms':>9} {'hits/q':>7}")
    for cls in order:
        ms = sorted(times[cls])
        p50, p99, mx = percentile(ms, 50), percentile(ms, 99), ms[-1]
        hq = sum(hits_per_class[cls]) / len(hits_per_class[cls])
        print(f"{cls:<10} {len(ms):>5} {p50:>9.2f} {p99:>9.2f} {mx:>9.2f} {hq:>7.1f}")
        print(f"RESULT\t{engine}\t{cls}\t{p50:.3f}\t{p99:.3f}\t{mx:.3f}\t{len(ms)}")
    slow = sorted(range(len(queries)), key=lambda i: -percentile(sorted(per_query[i]), 50))
    print("slowest queries (p50 ms):")
    for i in slow[:8]:
        cls, _, q = queries[i]
        p50 = percentile(sorted(per_query[i]), 50)
        print(f"  {p50:8.2f}  {cls:<9} {q}")
        print(f"SLOW\t{engine}\t{cls}\t{q}\t{p50:.3f}")
    for cls, q in empty:
        print(f"ERROR\t{engine}\t{cls}\tno hit for {q!r}")
    return 1 if empty else 0
