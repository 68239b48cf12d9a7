// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_mm.c - the address-space commands: mmap, munmap, mprotect,
 * mremap, madvise, mseal, the mlock family, mincore and msync.  mmap and
 * mremap bind names and claim the ranges they place (placement.c).
 */
#include <string.h>

#include "interp_int.h"

int mmap_flags(struct interp *ip, const char *tok, unsigned long *flags,
	       bool *fixed)
{
	/* the map types first: exactly one of them */
	static const struct { const char *w; unsigned long f; } words[] = {
		{ "private", MAP_PRIVATE }, { "shared", MAP_SHARED },
		{ "shared_validate", MAP_SHARED_VALIDATE },
		{ "droppable", MAP_DROPPABLE },
		{ "populate", MAP_POPULATE }, { "noreserve", MAP_NORESERVE },
		{ "locked", MAP_LOCKED }, { "fixed", MAP_FIXED },
		{ "noreplace", MAP_FIXED_NOREPLACE },
	};
	const char *p = tok;
	int types = 0;

	*flags = 0;
	while (*p) {
		size_t n = strcspn(p, ",");
		size_t i;

		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (strlen(words[i].w) == n && !strncmp(p, words[i].w, n))
				break;
		if (i == sizeof(words) / sizeof(words[0]))
			return bad(ip, "unknown mmap flag %s", shown_n(p, n));
		types += i < 4;
		*flags |= words[i].f;
		p += n + (p[n] == ',');
	}
	if (types != 1)
		return bad(ip, "%s: need exactly one of private, shared, shared_validate, droppable",
			   shown(tok));
	*fixed = *flags & MAP_FIXED;
	*flags &= ~MAP_FIXED;
	return 0;
}

/* Run @bc, which results in an address: bind it to @name (if any) when
 * the first backend succeeds; the result shows as ok. */
static void exec_bind(struct interp *ip, struct cmd *c, struct bcmd *bc,
		      const char *name)
{
	struct bres br[MAX_BACKENDS];

	exec_all(ip, c, bc, br);
	if (name && br[0].kind == BRES_VALUE)
		sym_add(&ip->names, name, br[0].value);
	for (int i = 0; i < ip->nb; i++) {
		if (br[i].kind == BRES_VALUE)
			br[i].kind = BRES_OK;
		render(&c->res[i], &br[i]);
		bres_clear(&br[i]);
	}
}

int cmd_mmap(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_MMAP };
	unsigned long len, prot, flags, file = -1UL, off = 0, addr;
	bool fixed = false, at = false;
	const char *v;

	if (arg_name(ip, c->argv[1]) || arg_len(ip, c->argv[2], &len) ||
	    arg_prot(ip, c->argv[3], &prot) ||
	    mmap_flags(ip, c->argv[4], &flags, &fixed))
		return -1;
	for (int i = 5; i <= c->argc; i++) {
		const char *t = c->argv[i];

		if ((v = lex_keyval(t, "file"))) {
			if (arg_file(ip, v, &file))
				return -1;
		} else if ((v = lex_keyval(t, "off"))) {
			if (arg_int(ip, v, &off))
				return -1;
		} else if ((v = lex_keyval(t, "at"))) {
			if (arg_addr(ip, v, &addr))
				return -1;
			at = true;
		} else {
			return bad(ip, "%s: unknown mmap option", shown(t));
		}
	}
	if (!at && place_auto(ip, len, &addr))
		return -1;
	if (at)
		place_claim(ip, addr, len);
	/* placement: MAP_FIXED_NOREPLACE, or MAP_FIXED (with noreplace: both) */
	if (fixed)
		flags |= MAP_FIXED;
	else
		flags |= MAP_FIXED_NOREPLACE;
	if (file == -1UL)
		flags |= MAP_ANONYMOUS;
	bc.a[0] = addr;
	bc.a[1] = len;
	bc.a[2] = prot;
	bc.a[3] = flags;
	bc.a[4] = file;
	bc.a[5] = off;
	exec_bind(ip, c, &bc, c->argv[1]);
	return 0;
}

int cmd_munmap(struct interp *ip, struct cmd *c)
{
	unsigned long a[2];

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]))
		return -1;
	return exec_simple(ip, c, BOP_MUNMAP, 2, a);
}

int cmd_mprotect(struct interp *ip, struct cmd *c)
{
	unsigned long a[3];

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]) ||
	    arg_prot(ip, c->argv[3], &a[2]))
		return -1;
	return exec_simple(ip, c, BOP_MPROTECT, 3, a);
}

int cmd_mremap(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_MREMAP };
	unsigned long addr, oldlen, newlen, flags = 0, to = 0;
	const char *as = NULL, *v;

	if (arg_addr(ip, c->argv[1], &addr) ||
	    arg_len(ip, c->argv[2], &oldlen) || arg_len(ip, c->argv[3], &newlen))
		return -1;
	for (int i = 4; i <= c->argc; i++) {
		const char *t = c->argv[i];

		if (!strcmp(t, "maymove")) {
			flags |= MREMAP_MAYMOVE;
		} else if (!strcmp(t, "dontunmap")) {
			flags |= MREMAP_DONTUNMAP;
		} else if ((v = lex_keyval(t, "to"))) {
			if (arg_addr(ip, v, &to))
				return -1;
			flags |= MREMAP_FIXED;
		} else if ((v = lex_keyval(t, "as"))) {
			if (arg_name(ip, v))
				return -1;
			as = v;
		} else {
			return bad(ip, "%s: unknown mremap option", shown(t));
		}
	}
	if ((flags & MREMAP_MAYMOVE) && !(flags & MREMAP_FIXED))
		return bad(ip, "maymove without to= (the kernel's choice of address is not deterministic)");
	bc.a[0] = addr;
	bc.a[1] = oldlen;
	bc.a[2] = newlen;
	bc.a[3] = flags;
	bc.a[4] = to;
	if (flags & MREMAP_FIXED)
		place_claim(ip, to, newlen);
	else if (newlen > oldlen)
		place_claim(ip, addr, newlen);
	exec_bind(ip, c, &bc, as);
	return 0;
}

static const struct { const char *name; int advice; } advices[] = {
	{ "normal", 0 }, { "random", 1 }, { "sequential", 2 },
	{ "willneed", 3 }, { "dontneed", 4 }, { "dontfork", 10 },
	{ "dofork", 11 }, { "hugepage", 14 }, { "nohugepage", 15 },
	{ "wipeonfork", 18 }, { "keeponfork", 19 },
	{ "populate_read", 22 }, { "populate_write", 23 },
	{ "guard_install", 102 }, { "guard_remove", 103 },
	{ "free", 8 }, { "remove", 9 }, { "cold", 20 }, { "pageout", 21 },
	{ "collapse", 25 },
};

/* The @i-th advice word madvise takes, NULL past the last (completion). */
const char *madvise_advice_name(size_t i)
{
	return i < sizeof(advices) / sizeof(advices[0]) ?
	       advices[i].name : NULL;
}

int cmd_madvise(struct interp *ip, struct cmd *c)
{
	unsigned long a[3];
	size_t i;

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]))
		return -1;
	for (i = 0; i < sizeof(advices) / sizeof(advices[0]); i++)
		if (!strcmp(c->argv[3], advices[i].name))
			break;
	if (i == sizeof(advices) / sizeof(advices[0]))
		return bad(ip, "unknown advice %s", shown(c->argv[3]));
	a[2] = advices[i].advice;
	return exec_simple(ip, c, BOP_MADVISE, 3, a);
}

static int cmd_mlock_op(struct interp *ip, struct cmd *c, enum bop op)
{
	unsigned long a[2];

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]))
		return -1;
	return exec_simple(ip, c, op, 2, a);
}

/* mlock ADDR LEN [onfault]: mlock(2), or mlock2(2) with MLOCK_ONFAULT. */
int cmd_mlock(struct interp *ip, struct cmd *c)
{
	unsigned long a[3] = { 0, 0, 0 };

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]))
		return -1;
	if (c->argc > 2) {
		if (strcmp(c->argv[3], "onfault"))
			return bad(ip, "mlock: %s: expected onfault", shown(c->argv[3]));
		a[2] = MLOCK_ONFAULT;
	}
	return exec_simple(ip, c, BOP_MLOCK, 3, a);
}

static const struct flag_word mcl_words[] = {
	{ "current", 1 }, { "future", 2 }, { "onfault", 4 }, { NULL, 0 },
};

int cmd_mlockall(struct interp *ip, struct cmd *c)
{
	unsigned long flags;

	if (arg_flags(ip, c->argv[1], mcl_words, "mlockall flag", &flags))
		return -1;
	return exec_simple(ip, c, BOP_MLOCKALL, 1, &flags);
}

int cmd_munlockall(struct interp *ip, struct cmd *c)
{
	return exec_simple(ip, c, BOP_MUNLOCKALL, 0, NULL);
}

/* One 0/1 per page: the longest range keeps the result a few pages long. */
#define MINCORE_MAX_LEN	(4UL << 30)

int cmd_mincore(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_MINCORE };

	if (arg_addr(ip, c->argv[1], &bc.a[0]) || arg_len(ip, c->argv[2], &bc.a[1]))
		return -1;
	if (bc.a[1] > MINCORE_MAX_LEN)
		return bad(ip, "mincore: %s: longer than 4g", shown(c->argv[2]));
	exec_render(ip, c, &bc, false);
	return 0;
}

static const struct flag_word ms_words[] = {
	{ "async", 1 }, { "invalidate", 2 }, { "sync", 4 }, { NULL, 0 },
};

int cmd_msync(struct interp *ip, struct cmd *c)
{
	unsigned long a[3];

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]) ||
	    arg_flags(ip, c->argv[3], ms_words, "msync flag", &a[2]))
		return -1;
	return exec_simple(ip, c, BOP_MSYNC, 3, a);
}

int cmd_munlock(struct interp *ip, struct cmd *c)
{
	return cmd_mlock_op(ip, c, BOP_MUNLOCK);
}

int cmd_mseal(struct interp *ip, struct cmd *c)
{
	return cmd_mlock_op(ip, c, BOP_MSEAL);
}
