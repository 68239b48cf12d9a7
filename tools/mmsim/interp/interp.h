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
 * @check:	the backend's check() after every command and at the end
 * @verbose:	echo every command with its result (FILE:LINE: CMD => RES)
 * @interactive: commands typed or piped in: print every result; with
 *		@repl also prompt, edit, keep history and go on after errors
 * @repl:	a person at a terminal (implies @interactive)
 * @keep_going:	go on past a failed expectation or command; the run
 *		still fails at the end
 * @check_fatal: abort() on an mm_check failure (fuzzing), unless the
 *	failure is a modelled kernel's own bug (mmsim_kernel_bug()); the
 *	failure is printed on stderr first, whatever @err is
 * @no_files:	never write a file (draw renders to nowhere; fuzzing)
 * @svg:	write the picture of the final state to this file
 * @design:	the design switches the model backend starts with ("kernel=6.14",
 *		"mixed pat=vm_pat"; NULL: the defaults), to validate `design`
 *		lines as the model will take them
 * @design_pin:	@design pins its switches (`mmsim compare`)
 * @record:	called with every command's result (`mmsim compare`): the
 *		line, the command text, the result as text, the checker's
 *		complaint or NULL
 * @err:	where diagnostics go (NULL: stderr)
 * @out:	where results go with @verbose or @interactive (NULL: stdout)
 */
struct interp_opts {
	enum check_mode check;
	bool verbose;
	bool interactive;
	bool repl;
	bool keep_going;
	bool check_fatal;
	bool no_files;
	const char *svg;
	const char *design;
	bool design_pin;
	void (*record)(void *arg, int lineno, const char *cmd,
		       const char *result, const char *check);
	void *record_arg;
	FILE *err;
	FILE *out;
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

/*
 * interp_skip_reason - why the last run ended with EXIT_SKIP ("requires
 * model"), for KTAP's "# SKIP reason"; "" if it did not.
 */
const char *interp_skip_reason(void);

/*
 * shown - @s as it may be printed back: control and non-ASCII bytes as
 * \xNN, cut to SHOWN_MAX characters with "..." after (util.c).  The
 * result lives in one of a few static buffers: up to four at once.
 */
#define SHOWN_MAX	48
#define SHOWN_LINE	160	/* for a whole command line or a path */
const char *shown(const char *s);
const char *shown_n(const char *s, size_t n);
const char *shown_max(const char *s, size_t n, size_t max);

#endif /* MMSIM_TOOLS_INTERP_H */
