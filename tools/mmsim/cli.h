/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cli.h - what the CLI's subcommands share (main.c, diff.c).
 */
#ifndef MMSIM_TOOLS_CLI_H
#define MMSIM_TOOLS_CLI_H

#include "interp/interp.h"

/* Run @path ("-" is stdin) with @nb backends; returns an exit code. */
int run_path(const char *path, const struct backend_ops **ops, int nb,
	     const struct mmsim_profile *prof, const struct interp_opts *o);

/* The worst of two exit codes: 2 > 1 > 0 > 77 (77 only if all are 77). */
int worst_exit(int a, int b);

/* mmsim diff [-v] [--no-check] FILE... */
int cmd_diff_main(int argc, char **argv);

#endif /* MMSIM_TOOLS_CLI_H */
