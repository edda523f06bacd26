/*
 * fuzz_tabari.c - TABARI and PETRARCH dictionaries from a buffer: verbs
 * (each dialect, and the automatic choice), actors, agents, discards.  The
 * first byte picks the kind; the rest is the file.  Problems are reported
 * through the callback, which here only counts them.
 */
#include "fuzz.h"
#include "../../dict/tabari.h"

static void count_issue(void *ctx, const char *path, int line, tabari_severity sev, const char *reason,
                        const char *text)
{
    (void)path; (void)line; (void)sev; (void)reason; (void)text;
    ++*(unsigned long *)ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size) return 0;
    const char *text = (const char *)data + 1;
    size_t n = size - 1;
    unsigned long issues = 0;
    switch (data[0] % 7) {
    case 0: case 1: case 2: case 3: {
        static const tabari_dialect d[] = {TABARI_DIALECT_AUTO, TABARI_DIALECT_TABARI, TABARI_DIALECT_PETRARCH1,
                                           TABARI_DIALECT_PETRARCH2};
        tabari_verbs v;
        tabari_parse_verbs("fuzz.verbs", text, n, d[data[0] % 7], &v, count_issue, &issues);
        tabari_verbs_free(&v);
        break;
    }
    case 4: {
        tabari_actors a;
        tabari_parse_actors("fuzz.actors", text, n, &a, count_issue, &issues);
        tabari_actors_free(&a);
        break;
    }
    case 5: {
        tabari_agents a;
        tabari_parse_agents("fuzz.agents", text, n, &a, count_issue, &issues);
        tabari_agents_free(&a);
        break;
    }
    default: {
        tabari_discards x;
        tabari_parse_discards("fuzz.discards", text, n, &x, count_issue, &issues);
        tabari_discards_free(&x);
    }
    }
    return 0;
}
