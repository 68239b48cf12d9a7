// SPDX-License-Identifier: GPL-2.0
/*
 * diff.c - `mmsim diff FILE...`: each scenario on the host kernel and on
 * the model in lockstep.  The host's profile is probed first and the
 * model is opened with it; then the result of every command is compared,
 * expectations or not, and the first divergence is printed (FILE:LINE,
 * the command, both results, a line diff for maps) with exit 1.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int diff_usage(void)
{
	fputs("usage: mmsim diff [-v] [--no-check] FILE...\n", stderr);
	return EXIT_MALFORMED;
}

int cmd_diff_main(int argc, char **argv)
{
	const struct backend_ops *ops[2] = { &native_backend, &model_backend };
	struct interp_opts o = { .check = true };
	struct mmsim_profile prof;
	int i, ret = -1, err;

	for (i = 0; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "-v"))
			o.verbose = true;
		else if (!strcmp(argv[i], "--no-check"))
			o.check = false;
		else
			return diff_usage();
	}
	if (i == argc)
		return diff_usage();
	err = native_probe_profile(&prof);
	if (err) {
		fprintf(stderr, "mmsim diff: cannot probe the host (%s)\n",
			errno_name(-err) ? errno_name(-err) : "error");
		return EXIT_SKIP;
	}
	for (; i < argc; i++) {
		int r = run_path(argv[i], ops, 2, &prof, &o);

		ret = ret < 0 ? r : worst_exit(ret, r);
	}
	return ret;
}
