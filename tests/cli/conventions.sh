# CLI tests of the conventions every command shares (issue 18.3): one
# option parser (getopt_long: --opt=value, --opt value, bundled short
# options, -- ends options), --help and the man page from the same option
# tables, write errors on standard output, progress and warning summaries,
# undated stories, JSON conventions, exit status.
. tests/cli/lib.sh

cat > "$TMP/a.txt" <<'TXT'
Talks in Hanoi

SEOUL, Feb. 27, 2019 (Dyad Wire) - President Donald Trump met North Korean leader Kim Jong Un in Hanoi on Wednesday. Kim said the talks were productive.
TXT

# ---- the parser
"$DYAD" code --date=2019-02-27 --tsv "$TMP/a.txt" > "$TMP/eq.tsv" 2>/dev/null
"$DYAD" code --date 2019-02-27 --tsv "$TMP/a.txt" > "$TMP/sp.tsv" 2>/dev/null
cmp -s "$TMP/eq.tsv" "$TMP/sp.tsv" && [ "$(wc -l < "$TMP/eq.tsv")" -gt 1 ] && t_ok opt-equals-form \
  || t_fail opt-equals-form "--date=V and --date V differ: $(head -c 200 "$TMP/eq.tsv")"
"$DYAD" code -qj2 --tsv "$TMP/a.txt" "$TMP/a.txt" > "$TMP/bundled.tsv" 2> "$TMP/bundled.err"; rc=$?
[ $rc -eq 0 ] && [ ! -s "$TMP/bundled.err" ] && [ "$(grep -c "USAGOV	PRKGOV	04" "$TMP/bundled.tsv")" -eq 2 ] && t_ok opt-bundled-short \
  || t_fail opt-bundled-short "rc=$rc $(head -c 200 "$TMP/bundled.err")"
"$DYAD" code -j 2 --tsv "$TMP/a.txt" > "$TMP/j.tsv" 2>/dev/null && "$DYAD" code --jobs=2 --tsv "$TMP/a.txt" > "$TMP/jobs.tsv" 2>/dev/null
cmp -s "$TMP/j.tsv" "$TMP/jobs.tsv" && t_ok opt-short-long-same || t_fail opt-short-long-same "-j 2 and --jobs=2 differ"
# Options after files are options; after -- a word starting with '-' is a file.
cp "$TMP/a.txt" "$TMP/-dash.txt"
(cd "$TMP" && "$DYAD" text --json -- -dash.txt) > "$TMP/dash.json" 2> "$TMP/dash.err"; rc=$?
[ $rc -eq 0 ] && grep -q '"origin":"-dash.txt"\|Hanoi' "$TMP/dash.json" && t_ok opt-double-dash-ends \
  || t_fail opt-double-dash-ends "rc=$rc $(head -c 200 "$TMP/dash.err")"
"$DYAD" text "$TMP/a.txt" --json > "$TMP/after.json" 2>/dev/null
python3 -c 'import json,sys; json.loads(open(sys.argv[1]).readline())' "$TMP/after.json" && t_ok opt-after-file \
  || t_fail opt-after-file "$(head -c 200 "$TMP/after.json")"
"$DYAD" code --jobs=0 "$TMP/a.txt" > /dev/null 2> "$TMP/e"; rc=$?
[ $rc -eq 2 ] && grep -q "not a thread count" "$TMP/e" && t_ok opt-bad-value-exit-2 || t_fail opt-bad-value-exit-2 "rc=$rc $(cat "$TMP/e")"
"$DYAD" code --date > /dev/null 2> "$TMP/e"; rc=$?
[ $rc -eq 2 ] && grep -q "^dyad: code: --date needs a value" "$TMP/e" && t_ok opt-missing-value || t_fail opt-missing-value "rc=$rc $(cat "$TMP/e")"
"$DYAD" code -z "$TMP/a.txt" > /dev/null 2> "$TMP/e"; rc=$?
[ $rc -eq 2 ] && grep -q "unknown option '-z'" "$TMP/e" && t_ok opt-unknown-short || t_fail opt-unknown-short "rc=$rc $(cat "$TMP/e")"
"$DYAD" code --tsv --explain "$TMP/a.txt" > /dev/null 2> "$TMP/e"; rc=$?
[ $rc -eq 2 ] && t_ok tsv-explain-refused || t_fail tsv-explain-refused "rc=$rc: --tsv --explain must not drop one silently"
"$DYAD" text --date 2019-01-01 "$TMP/a.txt" > /dev/null 2> "$TMP/e"; rc=$?
[ $rc -eq 2 ] && t_ok opt-not-of-this-command || t_fail opt-not-of-this-command "text took --date (rc=$rc)"

# The store: --db=PATH as well as --db PATH.
"$DYAD" ingest -q --db="$TMP/s.db" examples/wire.jsonl; rc=$?
[ $rc -eq 0 ] && [ -s "$TMP/s.db" ] && t_ok ingest-db-equals || t_fail ingest-db-equals "rc=$rc"
"$DYAD" events --db="$TMP/s.db" --json --limit=3 > "$TMP/ev.json" 2> "$TMP/e"; rc=$?
[ $rc -eq 0 ] && [ "$(wc -l < "$TMP/ev.json")" -eq 3 ] && t_ok events-db-equals || t_fail events-db-equals "rc=$rc $(cat "$TMP/e")"
"$DYAD" quotes --db="$TMP/s.db" --json > "$TMP/q.json" 2> "$TMP/e"; rc=$?
[ $rc -eq 0 ] && [ -s "$TMP/q.json" ] && t_ok quotes-store-form-db-equals || t_fail quotes-store-form-db-equals "rc=$rc $(cat "$TMP/e")"

# ---- --help and the man page come from the same tables
for c in text actors time quotes code ingest events search timeline export dict eval; do
  "$DYAD" $c --help > "$TMP/help.$c" 2>&1 || t_fail "help-$c" "exit $?"
done
"$DYAD" --man > "$TMP/dyad.1"; rc=$?
[ $rc -eq 0 ] && grep -q '^\.TH DYAD 1' "$TMP/dyad.1" && t_ok man-page || t_fail man-page "rc=$rc"
python3 - "$TMP" 2> "$TMP/agree.err" <<'PY' && t_ok help-and-man-agree || t_fail help-and-man-agree "$(tail -n 1 "$TMP/agree.err")"
import re, sys, os
tmp = sys.argv[1]
man = open(os.path.join(tmp, "dyad.1")).read().replace("\\-", "-")
missing = []
for c in "text actors time quotes code ingest events search timeline export dict eval".split():
    h = open(os.path.join(tmp, "help." + c)).read()
    opts = set(re.findall(r"^  (?:-\w, )?\s*--([a-z-]+)", h, re.M))
    assert opts, (c, h[:200])
    # the man page's section of the command lists every option --help lists
    sec = "".join(p.split(".SS ")[0] for p in man.split('.SS "dyad %s"' % c)[1:])
    for o in opts - {"help"}:
        if "\\fB--%s\\fR" % o not in sec and "--%s" % o not in sec:
            missing.append((c, o))
assert not missing, missing
PY
t_grep help-quotes-store-form '^       dyad quotes --db PATH' "$TMP/help.quotes"
t_grep help-quotes-speaker '--speaker NAME\|CODE' "$TMP/help.quotes"
t_grep help-actors-store-form '^       dyad actors --db PATH' "$TMP/help.actors"
t_grep help-code-quiet '^  -q, --quiet' "$TMP/help.code"
t_grep help-code-count '--count' "$TMP/help.code"
if command -v man > /dev/null; then
  MANWIDTH=80 man -l "$TMP/dyad.1" > "$TMP/man.txt" 2> "$TMP/man.err"
  t_nogrep man-renders-clean 'warning|cannot' "$TMP/man.err"
fi

# ---- write errors on standard output (finding 2)
if [ -w /dev/full ]; then
  "$DYAD" code "$TMP/a.txt" > /dev/full 2> "$TMP/full.err"; rc=$?
  [ $rc -ne 0 ] && grep -q "cannot write standard output" "$TMP/full.err" && t_ok stdout-full-code \
    || t_fail stdout-full-code "rc=$rc $(cat "$TMP/full.err")"
  "$DYAD" code -j 2 examples/*.txt > /dev/full 2> "$TMP/full.err"; rc=$?
  [ $rc -ne 0 ] && grep -q "No space left" "$TMP/full.err" && t_ok stdout-full-parallel \
    || t_fail stdout-full-parallel "rc=$rc $(cat "$TMP/full.err")"
  "$DYAD" events --db "$TMP/s.db" > /dev/full 2> "$TMP/full.err"; rc=$?
  [ $rc -ne 0 ] && t_ok stdout-full-events || t_fail stdout-full-events "rc=$rc"
  "$DYAD" --help > /dev/full 2>/dev/null; rc=$?
  [ $rc -ne 0 ] && t_ok stdout-full-help || t_fail stdout-full-help "rc=$rc"
else
  t_skip stdout-full "no /dev/full here"
fi

# ---- warnings: the first of a kind printed, the rest summarised; --verbose all; -q none
python3 - > "$TMP/undated.jsonl" <<'PY'
import json
for i in range(5):
    print(json.dumps({"id": "u%d" % i, "text": "Officials met in Geneva on Wednesday to discuss the ceasefire %d." % i}))
PY
"$DYAD" time "$TMP/undated.jsonl" > /dev/null 2> "$TMP/w.err"
[ "$(grep -c 'no publication date' "$TMP/w.err")" -eq 2 ] && t_ok warnings-first-and-summary \
  || t_fail warnings-first-and-summary "$(cat "$TMP/w.err")"
t_grep warnings-summary-line '^dyad: 5 documents: no publication date; first at .*undated\.jsonl:1 \(--verbose' "$TMP/w.err"
"$DYAD" time --verbose "$TMP/undated.jsonl" > /dev/null 2> "$TMP/w.err"
[ "$(grep -c 'byte 0 of the text: no publication date' "$TMP/w.err")" -eq 5 ] && t_ok warnings-verbose-all \
  || t_fail warnings-verbose-all "$(cat "$TMP/w.err")"
"$DYAD" time -q "$TMP/undated.jsonl" > /dev/null 2> "$TMP/w.err"
[ ! -s "$TMP/w.err" ] && t_ok warnings-quiet-none || t_fail warnings-quiet-none "$(cat "$TMP/w.err")"

# ---- progress: on a terminal only (script(1) gives the command one), with
# count, total, rate and time left; never in a pipe.
python3 - > "$TMP/many.jsonl" <<'PY'
import json
for i in range(15000):
    print(json.dumps({"id": "m%d" % i, "published": "2020-05-0%d" % (1 + i % 9),
                      "text": "Prime Minister Boris Johnson met President Emmanuel Macron in Paris on Tuesday. "
                              "They agreed to cooperate on trade %d." % i}))
PY
if command -v script > /dev/null; then
  script -qec "\"$DYAD\" code --tsv \"$TMP/many.jsonl\" > \"$TMP/many.tsv\"" /dev/null > "$TMP/tty.out" 2>&1
  tr '\r' '\n' < "$TMP/tty.out" > "$TMP/tty.txt"
  t_grep progress-on-tty '^.*dyad: code: [0-9,]+ documents, [0-9.]+ of [0-9.]+ MB \([0-9]+%\), [0-9]+ documents/s, [0-9.]+ MB/s, [0-9]+m[0-9]+s left' "$TMP/tty.txt"
  script -qec "\"$DYAD\" code -q --tsv \"$TMP/many.jsonl\" > /dev/null" /dev/null > "$TMP/tty.out" 2>&1
  [ ! -s "$TMP/tty.out" ] && t_ok progress-quiet || t_fail progress-quiet "$(head -c 200 "$TMP/tty.out")"
else
  t_skip progress-on-tty "no script(1) to give the command a terminal"
fi
"$DYAD" code --tsv "$TMP/many.jsonl" > /dev/null 2> "$TMP/pipe.err"
t_nogrep progress-not-in-pipe 'documents/s' "$TMP/pipe.err"

# ---- an undated story: never coded at the clock's date
printf 'Donald Trump met Kim Jong Un at the border. Kim said the talks went well.\n' > "$TMP/nodate.txt"
today=$(date -u +%F)
"$DYAD" code "$TMP/nodate.txt" > "$TMP/nodate.json" 2> "$TMP/nodate.err"
"$DYAD" actors --json "$TMP/nodate.txt" > "$TMP/nodate.actors" 2>> "$TMP/nodate.err"
cat "$TMP/nodate.json" "$TMP/nodate.actors" "$TMP/nodate.err" > "$TMP/nodate.all"
t_nogrep undated-not-today "$today|today's date" "$TMP/nodate.all"
python3 - "$TMP/nodate.json" "$TMP/nodate.actors" 2> "$TMP/py" <<'PY' && t_ok undated-roles-unresolved-flagged || t_fail undated-roles-unresolved-flagged "$(tail -n 1 "$TMP/py")"
import json, sys
rec = json.loads(open(sys.argv[1]).readline())
assert rec["pubdate"] is None, rec["pubdate"]
acts = json.loads(open(sys.argv[2]).readline())
m = [x for x in acts["mentions"] if x["text"] == "Donald Trump"][0]
assert m["code"] == "USA" and m.get("undated") is True, m        # not USAGOV (2025-) nor USAELI
assert all(e["date"] is None for e in rec["events"]), rec["events"]
PY
t_grep undated-warning "dated roles left unresolved: the publication date is unknown" "$TMP/nodate.err"

# ---- JSON: sentence numbers from 1, absent is null, flags true/false
cat > "$TMP/j.jsonl" <<'TXT'
{"id":"j1","published":"2019-02-27","text":"Talks in Hanoi ended early. President Donald Trump met North Korean leader Kim Jong Un in Hanoi. \"We had a productive meeting,\" Trump said. North Korea did not attack South Korea."}
TXT
"$DYAD" code "$TMP/j.jsonl" > "$TMP/j.json" 2>/dev/null
"$DYAD" actors --json "$TMP/j.jsonl" > "$TMP/ja.json" 2>/dev/null
"$DYAD" time --json "$TMP/j.jsonl" > "$TMP/jt.json" 2>/dev/null
"$DYAD" ingest -q --db "$TMP/j.db" "$TMP/j.jsonl"
"$DYAD" events --db "$TMP/j.db" --json > "$TMP/je.json" 2>/dev/null
"$DYAD" quotes --db "$TMP/j.db" --json > "$TMP/jq.json" 2>/dev/null
python3 - "$TMP" 2> "$TMP/py" <<'PY' && t_ok json-conventions || t_fail json-conventions "$(tail -n 1 "$TMP/py")"
import json, sys, os
t = sys.argv[1]
load = lambda n: [json.loads(l) for l in open(os.path.join(t, n)) if l.strip()]
rec = load("j.json")[0]
# sentence 1 is "Talks in Hanoi ended early."; the meeting is sentence 2
ev = [e for e in rec["events"] if e["cameo"].startswith("04")]
assert ev and ev[0]["sentence"] == 2, rec["events"]
assert [m for m in rec["mentions"] if m["text"].endswith("Donald Trump")][0]["sentence"] == 2, rec["mentions"]
q = rec["quotes"][0]
assert q["sentence"] == 3, q
acts = load("ja.json")[0]
assert [m for m in acts["mentions"] if "Trump" in m["text"]][0]["sent"] == 2, acts["mentions"]
tm = load("jt.json")[0]
assert [s["i"] for s in tm["sentences"]] == [1, 2, 3, 4], tm["sentences"]
rows = load("je.json")
assert rows and all(r["negated"] in (True, False) for r in rows), rows
assert all(v is None or v != "" for r in rows for v in r.values()), rows
m = [r for r in rows if r["cameo"].startswith("04")]
assert m and m[0]["sentence"] == 2, m
qs = load("jq.json")
assert qs and qs[0]["sentence"] == 3, qs
PY

# ---- exit 1 whenever a document failed
printf '<html><head><title>Menu</title></head><body><nav>Home | News</nav></body></html>' > "$TMP/empty.html"
# A page without article text is an error (no record), the other file is coded.
"$DYAD" code "$TMP/a.txt" "$TMP/empty.html" > "$TMP/two.json" 2> "$TMP/e"; rc=$?
[ $rc -eq 1 ] && [ "$(wc -l < "$TMP/two.json")" -eq 1 ] && grep -q "empty.html.*no article text" "$TMP/e" && t_ok failed-html-exit-1 \
  || t_fail failed-html-exit-1 "rc=$rc $(cat "$TMP/e")"
printf '{"id":"ok","text":"Kim met Trump."}\n{"id":"empty","text":""}\n' | "$DYAD" text > /dev/null 2> "$TMP/e"; rc=$?
[ $rc -eq 1 ] && grep -q -- "-:2: document empty has no text" "$TMP/e" && t_ok empty-record-exit-1 || t_fail empty-record-exit-1 "rc=$rc $(cat "$TMP/e")"
"$DYAD" code "$TMP/a.txt" > /dev/null 2>&1; rc=$?
[ $rc -eq 0 ] && t_ok good-run-exit-0 || t_fail good-run-exit-0 "rc=$rc"
