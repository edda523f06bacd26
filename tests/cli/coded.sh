# CLI tests of coded records: `dyad code --coded` on one machine, `dyad
# ingest` of those records on another gives the store a direct ingest
# gives; a damaged coded record is an error naming its line, never a crash
# or a half-stored document.
. tests/cli/lib.sh

IN="examples/01_trump-warns-north-korea.txt examples/07_trump-kim-dmz-meeting.txt examples/wire.jsonl"
"$DYAD" ingest --db "$TMP/direct.db" $IN 2> /dev/null
"$DYAD" code --coded $IN > "$TMP/coded.jsonl" 2> "$TMP/code.err"; rc=$?
[ $rc -eq 0 ] && t_ok coded-exit-0 || t_fail coded-exit-0 "exit $rc: $(head -3 "$TMP/code.err")"
python3 - "$TMP/coded.jsonl" <<'PY' && t_ok coded-records-are-code-records || t_fail coded-records-are-code-records "see above"
import json, subprocess, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) >= 3
for r in rows:
    c = r["coded"]
    assert c["version"] == 1 and isinstance(c["text"], str) and c["sentences"], r["id"]
    assert len(c["events"]) == len(r["events"]) and len(c["mentions"]) == len(r["mentions"])
    # The member is an addition: without it the record is dyad code's.
    for e, ce in zip(r["events"], c["events"]):
        # the coded member keeps 0-based indexes; outputs number sentences from 1
        assert e["cameo"] == ce[5] and e["sentence"] == ce[0] + 1
PY
"$DYAD" ingest --db "$TMP/coded.db" "$TMP/coded.jsonl" 2> "$TMP/ingest.err"; rc=$?
[ $rc -eq 0 ] && t_ok coded-ingest-exit-0 || t_fail coded-ingest-exit-0 "exit $rc: $(head -3 "$TMP/ingest.err")"
dump() {  # the store without its ingest times
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for t in ["documents", "sentences", "entities", "mentions", "timexes", "quotes", "events", "event_reports"]:
    cols = [r[1] for r in db.execute("PRAGMA table_info(%s)" % t) if r[1] not in ("added", "ingested_at", "origin")]
    for row in db.execute("SELECT %s FROM %s ORDER BY 1, 2" % (", ".join(cols), t)):
        print(t, repr(row))
PY
}
dump "$TMP/direct.db" > "$TMP/direct.dump"
dump "$TMP/coded.db" > "$TMP/coded.dump"
[ -s "$TMP/direct.dump" ] && cmp -s "$TMP/direct.dump" "$TMP/coded.dump" && t_ok coded-store-equals-direct \
  || t_fail coded-store-equals-direct "$(diff "$TMP/direct.dump" "$TMP/coded.dump" | head -3 | cut -c1-200)"
# dyad code on a coded record gives it back: it is not coded again.
"$DYAD" code --coded "$TMP/coded.jsonl" > "$TMP/again.jsonl" 2> /dev/null
cmp -s "$TMP/coded.jsonl" "$TMP/again.jsonl" && t_ok coded-code-is-identity || t_fail coded-code-is-identity "records changed"

# Damage: a span past the text, an index past the mentions, a wrong version.
python3 - "$TMP/coded.jsonl" "$TMP" <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).readline())
def put(name, f):
    x = json.loads(json.dumps(r)); f(x["coded"])
    open(sys.argv[2] + "/" + name, "w").write(json.dumps(x) + "\n")
put("span.jsonl", lambda c: c["sentences"][0].__setitem__(1, 10 ** 9))
put("index.jsonl", lambda c: c["events"][0].__setitem__(1, 10 ** 6))
put("version.jsonl", lambda c: c.__setitem__("version", 99))
put("short.jsonl", lambda c: c["mentions"][0].pop())
PY
for k in span index version short; do
  "$DYAD" ingest --db "$TMP/bad-$k.db" "$TMP/$k.jsonl" > /dev/null 2> "$TMP/$k.err"; rc=$?
  [ $rc -eq 1 ] && t_ok "coded-bad-$k-exit-1" || t_fail "coded-bad-$k-exit-1" "exit $rc"
  t_grep "coded-bad-$k-message" "$k.jsonl:1: .*(coded record|version)" "$TMP/$k.err"
  n=$(sqlite3 "$TMP/bad-$k.db" 'select count(*) from documents' 2>/dev/null || echo 0)
  [ "$n" = 0 ] && t_ok "coded-bad-$k-nothing-stored" || t_fail "coded-bad-$k-nothing-stored" "$n documents"
done
