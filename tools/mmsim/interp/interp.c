// SPDX-License-Identifier: GPL-2.0
/*
 * interp.c - the scenario interpreter's main loop.
 *
 * The interpreter owns everything a scenario names: processes (main is
 * id 0, `fork` adds more, `exit` ends one), addresses bound by `mmap`
 * and `mremap as=`, files and pins (ids global to the scenario), and the
 * arena (placement.c).  Each line is split by the lexer, its command
 * resolved into flat backend commands (backend.h) by a handler in
 * cmd_*.c, the raw results rendered (render.c), the checker run, and
 * the result judged (expect.c).
 *
 * With one backend (`mmsim run`) results are checked against the
 * scenario's expectations; with two (`mmsim diff`) they are compared
 * with each other instead.  A malformed scenario stops with
 * FILE:LINE: message and exit 2, whatever the backend did so far; a
 * person at the REPL is told and goes on.
 */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "interp_int.h"
#include "source.h"

static const struct command scenario_commands[] = {
#define X(n, fn, lo, hi, use, sum) { #n, fn, lo, hi, use, sum },
	SCENARIO_COMMANDS(X)
#undef X
};

#define NR_SCENARIO	(sizeof(scenario_commands) / sizeof(scenario_commands[0]))

/*
 * The scenario commands, then the model-only ones as the library lists
 * them (its own and its drivers', mmsim_ctl_command()): rebuilt when a
 * driver loaded since adds commands, which is looked for when a run
 * starts and when the table is listed (no command loads a driver).  The
 * strings are the library's.  find_command() looks names up in a hash
 * table of indices (open addressing, at most half full), rebuilt with
 * the table: a scenario line costs one hash, not a strcmp per command.
 */
static struct command *commands;
static size_t nr_commands;
static uint16_t *cmd_hash;	/* index + 1 into commands[]; 0: empty */
static size_t cmd_hash_mask;

static size_t name_hash(const char *name)
{
	size_t h = 2166136261u;		/* FNV-1a */

	while (*name)
		h = (h ^ (unsigned char)*name++) * 16777619u;
	return h;
}

static void cmd_hash_build(void)
{
	size_t size = 64;

	while (size < 2 * nr_commands)
		size <<= 1;
	free(cmd_hash);
	cmd_hash = xrealloc(NULL, size * sizeof(*cmd_hash));
	memset(cmd_hash, 0, size * sizeof(*cmd_hash));
	cmd_hash_mask = size - 1;
	for (size_t i = 0; i < nr_commands; i++) {
		size_t h = name_hash(commands[i].name) & cmd_hash_mask;

		while (cmd_hash[h])
			h = (h + 1) & cmd_hash_mask;
		cmd_hash[h] = (uint16_t)(i + 1);
	}
}

static void commands_refresh(void)
{
	struct mmsim_ctl_command cc;
	size_t n = 0;

	/* commands are only ever added, at the end: is there one more? */
	if (commands && !mmsim_ctl_command(nr_commands - NR_SCENARIO, &cc))
		return;
	while (mmsim_ctl_command(n, &cc))
		n++;
	commands = xrealloc(commands, (NR_SCENARIO + n) * sizeof(*commands));
	memcpy(commands, scenario_commands, sizeof(scenario_commands));
	for (size_t i = 0; i < n && mmsim_ctl_command(i, &cc); i++)
		commands[NR_SCENARIO + i] = (struct command) {
			cc.name, cmd_ctl, cc.min_args, cc.max_args, cc.usage,
			cc.summary,
		};
	nr_commands = NR_SCENARIO + n;
	cmd_hash_build();
}

const struct command *find_command(const char *name)
{
	if (!commands)
		commands_refresh();
	for (size_t h = name_hash(name) & cmd_hash_mask; cmd_hash[h];
	     h = (h + 1) & cmd_hash_mask) {
		const struct command *c = &commands[cmd_hash[h] - 1];

		if (!strcmp(c->name, name))
			return c;
	}
	return NULL;
}

const struct command *command_at(size_t i)
{
	commands_refresh();
	return i < nr_commands ? &commands[i] : NULL;
}

static char skip_reason[128];

const char *interp_skip_reason(void)
{
	return skip_reason;
}

struct step {
	char *text;		/* the command line, for messages */
	int lineno;
	bool has_expect;
	char *expected;		/* normalized; lines for a block */
};

/*
 * Processes the OOM killer killed during the last command are gone:
 * later commands for them, or their pins, are malformed.
 */
static void reap_killed(struct interp *ip)
{
	for (int i = 0; i < ip->nb; i++) {
		int proc;

		while (ip->ops[i]->killed && (proc = ip->ops[i]->killed(ip->bk[i])) >= 0) {
			if (proc >= ip->procs.n)
				continue;
			ip->procs.v[proc].live = false;
			ip->procs.v[proc].val = SYM_KILLED;
			for (int p = 0; p < ip->pins.n; p++)
				if (ip->pins.v[p].val == (unsigned long)proc)
					ip->pins.v[p].live = false;
		}
	}
}

/*
 * The checker, after every command and (@final) once at the end;
 * returns EXIT_FAIL on a break.
 */
static int run_checks(struct interp *ip, int lineno, bool final,
		      const char **why)
{
	const char *msg;
	int broken;

	if (ip->o.check == CHECK_OFF || (final && ip->o.check == CHECK_FULL))
		return 0;
	for (int i = 0; i < ip->nb; i++) {
		broken = ip->ops[i]->check ?
			 ip->ops[i]->check(ip->bk[i], ip->o.check, final, &msg) : 0;
		if (!broken)
			continue;
		*why = msg ? msg : "(no report)";
		fprintf(ip->err, "%s:%d: mm_check%s: %s\n", ip->file, lineno,
			final ? " (full, at the end)" : "",
			msg ? msg : "(no report)");
		if (ip->o.check_fatal && broken < 0) {	/* not a kernel's own bug */
			if (ip->err != stderr)		/* the finding, where it shows */
				fprintf(stderr, "%s:%d: mm_check: %s\n", ip->file,
					lineno, *why);
			abort();
		}
		return EXIT_FAIL;
	}
	return 0;
}

static int skipped(struct interp *ip, const struct step *st, const char *why)
{
	snprintf(skip_reason, sizeof(skip_reason), "%s", why);
	fprintf(ip->err, "%s:%d: skipped: %s\n", ip->file, st->lineno, why);
	return EXIT_SKIP;
}

/* The step's line as messages show it: made only for a message. */
static const char *step_shown(const struct step *st)
{
	return shown_max(st->text, -1, SHOWN_LINE);
}

/* The step's expectation against @r: 0, or EXIT_FAIL saying what @who got. */
static int judge_expected(struct interp *ip, const struct step *st,
			  const struct result *r, const char *who)
{
	bool block = r->kind == RK_LINES;

	if (result_matches(r, st->expected))
		return 0;
	fprintf(ip->err, "%s:%d: expected ", ip->file, st->lineno);
	print_expected(ip->err, st->expected, block);
	fprintf(ip->err, "%s%s ", block ? "" : ", ", who);
	print_expected(ip->err, r->text, block);
	if (!block)
		fputc('\n', ip->err);
	return EXIT_FAIL;
}

static int judge_diff(struct interp *ip, const struct step *st,
		      struct cmd *c)
{
	struct result *a = &c->res[0], *b = &c->res[1];
	const struct command *cmd;

	if (c->skip)
		return skipped(ip, st, a->text);
	if (a->kind == RK_REFUSED)
		return skipped(ip, st, a->text);
	/* require KEY=VALUE goes on where both backends could take it */
	if (!strcmp(c->argv[0], "require") &&
	    (!strchr(c->argv[1], '=') || a->kind == RK_UNSUP || b->kind == RK_UNSUP))
		return skipped(ip, st, a->kind == RK_UNSUP ? a->text : b->text);
	/*
	 * A scenario command the host could not carry out leaves the two
	 * backends in different states: nothing after it compares.  A
	 * model-only command (the library's, cmd_ctl) only looks or sets
	 * what the host has no such thing for.
	 */
	if (a->kind == RK_UNSUP && (cmd = find_command(c->argv[0])) &&
	    cmd->fn != cmd_ctl)
		return skipped(ip, st, a->text);
	if (a->kind == RK_UNSUP || b->kind == RK_UNSUP) {
		if (ip->o.verbose)
			fprintf(ip->err, "%s:%d: %s: not compared (%s)\n",
				ip->file, st->lineno, step_shown(st),
				a->kind == RK_UNSUP ? a->text : b->text);
		return 0;
	}
	if (ip->o.verbose) {
		char *p = xasprintf("%s:%d: %s => ", ip->file, st->lineno, step_shown(st));

		print_result(ip->out, p, b);
		free(p);
	}
	/* the backends agree: the scenario's own expectation still holds them */
	if (results_agree(a, b))
		return st->has_expect ? judge_expected(ip, st, b, "both got") : 0;
	fprintf(ip->err, "%s:%d: %s: native and model differ\n", ip->file,
		st->lineno, step_shown(st));
	if (a->kind == RK_LINES && b->kind == RK_LINES)
		print_line_diff(ip->err, a->text, b->text);
	else
		fprintf(ip->err, "  native: %s\n  model:  %s\n", a->text, b->text);
	return EXIT_FAIL;
}

/* A result as a person at the prompt (or a pipe) wants it: bare lines. */
static void print_plain(struct interp *ip, const struct result *r)
{
	if (r->kind != RK_LINES)
		fprintf(ip->out, "%s\n", r->text);
	else if (*r->text)
		fputs(r->text, ip->out);
	else if (ip->o.repl)
		fputs("(nothing)\n", ip->out);
}

/*
 * A backend whose command missed its deadline (the native backend's
 * --timeout) answers nothing more: the scenario ends there, failed, with
 * `FILE:LINE: WHY: COMMAND` (and under diff the model's answer).
 */
static int judge_timed_out(struct interp *ip, const struct step *st,
			   struct cmd *c)
{
	const char *why;

	for (int i = 0; i < ip->nb; i++) {
		if (!ip->ops[i]->timed_out || !(why = ip->ops[i]->timed_out(ip->bk[i])))
			continue;
		fprintf(ip->err, "%s:%d: %s: %s\n", ip->file, st->lineno, why,
			step_shown(st));
		for (int j = 0; j < ip->nb && ip->nb > 1; j++)
			if (j != i && c->res[j].text)
				fprintf(ip->err, "  %s: %s%s\n", ip->ops[j]->name,
					c->res[j].text, c->res[j].kind == RK_BLOCKS ?
					" (expect it: `=> blocks`)" : "");
		ip->quit = true;
		return EXIT_FAIL;
	}
	return 0;
}

static int judge_run(struct interp *ip, const struct step *st, struct cmd *c)
{
	struct result *r = &c->res[0];

	if (r->kind == RK_UNSUP || r->kind == RK_REFUSED)
		return skipped(ip, st, r->text);
	if (ip->o.interactive && !ip->o.verbose) {
		print_plain(ip, r);
	} else if (ip->o.verbose) {
		char *p = xasprintf("%s:%d: %s => ", ip->file, st->lineno, step_shown(st));

		print_result(ip->out, p, r);
		free(p);
	}
	fflush(ip->out);
	if (!st->has_expect) {
		if (r->kind != RK_FAIL && r->kind != RK_BLOCKS)
			return 0;
		if (!ip->o.repl)	/* a person has just seen it */
			fprintf(ip->err, "%s:%d: %s failed: %s%s\n", ip->file,
				st->lineno, step_shown(st), r->text,
				r->kind == RK_BLOCKS ? " (its process waits for ever; "
				"the scenario ends here)" : "");
		return EXIT_FAIL;
	}
	return judge_expected(ip, st, r, "got");
}

/* The expectation tokens, blank-separated. */
static char *join_words(char **w, int n)
{
	char *out = xstrdup("");
	size_t len = 0;

	for (int i = 0; i < n; i++) {
		out = xrealloc(out, len + strlen(w[i]) + 2);
		len += sprintf(out + len, "%s%s", i ? " " : "", w[i]);
	}
	return out;
}

/* Collect the `|` lines after `CMD =>` into blank-normalized lines. */
static int read_block(struct interp *ip, struct src *s, char **out,
		      int *lineno)
{
	size_t len = 0;
	char *l;

	*out = xstrdup("");
	while ((l = src_get(s, "| "))) {
		char *p = l + strspn(l, " \t");

		if (*p != '|') {
			src_push(s, l);
			break;
		}
		if (s->toolong || s->nul) {
			free(l);
			*lineno = s->lineno;	/* the message names the block line */
			return bad(ip, s->nul ? "NUL byte in the line" :
				   "line longer than %d bytes", LINE_MAX_BYTES);
		}
		p[strcspn(p, "#\r\n")] = '\0';
		append_line(out, &len, p + 1, strlen(p + 1));
		free(l);
	}
	return 0;
}

/* Hand the first backend's result to the recorder (`mmsim compare`). */
static void record_result(struct interp *ip, const struct step *st,
			  struct cmd *c, const char *why)
{
	const struct result *r = &c->res[0];
	char *text = r->kind == RK_BYTE ? xasprintf("0x%02lx", r->value) :
		     xstrdup(r->text ? r->text : "ok");

	ip->o.record(ip->o.record_arg, st->lineno, st->text, text, why);
	free(text);
}

/* Parse and run one command line; returns an exit code, or -1 if malformed. */
static int run_step(struct interp *ip, struct src *s, struct step *st,
		    struct lex_line *l)
{
	const struct command *cmd = find_command(l->argv[0]);
	struct cmd c = { .argc = l->argc - 1, .argv = l->argv };
	const char *why = NULL;
	int ret;

	if (!cmd && ip->o.interactive && !l->proc && !l->has_expect &&
	    repl_word(ip, l->argv, l->argc))
		return 0;
	if (!cmd)
		return bad(ip, "unknown command %s%s", shown(l->argv[0]),
			   ip->o.interactive ? " (try help)" : "");
	if (c.argc < cmd->min || c.argc > cmd->max)
		return bad(ip, "usage: %s", cmd->usage);
	if (arg_proc(ip, l->proc ? l->proc : "main", &c.proc))
		return -1;
	st->has_expect = l->has_expect;
	if (l->has_expect && !l->nexpect) {
		if (read_block(ip, s, &st->expected, &st->lineno))
			return -1;
	} else if (l->has_expect) {
		st->expected = join_words(l->expect, l->nexpect);
	}
	if (st->has_expect && expects_blocks(st->expected) &&
	    blocks_expected(ip, s, cmd->name, &st->lineno))
		return -1;
	ret = cmd->fn(ip, &c);
	ip->expect_blocks = false;
	if (judge_timed_out(ip, st, &c)) {
		ret = EXIT_FAIL;
		goto out;
	}
	if (ret) {
		ret = -1;
		goto out;
	}
	if (strcmp(cmd->name, "require") && strcmp(cmd->name, "machine"))
		ip->started = true;
	reap_killed(ip);
	ret = run_checks(ip, st->lineno, false, &why);
	if (ip->o.record)
		record_result(ip, st, &c, why);
	if (!ret)
		ret = ip->nb > 1 ? judge_diff(ip, st, &c) : judge_run(ip, st, &c);
	blocks_end(ip, &c, c.proc);
	if (ip->o.repl && !strcmp(cmd->name, "exit"))
		repl_exit_hint(ip);
out:
	for (int i = 0; i < MAX_BACKENDS; i++)
		result_clear(&c.res[i]);
	return ret;
}

static void step_free(struct step *st)
{
	free(st->text);
	free(st->expected);
	memset(st, 0, sizeof(*st));
}

/* The command text, without expectation, comment and surrounding blanks. */
static char *command_text(const char *line)
{
	char *t = xstrdup(line + strspn(line, " \t"));
	size_t n = strcspn(t, "#\r\n");
	char *arrow = strstr(t, "=>");

	if (arrow && (size_t)(arrow - t) < n)
		n = arrow - t;

	while (n && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	t[n] = '\0';
	return t;
}

static int run_line(struct interp *ip, struct src *s, char *line)
{
	struct step st = { .lineno = s->lineno };
	struct lex_line l;
	const char *err;
	int ret;

	ip->msg[0] = '\0';
	st.text = command_text(line);
	if (s->toolong)
		ret = bad(ip, "line longer than %d bytes", LINE_MAX_BYTES);
	else if (s->nul)
		ret = bad(ip, "NUL byte in the line");
	else if (lex_split(line, &l, &err))
		ret = bad(ip, "%s", err);
	else if (l.block)
		ret = bad(ip, "'|' block without a command");
	else if (!l.argc)
		ret = 0;
	else
		ret = run_step(ip, s, &st, &l);
	if (ret < 0) {
		fprintf(ip->err, "%s:%d: %s\n", ip->file, st.lineno, ip->msg);
		ret = EXIT_MALFORMED;
	}
	step_free(&st);
	return ret;
}

static void interp_init(struct interp *ip, const char *file,
			const struct backend_ops **ops, struct backend **bk,
			int nb, const struct interp_opts *o)
{
	memset(ip, 0, sizeof(*ip));
	ip->file = file;
	ip->ops = ops;
	ip->bk = bk;
	ip->nb = nb;
	ip->o = *o;
	ip->o.interactive |= o->repl;
	ip->err = o->err ? o->err : stderr;
	ip->out = o->out ? o->out : stdout;
	sym_add(&ip->procs, "main", 0);
	mmsim_design_state_init(&ip->design, MMSIM_KERNEL_DEFAULT);
	if (o->design)	/* the CLI has checked the words */
		mmsim_design_state_setup(&ip->design, o->design, o->design_pin,
					 ip->msg, sizeof(ip->msg));
}

static void interp_free(struct interp *ip)
{
	sym_free(&ip->names);
	sym_free(&ip->procs);
	sym_free(&ip->files);
	sym_free(&ip->pins);
	place_free(ip);
	proc_marks_free(ip);
}

/* The picture asked for with --svg, once the scenario has run. */
static int final_svg(struct interp *ip, int ret)
{
	if (!ip->o.svg || ret == EXIT_MALFORMED || ret == EXIT_SKIP)
		return ret;
	if (svg_write(ip, -1, ip->o.svg)) {
		fprintf(ip->err, "%s\n", ip->msg);	/* PATH: reason */
		return EXIT_MALFORMED;
	}
	return ret;
}

/* Go on after this result?  Folds failures under --keep-going. */
static bool go_on(struct interp *ip, int *ret)
{
	if (ip->o.repl)		/* a person has seen every failure */
		*ret = 0;
	if (ip->quit)
		return false;
	if (!*ret)
		return true;
	if (*ret == EXIT_FAIL && ip->o.keep_going) {
		ip->failures++;
		*ret = 0;
		return true;
	}
	return false;
}

int interp_run(const char *file, FILE *in, const struct backend_ops **ops,
	       struct backend **bk, int nb, const struct interp_opts *o)
{
	struct interp ip;
	struct src s;
	int ret = 0;
	char *line;

	if (nb < 1 || nb > MAX_BACKENDS)
		return EXIT_MALFORMED;
	skip_reason[0] = '\0';
	commands_refresh();	/* a driver loaded since the last run */
	interp_init(&ip, file, ops, bk, nb, o);
	src_init(&s, in, o->repl ? SRC_EDIT : o->interactive ? SRC_PIPE : SRC_FILE);
	if (o->repl)
		repl_begin(&ip, s.mode == SRC_EDIT);
	while ((line = src_get(&s, "mmsim> "))) {
		ret = run_line(&ip, &s, line);
		free(line);
		if (!go_on(&ip, &ret))
			break;
	}
	if (o->repl)
		repl_end(&ip, !line);
	if (!ret) {
		const char *why;

		ret = run_checks(&ip, s.lineno, true, &why);
	}
	if (!ret && ip.failures)
		ret = EXIT_FAIL;
	ret = final_svg(&ip, ret);
	src_free(&s);
	interp_free(&ip);
	return ret;
}

bool interp_help(FILE *out, const char *name)
{
	const struct command *c;

	if (name) {
		c = find_command(name);
		if (!c)
			return false;
		fprintf(out, "usage: %s\n  %s\n", c->usage, c->summary);
		return true;
	}
	fputs("Scenario commands (prefix with @PROC to run in PROC; "
	      "append => EXPECTED):\n", out);
	commands_refresh();
	for (size_t i = 0; i < nr_commands; i++) {
		if (commands[i].fn == cmd_ctl && (i == 0 || commands[i - 1].fn != cmd_ctl))
			fputs("Model-only commands (no answer on the host):\n", out);
		fprintf(out, "  %s\n      %s\n", commands[i].usage,
			commands[i].summary);
	}
	return true;
}
