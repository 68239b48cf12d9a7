// SPDX-License-Identifier: GPL-2.0
/*
 * cli.c - running scenario files for `mmsim run` and `mmsim diff`: the
 * options (anywhere among the files), opening each file (a regular file,
 * a pipe or stdin; a directory or a device is `PATH: reason`, exit 2),
 * the backends it runs on, and the report:
 *
 *   plain	the interpreter's messages on stderr, then one line per
 *		file on stdout: `ok FILE`, `not ok FILE # exit=N`,
 *		`ok FILE # SKIP reason`; with several files a last line
 *		`N passed, N failed[, N skipped]`.
 *   --ktap	KTAP as the kernel's kselftest runner prints it: `TAP version
 *		13`, the plan `1..N`, each file's messages as `# ` lines, its
 *		result line numbered, and the `# Totals:` line.
 *
 * Exit codes of several files fold into one (worst_exit):
 *   any 2 -> 2, else any 1 -> 1, else all 77 -> 77, else 0.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <mmsim/driver.h>

#include "cli.h"
#include "interp/lexer.h"

static const char run_usage[] =
	"usage: mmsim run [OPTION...] [FILE...]\n"
	"Run scenarios on the model (or on the host kernel with --native).\n"
	"With no FILE, read commands from standard input and print each\n"
	"result (on a terminal: the REPL); FILE '-' is a scenario on stdin.\n"
	"  --native        run on the host kernel, through real system calls\n"
	"  --check=MODE    how the model's invariants are checked: incremental\n"
	"                  (default: what each command changed, a full check\n"
	"                  every 1000 commands and at the end), full (after\n"
	"                  every command) or off\n"
	"  --no-check      the same as --check=off\n"
	"  --ram=SIZE      the model's RAM (default 4g; as `machine ram=SIZE`)\n"
	"  --mem-limit=SIZE  with --native: what the host agents may take in\n"
	"                  all (address space and memfds; default half the\n"
	"                  host's RAM); a command past it ends the scenario (77)\n"
	"  --timeout=SECONDS  with --native: how long to wait for the host's\n"
	"                  answer to a command (default 10, 0: for ever); past\n"
	"                  it the host processes are killed and the scenario\n"
	"                  fails (1); a command expected to block (=> blocks)\n"
	"                  is given 1 s, then blocks\n"
	"  --profile=host  configure the model like the host (zero page, soft-dirty)\n"
	"  --kernel=VERSION  the model's designs as in Linux VERSION (6.13 to 6.19;\n"
	"                  default 6.18): every seed's mainline design then\n"
	"  -v              echo every command with its result\n"
	"  --keep-going    go on past a failed expectation; fail at the end\n"
	"  --ktap          report in KTAP (as kselftest does)\n"
	"  --svg=FILE      write a picture of the final state (one scenario)\n"
	"  --driver=FILE.so  load a driver built outside the tree (repeatable;\n"
	"                  docs/drivers.md); on the host, opening it skips\n"
	"Exit: 0 pass, 1 an expectation failed, 2 malformed scenario or bad\n"
	"usage, 77 skipped (the backend cannot run it).\n";

static const char diff_usage[] =
	"usage: mmsim diff [OPTION...] FILE...\n"
	"Run each scenario on the host kernel and on the model in lockstep and\n"
	"compare the result of every command; the first difference fails.\n"
	"A result both give is then held to the scenario's expectation\n"
	"(\"expected X, both got Y\").\n"
	"  -v              echo every command with the model's result\n"
	"  --check=MODE    incremental (default), full or off, as for run\n"
	"  --ram=SIZE      the model's RAM (default 4g)\n"
	"  --mem-limit=SIZE  what the host agents may take in all (default\n"
	"                  half the host's RAM)\n"
	"  --timeout=SECONDS  how long to wait for the host's answer to a\n"
	"                  command (default 10, 0: for ever); past it the\n"
	"                  scenario fails (1); one expected to block\n"
	"                  (=> blocks) is given 1 s, then blocks\n"
	"  --no-check      the same as --check=off\n"
	"  --kernel=VERSION  the model's designs as in Linux VERSION (6.13 to 6.19)\n"
	"  --keep-going    go on past a difference; fail at the end\n"
	"  --ktap          report in KTAP (as kselftest does)\n"
	"  --driver=FILE.so  load a driver for the model side (repeatable); a\n"
	"                  scenario that opens it is skipped (77)\n"
	"Exit: 0 same, 1 a difference, 2 malformed or bad usage, 77 skipped.\n";

static const char report_usage[] =
	"usage: mmsim report [NAME]\n"
	"Run the designs argued over in one mailing-list discussion (see\n"
	"docs/seeds.md) through one workload and print them side by side.\n"
	"Without NAME, run every report and print one table, a verdict per\n"
	"design; mmsim help NAME describes one.\n";

static const char help_usage[] =
	"usage: mmsim help [COMMAND|SUBCOMMAND|REPORT]\n"
	"Without an argument: the usage and every scenario command.\n";

const char *cli_usage(const char *cmd)
{
	if (!strcmp(cmd, "run"))
		return run_usage;
	if (!strcmp(cmd, "diff"))
		return diff_usage;
	if (!strcmp(cmd, "report"))
		return report_usage;
	if (!strcmp(cmd, "help"))
		return help_usage;
	if (!strcmp(cmd, "compare"))
		return compare_help();
	if (!strcmp(cmd, "stress"))
		return stress_help();
	if (!strcmp(cmd, "difffuzz"))
		return difffuzz_help();
	return NULL;
}

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

static int bad_option(struct cli *c, const char *opt, const char *why)
{
	fprintf(stderr, "mmsim %s: %s: %s (mmsim help %s)\n", c->cmd,
		opt, why, c->cmd);
	return EXIT_MALFORMED;
}

/* --driver=FILE.so: load it now; 0, or exit 2 after saying why. */
static int load_driver(struct cli *c, const char *path)
{
	char err[512];

	if (!mmsim_module_load(path, err, sizeof(err)))
		return 0;
	fprintf(stderr, "mmsim %s: %s\n", c->cmd, err);
	return EXIT_MALFORMED;
}

/* --ram=SIZE: the model's RAM, as `machine ram=SIZE` would set it. */
static int parse_ram(struct cli *c, const char *a)
{
	const char *err;
	uint64_t v;

	if (lex_int(a + 6, &v, &err))
		return bad_option(c, shown(a), err);
	if (v < (16UL << 20) || v >= (8UL << 40) || v % 4096)
		return bad_option(c, shown(a),
				  "whole pages from 16m up to (not including) 8192g");
	model_backend_ram_bytes = v;
	return 0;
}

/* --mem-limit=SIZE: what the native agents may take (native_guard.c). */
static int parse_mem_limit(struct cli *c, const char *a)
{
	const char *err;
	uint64_t v;

	if (lex_int(a + 12, &v, &err))
		return bad_option(c, shown(a), err);
	if (v < (64UL << 20))
		return bad_option(c, shown(a), "at least 64m");
	native_backend_mem_limit = v;
	return 0;
}

/*
 * --timeout=SECONDS: the native backend's deadline for each command
 * (native_timeout.c); whole seconds, 0 for none.
 */
static int parse_timeout(struct cli *c, const char *a)
{
	const char *v = a + 10;
	unsigned long n = 0;

	if (!*v)
		return bad_option(c, shown(a), "expected --timeout=SECONDS");
	for (const char *p = v; *p; p++) {
		if (*p < '0' || *p > '9')
			return bad_option(c, shown(a),
					  "whole seconds expected (0: no timeout)");
		n = n * 10 + (unsigned long)(*p - '0');
		if (n > NAT_TIMEOUT_MAX)
			return bad_option(c, shown(a), "at most 86400 seconds");
	}
	native_backend_timeout = (unsigned int)n;
	return 0;
}

/* One option; 0, or an exit code. */
static int parse_option(struct cli *c, const char *a, bool *done)
{
	bool run = !strcmp(c->cmd, "run");

	if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
		fputs(cli_usage(c->cmd), stdout);
		*done = true;
	} else if (!strcmp(a, "-v")) {
		c->o.verbose = true;
	} else if (!strcmp(a, "--no-check")) {
		c->o.check = CHECK_OFF;
	} else if (!strcmp(a, "--check=full")) {
		c->o.check = CHECK_FULL;
	} else if (!strcmp(a, "--check=incremental")) {
		c->o.check = CHECK_INCREMENTAL;
	} else if (!strcmp(a, "--check=off")) {
		c->o.check = CHECK_OFF;
	} else if (!strcmp(a, "--keep-going")) {
		c->o.keep_going = true;
	} else if (!strcmp(a, "--ktap")) {
		c->ktap = true;
	} else if (!strncmp(a, "--ram=", 6)) {
		return parse_ram(c, a);
	} else if (!strncmp(a, "--mem-limit=", 12)) {
		return parse_mem_limit(c, a);
	} else if (!strncmp(a, "--timeout=", 10)) {
		return parse_timeout(c, a);
	} else if (run && !strcmp(a, "--native")) {
		c->ops[0] = &native_backend;
	} else if (run && !strcmp(a, "--profile=host")) {
		c->host_profile = true;
	} else if (run && !strncmp(a, "--svg=", 6) && a[6]) {
		c->o.svg = a + 6;
	} else if (!strncmp(a, "--driver=", 9) && a[9]) {
		return load_driver(c, a + 9);
	} else if (!strncmp(a, "--kernel=", 9)) {
		if (mmsim_kernel_parse(a + 9) < 0)
			return bad_option(c, shown(a), "unknown kernel (6.13 to 6.19)");
		snprintf(c->kernel, sizeof(c->kernel), "kernel=%s", a + 9);
	} else {
		const char *why = "unknown option";

		if (!strncmp(a, "--profile", 9))
			why = "expected --profile=host";
		else if (!strncmp(a, "--check", 7))
			why = "expected --check=full|incremental|off";
		else if (!strncmp(a, "--timeout", 9))
			why = "expected --timeout=SECONDS";
		else if (!strncmp(a, "--kernel", 8))
			why = "expected --kernel=VERSION (6.13 to 6.19)";
		else if (run && !strncmp(a, "--svg", 5))
			why = "expected --svg=FILE";
		else if (!strncmp(a, "--driver", 8))
			why = "expected --driver=FILE.so";
		return bad_option(c, shown(a), why);
	}
	return 0;
}

int cli_parse(struct cli *c, int argc, char **argv, bool *done)
{
	bool opts = true;
	int err;

	c->files = calloc(argc + 1, sizeof(char *));
	if (!c->files)
		return EXIT_MALFORMED;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];

		if (opts && !strcmp(a, "--")) {
			opts = false;
		} else if (opts && a[0] == '-' && a[1]) {
			err = parse_option(c, a, done);
			if (err || *done)
				return err;
		} else {
			c->files[c->nfiles++] = argv[i];
		}
	}
	if (c->o.svg && c->nfiles != 1)
		return bad_option(c, "--svg", "draws one scenario: give exactly one FILE");
	if (c->o.svg && !strcmp(c->ops[0]->name, "native"))
		return bad_option(c, "--svg", "draws the model's state: not with --native");
	if (*c->kernel && c->nb == 1 && !strcmp(c->ops[0]->name, "native"))
		return bad_option(c, "--kernel", "sets the model's designs: not with --native");
	if (*c->kernel)
		model_backend_design = c->o.design = c->kernel;
	return 0;
}

/* Open @path for reading: a regular file, a pipe, or "-" (stdin). */
static FILE *open_scenario(const char *path)
{
	struct stat st;
	FILE *f;

	if (!strcmp(path, "-"))
		return stdin;
	f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "%s: %s\n", shown_max(path, -1, SHOWN_LINE),
			strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) || S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode))
		return f;
	fprintf(stderr, "%s: %s\n", shown_max(path, -1, SHOWN_LINE),
		S_ISDIR(st.st_mode) ? "is a directory, not a scenario" :
		S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ?
		"is a device, not a scenario" : "not a regular file");
	fclose(f);
	return NULL;
}

/* Run one file (NULL: commands from stdin) on fresh backends. */
static int run_one(struct cli *c, const char *path, const struct interp_opts *o)
{
	struct backend *bk[2] = { NULL, NULL };
	const char *name = path && strcmp(path, "-") ? path : "<stdin>";
	FILE *f = path ? open_scenario(path) : stdin;
	int ret = EXIT_SKIP, i, err;

	if (!f)
		return EXIT_MALFORMED;
	for (i = 0; i < c->nb; i++) {
		err = c->ops[i]->open(&bk[i], &c->prof);
		if (err) {
			fprintf(o->err ? o->err : stderr,
				"%s: cannot start the %s backend: %s\n", name,
				c->ops[i]->name,
				errno_name(-err) ? errno_name(-err) : "error");
			goto out;
		}
	}
	ret = interp_run(name, f, c->ops, bk, c->nb, o);
out:
	while (i--)
		c->ops[i]->close(bk[i]);
	if (f != stdin)
		fclose(f);
	return ret;
}

struct tally {
	int pass, fail, skip;
};

/* "ok", "not ok ... # exit=N" or "ok ... # SKIP reason", numbered for KTAP. */
static void result_line(struct cli *c, struct tally *t, int n,
			const char *path, int ret)
{
	const char *name = shown_max(path, -1, SHOWN_LINE);
	char num[16] = "";

	if (c->ktap)
		snprintf(num, sizeof(num), "%d ", n);
	if (ret == EXIT_PASS) {
		t->pass++;
		printf("ok %s%s\n", num, name);
	} else if (ret == EXIT_SKIP) {
		t->skip++;
		printf("ok %s%s # SKIP %s\n", num, name,
		       *interp_skip_reason() ? interp_skip_reason() : "");
	} else {
		t->fail++;
		printf("not ok %s%s # exit=%d\n", num, name, ret);
	}
	fflush(stdout);
}

/* Each line the run printed, as a KTAP diagnostic. */
static void ktap_diag(char *buf, size_t len)
{
	for (char *l = buf; l < buf + len; ) {
		size_t n = strcspn(l, "\n");

		printf("# %.*s\n", (int)n, l);
		l += n + 1;
	}
}

static int run_file(struct cli *c, struct tally *t, int n, const char *path)
{
	struct interp_opts o = c->o;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = NULL;
	int ret;

	if (c->ktap && (mem = open_memstream(&buf, &len)))
		o.err = o.out = mem;
	fflush(stdout);
	ret = run_one(c, path, &o);
	if (mem) {
		fclose(mem);
		ktap_diag(buf, len);
		free(buf);
	}
	result_line(c, t, n, path, ret);
	return ret;
}

int cli_run(struct cli *c)
{
	struct tally t = { 0, 0, 0 };
	int ret = -1;

	if (c->host_profile && native_probe_profile(&c->prof)) {
		fputs("mmsim: cannot probe the host profile\n", stderr);
		return EXIT_SKIP;
	}
	if (!c->nfiles) {
		c->o.interactive = true;
		c->o.repl = isatty(STDIN_FILENO);
		return run_one(c, NULL, &c->o);
	}
	if (c->ktap)
		printf("TAP version 13\n1..%d\n", c->nfiles);
	for (int i = 0; i < c->nfiles; i++) {
		int r = run_file(c, &t, i + 1, c->files[i]);

		ret = ret < 0 ? r : worst_exit(ret, r);
	}
	if (c->ktap)
		printf("# Totals: pass:%d fail:%d xfail:0 xpass:0 skip:%d error:0\n",
		       t.pass, t.fail, t.skip);
	else if (c->nfiles > 1)
		printf(t.skip ? "%d passed, %d failed, %d skipped\n" :
		       "%d passed, %d failed\n", t.pass, t.fail, t.skip);
	return ret;
}
