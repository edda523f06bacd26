/*
 * actors.c - actors_process: the date for dated roles, then recognition
 * (match.c) and coreference (coref.c) sentence by sentence, then the media
 * named in the credit line.
 */
#include "actors_int.h"

#include <string.h>

/* "Fox News' Adam Shaw contributed to this report." is debris, not story,
 * but it names the outlet: the media organisations of credit and byline
 * lines become entities with no mention. */
static void credits(act_doc *ad)
{
    dyad_doc *d = ad->doc;
    for (uint32_t i = 0; i < d->n_debris; i++) {
        const dyad_debris *db = &d->debris[i];
        if (!db->rule || (strcmp(db->rule, "contributor") && strcmp(db->rule, "byline"))) continue;
        if (db->len > 4096 || db->off + db->len > d->norm_len) continue;
        /* Tokenise into an arena array big enough that dyad_tokenize never
         * reallocates it (a token is at least one byte). */
        uint32_t cap = db->len + 1, n = 0;
        dyad_token *toks = dyad_arena_alloc(d->arena, cap * sizeof *toks);
        dyad_tokenize(d->norm + db->off, db->len, &toks, &n, &cap);
        dyad_doc view;
        memset(&view, 0, sizeof view);
        view.text = d->norm + db->off;
        view.toks = toks;
        for (uint32_t t = 0; t < n;) {
            uint32_t first;
            uint64_t pass;
            uint32_t len = act_first_maybe(ad->lex, toks[t].hash) ? act_longest(ad->lex, &view, t, n, &first, &pass) : 0;
            if (!len) { t++; continue; }
            for (uint64_t b = pass; b; b &= b - 1) {
                const act_name *nm = &ad->lex->names[first + (uint32_t)__builtin_ctzll(b)];
                if (nm->kind != NK_ORG || !ad->lex->orgs[nm->target].media) continue;
                act_credit_org(ad, nm->target);
                break;
            }
            t += len;
        }
    }
}

void actors_process(const actors_lexicon *lex, dyad_doc *doc)
{
    doc->n_mentions = 0;
    doc->n_entities = 0;
    if (!lex) return;
    act_doc ad;
    memset(&ad, 0, sizeof ad);
    ad.lex = lex;
    ad.doc = doc;
    ad.last_speaker = -1;
    ad.quote_para = UINT32_MAX;
    if (doc->pubdate.year) {
        ad.date = doc->pubdate;
        /* A year or month alone: roles are compared from its first day. */
        if (!ad.date.month) ad.date.month = 1;
        if (!ad.date.day) ad.date.day = 1;
    } else {
        ad.undated = 1;         /* ad.date stays 0: no role is read against the clock */
    }
    for (uint32_t s = 0; s < doc->n_sents; s++) {
        ad.sent = s;
        act_match_sentence(&ad, s);
        act_resolve_sentence(&ad);
    }
    credits(&ad);
    if (ad.undated && ad.flagged)
        dyad_doc_diag(doc, 0, "people's dated roles left unresolved: the publication date is unknown "
                      "(their codes say only the country; give --date YYYY-MM-DD)");
}

void actors_lexicon_stats(const actors_lexicon *lex, actors_stats *o)
{
    memset(o, 0, sizeof *o);
    if (!lex) return;
    o->countries = lex->n_countries;
    o->country_names = lex->n_country_names;
    o->people = lex->n_people;
    o->roles = lex->n_roles;
    o->orgs = lex->n_orgs;
    o->agents = lex->n_agents;
    o->names = lex->n_names;
    o->warnings = (uint32_t)lex->warnings;
    o->imported = lex->n_imported;
    o->imported_dup = lex->n_imported_dup;
    for (uint32_t i = 0; i < lex->n_names; i++) o->surnames += lex->names[i].kind == NK_SURNAME;
}

const char *actors_kind_name(int kind)
{
    static const char *const k[] = {"?", "country", "person", "org", "role", "pronoun", "candidate"};
    return kind >= 1 && kind <= 6 ? k[kind] : "?";
}

const char *actors_how_name(int how)
{
    static const char *const h[] = {"?", "lexicon", "composed", "coref-name", "coref-desc", "coref-pronoun", "context"};
    return how >= 1 && how <= 6 ? h[how] : "?";
}
