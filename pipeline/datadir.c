/*
 * datadir.c - dyad_default_data_dir: where the lexicons and patterns are
 * when neither --data nor $DYAD_DATA says.
 *
 * No path is compiled in: the data is found relative to the code that
 * asks.  From the folder of the shared object holding this function
 * (libdyad.so, or a Python module, found with dladdr) and of the running
 * executable (/proc/self/exe), walking up at most five folders, the first
 * that holds share/dyad/ (an installed tree: PREFIX/bin/dyad,
 * PREFIX/lib/libdyad.so -> PREFIX/share/dyad) or data/ (the build tree:
 * build/dyad, build/tests/test_x -> data/) with actors/countries.txt in it.
 * Found once per process; "data" (relative to the working folder) when
 * nothing is.
 */
#define _GNU_SOURCE
#include "pipeline.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char found[PATH_MAX];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* dir/rel when it holds the actors lexicon; into found. */
static int try_dir(const char *dir, const char *rel)
{
    char probe[PATH_MAX];
    if (snprintf(probe, sizeof probe, "%s/%s/actors/countries.txt", dir, rel) >= (int)sizeof probe) return 0;
    if (access(probe, R_OK)) return 0;
    snprintf(found, sizeof found, "%s/%s", dir, rel);
    return 1;
}

/* Search upwards from the folder of file (a real path). */
static int search_from(const char *file)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", file);
    for (int up = 0; up <= 5; up++) {
        char *slash = strrchr(dir, '/');
        if (!slash) return 0;
        *slash = 0;
        const char *d = dir[0] ? dir : "/";
        if (try_dir(d, "share/dyad") || try_dir(d, "data")) return 1;
        if (!dir[0]) return 0;
    }
    return 0;
}

static void locate(void)
{
    Dl_info info;
    char real[PATH_MAX];
    if (dladdr((void *)dyad_default_data_dir, &info) && info.dli_fname && realpath(info.dli_fname, real) &&
        search_from(real))
        return;
    ssize_t n = readlink("/proc/self/exe", real, sizeof real - 1);
    if (n > 0) {
        real[n] = 0;
        if (search_from(real)) return;
    }
    snprintf(found, sizeof found, "data");
}

const char *dyad_default_data_dir(void)
{
    const char *env = getenv("DYAD_DATA");
    if (env && *env) return env;
    pthread_once(&once, locate);
    return found;
}
