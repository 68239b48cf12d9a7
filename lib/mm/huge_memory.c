// SPDX-License-Identifier: GPL-2.0
/*
 * huge_memory.c - transparent huge pages for anonymous memory, as
 * mm/huge_memory.c has them in Linux 6.18 (paraphrased; the kernel's
 * function names are kept so a reader can look each one up):
 *
 *   policy	the profile's `thp`, `thp_zero_page` and per-size settings,
 *		VM_HUGEPAGE / VM_NOHUGEPAGE and prctl(PR_SET_THP_DISABLE):
 *		thp_vma_allowable_orders();
 *   fault	a PMD-aligned range inside an eligible VMA gets a PMD-mapped
 *		THP on a write fault (do_huge_pmd_anonymous_page()) and the
 *		huge zero folio on a read fault when use_zero_page allows;
 *		when the 2 MiB folio cannot be had the fault falls back to
 *		PTEs (VM_FAULT_FALLBACK), never to an error;
 *   COW	a write to the huge zero PMD gets a new THP
 *		(do_huge_zero_wp_pmd()); a write to a read-only THP PMD
 *		reuses the folio if this PMD holds it exclusively, otherwise
 *		splits the PMD and lets the PTE fault copy one page
 *		(do_huge_pmd_wp_page());
 *   split	__split_huge_pmd(): the PMD becomes 512 PTEs (the huge zero
 *		PMD: 512 PTEs of the small zero page) in the PTE table that
 *		was deposited with the leaf, so splitting never allocates;
 *		PageAnonExclusive goes to every page; the folio stays one
 *		large folio (PTE-mapped) until the deferred split queue is
 *		scanned;
 *   zap, fork, mprotect, mremap, uffd-wp, UFFDIO_MOVE, clear_refs: the
 *		PMD-level step of each walk, on a whole PMD, or a split
 *		first (mremap and UFFDIO_MOVE drop uffd-wp from a PMD the
 *		monitor does not follow);
 *   madvise	MADV_FREE, MADV_COLD and MADV_PAGEOUT on a PMD leaf: the
 *		whole THP at PMD level, or a folio split first;
 *   folio split: split_folio() (zero-filled pages become the zero page),
 *		split_folio_to_order(), the deferred split queue, scanned on
 *		demand (the kernel's shrinker, under memory pressure), and
 *		debugfs split_huge_pages on one process's range
 *		(split_huge_pages_pid()).
 *
 * PFN-map PMD/PUD leaves (drivers' ->huge_fault) are special: a split
 * drops them (they fault back in), as __split_huge_pmd_locked() does for
 * special VMAs.
 */
#include "internal.h"

/* ---- the policy ------------------------------------------------------ */

static const struct mmsim_profile *thp_profile(void)
{
	return &current_machine()->profile;
}

bool transparent_hugepage_use_zero_page(void)
{
	return thp_profile()->thp_use_zero_page;
}

_Thread_local struct thp_anon_orders thp_anon_orders;

/* Recompute the orders of each mode (seldom: the settings changed). */
void thp_anon_orders_update(const struct mmsim_profile *p)
{
	unsigned long always = 0, madvise = 0, inherit = 0;

	for (int order = MMSIM_THP_MIN_ORDER; order <= MMSIM_THP_MAX_ORDER; order++) {
		switch (p->thp_anon[order]) {
		case MMSIM_THP_ALWAYS:
			always |= BIT(order);
			break;
		case MMSIM_THP_MADVISE:
			madvise |= BIT(order);
			break;
		case MMSIM_THP_INHERIT:
			inherit |= BIT(order);
			break;
		}
	}
	thp_anon_orders.key = thp_anon_key(p);
	thp_anon_orders.always = always;
	thp_anon_orders.madvise = madvise;
	thp_anon_orders.inherit = inherit;
	thp_anon_orders.valid = true;
}

bool thp_vma_suitable_order(struct vm_area_struct *vma, unsigned long addr,
			    int order)
{
	unsigned long hpage_size = PAGE_SIZE << order;
	unsigned long haddr = ALIGN_DOWN(addr, hpage_size);

	/* a file's pages must line up with the virtual alignment */
	if (!vma_is_anonymous(vma) &&
	    !IS_ALIGNED((vma->vm_start >> PAGE_SHIFT) - vma->vm_pgoff,
			hpage_size >> PAGE_SHIFT))
		return false;
	return haddr >= vma->vm_start && haddr + hpage_size <= vma->vm_end;
}

/*
 * vma_thp_disabled - include/linux/huge_mm.h (6.18): VM_NOHUGEPAGE, or the
 * process's prctl(PR_SET_THP_DISABLE).  MMF_DISABLE_THP_COMPLETELY leaves
 * no THP at all, not even for MADV_COLLAPSE; MMF_DISABLE_THP_EXCEPT_ADVISED
 * spares a VMA advised with MADV_HUGEPAGE and a forced collapse.
 */
static bool vma_thp_disabled(struct vm_area_struct *vma, vm_flags_t vm_flags,
			     bool forced_collapse)
{
	unsigned long mmf = vma->vm_mm->flags;

	if (vm_flags & VM_NOHUGEPAGE)
		return true;
	if (mmf & (1UL << MMF_DISABLE_THP_COMPLETELY))
		return true;
	if ((vm_flags & VM_HUGEPAGE) || forced_collapse)
		return false;
	return mmf & (1UL << MMF_DISABLE_THP_EXCEPT_ADVISED);
}

static bool vma_is_special_huge(struct vm_area_struct *vma)
{
	return vma->vm_file && (vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP));
}

/* Keep the orders from the highest that fits at the end of the VMA down. */
static unsigned long orders_fitting_vma(struct vm_area_struct *vma,
					unsigned long orders)
{
	int order = highest_order(orders);

	while (orders) {
		if (thp_vma_suitable_order(vma, vma->vm_end - (PAGE_SIZE << order),
					   order))
			break;
		order = next_order(&orders, order);
	}
	return orders;
}

/* The checks after the sysfs orders: huge_mm.h's wrapper calls it. */
unsigned long __thp_vma_allowable_orders(struct vm_area_struct *vma,
					 vm_flags_t vm_flags, enum tva_type type,
					 unsigned long orders)
{
	bool smaps = type == TVA_SMAPS, in_pf = type == TVA_PAGEFAULT;
	bool forced = type == TVA_FORCED_COLLAPSE;
	bool anon = vma_is_anonymous(vma);

	if (vma_thp_disabled(vma, vm_flags, forced))
		return 0;
	orders &= anon ? THP_ORDERS_ALL_ANON :
		  vma_is_special_huge(vma) ? THP_ORDERS_ALL_SPECIAL :
		  forced && vma_is_shmem(vma) ? BIT(PMD_ORDER) : 0;
	if (!orders)
		return 0;
	if (!in_pf && !smaps && (vm_flags & (VM_SPECIAL | VM_HUGETLB)))
		return 0;
	if (!in_pf) {
		orders = orders_fitting_vma(vma, orders);
		if (!orders)
			return 0;
	}
	if (!anon) {
		/*
		 * shmem_enabled stays "never": shmem gets no THP in the model
		 * but where MADV_COLLAPSE forces one (shmem_allowable_huge_orders()
		 * allows the PMD order to a forced collapse unless "deny").
		 */
		if (vma_is_shmem(vma))
			return forced ? orders : 0;
		if (!forced && (!hugepage_global_enabled() ||
				(!(vm_flags & VM_HUGEPAGE) && !hugepage_global_always())))
			return 0;
		if ((in_pf || smaps) && vma->vm_ops && vma->vm_ops->huge_fault)
			return orders;
		return 0;
	}
	/* smaps and faults do not need the anon_vma yet */
	if (!vma->anon_vma)
		return (smaps || in_pf) ? orders : 0;
	return orders;
}


/* ---- PMD entries ------------------------------------------------------- */

static inline pmd_t folio_mk_pmd(struct folio *folio, pgprot_t prot)
{
	return __pmd(((uint64_t)folio_pfn(folio) << PAGE_SHIFT) |
		     pgprot_val(prot) | _PAGE_PSE);
}

/* pmd_mkdirty(): soft-dirty too, where it is built in. */
static inline pmd_t thp_pmd_mkdirty(pmd_t pmd)
{
	pmd = pmd_mkdirty(pmd);
	return current_machine()->profile.soft_dirty ? pmd :
	       pmd_clear_soft_dirty(pmd);
}

static inline pmd_t maybe_pmd_mkwrite(pmd_t pmd, struct vm_area_struct *vma)
{
	return (vma->vm_flags & VM_WRITE) ? pmd_mkwrite(pmd) : pmd;
}

static void pmd_populate(struct mm_struct *mm, unsigned long addr,
			 pmd_t *pmd, unsigned long pgtable_pfn)
{
	set_pmd_at(mm, addr, pmd,
		   __pmd(((uint64_t)pgtable_pfn << PAGE_SHIFT) | _PAGE_TABLE));
}

static void zap_deposited_table(struct mm_struct *mm, unsigned long addr)
{
	pte_free(mm, pgtable_trans_huge_withdraw(mm, addr));
}

bool pmd_is_anon_huge(struct vm_area_struct *vma, pmd_t pmd)
{
	return pmd_leaf(pmd) && vma_is_anonymous(vma) &&
	       (!pmd_special(pmd) || is_huge_zero_pmd(pmd));
}

/* ---- the huge zero folio ------------------------------------------- */

bool is_huge_zero_folio(const struct folio *folio)
{
	return folio == current_machine()->thp.huge_zero_folio;
}

/*
 * mm_get_huge_zero_folio - the huge zero folio, allocated on first use;
 * each mm holds one reference (MMF_HUGE_ZERO_PAGE) until it exits.
 */
static struct folio *mm_get_huge_zero_folio(struct mm_struct *mm)
{
	struct machine *m = current_machine();
	struct folio *zero;

	if (mm->flags & (1UL << MMF_HUGE_ZERO_PAGE))
		return m->thp.huge_zero_folio;
	if (!m->thp.huge_zero_folio) {
		zero = folio_alloc((GFP_TRANSHUGE | __GFP_ZERO) & ~__GFP_MOVABLE,
				   HPAGE_PMD_ORDER);
		if (!zero)
			return NULL;
		/* never mapped by the rmap, never split */
		zero->_flags_1 &= ~(1UL << PG_large_rmappable);
		m->thp.huge_zero_folio = zero;
		m->thp.huge_zero_pfn = folio_pfn(zero);
		m->thp.huge_zero_refcount = 1;	/* the shrinker's */
		m->ev.thp_zero_page_alloc++;
	}
	m->thp.huge_zero_refcount++;
	mm->flags |= 1UL << MMF_HUGE_ZERO_PAGE;
	return m->thp.huge_zero_folio;
}

/* The shrinker frees the huge zero folio once only its own reference is left. */
static void huge_zero_folio_shrink(struct machine *m)
{
	if (m->thp.huge_zero_folio && m->thp.huge_zero_refcount == 1) {
		folio_put(m->thp.huge_zero_folio);
		m->thp.huge_zero_folio = NULL;
		m->thp.huge_zero_pfn = 0;
		m->thp.huge_zero_refcount = 0;
	}
}

void mm_put_huge_zero_folio(struct mm_struct *mm)
{
	struct machine *m = current_machine();

	if (!(mm->flags & (1UL << MMF_HUGE_ZERO_PAGE)))
		return;
	mm->flags &= ~(1UL << MMF_HUGE_ZERO_PAGE);
	m->thp.huge_zero_refcount--;
	huge_zero_folio_shrink(m);
}

void huge_zero_folio_exit(struct machine *m)
{
	huge_zero_folio_shrink(m);
}

static void set_huge_zero_folio(unsigned long pgtable, struct mm_struct *mm,
				struct vm_area_struct *vma, unsigned long haddr,
				pmd_t *pmd, struct folio *zero)
{
	/* 6.18 marks the huge zero PMD special: vm_normal_page_pmd() skips it */
	pmd_t entry = pmd_mkspecial(folio_mk_pmd(zero, vma->vm_page_prot));

	pgtable_trans_huge_deposit(mm, haddr, pgtable);
	set_pmd_at(mm, haddr, pmd, pmd_wrprotect(entry));
}

/* ---- anonymous faults ---------------------------------------------- */

static void map_anon_folio_pmd(struct folio *folio, pmd_t *pmd,
			       struct vm_area_struct *vma, unsigned long haddr)
{
	pmd_t entry = folio_mk_pmd(folio, vma->vm_page_prot);

	entry = maybe_pmd_mkwrite(thp_pmd_mkdirty(entry), vma);
	folio_add_new_anon_rmap(folio, vma, haddr, RMAP_EXCLUSIVE);
	set_pmd_at(vma->vm_mm, haddr, pmd, entry);
	current_machine()->ev.thp_fault_alloc++;
}

/* A PMD-sized folio for @vma, or NULL: the caller falls back. */
static struct folio *vma_alloc_anon_folio_pmd(struct vm_area_struct *vma)
{
	struct folio *folio = folio_alloc(GFP_TRANSHUGE, HPAGE_PMD_ORDER);

	if (!folio)
		current_machine()->ev.thp_fault_fallback++;
	return folio;
}

static vm_fault_t __do_huge_pmd_anonymous_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long haddr = vmf->address & HPAGE_PMD_MASK;
	struct folio *folio = vma_alloc_anon_folio_pmd(vma);
	unsigned long pgtable;

	if (!folio)
		return VM_FAULT_FALLBACK;
	pgtable = pte_alloc_one(vma->vm_mm);
	if (!pgtable) {
		folio_put(folio);
		return VM_FAULT_OOM;
	}
	if (check_stable_address_space(vma->vm_mm)) {
		folio_put(folio);
		pte_free(vma->vm_mm, pgtable);
		return VM_FAULT_SIGBUS;
	}
	if (userfaultfd_missing(vma)) {		/* the monitor fills it */
		folio_put(folio);
		pte_free(vma->vm_mm, pgtable);
		return handle_userfault(vmf, VM_UFFD_MISSING);
	}
	map_anon_folio_pmd(folio, vmf->pmd, vma, haddr);
	pgtable_trans_huge_deposit(vma->vm_mm, haddr, pgtable);
	/* every new THP may later be found underused by the shrinker */
	deferred_split_folio(folio, false);
	return 0;
}

static vm_fault_t do_huge_pmd_anonymous_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long haddr = vmf->address & HPAGE_PMD_MASK;
	struct folio *zero;
	unsigned long pgtable;

	if (!thp_vma_suitable_order(vma, haddr, PMD_ORDER))
		return VM_FAULT_FALLBACK;
	if (anon_vma_prepare(vma))
		return VM_FAULT_OOM;
	if ((vmf->flags & FAULT_FLAG_WRITE) ||
	    !current_machine()->profile.zero_page ||
	    !transparent_hugepage_use_zero_page())
		return __do_huge_pmd_anonymous_page(vmf);
	pgtable = pte_alloc_one(vma->vm_mm);
	if (!pgtable)
		return VM_FAULT_OOM;
	zero = mm_get_huge_zero_folio(vma->vm_mm);
	if (!zero) {
		pte_free(vma->vm_mm, pgtable);
		current_machine()->ev.thp_fault_fallback++;
		return VM_FAULT_FALLBACK;
	}
	if (check_stable_address_space(vma->vm_mm)) {
		pte_free(vma->vm_mm, pgtable);
		return VM_FAULT_SIGBUS;
	}
	if (userfaultfd_missing(vma)) {		/* the mm keeps the zero folio */
		pte_free(vma->vm_mm, pgtable);
		return handle_userfault(vmf, VM_UFFD_MISSING);
	}
	set_huge_zero_folio(pgtable, vma->vm_mm, vma, haddr, vmf->pmd, zero);
	return 0;
}

/* A write to the huge zero PMD: a new THP in its place, or fall back. */
static vm_fault_t do_huge_zero_wp_pmd(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long haddr = vmf->address & HPAGE_PMD_MASK;
	struct folio *folio = vma_alloc_anon_folio_pmd(vma);

	if (!folio)
		return VM_FAULT_FALLBACK;
	/* the deposited table stays with the PMD */
	set_pmd_at(vma->vm_mm, haddr, vmf->pmd, __pmd(0));
	map_anon_folio_pmd(folio, vmf->pmd, vma, haddr);
	deferred_split_folio(folio, false);
	return 0;
}

static vm_fault_t do_huge_pmd_wp_page(struct vm_fault *vmf)
{
	bool unshare = vmf->flags & FAULT_FLAG_UNSHARE;
	struct vm_area_struct *vma = vmf->vma;
	unsigned long haddr = vmf->address & HPAGE_PMD_MASK;
	pmd_t orig_pmd = vmf->orig_pmd, entry;
	struct folio *folio;
	struct page *page;

	VM_BUG_ON_VMA(!vma->anon_vma, vma);
	if (is_huge_zero_pmd(orig_pmd)) {
		vm_fault_t ret = do_huge_zero_wp_pmd(vmf);

		if (!(ret & VM_FAULT_FALLBACK))
			return ret;
		goto fallback;
	}
	page = pfn_to_page(pmd_pfn(orig_pmd));
	folio = page_folio(page);
	if (cow_design()->reuse_by_mapcount) {
		/* before 5.8: reuse when this PMD is the only mapping */
		if (folio_mapcount(folio) != 1)
			goto fallback;
		if (folio_ref_count(folio) > 1)
			mmsim_note_kernel_bug(PRE58_COW_BUG);
		folio_move_anon_rmap(folio, vma);
		SetPageAnonExclusive(page);
		goto reuse;
	}
	if (PageAnonExclusive(page))
		goto reuse;
	/* as do_wp_page(): reuse only without any other reference */
	if (folio_ref_count(folio) != 1)
		goto fallback;
	folio_move_anon_rmap(folio, vma);
	SetPageAnonExclusive(page);
reuse:
	if (unshare)
		return 0;
	entry = maybe_pmd_mkwrite(thp_pmd_mkdirty(pmd_mkyoung(orig_pmd)), vma);
	if ((pmd_val(entry) & _PAGE_UFFD_WP) && (pmd_val(entry) & _PAGE_RW))
		mmsim_note_kernel_bug(STALE_UFFD_WP_BUG);
	set_pmd_at(vma->vm_mm, haddr, vmf->pmd, entry);
	return 0;
fallback:
	__split_huge_pmd(vma, vmf->pmd, vmf->address);
	return VM_FAULT_FALLBACK;
}

static bool userfaultfd_huge_pmd_wp(struct vm_area_struct *vma, pmd_t pmd)
{
	return (vma->vm_flags & VM_UFFD_WP) && pmd_uffd_wp(pmd);
}

/*
 * A write to a uffd-wp PMD goes to the monitor; in the asynchronous mode
 * (UFFD_FEATURE_WP_ASYNC) the PMD is split instead and the PTE fault
 * resolves the page written (mm/memory.c wp_huge_pmd()).
 */
static vm_fault_t wp_huge_pmd(struct vm_fault *vmf)
{
	if (!(vmf->flags & FAULT_FLAG_UNSHARE) &&
	    userfaultfd_huge_pmd_wp(vmf->vma, vmf->orig_pmd)) {
		if (!userfaultfd_wp_async(vmf->vma))
			return handle_userfault(vmf, VM_UFFD_WP);
		__split_huge_pmd(vmf->vma, vmf->pmd, vmf->address);
		return VM_FAULT_FALLBACK;
	}
	return do_huge_pmd_wp_page(vmf);
}

vm_fault_t handle_anon_pmd_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	pmd_t orig_pmd = pmdp_get(vmf->pmd), entry;

	if (pmd_none(orig_pmd)) {
		if (!thp_vma_allowable_order(vma, vma->vm_flags, TVA_PAGEFAULT,
					     PMD_ORDER))
			return VM_FAULT_FALLBACK;
		return do_huge_pmd_anonymous_page(vmf);
	}
	if (!pmd_is_anon_huge(vma, orig_pmd))
		return VM_FAULT_FALLBACK;
	vmf->orig_pmd = orig_pmd;
	if ((vmf->flags & (FAULT_FLAG_WRITE | FAULT_FLAG_UNSHARE)) &&
	    !pmd_write(orig_pmd))
		return wp_huge_pmd(vmf);
	/* huge_pmd_set_accessed(): a spurious fault, just mark the entry */
	entry = pmd_mkyoung(orig_pmd);
	if (vmf->flags & FAULT_FLAG_WRITE)
		entry = thp_pmd_mkdirty(entry);
	set_pmd_at(vma->vm_mm, vmf->address & HPAGE_PMD_MASK, vmf->pmd, entry);
	return 0;
}

/* ---- split ------------------------------------------------------------- */

static void __split_huge_zero_page_pmd(struct vm_area_struct *vma,
				       unsigned long haddr, pmd_t *pmd)
{
	struct mm_struct *mm = vma->vm_mm;
	pmd_t old_pmd = pmdp_get(pmd);
	unsigned long pgtable;
	pte_t *pte;

	set_pmd_at(mm, haddr, pmd, __pmd(0));
	pgtable = pgtable_trans_huge_withdraw(mm, haddr);
	pte = (pte_t *)pgtable_entries(pgtable);
	for (int i = 0; i < PTRS_PER_PTE; i++) {
		pte_t entry = pte_mkspecial(pfn_pte(current_machine()->zero_pfn,
						    vma->vm_page_prot));

		if (pmd_uffd_wp(old_pmd))
			entry = pte_mkuffd_wp(entry);
		set_pte_at(mm, haddr + i * PAGE_SIZE, pte + i, pte_wrprotect(entry));
	}
	pmd_populate(mm, haddr, pmd, pgtable);
}

/* The PMD of an anonymous THP becomes 512 PTEs of the same folio. */
static void __split_huge_pmd_locked(struct vm_area_struct *vma, pmd_t *pmd,
				    unsigned long haddr)
{
	struct mm_struct *mm = vma->vm_mm;
	pmd_t old_pmd = pmdp_get(pmd);
	struct page *page = pfn_to_page(pmd_pfn(old_pmd));
	struct folio *folio = page_folio(page);
	bool anon_exclusive = PageAnonExclusive(page);
	unsigned long pgtable;
	pte_t *pte, entry;

	set_pmd_at(mm, haddr, pmd, __pmd(0));	/* pmdp_invalidate() */
	if (pmd_dirty(old_pmd))
		folio_mark_dirty(folio);
	/* each PTE holds a reference and a mapcount, as the PMD did once */
	folio_ref_add(folio, HPAGE_PMD_NR - 1);
	folio_add_anon_rmap_ptes(folio, page, HPAGE_PMD_NR, vma, haddr,
				 anon_exclusive ? RMAP_EXCLUSIVE : RMAP_NONE);
	pgtable = pgtable_trans_huge_withdraw(mm, haddr);
	pte = (pte_t *)pgtable_entries(pgtable);
	entry = pfn_pte(pmd_pfn(old_pmd), vma->vm_page_prot);
	if (pmd_write(old_pmd))
		entry = pte_mkwrite(entry);
	if (!pmd_young(old_pmd))
		entry = pte_mkold(entry);
	if (pmd_dirty(old_pmd))		/* x86: soft-dirty too, where built in */
		entry = current_machine()->profile.soft_dirty ? pte_mkdirty(entry) :
			pte_set(entry, _PAGE_DIRTY);
	if (pmd_soft_dirty(old_pmd))
		entry = pte_mksoft_dirty(entry);
	if (pmd_uffd_wp(old_pmd))
		entry = pte_mkuffd_wp(entry);
	for (int i = 0; i < PTRS_PER_PTE; i++)
		set_pte_at(mm, haddr + i * PAGE_SIZE, pte + i,
			   __pte(pte_val(entry) + ((pteval_t)i << PAGE_SHIFT)));
	folio_remove_rmap_pmd(folio, page, vma);
	pmd_populate(mm, haddr, pmd, pgtable);
	current_machine()->ev.thp_split_pmd++;
}

void __split_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
		      unsigned long address)
{
	unsigned long haddr = address & HPAGE_PMD_MASK;

	if (!pmd_leaf(pmdp_get(pmd)))
		return;
	if (!pmd_is_anon_huge(vma, pmdp_get(pmd))) {
		/* a special (PFN-map) leaf: drop it, it faults back in */
		set_pmd_at(vma->vm_mm, haddr, pmd, __pmd(0));
		return;
	}
	if (is_huge_zero_pmd(pmdp_get(pmd)))
		__split_huge_zero_page_pmd(vma, haddr, pmd);
	else
		__split_huge_pmd_locked(vma, pmd, haddr);
}

void split_huge_pmd_address(struct vm_area_struct *vma, unsigned long address)
{
	pmd_t *leaf_pmd = NULL;
	pud_t *leaf_pud = NULL;

	walk_to_pte(vma->vm_mm, address, &leaf_pmd, &leaf_pud);
	if (leaf_pud) {
		/* a special PUD leaf (huge PFN map): dropped, as the kernel does */
		set_pud_at(vma->vm_mm, address & PUD_MASK, leaf_pud, __pud(0));
		return;
	}
	if (leaf_pmd)
		__split_huge_pmd(vma, leaf_pmd, address);
}

/*
 * vma_adjust_trans_huge - before @vma is split at @addr: a huge leaf
 * straddling @addr must not stay (split_huge_pmd_if_needed()).
 */
void vma_adjust_trans_huge(struct vm_area_struct *vma, unsigned long addr)
{
	pmd_t *leaf_pmd = NULL;
	pud_t *leaf_pud = NULL;

	walk_to_pte(vma->vm_mm, addr, &leaf_pmd, &leaf_pud);
	if ((leaf_pud && !IS_ALIGNED(addr, PUD_SIZE)) ||
	    (leaf_pmd && !IS_ALIGNED(addr, PMD_SIZE)))
		split_huge_pmd_address(vma, addr);
}

/* ---- zap, fork, mprotect, mremap, uffd-wp, clear_refs ----------------- */

bool zap_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr)
{
	struct mm_struct *mm = vma->vm_mm;
	pmd_t orig_pmd = pmdp_get(pmd);
	struct page *page;
	struct folio *folio;

	set_pmd_at(mm, addr, pmd, __pmd(0));
	if (!pmd_is_anon_huge(vma, orig_pmd))
		return true;		/* special: nothing to put */
	if (is_huge_zero_pmd(orig_pmd)) {
		zap_deposited_table(mm, addr);
		return true;
	}
	page = pfn_to_page(pmd_pfn(orig_pmd));
	folio = page_folio(page);
	folio_remove_rmap_pmd(folio, page, vma);
	zap_deposited_table(mm, addr);
	folio_put(folio);
	return true;
}

int copy_huge_pmd(struct vm_area_struct *dst_vma,
		  struct vm_area_struct *src_vma, pmd_t *dst_pmd,
		  pmd_t *src_pmd, unsigned long addr)
{
	struct mm_struct *dst_mm = dst_vma->vm_mm;
	pmd_t pmd = pmdp_get(src_pmd);
	unsigned long pgtable;
	struct folio *folio;
	struct page *page;

	if (!vma_is_anonymous(dst_vma))
		return 0;		/* refilled on fault */
	pgtable = pte_alloc_one(dst_mm);
	if (!pgtable)
		return -ENOMEM;
	if (is_huge_zero_pmd(pmd)) {
		/* it exists: this only takes the child's reference */
		mm_get_huge_zero_folio(dst_mm);
		goto set_pmd;
	}
	page = pfn_to_page(pmd_pfn(pmd));
	folio = page_folio(page);
	folio_get(folio);
	if (folio_try_dup_anon_rmap_pmd(folio, page, dst_vma, src_vma)) {
		/* maybe pinned: split, and copy at PTE level */
		folio_put(folio);
		pte_free(dst_mm, pgtable);
		__split_huge_pmd(src_vma, src_pmd, addr);
		return -EAGAIN;
	}
	add_mm_counter(dst_mm, MM_ANONPAGES, HPAGE_PMD_NR);
set_pmd:
	pgtable_trans_huge_deposit(dst_mm, addr, pgtable);
	set_pmd_at(src_vma->vm_mm, addr, src_pmd, pmd_wrprotect(pmd));
	if (!(dst_vma->vm_flags & VM_UFFD_WP))
		pmd = pmd_clear_uffd_wp(pmd);
	set_pmd_at(dst_mm, addr, dst_pmd, pmd_mkold(pmd_wrprotect(pmd)));
	return 0;
}

static bool can_change_pmd_writable(struct vm_area_struct *vma,
				    unsigned long addr, pmd_t pmd)
{
	struct machine *m = current_machine();
	struct page *page;

	if (!(vma->vm_flags & VM_WRITE) || pmd_protnone(pmd))
		return false;
	if (m->profile.soft_dirty && !(vma->vm_flags & VM_SOFTDIRTY) &&
	    !pmd_soft_dirty(pmd))
		return false;		/* needs the write fault for soft-dirty */
	if (userfaultfd_huge_pmd_wp(vma, pmd))
		return false;
	page = vm_normal_page_pmd(vma, addr, pmd);
	return page && PageAnonExclusive(page);
}

int change_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
		    unsigned long addr, unsigned long end, pgprot_t newprot,
		    bool try_writable)
{
	pmd_t entry;

	if ((addr & ~HPAGE_PMD_MASK) || end - addr < HPAGE_PMD_SIZE) {
		__split_huge_pmd(vma, pmd, addr);
		return 0;
	}
	entry = pmd_modify(pmdp_get(pmd), newprot);
	if (try_writable && !pmd_write(entry) &&
	    can_change_pmd_writable(vma, addr, entry))
		entry = pmd_mkwrite(entry);
	set_pmd_at(vma->vm_mm, addr, pmd, entry);
	return 1;
}

/* A new VMA's PMD for @addr, with an empty PTE table there freed. */
static pmd_t *alloc_new_pmd(struct mm_struct *mm, unsigned long addr)
{
	pud_t *pud = pud_alloc(mm, pgd_offset(mm, addr), addr);
	pmd_t *pmd = pud ? pmd_alloc(mm, pud, addr) : NULL;
	const uint64_t *e;

	if (!pmd || pmd_none(*pmd))
		return pmd;
	if (pmd_leaf(*pmd))
		return NULL;
	e = pgtable_entries(pmd_pfn(*pmd));
	for (int i = 0; i < PTRS_PER_PTE; i++)
		if (e[i])
			return NULL;
	pte_free(mm, pmd_pfn(*pmd));
	set_pmd_at(mm, addr, pmd, __pmd(0));
	return pmd;
}

bool move_huge_pmd(struct vm_area_struct *vma, unsigned long old_addr,
		   struct vm_area_struct *new_vma, unsigned long new_addr,
		   unsigned long len)
{
	struct mm_struct *mm = vma->vm_mm;
	pmd_t *old_pmd = NULL, *new_pmd;
	pud_t *leaf_pud = NULL;
	pmd_t entry;

	walk_to_pte(mm, old_addr, &old_pmd, &leaf_pud);
	if (!old_pmd)
		return false;
	if ((old_addr & ~HPAGE_PMD_MASK) || (new_addr & ~HPAGE_PMD_MASK) ||
	    len < HPAGE_PMD_SIZE || !pmd_is_anon_huge(vma, *old_pmd))
		goto split;
	new_pmd = alloc_new_pmd(new_vma->vm_mm, new_addr);
	if (!new_pmd)
		goto split;
	entry = pmdp_get(old_pmd);
	set_pmd_at(mm, old_addr, old_pmd, __pmd(0));
	/* no monitor follows the move: its protection goes (6.13) */
	if (vma_has_uffd_without_event_remap(vma))
		entry = pmd_clear_uffd_wp(entry);
	set_pmd_at(new_vma->vm_mm, new_addr, new_pmd, entry);
	pgtable_trans_huge_deposit(new_vma->vm_mm, new_addr,
				   pgtable_trans_huge_withdraw(mm, old_addr));
	return true;
split:
	__split_huge_pmd(vma, old_pmd, old_addr);
	return false;
}

/*
 * move_pages_huge_pmd - UFFDIO_MOVE of a whole PMD leaf to an empty,
 * PMD-aligned destination PMD of the same mm (the caller checked both).
 * A THP must be exclusive and not pinned; it goes over to @dst_vma's
 * anon_vma and index and is mapped dirty and writable there, as mremap()
 * leaves a moved entry (without uffd-wp or soft-dirty of the source's).
 * The huge zero PMD moves as it is, without uffd-wp: 6.18 as released
 * rebuilds it from a NULL folio (a bad PFN, so no scenario moves one on
 * the host); the fix sent to stable in 2026 takes the source entry, and
 * the model follows the fix.  The deposited PTE table moves with the
 * leaf.
 *
 * Context: the uffd_move() step for one PMD.
 * Return: 0, or -EBUSY for a shared or pinned THP.
 */
int move_pages_huge_pmd(struct mm_struct *mm, pmd_t *dst_pmd, pmd_t *src_pmd,
			struct vm_area_struct *dst_vma,
			struct vm_area_struct *src_vma, unsigned long dst_addr,
			unsigned long src_addr)
{
	pmd_t src_pmdval = pmdp_get(src_pmd), entry;
	struct folio *folio = NULL;

	(void)src_vma;
	if (!is_huge_zero_pmd(src_pmdval)) {
		folio = page_folio(pfn_to_page(pmd_pfn(src_pmdval)));
		if (!PageAnonExclusive(&folio->page) ||
		    folio_maybe_dma_pinned(folio))
			return -EBUSY;
	}
	set_pmd_at(mm, src_addr, src_pmd, __pmd(0));
	if (folio) {
		folio_move_anon_rmap(folio, dst_vma);
		folio->page.index = linear_page_index(dst_vma, dst_addr);
		entry = folio_mk_pmd(folio, dst_vma->vm_page_prot);
		entry = pmd_mkwrite(thp_pmd_mkdirty(entry));
	} else {
		entry = pmd_clear_uffd_wp(src_pmdval);
	}
	set_pmd_at(mm, dst_addr, dst_pmd, entry);
	pgtable_trans_huge_deposit(mm, dst_addr,
				   pgtable_trans_huge_withdraw(mm, src_addr));
	return 0;
}

bool uffd_wp_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
		      unsigned long addr, unsigned long end, bool wp)
{
	pmd_t entry = pmdp_get(pmd);

	if ((addr & ~HPAGE_PMD_MASK) || end - addr < HPAGE_PMD_SIZE) {
		__split_huge_pmd(vma, pmd, addr);
		return false;
	}
	/* x86's pmd_mkuffd_wp() write-protects too */
	entry = wp ? pmd_mkuffd_wp(entry) : pmd_clear_uffd_wp(entry);
	set_pmd_at(vma->vm_mm, addr, pmd, entry);
	return true;
}

void clear_soft_dirty_pmd(struct vm_area_struct *vma, unsigned long addr,
			  pmd_t *pmd)
{
	set_pmd_at(vma->vm_mm, addr, pmd,
		   pmd_clear_soft_dirty(pmd_wrprotect(pmdp_get(pmd))));
}

/* ---- MADV_FREE, MADV_COLD and MADV_PAGEOUT on a PMD leaf -------------- */

/* The THP a PMD leaf maps, if only this process maps it (else NULL). */
static struct folio *madvise_pmd_folio(struct vm_area_struct *vma, pmd_t pmd)
{
	struct folio *folio;

	if (!pmd_is_anon_huge(vma, pmd) || is_huge_zero_pmd(pmd))
		return NULL;
	folio = page_folio(pfn_to_page(pmd_pfn(pmd)));
	return folio_maybe_mapped_shared(folio) ? NULL : folio;
}

/*
 * madvise_free_huge_pmd - MADV_FREE over [addr, next) of the PMD leaf
 * @pmd.  The whole THP: clean, old and lazily freeable at once.  Part of
 * it: the folio is split so that only those pages are (false: go on at
 * PTE level, where a split that failed finds the leaf still there).
 */
bool madvise_free_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
			   unsigned long addr, unsigned long next)
{
	pmd_t orig = pmdp_get(pmd);
	struct folio *folio = madvise_pmd_folio(vma, orig);

	if (!folio)
		return false;
	if (next - addr != HPAGE_PMD_SIZE) {
		split_folio(folio);
		return false;
	}
	ClearPageDirty(&folio->page);
	if (pmd_young(orig) || pmd_dirty(orig))
		set_pmd_at(vma->vm_mm, addr, pmd, pmd_mkold(pmd_mkclean(orig)));
	ClearPageSwapBacked(&folio->page);	/* folio_mark_lazyfree() */
	return true;
}

/*
 * Reclaim of a PMD-mapped THP, without swap (madvise.c says why).  A
 * swap-backed one gets no swap slot, and a large folio then falls back
 * to being split (shrink_folio_list(): THP_SWPOUT_FALLBACK), which maps
 * its zero-filled pages to the zero page; a pinned one stays whole.  A
 * lazily freed one that is clean and referenced by its mapping alone is
 * discarded whole (__discard_anon_folio_pmd_locked()), as is one of a
 * MAP_DROPPABLE mapping (never swap-backed) even when dirty.  Otherwise
 * try_to_unmap_one() (6.18) splits the PMD and gives up at the first
 * PTE, the folio swap-backed again: redirtied (or pinned), it stays,
 * mapped by PTEs.
 */
static void pageout_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
			     unsigned long addr, struct folio *folio)
{
	if (PageSwapBacked(&folio->page)) {
		split_folio(folio);
		return;
	}
	if (pmd_dirty(pmdp_get(pmd)))
		SetPageDirty(&folio->page);
	/* a droppable THP goes even when dirty */
	if ((!PageDirty(&folio->page) || (vma->vm_flags & VM_DROPPABLE)) &&
	    folio_ref_count(folio) == folio_mapcount(folio)) {
		zap_huge_pmd(vma, pmd, addr);
		return;
	}
	__split_huge_pmd(vma, pmd, addr);
	if (!(vma->vm_flags & VM_DROPPABLE))
		SetPageSwapBacked(&folio->page);
}

/*
 * madvise_cold_or_pageout_huge_pmd - MADV_COLD or MADV_PAGEOUT over
 * [addr, next) of the PMD leaf @pmd: on the whole THP, deactivate it
 * (PMD old unless paging out, PG_referenced cleared) and for pageout
 * reclaim it.  Part of it: split the folio, and false tells the caller
 * to go on with the PTEs.
 */
bool madvise_cold_or_pageout_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
				      unsigned long addr, unsigned long next,
				      bool pageout)
{
	pmd_t orig = pmdp_get(pmd);
	struct folio *folio = madvise_pmd_folio(vma, orig);

	if (!folio)
		return true;
	if (next - addr != HPAGE_PMD_SIZE)
		return split_folio(folio) != 0;
	if (!pageout && pmd_young(orig))
		set_pmd_at(vma->vm_mm, addr, pmd, pmd_mkold(orig));
	ClearPageReferenced(&folio->page);
	ClearPageActive(&folio->page);	/* folio_deactivate() */
	if (pageout)
		pageout_huge_pmd(vma, pmd, addr, folio);
	return true;
}

/* ---- the deferred split queue and folio split ------------------------ */

/*
 * deferred_split_folio - queue an anon large folio for the shrinker: every
 * new PMD THP (it may turn out underused) and any folio left partly mapped
 * (its unmapped pages are freed when it is split).
 */
void deferred_split_folio(struct folio *folio, bool partially_mapped)
{
	struct machine *m = current_machine();

	if (folio_order(folio) <= 1)
		return;
	if (!partially_mapped && !thp_profile()->thp_shrink_underused)
		return;
	if (partially_mapped)
		folio->_flags_1 |= 1UL << PG_partially_mapped;
	if (list_empty(&folio->_deferred_list)) {
		list_add_tail(&folio->_deferred_list, &m->thp.deferred_split);
		m->thp.split_queue_len++;
	}
}

void folio_undo_large_rmappable(struct folio *folio)
{
	struct machine *m = current_machine();

	if (folio_order(folio) <= 1 || list_empty(&folio->_deferred_list))
		return;
	list_del_init(&folio->_deferred_list);
	folio->_flags_1 &= ~(1UL << PG_partially_mapped);
	m->thp.split_queue_len--;
}

struct split_pmd_arg {
	unsigned long pfn;
};

static bool split_pmd_one(struct folio *folio, struct vm_area_struct *vma,
			  unsigned long addr, void *arg)
{
	struct page_vma_mapped_walk pvmw = {
		.pfn = folio_pfn(folio), .nr_pages = folio_nr_pages(folio),
		.vma = vma, .address = addr,
	};

	while (page_vma_mapped_walk(&pvmw))
		if (pvmw.pmd)
			__split_huge_pmd(vma, pvmw.pmd, pvmw.address);
	return true;
}

/* Every PMD mapping of @folio becomes PTEs (split_huge_pmd via the rmap). */
static void unmap_folio_pmds(struct folio *folio)
{
	struct rmap_walk_control rwc = { .rmap_one = split_pmd_one };

	if (folio_entire_mapcount(folio))
		rmap_walk(folio, &rwc);
}

/*
 * try_to_map_unused_to_zeropage() (mm/migrate.c), for each mapping of a
 * page the split left zero-filled: the shared zero page takes its place
 * (soft-dirty and uffd-wp kept), unless the VMA is mlock()ed or the zero
 * page is not used (mm_forbids_zeropage(): the profile's zero_page off).
 */
static bool remap_zero_one(struct folio *folio, struct vm_area_struct *vma,
			   unsigned long addr, void *arg)
{
	struct page_vma_mapped_walk pvmw = {
		.pfn = folio_pfn(folio), .nr_pages = 1,
		.vma = vma, .address = addr,
	};

	(void)arg;
	if (vma->vm_flags & VM_LOCKED)
		return true;
	while (page_vma_mapped_walk(&pvmw)) {
		pte_t old, entry;

		if (!pvmw.pte)
			continue;
		old = ptep_get(pvmw.pte);
		entry = pte_mkspecial(pfn_pte(current_machine()->zero_pfn,
					      vma->vm_page_prot));
		entry = pte_wrprotect(entry);
		if (pte_soft_dirty(old))
			entry = pte_mksoft_dirty(entry);
		if (pte_uffd_wp(old))
			entry = pte_mkuffd_wp(entry);
		set_pte_at(vma->vm_mm, pvmw.address, pvmw.pte, entry);
		folio_remove_rmap_pte(folio, &folio->page, vma);
		folio_put(folio);
	}
	return true;
}

static void remap_unused_to_zeropage(struct page *page)
{
	struct rmap_walk_control rwc = { .rmap_one = remap_zero_one };
	struct folio *folio = page_folio(page);

	if (page->_mapcount < 0 || !frame_is_zero(page))
		return;
	folio_get(folio);	/* the walk must not free it under itself */
	rmap_walk(folio, &rwc);
	folio_put(folio);
}

/*
 * split_folio - split a large anon folio into order-0 folios in place
 * (mm/huge_memory.c __folio_split(), uniform split to order 0).  The
 * folio must hold no reference but its mappings' (can_split_folio(); the
 * kernel's caller holds one more): a GUP reference or pin makes it
 * -EAGAIN.  Pages nothing maps are freed; a mapped page that reads as
 * all zeroes is replaced by the shared zero page where it is mapped
 * (remap_page() with RMP_USE_SHARED_ZEROPAGE, since 6.12), and freed
 * once nothing maps it.
 */
int split_folio(struct folio *folio)
{
	struct machine *m = current_machine();
	long nr = folio_nr_pages(folio);
	pgoff_t index = folio->page.index;
	struct page *head = &folio->page;

	if (!folio_test_large(folio) || !folio_test_anon(folio) ||
	    is_huge_zero_folio(folio))
		return -EINVAL;
	if (folio_ref_count(folio) != folio_mapcount(folio))
		return -EAGAIN;
	unmap_folio_pmds(folio);
	folio_undo_large_rmappable(folio);
	for (long i = nr - 1; i >= 0; i--) {
		struct page *page = head + i;

		if (i == 1)	/* the order byte and second-page flags */
			page->flags &= ~(0xffUL | 1UL << PG_large_rmappable |
					 1UL << PG_partially_mapped);
		page_check_frame(page);	/* before its identity changes */
		if (i)
			page->compound_head = 0;
		page->mapping = head->mapping;
		page->index = index + i;
		page->private = 0;
		page->_shadow = 0;
		page->_refcount = page->_mapcount + 1;
		page_ext_get(m, page)->order = 0;	/* split_page_owner() */
		if (PageDirty(head))
			SetPageDirty(page);
		if (PageSwapBacked(head))
			SetPageSwapBacked(page);
	}
	ClearPageHead(head);
	for (long i = 0; i < nr; i++) {
		struct page *page = head + i;

		if (page->_refcount)
			continue;
		page->mapping = NULL;
		ClearPageAnonExclusive(page);
		page->_refcount = 1;
		put_page(page);
	}
	if (current_machine()->profile.zero_page)
		for (long i = 0; i < nr; i++)
			remap_unused_to_zeropage(head + i);
	m->ev.thp_split_page++;
	return 0;
}

/*
 * thp_underused(): more than max_ptes_none of its pages read as zero.
 * With max_ptes_none at its default, HPAGE_PMD_NR - 1, no folio is.
 */
static bool thp_underused(struct folio *folio)
{
	long max_ptes_none = thp_profile()->thp_max_ptes_none;
	long zero = 0, filled = 0;

	if (max_ptes_none == (long)HPAGE_PMD_NR - 1)
		return false;
	for (long i = 0; i < folio_nr_pages(folio); i++) {
		if (frame_is_zero(folio_page(folio, i))) {
			if (++zero > max_ptes_none)
				return true;
		} else if (++filled >= (long)HPAGE_PMD_NR - max_ptes_none) {
			return false;
		}
	}
	return false;
}

/* folio_test_mlocked(), which the model keeps no flag for: VM_LOCKED maps it. */
static bool mlocked_one(struct folio *folio, struct vm_area_struct *vma,
			unsigned long addr, void *arg)
{
	(void)folio;
	(void)addr;
	if (vma->vm_flags & VM_LOCKED)
		*(bool *)arg = true;
	return true;
}

static bool folio_mapped_locked(struct folio *folio)
{
	bool locked = false;
	struct rmap_walk_control rwc = { .rmap_one = mlocked_one, .arg = &locked };

	rmap_walk(folio, &rwc);
	return locked;
}

unsigned long deferred_split_scan(void)
{
	struct machine *m = current_machine();
	struct folio *folio, *next;
	unsigned long split = 0;

	list_for_each_entry_safe(folio, next, &m->thp.deferred_split, _deferred_list) {
		bool partial = folio_test_partially_mapped(folio);

		/*
		 * Not partly mapped: split only if underused, and not when
		 * mlocked (its zero pages could not become the zero page).
		 * One found used, or underused but not split, is taken off
		 * the queue; a partly mapped one that cannot split stays.
		 */
		if (!partial && (folio_mapped_locked(folio) || !thp_underused(folio))) {
			folio_undo_large_rmappable(folio);
			continue;
		}
		if (!split_folio(folio)) {
			split++;
			continue;
		}
		if (!partial)
			folio_undo_large_rmappable(folio);
	}
	return split;
}

/* ---- split to a higher order, and debugfs split_huge_pages ---------- */

/* Take every PTE of @folio out of its counts (the entries stay). */
static bool unmap_ptes_one(struct folio *folio, struct vm_area_struct *vma,
			   unsigned long addr, void *arg)
{
	struct page_vma_mapped_walk pvmw = {
		.pfn = folio_pfn(folio), .nr_pages = folio_nr_pages(folio),
		.vma = vma, .address = addr,
	};

	(void)arg;
	while (page_vma_mapped_walk(&pvmw))
		folio_remove_rmap_ptes(folio, pfn_to_page(pte_pfn(*pvmw.pte)), 1, vma);
	return true;
}

/* Count each PTE mapping @folio again, and its reference. */
static bool remap_ptes_one(struct folio *folio, struct vm_area_struct *vma,
			   unsigned long addr, void *arg)
{
	struct page_vma_mapped_walk pvmw = {
		.pfn = folio_pfn(folio), .nr_pages = folio_nr_pages(folio),
		.vma = vma, .address = addr,
	};

	(void)arg;
	while (page_vma_mapped_walk(&pvmw)) {
		folio_add_anon_rmap_ptes(folio, pfn_to_page(pte_pfn(*pvmw.pte)), 1,
					 vma, pvmw.address, RMAP_NONE);
		folio->page._refcount++;
	}
	return true;
}

/*
 * One block of 2^@order pages of the folio being split becomes a folio of
 * its own: head, tails, counts (zero references yet), and the anon
 * mapping and index of its first page.
 */
static void prep_split_folio(struct folio *old, struct page *head,
			     unsigned int order, pgoff_t index)
{
	struct folio *new = (struct folio *)head;
	unsigned long keep = old->page.flags & (1UL << PG_dirty | 1UL << PG_swapbacked |
						1UL << PG_referenced | 1UL << PG_active);

	for (unsigned long i = 0; i < (1UL << order); i++)
		page_check_frame(head + i);
	head->compound_head = 0;
	head->mapping = old->page.mapping;
	head->index = index;
	head->private = 0;
	head->_shadow = 0;
	head->_refcount = 0;
	head->flags |= keep;
	prep_compound_page(head, order);
	new->_flags_1 |= 1UL << PG_large_rmappable;
	page_ext_get(current_machine(), head)->order = order;
}

/*
 * __split_to_order - __folio_split() to @new_order >= 2: like the kernel,
 * which unmaps the folio, splits it and maps the pieces back
 * (remove_migration_ptes()), the PTEs leave the old folio's counts, the
 * pages are regrouped, and each new folio counts the PTEs that map its
 * pages; one nothing maps is freed.  The PTEs themselves never change.
 */
static void __split_to_order(struct folio *folio, unsigned int new_order)
{
	struct rmap_walk_control unmap = { .rmap_one = unmap_ptes_one };
	struct rmap_walk_control remap = { .rmap_one = remap_ptes_one };
	struct page *head = &folio->page;
	long nr = folio_nr_pages(folio), step = 1L << new_order;
	pgoff_t index = head->index;

	rmap_walk(folio, &unmap);
	VM_BUG_ON_PAGE(folio_mapped(folio), head);
	folio_undo_large_rmappable(folio);
	ClearPageHead(head);
	for (long i = 0; i < nr; i += step)
		prep_split_folio(folio, head + i, new_order, index + i);
	for (long i = 0; i < nr; i += step) {
		struct folio *new = (struct folio *)(head + i);

		rmap_walk_locked(new, &remap);
		if (!folio_ref_count(new)) {
			new->page._refcount = 1;	/* the split's own */
			folio_put(new);
		}
	}
}

int split_folio_to_order(struct folio *folio, unsigned int new_order)
{
	if (!new_order)
		return split_folio(folio);
	if (!folio_test_large(folio) || !folio_test_anon(folio) ||
	    is_huge_zero_folio(folio))
		return -EINVAL;
	/* folio_split_supported(): an anon folio of order 1 cannot exist */
	if (new_order == 1 || new_order >= folio_order(folio))
		return -EINVAL;
	if (folio_ref_count(folio) != folio_mapcount(folio))
		return -EAGAIN;
	unmap_folio_pmds(folio);
	__split_to_order(folio, new_order);
	current_machine()->ev.thp_split_page++;
	return 0;
}

/* vma_not_suitable_for_thp_split(): PFN-map leaves, VM_IO, hugetlb. */
static bool vma_not_suitable_for_thp_split(struct vm_area_struct *vma)
{
	return vma_is_special_huge(vma) || (vma->vm_flags & VM_IO);
}

/*
 * split_huge_pages_pid - debugfs split_huge_pages, "PID,START,END[,ORDER]"
 * (Linux 6.18): visit [@start, @end) of @t's address space a page at a
 * time, and split every THP (anon large rmappable folio, PMD- or
 * PTE-mapped) found there above @new_order into folios of that order.
 * The walk stops at the first address no VMA covers; an unsuitable VMA
 * is passed over (and, as in the kernel, the page after its end too).
 * A folio the split refuses (extra references, order 1) stays whole: the
 * write still succeeds.
 *
 * Context: an entry point (sets the current machine).
 * Return: the number of folios split (the kernel only logs it).
 */
long split_huge_pages_pid(struct task_struct *t, unsigned long start,
			  unsigned long end, unsigned int new_order)
{
	struct mm_struct *mm = t->mm;
	long split = 0;

	machine_enter(t->machine);
	start &= PAGE_MASK;
	end &= PAGE_MASK;
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		struct vm_area_struct *vma = vma_lookup(mm, addr);
		struct folio_walk fw;
		struct folio *folio;

		if (!vma)
			break;
		if (vma_not_suitable_for_thp_split(vma)) {
			addr = vma->vm_end;
			continue;
		}
		folio = folio_walk_start(&fw, vma, addr, 0);
		if (!folio)
			continue;
		folio_walk_end(&fw, vma);
		if (!folio_test_large_rmappable(folio) || is_huge_zero_folio(folio) ||
		    !folio_test_anon(folio) || new_order >= folio_order(folio))
			continue;
		if (!split_folio_to_order(folio, new_order))
			split++;
	}
	return split;
}
