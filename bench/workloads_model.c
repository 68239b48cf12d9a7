// SPDX-License-Identifier: GPL-2.0
/*
 * workloads_model.c - the benchmark's workloads run on the model: a fresh
 * machine per run, the process's stores and loads made through the
 * software MMU (uaccess_*), the system calls made with sys_*().  Owns
 * only the model side; the host side is workloads_native.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <mmsim/mmsim.h>

#include "bench.h"

static const char *err_name(long err)
{
	const char *s = errno_name((int)-err);

	return s ? s : strerror((int)-err);
}

/*
 * A machine with @ram_bytes of RAM and one process holding an anonymous
 * private read-write mapping of @len bytes at *@addr.
 */
static int model_setup(const char *what, unsigned long ram_bytes,
		       unsigned long len, struct machine **mp,
		       struct task_struct **tp, unsigned long *addr)
{
	struct mmsim_config cfg;
	struct machine *m;
	struct task_struct *t;
	long ret;

	mmsim_config_init(&cfg);
	cfg.ram_bytes = ram_bytes;
	ret = machine_create(&cfg, &m);
	if (ret) {
		fprintf(stderr, "model %s: machine_create(%lu MiB RAM): %s\n",
			what, ram_bytes / BENCH_MIB, err_name(ret));
		return (int)ret;
	}
	ret = task_create(m, &t);
	if (ret) {
		fprintf(stderr, "model %s: task_create: %s\n", what,
			err_name(ret));
		machine_destroy(m);
		return (int)ret;
	}
	ret = sys_mmap(t, 0, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0);
	if (ret < 0) {
		fprintf(stderr, "model %s: sys_mmap(%lu MiB): %s\n", what,
			len / BENCH_MIB, err_name(ret));
		machine_destroy(m);
		return (int)ret;
	}
	/*
	 * Base pages, as on the host (whatever its THP mode) where the
	 * native workloads advise the same: THPs have a workload of their own.
	 */
	sys_madvise(t, (unsigned long)ret, len, MADV_NOHUGEPAGE);
	*mp = m;
	*tp = t;
	*addr = (unsigned long)ret;
	return 0;
}

/* Write one byte in each page of [addr, addr + len). */
static int model_touch(const char *what, struct task_struct *t,
		       unsigned long addr, unsigned long len)
{
	unsigned long off;
	int sig;

	for (off = 0; off < len; off += BENCH_PAGE_SIZE) {
		sig = uaccess_memset(t, addr + off, 1, 1);
		if (sig) {
			fprintf(stderr, "model %s: write at %#lx: signal %d\n",
				what, addr + off, sig);
			return -EFAULT;
		}
	}
	return 0;
}

/* RAM for @len of anonymous memory, a copy of it, and page tables. */
static unsigned long ram_for(unsigned long len, unsigned int copies)
{
	return copies * len + len / 8 + 64 * BENCH_MIB;
}

int model_anon_fault(unsigned long len, bool write, double *ns_per_fault)
{
	const char *what = write ? "anon-write" : "anon-read";
	unsigned long addr, off, npages = len / BENCH_PAGE_SIZE;
	struct task_struct *t;
	struct machine *m;
	unsigned char c;
	double t0, t1;
	int ret, sig = 0;

	ret = model_setup(what, ram_for(len, 1), len, &m, &t, &addr);
	if (ret)
		return ret;
	t0 = bench_now_ns();
	if (write) {
		for (off = 0; off < len && !sig; off += BENCH_PAGE_SIZE)
			sig = uaccess_memset(t, addr + off, 1, 1);
	} else {
		for (off = 0; off < len && !sig; off += BENCH_PAGE_SIZE)
			sig = uaccess_read(t, addr + off, &c, 1);
	}
	t1 = bench_now_ns();
	if (sig) {
		fprintf(stderr, "model %s: access at %#lx: signal %d\n", what,
			addr + off - BENCH_PAGE_SIZE, sig);
		ret = -EFAULT;
	}
	*ns_per_fault = (t1 - t0) / (double)npages;
	machine_destroy(m);
	return ret;
}

int model_fork(unsigned long len, bool cow, double *fork_ns_per_page,
	       double *cow_ns_per_fault)
{
	unsigned long addr, npages = len / BENCH_PAGE_SIZE;
	struct task_struct *t, *child;
	struct machine *m;
	double t0, t1;
	int ret;

	ret = model_setup("fork", ram_for(len, 2), len, &m, &t, &addr);
	if (ret)
		return ret;
	ret = model_touch("fork", t, addr, len);
	if (ret)
		goto out;

	t0 = bench_now_ns();
	ret = sys_fork(t, &child);
	t1 = bench_now_ns();
	if (ret) {
		fprintf(stderr, "model fork: sys_fork: %s\n", err_name(ret));
		goto out;
	}
	*fork_ns_per_page = (t1 - t0) / (double)npages;

	if (cow) {
		t0 = bench_now_ns();
		ret = model_touch("cow", child, addr, len);
		t1 = bench_now_ns();
		*cow_ns_per_fault = (t1 - t0) / (double)npages;
	}
	sys_exit(child);
out:
	machine_destroy(m);
	return ret;
}

int model_mprotect(unsigned long len, double *split_ns_per_call,
		   double *merge_ns_per_call)
{
	static const unsigned long prot[2] = {
		PROT_READ, PROT_READ | PROT_WRITE
	};
	double *result[2] = { split_ns_per_call, merge_ns_per_call };
	unsigned long addr, off, calls = 0;
	struct task_struct *t;
	struct machine *m;
	double t0, t1;
	int ret, phase;

	ret = model_setup("mprotect", ram_for(len, 1), len, &m, &t, &addr);
	if (ret)
		return ret;
	ret = model_touch("mprotect", t, addr, len);
	if (ret)
		goto out;

	/* Phase 0: every other page read-only (each call splits);
	 * phase 1: back to read-write (each call merges). */
	for (phase = 0; phase < 2; phase++) {
		calls = 0;
		t0 = bench_now_ns();
		for (off = 0; off < len; off += 2 * BENCH_PAGE_SIZE) {
			ret = sys_mprotect(t, addr + off, BENCH_PAGE_SIZE,
					   prot[phase]);
			if (ret)
				break;
			calls++;
		}
		t1 = bench_now_ns();
		if (ret) {
			fprintf(stderr, "model mprotect: sys_mprotect(%#lx): %s\n",
				addr + off, err_name(ret));
			goto out;
		}
		*result[phase] = (t1 - t0) / (double)calls;
	}
out:
	machine_destroy(m);
	return ret;
}

int model_munmap(unsigned long len, double *ns_per_page)
{
	unsigned long addr, npages = len / BENCH_PAGE_SIZE;
	struct task_struct *t;
	struct machine *m;
	double t0, t1;
	int ret;

	ret = model_setup("munmap", ram_for(len, 1), len, &m, &t, &addr);
	if (ret)
		return ret;
	ret = model_touch("munmap", t, addr, len);
	if (ret)
		goto out;
	t0 = bench_now_ns();
	ret = sys_munmap(t, addr, len);
	t1 = bench_now_ns();
	if (ret) {
		fprintf(stderr, "model munmap: sys_munmap: %s\n", err_name(ret));
		goto out;
	}
	*ns_per_page = (t1 - t0) / (double)npages;
out:
	machine_destroy(m);
	return ret;
}

/*
 * Touch @len of anonymous memory (one byte written per page) and report
 * what the model spends: machine_meminfo() and this process's RSS
 * growth.  Run it in a fresh child (bench_in_child) so that the RSS is
 * not blurred by earlier runs.  Touching stops, with ->stopped_early set,
 * once the RSS has grown by @rss_cap bytes, so a model that keeps full
 * page contents cannot take the host down.
 */
/*
 * THPs: @len advised MADV_HUGEPAGE at a 1 GiB-aligned address, one write
 * fault per 2 MiB (each maps a PMD-sized THP), then fork (copy_huge_pmd()
 * per THP); the model's metadata per resident frame afterwards.
 */
int model_thp(unsigned long len, double *fault_ns_per_thp,
	      double *fork_ns_per_thp, double *meta_per_frame)
{
	const unsigned long thp = 2 * BENCH_MIB, addr = 0x100000000000UL;
	unsigned long off, nthp = len / thp;
	struct mmsim_meminfo mi;
	struct mmsim_config cfg;
	struct task_struct *t, *child;
	struct machine *m;
	double t0, t1;
	long ret;

	mmsim_config_init(&cfg);
	cfg.ram_bytes = ram_for(len, 1);
	ret = machine_create(&cfg, &m);
	if (!ret)
		ret = task_create(m, &t);
	if (!ret)
		ret = sys_mmap(t, addr, len, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, NULL, 0);
	if (ret >= 0)
		ret = sys_madvise(t, addr, len, MADV_HUGEPAGE);
	if (ret < 0) {
		fprintf(stderr, "model thp: setup: %s\n", err_name(ret));
		return (int)ret;
	}
	t0 = bench_now_ns();
	for (off = 0; off < len && !ret; off += thp)
		ret = uaccess_memset(t, addr + off, 1, 1);
	t1 = bench_now_ns();
	*fault_ns_per_thp = (t1 - t0) / (double)nthp;
	machine_meminfo(m, &mi);
	*meta_per_frame = (double)(mi.memmap_bytes + mi.pgtable_bytes +
				   mi.object_bytes) / (double)mi.frames_used;
	if (mi.frames_used < len / BENCH_PAGE_SIZE) {
		fprintf(stderr, "model thp: %lu frames for %lu MiB: no THPs?\n",
			mi.frames_used, len / BENCH_MIB);
		ret = -ENOMEM;
	}
	if (!ret) {
		t0 = bench_now_ns();
		ret = sys_fork(t, &child);
		t1 = bench_now_ns();
		*fork_ns_per_thp = (t1 - t0) / (double)nthp;
		if (!ret)
			sys_exit(child);
	}
	if (ret)
		fprintf(stderr, "model thp: %s\n", err_name(ret));
	machine_destroy(m);
	return (int)ret;
}

int model_memory(unsigned long len, double rss_cap, struct bench_mem *out)
{
	const unsigned long chunk = 64 * BENCH_MIB;
	struct mmsim_meminfo mi;
	struct task_struct *t;
	struct machine *m;
	unsigned long addr, off, n;
	int ret = 0;

	memset(out, 0, sizeof(*out));
	out->rss_before = bench_rss_bytes();
	ret = model_setup("memory", ram_for(len, 1), len, &m, &t, &addr);
	if (ret)
		return ret;
	for (off = 0; off < len; off += n) {
		n = len - off < chunk ? len - off : chunk;
		ret = model_touch("memory", t, addr + off, n);
		if (ret)
			goto out;
		out->pages += n / BENCH_PAGE_SIZE;
		if (bench_rss_bytes() - out->rss_before > rss_cap) {
			out->stopped_early = 1;
			break;
		}
	}
	out->rss_after = bench_rss_bytes();
	machine_meminfo(m, &mi);
	out->frames_used = mi.frames_used;
	out->memmap_bytes = (double)mi.memmap_bytes;
	out->content_bytes = (double)mi.content_bytes;
	out->pgtable_bytes = (double)mi.pgtable_bytes;
	out->object_bytes = (double)mi.object_bytes;
out:
	machine_destroy(m);
	return ret;
}

int model_sparse_write(unsigned long nr, double *ns_per_write,
		       double *bytes_per_write)
{
	struct mmsim_meminfo before, after;
	struct mmsim_config cfg;
	struct machine *m;
	struct file *f;
	double t0, t1;
	long ret;

	mmsim_config_init(&cfg);
	cfg.ram_bytes = 64 * BENCH_MIB + nr * BENCH_PAGE_SIZE;
	ret = machine_create(&cfg, &m);
	if (!ret)
		ret = sys_memfd_create(m, "sparse", &f);
	if (ret) {
		fprintf(stderr, "model sparse-write: %s\n", err_name(ret));
		return (int)ret;
	}
	ret = vfs_truncate(f, BENCH_PAGE_SIZE);
	machine_meminfo(m, &before);
	t0 = bench_now_ns();
	for (unsigned long i = 0; i < nr && !ret; i++) {
		ret = kernel_write(f, "x", 1, (loff_t)(BENCH_SPARSE_OFF +
					       i * 17 * BENCH_PAGE_SIZE));
		ret = ret == 1 ? 0 : ret;
	}
	t1 = bench_now_ns();
	machine_meminfo(m, &after);
	if (ret)
		fprintf(stderr, "model sparse-write: kernel_write: %s\n", err_name(ret));
	*ns_per_write = (t1 - t0) / (double)nr;
	*bytes_per_write = ((double)(after.frames_used - before.frames_used) *
			    BENCH_PAGE_SIZE + after.object_bytes -
			    before.object_bytes) / (double)nr;
	fput(f);
	machine_destroy(m);
	return (int)ret;
}

/* ---- writeback ----------------------------------------------------------- */

int model_writeback(unsigned long len, double *fault_ns, double *fsync_ns)
{
	unsigned long npages = len / BENCH_PAGE_SIZE, addr = 1UL << 40;
	struct task_struct *t;
	struct machine *m;
	struct file *f = NULL;
	double t0, t1, t2;
	long ret;

	ret = model_setup("writeback", ram_for(len, 1), BENCH_PAGE_SIZE, &m, &t,
			  &(unsigned long){ 0 });
	if (ret)
		return (int)ret;
	ret = vfs_tmpfile(m, "wb", &f);
	if (!ret)
		ret = vfs_truncate(f, (loff_t)len);
	if (!ret) {
		ret = sys_mmap(t, addr, len, PROT_READ | PROT_WRITE,
			       MAP_SHARED | MAP_FIXED_NOREPLACE, f, 0);
		ret = ret == (long)addr ? 0 : ret;
	}
	if (!ret)
		ret = model_touch("writeback", t, addr, len);
	if (!ret)
		ret = vfs_fsync(f);
	t0 = bench_now_ns();
	if (!ret)
		ret = model_touch("writeback", t, addr, len);
	t1 = bench_now_ns();
	if (!ret)
		ret = vfs_fsync(f);
	t2 = bench_now_ns();
	if (ret)
		fprintf(stderr, "model writeback: %s\n", err_name(ret));
	*fault_ns = (t1 - t0) / (double)npages;
	*fsync_ns = (t2 - t1) / (double)npages;
	if (f)
		fput(f);
	machine_destroy(m);
	return (int)ret;
}

/*
 * Full-page writes: 4 KiB of varied bytes written into each page (so the
 * model keeps every byte, as the host does), once on a fresh mapping
 * (each page faults) and once more (no fault).
 */
int model_fullpage(unsigned long len, double *first_ns, double *again_ns)
{
	unsigned long addr, off, npages = len / BENCH_PAGE_SIZE;
	static unsigned char buf[BENCH_PAGE_SIZE];
	double *result[2] = { first_ns, again_ns };
	struct task_struct *t;
	struct machine *m;
	int ret, pass, sig = 0;

	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 7 + 1);
	ret = model_setup("full-page", ram_for(len, 1), len, &m, &t, &addr);
	if (ret)
		return ret;
	for (pass = 0; pass < 2 && !sig; pass++) {
		double t0 = bench_now_ns();

		for (off = 0; off < len && !sig; off += BENCH_PAGE_SIZE)
			sig = uaccess_write(t, addr + off, buf, sizeof(buf));
		*result[pass] = (bench_now_ns() - t0) / (double)npages;
	}
	if (sig) {
		fprintf(stderr, "model full-page: signal %d\n", sig);
		ret = -EFAULT;
	}
	machine_destroy(m);
	return ret;
}

/*
 * Hint-less mmap with @nvmas VMAs already there (separated by holes, so
 * they never merge): the average of 1,000 mmap + munmap pairs, which
 * find their place with get_unmapped_area().
 */
/* The timed loop of model_mmap_gap (its own function, for callgrind). */
__attribute__((noinline)) long mmap_gap_loop(struct task_struct *t,
					      unsigned long calls);
__attribute__((noinline)) long mmap_gap_loop(struct task_struct *t,
					      unsigned long calls)
{
	long ret = 0;

	for (unsigned long i = 0; i < calls && ret >= 0; i++) {
		ret = sys_mmap(t, 0, 3 * BENCH_PAGE_SIZE, PROT_READ,
			       MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0);
		if (ret >= 0)
			ret = sys_munmap(t, (unsigned long)ret, 3 * BENCH_PAGE_SIZE);
	}
	return ret;
}

int model_mmap_gap(unsigned long nvmas, double *ns_per_call)
{
	const unsigned long calls = 1000;
	struct mmsim_profile prof;
	struct task_struct *t;
	struct machine *m;
	unsigned long addr, i;
	double t0;
	long ret;

	ret = model_setup("mmap-gap", 64 * BENCH_MIB, BENCH_PAGE_SIZE, &m, &t, &addr);
	if (ret)
		return (int)ret;
	machine_get_profile(m, &prof);
	prof.max_map_count = 2 * (int)nvmas + 100;
	machine_set_profile(m, &prof);
	for (i = 1; i < nvmas; i++) {
		ret = sys_mmap(t, 0x100000000000UL + 2 * i * BENCH_PAGE_SIZE,
			       BENCH_PAGE_SIZE, PROT_READ, MAP_PRIVATE |
			       MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, NULL, 0);
		if (ret < 0)
			break;
	}
	t0 = bench_now_ns();
	if (ret >= 0)
		ret = mmap_gap_loop(t, calls);
	*ns_per_call = (bench_now_ns() - t0) / (double)calls;
	if (ret < 0)
		fprintf(stderr, "model mmap-gap: %s\n", err_name(ret));
	machine_destroy(m);
	return ret < 0 ? (int)ret : 0;
}

/*
 * 1,000 processes sharing 64 MiB: one writes it all, then forks 999
 * children (every page mapped 1,000 times, copy-on-write).  Times
 * mm_check() (the full check) and mm_check_changes() after one more
 * write (what the CLI runs after a command).
 */
int model_check_many(unsigned long nproc, unsigned long len, double *full_ms,
		     double *changes_us)
{
	struct task_struct *t, **kids;
	struct machine *m;
	unsigned long addr, i;
	double t0;
	int ret;

	kids = calloc(nproc, sizeof(*kids));
	if (!kids)
		return -ENOMEM;
	ret = model_setup("check-1000", 2 * len + nproc * 256 * 1024 + 64 * BENCH_MIB,
			  len, &m, &t, &addr);
	if (ret) {
		free(kids);
		return ret;
	}
	ret = model_touch("check-1000", t, addr, len);
	for (i = 1; i < nproc && !ret; i++)
		ret = sys_fork(t, &kids[i]);
	if (!ret && mm_check_changes(m))	/* starts the log; a full check */
		ret = -EUCLEAN;
	if (!ret) {
		t0 = bench_now_ns();
		ret = mm_check(m) ? -EUCLEAN : 0;
		*full_ms = (bench_now_ns() - t0) / 1e6;
	}
	if (!ret && uaccess_memset(t, addr, 2, 1))
		ret = -EFAULT;
	if (!ret) {
		t0 = bench_now_ns();
		ret = mm_check_changes(m) ? -EUCLEAN : 0;
		*changes_us = (bench_now_ns() - t0) / 1e3;
	}
	if (ret)
		fprintf(stderr, "model check-1000: %s %s\n", err_name(ret),
			ret == -EUCLEAN ? mm_check_report(m) : "");
	for (i = 1; i < nproc; i++)
		if (kids[i])
			sys_exit(kids[i]);
	free(kids);
	machine_destroy(m);
	return ret;
}

/* ---- PAGEMAP_SCAN get-and-clear --------------------------------------- */

/* One write-protecting scan of [addr, addr + len) for written pages. */
static long model_scan_once(struct task_struct *t, unsigned long addr,
			    unsigned long len, struct page_region *vec,
			    unsigned long vec_len, double *ns_per_page)
{
	struct pm_scan_arg arg = {
		.size = sizeof(arg), .flags = PM_SCAN_WP_MATCHING | PM_SCAN_CHECK_WPASYNC,
		.start = addr, .end = addr + len, .vec = 1, .vec_len = vec_len,
		.category_mask = PAGE_IS_WRITTEN, .return_mask = PAGE_IS_WRITTEN,
	};
	double t0 = bench_now_ns();
	long ret = pagemap_scan(t, &arg, vec);

	*ns_per_page = (bench_now_ns() - t0) / (double)(len / BENCH_PAGE_SIZE);
	return ret;
}

int model_pagemap_scan(unsigned long len, double *all_ns, double *half_ns)
{
	unsigned long pages = len / BENCH_PAGE_SIZE, addr, i;
	struct page_region *vec = calloc(pages, sizeof(*vec));
	struct machine *m;
	struct task_struct *t;
	long ret;

	if (!vec)
		return -ENOMEM;
	ret = model_setup("pagemap-scan", len + 64 * BENCH_MIB, len, &m, &t, &addr);
	if (ret) {
		free(vec);
		return (int)ret;
	}
	ret = uffd_api(t, UFFD_FEATURE_WP_ASYNC);
	if (!ret)
		ret = uffd_register(t, addr, len, UFFDIO_REGISTER_MODE_WP);
	if (!ret)
		ret = uffd_writeprotect(t, addr, len, true);
	if (!ret)
		ret = model_touch("pagemap-scan", t, addr, len);
	if (!ret && model_scan_once(t, addr, len, vec, pages, all_ns) != 1)
		ret = -EIO;
	for (i = 0; !ret && i < pages; i += 2)
		ret = uaccess_memset(t, addr + i * BENCH_PAGE_SIZE, 2, 1) ? -EIO : 0;
	if (!ret && model_scan_once(t, addr, len, vec, pages, half_ns) != (long)(pages / 2))
		ret = -EIO;
	if (ret)
		fprintf(stderr, "model pagemap-scan: %s\n", err_name(ret));
	free(vec);
	machine_destroy(m);
	return (int)ret;
}
