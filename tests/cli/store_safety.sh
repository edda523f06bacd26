# CLI tests of the store's edges that users and attackers reach: malformed
# --from/--to dates on every command that takes them, a second document
# under a stored id with other content (both kept), a read-only store file
# (queries work, nothing is written; an old read-only store is refused
# with the way out), terminal escape sequences from documents on a
# terminal, and the timeline chart with long non-ASCII actor names.
. tests/cli/lib.sh

FIXTURE_BIN="$(dirname "$DYAD")/tests/test_store"
sq() { sqlite3 -batch "$@"; }
db="$TMP/fx.db"
"$FIXTURE_BIN" --fixture "$db" || t_fail fixture "cannot build the fixture store"

# ---------------------------------------------------------------- dates
for cmd in "events" "export --format gdelt" "timeline USA PRK" "quotes" "actors"; do
  for bad in 2017/08 2017-13 abc 2017-02-30 2017-8; do
    for opt in --from --to; do
      # shellcheck disable=SC2086
      "$DYAD" $cmd --db "$db" $opt "$bad" < /dev/null > "$TMP/d.out" 2> "$TMP/d.err"; rc=$?
      name="date-${cmd%% *}$opt-$bad"
      if [ $rc -eq 2 ] && grep -q -- "$opt: '$bad' is not a date" "$TMP/d.err" && [ ! -s "$TMP/d.out" ]; then t_ok "$name"
      else t_fail "$name" "rc=$rc $(cat "$TMP/d.err")"; fi
    done
  done
done
"$DYAD" events --db "$db" --from 2019 --to 2018-12 > /dev/null 2> "$TMP/d.err"; rc=$?
[ $rc -eq 2 ] && grep -q 'after --to' "$TMP/d.err" && t_ok date-reversed-range || t_fail date-reversed-range "rc=$rc $(cat "$TMP/d.err")"
n=$("$DYAD" events --db "$db" --json --from 2018-07 --to 2018-07 | wc -l | tr -d ' ')
[ "$n" = 1 ] && t_ok date-month-dated-event-in-its-month || t_fail date-month-dated-event-in-its-month "$n events"

# ---------------------------------------------------------------- same id, other text
cat > "$TMP/dup.jsonl" <<'EOF'
{"id": "wire-7", "title": "Talks in Hanoi", "published": "2019-02-27", "text": "Kim Jong Un met Donald Trump in Hanoi on Wednesday."}
{"id": "wire-7", "title": "Talks in Hanoi", "published": "2019-02-28", "text": "Donald Trump left Hanoi without a deal on Thursday."}
{"id": "wire-7", "title": "Talks in Hanoi", "published": "2019-02-27", "text": "Kim Jong Un met Donald Trump in Hanoi on Wednesday."}
EOF
"$DYAD" ingest --db "$TMP/dup.db" "$TMP/dup.jsonl" 2> "$TMP/dup.err"; rc=$?
[ $rc -eq 0 ] && [ "$(sq "$TMP/dup.db" "SELECT group_concat(id, ' ') FROM (SELECT id FROM documents ORDER BY docno)")" = "wire-7 wire-7~2" ] \
  && t_ok dup-id-other-content-kept || t_fail dup-id-other-content-kept "rc=$rc $(sq "$TMP/dup.db" 'SELECT id FROM documents')"
t_grep dup-id-says-which "dup.jsonl:2: document id 'wire-7' is already stored with other content; stored as 'wire-7~2'" "$TMP/dup.err"
t_grep dup-id-same-content-skipped '2 documents stored, 1 already in the store' "$TMP/dup.err"
[ "$(sq "$TMP/dup.db" "SELECT text FROM documents WHERE id = 'wire-7~2'")" = "Donald Trump left Hanoi without a deal on Thursday." ] \
  && t_ok dup-id-second-text || t_fail dup-id-second-text "$(sq "$TMP/dup.db" 'SELECT id, text FROM documents')"
"$DYAD" ingest --db "$TMP/dup.db" "$TMP/dup.jsonl" 2> "$TMP/dup2.err"; rc=$?
[ $rc -eq 0 ] && grep -q '0 documents stored, 3 already in the store' "$TMP/dup2.err" \
  && [ "$(sq "$TMP/dup.db" 'SELECT count(*) FROM documents')" = 2 ] && t_ok dup-id-rerun-idempotent \
  || t_fail dup-id-rerun-idempotent "rc=$rc $(cat "$TMP/dup2.err")"

# ---------------------------------------------------------------- read-only store
# As root, file permissions do not stop writes: run the queries as nobody
# when root (setpriv), and check the file is not changed either way.
ro="$TMP/ro"
mkdir -p "$ro"
cp "$db" "$ro/fx.db"
chmod 444 "$ro/fx.db"; chmod 555 "$ro"; chmod 755 "$TMP"
as_reader() { if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
before=$(md5sum < "$ro/fx.db")
ok=1
for cmd in "events" "events --json" "search Panmunjom" "timeline USA PRK" "export --format gdelt" "export --format plover"; do
  # shellcheck disable=SC2086
  as_reader "$DYAD" $cmd --db "$ro/fx.db" > "$TMP/ro.out" 2> "$TMP/ro.err" || { ok=0; echo "# $cmd: $(cat "$TMP/ro.err")"; }
  [ -s "$TMP/ro.out" ] || ok=0
done
[ $ok = 1 ] && t_ok readonly-store-queries || t_fail readonly-store-queries "a query failed on a read-only store"
[ "$(md5sum < "$ro/fx.db")" = "$before" ] && [ "$(ls "$ro")" = fx.db ] && t_ok readonly-store-untouched \
  || t_fail readonly-store-untouched "$(ls "$ro")"
[ "$("$DYAD" events --db "$ro/fx.db" --json | wc -l | tr -d ' ')" = 13 ] && t_ok readonly-store-answers || t_fail readonly-store-answers "not 13"
as_reader "$DYAD" ingest --db "$ro/fx.db" examples/wire.jsonl > /dev/null 2> "$TMP/ro.err"; rc=$?
if [ "$(id -u)" != 0 ] || command -v setpriv > /dev/null; then
  [ $rc -eq 1 ] && grep -q 'read-only' "$TMP/ro.err" && t_ok readonly-store-ingest-refused || t_fail readonly-store-ingest-refused "rc=$rc $(cat "$TMP/ro.err")"
fi
# A version-2 store that cannot be written cannot be upgraded: say so.
sq "$TMP/old.db" "PRAGMA user_version = 2; CREATE TABLE documents (docno INTEGER PRIMARY KEY);"
mkdir -p "$TMP/ro2"; mv "$TMP/old.db" "$TMP/ro2/"; chmod 444 "$TMP/ro2/old.db"; chmod 555 "$TMP/ro2"
if [ "$(id -u)" != 0 ] || command -v setpriv > /dev/null; then
  as_reader "$DYAD" events --db "$TMP/ro2/old.db" > /dev/null 2> "$TMP/ro.err"; rc=$?
  [ $rc -eq 1 ] && grep -q 'schema version 2 and this dyad reads version 4; upgrading it needs write access' "$TMP/ro.err" \
    && t_ok readonly-old-store-refused || t_fail readonly-old-store-refused "rc=$rc $(cat "$TMP/ro.err")"
fi
chmod 755 "$ro" "$TMP/ro2"

# ---------------------------------------------------------------- control characters on a terminal
printf '%s\n' '{"id": "esc-1", "title": "Evil \u001b[31mred\u001b]0;owned\u0007 \u009b2J title", "text": "Kim Jong Un met Donald Trump in Hanoi on Wednesday."}' > "$TMP/esc.jsonl"
"$DYAD" ingest -q --db "$TMP/esc.db" "$TMP/esc.jsonl"
[ "$(sq "$TMP/esc.db" "SELECT instr(title, char(27)) > 0 FROM documents")" = 1 ] && t_ok esc-stored-as-given || t_fail esc-stored-as-given "title changed in the store"
if command -v script > /dev/null; then
  for cmd in "search Hanoi" "search Hanoi --csv" "search Hanoi --tsv" "events"; do
    script -qec "$DYAD $cmd --db $TMP/esc.db" /dev/null > "$TMP/tty.out" 2>&1
    if grep -q "Hanoi" "$TMP/tty.out" && ! LC_ALL=C grep -q $'\x1b\|\x07\|\xc2\x9b' "$TMP/tty.out"; then t_ok "esc-tty-${cmd// /-}"
    else t_fail "esc-tty-${cmd// /-}" "$(cat -v "$TMP/tty.out" | head -c 300)"; fi
  done
  script -qec "$DYAD text $TMP/esc.jsonl" /dev/null > "$TMP/tty.out" 2>&1
  grep -q 'title: Evil' "$TMP/tty.out" && ! LC_ALL=C grep -q $'\x1b\|\x07' "$TMP/tty.out" && t_ok esc-tty-text-view \
    || t_fail esc-tty-text-view "$(cat -v "$TMP/tty.out" | head -c 300)"
else
  echo "skip esc-tty: no script(1)"
fi
# Piped to a program, CSV keeps the data as stored.
"$DYAD" search Hanoi --csv --db "$TMP/esc.db" | LC_ALL=C grep -q $'\x1b' && t_ok esc-pipe-csv-as-stored || t_fail esc-pipe-csv-as-stored "escape removed from piped CSV"

# ---------------------------------------------------------------- timeline chart, long non-ASCII names
long_a=$(python3 -c 'print("Ким Чен Ын, Председатель Государственного совета Корейской Народно-Демократической Республики " * 3)')
long_b="Präsident der Vereinigten Staaten von Amerika ✓ 大統領 — Дональд Трамп — $(python3 -c 'print("é" * 300)')"
"$DYAD" timeline --db "$db" "$long_a" "$long_b" --svg "$TMP/long.svg" > /dev/null 2>&1; rc=$?
python3 - "$TMP/long.svg" "$long_a" "$long_b" <<'PY' && [ $rc -eq 0 ] && t_ok timeline-svg-long-utf8-names || t_fail timeline-svg-long-utf8-names "rc=$rc $(head -c 400 "$TMP/long.svg")"
import sys, xml.etree.ElementTree as ET
raw = open(sys.argv[1], "rb").read()
raw.decode("utf-8")                      # strict: no cut sequence
root = ET.fromstring(raw)
ns = "{http://www.w3.org/2000/svg}"
title = root.find(ns + "title").text
assert title == "Events between %s and %s, per month" % (sys.argv[2], sys.argv[3]), title[:80]
texts = [t.text or "" for t in root.iter(ns + "text")]
assert any(t.startswith("Events between Ким Чен Ын") and "…" in t for t in texts), texts[:3]
PY
printf -v bad 'Kim\x01 <b>&"\xff\xfe' 
"$DYAD" timeline --db "$db" "$bad" USA --svg "$TMP/bad.svg" > /dev/null 2>&1
python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$TMP/bad.svg" && t_ok timeline-svg-hostile-name \
  || t_fail timeline-svg-hostile-name "$(head -c 300 "$TMP/bad.svg")"
