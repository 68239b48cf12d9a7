// SPDX-License-Identifier: GPL-2.0
/*
 * madvise.c - madvise(2) for the advice the model knows.
 *
 * Advice that only changes flags goes through vma_modify_flags() (split
 * and merge); MADV_DONTNEED zaps (splitting a THP it covers in part,
 * freeing a PTE table it covers whole and empties: pt_reclaim.c);
 * the populate advice faults in; MADV_COLLAPSE makes THPs (khugepaged.c);
 * MADV_FREE, MADV_COLD and MADV_PAGEOUT act on the pages only this
 * process maps, as reclaim would on a machine without swap (the host's
 * configuration: only clean lazily-freed anon pages are freed, shmem
 * pages are unmapped and stay cached, clean pages of a file that writes
 * back leave its cache), a large folio as one when the range covers all
 * of it and split first when it covers a part (the PMD level is in
 * huge_memory.c); MADV_REMOVE punches a hole in the file.  A hole in the
 * range does not stop the call: the mapped parts are advised and ENOMEM
 * is returned at the end, as in the kernel.
 *
 * Guard regions (MADV_GUARD_INSTALL / MADV_GUARD_REMOVE, Linux 6.13;
 * file-backed and read-only mappings since 6.15): install puts a guard
 * PTE marker (swapops.h) in every entry of the range, zapping what was
 * mapped there first (markers already there stay), so any access is
 * SIGSEGV (a THP leaf goes first: zapped whole, or split when the range
 * covers part of it); remove clears the guard markers and nothing else.
 * The VMA is not split: it is marked VM_MAYBE_GUARD (smaps "gu"; sticky
 * across merges, and it makes fork copy the page tables), and an
 * anonymous VMA gets its anon_vma (`design guard=anon-vma`, Linux
 * 6.13-6.18.0: no flag, and every VMA gets an anon_vma, which is what
 * made fork copy).  Install refuses VM_SPECIAL, hugetlb and mlock()ed
 * VMAs (EINVAL); remove allows mlock()ed ones.
 *
 * A sealed VMA (mseal.c) refuses the discarding advice (is_discard) with
 * EPERM unless it is file-backed or writable: discarding anonymous
 * memory the process cannot write would change read-only contents.
 */
#include <sys/mman.h>

#include "internal.h"

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22
#define MADV_POPULATE_WRITE 23
#endif
#ifndef MADV_GUARD_INSTALL
#define MADV_GUARD_INSTALL 102
#define MADV_GUARD_REMOVE 103
#endif
#ifndef MADV_COLD
#define MADV_COLD 20
#define MADV_PAGEOUT 21
#endif
#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25
#endif

static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL:
	case MADV_WILLNEED: case MADV_DONTNEED: case MADV_DONTFORK:
	case MADV_DOFORK: case MADV_WIPEONFORK: case MADV_KEEPONFORK:
	case MADV_HUGEPAGE: case MADV_NOHUGEPAGE:
	case MADV_POPULATE_READ: case MADV_POPULATE_WRITE:
	case MADV_GUARD_INSTALL: case MADV_GUARD_REMOVE:
	case MADV_FREE: case MADV_REMOVE: case MADV_COLD: case MADV_PAGEOUT:
	case MADV_COLLAPSE:
		return true;
	}
	return false;
}

/* ---- mseal: which advice a sealed VMA refuses -------------------------- */

/* Advice that throws contents away or hides them from a child. */
static bool is_discard(int behavior)
{
	switch (behavior) {
	case MADV_FREE: case MADV_DONTNEED: case MADV_REMOVE:
	case MADV_DONTFORK: case MADV_WIPEONFORK: case MADV_GUARD_INSTALL:
		return true;
	}
	return false;
}

static bool can_madvise_modify(struct vm_area_struct *vma, int behavior)
{
	if (!vma_is_sealed(vma) || !is_discard(behavior))
		return true;
	if (vma->vm_file)
		return true;
	return vma->vm_flags & VM_WRITE;
}

/* ---- guard regions ----------------------------------------------------- */

static bool is_valid_guard_vma(struct vm_area_struct *vma, bool allow_locked)
{
	vm_flags_t disallowed = VM_SPECIAL | VM_HUGETLB;

	if (!allow_locked)
		disallowed |= VM_LOCKED;
	return !(vma->vm_flags & disallowed);
}

/* Every page table the range needs, so that installing cannot fail. */
static int guard_prealloc_tables(struct vm_area_struct *vma,
				 unsigned long start, unsigned long end)
{
	unsigned long addr = start;

	do {
		unsigned long next = pmd_addr_end(addr, end);
		pmd_t *leaf = NULL;

		/*
		 * A huge leaf goes first, as the zap before the kernel's
		 * second walk does it: whole, or split when the range covers
		 * only part of it.
		 */
		walk_to_pte(vma->vm_mm, addr, &leaf, NULL);
		if (leaf)
			zap_page_range(vma, addr, next);
		if (!walk_to_pte_alloc(vma->vm_mm, addr))
			return -ENOMEM;
		addr = next;
	} while (addr != end);
	return 0;
}

/*
 * How a VMA with guard markers is marked, across the guard switch: Linux
 * 6.13-6.18.0 flagged nothing and gave every such VMA an anon_vma, so
 * that fork copies its page tables (vma_needs_copy); 6.19 (and 6.18.y)
 * set VM_MAYBE_GUARD, which fork checks (VM_COPY_ON_FORK).
 */
static const struct guard_design_ops guard_designs[] = {
	[GUARD_ANON_VMA] = { .anon_vma_always = true },
	[GUARD_MAYBE_GUARD] = { .mark = VM_MAYBE_GUARD },
};

static int madvise_guard_install(struct vm_area_struct *vma,
				 unsigned long start, unsigned long end)
{
	const struct guard_design_ops *g = design_ops(guard_designs, DESIGN_GUARD);
	int err;

	if (!is_valid_guard_vma(vma, false))
		return -EINVAL;
	vm_flags_set(vma, g->mark);
	if ((g->anon_vma_always || vma_is_anonymous(vma)) && anon_vma_prepare(vma))
		return -ENOMEM;
	current_machine()->guard_installs++;
	err = guard_prealloc_tables(vma, start, end);
	if (err)
		return err;
	/* what is mapped goes; guard markers already there stay */
	zap_page_range(vma, start, end);
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *ptep = walk_to_pte(vma->vm_mm, addr, NULL, NULL);

		VM_BUG_ON(!ptep);
		if (pte_none(ptep_get(ptep)))
			set_pte_at(vma->vm_mm, addr, ptep,
				   make_pte_marker(PTE_MARKER_GUARD));
	}
	return 0;
}

static int madvise_guard_remove(struct vm_area_struct *vma,
				unsigned long start, unsigned long end)
{
	/* removing is not destructive: mlock()ed ranges are fine */
	if (!is_valid_guard_vma(vma, true))
		return -EINVAL;
	for (unsigned long addr = start, next; addr < end; addr = next) {
		pte_t *ptep = walk_to_pte(vma->vm_mm, addr, NULL, NULL);

		next = addr + PAGE_SIZE;
		if (!ptep)	/* no table: nothing to remove up to the next */
			next = pmd_addr_end(addr, end);
		else if (is_guard_pte_marker(ptep_get(ptep)))
			ptep_get_and_clear(vma->vm_mm, addr, ptep);
	}
	return 0;
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
	case MADV_KEEPONFORK:
		if (f & VM_DROPPABLE)	/* always wiped on fork (Linux 6.11) */
			return -EINVAL;
		f &= ~VM_WIPEONFORK;
		break;
	case MADV_HUGEPAGE:	f = (f & ~VM_NOHUGEPAGE) | VM_HUGEPAGE; break;
	case MADV_NOHUGEPAGE:	f = (f & ~VM_HUGEPAGE) | VM_NOHUGEPAGE; break;
	}
	*flags = f;
	return 0;
}

static int madvise_populate(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, bool write)
{
	int locked = 1;		/* faultin_page_range(): it may wait */

	/* GUP's check_vma_flags() refusing is EINVAL for MADV_POPULATE_* */
	if ((vma->vm_flags & (VM_IO | VM_PFNMAP)) || vma_is_secretmem(vma))
		return -EINVAL;
	if (write ? !(vma->vm_flags & VM_WRITE) : !(vma->vm_flags & VM_READ))
		return -EINVAL;
	return populate_vma_range(vma, start, end, write, &locked);
}

/* ---- MADV_FREE, MADV_COLD, MADV_PAGEOUT, MADV_REMOVE ------------------ */

/*
 * The PTEs from @ptep (at @addr) on, up to @end and the end of the page
 * table, that map consecutive pages of the large @folio with the same
 * write permission (folio_pte_batch(), dirty and young ignored).
 */
static long madvise_folio_pte_batch(struct folio *folio, unsigned long addr,
				    unsigned long end, pte_t *ptep)
{
	pte_t first = ptep_get(ptep);
	unsigned long pfn = pte_pfn(first);
	unsigned long max = (pmd_addr_end(addr, end) - addr) >> PAGE_SHIFT;
	long nr = 1;

	max = min(max, folio_pfn(folio) + folio_nr_pages(folio) - pfn);
	while ((unsigned long)nr < max) {
		pte_t pte = ptep_get(ptep + nr);

		if (!pte_present(pte) || pte_pfn(pte) != pfn + nr ||
		    pte_write(pte) != pte_write(first))
			break;
		nr++;
	}
	return nr;
}

/*
 * The folio mapped at @addr (*ptep set), or NULL.  *nr: how many pages
 * from @addr the caller is done with when it gets NULL or a folio only
 * partly in the range; the PTEs of the folio from @addr otherwise.  A
 * large folio partly in the range is split when only this process maps
 * it (*split then: look again, the pages are small folios now).
 */
static struct folio *madvise_pte_folio(struct vm_area_struct *vma,
				       unsigned long addr, unsigned long end,
				       pte_t **ptep, long *nr, bool *split)
{
	struct folio *folio;
	struct page *page;

	*nr = 1;
	*split = false;
	*ptep = walk_to_pte(vma->vm_mm, addr, NULL, NULL);
	if (!*ptep) {		/* no table, or a huge leaf the caller left */
		*nr = (pmd_addr_end(addr, end) - addr) >> PAGE_SHIFT;
		return NULL;
	}
	if (!pte_present(ptep_get(*ptep)))
		return NULL;
	page = vm_normal_page(vma, addr, ptep_get(*ptep));
	if (!page)
		return NULL;
	folio = page_folio(page);
	if (!folio_test_large(folio))
		return folio;
	*nr = madvise_folio_pte_batch(folio, addr, end, *ptep);
	if (*nr == folio_nr_pages(folio))
		return folio;
	if (!folio_maybe_mapped_shared(folio) && !split_folio(folio))
		*split = true;
	return NULL;
}

/* Every page of @folio mapped by the @nr PTEs, and by nothing else. */
static bool madvise_folio_exclusive(struct folio *folio, long nr)
{
	return folio_mapcount(folio) == nr;
}

/*
 * MADV_FREE: the anonymous pages only this process maps become lazily
 * freeable - clean and old, PG_swapbacked cleared - so reclaim may drop
 * them without swap; a store before that redirties them and keeps them.
 * A large folio is advised whole when the range covers it, and split
 * first when the range covers only part of it (so that only those pages
 * are freed; its zero-filled pages become the zero page then).
 * The kernel marks them through a per-CPU batch, so /proc shows it only
 * once the batch drains; the model marks them at once.
 */
static void madvise_free_range(struct vm_area_struct *vma, unsigned long start,
			       unsigned long end)
{
	for (unsigned long addr = start; addr < end;) {
		unsigned long next = pmd_addr_end(addr, end), at = addr;
		pmd_t *leaf = NULL;
		struct folio *folio;
		pte_t *ptep;
		bool split;
		long nr;

		walk_to_pte(vma->vm_mm, addr, &leaf, NULL);
		if (leaf) {
			if (madvise_free_huge_pmd(vma, leaf, addr, next) ||
			    pmd_leaf(pmdp_get(leaf)))
				addr = next;
			continue;	/* split: its PTEs now */
		}
		folio = madvise_pte_folio(vma, addr, end, &ptep, &nr, &split);
		if (split)
			continue;
		addr += nr * PAGE_SIZE;
		if (!folio || !folio_test_anon(folio) ||
		    !madvise_folio_exclusive(folio, nr))
			continue;
		for (long i = 0; i < nr; i++)
			set_pte_at(vma->vm_mm, at + i * PAGE_SIZE, ptep + i,
				   pte_mkold(pte_mkclean(ptep_get(ptep + i))));
		ClearPageDirty(&folio->page);
		ClearPageSwapBacked(&folio->page);
	}
}

/*
 * Reclaim without swap (the host has none).  A page-cache page is
 * unmapped first - try_to_unmap() comes before writeback for file pages.
 * A clean page of a file that writes back is then dropped from the cache
 * (its contents are on disk: the next access reads it back); a dirty one
 * stays, since reclaim outside kswapd does not write file pages; a shmem
 * page stays, since shmem can only be written to swap.  An anonymous
 * page is unmapped only once it has a swap slot, so a dirty one stays
 * mapped, and a large folio, failing to get one, is split instead (its
 * zero-filled pages become the zero page); a lazily-freed one that is
 * clean and held by nothing but its mappings needs no swap: it is
 * dropped.  A page of a MAP_DROPPABLE mapping is never swap-backed and
 * is dropped even when dirty (it reads as zero afterwards).  (With swap,
 * dirty anon and shmem pages would be paged out.)  @nr PTEs from @addr
 * map all of @folio (file folios are small).
 */
static void madvise_pageout_folio(struct vm_area_struct *vma, unsigned long addr,
				  pte_t *ptep, struct folio *folio, long nr)
{
	bool dirty = folio_test_dirty(folio);

	if (!folio_test_anon(folio)) {
		folio_get(folio);
		zap_page_range(vma, addr, addr + nr * PAGE_SIZE);
		folio_put(folio);	/* the cache's reference is left */
		mapping_evict_folio(folio_mapping(folio), folio);
		return;
	}
	if (PageSwapBacked(&folio->page)) {
		if (folio_test_large(folio))
			split_folio(folio);
		return;
	}
	if (folio_ref_count(folio) != folio_mapcount(folio))
		return;		/* held by more than its mappings */
	for (long i = 0; i < nr; i++)
		dirty |= pte_dirty(ptep_get(ptep + i));
	/* droppable pages go even when dirty (try_to_unmap_one) */
	if (!(vma->vm_flags & VM_DROPPABLE) && dirty) {
		SetPageSwapBacked(&folio->page);	/* redirtied: keep it */
		return;
	}
	zap_page_range(vma, addr, addr + nr * PAGE_SIZE);
}

/*
 * MADV_COLD deactivates: the pages only this process maps lose their
 * accessed bit and PG_referenced.  MADV_PAGEOUT also reclaims them at
 * once (madvise_pageout_folio); the pages it keeps stay young.  Large
 * folios as for MADV_FREE: whole, or split when partly covered.
 */
static void madvise_cold_or_pageout_range(struct vm_area_struct *vma,
					  unsigned long start,
					  unsigned long end, bool pageout)
{
	for (unsigned long addr = start; addr < end;) {
		unsigned long next = pmd_addr_end(addr, end), at = addr;
		pmd_t *leaf = NULL;
		struct folio *folio;
		pte_t *ptep;
		bool split;
		long nr;

		walk_to_pte(vma->vm_mm, addr, &leaf, NULL);
		if (leaf) {
			if (madvise_cold_or_pageout_huge_pmd(vma, leaf, addr,
							     next, pageout))
				addr = next;
			continue;	/* split: its PTEs now */
		}
		folio = madvise_pte_folio(vma, addr, end, &ptep, &nr, &split);
		if (split)
			continue;
		addr += nr * PAGE_SIZE;
		if (!folio || !madvise_folio_exclusive(folio, nr))
			continue;
		for (long i = 0; !pageout && i < nr; i++)
			if (pte_young(ptep_get(ptep + i)))
				set_pte_at(vma->vm_mm, at + i * PAGE_SIZE, ptep + i,
					   pte_mkold(ptep_get(ptep + i)));
		ClearPageReferenced(&folio->page);
		/* folio_deactivate(): the kernel's batch does it a little later */
		ClearPageActive(&folio->page);
		if (pageout)
			madvise_pageout_folio(vma, at, ptep, folio, nr);
	}
}

/*
 * MADV_WILLNEED: for a file, POSIX_FADV_WILLNEED over the file range the
 * VMA maps there - the pages read ahead (force_page_cache_ra()), not
 * mapped.  Anonymous and shmem memory would be read back from swap, of
 * which the model has none: nothing to do.
 */
static int madvise_willneed(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end)
{
	struct file *file = vma->vm_file;
	pgoff_t index;

	if (!file || !file->f_mapping || shmem_file(file))
		return 0;
	index = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);
	force_page_cache_ra(file->f_mapping, &file->f_ra, index,
			    (end - start) >> PAGE_SHIFT);
	return 0;
}

/*
 * MADV_REMOVE: punch a hole in the file behind a shared mapping that
 * may write (the shared mappings of the range are zapped with it).
 */
static int madvise_remove(struct vm_area_struct *vma, unsigned long start,
			  unsigned long end)
{
	loff_t offset;

	if (vma->vm_flags & VM_LOCKED)
		return -EINVAL;
	if (!vma->vm_file || !vma->vm_file->f_mapping)
		return -EINVAL;
	if (!vma_is_shared_maywrite(vma))
		return -EACCES;
	offset = (loff_t)(start - vma->vm_start) +
		 ((loff_t)vma->vm_pgoff << PAGE_SHIFT);
	return (int)vfs_fallocate(vma->vm_file,
				  FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
				  offset, end - start);
}

/*
 * MADV_DONTNEED: zap the range, keeping markers, and free each PTE table
 * it covers whole and leaves empty (pt_reclaim.c).
 */
static void madvise_dontneed_single_vma(struct vm_area_struct *vma,
					unsigned long start, unsigned long end)
{
	const struct zap_details details = { .reclaim_pt = true };

	update_hiwater_rss(vma->vm_mm);
	unmap_page_range(vma, start, end, &details);
}

static int madvise_vma(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, int behavior)
{
	vm_flags_t flags;
	int err;

	if (!can_madvise_modify(vma, behavior))
		return -EPERM;
	switch (behavior) {
	case MADV_GUARD_INSTALL:
		return madvise_guard_install(vma, start, end);
	case MADV_GUARD_REMOVE:
		return madvise_guard_remove(vma, start, end);
	case MADV_DONTNEED:
		if (vma->vm_flags & (VM_LOCKED | VM_PFNMAP))
			return -EINVAL;
		madvise_dontneed_single_vma(vma, start, end);
		return 0;
	case MADV_FREE:
		if ((vma->vm_flags & (VM_LOCKED | VM_PFNMAP)) || !vma_is_anonymous(vma))
			return -EINVAL;
		madvise_free_range(vma, start, end);
		return 0;
	case MADV_COLD:
	case MADV_PAGEOUT:
		if (vma->vm_flags & (VM_LOCKED | VM_PFNMAP | VM_HUGETLB))
			return -EINVAL;
		madvise_cold_or_pageout_range(vma, start, end,
					      behavior == MADV_PAGEOUT);
		return 0;
	case MADV_REMOVE:
		return madvise_remove(vma, start, end);
	case MADV_WILLNEED:
		return madvise_willneed(vma, start, end);
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return madvise_populate(vma, start, end, behavior == MADV_POPULATE_WRITE);
	case MADV_COLLAPSE:
		return madvise_collapse(vma, start, end);
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
	if (len && !PAGE_ALIGN(len))	/* a small negative length wrapped */
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
			/* MADV_POPULATE_* fault in through GUP, which stops at a hole */
			if (behavior == MADV_POPULATE_READ || behavior == MADV_POPULATE_WRITE)
				return -ENOMEM;
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

/* ---- process_madvise(2) ------------------------------------------------ */

#define UIO_MAXIOV	1024

/* What a process may advise on another's memory (non-destructive hints). */
static bool process_madvise_remote_valid(int behavior)
{
	switch (behavior) {
	case MADV_COLD: case MADV_PAGEOUT: case MADV_WILLNEED:
	case MADV_COLLAPSE:
		return true;
	}
	return false;
}

/* The process @pid names (a pidfd), if it still has its memory. */
static struct task_struct *pidfd_task(struct machine *m, int pid)
{
	struct task_struct *t;

	list_for_each_entry(t, &m->tasks, tasks)
		if (t->pid == pid)
			return t->mm ? t : NULL;
	return NULL;
}

/* vector_madvise(): the bytes advised, or the error of the first range. */
static ssize_t vector_madvise(struct task_struct *target,
			      const struct iovec_range *vec, size_t vlen,
			      int behavior)
{
	size_t total = 0, done = 0;
	ssize_t ret = 0;

	for (size_t i = 0; i < vlen; i++)
		total += vec[i].len;
	for (size_t i = 0; i < vlen && done < total; i++) {
		if (!vec[i].len)
			continue;	/* the iterator steps over empty segments */
		ret = sys_madvise(target, vec[i].base, vec[i].len, behavior);
		if (ret < 0)
			break;
		done += vec[i].len;
	}
	return done ? (ssize_t)done : ret;
}

/**
 * sys_process_madvise - process_madvise(2) by @t.
 * @t:        the calling process
 * @pid:      the pid of the process the pidfd refers to (the caller's own
 *            for PIDFD_SELF), or the negative errno resolving it gave
 *            (-EBADF: no pidfd)
 * @vec:      the ranges (struct iovec), @vlen of them
 * @behavior: the advice
 * @flags:    must be 0
 *
 * Context: Linux 6.18: any advice on oneself, only MADV_COLD, PAGEOUT,
 * WILLNEED and COLLAPSE on another process, with CAP_SYS_NICE.
 * Return: the bytes advised (those of the ranges before the first that
 * failed), or -EINVAL (flags, more than UIO_MAXIOV ranges, advice),
 * -EFAULT (a range reaching past the top of user space), -EBADF,
 * -ESRCH (the process is gone), -EPERM, or the first range's error.
 */
ssize_t sys_process_madvise(struct task_struct *t, int pid,
			    const struct iovec_range *vec, size_t vlen,
			    int behavior, unsigned int flags)
{
	struct task_struct *target;

	machine_enter(t->machine);
	if (flags)
		return -EINVAL;
	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	/* import_iovec() checks every range with access_ok() before the pidfd */
	for (size_t i = 0; i < vlen; i++)
		if (!access_ok(vec[i].base, vec[i].len))
			return -EFAULT;
	if (pid < 0)
		return pid;
	target = pidfd_task(t->machine, pid);
	if (!target)
		return -ESRCH;
	if (target->mm != t->mm) {
		if (!process_madvise_remote_valid(behavior))
			return -EINVAL;
		if (!has_capability(t, CAP_SYS_NICE))
			return -EPERM;
	}
	return vector_madvise(target, vec, vlen, behavior);
}
