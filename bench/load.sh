#!/usr/bin/env bash
# bench/load.sh INDEX [PORT] — real-HTTP load on a running server, with wrk
# (Debian's package wrk): starts `serve --index INDEX` on 127.0.0.1, and for
# /api/search (the search queries of bench/queries.tsv, in turn) and
# /api/ask (its questions) runs wrk with 2 threads for 15 s at 4 and at 64
# connections, printing requests/s, p50 and p99 latency and the non-2xx
# count from wrk's own report. Loopback only; every step is bounded.
set -euo pipefail
ix=${1:?usage: $0 INDEX [PORT]}
port=${2:-18191}
dur=${DURATION:-15s}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/load.XXXXXX)
pid=
cleanup() {
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
(cd "$root" && go build -o "$work/reportsearch" ./cmd/reportsearch)
enc() { python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
while IFS=$'\t' read -r class q _; do
	case $class in '#'* | '') continue ;; question) echo "/api/ask?q=$(enc "$q")" >>"$work/ask" ;;
	*) echo "/api/search?q=$(enc "$q")&size=10" >>"$work/search" ;; esac
done <"$root/bench/queries.tsv"
"$work/reportsearch" serve --addr "127.0.0.1:$port" --index "$ix" >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
for kind in search ask; do
	for c in 4 64; do
		out=$(PATHS="$work/$kind" timeout 60 wrk -t2 -c"$c" -d"$dur" --latency -s "$root/bench/wrk/paths.lua" "http://127.0.0.1:$port")
		rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
		p50=$(awk '$1=="50%" {print $2}' <<<"$out")
		p99=$(awk '$1=="99%" {print $2}' <<<"$out")
		bad=$(awk '/Non-2xx/ {print $5}' <<<"$out")
		errs=$(awk '/Socket errors/ {print $0}' <<<"$out")
		echo "$kind c=$c: ${rps} req/s, p50 $p50, p99 $p99, non-2xx ${bad:-0} ${errs}"
	done
done
echo "server peak RSS: $(grep VmHWM /proc/$pid/status | tr -s ' \t' ' ')"
