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

#endif /* MMSIM_TOOLS_SCENGEN_H */
