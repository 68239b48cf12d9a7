// SPDX-License-Identifier: GPL-2.0
/*
 * difffuzz.c - `mmsim difffuzz`: differential fuzzing of the model
 * against the host kernel.  Random scenarios are generated from the
 * command table (interp/scengen.c, the libFuzzer mutator's generator),
 * restricted to the commands both backends run and whose results may be
 * compared; each runs in process on the host (the native backend) and
 * on the model in lockstep, as `mmsim diff` runs a file.  A difference
 * (or an mm_check complaint) is minimised by deleting lines (delta
 * debugging: chunks of halving size, as long as the same command still
 * differs) and printed; with --keep=DIR it is written there.
 *
 * Exit: 0 no difference, 1 differences found, 2 bad usage, 77 the host
 * cannot be probed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "interp/interp_int.h"
#include "interp/scengen.h"

#define DF_MAX_LINES	256
#define DF_LINE_MAX	192

/*
 * Commands whose results both backends produce alike.  Left out: the
 * model-only ones (machine, frame, draw, require and mmsim_ctl's), the
 * placement-dependent (mmap_hint, map_files, procmap_query, pagemap's
 * PFN-free words are kept), whole-process counters that include the
 * native agent's own memory (status, statm, smaps_rollup, proc_mark),
 * what touches the host beyond one process (mlockall locks the agent,
 * split_huge_pages is debugfs, open names model devices, capability
 * and setrlimit change the agent's credentials for every later step),
 * and memfd_secret (needs secretmem=on on the host's command line).
 */
static const char *const df_commands[] = {
	"mmap", "munmap", "mprotect", "mremap", "madvise", "mseal", "mlock",
	"munlock", "mincore", "msync", "memfd", "file", "fsync", "seal",
	"seals", "fallocate", "sysread", "syswrite", "ftruncate", "pwrite",
	"pread", "write", "read", "touch", "fork", "exit", "pin", "unpin",
	"maps", "smaps", "pagemap", "process_madvise", "clear_refs",
	"pagemap_scan", "uffd_api", "uffd_register", "uffd_unregister",
	"uffd_wp", "uffd_unwp", "uffd_copy", "uffd_zeropage", "uffd_poison",
	"uffd_continue", "uffd_move", "mem_write", "process_vm_readv", "prctl", "pidfd",
};

static bool df_allow(const struct command *c)
{
	for (size_t i = 0; i < sizeof(df_commands) / sizeof(df_commands[0]); i++)
		if (!strcmp(c->name, df_commands[i]))
			return true;
	return false;
}

struct difffuzz {
	unsigned long seed, count, len, seconds;
	const char *keep;
	bool verbose;
	struct mmsim_profile prof;
	unsigned long runs, same, differ, malformed, skipped;
};

/* The first word of @msg's first "NAME:LINE: " message: its line, or 0. */
static int diff_line(const char *msg)
{
	const char *p = strstr(msg, "difffuzz:");

	return p ? atoi(p + 9) : 0;
}

/*
 * One run of @text on both backends.  Return: the exit code; *@line the
 * line that differed (0 if none), *@msg the interpreter's messages.
 */
static int df_run(struct difffuzz *df, const char *text, int *line, char **msg)
{
	const struct backend_ops *ops[2] = { &native_backend, &model_backend };
	struct backend *bk[2] = { NULL, NULL };
	struct interp_opts o = { .check = CHECK_INCREMENTAL, .no_files = true };
	size_t msz = 0;
	FILE *in, *err;
	int ret = EXIT_SKIP, i;

	*msg = NULL;
	*line = 0;
	err = open_memstream(msg, &msz);
	if (!err)
		return EXIT_SKIP;
	in = fmemopen((void *)text, strlen(text), "r");
	o.err = err;
	o.out = err;
	for (i = 0; in && i < 2; i++)
		if (ops[i]->open(&bk[i], &df->prof))
			break;
	if (in && i == 2)
		ret = interp_run("difffuzz", in, ops, bk, 2, &o);
	while (i--)
		ops[i]->close(bk[i]);
	if (in)
		fclose(in);
	fclose(err);
	df->runs++;
	if (ret == EXIT_FAIL)
		*line = diff_line(*msg ? *msg : "");
	return ret;
}

/* Lines of @text as an array (each its own string); returns how many. */
static int df_split(const char *text, char **v)
{
	int n = 0;

	while (*text && n < DF_MAX_LINES) {
		size_t k = strcspn(text, "\n");

		v[n++] = strndup(text, k);
		text += k + (text[k] == '\n');
	}
	return n;
}

static char *df_join(char **v, const bool *drop, int n)
{
	size_t size = 1, k = 0;
	char *s;

	for (int i = 0; i < n; i++)
		size += strlen(v[i]) + 1;
	s = malloc(size);
	if (!s)
		return NULL;
	for (int i = 0; i < n; i++)
		if (!drop || !drop[i])
			k += sprintf(s + k, "%s\n", v[i]);
	s[k] = '\0';
	return s;
}

/* The command word of line @line of @v (after any @PROC prefix). */
static void df_cmd_word(char **v, int n, const bool *drop, int line,
			char *out, size_t size)
{
	const char *s = "";

	for (int i = 0, l = 0; i < n; i++)
		if (!drop[i] && ++l == line)
			s = v[i];
	if (*s == '@')
		s += strcspn(s, " ") + (s[strcspn(s, " ")] == ' ');
	snprintf(out, size, "%.*s", (int)strcspn(s, " "), s);
}

/*
 * df_minimise - delete chunks of lines while the same command (by its
 * words) still differs.  Return: the minimal scenario (caller frees).
 */
static char *df_minimise(struct difffuzz *df, const char *text, int line)
{
	char *v[DF_MAX_LINES], want[DF_LINE_MAX], got[DF_LINE_MAX], *msg, *s;
	bool drop[DF_MAX_LINES] = { false }, trial[DF_MAX_LINES];
	int n = df_split(text, v), live = n, l;

	df_cmd_word(v, n, drop, line, want, sizeof(want));
	for (int chunk = live / 2 ? live / 2 : 1; chunk >= 1; chunk /= 2) {
		for (int start = 0; start < n; ) {
			int removed = 0, i;

			memcpy(trial, drop, sizeof(trial));
			for (i = start; i < n && removed < chunk; i++)
				if (!trial[i]) {
					trial[i] = true;
					removed++;
				}
			if (!removed)
				break;
			s = df_join(v, trial, n);
			if (s && df_run(df, s, &l, &msg) == EXIT_FAIL && l) {
				df_cmd_word(v, n, trial, l, got, sizeof(got));
				if (!strcmp(got, want)) {
					memcpy(drop, trial, sizeof(drop));
					live -= removed;
				} else {
					start = i;
				}
			} else {
				start = i;
			}
			free(msg);
			free(s);
		}
	}
	s = df_join(v, drop, n);
	for (int i = 0; i < n; i++)
		free(v[i]);
	return s;
}

/*
 * The names a scenario has bound so far.  The generator draws names from
 * small pools (scengen.c) and the interpreter refuses a name not yet
 * bound as malformed, so a line naming one is drawn again.
 */
struct df_names {
	char v[32][16];
	int n;
	unsigned int vis[2];	/* files f, g2: the processes whose fds have them */
	unsigned int pinner[2];	/* pins p, q: the process that took them */
	bool uffd;		/* a range was registered with userfaultfd */
};

/*
 * Files: the host's are each process's descriptors, inherited at fork,
 * while the model's names are global, so a file is only used where its
 * descriptor exists (the process that opened it, children forked after).
 */
static int df_file(const char *s, size_t len)
{
	return gen_pool_index(GK_FILE, s, len);
}

static unsigned int df_proc_bit(const char *line)
{
	if (line[0] != '@' || !strncmp(line, "@main ", 6))
		return 1;
	return !strncmp(line, "@child ", 7) ? 2 : 4;
}

static bool df_bound(const struct df_names *b, const char *s, size_t len)
{
	for (int i = 0; i < b->n; i++)
		if (strlen(b->v[i]) == len && !strncmp(b->v[i], s, len))
			return true;
	return false;
}

static void df_bind(struct df_names *b, const char *s, size_t len)
{
	if (!df_bound(b, s, len) && b->n < 32 && len < 16)
		snprintf(b->v[b->n++], 16, "%.*s", (int)len, s);
}

static void df_unbind(struct df_names *b, const char *s, size_t len)
{
	for (int i = 0; i < b->n; i++)
		if (strlen(b->v[i]) == len && !strncmp(b->v[i], s, len))
			memmove(b->v[i], b->v[--b->n], sizeof(b->v[i]));
}

/*
 * Lines the interpreter would refuse whatever is bound: main's own exit
 * (every later line is then malformed) and mremap's maymove without to=
 * (the kernel's choice of address).
 */
static bool df_line_refused(const char *line)
{
	return !strcmp(line, "exit") ||
	       ((!strncmp(line, "mremap ", 7) || strstr(line, " mremap ")) &&
		strstr(line, "maymove") && !strstr(line, "to="));
}

/* Is @tok (up to + or -) one of the generator's names (scengen_names.c)? */
static bool df_is_name(const char *s, size_t len)
{
	for (int k = GK_ADDR; k < GK_NR; k++)
		if (gen_pool_index(k, s, len) > (k == GK_PROC ? 0 : -1))
			return true;
	return false;
}

/*
 * Populating a registered range from inside a system call (mremap
 * growing a locked mapping, mlock, MAP_POPULATE, MADV_POPULATE_*) has
 * each fault served by the process's own userfaultfd monitor, on both
 * backends alike - but on the host only after the monitor's second of
 * grace per page, so a few megabytes would take it minutes.  Such a line
 * passes only when every size on it is at most DF_SLOW_MAX bytes, and
 * then one in DF_SLOW_ONE_IN (by a hash of the line: the generator's
 * random stream is not drawn on, so other scenarios stay as they were).
 */
#define DF_SLOW_MAX	(4 * 4096UL)
#define DF_SLOW_ONE_IN	8

static bool df_slow_line_ok(const char *line)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	for (const char *t = line; *t; t += strcspn(t, " "), t += strspn(t, " ")) {
		char *end;
		unsigned long v;

		if (*t < '0' || *t > '9')
			continue;	/* a name, an address NAME+N, a word */
		v = strtoul(t, &end, 0);
		if (*end == 'p')
			v = v > DF_SLOW_MAX ? v : v * 4096;
		else if (*end == 'k' || *end == 'm' || *end == 'g')
			v = DF_SLOW_MAX + 1;
		if (v > DF_SLOW_MAX)
			return false;
	}
	for (const char *c = line; *c; c++)
		h = (h ^ (unsigned char)*c) * 16777619u;
	return h % DF_SLOW_ONE_IN == 0;
}

/* Whether @line names only bound names; if so, bind what it binds. */
static bool df_line_ok(struct df_names *b, const char *line)
{
	static const char *const binders[] = { "mmap", "memfd", "file", "fork", "pin" };
	struct df_names nb = *b;
	char cmd[32] = "";
	int arg = -1;

	if (df_line_refused(line))
		return false;
	/* populating a registered range costs the host a second a page */
	if (b->uffd && (strstr(line, "mremap") || strstr(line, "mlock") ||
			strstr(line, "locked") || strstr(line, "populate")) &&
	    !df_slow_line_ok(line))
		return false;
	if (strstr(line, "uffd_register"))
		nb.uffd = true;
	if (line[0] == '@' && strstr(line, " exit")) {	/* that process ends */
		df_unbind(&nb, line + 1, strcspn(line + 1, " "));
		for (int i = 0; i < 2; i++)	/* with its descriptors */
			nb.vis[i] &= ~df_proc_bit(line);
	}
	for (const char *t = line; *t; ) {
		size_t len = strcspn(t, " "), name;
		const char *eq = memchr(t, '=', len), *v = eq ? eq + 1 : t;
		bool binds = false;

		if (*t == '@') {
			if (!df_bound(b, t + 1, len - 1) && strncmp(t, "@main ", 6))
				return false;
			goto next;
		}
		if (arg < 0)
			snprintf(cmd, sizeof(cmd), "%.*s", (int)len, t);
		name = strcspn(v, " +-");
		if (arg == 0)
			for (size_t i = 0; i < sizeof(binders) / sizeof(binders[0]); i++)
				binds |= !strcmp(cmd, binders[i]);
		binds |= eq && !strncmp(t, "as=", 3);
		if (arg >= 0 && df_file(v, name) >= 0) {
			unsigned int *vis = &nb.vis[df_file(v, name)];

			if (binds && !strcmp(cmd, "mmap"))
				return false;
			if (binds)
				*vis = df_proc_bit(line);
			else if (!(*vis & df_proc_bit(line)))
				return false;
		}
		/*
		 * The host pins through io_uring buffer registration: an
		 * empty buffer or one at address 0 is its own EFAULT, every pin is writable (a
		 * read-only one is skipped there), and only the registering
		 * process's ring can let go of it.
		 */
		if ((arg == 1 || arg == 2) && !strcmp(cmd, "pin") && !strncmp(t, "0", len))
			return false;
		if (arg == 3 && !strcmp(cmd, "pin") && len == 2 && !strncmp(t, "ro", 2))
			return false;
		if (arg == 0 && (!strcmp(cmd, "pin") || !strcmp(cmd, "unpin")) &&
		    (*v == 'p' || *v == 'q')) {
			unsigned int *who = &nb.pinner[*v == 'q'];

			if (!strcmp(cmd, "pin"))
				*who = df_proc_bit(line);
			else if (*who != df_proc_bit(line))
				return false;
		}
		if (arg == 0 && !strcmp(cmd, "fork"))
			for (int i = 0; i < 2; i++)
				if (nb.vis[i] & df_proc_bit(line))
					nb.vis[i] |= !strncmp(v, "child", 5) ? 2 : 4;
		if (arg >= 0 && df_is_name(v, name)) {
			bool once = binds && strcmp(cmd, "mmap");	/* names a new object */

			if (once && df_bound(b, v, name))
				return false;
			if (binds)
				df_bind(&nb, v, name);
			else if (!df_bound(b, v, name))
				return false;
			if (!strcmp(cmd, "unpin"))
				df_unbind(&nb, v, name);
		}
		arg++;
next:
		t += len;
		t += strspn(t, " ");
	}
	*b = nb;
	return true;
}

/*
 * The line of @text the model alone finds malformed (a name a failed
 * command did not bind, an option out of range), or 0; *@blocks the
 * line of a command the model says blocks (it ends the run), or 0.
 */
static int df_malformed_line(struct difffuzz *df, const char *text, int *blocks)
{
	const struct backend_ops *ops[1] = { &model_backend };
	struct interp_opts o = { .check = CHECK_OFF, .keep_going = true,
				 .no_files = true };
	struct backend *bk;
	char *msg = NULL;
	size_t msz = 0;
	FILE *in, *err;
	int ret = EXIT_PASS, line = 0;

	err = open_memstream(&msg, &msz);
	in = fmemopen((void *)text, strlen(text), "r");
	o.err = o.out = err;
	if (in && err && !model_backend.open(&bk, &df->prof)) {
		ret = interp_run("difffuzz", in, ops, &bk, 1, &o);
		model_backend.close(bk);
	}
	if (in)
		fclose(in);
	if (err)
		fclose(err);
	*blocks = 0;
	if (ret == EXIT_MALFORMED)
		line = diff_line(msg ? msg : "");
	else if (ret == EXIT_FAIL && msg && strstr(msg, " failed: blocks"))
		*blocks = diff_line(msg);
	free(msg);
	return line;
}

/*
 * A command the model says blocks ends the scenario on both backends:
 * expect it (`=> blocks`, so that the host is given its short grace, not
 * the timeout) and drop what follows.  @p is the start of its line.
 */
static char *df_expect_blocks(char *text, char *p)
{
	size_t n = strcspn(p, "\n");
	size_t at = (size_t)(p - text) + n;
	char *t = malloc(at + sizeof(" => blocks\n"));

	if (t)
		snprintf(t, at + sizeof(" => blocks\n"), "%.*s => blocks\n", (int)at, text);
	free(text);
	return t;
}

/*
 * Delete the lines the model finds malformed, one by one; end at a
 * command it says blocks (df_expect_blocks()).
 */
static char *df_validate(struct difffuzz *df, char *text)
{
	for (int tries = 0; text && tries < DF_MAX_LINES; tries++) {
		int blocks, line = df_malformed_line(df, text, &blocks);
		char *p = text;

		if (!line && blocks) {
			if (df->verbose)
				fprintf(stderr, "blocks (model): line %d ends the scenario\n",
					blocks);
			while (--blocks > 0 && strchr(p, '\n'))
				p = strchr(p, '\n') + 1;
			return df_expect_blocks(text, p);
		}
		if (!line)
			break;
		while (--line > 0 && strchr(p, '\n'))
			p = strchr(p, '\n') + 1;
		memmove(p, p + strcspn(p, "\n") + (p[strcspn(p, "\n")] == '\n'),
			strlen(p + strcspn(p, "\n")) + 1 - (p[strcspn(p, "\n")] == '\n'));
	}
	return text;
}

static char *df_generate(struct difffuzz *df, unsigned long k)
{
	struct gen g = { .state = (df->seed * 1000003UL + k) * 0x9e3779b97f4a7c15ULL + 1,
			 .allow = df_allow, .host = true };
	char line[DF_LINE_MAX], *v[DF_MAX_LINES];
	struct df_names names = { .n = 0 };
	int n = 0, tries = 0;

	for (int i = 0; i < 8; i++)
		gen_rnd(&g);
	while ((unsigned long)n < df->len && n < DF_MAX_LINES && tries++ < 10000) {
		gen_line(&g, line, sizeof(line));
		if (df_line_ok(&names, line))
			v[n++] = strdup(line);
	}
	{
		char *s = df_join(v, NULL, n);

		for (int i = 0; i < n; i++)
			free(v[i]);
		return df_validate(df, s);
	}
}

static void df_report(struct difffuzz *df, unsigned long k, const char *min,
		      const char *msg)
{
	char path[4096];
	FILE *f;

	printf("difference: seed %lu scenario %lu\n%s--- minimised ---\n%s\n",
	       df->seed, k, msg, min);
	if (!df->keep)
		return;
	snprintf(path, sizeof(path), "%s/diff-%lu-%lu.mms", df->keep, df->seed, k);
	f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "mmsim difffuzz: %s: %s\n", shown(path), strerror(errno));
		return;
	}
	fprintf(f, "# mmsim difffuzz --seed=%lu: scenario %lu, minimised\n", df->seed, k);
	for (const char *p = msg; *p; ) {
		size_t n = strcspn(p, "\n");

		fprintf(f, "# %.*s\n", (int)n, p);
		p += n + (p[n] == '\n');
	}
	fputs(min, f);
	fclose(f);
	printf("written to %s\n", path);
}

static void df_one(struct difffuzz *df, unsigned long k)
{
	char *text = df_generate(df, k), *msg, *min, *msg2;
	int line, ret, l2;

	if (!text)
		return;
	ret = df_run(df, text, &line, &msg);
	if (ret == EXIT_PASS) {
		df->same++;
	} else if (ret == EXIT_SKIP) {
		df->skipped++;
		if (df->verbose)
			fprintf(stderr, "skipped: %s\n%s", interp_skip_reason(), msg ? msg : "");
	} else if (ret == EXIT_MALFORMED) {
		df->malformed++;
		if (df->verbose)
			fprintf(stderr, "malformed (generator): %s", msg ? msg : "");
	} else if (!line) {
		df->differ++;
		printf("difference without a line: seed %lu scenario %lu\n%s",
		       df->seed, k, msg ? msg : "");
	} else {
		df->differ++;
		min = df_minimise(df, text, line);
		df_run(df, min ? min : text, &l2, &msg2);
		df_report(df, k, min ? min : text, msg2 ? msg2 : "");
		free(msg2);
		free(min);
	}
	free(msg);
	free(text);
}

static int df_option(struct difffuzz *df, const char *a)
{
	char *end;

#define NUM(opt, field) \
	if (!strncmp(a, opt, strlen(opt))) { \
		errno = 0; \
		df->field = strtoul(a + strlen(opt), &end, 0); \
		return errno || *end || end == a + strlen(opt) ? -1 : 0; \
	}
	NUM("--seed=", seed);
	NUM("--count=", count);
	NUM("--len=", len);
	NUM("--time=", seconds);
#undef NUM
	if (!strncmp(a, "--keep=", 7) && a[7]) {
		df->keep = a + 7;
		return 0;
	}
	if (!strcmp(a, "-v")) {
		df->verbose = true;
		return 0;
	}
	return -1;
}

static const char difffuzz_usage[] =
	"usage: mmsim difffuzz [--seed=S] [--count=N] [--len=L] [--time=SECONDS]\n"
	"                      [--keep=DIR] [-v]\n"
	"Generate random scenarios from the command table, restricted to the\n"
	"commands both backends run alike, run each on the host kernel and on\n"
	"the model in lockstep (as mmsim diff), and minimise every difference\n"
	"by deleting lines while the same command still differs.\n"
	"  --seed=S        the first scenario's seed (default: the time)\n"
	"  --count=N       scenarios to run (default 100)\n"
	"  --len=L         lines per scenario (default 24, at most 256)\n"
	"  --time=SECONDS  stop after this long, whatever the count\n"
	"  --keep=DIR      write each minimised difference to DIR/diff-S-K.mms\n"
	"  -v              also show the generator's malformed lines\n"
	"Exit: 0 no difference, 1 differences found, 2 bad usage, 77 the host\n"
	"cannot be probed.\n";

const char *difffuzz_help(void)
{
	return difffuzz_usage;
}

int cmd_difffuzz_main(int argc, char **argv)
{
	struct difffuzz df = { .seed = (unsigned long)time(NULL), .count = 100,
			       .len = 24 };
	time_t start = time(NULL);
	int err;

	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			fputs(difffuzz_usage, stdout);
			return 0;
		}
		if (df_option(&df, argv[i]) || !df.len || df.len > DF_MAX_LINES) {
			fprintf(stderr, "mmsim difffuzz: %s: bad option (mmsim help difffuzz)\n",
				shown(argv[i]));
			return EXIT_MALFORMED;
		}
	}
	err = native_probe_profile(&df.prof);
	if (err) {
		fprintf(stderr, "mmsim difffuzz: cannot probe the host (%s)\n",
			errno_name(-err) ? errno_name(-err) : "error");
		return EXIT_SKIP;
	}
	model_backend_ram_bytes = 64UL << 20;
	printf("mmsim difffuzz: seed %lu\n", df.seed);
	for (unsigned long k = 0; k < df.count; k++) {
		if (df.seconds && (unsigned long)(time(NULL) - start) >= df.seconds)
			break;
		df_one(&df, k);
		fflush(stdout);
	}
	printf("%lu scenarios: %lu same, %lu differ, %lu malformed, %lu skipped "
	       "(%lu runs with minimising)\n",
	       df.same + df.differ + df.malformed + df.skipped, df.same, df.differ,
	       df.malformed, df.skipped, df.runs);
	return df.differ ? EXIT_FAIL : EXIT_PASS;
}
