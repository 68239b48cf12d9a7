/* SPDX-License-Identifier: GPL-2.0 */
/*
 * huge_mm.h - transparent huge pages for anonymous memory: the policy of
 * /sys/kernel/mm/transparent_hugepage (the machine's profile), which
 * orders a VMA may use (thp_vma_allowable_orders()), and the entry points
 * of huge_memory.c (PMD-mapped THP: fault, COW, split, zap, fork, change
 * of protection, move, the huge zero folio, the deferred split queue) and
 * khugepaged.c (MADV_COLLAPSE).  Paraphrased from include/linux/huge_mm.h
 * (Linux 6.18).
 */
#ifndef MMSIM_LIB_HUGE_MM_H
#define MMSIM_LIB_HUGE_MM_H

#define BIT(n)			(1UL << (n))
#define PUD_ORDER		(PUD_SHIFT - PAGE_SHIFT)

/* Anonymous memory: orders 2 to PMD_ORDER (order 1 needs a deferred list). */
#define THP_ORDERS_ALL_ANON	((BIT(PMD_ORDER + 1) - 1) & ~(BIT(0) | BIT(1)))
/* DAX and PFN maps with ->huge_fault: PMD and PUD leaves. */
#define THP_ORDERS_ALL_SPECIAL	(BIT(PMD_ORDER) | BIT(PUD_ORDER))
#define THP_ORDERS_ALL		(THP_ORDERS_ALL_ANON | THP_ORDERS_ALL_SPECIAL)

/* Who asks thp_vma_allowable_orders() (enum tva_type, 6.18). */
enum tva_type {
	TVA_SMAPS,		/* smaps' THPeligible */
	TVA_PAGEFAULT,		/* a page fault */
	TVA_KHUGEPAGED,		/* khugepaged (not modelled) */
	TVA_FORCED_COLLAPSE,	/* MADV_COLLAPSE: sysfs not enforced */
};

static inline int highest_order(unsigned long orders)
{
	return orders ? 63 - __builtin_clzl(orders) : -1;
}

/* Drop @prev from *@orders and return the next highest order left. */
static inline int next_order(unsigned long *orders, int prev)
{
	*orders &= ~BIT(prev);
	return highest_order(*orders);
}

/* The policy, from the machine's profile (transparent_hugepage/enabled). */
static inline bool hugepage_global_enabled(void)
{
	return current_machine()->profile.thp_enabled != MMSIM_THP_NEVER;
}
static inline bool hugepage_global_always(void)
{
	return current_machine()->profile.thp_enabled == MMSIM_THP_ALWAYS;
}
bool transparent_hugepage_use_zero_page(void);

/*
 * The anonymous orders set to each mode (the kernel's
 * huge_anon_orders_always / _madvise / _inherit bitmaps, which it keeps
 * up to date as sysfs is written).  Here they are remembered with the
 * per-size settings they came from (@key, one byte per order) and
 * recomputed whenever those differ, whoever changed them.
 */
struct thp_anon_orders {
	bool valid;
	uint64_t key;
	unsigned long always, madvise, inherit;
};
/* local-exec, as __current_machine (internal.h): one read from %fs */
extern _Thread_local struct thp_anon_orders thp_anon_orders
	__attribute__((tls_model("local-exec")));
void thp_anon_orders_update(const struct mmsim_profile *p);

static inline uint64_t thp_anon_key(const struct mmsim_profile *p)
{
	uint64_t key;

	_Static_assert(MMSIM_THP_MAX_ORDER - MMSIM_THP_MIN_ORDER + 1 == sizeof(key),
		       "one byte per anonymous order");
	memcpy(&key, &p->thp_anon[MMSIM_THP_MIN_ORDER], sizeof(key));
	return key;
}

/* The anonymous orders the sysfs settings enable for these flags. */
static inline unsigned long anon_orders_enabled(vm_flags_t vm_flags)
{
	const struct mmsim_profile *p = &current_machine()->profile;
	unsigned long mask;

	if (unlikely(!thp_anon_orders.valid || thp_anon_orders.key != thp_anon_key(p)))
		thp_anon_orders_update(p);
	mask = thp_anon_orders.always;
	if (vm_flags & VM_HUGEPAGE)
		mask |= thp_anon_orders.madvise;
	if (hugepage_global_always() ||
	    ((vm_flags & VM_HUGEPAGE) && hugepage_global_enabled()))
		mask |= thp_anon_orders.inherit;
	return mask;
}

unsigned long __thp_vma_allowable_orders(struct vm_area_struct *vma,
					 vm_flags_t vm_flags, enum tva_type type,
					 unsigned long orders);
/*
 * thp_vma_allowable_orders - of @orders, the folio orders @vma may use
 * for @type, per the sysfs policy, VM_HUGEPAGE / VM_NOHUGEPAGE and what
 * fits in the VMA.  Inline, as the kernel's: the orders sysfs does not
 * enable go first, so that an anonymous fault no size applies to (THP
 * in madvise mode without MADV_HUGEPAGE) makes no call; the rest is
 * mm/huge_memory.c's __thp_vma_allowable_orders().
 */
static inline unsigned long thp_vma_allowable_orders(struct vm_area_struct *vma,
						     vm_flags_t vm_flags,
						     enum tva_type type,
						     unsigned long orders)
{
	if (vma_is_anonymous(vma) && type != TVA_FORCED_COLLAPSE) {
		orders &= anon_orders_enabled(vm_flags);
		if (!orders)
			return 0;
	}
	return __thp_vma_allowable_orders(vma, vm_flags, type, orders);
}
static inline bool thp_vma_allowable_order(struct vm_area_struct *vma,
					   vm_flags_t vm_flags,
					   enum tva_type type, int order)
{
	return thp_vma_allowable_orders(vma, vm_flags, type, BIT(order)) != 0;
}
/* The naturally aligned 2^@order pages around @addr lie inside @vma. */
bool thp_vma_suitable_order(struct vm_area_struct *vma, unsigned long addr,
			    int order);
/* Of @orders, those whose aligned range around @addr fits (inline, as 6.18's). */
static inline unsigned long thp_vma_suitable_orders(struct vm_area_struct *vma,
						    unsigned long addr,
						    unsigned long orders)
{
	int order = highest_order(orders);

	while (orders) {
		if (thp_vma_suitable_order(vma, addr, order))
			break;
		order = next_order(&orders, order);
	}
	return orders;
}

/* PMD-mapped THP and the huge zero folio (huge_memory.c). */
static inline bool is_huge_zero_pfn(unsigned long pfn)
{
	const struct machine *m = current_machine();

	return m->thp.huge_zero_folio && pfn == m->thp.huge_zero_pfn;
}
bool is_huge_zero_folio(const struct folio *folio);
static inline bool is_huge_zero_pmd(pmd_t pmd)
{
	return pmd_present(pmd) && is_huge_zero_pfn(pmd_pfn(pmd));
}
/* An anonymous PMD leaf: a THP or the huge zero folio (not a PFN map's). */
bool pmd_is_anon_huge(struct vm_area_struct *vma, pmd_t pmd);
void mm_put_huge_zero_folio(struct mm_struct *mm);
void huge_zero_folio_exit(struct machine *m);

/*
 * __handle_mm_fault()'s PMD step for an anonymous VMA: a new THP or huge
 * zero PMD where the PMD is empty and the policy allows, or a fault on a
 * THP/huge zero PMD leaf.  VM_FAULT_FALLBACK: go on at PTE level.
 */
vm_fault_t handle_anon_pmd_fault(struct vm_fault *vmf);
/* PMD leaves met by the core walks. */
bool zap_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd, unsigned long addr);
void __split_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
		      unsigned long address);
void split_huge_pmd_address(struct vm_area_struct *vma, unsigned long address);
/* -EAGAIN: the PMD was split (maybe pinned), copy at PTE level. */
int copy_huge_pmd(struct vm_area_struct *dst_vma,
		  struct vm_area_struct *src_vma, pmd_t *dst_pmd,
		  pmd_t *src_pmd, unsigned long addr);
/* 1: the whole PMD changed; 0: split, go on at PTE level. */
int change_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
		    unsigned long addr, unsigned long end, pgprot_t newprot,
		    bool try_writable);
/* mremap: move the PMD leaf whole if it can; false after splitting it. */
bool move_huge_pmd(struct vm_area_struct *vma, unsigned long old_addr,
		   struct vm_area_struct *new_vma, unsigned long new_addr,
		   unsigned long len);
/* UFFDIO_MOVE of a whole PMD leaf to an empty aligned PMD: 0 or -EBUSY. */
int move_pages_huge_pmd(struct mm_struct *mm, pmd_t *dst_pmd, pmd_t *src_pmd,
			struct vm_area_struct *dst_vma,
			struct vm_area_struct *src_vma, unsigned long dst_addr,
			unsigned long src_addr);
/* UFFDIO_WRITEPROTECT on a PMD leaf (split if not wholly covered). */
bool uffd_wp_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
		      unsigned long addr, unsigned long end, bool wp);
/* clear_refs 4 on a PMD leaf. */
void clear_soft_dirty_pmd(struct vm_area_struct *vma, unsigned long addr,
			  pmd_t *pmd);

/*
 * MADV_FREE and MADV_COLD/MADV_PAGEOUT over [addr, next) of a PMD leaf:
 * true when done at PMD level; false when the THP was split (only part
 * of it advised) and the PTEs are to be walked now.
 */
bool madvise_free_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
			   unsigned long addr, unsigned long next);
bool madvise_cold_or_pageout_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
				      unsigned long addr, unsigned long next,
				      bool pageout);

/* The deferred split queue (partially unmapped anon THP). */
void deferred_split_folio(struct folio *folio, bool partially_mapped);
void folio_undo_large_rmappable(struct folio *folio);
/* Split what the queue holds (the shrinker, on demand): folios split. */
unsigned long deferred_split_scan(void);
/* Split a large anon folio into order-0 folios; -EAGAIN if referenced. */
int split_folio(struct folio *folio);
/*
 * Split it into folios of @new_order (0, or 2 up to its order - 1: an
 * anon folio of order 1 cannot be); -EINVAL for another order.
 */
int split_folio_to_order(struct folio *folio, unsigned int new_order);

/*
 * A PTE table deposited with each anonymous PMD leaf, so that splitting
 * it never allocates (pgtable-generic.c; kept by the PMD table page, for
 * the PMD mapping @addr).  pte_alloc_one()/pte_free(): a PTE table page
 * not linked anywhere (PFN; 0 when out of memory).  In pgtable.c.
 */
void pgtable_trans_huge_deposit(struct mm_struct *mm, unsigned long addr,
				unsigned long pgtable_pfn);
unsigned long pgtable_trans_huge_withdraw(struct mm_struct *mm,
					  unsigned long addr);
unsigned long pte_alloc_one(struct mm_struct *mm);
void pte_free(struct mm_struct *mm, unsigned long pgtable_pfn);
/* The deposited tables of the PMD table page at @pmd_table_pfn (mm_check). */
unsigned long pgtable_deposited_first(unsigned long pmd_table_pfn);
unsigned long pgtable_deposited_next(unsigned long pgtable_pfn);

/* khugepaged.c: MADV_COLLAPSE on [start, end) of @vma. */
int madvise_collapse(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end);

#endif /* MMSIM_LIB_HUGE_MM_H */
