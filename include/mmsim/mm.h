/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm.h - the kernel-level interface of the model: VMA flags, fault and
 * GUP flags, VMA look-ups, faults, vm_normal_page() and GUP.  What a
 * driver implements and calls (vm_operations_struct, vm_fault,
 * file_operations, remap_pfn_range, vmf_insert_*, ...) is in driver.h.
 *
 * Values of VM_*, FAULT_FLAG_*, VM_FAULT_* and FOLL_* are the kernel's
 * (Linux 6.18, x86-64), so a flag word printed by the model can be read
 * against kernel sources.
 */
#ifndef MMSIM_MM_H
#define MMSIM_MM_H

#include <mmsim/gfp_types.h>
#include <mmsim/mm_types.h>
#include <mmsim/pgtable.h>

/* vm_flags */
#define VM_NONE		0x00000000ULL
#define VM_READ		0x00000001ULL
#define VM_WRITE	0x00000002ULL
#define VM_EXEC		0x00000004ULL
#define VM_SHARED	0x00000008ULL
#define VM_MAYREAD	0x00000010ULL
#define VM_MAYWRITE	0x00000020ULL
#define VM_MAYEXEC	0x00000040ULL
#define VM_MAYSHARE	0x00000080ULL
#define VM_GROWSDOWN	0x00000100ULL
#define VM_UFFD_MISSING	0x00000200ULL
#define VM_PFNMAP	0x00000400ULL
#define VM_MAYBE_GUARD	0x00000800ULL
#define VM_UFFD_WP	0x00001000ULL
#define VM_LOCKED	0x00002000ULL
#define VM_IO		0x00004000ULL
#define VM_SEQ_READ	0x00008000ULL
#define VM_RAND_READ	0x00010000ULL
#define VM_DONTCOPY	0x00020000ULL
#define VM_DONTEXPAND	0x00040000ULL
#define VM_LOCKONFAULT	0x00080000ULL
#define VM_ACCOUNT	0x00100000ULL
#define VM_NORESERVE	0x00200000ULL
#define VM_HUGETLB	0x00400000ULL
#define VM_SYNC		0x00800000ULL
#define VM_ARCH_1	0x01000000ULL
#define VM_WIPEONFORK	0x02000000ULL
#define VM_DONTDUMP	0x04000000ULL
#define VM_SOFTDIRTY	0x08000000ULL
#define VM_MIXEDMAP	0x10000000ULL
#define VM_HUGEPAGE	0x20000000ULL
#define VM_NOHUGEPAGE	0x40000000ULL
#define VM_MERGEABLE	0x80000000ULL
/* Above 32 bits, 64-bit only (CONFIG_64BIT in the kernel). */
#define VM_DROPPABLE	(1ULL << 40)	/* MAP_DROPPABLE, Linux 6.11 */
#define VM_UFFD_MINOR	(1ULL << 41)	/* userfaultfd minor faults */
#define VM_SEALED	(1ULL << 42)	/* mseal(2), Linux 6.10 */

#define VM_STACK_FLAGS	(VM_GROWSDOWN)
#define VM_LOCKED_MASK	(VM_LOCKED | VM_LOCKONFAULT)
#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)
/* Never merged, never expanded by mremap, no ordinary page handling. */
#define VM_SPECIAL	(VM_IO | VM_DONTEXPAND | VM_PFNMAP | VM_MIXEDMAP)
#define VMA_REMAP_FLAGS	(VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP)
/*
 * Sticky flags: a VMA made of merged VMAs has each one any part had
 * (soft-dirty: VMA granularity; maybe-guard: the page tables may hold
 * markers).  They do not stop two VMAs from merging.
 */
#define VM_STICKY	(VM_SOFTDIRTY | VM_MAYBE_GUARD)
#define VM_IGNORE_MERGE	VM_STICKY
/* Page tables of these are copied at fork even without an anon_vma. */
#define VM_COPY_ON_FORK	(VM_PFNMAP | VM_MIXEDMAP | VM_UFFD_WP | VM_MAYBE_GUARD)

/**
 * is_cow_mapping - private and may be written: writes copy on write
 * @flags: a VMA's vm_flags
 *
 * Context: any.
 * Return: true for a COW mapping.
 */
static inline bool is_cow_mapping(vm_flags_t flags)
{
	return (flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
}

/* fault flags (enum fault_flag) */
#define FAULT_FLAG_WRITE		(1U << 0)
#define FAULT_FLAG_MKWRITE		(1U << 1)
#define FAULT_FLAG_ALLOW_RETRY		(1U << 2)
#define FAULT_FLAG_RETRY_NOWAIT		(1U << 3)
#define FAULT_FLAG_KILLABLE		(1U << 4)
#define FAULT_FLAG_TRIED		(1U << 5)
#define FAULT_FLAG_USER			(1U << 6)
#define FAULT_FLAG_REMOTE		(1U << 7)
#define FAULT_FLAG_INSTRUCTION		(1U << 8)
#define FAULT_FLAG_INTERRUPTIBLE	(1U << 9)
#define FAULT_FLAG_UNSHARE		(1U << 10)
#define FAULT_FLAG_ORIG_PTE_VALID	(1U << 11)

/* vm_fault_t */
#define VM_FAULT_OOM		0x000001
#define VM_FAULT_SIGBUS		0x000002
#define VM_FAULT_MAJOR		0x000004
#define VM_FAULT_HWPOISON	0x000010
#define VM_FAULT_HWPOISON_LARGE	0x000020
#define VM_FAULT_SIGSEGV	0x000040
#define VM_FAULT_NOPAGE		0x000100
#define VM_FAULT_LOCKED		0x000200
#define VM_FAULT_RETRY		0x000400
#define VM_FAULT_FALLBACK	0x000800
#define VM_FAULT_DONE_COW	0x001000
#define VM_FAULT_NEEDDSYNC	0x002000
#define VM_FAULT_COMPLETED	0x004000
#define VM_FAULT_ERROR	(VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV | \
			 VM_FAULT_HWPOISON | VM_FAULT_HWPOISON_LARGE | \
			 VM_FAULT_FALLBACK)

/* gup flags */
#define FOLL_WRITE	(1U << 0)
#define FOLL_GET	(1U << 1)
#define FOLL_DUMP	(1U << 2)
#define FOLL_FORCE	(1U << 3)
#define FOLL_NOWAIT	(1U << 4)
#define FOLL_NOFAULT	(1U << 5)
#define FOLL_HWPOISON	(1U << 6)
#define FOLL_ANON	(1U << 7)
#define FOLL_LONGTERM	(1U << 8)
#define FOLL_TOUCH	(1U << 21)	/* internal in the kernel (mm/internal.h) */
#define FOLL_PIN	(1U << 22)	/* internal in the kernel (mm/internal.h) */
#define FOLL_UNLOCKABLE	(1U << 23)

#define GUP_PIN_COUNTING_BIAS	(1U << 10)

/* struct iattr - attributes to change (ATTR_SIZE: truncate to @ia_size). */
#define ATTR_SIZE	(1U << 3)
struct iattr {
	unsigned int ia_valid;
	loff_t ia_size;
};

struct inode_operations {
	int (*setattr)(struct inode *inode, struct iattr *attr);
};

struct super_operations {
	void (*free_inode)(struct inode *inode);
};

/**
 * find_vma - the first VMA ending above @addr
 * @mm: the address space
 * @addr: the address
 *
 * Context: any.
 * Return: the VMA containing or following @addr, or NULL.
 */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);

/**
 * vma_lookup - the VMA containing @addr
 * @mm: the address space
 * @addr: the address
 *
 * Context: any.
 * Return: the VMA, or NULL.
 */
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr);

/**
 * vma_next - the VMA after @vma in its mm
 * @vma: a linked VMA
 *
 * Context: any.
 * Return: the next VMA, or NULL.
 */
struct vm_area_struct *vma_next(struct vm_area_struct *vma);

/**
 * vma_prev - the VMA before @vma in its mm
 * @vma: a linked VMA
 *
 * Context: any.
 * Return: the previous VMA, or NULL.
 */
struct vm_area_struct *vma_prev(struct vm_area_struct *vma);

/**
 * vma_first - the lowest VMA of @mm
 * @mm: the address space
 *
 * Context: any.
 * Return: the VMA, or NULL for an empty mm.
 */
struct vm_area_struct *vma_first(struct mm_struct *mm);

#define for_each_vma(mm, vma) \
	for ((vma) = vma_first(mm); (vma); (vma) = vma_next(vma))

/**
 * vma_pages - the size of @vma in pages
 * @vma: the VMA
 *
 * Context: any.
 * Return: the number of pages.
 */
static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/**
 * vma_is_anonymous - is @vma anonymous memory (no vm_ops)?
 * @vma: the VMA
 *
 * Context: any.
 * Return: true for anonymous VMAs.
 */
static inline bool vma_is_anonymous(const struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

/**
 * linear_page_index - the file offset, in pages, @vma maps at @address
 * @vma: the VMA
 * @address: an address inside it
 *
 * Context: any.
 * Return: the page offset.
 */
static inline pgoff_t linear_page_index(const struct vm_area_struct *vma,
					unsigned long address)
{
	return ((address - vma->vm_start) >> PAGE_SHIFT) + vma->vm_pgoff;
}

/**
 * vm_get_page_prot - the entry protection of VM_READ/WRITE/EXEC/SHARED
 * @vm_flags: the flags (x86-64's protection_map)
 *
 * A driver mapping in ->mmap before write-notify is decided passes
 * vm_flags & ~VM_SHARED to get a protection that is never writable.
 * Context: any.
 * Return: the protection.
 */
pgprot_t vm_get_page_prot(vm_flags_t vm_flags);

/**
 * vma_wants_writenotify - must the first write to each page fault?
 * @vma: a shared writable VMA
 * @vm_page_prot: the protection it would have
 *
 * Context: any, with the current machine set.
 * Return: true if the VMA has ->page_mkwrite/->pfn_mkwrite, tracks
 * soft-dirty or uffd-wp, or its file writes dirty pages back.
 */
bool vma_wants_writenotify(struct vm_area_struct *vma, pgprot_t vm_page_prot);

/**
 * vma_set_page_prot - settle vm_page_prot from vm_flags and write-notify
 * @vma: the VMA
 *
 * Context: mmap, mprotect (the core calls it after the driver's ->mmap).
 */
void vma_set_page_prot(struct vm_area_struct *vma);

/**
 * handle_mm_fault - resolve a fault at @address of @vma
 * @vma: the VMA
 * @address: the faulting address
 * @flags: FAULT_FLAG_*
 *
 * The MMU calls this on a missing or read-only entry; so do GUP and
 * populate.
 * Context: any.
 * Return: 0 or VM_FAULT_* bits (VM_FAULT_ERROR ones mean the access
 * fails).
 */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags);

/**
 * vm_normal_page - the struct page an entry maps, if it is a normal one
 * @vma: the VMA holding the entry
 * @addr: its address
 * @pte: the entry
 *
 * Context: any, with the current machine set.
 * Return: the page; NULL for special entries (PFN maps, the zero page)
 * and frames without struct page.
 */
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte);

/**
 * vm_normal_folio - the folio of vm_normal_page()
 * @vma: the VMA holding the entry
 * @addr: its address
 * @pte: the entry
 *
 * Context: any, with the current machine set.
 * Return: the folio, or NULL.
 */
struct folio *vm_normal_folio(struct vm_area_struct *vma, unsigned long addr,
			      pte_t pte);

/**
 * get_user_pages_remote - take a reference on the pages behind user
 * addresses of @mm, faulting them in as the access needs (FOLL_GET)
 * @mm: the address space
 * @start: page-aligned first address
 * @nr_pages: how many pages
 * @gup_flags: FOLL_WRITE, FOLL_FORCE, ... (not FOLL_PIN)
 * @pages: where the pages go
 * @locked: NULL, or non-NULL when the caller could have the mmap lock
 *          dropped (the model takes none): then a fault for @mm's
 *          userfaultfd monitor waits for it (FOLL_UNLOCKABLE) - -EAGAIN
 *          for the first page, as the monitor of another process is
 *          idle - where without it handle_userfault() is SIGBUS (EFAULT)
 *
 * Context: any (the current machine is set from @mm).
 * Return: the number of pages taken, which may be fewer than @nr_pages
 * when an address cannot be (a hole, a VM_IO/VM_PFNMAP VMA, a fault
 * error); a negative errno when not even the first one could.
 */
long get_user_pages_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, unsigned int gup_flags,
			   struct page **pages, int *locked);

/**
 * pin_user_pages_remote - get_user_pages_remote() taking DMA pins
 * (FOLL_PIN), counted as the pin-accounting design says
 * @mm: the address space
 * @start: page-aligned first address
 * @nr_pages: how many pages
 * @gup_flags: FOLL_WRITE, FOLL_LONGTERM, ... (not FOLL_GET)
 * @pages: where the pages go
 * @locked: as for get_user_pages_remote()
 *
 * Context: any.
 * Return: as get_user_pages_remote(); release with unpin_user_pages().
 */
long pin_user_pages_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, unsigned int gup_flags,
			   struct page **pages, int *locked);

/**
 * unpin_user_pages - release pins taken by pin_user_pages_remote()
 * @pages: the pages
 * @npages: how many
 *
 * Context: any, with the current machine set.
 */
void unpin_user_pages(struct page **pages, unsigned long npages);

/**
 * put_user_pages - release references taken by get_user_pages_remote()
 * @pages: the pages
 * @npages: how many
 *
 * Context: any, with the current machine set.
 */
void put_user_pages(struct page **pages, unsigned long npages);

/**
 * folio_maybe_dma_pinned - might @folio be pinned for DMA?
 * @folio: the folio
 *
 * Context: any.
 * Return: true if pinned, or (small folios, bias design) if its refcount
 * is high enough to look pinned.
 */
bool folio_maybe_dma_pinned(struct folio *folio);

/**
 * page_folio - the folio @page is part of
 * @page: a page of the memmap
 *
 * Context: any.
 * Return: the folio: @page itself for an order-0 page, else the head of
 * the compound page (a THP or mTHP) it is a tail of.
 */
struct folio *page_folio(const struct page *page);

/**
 * folio_mkclean - write-protect and clean every shared mapping of a
 * page-cache folio (through folio->mapping and index)
 * @folio: the folio
 *
 * Context: any, with the current machine set.
 * Return: the number of entries cleaned.
 */
int folio_mkclean(struct folio *folio);

/**
 * pfn_mkclean_range - write-protect and clean the entries of @vma that
 * map [@pfn, @pfn + @nr_pages) at file offset @pgoff
 * @pfn: first PFN
 * @nr_pages: how many
 * @pgoff: the file offset they are mapped at
 * @vma: a shared VMA of the file
 *
 * Context: any, with the current machine set.
 * Return: the number of entries cleaned.
 */
int pfn_mkclean_range(unsigned long pfn, unsigned long nr_pages, pgoff_t pgoff,
		      struct vm_area_struct *vma);

/**
 * vm_flags_set - set flags on a VMA being set up
 * @vma: the VMA (in ->mmap)
 * @flags: VM_* to set
 *
 * Context: ->mmap.
 */
static inline void vm_flags_set(struct vm_area_struct *vma, vm_flags_t flags)
{
	vma->vm_flags |= flags;
}

/**
 * vm_flags_clear - clear flags of a VMA being set up
 * @vma: the VMA (in ->mmap)
 * @flags: VM_* to clear
 *
 * Context: ->mmap.
 */
static inline void vm_flags_clear(struct vm_area_struct *vma, vm_flags_t flags)
{
	vma->vm_flags &= ~flags;
}

#endif /* MMSIM_MM_H */
