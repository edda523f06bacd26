/*
 * fuzz_lexicon.c - dyad's own lexicon loaders on a file they were not
 * written for: countries, people, orgs, agents (actors_load), and the
 * CAMEO ontology, synonym sets and a verb pattern file (events_load).  The
 * first byte picks the file the rest of the input becomes; the others are
 * small ones written here (or, for the ontology, the repository's own), in
 * a data folder of this process under $TMPDIR.  Loaders warn on stderr
 * about every line they cannot use: that is silenced around the call
 * (FUZZ_VERBOSE=1 keeps it, to read a crash's report).
 */
#include "fuzz.h"
#include "dyad.h"
#include "../../actors/actors.h"
#include "../../events/events.h"

#include <fcntl.h>
#include <sys/stat.h>

static char dir[400];

static const char countries[] =
    "country: United States\ncode: USA\nalias: US | U.S. | America\nadj: American | Americans\n"
    "capital: Washington\nseat: White House\nregion: North America\n\n"
    "country: North Korea\ncode: PRK\nalias: DPRK\nadj: North Korean | North Koreans\ncapital: Pyongyang\n";
static const char sets[] = "@WEAPON  missile~ | rocket~ | nuclear test~\n";
static const char verbs[] = "VERB meet met met\n040   * with +\n040   * +\nVERB test-fire\n150   * .. @WEAPON\n";

static void put(const char *rel, const void *data, size_t n)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *f = fopen(path, "wb");
    if (!f || (n && fwrite(data, 1, n, f) != n) || fclose(f)) abort();
}

static void drop(const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    unlink(path);
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = malloc(1 << 20);
    *n = buf ? fread(buf, 1, 1 << 20, f) : 0;
    fclose(f);
    return buf;
}

static char *cameo;
static size_t cameo_len;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/dyad-fuzz-lex-%ld", tmp && *tmp ? tmp : "/tmp", (long)getpid());
    char sub[512];
    mkdir(dir, 0700);
    snprintf(sub, sizeof sub, "%s/actors", dir); mkdir(sub, 0700);
    snprintf(sub, sizeof sub, "%s/events", dir); mkdir(sub, 0700);
    snprintf(sub, sizeof sub, "%s/events/verbs", dir); mkdir(sub, 0700);
    snprintf(sub, sizeof sub, "%s/events/cameo.txt", dyad_default_data_dir());
    cameo = slurp(sub, &cameo_len);
    if (!cameo) { fprintf(stderr, "fuzz_lexicon: cannot read %s\n", sub); abort(); }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size) return 0;
    const uint8_t *body = data + 1;
    size_t n = size - 1;
    int target = data[0] % 7;
    int quiet = !getenv("FUZZ_VERBOSE"), saved = -1;
    if (quiet) {
        fflush(stderr);
        saved = dup(2);
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 2);
        close(null);
    }
    char err[512];
    if (target < 4) {
        static const char *const files[] = {"actors/countries.txt", "actors/people.txt", "actors/orgs.txt",
                                            "actors/agents.txt"};
        for (int i = 1; i < 4; i++) drop(files[i]);
        if (target) put(files[0], countries, sizeof countries - 1);
        put(files[target], body, n);
        actors_lexicon *lex = actors_load(dir, err, sizeof err);
        actors_free(lex);
    } else {
        put("events/cameo.txt", target == 4 ? (const void *)body : cameo, target == 4 ? n : cameo_len);
        put("events/sets.txt", target == 5 ? (const void *)body : sets, target == 5 ? n : sizeof sets - 1);
        put("events/verbs/01_fuzz.txt", target == 6 ? (const void *)body : verbs, target == 6 ? n : sizeof verbs - 1);
        events_model *m = events_load(dir, err, sizeof err);
        events_free(m);
    }
    if (quiet) {
        fflush(stderr);
        dup2(saved, 2);
        close(saved);
    }
    return 0;
}
