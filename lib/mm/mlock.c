// SPDX-License-Identifier: GPL-2.0
/*
 * mlock.c - mlock(2), mlock2(2), munlock(2), mlockall(2), munlockall(2):
 * VM_LOCKED (and VM_LOCKONFAULT for MLOCK_ONFAULT / MCL_ONFAULT) per VMA,
 * then population, which lock-on-fault VMAs skip: their pages are locked
 * as they fault in.
 *
 * The start may be unaligned (it is rounded down and the length up, as
 * the kernel does).  VMAs that cannot be locked (vma_supports_mlock():
 * VM_SPECIAL and VM_DROPPABLE ones) are passed over silently, by mlock
 * and by a mapping born under MCL_FUTURE alike.  A hole in
 * the range is ENOMEM.  RLIMIT_MEMLOCK bounds mm->locked_vm unless the
 * process has CAP_IPC_LOCK: a range is charged only for the pages not
 * locked already, a limit of 0 forbids mlock altogether (EPERM), and
 * mlockall(MCL_CURRENT) needs the whole address space (total_vm) to fit.
 * MCL_FUTURE puts VM_LOCKED into mm->def_flags, so later mappings are
 * born locked and charged (mmap's EAGAIN).
 */
#include <sys/mman.h>
#include <sys/resource.h>

#include "internal.h"

#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT	0x01
#endif
#ifndef MCL_ONFAULT
#define MCL_ONFAULT	4
#endif

bool can_do_mlock(struct task_struct *t)
{
	return task_rlimit(t, RLIMIT_MEMLOCK) != 0 ||
	       has_capability(t, CAP_IPC_LOCK);
}

bool mlock_future_ok(struct mm_struct *mm, vm_flags_t flags, unsigned long bytes)
{
	unsigned long locked, limit;

	if (!(flags & VM_LOCKED) || has_capability(mm->owner, CAP_IPC_LOCK))
		return true;
	locked = (bytes >> PAGE_SHIFT) + mm->locked_vm;
	limit = task_rlimit(mm->owner, RLIMIT_MEMLOCK) >> PAGE_SHIFT;
	return locked <= limit;
}

/*
 * vma_supports_mlock - whether VM_LOCKED may be set on @vma: never on a
 * VM_SPECIAL (PFN, mixed, I/O) or VM_DROPPABLE mapping.  mlock_fixup()
 * leaves those alone and mmap clears VM_LOCKED inherited from def_flags
 * (Linux 6.11 for mlock; the mmap side is 6.18.y's stable fix
 * "mm: prevent droppable mappings from being locked", d239462787b0,
 * which the host runs).  The model has no hugetlb, DAX or gate VMA.
 */
bool vma_supports_mlock(const struct vm_area_struct *vma)
{
	return !(vma->vm_flags & (VM_SPECIAL | VM_DROPPABLE));
}

static int mlock_fixup(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, vm_flags_t newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	vm_flags_t oldflags = vma->vm_flags;
	long npages = (end - start) >> PAGE_SHIFT;
	int err;

	/* secretmem stays locked: munlock passes over it too */
	if (newflags == oldflags || vma_is_secretmem(vma) || !vma_supports_mlock(vma))
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

/* Pages of [start, start+len) already in VM_LOCKED VMAs. */
static unsigned long count_mm_mlocked_page_nr(struct mm_struct *mm,
					      unsigned long start,
					      unsigned long len)
{
	unsigned long end = start + len, count = 0;
	struct vm_area_struct *vma;

	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma_next(vma))
		if (vma->vm_flags & VM_LOCKED)
			count += (min(end, vma->vm_end) - max(start, vma->vm_start)) >> PAGE_SHIFT;
	return count;
}

static int do_mlock(struct task_struct *t, unsigned long start,
		    unsigned long len, vm_flags_t flags)
{
	struct mm_struct *mm = t->mm;
	unsigned long locked, lock_limit;
	int err = -ENOMEM;

	if (!can_do_mlock(t))
		return -EPERM;
	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	lock_limit = task_rlimit(t, RLIMIT_MEMLOCK) >> PAGE_SHIFT;
	locked = (len >> PAGE_SHIFT) + mm->locked_vm;
	if (locked > lock_limit && !has_capability(t, CAP_IPC_LOCK))
		locked -= count_mm_mlocked_page_nr(mm, start, len);
	if (locked <= lock_limit || has_capability(t, CAP_IPC_LOCK))
		err = apply_vma_lock_flags(mm, start, len, flags);
	if (err)
		return err;
	err = __mm_populate(mm, start, len, false);
	/* mlock reports population failure as POSIX asks */
	if (err == -ENOMEM)
		return -EAGAIN;
	if (err == -EFAULT)
		return -ENOMEM;
	return err;
}

int sys_mlock(struct task_struct *t, unsigned long start, unsigned long len)
{
	machine_enter(t->machine);
	return do_mlock(t, start, len, VM_LOCKED);
}

int sys_mlock2(struct task_struct *t, unsigned long start, unsigned long len,
	       unsigned int flags)
{
	vm_flags_t vm_flags = VM_LOCKED;

	machine_enter(t->machine);
	if (flags & ~MLOCK_ONFAULT)
		return -EINVAL;
	if (flags & MLOCK_ONFAULT)
		vm_flags |= VM_LOCKONFAULT;
	return do_mlock(t, start, len, vm_flags);
}

int sys_munlock(struct task_struct *t, unsigned long start, unsigned long len)
{
	machine_enter(t->machine);
	len = PAGE_ALIGN(len + (start & ~PAGE_MASK));
	start &= PAGE_MASK;
	return apply_vma_lock_flags(t->mm, start, len, 0);
}

/*
 * MCL_FUTURE sets (or MCL_ONFAULT adjusts) def_flags; MCL_CURRENT locks
 * every VMA now; flags 0 (munlockall) clears both.
 */
static int apply_mlockall_flags(struct mm_struct *mm, int flags)
{
	struct vm_area_struct *vma, *next;
	vm_flags_t to_add = 0;

	mm->def_flags &= ~VM_LOCKED_MASK;
	if (flags & MCL_FUTURE) {
		mm->def_flags |= VM_LOCKED;
		if (flags & MCL_ONFAULT)
			mm->def_flags |= VM_LOCKONFAULT;
		if (!(flags & MCL_CURRENT))
			return 0;
	}
	if (flags & MCL_CURRENT) {
		to_add |= VM_LOCKED;
		if (flags & MCL_ONFAULT)
			to_add |= VM_LOCKONFAULT;
	}
	for (vma = vma_first(mm); vma; vma = next) {
		unsigned long start = vma->vm_start, end = vma->vm_end;
		int err;

		err = mlock_fixup(vma, start, end,
				  (vma->vm_flags & ~VM_LOCKED_MASK) | to_add);
		if (err)
			return err;
		/* a merge may have grown the VMA past @end: go on from there */
		next = find_vma(mm, end);
	}
	return 0;
}

int sys_mlockall(struct task_struct *t, int flags)
{
	struct mm_struct *mm = t->mm;
	unsigned long lock_limit;
	int err = -ENOMEM;

	machine_enter(t->machine);
	if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) ||
	    flags == MCL_ONFAULT)
		return -EINVAL;
	if (!can_do_mlock(t))
		return -EPERM;
	lock_limit = task_rlimit(t, RLIMIT_MEMLOCK) >> PAGE_SHIFT;
	if (!(flags & MCL_CURRENT) || mm->total_vm <= lock_limit ||
	    has_capability(t, CAP_IPC_LOCK))
		err = apply_mlockall_flags(mm, flags);
	if (!err && (flags & MCL_CURRENT))
		__mm_populate(mm, 0, TASK_SIZE, true);
	return err;
}

int sys_munlockall(struct task_struct *t)
{
	machine_enter(t->machine);
	return apply_mlockall_flags(t->mm, 0);
}
