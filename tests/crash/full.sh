#!/usr/bin/env bash
# tests/crash/full.sh [BUILD] - the full crash-safety run of issue 18:
# 10 SIGKILL trials over 5,000 generated documents (plus the two-writer,
# read-only, full-disk, newer-schema and not-SQLite checks), with the same
# script the suite runs at a smaller size (tests/cli/crash.sh).  Not part
# of `make check` (it takes a few minutes); run it once and quote its
# "# sigkill trials:" line and ok/FAIL lines.
set -u
cd "$(dirname "$0")/../.."
export DYAD="$PWD/${1:-build}/dyad"
CRASH_DOCS=${CRASH_DOCS:-5000} CRASH_TRIALS=${CRASH_TRIALS:-10} bash tests/cli/crash.sh
