#!/usr/bin/env bash
# tests/cli/serve.sh - `dyad serve`: the JSON API against a server started
# here on a free loopback port (store: the bundled examples), hostile input
# (SQL and FTS metacharacters, huge parameters, path traversal, slow
# clients), a concurrent ingest, clean shutdown, and the web page in
# headless Chromium (DOM checks and a screenshot kept under the build folder).
# Bounded: every request has a time limit and the servers are killed on exit.
. tests/cli/lib.sh
export NO_PROXY='*' no_proxy='*'
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY
command -v curl >/dev/null || { t_fail serve-curl "curl is not installed (setup.sh installs it)"; exit 0; }

pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done; rm -rf "$TMP"; }
trap cleanup EXIT

db=$TMP/ex.db
"$DYAD" ingest -q --db "$db" examples/*.txt examples/wire.jsonl 2>"$TMP/ingest.err" || { t_fail serve-ingest "$(cat "$TMP/ingest.err")"; exit 0; }

# A web folder of our own: the page's files, and links that point out of it.
mkdir -p "$TMP/web"
cp web/* "$TMP/web/"
ln -s /etc/passwd "$TMP/web/leak.txt"
ln -s /etc "$TMP/web/etc"
echo secret > "$TMP/web/.hidden"

# start NAME ARGS...: a server on a free port; sets $port (and $pid).
start() {
  local name=$1; shift
  "$DYAD" serve --db "$db" --listen 127.0.0.1:0 "$@" 2>"$TMP/$name.log" &
  pid=$!
  pids+=("$pid")
  port=""
  for _ in $(seq 100); do
    port=$(sed -n 's|.*serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$TMP/$name.log")
    [ -n "$port" ] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  t_fail "serve-start-$name" "no 'serving' line: $(head -c 400 "$TMP/$name.log")"
  return 1
}

# get NAME PATH [curl args]: body in $TMP/NAME.out, status in $code.
get() {
  local name=$1 path=$2; shift 2
  code=$(curl -s --path-as-is --max-time 10 -o "$TMP/$name.out" -w '%{http_code}' "$@" "http://127.0.0.1:$port$path")
}

# status NAME WANT PATH [curl args]: the status, and an error body is {error, status}.
status() {
  local name=$1 want=$2 path=$3; shift 3
  get "$name" "$path" "$@"
  if [ "$code" != "$want" ]; then t_fail "$name" "status $code, want $want: $(head -c 300 "$TMP/$name.out")"; return; fi
  if [ "$want" -ge 400 ]; then
    python3 - "$TMP/$name.out" "$want" <<'PY' && t_ok "$name" || t_fail "$name" "not a JSON error: $(head -c 300 "$TMP/$name.out")"
import json, sys
e = json.load(open(sys.argv[1]))
assert isinstance(e["error"], str) and e["error"] and e["status"] == int(sys.argv[2]), e
PY
  else t_ok "$name"; fi
}

start api --web "$TMP/web" --threads 2 || exit 0
main_port=$port main_pid=$pid

# ---------------------------------------------------------------- slow clients, in the background
# Twenty connections send a header byte per second; each must be cut off
# (the header deadline is 10 s) while other clients are served meanwhile.
python3 - "$port" > "$TMP/slow.out" 2>&1 <<'PY' &
import socket, sys, time
port = int(sys.argv[1])
socks = []
for _ in range(20):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /api/info HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
    s.setblocking(False)
    socks.append(s)
t0 = time.time()
cut = {}
while len(cut) < len(socks) and time.time() - t0 < 40:
    for i, s in enumerate(socks):
        if i in cut: continue
        try:
            s.send(b"a")
            d = s.recv(1)
            if d == b"": cut[i] = time.time() - t0
        except BlockingIOError:
            pass
        except OSError:
            cut[i] = time.time() - t0
    time.sleep(1)
print("cut", len(cut), "of", len(socks), "min %.1f max %.1f" % (min(cut.values(), default=-1), max(cut.values(), default=-1)))
PY
slow_pid=$!
pids+=("$slow_pid")
sleep 1

# ---------------------------------------------------------------- the API
status info 200 /api/info
python3 - "$TMP/info.out" <<'PY' && t_ok info-counts || t_fail info-counts "$(cat "$TMP/info.out")"
import json, sys
i = json.load(open(sys.argv[1]))
assert i["documents"] == 30 and i["events"] > 100 and i["quotes"] > 100 and i["allow_code"] is False, i
PY
events_total=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["events"])' "$TMP/info.out")

# Every filter of `dyad events` answers what the CLI answers.
filter_same() {  # NAME QUERY CLI-ARGS...
  local name=$1 query=$2; shift 2
  get "$name" "/api/events?limit=1000&$query"
  "$DYAD" events --db "$db" --json "$@" > "$TMP/$name.cli"
  python3 - "$TMP/$name.out" "$TMP/$name.cli" "$code" <<'PY' && t_ok "$name" || t_fail "$name" "API and CLI differ for $query"
import json, sys
api = json.load(open(sys.argv[1]))
cli = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
assert sys.argv[3] == "200" and api["next"] is None
assert [e["id"] for e in api["events"]] == [e["id"] for e in cli], ([e["id"] for e in api["events"]][:10], [e["id"] for e in cli][:10])
assert not cli or api["events"][0] == cli[0]
PY
}
filter_same events-actor "actor=RUS" --actor RUS
filter_same events-source-target "source=USA&target=PRK" --source USA --target PRK
filter_same events-name "actor=Kim" --actor Kim
filter_same events-cameo "cameo=04" --cameo 04
filter_same events-plover "plover=consult" --plover consult
filter_same events-quad "quad=4" --quad 4
filter_same events-dates "from=2018&to=2018-06" --from 2018 --to 2018-06
doc=$("$DYAD" events --db "$db" --json --limit 1 | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["doc"])')
filter_same events-doc "doc=$doc" --doc "$doc"

# Paging: the cursor walks every event once, in order.
python3 - "$port" "$events_total" <<'PY' && t_ok events-paging || t_fail events-paging "cursor walk failed"
import json, sys, urllib.request
port, total = sys.argv[1], int(sys.argv[2])
op = urllib.request.build_opener(urllib.request.ProxyHandler({}))
ids, cur, pages = [], None, 0
while True:
    url = f"http://127.0.0.1:{port}/api/events?limit=50" + (f"&cursor={cur}" if cur else "")
    page = json.load(op.open(url, timeout=10))
    ids += [e["id"] for e in page["events"]]
    pages += 1
    cur = page["next"]
    if not cur: break
    assert len(page["events"]) == 50
assert len(ids) == total == len(set(ids)), (len(ids), total)
assert pages == (total + 49) // 50, pages
PY
status cursor-garbage 400 "/api/events?cursor=zz"
status cursor-forged 400 "/api/events?cursor=$(printf "2018' OR 1=1.5" | od -An -tx1 | tr -d ' \n')"
status limit-zero 400 "/api/events?limit=0"
status limit-huge 400 "/api/events?limit=99999999999999999999"
status unknown-param 400 "/api/events?actr=USA"
status twice-param 400 "/api/events?actor=USA&actor=PRK"
status bad-date 400 "/api/events?from=yesterday"
status bad-quad 400 "/api/events?quad=7"

# One event: every report with its story and sentence, the verb inside it.
id=$(python3 -c 'import json,sys; print(max(json.load(open(sys.argv[1]))["events"], key=lambda e: e["reports"])["id"])' "$TMP/events-actor.out")
status event-one 200 "/api/events/$id"
python3 - "$TMP/event-one.out" <<'PY' && t_ok event-evidence || t_fail event-evidence "$(head -c 400 "$TMP/event-one.out")"
import json, sys
e = json.load(open(sys.argv[1]))
assert e["reports"] and len(e["reports"]) == e["n_reports"], e
for r in e["reports"]:
    assert r["doc"] and r["title"] and r["text"], r
    sent = r["text"].encode()
    v = r["verb"]
    a = v["off"] - r["sentence_off"]
    assert 0 <= a and a + v["len"] <= len(sent) and sent[a:a + v["len"]].decode() == v["text"], (r, a)
    if r["source_span"]:
        s = r["source_span"]["off"] - r["sentence_off"]
        assert sent[s:s + r["source_span"]["len"]].decode(), r
PY
status event-missing 404 /api/events/99999999
status event-word 404 "/api/events/1%20OR%201=1"
status event-negative 404 /api/events/-1

# Timeline, quotes, actors, search: the CLI's answers.
get timeline "/api/timeline?a=USA&b=PRK&by=month"
"$DYAD" timeline --db "$db" USA PRK --json > "$TMP/timeline.cli"
python3 - "$TMP/timeline.out" "$TMP/timeline.cli" <<'PY' && t_ok timeline-same || t_fail timeline-same "$(head -c 300 "$TMP/timeline.out")"
import json, sys
t = json.load(open(sys.argv[1]))
cli = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
assert t["a"] == "USA" and t["b"] == "PRK" and t["by"] == "month" and t["periods"] == cli and len(cli) > 3
PY
get timeline-fill "/api/timeline?a=USA&b=PRK&by=year&fill=1"
python3 - "$TMP/timeline-fill.out" <<'PY' && t_ok timeline-fill || t_fail timeline-fill "$(head -c 300 "$TMP/timeline-fill.out")"
import json, sys
p = [int(x["year"]) for x in json.load(open(sys.argv[1]))["periods"]]
assert p == list(range(p[0], p[-1] + 1)) and len(p) > 3, p
PY
status timeline-no-b 400 "/api/timeline?a=USA"
status timeline-by 400 "/api/timeline?a=USA&b=PRK&by=fortnight"
get quotes "/api/quotes?actor=PRK&limit=1000"
"$DYAD" quotes --db "$db" --actor PRK --json > "$TMP/quotes.cli"
python3 - "$TMP/quotes.out" "$TMP/quotes.cli" <<'PY' && t_ok quotes-same || t_fail quotes-same "$(head -c 300 "$TMP/quotes.out")"
import json, sys
q = json.load(open(sys.argv[1]))["quotes"]
cli = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
assert q == cli and len(q) > 3 and all(x["code"].startswith("PRK") for x in q)
PY
get actors "/api/actors?limit=5"
python3 - "$TMP/actors.out" <<'PY' && t_ok actors || t_fail actors "$(head -c 300 "$TMP/actors.out")"
import json, sys
a = json.load(open(sys.argv[1]))["actors"]
assert len(a) == 5 and a[0]["events"] >= a[-1]["events"] and a[0]["code"]
PY
get search "/api/search?q=Singapore%20summit"
python3 - "$TMP/search.out" <<'PY' && t_ok search || t_fail search "$(head -c 300 "$TMP/search.out")"
import json, sys
r = json.load(open(sys.argv[1]))["results"]
assert r and all("[" in x["snippet"] for x in r)
PY
status search-empty 400 "/api/search?q=%20%20"

# ---------------------------------------------------------------- hostile input
for q in "actor=%27%20OR%201%3D1%20--" "actor=%25" "actor=_" "source=USA%27)%3B%20DROP%20TABLE%20events%3B--" \
         "doc=%27%20OR%20%27%27%3D%27" "plover=%22%3B%20SELECT%201"; do
  get sql "/api/events?$q"
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert sys.argv[2]=="200" and d["events"]==[], d' "$TMP/sql.out" "$code" \
    && t_ok "sql-meta $q" || t_fail "sql-meta $q" "status $code: $(head -c 200 "$TMP/sql.out")"
done
for q in "%22summit%22%20OR%20NEAR(a%20b)" "NOT" "*" "%5E%3A()%22%22" "summit%20AND%20-" "%22" "col%3Aumn"; do
  get fts "/api/search?q=$q"
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert sys.argv[2]=="200" and isinstance(d["results"], list), d' "$TMP/fts.out" "$code" \
    && t_ok "fts-meta $q" || t_fail "fts-meta $q" "status $code: $(head -c 200 "$TMP/fts.out")"
  get ftsq "/api/quotes?text=$q"
  [ "$code" = 200 ] && t_ok "fts-meta-quotes $q" || t_fail "fts-meta-quotes $q" "status $code: $(head -c 200 "$TMP/ftsq.out")"
done
get info2 /api/info
cmp -s "$TMP/info.out" "$TMP/info2.out" && t_ok sql-store-intact || t_fail sql-store-intact "$(cat "$TMP/info2.out")"
big=$(head -c 5000 /dev/zero | tr '\0' A)
status huge-param 414 "/api/events?actor=$big"
# A 200 kB request line (beyond MHD's per-connection memory): refused, not read on.
code=$(python3 - "$port" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
try:
    s.sendall(b"GET /api/events?actor=" + b"B" * 200000 + b" HTTP/1.1\r\nHost: localhost\r\n\r\n")
except OSError:
    pass
print(s.recv(64).split(b" ")[1].decode())
PY
)
case $code in 414|431) t_ok huge-url ;; *) t_fail huge-url "status $code" ;; esac
many=$(for i in $(seq 100); do printf 'k%d=1&' "$i"; done)
status many-params 414 "/api/events?$many"
status bad-utf8 200 "/api/events?actor=%ff%fe"
for p in "/../../etc/passwd" "/%2e%2e/%2e%2e/etc/passwd" "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd" "/..%2f..%2fetc%2fpasswd" \
         "/app.js/../../../etc/passwd" "//etc/passwd" "/leak.txt" "/etc/passwd" "/.hidden" \
         "/....//....//etc/passwd" "/api/../../etc/passwd"; do
  get trav "$p"
  if [ "$code" = 404 ] && ! grep -q 'root:\|secret' "$TMP/trav.out"; then t_ok "traversal $p"; else t_fail "traversal $p" "status $code: $(head -c 100 "$TMP/trav.out")"; fi
done
# A NUL ends the path for MHD: what is left may name a page file, never more.
for p in "/%00../../etc/passwd" "/index.html%00/../../etc/passwd" "/%00index.html"; do
  get nul "$p"
  if ! grep -q 'root:' "$TMP/nul.out" && { [ "$code" = 404 ] || grep -q '<!doctype html>' "$TMP/nul.out"; }; then t_ok "nul-byte $p"
  else t_fail "nul-byte $p" "status $code: $(head -c 100 "$TMP/nul.out")"; fi
done
get page /
[ "$code" = 200 ] && grep -q '<script src="app.js"' "$TMP/page.out" && t_ok static-index || t_fail static-index "status $code"
ctype=$(curl -s --max-time 10 -o /dev/null -w '%{content_type}' "http://127.0.0.1:$port/app.js")
case $ctype in text/javascript*) t_ok static-type ;; *) t_fail static-type "$ctype" ;; esac
hdr=$(curl -s --max-time 10 -D - -o /dev/null "http://127.0.0.1:$port/")
echo "$hdr" | grep -qi "^content-security-policy: default-src 'self'" && t_ok static-csp || t_fail static-csp "$hdr"
# Kept alive: two requests, one connection.
curl -sv --max-time 10 -o /dev/null -o /dev/null "http://127.0.0.1:$port/api/info" "http://127.0.0.1:$port/api/events?limit=1" 2>&1 \
  | grep -q 'Re-using existing connection' && t_ok keep-alive || t_fail keep-alive "the connection was not reused"
status method 405 /api/events -X DELETE
curl -s --max-time 10 -D - -o /dev/null -X PUT "http://127.0.0.1:$port/api/events" | grep -qi '^allow: GET, HEAD' && t_ok method-allow || t_fail method-allow "no Allow header"
status code-off 403 /api/code -X POST --data-binary @examples/01_trump-warns-north-korea.txt
status code-get 405 /api/code
status no-endpoint 404 /api/nothing

# ---------------------------------------------------------------- OpenAPI, export
status openapi 200 /api/openapi.json
python3 - "$TMP/openapi.out" <<'PY' && t_ok openapi-paths || t_fail openapi-paths "$(head -c 200 "$TMP/openapi.out")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["openapi"].startswith("3.")
for p in ["/api/events", "/api/events/{id}", "/api/quotes", "/api/actors", "/api/timeline", "/api/search", "/api/export", "/api/code", "/api/info"]:
    assert p in d["paths"], p
PY
for f in jsonl csv gdelt plover; do
  get "export-$f" "/api/export?format=$f"
  "$DYAD" export --db "$db" --format "$f" > "$TMP/export-$f.cli" 2>/dev/null
  [ "$code" = 200 ] && cmp -s "$TMP/export-$f.out" "$TMP/export-$f.cli" && [ -s "$TMP/export-$f.cli" ] \
    && t_ok "export-$f" || t_fail "export-$f" "status $code, $(wc -c < "$TMP/export-$f.out") bytes vs $(wc -c < "$TMP/export-$f.cli")"
done
get export-filtered "/api/export?format=gdelt&actor=RUS"
[ "$(wc -l < "$TMP/export-filtered.out")" = "$("$DYAD" export --db "$db" --format gdelt --actor RUS 2>/dev/null | wc -l)" ] && t_ok export-filter || t_fail export-filter "line counts differ"
curl -s --max-time 10 -D - -o /dev/null "http://127.0.0.1:$port/api/export?format=csv" | grep -qi '^transfer-encoding: chunked' && t_ok export-streamed || t_fail export-streamed "not chunked"
status export-format 400 "/api/export?format=xml"
# country: where the event happened, as --country (events and timeline)
get events-country "/api/events?country=SGP&limit=500"
python3 -c 'import json,sys; ev=json.load(open(sys.argv[1]))["events"]; assert ev and all(e["place_country"] == "SGP" for e in ev)' "$TMP/events-country.out" \
  && t_ok api-events-country || t_fail api-events-country "$(head -c 300 "$TMP/events-country.out")"
get tl-country "/api/timeline?a=USA&b=PRK&country=SGP"
[ "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["periods"]))' "$TMP/tl-country.out")" -ge 1 ] \
  && [ "$(python3 -c 'import json,sys; print(sum(p["a_to_b"]+p["b_to_a"] for p in json.load(open(sys.argv[1]))["periods"]))' "$TMP/tl-country.out")" \
       = "$("$DYAD" timeline --db "$db" USA PRK --country SGP --csv 2>/dev/null | tail -n +2 | awk -F, '{s+=$2+$3} END {print s+0}')" ] \
  && t_ok api-timeline-country || t_fail api-timeline-country "$(head -c 300 "$TMP/tl-country.out")"
# A client that leaves mid-export does not hold a handle: the server goes on answering.
for _ in $(seq 12); do curl -s --max-time 10 "http://127.0.0.1:$port/api/export?format=jsonl" | head -c 10 > /dev/null; done
status export-left 200 /api/info

# ---------------------------------------------------------------- a writer beside the server
cat > "$TMP/new.txt" <<'EOF'
Chile and Peru sign fisheries accord

SANTIAGO, March 3, 2024 (Dyad Wire) - Chile and Peru signed an agreement on Sunday to share patrols of their fishing waters, the two governments said.
EOF
"$DYAD" ingest -q --db "$db" "$TMP/new.txt" 2>"$TMP/ingest2.err" && t_ok ingest-while-serving || t_fail ingest-while-serving "$(cat "$TMP/ingest2.err")"
get info3 /api/info
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["documents"] == 31' "$TMP/info3.out" && t_ok reader-sees-commit || t_fail reader-sees-commit "$(cat "$TMP/info3.out")"

# ---------------------------------------------------------------- slow clients: cut, and nobody waited
ok_fast=0
for _ in $(seq 10); do
  t=$(curl -s --max-time 5 -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$port/api/events?limit=5")
  case $t in "200 "[0-1].*) ok_fast=$((ok_fast + 1)) ;; esac
done
[ "$ok_fast" = 10 ] && t_ok slowloris-others-served || t_fail slowloris-others-served "$ok_fast of 10 answered within 2 s"
wait "$slow_pid"; cat "$TMP/slow.out"
if grep -q '^cut 20 of 20 ' "$TMP/slow.out" && awk '{exit !($6 >= 9 && $8 <= 16)}' "$TMP/slow.out"; then t_ok slowloris-cut
else t_fail slowloris-cut "$(cat "$TMP/slow.out")"; fi

# ---------------------------------------------------------------- --allow-code, the default web folder
start code --allow-code --threads 1 -q || exit 0
code_pid=$pid
status code-post 200 /api/code -X POST -H 'Content-Type: text/plain' --data-binary @examples/01_trump-warns-north-korea.txt
python3 - "$TMP/code-post.out" <<'PY' && t_ok code-events || t_fail code-events "$(head -c 300 "$TMP/code-post.out")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["events"] and any(e["source"]["code"].startswith("USA") for e in d["events"]), d.get("events")
PY
echo '{"id":"post-1","title":"Japan protests","published":"2024-05-02","text":"Japan lodged a formal protest with China on Thursday over the incursion."}' > "$TMP/post.json"
status code-json 200 /api/code -X POST -H 'Content-Type: application/json' --data-binary @"$TMP/post.json"
grep -q '"id":"post-1"' "$TMP/code-json.out" && t_ok code-json-id || t_fail code-json-id "$(head -c 200 "$TMP/code-json.out")"
status code-bad-json 400 /api/code -X POST -H 'Content-Type: application/json' --data-binary '{"text": '
status code-empty 400 /api/code -X POST -H 'Content-Type: text/plain' --data-binary ''
head -c 2000000 /dev/zero | tr '\0' x > "$TMP/big.txt"
get code-big /api/code -X POST -H 'Content-Type: text/plain' --data-binary @"$TMP/big.txt"
[ "$code" = 413 ] && t_ok code-too-big || t_fail code-too-big "status $code"
# Chunked (no length given): read to the limit, then refused.
get code-big-chunked /api/code -X POST -H 'Content-Type: text/plain' -H 'Transfer-Encoding: chunked' --data-binary @"$TMP/big.txt"
[ "$code" = 413 ] && t_ok code-too-big-chunked || t_fail code-too-big-chunked "status $code"
status code-after-big 200 /api/info
status default-web 200 /
get code-info /api/info
grep -q '"allow_code":true' "$TMP/code-info.out" && t_ok info-allow-code || t_fail info-allow-code "$(cat "$TMP/code-info.out")"
get code-docs /api/info
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["documents"] == 31' "$TMP/code-docs.out" && t_ok code-stores-nothing || t_fail code-stores-nothing "$(cat "$TMP/code-docs.out")"

# ---------------------------------------------------------------- the page in headless Chromium
chrome=$(command -v chromium || command -v chromium-browser || true)
port=$main_port
if [ -z "$chrome" ]; then
  echo "skip serve-page: chromium is not installed (setup.sh installs it)"
else
  art=${DYAD_BUILD:-build}/artifacts
  mkdir -p "$art"
  get tl-month "/api/timeline?a=USA&b=PRK&by=month&fill=1"
  bars=$(python3 -c 'import json,sys; print(sum((p["a_to_b"]>0)+(p["b_to_a"]>0) for p in json.load(open(sys.argv[1]))["periods"]))' "$TMP/tl-month.out")
  first=$(curl -s --max-time 10 "http://127.0.0.1:$port/api/events?actor=USA&limit=1" | python3 -c 'import json,sys; e=json.load(sys.stdin)["events"][0]; print(e["id"])')
  copts=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --no-proxy-server --hide-scrollbars --user-data-dir="$TMP/chrome"
         --virtual-time-budget=10000 --enable-logging=stderr --v=0)
  url="http://127.0.0.1:$port/#a=USA&b=PRK&by=month&event=first"
  timeout 90 "$chrome" "${copts[@]}" --dump-dom "$url" > "$TMP/dom.html" 2> "$TMP/chrome.err"
  python3 - "$TMP/dom.html" "$bars" "$first" <<'PY' && t_ok page-timeline-and-evidence || t_fail page-timeline-and-evidence "$(head -c 600 "$TMP/dom.html")"
import re, sys
dom, bars, first = open(sys.argv[1]).read(), int(sys.argv[2]), sys.argv[3]
assert 'data-ready="1"' in dom, "the page never finished"
assert len(re.findall(r'<rect class="bar (ab|ba)"', dom)) == bars, "bars: want %d" % bars
assert 'class="gold"' in dom, "no Goldstein line"
ev = dom[dom.index('id="evidence"'):]
assert ('Event %s<' % first) in ev, "the first event's evidence is not open"
for cls in ("verb", "src"):
    assert re.search(r'<mark class="%s"[^>]*>[^<]+</mark>' % cls, ev), "no %s highlighted" % cls
assert re.search(r'<tr data-id="\d+"', dom), "no events table"
assert re.search(r'<pre id="errors" hidden=""></pre>', dom), "errors shown: " + dom[dom.index('id="errors"'):][:300]
assert re.search(r'<blockquote>', dom), "no quotes"
# the map: the events' places from the API rows' lat/lon, labelled
m = dom[dom.index('<section id="map"'):]
m = m[:m.index('</section>')]
assert 'hidden' not in m[:m.index('>')], "map hidden"
assert len(re.findall(r'<circle class="pt"', m)) >= 2, "fewer than two places on the map"
assert re.search(r'<text class="pt-label"[^>]*>(Seoul|Singapore|Pyongyang|Washington)</text>', m), "no place label"
assert re.search(r'id="map-summary">\d+ of \d+ events shown placed', m), "no map summary"
PY
  if grep -E 'CONSOLE\(|Uncaught|Refused to' "$TMP/chrome.err" | grep -qv 'dbus'; then
    t_fail page-console "$(grep -E 'CONSOLE\(|Uncaught|Refused to' "$TMP/chrome.err" | head -5)"
  else t_ok page-console; fi
  timeout 90 "$chrome" "${copts[@]}" --window-size=1280,1000 --screenshot="$art/serve-page.png" "$url" 2>/dev/null
  timeout 90 "$chrome" "${copts[@]}" --window-size=390,1600 --screenshot="$art/serve-page-phone.png" "$url" 2>/dev/null
  [ "$(stat -c %s "$art/serve-page.png" 2>/dev/null || echo 0)" -gt 20000 ] && t_ok page-screenshot || t_fail page-screenshot "no screenshot at $art/serve-page.png"
fi

# ---------------------------------------------------------------- clean shutdown
for p in "$main_pid" "$code_pid"; do kill -TERM "$p"; done
for name_pid in "api:$main_pid" "code:$code_pid"; do
  name=${name_pid%%:*} p=${name_pid#*:}
  rc=124
  for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || { wait "$p"; rc=$?; break; }; sleep 0.1; done
  [ "$rc" = 0 ] && t_ok "shutdown-$name" || t_fail "shutdown-$name" "exit $rc: $(tail -c 300 "$TMP/$name.log")"
  # the sanitizer's reports reach tests/run.sh through this script's output
  grep -E 'ERROR: (Address|Leak)Sanitizer|runtime error' -A20 "$TMP/$name.log" | head -60
done
grep -q 'terminated, stopping' "$TMP/api.log" && t_ok shutdown-message || t_fail shutdown-message "$(tail -c 300 "$TMP/api.log")"
