/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cli.h - what the CLI's subcommands share (main.c, cli.c, diff.c).
 */
#ifndef MMSIM_TOOLS_CLI_H
#define MMSIM_TOOLS_CLI_H

#include <stdbool.h>

#include "interp/interp.h"

/*
 * struct cli - one `mmsim run` or `mmsim diff`: its backends, options and
 * files (options may come before or after the files; `--` ends them).
 */
struct cli {
	const char *cmd;		/* "run" or "diff" */
	const struct backend_ops *ops[2];
	int nb;
	struct mmsim_profile prof;
	bool host_profile;		/* --profile=host */
	bool ktap;			/* --ktap */
	char kernel[32];		/* --kernel=V: "kernel=V", or "" */
	struct interp_opts o;
	char **files;
	int nfiles;
};

/*
 * cli_parse - the options of @c->cmd from @argv.  Returns 0, or an exit
 * code (2 for a bad option, naming it; 0 with *done for --help).
 */
int cli_parse(struct cli *c, int argc, char **argv, bool *done);

/*
 * cli_run - run every file (none: the REPL, or commands piped in) and
 * report: a line per file, a summary for several, or KTAP with --ktap.
 * Returns the folded exit code (worst_exit).
 */
int cli_run(struct cli *c);

/* The worst of two exit codes: 2 > 1 > 0 > 77 (77 only if all are 77). */
int worst_exit(int a, int b);

/* Usage text of a subcommand (run, diff, report, help), or NULL. */
const char *cli_usage(const char *cmd);

/* mmsim diff [OPTION...] FILE... */
int cmd_diff_main(int argc, char **argv);

/* mmsim compare [OPTION...] FILE... (compare.c), and its usage text */
int cmd_compare_main(int argc, char **argv);
const char *compare_help(void);

/* mmsim difffuzz [OPTION...] (difffuzz.c), and its usage text */
int cmd_difffuzz_main(int argc, char **argv);
const char *difffuzz_help(void);

/* mmsim stress [OPTION...] (stress/stress.c), and its usage text */
int cmd_stress_main(int argc, char **argv);
const char *stress_help(void);

#endif /* MMSIM_TOOLS_CLI_H */
