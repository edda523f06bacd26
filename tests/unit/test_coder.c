/*
 * test_coder.c - the event coder's clause rules, in isolation: actor
 * mentions are placed by hand so that only the coder is under test, with a
 * small verb dictionary written here and the real CAMEO ontology.
 */
#include "../check.h"
#include "dyad.h"
#include "../../events/events.h"

#include <sys/stat.h>
#include <unistd.h>

static events_model *model;
static dyad_doc *doc;
static char dir[64];

static const char *verbs =
    "VERB meet met met\n"
    "040   * with +\n"
    "040   * +\n"
    "VERB visit\n"
    "042   * +\n"
    "VERB criticize\n"
    "111   * +\n"
    "VERB accuse\n"
    "112   * + of ..\n"
    "112   * +\n"
    "VERB attack\n"
    "190   * +\n"
    "VERB test-fire\n"
    "150   * .. @WEAPON\n"
    "VERB impose\n"
    "163   * .. sanction~ on +\n"
    "VERB praise\n"
    "051   * +\n"
    "VERB return\n"
    "046   * to .. talk~\n";

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/dyad-coder-%d", (int)getpid());
    char p[256];
    mkdir(dir, 0700);
    snprintf(p, sizeof p, "%s/events", dir); mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/events/verbs", dir); mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/events/verbs/test.txt", dir);
    FILE *f = fopen(p, "w"); fputs(verbs, f); fclose(f);
    snprintf(p, sizeof p, "%s/events/sets.txt", dir);
    f = fopen(p, "w"); fputs("@WEAPON  missile~ | rocket~ | cruise missile~\n", f); fclose(f);
    snprintf(p, sizeof p, "cp data/events/cameo.txt %s/events/cameo.txt", dir);
    if (system(p)) fprintf(stderr, "cannot copy the ontology\n");
    char err[256];
    model = events_load(dir, err, sizeof err);
    if (!model) fprintf(stderr, "events_load: %s\n", err);
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd)) fprintf(stderr, "cannot remove %s\n", dir);
    events_free(model);
}

/* Text with actors written [Name|CODE]: the brackets are removed and a
 * mention placed over the name. */
static void code(const char *marked)
{
    char plain[2048];
    struct { uint32_t off, len; char code[16]; } marks[16];
    int nm = 0;
    size_t o = 0;
    for (const char *p = marked; *p && o + 1 < sizeof plain; p++) {
        if (*p == '[') {
            marks[nm].off = (uint32_t)o;
            const char *bar = strchr(p, '|'), *end = strchr(p, ']');
            memcpy(plain + o, p + 1, (size_t)(bar - p - 1));
            o += (size_t)(bar - p - 1);
            marks[nm].len = (uint32_t)(o - marks[nm].off);
            snprintf(marks[nm].code, sizeof marks[nm].code, "%.*s", (int)(end - bar - 1), bar + 1);
            nm++;
            p = end;
            continue;
        }
        plain[o++] = *p;
    }
    plain[o] = 0;
    dyad_doc_reset(doc);
    dyad_doc_set_raw(doc, plain, o);
    dyad_text_process(doc);
    doc->pubdate = (dyad_date){2024, 3, 1};
    doc->n_mentions = 0;
    for (int i = 0; i < nm; i++) {
        /* Offsets shift only if cleaning changed the text; these tests use one paragraph. */
        uint32_t a = 0;
        while (a < doc->n_toks && doc->toks[a].off < marks[i].off) a++;
        uint32_t b = a;
        while (b < doc->n_toks && doc->toks[b].off < marks[i].off + marks[i].len) b++;
        doc->mentions = dyad_grow(doc->mentions, &doc->cap_mentions, doc->n_mentions + 1, sizeof *doc->mentions);
        dyad_mention *m = &doc->mentions[doc->n_mentions++];
        memset(m, 0, sizeof *m);
        m->off = marks[i].off; m->len = marks[i].len; m->tok = a; m->ntok = b - a;
        for (uint32_t s = 0; s < doc->n_sents; s++)
            if (a >= doc->sents[s].tok && a < doc->sents[s].tok + doc->sents[s].ntok) m->sent = s;
        m->entity = -1; m->antecedent = -1;
        snprintf(m->code, sizeof m->code, "%s", marks[i].code);
        m->kind = DYAD_ACTOR_COUNTRY; m->how = DYAD_HOW_LEXICON;
    }
    events_process(model, doc);
}

/* Is there an event src -> tgt with this CAMEO code? */
static int has(const char *src, const char *tgt, const char *cameo)
{
    for (uint32_t i = 0; i < doc->n_events; i++) {
        const dyad_event *e = &doc->events[i];
        if (!strcmp(e->source_code, src) && !strcmp(e->target_code, tgt) && !strcmp(e->cameo, cameo)) return 1;
    }
    return 0;
}

#define CHECK_EVENT(s, t, c) do { if (!has(s, t, c)) { char all[512] = ""; size_t l = 0; \
    for (uint32_t i_ = 0; i_ < doc->n_events && l < 400; i_++) l += (size_t)snprintf(all + l, sizeof all - l, " %s>%s:%s", \
        doc->events[i_].source_code, doc->events[i_].target_code, doc->events[i_].cameo); \
    CHECK_NOTE("%s:%d: no event %s -> %s %s; got%.300s", __FILE__, __LINE__, s, t, c, all); } } while (0)

static void test_simple_active(void)
{
    code("[Russia|RUS] attacked [Ukraine|UKR] on Tuesday.");
    CHECK_INT(doc->n_events, 1);
    CHECK_EVENT("RUS", "UKR", "190");
    CHECK(doc->events[0].goldstein < -9);
    CHECK_INT(doc->events[0].quad, 4);
    CHECK_STR(doc->events[0].rule, "test.txt:12");
}

static void test_preposition_and_longest_match(void)
{
    code("[The U.S. envoy|USAGOV] met with [North Korean officials|PRKGOV] in Hanoi.");
    CHECK_EVENT("USAGOV", "PRKGOV", "040");
    code("[Seoul|KORGOV] accused [Pyongyang|PRKGOV] of sending trash balloons.");
    CHECK_EVENT("KORGOV", "PRKGOV", "112");
    CHECK(strstr(doc->events[0].rule, "test.txt:9") != NULL);     /* "* + of .." beat "* +" */
}

static void test_passive(void)
{
    code("[The ministry|PRKGOV] was criticized by [Washington|USAGOV] for the launch.");
    CHECK_INT(doc->n_events, 1);
    CHECK_EVENT("USAGOV", "PRKGOV", "111");
    CHECK(doc->events[0].flags & DYAD_EV_PASSIVE);
}

static void test_negation(void)
{
    code("[Israel|ISR] did not attack [Lebanon|LBN] overnight, officials said.");
    CHECK_INT(doc->n_events, 0);
    code("[Kim|PRKGOV] did not meet [Trump|USAGOV] in Seoul.");
    CHECK_EVENT("PRKGOV", "USAGOV", "125");          /* negated cooperation is a refusal */
    CHECK(doc->events[0].flags & DYAD_EV_NEGATED);
}

static void test_modality(void)
{
    code("[Trump|USAGOV] would love to meet [Kim|PRKGOV] again.");
    CHECK_EVENT("USAGOV", "PRKGOV", "036");
    code("[Trump|USAGOV] was unable to meet [Kim|PRKGOV] during the visit.");
    CHECK_INT(doc->n_events, 0);
    code("[Iran|IRN] threatened to attack [Israel|ISR].");
    CHECK_EVENT("IRN", "ISR", "138");
    code("[Pyongyang|PRKGOV] refused to meet [Seoul|KORGOV] officials.");
    CHECK_EVENT("PRKGOV", "KORGOV", "125");
    code("[China|CHN] urged [North Korea|PRK] to return to the talks.");
    CHECK_EVENT("CHN", "PRK", "026");
}

static void test_compound_actors(void)
{
    code("[The United States|USA] and [South Korea|KOR] criticized [North Korea|PRK] and [Russia|RUS].");
    CHECK_INT(doc->n_events, 4);
    CHECK_EVENT("USA", "PRK", "111");
    CHECK_EVENT("KOR", "RUS", "111");
}

static void test_visit_is_one_event(void)
{
    code("[Pompeo|USAGOV] visited [North Korea|PRK] on Friday.");
    CHECK_EVENT("USAGOV", "PRK", "042");
    CHECK_INT(doc->n_events, 1);                   /* one act: no host 043 beside it */
}

static void test_several_events_and_no_target(void)
{
    code("[North Korea|PRK] test-fired two cruise missiles and [Seoul|KORGOV] criticized [Pyongyang|PRKGOV].");
    CHECK_EVENT("PRK", "", "150");
    CHECK_EVENT("KORGOV", "PRKGOV", "111");
}

static void test_relative_clause_subject(void)
{
    code("[Lee|KORGOV], whose nation remains at war with [the North|PRK], praised [Trump|USAGOV] on Wednesday.");
    CHECK_EVENT("KORGOV", "USAGOV", "051");
    CHECK(!has("PRK", "USAGOV", "051"));
}

static void test_no_source_no_event(void)
{
    code("Sanctions were imposed on [Iran|IRN] last year.");
    CHECK_INT(doc->n_events, 0);
    code("The talks collapsed after a heated exchange.");
    CHECK_INT(doc->n_events, 0);
}

static void test_bare_agent_is_no_side(void)
{
    /* "officials" of no known country cannot be one side of a dyad */
    code("[Officials|GOV] criticized [Russia|RUS] on Monday.");
    CHECK_INT(doc->n_events, 0);
    code("[Hungarian officials|HUNGOV] criticized [Russia|RUS] on Monday.");
    CHECK_EVENT("HUNGOV", "RUS", "111");
}

static void test_sanctions_phrase(void)
{
    code("[The European Union|IGOEUREEC] imposed fresh sanctions on [Russia|RUS] on Friday.");
    CHECK_EVENT("IGOEUREEC", "RUS", "163");
}

int main(void)
{
    setup();
    doc = dyad_doc_new();
    if (!model) { printf("FAIL setup: no model\n"); return 1; }
    RUN(test_simple_active);
    RUN(test_preposition_and_longest_match);
    RUN(test_passive);
    RUN(test_negation);
    RUN(test_modality);
    RUN(test_compound_actors);
    RUN(test_visit_is_one_event);
    RUN(test_several_events_and_no_target);
    RUN(test_relative_clause_subject);
    RUN(test_no_source_no_event);
    RUN(test_sanctions_phrase);
    RUN(test_bare_agent_is_no_side);
    dyad_doc_free(doc);
    teardown();
    return check_done();
}
