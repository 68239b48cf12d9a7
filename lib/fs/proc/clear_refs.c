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
 * Without the config, writing 4 does nothing.  Writing 5 (reset the peak
 * RSS) is accepted and does nothing here; 1-3 (clear referenced) are not
 * modelled (-EINVAL).
 */
#include "internal.h"

#define CLEAR_REFS_SOFT_DIRTY	4
#define CLEAR_REFS_MM_HIWATER_RSS 5

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

		if (!ptep || !pte_present(*ptep))
			continue;
		set_pte_at(mm, a, ptep,
			   pte_clear_soft_dirty(pte_wrprotect(ptep_get(ptep))));
	}
}

int clear_refs_write(struct task_struct *t, int type)
{
	struct vm_area_struct *vma;

	if (type == CLEAR_REFS_MM_HIWATER_RSS)
		return 0;
	if (type != CLEAR_REFS_SOFT_DIRTY)
		return -EINVAL;
	if (!t->machine->profile.soft_dirty)
		return 0;
	for_each_vma(t->mm, vma)
		if (!(vma->vm_flags & VM_PFNMAP))
			clear_soft_dirty_vma(vma);
	return 0;
}
