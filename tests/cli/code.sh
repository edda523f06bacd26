# CLI tests of `dyad code`: the JSON record and its event fields, the TSV
# view, --explain, -j 2 against -j 1 on examples/*.txt, and bad input.
# Sentences are written here; the real examples are read in ../shared.
. tests/cli/lib.sh

cat > "$TMP/in.jsonl" <<'EOF'
{"id": "w1", "url": "https://example.org/w1", "published": "2024-03-01", "text": "China criticized the United States over arms sales to Taiwan. Ukraine was attacked by Russian troops on Thursday."}
{"id": "w2", "published": "2024-03-01", "text": "Russia did not attack Ukraine on Tuesday."}
EOF

# ---- JSON: one record per document, events with every field
"$DYAD" code "$TMP/in.jsonl" > "$TMP/out.json" 2> "$TMP/err"
t_check "json-exit-0" test $? -eq 0
t_check "json-two-records" test "$(wc -l < "$TMP/out.json")" -eq 2
if python3 - "$TMP/out.json" > "$TMP/why" 2>&1 <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert [r["id"] for r in recs] == ["w1", "w2"], [r.get("id") for r in recs]
evs = recs[0]["events"]
assert len(evs) == 2, evs
for e in evs:
    for k in ("date", "source", "target", "cameo", "goldstein", "quad", "plover", "rule", "evidence", "verb"):
        assert k in e, "missing %s in %s" % (k, e)
    assert ".txt:" in e["rule"], e["rule"]
    assert isinstance(e["goldstein"], (int, float)) and isinstance(e["quad"], int)
    assert "type" in e["plover"]
crit = [e for e in evs if e["cameo"] == "111"][0]
assert crit["source"]["code"] == "CHN" and crit["target"]["code"] == "USA", crit
assert crit["quad"] == 3 and crit["plover"]["type"] == "ACCUSE", crit
assert crit["evidence"].startswith("China criticized"), crit["evidence"]
assert crit["date"] == "2024-03-01", crit["date"]
att = [e for e in evs if e["cameo"].startswith("19")][0]
assert att["source"]["code"] == "RUSMIL" and att["target"]["code"] == "UKR" and att["passive"], att
assert att["date"] == "2024-02-29", att["date"]                 # "on Thursday": the sentence's date
assert recs[1]["events"] == [], recs[1]["events"]          # negated: no event
PY
then t_ok "json-event-fields"; else t_fail "json-event-fields" "$(cat "$TMP/why")"; fi

# ---- TSV: header and nine columns per event, in document order
"$DYAD" code --tsv "$TMP/in.jsonl" > "$TMP/out.tsv"
t_grep "tsv-header" '^date	source	target	cameo	root	quad	goldstein	doc_id	url$' "$TMP/out.tsv"
t_check "tsv-columns" test "$(awk -F'\t' 'NF != 9' "$TMP/out.tsv" | wc -l)" -eq 0
t_grep "tsv-event" '^2024-03-01	CHN	USA	111	11	3	-2.0	w1	https://example.org/w1$' "$TMP/out.tsv"
t_grep "tsv-passive" '^2024-02-29	RUSMIL	UKR	19[0-9]*	19	4	' "$TMP/out.tsv"
t_check "tsv-lines" test "$(wc -l < "$TMP/out.tsv")" -eq 3

# ---- --explain: the verb, the pattern id, and why something is not coded
"$DYAD" code --explain "$TMP/in.jsonl" > "$TMP/explain.txt"
t_grep "explain-pattern-id" 'verb "criticized" pattern 11_disapprove\.txt:[0-9]+' "$TMP/explain.txt"
t_grep "explain-event" 'event 111 CHN -> USA' "$TMP/explain.txt"
t_grep "explain-negated" 'no event: negated' "$TMP/explain.txt"
t_grep "explain-sentence" '^\[1\] China criticized' "$TMP/explain.txt"
# every verb considered: one the dictionary lacks (with its actors), a
# dictionary verb no pattern of which matches, a pattern read over the tree,
# the date of the event's own clause
cat > "$TMP/verbs.jsonl" <<'EOF2'
{"id": "v1", "published": "2005-03-04", "text": "Iraq said on Tuesday that its forces crushed an attack by Iran on Monday. Germany praised the weather. France resembled Italy in its budget. Iran made several new promises."}
EOF2
"$DYAD" code --explain "$TMP/verbs.jsonl" > "$TMP/verbs.txt"
t_grep "explain-report-verb" 'verb "said": a reporting verb' "$TMP/verbs.txt"
t_grep "explain-tree-match" 'verb "crushed": pattern 19_fight\.txt:[0-9]+ .* matched over the tree' "$TMP/verbs.txt"
t_grep "explain-clause-date" 'date 2005-02-28: the time expression of the event' "$TMP/verbs.txt"
t_grep "explain-unknown-verb" 'verb "resembled": not in the dictionary; subject "France"; object "Italy"' "$TMP/verbs.txt"
t_grep "explain-no-pattern" 'verb "made": no pattern of it matches here' "$TMP/verbs.txt"

# ---- the real example: dated events, the letter of July 6
ex="$SHARED/examples/003_023876788a9e6448.txt"
if t_shared example-003 examples/003_023876788a9e6448.txt; then
  "$DYAD" code --tsv --date 2018-07-12 "$ex" > "$TMP/003.tsv"
  t_grep "example-letter-date" '^2018-07-06	PRKGOV	USAGOV	051	' "$TMP/003.tsv"
  t_grep "example-visit" '^2018-07-12	USAGOV	PRK	042	' "$TMP/003.tsv"
  t_nogrep "example-no-host" '^2018-07-12	PRK	USAGOV	043	' "$TMP/003.tsv"   # one act: the visit, no host event
  t_grep "example-accuse" '	PRKGOV	USA	11[0-9]*	11	' "$TMP/003.tsv"
  # The JSON record carries the time stage as dyad time --json does: the
  # resolved date and flags of each expression, and the pubdate evidence.
  "$DYAD" code "$ex" > "$TMP/003.json" 2>/dev/null
  python3 - "$TMP/003.json" <<'PY' && t_ok example-record-time || t_fail example-record-time "$(head -c 400 "$TMP/003.json")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
assert d["pubdate"] == "2018-07-12" and d["pubdate_source"] == "inferred" and "Pompeo" in d["pubdate_evidence"], d["pubdate"]
t = {x["text"]: x for x in d["timexes"]}
assert t["July 6"]["date"] == "2018-07-06" and "governs" in t["July 6"]["flags"], t["July 6"]
assert t["Sunday"]["date"] == "2018-07-08", t["Sunday"]
assert "relative" in t["days after"]["flags"] and t["days after"]["date"] is None, t["days after"]
PY
fi

# ---- -j 2 gives the same bytes as -j 1, in input order
"$DYAD" code -j 1 examples/*.txt > "$TMP/j1.json" 2>/dev/null
"$DYAD" code -j 2 examples/*.txt > "$TMP/j2.json" 2>/dev/null
t_check "parallel-json-identical" cmp -s "$TMP/j1.json" "$TMP/j2.json"
t_check "parallel-nonempty" test "$(grep -c '"cameo"' "$TMP/j1.json")" -gt 20
"$DYAD" code --tsv -j 1 examples/*.txt examples/wire.jsonl > "$TMP/j1.tsv" 2>/dev/null
"$DYAD" code --tsv -j 2 examples/*.txt examples/wire.jsonl > "$TMP/j2.tsv" 2>/dev/null
t_check "parallel-tsv-identical" cmp -s "$TMP/j1.tsv" "$TMP/j2.tsv"
"$DYAD" code --count -j 2 examples/*.txt > "$TMP/count.txt" 2>/dev/null
t_grep "count-line" '^documents 24 sentences [0-9]+ tokens [0-9]+ events [1-9][0-9]* bytes [0-9]+' "$TMP/count.txt"

# ---- bad input: a missing file fails; a bad JSON line is reported with its
# line number and the other documents are still coded
"$DYAD" code "$TMP/no-such-file.txt" > "$TMP/missing.out" 2> "$TMP/missing.err"
t_check "missing-file-exit-1" test $? -eq 1
t_grep "missing-file-message" 'no-such-file\.txt' "$TMP/missing.err"
printf '%s\n' '{"id": "g1", "published": "2024-03-01", "text": "Russia attacked Ukraine."}' \
  '{"id": "g2", this is not json' \
  '{"id": "g3", "published": "2024-03-01", "text": "China criticized the United States."}' > "$TMP/bad.jsonl"
"$DYAD" code --tsv "$TMP/bad.jsonl" > "$TMP/bad.tsv" 2> "$TMP/bad.err"
t_check "bad-json-exit-1" test $? -eq 1
t_grep "bad-json-line-number" 'bad\.jsonl:2:' "$TMP/bad.err"
t_grep "bad-json-before-coded" '	RUS	UKR	190	.*	g1	' "$TMP/bad.tsv"
t_grep "bad-json-after-coded" '	CHN	USA	111	.*	g3	' "$TMP/bad.tsv"
"$DYAD" code -j 2 "$TMP/bad.jsonl" > "$TMP/bad-j2.json" 2> "$TMP/bad-j2.err"
t_check "bad-json-j2-exit-1" test $? -eq 1
t_check "bad-json-j2-records" test "$(wc -l < "$TMP/bad-j2.json")" -eq 2
"$DYAD" code --no-such-option > /dev/null 2>&1
t_check "bad-option-exit-2" test $? -eq 2

# ---- standard input
echo "Israel signed a peace agreement with the United Arab Emirates." |
  "$DYAD" code --tsv --date 2024-03-01 - > "$TMP/stdin.tsv" 2>/dev/null
t_grep "stdin" '^2024-03-01	ISR	ARE	057	05	1	8\.0	' "$TMP/stdin.tsv"

# ---- a story written wholly in capitals (older wires) is coded, not
# dropped as another story's headline; a mixed-case story still loses an
# all-caps headline line dropped into it.
cat > "$TMP/caps.jsonl" <<'EOF2'
{"id": "caps", "published": "1995-03-01", "text": "ISRAELI TROOPS ATTACKED A PALESTINIAN REFUGEE CAMP IN GAZA, WITNESSES SAID.\n\nEGYPT CONDEMNED THE RAID AND URGED ISRAEL TO HALT ITS MILITARY OPERATIONS."}
{"id": "mixed", "published": "1995-03-01", "text": "Egypt condemned the raid on the camp and urged Israel to halt its operations, officials said on Wednesday.\n\nJORDAN CONDEMNS ISRAELI RAID ON GAZA CAMP\n\nThe ministry gave no further details of the talks with the envoy."}
EOF2
"$DYAD" code --tsv "$TMP/caps.jsonl" > "$TMP/caps.tsv" 2>&1
t_grep "allcaps-story-attack" '	ISRMIL	PSE[A-Z]*	19[0-9]*	19	.*	caps	' "$TMP/caps.tsv"
t_grep "allcaps-story-appeal" '	EGY	ISR	02[0-9]*	02	.*	caps	' "$TMP/caps.tsv"
t_nogrep "allcaps-headline-still-debris" '	JOR	' "$TMP/caps.tsv"
"$DYAD" text "$TMP/caps.jsonl" > "$TMP/caps.text" 2>&1
t_grep "allcaps-headline-removed" 'removed \(allcaps-headline' "$TMP/caps.text"

# ---- no junk: events without a target where the code needs one are
# dropped; a statement beside the act it announces is that act; the same
# act told again in the quotation after it is one event with two
# sentences; --require-target drops every target-less event.
cat > "$TMP/junk.jsonl" <<'EOF2'
{"id": "j1", "published": "2024-03-01", "text": "The White House denied a report on the talks. The Kremlin rejected the proposal on Tuesday."}
{"id": "j2", "published": "2024-03-01", "text": "North Korea test-fired two ballistic missiles into the sea on Monday."}
{"id": "j3", "published": "2024-03-01", "text": "China criticized the United States over its arms sales to Taiwan. \"We strongly criticize the United States for this,\" the Chinese foreign ministry said."}
EOF2
"$DYAD" code --tsv "$TMP/junk.jsonl" > "$TMP/junk.tsv"
t_nogrep "no-target-statement-dropped" '	j1	' "$TMP/junk.tsv"
t_grep "no-target-missile-test-kept" '	PRK		15[0-9]	15	.*	j2	' "$TMP/junk.tsv"
t_check "told-twice-one-event" test "$(grep -c '	CHN[A-Z]*	USA	11[0-9]	11	.*	j3	' "$TMP/junk.tsv")" -eq 1
"$DYAD" code --tsv --require-target "$TMP/junk.jsonl" > "$TMP/junk-rt.tsv"
t_nogrep "require-target-drops" '	j2	' "$TMP/junk-rt.tsv"
t_grep "require-target-keeps" '	USA	11[0-9]	11	.*	j3	' "$TMP/junk-rt.tsv"
"$DYAD" code --explain "$TMP/junk.jsonl" > "$TMP/junk.explain"
t_grep "explain-dropped-why" 'dropped: no target, and its code needs one' "$TMP/junk.explain"
t_grep "explain-date-why" 'date 2024-03-0[0-9]: the sentence' "$TMP/junk.explain"
"$DYAD" code "$TMP/junk.jsonl" > "$TMP/junk.json"
python3 - "$TMP/junk.json" > "$TMP/why" 2>&1 <<'PY' && t_ok "json-reports-also" || t_fail "json-reports-also" "$(cat "$TMP/why")"
import json, sys
recs = {r["id"]: r for r in map(json.loads, open(sys.argv[1]))}
e = [e for e in recs["j3"]["events"] if e["root"] == "11"]
assert len(e) == 1 and e[0]["reports"] == 2 and e[0]["also"]["sentence"] == 1, e
assert e[0]["matcher"] == "parse" and e[0]["historical"] is False, e[0]
PY

# ---- relevance: a rugby report is no war; the same verbs in a raid story are
printf '%s\n' '{"id":"s1","published":"2005-11-12","text":"England beat Fiji 40-10 at Twickenham on Saturday. Wales attacked France from the first whistle and scored three tries in the second half of the match."}' \
  '{"id":"s2","published":"2005-11-12","text":"Israeli troops attacked Gaza on Saturday, killing three militants, the army said."}' > "$TMP/sport.jsonl"
"$DYAD" code --tsv "$TMP/sport.jsonl" > "$TMP/sport.tsv"
t_nogrep "sport-not-assault" '	s1	' "$TMP/sport.tsv"
t_grep "raid-still-coded" '	ISRMIL	PSE	19[0-9]	19	.*	s2	' "$TMP/sport.tsv"
