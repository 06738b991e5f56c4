#!/usr/bin/env bash
# bench/startup.sh INDEX [PORT] — milliseconds from starting `serve --index INDEX`
# to the first answered /api/ask, on 127.0.0.1. Builds the program first
# (go build -o, so no compilation is timed). Loopback only, bounded by a
# 60-second wait.
set -euo pipefail
ix=${1:?usage: $0 INDEX [PORT]}
port=${2:-18181}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(mktemp -d /tmp/startup.XXXXXX)
trap 'rm -rf "$bin"' EXIT
(cd "$root" && go build -o "$bin/reportsearch" ./cmd/reportsearch)
url="http://127.0.0.1:$port/api/ask?q=%E5%93%AA%E9%87%8C%E6%8F%90%E5%88%B0%E5%BE%B7%E5%AF%BF%E5%AE%AB" # 哪里提到德寿宫
t0=$(date +%s%N)
"$bin/reportsearch" serve --addr "127.0.0.1:$port" --index "$ix" >"$bin/serve.log" 2>&1 &
pid=$!
deadline=$((t0 + 60000000000))
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url" || true)" = 200 ]; do
	if ! kill -0 "$pid" 2>/dev/null || [ "$(date +%s%N)" -gt "$deadline" ]; then
		cat "$bin/serve.log" >&2
		exit 1
	fi
	sleep 0.01
done
t1=$(date +%s%N)
echo "$ix: first answer after $(((t1 - t0) / 1000000)) ms, $(grep VmHWM /proc/$pid/status | tr -s ' \t' ' ')"
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
