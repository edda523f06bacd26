/*
 * coder.c - code one document's sentences into events (docs/events.md).
 *
 * For every token that is a form of a dictionary verb, used as a verb (not
 * "the talks", not "an early start", not a participle after a common noun)
 * and not part of an actor name, every pattern of that verb is tried from
 * the verb rightwards; the one that consumes the most tokens wins (ties:
 * the one with a target, then the one that skipped fewer words, then file
 * order).  Then the clause around the verb decides who did it and how:
 *
 *   target   the mention the pattern's + matched, looking through
 *            determiners, quantities and adjectives ("freed five U.S.
 *            citizens", "killed a senior Hamas commander");
 *   source   the subject: the nearest actor mention to the left that is not
 *            the object of a preposition ("thousands of Israelis" is
 *            subject), not a possessor, not the object of an earlier verb,
 *            not across a clause boundary ("that", "which", ";", ", and",
 *            a reporting verb such as "said", a quotation edge); a relative
 *            "who" gives its antecedent; a common noun right before the
 *            verb is the subject (no actor); a verb coordinated with an
 *            earlier one ("shelled X and killed Y") shares its subject; in
 *            passive voice ("was criticized by X", "hostages held by X")
 *            the by-agent, the subject becoming target; "I"/"we" inside a
 *            direct quote is the quote's speaker;
 *   compound "X and Y met Z" gives one event per pair; "X and Y met" both ways;
 *   modality "wants to / would love to / agreed to / will / hopes of" ->
 *            CAMEO 03x intent (13x for force), "urged X to" -> 02x appeal,
 *            "threatened to" -> 13x, "refused to" or a negated cooperative
 *            verb with a target -> 12x rejection; no event after "failed
 *            to / unable to", "could / might / should / must", "is
 *            expected to", "efforts to" (an aim), inside "demanded that X
 *            ..." or "a chance that X ...", for a negated conflict verb, or
 *            for intent to criticise.  Meetings, visits and agreements need
 *            a second party.
 *
 * Where the sentence was parsed, a pattern that found no target by tokens
 * is read again over the verb's dependents (tree_best_match: objects,
 * case-marked obliques and nominal heads at any distance), force used in
 * another country with no object targets that country, a present-tense
 * when-clause below a forward-looking clause is intent, and a time
 * expression hanging from the event's own verb dates the event (see
 * docs/events.md, "Where the sentence was parsed").  --explain names every
 * verb considered and why it was or was not coded.
 *
 * A sentence yields events only through a pattern and these rules; there is
 * no fallback code.  Every event carries the pattern id, the evidence spans
 * and the flags that shaped it.  Nothing here allocates per token: the
 * per-sentence mention maps come from the document's arena, and the lookup
 * tables (word classes, pattern first words, element filters) are built
 * once in coder_init.
 */
#include "model.h"
#include "../core/core.h"
#include "../time/timex.h"

#include <stdio.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Word classes beyond those model.h names; all live in m->wc. */
enum {
    WC_QUANT = WC_COUNT,   /* quantities before a noun: five, dozens, more than */
    WC_REPORT,             /* reporting verbs: the clause after them has its own subject */
    WC_HYPO,               /* modal auxiliaries of possibility or obligation */
    WC_IRREAL,             /* "demanded that X ...": the that-clause did not happen */
    WC_LYADJ,              /* adjectives in -ly: "an early start" */
    WC_NOUNINTENT,         /* "hopes of meeting" */
    WC_EXPECT,             /* "is expected to", "is likely to": someone else's guess */
    WC_POSSPRON,           /* possessive pronouns */
    WC_ALL
};
_Static_assert(WC_ALL <= WC_MAX, "word classes exceed the model's table");

static const char *const word_classes[WC_ALL][48] = {
    [WC_BE] = {"is", "are", "was", "were", "be", "been", "being", "am", NULL},
    [WC_NEG] = {"not", "never", "no", "neither", "nor", "cannot", NULL},
    [WC_INTENT] = {"want", "wants", "wanted", "wanting", "hope", "hopes", "hoped", "hoping", "plan", "plans",
                   "planned", "planning", "intend", "intends", "intended", "like", "love", "seek", "seeks",
                   "sought", "expects", "agree", "agrees", "agreed", "vow", "vows", "vowed", "pledge", "pledges",
                   "pledged", "promise", "promises", "promised", "offer", "offers", "offered", "ready", "willing",
                   "prepared", "eager", "keen", "aims", "going", "set", "due", "scheduled", NULL},
    [WC_APPEAL] = {"urge", "urges", "urged", "urging", "call", "calls", "called", "ask", "asks", "asked",
                   "appeal", "appealed", "appeals", "press", "pressed", "encourage", "encouraged", "implored",
                   "invite", "invited", "invites", "want", "wants", "wanted", "prefer", "prefers", "preferred",
                   "told", "tell", "tells", "pressing", "urging", "asking", "calling", NULL},
    [WC_THREAT] = {"threaten", "threatens", "threatened", "threatening", NULL},
    [WC_REFUSE] = {"refuse", "refuses", "refused", "refusing", "decline", "declines", "declined", "unwilling",
                   "reluctant", "declining", NULL},
    [WC_FAIL] = {"fail", "fails", "failed", "failing", "unable", "failure", NULL},
    [WC_PREP] = {"of", "with", "to", "for", "from", "by", "in", "on", "at", "against", "between", "about",
                 "into", "toward", "towards", "over", "under", "during", "than", "among",
                 "across", "through", "via", "including", "alongside", "behind", "despite", "within", "near", "around",
                 "outside", "inside", "off", "along", "beyond", "amid", "without", "upon", "like", "following",
                 "per", NULL},
    [WC_DET] = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those", "both",
                "all", "some", "new", "fresh", "further", "more", NULL},
    [WC_STOP] = {"that", "because", "although", "though", "whether", "if", "unless", "whereas", "while", "when",
                 "which", "where", "whom", "before", "after", "since", "until", NULL},
    [WC_SELF] = {"i", "we", "i'd", "i'll", "i'm", "i've", "we'd", "we'll", "we're", "we've", NULL},
    [WC_BY] = {"by", NULL},
    [WC_TO] = {"to", NULL},
    [WC_AND] = {"and", "or", "but", NULL},
    /* Words after which a verb form is a noun: "the talks", "his meeting". */
    [WC_NOUNDET] = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these",
                    "those", "some", "any", "each", "every", "of", "for", "after", "before", "during",
                    "with", "at", "in", "on", "by", "about", "such", "no", "from", "into", "over", "whose",
                    "against", "between", "amid", "without", "upon", "than", NULL},
    /* Words after which a verb form is a verb. */
    [WC_VERBOK] = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "will", "would",
                   "can", "could", "may", "might", "must", "should", "shall", "do", "does", "did", "to",
                   "not", "and", "or", "also", "then", "now", "still", "again", "never", "has", "have", "had",
                   "having", "just", "already", "later", "soon", "once", "even", "yet", "since", "first",
                   "but", "jointly", NULL},
    [WC_QUANT] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                  "twelve", "twenty", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
                  "million", "millions", "scores", "several", "many", "more", "than", "at", "least", "about",
                  "nearly", "almost", "around", "some", "other", "fellow", "tens", "of", "up", "over", "few",
                  "billion", "bn", "mln", "numerous", "most", "members", "supporters", NULL},
    [WC_REPORT] = {"said", "says", "say", "saying", "told", "tells", "added", "adds", "noted", "stated",
                   "argued", "explained", "insisted", "reported", "wrote", "believes", "believed", "thinks",
                   "thought", "knows", "knew", "feared", "fears", "confirmed", "claimed", "claims", "suggested",
                   "predicted", "estimated", "indicated", "recalled", "acknowledged", "hinted", "stressed",
                   "tweeted", "writes", "hopes", "hoped", "expects", "expected", NULL},
    [WC_HYPO] = {"could", "might", "may", "should", "must", "ought", "could've", "might've", "should've",
                 "would've", "couldn't", "shouldn't", "mustn't", NULL},
    [WC_IRREAL] = {"demand", "demands", "demanded", "demanding", "insist", "insists", "insisted", "urge",
                   "urges", "urged", "ask", "asks", "asked", "request", "requested", "propose", "proposed",
                   "suggest", "suggested", "recommend", "recommended", "hope", "hopes", "hoped", "want", "wants",
                   "wanted", "wish", "order", "ordered", "require", "required", "expect", "expects", "expected",
                   "fear", "fears", "feared", "warn", "warns", "warned", "cautioned", NULL},
    [WC_LYADJ] = {"early", "daily", "weekly", "monthly", "yearly", "quarterly", "likely", "unlikely", "deadly",
                  "costly", "friendly", "unfriendly", "timely", "elderly", "only", "holy", "ugly", "lonely",
                  "orderly", "bloody", "silly", "hourly", "nightly", "lovely", "supply", "reply", "apply", "rally",
                  "ally", "family", "assembly", "comply", "july", "italy", "anomaly", "monopoly", "belly", NULL},
    [WC_NOUNINTENT] = {"hope", "hopes", "plan", "plans", "intention", "intentions", "desire", "offer",
                       "offers", "readiness", "willingness", "bid", "commitment", "pledge", "promise", NULL},
    [WC_EXPECT] = {"expected", "likely", "unlikely", "supposed", "believed", "thought", "rumoured",
                   "rumored", "reported", "alleged", "said", "understood", "tipped", NULL},
    [WC_POSSPRON] = {"his", "her", "its", "their", "our", "my", "your", NULL},
};

static uint32_t h_between[96], h_lookthrough[48], h_conditional[8];

static const char *const conditionals[] = {"if", "unless", "whether", "until", "till", "lest", NULL};
static uint32_t h_future[8];
static const char *const futures[] = {"will", "would", "shall", "won't", "wouldn't", NULL};

/* People as the object of force: the target is where they are (inner_target). */
static const char *const people_words[] = {
    "people", "civilians", "villagers", "residents", "protesters", "protestors", "demonstrators", "students",
    "men", "women", "children", "worshippers", "passengers", "workers", "fishermen", "farmers", "refugees",
    "migrants", "pilgrims", "voters", "crowd", "crowds", "mourners", "shoppers", "journalists", "activists", NULL};
static uint32_t h_people[32], h_loc[8], h_whose[8], h_policy[40], h_parts[24], h_appeal_preps[4];
static const char *const part_words[] = {"division", "divisions", "unit", "units", "battalion", "battalions", "brigade",
                                         "brigades", "group", "groups", "delegation", "delegations", "team", "teams",
                                         "member", "contingent", "contingents", "column", "columns", "squad", "squads",
                                         NULL};
/* Whose a criticised or rejected thing is: "the plans of the Tories". */
static const char *const whose_words[] = {"of", "by", "from", NULL};
/* Things said or decided: attacked or shot down as such they are criticised. */
static const char *const policy_words[] = {
    "plans", "plan", "policy", "policies", "record", "claims", "claim", "proposals", "proposal", "remarks",
    "comments", "decision", "stance", "budget", "manifesto", "failure", "sums", "figures", "strategy",
    "approach", "handling", "reforms", "bill", "idea", "ideas", "promises", "pledge", "pledges", "leadership",
    "tactics", "campaign", "statement", "position", "views", "arguments", NULL};
static const char *const loc_words[] = {"in", "near", "of", "from", "across", "outside", NULL};

static const char *const to_lookthrough[] = {
    "able", "continue", "continues", "continued", "continuing", "began", "begin", "begins", "begun", "start",
    "starts", "started", "starting", "managed", "manages", "moved", "moves", "came", "went", "used", "proceeded",
    "decided", "decides", "opted", "chose", "voted", "votes", "rushed", "resorted", "returned", "sought",
    "about", NULL};                 /* "is about to restore ties": the act itself (TABARI codes it) */

/* Words that stand between a subject and its verb: auxiliaries, adverbs,
 * time words ("Russia last week attacked", "Kim also made"). */
static const char *const between_words[] = {
    "will", "would", "can", "could", "may", "might", "must", "should", "shall", "do", "does", "did", "not",
    "also", "then", "now", "still", "again", "never", "has", "have", "had", "having", "just", "already",
    "later", "soon", "once", "even", "yet", "first", "jointly", "last", "this", "next", "week", "month",
    "year", "weekend", "yesterday", "today", "tonight", "earlier", "late", "morning", "afternoon", "evening",
    "night", "ever", "always", "often", "almost", "all", "both", "each", "too", "subsequently", "thus",
    "however", "meanwhile", "instead", "nevertheless", "separately", NULL};

/* Single words the rules test; the same for every model (a pure function
 * of the spelling), set by coder_init before any document is coded. */
static uint32_t h_who, h_which, h_that, h_of, h_and, h_in, h_do, h_does, h_did, h_for, h_by, h_than;
static uint32_t h_but, h_while, h_whereas, h_the;

static uint32_t word_hash(const char *w) { return hash_folded(w, strlen(w)); }

void coder_init(events_model *m)
{
    h_who = word_hash("who");
    h_which = word_hash("which");
    h_that = word_hash("that");
    h_of = word_hash("of");
    h_and = word_hash("and");
    h_in = word_hash("in");
    h_do = word_hash("do");
    h_does = word_hash("does");
    h_did = word_hash("did");
    h_for = word_hash("for");
    h_but = word_hash("but"); h_while = word_hash("while"); h_whereas = word_hash("whereas");
    h_the = word_hash("the");
    h_by = word_hash("by");
    h_than = word_hash("than");
    h_appeal_preps[0] = word_hash("for");
    h_appeal_preps[1] = word_hash("on");
    h_appeal_preps[2] = word_hash("upon");
    for (int c = 0; c < WC_ALL; c++) {
        m->wc_n[c] = 0;
        for (int i = 0; i < 48 && word_classes[c][i]; i++)
            m->wc[c][m->wc_n[c]++] = hash_folded(word_classes[c][i], strlen(word_classes[c][i]));
    }
    /* The classes by hash: bits, 0 = empty slot. */
    m->wc_mask = 2047;
    m->wc_hash = dyad_arena_alloc(m->strings, (m->wc_mask + 1) * sizeof *m->wc_hash);
    m->wc_bits = dyad_arena_alloc(m->strings, (m->wc_mask + 1) * sizeof *m->wc_bits);
    for (int c = 0; c < WC_ALL; c++)
        for (int i = 0; i < m->wc_n[c]; i++) {
            uint32_t h = m->wc[c][i];
            for (uint32_t j = h & m->wc_mask;; j = (j + 1) & m->wc_mask) {
                if (m->wc_bits[j] && m->wc_hash[j] != h) continue;
                m->wc_hash[j] = h;
                m->wc_bits[j] |= 1u << c;
                break;
            }
        }
    /* Every word an alternative starts with, for the matcher's quick reject. */
    uint32_t size = 1024;
    while (size < m->n_alts * 4) size <<= 1;
    m->first_words = dyad_arena_alloc(m->strings, size * sizeof *m->first_words);
    m->first_mask = size - 1;
    for (uint32_t i = 0; i < m->n_alts; i++) {
        if (!m->alts[i].n_hash) continue;
        uint32_t h = m->hashes[m->alts[i].hash_at] | 1u;           /* never 0 */
        for (uint32_t j = h & m->first_mask;; j = (j + 1) & m->first_mask) {
            if (m->first_words[j] == h) break;
            if (!m->first_words[j]) { m->first_words[j] = h; break; }
        }
    }
    /* Per element, a 64-bit filter of its alternatives' first words. */
    m->elem_bloom = m->n_elems ? dyad_arena_alloc(m->strings, m->n_elems * sizeof *m->elem_bloom) : NULL;
    for (uint32_t e = 0; e < m->n_elems; e++)
        for (uint32_t i = 0; m->elems[e].kind == EL_WORDS && i < m->elems[e].n_alt; i++) {
            const alt_t *a = &m->alts[m->elems[e].alt_at + i];
            if (a->n_hash) m->elem_bloom[e] |= 1ull << (m->hashes[a->hash_at] >> 26);
        }
    for (int i = 0; conditionals[i]; i++) h_conditional[i] = word_hash(conditionals[i]);
    for (int i = 0; people_words[i] && i < 31; i++) h_people[i] = word_hash(people_words[i]);
    for (int i = 0; loc_words[i] && i < 7; i++) h_loc[i] = word_hash(loc_words[i]);
    for (int i = 0; whose_words[i] && i < 7; i++) h_whose[i] = word_hash(whose_words[i]);
    for (int i = 0; policy_words[i] && i < 39; i++) h_policy[i] = word_hash(policy_words[i]);
    for (int i = 0; part_words[i] && i < 23; i++) h_parts[i] = word_hash(part_words[i]);
    for (int i = 0; futures[i]; i++) h_future[i] = word_hash(futures[i]);
    for (int l = 0; l < 2; l++) {
        const char *const *words = l ? to_lookthrough : between_words;
        uint32_t *out = l ? h_lookthrough : h_between;
        int cap = l ? (int)(sizeof h_lookthrough / sizeof *h_lookthrough) : (int)(sizeof h_between / sizeof *h_between);
        for (int i = 0; words[i] && i < cap - 1; i++) out[i] = word_hash(words[i]);
    }
    m->h_a = hash_folded("a", 1);
    m->h_an = hash_folded("an", 2);
    m->h_interest = hash_folded("interest", 8);
}

int coder_in(const events_model *m, int wc, uint32_t hash)
{
    if (!m->wc_hash) {
        for (int i = 0; i < m->wc_n[wc]; i++)
            if (m->wc[wc][i] == hash) return 1;
        return 0;
    }
    for (uint32_t j = hash & m->wc_mask;; j = (j + 1) & m->wc_mask) {
        if (m->wc_hash[j] == hash && m->wc_bits[j]) return (m->wc_bits[j] >> wc) & 1;
        if (!m->wc_bits[j]) return 0;
    }
}

/* TABARI's code modifiers on this sentence's events until resolved
 * (bits above every DYAD_EV_*) */
enum { EV_SUBORD = EVENTS_EV_SUBORD, EV_DOMINANT = EVENTS_EV_DOMINANT };

/* ---- per-sentence view */

typedef struct {
    const events_model *m;
    dyad_doc *d;
    uint32_t s, a, b;                /* sentence, its tokens [a, b) */
    int32_t *starts;                 /* mention starting at token k - a, or -1 */
    int32_t *inside;                 /* mention covering token k - a, or -1 */
    int32_t *quote;                  /* direct quote covering token k - a, or -1 */
    int32_t *speaker;                /* speaker of the direct quote covering k - a, or -1 */
    FILE *explain;
    int passive;                     /* the verb being matched is a passive participle */
    int32_t prev_src;                /* the source of the last verb with one, for "X did A and B" */
    uint32_t prev_verb;              /* that verb's token */
    int parsed;                      /* the sentence has a dependency tree: subjects and objects come from it */
    int32_t inner;                   /* a target found inside the object ("Kuwaiti boats", "people in Kabul") */
    char inner_code[16];             /* its code for this event: the country, + CVL for people */
    uint32_t clause;                 /* literal mode: the first token of TABARI's clause */
    uint32_t verb_tok;               /* the verb being coded */
} sent_view;

static int32_t mention_at(const sent_view *v, uint32_t k) { return k >= v->a && k < v->b ? v->starts[k - v->a] : -1; }
static int32_t mention_in(const sent_view *v, uint32_t k) { return k >= v->a && k < v->b ? v->inside[k - v->a] : -1; }
static uint32_t H(const sent_view *v, uint32_t k) { return v->d->toks[k].hash; }
static uint32_t F(const sent_view *v, uint32_t k) { return v->d->toks[k].flags; }
static int IN(const sent_view *v, int wc, uint32_t k) { return coder_in(v->m, wc, v->d->toks[k].hash); }

static int is_negative_contraction(const sent_view *v, uint32_t k)
{
    const dyad_token *t = &v->d->toks[k];
    const char *s = v->d->text + t->off;
    if (t->len >= 3 && !memcmp(s + t->len - 3, "n't", 3)) return 1;
    return t->len >= 5 && !memcmp(s + t->len - 5, "n\xE2\x80\x99t", 5);
}

/* Is token k one of these words (their hashes, 0-terminated)? */
static int word_in(const sent_view *v, uint32_t k, const uint32_t *hashes)
{
    uint32_t h = v->d->toks[k].hash;
    for (; *hashes; hashes++)
        if (*hashes == h) return 1;
    return 0;
}

/* Could an alternative start at token k?  One probe of the first-word set. */
static int first_word(const events_model *m, uint32_t hash)
{
    if (!m->first_words) return 1;
    uint32_t h = hash | 1u;
    for (uint32_t j = h & m->first_mask;; j = (j + 1) & m->first_mask) {
        if (m->first_words[j] == h) return 1;
        if (!m->first_words[j]) return 0;
    }
}

/* will, would, shall, won't, wouldn't, or a contraction in 'll: the future. */
static int is_future(const sent_view *v, uint32_t k)
{
    const dyad_token *t = &v->d->toks[k];
    if (word_in(v, k, h_future)) return 1;               /* the hash folds ’ to ' */
    const char *s = v->d->text + t->off;
    if (t->len > 3 && (s[t->len - 1] | 32) == 'l' && (s[t->len - 2] | 32) == 'l')
        return s[t->len - 3] == '\'' || (t->len > 5 && !memcmp(s + t->len - 5, "\xE2\x80\x99", 3));
    return 0;
}

static int is_char(const sent_view *v, uint32_t k, char c)
{
    return v->d->toks[k].len == 1 && v->d->text[v->d->toks[k].off] == c;
}

/* A lower-case word ending in -ly that is an adverb (not "early", "daily"). */
static int is_ly_adverb(const sent_view *v, uint32_t k)
{
    const dyad_token *t = &v->d->toks[k];
    if (!(t->flags & DYAD_TOK_LOWER) || t->len <= 3 || memcmp(v->d->text + t->off + t->len - 2, "ly", 2) ||
        IN(v, WC_LYADJ, k))
        return 0;
    /* where an adverb stands: after the subject, an auxiliary, a clause
     * start ("Pompeo seemingly shrugged", "has strongly condemned"), not
     * inside a noun phrase ("the oil supply deal") */
    if (k == v->a) return 1;
    uint32_t p = k - 1, f = F(v, p);
    return mention_in(v, p) >= 0 || (f & (DYAD_TOK_PUNCT | DYAD_TOK_CAP)) || IN(v, WC_VERBOK, p) ||
           IN(v, WC_BE, p) || IN(v, WC_NEG, p) || IN(v, WC_HYPO, p) || is_negative_contraction(v, p);
}

/* The direct quote (with a speaker) that covers token k, or -1. */
static int32_t quote_speaker_at(const sent_view *v, uint32_t k)
{
    return k >= v->a && k < v->b ? v->speaker[k - v->a] : -1;
}

/* The direct quote covering token k (index), or -1. */
static int32_t quote_index_at(const sent_view *v, uint32_t k)
{
    return k >= v->a && k < v->b ? v->quote[k - v->a] : -1;
}

/* A bare agent code ("GOV", "LEG": an official of no known country) says
 * too little to be a side of an event in a dyadic dataset: such mentions
 * are left out rather than coded with half an actor. */
static int bare_agent(const char *code)
{
    static const char agents[] = "AGR BUS COP CRM CVL EDU ENV GOV HLH HRI JUD LAB LEG MED MIL NGO OPP "
                                 "PTY REB REF REL SET SPY UAF ELI";
    return strlen(code) == 3 && strstr(agents, code) != NULL;
}

static int mention_usable(const sent_view *v, int32_t mi)
{
    /* TABARI codes a bare agent ("guerrillas": ~REB) */
    return mi >= 0 && v->d->mentions[mi].code[0] && (v->m->literal || !bare_agent(v->d->mentions[mi].code));
}

/* ---- pattern matching */

typedef struct {
    const pattern_t *p;
    uint32_t end;                    /* token after the match */
    int32_t target;
    uint32_t skipped;                /* tokens ".." skipped: fewer is more specific */
    uint32_t before;                 /* tokens matched by elements before the verb */
    int target_before;               /* the target is an actor before the verb */
    int literal;                     /* the model codes as TABARI (events_set_literal) */
} match_t;

/* Does alternative sequence alt match at token k?  Returns its length or 0. */
static uint32_t alt_match(const sent_view *v, const alt_t *alt, uint32_t k)
{
    if (k + alt->n_hash > v->b) return 0;
    const uint32_t *h = &v->m->hashes[alt->hash_at];
    for (uint32_t i = 0; i < alt->n_hash; i++)
        if (H(v, k + i) != h[i]) return 0;
    return alt->n_hash;
}

static int is_quote_mark(const sent_view *v, uint32_t k)
{
    return (F(v, k) & (DYAD_TOK_QOPEN | DYAD_TOK_QCLOSE | DYAD_TOK_QAMBIG)) && !(F(v, k) & DYAD_TOK_POSS);
}

/* "its", "their" before a word: a determiner, even when it is a mention. */
static int possessive_pronoun(const sent_view *v, uint32_t k)
{
    int32_t mi = mention_in(v, k);
    return mi >= 0 && v->d->mentions[mi].ntok == 1 && IN(v, WC_POSSPRON, k) && k + 1 < v->b &&
           (F(v, k + 1) & (DYAD_TOK_WORD | DYAD_TOK_NUM)) && mention_at(v, k + 1) < 0;
}

/* ".." skips articles, adjectives, numbers: not actors, punctuation, clause
 * words or prepositions other than "of" ("a series of"). */
static int skippable(const sent_view *v, uint32_t k)
{
    uint32_t f = F(v, k);
    if (mention_in(v, k) >= 0) return possessive_pronoun(v, k);   /* "put its nuclear forces" */
    if (f & (DYAD_TOK_TERM | DYAD_TOK_COMMA | DYAD_TOK_OPEN | DYAD_TOK_CLOSE | DYAD_TOK_DASH)) return 0;
    /* "of" ("a series of"), "in" after an amount ("$5 billion in aid") */
    if (IN(v, WC_PREP, k) && !IN(v, WC_QUANT, k) &&
        !(k > v->a && H(v, k) == h_in && ((F(v, k - 1) & DYAD_TOK_NUM) || IN(v, WC_QUANT, k - 1))))
        return 0;
    return !IN(v, WC_STOP, k);
}

/* The actor a "+" takes at token k: looking through determiners, numbers
 * and up to three adjectives ("the", "five", "more than 200", "a senior").
 * Returns the first token of the mention, or v->b when there is none. */
static uint32_t target_start(const sent_view *v, uint32_t k)
{
    uint32_t j = k, words = 0;
    uint32_t any = 0;
    for (uint32_t q = k; q < v->b && q < k + 7 && !any; q++) any = mention_at(v, q) >= 0;
    if (!any) return v->b;
    while (j < v->b && (mention_at(v, j) < 0 || possessive_pronoun(v, j)) && j - k < 6) {
        uint32_t f = F(v, j);
        if (is_quote_mark(v, j)) { j++; continue; }
        if (possessive_pronoun(v, j)) { if (words) break; j++; continue; }
        /* "of" only after a quantity: "dozens of protesters" */
        if (H(v, j) == h_of) {
            if (j > k && (IN(v, WC_QUANT, j - 1) || (F(v, j - 1) & DYAD_TOK_NUM))) { j++; continue; }
            break;
        }
        /* "about 200", "over 100" but not "roads around Paris" */
        if (IN(v, WC_PREP, j)) {
            if (IN(v, WC_QUANT, j) && j + 1 < v->b && (F(v, j + 1) & DYAD_TOK_NUM)) { j++; continue; }
            break;
        }
        if (IN(v, WC_DET, j) || IN(v, WC_QUANT, j) || (f & DYAD_TOK_NUM)) {
            if (words) break;                      /* "a statement accusing the U.S." */
            j++;
            continue;
        }
        /* an adjective: a lower-case word that is no function word and no verb */
        uint32_t slot = 0;
        if ((f & DYAD_TOK_LOWER) && (f & DYAD_TOK_WORD) && !IN(v, WC_PREP, j) && !IN(v, WC_STOP, j) &&
            !IN(v, WC_AND, j) && !IN(v, WC_BE, j) && !IN(v, WC_TO, j) && words < 2 &&
            !verbs_form_next(v->m, H(v, j), &slot)) {
            words++;
            j++;
            continue;
        }
        break;
    }
    /* "his EU counterparts": the pronoun owns the actor after it */
    if (j + 1 < v->b && mention_at(v, j) >= 0 && IN(v, WC_POSSPRON, j) && v->d->mentions[mention_at(v, j)].ntok == 1 &&
        mention_at(v, j + 1) >= 0)
        j++;
    return j < v->b && mention_at(v, j) >= 0 ? j : v->b;
}

/* Does token k start with the (lower-case) prefix? */
static int has_prefix(const sent_view *v, uint32_t k, const elem_t *el)
{
    const dyad_token *t = &v->d->toks[k];
    const char *pre = el->prefix;
    size_t n = el->n_alt;                      /* the prefix's length */
    if (t->len < n) return 0;
    const char *w = v->d->text + t->off;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)w[i]) != (unsigned char)pre[i]) return 0;
    return 1;
}

/* Match elements e.. of pattern p from token k; recursion only at "..". */
static int match_from(const sent_view *v, const pattern_t *p, uint32_t e, uint32_t k, match_t *out)
{
    const events_model *m = v->m;
    while (k < v->b && is_quote_mark(v, k)) k++;          /* “regrettable” talks */
    if (e == p->n_elem) { out->end = k; return 1; }
    const elem_t *el = &m->elems[p->elem_at + e];
    switch (el->kind) {
    case EL_TARGET: {
        uint32_t j = k < v->b ? target_start(v, k) : v->b;
        int32_t mi = j < v->b ? mention_at(v, j) : -1;
        if (mi < 0 || !mention_usable(v, mi)) {
            /* In the passive the object slot is the subject: "was criticized (by X)". */
            if (v->passive && e == 1) return match_from(v, p, e + 1, k, out);
            return 0;
        }
        uint32_t after = j + v->d->mentions[mi].ntok;
        /* "and displaced Palestinians will be allowed": a mention followed by
         * its own verb group is the next clause's subject, no object */
        if (e + 1 == p->n_elem && after < v->b && !m->literal &&
            (is_future(v, after) || IN(v, WC_BE, after) || IN(v, WC_HYPO, after) ||
             is_negative_contraction(v, after)))
            return 0;
        if (!match_from(v, p, e + 1, after, out)) return 0;
        out->target = mi;
        return 1;
    }
    case EL_WORDS: {
        if (k >= v->b) return 0;
        uint32_t h = H(v, k);
        if (m->elem_bloom && !(m->elem_bloom[p->elem_at + e] & (1ull << (h >> 26)))) return 0;
        if (!first_word(m, h)) return 0;
        const alt_t *alts = &m->alts[el->alt_at];
        for (uint32_t i = 0; i < el->n_alt; i++) {
            if (m->hashes[alts[i].hash_at] != h) continue;      /* first word first: cheap */
            uint32_t n = alt_match(v, &alts[i], k);
            if (n && match_from(v, p, e + 1, k + n, out)) return 1;
        }
        return 0;
    }
    case EL_PREFIX:
        if (k >= v->b || !has_prefix(v, k, el)) return 0;
        return match_from(v, p, e + 1, k + 1, out);
    case EL_GAP: {              /* TABARI's blank: any words in the sentence; before a "+" no actor, not a passive's "by" */
        /* TABARI's blank crosses actors; dyad's own reading does not */
        int to_target = !m->literal || (e + 1 < p->n_elem && m->elems[p->elem_at + e + 1].kind == EL_TARGET);
        uint32_t most = m->literal ? v->b - v->a : 12;    /* dyad's own reading: a bounded gap */
        for (uint32_t n = 0; k + n <= v->b && n <= most; n++) {
            if (n && (k + n > v->b || (to_target && mention_in(v, k + n - 1) >= 0) || (F(v, k + n - 1) & DYAD_TOK_TERM) ||
                      (v->passive && IN(v, WC_BY, k + n - 1))))
                break;
            if (match_from(v, p, e + 1, k + n, out)) { out->skipped += n; return 1; }
        }
        return 0;
    }
    case EL_SKIP:
        for (uint32_t n = 0; n <= 5; n++) {
            if (n && (k + n > v->b || !skippable(v, k + n - 1))) break;
            if (match_from(v, p, e + 1, k + n, out)) { out->skipped += n; return 1; }
        }
        return 0;
    default:
        return 0;
    }
}

/* Elements e-1, e-2 .. of the part of p before its verb, leftwards: the
 * element e-1 must end at token k-1 (k == v->a: nothing left).  Returns the
 * number of tokens matched + 1, 0 when there is no match. */
static uint32_t match_before(const sent_view *v, const pattern_t *p, uint32_t e, uint32_t k, int32_t *target)
{
    const events_model *m = v->m;
    if (!e) return 1;
    const elem_t *el = &m->elems[p->before_at + e - 1];
    switch (el->kind) {
    case EL_TARGET: {
        if (k <= v->a) return 0;
        int32_t mi = mention_in(v, k - 1);
        if (mi < 0 || !mention_usable(v, mi)) return 0;
        uint32_t st = v->d->mentions[mi].tok;
        uint32_t r = match_before(v, p, e - 1, st, target);
        if (r && *target < 0) *target = mi;
        return r ? r + (k - st) : 0;
    }
    case EL_WORDS: {
        const alt_t *alts = &m->alts[el->alt_at];
        for (uint32_t i = 0; i < el->n_alt; i++) {
            uint32_t n = alts[i].n_hash;
            if (k < v->a + n) continue;
            uint32_t j = 0;
            while (j < n && H(v, k - n + j) == m->hashes[alts[i].hash_at + j]) j++;
            if (j < n) continue;
            uint32_t r = match_before(v, p, e - 1, k - n, target);
            if (r) return r + n;
        }
        return 0;
    }
    case EL_PREFIX: {
        if (k <= v->a || !has_prefix(v, k - 1, el)) return 0;
        uint32_t r = match_before(v, p, e - 1, k - 1, target);
        return r ? r + 1 : 0;
    }
    case EL_GAP: case EL_SKIP: {
        int to_target = !m->literal || (e >= 2 && m->elems[p->before_at + e - 2].kind == EL_TARGET);
        for (uint32_t n = 0; n <= (el->kind == EL_SKIP ? 5u : m->literal ? v->b - v->a : 12u); n++) {
            if (n && (k < v->a + n || ((to_target || el->kind == EL_SKIP) && mention_in(v, k - n) >= 0) ||
                      (F(v, k - n) & DYAD_TOK_TERM) ||
                      (el->kind == EL_SKIP && !skippable(v, k - n))))
                break;
            uint32_t r = match_before(v, p, e - 1, k - n, target);
            if (r) return r + n;
        }
        return 0;
    }
    default:
        return 0;
    }
}

static int better(const match_t *a, const match_t *b)
{
    /* TABARI tries a verb's longest patterns first */
    if (a->literal && (a->p->flags & PAT_ROOT) != (b->p->flags & PAT_ROOT)) return !(a->p->flags & PAT_ROOT);
    if (a->literal && a->p->literals != b->p->literals) return a->p->literals > b->p->literals;
    if (a->end + a->before != b->end + b->before) return a->end + a->before > b->end + b->before;
    if ((a->target >= 0) != (b->target >= 0)) return a->target >= 0;
    return a->skipped < b->skipped;
}

static int best_match(const sent_view *v, uint32_t k, match_t *best)
{
    const events_model *m = v->m;
    uint32_t slot = 0;
    int found = 0;
    for (const form_slot *fs; (fs = verbs_form_next(m, H(v, k), &slot));) {
        const verb_t *vb = &m->verbs[fs->verb];
        for (uint32_t i = 0; i < vb->n_pat; i++) {
            const pattern_t *p = &m->pats[vb->pat_at + i];
            match_t mt = {p, 0, -1, 0, 0, 0, m->literal};
            if (!match_from(v, p, 1, k + 1, &mt)) continue;
            if (p->n_before) {
                int32_t bt = -1;
                uint32_t r = match_before(v, p, p->n_before, k, &bt);
                if (!r) continue;
                mt.before = r;                    /* the verb counts one: a pattern with words before it wins ties */
                if (mt.target < 0 && bt >= 0) { mt.target = bt; mt.target_before = 1; }
            }
            /* Longest wins; on a tie the one with a target, then the most
             * specific (fewest skipped words), then file order. */
            if (!found || better(&mt, best)) {
                *best = mt;
                found = 1;
            }
        }
    }
    return found;
}

/* ---- the clause around the verb */

enum { MOD_NONE, MOD_INTENT, MOD_APPEAL, MOD_THREAT, MOD_REFUSE, MOD_FAIL, MOD_HYPO };

typedef struct {
    int mod;
    int negated;
    int passive;
    int future;                      /* will, would, 'll */
    int32_t appeal_target;           /* "urged X to": X */
    uint32_t left;                   /* where the subject search starts (token before the verb group) */
} clause_t;

static int to_modality(const sent_view *v, uint32_t w)
{
    const events_model *m = v->m;
    uint32_t h = H(v, w);
    if (coder_in(m, WC_EXPECT, h)) return MOD_HYPO;        /* "is expected to", "is likely to" */
    if (coder_in(m, WC_INTENT, h)) return MOD_INTENT;
    if (coder_in(m, WC_THREAT, h)) return MOD_THREAT;
    if (coder_in(m, WC_REFUSE, h)) return MOD_REFUSE;
    if (coder_in(m, WC_FAIL, h)) return MOD_FAIL;
    return MOD_NONE;
}

/* Look left from the verb over auxiliaries, negation, adverbs and "to"
 * chains ("would love to", "was unable to", "agreed to"). */
static void read_clause(const sent_view *v, uint32_t k, clause_t *c)
{
    const events_model *m = v->m;
    memset(c, 0, sizeof *c);
    c->appeal_target = -1;
    c->passive = v->passive;
    uint32_t i = k;
    int steps = 0;
    while (i > v->a && steps++ < 8) {
        uint32_t j = i - 1;
        uint32_t h = H(v, j);
        if (mention_in(v, j) >= 0) {
            /* "urged North Korea to return": the mention is the appeal's target */
            int32_t mi = mention_in(v, j);
            uint32_t start = v->d->mentions[mi].tok;
            /* "called for him to apologise", "called on Russia to release" */
            uint32_t cue = start > v->a + 1 && word_in(v, start - 1, h_appeal_preps) ? start - 2 : start - 1;
            if (start > v->a && coder_in(m, WC_APPEAL, H(v, cue)) && c->mod == MOD_NONE &&
                i < v->b && coder_in(m, WC_TO, H(v, i))) {
                c->mod = MOD_APPEAL;
                c->appeal_target = mi;
                i = cue;
                continue;
            }
            break;
        }
        if (coder_in(m, WC_TO, h) && j > v->a) {
            int mod = to_modality(v, j - 1);
            if (mod == MOD_NONE) {
                /* "efforts to improve", "a bid to", "tried to", "has to",
                 * "at Panmunjom to discuss": an aim, not a deed; "able to",
                 * "continued to", "traveled to North Korea to meet": look
                 * through */
                uint32_t w = j - 1;
                while (w > v->a && is_quote_mark(v, w)) w--;      /* “efforts” to improve */
                if (mention_in(v, w) < 0 && !word_in(v, w, h_lookthrough))
                    mod = MOD_HYPO;
                else {
                    i = j;
                    continue;
                }
            }
            if (c->mod == MOD_NONE || mod == MOD_FAIL || mod == MOD_HYPO) c->mod = mod;
            i = j - 1;
            continue;
        }
        if (is_future(v, j)) c->future = 1;
        if (coder_in(m, WC_NEG, h) || is_negative_contraction(v, j)) {
            c->negated = 1;
            if (coder_in(m, WC_HYPO, h)) c->mod = MOD_HYPO;          /* couldn't */
            i = j;
            continue;
        }
        if (coder_in(m, WC_AND, h) && i == k && c->mod == MOD_NONE) {
            /* "agreed to X ... and destroy": a coordinated verb shares the
             * first verb's "to" and its modality. */
            for (uint32_t q = j; q > v->a + 1 && j - q < 14; q--) {
                uint32_t tq = q - 1;
                if (F(v, tq) & (DYAD_TOK_TERM | DYAD_TOK_COMMA)) break;
                if (!coder_in(m, WC_TO, H(v, tq))) continue;
                int mod = to_modality(v, tq - 1);
                if (mod != MOD_NONE) { c->mod = mod; i = tq - 1; }
                /* "urged Putin to withdraw ... and open talks": the same appeal */
                int32_t am = mention_in(v, tq - 1);
                if (mod == MOD_NONE && am >= 0) {
                    uint32_t st = v->d->mentions[am].tok;
                    uint32_t cue = st > v->a + 1 && word_in(v, st - 1, h_appeal_preps) ? st - 2 : st - 1;
                    if (st > v->a && coder_in(m, WC_APPEAL, H(v, cue))) {
                        c->mod = MOD_APPEAL;
                        c->appeal_target = am;
                        i = cue;
                    }
                }
                break;
            }
            if (c->mod != MOD_NONE) continue;
            break;
        }
        if (coder_in(m, WC_BE, h)) { i = j; continue; }
        /* "has no interest in dealing with": a refusal. */
        if (i == k && j >= v->a + 2 && coder_in(m, WC_PREP, h) && H(v, j - 1) == m->h_interest &&
            coder_in(m, WC_NEG, H(v, j - 2))) {
            c->mod = MOD_REFUSE;
            i = j - 2;
            continue;
        }
        /* "shared his hopes of meeting", "a plan to visit": intent by a noun. */
        if (i == k && j > v->a && h == h_of && coder_in(m, WC_NOUNINTENT, H(v, j - 1))) {
            const dyad_token *t = &v->d->toks[k];
            if (t->len > 3 && !memcmp(v->d->text + t->off + t->len - 3, "ing", 3) && c->mod == MOD_NONE) {
                c->mod = MOD_INTENT;
                i = j - 1;
                continue;
            }
        }
        uint32_t f = F(v, j);
        if ((f & DYAD_TOK_LOWER) && !(f & DYAD_TOK_PUNCT) && steps <= 4 &&
            (word_in(v, j, h_between) || is_ly_adverb(v, j) || is_future(v, j) || coder_in(m, WC_HYPO, h))) {
            /* an adverb or auxiliary: reportedly, also, would, has, had, will, last week */
            if (coder_in(m, WC_HYPO, h)) c->mod = MOD_HYPO;
            i = j;
            continue;
        }
        break;
    }
    /* "will meet", "would send", "I'll visit": a stated intention */
    if (c->future && c->mod == MOD_NONE) c->mod = MOD_INTENT;
    c->left = i;
}

/* "a chance that", "amid speculation that": a that-clause of a noun
 * (token t is "that") says what might be, not what was. */
static int noun_that(const sent_view *v, uint32_t t)
{
    uint32_t n = t;
    while (n > v->a && is_quote_mark(v, n - 1)) n--;
    if (n <= v->a + 1) return 0;
    uint32_t w = n - 1, slot = 0;
    const dyad_token *tk = &v->d->toks[w];
    if (!(tk->flags & DYAD_TOK_LOWER) || IN(v, WC_REPORT, w) || IN(v, WC_IRREAL, w) ||
        verbs_form_next(v->m, tk->hash, &slot) ||
        (tk->len > 2 && !memcmp(v->d->text + tk->off + tk->len - 2, "ed", 2)))
        return 0;
    for (uint32_t q = w, words = 0; q > v->a && words < 3; words++) {
        q--;
        while (q > v->a && is_quote_mark(v, q)) q--;
        if (IN(v, WC_NOUNDET, q) || IN(v, WC_PREP, q) || IN(v, WC_BE, q)) return 1;
        if (!(F(v, q) & DYAD_TOK_LOWER)) return 0;
    }
    return 0;
}

/* The mention right before token k (over one comma), or -1. */
static int32_t mention_before(const sent_view *v, uint32_t k)
{
    if (k > v->a && (F(v, k - 1) & DYAD_TOK_COMMA)) k--;
    return k > v->a ? mention_in(v, k - 1) : -1;
}

/* The subject: nearest usable mention to the left of `from`, not governed
 * by a preposition, within the clause.  *irreal is set when the subject
 * opens the that-clause of a demand ("demanded that Hamas release"). */
static int32_t find_subject(const sent_view *v, uint32_t from, uint32_t *distance, int *irreal)
{
    const events_model *m = v->m;
    int commas = 0;
    int32_t qfrom = quote_index_at(v, from < v->b ? from : v->b - 1);
    for (uint32_t i = from; i > v->a;) {
        uint32_t j = i - 1;
        uint32_t f = F(v, j), h = H(v, j);
        if (f & DYAD_TOK_COMMA) {
            const char *t = v->d->text + v->d->toks[j].off;
            if (*t == ';' || *t == ':') return -1;
            commas++;
        }
        if (is_quote_mark(v, j)) { i = j; continue; }
        /* Do not cross into or out of a direct quotation. */
        if (quote_index_at(v, j) != qfrom) return -1;
        int32_t mi = mention_in(v, j);
        if (mi < 0) {
            if (IN(v, WC_VERBOK, j) && h == h_who && !commas) {
                /* "Kim, who met Trump": the relative's antecedent */
                int32_t ante = mention_before(v, j);
                if (mention_usable(v, ante)) { *distance = from - j; return ante; }
                return -1;
            }
            /* ", and Zelenskiy urged", "but": a new clause */
            if (IN(v, WC_AND, j) && (h != h_and || (j > v->a && is_char(v, j - 1, ',')))) return -1;
            if (coder_in(m, WC_STOP, h)) {
                /* ", which ..., " between commas is looked through; a verb in
                 * the relative clause itself has a thing for subject. */
                if (h == h_which && commas) { i = j; continue; }
                return -1;
            }
            /* "Italy said its exclusion violated": past a reporting verb the
             * clause's own subject would have been found already. */
            if ((f & DYAD_TOK_LOWER) && coder_in(m, WC_REPORT, h)) return -1;
            if (from - j > 30) return -1;
            i = j;
            continue;
        }
        const dyad_mention *mn = &v->d->mentions[mi];
        uint32_t start = mn->tok;
        uint32_t p = start;
        while (p > v->a && coder_in(m, WC_DET, H(v, p - 1))) p--;
        int governed = p > v->a && coder_in(m, WC_PREP, H(v, p - 1));
        /* "In eastern and southern Ethiopia": a preposition before adjectives */
        for (uint32_t q = p, n = 0; !governed && q > v->a + 1 && n < 3; n++, q--) {
            uint32_t slot = 0;
            if (!(F(v, q - 1) & DYAD_TOK_LOWER) || mention_in(v, q - 1) >= 0 ||
                verbs_form_next(m, H(v, q - 1), &slot) || IN(v, WC_STOP, q - 1) || IN(v, WC_BE, q - 1))
                break;
            if (coder_in(m, WC_PREP, H(v, q - 2)) && !IN(v, WC_PREP, q - 1)) governed = 1;
        }
        /* "Thousands of Israelis protested": of after a quantity. */
        if (governed && p > v->a + 1 && H(v, p - 1) == h_of &&
            (coder_in(m, WC_QUANT, H(v, p - 2)) || (F(v, p - 2) & DYAD_TOK_NUM)))
            governed = 0;
        /* "a key U.S. ally": an actor word inside an indefinite noun
         * phrase in apposition modifies it and is nobody's subject; at
         * the start of the clause ("An Islamic State bomber killed") the
         * noun phrase is the subject. */
        for (uint32_t q = start; q > v->a && start - q < 3; q--)
            if ((H(v, q - 1) == m->h_a || H(v, q - 1) == m->h_an) && q - 1 > v->a &&
                !is_quote_mark(v, q - 2) && !(F(v, q - 2) & DYAD_TOK_DASH))
                governed = 1;
        /* "shelled X, killed Y": the object of an earlier verb is not the
         * subject of a later one. */
        {
            uint32_t q = p, adj = 0;
            for (;;) {
                uint32_t sl = 0;
                if (q > v->a && ((F(v, q - 1) & DYAD_TOK_NUM) || IN(v, WC_QUANT, q - 1))) { q--; continue; }
                /* "attacked southern Israel": over up to two adjectives */
                if (q > v->a + 1 && adj < 2 && (F(v, q - 1) & DYAD_TOK_LOWER) && mention_in(v, q - 1) < 0 &&
                    !IN(v, WC_PREP, q - 1) && !IN(v, WC_STOP, q - 1) && !IN(v, WC_AND, q - 1) &&
                    !IN(v, WC_BE, q - 1) && !word_in(v, q - 1, h_between) &&
                    !verbs_form_next(m, H(v, q - 1), &sl)) {
                    sl = 0;
                    if (verbs_form_next(m, H(v, q - 2), &sl) && (F(v, q - 2) & DYAD_TOK_LOWER)) { q--; adj++; continue; }
                }
                break;
            }
            uint32_t slot = 0;
            if (q > v->a && q < from && (F(v, q - 1) & DYAD_TOK_LOWER) && mention_in(v, q - 1) < 0 &&
                !IN(v, WC_PREP, q - 1) && !IN(v, WC_BE, q - 1) && verbs_form_next(m, H(v, q - 1), &slot)) {
                i = q - 1;
                continue;
            }
        }
        /* "EU flags", "the Iran arms affair": an actor before a common noun
         * modifies it, unless that noun is right before the verb ("U.N.
         * investigators probed") */
        {
            uint32_t nx = start + mn->ntok, sl = 0;
            if (nx < v->b && nx + 1 < from && (F(v, nx) & DYAD_TOK_LOWER) && (F(v, nx) & DYAD_TOK_WORD) &&
                !IN(v, WC_PREP, nx) && !IN(v, WC_AND, nx) && !IN(v, WC_STOP, nx) && !IN(v, WC_BE, nx) &&
                !IN(v, WC_VERBOK, nx) && !IN(v, WC_HYPO, nx) && !IN(v, WC_REPORT, nx) && !IN(v, WC_TO, nx) &&
                !word_in(v, nx, h_between) && !is_ly_adverb(v, nx) && !is_future(v, nx) &&
                !is_negative_contraction(v, nx) && !verbs_form_next(m, H(v, nx), &sl) &&
                !(F(v, nx) & DYAD_TOK_POSS)) {
                i = p;
                continue;
            }
        }
        /* A possessive ("Trump's outreach", "his efforts") is not the subject either. */
        int possessor = start + mn->ntok < v->b && (F(v, start + mn->ntok) & DYAD_TOK_POSS);
        if (mn->ntok == 1 && coder_in(m, WC_POSSPRON, H(v, start)) && start + 1 < v->b &&
            (F(v, start + 1) & DYAD_TOK_WORD))
            possessor = 1;
        if (!governed && !possessor && mention_usable(v, mi)) {
            *distance = from - (start + mn->ntok);
            /* "demanded that Hamas release", "demanded the United States stop",
             * "a chance that Trump and Kim would meet" (from the first conjunct) */
            for (int n = 0; n < 4 && p > v->a + 1 && (IN(v, WC_AND, p - 1) || is_char(v, p - 1, ',')) &&
                            mention_in(v, p - 2) >= 0; n++) {
                p = v->d->mentions[mention_in(v, p - 2)].tok;
                while (p > v->a && coder_in(m, WC_DET, H(v, p - 1))) p--;
            }
            if (irreal && p > v->a + 1 && H(v, p - 1) == h_that &&
                (coder_in(m, WC_IRREAL, H(v, p - 2)) || noun_that(v, p - 1)))
                *irreal = 1;
            if (irreal && p > v->a && coder_in(m, WC_IRREAL, H(v, p - 1)))
                *irreal = 1;
            /* "if Moscow rejected", "until Putin and Trump met": a condition */
            if (irreal && p > v->a && word_in(v, p - 1, h_conditional)) *irreal = 1;
            return mi;
        }
        i = p;
    }
    return -1;
}

/* Is the word before the verb group (at `left`) a common noun, which is
 * then the subject ("a prolonged drought has killed crops")?  Not when an
 * actor modifies it ("U.N. investigators probed"). */
static int noun_subject(const sent_view *v, uint32_t left)
{
    uint32_t j = left;
    while (j > v->a && is_quote_mark(v, j - 1)) j--;
    if (j == v->a) return 0;
    j--;
    uint32_t f = F(v, j);
    if (!(f & DYAD_TOK_LOWER) || !(f & DYAD_TOK_WORD) || mention_in(v, j) >= 0) return 0;
    if (IN(v, WC_VERBOK, j) || IN(v, WC_AND, j) || IN(v, WC_STOP, j) || IN(v, WC_PREP, j) || IN(v, WC_BE, j) ||
        word_in(v, j, h_between) ||
        IN(v, WC_NEG, j) || IN(v, WC_HYPO, j) || IN(v, WC_REPORT, j) || IN(v, WC_TO, j) || is_future(v, j) ||
        is_ly_adverb(v, j) || is_negative_contraction(v, j) || IN(v, WC_SELF, j) || IN(v, WC_QUANT, j))
        return 0;
    uint32_t slot = 0;
    if (verbs_form_next(v->m, H(v, j), &slot)) return 0;
    return !(j > v->a && mention_in(v, j - 1) >= 0);
}

/* "I"/"we" at the subject position inside a direct quote -> its speaker. */
static int32_t self_subject(const sent_view *v, uint32_t from)
{
    for (uint32_t i = from; i > v->a && from - i < 4;) {
        uint32_t j = i - 1;
        if (coder_in(v->m, WC_SELF, H(v, j))) return quote_speaker_at(v, j);
        if (F(v, j) & DYAD_TOK_PUNCT) return -1;
        i = j;
    }
    return -1;
}

/* ---- code mapping */


/* The intent (03x), appeal (02x) or refusal (12x) code for a cooperative
 * code of roots 04-08, keeping the kind: 072 military aid -> 0332 / 0232 /
 * 1222, 0841 release -> 0353 / 0253 / 1243, 045 mediation -> 039 / 028 /
 * 126, 083 reform -> 034 / 024 / 123. */
enum { FAM_INTENT, FAM_APPEAL, FAM_REFUSE };

static const char *family_code(const events_model *m, const char *code, int fam)
{
    static const char *const base[5][3] = {
        {"036", "026", "125"}, {"032", "022", "120"}, {"031", "021", "121"},
        {"033", "023", "122"}, {"035", "025", "124"},
    };
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root < 4 || root > 8) return NULL;
    const char *b = base[root - 4][fam];
    char sub = code[2];
    if (root == 4 && sub == '5') b = fam == FAM_INTENT ? "039" : fam == FAM_APPEAL ? "028" : "126";
    if (root == 5 && sub == '7' && fam == FAM_REFUSE) b = "127";
    if (root == 8 && sub == '3') b = fam == FAM_INTENT ? "034" : fam == FAM_APPEAL ? "024" : "123";
    char out[8];
    snprintf(out, sizeof out, "%s", b);
    if (root >= 6 && sub && sub != '0' && !(root == 8 && sub == '3')) {
        char d = root == 8 && sub >= '4' ? (char)(sub - 1) : sub;     /* 084 -> 0353, 087 -> 0356 */
        snprintf(out, sizeof out, "%s%c", b, d);
    }
    const cameo_entry *ce = ontology_find(m, out);
    if (!ce) ce = ontology_find(m, b);
    return ce ? ce->code : b;
}

/* The code for this modality, or NULL with *why_not set. */
static const char *map_code(const events_model *m, const char *code, int mod, int negated, int has_target,
                            const char **why_not)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    *why_not = NULL;
    if (mod == MOD_FAIL) { *why_not = "the action failed"; return NULL; }
    if (mod == MOD_HYPO) { *why_not = "only possible, expected or demanded"; return NULL; }
    /* "agreed to ... destroy a testing site": intent to do force to nobody
     * is no threat; "vowed to attack X" is. */
    if (mod == MOD_INTENT && root >= 15 && !has_target) { *why_not = "intent to use force against nobody"; return NULL; }
    if (mod == MOD_THREAT || (mod == MOD_INTENT && root >= 15)) {
        if (negated) { *why_not = "negated threat"; return NULL; }
        if (root >= 18 || root == 15) return "138";
        if (!strcmp(code, "163")) return "1312";
        if (root == 16) return "131";
        if (root == 17) return "137";
        return "130";
    }
    if (mod == MOD_REFUSE || (negated && root <= 8)) {
        /* "would not seek talks with the EU": refusing to negotiate */
        if (!strcmp(code, "026") && has_target) return "125";
        if (root <= 2) { *why_not = "negated statement or appeal"; return NULL; }
        if (root >= 9) { *why_not = "refusing to criticise or to fight is no event"; return NULL; }
        /* "would not discuss reports": a refusal needs someone refused */
        if (mod != MOD_REFUSE && !has_target) { *why_not = "negated, and nobody refused"; return NULL; }
        const char *r = family_code(m, code, FAM_REFUSE);
        return r ? r : "120";
    }
    if (negated) { *why_not = "negated"; return NULL; }        /* "did not attack" is no attack */
    if (mod == MOD_INTENT) {
        if (root <= 3) return code;
        /* "promised to hail Labour's record": praise to come is no event, like criticism */
        if (!strncmp(code, "051", 3) || !strncmp(code, "052", 3)) { *why_not = "intent to praise is not an event"; return NULL; }
        const char *r = family_code(m, code, FAM_INTENT);
        if (!r) *why_not = "intent to criticise or demand is not an event";
        return r;
    }
    if (mod == MOD_APPEAL) {
        const char *r = family_code(m, code, FAM_APPEAL);
        return r ? r : "020";
    }
    return code;
}

/* ---- events out */

static void set_side(const sent_view *v, int32_t mi, int32_t *idx, char code[16], int is_target)
{
    *idx = mi;
    if (mi >= 0 && is_target && mi == v->inner) snprintf(code, 16, "%s", v->inner_code);
    else if (mi >= 0) snprintf(code, 16, "%s", v->d->mentions[mi].code);
    else code[0] = 0;
}


/* Material conflict done to no actor the pattern names: is the target
 * inside the object ("seized seven Kuwaiti speed boats") or where it
 * happened ("killed 12 people in Kabul", "arrested protesters in
 * Moscow"), or, for people of no named country, the source's own?  Looks
 * over the object [a, b) and a place after it (not past a clause edge).  Sets v->inner and its code (the place's country, with
 * CVL when the object is people) and returns the mention, or -1. */
static int32_t inner_target(sent_view *v, uint32_t a, uint32_t b, int32_t source, int speech)
{
    int people = 0;
    int32_t found = -1;
    for (uint32_t k = a; k < b && k < v->b; k++) {
        if (word_in(v, k, h_people)) people = 1;
        int32_t mi = mention_in(v, k);
        /* "Ukraine attacked its border posts": force on what another actor owns */
        int owner = !speech && mi >= 0 && source >= 0 && possessive_pronoun(v, k) &&
                    strncmp(v->d->mentions[mi].code, v->d->mentions[source].code, 3) != 0;
        if (found < 0 && mi >= 0 && mention_usable(v, mi) &&
            ((!possessive_pronoun(v, k) && v->d->mentions[mi].kind != DYAD_ACTOR_PRONOUN) || owner))
            found = mi;
    }
    for (uint32_t k = b; found < 0 && k + 1 < v->b && k < b + 3; k++) {
        if (F(v, k) & (DYAD_TOK_TERM | DYAD_TOK_COMMA) || IN(v, WC_STOP, k)) break;
        if (word_in(v, k, h_people)) people = 1;
        if (!word_in(v, k, speech ? h_whose : h_loc)) continue;
        uint32_t q = k + 1;
        while (q < v->b && coder_in(v->m, WC_DET, H(v, q)) && mention_at(v, q) < 0) q++;
        int32_t mi = mention_at(v, q);
        if (mi >= 0 && mention_usable(v, mi) && v->d->mentions[mi].kind != DYAD_ACTOR_PRONOUN) found = mi;
        break;
    }
    /* "Iranian authorities arrested dozens of protesters": a state's
     * government, forces, police or courts acting on people of no named
     * country act on its own (not rebels: Hamas's hostages are not
     * Palestinian). */
    if (speech) people = 0;
    if (found < 0 && people && source >= 0) {
        const char *sc = v->d->mentions[source].code;
        size_t n = strlen(sc);
        int state = n == 3 || (n >= 6 && (!strncmp(sc + 3, "GOV", 3) || !strncmp(sc + 3, "MIL", 3) ||
                                          !strncmp(sc + 3, "COP", 3) || !strncmp(sc + 3, "JUD", 3) ||
                                          !strncmp(sc + 3, "SPY", 3)));
        if (state && strncmp(sc, "IGO", 3) && strncmp(sc, "IMG", 3) && strncmp(sc, "NGO", 3) &&
            strncmp(sc, "MNC", 3) && !bare_agent(sc)) {
            v->inner = source;
            snprintf(v->inner_code, sizeof v->inner_code, "%.3sCVL", sc);
            return source;
        }
    }
    if (found < 0) return -1;
    v->inner = found;
    snprintf(v->inner_code, sizeof v->inner_code, "%.3s%s", v->d->mentions[found].code, people ? "CVL" : "");
    return found;
}

/* A dictionary's coded compound ("THE_SHIRE [FRO/BIL/SAM]"): the last
 * event becomes one per member code on each side. */
static void split_coded_compound(dyad_doc *d)
{
    dyad_event proto = d->events[d->n_events - 1];
    if (!strchr(proto.source_code, '/') && !strchr(proto.target_code, '/')) return;
    char sc[16], tc[16];
    memcpy(sc, proto.source_code, sizeof sc);
    memcpy(tc, proto.target_code, sizeof tc);
    const char *src[8], *tgt[8];
    int ns = 0, nt = 0;
    char *save;
    for (char *a = strtok_r(sc, "/", &save); a && ns < 8; a = strtok_r(NULL, "/", &save)) src[ns++] = a;
    for (char *b = strtok_r(tc, "/", &save); b && nt < 8; b = strtok_r(NULL, "/", &save)) tgt[nt++] = b;
    if (!nt) tgt[nt++] = "";                 /* no target */
    d->n_events--;
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < nt; j++) {
            d->events = dyad_grow(d->events, &d->cap_events, d->n_events + 1, sizeof *d->events);
            dyad_event *n = &d->events[d->n_events++];
            *n = proto;
            snprintf(n->source_code, sizeof n->source_code, "%s", src[i]);
            snprintf(n->target_code, sizeof n->target_code, "%s", tgt[j]);
        }
}

/* The date of the event's own clause: a time expression (a date, not
 * relative, not modifying a noun, not the dateline) whose head hangs from
 * the event's verb in the tree, the nearest verb above it being that verb
 * ("Iraq said its forces crushed an attack on Monday" dates the attack,
 * "Trump on Thursday said Kim sent a note" dates only the saying).  1 with
 * *out set when there is one. */
static int clause_date(const sent_view *v, uint32_t verb, dyad_date *out)
{
    const dyad_doc *d = v->d;
    if (!v->parsed) return 0;
    for (uint32_t i = 0; i < d->n_timexes; i++) {
        const dyad_timex *t = &d->timexes[i];
        if (t->sent != v->s) continue;
        if ((t->kind != DYAD_TIMEX_DATE && t->kind != DYAD_TIMEX_TIME) || !t->date.year) continue;
        if (t->flags & (DYAD_TIMEX_RELATIVE | DYAD_TIMEX_ATTRIBUTIVE | DYAD_TIMEX_DATELINE)) continue;
        /* the expression's head: its token whose head lies outside it */
        int32_t head = -1;
        for (uint32_t k = v->a; k < v->b; k++) {
            const dyad_token *tk = &d->toks[k];
            if (tk->off < t->off || tk->off >= t->off + t->len) continue;
            int32_t h = d->syn[k].head;
            if (h < 0 || d->toks[h].off < t->off || d->toks[h].off >= t->off + t->len) { head = (int32_t)k; break; }
        }
        int32_t h = head >= 0 ? d->syn[head].head : -1;
        for (int depth = 0; h >= 0 && depth < 8 && d->syn[h].upos != DYAD_UPOS_VERB; depth++) h = d->syn[h].head;
        if (h == (int32_t)verb) { *out = t->date; return 1; }
    }
    return 0;
}

static void add_event(const sent_view *v, int32_t src, int32_t tgt, const cameo_entry *ce, const pattern_t *p,
                      uint32_t verb_off, uint32_t verb_len, uint32_t flags, float conf, const char *rule)
{
    dyad_doc *d = v->d;
    const dyad_mention *ms = &d->mentions[src];
    const char *tcode = tgt < 0 ? "" : tgt == v->inner ? v->inner_code : d->mentions[tgt].code;
    if (tgt >= 0) {
        const dyad_mention *mt = &d->mentions[tgt];
        if ((tgt != v->inner && ms->entity >= 0 && ms->entity == mt->entity) || !strcmp(ms->code, tcode)) {
            if (v->explain)
                fprintf(v->explain, "    no event: source \"%.*s\" and target \"%.*s\" are the same actor\n", (int)ms->len,
                        d->text + ms->off, (int)mt->len, d->text + mt->off);
            return;
        }
    }
    /* "the British government would stand up for Britain": an actor acting
     * on its own country as a whole is no dyad */
    if (tgt >= 0 && tgt != v->inner && d->mentions[tgt].kind == DYAD_ACTOR_COUNTRY && strlen(tcode) == 3 &&
        strlen(ms->code) > 3 && !strncmp(ms->code, tcode, 3)) {
        if (v->explain) fprintf(v->explain, "    no event: the target is the source's own country\n");
        return;
    }
    /* "flew them to Cairo": travel to one's own country or capital is no visit */
    if (tgt >= 0 && tgt != v->inner && !strcmp(ce->code, "042") && d->mentions[tgt].kind == DYAD_ACTOR_COUNTRY &&
        !strncmp(ms->code, tcode, 3)) {
        if (v->explain) fprintf(v->explain, "    no event: a visit to the source's own country\n");
        return;
    }
    /* The same event twice in one sentence (two verbs of one pattern
     * family) is one.  Events are appended sentence by sentence, so this
     * sentence's are the last ones. */
    for (uint32_t i = d->n_events; i-- > 0 && d->events[i].sent == v->s;) {
        dyad_event *e = &d->events[i];
        if (!strcmp(e->source_code, ms->code) && !strcmp(e->cameo, ce->code) && !strcmp(e->target_code, tcode))
            return;
        /* "called on Russia to release the activists": the appeal (020) and
         * what it asks for (0253) are one act; the specific code stays */
        if (!strcmp(e->source_code, ms->code) && !strcmp(e->target_code, tcode) && tcode[0] &&
            !strncmp(e->cameo, ce->code, 2) && e->cameo[2] == '0' && !e->cameo[3] && strcmp(ce->code, e->cameo)) {
            if (v->explain) fprintf(v->explain, "    event %s replaces the general %s of this act\n", ce->code, e->cameo);
            snprintf(e->cameo, sizeof e->cameo, "%s", ce->code);
            e->goldstein = ce->goldstein;
            e->quad = ce->quad;
            e->plover_type = ce->plover_type;
            e->plover_mode = ce->plover_mode;
            e->rule = rule ? rule : p->id;
            return;
        }
    }
    d->events = dyad_grow(d->events, &d->cap_events, d->n_events + 1, sizeof *d->events);
    dyad_event *e = &d->events[d->n_events++];
    memset(e, 0, sizeof *e);
    e->sent = v->s;
    set_side(v, src, &e->source, e->source_code, 0);
    set_side(v, tgt, &e->target, e->target_code, 1);
    snprintf(e->cameo, sizeof e->cameo, "%s", ce->code);
    e->goldstein = ce->goldstein;
    e->quad = ce->quad;
    e->plover_type = ce->plover_type;
    e->plover_mode = ce->plover_mode;
    e->verb_off = verb_off;
    e->verb_len = verb_len;
    e->rule = rule ? rule : p->id;
    e->flags = flags | (v->parsed ? 0 : DYAD_EV_SHALLOW);   /* no tree: token distance decided */
    e->confidence = conf;
    e->reports = 1;
    e->date = (d->sent_dates && v->s < d->cap_sent_dates) ? d->sent_dates[v->s] : d->pubdate;
    int own = clause_date(v, v->verb_tok, &e->date);
    if (v->explain) {
        char ds[11];
        dyad_date_format(e->date, ds);
        fprintf(v->explain, "    event %s %s -> %s (%s; rule %s: %s)\n", ce->code, e->source_code,
                e->target_code[0] ? e->target_code : "-", ce->name, e->rule, p->text);
        fprintf(v->explain, "    date %s: %s\n", ds[0] ? ds : "unknown",
                own ? "the time expression of the event's own clause (parse)"
                : d->sent_dates && v->s < d->cap_sent_dates ? "the sentence's date (its own time expression, else the one carried from before it, else the story's)"
                                                           : "the story's date");
    }
    split_coded_compound(d);          /* last: it may move d->events */
}

/* Mentions coordinated with mi by "and" / ",": X and Y, X, Y and Z. */
static int coordinated(const sent_view *v, int32_t mi, int32_t *out, int max, int leftwards)
{
    int n = 0;
    out[n++] = mi;
    const dyad_mention *cur = &v->d->mentions[mi];
    while (n < max) {
        if (leftwards) {
            if (cur->tok < v->a + 2) break;
            uint32_t j = cur->tok - 1;
            if (!is_char(v, j, ',') && !(IN(v, WC_AND, j) && H(v, j) == h_and)) break;
            int32_t prev = mention_in(v, j - 1);
            if (prev < 0 || !mention_usable(v, prev)) break;
            /* "South Korea, Pyongyang announced": a comma joins a list only before "and" */
            if (is_char(v, j, ',') && n == 1) break;
            out[n++] = prev;
            cur = &v->d->mentions[prev];
        } else {
            uint32_t j = cur->tok + cur->ntok;
            int comma = j < v->b && is_char(v, j, ',');
            if (j + 1 >= v->b || (!(IN(v, WC_AND, j) && H(v, j) == h_and) && !comma)) break;
            uint32_t k = j + 1;
            while (k < v->b && coder_in(v->m, WC_DET, H(v, k)) && mention_at(v, k) < 0) k++;
            int32_t next = mention_at(v, k);
            if (next < 0 || !mention_usable(v, next)) break;
            if (comma) {
                /* "X, Y and Z" is a list; "South Korea, Pyongyang announced" is not. */
                uint32_t after = k + v->d->mentions[next].ntok;
                if (after >= v->b || !((IN(v, WC_AND, after) && H(v, after) == h_and) ||
                                       is_char(v, after, ',')))
                    break;
            }
            out[n++] = next;
            cur = &v->d->mentions[next];
        }
    }
    return n;
}

/* The actor of the noun phrase headed by token t: the head's mention, else
 * one in its name parts, its possessor or its of/for/by modifier. */
static int32_t tree_actor(const sent_view *v, int32_t t)
{
    if (t < 0) return -1;
    uint32_t toks[8];
    int n = parsed_noun_tokens(v->d, (uint32_t)t, toks, 8);
    for (int i = 0; i < n; i++) {
        int32_t mi = mention_in(v, toks[i]);
        if (mention_usable(v, mi)) return mi;
    }
    return -1;
}

/* ---- matching over the tree
 *
 * Where the sentence was parsed a pattern is also read over the verb's
 * dependents, whatever the distance: "+" right after the verb is its
 * object; a preposition before "+" is an obl/nmod dependent carrying that
 * case ("talks with +" is the talks' nmod, "hit back at +" the verb's obl);
 * a noun is an obj/obl/nmod/xcomp dependent whose word is one of the
 * alternatives (a phrase matches on its last word, the head), and the
 * elements after it are read below it; a particle ("back", "up") is a
 * compound:prt or advmod dependent of the verb; "+" right before a noun
 * ("crushed an + attack") is an actor modifying that noun.  ".." is free.
 * The tree match is used when the token matcher finds no target. */

typedef struct {
    uint32_t end;                    /* one after the last token used */
    int32_t target;
    int32_t obj;                     /* the object token "+" took, or -1 */
} tmatch_t;

static int tree_word(const sent_view *v, const elem_t *el, uint32_t t)
{
    const events_model *m = v->m;
    uint32_t h = H(v, t);
    for (uint32_t i = 0; i < el->n_alt; i++) {
        const alt_t *a = &m->alts[el->alt_at + i];
        if (a->n_hash && m->hashes[a->hash_at + a->n_hash - 1] == h) return 1;
    }
    return 0;
}

static int tree_prep_elem(const sent_view *v, const elem_t *el)
{
    const events_model *m = v->m;
    if (el->kind != EL_WORDS || !el->n_alt) return 0;
    const alt_t *a = &m->alts[el->alt_at];
    return a->n_hash == 1 && coder_in(m, WC_PREP, m->hashes[a->hash_at]);
}

/* Does dependent c of its head carry a case word of element el? */
static int tree_case(const sent_view *v, const elem_t *el, uint32_t c)
{
    for (uint32_t j = v->a; j < v->b; j++)
        if (v->d->syn[j].head == (int32_t)c && (v->d->syn[j].deprel == DYAD_DEP_CASE ||
                                                 v->d->syn[j].deprel == DYAD_DEP_MARK) && tree_word(v, el, j))
            return 1;
    return 0;
}

static int tree_has_case(const sent_view *v, uint32_t c)
{
    for (uint32_t j = v->a; j < c; j++)
        if (v->d->syn[j].head == (int32_t)c && v->d->syn[j].deprel == DYAD_DEP_CASE) return 1;
    return 0;
}

static int noun_rel(int r)
{
    return r == DYAD_DEP_OBJ || r == DYAD_DEP_IOBJ || r == DYAD_DEP_OBL || r == DYAD_DEP_NMOD ||
           r == DYAD_DEP_OBL_UNMARKED || r == DYAD_DEP_XCOMP || r == DYAD_DEP_OBL_AGENT;
}

static void tm_use(tmatch_t *out, uint32_t t) { if (t + 1 > out->end) out->end = t + 1; }

/* An actor modifying noun n ("an Iranian attack", "Kuwait's boats"). */
static int32_t tree_modifier_actor(const sent_view *v, uint32_t n)
{
    for (uint32_t j = v->a; j < v->b; j++) {
        const dyad_syn *s = &v->d->syn[j];
        if (s->head != (int32_t)n || j >= n) continue;
        if (s->deprel != DYAD_DEP_AMOD && s->deprel != DYAD_DEP_NMOD_POSS && s->deprel != DYAD_DEP_COMPOUND) continue;
        int32_t mi = mention_in(v, j);
        if (mention_usable(v, mi)) return mi;
    }
    return -1;
}

/* The actor a tree slot holds: the noun itself, or its owner or compound
 * ("Kim's demand", "EU counterparts"), for an object also its by-agent
 * ("crushed an attack by Iran"), never an of-modifier or apposition
 * ("backed the invasion of Iraq" backs no Iraq; "visit the temple in
 * Neasden, north west London" visits no London). */
static int32_t tm_actor(const sent_view *v, int32_t t, int allow_by)
{
    if (t < 0) return -1;
    int32_t mi = mention_in(v, (uint32_t)t);
    if (mention_usable(v, mi)) return mi;
    /* "three divisions of Iranian Revolutionary Guards": a part or amount
     * of an actor is that actor */
    int part = IN(v, WC_QUANT, (uint32_t)t) || word_in(v, (uint32_t)t, h_parts);
    for (uint32_t c = v->a; c < v->b; c++) {
        const dyad_syn *s = &v->d->syn[c];
        if (s->head != t) continue;
        if (part && s->deprel == DYAD_DEP_NMOD && c > (uint32_t)t && mention_usable(v, mention_in(v, c))) {
            int of = 0;
            for (uint32_t j = (uint32_t)t + 1; j < c; j++) of |= v->d->syn[j].head == (int32_t)c && H(v, j) == h_of;
            if (of) return mention_in(v, c);
        }
        /* before the noun its owner or compound; after it a "by" agent ("an attack by Iran") */
        int by = 0;
        for (uint32_t j = v->a; allow_by && j < c && s->deprel == DYAD_DEP_NMOD && c > (uint32_t)t; j++)
            by |= v->d->syn[j].head == (int32_t)c && v->d->syn[j].deprel == DYAD_DEP_CASE && H(v, j) == h_by;
        if (!by && (c >= (uint32_t)t || (s->deprel != DYAD_DEP_NMOD_POSS && s->deprel != DYAD_DEP_COMPOUND &&
                                         s->deprel != DYAD_DEP_AMOD)))
            continue;
        mi = mention_in(v, c);
        if (mention_usable(v, mi)) return mi;
    }
    return -1;
}

static int tm_from(const sent_view *v, const pattern_t *p, uint32_t e, uint32_t verb, uint32_t h, tmatch_t *out)
{
    const events_model *m = v->m;
    const dyad_doc *d = v->d;
    while (e < p->n_elem && m->elems[p->elem_at + e].kind == EL_SKIP) e++;
    if (e == p->n_elem) return 1;
    const elem_t *el = &m->elems[p->elem_at + e];
    const elem_t *next = NULL;
    uint32_t en = e + 1;
    while (en < p->n_elem && m->elems[p->elem_at + en].kind == EL_SKIP) en++;
    if (en < p->n_elem) next = &m->elems[p->elem_at + en];
    if (el->kind == EL_TARGET) {
        if (out->target >= 0) return 0;
        /* "+ attack": an actor inside the noun that follows */
        if (next && next->kind == EL_WORDS && !tree_prep_elem(v, next))
            for (uint32_t c = v->a; c < v->b; c++) {
                if (d->syn[c].head != (int32_t)h || !noun_rel(d->syn[c].deprel) || !tree_word(v, next, c)) continue;
                int32_t mi = tree_modifier_actor(v, c);
                if (mi < 0) continue;
                tmatch_t save = *out;
                out->target = mi;
                tm_use(out, c);
                if (tm_from(v, p, en + 1, verb, c, out)) return 1;
                *out = save;
            }
        if (h != verb) return 0;
        if (v->passive && e == 1) return tm_from(v, p, e + 1, verb, h, out);
        /* "warned Brown not to spend", "asked Iran to free": the object is
         * the next clause's doer, which the modality rules read, not "* +" */
        if (!next && dyad_syn_child(d, verb, DYAD_DEP_XCOMP) >= 0 && dyad_syn_object(d, verb) >= 0) return 0;
        /* the object; a misparse may make it an xcomp ("called Britain's rebate unjustified") */
        int32_t o = dyad_syn_object(d, verb);
        /* "French president Jacques Chirac has called ...": a word of the
         * subject's own name read as the object is a misparse, not a target */
        int32_t subj = dyad_syn_child(d, verb, DYAD_DEP_NSUBJ);
        if (o >= 0 && (uint32_t)o < verb && subj >= 0 && mention_in(v, (uint32_t)o) >= 0 &&
            mention_in(v, (uint32_t)o) == mention_in(v, (uint32_t)subj))
            o = -1;
        if (o < 0) o = dyad_syn_child(d, verb, DYAD_DEP_XCOMP);
        int32_t mi = tm_actor(v, o, 1);
        /* "put its forces on alert": the owner pronoun is the subject again */
        if (mi < 0 || (v->d->mentions[mi].ntok == 1 && IN(v, WC_POSSPRON, v->d->mentions[mi].tok))) return 0;
        /* "suggested Labour was avoiding": an actor with its own verb group
         * is the next clause's subject, whatever the parse says */
        uint32_t after = d->mentions[mi].tok + d->mentions[mi].ntok;
        if (after < v->b && (is_future(v, after) || IN(v, WC_BE, after) || IN(v, WC_HYPO, after) ||
                             is_negative_contraction(v, after)))
            return 0;
        out->target = mi;
        out->obj = o;
        tm_use(out, (uint32_t)o);
        return tm_from(v, p, e + 1, verb, h, out);
    }
    if (el->kind != EL_WORDS) return 0;
    if (tree_prep_elem(v, el)) {
        /* the dependent carrying this case: below the current noun, else the verb's */
        for (int pass = 0; pass < (h == verb ? 1 : 2); pass++) {
            uint32_t hh = pass ? verb : h;
            for (uint32_t c = v->a; c < v->b; c++) {
                if (d->syn[c].head != (int32_t)hh || !noun_rel(d->syn[c].deprel) || !tree_case(v, el, c)) continue;
                tmatch_t save = *out;
                if (next && next->kind == EL_TARGET) {
                    int32_t mi = tm_actor(v, (int32_t)c, 0);
                    if (mi < 0 || out->target >= 0) continue;
                    out->target = mi;
                    tm_use(out, c);
                    if (tm_from(v, p, en + 1, verb, hh, out)) return 1;
                } else if (next && next->kind == EL_WORDS) {
                    if (!tree_word(v, next, c)) continue;
                    tm_use(out, c);
                    if (tm_from(v, p, en + 1, verb, c, out)) return 1;
                } else {
                    tm_use(out, c);
                    if (tm_from(v, p, en, verb, hh, out)) return 1;
                }
                *out = save;
            }
        }
        return 0;
    }
    for (uint32_t c = v->a; c < v->b; c++) {
        const dyad_syn *s = &d->syn[c];
        /* "called X unjustified": the predicate word may hang from the object */
        int of_obj = out->obj >= 0 && h == verb && s->head == out->obj && c > (uint32_t)out->obj &&
                     (s->deprel == DYAD_DEP_AMOD || s->deprel == DYAD_DEP_APPOS || s->deprel == DYAD_DEP_XCOMP);
        if ((s->head != (int32_t)h && !of_obj) || !tree_word(v, el, c)) continue;
        int particle = s->deprel == DYAD_DEP_COMPOUND_PRT || s->deprel == DYAD_DEP_ADVMOD;
        if (!particle && !noun_rel(s->deprel) && !of_obj) continue;
        /* "called for a ceasefire" is not "* .. ceasefire": a preposition the
         * pattern does not name changes the sense */
        if (!particle && tree_has_case(v, c)) continue;
        if (particle && h != verb) continue;
        tmatch_t save = *out;
        tm_use(out, c);
        if (tm_from(v, p, e + 1, verb, particle ? h : c, out)) return 1;
        *out = save;
    }
    return 0;
}

/* The best tree match of the verb at k: of the patterns that find a
 * target, the longest (then file order). */
static int tree_best_match(const sent_view *v, uint32_t k, match_t *best)
{
    const events_model *m = v->m;
    uint32_t slot = 0;
    int found = 0;
    if (v->d->syn[k].upos != DYAD_UPOS_VERB) return 0;
    /* "called on the United States to remove curbs": the complement of an
     * appeal is what was asked for, which the appeal's own pattern codes */
    int32_t hd = v->d->syn[k].head;
    int32_t mk = dyad_syn_child(v->d, k, DYAD_DEP_MARK);
    int inf = v->d->syn[k].deprel == DYAD_DEP_XCOMP ||
              (v->d->syn[k].deprel == DYAD_DEP_ADVCL && mk >= 0 && IN(v, WC_TO, (uint32_t)mk));
    if (inf && hd >= 0 &&
        (dyad_syn_object(v->d, (uint32_t)hd) >= 0 || dyad_syn_child(v->d, (uint32_t)hd, DYAD_DEP_OBL) >= 0))
        return 0;
    for (const form_slot *fs; (fs = verbs_form_next(m, H(v, k), &slot));) {
        const verb_t *vb = &m->verbs[fs->verb];
        for (uint32_t i = 0; i < vb->n_pat; i++) {
            const pattern_t *p = &m->pats[vb->pat_at + i];
            tmatch_t t = {k + 1, -1, -1};
            if (p->n_elem < 2 || !tm_from(v, p, 1, k, k, &t) || t.target < 0) continue;
            if (found && p->n_elem <= best->p->n_elem) continue;
            best->p = p;
            best->end = t.end;
            best->target = t.target;
            best->skipped = 0;
            found = 1;
        }
    }
    return found;
}

/* "Iranian troops are fighting on two fronts in northern Iraq": force used
 * in a country other than the source's, with no one named as its object,
 * is used against that country (its military, when the text names none).
 * The country is a mention in the verb's own obl/nmod chain, so "fighting
 * rebels, the UN said in Iraq" does not count. */
static int32_t tree_place_target(const sent_view *v, uint32_t verb, int32_t source)
{
    const dyad_doc *d = v->d;
    if (source < 0) return -1;
    for (uint32_t t = v->a; t < v->b; t++) {
        int32_t mi = mention_at(v, t);
        if (mi < 0 || d->mentions[mi].kind != DYAD_ACTOR_COUNTRY || !mention_usable(v, mi)) continue;
        if (!strncmp(d->mentions[mi].code, d->mentions[source].code, 3)) continue;
        uint32_t last = t + d->mentions[mi].ntok - 1;
        int32_t h = (int32_t)last;
        for (int depth = 0; depth < 6 && h >= 0 && h != (int32_t)verb; depth++) {
            int r = d->syn[h].deprel;
            if (r != DYAD_DEP_OBL && r != DYAD_DEP_NMOD && r != DYAD_DEP_OBJ && r != DYAD_DEP_FLAT && r != DYAD_DEP_COMPOUND) { h = -1; break; }
            h = d->syn[h].head;
        }
        if (h != (int32_t)verb) continue;
        if (v->explain)
            fprintf(v->explain, "    parse: force used in \"%.*s\", no object: against that country\n",
                    (int)d->mentions[mi].len, d->text + d->mentions[mi].off);
        return mi;
    }
    return -1;
}

static void code_verb(sent_view *v, uint32_t k, const match_t *mt, uint8_t forms)
{
    const events_model *m = v->m;
    const pattern_t *p = mt->p;
    if (p->cameo->code[0] == '-') {      /* a TABARI null code [---]: matched, no event */
        if (v->explain) fprintf(v->explain, "  verb \"%.*s\" pattern %s: null code, no event\n",
                                (int)v->d->toks[k].len, v->d->text + v->d->toks[k].off, p->id);
        return;
    }
    clause_t c;
    v->verb_tok = k;
    read_clause(v, k, &c);
    /* Words the pattern names before the verb ("has not", "refused to")
     * are the dictionary's reading of the clause: its code says it. */
    if (mt->before > 1) { c.mod = MOD_NONE; c.negated = 0; }
    if ((p->flags & PAT_ACTIVE_ONLY) && c.passive) return;
    if ((p->flags & PAT_PASSIVE_ONLY) && !c.passive) return;

    /* The source first: its clause may make the event unreal. */
    int32_t target = mt->target, source = -1;
    uint32_t dist = 0;
    int irreal = 0, reduced = 0;
    uint32_t flags = 0;
    float conf = 0.9f;
    if (c.mod == MOD_APPEAL) target = c.appeal_target;
    if (c.passive) {
        /* "was criticized by X": X after the match, the subject the target */
        for (uint32_t j = mt->end; j < v->b && j < mt->end + 4; j++) {
            if (coder_in(m, WC_BY, H(v, j))) {
                uint32_t q = j + 1;
                while (q < v->b && coder_in(m, WC_DET, H(v, q)) && mention_at(v, q) < 0) q++;
                if (mention_usable(v, mention_at(v, q))) source = mention_at(v, q);
                break;
            }
        }
        /* "hostages held by Hamas": a participle after its noun */
        reduced = k > v->a && mention_in(v, k - 1) >= 0;
        int32_t subj = reduced ? mention_in(v, k - 1) : find_subject(v, c.left, &dist, &irreal);
        if (source < 0 || subj < 0 || !mention_usable(v, subj)) {
            if (v->explain) fprintf(v->explain, "  verb \"%.*s\" pattern %s: passive without an agent and a subject\n",
                                    (int)v->d->toks[k].len, v->d->text + v->d->toks[k].off, p->id);
            return;
        }
        target = subj;
        conf -= 0.1f;
    } else {
        source = self_subject(v, c.left);
        if (source >= 0) flags |= DYAD_EV_QUOTED;
        else if (v->prev_src >= 0 && c.left > v->a && v->prev_verb < c.left &&
                 (is_char(v, c.left - 1, ',') || IN(v, WC_AND, c.left - 1)) &&
                 mention_in(v, c.left - 2) != v->prev_src) {
            /* "shelled the city and killed ...": the first verb's subject */
            int clean = 1;
            for (uint32_t j = v->prev_verb + 1; j < c.left; j++)
                if (IN(v, WC_STOP, j) || (F(v, j) & DYAD_TOK_COMMA && !is_char(v, j, ','))) clean = 0;
            source = clean ? v->prev_src : find_subject(v, c.left, &dist, &irreal);
        } else if (forms != FORM_ING && !m->literal && noun_subject(v, c.left)) {
            if (v->explain) fprintf(v->explain, "  verb \"%.*s\": its subject is a common noun\n",
                                    (int)v->d->toks[k].len, v->d->text + v->d->toks[k].off);
            return;
        } else if (c.left > v->a + 1 && H(v, c.left - 1) == h_and) {
            /* "the ministers expressed concern about China ... and reaffirmed":
             * a coordinated verb has the earlier verb's subject, not the
             * nearest actor (an object of that verb) */
            uint32_t pv = c.left - 1;
            while (pv > v->a) {
                pv--;
                uint32_t sl = 0;
                if (IN(v, WC_STOP, pv) || is_char(v, pv, ';') || is_char(v, pv, ':')) { pv = v->a; break; }
                if ((F(v, pv) & DYAD_TOK_LOWER) && mention_in(v, pv) < 0 && verbs_form_next(m, H(v, pv), &sl)) break;
            }
            if (pv > v->a) {
                clause_t c2;
                read_clause(v, pv, &c2);
                source = noun_subject(v, c2.left) ? -1 : find_subject(v, c2.left, &dist, &irreal);
            } else
                source = find_subject(v, c.left, &dist, &irreal);
        } else
            source = find_subject(v, c.left, &dist, &irreal);
    }
    /* The tree, where there is one, names the subject and the object
     * whatever the word order, and says whether the clause is real. */
    const char *report_code = NULL;
    if (v->parsed) {
        dyad_doc *d = v->d;
        int32_t st = dyad_syn_subject(d, k);
        if (st >= 0 && !c.passive && self_subject(v, c.left) < 0) {
            int32_t ps = tree_actor(v, st);
            /* a possessor ("North Korea's Kim") is never the subject: a misparse */
            if (ps >= 0) {
                uint32_t after = d->mentions[ps].tok + d->mentions[ps].ntok;
                if (after < v->b && (F(v, after) & DYAD_TOK_POSS)) ps = -1;
            }
            /* "The United States and Britain imposed": the nearer conjunct
             * the token rules found stays, so both get their event */
            int conj = 0;
            if (ps >= 0 && source >= 0 && source != ps)
                for (uint32_t t = d->mentions[source].tok; t < d->mentions[source].tok + d->mentions[source].ntok; t++)
                    conj |= (d->syn[t].deprel == DYAD_DEP_CONJ && d->syn[t].head >= 0 &&
                             mention_in(v, (uint32_t)d->syn[t].head) == ps) ||
                            (d->syn[t].head == (int32_t)k && d->syn[t].deprel == DYAD_DEP_NSUBJ);   /* two subjects read */
            if (ps >= 0 && ps != source && !conj && v->explain)
                fprintf(v->explain, "    parse: subject \"%.*s\"\n", (int)d->mentions[ps].len, d->text + d->mentions[ps].off);
            if (ps >= 0 && !conj) source = ps;
            int comma = 0;               /* "Lee, whose nation remains ..., praised": a misparse */
            for (uint32_t t = (uint32_t)st + 1; t < k && (uint32_t)st < k; t++) comma |= (F(v, t) & DYAD_TOK_COMMA) != 0;
            if (ps < 0 && !comma && (uint32_t)st < k && d->syn[st].upos == DYAD_UPOS_NOUN &&
                mention_in(v, (uint32_t)st) < 0 && source >= 0) {
                if (v->explain) fprintf(v->explain, "    parse: the subject \"%.*s\" is no actor\n",
                                        (int)d->toks[st].len, d->text + d->toks[st].off);
                source = -1;
            }
        }
        int32_t rh = parsed_report_head(d, k);
        if (target < 0 && !c.passive && rh < 0) {
            int32_t pt = tree_actor(v, dyad_syn_object(d, k));
            /* not "its" forces of the source itself */
            if (pt >= 0 && source >= 0 && (pt == source || !strcmp(d->mentions[pt].code, d->mentions[source].code) ||
                                           (d->mentions[pt].entity >= 0 && d->mentions[pt].entity == d->mentions[source].entity)))
                pt = -1;
            if (pt >= 0) target = pt;
        }
        if (c.mod != MOD_HYPO && parsed_irreal(d, k)) {
            if (v->explain) fprintf(v->explain, "    parse: the clause is conditional or only possible\n");
            c.mod = MOD_HYPO;
        }
        /* "Labour has broken its promise, the Tories claimed": the accuser's claim */
        int32_t acc = rh >= 0 ? tree_actor(v, dyad_syn_subject(d, (uint32_t)rh)) : -1;
        if (acc >= 0 && source >= 0 && acc != source) {
            if (v->explain) fprintf(v->explain, "    parse: a claim by \"%.*s\" about its subject: accusation (112)\n",
                                    (int)d->mentions[acc].len, d->text + d->mentions[acc].off);
            target = source;
            source = acc;
            report_code = "112";
            c.mod = MOD_NONE;
            c.negated = 0;
        }
    }
    /* TABARI's source: the clause's first actor before the verb. */
    if (m->literal && !c.passive)
        for (uint32_t j = v->clause; j < k; j++) {
            int32_t mi = mention_at(v, j);
            if (mi >= 0 && mi != target && mention_usable(v, mi)) { source = mi; break; }
        }
    /* "Arnor suggested Gondor should": the pattern's target before the
     * verb is not its source; the actor before it is. */
    if (mt->target_before && source == target) {
        uint32_t d2 = 0;
        int irr2 = 0;
        source = find_subject(v, v->d->mentions[target].tok, &d2, &irr2);
    }
    /* TABARI: no source before the verb, the first actor after it */
    if (m->literal && (source < 0 || source == target))
        for (uint32_t j = k + 1; j < v->b; j++) {
            int32_t mi = mention_at(v, j);
            if (mi >= 0 && mi != target && mention_usable(v, mi)) { source = mi; break; }
        }
    if (irreal) c.mod = MOD_HYPO;
    /* TABARI's reading (events_set_literal): the dictionary's patterns alone
     * say what a clause's modality and negation make of the verb. */
    if (m->literal) { c.mod = MOD_NONE; c.negated = 0; }
    /* "before April 19, when Abe visits Washington": a when-clause in the
     * present tense tells what is planned, not what happened (parsers hang
     * it as advcl, relcl, parataxis or, after a comma, conj) */
    if (v->parsed && c.mod == MOD_NONE && !c.negated && (v->d->syn[k].deprel == DYAD_DEP_ADVCL ||
        v->d->syn[k].deprel == DYAD_DEP_PARATAXIS || v->d->syn[k].deprel == DYAD_DEP_ACL_RELCL ||
        v->d->syn[k].deprel == DYAD_DEP_ADVCL_RELCL || v->d->syn[k].deprel == DYAD_DEP_CONJ) && (v->d->syn[k].xpos == DYAD_XPOS_VBZ || v->d->syn[k].xpos == DYAD_XPOS_VBP)) {
        int32_t mk = dyad_syn_child(v->d, k, DYAD_DEP_MARK);
        if (mk < 0) mk = dyad_syn_child(v->d, k, DYAD_DEP_ADVMOD);
        /* only when the clause it hangs from looks ahead ("hopes to finish
         * ... when Abe visits"), not a habit ("ignores it when it talks") */
        int32_t hd = v->d->syn[k].head, ahead = 0;
        if (hd >= 0) {
            ahead = IN(v, WC_INTENT, (uint32_t)hd);
            for (uint32_t j = v->a; j < v->b && !ahead; j++)
                ahead = v->d->syn[j].head == hd && v->d->syn[j].deprel == DYAD_DEP_AUX && is_future(v, j);
        }
        for (uint32_t i = 0; i < v->d->n_timexes && !ahead; i++)
            ahead = v->d->timexes[i].sent == v->s && (v->d->timexes[i].flags & DYAD_TIMEX_FUTURE);
        if (ahead && mk >= 0 && dyad_syn_is_lemma(v->d, (uint32_t)mk, "when")) {
            if (v->explain) fprintf(v->explain, "    parse: a present-tense when-clause: planned (intent)\n");
            c.mod = MOD_INTENT;
        }
    }
    const char *why_not = NULL;
    const char *base = report_code ? report_code : p->cameo->code;
    /* Verb sense: force "attacked Labour plans", "hit the Tories' record":
     * a thing said or decided is criticised, not assaulted. */
    int base_root = (base[0] - '0') * 10 + (base[1] - '0');
    if (base_root >= 18 && mt->target >= 0) {
        const dyad_mention *tm = &v->d->mentions[mt->target];
        uint32_t after = tm->tok + tm->ntok;
        if (after < v->b && (F(v, after) & DYAD_TOK_POSS)) after++;
        if (after < v->b && word_in(v, after, h_policy)) {
            if (v->explain) fprintf(v->explain, "    sense: \"%.*s\" is a thing said or decided: criticism (111)\n",
                                    (int)v->d->toks[after].len, v->d->text + v->d->toks[after].off);
            base = "111";
        }
    }
    /* Verb sense: a military retreat ("withdrew from Kuwait") is from a
     * place, or by armed men; "withdrawn from the party's website" is not */
    if (!strcmp(base, "0874") && target >= 0 && source >= 0 &&
        v->d->mentions[target].kind != DYAD_ACTOR_COUNTRY && !strstr(v->d->mentions[source].code + 3, "MIL") &&
        !strstr(v->d->mentions[source].code + 3, "REB") && !strstr(v->d->mentions[source].code + 3, "INS")) {
        if (v->explain) fprintf(v->explain, "    sense: a withdrawal from no place and by no armed men is no retreat\n");
        return;
    }
    const char *code = map_code(m, base, c.mod, c.negated, target >= 0, &why_not);
    if (v->explain)
        fprintf(v->explain, "  verb \"%.*s\" pattern %s [%s] code %s%s%s%s\n", (int)v->d->toks[k].len,
                v->d->text + v->d->toks[k].off, p->id, p->text, p->cameo->code,
                c.negated ? " negated" : "", c.passive ? " passive" : "",
                c.mod == MOD_INTENT ? " intent" : c.mod == MOD_APPEAL ? " appeal" : c.mod == MOD_THREAT ? " threat" :
                c.mod == MOD_REFUSE ? " refusal" : c.mod == MOD_FAIL ? " failed" :
                c.mod == MOD_HYPO ? " hypothetical" : "");
    if (source >= 0 && !c.passive) { v->prev_src = source; v->prev_verb = k; }
    if (!code) {
        if (v->explain) fprintf(v->explain, "    no event: %s\n", why_not ? why_not : "no code");
        return;
    }
    const cameo_entry *ce = ontology_find(m, code);
    if (!ce) return;
    flags |= (c.negated ? DYAD_EV_NEGATED : 0) | (c.mod != MOD_NONE ? DYAD_EV_MODAL : 0) |
             (c.passive ? DYAD_EV_PASSIVE : 0);
    if (source < 0) {
        if (v->explain) fprintf(v->explain, "    no event: no source actor in the clause\n");
        return;
    }
    /* "the UK pays more than France contributes to the budget": a comparison */
    {
        int32_t before = k > v->a ? mention_in(v, k - 1) : -1;
        uint32_t st = before >= 0 ? v->d->mentions[before].tok : v->d->mentions[source].tok;
        if (st > v->a && st < k && H(v, st - 1) == h_than) {
            if (v->explain) fprintf(v->explain, "    no event: a comparison (\"than\" clause)\n");
            return;
        }
    }
    if (quote_speaker_at(v, k) >= 0) flags |= DYAD_EV_QUOTED;
    if (dist > 8) conf -= 0.2f;
    if (v->d->mentions[source].how >= DYAD_HOW_COREF_NAME) conf -= 0.1f;
    if (target < 0) conf -= 0.1f;
    int32_t srcs[8], tgts[8];
    int ns = reduced ? 1 : coordinated(v, source, srcs, 8, 1);
    if (reduced) srcs[0] = source;
    else if (ns == 1) {
        /* the parse's subject is the first conjunct: "Mordor, Rohan and Bree welcomed" */
        int32_t r[8];
        int nr = coordinated(v, source, r, 8, 0);
        const dyad_mention *last = &v->d->mentions[r[nr - 1]];
        if (nr > 1 && last->tok + last->ntok <= k) { memcpy(srcs, r, sizeof r); ns = nr; }
    }
    uint32_t voff = v->d->toks[k].off;
    uint32_t last = mt->end > k + 1 ? mt->end - 1 : k;
    /* The verb phrase stops before a target that ends the match ("signed a
     * peace agreement with | the United Arab Emirates"). */
    if (mt->target >= 0) {
        const dyad_mention *tm = &v->d->mentions[mt->target];
        if (tm->tok + tm->ntok == mt->end && tm->tok > k) {
            uint32_t q = tm->tok;
            while (q > k + 1 && (coder_in(m, WC_DET, H(v, q - 1)) || is_quote_mark(v, q - 1))) q--;
            last = q - 1;
        }
    }
    uint32_t vend = v->d->toks[last].off + v->d->toks[last].len;
    v->inner = -1;
    int code_root = (ce->code[0] - '0') * 10 + (ce->code[1] - '0');
    static const char speech_roots[21] = {[1] = 1, [2] = 1, [4] = 1, [5] = 1, [6] = 1, [10] = 1, [11] = 1,
                                          [12] = 1, [16] = 1};
    if (target < 0 && !c.passive && code_root >= 17)
        target = inner_target(v, k + 1, mt->end, source, 0);
    else if (target < 0 && !c.passive && code_root >= 0 && code_root <= 20 && speech_roots[code_root]) {
        /* "rejected the Kremlin's demand", "criticised the plans of the Tories" */
        target = inner_target(v, k + 1, mt->end, source, 1);
        if (target >= 0) v->inner = -1;             /* the actor itself, with its own code */
    }
    if (target >= 0 && target == v->inner && !strncmp(v->inner_code, v->d->mentions[source].code, 3)) {
        /* "Russian police arrested protesters in Moscow": the source's own people */
        if (!v->inner_code[3]) target = v->inner = -1;
    }
    if (target < 0 && !c.passive && code_root >= 18 && code_root <= 20 && v->parsed)
        target = tree_place_target(v, k, source);
    int nt = target >= 0 ? coordinated(v, target, tgts, 8, 0) : 1;
    if (target < 0) tgts[0] = -1;
    /* TABARI's compound slot "%": the coordinated actors it takes are both
     * sides, each to each (a paired code: the first way, then reversed) */
    if ((p->flags & PAT_COMPOUND) && target >= 0) {
        int32_t g[8];
        int ng = coordinated(v, target, g, 8, 0);
        if (ng < 2) ng = coordinated(v, target, g, 8, 1);
        if (ng >= 2) {
            for (int i = 0; i < ng; i++)
                for (int j = p->pair ? i + 1 : 0; j < ng; j++) {
                    if (i == j) continue;
                    add_event(v, g[i], g[j], ce, p, voff, vend - voff, flags, conf, NULL);
                    if (p->pair) add_event(v, g[j], g[i], p->pair, p, voff, vend - voff, flags, conf, NULL);
                }
            return;
        }
    }
    /* "Trump and Kim would meet": a reciprocal verb with no object is an
     * event between the coordinated subjects, both ways. */
    const char *pc = p->cameo->code;
    if (target < 0 && ns >= 2 && (m->literal ||      /* TABARI: a compound without a target, both ways */
                                  ((p->n_elem == 1 || !strncmp(pc, "046", 3) || !strncmp(pc, "057", 3)) &&
                                   (!strncmp(ce->code, "04", 2) || !strncmp(ce->code, "057", 3) ||
                                    !strncmp(ce->code, "036", 3) || !strncmp(ce->code, "046", 3))))) {
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < ns; j++)
                if (i != j) add_event(v, srcs[i], srcs[j], ce, p, voff, vend - voff, flags, conf, NULL);
        return;
    }
    /* A meeting, a visit, talks, an agreement need two sides. */
    if (target < 0 && (!strncmp(ce->code, "04", 2) || !strcmp(ce->code, "036") || !strcmp(ce->code, "057") ||
                       !strncmp(pc, "04", 2) || !strncmp(pc, "057", 3))) {
        if (v->explain) fprintf(v->explain, "    no event: %s needs a second party\n", ce->code);
        return;
    }
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < nt; j++) {
            /* One act, one event: a visit is not also coded as its host's 043. */
            add_event(v, srcs[i], tgts[j], ce, p, voff, vend - voff, flags, conf, NULL);
            /* ...unless the dictionary pairs them (TABARI's [032:033]). */
            if (p->pair && tgts[j] >= 0) add_event(v, tgts[j], srcs[i], p->pair, p, voff, vend - voff, flags, conf, NULL);
        }
}

/* Is the verb form at k used as a verb?  News is full of the same words as
 * nouns ("the talks", "stray comments", "an early start") and as
 * adjectives or reduced relatives ("the signed letter", "a package agreed
 * with the IMF").  A form is a verb after what a verb follows: an actor, a
 * pronoun, an auxiliary, "to", an adverb, a clause start; a past form also
 * after a capitalised word ("Trump on Thursday said").  After a common noun
 * its subject is that noun, which is no actor. */
static int used_as_verb(const sent_view *v, uint32_t k, uint8_t forms, int has_target)
{
    const events_model *m = v->m;
    uint32_t j = k;
    while (j > v->a && is_quote_mark(v, j - 1)) j--;
    if (j == v->a) return 1;
    uint32_t p = j - 1, h = H(v, p), f = F(v, p);
    /* TABARI: a verb unless "the", "a", "an" before it or a capital inside
     * the sentence ("is about To Restore") make it a noun */
    if (m->literal) {
        (void)f;
        const char *w = v->d->text + v->d->toks[k].off;
        return h != h_the && h != m->h_a && h != m->h_an && !(k > v->a && isupper((unsigned char)*w));
    }
    /* "no interest in dealing with South Korea": a gerund taking an actor;
     * "accused X of attacking", "warned X against attacking" are no facts. */
    if ((forms & FORM_ING) && coder_in(m, WC_PREP, h)) {
        if (h == h_of && p > v->a && coder_in(m, WC_NOUNINTENT, H(v, p - 1))) return 1;   /* hopes of meeting */
        return has_target && h == h_in && p > v->a + 1 && H(v, p - 1) == m->h_interest &&
               coder_in(m, WC_NEG, H(v, p - 2));
    }
    /* a bare -ing form after its subject is a noun ("the G7 meeting") or
     * a participle, which needs an object ("forces attacking the town") */
    if (forms == FORM_ING && mention_in(v, p) >= 0 && !has_target) return 0;
    if (mention_in(v, p) >= 0 && !(f & DYAD_TOK_POSS) && !possessive_pronoun(v, p)) return 1;
    if (coder_in(m, WC_NOUNDET, h) || (f & DYAD_TOK_POSS)) return 0;
    /* "a statement accusing the U.S.": a participle taking an actor object. */
    if ((forms & FORM_ING) && has_target && (f & DYAD_TOK_LOWER)) return 1;
    /* "an early start", "a rare visit" */
    if (p > v->a && (H(v, p - 1) == m->h_a || H(v, p - 1) == m->h_an) && (f & DYAD_TOK_LOWER)) return 0;
    /* "to talks", "will talks": after "to", a modal or "do" only the base form is a verb */
    if (!(forms & FORM_BASE) && (coder_in(m, WC_TO, h) || coder_in(m, WC_HYPO, h) || is_future(v, p) ||
                                 h == h_do || h == h_does || h == h_did))
        return 0;
    if (coder_in(m, WC_VERBOK, h) || coder_in(m, WC_BE, h) || coder_in(m, WC_HYPO, h) ||
        is_negative_contraction(v, p) || is_ly_adverb(v, p) || word_in(v, p, h_between) || is_future(v, p) ||
        IN(v, WC_SELF, p))
        return 1;
    if (f & (DYAD_TOK_COMMA | DYAD_TOK_DASH | DYAD_TOK_OPEN | DYAD_TOK_TERM | DYAD_TOK_CLOSE)) return 1;
    /* "a statement accusing the U.S.": a participle taking an actor object. */
    if ((forms & FORM_ING) && has_target) return 1;
    if ((forms & (FORM_PAST | FORM_PART)) && !(f & DYAD_TOK_LOWER)) return 1;
    /* "United Nations investigators probed": an actor's head noun */
    if ((forms & (FORM_PAST | FORM_PART)) && p > v->a && mention_in(v, p - 1) >= 0 && !IN(v, WC_PREP, p)) return 1;
    return 0;
}

/* TABARI's clauses: the sentence splits at ';' and ':', before "but",
 * "while", "whereas", and at ", and" unless it joins actors.  The first
 * token of the clause after token k, or v->b. */
static uint32_t tabari_clause_next(const sent_view *v, uint32_t k)
{
    for (; k < v->b; k++) {
        if (is_char(v, k, ';') || is_char(v, k, ':')) return k + 1;
        if (mention_in(v, k) < 0 && (F(v, k) & DYAD_TOK_LOWER) &&
            (H(v, k) == h_but || H(v, k) == h_while || H(v, k) == h_whereas))
            return k;
        if (H(v, k) == h_and && k > v->a && is_char(v, k - 1, ',') &&
            !(k + 1 < v->b && mention_at(v, k + 1) >= 0 && k >= v->a + 2 && mention_in(v, k - 2) >= 0))
            return k + 1;
    }
    return v->b;
}

void events_resolve_modifiers(dyad_doc *d, uint32_t first)
{
    int dom = 0, plain = 0;
    for (uint32_t i = first; i < d->n_events; i++) {
        dom |= (d->events[i].flags & EV_DOMINANT) != 0;
        plain |= !(d->events[i].flags & EV_SUBORD);
    }
    uint32_t w = first;
    for (uint32_t i = first; i < d->n_events; i++) {
        uint32_t f = d->events[i].flags;
        if ((dom && !(f & EV_DOMINANT)) || (plain && (f & EV_SUBORD))) continue;
        d->events[i].flags &= ~(EV_SUBORD | EV_DOMINANT);
        d->events[w++] = d->events[i];
    }
    d->n_events = w;
}

/* The parse calls the token at k the verb of a clause (not a participle
 * modifying a noun): "A military spokesman threatened a resumption". */
static int tree_clause_verb(const sent_view *v, uint32_t k)
{
    if (!v->parsed || v->d->syn[k].upos != DYAD_UPOS_VERB) return 0;
    int r = v->d->syn[k].deprel;
    if (r != DYAD_DEP_ROOT && r != DYAD_DEP_CONJ && r != DYAD_DEP_CCOMP && r != DYAD_DEP_PARATAXIS) return 0;
    /* and its subject is an actor itself, not a noun it owns ("its exclusion ... violated") */
    int32_t st = dyad_syn_subject(v->d, k);
    return st >= 0 && mention_usable(v, mention_in(v, (uint32_t)st));
}

/* Nominal events: "during his visit to South Korea", "Trump's meeting
 * with Lee", "Iraq's attacks on Iranian towns".  A dictionary verb's form
 * the parse calls a noun is an event when an actor owns it (nmod:poss) and
 * one of the verb's patterns, read over the noun's dependents, finds the
 * other side; only meetings, visits, talks (04x), criticism (11x) and
 * force (18x, 19x), and not when the noun is only planned or possible
 * ("a possible meeting", "hopes for a visit" under a wish or modal). */
static const char *const unreal_adjs[] = {"possible", "planned", "proposed", "potential", "future", "upcoming",
                                          "expected", "next", "rumoured", "rumored", "likely", "mooted",
                                          "prospective", "hoped-for", "scheduled", NULL};

static void code_noun(sent_view *v, uint32_t k)
{
    const events_model *m = v->m;
    const dyad_doc *d = v->d;
    if (!v->parsed || d->syn[k].upos != DYAD_UPOS_NOUN) return;
    int32_t po = dyad_syn_child(d, k, DYAD_DEP_NMOD_POSS);
    int32_t src = po >= 0 ? mention_in(v, (uint32_t)po) : -1;
    if (!mention_usable(v, src)) return;
    /* "Trump was unable to meet Kim during his visit": an owner pronoun is
     * bound by the subject of the clause the noun is in */
    if (d->mentions[src].kind == DYAD_ACTOR_PRONOUN) {
        int32_t h = d->syn[k].head;
        for (int depth = 0; h >= 0 && depth < 6; depth++, h = d->syn[h].head) {
            if (d->syn[h].upos != DYAD_UPOS_VERB) continue;
            int32_t sm = tree_actor(v, dyad_syn_subject(d, (uint32_t)h));
            if (sm >= 0) { src = sm; break; }
        }
    }
    for (uint32_t c = v->a; c < v->b; c++) {
        if (d->syn[c].head != (int32_t)k || d->syn[c].deprel != DYAD_DEP_AMOD) continue;
        for (int i = 0; unreal_adjs[i]; i++)
            if (dyad_syn_is_lemma(d, c, unreal_adjs[i])) return;
    }
    int32_t gov = dyad_syn_clause_head(d, k);
    if (gov >= 0 && (parsed_irreal(d, (uint32_t)gov) || dyad_syn_negated(d, (uint32_t)gov))) return;
    const pattern_t *best = NULL;
    tmatch_t bt = {k + 1, -1, -1};
    uint32_t slot = 0;
    for (const form_slot *fs; (fs = verbs_form_next(m, H(v, k), &slot));) {
        const verb_t *vb = &m->verbs[fs->verb];
        for (uint32_t i = 0; i < vb->n_pat; i++) {
            const pattern_t *p = &m->pats[vb->pat_at + i];
            const char *pc = p->cameo->code;
            if (strncmp(pc, "04", 2) && strncmp(pc, "11", 2) && strncmp(pc, "18", 2) && strncmp(pc, "19", 2)) continue;
            tmatch_t t = {k + 1, -1, -1};
            if (p->n_elem < 2 || !tm_from(v, p, 1, k, k, &t) || t.target < 0 || t.target == src) continue;
            if (best && p->n_elem <= best->n_elem) continue;
            best = p;
            bt = t;
        }
    }
    if (!best) return;
    if (v->explain)
        fprintf(v->explain, "  noun \"%.*s\" of \"%.*s\": pattern %s [%s] over the tree\n", (int)d->toks[k].len,
                d->text + d->toks[k].off, (int)d->mentions[src].len, d->text + d->mentions[src].off, best->id,
                best->text);
    v->verb_tok = k;
    v->inner = -1;
    uint32_t last = bt.end > k + 1 ? bt.end - 1 : k;
    uint32_t voff = d->toks[k].off, vend = d->toks[last].off + d->toks[last].len;
    add_event(v, src, bt.target, best->cameo, best, voff, vend - voff, 0, 0.7f, NULL);
}

/* --explain: a verb of the parse that no dictionary entry has, with the
 * actors the tree gives it, so that a reader sees what was not coded. */
static void explain_unknown_verb(const sent_view *v, uint32_t k)
{
    const dyad_doc *d = v->d;
    int32_t s = tree_actor(v, dyad_syn_subject(d, k)), o = tree_actor(v, dyad_syn_object(d, k));
    for (uint32_t c = v->a; o < 0 && c < v->b; c++)
        if (d->syn[c].head == (int32_t)k && d->syn[c].deprel == DYAD_DEP_OBL) o = tree_actor(v, (int32_t)c);
    fprintf(v->explain, "  verb \"%.*s\": %s", (int)d->toks[k].len, d->text + d->toks[k].off,
            IN(v, WC_REPORT, k) ? "a reporting verb, no event itself (its complement is coded)" : "not in the dictionary");
    if (s >= 0) fprintf(v->explain, "; subject \"%.*s\"", (int)d->mentions[s].len, d->text + d->mentions[s].off);
    if (o >= 0) fprintf(v->explain, "; object \"%.*s\"", (int)d->mentions[o].len, d->text + d->mentions[o].off);
    fputc('\n', v->explain);
}

static void code_sentence(sent_view *v)
{
    const events_model *m = v->m;
    v->clause = v->a;
    uint32_t first_event = v->d->n_events;
    for (uint32_t k = v->a; k < v->b; k++) {
        if (!(F(v, k) & DYAD_TOK_WORD) || mention_in(v, k) >= 0) continue;
        /* All forms this token has across verbs: "met" is past, "meeting" -ing. */
        uint8_t forms = 0;
        uint32_t slot = 0;
        for (const form_slot *fs; (fs = verbs_form_next(m, H(v, k), &slot));) forms |= fs->form;
        if (!forms) {
            if (v->explain && v->parsed && v->d->syn[k].upos == DYAD_UPOS_VERB) explain_unknown_verb(v, k);
            continue;
        }
        /* Passive: a form of "be" (maybe with an adverb) right before a
         * participle, or a participle right after its noun and before "by". */
        int part = (forms & FORM_PART) != 0;
        v->passive = part && ((k > v->a && IN(v, WC_BE, k - 1)) ||
                              (k > v->a + 1 && IN(v, WC_BE, k - 2) && (F(v, k - 1) & DYAD_TOK_LOWER) &&
                               !(F(v, k - 1) & DYAD_TOK_PUNCT) && mention_in(v, k - 1) < 0) ||
                              (k > v->a && k + 2 < v->b && mention_in(v, k - 1) >= 0 && IN(v, WC_BY, k + 1) &&
                               mention_usable(v, mention_at(v, target_start(v, k + 2))) &&
                               !(F(v, k - 1) & DYAD_TOK_POSS)));
        match_t mt = {NULL, 0, -1, 0, 0, 0, 0};
        int found = best_match(v, k, &mt), tree = 0;
        if (v->parsed && !v->passive && (!found || mt.target < 0)) {
            match_t tm = {NULL, 0, -1, 0, 0, 0, m->literal};
            if (tree_best_match(v, k, &tm)) {
                if (v->explain)
                    fprintf(v->explain, "  verb \"%.*s\": pattern %s [%s] matched over the tree\n", (int)v->d->toks[k].len,
                            v->d->text + v->d->toks[k].off, tm.p->id, tm.p->text);
                mt = tm;
                found = tree = 1;
            }
        }
        if (!found) {
            if (v->explain && v->parsed && v->d->syn[k].upos != DYAD_UPOS_VERB)
                fprintf(v->explain, "  \"%.*s\" is no verb here (parse)\n", (int)v->d->toks[k].len,
                        v->d->text + v->d->toks[k].off);
            else if (v->explain)
                fprintf(v->explain, "  verb \"%.*s\": no pattern of it matches here\n", (int)v->d->toks[k].len,
                        v->d->text + v->d->toks[k].off);
            if (!v->passive) code_noun(v, k);
            continue;
        }
        /* "promised to send": the verb after "to" carries the intent */
        if (mt.target < 0 && mt.end > k + 1 && mt.end < v->b && IN(v, WC_TO, mt.end - 1)) {
            uint32_t sl = 0;
            const form_slot *fs;
            int base = 0;
            while ((fs = verbs_form_next(m, H(v, mt.end), &sl))) base |= fs->form & FORM_BASE;
            if (base) {
                if (v->explain)
                    fprintf(v->explain, "  \"%.*s ... to\": the next verb carries it\n", (int)v->d->toks[k].len,
                            v->d->text + v->d->toks[k].off);
                continue;
            }
        }
        if (!tree && !used_as_verb(v, k, forms, mt.target >= 0) && !tree_clause_verb(v, k)) {
            if (v->explain)
                fprintf(v->explain, "  \"%.*s\" is used as a noun or adjective here\n", (int)v->d->toks[k].len,
                        v->d->text + v->d->toks[k].off);
            if (!v->passive) code_noun(v, k);
            continue;
        }
        uint32_t before = v->d->n_events;
        code_verb(v, k, &mt, forms);
        if (m->literal && v->d->n_events > before && (mt.p->flags & (PAT_SUBORD | PAT_DOMINANT))) {
            for (uint32_t i = before; i < v->d->n_events; i++)
                v->d->events[i].flags |= mt.p->flags & PAT_SUBORD ? EV_SUBORD : EV_DOMINANT;
            if (mt.p->flags & PAT_SUBORD) continue;           /* a subordinate event: the clause goes on */
        }
        if (m->literal && v->d->n_events > before) {        /* TABARI: one verb's events per clause */
            uint32_t next = tabari_clause_next(v, k + 1);
            if (next >= v->b) break;
            v->clause = next;
            k = next - 1;
        }
    }
    if (m->literal) events_resolve_modifiers(v->d, first_event);
}

/* The first token at or after byte `off`. */
static uint32_t token_at_or_after(const dyad_doc *d, uint32_t off)
{
    uint32_t lo = 0, hi = d->n_toks;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (d->toks[mid].off < off) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Which direct quotation covers each token of the document, and the
 * speaker of the first one with a speaker: filled once per document from
 * the quotes' own token ranges (first quote in order wins), so the cost is
 * the quoted tokens, not sentences times quotes. */
static void quote_cover(dyad_doc *d, int32_t **quote, int32_t **speaker)
{
    *quote = dyad_arena_alloc(d->arena, ((size_t)d->n_toks + 1) * sizeof **quote);
    *speaker = dyad_arena_alloc(d->arena, ((size_t)d->n_toks + 1) * sizeof **speaker);
    for (uint32_t i = 0; i < d->n_toks; i++) (*quote)[i] = (*speaker)[i] = -1;
    for (uint32_t qi = 0; qi < d->n_quotes; qi++) {
        const dyad_quote *q = &d->quotes[qi];
        if (q->kind != DYAD_QUOTE_DIRECT) continue;
        for (uint32_t i = token_at_or_after(d, q->off); i < d->n_toks && d->toks[i].off < q->off + q->len; i++) {
            if ((*quote)[i] < 0) (*quote)[i] = (int32_t)qi;
            if ((*speaker)[i] < 0 && q->speaker >= 0) (*speaker)[i] = q->speaker;
        }
    }
}

void events_code(const events_model *m, dyad_doc *d, FILE *explain)
{
    d->n_events = 0;
    uint32_t mi = 0;
    int32_t *quote, *speaker;
    quote_cover(d, &quote, &speaker);
    for (uint32_t s = 0; s < d->n_sents; s++) {
        const dyad_sentence *st = &d->sents[s];
        sent_view v = {m, d, s, st->tok, st->tok + st->ntok, NULL, NULL, NULL, NULL, explain, 0, -1, 0, 0, -1, {0}, 0, 0};
        v.parsed = dyad_sent_parsed(d, s);
        if (explain) fprintf(explain, "[%u] %.*s\n", s + 1, (int)st->len, d->text + st->off);
        if (st->flags & DYAD_PARA_HEADING) continue;
        v.starts = dyad_arena_alloc(d->arena, (st->ntok + 1) * sizeof *v.starts);
        v.inside = dyad_arena_alloc(d->arena, (st->ntok + 1) * sizeof *v.inside);
        v.quote = quote + v.a;
        v.speaker = speaker + v.a;
        for (uint32_t i = 0; i < st->ntok; i++) v.starts[i] = v.inside[i] = -1;
        while (mi < d->n_mentions && d->mentions[mi].tok < v.a) mi++;
        for (uint32_t j = mi; j < d->n_mentions && d->mentions[j].tok < v.b; j++) {
            const dyad_mention *mn = &d->mentions[j];
            if (mn->tok < v.a) continue;
            v.starts[mn->tok - v.a] = (int32_t)j;
            for (uint32_t t = mn->tok; t < mn->tok + mn->ntok && t < v.b; t++) v.inside[t - v.a] = (int32_t)j;
        }
        code_sentence(&v);
    }
}
