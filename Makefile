# SPDX-License-Identifier: GPL-2.0
#
# mmsim - an executable model of the Linux memory manager.
#
#   make                 the library (build/libmmsim.a) and ./mmsim
#   make test            unit tests and the scenario corpus on the model
#   make test-native     the scenario corpus on the host kernel
#   make diff            the corpus on both, compared command by command
#   make bench           model vs host, side by side
#   make fuzz            libFuzzer on the scenario interpreter (clang)
#   make pictures        the examples' SVG pictures, into docs/pictures/
#   make check-man       render the man pages (docs/man) with groff -ww
#
# Switches: SANITIZE=address,undefined   DEBUG=1 (no optimisation)
#           V=1 (print full commands)   NO_LIBEDIT=1 (plain REPL input)

CC      ?= cc
SANITIZE ?=
DEBUG   ?=

WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wpointer-arith -Wwrite-strings -Wno-unused-parameter \
           -Wno-missing-field-initializers -Wformat=2 -Wvla
OPT     := $(if $(DEBUG),-O0 -g3,-O2 -g)
SANFLAGS := $(if $(SANITIZE),-fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all)
CFLAGS  += -std=gnu11 $(OPT) $(WARN) $(SANFLAGS) -Iinclude -D_GNU_SOURCE
LDFLAGS += $(SANFLAGS)

BUILD   := build$(if $(SANITIZE),-san)$(if $(DEBUG),-dbg)

# kbuild-style quiet lines ("  CC      lib/mm/memory.o"); V=1 for commands.
ifeq ($(V),1)
Q :=
msg = @:
else
Q := @
msg = @printf '  %-7s %s\n' $(1) $(2)
endif

# The REPL's line editing: libedit (BSD licence), found by pkg-config or
# by compiling against its header; without it, plain line input.
ifeq ($(NO_LIBEDIT),)
HAVE_LIBEDIT := $(shell pkg-config --exists libedit 2>/dev/null && echo y)
ifeq ($(HAVE_LIBEDIT),)
HAVE_LIBEDIT := $(shell printf '\043include <editline/readline.h>\nint main(void){return !readline;}\n' | \
	$(CC) -x c - -ledit -o /dev/null 2>/dev/null && echo y)
endif
endif
ifeq ($(HAVE_LIBEDIT),y)
EDIT_LIBS := $(or $(shell pkg-config --libs libedit 2>/dev/null),-ledit)
EDIT_CFLAGS := -DHAVE_LIBEDIT
endif
# A file named after the choice, so that changing it rebuilds the REPL.
EDIT_STAMP := $(BUILD)/libedit-$(if $(HAVE_LIBEDIT),yes,no).stamp

LIB_SRC := $(shell find lib -name '*.c' | sort)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
LIB     := $(BUILD)/libmmsim.a

TOOL_SRC := $(shell find tools/mmsim -name '*.c' | sort)
TOOL_OBJ := $(TOOL_SRC:%.c=$(BUILD)/%.o)

# The library's files share lib/internal.h; the tools see only include/.
$(LIB_OBJ): CFLAGS += -Ilib
$(TOOL_OBJ): CFLAGS += -Itools/mmsim $(EDIT_CFLAGS)

UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_OBJ := $(UNIT_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN := $(BUILD)/unit-tests

BENCH_SRC := $(wildcard bench/*.c)
BENCH_BIN := $(BUILD)/bench

DEPS := $(LIB_OBJ:.o=.d) $(TOOL_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)

XMLCHECK := $(BUILD)/xmlcheck

.PHONY: all mmsim test test-unit test-scenarios test-native diff bench fuzz \
	pictures check-man clean

all: mmsim

$(BUILD)/tools/mmsim/interp/repl.o $(BUILD)/tools/mmsim/interp/source.o: $(EDIT_STAMP)

$(EDIT_STAMP):
	@mkdir -p $(dir $@)
	@rm -f $(BUILD)/libedit-*.stamp
ifeq ($(HAVE_LIBEDIT),y)
	$(call msg,NOTE,"REPL with libedit")
else
	@echo "  NOTE    libedit not found: the REPL reads plain lines (apt-get install libedit-dev)"
endif
	@touch $@

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$(@:$(BUILD)/%=%))
	$(Q)$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(call msg,AR,$@)
	$(Q)ar rcs $@ $^

$(BUILD)/mmsim: $(TOOL_OBJ) $(LIB)
	$(call msg,LD,$@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $(TOOL_OBJ) $(LIB) $(LDLIBS) $(EDIT_LIBS)

# ./mmsim is always the binary of the build just made (copied every time,
# so a plain `make` after a sanitized one restores the plain binary).
mmsim: $(BUILD)/mmsim
	$(Q)cp $< $@.tmp && mv -f $@.tmp $@

$(UNIT_BIN): $(UNIT_OBJ) $(LIB)
	$(call msg,LD,$@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $(UNIT_OBJ) $(LIB) $(LDLIBS)

$(BENCH_BIN): $(BENCH_SRC) $(LIB)
	$(call msg,LD,$@)
	$(Q)$(CC) $(CFLAGS) -O2 $(LDFLAGS) -o $@ $(BENCH_SRC) $(LIB) $(LDLIBS)

# A small well-formedness checker for the SVG pictures (no dependency).
$(XMLCHECK): tests/tools/xmlcheck.c
	@mkdir -p $(dir $@)
	$(call msg,LD,$@)
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $<

test: $(UNIT_BIN) mmsim $(XMLCHECK)
	@tests/run-tests.sh $(UNIT_BIN) ./mmsim $(XMLCHECK)

test-unit: $(UNIT_BIN)
	$(UNIT_BIN)

# The pictures of the examples, committed under docs/pictures/.
pictures: mmsim
	@mkdir -p docs/pictures
	@for f in examples/*.mms; do \
		out=docs/pictures/$$(basename $$f .mms).svg; \
		echo "  SVG     $$out"; \
		./mmsim run --svg=$$out $$f >/dev/null || exit 1; \
	done

# The man pages must render without a single groff warning.
MAN_PAGES := docs/man/mmsim.1 docs/man/mmsim-scenario.5
check-man:
	@tests/check-man.sh $(MAN_PAGES)

test-native: mmsim
	@tests/run-scenarios.sh --native ./mmsim tests/scenarios

diff: mmsim
	@tests/run-scenarios.sh --diff ./mmsim tests/scenarios

bench: $(BENCH_BIN)
	$(BENCH_BIN)

# libFuzzer on the interpreter; needs clang and its runtime (on Debian:
# apt-get install clang libclang-rt-14-dev).  The Makefile never installs
# anything: it says what is missing and stops.
FUZZ_BUILD := build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TOOLS := $(filter-out tools/mmsim/main.c tools/mmsim/cli.c tools/mmsim/diff.c tools/mmsim/report/%,$(TOOL_SRC))

fuzz:
	@command -v clang >/dev/null 2>&1 || \
		{ echo "make fuzz: clang not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
	@printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }\n' | \
		clang -x c -fsanitize=fuzzer - -o /dev/null 2>/dev/null || \
		{ echo "make fuzz: clang has no libFuzzer runtime (Debian: apt-get install libclang-rt-14-dev)" >&2; exit 1; }
	$(MAKE) CC=clang BUILD=$(FUZZ_BUILD) SANITIZE=fuzzer-no-link,address,undefined NO_LIBEDIT=1 $(FUZZ_BUILD)/libmmsim.a
	clang -std=gnu11 -O1 -g -Iinclude -Itools/mmsim -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined \
		$(FUZZ_TOOLS) tools/fuzz/fuzz_interp.c $(FUZZ_BUILD)/libmmsim.a -o $(FUZZ_BUILD)/fuzz-interp
	@mkdir -p $(FUZZ_BUILD)/corpus tests/regress
	cp tests/scenarios/*.mms $(FUZZ_BUILD)/corpus/
	$(FUZZ_BUILD)/fuzz-interp -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 \
		-artifact_prefix=tests/regress/ $(FUZZ_BUILD)/corpus

clean:
	rm -rf build build-san build-dbg build-san-dbg build-fuzz mmsim

-include $(DEPS)
