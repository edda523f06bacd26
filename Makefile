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
PKGS    := libutf8proc jansson sqlite3 zlib libzstd gumbo geonames
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS  += -DDYAD_DATA_DIR=\"$(CURDIR)/data\" -std=c17 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
           -Iinclude -I. $(PKG_CFLAGS) $(OPT) -MMD -MP
LDLIBS  += $(PKG_LIBS) -lpthread -lm

STAGES  := core ingest text syntax actors time quotes events where store emit dict pipeline eval
LIB_SRC := $(filter-out $(EXCLUDE),$(wildcard $(addsuffix /*.c,$(STAGES))))
CLI_SRC := $(wildcard cli/*.c)
TEST_SRC:= $(filter-out $(EXCLUDE),$(wildcard tests/unit/test_*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TESTS   := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

ASAN_OPT := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

.PHONY: all clean test check asan bench
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

BENCH_STAGES ?= text parse actors time quotes code code-j2 html dask
bench: all
	@BENCH_STAGES="$(BENCH_STAGES)" bench/run.sh $(BUILD)/dyad

clean:
	rm -rf build build-asan dyad

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TESTS:=.d)
-include python/python.mk
