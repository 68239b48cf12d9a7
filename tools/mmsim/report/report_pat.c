// SPDX-License-Identifier: GPL-2.0
/*
 * report_pat.c - `mmsim report pat`: seed 004's designs of PAT tracking
 * for remap_pfn_range() (lib/mm/pfnmap_track.c): VM_PAT with
 * track_pfn_copy()/untrack_pfn() (Linux 3.7-6.15), the kref'd
 * pfnmap_track_ctx off the VMA (6.16-), and the global table keyed by
 * VMA that was proposed instead.  Each workload is a scenario on /dev/mem
 * run once per design; the checker's complaints are what the kernel
 * only printed ("freeing invalid memtype") and reservations nobody
 * holds.  Then what each design costs: sizeof(struct vm_area_struct) and
 * its slab class, bytes per tracked range, and what finding a VMA's
 * tracking takes.
 */
#include <stdio.h>
#include <string.h>

#include <mmsim/design.h>

#include "report.h"

#define NR_DESIGNS	3
#define MAINLINE	1	/* vma-ctx: values[] order is vm_pat, vma-ctx, global */

static const struct workload {
	const char *title;
	const char *script;
} workloads[] = {
	{ "split by munmap: middle, then head, then tail; then the frames as WC",
	  "open m mem cache=uc\n"
	  "mmap s 4p rw- shared file=m\n"
	  "munmap s+1p 2p\n"
	  "munmap s 1p\n"
	  "munmap s+3p 1p\n"
	  "memtype_list\n"
	  "open w mem cache=wc\n"
	  "mmap t 4p rw- shared file=w\n" },
	{ "shrink by munmap of the tail, then unmap the rest",
	  "open m mem cache=uc\n"
	  "mmap s 4p rw- shared file=m\n"
	  "munmap s+2p 2p\n"
	  "memtype_list\n"
	  "munmap s 2p\n"
	  "memtype_list\n" },
	{ "mremap: shrink in place, then move, then unmap",
	  "open m mem cache=uc\n"
	  "mmap s 4p rw- shared file=m\n"
	  "mremap s 4p 2p\n"
	  "memtype_list\n"
	  "mremap s 2p 2p maymove to=0x100800000000 as=t\n"
	  "smaps t VmFlags\n"
	  "munmap t 2p\n"
	  "memtype_list\n" },
	{ "fork: child and parent unmap in turn",
	  "open m mem cache=uc\n"
	  "mmap s 2p rw- shared file=m\n"
	  "fork c\n"
	  "memtype_list\n"
	  "@c exit\n"
	  "memtype_list\n"
	  "munmap s 2p\n"
	  "memtype_list\n" },
	{ "fork after a write copied the first page of a MAP_PRIVATE map",
	  "open m mem\n"
	  "mmap p 2p rw- private file=m\n"
	  "write p 0x11\n"
	  "fork c\n"
	  "read p\n" },
};

#define NR_WORKLOADS	(sizeof(workloads) / sizeof(workloads[0]))
#define FORK_COW	(&workloads[NR_WORKLOADS - 1])

struct outcome {
	int complaints;		/* commands after which mm_check complained */
	int differences;	/* user-visible results unlike vma-ctx's */
	char fork_cow[16];	/* the result of the last workload's fork */
	unsigned long vma, obj, per_slab;	/* vm_area_struct in the kernel */
};

static int pat_key(void)
{
	return mmsim_design_find("pat");
}

static const char *value_name(int d)
{
	return mmsim_design_at(pat_key())->values[d].name;
}

/* "[mem 0x00001000-0x00003000] uc" as "[00001000-00003000] uc": cells are narrow. */
static void compact(struct run *r)
{
	for (int i = 0; i < r->n; i++) {
		char *s = r->v[i].result, *p;

		while ((p = strstr(s, "[mem 0x")))
			memmove(p + 1, p + 7, strlen(p + 7) + 1);
		while ((p = strstr(s, "-0x")))
			memmove(p + 1, p + 3, strlen(p + 3) + 1);
	}
}

static int run_workload(const struct workload *w, struct outcome *o)
{
	struct run runs[NR_DESIGNS];
	int differ[NR_DESIGNS] = { 0 };
	char words[64];

	memset(runs, 0, sizeof(runs));
	for (int d = 0; d < NR_DESIGNS; d++) {
		snprintf(words, sizeof(words), "mixed pat=%s", value_name(d));
		snprintf(runs[d].title, sizeof(runs[d].title), "%s", value_name(d));
		if (run_script("report pat", w->script, words, &runs[d]) == 2)
			return -1;
		compact(&runs[d]);
		o[d].complaints += runs[d].check_failures;
		for (int i = 0; w == FORK_COW && i < runs[d].n; i++)
			if (!strcmp(runs[d].v[i].cmd, "fork c"))
				snprintf(o[d].fork_cow, sizeof(o[d].fork_cow), "%.15s",
					 runs[d].v[i].result);
	}
	report_runs(w->title, runs, NR_DESIGNS, MAINLINE, differ);
	for (int d = 0; d < NR_DESIGNS; d++) {
		o[d].differences += differ[d];
		run_free(&runs[d]);
	}
	return 0;
}

/* The kernel sizes pat_report prints for each design. */
static void costs(struct outcome *o)
{
	struct run r;
	const char *text;
	char key[32];

	memset(&r, 0, sizeof(r));
	run_script("report pat", "pat_report\n", NULL, &r);
	text = r.n ? r.v[0].result : "";
	for (int d = 0; d < NR_DESIGNS; d++) {
		const char *p;

		snprintf(key, sizeof(key), "pat=%s ", value_name(d));
		p = strstr(text, key);
		p = p ? strstr(p, "kernel ") : NULL;
		if (p)
			sscanf(p, "kernel %lu -> %lu (%lu/slab)", &o[d].vma, &o[d].obj,
			       &o[d].per_slab);
	}
	if (!report_quiet) {
		printf("\nwhat each design costs (kernel sizes from pahole in seed 004; "
		       "the VMA cache's objects are 64-byte multiples)\n%s", text);
		printf("finding a VMA's tracking: vm_pat walks to the VMA's first entry "
		       "(get_pat_info) at every\n  fork and unmap; vma-ctx loads "
		       "vma->pfnmap_track_ctx; global searches a table keyed by the\n"
		       "  VMA at every vm_area_dup()/vm_area_free() of any VMA (an "
		       "xarray in the kernel: O(log n))\n");
	}
	run_free(&r);
}

int report_pat(int argc, char **argv)
{
	const int values[NR_DESIGNS] = { 0, 1, 2 };
	struct outcome o[NR_DESIGNS];

	memset(o, 0, sizeof(o));
	if (!report_quiet) {
		printf("PAT tracking of remap_pfn_range() on /dev/mem (seed 004), one run "
		       "per design:\n");
		report_labels(pat_key(), values, NR_DESIGNS);
		printf("'*': user space sees other than vma-ctx (Linux 6.18); "
		       "'!': mm_check complained after the command\n");
	}
	for (size_t i = 0; i < NR_WORKLOADS; i++)
		if (run_workload(&workloads[i], o))
			return 1;
	costs(o);
	if (!report_quiet)
		printf("\nverdicts\n");
	for (int d = 0; d < NR_DESIGNS; d++) {
		if (!report_quiet)
			printf("  %-8s %d checker complaints (leaks, invalid frees); %d "
			       "results unlike vma-ctx;\n           fork after a COW write: "
			       "%s; vm_area_struct %lu B, %lu-byte objects, %lu per slab\n",
			       value_name(d), o[d].complaints, o[d].differences,
			       o[d].fork_cow, o[d].vma, o[d].obj, o[d].per_slab);
		verdict_add("pat", pat_key(), d, "%d leak/bad-free reports; fork after COW: %s; vma %lu B/%lu",
			    o[d].complaints, o[d].fork_cow, o[d].vma, o[d].obj);
	}
	return 0;
}
