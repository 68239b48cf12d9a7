// SPDX-License-Identifier: GPL-2.0
/*
 * clear_refs.c - soft-dirty tracking (CONFIG_MEM_SOFT_DIRTY, the profile's
 * soft_dirty): /proc/PID/clear_refs.  Writing 4 clears VM_SOFTDIRTY on
 * every VMA (vm_page_prot is recomputed: shared writable mappings then
 * want write-notify) and clears soft-dirty in every present entry while
 * write-protecting it, so the next write faults and sets soft-dirty
 * again.  The rest of soft-dirty lives where the kernel has it: new VMAs
 * get VM_SOFTDIRTY (mmap.c), faults that dirty set the bit (memory.c),
 * mprotect keeps it and does not map clean entries writable
 * (can_change_pte_writable), pagemap reports it as bit 55 (task_mmu.c).
 * Without the config, writing 4 does nothing.  Writing 1, 2 or 3 clears
 * the accessed bit of the entries and the referenced flag of the pages
 * they map (smaps Referenced) in every VMA, the anonymous ones or those
 * with a file; 5 resets the peak RSS (VmHWM) to the current RSS;
 * any other value is -EINVAL.  PFN maps are left alone.
 */
#include "internal.h"

#define CLEAR_REFS_ALL		1
#define CLEAR_REFS_ANON		2
#define CLEAR_REFS_MAPPED	3
#define CLEAR_REFS_SOFT_DIRTY	4
#define CLEAR_REFS_MM_HIWATER_RSS 5
#define CLEAR_REFS_LAST		6

/* Type 4 below a table: write-protect present entries, clear soft-dirty. */
static int clear_soft_dirty_pte(pte_t *ptep, unsigned long addr,
				unsigned long next, struct mm_walk *walk)
{
	if (pte_present(*ptep))
		set_pte_at(walk->mm, addr, ptep,
			   pte_clear_soft_dirty(pte_wrprotect(ptep_get(ptep))));
	return 0;
}

static int clear_soft_dirty_pmd_entry(pmd_t *pmd, unsigned long addr,
				      unsigned long next, struct mm_walk *walk)
{
	if (pmd_leaf(*pmd) && pmd_is_anon_huge(walk->vma, *pmd))
		clear_soft_dirty_pmd(walk->vma, addr & PMD_MASK, pmd);
	return 0;
}

static const struct mm_walk_ops clear_soft_dirty_ops = {
	.pmd_entry = clear_soft_dirty_pmd_entry,
	.pte_entry = clear_soft_dirty_pte,
};

static void clear_soft_dirty_vma(struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SOFTDIRTY) {
		vma->vm_flags &= ~VM_SOFTDIRTY;
		vma_set_page_prot(vma);
	}
	walk_page_vma(vma, &clear_soft_dirty_ops, NULL);
}

/* Types 1-3: make the entry old and clear its folio's referenced flag. */
static int clear_young_pte(pte_t *ptep, unsigned long addr,
			   unsigned long next, struct mm_walk *walk)
{
	struct page *page;

	if (!pte_present(*ptep))
		return 0;
	page = vm_normal_page(walk->vma, addr, ptep_get(ptep));
	if (!page)
		return 0;
	set_pte_at(walk->mm, addr, ptep, pte_mkold(ptep_get(ptep)));
	ClearPageReferenced(&page_folio(page)->page);
	return 0;
}

/* A PMD-mapped THP: the same for the PMD and its folio. */
static int clear_young_pmd_entry(pmd_t *pmd, unsigned long addr,
				 unsigned long next, struct mm_walk *walk)
{
	struct page *page;

	if (!pmd_leaf(*pmd))
		return 0;
	page = vm_normal_page_pmd(walk->vma, addr & PMD_MASK, *pmd);
	if (!page)
		return 0;
	set_pmd_at(walk->mm, addr & PMD_MASK, pmd, pmd_mkold(*pmd));
	ClearPageReferenced(&page_folio(page)->page);
	return 0;
}

static const struct mm_walk_ops clear_young_ops = {
	.pmd_entry = clear_young_pmd_entry,
	.pte_entry = clear_young_pte,
};

static void clear_young_vma(struct vm_area_struct *vma)
{
	walk_page_vma(vma, &clear_young_ops, NULL);
}

/* clear_refs_test_walk(): which VMAs a type touches. */
static bool clear_refs_vma(struct vm_area_struct *vma, int type)
{
	if (vma->vm_flags & VM_PFNMAP)
		return false;
	if (type == CLEAR_REFS_ANON && vma->vm_file)
		return false;
	if (type == CLEAR_REFS_MAPPED && !vma->vm_file)
		return false;
	return true;
}

int clear_refs_write(struct task_struct *t, int type)
{
	struct vm_area_struct *vma;

	machine_enter(t->machine);
	if (type < CLEAR_REFS_ALL || type >= CLEAR_REFS_LAST)
		return -EINVAL;
	if (type == CLEAR_REFS_MM_HIWATER_RSS) {
		/* reset_mm_hiwater_rss() */
		t->mm->hiwater_rss = get_mm_rss(t->mm);
		return 0;
	}
	if (type == CLEAR_REFS_SOFT_DIRTY && !t->machine->profile.soft_dirty)
		return 0;
	for_each_vma(t->mm, vma) {
		if (!clear_refs_vma(vma, type))
			continue;
		if (type == CLEAR_REFS_SOFT_DIRTY)
			clear_soft_dirty_vma(vma);
		else
			clear_young_vma(vma);
	}
	return 0;
}
