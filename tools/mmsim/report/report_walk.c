// SPDX-License-Identifier: GPL-2.0
/*
 * report_walk.c - `mmsim report walk`: seed 002's designs of
 * folio_walk_start() (pre-6.18 and 6.18: trust the special bit, the
 * latter through one __vm_normal_page(); early-reject: refuse
 * VM_PFNMAP|VM_IO up front) on one MAP_PRIVATE /dev/mem mapping whose
 * writes made anonymous COW folios, side by side with what the other
 * walkers (smaps, pagemap: walk_page_range) and GUP report.
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include <mmsim/mmsim.h>
#include <mmsim/design.h>

#include "report.h"

#define MAP	0x100000000000UL
#define PG	4096UL
#define NR_PAGES 4

#define NR_DESIGNS	3
static const char *const designs[NR_DESIGNS] = { "pre-6.18", "6.18", "early-reject" };

static void ctl(struct task_struct *t, const char *line, char *out, size_t size)
{
	struct seq_buf s;

	seq_buf_init(&s);
	snprintf(out, size, "%s", mmsim_ctl(t, line, &s) ? "error" : s.buf ? s.buf : "");
	seq_buf_free(&s);
}

static void smaps_kb(struct task_struct *t, const char *field, char *out, size_t size)
{
	struct seq_buf s;
	char *p;

	seq_buf_init(&s);
	proc_pid_smaps(t, &s);
	p = s.buf ? strstr(s.buf, field) : NULL;
	snprintf(out, size, "%s", p ? p + strlen(field) + strspn(p + strlen(field), " ") : "?");
	out[strcspn(out, "\n")] = '\0';
	seq_buf_free(&s);
}

/* One page under the current design; true if the walk found a folio. */
static bool report_page(struct task_struct *t, unsigned long i)
{
	char line[64], fw[32], st[32];

	snprintf(line, sizeof(line), "folio_walk %#lx", MAP + i * PG);
	ctl(t, line, fw, sizeof(fw));
	snprintf(line, sizeof(line), "page_status %#lx", MAP + i * PG);
	ctl(t, line, st, sizeof(st));
	if (!report_quiet)
		printf("  %-12s %-14s", fw, st);
	return !strncmp(fw, "anon", 4);
}

int report_walk(int argc, char **argv)
{
	struct mmsim_config cfg;
	struct task_struct *t;
	struct pin_set *ps;
	struct machine *m;
	struct file *f;
	char out[64];
	int key = mmsim_design_find("walk"), found[NR_DESIGNS] = { 0 };

	mmsim_config_init(&cfg);
	cfg.ram_bytes = 64UL << 20;
	if (machine_create(&cfg, &m) || task_create(m, &t) || device_open(m, "mem", "", &f))
		return 1;
	if (sys_mmap(t, MAP, NR_PAGES * PG, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_FIXED, f, 0) != (long)MAP)
		return 1;
	fput(f);
	uaccess_memset(t, MAP + 1 * PG, 0x11, 1);	/* COW: anon folios */
	uaccess_memset(t, MAP + 3 * PG, 0x33, 1);
	if (!report_quiet) {
		printf("MAP_PRIVATE /dev/mem, %d pages; pages 1 and 3 written (anon COW folios)\n", NR_PAGES);
		for (int d = 0; d < NR_DESIGNS; d++)
			printf("  walk=%s: %s\n", designs[d],
			       mmsim_design_at(key)->values[mmsim_design_find_value(key, designs[d])].label);
		printf("\n%-8s", "page");
		for (int d = 0; d < NR_DESIGNS; d++)
			printf("  %-27s", designs[d]);
		printf("\n%-8s", "");
		for (int d = 0; d < NR_DESIGNS; d++)
			printf("  %-12s %-14s", "folio_walk", "move_pages");
		printf("\n");
	}
	for (unsigned long i = 0; i < NR_PAGES; i++) {
		if (!report_quiet)
			printf("%-8lu", i);
		for (int d = 0; d < NR_DESIGNS; d++) {
			snprintf(out, sizeof(out), "design mixed walk=%s", designs[d]);
			ctl(t, out, out, sizeof(out));
			if (strcmp(out, "ok")) {
				fprintf(stderr, "mmsim report walk: design walk=%s: %s\n",
					designs[d], out);
				machine_destroy(m);
				return 1;
			}
			found[d] += report_page(t, i);
		}
		if (!report_quiet)
			printf("\n");
	}
	for (int d = 0; d < NR_DESIGNS; d++)
		verdict_add("walk", key, mmsim_design_find_value(key, designs[d]),
			    "folio_walk_start finds %d/2 anon COW folios%s", found[d],
			    d == 1 ? "; bad maps reported at all levels" :
			    d == 0 ? "; bad maps reported at PTEs only" : "");
	if (report_quiet) {
		machine_destroy(m);
		return 0;
	}
	printf("\nsame in every design (walk_page_range skips VM_PFNMAP; GUP refuses it):\n");
	smaps_kb(t, "Rss:", out, sizeof(out));
	printf("  smaps Rss       %s\n", out);
	smaps_kb(t, "Anonymous:", out, sizeof(out));
	printf("  smaps Anonymous %s   (the anon folios hold 8 kB)\n", out);
	ctl(t, "normal_page 0x100000001000", out, sizeof(out));
	printf("  vm_normal_page(page 1) %s\n", out);
	printf("  pin page 1      %s\n", pin_range(t, MAP + PG, PG, false, &ps) ? "EFAULT" : "ok");
	printf("  mm_check        %s\n", mm_check(m) ? mm_check_report(m) : "ok");
	machine_destroy(m);
	return 0;
}
