// SPDX-License-Identifier: GPL-2.0
/*
 * report_pins.c - `mmsim report pins`: the pin-accounting designs of
 * seed 003 (bias, shadow, pmd; lib/model/pincount.c) run through the same
 * workloads.  For each: the host bytes the design's records cost while
 * the pins are held, the false-positive rate of page_maybe_dma_pinned()
 * over the workload's unpinned pages, and the pages fork copied although
 * they were not pinned (copy_present_page on a false positive).  The
 * three designs run on small pages (THP off); the fourth row is the
 * kernel's baseline for large folios: the same memory in THPs, whose
 * pins count exactly in _pincount - but per folio, so every page of a
 * pinned THP reads "maybe pinned" and fork copies the whole folio.
 * Only the library's public interface is used: pins via pin_range(),
 * plain GUP references and "maybe pinned" via mmsim_ctl, copies by
 * comparing PFNs in pagemap.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <mmsim/mmsim.h>

#include "report.h"

#define ARENA	0x100000000000UL
#define PG	4096UL
#define MAX_PINS 64

struct workload {
	const char *name;
	unsigned long pages;	/* mapped and written */
	unsigned long pin_every; /* pin pages 0, pin_every, ... (0: page 1 only) */
	int nr_pins;
	int gup_refs;		/* plain references on page 0 */
	int sharers;		/* extra processes mapping page 0 */
};

static const struct workload workloads[] = {
	{ "1 pin in a 2 MiB range, fork", 512, 512, 1, 0, 0 },
	{ "16 pins spread over 16 MiB, fork", 4096, 256, 16, 0, 0 },
	{ "page mapped by 1025 processes", 2, 0, 1, 0, 1025 },
	{ "1024 vmsplice refs on a page, fork", 2, 0, 1, 1024, 0 },
};

/* The designs (design pins=...) and the THP setting each runs with. */
static const struct {
	const char *label, *design, *thp;
} designs[] = {
	{ "bias", "bias", "never" },
	{ "shadow", "shadow", "never" },
	{ "pmd", "pmd", "never" },
	{ "large", "bias", "always" },	/* THPs: exact _pincount per folio */
};
#define NR_DESIGNS	(sizeof(designs) / sizeof(designs[0]))

struct result {
	size_t bytes;
	unsigned long fp, negatives, needless;
};

static bool is_pinned(const struct workload *w, unsigned long i)
{
	if (!w->pin_every)
		return i == 1;
	return i % w->pin_every == 0 && i / w->pin_every < (unsigned long)w->nr_pins;
}

static int ctl(struct task_struct *t, const char *fmt, unsigned long a,
	       unsigned long b, char *answer, size_t size)
{
	struct seq_buf s;
	char line[128];
	int err;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(line, sizeof(line), fmt, a, b);	/* fmt: this file's literals */
#pragma GCC diagnostic pop
	seq_buf_init(&s);
	err = mmsim_ctl(t, line, &s);
	if (!err && answer)
		snprintf(answer, size, "%s", s.buf ? s.buf : "");
	seq_buf_free(&s);
	return err;
}

static uint64_t pfn_at(struct task_struct *t, unsigned long addr)
{
	uint64_t e = 0;

	proc_pid_pagemap(t, addr, &e);
	return e & PM_PFRAME_MASK;
}

static int setup(struct task_struct *t, const struct workload *w,
		 struct pin_set **pins)
{
	int n = 0;

	if (sys_mmap(t, ARENA, w->pages * PG, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, NULL, 0) < 0 ||
	    uaccess_memset(t, ARENA, 1, w->pages * PG))
		return -1;
	for (unsigned long i = 0; i < w->pages; i++)
		if (is_pinned(w, i) && pin_range(t, ARENA + i * PG, PG, false, &pins[n++]))
			return -1;
	for (int i = 0; i < w->gup_refs; i++)
		if (ctl(t, "gup_get R%lu 0x%lx 1p", (unsigned long)i, ARENA, NULL, 0))
			return -1;
	for (int i = 0; i < w->sharers; i++) {
		struct task_struct *child;

		if (sys_fork(t, &child))
			return -1;
	}
	return 0;
}

static void measure(struct machine *m, struct task_struct *t,
		    const struct workload *w, struct result *r)
{
	struct task_struct *child;
	char answer[256];

	r->bytes = pincount_bytes(m);
	for (unsigned long i = 0; i < w->pages; i++) {
		if (is_pinned(w, i))
			continue;
		r->negatives++;
		ctl(t, "counts 0x%lx", ARENA + i * PG, 0, answer, sizeof(answer));
		r->fp += strstr(answer, "maybe-pinned") != NULL;
	}
	if (w->sharers || sys_fork(t, &child))
		return;
	for (unsigned long i = 0; i < w->pages; i++)
		r->needless += !is_pinned(w, i) &&
			       pfn_at(t, ARENA + i * PG) != pfn_at(child, ARENA + i * PG);
}

static int run_one(const struct workload *w, size_t d, struct result *r)
{
	struct pin_set *pins[MAX_PINS];
	struct mmsim_config cfg;
	struct task_struct *t;
	struct machine *m;
	char line[64];
	int err;

	memset(r, 0, sizeof(*r));
	mmsim_config_init(&cfg);
	cfg.ram_bytes = 256UL << 20;
	if (machine_create(&cfg, &m))
		return -1;
	err = task_create(m, &t);
	for (int step = 0; step < 2 && !err; step++) {
		struct seq_buf s;

		if (step)
			snprintf(line, sizeof(line), "profile thp=%s", designs[d].thp);
		else
			snprintf(line, sizeof(line), "design pins=%s", designs[d].design);
		seq_buf_init(&s);
		err = mmsim_ctl(t, line, &s) ? -1 : 0;
		seq_buf_free(&s);
	}
	if (!err)
		err = setup(t, w, pins);
	if (!err)
		measure(m, t, w, r);
	machine_destroy(m);
	return err;
}

int report_pins(int argc, char **argv)
{
	printf("pin accounting designs (lib/model/pincount.c), RAM 256 MiB = 65536 frames\n");
	printf("%-36s %-7s %10s %16s %9s\n", "workload", "design", "bytes",
	       "false positives", "needless");
	for (size_t i = 0; i < sizeof(workloads) / sizeof(workloads[0]); i++) {
		for (size_t d = 0; d < NR_DESIGNS; d++) {
			struct result r;

			if (run_one(&workloads[i], d, &r)) {
				fprintf(stderr, "mmsim report pins: %s/%s failed\n",
					workloads[i].name, designs[d].label);
				return 1;
			}
			printf("%-36s %-7s %10zu %6lu/%-5lu %3.0f%% %9lu\n",
			       d ? "" : workloads[i].name, designs[d].label, r.bytes, r.fp,
			       r.negatives, r.negatives ? 100.0 * r.fp / r.negatives : 0.0,
			       r.needless);
		}
	}
	printf("\nbytes: host bytes of the design's records with the pins held "
	       "(shadow: one struct page per frame, up front);\nfalse positives: "
	       "unpinned pages of the workload that page_maybe_dma_pinned() calls "
	       "pinned;\nneedless: unpinned pages fork copied eagerly because of it.\n"
	       "bias, shadow, pmd: small pages (THP off); large: the same memory in "
	       "THPs where it fits (2 MiB aligned), pins counted exactly per folio in "
	       "_pincount (Linux 6.18, any design).\n");
	return 0;
}
