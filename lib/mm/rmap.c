// SPDX-License-Identifier: GPL-2.0
/*
 * rmap.c - reverse maps: from a folio to every page-table entry that maps
 * it.
 *
 * Anonymous folios point (page->mapping | PAGE_MAPPING_ANON) at the
 * anon_vma of the VMA they were faulted in.  Each VMA is linked to the
 * anon_vmas whose folios it may map by anon_vma_chain records: its own,
 * and, after fork, every anon_vma of the parent VMA.  An anon_vma keeps
 * its chains in an interval tree keyed by each VMA's page-offset range,
 * so the walk of a folio visits only the VMAs, in every process, whose
 * range holds page->index (the linear page index), which also gives the
 * address: splitting a VMA into N pieces costs a walk O(log N), not N.
 *
 * File folios are found through mapping->i_mmap, an interval tree of the
 * VMAs mapping the file, keyed by pgoff.
 *
 * Lifetime: an anon_vma lives while chains link to it or a child anon_vma
 * names it as parent (refcount counts both).
 */
#include "internal.h"

/*
 * anon_vma_cachep and anon_vma_chain_cachep: anon_vmas and their chains
 * come from slab caches (slab.c), as the kernel's anon_vma_init() makes
 * them, so that a VMA split's chain costs no trip through malloc.
 * Counted in live_objects as kmalloc() is, and failed by injection.
 */
static void *rmap_cache_alloc(struct kmem_cache *s, size_t size, size_t align)
{
	struct machine *m = current_machine();
	void *obj;

	if (mm_should_fail())
		return NULL;
	if (unlikely(!s->size))
		kmem_cache_init(s, size, align);
	obj = kmem_cache_alloc(s, GFP_KERNEL);
	if (obj)
		m->live_objects++;
	return obj;
}

static void rmap_cache_free(struct kmem_cache *s, void *obj)
{
	if (!obj)
		return;
	current_machine()->live_objects--;
	kmem_cache_free(s, obj);
}

static struct anon_vma_chain *anon_vma_chain_alloc(gfp_t gfp)
{
	return rmap_cache_alloc(&current_machine()->anon_vma_chain_cachep,
				sizeof(struct anon_vma_chain), 16);
}

static void anon_vma_chain_free(struct anon_vma_chain *avc)
{
	rmap_cache_free(&current_machine()->anon_vma_chain_cachep, avc);
}

static struct anon_vma *anon_vma_alloc(void)
{
	struct anon_vma *av = rmap_cache_alloc(&current_machine()->anon_vma_cachep,
					       sizeof(*av), sizeof(void *));

	if (!av)
		return NULL;
	memset(av, 0, sizeof(*av));
	av->root = av;
	av->rb_root = RB_ROOT;
	return av;
}

static void anon_vma_free(struct anon_vma *av)
{
	rmap_cache_free(&current_machine()->anon_vma_cachep, av);
}

void anon_vma_cache_exit(struct machine *m)
{
	if (m->anon_vma_chain_cachep.size)
		kmem_cache_destroy(&m->anon_vma_chain_cachep);
	if (m->anon_vma_cachep.size)
		kmem_cache_destroy(&m->anon_vma_cachep);
}

static void anon_vma_put(struct anon_vma *av)
{
	while (av && --av->refcount == 0) {
		struct anon_vma *parent = av->parent;

		anon_vma_free(av);
		av = parent;
	}
}

static void anon_vma_chain_link(struct vm_area_struct *vma,
				struct anon_vma_chain *avc,
				struct anon_vma *av)
{
	avc->vma = vma;
	avc->anon_vma = av;
	list_add(&avc->same_vma, &vma->anon_vma_chain);
	anon_vma_interval_tree_insert(avc, &av->rb_root);
	av->refcount++;
	vma_check_range(vma->vm_mm, vma->vm_start, vma->vm_end, false);
}

int __anon_vma_prepare(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc;
	struct anon_vma *av;

	avc = anon_vma_chain_alloc(GFP_KERNEL);
	if (!avc)
		return -ENOMEM;
	av = find_mergeable_anon_vma(vma);
	if (!av)
		av = anon_vma_alloc();
	if (!av) {
		anon_vma_chain_free(avc);
		return -ENOMEM;
	}
	anon_vma_chain_link(vma, avc, av);
	vma->anon_vma = av;
	return 0;
}

int anon_vma_clone(struct vm_area_struct *dst, struct vm_area_struct *src)
{
	struct anon_vma_chain *pavc;

	list_for_each_entry(pavc, &src->anon_vma_chain, same_vma) {
		struct anon_vma_chain *avc = anon_vma_chain_alloc(GFP_KERNEL);

		if (!avc) {
			unlink_anon_vmas(dst);
			return -ENOMEM;
		}
		/* keep the chain order of the source: oldest first */
		anon_vma_chain_link(dst, avc, pavc->anon_vma);
		list_del(&avc->same_vma);
		list_add_tail(&avc->same_vma, &dst->anon_vma_chain);
	}
	return 0;
}

int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma)
{
	struct anon_vma_chain *avc;
	struct anon_vma *av;
	int err;

	vma->anon_vma = NULL;
	if (!pvma->anon_vma)
		return 0;
	err = anon_vma_clone(vma, pvma);
	if (err)
		return err;
	avc = anon_vma_chain_alloc(GFP_KERNEL);
	av = avc ? anon_vma_alloc() : NULL;
	if (!av) {
		anon_vma_chain_free(avc);
		unlink_anon_vmas(vma);
		return -ENOMEM;
	}
	av->root = pvma->anon_vma->root;
	av->parent = pvma->anon_vma;
	av->parent->refcount++;
	anon_vma_chain_link(vma, avc, av);
	vma->anon_vma = av;
	return 0;
}

void unlink_anon_vmas(struct vm_area_struct *vma)
{
	struct anon_vma_chain *avc, *n;

	vma_check_range(vma->vm_mm, vma->vm_start, vma->vm_end, false);
	list_for_each_entry_safe(avc, n, &vma->anon_vma_chain, same_vma) {
		struct anon_vma *av = avc->anon_vma;

		list_del(&avc->same_vma);
		anon_vma_interval_tree_remove(avc, &av->rb_root);
		anon_vma_chain_free(avc);
		anon_vma_put(av);
	}
	vma->anon_vma = NULL;
}

unsigned long vma_address(struct vm_area_struct *vma, pgoff_t pgoff)
{
	unsigned long addr;

	if (pgoff < vma->vm_pgoff)
		return -EFAULT;
	addr = vma->vm_start + ((pgoff - vma->vm_pgoff) << PAGE_SHIFT);
	if (addr < vma->vm_start || addr >= vma->vm_end)
		return -EFAULT;
	return addr;
}

/* ---- large folios: the MM slots of CONFIG_MM_ID ---------------------- */

/*
 * include/linux/rmap.h keeps, besides _large_mapcount, up to two MMs with
 * their own mapcounts.  While every mapping belongs to one slot's MM the
 * folio is "mapped exclusively"; a mapping from a third MM (or one added
 * while the other slot still maps) sets the shared bit, which is cleared
 * again when one slot owns every mapping.  Counts are stored minus one.
 */
static void folio_set_large_mapcount(struct folio *folio, int mapcount,
				     struct vm_area_struct *vma)
{
	page_check_frame(&folio->page);
	VM_BUG_ON_PAGE(folio_mm_id(folio, 0) != MM_ID_DUMMY ||
		       folio_mm_id(folio, 1) != MM_ID_DUMMY, &folio->page);
	folio->_large_mapcount = mapcount - 1;
	folio->_mm_id_mapcount[0] = mapcount - 1;
	folio_set_mm_id(folio, 0, vma->vm_mm->mm_id);
}

static int folio_add_return_large_mapcount(struct folio *folio, int diff,
					   struct vm_area_struct *vma)
{
	const mm_id_t mm_id = vma->vm_mm->mm_id;
	int new_mapcount_val = folio->_large_mapcount + diff;

	page_check_frame(&folio->page);

	folio->_large_mapcount = new_mapcount_val;
	if (folio_mm_id(folio, 0) == mm_id) {
		folio->_mm_id_mapcount[0] += diff;
	} else if (folio_mm_id(folio, 1) == mm_id) {
		folio->_mm_id_mapcount[1] += diff;
	} else if (folio_mm_id(folio, 0) == MM_ID_DUMMY) {
		folio_set_mm_id(folio, 0, mm_id);
		folio->_mm_id_mapcount[0] = diff - 1;
		/* other MMs may map it already */
		if (new_mapcount_val != diff - 1)
			folio->_mm_ids |= FOLIO_MM_IDS_SHARED_BIT;
	} else if (folio_mm_id(folio, 1) == MM_ID_DUMMY) {
		folio_set_mm_id(folio, 1, mm_id);
		folio->_mm_id_mapcount[1] = diff - 1;
		/* slot 0 maps it too */
		folio->_mm_ids |= FOLIO_MM_IDS_SHARED_BIT;
	}
	return new_mapcount_val + 1;
}

static int folio_sub_return_large_mapcount(struct folio *folio, int diff,
					   struct vm_area_struct *vma)
{
	const mm_id_t mm_id = vma->vm_mm->mm_id;
	int new_mapcount_val = folio->_large_mapcount - diff;

	page_check_frame(&folio->page);

	folio->_large_mapcount = new_mapcount_val;
	/*
	 * A slot may go negative when some of its MM's mappings were added
	 * while no slot was free: it is freed then.
	 */
	if (folio_mm_id(folio, 0) == mm_id) {
		folio->_mm_id_mapcount[0] -= diff;
		if (folio->_mm_id_mapcount[0] >= 0)
			return new_mapcount_val + 1;
		folio->_mm_id_mapcount[0] = -1;
		folio_set_mm_id(folio, 0, MM_ID_DUMMY);
	} else if (folio_mm_id(folio, 1) == mm_id) {
		folio->_mm_id_mapcount[1] -= diff;
		if (folio->_mm_id_mapcount[1] >= 0)
			return new_mapcount_val + 1;
		folio->_mm_id_mapcount[1] = -1;
		folio_set_mm_id(folio, 1, MM_ID_DUMMY);
	}
	/* One slot owning every mapping (or none left): exclusive again. */
	if (folio->_mm_id_mapcount[0] == new_mapcount_val ||
	    folio->_mm_id_mapcount[1] == new_mapcount_val)
		folio->_mm_ids &= ~FOLIO_MM_IDS_SHARED_BIT;
	return new_mapcount_val + 1;
}

/* ---- mapping and unmapping ------------------------------------------- */

enum rmap_level { RMAP_LEVEL_PTE, RMAP_LEVEL_PMD };

static void __folio_set_anon(struct folio *folio, struct vm_area_struct *vma,
			     unsigned long address)
{
	page_check_frame(&folio->page);
	folio->page.mapping = (void *)((unsigned long)vma->anon_vma | PAGE_MAPPING_ANON);
	folio->page.index = linear_page_index(vma, address);
}

/*
 * __folio_add_rmap - count @nr_pages PTE mappings from @page on, or one
 * PMD mapping of the whole folio (mm/rmap.c, CONFIG_PAGE_MAPCOUNT).
 */
static void __folio_add_rmap(struct folio *folio, struct page *page,
			     int nr_pages, struct vm_area_struct *vma,
			     enum rmap_level level)
{
	int first = 0;

	page_check_frame(page);
	if (level == RMAP_LEVEL_PTE) {
		if (!folio_test_large(folio)) {
			page->_mapcount++;
			return;
		}
		for (int i = 0; i < nr_pages; i++)
			first += ++page[i]._mapcount == 0;
		folio->_nr_pages_mapped += first;
		folio_add_return_large_mapcount(folio, nr_pages, vma);
		return;
	}
	if (++folio->_entire_mapcount == 0)
		folio->_nr_pages_mapped += ENTIRELY_MAPPED;
	folio_add_return_large_mapcount(folio, 1, vma);
}

/* The mapcounts of a new large anon folio: mTHP by PTEs, THP by a PMD. */
static __attribute__((noinline)) void
folio_set_new_large_anon(struct folio *folio, struct vm_area_struct *vma,
			 bool exclusive)
{
	long nr = folio_nr_pages(folio);

	if (!folio_test_pmd_mappable(folio)) {
		/* mTHP: mapped by one PTE per page */
		for (long i = 0; i < nr; i++) {
			folio_page(folio, i)->_mapcount = 0;
			if (exclusive)
				SetPageAnonExclusive(folio_page(folio, i));
		}
		folio_set_large_mapcount(folio, nr, vma);
		folio->_nr_pages_mapped = nr;
	} else {
		/* PMD-mapped THP: the head's flag speaks for every page */
		folio->_entire_mapcount = 0;
		folio_set_large_mapcount(folio, 1, vma);
		folio->_nr_pages_mapped = ENTIRELY_MAPPED;
		if (exclusive)
			SetPageAnonExclusive(&folio->page);
	}
}

void folio_add_new_anon_rmap(struct folio *folio, struct vm_area_struct *vma,
			     unsigned long address, rmap_t flags)
{
	bool exclusive = flags & RMAP_EXCLUSIVE;

	/* the checker hears of the new folio here, before its identity is set */
	__folio_set_anon(folio, vma, address);
	/* droppable memory never goes to swap: reclaim may just drop it */
	if (!(vma->vm_flags & VM_DROPPABLE))
		__SetPageSwapBacked(&folio->page);
	if (!folio_test_large(folio)) {
		folio->page._mapcount = 0;
		if (exclusive)
			__SetPageAnonExclusive(&folio->page);
	} else {
		folio_set_new_large_anon(folio, vma, exclusive);
	}
	add_mm_counter(vma->vm_mm, MM_ANONPAGES, folio_nr_pages(folio));
}

void folio_add_anon_rmap_ptes(struct folio *folio, struct page *page, int nr,
			      struct vm_area_struct *vma, unsigned long address,
			      rmap_t flags)
{
	__folio_add_rmap(folio, page, nr, vma, RMAP_LEVEL_PTE);
	for (int i = 0; (flags & RMAP_EXCLUSIVE) && i < nr; i++)
		SetPageAnonExclusive(page + i);
	add_mm_counter(vma->vm_mm, MM_ANONPAGES, nr);
}

void folio_add_anon_rmap_pmd(struct folio *folio, struct page *page,
			     struct vm_area_struct *vma, unsigned long address,
			     rmap_t flags)
{
	__folio_add_rmap(folio, page, HPAGE_PMD_NR, vma, RMAP_LEVEL_PMD);
	if (flags & RMAP_EXCLUSIVE)
		SetPageAnonExclusive(page);
	add_mm_counter(vma->vm_mm, MM_ANONPAGES, HPAGE_PMD_NR);
}

void folio_add_file_rmap_pte(struct folio *folio, struct vm_area_struct *vma)
{
	__folio_add_rmap(folio, &folio->page, 1, vma, RMAP_LEVEL_PTE);
	add_mm_counter(vma->vm_mm, mm_counter_file(folio), 1);
}

/*
 * __folio_remove_rmap - the reverse of __folio_add_rmap().  An anon large
 * folio left partly mapped (some pages unmapped, some still mapped) goes
 * on the deferred split queue.
 */
static void __folio_remove_rmap(struct folio *folio, struct page *page,
				int nr_pages, struct vm_area_struct *vma,
				enum rmap_level level)
{
	bool partially_mapped = false;
	int last = 0;

	page_check_frame(page);
	if (level == RMAP_LEVEL_PTE) {
		if (!folio_test_large(folio)) {
			VM_BUG_ON_PAGE(page->_mapcount < 0, page);
			page->_mapcount--;
			return;
		}
		folio_sub_return_large_mapcount(folio, nr_pages, vma);
		for (int i = 0; i < nr_pages; i++) {
			VM_BUG_ON_PAGE(page[i]._mapcount < 0, page + i);
			last += --page[i]._mapcount < 0;
		}
		folio->_nr_pages_mapped -= last;
		/* still mapped by PTEs, and no PMD maps it all */
		partially_mapped = last && folio->_nr_pages_mapped &&
				   folio->_nr_pages_mapped < ENTIRELY_MAPPED;
	} else {
		folio_sub_return_large_mapcount(folio, 1, vma);
		VM_BUG_ON_PAGE(folio->_entire_mapcount < 0, &folio->page);
		if (--folio->_entire_mapcount < 0) {
			folio->_nr_pages_mapped -= ENTIRELY_MAPPED;
			/* pages still mapped by PTEs elsewhere */
			partially_mapped = folio->_nr_pages_mapped &&
					   folio->_nr_pages_mapped < folio_nr_pages(folio);
		}
	}
	if (partially_mapped && folio_test_anon(folio) &&
	    !folio_test_partially_mapped(folio))
		deferred_split_folio(folio, true);
}

void folio_remove_rmap_ptes(struct folio *folio, struct page *page, int nr,
			    struct vm_area_struct *vma)
{
	if (likely(!folio_test_large(folio))) {
		page_check_frame(page);
		VM_BUG_ON_PAGE(page->_mapcount < 0, page);
		page->_mapcount--;
		add_mm_counter(vma->vm_mm, folio_test_anon(folio) ? MM_ANONPAGES :
			       mm_counter_file(folio), -1);
		return;
	}
	__folio_remove_rmap(folio, page, nr, vma, RMAP_LEVEL_PTE);
	add_mm_counter(vma->vm_mm, folio_test_anon(folio) ? MM_ANONPAGES :
		       mm_counter_file(folio), -nr);
	/*
	 * PageAnonExclusive stays until the page is freed: a pinned page
	 * unmapped meanwhile is still exclusive to its pinner.
	 */
}

void folio_remove_rmap_pmd(struct folio *folio, struct page *page,
			   struct vm_area_struct *vma)
{
	__folio_remove_rmap(folio, page, HPAGE_PMD_NR, vma, RMAP_LEVEL_PMD);
	add_mm_counter(vma->vm_mm, MM_ANONPAGES, -(long)HPAGE_PMD_NR);
}

/*
 * __folio_try_dup_anon_rmap - fork: the child maps these pages too, so
 * they are no longer exclusive; a folio that may be pinned must not be
 * shared while any of the pages is exclusive (-EBUSY: copy instead).
 * Before 5.8 (historic switch) fork shared pinned pages too.
 */
static int __folio_try_dup_anon_rmap(struct folio *folio, struct page *page,
				     int nr_pages, struct vm_area_struct *dst_vma,
				     struct vm_area_struct *src_vma,
				     enum rmap_level level)
{
	/* the switch is consulted only where it can decide: maybe pinned */
	bool maybe_pinned = folio_needs_cow_for_dma(src_vma, folio) &&
			    cow_design()->fork_copies_pinned;

	page_check_frame(page);
	if (level == RMAP_LEVEL_PMD) {
		if (PageAnonExclusive(page)) {
			if (maybe_pinned)
				return -EBUSY;
			ClearPageAnonExclusive(page);
		}
		folio->_entire_mapcount++;
		folio_add_return_large_mapcount(folio, 1, dst_vma);
		return 0;
	}
	if (!folio_test_large(folio)) {
		if (PageAnonExclusive(page)) {
			if (unlikely(maybe_pinned))
				return -EBUSY;
			ClearPageAnonExclusive(page);
		}
		page->_mapcount++;
		return 0;
	}
	for (int i = 0; maybe_pinned && i < nr_pages; i++)
		if (PageAnonExclusive(page + i))
			return -EBUSY;
	for (int i = 0; i < nr_pages; i++) {
		ClearPageAnonExclusive(page + i);
		page[i]._mapcount++;
	}
	folio_add_return_large_mapcount(folio, nr_pages, dst_vma);
	return 0;
}

int folio_try_dup_anon_rmap_ptes(struct folio *folio, struct page *page, int nr,
				 struct vm_area_struct *dst_vma,
				 struct vm_area_struct *src_vma)
{
	return __folio_try_dup_anon_rmap(folio, page, nr, dst_vma, src_vma,
					 RMAP_LEVEL_PTE);
}

int folio_try_dup_anon_rmap_pmd(struct folio *folio, struct page *page,
				struct vm_area_struct *dst_vma,
				struct vm_area_struct *src_vma)
{
	return __folio_try_dup_anon_rmap(folio, page, HPAGE_PMD_NR, dst_vma,
					 src_vma, RMAP_LEVEL_PMD);
}

void folio_move_anon_rmap(struct folio *folio, struct vm_area_struct *vma)
{
	page_check_frame(&folio->page);
	folio->page.mapping = (void *)((unsigned long)vma->anon_vma | PAGE_MAPPING_ANON);
}

void vma_link_file(struct vm_area_struct *vma)
{
	struct address_space *mapping = vma->vm_file->f_mapping;

	if (vma_is_shared_maywrite(vma)) {
		VM_BUG_ON_VMA(mapping->i_mmap_writable < 0, vma);
		mapping->i_mmap_writable++;
	}
	vma_interval_tree_insert(vma, &mapping->i_mmap);
}

void vma_unlink_file(struct vm_area_struct *vma)
{
	struct address_space *mapping = vma->vm_file->f_mapping;

	if (vma_is_shared_maywrite(vma))
		mapping->i_mmap_writable--;
	vma_interval_tree_remove(vma, &mapping->i_mmap);
}

/*
 * folio_vma_address - where @vma maps the first page of @folio it covers:
 * a large folio may lie partly outside a VMA (split, partial mremap).
 */
/*
 * The address of the first page of [@first, @last] that @vma maps, or
 * -EFAULT; inline for the rmap walk, which asks it of every VMA.
 */
static inline unsigned long __folio_vma_address(pgoff_t first, pgoff_t last,
						struct vm_area_struct *vma)
{
	if (last < vma->vm_pgoff || first > vma_last_pgoff(vma))
		return -EFAULT;
	first = max(first, vma->vm_pgoff);
	return vma->vm_start + ((first - vma->vm_pgoff) << PAGE_SHIFT);
}

unsigned long folio_vma_address(struct folio *folio, struct vm_area_struct *vma)
{
	pgoff_t first = folio->page.index;

	return __folio_vma_address(first, first + folio_nr_pages(folio) - 1,
				   vma);
}

static void rmap_walk_anon(struct folio *folio, struct rmap_walk_control *rwc)
{
	struct anon_vma *av = folio_anon_vma(folio);
	pgoff_t first = folio->page.index;
	pgoff_t last = first + folio_nr_pages(folio) - 1;
	struct anon_vma_chain *avc;

	anon_vma_interval_tree_foreach(avc, &av->rb_root, first, last) {
		struct vm_area_struct *vma = avc->vma;
		unsigned long addr = __folio_vma_address(first, last, vma);

		if (IS_ERR_VALUE_ADDR(addr))
			continue;
		if (rwc->invalid_vma && rwc->invalid_vma(vma, rwc->arg))
			continue;
		if (!rwc->rmap_one(folio, vma, addr, rwc->arg))
			return;
	}
}

static void rmap_walk_file(struct folio *folio, struct rmap_walk_control *rwc)
{
	struct address_space *mapping = folio_mapping(folio);
	pgoff_t index = folio->page.index;
	struct vm_area_struct *vma;

	if (!mapping)
		return;
	vma_interval_tree_foreach(vma, &mapping->i_mmap, index, index) {
		unsigned long addr = vma_address(vma, index);

		if (rwc->invalid_vma && rwc->invalid_vma(vma, rwc->arg))
			continue;
		if (!rwc->rmap_one(folio, vma, addr, rwc->arg))
			return;
	}
}

/*
 * rmap_walk - call rwc->rmap_one for every VMA that may map @folio, with
 * the address it would be mapped at; rmap_one checks the entry itself.
 * An unmapped folio has no walk (its anon_vma may be gone).
 */
void rmap_walk(struct folio *folio, struct rmap_walk_control *rwc)
{
	if (!folio_mapped(folio))
		return;
	if (folio_test_anon(folio))
		rmap_walk_anon(folio, rwc);
	else
		rmap_walk_file(folio, rwc);
}

/*
 * rmap_walk_locked - rmap_walk() for a caller that holds the anon_vma
 * across an unmap and a remap (remove_migration_ptes() after a folio
 * split): the folio need not be mapped now.  Anon folios only.
 */
void rmap_walk_locked(struct folio *folio, struct rmap_walk_control *rwc)
{
	VM_BUG_ON_PAGE(!folio_test_anon(folio), &folio->page);
	rmap_walk_anon(folio, rwc);
}

/*
 * page_vma_mapped - the entry in @vma at @addr if it maps @pfn; NULL
 * otherwise.  The rmap gives candidate addresses; this confirms them.
 */
pte_t *page_vma_mapped(struct vm_area_struct *vma, unsigned long addr,
		       unsigned long pfn)
{
	pte_t *ptep = walk_to_pte(vma->vm_mm, addr, NULL, NULL);

	if (!ptep || !pte_present(*ptep) || pte_pfn(*ptep) != pfn)
		return NULL;
	return ptep;
}

struct mkclean_arg {
	struct machine *m;
	int cleaned;
};

static bool mkclean_one(struct folio *folio, struct vm_area_struct *vma,
			unsigned long addr, void *arg)
{
	struct mkclean_arg *a = arg;
	pte_t *ptep = page_vma_mapped(vma, addr, folio_pfn(folio));
	pte_t pte;

	if (!ptep)
		return true;
	pte = ptep_get(ptep);
	if (pte_write(pte) || pte_dirty(pte)) {
		set_pte_at(vma->vm_mm, addr, ptep, pte_mkclean(pte_wrprotect(pte)));
		a->cleaned++;
	}
	return true;
}

static bool invalid_mkclean_vma(struct vm_area_struct *vma, void *arg)
{
	return !(vma->vm_flags & VM_SHARED);
}

/*
 * folio_mkclean - write-protect and clean every shared mapping of a file
 * folio, so the next write faults (and ->page_mkwrite sees it).
 * Return: the number of entries cleaned.
 */
int folio_mkclean(struct folio *folio)
{
	struct address_space *mapping = folio_mapping(folio);
	struct mkclean_arg arg = { .m = mapping ? mapping->host->machine : NULL };
	struct rmap_walk_control rwc = {
		.arg = &arg,
		.rmap_one = mkclean_one,
		.invalid_vma = invalid_mkclean_vma,
	};

	if (!mapping)
		return 0;
	rmap_walk(folio, &rwc);
	return arg.cleaned;
}

/*
 * pfn_mkclean_range - write-protect and clean the entries of @vma that map
 * [@pfn, @pfn + @nr_pages) at file offset @pgoff onwards: special entries
 * too, since only the PFN is compared.  Return: the entries cleaned.
 */
int pfn_mkclean_range(unsigned long pfn, unsigned long nr_pages, pgoff_t pgoff,
		      struct vm_area_struct *vma)
{
	int cleaned = 0;

	for (unsigned long i = 0; i < nr_pages; i++) {
		unsigned long addr = vma_address(vma, pgoff + i);
		pte_t *ptep;
		pte_t pte;

		if (IS_ERR_VALUE_ADDR(addr))
			continue;
		ptep = page_vma_mapped(vma, addr, pfn + i);
		if (!ptep)
			continue;
		pte = ptep_get(ptep);
		if (!pte_write(pte) && !pte_dirty(pte))
			continue;
		set_pte_at(vma->vm_mm, addr, ptep, pte_mkclean(pte_wrprotect(pte)));
		cleaned++;
	}
	return cleaned;
}

/*
 * mapping_wrprotect_range - the file rmap walk of folio_mkclean() without
 * a folio: every shared VMA of @mapping over [@pgoff, @pgoff + @nr_pages)
 * gets the entries mapping [@pfn, @pfn + @nr_pages) write-protected and
 * cleaned.  For driver memory (fb_defio) that has no page->mapping/index,
 * or no struct page at all.  Return: the entries write-protected.
 */
int mapping_wrprotect_range(struct address_space *mapping, pgoff_t pgoff,
			    unsigned long pfn, unsigned long nr_pages)
{
	struct vm_area_struct *vma;
	int cleaned = 0;

	if (!mapping || !nr_pages)
		return 0;
	vma_interval_tree_foreach(vma, &mapping->i_mmap, pgoff,
				  pgoff + nr_pages - 1) {
		if (invalid_mkclean_vma(vma, NULL))
			continue;
		cleaned += pfn_mkclean_range(pfn, nr_pages, pgoff, vma);
	}
	/*
	 * The caller's invariant (fb_defio: a writable entry is listed) now
	 * holds only if every entry lost write: the checker re-walks them
	 * all, the ones left unchanged included.
	 */
	mapping_check_range(mapping, pgoff, nr_pages);
	return cleaned;
}
