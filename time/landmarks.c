/*
 * landmarks.c - dated world events a reader recognises: a story that says
 * "Russia's full-scale invasion of Ukraine" was written after 2022-02-24;
 * one about Trump's "latest Asia tour, which includes stops in Malaysia"
 * was written in late October 2025.
 *
 * Like offices.c this is background knowledge for the publication-date
 * inference (infer.c), used only when metadata, --date and a dated dateline
 * are all missing.  Each landmark has the days it ran and cue phrases: all
 * of its sentence groups must appear in one sentence (that is the mention),
 * its document groups anywhere in the story.  Phrases are matched on token
 * hashes (case-folded), skipping possessives, so "Trump's Asia tour" holds
 * "Asia tour".  A mention in a future clause ("will visit Hanoi for the
 * summit") says nothing and is skipped.
 *
 * Two kinds:
 *   'e' an event stories look back on for years (an invasion, a disaster,
 *       a death): a mention means only "written on or after it";
 *   'o' an occasion with an end (a tour, a summit): named together with a
 *       present cue ("now", "latest", "this week", "under way") it is the
 *       story's own news, so the story was written while it ran or within
 *       a week after.  Without such a cue it is, again, only a lower bound.
 *
 * The cues are written to be specific ("Asia tour" + "Malaysia" + Trump,
 * not "Asia tour" alone: Trump toured Asia in 2017 too) and are facts
 * from the public record, written here.
 */
#include "tx.h"
#include "../core/core.h"

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name;       /* for the evidence */
    const char *from, *to;  /* YYYY-MM-DD, inclusive */
    char kind;              /* 'e' event, 'o' occasion */
    const char *sentence;   /* cue groups, all in one sentence: "a b|c;d" */
    const char *document;   /* cue groups anywhere in the story, or "" */
} landmark;

static const landmark table[] = {
    {"the Chernobyl disaster", "1986-04-26", "1986-04-26", 'e', "Chernobyl", ""},
    {"the fall of the Berlin Wall", "1989-11-09", "1989-11-09", 'e',
     "Berlin Wall;fall|fell|came down|collapse|torn down|tore down|breaching", ""},
    {"Iraq's invasion of Kuwait", "1990-08-02", "1990-08-02", 'e', "invasion of Kuwait|invaded Kuwait", ""},
    {"German reunification", "1990-10-03", "1990-10-03", 'e',
     "German reunification|reunification of Germany|German unification|reunified Germany", ""},
    {"the collapse of the Soviet Union", "1991-12-26", "1991-12-26", 'e',
     "former Soviet|collapse of the Soviet Union|break-up of the Soviet Union|breakup of the Soviet Union|"
     "fall of the Soviet Union|dissolution of the Soviet Union|Soviet collapse|post-Soviet", ""},
    {"the launch of the euro zone", "1998-05-02", "1998-05-02", 'e', "euro zone|eurozone|euro-zone|euro area", ""},
    {"the September 11 attacks", "2001-09-11", "2001-09-11", 'e',
     "September 11 attacks|11 September attacks|September 11 terror attacks|11 September terror attacks|"
     "September 11 terrorist attacks|11 September terrorist attacks|attacks of September 11|attacks of 11 September", ""},
    {"the US-led invasion of Iraq", "2003-03-20", "2003-03-20", 'e',
     "invasion of Iraq|invaded Iraq|Iraq invasion|Iraq war|war in Iraq|fall of Saddam|ousting of Saddam|"
     "toppling of Saddam|ousted Saddam|toppled Saddam", ""},
    {"the Madrid train bombings", "2004-03-11", "2004-03-11", 'e',
     "Madrid;bombings|train bombings|bombers|blasts|attacks", "Madrid"},
    {"the death of Yasser Arafat", "2004-11-11", "2004-11-11", 'e',
     "Arafat;death|died|late|funeral|successor|post-Arafat", ""},
    {"the re-election of George W. Bush", "2004-11-02", "2004-11-02", 'e',
     "Bush;re-elected|re-election victory|election victory|won a second term|second-term|second term", ""},
    {"Ukraine's Orange Revolution", "2004-11-22", "2004-11-22", 'e', "Orange Revolution", ""},
    {"the Indian Ocean tsunami", "2004-12-26", "2004-12-26", 'e',
     "tsunami;Asia|Asian|Indian Ocean|Sri Lanka|Indonesia|Thailand|Aceh|Maldives|Tamil Nadu", ""},
    {"the death of Pope John Paul II", "2005-04-02", "2005-04-02", 'e',
     "John Paul;death|died|funeral|late|successor", "Pope"},
    {"the London bombings of 7 July 2005", "2005-07-07", "2005-07-07", 'e',
     "London bombings|London bombers|7 July bombings|July 7 bombings", ""},
    {"Hurricane Katrina", "2005-08-29", "2005-08-29", 'e', "Hurricane Katrina", ""},
    {"North Korea's first nuclear test", "2006-10-09", "2006-10-09", 'e', "nuclear test|nuclear tests",
     "North Korea|Pyongyang"},
    {"the collapse of Lehman Brothers", "2008-09-15", "2008-09-15", 'e',
     "Lehman;collapse|collapsed|bankruptcy|failure|went bust|fall", ""},
    {"the Arab Spring", "2011-01-14", "2011-01-14", 'e', "Arab Spring", ""},
    {"the Fukushima nuclear disaster", "2011-03-11", "2011-03-11", 'e',
     "Fukushima;disaster|meltdown|meltdowns|accident|crisis|earthquake|tsunami|crippled", ""},
    {"the killing of Osama bin Laden", "2011-05-02", "2011-05-02", 'e',
     "bin Laden;killed|killing|death|raid", "Abbottabad"},
    {"the death of Kim Jong Il", "2011-12-17", "2011-12-17", 'e', "Kim Jong Il;death|died|late", ""},
    {"the death of Hugo Chavez", "2013-03-05", "2013-03-05", 'e', "Chavez;death|died|late|successor",
     "Venezuela"},
    {"the ousting of Viktor Yanukovych", "2014-02-22", "2014-02-22", 'e',
     "Yanukovych;ousted|ousting|ouster|toppled|fled|overthrown|overthrow", ""},
    {"Russia's annexation of Crimea", "2014-03-18", "2014-03-18", 'e',
     "annexation of Crimea|annexed Crimea|Crimea annexation|annexation of the Crimea|annexed the Crimea", ""},
    {"the downing of flight MH17", "2014-07-17", "2014-07-17", 'e', "MH17", ""},
    {"the Iran nuclear deal (JCPOA)", "2015-07-14", "2015-07-14", 'e',
     "JCPOA|Joint Comprehensive Plan of Action", ""},
    {"the Paris climate agreement", "2015-12-12", "2015-12-12", 'e',
     "Paris climate agreement|Paris climate accord|Paris climate deal|Paris Agreement on climate", ""},
    {"the Brexit referendum", "2016-06-23", "2016-06-23", 'e',
     "Brexit referendum|Brexit vote|voted to leave the European Union|voted to leave the EU|"
     "vote to leave the European Union|vote to leave the EU", ""},
    {"North Korea's sixth nuclear test", "2017-09-03", "2017-09-03", 'e', "sixth nuclear test", ""},
    {"Trump's 2017 Asia tour", "2017-11-03", "2017-11-14", 'o',
     "Asia tour|Asia trip|trip to Asia|tour of Asia|Asian tour|Asian trip|swing through Asia;"
     "Vietnam|Philippines|China|Beijing|Da Nang|Manila",
     "Trump"},
    {"the inter-Korean summit at Panmunjom", "2018-04-27", "2018-04-27", 'o', "Panmunjom;summit",
     "Moon"},
    {"the Trump-Kim summit in Singapore", "2018-06-12", "2018-06-12", 'o', "Singapore;summit",
     "Trump;Kim"},
    {"the Trump-Kim summit in Hanoi", "2019-02-27", "2019-02-28", 'o', "Hanoi;summit", "Trump;Kim"},
    {"the Trump-Kim meeting at the DMZ", "2019-06-30", "2019-06-30", 'o',
     "DMZ|demilitarized zone|demilitarised zone|Panmunjom;met|meeting|crossed|stepped|handshake",
     "Trump;Kim"},
    {"the killing of Qassem Soleimani", "2020-01-03", "2020-01-03", 'e',
     "Soleimani;killed|killing|assassination|assassinated|death|drone strike", ""},
    {"the COVID-19 pandemic", "2020-03-11", "2020-03-11", 'e',
     "pandemic;coronavirus|COVID-19|Covid-19|COVID|Covid", ""},
    {"the storming of the US Capitol", "2021-01-06", "2021-01-06", 'e',
     "Capitol;riot|rioters|stormed|storming|insurrection", ""},
    {"Russia's full-scale invasion of Ukraine", "2022-02-24", "2022-02-24", 'e',
     "invasion of Ukraine|invaded Ukraine|full-scale invasion|Ukraine invasion",
     "Russia|Russian|Moscow|Putin|Kremlin"},
    {"the death of Queen Elizabeth II", "2022-09-08", "2022-09-08", 'e',
     "Queen Elizabeth;death|died|funeral|late", ""},
    {"the Hamas attack on Israel of 7 October 2023", "2023-10-07", "2023-10-07", 'e',
     "October 7|Oct. 7|7 October;attack|attacks|assault|massacre|war|raid", "Hamas"},
    {"South Korea's martial law declaration", "2024-12-03", "2024-12-03", 'e', "Yoon;martial law", ""},
    {"the fall of Bashar al-Assad", "2024-12-08", "2024-12-08", 'e',
     "Assad;ousted|ousting|ouster|toppled|toppling|overthrown|fled|fall", ""},
    {"the impeachment of Yoon Suk Yeol", "2024-12-14", "2024-12-14", 'e', "Yoon;impeachment|impeached", ""},
    {"the removal of Yoon Suk Yeol", "2025-04-04", "2025-04-04", 'e',
     "Yoon;ousting|ousted|ouster|removal|removed from office|dismissed from office|toppled", ""},
    {"Trump's \"Liberation Day\" tariffs", "2025-04-02", "2025-04-02", 'e', "Liberation Day",
     "tariff|tariffs"},
    {"the death of Pope Francis", "2025-04-21", "2025-04-21", 'e', "Pope Francis;death|died|funeral|late", ""},
    {"the election of Pope Leo XIV", "2025-05-08", "2025-05-08", 'e', "Pope Leo", ""},
    {"the Israel-Iran twelve-day war", "2025-06-13", "2025-06-24", 'e', "12-day war|twelve-day war", ""},
    {"the US strikes on Iran's nuclear sites", "2025-06-22", "2025-06-22", 'e',
     "Fordow|Fordo;struck|bombed|bombing|strikes on|attack on", ""},
    {"Trump's 2025 Asia tour (Malaysia, Japan, South Korea)", "2025-10-24", "2025-10-30", 'o',
     "Asia tour|Asia trip|trip to Asia|tour of Asia|Asian tour|Asian trip|swing through Asia;"
     "Malaysia|Kuala Lumpur|ASEAN",
     "Trump"},
    {"the APEC summit in Gyeongju", "2025-10-31", "2025-11-01", 'o', "Gyeongju", "APEC"},
    {"the Trump-Xi meeting in Busan", "2025-10-30", "2025-10-30", 'o', "Busan;Xi", "Trump"},
};

#define NLM (sizeof table / sizeof *table)
#define MAXW 6           /* words in one cue phrase */
#define MAXG 4           /* groups per side */
#define NPHRASE 512
#define NBUCKET 1024u    /* first-word hash table, a power of two */

typedef struct {
    uint32_t w[MAXW];
    uint8_t nw;
    uint8_t lm;          /* landmark index */
    uint8_t group;       /* 0..MAXG-1 sentence groups, MAXG.. document groups */
    int16_t next;        /* next phrase with the same first-word bucket, -1 */
} phrase;

typedef struct {
    tx_span days;
    uint8_t nsent, ndoc;
} compiled;

static phrase phrases[NPHRASE];
static int nphrases;
static int16_t bucket[NBUCKET];
static compiled comp[NLM];
static uint32_t present_cue[8];
static int npresent;
static uint32_t h_this, h_week, h_en, h_route, h_under, h_way, h_in, h_full, h_swing;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static long parse_day(const char *s)
{
    return tx_days(tx_date(atoi(s), atoi(s + 5), atoi(s + 8)));
}

/* Add the alternatives of every group in `cues` ("a b|c;d"), groups
 * numbered from `base`; returns the number of groups. */
static uint8_t add_groups(uint8_t lm, const char *cues, uint8_t base)
{
    uint8_t g = 0;
    const char *s = cues;
    while (*s && nphrases < NPHRASE) {       /* the table holds ~290 phrases */
        phrase *p = &phrases[nphrases];
        memset(p, 0, sizeof *p);
        for (;;) {                                        /* words up to '|' ';' or end */
            while (*s == ' ') s++;
            const char *b = s;
            while (*s && *s != ' ' && *s != '|' && *s != ';') s++;
            if (s > b && p->nw < MAXW) p->w[p->nw++] = hash_folded(b, (size_t)(s - b));
            if (*s != ' ') break;
        }
        p->lm = lm;
        p->group = (uint8_t)(base + g);
        uint32_t j = p->w[0] & (NBUCKET - 1);
        p->next = bucket[j];
        bucket[j] = (int16_t)nphrases++;
        if (*s == ';') g++;
        if (*s) s++;
    }
    return *cues ? (uint8_t)(g + 1) : 0;
}

static void build(void)
{
    for (uint32_t j = 0; j < NBUCKET; j++) bucket[j] = -1;
    for (size_t i = 0; i < NLM; i++) {
        comp[i].days.from = parse_day(table[i].from);
        comp[i].days.to = parse_day(table[i].to);
        comp[i].nsent = add_groups((uint8_t)i, table[i].sentence, 0);
        comp[i].ndoc = add_groups((uint8_t)i, table[i].document, MAXG);
    }
    static const char *const present[] = {"now", "currently", "latest", "ongoing", "underway", "today", "tonight"};
    for (size_t i = 0; i < sizeof present / sizeof *present; i++)
        present_cue[npresent++] = hash_folded(present[i], strlen(present[i]));
    h_this = hash_folded("this", 4); h_week = hash_folded("week", 4);
    h_en = hash_folded("en", 2); h_route = hash_folded("route", 5);
    h_under = hash_folded("under", 5); h_way = hash_folded("way", 3);
    h_in = hash_folded("in", 2); h_full = hash_folded("full", 4); h_swing = hash_folded("swing", 5);
}

/* Does phrase p start at token i (possessives skipped, within [i, hi))?
 * Sets *end to one past its last token. */
static int phrase_at(const dyad_doc *d, const phrase *p, uint32_t i, uint32_t hi, uint32_t *end)
{
    for (int k = 0; k < p->nw; k++, i++) {
        while (i < hi && (d->toks[i].flags & DYAD_TOK_POSS)) i++;
        if (i >= hi || d->toks[i].hash != p->w[k]) return 0;
    }
    *end = i;
    return 1;
}

/* A cue that the sentence tells of something under way now. */
static int present_in(const dyad_doc *d, uint32_t lo, uint32_t hi)
{
    for (uint32_t i = lo; i < hi; i++) {
        uint32_t h = d->toks[i].hash;
        for (int k = 0; k < npresent; k++)
            if (h == present_cue[k]) return 1;
        if (i + 1 < hi) {
            uint32_t n = d->toks[i + 1].hash;
            if ((h == h_this && n == h_week) || (h == h_en && n == h_route) || (h == h_under && n == h_way))
                return 1;
            if (h == h_in && n == h_full && i + 2 < hi && d->toks[i + 2].hash == h_swing) return 1;
        }
    }
    return 0;
}

typedef struct {
    uint8_t smask;       /* sentence groups seen in the current sentence */
    uint8_t dmask;       /* document groups seen anywhere */
    uint8_t found, current;
    uint32_t tok, ntok;  /* the mention's first group, for the evidence */
    uint32_t stamp;      /* sentence that smask belongs to, + 1 */
    uint32_t g0tok, g0ntok;
} lm_state;

void tx_landmarks(const dyad_doc *d, tx_landmark_fn fn, void *ctx)
{
    pthread_once(&once, build);
    lm_state st[NLM];
    memset(st, 0, sizeof st);
    for (uint32_t s = 0; s < d->n_sents; s++) {
        uint32_t lo = d->sents[s].tok, hi = lo + d->sents[s].ntok;
        for (uint32_t i = lo; i < hi; i++) {
            if (!(d->toks[i].flags & (DYAD_TOK_WORD | DYAD_TOK_NUM))) continue;
            for (int16_t k = bucket[d->toks[i].hash & (NBUCKET - 1)]; k >= 0; k = phrases[k].next) {
                const phrase *p = &phrases[k];
                uint32_t end;
                if (p->w[0] != d->toks[i].hash || !phrase_at(d, p, i, hi, &end)) continue;
                lm_state *m = &st[p->lm];
                if (p->group >= MAXG) { m->dmask |= (uint8_t)(1u << (p->group - MAXG)); continue; }
                if (m->stamp != s + 1) { m->stamp = s + 1; m->smask = 0; }
                if (p->group == 0 && !(m->smask & 1)) { m->g0tok = i; m->g0ntok = end - i; }
                m->smask |= (uint8_t)(1u << p->group);
                const compiled *c = &comp[p->lm];
                if (m->smask != (1u << c->nsent) - 1 || tx_tense(d, NULL, s, m->g0tok, m->g0tok + m->g0ntok) == T_FUTURE)
                    continue;
                if (!m->found) { m->found = 1; m->tok = m->g0tok; m->ntok = m->g0ntok; }
                if (table[p->lm].kind == 'o' && !m->current && present_in(d, lo, hi)) {
                    m->current = 1; m->tok = m->g0tok; m->ntok = m->g0ntok;
                }
            }
        }
    }
    for (size_t i = 0; i < NLM; i++) {
        const lm_state *m = &st[i];
        if (!m->found || m->dmask != (1u << comp[i].ndoc) - 1) continue;
        tx_span days = comp[i].days;
        if (m->current) days.to += 7;
        else days.to = LONG_MAX;
        fn(ctx, m->tok, m->ntok, table[i].name, comp[i].days, days, m->current);
    }
}
