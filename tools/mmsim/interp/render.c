// SPDX-License-Identifier: GPL-2.0
/*
 * render.c - executing a flat command on every backend and rendering the
 * raw results into what scenarios see: ok, ENOMEM, SIGSEGV, 0x2a, words,
 * word sets and lines (maps), so both backends are judged on one
 * rendering.  maps lines are cut to START-END PERMS OFFSET [PATH] and
 * filtered to the VMAs the scenario placed (placement.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "interp_int.h"

void result_clear(struct result *r)
{
	free(r->text);
	memset(r, 0, sizeof(*r));
}

void result_set(struct result *r, enum rkind kind, char *text)
{
	free(r->text);
	r->kind = kind;
	r->text = text;
}

void exec_all(struct interp *ip, struct cmd *c, struct bcmd *bc,
		     struct bres *br)
{
	bc->proc = c->proc;
	bc->may_block = ip->expect_blocks;
	for (int i = 0; i < ip->nb; i++) {
		memset(&br[i], 0, sizeof(br[i]));
		ip->ops[i]->exec(ip->bk[i], bc, &br[i]);
	}
}

/* Render the kinds every command shares; VALUE as a byte. */
void render(struct result *r, const struct bres *b)
{
	const char *name;

	switch (b->kind) {
	case BRES_OK:
		result_set(r, RK_OK, xstrdup("ok"));
		break;
	case BRES_ERRNO:
		name = errno_name(b->code);
		result_set(r, RK_FAIL, name ? xstrdup(name) :
					      xasprintf("errno%d", b->code));
		break;
	case BRES_SIGNAL:
		name = signal_name(b->code);
		result_set(r, RK_FAIL, name ? xstrdup(name) :
					      xasprintf("SIG%d", b->code));
		break;
	case BRES_VALUE:
		r->value = b->value;
		result_set(r, RK_BYTE, xasprintf("0x%02lx",
						 (unsigned long)b->value));
		break;
	case BRES_WORD:
	case BRES_TEXT:
		result_set(r, b->kind == BRES_WORD ? RK_WORD : RK_LINES,
			   xstrdup(b->text ? b->text : ""));
		break;
	case BRES_REFUSED:
		result_set(r, RK_REFUSED, xstrdup(b->text ? b->text : "refused"));
		break;
	case BRES_BLOCKS:
		result_set(r, RK_BLOCKS, xstrdup("blocks"));
		break;
	default:
		result_set(r, RK_UNSUP, xstrdup(b->text ? b->text :
						"unsupported"));
		break;
	}
}

/* Execute @bc everywhere and render; VALUE is "ok" when @value_ok. */
void exec_render(struct interp *ip, struct cmd *c, struct bcmd *bc,
			bool value_ok)
{
	struct bres br[MAX_BACKENDS];

	exec_all(ip, c, bc, br);
	for (int i = 0; i < ip->nb; i++) {
		if (value_ok && br[i].kind == BRES_VALUE)
			br[i].kind = BRES_OK;
		render(&c->res[i], &br[i]);
		bres_clear(&br[i]);
	}
}

void exec_render_value(struct interp *ip, struct cmd *c, struct bcmd *bc,
		       enum rkind kind,
		       char *(*show)(const void *arg, uint64_t v),
		       const void *arg)
{
	struct bres br[MAX_BACKENDS];

	exec_all(ip, c, bc, br);
	for (int i = 0; i < ip->nb; i++) {
		if (br[i].kind == BRES_VALUE)
			result_set(&c->res[i], kind, show(arg, br[i].value));
		else
			render(&c->res[i], &br[i]);
		bres_clear(&br[i]);
	}
}

/* A count of bytes or pages, in decimal. */
char *show_decimal(const void *arg, uint64_t v)
{
	(void)arg;
	return xasprintf("%lu", (unsigned long)v);
}

/* The words of flag table @table set in @v. */
char *show_flags(const void *table, uint64_t v)
{
	return flag_words(table, (unsigned long)v);
}

char *show_pagemap(const void *arg, uint64_t v)
{
	(void)arg;
	return pagemap_words(v);
}

/* Did the first backend (the one names follow) succeed? */
bool first_ok(struct cmd *c)
{
	return c->res[0].kind == RK_OK;
}

int exec_simple(struct interp *ip, struct cmd *c, enum bop op,
		       int nargs, const unsigned long *a)
{
	struct bcmd bc = { .op = op };

	if (nargs)
		memcpy(bc.a, a, nargs * sizeof(*a));
	exec_render(ip, c, &bc, false);
	return 0;
}

/* Append @s[0..n) with runs of blanks collapsed, trimmed, to @out. */
void append_squeezed(char **out, size_t *len, const char *s, size_t n)
{
	bool space = false;

	*out = xrealloc(*out, *len + n + 2);
	for (size_t i = 0; i < n; i++) {
		if (isspace((unsigned char)s[i])) {
			space = true;
			continue;
		}
		if (space && *len && (*out)[*len - 1] != '\n')
			(*out)[(*len)++] = ' ';
		space = false;
		(*out)[(*len)++] = s[i];
	}
	(*out)[*len] = '\0';
}

void append_line(char **out, size_t *len, const char *s, size_t n)
{
	append_squeezed(out, len, s, n);
	(*out)[(*len)++] = '\n';
	(*out)[*len] = '\0';
}

/*
 * One maps line as START-END PERMS OFFSET [PATH], or nothing when the
 * scenario placed nothing there (the host process's own VMAs).
 */
static void maps_line(const struct interp *ip, char **out, size_t *len,
		      const char *l, size_t n)
{
	char buf[1024], range[64], perms[8], off[32], dev[32], *line;
	unsigned long start, end, ino;
	int pos = 0;

	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	memcpy(buf, l, n);
	buf[n] = '\0';
	if (sscanf(buf, "%63s %7s %31s %31s %lu %n", range, perms, off, dev,
		   &ino, &pos) < 5 || !pos ||
	    sscanf(range, "%lx-%lx", &start, &end) != 2)
		return;
	if (!place_shown(ip, start, end))
		return;
	line = xasprintf("%s %s %s %.*s", range, perms, off, (int)(n - pos),
			 l + pos);
	append_line(out, len, line, strlen(line));
	free(line);
}

char *render_maps(const struct interp *ip, const char *text)
{
	char *out = xstrdup("");
	size_t len = 0;

	for (const char *l = text; *l; ) {
		size_t n = strcspn(l, "\n");

		maps_line(ip, &out, &len, l, n);
		l += n + (l[n] == '\n');
	}
	return out;
}

char *pagemap_words(uint64_t e)
{
	static const struct { uint64_t bit; const char *w; } bits[] = {
		{ PM_PRESENT, "present" }, { PM_SWAP, "swapped" },
		{ PM_FILE, "file" }, { PM_MMAP_EXCLUSIVE, "excl" },
		{ PM_UFFD_WP, "uffd-wp" }, { PM_SOFT_DIRTY, "soft-dirty" },
		{ PM_GUARD_REGION, "guard" },
	};
	char buf[128] = "";

	for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]); i++) {
		if (!(e & bits[i].bit))
			continue;
		if (buf[0])
			strcat(buf, " ");
		strcat(buf, bits[i].w);
	}
	return xstrdup(buf[0] ? buf : "none");
}

/*
 * A model-only command: bound names become absolute addresses, every
 * other token passes through; the library answers.
 */

void print_result(FILE *out, const char *prefix,
			 const struct result *r)
{
	size_t n;

	if (r->kind != RK_LINES) {
		fprintf(out, "%s%s\n", prefix, r->text);
		return;
	}
	n = strlen(prefix);
	if (n && prefix[n - 1] == ' ')
		n--;
	fprintf(out, "%.*s\n", (int)n, prefix);
	for (const char *l = r->text; *l; ) {
		n = strcspn(l, "\n");
		fprintf(out, "| %.*s\n", (int)n, l);
		l += n + (l[n] == '\n');
	}
}

/* Split @text into its lines (pointers into it; lens in @len). */

/* The words of @table whose bits are set in @v, or "none". */
char *flag_words(const struct flag_word *table, unsigned long v)
{
	char *out = xstrdup("");
	size_t len = 0;

	for (const struct flag_word *w = table; w->name; w++) {
		if (!(v & w->value))
			continue;
		out = xrealloc(out, len + strlen(w->name) + 2);
		len += sprintf(out + len, "%s%s", len ? " " : "", w->name);
		v &= ~w->value;
	}
	if (v) {
		out = xrealloc(out, len + 24);
		len += sprintf(out + len, "%s0x%lx", len ? " " : "", v);
	}
	return len ? out : (free(out), xstrdup("none"));
}
