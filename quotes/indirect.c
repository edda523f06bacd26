/*
 * indirect.c - reported speech without quotation marks.
 *
 * Contract: quote_indirect(c) appends an INDIRECT quote to doc->quotes for
 * each speech or characterising cue verb outside quotation marks that has
 * a speaker mention and a content clause, and that no direct quotation
 * already used as its attribution.  The quote's span is the content; its
 * cue the verb ("according to" for that form).
 *
 * Forms and where their content is:
 *   X said (that) CONTENT / X told reporters (that) CONTENT
 *   X accused Y of CONTENT (content: "Y of ...") / X called Y "..."
 *   CONTENT, X said. / CONTENT, said X.        (inverted: content before)
 *   According to X, CONTENT. / CONTENT, according to X.
 * Content runs to the end of the sentence, stopping early at a semicolon,
 * at ", according to", at a trailing adverbial clause (", days after
 * ...", ", while ..."), which is the reporter's framing rather than the
 * speaker's words, and where another speaker's cue begins ("X said A Y
 * said B"; but "X said Y said B" nests, so a subject at the content's
 * start does not stop it).  No content runs past INDIRECT_MAX_TOKENS: a
 * reported clause is a few dozen words, and without the bound a sentence
 * of n cues would report n overlapping quotes of the sentence's length.
 *
 * Not reported: negated or passive cues ("did not say", "was told"), cues
 * in crossheads, sentences ending in a colon (they introduce a direct
 * quotation), cues with no speaker mention (a cue whose speaker is unknown
 * says nothing a query can use), and verbs like "wrote" or "tweeted"
 * without "that" (their object is a thing, not speech).
 */
#include "quotes_int.h"

/* The longest content an indirect quote reports, in tokens (the longest in
 * the bundled stories is under 60); also how far past a cue the inverted
 * form looks for a that-clause. */
#define INDIRECT_MAX_TOKENS 160u

static uint32_t window_end(uint32_t f, uint32_t se)
{
    return se - f > INDIRECT_MAX_TOKENS ? f + INDIRECT_MAX_TOKENS : se;
}

static int is_char(const qctx *c, uint32_t i, char ch)
{
    const dyad_token *t = &c->d->toks[i];
    return t->len == 1 && c->d->text[t->off] == ch;
}

static int ends_nt(const qctx *c, uint32_t i)
{
    const dyad_token *t = &c->d->toks[i];
    const char *s = c->d->text + t->off;
    if (t->len >= 3 && s[t->len - 3] == 'n' && s[t->len - 2] == '\'' && (s[t->len - 1] | 32) == 't') return 1;
    return t->len >= 5 && s[t->len - 5] == 'n' && (unsigned char)s[t->len - 4] == 0xE2 && (s[t->len - 1] | 32) == 't';
}

static int is_be(const qctx *c, uint32_t i)
{
    static const char *const be[] = {"is", "was", "were", "are", "been", "being", "be"};
    for (size_t k = 0; k < sizeof be / sizeof *be; k++)
        if (qtok_text_is(c, i, be[k])) return 1;
    return 0;
}

/* Negated ("did not say") or passive ("was told") cue. */
static int negated_or_passive(const qctx *c, uint32_t cue, uint32_t sb)
{
    for (uint32_t i = cue, steps = 0; i > sb && steps < 3; steps++) {
        i--;
        if ((c->tclass[i] & QW_NEG) || ends_nt(c, i)) return 1;
        if (is_be(c, i) && steps == 0) return 1;
        if (!(c->tclass[i] & QW_ADVERB)) break;
    }
    return 0;
}

/* Is there an attribution tail starting at comma token k: ", X said",
 * ", according to X", or a trailing adverbial clause? */
static int content_stops_at(const qctx *c, uint32_t k, uint32_t se)
{
    if (!is_char(c, k, ',') || k + 1 >= se) return 0;
    uint32_t n = c->tclass[k + 1];
    if (n & (QW_ACCORDING | QW_SUBORD)) return 1;
    if ((n & QW_TIMENOUN) && k + 2 < se && (c->tclass[k + 2] & (QW_SUBORD | QW_PREP))) return 1;
    for (uint32_t j = k + 1; j < se && j < k + 10; j++) {
        if (c->d->toks[j].flags & (DYAD_TOK_COMMA | DYAD_TOK_TERM)) break;
        if (qcue_at(c, j, QW_SPEECH, -1)) return 1;
    }
    return 0;
}

static uint32_t word_count(const qctx *c, uint32_t b, uint32_t e)
{
    uint32_t n = 0;
    for (uint32_t i = b; i < e; i++) n += (c->d->toks[i].flags & DYAD_TOK_WORD) != 0;
    return n;
}

/* Does [b, e) hold a direct quotation or a speech cue outside quotes? */
static int has_speech(const qctx *c, uint32_t b, uint32_t e)
{
    for (uint32_t i = b; i < e; i++) {
        int32_t k = c->tspan[i];
        if (k >= 0 && c->spans[k].kind == DYAD_QUOTE_DIRECT) return 1;
        if (qcue_at(c, i, QW_SPEECH, -1)) return 1;
    }
    return 0;
}

static void emit_content(qctx *c, uint32_t b, uint32_t e, uint32_t s, int32_t spk, uint32_t cue)
{
    const dyad_doc *d = c->d;
    /* Trim the sentence's final punctuation; keep a closing mark whose
     * opening mark is inside (“good faith.”). */
    while (e > b && ((d->toks[e - 1].flags & (DYAD_TOK_TERM | DYAD_TOK_COMMA)) ||
                     (qtok_is_mark(c, e - 1) && (c->tspan[e - 1] < 0 || c->spans[c->tspan[e - 1]].open < b ||
                                                 c->spans[c->tspan[e - 1]].open == QNONE))))
        e--;
    if (e <= b || word_count(c, b, e) < 3) return;
    uint32_t off = d->toks[b].off, end = d->toks[e - 1].off + d->toks[e - 1].len;
    quote_emit(c, off, end - off, s, DYAD_QUOTE_INDIRECT, spk, cue, qcue_len(c, cue));
}

/* Skip what frames the content after the verb: a time phrase ("on
 * Thursday", "last week"), or a short phrase closed by a comma ("in a
 * statement, ..."); QNONE when nothing but framing follows ("said in a
 * statement, according to AP"). */
static uint32_t skip_framing(const qctx *c, uint32_t f, uint32_t se)
{
    const dyad_doc *d = c->d;
    /* A time phrase: words up to its head ("on Thursday", "six years
     * ago", "last week", "on July 6"). */
    uint32_t head = QNONE;
    for (uint32_t g = f; g < se; g++) {
        uint32_t k = c->tclass[g];
        if (k & (QW_TIMEWORD | QW_TIMENOUN)) { head = g; continue; }
        /* "on July 6", "in 2019" -- but "said 390 Ukrainians had ..." */
        if ((d->toks[g].flags & DYAD_TOK_NUM) && g > f && (c->tclass[g - 1] & (QW_PREP | QW_TIMEWORD))) {
            head = g;
            continue;
        }
        if (k & (QW_TIMEMOD | QW_PREP | QW_DET)) continue;
        break;
    }
    /* ... but "saying two days of talks had been ..." is a subject. */
    if (head != QNONE && !(head + 1 < se && qtok_text_is(c, head + 1, "of"))) f = head + 1;
    if (f < se && is_char(c, f, ',')) f++;
    if (f < se && (c->tclass[f] & QW_PREP) && !qtok_text_is(c, f, "to")) {
        for (uint32_t j = f; j < se && j < f + 6; j++) {
            if (d->toks[j].flags & DYAD_TOK_TERM) return QNONE;
            if (is_char(c, j, ',')) {
                f = j + 1;
                if (f < se && (c->tclass[f] & QW_ACCORDING)) return QNONE;
                return f;
            }
        }
        if (is_char(c, se - 1, '.') && f + 6 >= se) return QNONE;
    }
    return f;
}

/* Does a clause start at f: a subject pronoun, or an auxiliary within a
 * few words ("the United States would pay")? */
static int clause_at(const qctx *c, uint32_t f, uint32_t se)
{
    if (c->tclass[f] & QW_SUBJPRON) return 1;
    if (qtok_text_is(c, f, "to")) return 0;                   /* "claims to have annexed" */
    for (uint32_t j = f; j < se && j < f + 8; j++) {
        if ((c->d->toks[j].flags & (DYAD_TOK_TERM | DYAD_TOK_COMMA)) || c->tspan[j] >= 0) return 0;
        if (c->tclass[j] & QW_AUX) return 1;
    }
    return 0;
}

/* Forward content after cue i: returns its start, or QNONE; *that says
 * whether a complementiser introduced it. */
static uint32_t content_start(const qctx *c, uint32_t i, uint32_t se, int *that)
{
    const dyad_doc *d = c->d;
    uint32_t k = c->tclass[i];
    uint32_t f = i + 1;
    *that = 0;
    if ((k & QW_CHARACT) && f < se && (qtok_text_is(c, f, "for") || qtok_text_is(c, f, "on"))) f++;
    uint32_t lim = (k & QW_RECIPIENT) ? 10 : 6;
    for (uint32_t j = f; j < se && j < f + 12; j++) {
        if (c->tspan[j] >= 0 || (d->toks[j].flags & (DYAD_TOK_TERM | DYAD_TOK_COMMA))) break;
        /* Farther away, only after framing ("said repeatedly since
         * returning to the White House in January that"), not after a
         * noun ("said the talks that were held"). */
        if ((c->tclass[j] & QW_THAT) &&
            (j < f + lim || c->tmention[j - 1] >= 0 || (c->tclass[j - 1] & (QW_TIMEWORD | QW_TIMENOUN | QW_ADVERB)) ||
             (d->toks[j - 1].flags & (DYAD_TOK_CAP | DYAD_TOK_NUM)))) {
            *that = 1;
            return j + 1;
        }
        if (j > f && (c->tclass[j] & QW_CUE)) break;
        /* "urged both sides to avoid actions that could ...": the
         * infinitive is the content, the later "that" a relative. */
        if (qtok_text_is(c, j, "to") && j + 1 < se && (d->toks[j + 1].flags & DYAD_TOK_LOWER) &&
            !(c->tclass[j + 1] & QW_DET))
            break;
    }
    if (k & QW_RECIPIENT) {
        /* told reporters, told him, told the AP */
        if (f < se && c->tmention[f] >= 0) {
            /* "urged the United States and Europe to", "urged Ukraine's allies to" */
            for (;;) {
                f = d->mentions[c->tmention[f]].tok + d->mentions[c->tmention[f]].ntok;
                if (f + 1 < se && (c->tclass[f] & QW_CONJ) && c->tmention[f + 1] >= 0) { f++; continue; }
                break;
            }
            if (f + 1 < se && (d->toks[f].flags & DYAD_TOK_POSS)) f += 2;
        } else if (f < se && (c->tclass[f] & QW_OBJPRON)) f++;
        else if (f < se && (d->toks[f].flags & DYAD_TOK_CAP)) {
            /* an addressee no mention covers: "told BBC Radio Four's The
             * World at One his primary concern was ..." */
            while (f < se && ((d->toks[f].flags & (DYAD_TOK_CAP | DYAD_TOK_POSS)) ||
                              ((c->tclass[f] & (QW_DET | QW_PREP)) && f + 1 < se && (d->toks[f + 1].flags & DYAD_TOK_CAP))))
                f++;
        }
        else {
            uint32_t g = f;
            if (g < se && (c->tclass[g] & QW_DET)) g++;
            if (g < se && (c->tclass[g] & QW_RECIPNOUN)) f = g + 1;
        }
    }
    f = skip_framing(c, f, se);
    if (f == QNONE || f >= se) return QNONE;
    /* A commitment may report an infinitive: "threatened to quit". */
    if ((k & QW_NEEDTHAT) && !clause_at(c, f, se) && !((k & QW_STANCE) && qtok_text_is(c, f, "to"))) return QNONE;
    return f;
}

static uint32_t content_end(const qctx *c, uint32_t f, uint32_t se)
{
    uint32_t lim = window_end(f, se);
    for (uint32_t j = f; j < lim; j++) {
        if (c->tspan[j] >= 0) continue;
        if (is_char(c, j, ';')) return j;
        if (content_stops_at(c, j, se)) return j;
        /* Another speaker's cue ("... Y said B"): the content ends before
         * Y, unless Y opens it (nested speech: "X said Y said B"). */
        if (j > f && c->tmention[j - 1] >= 0 && qcue_at(c, j, QW_SPEECH, -1)) {
            uint32_t m = c->d->mentions[c->tmention[j - 1]].tok;
            if (m > f && word_count(c, f, m) >= 3) return m;
        }
        /* "... and accused Kyiv of ...", "..., and dismissed a warning": a
         * second verb of the speaker's own is reported on its own. */
        if ((c->tclass[j] & QW_CONJ) && j > f) {
            uint32_t k = j + 1;
            while (k < se && (c->tclass[k] & QW_ADVERB)) k++;
            uint32_t classes = is_char(c, j - 1, ',') ? QW_CUE : QW_SPEECH | QW_CHARACT;
            if (k < se && qcue_at(c, k, classes, -1)) {
                while (j > f && is_char(c, j - 1, ',')) j--;
                return j;
            }
        }
    }
    return lim;
}

/* The first token after a dateline ("SEOUL, Oct. 29 (Reuters) -"), or sb:
 * a dash within the first words that follows a closing parenthesis or
 * a word in capitals. */
static uint32_t after_dateline(const qctx *c, uint32_t sb, uint32_t se)
{
    const dyad_doc *d = c->d;
    for (uint32_t i = sb + 1; i < se && i < sb + 16; i++)
        if ((d->toks[i].flags & DYAD_TOK_DASH) &&
            (d->toks[i - 1].flags & (DYAD_TOK_CLOSE | DYAD_TOK_UPPER)))
            return i + 1;
    return sb;
}

/* Content before the attribution: "CONTENT, X said." */
static int inverted(const qctx *c, uint32_t cue, int32_t spk, uint32_t sb, uint32_t se, uint32_t *b, uint32_t *e)
{
    const dyad_doc *d = c->d;
    const dyad_mention *m = &d->mentions[spk];
    uint32_t a;
    if (m->tok + m->ntok <= cue && c->tsent[m->tok] == c->tsent[cue]) {
        a = m->tok;
        for (uint32_t j = m->tok + m->ntok; j < cue; j++)
            if (!(c->tclass[j] & QW_ADVERB)) return 0;
        /* The subject's words before the mention: "the U.N. watchdog's
         * chief Rafael Grossi said". */
        for (uint32_t steps = 0; a > sb + 1 && steps < 6 && !is_char(c, a - 1, ','); steps++) {
            uint32_t f = d->toks[a - 1].flags;
            if (!(f & (DYAD_TOK_WORD | DYAD_TOK_POSS)) || (c->tclass[a - 1] & (QW_CUE | QW_CONJ | QW_THAT))) break;
            a--;
        }
    } else if (m->tok == cue + 1) a = cue;
    else return 0;
    if (a <= sb + 1 || !is_char(c, a - 1, ',')) return 0;
    /* Nothing but a short tail after the attribution ("six years ago,
     * during a rally"), and no that-clause: "Pyongyang announced it had
     * test-fired ..." reports forwards. */
    uint32_t t = m->tok == cue + 1 ? cue + 1 + m->ntok : cue + 1;
    for (uint32_t j = cue + 1; j < window_end(cue + 1, se); j++)
        if (c->tclass[j] & QW_THAT) return 0;
    if (t < se && !(d->toks[t].flags & (DYAD_TOK_TERM | DYAD_TOK_COMMA | DYAD_TOK_NUM | DYAD_TOK_DASH)) &&
        !(c->tclass[t] & (QW_PREP | QW_ADVERB | QW_TIMENOUN | QW_TIMEWORD | QW_TIMEMOD)))
        return 0;
    uint32_t cb = after_dateline(c, sb, a - 1);
    while (cb < a - 1 && (qtok_is_mark(c, cb) || (d->toks[cb].flags & DYAD_TOK_DASH))) cb++;
    uint32_t k = c->tclass[cb];
    if ((k & (QW_PREP | QW_SUBORD | QW_FRONTED)) || qtok_ends_ing(c, cb)) return 0;
    for (uint32_t j = cb; j < cb + 3 && j < a - 1; j++)
        if (c->tclass[j] & QW_SUBORD) return 0;            /* "Just hours before ..." */
    if (word_count(c, cb, a - 1) < 4 || has_speech(c, cb, a - 1)) return 0;
    *b = cb;
    *e = a - 1;
    return 1;
}

static int accuse_or_call_for(const qctx *c, uint32_t i)
{
    const dyad_token *t = &c->d->toks[i];
    const char *s = c->d->text + t->off;
    if (t->len >= 4 && (s[0] | 32) == 'a' && (s[1] | 32) == 'c' && (s[2] | 32) == 'c') return 1;    /* accuse */
    return i + 1 < c->d->n_toks && (qtok_text_is(c, i + 1, "for") || qtok_text_is(c, i + 1, "on"));
}

static int has_quote(const qctx *c, uint32_t b, uint32_t e)
{
    for (uint32_t i = b; i < e; i++)
        if (c->tspan[i] >= 0) return 1;
    return 0;
}

static void according_to(qctx *c, uint32_t i, uint32_t sb, uint32_t se)
{
    if (has_speech(c, sb, i) || has_speech(c, i + 2, se)) return;
    int32_t spk = quote_subject(c, i, QNONE);
    if (spk < 0) return;
    uint32_t lead = sb;
    while (lead < i && (c->tclass[lead] & QW_CONJ)) lead++;
    if (i == lead) {
        uint32_t j = i + 2;
        while (j < se && !is_char(c, j, ',')) j++;
        if (j + 1 < se) emit_content(c, j + 1, content_end(c, j + 1, se), c->tsent[i], spk, i);
    } else if (i > sb && is_char(c, i - 1, ','))
        emit_content(c, after_dateline(c, sb, i - 1), i - 1, c->tsent[i], spk, i);
}

void quote_indirect(qctx *c)
{
    const dyad_doc *d = c->d;
    for (uint32_t s = 0; s < d->n_sents; s++) {
        if (d->sents[s].flags & DYAD_PARA_HEADING) continue;
        uint32_t sb = qsent_first(c, s), se = qsent_end(c, s);
        if (se > sb && is_char(c, se - 1, ':')) continue;
        for (uint32_t i = sb; i < se; i++) {
            if (!(c->tclass[i] & (QW_SPEECH | QW_CHARACT | QW_ACCORDING)) || c->tcue_used[i] ||
                !qcue_at(c, i, QW_SPEECH | QW_CHARACT, -1))
                continue;
            if (c->tclass[i] & QW_READ) continue;
            if (c->tclass[i] & QW_ACCORDING) { according_to(c, i, sb, se); continue; }
            if (negated_or_passive(c, i, sb)) continue;
            int32_t spk = quote_subject(c, i, QNONE);
            if (spk < 0) continue;
            int that = 0;
            uint32_t f = content_start(c, i, se, &that);
            uint32_t b, e;
            if (!that && inverted(c, i, spk, sb, se, &b, &e)) {
                emit_content(c, b, e, s, spk, i);
                continue;
            }
            if (f == QNONE) continue;
            /* "which he said would never happen", "a company it accused of
             * helping": the content's subject or object is elsewhere. */
            if ((c->tclass[f] & QW_AUX) && that) f--;            /* "said that would be a mistake" */
            else if ((c->tclass[f] & QW_AUX) || ((c->tclass[i] & QW_CHARACT) && qtok_text_is(c, f, "of"))) continue;
            /* "called the summit the “start of ...”" reports words; "called
             * an election", "described the plan" do not: a characterising
             * verb needs a quotation in its content ("accused Y of" and
             * "called for" do not). */
            if ((c->tclass[i] & QW_CHARACT) && !(c->tclass[i] & QW_SPEECH) && !accuse_or_call_for(c, i) &&
                !has_quote(c, f, content_end(c, f, se)))
                continue;
            /* The content is a direct quotation: reported already. */
            if (c->tspan[f] >= 0 && c->spans[c->tspan[f]].kind == DYAD_QUOTE_DIRECT) continue;
            emit_content(c, f, content_end(c, f, se), s, spk, i);
        }
    }
}
