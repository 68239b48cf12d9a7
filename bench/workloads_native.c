// SPDX-License-Identifier: GPL-2.0
/*
 * workloads_native.c - the benchmark's workloads run on the host kernel:
 * the same system calls and the same one-byte-per-page loads and stores
 * as workloads_model.c, each run in a freshly forked worker process so
 * that its address space is clean.  The workers are forked by a small
 * server process forked at start-up (native_start()), before the model
 * has grown the benchmark's heap, so that a worker does not inherit the
 * model's memory.  Also owns the fork-and-report-back helper
 * (bench_in_child) and the RSS probe both sides use.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <linux/userfaultfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

double bench_rss_bytes(void)
{
	unsigned long size, resident;
	FILE *f = fopen("/proc/self/statm", "r");
	int n;

	if (!f)
		return -1;
	n = fscanf(f, "%lu %lu", &size, &resident);
	fclose(f);
	if (n != 2)
		return -1;
	return (double)resident * (double)sysconf(_SC_PAGESIZE);
}

static int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static int read_all(int fd, void *buf, size_t len)
{
	char *p = buf;
	ssize_t n;

	while (len) {
		n = read(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The message a worker sends back: its result, then its figures. */
#define BENCH_MAX_OUT	16

struct child_msg {
	int ret;
	double out[BENCH_MAX_OUT];
};

int bench_in_child(int (*fn)(void *arg, double *out), void *arg,
		   double *out, size_t nout)
{
	struct child_msg msg;
	int pfd[2], status, err;
	pid_t pid;

	if (nout > BENCH_MAX_OUT)
		return -EINVAL;
	if (pipe(pfd))
		return -errno;
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		err = -errno;
		close(pfd[0]);
		close(pfd[1]);
		return err;
	}
	if (pid == 0) {
		close(pfd[0]);
		memset(&msg, 0, sizeof(msg));
		msg.ret = fn(arg, msg.out);
		fflush(NULL);
		_exit(write_all(pfd[1], &msg, sizeof(msg)) ? 1 : 0);
	}
	close(pfd[1]);
	err = read_all(pfd[0], &msg, sizeof(msg));
	close(pfd[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (err) {
		fprintf(stderr, "bench: worker %d died (status %#x)\n",
			(int)pid, status);
		return -ECHILD;
	}
	memcpy(out, msg.out, nout * sizeof(double));
	return msg.ret;
}

static char *native_map(const char *what, unsigned long len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		fprintf(stderr, "host %s: mmap(%lu MiB): %s\n", what,
			len / BENCH_MIB, strerror(errno));
		return NULL;
	}
	/* base pages whatever the host's THP mode: THPs have their own workload */
	madvise(p, len, MADV_NOHUGEPAGE);
	return p;
}

/* Write one byte in each page. */
static void native_touch(volatile char *p, unsigned long len)
{
	unsigned long off;

	for (off = 0; off < len; off += BENCH_PAGE_SIZE)
		p[off] = 1;
}

/* ---- THP: a write fault per 2 MiB, then fork ------------------------- */

/* AnonHugePages of this process (smaps_rollup), in bytes; 0 if unknown. */
static unsigned long anon_huge_bytes(void)
{
	unsigned long kb = 0;
	char line[256];
	FILE *f = fopen("/proc/self/smaps_rollup", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "AnonHugePages: %lu kB", &kb) == 1)
			break;
	fclose(f);
	return kb << 10;
}

static int thp_worker(void *arg, double *out)
{
	const unsigned long len = *(const unsigned long *)arg, thp = 2 * BENCH_MIB;
	char *raw = mmap(NULL, len + thp, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	volatile char *p;
	unsigned long off;
	double t0, t1;
	int status;
	pid_t pid;

	if (raw == MAP_FAILED)
		return -errno;
	p = (char *)(((unsigned long)raw + thp - 1) & ~(thp - 1));
	if (madvise((char *)p, len, MADV_HUGEPAGE))
		return -errno;
	t0 = bench_now_ns();
	for (off = 0; off < len; off += thp)
		p[off] = 1;
	t1 = bench_now_ns();
	out[0] = (t1 - t0) / (double)(len / thp);
	if (anon_huge_bytes() < len) {
		fprintf(stderr, "host thp: only %lu MiB of THP for %lu MiB\n",
			anon_huge_bytes() / BENCH_MIB, len / BENCH_MIB);
		return -ENOTSUP;
	}
	fflush(NULL);
	t0 = bench_now_ns();
	pid = fork();
	t1 = bench_now_ns();
	if (pid < 0)
		return -errno;
	if (pid == 0)
		_exit(0);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	out[1] = (t1 - t0) / (double)(len / thp);
	return 0;
}

/* ---- anon-write / anon-read ------------------------------------------- */

struct fault_arg {
	unsigned long len;
	bool write;
};

static int anon_fault_worker(void *arg, double *out)
{
	const struct fault_arg *a = arg;
	volatile char *p = native_map(a->write ? "anon-write" : "anon-read",
				      a->len);
	unsigned long off;
	double t0, t1;
	char sum = 0;

	if (!p)
		return -ENOMEM;
	t0 = bench_now_ns();
	if (a->write) {
		native_touch(p, a->len);
	} else {
		for (off = 0; off < a->len; off += BENCH_PAGE_SIZE)
			sum += p[off];
	}
	t1 = bench_now_ns();
	out[0] = (t1 - t0) / (double)(a->len / BENCH_PAGE_SIZE);
	out[1] = sum;
	return 0;
}

static int local_anon_fault(unsigned long len, bool write,
			    double *ns_per_fault)
{
	struct fault_arg a = { .len = len, .write = write };
	double out[2];
	int ret;

	ret = bench_in_child(anon_fault_worker, &a, out, 2);
	if (!ret)
		*ns_per_fault = out[0];
	return ret;
}

/* ---- fork (+ COW faults in the child) ---------------------------------- */

struct fork_arg {
	unsigned long len;
	bool cow;
};

static int fork_worker(void *arg, double *out)
{
	const struct fork_arg *a = arg;
	double t0, t1, npages = (double)(a->len / BENCH_PAGE_SIZE);
	volatile char *p = native_map("fork", a->len);
	int pfd[2], status, ret = 0;
	double cow_ns = 0;
	pid_t pid;

	if (!p)
		return -ENOMEM;
	native_touch(p, a->len);
	if (pipe(pfd)) {
		perror("host fork: pipe");
		return -errno;
	}
	fflush(NULL);

	t0 = bench_now_ns();
	pid = fork();
	t1 = bench_now_ns();
	if (pid < 0) {
		ret = -errno;
		perror("host fork: fork");
		close(pfd[0]);
		close(pfd[1]);
		return ret;
	}
	if (pid == 0) {
		/* The child: COW-fault every page, report ns per fault. */
		double c0, c1, ns = 0;

		close(pfd[0]);
		if (a->cow) {
			c0 = bench_now_ns();
			native_touch(p, a->len);
			c1 = bench_now_ns();
			ns = (c1 - c0) / npages;
		}
		_exit(write_all(pfd[1], &ns, sizeof(ns)) ? 1 : 0);
	}
	close(pfd[1]);
	if (read_all(pfd[0], &cow_ns, sizeof(cow_ns))) {
		fprintf(stderr, "host fork: child sent no result\n");
		ret = -ECHILD;
	}
	close(pfd[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	out[0] = (t1 - t0) / npages;
	out[1] = cow_ns;
	return ret;
}

static int local_fork(unsigned long len, bool cow, double *fork_ns_per_page,
		      double *cow_ns_per_fault)
{
	struct fork_arg a = { .len = len, .cow = cow };
	double out[2];
	int ret;

	ret = bench_in_child(fork_worker, &a, out, 2);
	if (!ret) {
		*fork_ns_per_page = out[0];
		if (cow)
			*cow_ns_per_fault = out[1];
	}
	return ret;
}

/* ---- mprotect split / merge -------------------------------------------- */

static int mprotect_worker(void *arg, double *out)
{
	static const int prot[2] = { PROT_READ, PROT_READ | PROT_WRITE };
	unsigned long len = *(unsigned long *)arg, off, calls;
	char *p = native_map("mprotect", len);
	double t0, t1;
	int phase, ret = 0;

	if (!p)
		return -ENOMEM;
	native_touch(p, len);
	for (phase = 0; phase < 2; phase++) {
		calls = 0;
		t0 = bench_now_ns();
		for (off = 0; off < len; off += 2 * BENCH_PAGE_SIZE) {
			if (mprotect(p + off, BENCH_PAGE_SIZE, prot[phase])) {
				ret = -errno;
				break;
			}
			calls++;
		}
		t1 = bench_now_ns();
		if (ret) {
			fprintf(stderr, "host mprotect: %s\n", strerror(-ret));
			return ret;
		}
		out[phase] = (t1 - t0) / (double)calls;
	}
	return 0;
}

static int local_mprotect(unsigned long len, double *split_ns_per_call,
			  double *merge_ns_per_call)
{
	double out[2];
	int ret;

	ret = bench_in_child(mprotect_worker, &len, out, 2);
	if (!ret) {
		*split_ns_per_call = out[0];
		*merge_ns_per_call = out[1];
	}
	return ret;
}

/* ---- full-page writes ---------------------------------------------------- */

static int fullpage_worker(void *arg, double *out)
{
	unsigned long len = *(unsigned long *)arg, off;
	static unsigned char buf[BENCH_PAGE_SIZE];
	char *p = native_map("full-page", len);

	if (!p)
		return -ENOMEM;
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 7 + 1);
	for (int pass = 0; pass < 2; pass++) {
		double t0 = bench_now_ns();

		for (off = 0; off < len; off += BENCH_PAGE_SIZE)
			memcpy(p + off, buf, sizeof(buf));
		out[pass] = (bench_now_ns() - t0) / (double)(len / BENCH_PAGE_SIZE);
	}
	return 0;
}

static int local_fullpage(unsigned long len, double *first, double *again)
{
	double out[2];
	int ret = bench_in_child(fullpage_worker, &len, out, 2);

	if (!ret) {
		*first = out[0];
		*again = out[1];
	}
	return ret;
}

/* ---- munmap ------------------------------------------------------------ */

static int munmap_worker(void *arg, double *out)
{
	unsigned long len = *(unsigned long *)arg;
	char *p = native_map("munmap", len);
	double t0, t1;

	if (!p)
		return -ENOMEM;
	native_touch(p, len);
	t0 = bench_now_ns();
	if (munmap(p, len)) {
		perror("host munmap");
		return -EINVAL;
	}
	t1 = bench_now_ns();
	out[0] = (t1 - t0) / (double)(len / BENCH_PAGE_SIZE);
	return 0;
}

static int local_munmap(unsigned long len, double *ns_per_page)
{
	return bench_in_child(munmap_worker, &len, ns_per_page, 1);
}

/* ---- sparse-write ------------------------------------------------------ */

static int sparse_write_worker(void *arg, double *out)
{
	unsigned long nr = *(unsigned long *)arg, i;
	int fd = (int)syscall(SYS_memfd_create, "sparse", 0U);
	double t0, t1;

	if (fd < 0 || ftruncate(fd, BENCH_PAGE_SIZE)) {
		perror("host sparse-write: memfd_create");
		return -errno;
	}
	t0 = bench_now_ns();
	for (i = 0; i < nr; i++) {
		if (pwrite(fd, "x", 1, (off_t)(BENCH_SPARSE_OFF +
					     i * 17 * BENCH_PAGE_SIZE)) != 1) {
			perror("host sparse-write: pwrite");
			close(fd);
			return -EIO;
		}
	}
	t1 = bench_now_ns();
	close(fd);
	out[0] = (t1 - t0) / (double)nr;
	return 0;
}

static int local_sparse_write(unsigned long nr, double *ns_per_write)
{
	return bench_in_child(sparse_write_worker, &nr, ns_per_write, 1);
}

/* ---- writeback ----------------------------------------------------------- */

static int writeback_worker(void *arg, double *out)
{
	unsigned long len = *(unsigned long *)arg, off;
	int fd = open("/var/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	volatile char *p;
	double t0, t1, t2;

	if (fd < 0 || ftruncate(fd, (off_t)len)) {
		perror("host writeback: O_TMPFILE in /var/tmp");
		return -errno;
	}
	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		perror("host writeback: mmap");
		close(fd);
		return -errno;
	}
	for (off = 0; off < len; off += BENCH_PAGE_SIZE)
		p[off] = 1;
	fsync(fd);
	t0 = bench_now_ns();
	for (off = 0; off < len; off += BENCH_PAGE_SIZE)
		p[off] = 2;
	t1 = bench_now_ns();
	fsync(fd);
	t2 = bench_now_ns();
	munmap((void *)p, len);
	close(fd);
	out[0] = (t1 - t0) / (double)(len / BENCH_PAGE_SIZE);
	out[1] = (t2 - t1) / (double)(len / BENCH_PAGE_SIZE);
	return 0;
}

static int local_writeback(unsigned long len, double *out)
{
	return bench_in_child(writeback_worker, &len, out, 2);
}

/* ---- PAGEMAP_SCAN get-and-clear --------------------------------------- */

/* <linux/fs.h> and <linux/userfaultfd.h> of Linux 6.7 on, spelled out. */
struct bench_page_region { uint64_t start, end, categories; };
struct bench_pm_scan_arg {
	uint64_t size, flags, start, end, walk_end, vec, vec_len, max_pages;
	uint64_t category_inverted, category_mask, category_anyof_mask, return_mask;
};
#define BENCH_PAGEMAP_SCAN	_IOWR('f', 16, struct bench_pm_scan_arg)
#define BENCH_UFFD_WP_ASYNC	(1ULL << 15)

static long scan_once(int pagemap, char *mem, unsigned long len,
		      struct bench_page_region *vec, unsigned long vec_len,
		      double *ns_per_page)
{
	struct bench_pm_scan_arg arg = {
		.size = sizeof(arg), .flags = 3,	/* WP_MATCHING | CHECK_WPASYNC */
		.start = (uintptr_t)mem, .end = (uintptr_t)mem + len,
		.vec = (uintptr_t)vec, .vec_len = vec_len,
		.category_mask = 2, .return_mask = 2,	/* PAGE_IS_WRITTEN */
	};
	double t0 = bench_now_ns();
	long ret = ioctl(pagemap, BENCH_PAGEMAP_SCAN, &arg);

	*ns_per_page = (bench_now_ns() - t0) / (double)(len / BENCH_PAGE_SIZE);
	return ret;
}

static int pagemap_scan_worker(void *arg, double *out)
{
	unsigned long len = *(unsigned long *)arg, pages = len / BENCH_PAGE_SIZE, i;
	struct bench_page_region *vec = calloc(pages, sizeof(*vec));
	int uffd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	int pagemap = open("/proc/self/pagemap", O_RDONLY);
	struct uffdio_api api = { .api = UFFD_API, .features = BENCH_UFFD_WP_ASYNC };
	char *mem = mmap(NULL, len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct uffdio_register reg = {
		.range = { (uintptr_t)mem, len }, .mode = UFFDIO_REGISTER_MODE_WP,
	};
	struct uffdio_writeprotect wp = {
		.range = { (uintptr_t)mem, len }, .mode = UFFDIO_WRITEPROTECT_MODE_WP,
	};

	if (!vec || uffd < 0 || pagemap < 0 || mem == MAP_FAILED ||
	    ioctl(uffd, UFFDIO_API, &api) || ioctl(uffd, UFFDIO_REGISTER, &reg) ||
	    ioctl(uffd, UFFDIO_WRITEPROTECT, &wp)) {
		perror("host pagemap-scan: userfaultfd");
		return -errno;
	}
	madvise(mem, len, MADV_NOHUGEPAGE);
	for (i = 0; i < pages; i++)
		mem[i * BENCH_PAGE_SIZE] = 1;
	if (scan_once(pagemap, mem, len, vec, pages, &out[0]) != 1)
		return -EIO;
	for (i = 0; i < pages; i += 2)
		mem[i * BENCH_PAGE_SIZE] = 2;
	if (scan_once(pagemap, mem, len, vec, pages, &out[1]) != (long)(pages / 2))
		return -EIO;
	return 0;
}

static int local_pagemap_scan(unsigned long len, double *out)
{
	return bench_in_child(pagemap_scan_worker, &len, out, 2);
}

/* ---- the worker server ------------------------------------------------- */

enum native_op { OP_ANON_FAULT, OP_FORK, OP_MPROTECT, OP_MUNMAP, OP_SPARSE,
		 OP_WRITEBACK, OP_FULLPAGE, OP_PAGEMAP_SCAN, OP_THP };

struct native_req {
	int op;
	bool flag;		/* write (anon fault), cow (fork) */
	unsigned long len;
};

struct native_reply {
	int ret;
	double out[2];
};

static int req_fd = -1, reply_fd = -1;
static pid_t server_pid = -1;

static int local_call(const struct native_req *rq, double *out)
{
	switch (rq->op) {
	case OP_ANON_FAULT:
		return local_anon_fault(rq->len, rq->flag, &out[0]);
	case OP_FORK:
		return local_fork(rq->len, rq->flag, &out[0], &out[1]);
	case OP_MPROTECT:
		return local_mprotect(rq->len, &out[0], &out[1]);
	case OP_MUNMAP:
		return local_munmap(rq->len, &out[0]);
	case OP_SPARSE:
		return local_sparse_write(rq->len, &out[0]);
	case OP_WRITEBACK:
		return local_writeback(rq->len, out);
	case OP_FULLPAGE:
		return local_fullpage(rq->len, &out[0], &out[1]);
	case OP_PAGEMAP_SCAN:
		return local_pagemap_scan(rq->len, out);
	case OP_THP:
		return bench_in_child(thp_worker, (void *)&rq->len, out, 2);
	}
	return -EINVAL;
}

static void server_loop(int in, int out)
{
	struct native_req rq;
	struct native_reply rp;

	while (!read_all(in, &rq, sizeof(rq))) {
		memset(&rp, 0, sizeof(rp));
		rp.ret = local_call(&rq, rp.out);
		fflush(NULL);
		if (write_all(out, &rp, sizeof(rp)))
			break;
	}
	_exit(0);
}

int native_start(void)
{
	int to_server[2], from_server[2], err;

	if (pipe(to_server))
		return -errno;
	if (pipe(from_server)) {
		err = -errno;
		close(to_server[0]);
		close(to_server[1]);
		return err;
	}
	fflush(NULL);
	server_pid = fork();
	if (server_pid < 0) {
		err = -errno;
		close(to_server[0]);
		close(to_server[1]);
		close(from_server[0]);
		close(from_server[1]);
		return err;
	}
	if (server_pid == 0) {
		close(to_server[1]);
		close(from_server[0]);
		server_loop(to_server[0], from_server[1]);
	}
	close(to_server[0]);
	close(from_server[1]);
	req_fd = to_server[1];
	reply_fd = from_server[0];
	return 0;
}

void native_stop(void)
{
	int status;

	if (server_pid <= 0)
		return;
	close(req_fd);
	close(reply_fd);
	req_fd = reply_fd = -1;
	while (waitpid(server_pid, &status, 0) < 0 && errno == EINTR)
		;
	server_pid = -1;
}

/* Through the server if it runs, else forked from here. */
static int native_call(int op, bool flag, unsigned long len, double *out)
{
	struct native_req rq = { .op = op, .flag = flag, .len = len };
	struct native_reply rp;

	if (server_pid <= 0)
		return local_call(&rq, out);
	fflush(NULL);
	if (write_all(req_fd, &rq, sizeof(rq)) ||
	    read_all(reply_fd, &rp, sizeof(rp))) {
		fprintf(stderr, "bench: the native worker server died\n");
		return -ECHILD;
	}
	memcpy(out, rp.out, sizeof(rp.out));
	return rp.ret;
}

int native_anon_fault(unsigned long len, bool write, double *ns_per_fault)
{
	double out[2] = { 0, 0 };
	int ret = native_call(OP_ANON_FAULT, write, len, out);

	*ns_per_fault = out[0];
	return ret;
}

int native_fork(unsigned long len, bool cow, double *fork_ns_per_page,
		double *cow_ns_per_fault)
{
	double out[2] = { 0, 0 };
	int ret = native_call(OP_FORK, cow, len, out);

	*fork_ns_per_page = out[0];
	if (cow)
		*cow_ns_per_fault = out[1];
	return ret;
}

int native_mprotect(unsigned long len, double *split_ns_per_call,
		    double *merge_ns_per_call)
{
	double out[2] = { 0, 0 };
	int ret = native_call(OP_MPROTECT, false, len, out);

	*split_ns_per_call = out[0];
	*merge_ns_per_call = out[1];
	return ret;
}

int native_munmap(unsigned long len, double *ns_per_page)
{
	double out[2] = { 0, 0 };
	int ret = native_call(OP_MUNMAP, false, len, out);

	*ns_per_page = out[0];
	return ret;
}

int native_sparse_write(unsigned long nr, double *ns_per_write,
			double *bytes_per_write)
{
	double out[2] = { 0, 0 };
	int ret = native_call(OP_SPARSE, false, nr, out);

	*ns_per_write = out[0];
	*bytes_per_write = 0;		/* not measured on the host */
	return ret;
}

int native_writeback(unsigned long len, double *fault_ns, double *fsync_ns)
{
	double out[2] = { 0, 0 };
	int ret = native_call(OP_WRITEBACK, false, len, out);

	*fault_ns = out[0];
	*fsync_ns = out[1];
	return ret;
}

int native_fullpage(unsigned long len, double *first_ns, double *again_ns)
{
	double out[2] = { 0, 0 };
	int ret = native_call(OP_FULLPAGE, false, len, out);

	*first_ns = out[0];
	*again_ns = out[1];
	return ret;
}

int native_pagemap_scan(unsigned long len, double *all_ns, double *half_ns)
{
	double out[2] = { 0, 0 };
	int ret = native_call(OP_PAGEMAP_SCAN, false, len, out);

	*all_ns = out[0];
	*half_ns = out[1];
	return ret;
}

int native_thp(unsigned long len, double *fault_ns_per_thp,
	       double *fork_ns_per_thp)
{
	double out[2] = { 0, 0 };
	int ret = native_call(OP_THP, false, len, out);

	*fault_ns_per_thp = out[0];
	*fork_ns_per_thp = out[1];
	return ret;
}
