/*
 * paragraphs.c - find the paragraphs of a normalised body.
 *
 * News reaches us in three layouts: paragraphs separated by blank lines
 * (most web text), one paragraph per line with no blank lines (many
 * scrapes), and hard-wrapped lines at ~70 columns where paragraphs are
 * marked by indentation or blank lines (wire archives such as Reuters 1987).
 * The first two are the same rule: every non-blank line is a paragraph.
 * Hard wrapping is detected from the lines themselves: most lines that are
 * followed by another line stop in mid-sentence.
 */
#include "text.h"
#include "../core/core.h"

#include <string.h>

typedef struct { uint32_t off, len, indent; } line;

static int is_space(char c) { return c == ' ' || c == '\t'; }

/* Does the line end a sentence?  Closing quotes and brackets are looked
 * through: `... in love.”` ends one, a crosshead `”We fell in love”` does not. */
static int line_ends_sentence(const char *s, uint32_t len)
{
    for (;;) {
        while (len && is_space(s[len - 1])) len--;
        if (!len) return 1;
        unsigned char c = (unsigned char)s[len - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']') { len--; continue; }
        if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 && (unsigned char)s[len - 2] == 0x80 &&
            (c == 0x9D || c == 0x99 || c == 0x9C)) { len -= 3; continue; }         /* ” ’ “ */
        if (len >= 2 && (unsigned char)s[len - 2] == 0xC2 && c == 0xBB) { len -= 2; continue; }  /* » */
        if (strchr(".!?:;", c)) return 1;
        return len >= 3 && (unsigned char)s[len - 3] == 0xE2 && c == 0xA6;      /* … */
    }
}

static int starts_lower(const char *s, uint32_t len)
{
    return len && s[0] >= 'a' && s[0] <= 'z';
}

static int is_bullet(const char *s, uint32_t len)
{
    if (len >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') return 1;
    if (len >= 4 && !memcmp(s, "\xE2\x80\xA2 ", 4)) return 1;          /* • */
    if (len >= 3 && !memcmp(s, "\xC2\xB7 ", 3)) return 1;              /* · */
    uint32_t i = 0;
    while (i < len && i < 3 && s[i] >= '0' && s[i] <= '9') i++;
    return i > 0 && i + 1 < len && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ';
}

static uint32_t count_words(const char *s, uint32_t len)
{
    uint32_t n = 0;
    int in = 0;
    for (uint32_t i = 0; i < len; i++) {
        int sp = is_space(s[i]) || s[i] == '\n';
        if (!sp && !in) n++;
        in = !sp;
    }
    return n;
}

static void add_para(text_paras *out, const char *norm, uint32_t off, uint32_t end, int wrapped)
{
    while (off < end && (is_space(norm[off]) || norm[off] == '\n')) off++;
    while (end > off && (is_space(norm[end - 1]) || norm[end - 1] == '\n')) end--;
    if (end == off) return;
    out->v = dyad_grow(out->v, &out->cap, out->n + 1, sizeof *out->v);
    text_para *p = &out->v[out->n++];
    memset(p, 0, sizeof *p);
    p->off = off;
    p->len = end - off;
    p->wrapped = (uint8_t)wrapped;
    const char *s = norm + off;
    if (is_bullet(s, p->len)) p->flags |= DYAD_PARA_LIST;
    else if (!line_ends_sentence(s, p->len) && count_words(s, p->len) <= 12 &&
             !memchr(s, '\n', p->len))
        p->flags |= DYAD_PARA_HEADING;
}

void text_paragraphs(dyad_doc *d, text_paras *out)
{
    const char *s = d->norm;
    uint32_t n = d->norm_len;
    out->n = 0;

    /* Pass 1: judge the layout from consecutive non-blank line pairs. */
    uint32_t pairs = 0, wraps = 0, prev_off = 0, prev_len = 0;
    int have_prev = 0;
    for (uint32_t i = 0; i <= n;) {
        uint32_t e = i;
        while (e < n && s[e] != '\n') e++;
        uint32_t b = i;
        while (b < e && is_space(s[b])) b++;
        int blank = b == e;
        if (!blank && have_prev) {
            pairs++;
            if ((prev_len >= 30 && !line_ends_sentence(s + prev_off, prev_len)) ||
                starts_lower(s + b, e - b))
                wraps++;
        }
        have_prev = !blank;
        prev_off = b;
        prev_len = e - b;
        i = e + 1;
    }
    int hard_wrapped = pairs >= 3 && wraps * 2 >= pairs;

    /* Pass 2: cut paragraphs. */
    uint32_t start = 0;
    int open = 0;
    for (uint32_t i = 0; i <= n;) {
        uint32_t e = i;
        while (e < n && s[e] != '\n') e++;
        uint32_t b = i;
        while (b < e && is_space(s[b])) b++;
        int blank = b == e;
        if (!hard_wrapped) {
            /* Even in line-per-paragraph text, a line that stops mid-sentence
             * and is followed by one starting in lower case is a wrapped line. */
            if (blank) { if (open) add_para(out, s, start, i, 1); open = 0; i = e + 1; continue; }
            if (!open) { start = i; open = 1; }
            uint32_t nb = e + 1;
            while (nb < n && is_space(s[nb])) nb++;
            if (!(nb < n && !line_ends_sentence(s + b, e - b) && starts_lower(s + nb, n - nb))) {
                add_para(out, s, start, e, 1);
                open = 0;
            }
        } else if (blank) {
            if (open) add_para(out, s, start, i, 1);
            open = 0;
        } else {
            int indented = b - i >= 2;
            if (open && (indented || is_bullet(s + b, e - b))) {
                add_para(out, s, start, i, 1);
                open = 0;
            }
            if (!open) { start = i; open = 1; }
        }
        i = e + 1;
    }
    if (open) add_para(out, s, start, n, 1);
}
