// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_file.c - files and devices: memfd, file, open, reopen, close, fsync,
 * ftruncate, fallocate, pwrite, pread, seal, seals, and sysread/syswrite between a
 * file and the process's memory.  File names are bound when the open
 * succeeds on the first backend.
 */
#include <string.h>

#include <mmsim/driver.h>

#include "interp_int.h"

/* Bind file name @name to a new id and run @bc (a[0] = the id) to open it. */
int open_file(struct interp *ip, struct cmd *c, const char *name,
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
	/* a file one backend cannot open: the rest cannot be compared */
	for (int i = 0; i < ip->nb; i++)
		c->skip |= c->res[i].kind == RK_UNSUP;
	return 0;
}

static const struct flag_word mfd_words[] = {
	{ "sealing", 0x2 }, { "noexec", 0x8 }, { "exec", 0x10 }, { NULL, 0 },
};

/* memfd F SIZE [sealing] [noexec|exec]: MFD_ALLOW_SEALING, MFD_NOEXEC_SEAL,
 * MFD_EXEC; the words may also come comma-joined. */
int cmd_memfd(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_MEMFD };

	if (arg_int(ip, c->argv[2], &bc.a[1]))
		return -1;
	for (int i = 3; i <= c->argc; i++) {
		unsigned long f;

		if (arg_flags(ip, c->argv[i], mfd_words, "memfd flag", &f))
			return -1;
		bc.a[2] |= f;
	}
	if (strlen(c->argv[1]) >= BCMD_STR_MAX)
		return bad(ip, "file name too long");
	strcpy(bc.str, c->argv[1]);
	return open_file(ip, c, c->argv[1], &bc);
}

/* memfd_secret F [flags=N]: memfd_secret(2), a secretmem file of size 0. */
int cmd_memfd_secret(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_MEMFD_SECRET };
	const char *v;

	if (c->argc > 1) {
		if (!(v = lex_keyval(c->argv[2], "flags")))
			return bad(ip, "memfd_secret: %s: expected flags=N", shown(c->argv[2]));
		if (arg_int(ip, v, &bc.a[1]))
			return -1;
		if (bc.a[1] > 0xffffffffUL)
			return bad(ip, "memfd_secret: flags=%s: flags are an unsigned int",
				   shown(v));
	}
	return open_file(ip, c, c->argv[1], &bc);
}

/* file F SIZE: an O_TMPFILE on a disk filesystem, truncated to SIZE. */
int cmd_file(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_FILE };

	if (arg_int(ip, c->argv[2], &bc.a[1]))
		return -1;
	if (strlen(c->argv[1]) >= BCMD_STR_MAX)
		return bad(ip, "file name too long");
	strcpy(bc.str, c->argv[1]);
	return open_file(ip, c, c->argv[1], &bc);
}

int cmd_fsync(struct interp *ip, struct cmd *c)
{
	unsigned long id;

	if (arg_file(ip, c->argv[1], &id))
		return -1;
	return exec_simple(ip, c, BOP_FSYNC, 1, &id);
}

/* Does every backend run the model? */
static bool model_only(struct interp *ip)
{
	for (int i = 0; i < ip->nb; i++)
		if (strcmp(ip->ops[i]->name, "model"))
			return false;
	return true;
}

int cmd_open(struct interp *ip, struct cmd *c)
{
	const struct mmsim_driver *drv = mmsim_driver_find(c->argv[2]);
	struct bcmd bc = { .op = BOP_OPEN };
	size_t n = 0;

	/* a driver loaded with --driver exists only in the model: skip */
	if (drv && !mmsim_driver_is_builtin(drv) && !model_only(ip)) {
		c->skip = true;
		for (int i = 0; i < ip->nb; i++)
			result_set(&c->res[i], RK_UNSUP,
				   xasprintf("%s is a loaded driver (model only)",
					     shown(c->argv[2])));
		return 0;
	}

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


/* reopen G F MODE: open("/proc/self/fd/N") of F with rdonly|wronly|rdwr[,trunc]. */
static const struct flag_word oflag_words[] = {
	{ "rdonly", 00 }, { "wronly", 01 }, { "rdwr", 02 }, { "trunc", 01000 },
	{ NULL, 0 },
};

int cmd_reopen(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_REOPEN };

	if (arg_file(ip, c->argv[2], &bc.a[1]) ||
	    arg_flags(ip, c->argv[3], oflag_words, "open mode", &bc.a[2]))
		return -1;
	return open_file(ip, c, c->argv[1], &bc);
}

static const struct flag_word seal_words[] = {
	{ "seal", 0x1 }, { "shrink", 0x2 }, { "grow", 0x4 }, { "write", 0x8 },
	{ "future_write", 0x10 }, { "exec", 0x20 }, { NULL, 0 },
};

/* seal F WORDS: fcntl(F_ADD_SEALS). */
int cmd_seal(struct interp *ip, struct cmd *c)
{
	unsigned long a[2];

	if (arg_file(ip, c->argv[1], &a[0]) ||
	    arg_flags(ip, c->argv[2], seal_words, "seal", &a[1]))
		return -1;
	return exec_simple(ip, c, BOP_SEAL, 2, a);
}

/* seals F: fcntl(F_GET_SEALS) as a word set. */
int cmd_seals(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_SEALS };

	if (arg_file(ip, c->argv[1], &bc.a[0]))
		return -1;
	exec_render_value(ip, c, &bc, RK_SET, show_flags, seal_words);
	return 0;
}

static const struct flag_word falloc_words[] = {
	{ "keep_size", 0x1 }, { "punch_hole", 0x2 }, { NULL, 0 },
};

/* fallocate F OFF LEN [MODE]: allocate, or punch_hole,keep_size. */
int cmd_fallocate(struct interp *ip, struct cmd *c)
{
	unsigned long a[4] = { 0, 0, 0, 0 };

	if (arg_file(ip, c->argv[1], &a[0]) || arg_int(ip, c->argv[2], &a[1]) ||
	    arg_int(ip, c->argv[3], &a[2]) ||
	    (c->argc > 3 && arg_flags(ip, c->argv[4], falloc_words,
				      "fallocate mode", &a[3])))
		return -1;
	return exec_simple(ip, c, BOP_FALLOCATE, 4, a);
}

/*
 * sysread F OFF ADDR LEN / syswrite F OFF ADDR LEN: pread(2)/pwrite(2)
 * with the scenario's memory as the buffer.  The result is the count the
 * call returned, in decimal (short when a fault stopped the copy), or
 * the errno.
 */
static int cmd_sysrw(struct interp *ip, struct cmd *c, enum bop op)
{
	struct bcmd bc = { .op = op };

	if (arg_file(ip, c->argv[1], &bc.a[0]) || arg_int(ip, c->argv[2], &bc.a[1]) ||
	    arg_addr(ip, c->argv[3], &bc.a[2]) || arg_len(ip, c->argv[4], &bc.a[3]))
		return -1;
	exec_render_value(ip, c, &bc, RK_WORD, show_decimal, NULL);
	return 0;
}

int cmd_sysread(struct interp *ip, struct cmd *c)
{
	return cmd_sysrw(ip, c, BOP_SYSREAD);
}

int cmd_syswrite(struct interp *ip, struct cmd *c)
{
	return cmd_sysrw(ip, c, BOP_SYSWRITE);
}
