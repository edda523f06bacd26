/*
 * tx.h - the inside of the time stage (not part of the public API).
 *
 * The stage reads time the way a reader does, in steps, one file each:
 *
 *   lexicon.c    word classes by token hash: months, weekdays, number
 *                words, units, modifiers, tense cues.  Built once.
 *   calendar.c   calendar arithmetic the stage needs beyond core/date.c:
 *                ISO weeks, seasons, month shifts, placing a yearless date
 *                or a weekday against an anchor in the right direction.
 *   tense.c      the tense of the clause around an expression.
 *   find.c       token patterns -> tx_raw items: what was written ("July
 *                6", "last week", "six years ago") and its tense, no dates.
 *   resolve.c    a tx_raw + the publication date + the narrative anchor ->
 *                a dyad_timex (kind, TIMEX3 value, resolved date).
 *   reference.c  each sentence's reference date.
 *   metadata.c   the `published` field in the forms feeds use.
 *   dateline.c   "SEOUL, Oct. 29 (Reuters) -".
 *   offices.c    office-holders' terms ("Secretary of State Mike Pompeo").
 *   landmarks.c  dated world events ("the invasion of Ukraine", a tour).
 *   infer.c      the publication date inferred from the text.
 *   pubdate.c    time_pubdate: the order of the sources above.
 *   timex.c      time_process: find, resolve, reference.
 *
 * Nothing here allocates per token: raw items live in the document's arena
 * (tx_list), timexes in doc->timexes.
 */
#ifndef DYAD_TX_H
#define DYAD_TX_H

#include "timex.h"

/* ------------------------------------------------------------ lexicon */

enum tx_class {
    TXC_NONE = 0,
    TXC_MONTH,      /* val 1..12 */
    TXC_WEEKDAY,    /* val 0 (Monday) .. 6; +10 for a plural (Mondays: a set) */
    TXC_NUMBER,     /* val n; -1 for a vague amount (few, several, many) */
    TXC_ORDINAL,    /* val 1..4 (first .. fourth), for quarters and halves */
    TXC_UNIT,       /* val tx_unit; +16 when plural */
    TXC_RELDAY,     /* yesterday -1, today 0, tomorrow 1; tonight 10 */
    TXC_SEASON,     /* val tx_season */
    TXC_TOD,        /* val tx_tod: morning, afternoon, evening, night */
    TXC_SETADV,     /* daily, weekly ...: val tx_unit */
    TXC_WORD,       /* a function word: id tells which */
    TXC_FUTURE,     /* a tense cue: will, shall, scheduled ... */
    TXC_PAST,       /* said, was, had, told ... (and any -ed word, see tense.c) */
    TXC_PRESENT,    /* is, are, says, has */
    TXC_IRREALIS,   /* would, could, hoped, forecast: not a past fact, not a plain future */
};

enum tx_unit { U_NONE, U_MINUTE, U_HOUR, U_DAY, U_WEEK, U_WEEKEND, U_MONTH, U_QUARTER, U_YEAR,
               U_DECADE, U_CENTURY };
enum tx_season { S_NONE, S_SPRING, S_SUMMER, S_FALL, S_WINTER };
enum tx_tod { TOD_NONE, TOD_MORNING, TOD_AFTERNOON, TOD_EVENING, TOD_NIGHT };

/* Function words the patterns look for. */
enum tx_word_id {
    W_NONE, W_IN, W_ON, W_AT, W_SINCE, W_DURING, W_BY, W_UNTIL, W_FROM, W_OF, W_THE, W_LAST,
    W_NEXT, W_THIS, W_PAST, W_COMING, W_EARLIER, W_LATER, W_EARLY, W_LATE, W_MID, W_AGO,
    W_BEFORE, W_AFTER, W_EVERY, W_EACH, W_THAT, W_SAME, W_FOLLOWING, W_PREVIOUS, W_RECENT,
    W_NOW, W_RECENTLY, W_CURRENTLY, W_SOON, W_ONCE, W_TWICE, W_TIMES, W_PER, W_AS, W_A, W_AN,
    W_FOR, W_OVER, W_WITHIN, W_AND, W_TO, W_THROUGH, W_BETWEEN, W_AROUND, W_AM, W_PM, W_ZONE,
    W_LOCAL, W_TIME, W_NOON, W_MIDNIGHT, W_FISCAL, W_Q, W_FUTURE, W_WHO, W_WHICH, W_WHOSE,
    W_WHOM, W_FORMER, W_VICE, W_THEN, W_CONTINUE, W_SPEECH, W_YEAR_END, W_MEANWHILE,
    W_THESE, W_THOSE, W_OTHER,
};

typedef struct {
    uint8_t cls;        /* tx_class */
    uint8_t id;         /* tx_word_id for TXC_WORD (and a few others) */
    int16_t val;
    uint8_t need_num;   /* 1: an abbreviation without its period (Jan 20): needs a day
                         * or year after it; 2: an ambiguous month word (May, March) */
} tx_word;

/* The entry for token i of doc, or NULL: one hash probe, and a string
 * comparison only on a hit (32-bit hashes collide). */
const tx_word *tx_lookup(const dyad_doc *d, uint32_t i);
/* The entry for the folded bytes s[0..n), e.g. half of a hyphenated token. */
const tx_word *tx_lookup_str(const char *s, size_t n);
/* Token i's class, or TXC_NONE. */
static inline int tx_cls(const dyad_doc *d, uint32_t i)
{
    const tx_word *w = tx_lookup(d, i);
    return w ? w->cls : TXC_NONE;
}
/* Is token i the function word `id`? */
int tx_is(const dyad_doc *d, uint32_t i, int id);
/* The whole document at once, for the recogniser: out[i] is token i's
 * entry index (0: none), read back with tx_entry; one probe per token. */
void tx_index_all(const dyad_doc *d, uint16_t *out);
const tx_word *tx_entry(uint16_t index);

/* ------------------------------------------------------------ calendar */

enum tx_tense { T_NONE = 0, T_PAST, T_FUTURE };

static inline long tx_days(dyad_date d) { return dyad_date_to_days(d); }
static inline dyad_date tx_date(int y, int m, int d) { dyad_date r = {(int16_t)y, (int8_t)m, (int8_t)d}; return r; }
static inline int tx_has_day(dyad_date d) { return d.year && d.month && d.day; }
static inline int tx_has_month(dyad_date d) { return d.year && d.month; }
static inline int tx_is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

dyad_date tx_add_days(dyad_date d, long n);
/* Month arithmetic on a (year, month): day dropped. */
dyad_date tx_add_months(dyad_date d, int n);
/* ISO 8601 week of a full date: sets *year (the ISO week-year), returns 1..53. */
int tx_iso_week(dyad_date d, int *year);
/* Monday of the ISO week containing d. */
dyad_date tx_week_monday(dyad_date d);
/* The coarsest date both ends of a range share: same month -> the month,
 * same year -> the year, else the year of `a`. */
dyad_date tx_common(dyad_date a, dyad_date b);
/* Season of a month, and the year a season instance is named by (winter is
 * named by the year its December falls in). */
int tx_season_of(dyad_date d, int *year);
/* First and last day of a season instance. */
void tx_season_range(int year, int season, dyad_date *first, dyad_date *last);

/* A yearless month-day placed against the anchor `p` (a full date): past:
 * the latest on or before p; future: the first on or after p; none: the
 * nearer of the two.  Feb. 29 lands in a leap year. */
dyad_date tx_place_md(int month, int day, dyad_date p, int tense);
/* A bare month against p (year and month known). */
dyad_date tx_place_month(int month, dyad_date p, int tense);
/* A weekday (0 Monday) against p: shift -1 last (strictly before), +1 next
 * (strictly after), 0 by tense (past: on or before, future: on or after,
 * none: the nearer). */
dyad_date tx_place_weekday(int wd, dyad_date p, int shift, int tense);

/* ------------------------------------------------------------ raw items */

enum tx_type {
    TX_DATE = 1,    /* calendar parts as written: year, month, day (0 = absent) */
    TX_WEEKDAY,     /* wd, shift (-1 last, 0 bare/this, 1 next) */
    TX_RELDAY,      /* amount = day offset from the publication date */
    TX_RELUNIT,     /* last/this/next unit: shift; range for earlier/later this */
    TX_AGO,         /* amount unit ago */
    TX_ANCHORED,    /* shift*amount units from the narrative anchor (amount 0: that day) */
    TX_SEASON,      /* season, with year or shift */
    TX_DECADE,      /* year = first year of the decade */
    TX_CENTURY,     /* year = first year of the century */
    TX_QUARTER,     /* amount = quarter 1..4, with year or shift */
    TX_REF,         /* amount: 1 PAST_REF, 2 PRESENT_REF, 3 FUTURE_REF */
    TX_DURATION,    /* amount unit (amount -1: X) */
    TX_SET,         /* every amount unit, or every weekday wd */
    TX_CLOCK,       /* hour:minute, or a time-of-day word: the day comes from its sentence */
};

enum tx_flag {
    TXF_YEAR      = 1u << 0,  /* the year is written */
    TXF_EVIDENCE  = 1u << 1,  /* a year/date a reader takes as past: "in 2019", "July 6, 2018" */
    TXF_ATTRIB    = 1u << 2,  /* modifies a noun: "the 2020 election" */
    TXF_SUBORD    = 1u << 3,  /* inside a relative clause: ", who took office in June," */
    TXF_RELATIVE  = 1u << 4,  /* relative to another event: "days after" */
    TXF_BOUND     = 1u << 5,  /* after by/until/before: a deadline, not an event time */
    TXF_SHIFT     = 1u << 6,  /* shift was written (last/this/next) */
    TXF_YEARSHIFT = 1u << 7,  /* "March last year": shift is in years from the publication year */
};

enum tx_range { R_ALL = 0, R_BEFORE, R_AFTER };   /* "earlier this week", "later this year" */

typedef struct {
    uint32_t tok, ntok, sent;
    uint8_t type, unit, tense, flags;
    int16_t year;
    int8_t month, day;
    int8_t wd;          /* weekday 0..6, or -1 */
    int8_t shift;
    int8_t tod;         /* tx_tod */
    int8_t hour, minute;/* -1 when none */
    int8_t season;
    int8_t range;       /* tx_range */
    int16_t amount;
} tx_raw;

typedef struct {
    tx_raw *v;
    uint32_t n, cap;
} tx_list;

/* Find every expression of the document, in text order, into `out` (its
 * array lives in doc->arena). */
void tx_find(const dyad_doc *d, tx_list *out);
/* Tense of the clause around tokens [a, b) of sentence s; ent: the
 * document's tx_index_all table, or NULL to probe. */
int tx_tense(const dyad_doc *d, const uint16_t *ent, uint32_t s, uint32_t a, uint32_t b);

/* ------------------------------------------------------------ resolution */

/* Resolve one raw item: `pub` the publication date (any granularity, or
 * year 0), `anchor` the narrative anchor for "two days later" / "that
 * year" (the latest date resolved before it, else pub). */
void tx_resolve(const dyad_doc *d, const tx_raw *r, dyad_date pub, dyad_date anchor, dyad_timex *out);
/* A clock time's value once its day is known (day may be partial or 0). */
void tx_clock_value(const tx_raw *r, dyad_date day, dyad_timex *out);

/* Sentence reference dates from doc->timexes (resolve first). */
void tx_reference(dyad_doc *d);

/* ------------------------------------------------------------ pubdate */

/* Parse a metadata date string: ISO date or datetime, RFC 822/1123, "July
 * 12, 2018", "12 July 2018", YYYY/MM/DD, unambiguous MM/DD/YYYY, Unix time.
 * 0 ok (granularity as written), -1 not a date. */
int tx_parse_published(const char *s, dyad_date *out);

/* A dateline at the top of the story.  Returns 1 when found and sets *md
 * (year 0 when the dateline gives only month and day) and the span. */
int tx_dateline(const dyad_doc *d, dyad_date *md, uint32_t *off, uint32_t *len);

/* Office-holders named with their current title: the union of their terms
 * as day ranges.  Calls fn for each mention found. */
typedef struct { long from, to; } tx_span;    /* days, inclusive; to = LONG_MAX open */
typedef void (*tx_office_fn)(void *ctx, uint32_t tok, uint32_t ntok, const char *who,
                             const tx_span *terms, int nterms);
void tx_offices(const dyad_doc *d, tx_office_fn fn, void *ctx);

/* Dated world events named in the story (landmarks.c).  fn gets the
 * mention's first cue tokens, the event's days, and the days the story can
 * have been written in: [from, to + 7] when `current` (an occasion told as
 * under way), else [from, open). */
typedef void (*tx_landmark_fn)(void *ctx, uint32_t tok, uint32_t ntok, const char *name, tx_span event,
                               tx_span written, int current);
void tx_landmarks(const dyad_doc *d, tx_landmark_fn fn, void *ctx);

/* Infer the publication date from the text.  md: a yearless dateline
 * date, or year 0.  Returns 1 and sets doc->pubdate and evidence on success. */
int tx_infer(dyad_doc *d, dyad_date md);

#endif
