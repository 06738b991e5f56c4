#!/usr/bin/env bash
# bench/corpus.sh N OUTDIR
#
# Makes a SYNTHETIC benchmark corpus of N report files in OUTDIR. It is
# synthetic by copying: the real report files of the repository (every *.txt
# under corpus/testdata/reports (incl. batch2/, dev/), corpus/testdata/fresh,
# corpus/testdata/fresh2 and corpus/reports: 115 files, 6.4 MB) are copied
# round-robin under distinct names, c0000__<name>, c0001__<name>, ..., until
# there are N. Past 115 files the corpus therefore holds duplicate texts under
# other names; its size and term statistics scale, its vocabulary does not.
#
# Not a dependency of the program; used by bench/run.sh.
set -euo pipefail

if [ $# -ne 2 ]; then
	echo "usage: $0 N OUTDIR" >&2
	exit 2
fi
n=$1
out=$2
case $n in '' | *[!0-9]*) echo "N must be a positive integer" >&2; exit 2 ;; esac
[ "$n" -gt 0 ] || { echo "N must be positive" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
mapfile -t src < <(cd "$root" && find corpus/testdata/reports corpus/testdata/fresh \
	corpus/testdata/fresh2 corpus/reports -type f -name '*.txt' 2>/dev/null | LC_ALL=C sort)
if [ ${#src[@]} -eq 0 ]; then
	echo "no report files found under $root/corpus" >&2
	exit 1
fi

mkdir -p "$out"
if [ -n "$(ls -A "$out")" ]; then
	echo "$out is not empty" >&2
	exit 1
fi
for ((i = 0; i < n; i++)); do
	f=${src[$((i % ${#src[@]}))]}
	cp "$root/$f" "$(printf '%s/c%04d__%s' "$out" "$i" "$(basename "$f")")"
done
echo "$n files ($(du -sh "$out" | cut -f1)) from ${#src[@]} real reports in $out (synthetic copies)" >&2
