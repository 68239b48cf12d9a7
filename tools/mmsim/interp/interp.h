/* SPDX-License-Identifier: GPL-2.0 */
/*
 * interp.h - the scenario interpreter: runs one scenario against one
 * backend (`mmsim run`) or two in lockstep (`mmsim diff`).
 */
#ifndef MMSIM_TOOLS_INTERP_H
#define MMSIM_TOOLS_INTERP_H

#include <stdbool.h>
#include <stdio.h>

#include "backend/backend.h"

/* Exit codes of a scenario run. */
enum {
	EXIT_PASS = 0,
	EXIT_FAIL = 1,		/* an expectation failed, or mm_check did */
	EXIT_MALFORMED = 2,	/* FILE:LINE: message */
	EXIT_SKIP = 77,		/* the backend cannot run the scenario */
};

/*
 * struct interp_opts - how to run.
 * @check:	call the backend's check() after every command
 * @verbose:	echo every command with its result
 * @repl:	interactive: prompt, print every result, keep going after
 *		errors
 */
struct interp_opts {
	bool check;
	bool verbose;
	bool repl;
	bool check_fatal;	/* abort() on an mm_check failure (fuzzing) */
};

/*
 * interp_run - run the scenario read from @in (named @file in messages)
 * on @nb opened backends (1 for run; 2 for diff: bk[0] is native, bk[1]
 * the model).  With two backends, expectations are not evaluated: the
 * results of every command are compared and the first divergence fails.
 * Return: one of the exit codes above.
 */
int interp_run(const char *file, FILE *in, const struct backend_ops **ops,
	       struct backend **bk, int nb, const struct interp_opts *o);

/* Print the command list, or one command's usage; false if unknown. */
bool interp_help(FILE *out, const char *cmd);

#endif /* MMSIM_TOOLS_INTERP_H */
