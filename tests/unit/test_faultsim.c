// SPDX-License-Identifier: GPL-2.0
/*
 * test_faultsim.c - allocation failure as a test axis: a workload that
 * touches every allocating path is run with the Nth allocation failing,
 * N = 1, 2, 3 ... until a run injects nothing.  After each run every
 * call must have returned success or ENOMEM (signals only SIGBUS-free
 * success), mm_check() must pass, and tearing everything down must leave
 * no frame or object behind.
 */
#include "helpers.h"

struct workload {
	struct fixture f;
	struct task_struct *child;
	struct file *memfd;
	struct file *tmpfile;
	struct pin_set *pin;
	int bad;			/* a result that is neither ok nor ENOMEM */
};

static void expect_ok_or_nomem(struct workload *w, long ret)
{
	if (ret < 0 && ret != -ENOMEM)
		w->bad = (int)ret;
}

/*
 * read(2)/write(2) into user memory: a kernel-mode fault that cannot
 * allocate is fixed up like any other, so EFAULT (or a short count) is
 * the kernel's answer there, not ENOMEM.
 */
static void expect_count_or_efault(struct workload *w, long ret)
{
	if (ret < 0 && ret != -ENOMEM && ret != -EFAULT)
		w->bad = (int)ret;
}

/* A disk file: read-around, write-notify faults, writeback, eviction and
 * reading back, truncation. */
static void run_tmpfile_steps(struct workload *w)
{
	struct task_struct *t = w->f.t;
	unsigned long at = ARENA + (5UL << 30);
	unsigned char b;
	long r;

	expect_ok_or_nomem(w, vfs_tmpfile(w->f.m, "t", &w->tmpfile));
	if (!w->tmpfile)
		return;
	expect_ok_or_nomem(w, vfs_truncate(w->tmpfile, 40 * PG));
	r = sys_mmap(t, at, 40 * PG, PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_FIXED_NOREPLACE, w->tmpfile, 0);
	expect_ok_or_nomem(w, r);
	if (r < 0)
		return;
	expect_ok_or_nomem(w, uaccess_read(t, at + 20 * PG, &b, 1));
	expect_ok_or_nomem(w, uaccess_memset(t, at, 5, 4 * PG));
	expect_ok_or_nomem(w, kernel_write(w->tmpfile, "z", 1, 30 * PG));
	expect_ok_or_nomem(w, vfs_fsync(w->tmpfile));
	expect_ok_or_nomem(w, sys_madvise(t, at, 4 * PG, MADV_PAGEOUT));
	expect_ok_or_nomem(w, uaccess_read(t, at + PG, &b, 1));
	expect_ok_or_nomem(w, uaccess_memset(t, at, 6, PG));
	expect_ok_or_nomem(w, vfs_truncate(w->tmpfile, 2 * PG + 10));
}

/* userfaultfd markers and copies, PAGEMAP_SCAN, process_madvise */
/* The fills into shared shmem (page cache) and into a private mapping. */
static void run_uffd_fill_steps(struct workload *w, unsigned long a)
{
	struct task_struct *t = w->f.t;
	long r;

	r = sys_mmap(t, a, 4 * PG, PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, NULL, 0);
	expect_ok_or_nomem(w, r);
	if (r < 0)
		return;
	r = uffd_register(t, a, 4 * PG, UFFDIO_REGISTER_MODE_MISSING |
			  UFFDIO_REGISTER_MODE_MINOR);
	expect_ok_or_nomem(w, r);
	if (r)
		return;
	r = uffd_copy(t, a, PG, 1, 0);
	expect_ok_or_nomem(w, r < 0 ? r : 0);
	r = uffd_zeropage(t, a + PG, PG, 0);
	expect_ok_or_nomem(w, r < 0 ? r : 0);
	r = uffd_poison(t, a + 2 * PG, PG, 0);
	expect_ok_or_nomem(w, r < 0 ? r : 0);
	expect_ok_or_nomem(w, sys_madvise(t, a, PG, MADV_DONTNEED));
	r = uffd_continue(t, a, PG, 0);
	if (r != -EFAULT)	/* the copy above may have failed */
		expect_ok_or_nomem(w, r < 0 ? r : 0);
	/* UFFDIO_MOVE between two private anonymous mappings */
	r = map_anon(&w->f, a + 8 * PG, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	expect_ok_or_nomem(w, r);
	if (r < 0)
		return;
	expect_ok_or_nomem(w, uaccess_memset(t, a + 8 * PG, 2, 2 * PG));
	r = uffd_register(t, a + 10 * PG, 2 * PG, UFFDIO_REGISTER_MODE_MISSING);
	expect_ok_or_nomem(w, r);
	if (r)
		return;
	r = uffd_move(t, a + 10 * PG, a + 8 * PG, 2 * PG, 2);
	if (r != -ENOENT)	/* the memset above may have failed */
		expect_ok_or_nomem(w, r < 0 ? r : 0);
}

static void run_uffd_steps(struct workload *w)
{
	struct task_struct *t = w->f.t;
	unsigned long a = ARENA + (6UL << 30);
	struct pm_scan_arg arg = {
		.size = sizeof(arg), .flags = PM_SCAN_WP_MATCHING, .start = a,
		.end = a + 8 * PG, .vec = 1, .vec_len = 8,
		.category_mask = PAGE_IS_WRITTEN, .return_mask = PAGE_IS_WRITTEN,
	};
	struct iovec_range vec[1] = { { a, PG } };
	struct page_region regions[8];
	long r;

	r = map_anon(&w->f, a, 8 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	expect_ok_or_nomem(w, r);
	if (r < 0)
		return;
	expect_ok_or_nomem(w, uffd_api(t, UFFD_FEATURE_WP_ASYNC));
	r = uffd_register(t, a, 4 * PG, UFFDIO_REGISTER_MODE_WP);
	if (!r)
		r = uffd_register(t, a + 4 * PG, 4 * PG, UFFDIO_REGISTER_MODE_MISSING |
				  UFFDIO_REGISTER_MODE_WP);
	expect_ok_or_nomem(w, r);
	if (r)		/* without the registration the rest is ENOENT */
		return;
	expect_ok_or_nomem(w, uffd_writeprotect(t, a, 4 * PG, true));
	r = uffd_copy(t, a + 4 * PG, 2 * PG, 5, 0);
	expect_ok_or_nomem(w, r < 0 ? r : 0);
	expect_ok_or_nomem(w, uaccess_memset(t, a, 6, PG));
	r = pagemap_scan(t, &arg, regions);
	expect_ok_or_nomem(w, r < 0 ? r : 0);
	r = sys_process_madvise(t, task_pid_nr(t), vec, 1, MADV_DONTNEED, 0);
	expect_ok_or_nomem(w, r < 0 ? r : 0);
	expect_ok_or_nomem(w, clear_refs_write(t, 1));
	expect_ok_or_nomem(w, uffd_unregister(t, a, 8 * PG));
	run_uffd_fill_steps(w, a + (1UL << 30));
}

/*
 * The userfaultfd monitor serving the process's own kernel-mode accesses
 * and GUP (userfaultfd_monitor_serve()): the zero page, a page table for
 * it, a cached zero page in shmem, a COW after it.  A serve that cannot
 * allocate is ENOMEM for GUP and populating, a short copy for read(2).
 */
static void run_uffd_monitor_steps(struct workload *w)
{
	struct task_struct *t = w->f.t;
	unsigned long a = ARENA + (12UL << 30);
	char buf[4096];
	long r;

	r = map_anon(&w->f, a, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	expect_ok_or_nomem(w, r);
	if (r < 0)
		return;
	r = sys_mmap(t, a + 4 * PG, 2 * PG, PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, NULL, 0);
	expect_ok_or_nomem(w, r);
	if (r < 0)
		return;
	r = uffd_register(t, a, 6 * PG, UFFDIO_REGISTER_MODE_MISSING);
	expect_ok_or_nomem(w, r);
	if (r)
		return;
	expect_count_or_efault(w, sys_pread64(t, w->memfd, a, 2, 0));
	expect_count_or_efault(w, sys_pwrite64(t, w->memfd, a + PG, 2, 0));
	expect_ok_or_nomem(w, sys_madvise(t, a + 2 * PG, PG, MADV_POPULATE_WRITE));
	r = sys_mlock(t, a + 4 * PG, 2 * PG);
	if (r != -EAGAIN)	/* mlock's word for populating out of memory */
		expect_ok_or_nomem(w, r);
	r = sys_process_vm_readv(t, task_pid_nr(t), a + 3 * PG, sizeof(buf), buf);
	if (r < 0 && r != -EFAULT && r != -ENOMEM)
		w->bad = (int)r;
}

/* memfd_secret(2): the file, its size, a fault allocating into its cache */
static void run_secretmem_steps(struct workload *w)
{
	unsigned long a = ARENA + (7UL << 30);
	struct file *s = NULL;
	long r;

	expect_ok_or_nomem(w, sys_memfd_secret(w->f.m, 0, &s));
	if (!s)
		return;
	expect_ok_or_nomem(w, vfs_truncate(s, 2 * PG));
	r = sys_mmap(w->f.t, a, 2 * PG, PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_FIXED_NOREPLACE, s, 0);
	expect_ok_or_nomem(w, r);
	if (r > 0) {
		expect_ok_or_nomem(w, uaccess_memset(w->f.t, a, 9, 2 * PG));
		expect_ok_or_nomem(w, sys_munmap(w->f.t, a, 2 * PG));
	}
	fput(s);
}

static void run_workload(struct workload *w)
{
	struct task_struct *t = w->f.t;
	long r;

	run_tmpfile_steps(w);
	run_secretmem_steps(w);

	r = map_anon(&w->f, ARENA, 8 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	expect_ok_or_nomem(w, r);
	if (r < 0)
		return;
	expect_ok_or_nomem(w, uaccess_memset(t, ARENA, 1, 8 * PG));
	expect_ok_or_nomem(w, sys_mprotect(t, ARENA + PG, PG, PROT_READ));
	expect_ok_or_nomem(w, pin_range(t, ARENA + 2 * PG, PG, false, &w->pin));
	expect_ok_or_nomem(w, sys_fork(t, &w->child));
	expect_ok_or_nomem(w, uaccess_memset(t, ARENA + 2 * PG, 2, 2 * PG));
	if (w->child)
		expect_ok_or_nomem(w, uaccess_memset(w->child, ARENA + 4 * PG, 3, PG));
	r = sys_mremap(t, ARENA + 6 * PG, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED,
		       ARENA + (1UL << 30));
	expect_ok_or_nomem(w, r);
	expect_ok_or_nomem(w, sys_memfd_create(w->f.m, "f", &w->memfd));
	if (!w->memfd)
		return;
	expect_ok_or_nomem(w, vfs_truncate(w->memfd, 4 * PG));
	expect_ok_or_nomem(w, kernel_write(w->memfd, "x", 1, PG));
	expect_ok_or_nomem(w, kernel_write(w->memfd, "y", 1, 1UL << 40));
	r = sys_mmap(t, ARENA + (2UL << 30), 4 * PG, PROT_READ | PROT_WRITE,
		     MAP_SHARED | MAP_FIXED_NOREPLACE, w->memfd, 0);
	expect_ok_or_nomem(w, r);
	if (r > 0)
		expect_ok_or_nomem(w, uaccess_memset(t, r, 4, 4 * PG));
	expect_ok_or_nomem(w, vfs_fallocate(w->memfd, 0, 8 * PG, 4 * PG));
	expect_ok_or_nomem(w, sys_madvise(t, ARENA + (2UL << 30), PG, MADV_REMOVE));
	expect_ok_or_nomem(w, sys_madvise(t, ARENA, 8 * PG, MADV_FREE));
	expect_ok_or_nomem(w, sys_madvise(t, ARENA, 8 * PG, MADV_PAGEOUT));
	expect_ok_or_nomem(w, sys_mlockall(t, MCL_CURRENT | MCL_ONFAULT));
	expect_ok_or_nomem(w, sys_munlockall(t));
	r = map_anon(&w->f, ARENA + (3UL << 30), 2 * PG, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE);
	expect_ok_or_nomem(w, r);
	if (r > 0) {
		expect_count_or_efault(w, sys_pread64(t, w->memfd, r, 2 * PG, 0));
		expect_count_or_efault(w, sys_pwrite64(t, w->memfd, r, 2 * PG, 8 * PG));
	}
	expect_ok_or_nomem(w, sys_munmap(t, ARENA + 3 * PG, PG));
	/* issue 10: guard markers, seals, multi-VMA and DONTUNMAP moves */
	expect_ok_or_nomem(w, sys_madvise(t, ARENA + 4 * PG, 2 * PG, 102));
	r = sys_mremap(t, ARENA, 6 * PG, 6 * PG, MREMAP_MAYMOVE | MREMAP_FIXED,
		       ARENA + (3UL << 30));
	expect_ok_or_nomem(w, r);
	if (r < 0)	/* a partial move leaves nothing to move on with */
		return;
	expect_ok_or_nomem(w, sys_mremap(t, ARENA + (3UL << 30), PG, PG,
					 MREMAP_MAYMOVE | MREMAP_FIXED | 4, ARENA + (4UL << 30)));
	expect_ok_or_nomem(w, sys_mseal(t, ARENA + (3UL << 30) + 2 * PG, PG, 0));
	run_uffd_steps(w);
	run_uffd_monitor_steps(w);
	/* process_vm_readv(2) faults the remote pages in (a page table) */
	if (w->child) {
		char buf[2 * 4096];
		long n = sys_process_vm_readv(t, task_pid_nr(w->child),
					      ARENA + 4 * PG, sizeof(buf), buf);

		if (n < 0 && n != -EFAULT && n != -ENOMEM)
			w->bad = (int)n;
	}
	/* SIGKILL and process_mrelease(2): the reap allocates nothing */
	if (w->child && !send_sig(SIGKILL, w->child, 0))
		expect_ok_or_nomem(w, sys_process_mrelease(t, task_pid_nr(w->child), 0));
}

static void teardown(struct workload *w)
{
	if (w->pin)
		pin_release(w->pin);
	if (w->memfd)
		fput(w->memfd);
	if (w->tmpfile)
		fput(w->tmpfile);
	if (w->child)
		sys_exit(w->child);
	sys_exit(w->f.t);
}

/*
 * Fail the Nth allocation of @run's workload, for N = 1, 2, ... until
 * nothing was injected: every call ends in success or ENOMEM, and the
 * model stays consistent and frees everything at teardown.
 */
static void sweep(void (*run)(struct workload *w))
{
	unsigned long n;

	for (n = 1; n < 100000; n++) {
		struct workload w = { 0 };
		unsigned long injected;

		ASSERT_EQ(fixture_init(&w.f), 0);
		mmsim_fail_nth(w.f.m, n);
		run(&w);
		injected = mmsim_fail_injected(w.f.m);
		mmsim_fail_nth(w.f.m, 0);
		if (w.bad)
			TEST_FAIL("n=%lu: a call failed with %d, not ENOMEM", n, w.bad);
		CHECK_MM(w.f.m);
		teardown(&w);
		CHECK_MM(w.f.m);	/* no task, file or pin: leak check */
		machine_destroy(w.f.m);
		if (!injected)
			break;
	}
	ASSERT_GT(n, 10);	/* the workload allocates: failures were injected */
}

TEST(allocation_failure_anywhere_leaves_the_model_consistent_and_leak_free)
{
	sweep(run_workload);
}

/*
 * Large folios: THP and huge zero faults, COW of the huge zero PMD, PMD
 * split by mprotect, fork of THPs (one pinned), a COW split in the child,
 * an aligned mremap, MADV_COLLAPSE, mTHP faults, a partial munmap,
 * MADV_FREE/COLD/PAGEOUT and a guard over whole and partial THPs, and
 * the deferred split.  A failed large allocation must fall back (never
 * fail the call); page tables failing is ENOMEM as in the kernel.
 */
/* The deferred split shrinker, through the model's ctl interface. */
static void deferred_split_scan(struct task_struct *t)
{
	struct seq_buf s;

	seq_buf_init(&s);
	mmsim_ctl(t, "deferred_split_scan", &s);
	seq_buf_free(&s);
}

/* UFFDIO_MOVE of a whole THP, and of one page of another (a split). */
static void run_thp_uffd_move(struct workload *w, unsigned long at)
{
	struct task_struct *t = w->f.t;
	const unsigned long thp = 2UL << 20;
	long r;

	r = map_anon(&w->f, at, 4 * thp, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	expect_ok_or_nomem(w, r);
	if (r < 0)
		return;
	expect_ok_or_nomem(w, sys_madvise(t, at, 4 * thp, MADV_HUGEPAGE));
	if (uaccess_memset(t, at, 5, 2 * thp))
		return;		/* ENOMEM: nothing to move */
	expect_ok_or_nomem(w, uffd_api(t, 0));
	r = uffd_register(t, at + 2 * thp, 2 * thp, UFFDIO_REGISTER_MODE_MISSING);
	expect_ok_or_nomem(w, r);
	if (r)
		return;
	r = uffd_move(t, at + 2 * thp, at, thp, 0);
	expect_ok_or_nomem(w, r < 0 ? r : 0);
	r = uffd_move(t, at + 3 * thp + PG, at + thp, PG, 0);
	expect_ok_or_nomem(w, r < 0 ? r : 0);
}

static void run_thp_workload(struct workload *w)
{
	struct task_struct *t = w->f.t;
	const unsigned long thp = 2UL << 20, base = ARENA + (8UL << 30);
	struct mmsim_profile p;
	long r;

	machine_get_profile(w->f.m, &p);
	p.thp_anon[4] = MMSIM_THP_ALWAYS;	/* 64 kB mTHP next to the PMD size */
	machine_set_profile(w->f.m, &p);
	r = map_anon(&w->f, base, 8 * thp, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	expect_ok_or_nomem(w, r);
	if (r < 0)
		return;
	expect_ok_or_nomem(w, sys_madvise(t, base, 8 * thp, MADV_HUGEPAGE));
	expect_ok_or_nomem(w, peek(t, base) < 0 ? -ENOMEM : 0);
	expect_ok_or_nomem(w, uaccess_memset(t, base, 1, 4 * thp));
	expect_ok_or_nomem(w, sys_mprotect(t, base + thp + PG, PG, PROT_READ));
	expect_ok_or_nomem(w, pin_range(t, base + 2 * thp, PG, false, &w->pin));
	expect_ok_or_nomem(w, sys_fork(t, &w->child));
	if (w->child)
		expect_ok_or_nomem(w, uaccess_memset(w->child, base + 3 * thp, 2, PG));
	expect_ok_or_nomem(w, sys_mremap(t, base + 3 * thp, thp, thp,
					 MREMAP_MAYMOVE | MREMAP_FIXED, base + 6 * thp));
	r = sys_madvise(t, base + 7 * thp, thp, 25 /* MADV_COLLAPSE */);
	if (r != -EINVAL && r != -EAGAIN)	/* nothing to collapse there */
		expect_ok_or_nomem(w, r);
	expect_ok_or_nomem(w, uaccess_memset(t, base + 7 * thp, 4, PG));
	/* EINVAL when the write above found no page table to fault into */
	r = sys_madvise(t, base + 7 * thp, thp, 25);
	if (r != -EINVAL || !mmsim_fail_injected(w->f.m))
		expect_ok_or_nomem(w, r);
	expect_ok_or_nomem(w, sys_madvise(t, base + 5 * thp, thp, MADV_NOHUGEPAGE));
	expect_ok_or_nomem(w, uaccess_memset(t, base + 5 * thp, 3, 64 * PG));
	expect_ok_or_nomem(w, sys_munmap(t, base + 8 * PG, PG));
	/* the reclaim advice and a guard, over whole THPs and parts of them */
	expect_ok_or_nomem(w, sys_madvise(t, base + 2 * thp, thp, 8 /* MADV_FREE */));
	expect_ok_or_nomem(w, sys_madvise(t, base + 6 * thp, 4 * PG, 8));
	expect_ok_or_nomem(w, sys_madvise(t, base + 6 * thp + thp / 2, thp / 2,
					  20 /* MADV_COLD */));
	expect_ok_or_nomem(w, sys_madvise(t, base, 2 * thp, 21 /* MADV_PAGEOUT */));
	expect_ok_or_nomem(w, sys_madvise(t, base + 7 * thp + PG, PG,
					  102 /* MADV_GUARD_INSTALL */));
	run_thp_uffd_move(w, base + 8 * thp);
	deferred_split_scan(t);
}

TEST(allocation_failure_on_large_folio_paths_leaves_the_model_consistent)
{
	sweep(run_thp_workload);
}
