/*
 * finish.c - the story-level pass over a document's events, after every
 * sentence is coded (coder.c calls events_finish last).
 *
 *   no target      an event without a target is dropped unless CAMEO codes
 *                  the act without one (targetless_ok: "agreed to
 *                  denuclearise", a protest, a missile test);
 *   one speech act a statement (01x) of a source that also did something
 *                  more specific in the same sentence ("announced it had
 *                  test-fired missiles": 150, not 010 and 150) is that act;
 *   told twice     the same event (source, target, CAMEO root, date) told
 *                  again within the next three sentences ("X accused Y
 *                  ..." then the quotation) is one event with two evidence
 *                  sentences (further apart it may be another act):
 *                  reports counts them, also_sent names the last;
 *   relevance      in a sports report ("England beat Fiji 40-10") or a
 *                  company's results, conflict between sides that are no
 *                  government, force or party (a country's bare code is
 *                  its team) is the game or the market, not politics;
 *   dates          an event never lies after the story's date unless it is
 *                  announced (intent: flagged FUTURE); one dated more than
 *                  a year before the story is flagged HISTORICAL and keeps
 *                  its own date.
 * In place, no allocation.
 */
#include "model.h"
#include "../core/core.h"

#include <stdio.h>
#include <string.h>

static int root_of(const char *cameo) { return (cameo[0] - '0') * 10 + (cameo[1] - '0'); }

/* Can CAMEO code this act with nobody as target?  Speech is addressed to
 * someone: a statement, appeal, meeting, praise, cooperation, demand,
 * criticism, rejection or cut in relations with nobody named ("the White
 * House denied a report", "the CIA declined to comment", "the EU welcomed
 * the agreement") is no dyadic event.  Intentions ("agreed to
 * denuclearise"), aid, yielding, inquiries, threats, protests and shows
 * of force (a missile test) are coded with the source alone.  Coercion
 * and force are done to someone: when the victims are no actor the coder
 * looks for their country inside the object or at the place ("12 people
 * in Kabul": AFGCVL); failing that, there is no dyad to record. */
static int targetless_ok(const char *cameo)
{
    static const char needs[21] = {[1] = 1, [2] = 1, [4] = 1, [5] = 1, [6] = 1, [10] = 1, [11] = 1, [12] = 1,
                                   [16] = 1, [17] = 1, [18] = 1, [19] = 1, [20] = 1};
    int r = root_of(cameo);
    /* the bare "intend to cooperate", "give aid", "yield" (030, 070, 080)
     * are done with someone; their specific kinds may stand alone */
    if ((r == 3 || r == 7 || r == 8) && cameo[2] == '0' && !cameo[3]) return 0;
    return r >= 0 && r <= 20 && !needs[r];
}

static long first_day(dyad_date d) { return dyad_date_to_days((dyad_date){d.year, d.month ? d.month : 1, d.day ? d.day : 1}); }

static long last_day(dyad_date d)
{
    int m = d.month ? d.month : 12;
    int day = d.day ? d.day : dyad_days_in_month(d.year, m);
    return dyad_date_to_days((dyad_date){d.year, (int8_t)m, (int8_t)day});
}

/* The same side told twice: "China" and then "the Chinese foreign
 * ministry" (one code a prefix of the other). */
static int same_side(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    return !strncmp(a, b, na < nb ? na : nb) && (na >= 3 || na == nb) && (nb >= 3 || na == nb);
}

static void drop(dyad_doc *d, uint32_t i) { memmove(&d->events[i], &d->events[i + 1], (d->n_events - i - 1) * sizeof *d->events); d->n_events--; }

static void say(FILE *x, const dyad_event *e, const char *why)
{
    if (x) fprintf(x, "  [%u] event %s %s -> %s dropped: %s\n", e->sent + 1, e->cameo, e->source_code,
                   e->target_code[0] ? e->target_code : "-", why);
}

static const char *const sport_words[] = {
    "match", "matches", "goal", "goals", "cup", "league", "tournament", "championship", "championships",
    "rugby", "football", "cricket", "tennis", "golf", "coach", "striker", "midfielder", "innings", "wickets",
    "tries", "semi-final", "quarter-final", "final", "fixture", "squad", "olympic", "olympics", "medal",
    "stadium", "referee", "penalty", "half-time", "scored", "seeded", "defender", "captain", "test", NULL};
static const char *const market_words[] = {
    "profit", "profits", "revenue", "revenues", "earnings", "shares", "turnover", "quarterly", "dividend",
    "sales", "investors", "shareholders", "analysts", "forecast", "results", NULL};

/* How many tokens of the story are words of this list (each word once per
 * two hundred tokens at most matters: a score is a count, not a share). */
static int domain_words(const dyad_doc *d, const char *const *words)
{
    uint32_t h[48];
    int n = 0;
    for (; words[n] && n < 48; n++) h[n] = hash_folded(words[n], strlen(words[n]));
    int hits = 0;
    for (uint32_t i = 0; i < d->n_toks; i++)
        for (int k = 0; k < n; k++)
            if (d->toks[i].hash == h[k]) { hits++; break; }
    return hits;
}

/* A score: 40-10, 2-1 (digits, a hyphen or dash, digits). */
static int scores(const dyad_doc *d)
{
    int n = 0;
    for (uint32_t i = 0; i < d->n_toks; i++) {
        const dyad_token *t = &d->toks[i];
        if (!(t->flags & DYAD_TOK_NUM) || t->len < 3 || t->len > 7) continue;
        const char *s = d->text + t->off, *dash = memchr(s, '-', t->len);
        if (dash && dash > s && dash + 1 < s + t->len && dash[1] >= '0' && dash[1] <= '9') n++;
    }
    return n;
}

/* A side that plays a game or a market: a bare country (its team), a
 * company, or nobody; not a government, armed force, party or person in office. */
static int non_state(const char *code)
{
    size_t n = strlen(code);
    if (n <= 3) return 1;
    return !strncmp(code + 3, "BUS", 3) || !strncmp(code, "MNC", 3) || !strncmp(code + 3, "CVL", 3);
}

void events_finish(dyad_doc *d, int require_target, FILE *x)
{
    if (d->n_events) {
        int sport = domain_words(d, sport_words) + 2 * scores(d) >= 3;
        int market = !sport && domain_words(d, market_words) >= 4;
        for (uint32_t i = 0; (sport || market) && i < d->n_events;) {
            dyad_event *e = &d->events[i];
            int r = root_of(e->cameo);
            if (r >= 10 && non_state(e->source_code) && non_state(e->target_code)) {
                say(x, e, sport ? "a sports report: the game, not politics" : "a company's results: the market, not politics");
                drop(d, i);
                continue;
            }
            i++;
        }
    }
    for (uint32_t i = 0; i < d->n_events;) {
        dyad_event *e = &d->events[i];
        if (!e->reports) e->reports = 1;
        if (!e->target_code[0] && (require_target || !targetless_ok(e->cameo))) {
            say(x, e, require_target ? "no target (--require-target)" : "no target, and its code needs one");
            drop(d, i);
            continue;
        }
        i++;
    }
    /* One speech act: a statement beside a more specific act of the same source. */
    for (uint32_t i = 0; i < d->n_events;) {
        dyad_event *e = &d->events[i];
        int other = 0;
        if (root_of(e->cameo) == 1)
            for (uint32_t j = 0; j < d->n_events && !other; j++)
                other = j != i && d->events[j].sent == e->sent && root_of(d->events[j].cameo) != 1 &&
                        !strcmp(d->events[j].source_code, e->source_code);
        if (other) { say(x, e, "a statement of an act coded on its own"); drop(d, i); continue; }
        i++;
    }
    /* Told twice: later retellings merge into the first telling. */
    for (uint32_t i = 1; i < d->n_events;) {
        dyad_event *e = &d->events[i];
        uint32_t j = 0;
        for (; j < i; j++) {
            const dyad_event *f = &d->events[j];
            if (f->sent != e->sent && e->sent - f->sent <= 3 && root_of(f->cameo) == root_of(e->cameo) &&
                same_side(f->source_code, e->source_code) && same_side(f->target_code, e->target_code) &&
                !dyad_date_cmp(f->date, e->date))
                break;
        }
        if (j < i) {
            dyad_event *f = &d->events[j];
            f->reports += e->reports ? e->reports : 1;
            f->also_sent = e->sent;
            /* keep the more specific telling of each side */
            if (strlen(e->source_code) > strlen(f->source_code)) { memcpy(f->source_code, e->source_code, sizeof f->source_code); f->source = e->source; }
            if (strlen(e->target_code) > strlen(f->target_code)) { memcpy(f->target_code, e->target_code, sizeof f->target_code); f->target = e->target; }
            if (x) fprintf(x, "  [%u] event %s %s -> %s: told again in [%u], one event\n", f->sent + 1, f->cameo,
                           f->source_code, f->target_code[0] ? f->target_code : "-", e->sent + 1);
            drop(d, i);
            continue;
        }
        i++;
    }
    /* Dates against the story's. */
    if (!d->pubdate.year) return;
    long pub_first = first_day(d->pubdate), pub_last = last_day(d->pubdate);
    for (uint32_t i = 0; i < d->n_events; i++) {
        dyad_event *e = &d->events[i];
        if (!e->date.year) continue;
        if (first_day(e->date) > pub_last) {
            if ((e->flags & DYAD_EV_MODAL) && root_of(e->cameo) <= 3) e->flags |= DYAD_EV_FUTURE;
            else {
                if (x) fprintf(x, "  [%u] event %s: its date lies after the story's; the story's date\n", e->sent + 1, e->cameo);
                e->date = d->pubdate;
            }
        } else if (last_day(e->date) < pub_first - 366)
            e->flags |= DYAD_EV_HISTORICAL;
    }
}
