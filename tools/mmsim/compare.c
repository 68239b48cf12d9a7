// SPDX-License-Identifier: GPL-2.0
/*
 * compare.c - `mmsim compare FILE...`: the reports' mechanism opened to
 * any scenario.  Each file runs once on the model as given (the
 * baseline: the 6.18 defaults, or --kernel=VERSION), which shows the
 * design switches it consulted; then once per value of each of those
 * switches, that switch pinned (the scenario's own `design` lines leave
 * it alone) and `mixed` allowed.  With --kernel=all it runs once
 * per kernel preset instead, every switch pinned.
 *
 * Every run goes on past failed expectations (they are the point) and
 * records each command's result and the checker's complaint.  For each
 * command whose results differ within a group (one switch's values, or
 * the kernels), the results are printed side by side under the group's
 * header, which gives each value's label.  Exit: 0 compared (whether or
 * not anything differs), 2 malformed or bad usage, 77 if the scenario
 * cannot run on the model.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "record.h"

#define MAX_RUNS	32

struct compare {
	bool kernels;		/* --kernel=all */
	char kernel[32];	/* --kernel=V: "kernel=V", or "" */
	bool check;
	bool verbose;
	int differing;
};

static int run_once(struct compare *cp, const char *path, const char *design,
		    struct run *r, char **err)
{
	FILE *f = fopen(path, "r");
	int ret;

	*err = NULL;
	if (!f) {
		fprintf(stderr, "%s: %s\n", shown(path), strerror(errno));
		return EXIT_MALFORMED;
	}
	ret = run_scenario(path, f, design, true, cp->check, r, err);
	fclose(f);
	return ret;
}

/* A result under its run's title; lines (maps) one under another. */
static void print_result(int width, const char *title, const char *res)
{
	bool first = true;

	do {
		size_t n = strcspn(res, "\n");

		printf("  %-*s %s\n", width, first ? title : "",
		       shown_max(res, n, SHOWN_LINE));
		res += n + (res[n] == '\n');
		first = false;
	} while (*res);
}

/* Print every command of @base whose results differ across @runs. */
static void print_group(struct compare *cp, const char *path, const char *name,
			struct run *runs, int nr)
{
	int hints[MAX_RUNS] = { 0 }, shown_header = 0, width = 20;
	const struct run *base = &runs[0];

	for (int j = 0; j < nr; j++)	/* the titles' column */
		if ((int)strlen(runs[j].title) > width)
			width = (int)strlen(runs[j].title);

	for (int i = 0; i < base->n; i++) {
		const struct rec *row[MAX_RUNS];
		bool differ = false;

		for (int j = 0; j < nr; j++) {
			row[j] = j ? run_find(&runs[j], base->v[i].lineno, &hints[j]) : &base->v[i];
			differ |= !row[j] || strcmp(row[j]->result, base->v[i].result);
		}
		if (!differ)
			continue;
		if (!shown_header++) {
			printf("\n%s: %s\n", path, name);
			for (int j = 0; j < nr; j++)
				printf("  %-*s %s\n", width, runs[j].title, runs[j].label);
		}
		cp->differing++;
		printf("%s:%d: %s\n", path, base->v[i].lineno,
		       shown_max(base->v[i].cmd, -1, SHOWN_LINE));
		for (int j = 0; j < nr; j++)
			print_result(width, runs[j].title,
				     row[j] ? row[j]->result : "(not run)");
	}
	if (!shown_header && cp->verbose)
		printf("%s: %s: no command differs\n", path, name);
}

static void title_value(struct run *r, int key, int value)
{
	const struct mmsim_design *d = mmsim_design_at(key);

	snprintf(r->title, sizeof(r->title), "%s=%s", d->key, d->values[value].name);
	snprintf(r->label, sizeof(r->label), "%s", d->values[value].label);
}

/* Runs for every value of switch @key; runs[0] is the baseline's. */
static int compare_key(struct compare *cp, const char *path, int key,
		       const struct mmsim_design_state *st, struct run *base)
{
	const struct mmsim_design *d = mmsim_design_at(key);
	struct run runs[MAX_RUNS];
	char words[96], *err;
	int nr = 1, ret = 0;

	memset(runs, 0, sizeof(runs));
	runs[0] = *base;
	snprintf(runs[0].title, sizeof(runs[0].title), "as given");
	snprintf(runs[0].label, sizeof(runs[0].label),
		 "the scenario's own design lines; before them %s=%s (%s)",
		 d->key, d->values[st->value[key]].name, d->values[st->value[key]].label);
	for (int v = 0; v < d->nr_values && nr < MAX_RUNS; v++) {
		snprintf(words, sizeof(words), "%s%smixed %s=%s", cp->kernel,
			 *cp->kernel ? " " : "", d->key, d->values[v].name);
		title_value(&runs[nr], key, v);
		run_once(cp, path, words, &runs[nr], &err);
		free(err);
		nr++;
	}
	print_group(cp, path, d->summary, runs, nr);
	for (int j = 1; j < nr; j++)
		run_free(&runs[j]);
	return ret;
}

/* What kernel @k's presets change from the default (6.18). */
static void kernel_label(int k, char *buf, size_t size)
{
	struct mmsim_design_state st, def;
	size_t n = 0;

	mmsim_design_state_init(&st, k);
	mmsim_design_state_init(&def, MMSIM_KERNEL_DEFAULT);
	buf[0] = '\0';
	for (unsigned int i = 0; mmsim_design_at(i); i++)
		if (st.value[i] != def.value[i] && n < size)
			n += snprintf(buf + n, size - n, "%s%s=%s", n ? " " : "",
				      mmsim_design_at(i)->key,
				      mmsim_design_at(i)->values[st.value[i]].name);
	if (!n)
		snprintf(buf, size, "(the default)");
}

static int compare_kernels(struct compare *cp, const char *path)
{
	struct run runs[MAX_RUNS];
	char words[512], *err;
	int nr = 0, ret = 0;

	memset(runs, 0, sizeof(runs));
	for (int k = MMSIM_KERNEL_FIRST; k <= MMSIM_KERNEL_LAST; k++, nr++) {
		size_t n = snprintf(words, sizeof(words), "kernel=%d.%d mixed",
				    k / 100, k % 100);

		/* pin every switch: kernel=... names none, so name them all */
		for (unsigned int i = 0; mmsim_design_at(i); i++) {
			struct mmsim_design_state st;

			mmsim_design_state_init(&st, k);
			n += snprintf(words + n, sizeof(words) - n > 0 ? sizeof(words) - n : 0,
				      " %s=%s", mmsim_design_at(i)->key,
				      mmsim_design_at(i)->values[st.value[i]].name);
		}
		snprintf(runs[nr].title, sizeof(runs[nr].title), "%d.%d", k / 100, k % 100);
		kernel_label(k, runs[nr].label, sizeof(runs[nr].label));
		ret = run_once(cp, path, words, &runs[nr], &err);
		if (ret == EXIT_MALFORMED || ret == EXIT_SKIP) {
			fputs(err ? err : "", stderr);
			free(err);
			nr++;
			goto out;
		}
		free(err);
	}
	print_group(cp, path, "every seed's mainline design, per kernel", runs, nr);
	ret = 0;
out:
	for (int j = 0; j < nr; j++)
		run_free(&runs[j]);
	return ret;
}

static int compare_file(struct compare *cp, const char *path)
{
	struct mmsim_design_state st;
	unsigned int touched;
	struct run base;
	char *err, why[256];
	int ret;

	if (cp->kernels)
		return compare_kernels(cp, path);
	memset(&base, 0, sizeof(base));
	ret = run_once(cp, path, *cp->kernel ? cp->kernel : NULL, &base, &err);
	if (ret == EXIT_MALFORMED || ret == EXIT_SKIP) {
		fputs(err ? err : "", stderr);
		free(err);
		run_free(&base);
		return ret;
	}
	free(err);
	touched = model_backend_touched;
	mmsim_design_state_init(&st, MMSIM_KERNEL_DEFAULT);
	if (*cp->kernel)
		mmsim_design_state_setup(&st, cp->kernel, false, why, sizeof(why));
	printf("%s: consults", path);
	for (unsigned int k = 0; mmsim_design_at(k); k++)
		if (touched & (1U << k))
			printf(" %s", mmsim_design_at(k)->key);
	printf("%s\n", touched ? "" : " no design switch");
	for (unsigned int k = 0; mmsim_design_at(k); k++)
		if (touched & (1U << k))
			compare_key(cp, path, k, &st, &base);
	run_free(&base);
	return 0;
}

static const char compare_usage[] =
	"usage: mmsim compare [--kernel=VERSION|all] [-v] [--no-check] FILE...\n"
	"Run each scenario on the model under every value of each design switch\n"
	"it consults (or, with --kernel=all, under every kernel preset 6.13 to\n"
	"6.19) and print, for each command whose result differs, the results\n"
	"side by side with the values' labels.  Failed expectations do not stop\n"
	"the runs; mm_check's complaints show beside the result.\n"
	"  --kernel=VERSION  the baseline's kernel (default 6.18)\n"
	"  --kernel=all      compare the kernel presets instead of single switches\n"
	"  -v                also say which switches changed nothing\n"
	"  --no-check        do not run mm_check() after every command\n"
	"Exit: 0 compared, 2 malformed scenario or bad usage, 77 skipped.\n";

const char *compare_help(void)
{
	return compare_usage;
}

int cmd_compare_main(int argc, char **argv)
{
	struct compare cp = { .check = true };
	int ret = -1, files = 0;

	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(compare_usage, stdout);
			return 0;
		} else if (!strcmp(a, "-v")) {
			cp.verbose = true;
		} else if (!strcmp(a, "--no-check")) {
			cp.check = false;
		} else if (!strcmp(a, "--kernel=all")) {
			cp.kernels = true;
		} else if (!strncmp(a, "--kernel=", 9) && mmsim_kernel_parse(a + 9) > 0) {
			snprintf(cp.kernel, sizeof(cp.kernel), "kernel=%s", a + 9);
		} else if (a[0] == '-') {
			fprintf(stderr, "mmsim compare: %s: %s (mmsim help compare)\n",
				shown(a), !strncmp(a, "--kernel", 8) ?
				"expected --kernel=VERSION (6.13 to 6.19) or --kernel=all" :
				"unknown option");
			return EXIT_MALFORMED;
		}
	}
	for (int i = 0; i < argc; i++) {
		if (argv[i][0] == '-')
			continue;
		files++;
		ret = ret < 0 ? compare_file(&cp, argv[i]) :
			worst_exit(ret, compare_file(&cp, argv[i]));
	}
	if (!files) {
		fputs("mmsim compare: no FILE (mmsim help compare)\n", stderr);
		return EXIT_MALFORMED;
	}
	printf("\n%d command%s differ%s\n", cp.differing,
	       cp.differing == 1 ? "" : "s", cp.differing == 1 ? "s" : "");
	return ret;
}
