# CLI tests of `dyad eval tabari` and of the one coder reading TABARI
# dictionaries (`dyad code --one-coder --verbs ...`): the invented project in
# tests/fixtures/dict/suite/, then TABARI's own validation suite in
# ../shared/tabari-validate (read in place, never copied).
. tests/cli/lib.sh

F=tests/fixtures/dict/suite

# field VALUE of an `eval tabari` report line: reproduced / extra / expected
field() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$2"; }

"$DYAD" eval tabari --one-coder --list $F/Suite.project > "$TMP/one.out" 2> "$TMP/one.err"; rc=$?
[ $rc -eq 0 ] && t_ok suite-one-exit-0 || t_fail suite-one-exit-0 "exit $rc: $(head -c 300 "$TMP/one.err")"
[ "$(field expected "$TMP/one.out")" = 9 ] && t_ok suite-expected-9 || t_fail suite-expected-9 "$(cat "$TMP/one.out")"
[ "$(field reproduced "$TMP/one.out")" = 9 ] && t_ok suite-one-reproduced-all || t_fail suite-one-reproduced-all "$(cat "$TMP/one.out")"
[ "$(field extra "$TMP/one.out")" = 0 ] && t_ok suite-one-no-extra || t_fail suite-one-no-extra "$(cat "$TMP/one.out")"
t_grep suite-option-record 'records	9 \(1 option records not scored\)' "$TMP/one.out"
t_nogrep suite-one-no-misses '^(miss|extra)	[A-Z]' "$TMP/one.out"

"$DYAD" eval tabari --list $F/Suite.project > "$TMP/tc.out" 2>&1
[ "$(field reproduced "$TMP/tc.out")" = 9 ] && t_ok suite-shallow-reproduced-all || t_fail suite-shallow-reproduced-all "$(cat "$TMP/tc.out")"

# The one coder end to end: each rule the fixture's records test, as events.
cat > "$TMP/s.jsonl" <<'EOJ'
{"id":"prefix","published":"2001-01-04","text":"Sylvania imposed new sanctions on Osterlich."}
{"id":"pair","published":"2001-01-03","text":"Freedonia visited Sylvania."}
{"id":"null","published":"2001-01-04","text":"Freedonia never visited Sylvania."}
{"id":"synset","published":"2001-01-02","text":"Sylvania promised emergency shelter to Freedonia after the floods."}
EOJ
"$DYAD" code --tsv --one-coder --verbs $F/suite.verbs --actors $F/suite.actors "$TMP/s.jsonl" > "$TMP/s.tsv" 2> "$TMP/s.err"
events() { awk -F'\t' -v d="$1" '$8 == d { print $2 ">" $3 ":" $4 }' "$TMP/s.tsv" | sort | tr '\n' ' ' | sed 's/ $//'; }
expect() { local got; got=$(events "$1"); if [ "$got" = "$2" ]; then t_ok "one-coder-$1"; else t_fail "one-coder-$1" "expected '$2', got '$got'"; fi; }
expect prefix 'SYL>OST:163'
expect pair   'FRD>SYL:042 SYL>FRD:043'
expect null   ''
expect synset 'SYL>FRD:0331'

# A project that is not there: a clear message and exit 1.
"$DYAD" eval tabari "$TMP/nowhere" > "$TMP/bad.out" 2>&1; rc=$?
[ $rc -eq 1 ] && t_ok suite-missing-exit-1 || t_fail suite-missing-exit-1 "exit $rc"
t_grep suite-missing-message 'nowhere/Validate.project: cannot read the project file' "$TMP/bad.out"

# TABARI's validation suite: the share of its expected events reproduced.
# Floors a little under the figures measured when these were written (the
# note of issue 14 gives them): a drop is a regression.
if t_shared tabari-suite tabari-validate/Validate.text tabari-validate/Validate.project; then
  "$DYAD" eval tabari --one-coder "$SHARED/tabari-validate" > "$TMP/v1.out" 2>/dev/null
  "$DYAD" eval tabari "$SHARED/tabari-validate" > "$TMP/v0.out" 2>/dev/null
  n1=$(field reproduced "$TMP/v1.out"); n0=$(field reproduced "$TMP/v0.out"); e=$(field expected "$TMP/v1.out")
  [ "$e" = 513 ] && t_ok tabari-suite-expected || t_fail tabari-suite-expected "$(cat "$TMP/v1.out")"
  [ "${n1:-0}" -ge 330 ] && t_ok tabari-suite-one-coder || t_fail tabari-suite-one-coder "reproduced ${n1:-none} of $e"
  [ "${n0:-0}" -ge 365 ] && t_ok tabari-suite-shallow || t_fail tabari-suite-shallow "reproduced ${n0:-none} of $e"
fi
