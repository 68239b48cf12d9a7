// SPDX-License-Identifier: GPL-2.0
/*
 * interp.c - the scenario interpreter.
 *
 * It owns everything a scenario names: processes (main is id 0, `fork`
 * adds more, `exit` ends one), addresses bound by `mmap` and `mremap
 * as=`, files and pins (ids global to the scenario), and the arena
 * cursor (the k-th `mmap` without `at=` goes to ARENA_START + k * 1 GiB,
 * counted across processes, whether it succeeds or fails).  Each
 * command is resolved into flat backend commands (backend.h); the raw
 * results are rendered here (ok, ENOMEM, SIGSEGV, 0x2a, word sets, maps
 * lines), so that both backends are judged on the same rendering.
 *
 * With one backend (`mmsim run`) results are checked against the
 * scenario's expectations; with two (`mmsim diff`) they are compared
 * with each other instead.  A malformed scenario stops with
 * FILE:LINE: message and exit 2, whatever the backend did so far.
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "interp.h"
#include "lexer.h"

/*
 * Linux's values, spelled out: <sys/mman.h> cannot be included next to
 * mmsim.h (glibc's memfd_create() clashes with the library's).
 */
#define MAP_SHARED		0x01
#define MAP_PRIVATE		0x02
#define MAP_SHARED_VALIDATE	0x03
#define MAP_DROPPABLE		0x08
#define MAP_TYPE		0x0f
#define MAP_FIXED		0x10
#define MAP_ANONYMOUS		0x20
#define MAP_LOCKED		0x2000
#define MAP_NORESERVE		0x4000
#define MAP_POPULATE		0x8000
#define MAP_FIXED_NOREPLACE	0x100000
#define MREMAP_MAYMOVE_	1
#define MREMAP_FIXED_	2
#define MREMAP_DONTUNMAP_	4

/* The user address space: a longer length is a malformed scenario. */
#define TASK_SIZE_MAX	(1UL << 47)
#define MAX_BACKENDS	2

/* A bound name: an address, a process, a file or a pin. */
struct sym {
	char *name;		/* NULL once forgotten (a closed file) */
	unsigned long val;	/* address; owner process of a pin */
	bool live;
};

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
};

struct result {
	enum rkind kind;
	unsigned long value;
	char *text;
};

struct cmd {
	int proc;
	int argc;		/* arguments, not counting argv[0] */
	char **argv;		/* argv[0] is the command */
	struct result res[MAX_BACKENDS];
};

struct interp {
	const char *file;
	const struct backend_ops **ops;
	struct backend **bk;
	int nb;
	struct interp_opts o;
	struct symtab names, procs, files, pins;
	unsigned long next_slot;
	char msg[512];		/* the malformed-scenario message */
};

typedef int (*cmd_fn)(struct interp *ip, struct cmd *c);

struct command {
	const char *name;
	cmd_fn fn;
	int min, max;
	const char *usage, *summary;
};

#define X(n, fn, lo, hi, use, sum) static int fn(struct interp *, struct cmd *);
SCENARIO_COMMANDS(X)
#undef X

static int cmd_ctl(struct interp *ip, struct cmd *c);

static const struct command commands[] = {
#define X(n, fn, lo, hi, use, sum) { #n, fn, lo, hi, use, sum },
	SCENARIO_COMMANDS(X)
#undef X
#define X(n, lo, hi, use, sum) { #n, cmd_ctl, lo, hi, use, sum },
	MODEL_COMMANDS(X)
#undef X
};

#define NR_COMMANDS	(sizeof(commands) / sizeof(commands[0]))

static int bad(struct interp *ip, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int bad(struct interp *ip, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ip->msg, sizeof(ip->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		fputs("mmsim: out of memory\n", stderr);
		exit(EXIT_MALFORMED);
	}
	return p;
}

static char *xstrdup(const char *s)
{
	return strcpy(xrealloc(NULL, strlen(s) + 1), s);
}

static char *xasprintf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0) {
		fputs("mmsim: out of memory\n", stderr);
		exit(EXIT_MALFORMED);
	}
	return s;
}

/* ---- symbol tables ---- */

static struct sym *sym_find(struct symtab *t, const char *name, size_t len)
{
	for (int i = t->n - 1; i >= 0; i--) {
		const char *s = t->v[i].name;

		if (s && strlen(s) == len && !strncmp(s, name, len))
			return &t->v[i];
	}
	return NULL;
}

static struct sym *sym_lookup(struct symtab *t, const char *name)
{
	return sym_find(t, name, strlen(name));
}

/* A new entry; its index is its id.  An older one of that name is forgotten. */
static int sym_add(struct symtab *t, const char *name, unsigned long val)
{
	struct sym *old = sym_lookup(t, name);

	if (old) {
		free(old->name);
		old->name = NULL;
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	t->v[t->n] = (struct sym){ xstrdup(name), val, true };
	return t->n++;
}

static void sym_free(struct symtab *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->v[i].name);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

/* ---- argument parsing ---- */

static int arg_int(struct interp *ip, const char *tok, uint64_t *v)
{
	const char *err;

	if (lex_int(tok, v, &err))
		return bad(ip, "%s: %s", tok, err);
	return 0;
}

static int arg_len(struct interp *ip, const char *tok, unsigned long *len)
{
	uint64_t v;

	if (arg_int(ip, tok, &v))
		return -1;
	if (v > TASK_SIZE_MAX)
		return bad(ip, "%s: length beyond the address space", tok);
	*len = v;
	return 0;
}

static int arg_byte(struct interp *ip, const char *tok, unsigned long *b)
{
	uint64_t v;

	if (arg_int(ip, tok, &v))
		return -1;
	if (v > 0xff)
		return bad(ip, "%s: not a byte value", tok);
	*b = v;
	return 0;
}

static int arg_name(struct interp *ip, const char *tok)
{
	if (lex_name_len(tok) != (int)strlen(tok))
		return bad(ip, "%s: bad name", tok);
	return 0;
}

/* NAME, NAME+N, NAME-N or an integer. */
static int arg_addr(struct interp *ip, const char *tok, unsigned long *addr)
{
	int n = lex_name_len(tok);
	uint64_t base, off = 0;
	struct sym *s;

	if (!n)
		return arg_int(ip, tok, addr);
	s = sym_find(&ip->names, tok, n);
	if (!s)
		return bad(ip, "unknown name %.*s", n, tok);
	base = s->val;
	if (!tok[n]) {
		*addr = base;
		return 0;
	}
	if ((tok[n] != '+' && tok[n] != '-') || arg_int(ip, tok + n + 1, &off))
		return ip->msg[0] ? -1 : bad(ip, "%s: bad address", tok);
	if (tok[n] == '+' ? __builtin_add_overflow(base, off, &base) :
			    __builtin_sub_overflow(base, off, &base))
		return bad(ip, "%s: address overflow", tok);
	*addr = base;
	return 0;
}

static int arg_prot(struct interp *ip, const char *tok, unsigned long *prot)
{
	if (lex_prot(tok, prot))
		return bad(ip, "%s: bad protection (e.g. rw-)", tok);
	return 0;
}

static int arg_file(struct interp *ip, const char *tok, unsigned long *id)
{
	struct sym *s = sym_lookup(&ip->files, tok);

	if (!s || !s->live)
		return bad(ip, "unknown file %s", tok);
	*id = s - ip->files.v;
	return 0;
}

static int arg_proc(struct interp *ip, const char *name, int *id)
{
	struct sym *s = sym_lookup(&ip->procs, name);

	if (!s)
		return bad(ip, "unknown process %s", name);
	if (!s->live)
		return bad(ip, "process %s has exited", name);
	*id = s - ip->procs.v;
	return 0;
}

/* ---- execution and rendering ---- */

static void result_clear(struct result *r)
{
	free(r->text);
	memset(r, 0, sizeof(*r));
}

static void result_set(struct result *r, enum rkind kind, char *text)
{
	free(r->text);
	r->kind = kind;
	r->text = text;
}

static void exec_all(struct interp *ip, struct cmd *c, struct bcmd *bc,
		     struct bres *br)
{
	bc->proc = c->proc;
	for (int i = 0; i < ip->nb; i++) {
		memset(&br[i], 0, sizeof(br[i]));
		ip->ops[i]->exec(ip->bk[i], bc, &br[i]);
	}
}

/* Render the kinds every command shares; VALUE as a byte. */
static void render(struct result *r, const struct bres *b)
{
	const char *name;

	switch (b->kind) {
	case BRES_OK:
		result_set(r, RK_OK, xstrdup("ok"));
		break;
	case BRES_ERRNO:
		name = errno_name(b->code);
		result_set(r, RK_FAIL, name ? xstrdup(name) :
					      xasprintf("errno%d", b->code));
		break;
	case BRES_SIGNAL:
		name = signal_name(b->code);
		result_set(r, RK_FAIL, name ? xstrdup(name) :
					      xasprintf("SIG%d", b->code));
		break;
	case BRES_VALUE:
		r->value = b->value;
		result_set(r, RK_BYTE, xasprintf("0x%02lx",
						 (unsigned long)b->value));
		break;
	case BRES_WORD:
	case BRES_TEXT:
		result_set(r, b->kind == BRES_WORD ? RK_WORD : RK_LINES,
			   xstrdup(b->text ? b->text : ""));
		break;
	default:
		result_set(r, RK_UNSUP, xstrdup(b->text ? b->text :
						"unsupported"));
		break;
	}
}

/* Execute @bc everywhere and render; VALUE is "ok" when @value_ok. */
static void exec_render(struct interp *ip, struct cmd *c, struct bcmd *bc,
			bool value_ok)
{
	struct bres br[MAX_BACKENDS];

	exec_all(ip, c, bc, br);
	for (int i = 0; i < ip->nb; i++) {
		if (value_ok && br[i].kind == BRES_VALUE)
			br[i].kind = BRES_OK;
		render(&c->res[i], &br[i]);
		bres_clear(&br[i]);
	}
}

/* Did the first backend (the one names follow) succeed? */
static bool first_ok(struct cmd *c)
{
	return c->res[0].kind == RK_OK;
}

static int exec_simple(struct interp *ip, struct cmd *c, enum bop op,
		       int nargs, const unsigned long *a)
{
	struct bcmd bc = { .op = op };

	if (nargs)
		memcpy(bc.a, a, nargs * sizeof(*a));
	exec_render(ip, c, &bc, false);
	return 0;
}

/* ---- address-space commands ---- */

static int mmap_flags(struct interp *ip, const char *tok, unsigned long *flags,
		      bool *fixed)
{
	/* the map types first: exactly one of them */
	static const struct { const char *w; unsigned long f; } words[] = {
		{ "private", MAP_PRIVATE }, { "shared", MAP_SHARED },
		{ "shared_validate", MAP_SHARED_VALIDATE },
		{ "droppable", MAP_DROPPABLE },
		{ "populate", MAP_POPULATE }, { "noreserve", MAP_NORESERVE },
		{ "locked", MAP_LOCKED }, { "fixed", MAP_FIXED },
		{ "noreplace", MAP_FIXED_NOREPLACE },
	};
	const char *p = tok;
	int types = 0;

	*flags = 0;
	while (*p) {
		size_t n = strcspn(p, ",");
		size_t i;

		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (strlen(words[i].w) == n && !strncmp(p, words[i].w, n))
				break;
		if (i == sizeof(words) / sizeof(words[0]))
			return bad(ip, "unknown mmap flag %.*s", (int)n, p);
		types += i < 4;
		*flags |= words[i].f;
		p += n + (p[n] == ',');
	}
	if (types != 1)
		return bad(ip, "%s: need exactly one of private, shared, shared_validate, droppable",
			   tok);
	*fixed = *flags & MAP_FIXED;
	*flags &= ~MAP_FIXED;
	return 0;
}

static int cmd_mmap(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_MMAP };
	unsigned long len, prot, flags, file = -1UL, off = 0, addr;
	bool fixed = false, at = false;
	const char *v;

	if (arg_name(ip, c->argv[1]) || arg_len(ip, c->argv[2], &len) ||
	    arg_prot(ip, c->argv[3], &prot) ||
	    mmap_flags(ip, c->argv[4], &flags, &fixed))
		return -1;
	for (int i = 5; i <= c->argc; i++) {
		const char *t = c->argv[i];

		if ((v = lex_keyval(t, "file"))) {
			if (arg_file(ip, v, &file))
				return -1;
		} else if ((v = lex_keyval(t, "off"))) {
			if (arg_int(ip, v, &off))
				return -1;
		} else if ((v = lex_keyval(t, "at"))) {
			if (arg_addr(ip, v, &addr))
				return -1;
			at = true;
		} else {
			return bad(ip, "%s: unknown mmap option", t);
		}
	}
	if (!at)
		addr = ARENA_START + ip->next_slot++ * ARENA_SLOT;
	/* placement: MAP_FIXED_NOREPLACE, or MAP_FIXED (with noreplace: both) */
	if (fixed)
		flags |= MAP_FIXED;
	else
		flags |= MAP_FIXED_NOREPLACE;
	if (file == -1UL)
		flags |= MAP_ANONYMOUS;
	bc.a[0] = addr;
	bc.a[1] = len;
	bc.a[2] = prot;
	bc.a[3] = flags;
	bc.a[4] = file;
	bc.a[5] = off;
	{
		struct bres br[MAX_BACKENDS];

		exec_all(ip, c, &bc, br);
		if (br[0].kind == BRES_VALUE)
			sym_add(&ip->names, c->argv[1], br[0].value);
		for (int i = 0; i < ip->nb; i++) {
			if (br[i].kind == BRES_VALUE)
				br[i].kind = BRES_OK;
			render(&c->res[i], &br[i]);
			bres_clear(&br[i]);
		}
	}
	return 0;
}

static int cmd_munmap(struct interp *ip, struct cmd *c)
{
	unsigned long a[2];

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]))
		return -1;
	return exec_simple(ip, c, BOP_MUNMAP, 2, a);
}

static int cmd_mprotect(struct interp *ip, struct cmd *c)
{
	unsigned long a[3];

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]) ||
	    arg_prot(ip, c->argv[3], &a[2]))
		return -1;
	return exec_simple(ip, c, BOP_MPROTECT, 3, a);
}

static int cmd_mremap(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_MREMAP };
	unsigned long addr, oldlen, newlen, flags = 0, to = 0;
	const char *as = NULL, *v;
	struct bres br[MAX_BACKENDS];

	if (arg_addr(ip, c->argv[1], &addr) ||
	    arg_len(ip, c->argv[2], &oldlen) || arg_len(ip, c->argv[3], &newlen))
		return -1;
	for (int i = 4; i <= c->argc; i++) {
		const char *t = c->argv[i];

		if (!strcmp(t, "maymove")) {
			flags |= MREMAP_MAYMOVE_;
		} else if (!strcmp(t, "dontunmap")) {
			flags |= MREMAP_DONTUNMAP_;
		} else if ((v = lex_keyval(t, "to"))) {
			if (arg_addr(ip, v, &to))
				return -1;
			flags |= MREMAP_FIXED_;
		} else if ((v = lex_keyval(t, "as"))) {
			if (arg_name(ip, v))
				return -1;
			as = v;
		} else {
			return bad(ip, "%s: unknown mremap option", t);
		}
	}
	if ((flags & MREMAP_MAYMOVE_) && !(flags & MREMAP_FIXED_))
		return bad(ip, "maymove without to= (the kernel's choice of address is not deterministic)");
	bc.a[0] = addr;
	bc.a[1] = oldlen;
	bc.a[2] = newlen;
	bc.a[3] = flags;
	bc.a[4] = to;
	exec_all(ip, c, &bc, br);
	if (as && br[0].kind == BRES_VALUE)
		sym_add(&ip->names, as, br[0].value);
	for (int i = 0; i < ip->nb; i++) {
		if (br[i].kind == BRES_VALUE)
			br[i].kind = BRES_OK;
		render(&c->res[i], &br[i]);
		bres_clear(&br[i]);
	}
	return 0;
}

static const struct { const char *name; int advice; } advices[] = {
	{ "normal", 0 }, { "random", 1 }, { "sequential", 2 },
	{ "willneed", 3 }, { "dontneed", 4 }, { "dontfork", 10 },
	{ "dofork", 11 }, { "hugepage", 14 }, { "nohugepage", 15 },
	{ "wipeonfork", 18 }, { "keeponfork", 19 },
	{ "populate_read", 22 }, { "populate_write", 23 },
	{ "guard_install", 102 }, { "guard_remove", 103 },
};

static int cmd_madvise(struct interp *ip, struct cmd *c)
{
	unsigned long a[3];
	size_t i;

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]))
		return -1;
	for (i = 0; i < sizeof(advices) / sizeof(advices[0]); i++)
		if (!strcmp(c->argv[3], advices[i].name))
			break;
	if (i == sizeof(advices) / sizeof(advices[0]))
		return bad(ip, "unknown advice %s", c->argv[3]);
	a[2] = advices[i].advice;
	return exec_simple(ip, c, BOP_MADVISE, 3, a);
}

static int cmd_mlock_op(struct interp *ip, struct cmd *c, enum bop op)
{
	unsigned long a[2];

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]))
		return -1;
	return exec_simple(ip, c, op, 2, a);
}

static int cmd_mlock(struct interp *ip, struct cmd *c)
{
	return cmd_mlock_op(ip, c, BOP_MLOCK);
}

static int cmd_munlock(struct interp *ip, struct cmd *c)
{
	return cmd_mlock_op(ip, c, BOP_MUNLOCK);
}

static int cmd_mseal(struct interp *ip, struct cmd *c)
{
	return cmd_mlock_op(ip, c, BOP_MSEAL);
}

/* ---- files ---- */

/* Bind file name @name to a new id and run @bc (a[0] = the id) to open it. */
static int open_file(struct interp *ip, struct cmd *c, const char *name,
		     struct bcmd *bc)
{
	struct sym *old = sym_lookup(&ip->files, name);
	int id;

	if (arg_name(ip, name))
		return -1;
	if (old && old->live)
		return bad(ip, "file %s is already open", name);
	id = sym_add(&ip->files, name, 0);
	bc->a[0] = id;
	exec_render(ip, c, bc, true);
	if (!first_ok(c))
		ip->files.v[id].live = false;
	return 0;
}

static int cmd_memfd(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_MEMFD };

	if (arg_int(ip, c->argv[2], &bc.a[1]))
		return -1;
	if (strlen(c->argv[1]) >= BCMD_STR_MAX)
		return bad(ip, "file name too long");
	strcpy(bc.str, c->argv[1]);
	return open_file(ip, c, c->argv[1], &bc);
}

static int cmd_open(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_OPEN };
	size_t n = 0;

	for (int i = 2; i <= c->argc; i++) {
		size_t len = strlen(c->argv[i]);

		if (n + len + 1 >= BCMD_STR_MAX)
			return bad(ip, "device options too long");
		if (i > 2)
			bc.str[n++] = ' ';
		memcpy(bc.str + n, c->argv[i], len + 1);
		n += len;
	}
	return open_file(ip, c, c->argv[1], &bc);
}

static int cmd_close(struct interp *ip, struct cmd *c)
{
	unsigned long id;

	if (arg_file(ip, c->argv[1], &id))
		return -1;
	exec_simple(ip, c, BOP_CLOSE, 1, &id);
	if (first_ok(c))
		ip->files.v[id].live = false;
	return 0;
}

static int cmd_ftruncate(struct interp *ip, struct cmd *c)
{
	unsigned long a[2];

	if (arg_file(ip, c->argv[1], &a[0]) || arg_int(ip, c->argv[2], &a[1]))
		return -1;
	return exec_simple(ip, c, BOP_FTRUNCATE, 2, a);
}

static int cmd_pwrite(struct interp *ip, struct cmd *c)
{
	unsigned long a[4] = { 0, 0, 0, 1 };

	if (arg_file(ip, c->argv[1], &a[0]) || arg_int(ip, c->argv[2], &a[1]) ||
	    arg_byte(ip, c->argv[3], &a[2]) ||
	    (c->argc > 3 && arg_len(ip, c->argv[4], &a[3])))
		return -1;
	return exec_simple(ip, c, BOP_PWRITE, 4, a);
}

static int cmd_pread(struct interp *ip, struct cmd *c)
{
	unsigned long a[2];

	if (arg_file(ip, c->argv[1], &a[0]) || arg_int(ip, c->argv[2], &a[1]))
		return -1;
	return exec_simple(ip, c, BOP_PREAD, 2, a);
}

/* ---- memory access ---- */

/* ADDR BYTE [LEN], stored by the process (write) or via /proc/self/mem. */
static int store_bytes(struct interp *ip, struct cmd *c, enum bop op)
{
	unsigned long a[3] = { 0, 0, 1 };

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_byte(ip, c->argv[2], &a[1]) ||
	    (c->argc > 2 && arg_len(ip, c->argv[3], &a[2])))
		return -1;
	return exec_simple(ip, c, op, 3, a);
}

static int cmd_write(struct interp *ip, struct cmd *c)
{
	return store_bytes(ip, c, BOP_WRITE);
}

/* Like write, but through /proc/self/mem: GUP with FOLL_FORCE. */
static int cmd_mem_write(struct interp *ip, struct cmd *c)
{
	return store_bytes(ip, c, BOP_MEMWRITE);
}

static int cmd_read(struct interp *ip, struct cmd *c)
{
	unsigned long a[2] = { 0, 1 };

	if (arg_addr(ip, c->argv[1], &a[0]) ||
	    (c->argc > 1 && arg_len(ip, c->argv[2], &a[1])))
		return -1;
	return exec_simple(ip, c, BOP_READ, 2, a);
}

static int cmd_touch(struct interp *ip, struct cmd *c)
{
	unsigned long a[3];

	if (arg_addr(ip, c->argv[1], &a[0]) || arg_len(ip, c->argv[2], &a[1]))
		return -1;
	if (strcmp(c->argv[3], "r") && strcmp(c->argv[3], "w"))
		return bad(ip, "touch: %s: expected r or w", c->argv[3]);
	a[2] = c->argv[3][0] == 'w';
	return exec_simple(ip, c, BOP_TOUCH, 3, a);
}

/* ---- processes and pins ---- */

static int cmd_fork(struct interp *ip, struct cmd *c)
{
	struct sym *old = sym_lookup(&ip->procs, c->argv[1]);
	unsigned long id;

	if (arg_name(ip, c->argv[1]))
		return -1;
	if (old && old->live)
		return bad(ip, "process %s exists", c->argv[1]);
	id = sym_add(&ip->procs, c->argv[1], 0);
	exec_simple(ip, c, BOP_FORK, 1, &id);
	if (!first_ok(c))
		ip->procs.v[id].live = false;
	return 0;
}

static int cmd_exit(struct interp *ip, struct cmd *c)
{
	exec_simple(ip, c, BOP_EXIT, 0, NULL);
	ip->procs.v[c->proc].live = false;
	for (int i = 0; i < ip->pins.n; i++)
		if (ip->pins.v[i].val == (unsigned long)c->proc)
			ip->pins.v[i].live = false;
	return 0;
}

/* The pin's name travels along, so the model can answer pin_read NAME. */
static void exec_pin(struct interp *ip, struct cmd *c, const unsigned long *a)
{
	struct bcmd bc = { .op = BOP_PIN };

	memcpy(bc.a, a, 4 * sizeof(*a));
	snprintf(bc.str, sizeof(bc.str), "%s", c->argv[1]);
	exec_render(ip, c, &bc, false);
}

static int cmd_pin(struct interp *ip, struct cmd *c)
{
	struct sym *old = sym_lookup(&ip->pins, c->argv[1]);
	unsigned long a[4] = { 0, 0, 0, 0 };

	if (arg_name(ip, c->argv[1]) || arg_addr(ip, c->argv[2], &a[1]) ||
	    arg_len(ip, c->argv[3], &a[2]))
		return -1;
	if (c->argc > 3) {
		if (strcmp(c->argv[4], "ro"))
			return bad(ip, "pin: %s: expected ro", c->argv[4]);
		a[3] = 1;
	}
	if (old && old->live)
		return bad(ip, "pin %s is held", c->argv[1]);
	a[0] = sym_add(&ip->pins, c->argv[1], c->proc);
	exec_pin(ip, c, a);
	if (!first_ok(c))
		ip->pins.v[a[0]].live = false;
	return 0;
}

static int cmd_unpin(struct interp *ip, struct cmd *c)
{
	struct sym *s = sym_lookup(&ip->pins, c->argv[1]);
	unsigned long id;

	if (!s || !s->live)
		return bad(ip, "unknown pin %s", c->argv[1]);
	id = s - ip->pins.v;
	exec_simple(ip, c, BOP_UNPIN, 1, &id);
	ip->pins.v[id].live = false;
	return 0;
}

/* ---- observation ---- */

/* Append @s[0..n) with runs of blanks collapsed, trimmed, to @out. */
static void append_squeezed(char **out, size_t *len, const char *s, size_t n)
{
	bool space = false;

	*out = xrealloc(*out, *len + n + 2);
	for (size_t i = 0; i < n; i++) {
		if (isspace((unsigned char)s[i])) {
			space = true;
			continue;
		}
		if (space && *len && (*out)[*len - 1] != '\n')
			(*out)[(*len)++] = ' ';
		space = false;
		(*out)[(*len)++] = s[i];
	}
	(*out)[*len] = '\0';
}

static void append_line(char **out, size_t *len, const char *s, size_t n)
{
	append_squeezed(out, len, s, n);
	(*out)[(*len)++] = '\n';
	(*out)[*len] = '\0';
}

/*
 * One maps line as START-END PERMS OFFSET [PATH], or nothing when it is
 * outside the arena.
 */
static void maps_line(char **out, size_t *len, const char *l, size_t n)
{
	char buf[1024], range[64], perms[8], off[32], dev[32], *line;
	unsigned long start, end, ino;
	int pos = 0;

	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	memcpy(buf, l, n);
	buf[n] = '\0';
	if (sscanf(buf, "%63s %7s %31s %31s %lu %n", range, perms, off, dev,
		   &ino, &pos) < 5 || !pos ||
	    sscanf(range, "%lx-%lx", &start, &end) != 2)
		return;
	if (start < ARENA_START || start >= ARENA_START + ARENA_SIZE)
		return;
	line = xasprintf("%s %s %s %.*s", range, perms, off, (int)(n - pos),
			 l + pos);
	append_line(out, len, line, strlen(line));
	free(line);
}

static char *render_maps(const char *text)
{
	char *out = xstrdup("");
	size_t len = 0;

	for (const char *l = text; *l; ) {
		size_t n = strcspn(l, "\n");

		maps_line(&out, &len, l, n);
		l += n + (l[n] == '\n');
	}
	return out;
}

static int cmd_maps(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_MAPS };
	struct bres br[MAX_BACKENDS];

	exec_all(ip, c, &bc, br);
	for (int i = 0; i < ip->nb; i++) {
		if (br[i].kind == BRES_TEXT)
			result_set(&c->res[i], RK_LINES,
				   render_maps(br[i].text ? br[i].text : ""));
		else
			render(&c->res[i], &br[i]);
		bres_clear(&br[i]);
	}
	return 0;
}

static bool smaps_header(const char *l, unsigned long *start,
			 unsigned long *end)
{
	char *e;

	if (!isxdigit((unsigned char)*l))
		return false;
	*start = strtoul(l, &e, 16);
	if (*e != '-')
		return false;
	*end = strtoul(e + 1, &e, 16);
	return *e == ' ';
}

/* The value of @field in the smaps entry of the VMA holding @addr. */
static void smaps_field(struct result *r, const char *text, unsigned long addr,
			const char *field)
{
	size_t flen = strlen(field);
	bool in = false, found_vma = false;
	unsigned long s, e;

	for (const char *l = text; *l; ) {
		size_t n = strcspn(l, "\n");

		if (smaps_header(l, &s, &e)) {
			in = addr >= s && addr < e;
			found_vma |= in;
		} else if (in && n > flen && !strncmp(l, field, flen) &&
			   l[flen] == ':') {
			char *out = NULL;
			size_t len = 0;

			append_squeezed(&out, &len, l + flen + 1, n - flen - 1);
			result_set(r, strcmp(field, "VmFlags") ? RK_WORD : RK_SET,
				   out);
			return;
		}
		l += n + (l[n] == '\n');
	}
	result_set(r, RK_WORD, xstrdup(found_vma ? "nofield" : "novma"));
}

static int cmd_smaps(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_SMAPS };
	struct bres br[MAX_BACKENDS];
	unsigned long addr;

	if (arg_addr(ip, c->argv[1], &addr))
		return -1;
	exec_all(ip, c, &bc, br);
	for (int i = 0; i < ip->nb; i++) {
		if (br[i].kind == BRES_TEXT)
			smaps_field(&c->res[i], br[i].text ? br[i].text : "",
				    addr, c->argv[2]);
		else
			render(&c->res[i], &br[i]);
		bres_clear(&br[i]);
	}
	return 0;
}

static char *pagemap_words(uint64_t e)
{
	static const struct { uint64_t bit; const char *w; } bits[] = {
		{ PM_PRESENT, "present" }, { PM_SWAP, "swapped" },
		{ PM_FILE, "file" }, { PM_MMAP_EXCLUSIVE, "excl" },
		{ PM_UFFD_WP, "uffd-wp" }, { PM_SOFT_DIRTY, "soft-dirty" },
		{ PM_GUARD_REGION, "guard" },
	};
	char buf[128] = "";

	for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]); i++) {
		if (!(e & bits[i].bit))
			continue;
		if (buf[0])
			strcat(buf, " ");
		strcat(buf, bits[i].w);
	}
	return xstrdup(buf[0] ? buf : "none");
}

/*
 * A model-only command: bound names become absolute addresses, every
 * other token passes through; the library answers.
 */
static int cmd_ctl(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_CTL };
	size_t len = 0;

	for (int i = 0; i <= c->argc; i++) {
		const char *tok = c->argv[i];
		char num[32];
		int n = i ? lex_name_len(tok) : 0;
		int w;

		if (n && !strchr(tok, '=') && sym_find(&ip->names, tok, n)) {
			unsigned long addr;

			if (arg_addr(ip, tok, &addr))
				return -1;
			snprintf(num, sizeof(num), "0x%lx", addr);
			tok = num;
		}
		w = snprintf(bc.str + len, sizeof(bc.str) - len, "%s%s",
			     i ? " " : "", tok);
		if (w < 0 || (size_t)w >= sizeof(bc.str) - len)
			return bad(ip, "%s: command too long", c->argv[0]);
		len += w;
	}
	exec_render(ip, c, &bc, false);
	return 0;
}

static int cmd_pagemap(struct interp *ip, struct cmd *c)
{
	struct bcmd bc = { .op = BOP_PAGEMAP };
	struct bres br[MAX_BACKENDS];

	if (arg_addr(ip, c->argv[1], &bc.a[0]))
		return -1;
	exec_all(ip, c, &bc, br);
	for (int i = 0; i < ip->nb; i++) {
		if (br[i].kind == BRES_VALUE)
			result_set(&c->res[i], RK_SET, pagemap_words(br[i].value));
		else
			render(&c->res[i], &br[i]);
		bres_clear(&br[i]);
	}
	return 0;
}

static void frame_render(struct result *r, const struct bres *a,
			 const struct bres *b)
{
	uint64_t pa, pb;

	if (a->kind != BRES_VALUE) {
		render(r, a);
		return;
	}
	if (b->kind != BRES_VALUE) {
		render(r, b);
		return;
	}
	if (!(a->value & PM_PRESENT) || !(b->value & PM_PRESENT)) {
		result_set(r, RK_WORD, xstrdup("absent"));
		return;
	}
	pa = a->value & PM_PFRAME_MASK;
	pb = b->value & PM_PFRAME_MASK;
	if (!pa || !pb)
		result_set(r, RK_UNSUP,
			   xstrdup("frame: PFNs read as 0 (pagemap needs CAP_SYS_ADMIN)"));
	else
		result_set(r, RK_WORD, xstrdup(pa == pb ? "same" : "different"));
}

static int cmd_frame(struct interp *ip, struct cmd *c)
{
	struct bcmd b1 = { .op = BOP_PAGEMAP }, b2 = { .op = BOP_PAGEMAP };
	struct bres r1[MAX_BACKENDS], r2[MAX_BACKENDS];
	int proc2, self = c->proc;

	if (c->argv[2][0] != '@')
		return bad(ip, "frame: expected @PROC, got %s", c->argv[2]);
	if (arg_addr(ip, c->argv[1], &b1.a[0]) ||
	    arg_proc(ip, c->argv[2] + 1, &proc2) ||
	    arg_addr(ip, c->argv[3], &b2.a[0]))
		return -1;
	exec_all(ip, c, &b1, r1);
	c->proc = proc2;
	exec_all(ip, c, &b2, r2);
	c->proc = self;
	for (int i = 0; i < ip->nb; i++) {
		frame_render(&c->res[i], &r1[i], &r2[i]);
		bres_clear(&r1[i]);
		bres_clear(&r2[i]);
	}
	return 0;
}

static int cmd_require(struct interp *ip, struct cmd *c)
{
	const char *want = c->argv[1];
	bool skip;

	if (strcmp(want, "model") && strcmp(want, "native"))
		return bad(ip, "require: %s: expected model or native", want);
	skip = ip->nb > 1 || strcmp(ip->ops[0]->name, want);
	for (int i = 0; i < ip->nb; i++)
		result_set(&c->res[i], skip ? RK_UNSUP : RK_OK,
			   skip ? xasprintf("requires %s", want) : xstrdup("ok"));
	return 0;
}

/* ---- expectations ---- */

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
static bool result_matches(const struct result *r, const char *expected)
{
	uint64_t v;
	const char *err;

	switch (r->kind) {
	case RK_BYTE:
		if (!lex_int(expected, &v, &err))
			return v == r->value;
		break;
	case RK_SET:
		return set_equal(r->text, expected);
	default:
		break;
	}
	return !strcmp(r->text, expected);
}

static bool results_agree(const struct result *a, const struct result *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind == RK_SET)
		return set_equal(a->text, b->text);
	return !strcmp(a->text, b->text);
}

/* ---- the line source ---- */

struct src {
	FILE *f;
	char *buf;
	size_t cap;
	char *pushed;		/* a line read ahead, to be returned next */
	int lineno;
	bool tty;
	bool nul;		/* the line just read held a NUL byte */
};

static char *src_get(struct src *s, const char *prompt)
{
	char *l;

	if (s->pushed) {
		l = s->pushed;
		s->pushed = NULL;
		return l;
	}
	if (s->tty) {
		fputs(prompt, stdout);
		fflush(stdout);
	}
	ssize_t n = getline(&s->buf, &s->cap, s->f);

	if (n < 0)
		return NULL;
	s->lineno++;
	s->nul = memchr(s->buf, '\0', n) != NULL;
	return xstrdup(s->buf);
}

/* Collect the `|` lines after `CMD =>` into blank-normalized lines. */
static char *read_block(struct src *s)
{
	char *out = xstrdup(""), *l;
	size_t len = 0;

	while ((l = src_get(s, "| "))) {
		char *p = l + strspn(l, " \t");

		if (*p != '|') {
			s->pushed = l;
			break;
		}
		p[strcspn(p, "#\r\n")] = '\0';
		append_line(&out, &len, p + 1, strlen(p + 1));
		free(l);
	}
	return out;
}

/* ---- the main loop ---- */

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < NR_COMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

static void print_result(FILE *out, const char *prefix,
			 const struct result *r)
{
	size_t n;

	if (r->kind != RK_LINES) {
		fprintf(out, "%s%s\n", prefix, r->text);
		return;
	}
	n = strlen(prefix);
	if (n && prefix[n - 1] == ' ')
		n--;
	fprintf(out, "%.*s\n", (int)n, prefix);
	for (const char *l = r->text; *l; ) {
		n = strcspn(l, "\n");
		fprintf(out, "| %.*s\n", (int)n, l);
		l += n + (l[n] == '\n');
	}
}

/* Split @text into its lines (pointers into it; lens in @len). */
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
static void print_line_diff(const char *a, const char *b)
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
	fprintf(stderr, "--- native\n+++ model\n");
	for (i = 0, j = 0; i < na || j < nb; ) {
		if (i < na && j < nb && line_eq(la[i], lena[i], lb[j], lenb[j])) {
			fprintf(stderr, " %.*s\n", lena[i], la[i]);
			i++, j++;
		} else if (j == nb || (i < na && T(i + 1, j) >= T(i, j + 1))) {
			fprintf(stderr, "-%.*s\n", lena[i], la[i]);
			i++;
		} else {
			fprintf(stderr, "+%.*s\n", lenb[j], lb[j]);
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

struct step {
	char *text;		/* the command line, for messages */
	int lineno;
	bool has_expect;
	char *expected;		/* normalized; lines for a block */
};

/* The checker, after every command; returns EXIT_FAIL on a break. */
static int run_checks(struct interp *ip, const struct step *st)
{
	const char *msg;

	if (!ip->o.check)
		return 0;
	for (int i = 0; i < ip->nb; i++) {
		if (!ip->ops[i]->check || !ip->ops[i]->check(ip->bk[i], &msg))
			continue;
		fprintf(stderr, "%s:%d: mm_check: %s\n", ip->file, st->lineno,
			msg ? msg : "(no report)");
		if (ip->o.check_fatal)
			abort();
		return EXIT_FAIL;
	}
	return 0;
}

static int judge_diff(struct interp *ip, const struct step *st,
		      struct cmd *c)
{
	struct result *a = &c->res[0], *b = &c->res[1];

	if (!strcmp(c->argv[0], "require")) {
		fprintf(stderr, "%s:%d: skipped: %s\n", ip->file, st->lineno,
			a->text);
		return EXIT_SKIP;
	}
	if (a->kind == RK_UNSUP || b->kind == RK_UNSUP) {
		if (ip->o.verbose)
			fprintf(stderr, "%s:%d: %s: not compared (%s)\n",
				ip->file, st->lineno, st->text,
				a->kind == RK_UNSUP ? a->text : b->text);
		return 0;
	}
	if (ip->o.verbose) {
		char *p = xasprintf("%s:%d: %s => ", ip->file, st->lineno,
				    st->text);

		print_result(stdout, p, b);
		free(p);
	}
	if (results_agree(a, b))
		return 0;
	fprintf(stderr, "%s:%d: %s: native and model differ\n", ip->file,
		st->lineno, st->text);
	if (a->kind == RK_LINES && b->kind == RK_LINES) {
		print_line_diff(a->text, b->text);
	} else {
		fprintf(stderr, "  native: %s\n  model:  %s\n", a->text,
			b->text);
	}
	return EXIT_FAIL;
}

static void print_expected(const char *exp, bool block)
{
	if (!block) {
		fprintf(stderr, "%s", exp);
		return;
	}
	fprintf(stderr, "\n%s", *exp ? "" : "(no lines)\n");
	for (const char *l = exp; *l; ) {
		size_t n = strcspn(l, "\n");

		fprintf(stderr, "| %.*s\n", (int)n, l);
		l += n + (l[n] == '\n');
	}
}

static int judge_run(struct interp *ip, const struct step *st, struct cmd *c)
{
	struct result *r = &c->res[0];
	bool block = r->kind == RK_LINES;

	if (r->kind == RK_UNSUP) {
		fprintf(stderr, "%s:%d: skipped: %s\n", ip->file, st->lineno,
			r->text);
		return EXIT_SKIP;
	}
	if (ip->o.verbose || ip->o.repl) {
		char *p = ip->o.repl ? xstrdup("") :
			  xasprintf("%s:%d: %s => ", ip->file, st->lineno,
				    st->text);

		print_result(stdout, p, r);
		free(p);
	}
	if (!st->has_expect) {
		if (r->kind != RK_FAIL)
			return 0;
		fprintf(stderr, "%s:%d: %s failed: %s\n", ip->file, st->lineno,
			st->text, r->text);
		return EXIT_FAIL;
	}
	if (result_matches(r, st->expected))
		return 0;
	fprintf(stderr, "%s:%d: expected ", ip->file, st->lineno);
	print_expected(st->expected, block);
	fprintf(stderr, "%sgot ", block ? "" : ", ");
	print_expected(r->text, block);
	if (!block)
		fputc('\n', stderr);
	return EXIT_FAIL;
}

/* The expectation tokens, blank-separated. */
static char *join_words(char **w, int n)
{
	char *out = xstrdup("");
	size_t len = 0;

	for (int i = 0; i < n; i++) {
		out = xrealloc(out, len + strlen(w[i]) + 2);
		len += sprintf(out + len, "%s%s", i ? " " : "", w[i]);
	}
	return out;
}

/* Parse and run one command line; returns an exit code, or -1 if malformed. */
static int run_step(struct interp *ip, struct src *s, struct step *st,
		    struct lex_line *l)
{
	const struct command *cmd = find_command(l->argv[0]);
	struct cmd c = { .argc = l->argc - 1, .argv = l->argv };
	int ret;

	if (!cmd)
		return bad(ip, "unknown command %s", l->argv[0]);
	if (c.argc < cmd->min || c.argc > cmd->max)
		return bad(ip, "usage: %s", cmd->usage);
	if (arg_proc(ip, l->proc ? l->proc : "main", &c.proc))
		return -1;
	st->has_expect = l->has_expect;
	if (l->has_expect && !l->nexpect) {
		st->expected = read_block(s);
	} else {
		st->expected = join_words(l->expect, l->nexpect);
	}
	if (cmd->fn(ip, &c)) {
		ret = -1;
		goto out;
	}
	ret = run_checks(ip, st);
	if (!ret)
		ret = ip->nb > 1 ? judge_diff(ip, st, &c) : judge_run(ip, st, &c);
out:
	for (int i = 0; i < MAX_BACKENDS; i++)
		result_clear(&c.res[i]);
	return ret;
}

static void step_free(struct step *st)
{
	free(st->text);
	free(st->expected);
	memset(st, 0, sizeof(*st));
}

/* The command text, without expectation, comment and surrounding blanks. */
static char *command_text(const char *line)
{
	char *t = xstrdup(line + strspn(line, " \t"));
	size_t n = strcspn(t, "#\r\n");
	char *arrow = strstr(t, "=>");

	if (arrow && (size_t)(arrow - t) < n)
		n = arrow - t;

	while (n && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	t[n] = '\0';
	return t;
}

static int run_line(struct interp *ip, struct src *s, char *line)
{
	struct step st = { .lineno = s->lineno };
	struct lex_line l;
	const char *err;
	int ret;

	ip->msg[0] = '\0';
	st.text = command_text(line);
	if (s->nul)
		ret = bad(ip, "NUL byte in the line");
	else if (lex_split(line, &l, &err))
		ret = bad(ip, "%s", err);
	else if (l.block)
		ret = bad(ip, "'|' block without a command");
	else if (!l.argc)
		ret = 0;
	else
		ret = run_step(ip, s, &st, &l);
	if (ret < 0) {
		fprintf(stderr, "%s:%d: %s\n", ip->file, st.lineno, ip->msg);
		ret = EXIT_MALFORMED;
	}
	step_free(&st);
	return ret;
}

static void interp_init(struct interp *ip, const char *file,
			const struct backend_ops **ops, struct backend **bk,
			int nb, const struct interp_opts *o)
{
	memset(ip, 0, sizeof(*ip));
	ip->file = file;
	ip->ops = ops;
	ip->bk = bk;
	ip->nb = nb;
	ip->o = *o;
	sym_add(&ip->procs, "main", 0);
}

int interp_run(const char *file, FILE *in, const struct backend_ops **ops,
	       struct backend **bk, int nb, const struct interp_opts *o)
{
	struct src s = { .f = in, .tty = o->repl };
	struct interp ip;
	int ret = 0;
	char *line;

	if (nb < 1 || nb > MAX_BACKENDS)
		return EXIT_MALFORMED;
	interp_init(&ip, file, ops, bk, nb, o);
	while ((line = src_get(&s, "mmsim> "))) {
		ret = run_line(&ip, &s, line);
		free(line);
		if (ret && !o->repl)
			break;
		ret = 0;
	}
	free(s.buf);
	free(s.pushed);
	sym_free(&ip.names);
	sym_free(&ip.procs);
	sym_free(&ip.files);
	sym_free(&ip.pins);
	return ret;
}

bool interp_help(FILE *out, const char *name)
{
	const struct command *c;

	if (name) {
		c = find_command(name);
		if (!c)
			return false;
		fprintf(out, "usage: %s\n  %s\n", c->usage, c->summary);
		return true;
	}
	fputs("Scenario commands (prefix with @PROC to run in PROC; "
	      "append => EXPECTED):\n", out);
	for (size_t i = 0; i < NR_COMMANDS; i++)
		fprintf(out, "  %s\n      %s\n", commands[i].usage,
			commands[i].summary);
	return true;
}
