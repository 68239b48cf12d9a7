/* SPDX-License-Identifier: GPL-2.0 */
/*
 * interp_int.h - what the pieces of the scenario interpreter share.
 *
 *   interp.c	the main loop: a line, its command, the checker, the verdict
 *   source.c	where lines come from (a file, a pipe, the REPL's editor);
 *		the line-length limit
 *   symtab.c	the name spaces (addresses, processes, files, pins)
 *   args.c	argument parsers and the malformed-scenario message
 *   placement.c the arena: where an mmap without at= goes, which VMAs
 *		`maps` shows
 *   cmd_*.c	the commands, one file per section of docs/scenarios.md
 *   render.c	raw backend results -> the words and lines scenarios see
 *   expect.c	comparing results with expectations (run) or with each
 *		other (diff)
 *   blocks.c	the result word `blocks`: where it may be expected, and the
 *		end of the scenario at a command that blocks
 *   ruler.c	`maps --ruler`: address-space rulers
 *   svg.c	`draw FILE` / `run --svg=FILE`: a picture of the state
 *   repl.c	the interactive side: banner, help, quit, completion
 *   util.c	allocation that cannot fail, escaping input for messages
 */
#ifndef MMSIM_TOOLS_INTERP_INT_H
#define MMSIM_TOOLS_INTERP_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>

#include "interp.h"
#include "lexer.h"

/* What older C libraries may not define yet (Linux's values). */
#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE	0x03
#endif
#ifndef MAP_DROPPABLE
#define MAP_DROPPABLE		0x08
#endif
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE	0x100000
#endif
#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP	4
#endif
#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT		1
#endif

/* The user address space: a longer length is a malformed scenario. */
#define TASK_SIZE_MAX	(1UL << 47)
#define MAX_BACKENDS	2

/* A bound name: an address, a process, a file or a pin. */
struct sym {
	char *name;		/* NULL once forgotten (a closed file) */
	unsigned long val;	/* address; owner process of a pin; a
				 * process: SYM_KILLED once the OOM killer
				 * killed it, SYM_SIGKILLED once `kill`ed */
	bool live;
};

#define SYM_KILLED	1UL
#define SYM_SIGKILLED	2UL

struct symtab {
	struct sym *v;
	int n, cap;
};

enum rkind {
	RK_OK,
	RK_FAIL,	/* errno or signal */
	RK_BYTE,	/* value; compares numerically */
	RK_WORD,
	RK_SET,		/* space-separated words; compares as a set */
	RK_LINES,	/* '\n'-separated, blank-normalized lines */
	RK_UNSUP,
	RK_REFUSED,	/* the host must not run it: the scenario ends, 77 */
	RK_BLOCKS,	/* "blocks": it never completes; the scenario ends */
};

struct result {
	enum rkind kind;
	unsigned long value;
	char *text;
};

struct cmd {
	bool skip;		/* the scenario cannot run on these backends */
	int proc;
	int argc;		/* arguments, not counting argv[0] */
	char **argv;		/* argv[0] is the command */
	struct result res[MAX_BACKENDS];
};

/* One range the scenario placed something in (placement.c). */
struct claim {
	unsigned long start, end;
};

/* A process's baseline for the whole-process views (cmd_proc_views.c). */
#define NR_MARK_VIEWS	3
struct proc_mark {
	char *text[MAX_BACKENDS][NR_MARK_VIEWS];
};

struct interp {
	const char *file;
	const struct backend_ops **ops;
	struct backend **bk;
	int nb;
	struct interp_opts o;
	FILE *err;		/* diagnostics: stderr, or the KTAP buffer */
	FILE *out;		/* results (-v, interactive): stdout, or the KTAP buffer */
	struct symtab names, procs, files, pins;
	unsigned long next_slot;	/* k: automatic mmaps so far */
	struct claim *claims;	/* sorted, disjoint, merged */
	int nclaims, claims_cap;
	int failures;		/* failed expectations (--keep-going) */
	bool started;		/* a command other than require/machine ran */
	struct mmsim_design_state design;	/* as the model's machine has it */
	bool quit;		/* the REPL's quit; the scenario ends */
	bool expect_blocks;	/* the command runs expecting `blocks` */
	char msg[512];		/* the malformed-scenario message */
	struct proc_mark *marks;	/* by process id; nmarks of them */
	int nmarks;
};

typedef int (*cmd_fn)(struct interp *ip, struct cmd *c);

/* The handlers of commands.h, in cmd_*.c. */
#include "commands.h"
#define X(n, fn, lo, hi, use, sum) int fn(struct interp *, struct cmd *);
SCENARIO_COMMANDS(X)
#undef X
int cmd_ctl(struct interp *ip, struct cmd *c);
/* KEY=VALUE of the configuration profile (require, profile); -1: malformed. */
int arg_profile(struct interp *ip, const char *cmd, const char *tok);

struct command {
	const char *name;
	cmd_fn fn;
	int min, max;
	const char *usage, *summary;
};

/* interp.c: the command table (scenario, model-only and REPL words). */
const struct command *find_command(const char *name);
const struct command *command_at(size_t i);	/* NULL past the end */

/* cmd_proc_views.c */
void proc_marks_free(struct interp *ip);
void proc_view_field(struct interp *ip, int b, int proc, enum bop op,
		     const char *text, const char *field, int statm_field,
		     struct result *r);

/* util.c */
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));


/* symtab.c */
struct sym *sym_find(struct symtab *t, const char *name, size_t len);
struct sym *sym_lookup(struct symtab *t, const char *name);
int sym_add(struct symtab *t, const char *name, unsigned long val);
void sym_free(struct symtab *t);

/* args.c: each returns 0, or -1 with the message set by bad(). */
int bad(struct interp *ip, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int arg_int(struct interp *ip, const char *tok, uint64_t *v);
int arg_len(struct interp *ip, const char *tok, unsigned long *len);
int arg_byte(struct interp *ip, const char *tok, unsigned long *b);
int arg_name(struct interp *ip, const char *tok);
int arg_addr(struct interp *ip, const char *tok, unsigned long *addr);
int arg_prot(struct interp *ip, const char *tok, unsigned long *prot);
int arg_file(struct interp *ip, const char *tok, unsigned long *id);
int arg_proc(struct interp *ip, const char *name, int *id);
int arg_proc_target(struct interp *ip, const char *name, int *id);
struct flag_word {
	const char *name;
	unsigned long value;
};
int arg_flags(struct interp *ip, const char *tok, const struct flag_word *words,
	      const char *what, unsigned long *flags);

/* cmd_file.c: bind file NAME to a new id (a[0]) and run @bc opening it. */
int open_file(struct interp *ip, struct cmd *c, const char *name,
	      struct bcmd *bc);

/* cmd_mm.c: the @i-th word madvise takes as ADVICE, NULL past the last */
const char *madvise_advice_name(size_t i);

/* cmd_mm.c: mmap's FLAGS word; *fixed for `fixed` (not in *flags) */
int mmap_flags(struct interp *ip, const char *tok, unsigned long *flags,
	       bool *fixed);

/* placement.c */
int place_auto(struct interp *ip, unsigned long len, unsigned long *addr);
void place_claim(struct interp *ip, unsigned long start, unsigned long len);
bool place_shown(const struct interp *ip, unsigned long start,
		 unsigned long end);
void place_free(struct interp *ip);

/* render.c */
void result_clear(struct result *r);
void result_set(struct result *r, enum rkind kind, char *text);
void render(struct result *r, const struct bres *b);
void exec_all(struct interp *ip, struct cmd *c, struct bcmd *bc,
	      struct bres *br);
void exec_render(struct interp *ip, struct cmd *c, struct bcmd *bc,
		 bool value_ok);
/* exec_render(), a VALUE result shown as @kind with @show(@arg, value) */
void exec_render_value(struct interp *ip, struct cmd *c, struct bcmd *bc,
		       enum rkind kind,
		       char *(*show)(const void *arg, uint64_t v),
		       const void *arg);
char *show_decimal(const void *arg, uint64_t v);
char *show_flags(const void *table, uint64_t v);
char *show_pagemap(const void *arg, uint64_t v);
int exec_simple(struct interp *ip, struct cmd *c, enum bop op, int nargs,
		const unsigned long *a);
bool first_ok(struct cmd *c);
void append_squeezed(char **out, size_t *len, const char *s, size_t n);
void append_line(char **out, size_t *len, const char *s, size_t n);
char *render_maps(const struct interp *ip, const char *text);
char *pagemap_words(uint64_t e);
/* The words of @table (args.c's struct flag_word) set in @v, or "none". */
char *flag_words(const struct flag_word *table, unsigned long v);
void print_result(FILE *out, const char *prefix, const struct result *r);

/* expect.c */
bool result_matches(const struct result *r, const char *expected);
bool results_agree(const struct result *a, const struct result *b);
void print_line_diff(FILE *out, const char *a, const char *b);
void print_expected(FILE *out, const char *exp, bool block);

/* blocks.c: the result word `blocks` */
struct src;
bool expects_blocks(const char *expected);
/*
 * A command @name expecting `blocks` on line *lineno: 0, or -1 with the
 * message set (and *lineno the offending line) when it cannot block or
 * a command follows it.
 */
int blocks_expected(struct interp *ip, struct src *s, const char *name,
		    int *lineno);
/* After a command of process @proc: a result `blocks` ends the scenario. */
void blocks_end(struct interp *ip, const struct cmd *c, int proc);

/* ruler.c: the maps lines (START-END PERMS ...) as rulers. */
char *maps_ruler(const char *lines);

/* svg.c: write the picture of every live process to @path. */
int svg_write(struct interp *ip, int proc, const char *path);

/* repl.c */
void repl_banner(FILE *out);
void repl_begin(struct interp *ip, bool edit);
void repl_end(struct interp *ip, bool eof);
bool repl_word(struct interp *ip, char **argv, int argc);
void repl_exit_hint(struct interp *ip);

#endif /* MMSIM_TOOLS_INTERP_INT_H */
