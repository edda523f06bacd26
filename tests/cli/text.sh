# CLI tests of `dyad text`: inputs, formats, exit codes and bad input.
. tests/cli/lib.sh

# --help / --version / usage errors
"$DYAD" --version > "$TMP/v" 2>&1; t_grep version '^dyad [0-9]+\.[0-9]+' "$TMP/v"
"$DYAD" --help > "$TMP/h"; t_grep help-lists-text '^  text ' "$TMP/h"
"$DYAD" text --help > "$TMP/th"; t_grep text-help 'usage: dyad text' "$TMP/th"
"$DYAD" text --bogus > /dev/null 2> "$TMP/e"; rc=$?
[ $rc -eq 2 ] && t_ok usage-exit-2 || t_fail usage-exit-2 "exit $rc"
t_grep usage-message "^dyad: text: unknown option '--bogus'" "$TMP/e"
"$DYAD" nosuchcommand > /dev/null 2>&1; [ $? -eq 2 ] && t_ok unknown-command-exit-2 || t_fail unknown-command-exit-2 "not 2"

# A plain article with a headline, and JSON lines with metadata kept.
cat > "$TMP/a.txt" <<'TXT'
Seoul and Tokyo agree to resume talks

SEOUL, March 6, 2023 (Dyad Wire) — South Korea and Japan agreed on Monday to resume regular
security talks, the foreign ministry said. Mr. Park will travel to Tokyo next week.
TXT
"$DYAD" text --json "$TMP/a.txt" > "$TMP/a.json"; rc=$?
[ $rc -eq 0 ] && t_ok text-exit-0 || t_fail text-exit-0 "exit $rc"
python3 -c '
import json,sys
d=json.loads(open(sys.argv[1]).read())
assert d["title"]=="Seoul and Tokyo agree to resume talks", d["title"]
assert d["n_sentences"]==2, d["n_sentences"]
assert d["sentences"][1]["text"]=="Mr. Park will travel to Tokyo next week."
assert len(d["id"])==16
' "$TMP/a.json" && t_ok plain-article-json || t_fail plain-article-json "$(head -c 300 "$TMP/a.json")"
id1=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["id"])' "$TMP/a.json")
"$DYAD" text --json < "$TMP/a.txt" > "$TMP/b.json"
id2=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["id"])' "$TMP/b.json")
[ "$id1" = "$id2" ] && t_ok stable-id-from-stdin || t_fail stable-id-from-stdin "$id1 vs $id2"

printf '%s\n' '{"id":"w1","url":"https://wire.example.org/1","title":"T","published":"2019-06-30","source":"Dyad Wire","text":"Kim met Trump at Panmunjom. They shook hands.","desk":"asia","tags":["dmz"]}' \
  '' '{"id": 7, "text": "Pompeo left Pyongyang on Saturday."}' > "$TMP/in.jsonl"
"$DYAD" text --json "$TMP/in.jsonl" > "$TMP/out.jsonl"; rc=$?
python3 -c '
import json,sys
rows=[json.loads(l) for l in open(sys.argv[1])]
assert len(rows)==2, len(rows)
assert rows[0]["id"]=="w1" and rows[0]["published"]=="2019-06-30" and rows[0]["n_sentences"]==2
assert rows[0]["extra"]=={"desk":"asia","tags":["dmz"]}, rows[0].get("extra")
assert rows[1]["id"]=="7"
' "$TMP/out.jsonl" && [ $rc -eq 0 ] && t_ok jsonl-fields-and-extra || t_fail jsonl-fields-and-extra "rc=$rc $(head -c 300 "$TMP/out.jsonl")"

# A JSON line that is not JSON: reported with file and line; the rest still processed; exit 1.
printf '%s\n' '{"id":"ok1","text":"Talks resumed."}' '{"id":"bad", "text": "unterminated' \
  '[1,2]' '{"id":"notext"}' '{"id":"ok2","text":"Talks ended."}' > "$TMP/bad.jsonl"
"$DYAD" text --json "$TMP/bad.jsonl" > "$TMP/bad.out" 2> "$TMP/bad.err"; rc=$?
[ $rc -eq 1 ] && t_ok bad-json-exit-1 || t_fail bad-json-exit-1 "exit $rc"
t_grep bad-json-line-2 "^dyad: $TMP/bad.jsonl:2: invalid JSON at column" "$TMP/bad.err"
t_grep bad-json-line-3 "^dyad: $TMP/bad.jsonl:3: a JSON line must be an object" "$TMP/bad.err"
t_grep bad-json-line-4 "^dyad: $TMP/bad.jsonl:4: no \"text\"" "$TMP/bad.err"
[ "$(grep -c '"id":"ok' "$TMP/bad.out")" -eq 2 ] && t_ok bad-json-others-kept || t_fail bad-json-others-kept "$(cat "$TMP/bad.out")"

# Invalid UTF-8 and NUL bytes: replaced, reported with file and offset, exit 0.
printf 'Seoul said \377 talks\000 would resume.\n' > "$TMP/u.txt"
"$DYAD" text --json "$TMP/u.txt" > "$TMP/u.json" 2> "$TMP/u.err"; rc=$?
[ $rc -eq 0 ] && t_ok invalid-utf8-exit-0 || t_fail invalid-utf8-exit-0 "exit $rc"
t_grep invalid-utf8-reported "^dyad: $TMP/u.txt: byte 11: invalid UTF-8" "$TMP/u.err"
t_grep nul-reported "NUL byte at byte 18" "$TMP/u.err"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert "\ufffd" in d["text"] and d["n_sentences"]==1' "$TMP/u.json" \
  && t_ok invalid-utf8-replaced || t_fail invalid-utf8-replaced "$(cat "$TMP/u.json")"

# Empty file: no document (not an empty one), an error naming it, exit 1.
: > "$TMP/empty.txt"
"$DYAD" text --json "$TMP/empty.txt" > "$TMP/empty.json" 2> "$TMP/empty.err"; rc=$?
[ $rc -eq 1 ] && [ ! -s "$TMP/empty.json" ] && t_ok empty-file || t_fail empty-file "rc=$rc $(cat "$TMP/empty.json")"
t_grep empty-file-named "^dyad: $TMP/empty.txt: empty input: no document" "$TMP/empty.err"

# Missing file: message naming it, exit 1, other files still processed.
"$DYAD" text "$TMP/nope.txt" "$TMP/a.txt" > "$TMP/m.out" 2> "$TMP/m.err"; rc=$?
[ $rc -eq 1 ] && t_ok missing-file-exit-1 || t_fail missing-file-exit-1 "exit $rc"
t_grep missing-file-message "^dyad: $TMP/nope.txt: cannot open: No such file" "$TMP/m.err"
t_grep missing-file-others "Mr. Park will travel" "$TMP/m.out"

# A 50 MB single line, as text and inside JSON: processed, no crash, in bounded time.
python3 -c '
import sys
w = "Officials said the talks would resume. " * (50 * 1024 * 1024 // 39)
open(sys.argv[1], "w").write(w)
open(sys.argv[2], "w").write("{\"id\":\"big\",\"text\":\"" + w + "\"}\n")
' "$TMP/big.txt" "$TMP/big.jsonl"
timeout 120 "$DYAD" text --json "$TMP/big.txt" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["n_sentences"] > 1000000, d["n_sentences"]' \
  && t_ok fifty-mb-line-text || t_fail fifty-mb-line-text "failed"
timeout 120 "$DYAD" text --json "$TMP/big.jsonl" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["id"]=="big" and d["n_sentences"] > 1000000' \
  && t_ok fifty-mb-line-jsonl || t_fail fifty-mb-line-jsonl "failed"
# One 50 MB token with no space at all.
head -c 50000000 /dev/zero | tr '\0' 'a' > "$TMP/blob.txt"
timeout 60 "$DYAD" text --json "$TMP/blob.txt" > /dev/null && t_ok fifty-mb-token || t_fail fifty-mb-token "failed"

# The real examples: debris gone, story kept.
if t_shared text-examples examples/000_409f928aa0776bbe.txt examples/003_023876788a9e6448.txt; then
"$DYAD" text "$SHARED/examples/000_409f928aa0776bbe.txt" > "$TMP/000.txt"
t_grep ex000-story-kept "he said\.$" "$TMP/000.txt"
t_nogrep ex000-no-related "^\[[0-9]+\].*(Dolly Parton|Maxine Waters|Nuclear Silence)" "$TMP/000.txt"
t_grep ex000-related-reported "^removed \(related-block" "$TMP/000.txt"
"$DYAD" text "$SHARED/examples/003_023876788a9e6448.txt" > "$TMP/003.txt"
t_nogrep ex003-no-caps-headline "^\[[0-9]+\].*NORTH KOREA SAYS" "$TMP/003.txt"
t_grep ex003-caps-reported "^removed \(allcaps-headline" "$TMP/003.txt"
t_grep ex003-contributor-reported "^removed \(contributor" "$TMP/003.txt"
fi
