// SPDX-License-Identifier: GPL-2.0
/*
 * machine.c - one modelled machine: its physical memory (RAM with a
 * memmap, then an I/O region without struct page), its configuration
 * profile, its processes, and what the model spends on it.
 *
 * PFN layout:
 *
 *   0 .. 0x3ff         not present (as low memory is reserved on x86)
 *   0x400 ..           RAM, cfg.ram_bytes, struct page each
 *   next 1 GiB boundary  I/O region, cfg.io_bytes, pfn_valid() false
 *
 * RAM starts on a MAX_PAGE_ORDER boundary (4 MiB), so that a buddy block
 * aligned in RAM is aligned in PFNs too: an order-9 folio can be mapped
 * by a PMD (2 MiB aligned), and the allocator's and checker's pageblocks
 * are the kernel's.  The I/O region starts 1 GiB-aligned so huge PFN maps
 * of it can use PUD and PMD leaves.
 */
#include <sys/mman.h>

#include "internal.h"

#define RAM_START_PFN	0x400UL

/*
 * A per-frame array that costs host memory only where it is touched, as
 * SPARSEMEM_VMEMMAP's memmap does: a reserved, lazily backed mapping.
 * @huge: advised MADV_HUGEPAGE, for the memmap (64 bytes a frame, 2 MiB
 * for every 32,768 frames in use).  The 4-byte-a-frame arrays are not:
 * a host huge page there is 2 MiB zeroed for 512 Ki frames, where a
 * machine using 65,536 frames touches 256 KiB and an empty one 4 KiB.
 *
 * Frames are used from the top of RAM down (page_alloc.c's frontier), so
 * a huge memmap is placed to end MEMMAP_SMALL_TOP past a 2 MiB boundary:
 * its top 64 KiB (the first 1,024 frames a machine uses, one
 * MAX_PAGE_ORDER block) cannot be a host huge page.  A machine that uses
 * a few frames then costs the host a few 4 KiB faults rather than a 2 MiB
 * page to zero (~40 us of a ~1 ms empty run); one that uses more gets
 * huge pages below, as before.
 */
#define MEMMAP_HUGE_ALIGN	(2UL << 20)
#define MEMMAP_SMALL_TOP	(64UL << 10)

static void *memmap_reserve(size_t bytes, bool huge)
{
	size_t len = ALIGN(bytes, (size_t)sysconf(_SC_PAGESIZE));
	size_t slack = huge ? MEMMAP_HUGE_ALIGN : 0;
	char *raw = mmap(NULL, len + slack, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	char *p, *end;

	if (raw == MAP_FAILED)
		return NULL;
	if (!huge)
		return raw;
	/* the lowest end at or above raw + len that is 64 KiB past 2 MiB */
	end = (char *)ALIGN((uintptr_t)raw + len - MEMMAP_SMALL_TOP,
			    MEMMAP_HUGE_ALIGN) + MEMMAP_SMALL_TOP;
	p = end - len;
	if (p > raw)
		munmap(raw, p - raw);
	if (raw + len + slack > end)
		munmap(end, raw + len + slack - end);
	madvise(p, len, MADV_HUGEPAGE);
	return p;
}

static void memmap_release(void *p, size_t bytes)
{
	if (p)
		munmap(p, bytes);
}

/*
 * The memmap, page_ext and checker scratch of the last machines destroyed,
 * kept for the next machine of the same size and zeroed where they were
 * used when that machine takes them: a test or a fuzzer creating one
 * small machine after another (of a few sizes: a scenario's `machine
 * ram=` makes another) then neither maps nor faults anew, and a process
 * that creates no other machine (a scenario run) does not zero them only
 * to exit.  Only small used parts are kept.
 */
#define MEMMAP_KEEP_BYTES	(4UL << 20)
#define MEMMAP_KEEP_SIZES	4

struct memmap_kept {
	struct page *memmap;	/* NULL: an empty slot */
	struct page_check *ext;
	uint32_t *seen;
	unsigned long ram_pages;
	unsigned long frontier;	/* the lowest frame used: all above is dirty */
};

static _Thread_local struct memmap_kept memmap_cache[MEMMAP_KEEP_SIZES];
static _Thread_local int memmap_cache_oldest;	/* the slot to give up next */

static void memmap_kept_release(struct memmap_kept *k)
{
	memmap_release(k->memmap, k->ram_pages * sizeof(struct page));
	memmap_release(k->ext, k->ram_pages * sizeof(struct page_check));
	memmap_release(k->seen, k->ram_pages * sizeof(*k->seen));
	k->memmap = NULL;
}

/* An empty slot, or else one emptied (each in turn). */
static struct memmap_kept *memmap_cache_slot(void)
{
	struct memmap_kept *k;

	for (int i = 0; i < MEMMAP_KEEP_SIZES; i++)
		if (!memmap_cache[i].memmap)
			return &memmap_cache[i];
	k = &memmap_cache[memmap_cache_oldest];
	memmap_cache_oldest = (memmap_cache_oldest + 1) % MEMMAP_KEEP_SIZES;
	memmap_kept_release(k);
	return k;
}

static bool memmap_cache_put(struct machine *m)
{
	size_t used = m->ram_pages - m->ram_frontier;
	struct memmap_kept *k;

	if (used * sizeof(struct page) > MEMMAP_KEEP_BYTES)
		return false;
	k = memmap_cache_slot();
	k->memmap = m->memmap;
	k->ext = m->page_ext;
	k->seen = m->check_seen;
	k->ram_pages = m->ram_pages;
	k->frontier = m->ram_frontier;
	return true;
}

static bool memmap_cache_get(struct machine *m)
{
	for (int i = 0; i < MEMMAP_KEEP_SIZES; i++) {
		struct memmap_kept *k = &memmap_cache[i];

		size_t used = k->ram_pages - k->frontier;

		if (!k->memmap || k->ram_pages != m->ram_pages)
			continue;
		memset(k->memmap + k->frontier, 0, used * sizeof(struct page));
		memset(k->ext + k->frontier, 0, used * sizeof(struct page_check));
		memset(k->seen + k->frontier, 0, used * sizeof(*k->seen));
		m->memmap = k->memmap;
		m->page_ext = k->ext;
		m->check_seen = k->seen;
		k->memmap = NULL;
		return true;
	}
	return false;
}

static size_t memmap_bytes(const struct machine *m)
{
	return m->ram_pages * sizeof(struct page);
}

static size_t page_ext_bytes(const struct machine *m)
{
	return m->ram_pages * sizeof(struct page_check);
}

static size_t check_seen_bytes(const struct machine *m)
{
	return m->ram_pages * sizeof(*m->check_seen);
}

/*
 * Before a full check: back the scratch counts of the RAM used since the
 * last one with host memory in one call (MADV_POPULATE_WRITE, Linux 5.14),
 * rather than by the check's first read of each host page (the zero page)
 * and then its first write (a copy).  They stay backed: a check leaves
 * every count it made zero again (the frame pass zeroes each frame it
 * reads), so the next check finds them ready, and a machine pays for
 * them once - 4 bytes a frame used, beside the memmap's 64 - not twice a
 * check (populating, then MADV_DONTNEED).  Best effort: where the host
 * cannot populate, the faults do it.
 */
void machine_check_scratch_prepare(struct machine *m)
{
	size_t ps = (size_t)sysconf(_SC_PAGESIZE);
	uintptr_t a = ALIGN_DOWN((uintptr_t)(m->check_seen + m->ram_frontier), ps);
	uintptr_t b = ALIGN_DOWN((uintptr_t)(m->check_seen + m->check_backed), ps);

	if (m->ram_frontier >= m->check_backed)
		return;
	if (m->check_backed == m->ram_pages)	/* the first: to the end */
		b = ALIGN((uintptr_t)(m->check_seen + m->ram_pages), ps);
	if (b > a)
		madvise((void *)a, b - a, MADV_POPULATE_WRITE);
	m->check_backed = m->ram_frontier;
}

/*
 * After a full check: a failed one may have left counts anywhere in the
 * RAM used (it stops where it failed); they are zeroed, as a check that
 * passes leaves them.
 */
void machine_check_scratch_release(struct machine *m, bool failed)
{
	if (failed)
		memset(m->check_seen + m->ram_frontier, 0,
		       (m->ram_pages - m->ram_frontier) * sizeof(*m->check_seen));
}

static void machine_free_memmap(struct machine *m)
{
	if (!m->memmap || !m->page_ext || !m->check_seen || !memmap_cache_put(m)) {
		memmap_release(m->memmap, memmap_bytes(m));
		memmap_release(m->page_ext, page_ext_bytes(m));
		memmap_release(m->check_seen, check_seen_bytes(m));
	}
	m->memmap = NULL;
	m->page_ext = NULL;
	m->check_seen = NULL;
}

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
	m->ram_frontier = m->ram_pages;
	m->check_backed = m->ram_pages;
	if (memmap_cache_get(m))
		goto io;
	m->memmap = memmap_reserve(memmap_bytes(m), true);
	m->page_ext = memmap_reserve(page_ext_bytes(m), false);
	m->check_seen = memmap_reserve(check_seen_bytes(m), false);
	if (!m->memmap || !m->page_ext || !m->check_seen) {
		machine_free_memmap(m);
		return -ENOMEM;
	}
io:
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
		free(m->pb_used);
		machine_free_memmap(m);
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
	page_table_check_exit(m);	/* nothing more to log */
	list_for_each_entry_safe(ps, pn, &m->pin_sets, list)
		pin_release(ps);
	list_for_each_entry_safe(t, n, &m->tasks, tasks)
		sys_exit(t);
	huge_zero_folio_exit(m);
	pincount_exit(m);
	memtype_exit(m);
	page_alloc_exit(m);
	pt_store_exit(m);
	driver_state_exit(m);
	frame_data_exit(m);
	vm_area_cache_exit(m);
	anon_vma_cache_exit(m);
	machine_free_memmap(m);
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

/* Host bytes of page tables and frame contents: pageblocks in use only. */
static size_t pgtable_host_bytes(struct machine *m, unsigned long *content)
{
	size_t pt = 0, data = 0;
	unsigned long pb, i, end;

	for_each_pageblock_init(m, pb) {
		if (!m->pb_used[pb])
			continue;
		pageblock_span(m, pb, &i, &end);
		for (; i < end; i++) {
			struct page *p = &m->memmap[i];

			if (!p->_refcount)
				continue;
			if (PageTable(p))
				pt += PTRS_PER_PTE * sizeof(uint64_t);
			else
				data += frame_bytes(p);
		}
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
	mi->memmap_bytes = mi->frames_used *
			   (sizeof(struct page) + sizeof(struct page_check));
	mi->pgtable_bytes = pgtable_host_bytes(m, &content);
	mi->content_bytes = content;
	/* an estimate: objects are VMAs and their kin, ~200 bytes each */
	mi->object_bytes = (size_t)m->live_objects * 200;
}

int task_pid(struct task_struct *t)
{
	return t->pid;
}
