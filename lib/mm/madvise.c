// SPDX-License-Identifier: GPL-2.0
/*
 * madvise.c - madvise(2) for the advice the model knows.
 *
 * Advice that only changes flags goes through vma_modify_flags() (split
 * and merge); MADV_DONTNEED zaps; the populate advice faults in.  A hole
 * in the range does not stop the call: the mapped parts are advised and
 * ENOMEM is returned at the end, as in the kernel.
 */
#include <sys/mman.h>

#include "internal.h"

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#define MADV_POPULATE_WRITE 23
#endif

static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL:
	case MADV_WILLNEED: case MADV_DONTNEED: case MADV_DONTFORK:
	case MADV_DOFORK: case MADV_WIPEONFORK: case MADV_KEEPONFORK:
	case MADV_HUGEPAGE: case MADV_NOHUGEPAGE:
	case MADV_POPULATE_READ: case MADV_POPULATE_WRITE:
		return true;
	}
	return false;
}

/* The new flags for @behavior, or -EINVAL; *flags unchanged for no-ops. */
static int madvise_new_flags(struct vm_area_struct *vma, int behavior,
			     vm_flags_t *flags)
{
	vm_flags_t f = vma->vm_flags;

	switch (behavior) {
	case MADV_NORMAL:	f &= ~(VM_RAND_READ | VM_SEQ_READ); break;
	case MADV_SEQUENTIAL:	f = (f & ~VM_RAND_READ) | VM_SEQ_READ; break;
	case MADV_RANDOM:	f = (f & ~VM_SEQ_READ) | VM_RAND_READ; break;
	case MADV_DONTFORK:	f |= VM_DONTCOPY; break;
	case MADV_DOFORK:
		if (f & VM_IO)
			return -EINVAL;
		f &= ~VM_DONTCOPY;
		break;
	case MADV_WIPEONFORK:
		if (vma->vm_file || (f & VM_SHARED))
			return -EINVAL;
		f |= VM_WIPEONFORK;
		break;
	case MADV_KEEPONFORK:	f &= ~VM_WIPEONFORK; break;
	case MADV_HUGEPAGE:	f = (f & ~VM_NOHUGEPAGE) | VM_HUGEPAGE; break;
	case MADV_NOHUGEPAGE:	f = (f & ~VM_HUGEPAGE) | VM_NOHUGEPAGE; break;
	}
	*flags = f;
	return 0;
}

static int madvise_populate(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, bool write)
{
	if (vma->vm_flags & (VM_IO | VM_PFNMAP))
		return -EINVAL;
	if (write ? !(vma->vm_flags & VM_WRITE) : !(vma->vm_flags & VM_READ))
		return -EINVAL;
	return populate_vma_range(vma, start, end, write);
}

static int madvise_vma(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, int behavior)
{
	vm_flags_t flags;
	int err;

	switch (behavior) {
	case MADV_DONTNEED:
		if (vma->vm_flags & (VM_LOCKED | VM_PFNMAP))
			return -EINVAL;
		zap_page_range(vma, start, end);
		return 0;
	case MADV_WILLNEED:
		return 0;
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return madvise_populate(vma, start, end, behavior == MADV_POPULATE_WRITE);
	}
	err = madvise_new_flags(vma, behavior, &flags);
	if (err || flags == vma->vm_flags)
		return err;
	return vma_modify_flags(vma, start, end, flags, &err) ? 0 : err;
}

int sys_madvise(struct task_struct *t, unsigned long start, unsigned long len,
		int behavior)
{
	machine_enter(t->machine);
	struct mm_struct *mm = t->mm;
	unsigned long end;
	int unmapped = 0;

	if (!madvise_behavior_valid(behavior))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	while (start < end) {
		struct vm_area_struct *vma = find_vma(mm, start);
		unsigned long tmp;
		int err;

		if (!vma || vma->vm_start >= end)
			return -ENOMEM;
		if (vma->vm_start > start) {
			unmapped = -ENOMEM;
			start = vma->vm_start;
		}
		tmp = min(vma->vm_end, end);
		err = madvise_vma(vma, start, tmp, behavior);
		if (err)
			return err;
		start = tmp;
	}
	return unmapped;
}
