# CLI tests of the field's dictionaries: `dyad dict check`, and `dyad code
# --verbs / --actors / --agents / --discards [--add]` end to end -- every
# marker of the TABARI pattern language on the small dictionaries in
# tests/fixtures/dict/code*.txt, then the public TABARI / PETRARCH / Phoenix
# files in ../shared/dictionaries (read in place, never copied).
. tests/cli/lib.sh

F=tests/fixtures/dict
D="$SHARED/dictionaries"

# ---------------------------------------------------------------- dict check

"$DYAD" dict check $F/code.verbs.txt $F/code.p1.verbs.txt $F/code.actors.txt $F/code.agents.txt \
    $F/code.discards.txt > "$TMP/ok.out" 2>&1; rc=$?
[ $rc -eq 0 ] && t_ok check-clean-exit-0 || t_fail check-clean-exit-0 "exit $rc: $(head -c 300 "$TMP/ok.out")"
t_grep check-summary-verbs 'code\.verbs\.txt: verbs \(TABARI\): 9 blocks, 9 verbs, 16 patterns.* 0 unusable' "$TMP/ok.out"
t_grep check-summary-p1 'code\.p1\.verbs\.txt: verbs \(PETRARCH-1\): 3 blocks, 6 verbs, 2 patterns, 1 synsets' "$TMP/ok.out"
t_grep check-summary-actors 'code\.actors\.txt: actors: 9 actors' "$TMP/ok.out"

"$DYAD" dict check $F/tabari.verbs.txt > "$TMP/bad.out" 2>&1; rc=$?
[ $rc -eq 1 ] && t_ok check-unusable-exit-1 || t_fail check-unusable-exit-1 "exit $rc"
t_grep check-lists-line-numbers '^tests/fixtures/dict/tabari\.verbs\.txt:19: unusable: more than one' "$TMP/bad.out"
t_grep check-lists-warnings 'tabari\.verbs\.txt:[0-9]+: warning: ' "$TMP/bad.out"
"$DYAD" dict check --quiet $F/tabari.verbs.txt > "$TMP/q.out" 2>&1
t_nogrep check-quiet 'unusable: ' "$TMP/q.out"

"$DYAD" dict check > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && t_ok check-no-file-exit-2 || t_fail check-no-file-exit-2 "exit $rc"
"$DYAD" dict frobnicate x > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && t_ok dict-bad-subcommand-exit-2 || t_fail dict-bad-subcommand-exit-2 "exit $rc"
"$DYAD" dict check --bogus $F/code.verbs.txt > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && t_ok check-bad-option-exit-2 || t_fail check-bad-option-exit-2 "exit $rc"
"$DYAD" dict check "$TMP/missing.txt" > /dev/null 2> "$TMP/e"; rc=$?
[ $rc -eq 1 ] && t_ok check-missing-exit-1 || t_fail check-missing-exit-1 "exit $rc"
head -c 20000 /dev/urandom > "$TMP/noise.txt"
"$DYAD" dict check "$TMP/noise.txt" > /dev/null 2>&1; rc=$?
[ $rc -le 1 ] && t_ok check-noise-no-crash || t_fail check-noise-no-crash "exit $rc"

if t_shared dict-check-real dictionaries/CAMEO.091003.master.verbs.txt; then
  "$DYAD" dict check --no-warnings "$D/CAMEO.091003.master.verbs.txt" "$D/Phoenix.Countries.actors.txt" \
      "$D/Phoenix.MilNonState.actors.txt" "$D/Phoenix.agents.txt" > "$TMP/real.out" 2>&1; rc=$?
  [ $rc -eq 1 ] && t_ok check-real-exit-1 || t_fail check-real-exit-1 "exit $rc"
  t_grep check-real-verbs 'master\.verbs\.txt: verbs \(TABARI\): 1216 entries|master\.verbs\.txt: verbs \(TABARI\): 1216 blocks' "$TMP/real.out"
  t_grep check-real-unusable-line 'master\.verbs\.txt:[0-9]+: unusable: ' "$TMP/real.out"
  t_grep check-real-milnonstate 'MilNonState\.actors\.txt: actors: 1021 actors.* 0 unusable' "$TMP/real.out"
fi

# ---------------------------------------------------------------- coding with the fixtures

# One document per sentence (id = test name), dated so dated codes resolve.
cat > "$TMP/s.py" <<'PY'
import json, sys
for line in sys.stdin:
    name, text = line.rstrip("\n").split("|", 1)
    print(json.dumps({"id": name, "published": "1935-06-01", "text": text}))
PY
python3 "$TMP/s.py" > "$TMP/s.jsonl" <<'EOF'
slots|Freedonian troops attacked Sylvania.
longest|Freedonia attacked the Sylvanian border.
null|Freedonia never attacked Sylvania.
before|Freedonia plans to attack Sylvania.
passive_pattern|Sylvania was attacked by Freedonia.
passive_rule|Sylvania was bombed by Freedonia.
compound_pct|Freedonia and Sylvania met together.
compound_slot|Freedonia and Osterlich attacked Sylvania.
compound_needed|Freedonia met Sylvania together.
skip|Freedonia accused Trentino of spying for Sylvania.
alt_provisional|Freedonia signed an arms deal with Sylvania.
alt_long|Freedonia signed a nonaggression deal with Sylvania.
alt_joined|Freedonia signed a cease fire deal with Sylvania.
join|Freedonia and Sylvania met at length.
join_broken|Freedonia and Sylvania met at great length.
paired|Freedonia visited Sylvania.
said_pattern|Freedonia said Sylvania was behind the attack.
said_clause|Freedonia said Sylvania attacked Osterlich.
discard_code|Freedonia attacked Sylvania in a video game.
complex|Freedonia attacked Sylvania and also Osterlich.
subordinate|Freedonia threatened Sylvania and bombed Osterlich.
dominant|Freedonia bombed Osterlich; Freedonia and Sylvania met together.
negated|Freedonia did not attack Sylvania.
stem_root|Freedonia invaded Osterlich.
irregular_form|Freedonia met with Sylvania.
dated|Rufus T. Firefly attacked Sylvania.
codeless_entry|Grand Fenwick attacked Sylvania.
agent_before|Freedonian peacekeepers attacked rebels.
agent_of|The foreign minister of Sylvania visited Osterlich.
agent_plural_none|Sylvanian police attacked Osterlich.
agent_subst|A Sylvanian spokesman attacked Osterlich.
null_actor|The Marx Brothers attacked Sylvania.
lower_case|The freedonia attacked sylvania.
second_file|Klopstokian troops attacked Sylvania.
discard_phrase|Freedonia attacked Sylvania at the Chess Olympiad.
discard_story|Freedonia attacked Sylvania. The regatta final was cancelled.
EOF

"$DYAD" code --tsv --verbs $F/code.verbs.txt --actors $F/code.actors.txt $F/code2.actors.txt \
    --agents $F/code.agents.txt --discards $F/code.discards.txt "$TMP/s.jsonl" > "$TMP/s.tsv" 2> "$TMP/s.err"; rc=$?
[ $rc -eq 0 ] && t_ok code-fixtures-exit-0 || t_fail code-fixtures-exit-0 "exit $rc: $(head -c 300 "$TMP/s.err")"

# events DOC TSV: "SOURCE>TARGET:CAMEO ..." of one document, sorted.
events() { awk -F'\t' -v d="$1" '$8 == d { print $2 ">" $3 ":" $4 }' "$2" | sort | tr '\n' ' ' | sed 's/ $//'; }
expect() {  # NAME "EVENTS" [TSV]
  local got; got=$(events "$1" "${3:-$TMP/s.tsv}")
  if [ "$got" = "$2" ]; then t_ok "code-$1"; else t_fail "code-$1" "expected '$2', got '$got'"; fi
}
expect slots             'FRDMIL>SYL:190'
expect longest           'FRD>SYL:195'
expect null              ''
expect before            'FRD>SYL:138'
expect passive_pattern   'FRD>SYL:193'
expect passive_rule      'FRD>SYL:195'
expect compound_pct      'FRD>SYL:036 SYL>FRD:036'
expect compound_slot     'FRD>SYL:190 OST>SYL:190'
expect compound_needed   'FRD>SYL:040'
expect skip              'FRD>SYL:1124'
expect alt_provisional   'FRD>SYL:0312'
expect alt_long          'FRD>SYL:061'
expect alt_joined        'FRD>SYL:057'
expect join              'FRD>SYL:046 SYL>FRD:046'
expect join_broken       'FRD>SYL:040 SYL>FRD:040'
expect paired            'FRD>SYL:042 SYL>FRD:043'
expect said_pattern      'FRD>SYL:112'
expect said_clause       'SYL>OST:190'
expect discard_code      ''
expect complex           ''
expect subordinate       'FRD>OST:195'
expect dominant          'FRD>SYL:036 SYL>FRD:036'
expect negated           'FRD>SYL:190'
expect stem_root         'FRD>OST:192'
expect irregular_form    'FRD>SYL:040'
expect dated             'FRDGOV>SYL:190'
expect codeless_entry    'FEN>SYL:190'
expect agent_before      'IGOFRD>REB:190'
expect agent_of          'OST>SYLGOV:043 SYLGOV>OST:042'
expect agent_plural_none 'SYLCOP>OST:190'
expect agent_subst       'SYLGOV>OST:190'
expect null_actor        ''
expect lower_case        ''
expect second_file       'KLPMIL>SYL:190'
expect discard_phrase    ''
expect discard_story     ''

# The same story at another date: the dated code changes.
python3 - "$TMP/s.jsonl" > "$TMP/late.jsonl" <<'PY'
import json, sys
for l in open(sys.argv[1]):
    d = json.loads(l)
    if d["id"] == "dated":
        d["published"] = "1950-01-01"; print(json.dumps(d))
PY
"$DYAD" code --tsv --verbs $F/code.verbs.txt --actors $F/code.actors.txt "$TMP/late.jsonl" > "$TMP/late.tsv" 2>&1
expect dated 'FRDELI>SYL:190' "$TMP/late.tsv"

# JSON: flags and evidence of the TABARI events.
"$DYAD" code --verbs $F/code.verbs.txt --actors $F/code.actors.txt "$TMP/s.jsonl" > "$TMP/s.json" 2>&1
python3 - "$TMP/s.json" > "$TMP/py" 2>&1 <<'PY' && t_ok code-json-flags || t_fail code-json-flags "$(tail -n 1 "$TMP/py")"
import json, sys
docs = {}
for l in open(sys.argv[1]):
    if l.startswith("{"):
        d = json.loads(l); docs[d["id"]] = d
e = docs["negated"]["events"][0]
assert e["negated"] is True and e["rule"] == "code.verbs.txt:5", e
e = docs["passive_rule"]["events"][0]
assert e["passive"] is True and e["verb"]["text"] == "bombed", e
e = docs["passive_pattern"]["events"][0]
assert e["passive"] is False and e["rule"] == "code.verbs.txt:9", e
m = docs["dated"]["mentions"][0]
assert m["code"] == "FRDGOV" and m["kind"] == "person", m
assert docs["dated"]["actors"][m["entity"]]["name"] == "Rufus T Firefly", docs["dated"]["actors"]
PY

# A compound actor gives one event per member, and the JSON record names
# each event's own member code, as --tsv does (not the mention's joined code).
{ cat $F/code.actors.txt; echo 'THE_SHIRE  [FRO/BIL/SAM]'; } > "$TMP/shire.actors.txt"
printf '{"id":"shire","published":"1935-06-01","text":"The Shire attacked Freedonia and Sylvania."}\n' > "$TMP/shire.jsonl"
"$DYAD" code --tsv --verbs $F/code.verbs.txt --actors "$TMP/shire.actors.txt" "$TMP/shire.jsonl" > "$TMP/shire.tsv" 2>&1
"$DYAD" code --verbs $F/code.verbs.txt --actors "$TMP/shire.actors.txt" "$TMP/shire.jsonl" > "$TMP/shire.json" 2>&1
python3 - "$TMP/shire.json" "$TMP/shire.tsv" > "$TMP/py" 2>&1 <<'PY' && t_ok code-json-compound-sides || t_fail code-json-compound-sides "$(tail -n 1 "$TMP/py")"
import json, sys
d = json.loads(open(sys.argv[1]).readline())
js = sorted((e["source"]["code"], e["target"]["code"], e["cameo"]) for e in d["events"])
tsv = sorted(tuple(l.split("\t")[1:4]) for l in open(sys.argv[2]).read().splitlines()[1:])
assert len(js) == 6 and len(set(js)) == 6, js
assert js == tsv, (js, tsv)
assert {s for s, _, _ in js} == {"FRO", "BIL", "SAM"}, js
PY

# --explain names the verb, the pattern and the slots.
grep '"longest"' "$TMP/s.jsonl" | "$DYAD" code --explain --verbs $F/code.verbs.txt --actors $F/code.actors.txt - > "$TMP/x.out" 2>&1
t_grep code-explain-pattern 'pattern code\.verbs\.txt:6 \[\* \+ BORDER \[195\]\] \$=- \+=SYL' "$TMP/x.out"
t_grep code-explain-event 'event 195 FRD -> SYL' "$TMP/x.out"

# PETRARCH-1: synsets with plurals, blocks, declared and generated verb forms.
python3 "$TMP/s.py" > "$TMP/p1.jsonl" <<'EOF'
synset|Freedonia fired rockets at Sylvania.
synset_phrase|Freedonia launched a cruise missile at Sylvania.
block_code|Freedonia demanded that Sylvania withdraw.
declared_forms|Freedonia urged Sylvania to release the prisoners.
multiword_verb|Freedonia heaped praise on Sylvania.
regular_forms|Freedonia praises Sylvania.
EOF
"$DYAD" code --tsv --verbs $F/code.p1.verbs.txt --actors $F/code.actors.txt "$TMP/p1.jsonl" > "$TMP/p1.tsv" 2>&1
expect synset         'FRD>SYL:195' "$TMP/p1.tsv"
expect synset_phrase  'FRD>SYL:195' "$TMP/p1.tsv"
expect block_code     'FRD>SYL:100' "$TMP/p1.tsv"
expect declared_forms 'FRD>SYL:1041' "$TMP/p1.tsv"
expect multiword_verb 'FRD>SYL:051' "$TMP/p1.tsv"
expect regular_forms  'FRD>SYL:051' "$TMP/p1.tsv"

# Threads give the same events.
"$DYAD" code -j 3 --tsv --verbs $F/code.verbs.txt --actors $F/code.actors.txt $F/code2.actors.txt \
    --agents $F/code.agents.txt --discards $F/code.discards.txt "$TMP/s.jsonl" > "$TMP/j.tsv" 2>&1
cmp -s "$TMP/s.tsv" "$TMP/j.tsv" && t_ok code-threads-same || t_fail code-threads-same "differs"

# Options: usage errors, wrong kinds, missing files.
"$DYAD" code --verbs > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && t_ok code-verbs-needs-file || t_fail code-verbs-needs-file "exit $rc"
"$DYAD" code --verbs $F/code.actors.txt "$TMP/s.jsonl" > /dev/null 2> "$TMP/e"; rc=$?
[ $rc -eq 1 ] && t_ok code-wrong-kind-exit-1 || t_fail code-wrong-kind-exit-1 "exit $rc"
t_grep code-wrong-kind-message 'looks like an actors dictionary, not verbs' "$TMP/e"
"$DYAD" code --actors "$TMP/none.txt" "$TMP/s.jsonl" > /dev/null 2> "$TMP/e"; rc=$?
[ $rc -eq 1 ] && t_ok code-missing-dict-exit-1 || t_fail code-missing-dict-exit-1 "exit $rc"
"$DYAD" code --add "$TMP/s.jsonl" > /dev/null 2>&1; rc=$?
[ $rc -eq 1 ] && t_ok code-add-alone || t_fail code-add-alone "exit $rc"
"$DYAD" code --verbs $F/tabari.verbs.txt --actors $F/code.actors.txt "$TMP/s.jsonl" > /dev/null 2> "$TMP/e"; rc=$?
[ $rc -eq 0 ] && t_ok code-unusable-lines-still-code || t_fail code-unusable-lines-still-code "exit $rc"
t_grep code-unusable-lines-said 'dictionary lines could not be used' "$TMP/e"

# --verbs alone: dyad's own actors lexicon, no dyad verb dictionary needed.
printf 'Title\n\nRussian troops attacked Ukraine on Monday.\n' > "$TMP/ru.txt"
"$DYAD" code --tsv --date 2022-03-02 --verbs $F/code.verbs.txt "$TMP/ru.txt" > "$TMP/ru.tsv" 2> "$TMP/e"; rc=$?
[ $rc -eq 0 ] && t_ok code-verbs-own-actors-exit-0 || t_fail code-verbs-own-actors-exit-0 "exit $rc: $(head -c 300 "$TMP/e")"
t_grep code-verbs-own-actors $'\tRUSMIL\tUKR\t190\t' "$TMP/ru.tsv"

# --add: dyad's own dictionaries and the TABARI ones together, in a data
# folder made here (dyad's verbs in its own format: VERB / CODE * +).
mkdir -p "$TMP/data/events/verbs"
cp -r data/actors "$TMP/data/actors"
cp data/events/cameo.txt "$TMP/data/events/cameo.txt"
printf 'VERB praise\n051   * +\n' > "$TMP/data/events/verbs/test.txt"
python3 "$TMP/s.py" > "$TMP/add.jsonl" <<'EOF'
add|Freedonia praised Sylvania. Freedonia attacked Russia.
EOF
"$DYAD" code --tsv --data "$TMP/data" --verbs $F/code.verbs.txt --actors $F/code.actors.txt --add \
    "$TMP/add.jsonl" > "$TMP/add.tsv" 2> "$TMP/e"; rc=$?
[ $rc -eq 0 ] && t_ok code-add-exit-0 || t_fail code-add-exit-0 "exit $rc: $(head -c 300 "$TMP/e")"
expect add 'FRD>RUS:190 FRD>SYL:051' "$TMP/add.tsv"
"$DYAD" code --tsv --data "$TMP/data" --actors $F/code.actors.txt "$TMP/add.jsonl" > "$TMP/own.tsv" 2> "$TMP/e"
expect add 'FRD>SYL:051' "$TMP/own.tsv"

# ---------------------------------------------------------------- the public dictionaries

if t_shared dict-code-real dictionaries/CAMEO.091003.master.verbs.txt; then
  ACT="--actors $D/Phoenix.Countries.actors.txt $D/Phoenix.International.actors.txt $D/Phoenix.MilNonState.actors.txt --agents $D/Phoenix.agents.txt"
  cat > "$TMP/real.py" <<'PY'
import json, sys
for line in sys.stdin:
    name, text = line.rstrip("\n").split("|", 1)
    print(json.dumps({"id": name, "published": "2015-06-01", "text": text}))
PY
  python3 "$TMP/real.py" > "$TMP/real.jsonl" <<'EOF'
attack|Russian troops attacked Ukrainian positions near Kharkiv.
sanction|The United States imposed new sanctions on Iran.
meet|Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow.
treaty|Egypt and Israel signed a peace treaty.
accuse|Turkey accused Greece of violating its airspace.
visit|German Chancellor Angela Merkel visited Washington.
arrest|Pakistani police arrested dozens of protesters in Karachi.
EOF
  for V in CAMEO.091003.master.verbs.txt CAMEO.verbpatterns.150430.txt; do
    "$DYAD" code --tsv -q --verbs "$D/$V" $ACT "$TMP/real.jsonl" > "$TMP/real.tsv" 2> "$TMP/e"; rc=$?
    [ $rc -eq 0 ] && t_ok "real-$V-exit-0" || t_fail "real-$V-exit-0" "exit $rc: $(head -c 300 "$TMP/e")"
    real() {  # NAME REGEX: the document's events, as SOURCE>TARGET:CAMEO, match
      local got; got=$(events "$1" "$TMP/real.tsv")
      if echo "$got" | grep -Eq -- "$2"; then t_ok "real-$V-$1"; else t_fail "real-$V-$1" "no /$2/ in '$got'"; fi
    }
    real attack   '^RUSMIL>UKR:19[0-9]*$'
    real sanction '^USA>IRN:16[0-9]*$'
    real meet     'CHNGOV>RUSGOV:04[0-9]* RUSGOV>CHNGOV:04'
    real treaty   'EGY>ISR:057 ISR>EGY:057'
    real accuse   '^TUR>GRC:11[0-9]*$'
    real visit    'DEUGOV>USA:042'
    real arrest   'PAKCOP>PAKOPP:17[0-9]*'
  done
fi
