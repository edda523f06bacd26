/*
 * fuzz.h - what the libFuzzer harnesses in tests/fuzz/ share.
 *
 * Each fuzz_NAME.c defines LLVMFuzzerTestOneInput for one reader of
 * outside input; `make fuzz` builds them with clang, libFuzzer, ASan and
 * UBSan into build-fuzz/fuzz/, and `make fuzz-smoke` runs each for
 * FUZZ_TIME seconds (10) from its seeds in tests/fuzz/seeds/NAME/.  A
 * harness must never leak, exit or print per input: libFuzzer counts a
 * leak as a crash and the output as time.
 */
#ifndef DYAD_FUZZ_H
#define DYAD_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A file of this process holding the input, for readers that open paths
 * (sources are sniffed, archives streamed from a file); rewritten per
 * input, under $TMPDIR (default /tmp). */
static inline const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix)
{
    static char path[512];
    const char *dir = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/dyad-fuzz-%ld%s", dir && *dir ? dir : "/tmp", (long)getpid(), suffix);
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    if (size && fwrite(data, 1, size, f) != size) abort();
    if (fclose(f)) abort();
    return path;
}

/* The input as a NUL-terminated malloc'd string (inner NULs kept). */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s) abort();
    if (size) memcpy(s, data, size);
    s[size] = 0;
    return s;
}

#endif
