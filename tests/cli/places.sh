# CLI tests of places: the gazetteer built from libgeonames (dyad lexicon
# places) and city / region names giving an agent its country.
. tests/cli/lib.sh

"$DYAD" lexicon places Chicago Melbourne Gyeongju "new york" Bavaria > "$TMP/pl" 2> "$TMP/pl.err"; rc=$?
[ $rc -eq 0 ] && t_ok places-exit-0 || t_fail places-exit-0 "exit $rc: $(cat "$TMP/pl.err")"
t_grep places-chicago '^Chicago	city	USA	Illinois	' "$TMP/pl"
# most populous first: Melbourne, Australia before Melbourne, Florida
head -n 3 "$TMP/pl" | sed -n 2p > "$TMP/mel"
t_grep places-melbourne-first '^Melbourne	city	AUS	Victoria	' "$TMP/mel"
t_grep places-melbourne-florida '^Melbourne	city	USA	Florida	' "$TMP/pl"
t_grep places-gyeongju '^Gyeongju	city	KOR	' "$TMP/pl"
t_grep places-any-case '^New York	(city|adm1)	USA	' "$TMP/pl"
t_grep places-region '^Bavaria	adm1	DEU	Bavaria	' "$TMP/pl"
"$DYAD" lexicon places Qwzxv > "$TMP/none" 2>&1; rc=$?
[ $rc -eq 1 ] && t_ok places-unknown-exit-1 || t_fail places-unknown-exit-1 "exit $rc"
t_grep places-unknown-dash '^Qwzxv	-$' "$TMP/none"

cat > "$TMP/story.txt" <<'T'
Police clash with protesters in Chicago

Chicago police arrested 40 people on Saturday after protesters blocked a highway. Melbourne's mayor said the city would review its security plans. In South Korea, Gyeongju city officials welcomed the summit delegates. Texas officials were not involved. Chicago Mayor Brandon Johnson said he was proud of the officers.
T
"$DYAD" actors --json --date 2024-05-01 "$TMP/story.txt" > "$TMP/s.json" 2>/dev/null
python3 - "$TMP/s.json" 2> "$TMP/py" <<'PY' && t_ok places-give-country || t_fail places-give-country "$(tail -n 1 "$TMP/py")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
ms = {m["text"]: m for m in d["mentions"]}
assert ms["Chicago police"]["code"] == "USACOP", ms.keys()
assert ms["Melbourne's mayor"]["code"] == "AUSGOV"
assert ms["Gyeongju city officials"]["code"] == "KORGOV"
assert ms["Texas officials"]["code"] == "USAGOV"
j = ms["Chicago Mayor Brandon Johnson"]
assert j["code"] == "USAGOV" and j["name"] == "Brandon Johnson", j     # not Boris Johnson
PY

# Names that are places only by accident stay what they were: an
# organisation named after a city, a small namesake town abroad, a
# compass word that is also a province.
cat > "$TMP/false.txt" <<'T'
Clubs and companies

Ajax spokesman Pieter de Vries said the club would appeal. Oxford University said fees would rise. Western officials said the talks had stalled. Mercedes chief executive Anna Weber announced new models.
T
"$DYAD" actors --json --date 2024-05-01 "$TMP/false.txt" > "$TMP/f.json" 2>/dev/null
python3 - "$TMP/f.json" 2> "$TMP/py2" <<'PY' && t_ok places-no-accidents || t_fail places-no-accidents "$(tail -n 1 "$TMP/py2")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
bad = [m for m in d["mentions"] if m["code"][:3] in ("CAN", "ARG", "LKA", "GBR")]
assert not bad, bad
PY
