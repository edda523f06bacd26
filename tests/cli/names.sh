# CLI tests of named entities (dyad actors --parse: "names"), scored against
# a hand annotation of a wire paragraph full of people nobody has heard of
# (tests/fixtures/names/wire.gold), and the parse-free view.
. tests/cli/lib.sh

F=tests/fixtures/names
"$DYAD" actors --parse --json --date 2024-05-01 "$F/wire.txt" > "$TMP/n.json" 2> "$TMP/n.err"; rc=$?
[ $rc -eq 0 ] && t_ok names-exit-0 || t_fail names-exit-0 "exit $rc: $(head -c 300 "$TMP/n.err")"
python3 - "$TMP/n.json" "$F/wire.gold" > "$TMP/score" 2> "$TMP/py" <<'PY' && t_ok names-f1 || t_fail names-f1 "$(tail -n 1 "$TMP/py") $(cat "$TMP/score")"
import json, sys
from collections import Counter
d = json.loads(open(sys.argv[1]).read())
got = Counter((n["type"], n["text"]) for n in d["names"])
gold = Counter(tuple(l.rstrip("\n").split("\t")) for l in open(sys.argv[2]) if l.strip() and not l.startswith("#"))
tp = sum((got & gold).values())
p, r = tp / max(1, sum(got.values())), tp / max(1, sum(gold.values()))
f = 2 * p * r / max(1e-9, p + r)
print("names P %.2f R %.2f F1 %.2f (%d of %d gold, %d found)" % (p, r, f, tp, sum(gold.values()), sum(got.values())))
# every gold name of a person is found, typed PER, with its own name (no namesake)
per = [t for (ty, t) in gold if ty == "PER"]
found = {t for (ty, t) in got if ty == "PER"}
missing = [t for t in per if t not in found]
assert not missing, "people not found: %r" % missing
assert f >= 0.80, "F1 %.2f below 0.80" % f
# context codes: the head of a Chinese bureau, a police chief
by = {n["text"]: n for n in d["names"]}
assert by["Dong Xiaolin"]["code"] == "CHNGOV", by["Dong Xiaolin"]
assert by["Karim Bazargan"]["code"] == "COP"
assert by["Ana Souza"]["code"] is None and by["Ana Souza"]["how"] == "parse"
PY
cat "$TMP/score"

# Without --parse the names are the actors' own (no parse-only names).
"$DYAD" actors --json --date 2024-05-01 "$F/wire.txt" > "$TMP/np.json" 2>/dev/null
t_nogrep names-no-parse-without-option '"how":"parse"' "$TMP/np.json"
t_grep names-mentions-without-parse '"type":"PER","off":[0-9]+,"len":[0-9]+,"text":"Dong Xiaolin"' "$TMP/np.json"
