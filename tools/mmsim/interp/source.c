// SPDX-License-Identifier: GPL-2.0
/*
 * source.c - where the interpreter's lines come from: a scenario file, a
 * pipe, or a person at a terminal (through libedit when the build has
 * it and it loads, else a plain prompt).
 *
 * Reading is bounded: a line holds at most LINE_MAX_BYTES bytes before
 * its newline.  A longer line is not read further (a file of zeroes or
 * an endless pipe cannot make the interpreter grow); the caller reports
 * it as malformed.  Only a terminal, which always ends its lines, has the
 * rest of such a line skipped so that the session can go on.
 */
#include <stdlib.h>
#include <string.h>

#include "interp_int.h"
#include "source.h"

#include "editline.h"

void src_init(struct src *s, FILE *f, enum src_mode mode)
{
	memset(s, 0, sizeof(*s));
	s->f = f;
	s->mode = mode;
#ifdef HAVE_LIBEDIT
	/* libedit is opened only now, and a terminal without it still works */
	if (s->mode == SRC_EDIT && !editline_load()) {
		fprintf(stderr, "mmsim: no line editing: %s\n", editline_error());
		s->mode = SRC_PROMPT;
	}
#else
	if (s->mode == SRC_EDIT)
		s->mode = SRC_PROMPT;
#endif
}

void src_free(struct src *s)
{
	free(s->pushed);
	s->pushed = NULL;
	free(s->buf);
	s->buf = NULL;
}

void src_push(struct src *s, char *line)
{
	free(s->pushed);
	s->pushed = line;
	s->pushed_nul = s->nul;
	s->pushed_toolong = s->toolong;
}

/* Skip to the end of the current line (terminals only). */
static void skip_rest(FILE *f)
{
	int c;

	while ((c = getc(f)) != EOF && c != '\n')
		;
}

/*
 * One line from @f: at most LINE_MAX_BYTES bytes, or NULL at the end.
 * Read into the source's buffer, returned as a copy of its own length
 * (a 4 KiB allocation freed every line cost more than the line).
 */
static char *read_bounded(struct src *s)
{
	char *buf = s->buf ? s->buf : (s->buf = xrealloc(NULL, LINE_MAX_BYTES + 2));
	size_t n = 0;
	int c = EOF;

	/* the interpreter is the stream's one reader: no lock per byte */
	while (n <= LINE_MAX_BYTES && (c = getc_unlocked(s->f)) != EOF && c != '\n') {
		if (!c)
			s->nul = true;
		buf[n++] = c;
	}
	if (!n && c == EOF)
		return NULL;
	if (n > LINE_MAX_BYTES) {
		s->toolong = true;
		n = LINE_MAX_BYTES;
		if (s->mode == SRC_PROMPT)
			skip_rest(s->f);
	}
	buf[n] = '\0';
	return memcpy(xrealloc(NULL, n + 1), buf, n + 1);
}

#ifdef HAVE_LIBEDIT
static char *read_edit(struct src *s, const char *prompt)
{
	char *l = el.readline(prompt);

	if (!l)
		return NULL;
	if (strlen(l) > LINE_MAX_BYTES) {
		s->toolong = true;
		l[LINE_MAX_BYTES] = '\0';
	}
	if (l[strspn(l, " \t")])
		el.add_history(l);
	return l;
}
#endif

char *src_get(struct src *s, const char *prompt)
{
	char *l;

	s->nul = s->toolong = false;
	if (s->pushed) {
		l = s->pushed;
		s->pushed = NULL;
		s->nul = s->pushed_nul;
		s->toolong = s->pushed_toolong;
		return l;
	}
#ifdef HAVE_LIBEDIT
	if (s->mode == SRC_EDIT) {
		l = read_edit(s, prompt);
		if (l)
			s->lineno++;
		return l;
	}
#endif
	if (s->mode == SRC_PROMPT) {
		fputs(prompt, stdout);
		fflush(stdout);
	}
	l = read_bounded(s);
	if (l)
		s->lineno++;
	return l;
}
