/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm.h - the kernel-level interface of the model: VMA flags, the fault
 * interface a driver implements (vm_operations_struct, vm_fault), the
 * file hooks, and the core calls a driver or a test makes.
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
#define FOLL_PIN	(1U << 22)	/* internal in the kernel (mm/internal.h) */
#define FOLL_UNLOCKABLE	(1U << 23)

#define GUP_PIN_COUNTING_BIAS	(1U << 10)

/*
 * struct vm_fault - one fault, as handed to a driver's hooks.
 * @pgoff is the file offset in pages of @address within the VMA.
 * @page is what ->fault returns (with a reference held).
 */
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned int flags;
	pgoff_t pgoff;
	unsigned long address;
	unsigned long real_address;
	pud_t *pud;
	pmd_t *pmd;
	pte_t *pte;
	pte_t orig_pte;
	struct page *cow_page;
	struct page *page;
};

struct vm_operations_struct {
	void (*open)(struct vm_area_struct *vma);
	void (*close)(struct vm_area_struct *vma);
	int (*may_split)(struct vm_area_struct *vma, unsigned long addr);
	int (*mremap)(struct vm_area_struct *vma);
	vm_fault_t (*fault)(struct vm_fault *vmf);
	vm_fault_t (*huge_fault)(struct vm_fault *vmf, unsigned int order);
	vm_fault_t (*map_pages)(struct vm_fault *vmf, pgoff_t start_pgoff,
				pgoff_t end_pgoff);
	vm_fault_t (*page_mkwrite)(struct vm_fault *vmf);
	vm_fault_t (*pfn_mkwrite)(struct vm_fault *vmf);
	const char *(*name)(struct vm_area_struct *vma);
};

/*
 * struct mmap_action - what an ->mmap_prepare hook asks the core to map
 * once the VMA exists and vm_page_prot is settled (write-notify decided):
 * a PFN range (remap_pfn_range) or an array of kernel pages
 * (vm_insert_pages, VM_MIXEDMAP).  The first @nr_writable pages of a
 * shared writable mapping are mapped writable at once; the rest get
 * vm_page_prot, so a write to them reaches ->page_mkwrite/->pfn_mkwrite.
 */
enum mmap_action_type { MMAP_NOTHING, MMAP_REMAP_PFN, MMAP_INSERT_PAGES };
struct mmap_action {
	enum mmap_action_type type;
	unsigned long pfn;		/* MMAP_REMAP_PFN: first PFN */
	struct page **pages;		/* MMAP_INSERT_PAGES */
	unsigned long nr_pages;		/* pages to map from the VMA start */
	unsigned long nr_writable;
};

/*
 * struct vm_area_desc - what an ->mmap_prepare hook sees and may change
 * before the VMA exists (the core then maps what the hook described in
 * @action, after vm_page_prot is settled).
 */
struct vm_area_desc {
	struct mm_struct *mm;
	struct file *file;
	unsigned long start;
	unsigned long end;
	pgoff_t pgoff;
	vm_flags_t vm_flags;
	pgprot_t page_prot;
	const struct vm_operations_struct *vm_ops;
	void *private_data;
	struct mmap_action action;
};

/*
 * struct kiocb - one read or write on a file: the file and the position.
 * struct iov_iter - where the bytes come from or go to: a kernel buffer
 * (ITER_KVEC, kernel_read/kernel_write) or user memory of @mm
 * (ITER_UBUF, read(2)/write(2)), consumed as the copy advances.
 */
struct kiocb {
	struct file *ki_filp;
	loff_t ki_pos;
};

enum iter_type { ITER_KVEC, ITER_UBUF };

struct iov_iter {
	enum iter_type iter_type;
	bool data_source;		/* true: the bytes are written to the file */
	size_t count;			/* bytes left */
	union {
		char *kvec_base;	/* ITER_KVEC */
		unsigned long ubuf;	/* ITER_UBUF: a user address in @mm */
	};
	struct mm_struct *mm;
};

struct file_operations {
	const char *name;
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*mmap_prepare)(struct vm_area_desc *desc);
	void (*release)(struct file *file);
	/* Return: bytes transferred (iocb->ki_pos advanced), or -errno. */
	ssize_t (*read_iter)(struct kiocb *iocb, struct iov_iter *to);
	ssize_t (*write_iter)(struct kiocb *iocb, struct iov_iter *from);
	/* FALLOC_FL_* @mode over [@offset, @offset + @len); 0 or -errno. */
	long (*fallocate)(struct file *file, int mode, loff_t offset, loff_t len);
	/* Write back [@start, @end]; 0 or -errno.  NULL: fsync is EINVAL. */
	int (*fsync)(struct file *file, loff_t start, loff_t end, int datasync);
};

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

/* Return the VMA containing or following @addr, or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
/* Return the VMA containing @addr, or NULL. */
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *vma_next(struct vm_area_struct *vma);
struct vm_area_struct *vma_prev(struct vm_area_struct *vma);
struct vm_area_struct *vma_first(struct mm_struct *mm);

#define for_each_vma(mm, vma) \
	for ((vma) = vma_first(mm); (vma); (vma) = vma_next(vma))

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

static inline bool vma_is_anonymous(const struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

static inline pgoff_t linear_page_index(const struct vm_area_struct *vma,
					unsigned long address)
{
	return ((address - vma->vm_start) >> PAGE_SHIFT) + vma->vm_pgoff;
}

pgprot_t vm_get_page_prot(vm_flags_t vm_flags);
bool vma_wants_writenotify(struct vm_area_struct *vma, pgprot_t vm_page_prot);
void vma_set_page_prot(struct vm_area_struct *vma);

/* Faults: the arch fault handler calls this; so do GUP and populate. */
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address,
			   unsigned int flags);

struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr,
			    pte_t pte);
struct folio *vm_normal_folio(struct vm_area_struct *vma, unsigned long addr,
			      pte_t pte);

/* GUP, minimal (see gup.c). */
long pin_user_pages(struct mm_struct *mm, unsigned long start,
		    unsigned long nr_pages, unsigned int gup_flags,
		    struct page **pages);
long get_user_pages(struct mm_struct *mm, unsigned long start,
		    unsigned long nr_pages, unsigned int gup_flags,
		    struct page **pages);
void unpin_user_pages(struct page **pages, unsigned long npages);
void put_user_pages(struct page **pages, unsigned long npages);
bool folio_maybe_dma_pinned(struct folio *folio);

/* Special mappings (pfnmap.c). */
int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
		    unsigned long pfn, unsigned long size, pgprot_t prot);
vm_fault_t vmf_insert_pfn(struct vm_area_struct *vma, unsigned long addr,
			  unsigned long pfn);
vm_fault_t vmf_insert_pfn_prot(struct vm_area_struct *vma, unsigned long addr,
			       unsigned long pfn, pgprot_t pgprot);
int vm_insert_page(struct vm_area_struct *vma, unsigned long addr,
		   struct page *page);
int vm_insert_pages(struct vm_area_struct *vma, unsigned long addr,
		    struct page **pages, unsigned long *num);
int vm_map_pages(struct vm_area_struct *vma, struct page **pages,
		 unsigned long num);
vm_fault_t vmf_insert_mixed(struct vm_area_struct *vma, unsigned long addr,
			    unsigned long pfn);
vm_fault_t vmf_insert_mixed_mkwrite(struct vm_area_struct *vma,
				    unsigned long addr, unsigned long pfn);
vm_fault_t vmf_insert_pfn_pmd(struct vm_fault *vmf, unsigned long pfn,
			      bool write);
vm_fault_t vmf_insert_pfn_pud(struct vm_fault *vmf, unsigned long pfn,
			      bool write);
/* mmap_prepare variant: flags and pgoff now, the mapping after prot is set. */
void remap_pfn_range_prepare(struct vm_area_desc *desc, unsigned long pfn);

/* rmap */
int folio_mkclean(struct folio *folio);
/* Write-protect and clean the shared mappings of [pfn, pfn + nr_pages) at
 * [pgoff, pgoff + nr_pages) of @mapping, with no struct page needed. */
int mapping_wrprotect_range(struct address_space *mapping, pgoff_t pgoff,
			    unsigned long pfn, unsigned long nr_pages);
int pfn_mkclean_range(unsigned long pfn, unsigned long nr_pages, pgoff_t pgoff,
		      struct vm_area_struct *vma);

static inline void vm_flags_set(struct vm_area_struct *vma, vm_flags_t flags)
{
	vma->vm_flags |= flags;
}

static inline void vm_flags_clear(struct vm_area_struct *vma, vm_flags_t flags)
{
	vma->vm_flags &= ~flags;
}

#endif /* MMSIM_MM_H */
