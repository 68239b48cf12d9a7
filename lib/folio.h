/* SPDX-License-Identifier: GPL-2.0 */
/*
 * folio.h - folios of order 0 to 9: head and tail pages, the order, the
 * references, and the mapcounts Linux 6.18 keeps for large folios
 * (include/linux/mm.h, include/linux/rmap.h, include/linux/page-flags.h
 * and include/linux/mm_types.h, paraphrased).
 *
 * A large folio is a buddy block of 2^order frames.  Its first struct
 * page (the head) has PG_head; every other page (a tail) has
 * compound_head = head | 1 and refcount 0.  The folio's own counts live
 * in the head and in the second and third struct page (struct folio in
 * mm_types.h).  With CONFIG_PAGE_MAPCOUNT (the default; CONFIG_NO_PAGE_
 * MAPCOUNT is marked EXPERIMENTAL in mm/Kconfig) a large folio keeps:
 *
 *   _large_mapcount	every mapping of any part of it: +1 per PTE, +1 per
 *			PMD (folio_mapcount());
 *   _entire_mapcount	PMD mappings (folio_entire_mapcount());
 *   page->_mapcount	per page, the PTEs mapping that page;
 *   _nr_pages_mapped	pages mapped by a PTE, + ENTIRELY_MAPPED while a
 *			PMD maps it (the deferred split decision);
 *   _pincount		exact FOLL_PIN count (folio_maybe_dma_pinned());
 *
 * and with CONFIG_MM_ID (selected by CONFIG_TRANSPARENT_HUGEPAGE) two MM
 * slots, each an MM id with that MM's mappings, and a "maybe mapped
 * shared" bit, so that folio_maybe_mapped_shared() can tell a folio
 * mapped by one MM only without walking the rmap.
 *
 * Each mapping (PTE or PMD) of a folio holds one reference on it, so an
 * unpinned anon folio mapped by N entries has refcount N.
 */
#ifndef MMSIM_LIB_FOLIO_H
#define MMSIM_LIB_FOLIO_H

/* Orders: PMD_ORDER is the order of a PMD-mapped THP (2 MiB). */
#define PMD_ORDER	(PMD_SHIFT - PAGE_SHIFT)
#define HPAGE_PMD_ORDER	PMD_ORDER
#define HPAGE_PMD_NR	(1UL << HPAGE_PMD_ORDER)
#define HPAGE_PMD_SIZE	PMD_SIZE
#define HPAGE_PMD_MASK	PMD_MASK

/* _nr_pages_mapped: the PMD-mapped part, above any count of PTE-mapped pages. */
#define ENTIRELY_MAPPED		0x800000
#define FOLIO_PAGES_MAPPED	(ENTIRELY_MAPPED - 1)

/* CONFIG_MM_ID on 64-bit: two 31-bit ids in _mm_ids, bit 63 "shared". */
#define MM_ID_DUMMY			0
#define MM_ID_NR_BITS			31
#define MM_ID_MIN			(MM_ID_DUMMY + 1)
#define MM_ID_MAX			((1U << MM_ID_NR_BITS) - 1)
#define FOLIO_MM_IDS_SHARED_BITNUM	63
#define FOLIO_MM_IDS_SHARED_BIT		(1UL << FOLIO_MM_IDS_SHARED_BITNUM)

/* ---- the fill byte of a frame without contents (model only) ---------- */

#define PAGE_FILL_SHIFT	56

static inline int page_fill(const struct page *p)
{
	return (int)(p->flags >> PAGE_FILL_SHIFT);
}

static inline void set_page_fill(struct page *p, int byte)
{
	p->flags = (p->flags & ~(0xffUL << PAGE_FILL_SHIFT)) |
		   ((unsigned long)(byte & 0xff) << PAGE_FILL_SHIFT);
}

/* ---- head, tails and order ------------------------------------------- */

static inline bool PageTail(const struct page *p)
{
	return p->compound_head & 1;
}

static inline struct page *compound_head(const struct page *p)
{
	return PageTail(p) ? (struct page *)(p->compound_head - 1) :
			     (struct page *)p;
}

/* Inside the library page_folio() is inline; drivers call huge_memory.c's. */
static inline struct folio *__page_folio(const struct page *page)
{
	return (struct folio *)compound_head(page);
}
#define page_folio(page)	__page_folio(page)

static inline struct page *folio_page(struct folio *folio, unsigned long n)
{
	return &folio->page + n;
}

static inline bool folio_test_large(const struct folio *f)
{
	return PageHead(&f->page);
}

static inline unsigned int folio_order(const struct folio *f)
{
	return folio_test_large(f) ? (unsigned int)(f->_flags_1 & 0xff) : 0;
}

static inline long folio_nr_pages(const struct folio *f)
{
	return 1L << folio_order(f);
}

static inline bool folio_test_pmd_mappable(const struct folio *f)
{
	return folio_order(f) >= HPAGE_PMD_ORDER;
}

/* The index of @page within its folio. */
static inline unsigned long folio_page_idx(const struct folio *f,
					   const struct page *page)
{
	return (unsigned long)(page - &f->page);
}

/* ---- references -------------------------------------------------------- */

static inline int folio_ref_count(const struct folio *f) { return f->page._refcount; }
static inline int page_ref_count(const struct page *p) { return page_folio(p)->page._refcount; }
/* Reference counts change here: the incremental check hears of each. */
static inline void folio_get(struct folio *f)
{
	f->page._refcount++;
	page_check_frame(&f->page);
}
static inline void folio_ref_add(struct folio *f, int n)
{
	f->page._refcount += n;
	page_check_frame(&f->page);
}
static inline void folio_ref_sub(struct folio *f, int n)
{
	f->page._refcount -= n;
	page_check_frame(&f->page);
}
/* driver.h's get_page(), for a page of a large folio too: its folio's. */
static inline void __get_page(struct page *p) { folio_get(page_folio(p)); }
#define get_page(p)	__get_page(p)

/* ---- anon, mapping, dirty -------------------------------------------- */

static inline bool folio_test_anon(const struct folio *f)
{
	return ((unsigned long)f->page.mapping & PAGE_MAPPING_ANON) != 0;
}
static inline struct anon_vma *folio_anon_vma(const struct folio *f)
{
	return (struct anon_vma *)((unsigned long)f->page.mapping & ~PAGE_MAPPING_ANON);
}
static inline struct address_space *folio_mapping(const struct folio *f)
{
	return folio_test_anon(f) ? NULL : f->page.mapping;
}
static inline bool folio_test_dirty(const struct folio *f) { return PageDirty(&f->page); }

/* Flags a large folio keeps on its second page. */
static inline bool folio_test_partially_mapped(const struct folio *f)
{
	return folio_test_large(f) && (f->_flags_1 & (1UL << PG_partially_mapped));
}
static inline bool folio_test_large_rmappable(const struct folio *f)
{
	return folio_test_large(f) && (f->_flags_1 & (1UL << PG_large_rmappable));
}

/* ---- mapcounts ----------------------------------------------------------- */

static inline int folio_large_mapcount(const struct folio *f)
{
	return f->_large_mapcount + 1;
}

static inline int folio_entire_mapcount(const struct folio *f)
{
	return f->_entire_mapcount + 1;
}

/* Every PTE and PMD mapping any part of the folio. */
static inline int folio_mapcount(const struct folio *f)
{
	if (!folio_test_large(f))
		return f->page._mapcount + 1;
	return folio_large_mapcount(f);
}

static inline bool folio_mapped(const struct folio *f)
{
	return folio_mapcount(f) >= 1;
}

/*
 * folio_precise_page_mapcount - the entries mapping @page: its PTEs plus
 * the PMDs mapping the whole folio.  Only CONFIG_PAGE_MAPCOUNT can say.
 */
static inline int folio_precise_page_mapcount(const struct folio *f,
					      const struct page *page)
{
	int mapcount = page->_mapcount + 1;

	if (folio_test_large(f))
		mapcount += folio_entire_mapcount(f);
	return mapcount;
}

/*
 * page_mapcount - the model's name for folio_precise_page_mapcount() of
 * the page's own folio (the kernel dropped page_mapcount() in 6.15).
 */
static inline int page_mapcount(const struct page *p)
{
	return folio_precise_page_mapcount(page_folio(p), p);
}

/* ---- CONFIG_MM_ID ---------------------------------------------------- */

static inline mm_id_t folio_mm_id(const struct folio *f, int idx)
{
	return (f->_mm_ids >> (32 * idx)) & MM_ID_MAX;
}

static inline void folio_set_mm_id(struct folio *f, int idx, mm_id_t id)
{
	f->_mm_ids &= ~((unsigned long)MM_ID_MAX << (32 * idx));
	f->_mm_ids |= (unsigned long)id << (32 * idx);
}

/*
 * folio_maybe_mapped_shared - may another MM map (part of) this folio?
 * Small folios: more than one mapping.  Large folios: the MM-slot
 * tracking's "shared" bit, except that one mapping is never shared.
 * False is certain; true may be wrong (both slots taken, then freed).
 */
static inline bool folio_maybe_mapped_shared(const struct folio *f)
{
	int mapcount = folio_mapcount(f);

	if (!folio_test_large(f))
		return mapcount > 1;
	if (mapcount <= 1)
		return false;
	return f->_mm_ids & FOLIO_MM_IDS_SHARED_BIT;
}

/*
 * __folio_page_mapped_exclusively - pagemap's PM_MMAP_EXCLUSIVE
 * (fs/proc/task_mmu.c): with CONFIG_PAGE_MAPCOUNT, the page is mapped by
 * exactly one entry.
 */
static inline bool __folio_page_mapped_exclusively(const struct folio *f,
						   const struct page *page)
{
	return folio_precise_page_mapcount(f, page) == 1;
}

#endif /* MMSIM_LIB_FOLIO_H */
