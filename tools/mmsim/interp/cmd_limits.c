// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_limits.c - a process's limits and credentials: setrlimit,
 * capability, and prctl for the memory manager's own switches (MDWE,
 * THP disable).
 * Each applies to the process it runs in and is inherited by the
 * children it forks afterwards.
 */
#include <string.h>

#include "interp_int.h"

#define RLIM_INFINITY_	(~0UL)

static const struct { const char *name; unsigned long resource; } rlimits[] = {
	{ "data", 2 }, { "memlock", 8 }, { "as", 9 },
};

/* A limit in bytes, or "unlimited". */
static int arg_rlim(struct interp *ip, const char *tok, unsigned long *v)
{
	if (!strcmp(tok, "unlimited")) {
		*v = RLIM_INFINITY_;
		return 0;
	}
	return arg_int(ip, tok, v);
}

/*
 * setrlimit as|data|memlock CUR [MAX]: the soft limit, and the hard one
 * (kept as it is when not given).  The limits bound the scenario's own
 * mappings (backend.h).
 */
int cmd_setrlimit(struct interp *ip, struct cmd *c)
{
	unsigned long a[4] = { 0, 0, 0, 1 };
	size_t i;

	for (i = 0; i < sizeof(rlimits) / sizeof(rlimits[0]); i++)
		if (!strcmp(c->argv[1], rlimits[i].name))
			break;
	if (i == sizeof(rlimits) / sizeof(rlimits[0]))
		return bad(ip, "setrlimit: %s: expected as, data or memlock",
			   shown(c->argv[1]));
	a[0] = rlimits[i].resource;
	if (arg_rlim(ip, c->argv[2], &a[1]))
		return -1;
	if (c->argc > 2) {
		if (arg_rlim(ip, c->argv[3], &a[2]))
			return -1;
		a[3] = 0;
	}
	return exec_simple(ip, c, BOP_SETRLIMIT, 4, a);
}

/*
 * capability ipc_lock|sys_nice|sys_rawio on|off: one capability in the
 * effective set.
 */
int cmd_capability(struct interp *ip, struct cmd *c)
{
	unsigned long a[2] = { 14, 0 };		/* CAP_IPC_LOCK */

	if (!strcmp(c->argv[1], "sys_nice"))
		a[0] = 23;			/* CAP_SYS_NICE */
	else if (!strcmp(c->argv[1], "sys_rawio"))
		a[0] = 17;			/* CAP_SYS_RAWIO */
	else if (strcmp(c->argv[1], "ipc_lock"))
		return bad(ip, "capability: %s: expected ipc_lock, sys_nice or sys_rawio",
			   shown(c->argv[1]));
	if (!strcmp(c->argv[2], "on"))
		a[1] = 1;
	else if (strcmp(c->argv[2], "off"))
		return bad(ip, "capability: %s: expected on or off", shown(c->argv[2]));
	return exec_simple(ip, c, BOP_CAPABILITY, 2, a);
}

#define PR_SET_MDWE_	65
#define PR_GET_MDWE_	66

/* PR_MDWE_NO_INHERIT only goes with PR_MDWE_REFUSE_EXEC_GAIN: the word
 * asks for both. */
static const struct flag_word mdwe_set_words[] = {
	{ "refuse_exec_gain", 1 }, { "no_inherit", 3 }, { "none", 0 },
	{ NULL, 0 },
};

static const struct flag_word mdwe_words[] = {
	{ "refuse_exec_gain", 1 }, { "no_inherit", 2 }, { NULL, 0 },
};

#define PR_SET_THP_DISABLE_	41
#define PR_GET_THP_DISABLE_	42

static const struct flag_word thp_set_words[] = {
	{ "except_advised", 2 }, { "none", 0 }, { NULL, 0 },
};

/* PR_GET_THP_DISABLE: 1 when disabled, | PR_THP_DISABLE_EXCEPT_ADVISED. */
static const struct flag_word thp_words[] = {
	{ "disabled", 1 }, { "except_advised", 2 }, { NULL, 0 },
};

/*
 * prctl_option - the option and its leading arguments for one prctl
 * word; returns the slot of bc->a (arg2 is a[1]) that the word after them
 * fills, or -1 when the word is unknown.
 */
static int prctl_option(struct interp *ip, struct cmd *c, struct bcmd *bc)
{
	const char *w = c->argv[1];
	bool thp_set = !strcmp(w, "thp_disable") || !strcmp(w, "thp_enable");

	if (!strcmp(w, "get_mdwe") || !strcmp(w, "get_thp_disable")) {
		bc->a[0] = strcmp(w, "get_mdwe") ? PR_GET_THP_DISABLE_ : PR_GET_MDWE_;
		return 1;
	}
	if (!strcmp(w, "mdwe")) {
		bc->a[0] = PR_SET_MDWE_;
		bc->a[1] = 1;
		if (c->argc > 1 && arg_flags(ip, c->argv[2], mdwe_set_words,
					     "mdwe flag", &bc->a[1]))
			return -1;
		return 2;
	}
	if (!thp_set)
		return bad(ip, "prctl: %s: expected mdwe, get_mdwe, thp_disable, "
			   "thp_enable or get_thp_disable", shown(w));
	/* arg2 says disable or enable; arg3 holds the flags */
	bc->a[0] = PR_SET_THP_DISABLE_;
	bc->a[1] = !strcmp(w, "thp_disable");
	if (c->argc > 1 && arg_flags(ip, c->argv[2], thp_set_words,
				     "thp_disable flag", &bc->a[2]))
		return -1;
	return 3;
}

/*
 * prctl mdwe [BITS] [ARG3 ARG4 ARG5]   PR_SET_MDWE; BITS: no_inherit,
 *				       none, or an integer (default
 *				       refuse_exec_gain)
 * prctl get_mdwe [ARG2 ARG3 ARG4 ARG5] PR_GET_MDWE: the bits as words
 * prctl thp_disable|thp_enable [FLAGS] [ARG4 ARG5]
 *				       PR_SET_THP_DISABLE with arg2 1 or 0;
 *				       FLAGS: except_advised, none or N
 * prctl get_thp_disable [ARG2 ARG3 ARG4 ARG5]
 *				       PR_GET_THP_DISABLE as words
 */
int cmd_prctl(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_PRCTL };
	struct bres br[MAX_BACKENDS];
	int slot = prctl_option(ip, c, &bc);
	bool get = !strncmp(c->argv[1], "get_", 4);
	const struct flag_word *words =
		strstr(c->argv[1], "mdwe") ? mdwe_words : thp_words;

	int first = slot == 1 ? 2 : 3;	/* then raw arguments */

	if (slot < 0)
		return -1;
	if (slot + c->argc - first >= 5)
		return bad(ip, "prctl: %s: too many arguments", shown(c->argv[1]));
	for (int i = first; i <= c->argc; i++)
		if (arg_int(ip, c->argv[i], &bc.a[slot + i - first]))
			return -1;
	exec_all(ip, c, &bc, br);
	for (int i = 0; i < ip->nb; i++) {
		if (br[i].kind == BRES_VALUE && get)
			result_set(&c->res[i], RK_SET, flag_words(words, br[i].value));
		else if (br[i].kind == BRES_VALUE)
			result_set(&c->res[i], RK_OK, xstrdup("ok"));
		else
			render(&c->res[i], &br[i]);
		bres_clear(&br[i]);
	}
	return 0;
}
