// SPDX-License-Identifier: GPL-2.0
/*
 * expect.c - judging results: an expectation against a result (bytes
 * compare as numbers, word sets as sets, the rest as text with blanks
 * collapsed), two backends' results against each other, and the
 * unified-style line diff diff prints for maps.
 */
#include <stdlib.h>
#include <string.h>

#include "interp_int.h"

static int word_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Split @s into sorted unique words (in @copy, which the caller frees). */
static int word_set(const char *s, char **copy, char ***words)
{
	char *p, *tok, *save;
	int n = 0, m = 0;

	*copy = xstrdup(s);
	*words = NULL;
	for (p = *copy; (tok = strtok_r(p, " \t\n", &save)); p = NULL) {
		*words = xrealloc(*words, (n + 1) * sizeof(char *));
		(*words)[n++] = tok;
	}
	if (n)
		qsort(*words, n, sizeof(char *), word_cmp);
	for (int i = 0; i < n; i++)
		if (!m || strcmp((*words)[m - 1], (*words)[i]))
			(*words)[m++] = (*words)[i];
	return m;
}

static bool set_equal(const char *a, const char *b)
{
	char *ca, *cb, **wa, **wb;
	int na = word_set(a, &ca, &wa), nb = word_set(b, &cb, &wb);
	bool eq = na == nb;

	for (int i = 0; eq && i < na; i++)
		eq = !strcmp(wa[i], wb[i]);
	free(ca);
	free(cb);
	free(wa);
	free(wb);
	return eq;
}

/* Does @expected (blank-normalized) describe result @r? */
/* Lines compare with blanks collapsed, as the expectation's were read. */
static bool lines_equal(const char *text, const char *expected)
{
	char *norm = xstrdup("");
	size_t len = 0;
	bool eq;

	for (const char *l = text; *l; ) {
		size_t n = strcspn(l, "\n");

		append_line(&norm, &len, l, n);
		l += n + (l[n] == '\n');
	}
	eq = !strcmp(norm, expected);
	free(norm);
	return eq;
}

/* The line of a one-line block (`CMD =>` then one `|` line), else NULL. */
static char *one_line_block(const char *expected)
{
	size_t n = strlen(expected);

	if (!n || expected[n - 1] != '\n' || memchr(expected, '\n', n - 1))
		return NULL;
	return xasprintf("%.*s", (int)(n - 1), expected);
}

bool result_matches(const struct result *r, const char *expected)
{
	char *line = r->kind != RK_LINES ? one_line_block(expected) : NULL;
	uint64_t v;
	const char *err;

	if (line) {	/* a one-line result may be written as a block */
		bool eq = result_matches(r, line);

		free(line);
		return eq;
	}
	switch (r->kind) {
	case RK_BYTE:
		if (!lex_int(expected, &v, &err))
			return v == r->value;
		break;
	case RK_SET:
		return set_equal(r->text, expected);
	case RK_LINES:
		return lines_equal(r->text, expected);
	default:
		break;
	}
	return !strcmp(r->text, expected);
}

bool results_agree(const struct result *a, const struct result *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind == RK_SET)
		return set_equal(a->text, b->text);
	return !strcmp(a->text, b->text);
}

static int split_lines(const char *text, const char ***lines, int **len)
{
	int n = 0;

	*lines = NULL;
	*len = NULL;
	for (const char *l = text; *l; n++) {
		int k = strcspn(l, "\n");

		*lines = xrealloc(*lines, (n + 1) * sizeof(**lines));
		*len = xrealloc(*len, (n + 1) * sizeof(**len));
		(*lines)[n] = l;
		(*len)[n] = k;
		l += k + (l[k] == '\n');
	}
	return n;
}

static bool line_eq(const char *a, int na, const char *b, int nb)
{
	return na == nb && !strncmp(a, b, na);
}

/* A unified-style diff of two line results: LCS, whole file as context. */
void print_line_diff(FILE *out, const char *a, const char *b)
{
	const char **la, **lb;
	int *lena, *lenb, na = split_lines(a, &la, &lena);
	int nb = split_lines(b, &lb, &lenb), i, j;
	int *t = xrealloc(NULL, (size_t)(na + 1) * (nb + 1) * sizeof(int));

#define T(x, y) t[(x) * (nb + 1) + (y)]
	for (i = na; i >= 0; i--) {
		for (j = nb; j >= 0; j--) {
			if (i == na || j == nb)
				T(i, j) = 0;
			else if (line_eq(la[i], lena[i], lb[j], lenb[j]))
				T(i, j) = T(i + 1, j + 1) + 1;
			else
				T(i, j) = T(i + 1, j) > T(i, j + 1) ?
					  T(i + 1, j) : T(i, j + 1);
		}
	}
	fprintf(out, "--- native\n+++ model\n");
	for (i = 0, j = 0; i < na || j < nb; ) {
		if (i < na && j < nb && line_eq(la[i], lena[i], lb[j], lenb[j])) {
			fprintf(out, " %.*s\n", lena[i], la[i]);
			i++, j++;
		} else if (j == nb || (i < na && T(i + 1, j) >= T(i, j + 1))) {
			fprintf(out, "-%.*s\n", lena[i], la[i]);
			i++;
		} else {
			fprintf(out, "+%.*s\n", lenb[j], lb[j]);
			j++;
		}
	}
#undef T
	free(t);
	free(la);
	free(lb);
	free(lena);
	free(lenb);
}

void print_expected(FILE *out, const char *exp, bool block)
{
	size_t first = strcspn(exp, "\n");

	if (!block && (!exp[first] || !exp[first + 1])) {	/* one line */
		if (*exp)
			fprintf(out, "%.*s", (int)first, exp);
		else	/* `=>` ending the line, no `|` line after it */
			fputs("(no lines)", out);
		return;
	}
	fprintf(out, "\n%s", *exp ? "" : "(no lines)\n");
	for (const char *l = exp; *l; ) {
		size_t n = strcspn(l, "\n");

		fprintf(out, "| %.*s\n", (int)n, l);
		l += n + (l[n] == '\n');
	}
}

