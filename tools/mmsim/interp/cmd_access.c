// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_access.c - the process's own memory accesses: write, mem_write
 * (through /proc/self/mem), read, touch.
 */
#include <string.h>

#include "interp_int.h"


/* ADDR BYTE [LEN], stored by the process (write) or via /proc/self/mem. */
static int store_bytes(struct interp *ip, struct cmd *c, enum bop op)
{
	unsigned long a[3] = { 0, 0, 1 };

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_byte(ip, c->argv[2], &a[1]) ||
	    (c->argc > 2 && arg_len(ip, c->argv[3], &a[2])))
		return -1;
	return exec_simple(ip, c, op, 3, a);
}

int cmd_write(struct interp *ip, struct cmd *c)
{
	return store_bytes(ip, c, BOP_WRITE);
}

/* Like write, but through /proc/self/mem: GUP with FOLL_FORCE. */
int cmd_mem_write(struct interp *ip, struct cmd *c)
{
	return store_bytes(ip, c, BOP_MEMWRITE);
}

int cmd_read(struct interp *ip, struct cmd *c)
{
	unsigned long a[2] = { 0, 1 };

	if (arg_addr(ip, c->argv[1], &a[0]) ||
	    (c->argc > 1 && arg_len(ip, c->argv[2], &a[1])))
		return -1;
	return exec_simple(ip, c, BOP_READ, 2, a);
}

/* touch ADDR LEN r|w [every=N]: N a multiple of the page size (a[3]). */
int cmd_touch(struct interp *ip, struct cmd *c)
{
	unsigned long a[4] = { 0, 0, 0, 4096 };
	const char *v;

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]))
		return -1;
	if (strcmp(c->argv[3], "r") && strcmp(c->argv[3], "w"))
		return bad(ip, "touch: %s: expected r or w", shown(c->argv[3]));
	a[2] = c->argv[3][0] == 'w';
	if (c->argc > 3) {
		if (!(v = lex_keyval(c->argv[4], "every")))
			return bad(ip, "touch: %s: expected every=N", shown(c->argv[4]));
		if (arg_len(ip, v, &a[3]))
			return -1;
		if (!a[3] || a[3] % 4096)
			return bad(ip, "touch: every=%s: not a multiple of the page size",
				   shown(v));
	}
	return exec_simple(ip, c, BOP_TOUCH, 4, a);
}

