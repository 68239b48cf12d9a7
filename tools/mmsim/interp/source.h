/* SPDX-License-Identifier: GPL-2.0 */
/*
 * source.h - the line source of the interpreter (source.c).
 */
#ifndef MMSIM_TOOLS_SOURCE_H
#define MMSIM_TOOLS_SOURCE_H

#include <stdbool.h>
#include <stdio.h>

/* The longest line, in bytes before its newline (docs/scenarios.md). */
#define LINE_MAX_BYTES	4096

enum src_mode {
	SRC_FILE,	/* a scenario: no prompt; a long line ends the run */
	SRC_PIPE,	/* commands piped in: no prompt */
	SRC_PROMPT,	/* a terminal without libedit: a plain prompt */
	SRC_EDIT,	/* a terminal with libedit: editing, history */
};

struct src {
	FILE *f;
	enum src_mode mode;
	char *pushed;		/* a line read ahead, to be returned next */
	bool pushed_nul, pushed_toolong;
	int lineno;
	bool nul;		/* the line just read held a NUL byte */
	bool toolong;		/* ... was longer than LINE_MAX_BYTES */
	char *buf;		/* LINE_MAX_BYTES + 2 bytes lines are read into */
};

void src_init(struct src *s, FILE *f, enum src_mode mode);
/* The next line (malloc'd, without its newline), or NULL at the end. */
char *src_get(struct src *s, const char *prompt);
/* Return @line (malloc'd) to be read again. */
void src_push(struct src *s, char *line);
void src_free(struct src *s);

#endif /* MMSIM_TOOLS_SOURCE_H */
