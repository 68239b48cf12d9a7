// SPDX-License-Identifier: GPL-2.0
/*
 * pfnmap.c - mapping memory a driver owns into user space: PFN maps
 * (remap_pfn_range, vmf_insert_pfn) whose entries are special and hold
 * no reference, and mixed maps of refcounted pages (vm_insert_page[s]).
 *
 * remap_pfn_range() on a COW mapping must cover the whole VMA and sets
 * vm_pgoff to the first PFN, so vm_normal_page() can tell the original
 * PFNs from anonymous copies made by later write faults.
 */
#include "internal.h"

int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
		    unsigned long pfn, unsigned long size, pgprot_t prot)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long end = addr + PAGE_ALIGN(size);

	if (!PAGE_ALIGNED(addr) || end <= addr || addr < vma->vm_start ||
	    end > vma->vm_end)
		return -EINVAL;
	if (is_cow_mapping(vma->vm_flags)) {
		if (addr != vma->vm_start || end != vma->vm_end)
			return -EINVAL;
		vma->vm_pgoff = pfn;
	}
	vm_flags_set(vma, VMA_REMAP_FLAGS);
	for (unsigned long a = addr; a < end; a += PAGE_SIZE, pfn++) {
		pte_t *ptep = walk_to_pte_alloc(mm, a);

		if (!ptep || !pte_none(*ptep)) {
			zap_page_range(vma, addr, a);
			return ptep ? -EBUSY : -ENOMEM;
		}
		set_pte_at(mm, a, ptep, pte_mkspecial(pfn_pte(pfn, prot)));
	}
	return 0;
}

vm_fault_t vmf_insert_pfn_prot(struct vm_area_struct *vma, unsigned long addr,
			       unsigned long pfn, pgprot_t pgprot)
{
	struct machine *m = vma_machine(vma);
	pte_t *ptep;

	if (!(vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)) ||
	    (vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)) == (VM_PFNMAP | VM_MIXEDMAP) ||
	    ((vma->vm_flags & VM_PFNMAP) && is_cow_mapping(vma->vm_flags)) ||
	    ((vma->vm_flags & VM_MIXEDMAP) && pfn_valid_m(m, pfn)))
		return VM_FAULT_SIGBUS;	/* a BUG_ON in the kernel */
	if (addr < vma->vm_start || addr >= vma->vm_end)
		return VM_FAULT_SIGBUS;
	ptep = walk_to_pte_alloc(vma->vm_mm, addr);
	if (!ptep)
		return VM_FAULT_OOM;
	if (pte_none(*ptep))
		set_pte_at(vma->vm_mm, addr, ptep, pte_mkspecial(pfn_pte(pfn, pgprot)));
	return VM_FAULT_NOPAGE;
}

vm_fault_t vmf_insert_pfn(struct vm_area_struct *vma, unsigned long addr,
			  unsigned long pfn)
{
	return vmf_insert_pfn_prot(vma, addr, pfn, vma->vm_page_prot);
}

static int insert_page(struct vm_area_struct *vma, unsigned long addr,
		       struct page *page)
{
	struct machine *m = vma_machine(vma);
	struct folio *folio = page_folio(page);
	pte_t *ptep;

	if (addr < vma->vm_start || addr >= vma->vm_end)
		return -EFAULT;
	if (!page_ref_count(page) || folio_test_anon(folio) || PageTable(page))
		return -EINVAL;
	ptep = walk_to_pte_alloc(vma->vm_mm, addr);
	if (!ptep)
		return -ENOMEM;
	if (!pte_none(*ptep))
		return -EBUSY;
	folio_get(folio);
	folio_add_file_rmap_pte(folio, vma);
	set_pte_at(vma->vm_mm, addr, ptep, pfn_pte(page_to_pfn(m, page), vma->vm_page_prot));
	return 0;
}

int vm_insert_page(struct vm_area_struct *vma, unsigned long addr,
		   struct page *page)
{
	if (!(vma->vm_flags & VM_MIXEDMAP)) {
		if (vma->vm_flags & VM_PFNMAP)
			return -EINVAL;
		vm_flags_set(vma, VM_MIXEDMAP);
	}
	return insert_page(vma, addr, page);
}

int vm_insert_pages(struct vm_area_struct *vma, unsigned long addr,
		    struct page **pages, unsigned long *num)
{
	unsigned long n = *num;
	int err = 0;

	for (unsigned long i = 0; i < n; i++, addr += PAGE_SIZE) {
		err = vm_insert_page(vma, addr, pages[i]);
		if (err)
			break;
		(*num)--;
	}
	return err;
}
