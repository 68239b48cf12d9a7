// SPDX-License-Identifier: GPL-2.0
/*
 * userfaultfd.c - userfaultfd (fs/userfaultfd.c and mm/userfaultfd.c in
 * the kernel), for the one userfaultfd each mm may have: the model has
 * no file for it, so mm->uffd_ctx stands for the context of the
 * scenario's userfaultfd (a process with several is not modelled).
 *
 *   UFFDIO_API		uffd_api(): once (-EINVAL after), features known to
 *			Linux 6.18 only; WP_ASYNC brings WP_UNPOPULATED.
 *			Registering first does it with no feature, as a
 *			monitor that asks for nothing would.
 *   UFFDIO_REGISTER	uffd_register(): modes MISSING and WP on the VMAs of
 *			an aligned range (holes between them allowed, one VMA
 *			at least), anonymous or shmem (any VMA for WP alone
 *			with WP_ASYNC), VM_MAYWRITE (-EPERM); VMAs split.
 *   UFFDIO_UNREGISTER	uffd_unregister(): drops the modes and resolves every
 *			write protection left in the range.
 *   UFFDIO_WRITEPROTECT uffd_writeprotect() -> uffd_wp_range(): present
 *			entries get the uffd-wp bit (and lose write); where
 *			the registration wants markers (WP_UNPOPULATED, or a
 *			file), empty entries get a uffd-wp PTE marker, page
 *			tables allocated for them.  Resolving clears both.
 *   UFFDIO_COPY	uffd_copy(): fill an empty page of an anonymous VMA
 *			registered for it: a fresh exclusive page, dirty,
 *			writable only if the VMA is (mm/userfaultfd.c:
 *			mfill_atomic_install_pte).
 *
 * Faults (mm/memory.c) ask userfaultfd_missing(), userfaultfd_pte_wp()
 * and userfaultfd_wp_async(): a fault the monitor must see goes to
 * handle_userfault(), which records why (ctx.fault_reason) and returns
 * VM_FAULT_RETRY - the access is reported to the scenario instead of
 * completing (UACCESS_UFFD_WP, UACCESS_UFFD_MISSING).  With WP_ASYNC a
 * write to a protected entry resolves it in the fault, and nothing is
 * reported.  A child after fork has no userfaultfd (no EVENT_FORK): its
 * VMAs lose VM_UFFD_*, its entries the uffd-wp bit.
 */
#include <string.h>

#include "internal.h"

/* ---- what faults ask --------------------------------------------------- */

bool userfaultfd_wp(struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_UFFD_WP;
}

bool userfaultfd_missing(struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_UFFD_MISSING;
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

/* No fault-around where each fault may have to go to the monitor. */
bool uffd_disable_fault_around(struct vm_area_struct *vma)
{
	return vma->vm_flags & (VM_UFFD_WP | VM_UFFD_MINOR);
}

vm_fault_t handle_userfault(struct vm_fault *vmf, unsigned long reason)
{
	vmf->vma->vm_mm->uffd_ctx.fault_reason = reason;
	return VM_FAULT_RETRY;	/* the task now waits for the monitor */
}

/* ---- UFFDIO_API -------------------------------------------------------- */

int uffd_api(struct task_struct *t, uint64_t features)
{
	struct userfaultfd_ctx *ctx = &t->mm->uffd_ctx;

	machine_enter(t->machine);
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

/* ---- UFFDIO_REGISTER / UNREGISTER -------------------------------------- */

static int validate_range(unsigned long start, unsigned long len)
{
	if ((start | len) & ~PAGE_MASK || !len)
		return -EINVAL;
	if (start < MMAP_MIN_ADDR || start >= TASK_SIZE || len > TASK_SIZE - start)
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

/* Set the VMAs' userfaultfd modes over [start, end) to @uffd_flags. */
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

		if (flags != vma->vm_flags) {
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

int uffd_register(struct task_struct *t, unsigned long start,
		  unsigned long len, unsigned long mode)
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
	return err;
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

		if (!ptep && !leaf_pmd && !leaf_pud && markers) {
			ptep = walk_to_pte_alloc(mm, addr);
			if (!ptep)
				return -ENOMEM;
		}
		if (ptep)
			uffd_wp_pte(vma, addr, ptep, enable_wp, markers, upgrade);
	}
	return 0;
}

/* UFFDIO_WRITEPROTECT: @wp sets the protection, else resolves it. */
int uffd_writeprotect(struct task_struct *t, unsigned long start,
		      unsigned long len, bool wp)
{
	struct mm_struct *mm = t->mm;
	unsigned long end = start + len;
	struct vm_area_struct *vma;
	int err;

	machine_enter(t->machine);
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

/* ---- UFFDIO_COPY ------------------------------------------------------- */

/* One page: a fresh exclusive anonymous page holding @byte. */
static int uffd_copy_page(struct vm_area_struct *vma, unsigned long addr,
			  int byte, bool wp)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page *page;
	pte_t *ptep, pte;

	if (anon_vma_prepare(vma))
		return -ENOMEM;
	ptep = walk_to_pte_alloc(mm, addr);
	if (!ptep)
		return -ENOMEM;
	pte = ptep_get(ptep);
	/* an empty entry, or a uffd-wp marker (UFFDIO_COPY may fill those) */
	if (!pte_none(pte) && !pte_marker_uffd_wp(pte))
		return -EEXIST;
	page = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	if (!page)
		return -ENOMEM;
	if (frame_fill(page, 0, byte, PAGE_SIZE)) {
		put_page(page);
		return -ENOMEM;
	}
	pte = pte_mkdirty(pfn_pte(page_to_pfn(page), vma->vm_page_prot));
	if (!current_machine()->profile.soft_dirty)
		pte = pte_clear_soft_dirty(pte);
	if (vma->vm_flags & VM_WRITE)
		pte = pte_mkwrite(pte);
	if (wp)
		pte = pte_mkuffd_wp(pte);
	folio_add_new_anon_rmap(page_folio(page), vma, addr);
	set_pte_at(mm, addr, ptep, pte);
	return 0;
}

/*
 * uffd_copy - UFFDIO_COPY of @len bytes of @byte to @start (the model
 * copies from a pattern, not from another address).  Anonymous VMAs
 * only in the model (shmem: -EINVAL).
 * Return: the bytes copied, or a negative errno when none were.
 */
long uffd_copy(struct task_struct *t, unsigned long start, unsigned long len,
	       int byte, unsigned long mode)
{
	struct mm_struct *mm = t->mm;
	struct vm_area_struct *vma;
	unsigned long addr;
	int err;

	machine_enter(t->machine);
	if (!mm->uffd_ctx.initialized)
		return -EINVAL;
	if (mode & ~(UFFDIO_COPY_MODE_DONTWAKE | UFFDIO_COPY_MODE_WP))
		return -EINVAL;
	err = validate_range(start, len);
	if (err)
		return err;
	vma = vma_lookup(mm, start);
	if (!vma || start + len > vma->vm_end ||
	    !(vma->vm_flags & (VM_UFFD_MISSING | VM_UFFD_WP | VM_UFFD_MINOR)))
		return -ENOENT;
	if ((mode & UFFDIO_COPY_MODE_WP) && !userfaultfd_wp(vma))
		return -EINVAL;
	if (!vma_is_anonymous(vma) || (vma->vm_flags & VM_SHARED))
		return -EINVAL;
	for (addr = start; addr < start + len; addr += PAGE_SIZE) {
		err = uffd_copy_page(vma, addr, byte, mode & UFFDIO_COPY_MODE_WP);
		if (err)
			return addr > start ? (long)(addr - start) : err;
	}
	return (long)len;
}
