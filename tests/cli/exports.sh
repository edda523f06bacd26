# CLI tests of `dyad export`: every format parsed back the way its users
# read it (python3 csv/json; pandas too when installed) and checked field by
# field against its specification: GDELT 1.0 (58 columns, dates always
# filled, FractionDate by the codebook), PLOVER JSON (source/recipient,
# actor_text, PLOVER sectors, context, quad, required recipients), the
# ICEWS-style and Phoenix tables, and CSV with codes as text.  The store is
# the unit tests' fixture plus events added here in SQL for the cases the
# fixture lacks: a media and a health actor, an IGO, a year-dated protest,
# an accusation without a recipient.
. tests/cli/lib.sh

FIXTURE_BIN="$(dirname "$DYAD")/tests/test_store"
db="$TMP/x.db"
"$FIXTURE_BIN" --fixture "$db" || t_fail fixture "cannot build the fixture store"
sqlite3 -batch "$db" <<'SQL' || t_fail fixture-extra "cannot add the extra events"
INSERT INTO documents (docno, id, url, title, source, pubdate, pubdate_precision, source_key, text,
  n_sentences, n_entities, n_mentions, n_timexes, n_quotes, n_events, ingested_at)
VALUES (100, 'ex-1', 'https://news.example.net/ex-1', 'Year in review', 'Example News', '2015-01-01', 'year',
  'Example News', 'BBC reporters criticized the health ministry. The United Nations sent aid to Haiti. Students protested against the government. Officials accused someone.',
  4, 0, 0, 0, 0, 4, '2026-12-07T00:00:00Z');
INSERT INTO sentences VALUES (100, 0, 0, 45, 0, 0, '2015-01-01', 'year'), (100, 1, 46, 37, 0, 0, '2015-01-01', 'year'),
  (100, 2, 84, 42, 0, 0, '2015-01-01', 'year'), (100, 3, 127, 26, 0, 0, '2015-01-01', 'year');
INSERT INTO events (id, date, day, source_code, target_code, source_name, target_name, cameo, negated, goldstein, quad,
  plover_type, plover_mode, n_reports, n_articles, n_sources, first_doc, added, date_precision) VALUES
  (101, '2015-01-01', NULL, 'GBRMED', 'GBRGOVHLH', 'BBC', 'health ministry', '111', 0, -2.0, 3, 'ACCUSE', 'disapprove', 1, 1, 1, 100, '2026-12-07', 'year'),
  (102, '2015-01-01', NULL, 'IGOUNO', 'HTI', 'United Nations', 'Haiti', '073', 0, 7.4, 2, 'AID', 'humanitarian', 1, 1, 1, 100, '2026-12-07', 'year'),
  (103, '2015-01-01', NULL, 'USAEDU', 'USAGOV', 'Students', 'the government', '1413', 0, -6.5, 3, 'PROTEST', 'demo', 1, 1, 1, 100, '2026-12-07', 'year'),
  (104, '2015-01-01', NULL, 'USAGOV', '', 'Officials', NULL, '112', 0, -2.0, 3, 'ACCUSE', 'disapprove', 1, 1, 1, 100, '2026-12-07', 'year');
INSERT INTO event_reports (doc, i, event, sent, date, source_mention, target_mention, source_text, target_text,
  verb_off, verb_len, verb_text, rule, flags, confidence, date_precision) VALUES
  (100, 0, 101, 0, '2015-01-01', NULL, NULL, 'BBC reporters', 'the health ministry', 14, 10, 'criticized', 'test', 0, 0.9, 'year'),
  (100, 1, 102, 1, '2015-01-01', NULL, NULL, 'The United Nations', 'Haiti', 65, 4, 'sent', 'test', 0, 0.9, 'year'),
  (100, 2, 103, 2, '2015-01-01', NULL, NULL, 'Students', 'the government', 93, 9, 'protested', 'test', 0, 0.9, 'year'),
  (100, 3, 104, 3, '2015-01-01', NULL, NULL, 'Officials', NULL, 137, 7, 'accused', 'test', 0, 0.9, 'year');
SQL
export_to() { "$DYAD" export --db "$db" --format "$1" > "$TMP/out.$1" 2> "$TMP/err.$1"; }
for f in gdelt plover icews phoenix csv jsonl; do
  export_to "$f" && t_ok "export-$f-exit-0" || t_fail "export-$f-exit-0" "$(cat "$TMP/err.$f")"
done
HAVE_PANDAS=0
python3 -c 'import pandas' 2> /dev/null && HAVE_PANDAS=1
[ $HAVE_PANDAS = 1 ] || echo "skip export-pandas: python3-pandas is not installed"

# ---------------------------------------------------------------- GDELT 1.0
python3 - "$TMP/out.gdelt" <<'PY' && t_ok export-gdelt-spec || t_fail export-gdelt-spec "$(head -c 400 "$TMP/out.gdelt")"
import csv, re, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
# 13 fixture events + 4: the negated one and the 2 undated are left out.
assert len(rows) == 14, len(rows)
for r in rows:
    assert len(r) == 58, len(r)
    sqldate, monthyear, year, frac = r[1], r[2], r[3], r[4]
    assert re.fullmatch(r"\d{8}", sqldate) and monthyear == sqldate[:6] and year == sqldate[:4], r[:5]
    y, m, d = int(sqldate[:4]), int(sqldate[4:6]), int(sqldate[6:])
    assert frac == "%.4f" % (y + (m * 30 + d) / 365.0), (frac, sqldate)      # the codebook's formula
    assert r[27] == r[26][:3] and r[28] == r[26][:2], r[26:29]              # base and root codes
    assert r[29] in "1234" and r[29] != ""
    assert all(c == "" for c in r[35:56]), r[35:56]                          # geography: not yet
    assert re.fullmatch(r"\d{8}", r[56]) and r[57].startswith("https://"), r[56:]
by = {r[0]: r for r in rows}
assert by["102"][1:5] == ["20150101", "201501", "2015", "2015.0849"], by["102"][1:5]   # year-dated: its first day
assert by["102"][5:15] == ["IGOUNO", "United Nations", "", "UNO", "", "", "", "IGO", "", ""], by["102"][5:15]
assert by["101"][15:25] == ["GBRGOVHLH", "health ministry", "GBR", "", "", "", "", "GOV", "HLH", ""], by["101"][15:25]
v = [r for r in rows if r[26] == "042"][0]
assert v[1] == "20180701" and v[4] == "2018.5781", v[1:5]                  # month-dated
assert by["103"][26:29] == ["1413", "141", "14"]
PY
if [ $HAVE_PANDAS = 1 ]; then
  python3 - "$TMP/out.gdelt" <<'PY' && t_ok export-gdelt-pandas || t_fail export-gdelt-pandas "pandas could not read it"
import sys, pandas as pd
df = pd.read_csv(sys.argv[1], sep="\t", header=None, dtype={26: str, 27: str, 28: str})
assert df.shape == (14, 58), df.shape
assert (df[1] // 10000 == df[3]).all() and set(df[26]) >= {"044", "042"}
PY
fi

# ---------------------------------------------------------------- PLOVER
python3 - "$TMP/out.plover" <<'PY' && t_ok export-plover-spec || t_fail export-plover-spec "$(head -c 400 "$TMP/out.plover")"
import json, re, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
ids = [r["id"] for r in rows]
assert len(ids) == len(set(ids)) == 13, ids          # 17 - negated - 2 undated - 1 without its required recipient
assert "dyad-104" not in ids                          # ACCUSE needs a recipient
quads = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
         "INVESTIGATE": 2, "DEMAND": 3, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
         "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, "FIGHT": 4}
sectors = {None, "GOV", "JUD", "LEG", "MIL", "COP", "OPP", "PTY", "REB", "PRM", "SPY", "UAF", "CVL", "ELI", "BUS",
           "EDU", "MED", "LAB", "AGR", "JRN", "REF", "REL", "SOC", "CRM"}
for r in rows:
    assert {"id", "date", "source", "recipient", "event"} <= set(r) and "actor" not in r and "target" not in r, r
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", r["date"]), r["date"]
    assert isinstance(r["event"], list) and len(r["event"]) == 1 and r["quad_code"] == quads[r["event"][0]], r
    assert isinstance(r["mode"], list) and isinstance(r["context"], list)
    assert "event_scale" not in r
    for a in r["source"] + r["recipient"]:
        assert "actor_text" in a and "entity_text" not in a, a
        assert a["sector"] is None or all(a["sector"][i:i + 3] in sectors for i in range(0, len(a["sector"]), 3)), a
    assert r["source"], r
by = {r["id"]: r for r in rows}
media = by["dyad-101"]
assert media["source"][0] == {"code": "GBR", "sector": "JRN", "actor_text": "BBC reporters", "cameo_code": "GBRMED", "name": "BBC"}, media["source"]
assert media["recipient"][0]["sector"] == "GOVMED", media["recipient"]   # CAMEO HLH is PLOVER's MED
assert media["date"] == "2015-01-01" and media["date_precision"] == "year"
igo = by["dyad-102"]["source"][0]
assert igo["code"] == "IGO" and igo["sector"] is None, igo               # IGO is an actor code, no sector
assert by["dyad-102"]["context"] == ["humanitarian"] and by["dyad-102"]["quad_code"] == 2
protest = by["dyad-103"]
assert protest["text"] == "Students protested against the government."
assert protest["quad_code"] == 4 and protest["context"] == ["rights_freedoms"] and protest["mode"] == ["demo"], protest
assert protest["source"][0]["sector"] == "EDU"
praise = [r for r in rows if r["cameo_code"] == "051"][0]
assert praise["context"] == ["diplomatic"] and praise["event_text"] == ["praised"], praise
threat = [r for r in rows if r["cameo_code"] == "138"][0]
assert threat["context"] == ["military"], threat
launch = [r for r in rows if r["cameo_code"] == "150"][0]
assert launch["recipient"] == [] and launch["event"] == ["MOBILIZE"]      # MOBILIZE needs no recipient
PY
t_grep export-plover-says-left-out '4 events left out' "$TMP/err.plover"
t_grep export-gdelt-says-left-out '3 events left out' "$TMP/err.gdelt"

# ---------------------------------------------------------------- ICEWS-style
python3 - "$TMP/out.icews" <<'PY' && t_ok export-icews-spec || t_fail export-icews-spec "$(head -c 400 "$TMP/out.icews")"
import csv, re, sys
r = csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)
assert r.fieldnames == ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
    "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude"], r.fieldnames
rows = list(r)
assert len(rows) == 14, len(rows)
for x in rows:
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", x["Event Date"]) and re.fullmatch(r"\d{2,4}", x["CAMEO Code"]), x
    assert x["Event Text"] and int(x["Sentence Number"]) >= 1 and None not in x.values(), x
m = [x for x in rows if x["CAMEO Code"] == "044"][0]
assert (m["Source Name"], m["Source Sectors"], m["Source Country"], m["Event Text"], m["Intensity"], m["Target Country"],
        m["Story ID"], m["Sentence Number"], m["Publisher"]) == ("Donald Trump", "Government", "United States",
        "Meet at a 'third' location", "2.5", "North Korea", "fx-1", "1", "Dyad Wire"), m
h = [x for x in rows if x["Event ID"] == "101"][0]
assert h["Source Sectors"] == "Media" and h["Target Sectors"] == "Government,Health" and h["Source Country"] == "United Kingdom", h
assert h["Event Date"] == "2015-01-01" and h["City"] == "" and h["Latitude"] == ""
PY
if [ $HAVE_PANDAS = 1 ]; then
  python3 -c 'import sys, pandas as pd; d = pd.read_csv(sys.argv[1], sep="\t", dtype={"CAMEO Code": str}); assert len(d) == 14 and "044" in set(d["CAMEO Code"])' "$TMP/out.icews" \
    && t_ok export-icews-pandas || t_fail export-icews-pandas "pandas could not read it"
fi

# ---------------------------------------------------------------- Phoenix
python3 - "$TMP/out.phoenix" <<'PY' && t_ok export-phoenix-spec || t_fail export-phoenix-spec "$(head -c 400 "$TMP/out.phoenix")"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
assert len(rows) == 14 and all(len(r) == 26 for r in rows), [len(r) for r in rows]
for r in rows:
    assert r[1] == r[2] + r[3] + r[4] and len(r[1]) == 8, r[:5]
    assert r[14] == r[13][:2] and r[15] in "01234", r[13:16]
m = [r for r in rows if r[13] == "044"][0]
assert m[5:13] == ["USAGOV", "USA", "GOV", "", "PRKGOV", "PRK", "GOV", ""], m[5:13]
assert m[15] == "1" and m[16] == "2.5"
assert m[23] == "fx-1_1;fx-2_1;fx-3_1;fx-3_2", m[23]                     # every report, sentences from 1
assert m[25] == "Dyad Wire;Other News", m[25]
igo = [r for r in rows if r[0] == "102"][0]
assert igo[5:9] == ["IGOUNO", "IGO", "", "UNO"], igo[5:9]
assert [r for r in rows if r[0] == "103"][0][15] == "4"                  # Phoenix: protest is material conflict
PY

# ---------------------------------------------------------------- CSV and JSON lines
python3 - "$TMP/out.csv" <<'PY' && t_ok export-csv-codes-as-text || t_fail export-csv-codes-as-text "$(head -c 400 "$TMP/out.csv")"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert len(rows) == 17, len(rows)
assert {"044", "042", "051", "073"} <= {r["cameo"] for r in rows}
y = [r for r in rows if r["id"] == "102"][0]
assert y["date"] == "2015-01-01" and y["date_precision"] == "year", y
assert [r["date_precision"] for r in rows if r["date"] == ""] == ["", ""]
PY
grep -q ',044,' "$TMP/out.csv" && t_ok export-csv-leading-zero-in-file || t_fail export-csv-leading-zero-in-file "no ,044,"
if [ $HAVE_PANDAS = 1 ]; then
  python3 -c 'import sys, pandas as pd; d = pd.read_csv(sys.argv[1], dtype={"cameo": str}); assert "044" in set(d["cameo"]) and len(d) == 17' "$TMP/out.csv" \
    && t_ok export-csv-pandas || t_fail export-csv-pandas "pandas could not read it"
fi
python3 - "$TMP/out.jsonl" <<'PY' && t_ok export-jsonl-dates || t_fail export-jsonl-dates "$(head -c 300 "$TMP/out.jsonl")"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(rows) == 17
v = [r for r in rows if r["cameo"] == "042"][0]
assert (v["date"], v["date_precision"]) == ("2018-07-01", "month") and v["reports"][0]["date_precision"] == "month", v
PY

# Filters apply; a bad format is a usage error.
[ "$("$DYAD" export --db "$db" --format icews --actor IGO 2>/dev/null | wc -l | tr -d ' ')" = 2 ] && t_ok export-icews-filter || t_fail export-icews-filter "not header + 1"
"$DYAD" export --db "$db" --format gdelt2 > /dev/null 2> "$TMP/e.err"; rc=$?
[ $rc -eq 2 ] && grep -q 'phoenix or map' "$TMP/e.err" && t_ok export-unknown-format || t_fail export-unknown-format "rc=$rc $(cat "$TMP/e.err")"

# AvgTone: the documents' tone, (positive - negative words) / words x 100.
cat > "$TMP/tone.jsonl" <<'J'
{"id": "tone-good", "title": "Leaders praise peace deal", "published": "2019-06-30", "text": "Donald Trump praised Kim Jong Un on Sunday for the peace agreement, calling it a great success and a hopeful step toward friendship and stability."}
{"id": "tone-bad", "title": "Deadly attack", "published": "2019-07-01", "text": "Russia attacked Ukraine on Monday. The deadly attack killed civilians and wounded soldiers, and officials condemned the violence and warned of war."}
J
"$DYAD" ingest -q --db "$TMP/tone.db" "$TMP/tone.jsonl"
"$DYAD" export --db "$TMP/tone.db" --format gdelt > "$TMP/tone.gdelt" 2>/dev/null
python3 - "$TMP/tone.gdelt" <<'PY' && t_ok export-gdelt-avgtone || t_fail export-gdelt-avgtone "$(cut -f 1,27,35 "$TMP/tone.gdelt")"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
tone = {r[5][:3]: float(r[34]) for r in rows}
# 8 of the 25 words of the first story are positive, none negative.
assert abs(tone["USA"] - 32.0) < 0.01, tone
assert -100 <= tone["RUS"] < -20, tone
PY
