// SPDX-License-Identifier: GPL-2.0
/*
 * page_alloc.c - the buddy allocator over the memmap, and the life of a
 * page: allocated with refcount 1, freed when the last reference goes.
 *
 * Free blocks of order 0..MAX_PAGE_ORDER sit on one list per order,
 * linked through page->buddy by RAM index + 1 (0 ends a list).  Only the
 * head page of a free block is marked PG_buddy and carries the order.
 *
 * Invariants: a frame is free iff its refcount is 0; a free block's
 * buddy, if free and of the same order, has already been merged with it.
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
	p->order = order;
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
	p->buddy.next = p->buddy.prev = 0;
}

int page_alloc_init(struct machine *m)
{
	unsigned long i = 0;

	while (i < m->ram_pages) {
		unsigned int order = MAX_PAGE_ORDER;

		while (order && (!IS_ALIGNED(i, 1UL << order) ||
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

static void prep_new_page(struct page *p, unsigned int order)
{
	p->flags = 0;
	p->compound_head = 0;
	p->mapping = NULL;
	p->index = 0;
	p->data = NULL;
	p->fill = 0;
	p->_refcount = 1;
	p->_mapcount = -1;
	p->_pincount = 0;
	p->order = order;
	p->_shadow = 0;
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
	prep_new_page(p, order);
	if (!(gfp & __GFP_MOVABLE)) {	/* kernel memory: tables, drivers */
		SetPageKernel(p);
		/* charged to a task (page tables) is not a driver's to leak */
		if (!(gfp & __GFP_ACCOUNT))
			driver_page_alloc(p, order);
	}
	return p;
}

struct folio *folio_alloc(gfp_t gfp, unsigned int order)
{
	return (struct folio *)alloc_pages(gfp, order);
}

void __free_pages(struct page *page, unsigned int order)
{
	struct machine *m = current_machine();
	unsigned long idx = page - m->memmap;

	VM_BUG_ON_PAGE(order != page->order, page);
	VM_BUG_ON_PAGE(page->_refcount != 0, page);
	VM_BUG_ON_PAGE(page->_mapcount != -1, page);
	if (page->data)
		frame_clear(page);
	driver_page_free(page, order);
	m->nr_free += 1UL << order;
	while (order < MAX_PAGE_ORDER) {
		unsigned long bidx = idx ^ (1UL << order);
		struct page *buddy;

		if (bidx + (1UL << order) > m->ram_pages)
			break;
		buddy = &m->memmap[bidx];
		if (!PageBuddy(buddy) || buddy->order != order)
			break;
		free_list_del(m, buddy, order);
		idx &= ~(1UL << order);
		order++;
	}
	free_list_add(m, &m->memmap[idx], order);
}

void folio_put(struct folio *folio)
{
	struct page *p = &folio->page;

	VM_BUG_ON_PAGE(p->_refcount <= 0, p);
	if (--p->_refcount)
		return;
	p->mapping = NULL;
	p->flags = 0;
	__free_pages(p, p->order);
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
