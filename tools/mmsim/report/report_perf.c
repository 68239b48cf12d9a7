// SPDX-License-Identifier: GPL-2.0
/*
 * report_perf.c - `mmsim report perf`: the perf ring buffer in its three
 * designs (legacy fault + page_mkwrite, today's PFN map, the mixed map
 * through mmap_prepare; see lib/kernel/events/perf.c) run through one user-space
 * workload and printed side by side: what user space saw, faults taken,
 * entries mapped at mmap time, write-notify faults, and whether struct
 * page fields outside the folio API were written.  The pfnmap column is
 * Linux 6.18, which the perf-* scenarios check against the host.
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include <mmsim/mmsim.h>
#include <mmsim/design.h>

#include "report.h"

#define RING	0x100000000000UL
#define PG	4096UL
#define NR_DESIGNS 3
#define NR_ROWS 16

static const char *const designs[NR_DESIGNS] = { "pfnmap", "legacy", "mixedmap" };

struct column {
	char cell[NR_ROWS][32];
};

static const char *const rows[NR_ROWS] = {
	"mmap 1+4 pages rw shared", "read data page", "write user page",
	"write data page", "munmap one page", "mprotect one page",
	"long-term pin", "child reads after fork", "pagemap data page",
	"smaps Rss", "VmFlags pf/io/mm/dc",
	"faults taken", "entries mapped at mmap", "write-notify faults",
	"page->mapping/index writes", "mm_check",
};

static const char *sig_or_ok(int r)
{
	return r ? (signal_name(r) ? signal_name(r) : "signal") : "ok";
}

static const char *err_or_ok(long r)
{
	return r < 0 ? errno_name((int)-r) : "ok";
}

static void smaps_field(struct task_struct *t, const char *field, char *out,
			size_t size)
{
	struct seq_buf s;
	char *p;

	seq_buf_init(&s);
	proc_pid_smaps(t, &s);
	p = s.buf ? strstr(s.buf, field) : NULL;
	snprintf(out, size, "?");
	if (p) {
		p += strlen(field);
		p += strspn(p, " ");
		snprintf(out, size, "%.*s", (int)strcspn(p, "\n"), p);
	}
	seq_buf_free(&s);
}

static void pagemap_words(struct task_struct *t, unsigned long addr, char *out, size_t size)
{
	uint64_t e = 0;

	proc_pid_pagemap(t, addr, &e);
	snprintf(out, size, "%s%s%s", e & PM_PRESENT ? "present " : "",
		 e & PM_FILE ? "file " : "", e & PM_MMAP_EXCLUSIVE ? "excl" : "");
	if (!*out)
		snprintf(out, size, "none");
}

/* Only the VmFlags codes that tell the designs apart. */
static void special_flags(const char *all, char *out, size_t size)
{
	static const char *const codes[] = { "pf", "io", "mm", "dc" };

	out[0] = '\0';
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		char word[4];

		snprintf(word, sizeof(word), "%s ", codes[i]);
		if (strstr(all, word))
			snprintf(out + strlen(out), size - strlen(out), "%s", word);
	}
}

/* The workload after mmap; the ring is mapped at RING. */
static void run_user(struct machine *m, struct task_struct *t, struct column *c)
{
	struct task_struct *child = NULL;
	struct pin_set *ps = NULL;
	unsigned char b = 0x55;
	char flags[128];
	long r;

	r = uaccess_read(t, RING + PG, &b, 1);
	snprintf(c->cell[1], 32, "%s", r ? sig_or_ok((int)r) : b ? "nonzero" : "0x00");
	snprintf(c->cell[2], 32, "%s", sig_or_ok(uaccess_memset(t, RING, 0, 1)));
	snprintf(c->cell[3], 32, "%s", sig_or_ok(uaccess_memset(t, RING + PG, 0, 1)));
	snprintf(c->cell[4], 32, "%s", err_or_ok(sys_munmap(t, RING + 4 * PG, PG)));
	snprintf(c->cell[5], 32, "%s", err_or_ok(sys_mprotect(t, RING + PG, PG, PROT_READ)));
	r = pin_range(t, RING, PG, false, &ps);
	snprintf(c->cell[6], 32, "%s", err_or_ok(r));
	if (!r)
		pin_release(ps);
	if (!sys_fork(t, &child)) {
		snprintf(c->cell[7], 32, "%s", sig_or_ok(uaccess_read(child, RING, &b, 1)));
		sys_exit(child);
	}
	pagemap_words(t, RING + PG, c->cell[8], 32);
	smaps_field(t, "Rss:", c->cell[9], 32);
	smaps_field(t, "VmFlags:", flags, sizeof(flags));
	special_flags(flags, c->cell[10], 32);
}

static void run_design(int d, struct column *c)
{
	struct mmsim_events e0, e1, e2;
	struct mmsim_config cfg;
	struct task_struct *t;
	struct machine *m;
	struct file *f;
	char opts[32];
	long r;

	mmsim_config_init(&cfg);
	cfg.ram_bytes = 64UL << 20;
	if (machine_create(&cfg, &m) || task_create(m, &t))
		return;
	snprintf(opts, sizeof(opts), "design=%s", designs[d]);
	if (device_open(m, "perf", opts, &f))
		return;
	mmsim_events(m, &e0);
	r = sys_mmap(t, RING, 5 * PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, f, 0);
	mmsim_events(m, &e1);
	fput(f);
	snprintf(c->cell[0], 32, "%s", r < 0 ? err_or_ok(r) : "ok");
	run_user(m, t, c);
	mmsim_events(m, &e2);
	snprintf(c->cell[11], 32, "%lu", e2.faults - e0.faults);
	snprintf(c->cell[12], 32, "%lu", e1.entries_inserted - e0.entries_inserted);
	snprintf(c->cell[13], 32, "%lu", e2.mkwrite_calls - e0.mkwrite_calls);
	snprintf(c->cell[14], 32, "%lu", e2.page_field_writes - e0.page_field_writes);
	snprintf(c->cell[15], 32, "%s", mm_check(m) ? "FAILED" : "ok");
	machine_destroy(m);
}

int report_perf(int argc, char **argv)
{
	struct column cols[NR_DESIGNS];
	int key = mmsim_design_find("perf"), differ[NR_DESIGNS] = { 0 };
	bool out = !report_quiet;

	memset(cols, 0, sizeof(cols));
	for (int d = 0; d < NR_DESIGNS; d++)
		run_design(d, &cols[d]);
	if (out) {
		printf("perf ring buffer (1 user page + 4 data pages), one workload per design\n");
		for (int d = 0; d < NR_DESIGNS; d++)
			printf("  perf=%s: %s\n", designs[d],
			       mmsim_design_at(key)->values[mmsim_design_find_value(key, designs[d])].label);
		printf("'*' = user space sees other than pfnmap (Linux 6.18, host-verified)\n\n");
		printf("%-28s", "");
		for (int d = 0; d < NR_DESIGNS; d++)
			printf(" %-28s", designs[d]);
		printf("\n");
	}
	for (int i = 0; i < NR_ROWS; i++) {
		bool user = i <= 10;

		if (out)
			printf("%-28s", rows[i]);
		for (int d = 0; d < NR_DESIGNS; d++) {
			bool diff = user && d && strcmp(cols[d].cell[i], cols[0].cell[i]);

			differ[d] += diff;
			if (out)
				printf(" %s%-27s", diff ? "*" : " ", cols[d].cell[i]);
		}
		if (out)
			printf("\n");
	}
	if (out)
		printf("\n%d user-visible difference%s from the host's design\n",
		       differ[1] + differ[2], differ[1] + differ[2] == 1 ? "" : "s");
	for (int d = 0; d < NR_DESIGNS; d++)
		verdict_add("perf", key, mmsim_design_find_value(key, designs[d]),
			    "%d user-visible diffs; %s faults; %s page->mapping/index writes",
			    differ[d], cols[d].cell[11], cols[d].cell[14]);
	return 0;
}
