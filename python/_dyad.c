/*
 * _dyad.c - the CPython extension under the `dyad` package (python/dyad/):
 * a thin layer over libdyad.  Python's side (python/dyad/__init__.py) turns
 * the JSON records into dicts and adds pandas; everything that codes,
 * stores or queries is the same C the dyad command runs, so a record made
 * here is byte for byte the record `dyad code` prints and an error carries
 * the CLI's message.
 *
 *   Coder(data_dir=None)             the model, loaded once, shared by threads
 *     .code(text, date, title, url, id, source, published, coded) -> str
 *     .code_record(json_line, date, coded) -> str
 *     .code_path(path, date, coded) -> (records, errors)
 *   Store(path, write=False)
 *     .ingest(coder, paths, date) -> dict of counts
 *     .query(kind, filters) -> list of dicts    kind: events quotes actors search
 *     .timeline(a, b, by, from_, to) -> list of dicts
 *   Error                            every failure, with dyad's message
 *
 * The GIL is released while C codes documents, so Coder.code from several
 * Python threads runs on several cores (the model is read-only).  A Store
 * is one SQLite connection: one thread at a time (others get an Error).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "dyad.h"
#include "../core/core.h"
#include "../emit/emit.h"
#include "../ingest/ingest.h"
#include "../store/store.h"
#include "../dict/tabari_code.h"
#include "../pipeline/hooks.h"

#include <string.h>

static PyObject *dyad_error;

/* ---------------------------------------------------------------- Coder */

typedef struct {
    PyObject_HEAD
    dyad_model *model;
    tabari_coder *tabari;       /* TABARI / PETRARCH dictionaries, as dyad code --verbs ... */
} coder_obj;

static void coder_dealloc(coder_obj *self)
{
    if (self->tabari) tabari_coder_free(self->tabari);
    if (self->model) dyad_model_free(self->model);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

#define MAX_ACTOR_FILES 32

static int coder_init(coder_obj *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"data_dir", "verbs", "actors", "agents", "discards", "add", NULL};
    const char *data = NULL, *verbs = NULL, *agents = NULL, *discards = NULL;
    PyObject *actors = Py_None;
    int add = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|zzOzzp", kwlist, &data, &verbs, &actors, &agents, &discards, &add))
        return -1;
    const char *actor_files[MAX_ACTOR_FILES];
    int n_actors = 0;
    if (PyUnicode_Check(actors)) actor_files[n_actors++] = PyUnicode_AsUTF8(actors);
    else if (actors != Py_None) {
        PyObject *seq = PySequence_Fast(actors, "actors: a file name or a list of them");
        if (!seq) return -1;
        for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
            PyObject *p = PySequence_Fast_GET_ITEM(seq, i);
            if (!PyUnicode_Check(p) || n_actors == MAX_ACTOR_FILES) {
                Py_DECREF(seq);
                PyErr_SetString(PyExc_TypeError, "actors: at most 32 file names");
                return -1;
            }
            actor_files[n_actors++] = PyUnicode_AsUTF8(p);   /* kept alive by the caller's list */
        }
        Py_DECREF(seq);
    }
    int dicts = verbs || n_actors || agents || discards;
    if (add && !dicts) { PyErr_SetString(dyad_error, "--add goes with --verbs, --actors, --agents or --discards"); return -1; }
    char err[1024] = "";
    dyad_model *m;
    tabari_coder *tc = NULL;
    Py_BEGIN_ALLOW_THREADS
    if (!dicts) m = dyad_model_load(data, err, sizeof err);
    else {
        /* As dyad code: the given dictionaries replace dyad's own of their
         * kind unless add. */
        m = dyad_model_load_parts(data, add || (!n_actors && !agents), add || !verbs, err, sizeof err);
        tabari_files f = {verbs, actor_files, n_actors, agents, discards, data};
        if (m) tc = tabari_coder_load(&f, NULL, NULL, err, sizeof err);
    }
    Py_END_ALLOW_THREADS
    if (!m || (dicts && !tc)) {
        if (m) dyad_model_free(m);
        PyErr_SetString(dyad_error, err[0] ? err : "cannot load the model");
        return -1;
    }
    if (self->tabari) tabari_coder_free(self->tabari);
    if (self->model) dyad_model_free(self->model);
    self->model = m;
    self->tabari = tc;
    return 0;
}

static void tabari_after_actors(void *ctx, dyad_doc *d) { tabari_coder_actors(ctx, d); }
static void tabari_after_events(void *ctx, dyad_doc *d)
{
    tabari_coder_events(ctx, d, NULL);
    tabari_coder_discard(ctx, d);
}

/* dyad_process, with the dictionaries' stages when the coder has them. */
static void coder_process(const coder_obj *c, dyad_doc *d, const dyad_options *opt)
{
    if (!c->tabari) { dyad_process(c->model, d, opt); return; }
    dyad_hooks h = {tabari_after_actors, tabari_after_events, c->tabari};
    dyad_process_hooked(c->model, d, opt, &h);
}

/* --date as the CLI takes it. */
static int parse_date(const char *s, dyad_options *opt)
{
    memset(opt, 0, sizeof *opt);
    if (!s) return 0;
    if (dyad_date_parse(s, &opt->date) || !opt->date.day) {
        PyErr_Format(dyad_error, "--date: '%s' is not a date (YYYY-MM-DD)", s);
        return -1;
    }
    return 0;
}

static PyObject *record_of(const dyad_doc *d, int coded)
{
    dbuf b = {0};
    if (coded) emit_doc_coded_json(&b, d);
    else emit_doc_json(&b, d, EMIT_TIME | EMIT_ACTORS | EMIT_QUOTES | EMIT_EVENTS | EMIT_WARNINGS);
    PyObject *s = PyUnicode_DecodeUTF8(b.ptr ? b.ptr : "", (Py_ssize_t)b.len, "replace");
    dbuf_free(&b);
    return s;
}

static const char *arena_str(dyad_doc *d, const char *s) { return s ? dyad_arena_strdup(d->arena, s) : NULL; }

static PyObject *coder_code(coder_obj *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"text", "date", "title", "url", "id", "source", "published", "coded", NULL};
    const char *text, *date = NULL, *title = NULL, *url = NULL, *id = NULL, *source = NULL, *published = NULL;
    Py_ssize_t n;
    int coded = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "s#|zzzzzzp", kwlist, &text, &n, &date, &title, &url, &id, &source,
                                     &published, &coded))
        return NULL;
    dyad_options opt;
    if (parse_date(date, &opt)) return NULL;
    dyad_doc *d = dyad_doc_new();
    Py_BEGIN_ALLOW_THREADS
    /* Without a title the text is read as a plain-text article, as the
     * command reads a file: a first line followed by a blank line is the
     * headline. */
    if (title) {
        dyad_doc_set_raw(d, text, (size_t)n);
        d->title = arena_str(d, title);
    } else
        ingest_plain_text(text, (size_t)n, d);
    d->url = arena_str(d, url);
    d->id = arena_str(d, id);
    d->source = arena_str(d, source);
    d->published = arena_str(d, published);
    d->origin = "<python>";
    dyad_doc_ensure_id(d);
    coder_process(self, d, &opt);
    Py_END_ALLOW_THREADS
    PyObject *r = record_of(d, coded);
    dyad_doc_free(d);
    return r;
}

static PyObject *coder_code_record(coder_obj *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"line", "date", "coded", "origin", "line_no", NULL};
    const char *line, *date = NULL, *origin = NULL;
    Py_ssize_t n;
    int coded = 0;
    unsigned long long line_no = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "s#|zpzK", kwlist, &line, &n, &date, &coded, &origin, &line_no))
        return NULL;
    dyad_options opt;
    if (parse_date(date, &opt)) return NULL;
    dyad_doc *d = dyad_doc_new();
    char err[1024];
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = ingest_json_record(line, (size_t)n, d, err, sizeof err);
    if (rc == 0) {
        /* The input's name, as dyad ingest records it for the document. */
        d->origin = origin ? dyad_arena_strdup(d->arena, origin) : "<python>";
        d->origin_line = line_no;
        dyad_doc_ensure_id(d);
        coder_process(self, d, &opt);
    }
    Py_END_ALLOW_THREADS
    PyObject *r = NULL;
    if (rc && origin) PyErr_Format(dyad_error, "%s:%llu: %s", origin, line_no, err);
    else if (rc) PyErr_Format(dyad_error, "%s", err);
    else r = record_of(d, coded);
    dyad_doc_free(d);
    return r;
}

static PyObject *coder_code_path(coder_obj *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "date", "coded", NULL};
    const char *path, *date = NULL;
    int coded = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "s|zp", kwlist, &path, &date, &coded)) return NULL;
    dyad_options opt;
    if (parse_date(date, &opt)) return NULL;
    char err[1024];
    ingest_source *src;
    Py_BEGIN_ALLOW_THREADS
    src = ingest_open(path, err, sizeof err);
    Py_END_ALLOW_THREADS
    if (!src) { PyErr_SetString(dyad_error, err); return NULL; }
    PyObject *records = PyList_New(0), *errors = PyList_New(0);
    dyad_doc *d = dyad_doc_new();
    for (;;) {
        int r;
        dyad_doc_reset(d);
        Py_BEGIN_ALLOW_THREADS
        r = ingest_next(src, d);
        if (r == 1) { dyad_doc_ensure_id(d); coder_process(self, d, &opt); }
        Py_END_ALLOW_THREADS
        if (r == 0) break;
        PyObject *item = r < 0 ? PyUnicode_DecodeUTF8(ingest_error(src), (Py_ssize_t)strlen(ingest_error(src)), "replace")
                               : record_of(d, coded);
        if (!item || PyList_Append(r < 0 ? errors : records, item)) {
            Py_XDECREF(item);
            Py_DECREF(records);
            Py_DECREF(errors);
            records = NULL;
            break;
        }
        Py_DECREF(item);
    }
    dyad_doc_free(d);
    ingest_close(src);
    if (!records) return NULL;
    PyObject *t = PyTuple_Pack(2, records, errors);
    Py_DECREF(records);
    Py_DECREF(errors);
    return t;
}

static PyMethodDef coder_methods[] = {
    {"code", (PyCFunction)(void (*)(void))coder_code, METH_VARARGS | METH_KEYWORDS,
     "code(text, date=None, title=None, url=None, id=None, source=None, published=None, coded=False) -> JSON record"},
    {"code_record", (PyCFunction)(void (*)(void))coder_code_record, METH_VARARGS | METH_KEYWORDS,
     "code_record(json_line, date=None, coded=False, origin=None, line_no=0) -> JSON record of one JSON-lines record"},
    {"code_path", (PyCFunction)(void (*)(void))coder_code_path, METH_VARARGS | METH_KEYWORDS,
     "code_path(path, date=None, coded=False) -> (records, errors) of every document of a file"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject coder_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "dyad._dyad.Coder",
    .tp_basicsize = sizeof(coder_obj),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "dyad's model, loaded once: code(text) gives the JSON record dyad code gives",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)coder_init,
    .tp_dealloc = (destructor)coder_dealloc,
    .tp_methods = coder_methods,
};

/* ---------------------------------------------------------------- Store */

typedef struct {
    PyObject_HEAD
    store *s;
    int busy;
} store_obj;

static void store_dealloc(store_obj *self)
{
    if (self->s) store_close(self->s);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int store_init(store_obj *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "write", NULL};
    const char *path;
    int write = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "s|p", kwlist, &path, &write)) return -1;
    char err[1024] = "";
    store *s;
    Py_BEGIN_ALLOW_THREADS
    s = store_open(path, write ? STORE_CREATE : 0, err, sizeof err);
    Py_END_ALLOW_THREADS
    if (!s) { PyErr_SetString(dyad_error, err); return -1; }
    if (self->s) store_close(self->s);
    self->s = s;
    return 0;
}

static int store_enter(store_obj *self)
{
    if (!self->s) { PyErr_SetString(dyad_error, "the store is closed"); return -1; }
    if (self->busy) { PyErr_SetString(dyad_error, "the store is in use by another thread"); return -1; }
    self->busy = 1;
    return 0;
}

static PyObject *column_value(sqlite3_stmt *st, int i)
{
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER: return PyLong_FromLongLong(sqlite3_column_int64(st, i));
    case SQLITE_FLOAT: return PyFloat_FromDouble(sqlite3_column_double(st, i));
    case SQLITE_NULL: Py_RETURN_NONE;
    case SQLITE_BLOB: return PyBytes_FromStringAndSize(sqlite3_column_blob(st, i), sqlite3_column_bytes(st, i));
    default:
        /* as dyad's JSON: an absent value ("" in the store) is None */
        if (!sqlite3_column_bytes(st, i)) Py_RETURN_NONE;
        return PyUnicode_DecodeUTF8((const char *)sqlite3_column_text(st, i), sqlite3_column_bytes(st, i), "replace");
    }
}

/* Every row of a statement as a dict keyed by the column names; the
 * statement is finalized. */
static PyObject *rows_of(store_obj *self, sqlite3_stmt *st)
{
    PyObject *list = PyList_New(0);
    int n = sqlite3_column_count(st), rc;
    while (list) {
        Py_BEGIN_ALLOW_THREADS
        rc = sqlite3_step(st);
        Py_END_ALLOW_THREADS
        if (rc != SQLITE_ROW) break;
        PyObject *row = PyDict_New();
        for (int i = 0; row && i < n; i++) {
            PyObject *v = column_value(st, i);
            if (!v || PyDict_SetItemString(row, sqlite3_column_name(st, i), v)) { Py_CLEAR(row); }
            Py_XDECREF(v);
        }
        if (!row || PyList_Append(list, row)) Py_CLEAR(list);
        Py_XDECREF(row);
    }
    if (list && rc != SQLITE_DONE) {
        PyErr_SetString(dyad_error, sqlite3_errmsg(store_db(self->s)));
        Py_CLEAR(list);
    }
    sqlite3_finalize(st);
    return list;
}

/* The filter from a dict of the CLI's option names (without "--"). */
static int filter_of(PyObject *f, store_filter *out)
{
    memset(out, 0, sizeof *out);
    if (!f || f == Py_None) return 0;
    if (!PyDict_Check(f)) { PyErr_SetString(PyExc_TypeError, "filters must be a dict"); return -1; }
    PyObject *key, *val;
    Py_ssize_t pos = 0;
    while (PyDict_Next(f, &pos, &key, &val)) {
        const char *k = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : NULL;
        if (!k) { PyErr_SetString(PyExc_TypeError, "filter names are strings"); return -1; }
        if (val == Py_None) continue;
        if (!strcmp(k, "quad") || !strcmp(k, "limit")) {
            long v = PyLong_AsLong(val);
            if (v == -1 && PyErr_Occurred()) return -1;
            if (!strcmp(k, "quad")) out->quad = (int)v;
            else out->limit = v;
            continue;
        }
        const char *v = PyUnicode_Check(val) ? PyUnicode_AsUTF8(val) : NULL;
        if (!v) { PyErr_Format(PyExc_TypeError, "filter %s: a string", k); return -1; }
        const char **slot = !strcmp(k, "actor") ? &out->actor : !strcmp(k, "source") ? &out->source :
                            !strcmp(k, "target") ? &out->target : !strcmp(k, "cameo") ? &out->cameo :
                            !strcmp(k, "plover") ? &out->plover : !strcmp(k, "from") ? &out->from :
                            !strcmp(k, "to") ? &out->to : !strcmp(k, "doc") ? &out->doc :
                            !strcmp(k, "speaker") ? &out->speaker : !strcmp(k, "text") ? &out->text : NULL;
        if (!slot) { PyErr_Format(dyad_error, "unknown filter '%s'", k); return -1; }
        *slot = v;     /* borrowed from the dict, which outlives the query */
    }
    char err[512];
    if (store_filter_check(out, err, sizeof err)) { PyErr_SetString(dyad_error, err); return -1; }
    return 0;
}

static PyObject *store_query(store_obj *self, PyObject *args)
{
    const char *kind;
    PyObject *filters = NULL;
    if (!PyArg_ParseTuple(args, "s|O", &kind, &filters)) return NULL;
    store_filter f;
    if (filter_of(filters, &f) || store_enter(self)) return NULL;
    char err[512] = "";
    sqlite3_stmt *st = NULL;
    if (!strcmp(kind, "events")) st = store_query_events(self->s, &f, 1, err, sizeof err);
    else if (!strcmp(kind, "quotes")) st = store_query_quotes(self->s, &f, 1, err, sizeof err);
    else if (!strcmp(kind, "actors")) st = store_query_actors(self->s, &f, err, sizeof err);
    else if (!strcmp(kind, "search")) {
        if (!f.text) snprintf(err, sizeof err, "search: no words given");
        else st = store_query_search(self->s, f.text, f.limit ? f.limit : 50, err, sizeof err);
    } else
        snprintf(err, sizeof err, "unknown query '%s' (events, quotes, actors, search)", kind);
    PyObject *r = st ? rows_of(self, st) : (PyErr_SetString(dyad_error, err), NULL);
    self->busy = 0;
    return r;
}

static PyObject *store_timeline_py(store_obj *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"a", "b", "by", "from_", "to", NULL};
    const char *a, *b, *by = "month", *from = NULL, *to = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "ss|szz", kwlist, &a, &b, &by, &from, &to)) return NULL;
    int period = store_by_parse(by);
    if (period < 0) { PyErr_Format(dyad_error, "timeline: --by '%s': day, week, month or year", by); return NULL; }
    if (!a[strspn(a, " \t")] || !b[strspn(b, " \t")]) { PyErr_SetString(dyad_error, "timeline: an actor is empty"); return NULL; }
    store_filter f = {0};
    f.from = from;
    f.to = to;
    char err[512];
    if (store_filter_check(&f, err, sizeof err)) { PyErr_SetString(dyad_error, err); return NULL; }
    if (store_enter(self)) return NULL;
    timeline tl;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = store_timeline(self->s, a, b, period, from, to, &tl, err, sizeof err);
    Py_END_ALLOW_THREADS
    self->busy = 0;
    if (rc) { PyErr_SetString(dyad_error, err); return NULL; }
    PyObject *list = PyList_New(0);
    for (size_t i = 0; list && i < tl.n; i++) {
        const tl_row *r = &tl.rows[i];
        PyObject *mean = r->ngold ? PyFloat_FromDouble(r->gsum / (double)r->ngold) : (Py_INCREF(Py_None), Py_None);
        /* The members of dyad timeline --json, the period under its unit's name. */
        PyObject *row = Py_BuildValue("{s:s,s:l,s:l,s:l,s:d,s:N,s:l,s:l,s:l,s:l}", by, r->period, "a_to_b", r->ab,
                                      "b_to_a", r->ba, "events", r->ab + r->ba, "goldstein_sum", r->gsum,
                                      "goldstein_mean", mean, "verbal_coop", r->quad[0], "material_coop", r->quad[1],
                                      "verbal_conflict", r->quad[2], "material_conflict", r->quad[3]);
        if (!row || PyList_Append(list, row)) Py_CLEAR(list);
        Py_XDECREF(row);
    }
    timeline_free(&tl);
    return list;
}

/* Code (or restore, for coded records) every document of the files and
 * store it, in batches of 200, as `dyad ingest` does. */
static PyObject *store_ingest(store_obj *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"coder", "paths", "date", NULL};
    PyObject *coder, *paths;
    const char *date = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O!O|z", kwlist, &coder_type, &coder, &paths, &date)) return NULL;
    dyad_options opt;
    if (parse_date(date, &opt)) return NULL;
    PyObject *seq = PySequence_Fast(paths, "paths must be a list of file names");
    if (!seq) return NULL;
    Py_ssize_t np = PySequence_Fast_GET_SIZE(seq);
    const char **files = PyMem_Calloc((size_t)np + 1, sizeof *files);
    for (Py_ssize_t i = 0; files && i < np; i++) {
        PyObject *p = PySequence_Fast_GET_ITEM(seq, i);
        files[i] = PyUnicode_Check(p) ? PyUnicode_AsUTF8(p) : NULL;
        if (!files[i]) { PyErr_SetString(PyExc_TypeError, "paths must be strings"); PyMem_Free(files); Py_DECREF(seq); return NULL; }
    }
    if (!files || store_enter(self)) { PyMem_Free(files); Py_DECREF(seq); return NULL; }
    const coder_obj *cd = (const coder_obj *)coder;
    store_stats stats = {0};
    char err[1024] = "";
    uint64_t failed = 0;
    int fatal = 0;
    PyObject *errors = PyList_New(0);
    dyad_doc *d = dyad_doc_new();
    Py_BEGIN_ALLOW_THREADS
    long in_batch = 0;
    if (store_begin(self->s, err, sizeof err)) fatal = 1;
    for (Py_ssize_t i = 0; i < np && !fatal; i++) {
        ingest_source *src = ingest_open(files[i], err, sizeof err);
        if (!src) {
            failed++;
            PyGILState_STATE g = PyGILState_Ensure();
            PyObject *e = PyUnicode_FromString(err);
            if (e) { PyList_Append(errors, e); Py_DECREF(e); }
            PyGILState_Release(g);
            continue;
        }
        for (;;) {
            dyad_doc_reset(d);
            int r = ingest_next(src, d);
            if (r == 0) break;
            if (r < 0) {
                failed++;
                PyGILState_STATE g = PyGILState_Ensure();
                PyObject *e = PyUnicode_FromString(ingest_error(src));
                if (e) { PyList_Append(errors, e); Py_DECREF(e); }
                PyGILState_Release(g);
                continue;
            }
            dyad_doc_ensure_id(d);
            int have = store_has_doc(self->s, d->id);
            if (have) { if (have > 0) stats.skipped++; else { fatal = 1; snprintf(err, sizeof err, "%s", sqlite3_errmsg(store_db(self->s))); break; } continue; }
            coder_process(cd, d, &opt);
            int pr = store_put_doc(self->s, d, &stats, err, sizeof err);
            if (pr == -2) { fatal = 1; break; }
            if (pr < 0) {
                failed++;
                PyGILState_STATE g = PyGILState_Ensure();
                PyObject *e = PyUnicode_FromFormat("%s: document %s not stored: %s", d->origin ? d->origin : "-",
                                                   d->id ? d->id : "?", err);
                if (e) { PyList_Append(errors, e); Py_DECREF(e); }
                PyGILState_Release(g);
                continue;
            }
            if (++in_batch >= 200) {
                if (store_commit(self->s, err, sizeof err) || store_begin(self->s, err, sizeof err)) { fatal = 1; break; }
                in_batch = 0;
            }
        }
        ingest_close(src);
    }
    if (!fatal && store_commit(self->s, err, sizeof err)) fatal = 1;
    Py_END_ALLOW_THREADS
    dyad_doc_free(d);
    self->busy = 0;
    PyMem_Free(files);
    Py_DECREF(seq);
    if (fatal) { Py_XDECREF(errors); PyErr_Format(dyad_error, "%s (documents of the open batch were not stored: run again)", err); return NULL; }
    return Py_BuildValue("{s:K,s:K,s:K,s:K,s:K,s:K,s:K,s:K,s:N}", "documents", (unsigned long long)stats.docs,
                         "skipped", (unsigned long long)stats.skipped, "failed", (unsigned long long)failed,
                         "sentences", (unsigned long long)stats.sentences, "quotes", (unsigned long long)stats.quotes,
                         "reports", (unsigned long long)stats.reports, "events_new", (unsigned long long)stats.events_new,
                         "events_merged", (unsigned long long)stats.events_merged, "errors", errors);
}

static PyObject *store_close_py(store_obj *self, PyObject *unused)
{
    (void)unused;
    if (self->busy) { PyErr_SetString(dyad_error, "the store is in use by another thread"); return NULL; }
    if (self->s) store_close(self->s);
    self->s = NULL;
    Py_RETURN_NONE;
}

static PyMethodDef store_methods[] = {
    {"query", (PyCFunction)store_query, METH_VARARGS, "query(kind, filters) -> list of dicts"},
    {"timeline", (PyCFunction)(void (*)(void))store_timeline_py, METH_VARARGS | METH_KEYWORDS,
     "timeline(a, b, by='month', from_=None, to=None) -> list of dicts"},
    {"ingest", (PyCFunction)(void (*)(void))store_ingest, METH_VARARGS | METH_KEYWORDS,
     "ingest(coder, paths, date=None) -> counts"},
    {"close", (PyCFunction)store_close_py, METH_NOARGS, "close the store"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject store_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "dyad._dyad.Store",
    .tp_basicsize = sizeof(store_obj),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "the SQLite event store dyad ingest writes",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)store_init,
    .tp_dealloc = (destructor)store_dealloc,
    .tp_methods = store_methods,
};

static struct PyModuleDef dyad_module = {
    PyModuleDef_HEAD_INIT, "dyad._dyad", "libdyad for Python: see the dyad package", -1, NULL, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__dyad(void)
{
    if (PyType_Ready(&coder_type) < 0 || PyType_Ready(&store_type) < 0) return NULL;
    PyObject *m = PyModule_Create(&dyad_module);
    if (!m) return NULL;
    dyad_error = PyErr_NewException("dyad.Error", PyExc_RuntimeError, NULL);
    Py_INCREF(&coder_type);
    Py_INCREF(&store_type);
    if (PyModule_AddObject(m, "Coder", (PyObject *)&coder_type) || PyModule_AddObject(m, "Store", (PyObject *)&store_type) ||
        PyModule_AddObject(m, "Error", dyad_error) || PyModule_AddStringConstant(m, "version", DYAD_VERSION)) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
