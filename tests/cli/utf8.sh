# tests/cli/utf8.sh - invalid UTF-8 in the input never reaches a record
# (issue 18, finding 3): a plain-text headline, WARC-Target-URI and
# WARC-Date are copied from raw bytes; each comes out with U+FFFD in place
# of the bad bytes, the run says so, and every record parses as strict
# UTF-8 JSON.
. tests/cli/lib.sh

strict_json() {  # FILE [python expression on r that must hold]
  python3 -c '
import json, sys
for line in open(sys.argv[1], "rb"):
    r = json.loads(line.decode("utf-8"))     # strict: invalid UTF-8 raises
    assert eval(sys.argv[2]), r
' "$1" "${2:-True}" 2>"$1.why"
}

printf 'h\x83 title\n\nTrump met Kim in Hanoi on Tuesday.\n' >"$TMP/t.txt"
for cmd in code text quotes time actors; do
  "$DYAD" $cmd --json --date 2019-02-26 "$TMP/t.txt" >"$TMP/$cmd.json" 2>"$TMP/$cmd.err"
  if strict_json "$TMP/$cmd.json" 'r["title"] == "h\ufffd title"'; then t_ok "headline_$cmd"; else t_fail "headline_$cmd" "$(tail -1 "$TMP/$cmd.json.why")"; fi
done
t_grep headline_warned 'invalid UTF-8 in the headline: 1 bytes replaced' "$TMP/code.err"

# A WARC resource record whose header values carry latin-1 and stray bytes.
python3 - "$TMP/bad.warc" <<'PY'
import sys
body = b'Trump met Kim Jong Un in Hanoi on Wednesday. The two leaders discussed sanctions relief for hours.\n'
hdr = (b'WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:5f0e1a2b-0000-4000-8000-000000000001>\r\n'
       b'WARC-Date: 2019-02-27T08:00:00Z\xff\r\nWARC-Target-URI: http://example.com/n\xe9ws/hanoi\r\n'
       b'Content-Type: text/plain\r\nContent-Length: ' + str(len(body)).encode() + b'\r\n\r\n')
open(sys.argv[1], 'wb').write(hdr + body + b'\r\n\r\n')
PY
"$DYAD" code "$TMP/bad.warc" >"$TMP/warc.json" 2>"$TMP/warc.err"
if strict_json "$TMP/warc.json" 'r["url"] == "http://example.com/n\ufffdws/hanoi" and r["published"] == "2019-02-27T08:00:00Z\ufffd"'; then
  t_ok warc_header_values
else
  t_fail warc_header_values "$(tail -1 "$TMP/warc.json.why")"
fi

# The store keeps the repaired values: what a query prints is UTF-8 too.
"$DYAD" ingest --db "$TMP/s.db" "$TMP/t.txt" "$TMP/bad.warc" >/dev/null 2>&1
"$DYAD" export --db "$TMP/s.db" --format jsonl >"$TMP/export.json" 2>/dev/null
if [ -s "$TMP/export.json" ] && strict_json "$TMP/export.json"; then t_ok store_export_utf8; else t_fail store_export_utf8 "$(head -c 300 "$TMP/export.json") $(tail -1 "$TMP/export.json.why" 2>/dev/null)"; fi
