// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_process_madvise.c - pidfd F @P (pidfd_open(2) of process P, held
 * by the current process as file F) and process_madvise(2).
 *
 *   process_madvise PIDFD ADVICE [ADDR LEN]... [vlen=N] [flags=N]
 *
 * PIDFD is `self` (PIDFD_SELF), `badfd` (-1) or a file: a pidfd, or any
 * other file (EBADF).  ADVICE is madvise's word, `collapse`, or an
 * integer (0xffffffff is -1).  The iovec array holds the ranges given
 * (at most 8), padded with empty ones up to vlen= (default: as many as
 * given), so that vlen beyond UIO_MAXIOV can be asked for.  The result
 * is the byte count in decimal, or the errno.
 */
#include <string.h>

#include "interp_int.h"

#define PMADV_VLEN_MAX	65536UL

int cmd_pidfd(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_PIDFD };
	int proc;

	if (c->argv[2][0] != '@')
		return bad(ip, "pidfd: %s: expected @PROCESS", shown(c->argv[2]));
	if (arg_proc(ip, c->argv[2] + 1, &proc))
		return -1;
	bc.a[1] = (unsigned long)proc;
	return open_file(ip, c, c->argv[1], &bc);
}

static const struct { const char *name; int advice; } pmadv_words[] = {
	{ "normal", 0 }, { "random", 1 }, { "sequential", 2 },
	{ "willneed", 3 }, { "dontneed", 4 }, { "free", 8 }, { "remove", 9 },
	{ "dontfork", 10 }, { "dofork", 11 }, { "hugepage", 14 },
	{ "nohugepage", 15 }, { "wipeonfork", 18 }, { "keeponfork", 19 },
	{ "cold", 20 }, { "pageout", 21 }, { "populate_read", 22 },
	{ "populate_write", 23 }, { "collapse", 25 },
	{ "guard_install", 102 }, { "guard_remove", 103 },
};

static int pmadv_advice(struct interp *ip, const char *tok, unsigned long *advice)
{
	uint64_t v;

	for (size_t i = 0; i < sizeof(pmadv_words) / sizeof(pmadv_words[0]); i++) {
		if (!strcmp(tok, pmadv_words[i].name)) {
			*advice = (unsigned long)pmadv_words[i].advice;
			return 0;
		}
	}
	if (lex_name_len(tok))
		return bad(ip, "unknown advice %s", shown(tok));
	if (arg_int(ip, tok, &v))
		return -1;
	if (v > 0xffffffffUL)
		return bad(ip, "%s: advice is an int", shown(tok));
	*advice = v;
	return 0;
}

static int pmadv_pidfd(struct interp *ip, const char *tok, unsigned long *fd)
{
	if (!strcmp(tok, "self")) {
		*fd = PMADV_SELF;
		return 0;
	}
	if (!strcmp(tok, "badfd")) {
		*fd = PMADV_BADFD;
		return 0;
	}
	return arg_file(ip, tok, fd);
}

int cmd_process_madvise(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_PROCESS_MADVISE };
	unsigned long nranges = 0, vlen = 0, flags = 0;
	bool vlen_set = false;
	size_t n = 0;
	int i;

	if (pmadv_pidfd(ip, c->argv[1], &bc.a[0]) ||
	    pmadv_advice(ip, c->argv[2], &bc.a[1]))
		return -1;
	for (i = 3; i <= c->argc; i++) {
		const char *t = c->argv[i], *v;
		unsigned long base, len;

		if ((v = lex_keyval(t, "vlen"))) {
			if (arg_len(ip, v, &vlen))
				return -1;
			if (vlen > PMADV_VLEN_MAX)
				return bad(ip, "process_madvise: vlen above %lu", PMADV_VLEN_MAX);
			vlen_set = true;
			continue;
		}
		if ((v = lex_keyval(t, "flags"))) {
			if (arg_len(ip, v, &flags))
				return -1;
			continue;
		}
		if (i == c->argc)
			return bad(ip, "process_madvise: %s: ADDR without LEN", shown(t));
		if (nranges == PMADV_MAX_RANGES)
			return bad(ip, "process_madvise: more than %d ranges", PMADV_MAX_RANGES);
		if (arg_addr(ip, t, &base) || arg_len(ip, c->argv[++i], &len))
			return -1;
		n += snprintf(bc.str + n, sizeof(bc.str) - n, "%lx %lx ", base, len);
		nranges++;
	}
	bc.a[2] = vlen_set ? vlen : nranges;
	bc.a[3] = flags;
	bc.a[4] = nranges;
	exec_render_value(ip, c, &bc, RK_WORD, show_decimal, NULL);
	return 0;
}
