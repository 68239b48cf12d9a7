// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_procmap_query.c - the other ways to ask /proc/PID about VMAs:
 * map_files NAME and procmap_query.
 *
 * map_files NAME: readlink(2) of /proc/PID/map_files/NAME, where NAME is
 * written with {ADDR} for an address in hex (`{a}-{a+1p}`) and \s for a
 * blank, so that the malformed names the kernel refuses can be written.
 * The result is the link's target (the mapped file), or ENOENT.
 *
 * procmap_query ADDR [FLAGS]: the PROCMAP_QUERY
 * ioctl on /proc/PID/maps (Linux 6.11).  FLAGS, comma-joined or an
 * integer: readable, writable, executable, shared (the VMA must have
 * them), covering_or_next (else the VMA must cover ADDR), file_backed.
 * The result: `START-END PERMS OFFSET page_size=N [NAME]`, or the errno.
 *
 * As with `maps`, a scenario sees only the VMAs it asked for: a VMA the
 * kernel finds outside the scenario's claims (the native agent's own) is
 * as if absent - with covering_or_next the query goes on past it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "interp_int.h"

#define QUERY_COVERING_OR_NEXT	0x10
#define QUERY_MAX_SKIPS		64

static const struct flag_word query_flag_words[] = {
	{ "readable", 0x01 }, { "writable", 0x02 }, { "executable", 0x04 },
	{ "shared", 0x08 }, { "covering_or_next", 0x10 },
	{ "file_backed", 0x20 }, { NULL, 0 },
};

/* One backend: the query, retried past VMAs the scenario did not make. */
static void query_one(struct interp *ip, int i, struct bcmd *bc,
		      struct bres *br)
{
	unsigned long start, end;

	for (int skips = 0; skips < QUERY_MAX_SKIPS; skips++) {
		memset(br, 0, sizeof(*br));
		ip->ops[i]->exec(ip->bk[i], bc, br);
		if (br->kind != BRES_TEXT || !br->text ||
		    sscanf(br->text, "%lx %lx", &start, &end) != 2 ||
		    place_shown(ip, start, end))
			return;
		bres_clear(br);
		if (!(bc->a[1] & QUERY_COVERING_OR_NEXT))
			break;
		bc->a[0] = end;
	}
	br->kind = BRES_ERRNO;
	br->code = ENOENT;
}

static void query_render(struct result *r, const char *text)
{
	unsigned long start, end, flags, page_size, offset;
	const char *name = strchr(text, '\n');

	if (sscanf(text, "%lx %lx %lx %lx %lx", &start, &end, &flags,
		   &page_size, &offset) != 5) {
		result_set(r, RK_UNSUP, xstrdup("malformed PROCMAP_QUERY answer"));
		return;
	}
	name = name && name[1] ? name + 1 : NULL;
	result_set(r, RK_WORD, xasprintf("%lx-%lx %c%c%c%c %08lx page_size=%lu%s%s",
					 start, end, flags & 1 ? 'r' : '-',
					 flags & 2 ? 'w' : '-', flags & 4 ? 'x' : '-',
					 flags & 8 ? 's' : 'p', offset, page_size,
					 name ? " " : "", name ? name : ""));
}

#define MAP_FILES_NAME_MAX	200

/* NAME with {ADDR} and \s expanded into @out. */
static int map_files_name(struct interp *ip, const char *t, char *out)
{
	size_t n = 0;

	while (*t) {
		char expr[128];
		const char *close;
		unsigned long addr;
		size_t len;

		if (n + 20 > MAP_FILES_NAME_MAX)
			return bad(ip, "map_files: name too long");
		if (t[0] == '\\' && t[1] == 's') {
			out[n++] = ' ';
			t += 2;
			continue;
		}
		if (*t != '{') {
			out[n++] = *t++;
			continue;
		}
		close = strchr(t, '}');
		len = close ? (size_t)(close - t - 1) : 0;
		if (!close || !len || len >= sizeof(expr) || memchr(t + 1, '{', len))
			return bad(ip, "map_files: %s: unbalanced {ADDR}", shown(t));
		memcpy(expr, t + 1, len);
		expr[len] = '\0';
		if (arg_addr(ip, expr, &addr))
			return -1;
		n += snprintf(out + n, MAP_FILES_NAME_MAX + 1 - n, "%lx", addr);
		t = close + 1;
	}
	out[n] = '\0';
	return 0;
}

int cmd_map_files(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_MAP_FILES };

	if (map_files_name(ip, c->argv[1], bc.str))
		return -1;
	exec_render(ip, c, &bc, false);
	return 0;
}

int cmd_procmap_query(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_PROCMAP_QUERY, .proc = c->proc };
	struct bres br;
	unsigned long addr, flags = 0;

	if (arg_addr(ip, c->argv[1], &addr) ||
	    (c->argc > 1 && arg_flags(ip, c->argv[2], query_flag_words,
				      "procmap_query flag", &flags)))
		return -1;
	for (int i = 0; i < ip->nb; i++) {
		bc.a[0] = addr;
		bc.a[1] = flags;
		query_one(ip, i, &bc, &br);
		if (br.kind == BRES_TEXT)
			query_render(&c->res[i], br.text);
		else
			render(&c->res[i], &br);
		bres_clear(&br);
	}
	return 0;
}
