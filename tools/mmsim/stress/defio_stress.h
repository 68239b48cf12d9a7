/* SPDX-License-Identifier: GPL-2.0 */
/*
 * defio_stress.h - a randomized workload on an fb_defio device (seed
 * 001), showing rather than asserting that no write is lost: processes
 * and mappings come and go (mmap shared or private, writable or not,
 * munmap whole or in part, mprotect, mremap, fork, exit) while bytes
 * are written, and before every flush the engine checks that every
 * framebuffer page written through a shared mapping since the previous
 * flush is on the dirty list the flush is about to write back.
 *
 * A run is a list of operations, each four bytes whose meaning does not
 * depend on what came before (indices are taken modulo what exists), so
 * that any sub-list is a valid run: libFuzzer feeds bytes directly, the
 * random driver draws them, and a lost write is shrunk to the smallest
 * list that still loses one and printed as a scenario.
 */
#ifndef MMSIM_TOOLS_DEFIO_STRESS_H
#define MMSIM_TOOLS_DEFIO_STRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct defio_op {
	uint8_t kind, a, b, c;
};

/*
 * struct defio_result - what a run saw.
 * @steps:	operations run
 * @writes:	framebuffer bytes written through shared mappings
 * @flushes:	flushes checked
 * @lost:	written pages missing from a flush's dirty list
 * @lost_at:	the operation at which the first loss was seen, or -1
 * @field_writes: page->mapping/index writes on kernel pages (mkclean)
 * @check_failures: mm_check complaints (with @check)
 * @error:	the run could not start (the design refused, no memory)
 */
struct defio_result {
	unsigned long steps, writes, flushes, lost;
	long lost_at;
	unsigned long field_writes;
	unsigned long check_failures;
	long check_at;		/* the operation after which mm_check first complained */
	char check[256];	/* what it said */
	int error;
};

/*
 * defio_run - run @n operations on a fresh machine with `design defio=`
 * @design.  With @check, mm_check after every operation (its complaints
 * are counted, not fatal).  With @scenario, the run is also written as a
 * scenario file (the commands that succeeded, and the dirty list the
 * last flush found).
 * Return: 0, or -errno if the machine or the device could not be made.
 */
int defio_run(const char *design, const struct defio_op *ops, size_t n,
	      bool check, FILE *scenario, struct defio_result *r);

/* @n operations drawn from @seed (xorshift). */
void defio_random_ops(uint64_t seed, struct defio_op *ops, size_t n);

/*
 * defio_shrink - the shortest sub-list of @ops (in place) that still
 * loses a write under @design, by removing chunks while it does.
 * Return: its length.
 */
size_t defio_shrink(const char *design, struct defio_op *ops, size_t n);

/*
 * For the engine's own tests: called after every flush, to break the
 * model the way a design that misses an entry would (NULL otherwise).
 */
struct machine;
extern void (*defio_stress_after_flush)(struct machine *m);

#endif /* MMSIM_TOOLS_DEFIO_STRESS_H */
