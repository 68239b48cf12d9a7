// SPDX-License-Identifier: GPL-2.0
/*
 * mprotect.c - mprotect(2): new access flags per VMA (split or merged as
 * the kernel would), then the entries rewritten by change_protection().
 *
 * VMAs are changed one after the other from the start; a hole stops the
 * walk with ENOMEM after the part before it has been changed, as in the
 * kernel.  Under MDWE (prctl) no VMA may become executable or writable
 * and executable (EACCES); a range turning into data must fit
 * RLIMIT_DATA (ENOMEM), and total_vm/data_vm/exec_vm follow the flags.  Making a private mapping writable charges it (VM_ACCOUNT), and
 * an anonymous VMA with no anon_vma made read-only is uncharged: this is
 * visible because VM_ACCOUNT takes part in merging.
 */
#include <sys/mman.h>

#include "internal.h"

#ifndef PROT_SEM
#define PROT_SEM 0x8
#endif

static vm_flags_t prot_to_vm(unsigned long prot)
{
	return ((prot & PROT_READ) ? VM_READ : 0) |
	       ((prot & PROT_WRITE) ? VM_WRITE : 0) |
	       ((prot & PROT_EXEC) ? VM_EXEC : 0);
}

static int mprotect_fixup(struct vm_area_struct *vma, unsigned long start,
			  unsigned long end, vm_flags_t newflags)
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
	vma = vma_modify_flags(vma, start, end, newflags, &err);
	if (!vma)
		return err;
	vm_stat_account(mm, oldflags, -nrpages);
	vm_stat_account(mm, newflags, nrpages);
	vma_set_page_prot(vma);
	change_protection(vma, start, end, vma->vm_page_prot, newflags);
	/* a locked private mapping becoming writable breaks COW now */
	if ((oldflags & (VM_WRITE | VM_SHARED | VM_LOCKED)) == VM_LOCKED &&
	    (newflags & VM_WRITE))
		populate_vma_range(vma, start, end, true);
	return 0;
}

int sys_mprotect(struct task_struct *t, unsigned long start, unsigned long len,
		 unsigned long prot)
{
	machine_enter(t->machine);
	struct mm_struct *mm = t->mm;
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
	vma = find_vma(mm, start);
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
		err = mprotect_fixup(vma, nstart, tmp, newflags);
		if (err)
			return err;
		nstart = tmp;
		vma = find_vma(mm, nstart);
	}
	return 0;
}
