/*
 * tc_load.c - tabari_coder_load / _free: check each file is the kind its
 * option says, compile it (tc_verbs.c, tc_actors.c, tc_discard.c), load
 * the CAMEO ontology, and note the function words the coder looks at.
 */
#include "tc.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static uint32_t H(const char *s) { return hash_folded(s, strlen(s)); }

static void function_words(tc_fw *w)
{
    w->and_ = H("and"); w->comma = H(","); w->amp = H("&"); w->of = H("of"); w->from = H("from");
    w->in = H("in"); w->the = H("the"); w->poss = H("'s"); w->former = H("former"); w->by = H("by");
    w->but = H("but"); w->while_ = H("while"); w->whereas = H("whereas"); w->semi = H(";"); w->colon = H(":");
    /* TABARI's passive test looks for a form of "be" before the verb. */
    static const char *const aux[] = {"is", "are", "was", "were", "be", "been", "being", "am"};
    for (int i = 0; i < 8; i++) w->aux[w->n_aux++] = H(aux[i]);
    static const char *const neg[] = {"not", "never", "no", "n't", "cannot", "neither"};
    for (int i = 0; i < 6; i++) w->neg[w->n_neg++] = H(neg[i]);
}

int tc_fw_in(const uint32_t *set, int n, uint32_t h)
{
    for (int i = 0; i < n; i++) if (set[i] == h) return 1;
    return 0;
}

/* Is path a dictionary of kind `want`?  (A file given to the wrong option
 * would otherwise load as thousands of unusable lines.) */
static int kind_ok(const char *path, tabari_kind want, char *err, size_t errlen)
{
    tabari_kind k = tabari_sniff(path);
    if (k == want) return 1;
    FILE *f = fopen(path, "r");
    if (!f) { snprintf(err, errlen, "%s: cannot read", path); return 0; }
    fclose(f);
    if (k == TABARI_KIND_UNKNOWN) snprintf(err, errlen, "%s: not a TABARI / PETRARCH dictionary", path);
    else snprintf(err, errlen, "%s: looks like a%s %s dictionary, not %s", path,
                  k == TABARI_KIND_ACTORS || k == TABARI_KIND_AGENTS ? "n" : "",
                  tabari_kind_name(k), tabari_kind_name(want));
    return 0;
}

tabari_coder *tabari_coder_load(const tabari_files *f, tabari_report_fn report, void *ctx,
                                char *err, size_t errlen)
{
    double t0 = now_ms();
    tabari_coder *c = calloc(1, sizeof *c);
    if (!c) { snprintf(err, errlen, "out of memory"); return NULL; }
    c->strings = dyad_arena_new(256 * 1024);
    tc_trie_init(&c->actors_t);
    tc_trie_init(&c->agents_t);
    tc_trie_init(&c->verbs_t);
    tc_trie_init(&c->discards_t);
    function_words(&c->fw);
    int ok = 1;
    if (f->verbs) {
        const char *dir = f->data_dir ? f->data_dir : dyad_default_data_dir();
        ok = kind_ok(f->verbs, TABARI_KIND_VERBS, err, errlen) &&
             (c->ontology = events_load_ontology(dir, err, errlen)) != NULL &&
             tc_load_verbs(c, f->verbs, report, ctx, err, errlen) == 0;
    }
    for (int i = 0; ok && i < f->n_actors; i++)
        ok = kind_ok(f->actors[i], TABARI_KIND_ACTORS, err, errlen) &&
             tc_load_actors(c, f->actors[i], report, ctx, err, errlen) == 0;
    if (ok && f->agents)
        ok = kind_ok(f->agents, TABARI_KIND_AGENTS, err, errlen) &&
             tc_load_agents(c, f->agents, report, ctx, err, errlen) == 0;
    if (ok && f->discards)
        ok = kind_ok(f->discards, TABARI_KIND_DISCARDS, err, errlen) &&
             tc_load_discards(c, f->discards, report, ctx, err, errlen) == 0;
    if (!ok) {
        tabari_coder_free(c);
        return NULL;
    }
    tc_trie_finish(&c->actors_t);
    tc_trie_finish(&c->agents_t);
    tc_trie_finish(&c->verbs_t);
    tc_trie_finish(&c->discards_t);
    c->stats.load_ms = now_ms() - t0;
    return c;
}

void tabari_coder_free(tabari_coder *c)
{
    if (!c) return;
    tc_trie_free(&c->actors_t);
    tc_trie_free(&c->agents_t);
    tc_trie_free(&c->verbs_t);
    tc_trie_free(&c->discards_t);
    free(c->pool.p);
    free(c->actors); free(c->acodes); free(c->agents); free(c->verbs); free(c->blocks);
    free(c->vars); free(c->items); free(c->pw.w); free(c->runs); free(c->syns); free(c->discards);
    free(c->vkeys); free(c->vidx);
    events_free(c->ontology);
    dyad_arena_free(c->strings);
    free(c);
}

int tabari_coder_has_verbs(const tabari_coder *c) { return c && c->has_verbs; }
int tabari_coder_has_actors(const tabari_coder *c) { return c && c->has_actors; }

void tabari_coder_stats_get(const tabari_coder *c, tabari_coder_stats *out)
{
    if (c) *out = c->stats;
    else memset(out, 0, sizeof *out);
}
