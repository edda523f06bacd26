# CLI tests of `dyad actors`: the views, dated codes on the real examples,
# candidates over a corpus, --count, and bad lexicons / options.
. tests/cli/lib.sh

"$DYAD" --help > "$TMP/h"; t_grep help-lists-actors '^  actors ' "$TMP/h"
"$DYAD" actors --help > "$TMP/ah"; t_grep actors-help 'usage: dyad actors' "$TMP/ah"
"$DYAD" actors --bogus > /dev/null 2> "$TMP/e"; rc=$?
[ $rc -eq 2 ] && t_ok actors-usage-exit-2 || t_fail actors-usage-exit-2 "exit $rc"
t_grep actors-usage-message "^dyad: actors: unknown option '--bogus'" "$TMP/e"

ex003="$SHARED/examples/003_023876788a9e6448.txt"
ex000="$SHARED/examples/000_409f928aa0776bbe.txt"

# 003 at its publication date: the codes the issue asks for, in JSON.
if t_shared actors-examples examples/003_023876788a9e6448.txt examples/000_409f928aa0776bbe.txt; then
"$DYAD" actors --json --date 2018-07-12 "$ex003" > "$TMP/003.json" 2> "$TMP/003.err"; rc=$?
[ $rc -eq 0 ] && t_ok ex003-exit-0 || t_fail ex003-exit-0 "exit $rc: $(head -c 300 "$TMP/003.err")"
python3 - "$TMP/003.json" 2> "$TMP/py003" <<'PY' && t_ok ex003-codes || t_fail ex003-codes "$(tail -n 1 "$TMP/py003")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
assert d["date"] == "2018-07-12" and d["date_source"] == "option", d["date"]
ms = d["mentions"]
def m(text, n=0):
    hits = [x for x in ms if x["text"] == text]
    assert len(hits) > n, "no mention %r" % text
    return hits[n]
assert m("President Trump")["code"] == "USAGOV" and m("President Trump")["name"] == "Donald Trump"
k = m("North Korean leader Kim Jong Un")
assert k["code"] == "PRKGOV" and k["name"] == "Kim Jong Un" and k["kind"] == "person"
x = m("The despot")
assert x["code"] == "PRKGOV" and x["name"] == "Kim Jong Un" and x["how"] == "coref-desc"
assert ms[x["antecedent"]]["name"] == "Kim Jong Un"
assert m("Secretary of State Mike Pompeo")["code"] == "USAGOV"
assert m("senior North Korean official Kim Yong Chol")["name"] == "Kim Yong Chol"
assert m("senior North Korean official Kim Yong Chol")["code"] == "PRKGOV"
assert m("the Hermit Kingdom")["code"] == "PRK"
assert m("Pyongyang's Foreign Ministry")["code"] == "PRKGOV"
assert m("The Associated Press")["code"] == "USAMED"
assert m("Kim", 1)["name"] == "Kim Jong Un" and m("Kim", 1)["how"] == "coref-name"
acts = {a["name"]: a for a in d["actors"]}
assert acts["Fox News"]["code"] == "USAMED" and acts["Fox News"].get("credit") is True
assert acts["Associated Press"]["kind"] == "org"
PY

# The human view: spans, entities, codes and how.
"$DYAD" actors --date 2018-07-12 "$ex003" > "$TMP/003.txt" 2>/dev/null
t_grep ex003-human-lexicon '^\[1\] 0\+15 +President Trump +-> Donald Trump +USAGOV +lexicon' "$TMP/003.txt"
t_grep ex003-human-desc 'The despot +-> Kim Jong Un +PRKGOV +coref-desc \(of ' "$TMP/003.txt"
t_grep ex003-human-composed "Pyongyang's Foreign Ministry +-> .* PRKGOV +composed" "$TMP/003.txt"
t_grep ex003-human-pronoun 'his +-> Mike Pompeo +USAGOV +coref-pronoun' "$TMP/003.txt"
t_grep ex003-human-credit 'Fox News +USAMED +org +0 mentions \(named in the credit line\)' "$TMP/003.txt"

# 000 at its publication date, and at a date when Trump was out of office.
"$DYAD" actors --json --date 2025-10-29 "$ex000" > "$TMP/000.json" 2>/dev/null
"$DYAD" actors --json --date 2022-06-01 "$ex000" > "$TMP/000b.json" 2>/dev/null
python3 - "$TMP/000.json" "$TMP/000b.json" 2> "$TMP/py000" <<'PY' && t_ok ex000-codes || t_fail ex000-codes "$(tail -n 1 "$TMP/py000")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
ms = d["mentions"]
def m(text, n=0):
    hits = [x for x in ms if x["text"] == text]
    assert len(hits) > n, "no mention %r" % text
    return hits[n]
assert m("Donald Trump")["code"] == "USAGOV"
assert m("South Korean President Lee Jae Myung")["code"] == "KORGOV"
assert m("Lee")["name"] == "Lee Jae Myung" and m("Lee")["code"] == "KORGOV"
assert m("Yoon Suk Yeol")["code"] != "KORGOV"
assert m("Pyongyang")["code"] == "PRKGOV"
assert m("Korean Central News")["code"] == "PRKMED"
dic = m("The dictator")
assert dic["name"] == "Kim Jong Un" and dic["code"] == "PRKGOV" and dic["how"] == "coref-desc"
assert m("South Korea\u2019s reunification minister")["code"] == "KORGOV"
assert m("North")["code"] == "PRK" and m("South Korea")["code"] == "KOR"
assert all(x["code"] == "USAGOV" for x in ms if x.get("name") == "Donald Trump")
b = json.loads(open(sys.argv[2]).read())
trump = [x for x in b["mentions"] if x.get("name") == "Donald Trump"]
assert trump and all(x["code"] != "USAGOV" for x in trump), [x["code"] for x in trump][:3]
assert [x for x in b["mentions"] if x["text"] == "Yoon Suk Yeol"][0]["code"] == "KORGOV"
PY
fi

# The date from JSON-lines metadata; an unknown date is flagged.
printf '%s\n' '{"id":"w1","published":"2019-06-30","text":"President Donald Trump met North Korean leader Kim Jong Un at the border. Kim said he was happy."}' > "$TMP/w.jsonl"
"$DYAD" actors --json "$TMP/w.jsonl" > "$TMP/w.json" 2>/dev/null
python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
assert d["date"]=="2019-06-30" and d["date_source"]=="metadata"
assert [m for m in d["mentions"] if m["text"]=="he"][0]["name"]=="Kim Jong Un"
' "$TMP/w.json" && t_ok metadata-date || t_fail metadata-date "$(head -c 300 "$TMP/w.json")"
printf 'Donald Trump spoke to reporters.\n' > "$TMP/nodate.txt"
"$DYAD" actors "$TMP/nodate.txt" > /dev/null 2> "$TMP/nodate.err"
t_grep unknown-date-flagged "nodate.txt: byte 0: people's dated roles left unresolved" "$TMP/nodate.err"

# Candidates across a corpus: counts, codes and a record to paste.
cat > "$TMP/c1.txt" <<'TXT'
ALEPPO, March 3, 2024 (Dyad Wire) - Rebel commander Abu Khalid said his fighters had taken the town. Syrian Defence Minister Ali Mahmoud Abbas denied it, and Japanese Foreign Minister Ayumi Tanakaya called for calm.
TXT
cat > "$TMP/c2.txt" <<'TXT'
Rebel commander Abu Khalid told reporters the offensive would continue. Khalid gave no details.
TXT
"$DYAD" actors --candidates --date 2024-03-03 "$TMP/c1.txt" "$TMP/c2.txt" > "$TMP/cand.txt" 2>&1
t_grep candidates-count '^# 2 x in 2 documents, code REB, first seen 2024-03-03: ' "$TMP/cand.txt"
t_grep candidates-record '^person: Abu Khalid$' "$TMP/cand.txt"
t_grep candidates-role '^role: JPNGOV 2024-03-03 -$' "$TMP/cand.txt"
t_grep candidates-syria '^person: Ali Mahmoud Abbas$' "$TMP/cand.txt"
t_nogrep candidates-not-abbas 'PSEGOV' "$TMP/cand.txt"
"$DYAD" actors --candidates --json --date 2024-03-03 "$TMP/c1.txt" "$TMP/c2.txt" > "$TMP/cand.json" 2>/dev/null
python3 -c '
import json,sys
rows=[json.loads(l) for l in open(sys.argv[1])]
top=rows[0]
assert top["name"]=="Abu Khalid" and top["count"]==2 and top["documents"]==2 and top["code"]=="REB", top
assert "person: Abu Khalid\n" in top["record"]
' "$TMP/cand.json" && t_ok candidates-json || t_fail candidates-json "$(head -c 300 "$TMP/cand.json")"
"$DYAD" actors --date 2024-03-03 "$TMP/c2.txt" > "$TMP/c2.out" 2>/dev/null
t_grep candidate-short-name 'Khalid +-> Abu Khalid +REB +coref-name' "$TMP/c2.out"
t_grep candidate-context 'Rebel commander Abu Khalid +-> Abu Khalid +REB +context' "$TMP/c2.out"

# --count: totals only.
if t_shared actors-count examples/003_023876788a9e6448.txt examples/000_409f928aa0776bbe.txt; then
"$DYAD" actors --count --date 2018-07-12 "$ex003" "$ex000" > "$TMP/count" 2>/dev/null
t_grep count-line '^documents 2 sentences [0-9]+ tokens [0-9]+' "$TMP/count"
fi

# A private data folder: a broken line is reported with file:line, the rest works.
mkdir -p "$TMP/data/actors"
cp data/actors/*.txt "$TMP/data/actors/"
printf '\nperson: Broken Entry\ngender: m\nrole: USAGOV 2020-02-30 -\n\nperson: Jane Q. Tester\ngender: f\nrole: USAGOV 2019-01-01 -\n' >> "$TMP/data/actors/people.txt"
line=$(grep -n 'role: USAGOV 2020-02-30' "$TMP/data/actors/people.txt" | cut -d: -f1)
printf 'Jane Q. Tester met reporters. She said little.\n' > "$TMP/jane.txt"
"$DYAD" actors --data "$TMP/data" --date 2020-05-01 "$TMP/jane.txt" > "$TMP/jane.out" 2> "$TMP/jane.err"; rc=$?
[ $rc -eq 0 ] && t_ok bad-lexicon-line-not-fatal || t_fail bad-lexicon-line-not-fatal "exit $rc"
t_grep bad-lexicon-line-reported "^dyad: $TMP/data/actors/people.txt:$line: role 'USAGOV 2020-02-30 -': a date" "$TMP/jane.err"
t_grep added-person-coded 'Jane Q. Tester +-> Jane Q. Tester +USAGOV +lexicon' "$TMP/jane.out"
t_grep added-person-pronoun 'She +-> Jane Q. Tester +USAGOV +coref-pronoun' "$TMP/jane.out"
"$DYAD" actors --data "$TMP/nowhere" "$TMP/jane.txt" > /dev/null 2> "$TMP/nd.err"; rc=$?
[ $rc -eq 1 ] && t_ok missing-data-exit-1 || t_fail missing-data-exit-1 "exit $rc"
t_grep missing-data-message "^dyad: $TMP/nowhere/actors/countries.txt: cannot read" "$TMP/nd.err"

# The worked example of docs/actors.md: a country, a person with two dated
# roles and an agent noun added by hand.
printf '\ncountry: Ruritania\ncode: XRU\nadj: Ruritanian | Ruritanians\ncapital: Strelsau\n' >> "$TMP/data/actors/countries.txt"
printf '\nperson: Jana Novak\nalias: Jana M. Novak\ngender: f\nrole: XRUOPP 2022-01-15 2024-02-01\nrole: XRUGOV 2024-02-01 -\ntitle: Interior Commissioner of Ruritania\n' >> "$TMP/data/actors/people.txt"
printf 'GOV interior commissioner\nGOV commissioner\n' >> "$TMP/data/actors/agents.txt"
printf 'Ruritanian Interior Commissioner Jana Novak met reporters. The commissioner said little.\n' > "$TMP/novak.txt"
"$DYAD" actors --data "$TMP/data" --date 2025-01-10 "$TMP/novak.txt" > "$TMP/novak.out" 2>/dev/null
t_grep doc-example-title '^\[1\] 0\+43 +Ruritanian Interior Commissioner Jana Novak -> Jana Novak +XRUGOV +lexicon' "$TMP/novak.out"
t_grep doc-example-desc '^\[2\] 59\+16 +The commissioner +-> Jana Novak +XRUGOV +coref-desc \(of 0\+43\)' "$TMP/novak.out"
"$DYAD" actors --data "$TMP/data" --date 2023-01-10 "$TMP/novak.txt" > "$TMP/novak2.out" 2>/dev/null
t_grep doc-example-earlier-role 'Jana Novak +XRUOPP +lexicon' "$TMP/novak2.out"

# Issue 15.4: the story country for role nouns with none of their own.  A
# written British politics story: "the prime minister" and "the chancellor"
# are the office-holders on the story's date (data/actors/offices.txt),
# ministers / the government / a military spokesman the country + agent,
# "Mr Hoon" the one imported office-holder of that surname in Britain then,
# "Mr Clarke" (Ken and Charles both sat in 2005) nobody.
cat > "$TMP/uk.txt" <<'TXT'
Troops to stay until elections

British troops will stay in southern Iraq until the elections, Mr Hoon said on Monday. The prime minister backed him, and the chancellor said ministers had set aside the money.

The government denied any rift. A military spokesman declined to comment, and Mr Clarke did not respond. Mr Hoon said his officials would brief MPs.
TXT
for d in 2005-01-10 2008-03-01; do
"$DYAD" actors --json --date $d "$TMP/uk.txt" > "$TMP/uk-$d.json" 2> "$TMP/uk.err" || t_fail story-country-exit "$(head -c 300 "$TMP/uk.err")"
done
python3 - "$TMP/uk-2005-01-10.json" "$TMP/uk-2008-03-01.json" 2> "$TMP/pyuk" <<'PY' && t_ok story-country-roles || t_fail story-country-roles "$(tail -n 1 "$TMP/pyuk")"
import json, sys
def load(p):
    d = json.loads(open(p).read())
    ms = {}
    for m in d["mentions"]: ms.setdefault(m["text"], []).append(m)
    return d, ms
d, ms = load(sys.argv[1])
ents = d["actors"]
name = lambda m: ents[m["entity"]]["name"]
assert name(ms["The prime minister"][0]) == "Tony Blair" and ms["The prime minister"][0]["code"] == "GBRGOV"
assert name(ms["the chancellor"][0]) == "Gordon Brown"
assert ms["ministers"][0]["code"] == "GBRGOV" and ms["The government"][0]["code"] == "GBRGOV"
assert ms["military spokesman"][0]["code"] == "GBRMIL"
assert ms["MPs"][0]["code"] == "GBRLEG"
assert [name(m) for m in ms["Mr Hoon"]] == ["Geoff Hoon", "Geoff Hoon"] and ms["Mr Hoon"][0]["code"] == "GBRGOV"
assert name(ms["his"][0]) == "Geoff Hoon", name(ms["his"][0])
assert "Mr Clarke" not in ms, ms.get("Mr Clarke")
# a role is no name: "the prime minister" is not a PER entity of its own
assert not any(n["text"] in ("prime minister", "The prime minister") for n in d["names"]), d["names"]
d, ms = load(sys.argv[2])
ents = d["actors"]
assert name(ms["The prime minister"][0]) == "Gordon Brown"
assert name(ms["the chancellor"][0]) == "Alistair Darling"
PY
# ... and a story with no country has no such actors.
printf 'Schools row\n\nThe prime minister said ministers would act.\n' > "$TMP/nocountry.txt"
"$DYAD" actors --json --date 2005-01-10 "$TMP/nocountry.txt" > "$TMP/nocountry.json" 2>/dev/null
t_nogrep story-country-needs-a-country '"text":"(The prime minister|ministers)"' "$TMP/nocountry.json"

# Campaign groups: a body's noun before an unknown name names an
# organisation of the story country; known British charities; the demonym
# + noun forms of a wire story about the Gulf war.
cat > "$TMP/ngo.txt" <<'TXT'
Detention policy attacked

The British government faced fresh criticism. Jane Harlow, director of civil rights group Freedom Watch, called on ministers to free the men. Campaign groups including War on Want said policy had failed.
TXT
"$DYAD" actors --json --date 2005-01-10 "$TMP/ngo.txt" > "$TMP/ngo.json" 2>/dev/null
python3 - "$TMP/ngo.json" 2> "$TMP/pyngo" <<'PY' && t_ok body-noun-names-an-org || t_fail body-noun-names-an-org "$(tail -n 1 "$TMP/pyngo")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
ms = {m["text"]: m for m in d["mentions"]}
fw = ms["civil rights group Freedom Watch"]
assert fw["code"] == "GBRNGO" and d["actors"][fw["entity"]]["name"] == "Freedom Watch", fw
assert {"type": "ORG", "text": "Freedom Watch"}.items() <= [n for n in d["names"] if n["text"] == "Freedom Watch"][0].items()
assert ms["Campaign groups"]["code"] == "GBRNGO" and ms["War on Want"]["code"] == "GBRNGO"
PY
cat > "$TMP/gulf.txt" <<'TXT'
Iran reports gains

Iranian forces captured several Iraqi defence posts, the agency said. Baghdad communiques made no mention of the fighting, but a military spokesman threatened raids on Iranian towns. Iraq's war spokesman said Iran had seized Kuwaiti speed boats.
TXT
"$DYAD" actors --json --date 1987-03-04 "$TMP/gulf.txt" > "$TMP/gulf.json" 2>/dev/null
python3 - "$TMP/gulf.json" 2> "$TMP/pygulf" <<'PY' && t_ok demonym-roles || t_fail demonym-roles "$(tail -n 1 "$TMP/pygulf")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
ms = {m["text"]: m["code"] for m in d["mentions"]}
want = {"Iranian forces": "IRNMIL", "several Iraqi defence posts": "IRQMIL", "military spokesman": "IRQMIL",
        "Iranian towns": "IRNCVL", "Iraq's war spokesman": "IRQMIL", "Kuwaiti speed boats": "KWTCVL"}
bad = {k: (ms.get(k), v) for k, v in want.items() if ms.get(k) != v}
assert not bad, bad
PY

# offices.txt: a line it cannot read is reported with its file and line.
printf 'GBR | prime minister | 2030-01-01 | 2029-01-01 | Tony Blair\nGBR | dictator-in-chief | 2030-01-01 | - | Tony Blair\n' >> "$TMP/data/actors/offices.txt"
"$DYAD" actors --data "$TMP/data" --date 2025-01-10 "$TMP/novak.txt" > /dev/null 2> "$TMP/off.err"
t_grep offices-bad-dates "offices.txt:[0-9]+: write COUNTRY" "$TMP/off.err"
t_grep offices-bad-noun "offices.txt:[0-9]+: 'dictator-in-chief' is not an agent noun" "$TMP/off.err"
