/*
 * fuzz_html.c - an HTML page (html_extract): charset sniffing and
 * conversion, the preparation passes before Gumbo (raw-text elision,
 * foreign content, nesting and attribute bounds), metadata, JSON-LD and
 * the content scorer.  The first byte picks a charset hint, as an HTTP
 * header would give one.
 */
#include "fuzz.h"
#include "../../ingest/html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const hints[] = {NULL, "utf-8", "windows-1252", "iso-8859-1", "shift_jis", "utf-16", "gb2312", "bogus"};
    const char *hint = size ? hints[data[0] & 7] : NULL;
    html_article a;
    char err[256];
    html_extract((const char *)data, size, hint, &a, err, sizeof err);
    html_article_free(&a);
    return 0;
}
