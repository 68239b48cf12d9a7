// SPDX-License-Identifier: GPL-2.0
/*
 * diff.c - `mmsim diff FILE...`: each scenario on the host kernel and on
 * the model in lockstep.  The host's profile is probed first and the
 * model is opened with it; then the result of every command is compared,
 * expectations or not, and the first divergence is printed (FILE:LINE,
 * the command, both results, a line diff for maps) with exit 1.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

int cmd_diff_main(int argc, char **argv)
{
	struct cli c = { .cmd = "diff",
			 .ops = { &native_backend, &model_backend }, .nb = 2,
			 .o = { .check = CHECK_INCREMENTAL } };
	bool done = false;
	int ret = cli_parse(&c, argc, argv, &done), err;

	if (ret || done)
		goto out;
	if (!c.nfiles) {
		fputs("mmsim diff: no FILE (mmsim help diff)\n", stderr);
		ret = EXIT_MALFORMED;
		goto out;
	}
	err = native_probe_profile(&c.prof);
	if (err) {
		fprintf(stderr, "mmsim diff: cannot probe the host (%s)\n",
			errno_name(-err) ? errno_name(-err) : "error");
		ret = EXIT_SKIP;
		goto out;
	}
	ret = cli_run(&c);
out:
	free(c.files);
	return ret;
}
