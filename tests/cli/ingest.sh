# CLI tests of input reading: every input kind given by name and on standard
# input gives byte-identical records; compressed inputs (gzip, multi-member,
# zstd) decode; web archives stream from a pipe; bad input is refused by name.
. tests/cli/lib.sh

cat > "$TMP/story.txt" <<'TXT'
Seoul and Tokyo agree to resume security talks

SEOUL, March 6, 2023 (Dyad Wire) - South Korea and Japan agreed on Monday to resume regular
security talks, the foreign ministry said. Foreign Minister Park Jin will travel to Tokyo next week.

Japan's prime minister welcomed the agreement and said both governments would meet again in April.
TXT

printf '%s\n' \
  '{"id":"w1","url":"https://wire.example.org/1","title":"Kim meets Trump at Panmunjom","published":"2019-06-30","source":"Dyad Wire","text":"Kim Jong Un met Donald Trump at Panmunjom on Sunday. The two leaders shook hands.","desk":"asia"}' \
  '' \
  '{"id":"w2","title":"Pompeo leaves Pyongyang","published":"2018-07-07","text":"Mike Pompeo left Pyongyang on Saturday after talks with North Korean officials."}' > "$TMP/wire.jsonl"

cat > "$TMP/page.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ukraine and Poland sign grain deal | Dyad Wire</title>
<meta property="og:title" content="Ukraine and Poland sign grain deal">
<meta property="article:published_time" content="2023-09-21T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Ukraine and Poland sign grain deal</h1>
<p>KYIV, Sept 21 (Dyad Wire) - Ukraine and Poland signed an agreement on Thursday to route grain exports
through Polish ports, officials in both capitals said.</p>
<p>The Polish agriculture minister said the deal would protect farmers while keeping the corridor open.</p>
<p>Ukraine's president thanked Warsaw and said the two governments would review the terms in December.</p>
</article><footer>Copyright Dyad Wire</footer></body></html>
HTML

# warc_record TYPE URI CONTENT-FILE: one WARC/1.0 record on stdout; an HTTP
# response when TYPE is response.
warc_record() {
  local type=$1 uri=$2 file=$3 block="$TMP/block.$$"
  if [ "$type" = response ]; then
    { printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'; cat "$file"; } > "$block"
    ct='application/http; msgtype=response'
  else
    cp "$file" "$block"; ct='text/plain'
  fi
  printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2023-09-21T11:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n' \
    "$type" "$uri" "$(echo "$uri" | md5sum | cut -c1-32)" "$ct" "$(stat -c %s "$block")"
  cat "$block"; printf '\r\n\r\n'
  rm -f "$block"
}
printf 'software: dyad test\r\n' > "$TMP/info"
{ warc_record warcinfo "" "$TMP/info"
  warc_record response https://wire.example.org/grain "$TMP/page.html"
  warc_record resource https://wire.example.org/talks.txt "$TMP/story.txt"; } > "$TMP/news.warc"
# One gzip member per record, as Common Crawl publishes.
: > "$TMP/news.warc.gz"
{ warc_record warcinfo "" "$TMP/info" | gzip -c
  warc_record response https://wire.example.org/grain "$TMP/page.html" | gzip -c
  warc_record resource https://wire.example.org/talks.txt "$TMP/story.txt" | gzip -c; } > "$TMP/news.warc.gz"

gzip -c "$TMP/wire.jsonl" > "$TMP/wire.jsonl.gz"
gzip -c "$TMP/story.txt" > "$TMP/story.txt.gz"
gzip -c "$TMP/page.html" > "$TMP/page.html.gz"
# Multi-member: the two halves of the JSON lines compressed separately.
{ head -n 1 "$TMP/wire.jsonl" | gzip -c; tail -n +2 "$TMP/wire.jsonl" | gzip -c; } > "$TMP/wire2.jsonl.gz"
have_zstd=0
if command -v zstd > /dev/null; then
  have_zstd=1
  zstd -q -c "$TMP/wire.jsonl" > "$TMP/wire.jsonl.zst"
  zstd -q -c "$TMP/news.warc" > "$TMP/news.warc.zst"
fi

# The same records by name, through a pipe and from a redirected file.
same_records() {  # name file expected-docs
  local n=$1 f=$2 want=$3
  "$DYAD" code "$f" > "$TMP/$n.byname" 2> "$TMP/$n.err1"; local rc1=$?
  cat "$f" | "$DYAD" code - > "$TMP/$n.pipe" 2> "$TMP/$n.err2"; local rc2=$?
  "$DYAD" code < "$f" > "$TMP/$n.redir" 2>/dev/null
  local docs; docs=$(wc -l < "$TMP/$n.byname")
  if [ $rc1 -ne 0 ] || [ $rc2 -ne 0 ]; then t_fail "stdin-$n" "exit $rc1 / $rc2: $(head -c 300 "$TMP/$n.err1")"
  elif [ "$docs" -ne "$want" ]; then t_fail "stdin-$n" "$docs records, want $want"
  elif ! cmp -s "$TMP/$n.byname" "$TMP/$n.pipe" || ! cmp -s "$TMP/$n.byname" "$TMP/$n.redir"; then
    t_fail "stdin-$n" "records differ: $(diff "$TMP/$n.byname" "$TMP/$n.pipe" | head -c 300)"
  else t_ok "stdin-$n"; fi
}
same_records txt "$TMP/story.txt" 1
same_records jsonl "$TMP/wire.jsonl" 2
same_records html "$TMP/page.html" 1
same_records warc "$TMP/news.warc" 2
same_records warc-gz "$TMP/news.warc.gz" 2
same_records jsonl-gz "$TMP/wire.jsonl.gz" 2
same_records jsonl-gz-members "$TMP/wire2.jsonl.gz" 2
same_records txt-gz "$TMP/story.txt.gz" 1
same_records html-gz "$TMP/page.html.gz" 1
if [ $have_zstd = 1 ]; then
  same_records jsonl-zst "$TMP/wire.jsonl.zst" 2
  same_records warc-zst "$TMP/news.warc.zst" 2
else echo "skip stdin-zstd: needs the zstd command"; fi

# Decompressed input codes exactly like the plain file.
cmp -s "$TMP/jsonl.byname" "$TMP/jsonl-gz.byname" && t_ok gzip-same-as-plain || t_fail gzip-same-as-plain "jsonl vs jsonl.gz"
cmp -s "$TMP/txt.byname" "$TMP/txt-gz.byname" && t_ok gzip-txt-same-as-plain || t_fail gzip-txt-same-as-plain "txt vs txt.gz"
cmp -s "$TMP/html.byname" "$TMP/html-gz.byname" && t_ok gzip-html-same-as-plain || t_fail gzip-html-same-as-plain "html vs html.gz"
cmp -s "$TMP/warc.byname" "$TMP/warc-gz.byname" && t_ok warc-gz-same-as-plain || t_fail warc-gz-same-as-plain "warc vs warc.gz"
python3 -c '
import json,sys
r=[json.loads(l) for l in open(sys.argv[1])]
assert [d["id"] for d in r]==["w1","w2"], [d["id"] for d in r]
assert r[0]["title"]=="Kim meets Trump at Panmunjom"
' "$TMP/jsonl-gz-members.byname" && t_ok gzip-members-both-read || t_fail gzip-members-both-read "$(head -c 300 "$TMP/jsonl-gz-members.byname")"
python3 -c '
import json,sys
r=[json.loads(l) for l in open(sys.argv[1])]
assert r[0]["title"]=="Ukraine and Poland sign grain deal", r[0]["title"]
assert r[0]["url"]=="https://wire.example.org/grain", r[0]["url"]
assert r[1]["url"]=="https://wire.example.org/talks.txt", r[1]["url"]
assert "Park Jin" in [a["name"] for a in r[1]["actors"]], r[1]["actors"]
' "$TMP/warc-gz.pipe" && t_ok warc-stdin-documents || t_fail warc-stdin-documents "$(head -c 300 "$TMP/warc-gz.pipe")"

# Ingest: the same documents stored from a pipe as from the files by name.
same_store() {  # name files...
  local n=$1; shift
  cat "$@" | "$DYAD" ingest --db "$TMP/$n-pipe.db" - 2> "$TMP/$n-pipe.err"; local rc1=$?
  "$DYAD" ingest --db "$TMP/$n-name.db" "$@" 2> "$TMP/$n-name.err"; local rc2=$?
  for w in pipe name; do
    python3 -c '
import sqlite3,sys
db=sqlite3.connect(sys.argv[1])
for r in db.execute("select id, title, url, published, text from documents order by id"): print(r)
for r in db.execute("select count(*) from events"): print(r)
' "$TMP/$n-$w.db" > "$TMP/$n-$w.rows"
  done
  if [ $rc1 -ne $rc2 ]; then t_fail "ingest-stdin-$n" "exit $rc1 from the pipe, $rc2 by name"
  elif [ ! -s "$TMP/$n-name.rows" ] || [ "$(wc -l < "$TMP/$n-name.rows")" -lt 2 ]; then t_fail "ingest-stdin-$n" "nothing stored"
  elif ! cmp -s "$TMP/$n-pipe.rows" "$TMP/$n-name.rows"; then t_fail "ingest-stdin-$n" "$(diff "$TMP/$n-pipe.rows" "$TMP/$n-name.rows" | head -c 400)"
  else t_ok "ingest-stdin-$n"; fi
}
same_store warc-gz "$TMP/news.warc.gz"
same_store jsonl-gz "$TMP/wire.jsonl.gz" "$TMP/wire2.jsonl.gz"
if ls "$SHARED"/warc/*.warc.gz > /dev/null 2>&1; then
  same_store shared-warc "$SHARED"/warc/*.warc.gz
else echo "skip ingest-stdin-shared-warc: needs ../shared (warc/*.warc.gz)"; fi

# A long archive from a pipe in bounded memory: 4,000 records (about 10 MB)
# through gzip; peak RSS must stay far below the archive's size.
for i in $(seq 1 40); do warc_record resource "https://wire.example.org/$i.txt" "$TMP/story.txt"; done > "$TMP/forty.warc"
for i in $(seq 1 100); do cat "$TMP/forty.warc"; done | gzip -c > "$TMP/big.warc.gz"
# Peak RSS over 4,000 records must be within a few MB of that over 40.
if [ -x /usr/bin/time ]; then
  gzip -c "$TMP/forty.warc" > "$TMP/small.warc.gz"
  rss_small=$( { cat "$TMP/small.warc.gz" | /usr/bin/time -f '%M' "$DYAD" text --count - > /dev/null; } 2>&1 | tail -n 1)
  rss_big=$( { cat "$TMP/big.warc.gz" | /usr/bin/time -f '%M' "$DYAD" text --count - > "$TMP/big.count"; } 2>&1 | tail -n 1)
  t_grep warc-stream-count '^documents 4000 ' "$TMP/big.count"
  [ "$rss_big" -lt $((rss_small + 4096)) ] && t_ok warc-stream-bounded-memory \
    || t_fail warc-stream-bounded-memory "peak RSS ${rss_big} KB for 4000 records, ${rss_small} KB for 40"
else echo "skip warc-stream-bounded-memory: needs /usr/bin/time"; fi

# Corrupt compressed data: an error naming the input and where, exit 1, and
# the documents before the damage are still coded.
head -c $(( $(stat -c %s "$TMP/wire.jsonl.gz") - 12 )) "$TMP/wire.jsonl.gz" > "$TMP/cut.jsonl.gz"
"$DYAD" code "$TMP/cut.jsonl.gz" > "$TMP/cut.out" 2> "$TMP/cut.err"; rc=$?
[ $rc -eq 1 ] && t_ok truncated-gzip-exit-1 || t_fail truncated-gzip-exit-1 "exit $rc"
t_grep truncated-gzip-message "cut\.jsonl\.gz: gzip data truncated at offset [0-9]+" "$TMP/cut.err"

# ------------------------------------------------ refused inputs (issue 18.6)
# Binary data, unknown compressions, empty input: an error naming the file,
# exit 1, no document; the good input beside them is still coded.
python3 -c 'import random,sys; r=random.Random(7); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(5000)))' > "$TMP/random.bin"
{ printf '\004\042\115\030\144\100\247'; head -c 300 "$TMP/random.bin"; } > "$TMP/story.txt.lz4"
gzip -c "$TMP/random.bin" > "$TMP/random.gz"
printf '\377\330\377\340\000\020JFIF\000\001' > "$TMP/photo.jpg"; head -c 2000 "$TMP/random.bin" >> "$TMP/photo.jpg"
: > "$TMP/empty.jsonl"; printf '\n  \n\t\n' > "$TMP/blank.txt"; gzip -c "$TMP/empty.jsonl" > "$TMP/empty.gz"
refused() {  # name file message-regex
  "$DYAD" code "$2" "$TMP/story.txt" > "$TMP/ref.out" 2> "$TMP/ref.err"; local rc=$?
  if [ $rc -ne 1 ]; then t_fail "refused-$1" "exit $rc"
  elif [ "$(wc -l < "$TMP/ref.out")" -ne 1 ]; then t_fail "refused-$1" "$(wc -l < "$TMP/ref.out") records, want the good file's 1"
  elif ! grep -Eq -- "^dyad: $2: $3" "$TMP/ref.err"; then t_fail "refused-$1" "$(cat "$TMP/ref.err")"
  else t_ok "refused-$1"; fi
}
refused random "$TMP/random.bin" 'binary data, not text'
refused lz4 "$TMP/story.txt.lz4" 'lz4-compressed, which dyad does not decode'
refused gzip-of-binary "$TMP/random.gz" 'binary data \(after gzip decompression\)'
refused jpeg "$TMP/photo.jpg" 'binary data'
refused empty "$TMP/empty.jsonl" 'empty input: no document'
refused blank "$TMP/blank.txt" 'empty input: no document'
refused empty-gzip "$TMP/empty.gz" 'empty input \(after gzip decompression\): no document'
"$DYAD" ingest --db "$TMP/refused.db" "$TMP/random.bin" "$TMP/empty.jsonl" 2> "$TMP/ref.err"; rc=$?
n=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from documents").fetchone()[0])' "$TMP/refused.db")
[ $rc -eq 1 ] && [ "$n" = 0 ] && t_ok ingest-stores-no-garbage || t_fail ingest-stores-no-garbage "exit $rc, $n documents stored"
# Latin-1 text and a text with one stray NUL are still text.
printf 'Le pr\351sident fran\347ais a rencontr\351 le chancelier allemand \340 Berlin.\n' > "$TMP/latin1.txt"
"$DYAD" text "$TMP/latin1.txt" > /dev/null 2>&1; [ $? -eq 0 ] && t_ok latin1-is-text || t_fail latin1-is-text "refused"

# -------------------------- messages after a skipped page (issue 18.7)
# A page without article text is skipped; the undated page after it is
# reported with the input's name and its own record's offset, not byte 0.
cat > "$TMP/nav.html" <<'HTML'
<html><head><title>Section index</title></head><body><nav><a href="/a">World</a> <a href="/b">Politics</a></nav></body></html>
HTML
sed '/published_time/d' "$TMP/page.html" > "$TMP/undated.html"
warc_record warcinfo "" "$TMP/info" > "$TMP/r1"
warc_record response https://wire.example.org/section "$TMP/nav.html" > "$TMP/r2"
warc_record response https://wire.example.org/undated "$TMP/undated.html" > "$TMP/r3"
cat "$TMP/r1" "$TMP/r2" "$TMP/r3" > "$TMP/skip.warc"
at=$(( $(stat -c %s "$TMP/r1") + $(stat -c %s "$TMP/r2") ))
"$DYAD" code "$TMP/skip.warc" > /dev/null 2> "$TMP/skip.err"
t_grep warc-message-keeps-name "^dyad: $TMP/skip.warc: record at offset $at: no date in the page; WARC-Date" "$TMP/skip.err"
t_nogrep warc-message-not-byte-0 '^dyad: -: |byte 0:' "$TMP/skip.err"
cat "$TMP/skip.warc" | "$DYAD" code - > /dev/null 2> "$TMP/skip2.err"
t_grep warc-stdin-message-offset "^dyad: -: record at offset $at: no date" "$TMP/skip2.err"
# One gzip stream over the whole archive: the record is named by the
# stream's offset and where it starts in the decompressed data.
gzip -c "$TMP/skip.warc" > "$TMP/skip1.warc.gz"
"$DYAD" code "$TMP/skip1.warc.gz" > /dev/null 2> "$TMP/skip3.err"
t_grep warc-one-gzip-stream-record-offset "^dyad: $TMP/skip1.warc.gz: record at offset 0 [(][+]$at uncompressed[)]: no date" "$TMP/skip3.err"
# With -j 2 the pages are extracted on the workers: the same records, the
# same messages, the page without text still counted as skipped.
"$DYAD" code -j 1 "$TMP/skip.warc" > "$TMP/skip-j1.out" 2> "$TMP/skip-j1.err"
"$DYAD" code -j 2 "$TMP/skip.warc" > "$TMP/skip-j2.out" 2> "$TMP/skip-j2.err"
cmp -s "$TMP/skip-j1.out" "$TMP/skip-j2.out" && t_ok warc-jobs-same-records || t_fail warc-jobs-same-records "-j 2 output differs"
cmp -s "$TMP/skip-j1.err" "$TMP/skip-j2.err" && t_ok warc-jobs-same-messages || t_fail warc-jobs-same-messages "$(diff "$TMP/skip-j1.err" "$TMP/skip-j2.err" | head -3)"
t_grep warc-jobs-skipped-counted "3 records, 1 documents; .* 1 pages without article text" "$TMP/skip-j2.err"

# ------------------------------------- CR-only line endings (issue 18.11)
for kind in lf crlf cr; do
  case $kind in lf) nl='\n' ;; crlf) nl='\r\n' ;; cr) nl='\r' ;; esac
  printf "Seoul and Tokyo agree to resume talks${nl}${nl}SEOUL (Dyad Wire) - South Korea and Japan agreed on Monday to resume talks.${nl}Mr. Park will travel to Tokyo.${nl}${nl}The ministry said so.${nl}" > "$TMP/nl-$kind.txt"
  "$DYAD" text --json "$TMP/nl-$kind.txt" > "$TMP/nl-$kind.json"
  python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
assert d.get("title")=="Seoul and Tokyo agree to resume talks", d.get("title")
assert d["n_sentences"]==3 and d["sentences"][0]["text"].startswith("SEOUL"), d["sentences"]
' "$TMP/nl-$kind.json" && t_ok "headline-$kind" || t_fail "headline-$kind" "$(head -c 300 "$TMP/nl-$kind.json")"
done

# ------------------------------------- a page with no article (issue 17.2)
# An HTML page without article text is an error naming it, exit 1, and the
# page is not stored; the article beside it still is.
"$DYAD" ingest --db "$TMP/page.db" "$TMP/nav.html" "$TMP/page.html" 2> "$TMP/nav.err"; rc=$?
[ $rc -eq 1 ] && t_ok failed-page-exit-1 || t_fail failed-page-exit-1 "exit $rc"
t_grep failed-page-named "^dyad: $TMP/nav.html: no article text found" "$TMP/nav.err"
n=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from documents").fetchone()[0])' "$TMP/page.db")
[ "$n" = 1 ] && t_ok failed-page-not-stored || t_fail failed-page-not-stored "$n documents stored"

# ------------------------------------------- ingest -j N (issue 17.5)
# Coding on threads while one more writes the store: the same store as one
# thread (timestamps aside), in input order, with duplicates, a bad line
# and a document repeated inside one batch.
python3 - "$TMP/many.jsonl" <<'PY'
import json, sys
leaders = [("Kim Jong Un", "Donald Trump", "Panmunjom"), ("Emmanuel Macron", "Olaf Scholz", "Paris"),
           ("Narendra Modi", "Xi Jinping", "Beijing"), ("Recep Tayyip Erdogan", "Vladimir Putin", "Sochi")]
verbs = ["met", "criticised", "praised", "threatened"]
with open(sys.argv[1], "w") as f:
    for i in range(150):
        a, b, place = leaders[i % 4]
        text = f"{a} {verbs[i % 4]} {b} in {place} on Tuesday, officials said. The talks lasted {i + 2} hours."
        f.write(json.dumps({"id": f"m{i}", "published": f"2019-0{1 + i % 9}-1{i % 10}", "text": text}) + "\n")
        if i == 40: f.write("{not json\n")
        if i == 70: f.write(json.dumps({"id": "m69", "text": "A repeat of an id already given."}) + "\n")
PY
for j in 1 2 3; do
  "$DYAD" ingest -q --db "$TMP/j$j.db" -j $j "$TMP/many.jsonl" 2> "$TMP/j$j.err"; echo $? > "$TMP/j$j.rc"
  python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for t in ("documents", "events", "quotes"):
    cols = [r[1] for r in db.execute(f"pragma table_info({t})") if r[1] not in ("ingested_at", "stored_at", "created_at")]
    q = "select " + ",".join(cols) + " from " + t + " order by rowid"
    for r in db.execute(q): print(t, r)
' "$TMP/j$j.db" > "$TMP/j$j.rows"
done
[ "$(cat "$TMP/j1.rc")" = 1 ] && [ "$(cat "$TMP/j2.rc")" = 1 ] && t_ok ingest-jobs-bad-line-exit-1 || t_fail ingest-jobs-bad-line-exit-1 "exit $(cat "$TMP/j1.rc") / $(cat "$TMP/j2.rc")"
# 150 documents and the repeated id with other text kept as m69~2
[ "$(grep -c '^documents' "$TMP/j1.rows")" = 151 ] && grep -q "'m69~2'" "$TMP/j2.rows" && t_ok ingest-jobs-count \
  || t_fail ingest-jobs-count "$(grep -c '^documents' "$TMP/j1.rows") documents"
cmp -s "$TMP/j1.rows" "$TMP/j2.rows" && cmp -s "$TMP/j1.rows" "$TMP/j3.rows" && t_ok ingest-jobs-same-store \
  || t_fail ingest-jobs-same-store "$(diff "$TMP/j1.rows" "$TMP/j2.rows" | head -c 400)"
grep -q "many.jsonl:42: invalid JSON" "$TMP/j2.err" && t_ok ingest-jobs-error-named || t_fail ingest-jobs-error-named "$(cat "$TMP/j2.err")"
# dyad code -j: byte-identical records, in input order
"$DYAD" code -j 1 "$TMP/many.jsonl" > "$TMP/c1.out" 2>/dev/null
"$DYAD" code -j 2 "$TMP/many.jsonl" > "$TMP/c2.out" 2>/dev/null
cmp -s "$TMP/c1.out" "$TMP/c2.out" && [ "$(wc -l < "$TMP/c1.out")" = 151 ] && t_ok code-jobs-same-records || t_fail code-jobs-same-records "$(wc -l < "$TMP/c1.out") / $(wc -l < "$TMP/c2.out") lines"
