/*
 * conllu.c - read a CoNLL-U treebank: the syntactic words of each sentence
 * (multiword-token ranges "3-4" and empty nodes "5.1" are skipped, as the
 * CoNLL 2018 evaluation does), their form, lemma, UPOS, XPOS, head and
 * label, SpaceAfter=No, and the `# text =` line.  A malformed line stops
 * the read with "FILE:LINE: what is wrong".
 */
#include "syntax.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static uint32_t put_str(syn_treebank *tb, const char *s, size_t n)
{
    if (tb->str_len + n + 1 > tb->str_cap) {
        size_t cap = tb->str_cap ? tb->str_cap : 1 << 20;
        while (cap < tb->str_len + n + 1) cap *= 2;
        char *p = realloc(tb->str, cap);
        if (!p) abort();
        tb->str = p; tb->str_cap = cap;
    }
    uint32_t at = (uint32_t)tb->str_len;
    memcpy(tb->str + at, s, n);
    tb->str[at + n] = 0;
    tb->str_len += n + 1;
    return at;
}

#define GROW(field, cap, need) ((field) = dyad_grow((field), &(cap), (need), sizeof *(field)))

static void grow_words(syn_treebank *tb, uint32_t need)
{
    if (need <= tb->cap_word) return;
    uint32_t c;
    c = tb->cap_word; GROW(tb->form_off, c, need);
    c = tb->cap_word; GROW(tb->form_len, c, need);
    c = tb->cap_word; GROW(tb->lemma_off, c, need);
    c = tb->cap_word; GROW(tb->lemma_len, c, need);
    c = tb->cap_word; GROW(tb->upos, c, need);
    c = tb->cap_word; GROW(tb->xpos, c, need);
    c = tb->cap_word; GROW(tb->deprel, c, need);
    c = tb->cap_word; GROW(tb->head, c, need);
    c = tb->cap_word; GROW(tb->space_after, c, need);
    tb->cap_word = c;
}

static void grow_sents(syn_treebank *tb, uint32_t need)
{
    if (need <= tb->cap_sent) return;
    uint32_t c;
    c = tb->cap_sent; GROW(tb->sent, c, need);
    c = tb->cap_sent; GROW(tb->text_off, c, need);
    c = tb->cap_sent; GROW(tb->text_len, c, need);
    tb->cap_sent = c;
}

static int end_sentence(syn_treebank *tb, uint32_t first, const char *path, unsigned long line, char *err, size_t errlen)
{
    uint32_t n = tb->n_word - first;
    if (!n) return 0;
    for (uint32_t i = first; i < tb->n_word; i++)
        if (tb->head[i] >= (int32_t)n) {
            snprintf(err, errlen, "%s:%lu: head %d of word %u is beyond the sentence's %u words",
                     path, line, tb->head[i] + 1, i - first + 1, n);
            return -1;
        }
    grow_sents(tb, tb->n_sent + 2);
    tb->n_sent++;
    tb->sent[tb->n_sent] = tb->n_word;
    return 0;
}

int syn_treebank_read(const char *path, syn_treebank *tb, char *err, size_t errlen)
{
    memset(tb, 0, sizeof *tb);
    FILE *f = fopen(path, "r");
    if (!f) { snprintf(err, errlen, "%s: %s", path, strerror(errno)); return -1; }
    grow_sents(tb, 2);
    tb->sent[0] = 0;
    tb->text_off[0] = tb->text_len[0] = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    unsigned long lineno = 0;
    uint32_t first = 0;
    int rc = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r')) line[--got] = 0;
        if (!got) {
            if ((rc = end_sentence(tb, first, path, lineno, err, errlen))) break;
            first = tb->n_word;
            tb->text_len[tb->n_sent] = 0;
            continue;
        }
        if (line[0] == '#') {
            if (!strncmp(line, "# text = ", 9)) {
                tb->text_off[tb->n_sent] = put_str(tb, line + 9, (size_t)got - 9);
                tb->text_len[tb->n_sent] = (uint32_t)(got - 9);
            }
            continue;
        }
        char *field[10];
        int nf = 0;
        for (char *p = line; nf < 10; ) {
            field[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab) break;
            *tab = 0;
            p = tab + 1;
        }
        if (nf != 10) { snprintf(err, errlen, "%s:%lu: %d fields, CoNLL-U has 10", path, lineno, nf); rc = -1; break; }
        if (strchr(field[0], '-') || strchr(field[0], '.')) continue;
        char *end;
        long id = strtol(field[0], &end, 10);
        if (*end || id != (long)(tb->n_word - first) + 1) {
            snprintf(err, errlen, "%s:%lu: word id '%s', expected %u", path, lineno, field[0], tb->n_word - first + 1);
            rc = -1; break;
        }
        long head = strtol(field[6], &end, 10);
        if (*end || head < 0) {
            if (strcmp(field[6], "_")) {
                snprintf(err, errlen, "%s:%lu: head '%s' is not a number", path, lineno, field[6]);
                rc = -1; break;
            }
            head = 0;
        }
        grow_words(tb, tb->n_word + 1);
        uint32_t i = tb->n_word++;
        tb->form_len[i] = (uint32_t)strlen(field[1]);
        tb->form_off[i] = put_str(tb, field[1], tb->form_len[i]);
        tb->lemma_len[i] = (uint32_t)strlen(field[2]);
        tb->lemma_off[i] = put_str(tb, field[2], tb->lemma_len[i]);
        tb->upos[i] = (uint8_t)dyad_upos_from_name(field[3], strlen(field[3]));
        tb->xpos[i] = (uint8_t)dyad_xpos_from_name(field[4], strlen(field[4]));
        tb->head[i] = (int32_t)head - 1;
        tb->deprel[i] = (uint8_t)dyad_deprel_from_name(field[7], strlen(field[7]));
        tb->space_after[i] = !strstr(field[9], "SpaceAfter=No");
    }
    if (!rc && ferror(f)) { snprintf(err, errlen, "%s: read error", path); rc = -1; }
    if (!rc) rc = end_sentence(tb, first, path, lineno, err, errlen);
    free(line);
    fclose(f);
    if (rc) syn_treebank_free(tb);
    return rc;
}

void syn_treebank_free(syn_treebank *tb)
{
    free(tb->sent); free(tb->text_off); free(tb->text_len);
    free(tb->form_off); free(tb->form_len); free(tb->lemma_off); free(tb->lemma_len);
    free(tb->upos); free(tb->xpos); free(tb->deprel); free(tb->head); free(tb->space_after);
    free(tb->str);
    memset(tb, 0, sizeof *tb);
}

syn_word *syn_treebank_words(const syn_treebank *tb)
{
    syn_word *w = calloc(tb->n_word ? tb->n_word : 1, sizeof *w);
    if (!w) abort();
    for (uint32_t i = 0; i < tb->n_word; i++) syn_word_init(&w[i], tb->str + tb->form_off[i], tb->form_len[i]);
    return w;
}
