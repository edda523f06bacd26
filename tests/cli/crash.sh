# Crash safety and concurrency of the store, with real `dyad ingest` runs
# over generated wire stories (tests/crash/gen_docs.py):
#   - SIGKILL at random moments: PRAGMA integrity_check (and the FTS
#     indexes') ok, no half-stored document, the re-run completes, and the
#     final store equals one uninterrupted ingest (a canonical dump of
#     documents, events and reports, free of row ids and timestamps);
#   - two writers on one store at once: both finish, every document once;
#   - a read-only store file: ingest refused at once, the file unchanged;
#   - a full disk (a file size limit): a clear error, exit 1, no corruption,
#     and a later run completes it;
#   - a store from a newer schema and a file that is not SQLite: refused
#     with a clear message and left as they were.
# CRASH_DOCS (default 1200) and CRASH_TRIALS (default 3) size it; the full
# run of the issue is tests/crash/full.sh (10 trials, 5,000 documents).
. tests/cli/lib.sh

N=${CRASH_DOCS:-1200}
TRIALS=${CRASH_TRIALS:-3}
sq() { sqlite3 -batch "$@"; }
python3 tests/crash/gen_docs.py "$N" > "$TMP/docs.jsonl"
python3 tests/crash/gen_docs.py 300 11 | sed 's/"gen-/"other-/' > "$TMP/other.jsonl"

# Everything a store says, without what depends on when or in what row.
DUMP="SELECT 'doc', id, title, pubdate, pubdate_precision, source_key, content_hash, length(text),
        n_sentences, n_entities, n_mentions, n_timexes, n_quotes, n_events FROM documents ORDER BY id;
      SELECT 'report', doc_id, i, sentence, date, date_precision, source_code, target_code, cameo, negated,
        source_text, target_text, verb_text, flags, confidence FROM reports_view ORDER BY doc_id, i;
      SELECT 'event', e.date, e.date_precision, e.source_code, e.target_code, e.cameo, e.negated, e.goldstein,
        e.n_reports, e.n_articles, e.n_sources, d.id FROM events e JOIN documents d ON d.docno = e.first_doc
        ORDER BY d.id, e.cameo, e.source_code, e.target_code;
      SELECT 'quote', d.id, q.i, q.text, q.speaker_code, q.date FROM quotes q JOIN documents d ON d.docno = q.doc
        ORDER BY d.id, q.i;
      SELECT 'fts', count(*) FROM docs_fts WHERE docs_fts MATCH 'talks';"
INCOMPLETE="SELECT count(*) FROM documents d WHERE
  n_sentences <> (SELECT count(*) FROM sentences x WHERE x.doc = d.docno)
  OR n_mentions <> (SELECT count(*) FROM mentions x WHERE x.doc = d.docno)
  OR n_quotes <> (SELECT count(*) FROM quotes x WHERE x.doc = d.docno)
  OR n_events <> (SELECT count(*) FROM event_reports x WHERE x.doc = d.docno)"
healthy() {  # DB: integrity of the file, the FTS indexes, and whole documents
  [ "$(sq "$1" 'PRAGMA integrity_check')" = ok ] &&
  sq "$1" "INSERT INTO docs_fts(docs_fts) VALUES('integrity-check'); INSERT INTO quotes_fts(quotes_fts) VALUES('integrity-check');" &&
  [ "$(sq "$1" "$INCOMPLETE")" = 0 ]
}

# ---------------------------------------------------------------- reference
"$DYAD" ingest -q --batch 20 --db "$TMP/ref.db" "$TMP/docs.jsonl"; rc=$?
[ $rc -eq 0 ] && [ "$(sq "$TMP/ref.db" 'SELECT count(*) FROM documents')" = "$N" ] && t_ok crash-reference-ingest \
  || t_fail crash-reference-ingest "rc=$rc"
sq "$TMP/ref.db" "$DUMP" > "$TMP/ref.dump"
[ "$(grep -c '^event|' "$TMP/ref.dump")" -gt "$N" ] && t_ok crash-reference-has-events || t_fail crash-reference-has-events "few events"

# ---------------------------------------------------------------- SIGKILL
killed_mid=0 healthy_all=1 equal_all=1 report=""
for trial in $(seq 1 "$TRIALS"); do
  db="$TMP/kill$trial.db"
  # A random moment inside the run: once a random share (10-90%) of the
  # documents is committed (the machine's speed does not matter), then a
  # random 0-40 ms more, inside a batch or a commit; a second kill in half
  # the trials, during the re-run.
  kills=$(( 1 + trial % 2 ))
  for k in $(seq 1 $kills); do
    "$DYAD" ingest -q --batch 20 --db "$db" "$TMP/docs.jsonl" 2>/dev/null &
    pid=$!
    have=$(sq "$db" 'SELECT count(*) FROM documents' 2>/dev/null || echo 0)
    target=$(( ${have:-0} + (N - ${have:-0}) * (10 + RANDOM % 80) / 100 ))
    while kill -0 "$pid" 2>/dev/null; do
      n=$(sq "$db" 'SELECT count(*) FROM documents' 2>/dev/null || echo 0)
      [ "${n:-0}" -ge "$target" ] && break
      sleep 0.01
    done
    ms=$((RANDOM % 40))
    sleep "0.0$(printf '%02d' $ms)"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    healthy "$db" || healthy_all=0
  done
  stored=$(sq "$db" 'SELECT count(*) FROM documents' 2>/dev/null || echo 0)
  [ "${stored:-0}" -lt "$N" ] && killed_mid=$((killed_mid + 1))
  "$DYAD" ingest -q --batch 20 --db "$db" "$TMP/docs.jsonl"; rc=$?
  sq "$db" "$DUMP" > "$TMP/kill.dump"
  if [ $rc -eq 0 ] && cmp -s "$TMP/kill.dump" "$TMP/ref.dump"; then same=yes; else same=no; equal_all=0; fi
  healthy "$db" || healthy_all=0
  report="$report [trial $trial: $kills kill(s), the last ${ms} ms after $target stored; $stored of $N stored; rerun rc=$rc, equal=$same]"
done
echo "# sigkill trials:$report"
[ $healthy_all = 1 ] && t_ok crash-sigkill-integrity || t_fail crash-sigkill-integrity "a killed store failed a check:$report"
[ $equal_all = 1 ] && t_ok crash-sigkill-rerun-equals-uninterrupted || t_fail crash-sigkill-rerun-equals-uninterrupted "$report"
[ $killed_mid -ge 1 ] && t_ok crash-sigkill-mid-run || t_fail crash-sigkill-mid-run "no kill landed before the end:$report"

# ---------------------------------------------------------------- two writers
"$DYAD" ingest -q --batch 20 --db "$TMP/two.db" "$TMP/docs.jsonl" 2> "$TMP/w1.err" &
p1=$!
"$DYAD" ingest -q --batch 20 --db "$TMP/two.db" "$TMP/other.jsonl" "$TMP/docs.jsonl" 2> "$TMP/w2.err" &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
total=$((N + 300))
[ $r1 -eq 0 ] && [ $r2 -eq 0 ] && t_ok crash-two-writers-finish || t_fail crash-two-writers-finish "rc $r1 $r2: $(cat "$TMP/w1.err" "$TMP/w2.err" | head -3)"
[ "$(sq "$TMP/two.db" 'SELECT count(*) || "/" || count(DISTINCT content_hash) FROM documents')" = "$total/$total" ] \
  && [ "$(sq "$TMP/two.db" "SELECT count(*) FROM documents WHERE id LIKE '%~%'")" = 0 ] && healthy "$TMP/two.db" \
  && t_ok crash-two-writers-each-document-once || t_fail crash-two-writers-each-document-once "$(sq "$TMP/two.db" 'SELECT count(*) FROM documents')"
sq "$TMP/two.db" "DELETE FROM documents WHERE id LIKE 'other-%'" > /dev/null 2>&1
# (the events of the two writers interleave differently; counts are checked, not the dump)

# ---------------------------------------------------------------- read-only store file
cp "$TMP/ref.db" "$TMP/ro.db"
chmod 444 "$TMP/ro.db"
sum=$(md5sum < "$TMP/ro.db")
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null; then
  chmod 755 "$TMP"
  setpriv --reuid=65534 --regid=65534 --clear-groups "$DYAD" ingest --db "$TMP/ro.db" "$TMP/other.jsonl" 2> "$TMP/ro.err"; rc=$?
  setpriv --reuid=65534 --regid=65534 --clear-groups "$DYAD" events --db "$TMP/ro.db" --json --limit 5 > "$TMP/ro.out" 2>&1; rq=$?
else
  "$DYAD" ingest --db "$TMP/ro.db" "$TMP/other.jsonl" 2> "$TMP/ro.err"; rc=$?
  "$DYAD" events --db "$TMP/ro.db" --json --limit 5 > "$TMP/ro.out" 2>&1; rq=$?
fi
[ $rc -eq 1 ] && grep -q 'read-only here' "$TMP/ro.err" && [ "$(md5sum < "$TMP/ro.db")" = "$sum" ] \
  && t_ok crash-readonly-ingest-refused || t_fail crash-readonly-ingest-refused "rc=$rc $(head -3 "$TMP/ro.err")"
[ $rq -eq 0 ] && [ "$(wc -l < "$TMP/ro.out")" = 5 ] && t_ok crash-readonly-queries || t_fail crash-readonly-queries "rc=$rq $(head -3 "$TMP/ro.out")"

# ---------------------------------------------------------------- full disk
# A file size limit (KiB) well under what the corpus needs: the write that
# crosses it fails (EFBIG) as on a full disk.
limit=$(( $(stat -c %s "$TMP/ref.db") / 1024 / 3 ))
(ulimit -f "$limit"; exec "$DYAD" ingest -q --batch 20 --db "$TMP/full.db" "$TMP/docs.jsonl") > /dev/null 2> "$TMP/full.err"; rc=$?
[ $rc -eq 1 ] && grep -Eq 'File too large|No space left' "$TMP/full.err" \
  && grep -q 'run again' "$TMP/full.err" && t_ok crash-full-disk-clear-error \
  || t_fail crash-full-disk-clear-error "rc=$rc $(head -c 400 "$TMP/full.err")"
healthy "$TMP/full.db" && t_ok crash-full-disk-no-corruption || t_fail crash-full-disk-no-corruption "check failed"
stored=$(sq "$TMP/full.db" 'SELECT count(*) FROM documents')
"$DYAD" ingest -q --batch 20 --db "$TMP/full.db" "$TMP/docs.jsonl"; rc=$?
sq "$TMP/full.db" "$DUMP" > "$TMP/full.dump"
[ $rc -eq 0 ] && [ "$stored" -lt "$N" ] && cmp -s "$TMP/full.dump" "$TMP/ref.dump" && t_ok crash-full-disk-rerun-completes \
  || t_fail crash-full-disk-rerun-completes "rc=$rc, $stored stored before"

# ---------------------------------------------------------------- newer schema, not SQLite
cp "$TMP/ref.db" "$TMP/new.db"
sq "$TMP/new.db" 'PRAGMA user_version = 99'
sum=$(md5sum < "$TMP/new.db")
"$DYAD" events --db "$TMP/new.db" > /dev/null 2> "$TMP/new.err"; r1=$?
"$DYAD" ingest --db "$TMP/new.db" "$TMP/other.jsonl" > /dev/null 2> "$TMP/new2.err"; r2=$?
[ $r1 -eq 1 ] && [ $r2 -eq 1 ] && grep -q 'schema version 99; this dyad knows up to 4 (a newer dyad wrote it' "$TMP/new.err" \
  && grep -q 'schema version 99' "$TMP/new2.err" && [ "$(md5sum < "$TMP/new.db")" = "$sum" ] \
  && t_ok crash-newer-schema-refused || t_fail crash-newer-schema-refused "rc $r1 $r2: $(cat "$TMP/new.err" "$TMP/new2.err")"
head -c 50000 "$TMP/docs.jsonl" > "$TMP/notsqlite.db"
sum=$(md5sum < "$TMP/notsqlite.db")
"$DYAD" events --db "$TMP/notsqlite.db" > /dev/null 2> "$TMP/ns.err"; r1=$?
"$DYAD" ingest --db "$TMP/notsqlite.db" "$TMP/other.jsonl" > /dev/null 2> "$TMP/ns2.err"; r2=$?
[ $r1 -eq 1 ] && [ $r2 -eq 1 ] && grep -q "$TMP/notsqlite.db: not a dyad store" "$TMP/ns.err" \
  && grep -q 'not a dyad store' "$TMP/ns2.err" && [ "$(md5sum < "$TMP/notsqlite.db")" = "$sum" ] \
  && t_ok crash-not-sqlite-refused || t_fail crash-not-sqlite-refused "rc $r1 $r2: $(cat "$TMP/ns.err" "$TMP/ns2.err")"
