/*
 * lexicon.c - the words the time stage recognises, looked up by token hash.
 *
 * Every token already carries the hash of its folded form (tokenize.c), so
 * recognising "July", "Jan.", "Thursday", "six" or "ago" costs one probe
 * into a small open-addressing table built once (pthread_once: documents
 * may be processed by several threads).  A probe that hits compares the
 * folded text too, because 32-bit hashes of arbitrary words can collide.
 */
#include "tx.h"
#include "../core/core.h"

#include <pthread.h>
#include <string.h>

typedef struct {
    const char *w;
    tx_word e;
} entry;

#define M(w, v)      {w, {TXC_MONTH, 0, v, 0}}
#define MA(w, v)     {w, {TXC_MONTH, 0, v, 1}}     /* Jan 20: needs a number */
#define MX(w, v)     {w, {TXC_MONTH, 0, v, 2}}     /* May, March: also ordinary words */
#define D(w, v)      {w, {TXC_WEEKDAY, 0, v, 0}}
#define N(w, v)      {w, {TXC_NUMBER, 0, v, 0}}
#define O(w, v)      {w, {TXC_ORDINAL, 0, v, 0}}
#define U(w, v)      {w, {TXC_UNIT, 0, v, 0}}
#define UP(w, v)     {w, {TXC_UNIT, 0, (v) + 16, 0}}
#define R(w, v)      {w, {TXC_RELDAY, 0, v, 0}}
#define S(w, v)      {w, {TXC_SEASON, 0, v, 0}}
#define T(w, v)      {w, {TXC_TOD, 0, v, 0}}
#define SA(w, v)     {w, {TXC_SETADV, 0, v, 0}}
#define W(w, id)     {w, {TXC_WORD, id, 0, 0}}
#define WV(w, id, v) {w, {TXC_WORD, id, v, 0}}
#define F(w)         {w, {TXC_FUTURE, 0, 0, 0}}
#define FT(w)        {w, {TXC_FUTURE, 0, 1, 0}}     /* a future cue only before "to" */
#define P(w)         {w, {TXC_PAST, 0, 0, 0}}
#define PR(w)        {w, {TXC_PRESENT, 0, 0, 0}}
#define IR(w)        {w, {TXC_IRREALIS, 0, 0, 0}}

static const entry words[] = {
    M("january", 1), M("february", 2), MX("march", 3), M("april", 4), MX("may", 5), M("june", 6),
    M("july", 7), M("august", 8), M("september", 9), M("october", 10), M("november", 11),
    M("december", 12),
    M("jan.", 1), M("feb.", 2), M("mar.", 3), M("apr.", 4), M("jun.", 6), M("jul.", 7),
    M("aug.", 8), M("sep.", 9), M("sept.", 9), M("oct.", 10), M("nov.", 11), M("dec.", 12),
    MA("jan", 1), MA("feb", 2), MA("apr", 4), MA("jun", 6), MA("jul", 7), MA("aug", 8),
    MA("sep", 9), MA("sept", 9), MA("oct", 10), MA("nov", 11), MA("dec", 12),

    D("monday", 0), D("tuesday", 1), D("wednesday", 2), D("thursday", 3), D("friday", 4),
    D("saturday", 5), D("sunday", 6),
    D("mon.", 0), D("tue.", 1), D("tues.", 1), D("wed.", 2), D("thu.", 3), D("thur.", 3),
    D("thurs.", 3), D("fri.", 4), D("sat.", 5), D("sun.", 6),
    D("mondays", 10), D("tuesdays", 11), D("wednesdays", 12), D("thursdays", 13),
    D("fridays", 14), D("saturdays", 15), D("sundays", 16),

    N("one", 1), N("two", 2), N("three", 3), N("four", 4), N("five", 5), N("six", 6),
    N("seven", 7), N("eight", 8), N("nine", 9), N("ten", 10), N("eleven", 11), N("twelve", 12),
    N("thirteen", 13), N("fourteen", 14), N("fifteen", 15), N("sixteen", 16),
    N("seventeen", 17), N("eighteen", 18), N("nineteen", 19), N("twenty", 20), N("thirty", 30),
    N("forty", 40), N("fifty", 50), N("sixty", 60), N("seventy", 70), N("eighty", 80),
    N("ninety", 90), N("hundred", 100), N("dozen", 12), N("couple", 2),
    N("few", -1), N("several", -1), N("many", -1), N("some", -1),

    O("first", 1), O("second", 2), O("third", 3), O("fourth", 4),

    U("minute", U_MINUTE), UP("minutes", U_MINUTE), U("hour", U_HOUR), UP("hours", U_HOUR),
    U("day", U_DAY), UP("days", U_DAY), U("week", U_WEEK), UP("weeks", U_WEEK),
    U("weekend", U_WEEKEND), UP("weekends", U_WEEKEND), U("month", U_MONTH),
    UP("months", U_MONTH), U("quarter", U_QUARTER), UP("quarters", U_QUARTER),
    U("year", U_YEAR), UP("years", U_YEAR), U("decade", U_DECADE), UP("decades", U_DECADE),
    U("century", U_CENTURY), UP("centuries", U_CENTURY),

    R("yesterday", -1), R("today", 0), R("tomorrow", 1), R("tonight", 10),

    S("spring", S_SPRING), S("summer", S_SUMMER), S("fall", S_FALL), S("autumn", S_FALL),
    S("winter", S_WINTER),

    T("morning", TOD_MORNING), T("afternoon", TOD_AFTERNOON), T("evening", TOD_EVENING),
    T("night", TOD_NIGHT),

    SA("daily", U_DAY), SA("weekly", U_WEEK), SA("monthly", U_MONTH), SA("quarterly", U_QUARTER),
    SA("annually", U_YEAR), SA("annual", U_YEAR), SA("yearly", U_YEAR), SA("hourly", U_HOUR),

    W("in", W_IN), W("on", W_ON), W("at", W_AT), W("since", W_SINCE), W("during", W_DURING),
    W("by", W_BY), W("until", W_UNTIL), W("till", W_UNTIL), W("from", W_FROM), W("of", W_OF),
    W("the", W_THE), W("last", W_LAST), W("next", W_NEXT), W("this", W_THIS), W("past", W_PAST),
    W("coming", W_COMING), W("earlier", W_EARLIER), W("later", W_LATER), W("early", W_EARLY),
    W("late", W_LATE), W("mid", W_MID), W("ago", W_AGO), W("before", W_BEFORE),
    W("after", W_AFTER), W("every", W_EVERY), W("each", W_EACH), W("that", W_THAT),
    W("same", W_SAME), W("following", W_FOLLOWING), W("previous", W_PREVIOUS),
    W("prior", W_PREVIOUS), W("recent", W_RECENT), W("now", W_NOW),
    W("recently", W_RECENTLY), W("currently", W_CURRENTLY), W("soon", W_SOON),
    W("once", W_ONCE), W("twice", W_TWICE), W("times", W_TIMES), W("per", W_PER),
    W("as", W_AS), W("a", W_A), W("an", W_AN), W("for", W_FOR), W("over", W_OVER),
    W("within", W_WITHIN), W("and", W_AND), W("to", W_TO), W("through", W_THROUGH),
    W("between", W_BETWEEN), W("around", W_AROUND),
    W("a.m.", W_AM), W("am", W_AM), W("p.m.", W_PM), W("pm", W_PM),
    W("gmt", W_ZONE), W("utc", W_ZONE), W("edt", W_ZONE), W("est", W_ZONE), W("et", W_ZONE),
    W("bst", W_ZONE), W("cet", W_ZONE), W("cest", W_ZONE), W("jst", W_ZONE), W("kst", W_ZONE),
    W("local", W_LOCAL), W("time", W_TIME), W("noon", W_NOON), W("midnight", W_MIDNIGHT),
    W("fiscal", W_FISCAL), WV("q1", W_Q, 1), WV("q2", W_Q, 2), WV("q3", W_Q, 3),
    WV("q4", W_Q, 4), W("future", W_FUTURE), W("who", W_WHO), W("which", W_WHICH),
    W("whose", W_WHOSE), W("whom", W_WHOM), W("former", W_FORMER), W("vice", W_VICE),
    W("then", W_THEN), W("afterwards", W_CONTINUE), W("afterward", W_CONTINUE),
    W("subsequently", W_CONTINUE), W("thereafter", W_CONTINUE), W("meanwhile", W_MEANWHILE),
    W("these", W_THESE), W("those", W_THOSE), W("other", W_OTHER),
    W("year-end", W_YEAR_END),
    /* Speech verbs: val 1 past (also a past tense cue), 0 present. */
    WV("said", W_SPEECH, 1), WV("told", W_SPEECH, 1), WV("added", W_SPEECH, 1),
    WV("wrote", W_SPEECH, 1), WV("tweeted", W_SPEECH, 1), WV("declared", W_SPEECH, 1),
    WV("announced", W_SPEECH, 1), WV("spoke", W_SPEECH, 1), WV("says", W_SPEECH, 0),
    WV("tells", W_SPEECH, 0),

    F("will"), F("shall"), F("won't"), F("scheduled"), F("upcoming"),
    FT("going"), FT("due"), FT("expected"), FT("plans"), FT("plan"), FT("planned"),
    FT("planning"), FT("set"), FT("intends"), FT("intend"), FT("aims"), FT("looking"),

    IR("would"), IR("could"), IR("might"), IR("should"), IR("hope"), IR("hopes"), IR("hoped"),
    IR("hoping"), IR("expect"), IR("expects"), IR("expecting"), IR("forecast"), IR("forecasts"),
    IR("predicted"), IR("predicts"), IR("predict"), IR("projected"), IR("target"), IR("targets"),
    IR("wants"), IR("wanted"),

    P("was"), P("were"), P("had"), P("did"), P("went"), P("came"), P("met"), P("left"),
    P("took"), P("made"), P("gave"), P("held"), P("began"), P("became"), P("sent"),
    P("saw"), P("got"), P("ran"), P("won"), P("lost"), P("fell"), P("rose"), P("struck"),
    P("thought"), P("knew"), P("felt"), P("found"), P("brought"), P("built"), P("bought"),
    P("sought"), P("fought"), P("caught"), P("led"), P("fled"), P("paid"), P("kept"),
    P("chose"), P("drove"), P("flew"), P("grew"), P("threw"), P("stood"), P("broke"),
    P("forgot"), P("wasn't"), P("weren't"), P("hadn't"), P("didn't"),

    PR("is"), PR("are"), PR("am"), PR("has"), PR("have"), PR("does"), PR("isn't"),
    PR("aren't"), PR("hasn't"), PR("haven't"), PR("doesn't"),
};

#define NSLOT 1024u          /* a power of two, over twice the entries */

static struct { uint32_t hash; uint16_t idx; uint8_t len; } slots[NSLOT];   /* idx 0 = empty, else i+1 */
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void build(void)
{
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        uint32_t h = hash_folded(words[i].w, strlen(words[i].w));
        uint32_t k = h & (NSLOT - 1);
        while (slots[k].idx) k = (k + 1) & (NSLOT - 1);
        slots[k].hash = h;
        slots[k].idx = (uint16_t)(i + 1);
        slots[k].len = (uint8_t)strlen(words[i].w);
    }
}

/* Equal ignoring ASCII case; the token's ’ folds to ' (3 bytes to 1). */
static int same(const char *s, size_t n, const char *w, size_t len)
{
    if (n == len) {
        for (size_t i = 0; i < n; i++) {
            char c = s[i];
            if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
            if (c != w[i]) return 0;
        }
        return 1;
    }
    char buf[24];
    return n > len && n <= len + 4 && fold_word(s, n, buf, sizeof buf) == len && !memcmp(buf, w, len);
}

static uint16_t probe_index(uint32_t h, const char *s, size_t n)
{
    for (uint32_t k = h & (NSLOT - 1); slots[k].idx; k = (k + 1) & (NSLOT - 1)) {
        if (slots[k].hash != h) continue;
        if (same(s, n, words[slots[k].idx - 1].w, slots[k].len)) return slots[k].idx;
    }
    return 0;
}

static const tx_word *probe(uint32_t h, const char *s, size_t n)
{
    uint16_t k = probe_index(h, s, n);
    return k ? &words[k - 1].e : NULL;
}

const tx_word *tx_entry(uint16_t k) { return k ? &words[k - 1].e : NULL; }

void tx_index_all(const dyad_doc *d, uint16_t *out)
{
    pthread_once(&once, build);
    for (uint32_t i = 0; i < d->n_toks; i++) {
        const dyad_token *t = &d->toks[i];
        out[i] = t->flags & DYAD_TOK_PUNCT ? 0 : probe_index(t->hash, d->text + t->off, t->len);
    }
}

const tx_word *tx_lookup(const dyad_doc *d, uint32_t i)
{
    pthread_once(&once, build);
    const dyad_token *t = &d->toks[i];
    return probe(t->hash, d->text + t->off, t->len);
}

const tx_word *tx_lookup_str(const char *s, size_t n)
{
    pthread_once(&once, build);
    return probe(hash_folded(s, n), s, n);
}

int tx_is(const dyad_doc *d, uint32_t i, int id)
{
    if (i >= d->n_toks) return 0;
    const tx_word *w = tx_lookup(d, i);
    return w && w->cls == TXC_WORD && w->id == id;
}
