# dyad - build with `make`, test with `make check`, measure with `make bench`.
#
# Every stage folder's *.c goes into one static library, libdyad.a, with one
# public header (include/dyad.h); cli/ links it into the `dyad` command;
# each tests/unit/test_*.c is its own program linked with the library.
# BUILD selects the output folder so that the sanitizer build (build-asan)
# lives beside the normal one.

CC      ?= cc
BUILD   ?= build
OPT     ?= -O2 -g
PKGS    := libutf8proc jansson sqlite3 zlib libzstd gumbo geonames libmicrohttpd
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS  += -std=c17 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
           -Iinclude -I. $(PKG_CFLAGS) $(OPT) -MMD -MP
LDLIBS  += $(PKG_LIBS) -lpthread -lm

STAGES  := core ingest text syntax actors time quotes events where store emit dict pipeline eval serve
LIB_SRC := $(filter-out $(EXCLUDE),$(wildcard $(addsuffix /*.c,$(STAGES))))
CLI_SRC := $(wildcard cli/*.c)
TEST_SRC:= $(filter-out $(EXCLUDE),$(wildcard tests/unit/test_*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TESTS   := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

ASAN_OPT := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

.PHONY: all clean test check asan bench fuzz fuzz-bins fuzz-smoke
all: $(BUILD)/dyad dyad

dyad: $(BUILD)/dyad
	ln -sf $(BUILD)/dyad dyad

$(BUILD)/libdyad.a: $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/dyad: $(CLI_OBJ) $(BUILD)/libdyad.a
	$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libdyad.a $(LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libdyad.a tests/check.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libdyad.a $(LDLIBS)

tests: $(BUILD)/dyad $(TESTS)

# The suite once: unit programs and CLI scripts against $(BUILD).
test: tests
	@tests/run.sh $(BUILD)

asan:
	$(MAKE) BUILD=build-asan OPT="$(ASAN_OPT)" tests

# The whole suite, normal and sanitized; the last line is
# "N passed, N failed, N skipped" (tests/run.sh: skips need ../shared).
check:
	$(MAKE) tests
	$(MAKE) asan
	@tests/run.sh $(BUILD) build-asan

# libFuzzer harnesses (tests/fuzz/fuzz_NAME.c) with Debian's clang, ASan and
# UBSan, against a library built the same way in build-fuzz; fuzz-smoke runs
# each for FUZZ_TIME seconds from its seeds (tests/fuzz/run.sh says how to
# run one for longer).
FUZZ_CC    ?= clang
FUZZ_OPT   := -O1 -g -fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_TIME  ?= 10

fuzz:
	$(MAKE) CC=$(FUZZ_CC) BUILD=build-fuzz OPT="$(FUZZ_OPT)" fuzz-bins

fuzz-bins: $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%)

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(BUILD)/libdyad.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/libdyad.a $(LDLIBS)

fuzz-smoke: fuzz
	@FUZZ_TIME=$(FUZZ_TIME) tests/fuzz/run.sh build-fuzz $(FUZZ_NAMES)

BENCH_STAGES ?= text parse actors time quotes code code-noplaces code-j2 scale places html readability dask serve
# The HTTP load client of the serve stage (used when wrk is not installed).
$(BUILD)/loadgen: bench/loadgen.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< -lpthread

bench: all $(BUILD)/loadgen
	@BENCH_STAGES="$(BENCH_STAGES)" bench/run.sh $(BUILD)/dyad

clean:
	rm -rf build build-asan build-fuzz dyad

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TESTS:=.d)
-include python/python.mk

# ---------------------------------------------------------------- install
# make install [PREFIX=/usr/local] [DESTDIR=/tmp/stage]: the command, the
# library (libdyad.so.0 with its soname, the libdyad.so link, libdyad.a),
# dyad.h, dyad.pc, the data under PREFIX/share/dyad and the man pages
# (dyad.1 from the command's option tables: `dyad --man`; dyad-lexicon.5
# from docs/lexicon-format-*.md).  The binary finds its data relative to
# itself (pipeline/datadir.c), so nothing here is compiled for a prefix.
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR    ?= $(PREFIX)/share/dyad
MANDIR     ?= $(PREFIX)/share/man
SONAME     := libdyad.so.0
# The shared library's objects: the same sources, position-independent, in
# their own folder (python/python.mk links its module from them too).
LIB_PIC    := $(LIB_SRC:%.c=$(BUILD)/pic/%.o)

.PHONY: lib man install install-dyad uninstall uninstall-dyad
lib: $(BUILD)/libdyad.a $(BUILD)/$(SONAME)
man: $(BUILD)/man/dyad.1 $(BUILD)/man/dyad-lexicon.5

$(BUILD)/pic/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -fPIC -c -o $@ $<

$(BUILD)/$(SONAME): $(LIB_PIC)
	$(CC) $(CFLAGS) -shared -Wl,-soname,$(SONAME) -o $@ $(LIB_PIC) $(LDLIBS)

$(BUILD)/man/dyad.1: $(BUILD)/dyad
	@mkdir -p $(@D)
	$(BUILD)/dyad --man > $@

$(BUILD)/man/dyad-lexicon.5: tools/md2man.py $(wildcard docs/lexicon-format-*.md)
	@mkdir -p $(@D)
	python3 tools/md2man.py dyad-lexicon 5 "formats of dyad's actor lexicons" $(sort $(wildcard docs/lexicon-format-*.md)) > $@

# Optional parts hook their install targets in here: python/python.mk's
# install-python when python3-dev is present (PY_OK), nothing otherwise.
INSTALL_HOOKS   := $(if $(filter yes,$(PY_OK)),install-python)
UNINSTALL_HOOKS := $(if $(filter yes,$(PY_OK)),uninstall-python)

install: install-dyad $(INSTALL_HOOKS)

install-dyad: all lib man
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(DATADIR) \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(BUILD)/dyad $(DESTDIR)$(BINDIR)/dyad
	install -m 755 $(BUILD)/$(SONAME) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libdyad.so
	install -m 644 $(BUILD)/libdyad.a $(DESTDIR)$(LIBDIR)/libdyad.a
	install -m 644 include/dyad.h $(DESTDIR)$(INCLUDEDIR)/dyad.h
	cp -R data/. $(DESTDIR)$(DATADIR)/
	chmod -R u=rwX,go=rX $(DESTDIR)$(DATADIR)
	install -m 644 $(BUILD)/man/dyad.1 $(DESTDIR)$(MANDIR)/man1/dyad.1
	install -m 644 $(BUILD)/man/dyad-lexicon.5 $(DESTDIR)$(MANDIR)/man5/dyad-lexicon.5
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' \
	    'Name: dyad' 'Description: news text to political event data (CAMEO, PLOVER)' \
	    'Version: '"$$(sed -n 's/^#define DYAD_VERSION "\(.*\)"/\1/p' include/dyad.h)" \
	    'Requires.private: $(PKGS)' 'Cflags: -I$${includedir}' 'Libs: -L$${libdir} -ldyad' \
	    'Libs.private: -lpthread -lm' > $(DESTDIR)$(LIBDIR)/pkgconfig/dyad.pc

uninstall: uninstall-dyad $(UNINSTALL_HOOKS)

uninstall-dyad:
	rm -f $(DESTDIR)$(BINDIR)/dyad $(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libdyad.so \
	    $(DESTDIR)$(LIBDIR)/libdyad.a $(DESTDIR)$(INCLUDEDIR)/dyad.h $(DESTDIR)$(LIBDIR)/pkgconfig/dyad.pc \
	    $(DESTDIR)$(MANDIR)/man1/dyad.1 $(DESTDIR)$(MANDIR)/man5/dyad-lexicon.5
	rm -rf $(DESTDIR)$(DATADIR)

-include $(LIB_PIC:.o=.d)
