/* SPDX-License-Identifier: GPL-2.0 */
/*
 * scengen.h - well-formed scenario commands generated from the command
 * table (commands.h): shared by the libFuzzer mutator (tools/fuzz) and
 * `mmsim difffuzz`.
 */
#ifndef MMSIM_TOOLS_SCENGEN_H
#define MMSIM_TOOLS_SCENGEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct command;

/*
 * struct gen - a generator: its xorshift state and the line being built.
 * @allow:	NULL, or which commands may be generated (difffuzz: only
 *		those both backends run and whose results may be compared)
 * @host:	generate for the host too: no pools that name model-only
 *		devices, design switches or profile settings
 */
struct gen {
	uint64_t state;
	char *p, *end;
	bool (*allow)(const struct command *c);
	bool host;
};

uint32_t gen_rnd(struct gen *g);
void gen_put(struct gen *g, const char *s);
void gen_len(struct gen *g);
void gen_addr(struct gen *g);
void gen_name(struct gen *g);

/*
 * gen_line - one whole command line (no newline) into @line.
 * Return: its length.
 */
size_t gen_line(struct gen *g, char *line, size_t size);

/* ---- names (scengen_names.c) ---- */

/* The kinds of name a scenario binds, each its own name space. */
enum gen_kind { GK_NONE, GK_ADDR, GK_PIN, GK_PROC, GK_FILE, GK_NR };

#define GEN_POOL_MAX	4

/*
 * struct gen_names - the pool names bound so far.
 * @live:	per kind, a bit per pool index (process 0 is main)
 * @pin_owner:	the process that took each pin
 */
struct gen_names {
	unsigned int live[GK_NR];
	int pin_owner[GEN_POOL_MAX];
};

/*
 * struct gen_fault - the token of a line that breaks the name rules.
 * @tok, @len:	the name (NULL: the line cannot be kept at all)
 * @kind:	its kind
 * @open:	it opens a name still open (else: uses one not bound)
 */
struct gen_fault {
	const char *tok;
	size_t len;
	enum gen_kind kind;
	bool open;
};

int gen_pool_index(enum gen_kind k, const char *s, size_t len);
const char *gen_pool_name(enum gen_kind k, int i);
bool gen_names_step(struct gen_names *b, const char *line, bool last,
		    struct gen_fault *f);
void gen_fix_names(struct gen *g, char **v, int *n, int max);

#endif /* MMSIM_TOOLS_SCENGEN_H */
