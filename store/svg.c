/*
 * svg.c - the timeline as a chart for a report: hand-written SVG 1.1, no
 * script, no external fonts or styles, so it opens in any browser and
 * pastes into any document.
 *
 * Layout: title and subtitle on top, the legend under them; grouped bars
 * per period (A -> B and B -> A) against the event count on the left axis;
 * the Goldstein mean of each period with events as dots joined across
 * neighbouring periods, against its own -10..+10 axis on the right, with
 * a dashed zero line.  Every period of the span has a slot, empty or not,
 * so the x axis is true time; labels are thinned so they never overlap.
 */
#include "store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define W 960.0
#define H 500.0
#define X0 70.0                     /* plot area */
#define X1 (W - 80.0)
#define Y0 110.0
#define Y1 (H - 70.0)
#define COLOR_AB "#2b6cb0"
#define COLOR_BA "#dd6b20"
#define COLOR_G "#2d3748"
#define FONT "font-family=\"Helvetica, Arial, sans-serif\""

/* Text as XML character data: markup characters escaped, control
 * characters (not allowed in XML 1.0) and invalid UTF-8 (actor names come
 * from the command line) as U+FFFD, so the chart always parses. */
static void xml_text(dbuf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        switch (c) {
        case '&': dbuf_puts(b, "&amp;"); i++; continue;
        case '<': dbuf_puts(b, "&lt;"); i++; continue;
        case '>': dbuf_puts(b, "&gt;"); i++; continue;
        case '"': dbuf_puts(b, "&quot;"); i++; continue;
        case '\'': dbuf_puts(b, "&apos;"); i++; continue;
        }
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n') dbuf_puts(b, "\xEF\xBF\xBD");
            else dbuf_putc(b, (char)c);
            i++;
            continue;
        }
        uint32_t cp;
        int len = utf8_decode(p + i, n - i, &cp);
        if (!len || cp == 0xFFFE || cp == 0xFFFF) { dbuf_puts(b, "\xEF\xBF\xBD"); i += len ? (size_t)len : 1; continue; }
        dbuf_put(b, p + i, (size_t)len);
        i += (size_t)len;
    }
}

/* An actor as the chart shows it: at most LABEL_CHARS characters, cut at
 * a character boundary with "…" (the full name is in the <title>). */
#define LABEL_CHARS 48
static void label(dbuf *b, const char *s)
{
    size_t n = strlen(s), i = 0, chars = 0;
    while (i < n && chars < LABEL_CHARS) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
        chars++;
    }
    dbuf_put(b, s, i);
    if (i < n) dbuf_puts(b, "…");
}

/* A "nice" step (1, 2 or 5 times a power of ten) for about five ticks. */
static double nice_step(double max)
{
    if (max <= 5) return 1;
    double raw = max / 5.0, p = pow(10.0, floor(log10(raw))), f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

static const char *unit(int by)
{
    static const char *const n[] = {"day", "week", "month", "year"};
    return n[by >= 0 && by < 4 ? by : 2];
}

static void text_at(dbuf *b, double x, double y, const char *anchor, int size, const char *extra, const char *s)
{
    dbuf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\"%s%s>", x, y, anchor, size,
                extra ? " " : "", extra ? extra : "");
    xml_text(b, s);
    dbuf_puts(b, "</text>\n");
}

void timeline_svg(dbuf *b, const timeline *tl)
{
    size_t n;
    tl_row *all = timeline_fill(tl, &n);
    long total = 0, max = 0;
    for (size_t i = 0; i < n; i++) {
        total += all[i].ab + all[i].ba;
        if (all[i].ab > max) max = all[i].ab;
        if (all[i].ba > max) max = all[i].ba;
    }
    /* Built whole (names of any length), then shortened for display. */
    dbuf full = {0}, title = {0}, sub = {0}, la = {0}, lb = {0};
    dbuf_printf(&full, "Events between %s and %s, per %s", tl->a, tl->b, unit(tl->by));
    dbuf_puts(&title, "Events between ");
    label(&title, tl->a);
    dbuf_puts(&title, " and ");
    label(&title, tl->b);
    dbuf_printf(&title, ", per %s", unit(tl->by));
    if (n)
        dbuf_printf(&sub, "%s to %s · %ld event%s · bars: events per direction · line: mean Goldstein score",
                    all[0].period, all[n - 1].period, total, total == 1 ? "" : "s");
    else
        dbuf_puts(&sub, "no events in the store");
    label(&la, tl->a); dbuf_puts(&la, " → "); label(&la, tl->b);
    label(&lb, tl->b); dbuf_puts(&lb, " → "); label(&lb, tl->a);

    dbuf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    dbuf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%.0f\" height=\"%.0f\""
                   " viewBox=\"0 0 %.0f %.0f\" " FONT ">\n", W, H, W, H);
    dbuf_puts(b, "<title>"); xml_text(b, full.ptr); dbuf_puts(b, "</title>\n");
    dbuf_puts(b, "<desc>"); xml_text(b, sub.ptr); dbuf_puts(b, " (made by dyad from its event store)</desc>\n");
    dbuf_printf(b, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n", W, H);
    text_at(b, X0, 34, "start", 20, "font-weight=\"bold\" fill=\"#1a202c\"", title.ptr);
    text_at(b, X0, 56, "start", 13, "fill=\"#4a5568\"", sub.ptr);

    /* Legend. */
    double lx = X0, ly = 82;
    dbuf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" fill=\"" COLOR_AB "\"/>\n", lx, ly - 11);
    text_at(b, lx + 20, ly, "start", 13, "fill=\"#1a202c\"", la.ptr);
    lx += 40 + 8.0 * (double)tab_width(la.ptr, la.len);
    dbuf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" fill=\"" COLOR_BA "\"/>\n", lx, ly - 11);
    text_at(b, lx + 20, ly, "start", 13, "fill=\"#1a202c\"", lb.ptr);
    lx += 40 + 8.0 * (double)tab_width(lb.ptr, lb.len);
    dbuf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" COLOR_G "\" stroke-width=\"2\"/>"
                   "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"" COLOR_G "\"/>\n",
                lx, ly - 4, lx + 24, ly - 4, lx + 12, ly - 4);
    text_at(b, lx + 32, ly, "start", 13, "fill=\"#1a202c\"", "mean Goldstein score (right axis)");
    dbuf_free(&full); dbuf_free(&title); dbuf_free(&sub); dbuf_free(&la); dbuf_free(&lb);

    /* Left axis: event counts, with grid lines. */
    double step = nice_step((double)(max ? max : 1));
    double top = ceil((double)(max ? max : 1) / step) * step;
    if (top <= (double)max) top += step;        /* headroom: the tallest bar never touches the frame */
    for (double v = 0; v <= top + step / 2; v += step) {
        double y = Y1 - v / top * (Y1 - Y0);
        char lab[32];
        snprintf(lab, sizeof lab, "%.0f", v);
        dbuf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e2e8f0\"/>\n", X0, y, X1, y);
        text_at(b, X0 - 8, y + 4, "end", 12, "fill=\"#4a5568\"", lab);
    }
    dbuf_printf(b, "<text transform=\"translate(%.1f %.1f) rotate(-90)\" text-anchor=\"middle\" font-size=\"13\""
                   " fill=\"#4a5568\">events</text>\n", X0 - 44, (Y0 + Y1) / 2);

    /* Right axis: Goldstein -10 .. +10, dashed zero line. */
    for (int g = -10; g <= 10; g += 5) {
        double y = Y1 - (g + 10) / 20.0 * (Y1 - Y0);
        char lab[16];
        snprintf(lab, sizeof lab, "%+d", g);
        if (!g) snprintf(lab, sizeof lab, "0");
        dbuf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#718096\"/>\n", X1, y, X1 + 5, y);
        text_at(b, X1 + 9, y + 4, "start", 12, "fill=\"#4a5568\"", lab);
        if (!g)
            dbuf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#a0aec0\""
                           " stroke-dasharray=\"4 4\"/>\n", X0, y, X1, y);
    }
    dbuf_printf(b, "<text transform=\"translate(%.1f %.1f) rotate(90)\" text-anchor=\"middle\" font-size=\"13\""
                   " fill=\"#4a5568\">mean Goldstein (−10 conflict, +10 cooperation)</text>\n", X1 + 46, (Y0 + Y1) / 2);

    /* Axes. */
    dbuf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#2d3748\"/>\n", X0, Y1, X1, Y1);
    dbuf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#2d3748\"/>\n", X0, Y0, X0, Y1);
    dbuf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#2d3748\"/>\n", X1, Y0, X1, Y1);

    if (!n) {
        text_at(b, (X0 + X1) / 2, (Y0 + Y1) / 2, "middle", 16, "fill=\"#718096\"", "no events between these actors");
        dbuf_puts(b, "</svg>\n");
        dbuf_free(&full); dbuf_free(&title); dbuf_free(&sub); dbuf_free(&la); dbuf_free(&lb);
        free(all);
        return;
    }

    /* Bars and x labels. */
    double slot = (X1 - X0) / (double)n;
    double label_w = 8.0 * (double)strlen(all[0].period) + 12;
    size_t every = (size_t)ceil(label_w / slot);
    if (every < 1) every = 1;
    dbuf_puts(b, "<g>\n");
    for (size_t i = 0; i < n; i++) {
        double x = X0 + slot * (double)i, bw = slot * 0.38;
        long v[2] = {all[i].ab, all[i].ba};
        for (int k = 0; k < 2; k++) {
            if (!v[k]) continue;
            double h = (double)v[k] / top * (Y1 - Y0);
            dbuf_printf(b, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\">"
                           "<title>%s %s: %ld</title></rect>\n",
                        x + slot * 0.12 + bw * k, Y1 - h, bw, h, k ? COLOR_BA : COLOR_AB, all[i].period,
                        k ? "B→A" : "A→B", v[k]);
        }
        if (i % every == 0) {
            dbuf_printf(b, "<line x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\" stroke=\"#2d3748\"/>\n",
                        x + slot / 2, Y1, x + slot / 2, Y1 + 5);
            text_at(b, x + slot / 2, Y1 + 20, "middle", 12, "fill=\"#4a5568\"", all[i].period);
        }
    }
    dbuf_puts(b, "</g>\n");

    /* The Goldstein mean: a line through neighbouring periods, a dot on each. */
    dbuf_puts(b, "<path fill=\"none\" stroke=\"" COLOR_G "\" stroke-width=\"2\" d=\"");
    int open = 0;
    for (size_t i = 0; i < n; i++) {
        if (!all[i].ngold) { open = 0; continue; }
        double g = all[i].gsum / (double)all[i].ngold;
        double x = X0 + slot * ((double)i + 0.5), y = Y1 - (g + 10) / 20.0 * (Y1 - Y0);
        dbuf_printf(b, "%s%.2f %.2f ", open ? "L" : "M", x, y);
        open = 1;
    }
    dbuf_puts(b, "\"/>\n");
    for (size_t i = 0; i < n; i++) {
        if (!all[i].ngold) continue;
        double g = all[i].gsum / (double)all[i].ngold;
        double x = X0 + slot * ((double)i + 0.5), y = Y1 - (g + 10) / 20.0 * (Y1 - Y0);
        dbuf_printf(b, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"3.5\" fill=\"" COLOR_G "\"><title>%s mean Goldstein %.1f</title></circle>\n",
                    x, y, all[i].period, g);
    }
    text_at(b, X1, H - 16, "end", 11, "fill=\"#a0aec0\"", "dyad event store");
    dbuf_puts(b, "</svg>\n");
    free(all);
}
