// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_interp.c - the libFuzzer target: each input is a scenario, run by
 * the interpreter on the model with mm_check() after every command.
 * Malformed input must end in an orderly exit 2; any crash, sanitizer
 * report, leak or checker failure (abort) is a finding.  `make fuzz`
 * seeds it from tests/scenarios; findings belong in tests/regress/,
 * which `make test` replays.
 */
#include <stdint.h>
#include <stdio.h>

#include "backend/backend.h"
#include "interp/interp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct backend_ops *ops[1] = { &model_backend };
	struct interp_opts o = { .check = CHECK_INCREMENTAL, .check_fatal = true,
				  .no_files = true };
	struct mmsim_config cfg;
	struct backend *b;
	FILE *in;

	if (!size)
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
