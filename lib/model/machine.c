// SPDX-License-Identifier: GPL-2.0
/*
 * machine.c - one modelled machine: its physical memory (RAM with a
 * memmap, then an I/O region without struct page), its configuration
 * profile, its processes, and what the model spends on it.
 *
 * PFN layout:
 *
 *   0 .. 0xff          not present (as low memory is reserved on x86)
 *   0x100 ..           RAM, cfg.ram_bytes, struct page each
 *   next 1 GiB boundary  I/O region, cfg.io_bytes, pfn_valid() false
 *
 * The I/O region starts 1 GiB-aligned so huge PFN maps of it can use PUD
 * and PMD leaves.
 */
#include "internal.h"

#define RAM_START_PFN	0x100UL

void mmsim_config_init(struct mmsim_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->ram_bytes = 4UL << 30;
	cfg->io_bytes = 64UL << 20;
	mmsim_profile_defaults(&cfg->profile);
}

static int machine_alloc_memmap(struct machine *m)
{
	m->ram_start = RAM_START_PFN;
	m->ram_pages = m->cfg.ram_bytes >> PAGE_SHIFT;
	/* calloc of this size maps zero pages: untouched entries cost nothing */
	m->memmap = calloc(m->ram_pages, sizeof(struct page));
	if (!m->memmap)
		return -ENOMEM;
	m->io_pages = m->cfg.io_bytes >> PAGE_SHIFT;
	m->io_start = ALIGN_DOWN(m->ram_start + m->ram_pages + (PUD_SIZE >> PAGE_SHIFT) - 1,
				 PUD_SIZE >> PAGE_SHIFT);
	return 0;
}

int machine_create(const struct mmsim_config *cfg, struct machine **out)
{
	struct machine *m;
	int err;

	if (!cfg || cfg->ram_bytes < (16UL << 20) || !PAGE_ALIGNED(cfg->ram_bytes) ||
	    !PAGE_ALIGNED(cfg->io_bytes) || (cfg->ram_bytes >> PAGE_SHIFT) >= (1UL << 31))
		return -EINVAL;
	m = calloc(1, sizeof(*m));
	if (!m)
		return -ENOMEM;
	machine_enter(m);
	m->cfg = *cfg;
	m->profile = cfg->profile;
	INIT_LIST_HEAD(&m->tasks);
	INIT_LIST_HEAD(&m->pin_sets);
	INIT_LIST_HEAD(&m->inodes);
	INIT_LIST_HEAD(&m->thp.deferred_split);
	memtype_init(m);
	pincount_init(m);
	vmalloc_init(m);
	design_init(m);
	m->next_pid = 1;
	err = machine_alloc_memmap(m);
	if (!err)
		err = page_alloc_init(m);
	if (err) {
		free(m->memmap);
		free(m);
		machine_enter(NULL);
		return err;
	}
	*out = m;
	return 0;
}

_Thread_local struct machine *__current_machine;

void machine_destroy(struct machine *m)
{
	machine_enter(m);
	struct task_struct *t, *n;
	struct pin_set *ps, *pn;

	if (!m)
		return;
	list_for_each_entry_safe(ps, pn, &m->pin_sets, list)
		pin_release(ps);
	list_for_each_entry_safe(t, n, &m->tasks, tasks)
		sys_exit(t);
	huge_zero_folio_exit(m);
	pincount_exit(m);
	memtype_exit(m);
	page_alloc_exit(m);
	driver_state_exit(m);
	free(m->memmap);
	free(m);
	machine_enter(NULL);
}

void machine_set_profile(struct machine *m, const struct mmsim_profile *p)
{
	m->profile = *p;
}

void machine_get_profile(struct machine *m, struct mmsim_profile *p)
{
	*p = m->profile;
}

void machine_ram_range(struct machine *m, unsigned long *start_pfn,
		       unsigned long *nr_pages)
{
	*start_pfn = m->ram_start;
	*nr_pages = m->ram_pages;
}

void mmsim_io_region(unsigned long *start_pfn, unsigned long *nr_pages)
{
	machine_io_range(current_machine(), start_pfn, nr_pages);
}

void machine_io_range(struct machine *m, unsigned long *start_pfn,
		      unsigned long *nr_pages)
{
	*start_pfn = m->io_start;
	*nr_pages = m->io_pages;
}

static size_t pgtable_host_bytes(struct machine *m, unsigned long *content)
{
	size_t pt = 0, data = 0;

	for (unsigned long i = 0; i < m->ram_pages; i++) {
		struct page *p = &m->memmap[i];

		if (!p->_refcount)
			continue;
		if (PageTable(p))
			pt += PTRS_PER_PTE * sizeof(uint64_t);
		else
			data += frame_bytes(p);
	}
	*content = data;
	return pt;
}

void machine_meminfo(struct machine *m, struct mmsim_meminfo *mi)
{
	machine_enter(m);
	unsigned long content;

	memset(mi, 0, sizeof(*mi));
	mi->frames_used = m->ram_pages - nr_free_pages(m);
	mi->memmap_bytes = mi->frames_used * sizeof(struct page);
	mi->pgtable_bytes = pgtable_host_bytes(m, &content);
	mi->content_bytes = content;
	/* an estimate: objects are VMAs and their kin, ~200 bytes each */
	mi->object_bytes = (size_t)m->live_objects * 200;
}

int task_pid(struct task_struct *t)
{
	return t->pid;
}
