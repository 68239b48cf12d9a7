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
 * fault in fresh pages; 16 MiB still holds far more than one run frees.
 */
const char *__asan_default_options(void)
{
	return "quarantine_size_mb=16";
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
	const struct backend_ops *ops[1] = { &model_backend };
	struct interp_opts o = { .check = fuzz_check_mode(), .check_fatal = true,
				  .no_files = true, .keep_going = true };
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
		interp_run("fuzz", in, ops, &b, 1, &o);
		model_backend.close(b);
	}
	fclose(in);
	return 0;
}
