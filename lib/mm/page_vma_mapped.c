// SPDX-License-Identifier: GPL-2.0
/*
 * page_vma_mapped.c - page_vma_mapped_walk(): given a folio's PFN range
 * and a VMA the rmap says may map it, find every entry of that VMA that
 * does - a PMD leaf mapping the whole range, or the PTEs mapping parts of
 * it - as mm/page_vma_mapped.c does for the rmap walkers.
 *
 * The walk covers the addresses where @vma would map the range (from
 * pvmw->address, which the rmap computed, to the end of the range or of
 * the VMA) one PMD at a time, so a PMD-mapped THP is reported once and a
 * PTE-mapped one once per PTE.  The model has only present entries.
 */
#include "internal.h"

static bool pfn_in_range(const struct page_vma_mapped_walk *pvmw,
			 unsigned long pfn)
{
	return pfn - pvmw->pfn < pvmw->nr_pages;
}

/* The end of the walk: the range's last page, or the VMA's end. */
static unsigned long pvmw_end(const struct page_vma_mapped_walk *pvmw)
{
	unsigned long first = pvmw->address;
	struct vm_area_struct *vma = pvmw->vma;
	pgoff_t pgoff = linear_page_index(vma, first);
	struct page *page = pfn_valid(pvmw->pfn) ? pfn_to_page(pvmw->pfn) : NULL;
	unsigned long left = pvmw->nr_pages;

	/* a folio: the pages from the one at @address to its last */
	if (page && folio_test_anon(page_folio(page)))
		left = page->index + pvmw->nr_pages - pgoff;
	if (left > (vma->vm_end - first) >> PAGE_SHIFT)
		return vma->vm_end;
	return first + (left << PAGE_SHIFT);
}

/* Look at @addr; true if an entry there maps the range. */
static bool pvmw_check(struct page_vma_mapped_walk *pvmw, unsigned long addr,
		       unsigned long *next)
{
	struct mm_struct *mm = pvmw->vma->vm_mm;
	pmd_t *leaf_pmd = NULL;
	pud_t *leaf_pud = NULL;
	pte_t *ptep = walk_to_pte(mm, addr, &leaf_pmd, &leaf_pud);

	*next = addr + PAGE_SIZE;
	if (leaf_pmd) {
		*next = (addr | (PMD_SIZE - 1)) + 1;
		if (!pfn_in_range(pvmw, pmd_pfn(*leaf_pmd)))
			return false;
		pvmw->address = addr & PMD_MASK;
		pvmw->pmd = leaf_pmd;
		pvmw->pte = NULL;
		return true;
	}
	if (!ptep) {
		if (!leaf_pud)
			*next = (addr | (PMD_SIZE - 1)) + 1;
		return false;
	}
	if (!pte_present(*ptep) || !pfn_in_range(pvmw, pte_pfn(*ptep)))
		return false;
	pvmw->address = addr;
	pvmw->pmd = NULL;
	pvmw->pte = ptep;
	return true;
}

bool page_vma_mapped_walk(struct page_vma_mapped_walk *pvmw)
{
	unsigned long addr, next;

	if (!pvmw->end) {
		pvmw->end = pvmw_end(pvmw);
		addr = pvmw->address;
	} else if (pvmw->pmd) {
		addr = (pvmw->address | (PMD_SIZE - 1)) + 1;
	} else {
		addr = pvmw->address + PAGE_SIZE;
	}
	for (; addr < pvmw->end && addr >= pvmw->vma->vm_start; addr = next)
		if (pvmw_check(pvmw, addr, &next))
			return true;
	return false;
}
