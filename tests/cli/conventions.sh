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
