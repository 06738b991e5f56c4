#!/usr/bin/env bash
# bench/run.sh N — the side-by-side search benchmark, end to end (see bench/README.md).
#
# Builds a SYNTHETIC corpus of N report files (bench/corpus.sh: copies of the
# repository's real reports) in a temporary directory under /tmp, then:
#   1. builds the program once (go build -o, no `go run` in any timing) and
#      bench/httpload;
#   2. builds our index with /usr/bin/time -v (wall time, peak RSS), its size (du);
#   3. starts `serve --index` on 127.0.0.1 at a free port, times process start
#      to the first answered /api/ask, runs httpload (REPEAT passes of
#      bench/queries.tsv), reads the server's VmHWM from /proc/PID/status, and
#      stops it (SIGTERM);
#   4. runs the peers on the same corpus, one after the other, with the server
#      stopped: bench/peers/fts5.py (SQLite FTS5 trigram) and
#      bench/peers/xapian_bench.py (Xapian CJK n-grams);
#   5. prints one Markdown table, and removes the temporary directory.
# Loopback only; every step is bounded (timeout). Environment: REPEAT (passes
# of the query set, default 20), KEEP=1 keeps the temporary directory,
# PYTHON (default /usr/bin/python3, which must have sqlite3 and xapian).
set -euo pipefail

n=${1:-500}
case $n in '' | *[!0-9]*) echo "usage: $0 N" >&2; exit 2 ;; esac
repeat=${REPEAT:-20}
py=${PYTHON:-/usr/bin/python3}
root=$(cd "$(dirname "$0")/.." && pwd)
bench=$root/bench
queries=$bench/queries.tsv

work=$(mktemp -d /tmp/bench-run.XXXXXX)
pid=
cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	if [ "${KEEP:-0}" = 1 ]; then
		echo "kept $work" >&2
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
log() { echo "[$(date +%T)] $*" >&2; }

"$py" -c 'import sqlite3, xapian' || { echo "$py needs sqlite3 and xapian (apt-get install -y python3-xapian)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install -y time)" >&2; exit 1; }

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null | grep -v ' bench/' | wc -l || true)
log "N=$n REPEAT=$repeat commit $commit ($dirty modified tracked files) in $work"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

log "building the program and httpload"
(cd "$root" && go build -o "$work/reportsearch" ./cmd/reportsearch && go build -o "$work/httpload" ./bench/httpload)

log "corpus"
"$bench/corpus.sh" "$n" "$work/corpus"
text_bytes=$(cat "$work"/corpus/* | wc -c)

log "our index (this takes a while)"
timeout 3600 /usr/bin/time -v "$work/reportsearch" index --out "$work/index" "$work/corpus" >"$work/index.log" 2>&1 || {
	tail -20 "$work/index.log" >&2
	exit 1
}
build_wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/index.log" |
	awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }')
build_rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/index.log")
index_bytes=$(du -sb "$work/index" | cut -f1)
grep '^已索引 [0-9]* 份报告' "$work/index.log" >&2 || true

port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ask_url="http://127.0.0.1:$port/api/ask?q=%E5%93%AA%E9%87%8C%E6%8F%90%E5%88%B0%E5%BE%B7%E5%AF%BF%E5%AE%AB"
log "serve on 127.0.0.1:$port"
t0=$(date +%s%N)
"$work/reportsearch" serve --addr "127.0.0.1:$port" --index "$work/index" >"$work/serve.log" 2>&1 &
pid=$!
deadline=$((t0 + 300000000000))
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$ask_url" || true)" = 200 ]; do
	if ! kill -0 "$pid" 2>/dev/null; then
		tail -20 "$work/serve.log" >&2
		echo "serve exited" >&2
		exit 1
	fi
	if [ "$(date +%s%N)" -gt "$deadline" ]; then
		echo "serve did not answer /api/ask within 300 s" >&2
		exit 1
	fi
	sleep 0.02
done
t1=$(date +%s%N)
startup_ms=$(((t1 - t0) / 1000000))
health=$(curl -s --max-time 10 "http://127.0.0.1:$port/healthz")
log "first /api/ask answered after $startup_ms ms; healthz $health"
rss_start_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")

log "httpload ($repeat passes)"
httpload_rc=0
timeout 3600 "$work/httpload" -addr "127.0.0.1:$port" -queries "$queries" -n "$repeat" >"$work/ours.out" || httpload_rc=$?
hwm_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")
rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
pid=
cat "$work/ours.out" >&2

peer_rc=0
log "SQLite FTS5 trigram"
timeout 3600 /usr/bin/time -v "$py" "$bench/peers/fts5.py" "$work/corpus" "$queries" --repeat "$repeat" --db "$work/fts5.db" \
	>"$work/fts5.out" 2>"$work/fts5.time" || peer_rc=$?
cat "$work/fts5.out" >&2
log "Xapian CJK n-grams"
timeout 3600 /usr/bin/time -v "$py" "$bench/peers/xapian_bench.py" "$work/corpus" "$queries" --repeat "$repeat" --db "$work/xapian" \
	>"$work/xapian.out" 2>"$work/xapian.time" || peer_rc=$?
cat "$work/xapian.out" >&2
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

"$py" - "$work" "$n" "$text_bytes" "$build_wall" "$build_rss_kb" "$index_bytes" "$startup_ms" "$rss_start_kb" "$hwm_kb" "$rss_kb" <<'EOF'
import re, sys
work, n, text, wall, brss, isize, start, rss0, hwm, rss = sys.argv[1:]
text, isize = int(text), int(isize)
res, build, errors, found, slow = {}, {}, [], None, {}
for eng in ("ours", "fts5", "xapian"):
    for line in open(f"{work}/{eng}.out", encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "RESULT":
            res[(f[1], f[2])] = (float(f[3]), float(f[4]), float(f[5]), int(f[6]))
        elif f[0] == "BUILD":
            build[f[1]] = (float(f[2]), int(f[3]), int(f[4]), int(f[5]))
        elif f[0] == "ERROR":
            errors.append("\t".join(f[1:]))
        elif f[0] == "FOUND":
            found = (int(f[2]), int(f[3]))
        elif f[0] == "SLOW":
            slow.setdefault(f[1], []).append(f"{f[3]} ({f[2]}) {float(f[4]):.1f}")
def maxrss(eng):
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(f"{work}/{eng}.time").read())
    return int(m.group(1)) if m else 0
def cell(eng, cls):
    r = res.get((eng, cls))
    return "—" if r is None else f"{r[0]:.2f} / {r[1]:.2f} / {r[2]:.2f}"
classes = []
for eng, cls in res:
    if cls not in classes:
        classes.append(cls)
nq = res.get(("ours", classes[0]), (0, 0, 0, 0))[3] if classes else 0
print(f"N={n} reports ({text / 1e6:.1f} MB of text), synthetic copies of the 115 real reports")
print()
print("| | ours (HTTP, bleve) | SQLite FTS5 trigram (in-process) | Xapian CJK n-grams (in-process) |")
print("|---|---|---|---|")
for cls in classes:
    label = cls + (" (/api/ask)" if cls == "question" else "")
    print(f"| {label} p50 / p99 / max ms | {cell('ours', cls)} | {cell('fts5', cls)} | {cell('xapian', cls)} |")
def b(eng):
    if eng not in build:
        return "—"
    t, size, nbytes, paras = build[eng]
    return f"{t:.1f} s ({paras} paragraphs)"
def s(eng):
    if eng not in build:
        return "—"
    t, size, nbytes, paras = build[eng]
    return f"{size / 1e6:.0f} MB = {size / text:.1f}x"
print(f"| index build | {float(wall):.1f} s wall (`index`, peak RSS {int(brss) / 1024:.0f} MB) | {b('fts5')} | {b('xapian')} |")
print(f"| index size (x text) | {isize / 1e6:.0f} MB = {isize / text:.1f}x | {s('fts5')} | {s('xapian')} |")
print(f"| start-up to first /api/ask | {int(start)} ms | — | — |")
print(f"| RSS | serve VmHWM {int(hwm) / 1024:.0f} MB (VmRSS {int(rss0) / 1024:.0f} MB after start-up, {int(rss) / 1024:.0f} MB after load) "
      f"| process peak {maxrss('fts5') / 1024:.0f} MB | process peak {maxrss('xapian') / 1024:.0f} MB |")
print()
if found:
    print(f"Questions answered (found: true): {found[0]} of {found[1]}.")
for eng, name in (("ours", "ours"), ("fts5", "FTS5"), ("xapian", "Xapian")):
    if slow.get(eng):
        print(f"Slowest queries of {name}, p50 ms: " + "; ".join(slow[eng][:5]) + ".")
print("Errors: " + ("none" if not errors else "; ".join(errors)))
EOF
echo
echo "machine: $(nproc) cores, load average $load_start at the start, $load_end at the end; $(date -u +%Y-%m-%dT%H:%MZ); commit $commit ($dirty modified tracked files outside bench/)"
[ "$httpload_rc" = 0 ] && [ "$peer_rc" = 0 ] || { echo "httpload exit $httpload_rc, peers exit $peer_rc" >&2; exit 1; }
