// SPDX-License-Identifier: GPL-2.0
/*
 * util.c - the interpreter's small helpers: allocation that exits on
 * failure (the CLI has nothing sensible to do without memory), and
 * shown(), through which every piece of user input goes before it is
 * printed back: control bytes never reach the terminal raw, and a
 * megabyte-long token is cut to SHOWN_MAX characters.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "interp_int.h"

static void oom(void)
{
	fputs("mmsim: out of memory\n", stderr);
	exit(EXIT_MALFORMED);
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	return strcpy(xrealloc(NULL, strlen(s) + 1), s);
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	return s;
}

const char *shown_max(const char *s, size_t n, size_t max)
{
	static char bufs[4][SHOWN_LINE * 4 + 8];
	static int next;
	char *out = bufs[next++ % 4], *p = out;
	size_t i, chars = 0;

	if (max > SHOWN_LINE)
		max = SHOWN_LINE;
	for (i = 0; i < n && s[i] && chars < max; i++, chars++) {
		unsigned char c = s[i];

		if (c >= 0x20 && c < 0x7f) {
			*p++ = c;
		} else {
			static const char hex[] = "0123456789abcdef";

			*p++ = '\\';
			*p++ = 'x';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
	}
	if (i < n && s[i])
		p = stpcpy(p, "...");
	*p = '\0';
	return out;
}

const char *shown_n(const char *s, size_t n)
{
	return shown_max(s, n, SHOWN_MAX);
}

const char *shown(const char *s)
{
	return shown_max(s, (size_t)-1, SHOWN_MAX);
}
