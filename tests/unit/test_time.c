/*
 * test_time.c - the time stage: publication dates from every source, time
 * expressions in every covered form (with tense, year boundaries and leap
 * days), sentence reference dates, and the two real articles in
 * ../shared/examples with and without a given date.
 *
 * Texts are written for these tests; each check names an exact value.
 */
#include "../check.h"
#include "dyad.h"
#include "../../ingest/ingest.h"
#include "../../time/timex.h"

static dyad_doc *doc;

static dyad_date D(const char *s)
{
    dyad_date d = {0, 0, 0};
    if (s && dyad_date_parse(s, &d)) { fprintf(stderr, "bad test date %s\n", s); abort(); }
    return d;
}

/* Run text + time over `body` with metadata `published` and --date `opt`. */
static void run(const char *published, const char *opt, const char *body)
{
    dyad_doc_reset(doc);
    doc->published = published;
    dyad_doc_set_raw(doc, body, strlen(body));
    dyad_text_process(doc);
    time_pubdate(doc, D(opt));
    time_process(doc);
}

/* The n-th (0-based) timex whose text is exactly `text`, or NULL. */
static const dyad_timex *tx(const char *text, int n)
{
    for (uint32_t i = 0; i < doc->n_timexes; i++) {
        const dyad_timex *t = &doc->timexes[i];
        if (t->len == strlen(text) && !memcmp(doc->text + t->off, text, t->len) && n-- == 0) return t;
    }
    return NULL;
}

static const char *fmt(dyad_date d)
{
    static char s[4][11];
    static int k;
    k = (k + 1) % 4;
    dyad_date_format(d, s[k]);
    return s[k];
}

/* Expression `text` (its n-th occurrence) has this value and date ("" for none). */
#define CHECK_TX(text, n, want_value, want_date) do { const dyad_timex *t_ = tx(text, n); \
    if (!t_) CHECK_NOTE("%s:%d: no expression \"%s\" (#%d)", __FILE__, __LINE__, text, n); \
    else { CHECK_STR(t_->value, want_value); CHECK_STR(fmt(t_->date), want_date); } } while (0)

#define CHECK_NO_TX(text) do { if (tx(text, 0)) CHECK_NOTE("%s:%d: unexpected expression \"%s\"", \
    __FILE__, __LINE__, text); } while (0)

#define CHECK_SENT_DATE(i, want_date) do { if ((uint32_t)(i) >= doc->n_sents) \
    CHECK_NOTE("%s:%d: no sentence %d", __FILE__, __LINE__, (int)(i)); \
    else CHECK_STR(fmt(doc->sent_dates[i]), want_date); } while (0)

static int has_diag(const char *needle)
{
    for (uint32_t i = 0; i < doc->n_diags; i++)
        if (strstr(doc->diags[i].message, needle)) return 1;
    return 0;
}

/* ------------------------------------------------------------ absolute dates */

static void test_absolute_dates_in_news_forms(void)
{
    run(NULL, "2025-10-29",
        "Talks were held on July 6, 2018, and on 6 July 2019. Officials met on 2018-07-06. "
        "They spoke on Jan. 20 and Jan 20th and 20 January. The pact was signed in July 2018. "
        "They met on Thursday, July 12, 2018. Sales fell in 1987 as 1,987 tonnes were sold.");
    CHECK_TX("July 6, 2018", 0, "2018-07-06", "2018-07-06");
    CHECK_TX("6 July 2019", 0, "2019-07-06", "2019-07-06");
    CHECK_TX("2018-07-06", 0, "2018-07-06", "2018-07-06");
    CHECK_TX("Jan. 20", 0, "2025-01-20", "2025-01-20");
    CHECK_TX("Jan 20th", 0, "2025-01-20", "2025-01-20");
    CHECK_TX("20 January", 0, "2025-01-20", "2025-01-20");
    CHECK_TX("July 2018", 0, "2018-07", "2018-07");
    CHECK_TX("Thursday, July 12, 2018", 0, "2018-07-12", "2018-07-12");
    CHECK_TX("1987", 0, "1987", "1987");
    CHECK_NO_TX("1,987");
    CHECK_INT(doc->n_timexes, 9);
}

static void test_yearless_dates_follow_tense(void)
{
    run(NULL, "2025-10-29",
        "The letter was dated July 6. Kim will visit Seoul on March 3. The deadline is Nov. 2. "
        "The vote was held Nov. 2.");
    CHECK_TX("July 6", 0, "2025-07-06", "2025-07-06");
    CHECK_TX("March 3", 0, "2026-03-03", "2026-03-03");
    CHECK(tx("March 3", 0)->flags & DYAD_TIMEX_FUTURE);
    CHECK_TX("Nov. 2", 0, "2025-11-02", "2025-11-02");      /* present tense: the nearer one */
    CHECK_TX("Nov. 2", 1, "2024-11-02", "2024-11-02");      /* past tense: the last one */
}

static void test_year_boundaries(void)
{
    run(NULL, "2026-01-05", "The deal, signed Dec. 28, took effect on Jan. 2. It was agreed last month.");
    CHECK_TX("Dec. 28", 0, "2025-12-28", "2025-12-28");
    CHECK_TX("Jan. 2", 0, "2026-01-02", "2026-01-02");
    CHECK_TX("last month", 0, "2025-12", "2025-12");
    run(NULL, "2025-12-30", "Leaders will meet on Jan. 3 and will report next month. Talks ended last week.");
    CHECK_TX("Jan. 3", 0, "2026-01-03", "2026-01-03");
    CHECK_TX("next month", 0, "2026-01", "2026-01");
    CHECK_TX("last week", 0, "2025-W52", "2025-12");
    run(NULL, "2027-01-01", "Results came on Friday. Officials met earlier this week.");
    CHECK_TX("Friday", 0, "2027-01-01", "2027-01-01");           /* 2027-01-01 is a Friday */
    CHECK_TX("earlier this week", 0, "2026-W53", "2026-12");      /* ISO week 53 of 2026 */
}

static void test_leap_days(void)
{
    run(NULL, "2025-03-01", "The law took effect on Feb. 29.");
    CHECK_TX("Feb. 29", 0, "2024-02-29", "2024-02-29");
    run(NULL, "2023-01-10", "The law will take effect on Feb. 29.");
    CHECK_TX("Feb. 29", 0, "2024-02-29", "2024-02-29");
    run(NULL, "2025-03-01", "It was signed on Feb. 29, 2024, not Feb. 29, 2023 or June 31.");
    CHECK_TX("Feb. 29, 2024", 0, "2024-02-29", "2024-02-29");
    CHECK_NO_TX("Feb. 29, 2023");                                   /* no such day */
    CHECK_NO_TX("June 31");
}

/* ------------------------------------------------------------ weekdays and relative days */

static void test_weekdays_in_news_convention(void)
{
    /* 2025-10-29 is a Wednesday. */
    run(NULL, "2025-10-29",
        "Trump confirmed on Wednesday that talks had failed. Kim said he will meet Trump on Friday. "
        "Officials met on Friday. He will travel next Tuesday and returned last Tuesday. "
        "This Friday the group will vote. As of Tuesday, no plans had been made. "
        "Pompeo spoke on Wednesday night.");
    CHECK_TX("Wednesday", 0, "2025-10-29", "2025-10-29");
    CHECK_TX("Friday", 0, "2025-10-31", "2025-10-31");
    CHECK_TX("Friday", 1, "2025-10-24", "2025-10-24");
    CHECK_TX("next Tuesday", 0, "2025-11-04", "2025-11-04");
    CHECK_TX("last Tuesday", 0, "2025-10-28", "2025-10-28");
    CHECK_TX("This Friday", 0, "2025-10-31", "2025-10-31");
    CHECK_TX("Tuesday", 0, "2025-10-28", "2025-10-28");
    CHECK_TX("Wednesday night", 0, "2025-10-29TNI", "2025-10-29");
    CHECK_INT(tx("Wednesday night", 0)->kind, DYAD_TIMEX_TIME);
}

/* "March last year" is March of the year before the story's, not the
 * nearest March (which, in a June story, is this year's). */
static void test_month_with_year_shift(void)
{
    run(NULL, "2005-06-10",
        "The talks began in March last year. Elections are due in May next year. "
        "On June 5 this year he resigned, and in January last year he had been re-elected.");
    CHECK_TX("March last year", 0, "2004-03", "2004-03");
    CHECK_TX("May next year", 0, "2006-05", "2006-05");
    CHECK_TX("June 5 this year", 0, "2005-06-05", "2005-06-05");
    CHECK_TX("January last year", 0, "2004-01", "2004-01");
}

static void test_relative_days_and_periods(void)
{
    run(NULL, "2025-10-29",
        "Yesterday the army moved; today it rests; tonight it marches and tomorrow it fights. "
        "Earlier this week, officials met. Last week they talked. Last month they argued. "
        "This year was hard. Last year was harder. Next month will be better. "
        "Prices rose this morning after a fall last night. They will rest this weekend.");
    CHECK_TX("Yesterday", 0, "2025-10-28", "2025-10-28");
    CHECK_TX("today", 0, "2025-10-29", "2025-10-29");
    CHECK_TX("tonight", 0, "2025-10-29TNI", "2025-10-29");
    CHECK_TX("tomorrow", 0, "2025-10-30", "2025-10-30");
    CHECK_TX("Earlier this week", 0, "2025-W44", "2025-10");
    CHECK_TX("Last week", 0, "2025-W43", "2025-10");
    CHECK_TX("Last month", 0, "2025-09", "2025-09");
    CHECK_TX("This year", 0, "2025", "2025");
    CHECK_TX("Last year", 0, "2024", "2024");
    CHECK_TX("Next month", 0, "2025-11", "2025-11");
    CHECK_TX("this morning", 0, "2025-10-29TMO", "2025-10-29");
    CHECK_TX("last night", 0, "2025-10-28TNI", "2025-10-28");
    CHECK_TX("this weekend", 0, "2025-W44-WE", "2025-11");
}

static void test_ago_and_anchored(void)
{
    run(NULL, "2025-10-29",
        "Two days ago, the rebels struck. Three weeks ago they retreated. Four months ago the truce "
        "broke. He spoke six years ago. A year ago, prices fell.\n\n"
        "In 2019, Kim met Trump. Six years later, they met again. Two days after the talks, "
        "the envoy left. A year earlier, nothing had happened.");
    CHECK_TX("Two days ago", 0, "2025-10-27", "2025-10-27");
    CHECK_TX("Three weeks ago", 0, "2025-W41", "2025-10");
    CHECK_TX("Four months ago", 0, "2025-06", "2025-06");
    CHECK_TX("six years ago", 0, "2019", "2019");
    CHECK_TX("A year ago", 0, "2024", "2024");
    CHECK_TX("Six years later", 0, "2025", "2025");
    CHECK(tx("Six years later", 0)->flags & DYAD_TIMEX_ANCHORED);
    CHECK_TX("Two days after", 0, "P2D", "");
    CHECK(tx("Two days after", 0)->flags & DYAD_TIMEX_RELATIVE);
    CHECK_TX("A year earlier", 0, "2024", "2024");                 /* anchored on "Six years later" */
}

static void test_bare_years_months_seasons_decades(void)
{
    run(NULL, "2025-10-29",
        "In June the vote failed. He will visit in June. Elections were held in March. "
        "You may go. June Carter sang. Last spring the rains came. This summer it was hot. "
        "Troops will deploy next winter. Last winter was mild. In the summer of 2019 they met. "
        "In the 1990s and the '80s, in the 20th century. The first quarter was weak.");
    CHECK_TX("June", 0, "2025-06", "2025-06");
    CHECK_TX("June", 1, "2026-06", "2026-06");
    CHECK_TX("March", 0, "2025-03", "2025-03");
    CHECK_NO_TX("may");
    CHECK_TX("Last spring", 0, "2025-SP", "2025");
    CHECK_TX("This summer", 0, "2025-SU", "2025");
    CHECK_TX("next winter", 0, "2025-WI", "2025");
    CHECK_TX("Last winter", 0, "2024-WI", "2024");
    CHECK_TX("summer of 2019", 0, "2019-SU", "2019");
    CHECK_TX("1990s", 0, "199X", "");
    CHECK_TX("'80s", 0, "198X", "");
    CHECK_TX("20th century", 0, "19XX", "");
    CHECK_TX("first quarter", 0, "2025-Q1", "2025");
    CHECK_INT(doc->n_timexes, 12);                                 /* "June Carter" is no month */
}

static void test_durations_sets_and_clock_times(void)
{
    run(NULL, "2025-10-29",
        "He served for six years. The talks lasted two weeks. A six-month ban began. "
        "The strike lasted 24 hours. They have fought for years. "
        "The ministers meet every year, publish weekly reports and vote every Monday, twice a year. "
        "The meeting starts at 10 a.m. and ends at 3:30 pm on Jan. 20.\n\nShelling began at 1400 GMT.");
    CHECK_TX("six years", 0, "P6Y", "");
    CHECK_INT(tx("six years", 0)->kind, DYAD_TIMEX_DURATION);
    CHECK_TX("two weeks", 0, "P2W", "");
    CHECK_TX("six-month", 0, "P6M", "");
    CHECK_TX("24 hours", 0, "PT24H", "");
    CHECK_TX("years", 0, "PXY", "");
    CHECK_TX("every year", 0, "P1Y", "");
    CHECK_INT(tx("every year", 0)->kind, DYAD_TIMEX_SET);
    CHECK_TX("weekly", 0, "P1W", "");
    CHECK_TX("every Monday", 0, "XXXX-WXX-1", "");
    CHECK_TX("twice a year", 0, "P1Y", "");
    /* present tense: the nearer Jan. 20; clock times take the day of their sentence */
    CHECK_TX("Jan. 20", 0, "2026-01-20", "2026-01-20");
    CHECK_TX("10 a.m.", 0, "2026-01-20T10:00", "2026-01-20");
    CHECK_TX("3:30 pm", 0, "2026-01-20T15:30", "2026-01-20");
    CHECK_TX("1400 GMT", 0, "2025-10-29T14:00", "2025-10-29");
    CHECK_INT(tx("1400 GMT", 0)->kind, DYAD_TIMEX_TIME);
}

static void test_unknown_pubdate_leaves_relative_dates_unresolved(void)
{
    run(NULL, NULL, "Officials met on Wednesday and talked last week. They met in 2019.");
    CHECK_INT(doc->pubdate.year, 0);             /* "in 2019" only bounds the story from below */
    CHECK_TX("Wednesday", 0, "XXXX-WXX-3", "");
    CHECK(tx("Wednesday", 0)->flags & DYAD_TIMEX_UNRESOLVED);
    CHECK_TX("last week", 0, "XXXX-WXX", "");
    run(NULL, NULL, "Officials met on Wednesday.");
    CHECK_INT(doc->pubdate.year, 0);
    CHECK_INT(doc->pubdate_source, DYAD_PUB_NONE);
    CHECK(has_diag("no publication date"));
    CHECK_TX("Wednesday", 0, "XXXX-WXX-3", "");
    CHECK_SENT_DATE(0, "");
}

/* ------------------------------------------------------------ sentence dates */

static void test_sentence_reference_dates(void)
{
    run(NULL, "2025-10-29",
        "Then in 2019, Trump crossed the line. The then-45th president patted Kim's arm.\n\n"
        "Trump has not forgotten Kim.\n\n"
        "On Sunday, Pompeo shrugged off the statement. He said talks went well.\n\n"
        "Then he flew home.\n\n"
        "Lee, who took office in June, praised Trump. Kim spoke six years ago, at a rally.\n\n"
        "\xE2\x80\x9CI like him.\xE2\x80\x9D");
    CHECK_SENT_DATE(0, "2019");
    CHECK_SENT_DATE(1, "2019");              /* carried inside the paragraph */
    CHECK_SENT_DATE(2, "2025-10-29");        /* a new paragraph: the publication date */
    CHECK_SENT_DATE(3, "2025-10-26");
    CHECK_SENT_DATE(4, "2025-10-26");
    CHECK_SENT_DATE(5, "2025-10-26");        /* "Then ..." continues the story */
    CHECK_SENT_DATE(6, "2025-10-29");        /* "in June" is in a relative clause */
    CHECK(tx("June", 0)->flags & DYAD_TIMEX_SUBORDINATE);
    CHECK_SENT_DATE(7, "2019");
    CHECK_SENT_DATE(8, "2019");              /* the quotation after a dated attribution */
    run(NULL, "2018-07-12", "WASHINGTON, July 12, 2018 (Dyad Wire) \xE2\x80\x94 Envoys met on Monday.");
    CHECK_SENT_DATE(0, "2018-07-09");        /* "on Monday" governs, not the dateline */
    CHECK(tx("July 12, 2018", 0)->flags & DYAD_TIMEX_DATELINE);
    CHECK(tx("Monday", 0)->flags & DYAD_TIMEX_GOVERNS);
}

/* ------------------------------------------------------------ publication date */

static void test_pubdate_from_metadata_forms(void)
{
    const char *forms[][2] = {
        {"2018-07-12", "2018-07-12"}, {"2018-07-12T10:00:00Z", "2018-07-12"},
        {"2018-07-12 23:30:00-05:00", "2018-07-12"}, {"Thu, 12 Jul 2018 10:00:00 GMT", "2018-07-12"},
        {"July 12, 2018", "2018-07-12"}, {"12 July 2018", "2018-07-12"}, {"2018/07/12", "2018-07-12"},
        {"20180712", "2018-07-12"}, {"07/25/2018", "2018-07-25"}, {"1531389600", "2018-07-12"},
        {"2018-07", "2018-07"}, {"Jul. 12 2018 10:00 AM EDT", "2018-07-12"},
    };
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        run(forms[i][0], "2001-01-01", "WASHINGTON, July 1, 2017 (Dyad Wire) - Talks resumed on Monday.");
        CHECK_STR(fmt(doc->pubdate), forms[i][1]);
        CHECK_INT(doc->pubdate_source, DYAD_PUB_METADATA);
        CHECK_INT(doc->n_diags, 0);
    }
}

static void test_bad_metadata_falls_through(void)
{
    run("yesterday-ish", "2019-06-30", "Kim met Trump on Sunday.");
    CHECK(has_diag("\"yesterday-ish\""));
    CHECK_INT(doc->pubdate_source, DYAD_PUB_OPTION);
    CHECK_STR(fmt(doc->pubdate), "2019-06-30");
    CHECK_TX("Sunday", 0, "2019-06-30", "2019-06-30");
    run("2018-13-45", NULL, "WASHINGTON, July 12, 2018 (Dyad Wire) \xE2\x80\x94 Envoys met.");
    CHECK(has_diag("\"2018-13-45\""));
    CHECK_INT(doc->pubdate_source, DYAD_PUB_DATELINE);
    CHECK_STR(fmt(doc->pubdate), "2018-07-12");
    run("07/08/2018", NULL, "Nothing dates this story.");        /* July 8 or 7 August: refused */
    CHECK(has_diag("\"07/08/2018\""));
    CHECK_INT(doc->pubdate.year, 0);
    CHECK(has_diag("no publication date"));
}

static void test_pubdate_from_datelines(void)
{
    run(NULL, NULL, "WASHINGTON, July 12, 2018 (Dyad Wire) \xE2\x80\x94 Envoys met on Thursday.");
    CHECK_INT(doc->pubdate_source, DYAD_PUB_DATELINE);
    CHECK_STR(fmt(doc->pubdate), "2018-07-12");
    CHECK_TX("Thursday", 0, "2018-07-12", "2018-07-12");
    run(NULL, NULL, "PARIS (AP) \xE2\x80\x94 Ministers met in Paris.");
    CHECK_INT(doc->pubdate_source, DYAD_PUB_NONE);
    /* A yearless dateline takes its year from the text's evidence. */
    run(NULL, NULL, "SEOUL, Oct. 29 (Reuters) - South Korean President Lee Jae Myung met Trump, "
                    "who took office in January, on Wednesday.");
    CHECK_INT(doc->pubdate_source, DYAD_PUB_INFERRED);
    CHECK_STR(fmt(doc->pubdate), "2025-10-29");
    /* An option beats the dateline. */
    run(NULL, "2020-01-01", "SEOUL, Oct. 29 (Reuters) - Talks resumed.");
    CHECK_INT(doc->pubdate_source, DYAD_PUB_OPTION);
}

static void test_pubdate_inferred_from_text(void)
{
    run(NULL, NULL, "The accord was signed on March 3, 2021. Officials met on Thursday.");
    CHECK_INT(doc->pubdate_source, DYAD_PUB_INFERRED);
    CHECK_STR(fmt(doc->pubdate), "2021-03-03");
    CHECK(doc->pubdate_evidence && strstr(doc->pubdate_evidence, "\"March 3, 2021\""));
    CHECK(has_diag("inferred 2021-03-03"));
    /* The lead's weekday moves a day-precise date to that weekday. */
    run(NULL, NULL, "Officials on Thursday said the accord, signed on March 3, 2021, held.");
    CHECK_STR(fmt(doc->pubdate), "2021-03-04");
    /* Office terms alone do not date a story. */
    run(NULL, NULL, "President Bush met Prime Minister Tony Blair.");
    CHECK_INT(doc->pubdate.year, 0);
    /* A past year and a year to come far apart: no telling when. */
    run(NULL, NULL, "The war ended in 1953. Elections will be held in 2030.");
    CHECK_STR(fmt(doc->pubdate), "");
    /* Background years do not date a story (a 2005 BBC story was dated
     * 1998 from them); a year to come close after them does: the year
     * before it. */
    run(NULL, NULL, "In 1998 the party said it would not return to the town, but it did so in 2002. "
                    "The party will hold its autumn conference in Manchester in 2006.");
    CHECK_STR(fmt(doc->pubdate), "2005");
    CHECK(doc->pubdate_evidence && strstr(doc->pubdate_evidence, "year named as to come \"2006\""));
    run(NULL, NULL, "Barbara Follett, elected in 1997, said women MPs were still mocked in January.");
    CHECK_INT(doc->pubdate.year, 0);
    run(NULL, NULL, "Cameras were last allowed into courts in 1925, the minister said on Tuesday.");
    CHECK_INT(doc->pubdate.year, 0);
}

static void test_pubdate_inferred_from_world_events(void)
{
    /* An occasion told as under way dates the story to its days; the
     * weekdays named as past fall within it. */
    run(NULL, NULL,
        "President Donald Trump, now on his Asia trip with stops in Malaysia, Japan and South Korea, "
        "told reporters he would like to meet Chinese President Xi Jinping. In Tokyo on Monday he "
        "signed a deal on rare earths. Officials confirmed on Tuesday that talks on shipbuilding had begun.");
    CHECK_INT(doc->pubdate_source, DYAD_PUB_INFERRED);
    CHECK_STR(fmt(doc->pubdate), "2025-10-28");
    CHECK(doc->pubdate_evidence && strstr(doc->pubdate_evidence, "Asia tour (Malaysia, Japan, South Korea) under way"));
    CHECK_TX("Monday", 0, "2025-10-27", "2025-10-27");
    /* Without a weekday, only the month. */
    run(NULL, NULL,
        "With Donald Trump's Asia tour now in full swing, aides said the stop in Kuala Lumpur had gone well.");
    CHECK_STR(fmt(doc->pubdate), "2025-10");
    /* The 2017 tour is told apart by its stops. */
    run(NULL, NULL,
        "President Donald Trump arrived in Beijing on Wednesday, the latest stop of his Asia tour.");
    CHECK_STR(fmt(doc->pubdate), "2017-11-08");
    /* Without Trump in the story it is somebody else's tour. */
    run(NULL, NULL, "The band's Asia tour, now under way, reached Malaysia on Friday.");
    CHECK_INT(doc->pubdate.year, 0);
    /* An event looked back on is only "on or after": alone it dates nothing. */
    run(NULL, NULL,
        "Grain exports have fallen by a third since Russia's full-scale invasion of Ukraine, the ministry said.");
    CHECK_STR(fmt(doc->pubdate), "");
    run(NULL, NULL, "Security at airports was tightened after the September 11 attacks, officials said.");
    CHECK_STR(fmt(doc->pubdate), "");
    /* A future mention says nothing about when the story was written. */
    run(NULL, NULL, "Trump and Kim Jong Un will meet for a summit in Hanoi, aides say.");
    CHECK_INT(doc->pubdate.year, 0);
    /* Office terms outrank a world event: the event is set aside. */
    run(NULL, NULL,
        "Prime Minister Tony Blair said in 2006 that the euro zone rules since the invasion of Ukraine "
        "by Russian troops were too strict.");
    CHECK_STR(fmt(doc->pubdate), "2006");         /* Blair's term ends 2007: bounded both ways */
    CHECK(doc->pubdate_evidence && strstr(doc->pubdate_evidence, "1 world event set aside as contradicting"));
}

/* ------------------------------------------------------------ the real examples */

static void load_example(const char *name, const char *opt)
{
    char err[512];
    dyad_doc_reset(doc);
    ingest_source *src = ingest_open(check_shared(name), err, sizeof err);
    if (!src) { CHECK_NOTE("cannot open %s: %.200s", name, err); return; }
    int r = ingest_next(src, doc);
    ingest_close(src);
    CHECK_INT(r, 1);
    dyad_text_process(doc);
    time_pubdate(doc, D(opt));
    time_process(doc);
}

static void test_example_003_with_date(void)
{
    load_example("examples/003_023876788a9e6448.txt", "2018-07-12");
    if (check_failed_now) return;
    CHECK_INT(doc->pubdate_source, DYAD_PUB_OPTION);
    CHECK_TX("Thursday", 0, "2018-07-12", "2018-07-12");
    CHECK_TX("July 6", 0, "2018-07-06", "2018-07-06");
    CHECK_TX("Sunday", 0, "2018-07-08", "2018-07-08");
    CHECK_TX("days after", 0, "PXD", "");
    CHECK(tx("days after", 0)->flags & DYAD_TIMEX_RELATIVE);
    CHECK_TX("days after", 1, "PXD", "");
    CHECK_INT(doc->n_timexes, 5);
    CHECK_SENT_DATE(0, "2018-07-12");
    CHECK_SENT_DATE(1, "2018-07-06");
    CHECK_SENT_DATE(8, "2018-07-08");        /* On Sunday, Pompeo seemingly shrugged off ... */
    CHECK_SENT_DATE(11, "2018-07-12");
}

static void test_example_000_with_date(void)
{
    load_example("examples/000_409f928aa0776bbe.txt", "2025-10-29");
    if (check_failed_now) return;
    CHECK_TX("2018", 0, "2018", "2018");
    CHECK_TX("2019", 0, "2019", "2019");
    CHECK_TX("six years ago", 0, "2019", "2019");
    CHECK_TX("June", 0, "2025-06", "2025-06");
    CHECK_TX("Wednesday", 0, "2025-10-29", "2025-10-29");
    CHECK_TX("Tuesday", 0, "2025-10-28", "2025-10-28");
    CHECK_TX("this week", 0, "2025-W44", "2025-10");
    CHECK_TX("Earlier that same day", 0, "2025-10-29", "2025-10-29");
    CHECK_TX("hours before", 0, "PTXH", "");
    CHECK_SENT_DATE(3, "2018");              /* ... on the brink of war with North Korea in 2018. */
    CHECK_SENT_DATE(4, "2019");              /* ... Trump said six years ago, during a rally */
    CHECK_SENT_DATE(5, "2019");              /* "I like him." - the rally quotation */
    CHECK_SENT_DATE(14, "2019");             /* The then-45th U.S. president ... */
    CHECK_SENT_DATE(15, "2025-10-29");
    CHECK_SENT_DATE(38, "2025-10-29");       /* ..., who took office in June, ... */
}

static void test_examples_inferred_without_date(void)
{
    load_example("examples/003_023876788a9e6448.txt", NULL);
    if (check_failed_now) return;
    CHECK_INT(doc->pubdate_source, DYAD_PUB_INFERRED);
    CHECK_STR(fmt(doc->pubdate), "2018-07-12");
    CHECK(doc->pubdate_evidence && strstr(doc->pubdate_evidence, "Secretary of State Mike Pompeo"));
    CHECK_TX("Sunday", 0, "2018-07-08", "2018-07-08");
    load_example("examples/000_409f928aa0776bbe.txt", NULL);
    if (check_failed_now) return;
    CHECK_INT(doc->pubdate_source, DYAD_PUB_INFERRED);
    /* President Lee Jae Myung (in office since 2025-06-04) gives the year;
     * Trump's "latest Asia tour, which includes stops in Malaysia" (under
     * way: "now in full swing") the days 2025-10-24..30; "on Wednesday",
     * told as past, is the Wednesday of the tour. */
    CHECK_STR(fmt(doc->pubdate), "2025-10-29");
    CHECK(doc->pubdate_evidence && strstr(doc->pubdate_evidence, "Lee Jae Myung"));
    CHECK(doc->pubdate_evidence && strstr(doc->pubdate_evidence, "Asia tour"));
    CHECK_TX("Wednesday", 0, "2025-10-29", "2025-10-29");
    CHECK_TX("Tuesday", 0, "2025-10-28", "2025-10-28");
    CHECK_TX("six years ago", 0, "2019", "2019");
    CHECK_TX("June", 0, "2025-06", "2025-06");
}

int main(void)
{
    doc = dyad_doc_new();
    RUN(test_absolute_dates_in_news_forms);
    RUN(test_yearless_dates_follow_tense);
    RUN(test_year_boundaries);
    RUN(test_leap_days);
    RUN(test_weekdays_in_news_convention);
    RUN(test_relative_days_and_periods);
    RUN(test_month_with_year_shift);
    RUN(test_ago_and_anchored);
    RUN(test_bare_years_months_seasons_decades);
    RUN(test_durations_sets_and_clock_times);
    RUN(test_unknown_pubdate_leaves_relative_dates_unresolved);
    RUN(test_sentence_reference_dates);
    RUN(test_pubdate_from_metadata_forms);
    RUN(test_bad_metadata_falls_through);
    RUN(test_pubdate_from_datelines);
    RUN(test_pubdate_inferred_from_text);
    RUN(test_pubdate_inferred_from_world_events);
    RUN(test_example_003_with_date);
    RUN(test_example_000_with_date);
    RUN(test_examples_inferred_without_date);
    dyad_doc_free(doc);
    return check_done();
}
