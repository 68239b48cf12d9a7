// SPDX-License-Identifier: GPL-2.0
/*
 * report.c - `mmsim report [NAME]`: dispatch to the design comparisons
 * listed in report.h; without a name, list them.  `mmsim help NAME`
 * describes one.
 */
#include <stdio.h>
#include <string.h>

#include "interp/interp.h"
#include "report.h"

struct report {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary, *about;
};

static const struct report reports[] = {
#define X(name, fn, summary, about) { #name, fn, summary, about },
	REPORTS(X)
#undef X
	{ NULL, NULL, NULL, NULL },
};

void report_list(FILE *out)
{
	fputs("\nreports:\n", out);
	for (const struct report *r = reports; r->name; r++)
		fprintf(out, "  %-8s %s\n", r->name, r->summary);
}

bool report_help(FILE *out, const char *name)
{
	for (const struct report *r = reports; r->name; r++) {
		if (strcmp(r->name, name))
			continue;
		fprintf(out, "usage: mmsim report %s\n  %s\n\n%s", r->name,
			r->summary, r->about);
		return true;
	}
	return false;
}

int cmd_report_main(int argc, char **argv)
{
	const struct report *r;

	if (!argc) {
		printf("usage: mmsim report NAME\n");
		report_list(stdout);
		return 0;
	}
	for (r = reports; r->name; r++) {
		if (strcmp(r->name, argv[0]))
			continue;
		if (argc > 1) {
			fprintf(stderr, "mmsim report %s: %s: takes no arguments\n",
				r->name, shown(argv[1]));
			return EXIT_MALFORMED;
		}
		return r->fn(argc - 1, argv + 1);
	}
	fprintf(stderr, "mmsim report: unknown report %s (mmsim report lists them)\n",
		shown(argv[0]));
	return EXIT_MALFORMED;
}
