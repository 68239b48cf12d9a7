// SPDX-License-Identifier: GPL-2.0
/*
 * pagewalk.c - the generic page-table walkers:
 *
 *   walk_page_range()/walk_page_vma(): visit the entries of a range
 *	through struct mm_walk_ops (pud_entry, pmd_entry, pte_entry,
 *	pte_hole, test_walk).  As in the kernel, a VM_PFNMAP VMA is skipped
 *	(reported as one hole at depth -1) unless ->test_walk decides.
 *	->pud_entry/->pmd_entry see every present entry of their level,
 *	leaf or table; ->pte_entry is then called below tables only.  A
 *	walker without the handler for a leaf's level does not see the leaf
 *	(the kernel would split it; the model never splits special leaves).
 *   folio_walk_start()/folio_walk_end(): the folio mapped at one address,
 *	found by vm_normal_page[_pmd/_pud] (FW_ZEROPAGE also returns the
 *	zero folio, with fw->page NULL).
 *   do_pages_stat_one(): move_pages(2) with nodes == NULL, one address.
 *
 * Seed 002's designs for folio_walk_start(), `design walk=` (the
 * table is memory.c's walk_designs[], next to vm_normal_page*()):
 *   pre-6.18	  walk every VMA and trust the special bit, so anonymous
 *		  COW folios inside a MAP_PRIVATE PFN map are found; a PUD
 *		  leaf is read here, vm_normal_page_pmd() has its own code;
 *   6.18	  the same answers through one __vm_normal_page() behind
 *		  the PTE/PMD/PUD variants (bad maps reported at every level);
 *   early-reject reject VM_PFNMAP|VM_IO VMAs up front (as GUP does), so
 *		  those folios are missed.
 */
#include "internal.h"

/* ---- walk_page_range --------------------------------------------------- */

static int walk_hole(unsigned long addr, unsigned long end, int depth,
		     struct mm_walk *walk)
{
	return walk->ops->pte_hole ? walk->ops->pte_hole(addr, end, depth, walk) : 0;
}

static int walk_pte_range(pmd_t *pmd, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	pte_t *pte = pte_offset(walk->mm, pmd, addr);
	int err = 0;

	for (; addr != end && !err; addr += PAGE_SIZE, pte++)
		err = walk->ops->pte_entry(pte, addr, addr + PAGE_SIZE, walk);
	return err;
}

static int walk_pmd_range(pud_t *pud, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	const struct mm_walk_ops *ops = walk->ops;
	pmd_t *pmd = pmd_offset(walk->mm, pud, addr);
	unsigned long next;
	int err = 0;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd)) {
			err = walk_hole(addr, next, 3, walk);
			continue;
		}
		if (ops->pmd_entry)
			err = ops->pmd_entry(pmd, addr, next, walk);
		if (!err && ops->pte_entry && !pmd_leaf(*pmd))
			err = walk_pte_range(pmd, addr, next, walk);
	} while (!err && (pmd++, addr = next, addr != end));
	return err;
}

static int walk_pud_range(pgd_t *pgd, unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	const struct mm_walk_ops *ops = walk->ops;
	pud_t *pud = pud_offset(walk->mm, pgd, addr);
	unsigned long next;
	int err = 0;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*pud)) {
			err = walk_hole(addr, next, 2, walk);
			continue;
		}
		if (ops->pud_entry)
			err = ops->pud_entry(pud, addr, next, walk);
		if (!err && !pud_leaf(*pud) && (ops->pmd_entry || ops->pte_entry))
			err = walk_pmd_range(pud, addr, next, walk);
	} while (!err && (pud++, addr = next, addr != end));
	return err;
}

static int walk_pgd_range(unsigned long addr, unsigned long end,
			  struct mm_walk *walk)
{
	pgd_t *pgd = pgd_offset(walk->mm, addr);
	unsigned long next;
	int err = 0;

	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*pgd))
			err = walk_hole(addr, next, 0, walk);
		else
			err = walk_pud_range(pgd, addr, next, walk);
	} while (!err && (pgd++, addr = next, addr != end));
	return err;
}

/* 0: walk, 1: skip, < 0: error.  PFN maps have no struct page to show. */
static int walk_page_test(unsigned long start, unsigned long end,
			  struct mm_walk *walk)
{
	int err;

	if (walk->ops->test_walk)
		return walk->ops->test_walk(start, end, walk);
	if (!(walk->vma->vm_flags & VM_PFNMAP))
		return 0;
	err = walk_hole(start, end, -1, walk);
	return err ? err : 1;
}

static int __walk_page_range(unsigned long start, unsigned long end,
			     struct mm_walk *walk)
{
	int err = walk_page_test(start, end, walk);

	if (err)
		return err > 0 ? 0 : err;
	return walk_pgd_range(start, end, walk);
}

int walk_page_range(struct mm_struct *mm, unsigned long start,
		    unsigned long end, const struct mm_walk_ops *ops,
		    void *private)
{
	struct mm_walk walk = { .ops = ops, .mm = mm, .private = private };
	struct vm_area_struct *vma;
	unsigned long next;
	int err = 0;

	if (start >= end || !mm)
		return -EINVAL;
	for (vma = find_vma(mm, start); start < end && !err; start = next) {
		if (!vma || start < vma->vm_start) {
			/* outside any VMA */
			walk.vma = NULL;
			next = vma ? min(end, vma->vm_start) : end;
			err = walk_hole(start, next, -1, &walk);
			continue;
		}
		walk.vma = vma;
		next = min(end, vma->vm_end);
		err = __walk_page_range(start, next, &walk);
		vma = vma_next(vma);
	}
	return err;
}

int walk_page_vma(struct vm_area_struct *vma, const struct mm_walk_ops *ops,
		  void *private)
{
	struct mm_walk walk = {
		.ops = ops, .mm = vma->vm_mm, .vma = vma, .private = private,
	};

	return __walk_page_range(vma->vm_start, vma->vm_end, &walk);
}

/* ---- folio_walk -------------------------------------------------------- */

static struct folio *folio_walk_found(struct folio_walk *fw,
				      struct vm_area_struct *vma,
				      struct page *page, unsigned long pfn,
				      unsigned int flags)
{

	fw->vma = vma;
	if (page) {
		fw->page = page;
		return page_folio(page);
	}
	if ((flags & FW_ZEROPAGE) && is_zero_pfn(pfn)) {
		fw->page = NULL;	/* the zero folio, no page exposed */
		return page_folio(pfn_to_page(pfn));
	}
	return NULL;
}

struct folio *folio_walk_start(struct folio_walk *fw,
			       struct vm_area_struct *vma, unsigned long addr,
			       unsigned int flags)
{
	struct mm_struct *mm = vma->vm_mm;
	pmd_t *leaf_pmd = NULL;
	pud_t *leaf_pud = NULL;
	pte_t *ptep;

	const struct walk_design_ops *wd = walk_design();

	memset(fw, 0, sizeof(*fw));
	if (wd->reject_pfnmap && (vma->vm_flags & (VM_IO | VM_PFNMAP)))
		return NULL;
	addr &= PAGE_MASK;
	ptep = walk_to_pte(mm, addr, &leaf_pmd, &leaf_pud);
	if (leaf_pud) {
		fw->level = FW_LEVEL_PUD;
		fw->pudp = leaf_pud;
		fw->pud = pudp_get(leaf_pud);
		return folio_walk_found(fw, vma, wd->folio_walk_pud(vma, addr, fw->pud),
					pud_pfn(fw->pud), flags);
	}
	if (leaf_pmd) {
		fw->level = FW_LEVEL_PMD;
		fw->pmdp = leaf_pmd;
		fw->pmd = pmdp_get(leaf_pmd);
		return folio_walk_found(fw, vma, vm_normal_page_pmd(vma, addr, fw->pmd),
					pmd_pfn(fw->pmd), flags);
	}
	if (!ptep || !pte_present(ptep_get(ptep)))
		return NULL;	/* no migration entries in the model */
	fw->level = FW_LEVEL_PTE;
	fw->ptep = ptep;
	fw->pte = ptep_get(ptep);
	return folio_walk_found(fw, vma, vm_normal_page(vma, addr, fw->pte),
				pte_pfn(fw->pte), flags);
}

/* do_pages_stat_array() for one address: the node, or -ENOENT / -EFAULT. */
int do_pages_stat_one(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = vma_lookup(mm, addr);
	struct folio_walk fw;
	struct folio *folio;
	int err;

	if (!vma)
		return -EFAULT;
	folio = folio_walk_start(&fw, vma, addr, FW_ZEROPAGE);
	if (!folio)
		return -ENOENT;
	if (is_zero_pfn(folio_pfn(folio)))
		err = -EFAULT;
	else
		err = 0;	/* one node in the model */
	folio_walk_end(&fw, vma);
	return err;
}
