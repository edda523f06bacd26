/*
 * abbrev.c - abbreviations that carry a period in news copy.
 *
 * Two kinds matter to the sentence splitter: titles before a name never end
 * a sentence ("Gen. Kim"), other abbreviations may ("... Acme Inc. The").
 * The lists are short and sorted; lookup is a binary search on the folded
 * word without its period.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>

static const char *const titles[] = {
    "adm", "amb", "atty", "brig", "capt", "cmdr", "col", "cpl", "det", "dr", "fr", "gen", "gov",
    "hon", "insp", "lt", "maj", "messrs", "mmes", "mr", "mrs", "ms", "pres", "prof", "pvt", "rep",
    "reps", "rev", "rt", "sec", "sen", "sens", "sgt", "st", "supt",
};

static const char *const others[] = {
    "al", "apr", "approx", "assn", "aug", "ave", "blvd", "bros", "ca", "cf", "co", "corp", "dec",
    "dept", "esq", "est", "etc", "feb", "fig", "fri", "ft", "hwy", "inc", "jan", "jr", "jul", "jun",
    "llc", "ltd", "mar", "mon", "mt", "no", "nos", "nov", "oct", "plc", "pp", "rd", "sat", "sep",
    "sept", "sr", "sun", "thu", "thur", "thurs", "tue", "tues", "univ", "vol", "vs", "wed",
};

static int cmp(const void *k, const void *e) { return strcmp(k, *(const char *const *)e); }

static int in(const char *const *list, size_t n, const char *w, size_t len)
{
    char key[16];
    if (len == 0 || len >= sizeof key) return 0;
    memcpy(key, w, len);
    key[len] = 0;
    return bsearch(key, list, n, sizeof *list, cmp) != NULL;
}

int text_is_title_abbreviation(const char *w, size_t n)
{
    return in(titles, sizeof titles / sizeof *titles, w, n);
}

int text_is_abbreviation(const char *w, size_t n)
{
    return text_is_title_abbreviation(w, n) || in(others, sizeof others / sizeof *others, w, n);
}
