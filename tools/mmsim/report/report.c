// SPDX-License-Identifier: GPL-2.0
/*
 * report.c - `mmsim report [NAME]`: dispatch to the design comparisons
 * listed in report.h; without a name, run them all quietly and print
 * one table of verdicts, a row per design with its label.  `mmsim help
 * NAME` describes one.  Also the helpers the reports share: the verdict
 * rows, and scenario runs printed side by side.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mmsim/design.h>

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

/* ---- verdicts ----------------------------------------------------------- */

#define MAX_VERDICTS	32

struct verdict {
	const char *report;
	int key, value;
	char text[80];
};

bool report_quiet;
static struct verdict verdicts[MAX_VERDICTS];
static int nr_verdicts;

void verdict_add(const char *report, int key, int value, const char *fmt, ...)
{
	struct verdict *v = &verdicts[nr_verdicts];
	va_list ap;

	if (nr_verdicts == MAX_VERDICTS)
		return;
	*v = (struct verdict) { .report = report, .key = key, .value = value };
	va_start(ap, fmt);
	vsnprintf(v->text, sizeof(v->text), fmt, ap);
	va_end(ap);
	nr_verdicts++;
}

/* A label cut to fit a column: "Linux 6.14-", "proposal: John Hub...". */
static const char *short_label(const char *label, char *buf, size_t size)
{
	snprintf(buf, size, "%s", label);
	if (strlen(label) >= size && size > 4)
		strcpy(buf + size - 4, "...");
	return buf;
}

/* Every report, quietly; then one screen: a row per design. */
static int report_all(void)
{
	struct mmsim_design_state def;
	const char *last = "";
	char label[24];
	int ret = 0;

	report_quiet = true;
	nr_verdicts = 0;
	for (const struct report *r = reports; r->name; r++)
		ret |= r->fn(0, NULL);
	report_quiet = false;
	mmsim_design_state_init(&def, MMSIM_KERNEL_DEFAULT);
	printf("%-6s %-4s %-13s %-23s %s\n", "report", "seed", "design", "label",
	       "verdict ('*' = Linux 6.18)");
	for (int i = 0; i < nr_verdicts; i++) {
		const struct verdict *v = &verdicts[i];
		const struct mmsim_design *d = mmsim_design_at(v->key);
		bool first = strcmp(last, v->report);

		printf("%-6s %-4s %c%-12s %-23s %s\n", first ? v->report : "",
		       first ? d->seed : "", def.value[v->key] == v->value ? '*' : ' ',
		       d->values[v->value].name,
		       short_label(d->values[v->value].label, label, sizeof(label)),
		       v->text);
		last = v->report;
	}
	printf("mmsim report NAME for one report in full; `design` lists the labels in full\n");
	return ret ? 1 : 0;
}

/* ---- scenario runs side by side ------------------------------------------ */

void report_labels(int key, const int *values, int nr)
{
	const struct mmsim_design *d = mmsim_design_at(key);

	for (int j = 0; j < nr; j++)
		printf("  %s=%s: %s\n", d->key, d->values[values[j]].name,
		       d->values[values[j]].label);
}

/* One cell: the first line of @res (or "lines; joined"), cut to @w. */
static void cell(char *buf, size_t w, const char *res)
{
	size_t n = 0;

	for (const char *p = res; *p && n + 1 < w; p++)
		buf[n++] = *p == '\n' ? (p[1] ? ';' : ' ') : *p;
	buf[n] = '\0';
	while (n && buf[n - 1] == ' ')
		buf[--n] = '\0';
	if (strlen(res) >= w && w > 4)
		strcpy(buf + w - 4, "...");
}

/* @r's result without the checker's complaint (the caller frees it). */
static char *user_result(const struct rec *r)
{
	char *s = strdup(r ? r->result : "(not run)"), *cut;

	if (!s)
		abort();
	cut = r && r->check_failed ? strstr(s, " [mm_check:") : NULL;
	if (cut)
		*cut = '\0';
	return s;
}

void report_runs(const char *title, const struct run *runs, int nr,
		 int mainline, int *differ)
{
	bool out = !report_quiet;
	int hints[8] = { 0 };
	char c[27];

	if (out) {
		printf("\n%s\n%-30s", title, "");
		for (int j = 0; j < nr; j++)
			printf(" %-28s", runs[j].title);
		printf("\n");
	}
	for (int i = 0; i < runs[0].n; i++) {
		const struct rec *r0 = &runs[0].v[i];
		int h = 0;
		char *base = user_result(run_find(&runs[mainline], r0->lineno, &h));

		if (out)
			printf("%-30.30s", r0->cmd);
		for (int j = 0; j < nr; j++) {
			const struct rec *r = run_find(&runs[j], r0->lineno, &hints[j]);
			char *res = user_result(r);
			bool d = j != mainline && strcmp(res, base);

			differ[j] += d;
			cell(c, sizeof(c), res);
			if (out)
				printf(" %c%-26s%c", d ? '*' : ' ', c,
				       r && r->check_failed ? '!' : ' ');
			free(res);
		}
		free(base);
		if (out)
			printf("\n");
	}
	for (int j = 0; out && j < nr; j++)
		for (int i = 0; i < runs[j].n; i++)
			if (runs[j].v[i].check_failed)
				printf("  ! %s, line %d: %s\n", runs[j].title, runs[j].v[i].lineno,
				       strstr(runs[j].v[i].result, "[mm_check:"));
}

int cmd_report_main(int argc, char **argv)
{
	const struct report *r;

	if (!argc)
		return report_all();
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
	fprintf(stderr, "mmsim report: unknown report %s (mmsim help report lists them)\n",
		shown(argv[0]));
	return EXIT_MALFORMED;
}
