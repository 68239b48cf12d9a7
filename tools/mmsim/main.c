// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - the `mmsim` command: run, diff, difffuzz, report, help, --version, and
 * the REPL (`mmsim` alone, or `mmsim run` without a file).  Running files
 * is cli.c's; this file dispatches and answers help.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "report/report.h"

static const char usage_text[] =
	"usage: mmsim run [OPTION...] [FILE...]\n"
	"       mmsim diff [OPTION...] FILE...\n"
	"       mmsim compare [OPTION...] FILE...\n"
	"       mmsim stress [OPTION...]\n"
	"       mmsim difffuzz [OPTION...]\n"
	"       mmsim report [NAME]\n"
	"       mmsim help [COMMAND|SUBCOMMAND|REPORT]\n"
	"       mmsim --version\n"
	"\n"
	"run     runs scenarios on the model (or the host with --native);\n"
	"        with no FILE, reads commands from stdin (a REPL on a terminal)\n"
	"diff    runs each scenario on the host and the model and compares\n"
	"        the result of every command\n"
	"compare runs each scenario under every design it consults (or every\n"
	"        --kernel preset) and prints where results differ\n"
	"stress  the randomized fb_defio workload: no write may be lost\n"
	"difffuzz random scenarios on the host and the model, every difference\n"
	"        minimised\n"
	"report  competing designs from the seeds (docs/seeds.md), side by side\n"
	"mmsim help SUBCOMMAND (run, diff, compare, difffuzz, stress, report)\n"
	"for its options; man mmsim, and man mmsim-scenario for the language (in the\n"
	"source tree: man docs/man/mmsim.1, man docs/man/mmsim-scenario.5).\n";

static int cmd_run_main(int argc, char **argv)
{
	struct cli c = { .cmd = "run", .ops = { &model_backend }, .nb = 1,
			 .o = { .check = CHECK_INCREMENTAL } };
	struct mmsim_config cfg;
	bool done = false;
	int ret = cli_parse(&c, argc, argv, &done);

	mmsim_config_init(&cfg);
	c.prof = cfg.profile;
	if (!ret && !done)
		ret = cli_run(&c);
	free(c.files);
	return ret;
}

static int cmd_help_main(int argc, char **argv)
{
	const char *u;

	if (!argc) {
		fputs(usage_text, stdout);
		putchar('\n');
		interp_help(stdout, NULL);
		return 0;
	}
	if (argc > 1) {
		fputs("mmsim help: one name at a time\n", stderr);
		return EXIT_MALFORMED;
	}
	if ((u = cli_usage(argv[0]))) {
		fputs(u, stdout);
		if (!strcmp(argv[0], "report"))
			report_list(stdout);
		return 0;
	}
	if (report_help(stdout, argv[0]) || interp_help(stdout, argv[0]))
		return 0;
	fprintf(stderr, "mmsim help: %s: no such command, subcommand or report\n",
		shown(argv[0]));
	return EXIT_MALFORMED;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return cmd_run_main(0, argv + 1);	/* the REPL */
	if (!strcmp(argv[1], "--version")) {
		printf("mmsim %s (models Linux 6.18.y, x86-64; --kernel=6.13..6.19 "
		       "selects each seed's mainline design of that version)\n",
		       MMSIM_VERSION);
		return 0;
	}
	if (!strcmp(argv[1], "run"))
		return cmd_run_main(argc - 2, argv + 2);
	if (!strcmp(argv[1], "diff"))
		return cmd_diff_main(argc - 2, argv + 2);
	if (!strcmp(argv[1], "report"))
		return cmd_report_main(argc - 2, argv + 2);
	if (!strcmp(argv[1], "compare"))
		return cmd_compare_main(argc - 2, argv + 2);
	if (!strcmp(argv[1], "difffuzz"))
		return cmd_difffuzz_main(argc - 2, argv + 2);
	if (!strcmp(argv[1], "stress"))
		return cmd_stress_main(argc - 2, argv + 2);
	if (!strcmp(argv[1], "help") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "-h"))
		return cmd_help_main(argc - 2, argv + 2);
	fprintf(stderr, "mmsim: unknown subcommand %s (scenario commands go "
		"in a FILE or on stdin)\n\n%s", shown(argv[1]), usage_text);
	return EXIT_MALFORMED;
}
