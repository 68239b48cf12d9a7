// SPDX-License-Identifier: GPL-2.0
/*
 * stress.c - `mmsim stress`: the randomized fb_defio workload
 * (defio_stress.h) for as many steps as asked, under one design or all
 * of `design defio=`; prints what each saw and, where a design lost a
 * write, the smallest operation list that still loses one, as a
 * scenario.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mmsim/design.h>

#include "cli.h"
#include "stress/defio_stress.h"

static const char stress_usage[] =
	"usage: mmsim stress [--design=VALUE|all] [--steps=N] [--seed=S] [--check]\n"
	"Run the randomized fb_defio workload (seed 001): processes and shared\n"
	"and private mappings come and go while bytes are written, and before\n"
	"every flush each page written since the last one must be on the dirty\n"
	"list.  Per design: steps, writes, flushes, lost writes, page field\n"
	"writes, seconds; a design that loses a write gets its smallest\n"
	"reproducer printed as a scenario.  Exit 1 if a write was lost (or,\n"
	"with --check, mm_check complained), else 0.\n"
	"  --design=VALUE  mkclean, wrprotect, kmemfb, or all (default)\n"
	"  --steps=N       operations per design (default 100000)\n"
	"  --seed=S        the random driver's seed (default 1)\n"
	"  --check         also run mm_check() after every operation\n";

const char *stress_help(void)
{
	return stress_usage;
}

/* One design: the run, then the reproducer if it lost a write. */
static int stress_design(const char *design, unsigned long steps,
			 unsigned long seed, bool check)
{
	struct defio_op *ops = malloc(steps * sizeof(*ops));
	struct defio_result r;
	clock_t t0 = clock();
	double secs;
	size_t n;
	int ret = 0;

	if (!ops)
		return 1;
	defio_random_ops(seed, ops, steps);
	if (defio_run(design, ops, steps, check, NULL, &r)) {
		printf("%-10s cannot run: %s\n", design,
		       errno_name(-r.error) ? errno_name(-r.error) : "error");
		free(ops);
		return 1;
	}
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	printf("%-10s %9lu steps %9lu writes %8lu flushes %6lu lost %8lu field writes"
	       " %.1f s\n", design, r.steps, r.writes, r.flushes, r.lost,
	       r.field_writes, secs);
	if (check && r.check_failures) {
		printf("%-10s mm_check complained after %lu operations, first after "
		       "operation %ld: %s\n", design, r.check_failures, r.check_at, r.check);
		ret = 1;
	}
	if (r.lost) {
		n = defio_shrink(design, ops, (size_t)r.lost_at + 1);
		printf("\n# the smallest reproducer (%zu operations) under defio=%s:\n",
		       n, design);
		defio_run(design, ops, n, false, stdout, &r);
		printf("\n");
		ret = 1;
	}
	free(ops);
	return ret;
}

int cmd_stress_main(int argc, char **argv)
{
	static const char *const all[] = { "mkclean", "wrprotect", "kmemfb", NULL };
	unsigned long steps = 100000, seed = 1;
	const char *design = "all";
	bool check = false;
	int ret = 0;

	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		char *end;

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(stress_usage, stdout);
			return 0;
		} else if (!strncmp(a, "--design=", 9)) {
			design = a + 9;
			if (strcmp(design, "all") &&
			    mmsim_design_find_value(mmsim_design_find("defio"), design) < 0)
				goto bad;
		} else if (!strncmp(a, "--steps=", 8)) {
			steps = strtoul(a + 8, &end, 0);
			if (*end || !steps || steps > 100000000UL)
				goto bad;
		} else if (!strncmp(a, "--seed=", 7)) {
			seed = strtoul(a + 7, &end, 0);
			if (*end)
				goto bad;
		} else if (!strcmp(a, "--check")) {
			check = true;
		} else {
			goto bad;
		}
		continue;
bad:
		fprintf(stderr, "mmsim stress: %s: %s (mmsim help stress)\n", shown(a),
			!strncmp(a, "--design=", 9) ?
			"expected mkclean, wrprotect, kmemfb or all" :
			!strncmp(a, "--steps=", 8) ? "expected 1 to 100000000" :
			"unknown option");
		return EXIT_MALFORMED;
	}
	for (int d = 0; all[d]; d++)
		if (!strcmp(design, "all") || !strcmp(design, all[d]))
			ret |= stress_design(all[d], steps, seed, check);
	return ret;
}
