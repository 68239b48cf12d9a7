// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_pagemap_scan.c - pagemap_scan: the PAGEMAP_SCAN ioctl on
 * /proc/PID/pagemap (Linux 6.7; fs/proc/task_mmu.c).  Options name the
 * fields of struct pm_scan_arg: mask= (category_mask: every category
 * required), anyof= (category_anyof_mask), inverted= (category_inverted:
 * categories flipped before matching), return= (return_mask; default
 * every category), flags=wp,check_wpasync (PM_SCAN_WP_MATCHING,
 * PM_SCAN_CHECK_WPASYNC), max_pages=, vec_len= (default: one region per
 * page of the range, at most 65536) and vec=null (no output vector).
 *
 * The result is a block: one line per region, `START-END CATEGORIES`
 * (`none` when the return mask leaves none), then `walk_end ADDR`; with
 * `count`, one word `regions=N pages=N walk_end=ADDR` instead.
 */
#include <stdlib.h>
#include <string.h>

#include "interp_int.h"

#define SCAN_VEC_DEFAULT_MAX	65536UL
#define SCAN_VEC_MAX		(1UL << 20)

/* PAGE_IS_* (include/uapi/linux/fs.h). */
static const struct flag_word scan_categories[] = {
	{ "wpallowed", 1UL << 0 }, { "written", 1UL << 1 },
	{ "file", 1UL << 2 }, { "present", 1UL << 3 },
	{ "swapped", 1UL << 4 }, { "pfnzero", 1UL << 5 },
	{ "huge", 1UL << 6 }, { "soft-dirty", 1UL << 7 },
	{ "guard", 1UL << 8 }, { NULL, 0 },
};
#define SCAN_ALL_CATEGORIES	0x1ffUL

static const struct flag_word scan_flags[] = {
	{ "wp", 1UL << 0 }, { "check_wpasync", 1UL << 1 }, { NULL, 0 },
};

struct scan_opts {
	unsigned long masks[4];		/* mask, anyof, inverted, return */
	unsigned long flags, max_pages, vec_len;
	bool vec_null, vec_len_set, count;
};

static int scan_option(struct interp *ip, const char *t, struct scan_opts *o)
{
	static const char *const mask_keys[4] = { "mask", "anyof", "inverted", "return" };
	const char *v;
	uint64_t n;

	for (int i = 0; i < 4; i++)
		if ((v = lex_keyval(t, mask_keys[i])))
			return arg_flags(ip, v, scan_categories, "category", &o->masks[i]);
	if ((v = lex_keyval(t, "flags")))
		return arg_flags(ip, v, scan_flags, "pagemap_scan flag", &o->flags);
	if ((v = lex_keyval(t, "max_pages")))
		return arg_int(ip, v, &n) ? -1 : (o->max_pages = n, 0);
	if ((v = lex_keyval(t, "vec_len"))) {
		if (arg_int(ip, v, &n))
			return -1;
		if (n > SCAN_VEC_MAX)
			return bad(ip, "pagemap_scan: vec_len above %lu", SCAN_VEC_MAX);
		o->vec_len = n;
		o->vec_len_set = true;
		return 0;
	}
	if ((v = lex_keyval(t, "vec"))) {
		if (strcmp(v, "null"))
			return bad(ip, "pagemap_scan: vec=%s: expected vec=null", shown(v));
		o->vec_null = true;
		return 0;
	}
	if (!strcmp(t, "count")) {
		o->count = true;
		return 0;
	}
	return bad(ip, "%s: unknown pagemap_scan option", shown(t));
}

/* "START-END CATEGORIES" lines and "walk_end W", or the count word. */
static void scan_render(struct result *r, const char *text, bool count)
{
	unsigned long ret, walk_end, pages = 0;
	char *out = xstrdup(""), *line;
	const char *l = text;
	size_t len = 0;
	int n;

	if (sscanf(l, "%lx %lx%n", &ret, &walk_end, &n) != 2) {
		free(out);
		result_set(r, RK_UNSUP, xstrdup("malformed PAGEMAP_SCAN answer"));
		return;
	}
	l += n;
	for (unsigned long i = 0; i < ret; i++) {
		unsigned long s, e, cat;
		char *words;

		if (sscanf(l, "%lx %lx %lx%n", &s, &e, &cat, &n) != 3)
			break;
		l += n;
		pages += (e - s) / 4096;
		if (count)
			continue;
		words = flag_words(scan_categories, cat);
		line = xasprintf("%lx-%lx %s", s, e, words);
		append_line(&out, &len, line, strlen(line));
		free(line);
		free(words);
	}
	if (count) {
		free(out);
		result_set(r, RK_WORD, xasprintf("regions=%lu pages=%lu walk_end=%lx",
						ret, pages, walk_end));
		return;
	}
	line = xasprintf("walk_end %lx", walk_end);
	append_line(&out, &len, line, strlen(line));
	free(line);
	result_set(r, RK_LINES, out);
}

int cmd_pagemap_scan(struct interp *ip, struct cmd *c)
{
	struct scan_opts o = { .masks = { 0, 0, 0, SCAN_ALL_CATEGORIES } };
	struct bcmd bc = { .op = BOP_PAGEMAP_SCAN };
	struct bres br[MAX_BACKENDS];
	unsigned long addr, len;

	if (arg_addr(ip, c->argv[1], &addr) || arg_len(ip, c->argv[2], &len))
		return -1;
	for (int i = 3; i <= c->argc; i++)
		if (scan_option(ip, c->argv[i], &o))
			return -1;
	if (!o.vec_len_set && !o.vec_null) {
		o.vec_len = (len + 4095) / 4096;
		if (o.vec_len > SCAN_VEC_DEFAULT_MAX)
			o.vec_len = SCAN_VEC_DEFAULT_MAX;
	}
	bc.a[0] = addr;
	bc.a[1] = len;
	bc.a[2] = o.flags;
	bc.a[3] = o.max_pages;
	bc.a[4] = o.vec_len;
	bc.a[5] = o.vec_null;
	snprintf(bc.str, sizeof(bc.str), "%lx %lx %lx %lx", o.masks[0],
		 o.masks[1], o.masks[2], o.masks[3]);
	exec_all(ip, c, &bc, br);
	for (int i = 0; i < ip->nb; i++) {
		if (br[i].kind == BRES_TEXT)
			scan_render(&c->res[i], br[i].text ? br[i].text : "", o.count);
		else
			render(&c->res[i], &br[i]);
		bres_clear(&br[i]);
	}
	return 0;
}
