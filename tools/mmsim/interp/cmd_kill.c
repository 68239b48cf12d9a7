// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_kill.c - kill(2) with SIGKILL, and process_mrelease(2).
 *
 *   kill @P
 *   process_mrelease PIDFD [flags=N]
 *
 * `kill @P` sends SIGKILL from the current process to P (not itself):
 * P takes no more commands - a later one is malformed - and its pins
 * are gone with it.  The command returns once the signal is sent, before
 * P has run its exit, and both backends keep P in that moment (signalled,
 * its memory still there) until the scenario ends: the model runs
 * nothing unasked, the native backend holds P at the start of its exit
 * with ptrace.  PIDFD is `badfd` (-1) or a file (a pidfd; any other file
 * is EBADF); flags= is the flags argument (nonzero is EINVAL).
 */
#include <string.h>

#include "interp_int.h"

int cmd_kill(struct interp *ip, struct cmd *c)
{
	unsigned long a;
	int proc;

	if (c->argv[1][0] != '@')
		return bad(ip, "kill: %s: expected @PROCESS", shown(c->argv[1]));
	if (arg_proc(ip, c->argv[1] + 1, &proc))
		return -1;
	if (proc == c->proc)
		return bad(ip, "kill: a process cannot kill itself here (it would not see the result)");
	a = (unsigned long)proc;
	exec_simple(ip, c, BOP_KILL, 1, &a);
	if (!first_ok(c))
		return 0;
	ip->procs.v[proc].live = false;
	ip->procs.v[proc].val = SYM_SIGKILLED;
	for (int p = 0; p < ip->pins.n; p++)
		if (ip->pins.v[p].val == (unsigned long)proc)
			ip->pins.v[p].live = false;
	return 0;
}

int cmd_process_mrelease(struct interp *ip, struct cmd *c)
{
	unsigned long a[2] = { 0, 0 };
	const char *v;

	if (!strcmp(c->argv[1], "badfd"))
		a[0] = PMADV_BADFD;
	else if (arg_file(ip, c->argv[1], &a[0]))
		return -1;
	if (c->argc > 1) {
		if (!(v = lex_keyval(c->argv[2], "flags")))
			return bad(ip, "process_mrelease: %s: expected flags=N",
				   shown(c->argv[2]));
		if (arg_len(ip, v, &a[1]))
			return -1;
		if (a[1] > 0xffffffffUL)
			return bad(ip, "process_mrelease: flags=%s: flags are an unsigned int",
				   shown(v));
	}
	return exec_simple(ip, c, BOP_PROCESS_MRELEASE, 2, a);
}
