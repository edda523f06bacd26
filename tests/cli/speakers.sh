# CLI tests of quotation speakers the lexicon does not know, the cue verbs
# added in issue 15, and a document noun before the cue ("the report said").
. tests/cli/lib.sh

cat > "$TMP/s.txt" <<'T'
Lawmakers react to the vote

"This is a shameful day," said Mr. Clyburn. "We will see," Blitzer said on Tuesday. "Prices will keep rising," said Dong Xiaolin, head of China's National Grain Bureau.

"It was a fine day," Ana Souza gushed. "Indeed," Marco Reis chimed in. "We are strong," the report said. "Not yet," Tomas Lind responded.
T
"$DYAD" quotes --json --date 2024-03-01 "$TMP/s.txt" > "$TMP/q.json" 2> "$TMP/q.err"; rc=$?
[ $rc -eq 0 ] && t_ok speakers-exit-0 || t_fail speakers-exit-0 "exit $rc: $(head -c 300 "$TMP/q.err")"
python3 - "$TMP/q.json" 2> "$TMP/py" <<'PY' && t_ok speakers-named-entities || t_fail speakers-named-entities "$(tail -n 1 "$TMP/py")"
import json, sys
qs = json.loads(open(sys.argv[1]).read())["quotes"]
def q(snippet):
    h = [x for x in qs if snippet in x["text"]]
    assert h, "no quote %r in %r" % (snippet, [x["text"] for x in qs])
    return h[0]
def spk(snippet):
    s = q(snippet)["speaker"]
    return (s["name"], s["code"]) if s else None
assert spk("shameful day") == ("Clyburn", ""), spk("shameful day")
assert spk("We will see") == ("Blitzer", ""), spk("We will see")
assert spk("Prices will keep rising") == ("Dong Xiaolin", "CHNGOV"), spk("Prices will keep rising")
assert spk("fine day") == ("Ana Souza", "") and q("fine day")["kind"] == "direct"
assert spk("Indeed") == ("Marco Reis", "") and q("Indeed")["kind"] == "direct"
assert spk("Not yet") == ("Tomas Lind", "")
# a document noun before the cue: an attribution, not a scare quote
assert q("We are strong")["kind"] == "direct", q("We are strong")
PY

# The same names in the actors view: new actors, no lexicon namesake.
"$DYAD" actors --json --date 2024-03-01 "$TMP/s.txt" > "$TMP/a.json" 2>/dev/null
python3 - "$TMP/a.json" 2> "$TMP/py2" <<'PY' && t_ok speakers-are-actors || t_fail speakers-are-actors "$(tail -n 1 "$TMP/py2")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
acts = {a["name"]: a for a in d["actors"]}
for n in ("Clyburn", "Blitzer", "Dong Xiaolin", "Ana Souza", "Marco Reis", "Tomas Lind"):
    assert n in acts, (n, sorted(acts))
    assert acts[n]["kind"] == "candidate", acts[n]
assert acts["Blitzer"]["mentions"] == 1
assert acts["Dong Xiaolin"]["code"] == "CHNGOV"
assert "Dong Jun" not in acts           # the lexicon's Dong is not Dong Xiaolin
PY

# Not speakers: a subject before the name, a pronoun-like word.
cat > "$TMP/n.txt" <<'T'
Storm damage

Officials in the southern city of Mykolaiv said two people were killed. Nobody said the storm would be this strong.
T
"$DYAD" actors --json --date 2024-03-01 "$TMP/n.txt" > "$TMP/n.json" 2>/dev/null
t_nogrep speakers-not-after-preposition '"name":"Mykolaiv"' "$TMP/n.json"
t_nogrep speakers-not-nobody '"name":"Nobody"' "$TMP/n.json"
