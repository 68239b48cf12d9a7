// SPDX-License-Identifier: GPL-2.0
/*
 * report_defio.c - `mmsim report defio`: seed 001's designs of fb_defio's
 * write-protection (lib/drivers/video/fbdev/core/fb_defio.c): folio_mkclean()
 * on kernel pages whose page->mapping and page->index ->fault faked
 * (Linux 2.6-6.14), mapping_wrprotect_range() (6.15-), and the
 * FBINFO_KMEMFB proposal (a PFN map, no struct page needed).  Three
 * scenarios run once per design, side by side; then the randomized
 * workload of `mmsim stress` (tools/mmsim/stress/) for a number of steps
 * per design, counting the writes no flush listed - shown, not asserted;
 * a design that loses one gets its smallest reproducer printed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mmsim/design.h>

#include "report.h"
#include "stress/defio_stress.h"

#define NR_DESIGNS	3
#define MAINLINE	1	/* wrprotect: values[] order is mkclean, wrprotect, kmemfb */
#define STEPS		20000	/* per design; `mmsim stress --steps=N` for more */

static const struct workload {
	const char *title;
	const char *script;
} workloads[] = {
	{ "two processes share the framebuffer: write, flush, write again",
	  "open fb fbdefio pages=4\n"
	  "mmap a 4p rw- shared file=fb\n"
	  "write a 0x11\n"
	  "fork c\n"
	  "@c write a+1p 0x22\n"
	  "defio_dirty a\n"
	  "defio_flush a\n"
	  "write a+1p 0x33\n"
	  "@c write a 0x44\n"
	  "defio_dirty a\n"
	  "smaps a VmFlags\n"
	  "pagemap a\n"
	  "normal_page a\n" },
	{ "a private mapping",
	  "open fb fbdefio pages=4\n"
	  "mmap s 1p r-- shared file=fb at=0x100000000000\n"
	  "mmap p 2p rw- private file=fb at=0x100000100000\n"
	  "write 0x100000100000 0x55\n"
	  "defio_dirty s\n" },
	{ "a carve-out: framebuffer memory without struct page "
	  "(tests/scenarios/defio-kmemfb-carveout-*)",
	  "open fb fbdefio pages=4 carveout=on\n" },
};

#define NR_WORKLOADS	(sizeof(workloads) / sizeof(workloads[0]))

struct outcome {
	int complaints, differences;
	bool carveout;			/* the carve-out could be opened */
	struct defio_result stress;
};

static int defio_key(void)
{
	return mmsim_design_find("defio");
}

static const char *value_name(int d)
{
	return mmsim_design_at(defio_key())->values[d].name;
}

static int run_workload(const struct workload *w, struct outcome *o)
{
	struct run runs[NR_DESIGNS];
	int differ[NR_DESIGNS] = { 0 };
	char words[64];

	memset(runs, 0, sizeof(runs));
	for (int d = 0; d < NR_DESIGNS; d++) {
		snprintf(words, sizeof(words), "mixed defio=%s", value_name(d));
		snprintf(runs[d].title, sizeof(runs[d].title), "%s", value_name(d));
		if (run_script("report defio", w->script, words, &runs[d]) == 2)
			return -1;
		o[d].complaints += runs[d].check_failures;
		if (w == &workloads[NR_WORKLOADS - 1])
			o[d].carveout = runs[d].n && !strcmp(runs[d].v[0].result, "ok");
	}
	report_runs(w->title, runs, NR_DESIGNS, MAINLINE, differ);
	for (int d = 0; d < NR_DESIGNS; d++) {
		o[d].differences += differ[d];
		run_free(&runs[d]);
	}
	return 0;
}

/* The randomized workload; a lost write is shrunk and printed. */
static int run_stress(int d, struct outcome *o)
{
	struct defio_op *ops = malloc(STEPS * sizeof(*ops));
	size_t n;

	if (!ops)
		return -1;
	defio_random_ops(1, ops, STEPS);
	if (defio_run(value_name(d), ops, STEPS, false, NULL, &o->stress)) {
		free(ops);
		return -1;
	}
	if (!report_quiet)
		printf("  %-10s %lu steps, %lu framebuffer writes, %lu flushes: %lu lost\n",
		       value_name(d), o->stress.steps, o->stress.writes,
		       o->stress.flushes, o->stress.lost);
	if (o->stress.lost && !report_quiet) {
		struct defio_result r;

		n = defio_shrink(value_name(d), ops, (size_t)o->stress.lost_at + 1);
		printf("\n  the smallest reproducer (%zu operations):\n", n);
		defio_run(value_name(d), ops, n, false, stdout, &r);
		printf("\n");
	}
	free(ops);
	return 0;
}

int report_defio(int argc, char **argv)
{
	const int values[NR_DESIGNS] = { 0, 1, 2 };
	struct outcome o[NR_DESIGNS];

	memset(o, 0, sizeof(o));
	if (!report_quiet) {
		printf("fb_defio deferred I/O (seed 001), one run per design:\n");
		report_labels(defio_key(), values, NR_DESIGNS);
		printf("'*': user space sees other than wrprotect (Linux 6.18); "
		       "'!': mm_check complained after the command\n");
	}
	for (size_t i = 0; i < NR_WORKLOADS; i++)
		if (run_workload(&workloads[i], o))
			return 1;
	if (!report_quiet)
		printf("\nthe randomized workload (mmsim stress: processes and mappings come and "
		       "go, writes, flushes;\nbefore each flush every page written since the last "
		       "must be listed), seed 1:\n");
	for (int d = 0; d < NR_DESIGNS; d++)
		if (run_stress(d, &o[d]))
			return 1;
	if (!report_quiet)
		printf("\nverdicts\n");
	for (int d = 0; d < NR_DESIGNS; d++) {
		if (!report_quiet)
			printf("  %-10s writes lost %lu of %lu; page->mapping/index writes on "
			       "kernel pages %lu;\n             memory without struct page %s; "
			       "%d checker complaints; %d results unlike wrprotect\n",
			       value_name(d), o[d].stress.lost, o[d].stress.writes,
			       o[d].stress.field_writes, o[d].carveout ? "works" : "refused (EINVAL)",
			       o[d].complaints, o[d].differences);
		verdict_add("defio", defio_key(), d, "lost %lu/%lu writes; %lu page field writes; "
			    "no struct page: %s", o[d].stress.lost, o[d].stress.writes,
			    o[d].stress.field_writes, o[d].carveout ? "works" : "EINVAL");
	}
	return 0;
}
