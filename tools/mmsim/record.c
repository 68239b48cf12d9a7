// SPDX-License-Identifier: GPL-2.0
/*
 * record.c - running a scenario on the model and keeping every
 * command's result (record.h), for `mmsim compare` and the reports.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "record.h"

static char *xdup(const char *s)
{
	char *d = strdup(s);

	if (!d)
		abort();
	return d;
}

static void record(void *arg, int lineno, const char *cmd, const char *result,
		   const char *check)
{
	struct run *r = arg;
	struct rec *e;

	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 64;
		r->v = realloc(r->v, r->cap * sizeof(*r->v));
		if (!r->v)
			abort();
	}
	e = &r->v[r->n++];
	e->lineno = lineno;
	e->cmd = xdup(cmd);
	e->check_failed = check != NULL;
	r->check_failures += check != NULL;
	if (!check)
		e->result = xdup(result);
	else if (asprintf(&e->result, "%s [mm_check: %s]", result, check) < 0)
		abort();
}

void run_free(struct run *r)
{
	for (int i = 0; i < r->n; i++) {
		free(r->v[i].cmd);
		free(r->v[i].result);
	}
	free(r->v);
	r->v = NULL;
	r->n = r->cap = 0;
}

int run_scenario(const char *name, FILE *in, const char *design, bool pin,
		 bool check, struct run *r, char **err)
{
	const struct backend_ops *ops[1] = { &model_backend };
	struct interp_opts o = { .check = check, .keep_going = true,
				 .design = design, .design_pin = pin,
				 .record = record, .record_arg = r };
	struct backend *bk[1];
	size_t len = 0;
	FILE *mem = open_memstream(err, &len);
	int ret;

	o.err = o.out = mem;
	model_backend_design = design;
	model_backend_design_pin = pin;
	ret = model_backend.open(&bk[0], NULL);
	if (!ret) {
		ret = interp_run(name, in, ops, bk, 1, &o);
		model_backend.close(bk[0]);
	} else {
		if (mem)
			fprintf(mem, "%s: cannot start the model (%s)\n", name,
				design ? design : "defaults");
		ret = EXIT_MALFORMED;
	}
	model_backend_design = NULL;
	model_backend_design_pin = false;
	if (mem)
		fclose(mem);
	else
		*err = NULL;
	r->exit = ret;
	return ret;
}

int run_script(const char *name, const char *text, const char *design,
	       struct run *r)
{
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	char *err = NULL;
	int ret;

	if (!in)
		return EXIT_MALFORMED;
	ret = run_scenario(name, in, design, true, true, r, &err);
	if (ret == EXIT_MALFORMED)	/* a bug in the report's own script */
		fputs(err ? err : "", stderr);
	free(err);
	fclose(in);
	return ret;
}

const struct rec *run_find(const struct run *r, int lineno, int *hint)
{
	for (int i = *hint; i < r->n; i++)
		if (r->v[i].lineno == lineno) {
			*hint = i + 1;
			return &r->v[i];
		}
	return NULL;
}
