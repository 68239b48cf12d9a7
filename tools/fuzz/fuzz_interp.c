// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_interp.c - the libFuzzer target: each input is a scenario, run by
 * the interpreter on the model with the checker after every command and
 * at the end; commands that fail (an errno, an expectation) do not stop
 * it, only malformed lines do.  Malformed input must end in an orderly
 * exit 2; any crash, sanitizer report, leak or checker failure (abort)
 * is a finding.  mutator.c generates and mutates whole command lines.
 *
 * MMSIM_FUZZ_CHECK=incremental (default), full or cross chooses the
 * checker; cross runs both after every command and aborts when the full
 * check finds what the incremental one missed.  Inputs that select
 * `design historic=pre5.8` are not run: that design restores the
 * CVE-2020-29374 behaviour and breaks invariants on purpose.  A break
 * after the model reproduced another modelled kernel's bug on purpose
 * (mmsim_kernel_bug(): pat=vm_pat's memtype leak across a partial
 * munmap, perf=pfnmap's AUX race forced with perf_aux_begin) is that
 * kernel's and does not abort; a crash or a sanitizer report is still a
 * finding.  `make fuzz` seeds it
 * from tests/scenarios; findings belong in tests/regress/, which
 * `make test` replays.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"
#include "interp/interp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
const char *__asan_default_options(void);

/*
 * ASan's quarantine of freed memory, 256 MiB by default, makes every run
 * fault in fresh pages.  A run frees 230 KiB on average: of 4,400 inputs
 * of a campaign's corpus, 98% freed under 1 MiB and 99.2% under 2 MiB,
 * so 2 MiB keeps all that nearly every run frees poisoned until it ends,
 * which is what catches a use after free.  A bigger quarantine hands out
 * memory gone cold in the caches: at 16 MiB, allocation was the target's
 * hottest function, and a campaign ran 6-12% fewer executions.
 */
const char *__asan_default_options(void)
{
	return "quarantine_size_mb=2";
}

/* MMSIM_FUZZ_STATS: inputs run, inputs reaching the model, commands */
static unsigned long stat_inputs, stat_reached, stat_cmds, stat_malformed;
static unsigned long cmds_this_input;

static void counted_exec(struct backend *b, const struct bcmd *c, struct bres *r)
{
	cmds_this_input++;
	model_backend.exec(b, c, r);
}

static void print_stats(void)
{
	fprintf(stderr, "fuzz_interp: %lu inputs, %lu (%.1f%%) reached the model, "
		"%lu ended malformed, %.1f commands per input reaching it\n",
		stat_inputs, stat_reached,
		stat_inputs ? 100.0 * stat_reached / stat_inputs : 0.0,
		stat_malformed,
		stat_reached ? (double)stat_cmds / stat_reached : 0.0);
}

static const struct backend_ops *fuzz_backend(void)
{
	static struct backend_ops counted;
	static int stats = -1;

	if (stats < 0) {
		stats = getenv("MMSIM_FUZZ_STATS") != NULL;
		counted = model_backend;
		counted.exec = counted_exec;
		if (stats)
			atexit(print_stats);
	}
	return stats ? &counted : &model_backend;
}

/*
 * The interpreter's diagnostics (a malformed line, a failed expectation:
 * several per input) go nowhere, buffered: written to stderr they cost
 * a write() each.  A checker failure that aborts is still printed on
 * stderr (interp.h), and `mmsim run` on the saved input prints them all.
 */
static FILE *fuzz_diagnostics(void)
{
	static FILE *null;

	if (!null)
		null = fopen("/dev/null", "w");
	return null ? null : stderr;
}

static enum check_mode fuzz_check_mode(void)
{
	const char *s = getenv("MMSIM_FUZZ_CHECK");

	if (s && !strcmp(s, "full"))
		return CHECK_FULL;
	if (s && !strcmp(s, "cross"))
		return CHECK_CROSS;
	return CHECK_INCREMENTAL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct backend_ops *ops[1] = { fuzz_backend() };
	struct interp_opts o = { .check = fuzz_check_mode(), .check_fatal = true,
				  .no_files = true, .keep_going = true,
				  .err = fuzz_diagnostics() };
	struct mmsim_config cfg;
	struct backend *b;
	FILE *in;

	if (!size || memmem(data, size, "pre5.8", 6))
		return 0;
	/* A small machine keeps each run (and each mm_check) quick. */
	model_backend_ram_bytes = 32UL << 20;
	mmsim_config_init(&cfg);
	in = fmemopen((void *)data, size, "r");
	if (!in)
		return 0;
	if (model_backend.open(&b, &cfg.profile) == 0) {
		cmds_this_input = 0;
		stat_malformed += interp_run("fuzz", in, ops, &b, 1, &o) == EXIT_MALFORMED;
		model_backend.close(b);
		stat_inputs++;
		stat_reached += cmds_this_input > 0;
		stat_cmds += cmds_this_input;
	}
	fclose(in);
	return 0;
}
