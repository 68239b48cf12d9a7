/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bench.h - what the benchmark's three files share: the driver (bench.c:
 * command line, repetition, medians, the table), the workloads on the
 * model (workloads_model.c) and the same workloads on the host kernel
 * (workloads_native.c).
 *
 * Every workload function performs ONE run and returns 0 with its figures
 * filled in, or a negative errno after printing why to stderr; the driver
 * then skips that workload on that side.
 */
#ifndef MMSIM_BENCH_H
#define MMSIM_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define BENCH_PAGE_SIZE	4096UL
#define BENCH_MIB	(1UL << 20)
#define BENCH_GIB	(1UL << 30)

/* Monotonic clock in nanoseconds. */
static inline double bench_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/*
 * struct bench_mem - the memory workload (model only).
 * @pages:		pages touched (one byte written in each)
 * @frames_used:	machine_meminfo() frames_used after touching
 * @memmap_bytes ... @object_bytes: machine_meminfo() after touching
 * @rss_before:		process RSS (bytes) before machine_create()
 * @rss_after:		process RSS (bytes) after touching
 * @stopped_early:	touching stopped at the RSS safety cap
 */
struct bench_mem {
	unsigned long pages;
	unsigned long frames_used;
	double memmap_bytes;
	double content_bytes;
	double pgtable_bytes;
	double object_bytes;
	double rss_before;
	double rss_after;
	int stopped_early;
};

/* Resident set size of this process in bytes (/proc/self/statm), or -1. */
double bench_rss_bytes(void);

/* workloads_process.c: whole scenarios, mmsim run as a process */
enum { SC_STORM, SC_FORKCOW, SC_CHURN, SC_WRITES, NR_SCENARIOS };
extern const char *bench_mmsim;		/* the mmsim binary (--mmsim PATH) */
/* `mmsim run OPT FILE` of scenario @sc; its wall time in ms, or -errno. */
int bench_scenario(int sc, const char *opt, double *ms, double *cpu_ms);
void bench_scenarios_cleanup(void);

/* workloads_model.c */
int model_fullpage(unsigned long len, double *first_ns, double *again_ns);
int model_mmap_gap(unsigned long nvmas, double *ns_per_call);
int model_check_many(unsigned long nproc, unsigned long len, double *full_ms,
		     double *changes_us);
int model_anon_fault(unsigned long len, bool write, double *ns_per_fault);
int model_fork(unsigned long len, bool cow, double *fork_ns_per_page,
	       double *cow_ns_per_fault);
int model_mprotect(unsigned long len, double *split_ns_per_call,
		   double *merge_ns_per_call);
int model_munmap(unsigned long len, double *ns_per_page);
int model_memory(unsigned long len, double rss_cap, struct bench_mem *out);
/*
 * @nr one-byte writes into a one-page memfd, each to a page of its own
 * from 1 TiB on: the time per write, and the memory the file then holds
 * per write (model: frames and page-cache nodes, from machine_meminfo).
 */
#define BENCH_SPARSE_OFF	(1024 * BENCH_GIB)
int model_sparse_write(unsigned long nr, double *ns_per_write,
		       double *bytes_per_write);
/*
 * A tmpfile of @len bytes (the host's in /var/tmp) mapped shared: one
 * store per page (each a write-notify fault into ->page_mkwrite), fsync,
 * and the stores again (each faults again: fsync write-protected every
 * page).  The time per fault of the second round, and of fsync per dirty
 * page (the host's includes its disk).
 */
#define BENCH_WB_LEN	(16 * BENCH_MIB)
int model_writeback(unsigned long len, double *fault_ns, double *fsync_ns);
/* THP-backed @len: ns per 2 MiB write fault, ns per THP at fork, B/frame. */
int model_thp(unsigned long len, double *fault_ns_per_thp,
	      double *fork_ns_per_thp, double *meta_per_frame);

/*
 * Asynchronous uffd-wp dirty tracking over @len bytes of anonymous memory
 * (CRIU's loop): the time per page of one write-protecting PAGEMAP_SCAN
 * with every page written (one region), then with every other page
 * written (one region per written page).
 */
int model_pagemap_scan(unsigned long len, double *all_ns, double *half_ns);

/*
 * workloads_native.c: each run happens in a freshly forked worker, forked
 * by a server that native_start() forks while the benchmark is still
 * small; without it, workers are forked from the benchmark itself.
 */
int native_start(void);
void native_stop(void);
int native_anon_fault(unsigned long len, bool write, double *ns_per_fault);
int native_writeback(unsigned long len, double *fault_ns, double *fsync_ns);
int native_fork(unsigned long len, bool cow, double *fork_ns_per_page,
		double *cow_ns_per_fault);
int native_mprotect(unsigned long len, double *split_ns_per_call,
		    double *merge_ns_per_call);
int native_munmap(unsigned long len, double *ns_per_page);
int native_sparse_write(unsigned long nr, double *ns_per_write,
			double *bytes_per_write);
int native_fullpage(unsigned long len, double *first_ns, double *again_ns);
int native_pagemap_scan(unsigned long len, double *all_ns, double *half_ns);
/* As model_thp(), without the metadata; -ENOTSUP if the host gives no THP. */
int native_thp(unsigned long len, double *fault_ns_per_thp,
	       double *fork_ns_per_thp);

/*
 * Run @fn(@arg, @out) in a forked child and copy back its @nout doubles
 * through a pipe.  Returns fn's result, or a negative errno if the child
 * could not be started or died.
 */
int bench_in_child(int (*fn)(void *arg, double *out), void *arg,
		   double *out, size_t nout);

#endif /* MMSIM_BENCH_H */
