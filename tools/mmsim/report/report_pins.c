// SPDX-License-Identifier: GPL-2.0
/*
 * report_pins.c - `mmsim report pins`: the pin-accounting designs of
 * seed 003 (bias, shadow, pmd, pte-extra; lib/model/pincount.c) run
 * through the same workloads.  For each: the host bytes the design's
 * records cost while the pins are held, the false-positive rate of
 * page_maybe_dma_pinned() over the workload's unpinned pages, its false
 * negatives over the pinned ones (a pin the design no longer sees), and
 * the pages fork copied although they were not pinned
 * (copy_present_page on a false positive).
 * Only the library's public interface is used: pins via pin_range(),
 * plain GUP references and "maybe pinned" via mmsim_ctl, copies by
 * comparing PFNs in pagemap.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <mmsim/mmsim.h>
#include <mmsim/design.h>

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
	bool unmap_pinner;	/* shared memory: the pinning mapping goes away */
};

static const struct workload workloads[] = {
	{ "1 pin in a 2 MiB range, fork", 512, 512, 1, 0, 0 },
	{ "16 pins spread over 16 MiB, fork", 4096, 256, 16, 0, 0 },
	{ "page mapped by 1025 processes", 2, 0, 1, 0, 1025 },
	{ "1024 vmsplice refs on a page, fork", 2, 0, 1, 1024, 0 },
	{ "pinned via one of 2 shared maps, unmapped", 2, 0, 1, 0, 1, true },
};

#define NR_DESIGNS	4
static const char *const designs[NR_DESIGNS] = { "bias", "shadow", "pmd", "pte-extra" };

struct result {
	size_t bytes;
	unsigned long fp, negatives, fn, positives, needless;
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
		 struct pin_set **pins, struct task_struct **other)
{
	int n = 0;

	if (sys_mmap(t, ARENA, w->pages * PG, PROT_READ | PROT_WRITE,
		     (w->unmap_pinner ? MAP_SHARED : MAP_PRIVATE) |
		     MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, NULL, 0) < 0 ||
	    uaccess_memset(t, ARENA, 1, w->pages * PG))
		return -1;
	for (unsigned long i = 0; i < w->pages; i++)
		if (is_pinned(w, i) && pin_range(t, ARENA + i * PG, PG, false, &pins[n++]))
			return -1;
	for (int i = 0; i < w->gup_refs; i++)
		if (ctl(t, "gup_get R%lu 0x%lx 1p", (unsigned long)i, ARENA, NULL, 0))
			return -1;
	for (int i = 0; i < w->sharers; i++)
		if (sys_fork(t, other))
			return -1;
	return 0;
}

static void measure(struct machine *m, struct task_struct *t,
		    struct task_struct *other, const struct workload *w,
		    struct result *r)
{
	struct task_struct *child, *asker = t;
	char answer[256];

	r->bytes = pincount_bytes(m);
	if (w->unmap_pinner) {	/* the other process still maps the pages */
		unsigned char b;

		asker = other;
		for (unsigned long i = 0; i < w->pages; i++)
			if (uaccess_read(other, ARENA + i * PG, &b, 1))
				return;
		if (sys_munmap(t, ARENA, w->pages * PG))
			return;
	}
	for (unsigned long i = 0; i < w->pages; i++) {
		bool pinned = is_pinned(w, i), says;

		ctl(asker, "counts 0x%lx", ARENA + i * PG, 0, answer, sizeof(answer));
		says = strstr(answer, "maybe-pinned") != NULL;
		r->negatives += !pinned;
		r->fp += !pinned && says;
		r->positives += pinned;
		r->fn += pinned && !says;
	}
	if (w->sharers || sys_fork(t, &child))
		return;
	for (unsigned long i = 0; i < w->pages; i++)
		r->needless += !is_pinned(w, i) &&
			       pfn_at(t, ARENA + i * PG) != pfn_at(child, ARENA + i * PG);
}

static int run_one(const struct workload *w, const char *design, struct result *r)
{
	struct pin_set *pins[MAX_PINS];
	struct mmsim_config cfg;
	struct task_struct *t, *other = NULL;
	struct machine *m;
	char line[64];
	int err;

	memset(r, 0, sizeof(*r));
	mmsim_config_init(&cfg);
	cfg.ram_bytes = 256UL << 20;
	if (machine_create(&cfg, &m))
		return -1;
	err = task_create(m, &t);
	snprintf(line, sizeof(line), "design pins=%s", design);
	if (!err) {
		struct seq_buf s;

		seq_buf_init(&s);
		err = mmsim_ctl(t, line, &s) ? -1 : 0;
		seq_buf_free(&s);
	}
	if (!err)
		err = setup(t, w, pins, &other);
	if (!err)
		measure(m, t, other, w, r);
	machine_destroy(m);
	return err;
}

int report_pins(int argc, char **argv)
{
	struct result sum[NR_DESIGNS];
	int key = mmsim_design_find("pins");
	const struct mmsim_design *d = mmsim_design_at(key);

	memset(sum, 0, sizeof(sum));
	if (!report_quiet) {
		printf("pin accounting designs (lib/model/pincount.c), RAM 256 MiB = 65536 frames\n");
		for (int j = 0; j < NR_DESIGNS; j++)
			printf("  pins=%s: %s\n", designs[j],
			       d->values[mmsim_design_find_value(key, designs[j])].label);
		printf("%-42s %-9s %10s %16s %7s %8s\n", "workload", "design", "bytes",
		       "false positives", "missed", "needless");
	}
	for (size_t i = 0; i < sizeof(workloads) / sizeof(workloads[0]); i++) {
		for (int j = 0; j < NR_DESIGNS; j++) {
			struct result r;

			if (run_one(&workloads[i], designs[j], &r)) {
				fprintf(stderr, "mmsim report pins: %s/%s failed\n",
					workloads[i].name, designs[j]);
				return 1;
			}
			sum[j].bytes = r.bytes > sum[j].bytes ? r.bytes : sum[j].bytes;
			sum[j].fp += r.fp;
			sum[j].negatives += r.negatives;
			sum[j].fn += r.fn;
			sum[j].positives += r.positives;
			sum[j].needless += r.needless;
			if (report_quiet)
				continue;
			printf("%-42s %-9s %10zu %6lu/%-5lu %3.0f%% %3lu/%-3lu %8lu\n",
			       j ? "" : workloads[i].name, designs[j], r.bytes, r.fp,
			       r.negatives, r.negatives ? 100.0 * r.fp / r.negatives : 0.0,
			       r.fn, r.positives, r.needless);
		}
	}
	if (!report_quiet)
		printf("\nbytes: host bytes of the design's records with the pins held "
		       "(shadow: one struct page per frame, up front;\n  pmd, pte-extra: "
		       "4 KiB per page table that held a pin, and a record per pin);\n"
		       "false positives: unpinned pages of the workload that "
		       "page_maybe_dma_pinned() calls pinned;\nmissed: pinned pages it "
		       "calls unpinned (pmd, pte-extra: the pinning mapping is gone);\n"
		       "needless: unpinned pages fork copied eagerly because of a false "
		       "positive.\nLarge folios count pins exactly in _pincount in every "
		       "design, as Linux does.\n");
	for (int j = 0; j < NR_DESIGNS; j++)
		verdict_add("pins", key, mmsim_design_find_value(key, designs[j]),
			    "up to %zu B; false pos %lu/%lu; missed %lu/%lu; needless copies %lu",
			    sum[j].bytes, sum[j].fp, sum[j].negatives, sum[j].fn,
			    sum[j].positives, sum[j].needless);
	return 0;
}
