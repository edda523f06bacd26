# CLI tests of context before guesses (issue 15.4): namesakes, ambiguous
# acronyms, organisations named after places, demonyms of regions, national
# branches, titles that keep their agent, pronouns after an appositive.
. tests/cli/lib.sh

cat > "$TMP/d.txt" <<'T'
Markets and politics roundup

Michael Howard has denied the claims. Ryan Johnson, a local builder, said he was shocked. The FSA has been investigating the bank since March, and the FSA said fines were likely. Real Madrid beat Paris Saint-Germain 2-1 on Tuesday. The Bank of Japan kept rates on hold. Shares in Unilever <UN.AS> rose 2 percent. Latin American presidents met on Friday. Amnesty International UK said the law was unjust. U.S. trade representative Clayton Yeutter said talks would resume. Alexander Litvinenko, a former Russian spy, fell ill in a hotel. He died three weeks later.
T
"$DYAD" actors --json --date 2004-11-16 "$TMP/d.txt" > "$TMP/d.json" 2> "$TMP/d.err"; rc=$?
[ $rc -eq 0 ] && t_ok context-exit-0 || t_fail context-exit-0 "exit $rc: $(head -c 300 "$TMP/d.err")"
python3 - "$TMP/d.json" 2> "$TMP/py" <<'PY' && t_ok context-rules || t_fail context-rules "$(tail -n 1 "$TMP/py")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
ms = d["mentions"]
names = {m.get("name") for m in ms}
codes = [m["code"] for m in ms]
def m(t, n=0):
    h = [x for x in ms if x["text"] == t]
    assert len(h) > n, "no mention %r in %r" % (t, [(x["text"], x["code"]) for x in ms])
    return h[n]
# a namesake is not the famous one
assert m("Michael Howard")["name"] == "Michael Howard" and not m("Michael Howard")["code"].startswith("AUS")
assert "John Howard" not in names and "Boris Johnson" not in names, names
# the FSA of a story that never names Syria is not the Free Syrian Army
assert "Free Syrian Army" not in names and not [c for c in codes if c.startswith("SYR")], names
# clubs and banks named after places are no governments
assert not [c for c in codes if c in ("ESPGOV", "FRAGOV", "JPN", "JPNGOV")], codes
# a stock ticker is not the UN
assert "United Nations" not in names
# "Latin American presidents" are not the US government
assert "USAGOV" not in [x["code"] for x in ms if "presidents" in x["text"]]
assert not [x for x in ms if x["text"].endswith("American presidents")]
# a national branch is the organisation
a = m("Amnesty International UK")
assert a["name"] == "Amnesty International" and not a["code"].startswith("GBR"), a
assert "United Kingdom" not in names
# the title keeps its agent
assert m("U.S. trade representative Clayton Yeutter")["code"] == "USAGOV"
# the pronoun after "X, a former Russian spy" is X
assert m("He")["name"] == "Alexander Litvinenko", m("He")
PY

# The same acronym in a story about Syria is the Free Syrian Army.
cat > "$TMP/syr.txt" <<'T'
Fighting in Syria

Rebels of the FSA attacked army positions near Aleppo on Sunday, Syrian state media said.
T
"$DYAD" actors --json --date 2014-05-01 "$TMP/syr.txt" > "$TMP/syr.json" 2>/dev/null
t_grep context-fsa-in-syria '"name":"Free Syrian Army"' "$TMP/syr.json"

# Domestic actors take the country the story is about.
cat > "$TMP/dom.txt" <<'T'
Protests in Georgia

Thousands of Georgians marched in Tbilisi on Sunday. Police said 40 people were detained, and MPs called for calm. The unions said they would strike.
T
"$DYAD" actors --json --date 2024-12-01 "$TMP/dom.txt" > "$TMP/dom.json" 2>/dev/null
python3 - "$TMP/dom.json" 2> "$TMP/py3" <<'PY' && t_ok context-domestic-actors || t_fail context-domestic-actors "$(tail -n 1 "$TMP/py3")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
ms = {m["text"]: m for m in d["mentions"]}
assert ms["Police"]["code"] == "GEOCOP", ms
assert ms["MPs"]["code"] == "GEOLEG"
assert ms["The unions"]["code"] == "GEOLAB"
assert ms["they"]["code"] == "GEOLAB"
PY
# ... and are nobody in a story about no country.
printf 'Local news\n\nPolice said the road would reopen on Friday.\n' > "$TMP/nodom.txt"
"$DYAD" actors --json --date 2024-12-01 "$TMP/nodom.txt" > "$TMP/nodom.json" 2>/dev/null
t_nogrep context-domestic-needs-a-country '"text":"Police"' "$TMP/nodom.json"
