/*
 * test_json.c - the one JSON string writer (core/dbuf.c json_strn) and the
 * metadata copier (utf8_valid_dup): whatever bytes a source lets through,
 * what comes out is valid UTF-8 and valid JSON (issue 18, finding 3).
 */
#include "../check.h"
#include "dyad.h"
#include "../../core/core.h"

static dbuf out;

static const char *json(const char *s, size_t n)
{
    dbuf_clear(&out);
    json_strn(&out, s, n);
    return out.ptr;
}

#define FFFD "\xEF\xBF\xBD"

static void test_valid_text_unchanged(void)
{
    const char *s = "Kim Jong Un \xE2\x80\x9Cwelcomed\xE2\x80\x9D the S\xC3\xA9oul talks \xF0\x9F\x87\xB0";
    dbuf want = {0};
    dbuf_printf(&want, "\"%s\"", s);
    CHECK_STR(json(s, strlen(s)), want.ptr);
    dbuf_free(&want);
    CHECK_STR(json("a\"b\\c\nd\te\x01", 10), "\"a\\\"b\\\\c\\nd\\te\\u0001\"");
}

static void test_invalid_bytes_become_fffd(void)
{
    /* a lone continuation byte, a latin-1 byte, a truncated sequence at
     * the end, an overlong encoding, a UTF-16 surrogate, bytes never used */
    CHECK_STR(json("h\x83 title", 8), "\"h" FFFD " title\"");
    CHECK_STR(json("n\xE9ws", 4), "\"n" FFFD "ws\"");
    CHECK_STR(json("end \xE2\x80", 6), "\"end " FFFD FFFD "\"");
    CHECK_STR(json("\xC0\x80", 2), "\"" FFFD FFFD "\"");
    CHECK_STR(json("\xED\xA0\x80", 3), "\"" FFFD FFFD FFFD "\"");
    CHECK_STR(json("\xF5\xFF\xFE", 3), "\"" FFFD FFFD FFFD "\"");
    /* a valid sequence right after an invalid byte survives */
    CHECK_STR(json("\xE2\xE2\x80\x94", 4), "\"" FFFD "\xE2\x80\x94\"");
}

static void test_valid_dup(void)
{
    dyad_arena *a = dyad_arena_new(4096);
    unsigned bad = 99;
    CHECK_STR(utf8_valid_dup(a, "http://example.com/n\xE9ws", 23, &bad), "http://example.com/n" FFFD "ws");
    CHECK_INT(bad, 1);
    CHECK_STR(utf8_valid_dup(a, "2019-02-27T08:00:00Z", 20, &bad), "2019-02-27T08:00:00Z");
    CHECK_INT(bad, 0);
    CHECK_STR(utf8_valid_dup(a, "a\0b", 3, &bad), "a" FFFD "b");        /* no NUL inside a C string */
    CHECK_INT(bad, 1);
    dyad_arena_free(a);
}

int main(void)
{
    RUN(test_valid_text_unchanged);
    RUN(test_invalid_bytes_become_fffd);
    RUN(test_valid_dup);
    dbuf_free(&out);
    return check_done();
}
