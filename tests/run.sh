#!/usr/bin/env bash
# tests/run.sh BUILD... - run the whole suite against each build folder.
#
# For every build: each unit program build/tests/test_*, then each CLI
# script tests/cli/*.sh with DYAD pointing at that build's binary.  Every
# test prints "ok NAME" or "FAIL NAME: why"; this script counts them, and a
# program that crashes or exits non-zero without printing a FAIL counts as
# one failure of its own.  The last line is "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
export DYAD_SHARED="${DYAD_SHARED:-$(cd .. && pwd)/shared}"
[ $# -gt 0 ] || set -- build
pass=0 fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run_one() {  # label command...
  local label=$1; shift
  "$@" >"$log" 2>&1
  local rc=$?
  local p f
  p=$(grep -c '^ok ' "$log")
  f=$(grep -c '^FAIL ' "$log")
  grep '^FAIL ' "$log" | sed "s|^|[$label] |"
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "FAIL [$label] exited with status $rc:"; tail -n 20 "$log" | sed 's/^/    /'
    f=1
  fi
  if grep -q 'ERROR: AddressSanitizer\|ERROR: LeakSanitizer\|runtime error:' "$log"; then
    echo "FAIL [$label] sanitizer report:"; grep -m5 -A5 'ERROR: \|runtime error:' "$log" | sed 's/^/    /'
    f=$((f + 1))
  fi
  pass=$((pass + p)); fail=$((fail + f))
  printf '%-40s %3d ok %3d failed\n' "$label" "$p" "$f"
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
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
