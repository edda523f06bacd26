/*
 * tc_verbs.c - compile a verb dictionary (TABARI or PETRARCH-1, read by
 * tabari.h) into the verb trie and each block's ordered pattern variants.
 *
 * Verbs.  A TABARI root is a stem unless written with '_' (ATTACK matches
 * ATTACKS, ATTACKED, ATTACKING ...), and its {FORMS} line adds irregular
 * forms.  A PETRARCH verb is exact: its {forms} when given, else the regular
 * forms PETRARCH generates (S, ED / D, ING) on the word marked '+' or the
 * last word.  All go into one trie whose payload is the verb line.
 *
 * Patterns.  A pattern with { A | B C } groups is expanded into one variant
 * per choice, each with TABARI's length of what it would actually match
 * (the length without the groups plus the chosen alternatives).  Sorting a
 * block's variants by that length, then by the pattern's full length, then
 * by file order gives TABARI's rule in one pass: the longest pattern that
 * matches wins, and a pattern whose alternatives matched only a short
 * choice loses to a longer plain pattern ("provisional" wins in TABARI's
 * coder).  Each variant also carries a signature of the words it requires,
 * so the coder rejects most patterns with a few AND operations, and big
 * blocks get an index (tc_index.c).
 *
 * PETRARCH-2 patterns ({noun phrase} and (prepositional phrase) groups)
 * describe a parse tree dyad does not build: they are counted as skipped,
 * and their verbs code with their own and their block's codes only.
 */
#include "tc.h"

#include <stdlib.h>
#include <string.h>

#define TC_MAX_VARIANTS 64
#define TC_MAX_ITEMS 48

static void *xgrow(void *p, uint32_t *cap, uint32_t need, size_t el) { return dyad_grow(p, cap, need, el); }

typedef struct {
    tabari_coder *c;
    const tabari_verbs *v;
    const char *base;                 /* file name for ids */
    int bare;                         /* TC_STEM (TABARI) or TC_FORMS (PETRARCH) */
    dyad_token *scratch;
    uint32_t scratch_cap;
    tc_words tmp;                     /* verb phrases for the trie */
} vbuild;

static tc_code code_of(const tabari_evcode *e)
{
    tc_code k;
    memset(&k, 0, sizeof k);
    k.kind = e->kind;
    k.mod = e->mod;
    if (e->text) snprintf(k.code, sizeof k.code, "%s", e->text);
    return k;
}

/* TABARI's length of one literal element: letters, digits, ', - and the '_'
 * that followed it. */
static uint16_t elem_chars(const tabari_elem *e)
{
    uint16_t n = 0;
    if (e->text)
        for (const char *p = e->text; *p; p++) {
            unsigned char ch = (unsigned char)*p;
            if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                ch == '\'' || ch == '-' || ch >= 0x80)
                n++;
        }
    if (e->flags & (TABARI_EF_EXACT | TABARI_EF_JOIN)) n++;
    return n;
}

/* ------------------------------------------------------------ synsets */

static void compile_synsets(vbuild *b)
{
    tabari_coder *c = b->c;
    for (size_t s = 0; s < b->v->nsynsets; s++) {
        const tabari_synset *sy = &b->v->synsets[s];
        c->syns = xgrow(c->syns, &c->cap_syns, c->n_syns + 1, sizeof *c->syns);
        tc_syn *ts = &c->syns[c->n_syns++];
        memset(ts, 0, sizeof *ts);
        ts->run_at = c->n_runs;
        for (uint32_t m = 0; m < sy->nmembers; m++) {
            const tabari_phrase *ph = &b->v->members[sy->first_member + m];
            uint32_t at = c->pw.n;
            for (uint32_t w = 0; w < ph->nwords; w++) {
                const tabari_elem *e = &ph->words[w];
                int kind = e->kind == TABARI_EL_WORD || sy->noplural ? TC_EXACT : b->bare;
                tc_words_add(&c->pw, &c->pool, e->text, kind, 1, &b->scratch, &b->scratch_cap);
            }
            if (c->pw.n == at) continue;
            c->runs = xgrow(c->runs, &c->cap_runs, c->n_runs + 1, sizeof *c->runs);
            c->runs[c->n_runs++] = (tc_run){at, c->pw.n - at};
            /* Synsets can have a hundred members: a filter on their first
             * tokens lets the matcher pass most positions at once. */
            ts = &c->syns[c->n_syns - 1];
            const tc_word *fw = &c->pw.w[at];
            if (fw->kind == TC_STEM) ts->unfiltered = 1;
            else if (fw->kind == TC_EXACT) ts->first[(fw->hash >> 6) & 7] |= 1ull << (fw->hash & 63);
            else
                for (uint32_t k = 0; k < fw->nforms; k++) {
                    uint32_t h;
                    memcpy(&h, c->pool.p + fw->forms + k * sizeof h, sizeof h);
                    ts->first[(h >> 6) & 7] |= 1ull << (h & 63);
                }
        }
        ts = &c->syns[c->n_syns - 1];
        ts->n_runs = c->n_runs - ts->run_at;
    }
    c->stats.synsets += (long)b->v->nsynsets;
}

/* ------------------------------------------------------------ patterns */

/* One element as an item (literal words go to c->pw); 0, or -1 when it has
 * no usable text. */
static int elem_item(vbuild *b, const tabari_elem *e, tc_item *it)
{
    tabari_coder *c = b->c;
    memset(it, 0, sizeof *it);
    it->join = (e->flags & TABARI_EF_JOIN) != 0;
    switch (e->kind) {
    case TABARI_EL_WORD:
    case TABARI_EL_STEM: {
        it->kind = TI_WORDS;
        it->a = c->pw.n;
        int kind = e->kind == TABARI_EL_WORD ? TC_EXACT : b->bare;
        it->n = (uint16_t)tc_words_add(&c->pw, &c->pool, e->text, kind, 1, &b->scratch, &b->scratch_cap);
        if (it->n) c->pw.w[c->pw.n - 1].join = 0;     /* the item's join says what follows */
        return it->n ? 0 : -1;
    }
    case TABARI_EL_SYNSET:
        if (e->synset < 0 || (uint32_t)e->synset >= c->n_syns) return -1;
        it->kind = TI_SYN;
        it->a = (uint32_t)e->synset;
        return 0;
    case TABARI_EL_SOURCE: it->kind = TI_SRC; return 0;
    case TABARI_EL_TARGET: it->kind = TI_TGT; return 0;
    case TABARI_EL_COMPOUND: it->kind = TI_CMP; return 0;
    case TABARI_EL_SKIP: it->kind = TI_SKIP; return 0;
    default: return -1;
    }
}

/* A segment of a pattern: one element, or a { | } group of alternatives. */
typedef struct {
    int verb;                         /* the * */
    int join;                         /* VERB: touches what follows */
    uint32_t alt_first, n_alts;       /* group: alternatives in alts[] */
    tc_item item;                     /* plain element */
} segment;

typedef struct { tc_item items[8]; int n; uint16_t chars; } alternative;

/* The words a variant cannot match without: 256 bits of exact word hashes,
 * 256 of the first three letters of stems, and 256 of the bases of FORMS
 * words (the clause side, tc_coder.c, sets the bases its tokens could be
 * forms of).  A clause that lacks one of them skips the variant. */
static void sig_add(const tabari_coder *c, const tc_item *it, uint64_t sig[12])
{
    if (it->kind != TI_WORDS) return;
    for (uint32_t k = 0; k < it->n; k++) {
        const tc_word *w = &c->pw.w[it->a + k];
        uint32_t h = w->hash;
        int part = 0;
        if (w->kind == TC_STEM) {
            if (w->len < 3) continue;
            h = hash_folded(c->pool.p + w->text, 3);
            part = 1;
        } else if (w->kind == TC_FORMS)
            part = 2;
        sig[part * 4 + ((h & 255) >> 6)] |= 1ull << (h & 63);
    }
}

/* Expands pattern p (index pi) of block bi into variants appended to c->vars. */
static void compile_pattern(vbuild *b, const tabari_pattern *p, size_t pi)
{
    tabari_coder *c = b->c;
    segment segs[TC_MAX_ITEMS];
    alternative alts[TC_MAX_ITEMS];
    int ns = 0, na = 0;
    for (uint16_t i = 0; i < p->nelems && ns < TC_MAX_ITEMS; i++) {
        const tabari_elem *e = &p->elems[i];
        segment *sg = &segs[ns];
        memset(sg, 0, sizeof *sg);
        if (e->kind == TABARI_EL_VERB) {
            sg->verb = 1;
            sg->join = (e->flags & TABARI_EF_JOIN) != 0;
            ns++;
            continue;
        }
        if (e->kind == TABARI_EL_ALT_OPEN) {
            sg->alt_first = (uint32_t)na;
            if (na >= TC_MAX_ITEMS) return;
            memset(&alts[na], 0, sizeof alts[na]);
            na++;
            for (i++; i < p->nelems && p->elems[i].kind != TABARI_EL_ALT_CLOSE; i++) {
                const tabari_elem *x = &p->elems[i];
                if (x->kind == TABARI_EL_ALT_OR) {
                    if (na >= TC_MAX_ITEMS) return;
                    memset(&alts[na], 0, sizeof alts[na]);
                    na++;
                    continue;
                }
                alternative *al = &alts[na - 1];
                if (al->n >= 8 || elem_item(b, x, &al->items[al->n]) < 0) return;
                al->chars = (uint16_t)(al->chars + elem_chars(x));
                al->n++;
            }
            sg->n_alts = (uint32_t)na - sg->alt_first;
            /* "}_NEXT": the chosen alternative touches what follows. */
            if (i < p->nelems && (p->elems[i].flags & TABARI_EF_JOIN))
                for (uint32_t a = sg->alt_first; a < (uint32_t)na; a++)
                    if (alts[a].n) alts[a].items[alts[a].n - 1].join = 1;
            ns++;
            continue;
        }
        if (elem_item(b, e, &sg->item) < 0) return;
        ns++;
    }
    /* Odometer over the groups. */
    uint32_t choice[TC_MAX_ITEMS] = {0};
    uint32_t alt_base = (uint32_t)(p->litchars - p->altchars);
    for (int variant = 0; variant < TC_MAX_VARIANTS; variant++) {
        tc_item items[TC_MAX_ITEMS * 2];
        int n = 0, n_lo = -1, ok = 1;
        uint8_t join_up = 0, slots = 0;
        uint32_t len = alt_base;
        for (int s = 0; s < ns && ok; s++) {
            const segment *sg = &segs[s];
            if (sg->verb) { n_lo = n; join_up = (uint8_t)sg->join; continue; }
            if (sg->n_alts) {
                const alternative *al = &alts[sg->alt_first + choice[s]];
                len += al->chars;
                for (int k = 0; k < al->n && n < TC_MAX_ITEMS * 2; k++) items[n++] = al->items[k];
                continue;
            }
            if (n < TC_MAX_ITEMS * 2) items[n++] = sg->item;
        }
        if (n_lo < 0) return;
        for (int k = 0; k < n; k++)
            slots |= items[k].kind == TI_SRC ? TC_S_SRC : items[k].kind == TI_TGT ? TC_S_TGT :
                     items[k].kind == TI_CMP ? TC_S_CMP : 0;
        c->vars = xgrow(c->vars, &c->cap_vars, c->n_vars + 1, sizeof *c->vars);
        c->items = xgrow(c->items, &c->cap_items, c->n_items + (uint32_t)n, sizeof *c->items);
        tc_var *tv = &c->vars[c->n_vars++];
        memset(tv, 0, sizeof *tv);
        tv->item_at = c->n_items;
        memcpy(c->items + c->n_items, items, (size_t)n * sizeof *items);
        c->n_items += (uint32_t)n;
        if ((uint32_t)n > c->max_items) c->max_items = (uint32_t)n;
        tv->n_lo = (uint16_t)n_lo;
        tv->n_up = (uint16_t)(n - n_lo);
        tv->join_up = join_up;
        tv->slots = slots;
        tv->len = (uint16_t)(len > 65535 ? 65535 : len);
        tv->litchars = (uint16_t)(p->litchars > 65535 ? 65535 : p->litchars);
        tv->order = (uint32_t)pi * TC_MAX_VARIANTS + (uint32_t)variant;
        tv->code = code_of(&p->code);
        tv->pair = code_of(&p->pair);
        for (int k = 0; k < n; k++) sig_add(c, &items[k], tv->sig);
        tv->id = dyad_arena_printf(c->strings, "%s:%d", b->base, p->line);
        char text[1024];
        tabari_pattern_render(p, text, sizeof text);
        tv->text = dyad_arena_strdup(c->strings, text);
        /* next choice */
        int s = ns - 1;
        for (; s >= 0; s--) {
            if (!segs[s].n_alts) continue;
            if (++choice[s] < segs[s].n_alts) break;
            choice[s] = 0;
        }
        if (s < 0) break;
    }
}

static int cmp_var(const void *x, const void *y)
{
    const tc_var *a = x, *b = y;
    if (a->len != b->len) return a->len > b->len ? -1 : 1;
    if (a->litchars != b->litchars) return a->litchars > b->litchars ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static void compile_blocks(vbuild *b)
{
    tabari_coder *c = b->c;
    for (size_t bi = 0; bi < b->v->nblocks; bi++) {
        const tabari_block *bl = &b->v->blocks[bi];
        c->blocks = xgrow(c->blocks, &c->cap_blocks, c->n_blocks + 1, sizeof *c->blocks);
        tc_block *tb = &c->blocks[c->n_blocks++];
        memset(tb, 0, sizeof *tb);
        tb->var_at = c->n_vars;
        for (uint32_t k = 0; k < bl->npatterns; k++) {
            size_t pi = bl->first_pattern + k;
            const tabari_pattern *p = &b->v->patterns[pi];
            if (p->flags & TABARI_PF_GROUPS) { c->stats.skipped_patterns++; continue; }
            compile_pattern(b, p, pi);
            c->stats.patterns++;
        }
        tb->n_var = c->n_vars - tb->var_at;
        if (tb->n_var) qsort(c->vars + tb->var_at, tb->n_var, sizeof *c->vars, cmp_var);   /* no NULL base (UBSan) */
        tc_index_block(c, c->n_blocks - 1);
    }
    c->stats.variants = (long)c->n_vars;
}

/* ------------------------------------------------------------ verbs */

/* Adds the phrase of `text` (blank-separated upper-case words, all exact). */
static void add_form(vbuild *b, const char *text, uint32_t verb)
{
    b->tmp.n = 0;
    char word[256];
    const char *p = text;
    while (*p) {
        while (*p == ' ') p++;
        size_t n = strcspn(p, " ");
        if (!n) break;
        snprintf(word, sizeof word, "%.*s", (int)(n < 255 ? n : 255), p);
        tc_words_add(&b->tmp, &b->c->pool, word, TC_EXACT, 1, &b->scratch, &b->scratch_cap);
        p += n;
    }
    if (b->tmp.n) { tc_trie_add(&b->c->verbs_t, b->tmp.w, b->tmp.n, verb); b->c->stats.verb_forms++; }
}

static void compile_verb(vbuild *b, const tabari_verb *vb)
{
    tabari_coder *c = b->c;
    c->verbs = xgrow(c->verbs, &c->cap_verbs, c->n_verbs + 1, sizeof *c->verbs);
    uint32_t idx = c->n_verbs++;
    tc_verb *tv = &c->verbs[idx];
    tv->block = vb->block;
    tv->code = code_of(&vb->code);
    tv->pair = code_of(&vb->pair);
    tv->id = dyad_arena_printf(c->strings, "%s:%d", b->base, vb->line);
    tv->text = dyad_arena_strdup(c->strings, vb->text);
    if (b->bare == TC_STEM) {
        /* TABARI: the root as written (bare words are stems), then its forms. */
        b->tmp.n = 0;
        for (uint32_t w = 0; w < vb->phrase.nwords; w++) {
            const tabari_elem *e = &vb->phrase.words[w];
            tc_words_add(&b->tmp, &c->pool, e->text, e->kind == TABARI_EL_WORD ? TC_EXACT : TC_STEM, 1,
                         &b->scratch, &b->scratch_cap);
        }
        if (b->tmp.n) { tc_trie_add(&c->verbs_t, b->tmp.w, b->tmp.n, idx); c->stats.verb_forms++; }
        for (uint32_t f = 0; f < vb->nforms; f++) add_form(b, b->v->forms[vb->first_form + f], idx);
        return;
    }
    /* PETRARCH: exact words; declared forms, else the regular forms of the head. */
    add_form(b, vb->text, idx);
    if (vb->forms_declared) {
        for (uint32_t f = 0; f < vb->nforms; f++) add_form(b, b->v->forms[vb->first_form + f], idx);
        return;
    }
    uint32_t head = vb->phrase.nwords ? vb->phrase.nwords - 1 : 0;
    for (uint32_t w = 0; w < vb->phrase.nwords; w++)
        if (vb->phrase.words[w].flags & TABARI_EF_HEAD) head = w;
    char folded[TC_MAX_FOLD];
    const char *hw = vb->phrase.words[head].text;
    size_t hl = fold_word(hw, strlen(hw), folded, sizeof folded);
    char forms[8][TC_MAX_FOLD];
    int nf = tc_regular_forms(folded, hl, 1, forms);
    for (int f = 1; f < nf; f++) {
        char text[512];
        size_t k = 0;
        for (uint32_t w = 0; w < vb->phrase.nwords; w++) {
            const char *s = w == head ? forms[f] : vb->phrase.words[w].text;
            k += (size_t)snprintf(text + k, sizeof text - k, "%s%s", w ? " " : "", s);
            if (k >= sizeof text) break;
        }
        if (k < sizeof text) add_form(b, text, idx);
    }
}

int tc_load_verbs(tabari_coder *c, const char *path, tabari_report_fn report, void *ctx,
                  char *err, size_t errlen)
{
    tabari_verbs v;
    if (tabari_load_verbs(path, &v, report, ctx) < 0) {
        snprintf(err, errlen, "%s: cannot read the verb dictionary", path);
        tabari_verbs_free(&v);
        return -1;
    }
    c->stats.unusable += v.unusable;
    c->stats.warnings += v.warnings;
    c->dialect = v.dialect;
    const char *slash = strrchr(path, '/');
    vbuild b;
    memset(&b, 0, sizeof b);
    b.c = c;
    b.v = &v;
    b.base = slash ? slash + 1 : path;
    b.bare = v.dialect == TABARI_DIALECT_TABARI ? TC_STEM : TC_FORMS;
    compile_synsets(&b);
    compile_blocks(&b);
    for (size_t i = 0; i < v.nverbs; i++) compile_verb(&b, &v.verbs[i]);
    c->stats.verbs += (long)v.nverbs;
    c->has_verbs = 1;
    free(b.scratch);
    free(b.tmp.w);
    tabari_verbs_free(&v);
    return 0;
}
