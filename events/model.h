/*
 * model.h - the events stage's compiled data (internal to events/).
 *
 *   ontology   every CAMEO code with its name, Goldstein score, quad class
 *              and PLOVER type and mode (data/events/cameo.txt);
 *   verbs      every form of every verb in data/events/verbs/ (*.txt) mapped
 *              to its verb, and each verb's patterns, compiled into flat
 *              arrays: a pattern is a run of elements, an element a run of
 *              alternatives, an alternative a run of folded-token hashes.
 *
 * Lookup is by token hash only: a sentence is coded without allocating.
 */
#ifndef DYAD_EVENTS_MODEL_H
#define DYAD_EVENTS_MODEL_H

#include "events.h"

#define WC_MAX 24

typedef struct {
    char code[8];
    float goldstein;
    uint8_t quad;
    const char *plover_type, *plover_mode, *name;   /* plover "" when none */
} cameo_entry;

/* GAP "...": TABARI's blank; PREFIX "word*": any word starting so (a TABARI stem) */
enum { EL_VERB = 1, EL_TARGET, EL_WORDS, EL_SKIP, EL_GAP, EL_PREFIX };
enum { FORM_BASE = 1, FORM_S = 2, FORM_PAST = 4, FORM_PART = 8, FORM_ING = 16 };
/* SUBORD "023?": yields to the sentence's other events; DOMINANT "036!":
 * removes them (TABARI's code modifiers, honoured in literal mode) */
/* COMPOUND: the pattern's "%" (a "+" whose coordinated actors are both
 * sides: TABARI's compound slot) */
enum { PAT_ACTIVE_ONLY = 1, PAT_PASSIVE_ONLY = 2, PAT_INTENT = 4, PAT_SUBORD = 8, PAT_DOMINANT = 16,
       PAT_COMPOUND = 32, PAT_ROOT = 64 /* "~root": the verb's own code, tried after its patterns */ };

typedef struct { uint32_t hash_at, n_hash; } alt_t;          /* a word sequence */
typedef struct { uint8_t kind; uint32_t alt_at, n_alt; const char *prefix; } elem_t;   /* prefix: EL_PREFIX */

typedef struct {
    const cameo_entry *cameo;
    const cameo_entry *pair;        /* "032:033": the reversed event's code (TABARI pairs), or NULL */
    uint32_t elem_at, n_elem;
    uint32_t before_at, n_before;   /* elements written before the "*", matched leftwards from it */
    uint32_t literals;              /* word elements: TABARI's order (more wins) in literal mode */
    uint32_t flags;
    uint32_t verb;
    const char *id;                 /* "04_consult.txt:17" */
    const char *text;               /* the pattern as written, for --explain */
} pattern_t;

typedef struct {
    const char *lemma;
    uint32_t pat_at, n_pat;
} verb_t;

typedef struct { uint32_t hash, verb; uint8_t form; } form_slot;

struct events_model {
    cameo_entry *cameo; uint32_t n_cameo;
    verb_t *verbs; uint32_t n_verbs, cap_verbs;
    pattern_t *pats; uint32_t n_pats, cap_pats;
    elem_t *elems; uint32_t n_elems, cap_elems;
    alt_t *alts; uint32_t n_alts, cap_alts;
    uint32_t *hashes; uint32_t n_hashes, cap_hashes;
    form_slot *forms; uint32_t forms_mask;   /* open addressing, 0 hash = empty */
    uint32_t n_forms;
    dyad_arena *strings;
    uint32_t wc[WC_MAX][48];            /* word classes for the coder, by token hash */
    uint8_t wc_n[WC_MAX];
    uint32_t h_a, h_an, h_interest;
    uint32_t unusable;              /* lines that could not be used */
    int literal;                    /* events_set_literal: no modality or negation rules */
    /* coder.c: the first word of every alternative of every pattern element,
     * an open-addressing set (0 = empty) in the strings arena, so that a
     * token no pattern word starts with is rejected with one probe. */
    uint32_t *first_words; uint32_t first_mask;
    uint64_t *elem_bloom;           /* per element: bit (first hash >> 26) of each alternative */
    /* coder.c: word class membership by token hash (bit c = class c), the
     * same table as wc[][] for one probe instead of a scan per class. */
    uint32_t *wc_hash, *wc_bits; uint32_t wc_mask;
};

enum { WC_BE, WC_NEG, WC_INTENT, WC_APPEAL, WC_THREAT, WC_REFUSE, WC_FAIL, WC_PREP, WC_DET,
       WC_STOP, WC_SELF, WC_BY, WC_TO, WC_AND, WC_NOUNDET, WC_VERBOK, WC_COUNT };

void coder_init(events_model *m);
/* parsed.c: reading the dependency tree (token indexes; see there). */
int parsed_noun_tokens(const dyad_doc *d, uint32_t head, uint32_t *out, int max);
int parsed_irreal(const dyad_doc *d, uint32_t verb);
int32_t parsed_report_head(const dyad_doc *d, uint32_t verb);
int coder_in(const events_model *m, int wc, uint32_t hash);
const cameo_entry *ontology_find(const events_model *m, const char *code);
int ontology_load(events_model *m, const char *path, char *err, size_t errlen);
int verbs_load(events_model *m, const char *data_dir, char *err, size_t errlen);
int verbs_load_text(events_model *m, const char *name, const char *sets, size_t sets_len,
                    const char *verbs, size_t verbs_len, char *err, size_t errlen);
/* Iterate the forms equal to hash: *slot starts at 0; returns NULL when done. */
const form_slot *verbs_form_next(const events_model *m, uint32_t hash, uint32_t *slot);

/* import.c: the ontology alone (no verb dictionary), for coders that bring
 * their own patterns; free with events_free.  NULL with err set on failure. */
events_model *events_load_ontology(const char *data_dir, char *err, size_t errlen);

#endif
