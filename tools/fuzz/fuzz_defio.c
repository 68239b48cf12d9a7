// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_defio.c - the libFuzzer target of seed 001: each input is a list
 * of fb_defio operations (four bytes each, tools/mmsim/stress/
 * defio_stress.h) run under every `design defio=` value; a write missing
 * from a flush's dirty list, or an mm_check complaint, aborts (a
 * finding).  `make fuzz-defio`.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "stress/defio_stress.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const designs[] = { "mkclean", "wrprotect", "kmemfb" };
	const struct defio_op *ops = (const struct defio_op *)data;
	size_t n = size / sizeof(*ops);
	struct defio_result r;

	if (!n || n > 4096)
		return 0;
	for (size_t d = 0; d < sizeof(designs) / sizeof(designs[0]); d++) {
		if (defio_run(designs[d], ops, n, true, NULL, &r))
			continue;
		if (r.lost || r.check_failures) {
			fprintf(stderr, "defio=%s: %lu lost, mm_check: %s\n", designs[d],
				r.lost, r.check_failures ? r.check : "ok");
			abort();
		}
	}
	return 0;
}
