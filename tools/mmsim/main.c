// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - the `mmsim` command line: run, diff, help, --version, and
 * the REPL (run with no file on a terminal).  It opens the backends a
 * scenario runs on, hands the file to the interpreter and folds the
 * exit codes of several files into one:
 *   any 2 -> 2, else any 1 -> 1, else all 77 -> 77, else 0.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "report/report.h"

static const char usage_text[] =
	"usage: mmsim run [--native] [--no-check] [--profile=host] [-v] [FILE...]\n"
	"       mmsim diff [-v] [--no-check] FILE...\n"
	"       mmsim report [NAME]\n"
	"       mmsim help [COMMAND]\n"
	"       mmsim --version\n"
	"\n"
	"run   runs scenarios on the model (or the host with --native); with\n"
	"      no FILE or '-', reads stdin (a REPL on a terminal).\n"
	"diff  runs each scenario on the host and the model and compares\n"
	"      the result of every command.\n"
	"Exit: 0 pass, 1 an expectation failed, 2 malformed scenario,\n"
	"      77 skipped (the backend cannot run it).  With several files:\n"
	"      any 2 -> 2, else any 1 -> 1, else all 77 -> 77, else 0.\n";

int worst_exit(int a, int b)
{
	if (a == EXIT_MALFORMED || b == EXIT_MALFORMED)
		return EXIT_MALFORMED;
	if (a == EXIT_FAIL || b == EXIT_FAIL)
		return EXIT_FAIL;
	if (a == EXIT_SKIP && b == EXIT_SKIP)
		return EXIT_SKIP;
	return a == EXIT_PASS || b == EXIT_PASS ? EXIT_PASS : a;
}

int run_path(const char *path, const struct backend_ops **ops, int nb,
	     const struct mmsim_profile *prof, const struct interp_opts *opts)
{
	struct backend *bk[2] = { NULL, NULL };
	struct interp_opts o = *opts;
	const char *name = path;
	FILE *f = stdin;
	int ret = EXIT_SKIP, i, err;

	if (!strcmp(path, "-")) {
		name = "<stdin>";
		o.repl = isatty(STDIN_FILENO);
	} else if (!(f = fopen(path, "r"))) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return EXIT_MALFORMED;
	}
	for (i = 0; i < nb; i++) {
		err = ops[i]->open(&bk[i], prof);
		if (err) {
			fprintf(stderr, "%s: cannot start the %s backend: %s\n",
				name, ops[i]->name,
				errno_name(-err) ? errno_name(-err) : "error");
			goto out;
		}
	}
	ret = interp_run(name, f, ops, bk, nb, &o);
out:
	while (i--)
		ops[i]->close(bk[i]);
	if (f != stdin)
		fclose(f);
	return ret;
}

static int cmd_run_main(int argc, char **argv)
{
	const struct backend_ops *ops[1] = { &model_backend };
	struct interp_opts o = { .check = true };
	struct mmsim_config cfg;
	bool host = false;
	int i, ret = -1;

	for (i = 0; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--native"))
			ops[0] = &native_backend;
		else if (!strcmp(argv[i], "--no-check"))
			o.check = false;
		else if (!strcmp(argv[i], "--profile=host"))
			host = true;
		else if (!strcmp(argv[i], "-v"))
			o.verbose = true;
		else
			goto usage;
	}
	mmsim_config_init(&cfg);
	if (host && native_probe_profile(&cfg.profile)) {
		fputs("mmsim: cannot probe the host profile\n", stderr);
		return EXIT_SKIP;
	}
	if (i == argc)
		return run_path("-", ops, 1, &cfg.profile, &o);
	for (; i < argc; i++) {
		int r = run_path(argv[i], ops, 1, &cfg.profile, &o);

		ret = ret < 0 ? r : worst_exit(ret, r);
	}
	return ret;
usage:
	fputs(usage_text, stderr);
	return EXIT_MALFORMED;
}

static int cmd_help_main(int argc, char **argv)
{
	if (!argc) {
		fputs(usage_text, stdout);
		putchar('\n');
		interp_help(stdout, NULL);
		return 0;
	}
	if (!strcmp(argv[0], "run") || !strcmp(argv[0], "diff") ||
	    !strcmp(argv[0], "help")) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (interp_help(stdout, argv[0]))
		return 0;
	fprintf(stderr, "mmsim help: unknown command %s\n", argv[0]);
	return EXIT_MALFORMED;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return cmd_run_main(0, argv + 1);	/* the REPL */
	if (!strcmp(argv[1], "--version")) {
		printf("mmsim %s\n", MMSIM_VERSION);
		return 0;
	}
	if (!strcmp(argv[1], "run"))
		return cmd_run_main(argc - 2, argv + 2);
	if (!strcmp(argv[1], "diff"))
		return cmd_diff_main(argc - 2, argv + 2);
	if (!strcmp(argv[1], "report"))
		return cmd_report_main(argc - 2, argv + 2);
	if (!strcmp(argv[1], "help") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "-h"))
		return cmd_help_main(argc - 2, argv + 2);
	fprintf(stderr, "mmsim: unknown command %s\n\n%s", argv[1], usage_text);
	return EXIT_MALFORMED;
}
