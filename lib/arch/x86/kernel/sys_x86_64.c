// SPDX-License-Identifier: GPL-2.0
/*
 * sys_x86_64.c - where x86-64 puts a mapping whose address is only a
 * hint (arch/x86/kernel/sys_x86_64.c's arch_get_unmapped_area_topdown()
 * and arch/x86/mm/mmap.c's mmap_address_hint_valid()).
 *
 * With four-level paging, user space ends at TASK_SIZE, one page below
 * 2^47, and the default mmap window (DEFAULT_MAP_WINDOW) is all of it.
 * mmap(2) without MAP_FIXED takes its hint when the hint's range fits
 * below TASK_SIZE, does not straddle the end of the default window (on
 * five-level paging a hint above it opens the rest of the 56-bit space;
 * here there is nothing above), and is free; otherwise the hint is
 * ignored and the range comes from the top-down search below the mmap
 * base (lib/mm/mmap.c's get_unmapped_area()).  When nothing is free
 * below the base, the search falls back to bottom-up from
 * TASK_UNMAPPED_BASE (a third of TASK_SIZE) to TASK_SIZE, which finds
 * what is left above the base (arch_get_unmapped_area(); the model's
 * legacy base is not randomized).  A hint below mmap_min_addr has been
 * raised to it already (round_hint_to_min()).
 */
#include "../../../internal.h"

#define DEFAULT_MAP_WINDOW	TASK_SIZE	/* four-level paging */
#define TASK_UNMAPPED_BASE	PAGE_ALIGN(TASK_SIZE / 3)

/* Can [addr, addr + len) be had as asked, before looking at the VMAs? */
static bool mmap_address_hint_valid(unsigned long addr, unsigned long len)
{
	if (TASK_SIZE - len < addr)
		return false;
	return (addr > DEFAULT_MAP_WINDOW) == (addr + len > DEFAULT_MAP_WINDOW);
}

/*
 * arch_get_unmapped_area() as the top-down search's fallback: the lowest
 * free range of @len in [TASK_UNMAPPED_BASE, TASK_SIZE).  A walk over
 * the VMAs: it runs only when the top-down search found nothing.
 */
static unsigned long arch_get_unmapped_area(struct mm_struct *mm,
					    unsigned long len)
{
	unsigned long addr = TASK_UNMAPPED_BASE;
	struct vm_area_struct *vma;

	for (vma = find_vma(mm, addr); vma; vma = vma_next(vma)) {
		if (vma->vm_start >= addr && vma->vm_start - addr >= len)
			break;
		if (vma->vm_end > addr)
			addr = vma->vm_end;
	}
	if (addr > TASK_SIZE || TASK_SIZE - addr < len)
		return (unsigned long)-ENOMEM;
	return addr;
}

/**
 * arch_get_unmapped_area_topdown - a free range of @len bytes for mmap,
 * at @addr if that hint can be taken.
 * @mm:   the address space
 * @addr: the hint, page-aligned, or 0 for none
 * @len:  the length, page-aligned, at most TASK_SIZE
 *
 * Context: mmap_lock held for writing.
 * Return: the address, or -ENOMEM (as an unsigned long) when no range
 * of @len is free anywhere.
 */
unsigned long arch_get_unmapped_area_topdown(struct mm_struct *mm,
					     unsigned long addr,
					     unsigned long len)
{
	struct vm_area_struct *vma;
	unsigned long found;

	if (addr && mmap_address_hint_valid(addr, len)) {
		vma = find_vma(mm, addr);
		if (!vma || addr + len <= vma->vm_start)
			return addr;
	}
	found = get_unmapped_area(mm, len);
	if (!IS_ERR_VALUE_ADDR(found))
		return found;
	return arch_get_unmapped_area(mm, len);
}
