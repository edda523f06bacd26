# CLI tests of `dyad quotes`: every quotation form on wire-style copy
# written here, the two real examples in ../shared/examples (read in place,
# never copied), the human and JSON views, --count, stdin and exit codes.
. tests/cli/lib.sh

# q_expect NAME JSONFILE SNIPPET KIND CODE [NAME-PART]
#   passes when some quote whose text contains SNIPPET has that kind ("-"
#   for any) and a speaker with that code ("-" for no speaker), and when
#   NAME-PART is given, a speaker name containing it.
q_expect() {
  local name=$1 file=$2
  shift 2
  if python3 - "$file" "$@" > "$TMP/why" 2>&1 <<'PY'
import json, sys
path, snippet, kind, code = sys.argv[1:5]
want_name = sys.argv[5] if len(sys.argv) > 5 else None
quotes = []
for line in open(path):
    if line.strip():
        quotes += json.loads(line)["quotes"]
seen = []
for q in quotes:
    if snippet not in q["text"]:
        continue
    spk = q["speaker"]
    got_code = spk["code"] if spk else "-"
    got_name = spk["name"] if spk else ""
    seen.append("%s/%s/%s" % (q["kind"], got_code, got_name))
    if kind != "-" and q["kind"] != kind:
        continue
    if got_code != code:
        continue
    if want_name and want_name not in got_name:
        continue
    sys.exit(0)
print("for %r: got %s" % (snippet, seen or "no quote"))
sys.exit(1)
PY
  then t_ok "$name"; else t_fail "$name" "$(cat "$TMP/why")"; fi
}

# q_absent NAME JSONFILE SNIPPET KIND [exact]: no quote of that kind
# contains SNIPPET (is exactly SNIPPET with "exact").
q_absent() {
  if python3 - "$2" "$3" "$4" "${5:-}" <<'PY'
import json, sys
path, snippet, kind, exact = sys.argv[1:5]
for line in open(path):
    if line.strip():
        for q in json.loads(line)["quotes"]:
            hit = q["text"] == snippet if exact else snippet in q["text"]
            if hit and q["kind"] == kind:
                sys.exit(1)
PY
  then t_ok "$1"; else t_fail "$1" "a $4 quote contains '$3'"; fi
}

# --- usage -------------------------------------------------------------
"$DYAD" --help > "$TMP/h"; t_grep help-lists-quotes '^  quotes ' "$TMP/h"
"$DYAD" quotes --help > "$TMP/qh"; t_grep quotes-help 'usage: dyad quotes' "$TMP/qh"
"$DYAD" quotes --bogus > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] && t_ok quotes-usage-exit-2 || t_fail quotes-usage-exit-2 "exit $rc"
"$DYAD" quotes "$TMP/missing.txt" > /dev/null 2>&1; rc=$?
[ $rc -eq 1 ] && t_ok quotes-missing-file-exit-1 || t_fail quotes-missing-file-exit-1 "exit $rc"

# --- wire copy: every form ----------------------------------------------
cat > "$TMP/wire.txt" <<'TXT'
Russia and Ukraine trade accusations

MOSCOW, March 3, 2022 (Dyad Wire) - Russian President Vladimir Putin said on Thursday that the talks with Ukraine were "going nowhere," and accused Kyiv of "dragging its feet."

"We are ready to talk, but not to surrender," Ukrainian President Volodymyr Zelensky said in a video address. "Nobody will give up our land."

Zelensky said, "We will fight for every city."

"The West has made its choice," said Foreign Minister Sergei Lavrov, "and it will pay for it."

Speaking at a news conference in Brussels, NATO chief Jens Stoltenberg told reporters.

"This is the biggest threat to European security in decades. We will not be intimidated."

"Allies stand united," he added.

According to the Kremlin, Putin said:

"Russia will achieve all its goals. There is no alternative.

"History will judge who started this war."

Chinese President Xi Jinping called for "maximum restraint" and urged both sides to return to negotiations.

Ukraine's foreign ministry issued a statement on Friday condemning the strikes. "These are war crimes," the statement said.

Prices of 'safe haven' assets such as gold rose sharply in a ’90s-style rally, and the ministry’s plans for the leaders' summit were unchanged.

Lavrov told the Security Council that the West was "lying" about the invasion.

The strikes would stop, Putin said, once Kyiv accepted Moscow's terms.

Putin, who spoke by telephone with French President Emmanuel Macron, said the operation was "going according to plan."
TXT
"$DYAD" quotes --json "$TMP/wire.txt" > "$TMP/wire.json"; rc=$?
[ $rc -eq 0 ] && t_ok wire-exit-0 || t_fail wire-exit-0 "exit $rc"
q_expect wire-speaker-after           "$TMP/wire.json" "We are ready to talk, but not to surrender" direct UKRGOV Zelensky
q_expect wire-second-sentence-inherits "$TMP/wire.json" "Nobody will give up our land." direct UKRGOV Zelensky
q_expect wire-speaker-before          "$TMP/wire.json" "We will fight for every city." direct UKRGOV Zelensky
q_expect wire-middle-first-half       "$TMP/wire.json" "The West has made its choice" direct RUSGOV Lavrov
q_expect wire-middle-second-half      "$TMP/wire.json" "and it will pay for it." direct RUSGOV Lavrov
q_expect wire-reporting-clause-before-paragraph "$TMP/wire.json" "biggest threat to European security" direct IGOWSTNAT Stoltenberg
q_expect wire-pronoun-speaker         "$TMP/wire.json" "Allies stand united" direct IGOWSTNAT Stoltenberg
q_expect wire-colon-paragraph         "$TMP/wire.json" "Russia will achieve all its goals" direct RUSGOV Putin
q_expect wire-across-paragraphs       "$TMP/wire.json" "History will judge" direct RUSGOV Putin
q_expect wire-partial-in-said-that    "$TMP/wire.json" "going nowhere" partial RUSGOV Putin
q_expect wire-partial-accused         "$TMP/wire.json" "dragging its feet" partial RUSGOV Putin
q_expect wire-partial-called-for      "$TMP/wire.json" "maximum restraint" partial CHNGOV Xi
q_expect wire-statement-author        "$TMP/wire.json" "These are war crimes" direct UKRGOV
q_expect wire-scare                   "$TMP/wire.json" "safe haven" scare -
q_absent wire-decade-no-quote         "$TMP/wire.json" "90s" scare
q_absent wire-possessive-no-quote     "$TMP/wire.json" "summit were" scare
q_expect wire-indirect-said-that      "$TMP/wire.json" "the talks with Ukraine were" indirect RUSGOV Putin
q_expect wire-indirect-accused        "$TMP/wire.json" "Kyiv of" indirect RUSGOV Putin
q_expect wire-indirect-urged          "$TMP/wire.json" "both sides to return to negotiations" indirect CHNGOV Xi
q_expect wire-indirect-told-that      "$TMP/wire.json" "the West was" indirect RUSGOV Lavrov
q_expect wire-indirect-inverted       "$TMP/wire.json" "The strikes would stop" indirect RUSGOV Putin
q_expect wire-relative-clause-subject "$TMP/wire.json" "going according to plan" partial RUSGOV Putin
python3 - "$TMP/wire.json" <<'PY' && t_ok wire-cue-and-span || t_fail wire-cue-and-span "$(head -c 300 "$TMP/wire.json")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
text = None
for q in d["quotes"]:
    if q["text"].startswith("We will fight"):
        assert q["cue"] == "said", q
        assert q["span"][1] == len(q["text"].encode()), q
        assert q["date"] == "2022-03-03", q
        break
else:
    raise SystemExit("no quote")
# text order
offs = [q["span"][0] for q in d["quotes"]]
assert offs == sorted(offs), offs
PY

# Mark styles: guillemets, single quotes as the main marks, nested quotes,
# a letter that "read", a possessive office, straight quotes everywhere.
cat > "$TMP/styles.txt" <<'TXT'
Macron and Scholz meet in Paris

PARIS, May 9, 2023 (Dyad Wire) - French President Emmanuel Macron said: « L'Europe doit être forte. »

'We have a duty to act,' German Chancellor Olaf Scholz said. 'Nobody else will.'

“The president told me, ‘We will never give up,’ and I believe him,” Scholz said.

Japanese Prime Minister Fumio Kishida sent a letter to Macron last week. The letter, which was released on Monday, read: "Japan stands with Europe."

Kishida's office said in a statement that Tokyo "strongly supports" the plan.

Scholz praised Macron, saying the summit had been "productive."
TXT
"$DYAD" quotes --json "$TMP/styles.txt" > "$TMP/styles.json"
q_expect styles-guillemets      "$TMP/styles.json" "L'Europe doit être forte." direct FRAGOV Macron
q_expect styles-single-marks    "$TMP/styles.json" "We have a duty to act" direct DEUGOV Scholz
q_expect styles-single-inherit  "$TMP/styles.json" "Nobody else will." direct DEUGOV Scholz
q_expect styles-nested-outer    "$TMP/styles.json" "The president told me" direct DEUGOV Scholz
q_expect styles-nested-inner    "$TMP/styles.json" "We will never give up" direct FRAGOV Macron
q_expect styles-letter-read     "$TMP/styles.json" "Japan stands with Europe." direct JPNGOV Kishida
q_expect styles-possessed-office "$TMP/styles.json" "strongly supports" partial JPNGOV Kishida
q_expect styles-participle      "$TMP/styles.json" "productive" partial DEUGOV Scholz

# Human view: kind, speaker name and code, cue, date, text.
"$DYAD" quotes "$TMP/styles.txt" > "$TMP/styles.out"
t_grep human-header '^[0-9]+ quotations$' "$TMP/styles.out"
t_grep human-line 'direct +Olaf Scholz +DEUGOV +said +2023-05-09 +We have a duty to act' "$TMP/styles.out"

# stdin, several documents, --count
printf '%s\n' '{"id":"a","published":"2019-06-30","text":"\"We will meet again,\" Trump said."}' \
  '{"id":"b","text":"Nothing quoted here."}' | "$DYAD" quotes --json - > "$TMP/lines.json" 2> /dev/null
n=$(wc -l < "$TMP/lines.json")
[ "$n" -eq 2 ] && t_ok json-one-line-per-document || t_fail json-one-line-per-document "$n lines"
q_expect stdin-jsonl "$TMP/lines.json" "We will meet again" direct USAGOV Trump
"$DYAD" quotes --count "$TMP/wire.txt" "$TMP/styles.txt" > "$TMP/count"
t_grep count-line '^documents 2 sentences [0-9]+ tokens [0-9]+' "$TMP/count"
[ "$(wc -l < "$TMP/count")" -eq 1 ] && t_ok count-prints-only-totals || t_fail count-prints-only-totals "$(cat "$TMP/count")"

# --- the real examples ----------------------------------------------------
ex0="$SHARED/examples/000_409f928aa0776bbe.txt"
ex3="$SHARED/examples/003_023876788a9e6448.txt"
if t_shared quotes-examples examples/000_409f928aa0776bbe.txt examples/003_023876788a9e6448.txt; then
  "$DYAD" quotes --json --date 2025-10-29 "$ex0" > "$TMP/ex0.json"
  q_expect ex0-fell-in-love        "$TMP/ex0.json" "And then we fell in love" direct USAGOV Trump
  q_expect ex0-good-relationship   "$TMP/ex0.json" "good relationship" direct USAGOV Trump
  q_expect ex0-put-out-the-word    "$TMP/ex0.json" "put out the word" direct USAGOV Trump
  q_expect ex0-pretty-big          "$TMP/ex0.json" "pretty big" direct USAGOV Trump
  q_expect ex0-as-big-as-you-get   "$TMP/ex0.json" "as big as you get" direct USAGOV Trump
  q_expect ex0-work-out-timing     "$TMP/ex0.json" "we really weren’t able to work out timing" direct USAGOV Trump
  q_expect ex0-at-some-point       "$TMP/ex0.json" "At some point" direct USAGOV Trump
  q_expect ex0-fond-memories       "$TMP/ex0.json" "Personally, I still have fond memories" direct PRKGOV "Kim Jong Un"
  q_expect ex0-warmth-and-peace    "$TMP/ex0.json" "significant sense of warmth and peace" partial KORGOV "Lee Jae Myung"
  q_expect ex0-considerable        "$TMP/ex0.json" "considerable" partial KORGOV "reunification minister"
  q_expect ex0-straighten-out      "$TMP/ex0.json" "straighten out" partial USAGOV Trump
  q_expect ex0-friend-is-scare     "$TMP/ex0.json" "friend" scare -
  # The crossheads are pull quotes: kept as scare quotes, never given a speaker.
  q_expect ex0-crosshead-love      "$TMP/ex0.json" "We fell in love" scare -
  q_expect ex0-crosshead-south-korea "$TMP/ex0.json" "I’ll be in South Korea" scare -
  q_absent ex0-crosshead-not-direct "$TMP/ex0.json" "I’ll be in South Korea" direct exact

  "$DYAD" quotes --json --date 2018-07-12 "$ex3" > "$TMP/ex3.json"
  q_expect ex3-very-nice-note      "$TMP/ex3.json" "very nice note" - USAGOV Trump
  q_expect ex3-great-progress      "$TMP/ex3.json" "great progress" - USAGOV Trump
  q_expect ex3-extraordinary-efforts "$TMP/ex3.json" "energetic and extraordinary efforts" partial PRKGOV "Kim Jong Un"
  q_expect ex3-letter              "$TMP/ex3.json" "Wishing that the invariable trust" direct PRKGOV "Kim Jong Un"
  q_expect ex3-meaningful-journey  "$TMP/ex3.json" "start of a meaningful journey" partial PRKGOV "Kim Jong Un"
  q_expect ex3-gangster-like       "$TMP/ex3.json" "gangster-like" partial PRKGOV "Foreign Ministry"
  q_expect ex3-we-had-expected     "$TMP/ex3.json" "We had expected" direct PRKGOV "Foreign Ministry"
  q_expect ex3-good-faith          "$TMP/ex3.json" "good faith" partial USAGOV Pompeo
  q_expect ex3-stray-comments      "$TMP/ex3.json" "Look, people are going to make stray comments" direct USAGOV Pompeo
  q_expect ex3-go-nuts             "$TMP/ex3.json" "I’d go nuts" direct USAGOV Pompeo
  q_expect ex3-complete-denuclearization "$TMP/ex3.json" "complete denuclearization" partial PRKGOV "Kim Jong Un"
  q_expect ex3-major               "$TMP/ex3.json" "major" partial PRKGOV "Kim Jong Un"
  q_expect ex3-security-guarantees "$TMP/ex3.json" "security guarantees" partial PRKGOV "Kim Jong Un"
  q_absent ex3-leaders-apostrophe  "$TMP/ex3.json" "summit.. we" scare
fi
