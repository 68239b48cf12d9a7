// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_mmap_hint.c - mmap(2) with a hint: where the kernel puts a mapping
 * when the address it is given is only a hint.
 *
 *   mmap_hint ADDR LEN PROT FLAGS [touch] [unmap]
 *
 * An anonymous mmap at ADDR with FLAGS as `mmap` takes them; without
 * `fixed` or `noreplace` ADDR is a hint, which the kernel takes or leaves
 * (get_unmapped_area(): a hint it cannot use is ignored and it picks a
 * free range itself, top-down from the mmap base).  What it picks there
 * differs between backends (the host randomizes its mmap base), so the
 * result says only where the mapping went:
 *
 *   hint   at ADDR (rounded down to a page)
 *   low    elsewhere, below 2^47 (the 47-bit window, all there is with
 *          x86-64's four-level paging)
 *   high   elsewhere, at 2^47 or above (five-level paging only)
 *
 * or the errno.  `touch` then writes every page of the new mapping (as
 * `touch ADDR LEN w`), as va_high_addr_switch.c's memset() does to
 * exercise the fault path there (a failing store is the command's
 * result); `unmap` unmaps it again.  Both
 * run at the address each backend got.  The mapping has no name; ADDR's
 * range is claimed as an `at=` mapping's is, so `maps` shows a mapping
 * placed at its hint.
 */
#include <string.h>

#include "interp_int.h"

#define ADDR_WINDOW_47	(1UL << 47)
#define HINT_PAGE_SIZE	4096UL

/* The word for where @got went, asked for at @hint. */
static const char *hint_word(unsigned long got, unsigned long hint)
{
	if (got == (hint & ~(HINT_PAGE_SIZE - 1)))
		return "hint";
	return got < ADDR_WINDOW_47 ? "low" : "high";
}

/* Backend @i's follow-up @op on [addr, addr + len): 0, or a failure in @r. */
static int hint_follow(struct interp *ip, struct cmd *c, int i, enum bop op,
		       unsigned long addr, unsigned long len, struct bres *r)
{
	struct bcmd bc = { .op = op, .proc = c->proc };

	bc.a[0] = addr;
	if (op == BOP_TOUCH) {
		bc.a[1] = len;
		bc.a[2] = 1;		/* write */
		bc.a[3] = HINT_PAGE_SIZE;
	} else {
		bc.a[1] = len;
	}
	memset(r, 0, sizeof(*r));
	ip->ops[i]->exec(ip->bk[i], &bc, r);
	return r->kind == BRES_OK ? 0 : -1;
}

int cmd_mmap_hint(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_MMAP };
	struct bres br[MAX_BACKENDS];
	unsigned long addr, len, prot, flags;
	bool fixed, touch = false, unmap = false;

	if (arg_addr(ip, c->argv[1], &addr) || arg_len(ip, c->argv[2], &len) ||
	    arg_prot(ip, c->argv[3], &prot) ||
	    mmap_flags(ip, c->argv[4], &flags, &fixed))
		return -1;
	for (int i = 5; i <= c->argc; i++) {
		if (!strcmp(c->argv[i], "touch"))
			touch = true;
		else if (!strcmp(c->argv[i], "unmap"))
			unmap = true;
		else
			return bad(ip, "%s: unknown mmap_hint option", shown(c->argv[i]));
	}
	if (addr < ADDR_WINDOW_47 && len <= ADDR_WINDOW_47 - addr)
		place_claim(ip, addr & ~(HINT_PAGE_SIZE - 1), len);
	bc.a[0] = addr;
	bc.a[1] = len;
	bc.a[2] = prot;
	bc.a[3] = flags | (fixed ? MAP_FIXED : 0) | MAP_ANONYMOUS;
	bc.a[4] = -1UL;
	exec_all(ip, c, &bc, br);
	for (int k = 0; k < ip->nb; k++) {
		unsigned long got = (unsigned long)br[k].value;
		struct bres fr;

		if (br[k].kind != BRES_VALUE) {
			render(&c->res[k], &br[k]);
			bres_clear(&br[k]);
			continue;
		}
		bres_clear(&br[k]);
		if ((touch && hint_follow(ip, c, k, BOP_TOUCH, got, len, &fr)) ||
		    (unmap && hint_follow(ip, c, k, BOP_MUNMAP, got, len, &fr))) {
			render(&c->res[k], &fr);
			bres_clear(&fr);
			continue;
		}
		result_set(&c->res[k], RK_WORD, xstrdup(hint_word(got, addr)));
	}
	return 0;
}
