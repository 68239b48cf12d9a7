/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lexer.h - the scenario language's lexical layer: one line split into
 * an optional `@PROC` prefix, the command's words, and the expectation
 * after `=>`; and the parsers of the token kinds (integers with size
 * suffixes, protections, comma flags, key=value).  Nothing here knows
 * about names, processes or backends.
 */
#ifndef MMSIM_TOOLS_LEXER_H
#define MMSIM_TOOLS_LEXER_H

#include <stdbool.h>
#include <stdint.h>

#define LEX_MAX_TOKENS	64

/*
 * struct lex_line - one line of a scenario, tokenized in place.
 * @proc:	the `@PROC` prefix without the '@', or NULL
 * @argv:	the command and its arguments (argv[0] is the command)
 * @expect:	the tokens after `=>`
 * @has_expect:	the line has `=>`; with @nexpect == 0 a `|` block follows
 * @block:	the line starts with `|` (a block line; @argv is empty)
 */
struct lex_line {
	const char *proc;
	char *argv[LEX_MAX_TOKENS];
	int argc;
	char *expect[LEX_MAX_TOKENS];
	int nexpect;
	bool has_expect;
	bool block;
};

/* Tokenize @s (modified in place). Returns 0 or -1 with *err set. */
int lex_split(char *s, struct lex_line *l, const char **err);

/*
 * lex_int - an integer: decimal or 0x hex, optional suffix p/k/m/g.
 * Returns 0, or -1 with *err set (bad digit, bad suffix, overflow).
 */
int lex_int(const char *s, uint64_t *out, const char **err);

/* "rw-" -> PROT_READ|PROT_WRITE. Returns 0 or -1. */
int lex_prot(const char *s, unsigned long *prot);

/* "key=value": splits at '=', returns the value or NULL if no '='. */
const char *lex_keyval(const char *tok, const char *key);

/* Is @word one of the comma-separated words of @list? */
bool lex_has_word(const char *list, const char *word);

/* A name: [A-Za-z_][A-Za-z0-9_.]*; returns its length (0 if none). */
int lex_name_len(const char *s);

#endif /* MMSIM_TOOLS_LEXER_H */
