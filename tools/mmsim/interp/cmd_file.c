// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_file.c - files and devices: memfd, open, close, ftruncate,
 * pwrite, pread.  File names are bound when the open succeeds on the
 * first backend.
 */
#include <string.h>

#include "interp_int.h"

/* Bind file name @name to a new id and run @bc (a[0] = the id) to open it. */
static int open_file(struct interp *ip, struct cmd *c, const char *name,
		     struct bcmd *bc)
{
	struct sym *old = sym_lookup(&ip->files, name);
	int id;

	if (arg_name(ip, name))
		return -1;
	if (old && old->live)
		return bad(ip, "file %s is already open", shown(name));
	id = sym_add(&ip->files, name, 0);
	bc->a[0] = id;
	exec_render(ip, c, bc, true);
	if (!first_ok(c))
		ip->files.v[id].live = false;
	return 0;
}

int cmd_memfd(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_MEMFD };

	if (arg_int(ip, c->argv[2], &bc.a[1]))
		return -1;
	if (strlen(c->argv[1]) >= BCMD_STR_MAX)
		return bad(ip, "file name too long");
	strcpy(bc.str, c->argv[1]);
	return open_file(ip, c, c->argv[1], &bc);
}

int cmd_open(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_OPEN };
	size_t n = 0;

	for (int i = 2; i <= c->argc; i++) {
		size_t len = strlen(c->argv[i]);

		if (n + len + 1 >= BCMD_STR_MAX)
			return bad(ip, "device options too long");
		if (i > 2)
			bc.str[n++] = ' ';
		memcpy(bc.str + n, c->argv[i], len + 1);
		n += len;
	}
	return open_file(ip, c, c->argv[1], &bc);
}

int cmd_close(struct interp *ip, struct cmd *c)
{
	unsigned long id;

	if (arg_file(ip, c->argv[1], &id))
		return -1;
	exec_simple(ip, c, BOP_CLOSE, 1, &id);
	if (first_ok(c))
		ip->files.v[id].live = false;
	return 0;
}

int cmd_ftruncate(struct interp *ip, struct cmd *c)
{
	unsigned long a[2];

	if (arg_file(ip, c->argv[1], &a[0]) || arg_int(ip, c->argv[2], &a[1]))
		return -1;
	return exec_simple(ip, c, BOP_FTRUNCATE, 2, a);
}

int cmd_pwrite(struct interp *ip, struct cmd *c)
{
	unsigned long a[4] = { 0, 0, 0, 1 };

	if (arg_file(ip, c->argv[1], &a[0]) || arg_int(ip, c->argv[2], &a[1]) ||
	    arg_byte(ip, c->argv[3], &a[2]) ||
	    (c->argc > 3 && arg_len(ip, c->argv[4], &a[3])))
		return -1;
	return exec_simple(ip, c, BOP_PWRITE, 4, a);
}

int cmd_pread(struct interp *ip, struct cmd *c)
{
	unsigned long a[2];

	if (arg_file(ip, c->argv[1], &a[0]) || arg_int(ip, c->argv[2], &a[1]))
		return -1;
	return exec_simple(ip, c, BOP_PREAD, 2, a);
}

