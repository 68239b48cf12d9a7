// SPDX-License-Identifier: GPL-2.0
/*
 * gup.c - get_user_pages and pin_user_pages: taking references on the
 * pages behind user addresses, faulting them in first as needed.
 *
 * Pins (FOLL_PIN) on a small folio add GUP_PIN_COUNTING_BIAS to the
 * refcount, so folio_maybe_dma_pinned() can say "maybe" (a page with
 * 1024 plain references looks pinned too); large folios count pins
 * exactly in _pincount.  The first pin marks the mm MMF_HAS_PINNED, which
 * makes fork check for pins.  A pinned anonymous page must be exclusive:
 * a read-only pin of a shared one unshares it first (gup_must_unshare).
 * VM_IO / VM_PFNMAP VMAs have no pages to take: EFAULT.
 */
#include "internal.h"

bool folio_maybe_dma_pinned(struct folio *folio)
{
	if (folio_test_large(folio))
		return folio->page._pincount > 0;
	return (unsigned int)folio_ref_count(folio) >= GUP_PIN_COUNTING_BIAS;
}

static void gup_get_folio(struct folio *folio, unsigned int flags)
{
	if (!(flags & FOLL_PIN)) {
		folio_get(folio);
		return;
	}
	if (folio_test_large(folio)) {
		folio_ref_add(folio, 1);
		folio->page._pincount++;
	} else {
		folio_ref_add(folio, GUP_PIN_COUNTING_BIAS);
	}
}

void gup_put_folio(struct machine *m, struct folio *folio, int refs,
		   unsigned int flags)
{
	if (flags & FOLL_PIN) {
		if (folio_test_large(folio)) {
			folio->page._pincount -= refs;
		} else {
			refs *= GUP_PIN_COUNTING_BIAS;
		}
	}
	while (refs--)
		folio_put(m, folio);
}

/* A read-only pin must not share an anonymous page (see header). */
static bool gup_must_unshare(struct vm_area_struct *vma, unsigned int flags,
			     struct page *page)
{
	if ((flags & (FOLL_WRITE | FOLL_PIN)) != FOLL_PIN)
		return false;
	if (!folio_test_anon(page_folio(page)))
		return (flags & FOLL_LONGTERM) && is_cow_mapping(vma->vm_flags);
	return !PageAnonExclusive(page);
}

static int check_vma_flags(struct vm_area_struct *vma, unsigned int flags)
{
	if (vma->vm_flags & (VM_IO | VM_PFNMAP))
		return -EFAULT;
	if (flags & FOLL_WRITE) {
		if (!(vma->vm_flags & VM_WRITE) &&
		    (!(flags & FOLL_FORCE) || !is_cow_mapping(vma->vm_flags)))
			return -EFAULT;
	} else if (!(vma->vm_flags & VM_READ) &&
		   !((flags & FOLL_FORCE) && (vma->vm_flags & VM_MAYREAD))) {
		return -EFAULT;
	}
	return 0;
}

/*
 * follow_page_pte - the page at @addr if the entry allows this access;
 * NULL means fault first.  The zero page is returned (special, never
 * counted) unless the access writes.
 */
static struct page *follow_page(struct vm_area_struct *vma, unsigned long addr,
				unsigned int flags, bool *unshare)
{
	pte_t *ptep = walk_to_pte(vma->vm_mm, addr, NULL, NULL);
	struct machine *m = vma_machine(vma);
	struct page *page;
	pte_t pte;

	*unshare = false;
	if (!ptep || !pte_present(*ptep) || pte_protnone(*ptep))
		return NULL;
	pte = ptep_get(ptep);
	if ((flags & FOLL_WRITE) && !pte_write(pte))
		return NULL;
	page = vm_normal_page(vma, addr, pte);
	if (!page && is_zero_pfn(m, pte_pfn(pte)))
		page = pfn_to_page(m, pte_pfn(pte));
	if (!page)
		return NULL;
	if (is_zero_pfn(m, pte_pfn(pte))) {
		*unshare = (flags & FOLL_PIN) && (flags & FOLL_LONGTERM) &&
			   is_cow_mapping(vma->vm_flags);
		return *unshare ? NULL : page;
	}
	if (gup_must_unshare(vma, flags, page)) {
		*unshare = true;
		return NULL;
	}
	pte = pte_mkyoung(pte);
	if (flags & FOLL_WRITE)
		pte = pte_mkdirty(pte);
	set_pte_at(vma->vm_mm, addr, ptep, pte);
	return page;
}

static long __get_user_pages(struct mm_struct *mm, unsigned long start,
			     unsigned long nr_pages, unsigned int flags,
			     struct page **pages)
{
	struct machine *m = mm->machine;
	unsigned long i;

	for (i = 0; i < nr_pages; i++) {
		unsigned long addr = start + i * PAGE_SIZE;
		struct vm_area_struct *vma = vma_lookup(mm, addr);
		struct page *page = NULL;
		int tries, err;

		if (!vma)
			return i ? (long)i : -EFAULT;
		err = check_vma_flags(vma, flags);
		if (err)
			return i ? (long)i : err;
		for (tries = 0; tries < 4 && !page; tries++) {
			bool unshare;
			vm_fault_t ret;

			page = follow_page(vma, addr, flags, &unshare);
			if (page)
				break;
			ret = handle_mm_fault(vma, addr,
				(flags & FOLL_WRITE) ? FAULT_FLAG_WRITE :
				unshare ? FAULT_FLAG_UNSHARE : 0);
			if (ret & VM_FAULT_OOM)
				return i ? (long)i : -ENOMEM;
			if (ret & VM_FAULT_ERROR)
				return i ? (long)i : -EFAULT;
		}
		if (!page)
			return i ? (long)i : -EFAULT;
		if (!is_zero_pfn(m, page_to_pfn(m, page)))
			gup_get_folio(page_folio(page), flags);
		pages[i] = page;
	}
	if (flags & FOLL_PIN)
		mm->flags |= 1UL << MMF_HAS_PINNED;
	return (long)i;
}

static void release_pages_flags(struct machine *m, struct page **pages,
				unsigned long n, unsigned int flags)
{
	for (unsigned long i = 0; i < n; i++)
		if (!is_zero_pfn(m, page_to_pfn(m, pages[i])))
			gup_put_folio(m, page_folio(pages[i]), 1, flags);
}

static long gup_checked(struct mm_struct *mm, unsigned long start,
			unsigned long nr_pages, unsigned int flags,
			struct page **pages)
{
	long got;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!nr_pages)
		return 0;
	if (start >= TASK_SIZE || nr_pages > (TASK_SIZE - start) >> PAGE_SHIFT)
		return -EFAULT;
	got = __get_user_pages(mm, start, nr_pages, flags, pages);
	/* A partial result is not useful to callers that need all pages. */
	if (got >= 0 && (unsigned long)got < nr_pages) {
		release_pages_flags(mm->machine, pages, got, flags);
		got = -EFAULT;
	}
	return got;
}

long pin_user_pages(struct mm_struct *mm, unsigned long start,
		    unsigned long nr_pages, unsigned int gup_flags,
		    struct page **pages)
{
	if (gup_flags & FOLL_GET)
		return -EINVAL;
	return gup_checked(mm, start, nr_pages, gup_flags | FOLL_PIN, pages);
}

long get_user_pages(struct mm_struct *mm, unsigned long start,
		    unsigned long nr_pages, unsigned int gup_flags,
		    struct page **pages)
{
	if (gup_flags & FOLL_PIN)
		return -EINVAL;
	return gup_checked(mm, start, nr_pages, gup_flags | FOLL_GET, pages);
}

void unpin_user_pages(struct page **pages, unsigned long npages)
{
	if (npages)
		release_pages_flags(page_machine(pages[0]), pages, npages, FOLL_PIN);
}

void put_user_pages(struct page **pages, unsigned long npages)
{
	if (npages)
		release_pages_flags(page_machine(pages[0]), pages, npages, FOLL_GET);
}

int pin_range(struct task_struct *t, unsigned long addr, unsigned long len,
	      bool ro, struct pin_set **out)
{
	struct machine *m = t->machine;
	unsigned long nr = PAGE_ALIGN(len + (addr & ~PAGE_MASK)) >> PAGE_SHIFT;
	struct pin_set *ps;
	long got;

	if (!len || nr > (1UL << 24))
		return -EINVAL;
	ps = kzalloc(m, sizeof(*ps) + nr * sizeof(struct page *));
	if (!ps)
		return -ENOMEM;
	ps->m = m;
	ps->nr = nr;
	ps->write = !ro;
	got = pin_user_pages(t->mm, addr & PAGE_MASK, nr,
			     FOLL_LONGTERM | (ro ? 0 : FOLL_WRITE), ps->pages);
	if (got < 0) {
		kfree(m, ps);
		return (int)got;
	}
	list_add_tail(&ps->list, &m->pin_sets);
	*out = ps;
	return 0;
}

void pin_release(struct pin_set *ps)
{
	struct machine *m = ps->m;

	release_pages_flags(m, ps->pages, ps->nr, FOLL_PIN);
	list_del(&ps->list);
	kfree(m, ps);
}
