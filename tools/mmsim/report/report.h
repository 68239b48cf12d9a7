/* SPDX-License-Identifier: GPL-2.0 */
/*
 * report.h - `mmsim report NAME`: comparisons of modelled designs, each
 * run through the same workload and printed side by side.  One line per
 * report; each lives in its own file (report_NAME.c).
 *
 * X(name, function, summary, about); function: int fn(int argc, char
 * **argv), returning an exit status; @about is what `mmsim help NAME`
 * prints under the summary.  The seeds are described in docs/seeds.md.
 */
#ifndef MMSIM_TOOLS_REPORT_H
#define MMSIM_TOOLS_REPORT_H

#include <stdbool.h>

#define REPORTS(X)							\
	X(perf, report_perf,						\
	  "perf ring buffer: legacy vs pfnmap vs mixedmap (seed 000, docs/seeds.md)", \
	  "One perf ring-buffer workload (mmap 1+4 pages, read, write the\n" \
	  "user and a data page, split, pin, fork, pagemap, smaps) under the\n" \
	  "fault-based design from before seed 000, the PFN map of Linux\n" \
	  "6.18 and the VM_MIXEDMAP alternative; '*' marks what user space\n" \
	  "would see differently from the host's design.\n")	\
	X(defio, report_defio,						\
	  "fb_defio: mkclean vs wrprotect vs kmemfb (seed 001, docs/seeds.md)", \
	  "Three scenarios (two processes writing and flushing, a private\n" \
	  "mapping, a carve-out without struct page) under folio_mkclean() on\n" \
	  "faked page->mapping/index (Linux 2.6-6.14), mapping_wrprotect_range()\n" \
	  "(6.15-) and the FBINFO_KMEMFB proposal; then the randomized workload\n" \
	  "of mmsim stress per design: writes a flush did not list (shown, not\n" \
	  "asserted), with the smallest reproducer of any.\n")		\
	X(walk, report_walk,						\
	  "folio_walk_start: pre-6.18 vs 6.18 vs early-reject (seed 002, docs/seeds.md)", \
	  "A MAP_PRIVATE /dev/mem mapping whose writes made anonymous COW\n" \
	  "folios, walked by folio_walk_start() and move_pages() in each\n" \
	  "design: trust the special bit (Linux 6.12-6.17, and 6.18 through\n" \
	  "one __vm_normal_page()) or refuse VM_PFNMAP|VM_IO up front (the\n" \
	  "proposal in seed 002).\n")					\
	X(pins, report_pins,						\
	  "pin accounting: bias vs shadow vs pmd vs pte-extra (seed 003, docs/seeds.md)", \
	  "Five workloads (a pin and fork, pins spread over 16 MiB, a page\n" \
	  "mapped 1025 times, 1024 vmsplice references, a pin whose mapping\n" \
	  "went away) under each way of counting DMA pins: the refcount bias\n" \
	  "of Linux 5.7-, an exact count in a shadow struct page, a counter\n" \
	  "per PTE table, extra per-entry state per page table.  Columns:\n" \
	  "host bytes the design spends, false positives and misses of\n" \
	  "page_maybe_dma_pinned(), pages fork copied for nothing.\n")	\
	X(pat, report_pat,						\
	  "PAT tracking: vm_pat vs vma-ctx vs global (seed 004, docs/seeds.md)", \
	  "Five /dev/mem workloads (split and partial munmap, shrink, mremap,\n" \
	  "fork, fork after a COW write) under VM_PAT with track_pfn_copy()\n" \
	  "and untrack_pfn() (Linux 3.7-6.15), the kref'd pfnmap_track_ctx of\n" \
	  "Linux 6.16 and the global table proposed in seed 004; mm_check\n" \
	  "reports leaked reservations and invalid frees; then the size of\n" \
	  "vm_area_struct and its slab class, and the cost of a lookup.\n")

#define X(name, fn, summary, about) int fn(int argc, char **argv);
REPORTS(X)
#undef X

int cmd_report_main(int argc, char **argv);

#include <stdbool.h>
#include <stdio.h>

#include "record.h"

/* The list of reports, one line each. */
void report_list(FILE *out);
/* `mmsim help NAME` for a report; false if NAME is none. */
bool report_help(FILE *out, const char *name);

/*
 * `mmsim report` alone runs every report quietly (report_quiet) and
 * prints one table of verdicts: each report adds one row per design
 * (switch @key, value @value) with its verdict in a few words.
 */
extern bool report_quiet;
void verdict_add(const char *report, int key, int value, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * report_runs - the results of @nr runs of one scenario side by side,
 * a column per run (its title), one row per command; a '*' marks a
 * user-visible result other than run @mainline's, a '!' a command after
 * which mm_check complained (listed under the table).  Prints nothing
 * when report_quiet.  @differ[j] grows by run j's '*' cells.
 */
void report_runs(const char *title, const struct run *runs, int nr,
		 int mainline, int *differ);

/* "KEY=VALUE: LABEL" of every run's switch value, one per line. */
void report_labels(int key, const int *values, int nr);

#endif /* MMSIM_TOOLS_REPORT_H */
