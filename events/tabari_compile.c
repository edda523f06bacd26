/*
 * tabari_compile.c - the field's TABARI / PETRARCH verb dictionaries
 * compiled into dyad's own pattern model (events/model.h), so that
 * events/coder.c codes with them as with data/events/verbs/.
 *
 * Contract: events_from_tabari(data_dir, verbs) returns a model with the
 * ontology of data_dir and one dyad verb block per verb word of the
 * dictionary (its root, its declared forms, and for a stem root that ends
 * in a consonant the root with an "e": HAGGL -> haggle, RESTOR -> restore), holding every
 * pattern of the verb's block.  Patterns are translated into dyad's
 * elements, as text in docs/verbs-format.md read by the same loader
 * (verbs_load_text):
 *
 *   *              the verb; words of a multi-word verb after its head
 *                  become the first elements
 *   WORD_ / WORD=  that word
 *   STEM           "stem*": any word starting with it (TABARI's rule)
 *   &SYN           a set @S<n> of the synset's member phrases
 *   { A | B C }    a set @A<n> of the alternatives
 *   +              the target;  ^  ".."
 *   blank          "..." between elements not joined by '_' (words may come
 *                  in between: up to twelve that are not actors, in the sentence)
 *   no +           a twin pattern ending "... +": TABARI's target is then the
 *                  first actor after the match
 *   $ after the verb (and a BY before it): dropped: dyad takes the source
 *                  from the clause (subject, passive agent)
 *
 * Left out, and counted in the model's unusable lines: patterns with words
 * before the verb (dyad's patterns read rightwards from it), [---] null,
 * [###] and [+++] codes, codes that are not in the CAMEO ontology.  The
 * reversed event of a paired code [A:B] is not made.
 */
#include "tabari_compile.h"
#include "model.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    FILE *sets, *verbs;
    uint32_t n_alt;
    long dropped;
} out_t;

static void put_lower(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '_' || *s == '=') continue;
        fputc(tolower((unsigned char)*s), f);
    }
}

/* One pattern word: an exact word, or a stem's forms. */
static void put_word(FILE *f, const tabari_elem *e)
{
    /* a word written with '_' after it is whole, also when '_' joins it on */
    if (e->kind == TABARI_EL_WORD || (e->flags & TABARI_EF_EXACT)) { put_lower(f, e->text); return; }
    int letters = 1;
    for (const char *c = e->text; *c; c++) letters &= isalpha((unsigned char)*c) || *c == '\'';
    put_lower(f, e->text);
    if (letters) { fputc('*', f); return; }   /* TABARI: any word that starts with the stem */
    fputs("~|", f);                          /* "anti-": dyad's tokens split it; its forms */
    put_lower(f, e->text); fputs("ed|", f);
    put_lower(f, e->text); fputs("ing", f);
}

/* A phrase as a set member: words by blanks, the last one pluralised
 * unless it is exact. */
static void put_member(FILE *f, const tabari_phrase *ph, int noplural)
{
    for (uint32_t i = 0; i < ph->nwords; i++) {
        if (i) fputc(' ', f);
        put_lower(f, ph->words[i].text);
    }
    if (ph->nwords && !noplural && ph->words[ph->nwords - 1].kind == TABARI_EL_STEM &&
        !(ph->words[ph->nwords - 1].flags & TABARI_EF_EXACT))
        fputc('~', f);
}

/* One word-like element (word, stem, synset, { | }) into f; -1 if it is none. */
static int put_literal(out_t *o, const tabari_verbs *v, const tabari_pattern *p, uint32_t *i, FILE *f);

/* The elements of p after its verb, in dyad's syntax, into buf; -1 when
 * the pattern cannot be expressed. */
static int render_after(out_t *o, const tabari_verbs *v, const tabari_pattern *p, const tabari_phrase *verb,
                        uint32_t head, FILE *f)
{
    int joined = 1;                            /* the previous element was joined to this one */
    for (uint32_t i = head + 1; i < verb->nwords; i++) {
        fputc(' ', f);
        if (!(verb->words[i - 1].flags & TABARI_EF_JOIN)) fputs("... ", f);
        put_word(f, &verb->words[i]);
    }
    joined = verb->nwords > 0 ? (verb->words[verb->nwords - 1].flags & TABARI_EF_JOIN) != 0 : 0;
    if (p->elems[p->verb_at].flags & TABARI_EF_JOIN) joined = 1;
    for (uint32_t i = p->verb_at + 1; i < p->nelems; i++) {
        const tabari_elem *e = &p->elems[i];
        if (e->kind == TABARI_EL_SOURCE) break;                 /* source from the clause */

        if (e->kind == TABARI_EL_NP_OPEN || e->kind == TABARI_EL_PP_OPEN) return -1;
        fputc(' ', f);
        if (!joined) fputs("... ", f);
        if (e->kind == TABARI_EL_TARGET) fputc('+', f);
        else if (e->kind == TABARI_EL_COMPOUND) fputc('%', f);
        else if (e->kind == TABARI_EL_SKIP) fputs("..", f);
        else if (put_literal(o, v, p, &i, f)) return -1;
        e = &p->elems[i];
        joined = (e->flags & TABARI_EF_JOIN) != 0;
    }
    return 0;
}

/* Can dyad read the pattern? */
/* TABARI's own codes with a letter (075A, 174K) read as "other": they are
 * event codes of the dictionary. */
static int is_code(const tabari_evcode *c)
{
    if (c->kind == TABARI_CODE_EVENT) return 1;
    if (c->kind != TABARI_CODE_OTHER || !c->text || !isdigit((unsigned char)c->text[0]) || strlen(c->text) > 6) return 0;
    for (const char *t = c->text; *t; t++)
        if (!isalnum((unsigned char)*t)) return 0;
    return 1;
}

static int expressible(const tabari_pattern *p)
{
    return (is_code(&p->code) || p->code.kind == TABARI_CODE_NULL) && !(p->flags & TABARI_PF_GROUPS);
}


/* The elements before the verb, leftwards-matched by the coder: words,
 * synsets, alternatives, + and ^; $ and % are the clause's subject. */
static int render_before(out_t *o, const tabari_verbs *v, const tabari_pattern *p, FILE *f)
{
    int any = 0, joined = 1;
    for (uint32_t i = 0; i < p->verb_at; i++) {
        const tabari_elem *e = &p->elems[i];
        if (e->kind == TABARI_EL_SOURCE) {
            if (any) joined = 0;
            continue;
        }
        if (any && !joined) fputs(" ...", f);
        fputc(' ', f);
        if (e->kind == TABARI_EL_TARGET) fputc('+', f);
        else if (e->kind == TABARI_EL_COMPOUND) fputc('%', f);
        else if (e->kind == TABARI_EL_SKIP) fputs("..", f);
        else if (put_literal(o, v, p, &i, f)) return -1;
        any = 1;
        joined = (p->elems[i].flags & TABARI_EF_JOIN) != 0;
    }
    if (any && !joined) fputs(" ...", f);
    return 0;
}

static int put_literal(out_t *o, const tabari_verbs *v, const tabari_pattern *p, uint32_t *ip, FILE *f)
{
    uint32_t i = *ip;
    const tabari_elem *e = &p->elems[i];
    switch (e->kind) {
    case TABARI_EL_WORD: case TABARI_EL_STEM: put_word(f, e); break;
    case TABARI_EL_SYNSET: {
        if (e->synset < 0) return -1;
        const tabari_synset *s = &v->synsets[e->synset];
        fprintf(o->sets, "@S%u ", o->n_alt);
        for (uint32_t m = 0; m < s->nmembers; m++) {
            if (m) fputs(" | ", o->sets);
            put_member(o->sets, &v->members[s->first_member + m], s->noplural || (e->flags & TABARI_EF_EXACT));
        }
        fputc('\n', o->sets);
        fprintf(f, "@S%u", o->n_alt++);
        break;
    }
    case TABARI_EL_ALT_OPEN: {
        fprintf(o->sets, "@A%u ", o->n_alt);
        int words = 0;
        for (i++; i < p->nelems && p->elems[i].kind != TABARI_EL_ALT_CLOSE; i++) {
            const tabari_elem *a = &p->elems[i];
            if (a->kind == TABARI_EL_ALT_OR) { fputs(" | ", o->sets); words = 0; continue; }
            /* a synset alone in its alternative: its members are alternatives */
            if (a->kind == TABARI_EL_SYNSET && !words && a->synset >= 0 && i + 1 < p->nelems &&
                (p->elems[i + 1].kind == TABARI_EL_ALT_OR || p->elems[i + 1].kind == TABARI_EL_ALT_CLOSE)) {
                const tabari_synset *sy = &v->synsets[a->synset];
                for (uint32_t m = 0; m < sy->nmembers; m++) {
                    if (m) fputs(" | ", o->sets);
                    put_member(o->sets, &v->members[sy->first_member + m], sy->noplural || (a->flags & TABARI_EF_EXACT));
                }
                words++;
                continue;
            }
            if (a->kind != TABARI_EL_WORD && a->kind != TABARI_EL_STEM) return -1;
            if (words++) fputc(' ', o->sets);
            put_lower(o->sets, a->text);
            int last = i + 1 >= p->nelems || p->elems[i + 1].kind == TABARI_EL_ALT_OR ||
                       p->elems[i + 1].kind == TABARI_EL_ALT_CLOSE;
            if (last && a->kind == TABARI_EL_STEM && !(a->flags & (TABARI_EF_EXACT | TABARI_EF_JOIN)))
                fputc('~', o->sets);                 /* only a phrase's last word has a plural */
        }
        fputc('\n', o->sets);
        fprintf(f, "@A%u", o->n_alt++);
        if (i >= p->nelems) return -1;
        break;
    }
    default: return -1;
    }
    *ip = i;
    return 0;
}

/* The verb words to make dyad blocks of: head, declared forms, stem + e. */
static int verb_words(const tabari_verbs *v, const tabari_verb *vb, uint32_t head, char words[][64], int max)
{
    int n = 0;
    const tabari_elem *h = &vb->phrase.words[head];
    snprintf(words[n++], 64, "%s", h->text);
    for (uint32_t i = 0; i < vb->nforms && n < max; i++) {
        const char *form = v->forms[vb->first_form + i];
        if (strchr(form, ' ')) continue;                   /* multi-word forms: the head only */
        snprintf(words[n++], 64, "%s", form);
    }
    size_t l = strlen(h->text);
    if (h->kind == TABARI_EL_STEM && !(h->flags & TABARI_EF_EXACT) && l >= 3 && n < max &&
        !strchr("AEIOUY", h->text[l - 1]))
        snprintf(words[n++], 64, "%se", h->text);
    for (int i = 0; i < n; i++) {
        char *w = words[i], *q = w;
        for (char *c = w; *c; c++)
            if (*c != '_' && *c != '=') *q++ = (char)tolower((unsigned char)*c);
        *q = 0;
    }
    return n;
}

static void put_code(FILE *f, const tabari_evcode *c, const tabari_evcode *pair)
{
    fprintf(f, "%s", c->kind == TABARI_CODE_NULL ? "---" : c->text);
    if (is_code(c) && pair && pair->text && is_code(pair)) fprintf(f, ":%s", pair->text);
    if (is_code(c) && c->mod) fputc(c->mod == TABARI_CM_DOMINANT ? '!' : '?', f);
}

static int cmp_code(const void *a, const void *b)
{
    return strcmp(((const cameo_entry *)a)->code, ((const cameo_entry *)b)->code);
}

/* Codes the dictionary uses that CAMEO has not (TABARI's own 075A, the
 * suite's 903) and the null code join the ontology, with no Goldstein
 * score or quad class: the dictionary is the authority on its codes. */
static void add_codes(events_model *m, const tabari_verbs *v)
{
    size_t extra = 1 + 2 * (v->npatterns + v->nverbs), n = m->n_cameo;
    cameo_entry *c = realloc(m->cameo, (n + extra) * sizeof *c);
    if (!c) return;
    m->cameo = c;
    size_t np = v->npatterns, nv = v->nverbs;
    for (size_t i = 0; i < 2 * (np + nv) + 1; i++) {
        size_t q = i % (np + nv);
        int second = i >= np + nv && i < 2 * (np + nv);
        const tabari_evcode *ec = i == 2 * (np + nv) ? NULL
                                 : q < np ? (second ? &v->patterns[q].pair : &v->patterns[q].code)
                                          : (second ? &v->verbs[q - np].pair : &v->verbs[q - np].code);
        const char *code = ec ? (is_code(ec) ? ec->text : NULL) : "---";
        if (!code || strlen(code) >= sizeof c[0].code) continue;
        int known = 0;
        for (size_t k = 0; k < n && !known; k++) known = !strcmp(c[k].code, code);
        if (known) continue;
        memset(&c[n], 0, sizeof c[n]);
        snprintf(c[n].code, sizeof c[n].code, "%s", code);
        c[n].plover_type = c[n].plover_mode = "";
        c[n].name = "code of the loaded dictionary";
        n++;
    }
    m->n_cameo = (uint32_t)n;
    qsort(m->cameo, m->n_cameo, sizeof *m->cameo, cmp_code);
}

events_model *events_from_tabari(const char *data_dir, const tabari_verbs *v, char *err, size_t errlen)
{
    events_model *m = events_load_ontology(data_dir, err, errlen);
    if (!m) return NULL;
    add_codes(m, v);
    char *sets = NULL, *text = NULL;
    size_t sets_len = 0, text_len = 0;
    out_t o = {open_memstream(&sets, &sets_len), open_memstream(&text, &text_len), 0, 0};
    if (!o.sets || !o.verbs) {
        if (o.sets) fclose(o.sets);
        if (o.verbs) fclose(o.verbs);
        free(sets); free(text);
        events_free(m);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    char *line = NULL;
    size_t line_len = 0;
    for (size_t vi = 0; vi < v->nverbs; vi++) {
        const tabari_verb *vb = &v->verbs[vi];
        if (!vb->phrase.nwords) continue;
        uint32_t head = 0;
        for (uint32_t i = 0; i < vb->phrase.nwords; i++)
            if (vb->phrase.words[i].flags & TABARI_EF_HEAD) head = i;
        const tabari_block *bl = &v->blocks[vb->block];
        /* The block's patterns, rendered once, for every verb word. */
        FILE *pf = open_memstream(&line, &line_len);
        if (!pf) break;
        for (uint32_t pi = 0; pi < bl->npatterns; pi++) {
            const tabari_pattern *p = &v->patterns[bl->first_pattern + pi];
            if (!expressible(p)) { o.dropped++; continue; }
            char *one = NULL;
            size_t one_len = 0;
            FILE *f1 = open_memstream(&one, &one_len);
            if (!f1) continue;
            put_code(f1, &p->code, (p->flags & TABARI_PF_PAIRED) ? &p->pair : NULL);
            int r = render_before(&o, v, p, f1);
            fputs(" *", f1);
            if (!r) r = render_after(&o, v, p, &vb->phrase, head, f1);
            fclose(f1);
            /* TABARI's target without a + in the pattern: the first actor
             * after the match (the twin without it still codes). */
            if (!r && !(p->flags & (TABARI_PF_TARGET | TABARI_PF_COMPOUND))) fprintf(pf, "%s ... +\n", one);
            if (!r) fprintf(pf, "%s\n", one);
            else o.dropped++;
            free(one);
        }
        /* The verb alone: its own code, else the block's. */
        if (is_code(&vb->code) || vb->code.kind == TABARI_CODE_NULL) {
            char *one = NULL;
            size_t one_len = 0;
            FILE *f1 = open_memstream(&one, &one_len);
            if (f1) {
                put_code(f1, &vb->code, &vb->pair);
                fputs("  *", f1);
                tabari_pattern bare = {0};
                tabari_elem star = {NULL, -1, TABARI_EL_VERB, 0};
                bare.elems = &star;
                bare.nelems = 1;
                render_after(&o, v, &bare, &vb->phrase, head, f1);
                fclose(f1);
                fprintf(pf, "%s ... + ~root\n%s ~root\n", one, one);
                free(one);
            }
        }
        fclose(pf);
        char words[16][64];
        int nw = verb_words(v, vb, head, words, 16);
        for (int w = 0; w < nw; w++)
            if (words[w][0]) fprintf(o.verbs, "VERB %s\n%s", words[w], line ? line : "");
        /* A stem ending vowel-consonant may double it (REGRET: regretted,
         * regretting), which TABARI's prefix match allows. */
        size_t l = strlen(words[0]);
        if (nw && l >= 3 && vb->phrase.words[head].kind == TABARI_EL_STEM &&
            !(vb->phrase.words[head].flags & TABARI_EF_EXACT) && !strchr("aeiouwxy", words[0][l - 1]) &&
            strchr("aeiou", words[0][l - 2]) && !strchr("aeiou", words[0][l - 3]))
            fprintf(o.verbs, "VERB %s %s%ced %s%ced %s%cing\n%s", words[0], words[0], words[0][l - 1], words[0],
                    words[0][l - 1], words[0], words[0][l - 1], line ? line : "");
        free(line);
        line = NULL;
    }
    fclose(o.sets);
    fclose(o.verbs);
    /* DYAD_TABARI_DUMP=FILE: the compiled sets and patterns, to read what
     * a TABARI line became (ids in --explain are lines of the patterns). */
    const char *dump = getenv("DYAD_TABARI_DUMP");
    FILE *df = dump && *dump ? fopen(dump, "w") : NULL;
    if (df) {
        fwrite(sets, 1, sets_len, df);
        fputs("# ---- patterns\n", df);
        fwrite(text, 1, text_len, df);
        fclose(df);
    }
    int rc = verbs_load_text(m, "tabari", sets, sets_len, text, text_len, err, errlen);
    free(sets);
    free(text);
    if (rc) { events_free(m); return NULL; }
    m->unusable += (uint32_t)o.dropped;
    coder_init(m);
    return m;
}
