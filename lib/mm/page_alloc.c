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
 * folio_alloc() (and __GFP_COMP) make a large folio of order 1 to 9 out
 * of one block: prep_compound_page() marks the head, points every tail at
 * it and initialises the folio's counts in its second and third pages;
 * the last folio_put() frees the whole block.  A large allocation that
 * fails is no error for the caller that asked with __GFP_NORETRY: it
 * falls back to a smaller order.
 *
 * Invariants: a frame is free iff its refcount is 0 and it is not a tail
 * page; a free block's buddy, if free and of the same order, has already
 * been merged with it.
 */
#include "internal.h"

#define MAX_PAGE_ORDER	10

static inline uint32_t page_idx(struct machine *m, struct page *p)
{
	return (uint32_t)(p - m->memmap) + 1;
}

static inline struct page *idx_page(struct machine *m, uint32_t idx)
{
	return idx ? &m->memmap[idx - 1] : NULL;
}

static void free_list_add(struct machine *m, struct page *p, unsigned int order)
{
	uint32_t head = m->free_head[order];

	p->flags = 1UL << PG_buddy;
	p->private = order;
	p->buddy.prev = 0;
	p->buddy.next = head;
	if (head)
		idx_page(m, head)->buddy.prev = page_idx(m, p);
	m->free_head[order] = page_idx(m, p);
}

static void free_list_del(struct machine *m, struct page *p, unsigned int order)
{
	struct page *next = idx_page(m, p->buddy.next);
	struct page *prev = idx_page(m, p->buddy.prev);

	if (prev)
		prev->buddy.next = p->buddy.next;
	else
		m->free_head[order] = p->buddy.next;
	if (next)
		next->buddy.prev = p->buddy.prev;
	p->flags = 0;
	p->private = 0;
	p->buddy.next = p->buddy.prev = 0;
}

int page_alloc_init(struct machine *m)
{
	unsigned long i = 0;

	while (i < m->ram_pages) {
		unsigned int order = MAX_PAGE_ORDER;

		/* blocks are aligned on their PFN, as the kernel's buddies */
		while (order && (!IS_ALIGNED(m->ram_start + i, 1UL << order) ||
				 i + (1UL << order) > m->ram_pages))
			order--;
		free_list_add(m, &m->memmap[i], order);
		m->nr_free += 1UL << order;
		i += 1UL << order;
	}
	/* The shared zero page: reserved, never mapcounted. */
	struct page *zero = alloc_pages(GFP_KERNEL, 0);

	if (!zero)
		return -ENOMEM;
	SetPageReserved(zero);
	m->zero_pfn = page_to_pfn(zero);
	return 0;
}

void page_alloc_exit(struct machine *m)
{
	for (unsigned long i = 0; i < m->ram_pages; i++) {
		struct page *p = &m->memmap[i];

		if (p->data && !PageTable(p))
			frame_clear(p);
		else if (PageTable(p))
			free(p->pt);
	}
	for (unsigned long i = 0; m->io_side && i < m->io_pages; i++)
		if (m->io_side[i].data)
			frame_clear(&m->io_side[i]);
	free(m->io_side);
}

static struct page *expand(struct machine *m, struct page *p,
			   unsigned int low, unsigned int high)
{
	while (high > low) {
		high--;
		free_list_add(m, p + (1UL << high), high);
	}
	return p;
}

static void prep_new_page(struct page *p)
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
static void prep_compound_page(struct page *page, unsigned int order)
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

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct machine *m = current_machine();
	unsigned int o;
	struct page *p;

	if (order > MAX_PAGE_ORDER || mm_should_fail())
		return NULL;
	for (o = order; o <= MAX_PAGE_ORDER; o++)
		if (m->free_head[o])
			break;
	if (o > MAX_PAGE_ORDER)
		return NULL;
	p = idx_page(m, m->free_head[o]);
	free_list_del(m, p, o);
	expand(m, p, order, o);
	m->nr_free -= 1UL << order;
	for (unsigned long i = 0; i < (1UL << order); i++)
		prep_new_page(p + i);
	p->_refcount = 1;
	if (order && (gfp & __GFP_COMP))
		prep_compound_page(p, order);
	if (!(gfp & __GFP_MOVABLE)) {	/* kernel memory: tables, drivers */
		SetPageKernel(p);
		/* charged to a task (page tables) is not a driver's to leak */
		if (!(gfp & __GFP_ACCOUNT))
			driver_page_alloc(p, order);
	}
	return p;
}

/*
 * folio_alloc - a folio of 2^@order pages with refcount 1, contents
 * zero.  Orders above 1 are "large rmappable" (can be mapped by the rmap
 * and split): their second page says so.
 */
struct folio *folio_alloc(gfp_t gfp, unsigned int order)
{
	struct folio *folio = (struct folio *)alloc_pages(gfp | __GFP_COMP, order);

	if (folio && order > 1)
		folio->_flags_1 |= 1UL << PG_large_rmappable;
	return folio;
}

/* A page returned to the buddy: no contents, no folio, no counts. */
static void free_page_prepare(struct page *page)
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

void __free_pages(struct page *page, unsigned int order)
{
	struct machine *m = current_machine();
	unsigned long pfn = page_to_pfn(page);

	VM_BUG_ON_PAGE(PageTail(page), page);
	VM_BUG_ON_PAGE(page->_refcount != 0, page);
	VM_BUG_ON_PAGE(PageHead(page) && folio_order((struct folio *)page) != order,
		       page);
	for (unsigned long i = 0; i < (1UL << order); i++)
		free_page_prepare(page + i);
	driver_page_free(page, order);
	m->nr_free += 1UL << order;
	while (order < MAX_PAGE_ORDER) {
		unsigned long bpfn = pfn ^ (1UL << order);
		struct page *buddy;

		if (bpfn < m->ram_start ||
		    bpfn + (1UL << order) > m->ram_start + m->ram_pages)
			break;
		buddy = pfn_to_page(bpfn);
		if (!PageBuddy(buddy) || buddy->private != order)
			break;
		free_list_del(m, buddy, order);
		pfn &= ~(1UL << order);
		order++;
	}
	free_list_add(m, pfn_to_page(pfn), order);
}

void folio_put(struct folio *folio)
{
	struct page *p = &folio->page;

	VM_BUG_ON_PAGE(PageTail(p), p);
	VM_BUG_ON_PAGE(p->_refcount <= 0, p);
	if (--p->_refcount)
		return;
	if (folio_test_large(folio))
		folio_undo_large_rmappable(folio);
	__free_pages(p, folio_order(folio));
}

void put_page(struct page *page)
{
	folio_put(page_folio(page));
}

unsigned long nr_free_pages(struct machine *m)
{
	return m->nr_free;
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
