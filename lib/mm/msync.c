// SPDX-License-Identifier: GPL-2.0
/*
 * msync.c - msync(2).  Modern Linux has nothing to write back from the
 * page tables: MS_SYNC asks each shared file mapping's file to fsync the
 * range (shmem: nothing to do; a device without ->fsync: EINVAL),
 * MS_ASYNC does nothing, MS_INVALIDATE only refuses locked mappings
 * (EBUSY).  Holes in the range are skipped and reported as ENOMEM at the
 * end; with plain MS_ASYNC the first hole ends the call.
 */
#include <sys/mman.h>

#include "internal.h"

static int vfs_fsync_range(struct file *file, loff_t start, loff_t end)
{
	if (!file->f_op->fsync)
		return -EINVAL;
	return file->f_op->fsync(file, start, end, 1);
}

int sys_msync(struct task_struct *t, unsigned long start, unsigned long len,
	      int flags)
{
	struct mm_struct *mm = t->mm;
	struct vm_area_struct *vma;
	int unmapped_error = 0;
	unsigned long end;

	machine_enter(t->machine);
	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;
	for (vma = find_vma(mm, start); ; vma = find_vma(mm, start)) {
		struct file *file;
		loff_t fstart, fend;

		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {
			if (flags == MS_ASYNC)
				return -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				return -ENOMEM;
			unmapped_error = -ENOMEM;
		}
		if ((flags & MS_INVALIDATE) && (vma->vm_flags & VM_LOCKED))
			return -EBUSY;
		file = vma->vm_file;
		fstart = (loff_t)(start - vma->vm_start) +
			 ((loff_t)vma->vm_pgoff << PAGE_SHIFT);
		fend = fstart + (loff_t)(min(end, vma->vm_end) - start) - 1;
		start = vma->vm_end;
		if ((flags & MS_SYNC) && file && (vma->vm_flags & VM_SHARED)) {
			int err = vfs_fsync_range(file, fstart, fend);

			if (err)
				return err;
		}
		if (start >= end)
			return unmapped_error;
	}
}
