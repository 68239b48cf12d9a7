// SPDX-License-Identifier: GPL-2.0
/*
 * mprotect.c - mprotect(2): new access flags per VMA (split or merged as
 * the kernel would), then the entries rewritten by change_protection(),
 * level by level: a present PTE takes the new protection (keeping its
 * PFN, cache mode and software bits), and where the VMA is writable and
 * no fault is owed (write-notify, soft-dirty, uffd-wp, COW) it is made
 * writable at once; a huge PFN-map leaf at PMD or PUD level takes the new
 * protection as a whole.
 *
 * VMAs are changed one after the other from the start; a hole stops the
 * walk with ENOMEM after the part before it has been changed, as in the
 * kernel.  Under MDWE (prctl) no VMA may become executable or writable
 * and executable (EACCES); a range turning into data must fit
 * RLIMIT_DATA (ENOMEM), and total_vm/data_vm/exec_vm follow the flags.  Making a private mapping writable charges it (VM_ACCOUNT), and
 * an anonymous VMA with no anon_vma made read-only is uncharged: this is
 * visible because VM_ACCOUNT takes part in merging.
 */
#include <limits.h>
#include <sys/mman.h>

#include "internal.h"

#ifndef PROT_SEM
#define PROT_SEM 0x8
#endif

/* ---- change_protection ------------------------------------------------- */

/* Could this entry be made writable now, without the write fault? */
bool can_change_pte_writable(struct vm_area_struct *vma,
			     unsigned long addr, pte_t pte)
{
	struct page *page;

	if (!(vma->vm_flags & VM_WRITE) || pte_protnone(pte))
		return false;
	if (vma_soft_dirty_enabled(vma) && !pte_soft_dirty(pte))
		return false;
	if ((vma->vm_flags & VM_UFFD_WP) && pte_uffd_wp(pte))
		return false;
	if (!(vma->vm_flags & VM_SHARED)) {
		page = vm_normal_page(vma, addr, pte);
		return page && folio_test_anon(page_folio(page)) &&
		       PageAnonExclusive(page);
	}
	return pte_dirty(pte);
}

bool vma_wants_manual_pte_write_upgrade(struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SHARED)
		return vma_wants_writenotify(vma, vma->vm_page_prot);
	return vma->vm_flags & VM_WRITE;
}

/* A huge special leaf keeps its PFN, size and cache mode. */
static uint64_t huge_leaf_modify(uint64_t e, pgprot_t newprot)
{
	uint64_t keep = e & (_PAGE_CHG_MASK | _PAGE_PSE | _PAGE_PAT_LARGE);

	return keep | (pgprot_val(newprot) & ~(_PAGE_CHG_MASK | _PAGE_PAT));
}

static void change_pte_range(struct vm_area_struct *vma, pmd_t *pmd,
			     unsigned long addr, unsigned long end,
			     pgprot_t newprot, bool try_writable)
{
	pte_t *ptep = pte_offset(vma->vm_mm, pmd, addr);

	for (; addr != end; addr += PAGE_SIZE, ptep++) {
		pte_t pte = ptep_get(ptep);

		if (!pte_present(pte))
			continue;
		pte = pte_modify(pte, newprot);
		if (try_writable && !pte_write(pte) &&
		    can_change_pte_writable(vma, addr, pte))
			pte = pte_mkwrite(pte);
		set_pte_at(vma->vm_mm, addr, ptep, pte);
	}
}

static void change_pmd_range(struct vm_area_struct *vma, pud_t *pud,
			     unsigned long addr, unsigned long end,
			     pgprot_t newprot, bool try_writable)
{
	pmd_t *pmd = pmd_offset(vma->vm_mm, pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd))
			continue;
		if (pmd_is_anon_huge(vma, *pmd)) {
			/* a THP: changed whole, or split and changed below */
			if (change_huge_pmd(vma, pmd, addr, next, newprot,
					    try_writable))
				continue;
		} else if (pmd_leaf(*pmd)) {
			set_pmd_at(vma->vm_mm, addr, pmd,
				   __pmd(huge_leaf_modify(pmd_val(*pmd), newprot)));
			continue;
		}
		change_pte_range(vma, pmd, addr, next, newprot, try_writable);
	} while (pmd++, addr = next, addr != end);
}

static void change_pud_range(struct vm_area_struct *vma, pgd_t *pgd,
			     unsigned long addr, unsigned long end,
			     pgprot_t newprot, bool try_writable)
{
	pud_t *pud = pud_offset(vma->vm_mm, pgd, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*pud))
			continue;
		if (pud_leaf(*pud)) {
			set_pud_at(vma->vm_mm, addr, pud,
				   __pud(huge_leaf_modify(pud_val(*pud), newprot)));
			continue;
		}
		change_pmd_range(vma, pud, addr, next, newprot, try_writable);
	} while (pud++, addr = next, addr != end);
}

void change_protection(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, pgprot_t newprot, vm_flags_t newflags)
{
	bool try_writable = vma_wants_manual_pte_write_upgrade(vma);
	unsigned long addr = start, next;
	pgd_t *pgd;

	if (start >= end)
		return;
	pgd = pgd_offset(vma->vm_mm, addr);
	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_none(*pgd))
			change_pud_range(vma, pgd, addr, next, newprot, try_writable);
	} while (pgd++, addr = next, addr != end);
}

/* ---- mprotect(2) ------------------------------------------------------- */

static vm_flags_t prot_to_vm(unsigned long prot)
{
	return ((prot & PROT_READ) ? VM_READ : 0) |
	       ((prot & PROT_WRITE) ? VM_WRITE : 0) |
	       ((prot & PROT_EXEC) ? VM_EXEC : 0);
}

static int mprotect_fixup(struct ma_state *vmi, struct vm_area_struct *vma,
			  unsigned long start, unsigned long end,
			  vm_flags_t newflags)
{
	vm_flags_t oldflags = vma->vm_flags;
	struct mm_struct *mm = vma->vm_mm;
	long nrpages = (end - start) >> PAGE_SHIFT;
	int err;

	if (vma_is_sealed(vma))
		return -EPERM;
	if (newflags == oldflags)
		return 0;
	if (newflags & VM_WRITE) {
		/* RLIMIT_DATA, when the range turns into data */
		if (!may_expand_vm(mm, newflags, nrpages) &&
		    may_expand_vm(mm, oldflags, nrpages))
			return -ENOMEM;
		if (!(oldflags & (VM_ACCOUNT | VM_WRITE | VM_HUGETLB | VM_SHARED |
				  VM_NORESERVE)))
			newflags |= VM_ACCOUNT;
	} else if ((oldflags & VM_ACCOUNT) && vma_is_anonymous(vma) &&
		   !vma->anon_vma) {
		newflags &= ~VM_ACCOUNT;
	}
	vma = vma_modify_flags_at(vmi, vma, start, end, newflags, &err);
	if (!vma)
		return err;
	vm_stat_account(mm, oldflags, -nrpages);
	vm_stat_account(mm, newflags, nrpages);
	vma_set_page_prot(vma);
	change_protection(vma, start, end, vma->vm_page_prot, newflags);
	/*
	 * a locked private mapping becoming writable breaks COW now, unless
	 * locked on fault (populate_vma_page_range() never faults those in);
	 * this populating may not wait for a userfaultfd monitor (no @locked)
	 */
	if ((oldflags & (VM_WRITE | VM_SHARED | VM_LOCKED)) == VM_LOCKED &&
	    (newflags & VM_WRITE) && !(newflags & VM_LOCKONFAULT))
		populate_vma_range(vma, start, end, true, NULL);
	return 0;
}

int sys_mprotect(struct task_struct *t, unsigned long start, unsigned long len,
		 unsigned long prot)
{
	machine_enter(t->machine);
	struct mm_struct *mm = t->mm;
	MA_STATE(vmi, &mm->mm_mt, start, start);
	unsigned long end, nstart;
	struct vm_area_struct *vma;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(unsigned long)(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
		return -EINVAL;
	/* find_vma() with the tree position kept for the first split */
	vma = mas_find(&vmi, ULONG_MAX);
	if (!vma || vma->vm_start > start)
		return -ENOMEM;
	for (nstart = start; nstart < end; ) {
		vm_flags_t newflags;
		unsigned long tmp;
		int err;

		if (!vma || vma->vm_start > nstart)
			return -ENOMEM;
		newflags = (vma->vm_flags & ~VM_ACCESS_FLAGS) | prot_to_vm(prot);
		/* VM_MAY* sit four bits above the flags they allow */
		if ((newflags & ~(newflags >> 4)) & VM_ACCESS_FLAGS)
			return -EACCES;
		if (map_deny_write_exec(mm, vma->vm_flags, newflags))
			return -EACCES;
		tmp = min(vma->vm_end, end);
		err = mprotect_fixup(&vmi, vma, nstart, tmp, newflags);
		if (err)
			return err;
		nstart = tmp;
		if (nstart < end)
			vma = find_vma(mm, nstart);
	}
	return 0;
}
