// SPDX-License-Identifier: GPL-2.0
/*
 * faultsim.c - allocation failure as a test axis over the whole corpus.
 *
 *	faultsim [--all] [--check=full|cross] FILE...
 *
 * Each scenario runs once to count the allocations that could fail,
 * then again with the Nth of them failing: every N from 1 to the count
 * with --all (make faultsim), else a deterministic sample of a few N
 * spread over the run (make test).  A run goes on past the failed
 * commands the injection causes (as --keep-going), with the checker
 * after every command (incremental, or --check=full, or cross: both,
 * failing when only the full one finds a break) and a full check at the
 * end; then every process,
 * file and pin is released and the leak check runs.  A finding is a
 * broken invariant, a leak, or a crash (the sweep dies with it, naming
 * the file and N).  A finding after the model reproduced a modelled
 * kernel's own bug on purpose (mmsim_kernel_bug(): an older kernel's
 * design, e.g. pat=vm_pat's memtype leak) is printed as KNOWN and not
 * counted as a failure.  Prints each finding,
 * then "faultsim: N files, N runs with a known kernel finding" and
 * "N passed, N failed" (runs); with --all, which takes long, each file
 * as it starts on stderr ("faultsim: I/N FILE: K allocations").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"
#include "interp/interp.h"

#define SAMPLES	4

static const char usage[] =
	"usage: faultsim [--all] [--check=incremental|full|cross] FILE...\n"
	"  each scenario once per allocation it makes, that allocation failing\n"
	"  (--all: every one; else the first, the last and two between);\n"
	"  a run fails on a broken invariant or a leak after teardown\n";

static enum check_mode check_mode = CHECK_INCREMENTAL;

struct sweep {
	unsigned long runs, failed, known;
};

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t cap = 0;

	*len = 0;
	if (!f)
		return NULL;
	for (;;) {
		char *p = realloc(buf, cap + 65536);

		if (!p)
			break;
		buf = p;
		cap += 65536;
		*len += fread(buf + *len, 1, cap - *len, f);
		if (*len < cap)
			break;
	}
	fclose(f);
	return buf;
}

/*
 * One run of @data with allocation @nth failing (0: none).  Returns 0;
 * 1 with the finding printed; or 2 with it printed as KNOWN, when the
 * model had reproduced a modelled kernel's own bug on purpose before it
 * (mmsim_kernel_bug()).  *calls: allocations that could fail.
 */
static int run_once(const char *path, const char *data, size_t len,
		    unsigned long nth, unsigned long *calls)
{
	const struct backend_ops *ops[1] = { &model_backend };
	struct interp_opts o = { .check = check_mode, .keep_going = true,
				  .no_files = true };
	char *log = NULL;
	const char *teardown = NULL;	/* the machine's report: read before close */
	size_t loglen = 0;
	struct backend *b;
	const char *msg, *known;
	FILE *in, *err;
	bool broken, bad;

	model_backend_fail_nth = nth;
	err = open_memstream(&log, &loglen);
	in = fmemopen((void *)data, len ? len : 1, "r");
	if (!err || !in || model_backend.open(&b, NULL)) {
		fprintf(stderr, "faultsim: %s: cannot start a run\n", path);
		exit(2);
	}
	o.err = o.out = err;
	interp_run(path, in, ops, &b, 1, &o);
	fflush(err);
	*calls = mmsim_alloc_calls(model_backend_machine(b));
	if (model_backend_release_all(b, &msg))
		teardown = msg;
	known = mmsim_kernel_bug(model_backend_machine(b));
	broken = log && strstr(log, "mm_check");
	bad = broken || teardown;
	if (bad)
		printf("%s %s with allocation %lu failing:\n%s%s%s%s",
		       known ? "KNOWN" : "FAIL", path, nth, broken ? log : "",
		       teardown ? "after teardown: " : "",
		       teardown ? teardown : "", teardown ? "\n" : "");
	if (bad && known)
		printf("KNOWN (the kernel's, not the model's): %s\n", known);
	model_backend.close(b);
	fclose(in);
	fclose(err);
	free(log);
	model_backend_fail_nth = 0;
	return bad ? 1 + !!known : 0;
}

static void count_run(struct sweep *s, int result)
{
	s->runs++;
	s->known += result == 2;
	s->failed += result == 1;
}

static void sweep_file(struct sweep *s, const char *path, bool all,
		       int at, int files)
{
	unsigned long calls = 0, base, n, dummy;
	size_t len;
	char *data = slurp(path, &len);

	if (!data) {
		printf("FAIL %s: cannot read it\n", path);
		s->failed++;
		s->runs++;
		return;
	}
	count_run(s, run_once(path, data, len, 0, &base));
	calls = base;
	if (all)	/* the whole sweep takes long: say where it is */
		fprintf(stderr, "faultsim: %d/%d %s: %lu allocations\n",
			at, files, path, calls);
	for (n = 1; n <= calls; n++) {
		if (!all) {
			/* the first, the last, and evenly between */
			unsigned long step = calls / (SAMPLES - 1) ? calls / (SAMPLES - 1) : 1;

			if (n != 1 && n != calls && n % step)
				continue;
		}
		count_run(s, run_once(path, data, len, n, &dummy));
	}
	free(data);
}

int main(int argc, char **argv)
{
	struct sweep s = { 0, 0, 0 };
	bool all = false;
	int i = 1, files = 0;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--all"))
			all = true;
		else if (!strcmp(argv[i], "--check=full"))
			check_mode = CHECK_FULL;
		else if (!strcmp(argv[i], "--check=cross"))
			check_mode = CHECK_CROSS;
		else if (!strcmp(argv[i], "--check=incremental"))
			check_mode = CHECK_INCREMENTAL;
		else if (!strcmp(argv[i], "--help")) {
			printf("%s", usage);
			return 0;
		} else {
			fprintf(stderr, "faultsim: unknown option '%s'\n%s", argv[i], usage);
			return 2;
		}
	}
	/* small machines: a run, and its every check, stays quick */
	model_backend_ram_bytes = 64UL << 20;
	for (int first = i; i < argc; i++, files++)
		sweep_file(&s, argv[i], all, i - first + 1, argc - first);
	printf("faultsim: %d files, %lu runs with a known kernel finding\n%lu passed, %lu failed\n",
	       files, s.known, s.runs - s.failed - s.known, s.failed);
	return s.failed ? 1 : 0;
}
