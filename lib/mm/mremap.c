// SPDX-License-Identifier: GPL-2.0
/*
 * mremap.c - mremap(2): shrink, grow in place, or move (MREMAP_MAYMOVE,
 * MREMAP_FIXED, MREMAP_DONTUNMAP).
 *
 * A move creates (or merges into) a VMA at the destination with the same
 * pgoff, moves the entries there unchanged - rmap, counts and contents
 * move with them, and anonymous folios keep their index because the new
 * VMA keeps vm_pgoff - then unmaps the source.  VM_DONTEXPAND and PFN
 * maps cannot grow (EFAULT); a driver's may_split can refuse partial
 * moves.
 */
#include <sys/mman.h>

#include "internal.h"

#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif

static void move_ptes(struct vm_area_struct *vma, unsigned long old_addr,
		      struct vm_area_struct *new_vma, unsigned long new_addr,
		      unsigned long len)
{
	for (unsigned long off = 0; off < len; off += PAGE_SIZE) {
		pte_t *src = walk_to_pte(vma->vm_mm, old_addr + off, NULL, NULL);
		pte_t *dst;
		pte_t pte;

		if (!src || pte_none(*src))
			continue;
		dst = walk_to_pte_alloc(new_vma->vm_mm, new_addr + off);
		VM_BUG_ON(!dst);	/* preallocated by the caller */
		pte = ptep_get_and_clear(vma->vm_mm, old_addr + off, src);
		set_pte_at(new_vma->vm_mm, new_addr + off, dst, pte);
	}
}

/* Allocate every table the destination needs, so the move cannot fail. */
static int prealloc_tables(struct mm_struct *mm, unsigned long addr,
			   unsigned long len)
{
	for (unsigned long a = addr; a < addr + len; a = (a | (PMD_SIZE - 1)) + 1)
		if (!walk_to_pte_alloc(mm, a))
			return -ENOMEM;
	return 0;
}

static long move_vma(struct vm_area_struct *vma, unsigned long old_addr,
		     unsigned long old_len, unsigned long new_len,
		     unsigned long new_addr, unsigned long flags)
{
	struct mm_struct *mm = vma->vm_mm;
	pgoff_t pgoff = vma->vm_pgoff + ((old_addr - vma->vm_start) >> PAGE_SHIFT);
	struct vm_area_struct *new_vma;
	int err;

	if (vma->vm_start != old_addr && (err = vma_can_split(vma, old_addr)))
		return err;
	if (vma->vm_end != old_addr + old_len &&
	    (err = vma_can_split(vma, old_addr + old_len)))
		return err;
	if (mm->map_count >= 65530 - 3)
		return -ENOMEM;
	if (prealloc_tables(mm, new_addr, old_len))
		return -ENOMEM;
	new_vma = copy_vma(vma, new_addr, new_len, pgoff);
	if (!new_vma)
		return -ENOMEM;
	move_ptes(vma, old_addr, new_vma, new_addr, old_len);
	if (new_vma->vm_ops && new_vma->vm_ops->mremap)
		new_vma->vm_ops->mremap(new_vma);
	vm_stat_account(mm, new_vma->vm_flags, (long)(new_len >> PAGE_SHIFT));
	if (new_vma->vm_flags & VM_LOCKED)
		mm->locked_vm += new_len >> PAGE_SHIFT;
	if (!(flags & MREMAP_DONTUNMAP))
		do_munmap(mm, old_addr, old_len);
	if ((new_vma->vm_flags & VM_LOCKED) && new_len > old_len)
		__mm_populate(mm, new_addr + old_len, new_len - old_len, true);
	return new_addr;
}

/* The VMA at @addr, checked for a resize from old_len to new_len. */
static struct vm_area_struct *vma_to_resize(struct mm_struct *mm,
					    unsigned long addr,
					    unsigned long old_len,
					    unsigned long new_len, int *err)
{
	struct vm_area_struct *vma = vma_lookup(mm, addr);
	pgoff_t pgoff;

	*err = -EFAULT;
	if (!vma || old_len > vma->vm_end - addr)
		return NULL;
	if (new_len == old_len)
		return vma;
	pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	*err = -EINVAL;
	if (pgoff + (new_len >> PAGE_SHIFT) < pgoff)
		return NULL;
	*err = -EFAULT;
	if (new_len > old_len && (vma->vm_flags & (VM_DONTEXPAND | VM_PFNMAP)))
		return NULL;
	*err = 0;
	return vma;
}

static long mremap_to(struct mm_struct *mm, unsigned long addr,
		      unsigned long old_len, unsigned long new_len,
		      unsigned long new_addr, unsigned long flags)
{
	struct vm_area_struct *vma;
	int err;

	if (new_addr & ~PAGE_MASK)
		return -EINVAL;
	if (new_len > TASK_SIZE || new_addr > TASK_SIZE - new_len)
		return -EINVAL;
	if (addr + old_len > new_addr && new_addr + new_len > addr)
		return -EINVAL;
	if ((flags & MREMAP_DONTUNMAP) && old_len != new_len)
		return -EINVAL;
	vma = vma_to_resize(mm, addr, old_len, new_len, &err);
	if (!vma)
		return err;
	err = do_munmap(mm, new_addr, new_len);
	if (err)
		return err;
	if (old_len > new_len) {
		err = do_munmap(mm, addr + new_len, old_len - new_len);
		if (err)
			return err;
		old_len = new_len;
	}
	vma = vma_lookup(mm, addr);
	if (!vma)
		return -EFAULT;
	return move_vma(vma, addr, old_len, new_len, new_addr, flags);
}

/* Grow @vma in place up to addr+new_len if nothing lies in the way. */
static bool vma_expand_in_place(struct vm_area_struct *vma, unsigned long end)
{
	struct vm_area_struct *next = vma_next(vma);
	struct mm_struct *mm = vma->vm_mm;
	long delta = (long)((end - vma->vm_end) >> PAGE_SHIFT);

	if ((next && next->vm_start < end) || end > TASK_SIZE)
		return false;
	if (next && next->vm_start == end && !next->vm_ops &&
	    !((next->vm_flags ^ vma->vm_flags) & ~VM_IGNORE_MERGE) &&
	    next->vm_file == vma->vm_file && next->vm_pgoff ==
	    vma->vm_pgoff + ((end - vma->vm_start) >> PAGE_SHIFT) &&
	    (!next->anon_vma || next->anon_vma == vma->anon_vma)) {
		unsigned long nend = next->vm_end;

		vma_unlink_tree(mm, next);
		remove_vma(next);
		vma->vm_end = nend;
	} else {
		if (vma->vm_file)
			vma_unlink_file(vma);
		vma->vm_end = end;
		if (vma->vm_file)
			vma_link_file(vma);
	}
	vm_stat_account(mm, vma->vm_flags, delta);
	if (vma->vm_flags & VM_LOCKED) {
		mm->locked_vm += delta;
		__mm_populate(mm, end - (delta << PAGE_SHIFT), delta << PAGE_SHIFT, true);
	}
	return true;
}

long sys_mremap(struct task_struct *t, unsigned long addr,
		unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr)
{
	machine_enter(t->machine);
	struct mm_struct *mm = t->mm;
	struct vm_area_struct *vma;
	int err;

	if (flags & ~(unsigned long)(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len || !old_len)
		return -EINVAL;
	if (addr > TASK_SIZE || old_len > TASK_SIZE - addr)
		return -EINVAL;
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) {
		if (!(flags & MREMAP_FIXED)) {
			new_addr = get_unmapped_area(mm, new_len);
			if (IS_ERR_VALUE_ADDR(new_addr))
				return (long)new_addr;
		}
		return mremap_to(mm, addr, old_len, new_len, new_addr, flags);
	}
	if (old_len >= new_len) {
		err = do_munmap(mm, addr + new_len, old_len - new_len);
		if (err && old_len != new_len)
			return err;
		return vma_lookup(mm, addr) ? (long)addr : -EFAULT;
	}
	vma = vma_to_resize(mm, addr, old_len, new_len, &err);
	if (!vma)
		return err;
	if (old_len == vma->vm_end - addr &&
	    vma_expand_in_place(vma, addr + new_len))
		return addr;
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	new_addr = get_unmapped_area(mm, new_len);
	if (IS_ERR_VALUE_ADDR(new_addr))
		return (long)new_addr;
	return move_vma(vma, addr, old_len, new_len, new_addr, flags);
}
