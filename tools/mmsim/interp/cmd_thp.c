// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_thp.c - commands that act on one process's transparent huge pages
 * from outside its own system calls.
 *
 *   split_huge_pages ADDR LEN [order=N]
 *
 * debugfs split_huge_pages (written "PID,START,END,ORDER" for the
 * current process, END = ADDR + LEN): every THP found in the range
 * above order N (default 0) is split into folios of order N.  An action
 * on one process's range, not a setting: on the host the native backend
 * writes /sys/kernel/debug/split_huge_pages as root, and skips the
 * scenario (exit 77) where debugfs is not mounted there.  The result is
 * `ok` whatever was split, as the debugfs write's is.
 */
#include <string.h>

#include "interp_int.h"

/* The kernel reads ORDER with %d into an unsigned int; keep it an int. */
#define SPLIT_ORDER_MAX	0x7fffffffUL

int cmd_split_huge_pages(struct interp *ip, struct cmd *c)
{
	unsigned long a[3] = { 0, 0, 0 };
	const char *v;

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]))
		return -1;
	if (c->argc > 2) {
		if (!(v = lex_keyval(c->argv[3], "order")))
			return bad(ip, "split_huge_pages: %s: expected order=N",
				   shown(c->argv[3]));
		if (arg_len(ip, v, &a[2]))
			return -1;
		if (a[2] > SPLIT_ORDER_MAX)
			return bad(ip, "split_huge_pages: order=%s: too large", shown(v));
	}
	exec_simple(ip, c, BOP_SPLIT_HUGE_PAGES, 3, a);
	/* a split one backend cannot do: the rest cannot be compared */
	for (int i = 0; i < ip->nb; i++)
		c->skip |= c->res[i].kind == RK_UNSUP;
	return 0;
}
