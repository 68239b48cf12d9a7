// SPDX-License-Identifier: GPL-2.0
/*
 * defio_stress.c - the randomized fb_defio workload (defio_stress.h).
 *
 * The engine keeps its own record of every mapping (process, address,
 * pages, framebuffer offset, shared or private) so that it knows which
 * framebuffer page each write reached: a store that succeeded through a
 * shared mapping wrote the framebuffer; one through a private mapping
 * wrote a copy.  Mappings sit one per 16-page slot of the arena, never
 * reused.  Process 0 keeps a read-only anchor mapping of the whole
 * framebuffer, through which the flush and the dirty list are reached
 * (`defio_dirty`, `defio_flush`: the driver's model-only commands).
 */
#include <errno.h>
#include <stdarg.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <mmsim/mmsim.h>
#include <mmsim/design.h>

#include "defio_stress.h"

#define ARENA		0x100000000000UL
#define PG		4096UL
#define FB_PAGES	8
#define SLOT_PAGES	16
#define MAX_PROCS	4
#define MAX_MAPS	32
#define MAX_SLOTS	4096

enum { OP_WRITE, OP_READ, OP_FLUSH, OP_MMAP, OP_MUNMAP, OP_TRIM,
       OP_MPROTECT, OP_MREMAP, OP_FORK, OP_EXIT, NR_OPS };

/* Weights of the random driver, out of 256. */
static const uint8_t op_weight[NR_OPS] = {
	[OP_WRITE] = 96, [OP_READ] = 16, [OP_FLUSH] = 32, [OP_MMAP] = 24,
	[OP_MUNMAP] = 14, [OP_TRIM] = 12, [OP_MPROTECT] = 24, [OP_MREMAP] = 12,
	[OP_FORK] = 16, [OP_EXIT] = 10,
};

struct map {
	int proc;		/* index in procs[] */
	char name[12];		/* scenario name of an address at or before it */
	unsigned long noff;	/* pages from that name to its start */
	unsigned long start, pages, pgoff;
	bool shared, writable, anchor;
};

struct proc {
	struct task_struct *t;
	char name[16];
};

struct stress {
	struct machine *m;
	struct file *fb;
	struct proc procs[MAX_PROCS];
	int nprocs, proc_names;
	struct map maps[MAX_MAPS];
	int nmaps, map_names;
	unsigned long next_slot;
	bool written[FB_PAGES];		/* through a shared mapping, since the last flush */
	FILE *scn;
	struct defio_result *r;
	size_t step;
};

/* ---- the scenario the run writes -------------------------------------- */

static void scn(struct stress *s, int proc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void scn(struct stress *s, int proc, const char *fmt, ...)
{
	va_list ap;

	if (!s->scn)
		return;
	if (proc > 0)
		fprintf(s->scn, "@%s ", s->procs[proc].name);
	va_start(ap, fmt);
	vfprintf(s->scn, fmt, ap);
	va_end(ap);
	fputc('\n', s->scn);
}

/* ---- operations -------------------------------------------------------- */

/* The scenario's address of page @page of @mp: NAME or NAME+Np. */
static const char *addr_text(const struct map *mp, unsigned long page,
			     char *buf, size_t size)
{
	if (mp->noff + page)
		snprintf(buf, size, "%.11s+%lup", mp->name, mp->noff + page);
	else
		snprintf(buf, size, "%s", mp->name);
	return buf;
}

/* Slot 0 is the anchor's; the others are handed out in turn. */
static unsigned long slot_addr(struct stress *s)
{
	unsigned long slot = s->next_slot++;

	if (slot >= MAX_SLOTS)
		slot = 1 + slot % (MAX_SLOTS - 1);
	return ARENA + slot * SLOT_PAGES * PG;
}

static int map_new(struct stress *s, int proc, unsigned long pgoff,
		   unsigned long pages, bool shared, bool writable, bool anchor)
{
	unsigned long addr = slot_addr(s);
	struct map *mp;
	long ret;

	if (s->nmaps == MAX_MAPS)
		return -ENOMEM;
	ret = sys_mmap(s->procs[proc].t, addr, pages * PG,
		       PROT_READ | (writable ? PROT_WRITE : 0),
		       (shared ? MAP_SHARED : MAP_PRIVATE) | MAP_FIXED_NOREPLACE,
		       s->fb, pgoff * PG);
	if (ret != (long)addr)
		return ret < 0 ? (int)ret : -EINVAL;
	mp = &s->maps[s->nmaps++];
	*mp = (struct map) { .proc = proc, .start = addr, .pages = pages,
			     .pgoff = pgoff, .shared = shared,
			     .writable = writable, .anchor = anchor };
	snprintf(mp->name, sizeof(mp->name), "m%d", s->map_names++);
	scn(s, proc, "mmap %s %lup %s %s file=fb off=%lup at=%#lx", mp->name, pages,
	    writable ? "rw-" : "r--", shared ? "shared" : "private", pgoff, addr);
	return 0;
}

static void map_drop(struct stress *s, int i)
{
	s->maps[i] = s->maps[--s->nmaps];
}

/* The @n-th mapping that is not the anchor, or NULL. */
static struct map *pick_map(struct stress *s, unsigned int n)
{
	int others = s->nmaps - 1;

	if (others <= 0)
		return NULL;
	n %= others;
	for (int i = 0; i < s->nmaps; i++)
		if (!s->maps[i].anchor && !n--)
			return &s->maps[i];
	return NULL;
}

/* The @n-th writable mapping, or any if none is. */
static struct map *pick_writable(struct stress *s, unsigned int n)
{
	int w = 0;

	for (int i = 0; i < s->nmaps; i++)
		w += s->maps[i].writable;
	if (!w)
		return &s->maps[n % s->nmaps];
	n %= w;
	for (int i = 0; i < s->nmaps; i++)
		if (s->maps[i].writable && !n--)
			return &s->maps[i];
	return NULL;
}

static void op_write(struct stress *s, const struct defio_op *op)
{
	struct map *mp = pick_writable(s, op->a);
	unsigned long page = op->b % mp->pages;
	unsigned char byte = op->c;
	char a[48];

	if (uaccess_write(s->procs[mp->proc].t, mp->start + page * PG, &byte, 1))
		return;		/* SIGSEGV: read-only */
	scn(s, mp->proc, "write %s 0x%02x", addr_text(mp, page, a, sizeof(a)), byte);
	if (mp->shared) {
		s->written[mp->pgoff + page] = true;
		s->r->writes++;
	}
}

static void op_read(struct stress *s, const struct defio_op *op)
{
	struct map *mp = &s->maps[op->a % s->nmaps];
	unsigned long page = op->b % mp->pages;
	unsigned char b;
	char a[48];

	if (!uaccess_read(s->procs[mp->proc].t, mp->start + page * PG, &b, 1))
		scn(s, mp->proc, "read %s", addr_text(mp, page, a, sizeof(a)));
}

/* "i j k" or "none" into listed[]. */
static void parse_list(const char *text, bool *listed)
{
	char *end;

	memset(listed, 0, FB_PAGES * sizeof(*listed));
	for (const char *p = text; p && *p; p = end) {
		unsigned long i = strtoul(p, &end, 10);

		if (end == p)
			break;
		if (i < FB_PAGES)
			listed[i] = true;
	}
}

void (*defio_stress_after_flush)(struct machine *m);

/* Check the dirty list against what was written, then flush. */
static void op_flush(struct stress *s)
{
	struct map *anchor = &s->maps[0];
	bool listed[FB_PAGES];
	struct seq_buf out;
	char line[64];
	int lost = 0;

	snprintf(line, sizeof(line), "defio_dirty %#lx", anchor->start);
	seq_buf_init(&out);
	if (mmsim_ctl(s->procs[0].t, line, &out))
		return;
	parse_list(out.buf, listed);
	for (int i = 0; i < FB_PAGES; i++)
		if (s->written[i] && !listed[i]) {
			lost++;
			if (s->scn)
				fprintf(s->scn, "# page %d was written since the last flush "
					"and is not on the dirty list: a lost write\n", i);
		}
	scn(s, 0, "defio_dirty %s => %s", anchor->name, out.buf ? out.buf : "none");
	seq_buf_free(&out);
	s->r->flushes++;
	if (lost && s->r->lost_at < 0)
		s->r->lost_at = (long)s->step;
	s->r->lost += lost;
	snprintf(line, sizeof(line), "defio_flush %#lx", anchor->start);
	seq_buf_init(&out);
	if (!mmsim_ctl(s->procs[0].t, line, &out))
		scn(s, 0, "defio_flush %s", anchor->name);
	seq_buf_free(&out);
	memset(s->written, 0, sizeof(s->written));
	if (defio_stress_after_flush)
		defio_stress_after_flush(s->m);
}

static void op_mmap(struct stress *s, const struct defio_op *op)
{
	unsigned long off = op->b % FB_PAGES;

	map_new(s, op->a % s->nprocs, off, 1 + op->c % (FB_PAGES - off),
		(op->a & 0xc0) != 0xc0, (op->a & 0x30) != 0x30, false);
}

static void op_munmap(struct stress *s, const struct defio_op *op)
{
	struct map *mp = pick_map(s, op->a);
	char a[48];

	if (!mp || sys_munmap(s->procs[mp->proc].t, mp->start, mp->pages * PG))
		return;
	scn(s, mp->proc, "munmap %s %lup", addr_text(mp, 0, a, sizeof(a)), mp->pages);
	map_drop(s, (int)(mp - s->maps));
}

/* Unmap the first or the last @b pages of a mapping: a split. */
static void op_trim(struct stress *s, const struct defio_op *op)
{
	struct map *mp = pick_map(s, op->a);
	unsigned long k;
	char a[48];

	if (!mp || mp->pages < 2)
		return;
	k = 1 + op->b % (mp->pages - 1);
	if (op->c & 1) {	/* the tail */
		if (sys_munmap(s->procs[mp->proc].t, mp->start + (mp->pages - k) * PG, k * PG))
			return;
		scn(s, mp->proc, "munmap %s %lup",
		    addr_text(mp, mp->pages - k, a, sizeof(a)), k);
	} else {
		if (sys_munmap(s->procs[mp->proc].t, mp->start, k * PG))
			return;
		scn(s, mp->proc, "munmap %s %lup", addr_text(mp, 0, a, sizeof(a)), k);
		mp->start += k * PG;
		mp->pgoff += k;
		mp->noff += k;
	}
	mp->pages -= k;
}

static void op_mprotect(struct stress *s, const struct defio_op *op)
{
	struct map *mp = pick_map(s, op->a);

	char a[48];

	if (!mp || sys_mprotect(s->procs[mp->proc].t, mp->start, mp->pages * PG,
				PROT_READ | (mp->writable ? 0 : PROT_WRITE)))
		return;
	mp->writable = !mp->writable;
	scn(s, mp->proc, "mprotect %s %lup %s", addr_text(mp, 0, a, sizeof(a)),
	    mp->pages, mp->writable ? "rw-" : "r--");
}

static void op_mremap(struct stress *s, const struct defio_op *op)
{
	struct map *mp = pick_map(s, op->a);
	unsigned long to;
	char a[48];
	long ret;

	if (!mp)
		return;
	to = slot_addr(s);
	ret = sys_mremap(s->procs[mp->proc].t, mp->start, mp->pages * PG,
			 mp->pages * PG, MREMAP_MAYMOVE | MREMAP_FIXED, to);
	if (ret != (long)to)
		return;
	addr_text(mp, 0, a, sizeof(a));
	mp->start = to;
	mp->noff = 0;
	snprintf(mp->name, sizeof(mp->name), "m%d", s->map_names++);
	scn(s, mp->proc, "mremap %s %lup %lup maymove to=%#lx as=%s", a,
	    mp->pages, mp->pages, to, mp->name);
}

static void op_fork(struct stress *s, const struct defio_op *op)
{
	int parent = op->a % s->nprocs, child = s->nprocs, n = s->nmaps;
	struct task_struct *t;

	if (s->nprocs == MAX_PROCS || sys_fork(s->procs[parent].t, &t))
		return;
	s->procs[child].t = t;
	snprintf(s->procs[child].name, sizeof(s->procs[child].name), "p%d",
		 ++s->proc_names);
	s->nprocs++;
	scn(s, parent, "fork %s", s->procs[child].name);
	for (int i = 0; i < n && s->nmaps < MAX_MAPS; i++) {
		if (s->maps[i].proc != parent)
			continue;
		s->maps[s->nmaps] = s->maps[i];
		s->maps[s->nmaps].proc = child;
		s->maps[s->nmaps].anchor = false;
		s->nmaps++;
	}
}

static void op_exit(struct stress *s, const struct defio_op *op)
{
	int p;

	if (s->nprocs < 2)
		return;
	p = 1 + op->a % (s->nprocs - 1);
	scn(s, p, "exit");
	sys_exit(s->procs[p].t);
	for (int i = s->nmaps - 1; i >= 0; i--) {
		if (s->maps[i].proc == p)
			map_drop(s, i);
		else if (s->maps[i].proc == s->nprocs - 1)
			s->maps[i].proc = p;	/* the last process moves to slot p */
	}
	s->procs[p] = s->procs[--s->nprocs];
}

static void run_op(struct stress *s, const struct defio_op *op)
{
	switch (op->kind % NR_OPS) {
	case OP_WRITE:		op_write(s, op); break;
	case OP_READ:		op_read(s, op); break;
	case OP_FLUSH:		op_flush(s); break;
	case OP_MMAP:		op_mmap(s, op); break;
	case OP_MUNMAP:		op_munmap(s, op); break;
	case OP_TRIM:		op_trim(s, op); break;
	case OP_MPROTECT:	op_mprotect(s, op); break;
	case OP_MREMAP:		op_mremap(s, op); break;
	case OP_FORK:		op_fork(s, op); break;
	case OP_EXIT:		op_exit(s, op); break;
	}
}

/* ---- runs ---------------------------------------------------------------- */

static int stress_init(struct stress *s, const char *design)
{
	struct mmsim_config cfg;
	char words[64];
	int err;

	mmsim_config_init(&cfg);
	cfg.ram_bytes = 32UL << 20;
	err = machine_create(&cfg, &s->m);
	if (err)
		return err;
	snprintf(words, sizeof(words), "mixed defio=%s", design);
	err = mmsim_machine_design(s->m, words, false);
	if (!err)
		err = task_create(s->m, &s->procs[0].t);
	if (!err)
		err = device_open(s->m, "fbdefio", "pages=8", &s->fb);
	if (err)
		return err;
	strcpy(s->procs[0].name, "main");
	s->nprocs = 1;
	s->next_slot = 0;
	scn(s, 0, "require model\ndesign mixed defio=%s\nopen fb fbdefio pages=8", design);
	/* the anchor: flushes and the dirty list are reached through it */
	return map_new(s, 0, 0, FB_PAGES, true, false, true);
}

int defio_run(const char *design, const struct defio_op *ops, size_t n,
	      bool check, FILE *scenario, struct defio_result *r)
{
	struct mmsim_events ev0, ev1;
	struct stress s = { .scn = scenario, .r = r };
	int err;

	memset(r, 0, sizeof(*r));
	r->lost_at = -1;
	err = stress_init(&s, design);
	if (err) {
		r->error = err;
		if (s.fb)
			fput(s.fb);
		if (s.m)
			machine_destroy(s.m);
		return err;
	}
	mmsim_events(s.m, &ev0);
	for (s.step = 0; s.step < n; s.step++) {
		run_op(&s, &ops[s.step]);
		if (check && mm_check(s.m) && !r->check_failures++) {
			r->check_at = (long)s.step;
			snprintf(r->check, sizeof(r->check), "%s", mm_check_report(s.m));
		}
	}
	op_flush(&s);		/* what the last writes left */
	r->steps = n;
	mmsim_events(s.m, &ev1);
	r->field_writes = ev1.page_field_writes - ev0.page_field_writes;
	fput(s.fb);
	machine_destroy(s.m);
	return 0;
}

void defio_random_ops(uint64_t seed, struct defio_op *ops, size_t n)
{
	uint64_t x = seed ? seed : 0x9e3779b97f4a7c15ULL;

	for (size_t i = 0; i < n; i++) {
		unsigned int w, k = 0;

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		w = x & 0xff;
		while (k < NR_OPS - 1 && w >= op_weight[k])
			w -= op_weight[k++];
		ops[i] = (struct defio_op) { k, x >> 8, x >> 16, x >> 24 };
	}
}

static bool loses(const char *design, const struct defio_op *ops, size_t n)
{
	struct defio_result r;

	return !defio_run(design, ops, n, false, NULL, &r) && r.lost;
}

size_t defio_shrink(const char *design, struct defio_op *ops, size_t n)
{
	struct defio_op *tmp = malloc(n * sizeof(*ops));
	size_t chunk = n / 2;

	if (!tmp || !loses(design, ops, n)) {
		free(tmp);
		return n;
	}
	while (chunk >= 1) {
		bool removed = false;

		for (size_t at = 0; at + chunk <= n; ) {
			size_t m = n - chunk;

			memcpy(tmp, ops, at * sizeof(*ops));
			memcpy(tmp + at, ops + at + chunk, (n - at - chunk) * sizeof(*ops));
			if (loses(design, tmp, m)) {
				memcpy(ops, tmp, m * sizeof(*ops));
				n = m;
				removed = true;
			} else {
				at += chunk;
			}
		}
		if (!removed)
			chunk /= 2;
	}
	free(tmp);
	return n;
}
