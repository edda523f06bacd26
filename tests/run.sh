#!/usr/bin/env bash
# tests/run.sh BUILD... - run the whole suite against each build folder.
#
# For every build: each unit program build/tests/test_*, then each CLI
# script tests/cli/*.sh with DYAD pointing at that build's binary.  Every
# test prints "ok NAME", "FAIL NAME: why" or "skip NAME: why" (it needs
# ../shared, which a fresh clone does not have); this script counts them,
# and a program that crashes or exits non-zero without printing a FAIL
# counts as one failure of its own.  The reasons for skips are listed at
# the end; the last line is "N passed, N failed, N skipped".
#
# DYAD_SHARED names the shared data (default ../shared beside the
# repository).  DYAD_REQUIRE_SHARED=1 (CI sets it) counts every skip for
# want of it ("skip NAME: needs ../shared ...") as a failure, so a run that
# should have the data can never skip silently; other skips (a missing
# optional tool) stay skips.
set -u
cd "$(dirname "$0")/.."
export DYAD_SHARED="${DYAD_SHARED:-$(cd .. && pwd)/shared}"
[ $# -gt 0 ] || set -- build
require=${DYAD_REQUIRE_SHARED:-0}
pass=0 fail=0 skip=0
log=$(mktemp) skips=$(mktemp)
trap 'rm -f "$log" "$skips"' EXIT

run_one() {  # label command...
  local label=$1; shift
  "$@" >"$log" 2>&1
  local rc=$?
  local p f k
  p=$(grep -c '^ok ' "$log")
  f=$(grep -c '^FAIL ' "$log")
  k=$(grep -c '^skip ' "$log")
  grep '^FAIL ' "$log" | sed "s|^|[$label] |"
  if [ "$require" = 1 ]; then grep '^skip ' "$log" | grep -v '^skip [^:]*: needs \.\./shared' | sed "s|^|[$label] |" >> "$skips"
  else grep '^skip ' "$log" | sed "s|^|[$label] |" >> "$skips"; fi
  local ks
  ks=$(grep -c '^skip [^:]*: needs \.\./shared' "$log")
  if [ "$require" = 1 ] && [ "$ks" -gt 0 ]; then
    grep '^skip [^:]*: needs \.\./shared' "$log" | sed "s|^skip |FAIL [$label] skipped with DYAD_REQUIRE_SHARED=1: |"
    f=$((f + ks)); k=$((k - ks))
  fi
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "FAIL [$label] exited with status $rc:"; tail -n 20 "$log" | sed 's/^/    /'
    f=1
  fi
  if grep -q 'ERROR: AddressSanitizer\|ERROR: LeakSanitizer\|runtime error:' "$log"; then
    echo "FAIL [$label] sanitizer report:"; grep -m5 -A5 'ERROR: \|runtime error:' "$log" | sed 's/^/    /'
    f=$((f + 1))
  fi
  pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + k))
  if [ "$k" -gt 0 ]; then printf '%-40s %3d ok %3d failed %3d skipped\n' "$label" "$p" "$f" "$k"
  else printf '%-40s %3d ok %3d failed\n' "$label" "$p" "$f"; fi
}

for build in "$@"; do
  echo "== suite on $build"
  export DYAD="$PWD/$build/dyad" DYAD_BUILD="$build"
  for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    run_one "$build/$(basename "$t")" "$t"
  done
  for s in tests/cli/*.sh; do
    [ -f "$s" ] && [ "$(basename "$s")" != lib.sh ] || continue
    run_one "$build/cli/$(basename "$s" .sh)" bash "$s"
  done
done
if [ "$skip" -gt 0 ]; then
  echo "== skipped ($DYAD_SHARED is not there or lacks these files; see README):"
  sed 's/^/  /' "$skips"
fi
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
