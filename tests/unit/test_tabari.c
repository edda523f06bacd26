/*
 * test_tabari.c - the TABARI / PETRARCH dictionary readers (dict/tabari.h).
 *
 * The fixtures in tests/fixtures/dict/ are small dictionaries written for
 * these tests in each format; every line a reader must reject or warn about
 * carries "!unusable: REASON" or "!warning: REASON" in its comment, and
 * check_markers() insists that exactly those lines are reported, with those
 * reasons and severities.  The public dictionaries in ../shared/dictionaries
 * are only read, never copied: their tests assert counts and invariants.
 */
#include "../check.h"

#include "dict/tabari.h"

#include <stdint.h>

#define FIX "tests/fixtures/dict/"

/* ------------------------------------------------------------------------ */
/* Collecting reports                                                        */

typedef struct {
    int line;
    int sev;
    char reason[300];
} rec;

typedef struct {
    rec *r;
    int n, cap;
    char path[256];
} recs;

static void collect(void *ctx, const char *path, int line, tabari_severity sev,
                    const char *reason, const char *text)
{
    recs *rs = ctx;
    (void)text;
    if (rs->n == rs->cap) {
        int nc = rs->cap ? rs->cap * 2 : 64;
        rec *nr = realloc(rs->r, (size_t)nc * sizeof *nr);
        if (!nr) return;
        rs->r = nr;
        rs->cap = nc;
    }
    rec *r = &rs->r[rs->n++];
    r->line = line;
    r->sev = sev;
    snprintf(r->reason, sizeof r->reason, "%s", reason);
    snprintf(rs->path, sizeof rs->path, "%s", path ? path : "");
}

static void recs_free(recs *rs)
{
    free(rs->r);
    memset(rs, 0, sizeof *rs);
}

static int count_sev(const recs *rs, int sev)
{
    int n = 0;
    for (int i = 0; i < rs->n; i++) n += rs->r[i].sev == sev;
    return n;
}

/* Is there a report at line with severity sev whose reason contains want? */
static int reported(const recs *rs, int line, int sev, const char *want)
{
    for (int i = 0; i < rs->n; i++)
        if (rs->r[i].line == line && rs->r[i].sev == sev && strstr(rs->r[i].reason, want))
            return 1;
    return 0;
}

/* Compares the reports with the "!unusable: ..." / "!warning: ..." markers of
 * the fixture: every marker must be reported and every report marked.
 * Returns the number of markers. */
static int check_markers(const char *path, const recs *rs)
{
    char *text = check_slurp(path, NULL);
    CHECK(text != NULL);
    if (!text) return 0;
    int line = 0, markers = 0;
    char *p = text;
    int seen[4096] = {0};  /* per line: bit 1 unusable marker, bit 2 warning marker */
    while (*p) {
        char *nl = strchr(p, '\n');
        if (nl) *nl = 0;
        line++;
        static const char *const tags[2] = {"!unusable:", "!warning:"};
        for (int t = 0; t < 2; t++) {
            char *m = strstr(p, tags[t]);
            if (m && m > p && m[-1] == '"') m = NULL;  /* the header quotes the syntax */
            if (!m) continue;
            char want[256];
            m += strlen(tags[t]);
            while (*m == ' ') m++;
            size_t k = 0;
            while (m[k] && m[k] != '!' && k + 1 < sizeof want) want[k] = m[k], k++;
            while (k && want[k - 1] == ' ') k--;
            want[k] = 0;
            int sev = t ? TABARI_WARNING : TABARI_UNUSABLE;
            markers++;
            if (line < 4096) seen[line] |= 1 << t;
            if (!reported(rs, line, sev, want))
                CHECK_NOTE("%s:%d: expected %s '%s' was not reported", path, line,
                           t ? "warning" : "unusable", want);
        }
        if (!nl) break;
        p = nl + 1;
    }
    for (int i = 0; i < rs->n; i++) {
        int l = rs->r[i].line, bit = rs->r[i].sev == TABARI_WARNING ? 2 : 1;
        if (l <= 0 || l >= 4096 || !(seen[l] & bit))
            CHECK_NOTE("%s:%d: unexpected %s: %s", path, l,
                       rs->r[i].sev == TABARI_WARNING ? "warning" : "unusable",
                       rs->r[i].reason);
    }
    free(text);
    return markers;
}

static const char *render(const tabari_pattern *p)
{
    static char buf[160];  /* small enough for check.h's message buffer */
    tabari_pattern_render(p, buf, sizeof buf);
    return buf;
}

static const tabari_pattern *pattern_at(const tabari_verbs *v, int line)
{
    for (size_t i = 0; i < v->npatterns; i++)
        if (v->patterns[i].line == line) return &v->patterns[i];
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Dates and plurals                                                         */

static void test_dates(void)
{
    int32_t d = 0;
    CHECK_INT(tabari_parse_date("450703", 6, &d), 0);
    CHECK_INT(d, 19450703);
    CHECK_INT(tabari_parse_date("070723", 6, &d), 0);
    CHECK_INT(d, 20070723);
    /* the two-digit-year boundary: 00-30 are 20xx, 31-99 are 19xx */
    CHECK_INT(tabari_parse_date("301231", 6, &d), 0);
    CHECK_INT(d, 20301231);
    CHECK_INT(tabari_parse_date("310101", 6, &d), 0);
    CHECK_INT(d, 19310101);
    CHECK_INT(tabari_parse_date("18970101", 8, &d), 0);
    CHECK_INT(d, 18970101);
    CHECK_INT(tabari_parse_date("000229", 6, &d), 0);   /* 2000 is a leap year */
    CHECK_INT(d, 20000229);
    CHECK_INT(tabari_parse_date("19000229", 8, &d), -1); /* 1900 is not */
    CHECK_INT(tabari_parse_date("010229", 6, &d), -1);
    CHECK_INT(tabari_parse_date("990231", 6, &d), -1);
    CHECK_INT(tabari_parse_date("991301", 6, &d), -1);
    CHECK_INT(tabari_parse_date("990100", 6, &d), -1);
    CHECK_INT(tabari_parse_date("2004017", 7, &d), -1);
    CHECK_INT(tabari_parse_date("1920030320", 10, &d), -1);
    CHECK_INT(tabari_parse_date("19a00101", 8, &d), -1);
    CHECK_INT(tabari_parse_date("", 0, &d), -1);
}

static void test_plurals(void)
{
    char b[64];
    CHECK_INT(tabari_regular_plural("ARMY", b, sizeof b), 6);
    CHECK_STR(b, "ARMIES");
    tabari_regular_plural("BOSS", b, sizeof b);
    CHECK_STR(b, "BOSSES");
    tabari_regular_plural("HARBOR_PILOT", b, sizeof b);
    CHECK_STR(b, "HARBOR_PILOTS");
    tabari_regular_plural("CHIEF_", b, sizeof b);
    CHECK_STR(b, "CHIEFS_");
    /* truncation: returns what it needed, writes what fits */
    CHECK_INT(tabari_regular_plural("PILOT", b, 4), 6);
    CHECK_STR(b, "PIL");
}

/* ------------------------------------------------------------------------ */
/* Verb fixtures                                                             */

static void test_tabari_verbs(void)
{
    recs rs = {0};
    tabari_verbs v;
    int n = tabari_load_verbs(FIX "tabari.verbs.txt", &v, collect, &rs);
    CHECK_INT(n, 14);
    CHECK_INT(v.dialect, TABARI_DIALECT_TABARI);
    CHECK_INT(v.nblocks, 3);
    CHECK_INT(v.nverbs, 3);
    CHECK_INT(v.npatterns, 14);
    CHECK_INT(v.nsynsets, 0);
    CHECK_INT(v.lines, 33);
    CHECK_INT(check_markers(FIX "tabari.verbs.txt", &rs), 13);
    CHECK_INT(v.unusable, 11);
    CHECK_INT(v.warnings, 2);
    CHECK_INT(count_sev(&rs, TABARI_UNUSABLE), 11);
    if (v.npatterns != 14 || v.nverbs != 3) {
        tabari_verbs_free(&v);
        recs_free(&rs);
        return;
    }

    /* roots: a null code, a stem with forms given on a {...} line, a two-word root */
    CHECK_STR(v.verbs[0].text, "DICKER");
    CHECK_INT(v.verbs[0].code.kind, TABARI_CODE_NULL);
    const tabari_verb *hg = &v.verbs[1];
    CHECK_STR(hg->text, "HAGGL");
    CHECK_INT(hg->phrase.words[0].kind, TABARI_EL_STEM);
    CHECK_STR(hg->code.text, "040");
    CHECK(hg->own_code);
    CHECK(hg->forms_declared);
    CHECK_INT(hg->nforms, 2);
    CHECK_STR(v.forms[hg->first_form], "HAGGLED");
    CHECK_STR(v.forms[hg->first_form + 1], "HAGGLING");
    CHECK_INT(tabari_find_verb(&v, "HAGGLING"), 1);
    CHECK_INT(tabari_find_verb(&v, "PARLEY"), -1);  /* rejected: no code */
    const tabari_verb *tt = &v.verbs[2];
    CHECK_STR(tt->text, "TRUCE TALK");
    CHECK_INT(tt->phrase.nwords, 2);
    CHECK_INT(tt->phrase.words[0].kind, TABARI_EL_WORD);
    CHECK_INT(tt->phrase.words[0].flags, TABARI_EF_EXACT | TABARI_EF_JOIN);
    CHECK_INT(tt->phrase.words[1].kind, TABARI_EL_STEM);
    CHECK_STR(tt->code.text, "046");
    CHECK_STR(tt->pair.text, "045");
    CHECK_STR(v.blocks[2].name, "TRUCE TALK");
    CHECK_INT(v.blocks[0].npatterns, 10);
    CHECK_INT(v.blocks[1].first_pattern, 10);
    CHECK_INT(v.blocks[1].npatterns, 3);
    CHECK_INT(v.blocks[2].npatterns, 1);

    /* exact words and a target slot */
    const tabari_pattern *p = &v.patterns[0];
    CHECK_STR(render(p), "* OVER_ TARIFFS WITH_ + [0311]");
    CHECK_INT(p->line, 6);
    CHECK_INT(p->nelems, 5);
    CHECK_INT(p->verb_at, 0);
    CHECK_INT(p->elems[0].kind, TABARI_EL_VERB);
    CHECK_INT(p->elems[1].kind, TABARI_EL_WORD);
    CHECK_INT(p->elems[1].flags, TABARI_EF_EXACT);
    CHECK_STR(p->elems[1].text, "OVER");
    CHECK_INT(p->elems[2].kind, TABARI_EL_STEM);
    CHECK_INT(p->elems[2].flags, 0);
    CHECK_INT(p->elems[4].kind, TABARI_EL_TARGET);
    CHECK_INT(p->nliterals, 3);
    CHECK_INT(p->litchars, 5 + 7 + 5);  /* OVER_ TARIFFS WITH_ */
    CHECK_INT(p->altchars, 0);
    CHECK_INT(p->flags, TABARI_PF_TARGET);
    CHECK_INT(p->code.kind, TABARI_CODE_EVENT);
    CHECK_STR(p->code.text, "0311");
    CHECK_STR(p->comment, "exact words, a target slot");
    CHECK_INT(p->block, 0);
    CHECK_INT(p->verb, 0);

    /* source before the verb, words joined with '_', a paired code */
    p = &v.patterns[1];
    CHECK_STR(render(p), "$ AND_ + * AT_LENGTH [046:046]");
    CHECK_INT(p->verb_at, 3);
    CHECK_INT(p->elems[0].kind, TABARI_EL_SOURCE);
    CHECK_INT(p->elems[4].flags, TABARI_EF_EXACT | TABARI_EF_JOIN);
    CHECK_INT(p->elems[5].kind, TABARI_EL_STEM);
    CHECK_INT(p->flags, TABARI_PF_SOURCE | TABARI_PF_TARGET | TABARI_PF_PAIRED);
    CHECK_STR(p->pair.text, "046");

    /* compound actor, dominant and subordinate codes, skip */
    p = &v.patterns[2];
    CHECK_INT(p->elems[0].kind, TABARI_EL_COMPOUND);
    CHECK_INT(p->flags, TABARI_PF_COMPOUND);
    CHECK_INT(p->code.mod, TABARI_CM_DOMINANT);
    CHECK_STR(p->code.text, "036");
    CHECK_INT(v.patterns[3].code.mod, TABARI_CM_SUBORD);
    CHECK_STR(render(&v.patterns[3]), "+ WAS * BY_ $ [061?]");
    p = &v.patterns[4];
    CHECK_INT(p->elems[1].kind, TABARI_EL_SKIP);
    CHECK_INT(p->flags, TABARI_PF_SKIP | TABARI_PF_TARGET);

    /* { | } alternatives */
    p = &v.patterns[5];
    CHECK_STR(render(p), "* { TRADE | ARMS | WATER } DEAL [061]");
    CHECK_INT(p->nelems, 9);
    CHECK_INT(p->elems[1].kind, TABARI_EL_ALT_OPEN);
    CHECK_INT(p->elems[3].kind, TABARI_EL_ALT_OR);
    CHECK_INT(p->elems[7].kind, TABARI_EL_ALT_CLOSE);
    CHECK_INT(p->nliterals, 4);
    CHECK_INT(p->flags, TABARI_PF_ALT);
    CHECK_INT(p->litchars, 4 + 5);  /* DEAL, and the longest of TRADE/ARMS/WATER */
    CHECK_INT(p->altchars, 5);

    /* a stem joined with ~_, the null code, '=' and [###], the verb joined */
    p = &v.patterns[6];
    CHECK_STR(render(p), "* DRAG~_ON_ TALKS [046]");
    CHECK_INT(p->elems[1].kind, TABARI_EL_STEM);
    CHECK_INT(p->elems[1].flags, TABARI_EF_JOIN);
    CHECK_INT(p->elems[2].kind, TABARI_EL_WORD);
    CHECK_INT(v.patterns[7].code.kind, TABARI_CODE_NULL);
    CHECK_STR(render(&v.patterns[7]), "NEVER * [---]");
    p = &v.patterns[8];
    CHECK_INT(p->elems[1].kind, TABARI_EL_WORD);
    CHECK_INT(p->code.kind, TABARI_CODE_DISCARD);
    p = &v.patterns[9];
    CHECK_STR(render(p), "*_ROUTINELY [040]");
    CHECK_INT(p->elems[0].flags, TABARI_EF_JOIN);

    /* odd codes are kept and warned about; repeated slots too */
    p = pattern_at(&v, 23);
    CHECK(p && p->code.kind == TABARI_CODE_OTHER);
    p = pattern_at(&v, 24);
    CHECK(p && p->flags == (TABARI_PF_SOURCE | TABARI_PF_TARGET));
    /* patterns of the rejected root PARLEY are gone; TRUCE_TALK's is there */
    CHECK(pattern_at(&v, 27) == NULL);
    p = pattern_at(&v, 29);
    CHECK(p && p->block == 2 && p->verb == 2);

    tabari_verbs_free(&v);
    CHECK(v.patterns == NULL && v.npatterns == 0);
    recs_free(&rs);
}

static void test_petrarch1_verbs(void)
{
    recs rs = {0};
    tabari_verbs v;
    int n = tabari_load_verbs(FIX "petrarch1.verbs.txt", &v, collect, &rs);
    CHECK_INT(n, 6);
    CHECK_INT(v.dialect, TABARI_DIALECT_PETRARCH1);
    CHECK_INT(check_markers(FIX "petrarch1.verbs.txt", &rs), 11);
    CHECK_INT(v.unusable, 9);
    CHECK_INT(v.warnings, 2);
    CHECK_INT(v.nblocks, 2);
    CHECK_INT(v.nverbs, 5);
    CHECK_INT(v.nsynsets, 4);
    if (v.nsynsets != 4 || v.nverbs != 5 || v.npatterns != 6) {
        tabari_verbs_free(&v);
        recs_free(&rs);
        return;
    }

    /* synsets: plural flags, members as phrases, defined after their use */
    long vs = tabari_find_synset(&v, "&VESSEL");
    CHECK_INT(vs, 0);
    const tabari_synset *sy = &v.synsets[0];
    CHECK_INT(sy->noplural, 0);
    CHECK_INT(sy->nmembers, 3);
    CHECK_INT(sy->uses, 2);
    const tabari_phrase *m = &v.members[sy->first_member];
    CHECK_STR(m[0].text, "FERRY");
    CHECK_INT(m[0].words[0].kind, TABARI_EL_STEM);
    CHECK_STR(m[1].text, "BARGE_");
    CHECK_INT(m[1].words[0].flags, TABARI_EF_EXACT);
    CHECK_INT(m[2].nwords, 2);
    CHECK_INT(m[2].words[0].flags, TABARI_EF_EXACT | TABARI_EF_JOIN);
    CHECK_INT(m[2].line, 10);
    CHECK_INT(tabari_find_synset(&v, "MODAL_"), 1);
    CHECK_INT(v.synsets[1].noplural, 1);
    long dock = tabari_find_synset(&v, "DOCK");
    CHECK_INT(dock, 3);
    CHECK_INT(v.synsets[3].line, 44);
    CHECK_INT(v.synsets[3].nmembers, 2);
    CHECK_INT(v.synsets[3].uses, 1);
    CHECK_INT(tabari_find_synset(&v, "HARBOR"), -1);

    /* blocks and verbs: forms, the '+' head of multi-word verbs, own codes */
    CHECK_STR(v.blocks[0].name, "TOW_AWAY");
    CHECK_STR(v.blocks[0].code.text, "074");
    CHECK_STR(v.blocks[1].name, "MOOR");
    CHECK_INT(v.blocks[1].code.kind, TABARI_CODE_NULL);  /* header without a code */
    const tabari_verb *vb = v.verbs;
    CHECK_STR(vb[0].text, "TOW");
    CHECK_INT(vb[0].nforms, 3);
    CHECK_STR(v.forms[vb[0].first_form + 1], "TOWED");
    CHECK_STR(vb[1].text, "HAUL");
    CHECK_INT(vb[1].own_code, 0);
    CHECK_STR(vb[1].code.text, "074");  /* inherited from the block */
    CHECK_STR(vb[2].text, "DRAG OFF");
    CHECK_INT(vb[2].phrase.words[0].flags, TABARI_EF_HEAD | TABARI_EF_EXACT | TABARI_EF_JOIN);
    CHECK_INT(vb[2].nforms, 3);
    CHECK_STR(v.forms[vb[2].first_form + 2], "DRAGGING OFF");
    CHECK_STR(vb[3].text, "RE FLOAT");
    CHECK_INT(vb[3].phrase.words[1].flags, TABARI_EF_HEAD);
    CHECK_INT(vb[3].own_code, 1);
    CHECK_STR(vb[3].code.text, "0741");
    CHECK_STR(vb[4].text, "MOOR");
    CHECK_INT(vb[4].forms_declared, 1);  /* MOOR {} : no forms at all */
    CHECK_INT(vb[4].nforms, 0);
    CHECK_INT(tabari_find_verb(&v, "DRAGGED OFF"), 2);

    /* patterns with synsets, '#' comments holding <...> stamps, XML comments */
    const tabari_pattern *p = &v.patterns[0];
    CHECK_STR(render(p), "* &VESSEL TO + [074]");
    CHECK_INT(p->elems[1].kind, TABARI_EL_SYNSET);
    CHECK_INT(p->elems[1].synset, 0);
    CHECK_STR(p->comment, "TOW <xx 01 Jan 2001>");
    CHECK_INT(p->verb, 3);  /* listed under RE_+FLOAT, the last verb line */
    p = &v.patterns[1];
    CHECK_STR(render(p), "&MODAL * &VESSEL_FLEET [---]");
    CHECK_INT(p->elems[2].synset, 0);
    CHECK_INT(p->elems[2].flags, TABARI_EF_EXACT | TABARI_EF_JOIN);
    CHECK_STR(p->elems[3].text, "FLEET");
    p = &v.patterns[2];
    CHECK_STR(render(p), "* + INTO PORT [0742]");
    CHECK_STR(p->comment, "inline XML comment");
    CHECK(v.patterns[3].flags & TABARI_PF_ALT);
    CHECK_INT(v.patterns[4].code.kind, TABARI_CODE_DISCARD);
    p = &v.patterns[5];
    CHECK_STR(render(p), "* AT &DOCK [054]");
    CHECK_INT(p->elems[2].synset, dock);
    CHECK_INT(p->block, 1);

    tabari_verbs_free(&v);
    recs_free(&rs);
}

static void test_petrarch2_verbs(void)
{
    recs rs = {0};
    tabari_verbs v;
    int n = tabari_load_verbs(FIX "petrarch2.verbs.txt", &v, collect, &rs);
    CHECK_INT(n, 3);
    CHECK_INT(v.dialect, TABARI_DIALECT_PETRARCH2);
    CHECK_INT(check_markers(FIX "petrarch2.verbs.txt", &rs), 4);
    CHECK_INT(v.unusable, 4);
    CHECK_INT(v.ntransforms, 1);
    if (v.npatterns != 3 || v.ntransforms != 1 || v.nverbs != 2) {
        tabari_verbs_free(&v);
        recs_free(&rs);
        return;
    }
    /* (prepositional phrase) containing a {noun phrase} with a synset */
    const tabari_pattern *p = &v.patterns[0];
    CHECK_STR(render(p), "* ( IN { &CROWD SQUARE } ) [141]");
    CHECK_INT(p->elems[1].kind, TABARI_EL_PP_OPEN);
    CHECK_INT(p->elems[3].kind, TABARI_EL_NP_OPEN);
    CHECK_INT(p->elems[4].kind, TABARI_EL_SYNSET);
    CHECK_INT(p->elems[6].kind, TABARI_EL_NP_CLOSE);
    CHECK_INT(p->elems[7].kind, TABARI_EL_PP_CLOSE);
    CHECK_INT(p->flags, TABARI_PF_GROUPS);
    /* A/B word alternatives */
    p = &v.patterns[1];
    CHECK_STR(render(p), "* ( { AGAINST | OVER } + ) [1411]");
    CHECK_INT(p->elems[2].kind, TABARI_EL_ALT_OPEN);
    CHECK_INT(p->flags, TABARI_PF_GROUPS | TABARI_PF_ALT | TABARI_PF_TARGET);
    /* [:173]: only the reversed event */
    p = &v.patterns[2];
    CHECK_INT(p->code.kind, TABARI_CODE_NONE);
    CHECK(p->code.text == NULL);
    CHECK_STR(p->pair.text, "173");
    CHECK(p->flags & TABARI_PF_PAIRED);
    CHECK_STR(render(p), "* { POLICE CORDON } ( BY $ ) [:173]");
    /* verbs and the transformation */
    CHECK_STR(v.verbs[1].text, "RALLY");
    CHECK_STR(v.verbs[1].code.text, "141");
    CHECK_INT(v.verbs[1].nforms, 3);
    const tabari_transform *t = &v.transforms[0];
    CHECK_STR(t->outer_source, "X");
    CHECK_STR(t->inner_source, "X");
    CHECK_STR(t->inner_target, "Y");
    CHECK_STR(t->inner_verb, "RALLY");
    CHECK_STR(t->outer_verb, "GATHER");
    CHECK_STR(t->source, "X");
    CHECK_STR(t->target, "Y");
    CHECK_STR(t->code, "141");
    CHECK_INT(t->line, 25);
    tabari_verbs_free(&v);
    recs_free(&rs);
}

/* ------------------------------------------------------------------------ */
/* Actors, agents, discards                                                  */

static void test_actors(void)
{
    recs rs = {0};
    tabari_actors a;
    int n = tabari_load_actors(FIX "sample.actors.txt", &a, collect, &rs);
    CHECK_INT(n, 8);
    CHECK_INT(check_markers(FIX "sample.actors.txt", &rs), 14);
    CHECK_INT(a.unusable, 12);
    CHECK_INT(a.warnings, 2);
    CHECK_INT(a.nnames, 12);
    CHECK_INT(a.ncodes, 13);
    CHECK_INT(a.lines, 38);
    if (a.nactors != 8) {
        tabari_actors_free(&a);
        recs_free(&rs);
        return;
    }
    const tabari_actor *ac = a.actors;
    /* names: primary first, '+' synonyms after, ';' comments removed */
    CHECK_INT(ac[0].nnames, 3);
    CHECK_STR(a.names[ac[0].first_name].text, "FREEDONIA_");
    CHECK_STR(a.names[ac[0].first_name + 2].text, "GRAND_FENWICK");
    CHECK_INT(a.names[ac[0].first_name + 2].words[1].kind, TABARI_EL_STEM);
    CHECK_INT(ac[0].ncodes, 1);
    CHECK_STR(a.codes[ac[0].first_code].code, "FRD");
    CHECK_INT(a.codes[ac[0].first_code].when, TABARI_WHEN_ALWAYS);

    /* dated codes on indented lines */
    const tabari_actor *ru = &ac[2];
    CHECK_STR(a.names[ru->first_name].text, "RUFUS_T_FIREFLY_");
    CHECK_INT(a.names[ru->first_name].nwords, 3);
    CHECK_INT(ru->ncodes, 4);
    const tabari_actor_code *c = a.codes + ru->first_code;
    CHECK_INT(c[0].when, TABARI_WHEN_BETWEEN);
    CHECK_INT(c[0].from, 19330101);
    CHECK_INT(c[0].to, 19331231);
    CHECK_INT(c[1].when, TABARI_WHEN_AFTER);
    CHECK_INT(c[1].from, 19350101);
    CHECK_INT(c[2].when, TABARI_WHEN_BEFORE);
    CHECK_INT(c[2].to, 19321231);
    CHECK_INT(c[3].when, TABARI_WHEN_ALWAYS);
    CHECK_INT(c[0].line, 11);
    /* resolution: dated codes first (limits inclusive), the default last */
    CHECK_STR(tabari_actor_code_at(&a, 2, 19330615)->code, "FRDGOV");
    CHECK_STR(tabari_actor_code_at(&a, 2, 19331231)->code, "FRDGOV");
    CHECK_STR(tabari_actor_code_at(&a, 2, 19321231)->code, "FRDREB");
    CHECK_STR(tabari_actor_code_at(&a, 2, 19340601)->code, "FRDBUS");
    CHECK_STR(tabari_actor_code_at(&a, 2, 20200101)->code, "FRDELI");

    /* several codes on the first line (TABARI), more after a synonym,
     * two-digit years on both sides of 2000 */
    const tabari_actor *am = &ac[3];
    CHECK_INT(am->nnames, 2);
    CHECK_STR(a.names[am->first_name + 1].text, "CHICOLINI");
    CHECK_INT(am->ncodes, 3);
    c = a.codes + am->first_code;
    CHECK_INT(c[0].from, 19300101);
    CHECK_INT(c[0].to, 19331231);
    CHECK_STR(c[1].code, "SYLELI");
    CHECK_INT(c[2].from, 19450703);
    CHECK_INT(c[2].to, 20070723);
    CHECK_STR(tabari_actor_code_at(&a, 3, 19500101)->code, "SYLMIL");
    CHECK_STR(tabari_actor_code_at(&a, 3, 20100101)->code, "SYLELI");

    CHECK_STR(a.codes[ac[4].first_code].code, "---");  /* MARY_QUEEN [---] */
    /* SPY_CHIEF keeps its good code and the indented synonym; no default */
    CHECK_INT(ac[5].ncodes, 1);
    CHECK_INT(ac[5].nnames, 2);
    CHECK_STR(a.names[ac[5].first_name + 1].text, "AGENT_J");
    CHECK(tabari_actor_code_at(&a, 5, 20120101) == NULL);
    CHECK_STR(tabari_actor_code_at(&a, 5, 20050505)->code, "SYLSPY");
    CHECK_STR(a.codes[ac[6].first_code].code, "SYLGOV");  /* junk after the code */
    const tabari_phrase *un = &a.names[ac[7].first_name];
    CHECK_STR(un->words[0].text, "U.N.");
    CHECK_INT(un->words[0].flags, TABARI_EF_EXACT | TABARI_EF_JOIN);
    CHECK_INT(un->words[1].kind, TABARI_EL_STEM);
    CHECK(tabari_actor_code_at(&a, 99, 20000101) == NULL);

    tabari_actors_free(&a);
    recs_free(&rs);
}

static void test_agents(void)
{
    recs rs = {0};
    tabari_agents a;
    int n = tabari_load_agents(FIX "sample.agents.txt", &a, collect, &rs);
    CHECK_INT(n, 12);
    CHECK_INT(check_markers(FIX "sample.agents.txt", &rs), 7);
    CHECK_INT(a.unusable, 7);
    CHECK_INT(a.nsubsts, 1);
    if (a.nagents != 12 || a.nsubsts != 1) {
        tabari_agents_free(&a);
        recs_free(&rs);
        return;
    }
    CHECK_STR(a.substs[0].name, "CREW");
    CHECK_INT(a.substs[0].nitems, 4);
    CHECK_STR(a.substs[0].items[2], "DECKHAND");  /* blanks inside items are dropped */

    const tabari_agent *g = a.agents;
    CHECK_STR(g[0].name.text, "HARBOR_PILOT");
    CHECK_STR(g[0].code, "MAR");
    CHECK_INT(g[0].code_after, 1);
    CHECK_INT(g[0].plural_kind, TABARI_PLURAL_REGULAR);
    CHECK_STR(g[0].plural.text, "HARBOR_PILOTS");
    CHECK_STR(g[1].plural.text, "FERRIES");
    CHECK_STR(g[2].plural.text, "HARBOR_BOSSES");
    CHECK_INT(g[3].plural_kind, TABARI_PLURAL_NONE);  /* NAVY {} */
    CHECK_INT(g[3].plural.nwords, 0);
    CHECK_INT(g[4].plural_kind, TABARI_PLURAL_EXPLICIT);
    CHECK_STR(g[4].plural.text, "GEESE");
    CHECK_STR(g[5].plural.text, "COAST_GUARDS_");
    /* !CREW!_UNION expands into one agent per item, without plurals */
    CHECK_STR(g[6].name.text, "SAILOR_UNION");
    CHECK_STR(g[7].name.text, "SAILORS_UNION");
    CHECK_STR(g[8].name.text, "DECKHAND_UNION");
    CHECK_STR(g[9].name.text, "DECKHANDS_UNION");
    CHECK_STR(g[9].subst, "CREW");
    CHECK_INT(g[9].plural_kind, TABARI_PLURAL_NONE);
    CHECK_STR(g[9].code, "LAB");
    CHECK_INT(g[9].line, 12);
    /* [IGO~]: the agent code goes before the actor code */
    CHECK_STR(g[10].code, "IGO");
    CHECK_INT(g[10].code_after, 0);
    /* the one-line <Combine ...> tag does not swallow what follows it */
    CHECK_STR(g[11].name.text, "HARBOR_CLERK");
    tabari_agents_free(&a);
    recs_free(&rs);
}

static void test_discards(void)
{
    recs rs = {0};
    tabari_discards d;
    int n = tabari_load_discards(FIX "sample.discards.txt", &d, collect, &rs);
    CHECK_INT(n, 5);
    CHECK_INT(check_markers(FIX "sample.discards.txt", &rs), 1);
    CHECK_INT(d.unusable, 1);
    if (d.ndiscards != 5) {
        tabari_discards_free(&d);
        recs_free(&rs);
        return;
    }
    CHECK_STR(d.discards[0].phrase.text, "REGATTA FINAL");  /* upper-cased */
    CHECK_INT(d.discards[0].story, 1);
    CHECK_INT(d.discards[0].phrase.nwords, 2);
    CHECK_INT(d.discards[1].story, 0);
    CHECK_STR(d.discards[2].phrase.text, "CHESS_");
    CHECK_INT(d.discards[2].whole_word, 1);
    CHECK_INT(d.discards[3].whole_word, 0);
    CHECK_STR(d.discards[3].phrase.text, "CHESS OLYMPIAD");  /* [###] form */
    CHECK_STR(d.discards[4].phrase.text, "1899");
    CHECK_INT(d.discards[4].line, 7);
    tabari_discards_free(&d);
    recs_free(&rs);
}

/* ------------------------------------------------------------------------ */
/* Sniffing, checking, edge cases                                            */

static void test_sniff_and_check(void)
{
    CHECK_INT(tabari_sniff(FIX "tabari.verbs.txt"), TABARI_KIND_VERBS);
    CHECK_INT(tabari_sniff(FIX "petrarch1.verbs.txt"), TABARI_KIND_VERBS);
    CHECK_INT(tabari_sniff(FIX "petrarch2.verbs.txt"), TABARI_KIND_VERBS);
    CHECK_INT(tabari_sniff(FIX "sample.actors.txt"), TABARI_KIND_ACTORS);
    CHECK_INT(tabari_sniff(FIX "sample.agents.txt"), TABARI_KIND_AGENTS);
    CHECK_INT(tabari_sniff(FIX "sample.discards.txt"), TABARI_KIND_DISCARDS);
    CHECK_INT(tabari_sniff(FIX "no-such-file.txt"), TABARI_KIND_UNKNOWN);
    /* the content decides; the name only breaks ties */
    const char *bare = "SOMETHING\nELSE\n";
    CHECK_INT(tabari_sniff_text("x.discards", bare, strlen(bare)), TABARI_KIND_DISCARDS);
    CHECK_INT(tabari_sniff_text(NULL, "", 0), TABARI_KIND_UNKNOWN);
    CHECK_INT(tabari_sniff_text("a.actors.txt", "", 0), TABARI_KIND_ACTORS);

    recs rs = {0};
    tabari_summary s;
    CHECK_INT(tabari_check(FIX "tabari.verbs.txt", &s, collect, &rs), 11);
    CHECK_INT(s.kind, TABARI_KIND_VERBS);
    CHECK_INT(s.dialect, TABARI_DIALECT_TABARI);
    CHECK_INT(s.entries, 3);
    CHECK_INT(s.patterns, 14);
    CHECK_INT(s.unusable, 11);
    CHECK_INT(s.warnings, 2);
    CHECK_INT(s.lines, 33);
    CHECK_INT(rs.n, 13);
    CHECK_INT(tabari_check(FIX "sample.actors.txt", &s, NULL, NULL), 12);
    CHECK_INT(s.kind, TABARI_KIND_ACTORS);
    CHECK_INT(s.entries, 8);
    CHECK_INT(s.names, 12);
    CHECK_INT(tabari_check(FIX "sample.agents.txt", &s, NULL, NULL), 7);
    CHECK_INT(s.names, 12 + 7);  /* seven agents have a plural */
    CHECK_INT(tabari_check(FIX "sample.discards.txt", &s, NULL, NULL), 1);
    CHECK_INT(s.entries, 5);

    /* the printed forms */
    FILE *f = tmpfile();
    CHECK(f != NULL);
    if (f) {
        tabari_check(FIX "petrarch2.verbs.txt", &s, NULL, NULL);
        tabari_summary_print(f, "p2", &s);
        tabari_print_issue(f, "p2", 7, TABARI_UNUSABLE, "why", "text");
        rewind(f);
        char l1[256] = "", l2[256] = "";
        CHECK(fgets(l1, sizeof l1, f) != NULL);
        CHECK(fgets(l2, sizeof l2, f) != NULL);
        CHECK_STR(l1, "p2: verbs (PETRARCH-2): 1 blocks, 2 verbs, 3 patterns, 1 synsets; "
                      "26 lines, 4 unusable, 0 warnings\n");
        CHECK_STR(l2, "p2:7: unusable: why: text\n");
        fclose(f);
    }

    /* an unreadable file is reported with line 0, and is -1 */
    recs_free(&rs);
    CHECK_INT(tabari_check(FIX "no-such-file.txt", &s, collect, &rs), -1);
    CHECK_INT(rs.n, 1);
    CHECK(rs.n == 1 && rs.r[0].line == 0 && rs.r[0].sev == TABARI_UNUSABLE);
    tabari_verbs v;
    CHECK_INT(tabari_load_verbs(FIX "no-such-file.txt", &v, NULL, NULL), -1);
    CHECK(v.patterns == NULL && v.unusable == 1);
    tabari_verbs_free(&v);
    recs_free(&rs);
}

static void test_edge_cases(void)
{
    recs rs = {0};
    tabari_verbs v;
    tabari_actors a;

    /* empty input */
    CHECK_INT(tabari_parse_verbs("empty", "", 0, TABARI_DIALECT_AUTO, &v, collect, &rs), 0);
    CHECK_INT(v.lines, 0);
    CHECK_INT(rs.n, 0);
    tabari_verbs_free(&v);

    /* CRLF line ends and no final line break */
    const char *crlf = "ARGUE  [110]\r\n- * WITH_ +  [111]\r\n- $ * +  [112]";
    CHECK_INT(tabari_parse_verbs("crlf", crlf, strlen(crlf), TABARI_DIALECT_AUTO, &v,
                                 collect, &rs), 2);
    CHECK_INT(v.lines, 3);
    CHECK(v.npatterns == 2 && !strcmp(render(&v.patterns[1]), "$ * + [112]"));
    CHECK_INT(rs.n, 0);
    tabari_verbs_free(&v);

    /* a NUL byte makes its line unusable, and only that line */
    const char nul[] = "ARGUE  [110]\n- * X\0Y  [111]\n- * Z  [112]\n";
    CHECK_INT(tabari_parse_verbs("nul", nul, sizeof nul - 1, TABARI_DIALECT_AUTO, &v, collect,
                                 &rs), 1);
    CHECK(reported(&rs, 2, TABARI_UNUSABLE, "NUL byte"));
    CHECK_INT(v.unusable, 1);
    CHECK(v.npatterns == 1 && v.patterns[0].line == 3);
    tabari_verbs_free(&v);
    recs_free(&rs);

    /* patterns with nothing to belong to; undefined synsets; forced dialect */
    const char *orphan = "- * X  [010]\n";
    CHECK_INT(tabari_parse_verbs("o", orphan, strlen(orphan), TABARI_DIALECT_AUTO, &v, collect,
                                 &rs), 0);
    CHECK(reported(&rs, 1, TABARI_UNUSABLE, "pattern before any verb"));
    tabari_verbs_free(&v);
    recs_free(&rs);
    const char *p2 = "--- MEET [040] ---\nMEET\n- * (WITH +)  [040]\n- * &NOPE  [040]\n";
    CHECK_INT(tabari_parse_verbs("p2", p2, strlen(p2), TABARI_DIALECT_PETRARCH2, &v, collect,
                                 &rs), 1);
    CHECK_INT(v.dialect, TABARI_DIALECT_PETRARCH2);
    CHECK(reported(&rs, 4, TABARI_UNUSABLE, "undefined synset &NOPE"));
    tabari_verbs_free(&v);
    recs_free(&rs);
    /* the same text read as PETRARCH-1 rejects the ( ) pattern instead */
    CHECK_INT(tabari_parse_verbs("p1", p2, strlen(p2), TABARI_DIALECT_PETRARCH1, &v, collect,
                                 &rs), 0);
    CHECK(reported(&rs, 3, TABARI_UNUSABLE, "PETRARCH-2 syntax"));
    tabari_verbs_free(&v);
    recs_free(&rs);

    /* control characters and broken UTF-8 warn but keep the line; good UTF-8 is
     * silent; a multi-line XML comment may end mid-line */
    const char act[] = "FOO\x1A_BAR_ [ABC]\nCAF\xC3 [ABC]\nCAF\xC3\xA9_ [ABC]\n"
                       "<!-- a comment\nstill the comment\nends here --> REAL_NAME [ABC]\n";
    CHECK_INT(tabari_parse_actors("act", act, sizeof act - 1, &a, collect, &rs), 4);
    CHECK(reported(&rs, 1, TABARI_WARNING, "control character 0x1A"));
    CHECK(reported(&rs, 2, TABARI_WARNING, "not UTF-8"));
    CHECK_INT(rs.n, 2);
    CHECK(a.nactors == 4 && !strcmp(a.names[2].text, "CAF\xC3\xA9_"));
    CHECK(a.nactors == 4 && a.actors[3].line == 6 && !strcmp(a.names[3].text, "REAL_NAME"));
    tabari_actors_free(&a);
    recs_free(&rs);

    /* a very long line is read whole */
    size_t big = 20000;
    char *t = malloc(big + 16);
    CHECK(t != NULL);
    if (t) {
        memcpy(t, "LONG_", 5);
        memset(t + 5, 'A', big - 5);
        memcpy(t + big, " [ABC]\n", 8);
        CHECK_INT(tabari_parse_actors("long", t, strlen(t), &a, collect, &rs), 1);
        CHECK(a.nnames == 1 && strlen(a.names[0].text) == big);
        tabari_actors_free(&a);
        free(t);
    }
    recs_free(&rs);
}

/* Arbitrary bytes must never crash a reader (run under the sanitizers). */
static void test_garbage(void)
{
    enum { N = 1 << 16 };
    char *buf = malloc(N);
    CHECK(buf != NULL);
    if (!buf) return;
    static const char alphabet[] = "-*$+%^&_{}|()[]<>!~=#;:/ \t\n\r\"'.,ABCXYZ019\x1A\xC3";
    uint32_t x = 12345;
    for (int round = 0; round < 4; round++) {
        for (size_t i = 0; i < N; i++) {
            x = x * 1103515245u + 12345u;
            buf[i] = round & 1 ? (char)(x >> 16)
                               : alphabet[(x >> 16) % (sizeof alphabet - 1)];
        }
        tabari_verbs v;
        tabari_actors a;
        tabari_agents g;
        tabari_discards d;
        for (int dl = TABARI_DIALECT_AUTO; dl <= TABARI_DIALECT_PETRARCH2; dl++) {
            CHECK(tabari_parse_verbs("junk", buf, N, (tabari_dialect)dl, &v, NULL, NULL) >= 0);
            tabari_verbs_free(&v);
        }
        CHECK(tabari_parse_actors("junk", buf, N, &a, NULL, NULL) >= 0);
        tabari_actors_free(&a);
        CHECK(tabari_parse_agents("junk", buf, N, &g, NULL, NULL) >= 0);
        tabari_agents_free(&g);
        CHECK(tabari_parse_discards("junk", buf, N, &d, NULL, NULL) >= 0);
        tabari_discards_free(&d);
        (void)tabari_sniff_text("junk", buf, N);
    }
    free(buf);
}

/* ------------------------------------------------------------------------ */
/* The public dictionaries                                                   */

/* Every report names a line of the file (or 0 for the file itself). */
static void check_lines(const recs *rs, long lines)
{
    for (int i = 0; i < rs->n; i++)
        if (rs->r[i].line < 0 || rs->r[i].line > lines)
            CHECK_NOTE("%s: report at line %d of %ld", rs->path, rs->r[i].line, lines);
}

static void check_verb_invariants(const tabari_verbs *v)
{
    size_t sum = 0;
    for (size_t b = 0; b < v->nblocks; b++) {
        sum += v->blocks[b].npatterns;
        if (v->blocks[b].first_pattern + v->blocks[b].npatterns > v->npatterns ||
            v->blocks[b].first_verb + v->blocks[b].nverbs > v->nverbs) {
            CHECK_NOTE("block %zu out of range", b);
            return;
        }
    }
    CHECK_INT(sum, v->npatterns);
    for (size_t i = 0; i < v->npatterns; i++) {
        const tabari_pattern *p = &v->patterns[i];
        int verbs = 0;
        for (uint16_t k = 0; k < p->nelems; k++) {
            verbs += p->elems[k].kind == TABARI_EL_VERB;
            if (p->elems[k].kind == TABARI_EL_SYNSET &&
                (p->elems[k].synset < 0 || (size_t)p->elems[k].synset >= v->nsynsets)) {
                CHECK_NOTE("pattern at line %d: unresolved synset", p->line);
                return;
            }
        }
        if (verbs != 1 || p->elems[p->verb_at].kind != TABARI_EL_VERB ||
            p->block >= v->nblocks || p->verb >= v->nverbs ||
            v->verbs[p->verb].block != p->block || (i && p->block < v->patterns[i - 1].block) ||
            (p->code.kind == TABARI_CODE_NONE && !(p->flags & TABARI_PF_PAIRED))) {
            CHECK_NOTE("pattern at line %d breaks an invariant", p->line);
            return;
        }
    }
}

static void test_real_verbs(void)
{
    static const struct {
        const char *file;
        tabari_dialect dialect;
        long min_patterns, blocks, synsets, unusable;
    } cases[] = {
        /* shared/dictionaries/README.md: 1,216 roots, 15,582 patterns */
        {"dictionaries/CAMEO.091003.master.verbs.txt", TABARI_DIALECT_TABARI, 15500, 1216, 0, 18},
        /* 396 blocks, 11,010 patterns */
        {"dictionaries/CAMEO.verbpatterns.150430.txt", TABARI_DIALECT_PETRARCH1, 10950, 396, 38, 8},
        {"dictionaries/CAMEO.2.0.txt", TABARI_DIALECT_PETRARCH2, 4500, 397, 40, 5},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        recs rs = {0};
        tabari_verbs v;
        int n = tabari_load_verbs(check_shared(cases[i].file), &v, collect, &rs);
        CHECK(n > cases[i].min_patterns);
        CHECK_INT(n, v.npatterns);
        CHECK_INT(v.dialect, cases[i].dialect);
        CHECK_INT(v.nblocks, cases[i].blocks);
        CHECK_INT(v.nsynsets, cases[i].synsets);
        CHECK_INT(v.unusable, cases[i].unusable);
        CHECK_INT(count_sev(&rs, TABARI_UNUSABLE), cases[i].unusable);
        CHECK_INT(rs.n, v.unusable + v.warnings);
        check_lines(&rs, v.lines);
        check_verb_invariants(&v);
        if (cases[i].dialect == TABARI_DIALECT_PETRARCH2) CHECK_INT(v.ntransforms, 8);
        tabari_verbs_free(&v);
        recs_free(&rs);
    }
}

static void test_real_actors(void)
{
    static const struct {
        const char *file;
        long min_actors, max_actors, unusable;
    } cases[] = {
        {"dictionaries/Phoenix.Countries.actors.txt", 18000, 19000, 18},
        {"dictionaries/Phoenix.International.actors.txt", 7800, 7900, 3},
        /* README: 1,021 armed non-state groups */
        {"dictionaries/Phoenix.MilNonState.actors.txt", 1021, 1021, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        recs rs = {0};
        tabari_actors a;
        int n = tabari_load_actors(check_shared(cases[i].file), &a, collect, &rs);
        CHECK(n >= cases[i].min_actors && n <= cases[i].max_actors);
        CHECK_INT(a.unusable, cases[i].unusable);
        CHECK_INT(rs.n, a.unusable + a.warnings);
        check_lines(&rs, a.lines);
        size_t dated = 0;
        for (size_t k = 0; k < a.nactors; k++) {
            const tabari_actor *ac = &a.actors[k];
            if (!ac->nnames || ac->first_name + ac->nnames > a.nnames ||
                ac->first_code + ac->ncodes > a.ncodes) {
                CHECK_NOTE("%s: actor %zu out of range", cases[i].file, k);
                break;
            }
        }
        for (size_t k = 0; k < a.ncodes; k++) {
            const tabari_actor_code *c = &a.codes[k];
            int32_t d;
            char s[16];
            if (c->when == TABARI_WHEN_ALWAYS) continue;
            dated++;
            snprintf(s, sizeof s, "%ld", (long)(c->from ? c->from : c->to));
            if (tabari_parse_date(s, strlen(s), &d) < 0 ||
                (c->when == TABARI_WHEN_BETWEEN && c->from > c->to)) {
                CHECK_NOTE("%s:%d: bad date kept", cases[i].file, c->line);
                break;
            }
        }
        if (i == 0) {
            CHECK_INT(a.lines, 54526);  /* README */
            CHECK(dated > 25000);       /* the country file is mostly dated codes */
        }
        tabari_actors_free(&a);
        recs_free(&rs);
    }
}

static void test_real_agents_discards(void)
{
    recs rs = {0};
    tabari_agents g;
    int n = tabari_load_agents(check_shared("dictionaries/Phoenix.agents.txt"), &g, collect, &rs);
    CHECK(n > 3000 && n < 3600);  /* ~2,240 lines; its two substitution sets expand */
    CHECK_INT(g.nsubsts, 2);
    CHECK_INT(g.unusable, 9);
    CHECK_INT(rs.n, g.unusable + g.warnings);
    check_lines(&rs, g.lines);
    size_t after = 0, before = 0;
    for (size_t i = 0; i < g.nagents; i++) {
        if (g.agents[i].code_after) after++;
        else before++;
    }
    CHECK(after > 2 * before && before > 0);
    tabari_agents_free(&g);
    recs_free(&rs);

    tabari_discards d;
    n = tabari_load_discards(check_shared("dictionaries/Phoenix.discards.txt"), &d, collect, &rs);
    CHECK(n >= 480 && n <= 520);
    CHECK_INT(d.unusable, 0);
    size_t story = 0;
    for (size_t i = 0; i < d.ndiscards; i++) story += d.discards[i].story;
    CHECK(story > 20 && story < 100);
    tabari_discards_free(&d);
    recs_free(&rs);
}

static void test_real_check(void)
{
    static const struct {
        const char *file;
        tabari_kind kind;
    } cases[] = {
        {"dictionaries/CAMEO.091003.master.verbs.txt", TABARI_KIND_VERBS},
        {"dictionaries/CAMEO.verbpatterns.150430.txt", TABARI_KIND_VERBS},
        {"dictionaries/CAMEO.2.0.txt", TABARI_KIND_VERBS},
        {"dictionaries/Phoenix.Countries.actors.txt", TABARI_KIND_ACTORS},
        {"dictionaries/Phoenix.International.actors.txt", TABARI_KIND_ACTORS},
        {"dictionaries/Phoenix.MilNonState.actors.txt", TABARI_KIND_ACTORS},
        {"dictionaries/Phoenix.agents.txt", TABARI_KIND_AGENTS},
        {"dictionaries/Phoenix.discards.txt", TABARI_KIND_DISCARDS},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tabari_summary s;
        const char *path = check_shared(cases[i].file);
        int r = tabari_check(path, &s, NULL, NULL);
        CHECK_INT(s.kind, cases[i].kind);
        CHECK(r >= 0 && r == s.unusable);
        CHECK(s.entries > 0 && s.lines > 0);
    }
}

int main(void)
{
    RUN(test_dates);
    RUN(test_plurals);
    RUN(test_tabari_verbs);
    RUN(test_petrarch1_verbs);
    RUN(test_petrarch2_verbs);
    RUN(test_actors);
    RUN(test_agents);
    RUN(test_discards);
    RUN(test_sniff_and_check);
    RUN(test_edge_cases);
    RUN(test_garbage);
    RUN(test_real_verbs);
    RUN(test_real_actors);
    RUN(test_real_agents_discards);
    RUN(test_real_check);
    return check_done();
}
