// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_observe.c - the observation commands (maps, smaps, status - with
 * smaps_rollup and statm in cmd_proc_views.c -,
 * pagemap, frame), the require directive, and the model-only commands, which
 * go to the library's mmsim_ctl with bound names resolved.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>

#include "interp_int.h"

/* clear_refs TYPE: the integer written to /proc/PID/clear_refs. */
int cmd_clear_refs(struct interp *ip, struct cmd *c)
{
	uint64_t type;
	unsigned long a;

	if (arg_int(ip, c->argv[1], &type))
		return -1;
	if (type > 9)
		return bad(ip, "clear_refs: %s: one digit", shown(c->argv[1]));
	a = type;
	return exec_simple(ip, c, BOP_CLEAR_REFS, 1, &a);
}

/* maps [--ruler]: the lines, or the rulers drawn from them. */
int cmd_maps(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_MAPS };
	struct bres br[MAX_BACKENDS];
	bool ruler = c->argc > 0;

	if (ruler && strcmp(c->argv[1], "--ruler"))
		return bad(ip, "maps: %s: expected --ruler", shown(c->argv[1]));
	exec_all(ip, c, &bc, br);
	for (int i = 0; i < ip->nb; i++) {
		if (br[i].kind == BRES_TEXT) {
			char *lines = render_maps(ip, br[i].text ? br[i].text : "");

			if (ruler) {
				char *r = maps_ruler(lines);

				free(lines);
				lines = r;
			}
			result_set(&c->res[i], RK_LINES, lines);
		} else
			render(&c->res[i], &br[i]);
		bres_clear(&br[i]);
	}
	return 0;
}

static bool smaps_header(const char *l, unsigned long *start,
			 unsigned long *end)
{
	char *e;

	if (!isxdigit((unsigned char)*l))
		return false;
	*start = strtoul(l, &e, 16);
	if (*e != '-')
		return false;
	*end = strtoul(e + 1, &e, 16);
	return *e == ' ';
}

/* The value of @field in the smaps entry of the VMA holding @addr. */
static void smaps_field(struct result *r, const char *text, unsigned long addr,
			const char *field)
{
	size_t flen = strlen(field);
	bool in = false, found_vma = false;
	unsigned long s, e;

	for (const char *l = text; *l; ) {
		size_t n = strcspn(l, "\n");

		if (smaps_header(l, &s, &e)) {
			in = addr >= s && addr < e;
			found_vma |= in;
		} else if (in && n > flen && !strncmp(l, field, flen) &&
			   l[flen] == ':') {
			char *out = NULL;
			size_t len = 0;

			append_squeezed(&out, &len, l + flen + 1, n - flen - 1);
			result_set(r, strcmp(field, "VmFlags") ? RK_WORD : RK_SET,
				   out);
			return;
		}
		l += n + (l[n] == '\n');
	}
	result_set(r, RK_WORD, xstrdup(found_vma ? "nofield" : "novma"));
}

/*
 * status FIELD: one field of /proc/PID/status, blanks collapsed; after
 * proc_mark, a size as its difference from the mark (cmd_proc_views.c).
 */
int cmd_status(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_STATUS };
	struct bres br[MAX_BACKENDS];

	exec_all(ip, c, &bc, br);
	for (int i = 0; i < ip->nb; i++) {
		if (br[i].kind == BRES_TEXT)
			proc_view_field(ip, i, c->proc, BOP_STATUS,
					br[i].text ? br[i].text : "",
					c->argv[1], 0, &c->res[i]);
		else
			render(&c->res[i], &br[i]);
		bres_clear(&br[i]);
	}
	return 0;
}

int cmd_smaps(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_SMAPS };
	struct bres br[MAX_BACKENDS];
	unsigned long addr;

	if (arg_addr(ip, c->argv[1], &addr))
		return -1;
	exec_all(ip, c, &bc, br);
	for (int i = 0; i < ip->nb; i++) {
		if (br[i].kind == BRES_TEXT)
			smaps_field(&c->res[i], br[i].text ? br[i].text : "",
				    addr, c->argv[2]);
		else
			render(&c->res[i], &br[i]);
		bres_clear(&br[i]);
	}
	return 0;
}

/* The model's pid of scenario process @proc on backend @b, or -1. */
static int proc_pid(struct interp *ip, int b, int proc)
{
	struct bcmd bc = { .op = BOP_CTL, .proc = proc, .str = "leaves 0 0" };
	struct bres br;
	int pid = -1;

	memset(&br, 0, sizeof(br));
	ip->ops[b]->exec(ip->bk[b], &bc, &br);
	if (!br.text || sscanf(br.text, "pid %d", &pid) != 1)
		pid = -1;
	bres_clear(&br);
	return pid;
}

/* "N " at @s: the pid and how far the line goes on after "pid N ". */
static bool line_pid(const char *s, int *pid, int *skip)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end != ' ' || v < 0 || v > INT_MAX)
		return false;
	*pid = (int)v;
	*skip = (int)(end + 1 - s) + 4;
	return true;
}

/* rmap's "pid N" lines name the scenario's process instead: "@NAME". */
static void name_pids(struct interp *ip, int b, struct result *r)
{
	char *out = xstrdup(""), *tmp;
	size_t len = 0;

	for (const char *l = r->text; *l; ) {
		size_t n = strcspn(l, "\n");
		int pid, skip = 0, p = ip->procs.n;

		/* not sscanf(): glibc's measures the whole rest of the text */
		if (!strncmp(l, "pid ", 4) && line_pid(l + 4, &pid, &skip))
			for (p = 0; p < ip->procs.n; p++)
				if (ip->procs.v[p].name && ip->procs.v[p].live &&
				    proc_pid(ip, b, p) == pid)
					break;
		if (p < ip->procs.n)
			tmp = xasprintf("@%s %.*s", ip->procs.v[p].name,
					(int)(n - skip), l + skip);
		else
			tmp = xasprintf("%.*s", (int)n, l);
		append_line(&out, &len, tmp, strlen(tmp));
		free(tmp);
		l += n + (l[n] == '\n');
	}
	result_set(r, RK_LINES, out);
}

/*
 * The @i-th argument word of @usage ("name ARG ARG..."); a last word
 * ending in "..." stands for all the arguments from there on.
 */
static bool usage_word_is(const char *usage, int i, const char *word)
{
	const char *w = usage, *at = usage;
	size_t len = 0;
	int k = -1;

	while (*w && k < i) {		/* word i, or the last one */
		at = w;
		len = strcspn(w, " ");
		k++;
		w += len;
		w += strspn(w, " ");
	}
	if (len >= 3 && !strncmp(at + len - 3, "...", 3))
		len -= 3;
	else if (k < i)			/* more arguments than words */
		return false;
	return k > 0 && len == strlen(word) && !strncmp(at, word, len);
}

/*
 * `design KEY=VALUE...`: words the library does not know, and
 * combinations no kernel had without `mixed`, are malformed on any
 * backend; @ip->design follows the model's machine (applied once the
 * model took the line).
 */
static int design_check(struct interp *ip, struct cmd *c, bool apply)
{
	struct mmsim_design_state next = ip->design;
	char why[512];

	if (mmsim_design_state_apply(&next, c->argc, c->argv + 1, why, sizeof(why)))
		return apply ? 0 : bad(ip, "%s", why);
	if (apply)
		ip->design = next;
	return 0;
}

/*
 * A model-only command: the arguments the library's usage calls ADDR are
 * resolved from bound names (an unknown name is a malformed scenario);
 * every other token passes through as written; the library answers.
 * rmap's processes are named as the scenario names them.
 */
int cmd_ctl(struct interp *ip, struct cmd *c)
{
	const struct command *cmd = find_command(c->argv[0]);
	bool design = !strcmp(c->argv[0], "design") && c->argc;
	struct bcmd bc = { .op = BOP_CTL };
	size_t len = 0;

	for (int i = 1; !strcmp(c->argv[0], "profile") && i <= c->argc; i++)
		if (arg_profile(ip, "profile", c->argv[i]))
			return -1;
	if (design && design_check(ip, c, false))
		return -1;
	for (int i = 0; i <= c->argc; i++) {
		const char *tok = c->argv[i];
		char num[32];
		int w;

		if (i && cmd && usage_word_is(cmd->usage, i, "ADDR")) {
			unsigned long addr;

			if (arg_addr(ip, tok, &addr))
				return -1;
			snprintf(num, sizeof(num), "0x%lx", addr);
			tok = num;
		}
		w = snprintf(bc.str + len, sizeof(bc.str) - len, "%s%s",
			     i ? " " : "", tok);
		if (w < 0 || (size_t)w >= sizeof(bc.str) - len)
			return bad(ip, "%s: command too long", shown(c->argv[0]));
		len += w;
	}
	exec_render(ip, c, &bc, false);
	if (design && c->res[0].kind != RK_FAIL && c->res[0].kind != RK_UNSUP)
		design_check(ip, c, true);
	if (!strcmp(c->argv[0], "rmap"))
		for (int i = 0; i < ip->nb; i++)
			if (c->res[i].kind == RK_LINES)
				name_pids(ip, i, &c->res[i]);
	return 0;
}

int cmd_pagemap(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_PAGEMAP };

	if (arg_addr(ip, c->argv[1], &bc.a[0]))
		return -1;
	exec_render_value(ip, c, &bc, RK_SET, show_pagemap, NULL);
	return 0;
}

static void frame_render(struct result *r, const struct bres *a,
			 const struct bres *b)
{
	uint64_t pa, pb;

	if (a->kind != BRES_VALUE) {
		render(r, a);
		return;
	}
	if (b->kind != BRES_VALUE) {
		render(r, b);
		return;
	}
	if (!(a->value & PM_PRESENT) || !(b->value & PM_PRESENT)) {
		result_set(r, RK_WORD, xstrdup("absent"));
		return;
	}
	pa = a->value & PM_PFRAME_MASK;
	pb = b->value & PM_PFRAME_MASK;
	if (!pa || !pb)
		result_set(r, RK_UNSUP,
			   xstrdup("frame: PFNs read as 0 (pagemap needs CAP_SYS_ADMIN)"));
	else
		result_set(r, RK_WORD, xstrdup(pa == pb ? "same" : "different"));
}

int cmd_frame(struct interp *ip, struct cmd *c)
{
	struct bcmd b1 = { .op = BOP_PAGEMAP }, b2 = { .op = BOP_PAGEMAP };
	struct bres r1[MAX_BACKENDS], r2[MAX_BACKENDS];
	int proc2, self = c->proc;

	if (c->argv[2][0] != '@')
		return bad(ip, "frame: expected @PROC, got %s", shown(c->argv[2]));
	if (arg_addr(ip, c->argv[1], &b1.a[0]) ||
	    arg_proc(ip, c->argv[2] + 1, &proc2) ||
	    arg_addr(ip, c->argv[3], &b2.a[0]))
		return -1;
	exec_all(ip, c, &b1, r1);
	c->proc = proc2;
	exec_all(ip, c, &b2, r2);
	c->proc = self;
	for (int i = 0; i < ip->nb; i++) {
		frame_render(&c->res[i], &r1[i], &r2[i]);
		bres_clear(&r1[i]);
		bres_clear(&r2[i]);
	}
	return 0;
}

/* KEY=VALUE, a profile setting the library knows: else malformed. */
int arg_profile(struct interp *ip, const char *cmd, const char *tok)
{
	struct mmsim_profile scratch;
	const char *eq = strchr(tok, '=');
	char key[64];

	if (!eq || eq == tok || (size_t)(eq - tok) >= sizeof(key))
		return bad(ip, "%s: %s: expected KEY=VALUE", cmd, shown(tok));
	memcpy(key, tok, eq - tok);
	key[eq - tok] = '\0';
	mmsim_profile_defaults(&scratch);
	switch (mmsim_profile_set(&scratch, key, eq + 1)) {
	case 0:
		return 0;
	case -ENOENT:
		return bad(ip, "%s: %s: unknown profile key", cmd, shown(key));
	default:
		return bad(ip, "%s: %s: expected %s=%s", cmd, shown(eq + 1), key,
			   mmsim_profile_values(key));
	}
}

/*
 * require model|native: skip on the other backend.  require KEY=VALUE...:
 * the model takes the settings; the host is checked against them and a
 * host configured otherwise skips the scenario.
 */
int cmd_require(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_REQUIRE };
	const char *want = c->argv[1];
	size_t len = 0;
	bool skip;

	if (!strchr(want, '=')) {
		if ((strcmp(want, "model") && strcmp(want, "native")) || c->argc > 1)
			return bad(ip, "require: %s: expected model, native or KEY=VALUE...",
				   shown(want));
		skip = ip->nb > 1 || strcmp(ip->ops[0]->name, want);
		for (int i = 0; i < ip->nb; i++)
			result_set(&c->res[i], skip ? RK_UNSUP : RK_OK,
				   skip ? xasprintf("requires %s", want) : xstrdup("ok"));
		return 0;
	}
	for (int i = 1; i <= c->argc; i++) {
		int w;

		if (arg_profile(ip, "require", c->argv[i]))
			return -1;
		w = snprintf(bc.str + len, sizeof(bc.str) - len, "%s%s",
			     i > 1 ? " " : "", c->argv[i]);
		if (w < 0 || (size_t)w >= sizeof(bc.str) - len)
			return bad(ip, "require: too many settings");
		len += w;
	}
	exec_render(ip, c, &bc, false);
	return 0;
}


/*
 * draw FILE.svg: the picture of the state at this line (svg.c).  A
 * scenario may only name a file in the current directory.
 */
int cmd_draw(struct interp *ip, struct cmd *c)
{
	const char *path = c->argv[1];
	size_t n = strlen(path);

	if (n < 5 || strcmp(path + n - 4, ".svg") ||
	    strspn(path, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			 "0123456789_.-") != n || path[0] == '.')
		return bad(ip, "draw: %s: expected a NAME.svg in the current directory",
			   shown(path));
	for (int i = 0; i < ip->nb; i++) {
		if (strcmp(ip->ops[i]->name, "model")) {
			result_set(&c->res[i], RK_UNSUP,
				   xstrdup("draw: the model's state only"));
			continue;
		}
		if (svg_write(ip, c->proc, ip->o.no_files ? NULL : path))
			return -1;
		result_set(&c->res[i], RK_OK, xstrdup("ok"));
	}
	return 0;
}
