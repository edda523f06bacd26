# CLI tests of the where stage: the bundled examples placed, the GDELT
# 1.0 geography columns parsed back, the map CSV, --near / --country, and
# dyad eval places on the hand-placed set.
. tests/cli/lib.sh

db="$TMP/w.db"
"$DYAD" ingest -q --db "$db" examples/*.txt examples/wire.jsonl 2> "$TMP/ing.err" \
  && t_ok where-ingest || t_fail where-ingest "$(cat "$TMP/ing.err")"
"$DYAD" export --db "$db" --format gdelt > "$TMP/g.tsv" 2> /dev/null
python3 - "$TMP/g.tsv" 2> "$TMP/py" <<'PY' && t_ok where-gdelt-geo-columns || t_fail where-gdelt-geo-columns "$(tail -n 1 "$TMP/py")"
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
assert rows and all(len(r) == 58 for r in rows), "58 columns"
# ActionGeo: Type, FullName, CountryCode, ADM1Code, Lat, Long, FeatureID at 49..55 (0-based)
placed = [r for r in rows if r[49]]
assert len(placed) >= 0.9 * len(rows), "%d of %d placed" % (len(placed), len(rows))
for r in placed:
    assert r[49] in "12345", r[49]
    lat, lon = float(r[53]), float(r[54])
    assert -90 <= lat <= 90 and -180 <= lon <= 180
    if r[49] == "1": assert r[55] == r[51], "a country's FeatureID is its code"
# the Pompeo-Pyongyang story: talks placed in Pyongyang, North Korea (FIPS KN)
kn = [r for r in placed if r[51] == "KN" and r[50].startswith("Pyongyang")]
assert kn and abs(float(kn[0][53]) - 39.0) < 0.2, "Pyongyang"
# Actor1Geo (35..41): a country type with the actor's country
a1 = [r for r in rows if r[7] == "USA" and r[35] == "1"]
assert a1 and a1[0][37] == "US", "USA actor is FIPS US"
# a US city is type 3 (Washington), a world city type 4 (Seoul)
assert any(r[49] == "3" and r[51] == "US" for r in placed) and any(r[49] == "4" and r[51] == "KS" for r in placed)
# ADM1Code: a US state's code ("USDC" for Washington), the FIPS country elsewhere
assert all(r[52] == "USDC" for r in placed if r[50].startswith("Washington, District of Columbia")), "Washington's ADM1"
assert all(r[52] == r[51] for r in placed if r[51] != "US"), "a world place's ADM1 is its FIPS country"
PY
"$DYAD" export --db "$db" --format map > "$TMP/map.csv" 2> /dev/null
head -n 1 "$TMP/map.csv" | grep -q '^event,date,source,target,cameo,lat,lon,place,country,how,guess$' \
  && t_ok where-map-header || t_fail where-map-header "$(head -n 1 "$TMP/map.csv")"
t_grep where-map-singapore ',Singapore,SGP,' "$TMP/map.csv"
"$DYAD" events --db "$db" --near Pyongyang --km 30 --csv > "$TMP/near.csv" 2> "$TMP/near.err"
[ "$(tail -n +2 "$TMP/near.csv" | wc -l)" -ge 2 ] && ! grep -qv 'Pyongyang\|^id,' "$TMP/near.csv" \
  && t_ok where-near || t_fail where-near "$(cat "$TMP/near.csv" "$TMP/near.err" | head -5)"
"$DYAD" events --db "$db" --country GEO --csv > "$TMP/geo.csv" 2> /dev/null
[ "$(tail -n +2 "$TMP/geo.csv" | wc -l)" -ge 2 ] && t_ok where-country || t_fail where-country "$(cat "$TMP/geo.csv")"
"$DYAD" events --db "$db" --near Qwzxv > /dev/null 2> "$TMP/bad.err"; rc=$?
[ $rc -eq 2 ] && grep -q "no such place" "$TMP/bad.err" && t_ok where-near-unknown || t_fail where-near-unknown "rc=$rc"
# the JSON record's location
"$DYAD" code -q examples/07_trump-kim-dmz-meeting.txt > "$TMP/07.json"
python3 - "$TMP/07.json" 2> "$TMP/py" <<'PY' && t_ok where-json-location || t_fail where-json-location "$(tail -n 1 "$TMP/py")"
import json, sys
d = json.loads(open(sys.argv[1]).readline())
met = [e for e in d["events"] if e["cameo"] == "040" and e["location"] and e["location"]["name"] == "Panmunjom"]
assert met, [e["location"] for e in d["events"]]
l = met[0]["location"]
assert l["country"] == "KOR" and l["type"] == "landmark" and l["how"] == "verb-modifier"
assert d["text"][l["span"][0]:l["span"][0] + l["span"][1]] == "Panmunjom" if "text" in d else True
PY
"$DYAD" eval places tests/gold/places.tsv > "$TMP/ev.txt" 2> "$TMP/ev.err"; rc=$?
[ $rc -eq 0 ] && t_ok where-eval-places || t_fail where-eval-places "rc=$rc $(cat "$TMP/ev.err")"
awk '/^country accuracy/ {exit !($3 >= 0.65)}' "$TMP/ev.txt" && t_ok where-eval-country-floor \
  || t_fail where-eval-country-floor "$(cat "$TMP/ev.txt")"
printf 'pl\texamples/05_pompeo-pyongyang-talks.txt\t-\t1:x\t046\tPRK\tcity\t39\t125\n' > "$TMP/bad.tsv"
"$DYAD" eval places "$TMP/bad.tsv" > /dev/null 2> "$TMP/bad.err"; rc=$?
[ $rc -ne 0 ] && grep -q 'bad.tsv:1:' "$TMP/bad.err" && t_ok where-eval-bad-line || t_fail where-eval-bad-line "rc=$rc"
# ICEWS City ... Longitude, Phoenix Lat / Lon / LocationName / CountryCode, PLOVER location
"$DYAD" export --db "$db" --format icews --doc 14e1c137ce3a8bc8 2> /dev/null | sed -n 2p > "$TMP/icews.tsv"
t_grep where-icews-place '	Pyongyang		Pyongyang	North Korea	39\.0[0-9]*	125\.7[0-9]*$' "$TMP/icews.tsv"
"$DYAD" export --db "$db" --format phoenix --doc 14e1c137ce3a8bc8 2> /dev/null | head -n 1 > "$TMP/phx.tsv"
t_grep where-phoenix-place '	39\.0[0-9]*	125\.7[0-9]*	Pyongyang	Pyongyang	PRK	' "$TMP/phx.tsv"
"$DYAD" export --db "$db" --format plover --doc 14e1c137ce3a8bc8 2> /dev/null | head -n 1 > "$TMP/plover.json"
t_grep where-plover-location '"location":\[\{"name":"Pyongyang","country":"PRK"' "$TMP/plover.json"
# Rules on written wire sentences: a statement aimed at the dateline's
# country from abroad stays in its maker's country; "in an elegant Vienna
# hotel" places a meeting; a meeting with no place and no dateline is in the
# country of the one met (a guess).
printf 'Sudan aid row\n\nPORT SUDAN, March 3 - The U.S. State Department on Tuesday accused the Sudanese government of blocking aid convoys.\n\nU.S. Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in an elegant Vienna hotel on Monday.\n' > "$TMP/dl.txt"
printf 'Kono to visit\n\nJapanese Foreign Minister Taro Kono will meet Chinese Premier Li Keqiang on Monday to discuss trade.\n' > "$TMP/mt.txt"
"$DYAD" code -q --date 2018-01-03 "$TMP/dl.txt" "$TMP/mt.txt" > "$TMP/rules.json" 2> /dev/null
python3 - "$TMP/rules.json" 2> "$TMP/py" <<'PY' && t_ok where-rules-wire || t_fail where-rules-wire "$(tail -n 1 "$TMP/py")"
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
ev = {e["cameo"]: e["location"] for d in docs for e in d["events"]}
assert ev["112"]["country"] == "USA" and ev["112"]["how"] == "actor-country", ev["112"]
assert ev["040"]["name"] == "Vienna" and ev["040"]["how"] == "verb-modifier", ev["040"]
assert ev["036"]["country"] == "CHN" and ev["036"]["how"] == "destination" and ev["036"]["guess"], ev["036"]
PY
# --near is a radius on the sphere: Panmunjom lies 51 km from Seoul, inside
# the 45 km box around Seoul (0.40 degrees of latitude, 0.51 of longitude)
# but outside its circle.
"$DYAD" events --db "$db" --near Seoul --km 45 --json > "$TMP/n45.json" 2> /dev/null
"$DYAD" events --db "$db" --near Seoul --km 55 --json > "$TMP/n55.json" 2> /dev/null
! grep -q '"place":"Panmunjom"' "$TMP/n45.json" && grep -q '"place":"Panmunjom"' "$TMP/n55.json" \
  && grep -q '"place":"Seoul"' "$TMP/n45.json" && t_ok where-near-radius || t_fail where-near-radius "$(wc -l "$TMP/n45.json" "$TMP/n55.json")"
# timeline --near / --country: only the Singapore summit's events
"$DYAD" timeline --db "$db" USA PRK --near Singapore --km 20 --csv > "$TMP/tl.csv" 2> "$TMP/tl.err"
"$DYAD" timeline --db "$db" USA PRK --csv > "$TMP/tlall.csv" 2> /dev/null
[ "$(tail -n +2 "$TMP/tl.csv" | wc -l)" -eq 1 ] && grep -q '^2018-06,' "$TMP/tl.csv" && [ "$(tail -n +2 "$TMP/tlall.csv" | wc -l)" -gt 1 ] \
  && t_ok where-timeline-near || t_fail where-timeline-near "$(cat "$TMP/tl.csv" "$TMP/tl.err")"
"$DYAD" timeline --db "$db" USA PRK --country SGP --csv > "$TMP/tlc.csv" 2> /dev/null
cmp -s "$TMP/tl.csv" "$TMP/tlc.csv" && t_ok where-timeline-country || t_fail where-timeline-country "$(cat "$TMP/tlc.csv")"
