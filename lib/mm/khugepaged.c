// SPDX-License-Identifier: GPL-2.0
/*
 * khugepaged.c - collapsing PTE-mapped anonymous memory into a PMD-mapped
 * THP, as MADV_COLLAPSE asks (mm/khugepaged.c madvise_collapse(), Linux
 * 6.18, paraphrased).  khugepaged itself, the background scanner, is not
 * modelled: a scenario is deterministic and has no background.
 *
 * Each PMD-aligned 2 MiB range inside the advised range is scanned
 * (hpage_collapse_scan_pmd()): a PMD leaf is already done; a range with
 * no PMD table (its PUD entry empty), a page without struct page, a
 * uffd-wp entry or a folio with references beyond its mappings (a GUP
 * pin) fails that range and the next is tried, while an empty PMD entry
 * in a PMD table or a file page ends the call there.  For
 * MADV_COLLAPSE, unlike khugepaged, empty and zero-page entries, shared
 * folios and read-only entries do not stop it - except an empty or
 * zero-page entry in a VMA registered with a userfaultfd, which stops
 * the whole call with EBUSY (SCAN_EXCEED_NONE_PTE).  A collapse
 * (collapse_huge_page()) allocates a new THP, copies every page (empty
 * and zero-page entries read as zeroes), unmaps the old pages from this
 * mm only, and maps the new folio writable and exclusive with the PTE
 * table deposited under it.  The call succeeds when every range is a THP
 * afterwards; otherwise the last failure says why: ENOMEM (no THP could
 * be allocated), EAGAIN (a page had extra references: try again), EINVAL
 * (the range cannot be collapsed).
 */
#include "internal.h"

enum scan_result {
	SCAN_FAIL,
	SCAN_SUCCEED,
	SCAN_PMD_NULL,		/* no PMD table there (an empty PUD entry) */
	SCAN_PMD_NONE,		/* an empty PMD entry: ends the call */
	SCAN_PMD_MAPPED,	/* already a PMD leaf */
	SCAN_EXCEED_NONE_PTE,	/* a hole under a userfaultfd */
	SCAN_PTE_UFFD_WP,
	SCAN_PAGE_NULL,		/* no normal page (PFN map) */
	SCAN_PAGE_ANON,		/* not anonymous */
	SCAN_PAGE_COUNT,	/* references beyond the mappings */
	SCAN_ALLOC_HUGE_PAGE_FAIL,
};

static int madvise_collapse_errno(enum scan_result r)
{
	switch (r) {
	case SCAN_ALLOC_HUGE_PAGE_FAIL:
		return -ENOMEM;
	case SCAN_EXCEED_NONE_PTE:
		return -EBUSY;
	case SCAN_PAGE_COUNT:
		return -EAGAIN;
	default:
		return -EINVAL;
	}
}

static bool pte_none_or_zero(pte_t pte)
{
	return pte_none(pte) || (pte_present(pte) && is_zero_pfn(pte_pfn(pte)));
}

/*
 * The PMD of @addr: a table (SCAN_SUCCEED), a leaf, an empty entry in a
 * PMD table, or no PMD table at all (mm_find_pmd() found none).
 */
static enum scan_result find_pmd_or_thp_or_none(struct mm_struct *mm,
						unsigned long addr, pmd_t **pmdp)
{
	pgd_t *pgd = pgd_offset(mm, addr);
	pud_t *pud;
	pmd_t *pmd;

	if (pgd_none(*pgd))
		return SCAN_PMD_NULL;
	pud = pud_offset(mm, pgd, addr);
	if (pud_none(*pud) || pud_leaf(*pud))
		return SCAN_PMD_NULL;
	pmd = pmd_offset(mm, pud, addr);
	if (pmd_none(*pmd))
		return SCAN_PMD_NONE;
	if (pmd_leaf(*pmd))
		return SCAN_PMD_MAPPED;
	*pmdp = pmd;
	return SCAN_SUCCEED;
}

/* Does a userfaultfd watch this VMA's faults (any mode)? */
static bool userfaultfd_armed(struct vm_area_struct *vma)
{
	return vma->vm_flags & (VM_UFFD_MISSING | VM_UFFD_WP | VM_UFFD_MINOR);
}

/*
 * Can the entry at @addr be collapsed (MADV_COLLAPSE's rules)?  A hole
 * or zero page is filled by the collapse, which a userfaultfd monitor
 * would never hear of: under one it stops the whole call (EBUSY).
 */
static enum scan_result scan_pte(struct vm_area_struct *vma, unsigned long addr,
				 pte_t pte)
{
	struct folio *folio;
	struct page *page;

	if (pte_none_or_zero(pte))
		return userfaultfd_armed(vma) ? SCAN_EXCEED_NONE_PTE :
						SCAN_SUCCEED;
	if (pte_uffd_wp(pte))
		return SCAN_PTE_UFFD_WP;
	page = vm_normal_page(vma, addr, pte);
	if (!page)
		return SCAN_PAGE_NULL;
	folio = page_folio(page);
	if (!folio_test_anon(folio))
		return SCAN_PAGE_ANON;
	/* folio_expected_ref_count(): one reference per mapping, no more */
	if (folio_ref_count(folio) != folio_mapcount(folio))
		return SCAN_PAGE_COUNT;
	return SCAN_SUCCEED;
}

/*
 * collapse_huge_page - a new THP with the contents of the 512 PTEs under
 * @pmd, mapped in their place.
 */
static enum scan_result collapse_huge_page(struct vm_area_struct *vma,
					   unsigned long haddr, pmd_t *pmd)
{
	struct mm_struct *mm = vma->vm_mm;
	struct folio *folio = folio_alloc(GFP_TRANSHUGE, HPAGE_PMD_ORDER);
	unsigned long pgtable = pmd_pfn(*pmd);
	pte_t *pte = (pte_t *)pgtable_entries(pgtable);
	pmd_t entry;

	if (!folio)
		return SCAN_ALLOC_HUGE_PAGE_FAIL;
	/* __collapse_huge_page_copy(): empty and zero-page entries stay zero */
	for (int i = 0; i < PTRS_PER_PTE; i++) {
		unsigned long addr = haddr + i * PAGE_SIZE;
		pte_t pteval = ptep_get(pte + i);

		if (!pte_none_or_zero(pteval) &&
		    frame_copy(folio_page(folio, i), vm_normal_page(vma, addr, pteval))) {
			folio_put(folio);	/* the host is out of memory */
			return SCAN_ALLOC_HUGE_PAGE_FAIL;
		}
	}
	/* the old pages leave this mm (other mms keep theirs) */
	for (int i = 0; i < PTRS_PER_PTE; i++) {
		unsigned long addr = haddr + i * PAGE_SIZE;
		pte_t pteval = ptep_get_and_clear(mm, addr, pte + i);
		struct page *src;

		if (pte_none_or_zero(pteval))
			continue;
		src = vm_normal_page(vma, addr, pteval);
		folio_remove_rmap_pte(page_folio(src), src, vma);
		put_page(src);
	}
	set_pmd_at(mm, haddr, pmd, __pmd(0));	/* pmdp_collapse_flush() */
	entry = __pmd(((uint64_t)folio_pfn(folio) << PAGE_SHIFT) |
		      pgprot_val(vma->vm_page_prot) | _PAGE_PSE);
	entry = pmd_mkdirty(entry);
	if (!current_machine()->profile.soft_dirty)
		entry = pmd_clear_soft_dirty(entry);
	if (vma->vm_flags & VM_WRITE)
		entry = pmd_mkwrite(entry);
	folio_add_new_anon_rmap(folio, vma, haddr, RMAP_EXCLUSIVE);
	pgtable_trans_huge_deposit(mm, haddr, pgtable);
	set_pmd_at(mm, haddr, pmd, entry);
	deferred_split_folio(folio, false);
	current_machine()->ev.thp_collapse_alloc++;
	return SCAN_SUCCEED;
}

static enum scan_result hpage_collapse_scan_pmd(struct vm_area_struct *vma,
						unsigned long haddr)
{
	enum scan_result result;
	pmd_t *pmd = NULL;
	pte_t *pte;

	result = find_pmd_or_thp_or_none(vma->vm_mm, haddr, &pmd);
	if (result != SCAN_SUCCEED)
		return result;
	pte = (pte_t *)pgtable_entries(pmd_pfn(*pmd));
	for (int i = 0; i < PTRS_PER_PTE; i++) {
		result = scan_pte(vma, haddr + i * PAGE_SIZE, ptep_get(pte + i));
		if (result != SCAN_SUCCEED)
			return result;
	}
	return collapse_huge_page(vma, haddr, pmd);
}

int madvise_collapse(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end)
{
	unsigned long hstart = ALIGN_DOWN(start + HPAGE_PMD_SIZE - 1, HPAGE_PMD_SIZE);
	unsigned long hend = end & HPAGE_PMD_MASK;
	enum scan_result last_fail = SCAN_FAIL;
	unsigned long thps = 0;

	if (!thp_vma_allowable_order(vma, vma->vm_flags, TVA_FORCED_COLLAPSE,
				     PMD_ORDER))
		return -EINVAL;
	/* a range holding no aligned PMD: nothing collapsed, nothing wanted */
	if (hstart > hend)
		return madvise_collapse_errno(last_fail);
	/* the kernel would build a shmem THP here; the model has none */
	if (vma_is_shmem(vma) && hstart < hend)
		return -EINVAL;
	for (unsigned long addr = hstart; addr < hend; addr += HPAGE_PMD_SIZE) {
		enum scan_result result = hpage_collapse_scan_pmd(vma, addr);

		switch (result) {
		case SCAN_SUCCEED:
		case SCAN_PMD_MAPPED:
			thps++;
			break;
		case SCAN_PMD_NULL:
		case SCAN_PTE_UFFD_WP:
		case SCAN_PAGE_NULL:
		case SCAN_PAGE_COUNT:
			last_fail = result;	/* try the next range */
			break;
		default:
			return madvise_collapse_errno(result);
		}
	}
	return thps == (hend - hstart) >> PMD_SHIFT ? 0 :
	       madvise_collapse_errno(last_fail);
}
