// SPDX-License-Identifier: GPL-2.0
/*
 * mlock.c - mlock(2) and munlock(2): VM_LOCKED per VMA, then population.
 *
 * The start may be unaligned (it is rounded down and the length up, as
 * the kernel does).  VM_SPECIAL VMAs are passed over silently.  A hole in
 * the range is ENOMEM.  The caller is root, so RLIMIT_MEMLOCK never
 * applies.
 */
#include "internal.h"

static int mlock_fixup(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, vm_flags_t newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	vm_flags_t oldflags = vma->vm_flags;
	long npages = (end - start) >> PAGE_SHIFT;
	int err;

	if (newflags == oldflags || (oldflags & VM_SPECIAL))
		return 0;
	vma = vma_modify_flags(vma, start, end, newflags, &err);
	if (!vma)
		return err;
	if ((newflags & VM_LOCKED) && !(oldflags & VM_LOCKED))
		mm->locked_vm += npages;
	else if (!(newflags & VM_LOCKED) && (oldflags & VM_LOCKED))
		mm->locked_vm -= npages;
	return 0;
}

static int apply_vma_lock_flags(struct mm_struct *mm, unsigned long start,
				unsigned long len, vm_flags_t flags)
{
	unsigned long end = start + len, nstart = start;
	struct vm_area_struct *vma;

	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	vma = vma_lookup(mm, start);
	if (!vma)
		return -ENOMEM;
	while (nstart < end) {
		unsigned long tmp;
		int err;

		if (!vma || vma->vm_start > nstart)
			return -ENOMEM;
		tmp = min(vma->vm_end, end);
		err = mlock_fixup(vma, nstart, tmp,
				  (vma->vm_flags & ~VM_LOCKED_MASK) | flags);
		if (err)
			return err;
		nstart = tmp;
		vma = find_vma(mm, nstart);
	}
	return 0;
}

int sys_mlock(struct task_struct *t, unsigned long start, unsigned long len)
{
	machine_enter(t->machine);
	int err;

	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	err = apply_vma_lock_flags(t->mm, start, len, VM_LOCKED);
	if (err)
		return err;
	err = __mm_populate(t->mm, start, len, false);
	/* mlock reports population failure as POSIX asks */
	if (err == -ENOMEM)
		return -EAGAIN;
	if (err == -EFAULT)
		return -ENOMEM;
	return err;
}

int sys_munlock(struct task_struct *t, unsigned long start, unsigned long len)
{
	machine_enter(t->machine);
	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	return apply_vma_lock_flags(t->mm, start, len, 0);
}
