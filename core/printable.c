/*
 * printable.c - text from documents written for a terminal.
 *
 * Titles, URLs and other metadata come in as the input had them, so an
 * article can carry ESC [ ... sequences (or their one-byte C1 form, CSI
 * U+009B, which some terminals obey in UTF-8) that would recolour, retitle
 * or clear the user's terminal.  Every C0 control, DEL and C1 control
 * becomes U+FFFD (one column, like the character it replaces); tab, line
 * feed and carriage return become a space.  Everything else is copied.
 */
#include "core.h"

#include <string.h>

void put_printable(FILE *f, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0;                          /* bytes of p[0..i) not yet written */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        int ctl = c < 0x20 || c == 0x7F;
        int c1 = c == 0xC2 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F;
        if (!ctl && !c1) continue;
        fwrite(p + run, 1, i - run, f);
        fputs(c == '\t' || c == '\n' || c == '\r' ? " " : "\xEF\xBF\xBD", f);
        if (c1) i++;
        run = i + 1;
    }
    fwrite(p + run, 1, n - run, f);
}
