# CLI tests of the store: ingest (idempotent, killed mid-run), queries with
# hostile input, empty and missing stores, every output format read back by
# a real parser (python3 json/csv/xml, the sqlite3 shell), timelines and
# the SVG chart.  Query numbers come from a fixture store of hand-built
# documents (tests/unit/test_store.c --fixture), so they do not depend on
# how well the earlier stages code the examples.
. tests/cli/lib.sh

FIXTURE_BIN="$(dirname "$DYAD")/tests/test_store"
sq() { sqlite3 -batch "$@"; }
lines() { if [ -s "$1" ]; then wc -l < "$1" | tr -d ' '; else echo 0; fi; }
# Documents whose child rows differ from their own counts: none, ever.
INCOMPLETE="SELECT count(*) FROM documents d WHERE
  n_sentences <> (SELECT count(*) FROM sentences x WHERE x.doc = d.docno)
  OR n_entities <> (SELECT count(*) FROM entities x WHERE x.doc = d.docno)
  OR n_mentions <> (SELECT count(*) FROM mentions x WHERE x.doc = d.docno)
  OR n_quotes <> (SELECT count(*) FROM quotes x WHERE x.doc = d.docno)
  OR n_events <> (SELECT count(*) FROM event_reports x WHERE x.doc = d.docno)"
ORPHANS="SELECT (SELECT count(*) FROM sentences WHERE doc NOT IN (SELECT docno FROM documents))
  + (SELECT count(*) FROM mentions WHERE doc NOT IN (SELECT docno FROM documents))
  + (SELECT count(*) FROM quotes WHERE doc NOT IN (SELECT docno FROM documents))
  + (SELECT count(*) FROM event_reports WHERE doc NOT IN (SELECT docno FROM documents))
  + (SELECT count(*) FROM events WHERE id NOT IN (SELECT event FROM event_reports))"
SUMMARY="SELECT (SELECT count(*) FROM documents) || '/' || (SELECT count(*) FROM sentences) || '/' ||
  (SELECT count(*) FROM mentions) || '/' || (SELECT count(*) FROM quotes) || '/' ||
  (SELECT count(*) FROM events) || '/' || (SELECT count(*) FROM event_reports)"

# ---------------------------------------------------------------- ingest
ex="examples/*.txt examples/wire.jsonl"
# shellcheck disable=SC2086
"$DYAD" ingest --db "$TMP/ex.db" $ex > "$TMP/ingest.out" 2> "$TMP/ingest.err"; rc=$?
[ $rc -eq 0 ] && t_ok ingest-exit-0 || t_fail ingest-exit-0 "exit $rc: $(tail -n 3 "$TMP/ingest.err")"
t_grep ingest-summary '30 documents stored, 0 already in the store' "$TMP/ingest.err"
[ "$(sq "$TMP/ex.db" 'SELECT count(*) FROM documents')" = 30 ] && t_ok ingest-30-documents || t_fail ingest-30-documents "$(sq "$TMP/ex.db" 'SELECT count(*) FROM documents')"
[ "$(sq "$TMP/ex.db" "$INCOMPLETE")" = 0 ] && t_ok ingest-documents-whole || t_fail ingest-documents-whole "incomplete documents"
[ "$(sq "$TMP/ex.db" 'PRAGMA journal_mode; PRAGMA user_version' | tr '\n' ' ')" = "wal 4 " ] \
  && t_ok ingest-wal-and-schema-version || t_fail ingest-wal-and-schema-version "$(sq "$TMP/ex.db" 'PRAGMA journal_mode; PRAGMA user_version')"
[ "$(sq "$TMP/ex.db" "SELECT count(*) FROM documents WHERE id = 'dyad-wire-2021-0001' AND pubdate = '2021-10-19' AND source = 'Dyad Wire'")" = 1 ] \
  && t_ok ingest-metadata-kept || t_fail ingest-metadata-kept "wire record not stored with its metadata"
before=$(sq "$TMP/ex.db" "$SUMMARY")

# The same input again: nothing new, nothing doubled.
# shellcheck disable=SC2086
"$DYAD" ingest --db "$TMP/ex.db" $ex 2> "$TMP/again.err"; rc=$?
t_grep reingest-skips '0 documents stored, 30 already in the store' "$TMP/again.err"
[ $rc -eq 0 ] && [ "$(sq "$TMP/ex.db" "$SUMMARY")" = "$before" ] && t_ok reingest-idempotent \
  || t_fail reingest-idempotent "rc=$rc $(sq "$TMP/ex.db" "$SUMMARY") vs $before"
"$DYAD" ingest -q --db "$TMP/twice.db" examples/01_trump-warns-north-korea.txt examples/01_trump-warns-north-korea.txt
[ "$(sq "$TMP/twice.db" 'SELECT count(*) FROM documents')" = 1 ] && t_ok same-document-twice-in-one-run || t_fail same-document-twice-in-one-run "stored twice"
"$DYAD" ingest -q --db "$TMP/stdin.db" - < examples/wire.jsonl
[ "$(sq "$TMP/stdin.db" 'SELECT count(*) FROM documents')" = 6 ] && t_ok ingest-stdin || t_fail ingest-stdin "not 6 documents"
"$DYAD" ingest --count --db "$TMP/count.db" examples/wire.jsonl > "$TMP/count.out" 2>/dev/null
t_grep ingest-count-line '^documents 6 sentences [0-9]+ ' "$TMP/count.out"

# ---------------------------------------------------------------- SIGKILL
# Kill -9 a real ingest twice, each time right after it has committed more,
# and check that every stored document is whole; then let a run finish.
corpus="$SHARED/corpus/bbc.jsonl"
if t_shared sigkill-corpus corpus/bbc.jsonl; then
  total=$(grep -c . "$corpus")
  killed=0 whole=1
  for round in 1 2; do
    start=$(sq "$TMP/kill.db" 'SELECT count(*) FROM documents' 2>/dev/null || echo 0)
    "$DYAD" ingest -q --db "$TMP/kill.db" "$corpus" 2>/dev/null &
    pid=$!
    for _ in $(seq 1 1500); do
      n=$(sq "$TMP/kill.db" 'SELECT count(*) FROM documents' 2>/dev/null || echo 0)
      [ "${n:-0}" -gt "${start:-0}" ] && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.02
    done
    sleep "0.0$((RANDOM % 10))"            # somewhere inside the next batch
    kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
    wait "$pid" 2>/dev/null
    [ "$(sq "$TMP/kill.db" "$INCOMPLETE")" = 0 ] && [ "$(sq "$TMP/kill.db" "$ORPHANS")" = 0 ] || whole=0
  done
  stored=$(sq "$TMP/kill.db" 'SELECT count(*) FROM documents')
  [ "$killed" -eq 2 ] && [ "$stored" -gt 0 ] && [ "$stored" -lt "$total" ] && t_ok sigkill-mid-run \
    || t_fail sigkill-mid-run "killed $killed times, $stored of $total stored: not killed mid-run"
  [ $whole -eq 1 ] && t_ok sigkill-documents-whole || t_fail sigkill-documents-whole "a document is half-stored"
  [ "$(sq "$TMP/kill.db" 'PRAGMA integrity_check')" = ok ] \
    && sq "$TMP/kill.db" "INSERT INTO docs_fts(docs_fts) VALUES('integrity-check'); INSERT INTO quotes_fts(quotes_fts) VALUES('integrity-check');" \
    && t_ok sigkill-integrity || t_fail sigkill-integrity "integrity check failed"
  "$DYAD" ingest --db "$TMP/kill.db" "$corpus" 2> "$TMP/kill.err"; rc=$?
  [ $rc -eq 0 ] && [ "$(sq "$TMP/kill.db" 'SELECT count(*) FROM documents')" = "$total" ] \
    && grep -q "$((total - stored)) documents stored, $stored already in the store" "$TMP/kill.err" \
    && [ "$(sq "$TMP/kill.db" "$INCOMPLETE")" = 0 ] && t_ok sigkill-rerun-completes \
    || t_fail sigkill-rerun-completes "rc=$rc $(tail -n 1 "$TMP/kill.err")"
fi

# ---------------------------------------------------------------- queries
db="$TMP/fx.db"
if ! "$FIXTURE_BIN" --fixture "$db"; then
  t_fail fixture "cannot build the fixture store with $FIXTURE_BIN"
fi
"$DYAD" events --db "$db" > "$TMP/ev.txt"; rc=$?
[ $rc -eq 0 ] && t_ok events-exit-0 || t_fail events-exit-0 "exit $rc"
t_grep events-table-footer '^\(13 events\)$' "$TMP/ev.txt"
t_grep events-table-merged-row '2018-06-12  USAGOV  PRKGOV  044 +CONSULT +2\.5 +4 +2  +Donald Trump met Kim Jong Un in Singapore' "$TMP/ev.txt"
t_grep events-table-negated '\[negated\] Donald Trump did not meet' "$TMP/ev.txt"

"$DYAD" events --db "$db" --json > "$TMP/ev.json"
python3 - "$TMP/ev.json" <<'PY' && t_ok events-json-parsed || t_fail events-json-parsed "$(head -c 300 "$TMP/ev.json")"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 13, len(rows)
m = [r for r in rows if r["cameo"] == "044" and r["negated"] == 0]
assert len(m) == 1 and (m[0]["reports"], m[0]["articles"], m[0]["sources"]) == (4, 3, 2), m
assert isinstance(m[0]["goldstein"], float) and m[0]["quad"] == 1 and m[0]["doc"] == "fx-1", m[0]
assert m[0]["evidence"] == "Donald Trump met Kim Jong Un in Singapore on Tuesday.", m[0]["evidence"]
PY
"$DYAD" events --db "$db" --csv > "$TMP/ev.csv"
python3 - "$TMP/ev.csv" <<'PY' && t_ok events-csv-parsed || t_fail events-csv-parsed "$(head -c 300 "$TMP/ev.csv")"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows) == 13, len(rows)
assert rows[0]["date"] == "2017-08-09" and rows[0]["source"] == "USAGOV", rows[0]
assert any(r["doc"] == "fx-8'; DROP TABLE documents; --" for r in rows)
PY
"$DYAD" events --db "$db" --tsv > "$TMP/ev.tsv"
python3 - "$TMP/ev.tsv" <<'PY' && t_ok events-tsv-parsed || t_fail events-tsv-parsed "$(head -c 300 "$TMP/ev.tsv")"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
assert len(rows) == 14 and all(len(r) == len(rows[0]) for r in rows), [len(r) for r in rows]
PY

# Filters, counted on JSON lines.
count() { "$DYAD" events --db "$db" --json "$@" 2>/dev/null | wc -l | tr -d ' '; }
check_count() { local name=$1 want=$2; shift 2; local got; got=$(count "$@"); [ "$got" = "$want" ] && t_ok "$name" || t_fail "$name" "$* gave $got events, expected $want"; }
check_count filter-actor-code-prefix 10 --actor USA
check_count filter-actor-lowercase 10 --actor usa
check_count filter-actor-name 7 --actor Kim
check_count filter-actor-name-words 7 --actor "Kim Jong Un"
check_count filter-source-target 5 --source USA --target PRK
check_count filter-cameo-prefix 4 --cameo 04
check_count filter-cameo-code 2 --cameo 044
check_count filter-plover 4 --plover consult
check_count filter-quad 4 --quad 3
check_count filter-dates 4 --from 2018 --to 2018
check_count filter-doc-hostile-id 1 --doc "fx-8'; DROP TABLE documents; --"
check_count filter-limit 2 --limit 2
check_count hostile-percent 0 --actor '%'
check_count hostile-underscore 0 --actor '_SA'
check_count hostile-sql 0 --actor "'; DROP TABLE events; --"
check_count hostile-double-quote 0 --actor '" OR 1=1 --'
check_count hostile-semicolon 0 --plover 'CONSULT; DELETE FROM events'
check_count unknown-actor 0 --actor ZZZ
[ "$(sq "$db" 'SELECT count(*) FROM events')" = 13 ] && t_ok hostile-store-intact || t_fail hostile-store-intact "events changed"
"$DYAD" events --db "$db" --actor ZZZ > "$TMP/none.txt"; rc=$?
[ $rc -eq 0 ] && grep -q '^(0 events)$' "$TMP/none.txt" && t_ok unknown-actor-table || t_fail unknown-actor-table "rc=$rc $(cat "$TMP/none.txt")"

# Full-text search: every character as typed, operators are words.
"$DYAD" search --db "$db" --json Panmunjom > "$TMP/s.json"
python3 - "$TMP/s.json" <<'PY' && t_ok search-json-snippet || t_fail search-json-snippet "$(cat "$TMP/s.json")"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 1 and rows[0]["kind"] == "document" and "[Panmunjom]" in rows[0]["snippet"], rows
assert rows[0]["doc"] == "fx-8'; DROP TABLE documents; --"
PY
"$DYAD" search --db "$db" --csv together > "$TMP/s.csv"
python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1]))); assert sorted(x["kind"] for x in r)==["document","quote"], r' "$TMP/s.csv" \
  && t_ok search-csv-docs-and-quotes || t_fail search-csv-docs-and-quotes "$(cat "$TMP/s.csv")"
for q in '100%' 'NEAR(this) OR that*' '"z"' "it's"; do
  "$DYAD" search --db "$db" --json -- "$q" > "$TMP/h.json" 2> "$TMP/h.err"; rc=$?
  [ $rc -eq 0 ] && [ "$(lines "$TMP/h.json")" = 2 ] && t_ok "search-hostile-$q" || t_fail "search-hostile-$q" "rc=$rc $(cat "$TMP/h.err" "$TMP/h.json")"
done
for q in '"; DROP TABLE documents; --' '*' '%' ')('; do
  "$DYAD" search --db "$db" --json -- "$q" > "$TMP/h.json" 2> "$TMP/h.err"; rc=$?
  [ $rc -eq 0 ] && [ "$(lines "$TMP/h.json")" = 0 ] && t_ok "search-nothing-$q" || t_fail "search-nothing-$q" "rc=$rc $(cat "$TMP/h.err" "$TMP/h.json")"
done
[ "$(sq "$db" 'SELECT count(*) FROM documents')" = 14 ] && t_ok search-store-intact || t_fail search-store-intact "documents changed"

# ---------------------------------------------------------------- timeline
"$DYAD" timeline --db "$db" USA PRK --svg "$TMP/t.svg" > "$TMP/t.txt" 2>/dev/null; rc=$?
[ $rc -eq 0 ] && t_ok timeline-exit-0 || t_fail timeline-exit-0 "exit $rc"
t_grep timeline-row '^2017-08 +1 +1 +2 +-14\.0 +-7\.0 +0 +0 +2 +0$' "$TMP/t.txt"
t_grep timeline-sparkline '^USA→PRK +\|█ ' "$TMP/t.txt"
t_grep timeline-total '^\(7 events in 5 months with events\)$' "$TMP/t.txt"
python3 - "$TMP/t.svg" <<'PY' && t_ok timeline-svg-well-formed || t_fail timeline-svg-well-formed "$(head -c 300 "$TMP/t.svg")"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = "{http://www.w3.org/2000/svg}"
assert root.tag == ns + "svg", root.tag
texts = [t.text for t in root.iter(ns + "text")]
assert "Events between USA and PRK, per month" in texts, texts
bars = [r for r in root.iter(ns + "rect") if r.find(ns + "title") is not None]
assert len(bars) == 7, len(bars)
assert len(list(root.iter(ns + "circle"))) == 6
PY
for f in json csv tsv; do "$DYAD" timeline --db "$db" USA PRK "--$f" > "$TMP/t.$f"; done
python3 - "$TMP/t.json" "$TMP/t.csv" "$TMP/t.tsv" <<'PY' && t_ok timeline-formats-parsed || t_fail timeline-formats-parsed "$(cat "$TMP/t.json")"
import csv, json, sys
j = [json.loads(l) for l in open(sys.argv[1])]
c = list(csv.DictReader(open(sys.argv[2], newline="")))
t = list(csv.DictReader(open(sys.argv[3], newline=""), delimiter="\t"))
assert len(j) == len(c) == len(t) == 5
assert j[1] == {"month": "2018-06", "a_to_b": 1, "b_to_a": 1, "events": 2, "goldstein_sum": 5.9,
                "goldstein_mean": j[1]["goldstein_mean"], "verbal_coop": 2, "material_coop": 0,
                "verbal_conflict": 0, "material_conflict": 0}, j[1]
assert abs(j[1]["goldstein_mean"] - 2.95) < 0.051
assert c[4]["month"] == "2022-03" and c[4]["a_to_b"] == "1" and t[3]["b_to_a"] == "1"
PY
for by in day:5 week:4 year:4; do
  n=$("$DYAD" timeline --db "$db" USA PRK --by "${by%:*}" --json | wc -l | tr -d ' ')
  [ "$n" = "${by#*:}" ] && t_ok "timeline-by-${by%:*}" || t_fail "timeline-by-${by%:*}" "$n periods"
done
"$DYAD" timeline --db "$db" ZZZ QQQ --svg "$TMP/none.svg" > "$TMP/tn.txt" 2>/dev/null; rc=$?
[ $rc -eq 0 ] && grep -q '^(no events between ZZZ and QQQ)$' "$TMP/tn.txt" \
  && python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$TMP/none.svg" \
  && t_ok timeline-unknown-actors || t_fail timeline-unknown-actors "rc=$rc $(cat "$TMP/tn.txt")"

# ---------------------------------------------------------------- export
"$DYAD" export --db "$db" --format jsonl > "$TMP/x.jsonl"
python3 - "$TMP/x.jsonl" <<'PY' && t_ok export-jsonl || t_fail export-jsonl "$(head -c 300 "$TMP/x.jsonl")"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 13
m = [r for r in rows if r["cameo"] == "044" and not r["negated"]][0]
assert [r["doc"] for r in m["reports"]] == ["fx-1", "fx-2", "fx-3", "fx-3"], m["reports"]
assert m["reports"][3]["text"] == "Later Donald Trump met Kim Jong Un again."
assert m["source"] == {"code": "USAGOV", "name": "Donald Trump"} and m["plover"]["type"] == "CONSULT"
PY
"$DYAD" export --db "$db" --format csv > "$TMP/x.csv"
python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1],newline=""))); assert len(r)==13 and "evidence" in r[0], len(r)' "$TMP/x.csv" \
  && t_ok export-csv || t_fail export-csv "$(head -c 300 "$TMP/x.csv")"
"$DYAD" export --db "$db" --format gdelt > "$TMP/x.gdelt"
python3 - "$TMP/x.gdelt" <<'PY' && t_ok export-gdelt-58-columns || t_fail export-gdelt-58-columns "$(head -c 300 "$TMP/x.gdelt")"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
assert len(rows) == 10 and all(len(r) == 58 for r in rows), [len(r) for r in rows]
m = [r for r in rows if r[26] == "044"][0]
assert (m[1], m[5], m[7], m[12], m[27], m[28], m[29], m[31], m[32], m[33], m[57]) == \
    ("20180612", "USAGOV", "USA", "GOV", "044", "04", "1", "4", "2", "3", "https://wire.example.org/fx-1"), m
PY
cols=$(seq -f 'c%g' 1 58 | paste -sd, -)
got=$(sq ":memory:" "CREATE TABLE g($cols);" ".mode tabs" ".import $TMP/x.gdelt g" "SELECT count(*) || ' ' || sum(c32) FROM g WHERE c27 <> ''")
[ "$got" = "10 15" ] && t_ok export-gdelt-sqlite-import || t_fail export-gdelt-sqlite-import "$got"
"$DYAD" export --db "$db" --format plover > "$TMP/x.plover"
python3 - "$TMP/x.plover" <<'PY' && t_ok export-plover || t_fail export-plover "$(head -c 300 "$TMP/x.plover")"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 10
for r in rows:
    assert {"id", "date", "source", "recipient", "event", "mode", "context", "quad_code", "text"} <= set(r), r
    assert isinstance(r["source"], list) and isinstance(r["recipient"], list) and len(r["event"]) == 1
m = [r for r in rows if r["cameo_code"] == "044"][0]
assert m["source"][0]["code"] == "USA" and m["source"][0]["sector"] == "GOV" and m["recipient"][0]["actor_text"] == "Kim Jong Un"
PY
[ "$("$DYAD" export --db "$db" --format gdelt --actor RUS | wc -l | tr -d ' ')" = 2 ] && t_ok export-filters || t_fail export-filters "not 2"

# ---------------------------------------------------------------- quotes and actors from the store
# `dyad quotes` / `dyad actors` are their stages' commands; they reach the
# store (store_cmd_quotes / store_cmd_actors) once their dispatch is wired.
if grep -q store_cmd_quotes cli/cmd_quotes.c 2>/dev/null; then
  "$DYAD" quotes --db "$db" --speaker "O'Brien" --json < /dev/null > "$TMP/q.json"
  python3 -c 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; assert len(r)==1 and r[0]["code"]=="IRLMED", r' "$TMP/q.json" \
    && t_ok store-quotes-speaker || t_fail store-quotes-speaker "$(cat "$TMP/q.json")"
  n=$("$DYAD" quotes --db "$db" --text '100% NEAR(this)' --csv < /dev/null | python3 -c 'import csv,sys; print(len(list(csv.DictReader(sys.stdin))))')
  [ "$n" = 1 ] && t_ok store-quotes-text || t_fail store-quotes-text "$n"
  n=$("$DYAD" quotes --db "$db" --actor "'; DROP TABLE quotes; --" --json < /dev/null | wc -l | tr -d ' ')
  [ "$n" = 0 ] && t_ok store-quotes-hostile || t_fail store-quotes-hostile "$n"
else
  echo "skip store-quotes: cli/cmd_quotes.c does not dispatch to store_cmd_quotes yet"
fi
if grep -q store_cmd_actors cli/cmd_actors.c 2>/dev/null; then
  "$DYAD" actors --db "$db" --json < /dev/null > "$TMP/a.json"
  python3 -c 'import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; assert r[0]["code"]=="USAGOV" and r[0]["events"]==8 and r[0]["name"]=="Donald Trump", r[0]' "$TMP/a.json" \
    && t_ok store-actors || t_fail store-actors "$(head -c 300 "$TMP/a.json")"
else
  echo "skip store-actors: cli/cmd_actors.c does not dispatch to store_cmd_actors yet"
fi

# ---------------------------------------------------------------- empty, missing, wrong
: > "$TMP/empty.db"
"$DYAD" events --db "$TMP/empty.db" > "$TMP/e.txt"; rc=$?
[ $rc -eq 0 ] && grep -q '^(0 events)$' "$TMP/e.txt" && t_ok empty-store-events || t_fail empty-store-events "rc=$rc $(cat "$TMP/e.txt")"
out=$("$DYAD" events --db "$TMP/empty.db" --json; "$DYAD" export --db "$TMP/empty.db" --format gdelt; "$DYAD" timeline --db "$TMP/empty.db" USA PRK --json; "$DYAD" search --db "$TMP/empty.db" --json missile)
[ -z "$out" ] && t_ok empty-store-machine-formats || t_fail empty-store-machine-formats "$out"
"$DYAD" timeline --db "$TMP/empty.db" USA PRK > "$TMP/e.txt"
t_grep empty-store-timeline '^\(no events between USA and PRK\)$' "$TMP/e.txt"

"$DYAD" events --db "$TMP/missing.db" > /dev/null 2> "$TMP/m.err"; rc=$?
[ $rc -eq 1 ] && [ ! -e "$TMP/missing.db" ] && t_ok missing-store-exit-1 || t_fail missing-store-exit-1 "rc=$rc"
t_grep missing-store-message "^dyad: $TMP/missing.db: no such store" "$TMP/m.err"
"$DYAD" events --db examples/README.md > /dev/null 2> "$TMP/w.err"; rc=$?
[ $rc -eq 1 ] && t_ok not-a-store-exit-1 || t_fail not-a-store-exit-1 "rc=$rc"
t_grep not-a-store-message 'not a dyad store' "$TMP/w.err"

usage() { local name=$1; shift; "$DYAD" "$@" > /dev/null 2> "$TMP/u.err"; local rc=$?; [ $rc -eq 2 ] && t_ok "$name" || t_fail "$name" "exit $rc: $(cat "$TMP/u.err")"; }
usage usage-quad events --db "$db" --quad 5
usage usage-date events --db "$db" --from 2019-13
usage usage-cameo events --db "$db" --cameo abc
usage usage-two-formats events --db "$db" --json --csv
usage usage-events-file events --db "$db" somefile
usage usage-timeline-one-actor timeline --db "$db" USA
usage usage-timeline-by timeline --db "$db" USA PRK --by fortnight
usage usage-timeline-empty-actor timeline --db "$db" "" PRK
usage usage-empty-actor events --db "$db" --actor ""
usage usage-export-format export --db "$db" --format xml
usage usage-search-nothing search --db "$db"
usage usage-ingest-batch ingest --db "$TMP/u.db" --batch 0
"$DYAD" events --help > "$TMP/h.txt"; t_grep events-help '^usage: dyad events ' "$TMP/h.txt"

# The store built from the bundled examples answers too.
"$DYAD" search --db "$TMP/ex.db" --json Singapore summit > "$TMP/ex.json"
[ "$(lines "$TMP/ex.json")" -ge 2 ] && t_ok examples-search || t_fail examples-search "$(cat "$TMP/ex.json")"
"$DYAD" timeline --db "$TMP/ex.db" USA PRK > /dev/null && "$DYAD" events --db "$TMP/ex.db" > /dev/null \
  && t_ok examples-queries || t_fail examples-queries "failed"
