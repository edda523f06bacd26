/*
 * test_where.c - the where stage on written wire sentences: one test per
 * rule (verb modifier, dateline, destination, actor country, choosing
 * between places of one name) and the place tables.
 */
#include "../check.h"
#include "../../where/where.h"
#include "../../pipeline/pipeline.h"

#include <string.h>

static dyad_model *model;
static dyad_doc *doc;

static void code_text(const char *text)
{
    dyad_options opt = {.date = {2025, 10, 29}};
    dyad_doc_reset(doc);
    dyad_doc_set_raw(doc, text, strlen(text));
    dyad_process(model, doc, &opt);
}

/* The first event with this CAMEO code, or NULL. */
static const dyad_event *event(const char *cameo)
{
    for (uint32_t i = 0; i < doc->n_events; i++)
        if (!strcmp(doc->events[i].cameo, cameo)) return &doc->events[i];
    return NULL;
}

/* The place named at the first occurrence of `words`, or NULL. */
static const dyad_place *place(const char *words)
{
    const char *p = strstr(doc->text, words);
    for (uint32_t i = 0; p && i < doc->n_places; i++)
        if (doc->places[i].off == (uint32_t)(p - doc->text)) return &doc->places[i];
    return NULL;
}

static void test_verb_modifier_coast(void)
{
    code_text("North Korea fired two ballistic missiles off its western coast on Sunday, South Korea's military said.");
    const dyad_event *e = event("150");
    CHECK(e != NULL);
    if (!e) return;
    CHECK_STR(e->where.country, "PRK");
    CHECK_STR(dyad_where_how_name(e->where.how), "verb-modifier");
    CHECK_SPAN(doc->text + e->where.off, e->where.len, "its western coast");
}

static void test_verb_modifier_city(void)
{
    code_text("Secretary of State Mike Pompeo arrived in Seoul on Wednesday to brief President Moon Jae-in.");
    const dyad_event *e = event("042");
    CHECK(e != NULL);
    if (!e) return;
    CHECK_STR(e->where.name, "Seoul");
    CHECK_STR(e->where.country, "KOR");
    CHECK_INT(e->where.type, DYAD_PLACE_CITY);
    CHECK_STR(dyad_where_how_name(e->where.how), "verb-modifier");
    CHECK(e->where.lat > 37 && e->where.lat < 38 && e->where.lon > 126 && e->where.lon < 128);
}

static void test_dateline(void)
{
    code_text("SEOUL, Oct. 29 (Reuters) - South Korean President Lee Jae Myung urged North Korea to return to talks.");
    const dyad_event *e = event("020");
    CHECK(e != NULL);
    if (!e) return;
    CHECK_STR(e->where.name, "Seoul");
    CHECK_STR(dyad_where_how_name(e->where.how), "dateline");
    CHECK_SPAN(doc->text + e->where.off, e->where.len, "SEOUL");
}

static void test_dateline_not_for_a_foreign_actor(void)
{
    /* Filed in Seoul, but the launch was North Korea's, at home. */
    code_text("SEOUL, Oct. 29 (Reuters) - North Korea test-fired an intercontinental ballistic missile on Thursday.");
    const dyad_event *e = event("150");
    CHECK(e != NULL);
    if (!e) return;
    CHECK_STR(e->where.country, "PRK");
    CHECK_STR(dyad_where_how_name(e->where.how), "actor-country");
}

static void test_destination(void)
{
    code_text("WASHINGTON, Oct. 29 (Reuters) - The U.S. Secretary of State will visit Pyongyang next week.");
    const dyad_event *e = event("036");
    CHECK(e != NULL);
    if (!e) return;
    CHECK_STR(e->where.name, "Pyongyang");
    CHECK_STR(dyad_where_how_name(e->where.how), "destination");
}

static void test_visiting_source(void)
{
    /* A visitor's act is at its host's: "the visiting ... Straw urged Iran" */
    code_text("The visiting British Foreign Secretary Jack Straw urged the Iranian government on Tuesday to stop "
              "enriching uranium.");
    const dyad_event *e = event("020");
    CHECK(e != NULL);
    if (!e) return;
    CHECK_STR(e->where.country, "IRN");
    CHECK_STR(dyad_where_how_name(e->where.how), "destination");
}

static void test_actor_geography(void)
{
    code_text("Georgian police arrested dozens of protesters in Tbilisi.");
    const dyad_event *e = event("173");
    CHECK(e != NULL);
    if (!e) return;
    CHECK_STR(e->where.name, "Tbilisi");
    CHECK_STR(e->source_geo.country, "GEO");
    CHECK_INT(e->source_geo.type, DYAD_PLACE_COUNTRY);
    CHECK_STR(dyad_where_how_name(e->source_geo.how), "actor-country");
}

static void test_georgia_by_the_story(void)
{
    code_text("Protesters marched through Tbilisi on Sunday. The government of Georgia blamed the opposition.");
    const dyad_place *p = place("Georgia");
    CHECK(p != NULL);
    if (p) CHECK_STR(p->loc.country, "GEO");
    code_text("Voters in Atlanta waited for hours on Tuesday. Officials in Georgia said turnout was high.");
    p = place("Georgia");
    CHECK(p != NULL);
    if (p) { CHECK_STR(p->loc.country, "USA"); CHECK_INT(p->loc.type, DYAD_PLACE_ADM1); }
}

static void test_paris_texas(void)
{
    code_text("The mayor of Paris, Texas, spoke to reporters on Monday.");
    const dyad_place *p = place("Paris");
    CHECK(p != NULL);
    if (p) { CHECK_STR(p->loc.country, "USA"); CHECK_STR(p->loc.adm1, "Texas"); }
    code_text("Ministers met in Paris on Monday.");
    p = place("Paris");
    CHECK(p != NULL);
    if (p) { CHECK_STR(p->loc.country, "FRA"); CHECK_INT(p->loc.guess, 1); }
}

static void test_landmarks_and_longer_names(void)
{
    code_text("Troops gathered near the Demilitarized Zone. European Union envoys arrived.");
    const dyad_place *p = place("Demilitarized Zone");
    CHECK(p != NULL);
    if (p) { CHECK_STR(p->loc.country, "KOR"); CHECK_INT(p->loc.type, DYAD_PLACE_LANDMARK); }
    CHECK(place("Union") == NULL);           /* a town in New Jersey, but here the end of a name */
}

static void test_resolve_and_distance(void)
{
    dyad_location l;
    CHECK_INT(where_resolve(model->where, "Strait of Hormuz", &l), 0);
    CHECK_INT(l.type, DYAD_PLACE_SEA);
    CHECK_INT(where_resolve(model->where, "PRK", &l), 0);
    CHECK_STR(l.fips, "KN");
    CHECK_INT(where_resolve(model->where, "Qwzxv", &l), -1);
    double km = where_km(37.57, 126.98, 39.03, 125.75);     /* Seoul - Pyongyang */
    CHECK(km > 180 && km < 210);
}

/* A sentence left unparsed (the parse runs only where events may be):
 * deprel NONE on its tokens.  The where stage still finds its place names
 * and places its events by the rules that need no tree. */
static void test_unparsed_sentence(void)
{
    code_text("North Korea fired two ballistic missiles off its eastern coast near Wonsan on Sunday.");
    const dyad_event *e = event("150");
    CHECK(e != NULL);
    if (!e) return;
    CHECK_INT(doc->n_syn, doc->n_toks);
    for (uint32_t t = 0; t < doc->n_syn; t++) {
        doc->syn[t].deprel = DYAD_DEP_NONE;
        doc->syn[t].head = -1;
    }
    CHECK(!dyad_sent_parsed(doc, e->sent));
    where_process(model->where, doc);
    CHECK(place("Wonsan") != NULL);
    CHECK(e->where.name != NULL);
    CHECK_STR(e->where.country, "PRK");
    CHECK(e->where.how != DYAD_WHERE_VERB);
}

int main(void)
{
    char err[256];
    model = dyad_model_load(NULL, err, sizeof err);
    if (!model) { printf("FAIL load: %s\n", err); return 1; }
    doc = dyad_doc_new();
    RUN(test_verb_modifier_coast);
    RUN(test_verb_modifier_city);
    RUN(test_dateline);
    RUN(test_dateline_not_for_a_foreign_actor);
    RUN(test_destination);
    RUN(test_visiting_source);
    RUN(test_actor_geography);
    RUN(test_georgia_by_the_story);
    RUN(test_paris_texas);
    RUN(test_landmarks_and_longer_names);
    RUN(test_resolve_and_distance);
    RUN(test_unparsed_sentence);
    dyad_doc_free(doc);
    dyad_model_free(model);
    return check_done();
}
