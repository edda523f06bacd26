# tests/cli/lib.sh - helpers for CLI test scripts (sourced, not run).
#
#   t_ok NAME            record a pass
#   t_fail NAME WHY      record a failure
#   t_check NAME CMD...  pass when CMD succeeds
#   t_grep NAME PATTERN FILE   pass when FILE matches the extended regex
#   t_skip NAME WHY      record a test that cannot run here
#   t_shared NAME REL... true when every REL is under $SHARED; else records
#                        "skip NAME: needs ../shared (REL)" and is false:
#                        `if t_shared NAME examples/x.txt; then ... fi`
# A fresh clone has no ../shared: its tests skip (tests/run.sh counts them;
# DYAD_REQUIRE_SHARED=1 makes a skip a failure, as CI runs the suite).
# Scripts run from the repository root; $DYAD is the binary under test,
# $DYAD_SHARED the shared folder; each script gets its own $TMP.
DYAD=${DYAD:-$PWD/build/dyad}
SHARED=${DYAD_SHARED:-$PWD/../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
t_ok() { echo "ok $1"; }
t_fail() { echo "FAIL $1: $2"; }
t_skip() { echo "skip $1: $2"; }
t_shared() {
  local n=$1 r; shift
  for r in "$@"; do
    [ -r "$SHARED/$r" ] || { t_skip "$n" "needs ../shared ($r)"; return 1; }
  done
}
t_check() { local n=$1; shift; if "$@" >/dev/null 2>&1; then t_ok "$n"; else t_fail "$n" "command failed: $*"; fi; }
t_grep() { if grep -Eq -- "$2" "$3"; then t_ok "$1"; else t_fail "$1" "no match for /$2/ in $3: $(head -c 300 "$3")"; fi; }
t_nogrep() { if grep -Eq -- "$2" "$3"; then t_fail "$1" "unexpected /$2/ in $3: $(grep -Em1 -- "$2" "$3")"; else t_ok "$1"; fi; }
