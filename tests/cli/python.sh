# tests/cli/python.sh - the Python package (python/dyad): records equal to
# dyad code's, the Store API against the CLI's answers, errors with the
# CLI's messages, pandas views, and dyad.dask on a local cluster: the same
# store as one dyad ingest, also when a worker is killed mid-run.
#
# The module is built by `make` into $BUILD/python for /usr/bin/python3
# (python3-dev); it is not built under the sanitizers (an instrumented
# module cannot load into python3), so the asan pass has nothing to run.
. tests/cli/lib.sh

[ "${DYAD_BUILD:-build}" = build-asan ] && exit 0
PY=${PYTHON:-/usr/bin/python3}
export PYTHONPATH="$PWD/${DYAD_BUILD:-build}/python"
if ! [ -f "$PYTHONPATH/dyad/__init__.py" ]; then
  t_fail python-built "no dyad package in $PYTHONPATH (make python; needs python3-dev)"
  exit 0
fi
REPO=$PWD

# --- Coder: the record dyad code prints, for every bundled story.
"$PY" - "$DYAD" <<'PY' && t_ok python-records-equal-cli || t_fail python-records-equal-cli "see above"
import glob, json, subprocess, sys
import dyad
dy = sys.argv[1]
c = dyad.Coder()
files = sorted(glob.glob("examples/*.txt"))
assert len(files) >= 20, files
for f in files:
    cli = json.loads(subprocess.run([dy, "code", f], capture_output=True, text=True, check=True).stdout)
    mine = c.code(open(f, encoding="utf-8").read())
    assert mine == cli, (f, [k for k in cli if cli[k] != mine.get(k)])
# JSON-lines records, with their own dates.
cli = [json.loads(l) for l in subprocess.run([dy, "code", "examples/wire.jsonl"], capture_output=True, text=True,
                                             check=True).stdout.splitlines()]
mine = [c.code_record(l) for l in open("examples/wire.jsonl", encoding="utf-8") if l.strip()]
assert mine == cli and len(mine) >= 1
recs, errs = c.code_file("examples/wire.jsonl")
assert recs == cli and errs == []
print("events in the first story:", len(c.code(open(files[0]).read())["events"]))
PY

"$PY" - <<'PY' && t_ok python-code-many-in-order || t_fail python-code-many-in-order "see above"
import glob
import dyad
c = dyad.Coder()
texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob("examples/*.txt"))] * 3
one = [c.code(t) for t in texts]
many = list(c.code_many(iter(texts), threads=3))
assert many == one, "code_many out of order or different"
assert list(c.code_many(texts[:2], threads=1)) == one[:2]
PY

# --- Errors carry the CLI's messages.
"$DYAD" code --data "$TMP/nowhere" examples/01_trump-warns-north-korea.txt > /dev/null 2> "$TMP/cli-data.err"
"$DYAD" code --date 2018-13-01 examples/01_trump-warns-north-korea.txt > /dev/null 2> "$TMP/cli-date.err"
"$PY" - "$TMP" <<'PY' && t_ok python-errors-as-cli || t_fail python-errors-as-cli "see above"
import sys
import dyad
tmp = sys.argv[1]
def msg(path):
    return open(path).read().strip().split("dyad: ", 1)[1]
try:
    dyad.Coder(data_dir=tmp + "/nowhere"); raise SystemExit("no error for a missing data folder")
except dyad.Error as e:
    assert str(e) == msg(tmp + "/cli-data.err"), (str(e), msg(tmp + "/cli-data.err"))
try:
    dyad.Coder().code("Trump met Kim.", date="2018-13-01"); raise SystemExit("no error for a bad date")
except dyad.Error as e:
    assert str(e) == msg(tmp + "/cli-date.err"), (str(e), msg(tmp + "/cli-date.err"))
try:
    dyad.Store(tmp + "/no/such/dir/x.db"); raise SystemExit("no error for a missing store")
except dyad.Error as e:
    assert "x.db" in str(e), str(e)
assert issubclass(dyad.Error, Exception)
PY

# --- Store: what the CLI answers, as lists of dicts.
"$DYAD" ingest --db "$TMP/cli.db" examples/*.txt examples/wire.jsonl 2> /dev/null
"$PY" - "$DYAD" "$TMP" <<'PY' && t_ok python-store-equals-cli || t_fail python-store-equals-cli "see above"
import glob, json, subprocess, sys
import dyad
dy, tmp = sys.argv[1], sys.argv[2]
def cli(*args):
    out = subprocess.run([dy] + list(args) + ["--db", tmp + "/cli.db", "--json"], capture_output=True, text=True,
                         check=True).stdout
    return [json.loads(l) for l in out.splitlines()]
s = dyad.Store(tmp + "/py.db", write=True)
counts = s.ingest(sorted(glob.glob("examples/*.txt")) + ["examples/wire.jsonl"])
assert counts["documents"] == 30 and counts["failed"] == 0, counts
again = s.ingest(["examples/wire.jsonl"])
assert again["documents"] == 0 and again["skipped"] >= 1, again
s.close()
s = dyad.Store(tmp + "/cli.db")
strip = lambda rows: [{k: v for k, v in r.items() if k != "added"} for r in rows]
assert strip(s.events(limit=0)) == strip(cli("events", "--limit", "0")), "events differ"
assert strip(s.events(actor="PRK", cameo="04", limit=0)) == strip(cli("events", "--actor", "PRK", "--cameo", "04", "--limit", "0"))
assert s.events(from_="2019", to="2019-06") == [e for e in s.events(limit=0) if "2019-01" <= e["date"][:7] <= "2019-06"]
assert s.quotes(speaker="Kim", limit=0) == cli("quotes", "--speaker", "Kim", "--limit", "0")
assert s.actors(limit=10) == cli("actors", "--limit", "10")
tl = s.timeline("USA", "PRK", by="year")
ctl = cli("timeline", "USA", "PRK", "--by", "year")
assert [(r["year"], r["events"]) for r in tl] == [(r["year"], r["events"]) for r in ctl], (tl, ctl)
assert sum(r["events"] for r in tl) > 10, tl
assert len(s.search("missile")) >= 1
try:
    s.events(cameo="4x"); raise SystemExit("no error for a bad CAMEO filter")
except dyad.Error as e:
    assert "--cameo" in str(e), str(e)
try:
    s.timeline("USA", "PRK", by="decade"); raise SystemExit("no error for --by decade")
except dyad.Error as e:
    assert "decade" in str(e)
py = dyad.Store(tmp + "/py.db")
assert strip(py.events(limit=0)) == strip(s.events(limit=0)), "Python's ingest differs from dyad ingest"
PY

if "$PY" -c 'import pandas' 2> /dev/null; then
  "$PY" - "$TMP" <<'PY' && t_ok python-pandas || t_fail python-pandas "see above"
import sys
import dyad
s = dyad.Store(sys.argv[1] + "/cli.db")
df = s.events_df(actor="USA", limit=0)
assert len(df) == len(s.events(actor="USA", limit=0)) > 0 and "cameo" in df.columns
assert df["cameo"].map(type).eq(str).all(), "CAMEO codes must stay strings (leading zeros)"
assert len(s.timeline_df("USA", "PRK")) == len(s.timeline("USA", "PRK"))
PY
else
  t_skip python-pandas "python3-pandas is not installed (sh setup.sh installs it)"
fi

# --- dyad.dask: a local cluster gives the store one dyad ingest gives.
if ! "$PY" -c 'import distributed' 2> /dev/null; then
  t_skip python-dask "python3-distributed is not installed (sh setup.sh installs it)"
  exit 0
fi
cat > "$TMP/dump.py" <<'PY'
# A store's contents without what differs between runs (when it was added).
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for t in ["documents", "sentences", "entities", "mentions", "timexes", "quotes", "events", "event_reports"]:
    cols = [r[1] for r in db.execute("PRAGMA table_info(%s)" % t) if r[1] not in ("added", "ingested_at")]
    for row in db.execute("SELECT %s FROM %s ORDER BY 1, 2" % (", ".join(cols), t)):
        print(t, repr(row))
PY
# A corpus of many JSON-lines documents, split into several tasks.
"$PY" - "$TMP/gen.jsonl" <<'PY'
import glob, json, sys
stories = [open(f, encoding="utf-8").read().split("\n\n", 1) for f in sorted(glob.glob("examples/*.txt"))]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i in range(240):
        title, body = stories[i % len(stories)]
        out.write(json.dumps({"id": "gen-%04d" % i, "title": title, "text": body, "source": "src%d" % (i % 7)}) + "\n")
PY
INPUTS="$TMP/gen.jsonl examples/wire.jsonl examples/01_trump-warns-north-korea.txt"
"$DYAD" ingest --db "$TMP/ref.db" $INPUTS 2> /dev/null
"$PY" "$TMP/dump.py" "$TMP/ref.db" > "$TMP/ref.dump"
timeout 300 "$PY" -m dyad.dask --scheduler local:2 $INPUTS --out "$TMP/run" --chunk-mb 0.1 -q 2> "$TMP/dask.err"; rc=$?
[ $rc -eq 0 ] && t_ok python-dask-exit-0 || t_fail python-dask-exit-0 "exit $rc: $(tail -5 "$TMP/dask.err")"
n_shards=$(ls "$TMP/run/shards" | grep -c '\.jsonl$')
[ "$n_shards" -ge 4 ] && t_ok python-dask-several-tasks || t_fail python-dask-several-tasks "$n_shards shards"
"$PY" "$TMP/dump.py" "$TMP/run/dyad.db" > "$TMP/run.dump"
cmp -s "$TMP/ref.dump" "$TMP/run.dump" && t_ok python-dask-store-equals-ingest \
  || t_fail python-dask-store-equals-ingest "$(diff "$TMP/ref.dump" "$TMP/run.dump" | head -5)"
# Run again: every shard is done, nothing is stored twice.
timeout 300 "$PY" -m dyad.dask --scheduler local:2 $INPUTS --out "$TMP/run" --chunk-mb 0.1 2> "$TMP/dask2.err"
n_docs=$(sqlite3 "$TMP/ref.db" 'select count(*) from documents')
t_grep python-dask-rerun-stores-nothing " 0 documents stored, $n_docs already in the store" "$TMP/dask2.err"
"$PY" "$TMP/dump.py" "$TMP/run/dyad.db" > "$TMP/run2.dump"
cmp -s "$TMP/ref.dump" "$TMP/run2.dump" && t_ok python-dask-rerun-same-store || t_fail python-dask-rerun-same-store "store changed"
# A worker killed in the middle of a task (SIGKILL): the task is retried
# elsewhere and the store is complete.
DYAD_DASK_KILL_TASK=2 timeout 300 "$PY" -m dyad.dask --scheduler local:2 $INPUTS --out "$TMP/killed" --chunk-mb 0.1 -q \
  2> "$TMP/killed.err"; rc=$?
[ -f "$TMP/killed/shards/.killed-00002" ] && t_ok python-dask-worker-was-killed || t_fail python-dask-worker-was-killed "the fault was not injected"
[ $rc -eq 0 ] && t_ok python-dask-killed-exit-0 || t_fail python-dask-killed-exit-0 "exit $rc: $(tail -5 "$TMP/killed.err")"
"$PY" "$TMP/dump.py" "$TMP/killed/dyad.db" > "$TMP/killed.dump"
cmp -s "$TMP/ref.dump" "$TMP/killed.dump" && t_ok python-dask-killed-store-complete \
  || t_fail python-dask-killed-store-complete "$(diff "$TMP/ref.dump" "$TMP/killed.dump" | head -5)"
# A missing input is an error before anything runs.
"$PY" -m dyad.dask --scheduler local:1 "$TMP/none.jsonl" --out "$TMP/x" 2> "$TMP/none.err"; rc=$?
[ $rc -eq 1 ] && t_ok python-dask-missing-input || t_fail python-dask-missing-input "exit $rc"
t_grep python-dask-missing-input-message 'none.jsonl: No such file' "$TMP/none.err"

# The shared corpora, when present: BBC in pieces on two workers = one ingest.
if t_shared python-dask-shared corpus/bbc.jsonl warc/example-resource.warc.gz; then
  W=$SHARED/warc/example-resource.warc.gz
  "$DYAD" ingest --db "$TMP/bbc-ref.db" "$SHARED/corpus/bbc.jsonl" "$W" 2> /dev/null
  timeout 600 "$PY" -m dyad.dask --scheduler local:2 "$SHARED/corpus/bbc.jsonl" "$W" --out "$TMP/bbc" --chunk-mb 1 -q 2> /dev/null
  "$PY" "$TMP/dump.py" "$TMP/bbc-ref.db" > "$TMP/bbc-ref.dump"
  "$PY" "$TMP/dump.py" "$TMP/bbc/dyad.db" > "$TMP/bbc.dump"
  cmp -s "$TMP/bbc-ref.dump" "$TMP/bbc.dump" && t_ok python-dask-shared-equals-ingest \
    || t_fail python-dask-shared-equals-ingest "$(diff "$TMP/bbc-ref.dump" "$TMP/bbc.dump" | head -3)"
fi
