#!/usr/bin/env bash
# bench/run.sh DYAD - time dyad's stages over the shared corpora.
#
# For each corpus and stage: wall seconds, MB/s, documents/s, sentences/s
# and peak RSS, and beside them `wc -w` over the same bytes as a baseline
# measured in the same run, reported as a ratio (dyad time / wc time),
# because absolute figures on shared machines are noise.  Not a test: it
# prints figures and never fails on speed.
set -u
dyad=${1:-build/dyad}
shared=${DYAD_SHARED:-$(cd "$(dirname "$0")/../.." && pwd)/shared}
# BENCH_CORPORA: corpus file names under shared/corpus to run (default both)
corpora=""
for c in ${BENCH_CORPORA:-reuters21578.jsonl bbc.jsonl}; do corpora="$corpora $shared/corpus/$c"; done
runs=${BENCH_RUNS:-3}

# best-of-N wall time of a command, stdout discarded; prints "secs maxrss_kb"
measure() {
  local best="" rss=0 t
  for _ in $(seq "$runs"); do
    t=$( { /usr/bin/time -f '%e %M' "$@" > /dev/null; } 2>&1 | tail -n 1 )
    local s=${t% *} r=${t#* }
    if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$s; fi
    [ "$r" -gt "$rss" ] && rss=$r
  done
  echo "$best $rss"
}

stage() {  # name corpus dyad-args...
  local name=$1 corpus=$2; shift 2
  local bytes docs sents line
  bytes=$(stat -c %s "$corpus")
  line=$("$dyad" "$@" --count "$corpus" 2>/dev/null | tail -n 1)
  docs=$(echo "$line" | awk '{print $2}')
  sents=$(echo "$line" | awk '{print $4}')
  events=$(echo "$line" | awk '{print $8}')
  parsed=$(echo "$line" | awk '{print $12 + 0}')   # sentences the pipeline parsed
  read -r secs rss <<< "$(measure "$dyad" "$@" --count "$corpus")"
  read -r wsecs _ <<< "$(measure wc -w "$corpus")"
  awk -v n="$name" -v c="$(basename "$corpus")" -v b="$bytes" -v d="$docs" -v s="$sents" -v e="$events" \
      -v t="$secs" -v r="$rss" -v w="$wsecs" -v p="$parsed" 'BEGIN {
    if (t <= 0) t = 0.001; if (w <= 0) w = 0.001;
    printf "%-8s %-20s %7.2f MB %6.2f s %8.1f MB/s %9.0f docs/s %10.0f sents/s %9.0f events/s %6.1f MB RSS   wc -w %5.2f s  ratio %5.2fx wc",
      n, c, b/1e6, t, b/1e6/t, d/t, s/t, e/t, r/1024, w, t/w
    if (p > 0 && s > 0) printf "  parsed %d sentences (%.1f%%)", p, 100 * p / s
    printf "\n" }'
}

# Tagging + parsing: `dyad parse --count` (text + syntax stages) against
# `dyad text --count` over the same corpus; the difference is the syntax
# stage, reported as tokens/s beside the whole command's tokens/s.
parse_stage() {  # corpus
  local corpus=$1 toks secs tsecs wsecs rss
  toks=$("$dyad" parse --count "$corpus" 2>/dev/null | tail -n 1 | awk '{print $6}')
  read -r secs rss <<< "$(measure "$dyad" parse --count "$corpus")"
  read -r tsecs _ <<< "$(measure "$dyad" text --count "$corpus")"
  read -r wsecs _ <<< "$(measure wc -w "$corpus")"
  # CPU seconds too: on a shared machine wall time counts other people's work.
  local cpu tcpu
  cpu=$( { /usr/bin/time -f '%U %S' "$dyad" parse --count "$corpus" > /dev/null; } 2>&1 | tail -n 1 | awk '{print $1 + $2}')
  tcpu=$( { /usr/bin/time -f '%U %S' "$dyad" text --count "$corpus" > /dev/null; } 2>&1 | tail -n 1 | awk '{print $1 + $2}')
  awk -v c="$(basename "$corpus")" -v n="$toks" -v t="$secs" -v x="$tsecs" -v r="$rss" -v w="$wsecs" \
      -v u="$cpu" -v v="$tcpu" 'BEGIN {
    if (t <= 0) t = 0.001; if (w <= 0) w = 0.001; s = t - x; if (s <= 0) s = 0.001; k = u - v; if (k <= 0) k = 0.001;
    printf "parse    %-20s %9d tokens %6.2f s (text %5.2f s) %9.0f tokens/s whole, %9.0f tag+parse; cpu %5.2f s, %9.0f tag+parse tokens/s per cpu-second %6.1f MB RSS   wc -w %5.2f s  ratio %5.2fx wc\n",
      c, n, t, x, n/t, n/s, u, n/k, r/1024, w, t/w }'
}

# HTML to clean text over the page fixtures (each a different site layout),
# each file given REPS times on one command line.
html_stage() {
  local reps=${BENCH_HTML_REPS:-200} files=() bytes=0
  for f in tests/fixtures/html/*.html; do bytes=$((bytes + $(stat -c %s "$f"))); done
  for _ in $(seq "$reps"); do files+=(tests/fixtures/html/*.html); done
  bytes=$((bytes * reps))
  read -r secs rss <<< "$(measure "$dyad" text --count "${files[@]}")"
  read -r wsecs _ <<< "$(measure wc -w "${files[@]}")"
  awk -v b="$bytes" -v n="${#files[@]}" -v t="$secs" -v r="$rss" -v w="$wsecs" 'BEGIN {
    if (t <= 0) t = 0.001; if (w <= 0) w = 0.001;
    printf "html     %-20s %7.2f MB %6.2f s %8.1f MB/s %9.0f pages/s %56s %6.1f MB RSS   wc -w %5.2f s  ratio %5.2fx wc\n",
      "fixtures x" ENVIRON["BENCH_HTML_REPS"], b/1e6, t, b/1e6/t, n/t, "", r/1024, w, t/w }'
}

# Threads, with a same-run control: one -j 1 run, two -j 1 runs at once
# (what two cores give right now: 2.00x on an idle machine, less on a busy
# one) and one -j 2 run, each best of N.  "speedup" is -j1 / -j2 wall time;
# "of possible" divides it by what the control pair got, so a busy machine
# shows as such instead of as poor scaling.  Output and store writes count.
scale_stage() {  # name corpus command-words... (run with -j N appended)
  local name=$1 corpus=$2; shift 2
  local db; db=$(mktemp -u /tmp/dyad-bench-XXXXXX.db)
  local run="rm -f $db $db-wal $db-shm; \"$dyad\" $* "
  [ "$1" = ingest ] && run="$run --db $db -q"
  read -r t1 _ <<< "$(measure bash -c "$run -j 1 '$corpus'")"
  read -r tpair _ <<< "$(measure bash -c "($run -j 1 '$corpus' > /dev/null & \"$dyad\" $* $( [ "$1" = ingest ] && echo "--db $db.2 -q" ) -j 1 '$corpus' > /dev/null; wait; rm -f $db.2 $db.2-wal $db.2-shm)")"
  read -r t2 _ <<< "$(measure bash -c "$run -j 2 '$corpus'")"
  rm -f "$db" "$db-wal" "$db-shm"
  awk -v n="$name" -v c="$(basename "$corpus")" -v a="$t1" -v p="$tpair" -v b="$t2" 'BEGIN {
    if (a <= 0) a = 0.001; if (p <= 0) p = 0.001; if (b <= 0) b = 0.001;
    printf "scale    %-8s %-20s -j1 %6.2f s  -j2 %6.2f s  speedup %4.2fx   control: two -j1 at once %6.2f s = %4.2fx of one core   speedup of possible %3.0f%%\n",
      n, c, a, b, a/b, p, 2*a/p, 100 * (a/b) / (2*a/p) }'
}

# The same pages through readability.js + linkedom (npm, installed once in
# a scratch folder, BENCH_NPM_DIR; skipped without node/npm or network).
readability_stage() {
  local reps=${BENCH_HTML_REPS:-200} files=() dir=${BENCH_NPM_DIR:-/tmp/dyad-bench-npm}
  command -v node > /dev/null && command -v npm > /dev/null || { echo "readability: skipped (no node/npm)"; return; }
  if [ ! -d "$dir/node_modules/linkedom" ]; then
    mkdir -p "$dir" && (cd "$dir" && npm init -y > /dev/null && npm install --no-audit --no-fund @mozilla/readability linkedom > /dev/null 2>&1) \
      || { echo "readability: skipped (npm install failed)"; return; }
  fi
  cp bench/readability.mjs "$dir/"
  for _ in $(seq "$reps"); do files+=("$PWD"/tests/fixtures/html/*.html); done
  read -r secs _ <<< "$(measure node "$dir/readability.mjs" "${files[@]}")"
  read -r dsecs _ <<< "$(measure "$dyad" text --count "${files[@]}")"
  awk -v n="${#files[@]}" -v t="$secs" -v d="$dsecs" 'BEGIN {
    if (t <= 0) t = 0.001; if (d <= 0) d = 0.001;
    printf "readability.js+linkedom %d pages %6.2f s (%6.0f pages/s); dyad text %6.2f s (%6.0f pages/s): dyad %.1fx faster\n",
      n, t, n/t, d, n/d, t/d }'
}

# dyad serve under load: a store of the bundled examples, the server on a
# free loopback port with 2 threads, then per endpoint CONNS connections
# sending requests back to back for SECS seconds (wrk when installed, else
# dyad's own bench/loadgen): requests/s, p50/p99 latency, errors.
serve_stage() {
  local tmp port="" pid conns=${BENCH_SERVE_CONNS:-16} secs=${BENCH_SERVE_SECS:-5}
  local loadgen; loadgen=$(dirname "$dyad")/loadgen
  tmp=$(mktemp -d)
  "$dyad" ingest -q --db "$tmp/ex.db" examples/*.txt examples/wire.jsonl 2>/dev/null
  "$dyad" serve -q --db "$tmp/ex.db" --listen 127.0.0.1:0 --threads 2 2>"$tmp/log" &
  pid=$!
  for _ in $(seq 100); do
    port=$(sed -n 's|.*serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$tmp/log")
    [ -n "$port" ] && break
    sleep 0.1
  done
  if [ -z "$port" ]; then echo "serve    the server did not start: $(head -c 200 "$tmp/log")"; kill "$pid" 2>/dev/null; rm -rf "$tmp"; return; fi
  for path in "/api/events?limit=50" "/api/timeline?a=USA&b=PRK&by=month"; do
    if command -v wrk >/dev/null; then
      wrk -t2 -c"$conns" -d"${secs}s" --latency "http://127.0.0.1:$port$path" > "$tmp/wrk" 2>&1
      awk -v p="$path" -v c="$conns" '/Requests\/sec/ {r=$2} /^ +50%/ {m=$2} /^ +99%/ {n=$2}
        /Non-2xx|Socket errors/ {e=e $0} END {printf "serve    %-36s %3d conns  %8.0f req/s  p50 %s  p99 %s  (wrk)%s\n", p, c, r, m, n, e ? "  errors: " e : "  errors 0"}' "$tmp/wrk"
    else
      "$loadgen" 127.0.0.1 "$port" "$path" "$conns" "$secs" > "$tmp/lg"
      awk -v p="$path" -v c="$conns" '{printf "serve    %-36s %3d conns  %8.0f req/s  p50 %.2f ms  p99 %.2f ms  max %.2f ms  errors %d  (loadgen, %d requests)\n",
        p, c, $4, $6, $8, $10, $12, $2}' "$tmp/lg"
    fi
  done
  kill -TERM "$pid"
  wait "$pid"
  rm -rf "$tmp"
}
# Places: the load of the gazetteer (libgeonames' cities, built on first
# use) and of the where stage's own tables, best of N `dyad lexicon stats`
# (milliseconds as it measures them); and the where stage's share of
# coding: `code` against `code --no-places` over each corpus (stages
# code and code-noplaces; the ratio of the two is the cost of placing).
places_stage() {
  local best_g="" best_w="" line g w
  for _ in $(seq "$runs"); do
    line=$("$dyad" lexicon stats 2>/dev/null)
    g=$(echo "$line" | awk '/^places_ms/ {print $2}')
    w=$(echo "$line" | awk '/^where_ms/ {print $2}')
    if [ -z "$best_g" ] || awk -v a="$g" -v b="$best_g" 'BEGIN{exit !(a<b)}'; then best_g=$g; fi
    if [ -z "$best_w" ] || awk -v a="$w" -v b="$best_w" 'BEGIN{exit !(a<b)}'; then best_w=$w; fi
  done
  echo "places   gazetteer load ${best_g} ms (libgeonames' cities), where tables ${best_w} ms (countries, landmarks), best of $runs"
}

echo "dyad $("$dyad" --version | cut -d' ' -f2) on $(nproc) cores, best of $runs runs"
for c in $corpora; do
  [ -f "$c" ] || { echo "missing corpus $c"; continue; }
  for s in $(echo "${BENCH_STAGES:-text}"); do
    case $s in
      html|readability|dask|serve) continue ;;
      code-j2) stage "$s" "$c" code -j 2 ;;
      code-noplaces) stage "$s" "$c" code --no-places ;;
      places) continue ;;
      scale) scale_stage code "$c" code; scale_stage ingest "$c" ingest ;;
      parse) parse_stage "$c" ;;
      *) stage "$s" "$c" "$s" ;;
    esac
  done
done
case " ${BENCH_STAGES:-text} " in *" places "*) places_stage ;; esac
case " ${BENCH_STAGES:-text} " in *" html "*) BENCH_HTML_REPS=${BENCH_HTML_REPS:-200} html_stage ;; esac
case " ${BENCH_STAGES:-text} " in *" readability "*) readability_stage ;; esac
case " ${BENCH_STAGES:-text} " in *" dask "*) bash "$(dirname "$0")/dask.sh" "$dyad" ;; esac
case " ${BENCH_STAGES:-text} " in *" serve "*) serve_stage ;; esac
