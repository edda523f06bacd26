#!/bin/sh
# setup.sh - install what dyad needs (Debian 12 packages), build it, and run
# the main job on the bundled example articles.
#
#   sh setup.sh                  install, build, run the main job
#   sh setup.sh --install-only   install and build only (CI uses this)
#
# Needs root (or sudo) only when a package is missing.
set -e
cd "$(dirname "$0")"
PKGS="build-essential pkg-config libutf8proc-dev libjansson-dev libsqlite3-dev zlib1g-dev libzstd-dev
libgumbo-dev libgeonames-dev sqlite3 python3 python3-dev python3-pandas python3-dask python3-distributed time
clang libclang-rt-14-dev libmicrohttpd-dev curl chromium"

missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "setup: installing$missing"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

make -j"$(nproc)"
# The Python package (import dyad) for the system's python3.
if [ "$(id -u)" -eq 0 ]; then
    make -s install-python
else
    echo "setup: to install the Python package: sudo make install-python (or PYTHONPATH=build/python)"
fi
[ "${1:-}" = "--install-only" ] && exit 0

# The main job: code the bundled wire stories into a fresh embedded store
# (dyad.db in this folder), then read it back: every event (one row per
# event, however many stories reported it) and the United States - North
# Korea timeline.
rm -f dyad.db dyad.db-wal dyad.db-shm
echo
echo "== dyad ingest examples/*.txt examples/wire.jsonl  (into dyad.db)"
./dyad ingest examples/*.txt examples/wire.jsonl
echo
echo "== dyad events  (every event in the store; 'reports' counts the stories that told it)"
./dyad events
echo
echo "== dyad timeline USA PRK  (United States - North Korea, both directions, per month)"
./dyad timeline USA PRK --svg usa-prk.svg
echo
echo "Next: ./dyad search Singapore summit    ./dyad events --actor PRK --json    ./dyad export --format gdelt"
echo "      (the timeline as a chart: usa-prk.svg; options: ./dyad COMMAND --help; the store: docs/store.md)"
echo "      ./dyad serve   (then open http://127.0.0.1:8080/ : the store in a browser)"
