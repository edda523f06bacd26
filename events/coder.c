/*
 * coder.c - code one document's sentences into events.
 *
 * For every token that is a form of a dictionary verb (and not part of an
 * actor name), every pattern of that verb is tried from the verb rightwards;
 * the one that consumes the most tokens wins.  Then the clause around the
 * verb decides who did it and how:
 *
 *   source   the subject: the nearest actor mention to the left that is not
 *            the object of a preposition, not across a clause boundary
 *            ("that", ";", a quotation edge); in passive voice ("was
 *            criticized by X") the by-agent, the subject becoming target;
 *            "I"/"we" inside a direct quote is the quote's speaker;
 *   target   the mention the pattern's + matched;
 *   compound "X and Y met Z" gives one event per pair;
 *   modality "wants to / would love to / agreed to" + verb -> CAMEO 03x
 *            intent, "urged X to" -> 02x appeal, "threatened to" -> 13x,
 *            "refused to" or a negated cooperative verb -> 12x rejection,
 *            "failed to / unable to" -> nothing, a negated conflict verb ->
 *            nothing.
 *
 * A sentence yields events only through a pattern and these rules; there is
 * no fallback code.  Every event carries the pattern id, the evidence spans
 * and the flags that shaped it.
 */
#include "model.h"
#include "../core/core.h"

#include <stdio.h>
#include <string.h>

static const char *const word_classes[WC_COUNT][48] = {
    [WC_BE] = {"is", "are", "was", "were", "be", "been", "being", "am", NULL},
    [WC_NEG] = {"not", "never", "no", "neither", "nor", "cannot", NULL},
    [WC_INTENT] = {"want", "wants", "wanted", "wanting", "hope", "hopes", "hoped", "hoping", "plan", "plans",
                   "planned", "planning", "intend", "intends", "intended", "like", "love", "seek", "seeks",
                   "sought", "expect", "expects", "expected", "agree", "agrees", "agreed", "vow", "vows",
                   "vowed", "pledge", "pledges", "pledged", "promise", "promises", "promised", "offer",
                   "offers", "offered", "ready", "willing", "prepared", "eager", "keen", "aim", "aims", NULL},
    [WC_APPEAL] = {"urge", "urges", "urged", "urging", "call", "calls", "called", "ask", "asks", "asked",
                   "appeal", "appealed", "appeals", "press", "pressed", "encourage", "encouraged", "implored",
                   "invite", "invited", "invites", NULL},
    [WC_THREAT] = {"threaten", "threatens", "threatened", "threatening", NULL},
    [WC_REFUSE] = {"refuse", "refuses", "refused", "refusing", "decline", "declines", "declined", NULL},
    [WC_FAIL] = {"fail", "fails", "failed", "failing", "unable", NULL},
    [WC_PREP] = {"of", "with", "to", "for", "from", "by", "in", "on", "at", "against", "between", "about",
                 "into", "toward", "towards", "over", "under", "during", "than", "among",
                 "across", "through", "via", "including", "alongside", "behind", "despite", "within", NULL},
    [WC_DET] = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those", "both",
                "all", "some", "new", "fresh", "further", "more", NULL},
    [WC_STOP] = {"that", "because", "although", "though", "whether", "if", "unless", "whereas", "while", NULL},
    [WC_SELF] = {"i", "we", NULL},
    [WC_BY] = {"by", NULL},
    [WC_TO] = {"to", NULL},
    [WC_AND] = {"and", NULL},
    /* Words after which a verb form is a noun: "the talks", "his meeting". */
    [WC_NOUNDET] = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these",
                    "those", "some", "any", "each", "every", "of", "for", "after", "before", "during",
                    "with", "at", "in", "on", "by", "about", "such", "no", NULL},
    /* Words after which a present-tense or base form is a verb. */
    [WC_VERBOK] = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "will", "would",
                   "can", "could", "may", "might", "must", "should", "shall", "do", "does", "did", "to",
                   "not", "and", "or", "also", "then", "now", "still", "again", "never", "repeatedly",
                   "reportedly", "jointly", "formally", "publicly", "strongly", "immediately", NULL},
};

void coder_init(events_model *m)
{
    for (int c = 0; c < WC_COUNT; c++) {
        m->wc_n[c] = 0;
        for (int i = 0; word_classes[c][i] && i < 48; i++)
            m->wc[c][m->wc_n[c]++] = hash_folded(word_classes[c][i], strlen(word_classes[c][i]));
    }
    m->h_a = hash_folded("a", 1);
    m->h_an = hash_folded("an", 2);
    m->h_interest = hash_folded("interest", 8);
}

int coder_in(const events_model *m, int wc, uint32_t hash)
{
    for (int i = 0; i < m->wc_n[wc]; i++)
        if (m->wc[wc][i] == hash) return 1;
    return 0;
}

/* ---- per-sentence view */

typedef struct {
    const events_model *m;
    dyad_doc *d;
    uint32_t s, a, b;                /* sentence, its tokens [a, b) */
    int32_t *starts;                 /* mention starting at token k - a, or -1 */
    int32_t *inside;                 /* mention covering token k - a, or -1 */
    FILE *explain;
    int passive;                     /* the verb being matched is a passive participle */
} sent_view;

static int32_t mention_at(const sent_view *v, uint32_t k) { return k >= v->a && k < v->b ? v->starts[k - v->a] : -1; }
static int32_t mention_in(const sent_view *v, uint32_t k) { return k >= v->a && k < v->b ? v->inside[k - v->a] : -1; }
static uint32_t H(const sent_view *v, uint32_t k) { return v->d->toks[k].hash; }
static uint32_t F(const sent_view *v, uint32_t k) { return v->d->toks[k].flags; }

static int is_negative_contraction(const sent_view *v, uint32_t k)
{
    const dyad_token *t = &v->d->toks[k];
    const char *s = v->d->text + t->off;
    if (t->len >= 3 && !memcmp(s + t->len - 3, "n't", 3)) return 1;
    return t->len >= 5 && !memcmp(s + t->len - 5, "n\xE2\x80\x99t", 5);
}

/* The direct quote (with a speaker) that covers token k, or -1. */
static int32_t quote_speaker_at(const sent_view *v, uint32_t k)
{
    uint32_t off = v->d->toks[k].off;
    for (uint32_t i = 0; i < v->d->n_quotes; i++) {
        const dyad_quote *q = &v->d->quotes[i];
        if (q->kind != DYAD_QUOTE_DIRECT || q->speaker < 0) continue;
        if (off >= q->off && off < q->off + q->len) return q->speaker;
    }
    return -1;
}

/* The direct quote covering token k (index), or -1. */
static int32_t quote_index_at(const sent_view *v, uint32_t k)
{
    uint32_t off = v->d->toks[k].off;
    for (uint32_t i = 0; i < v->d->n_quotes; i++) {
        const dyad_quote *q = &v->d->quotes[i];
        if (q->kind != DYAD_QUOTE_DIRECT) continue;
        if (off >= q->off && off < q->off + q->len) return (int32_t)i;
    }
    return -1;
}

static int mention_usable(const sent_view *v, int32_t mi)
{
    return mi >= 0 && v->d->mentions[mi].code[0];
}

/* ---- pattern matching */

typedef struct {
    const pattern_t *p;
    uint32_t end;                    /* token after the match */
    int32_t target;
} match_t;

/* Does alternative sequence alt match at token k?  Returns its length or 0. */
static uint32_t alt_match(const sent_view *v, const alt_t *alt, uint32_t k)
{
    if (k + alt->n_hash > v->b) return 0;
    for (uint32_t i = 0; i < alt->n_hash; i++)
        if (H(v, k + i) != v->m->hashes[alt->hash_at + i]) return 0;
    return alt->n_hash;
}

static int skippable(const sent_view *v, uint32_t k)
{
    uint32_t f = F(v, k);
    if (mention_in(v, k) >= 0) return 0;
    if (f & (DYAD_TOK_TERM | DYAD_TOK_COMMA | DYAD_TOK_OPEN | DYAD_TOK_CLOSE | DYAD_TOK_DASH)) return 0;
    return !coder_in(v->m, WC_STOP, H(v, k));
}

static int is_quote_mark(const sent_view *v, uint32_t k)
{
    return (F(v, k) & (DYAD_TOK_QOPEN | DYAD_TOK_QCLOSE | DYAD_TOK_QAMBIG)) && !(F(v, k) & DYAD_TOK_POSS);
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
        uint32_t j = k;
        while (j < v->b && coder_in(m, WC_DET, H(v, j)) && mention_at(v, j) < 0) j++;   /* the U.S. */
        int32_t mi = mention_at(v, j);
        if (mi < 0 || !mention_usable(v, mi)) {
            /* In the passive the object slot is the subject: "was criticized (by X)". */
            if (v->passive && e == 1) return match_from(v, p, e + 1, k, out);
            return 0;
        }
        out->target = mi;
        return match_from(v, p, e + 1, j + v->d->mentions[mi].ntok, out);
    }
    case EL_WORDS:
        for (uint32_t i = 0; i < el->n_alt; i++) {
            uint32_t n = alt_match(v, &m->alts[el->alt_at + i], k);
            if (n && match_from(v, p, e + 1, k + n, out)) return 1;
        }
        return 0;
    case EL_SKIP:
        for (uint32_t n = 0; n <= 4; n++) {
            if (n && !skippable(v, k + n - 1)) break;
            if (k + n > v->b) break;
            if (match_from(v, p, e + 1, k + n, out)) return 1;
        }
        return 0;
    default:
        return 0;
    }
}

static int best_match(const sent_view *v, uint32_t k, match_t *best, uint8_t *form)
{
    const events_model *m = v->m;
    uint32_t slot = 0;
    int found = 0;
    for (const form_slot *fs; (fs = verbs_form_next(m, H(v, k), &slot));) {
        const verb_t *vb = &m->verbs[fs->verb];
        for (uint32_t i = 0; i < vb->n_pat; i++) {
            const pattern_t *p = &m->pats[vb->pat_at + i];
            match_t mt = {p, 0, -1};
            if (!match_from(v, p, 1, k + 1, &mt)) continue;
            /* Longest wins; on a tie the one with a target, then file order. */
            if (!found || mt.end > best->end || (mt.end == best->end && mt.target >= 0 && best->target < 0)) {
                *best = mt;
                *form = fs->form;
                found = 1;
            }
        }
    }
    return found;
}

/* ---- the clause around the verb */

enum { MOD_NONE, MOD_INTENT, MOD_APPEAL, MOD_THREAT, MOD_REFUSE, MOD_FAIL };

typedef struct {
    int mod;
    int negated;
    int passive;
    int32_t appeal_target;           /* "urged X to": X */
    uint32_t left;                   /* where the subject search starts (token before the verb group) */
} clause_t;

/* Look left from the verb over auxiliaries, negation, adverbs and "to"
 * chains ("would love to", "was unable to", "agreed to"). */
static void read_clause(const sent_view *v, uint32_t k, uint8_t form, clause_t *c)
{
    const events_model *m = v->m;
    memset(c, 0, sizeof *c);
    c->appeal_target = -1;
    uint32_t i = k;
    int steps = 0;
    while (i > v->a && steps++ < 8) {
        uint32_t j = i - 1;
        uint32_t h = H(v, j);
        if (mention_in(v, j) >= 0) {
            /* "urged North Korea to return": the mention is the appeal's target */
            int32_t mi = mention_in(v, j);
            uint32_t start = v->d->mentions[mi].tok;
            if (start > v->a && coder_in(m, WC_APPEAL, H(v, start - 1)) && c->mod == MOD_NONE &&
                i < v->b && coder_in(m, WC_TO, H(v, i))) {
                c->mod = MOD_APPEAL;
                c->appeal_target = mi;
                i = start - 1;
                continue;
            }
            break;
        }
        if (coder_in(m, WC_TO, h) && j > v->a) {
            uint32_t w = H(v, j - 1);
            int mod = coder_in(m, WC_INTENT, w) ? MOD_INTENT : coder_in(m, WC_THREAT, w) ? MOD_THREAT :
                      coder_in(m, WC_REFUSE, w) ? MOD_REFUSE : coder_in(m, WC_FAIL, w) ? MOD_FAIL : MOD_NONE;
            if (mod == MOD_NONE) {
                /* "able to", "going to", "set to": look through, no modality */
                i = j;
                continue;
            }
            if (c->mod == MOD_NONE || mod == MOD_FAIL) c->mod = mod;
            i = j - 1;
            continue;
        }
        if (coder_in(m, WC_NEG, h) || is_negative_contraction(v, j)) { c->negated = 1; i = j; continue; }
        if (coder_in(m, WC_AND, h) && i == k && c->mod == MOD_NONE) {
            /* "agreed to X ... and destroy": a coordinated verb shares the
             * first verb's "to" and its modality. */
            for (uint32_t q = j; q > v->a + 1 && j - q < 14; q--) {
                uint32_t tq = q - 1;
                if (F(v, tq) & (DYAD_TOK_TERM | DYAD_TOK_COMMA)) break;
                if (!coder_in(m, WC_TO, H(v, tq))) continue;
                uint32_t w = H(v, tq - 1);
                int mod = coder_in(m, WC_INTENT, w) ? MOD_INTENT : coder_in(m, WC_THREAT, w) ? MOD_THREAT :
                          coder_in(m, WC_REFUSE, w) ? MOD_REFUSE : coder_in(m, WC_FAIL, w) ? MOD_FAIL : MOD_NONE;
                if (mod != MOD_NONE) { c->mod = mod; i = tq - 1; }
                break;
            }
            if (c->mod != MOD_NONE) continue;
            break;
        }
        if (coder_in(m, WC_BE, h)) {
            if (i == k && (form & (FORM_PART | FORM_PAST))) c->passive = 1;
            i = j;
            continue;
        }
        /* "has no interest in dealing with": a refusal. */
        if (i == k && j >= v->a + 2 && coder_in(m, WC_PREP, h) && H(v, j - 1) == m->h_interest &&
            coder_in(m, WC_NEG, H(v, j - 2))) {
            c->mod = MOD_REFUSE;
            i = j - 2;
            continue;
        }
        uint32_t f = F(v, j);
        if ((f & DYAD_TOK_LOWER) && !(f & DYAD_TOK_PUNCT) && !coder_in(m, WC_STOP, h) &&
            !coder_in(m, WC_PREP, h) && !coder_in(m, WC_AND, h) && steps <= 3) {
            /* an adverb or auxiliary: reportedly, also, would, has, had, will */
            i = j;
            continue;
        }
        break;
    }
    c->left = i;
}

/* The subject: nearest usable mention to the left of `from`, not governed
 * by a preposition, within the clause. */
static int32_t find_subject(const sent_view *v, uint32_t from, uint32_t *distance)
{
    const events_model *m = v->m;
    int depth_comma = 0;
    for (uint32_t i = from; i > v->a;) {
        uint32_t j = i - 1;
        uint32_t f = F(v, j), h = H(v, j);
        if (f & DYAD_TOK_COMMA) {
            const char *t = v->d->text + v->d->toks[j].off;
            if (*t == ';' || *t == ':') return -1;
            depth_comma++;
        }
        if (is_quote_mark(v, j)) { i = j; continue; }
        /* Do not cross into or out of a direct quotation. */
        if (quote_index_at(v, j) != quote_index_at(v, from < v->b ? from : v->b - 1)) return -1;
        if (mention_in(v, j) < 0 && coder_in(m, WC_STOP, h)) return -1;
        int32_t mi = mention_in(v, j);
        if (mi >= 0) {
            const dyad_mention *mn = &v->d->mentions[mi];
            uint32_t start = mn->tok;
            uint32_t p = start;
            while (p > v->a && coder_in(m, WC_DET, H(v, p - 1))) p--;
            int governed = p > v->a && coder_in(m, WC_PREP, H(v, p - 1));
            /* "a key U.S. ally": an actor word inside an indefinite noun
             * phrase modifies it and is nobody's subject. */
            for (uint32_t q = start; q > v->a && start - q < 3; q--)
                if (H(v, q - 1) == m->h_a || H(v, q - 1) == m->h_an) governed = 1;
            /* A possessive ("Trump's outreach") is not the subject either. */
            int possessor = start + mn->ntok < v->b && (F(v, start + mn->ntok) & DYAD_TOK_POSS);
            if (!governed && !possessor && mention_usable(v, mi)) {
                *distance = from - (start + mn->ntok);
                return mi;
            }
            i = p;
            continue;
        }
        if (from - j > 30) return -1;
        i = j;
    }
    (void)depth_comma;
    return -1;
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

static const char *map_code(const char *code, int mod, int negated, int has_target)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (mod == MOD_FAIL) return NULL;
    /* "agreed to ... destroy a testing site": intent to do force to nobody
     * is no threat; "vowed to attack X" is. */
    if (mod == MOD_INTENT && root >= 15 && !has_target) return NULL;
    if (mod == MOD_THREAT || (mod == MOD_INTENT && root >= 15)) {
        if (root >= 18 || root == 15) return "138";
        if (!strcmp(code, "163")) return "1312";
        if (root == 16) return "131";
        if (root == 17) return "137";
        return "130";
    }
    if (mod == MOD_REFUSE || (negated && root <= 8)) {
        if (root <= 2) return NULL;
        if (!strncmp(code, "057", 3)) return "127";
        switch (root) {
        case 4: return "125";
        case 6: return "121";
        case 7: return "122";
        case 8: return "124";
        default: return "120";
        }
    }
    if (negated) return NULL;                 /* "did not attack" is no attack */
    if (mod == MOD_INTENT) {
        switch (root) {
        case 4: return "036";
        case 5: return "032";
        case 6: return "031";
        case 7: return "033";
        case 8: return "034";
        case 3: return code;
        default: return root <= 2 ? code : "030";
        }
    }
    if (mod == MOD_APPEAL) {
        switch (root) {
        case 4: return "026";
        case 5: return "022";
        case 6: return "021";
        case 7: return "023";
        case 8: return "025";
        default: return "020";
        }
    }
    return code;
}

/* ---- events out */

static void set_side(const sent_view *v, int32_t mi, int32_t *idx, char code[16])
{
    *idx = mi;
    if (mi >= 0) snprintf(code, 16, "%s", v->d->mentions[mi].code);
    else code[0] = 0;
}

static void add_event(const sent_view *v, int32_t src, int32_t tgt, const cameo_entry *ce, const pattern_t *p,
                      uint32_t verb_off, uint32_t verb_len, uint32_t flags, float conf, const char *rule)
{
    dyad_doc *d = v->d;
    const dyad_mention *ms = &d->mentions[src];
    if (tgt >= 0) {
        const dyad_mention *mt = &d->mentions[tgt];
        if ((ms->entity >= 0 && ms->entity == mt->entity) || !strcmp(ms->code, mt->code)) return;
    }
    /* The same event twice in one sentence (two verbs of one pattern family) is one. */
    for (uint32_t i = 0; i < d->n_events; i++) {
        const dyad_event *e = &d->events[i];
        if (e->sent == v->s && !strcmp(e->source_code, ms->code) && !strcmp(e->cameo, ce->code) &&
            !strcmp(e->target_code, tgt >= 0 ? d->mentions[tgt].code : ""))
            return;
    }
    d->events = dyad_grow(d->events, &d->cap_events, d->n_events + 1, sizeof *d->events);
    dyad_event *e = &d->events[d->n_events++];
    memset(e, 0, sizeof *e);
    e->sent = v->s;
    set_side(v, src, &e->source, e->source_code);
    set_side(v, tgt, &e->target, e->target_code);
    snprintf(e->cameo, sizeof e->cameo, "%s", ce->code);
    e->goldstein = ce->goldstein;
    e->quad = ce->quad;
    e->plover_type = ce->plover_type;
    e->plover_mode = ce->plover_mode;
    e->verb_off = verb_off;
    e->verb_len = verb_len;
    e->rule = rule ? rule : p->id;
    e->flags = flags;
    e->confidence = conf;
    e->date = (d->sent_dates && v->s < d->cap_sent_dates) ? d->sent_dates[v->s] : d->pubdate;
    if (v->explain)
        fprintf(v->explain, "    event %s %s -> %s (%s; rule %s: %s)\n", ce->code, e->source_code,
                e->target_code[0] ? e->target_code : "-", ce->name, e->rule, p->text);
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
            if (!coder_in(v->m, WC_AND, H(v, j))) break;
            int32_t prev = mention_in(v, j - 1);
            if (prev < 0 || !mention_usable(v, prev)) break;
            out[n++] = prev;
            cur = &v->d->mentions[prev];
        } else {
            uint32_t j = cur->tok + cur->ntok;
            int comma = j < v->b && (F(v, j) & DYAD_TOK_COMMA) && v->d->text[v->d->toks[j].off] == ',';
            if (j + 1 >= v->b || (!coder_in(v->m, WC_AND, H(v, j)) && !comma)) break;
            uint32_t k = j + 1;
            while (k < v->b && coder_in(v->m, WC_DET, H(v, k)) && mention_at(v, k) < 0) k++;
            int32_t next = mention_at(v, k);
            if (next < 0 || !mention_usable(v, next)) break;
            if (comma) {
                /* "X, Y and Z" is a list; "South Korea, Pyongyang announced" is not. */
                uint32_t after = k + v->d->mentions[next].ntok;
                if (after >= v->b || !(coder_in(v->m, WC_AND, H(v, after)) ||
                                       ((F(v, after) & DYAD_TOK_COMMA) && v->d->text[v->d->toks[after].off] == ',')))
                    break;
            }
            out[n++] = next;
            cur = &v->d->mentions[next];
        }
    }
    return n;
}

static void code_verb(sent_view *v, uint32_t k, const match_t *mt, uint8_t form)
{
    const events_model *m = v->m;
    const pattern_t *p = mt->p;
    clause_t c;
    read_clause(v, k, form, &c);
    if ((p->flags & PAT_ACTIVE_ONLY) && c.passive) return;
    if ((p->flags & PAT_PASSIVE_ONLY) && !c.passive) return;
    const char *code = map_code(p->cameo->code, c.mod, c.negated,
                                mt->target >= 0 || c.appeal_target >= 0);
    if (v->explain)
        fprintf(v->explain, "  verb \"%.*s\" pattern %s [%s] code %s%s%s%s\n", (int)v->d->toks[k].len,
                v->d->text + v->d->toks[k].off, p->id, p->text, p->cameo->code,
                c.negated ? " negated" : "", c.passive ? " passive" : "",
                c.mod == MOD_INTENT ? " intent" : c.mod == MOD_APPEAL ? " appeal" : c.mod == MOD_THREAT ? " threat" :
                c.mod == MOD_REFUSE ? " refusal" : c.mod == MOD_FAIL ? " failed" : "");
    if (!code) {
        if (v->explain) fprintf(v->explain, "    no event: %s\n", c.mod == MOD_FAIL ? "the action failed" : "negated");
        return;
    }
    const cameo_entry *ce = ontology_find(m, code);
    if (!ce) return;
    uint32_t flags = (c.negated ? DYAD_EV_NEGATED : 0) | (c.mod != MOD_NONE ? DYAD_EV_MODAL : 0) |
                     (c.passive ? DYAD_EV_PASSIVE : 0);
    int32_t target = mt->target, source = -1;
    uint32_t dist = 0;
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
        int32_t subj = find_subject(v, c.left, &dist);
        if (source < 0 || subj < 0) {
            if (v->explain) fprintf(v->explain, "    no event: passive without an agent and a subject\n");
            return;
        }
        target = subj;
        conf -= 0.1f;
    } else {
        source = self_subject(v, c.left);
        if (source >= 0) flags |= DYAD_EV_QUOTED;
        else source = find_subject(v, c.left, &dist);
    }
    if (source < 0) {
        if (v->explain) fprintf(v->explain, "    no event: no source actor in the clause\n");
        return;
    }
    if (quote_speaker_at(v, k) >= 0) flags |= DYAD_EV_QUOTED;
    if (dist > 8) conf -= 0.2f;
    if (v->d->mentions[source].how >= DYAD_HOW_COREF_NAME) conf -= 0.1f;
    if (target < 0) conf -= 0.1f;
    int32_t srcs[4], tgts[4];
    int ns = coordinated(v, source, srcs, 4, 1);
    int nt = target >= 0 ? coordinated(v, target, tgts, 4, 0) : 1;
    if (target < 0) tgts[0] = -1;
    /* "Trump and Kim would meet": a reciprocal verb with no object is an
     * event between the coordinated subjects, both ways. */
    if (target < 0 && ns >= 2 && (!strncmp(ce->code, "04", 2) || !strncmp(ce->code, "057", 3) ||
                                  !strncmp(ce->code, "036", 3))) {
        uint32_t voff2 = v->d->toks[k].off, vlen2 = v->d->toks[k].len;
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < ns; j++)
                if (i != j) add_event(v, srcs[i], srcs[j], ce, p, voff2, vlen2, flags, conf, NULL);
        return;
    }
    uint32_t voff = v->d->toks[k].off;
    uint32_t vend = v->d->toks[mt->end > k + 1 ? mt->end - 1 : k].off + v->d->toks[mt->end > k + 1 ? mt->end - 1 : k].len;
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < nt; j++) {
            add_event(v, srcs[i], tgts[j], ce, p, voff, vend - voff, flags, conf, NULL);
            /* A visit is also hosted: the host side gets its 043. */
            if (!strcmp(ce->code, "042") && tgts[j] >= 0) {
                const cameo_entry *host = ontology_find(m, "043");
                if (host)
                    add_event(v, tgts[j], srcs[i], host, p, voff, vend - voff, flags, conf - 0.1f,
                              dyad_arena_printf(v->d->arena, "%s+host", p->id));
            }
        }
}

/* Is the verb form at k used as a verb?  News is full of the same words as
 * nouns ("the talks", "stray comments", "security guarantees") and as
 * adjectives ("the signed letter").  A past form is a verb unless a
 * determiner precedes it; any other form needs what a verb follows: an
 * actor, a pronoun, an auxiliary, "to", an adverb, or a clause start. */
static int used_as_verb(const sent_view *v, uint32_t k, uint8_t forms, int has_target)
{
    const events_model *m = v->m;
    uint32_t j = k;
    while (j > v->a && is_quote_mark(v, j - 1)) j--;
    if (j == v->a) return 1;
    uint32_t p = j - 1, h = H(v, p), f = F(v, p);
    /* "no interest in dealing with South Korea": a gerund taking an actor. */
    if ((forms & FORM_ING) && has_target && coder_in(m, WC_PREP, h)) return 1;
    if (coder_in(m, WC_NOUNDET, h) || (f & DYAD_TOK_POSS)) return 0;
    if (forms & (FORM_PAST | FORM_PART)) return 1;
    /* "a statement accusing the U.S.": a participle taking an actor object. */
    if ((forms & FORM_ING) && has_target) return 1;
    if (mention_in(v, p) >= 0 || coder_in(m, WC_VERBOK, h) || coder_in(m, WC_BE, h) ||
        is_negative_contraction(v, p))
        return 1;
    if (f & (DYAD_TOK_COMMA | DYAD_TOK_DASH | DYAD_TOK_OPEN | DYAD_TOK_TERM)) return 1;
    const dyad_token *t = &v->d->toks[p];
    if (t->len > 3 && !memcmp(v->d->text + t->off + t->len - 2, "ly", 2)) return 1;
    return 0;
}

static void code_sentence(sent_view *v)
{
    const events_model *m = v->m;
    for (uint32_t k = v->a; k < v->b; k++) {
        if (mention_in(v, k) >= 0 || !(F(v, k) & DYAD_TOK_WORD)) continue;
        match_t mt = {NULL, 0, -1};
        uint8_t form = 0;
        /* Passive: a form of "be" (maybe with an adverb) right before the verb. */
        v->passive = (k > v->a && coder_in(m, WC_BE, H(v, k - 1))) ||
                     (k > v->a + 1 && coder_in(m, WC_BE, H(v, k - 2)) && (F(v, k - 1) & DYAD_TOK_LOWER));
        if (!best_match(v, k, &mt, &form)) continue;
        /* All forms this token has across verbs: "met" is past, "meeting" -ing. */
        uint8_t forms = 0;
        uint32_t slot = 0;
        for (const form_slot *fs; (fs = verbs_form_next(m, H(v, k), &slot));) forms |= fs->form;
        if (!used_as_verb(v, k, forms, mt.target >= 0)) {
            if (v->explain)
                fprintf(v->explain, "  \"%.*s\" is used as a noun or adjective here\n", (int)v->d->toks[k].len,
                        v->d->text + v->d->toks[k].off);
            continue;
        }
        code_verb(v, k, &mt, form);
    }
}

void events_code(const events_model *m, dyad_doc *d, FILE *explain)
{
    d->n_events = 0;
    uint32_t mi = 0;
    for (uint32_t s = 0; s < d->n_sents; s++) {
        const dyad_sentence *st = &d->sents[s];
        sent_view v = {m, d, s, st->tok, st->tok + st->ntok, NULL, NULL, explain, 0};
        if (explain) fprintf(explain, "[%u] %.*s\n", s + 1, (int)st->len, d->text + st->off);
        if (st->flags & DYAD_PARA_HEADING) continue;
        v.starts = dyad_arena_alloc(d->arena, (st->ntok + 1) * sizeof *v.starts);
        v.inside = dyad_arena_alloc(d->arena, (st->ntok + 1) * sizeof *v.inside);
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
