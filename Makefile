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
#
# Switches: SANITIZE=address,undefined   DEBUG=1 (no optimisation)

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

LIB_SRC := $(shell find lib -name '*.c' | sort)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
LIB     := $(BUILD)/libmmsim.a

TOOL_SRC := $(shell find tools/mmsim -name '*.c' | sort)
TOOL_OBJ := $(TOOL_SRC:%.c=$(BUILD)/%.o)

# The library's files share lib/internal.h; the tools see only include/.
$(LIB_OBJ): CFLAGS += -Ilib
$(TOOL_OBJ): CFLAGS += -Itools/mmsim

UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_OBJ := $(UNIT_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN := $(BUILD)/unit-tests

BENCH_SRC := $(wildcard bench/*.c)
BENCH_BIN := $(BUILD)/bench

DEPS := $(LIB_OBJ:.o=.d) $(TOOL_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)

.PHONY: all mmsim test test-unit test-scenarios test-native diff bench fuzz clean

all: mmsim

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/mmsim: $(TOOL_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(TOOL_OBJ) $(LIB) $(LDLIBS)

# ./mmsim is always the binary of the build just made (copied every time,
# so a plain `make` after a sanitized one restores the plain binary).
mmsim: $(BUILD)/mmsim
	cp $< $@.tmp && mv -f $@.tmp $@

$(UNIT_BIN): $(UNIT_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(UNIT_OBJ) $(LIB) $(LDLIBS)

$(BENCH_BIN): $(BENCH_SRC) $(LIB)
	$(CC) $(CFLAGS) -O2 $(LDFLAGS) -o $@ $(BENCH_SRC) $(LIB) $(LDLIBS)

test: $(UNIT_BIN) mmsim
	@tests/run-tests.sh $(UNIT_BIN) ./mmsim

test-unit: $(UNIT_BIN)
	$(UNIT_BIN)

test-native: mmsim
	@tests/run-scenarios.sh --native ./mmsim tests/scenarios

diff: mmsim
	@tests/run-scenarios.sh --diff ./mmsim tests/scenarios

bench: $(BENCH_BIN)
	$(BENCH_BIN)

# libFuzzer on the interpreter; needs clang and its runtime
# (libclang-rt-14-dev on Debian, installed here if missing and root).
FUZZ_BUILD := build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TOOLS := $(filter-out tools/mmsim/main.c tools/mmsim/diff.c tools/mmsim/report/%,$(TOOL_SRC))

fuzz:
	@echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' > /tmp/mmsim-fuzz-probe.c
	@clang -fsanitize=fuzzer /tmp/mmsim-fuzz-probe.c -o /tmp/mmsim-fuzz-probe 2>/dev/null || \
		{ [ "$$(id -u)" = 0 ] && apt-get install -y -qq clang libclang-rt-14-dev; }
	$(MAKE) CC=clang BUILD=$(FUZZ_BUILD) SANITIZE=fuzzer-no-link,address,undefined $(FUZZ_BUILD)/libmmsim.a
	clang -std=gnu11 -O1 -g -Iinclude -Itools/mmsim -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined \
		$(FUZZ_TOOLS) tools/fuzz/fuzz_interp.c $(FUZZ_BUILD)/libmmsim.a -o $(FUZZ_BUILD)/fuzz-interp
	@mkdir -p $(FUZZ_BUILD)/corpus tests/regress
	cp tests/scenarios/*.mms $(FUZZ_BUILD)/corpus/
	$(FUZZ_BUILD)/fuzz-interp -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 \
		-artifact_prefix=tests/regress/ $(FUZZ_BUILD)/corpus

clean:
	rm -rf build build-san build-dbg build-san-dbg build-fuzz mmsim

-include $(DEPS)
