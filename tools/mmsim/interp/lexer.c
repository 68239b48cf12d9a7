// SPDX-License-Identifier: GPL-2.0
/*
 * lexer.c - the scenario language's lexical rules (docs/scenarios.md):
 * one command per line, `#` comments, tokens separated by blanks, an
 * optional `@PROC` prefix, `=> EXPECTED` at the end, `|` block lines,
 * and the token kinds (integers with size suffixes and overflow
 * detection, protections, comma-separated flags, key=value).
 */
#include <ctype.h>
#include <string.h>
#include <sys/mman.h>

#include "lexer.h"

static char *next_token(char **sp)
{
	char *s = *sp, *tok;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	if (!*s)
		return NULL;
	tok = s;
	while (*s && *s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
		s++;
	if (*s)
		*s++ = '\0';
	*sp = s;
	return tok;
}

static void strip_comment(char *s)
{
	char *hash = strchr(s, '#');

	if (hash)
		*hash = '\0';
}

int lex_split(char *s, struct lex_line *l, const char **err)
{
	char *tok;

	memset(l, 0, sizeof(*l));
	strip_comment(s);
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '|') {
		l->block = true;
		return 0;
	}
	while ((tok = next_token(&s))) {
		if (l->has_expect) {
			if (l->nexpect == LEX_MAX_TOKENS)
				goto too_many;
			l->expect[l->nexpect++] = tok;
		} else if (!strcmp(tok, "=>")) {
			l->has_expect = true;
		} else if (tok[0] == '@' && !l->argc && !l->proc) {
			if (!lex_name_len(tok + 1) ||
			    tok[1 + lex_name_len(tok + 1)]) {
				*err = "bad process name after '@'";
				return -1;
			}
			l->proc = tok + 1;
		} else {
			if (l->argc == LEX_MAX_TOKENS)
				goto too_many;
			l->argv[l->argc++] = tok;
		}
	}
	if ((l->proc || l->has_expect) && !l->argc) {
		*err = "missing command";
		return -1;
	}
	return 0;
too_many:
	*err = "too many tokens on one line";
	return -1;
}

static int digit_value(int c, int base)
{
	int v;

	if (c >= '0' && c <= '9')
		v = c - '0';
	else if (c >= 'a' && c <= 'f')
		v = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		v = c - 'A' + 10;
	else
		return -1;
	return v < base ? v : -1;
}

static int suffix_shift(const char *s)
{
	if (!s[0])
		return 0;
	if (s[1])
		return -1;
	switch (s[0]) {
	case 'p': return 12;
	case 'k': return 10;
	case 'm': return 20;
	case 'g': return 30;
	}
	return -1;
}

int lex_int(const char *s, uint64_t *out, const char **err)
{
	uint64_t v = 0;
	int base = 10, shift, d, n = 0;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	for (; (d = digit_value(*s, base)) >= 0; s++, n++) {
		if (__builtin_mul_overflow(v, (uint64_t)base, &v) ||
		    __builtin_add_overflow(v, (uint64_t)d, &v))
			goto overflow;
	}
	if (!n) {
		*err = "bad integer";
		return -1;
	}
	shift = suffix_shift(s);
	if (shift < 0) {
		*err = "bad integer suffix (p, k, m or g)";
		return -1;
	}
	if (shift && (v >> (64 - shift)))
		goto overflow;
	*out = v << shift;
	return 0;
overflow:
	*err = "integer overflow";
	return -1;
}

int lex_prot(const char *s, unsigned long *prot)
{
	static const char letters[] = "rwx";
	static const unsigned long bits[] = { PROT_READ, PROT_WRITE, PROT_EXEC };
	unsigned long p = 0;

	if (strlen(s) != 3)
		return -1;
	for (int i = 0; i < 3; i++) {
		if (s[i] == letters[i])
			p |= bits[i];
		else if (s[i] != '-')
			return -1;
	}
	*prot = p;
	return 0;
}

const char *lex_keyval(const char *tok, const char *key)
{
	size_t n = strlen(key);

	if (strncmp(tok, key, n) || tok[n] != '=')
		return NULL;
	return tok + n + 1;
}

bool lex_has_word(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = list; p; p = strchr(p, ',')) {
		if (*p == ',')
			p++;
		if (!strncmp(p, word, n) && (p[n] == ',' || !p[n]))
			return true;
	}
	return false;
}

int lex_name_len(const char *s)
{
	int n = 0;

	if (!isalpha((unsigned char)s[0]) && s[0] != '_')
		return 0;
	while (isalnum((unsigned char)s[n]) || s[n] == '_' || s[n] == '.')
		n++;
	return n;
}
