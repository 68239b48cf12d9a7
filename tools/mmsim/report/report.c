// SPDX-License-Identifier: GPL-2.0
/*
 * report.c - `mmsim report [NAME]`: dispatch to the design comparisons
 * listed in report.h; without a name, list them.
 */
#include <stdio.h>
#include <string.h>

#include "report.h"

struct report {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

static const struct report reports[] = {
#define X(name, fn, summary) { #name, fn, summary },
	REPORTS(X)
#undef X
	{ NULL, NULL, NULL },
};

int cmd_report_main(int argc, char **argv)
{
	const struct report *r;

	if (!argc) {
		printf("usage: mmsim report NAME\n\nreports:\n");
		for (r = reports; r->name; r++)
			printf("  %-8s %s\n", r->name, r->summary);
		return 0;
	}
	for (r = reports; r->name; r++)
		if (!strcmp(r->name, argv[0]))
			return r->fn(argc - 1, argv + 1);
	fprintf(stderr, "mmsim report: unknown report %s\n", argv[0]);
	return 2;
}
