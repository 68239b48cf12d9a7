// SPDX-License-Identifier: GPL-2.0
/*
 * xmlcheck.c - is each FILE well-formed XML?  Enough of XML 1.0 for the
 * pictures mmsim draws, checked strictly: one root element, every tag
 * closed in order, attributes quoted and not repeated, only the five
 * predefined entities and character references, no '<' or raw '&' in
 * text or values, comments and processing instructions closed.  No DTD.
 * Prints FILE:LINE: reason for the first error of each bad file; exit 1
 * if any is bad.  (make test runs xmllint as well where it is installed.)
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH	256
#define MAX_NAME	64
#define MAX_ATTRS	64

struct doc {
	const char *s, *p, *file;
	const char *err;
};

static int line_of(const struct doc *d)
{
	int n = 1;

	for (const char *q = d->s; q < d->p; q++)
		n += *q == '\n';
	return n;
}

static int fail(struct doc *d, const char *why)
{
	if (!d->err)
		d->err = why;
	return -1;
}

static bool name_start(int c)
{
	return isalpha(c) || c == '_' || c == ':';
}

static int name(struct doc *d, char *out)
{
	int n = 0;

	if (!name_start((unsigned char)*d->p))
		return fail(d, "expected a name");
	while (isalnum((unsigned char)*d->p) || strchr("_:.-", *d->p)) {
		if (n == MAX_NAME - 1)
			return fail(d, "name too long");
		out[n++] = *d->p++;
	}
	out[n] = '\0';
	return 0;
}

static void blanks(struct doc *d)
{
	while (*d->p == ' ' || *d->p == '\t' || *d->p == '\n' || *d->p == '\r')
		d->p++;
}

/* &name; or &#N; or &#xN; */
static int entity(struct doc *d)
{
	static const char *const ok[] = { "amp;", "lt;", "gt;", "quot;", "apos;" };

	d->p++;
	if (*d->p == '#') {
		const char *q = ++d->p;

		if (*q == 'x')
			for (q++; isxdigit((unsigned char)*q); q++)
				;
		else
			while (isdigit((unsigned char)*q))
				q++;
		if (q == d->p || (q == d->p + 1 && *d->p == 'x') || *q != ';')
			return fail(d, "bad character reference");
		d->p = q + 1;
		return 0;
	}
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		if (!strncmp(d->p, ok[i], strlen(ok[i]))) {
			d->p += strlen(ok[i]);
			return 0;
		}
	}
	return fail(d, "unknown entity or raw '&'");
}

/* Text up to the next '<' (or the end). */
static int text(struct doc *d)
{
	while (*d->p && *d->p != '<') {
		if (*d->p == '&') {
			if (entity(d))
				return -1;
		} else if (*d->p == '>' && d->p[-1] == ']' && d->p[-2] == ']') {
			return fail(d, "']]>' in text");
		} else {
			d->p++;
		}
	}
	return 0;
}

/* <!-- ... --> or <? ... ?> */
static int skip_until(struct doc *d, const char *end, const char *why)
{
	const char *q = strstr(d->p, end);

	if (!q)
		return fail(d, why);
	d->p = q + strlen(end);
	return 0;
}

/* The attributes of a start tag, up to '>' or '/>'. */
static int attributes(struct doc *d)
{
	char names[MAX_ATTRS][MAX_NAME];
	int n = 0;

	for (;;) {
		char quote;

		blanks(d);
		if (*d->p == '>' || (d->p[0] == '/' && d->p[1] == '>'))
			return 0;
		if (n == MAX_ATTRS || name(d, names[n]))
			return fail(d, "bad attribute");
		for (int i = 0; i < n; i++)
			if (!strcmp(names[i], names[n]))
				return fail(d, "repeated attribute");
		n++;
		blanks(d);
		if (*d->p++ != '=')
			return fail(d, "expected '=' after an attribute name");
		blanks(d);
		quote = *d->p++;
		if (quote != '"' && quote != '\'')
			return fail(d, "attribute value not quoted");
		while (*d->p && *d->p != quote) {
			if (*d->p == '<')
				return fail(d, "'<' in an attribute value");
			if (*d->p == '&' ? entity(d) : (d->p++, 0))
				return -1;
		}
		if (*d->p++ != quote)
			return fail(d, "unterminated attribute value");
		if (!strchr(" \t\r\n/>", *d->p))
			return fail(d, "no blank between attributes");
	}
}

static int check(struct doc *d)
{
	char stack[MAX_DEPTH][MAX_NAME], tag[MAX_NAME];
	int depth = 0, roots = 0;

	if (!strncmp(d->p, "<?xml", 5) && skip_until(d, "?>", "unterminated XML declaration"))
		return -1;
	for (;;) {
		if (depth ? text(d) : (blanks(d), 0))
			return -1;
		if (!*d->p)
			break;
		if (*d->p != '<')
			return fail(d, "text outside the root element");
		if (!strncmp(d->p, "<!--", 4)) {
			if (skip_until(d, "-->", "unterminated comment"))
				return -1;
		} else if (!strncmp(d->p, "<?", 2)) {
			if (skip_until(d, "?>", "unterminated processing instruction"))
				return -1;
		} else if (!strncmp(d->p, "<!", 2)) {
			return fail(d, "DTD or CDATA not supported");
		} else if (d->p[1] == '/') {
			d->p += 2;
			if (name(d, tag))
				return -1;
			blanks(d);
			if (*d->p++ != '>')
				return fail(d, "expected '>' in an end tag");
			if (!depth || strcmp(stack[depth - 1], tag))
				return fail(d, "end tag does not match the open element");
			depth--;
		} else {
			d->p++;
			if (!depth && roots++)
				return fail(d, "more than one root element");
			if (depth == MAX_DEPTH || name(d, stack[depth]) || attributes(d))
				return fail(d, "bad start tag");
			if (*d->p == '/')
				d->p += 2;
			else
				depth++, d->p++;
		}
	}
	if (depth)
		return fail(d, "element not closed at the end");
	if (!roots)
		return fail(d, "no root element");
	return 0;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f)
		return NULL;
	do {
		if (len + 4096 + 1 > cap)
			buf = realloc(buf, cap = 2 * cap + 8192);
		if (!buf)
			break;
		n = fread(buf + len, 1, 4096, f);
		len += n;
	} while (n);
	fclose(f);
	if (buf) {
		buf[len] = '\0';
		if (strlen(buf) != len) {
			free(buf);
			return NULL;
		}
	}
	return buf;
}

int main(int argc, char **argv)
{
	int bad = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: xmlcheck FILE...\n");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		struct doc d = { .file = argv[i] };
		char *buf = slurp(argv[i]);

		if (!buf) {
			fprintf(stderr, "%s: cannot read (or holds a NUL byte)\n", argv[i]);
			bad = 1;
			continue;
		}
		d.s = d.p = buf;
		if (check(&d)) {
			fprintf(stderr, "%s:%d: %s\n", argv[i], line_of(&d), d.err);
			bad = 1;
		}
		free(buf);
	}
	return bad;
}
