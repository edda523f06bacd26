# CLI tests of office-holders: `dyad lexicon import`, `--people FILE` /
# DYAD_PEOPLE, the committed default import, and namesakes.  The people in
# the TSVs below are invented.
. tests/cli/lib.sh

H=$(printf 'name\taliases\tcountry_iso3\toffice\toffice_kind\tstart\tend\tqid\tparty\tsource_id')
{
    echo "$H"
    printf 'Marta Kovalenko\tMarta Kovalenková\tUKR\tMember of the Verkhovna Rada\tlegislator\t2014-11-27\t2019-08-29\tQ900001\t\ttest:1\n'
    printf 'Marta Kovalenko\t\tUKR\tMinister of Foreign Affairs\tminister\t2019-08-29\t2023-09-05\tQ900001\t\ttest:2\n'
    printf 'Marta Kovalenko\t\tUKR\tMember of the Verkhovna Rada\tlegislator\t2019-08-29\t\tQ900001\t\ttest:3\n'
    printf 'Tomas Oyelaran\t\tNGA\tPresident\thead_of_state\t2010-05-29\t2015-05-29\tQ900002\t\ttest:4\n'
    printf 'Greta Lindqvist\t\tSWE\tLeader of the Opposition\tparty_leader\t2016-03-01\t2022-10-18\tQ900003\t\ttest:5\n'
    printf 'Greta Lindqvist\t\tSWE\tChief of Defence\tmilitary\t2001\t2003-06\tQ900003\t\ttest:6\n'
    printf 'Ivo Brandt\t\tDEU\tFirst Lady\tother\t2010-01-01\t\tQ900004\t\ttest:7\n'
    printf 'Keir Starmer\t\tGBR\tPrime Minister\thead_of_government\t2024-07-05\t\t\t\ttest:8\n'
    printf 'Samuel Okafor\t\tNGA\tGovernor of the Central Bank\tcentral_bank\t2014-06-03\t2024-06-03\tQ900005\t\ttest:9\n'
} > "$TMP/oh.tsv"

"$DYAD" lexicon import "$TMP/oh.tsv" -o "$TMP/imp" 2> "$TMP/imp.err"; rc=$?
[ $rc -eq 0 ] && t_ok import-exit-0 || t_fail import-exit-0 "exit $rc: $(cat "$TMP/imp.err")"
P="$TMP/imp/people.txt"
# One record per person, the tenures merged into roles that do not overlap:
# the ministry outranks the seat it overlaps, the seat resumes after it.
python3 - "$P" 2> "$TMP/py1" <<'PY' && t_ok import-roles || t_fail import-roles "$(tail -n 1 "$TMP/py1")"
import sys
recs = [r for r in open(sys.argv[1]).read().split("\n\n") if r.startswith("person:")]
by = {r.split("\n")[0][8:]: r.split("\n") for r in recs}
k = by["Marta Kovalenko"]
roles = [l for l in k if l.startswith("role:")]
assert roles == ["role: UKRLEG 2014-11-27 2019-08-29", "role: UKRGOV 2019-08-29 2023-09-05",
                 "role: UKRLEG 2023-09-05 -"], roles
assert "alias: Marta Kovalenková" in k, k
# a former head of state is ELI after office; an opposition leader OPP;
# a military chief MIL (year and month dates take the 1st); central bank GOV
assert [l for l in by["Tomas Oyelaran"] if l.startswith("role:")] == ["role: NGAGOV 2010-05-29 2015-05-29", "role: NGAELI 2015-05-29 -"]
g = [l for l in by["Greta Lindqvist"] if l.startswith("role:")]
assert g == ["role: SWEMIL 2001-01-01 2003-06-01", "role: SWEOPP 2016-03-01 2022-10-18"], g
assert [l for l in by["Samuel Okafor"] if l.startswith("role:")] == ["role: NGAGOV 2014-06-03 2024-06-03"]
assert "Ivo Brandt" not in by            # a first lady holds no coded office
assert "Keir Starmer" not in by          # the hand-written record wins
PY
t_grep import-conflict-listed '^hand-written wins	Keir Starmer	GBRGOV 2024-07-05\.\.	Keir Starmer: .*GBROPP' "$TMP/imp/conflicts.tsv"
t_grep import-summary 'wrote 4 people with 8 dated roles' "$TMP/imp.err"

# Bad input: a file that is not the layout, a line with missing columns.
printf 'who\twhat\n' > "$TMP/bad.tsv"
"$DYAD" lexicon import "$TMP/bad.tsv" -o "$TMP/imp2" 2> "$TMP/bad.err"; rc=$?
[ $rc -eq 1 ] && t_ok import-bad-header-exit-1 || t_fail import-bad-header-exit-1 "exit $rc"
t_grep import-bad-header-message "bad.tsv:1: not an office-holders TSV" "$TMP/bad.err"
{ echo "$H"; printf 'Ann Short\tUKR\tminister\n'; } > "$TMP/short.tsv"
"$DYAD" lexicon import "$TMP/short.tsv" -o "$TMP/imp3" 2> "$TMP/short.err"
t_grep import-bad-line "short.tsv:2: expected 10 tab-separated columns, found 3" "$TMP/short.err"
"$DYAD" actors --people "$TMP/missing.tsv" /dev/null > /dev/null 2> "$TMP/miss.err"; rc=$?
[ $rc -ne 0 ] && t_ok people-missing-fails || t_fail people-missing-fails "exit 0"
t_grep people-missing-message "missing.tsv: cannot read" "$TMP/miss.err"

# --people: the TSV loaded directly.  A full name is coded at the story's
# date; the surname alone links to the person the story named ...
cat > "$TMP/story1.txt" <<'T'
Ukraine's top diplomat meets Nigerian envoy

Foreign Minister Marta Kovalenko flew to Abuja on Monday for talks on grain exports. Kovalenko said the corridor would stay open, and she thanked her hosts.
T
"$DYAD" actors --json --date 2021-03-01 --people "$TMP/oh.tsv" "$TMP/story1.txt" > "$TMP/s1.json" 2>/dev/null
python3 - "$TMP/s1.json" 2> "$TMP/py2" <<'PY' && t_ok people-option-codes || t_fail people-option-codes "$(tail -n 1 "$TMP/py2")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
ms = {m["text"]: m for m in d["mentions"]}
assert ms["Foreign Minister Marta Kovalenko"]["code"] == "UKRGOV", ms
assert ms["Kovalenko"]["name"] == "Marta Kovalenko" and ms["Kovalenko"]["how"] == "coref-name", ms["Kovalenko"]
assert ms["she"]["name"] == "Marta Kovalenko"
PY
# ... and in a story that never names her, "Kovalenko" is nobody.
cat > "$TMP/story2.txt" <<'T'
Local football club signs striker

The club said Kovalenko, 19, had agreed a three-year contract. Kovalenko scored twice in his first trial match.
T
DYAD_PEOPLE="$TMP/oh.tsv" "$DYAD" actors --json --date 2021-03-01 "$TMP/story2.txt" > "$TMP/s2.json" 2>/dev/null
t_nogrep people-surname-alone-is-nobody '"name":"Marta Kovalenko"' "$TMP/s2.json"
# Dates matter: before her first office she has no code.
"$DYAD" actors --json --date 2010-03-01 --people "$TMP/oh.tsv" "$TMP/story1.txt" > "$TMP/s3.json" 2>/dev/null
python3 - "$TMP/s3.json" 2> "$TMP/py3" <<'PY' && t_ok people-before-office || t_fail people-before-office "$(tail -n 1 "$TMP/py3")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
m = [m for m in d["mentions"] if m.get("name") == "Marta Kovalenko"][0]
assert m["code"] in ("GOV", ""), m      # only the title's agent, no country guess
PY
"$DYAD" lexicon stats --people "$TMP/oh.tsv" > "$TMP/st" 2>&1
t_grep lexicon-stats-counts '^people [0-9]+ \(office-holders [0-9]+, left out as already named [1-9]' "$TMP/st"

# The committed default import (IfG, US Congress, world leaders).
cat > "$TMP/uk.txt" <<'T'
Blunkett defends identity cards

Home Secretary David Blunkett said on Tuesday that identity cards would be phased in over ten years. Blunkett told MPs the scheme would cost 3 billion pounds.

Michael Howard has denied that the Conservatives would scrap the plan. Howard said his party would study the bill.
T
"$DYAD" actors --json --date 2004-11-16 "$TMP/uk.txt" > "$TMP/uk.json" 2>/dev/null
python3 - "$TMP/uk.json" 2> "$TMP/py4" <<'PY' && t_ok default-import-uk || t_fail default-import-uk "$(tail -n 1 "$TMP/py4")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
ms = d["mentions"]
def m(t, n=0):
    h = [x for x in ms if x["text"] == t]
    assert len(h) > n, "no mention %r in %r" % (t, [x["text"] for x in ms])
    return h[n]
assert m("Home Secretary David Blunkett")["code"] == "GBRGOV"
assert m("Blunkett", 0)["name"] == "David Blunkett"
assert m("Michael Howard")["name"] == "Michael Howard", m("Michael Howard")
assert m("Howard")["name"] == "Michael Howard"          # not Australia's John Howard
assert not [x for x in ms if x["code"].startswith("AUS")]
PY
# A surname alone in a story about someone else: no office-holder.
cat > "$TMP/ns.txt" <<'T'
Hospital appoints new chief

The hospital trust said Campbell, a nurse for twenty years, would start in May. Murray and Henderson, two local doctors, welcomed the decision.
T
"$DYAD" actors --json --date 2004-11-16 "$TMP/ns.txt" > "$TMP/ns.json" 2>/dev/null
python3 - "$TMP/ns.json" 2> "$TMP/py5" <<'PY' && t_ok default-import-no-namesakes || t_fail default-import-no-namesakes "$(tail -n 1 "$TMP/py5")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
# at most a new actor of its own name, never an office-holder of that surname
bad = [m for m in d["mentions"] if m["text"] in ("Campbell", "Murray", "Henderson") and (m["code"] or m.get("name") not in (None, m["text"]))]
assert not bad, bad
PY
