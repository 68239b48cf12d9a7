/* SPDX-License-Identifier: GPL-2.0 */
/*
 * record.h - a scenario run on the model with every command's result
 * kept (interp_opts.record): what `mmsim compare` and the reports built
 * on scenarios compare between designs.
 */
#ifndef MMSIM_TOOLS_RECORD_H
#define MMSIM_TOOLS_RECORD_H

#include <stdbool.h>
#include <stdio.h>

struct rec {
	int lineno;
	char *cmd;
	char *result;		/* with " [mm_check: ...]" when the checker complained */
	bool check_failed;
};

/*
 * struct run - one run: its title and label for tables, what each
 * command gave, and how it ended (an EXIT_ code).
 */
struct run {
	char title[64];
	char label[224];
	struct rec *v;
	int n, cap;
	int exit;
	int check_failures;
};

/*
 * run_scenario - run the scenario read from @in (named @name) on a fresh
 * model whose switches start as @design says (NULL: the defaults),
 * pinned if @pin, going on past failed expectations; the interpreter's
 * messages are kept in *@err (the caller frees it).
 * Return: the run's exit code.
 */
int run_scenario(const char *name, FILE *in, const char *design, bool pin,
		 bool check, struct run *r, char **err);
/* run_scenario() on a string. */
int run_script(const char *name, const char *text, const char *design,
	       struct run *r);
void run_free(struct run *r);

/* The result of line @lineno in @r (searching from *@hint), or NULL. */
const struct rec *run_find(const struct run *r, int lineno, int *hint);

#endif /* MMSIM_TOOLS_RECORD_H */
