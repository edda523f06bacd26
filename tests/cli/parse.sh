# CLI tests of `dyad parse` and `dyad train`: CoNLL-U output, the --eval
# line, training a tiny treebank from the command line, broken model files.
. tests/cli/lib.sh

TINY=tests/fixtures/syntax/tiny.conllu

# CoNLL-U of a written sentence with the committed models.
printf 'Headline\n\nThe embassy was attacked by protesters on Sunday.\n' > "$TMP/a.txt"
"$DYAD" parse "$TMP/a.txt" > "$TMP/a.conllu"; rc=$?
[ $rc -eq 0 ] && t_ok parse-exit-0 || t_fail parse-exit-0 "exit $rc"
t_grep parse-newdoc '^# newdoc id = ' "$TMP/a.conllu"
t_grep parse-text '^# text = The embassy was attacked by protesters on Sunday\.$' "$TMP/a.conllu"
t_grep parse-passive-subject '^2	embassy	embassy	NOUN	NN	_	4	nsubj:pass	' "$TMP/a.conllu"
t_grep parse-agent '^6	protesters	protester	NOUN	NNS	_	4	obl:agent	' "$TMP/a.conllu"
t_grep parse-root '^4	attacked	attack	VERB	VBN	_	0	root	' "$TMP/a.conllu"
awk -F'\t' 'NF && !/^#/ && NF != 10 { bad = 1 } END { exit bad }' "$TMP/a.conllu" \
  && t_ok parse-ten-columns || t_fail parse-ten-columns "$(head -c 300 "$TMP/a.conllu")"

# --eval: exactly one line in the agreed format.
"$DYAD" parse --eval "$TINY" > "$TMP/e.txt"; rc=$?
[ $rc -eq 0 ] && t_ok eval-exit-0 || t_fail eval-exit-0 "exit $rc"
t_grep eval-line '^UPOS [01]\.[0-9]{4} XPOS [01]\.[0-9]{4} LEMMA [01]\.[0-9]{4} UAS [01]\.[0-9]{4} LAS [01]\.[0-9]{4} sentences 20 tokens 134$' "$TMP/e.txt"
[ "$(wc -l < "$TMP/e.txt")" -eq 1 ] && t_ok eval-one-line || t_fail eval-one-line "$(cat "$TMP/e.txt")"
"$DYAD" parse --eval "$TINY" --tokenize > "$TMP/t.txt"
t_grep eval-tokenize-line 'sentences 20 tokens 134$' "$TMP/t.txt"
"$DYAD" parse --eval "$TMP/none.conllu" > /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] && t_ok eval-missing-exit-1 || t_fail eval-missing-exit-1 "exit $rc"
t_grep eval-missing-message 'none\.conllu' "$TMP/err"
printf '1\tword\n\n' > "$TMP/bad.conllu"
"$DYAD" parse --eval "$TMP/bad.conllu" > /dev/null 2> "$TMP/err"
t_grep eval-bad-line 'bad\.conllu:1: 2 fields, CoNLL-U has 10' "$TMP/err"

# Training from the command line: the tiny treebank, learnt to 100%.
mkdir -p "$TMP/data/syntax"
"$DYAD" train tagger --train "$TINY" --dev "$TINY" -o "$TMP/data/syntax/tagger.bin" --iters 15 --bits 14 --min-count 1 -q 2> "$TMP/err"; rc=$?
[ $rc -eq 0 ] && t_ok train-tagger || t_fail train-tagger "exit $rc: $(cat "$TMP/err")"
"$DYAD" train parser --train "$TINY" --dev "$TINY" --tagger "$TMP/data/syntax/tagger.bin" \
  -o "$TMP/data/syntax/parser.bin" --iters 15 --jackknife 0 --bits 14 --label-bits 12 -q 2> "$TMP/err"; rc=$?
[ $rc -eq 0 ] && t_ok train-parser || t_fail train-parser "exit $rc: $(cat "$TMP/err")"
"$DYAD" parse --data "$TMP/data" --eval "$TINY" > "$TMP/e2.txt"
t_grep train-tiny-parsed 'UAS 1\.0000 LAS 1\.0000 sentences 20' "$TMP/e2.txt"
"$DYAD" train parser --train "$TINY" > /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 2 ] && t_ok train-usage-exit-2 || t_fail train-usage-exit-2 "exit $rc"
"$DYAD" train tagger --train "$TINY" -o "$TMP/x.bin" --iters 0 > /dev/null 2> "$TMP/err"
t_grep train-bad-iters "iters: '0' is not a number" "$TMP/err"

# A broken model file is refused at load, naming the file, exit 1.
head -c 100 "$TMP/data/syntax/parser.bin" > "$TMP/p" && mv "$TMP/p" "$TMP/data/syntax/parser.bin"
"$DYAD" parse --data "$TMP/data" "$TMP/a.txt" > /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] && t_ok truncated-model-exit-1 || t_fail truncated-model-exit-1 "exit $rc"
t_grep truncated-model-message 'parser\.bin: parser model truncated' "$TMP/err"

# Without models: guessed tags, no parse (heads and labels "_").
mkdir -p "$TMP/empty"
"$DYAD" parse --data "$TMP/empty" "$TMP/a.txt" > "$TMP/g.conllu"; rc=$?
[ $rc -eq 0 ] && t_ok no-model-exit-0 || t_fail no-model-exit-0 "exit $rc"
t_grep no-model-guessed '^4	attacked	attack	VERB	VBD	_	_	_	' "$TMP/g.conllu"
