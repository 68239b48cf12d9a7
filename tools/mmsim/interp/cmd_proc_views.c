// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_proc_views.c - the whole-process /proc views and their baseline:
 *
 *   proc_mark
 *   smaps_rollup FIELD
 *   statm FIELD
 *   status FIELD		(cmd_observe.c; its sizes go through here)
 *
 * smaps_rollup, statm and the sizes of status sum the whole process.  On
 * the host that includes the native agent's own code, heap and stack, so
 * a scenario compares them as differences from a baseline: `proc_mark`
 * makes the high-water marks current (VmHWM, VmPeak), has the agent
 * settle its own memory (native_proc.c), and records the three views of
 * the current process on every backend.  From then on, in that process,
 * every value of the form "N kB" (status, smaps_rollup) and every statm
 * number prints as its signed difference from the mark: "+8 kB", "-4 kB",
 * "+0 kB"; statm's "+2".  Without a mark the values print as they are.
 *
 * statm's FIELD names one of its seven numbers: size resident shared
 * text lib data dt.
 */
#include <stdlib.h>
#include <string.h>

#include "interp_int.h"

static const char *const statm_fields[] = {
	"size", "resident", "shared", "text", "lib", "data", "dt",
};
#define NR_STATM_FIELDS	(sizeof(statm_fields) / sizeof(statm_fields[0]))

/* The views a mark records, in this order. */
static const enum bop mark_views[NR_MARK_VIEWS] = {
	BOP_STATUS, BOP_STATM, BOP_SMAPS_ROLLUP,
};

static int mark_view(enum bop op)
{
	for (int v = 0; v < NR_MARK_VIEWS; v++)
		if (mark_views[v] == op)
			return v;
	return -1;
}

void proc_marks_free(struct interp *ip)
{
	for (int p = 0; p < ip->nmarks; p++)
		for (int b = 0; b < MAX_BACKENDS; b++)
			for (int v = 0; v < NR_MARK_VIEWS; v++)
				free(ip->marks[p].text[b][v]);
	free(ip->marks);
	ip->marks = NULL;
	ip->nmarks = 0;
}

/* The text of view @op at process @proc's mark on backend @b, or NULL. */
static const char *mark_text(struct interp *ip, int b, int proc, enum bop op)
{
	int v = mark_view(op);

	if (proc >= ip->nmarks || v < 0)
		return NULL;
	return ip->marks[proc].text[b][v];
}

static struct proc_mark *mark_slot(struct interp *ip, int proc)
{
	if (proc >= ip->nmarks) {
		ip->marks = xrealloc(ip->marks, (proc + 1) * sizeof(*ip->marks));
		memset(ip->marks + ip->nmarks, 0,
		       (proc + 1 - ip->nmarks) * sizeof(*ip->marks));
		ip->nmarks = proc + 1;
	}
	return &ip->marks[proc];
}

/* Read view @op of process @proc on backend @b: malloc'd text, or NULL. */
static char *read_view(struct interp *ip, int b, int proc, enum bop op)
{
	struct bcmd bc = { .op = op, .proc = proc };
	struct bres br;
	char *text = NULL;

	memset(&br, 0, sizeof(br));
	ip->ops[b]->exec(ip->bk[b], &bc, &br);
	if (br.kind == BRES_TEXT)
		text = xstrdup(br.text ? br.text : "");
	bres_clear(&br);
	return text;
}

/* proc_mark: settle, then record the views of the current process. */
int cmd_proc_mark(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_PROC_MARK };
	struct bres br[MAX_BACKENDS];

	exec_all(ip, c, &bc, br);
	for (int b = 0; b < ip->nb; b++) {
		struct proc_mark *m = mark_slot(ip, c->proc);

		if (br[b].kind == BRES_OK) {
			for (int v = 0; v < NR_MARK_VIEWS; v++) {
				free(m->text[b][v]);
				m->text[b][v] = read_view(ip, b, c->proc,
							  mark_views[v]);
			}
		}
		render(&c->res[b], &br[b]);
		bres_clear(&br[b]);
	}
	return 0;
}

/* The value after "FIELD:" on its line of @text, blanks collapsed; or NULL. */
static char *field_value(const char *text, const char *field)
{
	size_t flen = strlen(field);

	for (const char *l = text; *l; ) {
		size_t n = strcspn(l, "\n");

		if (n > flen && !strncmp(l, field, flen) && l[flen] == ':') {
			char *out = NULL;
			size_t len = 0;

			append_squeezed(&out, &len, l + flen + 1, n - flen - 1);
			return out ? out : xstrdup("");
		}
		l += n + (l[n] == '\n');
	}
	return NULL;
}

/* The @i-th blank-separated number of statm's @text, as a string; or NULL. */
static char *statm_value(const char *text, size_t i)
{
	const char *p = text;

	for (;;) {
		size_t n;

		p += strspn(p, " \n");
		n = strcspn(p, " \n");
		if (!n)
			return NULL;
		if (!i--)
			return xasprintf("%.*s", (int)n, p);
		p += n;
	}
}

/*
 * @now as a difference from @then when both are a number with the unit
 * @unit ("1520 kB" with " kB", "7" with ""); else @now itself.  Takes @now.
 */
static char *delta(char *now, const char *then, const char *unit)
{
	char *e1, *e2, *out;
	long long a, b;

	if (!then)
		return now;
	a = strtoll(now, &e1, 10);
	b = strtoll(then, &e2, 10);
	if (e1 == now || e2 == then || strcmp(e1, unit) || strcmp(e2, unit))
		return now;
	out = xasprintf("%+lld%s", a - b, e1);
	free(now);
	return out;
}

/*
 * proc_view_field - the result of one field of view @op (status,
 * smaps_rollup: a "FIELD:" line; statm: field index @statm_field) in
 * @text from backend @b, as a difference when process @proc has a mark.
 */
void proc_view_field(struct interp *ip, int b, int proc, enum bop op,
		     const char *text, const char *field, int statm_field,
		     struct result *r)
{
	const char *base = mark_text(ip, b, proc, op);
	char *now, *then = NULL;

	if (op == BOP_STATM) {
		now = statm_value(text, statm_field);
		if (base)
			then = statm_value(base, statm_field);
	} else {
		now = field_value(text, field);
		if (base)
			then = field_value(base, field);
	}
	if (!now) {
		result_set(r, RK_WORD, xstrdup("nofield"));
		free(then);
		return;
	}
	if (base)
		now = delta(now, then, op == BOP_STATM ? "" : " kB");
	free(then);
	result_set(r, RK_WORD, now);
}

/* One field of a whole-process view, on every backend. */
static int view_cmd(struct interp *ip, struct cmd *c, enum bop op,
		    const char *field, int statm_field)
{
	struct bcmd bc = { .op = op };
	struct bres br[MAX_BACKENDS];

	exec_all(ip, c, &bc, br);
	for (int b = 0; b < ip->nb; b++) {
		if (br[b].kind == BRES_TEXT)
			proc_view_field(ip, b, c->proc, op,
					br[b].text ? br[b].text : "", field,
					statm_field, &c->res[b]);
		else
			render(&c->res[b], &br[b]);
		bres_clear(&br[b]);
	}
	return 0;
}

int cmd_smaps_rollup(struct interp *ip, struct cmd *c)
{
	return view_cmd(ip, c, BOP_SMAPS_ROLLUP, c->argv[1], 0);
}

int cmd_statm(struct interp *ip, struct cmd *c)
{
	for (size_t i = 0; i < NR_STATM_FIELDS; i++)
		if (!strcmp(c->argv[1], statm_fields[i]))
			return view_cmd(ip, c, BOP_STATM, NULL, (int)i);
	return bad(ip, "statm: %s: expected size, resident, shared, text, lib, data or dt",
		   shown(c->argv[1]));
}
