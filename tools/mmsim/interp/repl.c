// SPDX-License-Identifier: GPL-2.0
/*
 * repl.c - what a person at the terminal gets on top of the scenario
 * language: a banner, `help [COMMAND]` (or `?`), `quit`, a hint when
 * `exit` leaves no process, and - through libedit (BSD licence) when the
 * build found it - line editing, a history file and tab completion of
 * commands, processes (@NAME), bound names, files, pins, the model's
 * design switches, the profile's KEY=VALUE words (profile, require) and
 * madvise's advice.
 *
 * The history file is $MMSIM_HISTORY if set (empty: none), else
 * $XDG_STATE_HOME/mmsim_history, else ~/.mmsim_history.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "interp_int.h"

#include "editline.h"

#define HISTORY_LINES	1000

void repl_banner(FILE *out)
{
	fprintf(out, "mmsim %s - an executable model of the Linux 6.18 memory "
		"manager (x86-64)\n", MMSIM_VERSION);
	fputs("Type help for the commands, help COMMAND for one; quit or "
	      "Ctrl-D leaves.\n", out);
#ifndef HAVE_LIBEDIT
	fputs("(built without libedit: no line editing, history or "
	      "completion)\n", out);
#endif
}

bool repl_word(struct interp *ip, char **argv, int argc)
{
	if (!strcmp(argv[0], "quit") && argc == 1) {
		ip->quit = true;
		return true;
	}
	if (strcmp(argv[0], "help") && strcmp(argv[0], "?"))
		return false;
	if (argc == 1) {
		interp_help(stdout, NULL);
		puts("At this prompt also: help [COMMAND] (or ?), quit "
		     "(or Ctrl-D).");
	} else if (!interp_help(stdout, argv[1])) {
		printf("help: no scenario command %s (type help for the "
		       "list; in the shell, mmsim help %s)\n",
		       shown(argv[1]), shown(argv[1]));
	}
	return true;
}

void repl_exit_hint(struct interp *ip)
{
	for (int i = 0; i < ip->procs.n; i++)
		if (ip->procs.v[i].name && ip->procs.v[i].live)
			return;
	puts("(no process is left: commands now fail; type quit or press "
	     "Ctrl-D to leave mmsim)");
}

#ifdef HAVE_LIBEDIT

static struct interp *cur;	/* the session completion looks at */
static char *history_file;

static char *history_path(void)
{
	const char *env = getenv("MMSIM_HISTORY"), *dir;
	struct stat st;

	if (env)
		return *env ? xstrdup(env) : NULL;
	dir = getenv("XDG_STATE_HOME");
	if (dir && *dir && !stat(dir, &st) && S_ISDIR(st.st_mode))
		return xasprintf("%s/mmsim_history", dir);
	dir = getenv("HOME");
	return dir && *dir ? xasprintf("%s/.mmsim_history", dir) : NULL;
}

/* ---- completion: one list of candidates per context ---- */

struct cands {
	char **v;
	int n;
};

static struct cands cands;

static void cand_add(const char *prefix, const char *word)
{
	cands.v = xrealloc(cands.v, (cands.n + 2) * sizeof(char *));
	cands.v[cands.n++] = xasprintf("%s%s", prefix, word);
	cands.v[cands.n] = NULL;
}

static void cands_clear(void)
{
	for (int i = 0; i < cands.n; i++)
		free(cands.v[i]);
	cands.n = 0;
}

static void add_syms(const struct symtab *t, const char *prefix)
{
	for (int i = 0; i < t->n; i++)
		if (t->v[i].name && t->v[i].live)
			cand_add(prefix, t->v[i].name);
}

static void add_commands(void)
{
	const struct command *c;

	for (size_t i = 0; (c = command_at(i)); i++)
		cand_add("", c->name);
}

/* The model's design switches as KEY=VALUE words (ctl design_list). */
static void add_designs(void)
{
	struct bcmd bc = { .op = BOP_CTL, .str = "design_list" };
	struct bres br;
	char *save, *w;

	memset(&br, 0, sizeof(br));
	cur->ops[cur->nb - 1]->exec(cur->bk[cur->nb - 1], &bc, &br);
	if ((br.kind == BRES_WORD || br.kind == BRES_TEXT) && br.text)
		for (w = strtok_r(br.text, " \n", &save); w;
		     w = strtok_r(NULL, " \n", &save))
			cand_add("", w);
	bres_clear(&br);
}

/*
 * The profile's KEY=VALUE words, for `profile` and `require` (the keys
 * of lib/model/profile.c; `mmsim help profile` lists them).
 */
static void add_profile_words(void)
{
	static const char *const onoff[] = { "on", "off", NULL };
	static const char *const thp[] = { "always", "madvise", "never", NULL };
	static const char *const mthp[] = { "always", "inherit", "madvise",
					    "never", NULL };
	static const char *const ptes_none[] = { "0", "511", NULL };
	static const char *const map_count[] = { "65530", NULL };
	static const char *const kb[] = { "128", "8192", NULL };
	static const struct {
		const char *key;
		const char *const *values;
	} keys[] = {
		{ "zero_page=", onoff }, { "soft_dirty=", onoff },
		{ "thp=", thp }, { "thp_zero_page=", onoff },
		{ "thp_16k=", mthp }, { "thp_32k=", mthp },
		{ "thp_64k=", mthp }, { "thp_128k=", mthp },
		{ "thp_256k=", mthp }, { "thp_512k=", mthp },
		{ "thp_1024k=", mthp }, { "thp_2048k=", mthp },
		{ "thp_max_ptes_none=", ptes_none },
		{ "thp_shrink_underused=", onoff },
		{ "max_map_count=", map_count },
		{ "read_ahead_kb=", kb }, { "max_sectors_kb=", kb },
	};

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		for (const char *const *v = keys[i].values; *v; v++)
			cand_add(keys[i].key, *v);
}

static void build_cands(const char *line, int start, const char *text)
{
	char buf[256], *tok[4], *save;
	int n = 0;

	cands_clear();
	snprintf(buf, sizeof(buf), "%.*s", start, line);
	for (char *w = strtok_r(buf, " \t", &save); w && n < 4;
	     w = strtok_r(NULL, " \t", &save))
		if (n || w[0] != '@')	/* @PROC before the command */
			tok[n++] = w;
	if (text[0] == '@')
		add_syms(&cur->procs, "@");
	else if (!n)
		add_commands(), cand_add("", "help"), cand_add("", "quit");
	else if (!strcmp(tok[0], "help") || !strcmp(tok[0], "?"))
		add_commands();
	else if (!strcmp(tok[0], "design"))
		add_designs();
	else if (!strcmp(tok[0], "profile"))
		add_profile_words();
	else if (!strcmp(tok[0], "require")) {
		cand_add("", "model"), cand_add("", "native");
		add_profile_words();
	} else if (!strcmp(tok[0], "madvise") && n == 3) {
		const char *w;

		for (size_t i = 0; (w = madvise_advice_name(i)); i++)
			cand_add("", w);
	} else {
		add_syms(&cur->names, "");
		add_syms(&cur->files, "");
		add_syms(&cur->pins, "");
	}
}

static char *next_cand(const char *text, int state)
{
	static int i;
	size_t n = strlen(text);

	if (!state)
		i = 0;
	while (i < cands.n) {
		const char *c = cands.v[i++];

		if (!strncmp(c, text, n))
			return strdup(c);
	}
	return NULL;
}

static char **complete(const char *text, int start, int end)
{
	*el.rl_attempted_completion_over = 1;	/* never file names */
	if (!cur)
		return NULL;
	build_cands(*el.rl_line_buffer, start, text);
	return el.rl_completion_matches(text, next_cand);
}

void repl_begin(struct interp *ip, bool edit)
{
	static char breaks[] = " \t";

	repl_banner(stdout);
	if (!edit)
		return;
	cur = ip;
	*el.rl_readline_name = "mmsim";
	*el.rl_attempted_completion_function = complete;
	*el.rl_completer_word_break_characters = breaks;	/* not '@' nor '=' */
	*el.rl_basic_word_break_characters = breaks;
	el.stifle_history(HISTORY_LINES);
	history_file = history_path();
	if (history_file)
		el.read_history(history_file);
}

void repl_end(struct interp *ip, bool eof)
{
	if (eof)
		putchar('\n');	/* Ctrl-D: leave the shell's prompt on a line of its own */
	if (history_file)
		el.write_history(history_file);
	free(history_file);
	history_file = NULL;
	cands_clear();
	free(cands.v);
	cands.v = NULL;
	cur = NULL;
}

#else /* !HAVE_LIBEDIT */

void repl_begin(struct interp *ip, bool edit)
{
	repl_banner(stdout);
}

void repl_end(struct interp *ip, bool eof)
{
	if (eof)
		putchar('\n');
}

#endif
