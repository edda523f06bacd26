/*
 * test_jsonl.c - ingest/jsonl: dyad's JSON-lines reader.  Fields decoded
 * with every escape, surrogate pairs, UTF-8 kept; other members kept
 * compact in doc->extra (and valid JSON); strict rejection of what is not
 * JSON, each with the column and what was wrong.
 */
#include "../check.h"
#include "../../ingest/ingest.h"

static int parse(dyad_doc *d, const char *line, char *err, size_t errlen)
{
    dyad_doc_reset(d);
    err[0] = 0;
    return ingest_json_record(line, strlen(line), d, err, errlen);
}

static void test_fields(void)
{
    dyad_doc *d = dyad_doc_new();
    char err[512];
    CHECK_INT(parse(d, "{\"id\":\"w1\",\"url\":\"https:\\/\\/wire.example.org\\/1\",\"title\":\"Kim \\\"meets\\\" Trump\","
                       "\"published\":\"2019-06-30\",\"source\":\"Dyad Wire\",\"author\":\"A. Reporter\",\"site\":\"wire\","
                       "\"lang\":\"en\",\"text\":\"Kim Jong Un met Donald Trump.\\nThey shook hands.\"}", err, sizeof err), 0);
    CHECK_STR(d->id, "w1");
    CHECK_STR(d->url, "https://wire.example.org/1");
    CHECK_STR(d->title, "Kim \"meets\" Trump");
    CHECK_STR(d->published, "2019-06-30");
    CHECK_STR(d->source, "Dyad Wire");
    CHECK_STR(d->author, "A. Reporter");
    CHECK_STR(d->site, "wire");
    CHECK_STR(d->lang, "en");
    CHECK_STR(d->raw, "Kim Jong Un met Donald Trump.\nThey shook hands.");
    CHECK_INT(d->raw_len, 47);
    CHECK(d->extra == NULL);

    /* Numbers as ids keep their digits; null and other types leave a field out. */
    CHECK_INT(parse(d, " { \"id\" : 7 , \"title\" : null, \"url\": [1], \"text\" : \"Pompeo left.\" } ", err, sizeof err), 0);
    CHECK_STR(d->id, "7");
    CHECK(d->title == NULL && d->url == NULL);
    CHECK_STR(d->raw, "Pompeo left.");
    /* The last of a member given twice counts. */
    CHECK_INT(parse(d, "{\"text\":\"first\",\"text\":\"second\"}", err, sizeof err), 0);
    CHECK_STR(d->raw, "second");
    dyad_doc_free(d);
}

static void test_escapes_and_utf8(void)
{
    dyad_doc *d = dyad_doc_new();
    char err[512];
    /* \u escapes: ASCII, Latin, CJK, a surrogate pair (U+1F600), \u0000. */
    CHECK_INT(parse(d, "{\"text\":\"\\u0041 \\u00e9t\\u00E9 \\u4e2d \\ud83d\\ude00 \\b\\f\\r\\t\\\\ a\\u0000b\"}", err, sizeof err), 0);
    CHECK_INT(d->raw_len, 26);
    CHECK(!memcmp(d->raw, "A \xC3\xA9t\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80 \b\f\r\t\\ a\0b", 26));
    /* Raw UTF-8 is kept as it is. */
    CHECK_INT(parse(d, "{\"title\":\"S\xC3\xA9oul \xE2\x80\x94 Tokyo\",\"text\":\"\xE5\x8C\x97\xE4\xBA\xAC\"}", err, sizeof err), 0);
    CHECK_STR(d->title, "S\xC3\xA9oul \xE2\x80\x94 Tokyo");
    CHECK_STR(d->raw, "\xE5\x8C\x97\xE4\xBA\xAC");
    dyad_doc_free(d);
}

static void test_extra_members(void)
{
    dyad_doc *d = dyad_doc_new();
    char err[512];
    CHECK_INT(parse(d, "{\"id\":\"w1\", \"desk\" : \"asia\", \"text\":\"Kim met Trump.\", \"tags\": [ \"dmz\", {\"k\": 1.5e3} ],"
                       " \"score\": -0.25, \"ok\": true, \"note\": \"a \\\"quoted\\\" word, then } and ]\"}", err, sizeof err), 0);
    CHECK_STR(d->extra, "{\"desk\":\"asia\",\"tags\":[\"dmz\",{\"k\":1.5e3}],\"score\":-0.25,\"ok\":true,"
                        "\"note\":\"a \\\"quoted\\\" word, then } and ]\"}");
    CHECK_STR(d->id, "w1");
    /* Spaces inside strings survive compaction. */
    CHECK_INT(parse(d, "{\"text\":\"x\",\"k e y\":\"  two  spaces \"}", err, sizeof err), 0);
    CHECK_STR(d->extra, "{\"k e y\":\"  two  spaces \"}");
    dyad_doc_free(d);
}

/* Each bad line: the message and the column it names. */
static void test_errors(void)
{
    static const struct { const char *line, *want; } bad[] = {
        {"{\"text\":\"a\" \"id\":1}", "invalid JSON at column 13: ',' or '}' was expected"},
        {"{\"text\":\"unterminated}", "invalid JSON at column 9: unterminated string"},
        {"{\"text\":\"bad \\x escape\"}", "invalid JSON at column 14: invalid escape in a string"},
        {"{\"text\":\"lone \\ud83d here\"}", "invalid JSON at column 15: lone UTF-16 surrogate"},
        {"{\"text\":\"low \\ude00 first\"}", "invalid JSON at column 14: lone UTF-16 surrogate"},
        {"{\"text\":\"short \\u12\"}", "invalid JSON at column 16: \\u needs four hex digits"},
        {"{\"text\":\"caf\xE9 latin-1\"}", "invalid JSON at column 13: invalid UTF-8"},
        {"{\"text\":\"tab\there\"}", "invalid JSON at column 13: control character"},
        {"{\"text\":\"x\",\"n\":01}", "invalid JSON at column 18: ',' or '}' was expected"},
        {"{\"text\":\"x\",\"n\":1.}", "invalid JSON at column 17: invalid number"},
        {"{\"text\":\"x\",\"n\":tru}", "invalid JSON at column 17: invalid value"},
        {"{\"text\":\"x\"} trailing", "invalid JSON at column 14: nothing may follow"},
        {"{text:\"x\"}", "invalid JSON at column 2: a string key was expected"},
        {"{\"text\" \"x\"}", "invalid JSON at column 9: ':' was expected"},
        {"{\"title\":\"\xC3\xA9t\xC3\xA9\",\"text\":\"x\",}", "invalid JSON at column 27: a string key was expected"},
        {"[1,2]", "a JSON line must be an object, not an array"},
        {"\"just a string\"", "a JSON line must be an object, not a scalar"},
        {"{\"id\":\"x\"}", "no \"text\" string in this JSON object"},
        {"{\"text\":null}", "no \"text\" string in this JSON object"},
        {"{\"text\":\"x\"", "invalid JSON at column 12: ',' or '}' was expected"},
    };
    dyad_doc *d = dyad_doc_new();
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char err[512];
        int r = parse(d, bad[i].line, err, sizeof err);
        if (r != -1 || strncmp(err, bad[i].want, strlen(bad[i].want)))
            CHECK_NOTE("line %zu (%s): got %d \"%s\", want \"%s\"", i, bad[i].line, r, err, bad[i].want);
    }
    dyad_doc_free(d);
}

static void test_depth_limit(void)
{
    size_t n = 2000;
    char *line = malloc(2 * n + 64);
    strcpy(line, "{\"text\":\"x\",\"deep\":");
    size_t k = strlen(line);
    for (size_t i = 0; i < n; i++) line[k++] = '[';
    for (size_t i = 0; i < n; i++) line[k++] = ']';
    line[k++] = '}';
    line[k] = 0;
    dyad_doc *d = dyad_doc_new();
    char err[512];
    CHECK_INT(parse(d, line, err, sizeof err), -1);
    CHECK(strstr(err, "nesting too deep"));
    /* 100 levels are fine. */
    strcpy(line, "{\"text\":\"x\",\"deep\":");
    k = strlen(line);
    for (int i = 0; i < 100; i++) line[k++] = '[';
    for (int i = 0; i < 100; i++) line[k++] = ']';
    line[k++] = '}';
    line[k] = 0;
    CHECK_INT(parse(d, line, err, sizeof err), 0);
    free(line);
    dyad_doc_free(d);
}

int main(void)
{
    RUN(test_fields);
    RUN(test_escapes_and_utf8);
    RUN(test_extra_members);
    RUN(test_errors);
    RUN(test_depth_limit);
    return check_done();
}
