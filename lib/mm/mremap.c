// SPDX-License-Identifier: GPL-2.0
/*
 * mremap.c - mremap(2): shrink, grow in place, or move (MREMAP_MAYMOVE,
 * MREMAP_FIXED, MREMAP_DONTUNMAP), as Linux 6.18 decides:
 *
 *   FIXED, same size	remap_move(): every VMA of the range moves, gaps
 *			between them kept (6.17; one VMA as before); a
 *			gap at the start, or an uffd-armed VMA in a range
 *			of several, is EFAULT
 *   FIXED/DONTUNMAP	mremap_to(): unmap the target, shrink first (the
 *			tail is unmapped, so the rest may then move), move
 *   otherwise		shrink in place, grow in place if nothing is in
 *			the way, or move where MAYMOVE allows
 *
 * A move creates (or merges into) a VMA at the destination and moves the
 * entries there unchanged - rmap, counts, contents and PTE markers move
 * with them - then unmaps the source (DONTUNMAP: the source VMA stays,
 * empty, without VM_LOCKED and VM_ACCOUNT, and without its anon_vma when
 * all of it moved).  The destination keeps vm_pgoff, so anonymous folios
 * keep their index; an anonymous VMA that was never faulted (no
 * anon_vma, so no folio) takes the pgoff of its new address instead
 * (copy_vma), which lets it merge with its new neighbours.  An old
 * length of 0 on a shared mapping makes a second mapping of the same
 * object (EINVAL on a private one).  VM_DONTEXPAND and PFN maps cannot
 * grow (EFAULT); a driver's may_split can refuse partial moves; a sealed
 * VMA (mseal.c) cannot be remapped at all (EPERM).  A THP's PMD moves
 * whole when source and destination are PMD-aligned and the move covers
 * it; otherwise it is split first (move_huge_pmd()).
 */
#include <sys/mman.h>

#include "internal.h"

#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif

/* An entry leaving a VMA whose monitor will not follow it: no uffd-wp. */
static pte_t move_clear_uffd_wp(pte_t pte)
{
	if (pte_present(pte))
		return pte_clear_uffd_wp(pte);
	if (pte_marker_uffd_wp(pte) && !(pte_marker_get(pte_to_swp_entry(pte)) &
					 ~PTE_MARKER_UFFD_WP))
		return __pte(0);	/* a marker that said nothing else */
	return pte_swp_clear_uffd_wp(pte);
}

static void move_ptes(struct vm_area_struct *vma, unsigned long old_addr,
		      struct vm_area_struct *new_vma, unsigned long new_addr,
		      unsigned long len)
{
	bool clear_uffd_wp = vma_has_uffd_without_event_remap(vma);

	for (unsigned long off = 0; off < len; off += PAGE_SIZE) {
		pmd_t *leaf_pmd = NULL;
		pte_t *src = walk_to_pte(vma->vm_mm, old_addr + off, &leaf_pmd, NULL);
		pte_t *dst;
		pte_t pte;

		if (leaf_pmd) {
			/* a whole aligned PMD moves as one; else it is split */
			if (move_huge_pmd(vma, old_addr + off, new_vma,
					  new_addr + off, len - off)) {
				off += PMD_SIZE - PAGE_SIZE;
				continue;
			}
			src = walk_to_pte(vma->vm_mm, old_addr + off, NULL, NULL);
		}
		if (!src || pte_none(*src))
			continue;
		dst = walk_to_pte_alloc(new_vma->vm_mm, new_addr + off);
		VM_BUG_ON(!dst);	/* preallocated by the caller */
		pte = ptep_get_and_clear(vma->vm_mm, old_addr + off, src);
		if (clear_uffd_wp)
			pte = move_clear_uffd_wp(pte);
		if (!pte_none(pte))
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

/*
 * MREMAP_DONTUNMAP: the source VMA stays, its entries gone; it is no
 * longer locked (VM_ACCOUNT stays: "mm/mremap: correctly account old
 * mapping after MREMAP_DONTUNMAP remap", in 6.18.y, as the host shows),
 * and once all of it moved it lets go of its anon_vma.  locked_vm is not
 * uncharged for it: the kernel leaks those pages in VmLck, and so does
 * the model.
 */
static void dontunmap_complete(struct vm_area_struct *vma,
			       struct vm_area_struct *new_vma,
			       unsigned long addr, unsigned long len)
{
	vm_flags_clear(vma, VM_LOCKED_MASK);
	if (new_vma != vma && addr == vma->vm_start && addr + len == vma->vm_end)
		unlink_anon_vmas(vma);
}

static long move_vma(struct vm_area_struct *vma, unsigned long old_addr,
		     unsigned long old_len, unsigned long new_len,
		     unsigned long new_addr, unsigned long flags)
{
	struct mm_struct *mm = vma->vm_mm;
	pgoff_t pgoff = vma->vm_pgoff + ((old_addr - vma->vm_start) >> PAGE_SHIFT);
	struct vm_area_struct *new_vma;
	unsigned long hiwater_vm;
	bool locked;
	int err;

	/*
	 * Never faulted: no folio keeps an index, so follow the address.
	 * (Some model drivers map files without vm_ops: not anonymous.)
	 */
	if (vma_is_anonymous(vma) && !vma->vm_file && !vma->anon_vma)
		pgoff = new_addr >> PAGE_SHIFT;

	if (vma->vm_start != old_addr && (err = vma_can_split(vma, old_addr)))
		return err;
	if (vma->vm_end != old_addr + old_len &&
	    (err = vma_can_split(vma, old_addr + old_len)))
		return err;
	/* room for do_munmap() to split one VMA into three (prep_move_vma) */
	if (mm->map_count >= sysctl_max_map_count() - 3)
		return -ENOMEM;
	if (prealloc_tables(mm, new_addr, old_len))
		return -ENOMEM;
	new_vma = copy_vma(&vma, new_addr, new_len, pgoff);	/* may merge vma */
	if (!new_vma)
		return -ENOMEM;
	move_ptes(vma, old_addr, new_vma, new_addr, old_len);
	mremap_userfaultfd_prep(new_vma);
	untrack_pfn_moved(vma, old_addr, old_len);	/* with the entries */
	if (new_vma->vm_ops && new_vma->vm_ops->mremap)
		new_vma->vm_ops->mremap(new_vma);
	/*
	 * total_vm counts both VMAs for a moment: the peak it leaves in
	 * hiwater_vm on the munmap is no real one, so it is put back.
	 */
	hiwater_vm = mm->hiwater_vm;
	vm_stat_account(mm, new_vma->vm_flags, (long)(new_len >> PAGE_SHIFT));
	/*
	 * Read before the unmap: where the new range merged with the source
	 * VMA, unmapping the old range may split and free new_vma.
	 */
	locked = new_vma->vm_flags & VM_LOCKED;
	if (locked)
		mm->locked_vm += new_len >> PAGE_SHIFT;
	if (flags & MREMAP_DONTUNMAP)
		dontunmap_complete(vma, new_vma, old_addr, old_len);
	else
		do_munmap(mm, old_addr, old_len);
	mm->hiwater_vm = hiwater_vm;
	if (locked && new_len > old_len)
		__mm_populate(mm, new_addr + old_len, new_len - old_len, true);
	return new_addr;
}

/*
 * check_prep_vma - may the VMA at @addr be remapped so?  Only growing,
 * or moving, asks more than that it exists and is not sealed.  When a
 * move shrinks, the span is checked after the tail is gone (mremap_to).
 */
static int check_prep_vma(struct vm_area_struct *vma, unsigned long addr,
			  unsigned long old_len, unsigned long new_len,
			  unsigned long flags)
{
	pgoff_t pgoff;

	if (!vma)
		return -EFAULT;
	if (vma_is_sealed(vma))
		return -EPERM;
	if (new_len <= old_len && !(flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)))
		return 0;
	/* duplicating a private mapping would make an unrelated one */
	if (!old_len && !(vma->vm_flags & (VM_SHARED | VM_MAYSHARE)))
		return -EINVAL;
	if ((flags & MREMAP_DONTUNMAP) &&
	    (vma->vm_flags & (VM_DONTEXPAND | VM_PFNMAP)))
		return -EINVAL;
	/* the source stays mapped: the copy is growth */
	if ((flags & MREMAP_DONTUNMAP) &&
	    !may_expand_vm(vma->vm_mm, vma->vm_flags, old_len >> PAGE_SHIFT))
		return -ENOMEM;
	if (min(old_len, new_len) > vma->vm_end - addr)
		return -EFAULT;
	if (new_len <= old_len)
		return 0;
	pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	if (pgoff + (new_len >> PAGE_SHIFT) < pgoff)
		return -EINVAL;
	if (vma->vm_flags & (VM_DONTEXPAND | VM_PFNMAP))
		return -EFAULT;
	if (!mlock_future_ok(vma->vm_mm, vma->vm_flags, new_len - old_len))
		return -EAGAIN;
	if (!may_expand_vm(vma->vm_mm, vma->vm_flags, (new_len - old_len) >> PAGE_SHIFT))
		return -ENOMEM;
	return 0;
}

static long mremap_to(struct mm_struct *mm, unsigned long addr,
		      unsigned long old_len, unsigned long new_len,
		      unsigned long new_addr, unsigned long flags)
{
	struct vm_area_struct *vma;
	int err;

	if (new_len > TASK_SIZE || new_addr > TASK_SIZE - new_len)
		return -EINVAL;
	if (addr + old_len > new_addr && new_addr + new_len > addr)
		return -EINVAL;
	/* both ranges may be split in three: stay 4 below the limit */
	if (mm->map_count + 2 >= sysctl_max_map_count() - 3)
		return -ENOMEM;
	if (flags & MREMAP_FIXED) {
		err = do_munmap(mm, new_addr, new_len);
		if (err)
			return err;
	}
	if (old_len > new_len) {
		err = do_munmap(mm, addr + new_len, old_len - new_len);
		if (err)
			return err;
		old_len = new_len;
	}
	vma = vma_lookup(mm, addr);
	if (!vma)
		return -EFAULT;
	if (old_len > vma->vm_end - addr)
		return -EFAULT;
	/* the target is placed as mmap(MAP_FIXED) places it, after the unmap */
	if (flags & MREMAP_FIXED) {
		err = security_mmap_addr(mm->owner, new_addr);
		if (err)
			return err;
	}
	return move_vma(vma, addr, old_len, new_len, new_addr, flags);
}

/* Multi-VMA moves cannot wait for a userfaultfd monitor between VMAs. */
static bool vma_multi_allowed(struct vm_area_struct *vma)
{
	return !(vma->vm_flags & (VM_UFFD_MISSING | VM_UFFD_WP));
}

/*
 * remap_move - move every VMA of [addr, addr + len) to @new_addr, keeping
 * the gaps between them: the first lands at @new_addr, each next one at
 * the previous one's new end plus the gap before it.  Stops at the first
 * failure, leaving what moved moved (the kernel does the same); a first
 * VMA that may not move with others fails the call before it moves.
 */
static long remap_move(struct mm_struct *mm, unsigned long addr,
		       unsigned long len, unsigned long new_addr,
		       unsigned long flags)
{
	unsigned long end = addr + len, target = new_addr, last_end = 0;
	unsigned long cur = addr;
	bool seen = false;
	long res = -EFAULT;

	for (;;) {
		struct vm_area_struct *vma = find_vma(mm, cur);
		unsigned long vaddr, vlen, offset;
		long moved;
		int err;

		if (!vma || vma->vm_start >= end)
			break;
		if (!seen && addr < vma->vm_start)
			return -EFAULT;	/* no gap allowed at the start */
		/*
		 * Never behind what was moved: a DONTUNMAP source left in
		 * place may have merged back with the rest of its VMA.
		 */
		vaddr = max(vma->vm_start, cur);
		if (vaddr >= end)
			break;
		vlen = min(end, vma->vm_end) - vaddr;
		offset = seen ? vaddr - last_end : 0;
		last_end = vma->vm_end;
		/*
		 * A VMA that cannot take part in a multi-VMA move ends it:
		 * after others moved (they stay moved), or before anything
		 * moved when the range goes on past it (6.17's up-front check).
		 */
		if (!vma_multi_allowed(vma) && (seen || vma->vm_end < end))
			return -EFAULT;
		err = check_prep_vma(vma, vaddr, vlen, vlen, flags);
		if (err)
			return err;
		moved = mremap_to(mm, vaddr, vlen, vlen, target + offset, flags);
		if (IS_ERR_VALUE_ADDR(moved))
			return moved;
		if (!seen)
			res = moved;
		seen = true;
		target = moved + vlen;
		/* on past the source VMA: with DONTUNMAP it is still there */
		cur = last_end;
	}
	return res;
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

		vm_flags_set(vma, next->vm_flags & VM_STICKY);
		vma_unlink_tree(mm, next);
		remove_vma(next);
		vma_set_range(vma, vma->vm_start, nend, vma->vm_pgoff);
	} else {
		vma_set_range(vma, vma->vm_start, end, vma->vm_pgoff);
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
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	if (!PAGE_ALIGN(new_len))	/* zero, or rounded up to zero */
		return -EINVAL;
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) {
		if (new_addr & ~PAGE_MASK)
			return -EINVAL;
		if (!(flags & MREMAP_MAYMOVE))
			return -EINVAL;
		/* no resizing, as the page-aligned lengths say */
		if ((flags & MREMAP_DONTUNMAP) &&
		    PAGE_ALIGN(old_len) != PAGE_ALIGN(new_len))
			return -EINVAL;
	}
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	/*
	 * check_mremap_params(): the target within TASK_SIZE and apart from
	 * the whole source, before any of it moves - a move of several VMAs
	 * checks each piece only against itself.
	 */
	if (new_len > TASK_SIZE)
		return -EINVAL;
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) {
		if (new_addr > TASK_SIZE - new_len)
			return -EINVAL;
		if (addr + old_len > new_addr && new_addr + new_len > addr)
			return -EINVAL;
	}
	if ((flags & MREMAP_FIXED) && old_len == new_len && old_len)
		return remap_move(mm, addr, old_len, new_addr, flags);
	vma = vma_lookup(mm, addr);
	err = check_prep_vma(vma, addr, old_len, new_len, flags);
	if (err)
		return err;
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) {
		if (!(flags & MREMAP_FIXED)) {
			new_addr = get_unmapped_area(mm, new_len);
			if (IS_ERR_VALUE_ADDR(new_addr))
				return (long)new_addr;
		}
		return mremap_to(mm, addr, old_len, new_len, new_addr, flags);
	}
	if (old_len >= new_len) {
		if (old_len == new_len)
			return addr;
		err = do_munmap(mm, addr + new_len, old_len - new_len);
		return err ? err : (long)addr;
	}
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
