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

static void clear_soft_dirty_vma(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;

	if (vma->vm_flags & VM_SOFTDIRTY) {
		vma->vm_flags &= ~VM_SOFTDIRTY;
		vma_set_page_prot(vma);
	}
	for (unsigned long a = vma->vm_start; a < vma->vm_end; a += PAGE_SIZE) {
		pmd_t *leaf_pmd = NULL;
		pud_t *leaf_pud = NULL;
		pte_t *ptep = walk_to_pte(mm, a, &leaf_pmd, &leaf_pud);

		if (leaf_pmd && pmd_is_anon_huge(vma, *leaf_pmd)) {
			clear_soft_dirty_pmd(vma, a & PMD_MASK, leaf_pmd);
			a = (a | (PMD_SIZE - 1)) + 1 - PAGE_SIZE;
			continue;
		}
		if (!ptep || !pte_present(*ptep))
			continue;
		set_pte_at(mm, a, ptep,
			   pte_clear_soft_dirty(pte_wrprotect(ptep_get(ptep))));
	}
}

/* Types 1-3: clear the accessed bits and the pages' referenced flags. */
static void clear_young_vma(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;

	for (unsigned long a = vma->vm_start; a < vma->vm_end; a += PAGE_SIZE) {
		pte_t *ptep = walk_to_pte(mm, a, NULL, NULL);
		struct page *page;

		if (!ptep || !pte_present(*ptep))
			continue;
		page = vm_normal_page(vma, a, ptep_get(ptep));
		if (!page)
			continue;
		set_pte_at(mm, a, ptep, pte_mkold(ptep_get(ptep)));
		ClearPageReferenced(&page_folio(page)->page);
	}
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
