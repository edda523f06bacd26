#!/usr/bin/env bash
# tests/fuzz/run.sh BUILD NAME... - run libFuzzer harnesses for a while.
#
# Each BUILD/fuzz/fuzz_NAME runs for $FUZZ_TIME seconds (default 10) on a
# scratch copy of tests/fuzz/seeds/NAME (the seeds in the repository are
# never written), under nice.  Prints "ok fuzz_NAME: N execs in T s" or
# "FAIL fuzz_NAME: ..." with the report's first lines, and keeps the
# crashing input as build-fuzz/crash-NAME-*.  The last line is
# "N passed, N failed".
#
# A long run of one harness, keeping what it finds:
#   mkdir -p corpus/html && cp tests/fuzz/seeds/html/* corpus/html/
#   build-fuzz/fuzz/fuzz_html -max_total_time=600 -timeout=25 corpus/html
set -u
cd "$(dirname "$0")/../.."
build=$1; shift
time=${FUZZ_TIME:-10}
pass=0 fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for name in "$@"; do
  bin=$build/fuzz/fuzz_$name
  if [ ! -x "$bin" ]; then echo "FAIL fuzz_$name: $bin not built (make fuzz)"; fail=$((fail + 1)); continue; fi
  mkdir -p "$work/$name"
  cp tests/fuzz/seeds/"$name"/* "$work/$name/" 2>/dev/null
  TMPDIR=$work nice "$bin" -max_total_time="$time" -timeout=25 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$build/crash-$name-" "$work/$name" >"$work/$name.log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name.log")
  if [ "$rc" -eq 0 ]; then
    echo "ok fuzz_$name: ${execs:-?} execs in $time s"
    pass=$((pass + 1))
  else
    echo "FAIL fuzz_$name: exit $rc after ${execs:-?} execs; crashing input in $build/crash-$name-*"
    grep -m1 -A12 'ERROR: \|runtime error\|deadly signal\|timeout' "$work/$name.log" | sed 's/^/    /'
    fail=$((fail + 1))
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
