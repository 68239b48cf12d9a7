// SPDX-License-Identifier: GPL-2.0
/*
 * mincore.c - mincore(2): which pages of a range are resident.
 *
 * A page is resident when its entry is present (any leaf, the zero page
 * included), or, where nothing is mapped (no entry, or a guard marker),
 * when the VMA's file has the
 * page in its page cache - so a shared or private file mapping reports
 * cached pages it never faulted in, and anonymous memory reports only
 * what it maps.  PFN maps are not walked (walk_page_test): they answer
 * from their file's page cache, which for a device is empty.  The whole
 * range must be mapped (ENOMEM) and start on a page (EINVAL).
 */
#include "internal.h"

struct mincore_walk {
	unsigned char *vec;
	unsigned long start;
};

static unsigned char *mincore_slot(struct mm_walk *walk, unsigned long addr)
{
	struct mincore_walk *mw = walk->private;

	return &mw->vec[(addr - mw->start) >> PAGE_SHIFT];
}

static int mincore_unmapped_range(unsigned long addr, unsigned long end,
				  int depth, struct mm_walk *walk)
{
	struct vm_area_struct *vma = walk->vma;
	unsigned char *vec = mincore_slot(walk, addr);
	unsigned long nr = (end - addr) >> PAGE_SHIFT;

	if (!vma || !vma->vm_file) {
		memset(vec, 0, nr);
		return 0;
	}
	for (unsigned long i = 0; i < nr; i++) {
		struct folio *folio = filemap_get_folio(vma->vm_file->f_mapping,
				linear_page_index(vma, addr + i * PAGE_SIZE));

		/* mincore_page(): only an uptodate page is in core (not a
		 * shmem page fallocated and never used) */
		vec[i] = folio && PageUptodate(&folio->page);
	}
	return 0;
}

static int mincore_leaf(unsigned long addr, unsigned long end,
			struct mm_walk *walk)
{
	memset(mincore_slot(walk, addr), 1, (end - addr) >> PAGE_SHIFT);
	return 0;
}

static int mincore_pud_entry(pud_t *pud, unsigned long addr,
			     unsigned long next, struct mm_walk *walk)
{
	return pud_leaf(*pud) ? mincore_leaf(addr, next, walk) : 0;
}

static int mincore_pmd_entry(pmd_t *pmd, unsigned long addr,
			     unsigned long next, struct mm_walk *walk)
{
	return pmd_leaf(*pmd) ? mincore_leaf(addr, next, walk) : 0;
}

static int mincore_pte_entry(pte_t *pte, unsigned long addr,
			     unsigned long next, struct mm_walk *walk)
{
	pte_t entry = ptep_get(pte);

	/* a marker (a guard) maps nothing: as if none */
	if (pte_none(entry) || is_pte_marker(entry))
		return mincore_unmapped_range(addr, next, 3, walk);
	*mincore_slot(walk, addr) = 1;
	return 0;
}

static const struct mm_walk_ops mincore_walk_ops = {
	.pud_entry = mincore_pud_entry,
	.pmd_entry = mincore_pmd_entry,
	.pte_entry = mincore_pte_entry,
	.pte_hole = mincore_unmapped_range,
};

int sys_mincore(struct task_struct *t, unsigned long start, unsigned long len,
		unsigned char *vec)
{
	struct mm_struct *mm = t->mm;
	struct mincore_walk mw = { .vec = vec, .start = start };
	unsigned long end, addr;

	machine_enter(t->machine);
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!access_ok(start, len))
		return -ENOMEM;
	end = start + PAGE_ALIGN(len);
	for (addr = start; addr < end; ) {
		struct vm_area_struct *vma = vma_lookup(mm, addr);
		unsigned long next;
		int err;

		if (!vma)
			return -ENOMEM;
		next = min(end, vma->vm_end);
		err = walk_page_range(mm, addr, next, &mincore_walk_ops, &mw);
		if (err)
			return err;
		addr = next;
	}
	return 0;
}
