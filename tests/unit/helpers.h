/* SPDX-License-Identifier: GPL-2.0 */
/*
 * helpers.h - small fixtures shared by the unit tests: a machine with a
 * little RAM and one process, and one-line wrappers for common steps.
 */
#ifndef MMSIM_TEST_HELPERS_H
#define MMSIM_TEST_HELPERS_H

#include <errno.h>
#include <signal.h>
#include <sys/mman.h>

#include <mmsim/mmsim.h>

#include "test.h"

#define ARENA 0x100000000000UL
#define PG 4096UL

struct fixture {
	struct machine *m;
	struct task_struct *t;
};

/* A 64 MiB machine with one process; the profile is the kernel default. */
static inline int fixture_init(struct fixture *f)
{
	struct mmsim_config cfg;

	mmsim_config_init(&cfg);
	cfg.ram_bytes = 64UL << 20;
	if (machine_create(&cfg, &f->m))
		return -1;
	return task_create(f->m, &f->t);
}

/*
 * fixture_init() with the THP policy @thp (transparent_hugepage/enabled,
 * MMSIM_THP_*), the PMD size inheriting it.
 */
static inline int thp_fixture(struct fixture *f, int thp)
{
	struct mmsim_profile p;

	if (fixture_init(f))
		return -1;
	machine_get_profile(f->m, &p);
	p.thp_enabled = thp;
	machine_set_profile(f->m, &p);
	return 0;
}

/* A machine of the default size with one process and a /proc buffer. */
struct proc_fixture {
	struct machine *m;
	struct task_struct *t;
	struct seq_buf s;
};

static inline int proc_fixture_init(struct proc_fixture *e, bool soft_dirty)
{
	struct mmsim_config cfg;

	mmsim_config_init(&cfg);
	cfg.profile.soft_dirty = soft_dirty;
	seq_buf_init(&e->s);
	if (machine_create(&cfg, &e->m))
		return -1;
	return task_create(e->m, &e->t);
}

static inline void proc_fixture_exit(struct proc_fixture *e)
{
	seq_buf_free(&e->s);
	machine_destroy(e->m);
}

/* mmap at exactly @addr (MAP_FIXED_NOREPLACE) in the fixture's process. */
static inline long map_at(struct proc_fixture *e, unsigned long addr,
			  unsigned long len, unsigned long prot,
			  unsigned long flags, struct file *f, unsigned long off)
{
	return sys_mmap(e->t, addr, len, prot, flags | MAP_FIXED_NOREPLACE, f,
			off);
}

static inline long map_anon(struct fixture *f, unsigned long addr,
			    unsigned long len, int prot, int flags)
{
	return sys_mmap(f->t, addr, len, prot,
			flags | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, NULL, 0);
}

static inline int peek(struct task_struct *t, unsigned long addr)
{
	unsigned char b;
	int err = uaccess_read(t, addr, &b, 1);

	return err ? -err : b;
}

static inline uint64_t pagemap(struct task_struct *t, unsigned long addr)
{
	uint64_t e = 0;

	proc_pid_pagemap(t, addr, &e);
	return e;
}

static inline uint64_t pfn_of(struct task_struct *t, unsigned long addr)
{
	uint64_t e = pagemap(t, addr);

	return (e & PM_PRESENT) ? (e & PM_PFRAME_MASK) : 0;
}

/* The @n-th frame of the machine's I/O region (no struct page). */
static inline unsigned long io_pfn(struct fixture *f, unsigned long n)
{
	unsigned long start, nr;

	machine_io_range(f->m, &start, &nr);
	return start + n;
}

#endif /* MMSIM_TEST_HELPERS_H */
