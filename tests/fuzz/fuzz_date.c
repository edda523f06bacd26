/*
 * fuzz_date.c - the date readers of options and metadata: dyad_date_parse
 * (--date, --from, --to: YYYY[-MM[-DD]]), tx_parse_published (a page's or
 * record's `published`: ISO 8601, RFC 822, "July 12, 2018" ...) and
 * tabari_parse_date (dictionary date restrictions).  What parses must
 * round-trip: a valid date formats and reads back as itself, and its day
 * number converts back to it.
 */
#include "fuzz.h"
#include "dyad.h"
#include "../../dict/tabari.h"
#include "../../time/tx.h"

static void roundtrip(dyad_date d)
{
    if (!dyad_date_valid(d)) return;
    char s[11], again[16];
    dyad_date_format(d, s);
    dyad_date back;
    snprintf(again, sizeof again, "%s", s);
    if (dyad_date_parse(again, &back) || dyad_date_cmp(back, d)) {
        fprintf(stderr, "%d-%d-%d formats as \"%s\" which reads back differently\n", d.year, d.month, d.day, s);
        abort();
    }
    if (d.month && d.day) {
        dyad_date e = dyad_date_from_days(dyad_date_to_days(d));
        if (dyad_date_cmp(e, d)) abort();
        int wd = dyad_weekday(d);
        if (wd < 0 || wd > 6) abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_cstr(data, size);
    dyad_date d;
    if (!dyad_date_parse(s, &d)) roundtrip(d);
    if (!tx_parse_published(s, &d)) roundtrip(d);
    int32_t ymd;
    tabari_parse_date(s, size, &ymd);
    free(s);
    return 0;
}
