/*
 * verbs.c - load the verb-pattern dictionary (docs/verbs-format.md).
 *
 * Every verb's forms are generated here (third person, past, participle,
 * -ing) and put into one open-addressing table keyed by the token hash the
 * tokenizer gives the same word in a document, so that the coder finds a
 * sentence's verbs with one probe per token.  Pattern elements are compiled
 * into flat arrays of word-hash sequences.  A line that cannot be used is
 * reported with its file and line and skipped; it never stops the load.
 */
#include "model.h"
#include "../core/core.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char *name; uint32_t alt_at, n_alt; } set_t;

typedef struct {
    events_model *m;
    set_t *sets; uint32_t n_sets, cap_sets;
    dyad_token *toks; uint32_t n_toks, cap_toks;
    const char *file;
    uint32_t line;
    int quiet;                      /* count unusable lines, do not print them */
} loader;

static uint32_t nz(uint32_t h) { return h ? h : 1; }

static void warn(loader *L, const char *what, const char *text)
{
    L->m->unusable++;
    if (L->quiet) return;
    fprintf(stderr, "dyad: %s:%u: %s: %s\n", L->file, L->line, what, text);
}

/* ---- word forms */

static int is_vowel(char c) { return strchr("aeiou", c) != NULL; }

static const char *last_segment(const char *w)
{
    const char *h = strrchr(w, '-');
    return h ? h + 1 : w;
}

/* One syllable ending consonant-vowel-consonant: plan, ban, stop (not fix, stay). */
static int doubles_final(const char *w)
{
    const char *s = last_segment(w);
    size_t n = strlen(s);
    if (n < 3 || strchr("wxy", s[n - 1]) || is_vowel(s[n - 1]) || !is_vowel(s[n - 2]) || is_vowel(s[n - 3]))
        return 0;
    int groups = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        int v = is_vowel(s[i]);
        if (v && !in) groups++;
        in = v;
    }
    return groups == 1;
}

static void plural(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (n >= 2 && w[n - 1] == 'y' && !is_vowel(w[n - 2]))
        snprintf(out, cap, "%.*sies", (int)(n - 1), w);
    else if ((n >= 1 && strchr("sxz", w[n - 1])) || (n >= 2 && (!strcmp(w + n - 2, "ch") || !strcmp(w + n - 2, "sh"))) ||
             (n >= 2 && w[n - 1] == 'o' && !is_vowel(w[n - 2])))
        snprintf(out, cap, "%ses", w);
    else
        snprintf(out, cap, "%ss", w);
}

static void past(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (n && w[n - 1] == 'e') snprintf(out, cap, "%sd", w);
    else if (n >= 2 && w[n - 1] == 'y' && !is_vowel(w[n - 2])) snprintf(out, cap, "%.*sied", (int)(n - 1), w);
    else if (doubles_final(w)) snprintf(out, cap, "%s%ced", w, w[n - 1]);
    else snprintf(out, cap, "%sed", w);
}

static void ing(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (n >= 2 && !strcmp(w + n - 2, "ie")) snprintf(out, cap, "%.*sying", (int)(n - 2), w);
    else if (n >= 2 && w[n - 1] == 'e' && !strchr("eoy", w[n - 2])) snprintf(out, cap, "%.*sing", (int)(n - 1), w);
    else if (doubles_final(w)) snprintf(out, cap, "%s%cing", w, w[n - 1]);
    else snprintf(out, cap, "%sing", w);
}

static void form_put(events_model *m, const char *form, uint32_t verb, uint8_t kind)
{
    uint32_t h = nz(hash_folded(form, strlen(form)));
    for (uint32_t i = h & m->forms_mask;; i = (i + 1) & m->forms_mask) {
        form_slot *s = &m->forms[i];
        if (!s->hash) { s->hash = h; s->verb = verb; s->form = kind; m->n_forms++; return; }
        if (s->hash == h && s->verb == verb) { s->form |= kind; return; }
    }
}

static void forms_grow(events_model *m)
{
    if ((m->n_forms + 8) * 2 < m->forms_mask + 1) return;
    uint32_t old_size = m->forms ? m->forms_mask + 1 : 0;
    form_slot *old = m->forms;
    uint32_t size = old_size ? old_size * 2 : 4096;
    m->forms = calloc(size, sizeof *m->forms);
    if (!m->forms) { fputs("dyad: out of memory\n", stderr); abort(); }
    m->forms_mask = size - 1;
    m->n_forms = 0;
    for (uint32_t i = 0; i < old_size && old; i++) {
        if (!old[i].hash) continue;
        for (uint32_t j = old[i].hash & m->forms_mask;; j = (j + 1) & m->forms_mask)
            if (!m->forms[j].hash) { m->forms[j] = old[i]; m->n_forms++; break; }
    }
    free(old);
}

const form_slot *verbs_form_next(const events_model *m, uint32_t hash, uint32_t *slot)
{
    /* *slot holds the next probe position plus one; 0 means "from the start". */
    hash = nz(hash);
    if (!m->forms) return NULL;
    uint32_t i = *slot ? *slot - 1 : (hash & m->forms_mask);
    for (;; i = (i + 1) & m->forms_mask) {
        const form_slot *s = &m->forms[i];
        if (!s->hash) return NULL;
        if (s->hash == hash) { *slot = ((i + 1) & m->forms_mask) + 1; return s; }
    }
}

int events_verb_form(const events_model *m, uint32_t hash)
{
    uint32_t slot = 0;
    return verbs_form_next(m, hash, &slot) != NULL;
}

/* ---- pattern elements */

/* Append one alternative (a word or phrase, maybe ending in ~) as one or two
 * word sequences (singular and plural). */
static int add_alt(loader *L, const char *word)
{
    events_model *m = L->m;
    char w[256], pl[272];
    size_t n = strlen(word);
    int tilde = n && word[n - 1] == '~';
    if (tilde) n--;
    if (!n || n >= sizeof w) return -1;
    memcpy(w, word, n);
    w[n] = 0;
    for (int k = 0; k <= tilde; k++) {
        const char *text = w;
        if (k) {
            char *sp = strrchr(w, ' ');
            size_t head = sp ? (size_t)(sp - w + 1) : 0;
            char one[256];
            plural(w + head, one, sizeof one);
            snprintf(pl, sizeof pl, "%.*s%s", (int)head, w, one);
            text = pl;
        }
        dyad_tokenize(text, (uint32_t)strlen(text), &L->toks, &L->n_toks, &L->cap_toks);
        if (!L->n_toks) return -1;
        m->alts = dyad_grow(m->alts, &m->cap_alts, m->n_alts + 1, sizeof *m->alts);
        m->alts[m->n_alts++] = (alt_t){m->n_hashes, L->n_toks};
        m->hashes = dyad_grow(m->hashes, &m->cap_hashes, m->n_hashes + L->n_toks, sizeof *m->hashes);
        for (uint32_t i = 0; i < L->n_toks; i++) m->hashes[m->n_hashes++] = L->toks[i].hash;
    }
    return 0;
}

static set_t *find_set(loader *L, const char *name)
{
    for (uint32_t i = 0; i < L->n_sets; i++)
        if (!strcmp(L->sets[i].name, name)) return &L->sets[i];
    return NULL;
}

/* Compile one element word ("*", "+", "..", "@SET", "a|b~|c"); 0 ok. */
static int add_elem(loader *L, char *word)
{
    events_model *m = L->m;
    m->elems = dyad_grow(m->elems, &m->cap_elems, m->n_elems + 1, sizeof *m->elems);
    elem_t *e = &m->elems[m->n_elems];
    e->alt_at = m->n_alts;
    e->n_alt = 0;
    e->prefix = NULL;
    if (!strcmp(word, "*")) e->kind = EL_VERB;
    else if (!strcmp(word, "+") || !strcmp(word, "%")) e->kind = EL_TARGET;
    else if (!strcmp(word, "..")) e->kind = EL_SKIP;
    else if (!strcmp(word, "...")) e->kind = EL_GAP;
    else if (strlen(word) > 1 && word[strlen(word) - 1] == '*' && !strchr(word, '|')) {
        e->kind = EL_PREFIX;
        char *pre = dyad_arena_strdup(m->strings, word);
        pre[strlen(pre) - 1] = 0;
        for (char *c = pre; *c; c++) *c = (char)tolower((unsigned char)*c);
        e->prefix = pre;
        e->n_alt = (uint32_t)strlen(pre);   /* a prefix has no alternatives: its length */
    }
    else if (word[0] == '@') {
        set_t *s = find_set(L, word);
        if (!s) { warn(L, "unknown set", word); return -1; }
        e->kind = EL_WORDS;
        e->alt_at = s->alt_at;
        e->n_alt = s->n_alt;
    } else {
        e->kind = EL_WORDS;
        char *save, *a = strtok_r(word, "|", &save);
        for (; a; a = strtok_r(NULL, "|", &save))
            if (add_alt(L, a)) { warn(L, "bad word", a); return -1; }
        e->n_alt = m->n_alts - e->alt_at;
    }
    m->n_elems++;
    return 0;
}

/* ---- files */

static void read_sets(loader *L, FILE *f, const char *path)
{
    char *line = NULL;
    size_t cap = 0;
    L->file = path;
    L->line = 0;
    while (getline(&line, &cap, f) > 0) {
        L->line++;
        char *hash = strchr(line, '#');
        if (hash && hash != line && hash[-1] != ' ' && hash[-1] != '\t') hash = NULL;
        if (hash) *hash = 0;
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (!*p || *p == '\n') continue;
        if (*p != '@') { warn(L, "a set line starts with @NAME", p); continue; }
        char *name = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n') p++;
        if (*p) *p++ = 0;
        L->sets = dyad_grow(L->sets, &L->cap_sets, L->n_sets + 1, sizeof *L->sets);
        set_t *s = &L->sets[L->n_sets++];
        s->name = strdup(name);
        s->alt_at = L->m->n_alts;
        char *save, *a = strtok_r(p, "|\n", &save);
        for (; a; a = strtok_r(NULL, "|\n", &save)) {
            while (*a == ' ' || *a == '\t') a++;
            size_t n = strlen(a);
            while (n && (a[n - 1] == ' ' || a[n - 1] == '\t')) a[--n] = 0;
            if (n && add_alt(L, a)) warn(L, "bad set member", a);
        }
        s->n_alt = L->m->n_alts - s->alt_at;
    }
    free(line);
}

static void load_sets(loader *L, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) return;                       /* sets are optional */
    read_sets(L, f, path);
    fclose(f);
}

static void start_verb(loader *L, char *rest)
{
    events_model *m = L->m;
    char *w[6] = {0};
    int n = 0;
    char *save, *p = strtok_r(rest, " \t\n", &save);
    while (p && n < 6) { w[n++] = p; p = strtok_r(NULL, " \t\n", &save); }
    if (!n) { warn(L, "VERB without a lemma", ""); return; }
    m->verbs = dyad_grow(m->verbs, &m->cap_verbs, m->n_verbs + 1, sizeof *m->verbs);
    uint32_t v = m->n_verbs++;
    verb_t *vb = &m->verbs[v];
    for (char *c = w[0]; *c; c++) if (*c >= 'A' && *c <= 'Z') *c += 32;
    vb->lemma = dyad_arena_strdup(m->strings, w[0]);
    vb->pat_at = m->n_pats;
    vb->n_pat = 0;
    char f_s[128], f_past[128], f_ing[128];
    plural(w[0], f_s, sizeof f_s);
    past(w[0], f_past, sizeof f_past);
    ing(w[0], f_ing, sizeof f_ing);
    forms_grow(m);
    form_put(m, w[0], v, FORM_BASE);
    form_put(m, n >= 6 ? w[5] : f_s, v, FORM_S);
    form_put(m, n >= 2 ? w[1] : f_past, v, FORM_PAST);
    form_put(m, n >= 3 ? w[2] : (n >= 2 ? w[1] : f_past), v, FORM_PART);
    form_put(m, n >= 4 ? w[3] : f_ing, v, FORM_ING);
    /* Overrides add to the regular forms rather than replace them, so that
     * "travelled" given for British copy does not lose American "traveled"
     * (a regular form that no text uses costs one table slot). */
    if (n >= 2 && strchr(w[0], 'l')) {
        forms_grow(m);
        form_put(m, f_past, v, FORM_PAST | FORM_PART);
        form_put(m, f_ing, v, FORM_ING);
    }
}

static void add_pattern(loader *L, char *line)
{
    events_model *m = L->m;
    if (!m->n_verbs) { warn(L, "pattern before any VERB line", line); return; }
    char *save, *code = strtok_r(line, " \t\n", &save);
    uint32_t flags = 0;
    size_t cl = strlen(code);
    if (cl > 1 && (code[cl - 1] == '?' || code[cl - 1] == '!')) {
        flags |= code[cl - 1] == '?' ? PAT_SUBORD : PAT_DOMINANT;
        code[cl - 1] = 0;
    }
    char *colon = strchr(code, ':');
    if (colon) *colon++ = 0;
    const cameo_entry *ce = ontology_find(m, code), *pair = colon ? ontology_find(m, colon) : NULL;
    if (!ce || (colon && !pair)) { warn(L, "unknown CAMEO code", ce ? colon : code); return; }
    uint32_t elem_at = m->n_elems, alts_at = m->n_alts, hashes_at = m->n_hashes, n_before = 0;
    char text[512] = "";
    int ok = 1, first = 1;
    for (char *w = strtok_r(NULL, " \t\n", &save); w && ok; w = strtok_r(NULL, " \t\n", &save)) {
        if (w[0] == '~') {
            if (!strcmp(w, "~intent")) flags |= PAT_INTENT;
            else if (!strcmp(w, "~active-only")) flags |= PAT_ACTIVE_ONLY;
            else if (!strcmp(w, "~passive-only")) flags |= PAT_PASSIVE_ONLY;
            else if (!strcmp(w, "~root")) flags |= PAT_ROOT;
            else { warn(L, "unknown flag", w); ok = 0; }
            continue;
        }
        /* Elements before the "*" (TABARI's words before the verb) are
         * compiled first and matched leftwards from the verb. */
        if (first && strcmp(w, "*")) {
            if (!strcmp(w, "%")) flags |= PAT_COMPOUND;
            if (!strcmp(w, "+") || !strcmp(w, "%") || !strcmp(w, "..") || !strcmp(w, "...") || w[0] == '@' || isalpha((unsigned char)w[0]) ||
                w[0] == '\'') {
                n_before++;
                size_t tl = strlen(text);
                snprintf(text + tl, sizeof text - tl, "%s%s", tl ? " " : "", w);
                if (add_elem(L, w)) ok = 0;
                continue;
            }
            warn(L, "a pattern starts with *", w); ok = 0; break;
        }
        first = 0;
        if (!strcmp(w, "%")) flags |= PAT_COMPOUND;
        size_t tl = strlen(text);
        snprintf(text + tl, sizeof text - tl, "%s%s", tl ? " " : "", w);
        if (add_elem(L, w)) ok = 0;
    }
    if (ok && first) { warn(L, "a pattern has a *", code); ok = 0; }
    if (!ok || m->n_elems == elem_at) {
        if (ok) warn(L, "empty pattern", code);
        m->n_elems = elem_at; m->n_alts = alts_at; m->n_hashes = hashes_at;
        return;
    }
    m->pats = dyad_grow(m->pats, &m->cap_pats, m->n_pats + 1, sizeof *m->pats);
    pattern_t *p = &m->pats[m->n_pats++];
    p->cameo = ce;
    p->pair = pair;
    p->literals = 0;
    for (uint32_t i = elem_at; i < m->n_elems; i++)
        p->literals += m->elems[i].kind == EL_WORDS || m->elems[i].kind == EL_PREFIX;
    p->before_at = elem_at;
    p->n_before = n_before;
    p->elem_at = elem_at + n_before;
    p->n_elem = m->n_elems - elem_at - n_before;
    p->flags = flags;
    p->verb = m->n_verbs - 1;
    const char *base = strrchr(L->file, '/');
    p->id = dyad_arena_printf(m->strings, "%s:%u", base ? base + 1 : L->file, L->line);
    p->text = dyad_arena_strdup(m->strings, text);
    m->verbs[p->verb].n_pat++;
}

static void read_verbs(loader *L, FILE *f, const char *path)
{
    char *line = NULL;
    size_t cap = 0;
    L->file = path;
    L->line = 0;
    int in_verb = 0;
    while (getline(&line, &cap, f) > 0) {
        L->line++;
        char *hash = strstr(line, " #");
        if (hash) *hash = 0;
        if (line[0] == '#') continue;
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (!*p || *p == '\n') continue;
        if (!strncmp(p, "VERB ", 5) || !strncmp(p, "VERB\t", 5)) { start_verb(L, p + 5); in_verb = 1; continue; }
        if (!in_verb) { warn(L, "pattern before any VERB line", p); continue; }
        add_pattern(L, p);
    }
    free(line);
}

static void load_file(loader *L, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) { fprintf(stderr, "dyad: %s: cannot open\n", path); L->m->unusable++; return; }
    read_verbs(L, f, path);
    fclose(f);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int verbs_load(events_model *m, const char *data_dir, char *err, size_t errlen)
{
    loader L;
    memset(&L, 0, sizeof L);
    L.m = m;
    char path[4096];
    snprintf(path, sizeof path, "%s/events/sets.txt", data_dir);
    load_sets(&L, path);
    snprintf(path, sizeof path, "%s/events/verbs", data_dir);
    DIR *dir = opendir(path);
    if (!dir) { snprintf(err, errlen, "%s: cannot open the verb dictionary folder", path); goto fail; }
    char **names = NULL;
    size_t n = 0, cap = 0;
    for (struct dirent *e; (e = readdir(dir));) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt")) continue;
        if (n == cap) { cap = cap ? cap * 2 : 32; char **nn = realloc(names, cap * sizeof *names); if (!nn) abort(); names = nn; }
        names[n++] = strdup(e->d_name);
    }
    closedir(dir);
    if (n) qsort(names, n, sizeof *names, cmp_str);  /* file order is pattern order */
    for (size_t i = 0; i < n; i++) {
        char file[4096 + 256];
        snprintf(file, sizeof file, "%s/%s", path, names[i]);
        load_file(&L, file);
        free(names[i]);
    }
    free(names);
    for (uint32_t i = 0; i < L.n_sets; i++) free(L.sets[i].name);
    free(L.sets);
    free(L.toks);
    return 0;
fail:
    for (uint32_t i = 0; i < L.n_sets; i++) free(L.sets[i].name);
    free(L.sets);
    free(L.toks);
    return -1;
}

/* Sets and verb blocks in dyad's format from memory (tabari_compile.c
 * compiles the field's dictionaries into this text): the same reader. */
int verbs_load_text(events_model *m, const char *name, const char *sets, size_t sets_len,
                    const char *verbs, size_t verbs_len, char *err, size_t errlen)
{
    loader L;
    memset(&L, 0, sizeof L);
    L.m = m;
    L.quiet = 1;                    /* the caller reports the count */
    int rc = 0;
    FILE *f = sets_len ? fmemopen((void *)sets, sets_len, "r") : NULL;
    if (f) { L.file = name; L.line = 0; read_sets(&L, f, name); fclose(f); }
    f = verbs_len ? fmemopen((void *)verbs, verbs_len, "r") : NULL;
    if (f) { L.file = name; L.line = 0; read_verbs(&L, f, name); fclose(f); }
    else if (verbs_len) { snprintf(err, errlen, "%s: cannot read the compiled patterns", name); rc = -1; }
    for (uint32_t i = 0; i < L.n_sets; i++) free(L.sets[i].name);
    free(L.sets);
    free(L.toks);
    return rc;
}
