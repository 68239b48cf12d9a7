// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_proc.c - processes and pins: fork, exit, pin, unpin.
 */
#include <stdio.h>
#include <string.h>

#include "interp_int.h"

int cmd_fork(struct interp *ip, struct cmd *c)
{
	struct sym *old = sym_lookup(&ip->procs, c->argv[1]);
	unsigned long id;

	if (arg_name(ip, c->argv[1]))
		return -1;
	if (old && old->live)
		return bad(ip, "process %s exists", shown(c->argv[1]));
	id = sym_add(&ip->procs, c->argv[1], 0);
	exec_simple(ip, c, BOP_FORK, 1, &id);
	if (!first_ok(c))
		ip->procs.v[id].live = false;
	return 0;
}

int cmd_exit(struct interp *ip, struct cmd *c)
{
	exec_simple(ip, c, BOP_EXIT, 0, NULL);
	ip->procs.v[c->proc].live = false;
	for (int i = 0; i < ip->pins.n; i++)
		if (ip->pins.v[i].val == (unsigned long)c->proc)
			ip->pins.v[i].live = false;
	return 0;
}

/* The pin's name travels along, so the model can answer pin_read NAME. */
static void exec_pin(struct interp *ip, struct cmd *c, const unsigned long *a)
{
	struct bcmd bc = { .op = BOP_PIN };

	memcpy(bc.a, a, 4 * sizeof(*a));
	snprintf(bc.str, sizeof(bc.str), "%s", c->argv[1]);
	exec_render(ip, c, &bc, false);
}

int cmd_pin(struct interp *ip, struct cmd *c)
{
	struct sym *old = sym_lookup(&ip->pins, c->argv[1]);
	unsigned long a[4] = { 0, 0, 0, 0 };

	if (arg_name(ip, c->argv[1]) || arg_addr(ip, c->argv[2], &a[1]) ||
	    arg_len(ip, c->argv[3], &a[2]))
		return -1;
	if (c->argc > 3) {
		if (strcmp(c->argv[4], "ro"))
			return bad(ip, "pin: %s: expected ro", shown(c->argv[4]));
		a[3] = 1;
	}
	if (old && old->live)
		return bad(ip, "pin %s is held", shown(c->argv[1]));
	a[0] = sym_add(&ip->pins, c->argv[1], c->proc);
	exec_pin(ip, c, a);
	if (!first_ok(c))
		ip->pins.v[a[0]].live = false;
	return 0;
}

int cmd_unpin(struct interp *ip, struct cmd *c)
{
	struct sym *s = sym_lookup(&ip->pins, c->argv[1]);
	unsigned long id;

	if (!s || !s->live)
		return bad(ip, "unknown pin %s", shown(c->argv[1]));
	id = s - ip->pins.v;
	exec_simple(ip, c, BOP_UNPIN, 1, &id);
	ip->pins.v[id].live = false;
	return 0;
}

