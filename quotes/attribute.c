/*
 * attribute.c - the kind and speaker of every quoted span.
 *
 * Contract: quote_attribute(c) sets kind, speaker, cue and own on each of
 * c->spans, in text order, so that a span can inherit from the ones before
 * it; kind 0 means "not a quotation to report" (a nested quote with no
 * speech of its own).  It marks the cue tokens direct quotes use in
 * c->tcue_used, so indirect.c does not report the same speech twice.
 *
 * Direct or not.  A quoted span is a DIRECT quotation when it stands as
 * an utterance: it opens its sentence (or continues a quotation from the
 * paragraph before) and is followed by the sentence end or an attribution
 * ("...,” Trump said."), or it follows a colon, or a cue verb and a comma
 * ("Trump said, “...”"), or a cue verb and starts a capitalised clause.
 * Otherwise it is a phrase inside running text: PARTIAL when a cue verb of
 * its sentence gives it a speaker ("accusing the U.S. of "gangster-like"
 * demands", "wants “security guarantees”", or an attribution tail after
 * it: "... talks “at the earliest possible date,” the statement said"),
 * else SCARE with no speaker ("his old “friend” Kim Jong Un").
 * An attribution is a speech cue within a few words after the closing
 * mark with only its subject between ("Lee's adviser, Wi Sung-lac, told"),
 * not a participle ("..., urging") and not another clause ("...” law in
 * May that critics said", "...” actions, while China said").
 *
 * Who said a direct quotation, first that applies:
 *   1. an attribution after it in its sentence ("...,” Pompeo said",
 *      "...,” said Trump", "...,” the letter read"), or a bare attribution
 *      sentence right after it ("“...” Pompeo said.");
 *   2. a cue before it in its sentence ("Kim said: “...”", and the second
 *      half of "“...,” he said, “...”");
 *   3. the quotation it continues (a quotation over several paragraphs);
 *   4. the sentence before (the paragraph before when the quotation opens
 *      its paragraph): the speaker of its last quotation or speech cue, or
 *      the subject of a clause ending in a colon -- which covers
 *      "Speaking aboard Air Force One, Trump told reporters. ¶ “...”",
 *      "According to Korean Central News, Kim said: ¶ “...”" and
 *      consecutive quote paragraphs inheriting the last speaker.
 * A crosshead (DYAD_PARA_HEADING) inherits nothing: a pull quote like
 * ”We fell in love” with no speaker in it is kept as SCARE.
 *
 * A pronoun speaker ("he said") whose antecedent, as the actors stage
 * resolved it, is a mention inside the previous sentence's quotation or
 * after its cue verb yields to that sentence's speaker when gender and
 * number allow: news resumes the last speaker with "he", while nearest-
 * mention coreference picks the last name mentioned.
 */
#include "quotes_int.h"

enum { BEFORE_START, BEFORE_COLON, BEFORE_COMMA, BEFORE_CUE, BEFORE_TEXT };
enum { AFTER_END, AFTER_ATTR, AFTER_TEXT };

static uint32_t span_first(const qspan *q) { return q->open != QNONE ? q->open : q->b; }
static uint32_t span_last(const qspan *q) { return q->close != QNONE ? q->close : q->e - 1; }

static int is_char(const qctx *c, uint32_t i, char ch)
{
    const dyad_token *t = &c->d->toks[i];
    return t->len == 1 && c->d->text[t->off] == ch;
}

static int is_heading(const qctx *c, uint32_t s) { return (c->d->sents[s].flags & DYAD_PARA_HEADING) != 0; }

/* The left edge for searches from token i at level `within`: the
 * sentence start, or the opening mark of the enclosing quotation. */
static uint32_t level_start(const qctx *c, uint32_t i, int32_t within)
{
    uint32_t sb = qsent_first(c, c->tsent[i]);
    if (within >= 0) {
        uint32_t o = span_first(&c->spans[within]) + 1;
        if (o > sb) sb = o;
    }
    return sb;
}

/* What precedes span q's opening mark. */
static int before_kind(const qctx *c, const qspan *q, int32_t within)
{
    if (q->open == QNONE || q->cont_prev >= 0) return BEFORE_START;
    uint32_t o = q->open, lo = level_start(c, o, within);
    uint32_t p = o;
    /* Marks, dashes and ellipses at the very start do not count. */
    while (p > lo && (qtok_is_mark(c, p - 1) || (c->d->toks[p - 1].flags & (DYAD_TOK_DASH | DYAD_TOK_ELLIPSIS)))) p--;
    if (p <= lo) return BEFORE_START;
    p--;
    if (is_char(c, p, ':')) return BEFORE_COLON;
    if (is_char(c, p, ',')) return BEFORE_COMMA;
    if (qcue_at(c, p, QW_SPEECH, within)) return BEFORE_CUE;
    return BEFORE_TEXT;
}

/* A bare attribution sentence: "Pompeo said." -- short, no quotation, a
 * speech cue.  Returns the cue or QNONE. */
static uint32_t bare_attribution(const qctx *c, uint32_t s)
{
    if (s >= c->d->n_sents) return QNONE;
    uint32_t b = qsent_first(c, s), e = qsent_end(c, s);
    if (e - b > 8) return QNONE;
    uint32_t cue = QNONE;
    for (uint32_t i = b; i < e; i++) {
        if (qtok_is_mark(c, i)) return QNONE;
        if (cue == QNONE && qcue_at(c, i, QW_SPEECH, -1)) cue = i;
    }
    return cue;
}

/* Can a subject start at token i: a mention, a pronoun, a determiner, a
 * name, a noun ("foreign ministry spokesperson Lin Jian said") -- not a
 * preposition, conjunction or auxiliary ("...” demands for ...", "...”
 * and urged")? */
static int subject_start(const qctx *c, uint32_t i)
{
    if (i >= c->d->n_toks) return 0;
    const dyad_token *t = &c->d->toks[i];
    if (c->tmention[i] >= 0 || (c->tclass[i] & (QW_SUBJPRON | QW_DET))) return 1;
    return (t->flags & DYAD_TOK_WORD) && !(c->tclass[i] & (QW_PREP | QW_CONJ | QW_SUBORD | QW_AUX | QW_THAT));
}

/* What follows span q's closing mark; *cue gets the attribution's cue and
 * *from the left edge for its subject. */
static int after_kind(const qctx *c, const qspan *q, int32_t within, uint32_t *cue, uint32_t *from)
{
    const dyad_doc *d = c->d;
    *cue = QNONE;
    if (q->close == QNONE) return AFTER_END;
    uint32_t s = c->tsent[q->close], se = qsent_end(c, s);
    uint32_t j = q->close + 1;
    if (j < se && is_char(c, j, ',')) j++;
    uint32_t k = j;
    while (k < se && ((d->toks[k].flags & DYAD_TOK_TERM) || qtok_is_mark(c, k))) k++;
    if (k >= se) {
        /* “...” Pompeo said. */
        if (within < 0 && c->d->sents[s].para == (s + 1 < d->n_sents ? d->sents[s + 1].para : UINT32_MAX)) {
            uint32_t b = bare_attribution(c, s + 1);
            if (b != QNONE) { *cue = b; *from = qsent_first(c, s + 1); return AFTER_ATTR; }
        }
        return AFTER_END;
    }
    /* An attribution starts with its subject or its verb: a name, a
     * pronoun, "the letter", or "said ..." followed by one -- not
     * "...” demands for ...", "...” and urged". */
    if (j < se && (qcue_at(c, j, QW_SPEECH, within) ? !subject_start(c, j + 1) : !subject_start(c, j)))
        return AFTER_TEXT;
    for (uint32_t i = j; i < se && i < j + 20; i++) {
        if (c->tspan[i] != within) break;                      /* another quotation */
        /* Only a subject may stand between ("a spokesman for the office",
         * "Lee's adviser, Wi Sung-lac,"), no clause of its own ("law in May
         * that critics said", "actions, while China said").  A cue word
         * used as a noun ("the report said", "his statement read") is part
         * of the subject: only a cue verb of another class ends the search. */
        if (i > j && ((c->tclass[i] & (QW_THAT | QW_RELPRON | QW_SUBORD | QW_AUX)) ||
                      ((c->tclass[i] & QW_CONJ) && is_char(c, i - 1, ',')) ||     /* ", and said" */
                      (qcue_at(c, i, QW_CUE, within) && !qcue_at(c, i, QW_SPEECH, within))))
            break;
        if (d->toks[i].flags & DYAD_TOK_TERM) break;
        /* "..., urging Pyongyang to ...": a participle continues the
         * sentence, it does not attribute the quotation. */
        if (qcue_at(c, i, QW_SPEECH, within) && !qtok_ends_ing(c, i)) { *cue = i; *from = q->close + 1; return AFTER_ATTR; }
    }
    return AFTER_TEXT;
}

/* The nearest cue of `classes` left of token o in its sentence, at level
 * `within`; QNONE if none. */
static uint32_t cue_left(const qctx *c, uint32_t o, int32_t within, uint32_t classes)
{
    uint32_t lo = level_start(c, o, within);
    for (uint32_t i = o; i > lo;) {
        i--;
        if (qcue_at(c, i, classes, within)) return i;
    }
    return QNONE;
}

/* An attribution tail right of token z in its sentence, at level
 * `within`: a speech cue after a comma ("The “deal” is dead, Trump said",
 * "..., according to X"), within a few words of it. */
static uint32_t cue_right(const qctx *c, uint32_t z, int32_t within, uint32_t classes)
{
    uint32_t se = qsent_end(c, c->tsent[z]);
    for (uint32_t i = z + 1; i < se; i++) {
        if (!is_char(c, i, ',') || c->tspan[i] != within) continue;
        for (uint32_t k = i + 1; k < se && k < i + 6; k++) {
            if (c->d->toks[k].flags & (DYAD_TOK_COMMA | DYAD_TOK_TERM)) break;
            if (qcue_at(c, k, classes, within)) return k;
        }
    }
    return QNONE;
}

/* The first usable mention of sentence s before token end. */
static int32_t first_subject(const qctx *c, uint32_t s, uint32_t end)
{
    for (uint32_t i = qsent_first(c, s); i < end; i++) {
        int32_t m = c->tmention[i];
        if (m >= 0 && c->d->mentions[m].tok == i && quote_mention_eligible(c, m, -1, 0)) return m;
    }
    return -1;
}

int32_t quote_sentence_speaker(const qctx *c, uint32_t s, uint32_t *cue)
{
    uint32_t b = qsent_first(c, s), e = qsent_end(c, s);
    *cue = QNONE;
    for (uint32_t i = e; i > b;) {
        i--;
        if (!qcue_at(c, i, QW_SPEECH, -1)) continue;
        int32_t m = quote_subject(c, i, QNONE);
        if (m >= 0) { *cue = i; return m; }
    }
    /* "Trump had a message for the press:" */
    if (e > b && is_char(c, e - 1, ':')) return first_subject(c, s, e - 1);
    return -1;
}

/* The speaker that sentence s leaves "talking": its last direct quotation
 * or its last speech cue, whichever comes later. */
static int32_t recent_speaker(const qctx *c, uint32_t s, uint32_t upto_span, uint32_t *cue)
{
    uint32_t qpos = QNONE, qcue = QNONE;
    int32_t qspk = -1;
    for (uint32_t k = upto_span; k > 0;) {
        k--;
        const qspan *q = &c->spans[k];
        if (q->parent >= 0 || q->kind != DYAD_QUOTE_DIRECT) continue;
        uint32_t z = span_last(q);
        if (c->tsent[z] < s) break;
        if (c->tsent[z] != s) continue;
        qpos = z; qspk = q->speaker; qcue = q->cue;
        break;
    }
    /* A quotation with its speaker wins over the cues of its own
     * attribution ("...,” Moon said, according to his office."). */
    if (qpos != QNONE && qspk >= 0) { *cue = qcue; return qspk; }
    uint32_t ccue;
    int32_t cspk = quote_sentence_speaker(c, s, &ccue);
    if (qpos != QNONE && (ccue == QNONE || ccue < qpos || cspk < 0)) { *cue = qcue; return qspk; }
    *cue = ccue;
    return cspk;
}

/* The sentence before the one holding token i, for inheritance; never a
 * crosshead (a new section starts after one). */
static uint32_t previous_sentence(const qctx *c, uint32_t i)
{
    uint32_t s = c->tsent[i];
    if (s == 0) return QNONE;
    uint32_t ps = s - 1;
    if (is_heading(c, ps)) return QNONE;
    return ps;
}

static int gender_fits(const qctx *c, uint32_t pron, const dyad_entity *e)
{
    int person = e->kind == DYAD_ACTOR_PERSON || e->kind == DYAD_ACTOR_ROLE;
    if (qtok_text_is(c, pron, "he")) return person && e->gender != 'f';
    if (qtok_text_is(c, pron, "she")) return person && e->gender != 'm';
    if (qtok_text_is(c, pron, "they")) return e->plural || !person;
    if (qtok_text_is(c, pron, "it")) return !person;
    return 0;
}

/* See the header: "he said" resumes the last speaker. */
static int32_t prefer_recent(const qctx *c, int32_t m, uint32_t first_tok, uint32_t upto_span)
{
    const dyad_doc *d = c->d;
    if (m < 0) return m;
    const dyad_mention *x = &d->mentions[m];
    if (x->kind != DYAD_ACTOR_PRONOUN && x->how != DYAD_HOW_COREF_PRONOUN) return m;
    uint32_t ps = previous_sentence(c, first_tok);
    if (ps == QNONE) return m;
    uint32_t cue;
    int32_t r = recent_speaker(c, ps, upto_span, &cue);
    if (r < 0 || r == m) return m;
    const dyad_mention *rm = &d->mentions[r];
    if (rm->entity >= 0 && rm->entity == x->entity) return m;
    if (rm->entity < 0 || (uint32_t)rm->entity >= d->n_entities) return m;
    if (!gender_fits(c, x->tok, &d->entities[rm->entity])) return m;
    int32_t a = x->antecedent;
    if (a < 0 || (uint32_t)a >= d->n_mentions || d->mentions[a].sent != ps) return m;
    uint32_t at = d->mentions[a].tok;
    if (c->tspan[at] >= 0 || (cue != QNONE && at > cue)) return r;
    return m;
}

static void set(qspan *q, int kind, int32_t speaker, uint32_t cue, const qctx *c, int own)
{
    q->kind = (uint8_t)kind;
    q->speaker = speaker;
    q->cue = cue;
    q->cue_ntok = cue != QNONE ? qcue_len(c, cue) : 0;
    q->own = (uint8_t)own;
}

static void attribute_one(qctx *c, uint32_t k)
{
    qspan *q = &c->spans[k];
    int32_t within = q->parent;
    uint32_t first = span_first(q);
    uint32_t s = c->tsent[q->b < c->d->n_toks ? q->b : first];
    int heading = is_heading(c, s);
    int before = before_kind(c, q, within);
    uint32_t acue = QNONE, afrom = QNONE;
    int after = after_kind(c, q, within, &acue, &afrom);

    uint32_t words = 0, cap = 0;
    for (uint32_t i = q->b; i < q->e; i++)
        if (c->d->toks[i].flags & DYAD_TOK_WORD) {
            if (!words) cap = (c->d->toks[i].flags & DYAD_TOK_CAP) != 0;
            words++;
        }
    uint32_t last = q->e - 1;
    int ends_utterance = is_char(c, last, ',') || is_char(c, last, '?') || is_char(c, last, '!');

    int direct = 0;
    uint32_t bcue = QNONE;
    if (before == BEFORE_START) direct = after != AFTER_TEXT || words >= 8;
    else if (before == BEFORE_COLON) direct = words >= 2;
    else if (before == BEFORE_COMMA) {
        uint32_t cm = q->open - 1;
        bcue = cue_left(c, cm, within, QW_SPEECH);
        direct = bcue != QNONE && cm - bcue <= 6;
    } else if (before == BEFORE_CUE) direct = cap && words >= 3;
    if (!direct && after == AFTER_ATTR && ends_utterance && before != BEFORE_TEXT) direct = 1;

    if (direct) {
        int32_t spk = -1;
        uint32_t cue = QNONE;
        int own = 0;
        if (after == AFTER_ATTR) {
            cue = acue;
            spk = quote_subject(c, acue, afrom);
            own = 1;
        } else if (before != BEFORE_START && before != BEFORE_TEXT) {
            cue = cue_left(c, q->open, within, QW_SPEECH);
            if (cue != QNONE) {
                /* Stop at the previous quotation of the sentence: in
                 * “...,” he said, “...” the subject is between the two. */
                uint32_t from = QNONE;
                for (uint32_t i = cue; i > level_start(c, cue, within); i--)
                    if (c->tspan[i - 1] != within) { from = i; break; }
                spk = quote_subject(c, cue, from);
            } else if (before == BEFORE_COLON)
                spk = first_subject(c, s, q->open);
            own = 1;
        }
        if (own && spk >= 0) spk = prefer_recent(c, spk, first, k);
        if (!own && within < 0 && !heading) {
            if (q->cont_prev >= 0) {
                const qspan *p = &c->spans[q->cont_prev];
                spk = p->speaker;
                cue = p->cue;
            } else if (before == BEFORE_START) {
                uint32_t ps = previous_sentence(c, first);
                if (ps != QNONE) spk = recent_speaker(c, ps, k, &cue);
            }
        }
        if (within >= 0 && !own) { set(q, 0, -1, QNONE, c, 0); return; }
        if (heading && !own) { set(q, DYAD_QUOTE_SCARE, -1, QNONE, c, 0); return; }
        if (own && cue != QNONE) c->tcue_used[cue] = 1;
        set(q, DYAD_QUOTE_DIRECT, spk, cue, c, own);
        return;
    }

    /* A phrase: partial if a cue of its sentence gives it a speaker --
     * the attribution after it when there is one ("... negotiations “at
     * the earliest possible date,” the statement said"). */
    if (after == AFTER_ATTR) {
        set(q, DYAD_QUOTE_PARTIAL, quote_subject(c, acue, afrom), acue, c, 1);
        return;
    }
    uint32_t cue = cue_left(c, first, within, QW_CUE);
    if (cue == QNONE) cue = cue_right(c, span_last(q), within, QW_SPEECH);
    if (cue == QNONE) {
        set(q, within >= 0 ? 0 : DYAD_QUOTE_SCARE, -1, QNONE, c, 0);
        return;
    }
    set(q, DYAD_QUOTE_PARTIAL, quote_subject(c, cue, QNONE), cue, c, 1);
}

void quote_attribute(qctx *c)
{
    for (uint32_t k = 0; k < c->n_spans; k++) attribute_one(c, k);
    /* A quotation over several paragraphs is one speaker's: an attribution
     * found in any piece ("...,” he said" at the end) goes to the pieces
     * that had none of their own. */
    for (uint32_t k = 0; k < c->n_spans; k++) {
        qspan *q = &c->spans[k];
        if (q->cont_prev >= 0 || q->cont_next < 0) continue;
        int32_t spk = -1;
        uint32_t cue = QNONE;
        for (int32_t j = (int32_t)k; j >= 0; j = c->spans[j].cont_next)
            if (c->spans[j].own && c->spans[j].kind == DYAD_QUOTE_DIRECT && c->spans[j].speaker >= 0) {
                spk = c->spans[j].speaker;
                cue = c->spans[j].cue;
                break;
            }
        if (spk < 0) continue;
        for (int32_t j = (int32_t)k; j >= 0; j = c->spans[j].cont_next) {
            qspan *x = &c->spans[j];
            if (x->own || x->kind != DYAD_QUOTE_DIRECT) continue;
            x->speaker = spk;
            x->cue = cue;
            x->cue_ntok = cue != QNONE ? qcue_len(c, cue) : 0;
        }
    }
}
