// SPDX-License-Identifier: GPL-2.0
/*
 * pagemap_scan.c - the PAGEMAP_SCAN ioctl on /proc/PID/pagemap (Linux
 * 6.7; in the kernel it is part of fs/proc/task_mmu.c): report the pages
 * of a range by category, and optionally write-protect the written ones
 * for userfaultfd's asynchronous mode (PM_SCAN_WP_MATCHING) - the "get
 * and clear the dirty bits" interface CRIU and emulators use.
 *
 * A page's categories (PAGE_IS_*): WPALLOWED (its VMA is registered with
 * an async uffd-wp context that uses markers), WRITTEN (no uffd-wp bit),
 * FILE (a page-cache page), PRESENT, SWAPPED (any non-present entry:
 * the model's are markers), PFNZERO (the zero page), SOFT_DIRTY, GUARD.
 * A page matches when, after XOR with category_inverted, it has every
 * bit of category_mask and (if given) one of category_anyof_mask.
 *
 * The walk (walk_page_range with the ops below) pushes matching pages
 * into a bounce buffer of at most 512 regions, merging a page into the
 * last region when its categories (masked by return_mask) are the same;
 * a full buffer or max_pages stops the walk with -ENOSPC at walk_end,
 * the buffer is copied out, and the walk goes on from walk_end while
 * output room and max_pages remain.  The answer is the number of
 * regions; walk_end where it stopped (the end when it did not).
 *
 * As the host does (Linux 6.18 as built for these machines): an empty
 * entry inside a page table counts as WRITTEN, while a range with no
 * page table at all counts as WRITTEN only in a VMA registered for
 * uffd-wp (elsewhere it has only its VMA's categories).
 * A THP (or the huge zero PMD) is one entry of PAGE_IS_HUGE pages
 * (pagemap_scan_thp_entry()); write-protecting part of it splits it.
 * No hugetlb in the model.
 */
#include "internal.h"

#define PM_SCAN_CATEGORIES	(PAGE_IS_WPALLOWED | PAGE_IS_WRITTEN |	\
				 PAGE_IS_FILE | PAGE_IS_PRESENT |	\
				 PAGE_IS_SWAPPED | PAGE_IS_PFNZERO |	\
				 PAGE_IS_HUGE | PAGE_IS_SOFT_DIRTY |	\
				 PAGE_IS_GUARD)
#define PM_SCAN_FLAGS		(PM_SCAN_WP_MATCHING | PM_SCAN_CHECK_WPASYNC)
/* PAGEMAP_WALK_SIZE >> PAGE_SHIFT: the bounce buffer's regions. */
#define PAGEMAP_SCAN_BOUNCE	512UL

struct pagemap_scan_private {
	struct pm_scan_arg arg;
	unsigned long masks_of_interest, cur_vma_category;
	struct page_region *vec_buf;
	unsigned long vec_buf_len, vec_buf_index, found_pages;
	struct page_region *vec_out;	/* where the next regions go */
};

/* ---- categories -------------------------------------------------------- */

static unsigned long pagemap_page_category(struct pagemap_scan_private *p,
					   struct vm_area_struct *vma,
					   unsigned long addr, pte_t pte)
{
	bool soft_dirty = current_machine()->profile.soft_dirty;
	unsigned long categories = 0;
	struct page *page;

	if (pte_present(pte)) {
		categories = PAGE_IS_PRESENT;
		if (!pte_uffd_wp(pte))
			categories |= PAGE_IS_WRITTEN;
		if (p->masks_of_interest & PAGE_IS_FILE) {
			page = vm_normal_page(vma, addr, pte);
			if (page && !folio_test_anon(page_folio(page)))
				categories |= PAGE_IS_FILE;
		}
		if (is_zero_pfn(pte_pfn(pte)))
			categories |= PAGE_IS_PFNZERO;
		if (soft_dirty && pte_soft_dirty(pte))
			categories |= PAGE_IS_SOFT_DIRTY;
		return categories;
	}
	/* empty or a swap entry: written unless write-protected (host) */
	if (!pte_swp_uffd_wp_any(pte))
		categories |= PAGE_IS_WRITTEN;
	if (pte_none(pte))
		return categories;
	categories |= PAGE_IS_SWAPPED;
	if (is_guard_pte_marker(pte))
		categories |= PAGE_IS_GUARD;
	if (soft_dirty && pte_swp_soft_dirty(pte))
		categories |= PAGE_IS_SOFT_DIRTY;
	return categories;
}

/* make_uffd_wp_pte(): a marker where empty, the bit where present. */
static void make_uffd_wp_pte(struct vm_area_struct *vma, unsigned long addr,
			     pte_t *ptep, pte_t pte)
{
	struct mm_struct *mm = vma->vm_mm;

	if (pte_present(pte))
		set_pte_at(mm, addr, ptep, pte_mkuffd_wp(pte));
	else if (pte_none(pte))
		set_pte_at(mm, addr, ptep, make_pte_marker(PTE_MARKER_UFFD_WP));
	else
		set_pte_at(mm, addr, ptep, pte_swp_mkuffd_wp(pte));
}

static bool pagemap_scan_is_interesting_page(unsigned long categories,
					     const struct pagemap_scan_private *p)
{
	categories ^= p->arg.category_inverted;
	if ((categories & p->arg.category_mask) != p->arg.category_mask)
		return false;
	if (p->arg.category_anyof_mask && !(categories & p->arg.category_anyof_mask))
		return false;
	return true;
}

static bool pagemap_scan_is_interesting_vma(unsigned long categories,
					    const struct pagemap_scan_private *p)
{
	unsigned long required = p->arg.category_mask & PAGE_IS_WPALLOWED;

	categories ^= p->arg.category_inverted;
	return (categories & required) == required;
}

/* ---- output ------------------------------------------------------------ */

static bool pagemap_scan_push_range(unsigned long categories,
				    struct pagemap_scan_private *p,
				    unsigned long addr, unsigned long end)
{
	struct page_region *cur_buf = &p->vec_buf[p->vec_buf_index];

	/* an empty buffer has end 0: no address merges with it */
	if (addr == cur_buf->end && categories == cur_buf->categories) {
		cur_buf->end = end;
		return true;
	}
	if (cur_buf->end) {
		if (p->vec_buf_index >= p->vec_buf_len - 1)
			return false;
		cur_buf = &p->vec_buf[++p->vec_buf_index];
	}
	cur_buf->start = addr;
	cur_buf->end = end;
	cur_buf->categories = categories;
	return true;
}

/*
 * Record [addr, *end) with @categories; a full buffer or max_pages cuts
 * *end short and stops the walk there (-ENOSPC, walk_end set).
 */
static int pagemap_scan_output(unsigned long categories,
			       struct pagemap_scan_private *p,
			       unsigned long addr, unsigned long *end)
{
	unsigned long n_pages, total_pages;
	int ret = 0;

	if (!p->vec_buf)
		return 0;
	categories &= p->arg.return_mask;
	n_pages = (*end - addr) / PAGE_SIZE;
	if (__builtin_add_overflow(p->found_pages, n_pages, &total_pages) ||
	    total_pages > p->arg.max_pages) {
		unsigned long n_too_much = total_pages - p->arg.max_pages;

		*end -= n_too_much * PAGE_SIZE;
		n_pages -= n_too_much;
		ret = -ENOSPC;
	}
	if (!pagemap_scan_push_range(categories, p, addr, *end)) {
		*end = addr;
		n_pages = 0;
		ret = -ENOSPC;
	}
	p->found_pages += n_pages;
	if (ret)
		p->arg.walk_end = *end;
	return ret;
}

/* ---- the walk ---------------------------------------------------------- */

static int pagemap_scan_test_walk(unsigned long start, unsigned long end,
				  struct mm_walk *walk)
{
	struct pagemap_scan_private *p = walk->private;
	struct vm_area_struct *vma = walk->vma;
	unsigned long vma_category = 0;
	bool wp_allowed = userfaultfd_wp_async(vma) &&
			  userfaultfd_wp_use_markers(vma);

	if (!wp_allowed) {
		if (p->arg.flags & PM_SCAN_CHECK_WPASYNC)
			return -EPERM;	/* asked to fail rather than skip */
		if (p->arg.flags & PM_SCAN_WP_MATCHING)
			return 1;	/* cannot protect: skip the VMA */
	}
	if (vma->vm_flags & VM_PFNMAP)
		return 1;
	if (wp_allowed)
		vma_category |= PAGE_IS_WPALLOWED;
	if (current_machine()->profile.soft_dirty && (vma->vm_flags & VM_SOFTDIRTY))
		vma_category |= PAGE_IS_SOFT_DIRTY;
	if (!pagemap_scan_is_interesting_vma(vma_category, p))
		return 1;
	p->cur_vma_category = vma_category;
	return 0;
}

/* Write-protect every entry not yet protected (no output wanted). */
static int pagemap_scan_wp_only(struct vm_area_struct *vma, pte_t *pte,
				unsigned long start, unsigned long end)
{
	for (unsigned long addr = start; addr != end; pte++, addr += PAGE_SIZE) {
		pte_t ptent = ptep_get(pte);

		if ((pte_present(ptent) && pte_uffd_wp(ptent)) ||
		    pte_swp_uffd_wp_any(ptent))
			continue;
		make_uffd_wp_pte(vma, addr, pte, ptent);
	}
	return 0;
}

/*
 * pagemap_thp_category(): FILE only for a page vm_normal_page_pmd()
 * returns, so never for the huge zero PMD (special since 6.18).
 */
static unsigned long pagemap_thp_category(struct pagemap_scan_private *p,
					  struct vm_area_struct *vma,
					  unsigned long addr, pmd_t pmd)
{
	unsigned long categories = PAGE_IS_HUGE | PAGE_IS_PRESENT;
	struct page *page;

	if (!pmd_uffd_wp(pmd))
		categories |= PAGE_IS_WRITTEN;
	if (p->masks_of_interest & PAGE_IS_FILE) {
		page = vm_normal_page_pmd(vma, addr, pmd);
		if (page && !folio_test_anon(page_folio(page)))
			categories |= PAGE_IS_FILE;
	}
	if (is_huge_zero_pmd(pmd))
		categories |= PAGE_IS_PFNZERO;
	if (current_machine()->profile.soft_dirty && pmd_soft_dirty(pmd))
		categories |= PAGE_IS_SOFT_DIRTY;
	return categories;
}

/* Take back [addr, end) just output (pagemap_scan_backout_range()). */
static void pagemap_scan_backout_range(struct pagemap_scan_private *p,
				       unsigned long addr, unsigned long end)
{
	struct page_region *cur_buf;

	/* no buffer (vec=NULL): nothing was output, nothing was counted */
	if (!p->vec_buf)
		return;
	cur_buf = &p->vec_buf[p->vec_buf_index];
	if (cur_buf->start != addr)
		cur_buf->end = addr;
	else
		cur_buf->start = cur_buf->end = 0;
	p->found_pages -= (end - addr) / PAGE_SIZE;
}

/*
 * pagemap_scan_thp_entry - a THP PMD as one entry; -ENOENT when it is
 * to be walked as PTEs (split because only part of it is to be
 * write-protected: its pages are reported again from the PTEs).
 */
static int pagemap_scan_thp_entry(pmd_t *pmd, unsigned long start,
				  unsigned long end, struct mm_walk *walk)
{
	struct pagemap_scan_private *p = walk->private;
	struct vm_area_struct *vma = walk->vma;
	unsigned long categories;
	int ret;

	categories = p->cur_vma_category |
		     pagemap_thp_category(p, vma, start, pmdp_get(pmd));
	if (!pagemap_scan_is_interesting_page(categories, p))
		return 0;
	ret = pagemap_scan_output(categories, p, start, &end);
	if (start == end)
		return ret;
	if ((~p->arg.flags & PM_SCAN_WP_MATCHING) || (~categories & PAGE_IS_WRITTEN))
		return ret;
	if (end != start + HPAGE_PMD_SIZE) {
		__split_huge_pmd(vma, pmd, start);
		pagemap_scan_backout_range(p, start, end);
		return -ENOENT;
	}
	set_pmd_at(vma->vm_mm, start, pmd, pmd_mkuffd_wp(pmdp_get(pmd)));
	return ret;
}

static int pagemap_scan_pmd_entry(pmd_t *pmd, unsigned long start,
				  unsigned long end, struct mm_walk *walk)
{
	struct pagemap_scan_private *p = walk->private;
	struct vm_area_struct *vma = walk->vma;
	pte_t *pte;
	int ret = 0;

	if (pmd_is_anon_huge(vma, pmdp_get(pmd))) {
		ret = pagemap_scan_thp_entry(pmd, start, end, walk);
		if (ret != -ENOENT)
			return ret;
		ret = 0;
	}
	if (pmd_leaf(pmdp_get(pmd)))
		return 0;	/* a huge PFN-map leaf: VM_PFNMAP, skipped */
	pte = pte_offset(walk->mm, pmd, start);
	if ((p->arg.flags & PM_SCAN_WP_MATCHING) && !p->vec_out)
		return pagemap_scan_wp_only(vma, pte, start, end);
	for (unsigned long addr = start; addr != end; pte++, addr += PAGE_SIZE) {
		pte_t ptent = ptep_get(pte);
		unsigned long categories = p->cur_vma_category |
			pagemap_page_category(p, vma, addr, ptent);
		unsigned long next = addr + PAGE_SIZE;

		if (!pagemap_scan_is_interesting_page(categories, p))
			continue;
		ret = pagemap_scan_output(categories, p, addr, &next);
		if (next == addr)
			break;
		if (~p->arg.flags & PM_SCAN_WP_MATCHING)
			continue;
		if (~categories & PAGE_IS_WRITTEN)
			continue;
		make_uffd_wp_pte(vma, addr, pte, ptent);
	}
	return ret;
}

/*
 * No page table here: the VMA's categories, and WRITTEN where the VMA is
 * registered for uffd-wp (as the host reports it); protecting makes a
 * page table and markers.
 */
static int pagemap_scan_pte_hole(unsigned long addr, unsigned long end,
				 int depth, struct mm_walk *walk)
{
	struct pagemap_scan_private *p = walk->private;
	struct vm_area_struct *vma = walk->vma;
	unsigned long categories;
	int ret, err;

	if (!vma)
		return 0;
	categories = p->cur_vma_category |
		     (userfaultfd_wp(vma) ? PAGE_IS_WRITTEN : 0);
	if (!pagemap_scan_is_interesting_page(categories, p))
		return 0;
	ret = pagemap_scan_output(categories, p, addr, &end);
	if (addr == end)
		return ret;
	if (~p->arg.flags & PM_SCAN_WP_MATCHING)
		return ret;
	err = uffd_wp_range(vma, addr, end - addr, true);
	return err < 0 ? err : ret;
}

static const struct mm_walk_ops pagemap_scan_ops = {
	.test_walk = pagemap_scan_test_walk,
	.pmd_entry = pagemap_scan_pmd_entry,
	.pte_hole = pagemap_scan_pte_hole,
};

/* ---- the ioctl --------------------------------------------------------- */

/* access_ok() on x86-64: the range lies below the top of user space. */
static bool scan_access_ok(unsigned long addr, unsigned long size)
{
	unsigned long sum;

	return !__builtin_add_overflow(addr, size, &sum) && sum <= TASK_SIZE;
}

static int pagemap_scan_get_args(struct pm_scan_arg *arg)
{
	if (arg->size != sizeof(struct pm_scan_arg))
		return -EINVAL;
	if (arg->flags & ~PM_SCAN_FLAGS)
		return -EINVAL;
	if ((arg->category_inverted | arg->category_mask |
	     arg->category_anyof_mask | arg->return_mask) & ~PM_SCAN_CATEGORIES)
		return -EINVAL;
	if (!PAGE_ALIGNED(arg->start))
		return -EINVAL;
	if (!scan_access_ok(arg->start, arg->end - arg->start))
		return -EFAULT;
	if (!arg->vec && arg->vec_len)
		return -EINVAL;
	arg->end = PAGE_ALIGN(arg->end);
	arg->walk_end = 0;
	if (!arg->max_pages)
		arg->max_pages = ~0UL;
	return 0;
}

/* Copy the bounce buffer out; the number of regions copied. */
static long pagemap_scan_flush_buffer(struct pagemap_scan_private *p)
{
	const struct page_region *buf = p->vec_buf;
	long n = p->vec_buf_index;

	if (!p->vec_buf)
		return 0;
	if (buf[n].end != buf[n].start)
		n++;
	if (!n)
		return 0;
	memcpy(p->vec_out, buf, n * sizeof(*buf));
	p->arg.vec_len -= n;
	p->vec_out += n;
	p->vec_buf_index = 0;
	p->vec_buf_len = min(p->vec_buf_len, (unsigned long)p->arg.vec_len);
	p->vec_buf->start = p->vec_buf->end = 0;
	return n;
}

/**
 * pagemap_scan - ioctl(PAGEMAP_SCAN) on /proc/PID/pagemap of @t.
 * @t:   the process scanned
 * @arg: the ioctl's argument; arg->walk_end is written back.  arg->vec
 *       only says whether there is an output vector (0: none): the
 *       regions go to @vec, room for arg->vec_len of them.
 * @vec: the output vector, in the caller's memory
 *
 * Context: the process's mmap lock is taken and dropped per pass.
 * Return: the number of regions written to @vec, or -EINVAL (bad size,
 * flags, masks, unaligned start, vector length without vector),
 * -EFAULT (range beyond user space), -EPERM (CHECK_WPASYNC met a VMA
 * without async uffd-wp) or -ENOMEM.
 */
long pagemap_scan(struct task_struct *t, struct pm_scan_arg *arg,
		  struct page_region *vec)
{
	struct pagemap_scan_private p = { .arg = *arg };
	struct mm_struct *mm = t->mm;
	unsigned long walk_start;
	long n_ranges_out = 0;
	long ret;

	machine_enter(t->machine);
	ret = pagemap_scan_get_args(&p.arg);
	if (ret)
		return ret;
	p.masks_of_interest = p.arg.category_mask | p.arg.category_anyof_mask |
			      p.arg.return_mask;
	if (p.arg.vec_len) {
		p.vec_buf_len = min(PAGEMAP_SCAN_BOUNCE, (unsigned long)p.arg.vec_len);
		p.vec_buf = kmalloc(p.vec_buf_len * sizeof(*p.vec_buf), GFP_KERNEL);
		if (!p.vec_buf)
			return -ENOMEM;
		p.vec_buf->start = p.vec_buf->end = 0;
		p.vec_out = vec;
	}
	for (walk_start = p.arg.start; walk_start < p.arg.end;
	     walk_start = p.arg.walk_end) {
		long n_out;

		ret = walk_page_range(mm, walk_start, p.arg.end,
				      &pagemap_scan_ops, &p);
		n_out = pagemap_scan_flush_buffer(&p);
		n_ranges_out += n_out;
		if (ret != -ENOSPC)
			break;
		if (p.arg.vec_len == 0 || p.found_pages == p.arg.max_pages)
			break;
	}
	if (!ret || ret == -ENOSPC)
		ret = n_ranges_out;
	if (!p.arg.walk_end)	/* not set when nothing stopped the walk */
		p.arg.walk_end = p.arg.end;
	arg->walk_end = p.arg.walk_end;
	kfree(p.vec_buf);
	return ret;
}
