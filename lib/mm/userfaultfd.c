// SPDX-License-Identifier: GPL-2.0
/*
 * userfaultfd.c - userfaultfd write-protect, modestly: each mm has one
 * implicit userfaultfd.  UFFDIO_REGISTER (mode WP) sets VM_UFFD_WP on a
 * range, UFFDIO_WRITEPROTECT sets (or resolves) the uffd-wp software bit
 * of the present entries and write-protects them, and a write fault on
 * such an entry is reported to the monitor (handle_userfault) instead of
 * completing: the faulting access returns UACCESS_UFFD_WP, the scenario
 * sees `uffd-wp`.  Resolving clears the bit; the next write then takes an
 * ordinary write fault (reuse or copy).  No missing-mode faults, no
 * markers for unpopulated entries (UFFD_FEATURE_WP_UNPOPULATED), no fork
 * event: a child's VMAs lose VM_UFFD_* as without UFFD_FEATURE_EVENT_FORK.
 */
#include "internal.h"

bool userfaultfd_pte_wp(struct vm_area_struct *vma, pte_t pte)
{
	return (vma->vm_flags & VM_UFFD_WP) && pte_uffd_wp(pte);
}

vm_fault_t handle_userfault(struct vm_fault *vmf, unsigned long reason)
{
	return VM_FAULT_RETRY;	/* the task now waits for the monitor */
}

/* vma_can_userfault() for WP: anonymous or shmem, no PFN/mixed map. */
static bool vma_can_userfault(struct vm_area_struct *vma)
{
	if (vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP | VM_IO))
		return false;
	return vma_is_anonymous(vma) || vma_is_shmem(vma);
}

/* The range must be aligned, inside the address space, and without holes. */
static int uffd_check_range(struct mm_struct *mm, unsigned long start,
			    unsigned long len, bool registered)
{
	unsigned long end = start + len, addr = start;
	struct vm_area_struct *vma;

	if ((start | len) & ~PAGE_MASK || !len || start >= TASK_SIZE ||
	    len > TASK_SIZE - start)
		return -EINVAL;
	for (vma = find_vma(mm, start); addr < end; vma = vma_next(vma)) {
		if (!vma || vma->vm_start > addr)
			return registered ? -ENOENT : -EINVAL;
		if (registered ? !(vma->vm_flags & VM_UFFD_WP) : !vma_can_userfault(vma))
			return registered ? -ENOENT : -EINVAL;
		addr = vma->vm_end;
	}
	return 0;
}

int uffd_register_wp(struct task_struct *t, unsigned long start,
		     unsigned long len)
{
	struct mm_struct *mm = t->mm;
	unsigned long end = start + len, addr = start;
	int err = uffd_check_range(mm, start, len, false);

	while (!err && addr < end) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		unsigned long e = min(end, vma->vm_end);

		if (!(vma->vm_flags & VM_UFFD_WP) &&
		    !vma_modify_flags(vma, addr, e, vma->vm_flags | VM_UFFD_WP, &err))
			break;
		addr = e;
	}
	return err;
}

/* UFFDIO_WRITEPROTECT: @wp sets the bit (and write-protects), else clears. */
int uffd_writeprotect(struct task_struct *t, unsigned long start,
		      unsigned long len, bool wp)
{
	struct mm_struct *mm = t->mm;
	int err = uffd_check_range(mm, start, len, true);

	if (err)
		return err;
	for (unsigned long a = start; a < start + len; a += PAGE_SIZE) {
		pte_t *ptep = walk_to_pte(mm, a, NULL, NULL);
		pte_t pte;

		if (!ptep || !pte_present(*ptep))
			continue;
		pte = ptep_get(ptep);
		pte = wp ? pte_mkuffd_wp(pte_wrprotect(pte)) : pte_clear_uffd_wp(pte);
		set_pte_at(mm, a, ptep, pte);
	}
	return 0;
}
