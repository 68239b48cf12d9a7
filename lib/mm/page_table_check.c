// SPDX-License-Identifier: GPL-2.0
/*
 * page_table_check.c - what the checker learns where state changes, as
 * the kernel's page_table_check does at its entry choke points.
 *
 * Two things are kept here, both independent of the counters the model
 * itself maintains (mapcount, rss_stat, map_count), so that mm_check.c
 * can compare the two:
 *
 *  - counts: every normal entry set or cleared through set_pte_at() and
 *    friends adjusts the frame's page_ext map_count and its mm's
 *    check_rss; every table linked or unlinked adjusts the table frame's
 *    map_count; every VMA linked or unlinked adjusts check_map_count;
 *    every special PTE to a RAM frame (a driver's memory mapped by
 *    remap_pfn_range() or vmf_insert_pfn()) adjusts that frame's count in
 *    ck->special, a table of the few frames that have any.  A full
 *    mm_check() recounts all of these from the tables and must find them
 *    equal (an entry written around the choke point shows up); the
 *    incremental one finds a special entry to a frame freed since by
 *    the count alone, without the entry.
 *
 *  - the change log: the frames whose state changed (a PFN each, queued
 *    once), and the address ranges of an mm whose entries or VMAs changed,
 *    since the last check.  mm_check_changes() verifies exactly those;
 *    a log that grows past what a full check would cost overflows, and
 *    the next check is full.  Nothing is logged until the first
 *    mm_check_changes() (which is then a full check): a user of the
 *    library that never asks pays only for the counts.
 *
 * An entry is "normal" here as vm_normal_page() sees it on x86, which has
 * pte_special: present (PROT_NONE entries are), not special, not the
 * zero page, with struct page.
 * Frame identity (anon or file) is read when the entry is set or
 * cleared; it never changes while a frame is mapped.
 */
#include "internal.h"

/* Past these the log costs more than a full check: give up logging. */
#define LOG_MAX_RANGES	(1UL << 16)

static struct machine *ck_machine(void)
{
	return current_machine();
}

/*
 * The next check will be full: stop logging until it has run (the hooks'
 * fast paths test ck->logging alone), so that a command that changes
 * most of the state pays for no log nobody reads.
 */
static void log_overflow(struct machine *m)
{
	struct check_log *ck = &m->ck;

	ck->overflow = true;
	ck->logging = false;
}

/* Room for more frames, or false (the log overflowed); out of line. */
static __attribute__((noinline)) bool grow_pfns(struct machine *m)
{
	struct check_log *ck = &m->ck;
	size_t cap = ck->cap_pfns ? 2 * ck->cap_pfns : 256;
	struct check_frame_log *p;

	if (cap > m->ram_pages || !(p = realloc(ck->pfns, cap * sizeof(*p)))) {
		log_overflow(m);
		return false;
	}
	ck->pfns = p;
	ck->cap_pfns = cap;
	return true;
}

/* Queue @page's frame for the next incremental check, once. */
void __page_check_frame(struct machine *m, struct page *page)
{
	struct check_log *ck = &m->ck;
	struct page_check *ext;

	if (!ck->logging || ck->overflow)
		return;
	ext = page_ext_get(m, page);
	if (ext->queued)
		return;
	/* past half the frames in use, mm_check_changes() checks in full */
	if (ck->nr_pfns >= (m->ram_pages - nr_free_pages(m)) / 2) {
		log_overflow(m);
		return;
	}
	if (ck->nr_pfns == ck->cap_pfns && !grow_pfns(m))
		return;
	ext->queued = 1;
	/* hooks queue a frame before they change its identity */
	ck->pfns[ck->nr_pfns++] = (struct check_frame_log){
		page_to_pfn(page), page->mapping, page->index, ext->map_count,
		PageAnonExclusive(page), PageDirty(page) };
}

/* Room for more ranges, or false (the log overflowed); out of line. */
static __attribute__((noinline)) bool grow_ranges(struct machine *m)
{
	struct check_log *ck = &m->ck;
	size_t cap = ck->cap_ranges ? 2 * ck->cap_ranges : 64;
	struct check_range *p;

	if (cap > LOG_MAX_RANGES ||
	    !(p = realloc(ck->ranges, cap * sizeof(*p)))) {
		log_overflow(m);
		return false;
	}
	ck->ranges = p;
	ck->cap_ranges = cap;
	return true;
}

void __vma_check_range(struct machine *m, struct mm_struct *mm,
		       unsigned long start, unsigned long end, bool walk)
{
	struct check_log *ck = &m->ck;
	struct check_range *last;

	if (!ck->logging || ck->overflow || start >= end)
		return;
	/* sequential work (a fault storm, a munmap) extends one range */
	last = ck->nr_ranges ? &ck->ranges[ck->nr_ranges - 1] : NULL;
	/* fork's copy alternates the parent's entries and the child's */
	if (last && last->mm != mm && ck->nr_ranges > 1 && last[-1].mm == mm)
		last--;
	if (last && start >= last->start && end <= last->end &&
	    last->mm == mm && last->walk == walk)
		return;		/* logged already (a COW fault's clear, then set) */
	if (last && last->mm == mm && last->walk == walk &&
	    start <= last->end && end >= last->start) {
		last->start = min(last->start, start);
		last->end = max(last->end, end);
		return;
	}
	if (ck->nr_ranges == ck->cap_ranges && !grow_ranges(m))
		return;
	ck->ranges[ck->nr_ranges++] = (struct check_range){ mm, start, end, walk };
}

/* ---- special PTEs to RAM frames ----------------------------------------- */

static size_t special_slot(const struct check_log *ck, unsigned long key)
{
	return (key * 0x9e3779b97f4a7c15UL >> 20) & ck->special_mask;
}

/* The table twice as big (or its first 64 slots), every count moved over. */
static __attribute__((noinline)) bool special_grow(struct check_log *ck)
{
	size_t cap = ck->special ? 2 * (ck->special_mask + 1) : 64;
	struct special_count *old = ck->special;
	size_t old_cap = old ? ck->special_mask + 1 : 0;

	ck->special = calloc(cap, sizeof(*ck->special));
	if (!ck->special) {
		ck->special = old;
		return false;
	}
	ck->special_mask = cap - 1;
	for (size_t i = 0; i < old_cap; i++) {
		size_t j;

		if (!old[i].key)
			continue;
		for (j = special_slot(ck, old[i].key); ck->special[j].key;
		     j = (j + 1) & ck->special_mask)
			;
		ck->special[j] = old[i];
	}
	free(old);
	return true;
}

/* Empty slot @i, moving back the entries after it that probed past it. */
static void special_delete(struct check_log *ck, size_t i)
{
	size_t j = i;

	for (;;) {
		size_t home;

		j = (j + 1) & ck->special_mask;
		if (!ck->special[j].key)
			break;
		home = special_slot(ck, ck->special[j].key);
		/* stays if its home lies cyclically in (i, j] */
		if (i <= j ? (i < home && home <= j) : (i < home || home <= j))
			continue;
		ck->special[i] = ck->special[j];
		i = j;
	}
	ck->special[i].key = 0;
	ck->nr_special--;
}

/*
 * @delta more special PTEs map RAM frame @pfn: counted in @ck's table,
 * the slot freed when none is left.  Out of host memory, the counts are
 * given up (special_lost): the rule they serve is left to the full
 * check, which counts them afresh.
 */
void special_count_add(struct check_log *ck, unsigned long pfn, long delta)
{
	unsigned long key = pfn + 1;
	size_t i;

	if (ck->special_lost)
		return;
	if (4 * (ck->nr_special + 1) > 3 * (ck->special ? ck->special_mask + 1 : 0) &&
	    !special_grow(ck)) {
		ck->special_lost = true;
		return;
	}
	for (i = special_slot(ck, key); ck->special[i].key != key;
	     i = (i + 1) & ck->special_mask) {
		if (ck->special[i].key)
			continue;
		ck->special[i].key = key;	/* a new frame */
		ck->special[i].n = 0;
		ck->nr_special++;
		break;
	}
	ck->special[i].n += delta;
	if (!ck->special[i].n)
		special_delete(ck, i);
}

/*
 * The full check's recount in @recount against page_table_check's counts:
 * NULL if they agree, else what differs.  Counts the host ran out for
 * are replaced by the recount (or dropped, if that ran out too); the
 * recount's table is taken or freed.
 */
const char *special_count_check(struct machine *m, struct check_log *recount)
{
	static _Thread_local char why[128];
	struct check_log *ck = &m->ck;
	const char *ret = NULL;

	if (ck->special_lost || recount->special_lost) {
		free(ck->special);
		ck->special = recount->special;	/* NULL if lost too */
		ck->special_mask = recount->special_mask;
		ck->nr_special = recount->nr_special;
		ck->special_lost = recount->special_lost;
		return NULL;
	}
	for (size_t i = 0; !ret && recount->special && i <= recount->special_mask; i++) {
		const struct special_count *c = &recount->special[i];
		long n = c->key ? special_count_get(ck, c->key - 1) : 0;

		if (n != c->n) {
			snprintf(why, sizeof(why), "pfn %lx: %ld special entries map it, but %ld were set through set_pte_at()",
				 c->key - 1, c->n, n);
			ret = why;
		}
	}
	if (!ret && ck->nr_special != recount->nr_special) {
		snprintf(why, sizeof(why), "%zu frames have special entries set through set_pte_at(), %zu are mapped by any",
			 ck->nr_special, recount->nr_special);
		ret = why;
	}
	free(recount->special);
	return ret;
}

/* The RAM frame a special PTE maps, as a PFN; 0 for anything else. */
static unsigned long special_frame(struct machine *m, uint64_t e)
{
	unsigned long pfn = (e & PTE_PFN_MASK) >> PAGE_SHIFT;

	if (!(e & (_PAGE_PRESENT | _PAGE_PROTNONE)) || !(e & _PAGE_SPECIAL) ||
	    pfn == m->zero_pfn || pfn - m->ram_start >= m->ram_pages)
		return 0;
	return pfn;
}

/* @nr special PTEs from @e's frame on were set (+1) or cleared (-1). */
static __attribute__((noinline)) void special_ptes(struct machine *m, uint64_t e,
						   unsigned int nr, long delta)
{
	unsigned long pfn = special_frame(m, e);

	for (unsigned int i = 0; pfn && i < nr; i++)
		if (pfn + i - m->ram_start < m->ram_pages)
			special_count_add(&m->ck, pfn + i, delta);
}

/* A PTE went from @old to @new, either of them special. */
static __attribute__((noinline)) void special_leaf(struct machine *m, uint64_t old,
						   uint64_t new)
{
	unsigned long op = special_frame(m, old), np = special_frame(m, new);

	if (op == np)
		return;		/* the same frame (protection, accessed, dirty) */
	if (op)
		special_count_add(&m->ck, op, -1);
	if (np)
		special_count_add(&m->ck, np, 1);
}

long special_count_get(const struct check_log *ck, unsigned long pfn)
{
	if (ck->special_lost)
		return -1;
	if (!ck->special)
		return 0;
	for (size_t i = special_slot(ck, pfn + 1); ck->special[i].key;
	     i = (i + 1) & ck->special_mask)
		if (ck->special[i].key == pfn + 1)
			return ck->special[i].n;
	return 0;
}

/* The frame a leaf entry maps as a normal page, or NULL. */
static struct page *normal_frame(struct machine *m, uint64_t e)
{
	unsigned long pfn = (e & PTE_PFN_MASK) >> PAGE_SHIFT;

	if (!(e & (_PAGE_PRESENT | _PAGE_PROTNONE)) || (e & _PAGE_SPECIAL) ||
	    pfn == m->zero_pfn ||
	    pfn - m->ram_start >= m->ram_pages)
		return NULL;
	return &m->memmap[pfn - m->ram_start];
}

static int rss_class(struct page *page)
{
	struct folio *folio = page_folio(page);

	return folio_test_anon(folio) ? MM_ANONPAGES : mm_counter_file(folio);
}

/* @nr frames from @page gain (+1) or lose (-1) a mapping in @mm. */
static inline void account_frames(struct machine *m, struct mm_struct *mm,
				  struct page *page, unsigned long nr, int delta)
{
	struct page_check *ext = page_ext_get(m, page);

	mm->check_rss[rss_class(page)] += delta * (long)nr;
	/* a PMD maps 512 frames: the plain loop first, the log apart */
	for (unsigned long i = 0; i < nr; i++)
		ext[i].map_count += delta;
	if (m->ck.logging)
		for (unsigned long i = 0; i < nr; i++)
			if (!ext[i].queued)
				__page_check_frame(m, page + i);
}

/* One frame gains (+1) or loses (-1) a PTE mapping in @mm. */
static inline void account_frame(struct machine *m, struct mm_struct *mm,
				 struct page *page, int delta)
{
	struct page_check *ext = page_ext_get(m, page);

	mm->check_rss[rss_class(page)] += delta;
	ext->map_count += delta;
	if (m->ck.logging && !ext->queued)
		__page_check_frame(m, page);
}

static __attribute__((noinline)) void __page_table_check_leaf(struct machine *m,
		struct mm_struct *mm, unsigned long addr, struct page *op,
		struct page *np, unsigned long size)
{
	if (op != np && size == PAGE_SIZE) {
		if (op)
			account_frame(m, mm, op, -1);
		if (np)
			account_frame(m, mm, np, 1);
	} else if (op != np) {
		if (op)
			account_frames(m, mm, op, size >> PAGE_SHIFT, -1);
		if (np)
			account_frames(m, mm, np, size >> PAGE_SHIFT, 1);
	}
	if (m->ck.logging)
		__vma_check_range(m, mm, addr & ~(size - 1),
				  (addr & ~(size - 1)) + size, true);
}

void page_table_check_leaf(struct mm_struct *mm, unsigned long addr,
			   uint64_t old, uint64_t new, unsigned long size)
{
	struct machine *m = ck_machine();
	struct page *op = normal_frame(m, old), *np = normal_frame(m, new);

	if (unlikely((old | new) & _PAGE_SPECIAL) && size == PAGE_SIZE)
		special_leaf(m, old, new);
	/* the same frame still mapped (protection, accessed, dirty): no count
	 * changes, and the range's walk sees the entry */
	if (op == np || size != PAGE_SIZE || m->ck.logging) {
		__page_table_check_leaf(m, mm, addr, op, np, size);
		return;
	}
	/* one frame, nothing to log: the counts alone, loop-free */
	if (op) {
		mm->check_rss[rss_class(op)]--;
		page_ext_get(m, op)->map_count--;
	}
	if (np) {
		mm->check_rss[rss_class(np)]++;
		page_ext_get(m, np)->map_count++;
	}
}

static __attribute__((noinline)) void ptes_set_slow(struct machine *m,
		struct mm_struct *mm, unsigned long addr, struct page *np,
		unsigned int nr)
{
	/* one folio: the first frame's kind is every frame's */
	if (np && nr == 1)
		account_frame(m, mm, np, 1);
	else if (np)
		account_frames(m, mm, np, nr, 1);
	if (m->ck.logging)
		__vma_check_range(m, mm, addr, addr + nr * PAGE_SIZE, true);
}

void __page_table_check_ptes_set(struct mm_struct *mm, unsigned long addr,
				 pte_t pte, unsigned int nr)
{
	struct machine *m = ck_machine();
	struct page *np = normal_frame(m, pte_val(pte));

	if (unlikely(!np && (pte_val(pte) & _PAGE_SPECIAL)))
		special_ptes(m, pte_val(pte), nr, 1);
	if (nr != 1 || m->ck.logging) {
		ptes_set_slow(m, mm, addr, np, nr);
		return;
	}
	/* one frame, nothing to log: the counts alone, loop-free */
	if (np) {
		mm->check_rss[rss_class(np)]++;
		page_ext_get(m, np)->map_count++;
	}
}

void page_table_check_ptes_clear(struct mm_struct *mm, unsigned long addr,
				 pte_t pte, unsigned int nr)
{
	struct machine *m = ck_machine();
	struct page *op = normal_frame(m, pte_val(pte));

	if (op)
		account_frames(m, mm, op, nr, -1);
	else if (pte_val(pte) & _PAGE_SPECIAL)
		special_ptes(m, pte_val(pte), nr, -1);
	if (m->ck.logging)
		__vma_check_range(m, mm, addr, addr + nr * PAGE_SIZE, true);
}

void page_table_check_link(struct mm_struct *mm, uint64_t old, uint64_t new)
{
	struct machine *m = ck_machine();

	if (old) {
		struct page *t = pfn_to_page((old & PTE_PFN_MASK) >> PAGE_SHIFT);

		page_ext_get(m, t)->map_count--;
		__page_check_frame(m, t);
	}
	if (new) {
		struct page *t = pfn_to_page((new & PTE_PFN_MASK) >> PAGE_SHIFT);

		page_ext_get(m, t)->map_count++;
		__page_check_frame(m, t);
	}
}

void page_table_check_vma_link(struct vm_area_struct *vma, int delta)
{
	vma->vm_mm->check_map_count += delta;
	__vma_check_range(ck_machine(), vma->vm_mm, vma->vm_start, vma->vm_end,
			  false);
}

void mapping_check_range(struct address_space *mapping, pgoff_t first,
			 pgoff_t nr)
{
	struct vm_area_struct *vma;

	if (!mapping || !nr)
		return;
	vma_interval_tree_foreach(vma, &mapping->i_mmap, first, first + nr - 1) {
		pgoff_t s = max(first, vma_start_pgoff(vma));
		pgoff_t e = min(first + nr - 1, vma_last_pgoff(vma));

		vma_check_range(vma->vm_mm,
				vma->vm_start + ((s - vma->vm_pgoff) << PAGE_SHIFT),
				vma->vm_start + ((e - vma->vm_pgoff + 1) << PAGE_SHIFT),
				true);
	}
}

void page_table_check_mm_gone(struct mm_struct *mm)
{
	struct check_log *ck = &ck_machine()->ck;
	size_t j = 0;

	for (size_t i = 0; i < ck->nr_ranges; i++)
		if (ck->ranges[i].mm != mm)
			ck->ranges[j++] = ck->ranges[i];
	ck->nr_ranges = j;
}

void page_table_check_log_reset(struct machine *m)
{
	struct check_log *ck = &m->ck;

	for (size_t i = 0; i < ck->nr_pfns; i++)
		if (pfn_valid(ck->pfns[i].pfn))
			page_ext_get(m, pfn_to_page(ck->pfns[i].pfn))->queued = 0;
	ck->nr_pfns = 0;
	ck->nr_ranges = 0;
	if (ck->overflow)
		ck->logging = true;	/* as before the overflow */
	ck->overflow = false;
	ck->global = 0;
}

void page_table_check_start_logging(struct machine *m)
{
	m->ck.logging = true;
}

void page_table_check_exit(struct machine *m)
{
	free(m->ck.pfns);
	free(m->ck.ranges);
	free(m->ck.held);
	free(m->ck.special);
	memset(&m->ck, 0, sizeof(m->ck));
	m->ck.special_lost = true;	/* the teardown's zaps count nothing */
}
