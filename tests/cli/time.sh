# CLI tests of `dyad time`: publication date sources, expressions and
# sentence dates on the real examples and on JSON lines written here,
# --json, --count, bad metadata and usage errors.
. tests/cli/lib.sh

EX003="$SHARED/examples/003_023876788a9e6448.txt"
EX000="$SHARED/examples/000_409f928aa0776bbe.txt"

"$DYAD" time --help > "$TMP/h"; t_grep time-help 'usage: dyad time' "$TMP/h"
"$DYAD" time --date 2018-13-01 examples/wire.jsonl > /dev/null 2> "$TMP/e"; rc=$?
[ $rc -eq 2 ] && t_ok time-bad-date-exit-2 || t_fail time-bad-date-exit-2 "exit $rc"
t_grep time-bad-date-message "not a date" "$TMP/e"

if t_shared time-examples examples/003_023876788a9e6448.txt examples/000_409f928aa0776bbe.txt; then
# 003 published 2018-07-12 (a Thursday).
"$DYAD" time --json --date 2018-07-12 "$EX003" > "$TMP/003.json" 2> "$TMP/003.err"; rc=$?
[ $rc -eq 0 ] && t_ok time-003-exit-0 || t_fail time-003-exit-0 "exit $rc: $(head -c 300 "$TMP/003.err")"
python3 - "$TMP/003.json" <<'PY' && t_ok time-003-values || t_fail time-003-values "$(head -c 400 "$TMP/003.json")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
assert d["pubdate"] == "2018-07-12" and d["pubdate_source"] == "option", d["pubdate"]
tx = {}
for t in d["timexes"]:
    tx.setdefault(t["text"], []).append(t)
assert tx["Thursday"][0]["value"] == "2018-07-12" and tx["Thursday"][0]["date"] == "2018-07-12"
assert tx["July 6"][0]["value"] == "2018-07-06"
assert tx["Sunday"][0]["value"] == "2018-07-08"
for t in tx["days after"]:
    assert t["value"] == "PXD" and t["kind"] == "duration" and t["date"] is None and "relative" in t["flags"], t
assert len(d["timexes"]) == 5, len(d["timexes"])
s = d["sentences"]
assert (s[0]["date"], s[0]["how"]) == ("2018-07-12", "own"), s[0]
assert (s[1]["date"], s[1]["how"]) == ("2018-07-06", "own"), s[1]
assert (s[8]["date"], s[8]["how"]) == ("2018-07-08", "own"), s[8]
assert (s[9]["date"], s[9]["how"]) == ("2018-07-08", "carried"), s[9]
assert (s[11]["date"], s[11]["how"]) == ("2018-07-12", "pubdate"), s[11]
PY

# 000 published 2025-10-29 (a Wednesday).
"$DYAD" time --json --date 2025-10-29 "$EX000" > "$TMP/000.json" 2>/dev/null
python3 - "$TMP/000.json" <<'PY' && t_ok time-000-values || t_fail time-000-values "$(head -c 400 "$TMP/000.json")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
v = {}
for t in d["timexes"]:
    v.setdefault(t["text"], t["value"])
want = {"2019": "2019", "six years ago": "2019", "June": "2025-06", "Wednesday": "2025-10-29",
        "Tuesday": "2025-10-28", "2018": "2018", "this week": "2025-W44",
        "Earlier that same day": "2025-10-29"}
for k, x in want.items():
    assert v.get(k) == x, (k, v.get(k), x)
s = d["sentences"]
assert s[4]["date"] == "2019" and s[5]["date"] == "2019" and s[14]["date"] == "2019", (s[4], s[5], s[14])
PY

# Without --date: inferred, flagged, with evidence and a warning.
"$DYAD" time --json "$EX003" > "$TMP/003i.json" 2> "$TMP/003i.err"
python3 - "$TMP/003i.json" <<'PY' && t_ok time-003-inferred || t_fail time-003-inferred "$(head -c 600 "$TMP/003i.json")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
assert d["pubdate_source"] == "inferred", d["pubdate_source"]
assert d["pubdate"] == "2018-07-12", d["pubdate"]
assert "Mike Pompeo" in d["pubdate_evidence"] and "July 6" in d["pubdate_evidence"]
PY
t_grep time-003-inferred-warning 'inferred 2018-07-12 from the text' "$TMP/003i.err"
"$DYAD" time --json "$EX000" > "$TMP/000i.json" 2>/dev/null
python3 - "$TMP/000i.json" <<'PY' && t_ok time-000-inferred || t_fail time-000-inferred "$(head -c 600 "$TMP/000i.json")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
assert d["pubdate_source"] == "inferred", d["pubdate_source"]
assert d["pubdate"] == "2025-10-29", d["pubdate"]
ev = d["pubdate_evidence"]
assert "Lee Jae Myung" in ev and "Asia tour" in ev and "under way" in ev, ev
v = {t["text"]: t["value"] for t in d["timexes"]}
for k, x in {"Wednesday": "2025-10-29", "Tuesday": "2025-10-28", "six years ago": "2019", "June": "2025-06"}.items():
    assert v.get(k) == x, (k, v.get(k), x)
PY
"$DYAD" time "$EX000" > "$TMP/000i.txt" 2>/dev/null
t_grep time-000-inferred-human '^published 2025-10-29  \(inferred: .*Lee Jae Myung' "$TMP/000i.txt"
fi

# JSON lines: metadata forms, bad metadata falling through to --date, a dateline.
printf '%s\n' \
  '{"id":"rfc","published":"Thu, 12 Jul 2018 10:00:00 GMT","text":"Kim met Pompeo on Sunday."}' \
  '{"id":"bad1","published":"yesterday-ish","text":"Kim met Pompeo on Sunday."}' \
  '{"id":"bad2","published":"2018-13-45","text":"Kim met Pompeo on Sunday."}' \
  '{"id":"dl","text":"SEOUL, July 12, 2018 (Dyad Wire) - Kim met Pompeo on Sunday."}' > "$TMP/in.jsonl"
"$DYAD" time --json --verbose --date 2019-06-30 "$TMP/in.jsonl" > "$TMP/in.out" 2> "$TMP/in.err"; rc=$?
[ $rc -eq 0 ] && t_ok time-jsonl-exit-0 || t_fail time-jsonl-exit-0 "exit $rc"
python3 - "$TMP/in.out" <<'PY' && t_ok time-jsonl-sources || t_fail time-jsonl-sources "$(cat "$TMP/in.out" | head -c 600)"
import json, sys
rows = {r["id"]: r for r in map(json.loads, open(sys.argv[1]))}
assert (rows["rfc"]["pubdate"], rows["rfc"]["pubdate_source"]) == ("2018-07-12", "metadata")
assert rows["rfc"]["timexes"][0]["value"] == "2018-07-08"
for k in ("bad1", "bad2"):
    assert (rows[k]["pubdate"], rows[k]["pubdate_source"]) == ("2019-06-30", "option"), rows[k]
    assert rows[k]["timexes"][0]["value"] == "2019-06-30"
    assert any("is not a date" in w for w in rows[k]["warnings"]), rows[k]
assert (rows["dl"]["pubdate"], rows["dl"]["pubdate_source"]) == ("2019-06-30", "option")
PY
t_grep time-bad-metadata-named 'published value "yesterday-ish" is not a date' "$TMP/in.err"
t_grep time-bad-metadata-named-2 'published value "2018-13-45" is not a date' "$TMP/in.err"
# Without --date the dateline is the source.
"$DYAD" time --json "$TMP/in.jsonl" 2>/dev/null | grep '"id":"dl"' > "$TMP/dl.json"
t_grep time-dateline-source '"pubdate":"2018-07-12","pubdate_source":"dateline"' "$TMP/dl.json"

# Nothing dates the story: unknown, said so, relative dates unresolved.
printf 'Talks\n\nOfficials met on Wednesday.\n' | "$DYAD" time - > "$TMP/none.txt" 2> "$TMP/none.err"
t_grep time-unknown-pubdate '^published unknown  \(none\)' "$TMP/none.txt"
t_grep time-unknown-warning 'no publication date' "$TMP/none.err"
t_grep time-unresolved-weekday 'XXXX-WXX-3' "$TMP/none.txt"

# Human view and --count.
if t_shared time-human examples/003_023876788a9e6448.txt examples/000_409f928aa0776bbe.txt; then
"$DYAD" time --date 2018-07-12 "$EX003" > "$TMP/h.txt" 2>/dev/null
t_grep time-human-pubdate '^published 2018-07-12  \(option\)' "$TMP/h.txt"
t_grep time-human-expression 'DATE +2018-07-06 +2018-07-06 "July 6"' "$TMP/h.txt"
t_grep time-human-sentence '^  \[9\] 2018-07-08 own ' "$TMP/h.txt"
"$DYAD" time --count --date 2018-07-12 "$EX003" "$EX000" > "$TMP/c.txt" 2>/dev/null
t_grep time-count '^documents 2 sentences [0-9]+ tokens' "$TMP/c.txt"
[ "$(wc -l < "$TMP/c.txt")" -eq 1 ] && t_ok time-count-one-line || t_fail time-count-one-line "$(cat "$TMP/c.txt")"
fi
