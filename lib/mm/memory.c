// SPDX-License-Identifier: GPL-2.0
/*
 * memory.c - page faults, and the other walks that create, copy or drop
 * page-table entries: zap (munmap, MADV_DONTNEED, truncate), copy (fork),
 * change_protection (mprotect) and populate.
 *
 * handle_mm_fault() dispatches on the state of the entry and the VMA:
 *
 *   entry      VMA                  access   handler
 *   none PMD   anonymous, THP ok    read     huge_memory.c: huge zero PMD
 *   none PMD   anonymous, THP ok    write    huge_memory.c: PMD-mapped THP
 *   PMD leaf   anonymous            write    huge_memory.c: reuse, or split
 *   PMD/PUD    PFN map, read-only   write    wp_huge_leaf: ->huge_fault
 *   leaf                                     (shared), else drop the leaf
 *                                            and fault one level down
 *   none       anonymous            read     do_anonymous_page: zero page
 *   none       anonymous            write    do_anonymous_page: new folio,
 *                                            of an mTHP order if enabled
 *   none       file/driver          read     do_read_fault (+ fault-around)
 *   none       private file         write    do_cow_fault
 *   none       shared file          write    do_shared_fault (+ page_mkwrite)
 *   read-only  private              write    do_wp_page: reuse or copy
 *   read-only  shared, struct page  write    wp_page_shared (page_mkwrite)
 *   read-only  shared, special      write    wp_pfn_shared (pfn_mkwrite)
 *   any        private              unshare  do_wp_page without writing
 *   marker     any                  any      do_swap_page: guard is SIGSEGV,
 *                                            uffd-wp as none, kept protected
 *   uffd-wp    registered           write    the monitor (sync) or resolved
 *                                            here, then reuse or copy (async)
 *
 * A fault on an empty PMD finds no PTE table (vmf->pte NULL) and goes
 * where an empty entry goes (do_pte_missing).  An anonymous fault makes
 * the table first, so one that then waits for userfaultfd or fails
 * leaves it, empty; a file or driver fault makes it only to map a page
 * (finish_fault(), fault-around's filemap_map_pages(), a driver's
 * vmf_insert_*()), so one past EOF, sent to userfaultfd, failed or
 * answered VM_FAULT_NOPAGE without an entry leaves none.
 *
 * Every mapping entry of a page with struct page holds one reference and
 * one mapcount; special entries (PFN maps, the zero page) hold neither.
 * A large folio is referenced and mapcounted as a whole (folio.h): one
 * reference per PTE or PMD mapping it.  PMD-level work on anonymous huge
 * leaves (THP, the huge zero folio) is in huge_memory.c.
 */
#include "internal.h"
#include "tlb.h"

int mm_counter_file(struct folio *folio)
{
	return PageSwapBacked(&folio->page) ? MM_SHMEMPAGES : MM_FILEPAGES;
}

static inline pte_t mk_pte(struct page *page, pgprot_t prot)
{
	return pfn_pte(page_to_pfn(page), prot);
}

static inline pte_t maybe_mkwrite(pte_t pte, struct vm_area_struct *vma)
{
	return (vma->vm_flags & VM_WRITE) ? pte_mkwrite(pte) : pte;
}

/* The kernel's pte_mkdirty sets soft-dirty only where it is built in. */
static inline pte_t mkdirty(pte_t pte)
{
	struct machine *m = current_machine();

	pte = pte_mkdirty(pte);
	return m->profile.soft_dirty ? pte : pte_clear_soft_dirty(pte);
}

/* ---- normal and special pages ---------------------------------------- */

/* The core of the PTE, PMD and PUD variants, inline as in 6.18. */
static inline __attribute__((always_inline)) struct page *
__vm_normal_page(struct vm_area_struct *vma, unsigned long addr,
		 unsigned long pfn, bool special)
{
	struct machine *m = current_machine();

	/* x86 has pte_special: the bit alone decides, never the VMA's pgoff */
	if (special) {
		if (!(vma->vm_flags & (VM_PFNMAP | VM_MIXEDMAP)) &&
		    !is_zero_pfn(pfn) && !is_huge_zero_pfn(pfn))
			m->ev.bad_page_map++;	/* print_bad_page_map() */
		return NULL;
	}
	if (is_zero_pfn(pfn) || is_huge_zero_pfn(pfn))
		return NULL;
	if (!pfn_valid(pfn)) {
		m->ev.bad_page_map++;		/* pfn > highest_memmap_pfn */
		return NULL;
	}
	return pfn_to_page(pfn);
}

struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte)
{
	return __vm_normal_page(vma, addr, pte_pfn(pte), pte_special(pte));
}

struct folio *vm_normal_folio(struct vm_area_struct *vma, unsigned long addr,
			      pte_t pte)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	return page ? page_folio(page) : NULL;
}

/*
 * Linux 6.18: the PMD and PUD variants share __vm_normal_page(); like the
 * kernel's, they return the first page the huge leaf maps (the folio's
 * head), and callers add the index of the page at the address.
 */
static struct page *vm_normal_page_pmd_618(struct vm_area_struct *vma,
					   unsigned long addr, pmd_t pmd)
{
	return __vm_normal_page(vma, addr, pmd_pfn(pmd), pmd_special(pmd));
}

struct page *vm_normal_page_pud(struct vm_area_struct *vma, unsigned long addr,
				pud_t pud)
{
	return __vm_normal_page(vma, addr, pud_pfn(pud), pud_special(pud));
}

/*
 * Before 6.18 vm_normal_page_pmd() had its own code: a special PMD (huge
 * PFN maps, 6.12) is refused first and silently, then the VM_PFNMAP /
 * VM_MIXEDMAP rules of architectures without pte_special, then a PFN
 * past the memmap is refused silently too.  Only the PTE level reported
 * bad maps (print_bad_pte()).
 */
static struct page *vm_normal_page_pmd_pre618(struct vm_area_struct *vma,
					      unsigned long addr, pmd_t pmd)
{
	unsigned long pfn = pmd_pfn(pmd);

	addr &= PMD_MASK;	/* the leaf's first page, as pfn */

	if (pmd_special(pmd))
		return NULL;
	if (vma->vm_flags & VM_MIXEDMAP) {
		if (!pfn_valid(pfn))
			return NULL;
	} else if (vma->vm_flags & VM_PFNMAP) {
		if (pfn == vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT) ||
		    !is_cow_mapping(vma->vm_flags))
			return NULL;
	}
	if (is_zero_pfn(pfn) || !pfn_valid(pfn))
		return NULL;
	return pfn_to_page(pfn);
}

/*
 * Before 6.18 folio_walk_start() read a PUD leaf itself: special means
 * nothing there, anything else is the page it maps.
 */
static struct page *folio_walk_pud_pre618(struct vm_area_struct *vma,
					  unsigned long addr, pud_t pud)
{
	unsigned long pfn = pud_pfn(pud);	/* the first page, as 6.18's */

	if (!pud_present(pud) || pud_special(pud) || !pfn_valid(pfn))
		return NULL;
	return pfn_to_page(pfn);
}

static const struct walk_design_ops walk_designs[] = {
	[WALK_PRE618] = {
		.normal_page_pmd = vm_normal_page_pmd_pre618,
		.folio_walk_pud = folio_walk_pud_pre618,
	},
	[WALK_618] = {
		.normal_page_pmd = vm_normal_page_pmd_618,
		.folio_walk_pud = vm_normal_page_pud,
	},
	[WALK_EARLY_REJECT] = {	/* proposed for 6.12: its walkers as then */
		.reject_pfnmap = true,
		.normal_page_pmd = vm_normal_page_pmd_pre618,
		.folio_walk_pud = folio_walk_pud_pre618,
	},
};

const struct walk_design_ops *walk_design(void)
{
	return design_ops(walk_designs, DESIGN_WALK);
}

struct page *vm_normal_page_pmd(struct vm_area_struct *vma, unsigned long addr,
				pmd_t pmd)
{
	return walk_design()->normal_page_pmd(vma, addr, pmd);
}

/* ---- anonymous faults -------------------------------------------------- */

static bool vma_allows_zero_page(struct vm_area_struct *vma)
{
	return current_machine()->profile.zero_page;
}

/* The fault replaces a uffd-wp marker: the new entry stays protected. */
static bool vmf_orig_pte_uffd_wp(struct vm_fault *vmf)
{
	return pte_marker_uffd_wp(vmf->orig_pte);
}

static bool userfaultfd_armed(struct vm_area_struct *vma)
{
	return vma->vm_flags & (VM_UFFD_MISSING | VM_UFFD_WP);
}

static bool pte_range_none(pte_t *pte, unsigned int nr)
{
	for (unsigned int i = 0; i < nr; i++)
		if (!pte_none(ptep_get(pte + i)))
			return false;
	return true;
}

/*
 * alloc_anon_folio - the folio for an anonymous write fault: of the
 * mTHP orders (below PMD_ORDER) the policy enables for this VMA, the
 * highest whose aligned range fits the VMA and whose PTEs are all empty,
 * falling back order by order when the allocation fails, down to one
 * page.  *@addr: where the folio's first page goes.
 */
static struct folio *alloc_anon_folio(struct vm_fault *vmf, unsigned long *addr)
{
	struct vm_area_struct *vma = vmf->vma;
	struct machine *m = current_machine();
	pte_t *pte = vmf->pte - pte_index(vmf->address);
	unsigned long orders;
	struct folio *folio;
	int order;

	*addr = vmf->address;
	if (userfaultfd_armed(vma) ||	/* per-page fault fidelity */
	    (vma->vm_flags & VM_NOHUGEPAGE))
		goto fallback;
	orders = thp_vma_allowable_orders(vma, vma->vm_flags, TVA_PAGEFAULT,
					  BIT(PMD_ORDER) - 1);
	orders = thp_vma_suitable_orders(vma, vmf->address, orders);
	order = highest_order(orders);
	while (orders) {
		unsigned long a = ALIGN_DOWN(vmf->address, PAGE_SIZE << order);

		if (pte_range_none(pte + pte_index(a), 1U << order))
			break;
		order = next_order(&orders, order);
	}
	while (orders) {
		folio = folio_alloc(GFP_TRANSHUGE_LIGHT, order);
		if (folio) {
			*addr = ALIGN_DOWN(vmf->address, PAGE_SIZE << order);
			m->ev.mthp_anon_alloc[order]++;
			return folio;
		}
		m->ev.mthp_anon_fallback[order]++;
		order = next_order(&orders, order);
	}
fallback:
	return vma_alloc_zeroed_movable_folio(vma, vmf->address);
}

static vm_fault_t do_anonymous_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct machine *m = current_machine();
	struct folio *folio;
	unsigned long addr;
	pte_t entry, *pte;
	long nr;

	if (vma->vm_flags & VM_SHARED)
		return VM_FAULT_SIGBUS;
	/* the table first: a fault that then fails or waits leaves it */
	if (!vmf->pte && !(vmf->pte = pte_alloc(vma->vm_mm, vmf->pmd, vmf->address)))
		return VM_FAULT_OOM;
	if (check_stable_address_space(vma->vm_mm))
		return VM_FAULT_SIGBUS;
	if (userfaultfd_missing(vma))
		return handle_userfault(vmf, VM_UFFD_MISSING);
	if (!(vmf->flags & FAULT_FLAG_WRITE) && vma_allows_zero_page(vma)) {
		entry = pte_mkspecial(pfn_pte(m->zero_pfn, vma->vm_page_prot));
		entry = pte_wrprotect(entry);
		goto setpte;
	}
	if (anon_vma_prepare(vma))
		return VM_FAULT_OOM;
	folio = alloc_anon_folio(vmf, &addr);
	if (!folio)
		return VM_FAULT_OOM;
	nr = folio_nr_pages(folio);
	entry = mk_pte(&folio->page, vma->vm_page_prot);
	if (vma->vm_flags & VM_WRITE)
		entry = pte_mkwrite(mkdirty(entry));
	/* a uffd-wp marker stays (userfaultfd keeps the folio small) */
	if (vmf_orig_pte_uffd_wp(vmf))
		entry = pte_mkuffd_wp(entry);
	/* one reference per PTE mapping it */
	folio_ref_add(folio, nr - 1);
	folio_add_new_anon_rmap(folio, vma, addr, RMAP_EXCLUSIVE);
	pte = vmf->pte - ((vmf->address - addr) >> PAGE_SHIFT);
	set_ptes(vma->vm_mm, addr, pte, entry, nr);
	return 0;
setpte:
	if (vmf_orig_pte_uffd_wp(vmf))
		entry = pte_mkuffd_wp(entry);
	set_pte_at(vma->vm_mm, vmf->address, vmf->pte, entry);
	return 0;
}

/* ---- file and driver faults ------------------------------------------- */

/*
 * __do_fault - the VMA's ->fault.  Where the PMD is empty, the PTE table
 * a mapped page will need is allocated first (so that no page-table
 * memory is taken under the page lock) and linked only by finish_fault():
 * a fault that fails, waits for userfaultfd or maps nothing itself
 * leaves no table, and do_fault() frees it.
 */
static vm_fault_t __do_fault(struct vm_fault *vmf)
{
	vm_fault_t ret;

	if (!vmf->pte && pmd_none(*vmf->pmd) && !vmf->prealloc_pte) {
		vmf->prealloc_pte = pte_alloc_one(vmf->vma->vm_mm);
		if (!vmf->prealloc_pte)
			return VM_FAULT_OOM;
	}
	ret = vmf_call(vmf, "fault", vmf->vma->vm_ops->fault(vmf));
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY |
		   VM_FAULT_DONE_COW))
		return ret;
	if (!vmf->page) {
		driver_error("driver %s: ->fault returned 0x%x without a page",
			     vma_driver_name(vmf->vma), ret);
		return VM_FAULT_SIGBUS;
	}
	/* seed 000's legacy perf: a kernel page with a faked page->mapping */
	if (PageKernel(vmf->page) && vmf->page->mapping)
		current_machine()->ev.legacy_page_writes++;
	return ret;
}

/*
 * set_pte_range - map @page at vmf->address for a fault of this kind; the
 * caller's reference on the page becomes the mapping's.
 */
void set_pte_range(struct vm_fault *vmf, struct page *page, bool cow)
{
	struct vm_area_struct *vma = vmf->vma;
	bool write = vmf->flags & FAULT_FLAG_WRITE;
	pte_t entry = mk_pte(page, vma->vm_page_prot);

	if (write)
		entry = maybe_mkwrite(mkdirty(entry), vma);
	else if (pte_write(entry) && PageDirty(page))
		entry = mkdirty(entry);
	if (vmf_orig_pte_uffd_wp(vmf))
		entry = pte_mkuffd_wp(entry);
	if (cow)
		folio_add_new_anon_rmap(page_folio(page), vma, vmf->address,
					RMAP_EXCLUSIVE);
	else
		folio_add_file_rmap_pte(page_folio(page), vma);
	set_pte_at(vma->vm_mm, vmf->address, vmf->pte, entry);
}

static vm_fault_t finish_fault(struct vm_fault *vmf)
{
	bool cow = (vmf->flags & FAULT_FLAG_WRITE) &&
		   !(vmf->vma->vm_flags & VM_SHARED);
	struct page *page = cow ? vmf->cow_page : vmf->page;

	/* a private mapping may have lost its copy to the reaper */
	if (!(vmf->vma->vm_flags & VM_SHARED) &&
	    check_stable_address_space(vmf->vma->vm_mm))
		return VM_FAULT_SIGBUS;
	/* the table for a fault on an empty PMD, now that a page is mapped */
	if (pmd_none(*vmf->pmd)) {
		if (vmf->prealloc_pte)
			pmd_install(vmf->vma->vm_mm, vmf->pmd, &vmf->prealloc_pte);
		else if (__pte_alloc(vmf->vma->vm_mm, vmf->pmd))
			return VM_FAULT_OOM;
	}
	vmf->pte = pte_offset(vmf->vma->vm_mm, vmf->pmd, vmf->address);
	/* vmf_pte_changed(): the entry is no longer what the fault saw */
	if (pte_val(ptep_get(vmf->pte)) != pte_val(vmf->orig_pte))
		return VM_FAULT_NOPAGE;
	set_pte_range(vmf, page, cow);
	return 0;
}

/*
 * Map a run of neighbouring pages already in the page cache, read-only
 * as a read fault would, within the VMA and this page table: 16 pages,
 * aligned, as with the kernel's default fault_around_bytes.  Where the
 * PMD is empty a PTE table is allocated first, for ->map_pages to link
 * once it finds a page to map (filemap_map_pmd()).
 */
#define FAULT_AROUND_PAGES 16

static vm_fault_t do_fault_around(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	pgoff_t pte_off = pte_index(vmf->address);
	pgoff_t vma_off = vmf->pgoff - vma->vm_pgoff;
	pgoff_t from = max(ALIGN_DOWN(pte_off, FAULT_AROUND_PAGES),
			   pte_off - min(pte_off, vma_off));
	pgoff_t to = min(min(from + FAULT_AROUND_PAGES, (pgoff_t)PTRS_PER_PTE),
			 pte_off + vma_pages(vma) - vma_off) - 1;

	if (pmd_none(*vmf->pmd) && !vmf->prealloc_pte) {
		vmf->prealloc_pte = pte_alloc_one(vma->vm_mm);
		if (!vmf->prealloc_pte)
			return VM_FAULT_OOM;
	}
	return vmf_call(vmf, "map_pages",
			vma->vm_ops->map_pages(vmf, vmf->pgoff + from - pte_off,
					       vmf->pgoff + to - pte_off));
}

static vm_fault_t do_read_fault(struct vm_fault *vmf)
{
	vm_fault_t ret;

	if (vmf->vma->vm_ops->map_pages && !uffd_disable_fault_around(vmf->vma)) {
		ret = do_fault_around(vmf);
		if (ret)
			return ret;
	}
	ret = __do_fault(vmf);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY))
		return ret;
	ret |= finish_fault(vmf);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
		put_page(vmf->page);
	return ret & ~VM_FAULT_LOCKED;
}

/* Copy the bytes of the frame behind @src_pfn (with or without struct page). */
static int copy_frame(struct page *dst, unsigned long src_pfn)
{
	struct page *src = pfn_frame(src_pfn);

	if (!src)
		return 0;	/* a hole in the PFN space reads as zeroes */
	return frame_copy(dst, src);
}

static vm_fault_t do_cow_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret;

	if (anon_vma_prepare(vma))
		return VM_FAULT_OOM;
	vmf->cow_page = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	if (!vmf->cow_page)
		return VM_FAULT_OOM;
	ret = __do_fault(vmf);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY |
		   VM_FAULT_DONE_COW))
		goto out_cow;
	if (copy_frame(vmf->cow_page, page_to_pfn(vmf->page))) {
		ret = VM_FAULT_OOM;
	} else {
		ret |= finish_fault(vmf);
		if (!(ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))) {
			put_page(vmf->page);
			return ret & ~VM_FAULT_LOCKED;
		}
	}
	put_page(vmf->page);
out_cow:
	put_page(vmf->cow_page);
	return ret & ~VM_FAULT_LOCKED;
}

static vm_fault_t do_page_mkwrite(struct vm_fault *vmf, struct page *page)
{
	unsigned int old_flags = vmf->flags;
	vm_fault_t ret;

	vmf->flags = FAULT_FLAG_WRITE | FAULT_FLAG_MKWRITE;
	current_machine()->ev.mkwrite_calls++;
	ret = vmf_call(vmf, "page_mkwrite", vmf->vma->vm_ops->page_mkwrite(vmf));
	vmf->flags = old_flags;
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
		return ret;
	/* Unless the driver locked the page itself, a page that lost its
	 * mapping meanwhile (truncated) means: retry. */
	if (!(ret & VM_FAULT_LOCKED) && !page->mapping)
		return VM_FAULT_NOPAGE;
	return ret | VM_FAULT_LOCKED;
}

static vm_fault_t do_shared_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	vm_fault_t ret = __do_fault(vmf), tmp;

	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE | VM_FAULT_RETRY))
		return ret;
	if (vma->vm_ops->page_mkwrite) {
		tmp = do_page_mkwrite(vmf, vmf->page);
		if (tmp & (VM_FAULT_ERROR | VM_FAULT_NOPAGE)) {
			put_page(vmf->page);
			return tmp;
		}
	}
	ret |= finish_fault(vmf);
	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE)) {
		put_page(vmf->page);
		return ret & ~VM_FAULT_LOCKED;
	}
	folio_mark_dirty(page_folio(vmf->page));	/* fault_dirty_shared_page */
	return ret & ~VM_FAULT_LOCKED;
}

static vm_fault_t __do_fault_kind(struct vm_fault *vmf)
{
	if (!(vmf->flags & FAULT_FLAG_WRITE))
		return do_read_fault(vmf);
	if (!(vmf->vma->vm_flags & VM_SHARED))
		return do_cow_fault(vmf);
	return do_shared_fault(vmf);
}

/*
 * A file's ->fault that had to read the page in returns VM_FAULT_RETRY
 * (the kernel drops the mmap lock for the I/O); the fault is then taken
 * again, once, with FAULT_FLAG_TRIED, as the architecture's fault handler
 * does - now the page is cached and a read fault maps its neighbours too.
 */
static vm_fault_t do_fault(struct vm_fault *vmf)
{
	vm_fault_t ret;

	if (!vmf->vma->vm_ops->fault)
		return VM_FAULT_SIGBUS;
	ret = __do_fault_kind(vmf);
	if ((ret & VM_FAULT_RETRY) && !(vmf->flags & FAULT_FLAG_TRIED)) {
		vmf->flags |= FAULT_FLAG_TRIED;
		vmf->page = NULL;
		ret = __do_fault_kind(vmf);
	}
	/* the preallocated table is unused: nothing was mapped */
	if (vmf->prealloc_pte) {
		pte_free(vmf->vma->vm_mm, vmf->prealloc_pte);
		vmf->prealloc_pte = 0;
	}
	return ret;
}

/* ---- write-protect faults --------------------------------------------- */

static vm_fault_t wp_page_reuse(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	pte_t entry = pte_mkyoung(vmf->orig_pte);

	entry = maybe_mkwrite(mkdirty(entry), vma);
	if (pte_uffd_wp(entry) && pte_write(entry))
		mmsim_note_kernel_bug(STALE_UFFD_WP_BUG);
	set_pte_at(vma->vm_mm, vmf->address, vmf->pte, entry);
	return 0;
}

static vm_fault_t wp_pfn_shared(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;

	if (vma->vm_ops && vma->vm_ops->pfn_mkwrite) {
		vm_fault_t ret;

		vmf->flags |= FAULT_FLAG_MKWRITE;
		current_machine()->ev.mkwrite_calls++;
		current_machine()->ev.pfn_mkwrite_calls++;
		ret = vmf_call(vmf, "pfn_mkwrite", vma->vm_ops->pfn_mkwrite(vmf));
		if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
			return ret;
		/* finish_mkwrite_fault: the entry may have changed meanwhile */
		if (pte_val(ptep_get(vmf->pte)) != pte_val(vmf->orig_pte))
			return 0;
	}
	return wp_page_reuse(vmf);
}

static vm_fault_t wp_page_shared(struct vm_fault *vmf, struct page *page)
{
	struct vm_area_struct *vma = vmf->vma;

	if (vma->vm_ops && vma->vm_ops->page_mkwrite) {
		vm_fault_t ret = do_page_mkwrite(vmf, page);

		if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
			return ret;
		if (pte_val(ptep_get(vmf->pte)) != pte_val(vmf->orig_pte))
			return 0;
	}
	folio_mark_dirty(page_folio(page));	/* fault_dirty_shared_page */
	return wp_page_reuse(vmf);
}

/*
 * Copy-on-write: give this mapping a private copy of what it maps now
 * (the zero page, a page-cache page, a shared anon page, or a PFN with
 * no struct page in a private PFN map).
 */
static vm_fault_t wp_page_copy(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	bool unshare = vmf->flags & FAULT_FLAG_UNSHARE;
	unsigned long pfn = pte_pfn(vmf->orig_pte);
	struct page *old = vmf->page, *new;
	pte_t entry;

	if (anon_vma_prepare(vma))
		return VM_FAULT_OOM;
	new = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	if (!new)
		return VM_FAULT_OOM;
	if (!is_zero_pfn(pfn) && copy_frame(new, pfn)) {
		put_page(new);
		return VM_FAULT_OOM;
	}
	entry = mk_pte(new, vma->vm_page_prot);
	if (unshare) {
		if (pte_soft_dirty(vmf->orig_pte))
			entry = pte_mksoft_dirty(entry);
		if (pte_uffd_wp(vmf->orig_pte))
			entry = pte_mkuffd_wp(entry);
	} else {
		entry = maybe_mkwrite(mkdirty(entry), vma);
	}
	ptep_get_and_clear(vma->vm_mm, vmf->address, vmf->pte);
	folio_add_new_anon_rmap(page_folio(new), vma, vmf->address, RMAP_EXCLUSIVE);
	set_pte_at(vma->vm_mm, vmf->address, vmf->pte, entry);
	if (old) {
		folio_remove_rmap_pte(page_folio(old), old, vma);
		put_page(old);
	}
	return 0;
}

/*
 * A large anonymous folio (6.18, "COW reuse support for PTE-mapped THP"):
 * reusable when more than one of its pages is mapped (a single one: copy
 * it and let the folio go), only by this MM (the MM slots say it is not
 * shared), and every reference is a mapping's.
 */
static bool __wp_can_reuse_large_anon_folio(struct folio *folio,
					    struct vm_area_struct *vma)
{
	if (folio_large_mapcount(folio) <= 1)
		return false;
	if (folio->_mm_ids & FOLIO_MM_IDS_SHARED_BIT)
		return false;
	if (folio_large_mapcount(folio) != folio_ref_count(folio))
		return false;
	VM_BUG_ON_PAGE(folio_mm_id(folio, 0) != vma->vm_mm->mm_id &&
		       folio_mm_id(folio, 1) != vma->vm_mm->mm_id, &folio->page);
	return true;
}

/*
 * An anonymous page mapped read-only may be reused for writing when no
 * one else can hold it: exclusive, or (small folio) its only reference is
 * this mapping's, or (large folio) see above.
 */
static bool wp_can_reuse_anon_folio(struct folio *folio,
				    struct vm_area_struct *vma)
{
	if (cow_design()->reuse_by_mapcount) {
		/* before 5.8: reuse when mapped once, whatever else holds it */
		if (folio_mapcount(folio) != 1)
			return false;
		if (folio_ref_count(folio) > 1)
			mmsim_note_kernel_bug(PRE58_COW_BUG);
		folio_move_anon_rmap(folio, vma);
		return true;
	}
	if (folio_test_large(folio))
		return __wp_can_reuse_large_anon_folio(folio, vma);
	if (folio_ref_count(folio) != 1)
		return false;
	folio_move_anon_rmap(folio, vma);
	return true;
}

static vm_fault_t do_wp_page(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	bool unshare = vmf->flags & FAULT_FLAG_UNSHARE;
	struct page *page;

	if (!unshare && userfaultfd_pte_wp(vma, vmf->orig_pte)) {
		if (!userfaultfd_wp_async(vma))
			return handle_userfault(vmf, VM_UFFD_WP);
		/* WP_ASYNC: the fault resolves it; the bit is invisible */
		vmf->orig_pte = pte_clear_uffd_wp(vmf->orig_pte);
		set_pte_at(vma->vm_mm, vmf->address, vmf->pte, vmf->orig_pte);
	}
	page = vm_normal_page(vma, vmf->address, vmf->orig_pte);
	vmf->page = page;
	if (vma->vm_flags & (VM_SHARED | VM_MAYSHARE)) {
		if (unshare)	/* nothing to unshare in a shared mapping */
			return 0;
		if (!page)
			return wp_pfn_shared(vmf);
		return wp_page_shared(vmf, page);
	}
	if (page && folio_test_anon(page_folio(page)) &&
	    ((PageAnonExclusive(page) && !cow_design()->reuse_by_mapcount) ||
	     wp_can_reuse_anon_folio(page_folio(page), vma))) {
		SetPageAnonExclusive(page);
		if (unshare)
			return 0;
		return wp_page_reuse(vmf);
	}
	return wp_page_copy(vmf);
}

/* ---- non-present entries: PTE markers ---------------------------------- */

/*
 * A marker decides the fault: a guard region is never accessible; a
 * poisoned entry (UFFDIO_POISON) is a hardware-poison fault, SIGBUS to
 * the access and EHWPOISON to GUP that asks (FOLL_HWPOISON); a
 * uffd-wp marker faults as an empty entry would (do_pte_missing), the
 * new entry keeping the protection - or, left behind in a VMA no longer
 * registered, is just cleared.
 */
static vm_fault_t handle_pte_marker(struct vm_fault *vmf)
{
	swp_entry_t entry = pte_to_swp_entry(vmf->orig_pte);
	struct vm_area_struct *vma = vmf->vma;

	if (is_guard_swp_entry(entry))
		return VM_FAULT_SIGSEGV;
	if (is_poisoned_swp_entry(entry))
		return VM_FAULT_HWPOISON;
	if (pte_marker_entry_uffd_wp(entry)) {
		if (!userfaultfd_wp(vma)) {
			ptep_get_and_clear(vma->vm_mm, vmf->address, vmf->pte);
			return 0;
		}
		if (vma_is_anonymous(vma))
			return do_anonymous_page(vmf);
		return do_fault(vmf);
	}
	return VM_FAULT_SIGBUS;		/* no other marker in the model */
}

/* A non-present, non-empty entry: the model has no swap, only markers. */
static vm_fault_t do_swap_page(struct vm_fault *vmf)
{
	swp_entry_t entry = pte_to_swp_entry(vmf->orig_pte);

	if (is_pte_marker_entry(entry))
		return handle_pte_marker(vmf);
	return VM_FAULT_SIGBUS;
}

/* ---- dispatch ---------------------------------------------------------- */

/*
 * An empty entry, or no PTE table at all (vmf->pte NULL): an anonymous
 * fault makes the table first, a file or driver fault only when it maps
 * a page.
 */
static vm_fault_t do_pte_missing(struct vm_fault *vmf)
{
	if (vma_is_anonymous(vmf->vma))
		return do_anonymous_page(vmf);
	return do_fault(vmf);
}

static vm_fault_t handle_pte_fault(struct vm_fault *vmf)
{
	pte_t entry;

	if (!vmf->pte) {
		vmf->orig_pte = __pte(0);
		return do_pte_missing(vmf);
	}
	entry = ptep_get(vmf->pte);
	vmf->orig_pte = entry;
	if (pte_none(entry))
		return do_pte_missing(vmf);
	if (!pte_present(entry))
		return do_swap_page(vmf);
	if (vmf->flags & (FAULT_FLAG_WRITE | FAULT_FLAG_UNSHARE)) {
		if (!pte_write(entry))
			return do_wp_page(vmf);
		if (vmf->flags & FAULT_FLAG_WRITE)
			entry = mkdirty(entry);
	}
	/* A spurious fault: the entry allows the access; just mark it. */
	set_pte_at(vmf->vma->vm_mm, vmf->address, vmf->pte, pte_mkyoung(entry));
	return 0;
}

/*
 * A fault on a huge PFN-map leaf (wp_huge_pmd()/wp_huge_pud() for VMAs
 * that are not anonymous, Linux 6.18): a read, or a write the leaf
 * allows, is spurious.  A write to a read-only leaf of a shared VMA goes
 * to ->huge_fault at this order; without one, or when it falls back, the
 * leaf is split - a special leaf is dropped (__split_huge_pmd_locked()) -
 * and VM_FAULT_FALLBACK sends the fault one level down, where ->fault
 * maps the page and a write-notify ->pfn_mkwrite sees the write.
 */
static vm_fault_t wp_huge_leaf(struct vm_fault *vmf, uint64_t *entry,
			       unsigned long size, unsigned int order)
{
	struct vm_area_struct *vma = vmf->vma;

	if (!(vmf->flags & FAULT_FLAG_WRITE) || (*entry & _PAGE_RW))
		return 0;
	if ((vma->vm_flags & (VM_SHARED | VM_MAYSHARE)) &&
	    vma->vm_ops && vma->vm_ops->huge_fault) {
		vm_fault_t ret = vmf_call(vmf, "huge_fault",
					  vma->vm_ops->huge_fault(vmf, order));

		if (!(ret & VM_FAULT_FALLBACK))
			return ret;
	}
	if (order == PUD_SHIFT - PAGE_SHIFT)
		set_pud_at(vma->vm_mm, vmf->address & ~(size - 1), vmf->pud, __pud(0));
	else
		__split_huge_pmd(vma, vmf->pmd, vmf->address);
	return VM_FAULT_FALLBACK;
}

/*
 * The PUD-level cases, for a PUD entry that is a leaf or empty: a write
 * to a huge PFN-map leaf, or a driver's ->huge_fault at PUD order.
 * Out of line: most faults find a PMD table there.  Return:
 * VM_FAULT_FALLBACK when the fault goes on down.
 */
static __attribute__((noinline)) vm_fault_t handle_pud_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;

	if (pud_leaf(*vmf->pud)) {
		vm_fault_t ret = wp_huge_leaf(vmf, &vmf->pud->pud, PUD_SIZE,
					      PUD_SHIFT - PAGE_SHIFT);

		if (!(ret & VM_FAULT_FALLBACK))
			return ret;
	}
	if (pud_none(*vmf->pud) && vma->vm_ops && vma->vm_ops->huge_fault)
		return vmf_call(vmf, "huge_fault",
				vma->vm_ops->huge_fault(vmf, PUD_SHIFT - PAGE_SHIFT));
	return VM_FAULT_FALLBACK;
}

/*
 * The PMD-level cases, for a PMD entry that is a leaf or empty: the
 * anonymous THP work (huge_memory.c), a write to a huge PFN-map leaf,
 * or a driver's ->huge_fault at PMD order.  Out of line: most faults
 * find a PTE table there.  Return: VM_FAULT_FALLBACK when the fault
 * goes on to the PTE level.
 */
static __attribute__((noinline)) vm_fault_t handle_pmd_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;

	if (vma_is_anonymous(vma)) {
		vm_fault_t ret = handle_anon_pmd_fault(vmf);

		if (!(ret & VM_FAULT_FALLBACK))
			return ret;
	}
	if (pmd_leaf(*vmf->pmd))
		/* after a split the fault goes to the PTE level, not ->huge_fault */
		return wp_huge_leaf(vmf, &vmf->pmd->pmd, PMD_SIZE,
				    PMD_SHIFT - PAGE_SHIFT);
	if (pmd_none(*vmf->pmd) && vma->vm_ops && vma->vm_ops->huge_fault)
		return vmf_call(vmf, "huge_fault",
				vma->vm_ops->huge_fault(vmf, PMD_SHIFT - PAGE_SHIFT));
	return VM_FAULT_FALLBACK;
}

vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags)
{
	machine_enter(vma->vm_mm->machine);
	struct mm_struct *mm = vma->vm_mm;
	struct vm_fault vmf = {
		.vma = vma,
		.flags = flags,
		.address = address & PAGE_MASK,
		.real_address = address,
		.pgoff = linear_page_index(vma, address & PAGE_MASK),
	};
	pgd_t *pgd = pgd_offset(mm, address);
	vm_fault_t ret;

	mm->machine->ev.faults++;
	vmf.pud = pud_alloc(mm, pgd, address);
	if (!vmf.pud)
		return VM_FAULT_OOM;
	if (pud_none(*vmf.pud) || pud_leaf(*vmf.pud)) {
		ret = handle_pud_fault(&vmf);
		if (!(ret & VM_FAULT_FALLBACK))
			return ret;
	}
	vmf.pmd = pmd_alloc(mm, vmf.pud, address);
	if (!vmf.pmd)
		return VM_FAULT_OOM;
	if (pmd_none(*vmf.pmd) || pmd_leaf(*vmf.pmd)) {
		ret = handle_pmd_fault(&vmf);
		if (!(ret & VM_FAULT_FALLBACK))
			return ret;
	}
	/* no PTE table yet: the handler allocates it where the kernel does */
	if (!pmd_none(*vmf.pmd))
		vmf.pte = pte_offset(mm, vmf.pmd, address);
	return handle_pte_fault(&vmf);
}

/* ---- zap --------------------------------------------------------------- */

static bool zap_drop_markers(const struct zap_details *details)
{
	return details && (details->zap_flags & ZAP_FLAG_DROP_MARKER);
}

/* A marker maps nothing: only unmapping the VMA removes it. */
static void zap_nonpresent_pte(struct vm_area_struct *vma, unsigned long addr,
			       pte_t *ptep, const struct zap_details *details)
{
	swp_entry_t entry = pte_to_swp_entry(ptep_get(ptep));

	if (is_guard_swp_entry(entry) && !zap_drop_markers(details))
		return;
	ptep_get_and_clear(vma->vm_mm, addr, ptep);
}

/*
 * A page-cache page's entry zapped: what the entry recorded goes to the
 * folio - its dirty bit, and a young entry as a use unless the VMA's
 * accesses are no guide to reuse (vma_has_recency(): madvise sequential
 * or random).
 */
static void zap_file_pte_bits(struct vm_area_struct *vma, struct folio *folio,
			      pte_t pte)
{
	if (pte_dirty(pte))
		folio_mark_dirty(folio);
	if (pte_young(pte) && !(vma->vm_flags & (VM_SEQ_READ | VM_RAND_READ)))
		folio_mark_accessed_vma(folio, vma);
}

static void zap_present_pte(struct vm_area_struct *vma, unsigned long addr,
			    pte_t *ptep)
{
	pte_t pte = ptep_get_and_clear(vma->vm_mm, addr, ptep);
	struct page *page;

	page = vm_normal_page(vma, addr, pte);
	if (!page)
		return;
	if (!folio_test_anon(page_folio(page)))
		zap_file_pte_bits(vma, page_folio(page), pte);
	folio_remove_rmap_pte(page_folio(page), page, vma);
	put_page(page);
}

/*
 * zap_install_uffd_wp_if_needed(): a file's page may come back from its
 * page cache, so the protection of the @nr entries that held @pte's
 * kind stays as a marker; anonymous memory is just gone.
 */
static void install_uffd_wp_markers(struct vm_area_struct *vma,
				    unsigned long addr, pte_t *ptep, int nr)
{
	for (int i = 0; i < nr; i++, addr += PAGE_SIZE)
		if (pte_none(ptep_get(ptep + i)))
			set_pte_at(vma->vm_mm, addr, ptep + i,
				   make_pte_marker(PTE_MARKER_UFFD_WP));
}

static inline void zap_install_uffd_wp_if_needed(struct vm_area_struct *vma,
						 unsigned long addr, pte_t *ptep,
						 int nr, const struct zap_details *details,
						 pte_t pte)
{
	if (vma_is_anonymous(vma) || !userfaultfd_wp(vma) ||
	    zap_drop_markers(details) ||
	    !(pte_present(pte) ? pte_uffd_wp(pte) : pte_swp_uffd_wp_any(pte)))
		return;
	install_uffd_wp_markers(vma, addr, ptep, nr);
}

/*
 * The entries from @ptep on (at most @max_nr) that map the following
 * pages of @folio with the same uffd-wp bit (folio_pte_batch(): dirty,
 * soft-dirty, accessed and write do not count when unmapping).
 */
static int zap_folio_pte_batch(struct folio *folio, pte_t *ptep, pte_t pte,
			       int max_nr)
{
	unsigned long folio_end = folio_pfn(folio) + folio_nr_pages(folio);
	int nr = 1;

	max_nr = min((unsigned long)max_nr, folio_end - pte_pfn(pte));
	for (; nr < max_nr; nr++) {
		pte_t next = ptep_get(ptep + nr);

		if (!pte_present(next) || pte_special(next) ||
		    pte_pfn(next) != pte_pfn(pte) + nr ||
		    pte_uffd_wp(next) != pte_uffd_wp(pte))
			break;
	}
	return nr;
}

/*
 * zap_present_large_ptes - unmap the entries from @ptep on (at most
 * @max_nr) that map the following pages of the large anon @folio: one
 * rmap update and one release of references for them all.  Out of line,
 * so that the common small folio keeps zap_pte_range()'s registers.
 * Return: the entries unmapped.
 */
static __attribute__((noinline)) int
zap_present_large_ptes(struct mmu_gather *tlb, struct vm_area_struct *vma,
		       struct folio *folio, struct page *page,
		       unsigned long addr, pte_t *ptep, pte_t pte, int max_nr,
		       const struct zap_details *details)
{
	int nr = zap_folio_pte_batch(folio, ptep, pte, max_nr);

	get_and_clear_ptes(vma->vm_mm, addr, ptep, nr);
	if (nr == 1)
		folio_remove_rmap_pte(folio, page, vma);
	else
		folio_remove_rmap_ptes(folio, page, nr, vma);
	tlb_remove_folio_refs(tlb, folio, nr);
	zap_install_uffd_wp_if_needed(vma, addr, ptep, nr, details, pte);
	return nr;
}

/*
 * zap_present_ptes - unmap the present entry at @ptep and, for a large
 * anon folio, the entries after it mapping the folio's following pages
 * (at most @max_nr): one rmap update and one release of references per
 * batch; the references go with @tlb's batch.  The common small folio
 * is kept apart from the batching, as the kernel keeps it.  The model's
 * page cache holds only small folios.
 * Return: the entries unmapped.
 */
static int zap_present_ptes(struct mmu_gather *tlb, struct vm_area_struct *vma,
			    unsigned long addr, pte_t *ptep, pte_t pte, int max_nr,
			    const struct zap_details *details)
{
	struct page *page = __vm_normal_page(vma, addr, pte_pfn(pte),
					     pte_special(pte));
	struct folio *folio;

	if (!page) {
		ptep_get_and_clear(vma->vm_mm, addr, ptep);
		zap_install_uffd_wp_if_needed(vma, addr, ptep, 1, details, pte);
		return 1;
	}
	folio = page_folio(page);
	if (unlikely(folio_test_large(folio) && folio_test_anon(folio) &&
		     max_nr != 1))
		return zap_present_large_ptes(tlb, vma, folio, page, addr, ptep,
					      pte, max_nr, details);
	pte = ptep_get_and_clear(vma->vm_mm, addr, ptep);
	if (!folio_test_anon(folio))
		zap_file_pte_bits(vma, folio, pte);
	folio_remove_rmap_pte(folio, page, vma);
	tlb_remove_folio_refs(tlb, folio, 1);
	zap_install_uffd_wp_if_needed(vma, addr, ptep, 1, details, pte);
	return 1;
}

static __attribute__((noinline)) void
zap_pte_range(struct mmu_gather *tlb, struct vm_area_struct *vma, pmd_t *pmd,
	      unsigned long addr, unsigned long end,
	      const struct zap_details *details)
{
	pte_t *ptep = pte_offset(vma->vm_mm, pmd, addr);
	int nr;

	for (; addr != end; addr += nr * PAGE_SIZE, ptep += nr) {
		pte_t pte = ptep_get(ptep);

		nr = 1;
		if (pte_none(pte))
			continue;
		if (pte_present(pte)) {
			nr = zap_present_ptes(tlb, vma, addr, ptep, pte,
					      (end - addr) >> PAGE_SHIFT, details);
			continue;
		}
		zap_nonpresent_pte(vma, addr, ptep, details);
		zap_install_uffd_wp_if_needed(vma, addr, ptep, 1, details, pte);
	}
}

static void zap_pmd_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
			  pud_t *pud,
			  unsigned long addr, unsigned long end,
			  const struct zap_details *details)
{
	pmd_t *pmd = pmd_offset(vma->vm_mm, pud, addr);
	unsigned long next;

	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*pmd))
			continue;
		if (pmd_leaf(*pmd)) {
			/* a whole THP goes at once; part of one: split first */
			if (next - addr == PMD_SIZE || !pmd_is_anon_huge(vma, *pmd)) {
				zap_huge_pmd(vma, pmd, addr);
				continue;
			}
			__split_huge_pmd(vma, pmd, addr);
		}
		zap_pte_range(tlb, vma, pmd, addr, next, details);
		if (reclaim_pt_is_enabled(addr, next, details))
			try_to_free_pte(vma->vm_mm, pmd, addr);
	} while (pmd++, addr = next, addr != end);
}

static void zap_pud_range(struct mmu_gather *tlb, struct vm_area_struct *vma,
			  pgd_t *pgd,
			  unsigned long addr, unsigned long end,
			  const struct zap_details *details)
{
	pud_t *pud = pud_offset(vma->vm_mm, pgd, addr);
	unsigned long next;

	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*pud))
			continue;
		if (pud_leaf(*pud)) {
			set_pud_at(vma->vm_mm, addr, pud, __pud(0));
			continue;
		}
		zap_pmd_range(tlb, vma, pud, addr, next, details);
	} while (pud++, addr = next, addr != end);
}

static void __unmap_page_range(struct mmu_gather *tlb,
			       struct vm_area_struct *vma, unsigned long start,
			       unsigned long end, const struct zap_details *details)
{
	unsigned long addr = start, next;
	pgd_t *pgd;

	if (start >= end)
		return;
	pgd = pgd_offset(vma->vm_mm, addr);
	do {
		next = pgd_addr_end(addr, end);
		if (!pgd_none(*pgd))
			zap_pud_range(tlb, vma, pgd, addr, next, details);
	} while (pgd++, addr = next, addr != end);
}

/* One mmu_gather around the walk, as the kernel's zap_page_range_single(). */
void unmap_page_range(struct vm_area_struct *vma, unsigned long start,
		      unsigned long end, const struct zap_details *details)
{
	struct mmu_gather tlb;

	tlb_gather_mmu(&tlb, vma->vm_mm);
	__unmap_page_range(&tlb, vma, start, end, details);
	tlb_finish_mmu(&tlb);
}

void zap_page_range(struct vm_area_struct *vma, unsigned long start,
		    unsigned long end)
{
	update_hiwater_rss(vma->vm_mm);
	unmap_page_range(vma, start, end, NULL);
}

/* One mmu_gather for all the VMAs, as unmap_region() and exit_mmap() have. */
void unmap_vmas(struct mm_struct *mm, struct vm_area_struct *vma,
		unsigned long start, unsigned long end)
{
	const struct zap_details details = { .zap_flags = ZAP_FLAG_DROP_MARKER };
	struct mmu_gather tlb;

	update_hiwater_rss(mm);
	tlb_gather_mmu(&tlb, mm);
	for (; vma && vma->vm_start < end; vma = vma_next(vma)) {
		untrack_pfn(vma);	/* unmap_single_vma() */
		__unmap_page_range(&tlb, vma, max(start, vma->vm_start),
				   min(end, vma->vm_end), &details);
	}
	tlb_finish_mmu(&tlb);
}

void unmap_mapping_range(struct address_space *mapping, pgoff_t first,
			 pgoff_t nr, bool even_cows)
{
	pgoff_t last = nr ? first + nr - 1 : ~0UL;
	struct vm_area_struct *vma;

	vma_interval_tree_foreach(vma, &mapping->i_mmap, first, last) {
		pgoff_t s = max(first, vma_start_pgoff(vma));
		pgoff_t e = min(last, vma_last_pgoff(vma));
		unsigned long start = vma->vm_start + ((s - vma->vm_pgoff) << PAGE_SHIFT);
		unsigned long end = vma->vm_start + ((e - vma->vm_pgoff + 1) << PAGE_SHIFT);

		if (!even_cows && is_cow_mapping(vma->vm_flags)) {
			/* keep private anon copies: zap only page-cache entries */
			for (unsigned long a = start; a < end; a += PAGE_SIZE) {
				pte_t *ptep = walk_to_pte(vma->vm_mm, a, NULL, NULL);
				struct page *pg;

				if (!ptep) {	/* step over what has no table */
					unsigned long hole = pte_hole_end(vma->vm_mm, a, end);

					if (hole > a)
						a = hole - PAGE_SIZE;
					continue;
				}
				if (!pte_present(*ptep))
					continue;
				pg = vm_normal_page(vma, a, *ptep);
				if (pg && !folio_test_anon(page_folio(pg)))
					zap_present_pte(vma, a, ptep);
			}
			continue;
		}
		untrack_pfn(vma);	/* unmap_single_vma(), Linux 3.7-6.15 */
		zap_page_range(vma, start, end);
	}
}

/* ---- fork: copy page tables ------------------------------------------- */

/* The source page may be pinned: give the child its own copy now. */
static int copy_present_page(struct vm_area_struct *dst_vma, pte_t *dst_pte,
			     unsigned long addr, struct page *src, pte_t src_pte)
{
	struct page *new = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	pte_t entry;

	if (!new)
		return -ENOMEM;
	if (frame_copy(new, src)) {
		put_page(new);
		return -ENOMEM;
	}
	folio_add_new_anon_rmap(page_folio(new), dst_vma, addr, RMAP_EXCLUSIVE);
	entry = maybe_mkwrite(mkdirty(mk_pte(new, dst_vma->vm_page_prot)), dst_vma);
	if (userfaultfd_pte_wp(dst_vma, src_pte))	/* EVENT_FORK kept it */
		entry = pte_mkuffd_wp(entry);
	set_pte_at(dst_vma->vm_mm, addr, dst_pte, entry);
	return 0;
}

/*
 * folio_pte_batch_flags - how many entries from @ptep (at most @max_nr,
 * the first included) map consecutive pages of the large @folio with the
 * same bits (mm/internal.h, Linux 6.18).  The accessed and write bits
 * never count, nor the dirty bit without FPB_RESPECT_DIRTY or the
 * soft-dirty bit without FPB_RESPECT_SOFT_DIRTY; FPB_MERGE_WRITE makes
 * *@ptentp writable when any entry of the batch is.
 */
#define FPB_RESPECT_DIRTY	0x1
#define FPB_RESPECT_SOFT_DIRTY	0x2
#define FPB_MERGE_WRITE		0x4

static pte_t pte_batch_clear_ignored(pte_t pte, unsigned int flags)
{
	if (!(flags & FPB_RESPECT_DIRTY))
		pte = pte_mkclean(pte);
	if (!(flags & FPB_RESPECT_SOFT_DIRTY))
		pte = pte_clear_soft_dirty(pte);
	return pte_wrprotect(pte_mkold(pte));
}

static int folio_pte_batch_flags(struct folio *folio, pte_t *ptep,
				 pte_t *ptentp, int max_nr, unsigned int flags)
{
	unsigned long folio_end = folio_pfn(folio) + folio_nr_pages(folio);
	pte_t expected = pte_batch_clear_ignored(pte_next_pfn(*ptentp), flags);
	bool any_writable = false;
	int nr = 1;

	max_nr = min((unsigned long)max_nr, folio_end - pte_pfn(*ptentp));
	for (; nr < max_nr; nr++, expected = pte_next_pfn(expected)) {
		pte_t pte = ptep_get(ptep + nr);

		if (pte_val(pte_batch_clear_ignored(pte, flags)) != pte_val(expected))
			break;
		any_writable |= pte_write(pte);
	}
	if ((flags & FPB_MERGE_WRITE) && any_writable)
		*ptentp = pte_mkwrite(*ptentp);
	return nr;
}

/*
 * What fork's copy of one PTE table decides once for all its entries,
 * passed down as the kernel passes its rss array and preallocated folio
 * (a store to a page or an entry may alias the VMAs' flags, so the
 * compiler would read them again for every entry):
 * @cow:	is_cow_mapping(): a writable entry is write-protected in both
 * @child_clear: the bits the child's entries lose (__copy_present_ptes())
 * @simple_anon: the source mm never pinned a page (MMF_HAS_PINNED), so no
 *		page of it may be pinned: a small anon folio is shared by
 *		copy_small_anon_pte()
 */
struct copy_pte_ctx {
	bool cow;
	bool simple_anon;
	pteval_t child_clear;
};

static void copy_pte_ctx_init(struct copy_pte_ctx *ctx,
			      struct vm_area_struct *dst_vma,
			      struct vm_area_struct *src_vma)
{
	ctx->cow = is_cow_mapping(src_vma->vm_flags);
	/* clean in the child if shared, old, no uffd-wp unless it keeps it */
	ctx->child_clear = _PAGE_ACCESSED;
	if (src_vma->vm_flags & VM_SHARED)
		ctx->child_clear |= _PAGE_DIRTY;
	if (!(dst_vma->vm_flags & VM_UFFD_WP))
		ctx->child_clear |= _PAGE_UFFD_WP;
	ctx->simple_anon = !(src_vma->vm_mm->flags & (1UL << MMF_HAS_PINNED));
}

/*
 * The child's entries for @nr pages from @pte's on: write-protected in
 * both if the mapping is COW, and as @ctx->child_clear says.  @anon is the
 * anon page the one entry maps, or NULL: the checker then counts it
 * without looking the frame up again (set_pte_anon()).
 */
static inline __attribute__((always_inline)) void
__copy_present_ptes(struct vm_area_struct *dst_vma,
		    struct vm_area_struct *src_vma, pte_t *dst_pte,
		    pte_t *src_pte, pte_t pte, unsigned long addr, int nr,
		    struct page *anon, const struct copy_pte_ctx *ctx)
{
	if (ctx->cow && pte_write(pte)) {
		wrprotect_ptes(src_vma->vm_mm, addr, src_pte, nr);
		pte = pte_wrprotect(pte);
	}
	pte = pte_clear_bits(pte, ctx->child_clear);
	if (anon)
		set_pte_anon(dst_vma->vm_mm, addr, dst_pte, pte, anon);
	else
		set_ptes(dst_vma->vm_mm, addr, dst_pte, pte, nr);
}

/*
 * The entry fork copies most: @page of a small anon folio, under
 * @ctx->simple_anon, so shared, never copied.  It is what folio_get()
 * and folio_try_dup_anon_rmap_pte() do to the page, without their
 * calls to queue the frame for the incremental check: a call on any
 * path makes the compiler reload, for every entry, what it held in
 * registers.  The log still hears of the frame: with the log on,
 * set_pte_anon() counts the child's entry out of line, which queues it.
 */
static inline __attribute__((always_inline)) void
copy_small_anon_pte(struct vm_area_struct *dst_vma,
		    struct vm_area_struct *src_vma, pte_t *dst_pte,
		    pte_t *src_pte, pte_t pte, unsigned long addr,
		    struct page *page, int *rss, const struct copy_pte_ctx *ctx)
{
	page->_refcount++;
	page->flags &= ~(1UL << PG_anon_exclusive);
	page->_mapcount++;
	rss[MM_ANONPAGES]++;
	__copy_present_ptes(dst_vma, src_vma, dst_pte, src_pte, pte, addr, 1,
			    page, ctx);
}

/*
 * Copy the present entry @pte and, for a large anon folio, the entries
 * after it that map the following pages of the folio alike (at most
 * @max_nr in all): one reference, rmap and checker update per batch.
 * A batch whose pages may be pinned is taken page by page instead, as
 * the kernel's retry with a preallocated page does: only the pinned
 * (exclusive) pages are copied.  The model's page cache holds only
 * small folios, so file pages are never batched.  A small anon folio of
 * an mm that never pinned a page takes copy_small_anon_pte().
 * Return: the entries copied, or -ENOMEM.
 */
static inline int copy_present_ptes(struct vm_area_struct *dst_vma,
			     struct vm_area_struct *src_vma, pte_t *dst_pte,
			     pte_t *src_pte, pte_t pte, unsigned long addr,
			     int max_nr, int *rss, const struct copy_pte_ctx *ctx)
{
	struct page *page = __vm_normal_page(src_vma, addr, pte_pfn(pte),
					     pte_special(pte));
	struct folio *folio;
	int nr;

	if (unlikely(!page))
		goto copy_pte;
	folio = page_folio(page);
	if (likely(ctx->simple_anon && !folio_test_large(folio) &&
		   folio_test_anon(folio))) {
		copy_small_anon_pte(dst_vma, src_vma, dst_pte, src_pte, pte,
				    addr, page, rss, ctx);
		return 1;
	}
	if (unlikely(folio_test_large(folio) && folio_test_anon(folio) &&
		     max_nr != 1)) {
		unsigned int flags = FPB_MERGE_WRITE;

		if (!(src_vma->vm_flags & VM_SHARED))
			flags |= FPB_RESPECT_DIRTY;
		if (vma_soft_dirty_enabled(src_vma))
			flags |= FPB_RESPECT_SOFT_DIRTY;
		nr = folio_pte_batch_flags(folio, src_pte, &pte, max_nr, flags);
		folio_ref_add(folio, nr);
		if (likely(!folio_try_dup_anon_rmap_ptes(folio, page, nr,
							 dst_vma, src_vma))) {
			rss[MM_ANONPAGES] += nr;
			__copy_present_ptes(dst_vma, src_vma, dst_pte, src_pte,
					    pte, addr, nr, NULL, ctx);
			return nr;
		}
		folio_ref_sub(folio, nr);
		pte = ptep_get(src_pte);
	}
	folio_get(folio);
	if (folio_test_anon(folio)) {
		if (unlikely(folio_try_dup_anon_rmap_pte(folio, page, dst_vma,
							 src_vma))) {
			/* may be pinned: the child gets its own copy now */
			folio_put(folio);
			if (copy_present_page(dst_vma, dst_pte, addr, page, pte))
				return -ENOMEM;
			return 1;
		}
		rss[MM_ANONPAGES]++;
		__copy_present_ptes(dst_vma, src_vma, dst_pte, src_pte, pte,
				    addr, 1, page, ctx);
		return 1;
	}
	folio_add_file_rmap_pte(folio, dst_vma);
copy_pte:
	__copy_present_ptes(dst_vma, src_vma, dst_pte, src_pte, pte, addr, 1,
			    NULL, ctx);
	return 1;
}

/*
 * A non-present entry at fork: markers that describe the address space
 * (guard, poison) go to the child; a uffd-wp marker only to a child VMA
 * that keeps uffd-wp (copy_pte_marker).
 */
static void copy_nonpresent_pte(struct vm_area_struct *dst_vma, pte_t *dst_pte,
				pte_t *src_pte, unsigned long addr)
{
	swp_entry_t entry = pte_to_swp_entry(ptep_get(src_pte));
	pte_marker marker;

	if (!is_pte_marker_entry(entry))
		return;
	marker = pte_marker_get(entry) & (PTE_MARKER_GUARD | PTE_MARKER_POISONED);
	if (dst_vma->vm_flags & VM_UFFD_WP)
		marker |= pte_marker_get(entry) & PTE_MARKER_UFFD_WP;
	if (marker)
		set_pte_at(dst_vma->vm_mm, addr, dst_pte, make_pte_marker(marker));
}

/*
 * The per-level copy loops walk the source and the destination tables in
 * step, as the kernel's do: each level allocates the destination table
 * once for the whole range it covers, never one walk per entry.
 */
static int copy_pte_range(struct vm_area_struct *dst_vma,
			  struct vm_area_struct *src_vma, pmd_t *dst_pmd,
			  pmd_t *src_pmd, unsigned long addr, unsigned long end)
{
	pte_t *src_pte = pte_offset(src_vma->vm_mm, src_pmd, addr);
	pte_t *dst_pte = pte_alloc(dst_vma->vm_mm, dst_pmd, addr);
	int rss[NR_MM_COUNTERS] = { 0 }, err = 0, nr;
	struct copy_pte_ctx ctx;

	if (!dst_pte)
		return -ENOMEM;
	copy_pte_ctx_init(&ctx, dst_vma, src_vma);
	do {
		pte_t ptent = ptep_get(src_pte);

		nr = 1;
		if (pte_none(ptent))
			continue;
		if (unlikely(!pte_present(ptent))) {
			copy_nonpresent_pte(dst_vma, dst_pte, src_pte, addr);
			continue;
		}
		nr = copy_present_ptes(dst_vma, src_vma, dst_pte, src_pte, ptent,
				       addr, (end - addr) >> PAGE_SHIFT, rss, &ctx);
		if (nr < 0)
			err = nr;
	} while (!err && (dst_pte += nr, src_pte += nr, addr += nr * PAGE_SIZE,
			  addr != end));
	/* the counters once per table, as the kernel's add_mm_rss_vec() */
	for (int i = 0; i < NR_MM_COUNTERS; i++)
		if (rss[i])
			add_mm_counter(dst_vma->vm_mm, i, rss[i]);
	return err;
}

/*
 * A special PMD/PUD leaf of a PFN map (no struct page, nothing to count):
 * shared as is, write-protected in both if the mapping is COW.
 */
static void copy_huge_leaf(struct vm_area_struct *dst_vma,
			   struct vm_area_struct *src_vma, uint64_t *dst,
			   uint64_t *src, unsigned long addr, bool pud)
{
	uint64_t val = *src;

	if (is_cow_mapping(src_vma->vm_flags) && (val & _PAGE_RW)) {
		val &= ~(uint64_t)_PAGE_RW;
		if (pud)
			set_pud_at(src_vma->vm_mm, addr, (pud_t *)src, __pud(val));
		else
			set_pmd_at(src_vma->vm_mm, addr, (pmd_t *)src, __pmd(val));
	}
	if (pud)
		set_pud_at(dst_vma->vm_mm, addr, (pud_t *)dst, __pud(val));
	else
		set_pmd_at(dst_vma->vm_mm, addr, (pmd_t *)dst, __pmd(val));
}

static int copy_pmd_range(struct vm_area_struct *dst_vma,
			  struct vm_area_struct *src_vma, pud_t *dst_pud,
			  pud_t *src_pud, unsigned long addr, unsigned long end)
{
	struct mm_struct *dst_mm = dst_vma->vm_mm;
	pmd_t *src_pmd = pmd_offset(src_vma->vm_mm, src_pud, addr);
	pmd_t *dst_pmd = pmd_alloc(dst_mm, dst_pud, addr);
	unsigned long next;

	if (!dst_pmd)
		return -ENOMEM;
	do {
		next = pmd_addr_end(addr, end);
		if (pmd_none(*src_pmd))
			continue;
		if (pmd_is_anon_huge(src_vma, *src_pmd)) {
			int err = copy_huge_pmd(dst_vma, src_vma, dst_pmd,
						src_pmd, addr);

			if (err != -EAGAIN) {
				if (err)
					return err;
				continue;
			}
			/* split (maybe pinned): copy its PTEs below */
		}
		if (pmd_leaf(*src_pmd)) {
			copy_huge_leaf(dst_vma, src_vma, &dst_pmd->pmd,
				       &src_pmd->pmd, addr, false);
			continue;
		}
		if (copy_pte_range(dst_vma, src_vma, dst_pmd, src_pmd, addr, next))
			return -ENOMEM;
	} while (dst_pmd++, src_pmd++, addr = next, addr != end);
	return 0;
}

static int copy_pud_range(struct vm_area_struct *dst_vma,
			  struct vm_area_struct *src_vma, pgd_t *dst_pgd,
			  pgd_t *src_pgd, unsigned long addr, unsigned long end)
{
	struct mm_struct *dst_mm = dst_vma->vm_mm;
	pud_t *src_pud = pud_offset(src_vma->vm_mm, src_pgd, addr);
	pud_t *dst_pud = pud_alloc(dst_mm, dst_pgd, addr);
	unsigned long next;

	if (!dst_pud)
		return -ENOMEM;
	do {
		next = pud_addr_end(addr, end);
		if (pud_none(*src_pud))
			continue;
		if (pud_leaf(*src_pud)) {
			copy_huge_leaf(dst_vma, src_vma, &dst_pud->pud,
				       &src_pud->pud, addr, true);
			continue;
		}
		if (copy_pmd_range(dst_vma, src_vma, dst_pud, src_pud, addr, next))
			return -ENOMEM;
	} while (dst_pud++, src_pud++, addr = next, addr != end);
	return 0;
}

/*
 * copy_page_range - fork: copy @src_vma's entries into @dst_vma's mm.
 * Return: 0 (also when nothing needs copying), or -ENOMEM.
 */
int copy_page_range(struct vm_area_struct *dst_vma, struct vm_area_struct *src_vma)
{
	unsigned long addr = src_vma->vm_start, end = src_vma->vm_end, next;
	pgd_t *src_pgd, *dst_pgd;
	int ret = 0;

	if (!(dst_vma->vm_flags & VM_COPY_ON_FORK) && !src_vma->anon_vma)
		return 0;
	src_vma->vm_mm->write_protect_seq++;
	src_pgd = pgd_offset(src_vma->vm_mm, addr);
	dst_pgd = pgd_offset(dst_vma->vm_mm, addr);
	do {
		next = pgd_addr_end(addr, end);
		if (pgd_none(*src_pgd))
			continue;
		ret = copy_pud_range(dst_vma, src_vma, dst_pgd, src_pgd, addr, next);
		if (ret)
			break;
	} while (dst_pgd++, src_pgd++, addr = next, addr != end);
	src_vma->vm_mm->write_protect_seq++;
	return ret;
}

/* ---- populate ---------------------------------------------------------- */

/* The last page of the PMD holding @addr: a per-page loop's next step. */
static unsigned long pmd_last_page(unsigned long addr)
{
	return (addr | (PMD_SIZE - 1)) + 1 - PAGE_SIZE;
}

/*
 * GUP's FOLL_TOUCH, which populating asks for, on the page found present
 * already or just faulted in: a page under a PTE is marked accessed, and
 * dirty when writing over a writable clean entry (follow_touch_pte());
 * a PMD leaf is only made young (touch_pmd()), which its fault did.
 */
static void populate_touch(struct vm_area_struct *vma, unsigned long addr,
			   bool write)
{
	pmd_t *leaf_pmd = NULL;
	pud_t *leaf_pud = NULL;
	pte_t *ptep = walk_to_pte(vma->vm_mm, addr, &leaf_pmd, &leaf_pud);
	struct page *page = NULL;

	if (!leaf_pmd && !leaf_pud && ptep && pte_present(*ptep))
		page = vm_normal_page(vma, addr, *ptep);
	if (page)
		follow_touch_pte(vma, *ptep, page_folio(page),
				 FOLL_TOUCH | (write ? FOLL_WRITE : 0));
}

/*
 * A populating fault went to the userfaultfd monitor: with @locked (the
 * caller may wait) the process's own monitor serves it, and the address
 * is tried again; without, handle_userfault() was SIGBUS.
 */
static int populate_wait_for_monitor(struct mm_struct *mm, int *locked,
				     int *served)
{
	if (!locked)
		return -EFAULT;
	return userfaultfd_monitor_retry(mm, served);
}

int populate_vma_range(struct vm_area_struct *vma, unsigned long start,
		       unsigned long end, bool write, int *locked)
{
	unsigned int flags = write ? FAULT_FLAG_WRITE : 0;
	int served = 0;

	if (!(vma->vm_flags & VM_ACCESS_FLAGS))
		return -EFAULT;
	for (unsigned long a = start; a < end; a += PAGE_SIZE) {
		pmd_t *leaf_pmd = NULL;
		pud_t *leaf_pud = NULL;
		pte_t *ptep = walk_to_pte(vma->vm_mm, a, &leaf_pmd, &leaf_pud);
		vm_fault_t ret;

		if (leaf_pud)
			continue;
		/* a huge leaf serves the whole PMD, unless a write needs COW */
		if (leaf_pmd && (!write || pmd_write(*leaf_pmd))) {
			populate_touch(vma, a, write);
			a = pmd_last_page(a);
			continue;
		}
		if (ptep && pte_present(*ptep) && (!write || pte_write(*ptep))) {
			populate_touch(vma, a, write);
			continue;
		}
		ret = handle_mm_fault(vma, a, flags);
		if (ret & VM_FAULT_OOM)
			return -ENOMEM;
		if (ret & (VM_FAULT_HWPOISON | VM_FAULT_HWPOISON_LARGE))
			return -EHWPOISON;
		if (ret & (VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV))
			return -EFAULT;
		if (ret & VM_FAULT_RETRY) {
			int err = populate_wait_for_monitor(vma->vm_mm, locked, &served);

			if (err)
				return err;
			a -= PAGE_SIZE;		/* this address again */
			continue;
		}
		served = 0;
		populate_touch(vma, a, write);
	}
	return 0;
}
