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
 * interpreter's command table by interp/scengen.c, which `mmsim
 * difffuzz` shares, and every mutation but the bytewise one ends by
 * binding the names its lines use (gen_fix_names()).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp/interp_int.h"
#include "interp/scengen.h"

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size,
			       unsigned int seed);
size_t LLVMFuzzerCustomCrossOver(const uint8_t *d1, size_t s1,
				 const uint8_t *d2, size_t s2, uint8_t *out,
				 size_t max_out, unsigned int seed);

/*
 * Inputs whose names are bound run to their end: 32 lines keeps a run's
 * cost (and libFuzzer's per-feature bookkeeping) near what 64 lines cost
 * when one input in four stopped early.
 */
#define MAX_LINES	32
#define LINE_MAX	192

static uint32_t rnd(struct gen *g)
{
	return gen_rnd(g);
}

#define PICK(g, v) ((v)[rnd(g) % (sizeof(v) / sizeof((v)[0]))])

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
				gen_name(&sub);
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

/*
 * Keep every name a line uses bound by an earlier line (scengen_names.c):
 * without it an inserted, deleted or spliced line leaves about one input
 * in eight stopping at `unknown name a`.  Lines lost to a failed strdup
 * are dropped first.
 */
static void bind_names(struct gen *g, struct lines *l)
{
	int n = 0;

	for (int i = 0; i < l->n; i++)
		if (l->v[i])
			l->v[n++] = l->v[i];
	l->n = n;
	gen_fix_names(g, l->v, &l->n, MAX_LINES);
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
	bind_names(&g, &l);
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
	bind_names(&g, &c);
	return join(&c, out, max_out);
}
