/*
 * match.c - recognition: one sentence's tokens -> atoms -> proto-mentions.
 *
 * Step 1, atoms.  Left to right, the longest lexicon name that starts at a
 * token and passes the case rules becomes an AT_NAME atom (all the names
 * that share that token run are kept: "Congress" is an org and an agent).
 * Capitalised tokens that no name covers join into AT_CAPS runs (possible
 * unknown names) and third-person pronouns become AT_PRON.  Cost: one bit
 * test per token for the common word that starts no name.
 *
 * Step 2, composition, over the atoms and the small words between them:
 *
 *   [the] [senior] COUNTRY-WORD ['s] [top] AGENT [NAME]     one mention
 *       "senior North Korean official Kim Yong Chol", "Pyongyang's Foreign
 *       Ministry", "the then-45th U.S. president"
 *   COUNTRY-WORD (, COUNTRY-WORD)* and COUNTRY-WORD AGENT   one per country
 *       "U.S. and South Korean officials"
 *   North and SOUTH KOREA                                   "North" is PRK
 *   AGENT NAME [of COUNTRY-WORD]                            title + name
 *       "Secretary of State Mike Pompeo", "rebel commander Abu Khalid"
 *   the AGENT / Mr. AGENT                                   descriptor
 *   PERSON 's AGENT                                         "Kim Jong Un's government"
 *   ORG ['s] AGENT / ORG 's NAME                            "Hamas leader", "Fox News' Adam Shaw"
 *   NAME , the COUNTRY-WORD AGENT                           appositive: places an unknown name
 *
 * A country word is a country name, adjective, capital or seat.  Unknown
 * names placed by a title or appositive become candidates (how CONTEXT).
 * The proto-mentions (act_pm) go to coref.c in text order.
 */
#include "actors_int.h"

#include <string.h>

/* ------------------------------------------------------------ lexicon lookup */

static int case_ok(const actors_lexicon *lex, const dyad_doc *doc, const act_ltok *lt, const dyad_token *t)
{
    switch (lt->rule) {
    case CASE_CAP: return (t->flags & (DYAD_TOK_CAP | DYAD_TOK_UPPER | DYAD_TOK_NOCASE)) != 0;
    case CASE_EXACT: return t->len == lt->len && !memcmp(doc->text + t->off, lex->text + lt->off, t->len);
    default: return 1;
    }
}

uint32_t act_longest(const actors_lexicon *lex, const dyad_doc *doc, uint32_t i, uint32_t end,
                     uint32_t *first, uint64_t *pass)
{
    uint32_t h = HASH_SEED, best = 0;
    *pass = 0;
    for (uint32_t k = 0; i + k < end && k < ACT_MAX_NAME_TOKS; k++) {
        h = hash_seq(h, doc->toks[i + k].hash);
        const act_slot *s = act_table_find(&lex->table, h);
        if (!s) break;
        uint64_t ok = 0;
        for (uint32_t c = 0; c < s->count && c < 64; c++) {
            const act_name *nm = &lex->names[s->first + c];
            if (nm->ntok != k + 1) continue;
            uint32_t q = 0;
            for (; q <= k; q++) {
                const act_ltok *lt = &lex->ltoks[nm->ltok + q];
                const dyad_token *t = &doc->toks[i + q];
                if (lt->hash != t->hash || !case_ok(lex, doc, lt, t)) break;
            }
            if (q > k) ok |= 1ull << c;
        }
        if (ok) {
            best = k + 1;
            *first = s->first;
            *pass = ok;
        }
        if (!s->prefix) break;
    }
    return best;
}

/* ------------------------------------------------------------ helpers */

void *act_avec(dyad_arena *a, void *p, uint32_t *cap, uint32_t need, size_t elem)
{
    if (need <= *cap) return p;
    uint32_t nc = *cap ? *cap : 32;
    while (nc < need) nc *= 2;
    void *q = dyad_arena_alloc(a, (size_t)nc * elem);
    if (p && *cap) memcpy(q, p, (size_t)*cap * elem);
    *cap = nc;
    return q;
}

typedef struct {
    act_doc *ad;
    const actors_lexicon *lex;
    const dyad_doc *doc;
    uint32_t sb, se;        /* sentence token range */
} mctx;

static const dyad_token *T(const mctx *m, uint32_t i) { return &m->doc->toks[i]; }
static uint16_t wclass(const mctx *m, uint32_t i) { return act_words_get(&m->lex->words, m->doc->toks[i].hash); }
static int is_word(const mctx *m, uint32_t i, uint32_t h) { return i >= m->sb && i < m->se && m->doc->toks[i].hash == h; }

static int has_kind(const act_atom *a, int k) { return a->type == AT_NAME && (a->kinds & (1u << k)); }
static int is_cw(const act_atom *a)
{
    return has_kind(a, NK_COUNTRY) || has_kind(a, NK_ADJ) || has_kind(a, NK_CAPITAL) || has_kind(a, NK_SEAT);
}
static const act_name *name_of(const mctx *m, const act_atom *a, int kind)
{
    if (a->type != AT_NAME || !(a->kinds & (1u << kind))) return NULL;
    for (uint64_t b = a->pass; b; b &= b - 1) {
        const act_name *n = &m->lex->names[a->first + (uint32_t)__builtin_ctzll(b)];
        if (n->kind == kind) return n;
    }
    return NULL;
}
/* The country word's best reading: name, capital/seat, adjective. */
static const act_name *cw_name(const mctx *m, const act_atom *a)
{
    const act_name *n = name_of(m, a, NK_COUNTRY);
    if (!n) n = name_of(m, a, NK_CAPITAL);
    if (!n) n = name_of(m, a, NK_SEAT);
    if (!n) n = name_of(m, a, NK_ADJ);
    return n;
}
static uint32_t aend(const act_atom *a) { return a->tok + a->ntok; }

/* An ordinal ("45th") or a premodifier word, or the dash inside "then–45th". */
static int is_premod(const mctx *m, uint32_t i)
{
    if (i < m->sb || i >= m->se) return 0;
    const dyad_token *t = T(m, i);
    if ((t->flags & DYAD_TOK_WORD) && (t->flags & DYAD_TOK_LOWER) && (wclass(m, i) & WC_PREMOD)) return 1;
    if (t->flags & DYAD_TOK_NUM) {
        const char *s = m->doc->text + t->off;
        if (t->len >= 3) {
            const char *e = s + t->len - 2;
            return !memcmp(e, "st", 2) || !memcmp(e, "nd", 2) || !memcmp(e, "rd", 2) || !memcmp(e, "th", 2);
        }
    }
    /* then–45th: a dash right after "then" or "ex" */
    if ((t->flags & (DYAD_TOK_DASH | DYAD_TOK_PUNCT)) && !(t->flags & DYAD_TOK_SPACE) && i > m->sb &&
        (wclass(m, i - 1) & WC_PREMOD) && t->len <= 3 && !(t->flags & (DYAD_TOK_TERM | DYAD_TOK_COMMA)))
        return 1;
    /* then-president, ex-president: the hyphenated premodifier is one token */
    if ((t->flags & DYAD_TOK_HYPHEN) && (t->flags & DYAD_TOK_LOWER)) {
        const char *s = m->doc->text + t->off;
        if ((t->len > 5 && !memcmp(s, "then-", 5)) || (t->len > 3 && !memcmp(s, "ex-", 3)) ||
            (t->len > 7 && !memcmp(s, "former-", 7)))
            return 1;
    }
    return 0;
}

/* Extend a span start leftwards over premodifiers and one "the" (or an
 * honorific); returns the new start and sets *the. */
static uint32_t extend_left(const mctx *m, uint32_t start, uint32_t floor, int *the)
{
    *the = 0;
    uint32_t i = start;
    while (i > floor && i > m->sb && is_premod(m, i - 1)) i--;
    if (i > floor && i > m->sb) {
        uint32_t h = T(m, i - 1)->hash;
        if (h == m->lex->w.the) { i--; *the = 1; }
        else if (wclass(m, i - 1) & WC_HONORIFIC) { i--; *the = 2; }
    }
    return i;
}

/* The end of the previous atom or of the sentence start: composition never
 * reaches back into another atom. */
static uint32_t floor_of(const mctx *m, uint32_t j)
{
    const act_doc *ad = m->ad;
    return j ? aend(&ad->atoms[j - 1]) : m->sb;
}

static act_pm *new_pm(mctx *m, uint32_t tok, uint32_t end, uint8_t kind, uint8_t how)
{
    act_doc *ad = m->ad;
    ad->pms = act_avec(ad->doc->arena, ad->pms, &ad->cap_pms, ad->n_pms + 1, sizeof *ad->pms);
    act_pm *p = &ad->pms[ad->n_pms++];
    memset(p, 0, sizeof *p);
    p->tok = tok;
    p->ntok = end - tok;
    p->kind = kind;
    p->how = how;
    p->country = p->agent = p->person = p->org = p->atom = p->poss_of = p->title_agent = -1;
    return p;
}

static void set_code2(char *dst, const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la + lb >= ACT_CODE) lb = ACT_CODE - 1 - la;
    memcpy(dst, a, la);
    memcpy(dst + la, b, lb);
    dst[la + lb] = 0;
}

/* Code of a country word + agent: PRK + GOV; a capital alone is CCCGOV. */
static void cw_code(const mctx *m, const act_name *cw, const act_agent *ag, char *out)
{
    const char *cc = m->lex->countries[cw->target].code;
    if (ag) set_code2(out, cc, ag->code);
    else if (cw->kind == NK_CAPITAL || cw->kind == NK_SEAT) set_code2(out, cc, "GOV");
    else set_code2(out, cc, "");
}

/* ------------------------------------------------------------ unknown names */

/* Words that make a capitalised run an organisation or a place, not a
 * person (the list is in lexicon.c, class WC_ORGISH). */
static int orgish(const mctx *m, uint32_t i)
{
    return (wclass(m, i) & WC_ORGISH) != 0;
}

/* Is the CAPS atom a plausible person name?  Two tokens or more, or one
 * that is not the first word of the sentence; no organisation word. */
static int namelike(const mctx *m, const act_atom *a, int allow_single)
{
    if (a->type != AT_CAPS) return 0;
    if (a->ntok > 5) return 0;
    if (a->ntok == 1 && (!allow_single || a->tok == m->sb)) return 0;
    uint32_t words = 0;
    for (uint32_t i = a->tok; i < aend(a); i++) {
        if (orgish(m, i)) return 0;
        if (T(m, i)->flags & DYAD_TOK_WORD) words++;
    }
    return words > 0;
}

static const char *span_str(mctx *m, uint32_t b, uint32_t e)
{
    const dyad_doc *d = m->doc;
    uint32_t off = d->toks[b].off, end = d->toks[e - 1].off + d->toks[e - 1].len;
    return dyad_arena_strndup(m->ad->doc->arena, d->text + off, end - off);
}

static act_pm *candidate(mctx *m, uint32_t start, const act_atom *name, const char *code,
                         int32_t country, int32_t agent)
{
    act_pm *p = new_pm(m, start, aend(name), DYAD_ACTOR_CANDIDATE, DYAD_HOW_CONTEXT);
    p->cand_name = span_str(m, name->tok, aend(name));
    snprintf(p->code, sizeof p->code, "%s", code);
    p->country = country;
    p->agent = agent;
    p->title_agent = agent;
    p->quoted = name->quoted;
    if (agent >= 0) p->gender = m->lex->agents[agent].gender;
    return p;
}

static uint32_t possessed_agent(mctx *m, uint32_t j, int32_t owner_pm);

/* ------------------------------------------------------------ the name after a title */

/* Agent nouns that do not stand as titles before a name ("a British
 * national", "the Marine Chronometer"): no candidate is made after them. */
static int titles_names(const mctx *m, const act_agent *ag)
{
    static const char *const no[] = {
        "national", "general", "citizen", "resident", "civilian", "local", "native", "person", "man",
        "woman", "boy", "girl", "child", "marine", "member", "worker", "student", "voter", "expert",
        "fan", "supporter", "people", "fighter", "guard", "winner", "veteran", "user", NULL,
    };
    (void)m;
    for (const char *const *w = no; *w; w++) if (!strcmp(ag->name, *w)) return 0;
    return 1;
}

/* A title (agent noun, maybe with a country word) followed by a name:
 * "President Donald Trump", "President Trump", "rebel commander Abu Khalid".
 * cw may be NULL.  Returns 1 when a mention was made. */
static int title_name(mctx *m, uint32_t start, const act_name *cw, const act_name *ag_name, uint32_t k,
                      const char *org_code)
{
    act_doc *ad = m->ad;
    if (k == 0 || k >= ad->n_atoms) return 0;
    act_atom *nx = &ad->atoms[k];
    if (nx->tok != aend(&ad->atoms[k - 1]) || nx->used) return 0;     /* the name follows the title at once */
    const act_agent *ag = ag_name ? &m->lex->agents[ag_name->target] : NULL;
    if (ag && (ag_name->plural || !ag->person)) return 0;
    const act_name *pn = name_of(m, nx, NK_PERSON);
    int head = ag && ag->head;
    if (pn) {
        act_pm *p = new_pm(m, start, aend(nx), DYAD_ACTOR_PERSON, DYAD_HOW_LEXICON);
        p->person = (int32_t)pn->target;
        p->title_agent = ag ? (int32_t)ag_name->target : -1;
        p->foreign = cw != NULL;
        p->home_title = !cw && head;
        p->quoted = nx->quoted;
        nx->used = 1;
        possessed_agent(m, k, (int32_t)(ad->n_pms - 1));     /* "... Mike Pompeo's delegation" */
        return 1;
    }
    if (has_kind(nx, NK_SURNAME) && !(k + 1 < ad->n_atoms && ad->atoms[k + 1].tok == aend(nx) &&
                                      ad->atoms[k + 1].type == AT_CAPS)) {
        act_pm *p = new_pm(m, start, aend(nx), DYAD_ACTOR_PERSON, DYAD_HOW_LEXICON);
        p->surname = 1;
        p->atom = (int32_t)k;
        p->title_agent = ag ? (int32_t)ag_name->target : -1;
        p->foreign = cw != NULL;
        p->home_title = !cw && head;
        p->quoted = nx->quoted;
        if (cw) p->country = (int32_t)cw->target;
        nx->used = 1;
        possessed_agent(m, k, (int32_t)(ad->n_pms - 1));
        return 1;
    }
    /* An unknown name, or a surname glued to an unknown given name. */
    uint32_t nb = nx->tok, ne = aend(nx);
    if (nx->type == AT_CAPS || has_kind(nx, NK_SURNAME)) {
        /* The run goes on over further capitalised words, surnames and even
         * a known full name: "Ali Mahmoud Abbas" is not Mahmoud Abbas. */
        uint32_t q = k;
        while (q + 1 < ad->n_atoms && ad->atoms[q + 1].tok == ne &&
               (ad->atoms[q + 1].type == AT_CAPS || has_kind(&ad->atoms[q + 1], NK_SURNAME) ||
                (nx->type == AT_CAPS && has_kind(&ad->atoms[q + 1], NK_PERSON))))
            ne = aend(&ad->atoms[++q]);
        act_atom run = *nx;
        run.type = AT_CAPS;
        run.tok = nb;
        run.ntok = ne - nb;
        /* One word after a title is a name only in "French President
         * Macron"; "General Motors", "King Kong" and "National Theatre" are
         * not people. */
        if (!namelike(m, &run, cw && head) || (ag && !titles_names(m, ag))) return 0;
        char code[ACT_CODE] = "";
        int32_t country = cw ? (int32_t)cw->target : -1;
        /* "Foreign Minister Jane Doe of Ruritania" */
        uint32_t end = ne;
        if (!cw && q + 1 < ad->n_atoms && is_word(m, ne, m->lex->w.of) && ad->atoms[q + 1].tok == ne + 1 &&
            is_cw(&ad->atoms[q + 1])) {
            const act_name *c2 = cw_name(m, &ad->atoms[q + 1]);
            country = (int32_t)c2->target;
            ad->atoms[q + 1].used = 1;
            end = aend(&ad->atoms[q + 1]);
        }
        if (org_code) snprintf(code, sizeof code, "%s", org_code);
        else if (country >= 0) set_code2(code, m->lex->countries[country].code, ag ? ag->code : "");
        else if (ag) snprintf(code, sizeof code, "%s", ag->code);
        act_pm *p = candidate(m, start, &run, code, country, ag ? (int32_t)ag_name->target : -1);
        p->ntok = end - start;
        p->foreign = cw != NULL;
        for (uint32_t z = k; z <= q; z++) ad->atoms[z].used = 1;
        return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ compositions */

/* Are all tokens in [b, e) premodifiers ("senior", "top", "then-")? */
static int premods_between(const mctx *m, uint32_t b, uint32_t e)
{
    for (uint32_t i = b; i < e; i++) if (!is_premod(m, i)) return 0;
    return 1;
}

/* Atom k is an agent noun that starts at token `from`, or after
 * premodifiers from there ("top nuclear envoy": the agent may itself begin
 * with a premodifier word, so the atom decides where it starts). */
static const act_name *agent_at(mctx *m, uint32_t k, uint32_t from)
{
    if (k >= m->ad->n_atoms) return NULL;
    const act_atom *a = &m->ad->atoms[k];
    if (a->tok < from || a->used || !premods_between(m, from, a->tok)) return NULL;
    return name_of(m, a, NK_AGENT);
}

/* Is the word at i a noun that the name before it modifies ("the Singapore
 * summit")?  Then a "the" before the name belongs to that noun.  Without a
 * tagger a verb ("the US told") looks the same, so only the nouns news copy
 * most often puts after a place name count. */
static int attributive(const mctx *m, uint32_t i)
{
    static const char *const nouns[] = {
        "summit", "talks", "meeting", "side", "border", "embassy", "economy", "war", "crisis", "issue",
        "deal", "agreement", "case", "conflict", "election", "elections", "market", "markets", "team",
        "region", "coast", "front", "visit", "trip", "question", "problem", "policy", "relationship",
        "relations", "accord", "treaty", "declaration", "process", "dollar", "currency", "model",
        "programme", "program", "sanctions", "capital", "office", "bureau", "branch", "unit",
        "subsidiary", "operations", "plant", "factory", "project", "pipeline", "route", "strait",
        "peninsula", "issue", "dispute", "standoff", "negotiations", "framework", "plan", "proposal",
        "bid", "case", "trial", "verdict", "ruling", "law", "constitution", "budget", "debt", "bonds",
        "stocks", "shares", "index", "rate", "rates", "economy", "tour", "leg", "stop", NULL,
    };
    if (i >= m->se) return 0;
    const dyad_token *t = T(m, i);
    if (!(t->flags & DYAD_TOK_WORD) || !(t->flags & DYAD_TOK_LOWER)) return 0;
    for (const char *const *w = nouns; *w; w++)
        if (strlen(*w) == t->len && !memcmp(m->doc->text + t->off, *w, t->len)) return 1;
    return 0;
}

/* "North and South Korea", "North and South Korean officials": the bare
 * capitalised word before "and" completes the same name ("North Korea").
 * Returns that name and sets *w to the word's token, or NULL. */
static const act_name *partial_coord(const mctx *m, uint32_t j, uint32_t *w)
{
    const act_doc *ad = m->ad;
    const actors_lexicon *lex = m->lex;
    const act_atom *a = &ad->atoms[j];
    const act_name *n = cw_name(m, a);
    if (!n || n->ntok < 2 || a->tok < m->sb + 2 || !is_word(m, a->tok - 1, lex->w.and_)) return NULL;
    uint32_t t = a->tok - 2;
    const dyad_token *tk = T(m, t);
    if (!(tk->flags & DYAD_TOK_CAP) || j == 0 || ad->atoms[j - 1].type != AT_CAPS || aend(&ad->atoms[j - 1]) != t + 1)
        return NULL;
    uint32_t h = hash_seq(HASH_SEED, tk->hash);
    const act_ltok *lt = &lex->ltoks[n->ltok];
    for (uint32_t q = 1; q < n->ntok; q++) h = hash_seq(h, lt[q].hash);
    const act_slot *s = act_table_find(&lex->table, h);
    for (uint32_t c = 0; s && c < s->count; c++) {
        const act_name *o = &lex->names[s->first + c];
        if (o->kind != n->kind || o->ntok != n->ntok || lex->ltoks[o->ltok].hash != tk->hash) continue;
        *w = t;
        return o;
    }
    return NULL;
}

/* A country word at atom j.  Returns the next atom to look at. */
static uint32_t compose_cw(mctx *m, uint32_t j)
{
    act_doc *ad = m->ad;
    const actors_lexicon *lex = m->lex;
    /* Coordination: CW (, CW)* (and|or) CW, all before one agent. */
    uint32_t list[16], nl = 0, k = j;
    list[nl++] = j;
    while (nl < 16 && k + 1 < ad->n_atoms) {
        uint32_t e = aend(&ad->atoms[k]);
        const act_atom *nx = &ad->atoms[k + 1];
        if (!is_cw(nx) || nx->used) break;
        int comma = e < m->se && (T(m, e)->flags & DYAD_TOK_COMMA) && nx->tok == e + 1;
        int conj = (is_word(m, e, lex->w.and_) || is_word(m, e, lex->w.or_)) && nx->tok == e + 1;
        int comma_conj = e + 1 < m->se && (T(m, e)->flags & DYAD_TOK_COMMA) &&
                         (is_word(m, e + 1, lex->w.and_) || is_word(m, e + 1, lex->w.or_)) && nx->tok == e + 2;
        if (!comma && !conj && !comma_conj) break;
        list[nl++] = ++k;
        if (conj || comma_conj) break;
    }
    /* What follows the last country word: 's, premodifiers, an agent? */
    uint32_t last = list[nl - 1];
    const act_atom *la = &ad->atoms[last];
    uint32_t pos = aend(la);
    int poss = pos < m->se && (T(m, pos)->flags & DYAD_TOK_POSS);
    if (poss) pos++;
    const act_name *ag_name = agent_at(m, last + 1, pos);
    if (!ag_name && nl > 1) {
        /* No shared agent: only the first country word is taken here; the
         * others are looked at on their own. */
        nl = 1;
        last = j;
        la = &ad->atoms[j];
        pos = aend(la);
        poss = pos < m->se && (T(m, pos)->flags & DYAD_TOK_POSS);
        if (poss) pos++;
        ag_name = agent_at(m, j + 1, pos);
    }
    int the;
    uint32_t start = extend_left(m, ad->atoms[j].tok, floor_of(m, j), &the);
    int indefinite = !the && start > m->sb && (T(m, start - 1)->hash == lex->w.a || T(m, start - 1)->hash == lex->w.an);
    uint32_t pw;
    const act_name *part = partial_coord(m, j, &pw);
    if (part) {
        const act_agent *pag = ag_name ? &lex->agents[ag_name->target] : NULL;
        act_pm *p = new_pm(m, pw, pw + 1, pag ? DYAD_ACTOR_ROLE : DYAD_ACTOR_COUNTRY,
                           pag ? DYAD_HOW_COMPOSED : DYAD_HOW_LEXICON);
        p->country = (int32_t)part->target;
        p->quoted = ad->atoms[j].quoted;
        p->metonym = !pag && (part->kind == NK_CAPITAL || part->kind == NK_SEAT);
        if (pag) {
            p->agent = (int32_t)ag_name->target;
            p->plural = ag_name->plural;
            p->ag_tok = ad->atoms[last + 1].tok;
            p->ag_ntok = ad->atoms[last + 1].ntok;
        }
        cw_code(m, part, pag, p->code);
        if (part->kind == NK_ADJ && !pag) m->ad->n_pms--;   /* "North and South Korean missiles": no actor */
        start = ad->atoms[j].tok;
        the = 0;
    }
    if (ag_name) {
        const act_agent *ag = &lex->agents[ag_name->target];
        uint32_t ak = last + 1;
        act_atom *aa = &ad->atoms[ak];
        /* A name after the title: one person mention for the whole run. */
        if (nl == 1) {
            const act_name *cw = cw_name(m, &ad->atoms[j]);
            if (title_name(m, start, cw, ag_name, ak + 1, NULL)) {
                ad->atoms[j].used = aa->used = 1;
                return ak + 1;
            }
        }
        for (uint32_t q = 0; q < nl; q++) {
            const act_atom *ca = &ad->atoms[list[q]];
            const act_name *cw = cw_name(m, ca);
            uint32_t b = q == 0 ? start : ca->tok;
            uint32_t e = q == nl - 1 ? aend(aa) : aend(ca);
            act_pm *p = new_pm(m, b, e, DYAD_ACTOR_ROLE, DYAD_HOW_COMPOSED);
            p->country = (int32_t)cw->target;
            p->agent = (int32_t)ag_name->target;
            p->ag_tok = aa->tok;
            p->ag_ntok = aa->ntok;
            p->plural = ag_name->plural;
            p->gender = ag->gender;
            p->quoted = ca->quoted;
            cw_code(m, cw, ag, p->code);
            /* "the North Korean leader": a descriptor that may name a person
             * already in the story.  A bare "North Korean leader" (no "the")
             * too, when no name follows. */
            p->desc = !ag_name->plural && nl == 1 && !indefinite && ag->person;
            if (ad->atoms[list[q]].kinds & (1u << NK_ADJ)) p->foreign = 1;
            ad->atoms[list[q]].used = 1;
        }
        aa->used = 1;
        return ak + 1;
    }
    /* A country word on its own. */
    act_atom *a = &ad->atoms[j];
    a->used = 1;
    const act_name *n = cw_name(m, a);
    if (n->kind == NK_ADJ && !n->plural) return j + 1;     /* "North Korean missiles": no actor */
    /* "PYONGYANG, July 7 (Dyad Wire) -": a dateline is where the story was
     * filed, not an actor. */
    if (a->tok == m->sb && (T(m, a->tok)->flags & DYAD_TOK_PARA) && (T(m, a->tok)->flags & DYAD_TOK_UPPER) &&
        m->doc->sents[m->ad->sent].para == 0 && aend(a) < m->se && (T(m, aend(a))->flags & DYAD_TOK_COMMA))
        return j + 1;
    uint32_t b = a->tok > floor_of(m, j) && is_word(m, a->tok - 1, lex->w.the) && !attributive(m, aend(a)) ? a->tok - 1 : a->tok;
    act_pm *p = new_pm(m, b, aend(a), DYAD_ACTOR_COUNTRY, DYAD_HOW_LEXICON);
    p->country = (int32_t)n->target;
    p->plural = n->plural;
    p->quoted = a->quoted;
    p->metonym = n->kind == NK_CAPITAL || n->kind == NK_SEAT;
    cw_code(m, n, NULL, p->code);
    return j + 1;
}

/* A city or region of the gazetteer before an agent noun: "Chicago
 * police" (USA + COP), "Melbourne's lord mayor", "Gyeongju city officials",
 * "Chicago Mayor Jane Doe".  The place gives the country, as a country
 * word would; its most populous bearer of the name decides.  The capitals
 * and countries of the lexicon never get here (they are lexicon atoms). */
/* Has the story so far an actor of country c (a country, its government,
 * anyone coded to it), or does this sentence name it? */
static int story_names_country(const mctx *m, int32_t c)
{
    const char *code = m->lex->countries[c].code;
    const dyad_doc *d = m->doc;
    for (uint32_t i = 0; i < d->n_entities; i++)
        if (!strncmp(d->entities[i].code, code, 3)) return 1;
    for (uint32_t i = 0; i < m->ad->n_atoms; i++) {
        const act_name *n = cw_name(m, &m->ad->atoms[i]);
        if (n && (int32_t)n->target == c) return 1;
    }
    return 0;
}

static int place_role(mctx *m, uint32_t j, uint32_t *next)
{
    act_doc *ad = m->ad;
    const actors_lexicon *lex = m->lex;
    const act_atom *a = &ad->atoms[j];
    if (j + 1 >= ad->n_atoms) return 0;
    uint32_t pos = aend(a);
    if (pos < m->se && (T(m, pos)->flags & DYAD_TOK_POSS)) pos++;
    const act_name *ag_name = agent_at(m, j + 1, pos);
    if (!ag_name) return 0;
    const gazetteer *gaz = act_places(lex);
    if (!gaz) return 0;
    /* The whole run is the place: "Wells Fargo" is no Fargo, "George Mason"
     * no Mason.  Its most populous bearer decides the country. */
    uint32_t h = HASH_SEED, first = 0;
    for (uint32_t i = a->tok; i < aend(a); i++) h = hash_seq(h, T(m, i)->hash);
    uint32_t n = gazetteer_lookup_key(gaz, h ? h : 1, &first);
    /* Which of the places of that name: a city of a million or more; else
     * the most populous in a country the story has named; else a city of
     * half a million or more, which the press names without its country.  "Ajax
     * spokesman" in a football story is not Ajax, Ontario. */
    int32_t country = -1;
    uint32_t pick = 0;
    if (n && lex->place_country[first] >= 0 && gazetteer_place(gaz, first)->population >= 1000000) {
        country = lex->place_country[first];        /* a metropolis: Melbourne is Australia's */
        pick = first;
    }
    for (uint32_t c = 0; c < n && country < 0; c++) {
        int32_t pc = lex->place_country[first + c];
        if (pc >= 0 && story_names_country(m, pc)) { country = pc; pick = first + c; }
    }
    if (country < 0 && n && lex->place_country[first] >= 0 && gazetteer_place(gaz, first)->population >= 500000) {
        country = lex->place_country[first];
        pick = first;
    }
    if (country < 0) return 0;
    uint32_t from = a->tok;
    /* A lone word opening the sentence may be any capitalised word: only a
     * city of 100,000 people or more is taken there. */
    if (a->ntok == 1 && a->tok == m->sb && gazetteer_place(gaz, pick)->population < 100000) return 0;
    /* "Oxford University", "Independence Party", "Delta Airlines": a
     * capitalised noun after the place makes one proper name, an
     * organisation of its own, unless it is a title before a name. */
    int proper = (T(m, ad->atoms[j + 1].tok)->flags & DYAD_TOK_CAP) != 0;
    act_name place = {0};
    place.kind = NK_COUNTRY;
    place.target = (uint32_t)country;
    uint32_t k = j + 1;
    act_atom *aa = &ad->atoms[k];
    const act_agent *ag = &lex->agents[ag_name->target];
    int the = 0;
    uint32_t start = from == a->tok ? extend_left(m, from, floor_of(m, j), &the) : from;
    if (title_name(m, start, &place, ag_name, k + 1, NULL)) {
        ad->atoms[j].used = aa->used = 1;
        *next = k + 1;
        return 1;
    }
    if (proper) return 0;
    act_pm *p = new_pm(m, start, aend(aa), DYAD_ACTOR_ROLE, DYAD_HOW_COMPOSED);
    p->country = country;
    p->agent = (int32_t)ag_name->target;
    p->ag_tok = aa->tok;
    p->ag_ntok = aa->ntok;
    p->plural = ag_name->plural;
    p->gender = ag->gender;
    p->quoted = a->quoted;
    cw_code(m, &place, ag, p->code);
    ad->atoms[j].used = aa->used = 1;
    *next = k + 1;
    return 1;
}

/* Agents that alone ("ministers said", "a military spokesman", "troops")
 * are the story country's: its state, forces, courts, media and groups.
 * Not "critics", "delegates", "workers", "residents", "firms": nouns
 * used of anyone, at home or abroad; nor "the rebels", mostly foreign. */
static int pronoun_of(const actors_lexicon *lex, uint32_t h);

int act_bare_kind(const act_agent *ag)
{
    static const char *const codes[] = {"GOV", "MIL", "COP", "LEG", "JUD", "NGO", "HRI", "ENV", "MED", "SPY", "LAB", NULL};
    static const char *const vague[] = {"delegate", "delegation", "worker", "leader", "official", "spokesman", "spokeswoman",
                                        "spokesperson", "source", "representative", NULL};
    /* weapons and craft ("fighter jets", "warships") are objects of the
     * sentence's own actor, not the story country's */
    static const char *const gear[] = {"jet", "aircraft", "plane", "warplane", "warship", "ship", "tank", "missile",
                                       "drone", "submarine", "boat", "gunboat", "vessel", "bomber", "fighter",
                                       "helicopter", "rocket", "weapon", "artillery", "carrier", "frigate",
                                       "destroyer", "post", "base", "unit", "battery", NULL};
    if (ag->pejorative) return 0;
    const char *sp = strrchr(ag->name, ' ');
    sp = sp ? sp + 1 : ag->name;
    for (const char *const *g = gear; *g; g++) if (!strcmp(sp, *g)) return 0;
    int ok = 0;
    for (const char *const *c = codes; *c && !ok; c++) ok = !strcmp(ag->code, *c);
    for (const char *const *v = vague; *v && ok; v++) ok = strcmp(ag->name, *v) != 0;
    return ok;
}

/* "civil rights group Liberty", "pressure group Statewatch": a body's noun
 * right before an unknown capitalised name names an organisation, a new
 * actor coded by the noun (and the story country, coref.c). */
static int body_name(mctx *m, uint32_t j, uint32_t start)
{
    act_doc *ad = m->ad;
    const act_atom *a = &ad->atoms[j];
    if (j + 1 >= ad->n_atoms) return 0;
    act_atom *nx = &ad->atoms[j + 1];
    if (nx->type != AT_CAPS || nx->tok != aend(a) || nx->used || nx->ntok > 5) return 0;
    const act_agent *ag = &m->lex->agents[name_of(m, a, NK_AGENT)->target];
    static const char *const codes[] = {"NGO", "HRI", "ENV", "REB", "UAF", "OPP", "MED", "EDU", "LAB", NULL};
    int ok = 0;
    for (const char *const *c = codes; *c && !ok; c++) ok = !strcmp(ag->code, *c);
    /* "the group Liberty", not "the newspaper Monday" */
    if (!ok || (nx->ntok == 1 && (wclass(m, nx->tok) & WC_NOTNAME))) return 0;
    /* the name runs on over capitalised atoms glued to it: "Freedom Watch"
     * (a lexicon word inside ends the caps run) */
    act_atom run = *nx;
    uint32_t e = aend(nx);
    while (e < m->se && e - run.tok < 5 && (T(m, e)->flags & DYAD_TOK_WORD) && (T(m, e)->flags & (DYAD_TOK_CAP | DYAD_TOK_UPPER)))
        e++;
    run.ntok = e - run.tok;
    uint32_t q = j + 1;
    while (q + 1 < ad->n_atoms && ad->atoms[q + 1].tok < e) q++;
    act_pm *p = candidate(m, start, &run, ag->code, -1, (int32_t)name_of(m, a, NK_AGENT)->target);
    p->is_org = 1;
    p->gender = 0;
    for (uint32_t z = j; z <= q; z++) ad->atoms[z].used = 1;
    return (int)(q - j + 1);
}

/* An agent noun with no country word before it. */
static uint32_t compose_agent(mctx *m, uint32_t j)
{
    act_doc *ad = m->ad;
    act_atom *a = &ad->atoms[j];
    const act_name *ag_name = name_of(m, a, NK_AGENT);
    const act_agent *ag = &m->lex->agents[ag_name->target];
    int the;
    uint32_t start = extend_left(m, a->tok, floor_of(m, j), &the);
    if (title_name(m, the == 2 ? start + 1 : start, NULL, ag_name, j + 1, NULL)) {
        a->used = 1;
        return j + 2;
    }
    int took = !ag->person && !ag_name->plural ? body_name(m, j, the ? start : a->tok) : 0;
    if (took) return j + (uint32_t)took;
    const act_name *org = name_of(m, a, NK_ORG);
    if (org) {
        /* "the Senate", "the Security Council": the organisation. */
        uint32_t b = a->tok > floor_of(m, j) && is_word(m, a->tok - 1, m->lex->w.the) ? a->tok - 1 : a->tok;
        act_pm *p = new_pm(m, b, aend(a), DYAD_ACTOR_ORG, DYAD_HOW_LEXICON);
        p->org = (int32_t)org->target;
        p->quoted = a->quoted;
        snprintf(p->code, sizeof p->code, "%s", m->lex->orgs[org->target].code);
        a->used = 1;
        return j + 1;
    }
    static const char *const domestic[] = {"police", "mp", "member of parliament", "lawmaker", "legislator",
                                           "parliament", "unions", "trade union", "labor union", "labour union", NULL};
    int dom = 0;
    for (const char *const *w = domestic; *w && !dom; w++) dom = !strcmp(ag->name, *w);
    const dyad_token *at = T(m, a->tok);
    if (dom && (ag_name->plural || !ag->person) &&
        !(j > 0 && ad->atoms[j - 1].type == AT_CAPS && aend(&ad->atoms[j - 1]) == a->tok) &&   /* not "Kent Police" */
        !(a->tok > m->sb && (T(m, a->tok - 1)->flags & DYAD_TOK_NUM)) &&                         /* not "5,550 police" of a force */
        !((at->flags & DYAD_TOK_CAP) && a->tok != m->sb && at->len > 1 &&                     /* not "the Workers' Party" */
          m->doc->text[at->off + 1] >= 'a' && m->doc->text[at->off + 1] <= 'z')) {
        /* "police said", "MPs voted": the country the story is about
         * (coreference finds it; none, no actor) */
        act_pm *p = new_pm(m, the ? start : a->tok, aend(a), DYAD_ACTOR_ROLE, DYAD_HOW_COREF_DESC);
        p->agent = (int32_t)ag_name->target;
        p->plural = ag_name->plural;
        p->desc = 3;
        p->quoted = a->quoted;
        a->used = 1;
        return j + 1;
    }
    int proper = (at->flags & DYAD_TOK_CAP) && a->tok != m->sb && at->len > 1 &&
                 m->doc->text[at->off + 1] >= 'a' && m->doc->text[at->off + 1] <= 'z';
    if (the && !ag_name->plural) {
        /* "the despot", "the ministry", "Mr. President": a descriptor. */
        act_pm *p = new_pm(m, start, aend(a), DYAD_ACTOR_ROLE, DYAD_HOW_COREF_DESC);
        p->agent = (int32_t)ag_name->target;
        p->gender = ag->gender;
        p->desc = 2;            /* no country word: only coreference can code it */
        p->quoted = a->quoted;
        a->used = 1;
    } else if ((ag_name->plural || (ag->person && a->tok > m->sb &&
                                    (is_word(m, a->tok - 1, m->lex->w.a) || is_word(m, a->tok - 1, m->lex->w.an)))) &&
               act_bare_kind(ag) && !proper &&
               /* "its nuclear forces": the pronoun's, not the story's */
               !(a->tok > m->sb && pronoun_of(m->lex, T(m, a->tok - 1)->hash)) &&
               !(a->tok > m->sb + 1 && (T(m, a->tok - 1)->flags & DYAD_TOK_LOWER) && pronoun_of(m->lex, T(m, a->tok - 2)->hash)) &&
               !(j > 0 && ad->atoms[j - 1].type == AT_CAPS && aend(&ad->atoms[j - 1]) == a->tok) &&
               !(a->tok > m->sb && (T(m, a->tok - 1)->flags & DYAD_TOK_NUM))) {
        /* "ministers said", "a military spokesman", "campaign groups": no
         * one in particular, the story country's actors of that kind (issue
         * 15.4); coreference gives the country, none, no actor. */
        act_pm *p = new_pm(m, a->tok, aend(a), DYAD_ACTOR_ROLE, DYAD_HOW_COREF_DESC);
        p->agent = (int32_t)ag_name->target;
        p->plural = ag_name->plural;
        p->gender = ag->gender;
        p->desc = 4;
        p->quoted = a->quoted;
        a->used = 1;
    }
    return j + 1;
}

/* PERSON or ORG or surname followed by 's and an agent noun:
 * "Kim Jong Un's government", "Pompeo's delegation", "Hamas's military wing". */
static uint32_t possessed_agent(mctx *m, uint32_t j, int32_t owner_pm)
{
    act_doc *ad = m->ad;
    act_atom *a = &ad->atoms[j];
    uint32_t pos = aend(a);
    if (pos >= m->se || !(T(m, pos)->flags & DYAD_TOK_POSS)) return j + 1;
    const act_name *ag_name = agent_at(m, j + 1, pos + 1);
    if (!ag_name) return j + 1;
    act_atom *aa = &ad->atoms[j + 1];
    const act_agent *ag = &m->lex->agents[ag_name->target];
    act_pm *p = new_pm(m, aend(a) + 1, aend(aa), DYAD_ACTOR_ROLE, DYAD_HOW_COMPOSED);
    p->agent = (int32_t)ag_name->target;
    p->ag_tok = aa->tok;
    p->ag_ntok = aa->ntok;
    p->plural = ag_name->plural;
    p->gender = ag->gender;
    p->poss_of = owner_pm;
    p->quoted = aa->quoted;
    aa->used = 1;
    return j + 2;
}

static uint32_t compose_org(mctx *m, uint32_t j)
{
    act_doc *ad = m->ad;
    act_atom *a = &ad->atoms[j];
    const act_name *on = name_of(m, a, NK_ORG);
    const act_org *org = &m->lex->orgs[on->target];
    uint32_t start = a->tok;
    if (start > floor_of(m, j) && is_word(m, start - 1, m->lex->w.the)) start--;
    uint32_t pos = aend(a);
    int poss = pos < m->se && (T(m, pos)->flags & DYAD_TOK_POSS);
    const act_name *ag_name = agent_at(m, j + 1, pos + (uint32_t)poss);
    a->used = 1;
    if (ag_name) {
        /* "Hamas leader Yahya Sinwar", "UN officials": the org's code. */
        if (title_name(m, start, NULL, ag_name, j + 2, org->code)) { ad->atoms[j + 1].used = 1; return j + 2; }
        act_pm *p = new_pm(m, start, aend(&ad->atoms[j + 1]), DYAD_ACTOR_ROLE, DYAD_HOW_COMPOSED);
        p->org = (int32_t)on->target;
        p->ag_tok = ad->atoms[j + 1].tok;
        p->ag_ntok = ad->atoms[j + 1].ntok;
        p->agent = (int32_t)ag_name->target;
        p->plural = ag_name->plural;
        p->quoted = a->quoted;
        snprintf(p->code, sizeof p->code, "%s", org->code);
        ad->atoms[j + 1].used = 1;
        return j + 2;
    }
    /* "The FSA has been investigating" in a story that never names Syria:
     * an all-capitals short name of a national armed group (CCCREB...)
     * stands for it only when the story is about its country (the UK's
     * Financial Services Authority is not the Free Syrian Army; the RSF of
     * a press-freedom story is not Sudan's militia).  The FBI, VW or AP
     * need no such context. */
    if (!org->media && a->ntok == 1 && (T(m, a->tok)->flags & DYAD_TOK_UPPER) && T(m, a->tok)->len <= 5 &&
        strlen(org->code) >= 6 && !strncmp(org->code + 3, "REB", 3)) {
        int32_t c = -1;
        for (uint32_t k = 0; k < m->lex->n_countries && c < 0; k++)
            if (!strncmp(m->lex->countries[k].code, org->code, 3)) c = (int32_t)k;
        if (c >= 0 && !story_names_country(m, c)) return j + 1;
    }
    /* "Amnesty International UK", "Oxfam America": the organisation's
     * national branch is the organisation, not the country. */
    uint32_t end = aend(a);
    if (j + 1 < ad->n_atoms && ad->atoms[j + 1].tok == end && has_kind(&ad->atoms[j + 1], NK_COUNTRY) &&
        !(T(m, end)->flags & DYAD_TOK_LOWER)) {
        ad->atoms[j + 1].used = 1;
        end = aend(&ad->atoms[j + 1]);
    }
    act_pm *p = new_pm(m, start, end, DYAD_ACTOR_ORG, DYAD_HOW_LEXICON);
    p->org = (int32_t)on->target;
    p->quoted = a->quoted;
    snprintf(p->code, sizeof p->code, "%s", org->code);
    /* "Fox News' Adam Shaw": a person placed by the outlet (media only:
     * "Sony's PlayStation Portable" is a product). */
    if (poss && org->media && j + 1 < ad->n_atoms && ad->atoms[j + 1].tok == pos + 1 && namelike(m, &ad->atoms[j + 1], 0)) {
        candidate(m, ad->atoms[j + 1].tok, &ad->atoms[j + 1], org->code, -1, -1);
        ad->atoms[j + 1].used = 1;
        return j + 2;
    }
    return j + 1;
}

/* NAME , the COUNTRY-WORD [premods] AGENT: the appositive places an unknown
 * name ("Sung Kim, the U.S. special representative ...").  The appositive
 * itself is left for composition, so it corefers with the candidate. */
static int qword(const mctx *m, uint32_t i, const char *w)
{
    const dyad_token *t = T(m, i);
    return t->len == strlen(w) && !memcmp(m->doc->text + t->off, w, t->len);
}

/* "Dong Xiaolin, head of China's National Grain Bureau", "..., chief of
 * the Iranian central bank": a leader of something of a country.  The
 * code is the country's, with the agent the rest of the phrase names (a
 * ministry, bureau or agency: GOV; a company or bank: BUS), else the
 * country alone. */
static int head_of(mctx *m, uint32_t j, uint32_t b, uint32_t e)
{
    static const char *const heads[] = {"head", "chief", "director", "chairman", "chairwoman", "leader",
                                        "president", "boss", "governor", "commander", NULL};
    static const char *const gov[] = {"ministry", "Ministry", "bureau", "Bureau", "department", "Department",
                                      "agency", "Agency", "commission", "Commission", "office", "Office",
                                      "administration", "Administration", "government", "council", "Council", NULL};
    static const char *const bus[] = {"company", "Company", "bank", "Bank", "group", "Group", "Corp", "Corporation",
                                      "firm", "Inc", "Ltd", NULL};
    act_doc *ad = m->ad;
    uint32_t i = e + 1;
    if (i + 2 >= m->se) return 0;
    if (is_word(m, i, m->lex->w.the) || is_word(m, i, m->lex->w.a)) i++;
    int head = 0;
    for (const char *const *w = heads; *w && !head; w++) head = qword(m, i, *w);
    if (!head || !(is_word(m, i + 1, m->lex->w.of) || qword(m, i + 1, "at"))) return 0;
    uint32_t y = i + 2;
    if (is_word(m, y, m->lex->w.the)) y++;
    uint32_t q = j + 1;
    while (q < ad->n_atoms && ad->atoms[q].tok < y) q++;
    if (q >= ad->n_atoms || ad->atoms[q].tok != y || !is_cw(&ad->atoms[q])) return 0;
    const act_name *cw = cw_name(m, &ad->atoms[q]);
    const char *agent = "";
    for (uint32_t t = aend(&ad->atoms[q]); t < m->se && t < aend(&ad->atoms[q]) + 6 && !*agent; t++) {
        if (T(m, t)->flags & (DYAD_TOK_COMMA | DYAD_TOK_TERM)) break;
        for (const char *const *w = gov; *w && !*agent; w++) if (qword(m, t, *w)) agent = "GOV";
        for (const char *const *w = bus; *w && !*agent; w++) if (qword(m, t, *w)) agent = "BUS";
    }
    char code[ACT_CODE];
    snprintf(code, sizeof code, "%s%s", m->lex->countries[cw->target].code, agent);
    act_atom run = ad->atoms[j];
    run.type = AT_CAPS;
    run.tok = b;
    run.ntok = e - b;
    act_pm *p = candidate(m, b, &run, code, (int32_t)cw->target, -1);
    p->foreign = 1;
    /* the phrase after the comma is this person's: nothing in it is an actor of its own */
    for (uint32_t z = j + 1; z < ad->n_atoms && ad->atoms[z].tok < m->se; z++) {
        if (ad->atoms[z].tok > aend(&ad->atoms[q]) + 6) break;
        int stop = 0;
        for (uint32_t t = e + 1; t < ad->atoms[z].tok; t++) if (T(m, t)->flags & (DYAD_TOK_COMMA | DYAD_TOK_TERM)) stop = 1;
        if (stop) break;
        ad->atoms[z].used = 1;
    }
    return 1;
}

static int appositive(mctx *m, uint32_t j, uint32_t b, uint32_t e)
{
    act_doc *ad = m->ad;
    if (e + 2 >= m->se || !(T(m, e)->flags & DYAD_TOK_COMMA) || T(m, e)->len != 1 || m->doc->text[T(m, e)->off] != ',')
        return 0;
    if (head_of(m, j, b, e)) return 1;
    uint32_t i = e + 1;
    uint32_t h = T(m, i)->hash;
    int det = h == m->lex->w.the || h == m->lex->w.a || h == m->lex->w.an;
    if (det) i++;
    uint32_t k = j + 1;
    while (k < ad->n_atoms && ad->atoms[k].tok < i) k++;
    if (k >= ad->n_atoms || !premods_between(m, i, ad->atoms[k].tok)) return 0;
    const act_atom *ca = &ad->atoms[k];
    const act_name *cw = is_cw(ca) ? cw_name(m, ca) : NULL;
    uint32_t ap = cw ? aend(ca) + ((aend(ca) < m->se && (T(m, aend(ca))->flags & DYAD_TOK_POSS)) ? 1 : 0) : ca->tok;
    const act_name *ag_name = agent_at(m, cw ? k + 1 : k, ap);
    if (!ag_name || ag_name->plural || !m->lex->agents[ag_name->target].person) return 0;
    const act_agent *ag = &m->lex->agents[ag_name->target];
    if (!titles_names(m, ag)) return 0;
    /* Without an article only a lower-case role noun: "Dong Xiaolin, head
     * of ...", not "Smith, Jones and Brown". */
    if (!det && !(T(m, ad->atoms[cw ? k + 1 : k].tok)->flags & DYAD_TOK_LOWER) && !cw) return 0;
    if (!cw) {
        /* "..., head of China's grain bureau", "..., spokesman for the
         * Iranian foreign ministry": the country after of / for. */
        uint32_t ak = k, x = aend(&ad->atoms[ak]);
        if (x + 1 < m->se && (is_word(m, x, m->lex->w.of) || qword(m, x, "for"))) {
            uint32_t y = x + 1;
            if (is_word(m, y, m->lex->w.the)) y++;
            uint32_t q = ak + 1;
            while (q < ad->n_atoms && ad->atoms[q].tok < y) q++;
            /* not "a spokeswoman for the Kenya Red Cross": a country word
             * opening a longer name is that organisation's */
            if (q < ad->n_atoms && ad->atoms[q].tok == y && is_cw(&ad->atoms[q]) &&
                !(aend(&ad->atoms[q]) < m->se && (T(m, aend(&ad->atoms[q]))->flags & DYAD_TOK_CAP)))
                cw = cw_name(m, &ad->atoms[q]);
        }
    }
    char code[ACT_CODE];
    if (cw) cw_code(m, cw, ag, code);
    else snprintf(code, sizeof code, "%s", ag->code);
    act_atom run = ad->atoms[j];
    run.type = AT_CAPS;
    run.tok = b;
    run.ntok = e - b;
    act_pm *p = candidate(m, b, &run, code, cw ? (int32_t)cw->target : -1, (int32_t)ag_name->target);
    p->foreign = cw != NULL;
    if (h != m->lex->w.the) {
        /* "Alexander Litvinenko, a former Russian spy": the role is the
         * person's description, not a second actor a later "he" could
         * take.  ("the U.S. envoy" stays a mention linked to the person.) */
        for (uint32_t z = j + 1; z < ad->n_atoms && z <= (cw && is_cw(ca) ? k + 1 : k); z++) ad->atoms[z].used = 1;
    }
    return 1;
}

/* An unknown name next to a speech verb is a speaker: "said Mr. Clyburn",
 * "Blitzer said", "Ana Souza gushed".  It is kept as a named actor with no
 * code (never a lexicon namesake's), so a quotation has its speaker and
 * later pronouns an antecedent.  [b, e) is the run, atoms up to q. */
static int speaker_name(mctx *m, uint32_t j, uint32_t q, uint32_t b, uint32_t e)
{
    act_doc *ad = m->ad;
    uint32_t start = b;
    uint8_t gender = 0;
    if (b > m->sb && (wclass(m, b - 1) & WC_HONORIFIC)) {
        gender = (wclass(m, b - 1) & WC_FEMALE) ? 'f' : 'm';
        start = b - 1;
    }
    int after = e < m->se && (wclass(m, e) & WC_SPEECH);
    int before = start > m->sb && (wclass(m, start - 1) & WC_SPEECH);
    /* "said X" names the speaker when X ends the clause ("said Mr. Clyburn.",
     * "said Dong Xiaolin, head of ..."), not "said Asia-Pacific countries". */
    if (before && e < m->se && (T(m, e)->flags & DYAD_TOK_WORD)) before = 0;
    /* Before "X said" only the sentence start, a mark or "and" / "but":
     * "officials in the city of Mykolaiv said", "parts of Pakistani Punjab
     * said", "the JCS said" have another subject, or an organisation. */
    if (after && !before && start > m->sb) {
        const dyad_token *pt = T(m, start - 1);
        if ((pt->flags & DYAD_TOK_WORD) && !qword(m, start - 1, "and") && !qword(m, start - 1, "but")) after = 0;
    }
    if (!after && !before) return 0;
    static const char *const nobody[] = {"Nobody", "Everybody", "Everyone", "Someone", "Somebody", "Anyone",
                                         "Officials", "Police", "Critics", "Analysts", "Experts", "Witnesses", NULL};
    for (const char *const *w = nobody; *w; w++) if (e == b + 1 && qword(m, b, *w)) return 0;
    act_atom run = ad->atoms[j];
    run.type = AT_CAPS;
    run.tok = b;
    run.ntok = e - b;
    /* One word is a name next to the verb, or after an honorific; even
     * first in the sentence ("Blitzer said"), but not a pronoun-like
     * capitalised word ("This said"). */
    int single_ok = gender || before || after;
    if (!namelike(m, &run, single_ok) && !(run.ntok == 1 && b == m->sb && after && !(wclass(m, b) & WC_NOTNAME) &&
                                           !orgish(m, b)))
        return 0;
    if (run.ntok == 1 && (wclass(m, b) & WC_NOTNAME)) return 0;
    act_pm *p = candidate(m, start, &run, "", -1, -1);
    p->gender = gender;
    if (run.ntok == 1 && (ad->n_cands || gender)) {
        /* "Kihara said" after "Defence Minister Minoru Kihara": the
         * story's own actor first ("Mr Hoon said": also the office-holder
         * of the story's country, coref.c); a new one only if none fits. */
        p->kind = DYAD_ACTOR_PERSON;
        p->how = DYAD_HOW_COREF_NAME;
        p->surname = 2;
        p->atom = (int32_t)q;
        p->fallback = 1;
    }
    return 1;
}

/* A country or capital that is a word of a longer proper name: a club or
 * company named after a city ("Real Madrid", "Paris Saint-Germain",
 * "Inter Milan"), an institution "of" a country ("Bank of Japan",
 * "University of Tokyo").  Then it is no actor of its own. */
static const char *d_text(const mctx *m, uint32_t i) { return m->doc->text + T(m, i)->off; }

static int inside_proper_name(const mctx *m, uint32_t j)
{
    const act_doc *ad = m->ad;
    const act_atom *a = &ad->atoms[j];
    const act_name *n = cw_name(m, a);
    if (!n || n->kind == NK_ADJ) return 0;
    int capital = n->kind == NK_CAPITAL || n->kind == NK_SEAT;
    /* a capitalised word glued before, not opening the sentence and no name of its own */
    if (capital && a->tok > m->sb && j > 0 && ad->atoms[j - 1].type == AT_CAPS && aend(&ad->atoms[j - 1]) == a->tok &&
        !(wclass(m, a->tok - 1) & (WC_NOTNAME | WC_PREMOD | WC_HONORIFIC)))
        return 1;
    /* a capitalised word glued after: "Paris Saint-Germain", "Madrid Open" */
    if (capital && j + 1 < ad->n_atoms && ad->atoms[j + 1].type == AT_CAPS && ad->atoms[j + 1].tok == aend(a) &&
        !(wclass(m, aend(a)) & WC_NOTNAME))
        return 1;
    /* "Bank of Japan": an organisation word, "of", the country */
    if (a->tok >= m->sb + 2 && is_word(m, a->tok - 1, m->lex->w.of) && orgish(m, a->tok - 2) &&
        (T(m, a->tok - 2)->flags & DYAD_TOK_CAP) && !(T(m, a->tok - 2)->flags & DYAD_TOK_UPPER))
        return 1;
    return 0;
}

/* ------------------------------------------------------------ atoms */

static int pronoun_of(const actors_lexicon *lex, uint32_t h)
{
    const act_words *w = &lex->w;
    if (h == w->he || h == w->him || h == w->his || h == w->himself) return PR_HE;
    if (h == w->she || h == w->her || h == w->hers || h == w->herself) return PR_SHE;
    if (h == w->it || h == w->its || h == w->itself) return PR_IT;
    if (h == w->they || h == w->them || h == w->their || h == w->theirs || h == w->themselves) return PR_THEY;
    return 0;
}

static act_atom *new_atom(act_doc *ad, uint32_t tok, uint32_t ntok, uint8_t type, int quoted)
{
    ad->atoms = act_avec(ad->doc->arena, ad->atoms, &ad->cap_atoms, ad->n_atoms + 1, sizeof *ad->atoms);
    act_atom *a = &ad->atoms[ad->n_atoms++];
    a->tok = tok;
    a->ntok = ntok;
    a->type = type;
    a->first = 0;
    a->pass = 0;
    a->kinds = 0;
    a->used = 0;
    a->pron = 0;
    a->quoted = (uint8_t)(quoted != 0);
    return a;
}

/* Can token i continue (or start) a capitalised run? */
static int caps_token(const mctx *m, uint32_t i, int starting)
{
    const dyad_token *t = T(m, i);
    if (!(t->flags & DYAD_TOK_WORD)) return 0;
    if (t->flags & DYAD_TOK_INITIAL) return !starting;
    if (t->flags & DYAD_TOK_CAP) {
        if (t->flags & DYAD_TOK_ABBR) return 0;             /* Gen. Mr. Jan. */
        /* "Mr Blunkett": the honorific (with or without its dot) stays
         * outside the run, which is the name */
        return !(wclass(m, i) & (WC_NOTNAME | WC_HONORIFIC));
    }
    /* al-Assad, bin Salman: particles inside a name */
    if (!starting && (wclass(m, i) & WC_PARTICLE) && i + 1 < m->se && (T(m, i + 1)->flags & DYAD_TOK_CAP)) return 1;
    if (t->flags & DYAD_TOK_HYPHEN) {
        const char *s = m->doc->text + t->off;
        const char *h = memchr(s, '-', t->len);
        return !starting && h && h + 1 < s + t->len && h[1] >= 'A' && h[1] <= 'Z';
    }
    return 0;
}

static void build_atoms(mctx *m)
{
    act_doc *ad = m->ad;
    const actors_lexicon *lex = m->lex;
    const dyad_doc *d = m->doc;
    ad->n_atoms = 0;
    for (uint32_t i = m->sb; i < m->se;) {
        const dyad_token *t = &d->toks[i];
        /* Quotation state, for pronouns: double quotes only (single ones
         * are too often apostrophes and scare quotes). */
        if (t->flags & DYAD_TOK_PARA && ad->quote_para != d->sents[ad->sent].para) {
            ad->in_quote = 0;
            ad->quote_para = d->sents[ad->sent].para;
        }
        if ((t->flags & (DYAD_TOK_QOPEN | DYAD_TOK_QCLOSE | DYAD_TOK_QAMBIG)) && !(t->flags & DYAD_TOK_QSINGLE)) {
            if (t->flags & DYAD_TOK_QOPEN) ad->in_quote = 1;
            else if (t->flags & DYAD_TOK_QCLOSE) ad->in_quote = 0;
            else ad->in_quote = !ad->in_quote;
            i++;
            continue;
        }
        if (!(t->flags & DYAD_TOK_WORD)) { i++; continue; }
        if (act_token_maybe(lex, t)) {
            uint32_t first;
            uint64_t pass;
            uint32_t len = act_longest(lex, d, i, m->se, &first, &pass);
            if (len) {
                uint16_t kinds = 0;
                for (uint64_t b = pass; b; b &= b - 1)
                    kinds |= (uint16_t)(1u << lex->names[first + (uint32_t)__builtin_ctzll(b)].kind);
                if (kinds == 1) { i += len; continue; }          /* a blocker: "Latin America" */
                act_atom *a = new_atom(ad, i, len, AT_NAME, ad->in_quote);
                a->first = first;
                a->pass = pass;
                a->kinds = kinds;
                i += len;
                continue;
            }
        }
        if (!(t->flags & DYAD_TOK_UPPER)) {
            int pr = pronoun_of(lex, t->hash);
            if (pr) {
                act_atom *a = new_atom(ad, i, 1, AT_PRON, ad->in_quote);
                a->pron = (uint8_t)pr;
                i++;
                continue;
            }
        }
        if (caps_token(m, i, 1)) {
            uint32_t e = i + 1;
            uint32_t f;
            uint64_t pass;
            while (e < m->se && caps_token(m, e, 0) &&
                   !(act_token_maybe(lex, &d->toks[e]) && act_longest(lex, d, e, m->se, &f, &pass)))
                e++;
            new_atom(ad, i, e - i, AT_CAPS, ad->in_quote);
            i = e;
            continue;
        }
        i++;
    }
}

/* ------------------------------------------------------------ the sentence */

static int cmp_pm(const act_pm *a, const act_pm *b) { return a->tok < b->tok ? -1 : a->tok > b->tok; }

void act_match_sentence(act_doc *ad, uint32_t s)
{
    const dyad_sentence *sent = &ad->doc->sents[s];
    mctx m = {ad, ad->lex, ad->doc, sent->tok, sent->tok + sent->ntok};
    ad->n_pms = 0;
    build_atoms(&m);
    for (uint32_t j = 0; j < ad->n_atoms;) {
        act_atom *a = &ad->atoms[j];
        if (a->used) { j++; continue; }
        if (a->type == AT_PRON) {
            act_pm *p = new_pm(&m, a->tok, aend(a), DYAD_ACTOR_PRONOUN, DYAD_HOW_COREF_PRONOUN);
            p->pron = a->pron;
            p->quoted = a->quoted;
            a->used = 1;
            j++;
            continue;
        }
        if (a->type == AT_CAPS) {
            uint32_t next;
            if (place_role(&m, j, &next)) { j = next; continue; }
            /* "Sung Kim, the U.S. special representative": a run, maybe with
             * a known surname glued on, placed by an appositive. */
            uint32_t e = aend(a), q = j;
            act_atom given = *a;
            int glued = namelike(&m, &given, 1);    /* not a lone first word: "Like Trump" */
            /* ... unless a surname follows it and it is no function word:
             * "Ryan Johnson, a local builder" opening a sentence. */
            if (!glued && a->ntok == 1 && a->tok == m.sb && !(wclass(&m, a->tok) & (WC_NOTNAME | WC_PREMOD | WC_HONORIFIC)) &&
                !orgish(&m, a->tok) && j + 1 < ad->n_atoms && ad->atoms[j + 1].tok == aend(a) &&
                has_kind(&ad->atoms[j + 1], NK_SURNAME) && !has_kind(&ad->atoms[j + 1], NK_PERSON))
                glued = 1;
            while (q + 1 < ad->n_atoms && ad->atoms[q + 1].tok == e &&
                   (has_kind(&ad->atoms[q + 1], NK_SURNAME) || ad->atoms[q + 1].type == AT_CAPS ||
                    (glued && has_kind(&ad->atoms[q + 1], NK_PERSON))))
                e = aend(&ad->atoms[++q]);
            act_atom run = *a;
            run.ntok = e - a->tok;
            if (namelike(&m, &run, 0) && appositive(&m, q, a->tok, e)) {
                for (uint32_t z = j; z <= q; z++) ad->atoms[z].used = 1;
                j = q + 1;
                continue;
            }
            if (speaker_name(&m, j, q, a->tok, e)) {
                for (uint32_t z = j; z <= q; z++) ad->atoms[z].used = 1;
                j = q + 1;
                continue;
            }
            if (q > j && glued) {
                /* "Sung Kim" without context: an unknown name; its "Kim" is
                 * not Kim Jong Un.  (A lone capitalised first word of the
                 * sentence is not taken for a given name: "Like Trump".) */
                for (uint32_t z = j; z <= q; z++) ad->atoms[z].used = 1;
                j = q + 1;
                continue;
            }
            /* A lone capitalised word may be the short name of a new actor
             * of this story ("Doe" after "Foreign Minister Jane Doe"). */
            /* "Mr Davis": after an honorific, also an office-holder of the
             * story's country (coref.c). */
            int hon = a->tok > floor_of(&m, j) && (wclass(&m, a->tok - 1) & WC_HONORIFIC);
            if (a->ntok == 1 && (ad->n_cands || hon)) {
                act_pm *p = new_pm(&m, hon ? a->tok - 1 : a->tok, aend(a), DYAD_ACTOR_PERSON, DYAD_HOW_COREF_NAME);
                p->surname = 2;
                p->atom = (int32_t)j;
                p->quoted = a->quoted;
                if (hon) p->gender = (wclass(&m, a->tok - 1) & WC_FEMALE) ? 'f' : 'm';
            }
            a->used = 1;
            j++;
            continue;
        }
        if (a->type == AT_NAME && a->tok > m.sb && T(&m, a->tok - 1)->len == 1 && d_text(&m, a->tok - 1)[0] == '<') {
            /* "Unilever <UN.AS>": a stock ticker, not the UN */
            a->used = 1;
            j++;
            continue;
        }
        if (is_cw(a) && !has_kind(a, NK_PERSON) && !has_kind(a, NK_ORG) && inside_proper_name(&m, j)) {
            a->used = 1;
            j++;
            continue;
        }
        if (is_cw(a) && !has_kind(a, NK_PERSON) && !has_kind(a, NK_ORG)) { j = compose_cw(&m, j); continue; }
        if (has_kind(a, NK_PERSON)) {
            int the;
            uint32_t start = extend_left(&m, a->tok, floor_of(&m, j), &the);
            act_pm *p = new_pm(&m, the == 2 ? start : a->tok, aend(a), DYAD_ACTOR_PERSON, DYAD_HOW_LEXICON);
            p->person = (int32_t)name_of(&m, a, NK_PERSON)->target;
            p->quoted = a->quoted;
            a->used = 1;
            j = possessed_agent(&m, j, (int32_t)(ad->n_pms - 1));
            continue;
        }
        if (has_kind(a, NK_AGENT)) {
            /* An org that is also an agent noun ("Congress") is the org
             * unless a country word precedes (handled in compose_cw) or a
             * name follows; compose_agent decides. */
            j = compose_agent(&m, j);
            continue;
        }
        if (has_kind(a, NK_ORG)) { j = compose_org(&m, j); continue; }
        if (is_cw(a)) { j = compose_cw(&m, j); continue; }
        if (has_kind(a, NK_SURNAME)) {
            /* A surname alone, maybe after Mr./Ms. */
            if (j + 1 < ad->n_atoms && ad->atoms[j + 1].tok == aend(a) && ad->atoms[j + 1].type == AT_CAPS) {
                /* "Kim Jong-nam": a surname starting an unknown full name,
                 * an actor of its own when context places it ("Dong
                 * Xiaolin, head of China's ...") or it speaks. */
                act_atom run = *a;
                run.type = AT_CAPS;
                run.ntok = aend(&ad->atoms[j + 1]) - a->tok;
                if (namelike(&m, &run, 0) && !appositive(&m, j + 1, a->tok, aend(&ad->atoms[j + 1])))
                    speaker_name(&m, j + 1, j + 1, a->tok, aend(&ad->atoms[j + 1]));
                a->used = ad->atoms[j + 1].used = 1;
                j += 2;
                continue;
            }
            uint32_t start = a->tok;
            int fem = 0;
            if (start > floor_of(&m, j) && (wclass(&m, start - 1) & WC_HONORIFIC)) {
                fem = (wclass(&m, start - 1) & WC_FEMALE) != 0;
                start--;
            }
            act_pm *p = new_pm(&m, start, aend(a), DYAD_ACTOR_PERSON, DYAD_HOW_COREF_NAME);
            p->surname = 1;
            p->atom = (int32_t)j;
            p->quoted = a->quoted;
            p->gender = fem ? 'f' : start < a->tok ? 'm' : 0;
            a->used = 1;
            j = possessed_agent(&m, j, (int32_t)(ad->n_pms - 1));
            continue;
        }
        a->used = 1;
        j++;
    }
    /* Compositions make mentions in text order; check it, since
     * coreference depends on it, and repair it if a rule ever breaks it. */
    int sorted = 1;
    for (uint32_t i = 1; i < ad->n_pms && sorted; i++) sorted = cmp_pm(&ad->pms[i - 1], &ad->pms[i]) <= 0;
    if (!sorted) {
        uint32_t n = ad->n_pms;
        uint32_t *order = dyad_arena_alloc(ad->doc->arena, n * sizeof *order);
        uint32_t *where = dyad_arena_alloc(ad->doc->arena, n * sizeof *where);
        act_pm *copy = dyad_arena_alloc(ad->doc->arena, n * sizeof *copy);
        for (uint32_t i = 0; i < n; i++) order[i] = i;
        for (uint32_t i = 1; i < n; i++) {          /* insertion sort: tiny and stable */
            uint32_t x = order[i], k = i;
            while (k > 0 && cmp_pm(&ad->pms[order[k - 1]], &ad->pms[x]) > 0) { order[k] = order[k - 1]; k--; }
            order[k] = x;
        }
        for (uint32_t i = 0; i < n; i++) { copy[i] = ad->pms[order[i]]; where[order[i]] = i; }
        for (uint32_t i = 0; i < n; i++) {
            if (copy[i].poss_of >= 0) copy[i].poss_of = (int32_t)where[copy[i].poss_of];
            ad->pms[i] = copy[i];
        }
    }
}
