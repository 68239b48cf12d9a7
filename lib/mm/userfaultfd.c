// SPDX-License-Identifier: GPL-2.0
/*
 * userfaultfd.c - userfaultfd (fs/userfaultfd.c and mm/userfaultfd.c in
 * the kernel), for the one userfaultfd each mm may have: the model has
 * no file for it, so mm->uffd_ctx stands for the context of the
 * scenario's userfaultfd (a process with several is not modelled).
 *
 *   UFFDIO_API		uffd_api(), uffd_api_version(): api UFFD_API only,
 *			once (-EINVAL after; a refused call initializes
 *			nothing), features known to Linux 6.18 only;
 *			WP_ASYNC brings WP_UNPOPULATED.  Registering first
 *			does it with no feature, as a monitor that asks for
 *			nothing would.
 *   UFFDIO_REGISTER	uffd_register(), uffd_register_ioctls(): modes
 *			MISSING, WP and MINOR (shmem only) on the VMAs of an
 *			aligned range (holes between them allowed, one VMA at
 *			least), anonymous or shmem (any VMA for WP alone with
 *			WP_ASYNC), VM_MAYWRITE (-EPERM); VMAs split.  The
 *			ioctls returned: WRITEPROTECT only for WP, CONTINUE
 *			only for MINOR.
 *   UFFDIO_UNREGISTER	uffd_unregister(): drops the modes and resolves every
 *			write protection left in the range.
 *   UFFDIO_WRITEPROTECT uffd_writeprotect() -> uffd_wp_range(): present
 *			entries get the uffd-wp bit (and lose write); where
 *			the registration wants markers (WP_UNPOPULATED, or a
 *			file), empty entries get a uffd-wp PTE marker, page
 *			tables allocated for them.  Resolving clears both.
 *   UFFDIO_COPY,	uffd_copy(), uffd_zeropage(), uffd_poison(),
 *   _ZEROPAGE, _POISON, uffd_continue() -> mfill_atomic(): one registered
 *   _CONTINUE		VMA, page by page, a short count when a page fails.
 *			Private memory (anonymous or a private file mapping)
 *			gets fresh anonymous pages or the zero page; shared
 *			shmem gets new page-cache pages (shmem_mfill_atomic_pte:
 *			-EEXIST where the cache has one); POISON a poisoned
 *			marker; CONTINUE maps the page the cache holds (-EFAULT
 *			if none).  COPY and CONTINUE may replace any marker
 *			(pte_none_mostly), ZEROPAGE and POISON only an empty
 *			entry.  A new entry is dirty, writable only if the VMA
 *			is - and never for a cached page in a private mapping
 *			(mfill_atomic_install_pte).
 *   UFFDIO_MOVE	uffd_move(): exclusive anonymous pages (and zero
 *			pages) move to a registered private anonymous VMA of
 *			the same protection, their rmap with them; the source
 *			is left empty.  A PMD THP moves whole where both ends
 *			are PMD-aligned, the range covers it and the
 *			destination PMD is empty (move_pages_huge_pmd());
 *			otherwise it is split, and a large folio is split
 *			before one of its pages moves.
 *
 * Faults (mm/memory.c, mm/shmem.c) ask userfaultfd_missing(),
 * userfaultfd_minor(), userfaultfd_pte_wp() and userfaultfd_wp_async(): a
 * fault the monitor must see goes to handle_userfault(), which records
 * why and where (ctx.fault_reason, .fault_address) and returns
 * VM_FAULT_RETRY; with UFFD_FEATURE_SIGBUS it is VM_FAULT_SIGBUS instead.
 *
 * The monitor.  The scenario's monitor of a process runs during that
 * process's own commands (the native agent's monitor thread does the
 * same), and what becomes of a fault depends on who faulted:
 *   - the process's own user-mode access (write, read, touch): the monitor
 *     interrupts it - the access is reported to the scenario instead of
 *     completing (UACCESS_UFFD_WP, _MISSING, _MINOR), memory unchanged;
 *   - a kernel-mode access (copy_to_user in read(2)) or a GUP that may
 *     wait (FOLL_UNLOCKABLE: populating, pins, process_vm_readv) of the
 *     process's own memory: no signal ends such a wait (x86's fault
 *     handler retries a kernel-mode fault unless the signal is fatal, GUP
 *     waits killably), so the monitor serves the fault -
 *     userfaultfd_monitor_serve() - and the access is retried and completes;
 *   - a GUP of another process's memory: its monitor is idle, the caller
 *     waits for ever (userfaultfd_waits_for_ever(), SYSCALL_BLOCKS);
 *   - a GUP that may not wait (/proc/PID/mem, mprotect's populating):
 *     handle_userfault() is SIGBUS for it, EFAULT.  With WP_ASYNC a write to a protected entry resolves it in
 * the fault, and nothing is reported.  A child after fork has no
 * userfaultfd without EVENT_FORK: its VMAs lose VM_UFFD_*, its entries
 * the uffd-wp bit; with it, the child's registered VMAs keep both and
 * the child's uffd_ctx is the context the monitor got with the event.
 */
#include <string.h>

#include "internal.h"

/* ---- what faults ask --------------------------------------------------- */

bool userfaultfd_wp(struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_UFFD_WP;
}

bool userfaultfd_minor(struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_UFFD_MINOR;
}

bool userfaultfd_pte_wp(struct vm_area_struct *vma, pte_t pte)
{
	return userfaultfd_wp(vma) && pte_uffd_wp(pte);
}

bool userfaultfd_wp_async(struct vm_area_struct *vma)
{
	return userfaultfd_wp(vma) &&
	       (vma->vm_mm->uffd_ctx.features & UFFD_FEATURE_WP_ASYNC);
}

/* Does write-protection of this VMA put markers in empty entries? */
bool userfaultfd_wp_use_markers(struct vm_area_struct *vma)
{
	if (!userfaultfd_wp(vma))
		return false;
	if (!vma_is_anonymous(vma))
		return true;		/* a file's page cache may be there */
	return vma->vm_mm->uffd_ctx.features & UFFD_FEATURE_WP_UNPOPULATED;
}

/*
 * mremap: without UFFD_FEATURE_EVENT_REMAP the monitor never learns
 * where a registered VMA went, so the moved VMA is registered no more
 * (mremap_userfaultfd_prep -> userfaultfd_reset_ctx), and the moved
 * entries lose their uffd-wp bits and markers (move_ptes).
 */
bool vma_has_uffd_without_event_remap(struct vm_area_struct *vma)
{
	return (vma->vm_flags & (VM_UFFD_MISSING | VM_UFFD_WP | VM_UFFD_MINOR)) &&
	       !(vma->vm_mm->uffd_ctx.features & UFFD_FEATURE_EVENT_REMAP);
}

void mremap_userfaultfd_prep(struct vm_area_struct *new_vma)
{
	if (!vma_has_uffd_without_event_remap(new_vma))
		return;
	vm_flags_clear(new_vma, VM_UFFD_MISSING | VM_UFFD_WP | VM_UFFD_MINOR);
	if (new_vma->vm_flags & VM_SHARED)
		vma_set_page_prot(new_vma);
}

/*
 * fork (dup_userfaultfd): with UFFD_FEATURE_EVENT_FORK a child whose
 * VMAs were registered gets a userfaultfd context of its own, the
 * parent's features, which the monitor receives with the fork event -
 * in the model, the child's uffd_ctx - and its VMAs keep their modes,
 * its entries their uffd-wp bits.  Without the feature the child's VMAs
 * are registered no more.
 */
bool dup_userfaultfd_keeps(struct mm_struct *oldmm)
{
	return oldmm->uffd_ctx.initialized &&
	       (oldmm->uffd_ctx.features & UFFD_FEATURE_EVENT_FORK);
}

void dup_userfaultfd_complete(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *vma;

	if (!dup_userfaultfd_keeps(oldmm))
		return;
	for_each_vma(mm, vma) {
		if (vma->vm_flags & (VM_UFFD_MISSING | VM_UFFD_WP | VM_UFFD_MINOR)) {
			mm->uffd_ctx.initialized = true;
			mm->uffd_ctx.features = oldmm->uffd_ctx.features;
			return;
		}
	}
}

/* No fault-around where each fault may have to go to the monitor. */
bool uffd_disable_fault_around(struct vm_area_struct *vma)
{
	return vma->vm_flags & (VM_UFFD_WP | VM_UFFD_MINOR);
}

vm_fault_t handle_userfault(struct vm_fault *vmf, unsigned long reason)
{
	struct userfaultfd_ctx *ctx = &vmf->vma->vm_mm->uffd_ctx;

	if (ctx->features & UFFD_FEATURE_SIGBUS)
		return VM_FAULT_SIGBUS;	/* no monitor waits: the task gets it */
	ctx->fault_reason = reason;
	ctx->fault_address = vmf->address;
	return VM_FAULT_RETRY;	/* the task now waits for the monitor */
}

/*
 * A GUP on behalf of another task (process_vm_readv: pin_user_pages_remote()
 * with @locked, so FOLL_UNLOCKABLE and FAULT_FLAG_ALLOW_RETRY |
 * FAULT_FLAG_KILLABLE) that reached handle_userfault() sleeps killably
 * until @mm's monitor resolves the fault.  The model runs one task's
 * system call at a time, and a process's monitor serves faults only
 * during that process's own calls (docs/scenarios.md, Userfaultfd): when
 * @mm is not @t's, its owner is idle and nothing will ever wake @t.  A
 * task's faults in its own mm are its running monitor's, which serves
 * them (userfaultfd_monitor_serve()).  UFFD_FEATURE_SIGBUS never gets
 * here (VM_FAULT_SIGBUS).
 */
bool userfaultfd_waits_for_ever(struct task_struct *t, struct mm_struct *mm)
{
	return mm != t->mm;
}

/* ---- UFFDIO_API -------------------------------------------------------- */

int uffd_api_version(struct task_struct *t, uint64_t api, uint64_t features)
{
	struct userfaultfd_ctx *ctx = &t->mm->uffd_ctx;

	machine_enter(t->machine);
	if (api != UFFD_API_VERSION)
		return -EINVAL;
	if ((features & UFFD_FEATURE_EVENT_FORK) &&
	    !(t->cap_effective & (1ULL << CAP_SYS_PTRACE)))
		return -EPERM;
	if (features & UFFD_FEATURE_WP_ASYNC)
		features |= UFFD_FEATURE_WP_UNPOPULATED;
	if (features & ~UFFD_API_FEATURES)
		return -EINVAL;
	if (ctx->initialized)
		return -EINVAL;
	ctx->initialized = true;
	ctx->features = features;
	return 0;
}

int uffd_api(struct task_struct *t, uint64_t features)
{
	return uffd_api_version(t, UFFD_API_VERSION, features);
}

/* ---- UFFDIO_REGISTER / UNREGISTER -------------------------------------- */

/*
 * The range every uffd ioctl is handed: page-aligned, not empty, inside
 * the task's address space.  Linux 6.18 has no mmap_min_addr floor here:
 * a range below it simply finds no VMA (ENOENT for the fills, moves and
 * write-protection; EINVAL from register).
 */
static int validate_range(unsigned long start, unsigned long len)
{
	if ((start | len) & ~PAGE_MASK || !len)
		return -EINVAL;
	if (start >= TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	return 0;
}

static bool vma_can_userfault(struct vm_area_struct *vma, vm_flags_t vm_flags,
			      bool wp_async)
{
	vm_flags &= VM_UFFD_MISSING | VM_UFFD_WP | VM_UFFD_MINOR;
	if (vma->vm_flags & VM_DROPPABLE)
		return false;
	if ((vm_flags & VM_UFFD_MINOR) && !vma_is_shmem(vma))
		return false;
	if (wp_async && vm_flags == VM_UFFD_WP)
		return true;	/* any memory: only PAGEMAP_SCAN reads it */
	if (vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP | VM_IO))
		return false;
	return vma_is_anonymous(vma) || vma_is_shmem(vma);
}

/* The VMAs of [start, end), at least one, all able to take @vm_flags. */
static int uffd_check_vmas(struct mm_struct *mm, unsigned long start,
			   unsigned long end, vm_flags_t vm_flags, bool any)
{
	bool wp_async = mm->uffd_ctx.features & UFFD_FEATURE_WP_ASYNC;
	struct vm_area_struct *vma = find_vma(mm, start);

	if (!vma || vma->vm_start >= end)
		return -EINVAL;
	for (; vma && vma->vm_start < end; vma = vma_next(vma)) {
		if (!vma_can_userfault(vma, any ? vma->vm_flags : vm_flags, wp_async))
			return -EINVAL;
		if (!any && !(vma->vm_flags & VM_MAYWRITE))
			return -EPERM;
	}
	return 0;
}

/*
 * Set the VMAs' userfaultfd modes over [start, end) to @uffd_flags.  A
 * registration leaves a VMA that already has every mode it asks for as
 * it is - neither split nor narrowed (userfaultfd_register_range()).
 */
static int uffd_set_vmas(struct mm_struct *mm, unsigned long start,
			 unsigned long end, vm_flags_t uffd_flags)
{
	const vm_flags_t all = VM_UFFD_MISSING | VM_UFFD_WP | VM_UFFD_MINOR;
	struct vm_area_struct *vma = find_vma(mm, start);
	int err = 0;

	while (vma && vma->vm_start < end) {
		unsigned long s = max(start, vma->vm_start), e = min(end, vma->vm_end);
		vm_flags_t flags = (vma->vm_flags & ~all) | uffd_flags;
		bool wp_changed = (vma->vm_flags ^ flags) & VM_UFFD_WP;
		bool has_all = uffd_flags && (vma->vm_flags & uffd_flags) == uffd_flags;

		if (flags != vma->vm_flags && !has_all) {
			vma = vma_modify_flags(vma, s, e, flags, &err);
			if (!vma)
				return err;
			if (wp_changed && (vma->vm_flags & VM_SHARED))
				vma_set_page_prot(vma);
		}
		vma = vma_next(vma);
	}
	return 0;
}

/* What UFFDIO_REGISTER returns in .ioctls for anon and shmem ranges. */
#define UFFD_API_RANGE_IOCTLS						\
	((1ULL << _UFFDIO_WAKE) | (1ULL << _UFFDIO_COPY) |		\
	 (1ULL << _UFFDIO_ZEROPAGE) | (1ULL << _UFFDIO_MOVE) |		\
	 (1ULL << _UFFDIO_WRITEPROTECT) | (1ULL << _UFFDIO_CONTINUE) |	\
	 (1ULL << _UFFDIO_POISON))

int uffd_register(struct task_struct *t, unsigned long start,
		  unsigned long len, unsigned long mode)
{
	uint64_t ioctls;

	return uffd_register_ioctls(t, start, len, mode, &ioctls);
}

int uffd_register_ioctls(struct task_struct *t, unsigned long start,
			 unsigned long len, unsigned long mode, uint64_t *ioctls)
{
	struct mm_struct *mm = t->mm;
	vm_flags_t vm_flags = 0;
	int err;

	machine_enter(t->machine);
	if (!mode || (mode & ~(UFFDIO_REGISTER_MODE_MISSING |
			       UFFDIO_REGISTER_MODE_WP |
			       UFFDIO_REGISTER_MODE_MINOR)))
		return -EINVAL;
	if (!mm->uffd_ctx.initialized && (err = uffd_api(t, 0)))
		return err;
	if (mode & UFFDIO_REGISTER_MODE_MISSING)
		vm_flags |= VM_UFFD_MISSING;
	if (mode & UFFDIO_REGISTER_MODE_WP)
		vm_flags |= VM_UFFD_WP;
	if (mode & UFFDIO_REGISTER_MODE_MINOR)
		vm_flags |= VM_UFFD_MINOR;
	err = validate_range(start, len);
	if (!err)
		err = uffd_check_vmas(mm, start, start + len, vm_flags, false);
	if (!err)
		err = uffd_set_vmas(mm, start, start + len, vm_flags);
	if (err)
		return err;
	/* WRITEPROTECT only for WP ranges, CONTINUE only for MINOR ones */
	*ioctls = UFFD_API_RANGE_IOCTLS;
	if (!(mode & UFFDIO_REGISTER_MODE_WP))
		*ioctls &= ~(1ULL << _UFFDIO_WRITEPROTECT);
	if (!(mode & UFFDIO_REGISTER_MODE_MINOR))
		*ioctls &= ~(1ULL << _UFFDIO_CONTINUE);
	return 0;
}

int uffd_unregister(struct task_struct *t, unsigned long start,
		    unsigned long len)
{
	struct mm_struct *mm = t->mm;
	unsigned long end = start + len;
	struct vm_area_struct *vma;
	int err;

	machine_enter(t->machine);
	if (!mm->uffd_ctx.initialized)
		return -EINVAL;
	err = validate_range(start, len);
	if (!err)
		err = uffd_check_vmas(mm, start, end, 0, true);
	if (err)
		return err;
	/* userfaultfd_clear_vma: first resolve what is still protected */
	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = vma_next(vma)) {
		unsigned long s = max(start, vma->vm_start), e = min(end, vma->vm_end);

		if (userfaultfd_wp(vma) && (err = uffd_wp_range(vma, s, e - s, false)))
			return err;
	}
	return uffd_set_vmas(mm, start, end, 0);
}

/* ---- write protection -------------------------------------------------- */

/* One entry: protect it (a marker where it is empty, if @markers) or not. */
static void uffd_wp_pte(struct vm_area_struct *vma, unsigned long addr,
			pte_t *ptep, bool enable_wp, bool markers, bool upgrade)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t pte = ptep_get(ptep);

	if (pte_present(pte)) {
		if (enable_wp) {
			pte = pte_mkuffd_wp(pte);
		} else {
			pte = pte_clear_uffd_wp(pte);
			if (upgrade && can_change_pte_writable(vma, addr, pte))
				pte = pte_mkwrite(pte);
		}
		set_pte_at(mm, addr, ptep, pte);
	} else if (pte_none(pte)) {
		if (enable_wp && markers)
			set_pte_at(mm, addr, ptep, make_pte_marker(PTE_MARKER_UFFD_WP));
	} else if (is_guard_pte_marker(pte)) {
		return;		/* any access faults anyway */
	} else if (pte_marker_uffd_wp(pte)) {
		if (!enable_wp)	/* the next fault is not trapped */
			ptep_get_and_clear(mm, addr, ptep);
	} else {
		set_pte_at(mm, addr, ptep, enable_wp ? pte_swp_mkuffd_wp(pte) :
						       pte_swp_clear_uffd_wp(pte));
	}
}

/*
 * uffd_wp_range - change_protection(MM_CP_UFFD_WP or _RESOLVE) over
 * [start, start + len) of @vma.  Resolving may make an entry writable at
 * once where no write fault is needed (MM_CP_TRY_CHANGE_WRITABLE).
 * Return: 0, or -ENOMEM when a page table for a marker cannot be had.
 */
int uffd_wp_range(struct vm_area_struct *vma, unsigned long start,
		  unsigned long len, bool enable_wp)
{
	bool markers = enable_wp && userfaultfd_wp_use_markers(vma);
	bool upgrade = !enable_wp && vma_wants_manual_pte_write_upgrade(vma);
	struct mm_struct *mm = vma->vm_mm;
	unsigned long addr, end = start + len;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pmd_t *leaf_pmd = NULL;
		pud_t *leaf_pud = NULL;
		pte_t *ptep = walk_to_pte(mm, addr, &leaf_pmd, &leaf_pud);

		/* a THP PMD wholly in the range takes the bit; else it is split */
		if (leaf_pmd && pmd_is_anon_huge(vma, *leaf_pmd)) {
			if (uffd_wp_huge_pmd(vma, leaf_pmd, addr, end, enable_wp)) {
				addr = (addr | (PMD_SIZE - 1)) + 1 - PAGE_SIZE;
				continue;
			}
			ptep = walk_to_pte(mm, addr, &leaf_pmd, &leaf_pud);
		}
		if (!ptep && !leaf_pmd && !leaf_pud && markers) {
			ptep = walk_to_pte_alloc(mm, addr);
			if (!ptep)
				return -ENOMEM;
		} else if (!ptep && !leaf_pmd && !leaf_pud) {
			/* nothing to protect where no table is */
			addr = pte_hole_end(mm, addr, end) - PAGE_SIZE;
			continue;
		}
		if (ptep)
			uffd_wp_pte(vma, addr, ptep, enable_wp, markers, upgrade);
	}
	return 0;
}

/* UFFDIO_WRITEPROTECT on @mm's userfaultfd (userfaultfd_writeprotect). */
static int __uffd_writeprotect(struct mm_struct *mm, unsigned long start,
			       unsigned long len, bool wp)
{
	unsigned long end = start + len;
	struct vm_area_struct *vma;
	int err;

	if (!mm->uffd_ctx.initialized)
		return -EINVAL;
	err = validate_range(start, len);
	if (err)
		return err;
	err = -ENOENT;		/* no VMA in the range */
	for (vma = find_vma(mm, start); vma && vma->vm_start < end;
	     vma = vma_next(vma)) {
		unsigned long s = max(start, vma->vm_start), e = min(end, vma->vm_end);

		if (!userfaultfd_wp(vma))
			return -ENOENT;
		err = uffd_wp_range(vma, s, e - s, wp);
		if (err)
			return err;
	}
	return err;
}

/* UFFDIO_WRITEPROTECT: @wp sets the protection, else resolves it. */
int uffd_writeprotect(struct task_struct *t, unsigned long start,
		      unsigned long len, bool wp)
{
	machine_enter(t->machine);
	return __uffd_writeprotect(t->mm, start, len, wp);
}

/* ---- the fills: UFFDIO_COPY, _ZEROPAGE, _POISON, _CONTINUE ----------- */

enum mfill_mode { MFILL_COPY, MFILL_ZEROPAGE, MFILL_POISON, MFILL_CONTINUE };

struct mfill {
	enum mfill_mode mode;
	int byte;		/* MFILL_COPY: what the source holds */
	bool wp;		/* the new entry is write-protected */
};

/* mfill_atomic_install_pte: @page is new (anonymous) or in the cache. */
static void mfill_install_pte(struct vm_area_struct *vma, unsigned long addr,
			      pte_t *ptep, struct page *page, bool wp)
{
	bool in_cache = page->mapping;	/* a new page has none yet */
	pte_t pte = pte_mkdirty(pfn_pte(page_to_pfn(page), vma->vm_page_prot));

	if (!current_machine()->profile.soft_dirty)
		pte = pte_clear_soft_dirty(pte);
	/* a cached page in a private mapping stays read-only: COW later */
	if ((vma->vm_flags & VM_WRITE) && (!in_cache || (vma->vm_flags & VM_SHARED)))
		pte = pte_mkwrite(pte);
	if (wp)
		pte = pte_mkuffd_wp(pte);
	if (in_cache)
		folio_add_file_rmap_pte(page_folio(page), vma);
	else
		folio_add_new_anon_rmap(page_folio(page), vma, addr, RMAP_EXCLUSIVE);
	set_pte_at(vma->vm_mm, addr, ptep, pte);
}

/*
 * pte_none_mostly: where UFFDIO_COPY and _CONTINUE may install a page -
 * an empty entry or any marker (uffd-wp, poisoned, and in Linux 6.18
 * even a guard marker: measured on the host).
 */
static bool mfill_pte_none_mostly(pte_t pte)
{
	return pte_none(pte) || is_pte_marker(pte);
}

/* A fresh page holding @byte in every byte; NULL when out of memory. */
static struct page *mfill_alloc_page(int byte)
{
	struct page *page = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);

	if (page && frame_fill(page, 0, byte, PAGE_SIZE)) {
		put_page(page);
		return NULL;
	}
	return page;
}

/* Is @addr of a file VMA past the end of its file (truncated meanwhile)? */
static bool mfill_beyond_eof(struct vm_area_struct *vma, unsigned long addr)
{
	struct inode *inode;

	if (!vma->vm_file)
		return false;
	inode = vma->vm_file->f_inode;
	return linear_page_index(vma, addr) >=
	       (pgoff_t)((inode->i_size + PAGE_SIZE - 1) >> PAGE_SHIFT);
}

/*
 * Private memory: UFFDIO_COPY makes an anonymous page, ZEROPAGE maps zero;
 * neither past the end of a private file mapping's file (both install
 * through mfill_atomic_install_pte(), which checks the file's size).
 */
static int mfill_private(struct vm_area_struct *vma, unsigned long addr,
			 pte_t *ptep, const struct mfill *f)
{
	struct page *page;
	pte_t pte = ptep_get(ptep);

	if (mfill_beyond_eof(vma, addr))
		return -EFAULT;
	if (f->mode == MFILL_ZEROPAGE) {
		if (!pte_none(pte))	/* not even over a marker */
			return -EEXIST;
		pte = pte_mkspecial(pfn_pte(current_machine()->zero_pfn,
					    vma->vm_page_prot));
		set_pte_at(vma->vm_mm, addr, ptep, pte_wrprotect(pte));
		return 0;
	}
	if (!mfill_pte_none_mostly(pte))
		return -EEXIST;
	page = mfill_alloc_page(f->byte);
	if (!page)
		return -ENOMEM;
	mfill_install_pte(vma, addr, ptep, page, f->wp);
	return 0;
}

/* Shared shmem (shmem_mfill_atomic_pte): a new page in the page cache. */
static int mfill_shmem(struct vm_area_struct *vma, unsigned long addr,
		       pte_t *ptep, const struct mfill *f)
{
	struct address_space *mapping = &vma->vm_file->f_inode->i_data;
	pgoff_t index = linear_page_index(vma, addr);
	struct page *page;
	int err;

	if (mfill_beyond_eof(vma, addr))
		return -EFAULT;
	if (filemap_get_folio(mapping, index))
		return -EEXIST;
	if (!mfill_pte_none_mostly(ptep_get(ptep)))
		return -EEXIST;
	page = mfill_alloc_page(f->mode == MFILL_COPY ? f->byte : 0);
	if (!page)
		return -ENOMEM;
	SetPageSwapBacked(page);
	SetPageUptodate(page);
	err = filemap_add_folio(mapping, page_folio(page), index);
	if (err) {
		put_page(page);
		return err;
	}
	folio_mark_dirty(page_folio(page));
	folio_get(page_folio(page));	/* the mapping's, beside the cache's */
	mfill_install_pte(vma, addr, ptep, page, f->wp);
	return 0;
}

/* UFFDIO_CONTINUE (mfill_atomic_pte_continue): map what the cache holds. */
static int mfill_continue(struct vm_area_struct *vma, unsigned long addr,
			  pte_t *ptep, const struct mfill *f)
{
	struct inode *inode = vma->vm_file->f_inode;
	pgoff_t index = linear_page_index(vma, addr);
	struct folio *folio;

	if (mfill_beyond_eof(vma, addr))
		return -EINVAL;		/* shmem_get_folio(SGP_NOALLOC) past EOF */
	folio = filemap_get_folio(&inode->i_data, index);
	if (!folio)
		return -EFAULT;
	if (!mfill_pte_none_mostly(ptep_get(ptep)))
		return -EEXIST;
	folio_get(folio);
	mfill_install_pte(vma, addr, ptep, &folio->page, f->wp);
	return 0;
}

/* mfill_atomic_pte: one page. */
static int mfill_atomic_pte(struct vm_area_struct *vma, unsigned long addr,
			    const struct mfill *f)
{
	pmd_t *leaf = NULL;
	pte_t *ptep;

	walk_to_pte(vma->vm_mm, addr, &leaf, NULL);
	if (leaf)		/* a THP or the huge zero PMD is there */
		return -EEXIST;
	ptep = walk_to_pte_alloc(vma->vm_mm, addr);
	if (!ptep)
		return -ENOMEM;
	switch (f->mode) {
	case MFILL_CONTINUE:
		return mfill_continue(vma, addr, ptep, f);
	case MFILL_POISON:
		if (mfill_beyond_eof(vma, addr))
			return -EFAULT;
		if (!pte_none(ptep_get(ptep)))	/* not even over a marker */
			return -EEXIST;
		set_pte_at(vma->vm_mm, addr, ptep, make_pte_marker(PTE_MARKER_POISONED));
		return 0;
	default:
		if (vma->vm_flags & VM_SHARED)
			return mfill_shmem(vma, addr, ptep, f);
		return mfill_private(vma, addr, ptep, f);
	}
}

/*
 * mfill_atomic - the checks every fill makes, then one page at a time.
 * Return: the bytes filled, or a negative errno when none were.
 */
static long mfill_atomic(struct mm_struct *mm, unsigned long start,
			 unsigned long len, const struct mfill *f)
{
	struct vm_area_struct *vma;
	unsigned long addr;
	int err;

	if (!mm->uffd_ctx.initialized)
		return -EINVAL;
	err = validate_range(start, len);
	if (err)
		return err;
	vma = vma_lookup(mm, start);
	if (!vma || start + len > vma->vm_end ||
	    !(vma->vm_flags & (VM_UFFD_MISSING | VM_UFFD_WP | VM_UFFD_MINOR)))
		return -ENOENT;
	if (f->wp && !userfaultfd_wp(vma))
		return -EINVAL;
	if (!vma_is_anonymous(vma) && !vma_is_shmem(vma))
		return -EINVAL;
	if (f->mode == MFILL_CONTINUE && !vma_is_shmem(vma))
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED) && anon_vma_prepare(vma))
		return -ENOMEM;
	for (addr = start; addr < start + len; addr += PAGE_SIZE) {
		err = mfill_atomic_pte(vma, addr, f);
		if (err)
			return addr > start ? (long)(addr - start) : err;
	}
	return (long)len;
}

/*
 * uffd_copy - UFFDIO_COPY of @len bytes of @byte to @start (the model
 * copies from a pattern, not from another address).
 * Return: the bytes copied, or a negative errno when none were.
 */
long uffd_copy(struct task_struct *t, unsigned long start, unsigned long len,
	       int byte, unsigned long mode)
{
	struct mfill f = { MFILL_COPY, byte, mode & UFFDIO_COPY_MODE_WP };

	if (mode & ~(UFFDIO_COPY_MODE_DONTWAKE | UFFDIO_COPY_MODE_WP))
		return -EINVAL;
	machine_enter(t->machine);
	return mfill_atomic(t->mm, start, len, &f);
}

/* uffd_zeropage - UFFDIO_ZEROPAGE.  Return: as uffd_copy(). */
long uffd_zeropage(struct task_struct *t, unsigned long start,
		   unsigned long len, unsigned long mode)
{
	struct mfill f = { MFILL_ZEROPAGE, 0, false };

	if (mode & ~UFFDIO_COPY_MODE_DONTWAKE)	/* ZEROPAGE_MODE_DONTWAKE */
		return -EINVAL;
	machine_enter(t->machine);
	return mfill_atomic(t->mm, start, len, &f);
}

/* uffd_poison - UFFDIO_POISON.  Return: as uffd_copy(). */
long uffd_poison(struct task_struct *t, unsigned long start, unsigned long len,
		 unsigned long mode)
{
	struct mfill f = { MFILL_POISON, 0, false };

	if (mode & ~UFFDIO_COPY_MODE_DONTWAKE)	/* POISON_MODE_DONTWAKE */
		return -EINVAL;
	machine_enter(t->machine);
	return mfill_atomic(t->mm, start, len, &f);
}

/* uffd_continue - UFFDIO_CONTINUE.  Return: as uffd_copy(). */
long uffd_continue(struct task_struct *t, unsigned long start,
		   unsigned long len, unsigned long mode)
{
	struct mfill f = { MFILL_CONTINUE, 0, mode & UFFDIO_CONTINUE_MODE_WP };

	if (mode & ~(UFFDIO_CONTINUE_MODE_DONTWAKE | UFFDIO_CONTINUE_MODE_WP))
		return -EINVAL;
	machine_enter(t->machine);
	return mfill_atomic(t->mm, start, len, &f);
}

/* ---- the scenario's monitor ------------------------------------------- */

/**
 * userfaultfd_monitor_serve - the scenario's monitor serves the fault
 * that handle_userfault() last queued on @mm's userfaultfd, one page, as
 * the native agent's monitor serves a fault its signal cannot end
 * (tools/mmsim/backend/native_uffd.c): a write-protect fault is resolved
 * (UFFDIO_WRITEPROTECT without MODE_WP: the page loses its uffd-wp bit
 * and may become writable), a minor fault is UFFDIO_CONTINUE (the cached
 * page is mapped), a missing fault UFFDIO_ZEROPAGE (the zero page in
 * private memory, a zero-filled page put in the page cache and mapped in
 * shared shmem); where that fails (a marker is there) it only wakes the
 * task (UFFDIO_WAKE), which faults again.
 * @mm: the address space whose fault went to the monitor: the memory of
 *      the task whose system call faulted (a kernel-mode access, or a GUP
 *      that may wait: FOLL_UNLOCKABLE with GUP_OWN_MONITOR)
 *
 * Context: after handle_userfault() returned VM_FAULT_RETRY for a fault
 * in @mm; the caller retries the access, as the kernel's fault handler
 * and GUP do once the monitor wakes the task.
 * Return: 0 (served, or only woken), or -ENOMEM when the monitor's ioctl
 * could not allocate.
 */
int userfaultfd_monitor_serve(struct mm_struct *mm)
{
	static const struct mfill cont = { MFILL_CONTINUE, 0, false };
	static const struct mfill zero = { MFILL_ZEROPAGE, 0, false };
	struct userfaultfd_ctx *ctx = &mm->uffd_ctx;
	unsigned long page = ctx->fault_address & PAGE_MASK;
	long ret;

	if (ctx->fault_reason == VM_UFFD_WP)
		ret = __uffd_writeprotect(mm, page, PAGE_SIZE, false);
	else if (ctx->fault_reason == VM_UFFD_MINOR)
		ret = mfill_atomic(mm, page, PAGE_SIZE, &cont);
	else
		ret = mfill_atomic(mm, page, PAGE_SIZE, &zero);
	return ret == -ENOMEM ? -ENOMEM : 0;
}

/**
 * userfaultfd_monitor_retry - the monitor serves a fault of an access that
 * retries one address (a GUP, a populating loop) once more
 * @mm: the address space whose fault went to the monitor
 * @served: how many times it was served for this address; counted here
 *
 * Context: as userfaultfd_monitor_serve(), for a caller that may wait.
 * Return: userfaultfd_monitor_serve()'s, or -EFAULT once the fault was
 * served UFFD_MONITOR_RETRIES times and still came back.
 */
int userfaultfd_monitor_retry(struct mm_struct *mm, int *served)
{
	if (++*served > UFFD_MONITOR_RETRIES)
		return -EFAULT;
	return userfaultfd_monitor_serve(mm);
}

/* ---- UFFDIO_MOVE (anonymous memory, Linux 6.8) -------------------------- */

#define UFFDIO_MOVE_MODE_DONTWAKE		(1UL << 0)
#define UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES	(1UL << 1)

/* validate_move_areas: like for like, writable, anonymous, dst registered. */
static int validate_move_areas(struct vm_area_struct *src_vma,
			       struct vm_area_struct *dst_vma)
{
	const vm_flags_t incompatible = VM_PFNMAP | VM_IO | VM_MIXEDMAP | VM_HUGETLB;

	if ((src_vma->vm_flags & VM_ACCESS_FLAGS) != (dst_vma->vm_flags & VM_ACCESS_FLAGS) ||
	    pgprot_val(src_vma->vm_page_prot) != pgprot_val(dst_vma->vm_page_prot))
		return -EINVAL;
	if ((src_vma->vm_flags & VM_LOCKED) != (dst_vma->vm_flags & VM_LOCKED))
		return -EINVAL;
	if (!(src_vma->vm_flags & VM_WRITE))
		return -EINVAL;
	if ((src_vma->vm_flags | dst_vma->vm_flags) & incompatible)
		return -EINVAL;
	if (!(dst_vma->vm_flags & (VM_UFFD_MISSING | VM_UFFD_WP | VM_UFFD_MINOR)))
		return -EINVAL;
	if (!vma_is_anonymous(src_vma) || !vma_is_anonymous(dst_vma))
		return -EINVAL;
	return 0;
}

/*
 * move_pages_pte - move one entry: the zero page as it is, an exclusive
 * anonymous page with its rmap (folio_move_anon_rmap: the dst VMA's
 * anon_vma and index), dirty and writable at the destination.
 */
static int move_pages_pte(struct vm_area_struct *dst_vma,
			  struct vm_area_struct *src_vma, unsigned long dst_addr,
			  unsigned long src_addr, unsigned long mode)
{
	struct mm_struct *mm = dst_vma->vm_mm;
	pmd_t *src_leaf = NULL, *dst_leaf = NULL;
	pte_t *src_ptep = walk_to_pte(mm, src_addr, &src_leaf, NULL);
	pte_t *dst_ptep, src_pte, dst_pte;
	struct page *page;
	struct folio *folio;

	/* move_pages_pmd() moved or split a PMD leaf; none is left */
	if (src_leaf)
		return -EBUSY;
	walk_to_pte(mm, dst_addr, &dst_leaf, NULL);
	if (dst_leaf)
		return -EEXIST;
	/* no page table at the source: a hole, before looking at dst */
	if (!src_ptep && !(mode & UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES))
		return -ENOENT;
	dst_ptep = walk_to_pte_alloc(mm, dst_addr);
	if (!dst_ptep)
		return -ENOMEM;
	if (!pte_none(ptep_get(dst_ptep)))
		return -EEXIST;
	src_pte = src_ptep ? ptep_get(src_ptep) : __pte(0);
	if (pte_none(src_pte))
		return (mode & UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES) ? 0 : -ENOENT;
	if (!pte_present(src_pte))
		return -EFAULT;		/* a marker: nothing to move */
	if (pte_pfn(src_pte) == current_machine()->zero_pfn) {
		dst_pte = pte_mkspecial(pfn_pte(pte_pfn(src_pte), dst_vma->vm_page_prot));
		dst_pte = pte_wrprotect(dst_pte);
	} else {
		page = vm_normal_page(src_vma, src_addr, src_pte);
		folio = page ? page_folio(page) : NULL;
		if (!folio || !folio_test_anon(folio) || !PageAnonExclusive(page) ||
		    folio_maybe_dma_pinned(folio))
			return -EBUSY;
		if (folio_test_large(folio)) {
			/* a page moves alone: split its folio, then look again */
			if (split_folio(folio))
				return -EBUSY;
			return move_pages_pte(dst_vma, src_vma, dst_addr, src_addr, mode);
		}
		page->mapping = (void *)((unsigned long)dst_vma->anon_vma |
					 PAGE_MAPPING_ANON);
		page->index = linear_page_index(dst_vma, dst_addr);
		dst_pte = pte_mkdirty(pfn_pte(page_to_pfn(page), dst_vma->vm_page_prot));
		if (current_machine()->profile.soft_dirty)
			dst_pte = pte_mksoft_dirty(dst_pte);
		else
			dst_pte = pte_clear_soft_dirty(dst_pte);
		dst_pte = pte_mkwrite(dst_pte);
	}
	ptep_get_and_clear(mm, src_addr, src_ptep);
	set_pte_at(mm, dst_addr, dst_ptep, dst_pte);
	return 0;
}

/* A PMD leaf at @src_addr cannot move whole: the range or an address is
 * not PMD-aligned, or the destination PMD holds a table already. */
static bool move_splits_huge_pmd(unsigned long dst_addr, unsigned long src_addr,
				 unsigned long src_end)
{
	return (src_addr & ~HPAGE_PMD_MASK) || (dst_addr & ~HPAGE_PMD_MASK) ||
	       src_end - src_addr < HPAGE_PMD_SIZE;
}

/*
 * move_pages_pmd - the PMD step of UFFDIO_MOVE (move_pages(), Linux 6.8):
 * a destination PMD leaf is -EEXIST; a THP or huge zero PMD at the source
 * moves whole when it can (move_pages_huge_pmd()), else it is split here
 * - an exclusive THP only, -EBUSY otherwise - and move_pages_pte() moves
 * its pages one by one, splitting the folio.
 * Return: the bytes moved at PMD level, 0 to go on at PTE level, or a
 * negative errno.
 */
static long move_pages_pmd(struct vm_area_struct *dst_vma,
			   struct vm_area_struct *src_vma, unsigned long dst_addr,
			   unsigned long src_addr, unsigned long src_end)
{
	struct mm_struct *mm = dst_vma->vm_mm;
	pmd_t *src_pmd = NULL, *dst_pmd;
	pud_t *dst_pud = pud_alloc(mm, pgd_offset(mm, dst_addr), dst_addr);
	pmd_t src_pmdval;
	int err;

	dst_pmd = dst_pud ? pmd_alloc(mm, dst_pud, dst_addr) : NULL;
	if (!dst_pmd)
		return -ENOMEM;
	if (pmd_leaf(pmdp_get(dst_pmd)))
		return -EEXIST;
	walk_to_pte(mm, src_addr, &src_pmd, NULL);
	if (!src_pmd)
		return 0;
	src_pmdval = pmdp_get(src_pmd);
	if (!pmd_is_anon_huge(src_vma, src_pmdval))
		return -EBUSY;
	if (move_splits_huge_pmd(dst_addr, src_addr, src_end) ||
	    !pmd_none(pmdp_get(dst_pmd))) {
		if (!is_huge_zero_pmd(src_pmdval) &&
		    !PageAnonExclusive(pfn_to_page(pmd_pfn(src_pmdval))))
			return -EBUSY;
		__split_huge_pmd(src_vma, src_pmd, src_addr);
		return 0;
	}
	err = move_pages_huge_pmd(mm, dst_pmd, src_pmd, dst_vma, src_vma,
				  dst_addr, src_addr);
	return err ? err : (long)HPAGE_PMD_SIZE;
}

/*
 * uffd_move - UFFDIO_MOVE of [@src, @src + @len) to @dst, a range
 * registered with the process's userfaultfd: the pages themselves move,
 * the source is left empty.  Anonymous private memory only.
 * Return: the bytes moved, or a negative errno when none were.
 */
long uffd_move(struct task_struct *t, unsigned long dst, unsigned long src,
	       unsigned long len, unsigned long mode)
{
	struct mm_struct *mm = t->mm;
	struct vm_area_struct *src_vma, *dst_vma;
	unsigned long off;
	long step;
	int err;

	machine_enter(t->machine);
	if (!mm->uffd_ctx.initialized)
		return -EINVAL;
	if ((err = validate_range(dst, len)) || (err = validate_range(src, len)))
		return err;
	if (mode & ~(UFFDIO_MOVE_MODE_DONTWAKE | UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES))
		return -EINVAL;
	dst_vma = vma_lookup(mm, dst);
	src_vma = vma_lookup(mm, src);
	if (!dst_vma || !src_vma)
		return -ENOENT;
	if (!(dst_vma->vm_flags & VM_SHARED) && anon_vma_prepare(dst_vma))
		return -ENOMEM;
	if ((src_vma->vm_flags | dst_vma->vm_flags) & VM_SHARED ||
	    src + len > src_vma->vm_end || dst + len > dst_vma->vm_end)
		return -EINVAL;
	err = validate_move_areas(src_vma, dst_vma);
	if (err)
		return err;
	for (off = 0; off < len; off += step) {
		step = move_pages_pmd(dst_vma, src_vma, dst + off, src + off,
				      src + len);
		if (!step) {
			err = move_pages_pte(dst_vma, src_vma, dst + off,
					     src + off, mode);
			step = err ? err : (long)PAGE_SIZE;
		}
		if (step < 0)
			return off ? (long)off : step;
	}
	return (long)len;
}
