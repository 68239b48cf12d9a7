// SPDX-License-Identifier: GPL-2.0
/*
 * pfnmap.c - mapping memory a driver owns into user space: PFN maps
 * (remap_pfn_range, vmf_insert_pfn[_prot], vmf_insert_pfn_pmd/pud) whose
 * entries are special and hold no reference, mixed maps (vmf_insert_mixed
 * [_mkwrite]: special entries in a VM_MIXEDMAP VMA; vm_insert_page[s],
 * vm_map_pages: refcounted, rmapped, non-special entries of kernel pages),
 * and the mmap_prepare action the core completes once vm_page_prot is
 * settled.
 *
 * remap_pfn_range() on a COW mapping must cover the whole VMA and sets
 * vm_pgoff to the first PFN, so vm_normal_page() can tell the original
 * PFNs from anonymous copies made by later write faults on architectures
 * without pte_special.  The kernel's BUG_ON()s for misuse are reported as
 * VM_FAULT_SIGBUS (fault-time helpers) or -EINVAL (mmap-time helpers).
 */
#include "internal.h"

static void count_entry(struct vm_area_struct *vma)
{
	current_machine()->ev.entries_at_mmap++;
}

/*
 * x86-64 with four-level paging: 46 bits of physical address.  A PFN
 * beyond them does not fit an entry (pfn_pte() would silently cut it to
 * another frame): a driver bug, refused and reported with its name.
 */
#define MAX_PHYSMEM_BITS	46

static bool pfn_range_in_physmem(struct vm_area_struct *vma, unsigned long pfn,
				 unsigned long nr)
{
	unsigned long max = 1UL << (MAX_PHYSMEM_BITS - PAGE_SHIFT);

	if (pfn < max && nr <= max - pfn)
		return true;
	driver_error("driver %s: PFN %#lx (+%lu) is beyond the %d-bit physical address space",
		     vma_driver_name(vma), pfn, nr, MAX_PHYSMEM_BITS);
	return false;
}

/* ---- remap_pfn_range -------------------------------------------------- */

static int remap_pte_range(struct vm_area_struct *vma, unsigned long addr,
			   unsigned long end, unsigned long pfn, pgprot_t prot)
{
	for (unsigned long a = addr; a < end; a += PAGE_SIZE, pfn++) {
		pte_t *ptep = walk_to_pte_alloc(vma->vm_mm, a);

		if (!ptep || !pte_none(*ptep)) {
			zap_page_range(vma, addr, a);
			return ptep ? -EBUSY : -ENOMEM;	/* BUG_ON in the kernel */
		}
		set_pte_at(vma->vm_mm, a, ptep, pte_mkspecial(pfn_pte(pfn, prot)));
		count_entry(vma);
	}
	return 0;
}

/* remap_pfn_range() without the PAT tracking: this maps. */
int remap_pfn_range_notrack(struct vm_area_struct *vma, unsigned long addr,
			    unsigned long pfn, unsigned long size, pgprot_t prot)
{
	unsigned long end = addr + PAGE_ALIGN(size);

	if (!PAGE_ALIGNED(addr) || end <= addr || addr < vma->vm_start ||
	    end > vma->vm_end)
		return -EINVAL;
	if (!pfn_range_in_physmem(vma, pfn, (end - addr) >> PAGE_SHIFT))
		return -EINVAL;
	if (is_cow_mapping(vma->vm_flags)) {
		/* the whole VMA, so vm_pgoff can name the first PFN */
		if (addr != vma->vm_start || end != vma->vm_end)
			return -EINVAL;
		vma->vm_pgoff = pfn;
	}
	vm_flags_set(vma, VMA_REMAP_FLAGS);
	return remap_pte_range(vma, addr, end, pfn, prot);
}

/*
 * The whole VMA: reserve the memtype and remember it as `design pat=`
 * does (pfnmap_track.c); a part: take the mode the frames already have,
 * reserving nothing.
 */
int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
		    unsigned long pfn, unsigned long size, pgprot_t prot)
{
	int err;

	size = PAGE_ALIGN(size);
	if (!pfn_range_in_physmem(vma, pfn, size >> PAGE_SHIFT))
		return -EINVAL;
	if (addr != vma->vm_start || addr + size != vma->vm_end) {
		if (pfnmap_setup_cachemode(pfn, size, &prot))
			return -EINVAL;
		return remap_pfn_range_notrack(vma, addr, pfn, size, prot);
	}
	err = vma_pfnmap_track(vma, pfn, size, &prot);
	if (err)
		return err;
	err = remap_pfn_range_notrack(vma, addr, pfn, size, prot);
	if (err)
		vma_pfnmap_track_undo(vma, pfn, size);
	return err;
}

void remap_pfn_range_prepare(struct vm_area_desc *desc, unsigned long pfn)
{
	if (is_cow_mapping(desc->vm_flags))
		desc->pgoff = pfn;
	desc->vm_flags |= VMA_REMAP_FLAGS;
	desc->action = (struct mmap_action) {
		.type = MMAP_REMAP_PFN, .pfn = pfn,
		.nr_pages = (desc->end - desc->start) >> PAGE_SHIFT,
	};
}

/* ---- vmf_insert_pfn / vmf_insert_mixed -------------------------------- */

static bool vm_mixed_zeropage_allowed(struct vm_area_struct *vma)
{
	if (!current_machine()->profile.zero_page)
		return false;
	if (is_cow_mapping(vma->vm_flags))
		return true;
	if (!(vma->vm_flags & (VM_WRITE | VM_MAYWRITE)))
		return true;
	return vma->vm_ops && vma->vm_ops->pfn_mkwrite && (vma->vm_flags & VM_IO);
}

/*
 * insert_pfn - a special entry for @pfn at @addr.  An existing entry is
 * left alone, unless @mkwrite and it maps the same PFN: then it is made
 * young, dirty and writable (the pfn_mkwrite upgrade).
 */
static vm_fault_t insert_pfn(struct vm_area_struct *vma, unsigned long addr,
			     unsigned long pfn, pgprot_t prot, bool mkwrite)
{
	pte_t *ptep = walk_to_pte_alloc(vma->vm_mm, addr);
	pte_t entry;

	if (!ptep)
		return VM_FAULT_OOM;
	entry = ptep_get(ptep);
	if (!pte_none(entry)) {
		if (mkwrite && pte_pfn(entry) == pfn) {
			entry = pte_mkwrite(pte_mkdirty(pte_mkyoung(entry)));
			set_pte_at(vma->vm_mm, addr, ptep, entry);
		}
		return VM_FAULT_NOPAGE;
	}
	entry = pte_mkspecial(pfn_pte(pfn, prot));
	if (mkwrite)
		entry = pte_mkwrite(pte_mkdirty(pte_mkyoung(entry)));
	set_pte_at(vma->vm_mm, addr, ptep, entry);
	count_entry(vma);
	return VM_FAULT_NOPAGE;
}

/* The kernel's BUG_ON()s of vmf_insert_pfn_prot(). */
static bool vmf_insert_pfn_misuse(struct vm_area_struct *vma, unsigned long pfn)
{
	vm_flags_t f = vma->vm_flags;

	if (!(f & (VM_PFNMAP | VM_MIXEDMAP)))
		return true;
	if ((f & (VM_PFNMAP | VM_MIXEDMAP)) == (VM_PFNMAP | VM_MIXEDMAP))
		return true;
	if ((f & VM_PFNMAP) && is_cow_mapping(f))
		return true;
	return (f & VM_MIXEDMAP) && pfn_valid(pfn);
}

vm_fault_t vmf_insert_pfn_prot(struct vm_area_struct *vma, unsigned long addr,
			       unsigned long pfn, pgprot_t pgprot)
{
	if (vmf_insert_pfn_misuse(vma, pfn) || !pfn_range_in_physmem(vma, pfn, 1))
		return VM_FAULT_SIGBUS;
	if (addr < vma->vm_start || addr >= vma->vm_end)
		return VM_FAULT_SIGBUS;
	return insert_pfn(vma, addr, pfn, pgprot, false);
}

vm_fault_t vmf_insert_pfn(struct vm_area_struct *vma, unsigned long addr,
			  unsigned long pfn)
{
	return vmf_insert_pfn_prot(vma, addr, pfn, vma->vm_page_prot);
}

/* vm_mixed_ok: these mirror what vm_normal_page() will accept. */
static bool vm_mixed_ok(struct vm_area_struct *vma, unsigned long pfn,
			bool mkwrite)
{

	if (is_zero_pfn(pfn) &&
	    (mkwrite || !(vma->vm_flags & VM_MIXEDMAP) ||
	     !vm_mixed_zeropage_allowed(vma)))
		return false;
	if (vma->vm_flags & VM_MIXEDMAP)
		return true;
	return is_zero_pfn(pfn);
}

static vm_fault_t __vm_insert_mixed(struct vm_area_struct *vma,
				    unsigned long addr, unsigned long pfn,
				    bool mkwrite)
{
	if (!vm_mixed_ok(vma, pfn, mkwrite) || !pfn_range_in_physmem(vma, pfn, 1))
		return VM_FAULT_SIGBUS;
	if (addr < vma->vm_start || addr >= vma->vm_end)
		return VM_FAULT_SIGBUS;
	/* x86 has pte_special: even a pfn with struct page is mapped special */
	return insert_pfn(vma, addr, pfn, vma->vm_page_prot, mkwrite);
}

vm_fault_t vmf_insert_mixed(struct vm_area_struct *vma, unsigned long addr,
			    unsigned long pfn)
{
	return __vm_insert_mixed(vma, addr, pfn, false);
}

vm_fault_t vmf_insert_mixed_mkwrite(struct vm_area_struct *vma,
				    unsigned long addr, unsigned long pfn)
{
	return __vm_insert_mixed(vma, addr, pfn, true);
}

/* ---- huge special entries --------------------------------------------- */

static bool huge_insert_ok(struct vm_fault *vmf, unsigned long size)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long haddr = vmf->address & ~(size - 1);

	if (!(vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)))
		return false;	/* BUG_ON */
	if ((vma->vm_flags & VM_PFNMAP) && is_cow_mapping(vma->vm_flags))
		return false;	/* BUG_ON */
	return haddr >= vma->vm_start && haddr + size <= vma->vm_end;
}

/* A present special leaf at a PMD or PUD; an existing one is upgraded. */
static vm_fault_t insert_huge_leaf(struct vm_fault *vmf, uint64_t *e,
				   unsigned long pfn, bool write,
				   unsigned long size)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long addr = vmf->address & ~(size - 1);
	uint64_t val;

	if (*e) {
		if (write && ((*e & PTE_PFN_MASK) >> PAGE_SHIFT) == pfn)
			set_upper_entry(vma->vm_mm, addr, e, *e | _PAGE_RW |
					_PAGE_DIRTY | _PAGE_ACCESSED, size);
		return VM_FAULT_NOPAGE;
	}
	val = (pfn << PAGE_SHIFT) | pgprot_val(vma->vm_page_prot) |
	      _PAGE_PSE | _PAGE_SPECIAL;
	if (write)
		val |= _PAGE_RW | _PAGE_DIRTY | _PAGE_ACCESSED;
	set_upper_entry(vma->vm_mm, addr, e, val, size);
	count_entry(vma);
	return VM_FAULT_NOPAGE;
}

vm_fault_t vmf_insert_pfn_pmd(struct vm_fault *vmf, unsigned long pfn,
			      bool write)
{
	if (!huge_insert_ok(vmf, PMD_SIZE) || !vmf->pmd ||
	    !pfn_range_in_physmem(vmf->vma, pfn, PMD_SIZE >> PAGE_SHIFT))
		return VM_FAULT_SIGBUS;
	if (!pmd_none(*vmf->pmd) && !pmd_leaf(*vmf->pmd))
		return VM_FAULT_FALLBACK;	/* a PTE table is already there */
	return insert_huge_leaf(vmf, &vmf->pmd->pmd, pfn, write, PMD_SIZE);
}

vm_fault_t vmf_insert_pfn_pud(struct vm_fault *vmf, unsigned long pfn,
			      bool write)
{
	if (!huge_insert_ok(vmf, PUD_SIZE) || !vmf->pud ||
	    !pfn_range_in_physmem(vmf->vma, pfn, PUD_SIZE >> PAGE_SHIFT))
		return VM_FAULT_SIGBUS;
	if (!pud_none(*vmf->pud) && !pud_leaf(*vmf->pud))
		return VM_FAULT_FALLBACK;
	return insert_huge_leaf(vmf, &vmf->pud->pud, pfn, write, PUD_SIZE);
}

/* ---- vm_insert_page[s], vm_map_pages ---------------------------------- */

static int validate_page_before_insert(struct vm_area_struct *vma,
				       struct page *page)
{
	struct folio *folio = page_folio(page);

	if (!page_ref_count(page))
		return -EINVAL;
	if (is_zero_pfn(page_to_pfn(page)))
		return vm_mixed_zeropage_allowed(vma) ? 0 : -EINVAL;
	if (folio_test_anon(folio) || PageTable(page) || PageBuddy(page))
		return -EINVAL;
	return 0;
}

static int insert_page(struct vm_area_struct *vma, unsigned long addr,
		       struct page *page, pgprot_t prot)
{
	struct folio *folio = page_folio(page);
	unsigned long pfn = page_to_pfn(page);
	pte_t *ptep;
	int err = validate_page_before_insert(vma, page);

	if (err)
		return err;
	ptep = walk_to_pte_alloc(vma->vm_mm, addr);
	if (!ptep)
		return -ENOMEM;
	if (!pte_none(*ptep))
		return -EBUSY;
	count_entry(vma);
	if (is_zero_pfn(pfn)) {
		set_pte_at(vma->vm_mm, addr, ptep, pte_mkspecial(pfn_pte(pfn, prot)));
		return 0;
	}
	folio_get(folio);
	folio_add_file_rmap_pte(folio, vma);
	set_pte_at(vma->vm_mm, addr, ptep, pfn_pte(pfn, prot));
	return 0;
}

int vm_insert_page(struct vm_area_struct *vma, unsigned long addr,
		   struct page *page)
{
	if (addr < vma->vm_start || addr >= vma->vm_end)
		return -EFAULT;
	if (!(vma->vm_flags & VM_MIXEDMAP)) {
		if (vma->vm_flags & VM_PFNMAP)
			return -EINVAL;		/* BUG_ON in the kernel */
		vm_flags_set(vma, VM_MIXEDMAP);
	}
	return insert_page(vma, addr, page, vma->vm_page_prot);
}

/* *num is left holding the number of pages NOT mapped. */
int vm_insert_pages(struct vm_area_struct *vma, unsigned long addr,
		    struct page **pages, unsigned long *num)
{
	unsigned long n = *num;
	int err = 0;

	if (addr < vma->vm_start || addr + n * PAGE_SIZE > vma->vm_end ||
	    addr + n * PAGE_SIZE < addr)
		return -EFAULT;
	for (unsigned long i = 0; i < n; i++, addr += PAGE_SIZE) {
		err = vm_insert_page(vma, addr, pages[i]);
		if (err)
			break;
		(*num)--;
	}
	return err;
}

/* Map @pages from index vm_pgoff over the whole VMA; -ENXIO if too few. */
int vm_map_pages(struct vm_area_struct *vma, struct page **pages,
		 unsigned long num)
{
	unsigned long count = vma_pages(vma), off = vma->vm_pgoff;

	if (!num || off >= num || count > num - off)
		return -ENXIO;
	for (unsigned long i = 0; i < count; i++) {
		int err = vm_insert_page(vma, vma->vm_start + i * PAGE_SIZE,
					 pages[off + i]);
		if (err)
			return err;
	}
	return 0;
}

/* ---- the mmap_prepare action ------------------------------------------ */

/* Make the first @n entries writable: shared writable VMAs only. */
static void mmap_action_mkwrite(struct vm_area_struct *vma, unsigned long n)
{
	if ((vma->vm_flags & (VM_SHARED | VM_WRITE)) != (VM_SHARED | VM_WRITE))
		return;
	for (unsigned long i = 0; i < n; i++) {
		unsigned long a = vma->vm_start + i * PAGE_SIZE;
		pte_t *ptep = walk_to_pte(vma->vm_mm, a, NULL, NULL);

		if (ptep && pte_present(*ptep))
			set_pte_at(vma->vm_mm, a, ptep,
				   pte_mkwrite(pte_mkdirty(ptep_get(ptep))));
	}
}

/*
 * mmap_action_complete - map what ->mmap_prepare described, with the
 * vm_page_prot that write-notify has already settled.
 */
int mmap_action_complete(struct vm_area_struct *vma, struct mmap_action *action)
{
	unsigned long n = action->nr_pages;
	int err = 0;

	if (n > vma_pages(vma))
		return -EINVAL;
	switch (action->type) {
	case MMAP_NOTHING:
		return 0;
	case MMAP_REMAP_PFN:	/* remap_pfn_range_complete(): tracked */
		err = remap_pfn_range(vma, vma->vm_start, action->pfn,
				      n * PAGE_SIZE, vma->vm_page_prot);
		break;
	case MMAP_INSERT_PAGES:
		err = vm_insert_pages(vma, vma->vm_start, action->pages, &n);
		break;
	}
	if (!err)
		mmap_action_mkwrite(vma, min(action->nr_writable, action->nr_pages));
	else if (action->error_hook)
		err = action->error_hook(err);
	return err;
}
