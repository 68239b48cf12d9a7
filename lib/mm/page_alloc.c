// SPDX-License-Identifier: GPL-2.0
/*
 * page_alloc.c - the buddy allocator over the memmap, and the life of a
 * page: allocated with refcount 1, freed when the last reference goes.
 *
 * Free blocks of order 0..MAX_PAGE_ORDER sit on one list per order,
 * linked through page->buddy by RAM index + 1 (0 ends a list).  Only the
 * first page of a free block is marked PG_buddy and carries the order
 * (in page->private, as set_buddy_order() keeps it).
 *
 * Untouched RAM costs nothing, as with the kernel's deferred struct page
 * init: the memmap is a reserved, lazily backed mapping (machine.c), and
 * RAM is handed to the buddy allocator one MAX_PAGE_ORDER block at a time
 * from a frontier (m->ram_frontier) that descends from the top of RAM,
 * only when the free lists run dry (deferred_grow_zone).  Frames below
 * the frontier are free and their struct pages have never been written.
 * Growing from the top hands frames out in the order a fully initialised
 * buddy would (highest block first), so PFNs do not depend on it.
 * m->pb_used[] counts the allocated frames of each pageblock (2 MiB), so
 * that the checker and teardown visit only the pageblocks in use.
 *
 * folio_alloc() (and __GFP_COMP) make a large folio of order 1 to 9 out
 * of one block: prep_compound_page() marks the head, points every tail at
 * it and initialises the folio's counts in its second and third pages;
 * the last folio_put() frees the whole block.  A large allocation that
 * fails is no error for the caller that asked with __GFP_NORETRY: it
 * falls back to a smaller order (and never wakes the OOM killer, nor
 * does any order above PAGE_ALLOC_COSTLY_ORDER).  Blocks are aligned on
 * their PFN, as the kernel's buddies, so an order-9 folio is 2 MiB
 * aligned; the allocation order of a block in use is kept in its first
 * frame's page_ext (as page_owner keeps it), for the checker's walk.
 *
 * A zap frees what it unmapped a batch at a time (tlb.h: mmu_gather ->
 * folios_put_refs() -> free_unref_folios()).  There are no per-CPU page
 * lists: every free merges into the buddy at once.  The kernel's exit
 * path sends all but a pcp list's high mark of its order-0 pages there
 * too (free_pcppages_bulk() each time the list passes pcp->high).  A
 * batch's run of order-0 frames in ascending order (a zap of memory
 * faulted in address order) merges as the aligned blocks that tile it,
 * which leaves every list as merging frame by frame does
 * (free_pfn_run()).
 *
 * Invariants: a frame is free iff its refcount is 0 and it is not a tail
 * page; a free block's buddy, if free and of the same order, has already
 * been merged with it; pb_used[] equals the allocated frames of each
 * pageblock.
 */
#include "internal.h"
#include "pagevec.h"


static inline uint32_t page_idx(struct machine *m, struct page *p)
{
	return (uint32_t)(p - m->memmap) + 1;
}

/* The free lists are walked on every allocation and free: inline. */
static inline __attribute__((always_inline)) void
free_list_add(struct machine *m, struct page *p, unsigned int order)
{
	uint32_t head = m->free_head[order];
	uint32_t idx = page_idx(m, p);

	p->flags = 1UL << PG_buddy;
	p->private = order;
	p->buddy.prev = 0;
	p->buddy.next = head;
	if (head)
		m->memmap[head - 1].buddy.prev = idx;
	m->free_head[order] = idx;
}

/* Unlink @p from its list, its struct page left for the caller to reset. */
static inline __attribute__((always_inline)) void
__free_list_del(struct machine *m, struct page *p, unsigned int order)
{
	uint32_t next = p->buddy.next, prev = p->buddy.prev;

	if (prev)
		m->memmap[prev - 1].buddy.next = next;
	else
		m->free_head[order] = next;
	if (next)
		m->memmap[next - 1].buddy.prev = prev;
}

static inline __attribute__((always_inline)) void
free_list_del(struct machine *m, struct page *p, unsigned int order)
{
	__free_list_del(m, p, order);
	p->flags = 0;
	p->private = 0;
	p->buddy.next = p->buddy.prev = 0;
}

/*
 * Hand the next block of never-used RAM to the free lists: the largest
 * aligned block ending at the frontier.  Return: false when all RAM is
 * in use.
 */
static bool deferred_grow_zone(struct machine *m)
{
	unsigned long end = m->ram_frontier;
	unsigned int order = MAX_PAGE_ORDER;

	if (!end)
		return false;
	/* aligned on the PFN, as the kernel's buddies */
	while (order && (end < (1UL << order) ||
			 !IS_ALIGNED(m->ram_start + end - (1UL << order), 1UL << order)))
		order--;
	m->ram_frontier = end - (1UL << order);
	free_list_add(m, &m->memmap[m->ram_frontier], order);
	m->nr_free += 1UL << order;
	return true;
}

/*
 * Account the 2^@order frames from RAM index @idx as allocated (@sign 1)
 * or freed (-1); a block above a pageblock covers whole pageblocks.
 */
static inline __attribute__((always_inline)) void
pageblock_account(struct machine *m, unsigned long idx, unsigned int order,
		  int sign)
{
	unsigned long pb = idx >> PAGEBLOCK_ORDER;

	if (likely(order <= PAGEBLOCK_ORDER)) {
		m->pb_used[pb] += sign * (1 << order);
		return;
	}
	for (unsigned long n = 1UL << (order - PAGEBLOCK_ORDER); n; n--)
		m->pb_used[pb++] += sign * (int)PAGEBLOCK_NR_PAGES;
}

int page_alloc_init(struct machine *m)
{
	m->ram_frontier = m->ram_pages;
	m->pb_used = calloc(DIV_ROUND_UP(m->ram_pages, PAGEBLOCK_NR_PAGES),
			    sizeof(*m->pb_used));
	if (!m->pb_used)
		return -ENOMEM;
	/* The shared zero page: reserved, never mapcounted. */
	struct page *zero = alloc_pages(GFP_KERNEL, 0);

	if (!zero)
		return -ENOMEM;
	SetPageReserved(zero);
	m->zero_pfn = page_to_pfn(zero);
	return 0;
}

/* Host memory behind the frames of one pageblock (contents, tables). */
static void pageblock_release(struct machine *m, unsigned long pb)
{
	unsigned long i, end;

	pageblock_span(m, pb, &i, &end);
	for (; i < end; i++) {
		struct page *p = &m->memmap[i];

		if (PageTable(p))
			pt_store_free(m, p->pt);
		else if (p->data)
			frame_clear(p);
	}
}

void page_alloc_exit(struct machine *m)
{
	unsigned long pb;

	for_each_pageblock_init(m, pb)
		if (m->pb_used && m->pb_used[pb])
			pageblock_release(m, pb);
	free(m->pb_used);
	m->pb_used = NULL;
	for (unsigned long i = 0; m->io_side && i < m->io_pages; i++)
		if (m->io_side[i].data)
			frame_clear(&m->io_side[i]);
	free(m->io_side);
}

static inline __attribute__((always_inline)) void
expand(struct machine *m, struct page *p, unsigned int low, unsigned int high)
{
	while (high > low) {
		high--;
		free_list_add(m, p + (1UL << high), high);
	}
}

static inline void prep_new_page(struct page *p)
{
	p->flags = 0;
	p->compound_head = 0;
	p->mapping = NULL;
	p->index = 0;
	p->private = 0;
	p->_shadow = 0;
	p->data = NULL;
	p->_refcount = 0;
	p->_mapcount = -1;
}

/*
 * prep_compound_page - make the block at @page one large folio: the head,
 * tails pointing at it, the order in the second page's flags, and the
 * large-folio counts at their initial values (mm/page_alloc.c,
 * mm/internal.h prep_compound_head()).
 */
void prep_compound_page(struct page *page, unsigned int order)
{
	struct folio *folio = (struct folio *)page;
	unsigned long nr = 1UL << order;

	SetPageHead(page);
	for (unsigned long i = 1; i < nr; i++)
		page[i].compound_head = (unsigned long)page | 1;
	folio->_flags_1 = (folio->_flags_1 & ~0xffUL) | order;
	folio->_large_mapcount = -1;
	folio->_entire_mapcount = -1;
	folio->_nr_pages_mapped = 0;
	folio->_pincount = 0;
	folio->_mm_id_mapcount[0] = -1;
	folio->_mm_id_mapcount[1] = -1;
	folio->_mm_ids = 0;
	if (order > 1)
		INIT_LIST_HEAD(&folio->_deferred_list);
}

/* The out-of-line page_folio() drivers call (include/mmsim/mm.h). */
struct folio *(page_folio)(const struct page *page)
{
	return __page_folio(page);
}

/* linux/prefetch.h: fetch the line at @x for writing, without waiting. */
static inline void prefetchw(const void *x)
{
	__builtin_prefetch(x, 1);
}

/*
 * The buddy hands out a split block's frames in ascending order, so the
 * struct page that an order-0 allocation a few calls from now will write
 * lies this many frames above the one taken now.
 */
#define RMQUEUE_PREFETCH_AHEAD	4

/*
 * __rmqueue_smallest - take the smallest free block of at least @order
 * off its list and split what is above @order back onto the lists
 * (mm/page_alloc.c); more RAM from the init frontier when none is free.
 * Return: the block, or NULL when all RAM is in use.
 */
/*
 * The lowest order from @order up whose free list is not empty, and in
 * *@head its first block (RAM index + 1); above MAX_PAGE_ORDER if none.
 */
static inline __attribute__((always_inline)) unsigned int
free_area_first(struct machine *m, unsigned int order, uint32_t *head)
{
	unsigned int o;

	for (o = order; o <= MAX_PAGE_ORDER; o++)
		if ((*head = m->free_head[o]))
			break;
	return o;
}

static inline __attribute__((always_inline)) struct page *
__rmqueue_smallest(struct machine *m, unsigned int order)
{
	unsigned long idx;
	unsigned int o;
	uint32_t head;
	struct page *p;

	while ((o = free_area_first(m, order, &head)) > MAX_PAGE_ORDER)
		if (!deferred_grow_zone(m))
			return NULL;
	idx = head - 1;
	p = &m->memmap[idx];
	/*
	 * Fresh struct pages come from RAM, not the cache: fetching the
	 * later one now lets its miss overlap the work between, where the
	 * caller's first store to it would otherwise wait for it.
	 */
	if (!order && idx + RMQUEUE_PREFETCH_AHEAD < m->ram_pages)
		prefetchw(p + RMQUEUE_PREFETCH_AHEAD);
	/* prep_new_pages() resets the struct page: no need to here */
	__free_list_del(m, p, o);
	expand(m, p, order, o);
	m->nr_free -= 1UL << order;
	pageblock_account(m, idx, order, 1);
	return p;
}

/* The block's struct pages as a new allocation: refcount 1 on the first. */
static inline __attribute__((always_inline)) void
prep_new_pages(struct machine *m, struct page *p, gfp_t gfp, unsigned int order)
{
	prep_new_page(p);
	for (unsigned long i = 1; i < (1UL << order); i++)
		prep_new_page(p + i);
	p->_refcount = 1;
	page_ext_get(m, p)->order = order;
	if (order && (gfp & __GFP_COMP))
		prep_compound_page(p, order);
	if (!(gfp & __GFP_MOVABLE)) {	/* kernel memory: tables, drivers */
		SetPageKernel(p);
		/* charged to a task (page tables) is not a driver's to leak */
		if (!(gfp & __GFP_ACCOUNT))
			driver_page_alloc(p, order);
	}
	page_check_frame(p);
}

/*
 * The allocation itself, inline in alloc_pages() and folio_alloc(), with
 * the common order 0 a constant.  Out of memory: the fault path's
 * out_of_memory() is told, never for a costly order or a THP.
 */
static inline __attribute__((always_inline)) struct page *
__alloc_frozen_pages(gfp_t gfp, unsigned int order)
{
	struct machine *m = current_machine();
	struct page *p;

	if (order > MAX_PAGE_ORDER || mm_should_fail())
		return NULL;
	p = likely(!order) ? __rmqueue_smallest(m, 0) : __rmqueue_smallest(m, order);
	if (unlikely(!p)) {
		if (order <= PAGE_ALLOC_COSTLY_ORDER && !(gfp & __GFP_NORETRY))
			m->oom_pending = true;
		return NULL;
	}
	if (likely(!order))
		prep_new_pages(m, p, gfp, 0);
	else
		prep_new_pages(m, p, gfp, order);
	return p;
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	return __alloc_frozen_pages(gfp, order);
}

/*
 * folio_alloc - a folio of 2^@order pages with refcount 1, contents
 * zero.  Orders above 1 are "large rmappable" (can be mapped by the rmap
 * and split): their second page says so.
 */
struct folio *folio_alloc(gfp_t gfp, unsigned int order)
{
	struct folio *folio = (struct folio *)__alloc_frozen_pages(gfp | __GFP_COMP,
								   order);

	if (folio && order > 1)
		folio->_flags_1 |= 1UL << PG_large_rmappable;
	return folio;
}

/*
 * vma_alloc_zeroed_movable_folio - the small folio of an anonymous fault
 * (include/linux/highmem.h): folio_alloc() at order 0 with the fault's
 * gfp flags, which as constants leave the allocation only the order-0
 * path.  A frame's contents start zero, so nothing is cleared.
 */
struct folio *vma_alloc_zeroed_movable_folio(struct vm_area_struct *vma,
					     unsigned long vaddr)
{
	return (struct folio *)__alloc_frozen_pages(GFP_HIGHUSER_MOVABLE |
						    __GFP_COMP, 0);
}

/* A page returned to the buddy: no contents, no folio, no counts. */
static inline void free_page_prepare(struct page *page)
{
	VM_BUG_ON_PAGE(page->_mapcount != -1, page);
	if (page->data)
		frame_clear(page);
	page->flags = 0;
	page->compound_head = 0;
	page->mapping = NULL;
	page->index = 0;
	page->private = 0;
}

/*
 * __free_pages_prepare - the checks and clean-up before 2^@order frames
 * at @page (RAM index @idx) go back to the buddy (mm/page_alloc.c):
 * refcount already 0, the order they were allocated at, their struct
 * pages reset.
 */
static inline __attribute__((always_inline)) void
__free_pages_prepare(struct machine *m, struct page *page, unsigned long idx,
		     unsigned int order)
{
	VM_BUG_ON_PAGE(PageTail(page), page);
	VM_BUG_ON_PAGE(page->_refcount != 0, page);
	VM_BUG_ON_PAGE(m->page_ext[idx].order != order, page);
	free_page_prepare(page);
	for (unsigned long i = 1; i < (1UL << order); i++)
		free_page_prepare(page + i);
}

/*
 * free_pages_prepare - __free_pages_prepare(), then the driver ownership
 * dropped and the checker told.
 */
static inline __attribute__((always_inline)) void
free_pages_prepare(struct machine *m, struct page *page, unsigned long idx,
		   unsigned int order)
{
	__free_pages_prepare(m, page, idx, order);
	/* only a driver's allocation made the owner map (driver.c) */
	if (unlikely(m->drv.page_owner))
		driver_page_free(page, order);
	/* page_check_frame(), with the machine and the page_ext at hand */
	if (unlikely(m->ck.logging) && !m->page_ext[idx].queued)
		__page_check_frame(m, page);
}

/*
 * buddy_merge - merge the free block of 2^@order frames at *@pfnp with
 * its buddy for as long as the buddy is a whole free block of the same
 * order within PFNs @lo to @hi (page_is_buddy()), taking each buddy off
 * its list.  Return: the order reached; *@pfnp is the merged block's.
 */
static inline __attribute__((always_inline)) unsigned int
buddy_merge(struct machine *m, unsigned long *pfnp, unsigned int order,
	    unsigned long lo, unsigned long hi)
{
	unsigned long pfn = *pfnp;

	for (; order < MAX_PAGE_ORDER; order++) {
		unsigned long size = 1UL << order;
		unsigned long bpfn = pfn ^ size;
		struct page *buddy;

		if (bpfn < lo || bpfn + size > hi)
			break;
		buddy = &m->memmap[bpfn - m->ram_start];
		if (!PageBuddy(buddy) || buddy->private != order)
			break;
		free_list_del(m, buddy, order);
		pfn &= ~size;
	}
	*pfnp = pfn;
	return order;
}

/*
 * free_one_block - the merge and the list of __free_one_page() below, for
 * a block whose frames nr_free already counts: the pageblock accounting,
 * the merge with its buddies, and the merged block onto its list.
 */
static inline __attribute__((always_inline)) void
free_one_block(struct machine *m, unsigned long pfn, unsigned int order,
	       unsigned long lo, unsigned long hi, bool whole)
{
	/* every buddy below MAX_PAGE_ORDER lies in this aligned block */
	unsigned long top = pfn & ~((1UL << MAX_PAGE_ORDER) - 1);

	pageblock_account(m, pfn - m->ram_start, order, -1);
	if (whole || (top >= lo && top + (1UL << MAX_PAGE_ORDER) <= hi))
		order = buddy_merge(m, &pfn, order, 0, ~0UL);
	else
		order = buddy_merge(m, &pfn, order, lo, hi);
	free_list_add(m, &m->memmap[pfn - m->ram_start], order);
}

/*
 * __free_one_page - put the free block of 2^@order frames at @pfn on its
 * list, merged first with its buddy for as long as the buddy is a whole
 * free block of the same order (mm/page_alloc.c).  Only the RAM the
 * buddy allocator has been given, PFNs @lo to @hi, can hold a buddy;
 * with @whole both are MAX_PAGE_ORDER aligned, so every buddy of a
 * block in use lies inside and none needs the bounds.
 */
static inline __attribute__((always_inline)) void
__free_one_page(struct machine *m, unsigned long pfn, unsigned int order,
		unsigned long lo, unsigned long hi, bool whole)
{
	m->nr_free += 1UL << order;
	free_one_block(m, pfn, order, lo, hi, whole);
}

/* The 2^@order frames at @page back to the buddy lists (refcount 0). */
void free_frozen_pages(struct page *page, unsigned int order)
{
	struct machine *m = current_machine();
	unsigned long idx = page - m->memmap;

	free_pages_prepare(m, page, idx, order);
	__free_one_page(m, idx + m->ram_start, order,
			m->ram_start + m->ram_frontier, m->ram_start + m->ram_pages,
			false);
}

/*
 * free_pfn_run - the @nr frames from @pfn, prepared and counted in
 * nr_free, back to the buddy as the largest aligned blocks that tile the
 * run, lowest first (the tiling of memblock's __free_pages_memory()).
 *
 * The free lists come out exactly as freeing the frames one by one in
 * ascending order leaves them: the frames of one tile have merged into
 * the whole tile by the time its last frame is freed (the buddy of any
 * part smaller than the tile lies inside the tile, and the frames above
 * are not free yet), and only then does the merge reach past the tile,
 * as free_one_block() of the tile does.  The parts put on the lists and
 * taken off again on the way leave the order of the other entries as it
 * was.  tests/unit/test_free_unref_folios.c compares the two ways on
 * random batches.
 */
static inline __attribute__((always_inline)) void
free_pfn_run(struct machine *m, unsigned long pfn, unsigned long nr,
	     unsigned long lo, unsigned long hi, bool whole)
{
	unsigned long end = pfn + nr;

	while (pfn < end) {
		/* aligned on the PFN, and no bigger than what is left */
		unsigned int order = min(__builtin_ctzl(pfn | (1UL << MAX_PAGE_ORDER)),
					 63 - __builtin_clzl(end - pfn));

		free_one_block(m, pfn, order, lo, hi, whole);
		pfn += 1UL << order;
	}
}

/* Does the run from @first go on at @folios[@n] (an order-0 folio, next frame)? */
static inline __attribute__((always_inline)) bool
order0_run_goes_on(struct folio **folios, struct page *first, unsigned int n,
		   unsigned int max)
{
	return n < max && &folios[n]->page == first + n &&
	       !folio_test_large(folios[n]);
}

/*
 * free_unref_run - free the order-0 folios from @folios[0] on (at most
 * @max) whose frames follow each other, as a zap of memory faulted in
 * address order hands them over: each one prepared, then the run merged
 * into the buddy once (free_pfn_run()), not merged frame by frame.
 * Return: how many it freed, at least one.
 */
static inline __attribute__((always_inline)) unsigned int
free_unref_run(struct machine *m, struct folio **folios, unsigned int max,
	       unsigned long lo, unsigned long hi, bool whole)
{
	struct page *first = &folios[0]->page;
	unsigned long idx = first - m->memmap;
	unsigned int n = 0;

	if (likely(!m->drv.page_owner && !m->ck.logging)) {
		/* nothing to tell the drivers' owner map or the checker's log */
		do
			__free_pages_prepare(m, first + n, idx + n, 0);
		while (order0_run_goes_on(folios, first, ++n, max));
		m->nr_free += n;
	} else {
		do {
			free_pages_prepare(m, first + n, idx + n, 0);
			/*
			 * counted as each frame goes, as a free frame by
			 * frame counts it: the checker's log limit reads it
			 */
			m->nr_free++;
		} while (order0_run_goes_on(folios, first, ++n, max));
	}
	free_pfn_run(m, idx + m->ram_start, n, lo, hi, whole);
	return n;
}

/*
 * free_unref_folios - free a batch of folios whose last reference is
 * gone (mm/page_alloc.c): each one's frames prepared and merged into the
 * buddy, a run of order-0 folios in ascending frames merged at once, the
 * machine looked up once for the batch.  The batch is empty afterwards.
 * Context: from folios_put_refs(), the end of a zap.
 */
void free_unref_folios(struct folio_batch *folios)
{
	struct machine *m = current_machine();
	/* freeing never moves the init frontier */
	unsigned long lo = m->ram_start + m->ram_frontier;
	unsigned long hi = m->ram_start + m->ram_pages;
	bool whole = IS_ALIGNED(lo | hi, 1UL << MAX_PAGE_ORDER);
	unsigned int i, n, nr = folio_batch_count(folios);

	for (i = 0; i < nr; i += n) {
		struct folio *folio = folios->folios[i];
		struct page *page = &folio->page;
		unsigned long idx = page - m->memmap;
		unsigned int order;

		if (likely(!folio_test_large(folio))) {	/* order 0, inline */
			n = free_unref_run(m, &folios->folios[i], nr - i,
					   lo, hi, whole);
			continue;
		}
		n = 1;
		order = folio_order(folio);
		folio_undo_large_rmappable(folio);
		free_pages_prepare(m, page, idx, order);
		__free_one_page(m, idx + m->ram_start, order, lo, hi, whole);
	}
	folio_batch_reinit(folios);
}

void folio_put(struct folio *folio)
{
	struct page *p = &folio->page;

	VM_BUG_ON_PAGE(PageTail(p), p);
	VM_BUG_ON_PAGE(p->_refcount <= 0, p);
	page_check_frame(p);
	if (--p->_refcount)
		return;
	if (folio_test_large(folio))
		folio_undo_large_rmappable(folio);
	free_frozen_pages(p, folio_order(folio));
}

/*
 * As the kernel's: drop the caller's reference; the last one frees the
 * block.  A non-compound block that someone else still references keeps
 * its first page for them, and its other pages go back now.
 */
void __free_pages(struct page *page, unsigned int order)
{
	bool head = PageHead(page);

	VM_BUG_ON_PAGE(page->_refcount <= 0, page);
	page_check_frame(page);
	if (--page->_refcount == 0) {
		free_frozen_pages(page, order);
		return;
	}
	if (head)
		return;
	while (order-- > 0) {
		page_ext_get(current_machine(), page + (1UL << order))->order = order;
		free_frozen_pages(page + (1UL << order), order);
	}
	page_ext_get(current_machine(), page)->order = 0;
}

/* Out of line, so that the checker hears of a driver's references too. */
void (get_page)(struct page *page)
{
	folio_get(page_folio(page));
}

void put_page(struct page *page)
{
	folio_put(page_folio(page));
}

unsigned long nr_free_pages(struct machine *m)
{
	return m->nr_free + m->ram_frontier;
}

/* The out-of-line forms drivers call (driver.h); the library inlines them. */
unsigned long (page_to_pfn)(const struct page *page)
{
	return __page_to_pfn(page);
}

struct page *(pfn_to_page)(unsigned long pfn)
{
	return __pfn_to_page(pfn);
}

bool (pfn_valid)(unsigned long pfn)
{
	return __pfn_valid(pfn);
}

struct page *io_frame(unsigned long pfn)
{
	struct machine *m = current_machine();

	if (!m->io_side) {
		m->io_side = calloc(m->io_pages ? m->io_pages : 1, sizeof(struct page));
		if (!m->io_side)
			return NULL;
	}
	return &m->io_side[pfn - m->io_start];
}

struct page *pfn_frame(unsigned long pfn)
{
	if (pfn_valid(pfn))
		return pfn_to_page(pfn);
	if (pfn_is_io(pfn))
		return io_frame(pfn);
	return NULL;
}
