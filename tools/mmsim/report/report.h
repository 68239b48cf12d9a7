/* SPDX-License-Identifier: GPL-2.0 */
/*
 * report.h - `mmsim report NAME`: comparisons of modelled designs, each
 * run through the same workload and printed side by side.  One line per
 * report; each lives in its own file (report_NAME.c).
 *
 * X(name, function, summary); function: int fn(int argc, char **argv),
 * returning an exit status.
 */
#ifndef MMSIM_TOOLS_REPORT_H
#define MMSIM_TOOLS_REPORT_H

#define REPORTS(X)							\
	X(pins, report_pins, "pin accounting: bias vs shadow vs pmd (seed 003)") \
	X(perf, report_perf, "perf ring buffer: legacy vs pfnmap vs mixedmap (seed 000)") \
	X(walk, report_walk, "folio_walk_start: kernel vs early-reject (seed 002)")

#define X(name, fn, summary) int fn(int argc, char **argv);
REPORTS(X)
#undef X

int cmd_report_main(int argc, char **argv);

#endif /* MMSIM_TOOLS_REPORT_H */
