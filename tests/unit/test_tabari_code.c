/*
 * test_tabari_code.c - the TABARI-mode coder (dict/tabari_code.h): word
 * matching, the phrase trie, pattern order, actors merged with mentions
 * already there, explanations, discards and bad input, on the invented
 * dictionaries in tests/fixtures/dict/code*.txt; then loading and coding
 * with the public TABARI / PETRARCH / Phoenix dictionaries in
 * ../shared/dictionaries (read in place, never copied), with load times.
 * tests/cli/dict.sh covers every pattern marker end to end through
 * `dyad code`.
 */
#include "../check.h"
#include "dyad.h"
#include "dict/tabari_code.h"
#include "dict/tc.h"

#include <time.h>

#define FIX "tests/fixtures/dict/"


static dyad_doc *doc;
static const dyad_date DAY = {1935, 6, 1};

static tabari_coder *load(const char *verbs, const char *actors, const char *agents, const char *discards)
{
    const char *a[1] = {actors};
    tabari_files f = {verbs, a, actors ? 1 : 0, agents, discards, NULL};
    char err[512] = "";
    tabari_coder *c = tabari_coder_load(&f, NULL, NULL, err, sizeof err);
    if (!c) fprintf(stderr, "load: %s\n", err);
    return c;
}

/* Text, publication date, then the TABARI stages; mentions may be placed
 * beforehand by the caller (pre != NULL) as dyad's actors stage would. */
static void code_with(const tabari_coder *c, const char *text, dyad_date date, void (*pre)(dyad_doc *))
{
    dyad_doc_reset(doc);
    dyad_doc_set_raw(doc, text, strlen(text));
    dyad_text_process(doc);
    doc->pubdate = date;
    doc->n_mentions = doc->n_entities = doc->n_events = 0;
    if (pre) pre(doc);
    tabari_coder_actors(c, doc);
    tabari_coder_events(c, doc, NULL);
    tabari_coder_discard(c, doc);
}

static int has_event(const char *src, const char *tgt, const char *cameo)
{
    for (uint32_t i = 0; i < doc->n_events; i++) {
        const dyad_event *e = &doc->events[i];
        if (!strcmp(e->source_code, src) && !strcmp(e->target_code, tgt) && !strcmp(e->cameo, cameo)) return 1;
    }
    return 0;
}

/* Has an event src -> tgt whose CAMEO code starts with root. */
static int has_root(const char *src, const char *tgt, const char *root)
{
    for (uint32_t i = 0; i < doc->n_events; i++) {
        const dyad_event *e = &doc->events[i];
        if (!strcmp(e->source_code, src) && !strcmp(e->target_code, tgt) && !strncmp(e->cameo, root, strlen(root)))
            return 1;
    }
    return 0;
}

#define CHECK_EVENT(s, t, c) do { if (!has_event(s, t, c)) { \
    CHECK_NOTE("%s:%d: no event %s -> %s %s (%u events%s%s %s %s)", __FILE__, __LINE__, s, t, c, doc->n_events, \
               doc->n_events ? ", first " : "", doc->n_events ? doc->events[0].source_code : "", \
               doc->n_events ? doc->events[0].target_code : "", doc->n_events ? doc->events[0].cameo : ""); } } while (0)

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ------------------------------------------------------------ words and the trie */

static tc_word word(tc_pool *pool, const char *text, int kind)
{
    tc_words ws = {0};
    dyad_token *scratch = NULL;
    uint32_t cap = 0;
    tc_words_add(&ws, pool, text, kind, 0, &scratch, &cap);
    tc_word w = ws.w[0];
    free(ws.w);
    free(scratch);
    return w;
}

static int wm(tc_pool *pool, const tc_word *w, const char *tok)
{
    return tc_word_match(pool->p, w, hash_folded(tok, strlen(tok)), tok, (uint32_t)strlen(tok));
}

static void test_word_match(void)
{
    tc_pool pool = {0};
    tc_word attack = word(&pool, "ATTACK", TC_FORMS), ally = word(&pool, "ALLY", TC_FORMS);
    tc_word praise = word(&pool, "PRAISE", TC_FORMS), haggl = word(&pool, "HAGGL", TC_STEM);
    tc_word in = word(&pool, "IN", TC_EXACT);
    CHECK(wm(&pool, &attack, "attack") && wm(&pool, &attack, "attacks") && wm(&pool, &attack, "attacked"));
    CHECK(wm(&pool, &attack, "attacking") && !wm(&pool, &attack, "attacker") && !wm(&pool, &attack, "attac"));
    CHECK(wm(&pool, &ally, "allies") && wm(&pool, &ally, "allied") && !wm(&pool, &ally, "allyies"));
    CHECK(wm(&pool, &praise, "praised") && wm(&pool, &praise, "praising") && wm(&pool, &praise, "praises"));
    CHECK(wm(&pool, &haggl, "haggling") && wm(&pool, &haggl, "haggle") && !wm(&pool, &haggl, "hag"));
    CHECK(wm(&pool, &in, "in") && !wm(&pool, &in, "into"));
    char forms[8][TC_MAX_FOLD];
    CHECK_INT(tc_regular_forms("fire", 4, 1, forms), 4);
    CHECK_STR(forms[1], "fires");
    CHECK_STR(forms[2], "fired");
    CHECK_STR(forms[3], "firing");
    CHECK_INT(tc_regular_forms("church", 6, 0, forms), 2);
    CHECK_STR(forms[1], "churches");
    free(pool.p);
}

static void test_trie(void)
{
    tc_pool pool = {0};
    tc_trie t;
    tc_trie_init(&t);
    tc_word attack = word(&pool, "ATTACK", TC_STEM), attacked = word(&pool, "ATTACKED", TC_EXACT);
    tc_word and_ = word(&pool, "AND", TC_EXACT), stabbed = word(&pool, "STABBED", TC_EXACT);
    tc_trie_add(&t, &attack, 1, 1);
    tc_trie_add(&t, &attacked, 1, 2);
    tc_word three[3] = {attacked, and_, stabbed};
    tc_trie_add(&t, three, 3, 3);
    const char *text = "They attacked and stabbed him, attacking again.";
    dyad_doc_reset(doc);
    dyad_doc_set_raw(doc, text, strlen(text));
    dyad_text_process(doc);
    uint32_t node = 0, n = tc_trie_longest(&t, doc, 1, doc->n_toks, &node);
    CHECK_INT(n, 3);                                   /* the longest phrase */
    CHECK_INT(t.pays[t.nodes[node].head].value, 3);
    n = tc_trie_longest(&t, doc, 1, 2, &node);
    CHECK_INT(n, 1);
    CHECK_INT(t.pays[t.nodes[node].head].value, 2);    /* exact beats stem */
    n = tc_trie_longest(&t, doc, 6, doc->n_toks, &node);   /* "attacking" */
    CHECK_INT(n, 1);
    CHECK_INT(t.pays[t.nodes[node].head].value, 1);
    CHECK_INT(tc_trie_longest(&t, doc, 0, doc->n_toks, &node), 0);
    tc_trie_free(&t);
    free(pool.p);
}

/* ------------------------------------------------------------ the fixtures */

static void test_fixture_load(void)
{
    tabari_coder *c = load(FIX "code.verbs.txt", FIX "code.actors.txt", FIX "code.agents.txt", FIX "code.discards.txt");
    CHECK(c != NULL);
    if (!c) return;
    tabari_coder_stats st;
    tabari_coder_stats_get(c, &st);
    CHECK_INT(st.verbs, 9);
    CHECK_INT(st.patterns, 16);
    CHECK_INT(st.variants, 18);             /* two patterns with two alternatives each */
    CHECK_INT(st.actors, 9);
    CHECK_INT(st.discards, 2);
    CHECK_INT(st.unusable, 0);
    CHECK(st.agents >= 9);
    CHECK(tabari_coder_has_verbs(c) && tabari_coder_has_actors(c));
    /* TABARI's order in the ATTACK block: longest first, file order among equals. */
    const tc_block *b = &c->blocks[0];
    CHECK_INT(b->n_var, 7);
    CHECK_STR(c->vars[b->var_at].text, "* VIDEO_GAME [###]");
    CHECK_STR(c->vars[b->var_at + 1].text, "* + AND_ALSO [+++]");
    CHECK_STR(c->vars[b->var_at + 2].text, "PLAN TO_ * [138]");
    CHECK_STR(c->vars[b->var_at + 3].text, "* + BORDER [195]");
    CHECK_STR(c->vars[b->var_at + 6].text, "$ * + [190]");
    tabari_coder_free(c);
}

/* A mention dyad's actors stage would have made, on "Osterlich". */
static void place_osterlich(dyad_doc *d)
{
    const char *p = strstr(d->text, "Osterlich");
    uint32_t off = (uint32_t)(p - d->text), t = 0;
    while (t < d->n_toks && d->toks[t].off != off) t++;
    d->mentions = dyad_grow(d->mentions, &d->cap_mentions, 1, sizeof *d->mentions);
    dyad_mention *m = &d->mentions[0];
    memset(m, 0, sizeof *m);
    m->off = off;
    m->len = 9;
    m->tok = t;
    m->ntok = 1;
    m->entity = -1;
    m->antecedent = -1;
    snprintf(m->code, sizeof m->code, "AUT");
    m->kind = DYAD_ACTOR_COUNTRY;
    m->how = DYAD_HOW_LEXICON;
    d->n_mentions = 1;
}

static void test_fixture_code(void)
{
    tabari_coder *c = load(FIX "code.verbs.txt", FIX "code.actors.txt", FIX "code.agents.txt", FIX "code.discards.txt");
    if (!c) { CHECK(c != NULL); return; }
    code_with(c, "Freedonian troops attacked the Sylvanian border.", DAY, NULL);
    CHECK_INT(doc->n_events, 1);
    CHECK_EVENT("FRDMIL", "SYL", "195");
    CHECK_INT(doc->n_mentions, 2);
    CHECK_STR(doc->mentions[0].code, "FRDMIL");
    CHECK_INT(doc->mentions[0].how, DYAD_HOW_COMPOSED);
    CHECK_STR(doc->entities[doc->mentions[0].entity].name, "Freedonia Troop");
    /* A mention already there wins its words and keeps its place in order. */
    code_with(c, "Sylvania and Freedonia attacked Osterlich.", DAY, place_osterlich);
    CHECK_INT(doc->n_mentions, 3);
    CHECK_STR(doc->mentions[2].code, "AUT");
    CHECK(doc->mentions[0].tok < doc->mentions[1].tok && doc->mentions[1].tok < doc->mentions[2].tok);
    CHECK_EVENT("SYL", "AUT", "190");
    CHECK_EVENT("FRD", "AUT", "190");
    CHECK_INT(doc->n_events, 2);
    /* Dated codes at two dates; the null code makes no actor. */
    code_with(c, "Trentino attacked Freedonia.", DAY, NULL);
    CHECK_EVENT("SYLGOV", "FRD", "190");
    code_with(c, "Trentino attacked Freedonia.", (dyad_date){1934, 1, 1}, NULL);
    CHECK_EVENT("SYLELI", "FRD", "190");
    code_with(c, "The Marx Brothers attacked Sylvania.", DAY, NULL);
    CHECK_INT(doc->n_mentions, 1);
    CHECK_INT(doc->n_events, 0);
    /* Discards: the sentence, or the story. */
    code_with(c, "Freedonia attacked Sylvania at the chess olympiad. Osterlich attacked Sylvania.", DAY, NULL);
    CHECK_INT(doc->n_events, 1);
    CHECK_EVENT("OST", "SYL", "190");
    code_with(c, "Freedonia attacked Sylvania. Osterlich won the regatta final.", DAY, NULL);
    CHECK_INT(doc->n_events, 0);
    tabari_coder_free(c);
}

static void test_explain(void)
{
    tabari_coder *c = load(FIX "code.verbs.txt", FIX "code.actors.txt", NULL, NULL);
    if (!c) { CHECK(c != NULL); return; }
    const char *text = "Freedonia never attacked Sylvania. Sylvania was bombed by Freedonia.";
    dyad_doc_reset(doc);
    dyad_doc_set_raw(doc, text, strlen(text));
    dyad_text_process(doc);
    doc->pubdate = DAY;
    doc->n_mentions = doc->n_entities = doc->n_events = 0;
    tabari_coder_actors(c, doc);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    tabari_coder_events(c, doc, f);
    fclose(f);
    CHECK(strstr(buf, "pattern code.verbs.txt:7 [NEVER_ * [---]]") != NULL);
    CHECK(strstr(buf, "no event: null code [---]") != NULL);
    CHECK(strstr(buf, "verb \"bombed\" (code.verbs.txt:18 BOMB) no pattern: the verb's code [195]") != NULL);
    CHECK(strstr(buf, "event 195 FRD -> SYL") != NULL);
    CHECK_INT(doc->n_events, 1);
    CHECK(doc->events[0].flags & DYAD_EV_PASSIVE);
    free(buf);
    tabari_coder_free(c);
}

static void test_bad_input(void)
{
    char err[512] = "";
    const char *a[1] = {FIX "code.verbs.txt"};
    tabari_files f = {NULL, a, 1, NULL, NULL, NULL};
    CHECK(tabari_coder_load(&f, NULL, NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "looks like a verbs dictionary, not actors") != NULL);
    tabari_files g = {"/no/such/file.verbs", NULL, 0, NULL, NULL, NULL};
    CHECK(tabari_coder_load(&g, NULL, NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "cannot read") != NULL);
    tabari_files h = {FIX "code.verbs.txt", NULL, 0, NULL, NULL, "/no/such/data"};
    CHECK(tabari_coder_load(&h, NULL, NULL, err, sizeof err) == NULL);
    /* Noise as text never crashes the stages. */
    tabari_coder *c = load(FIX "code.verbs.txt", FIX "code.actors.txt", FIX "code.agents.txt", FIX "code.discards.txt");
    if (!c) { CHECK(c != NULL); return; }
    srand(9);
    for (int round = 0; round < 200; round++) {
        char text[600];
        static const char *const words[] = {"Freedonia", "attacked", "and", ",", "Sylvania", "was", "by",
                                            "met", "together", "troops", "of", "the", "\"", ";", "never",
                                            "signed", "arms", "deal", "with", "Trentino", "spying", "for"};
        size_t n = 0;
        for (int w = 0; w < 40 && n < sizeof text - 20; w++) {
            if (rand() % 7 == 0) { text[n++] = (char)(rand() % 255 + 1); continue; }
            n += (size_t)snprintf(text + n, sizeof text - n, "%s ", words[rand() % 22]);
        }
        text[n] = 0;
        code_with(c, text, DAY, NULL);
        for (uint32_t i = 0; i < doc->n_events; i++) CHECK(doc->events[i].source >= 0 && doc->events[i].target >= 0);
    }
    tabari_coder_free(c);
}

/* ------------------------------------------------------------ the public dictionaries */

static void test_real_tabari(void)
{
    char verbs[4096], countries[4096], intl[4096], mns[4096], agents[4096];
    snprintf(verbs, sizeof verbs, "%s", check_shared("dictionaries/CAMEO.091003.master.verbs.txt"));
    snprintf(countries, sizeof countries, "%s", check_shared("dictionaries/Phoenix.Countries.actors.txt"));
    snprintf(intl, sizeof intl, "%s", check_shared("dictionaries/Phoenix.International.actors.txt"));
    snprintf(mns, sizeof mns, "%s", check_shared("dictionaries/Phoenix.MilNonState.actors.txt"));
    snprintf(agents, sizeof agents, "%s", check_shared("dictionaries/Phoenix.agents.txt"));
    FILE *probe = fopen(verbs, "r");
    if (!probe) { CHECK_SKIP("needs ../shared (%s)", check_missing); return; }
    fclose(probe);
    const char *a[3] = {countries, intl, mns};
    tabari_files f = {verbs, a, 3, agents, NULL, NULL};
    char err[512] = "";
    double t0 = now_ms();
    tabari_coder *c = tabari_coder_load(&f, NULL, NULL, err, sizeof err);
    double ms = now_ms() - t0;
    if (!c) { CHECK_NOTE("load: %s", err); return; }
    tabari_coder_stats st;
    tabari_coder_stats_get(c, &st);
    printf("# loaded the TABARI verbs and Phoenix actors and agents in %.0f ms: %ld patterns (%ld variants), "
           "%ld actors, %ld actor phrases, %ld agents, %ld unusable lines\n",
           ms, st.patterns, st.variants, st.actors, st.actor_names, st.agents, st.unusable);
    /* The time is printed, not checked: speed is make bench's. */
    CHECK(st.patterns > 15000 && st.verbs == 1216);
    CHECK(st.actors > 27000 && st.agents > 3000);
    CHECK(st.unusable > 0 && st.unusable < 100);

    dyad_date d = {2015, 6, 1};
    code_with(c, "Russian troops attacked Ukrainian positions near Kharkiv.", d, NULL);
    CHECK(has_root("RUSMIL", "UKR", "19"));
    code_with(c, "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow.", d, NULL);
    CHECK(has_root("CHNGOV", "RUSGOV", "04") && has_root("RUSGOV", "CHNGOV", "04"));
    code_with(c, "Egypt and Israel signed a peace treaty.", d, NULL);
    CHECK_EVENT("EGY", "ISR", "057");
    CHECK_EVENT("ISR", "EGY", "057");
    code_with(c, "The United States imposed new sanctions on Iran.", d, NULL);
    CHECK(has_root("USA", "IRN", "16"));
    code_with(c, "Ukraine was attacked by Russia.", d, NULL);
    CHECK(has_root("RUS", "UKR", "19"));
    /* Dated codes: the Soviet Union's Ukraine before independence. */
    code_with(c, "Russian troops attacked Ukrainian positions.", (dyad_date){1990, 6, 1}, NULL);
    CHECK(has_root("RUSMIL", "USRUKR", "19"));
    tabari_coder_free(c);
}

static void test_real_petrarch(void)
{
    char verbs[4096], countries[4096], agents[4096];
    snprintf(verbs, sizeof verbs, "%s", check_shared("dictionaries/CAMEO.verbpatterns.150430.txt"));
    snprintf(countries, sizeof countries, "%s", check_shared("dictionaries/Phoenix.Countries.actors.txt"));
    snprintf(agents, sizeof agents, "%s", check_shared("dictionaries/Phoenix.agents.txt"));
    FILE *probe = fopen(verbs, "r");
    if (!probe) { CHECK_SKIP("needs ../shared (%s)", check_missing); return; }
    fclose(probe);
    tabari_coder *c = load(verbs, countries, agents, NULL);
    if (!c) { CHECK(c != NULL); return; }
    tabari_coder_stats st;
    tabari_coder_stats_get(c, &st);
    CHECK(st.patterns > 10000 && st.synsets >= 38);
    dyad_date d = {2015, 6, 1};
    code_with(c, "Turkey accused Greece of violating its airspace.", d, NULL);
    CHECK(has_root("TUR", "GRC", "11"));
    code_with(c, "German Chancellor Angela Merkel visited Washington.", d, NULL);
    CHECK_EVENT("DEUGOV", "USA", "042");
    CHECK_EVENT("USA", "DEUGOV", "043");
    code_with(c, "Pakistani police arrested dozens of protesters in Karachi.", d, NULL);
    CHECK(has_root("PAKCOP", "PAKOPP", "17"));
    tabari_coder_free(c);
}

int main(void)
{
    doc = dyad_doc_new();
    RUN(test_word_match);
    RUN(test_trie);
    RUN(test_fixture_load);
    RUN(test_fixture_code);
    RUN(test_explain);
    RUN(test_bad_input);
    RUN(test_real_tabari);
    RUN(test_real_petrarch);
    dyad_doc_free(doc);
    return check_done();
}
