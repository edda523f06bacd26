/*
 * table.c - query results out: an aligned table for people, JSON lines,
 * CSV or TSV for programs.
 *
 * Table: rows are buffered to measure the columns; a cell wider than its
 * column's limit is cut at a character boundary and ends in "…"; numbers
 * are right-aligned; newlines and tabs in text show as spaces.
 * JSON: one object per row, keys are the column names, numbers as numbers
 * and NULL as null.  CSV: RFC 4180 (a field with a comma, quote or line
 * break is quoted, quotes doubled), header first.  TSV: header first; a
 * tab, newline, carriage return or backslash in a field is written \t, \n,
 * \r, \\ so that every record is one line.
 * Document text cannot drive the terminal: the table writes control
 * characters as U+FFFD always, CSV and TSV when the output is a terminal
 * (JSON escapes them anyway).
 */
#include "store.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

size_t tab_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) w++;
    return w;
}

void tab_begin(tab_out *t, FILE *out, int fmt, int ncols, const char *const *names)
{
    memset(t, 0, sizeof *t);
    t->out = out;
    t->fmt = fmt;
    t->ncols = ncols > 64 ? 64 : ncols;
    t->names = names;
    t->tty = isatty(fileno(out));
    for (int i = 0; i < 64; i++) t->maxw[i] = 40;
    if (fmt == OUT_CSV || fmt == OUT_TSV) {
        for (int i = 0; i < t->ncols; i++) {
            if (i) fputc(fmt == OUT_CSV ? ',' : '\t', out);
            fputs(names[i], out);
        }
        fputc('\n', out);
    }
}

/* The columns that hold a flag (0 / 1 in SQLite). */
static int json_flag_column(const char *name)
{
    static const char *const flags[] = {"negated", "quoted", "passive", "modal", "credit", "undated", NULL};
    for (const char *const *f = flags; *f; f++)
        if (!strcmp(name, *f)) return 1;
    return 0;
}

/* Bytes of a field; on a terminal with control characters made harmless
 * (a file or pipe gets the data as stored). */
static void raw(FILE *f, const char *s, size_t n, int tty)
{
    if (tty) put_printable(f, s, n); else fwrite(s, 1, n, f);
}

static void csv_field(FILE *f, const char *s, int tty)
{
    int quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote) fputc('"', f);
    while (*s) {
        size_t n = strcspn(s, "\"");
        raw(f, s, n, tty);
        s += n;
        if (*s == '"') { fputs("\"\"", f); s++; }
    }
    if (quote) fputc('"', f);
}

static void tsv_field(FILE *f, const char *s, int tty)
{
    while (*s) {
        size_t n = strcspn(s, "\t\n\r\\");
        raw(f, s, n, tty);
        s += n;
        if (!*s) break;
        fputs(*s == '\t' ? "\\t" : *s == '\n' ? "\\n" : *s == '\r' ? "\\r" : "\\\\", f);
        s++;
    }
}

void tab_row(tab_out *t, const tab_cell *c)
{
    t->rows++;
    if (t->fmt == OUT_TABLE) {
        /* Buffer: each cell's text NUL-terminated, its kind beside it. */
        for (int i = 0; i < t->ncols; i++) {
            const char *s = c[i].kind == CELL_NULL || !c[i].s ? "" : c[i].s;
            dbuf_put(&t->cells, s, strlen(s) + 1);
            if (t->n_kinds == t->cap_kinds) {
                t->cap_kinds = t->cap_kinds ? 2 * t->cap_kinds : 256;
                t->kinds = realloc(t->kinds, t->cap_kinds * sizeof *t->kinds);
                if (!t->kinds) abort();
            }
            t->kinds[t->n_kinds++] = c[i].kind;
        }
        return;
    }
    if (t->fmt == OUT_JSON) {
        dbuf b = {0};
        dbuf_putc(&b, '{');
        for (int i = 0; i < t->ncols; i++) {
            if (i) dbuf_putc(&b, ',');
            json_key(&b, t->names[i]);
            /* JSON conventions: absent (NULL or "") is null, a flag is
             * true / false, never 0 / 1 */
            if (c[i].kind == CELL_NULL || !c[i].s || !c[i].s[0]) dbuf_puts(&b, "null");
            else if (c[i].kind == CELL_NUM && json_flag_column(t->names[i])) dbuf_puts(&b, strcmp(c[i].s, "0") ? "true" : "false");
            else if (c[i].kind == CELL_NUM) dbuf_puts(&b, c[i].s);
            else json_str(&b, c[i].s);
        }
        dbuf_puts(&b, "}\n");
        fwrite(b.ptr, 1, b.len, t->out);
        dbuf_free(&b);
        return;
    }
    for (int i = 0; i < t->ncols; i++) {
        if (i) fputc(t->fmt == OUT_CSV ? ',' : '\t', t->out);
        const char *s = c[i].kind == CELL_NULL || !c[i].s ? "" : c[i].s;
        if (t->fmt == OUT_CSV) csv_field(t->out, s, t->tty); else tsv_field(t->out, s, t->tty);
    }
    fputc('\n', t->out);
}

/* Bytes of s that fit in w columns. */
static size_t fit(const char *s, size_t w)
{
    size_t i = 0, cols = 0;
    while (s[i]) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (cols == w) break;
            cols++;
        }
        i++;
    }
    return i;
}

/* One cell in colw columns, cut with "…" when wider. */
static void put_cell(FILE *f, const char *s, size_t colw, int right)
{
    size_t len = strlen(s), w = tab_width(s, len);
    int cut = w > colw;
    if (cut) { len = fit(s, colw ? colw - 1 : 0); w = colw; }
    if (right) for (size_t k = w; k < colw; k++) fputc(' ', f);
    /* The table is for people: no control character reaches the screen. */
    put_printable(f, s, len);
    if (cut) fputs("…", f);
    if (!right) for (size_t k = w; k < colw; k++) fputc(' ', f);
}

/* One line of the table; trailing blanks trimmed (an empty last cell
 * would otherwise leave the padding of the cells before it). */
static void put_line(FILE *f, FILE *mem, char **buf, size_t *len)
{
    fflush(mem);
    size_t n = *len;
    while (n && (*buf)[n - 1] == ' ') n--;
    fwrite(*buf, 1, n, f);
    fputc('\n', f);
    rewind(mem);
}

static void table_flush(tab_out *t)
{
    int n = t->ncols;
    size_t colw[64];
    int numeric[64];
    for (int i = 0; i < n; i++) { colw[i] = tab_width(t->names[i], strlen(t->names[i])); numeric[i] = 1; }
    const char *p = t->cells.ptr;
    for (size_t k = 0; k < t->n_kinds; k++) {
        int i = (int)(k % (size_t)n);
        size_t len = strlen(p), w = tab_width(p, len);
        if (w > (size_t)t->maxw[i]) w = (size_t)t->maxw[i];
        if (w > colw[i]) colw[i] = w;
        if (t->kinds[k] == CELL_TEXT) numeric[i] = 0;
        p += len + 1;
    }
    if (!t->n_kinds) for (int i = 0; i < n; i++) numeric[i] = 0;
    if (t->fit > 0) {
        /* Narrow the widest text columns, one column of width at a time,
         * until the table fits the terminal (but none below 12). */
        size_t total = 2 * (size_t)(n - 1);
        for (int i = 0; i < n; i++) total += colw[i];
        while (total > (size_t)t->fit) {
            int best = -1;
            for (int i = 0; i < n; i++)
                if (!numeric[i] && colw[i] > 12 && (best < 0 || colw[i] >= colw[best])) best = i;
            if (best < 0) break;
            colw[best]--;
            total--;
        }
    }
    char *buf = NULL;
    size_t blen = 0;
    FILE *line = open_memstream(&buf, &blen);
    if (!line) abort();
    for (int i = 0; i < n; i++) {
        if (i) fputs("  ", line);
        put_cell(line, t->names[i], colw[i], numeric[i]);
    }
    put_line(t->out, line, &buf, &blen);
    for (int i = 0; i < n; i++) {
        if (i) fputs("  ", line);
        for (size_t k = 0; k < colw[i]; k++) fputs("─", line);
    }
    put_line(t->out, line, &buf, &blen);
    p = t->cells.ptr;
    for (size_t k = 0; k < t->n_kinds; k++) {
        int i = (int)(k % (size_t)n);
        if (i) fputs("  ", line);
        put_cell(line, p, colw[i], numeric[i]);
        if (i == n - 1) put_line(t->out, line, &buf, &blen);
        p += strlen(p) + 1;
    }
    fclose(line);
    free(buf);
    if (t->noun) fprintf(t->out, "(%ld %s)\n", t->rows, t->noun);
}

void tab_end(tab_out *t)
{
    if (t->fmt == OUT_TABLE) table_flush(t);
    dbuf_free(&t->cells);
    free(t->kinds);
    t->kinds = NULL;
    t->n_kinds = t->cap_kinds = 0;
    fflush(t->out);
}

int tab_stmt(FILE *out, int fmt, sqlite3_stmt *st, const char *noun, const int *maxw, int fit,
             long *rows, char *err, size_t errlen)
{
    int n = sqlite3_column_count(st);
    if (n > 64) n = 64;
    /* Step first: SQLite may re-prepare a statement on its first step
     * (bound values can change the plan), which frees the column names
     * read before it; and copy them, they must outlive the last step. */
    int rc = sqlite3_step(st);
    char *names[64];
    for (int i = 0; i < n; i++) {
        const char *nm = sqlite3_column_name(st, i);
        names[i] = strdup(nm ? nm : "");
        if (!names[i]) abort();
    }
    tab_out t;
    tab_begin(&t, out, fmt, n, (const char *const *)names);
    t.noun = noun;
    t.fit = fit;
    if (maxw) for (int i = 0; i < n; i++) if (maxw[i]) t.maxw[i] = maxw[i];
    tab_cell cells[64] = {{0}};
    char *copies[64] = {0};
    for (; rc == SQLITE_ROW; rc = sqlite3_step(st)) {
        for (int i = 0; i < n; i++) {
            int ty = sqlite3_column_type(st, i);
            /* Copied: the column text of one column may be invalidated by
             * fetching another. */
            const char *v = (const char *)sqlite3_column_text(st, i);
            copies[i] = v ? strdup(v) : NULL;
            cells[i].s = copies[i];
            cells[i].kind = ty == SQLITE_NULL ? CELL_NULL
                          : ty == SQLITE_INTEGER || ty == SQLITE_FLOAT ? CELL_NUM : CELL_TEXT;
        }
        tab_row(&t, cells);
        for (int i = 0; i < n; i++) free(copies[i]);
    }
    int ok = rc == SQLITE_DONE;
    if (!ok) snprintf(err, errlen, "%s", sqlite3_errmsg(sqlite3_db_handle(st)));
    if (rows) *rows = t.rows;
    tab_end(&t);
    for (int i = 0; i < n; i++) free(names[i]);
    return ok ? 0 : -1;
}
