# CLI test of `make install` (issue 18.2): into a DESTDIR, the layout
# (binary, libdyad.so.0 with its soname and the libdyad.so link, libdyad.a,
# dyad.h, dyad.pc, the data, dyad.1 and dyad-lexicon.5); the installed
# binary run from another folder with DYAD_DATA unset reads the installed
# data, not the build tree's; a C program compiled and linked with
# `pkg-config --cflags --libs dyad` alone (and statically with the private
# dependencies dyad.pc lists); `make uninstall` leaves no file behind.
# Runs once, on the normal build (the sanitized objects are not installed).
. tests/cli/lib.sh

if [ "${DYAD_BUILD:-build}" != build ]; then
  t_skip install "runs on the normal build only (this is ${DYAD_BUILD})"
  exit 0
fi
S="$TMP/stage"
P="$S/usr/local"
make -s install BUILD=build PREFIX=/usr/local DESTDIR="$S" > "$TMP/make.out" 2>&1; rc=$?
[ $rc -eq 0 ] && t_ok install-exit-0 || t_fail install-exit-0 "rc=$rc $(tail -n 5 "$TMP/make.out")"
missing=""
for f in bin/dyad lib/libdyad.so.0 lib/libdyad.a include/dyad.h lib/pkgconfig/dyad.pc \
         share/dyad/actors/countries.txt share/man/man1/dyad.1 share/man/man5/dyad-lexicon.5; do
  [ -f "$P/$f" ] || missing="$missing $f"
done
[ -z "$missing" ] && t_ok install-layout || t_fail install-layout "missing:$missing"
[ "$(readlink "$P/lib/libdyad.so")" = libdyad.so.0 ] && t_ok install-so-link || t_fail install-so-link "$(ls -l "$P/lib")"
if command -v readelf > /dev/null; then
  readelf -d "$P/lib/libdyad.so.0" > "$TMP/elf" 2>&1
  t_grep install-soname 'SONAME.*\[libdyad\.so\.0\]' "$TMP/elf"
fi
t_grep install-pc-private 'Requires.private: .*sqlite3.*gumbo' "$P/lib/pkgconfig/dyad.pc"
t_nogrep install-no-build-path "$PWD" "$P/lib/pkgconfig/dyad.pc"
if strings "$P/bin/dyad" | grep -qF "$PWD/data"; then t_fail install-no-compiled-path "the build tree's data path is compiled in"
else t_ok install-no-compiled-path; fi

# The installed binary, from elsewhere, DYAD_DATA unset: the installed data.
# A person added to the installed people.txt only proves which copy it read.
printf '\nperson: Zorvan Kettleby\ngender: m\nrole: USAGOV 2019-01-01 -\n' >> "$P/share/dyad/actors/people.txt"
mkdir -p "$TMP/elsewhere"
printf 'Talks\n\nWASHINGTON, March 3, 2020 (Dyad Wire) - Zorvan Kettleby met President Donald Trump at the White House.\n' > "$TMP/elsewhere/k.txt"
(cd "$TMP/elsewhere" && env -u DYAD_DATA "$P/bin/dyad" actors k.txt) > "$TMP/k.out" 2> "$TMP/k.err"; rc=$?
[ $rc -eq 0 ] && t_grep installed-reads-installed-data 'Zorvan Kettleby +-> Zorvan Kettleby +USAGOV' "$TMP/k.out" \
  || t_fail installed-reads-installed-data "rc=$rc $(head -c 300 "$TMP/k.err")"
(cd "$TMP/elsewhere" && env -u DYAD_DATA "$DYAD" actors k.txt) > "$TMP/k2.out" 2>/dev/null
t_nogrep build-reads-build-data 'Kettleby +USAGOV' "$TMP/k2.out"
printf 'Talks\n\nSEOUL, Feb. 27, 2019 (Dyad Wire) - Zorvan Kettleby met North Korean leader Kim Jong Un in Hanoi on Wednesday.\n' > "$TMP/elsewhere/h.txt"
(cd "$TMP/elsewhere" && env -u DYAD_DATA "$P/bin/dyad" code --tsv h.txt) > "$TMP/k.tsv" 2>/dev/null
t_grep installed-codes '^2019-02-27	USAGOV	PRKGOV	04' "$TMP/k.tsv"

# The man pages: every command in dyad.1, the lexicon formats in dyad-lexicon.5.
if command -v man > /dev/null; then
  MANWIDTH=100 man -l "$P/share/man/man1/dyad.1" > "$TMP/man1" 2> "$TMP/man1.err"
  n=$(grep -cE '^   dyad (text|actors|time|quotes|code|ingest|events|search|timeline|export|dict|eval)$' "$TMP/man1")
  [ "$n" -ge 12 ] && t_ok man1-every-command || t_fail man1-every-command "$n command sections"
  MANWIDTH=100 man -l "$P/share/man/man5/dyad-lexicon.5" > "$TMP/man5" 2> "$TMP/man5.err"
  t_grep man5-countries 'Country lexicon format' "$TMP/man5"
  t_grep man5-people 'role' "$TMP/man5"
  t_nogrep man-pages-clean 'warning' "$TMP/man5.err"
fi

# A program built with pkg-config alone (the DESTDIR is its sysroot).
cat > "$TMP/prog.c" <<'C'
#include <dyad.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    char err[512] = "";
    dyad_model *m = dyad_model_load(NULL, err, sizeof err);
    if (!m) { fprintf(stderr, "prog: %s\n", err); return 1; }
    const char *story = "Talks\n\nSEOUL, Feb. 27, 2019 (Dyad Wire) - President Donald Trump met North Korean "
                        "leader Kim Jong Un in Hanoi on Wednesday.\n";
    dyad_doc *d = dyad_doc_new();
    dyad_doc_set_raw(d, story, strlen(story));
    dyad_options opt;
    memset(&opt, 0, sizeof opt);
    dyad_process(m, d, &opt);
    for (uint32_t i = 0; i < d->n_events; i++)
        printf("%s %s %s\n", d->events[i].source_code, d->events[i].target_code, d->events[i].cameo);
    dyad_doc_free(d);
    dyad_model_free(m);
    return 0;
}
C
export PKG_CONFIG_PATH="$P/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$S"
if cc -o "$TMP/prog" "$TMP/prog.c" $(pkg-config --cflags --libs dyad) 2> "$TMP/cc.err"; then
  t_ok pkg-config-links
  (cd / && LD_LIBRARY_PATH="$P/lib" env -u DYAD_DATA "$TMP/prog") > "$TMP/prog.out" 2>&1
  t_grep shared-program-codes '^USAGOV PRKGOV 04' "$TMP/prog.out"
else
  t_fail pkg-config-links "$(head -c 400 "$TMP/cc.err")"
fi
if cc -o "$TMP/prog-static" "$TMP/prog.c" $(pkg-config --cflags dyad) -Wl,-Bstatic -ldyad -Wl,-Bdynamic \
     -Wl,--as-needed $(pkg-config --static --libs dyad) 2> "$TMP/cc.err"; then
  DYAD_DATA="$P/share/dyad" "$TMP/prog-static" > "$TMP/prog-static.out" 2>&1
  t_grep static-program-codes '^USAGOV PRKGOV 04' "$TMP/prog-static.out"
else
  t_fail static-program-links "$(head -c 400 "$TMP/cc.err")"
fi
unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR

make -s uninstall BUILD=build PREFIX=/usr/local DESTDIR="$S" > "$TMP/un.out" 2>&1; rc=$?
left=$(find "$S" -type f -o -type l | head -5)
[ $rc -eq 0 ] && [ -z "$left" ] && t_ok uninstall-leaves-nothing || t_fail uninstall-leaves-nothing "rc=$rc left: $left"
