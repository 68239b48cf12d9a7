// SPDX-License-Identifier: GPL-2.0
/*
 * mutator.c - a structure-aware mutator for the interpreter fuzzer, so
 * that most executions run real commands rather than stop at the first
 * malformed line.
 *
 * Inputs are scenarios: lines of commands.  A mutation works on whole
 * lines - insert a generated command, replace or delete a line, swap
 * two, regenerate one argument - and only now and then hands the bytes
 * to libFuzzer's own mutator, which keeps the lexer and the
 * malformed-input paths covered.  Commands are generated from the
 * interpreter's command table (commands.h): each usage string
 * ("mmap NAME LEN PROT FLAGS [file=F] [off=N] [at=ADDR]") is read token
 * by token, optional parts included half the time, alternatives
 * ("r|w") picked, and each argument class (NAME, ADDR, LEN, PROT, ...)
 * drawn from small pools of names and of sizes around page, table and
 * huge-page boundaries, so that generated commands keep meeting the
 * same few mappings, files, pins and processes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp/interp_int.h"

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
			       unsigned int seed);
size_t LLVMFuzzerCustomCrossOver(const uint8_t *d1, size_t s1,
				 const uint8_t *d2, size_t s2, uint8_t *out,
				 size_t max_out, unsigned int seed);

#define MAX_LINES	64
#define LINE_MAX	192

struct gen {
	uint64_t state;
	char *p, *end;		/* output line being built */
};

static uint32_t rnd(struct gen *g)
{
	g->state ^= g->state << 13;
	g->state ^= g->state >> 7;
	g->state ^= g->state << 17;
	return (uint32_t)(g->state >> 16);
}

#define PICK(g, v) ((v)[rnd(g) % (sizeof(v) / sizeof((v)[0]))])

static void put(struct gen *g, const char *s)
{
	size_t n = strlen(s);

	if (n > (size_t)(g->end - g->p))
		n = g->end - g->p;
	memcpy(g->p, s, n);
	g->p += n;
}

static void putf(struct gen *g, const char *fmt, unsigned long v)
{
	char buf[64];

	snprintf(buf, sizeof(buf), fmt, v);
	put(g, buf);
}

static const char *const addr_names[] = { "a", "b", "c", "d" };
static const char *const pin_names[] = { "p", "q" };
static const char *const gup_names[] = { "g", "h" };
static const char *const proc_names[] = { "child", "c2" };
static const char *const files[] = { "f", "g2" };
static const char *const lens[] = {
	"1", "4096", "1p", "1p", "2p", "3p", "4p", "8p", "16p", "17p",
	"64p", "511p", "512p", "513p", "1m", "2m", "4m", "0", "4097", "6p",
};
static const char *const offsets[] = {
	"", "", "+1p", "+2p", "+3p", "-1p", "+4095", "+1", "+2m", "+512p",
};
static const char *const prots[] = { "rw-", "r--", "---", "rwx", "-w-", "r-x" };
static const char *const types[] = { "private", "private", "shared", "shared_validate", "droppable" };
static const char *const extras[] = { "populate", "noreserve", "locked", "fixed", "noreplace" };
static const char *const advices[] = {
	"dontneed", "dontfork", "dofork", "wipeonfork", "keeponfork",
	"willneed", "normal", "random", "sequential", "hugepage",
	"nohugepage", "populate_read", "populate_write", "guard_install",
	"guard_remove", "collapse", "free", "cold", "pageout",
};
static const char *const devices[] = { "zero", "perf", "mem", "bar", "kbuf", "fbdefio" };
static const char *const dev_opts[] = {
	"pages=1", "pages=4", "pages=8", "kmemfb=on", "kmemfb=off",
	"notify=on", "hook=prepare", "cache=wc", "cache=uc", "size=4m",
	"size=2m", "design=legacy", "design=mixedmap", "design=pfnmap",
};
static const char *const fields[] = {
	"Rss", "Pss", "VmFlags", "Anonymous", "Size", "Private_Dirty",
	"Shared_Clean", "Locked", "Referenced", "AnonHugePages", "THPeligible",
};
static const char *const profiles[] = {
	"zero_page=on", "zero_page=off", "soft_dirty=on", "soft_dirty=off",
	"max_map_count=8", "max_map_count=65530",
	"thp=always", "thp=madvise", "thp=never", "thp_zero_page=off",
	"thp_2048k=never", "thp_16k=always", "thp_64k=inherit",
	"thp_max_ptes_none=0", "thp_shrink_underused=on",
};
static const char *const designs[] = {
	"pins=bias", "pins=shadow", "pins=pmd", "historic=current",
	"walk=kernel", "walk=early-reject",
	"perf=pfnmap", "perf=legacy", "perf=mixedmap", "pat=vma-ctx",
	"pat=global",
};

static void gen_len(struct gen *g)
{
	put(g, PICK(g, lens));
}

static void gen_addr(struct gen *g)
{
	unsigned int r = rnd(g) % 10;

	if (r < 7) {
		put(g, PICK(g, addr_names));
		put(g, PICK(g, offsets));
	} else if (r < 9) {
		putf(g, "0x%lx", 0x100000000000UL + (rnd(g) % 8) * (1UL << 30) +
		     (rnd(g) % 8) * 4096);
	} else {
		put(g, rnd(g) % 2 ? "0" : "0x7ffffffff000");
	}
}

static void gen_flags(struct gen *g)
{
	put(g, PICK(g, types));
	for (int i = rnd(g) % 3; i > 0; i--) {
		put(g, ",");
		put(g, PICK(g, extras));
	}
}

/* One argument of class @cls (a usage token) of command @cmd. */
static void gen_class(struct gen *g, const char *cmd, const char *cls)
{
	if (!strcmp(cls, "NAME")) {
		if (!strcmp(cmd, "fork"))
			put(g, PICK(g, proc_names));
		else if (!strncmp(cmd, "pin", 3) || !strcmp(cmd, "unpin"))
			put(g, PICK(g, pin_names));
		else if (!strncmp(cmd, "gup", 3))
			put(g, PICK(g, gup_names));
		else
			put(g, PICK(g, addr_names));
	} else if (!strcmp(cls, "ADDR") || !strcmp(cls, "ADDR2")) {
		gen_addr(g);
	} else if (strstr(cls, "LEN") || !strcmp(cls, "SIZE") ||
		   !strcmp(cls, "OFF") || !strcmp(cls, "N")) {
		gen_len(g);
	} else if (!strcmp(cls, "PROT")) {
		put(g, PICK(g, prots));
	} else if (!strcmp(cls, "FLAGS")) {
		gen_flags(g);
	} else if (!strcmp(cls, "BYTE")) {
		putf(g, "0x%02lx", rnd(g) % 256);
	} else if (!strcmp(cls, "ADVICE")) {
		put(g, PICK(g, advices));
	} else if (!strcmp(cls, "F")) {
		put(g, PICK(g, files));
	} else if (!strcmp(cls, "DEVICE")) {
		put(g, PICK(g, devices));
	} else if (!strcmp(cls, "FIELD")) {
		put(g, PICK(g, fields));
	} else if (!strcmp(cls, "@P")) {
		put(g, rnd(g) % 2 ? "@main" : "@child");
	} else if (!strcmp(cls, "TYPE")) {
		put(g, rnd(g) % 3 ? "4" : "5");
	} else if (!strcmp(cls, "key=value")) {
		put(g, PICK(g, dev_opts));
	} else if (!strcmp(cls, "KEY=on|off")) {
		put(g, PICK(g, profiles));
	} else if (!strcmp(cls, "KEY=VALUE")) {
		put(g, PICK(g, designs));
	} else if (!strcmp(cls, "ram=SIZE")) {
		put(g, rnd(g) % 2 ? "ram=16m" : "ram=64m");
	} else if (!strcmp(cls, "model|native")) {
		put(g, "model");
	} else if (strchr(cls, '=')) {			/* key=CLASS */
		const char *eq = strchr(cls, '=');

		for (const char *c = cls; c <= eq; c++) {
			char ch[2] = { *c, 0 };

			put(g, ch);
		}
		gen_class(g, cmd, eq + 1);
	} else if (strchr(cls, '|')) {			/* r|w */
		char alt[64];
		int n = 1;
		const char *s = cls;

		for (const char *c = cls; *c; c++)
			n += *c == '|';
		for (int k = rnd(g) % n; k > 0; k--)
			s = strchr(s, '|') + 1;
		snprintf(alt, sizeof(alt), "%.*s", (int)strcspn(s, "|"), s);
		put(g, alt);
	} else {
		put(g, cls);				/* a literal word */
	}
}

/* A command line generated from one usage string. */
static void gen_usage(struct gen *g, const char *usage)
{
	char buf[256], *save, *tok, cmd[32];

	snprintf(buf, sizeof(buf), "%s", usage);
	tok = strtok_r(buf, " ", &save);
	snprintf(cmd, sizeof(cmd), "%s", tok);
	if (strcmp(cmd, "fork") && strcmp(cmd, "machine") && rnd(g) % 6 == 0)
		put(g, rnd(g) % 2 ? "@child " : "@c2 ");
	put(g, cmd);
	while ((tok = strtok_r(NULL, " ", &save))) {
		size_t n = strlen(tok);
		bool opt = tok[0] == '[', more = n > 3 && !strcmp(tok + n - 3, "...");
		int times = 1;

		if (opt && rnd(g) % 2)
			continue;
		if (more) {
			tok[n - 3] = '\0';
			n -= 3;
			times = 1 + rnd(g) % 2;
		}
		if (opt) {
			tok++;
			tok[strcspn(tok, "]")] = '\0';
		}
		while (times--) {
			put(g, " ");
			gen_class(g, cmd, tok);
		}
	}
}

/* A whole command line (no newline) into @line. */
static size_t gen_line(struct gen *g, char *line, size_t size)
{
	const struct command *c;
	size_t n = 0;

	while (command_at(n))
		n++;
	/* weigh the commands that change state, and skip draw */
	do {
		c = command_at(rnd(g) % n);
		if (rnd(g) % 3 == 0) {
			static const char *const busy[] = {
				"mmap", "write", "touch", "fork", "mprotect",
				"munmap", "mremap", "madvise", "pin", "unpin",
			};

			c = find_command(PICK(g, busy));
		}
	} while (!c || !strcmp(c->name, "draw"));
	g->p = line;
	g->end = line + size - 1;
	gen_usage(g, c->usage);
	*g->p = '\0';
	return g->p - line;
}

/* ---- line-level mutation -------------------------------------------- */

struct lines {
	char *v[MAX_LINES + 1];
	int n;
};

static void split(const uint8_t *data, size_t size, struct lines *l)
{
	size_t i = 0;

	l->n = 0;
	while (i < size && l->n < MAX_LINES) {
		size_t j = i;

		while (j < size && data[j] != '\n')
			j++;
		l->v[l->n] = strndup((const char *)data + i, j - i);
		if (!l->v[l->n])
			break;
		l->n++;
		i = j + 1;
	}
}

static size_t join(struct lines *l, uint8_t *out, size_t max)
{
	size_t len = 0;

	for (int i = 0; i < l->n; i++) {
		size_t n = strlen(l->v[i]);

		if (len + n + 1 > max)
			break;
		memcpy(out + len, l->v[i], n);
		len += n;
		out[len++] = '\n';
	}
	for (int i = 0; i < l->n; i++)
		free(l->v[i]);
	return len;
}

static void insert(struct lines *l, int at, char *s)
{
	if (l->n >= MAX_LINES) {
		free(s);
		return;
	}
	memmove(&l->v[at + 1], &l->v[at], (l->n - at) * sizeof(char *));
	l->v[at] = s;
	l->n++;
}

static char *generated(struct gen *g)
{
	char line[LINE_MAX];

	gen_line(g, line, sizeof(line));
	return strdup(line);
}

/* Regenerate one argument of line @s: a number, a name or a word. */
static char *retoken(struct gen *g, const char *s)
{
	char out[LINE_MAX], tok[LINE_MAX], *save;
	char *copy = strdup(s);
	int ntok = 0, which;
	struct gen sub = *g;
	size_t len = 0;

	if (!copy)
		return NULL;
	for (const char *c = s; *c; c++)
		ntok += (c == s || c[-1] == ' ') && *c != ' ';
	which = ntok > 1 ? 1 + rnd(g) % (ntok - 1) : 0;
	out[0] = '\0';
	for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		if (which-- == 0) {
			sub.p = tok;
			sub.end = tok + sizeof(tok) - 1;
			if (!strncmp(t, "0x1000", 6) || strchr(t, '+'))
				gen_addr(&sub);
			else if (t[0] >= '0' && t[0] <= '9')
				gen_len(&sub);
			else
				put(&sub, PICK(g, addr_names));
			*sub.p = '\0';
			t = tok;
		}
		len += snprintf(out + len, sizeof(out) - len, "%s%s", len ? " " : "", t);
		if (len >= sizeof(out))
			break;
	}
	free(copy);
	g->state = sub.state;
	return strdup(out);
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
			       unsigned int seed)
{
	struct gen g = { .state = seed * 0x9e3779b97f4a7c15ULL + 1 };
	struct lines l;
	unsigned int op = rnd(&g) % 100;
	int at;

	if (op < 8)				/* bytes: the lexer's paths */
		return LLVMFuzzerMutate(data, size, max_size);
	split(data, size, &l);
	at = l.n ? (int)(rnd(&g) % l.n) : 0;
	if (!l.n || op < 45) {
		insert(&l, l.n ? (int)(rnd(&g) % (l.n + 1)) : 0, generated(&g));
	} else if (op < 60) {
		free(l.v[at]);
		l.v[at] = generated(&g);
	} else if (op < 72) {
		free(l.v[at]);
		memmove(&l.v[at], &l.v[at + 1], (l.n - at - 1) * sizeof(char *));
		l.n--;
	} else if (op < 82) {
		char *t = l.v[at];
		int other = rnd(&g) % l.n;

		l.v[at] = l.v[other];
		l.v[other] = t;
	} else if (op < 92) {
		char *s = retoken(&g, l.v[at]);

		if (s) {
			free(l.v[at]);
			l.v[at] = s;
		}
	} else {
		insert(&l, at, strdup(l.v[at]));	/* repeat a line */
	}
	for (int i = 0; i < l.n; i++)
		if (!l.v[i])
			l.v[i] = strdup("");
	return join(&l, data, max_size);
}

/* Splice: the first lines of one scenario, the last lines of another. */
size_t LLVMFuzzerCustomCrossOver(const uint8_t *d1, size_t s1,
				 const uint8_t *d2, size_t s2, uint8_t *out,
				 size_t max_out, unsigned int seed)
{
	struct gen g = { .state = seed * 0x9e3779b97f4a7c15ULL + 7 };
	struct lines a, b, c = { .n = 0 };
	int cut_a, cut_b;

	split(d1, s1, &a);
	split(d2, s2, &b);
	cut_a = a.n ? (int)(rnd(&g) % (a.n + 1)) : 0;
	cut_b = b.n ? (int)(rnd(&g) % (b.n + 1)) : 0;
	for (int i = 0; i < a.n; i++) {
		if (i < cut_a && c.n < MAX_LINES)
			c.v[c.n++] = a.v[i];
		else
			free(a.v[i]);
	}
	for (int i = 0; i < b.n; i++) {
		if (i >= cut_b && c.n < MAX_LINES)
			c.v[c.n++] = b.v[i];
		else
			free(b.v[i]);
	}
	return join(&c, out, max_out);
}
