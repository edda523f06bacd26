/*
 * lexicon.c - the word classes the quotations stage reasons with.
 *
 * Contract: qlex_class(hash, s, len) returns the QW_* bits of a word, given
 * the token's folded hash (dyad_token.hash) and its text; 0 for any other
 * word.  qlex_init() must have run first (qctx_init calls it): it builds
 * the table once, under pthread_once, and the table is read-only after,
 * so threads share it.  A hash hit is confirmed by
 * comparing the folded text, so a collision cannot turn "States" into a
 * cue verb.
 *
 * The lists are small and closed on purpose: a cue verb that is missing
 * only loses an attribution, while a wrong one ("maintained ties") would
 * invent speech; verbs whose object is often not speech are left out or
 * kept to their past forms.
 */
#include "quotes_int.h"
#include "../core/core.h"

#include <pthread.h>
#include <string.h>

typedef struct {
    uint32_t bits;
    const char *words;        /* space-separated forms */
} wordlist;

static const wordlist lists[] = {
    /* Speech verbs: their subject is the speaker of what follows or what
     * precedes ("X said ...", "..., X said").  Forms that are mostly nouns
     * (note, state, States) are left out. */
    {QW_SPEECH, "say says said saying tell tells told telling adds added adding stated "
                "announce announces announced announcing declare declares declared declaring "
                "claim claims claimed claiming insist insists insisted insisting "
                "warn warns warned warning explain explains explained explaining noted noting "
                "write writes wrote writing tweet tweets tweeted tweeting "
                "respond responds responded responding reply replies replied replying "
                "report reports reported confirm confirms confirmed confirming "
                "deny denies denied denying argue argues argued arguing assert asserts asserted asserting "
                "stress stresses stressed stressing emphasize emphasizes emphasized emphasizing "
                "emphasise emphasises emphasised emphasising acknowledge acknowledges acknowledged acknowledging "
                "admit admits admitted admitting suggest suggests suggested suggesting "
                "predict predicts predicted predicting promise promises promised promising "
                "pledge pledges pledged pledging vow vows vowed vowing threaten threatens threatened threatening "
                "urge urges urged urging ask asks asked asking answered remarked commented observed "
                "recall recalls recalled recalling reiterate reiterates reiterated reiterating "
                "contend contends contended allege alleges alleged alleging complain complains complained "
                "complaining concede concedes conceded conceding caution cautions cautioned cautioning "
                "quipped joked exclaimed testified testifies inform informs informed assure assures assured "
                "boast boasts boasted lament laments lamented hint hints hinted hinting "
                "remind reminds reminded countered retorted announce demanded demands "
                "maintained repeated concluded revealed disclosed indicated signaled signalled posted briefed "
                "gush gushes gushed gushing chimed enthused mused scoffed fumed shouted"},
    /* Stance verbs: a quoted phrase in their clause is the subject's own
     * wording ("praised his “extraordinary efforts”", "wants “security
     * guarantees”"), though they report no speech of their own. */
    {QW_STANCE, "praise praises praised praising thank thanks thanked thanking hail hails hailed hailing "
                "laud lauds lauded commend commends commended applaud applauds applauded "
                "welcome welcomes welcomed welcoming slam slams slammed slamming blast blasts blasted blasting "
                "criticize criticizes criticized criticizing criticise criticises criticised criticising "
                "condemn condemns condemned condemning denounce denounces denounced denouncing "
                "decry decries decried lambast lambasts lambasted lambaste lambastes rebuke rebukes rebuked "
                "reject rejects rejected rejecting dismiss dismisses dismissed dismissing mock mocks mocked "
                "ridicule ridicules ridiculed blame blames blamed blaming want wants wanted seek seeks sought "
                "hope hopes hoped hoping agree agrees agreed agreeing offer offers offered offering "
                "express expresses expressed expressing voice voices voiced apologize apologized apologise "
                "apologised congratulate congratulates congratulated propose proposes proposed proposing "
                "demand demanded demanding demands pledge pledged promise promised vow vowed urge urged urging "
                "insist insisted warn warned commit commits committed committing threaten threatens threatened"},
    /* Characterising verbs: reported speech about an object ("called the
     * summit the “start ...”", "accused the U.S. of ..."). */
    {QW_CHARACT | QW_STANCE, "call calls called calling describe describes described describing dub dubs dubbed "
                             "label labels labeled labelled labeling labelling brand brands branded branding "
                             "term terms termed characterize characterizes characterized characterise "
                             "characterised accuse accuses accused accusing"},
    {QW_RECIPIENT, "tell tells told telling inform informs informed assure assures assured warn warns warned "
                   "warning urge urges urged urging ask asks asked asking remind reminds reminded "
                   "brief briefed promise promises promised notify notified"},
    /* Verbs that report speech only when a that-clause follows: "wrote
     * that ..." is speech, "wrote a letter" is not. */
    {QW_NEEDTHAT, "write writes wrote writing tweet tweets tweeted tweeting posted maintained repeated "
                  "concluded revealed disclosed indicated signaled signalled briefed demanded demands "
                  "announce announces announced announcing confirm confirms confirmed confirming "
                  "report reports reported deny denies denied denying predict predicts predicted "
                  "promise promises promised pledge pledges pledged vow vows vowed threaten threatens threatened "
                  "reveal reveals acknowledge acknowledges acknowledged admit admits admitted suggest suggests "
                  "suggested stress stresses stressed emphasize emphasized emphasise emphasised recall recalls "
                  "recalled explain explains explained claim claims claimed assert asserts asserted declare "
                  "declares declared hint hints hinted promising pledging vowing threatening announcing observed "
                  "remarked commented"},
    /* Auxiliaries and modals: a finite verb, so "vowed the United States
     * would pay" is a clause and "announced their proposals" is not. */
    {QW_AUX, "would will had has have was were is are could should can may might must did does do"},
    /* Subject pronouns: "announced it had test-fired ..." is a clause. */
    {QW_SUBJPRON, "i we he she it they you there"},
    {QW_READ, "read reads"},
    {QW_PREP, "of to with for from in on at by about against between into over under toward towards "
              "alongside without within through across among amid amidst despite after before during like "
              "near than via upon beside behind beyond around outside inside onto including regarding "
              "concerning per versus vs"},
    {QW_DET, "a an the this these those his her its their our my your no any every each another such some "
             "all both either neither several many"},
    {QW_SUBORD, "after before while when whenever because although though if since until unless whereas "
                "once whether"},
    {QW_RELPRON, "who whose which whom"},
    {QW_OBJPRON, "him her them me us his its their theirs hers my our your mine ours yours himself herself "
                 "themselves itself"},
    {QW_AUTHOR, "send sends sent sending write writes wrote written writing pen pens penned sign signs signed "
                "issue issues issued issuing release releases released releasing publish publishes published "
                "draft drafted author authored"},
    {QW_RECIPNOUN, "reporters journalists reporter journalist lawmakers legislators supporters audience "
                   "audiences crowd crowds press media listeners viewers followers delegates"},
    {QW_CONJ, "and but or"},
    {QW_TIMENOUN, "days hours weeks months years minutes moments day hour week month year"},
    {QW_TIMEMOD, "last this next one two three four five six seven eight nine ten several few"},
    {QW_TIMEWORD, "yesterday today tonight monday tuesday wednesday thursday friday saturday sunday ago january february "
                  "march april may june july august september october november december jan. feb. mar. apr. "
                  "aug. sep. sept. oct. nov. dec."},
    /* Words in -ing that are no participles ("Something unexpected
     * happened, Trump said" reports; "Speaking aboard ..." frames). */
    {QW_INGNOUN, "something nothing anything everything thing things king kings morning mornings evening "
                 "evenings spring string building buildings ceiling wedding sibling funding bring during "
                 "everyone's"},
    {QW_PARTICLE, "off up back out down"},
    {QW_THAT, "that"},
    {QW_ACCORDING, "according"},
    {QW_NEG, "not never"},
    {QW_ADVERB, "also further later earlier then previously reportedly recently separately repeatedly again "
                "once still publicly privately allegedly initially subsequently simply already just even "
                "has had have was were is are did does do would will could should might may can "
                "quickly swiftly angrily bluntly flatly openly"},
    {QW_FRONTED, "speaking asked according meanwhile separately earlier later still yet however also "
                 "interviewed addressing responding writing"},
    /* Document nouns, by group: "the letter read" looks for who wrote a
     * letter, note or message; "the statement said" for who issued one. */
    {1u << QW_DOC_SHIFT, "letter letters note notes message messages missive missives"},
    {2u << QW_DOC_SHIFT, "statement statements communique communiqué communiques communiqués declaration "
                         "announcement readout"},
    {3u << QW_DOC_SHIFT, "editorial editorials commentary article report dispatch"},
    {4u << QW_DOC_SHIFT, "tweet post"},
};

#define SLOTS 2048u            /* power of two, a few times the number of words */
#define WMAX 24

typedef struct {
    uint32_t bits;
    uint8_t len;
    char w[WMAX];
} slot;

/* Probing touches only `hashes` (8 KB, stays in L1); 0 marks an empty
 * slot, so a word hashing to 0 is stored as 1. */
static uint32_t hashes[SLOTS];
static slot table[SLOTS];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void add(const char *w, size_t n, uint32_t bits)
{
    char f[WMAX];
    if (n >= WMAX) return;
    size_t fl = fold_word(w, n, f, sizeof f);
    uint32_t h = hash_folded(w, n);
    if (!h) h = 1;
    for (uint32_t i = h & (SLOTS - 1);; i = (i + 1) & (SLOTS - 1)) {
        slot *s = &table[i];
        if (!hashes[i]) {
            hashes[i] = h; s->bits = bits; s->len = (uint8_t)fl;
            memcpy(s->w, f, fl + 1);
            return;
        }
        if (hashes[i] == h && s->len == fl && !memcmp(s->w, f, fl)) { s->bits |= bits; return; }
    }
}

static void build(void)
{
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++) {
        const char *p = lists[l].words;
        /* A document-noun group is a value, not a flag: a word is in one. */
        while (*p) {
            while (*p == ' ') p++;
            const char *b = p;
            while (*p && *p != ' ') p++;
            if (p > b) add(b, (size_t)(p - b), lists[l].bits);
        }
    }
}

/* Does s (any case) fold to the slot's word?  ASCII inline; fold_word
 * only for a word with non-ASCII bytes (’ in a contraction). */
static int same_folded(const char *s, uint32_t len, const slot *t)
{
    if (len == t->len) {
        uint32_t k = 0;
        for (; k < len; k++) {
            unsigned char a = (unsigned char)s[k];
            if (a >= 0x80) break;
            if (a >= 'A' && a <= 'Z') a = (unsigned char)(a + 32);
            if (a != (unsigned char)t->w[k]) return 0;
        }
        if (k == len) return 1;
    }
    char f[WMAX];
    size_t fl = fold_word(s, len, f, sizeof f);
    return fl == t->len && !memcmp(f, t->w, fl);
}

void qlex_init(void) { pthread_once(&once, build); }

uint32_t qlex_class(uint32_t hash, const char *s, uint32_t len)
{
    if (len >= WMAX || len == 0) return 0;
    if (!hash) hash = 1;
    for (uint32_t i = hash & (SLOTS - 1);; i = (i + 1) & (SLOTS - 1)) {
        uint32_t h = hashes[i];
        if (!h) return 0;
        if (h == hash && same_folded(s, len, &table[i])) return table[i].bits;
    }
}
