// SPDX-License-Identifier: GPL-2.0
/*
 * scengen_names.c - which generated names a scenario has bound, line by
 * line, and the repair that keeps a mutated scenario's names bound:
 * shared by the libFuzzer mutator (tools/fuzz/mutator.c) and `mmsim
 * difffuzz` (its name pools).
 *
 * The interpreter refuses a line that uses a mapping, process, file or
 * pin name nothing bound (`unknown name a`) or opens one still open
 * (`file f is already open`) as malformed, and stops there.  These rules
 * follow the interpreter's name spaces (symtab.c): mmap and mremap's as=
 * bind mappings (and may rebind them); fork binds a process until it
 * exits or is killed; memfd, memfd_secret, file, open, reopen and pidfd
 * open a file until close; pin takes a pin until unpin or its process
 * ends.  They cannot know that a command fails at run time and so binds
 * nothing: that is for the model to say.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scengen.h"

/* The generator's pools (scengen.c), by kind; main is process 0. */
static const char *const pools[GK_NR][GEN_POOL_MAX] = {
	[GK_ADDR] = { "a", "b", "c", "d" },
	[GK_PIN] = { "p", "q" },
	[GK_PROC] = { "main", "child", "c2" },
	[GK_FILE] = { "f", "g2" },
};

int gen_pool_index(enum gen_kind k, const char *s, size_t len)
{
	for (int i = 0; i < GEN_POOL_MAX && pools[k][i]; i++)
		if (strlen(pools[k][i]) == len && !strncmp(pools[k][i], s, len))
			return i;
	return -1;
}

const char *gen_pool_name(enum gen_kind k, int i)
{
	return i >= 0 && i < GEN_POOL_MAX ? pools[k][i] : NULL;
}

/* The kind of pool name @s (@len chars), or GK_NONE. */
static enum gen_kind pool_kind(const char *s, size_t len)
{
	for (int k = GK_ADDR; k < GK_NR; k++)
		if (k != GK_PROC && gen_pool_index(k, s, len) >= 0)
			return k;
	return GK_NONE;
}

/* The kind of name the first argument of @cmd opens, or GK_NONE. */
static enum gen_kind binds_kind(const char *cmd)
{
	static const char *const files[] = {
		"memfd", "memfd_secret", "file", "open", "reopen", "pidfd",
	};

	if (!strcmp(cmd, "mmap"))
		return GK_ADDR;
	if (!strcmp(cmd, "pin"))
		return GK_PIN;
	if (!strcmp(cmd, "fork"))
		return GK_PROC;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		if (!strcmp(cmd, files[i]))
			return GK_FILE;
	return GK_NONE;
}

/* Process @p ends: its pins go with it. */
static void proc_ends(struct gen_names *b, int p)
{
	if (p <= 0)
		return;
	b->live[GK_PROC] &= ~(1u << p);
	for (int i = 0; i < GEN_POOL_MAX; i++)
		if (b->pin_owner[i] == p)
			b->live[GK_PIN] &= ~(1u << i);
}

static bool fault(struct gen_fault *f, const char *tok, size_t len,
		  enum gen_kind k, bool open)
{
	*f = (struct gen_fault){ .tok = tok, .len = len, .kind = k, .open = open };
	return false;
}

/*
 * gen_names_step - whether every name @line uses is bound in @b, and none
 * it opens is open; if so, apply what it binds and unbinds to @b.  @last:
 * @line is the scenario's last, so main may end there (exit, kill @main).
 * Return: true if so; false with @f saying which token is wrong (@f->tok
 * NULL: the line cannot be kept, e.g. main's own exit before the end).
 */
bool gen_names_step(struct gen_names *b, const char *line, bool last,
		    struct gen_fault *f)
{
	struct gen_names nb = *b;
	char cmd[32] = "";
	int proc = 0, arg = -1;

	for (const char *t = line; *t; ) {
		size_t len = strcspn(t, " ");
		const char *eq = memchr(t, '=', len), *v = eq ? eq + 1 : t;
		size_t vlen = len - (v - t), name = strcspn(v, " +-");
		enum gen_kind k;
		int i;

		if (*v == '@') {		/* @P: a live process */
			i = gen_pool_index(GK_PROC, v + 1, vlen - 1);
			if (i > 0 && !(nb.live[GK_PROC] & (1u << i)))
				return fault(f, v + 1, vlen - 1, GK_PROC, false);
			if (arg < 0)
				proc = i < 0 ? 0 : i;
			else if (!strcmp(cmd, "kill") && i == 0 && !last)
				return fault(f, NULL, 0, GK_NONE, false);
			else if (!strcmp(cmd, "kill"))
				proc_ends(&nb, i);
			if (arg < 0) {
				t += len + strspn(t + len, " ");
				continue;
			}
			goto next;
		}
		if (arg < 0) {
			snprintf(cmd, sizeof(cmd), "%.*s", (int)len, t);
			goto next;
		}
		k = arg == 0 && !eq ? binds_kind(cmd) : GK_NONE;
		if (k == GK_NONE && eq && !strncmp(t, "as=", 3))
			k = GK_ADDR;
		if (k != GK_NONE) {		/* opens a name of kind k */
			i = gen_pool_index(k, v, vlen);
			if (i < 0)
				goto next;
			if (k != GK_ADDR && (nb.live[k] & (1u << i)))
				return fault(f, v, vlen, k, true);
			nb.live[k] |= 1u << i;
			if (k == GK_PIN)
				nb.pin_owner[i] = proc;
			goto next;
		}
		k = arg == 0 && !strcmp(cmd, "unpin") ? GK_PIN :
		    arg == 0 && !strcmp(cmd, "close") ? GK_FILE :
		    pool_kind(v, name);
		i = k == GK_NONE ? -1 :
		    gen_pool_index(k, v, k == GK_ADDR ? name : vlen);
		if (i < 0)
			goto next;
		if (!(nb.live[k] & (1u << i)))
			return fault(f, v, k == GK_ADDR ? name : vlen, k, false);
		if (arg == 0 && (!strcmp(cmd, "unpin") || !strcmp(cmd, "close")))
			nb.live[k] &= ~(1u << i);
next:
		arg++;
		t += len;
		t += strspn(t, " ");
	}
	if (!strcmp(cmd, "exit")) {
		if (proc == 0 && !last)
			return fault(f, NULL, 0, GK_NONE, false);
		proc_ends(&nb, proc);
	}
	*b = nb;
	return true;
}

/* @line with @f's token replaced by @name. */
static char *renamed(const char *line, const struct gen_fault *f, const char *name)
{
	size_t at = f->tok - line, n = strlen(line) - at - f->len;
	char *s = malloc(at + strlen(name) + n + 1);

	if (s)
		sprintf(s, "%.*s%s%s", (int)at, line, name, f->tok + f->len);
	return s;
}

/* A pool name of kind @k, bound (@bound) or not, other than main; or NULL. */
static const char *pick(struct gen *g, const struct gen_names *b,
			enum gen_kind k, bool bound)
{
	const char *v[GEN_POOL_MAX];
	int n = 0;

	for (int i = k == GK_PROC; i < GEN_POOL_MAX && pools[k][i]; i++)
		if (!!(b->live[k] & (1u << i)) == bound)
			v[n++] = pools[k][i];
	return n ? v[gen_rnd(g) % n] : NULL;
}

/* A line that binds @name of kind @k, and does so whenever it runs. */
static char *binding(struct gen *g, enum gen_kind k, const char *name)
{
	/* small and unpopulated: a repair must not make the run slower */
	static const char *const lens[] = { "1p", "2p", "4p", "16p" };
	static const char *const types[] = { "private", "shared" };
	char line[96];

	switch (k) {
	case GK_ADDR:
		snprintf(line, sizeof(line), "mmap %s %s rw- %s", name,
			 lens[gen_rnd(g) % 4], types[gen_rnd(g) % 2]);
		break;
	case GK_PIN:	/* its mapping, if unbound, is the next repair */
		snprintf(line, sizeof(line), "pin %s %s 1p", name,
			 pools[GK_ADDR][gen_rnd(g) % 4]);
		break;
	case GK_PROC:
		snprintf(line, sizeof(line), "fork %s", name);
		break;
	case GK_FILE:
		snprintf(line, sizeof(line), "%s %s %s", gen_rnd(g) % 2 ? "memfd" : "file",
			 name, lens[gen_rnd(g) % 3]);
		break;
	default:
		return NULL;
	}
	return strdup(line);
}

/* The repair of line @i by @f: true if @v changed, false to drop the line. */
static bool repair(struct gen *g, const struct gen_names *b, char **v, int *n,
		   int max, int i, const struct gen_fault *f, int *budget)
{
	char name[16], *s;
	const char *other;

	if (!f->tok || f->kind == GK_NONE || f->len >= sizeof(name) || --*budget < 0)
		return false;
	snprintf(name, sizeof(name), "%.*s", (int)f->len, f->tok);
	other = pick(g, b, f->kind, !f->open);
	if (other && (f->open || gen_rnd(g) % 4)) {	/* rename */
		s = renamed(v[i], f, other);
		if (!s)
			return false;
		free(v[i]);
		v[i] = s;
		return true;
	}
	if (f->open || *n >= max || !(s = binding(g, f->kind, name)))
		return false;
	memmove(&v[i + 1], &v[i], (*n - i) * sizeof(*v));	/* insert */
	v[i] = s;
	(*n)++;
	return true;
}

/*
 * gen_fix_names - make lines @v[0..*n) bind every name before they use
 * it: an unbound name is renamed to a bound one of its kind or gets a
 * line binding it inserted before its user (at most @max lines in all);
 * a name opened twice is renamed to a free one; a line that cannot be
 * mended is dropped.  Lines are heap strings, freed when replaced.
 */
void gen_fix_names(struct gen *g, char **v, int *n, int max)
{
	struct gen_names b = { .live = { [GK_PROC] = 1 } };
	int budget = 4 * max;

	for (int i = 0; i < *n; i++) {
		struct gen_fault f;

		while (!gen_names_step(&b, v[i], i == *n - 1, &f)) {
			if (!repair(g, &b, v, n, max, i, &f, &budget)) {
				free(v[i]);
				memmove(&v[i], &v[i + 1], (*n - i - 1) * sizeof(*v));
				(*n)--;
				i--;
				break;
			}
		}
	}
}
