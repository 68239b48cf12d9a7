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

/* The model's RAM: 16 MiB up to (not including) 8 TiB, whole pages. */
#define MACHINE_RAM_MIN	(16UL << 20)
#define MACHINE_RAM_MAX	(8UL << 40)

int cmd_machine(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_MACHINE };
	const char *v = lex_keyval(c->argv[1], "ram");

	if (!v)
		return bad(ip, "machine: %s: expected ram=SIZE", shown(c->argv[1]));
	if (arg_int(ip, v, &bc.a[0]))
		return -1;
	if (bc.a[0] < MACHINE_RAM_MIN || bc.a[0] >= MACHINE_RAM_MAX ||
	    bc.a[0] % 4096)
		return bad(ip, "machine: ram=%s: whole pages from 16m up to (not including) 8192g",
			   shown(v));
	if (c->proc)
		return bad(ip, "machine: configures the machine, not a process");
	if (ip->started)
		return bad(ip, "machine: must come before every command but require");
	exec_render(ip, c, &bc, false);
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

