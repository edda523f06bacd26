/*
 * check.h - the tiny unit-test harness every tests/unit/test_*.c uses.
 *
 * Contract: a test file defines functions `static void test_xxx(void)` and a
 * main() that calls RUN(test_xxx) for each, then `return check_done();`.
 * Each RUN prints one line, "ok NAME" or "FAIL NAME: file:line: what", which
 * tests/run.sh counts; the process exits non-zero when any test failed.
 * CHECK* macros record the first failure of a test and carry on, so one run
 * shows everything that is wrong.
 *
 * Tests read the shared corpora through check_shared("examples/x.txt"),
 * which resolves ../shared relative to the repository (or $DYAD_SHARED).
 * A fresh clone has no ../shared: a test that asked for a shared file that
 * is not there and then failed prints "skip NAME: needs ../shared (FILE)"
 * instead of FAIL (tests/run.sh counts skips; with DYAD_REQUIRE_SHARED=1,
 * as CI runs it, a skip is a failure).  CHECK_SKIP(...) skips explicitly.
 */
#ifndef DYAD_CHECK_H
#define DYAD_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int check_failed_now;    /* failures inside the running test */
static int check_tests_failed;  /* tests that failed in this file */
static char check_first[2048];   /* first failure message of the running test */
static char check_missing[512];  /* first shared file the running test lacked */
static char check_skip_why[1024]; /* CHECK_SKIP's reason */

#define CHECK_NOTE(...) do { \
    if (!check_failed_now++) snprintf(check_first, sizeof check_first, __VA_ARGS__); \
  } while (0)

#define CHECK(cond) do { if (!(cond)) \
    CHECK_NOTE("%s:%d: CHECK(%s)", __FILE__, __LINE__, #cond); } while (0)

#define CHECK_INT(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); \
    if (a_ != b_) CHECK_NOTE("%s:%d: %s == %lld, expected %lld", \
                             __FILE__, __LINE__, #a, a_, b_); } while (0)

#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); \
    if (!a_ || !b_ || strcmp(a_, b_)) CHECK_NOTE("%s:%d: %s == \"%s\", expected \"%s\"", \
        __FILE__, __LINE__, #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); } while (0)

/* Compare a span of bytes with a C string. */
#define CHECK_SPAN(ptr, len, b) do { const char *p_ = (ptr); size_t l_ = (len); \
    const char *b_ = (b); if (l_ != strlen(b_) || memcmp(p_, b_, l_)) \
    CHECK_NOTE("%s:%d: \"%.*s\", expected \"%s\"", __FILE__, __LINE__, \
               (int)(l_ > 200 ? 200 : l_), p_, b_); } while (0)

/* Give up the running test as not runnable here; return from it after. */
#define CHECK_SKIP(...) snprintf(check_skip_why, sizeof check_skip_why, __VA_ARGS__)

/* A test that failed for want of shared data is a skip, not a failure. */
#define RUN(fn) do { check_failed_now = 0; check_first[0] = 0; check_missing[0] = 0; \
    check_skip_why[0] = 0; fn(); \
    if (check_skip_why[0]) printf("skip %s: %s\n", #fn, check_skip_why); \
    else if (check_failed_now && check_missing[0]) \
      printf("skip %s: needs ../shared (%s)\n", #fn, check_missing); \
    else if (check_failed_now) { check_tests_failed++; \
      printf("FAIL %s: %s\n", #fn, check_first); } \
    else { printf("ok %s\n", #fn); } \
    fflush(stdout); } while (0)

static inline int check_done(void) { return check_tests_failed ? 1 : 0; }

/* Path of a file under ../shared; a static buffer, valid until the next
 * call.  A file that is not there is remembered: the test is then skipped
 * if it fails. */
static inline const char *check_shared(const char *rel)
{
    static char path[4096];
    const char *root = getenv("DYAD_SHARED");
    snprintf(path, sizeof path, "%s/%s", root && *root ? root : "../shared", rel);
    if (!check_missing[0] && access(path, R_OK))
        snprintf(check_missing, sizeof check_missing, "%s", rel);
    return path;
}

/* Read a whole file into a malloc'd NUL-terminated buffer; NULL if unreadable. */
static inline char *check_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) { char *nb = realloc(buf, 2 * cap + 1); if (!nb) { free(buf); buf = NULL; break; } buf = nb; cap *= 2; }
    }
    fclose(f);
    if (!buf) return NULL;
    buf[n] = 0;
    if (len) *len = n;
    return buf;
}

#endif
