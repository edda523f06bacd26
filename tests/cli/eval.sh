# CLI tests of `dyad eval events`: scoring a story written here against its
# gold file, gold-file and corpus errors, and the development gold set
# (tests/gold/events.tsv) over the corpora in ../shared.
. tests/cli/lib.sh

FIX=tests/fixtures/eval
"$DYAD" eval --help > "$TMP/h"; t_grep eval-help 'usage: dyad eval events GOLD.tsv' "$TMP/h"

"$DYAD" eval events "$FIX/gold.tsv" "$FIX/story.txt" > "$TMP/out" 2> "$TMP/err"; rc=$?
[ $rc -eq 0 ] && t_ok eval-story-exit-0 || t_fail eval-story-exit-0 "exit $rc: $(head -c 300 "$TMP/err")"
t_grep eval-story-header '^1 documents, 5 sentences; dyad emitted [0-9]+ events' "$TMP/out"
for level in exact root countries sentence; do
  t_grep "eval-story-level-$level" "^$level \\(" "$TMP/out"
done
# Macron's criticism of Russia and the Scholz-Duda meeting are coded exactly.
python3 - "$TMP/out" <<'PY' && t_ok eval-story-counts || t_fail eval-story-counts "$(cat "$TMP/out")"
import re, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.match(r'^(\w+) \(.*\)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+(\d+)\s+(\d+)$', line)
    if m: rows[m.group(1)] = [float(x) for x in m.groups()[1:]]
assert set(rows) == {"exact", "root", "countries", "sentence"}, rows
assert rows["exact"][3] >= 2 and rows["exact"][3] + rows["exact"][5] == 3, rows
assert rows["root"][3] >= rows["exact"][3], rows
assert rows["sentence"][3] + rows["sentence"][5] == 3, rows
PY
"$DYAD" eval events --list "$FIX/gold.tsv" "$FIX/story.txt" > "$TMP/list" 2>&1
t_nogrep eval-list-no-missed-criticism 'missed story.txt gold line 3:' "$TMP/list"

# A malformed gold file: exit 2 and the file and line.
printf 'doc eval/story.txt story.txt 2022-02-16 5\nev story.txt 41:101 FRAGOV RUS 11x -\n' > "$TMP/bad.tsv"
"$DYAD" eval events "$TMP/bad.tsv" "$FIX/story.txt" > /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 2 ] && t_ok eval-bad-gold-exit-2 || t_fail eval-bad-gold-exit-2 "exit $rc"
t_grep eval-bad-gold-message 'bad.tsv:2: bad CAMEO' "$TMP/err"
# A gold document its corpus does not hold: exit 1, named.
printf 'doc eval/story.txt other.txt 2022-02-16 5\n' > "$TMP/missing.tsv"
"$DYAD" eval events "$TMP/missing.tsv" "$FIX/story.txt" > /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] && t_ok eval-missing-doc-exit-1 || t_fail eval-missing-doc-exit-1 "exit $rc"
t_grep eval-missing-doc-message 'missing.tsv:1: document other.txt not found in eval/story.txt' "$TMP/err"
"$DYAD" eval events "$FIX/gold.tsv" --shared "$TMP/nowhere" > /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] && t_ok eval-missing-corpus-exit-1 || t_fail eval-missing-corpus-exit-1 "exit $rc"
t_grep eval-missing-corpus-message 'nowhere/eval/story.txt' "$TMP/err"
"$DYAD" eval > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && t_ok eval-usage-exit-2 || t_fail eval-usage-exit-2 "exit $rc"

# The development gold set over ../shared.
if t_shared eval-gold corpus/bbc.jsonl corpus/reuters21578.jsonl examples; then
  "$DYAD" eval events tests/gold/events.tsv --shared "$SHARED" > "$TMP/gold" 2> "$TMP/err"; rc=$?
  [ $rc -eq 0 ] && t_ok eval-gold-exit-0 || t_fail eval-gold-exit-0 "exit $rc: $(head -c 300 "$TMP/err")"
  t_grep eval-gold-size '^36 documents, 576 sentences' "$TMP/gold"
  t_grep eval-gold-levels '^sentence \(event or none\)' "$TMP/gold"
  t_nogrep eval-gold-spans-inside 'lies outside document' "$TMP/err"
  "$DYAD" eval events tests/gold/events.tsv --shared "$SHARED" --list > "$TMP/gl" 2>&1
  t_nogrep eval-gold-sentences-found 'sentence not found' "$TMP/gl"
fi

# The named-entity gold set: scored three ways, every span inside its
# document; a malformed line names its file and line.
if t_shared eval-entities corpus/bbc.jsonl corpus/reuters21578.jsonl; then
  "$DYAD" eval entities tests/gold/entities.tsv --shared "$SHARED" > "$TMP/ent" 2> "$TMP/ent.err"; rc=$?
  [ $rc -eq 0 ] && t_ok eval-entities-exit-0 || t_fail eval-entities-exit-0 "exit $rc: $(head -c 300 "$TMP/ent.err")"
  t_grep eval-entities-levels '^coarse \(PER ORG LOC; GPE as LOC\) +[0-9.]+ +[0-9.]+ +[0-9.]+' "$TMP/ent"
  t_grep eval-entities-docs '^5 documents, 74 gold names' "$TMP/ent"
fi
printf 'doc\tcorpus/bbc.jsonl\tpolitics/010\t-\nen\tpolitics/010\t5:3\tTOWN\n' > "$TMP/badent.tsv"
"$DYAD" eval entities "$TMP/badent.tsv" --shared "${SHARED:-../shared}" > /dev/null 2> "$TMP/badent.err"; rc=$?
[ $rc -eq 1 ] && t_ok eval-entities-bad-exit-1 || t_fail eval-entities-bad-exit-1 "exit $rc"
t_grep eval-entities-bad-line "badent.tsv:2: expected 'en DOC_ID OFF:LEN TYPE'" "$TMP/badent.err"
