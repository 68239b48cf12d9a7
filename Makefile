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
#   make fuzz-regress    tests/regress/ replayed through the fuzz target
#   make fuzz-defio      libFuzzer on the fb_defio workload (seed 001)
#   make pictures        the examples' SVG pictures, into docs/pictures/
#   make check-man       render the man pages (docs/man) with groff -ww
#   make install         bin/mmsim, include/mmsim, lib/libmmsim.a, mmsim.pc
#                        and the man pages under PREFIX (/usr/local)
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
CFLAGS  += -std=gnu11 $(OPT) $(WARN) $(SANFLAGS) $(COVERAGE) -Iinclude -D_GNU_SOURCE
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
# by compiling against its header; without it, plain line input.  It is
# not linked: the REPL opens it when it starts (interp/editline.c), so a
# scenario run does not pay for loading it.
ifeq ($(NO_LIBEDIT),)
HAVE_LIBEDIT := $(shell pkg-config --exists libedit 2>/dev/null && echo y)
ifeq ($(HAVE_LIBEDIT),)
HAVE_LIBEDIT := $(shell printf '\043include <editline/readline.h>\nint main(void){return !readline;}\n' | \
	$(CC) -x c - -ledit -o /dev/null 2>/dev/null && echo y)
endif
endif
ifeq ($(HAVE_LIBEDIT),y)
EDIT_CFLAGS := -DHAVE_LIBEDIT
endif
# A file named after the choice, so that changing it rebuilds the REPL.
EDIT_STAMP := $(BUILD)/libedit-$(if $(HAVE_LIBEDIT),yes,no).stamp

LIB_SRC := $(shell find lib -name '*.c' | sort)
# Drivers see only include/ (<mmsim/driver.h>), as modules see include/linux:
# no -Ilib.  Each file's MMSIM_MODULE() is collected into one generated
# table of built-in drivers (a static archive would drop a driver object
# nothing references, so they cannot just register themselves).
DRV_SRC := $(filter-out lib/drivers/base/%,$(filter lib/drivers/% lib/kernel/events/%,$(LIB_SRC)))
DRV_OBJ := $(DRV_SRC:%.c=$(BUILD)/%.o)
GEN_BUILTIN := $(BUILD)/gen/builtin_drivers.c
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(GEN_BUILTIN:.c=.o)
LIB     := $(BUILD)/libmmsim.a

TOOL_SRC := $(shell find tools/mmsim -name '*.c' | sort)
TOOL_OBJ := $(TOOL_SRC:%.c=$(BUILD)/%.o)

# The library's files share lib/internal.h; drivers and tools see only include/.
$(filter-out $(DRV_OBJ),$(LIB_OBJ)): CFLAGS += -Ilib
$(DRV_OBJ): CFLAGS += -DMMSIM_BUILTIN -DMMSIM_MODNAME=$(basename $(notdir $<))
$(TOOL_OBJ): CFLAGS += -Itools/mmsim $(EDIT_CFLAGS)

UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_OBJ := $(UNIT_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN := $(BUILD)/unit-tests

BENCH_SRC := $(wildcard bench/*.c)
BENCH_BIN := $(BUILD)/bench

DEPS := $(LIB_OBJ:.o=.d) $(TOOL_OBJ:.o=.d) $(UNIT_OBJ:.o=.d) $(BUILD)/tests/tools/faultsim.d $(BUILD)/tests/tools/test_scengen.d

# frame_data.c counts chunks with popcount: one instruction where the
# CPU building (and running) mmsim has it, a libgcc call otherwise.
ifneq ($(shell grep -qw popcnt /proc/cpuinfo 2>/dev/null && echo y),)
$(BUILD)/lib/model/frame_data.o: CFLAGS += -mpopcnt
endif

XMLCHECK := $(BUILD)/xmlcheck
FAULTSIM := $(BUILD)/faultsim
TEST_SCENGEN := $(BUILD)/test-scengen

.PHONY: all mmsim test test-unit test-scenarios test-native diff bench fuzz fuzz-build fuzz-regress \
	fuzz-defio pictures check-man faultsim clean install check-driver-includes

all: mmsim

$(BUILD)/tools/mmsim/interp/repl.o $(BUILD)/tools/mmsim/interp/source.o \
$(BUILD)/tools/mmsim/interp/editline.o: $(EDIT_STAMP)

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
	$(Q)$(CC) $(filter-out $(if $(filter $<,$(NO_COVERAGE)),$(COVERAGE)),$(CFLAGS)) -MMD -MP -c $< -o $@

# One entry per driver file with MMSIM_MODULE(), named after the file.
$(GEN_BUILTIN): $(DRV_SRC) Makefile
	@mkdir -p $(dir $@)
	@{ echo '/* generated by the Makefile from the MMSIM_MODULE()s of: $(DRV_SRC) */'; \
	  echo '#include <mmsim/driver.h>'; \
	  for f in $(DRV_SRC); do grep -q '^MMSIM_MODULE(' $$f || continue; \
	    echo "extern const struct mmsim_module __mmsim_builtin_$$(basename $$f .c);"; done; \
	  echo 'const struct mmsim_module *const mmsim_builtin_modules[] = {'; \
	  for f in $(DRV_SRC); do grep -q '^MMSIM_MODULE(' $$f || continue; \
	    echo "	&__mmsim_builtin_$$(basename $$f .c),"; done; \
	  echo '	NULL,'; echo '};'; } > $@.tmp && mv -f $@.tmp $@

$(GEN_BUILTIN:.c=.o): $(GEN_BUILTIN)
	$(call msg,CC,$(@:$(BUILD)/%=%))
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(call msg,AR,$@)
	$(Q)ar rcs $@ $^

# The executable carries the whole library and exports it (-rdynamic), so
# a driver loaded with --driver=FILE.so links against the very symbols
# mmsim runs: one library, one current machine, one registry.
$(BUILD)/mmsim: $(TOOL_OBJ) $(LIB)
	$(call msg,LD,$@)
	$(Q)$(CC) $(LDFLAGS) -rdynamic -o $@ $(TOOL_OBJ) -Wl,--whole-archive $(LIB) \
		-Wl,--no-whole-archive $(LDLIBS)

# A driver includes <mmsim/...> headers only (and compiles without -Ilib).
check-driver-includes:
	@bad=$$(grep -Hn '^#include' $(DRV_SRC) | grep -v '<mmsim/'); \
	if [ -n "$$bad" ]; then echo "drivers include non-<mmsim/...> headers:"; \
		echo "$$bad"; exit 1; fi

# ./mmsim is the plain build's binary (copied every time it is made); a
# sanitized or debug build's is $(BUILD)/mmsim, which its tests run, and
# leaves ./mmsim alone (a sanitized binary cannot run the native backend).
ifeq ($(BUILD),build)
mmsim: $(BUILD)/mmsim
	$(Q)cp $< $@.tmp && mv -f $@.tmp $@
else
mmsim: $(BUILD)/mmsim
endif

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

# The allocation-failure sweep over the corpus (tests/tools/faultsim.c):
# a sample of failure points per scenario in make test, every point in
# make faultsim.
$(BUILD)/tests/tools/faultsim.o: CFLAGS += -Itools/mmsim
$(FAULTSIM): $(BUILD)/tests/tools/faultsim.o $(filter-out $(BUILD)/tools/mmsim/main.o,$(TOOL_OBJ)) $(LIB)
	$(call msg,LD,$@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The fuzz mutator's name rules (tests/tools/test_scengen.c).
$(BUILD)/tests/tools/test_scengen.o: CFLAGS += -Itools/mmsim
$(TEST_SCENGEN): $(BUILD)/tests/tools/test_scengen.o $(filter-out $(BUILD)/tools/mmsim/main.o,$(TOOL_OBJ)) $(LIB)
	$(call msg,LD,$@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

faultsim: $(FAULTSIM)
	@$(FAULTSIM) --all tests/scenarios/*.mms tests/regress/*

TEST_DRV_SRC := $(wildcard tests/drivers/*.c)
TEST_DRV_SO  := $(TEST_DRV_SRC:%.c=$(BUILD)/%.so)

# Test drivers build as out-of-tree modules would: include/ only, -fPIC.
$(BUILD)/tests/drivers/%.so: tests/drivers/%.c include/mmsim/*.h
	@mkdir -p $(dir $@)
	$(call msg,CC,$(@:$(BUILD)/%=%))
	$(Q)$(CC) -std=gnu11 -O2 -g $(WARN) -Iinclude -shared -fPIC $< -o $@

test: $(UNIT_BIN) mmsim $(XMLCHECK) $(FAULTSIM) $(TEST_SCENGEN) $(TEST_DRV_SO) check-driver-includes
	@tests/run-tests.sh $(UNIT_BIN) $(BUILD)/mmsim $(XMLCHECK) $(BUILD) "$(MAKE)"

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
	@tests/run-scenarios.sh --native $(BUILD)/mmsim tests/scenarios
	@tests/run-scenarios.sh --native $(BUILD)/mmsim examples
	@tests/native-guard.sh $(BUILD)/mmsim
	@tests/native-profile.sh $(BUILD)/mmsim
	@tests/difffuzz.sh $(BUILD)/mmsim

diff: mmsim
	@tests/run-scenarios.sh --diff $(BUILD)/mmsim tests/scenarios
	@tests/run-scenarios.sh --diff $(BUILD)/mmsim examples

bench: $(BENCH_BIN) mmsim
	$(BENCH_BIN)

# libFuzzer on the interpreter; needs clang and its runtime (on Debian:
# apt-get install clang libclang-rt-14-dev).  The Makefile never installs
# anything: it says what is missing and stops.
FUZZ_BUILD := build-fuzz
FUZZ_SECONDS ?= 60
JOBS ?= 1
FUZZ_CHECK ?= incremental
FUZZ_FLAGS ?=
FUZZ_TOOLS := $(filter-out tools/mmsim/main.c tools/mmsim/cli.c tools/mmsim/diff.c tools/mmsim/difffuzz.c tools/mmsim/compare.c tools/mmsim/stress/stress.c tools/mmsim/report/%,$(TOOL_SRC))

# The library is instrumented for coverage without comparison tracing
# (its loops over page tables would pay for it on every entry); the
# interpreter, whose parser benefits, has it.  The corpus is seeded from
# tests/scenarios and kept in $(FUZZ_BUILD)/corpus; findings go to
# tests/regress/.  JOBS=N runs N fuzzers in parallel (-jobs/-workers),
# which reread the shared corpus for each other's finds every second;
# one fuzzer alone does not (-reload=0: listing and stat'ing thousands of
# corpus files was 3% of a campaign);
# FUZZ_CHECK=incremental|full|cross chooses the checker (cross: both after
# every command, aborting when the full check finds what the incremental
# one missed).  FUZZ_FLAGS passes libFuzzer options.  README "Fuzzing"
# shows a campaign across machines and how exec/s was measured.
#
# libFuzzer's entropic schedule keeps every feature seen fewer than
# -entropic_feature_frequency_threshold times (255 by default) in a list
# it searches linearly for every such feature of every execution; with
# the ~40,000 features of this target that bookkeeping was over half the
# campaign's time.  At 16 it costs little, and a campaign reaches more
# coverage in the same time (README).
FUZZ_ENTROPIC ?= -entropic_feature_frequency_threshold=16
# The mutator and its generator are not the code under test: built
# without coverage, they cost the campaign no instrumentation.  Nor is
# the checker, the campaign's oracle: it runs after every command, so
# its edges were in every execution's features, and its loops' counts
# rewarded inputs for building bigger page tables, not new behaviour.
FUZZ_MUTATOR := tools/fuzz/mutator.c tools/mmsim/interp/scengen.c tools/mmsim/interp/scengen_names.c
FUZZ_LIBCOV := -fsanitize-coverage=inline-8bit-counters,pc-table
FUZZ_NO_COVERAGE := lib/model/mm_check.c lib/mm/page_table_check.c

FUZZ_MUTATOR_OBJ := $(patsubst %.c,$(FUZZ_BUILD)/%.o,$(notdir $(FUZZ_MUTATOR)))
FUZZ_CFLAGS := -std=gnu11 -O2 -g -Iinclude -Itools/mmsim -D_GNU_SOURCE

# Each step rebuilds only what changed: the instrumented library through
# its own rules, the mutator's objects and the target by their sources.
fuzz-build:
	@command -v clang >/dev/null 2>&1 || \
		{ echo "make fuzz: clang not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
	@printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }\n' | \
		clang -x c -fsanitize=fuzzer - -o /dev/null 2>/dev/null || \
		{ echo "make fuzz: clang has no libFuzzer runtime (Debian: apt-get install libclang-rt-14-dev)" >&2; exit 1; }
	$(MAKE) CC=clang BUILD=$(FUZZ_BUILD) SANITIZE=address,undefined COVERAGE="$(FUZZ_LIBCOV)" \
		NO_COVERAGE="$(FUZZ_NO_COVERAGE)" NO_LIBEDIT=1 $(FUZZ_BUILD)/libmmsim.a
	$(MAKE) $(FUZZ_BUILD)/fuzz-interp

define fuzz_mutator_rule
$(FUZZ_BUILD)/$(notdir $(1:.c=.o)): $(1)
	clang $$(FUZZ_CFLAGS) -MMD -fsanitize=address,undefined -c $$< -o $$@
endef
$(foreach f,$(FUZZ_MUTATOR),$(eval $(call fuzz_mutator_rule,$(f))))
-include $(FUZZ_MUTATOR_OBJ:.o=.d)

# The target's sources are compiled in its link: any header of theirs
# makes it again.
$(FUZZ_BUILD)/fuzz-interp: $(FUZZ_BUILD)/libmmsim.a $(FUZZ_MUTATOR_OBJ) $(FUZZ_TOOLS) \
		tools/fuzz/fuzz_interp.c $(wildcard include/mmsim/*.h tools/mmsim/*.h tools/mmsim/*/*.h)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined \
		$(filter-out $(FUZZ_MUTATOR),$(FUZZ_TOOLS)) tools/fuzz/fuzz_interp.c \
		$(FUZZ_MUTATOR_OBJ) $(FUZZ_BUILD)/libmmsim.a -o $@

# The findings in tests/regress/ replayed through the fuzz target itself
# (checker fatal, both checks): what make test replays with mmsim run,
# under the fuzzer's own rules.  make fuzz starts with it.
FUZZ_REGRESS = $(filter-out tests/regress/defio-%,$(wildcard tests/regress/*))

fuzz-regress: fuzz-build
	MMSIM_FUZZ_CHECK=cross $(FUZZ_BUILD)/fuzz-interp $(FUZZ_REGRESS) >$(FUZZ_BUILD)/regress.log 2>&1 || \
		{ tail -n 40 $(FUZZ_BUILD)/regress.log; exit 1; }

# Seeds: the corpus, less what is a loop written out (512 rounds of 2 MiB
# writes and collapses): as a seed and in its mutations it halved the
# campaign's executions per second (2,100 -> 1,240 in 60 s).
FUZZ_SEEDS := $(filter-out tests/scenarios/khugepaged-collapse-compound-extreme-%,\
	$(wildcard tests/scenarios/*.mms))

fuzz: fuzz-regress
	@mkdir -p $(FUZZ_BUILD)/corpus tests/regress
	cp -n $(FUZZ_SEEDS) $(FUZZ_BUILD)/corpus/
	cd $(FUZZ_BUILD) && MMSIM_FUZZ_CHECK=$(FUZZ_CHECK) ./fuzz-interp \
		-max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=2048 \
		$(FUZZ_ENTROPIC) $(if $(filter-out 1,$(JOBS)),-jobs=$(JOBS) -workers=$(JOBS),-reload=0) $(FUZZ_FLAGS) \
		-artifact_prefix=$(CURDIR)/tests/regress/ corpus

# The fb_defio workload's target (tools/fuzz/fuzz_defio.c, seed 001).
fuzz-defio:
	@command -v clang >/dev/null 2>&1 || \
		{ echo "make fuzz-defio: clang not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
	$(MAKE) CC=clang BUILD=$(FUZZ_BUILD) SANITIZE=address,undefined COVERAGE="$(FUZZ_LIBCOV)" \
		NO_LIBEDIT=1 $(FUZZ_BUILD)/libmmsim.a
	clang -std=gnu11 -O1 -g -Iinclude -Itools/mmsim -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined \
		tools/mmsim/stress/defio_stress.c tools/fuzz/fuzz_defio.c $(FUZZ_BUILD)/libmmsim.a \
		-o $(FUZZ_BUILD)/fuzz-defio
	@mkdir -p $(FUZZ_BUILD)/corpus-defio tests/regress
	$(FUZZ_BUILD)/fuzz-defio -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=1024 -len_control=0 \
		-artifact_prefix=tests/regress/defio- $(FUZZ_BUILD)/corpus-defio

# make install [PREFIX=/usr/local] [DESTDIR=]
PREFIX ?= /usr/local
INSTALL_ROOT = $(DESTDIR)$(PREFIX)

install: mmsim $(LIB)
	install -d $(INSTALL_ROOT)/bin $(INSTALL_ROOT)/include/mmsim \
		$(INSTALL_ROOT)/lib/pkgconfig
	install -m 755 mmsim $(INSTALL_ROOT)/bin/mmsim
	install -m 644 include/mmsim/*.h $(INSTALL_ROOT)/include/mmsim/
	install -m 644 $(LIB) $(INSTALL_ROOT)/lib/libmmsim.a
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(shell sed -n 's/^#define MMSIM_VERSION "\(.*\)"/\1/p' include/mmsim/mmsim.h)|' \
		mmsim.pc.in > $(INSTALL_ROOT)/lib/pkgconfig/mmsim.pc
	@for m in $(MAN_PAGES); do s=$${m##*.}; \
		install -d $(INSTALL_ROOT)/share/man/man$$s; \
		echo install -m 644 $$m $(INSTALL_ROOT)/share/man/man$$s/; \
		install -m 644 $$m $(INSTALL_ROOT)/share/man/man$$s/; done

clean:
	rm -rf build build-san build-dbg build-san-dbg build-fuzz mmsim

-include $(DEPS)
