// SPDX-License-Identifier: GPL-2.0
/*
 * bench.c - the benchmark's driver: command line, which workloads run and
 * how often, interleaving model and host runs, medians, and the table of
 * model vs host figures with the targets.  The workloads
 * themselves live in workloads_model.c and workloads_native.c.
 *
 *   bench [--runs N] [--big] [--mib N] [--model-only | --host-only]
 *         [workload...]
 *
 * A benchmark informs; it always exits 0 (2 only for a bad command line).
 */
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <mmsim/mmsim.h>

#include "bench.h"

#define MAX_RUNS	100

/* One line of the table. */
enum {
	ROW_ANON_WRITE,
	ROW_ANON_READ,
	ROW_FORK,
	ROW_COW,
	ROW_MPROTECT_SPLIT,
	ROW_MPROTECT_MERGE,
	ROW_MUNMAP,
	ROW_FULL_FIRST,
	ROW_FULL_AGAIN,
	ROW_SC_STORM,
	ROW_SC_FORKCOW,
	ROW_SC_CHURN,
	ROW_SC_WRITES,
	ROW_GAP_10,
	ROW_GAP_100K,
	ROW_CHECK_FULL,
	ROW_CHECK_CHANGES,
	ROW_META,
	ROW_RSS,
	ROW_SPARSE,
	ROW_SPARSE_BYTES,
	ROW_WB_FAULT,
	ROW_WB_FSYNC,
	ROW_SCAN_ALL,
	ROW_SCAN_HALF,
	ROW_THP_FAULT,
	ROW_THP_FORK,
	ROW_THP_META,
	NR_ROWS
};

struct row {
	const char *label;
	double target;		/* model <= target passes; 0: no target */
	double min_ratio;	/* host/model >= this passes; 0: none */
	bool host_na;		/* no host figure for this row */
	bool shown;
	int nm, nh;
	bool model_failed, host_failed;
	double model[MAX_RUNS];
	double host[MAX_RUNS];
};

static struct row rows[NR_ROWS] = {
	[ROW_ANON_WRITE]     = { "anon write fault (ns/fault)", 100 },
	[ROW_ANON_READ]      = { "anon read fault (ns/fault)", 0 },
	[ROW_FORK]           = { "fork (ns/populated page)", 10 },
	[ROW_COW]            = { "COW fault in child (ns/fault)", 0 },
	[ROW_MPROTECT_SPLIT] = { "mprotect split (ns/call)", 500 },
	[ROW_MPROTECT_MERGE] = { "mprotect merge (ns/call)", 0 },
	[ROW_MUNMAP]         = { "munmap (ns/page)", 0 },
	[ROW_FULL_FIRST]     = { "4 KiB write, first touch (ns/page)", 0 },
	[ROW_FULL_AGAIN]     = { "4 KiB write, again (ns/page)", 0 },
	[ROW_SC_STORM]       = { "run: 65,536-fault storm (ms)", 0, 20 },
	[ROW_SC_FORKCOW]     = { "run: 256 MiB fork + COW (ms)", 0, 10 },
	[ROW_SC_CHURN]       = { "run: 4,096-mprotect churn (ms)", 0, 3 },
	[ROW_SC_WRITES]      = { "run: 10,000 one-byte writes (ms)", 0 },
	[ROW_GAP_10]         = { "hint-less mmap, 10 VMAs (ns/call)", 0, 0, true },
	[ROW_GAP_100K]       = { "hint-less mmap, 100k VMAs (ns/call)", 0, 0, true },
	[ROW_CHECK_FULL]     = { "mm_check 1000 procs x 64 MiB (ms)", 50, 0, true },
	[ROW_CHECK_CHANGES]  = { "mm_check_changes, same, 1 write (us)", 0, 0, true },
	[ROW_META]           = { "metadata per frame (B)", 80, 0, true },
	/* 2 GiB of RSS for 16 GiB touched = 512 B per 4 KiB page. */
	[ROW_RSS]            = { "RSS growth per page touched (B)", 512, 0, true },
	/* issue 10: a write at any offset costs what it stores */
	[ROW_SPARSE]         = { "memfd pwrite 1 B at 1 TiB+ (ns/write)", 0 },
	[ROW_SPARSE_BYTES]   = { "memfd bytes per such write (B)", 8192, 0, true },
	/* a disk file's shared mapping: write-notify faults and writeback */
	[ROW_WB_FAULT]       = { "tmpfile mkwrite fault (ns/fault)", 0 },
	[ROW_WB_FSYNC]       = { "tmpfile fsync (ns/dirty page)", 0 },
	/* async uffd-wp dirty tracking: PAGEMAP_SCAN get-and-clear */
	[ROW_SCAN_ALL]       = { "pagemap scan+wp, all (ns/page)", 0 },
	[ROW_SCAN_HALF]      = { "pagemap scan+wp, half (ns/page)", 0 },
	[ROW_THP_FAULT]      = { "THP write fault (ns/2 MiB fault)", 0 },
	[ROW_THP_FORK]       = { "fork, 1 GiB in THPs (ns/THP)", 0 },
	[ROW_THP_META]       = { "metadata per frame, THPs (B)", 80, true },
};

/*
 * Run order.  mprotect goes first: for several seconds after a 1 GiB host
 * process exits, the host's mprotect splits run ~6x slower (measured on
 * the 2-core VM), so it must not follow a heavy workload.
 */
enum {
	WL_MPROTECT,
	WL_ANON_WRITE,
	WL_ANON_READ,
	WL_FORK,
	WL_COW,
	WL_MUNMAP,
	WL_SPARSE,
	WL_WRITEBACK,
	WL_FULLPAGE,
	WL_SCENARIOS,
	WL_GAP,
	WL_CHECK,
	WL_SCAN,
	WL_MEMORY,
	WL_THP,
	NR_WORKLOADS
};

static struct workload {
	const char *name;
	const char *help;
	bool selected;
} workloads[NR_WORKLOADS] = {
	[WL_ANON_WRITE] = { "anon-write",
		"write one byte per page of a fresh anonymous mapping" },
	[WL_ANON_READ] = { "anon-read",
		"read one byte per page of a fresh anonymous mapping" },
	[WL_FORK] = { "fork", "fork a process with the mapping populated" },
	[WL_COW] = { "cow", "after fork, the child writes one byte per page" },
	[WL_MPROTECT] = { "mprotect",
		"64 MiB: every other page read-only, then back" },
	[WL_MUNMAP] = { "munmap", "unmap the populated mapping" },
	[WL_SPARSE] = { "sparse-write",
		"1000 one-byte writes from 1 TiB on into a one-page memfd" },
	[WL_WRITEBACK] = { "writeback",
		"16 MiB tmpfile mapped shared: a store per page, fsync, again" },
	[WL_FULLPAGE] = { "full-page",
		"write 4 KiB into every page, fresh and again" },
	[WL_SCENARIOS] = { "scenarios",
		"whole mmsim runs, checker on, beside --native and --check=off" },
	[WL_GAP] = { "mmap-gap",
		"model: hint-less mmap at 10 and at 100,000 VMAs" },
	[WL_CHECK] = { "check",
		"model: the checker with 1,000 processes sharing 64 MiB" },
	[WL_SCAN] = { "pagemap-scan",
		"64 MiB under async uffd-wp: PAGEMAP_SCAN get-and-clear of written pages" },
	[WL_MEMORY] = { "memory",
		"model metadata and RSS per touched page (--big: 16 GiB)" },
	[WL_THP] = { "thp",
		"1 GiB advised MADV_HUGEPAGE: a write fault per 2 MiB, then fork" },
};

static struct {
	int runs;		/* --runs, 0: per-workload defaults */
	bool big;
	bool model;
	bool host;
	unsigned long len;	/* the "1 GiB" of the 1 GiB workloads */
	unsigned long mprotect_len;
	struct bench_mem mem;	/* the last memory run, for the notes */
	bool have_mem;
} opt = {
	.model = true,
	.host = true,
	.len = BENCH_GIB,
	.mprotect_len = 64 * BENCH_MIB,
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(const double *v, int n)
{
	double s[MAX_RUNS];

	memcpy(s, v, (size_t)n * sizeof(*v));
	qsort(s, (size_t)n, sizeof(*s), cmp_double);
	return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

static void record(int row, bool model, int ret, double v)
{
	struct row *r = &rows[row];

	r->shown = true;
	if (model) {
		if (ret)
			r->model_failed = true;
		else if (r->nm < MAX_RUNS)
			r->model[r->nm++] = v;
	} else {
		if (ret)
			r->host_failed = true;
		else if (r->nh < MAX_RUNS)
			r->host[r->nh++] = v;
	}
}

static void progress(const char *s)
{
	fputs(s, stderr);
	fflush(stderr);
}

/* ---- the memory workload, in a child so its RSS starts clean ----------- */

struct memory_arg {
	unsigned long len;
	double rss_cap;
};

static int memory_worker(void *arg, double *out)
{
	const struct memory_arg *a = arg;
	struct bench_mem m;
	int ret;

	/*
	 * The heap inherited from the parent holds resident free memory
	 * that earlier runs released: give it back, or the model would
	 * reuse it and its growth would not show in the RSS.
	 */
	malloc_trim(0);
	ret = model_memory(a->len, a->rss_cap, &m);
	out[0] = (double)m.pages;
	out[1] = (double)m.frames_used;
	out[2] = m.memmap_bytes;
	out[3] = m.content_bytes;
	out[4] = m.pgtable_bytes;
	out[5] = m.object_bytes;
	out[6] = m.rss_before;
	out[7] = m.rss_after;
	out[8] = m.stopped_early;
	return ret;
}

/* A third of the host's available memory, at most 4 GiB: the RSS cap. */
static double rss_cap(void)
{
	double cap = 4.0 * BENCH_GIB;
	unsigned long kb;
	char line[256];
	FILE *f = fopen("/proc/meminfo", "r");

	if (!f)
		return cap;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "MemAvailable: %lu kB", &kb) == 1) {
			cap = (double)kb * 1024 / 3;
			break;
		}
	}
	fclose(f);
	return cap < 4.0 * BENCH_GIB ? cap : 4.0 * BENCH_GIB;
}

static void run_memory(int runs)
{
	struct memory_arg a = {
		.len = opt.big ? 16 * BENCH_GIB : opt.len,
		.rss_cap = rss_cap(),
	};
	struct bench_mem *m = &opt.mem;
	double out[9], meta;
	int i, ret;

	rows[ROW_META].shown = rows[ROW_RSS].shown = true;
	if (!opt.model)
		return;
	for (i = 0; i < runs; i++) {
		progress(" m");
		ret = bench_in_child(memory_worker, &a, out, 9);
		if (ret) {
			record(ROW_META, true, ret, 0);
			record(ROW_RSS, true, ret, 0);
			return;
		}
		m->pages = (unsigned long)out[0];
		m->frames_used = (unsigned long)out[1];
		m->memmap_bytes = out[2];
		m->content_bytes = out[3];
		m->pgtable_bytes = out[4];
		m->object_bytes = out[5];
		m->rss_before = out[6];
		m->rss_after = out[7];
		m->stopped_early = (int)out[8];
		opt.have_mem = true;
		meta = m->memmap_bytes + m->pgtable_bytes + m->object_bytes;
		record(ROW_META, true, m->frames_used ? 0 : -ENODATA,
		       m->frames_used ? meta / (double)m->frames_used : 0);
		record(ROW_RSS, true, m->pages ? 0 : -ENODATA,
		       m->pages ? (m->rss_after - m->rss_before) /
				  (double)m->pages : 0);
	}
}

/* ---- running the workloads --------------------------------------------- */

/* One side of the comparison: the model or the host kernel. */
struct side {
	bool model;
	int (*anon_fault)(unsigned long len, bool write, double *ns);
	int (*fork)(unsigned long len, bool cow, double *fork_ns,
		    double *cow_ns);
	int (*mprotect)(unsigned long len, double *split_ns,
			double *merge_ns);
	int (*munmap)(unsigned long len, double *ns);
	int (*sparse_write)(unsigned long nr, double *ns, double *bytes);
	int (*writeback)(unsigned long len, double *fault_ns, double *fsync_ns);
	int (*fullpage)(unsigned long len, double *first, double *again);
	int (*pagemap_scan)(unsigned long len, double *all_ns, double *half_ns);
	int (*thp)(unsigned long len, double *fault_ns, double *fork_ns,
		   double *meta);
};

static int host_thp(unsigned long len, double *fault_ns, double *fork_ns,
		    double *meta)
{
	return native_thp(len, fault_ns, fork_ns);
}

static const struct side model_side = {
	true, model_anon_fault, model_fork, model_mprotect, model_munmap,
	model_sparse_write, model_writeback, model_fullpage, model_pagemap_scan,
	model_thp,
};

static const struct side host_side = {
	false, native_anon_fault, native_fork, native_mprotect, native_munmap,
	native_sparse_write, native_writeback, native_fullpage,
	native_pagemap_scan, host_thp,
};

/* The scenario rows, and --check=off runs for the checker's share. */
static const int scenario_row[NR_SCENARIOS] = {
	[SC_STORM] = ROW_SC_STORM, [SC_FORKCOW] = ROW_SC_FORKCOW,
	[SC_CHURN] = ROW_SC_CHURN, [SC_WRITES] = ROW_SC_WRITES,
};
static double nocheck_ms[NR_SCENARIOS][MAX_RUNS];
static int nocheck_n[NR_SCENARIOS];
/* CPU time (user + system) of the same runs: [model, host] */
static double cpu_ms[2][NR_SCENARIOS][MAX_RUNS];
static int cpu_n[2][NR_SCENARIOS];

static int run_scenarios(bool model)
{
	int ret = 0;

	for (int sc = 0; sc < NR_SCENARIOS; sc++) {
		double ms = 0, cpu = 0;
		int r = bench_scenario(sc, model ? "--check=incremental" : "--native",
				       &ms, &cpu);

		record(scenario_row[sc], model, r, ms);
		if (!r && cpu_n[!model][sc] < MAX_RUNS)
			cpu_ms[!model][sc][cpu_n[!model][sc]++] = cpu;
		if (model && !r && !bench_scenario(sc, "--check=off", &ms, &cpu) &&
		    nocheck_n[sc] < MAX_RUNS)
			nocheck_ms[sc][nocheck_n[sc]++] = ms;
		ret = ret ? ret : r;
	}
	return ret;
}

/* One run of workload @wl on side @s, recorded in its rows. */
static int run_once(int wl, const struct side *s)
{
	bool cow = workloads[WL_COW].selected;
	double a = 0, b = 0;
	int ret = -EINVAL;

	progress(s->model ? " m" : " h");
	switch (wl) {
	case WL_ANON_WRITE:
	case WL_ANON_READ:
		ret = s->anon_fault(opt.len, wl == WL_ANON_WRITE, &a);
		record(wl == WL_ANON_WRITE ? ROW_ANON_WRITE : ROW_ANON_READ,
		       s->model, ret, a);
		break;
	case WL_FORK:		/* and the child's COW phase if selected */
	case WL_COW:
		ret = s->fork(opt.len, cow, &a, &b);
		if (workloads[WL_FORK].selected)
			record(ROW_FORK, s->model, ret, a);
		if (cow)
			record(ROW_COW, s->model, ret, b);
		break;
	case WL_MPROTECT:
		ret = s->mprotect(opt.mprotect_len, &a, &b);
		record(ROW_MPROTECT_SPLIT, s->model, ret, a);
		record(ROW_MPROTECT_MERGE, s->model, ret, b);
		break;
	case WL_MUNMAP:
		ret = s->munmap(opt.len, &a);
		record(ROW_MUNMAP, s->model, ret, a);
		break;
	case WL_SCAN:
		ret = s->pagemap_scan(64 * BENCH_MIB, &a, &b);
		record(ROW_SCAN_ALL, s->model, ret, a);
		record(ROW_SCAN_HALF, s->model, ret, b);
		break;
	case WL_SPARSE:
		ret = s->sparse_write(1000, &a, &b);
		record(ROW_SPARSE, s->model, ret, a);
		if (s->model)
			record(ROW_SPARSE_BYTES, true, ret, b);
		break;
	case WL_WRITEBACK:
		ret = s->writeback(BENCH_WB_LEN, &a, &b);
		record(ROW_WB_FAULT, s->model, ret, a);
		record(ROW_WB_FSYNC, s->model, ret, b);
		break;
	case WL_THP: {
		double meta = 0;

		ret = s->thp(opt.len, &a, &b, &meta);
		record(ROW_THP_FAULT, s->model, ret, a);
		record(ROW_THP_FORK, s->model, ret, b);
		if (s->model)
			record(ROW_THP_META, true, ret, meta);
		break;
	}
	case WL_FULLPAGE:
		ret = s->fullpage(opt.len, &a, &b);
		record(ROW_FULL_FIRST, s->model, ret, a);
		record(ROW_FULL_AGAIN, s->model, ret, b);
		break;
	case WL_SCENARIOS:
		ret = run_scenarios(s->model);
		break;
	case WL_GAP:		/* model only */
		ret = model_mmap_gap(10, &a);
		if (!ret)
			ret = model_mmap_gap(100000, &b);
		record(ROW_GAP_10, true, ret, a);
		record(ROW_GAP_100K, true, ret, b);
		break;
	case WL_CHECK:		/* model only */
		ret = model_check_many(1000, 64 * BENCH_MIB, &a, &b);
		record(ROW_CHECK_FULL, true, ret, a);
		record(ROW_CHECK_CHANGES, true, ret, b);
		break;
	}
	return ret;
}

static void run_workload(int wl)
{
	int mruns, hruns, i;

	/*
	 * Native 1 GiB runs cost seconds each on a slow host: fewer.  A
	 * whole model scenario takes milliseconds, where one noisy spell
	 * moves a median of five: nine.
	 */
	mruns = wl == WL_SCENARIOS ? 9 : 5;
	hruns = wl == WL_MPROTECT || wl == WL_SCENARIOS ? 5 : 3;
	if (wl == WL_MEMORY)
		mruns = opt.big ? 1 : 3;
	if (wl == WL_GAP || wl == WL_CHECK)
		hruns = 0;			/* model only */
	if (wl == WL_CHECK)
		mruns = 3;
	if (opt.runs)
		mruns = hruns = opt.runs;
	if (wl == WL_GAP || wl == WL_CHECK)
		hruns = 0;			/* model only */
	if (!opt.model)
		mruns = 0;
	if (!opt.host)
		hruns = 0;

	fprintf(stderr, "%-11s", workloads[wl].name);
	if (wl == WL_MEMORY) {
		run_memory(mruns);
		progress("\n");
		return;
	}
	/* Interleaved, so that a noisy spell hits both sides alike. */
	for (i = 0; i < mruns || i < hruns; i++) {
		if (i < mruns && run_once(wl, &model_side))
			mruns = i + 1;	/* failed: no point repeating */
		if (i < hruns && run_once(wl, &host_side))
			hruns = i + 1;
	}
	progress("\n");
}

/* ---- the table --------------------------------------------------------- */

static void fmt_num(char *buf, size_t size, double v)
{
	snprintf(buf, size, v < 100 ? "%.2f" : v < 10000 ? "%.1f" : "%.0f", v);
}

static void print_table(void)
{
	char model[32], host[32], ratio[32], target[32], runs[16];
	double mv, hv;
	int i;

	printf("\n%-34s %12s  %-13s %12s %11s  %s\n", "workload",
	       "model ns/op", "target", "host ns/op", "host/model", "runs m/h");
	for (i = 0; i < NR_ROWS; i++) {
		const struct row *r = &rows[i];
		bool mok = r->nm > 0 && !r->model_failed;
		bool hok = r->nh > 0 && !r->host_failed;

		if (!r->shown)
			continue;
		mv = mok ? median(r->model, r->nm) : 0;
		hv = hok ? median(r->host, r->nh) : 0;
		if (mok)
			fmt_num(model, sizeof(model), mv);
		else
			snprintf(model, sizeof(model), "%s",
				 r->model_failed ? "FAILED" : "-");
		if (r->host_na)
			snprintf(host, sizeof(host), "n/a");
		else if (hok)
			fmt_num(host, sizeof(host), hv);
		else
			snprintf(host, sizeof(host), "%s",
				 r->host_failed ? "FAILED" : "-");
		if (mok && hok && mv > 0)
			snprintf(ratio, sizeof(ratio), "%.2fx", hv / mv);
		else
			snprintf(ratio, sizeof(ratio), "-");
		if (r->target && mok)
			snprintf(target, sizeof(target), "<=%-5g %s", r->target,
				 mv <= r->target ? "PASS" : "MISS");
		else if (r->target)
			snprintf(target, sizeof(target), "<=%g", r->target);
		else if (r->min_ratio && mok && hok)
			snprintf(target, sizeof(target), ">=%gx  %s", r->min_ratio,
				 hv / mv >= r->min_ratio ? "PASS" : "MISS");
		else if (r->min_ratio)
			snprintf(target, sizeof(target), ">=%gx", r->min_ratio);
		else
			target[0] = '\0';
		snprintf(runs, sizeof(runs), "%d/%d", r->nm, r->nh);
		printf("%-34s %12s  %-13s %12s %11s  %s\n", r->label, model,
		       target, host, ratio, runs);
	}
}

static void print_memory_notes(void)
{
	const struct bench_mem *m = &opt.mem;
	double f, rss, meta, touched;
	const double mib = BENCH_MIB;

	if (!opt.have_mem)
		return;
	f = m->frames_used ? (double)m->frames_used : 1;
	rss = m->rss_after - m->rss_before;
	meta = m->memmap_bytes + m->pgtable_bytes + m->object_bytes;
	touched = (double)m->pages * BENCH_PAGE_SIZE;
	printf("\nmemory (last run): %.0f MiB touched%s, %lu frames in use\n",
	       touched / mib,
	       m->stopped_early ? " (STOPPED EARLY at the RSS safety cap)" : "",
	       m->frames_used);
	printf("  per frame: memmap %.1f B + page tables %.1f B + objects %.1f B"
	       " = %.1f B metadata; contents %.1f B\n",
	       m->memmap_bytes / f, m->pgtable_bytes / f, m->object_bytes / f,
	       meta / f, m->content_bytes / f);
	printf("  process RSS grew %.1f MiB (model says %.1f MiB metadata + %.1f MiB contents)\n",
	       rss / mib, meta / mib, m->content_bytes / mib);
	if (m->pages) {
		double at16 = rss / (double)m->pages * (16.0 * BENCH_GIB /
							BENCH_PAGE_SIZE);

		printf("  16 GiB touched: RSS %s%.0f MiB, target <= 2048 MiB: %s\n",
		       opt.big && !m->stopped_early ? "" : "~(extrapolated) ",
		       at16 / mib, at16 <= 2.0 * BENCH_GIB ? "PASS" : "MISS");
	}
}

/* The checker's share of each scenario, and the targets that are ratios. */
static void print_ratio_notes(void)
{
	static const char *const names[NR_SCENARIOS] = {
		"fault storm", "fork + COW", "mprotect churn", "10,000 writes",
	};
	const struct row *g10 = &rows[ROW_GAP_10], *g100 = &rows[ROW_GAP_100K];
	bool any = false;

	for (int sc = 0; sc < NR_SCENARIOS; sc++) {
		const struct row *r = &rows[scenario_row[sc]];
		double on, off;

		if (!r->nm || r->model_failed || !nocheck_n[sc])
			continue;
		if (!any)
			printf("\nthe checker's share (checker on vs --check=off, whole runs):\n");
		any = true;
		on = median(r->model, r->nm);
		off = median(nocheck_ms[sc], nocheck_n[sc]);
		printf("  %-15s %8.1f ms on, %8.1f ms off: %4.1f%% of the run, %.2fx",
		       names[sc], on, off, on > 0 ? 100 * (on - off) / on : 0,
		       off > 0 ? on / off : 0);
		if (sc == SC_WRITES)
			printf("  target <=5x %s", off > 0 && on / off <= 5 ? "PASS" : "MISS");
		printf("\n");
	}
	for (int sc = 0, shown = 0; sc < NR_SCENARIOS; sc++) {
		double mc, hc;

		if (!cpu_n[0][sc] || !cpu_n[1][sc])
			continue;
		if (!shown++)
			printf("\nCPU time of the same runs (user + system, mmsim and its agents; the\nwall times above also count waiting for a CPU on a busy machine):\n");
		mc = median(cpu_ms[0][sc], cpu_n[0][sc]);
		hc = median(cpu_ms[1][sc], cpu_n[1][sc]);
		printf("  %-15s model %8.1f ms, host %8.1f ms: host/model %.2fx\n",
		       names[sc], mc, hc, mc > 0 ? hc / mc : 0);
	}
	if (g10->nm && g100->nm && !g10->model_failed && !g100->model_failed) {
		double a = median(g10->model, g10->nm), b = median(g100->model, g100->nm);

		printf("\nhint-less mmap: %.0f ns at 100,000 VMAs, %.0f ns at 10: %.2fx, target <=2x %s\n",
		       b, a, a > 0 ? b / a : 0, a > 0 && b / a <= 2 ? "PASS" : "MISS");
	}
}

static void print_header(void)
{
	struct utsname u;
	char thp[64] = "?";
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");

	if (f) {
		if (!fgets(thp, sizeof(thp), f))
			snprintf(thp, sizeof(thp), "?");
		thp[strcspn(thp, "\n")] = '\0';
		fclose(f);
	}
	if (uname(&u))
		snprintf(u.release, sizeof(u.release), "?");
	printf("mmsim bench: model (libmmsim %s) vs host (Linux %s), %ld CPUs, THP %s\n",
	       MMSIM_VERSION, u.release, sysconf(_SC_NPROCESSORS_ONLN), thp);
	printf("working set %lu MiB (mprotect %lu MiB, memory %lu MiB); medians of the runs\n",
	       opt.len / BENCH_MIB, opt.mprotect_len / BENCH_MIB,
	       (opt.big ? 16 * BENCH_GIB : opt.len) / BENCH_MIB);
	fflush(stdout);
}

static void usage(FILE *f)
{
	int i;

	fprintf(f,
		"usage: bench [options] [workload...]\n"
		"  --runs N       runs per workload and side (default: model 5,\n"
		"                 9 for scenarios; host 3 for 1 GiB workloads,\n"
		"                 5 for mprotect and scenarios)\n"
		"  --big          memory workload touches 16 GiB (heavy)\n"
		"  --mib N        working set of the 1 GiB workloads, in MiB\n"
		"  --mmsim PATH   the mmsim binary for the scenarios (./mmsim)\n"
		"  --model-only   skip the host side\n"
		"  --host-only    skip the model side\n"
		"workloads (default: all):\n");
	for (i = 0; i < NR_WORKLOADS; i++)
		fprintf(f, "  %-11s  %s\n", workloads[i].name, workloads[i].help);
}

static long parse_num(const char *s, const char *what)
{
	char *end;
	long v;

	errno = 0;
	v = s ? strtol(s, &end, 10) : 0;
	if (!s || errno || *end || v <= 0) {
		fprintf(stderr, "bench: %s needs a positive number\n", what);
		exit(2);
	}
	return v;
}

int main(int argc, char **argv)
{
	bool any = false;
	int i, j;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--runs")) {
			opt.runs = (int)parse_num(i + 1 < argc ? argv[++i] : NULL,
						   "--runs");
		} else if (!strcmp(a, "--big")) {
			opt.big = true;
		} else if (!strcmp(a, "--mib")) {
			opt.len = BENCH_MIB * (unsigned long)
				parse_num(i + 1 < argc ? argv[++i] : NULL,
					  "--mib");
		} else if (!strcmp(a, "--mmsim")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "bench: --mmsim needs a path\n");
				return 2;
			}
			bench_mmsim = argv[++i];
		} else if (!strcmp(a, "--model-only")) {
			opt.host = false;
		} else if (!strcmp(a, "--host-only")) {
			opt.model = false;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		} else {
			for (j = 0; j < NR_WORKLOADS; j++)
				if (!strcmp(a, workloads[j].name))
					break;
			if (j == NR_WORKLOADS) {
				fprintf(stderr, "bench: unknown argument '%s'\n", a);
				usage(stderr);
				return 2;
			}
			workloads[j].selected = true;
			any = true;
		}
	}
	if (opt.runs > MAX_RUNS)
		opt.runs = MAX_RUNS;
	if (!any)
		for (j = 0; j < NR_WORKLOADS; j++)
			workloads[j].selected = true;
	if (opt.mprotect_len > opt.len)
		opt.mprotect_len = opt.len;

	print_header();
	if (opt.host && native_start())
		fprintf(stderr,
			"bench: no worker server; host workers fork from here\n");
	for (j = 0; j < NR_WORKLOADS; j++) {
		if (!workloads[j].selected)
			continue;
		/* fork and cow share one run (fork, then the child's COW). */
		if (j == WL_COW && workloads[WL_FORK].selected)
			continue;
		run_workload(j);
	}
	native_stop();
	bench_scenarios_cleanup();
	print_table();
	print_ratio_notes();
	print_memory_notes();
	printf("\nhost/model > 1: the model is faster.  Targets apply to the model.\n");
	return 0;
}
