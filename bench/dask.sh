#!/usr/bin/env bash
# bench/dask.sh DYAD - documents/s of `python3 -m dyad.dask` with 1 and 2
# local workers against one `dyad ingest` of the same corpus, in the same
# run (make bench runs it as the `dask` stage).  Not a test: it prints
# figures and never fails on speed.  Each figure is the whole job: planning,
# coding on the workers, and storing the shards in one SQLite store.
set -u
dyad=${1:-build/dyad}
build=$(dirname "$dyad")
shared=${DYAD_SHARED:-$(cd "$(dirname "$0")/../.." && pwd)/shared}
corpus=${BENCH_DASK_CORPUS:-$shared/corpus/bbc.jsonl}
py=${PYTHON:-/usr/bin/python3}
export PYTHONPATH="$PWD/$build/python"
[ -f "$corpus" ] || { echo "dask     missing corpus $corpus"; exit 0; }
"$py" -c 'import dyad, distributed' 2> /dev/null || { echo "dask     skipped: needs the dyad module (make python) and python3-distributed"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
docs=$(wc -l < "$corpus")
secs() { local t0 t1; t0=$(date +%s%N); "$@" > /dev/null 2>&1; t1=$(date +%s%N); awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
s0=$(secs "$dyad" ingest -q --db "$tmp/ingest.db" "$corpus")
s1=$(secs "$py" -m dyad.dask --scheduler local:1 "$corpus" --out "$tmp/w1" --chunk-mb 1 -q)
s2=$(secs "$py" -m dyad.dask --scheduler local:2 "$corpus" --out "$tmp/w2" --chunk-mb 1 -q)
for row in "dyad ingest:$s0" "dask 1 worker:$s1" "dask 2 workers:$s2"; do
  name=${row%%:*} t=${row#*:}
  awk -v n="$name" -v d="$docs" -v t="$t" -v base="$s0" -v c="$(basename "$corpus")" 'BEGIN {
    printf "dask     %-20s %-16s %7.2f s %8.0f docs/s   %5.2fx dyad ingest\n", c, n, t, d/t, t/base }'
done
